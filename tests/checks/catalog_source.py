"""Tuning bugs for the source-level rules (dlkit/checks/source.py): mistakes whose wrong numbers no
mutant and no output relation explains, so the report names the construct in the code; and correct
implementations in varied styles (loops, einsum, np.where, @, np.dot, dict dispatch, casts of masks,
len(...) // 2, a stable sigmoid through tanh) on which no source rule may fire. Written for the
rules they tune, never from the held-out catalog.
"""
import numpy as np

from dlkit import linear_activation_backward, linear_activation_forward, linear_backward, linear_forward  # noqa: F401
from dlkit import relu, relu_backward, sigmoid, sigmoid_backward  # noqa: F401

from .registry import bug, correct

# ---- m that is not the number of examples ----------------------------------------------------------


@bug("linear_backward", "linear_backward.source.m_not_columns")
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = dZ.size
    return np.dot(W.T, dZ), np.dot(dZ, A_prev.T) / m, np.sum(dZ, axis=1, keepdims=True) / m


@bug("model_backward", "model_backward.source.m_not_columns")
def model_backward(AL, Y, caches):
    grads, L = {}, len(caches)
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in reversed(range(1, L + 1)):
        (A_prev, W, b), Z = caches[l - 1]
        m = Z.size
        if l == L:
            s = 1 / (1 + np.exp(-Z))
            dZ = dA * s * (1 - s)
        else:
            dZ = dA * (Z > 0)
        grads["dW" + str(l)] = dZ @ A_prev.T / A_prev.shape[1]
        grads["db" + str(l)] = np.sum(dZ, axis=1, keepdims=True) / m
        dA = W.T @ dZ
        grads["dA" + str(l - 1)] = dA
    return grads


# ---- whole numbers where reals belong ------------------------------------------------------------


@bug("linear_forward", "linear_forward.source.rounding")
def linear_forward(A_prev, W, b):
    Z = np.round(W @ A_prev, 1) + b
    return Z, (A_prev, W, b)


@bug("sigmoid", "sigmoid.source.rounding")
def sigmoid(Z):
    return np.round(1 / (1 + np.exp(-Z)), 3)


@bug("update_parameters", "update_parameters.source.rounding")
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    out = {}
    for l in range(1, L + 1):
        out["W%d" % l] = np.round(parameters["W%d" % l] - learning_rate * grads["dW%d" % l], 4)
        out["b%d" % l] = parameters["b%d" % l] - learning_rate * grads["db%d" % l]
    return out


@bug("linear_backward", "linear_backward.source.integer_division")
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) * (1 // m + 1 / (m + 1))
    return np.dot(W.T, dZ), dW, db


# ---- the wrong axis ---------------------------------------------------------------------------------


@bug("linear_backward", "linear_backward.source.sum_wrong_axis")
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    db = (sum(dZ) / m).reshape(-1, 1)     # Python's sum adds the rows
    return np.dot(W.T, dZ), np.dot(dZ, A_prev.T) / m, db


@bug("model_backward", "model_backward.source.sum_wrong_axis")
def model_backward(AL, Y, caches):
    grads, L = {}, len(caches)
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in reversed(range(1, L + 1)):
        (A_prev, W, b), Z = caches[l - 1]
        dZ = dA * (1 / (1 + np.exp(-Z))) * (1 - 1 / (1 + np.exp(-Z))) if l == L else dA * (Z > 0)
        m = A_prev.shape[1]
        grads["dW" + str(l)] = dZ @ A_prev.T / m
        grads["db" + str(l)] = np.sum(dZ, axis=0, keepdims=True).mean(axis=1, keepdims=True) * np.ones((W.shape[0], 1))
        dA = W.T @ dZ
        grads["dA" + str(l - 1)] = dA
    return grads


# ---- the cost --------------------------------------------------------------------------------------


@bug("compute_cost", "compute_cost.source.clip_bounds")
def compute_cost(AL, Y):
    m = Y.shape[1]
    AL = np.clip(AL, 0.05, 0.95)
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)


@bug("compute_cost", "compute_cost.source.log_base")
def compute_cost(AL, Y):
    m = Y.shape[1]
    AL = np.clip(AL, np.finfo(float).eps, 1 - np.finfo(float).eps)
    return float(-np.sum(Y * np.log10(AL) + (1 - Y) * np.log(1 - AL)) / m)


@bug("compute_cost", "compute_cost.source.squared_error")
def compute_cost(AL, Y):
    m = Y.shape[1]
    return float(np.sum((AL - Y) ** 2) / m)


@bug("compute_cost", "compute_cost.source.Y_for_AL")
def compute_cost(AL, Y):
    m = Y.shape[1]
    AL = np.clip(AL, 1e-15, 1 - 1e-15)
    losses = Y * np.log(AL) + (1 - Y) * np.log(1 - AL) + (1 - AL) * np.log(1 - Y + 1e-15)
    return float(-np.sum(losses) / m)


# ---- dA[L] -------------------------------------------------------------------------------------------


