"""Bad input gets a clear error: the function, the argument, what it got, what it needs.

Each case asserts the exception type *and* the message, in the lecture's
notation. The fuzz tests at the end throw arrays of random shapes at the
public blocks: each call must either work or raise ValueError/TypeError
naming the function, never a bare numpy broadcasting error.
"""
from __future__ import annotations

import os

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dlkit
from dlkit import (
    accuracy,
    compute_cost,
    cost_backward,
    get_activation,
    gradient_check,
    initialize_parameters,
    linear_activation_backward,
    linear_activation_forward,
    linear_backward,
    linear_forward,
    model_backward,
    model_forward,
    numerical_gradient,
    predict,
    relu,
    relu_backward,
    sigmoid,
    train,
    update_parameters,
)

A4 = np.ones((4, 2))  # A_prev: n[l-1] = 4, m = 2
W34 = np.ones((3, 4))
b3 = np.zeros((3, 1))
Y2 = np.array([[1, 0]])
AL2 = np.array([[0.7, 0.2]])


def two_layers():
    return {"W1": np.ones((3, 4)), "b1": np.zeros((3, 1)), "W2": np.ones((1, 3)), "b2": np.zeros((1, 1))}


def without(d, key):
    return {k: v for k, v in d.items() if k != key}


def with_nan(a):
    a = np.array(a, dtype=float)
    a.flat[0] = np.nan
    return a


def caches_for(X):
    return model_forward(X, two_layers())[1]


def three_layers():
    return {**two_layers(), "W2": np.ones((2, 3)), "b2": np.zeros((2, 1)), "W3": np.ones((1, 2)), "b3": np.zeros((1, 1))}


def grads_of_one_layer_more():
    """model_backward's grads for two_layers() with a third layer (1, 1) on top: dW1, dW2 have the
    shapes of W1, W2, so only the extra dW3, db3, dA2 tell the networks apart (the fuzzer's case:
    update_parameters used to update 2 layers and say nothing)."""
    deeper = {**two_layers(), "W3": np.ones((1, 1)), "b3": np.zeros((1, 1))}
    AL, caches = model_forward(A4, deeper)
    return model_backward(AL, Y2, caches)


def with_inf(a):
    a = np.array(a, dtype=float)
    a.flat[0] = np.inf
    return a


def with_cached(caches, index, name, change):
    """A copy of caches with one array of caches[index] = ((A_prev, W, b), Z) changed."""
    caches = list(caches)
    (A_prev, W, b), Z = caches[index]
    arrays = {"A_prev": A_prev, "W": W, "b": b, "Z": Z}
    arrays[name] = change(arrays[name])
    caches[index] = ((arrays["A_prev"], arrays["W"], arrays["b"]), arrays["Z"])
    return caches


