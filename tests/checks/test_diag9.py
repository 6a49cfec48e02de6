"""Crashes said in the lecture's words (checks/pyerrors.py, diag9): each learner crash below gets a
finding that names what the learner's line did (not numpy's message), and the correct or
near-miss code next to it is not misnamed. Written for the mechanism, never from the held-out set."""
import numpy as np
import pytest

from dlkit.checks import SPECS, check, pyerrors
from dlkit.checks.plain import LearnerError
from dlkit.checks.runner import KernelCall

from .notebook import notebook

HEAD = "import numpy as np\nfrom dlkit import *\n"

CRASHES = [
    # (exercise, cells, id, fragments the hint must hold)
    ("model_forward", ['''
def model_forward(X, parameters):
    caches, A = [], X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches = caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches
'''], "model_forward.none_value", ["caches is None", "caches = caches.append(cache)", ".append() returns None"]),
    ("model_backward", ['''
def model_backward(AL, Y, caches):
    grads, L = {}, len(caches)
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    caches = caches.reverse()
    for l, cache in zip(range(L, 0, -1), caches):
        dA_prev, dW, db = linear_activation_backward(dA, cache, "sigmoid" if l == L else "relu")
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = dA_prev, dW, db
        dA = dA_prev
    return grads
'''], "model_backward.none_value", ["caches = caches.reverse()", ".reverse() returns None"]),
    ("model_forward", ['''
def forward_layer(A_prev, W, b, activation):
    Z = W @ A_prev + b
    if activation == "relu":
        return np.maximum(0, Z), ((A_prev, W, b), Z)
''', '''
def model_forward(X, parameters):
    caches, A = [], X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = forward_layer(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = forward_layer(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches
'''], "model_forward.none_value", ["returned None for 'sigmoid'", "without a `return`"]),
    ("L_layer_model", ['''
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs = costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs
'''], "L_layer_model.none_value", ["costs is None", ".append() returns None"]),
    ("linear_activation_forward", ['sigmoid = sigmoid(np.array([[1.0, 2.0]]))\n', '''
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = sigmoid(Z) if activation == "sigmoid" else relu(Z)
    return A, (linear_cache, Z)
'''], "linear_activation_forward.shadowed_function", ["sigmoid is an array here", "run the cell that defines sigmoid"]),
    ("linear_activation_forward", ['''
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        sigmoid = sigmoid(Z)
        A = sigmoid
    else:
        A = relu(Z)
    return A, (linear_cache, Z)
'''], "linear_activation_forward.shadowed_function", ["assigns to the name sigmoid", "another name"]),
    ("linear_backward", ['''
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape(1)
    return W.T @ dZ, dZ @ A_prev.T / m, np.sum(dZ, axis=1, keepdims=True) / m
'''], "linear_backward.not_callable", ["A_prev.shape[1]", "tuple"]),
    ("linear_backward", ['''
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = 1 / m (dZ @ A_prev.T)
    return W.T @ dZ, dW, np.sum(dZ, axis=1, keepdims=True) / m
'''], "linear_backward.not_callable", ["m, which is a number", "A * is missing"]),
    ("linear_forward", ['''
def linear_forward(A_prev, W, b):
    Z = W(A_prev) + b
    return Z, (A_prev, W, b)
'''], "linear_forward.not_callable", ["calls W, which is an array", "np.dot(W, A_prev)"]),
    ("model_forward", ['''
def model_forward(X, parameters):
    caches, A = [], X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters("W" + str(l)), parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches
'''], "model_forward.not_callable", ["calls the dict parameters", "square brackets"]),
    ("linear_activation_forward", ['''
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b, activation)
    A = sigmoid(Z) if activation == "sigmoid" else relu(Z)
    return A, (linear_cache, Z)
'''], "linear_activation_forward.call_arguments", ["linear_forward(A_prev, W, b) takes 3", "activation is one too many"]),
    ("model_forward", ['''
def model_forward(X, parameters):
    caches, A = [], X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)])
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches
'''], "model_forward.call_arguments", ["without activation", '"relu" for layers 1..L-1']),
    ("linear_activation_backward", ['''
def linear_activation_backward(dA, cache, activation):
    A_prev, W, b = cache
    dZ = relu_backward(dA, cache[1]) if activation == "relu" else sigmoid_backward(dA, cache[1])
    return linear_backward(dZ, (A_prev, W, b))
'''], "linear_activation_backward.unpack_count", ["cache holds 2 items", "linear_cache, Z = cache"]),
    ("linear_activation_backward", ['''
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    dZ = relu_backward(dA, Z) if activation == "relu" else sigmoid_backward(dA, Z)
    dA_prev, dW, db, rest = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db
'''], "linear_activation_backward.unpack_count", ["linear_backward returns 3 values", "into 4 names"]),
    ("relu", ['''
def relu(Z):
    return np.max(0, Z)
'''], "relu.numpy_arguments", ["as the axis", "np.maximum(0, Z)"]),
    ("relu", ['''
def relu(Z):
    return np.maximum(Z)
'''], "relu.numpy_arguments", ["np.maximum(Z) with 1 argument", "two arrays"]),
    ("linear_backward", ['''
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    db = np.sum(dZ, 1, True) / m
    return W.T @ dZ, dZ @ A_prev.T / m, db
'''], "linear_backward.numpy_arguments", ["`True` as argument 3", "dtype", "keepdims=True"]),
    ("linear_forward", ['''
def linear_forward(A_prev, W, b):
    Z = np.dot(W, A_prev, b)
    return Z, (A_prev, W, b)
'''], "linear_forward.numpy_arguments", ["`b` as argument 3", "out="]),
    ("compute_cost", ['''
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = -1 / m * np.sum(Y * np.log(AL)) + (1 - Y) * np.log(1 - AL)
    return float(cost)
'''], "compute_cost.array_to_number", ["shape (1, 3)", "not summed over the m = 3 examples"]),
    ("compute_cost", ['''
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = -1 / m * (Y @ np.log(AL).T + (1 - Y) @ np.log(1 - AL).T)
    return round(cost, 6)
'''], "compute_cost.array_to_number", ["round() takes one number", "(1, 1)", "np.squeeze"]),
    ("relu", ['''
def relu(Z):
    return Z if Z > 0 else 0
'''], "relu.array_truth_value", ["`if`", "np.where"]),
    ("model_forward", ['''
def model_forward(X, parameters):
    caches, A = [], X
    L = len(parameters) / 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches
'''], "model_forward.float_index", ["L is a float", "L = len(parameters) / 2", "//"]),
    ("initialize_parameters", ['''
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l + 1], 1))
    return parameters
'''], "initialize_parameters.index_out_of_range", ["layer_dims[l + 1]", "at l = 2", "n[l] is layer_dims[l]"]),
    ("sigmoid", ['''
def sigmoid(Z):
    A = np.zeros(Z.shape)
    for i in range(Z.shape[0]):
        for j in range(Z.shape[1] + 1):
            A[i, j] = 1 / (1 + np.exp(-Z[i, j]))
    return A
'''], "sigmoid.index_out_of_range", ["column 3", "for j in range(Z.shape[1] + 1)"]),
    ("L_layer_model", ['''
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, -learning_rate)
    return parameters, costs
'''], "L_layer_model.helper_argument", ["`-learning_rate`", "pass learning_rate as it is"]),
    ("model_forward", ['''
def model_forward(X, parameters):
    caches, A = [], X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "ReLU")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches
'''], "model_forward.helper_argument", ['`"ReLU"`', "lower case"]),
    ("L_layer_model", ['''
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        costs.append(cost)
        parameters = update_parameters(parameters, model_backward(AL, Y, caches), learning_rate)
        if i % 100 == 0:
            print("Cost after iteration " + i)
    return parameters, costs
'''], "L_layer_model.str_concat", ["adds i, an int, to a string", "str(i)"]),
    ("initialize_parameters", ['''
def initialize_parameters(layer_dims, seed=1):
    np.random.seed(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["b" + str(l)] = np.zeros((parameters["W" + str(l)].shape[0], 1))
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
    return parameters
'''], "initialize_parameters.raised_KeyError", ["only at line", "after this line", "'W1' (at l = 1)"]),
]

