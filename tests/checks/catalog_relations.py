"""Tuning bugs for the relations, the layer-by-layer composites and the edges the notebooks
talk about (issue 12's learner list), plus correct formulations the edge cases must let pass.

Each bug makes a mistake no mutant is written for, so it is named by a relation (or by a
mistake added for the learner list); none of them is copied from the held-out catalog.
"""
import math

import numpy as np

from dlkit import (linear_activation_backward, linear_activation_forward, linear_backward, relu,  # noqa: F401
                   relu_backward, sigmoid, sigmoid_backward)

from .registry import bug, correct

# ---- relations on the forward blocks ---------------------------------------------------------


@bug("linear_forward", "linear_forward.b_twice")
def linear_forward(A_prev, W, b):
    Z = np.dot(W, A_prev) + b
    Z = Z + b            # a demo cell's line pasted twice
    return Z, (A_prev, W, b)


@bug("linear_forward", "linear_forward.factor_2")
def linear_forward(A_prev, W, b):
    Z = W @ A_prev + b
    return Z + Z, (A_prev, W, b)


@bug("linear_forward", "linear_forward.integer_values")
def linear_forward(A_prev, W, b):
    Z = np.zeros((W.shape[0], A_prev.shape[1]), dtype=int)
    Z[:] = W @ A_prev + b
    return Z, (A_prev, W, b)


@bug("linear_forward", "linear_forward.first_column_only")
def linear_forward(A_prev, W, b):
    z0 = W @ A_prev[:, 0:1] + b
    return np.repeat(z0, A_prev.shape[1], axis=1), (A_prev, W, b)


@bug("sigmoid", "sigmoid.overflow")
def sigmoid(Z):
    e = np.exp(Z)
    return e / (1 + e)


@bug("sigmoid", "sigmoid.overflow")
def sigmoid(Z):
    return np.vectorize(lambda z: math.exp(z) / (1 + math.exp(z)) if z < 709 else float("nan"))(Z)


@correct("sigmoid")
def sigmoid(Z):
    # numerically stable: never exp of a large positive number
    return np.where(Z >= 0, 1 / (1 + np.exp(-np.abs(Z))), np.exp(-np.abs(Z)) / (1 + np.exp(-np.abs(Z))))


@correct("sigmoid")
def sigmoid(Z):
    return 0.5 * (1 + np.tanh(Z / 2))


@bug("relu", "relu.factor_half")
def relu(Z):
    return (Z + np.abs(Z)) / 4      # (Z + |Z|) / 2 is ReLU


@bug("linear_activation_forward", "linear_activation_forward.cache_holds_A")
def linear_activation_forward(A_prev, W, b, activation):
    Z = W @ A_prev + b
    cache = ((A_prev, W, b), Z)
    if activation == "relu":
        Z[Z < 0] = 0                 # in place: the cached Z changes too
        A = Z
    else:
        A = 1 / (1 + np.exp(-Z))
    return A, cache


# ---- relations on the backward blocks ----------------------------------------------------------

@bug("relu_backward", "relu_backward.slope_at_zero")
def relu_backward(dA, Z):
    return dA * (Z >= 0)


@bug("relu_backward", "relu_backward.slope_at_zero")
def relu_backward(dA, Z):
    dZ = np.array(dA, copy=True)
    dZ[Z < 0] = 0
    return dZ


@correct("relu_backward")
def relu_backward(dA, Z):
    return np.where(Z > 0, dA, 0.0)


@correct("relu_backward")
def relu_backward(dA, Z):
    return dA * np.heaviside(Z, 0.0)


@bug("sigmoid_backward", "sigmoid_backward.factor_half")
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    return dA * s * (1 - s) / 2


@correct("sigmoid_backward")
def sigmoid_backward(dA, Z):
    s = np.where(Z >= 0, 1 / (1 + np.exp(-np.abs(Z))), np.exp(-np.abs(Z)) / (1 + np.exp(-np.abs(Z))))
    return dA * s * (1 - s)


m = 4   # left over from a demo cell


@bug("linear_backward", "linear_backward.fixed_m")
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    dW = 1 / m * np.dot(dZ, A_prev.T)          # the global m of the demo, not this case's
    db = 1 / m * np.sum(dZ, axis=1, keepdims=True)
    return np.dot(W.T, dZ), dW, db


@bug("linear_backward", "linear_backward.wrong_axis")
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    n = dZ.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / n, np.mean(dZ, axis=0, keepdims=True)


@bug("linear_activation_backward", "linear_activation_backward.integer_values")
def linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Z = cache
    m_ = A_prev.shape[1]
    dZ = dA * (Z > 0) if activation == "relu" else dA * (1 / (1 + np.exp(-Z))) * (1 - 1 / (1 + np.exp(-Z)))
    dW = np.floor_divide(dZ @ A_prev.T, m_)
    return W.T @ dZ, dW, np.sum(dZ, axis=1, keepdims=True) / m_


