"""Crashes said by what the learner passed and by the convention their code follows (checks/pyerrors.py,
diag14): a dlkit block's refusal traced back to the line that put another value under the name passed
(a helper's results unpacked in another order, a name reused for the cost), a KeyError of the learner's
own empty dict, a string called as the function it names, a parameter named after another notebook's
convention, np.gradient / np.diff as the slope, the forward activation called with the backward step's
arguments. Each crash gets its finding; correct code and near misses next to it are not misnamed.
Written for the mechanisms, never from the held-out set."""
import pytest

from dlkit.checks import SPECS, check
from dlkit.checks.runner import KernelCall

from .notebook import notebook

HEAD = "import numpy as np\nfrom dlkit import *\n"

CRASHES = [
    # (exercise, source, id, fragments the first hint must hold)
    ("model_backward", '''
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["db" + str(L)], grads["dA" + str(L - 1)], grads["dW" + str(L)] = linear_activation_backward(dAL, caches[-1], "sigmoid")
    for l in reversed(range(1, L)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = dA_prev, dW, db
    return grads
''', "model_backward.passed_value", ["The dA you passed to linear_activation_backward", "is linear_activation_backward's dW",
                                     "returns (dA_prev, dW, db) in this order"]),
    ("L_layer_model", '''
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for it in range(num_iterations):
        A, caches = model_forward(X, parameters)
        A = compute_cost(A, Y)
        costs.append(A)
        parameters = update_parameters(parameters, model_backward(A, Y, caches), learning_rate)
    return parameters, costs
''', "L_layer_model.passed_value", ["The AL you passed to model_backward, `A`, is compute_cost's cost",
                                    "a number where A[L] belongs", "reuses the name A", "model_forward(X, parameters)"]),
    ("linear_activation_backward", '''
def linear_activation_backward(dA, cache, activation):
    if activation == "relu":
        dZ = relu_backward(dA, cache[0])
    else:
        dZ = sigmoid_backward(dA, cache[0])
    return linear_backward(dZ, cache[0])
''', "linear_activation_backward.passed_value", ["The Z you passed to", "`cache[0]`, is linear_cache",
                                                 "where Z[l] belongs"]),
    ("update_parameters", '''
def update_parameters(parameters, grads, learning_rate):
    new_params = dict()
    for l in range(1, len(parameters) // 2 + 1):
        new_params[f"b{l}"] -= learning_rate * grads[f"db{l}"]
        new_params[f"W{l}"] -= learning_rate * grads[f"dW{l}"]
    return new_params
''', "update_parameters.own_dict_empty", ["new_params is the empty dict", "nothing to subtract from",
                                          "Start from parameters' values"]),
    ("linear_activation_backward", '''
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    dZ = activation(dA, Z)
    return linear_backward(dZ, linear_cache)
''', "linear_activation_backward.str_called", ["which is the string 'sigmoid'", "cannot be called",
                                               "sigmoid_backward(dA, Z) when activation == 'sigmoid'"]),
    ("sigmoid_backward", '''
def sigmoid_backward(dA, cache):
    A, Z = cache
    s = 1 / (1 + np.exp(-Z))
    return dA * s * (1 - s)
''', "sigmoid_backward.parameter_renamed", ["its cache is Z itself here", "sigmoid_backward(dA, Z)",
                                            "Use Z as it is given"]),
    ("relu_backward", '''
def relu_backward(dA, Z):
    slope = np.diff(np.maximum(0, Z), axis=1)
    return dA * slope
''', "relu_backward.numerical_derivative", ["np.diff", "neighbouring examples", "not the slope",
                                            "1 where Z > 0, else 0"]),
    ("linear_activation_backward", '''
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    g = relu if activation == "relu" else sigmoid
    dZ = g(dA, Z)
    return linear_backward(dZ, linear_cache)
''', "linear_activation_backward.raised_TypeError", []),
    ("linear_activation_backward", '''
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    dZ = relu(dA, Z) if activation == "relu" else sigmoid(dA, Z)
    return linear_backward(dZ, linear_cache)
''', "linear_activation_backward.forward_for_slope", ["calls sigmoid, the forward function", "not its slope",
                                                      "sigmoid_backward(dA, Z)"]),
]

CORRECT = [
    ("update_parameters", '''
def update_parameters(parameters, grads, learning_rate):
    updated = {}
    for l in range(1, len(parameters) // 2 + 1):
        updated["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        updated["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return updated
'''),
    ("L_layer_model", '''
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for it in range(num_iterations):
        A, caches = model_forward(X, parameters)
        J = compute_cost(A, Y)
        costs.append(J)
        parameters = update_parameters(parameters, model_backward(A, Y, caches), learning_rate)
    return parameters, costs
'''),
    ("linear_activation_backward", '''
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    slope = {"relu": relu_backward, "sigmoid": sigmoid_backward}[activation]
    return linear_backward(slope(dA, Z), linear_cache)
'''),
]

NEAR_MISSES = [
    # (exercise, source, an id that must not be reported)
    ("update_parameters", '''
def update_parameters(parameters, grads, learning_rate):
    updated = {}
    for l in range(1, len(parameters) // 2 + 1):
        updated["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["W" + str(l)]
        updated["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["b" + str(l)]
    return updated
''', "update_parameters.own_dict_empty"),
    ("linear_activation_backward", '''
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = relu_backward(dA, Z)
    else:
        dZ = sigmoid_backward(dA, Z.T)
    return linear_backward(dZ, linear_cache)
''', "linear_activation_backward.passed_value"),
]


def _fn(exercise, src):
    return notebook(HEAD, src)[exercise]


@pytest.mark.parametrize("exercise, src, mistake, fragments", CRASHES, ids=[f"{c[2]}-{i}" for i, c in enumerate(CRASHES)])
def test_crash_is_said_by_what_was_passed(exercise, src, mistake, fragments):
    fn = _fn(exercise, src)
    result = check(exercise, fn, time_limit=5)
    assert not result.passed and result.mistakes[0] == mistake, str(result)
    for fragment in fragments:
        assert fragment in result.hints[0], str(result)
    hidden = SPECS[exercise].run(KernelCall(exercise, fn, 5), seed=7)
    assert not hidden.passed, str(hidden)


@pytest.mark.parametrize("exercise, src", CORRECT, ids=[c[0] for c in CORRECT])
def test_correct_code_in_the_same_styles_passes(exercise, src):
    result = check(exercise, _fn(exercise, src), time_limit=5)
    assert result.passed, str(result)


@pytest.mark.parametrize("exercise, src, mistake", NEAR_MISSES, ids=[c[2] for c in NEAR_MISSES])
def test_near_miss_is_not_misnamed(exercise, src, mistake):
    result = check(exercise, _fn(exercise, src), time_limit=5)
    assert not result.passed and mistake not in result.mistakes, str(result)