CRASHES += [
    ("sigmoid_backward", ['''
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    return dA * s(1 - s)
'''], "sigmoid_backward.not_callable", ["calls s, which is an array", "s * (1 - s)"]),
    ("linear_activation_forward", ['''
def linear_activation_forward(A_prev, W, b, activation):
    Z = linear_forward(A_prev, W, b)
    A = sigmoid(Z) if activation == "sigmoid" else relu(Z)
    return A, (Z[1], Z[0])
'''], "linear_activation_forward.helper_result_not_unpacked", ["the tuple (Z, linear_cache)", "Z, linear_cache = linear_forward"]),
    ("model_forward", ['''
def model_forward(X, parameters):
    caches, A = [], X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        linear_cache, Z = cache
        caches.append(linear_cache, Z)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches
'''], "model_forward.call_arguments", ["adds ONE item", "caches.append((linear_cache, Z))"]),
    ("linear_backward", ['''
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    db = 1 / m * np.sum(dZ, axis=1)
    assert db.shape == b.shape
    return np.dot(W.T, dZ), 1 / m * np.dot(dZ, A_prev.T), db
'''], "linear_backward.assert_failed", ["db.shape is (2,)", "b.shape is (2, 1) = (n[l], 1)"]),
    ("update_parameters", ['''
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) / 2
    for l in range(L):
        parameters["W" + str(l + 1)] = parameters["W" + str(l + 1)] - learning_rate * grads["dW" + str(l + 1)]
    return parameters
'''], "update_parameters.float_index", ["L = len(parameters) / 2", "range() needs a whole number"]),
]