CASES = [
    # --- shapes of W, b, A_prev ---
    ("W columns != A_prev rows", lambda: linear_forward(A4, np.ones((3, 5)), b3), ValueError,
     r"linear_forward: W has shape \(3, 5\) but A_prev has 4 rows; W\[l\] must be \(n\[l\], n\[l-1\]\)"),
    ("b is 1-D", lambda: linear_forward(A4, W34, np.zeros(3)), ValueError,
     r"linear_forward: b has shape \(3,\) but must be a column of shape \(3, 1\); b\[l\] is \(n\[l\], 1\)"),
    ("b has the wrong rows", lambda: linear_forward(A4, W34, np.zeros((4, 1))), ValueError,
     r"linear_forward: b has shape \(4, 1\) but must be \(3, 1\): b\[l\] is \(n\[l\], 1\)"),
    ("b is a row", lambda: linear_forward(A4, W34, np.zeros((1, 3))), ValueError,
     r"linear_forward: b has shape \(1, 3\) but must be \(3, 1\)"),
    ("A_prev is 1-D", lambda: linear_forward(np.ones(4), W34, b3), ValueError,
     r"linear_forward: A_prev must be 2-D with shape \(n\[l-1\], m\), got shape \(4,\)"),
    ("W is 3-D", lambda: linear_forward(A4, np.ones((3, 4, 1)), b3), ValueError,
     r"linear_forward: W must be 2-D with shape \(n\[l\], n\[l-1\]\), got shape \(3, 4, 1\)"),
    ("Z is a scalar", lambda: relu(3.0), ValueError, r"relu: Z must be 2-D with shape \(n\[l\], m\), got shape \(\)"),
    ("Z is 1-D", lambda: sigmoid(np.zeros(5)), ValueError,
     r"sigmoid: Z must be 2-D .* got shape \(5,\) \(a 1-D array of 5 values"),
    ("A_prev has no columns", lambda: linear_forward(np.ones((4, 0)), W34, b3), ValueError,
     r"linear_forward: A_prev has shape \(4, 0\) with no entries"),
    ("ragged list", lambda: linear_forward([[1.0, 2.0], [3.0]], W34, b3), TypeError,
     r"linear_forward: A_prev must be a 2-D array of shape \(n\[l-1\], m\), got list"),
    ("string", lambda: relu("abc"), TypeError, r"relu: Z must be a 2-D numpy array .* got str 'abc'"),
    ("None", lambda: linear_forward(None, W34, b3), TypeError, r"linear_forward: A_prev must be a 2-D numpy array"),
    ("objects", lambda: relu(np.array([[object()]])), TypeError, r"relu: Z must hold numbers, got .* dtype object"),
    ("complex", lambda: relu(np.ones((2, 2)) * 1j), TypeError, r"relu: Z must hold numbers, got .* dtype complex128"),
    # --- non-finite values ---
    ("NaN in A_prev", lambda: linear_forward(with_nan(A4), W34, b3), ValueError,
     r"linear_forward: A_prev has 1 NaN or infinite value\(s\); every entry of A_prev must be finite"),
    ("inf in W", lambda: linear_forward(A4, np.full((3, 4), np.inf), b3), ValueError,
     r"linear_forward: W has 12 NaN or infinite value\(s\)"),
    ("NaN in X", lambda: model_forward(with_nan(A4), two_layers()), ValueError,
     r"model_forward: X has 1 NaN or infinite value\(s\)"),
    ("NaN in a parameter", lambda: model_forward(A4, {**two_layers(), "W2": with_nan(np.ones((1, 3)))}), ValueError,
     r"model_forward: parameters\['W2'\] has 1 NaN or infinite value\(s\)"),
    ("NaN in dA", lambda: relu_backward(with_nan(np.ones((2, 2))), np.ones((2, 2))), ValueError,
     r"relu_backward: dA has 1 NaN or infinite value\(s\)"),
    # --- labels and probabilities ---
    ("Y not 0/1", lambda: compute_cost(AL2, np.array([[1, 2]])), ValueError,
     r"compute_cost: Y must hold only 0 and 1 labels, got values such as \[2.0\]"),
    ("Y is a column", lambda: compute_cost(np.array([[0.5]]), np.array([[1], [0]])), ValueError,
     r"compute_cost: Y has shape \(2, 1\) but must be \(1, m\)"),
    ("Y has the wrong m", lambda: compute_cost(AL2, np.array([[1, 0, 1]])), ValueError,
     r"compute_cost: Y has 3 columns but the predictions have m = 2"),
    ("Y is 1-D", lambda: compute_cost(AL2, np.array([1, 0])), ValueError,
     r"compute_cost: Y must be 2-D with shape \(1, m\), got shape \(2,\)"),
    ("AL above 1", lambda: compute_cost(np.array([[1.5, 0.5]]), Y2), ValueError,
     r"compute_cost: AL must hold probabilities in \(0, 1\) \(the output of a sigmoid\), got values such as \[1.5\]"),
    ("AL below 0", lambda: cost_backward(np.array([[-0.1, 0.5]]), Y2), ValueError,
     r"cost_backward: AL must hold probabilities in \(0, 1\).*\[-0.1\]"),
    ("AL has 2 rows", lambda: compute_cost(np.full((2, 2), 0.5), Y2), ValueError,
     r"compute_cost: AL has shape \(2, 2\) but must be \(1, m\)"),
    ("AL from a model_backward call is out of range",
     lambda: model_backward(np.array([[2.0, 0.5]]), Y2, caches_for(A4)), ValueError,
     r"model_backward: AL must hold probabilities"),
    ("accuracy with mismatched m", lambda: accuracy(np.array([[1, 0, 1]]), Y2), ValueError,
     r"accuracy: Y has 2 columns but the predictions have m = 3"),
    ("predictions not 0/1", lambda: accuracy(np.array([[0.3, 1.0]]), Y2), ValueError,
     r"accuracy: predictions must hold only 0 and 1 labels"),
    # --- activations ---
    ("unknown activation", lambda: linear_activation_forward(A4, W34, b3, "softmax"), ValueError,
     r"linear_activation_forward: unknown activation 'softmax'; choose one of \['leaky_relu', 'relu', 'sigmoid', 'tanh'\]"),
    ("unknown activation backward",
     lambda: linear_activation_backward(np.ones((3, 2)), linear_activation_forward(A4, W34, b3, "relu")[1], "Relu"),
     ValueError, r"linear_activation_backward: unknown activation 'Relu'"),
    ("activation not a name", lambda: get_activation(np.tanh), TypeError,
     r"get_activation: activation must be a name such as 'relu', got"),
    ("unknown hidden activation", lambda: model_forward(A4, two_layers(), "elu"), ValueError,
     r"model_forward: unknown activation 'elu'"),
    ("unknown hidden activation backward", lambda: model_backward(AL2, Y2, caches_for(A4), "elu"), ValueError,
     r"model_backward: unknown activation 'elu'"),
    ("dA and Z differ", lambda: relu_backward(np.ones((3, 2)), np.ones((3, 4))), ValueError,
     r"relu_backward: dA has shape \(3, 2\) but Z has shape \(3, 4\); they must match"),
    # --- caches ---
    ("dZ has the wrong shape", lambda: linear_backward(np.ones((3, 5)), (A4, W34, b3)), ValueError,
     r"linear_backward: dZ has shape \(3, 5\) but must be \(n\[l\], m\) = \(3, 2\)"),
    ("linear_cache not a tuple", lambda: linear_backward(np.ones((3, 2)), [A4, W34, b3]), TypeError,
     r"linear_backward: linear_cache must be the tuple \(A_prev, W, b\) kept by linear_forward, got list"),
    ("cache not a tuple", lambda: linear_activation_backward(np.ones((3, 2)), "cache", "relu"), TypeError,
     r"linear_activation_backward: cache must be the tuple \(linear_cache, Z\)"),
    ("dA not the shape of the cached Z",
     lambda: linear_activation_backward(np.ones((3, 5)), linear_activation_forward(A4, W34, b3, "tanh")[1], "tanh"),
     ValueError, r"linear_activation_backward: dA has shape \(3, 5\) but must be \(n\[l\], m\) = \(3, 2\)"),
    ("caches empty", lambda: model_backward(AL2, Y2, []), TypeError,
     r"model_backward: caches must be the non-empty list returned by model_forward"),
    ("caches hold junk", lambda: model_backward(AL2, Y2, [1, 2]), TypeError,
     r"model_backward: caches\[0\] \(layer 1\) must be the tuple \(\(A_prev, W, b\), Z\)"),
    ("AL and caches from different runs", lambda: model_backward(np.full((1, 3), 0.5), np.array([[1, 0, 1]]),
                                                                 caches_for(A4)), ValueError,
     r"model_backward: AL has shape \(1, 3\) but the last cache holds Z\[L\] of shape \(1, 2\)"),
    # --- parameters dicts ---
    ("parameters missing b2", lambda: model_forward(A4, without(two_layers(), "b2")), ValueError,
     r"model_forward: parameters must hold W1..WL and b1..bL for layers 1..L, missing \['b2'\]"),
    ("parameters with an extra W3", lambda: model_forward(A4, {**two_layers(), "W3": np.ones((1, 1))}), ValueError,
     r"model_forward: parameters must hold W1..WL and b1..bL .*missing \['b3'\]"),
    ("parameters with a stray key", lambda: model_forward(A4, {**two_layers(), "lr": 0.1}), ValueError,
     r"model_forward: parameters must hold .*unexpected \['lr'\]"),
    ("parameters skipping a layer", lambda: model_forward(A4, {"W1": W34, "b1": b3, "W3": np.ones((1, 3)),
                                                               "b3": np.zeros((1, 1))}), ValueError,
     r"missing \['W2', 'b2'\].*unexpected \['W3', 'b3'\]"),
    ("parameters not a dict", lambda: model_forward(A4, [W34, b3]), TypeError,
     r"model_forward: parameters must be a dict with keys W1..WL and b1..bL, got list"),
    ("W2 does not follow W1", lambda: model_forward(A4, {**two_layers(), "W2": np.ones((1, 5))}), ValueError,
     r"model_forward: parameters\['W2'\] has shape \(1, 5\) but W1 has 3 rows; W\[2\] must be \(n\[2\], n\[1\]\) = \(1, 3\)"),
    ("b1 is 1-D", lambda: model_forward(A4, {**two_layers(), "b1": np.zeros(3)}), ValueError,
     r"model_forward: parameters\['b1'\] has shape \(3,\) but must be a column of shape \(3, 1\)"),
    ("X rows do not match W1", lambda: model_forward(np.ones((5, 2)), two_layers()), ValueError,
     r"model_forward: X has 5 rows but W1 expects n\[0\] = 4 input features"),
    ("output layer is not one unit", lambda: model_forward(A4, {"W1": W34, "b1": b3}), ValueError,
     r"model_forward: the output layer W1 must have n\[L\] = 1 row for binary classification, got shape \(3, 4\)"),
    ("predict with a bad X", lambda: predict(np.ones(4), two_layers()), ValueError,
     r"model_forward: X must be 2-D"),
    ("predict with a text threshold", lambda: predict(A4, two_layers(), threshold="0.5"), TypeError,
     r"predict: threshold must be a number, got str '0.5'"),
    ("predict with a threshold of 1", lambda: predict(A4, two_layers(), threshold=1.0), ValueError,
     r"predict: threshold must be a probability below 1, got 1.0"),
    ("gradient_check with a list", lambda: gradient_check([W34], A4, Y2), TypeError,
     r"gradient_check: parameters must be a dict"),
    # --- update_parameters ---
    ("grads missing db2", lambda: update_parameters(two_layers(), without({f"d{k}": v for k, v in two_layers().items()}, "db2"), 0.1),
     ValueError, r"update_parameters: grads has no 'db2'; it needs dW1..dW2 and db1..db2"),
    ("grad of the wrong shape", lambda: update_parameters(two_layers(), {**{f"d{k}": v for k, v in two_layers().items()},
                                                                         "dW1": np.ones((4, 3))}, 0.1), ValueError,
     r"update_parameters: grads\['dW1'\] has shape \(4, 3\) but W1 has shape \(3, 4\); they must match"),
    ("grads not a dict", lambda: update_parameters(two_layers(), [1], 0.1), TypeError,
     r"update_parameters: grads must be the dict returned by model_backward"),
    ("negative learning rate", lambda: update_parameters(two_layers(), {}, -0.1), ValueError,
     r"update_parameters: learning_rate must be finite and greater than zero, got -0.1"),
    ("learning rate a string", lambda: update_parameters(two_layers(), {}, "0.1"), TypeError,
     r"update_parameters: learning_rate must be a number, got str '0.1'"),
    # --- initialize_parameters ---
    ("layer_dims too short", lambda: initialize_parameters([5]), ValueError,
     r"initialize_parameters: layer_dims must list at least n\[0\] and n\[1\], got \[5\]"),
    ("layer size zero", lambda: initialize_parameters([5, 0, 1]), ValueError,
     r"initialize_parameters: layer_dims\[1\] = n\[1\] must be a positive integer, got 0"),
    ("layer size a float", lambda: initialize_parameters([5, 2.5, 1]), ValueError,
     r"layer_dims\[1\] = n\[1\] must be a positive integer, got 2.5"),
    ("layer_dims a string", lambda: initialize_parameters("5,3,1"), TypeError,
     r"initialize_parameters: layer_dims must be a list of layer sizes \[n\[0\], ..., n\[L\]\]"),
    ("seed a float", lambda: initialize_parameters([2, 1], seed=1.5), TypeError,
     r"initialize_parameters: seed must be a non-negative integer, got float 1.5"),
    ("seed negative", lambda: initialize_parameters([2, 1], seed=-1), ValueError,
     r"initialize_parameters: seed must be between 0 and 2\*\*32 - 1"),
    ("unknown scheme", lambda: initialize_parameters([2, 1], scheme="glorot"), ValueError,
     r"initialize_parameters: unknown scheme 'glorot'; choose one of \['course', 'he', 'xavier', 'small'\]"),
    ("integer dtype", lambda: initialize_parameters([2, 1], dtype=np.int32), TypeError,
     r"initialize_parameters: dtype must be np.float32 or np.float64"),
    ("dtype not a dtype", lambda: initialize_parameters([2, 1], dtype="foo"), TypeError,
     r"initialize_parameters: dtype must be np.float32 or np.float64, got 'foo'"),
    # --- train ---
    ("zero learning rate", lambda: train(A4, Y2, [4, 1], learning_rate=0, progress=False), ValueError,
     r"train: learning_rate must be finite and greater than zero, got 0"),
    ("negative iterations", lambda: train(A4, Y2, [4, 1], num_iterations=-1, progress=False), ValueError,
     r"train: num_iterations must be finite and zero or more, got -1"),
    ("fractional iterations", lambda: train(A4, Y2, [4, 1], num_iterations=10.5, progress=False), TypeError,
     r"train: num_iterations must be an integer, got float 10.5"),
    ("layer_dims that disagree with X", lambda: train(A4, Y2, [3, 1], progress=False), ValueError,
     r"train: layer_dims \[3, 1\] do not match X and parameters, which give \[4, 1\]"),
    ("Y with the wrong m", lambda: train(A4, np.array([[1, 0, 1]]), [4, 1], progress=False), ValueError,
     r"train: Y has 3 columns but the predictions have m = 2"),
    ("starting parameters not a dict", lambda: train(A4, Y2, [4, 1], parameters=[W34], progress=False), TypeError,
     r"train: parameters must be a dict with keys W1..WL and b1..bL, got list"),
    # --- issue 14's fuzzer findings ---
    ("NaN in a cached Z", lambda: model_backward(AL2, Y2, with_cached(caches_for(A4), 0, "Z", with_nan)), ValueError,
     r"model_backward: Z\[1\] in caches\[0\] has 1 NaN or infinite value\(s\); every entry of Z\[1\] in caches\[0\] must be finite"),
    ("inf in a cached A_prev", lambda: model_backward(AL2, Y2, with_cached(caches_for(A4), 1, "A_prev", with_inf)),
     ValueError, r"model_backward: A\[1\] in caches\[1\] has 1 NaN or infinite value\(s\)"),
    ("NaN in a cached W", lambda: model_backward(AL2, Y2, with_cached(caches_for(A4), 1, "W", with_nan)), ValueError,
     r"model_backward: W\[2\] in caches\[1\] has 1 NaN or infinite value\(s\)"),
    ("a ragged list as a cached Z",
     lambda: model_backward(AL2, Y2, with_cached(caches_for(A4), 1, "Z", lambda Z: [[0.1, 0.2], [0.3]])), TypeError,
     r"model_backward: Z\[2\] in caches\[1\] must be a 2-D array of shape \(n\[2\], m\), got list"),
    ("layer_dims a set", lambda: initialize_parameters({4, 3, 1}), TypeError,
     r"initialize_parameters: layer_dims must be a list of layer sizes \[n\[0\], ..., n\[L\]\] in order, got set .*"
     r"a set has no order"),
    ("layer_dims a dict", lambda: initialize_parameters({4: "a", 1: "b"}), TypeError,
     r"initialize_parameters: layer_dims must be a list of layer sizes .* in order, got dict"),
    ("layers too large for memory", lambda: initialize_parameters([4, 10**12, 1]), ValueError,
     r"initialize_parameters: layer_dims \[4, 1000000000000, 1\] make W\[l\] and b\[l\] of 44703.5 GiB \(float64\), "
     r"more than the .* GiB of memory this machine has; use smaller layers"),
    ("grads for more layers than parameters",
     lambda: update_parameters(two_layers(), model_backward(np.full((1, 2), 0.5), Y2, model_forward(A4, three_layers())[1]), 0.1),
     ValueError, r"update_parameters: grads has \['dA2', 'dW3', 'db3'\] but parameters has L = 2 layers; "
                 r"grads must come from model_backward on the same network"),
    ("grads of a deeper network whose first layers match parameters",
     lambda: update_parameters(two_layers(), grads_of_one_layer_more(), 0.1), ValueError,
     r"update_parameters: grads has \['dA2', 'dW3', 'db3'\] but parameters has L = 2 layers"),
    # --- found by fuzzing the public API for issue 14 (raw numpy/Python errors before) ---
    ("scheme an array", lambda: initialize_parameters([2, 1], scheme=np.array(["he", "small"])), ValueError,
     r"initialize_parameters: unknown scheme array\(\['he', 'small'\].*; choose one of"),
    ("layer_dims a 0-d array", lambda: initialize_parameters(np.array(3)), TypeError,
     r"initialize_parameters: layer_dims must be a list of layer sizes .*, got an array of shape \(\)"),
    ("train's layer_dims a 0-d array", lambda: train(A4, Y2, np.array(4), progress=False), TypeError,
     r"train: layer_dims must be a list of layer sizes .*, got an array of shape \(\)"),
    ("learning rate an int beyond 64 bits", lambda: update_parameters(two_layers(), {}, 10**400), ValueError,
     r"update_parameters: learning_rate must be finite and greater than zero, got 1000"),
    ("threshold an int beyond 64 bits", lambda: predict(A4, two_layers(), threshold=10**30), ValueError,
     r"predict: threshold must be a probability below 1, got 1000000000000000000000000000000"),
    ("numerical_gradient_array of a non-function", lambda: dlkit.numerical_gradient_array(np.ones((2, 2)), np.ones((2, 2)),
                                                                                           np.ones((2, 2))), TypeError,
     r"numerical_gradient_array: f must be a block such as relu, a function of x, got an array of shape \(2, 2\)"),
    # --- gradient checking helpers ---
    ("f not callable", lambda: numerical_gradient(3, np.ones(2)), TypeError,
     r"numerical_gradient: f must be a function of x, got int 3"),
    ("df not the shape of f(x)", lambda: dlkit.numerical_gradient_array(relu, np.ones((2, 2)), np.ones((3, 3))),
     ValueError, r"numerical_gradient_array: df has shape \(3, 3\) but f\(x\) has shape \(2, 2\)"),
    ("rel_error of different shapes", lambda: dlkit.rel_error(np.ones(3), np.ones(4)), ValueError,
     r"rel_error: x has shape \(3,\) but y has shape \(4,\); they must match"),
    ("rel_error of text", lambda: dlkit.rel_error("abc", np.ones(1)), TypeError,
     r"rel_error: x must be an array of numbers, got str 'abc'"),
    ("gradient_difference of None", lambda: dlkit.gradient_difference(np.ones(2), [None, "a"]), TypeError,
     r"gradient_difference: grad_approx must be an array of numbers, got list"),
    ("df of text", lambda: dlkit.numerical_gradient_array(relu, np.ones((1, 1)), "x"), TypeError,
     r"numerical_gradient_array: df must be an array of numbers, got str 'x'"),
    ("x not float", lambda: numerical_gradient(np.sum, np.ones(2, dtype=int)), TypeError,
     r"numerical_gradient: x must be a float numpy array, got an array of shape \(2,\) and dtype int64"),
]


