"""Tuning bugs for the preconditions of the hints chosen from an exception or from a pattern in the
output (dlkit/checks/causes.py): each mistake here is a DIFFERENT cause of the same exception or
symptom that a known mistake gives, in the style of real learners of the "step by step"
assignment (keys in lower case, grads keys asked of parameters, a capitalised activation, a
branch that sets another name, thresholded outputs, a list other than caches indexed too far).
``MISATTRIBUTED`` lists, for each, the hint that must NOT be given (tests/checks/test_causes.py).
Written for the preconditions they tune, never from the held-out catalog.
"""
import numpy as np

from dlkit import initialize_parameters, linear_activation_backward, linear_activation_forward  # noqa: F401
from dlkit import compute_cost, linear_backward, linear_forward, model_backward, model_forward  # noqa: F401
from dlkit import relu, relu_backward, sigmoid, sigmoid_backward, update_parameters  # noqa: F401

from .registry import BUGGY, bug

MISATTRIBUTED = {}   # function's first line -> (exercise, the id that must not be reported, text that must not appear)


def _not(mistake_id, text=None):
    def mark(fn):
        exercise = BUGGY[-1][0]
        MISATTRIBUTED[BUGGY[-1][2].__code__.co_firstlineno] = (exercise, mistake_id, text)
        return fn
    return mark


# ---- KeyErrors that are not a layer numbered outside 1..L ------------------------------------------


@_not("model_forward.layer_index_off_by_one")
@bug("model_forward", "model_forward.raised_KeyError")
def model_forward(X, parameters):
    """Keys in lower case, as in some course forums: parameters has no 'w1'."""
    caches, A = [], X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["w" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["w" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@_not("model_forward.L_wrong")
@bug("model_forward", "model_forward.layer_index_off_by_one")
def model_forward(X, parameters):
    """L = len(parameters) // 2 is right; the output layer is asked for one past L."""
    caches, A = [], X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L + 1)], parameters["b" + str(L + 1)], "sigmoid")
    caches.append(cache)
    return AL, caches