# ---- the cost: clipping and a fixed m ---------------------------------------------------------


@bug("compute_cost", "compute_cost.fixed_m")
def compute_cost(AL, Y):
    AL = np.clip(AL, 1e-15, 1 - 1e-15)
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / 5)


@bug("compute_cost", "compute_cost.no_clipping")
def compute_cost(AL, Y):
    m_ = Y.shape[1]
    return float(np.squeeze(-(Y @ np.log(AL).T + (1 - Y) @ np.log(1 - AL).T) / m_))


@correct("compute_cost")
def compute_cost(AL, Y):
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    return float(np.squeeze(-(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / Y.shape[1]))


@correct("compute_cost")
def compute_cost(AL, Y):
    total = 0.0
    for a, y in zip(AL[0], Y[0]):            # a loop, guarding the log instead of clipping
        total += -math.log(a) if y == 1 and a > 0 else (-math.log(1 - a) if a < 1 else 0.0)
    return total / Y.shape[1]


# ---- the composites, layer by layer -----------------------------------------------------------


@bug("model_backward", "model_backward.dAL_sign_flipped")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(-(Y / AL) + (1 - Y) / (1 - AL))      # the whole dA[L] negated
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = \
            linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
    return grads


@bug("model_backward", "model_backward.dA0_missing")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    for l in range(L, 0, -1):
        dA_prev, grads[f"dW{l}"], grads[f"db{l}"] = \
            linear_activation_backward(dA, caches[l - 1], "sigmoid" if l == L else "relu")
        if l > 1:
            grads[f"dA{l - 1}"] = dA_prev
        dA = dA_prev
    return grads


@bug("model_backward", "model_backward.cache_of_next_layer")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(Y / AL) + (1 - Y) / (1 - AL)
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        current_cache = caches[l + 1]             # should be caches[l]
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = \
            linear_activation_backward(grads["dA" + str(l + 1)], current_cache, "relu")
    return grads


@bug("model_backward", "model_backward.other_layer")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    for l in range(L, 0, -1):
        dA, grads[f"dW{l}"], grads[f"db{l}"] = \
            linear_activation_backward(dA, caches[l - 1], "sigmoid" if l == L else "relu")
        grads[f"dA{l - 1}"] = dA
    grads[f"dA{L - 1}"] = grads[f"dA{max(L - 2, 0)}"]     # a stray line from debugging
    return grads


@correct("model_backward")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    (A_prev, W, b), Z = caches[L - 1]
    dZ = AL - Y                                       # the shortcut: dA[L] * sigmoid'(Z[L])
    m_ = AL.shape[1]
    grads[f"dW{L}"], grads[f"db{L}"] = dZ @ A_prev.T / m_, dZ.sum(axis=1, keepdims=True) / m_
    grads[f"dA{L - 1}"] = W.T @ dZ
    for l in range(L - 1, 0, -1):
        (A_prev, W, b), Z = caches[l - 1]
        dZ = np.where(Z > 0, grads[f"dA{l}"], 0)
        grads[f"dW{l}"], grads[f"db{l}"] = dZ @ A_prev.T / m_, dZ.sum(axis=1, keepdims=True) / m_
        grads[f"dA{l - 1}"] = W.T @ dZ
    return grads


@bug("model_forward", "model_forward.other_layer")
def model_forward(X, parameters):
    caches, A = [], X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l + 1)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


# ---- update_parameters and initialize_parameters: what notebooks 6 and 1 ask ------------------


@bug("update_parameters", "update_parameters.modifies_input")
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)]
    return parameters


@correct("update_parameters")
def update_parameters(parameters, grads, learning_rate):
    import copy
    parameters = copy.deepcopy(parameters)
    for l in range(1, len(parameters) // 2 + 1):
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)]
    return parameters


@correct("initialize_parameters")
def initialize_parameters(layer_dims, seed=1):
    np.random.seed(seed)             # the global generator: the same numbers as RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "initialize_parameters.W_scale")
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


# ---- relations the audit of issue 12 item 2 found without a tuning bug (docs/relations.md) ------


@bug("linear_backward", "linear_backward.factor_1_over_m")
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m_ = A_prev.shape[1]
    dW = 1 / m_ * np.dot(dZ, A_prev.T) / m_       # the 1/m written twice
    return np.dot(W.T, dZ), dW, np.sum(dZ, axis=1, keepdims=True) / m_


@bug("sigmoid_backward", "sigmoid_backward.factor_m")
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    return dA * s * (1 - s) * Z.shape[1]          # "undoing" the 1/m of the cost here