@pytest.mark.parametrize("call, error, message", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_gets_a_clear_error(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_the_issue_example_message_verbatim():
    """The example in the issue, word for word."""
    with pytest.raises(ValueError) as info:
        linear_forward(np.ones((4, 2)), np.ones((3, 5)), np.zeros((3, 1)))
    assert str(info.value).startswith(
        "linear_forward: W has shape (3, 5) but A_prev has 4 rows; W[l] must be (n[l], n[l-1])"
    )


# --- fuzz: random shapes never leak a raw numpy error -----------------------------

shapes = st.lists(st.integers(min_value=0, max_value=3), min_size=0, max_size=3).map(tuple)


def arrays(draw, shape):
    return np.random.default_rng(0).uniform(0.1, 0.9, shape)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(data=st.data())
def test_random_shapes_work_or_fail_clearly(data):
    """Every public block either returns or raises ValueError/TypeError that names it."""
    s = [arrays(data.draw, data.draw(shapes, label=f"shape{i}")) for i in range(3)]
    calls = {
        "linear_forward": lambda: linear_forward(*s),
        "linear_backward": lambda: linear_backward(s[0], (s[1], s[2], s[0])),
        "linear_activation_forward": lambda: linear_activation_forward(s[0], s[1], s[2], "relu"),
        "relu_backward": lambda: relu_backward(s[0], s[1]),
        "sigmoid": lambda: sigmoid(s[0]),
        "compute_cost": lambda: compute_cost(s[0], np.round(s[1])),
        "cost_backward": lambda: cost_backward(s[0], np.round(s[1])),
        "model_forward": lambda: model_forward(s[0], {"W1": s[1], "b1": s[2]}),
        "update_parameters": lambda: update_parameters({"W1": s[0], "b1": s[1]}, {"dW1": s[2], "db1": s[1]}, 0.1),
        "accuracy": lambda: accuracy(np.round(s[0]), np.round(s[1])),
    }
    name = data.draw(st.sampled_from(sorted(calls)), label="function")
    try:
        calls[name]()
    except (ValueError, TypeError) as e:
        assert str(e).startswith(f"{name}:"), f"{type(e).__name__}: {e}"


def _memory_bytes():
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):  # not a POSIX system
        return None


@pytest.mark.skipif((_memory_bytes() or 0) > 44 * 2**30,
                    reason="this machine has over 44 GiB, so 44.7 GiB of parameters are not refused up front")
def test_the_issue_example_of_layers_too_large_for_memory():
    """The fuzzer's [4, 10**9, 1]: a clear message before any allocation, not numpy's MemoryError for
    W1 alone (29.8 GiB); W1, b1, W2 and b2 together are 6e9 float64 numbers, 44.7 GiB."""
    with pytest.raises(ValueError, match=r"initialize_parameters: layer_dims \[4, 1000000000, 1\] make W\[l\] and b\[l\] "
                                         r"of 44.7 GiB \(float64\)"):
        initialize_parameters([4, 10**9, 1])


@pytest.mark.parametrize("rate", [np.array(0.1), np.float32(0.1), np.array(1, dtype=np.int64)],
                         ids=["0-d array", "float32 scalar", "0-d integer array"])
def test_a_learning_rate_may_be_a_numpy_scalar(rate):
    grads = {f"d{k}": np.ones_like(v) for k, v in two_layers().items()}
    updated = update_parameters(two_layers(), grads, rate)
    assert np.allclose(updated["W1"], 1 - float(rate))
    assert type(updated["W1"]) is np.ndarray


def test_the_numerical_gradient_of_an_empty_array_is_empty():
    """Fuzzing found numpy's "Iteration of zero-sized operands is not enabled" here."""
    grad = numerical_gradient(np.sum, np.ones((3, 0)))
    assert grad.shape == (3, 0) and grad.dtype == np.float64


def test_every_public_function_is_covered_by_an_error_case():
    """A new public function should come with its bad-input cases here."""
    source = open(__file__, encoding="utf-8").read()
    untested = [name for name in dlkit.__all__ if name != "ACTIVATIONS" and f"{name}(" not in source]
    # The remaining activations share relu/sigmoid's checks (activations._dA_Z, _z).
    assert set(untested) <= {"tanh", "tanh_backward", "leaky_relu", "leaky_relu_backward", "sigmoid_backward"}, untested
