"""A first wrong line that clips a lecture quantity with its own bounds (checks/clipping.py) is said as
that quantity clipped; clipping A[L] away from 0 and 1 (a value left as it is) still passes. Forms of my own."""
from dlkit.checks import check

from .notebook import notebook

HEAD = "import numpy as np\nfrom dlkit import linear_activation_backward\n"

BODY = '''
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    AL = np.clip(AL, 1e-12, 1 - 1e-12)
    dAL = np.divide(1 - Y, 1 - AL) - np.divide(Y, AL)
    dAL = CLIP
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \\
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in range(L - 1, 0, -1):
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = \\
            linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")
    return grads
'''


def _run(clip):
    return check("model_backward", notebook(HEAD, BODY.replace("CLIP", clip))["model_backward"])


def test_a_clipped_dAL_is_said_with_its_bounds():
    r = _run("np.minimum(np.maximum(dAL, -1.5), 1.5)")
    assert not r.passed
    assert r.mistakes[0] == "model_backward.first_wrong_line_clipped", str(r)
    assert "clipped to [-1.5, 1.5]" in r.hints[0] and "not clipped" in r.hints[0]


def test_clipping_that_changes_nothing_passes():
    r = _run("np.clip(dAL, -1e9, 1e9)")
    assert r.passed, str(r)
    assert not any("clipped" in m for m in r.mistakes)