@bug("linear_backward", "linear_backward.factor")
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m_ = A_prev.shape[1]
    return W.T @ dZ, 3 * dZ @ A_prev.T / m_, np.sum(dZ, axis=1, keepdims=True) / m_


@bug("linear_forward", "linear_forward.factor_on_some")
def linear_forward(A_prev, W, b):
    Z = W @ A_prev + b
    Z[0] = Z[0] * 2                              # a debugging line left in
    return Z, (A_prev, W, b)


@bug("relu", "relu.transposed")
def relu(Z):
    A = np.zeros((Z.shape[1], Z.shape[0]))
    for i in range(Z.shape[0]):
        for j in range(Z.shape[1]):
            A[j, i] = max(0.0, Z[i, j])
    return A


@bug("sigmoid", "sigmoid.activation_twice")
def sigmoid(Z):
    A = 1 / (1 + np.exp(-Z))
    return 1 / (1 + np.exp(-A))


@bug("linear_activation_forward", "linear_activation_forward.activation_twice")
def linear_activation_forward(A_prev, W, b, activation):
    Z = W @ A_prev + b
    A = 1 / (1 + np.exp(-Z)) if activation == "sigmoid" else np.maximum(0, Z)
    if activation == "sigmoid":
        A = sigmoid(A)                           # dlkit's sigmoid, called on A again
    return A, ((A_prev, W, b), Z)


@bug("linear_activation_forward", "linear_activation_forward.activation_of_other")
def linear_activation_forward(A_prev, W, b, activation):
    Z = W @ A_prev + b
    A = relu(A_prev) if activation == "relu" else sigmoid(A_prev)   # A_prev where Z belongs
    return A, ((A_prev, W, b), Z)


@bug("linear_activation_forward", "linear_activation_forward.b_twice")
def linear_activation_forward(A_prev, W, b, activation):
    Z = np.dot(W, A_prev) + b
    Z += b
    A = relu(Z) if activation == "relu" else sigmoid(Z)
    return A, ((A_prev, W, b), Z)


@bug("linear_activation_forward", "linear_activation_forward.b_twice")
def linear_activation_forward(A_prev, W, b, activation):
    Z = np.dot(W, A_prev) + b
    A = relu(Z) if activation == "relu" else sigmoid(Z)
    Z = Z + b                                     # a second line for the cache, b again
    return A, ((A_prev, W, b), Z)


@bug("linear_activation_forward", "linear_activation_forward.wrong_activation")
def linear_activation_forward(A_prev, W, b, activation):
    Z = W @ A_prev + b
    A = np.tanh(Z) if activation == "relu" else sigmoid(Z)
    return A, ((A_prev, W, b), Z)


@bug("model_forward", "model_forward.b_twice")
def model_forward(X, parameters):
    caches, A = [], X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        Z = W @ A + b + b
        caches.append(((A, W, b), Z))
        A = np.maximum(0, Z) if l < L else 1 / (1 + np.exp(-Z))
    return A, caches


@bug("model_forward", "model_forward.cache_overwritten")
def model_forward(X, parameters):
    caches, A = [], X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        Z = W @ A + b
        caches.append(((A, W, b), Z))
        if l < L:
            Z[Z < 0] = 0                          # ReLU in place: the cached Z changes with it
            A = Z
        else:
            A = 1 / (1 + np.exp(-Z))
    return A, caches


@bug("linear_activation_backward", "linear_activation_backward.slope_of_other")
def linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Z = cache
    A = sigmoid(Z) if activation == "sigmoid" else relu(Z)
    dZ = sigmoid_backward(dA, A) if activation == "sigmoid" else relu_backward(dA, Z)   # A where Z belongs
    m_ = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m_, np.sum(dZ, axis=1, keepdims=True) / m_


@bug("linear_activation_backward", "linear_activation_backward.factor_half")
def linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Z = cache
    dZ = sigmoid_backward(dA, Z) if activation == "sigmoid" else relu_backward(dA, Z) / 2
    m_ = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m_, np.sum(dZ, axis=1, keepdims=True) / m_


# ---- |Z| in the hundreds: numerically unstable formulas (issue 12 item 4) ------------------------


@bug("sigmoid_backward", "sigmoid_backward.overflow")
def sigmoid_backward(dA, Z):
    s = np.exp(Z) / (1 + np.exp(Z))              # inf / inf = nan for Z past 709
    return dA * s * (1 - s)


@correct("sigmoid_backward")
def sigmoid_backward(dA, Z):
    s = np.exp(-np.logaddexp(0, -Z))             # stable: log(1 + e^-Z) without overflow
    return dA * s * (1 - s)