@_not("update_parameters.layer_index_off_by_one")
@bug("update_parameters", "update_parameters.raised_KeyError")
def update_parameters(parameters, grads, learning_rate):
    """The parameters' keys asked of grads (grads holds dW1, not W1)."""
    L = len(parameters) // 2
    new = {}
    for l in range(1, L + 1):
        new["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["W" + str(l)]
        new["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["b" + str(l)]
    return new


@_not("update_parameters.L_wrong")
@bug("update_parameters", "update_parameters.layer_index_off_by_one")
def update_parameters(parameters, grads, learning_rate):
    """L = len(parameters) // 2 is right; the loop runs one layer past it."""
    L = len(parameters) // 2
    new = {}
    for l in range(1, L + 2):
        new["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        new["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return new


@_not("initialize_parameters.missing_layers")
@bug("initialize_parameters", "initialize_parameters.raised_KeyError")
def initialize_parameters(layer_dims, seed=1):
    """b's size read from a W stored under another spelling."""
    np.random.seed(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((parameters["w" + str(l)].shape[0], 1))
    return parameters


# ---- an unset name that is not an unknown activation ------------------------------------------------


@_not("linear_activation_forward.unknown_activation")
@bug("linear_activation_forward", "linear_activation_forward.assigned_on_other_branch")   # W2b: pylevel.py
def linear_activation_forward(A_prev, W, b, activation):
    """Both names tested with ==; the sigmoid branch sets a instead of A."""
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        a = sigmoid(Z)
    elif activation == "relu":
        A = relu(Z)
    return A, (linear_cache, Z)


@_not("linear_activation_forward.unknown_activation", "`is`")
@bug("linear_activation_forward", "linear_activation_forward.unknown_activation")
def linear_activation_forward(A_prev, W, b, activation):
    """Only the ReLU branch: the hint says to handle both (no `is` in this code)."""
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "relu":
        A = relu(Z)
    return A, (linear_cache, Z)


@_not("linear_activation_backward.unknown_activation", "`is`")
@bug("linear_activation_backward", "linear_activation_backward.unknown_activation")
def linear_activation_backward(dA, cache, activation):
    """A capitalised name ("Sigmoid"): the hint names the spelling, not `is`."""
    linear_cache, Z = cache
    if activation == "relu":
        dZ = relu_backward(dA, Z)
    elif activation == "Sigmoid":
        dZ = sigmoid_backward(dA, Z)
    return linear_backward(dZ, linear_cache)


# ---- a tuple where an array belongs, without Z unpacked first ------------------------------------------


@_not("linear_activation_backward.cache_unpacked_wrong")
@bug("linear_activation_backward", "linear_activation_backward.passed_value")
def linear_activation_backward(dA, cache, activation):
    """The whole cache handed to the slope (never unpacked)."""
    linear_cache = cache[0]
    dZ = relu_backward(dA, cache) if activation == "relu" else sigmoid_backward(dA, cache)
    return linear_backward(dZ, linear_cache)


# ---- model_backward: an IndexError of another list, a (1, m) dA that is not dA[L] ------------------------


@_not("model_backward.caches_index")
@bug("model_backward", "model_backward.index_out_of_range")
def model_backward(AL, Y, caches):
    """A list of the dA's, indexed by the layer before it is that long."""
    grads = {}
    L = len(caches)
    dAs = [-(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))]
    for l in reversed(range(L)):
        dA = dAs[l]
        dA_prev, dW, db = linear_activation_backward(dA, caches[l], "sigmoid" if l == L - 1 else "relu")
        dAs.append(dA_prev)
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA_prev, dW, db
    return grads


@_not("model_backward.dAL_reused")
@bug("model_backward", "model_backward.helper_outputs_order")
def model_backward(AL, Y, caches):
    """The three outputs unpacked in the wrong order: db[L] (1, 1) goes on as dA."""
    grads = {}
    L = len(caches)
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in reversed(range(L)):
        dW, db, dA = linear_activation_backward(dA, caches[l], "sigmoid" if l == L - 1 else "relu")
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA, dW, db
    return grads


# ---- whole numbers that no integer division made ---------------------------------------------------------


@_not("sigmoid.integer_values")
@bug("sigmoid", "sigmoid.whole_numbers")
def sigmoid(Z):
    """A prediction where the probability belongs: thresholded at 0.5."""
    s = 1 / (1 + np.exp(-Z))
    return (s > 0.5) * 1.0


@_not("linear_activation_forward.integer_values")
@bug("linear_activation_forward", "linear_activation_forward.whole_numbers")
def linear_activation_forward(A_prev, W, b, activation):
    """The output layer's A thresholded into labels."""
    Z = W @ A_prev + b
    A = np.maximum(0, Z) if activation == "relu" else np.where(1 / (1 + np.exp(-Z)) > 0.5, 1.0, 0.0)
    return A, ((A_prev, W, b), Z)


# ---- L_layer_model: the crash explanations and the source layer ------------------------------------------


@_not("L_layer_model.learning_rate_not_passed")
@bug("L_layer_model", "L_layer_model.raised_KeyError")
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed):
    """A shape printed from a key in lower case."""
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    print("W1:", parameters["w1"].shape)
    return parameters, costs


@bug("L_layer_model", "L_layer_model.source.integer_division")
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed):
    """Every other iteration's cost, with the step count from an integer division."""
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate * (i // 1 + 1) / (i + 1))
    return parameters, costs[: num_iterations // 2 + 1] if num_iterations > 4 else costs[:-1]


# ---- NaN at A[L] = 0 or 1 although the code clips; NaN where |Z| is large without exp; columns without a loop --


@_not("compute_cost.no_clipping")
@bug("compute_cost", "compute_cost.source.clip_bounds")
def compute_cost(AL, Y):
    """Clipped to [0, 1], which a probability already is: log(0) is still there."""
    AL = np.clip(AL, 0, 1)
    m = Y.shape[1]
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)


@_not("compute_cost.no_clipping")
@bug("compute_cost", "compute_cost.clip_not_enough")
def compute_cost(AL, Y):
    """The clipped copy is made, and the logs still take AL."""
    m = Y.shape[1]
    AL_safe = np.clip(AL, 1e-15, 1 - 1e-15)  # noqa: F841
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)


@_not("linear_forward.last_columns_zero")
@bug("linear_forward", "linear_forward.columns_left_zero")
def linear_forward(A_prev, W, b):
    """Every example but the last, by slicing (no loop to stop early)."""
    Z = np.zeros((W.shape[0], A_prev.shape[1]))
    Z[:, :-1] = W @ A_prev[:, :-1] + b
    return Z, (A_prev, W, b)


# ---- a line with W.T that fails for another reason than its shapes --------------------------------------


@_not("linear_forward.W_transposed")
@bug("linear_forward", "linear_forward.undefined_name")
def linear_forward(A_prev, W, b):
    """W.T on a line whose NameError (B for b) is the crash: not a transpose mistake."""
    Z = np.dot(W.T.T, A_prev) + B  # noqa: F821
    return Z, (A_prev, W, b)


@_not("L_layer_model.learning_rate_not_passed")
@bug("L_layer_model", "L_layer_model.helper_args_order")
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed):
    """model_backward's arguments in another order: a crash in its check of Y, not a missing learning rate."""
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, caches, Y)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@_not("L_layer_model.learning_rate_not_passed")
@bug("L_layer_model", "L_layer_model.raised_TypeError")
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed):
    """The learning rate passed, the grads left out: the TypeError names grads, not learning_rate."""
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        parameters = _update(parameters, learning_rate=learning_rate)
    return parameters, costs