@bug("model_backward", "model_backward.source.dAL_formula")
def model_backward(AL, Y, caches):
    grads, L = {}, len(caches)
    dAL = -(Y / AL - (1 - Y) / 1 - AL)
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = \
            linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
    return grads


@bug("model_backward", "model_backward.source.Y_for_AL")
def model_backward(AL, Y, caches):
    grads, L = {}, len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - Y))    # a crash: dA[L] is infinite where Y = 1
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = \
            linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
    return grads


# ---- sigmoid formulas ----------------------------------------------------------------------------


@bug("sigmoid_backward", "sigmoid_backward.source.divide_by_one")
def sigmoid_backward(dA, Z):
    s = 1/1 + np.exp(-Z)
    return dA * s * (1 - s)


@bug("sigmoid_backward", "sigmoid_backward.source.sigmoid_exponent")
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(Z))
    return dA * s * (1 - s) * (1 + s)


@bug("sigmoid", "sigmoid.source.shift_by_max")
def sigmoid(Z):
    return 1 / (1 + np.exp(-(Z - np.max(Z))))


@bug("linear_activation_forward", "linear_activation_forward.source.softmax")
def linear_activation_forward(A_prev, W, b, activation):
    Z = np.dot(W, A_prev) + b
    if activation == "sigmoid":
        A = np.exp(Z) / np.sum(np.exp(Z), axis=0, keepdims=True)
    else:
        A = np.maximum(0, Z)
    return A, ((A_prev, W, b), Z)


# ---- products, relu's bound and slope ------------------------------------------------------------------


@bug("relu_backward", "relu_backward.source.matrix_for_entrywise")
def relu_backward(dA, Z):
    slope = (Z > 0).astype(float)
    return dA * slope + np.dot(np.ones((dA.shape[0], dA.shape[0])), dA * slope) * 0.1


@bug("relu", "relu.source.relu_bound")
def relu(Z):
    return np.clip(Z, 0, 3)


@bug("relu_backward", "relu_backward.source.relu_mask_on_dA")
def relu_backward(dA, Z):
    dZ = np.array(dA, copy=True)
    dZ[dA <= 0] = 0
    dZ[Z <= 0] = 0
    return dZ


@bug("relu", "relu.source.relu_bound")
def relu(Z):
    return np.maximum(Z, 1e-3)


# ---- operations none of the equations has -------------------------------------------------------------


@bug("relu", "relu.softplus")   # named by outputforms.py since diagF (was the source rule foreign_operation)
def relu(Z):
    return np.log(1 + np.exp(Z))          # the softplus, a smooth relu


@bug("linear_forward", "linear_forward.source.foreign_operation")
def linear_forward(A_prev, W, b):
    Z = W @ A_prev + b
    Z = (Z - Z.mean(axis=1, keepdims=True)) / (Z.std(axis=1, keepdims=True) + 1e-8)   # batch norm, too early
    return Z, (A_prev, W, b)


# ---- the loops of model_forward --------------------------------------------------------------------


@bug("model_forward", "model_forward.source.caches_flattened")
def model_forward(X, parameters):
    L = len(parameters) // 2
    caches, A = [], X
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches += cache
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_forward", "model_forward.source.random_draw")
def model_forward(X, parameters):
    L = len(parameters) // 2
    caches, A = [], X
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        keep = np.random.RandomState(1).rand(*A.shape) < 0.8
        A = A * keep / 0.8
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


# ---- a layer's keys ---------------------------------------------------------------------------------


