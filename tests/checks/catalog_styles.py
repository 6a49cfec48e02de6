"""Tuning bugs in real learners' styles (issue 12, second round): outputs returned in another
order, entry-by-entry and matrix products confused, the activation on the wrong input or
mirrored, a leaky slope, caches with an item too many or too few, a dict of caches, a loop
over the examples that stops early, the learning rate not used, b updated with dW, Python's
math on arrays, shape errors in the model loops, globals left over from demo cells and
missing parentheses. Written for the rules they tune, never from the held-out catalog.
"""
import numpy as np

from dlkit import linear_activation_backward, linear_activation_forward, linear_backward, linear_forward  # noqa: F401
from dlkit import relu, relu_backward, sigmoid, sigmoid_backward  # noqa: F401

from .registry import bug, correct

# ---- outputs in the wrong order ------------------------------------------------------------------


@bug("linear_backward", "linear_backward.outputs_order")
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    return dW, db, np.dot(W.T, dZ)


@bug("linear_activation_backward", "linear_activation_backward.outputs_order")
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    dZ = relu_backward(dA, Z) if activation == "relu" else sigmoid_backward(dA, Z)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dW, dA_prev, db


@bug("linear_forward", "linear_forward.outputs_order")
def linear_forward(A_prev, W, b):
    return (A_prev, W, b), np.dot(W, A_prev) + b


# ---- products: matrix where entry by entry belongs, and the reverse --------------------------------


@bug("sigmoid_backward", "sigmoid_backward.matrix_product_for_elementwise")
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    return np.dot(dA, s * (1 - s))


@bug("relu_backward", "relu_backward.matrix_product_for_elementwise")
def relu_backward(dA, Z):
    return dA @ (Z > 0).astype(float)


@bug("linear_backward", "linear_backward.elementwise_product")
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.multiply(dZ, A_prev.T) / m        # * where dZ A[l-1]^T is a matrix product
    return np.dot(W.T, dZ), dW, np.sum(dZ, axis=1, keepdims=True) / m


# ---- the activation on the wrong input, mirrored, leaky ---------------------------------------------


@bug("relu", "relu.input_negated")
def relu(Z):
    return np.maximum(-Z, 0)


@bug("relu", "relu.leaky_slope")
def relu(Z):
    return np.where(Z > 0, Z, 0.01 * Z)


@bug("relu", "relu.leaky_slope")
def relu(Z):
    return np.maximum(0.1 * Z, Z)


@bug("relu_backward", "relu_backward.leaky_slope")
def relu_backward(dA, Z):
    return np.where(Z > 0, dA, 0.01 * dA)


@bug("sigmoid_backward", "sigmoid_backward.slope_of_other")
def sigmoid_backward(dA, Z):
    A = 1 / (1 + np.exp(-Z))
    s = 1 / (1 + np.exp(-A))     # the slope taken at A, not Z
    return dA * s * (1 - s)


@bug("model_forward", "model_forward.holds_other")
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        Z = np.dot(parameters["W" + str(l)], A) + parameters["b" + str(l)]
        caches.append(((A, parameters["W" + str(l)], parameters["b" + str(l)]), Z))
        A = Z                      # the next layer is fed Z, not relu(Z)
        A = np.maximum(0, Z) if False else A
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


# ---- caches: an item too many or too few, a dict of caches -----------------------------------------


@bug("linear_forward", "linear_forward.cache_extra_item")
def linear_forward(A_prev, W, b):
    Z = W @ A_prev + b
    return Z, (A_prev, W, b, Z)


@bug("linear_forward", "linear_forward.cache_missing_item")
def linear_forward(A_prev, W, b):
    return W @ A_prev + b, (A_prev, W)


@bug("linear_activation_forward", "linear_activation_forward.cache_only_item")
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = relu(Z) if activation == "relu" else sigmoid(Z)
    return A, linear_cache


@bug("linear_activation_forward", "linear_activation_forward.cache_extra_item")
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = relu(Z) if activation == "relu" else sigmoid(Z)
    return A, (linear_cache, Z, A)


