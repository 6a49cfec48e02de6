"""An output entry stored right and then changed in place through another name (checks/aliasing.py),
said with both lines; the same code with a copy passes. Forms of my own."""
from dlkit.checks import check

from .notebook import notebook

HEAD = "import numpy as np\n"

ALIASED = '''
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    m = AL.shape[1]
    g = AL - Y
    for l in reversed(range(1, L + 1)):
        (A_prev, W, b), Z = caches[l - 1]
        grads[f"dW{l}"] = g.dot(A_prev.T) / m
        grads[f"db{l}"] = g.sum(axis=1, keepdims=True) / m
        grads[f"dA{l - 1}"] = W.T.dot(g)
        if l > 1:
            g = grads[f"dA{l - 1}"]
            g[caches[l - 2][1] <= 0] = 0
    return grads
'''

def test_an_entry_overwritten_through_an_alias_is_said():
    r = check("model_backward", notebook(HEAD, ALIASED)["model_backward"])
    assert not r.passed
    assert "model_backward.alias_changed_in_place" in r.mistakes, str(r)
    hint = r.hints[r.mistakes.index("model_backward.alias_changed_in_place")]
    assert "the same array, not a copy" in hint and "dA[1] is overwritten" in hint


def test_the_same_code_with_a_copy_passes():
    fixed = ALIASED.replace('g = grads[f"dA{l - 1}"]', 'g = grads[f"dA{l - 1}"].copy()')
    r = check("model_backward", notebook(HEAD, fixed)["model_backward"])
    assert r.passed, str(r)
    assert not any("alias_changed_in_place" in m for m in r.mistakes)
