"""A first wrong line one edit away from the lecture's (checks/swaps.py): an operator swapped, a call
replaced by its argument's transpose, a call's parentheses moved over a constant, a factor multiplied in
twice. Each is said with the lecture's form; right code passes, and a wrong line that no single edit
repairs does not get the id. Learner code written for these tests."""
import pytest

from dlkit.checks import check

from .notebook import notebook

HEAD = ("import numpy as np\nfrom dlkit.activations import sigmoid, relu, sigmoid_backward, relu_backward\n"
        "from dlkit.layers import linear_backward\n")
ID = "first_wrong_line_swap"

SLIPS = {
    "divided where multiplied": ("sigmoid_backward", '''
def sigmoid_backward(dA, Z):
    sig = 1 / (1 + np.exp(-Z))
    local = sig * (1 - sig)
    dZ = dA / local
    return dZ
''', ["/ where * belongs", "`dA * local`"]),
    "subtracted where multiplied, in a longer line": ("sigmoid_backward", '''
def sigmoid_backward(dA, Z):
    a = 1 / (1 + np.exp(-Z))
    dZ = dA - a * (1 - a)
    return dZ
''', ["- where * belongs"]),
    "an inverse where the transpose belongs": ("linear_backward", '''
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(np.linalg.pinv(W), dZ)
    return dA_prev, dW, db
''', ["the transpose of W", "W.T"]),
    "the 1 - inside the sigmoid's parentheses": ("linear_activation_backward", '''
def linear_activation_backward(dA, cache, activation):
    lin, Z = cache
    if activation == "sigmoid":
        dZ = dA * sigmoid(1 - Z) * sigmoid(Z)
    else:
        dZ = relu_backward(dA, Z)
    return linear_backward(dZ, lin)
''', ["inside sigmoid's parentheses", "1 - sigmoid(Z)"]),
    "dA multiplied in twice": ("linear_activation_backward", '''
def linear_activation_backward(dA, cache, activation):
    lin, Z = cache
    if activation == "sigmoid":
        dZ = sigmoid_backward(dA, Z) * dA
    else:
        dZ = relu_backward(dA, Z)
    return linear_backward(dZ, lin)
''', ["dA is multiplied in twice"]),
}


@pytest.mark.parametrize("form", SLIPS)
def test_a_line_one_edit_away_is_said_with_the_edit(form):
    name, src, words = SLIPS[form]
    r = check(name, notebook(HEAD, src)[name])
    assert not r.passed
    # its own id, or (when the line is also said as a lecture expression) that finding's id with the edit
    said = [i for i, m in enumerate(r.mistakes) if m in (f"{name}.{ID}", f"{name}.first_wrong_line_expression")]
    assert said, str(r)
    hint = r.hints[said[0]]
    assert all(w in hint for w in words), hint


RIGHT = {
    "sigmoid_backward": '''
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    return dA * s * (1 - s)
''',
    "linear_backward": '''
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m, dZ.sum(axis=1, keepdims=True) / m
''',
    "linear_activation_backward": '''
def linear_activation_backward(dA, cache, activation):
    lin, Z = cache
    s = sigmoid(Z)
    dZ = dA * s * (1 - s) if activation == "sigmoid" else relu_backward(dA, Z)
    return linear_backward(dZ, lin)
''',
}


@pytest.mark.parametrize("name", RIGHT)
def test_right_code_passes(name):
    assert check(name, notebook(HEAD, RIGHT[name])[name]).passed


def test_a_line_no_single_edit_repairs_is_not_said():
    src = '''
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    dZ = dA * (1 - s) ** 2
    return dZ
'''
    r = check("sigmoid_backward", notebook(HEAD, src)["sigmoid_backward"])
    assert not r.passed and f"sigmoid_backward.{ID}" not in r.mistakes, str(r)
