"""Tuning bugs for the crashes explained by the failing line's operands (dlkit/checks/operands.py):
a line raises and the checkpoint names what met what as lecture quantities (b[l] in dA[l-1], a
transposed slope, a 1-D operand, another layer's array given to a helper, a whole cache where the
linear cache belongs, an L that is not the number of layers, an input given another shape, a
helper's one array unpacked into two names). Invented for this layer in the style of learners of
the "step by step" assignment; not copied from the held-out rounds.
"""
import numpy as np

from dlkit import linear_activation_backward, linear_activation_forward, linear_backward  # noqa: F401
from dlkit import relu, relu_backward, sigmoid, sigmoid_backward  # noqa: F401

from .registry import bug, correct


@bug("linear_activation_forward", "linear_activation_forward.operand_not_in_equation")
def linear_activation_forward(A_prev, W, b, activation):
    Z = np.dot(W, A_prev) + b
    if activation == "relu":
        A = np.maximum(Z, 0) + A_prev      # "a shortcut connection": A_prev has no place in A[l] = g(Z[l])
    else:
        A = 1 / (1 + np.exp(-Z)) + A_prev
    return A, ((A_prev, W, b), Z)


@bug("sigmoid_backward", "sigmoid_backward.operand_transposed")
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    dZ = dA * (s * (1 - s)).T
    return dZ


@bug("linear_forward", "linear_forward.operand_1d")
def linear_forward(A_prev, W, b):
    Z = np.dot(W, A_prev) + b.ravel()     # "b is just a vector"
    return Z, (A_prev, W, b)


@bug("linear_forward", "linear_forward.operands_named")
def linear_forward(A_prev, W, b):
    B = np.repeat(b, W.shape[1], axis=1)   # b copied once per input, not once per example
    Z = np.dot(W, A_prev) + B
    return Z, (A_prev, W, b)


@bug("model_forward", "model_forward.arguments_of_other_layers")
def model_forward(X, parameters):
    caches, A = [], X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l + 1)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("linear_activation_backward", "linear_activation_backward.argument_mixed_up")
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    else:
        dZ = sigmoid_backward(dA, activation_cache)
    dA_prev, dW, db = linear_backward(dZ, cache)
    return dA_prev, dW, db


@bug("model_backward", "model_backward.L_value_wrong")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches) - 1          # "the last index"
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    dA, dW, db = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = dA, dW, db
    for l in reversed(range(L - 1)):
        dA, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA, dW, db
    return grads


@bug("model_backward", "model_backward.input_reshaped")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    AL = AL.reshape(-1, 1)       # "one prediction per row"
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    dA, dW, db = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = dA, dW, db
    for l in reversed(range(L - 1)):
        dA, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA, dW, db
    return grads


@bug("linear_activation_forward", "linear_activation_forward.unpacks_one_array")
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = np.dot(W, A_prev) + b, (A_prev, W, b)
    if activation == "sigmoid":
        A, activation_cache = sigmoid(Z)
    else:
        A, activation_cache = relu(Z)
    return A, (linear_cache, activation_cache)


# ---- correct versions whose lines the evaluator reads (nothing is recorded for a passing call) ----


@correct("linear_forward")
def linear_forward(A_prev, W, b):
    Z = np.zeros((W.shape[0], A_prev.shape[1]))
    for i in range(A_prev.shape[1]):
        Z[:, i:i + 1] = np.dot(W, A_prev[:, i:i + 1]) + b
    return Z, (A_prev, W, b)


@correct("relu_backward")
def relu_backward(dA, Z):
    dZ = np.array(dA, copy=True)
    dZ[Z <= 0] = 0
    return dZ


@bug("update_parameters", "update_parameters.operands_of_other_layers")
def update_parameters(parameters, grads, learning_rate):
    new = {}
    L = len(parameters) // 2
    for l in range(L, 0, -1):
        g = min(l + 1, L)       # "the gradients are stored one layer ahead"
        new["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(g)]
        new["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(g)]
    return new


# ---- a wrong shape named by the layer sizes it has (specs_init.py) ----------------------------------


@bug("initialize_parameters", "initialize_parameters.b_sized_by_previous_layer")
def initialize_parameters(layer_dims, seed=3):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((len(parameters["W" + str(l)].T), 1))   # rows of W.T: n[l-1]
    return parameters


@bug("initialize_parameters", "initialize_parameters.W_sized_by_other_layer")
def initialize_parameters(layer_dims, seed=3):
    rng = np.random.RandomState(seed)
    parameters = {}
    n = layer_dims
    for l in range(1, len(n)):
        rows, cols = (n[l], n[l - 1]) if l == 1 else (n[l - 1], n[l - 2])   # the previous layer's sizes
        parameters["W" + str(l)] = rng.randn(rows, cols) / np.sqrt(cols)
        parameters["b" + str(l)] = np.zeros((n[l], 1))
    return parameters


# ---- a returned array of the wrong shape, named (operands.explain_shape) ------------------------------


@bug("relu", "relu.shape_1d")
def relu(Z):
    return np.array([max(z, 0.0) for z in Z.ravel()])      # one loop over every entry, never reshaped


@bug("linear_backward", "linear_backward.shape_expression")
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ) @ A_prev.T      # "the chain rule once more"
    return dA_prev, dW, db
