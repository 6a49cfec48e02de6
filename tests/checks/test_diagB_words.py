"""Hints reworded so that they name the concept (diagB): ReLU's mask taken from dA (the relu of dA, dA's
sign), dA[l] going into the linear backward instead of dZ[l], the linear cache passed where the activation
cache Z belongs. Learner code written for these tests; right code passes."""
from dlkit.checks import check

from .notebook import notebook

HEAD = ("import numpy as np\nfrom dlkit.activations import sigmoid, relu, sigmoid_backward, relu_backward\n"
        "from dlkit.layers import linear_backward\n")


def _run(name, src):
    return check(name, notebook(HEAD, src)[name])


def test_mask_from_dA_is_said_as_the_relu_of_dA():
    r = _run("relu_backward", '''
def relu_backward(dA, Z):
    out = np.where(dA > 0, dA, 0.0)
    return out
''')
    assert not r.passed and "relu_backward.mask_on_dA" in r.mistakes, str(r)
    assert "the relu of dA" in str(r) and "dA's sign" in str(r), str(r)


def test_dA_into_the_linear_backward_is_said_instead_of_dZ():
    r = _run("linear_activation_backward", '''
def linear_activation_backward(dA, cache, activation):
    lin, Z = cache
    return linear_backward(dA, lin)
''')
    assert not r.passed and "dA[l] instead of dZ[l] going into the linear backward" in str(r), str(r)


def test_the_linear_cache_for_Z_names_the_activation_cache():
    r = _run("linear_activation_backward", '''
def linear_activation_backward(dA, cache, activation):
    lin, act = cache
    if activation == "relu":
        g = relu_backward(dA, lin)
    else:
        g = sigmoid_backward(dA, lin)
    return linear_backward(g, lin)
''')
    assert not r.passed and "where the activation cache Z belongs" in str(r), str(r)


def test_right_code_passes():
    assert _run("relu_backward", '''
def relu_backward(dA, Z):
    return np.where(Z > 0, dA, 0.0)
''').passed
