"""A cache item taken from the wrong position (checks/cacheitems.py): a name of the lecture (Z) that holds
another item of the cache (A_prev, W, b), refused by the block it is passed to, is said with the item it
is and, when the line that set it indexes the cache, the position in cache = (linear_cache, Z). Another
refused argument is not said so, and right code passes. Learner code written for these tests."""
from dlkit.checks import check

from .notebook import notebook

HEAD = ("import numpy as np\nfrom dlkit.activations import sigmoid, relu, sigmoid_backward, relu_backward\n"
        "from dlkit.layers import linear_backward\n")
ID = "linear_activation_backward.cache_item_wrong"


def _run(src):
    return check("linear_activation_backward", notebook(HEAD, src)["linear_activation_backward"])


def test_the_first_item_of_the_linear_cache_taken_as_Z():
    r = _run('''
def linear_activation_backward(dA, cache, activation):
    Z = cache[0][0]
    if activation == "relu":
        dZ = relu_backward(dA, Z)
    else:
        dZ = sigmoid_backward(dA, Z)
    return linear_backward(dZ, cache[0])
''')
    assert not r.passed and ID in r.mistakes, str(r)
    hint = r.hints[r.mistakes.index(ID)]
    assert "Your Z holds A[l-1]" in hint and "the first item of the linear cache" in hint, hint
    assert "Z[l] is cache[1]" in hint, hint


def test_the_bias_under_the_name_Z_without_an_index_of_cache():
    r = _run('''
def linear_activation_backward(dA, cache, activation):
    lin = cache[0]
    A_prev, W, Z = lin
    dZ = relu_backward(dA, Z) if activation == "relu" else sigmoid_backward(dA, Z)
    return linear_backward(dZ, lin)
''')
    assert not r.passed and ID in r.mistakes, str(r)
    assert "Your Z holds b[l]" in r.hints[r.mistakes.index(ID)], str(r)


def test_another_refused_argument_is_not_said_as_a_cache_item():
    r = _run('''
def linear_activation_backward(dA, cache, activation):
    lin, Z = cache
    dZ = relu_backward(dA, Z.T) if activation == "relu" else sigmoid_backward(dA, Z.T)
    return linear_backward(dZ, lin)
''')
    assert not r.passed and ID not in r.mistakes, str(r)


def test_right_code_passes():
    assert _run('''
def linear_activation_backward(dA, cache, activation):
    Z = cache[1]
    dZ = relu_backward(dA, Z) if activation == "relu" else sigmoid_backward(dA, Z)
    return linear_backward(dZ, cache[0])
''').passed
