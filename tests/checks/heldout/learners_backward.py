"""Held-out learner code: the backward blocks and the update.

Written the way learners of the "step by step" assignment write them; none of
it is taken from tests/checks/catalog_*.py, and no mutant or relation of
dlkit.checks may be written from it (it is the held-out set of issue 12).
"""
import copy
import math

import numpy as np

from dlkit import (linear_activation_backward, linear_backward, relu, relu_backward,  # noqa: F401
                   sigmoid, sigmoid_backward)

from .registry import ELEMENTWISE, ELEMENTWISE_NOT_EQUATION, IN_PLACE, INTEGER, MATH_MODULE, OVERFLOW, UNPACK, bug, correct

lr = 0.1   # left over from a demo cell

# ---- linear_backward --------------------------------------------------------------------------


@bug("linear_backward", "m = dZ.shape[0] (the number of units) instead of the number of examples, shape[1]",
     [r"wrong axis", r"shape\[1\]", r"number of (columns|examples)", r"n\[l\] .*instead of m"])
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = dZ.shape[0]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@bug("linear_backward", "db loses its column shape: np.sum(dZ, axis=1) without keepdims=True",
     [r"column shape", r"1-D", r"second dimension", r"without keepdims", r"keepdims(=True)? (is )?missing"])
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = 1 / m * np.dot(dZ, A_prev.T)
    db = 1 / m * np.sum(dZ, axis=1)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@bug("linear_backward", "1 // m is integer division (0 for m > 1): dW and db are all zeros",
     INTEGER + [r"all (zero|0)", r"zeros"])
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = (1 // m) * np.dot(dZ, A_prev.T)
    db = (1 // m) * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@bug("linear_backward", "np.multiply (entry by entry) where dW = dZ A_prev^T needs a matrix product",
     ELEMENTWISE)
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.multiply(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@bug("linear_backward", "dA_prev = np.dot(W, dZ): W is not transposed",
     [r"transpos", r"W\.T"])
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W, dZ)
    return dA_prev, dW, db


@bug("linear_backward", "db averages over axis=0 (the units) instead of axis=1 (the examples)",
     [r"wrong axis", r"axis ?= ?0", r"over the (m )?examples", r"columns"])
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = dZ @ A_prev.T / m
    db = np.mean(dZ, axis=0, keepdims=True)
    dA_prev = W.T @ dZ
    return dA_prev, dW, db


@bug("linear_backward", "the cache is unpacked in the wrong order: W, A_prev, b = cache",
     UNPACK)
def linear_backward(dZ, cache):
    W, A_prev, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@bug("linear_backward", "a loop over examples adds up the outer products but never divides dW by m",
     [r"m times", r"divide by m", r"1/m (is )?missing", r"missing.*1/m"])
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.zeros(W.shape)
    for i in range(m):
        dW += np.outer(dZ[:, i], A_prev[:, i])
    db = dZ.sum(axis=1, keepdims=True) / m
    dA_prev = W.T.dot(dZ)
    return dA_prev, dW, db


@bug("linear_backward", "dZ /= m changes the caller's dZ in place (and makes dA_prev m times too small)",
     IN_PLACE + [r"m times too small"])
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dZ /= m
    dW = dZ @ A_prev.T
    db = dZ.sum(axis=1, keepdims=True)
    dA_prev = W.T @ dZ
    return dA_prev, dW, db


@correct("linear_backward", "a loop over the examples, divided by m at the end")
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.zeros(W.shape, dtype=dZ.dtype)
    db = np.zeros(b.shape, dtype=dZ.dtype)
    for i in range(m):
        dW += np.outer(dZ[:, i], A_prev[:, i])
        db[:, 0] += dZ[:, i]
    return W.T @ dZ, dW / m, db / m


@correct("linear_backward", "einsum for both products")
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[-1]
    dW = np.einsum("im,jm->ij", dZ, A_prev) / m
    db = dZ.sum(1, keepdims=True) / m
    dA_prev = np.einsum("ij,im->jm", W, dZ)
    return dA_prev, dW, db


@correct("linear_backward", "np.mean with keepdims for db and A_prev.T @ ... transposed for dW")
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    dW = (A_prev @ dZ.T).T / A_prev.shape[1]
    db = np.mean(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


# ---- relu_backward ----------------------------------------------------------------------------


@bug("relu_backward", "(Z >= 0) gives slope 1 at Z = 0, where the notebook says the slope is 0",
     [r"exactly (0|zero)", r"at (Z = )?0\b", r">=", r"slope at 0", r"Z == 0", r"where Z (is|=) 0"], contract="slope at 0")
def relu_backward(dA, Z):
    return dA * (Z >= 0)


@bug("relu_backward", "dA[Z <= 0] = 0 zeroes the caller's dA in place",
     IN_PLACE)
def relu_backward(dA, Z):
    dA[Z <= 0] = 0
    return dA


@bug("relu_backward", "dZ = dA is an alias: dZ[Z <= 0] = 0 changes dA in place",
     IN_PLACE + [r"alias"])
def relu_backward(dA, Z):
    dZ = dA
    dZ[Z <= 0] = 0
    return dZ


@bug("relu_backward", "np.dot (matrix product) of dA and the mask instead of the entry-by-entry product",
     ELEMENTWISE_NOT_EQUATION)
def relu_backward(dA, Z):
    return np.dot(dA, (Z > 0).astype(float).T)


@bug("relu_backward", "multiplies by relu(Z) (g) where the slope g'(Z) belongs",
     [r"derivative", r"relu\(Z\) itself", r"g\(Z\) (where|instead)", r"activation itself"])
def relu_backward(dA, Z):
    return dA * np.maximum(0, Z)


@bug("relu_backward", "returns the mask (Z > 0) alone: dA is never multiplied in",
     [r"dA (is )?missing", r"incoming gradient", r"without dA", r"multipl.*\bdA\b"])
def relu_backward(dA, Z):
    dZ = (Z > 0) * 1.0
    return dZ


@correct("relu_backward", "np.where on Z > 0")
def relu_backward(dA, Z):
    return np.where(Z > 0, dA, 0.0)


@correct("relu_backward", "np.heaviside with slope 0 at 0")
def relu_backward(dA, Z):
    return dA * np.heaviside(Z, 0)


@correct("relu_backward", "the canonical copy-and-mask of the assignment")
def relu_backward(dA, Z):
    dZ = np.array(dA, copy=True)
    dZ[Z <= 0] = 0
    return dZ


# ---- sigmoid_backward -------------------------------------------------------------------------


@bug("sigmoid_backward", "missing parentheses: dA * s * 1 - s is (dA s) - s, not dA s (1 - s)",
     [r"parenthes", r"precedence", r"wrong (slope|derivative)", r"minus s\b"])
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    dZ = dA * s * 1 - s
    return dZ


@bug("sigmoid_backward", "s = exp(Z) / (1 + exp(Z)) overflows (inf/inf = NaN) for large positive Z",
     OVERFLOW)
def sigmoid_backward(dA, Z):
    s = np.exp(Z) / (1 + np.exp(Z))
    return dA * s * (1 - s)


@bug("sigmoid_backward", "np.dot (matrix product) of dA and the slope instead of the entry-by-entry product",
     ELEMENTWISE_NOT_EQUATION)
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    return np.dot(dA, (s * (1 - s)).T)


@bug("sigmoid_backward", "math.exp on an array",
     MATH_MODULE)
def sigmoid_backward(dA, Z):
    s = 1 / (1 + math.exp(-Z))
    return dA * s * (1 - s)


@bug("sigmoid_backward", "the slope is written s (1 - Z) instead of s (1 - s)",
     [r"1 - Z", r"Z (is )?used where", r"sigmoid\(Z\) belongs", r"wrong (slope|derivative)"])
def sigmoid_backward(dA, Z):
    s = sigmoid(Z)
    return dA * s * (1 - Z)


@bug("sigmoid_backward", "dA *= s (1 - s) changes the caller's dA in place",
     IN_PLACE)
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    dA *= s * (1 - s)
    return dA


@correct("sigmoid_backward", "tanh form of the sigmoid")
def sigmoid_backward(dA, Z):
    s = 0.5 * (1 + np.tanh(0.5 * Z))
    return dA * s * (1 - s)


@correct("sigmoid_backward", "stable slope: s (1 - s) = exp(-softplus(-Z) - softplus(Z))")
def sigmoid_backward(dA, Z):
    return dA * np.exp(-np.logaddexp(0, -Z) - np.logaddexp(0, Z))


@correct("sigmoid_backward", "calls the sigmoid found by global name, np.multiply")
def sigmoid_backward(dA, Z):
    s = sigmoid(Z)
    return np.multiply(dA, np.multiply(s, 1 - s))


# ---- linear_activation_backward ---------------------------------------------------------------


@bug("linear_activation_backward", "the cache is unpacked the wrong way round: activation_cache, linear_cache = cache",
     UNPACK)
def linear_activation_backward(dA, cache, activation):
    activation_cache, linear_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    else:
        dZ = sigmoid_backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)


@bug("linear_activation_backward", "dZ = dA * relu(Z): the activation g where its slope g' belongs",
     [r"derivative", r"relu\(Z\) itself", r"g\(Z\) where", r"uses g\(Z\)", r"activation itself", r"not relu / sigmoid"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = dA * relu(activation_cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db


@bug("linear_activation_backward", "passes A_prev (linear_cache[0]) to relu_backward where Z belongs",
     [r"A_prev", r"linear_cache\[0\]", r"wrong (array|input)", r"Z (from|of) the cache"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = relu_backward(dA, linear_cache[0])
    else:
        dZ = sigmoid_backward(dA, Z)
    return linear_backward(dZ, linear_cache)


@bug("linear_activation_backward", "two ifs with the else on the second: for relu, dZ is overwritten with dA (no ReLU slope)",
     [r"relu.*(skipped|not applied|missing|unchanged)", r"dZ is dA", r"\belif\b", r"overwrit"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    if activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
    else:
        dZ = dA
    return linear_backward(dZ, linear_cache)


@bug("linear_activation_backward", "linear_backward gets dA instead of the dZ just computed",
     [r"dZ is dA", r"skipped", r"dA (instead of|where) .*dZ", r"dZ (is )?never used"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
    dA_prev, dW, db = linear_backward(dA, linear_cache)
    return dA_prev, dW, db


@bug("linear_activation_backward", "returns (dW, db, dA_prev): the wrong order",
     [r"order", r"dA_prev, dW, db", r"three things"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    dZ = relu_backward(dA, activation_cache) if activation == "relu" else sigmoid_backward(dA, activation_cache)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dW, db, dA_prev


@correct("linear_activation_backward", "everything inline, no helpers")
def linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Z = cache
    if activation == "relu":
        dZ = dA * (Z > 0)
    else:
        s = 1 / (1 + np.exp(-Z))
        dZ = dA * s * (1 - s)
    m = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m, dZ.sum(axis=1, keepdims=True) / m


@correct("linear_activation_backward", "a dict dispatch")
def linear_activation_backward(dA, cache, activation):
    backward = {"relu": relu_backward, "sigmoid": sigmoid_backward}
    linear_cache, Z = cache
    return linear_backward(backward[activation](dA, Z), linear_cache)


@correct("linear_activation_backward", "cache indexed, not unpacked")
def linear_activation_backward(dA, cache, activation):
    if activation == "sigmoid":
        dZ = sigmoid_backward(dA, cache[1])
    elif activation == "relu":
        dZ = relu_backward(dA, cache[1])
    dA_prev, dW, db = linear_backward(dZ, cache[0])
    return dA_prev, dW, db


# ---- model_backward ---------------------------------------------------------------------------


def _store(grads, l, dA_prev, dW, db):
    grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = dA_prev, dW, db


@bug("model_backward", "dA[L] written Y/A - (1-Y)/(1-A): the whole dA[L] has the wrong sign",
     [r"sign", r"minus", r"opposite"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)
    _store(grads, L, *linear_activation_backward(dAL, caches[L - 1], "sigmoid"))
    for l in reversed(range(L - 1)):
        _store(grads, l + 1, *linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu"))
    return grads


@bug("model_backward", "caches[l + 1] in the loop: layer l+1 uses the cache of layer l+2",
     [r"cache (of|for) (layer|another)", r"another layer", r"wrong cache", r"index"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    current_cache = caches[L - 1]
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, current_cache, "sigmoid")
    for l in reversed(range(L - 1)):
        current_cache = caches[l + 1]
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + str(l + 1)], current_cache, "relu")
        grads["dA" + str(l)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp
    return grads


@bug("model_backward", "the ReLU loop runs over range(L) instead of range(L - 1): the output layer is done again as a ReLU layer",
     [r"range\(L ?- ?1\)", r"one (layer )?too (many|far)", r"twice", r"again", r"output layer", r"cache (of|for) layer"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(Y / AL) + (1 - Y) / (1 - AL)
    grads["dA" + str(L)] = dAL
    _store(grads, L, *linear_activation_backward(dAL, caches[L - 1], "sigmoid"))
    for l in reversed(range(L)):
        _store(grads, l + 1, *linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu"))
    del grads["dA" + str(L)]
    return grads


@bug("model_backward", "dA0 is not stored (the loop skips it with `if l > 0`); dW1 and db1 are there",
     [r"dA0 (is )?(missing|not stored)", r"missing \[?'dA0'", r"store dA0", r"no dA0", r"without dA0"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    _store(grads, L, *linear_activation_backward(dAL, caches[-1], "sigmoid"))
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        if l > 0:
            grads["dA" + str(l)] = dA_prev
        grads["dW" + str(l + 1)] = dW
        grads["db" + str(l + 1)] = db
    return grads


@bug("model_backward", "missing parentheses in dA[L]: (1 - Y) / 1 - AL instead of (1 - Y) / (1 - AL)",
     [r"parenthes", r"precedence", r"second term"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(Y / AL) + (1 - Y) / 1 - AL
    _store(grads, L, *linear_activation_backward(dAL, caches[L - 1], "sigmoid"))
    for l in range(L - 1, 0, -1):
        _store(grads, l, *linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu"))
    return grads


@bug("model_backward", "the loop runs l = L-1..1 but reads caches[l], the cache of layer l+1 (index one too high)",
     [r"cache (of|for) (layer|another)", r"another layer", r"wrong cache", r"index", r"off by one"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(Y / AL) + (1 - Y) / (1 - AL)
    _store(grads, L, *linear_activation_backward(dAL, caches[L - 1], "sigmoid"))
    for l in reversed(range(1, L)):
        _store(grads, l, *linear_activation_backward(grads["dA" + str(l)], caches[l], "relu"))
    return grads


@bug("model_backward", "dZ[L] = (A[L] - Y) / m: the 1/m is applied here and again in linear_backward, dW and db m times too small",
     [r"m times too small", r"1/m (twice|too many)", r"twice"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    m = AL.shape[1]
    dZL = (AL - Y) / m
    _store(grads, L, *linear_backward(dZL, caches[L - 1][0]))
    for l in reversed(range(L - 1)):
        _store(grads, l + 1, *linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu"))
    return grads


@bug("model_backward", "every hidden layer is given dA[L-1] instead of the gradient of the layer after it",
     [r"dA\[?L ?- ?1\]? (is )?(reused|used for every|given to every)", r"the layer after", r"another layer", r"reused", r"same dA"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    _store(grads, L, *linear_activation_backward(dAL, caches[L - 1], "sigmoid"))
    for l in reversed(range(L - 1)):
        _store(grads, l + 1, *linear_activation_backward(grads["dA" + str(L - 1)], caches[l], "relu"))
    return grads


@bug("model_backward", "np.clip(AL, ..., out=AL) clips the caller's A[L] in place",
     IN_PLACE + [r"\bout\b"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    np.clip(AL, 1e-12, 1 - 1e-12, out=AL)
    dAL = -(Y / AL) + (1 - Y) / (1 - AL)
    _store(grads, L, *linear_activation_backward(dAL, caches[L - 1], "sigmoid"))
    for l in reversed(range(L - 1)):
        _store(grads, l + 1, *linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu"))
    return grads


@correct("model_backward", "the dZ[L] = A[L] - Y shortcut straight into linear_backward")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    linear_cache, _ = caches[L - 1]
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_backward(AL - Y, linear_cache)
    for l in range(L - 1, 0, -1):
        dA, dW, db = linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = dA, dW, db
    return grads


@correct("model_backward", "a while loop, np.divide, the assignment's dA[L]")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    l = L
    while l >= 1:
        dA, grads["dW%d" % l], grads["db%d" % l] = linear_activation_backward(dA, caches[l - 1], "sigmoid" if l == L else "relu")
        grads["dA%d" % (l - 1)] = dA
        l -= 1
    return grads


@correct("model_backward", "inline numpy over reversed(list(enumerate(caches))), shortcut for layer L")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    m = AL.shape[1]
    dZ = AL - Y
    for index, ((A_prev, W, b), Z) in reversed(list(enumerate(caches))):
        l = index + 1
        if l < L:
            dZ = grads["dA" + str(l)] * (Z > 0)
        grads["dW" + str(l)] = dZ @ A_prev.T / m
        grads["db" + str(l)] = np.sum(dZ, axis=1, keepdims=True) / m
        grads["dA" + str(l - 1)] = W.T @ dZ
    return grads


# ---- update_parameters ------------------------------------------------------------------------


@bug("update_parameters", "W -= alpha dW changes the caller's arrays in place (the notebook says not to)",
     IN_PLACE, contract="in place")
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)]
    return parameters


@bug("update_parameters", "for l in range(L) with keys str(l): looks for W0 and never updates layer L",
     [r"\bW0\b", r"range\(1, L \+ 1\)", r"numbered", r"off by one", r"l \+ 1", r"last layer"])
def update_parameters(parameters, grads, learning_rate):
    parameters = copy.deepcopy(parameters)
    L = len(parameters) // 2
    for l in range(L):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return parameters


@bug("update_parameters", "L = len(parameters): twice the number of layers (KeyError on W[L+1])",
     [r"len\(parameters\) ?// ?2", r"twice as many", r"number of layers", r"L = len"])
def update_parameters(parameters, grads, learning_rate):
    new = dict(parameters)
    L = len(parameters)
    for l in range(1, L + 1):
        new["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        new["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return new


@bug("update_parameters", "b is updated with dW instead of db (copy-paste of the W line)",
     [r"dW .*(for|to update|in) b\b", r"\bb\b.*\bdW\b", r"db\[l\] .*not dW", r"with dW"])
def update_parameters(parameters, grads, learning_rate):
    new = {}
    L = len(parameters) // 2
    for l in range(1, L + 1):
        new["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        new["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["dW" + str(l)]
    return new


@bug("update_parameters", "uses the global lr = 0.1 from a demo cell instead of the argument learning_rate",
     [r"global", r"demo", r"learning.?rate.*(ignored|not used|missing|fixed|another|wrong|0\.1)", r"alpha .*(fixed|ignored)"])
def update_parameters(parameters, grads, learning_rate):
    new = {}
    for key in parameters:
        new[key] = parameters[key] - lr * grads["d" + key]
    return new


@bug("update_parameters", "parameters.copy() is shallow: the -= still changes the caller's arrays in place",
     IN_PLACE + [r"shallow", r"deepcopy"], contract="in place")
def update_parameters(parameters, grads, learning_rate):
    params = parameters.copy()
    for l in range(1, len(params) // 2 + 1):
        params["W%d" % l] -= learning_rate * grads["dW%d" % l]
        params["b%d" % l] -= learning_rate * grads["db%d" % l]
    return params


@bug("update_parameters", "dW is transposed in the update (grads['dW'].T)",
     [r"transpos", r"\.T\b"])
def update_parameters(parameters, grads, learning_rate):
    new = {}
    L = len(parameters) // 2
    for l in range(1, L + 1):
        new["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)].T
        new["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return new


@correct("update_parameters", "a dict comprehension over the keys")
def update_parameters(parameters, grads, learning_rate):
    return {k: v - learning_rate * grads["d" + k] for k, v in parameters.items()}


@correct("update_parameters", "deepcopy, then -= on the copies")
def update_parameters(parameters, grads, learning_rate):
    params = copy.deepcopy(parameters)
    L = len(params) // 2
    for l in range(L):
        params["W" + str(l + 1)] -= learning_rate * grads["dW" + str(l + 1)]
        params["b" + str(l + 1)] -= learning_rate * grads["db" + str(l + 1)]
    return params


@correct("update_parameters", "np.subtract into a new dict, layer order by sorted keys")
def update_parameters(parameters, grads, learning_rate):
    out = {}
    for key in sorted(parameters):
        out[key] = np.subtract(parameters[key], np.multiply(learning_rate, grads["d" + key]))
    return out
