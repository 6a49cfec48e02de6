"""The repair search (checks/oneedit.py): the smallest edit of the learner's own function that makes
it right on every case, said in the lecture's words; one example per edit class, in several
exercises, plus correct code that is never "repaired". The learner code is written for these tests."""
import pytest

from dlkit.checks import SPECS, check, oneedit
from dlkit.checks.runner import KernelCall

from .notebook import notebook

HEAD = '''
import numpy as np
from dlkit import relu, sigmoid, relu_backward, sigmoid_backward, linear_forward, linear_activation_forward
from dlkit import linear_backward, linear_activation_backward
'''


def _fix(name, src):
    """(kind, words) of the one fixing edit the search finds in ``src``, or None."""
    fn = notebook(HEAD, src)[name]
    call = KernelCall(name, fn, 5)
    text = call.learner_source(name)[0]
    found = oneedit.search(SPECS[name], fn, call.namespace, text, runs=5000)   # generous: not a budget test
    if not found or len(found) != 1:
        return None
    node, kind, new, note, _ = found[0]
    return kind, oneedit.say(node, kind, new, note)


EXAMPLES = [   # (exercise, kind, a phrase of the hint, learner code)
    ("sigmoid_backward", "op", "`1 + s` adds (+) where the lecture subtracts (-)", '''
def sigmoid_backward(dA, cache):
    s = 1 / (1 + np.exp(-cache))
    return dA * (s * (1 + s))
'''),
    ("linear_backward", "T", "transpose `A_prev.T`", '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db
'''),
    ("linear_backward", "axis", "across the columns (axis 1, the m examples)", '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=0, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db
'''),
    ("update_parameters", "int", "one off", '''
def update_parameters(parameters, grads, learning_rate):
    parameters = {k: v.copy() for k, v in parameters.items()}
    L = len(parameters) // 2
    for l in range(1, L):
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)]
    return parameters
'''),
    ("linear_activation_forward", "str", "`'sigmoid'`", '''
def linear_activation_forward(A_prev, W, b, activation):
    Z = np.dot(W, A_prev) + b
    if activation == "sigmoind":
        A = 1 / (1 + np.exp(-Z))
    else:
        A = np.maximum(0, Z)
    return A, ((A_prev, W, b), Z)
'''),
    ("relu_backward", "name", "`dA` (dA[l]) is read where `dZ` (dZ[l]) belongs", '''
def relu_backward(dA, cache):
    dZ = np.array(dA, copy=True)
    dZ[cache <= 0] = 0
    return dA
'''),
    ("linear_forward", "fn", "np.dot is the matrix product", '''
def linear_forward(A_prev, W, b):
    Z = np.multiply(W, A_prev) + b
    return Z, (A_prev, W, b)
'''),
    ("linear_backward", "drop", "a factor or term too many", '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ) / m
    return dA_prev, dW, db
'''),
    ("compute_cost", "m", "not m - 1", '''
def compute_cost(AL, Y):
    n = Y.shape[1] - 1
    AL = np.clip(AL, 1e-15, 1 - 1e-15)
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / n)
'''),
    ("relu_backward", "copy", "not a copy", '''
def relu_backward(dA, cache):
    dZ = dA
    dZ[cache <= 0] = 0
    return dZ
'''),
    ("linear_backward", "order", "wrong order", '''
def linear_backward(dZ, cache):
    W, A_prev, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    return np.dot(W.T, dZ), dW, db
'''),
    ("sigmoid", "group", "groups its operators", '''
def sigmoid(Z):
    A = 1 / 1 + np.exp(-Z)
    return A, Z
'''),
    ("linear_forward", "drop", "applies a call that does not belong there", '''
def linear_forward(A_prev, W, b):
    Z = np.dot(W, A_prev).astype(int) + b
    return Z, (A_prev, W, b)
'''),
    ("compute_cost", "drop", "applies a call that does not belong there", '''
def compute_cost(AL, Y):
    m = Y.shape[1]
    AL = np.clip(AL, 1e-15, 1 - 1e-15).astype(np.float16)
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)
'''),
    ("model_forward", "op", "compares with < where <= belongs", '''
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    l = 1
    while l < L - 1:
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
        l += 1
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches
'''),
]


@pytest.mark.parametrize("exercise, kind, phrase, src", EXAMPLES, ids=[f"{e}-{k}" for e, k, _, _ in EXAMPLES])
def test_one_edit_of_each_class_is_found_and_said(exercise, kind, phrase, src):
    found = _fix(exercise, src)
    assert found is not None and found[0] == kind, found
    assert phrase in found[1], found[1]


CORRECT = [
    ("relu_backward", '''
def relu_backward(dA, cache):
    dZ = np.array(dA, copy=True)
    dZ[cache <= 0] = 0
    return dZ
'''),
    ("linear_backward", '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return np.dot(W.T, dZ), np.dot(dZ, A_prev.T) / m, np.sum(dZ, axis=1, keepdims=True) / m
'''),
    ("model_forward", '''
def model_forward(X, parameters):
    caches, A, L = [], X, len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches
'''),
]


@pytest.mark.parametrize("exercise, src", CORRECT, ids=[e for e, _ in CORRECT])
def test_correct_code_is_never_repaired_and_passes(exercise, src):
    assert _fix(exercise, src) is None
    fn = notebook(HEAD, src)[exercise]
    r = check(exercise, fn, time_limit=5)
    assert r.passed, str(r)


def test_two_different_fixes_say_nothing():
    # dW with its factor 1/m missing and db with it twice: no one edit makes both right
    assert _fix("linear_backward", '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T)
    db = np.sum(dZ, axis=1, keepdims=True) / m / m
    return np.dot(W.T, dZ), dW, db
''') is None


def test_the_report_gives_the_edit_with_the_learners_line():
    fn = notebook(HEAD, EXAMPLES[1][3])["linear_backward"]   # a crash: the shapes of dZ and A_prev do not fit
    r = check("linear_backward", fn, time_limit=5)
    text = str(r)
    assert not r.passed and "linear_backward.one_edit" in r.mistakes, text
    assert "Line 4: `A_prev` (A[l-1]) is used as it is where its transpose `A_prev.T` belongs" in text
    assert "on every public case" in text


def test_out_of_budget_says_nothing():
    src = EXAMPLES[1][3]
    fn = notebook(HEAD, src)["linear_backward"]
    call = KernelCall("linear_backward", fn, 5)
    assert oneedit.search(SPECS["linear_backward"], fn, call.namespace, call.learner_source("linear_backward")[0],
                          runs=1) is None