CRASHES += [
    ("linear_backward", ['''
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    dW = 1 / m * np.dot(dZ, A_prev.T)
    return np.dot(W.T, dZ), dW, 1 / m * np.sum(dZ, axis=1, keepdims=True)
'''], "linear_backward.undefined_name", ["never computes it", "m = A_prev.shape[1]"]),
    ("linear_backward", ['''
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    return np.dot(W.T, dZ), 1 / m * np.dot(dZ, A_prev.T), 1 / m * np.sum(dZ, 1, keepdims)
'''], "linear_backward.undefined_name", ["keepdims as a bare name", "keepdims=True"]),
    ("linear_activation_backward", ['''
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    dZ = relu_backward(dA, Z) if activation == "relu" else sigmoid_backward(dA, Z)
    return linear_backward(dz, linear_cache)
'''], "linear_activation_backward.undefined_name", ["dz is not dZ"]),
    ("update_parameters", ['''
def update_parameters(parameters, grads, learning_rate):
    new = {}
    for l in range(1, len(parameters) // 2 + 1):
        new["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads.dW1
        new["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return new
'''], "update_parameters.wrong_kind", ['grads["dW1"]']),
    ("initialize_parameters", ['''
def initialize_parameters(layer_dims, seed=1):
    np.random.seed(seed)
    parameters = {}
    for l in range(1, layer_dims.shape[0]):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
'''], "initialize_parameters.wrong_kind", ["layer_dims is a list", "len(layer_dims)"]),
    ("model_forward", ['''
def model_forward(X, parameters):
    caches, A = np.array([]), X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches
'''], "model_forward.wrong_kind", ["arrays have no .append", "caches = []"]),
]

CRASHES += [
    ("L_layer_model", ['''
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed):
    parameters = initialize_parameters(layers_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        parameters = update_parameters(parameters, model_backward(AL, Y, caches), learning_rate)
    return parameters, costs
'''], "L_layer_model.undefined_name", ["layers_dims", "layer_dims, an argument of your function"]),
    ("linear_backward", ['''
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    db = np.sum(dZ, axis=1, keepdims=true) / m
    return W.T @ dZ, dZ @ A_prev.T / m, db
'''], "linear_backward.undefined_name", ["True with a capital"]),
    ("linear_activation_backward", ['''
def linear_activation_backward(dA, cache, activation):
    linear_cache = cache[0]
    Z = cache[2]
    dZ = relu_backward(dA, Z) if activation == "relu" else sigmoid_backward(dA, Z)
    return linear_backward(dZ, linear_cache)
'''], "linear_activation_backward.index_out_of_range", ["cache has 2 items", "(linear_cache, Z)"]),
    ("linear_backward", ['''
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T, keepdims=True) / m
    return W.T @ dZ, dW, np.sum(dZ, axis=1, keepdims=True) / m
'''], "linear_backward.numpy_arguments", ["keepdims= to np.dot"]),
]

