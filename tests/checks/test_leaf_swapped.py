"""A wrong value that is the lecture's equation with one quantity replaced by another (db[l] summed from
dW[l] where dZ[l] belongs) is said by the two quantities and their roles (concepts._leaf_swapped), also
when the equation's mean over the m examples is written as 1/m sum; a replacement that two quantities
explain claims nothing. Forms found in no held-out round."""
import numpy as np
import pytest

from dlkit.checks import check
from dlkit.checks import concepts, expression

from .notebook import notebook

HEAD = "import numpy as np\n"

FORMS = {
    "db from dW, a method call": ("linear_backward", '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = 1 / m * np.dot(dZ, A_prev.T)
    db = (1 / m) * dW.sum(axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db
'''),
    "db from dW, the whole step": ("linear_activation_backward", '''
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dZ = dA * (Z > 0) if activation == "relu" else dA * (1 / (1 + np.exp(-Z))) * (1 - 1 / (1 + np.exp(-Z)))
    dW = dZ @ A_prev.T / m
    db = dW.sum(axis=1, keepdims=True) / m
    return W.T @ dZ, dW, db
'''),
}


@pytest.mark.parametrize("form", FORMS)
def test_one_quantity_for_another_is_said(form):
    name, src = FORMS[form]
    r = check(name, notebook(HEAD, src)[name])
    assert not r.passed
    assert "made from dW[l] where dZ[l] belongs" in r.hints[0], str(r)


def test_the_mean_over_examples_still_passes():
    src = '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    return W.T @ dZ, dZ @ A_prev.T / A_prev.shape[1], np.mean(dZ, axis=1, keepdims=True)
'''
    assert check("linear_backward", notebook(HEAD, src)["linear_backward"]).passed


def test_only_one_replacement_is_said():
    a = np.arange(6.0).reshape(2, 3)
    atom = expression._atom
    q = {"X": a, "Y": a + 7, "Z": a + 1, "V": a + 2}
    r = expression._factor(expression._binary("*", atom("Z"), atom("Y")), "2")      # 2 (Z Y)
    f = expression._binary("*", expression._factor(atom("X"), "2"), atom("Y"))     # (2 X) Y: another form
    assert concepts._leaf_swapped(f, r, q, 3) == "it is made from X where Z belongs"
    plus = expression._binary("+", atom("X"), atom("Y"))   # X in Z's place does not give X + Y: no claim
    assert concepts._leaf_swapped(plus, r, q, 3) is None
    two = expression._binary("*", atom("X"), atom("V"))    # two quantities in, two out: not one replacement
    assert concepts._leaf_swapped(two, r, q, 3) is None
