"""Learner implementations of the backward blocks: buggy ones (with the mistake the
checkpoint must name) and correct-but-different ones (which must pass)."""
import numpy as np

from dlkit import linear_backward, relu, relu_backward, sigmoid, sigmoid_backward  # noqa: F401

from .registry import bug, correct

# ---- linear_backward ---------------------------------------------------------------------


@correct("linear_backward")
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = 1 / m * np.dot(dZ, A_prev.T)
    db = 1 / m * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@correct("linear_backward")
def linear_backward(dZ, linear_cache):
    A_prev, W, _ = linear_cache
    dW = np.einsum("ik,jk->ij", dZ, A_prev) / dZ.shape[1]
    db = np.mean(dZ, axis=1).reshape(-1, 1)
    return np.einsum("ji,jk->ik", W, dZ), dW, db


@correct("linear_backward")
def linear_backward(dZ, linear_cache):
    A_prev, W, b = (x.astype(np.float32) for x in linear_cache)
    dZ = dZ.astype(np.float32)
    return W.T @ dZ, dZ @ A_prev.T / A_prev.shape[1], dZ.mean(axis=1, keepdims=True)


@bug("linear_backward", "linear_backward.dW_missing_1_over_m")
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T, np.sum(dZ, axis=1, keepdims=True) / m


@bug("linear_backward", "linear_backward.db_missing_1_over_m")
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m, np.sum(dZ, axis=1, keepdims=True)


@bug("linear_backward", "linear_backward.dA_prev_has_1_over_m")
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return 1 / m * W.T @ dZ, dZ @ A_prev.T / m, np.sum(dZ, axis=1, keepdims=True) / m


@bug("linear_backward", "linear_backward.db_no_keepdims")
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m, np.sum(dZ, axis=1) / m


@bug("linear_backward", "linear_backward.db_wrong_axis")
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m, np.sum(dZ, axis=0, keepdims=True) / m


@bug("linear_backward", "linear_backward.dA_prev_missing_transpose")
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dA_prev = np.dot(W, dZ)
    return dA_prev, dZ @ A_prev.T / m, np.sum(dZ, axis=1, keepdims=True) / m


@bug("linear_backward", "linear_backward.dW_transposed")
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return W.T @ dZ, A_prev @ dZ.T / m, np.sum(dZ, axis=1, keepdims=True) / m


@bug("linear_backward", "linear_backward.m_from_wrong_axis")
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[0]
    return W.T @ dZ, dZ @ A_prev.T / m, np.sum(dZ, axis=1, keepdims=True) / m


@bug("linear_backward", "linear_backward.returns_wrong_structure")
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return {"dW": dZ @ A_prev.T / m, "db": np.sum(dZ, axis=1, keepdims=True) / m}


# ---- relu_backward -----------------------------------------------------------------------


@correct("relu_backward")
def relu_backward(dA, Z):
    dZ = np.array(dA, copy=True)
    dZ[Z <= 0] = 0
    return dZ


@correct("relu_backward")
def relu_backward(dA, Z):
    return np.where(Z > 0, dA, 0)


@correct("relu_backward")
def relu_backward(dA, cache):
    return dA * np.heaviside(cache, 0.0)


@bug("relu_backward", "relu_backward.modifies_input")
def relu_backward(dA, Z):
    dZ = dA
    dZ[Z <= 0] = 0
    return dZ


@bug("relu_backward", "relu_backward.uses_g_not_gprime")
def relu_backward(dA, Z):
    return dA * np.maximum(0, Z)


@bug("relu_backward", "relu_backward.missing_dA")
def relu_backward(dA, Z):
    return (Z > 0) * 1.0


@bug("relu_backward", "relu_backward.mask_on_dA")
def relu_backward(dA, Z):
    dZ = dA.copy()
    dZ[dA < 0] = 0
    return dZ


@bug("relu_backward", "relu_backward.mask_reversed")
def relu_backward(dA, Z):
    return np.where(Z < 0, dA, 0)


# ---- sigmoid_backward --------------------------------------------------------------------


@correct("sigmoid_backward")
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    return dA * s * (1 - s)


@bug("sigmoid_backward", "sigmoid_backward.overflow")
def sigmoid_backward(dA, cache):
    # right algebra, numerically unstable: for Z = -800, e = inf and inf / inf is nan (the slope is 0)
    e = np.exp(-cache)
    return dA * e / (1 + e) ** 2


@correct("sigmoid_backward")
def sigmoid_backward(dA, cache):
    e = np.exp(-np.abs(cache))                   # the same form, stable: e <= 1, and the slope is even
    return dA * e / (1 + e) ** 2


@correct("sigmoid_backward")
def sigmoid_backward(dA, Z):
    s = sigmoid(Z)
    return np.multiply(dA, s - s * s)


@bug("sigmoid_backward", "sigmoid_backward.uses_Z_not_sigmoid")
def sigmoid_backward(dA, Z):
    return dA * Z * (1 - Z)