CRASHES += [
    ("L_layer_model", ['''
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        parameters = update_parameters(parameters, model_backward(AL, Y, caches), learning_rate)
    print(parameters["W" + str(len(layer_dims))].shape)
    return parameters, costs
'''], "L_layer_model.raised_KeyError", ["There is no W3", "L = 2 layers", "W1..W2"]),
    ("linear_backward", ['''
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[2]
    return W.T @ dZ, dZ @ A_prev.T / m, np.sum(dZ, axis=1, keepdims=True) / m
'''], "linear_backward.index_out_of_range", ["A_prev.shape[2]", "m = A_prev.shape[1]"]),
    ("update_parameters", ['''
def update_parameters(parameters, grads, learning_rate):
    parameters = parameters - learning_rate * grads
    return parameters
'''], "update_parameters.wrong_kind", ["are dicts", "key by key"]),
]

CRASHES += [
    ("initialize_parameters", ['''
def initialize_parameters(layer_dims, seed=1):
    np.random.seed(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
'''], "initialize_parameters.not_callable", ["np.random, which is a module", "np.random.randn("]),
    ("relu", ['''
def relu(Z):
    A = np.zeros(Z.size)
    for i in range(Z.shape[0]):
        for j in range(Z.shape[1]):
            A[i, j] = max(0, Z[i, j])
    return A
'''], "relu.index_out_of_range", ["A is 1-D", "`A = np.zeros(Z.size)`"]),
    ("sigmoid", ['''
def sigmoid(Z):
    A = np.zeros(Z.shape)
    for j in range(Z.shape):
        A[:, j] = 1 / (1 + np.exp(-Z[:, j]))
    return A
'''], "sigmoid.numpy_arguments", ["the whole shape", "Z.shape[1]"]),
]

# correct code written in the styles the rules read (they must pass), and near misses (another cause
# of the same exception) that must not get the hint
CORRECT = [
    ("model_forward", '''
def model_forward(X, parameters):
    caches, A = [], X
    L = int(len(parameters) / 2)
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches
'''),
    ("compute_cost", '''
def compute_cost(AL, Y):
    m = Y.shape[1]
    AL = np.clip(AL, 1e-15, 1 - 1e-15)
    cost = -1 / m * (Y @ np.log(AL).T + (1 - Y) @ np.log(1 - AL).T)
    return float(np.squeeze(cost))
'''),
    ("relu", '''
def relu(Z):
    return np.maximum(0, Z)
'''),
    ("linear_backward", '''
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    return W.T @ dZ, 1 / m * (dZ @ A_prev.T), np.sum(dZ, 1, keepdims=True) / m
'''),
]


def _fn(exercise, cells):
    return notebook(HEAD, *cells)[exercise]


@pytest.mark.parametrize("exercise, cells, mistake, fragments", CRASHES, ids=[c[2] + f"-{i}" for i, c in enumerate(CRASHES)])
def test_crash_is_said_as_the_learners_construct(exercise, cells, mistake, fragments):
    fn = _fn(exercise, cells)
    result = check(exercise, fn, time_limit=5)
    assert not result.passed and result.mistakes[0] == mistake, str(result)
    for fragment in fragments:
        assert fragment in result.hints[0], str(result)
    hidden = SPECS[exercise].run(KernelCall(exercise, fn, 5), seed=7)
    assert not hidden.passed and mistake in hidden.mistakes, str(hidden)


@pytest.mark.parametrize("exercise, src", CORRECT, ids=[c[0] for c in CORRECT])
def test_correct_code_in_the_same_styles_passes(exercise, src):
    result = check(exercise, _fn(exercise, [src]), time_limit=5)
    assert result.passed, str(result)


