"""An output that is another lecture quantity, of another shape, is said by what it is first ("db is
dW[l]"), and, when it is the same array as another output, as one result returned twice (an index or a
name copied). Forms found in no held-out round."""
import pytest

from dlkit.checks import check

from .notebook import notebook

HEAD = "import numpy as np\nfrom dlkit import relu_backward, sigmoid_backward, linear_backward\n"

FORMS = {
    "linear_backward, a name copied": ("linear_backward", '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = dZ @ A_prev.T / m
    db = dZ.sum(axis=1, keepdims=True) / m
    return W.T @ dZ, dW, dW
''', "db is dW[l] (the same array as your dW: one result returned twice)"),
    "the whole step, an index copied": ("linear_activation_backward", '''
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    dZ = relu_backward(dA, Z) if activation == "relu" else sigmoid_backward(dA, Z)
    out = list(linear_backward(dZ, linear_cache))
    return out[0], out[1], out[-2]
''', "db is dW[l] (the same array as your dW: one result returned twice)"),
}


@pytest.mark.parametrize("form", FORMS)
def test_an_output_is_said_by_what_it_is(form):
    name, src, words = FORMS[form]
    r = check(name, notebook(HEAD, src)[name])
    assert not r.passed
    assert any(words in f.hint for f in r.findings), str(r)
    if "twice" not in words:
        assert "returned twice" not in str(r), str(r)


def test_two_equal_right_outputs_are_not_called_twice():
    src = '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = dZ @ A_prev.T / m
    return W.T @ dZ, dW, np.sum(dZ, axis=1, keepdims=True) / m
'''
    assert check("linear_backward", notebook(HEAD, src)["linear_backward"]).passed