@bug("linear_activation_forward", "linear_activation_forward.overflow")
def linear_activation_forward(A_prev, W, b, activation):
    Z = W @ A_prev + b
    A = np.maximum(0, Z) if activation == "relu" else np.exp(Z) / (1 + np.exp(Z))
    return A, ((A_prev, W, b), Z)


@correct("linear_activation_forward")
def linear_activation_forward(A_prev, W, b, activation):
    Z = W @ A_prev + b
    if activation == "sigmoid":
        A = np.where(Z >= 0, 1 / (1 + np.exp(-np.abs(Z))), np.exp(-np.abs(Z)) / (1 + np.exp(-np.abs(Z))))
    else:
        A = np.where(Z > 0, Z, 0.0)
    return A, ((A_prev, W, b), Z)


@correct("sigmoid")
def sigmoid(Z):
    return np.exp(-np.logaddexp(0, -Z))          # stable


# ---- A where Z belongs in the backward blocks, and dZ[l] recovered layer by layer ------------------


@bug("linear_activation_backward", "linear_activation_backward.wrong_array_passed")
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    A_prev, W, b = linear_cache
    if activation == "relu":
        dZ = relu_backward(dA, A_prev)            # the input A[l-1] where this layer's Z belongs
    else:
        dZ = sigmoid_backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)


@bug("model_backward", "model_backward.slope_of_other")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    m_ = AL.shape[1]
    dAL = -(Y / AL) + (1 - Y) / (1 - AL)
    (A_prev, W, b), Z = caches[L - 1]
    dZ = sigmoid_backward(dAL, AL)                # the slope taken at A[L], not at Z[L]
    grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = W.T @ dZ, dZ @ A_prev.T / m_, dZ.sum(1, keepdims=True) / m_
    for l in reversed(range(L - 1)):
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = \
            linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
    return grads


@bug("model_backward", "model_backward.factor_half")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(Y / AL) + (1 - Y) / (1 - AL)
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        (A_prev, W, b), Z = caches[l]
        dZ = grads["dA" + str(l + 1)] * (Z > 0) / 2    # a 1/2 from the cost's derivative, misplaced
        m_ = A_prev.shape[1]
        grads["dA" + str(l)] = W.T @ dZ
        grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dZ @ A_prev.T / m_, dZ.sum(1, keepdims=True) / m_
    return grads


@bug("sigmoid", "sigmoid.factor_on_some")
def sigmoid(Z):
    A = np.zeros(Z.shape)
    m_ = Z.shape[1]
    for j in range(m_):
        A[:, j] = 1 / (1 + np.exp(-Z[:, j]))
    if m_ > 1:
        A[:, m_ - 1] += A[:, m_ - 1]              # the last column added in twice
    return A



@bug("sigmoid", "sigmoid.overflow")
def sigmoid(Z):
    A = np.zeros(Z.shape)
    for i in range(Z.shape[0]):
        for j in range(Z.shape[1]):
            A[i, j] = 1 / (1 + math.exp(-Z[i, j]))   # math.exp(1000) raises OverflowError
    return A


@correct("sigmoid")
def sigmoid(Z):
    A = np.zeros(Z.shape)
    for i in range(Z.shape[0]):                     # a loop with a guarded math.exp
        for j in range(Z.shape[1]):
            z = Z[i, j]
            A[i, j] = 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))
    return A


@correct("compute_cost")
def compute_cost(AL, Y):
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.nan_to_num(Y * np.log(AL)) + np.nan_to_num((1 - Y) * np.log(1 - AL))   # 0 log 0 taken as 0
    return float(-np.sum(terms) / Y.shape[1])


@bug("linear_activation_backward", "linear_activation_backward.overflow")
def linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Z = cache
    if activation == "sigmoid":
        s = np.exp(Z) / (1 + np.exp(Z))           # inf / inf = nan where Z is in the hundreds
        dZ = dA * s * (1 - s)
    else:
        dZ = dA * (Z > 0)
    m_ = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m_, np.sum(dZ, axis=1, keepdims=True) / m_


@correct("linear_activation_backward")
def linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Z = cache
    if activation == "sigmoid":
        s = np.exp(-np.logaddexp(0, -Z))          # stable
        dZ = dA * s * (1 - s)
    else:
        dZ = np.where(Z > 0, dA, 0.0)
    m_ = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m_, np.sum(dZ, axis=1, keepdims=True) / m_


@bug("model_forward", "model_forward.overflow")
def model_forward(X, parameters):
    caches, A = [], X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        Z = np.dot(W, A) + b
        caches.append(((A, W, b), Z))
        A = np.maximum(0, Z) if l < L else np.exp(Z) / (1 + np.exp(Z))   # nan where Z[L] is in the hundreds
    return A, caches