@bug("sigmoid_backward", "sigmoid_backward.uses_g_not_gprime")
def sigmoid_backward(dA, Z):
    return dA * sigmoid(Z)


@bug("sigmoid_backward", "sigmoid_backward.missing_dA")
def sigmoid_backward(dA, Z):
    s = sigmoid(Z)
    return s * (1 - s)


@bug("sigmoid_backward", "sigmoid_backward.wrong_derivative")
def sigmoid_backward(dA, Z):
    s = sigmoid(Z)
    return dA * (1 - s)


@bug("sigmoid_backward", "sigmoid_backward.sign_flipped")
def sigmoid_backward(dA, Z):
    s = sigmoid(Z)
    return -dA * s * (1 - s)


# ---- linear_activation_backward -------------------------------------------------------------


@correct("linear_activation_backward")
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db


@correct("linear_activation_backward")
def linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Z = cache
    slope = (Z > 0) if activation == "relu" else sigmoid(Z) * (1 - sigmoid(Z))
    dZ = dA * slope
    m = A_prev.shape[1]
    return W.T.dot(dZ), dZ.dot(A_prev.T) / m, dZ.sum(axis=1, keepdims=True) / m


@bug("linear_activation_backward", "linear_activation_backward.activations_swapped")
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    dZ = sigmoid_backward(dA, Z) if activation == "relu" else relu_backward(dA, Z)
    return linear_backward(dZ, linear_cache)


@bug("linear_activation_backward", "linear_activation_backward.always_relu")
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    return linear_backward(relu_backward(dA, Z), linear_cache)


@bug("linear_activation_backward", "linear_activation_backward.no_activation_backward")
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    return linear_backward(dA, linear_cache)


@bug("linear_activation_backward", "linear_activation_backward.uses_g_not_gprime")
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    dZ = dA * (relu(Z) if activation == "relu" else sigmoid(Z))
    return linear_backward(dZ, linear_cache)


@bug("linear_activation_backward", "linear_activation_backward.cache_unpacked_wrong")
def linear_activation_backward(dA, cache, activation):
    Z, linear_cache = cache
    dZ = relu_backward(dA, Z) if activation == "relu" else sigmoid_backward(dA, Z)
    return linear_backward(dZ, linear_cache)


@bug("linear_activation_backward", "linear_activation_backward.unknown_activation")
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "Relu":
        dZ = relu_backward(dA, Z)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, Z)
    return linear_backward(dZ, linear_cache)


@bug("linear_backward", "linear_backward.dW_missing_transpose")
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev) / m
    return W.T @ dZ, dW, np.sum(dZ, axis=1, keepdims=True) / m


@bug("linear_backward", "linear_backward.db_sum_all")
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m, np.sum(dZ) / m


@bug("relu_backward", "relu_backward.mask_missing")
def relu_backward(dA, Z):
    return np.array(dA, copy=True)


@bug("sigmoid_backward", "sigmoid_backward.returns_dA")
def sigmoid_backward(dA, Z):
    return dA.copy()


@bug("linear_activation_backward", "linear_activation_backward.dW_missing_1_over_m")
def linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Z = cache
    dZ = relu_backward(dA, Z) if activation == "relu" else sigmoid_backward(dA, Z)
    m = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T, np.sum(dZ, axis=1, keepdims=True) / m


@correct("linear_activation_backward")
def linear_activation_backward(dA, cache, activation):
    """Unpacks everything in one go; float32; np.where for ReLU's slope."""
    ((A_prev, W, b), Z) = cache
    dA, Z, A_prev, W = (x.astype(np.float32) for x in (dA, Z, A_prev, W))
    if activation == "relu":
        dZ = np.where(Z > 0, dA, np.float32(0))
    else:
        s = 1 / (1 + np.exp(-Z))
        dZ = dA * s * (1 - s)
    m = A_prev.shape[1]
    return np.matmul(W.T, dZ), np.matmul(dZ, A_prev.T) / m, np.mean(dZ, axis=1, keepdims=True)


@bug("linear_activation_backward", "linear_activation_backward.relu_backward_mask_reversed")
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = np.where(Z > 0, 0, dA)          # inline, the mask the wrong way round
    else:
        dZ = sigmoid_backward(dA, Z)
    return linear_backward(dZ, linear_cache)


@bug("linear_backward", "linear_backward.db_sum_all")
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return np.dot(W.T, dZ), np.dot(dZ, A_prev.T) / m, np.mean(dZ)


@bug("sigmoid_backward", "sigmoid_backward.missing_parentheses")
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    return dA * s * 1 - s


@bug("linear_backward", "linear_backward.elementwise_product")
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = 1 / m * np.multiply(dZ, A_prev.T)
    return np.dot(W.T, dZ), dW, np.sum(dZ, axis=1, keepdims=True) / m