@bug("update_parameters", "update_parameters.source.layer_key")
def update_parameters(parameters, grads, learning_rate):
    params = dict(parameters)
    for l in range(1, len(params) // 2 + 1):
        params["W" + l] = params["W" + l] - learning_rate * grads["dW" + l]      # TypeError: str + int
        params["b" + l] = params["b" + l] - learning_rate * grads["db" + l]
    return params


@bug("update_parameters", "update_parameters.source.layer_key")
def update_parameters(parameters, grads, learning_rate):
    params = dict(parameters)
    for l in range(1, len(params) // 2 + 1):
        params["W" + str(l)] = params["W" + str(l)] - learning_rate * grads["dW" + "l"]   # KeyError: 'dWl'
        params["b" + str(l)] = params["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return params


# ---- correct, in styles the rules must stay silent on ------------------------------------------------


@correct("linear_backward")
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = len(A_prev.T)
    dW = np.einsum("ik,jk->ij", dZ, A_prev) / m
    db = np.mean(dZ.T, axis=0).reshape(-1, 1)
    return W.T @ dZ, dW, db


@correct("linear_backward")
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    n, m = dZ.shape
    dW = np.zeros(W.shape)
    for i in range(n):
        for j in range(A_prev.shape[0]):
            dW[i, j] = sum(dZ[i, k] * A_prev[j, k] for k in range(m)) / m
    db = np.array([[sum(dZ[i]) / m] for i in range(n)])
    return np.dot(W.T, dZ), dW, db


@correct("relu_backward")
def relu_backward(dA, Z):
    return dA * (Z > 0).astype(int)


@correct("relu_backward")
def relu_backward(dA, Z):
    return np.where(Z > 0, dA, 0.0)


@correct("relu")
def relu(Z):
    return np.clip(Z, 0, None)


@correct("sigmoid")
def sigmoid(Z):
    return 0.5 * (1 + np.tanh(Z / 2))


@correct("sigmoid_backward")
def sigmoid_backward(dA, Z):
    s = np.where(Z >= 0, 1 / (1 + np.exp(-np.abs(Z))), np.exp(-np.abs(Z)) / (1 + np.exp(-np.abs(Z))))
    return np.multiply(dA, s * (1 - s))


@correct("linear_activation_forward")
def linear_activation_forward(A_prev, W, b, activation):
    g = {"relu": lambda Z: np.maximum(0, Z), "sigmoid": lambda Z: 1 / (1 + np.exp(-Z))}[activation]
    Z = np.dot(W, A_prev) + b
    return g(Z), ((A_prev, W, b), Z)


@correct("linear_activation_backward")
def linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Z = cache
    if activation == "sigmoid":
        s = 1 / (1 + np.exp(-Z))
        dZ = dA * s * (1 - s)
    elif activation == "relu":
        dZ = dA * (Z > 0)
    m = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m, dZ.sum(axis=1, keepdims=True) / m


@correct("compute_cost")
def compute_cost(AL, Y):
    m = Y.size
    eps = np.finfo(float).eps
    AL = AL.clip(eps, 1 - eps)
    return float(-(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log1p(-AL).T)).item() / m)


@correct("compute_cost")
def compute_cost(AL, Y):
    AL = np.clip(AL, 1e-15, 1 - 1e-15)
    losses = -(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return float(np.mean(np.sum(losses, axis=0)))


@correct("initialize_parameters")
def initialize_parameters(layer_dims, seed):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l, (n_prev, n) in enumerate(zip(layer_dims[:-1], layer_dims[1:]), start=1):
        parameters[f"W{l}"] = rng.randn(n, n_prev) / np.sqrt(n_prev)
        parameters[f"b{l}"] = np.zeros((n, 1), dtype=float)
    return parameters


@correct("update_parameters")
def update_parameters(parameters, grads, learning_rate):
    L = int(len(parameters) / 2)
    return {**{f"W{l}": parameters[f"W{l}"] - learning_rate * grads[f"dW{l}"] for l in range(1, L + 1)},
            **{f"b{l}": parameters[f"b{l}"] - learning_rate * grads[f"db{l}"] for l in range(1, L + 1)}}


@correct("model_forward")
def model_forward(X, parameters):
    L = len(parameters) // 2
    caches, A = [], X
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(A, parameters["W%d" % l], parameters["b%d" % l],
                                             "relu" if l < L else "sigmoid")
        caches += [cache]
    return A, caches


@correct("compute_cost")
def compute_cost(AL, Y):
    eps = np.finfo(float).eps
    picked = np.where(Y == 1, np.clip(AL, eps, 1 - eps), np.clip(1 - AL, eps, 1 - eps))
    return float(-np.log(picked).mean())


@correct("model_backward")
def model_backward(AL, Y, caches):
    grads, L = {}, len(caches)
    dAL = (AL - Y) / (AL * (1 - AL))
    dA = dAL
    for l in range(L, 0, -1):
        dA_prev, dW, db = linear_activation_backward(dA, caches[l - 1], "sigmoid" if l == L else "relu")
        grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = dA_prev, dW, db
        dA = dA_prev
    return grads


@correct("linear_activation_forward")
def linear_activation_forward(A_prev, W, b, activation):
    Z = np.add(np.matmul(W, A_prev), b)
    if activation == "sigmoid":
        A = 1 / (1 + np.exp(-np.clip(Z, -500, 500)))
    else:
        A = np.where(Z > 0, Z, 0)
    return A, ((A_prev, W, b), Z)


@correct("sigmoid")
def sigmoid(Z):
    return np.exp(-np.logaddexp(0, -Z))


@correct("update_parameters")
def update_parameters(parameters, grads, learning_rate):
    import copy

    new = copy.deepcopy(parameters)
    for key in parameters:
        new[key] = parameters[key] - learning_rate * grads["d" + key]
    return new


@correct("linear_backward")
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = dZ.shape[-1]
    return np.matmul(W.T, dZ), np.matmul(dZ, A_prev.T) / m, np.sum(dZ, axis=-1, keepdims=True) / m


@correct("model_forward")
def model_forward(X, parameters):
    L = len(parameters) // 2
    caches, A = [], X
    for l in range(1, L + 1):
        act = "sigmoid" if l == L else "relu"
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], act)
        caches.extend([cache])
    return A, caches


@correct("relu_backward")
def relu_backward(dA, Z):
    return dA * np.heaviside(Z, 0)
