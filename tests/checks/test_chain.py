"""checks/chain.py: model_forward / model_backward judged by the calls they made (diag8).

The judges are held against hand-made composites run through ``KernelCall.calls``: the first
difference from the lecture's loop is named in its words, and nothing is said when every call
and every kept result is the lecture's.
"""
import numpy as np

import dlkit
from dlkit.checks import chain
from dlkit.checks.runner import KernelCall
from dlkit.checks.specs_model import fixed_model


def _deep(dims=(3, 4, 3, 1)):
    rng = np.random.RandomState(0)
    X = rng.randn(3, 5)
    parameters = {}
    for l in range(1, len(dims)):
        parameters[f"W{l}"] = rng.randn(dims[l], dims[l - 1])
        parameters[f"b{l}"] = rng.randn(dims[l], 1)
    return X, parameters


def _forward_judged(fn, X, parameters):
    got = KernelCall("model_forward", fn, 5).calls("model_forward", (X, parameters), chain.FORWARD_BLOCKS)
    assert got is not None
    return chain.judge_forward((X, parameters), *got)


def _backward_judged(fn, X, parameters, Y):
    AL, caches = dlkit.model_forward(X, parameters)
    args = (AL, Y, caches)
    got = KernelCall("model_backward", fn, 5).calls("model_backward", args, chain.BACKWARD_BLOCKS)
    assert got is not None
    return chain.judge_backward(args, *got)


linear_activation_forward = dlkit.linear_activation_forward
linear_activation_backward = dlkit.linear_activation_backward
linear_forward, relu, sigmoid = dlkit.linear_forward, dlkit.relu, dlkit.sigmoid


def test_the_lectures_loop_gives_no_judgement_forward_and_backward():
    X, parameters = _deep()
    assert _forward_judged(dlkit.model_forward, X, parameters) is None

    def model_forward(X, parameters):   # two-step layers: still the lecture's loop
        caches, A, L = [], X, len(parameters) // 2
        for l in range(1, L + 1):
            Z, lc = linear_forward(A, parameters[f"W{l}"], parameters[f"b{l}"])
            A = sigmoid(Z) if l == L else relu(Z)
            caches.append((lc, Z))
        return A, caches
    assert _forward_judged(model_forward, X, parameters) is None
    Y = np.array([[1.0, 0.0, 1.0, 1.0, 0.0]])
    assert _backward_judged(dlkit.model_backward, X, parameters, Y) is None


def test_only_the_composites_own_calls_are_noted():
    X, parameters = _deep()

    def model_forward(X, parameters):
        return dlkit.model_forward(X, parameters)

    def my_block(A_prev, W, b, activation):   # a learner's block calling others: only it is noted
        Z, lc = linear_forward(A_prev, W, b)
        return (relu(Z) if activation == "relu" else sigmoid(Z)), (lc, Z)

    def composite(X, parameters):
        caches, A, L = [], X, len(parameters) // 2
        for l in range(1, L + 1):
            A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"],
                                                 "sigmoid" if l == L else "relu")
            caches.append(cache)
        return A, caches
    composite.__globals__["linear_activation_forward"] = my_block
    try:
        _, log = KernelCall("model_forward", composite, 5).calls("model_forward", (X, parameters), chain.FORWARD_BLOCKS)
    finally:
        composite.__globals__["linear_activation_forward"] = dlkit.linear_activation_forward
    assert [name for name, _, _ in log] == ["linear_activation_forward"] * 3
    assert log[1][1]["activation"] == "relu" and np.allclose(log[1][1]["W"], parameters["W2"])


def test_forward_differences_are_named_in_the_lectures_words():
    X, parameters = _deep()

    # (the call given W[l+1]: layer l skipped)
    mid, words, refutes = chain.judge_forward((X, parameters), None, [
        ("linear_activation_forward", {"A_prev": X, "W": parameters["W1"], "b": parameters["b1"], "activation": "relu"},
         dlkit.linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")),
        ("linear_activation_forward", {"A_prev": X[:3], "W": parameters["W3"], "b": parameters["b3"], "activation": "sigmoid"},
         (None, None))])
    assert mid == "chain_call" and "layer 2 is skipped" in words and "W[3]" in words and not refutes

    def fed_X(X, parameters):
        caches, A, L = [], X, len(parameters) // 2
        for l in range(1, L + 1):
            A_in = X if l == 3 else A
            A, cache = linear_activation_forward(A_in, parameters[f"W{l}"], parameters[f"b{l}"],
                                                 "sigmoid" if l == L else "relu")
            caches.append(cache)
        return A, caches
    X2, p2 = _deep()
    p2["W3"] = np.ones((1, 3))   # so that X (3, m) fits layer 3
    mid, words, _ = _forward_judged(fed_X, X2, p2)
    assert mid == "chain_call" and "layer 3's call is given X" in words and "A[2]" in words and "not chained" in words

    def two_activations(X, parameters):
        caches, A, L = [], X, len(parameters) // 2
        for l in range(1, L + 1):
            A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
            caches.append(cache)
        return sigmoid(A), caches
    mid, words, _ = _forward_judged(two_activations, X, parameters)
    assert "layer 3 (the output layer) runs with activation 'relu'" in words and "two activations" in words

    def returns_hidden(X, parameters):
        caches, A, L = [], X, len(parameters) // 2
        for l in range(1, L + 1):
            A_prev = A
            A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"],
                                                 "sigmoid" if l == L else "relu")
            caches.append(cache)
        return A_prev, caches
    mid, words, refutes = _forward_judged(returns_hidden, X, parameters)
    assert mid == "chain_result" and "A[2], the result of layer 2's call" in words and refutes is True

    def cache_lost(X, parameters):
        caches, A, L = [], X, len(parameters) // 2
        for l in range(1, L + 1):
            A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"],
                                                 "sigmoid" if l == L else "relu")
            if l != 2:
                caches.append(cache)
        return A, caches
    mid, words, _ = _forward_judged(cache_lost, X, parameters)
    assert mid == "chain_result" and "the cache of layer 2 is missing" in words


