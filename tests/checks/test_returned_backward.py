"""A backward step that returns the wrong number of things is said piece by piece, like the forward
steps: which item is one too many (and what it holds), which is missing, a level of nesting too many."""
import numpy as np
import pytest

from dlkit import linear_backward as ref_linear_backward, relu_backward, sigmoid_backward
from dlkit.checks import check


def _lab(post):
    def linear_activation_backward(dA, cache, activation):
        linear_cache, Z = cache
        dZ = relu_backward(dA, Z) if activation == "relu" else sigmoid_backward(dA, Z)
        dA_prev, dW, db = ref_linear_backward(dZ, linear_cache)
        return post(dA_prev, dW, db, dZ, linear_cache)
    return linear_activation_backward


def _lb(post):
    def linear_backward(dZ, linear_cache):
        A_prev, W, b = linear_cache
        m = A_prev.shape[1]
        dW, db = dZ @ A_prev.T / m, np.sum(dZ, axis=1, keepdims=True) / m
        return post(W.T @ dZ, dW, db, dZ, linear_cache)
    return linear_backward


CASES = {   # name -> (exercise, function, words the report must hold)
    "dZ returned too": ("linear_activation_backward", _lab(lambda a, w, b, z, c: (a, w, b, z)),
                        ["item 3 (counting from 0), dZ[l], is one item too many"]),
    "dZ first": ("linear_activation_backward", _lab(lambda a, w, b, z, c: (z, a, w, b)), ["dZ[l]"]),
    "db left out": ("linear_activation_backward", _lab(lambda a, w, b, z, c: (a, w)), ["db[l] is missing"]),
    "W returned too": ("linear_backward", _lb(lambda a, w, b, z, c: (a, w, b, c[1])), ["W[l]", "one item too many"]),
    "dA_prev left out": ("linear_backward", _lb(lambda a, w, b, z, c: (w, b)), ["dA[l-1] is missing"]),
    "grads nested": ("linear_backward", _lb(lambda a, w, b, z, c: (a, (w, b))), ["(dW[l], db[l])"]),
}


@pytest.mark.parametrize("name", CASES)
def test_a_backward_step_of_the_wrong_length_is_said_piece_by_piece(name):
    exercise, fn, words = CASES[name]
    r = check(exercise, fn)
    assert not r.passed and r.mistakes[0] == f"{exercise}.returns_wrong_structure", str(r)
    for w in words:
        assert w in r.hints[0], (name, r.hints[0])


def test_a_list_of_the_three_right_gradients_still_passes():
    assert check("linear_backward", _lb(lambda a, w, b, z, c: [a, w, b])).passed
