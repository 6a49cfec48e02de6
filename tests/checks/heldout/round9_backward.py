"""Held-out learner code, round 9: the backward blocks and the update.

Written on 2026-12-03 by a helper (branch ``heldout9``) that did not read
dlkit/checks (the engine), docs/relations.md, docs/grading.md, the earlier
rounds' baselines or any report the checks print; common mistakes of the
"step by step" assignment in code shapes no earlier round used, and rarer
ones. No mutant, relation or hint of dlkit.checks may be written from it
(README.md, "Round 9").
"""
import math

import numpy as np

from dlkit import linear_activation_backward, linear_backward, relu_backward, sigmoid, sigmoid_backward  # noqa: F401

from .registry import IN_PLACE, INTEGER, MATH_MODULE, OVERFLOW, UNPACK
from .registry9 import bug, correct

# ---- linear_backward ------------------------------------------------------------------------


@bug("linear_backward", "db = (1 / m) * dZ.sum(1): without keepdims db is a 1-D (n[l],) array, not the column (n[l], 1)",
     [r"1-?D", r"one[- ]dimensional", r"second dimension", r"lost (its|the) (column|dimension)", r"flat", r"not a column"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = (1 / m) * dZ.dot(A_prev.T)
    db = (1 / m) * dZ.sum(1)
    dA_prev = W.T.dot(dZ)
    return dA_prev, dW, db


@bug("linear_backward", "dA_prev = np.dot(W, dZ.T).T: W[l] itself where its transpose belongs (a shape error unless m happens to be n[l-1])",
     [r"transpos", r"W\.T", r"W\[l\] (itself|instead|without)", r"not transposed"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W, dZ.T).T
    return dA_prev, dW, db


@bug("linear_backward", "dW = np.dot(dZ, A_prev.T) // m: floor division rounds every entry of dW down to an integer",
     INTEGER)
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) // m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@bug("linear_backward", "return dW, db, dA_prev: the three gradients in the wrong order (the contract is dA_prev, dW, db)",
     UNPACK + [r"order", r"swap", r"(first|third) (item|element)"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = (1 / m) * dZ @ A_prev.T
    db = (1 / m) * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = W.T @ dZ
    return dW, db, dA_prev


@correct("linear_backward", "einsum for dW and dA_prev, np.add.reduce with [:, None] for db")
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.einsum("ik,jk->ij", dZ, A_prev) / m
    db = np.add.reduce(dZ, axis=1)[:, None] / m
    dA_prev = np.einsum("ji,jk->ik", W, dZ)
    return dA_prev, dW, db


# ---- relu_backward --------------------------------------------------------------------------


@bug("relu_backward", "np.where(Z < 0, 0, dA): dA passes through where Z is exactly 0, a slope of 1 at 0 where the notebook picks 0",
     [r"(at|where) (Z (is |= |== )?)?(exactly )?(0|zero)", r"Z ?== ?0", r"Z ?>= ?0", r"slope at (0|zero)", r"<= ?0"], contract="slope at 0")
def relu_backward(dA, Z):
    return np.where(Z < 0, 0, dA)


@bug("relu_backward", "np.multiply(dA, Z > 0, out=dA): the learner's dA is overwritten in place (the notebook asks for a new array)",
     IN_PLACE + [r"overwr", r"out=", r"(changed|modified|mutated) dA", r"dA (was|is) (changed|modified)"], contract="in place")
def relu_backward(dA, Z):
    dZ = np.multiply(dA, Z > 0, out=dA)
    return dZ


@bug("relu_backward", "dA * relu(Z): multiplied by the ReLU's value max(0, Z) instead of its slope (0 or 1)",
     [r"(value|output) of (the )?(relu|activation)", r"instead of (its|the) slope", r"activation (itself|value)", r"A where", r"g\(Z\) (instead|where)", r"(multiplied|times) by (A|the activation)"])
def relu_backward(dA, Z):
    A = np.maximum(0, Z)
    return dA * A


@bug("relu_backward", "dA * (Z > 0)[:, 0:1]: the mask of the first example (column) only, broadcast to every example",
     [r"first (example|column)", r"(one|single|only one) column", r"(example|column) 0", r"(every|all) (examples|columns)"])
def relu_backward(dA, Z):
    mask = (Z > 0)[:, 0:1]
    return dA * mask


@correct("relu_backward", "a copy of dA, then *= the boolean mask")
def relu_backward(dA, Z):
    dZ = dA.copy()
    dZ *= Z > 0
    return dZ


@correct("relu_backward", "np.where(Z > 0, dA, 0.0)")
def relu_backward(dA, Z):
    return np.where(Z > 0, dA, 0.0)


# ---- sigmoid_backward -----------------------------------------------------------------------


@bug("sigmoid_backward", "dA * s * (1 - Z): Z where s belongs in the second factor",
     [r"1 ?- ?Z", r"Z (instead|where|rather)", r"s (instead|where|belongs)", r"sigmoid\(Z\) (instead|where)"])
def sigmoid_backward(dA, Z):
    s = sigmoid(Z)
    return dA * s * (1 - Z)


@bug("sigmoid_backward", "dA / (s * (1 - s)): divides by the slope instead of multiplying",
     [r"divid", r"instead of multipl", r"reciprocal", r"inverse", r"1 ?/ ?\(?s"])
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    return dA / (s * (1 - s))


@bug("sigmoid_backward", "s from a list comprehension with math.exp: OverflowError when Z is in the hundreds below 0",
     OVERFLOW + MATH_MODULE + [r"hundreds"])
def sigmoid_backward(dA, Z):
    s = np.array([[1 / (1 + math.exp(-z)) for z in row] for row in Z])
    return dA * s * (1 - s)


@correct("sigmoid_backward", "nested np.multiply of dA, s and 1 - s")
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    return np.multiply(dA, np.multiply(s, 1 - s))


# ---- linear_activation_backward -------------------------------------------------------------


@bug("linear_activation_backward", "the sigmoid branch calls linear_backward(dA, ...) straight away: the sigmoid slope step is skipped, dA used as dZ",
     [r"sigmoid.{0,40}(skipped|missing|not applied|never|forgot)", r"without (the )?(activation|sigmoid|g')", r"dA (used )?(as|where|instead of) dZ", r"dZ (is )?(never|not) computed"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
    elif activation == "sigmoid":
        dA_prev, dW, db = linear_backward(dA, linear_cache)
    return dA_prev, dW, db


@bug("linear_activation_backward", "Z, linear_cache = cache: the cache unpacked the wrong way round (the tuple goes to relu_backward as Z)",
     UNPACK + [r"swap", r"order", r"the other way", r"(first|second) (item|element|part)"])
def linear_activation_backward(dA, cache, activation):
    Z, linear_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, Z)
    else:
        dZ = sigmoid_backward(dA, Z)
    return linear_backward(dZ, linear_cache)


@bug("linear_activation_backward", "relu_backward(...) if activation else sigmoid_backward(...): a non-empty string is always true, so the sigmoid layer gets the ReLU slope",
     [r"relu'?s? slope.{0,40}sigmoid", r"(always|every).{0,20}relu", r"wrong (activation|slope)", r"truth", r"non-?empty", r"sigmoid (layer|branch).{0,40}relu"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    dZ = relu_backward(dA, Z) if activation else sigmoid_backward(dA, Z)
    return linear_backward(dZ, linear_cache)


@bug("linear_activation_backward", "written inline, dA_prev = W.T @ dA: dA[l] where dZ[l] belongs (dW and db are right)",
     [r"dA (instead|where|rather)", r"dA\[l\] (instead|where|rather)", r"before the slope", r"without the (activation|slope)", r"dZ\[?l?\]? (is )?(missing|not used)", r"(uses|used) dA"])
def linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Z = cache
    m = A_prev.shape[1]
    if activation == "relu":
        dZ = dA * (Z > 0)
    else:
        s = 1 / (1 + np.exp(-Z))
        dZ = dA * s * (1 - s)
    dW = dZ @ A_prev.T / m
    db = dZ.sum(axis=1, keepdims=True) / m
    dA_prev = W.T @ dA
    return dA_prev, dW, db


@correct("linear_activation_backward", "the slope function looked up as globals()[activation + '_backward']")
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    backward = globals()[activation + "_backward"]
    dZ = backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)


# ---- model_backward -------------------------------------------------------------------------


@bug("model_backward", "dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL): the outer minus of Coursera's form is lost, dA[L] has the wrong sign",
     [r"\bsign\b", r"minus", r"negat", r"uphill", r"-1 times", r"opposite"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in range(L - 1, 0, -1):
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = \
            linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")
    return grads


@bug("model_backward", "written inline, the ReLU mask for layer l-1 is taken from the Z of layer l (caches[l-1]) instead of layer l-1's own Z",
     [r"Z\[\d\].{0,40}(instead|where|belongs|of layer)", r"(another|wrong|next|previous|other) layer'?s? (Z|cache)", r"cache of layer \d", r"Z of (layer|the layer)", r"layer \d'?s? Z"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    m = AL.shape[1]
    dZ = AL - Y
    for l in range(L, 0, -1):
        (A_prev, W, b), Z = caches[l - 1]
        grads["dW" + str(l)] = dZ @ A_prev.T / m
        grads["db" + str(l)] = np.sum(dZ, axis=1, keepdims=True) / m
        grads["dA" + str(l - 1)] = W.T @ dZ
        if l > 1:
            dZ = grads["dA" + str(l - 1)] * (Z > 0)
    return grads


@bug("model_backward", "written inline with m = Y.shape[0] (= 1, the rows of Y): every dW and db is m times too large",
     [r"m times", r"too large", r"(number of )?examples", r"shape\[0\]", r"(not )?(divided|averaged) by m"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    m = Y.shape[0]
    dZ = AL - Y
    for l in reversed(range(1, L + 1)):
        (A_prev, W, b), Z = caches[l - 1]
        grads[f"dW{l}"] = np.dot(dZ, A_prev.T) / m
        grads[f"db{l}"] = np.sum(dZ, axis=1, keepdims=True) / m
        grads[f"dA{l - 1}"] = np.dot(W.T, dZ)
        if l > 1:
            dZ = grads[f"dA{l - 1}"] * (caches[l - 2][1] > 0)
    return grads


@bug("model_backward", "dZ = AL; dZ -= Y: the shortcut on an alias, so the caller's AL is changed in place (the gradients are right)",
     IN_PLACE + [r"\bAL\b.{0,40}(changed|modified|overwritten)", r"alias", r"(changed|modified|mutated) AL"], contract="in place")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dZ = AL
    dZ -= Y
    linear_cache, _ = caches[L - 1]
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_backward(dZ, linear_cache)
    for l in range(L - 1, 0, -1):
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = \
            linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")
    return grads


@bug("model_backward", "one loop for l in range(L, 1, -1) with the activation chosen by l == L: layer 1 is never reached (no dW1, db1, dA0)",
     [r"(stops|ends) (one|a) layer (early|short)", r"layer 1\b", r"first layer", r"off[- ]by[- ]one", r"range\(", r"one layer (too )?(early|few|short)"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    for l in range(L, 1, -1):
        activation = "sigmoid" if l == L else "relu"
        dA, dW, db = linear_activation_backward(dA, caches[l - 1], activation)
        grads["dA" + str(l - 1)] = dA
        grads["dW" + str(l)] = dW
        grads["db" + str(l)] = db
    return grads


@correct("model_backward", "Coursera's loop: for l in reversed(range(L - 1)) with caches[l] and the keys str(l) / str(l + 1)")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    current_cache = caches[L - 1]
    dA_prev_temp, dW_temp, db_temp = linear_activation_backward(dAL, current_cache, "sigmoid")
    grads["dA" + str(L - 1)] = dA_prev_temp
    grads["dW" + str(L)] = dW_temp
    grads["db" + str(L)] = db_temp
    for l in reversed(range(L - 1)):
        current_cache = caches[l]
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + str(l + 1)], current_cache, "relu")
        grads["dA" + str(l)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp
    return grads


@correct("model_backward", "written inline from the shortcut dZ[L] = A[L] - Y, each hidden layer's mask from its own cached Z")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    m = AL.shape[1]
    dZ = AL - Y
    for l in range(L, 0, -1):
        (A_prev, W, b), Z = caches[l - 1]
        grads["dW" + str(l)] = dZ @ A_prev.T / m
        grads["db" + str(l)] = dZ.sum(axis=1, keepdims=True) / m
        grads["dA" + str(l - 1)] = W.T @ dZ
        if l > 1:
            dZ = grads["dA" + str(l - 1)] * (caches[l - 2][1] > 0)
    return grads


# ---- update_parameters ----------------------------------------------------------------------


@bug("update_parameters", "for l in range(1, L): the last layer (W[L], b[L]) is never updated",
     [r"(last|output) layer", r"layer L\b", r"not updated", r"off[- ]by[- ]one", r"(stops|ends) (one|a) layer", r"unchanged"])
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    new = {}
    for l in range(1, L):
        new["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        new["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    new["W" + str(L)] = parameters["W" + str(L)]
    new["b" + str(L)] = parameters["b" + str(L)]
    return new


@bug("update_parameters", "b[l] - learning_rate * grads['dW' + str(l)]: b is updated with dW (it broadcasts to the shape of W)",
     [r"dW.{0,30}(for|to|on|in) (the )?b", r"b.{0,30}(with|by|from) dW", r"wrong gradient", r"db (instead|where|belongs)", r"dW (instead|where)"])
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    new = {}
    for l in range(1, L + 1):
        new["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        new["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["dW" + str(l)]
    return new


@bug("update_parameters", "L = len(parameters): W and b both counted, so the loop asks for W[L+1] and raises KeyError",
     [r"len\(parameters\)", r"twice (as many|the number)", r"(counts?|counted) (both )?W and b", r"number of layers", r"// ?2", r"layer \d+ (does not|doesn't) exist"])
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters)
    new = {}
    for l in range(1, L + 1):
        new["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        new["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return new


@correct("update_parameters", "a loop over the parameter keys, each one's gradient found as 'd' + key")
def update_parameters(parameters, grads, learning_rate):
    updated = {}
    for key in parameters:
        updated[key] = parameters[key] - learning_rate * grads["d" + key]
    return updated