RETURNS_NONE = [
    ("sigmoid", '''
def sigmoid(Z):
    A = 1 / (1 + np.exp(-Z))
''', ["has no return with a value", "`A = 1 / (1 + np.exp(-Z))`"]),
    ("linear_activation_forward", '''
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "relu":
        A = relu(Z)
        return A, (linear_cache, Z)
    elif activation == "sigmoid":
        A = sigmoid(Z)
''', ["returned None for activation = 'sigmoid'", "`return A, (linear_cache, Z)` is on another path"]),
    ("model_backward", '''
def model_backward(AL, Y, caches):
    grads, L = {}, len(caches)
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in reversed(range(1, L + 1)):
        dA, dW, db = linear_activation_backward(dA, caches[l - 1], "sigmoid" if l == L else "relu")
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = dA, dW, db
''', ["return grads"]),
]


@pytest.mark.parametrize("exercise, src, fragments", RETURNS_NONE, ids=[c[0] for c in RETURNS_NONE])
def test_a_function_that_returns_none_is_told_why(exercise, src, fragments):
    result = check(exercise, _fn(exercise, [src]), time_limit=5)
    if exercise in ("model_forward", "model_backward"):
        # a composite's call log says more (the layers that ran before it stopped: chain.py)
        assert not result.passed and result.mistakes[0] == f"{exercise}.returns_none", str(result)
        fragments = ["no return"]
    else:
        assert not result.passed and result.mistakes[0] == f"{exercise}.no_return", str(result)
    for fragment in fragments:
        assert fragment in result.hints[0], str(result)


def test_a_returned_value_that_is_none_is_not_claimed():
    # every path returns: the None came from what was returned (x.sort()), not from a missing return
    fn = _fn("relu", ['''
def relu(Z):
    A = np.maximum(0, Z).tolist()
    return A.sort()
'''])
    result = check("relu", fn, time_limit=5)
    assert not result.passed and "relu.no_return" not in result.mistakes, str(result)


def test_a_near_miss_is_not_misnamed():
    # int(L / 2) is a whole number: a float index is not the cause of this crash (a key one past L is)
    fn = _fn("model_forward", ['''
def model_forward(X, parameters):
    caches, A = [], X
    L = int(len(parameters) / 2)
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L + 1)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches
'''])
    result = check("model_forward", fn, time_limit=5)
    assert not result.passed and not any(m.endswith(".float_index") for m in result.mistakes), str(result)
    # a None the case never passes: a name the message speaks of that no store of the learner's made None
    fn = _fn("linear_forward", ['''
def linear_forward(A_prev, W, b):
    Z = W @ A_prev + b
    cache = None
    return Z.T.T, (A_prev, W, cache.T)
'''])
    result = check("linear_forward", fn, time_limit=5)
    assert not any(m.endswith(".none_value") for m in result.mistakes), str(result)


def test_the_grader_side_needs_no_recording():
    """dlkit grade sends no recording: the finding comes from the message, the line and the source."""
    spec = SPECS["model_forward"]
    case = spec.cases(None)[0]
    src = CRASHES[0][1][0].lstrip("\n")
    err = LearnerError("exception", "AttributeError", "'NoneType' object has no attribute 'append'", 9,
                       "caches.append(cache)", {"L": 2, "l": 1})
    err.source = src
    suffix, hint = pyerrors.explain(spec, err, case)
    assert suffix == "none_value" and "caches = caches.append(cache)" in hint and "line 7" in hint
    err.source = None    # no source: nothing is claimed
    assert pyerrors.explain(spec, err, case) is None


def test_explain_never_raises_on_odd_lines():
    spec, case = SPECS["relu"], SPECS["relu"].cases(None)[0]
    for line, message in (("for (((", "'NoneType' object is not iterable"), ("", "x"),
                          ("A = f(*a, **k)", "f() takes 1 positional argument but 2 were given"),
                          ("x[1.0]", "list indices must be integers or slices, not float")):
        err = LearnerError("exception", "TypeError", message, 3, line or None)
        err.source = "def relu(Z):\n    " + (line or "pass") + "\n"
        assert pyerrors.explain(spec, err, case) in (None,) or isinstance(pyerrors.explain(spec, err, case), tuple)
    assert np.isfinite(1.0)
