"""A result computed and never used, where the first wrong line reads another name (the slip of one
name: mask = Z > 0, then dZ = dA * Z), is said by both names (checks/unused.py), first; right code with
an unused local still passes, and an unused local that does not give the lecture's value is not
blamed. Forms found in no held-out round."""
import pytest

from dlkit.checks import check

from .notebook import notebook

HEAD = "import numpy as np\n"

SLIPS = {
    "the sigmoid's slope left unused": ("sigmoid_backward", '''
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    slope = s * (1 - s)
    dZ = dA * Z
    return dZ
''', "reads Z where your slope belongs"),
    "np.where's mask left unused": ("relu_backward", '''
def relu_backward(dA, Z):
    g_prime = np.where(Z > 0, 1.0, 0.0)
    grad = dA.copy()
    dZ = grad * Z
    return dZ
''', "reads Z where your g_prime belongs"),
    "a float mask left unused": ("relu_backward", '''
def relu_backward(dA, Z):
    on = (Z > 0).astype(float)
    dZ = np.multiply(dA, Z)
    return dZ
''', "reads Z where your on belongs"),
}


@pytest.mark.parametrize("form", SLIPS)
def test_a_result_never_used_is_said_first(form):
    name, src, words = SLIPS[form]
    r = check(name, notebook(HEAD, src)[name])
    assert not r.passed
    assert r.mistakes[0] == f"{name}.unused_result" and words in r.hints[0], str(r)


def test_an_unused_local_in_right_code_passes():
    src = '''
def relu_backward(dA, Z):
    unused = Z * 2
    return dA * (Z > 0)
'''
    assert check("relu_backward", notebook(HEAD, src)["relu_backward"]).passed


def test_an_unused_local_that_does_not_fix_the_line_is_not_blamed():
    src = '''
def relu_backward(dA, Z):
    twice = Z * 2
    dZ = dA * Z
    return dZ
'''
    r = check("relu_backward", notebook(HEAD, src)["relu_backward"])
    assert not r.passed and "relu_backward.unused_result" not in r.mistakes, str(r)
