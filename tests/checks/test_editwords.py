"""The repair search's glosses (checks/editwords.py): the family of the slip the one fixing edit shows, in
the lecture's words, on forms written for these tests in several exercises; correct code gets no edit."""
import re

import pytest

from dlkit.checks import SPECS, check, oneedit
from dlkit.checks.runner import KernelCall

from .notebook import notebook

HEAD = '''
import numpy as np
from dlkit import relu, sigmoid, relu_backward, sigmoid_backward, linear_forward, linear_activation_forward
from dlkit import linear_backward, linear_activation_backward
'''


def _said(name, src):
    fn = notebook(HEAD, src)[name]
    call = KernelCall(name, fn, 5)
    found = oneedit.search(SPECS[name], fn, call.namespace, call.learner_source(name)[0], runs=5000)
    assert found and len(found) == 1, found
    node, kind, new, note, _ = found[0]
    return oneedit.say(node, kind, new, note)


FORMS = [   # (exercise, a regex the words must meet, learner code)
    ("linear_backward", r"len\(dZ\) counts the rows .*instead of the examples", '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    n = len(dZ)
    return W.T @ dZ, dZ @ A_prev.T / n, dZ.sum(axis=1, keepdims=True) / n
'''),
    ("linear_backward", r"divided by m twice", '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m, np.mean(dZ, axis=1, keepdims=True) / m
'''),
    ("update_parameters", r"opposite sign: the update steps uphill \(gradient ascent\)", '''
def update_parameters(parameters, grads, learning_rate):
    new = {}
    for key in parameters:
        new[key] = parameters[key] + learning_rate * grads["d" + key]
    return new
'''),
    ("sigmoid", r"operator precedence.*parentheses", '''
def sigmoid(Z):
    e = np.exp(-Z)
    return 1 / 1 + e
'''),
    ("relu", r"the test is reversed", '''
def relu(Z):
    return Z * (Z < 0)
'''),
    ("linear_activation_backward", r"capital letters: a string comparison is case-sensitive", '''
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "Sigmoid":
        dZ = sigmoid_backward(dA, Z)
    else:
        dZ = relu_backward(dA, Z)
    return linear_backward(dZ, linear_cache)
'''),
    ("linear_activation_backward", r"the wrong activation: relu's slope", '''
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "sigmoid":
        dZ = relu_backward(dA, Z)
    else:
        dZ = relu_backward(dA, Z)
    return linear_backward(dZ, linear_cache)
'''),
    ("sigmoid_backward", r"divided by m .*m times too small", '''
def sigmoid_backward(dA, cache):
    m = cache.shape[1]
    s = 1 / (1 + np.exp(-cache))
    return dA * s * (1 - s) / m
'''),
]


@pytest.mark.parametrize("exercise, pattern, src", FORMS, ids=[f"{e}-{i}" for i, (e, _, _) in enumerate(FORMS)])
def test_the_gloss_names_the_slip(exercise, pattern, src):
    words = _said(exercise, src)
    assert re.search(pattern, words), words


CORRECT = [
    ("linear_backward", '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = len(A_prev.T)
    return W.T @ dZ, dZ @ A_prev.T / m, np.mean(dZ, axis=1, keepdims=True)
'''),
    ("update_parameters", '''
def update_parameters(parameters, grads, learning_rate):
    return {k: v - learning_rate * grads["d" + k] for k, v in parameters.items()}
'''),
    ("relu_backward", '''
def relu_backward(dA, cache):
    on = cache > 0
    return dA * on
'''),
]


@pytest.mark.parametrize("exercise, src", CORRECT, ids=[e for e, _ in CORRECT])
def test_correct_code_gets_no_edit(exercise, src):
    fn = notebook(HEAD, src)[exercise]
    call = KernelCall(exercise, fn, 5)
    assert not oneedit.search(SPECS[exercise], fn, call.namespace, call.learner_source(exercise)[0], runs=5000)
    assert check(exercise, fn, time_limit=5).passed
