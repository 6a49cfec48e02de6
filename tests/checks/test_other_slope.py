"""tanh's slope (1 - s^2 with the sigmoid's s) where the sigmoid's s (1 - s) belongs is
said by name (checks/slopes.py, through concepts.py's words); another wrong slope is not called tanh's,
and right code passes. Learner code written for these tests."""
import pytest

from dlkit.checks import check

from .notebook import notebook

HEAD = "import numpy as np\n"

TANH = {
    "np.square of the sigmoid": '''
def sigmoid_backward(dA, Z):
    sig = 1 / (1 + np.exp(-Z))
    return dA * (1 - np.square(sig))
''',
    "the slope in a name of its own": '''
def sigmoid_backward(dA, Z):
    out = 1.0 / (1.0 + np.exp(-Z))
    g = 1 - out ** 2
    return g * dA
''',
}


@pytest.mark.parametrize("form", TANH)
def test_tanh_slope_is_named(form):
    r = check("sigmoid_backward", notebook(HEAD, TANH[form])["sigmoid_backward"])
    assert not r.passed
    assert any("tanh's" in h and "s (1 - s) belongs" in h for h in r.hints), str(r)


def test_another_wrong_slope_is_not_called_tanh():
    src = '''
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    return dA * (1 - s) * (1 - s)
'''
    r = check("sigmoid_backward", notebook(HEAD, src)["sigmoid_backward"])
    assert not r.passed and not any("tanh" in h for h in r.hints), str(r)


def test_right_code_passes():
    src = '''
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    return dA * s * (1 - s)
'''
    assert check("sigmoid_backward", notebook(HEAD, src)["sigmoid_backward"]).passed
