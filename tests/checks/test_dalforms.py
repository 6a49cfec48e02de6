"""dA[L] held against its known wrong formulas (checks/dalforms.py): Y and A[L] swapped, and operators
grouped otherwise than the lecture, each said by name; a right dA[L] written in other forms is not hit.
Forms of my own (not the held-out files')."""
import pytest

from dlkit.checks import check

from .notebook import notebook

HEAD = "import numpy as np\nfrom dlkit import linear_activation_backward\n"

LOOP = '''
    grads = {}
    L = len(caches)
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \\
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in range(L - 1, 0, -1):
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = \\
            linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")
    return grads
'''


def _fn(dal):
    src = "def model_backward(AL, Y, caches):\n    with np.errstate(all='ignore'):\n        dAL = " + dal + LOOP
    return notebook(HEAD, src)["model_backward"]


WRONG = {
    "swapped, np.divide": ("-(np.divide(AL, Y) - np.divide(1 - AL, 1 - Y))", "model_backward.source.dAL_swapped",
                           "Y and A[L] swapped"),
    "swapped, one fraction": ("(Y - AL) / (Y * (1 - Y))", "model_backward.source.dAL_swapped", "divides by Y"),
    "with the lecture's brackets": ("-(Y / AL - (1 - Y) / 1 - AL)", "model_backward.source.dAL_formula",
                                    "`-(Y / AL - (1 - Y) / (1 - AL))`, with these brackets, gives dA[L]"),
    "divided, then multiplied": ("(AL - Y) / (1 - AL) * AL", "model_backward.source.dAL_formula", "parentheses"),
}


@pytest.mark.parametrize("form", WRONG)
def test_a_known_wrong_dAL_is_named(form):
    dal, mid, words = WRONG[form]
    r = check("model_backward", _fn(dal))
    assert not r.passed
    assert mid in r.mistakes, str(r)
    assert words in r.hints[r.mistakes.index(mid)], str(r)


@pytest.mark.parametrize("dal", ["-(Y / AL - (1 - Y) / (1 - AL))", "(AL - Y) / (AL * (1 - AL))",
                                 "(AL - Y) / AL / (1 - AL)", "np.divide(1 - Y, 1 - AL) - np.divide(Y, AL)"])
def test_a_right_dAL_passes(dal):
    r = check("model_backward", _fn(dal))
    assert r.passed, str(r)
    assert not any("dAL_" in m for m in r.mistakes)