def _update(parameters, grads, learning_rate):
    return update_parameters(parameters, grads, learning_rate)


@_not("linear_activation_backward.elementwise_for_matrix_product")
@bug("linear_activation_backward", "linear_activation_backward.operands_named")
def linear_activation_backward(dA, cache, activation):
    """dA * g'(Z) is entry by entry, rightly; the Z it takes is A_prev (the wrong item of the cache)."""
    (A_prev, W, b), Z = cache
    s = 1 / (1 + np.exp(-A_prev))
    dZ = dA * (A_prev > 0) if activation == "relu" else dA * s * (1 - s)
    m = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m, np.sum(dZ, axis=1, keepdims=True) / m


@_not("relu_backward.python_max")
@bug("relu_backward", "relu_backward.array_truth_value")
def relu_backward(dA, Z):
    """An if on the whole array (no max anywhere): numpy refuses one truth value for many entries."""
    if Z > 0:
        return dA
    return np.zeros_like(dA)


@_not("model_forward.cache_overwritten")
@bug("model_forward", "model_forward.holds_other")
def model_forward(X, parameters):
    """A[l] cached where Z[l] belongs, written so (nothing is changed in place, no helper is called)."""
    caches, A = [], X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        W, b = parameters["W" + str(l)], parameters["b" + str(l)]
        A_prev = A
        Z = np.dot(W, A_prev) + b
        A = np.maximum(0, Z) if l < L else 1 / (1 + np.exp(-Z))
        caches.append(((A_prev, W, b), A))
    return A, caches


@_not("update_parameters.layer_index_off_by_one")
@bug("update_parameters", "update_parameters.L_wrong")
def update_parameters(parameters, grads, learning_rate):
    """The count of layers taken from grads, which holds dA, dW and db per layer: // 2 is not L there."""
    L = len(grads) // 2
    new = {}
    for l in range(1, L + 1):
        new["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        new["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return new