@bug("linear_activation_forward", "linear_activation_forward.cache_missing_item")
def linear_activation_forward(A_prev, W, b, activation):
    Z = W @ A_prev + b
    A = relu(Z) if activation == "relu" else sigmoid(Z)
    return A, ((W, b), Z)


@bug("model_forward", "model_forward.caches_dict")
def model_forward(X, parameters):
    caches = {}
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        A, caches[l] = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"],
                                                 "relu" if l < L else "sigmoid")
    return A, caches


# ---- a loop over the examples that stops early -----------------------------------------------------


@bug("linear_forward", "linear_forward.last_columns_zero")
def linear_forward(A_prev, W, b):
    m = A_prev.shape[1]
    Z = np.zeros((W.shape[0], m))
    for i in range(m - 1):
        Z[:, i] = W @ A_prev[:, i] + b[:, 0]
    return Z, (A_prev, W, b)


@bug("sigmoid", "sigmoid.last_columns_zero")
def sigmoid(Z):
    A = np.zeros(Z.shape)
    for j in range(Z.shape[1] - 1):
        A[:, j] = 1 / (1 + np.exp(-Z[:, j]))
    return A


# ---- update_parameters: the learning rate not used, b updated with dW ----------------------------------


@bug("update_parameters", "update_parameters.learning_rate_not_used")
def update_parameters(parameters, grads, learning_rate):
    new = {}
    for l in range(1, len(parameters) // 2 + 1):
        new[f"W{l}"] = parameters[f"W{l}"] - 0.01 * grads[f"dW{l}"]
        new[f"b{l}"] = parameters[f"b{l}"] - 0.01 * grads[f"db{l}"]
    return new


@bug("update_parameters", "update_parameters.wrong_gradient")
def update_parameters(parameters, grads, learning_rate):
    new = {}
    for l in range(1, len(parameters) // 2 + 1):
        new["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        new["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["dW" + str(l)]   # copied line
    return new


@correct("update_parameters")
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    return {f"{p}{l}": parameters[f"{p}{l}"] - learning_rate * grads[f"d{p}{l}"] for l in range(1, L + 1) for p in "Wb"}


# ---- crashes named in the lecture's terms ---------------------------------------------------------


@bug("sigmoid", "sigmoid.math_on_array")
def sigmoid(Z):
    import math
    return 1 / (1 + math.exp(-Z))


@bug("relu_backward", "relu_backward.math_on_array")
def relu_backward(dA, Z):
    import math
    return dA * math.ceil(Z > 0)


@bug("compute_cost", "compute_cost.math_on_array")
def compute_cost(AL, Y):
    import math
    m = Y.shape[1]
    return -1 / m * np.sum(Y * math.log(AL) + (1 - Y) * math.log(1 - AL))


@bug("sigmoid_backward", "sigmoid_backward.matrix_product_for_elementwise")
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    slope = s * (1 - s)
    return dA @ slope


@bug("linear_activation_backward", "linear_activation_backward.elementwise_for_matrix_product")
def linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Z = cache
    dZ = relu_backward(dA, Z) if activation == "relu" else sigmoid_backward(dA, Z)
    m = A_prev.shape[1]
    dW = 1 / m * dZ * A_prev
    return np.dot(W.T, dZ), dW, np.sum(dZ, axis=1, keepdims=True) / m


@bug("model_forward", "model_forward.layer_shapes")
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        W = parameters["W" + str(l + 1)]       # the next layer's W
        b = parameters["b" + str(l + 1)]
        Z = W @ A + b
        caches.append(((A, W, b), Z))
        A = np.maximum(0, Z)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_backward", "model_backward.layer_shapes")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    for l in range(L, 0, -1):
        (A_prev, W, b), Z = caches[l - 1]
        dZ = dA * (1 / (1 + np.exp(-Z))) * (1 - 1 / (1 + np.exp(-Z))) if l == L else dA * (Z > 0)
        m = A_prev.shape[1]
        grads["dW" + str(l)] = dZ @ A_prev.T / m
        grads["db" + str(l)] = np.sum(dZ, axis=1, keepdims=True) / m
        W_used = caches[l - 2][0][1] if l > 1 else W        # caches[l-2]: the layer below's W
        dA = W_used.T @ dZ
        grads["dA" + str(l - 1)] = dA
    return grads


# ---- globals left over from demo cells ---------------------------------------------------------------
# (a demo cell's variables, as a notebook would hold them)
lr = 0.01
m = 5
parameters = {"W1": np.ones((2, 3)), "b1": np.zeros((2, 1)), "W2": np.ones((1, 2)), "b2": np.zeros((1, 1))}
EPS = 1e-12   # a harmless constant


@bug("update_parameters", "update_parameters.reads_global")
def update_parameters(parameters, grads, learning_rate):
    new = {}
    for l in range(1, len(parameters) // 2 + 1):
        new["W" + str(l)] = parameters["W" + str(l)] - lr * grads["dW" + str(l)]
        new["b" + str(l)] = parameters["b" + str(l)] - lr * grads["db" + str(l)]
    return new


@bug("compute_cost", "compute_cost.reads_global")
def compute_cost(AL, Y):
    AL = np.clip(AL, EPS, 1 - EPS)
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)


@bug("model_forward", "model_forward.reads_global")
def model_forward(X, params):
    caches = []
    A = X
    L = len(parameters) // 2                     # the demo's parameters, not the argument
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)],
                                             "relu" if l < L else "sigmoid")
        caches.append(cache)
    return A, caches