def test_an_activation_spelled_another_way_is_judged_by_its_effect():
    X, parameters = _deep()

    def lenient(A_prev, W, b, activation):   # a learner's block that reads "ReLU" as "relu"
        return dlkit.linear_activation_forward(A_prev, W, b, activation.lower())

    def composite(X, parameters):
        caches, A, L = [], X, len(parameters) // 2
        for l in range(1, L + 1):
            A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"],
                                                 "Sigmoid" if l == L else "ReLU")
            caches.append(cache)
        return A, caches[:-1]
    composite.__globals__["linear_activation_forward"] = lenient
    try:
        mid, words, _ = _forward_judged(composite, X, parameters)
    finally:
        composite.__globals__["linear_activation_forward"] = dlkit.linear_activation_forward
    assert mid == "chain_result" and "activation" not in words.split(";")[0]


def test_backward_differences_are_named_in_the_lectures_words():
    X, parameters = _deep()
    Y = np.array([[1.0, 0.0, 1.0, 1.0, 0.0]])

    def reused(AL, Y, caches):   # every hidden layer given the output layer's dA[L-1]
        grads, L = {}, len(caches)
        dAL = -(Y / AL) + (1 - Y) / (1 - AL)
        first, grads[f"dW{L}"], grads[f"db{L}"] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
        grads[f"dA{L - 1}"] = first
        for l in range(L - 1, 0, -1):
            grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(first, caches[l - 1], "relu")
        return grads
    X3, p3 = _deep([3, 3, 3, 1])
    mid, words, _ = _backward_judged(reused, X3, p3, Y)
    # W2c: the same array for every hidden layer is said as a whole (layerinputs.py)
    assert mid == "chain_shared_input" and "every hidden layer is given dA[L-1] (here dA[2]" in words
    assert "the same dA is reused for layers 2..1" in words

    def mean_dAL(AL, Y, caches):
        grads, L = {}, len(caches)
        dA = np.full(AL.shape, np.mean(-(Y / AL) + (1 - Y) / (1 - AL)))
        for l in range(L, 0, -1):
            dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(dA, caches[l - 1],
                                                                              "sigmoid" if l == L else "relu")
            grads[f"dA{l - 1}"] = dA
        return grads
    mid, words, _ = _backward_judged(mean_dAL, X, parameters, Y)
    assert mid == "chain_dAL" and "one number, the mean of dA[L]" in words

    def shifted(AL, Y, caches):
        grads, L = {}, len(caches)
        dA = -(Y / AL) + (1 - Y) / (1 - AL)
        for l in range(L, 0, -1):
            dA, dW, db = linear_activation_backward(dA, caches[l - 1], "sigmoid" if l == L else "relu")
            grads[f"dA{l - 1}"], grads[f"dW{l if l == L else l - 1}"], grads[f"db{l}"] = dA, dW, db
        return grads
    mid, words, refutes = _backward_judged(shifted, X, parameters, Y)
    assert mid == "chain_result" and "stored as grads['dW1'], where grads['dW2'] belongs" in words
    assert "one too low" in words and refutes is True

    def anew(AL, Y, caches):
        L = len(caches)
        dA = -(Y / AL) + (1 - Y) / (1 - AL)
        for l in range(L, 0, -1):
            dA, dW, db = linear_activation_backward(dA, caches[l - 1], "sigmoid" if l == L else "relu")
            grads = {f"dA{l - 1}": dA, f"dW{l}": dW, f"db{l}": db}
        return grads
    mid, words, _ = _backward_judged(anew, X, parameters, Y)
    assert mid == "chain_result" and "only the results of the last call (layer 1's)" in words
    assert "layers 3 and 2" in words


def test_a_composite_that_calls_no_block_is_not_judged():
    X, parameters = _deep()

    def inline(X, parameters):
        A = X
        for l in (1, 2, 3):
            A = np.maximum(parameters[f"W{l}"] @ A + parameters[f"b{l}"], 0)
        return A, []
    assert _forward_judged(inline, X, parameters) is None
    X, parameters, Y = fixed_model()
    assert _backward_judged(lambda AL, Y, caches: {}, X, parameters, Y) is None
