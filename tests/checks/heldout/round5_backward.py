"""Held-out learner code, round 5: the backward blocks and the update.

Written on 2026-12-02 by a helper (branch ``heldout5``) that did not read
dlkit/checks (the engine), docs/relations.md or docs/grading.md; the mistakes
are the common ones of the "step by step" assignment, each written so that it
is not literally an entry of tests/checks/catalog_*.py or of the earlier
rounds. No mutant, relation or hint of dlkit.checks may be written from it
(README.md, "Round 5").
"""
import copy

import numpy as np

from dlkit import linear_activation_backward, linear_backward, relu_backward, sigmoid, sigmoid_backward  # noqa: F401

from .registry import IN_PLACE
from .registry5 import bug, correct

# ---- linear_backward ------------------------------------------------------------------------


@bug("linear_backward", "db = np.sum(dZ) / m without axis=1: one number summed over every unit instead of one per unit",
     [r"(one|a single) number", r"(summed|sums?) over (every|all)", r"per (unit|row)", r"scalar", r"(every|each) row"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@bug("linear_backward", "dA_prev = W.T dZ / m: the 1/m is put on dA_prev too",
     [r"dA_prev.{0,60}(1/m|divided|too small|times too small)", r"times too small", r"(extra|no) 1/m", r"(should not|must not|not) (be )?divided"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = 1 / m * np.dot(dZ, A_prev.T)
    db = 1 / m * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = 1 / m * np.dot(W.T, dZ)
    return dA_prev, dW, db


@correct("linear_backward", "@ and .sum(1, keepdims=True), m from dZ's columns")
def linear_backward(dZ, linear_cache):
    A_prev, W, _ = linear_cache
    m = dZ.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m, dZ.sum(1, keepdims=True) / m


# ---- relu_backward --------------------------------------------------------------------------


@correct("relu_backward", "the Coursera template: np.array(dA, copy=True), then zeroed where Z <= 0")
def relu_backward(dA, Z):
    dZ = np.array(dA, copy=True)
    dZ[Z <= 0] = 0
    return dZ


# ---- sigmoid_backward -----------------------------------------------------------------------


@bug("sigmoid_backward", "dZ = dA * Z * (1 - Z): the slope s(1 - s) computed from Z instead of s = sigmoid(Z)",
     [r"sigmoid\(Z\) first", r"(from|of|uses?) Z (itself|instead)", r"instead of (s|sigmoid)", r"(apply|compute|take) (the )?sigmoid", r"\bZ\b (is not|isn'?t) (A|s)"])
def sigmoid_backward(dA, Z):
    dZ = dA * Z * (1 - Z)
    return dZ


@bug("sigmoid_backward", "dZ = dA * s * (s - 1): the slope's sign is flipped",
     [r"\bsign\b", r"negat", r"minus", r"opposite", r"s ?- ?1", r"flipped"])
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    return dA * s * (s - 1)


@correct("sigmoid_backward", "the slope written as e / (1 + e)^2 with e = exp(-|Z|) (the slope is even in Z; finite for |Z| in the hundreds)")
def sigmoid_backward(dA, Z):
    e = np.exp(-np.abs(Z))
    return dA * e / (1 + e) ** 2


# ---- linear_activation_backward -------------------------------------------------------------


@bug("linear_activation_backward", "the branches are swapped: 'relu' calls sigmoid_backward and 'sigmoid' calls relu_backward",
     [r"swapped", r"(wrong|other) activation", r"(relu|sigmoid)_backward (where|instead|when)", r"activation.{0,30}(mix|swap|exchang)", r"(sigmoid|relu)'?s? (slope|derivative) (where|instead)"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = sigmoid_backward(dA, activation_cache)
    else:
        dZ = relu_backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)


@bug("linear_activation_backward", "the sigmoid branch passes dA straight to linear_backward: the sigmoid's slope is skipped",
     [r"sigmoid'?s? (slope|derivative|backward)", r"skip", r"(missing|without|forgot) (the )?(slope|g'|activation)", r"dZ ?= ?dA", r"dA (used )?as (if it were )?dZ", r"never (calls|multiplied)"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
    elif activation == "sigmoid":
        dA_prev, dW, db = linear_backward(dA, linear_cache)
    return dA_prev, dW, db


@correct("linear_activation_backward", "the Coursera template: an if/elif on the activation, then linear_backward")
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db


@correct("linear_activation_backward", "the ReLU slope and the sigmoid slope inlined, then linear_backward")
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "sigmoid":
        s = sigmoid(Z)
        dZ = dA * s * (1 - s)
    else:
        dZ = dA * (Z > 0)
    return linear_backward(dZ, linear_cache)


# ---- model_backward -------------------------------------------------------------------------


@bug("model_backward", "the hidden layers are stepped back with 'sigmoid' instead of 'relu'",
     [r"hidden layers?.{0,40}(sigmoid|relu)", r"(sigmoid|relu).{0,40}hidden", r"(wrong|other) activation", r"should (use|be) relu"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "sigmoid")
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA_prev, dW, db
    return grads


@bug("model_backward", "dAL = AL - Y (the dZ[L] shortcut) is then passed through the sigmoid step too: the slope is applied twice",
     [r"shortcut", r"AL ?- ?Y", r"A\[L\] ?- ?Y", r"(twice|two times|again)", r"already dZ", r"dZ\[L\].{0,40}(not|instead of) dA\[L\]"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = AL - Y
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA_prev, dW, db
    return grads


@correct("model_backward", "the Coursera template: Y reshaped, dAL with np.divide, reversed(range(L - 1))")
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


@correct("model_backward", "one loop from L down to 1 with the activation chosen per layer, f-string keys")
def model_backward(AL, Y, caches):
    L = len(caches)
    grads = {}
    dA = (1 - Y) / (1 - AL) - Y / AL
    for l in range(L, 0, -1):
        act = "sigmoid" if l == L else "relu"
        dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(dA, caches[l - 1], act)
        grads[f"dA{l - 1}"] = dA
    return grads


# ---- update_parameters ----------------------------------------------------------------------


@bug("update_parameters", "b[l] := b[l] - db[l]: the learning rate is applied to W but forgotten on b",
     [r"learning.rate.{0,40}\bb\b", r"\bb\b.{0,40}learning.rate", r"(forgot|missing|without) (the )?learning rate", r"full (gradient )?step", r"bias"])
def update_parameters(parameters, grads, learning_rate):
    params = copy.deepcopy(parameters)
    L = len(params) // 2
    for l in range(1, L + 1):
        params["W" + str(l)] = params["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        params["b" + str(l)] = params["b" + str(l)] - grads["db" + str(l)]
    return params


@correct("update_parameters", "copy.deepcopy, then -= on the copy (the Coursera 2023 template)")
def update_parameters(parameters, grads, learning_rate):
    parameters = copy.deepcopy(parameters)
    L = len(parameters) // 2
    for l in range(L):
        parameters["W" + str(l + 1)] -= learning_rate * grads["dW" + str(l + 1)]
        parameters["b" + str(l + 1)] -= learning_rate * grads["db" + str(l + 1)]
    return parameters


@correct("update_parameters", "a dict comprehension over the keys of parameters")
def update_parameters(parameters, grads, learning_rate):
    return {k: v - learning_rate * grads["d" + k] for k, v in parameters.items()}


# ---- more backward bugs (grouped by exercise) -----------------------------------------------


@bug("linear_backward", "db = np.sum(dZ, axis=1, keepdims=True) without the 1/m: only dW is averaged",
     [r"\bdb\b.{0,60}(times too large|not averaged|not divided|missing)", r"times too large", r"(missing|no|forgot\w*) (the )?1/m", r"not (averaged|divided)", r"\bm = \d+ times"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = (1 / m) * np.dot(dZ, A_prev.T)
    db = np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@bug("relu_backward", "dZ = np.maximum(dA, 0): the ReLU applied to dA instead of masking dA where Z <= 0",
     [r"(mask|sign) (of|from|on) dA", r"dA'?s (sign|values)", r"instead of Z", r"relu of dA", r"(positive|negative) dA", r"\bZ\b (is )?(never|not) used"])
def relu_backward(dA, Z):
    dZ = np.maximum(dA, 0)
    return dZ


@bug("relu_backward", "dZ[Z > 0] = 0 on a copy of dA: the mask is inverted, the gradient is kept where Z <= 0",
     [r"invert", r"(wrong way|the other way|reversed|opposite)", r"Z <= 0", r"(where|for) Z (is )?(negative|<= 0)", r"(positive|negative) (side|entries).{0,30}(zero|kept)", r"complement"])
def relu_backward(dA, Z):
    dZ = np.array(dA, copy=True)
    dZ[Z > 0] = 0
    return dZ


@bug("linear_activation_backward", "copy-paste: the relu branch also calls sigmoid_backward, so every layer uses the sigmoid's slope",
     [r"sigmoid'?s? (slope|derivative|backward).{0,40}relu", r"relu.{0,40}sigmoid'?s? (slope|derivative|backward)", r"copy", r"(wrong|other) activation", r"(both|every) (branch|layer)"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = sigmoid_backward(dA, activation_cache)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db


@bug("linear_activation_backward", "dZ is divided by m before linear_backward, which divides by m again: dW and db m times too small",
     [r"twice", r"times too small", r"(extra|second|again).{0,20}1/m", r"1/m.{0,30}(twice|again|already)", r"divided (by m )?(twice|again)", r"already divides"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    m = dA.shape[1]
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache) / m
    else:
        dZ = sigmoid_backward(dA, activation_cache) / m
    return linear_backward(dZ, linear_cache)


@bug("model_backward", "the hidden loop stores grads['dW' + str(l)] and grads['db' + str(l)] (the cache index) instead of l + 1: keys shifted down by one",
     [r"off by one", r"(key|index|number)s? .{0,30}(shifted|one (too )?(low|small))", r"\bdW0\b", r"\bdb0\b", r"l ?\+ ?1", r"wrong keys?", r"missing \[?'?dW"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)] = dA_prev
        grads["dW" + str(l)] = dW
        grads["db" + str(l)] = db
    return grads


@bug("model_backward", "the hidden loop runs reversed(range(1, L - 1)): layer 1 is never stepped back, so dW1, db1 and dA0 are missing",
     [r"layer 1", r"(first|1st) layer", r"range\(L ?- ?1\)", r"stops? (one|a) layer", r"\bdW1\b", r"\bdA0\b", r"one (layer )?too (few|short)"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(1, L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA_prev, dW, db
    return grads


@bug("update_parameters", "L = len(parameters) // 2 but the loop runs range(1, L): the last layer's W[L], b[L] are never updated",
     [r"(last|output|final) layer", r"range\(1, ?L ?\+ ?1\)", r"(never|not) updated", r"unchanged", r"one layer (too )?(few|short)", r"stops? (one|a) layer"])
def update_parameters(parameters, grads, learning_rate):
    params = copy.deepcopy(parameters)
    L = len(params) // 2
    for l in range(1, L):
        params["W" + str(l)] = params["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        params["b" + str(l)] = params["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return params


@bug("update_parameters", "the loop rebinds a local name (value = value - alpha * grad) and never stores it: the copy returned is unchanged",
     [r"(never|not) (stored|saved|assigned|written)", r"unchanged", r"local (name|variable)", r"rebind", r"(nothing|no parameter) (changed|moved|updated)", r"same as (the )?(input|before)"])
def update_parameters(parameters, grads, learning_rate):
    new_parameters = dict(parameters)
    for key, value in new_parameters.items():
        value = value - learning_rate * grads["d" + key]
    return new_parameters