@correct("compute_cost")
def compute_cost(AL, Y):
    AL = np.clip(AL, EPS, 1 - EPS)              # a harmless constant global: no finding
    return float(-np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))


def cost_with_constant_and_a_mistake(AL, Y):
    """Wrong (no minus) but the only global it reads is a harmless constant: not named as a global."""
    AL = np.clip(AL, EPS, 1 - EPS)
    return float(np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))


# ---- parentheses dropped from the exercise's formula ----------------------------------------------------


@bug("sigmoid", "sigmoid.missing_parentheses")
def sigmoid(Z):
    return 1 / 1 + np.exp(-Z)


@bug("compute_cost", "compute_cost.missing_parentheses")
def compute_cost(AL, Y):
    m = Y.shape[1]
    AL = np.clip(AL, 1e-15, 1 - 1e-15)
    return float(-1 / m * np.sum(Y * np.log(AL) + 1 - Y * np.log(1 - AL)))


@bug("model_backward", "model_backward.dAL_missing_parentheses")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(Y / AL) + (1 - Y) / 1 - AL
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = \
            linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
    return grads


@bug("linear_activation_backward", "linear_activation_backward.sigmoid_backward_missing_parentheses")
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = relu_backward(dA, Z)
    else:
        s = 1 / (1 + np.exp(-Z))
        dZ = dA * s * 1 - s
    return linear_backward(dZ, linear_cache)


# ---- model_backward: A[L] next to 0 and 1 -----------------------------------------------------------


@bug("model_backward", "model_backward.modifies_input")
def model_backward(AL, Y, caches):
    np.clip(AL, 1e-15, 1 - 1e-15, out=AL)          # clipped in place: the caller's A[L] changes
    grads = {}
    L = len(caches)
    dAL = -(Y / AL) + (1 - Y) / (1 - AL)
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = \
            linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
    return grads


@correct("model_backward")
def model_backward(AL, Y, caches):
    AL = np.clip(AL, 1e-12, 1 - 1e-12)             # clipped into a new array: fine
    grads = {}
    L = len(caches)
    dZ = AL - Y                                     # the shortcut, from the clipped A[L]
    (A_prev, W, b), Z = caches[L - 1]
    m = A_prev.shape[1]
    grads["dW" + str(L)] = dZ @ A_prev.T / m
    grads["db" + str(L)] = np.sum(dZ, axis=1, keepdims=True) / m
    grads["dA" + str(L - 1)] = W.T @ dZ
    for l in reversed(range(1, L)):
        (A_prev, W, b), Z = caches[l - 1]
        dZ = grads["dA" + str(l)] * (Z > 0)
        grads["dW" + str(l)] = dZ @ A_prev.T / m
        grads["db" + str(l)] = np.sum(dZ, axis=1, keepdims=True) / m
        grads["dA" + str(l - 1)] = W.T @ dZ
    return grads
