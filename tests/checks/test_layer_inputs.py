"""W2c: a layer call's input said by the call it belongs to (checks/layerinputs.py, through chain.py): one
array given to every layer from some layer on, and a stale input (the one the call before was given). The
learner code is written for these tests; the right loops get neither."""
import numpy as np

import dlkit
from dlkit.checks import chain
from dlkit.checks.runner import KernelCall

linear_activation_forward = dlkit.linear_activation_forward
linear_activation_backward = dlkit.linear_activation_backward


def _net(dims):
    rng = np.random.RandomState(3)
    X = rng.randn(dims[0], 5)
    P = {}
    for l in range(1, len(dims)):
        P[f"W{l}"], P[f"b{l}"] = rng.randn(dims[l], dims[l - 1]), rng.randn(dims[l], 1)
    return X, P


def _forward(fn, X, P):
    got = KernelCall("model_forward", fn, 5).calls("model_forward", (X, P), chain.FORWARD_BLOCKS)
    return chain.judge_forward((X, P), *got)


def _backward(fn, X, P, Y):
    AL, caches = dlkit.model_forward(X, P)
    got = KernelCall("model_backward", fn, 5).calls("model_backward", (AL, Y, caches), chain.BACKWARD_BLOCKS)
    return chain.judge_backward((AL, Y, caches), *got)


def _every_layer_on_X(X, parameters):
    caches, L = [], len(parameters) // 2
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(X, parameters[f"W{l}"], parameters[f"b{l}"], "relu" if l < L else "sigmoid")
        caches.append(cache)
    return A, caches


def _forward_one_step_late(X, parameters):
    caches, L = [], len(parameters) // 2
    given, newest = X, X
    for l in range(1, L + 1):
        out, cache = linear_activation_forward(given, parameters[f"W{l}"], parameters[f"b{l}"], "relu" if l < L else "sigmoid")
        caches.append(cache)
        given, newest = (newest if l > 1 else out), out
    return out, caches


def _backward_one_step_late(AL, Y, caches):
    grads, L = {}, len(caches)
    dAL = -(Y / AL) + (1 - Y) / (1 - AL)
    first, grads[f"dW{L}"], grads[f"db{L}"] = linear_activation_backward(dAL, caches[-1], "sigmoid")
    grads[f"dA{L - 1}"] = first
    older = current = first
    for l in range(L - 1, 0, -1):
        new, grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(older, caches[l - 1], "relu")
        grads[f"dA{l - 1}"] = new
        older, current = current, new
    return grads


def _right_forward(X, parameters):
    return dlkit.model_forward(X, parameters)


def test_one_array_for_every_layer_is_said_as_a_whole():
    X, P = _net([3, 3, 3, 1])
    mid, words, _ = _forward(_every_layer_on_X, X, P)
    assert mid == "chain_shared_input", words
    assert "every layer from 1 to 3 is given X = A[0]" in words and "the same A is reused" in words


def test_a_stale_input_is_said_one_layer_behind():
    X, P = _net([3, 3, 3, 3, 1])
    mid, words, _ = _forward(_forward_one_step_late, X, P)
    assert mid == "chain_stale_input", words
    assert "layer 3 is given A[l-2] (here A[1])" in words and "stale" in words
    X, P = _net([3, 3, 3, 1])   # one network deeper less: layers 2 and 3 share A[1], said as a whole
    mid, words, _ = _forward(_forward_one_step_late, X, P)
    assert mid == "chain_shared_input" and "given A[L-2] (here A[1])" in words, words
    X, P = _net([3, 3, 3, 3, 1])
    Y = np.array([[1.0, 0.0, 1.0, 0.0, 1.0]])
    mid, words, _ = _backward(_backward_one_step_late, X, P, Y)
    assert mid == "chain_stale_input", words
    assert "layer 2's call is given dA[l+1] (here dA[3])" in words


def test_right_loops_get_neither():
    X, P = _net([3, 3, 3, 1])
    assert _forward(_right_forward, X, P) is None


def _backward_negated_on(AL, Y, caches):
    grads, L = {}, len(caches)
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    for l in range(L, 0, -1):
        out, grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(dA, caches[l - 1], "sigmoid" if l == L else "relu")
        grads[f"dA{l - 1}"] = out
        dA = -out    # "the gradient points the other way"
    return grads


def _forward_halved_on(X, parameters):
    caches, L, A = [], len(parameters) // 2, X
    for l in range(1, L + 1):
        A_next, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], "relu" if l < L else "sigmoid")
        caches.append(cache)
        A = A_next / 2
    return A * 2, caches


def test_an_input_that_is_a_function_of_what_belongs_is_said_so():
    X, P = _net([3, 3, 3, 1])
    Y = np.array([[1.0, 0.0, 1.0, 0.0, 1.0]])
    mid, words, _ = _backward(_backward_negated_on, X, P, Y)
    assert mid == "chain_related_input" and "the negative of dA[2]" in words, words
    mid, words, _ = _forward(_forward_halved_on, X, P)
    assert mid == "chain_related_input" and "half of A[1]" in words, words
