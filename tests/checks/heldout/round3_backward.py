"""Held-out learner code, round 3: the backward blocks and gradient descent.

Written on 2026-12-02 by a helper that did not read dlkit/checks (the engine),
only the notebooks, DESIGN.md and dlkit's reference blocks; every mistake here
is one that is not already in tests/checks/catalog_*.py or in the round-1 files
learners_*.py. No mutant, relation or hint of dlkit.checks may be written from
it (README.md, "Round 3").
"""
import copy

import numpy as np
import scipy.special

from dlkit import linear_activation_backward, linear_backward, relu_backward, sigmoid, sigmoid_backward  # noqa: F401

from .registry import IN_PLACE, INTEGER
from .registry3 import bug, correct

# Left over from the notebook's demo cells (a learner's kernel keeps them).
cache = (np.array([[1.0, -0.5, 2.0, 0.1, 0.3]]), np.array([[0.4], [-1.0]]), np.array([[0.0], [0.2]]))
Z = np.array([[0.5, -1.5], [2.0, 0.25], [-0.3, 1.2]])

# ---- linear_backward --------------------------------------------------------------------------


@bug("linear_backward", "m = dZ.size (n[l] * m entries) instead of the number of examples: dW and db are n[l] times too small",
     [r"\.size", r"number of entries", r"(entries|elements) (instead of|where)", r"n\[l\] ?(\*|times|x) ?m",
      r"n\[l\] times too small", r"\d+ times too small"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = dZ.size
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    return np.dot(W.T, dZ), dW, db


@bug("linear_backward", "the parameter is linear_cache but the body unpacks the global cache of a demo cell",
     [r"global", r"demo", r"left over", r"outside (the|your) function", r"linear_cache (is )?(not|never) used",
      r"argument .{0,20}(ignored|not used|never used)"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    return np.dot(W.T, dZ), dW, db


@bug("linear_backward", "dA_prev is also multiplied by the ReLU mask (A_prev > 0): the activation's slope belongs to the next step, "
     "not to the linear part",
     [r"relu", r"slope", r"activation", r"mask", r"g'", r"A_prev > 0", r"linear part"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ) * (A_prev > 0)
    return dA_prev, dW, db


@bug("linear_backward", "np.sum(dZ, axis=1, keepdims=True, dtype=int): the sum for db is taken in integers",
     INTEGER + [r"dtype", r"\bint\b"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True, dtype=int) / m
    return np.dot(W.T, dZ), dW, db


@bug("linear_backward", "db summed in a loop with db += dZ[:, i]: a 1-D column added to an (n[l], 1) array does not broadcast",
     [r"broadcast", r"1-D", r"dZ\[:, ?i\]", r"i:i ?\+ ?1", r"column (lost|loses)", r"second dimension"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.zeros((dZ.shape[0], 1))
    for i in range(m):
        db += dZ[:, i]
    db /= m
    return np.dot(W.T, dZ), dW, db


@correct("linear_backward", "dW as (A_prev dZ^T)^T, db with np.mean(axis=1).reshape")
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    dW = np.dot(A_prev, dZ.T).T / A_prev.shape[1]
    db = np.mean(dZ, axis=1).reshape(-1, 1)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@correct("linear_backward", "einsum for all three, m from dZ.shape[1]")
def linear_backward(dZ, linear_cache):
    A_prev, W, _ = linear_cache
    m = dZ.shape[1]
    dW = np.einsum("ik,jk->ij", dZ, A_prev) / m
    db = np.einsum("ik->i", dZ)[:, None] / m
    dA_prev = np.einsum("ji,jk->ik", W, dZ)
    return dA_prev, dW, db


# ---- relu_backward ----------------------------------------------------------------------------


@bug("relu_backward", "builds dZ = dA.copy(), zeroes it where Z <= 0, then returns dA (the wrong variable)",
     [r"returns? (dA|its input|the input|your input)", r"unchanged", r"wrong variable", r"mask (is )?(not|never) applied",
      r"no effect", r"slope (is )?(not|never) applied"])
def relu_backward(dA, Z):
    dZ = dA.copy()
    dZ[Z <= 0] = 0
    return dA


@bug("relu_backward", "dZ = dA[Z > 0]: boolean indexing selects the entries into a 1-D array",
     [r"1-D", r"boolean index", r"select", r"flat", r"fewer (entries|values)", r"only the (entries|values)"])
def relu_backward(dA, Z):
    dZ = dA[Z > 0]
    return dZ


@bug("relu_backward", "dZ = dA * np.sign(Z): the slope is -1 (not 0) where Z < 0",
     [r"sign", r"-1\b", r"minus", r"negat"])
def relu_backward(dA, Z):
    return dA * np.sign(Z)


@bug("relu_backward", "dZ = np.zeros_like(dA, dtype=int), then dZ[Z > 0] = dA[Z > 0]: the gradients are truncated to integers",
     INTEGER + [r"dtype", r"\bint\b"])
def relu_backward(dA, Z):
    dZ = np.zeros_like(dA, dtype=int)
    dZ[Z > 0] = dA[Z > 0]
    return dZ


@correct("relu_backward", "dA * max(0, sign(Z))")
def relu_backward(dA, Z):
    return dA * np.maximum(0, np.sign(Z))


@correct("relu_backward", "a loop over every entry with np.ndindex into a new array")
def relu_backward(dA, Z):
    dZ = np.zeros(dA.shape)
    for idx in np.ndindex(*dA.shape):
        dZ[idx] = dA[idx] if Z[idx] > 0 else 0.0
    return dZ


@correct("relu_backward", "np.multiply(dA, np.greater(Z, 0))")
def relu_backward(dA, Z):
    return np.multiply(dA, np.greater(Z, 0))


# ---- sigmoid_backward -------------------------------------------------------------------------


@bug("sigmoid_backward", "the parameter is named cache but the body uses the global Z of a demo cell",
     [r"global", r"demo", r"left over", r"outside (the|your) function", r"argument .{0,20}(ignored|not used|never used)"])
def sigmoid_backward(dA, cache):
    s = 1 / (1 + np.exp(-Z))
    return dA * s * (1 - s)


@bug("sigmoid_backward", "divides dA by the slope s (1 - s) instead of multiplying",
     [r"divid", r"multipl", r"reciprocal", r"inverse", r"1 ?/ ?\(?s"])
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    return dA / (s * (1 - s))


@bug("sigmoid_backward", "s = sigmoid(Z)[0], as if sigmoid returned (A, cache): s is the first row only, broadcast to every row",
     [r"first row", r"\[0\]", r"row 0", r"every row", r"returns? (only )?(one|an?) (array|value)", r"unpack", r"only .{0,20}row"])
def sigmoid_backward(dA, Z):
    s = sigmoid(Z)[0]
    return dA * s * (1 - s)


@correct("sigmoid_backward", "scipy.special.expit, then dA * (s - s * s)")
def sigmoid_backward(dA, Z):
    s = scipy.special.expit(Z)
    return dA * (s - s * s)


@correct("sigmoid_backward", "the sigmoid block by name: dA * sigmoid(Z) * (1 - sigmoid(Z))")
def sigmoid_backward(dA, Z):
    return dA * sigmoid(Z) * (1 - sigmoid(Z))


@correct("sigmoid_backward", "stable: s (1 - s) = 1 / ((1 + e^-Z)(1 + e^Z)) with np.logaddexp")
def sigmoid_backward(dA, Z):
    return dA * np.exp(-np.logaddexp(0.0, Z) - np.logaddexp(0.0, -Z))


# ---- linear_activation_backward ---------------------------------------------------------------


@bug("linear_activation_backward", "tests activation == \"Relu\" (capitalised): for 'relu' no branch runs and dZ is never set",
     [r"spell", r"capital", r"upper.?case", r"lower.?case", r"case.?sensitive", r"neither branch", r"no branch", r"never (set|assigned|defined)"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "Relu":
        dZ = relu_backward(dA, activation_cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)


@bug("linear_activation_backward", "passes the whole cache (linear_cache, Z) to linear_backward instead of linear_cache",
     [r"whole cache", r"cache\[0\]", r"(2|two) items", r"instead of (its|the) linear", r"the cache itself"])
def linear_activation_backward(dA, cache, activation):
    Z_ = cache[1]
    dZ = relu_backward(dA, Z_) if activation == "relu" else sigmoid_backward(dA, Z_)
    return linear_backward(dZ, cache)


@bug("linear_activation_backward", "sigmoid branch: dZ = sigmoid_backward(dA, Z) * dA, so dA is multiplied in twice",
     [r"dA (twice|two times|squared)", r"twice", r"already (includes|has|multipl)", r"dA\^2", r"dA\*\*2", r"again"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    else:
        dZ = sigmoid_backward(dA, activation_cache) * dA
    return linear_backward(dZ, linear_cache)


@bug("linear_activation_backward", "after the linear part, dA_prev is also masked with relu_backward(dA_prev, A_prev): "
     "the previous layer's slope applied one step too early",
     [r"dA_prev .{0,60}(slope|relu|mask|zero)", r"previous layer'?s (slope|activation|mask)", r"layer l-1", r"too early",
      r"A_prev > 0", r"(slope|mask) .{0,30}(twice|again)"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    else:
        dZ = sigmoid_backward(dA, activation_cache)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    dA_prev = relu_backward(dA_prev, linear_cache[0])
    return dA_prev, dW, db


@correct("linear_activation_backward", "dict dispatch on the backward helpers")
def linear_activation_backward(dA, cache, activation):
    backward = {"relu": relu_backward, "sigmoid": sigmoid_backward}[activation]
    linear_cache, Z_ = cache
    return linear_backward(backward(dA, Z_), linear_cache)


@correct("linear_activation_backward", "inline slopes and linear part, no helpers")
def linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Z_ = cache
    if activation == "sigmoid":
        s = 1 / (1 + np.exp(-Z_))
        dZ = dA * s * (1 - s)
    elif activation == "relu":
        dZ = np.where(Z_ > 0, dA, 0.0)
    else:
        raise ValueError("activation must be 'relu' or 'sigmoid'")
    m = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m, dZ.sum(axis=1, keepdims=True) / m


# ---- model_backward ---------------------------------------------------------------------------


@bug("model_backward", "L = len(caches) // 2 (the formula for parameters): half the number of layers",
     [r"// ?2", r"len\(caches\)", r"number of layers", r"half", r"one cache per layer", r"L = len", r"L caches"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches) // 2
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA_prev, dW, db
    return grads


@bug("model_backward", "dA[L] with Y and A[L] swapped: -(A[L]/Y) + (1 - A[L])/(1 - Y) (divides by the 0/1 labels)",
     [r"swapped", r"Y and A\[L\]", r"A\[L\] and Y", r"division by (0|zero)", r"divides? by (the )?(labels|Y)", r"order"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    with np.errstate(divide="ignore", invalid="ignore"):
        dAL = -(AL / Y) + (1 - AL) / (1 - Y)
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA_prev, dW, db
    return grads


@bug("model_backward", "grads = {...} is re-created inside the loop: only the last layer handled (layer 1) is returned",
     [r"overwrit", r"re-?created", r"(only|just) (the )?(last|first|layer 1)", r"other layers", r"new dict", r"each iteration",
      r"every layer'?s"])
def model_backward(AL, Y, caches):
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    dA_prev, dW, db = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    grads = {"dA" + str(L - 1): dA_prev, "dW" + str(L): dW, "db" + str(L): db}
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads = {"dA" + str(l): dA_prev, "dW" + str(l + 1): dW, "db" + str(l + 1): db}
    return grads


@bug("model_backward", "dA[L] filled by a loop over examples that starts at 1: the first example's column stays 0",
     [r"first (column|example)", r"column 0", r"range\(1, ?m\)", r"one (column|example) (short|missing|skipped)", r"skipped",
      r"(column|example)s? .{0,20}(zero|missing)"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    m = AL.shape[1]
    dAL = np.zeros(AL.shape)
    for i in range(1, m):
        dAL[0, i] = -(Y[0, i] / AL[0, i]) + (1 - Y[0, i]) / (1 - AL[0, i])
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA_prev, dW, db
    return grads


@correct("model_backward", "the dZ = A[L] - Y shortcut for layer L through linear_backward, then the ReLU layers")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    linear_cache, _ = caches[L - 1]
    dZL = AL - Y
    grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = linear_backward(dZL, linear_cache)
    for l in range(L - 1, 0, -1):
        grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = \
            linear_activation_backward(grads[f"dA{l}"], caches[l - 1], "relu")
    return grads


@correct("model_backward", "a while loop from layer L down with a running dA")
def model_backward(AL, Y, caches):
    grads = {}
    l = len(caches)
    dA = np.divide(1 - Y, 1 - AL) - np.divide(Y, AL)
    while l >= 1:
        act = "sigmoid" if l == len(caches) else "relu"
        dA, grads["dW%d" % l], grads["db%d" % l] = linear_activation_backward(dA, caches[l - 1], act)
        grads["dA%d" % (l - 1)] = dA
        l -= 1
    return grads


# ---- update_parameters ------------------------------------------------------------------------


@bug("update_parameters", "a dict comprehension over grads.items() with k[1:]: grads also holds dA0.. so it asks for 'A0' in parameters",
     [r"\bdA", r"\bA0\b", r"grads (also )?(holds|has|contains)", r"(only|just) (the )?W and b", r"keys of grads", r"iterat"])
def update_parameters(parameters, grads, learning_rate):
    return {k[1:]: parameters[k[1:]] - learning_rate * g for k, g in grads.items()}


@bug("update_parameters", "assigns the new arrays into the caller's parameters dict and returns it: not a new dict",
     IN_PLACE + [r"new dict", r"caller'?s (dict|parameters)", r"same dict"], contract="in place")
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return parameters


@bug("update_parameters", "for key in parameters: grads[key] -- grads is keyed 'dW1', 'db1', not 'W1', 'b1'",
     [r"grads'? keys", r"keys of grads", r"\bdW1\b", r"\"d\" ?\+", r"'d' ?\+", r"named d", r"prefix"])
def update_parameters(parameters, grads, learning_rate):
    updated = {}
    for key in parameters:
        updated[key] = parameters[key] - learning_rate * grads[key]
    return updated


@bug("update_parameters", "L = len(grads) // 2: grads holds three entries per layer (dA, dW, db), so L is too large",
     [r"len\(grads\)", r"number of layers", r"// ?3", r"(three|3) (entries|keys|items) per layer", r"L = len", r"too many layers"])
def update_parameters(parameters, grads, learning_rate):
    L = len(grads) // 2
    new = {}
    for l in range(1, L + 1):
        new["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        new["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return new


@correct("update_parameters", "copy.deepcopy, then -= on the copies")
def update_parameters(parameters, grads, learning_rate):
    new = copy.deepcopy(parameters)
    for l in range(1, len(new) // 2 + 1):
        new["W" + str(l)] -= learning_rate * grads["dW" + str(l)]
        new["b" + str(l)] -= learning_rate * grads["db" + str(l)]
    return new


@correct("update_parameters", "a loop over the keys of parameters, np.subtract into new arrays, grads['d' + key]")
def update_parameters(parameters, grads, learning_rate):
    updated = {}
    for key in parameters:
        updated[key] = np.subtract(parameters[key], learning_rate * grads["d" + key])
    return updated
