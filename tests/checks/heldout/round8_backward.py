"""Held-out learner code, round 8: the backward blocks and the update.

Written on 2026-12-03 by a helper (branch ``heldout8``) that did not read
dlkit/checks (the engine), docs/relations.md, docs/grading.md, the earlier
rounds' baselines or any report the checks print; only the instructor
notebooks, DESIGN.md and dlkit's reference blocks. Common mistakes first in
each exercise, then rarer ones, in code shapes no earlier round used. No
mutant, relation or hint of dlkit.checks may be written from it (README.md,
"Round 8").
"""
import copy
import math

import numpy as np

from dlkit import linear_activation_backward, linear_backward, relu, relu_backward, sigmoid, sigmoid_backward  # noqa: F401

from .registry import IN_PLACE
from .registry8 import bug, correct

# Left over from the demo cells of notebook 1 (layer_dims = [5, 4, 3, 1], m = 8).
m = 8

# ---- linear_backward ------------------------------------------------------------------------


@bug("linear_backward", "divides by the global m = 8 of a demo cell: the body never sets m from A_prev.shape[1], so dW and db are scaled by 1/8 whatever m the case has",
     [r"global", r"demo", r"(wrong|fixed|other) m\b", r"m ?= ?8", r"(number of )?examples.{0,40}(not|instead|wrong)", r"(divided|divides) by \d+ (instead|not|rather)", r"shape\[1\]"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    dW = (1 / m) * np.dot(dZ, A_prev.T)
    db = (1 / m) * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@bug("linear_backward", "returns (dA_prev, db, dW): dW and db swapped in the return",
     [r"(wrong|other) order", r"swapped", r"dW.{0,30}db.{0,30}(swapped|instead|where)", r"db.{0,30}(where|instead of) dW", r"order of the (results|returned)", r"in this order"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = (1 / m) * np.dot(dZ, A_prev.T)
    db = (1 / m) * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, db, dW


@bug("linear_backward", "db = 1/m sum(A_prev, axis=1): A_prev typed where dZ belongs in the sum for db",
     [r"A_prev (where|instead)", r"sum(med)? (of|over) A_prev", r"(from|of) A_prev", r"(instead of|not) dZ", r"(wrong|other) (array|input|operand)", r"A\[l-1\] (where|instead)"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = (1 / m) * np.dot(dZ, A_prev.T)
    db = (1 / m) * np.sum(A_prev, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@bug("linear_backward", "A_prev /= m before dW = dZ A_prev^T: dW is right, but the caller's cached A[l-1] is divided by m in place",
     IN_PLACE + [r"(changed|divided|modified|overwr\w*).{0,40}(A_prev|A\[l-1\]|cache)", r"(A_prev|cache).{0,40}(changed|divided|modified|overwr)"],
     contract="in place")
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dA_prev = np.dot(W.T, dZ)
    db = np.sum(dZ, axis=1, keepdims=True) / m
    A_prev /= m
    dW = np.dot(dZ, A_prev.T)
    return dA_prev, dW, db


@bug("linear_backward", "the loop over examples runs range(m - 1): the last example's outer product is left out of dW (still divided by m)",
     [r"(last|final) (example|column)", r"off by one", r"m ?- ?1", r"(last|final) example.{0,30}(left out|skipped|missing|not (counted|included))", r"(left out|skips?|skipped|missing|without).{0,30}(last|final) example", r"one (iteration|example) (short|early|too few)"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.zeros(W.shape)
    for i in range(m - 1):
        dW += np.outer(dZ[:, i], A_prev[:, i])
    dW = dW / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@correct("linear_backward", "dW by broadcasting, (dZ[:, None, :] * A_prev[None, :, :]).sum(axis=2) / m")
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = (dZ[:, None, :] * A_prev[None, :, :]).sum(axis=2) / m
    db = dZ.sum(axis=1)[:, np.newaxis] / m
    dA_prev = W.T @ dZ
    return dA_prev, dW, db


@correct("linear_backward", "np.tensordot over the examples' axis for dW and for dA_prev")
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.tensordot(dZ, A_prev, axes=(1, 1)) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.tensordot(W, dZ, axes=(0, 0))
    return dA_prev, dW, db


# ---- relu_backward --------------------------------------------------------------------------


@bug("relu_backward", "dA * np.heaviside(Z, 0.5): a slope of 0.5 at exactly Z = 0, where the notebook says the slope is 0",
     [r"(at|where) Z ?= ?0", r"exactly (0|zero)", r"slope at (0|zero)", r"0\.5", r"heaviside", r"half"],
     contract="slope at 0")
def relu_backward(dA, Z):
    dZ = dA * np.heaviside(Z, 0.5)
    return dZ


@bug("relu_backward", "dZ is the masked copy of dA, then returned as dA * dZ: dA is multiplied in twice (dA squared where Z > 0)",
     [r"(twice|two times|again)", r"squared", r"dA(\[l\])?\^?2", r"dA(\[l\])? ?\* ?dA\b", r"dA(\[l\])? (multiplied|applied)"])
def relu_backward(dA, Z):
    dZ = np.array(dA, copy=True)
    dZ[Z <= 0] = 0
    return dA * dZ


@bug("relu_backward", "the Coursera signature relu_backward(dA, cache) with Z = cache[1]: that is the second row of Z, broadcast to every row",
     [r"(second|one|a single) row", r"cache\[1\]", r"row 1", r"(broadcast|same) (to|for|on) (every|each|all) rows?", r"\bindex(ed|ing)?\b", r"(whole|all of) Z"])
def relu_backward(dA, cache):
    Z = cache[1]
    dZ = np.array(dA, copy=True)
    dZ[Z <= 0] = 0
    return dZ


@bug("relu_backward", "missing parentheses: dA * np.clip(Z, 0, None) > 0 compares the product with 0 and returns a boolean array",
     [r"parenthes", r"precedence", r"bool(ean)?", r"(compar\w+|>) .{0,30}(product|whole)", r"(not|instead of) (the )?(values|numbers|gradient)"])
def relu_backward(dA, Z):
    dZ = dA * np.clip(Z, 0, None) > 0
    return dZ


@correct("relu_backward", "a new zero array filled with dA at the positions np.nonzero(Z > 0) gives")
def relu_backward(dA, Z):
    dZ = np.zeros_like(dA)
    rows, cols = np.nonzero(Z > 0)
    dZ[rows, cols] = dA[rows, cols]
    return dZ


@correct("relu_backward", "a copy of dA, then np.place(dZ, Z <= 0, 0)")
def relu_backward(dA, Z):
    dZ = dA.copy()
    np.place(dZ, Z <= 0, 0)
    return dZ


# ---- sigmoid_backward -----------------------------------------------------------------------


@bug("sigmoid_backward", "the slope written sigmoid(Z) * (1 - sigmoid(-Z)): 1 - sigmoid(-Z) is sigmoid(Z) itself, so dZ = dA s^2",
     [r"sigmoid\(-Z\)", r"s\^?2|s squared|s \* s|s\*\*2", r"(mirror|symmetr)", r"1 - s(igmoid)?\b.{0,30}(not|instead|where)", r"(wrong|missing) (factor|1 - s)", r"(sign|minus) .{0,20}(inside|of Z|lost)"])
def sigmoid_backward(dA, Z):
    dZ = dA * sigmoid(Z) * (1 - sigmoid(-Z))
    return dZ


@bug("sigmoid_backward", "dZ = dA s (1 - s) / m with m = dA.shape[1]: a 1/m in the slope (linear_backward adds its own later)",
     [r"1/m", r"(divided|divides) by m", r"m times too small", r"(should not|must not|not) (be )?(divided|averaged)", r"(extra|no) (1/m|average)", r"times too small"])
def sigmoid_backward(dA, Z):
    m = dA.shape[1]
    s = 1 / (1 + np.exp(-Z))
    dZ = dA * s * (1 - s) / m
    return dZ


@bug("sigmoid_backward", "np.gradient(sigmoid(Z), axis=1) as 'the derivative': a finite difference between neighbouring examples, not the slope s (1 - s) (and an error for m = 1)",
     [r"np\.gradient", r"finite differen", r"neighbo", r"numerical (derivative|gradient|slope)", r"(between|across) (examples|columns|entries)", r"(instead of|not) (the )?(slope|s ?\(1 ?- ?s\))"])
def sigmoid_backward(dA, Z):
    s = sigmoid(Z)
    dZ = dA * np.gradient(s, axis=1)
    return dZ


@bug("sigmoid_backward", "a loop over the entries with math.exp: right for moderate Z, but math.exp(-z) raises OverflowError for z in the negative hundreds",
     [r"overflows?\b", r"math\.exp", r"\bmath\b", r"large \|?Z\|?"])
def sigmoid_backward(dA, Z):
    dZ = np.zeros(np.shape(dA))
    for i in range(Z.shape[0]):
        for j in range(Z.shape[1]):
            s = 1 / (1 + math.exp(-Z[i, j]))
            dZ[i, j] = dA[i, j] * s * (1 - s)
    return dZ


@correct("sigmoid_backward", "the mirrored sigmoid s = sigmoid(-Z) = exp(-logaddexp(0, Z)): s (1 - s) is the same for Z and -Z, so the slope is right")
def sigmoid_backward(dA, Z):
    s = np.exp(-np.logaddexp(0, Z))
    dZ = dA * s * (1 - s)
    return dZ


@correct("sigmoid_backward", "dA s (1 - s) distributed into dA s - dA s s")
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    dZ = dA * s - dA * s * s
    return dZ


# ---- linear_activation_backward -------------------------------------------------------------


@bug("linear_activation_backward", "the slope looked up with globals()[activation]: that is the forward function relu or sigmoid, called with (dA, Z) (TypeError)",
     [r"forward (function|block|step)", r"(relu|sigmoid)\(dA", r"_backward.{0,30}(missing|instead|forgot)", r"(instead of|not) (the )?(relu_|sigmoid_)?backward", r"(wrong|other) (function|block)", r"(too many|two) (arguments|positional)"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    dZ = globals()[activation](dA, Z)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db


@bug("linear_activation_backward", "the linear part written inline with dW = dZ Z^T / m: Z[l] (the cache's Z) where A[l-1] belongs",
     [r"Z\[?l?\]? (where|instead of) A", r"(instead of|not) A_prev", r"A_prev (belongs|should)", r"Z(\[l\])?(\^ ?T|\.T)\b", r"(wrong|which) (part of the )?cache", r"(wrong|other) (array|operand)"])
def linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Z = cache
    m = A_prev.shape[1]
    if activation == "relu":
        dZ = relu_backward(dA, Z)
    else:
        dZ = sigmoid_backward(dA, Z)
    dW = np.dot(dZ, Z.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@bug("linear_activation_backward", "inline linear part with dA_prev = W^T dA: dW and db use dZ, but dA_prev skips the slope",
     [r"dA(\[l\])? (where|instead of) dZ", r"(instead of|not) dZ", r"W(\[l\])?(\^ ?T|\.T) ?(@ ?)?dA\b", r"(skip|without|missing)\w* (the )?(slope|g'|activation)", r"dA_prev.{0,40}(slope|dZ)", r"(only )?dA_prev (is )?wrong"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dZ = relu_backward(dA, Z) if activation == "relu" else sigmoid_backward(dA, Z)
    dW = dZ @ A_prev.T / m
    db = dZ.sum(axis=1, keepdims=True) / m
    dA_prev = W.T @ dA
    return dA_prev, dW, db


@bug("linear_activation_backward", "linear_backward(linear_cache, dZ): the two arguments in the wrong order",
     [r"(wrong|other) order", r"swapped", r"arguments .{0,20}(order|swapped)", r"order of the (arguments|inputs)", r"linear_cache (where|instead)", r"(tuple|cache) (where|instead of) dZ"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = relu_backward(dA, Z)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, Z)
    dA_prev, dW, db = linear_backward(linear_cache, dZ)
    return dA_prev, dW, db


@bug("linear_activation_backward", "Z recomputed from the linear cache as W A_prev, without b: the slope is taken at the wrong point (ReLU mask and sigmoid slope off wherever b matters)",
     [r"recomput", r"without (the )?(bias|b)\b", r"(missing|forgot|no) (the )?(bias|b)\b", r"(bias|b) (is )?(missing|left out|not added|dropped)", r"(instead of|not) (the )?(cached|stored) Z", r"Z (from|of) the cache"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, _ = cache
    A_prev, W, b = linear_cache
    Z = np.dot(W, A_prev)
    if activation == "relu":
        dZ = relu_backward(dA, Z)
    else:
        dZ = sigmoid_backward(dA, Z)
    return linear_backward(dZ, linear_cache)


@bug("linear_activation_backward", "the relu branch zeroes dA in place (dA[Z <= 0] = 0) and passes dA on: the gradients are right, the caller's dA is changed",
     IN_PLACE + [r"(changed|zeroed|overwr\w*|modified).{0,30}dA", r"dA.{0,30}(changed|zeroed|overwr|modified)"],
     contract="in place")
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dA[Z <= 0] = 0
        dZ = dA
    else:
        dZ = sigmoid_backward(dA, Z)
    return linear_backward(dZ, linear_cache)


@correct("linear_activation_backward", "both slopes computed eagerly into a dict, the one asked for picked by name")
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    dZ = {"relu": relu_backward(dA, Z), "sigmoid": sigmoid_backward(dA, Z)}[activation]
    return linear_backward(dZ, linear_cache)


@correct("linear_activation_backward", "inline: np.where for the ReLU slope, s from np.exp for the sigmoid one, einsum for the products")
def linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Z = cache
    m = A_prev.shape[1]
    if activation == "relu":
        dZ = np.where(Z > 0, dA, 0.0)
    elif activation == "sigmoid":
        s = 1 / (1 + np.exp(-Z))
        dZ = dA * s * (1 - s)
    else:
        raise ValueError(activation)
    dW = np.einsum("ik,jk->ij", dZ, A_prev) / m
    db = np.einsum("ik->i", dZ)[:, None] / m
    dA_prev = np.einsum("ji,jk->ik", W, dZ)
    return dA_prev, dW, db


# ---- model_backward -------------------------------------------------------------------------


@bug("model_backward", "the Coursera hidden loop stores dW_temp under 'db' + str(l + 1) and db_temp under 'dW' + str(l + 1): dW and db of the hidden layers swapped",
     [r"swapped", r"dW.{0,30}(under|as|in) .{0,10}db", r"db.{0,30}(under|as|in) .{0,10}dW", r"(wrong|each other'?s) keys?", r"(stored|saved) under", r"mixed up"])
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
        grads["db" + str(l + 1)] = dW_temp
        grads["dW" + str(l + 1)] = db_temp
    return grads


@bug("model_backward", "AL = caches[-1][1] 'to be sure it matches the caches': that is Z[L], not A[L], so dA[L] is computed from Z[L]",
     [r"Z\[L\] (where|instead of|not) A\[L\]", r"(from|with|of) Z\[L\]", r"(overwr\w*|replac\w*|reassign\w*) (the )?(A\[L\]|AL)", r"(A\[L\]|AL) (is )?(overwr|replac|reassign|taken from)", r"(last|output) (layer'?s )?cache.{0,40}(Z|instead)", r"(instead of|not) (the )?(argument|input) (A\[L\]|AL)"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    AL = caches[-1][1]
    dAL = -(Y / AL) + (1 - Y) / (1 - AL)
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in range(L - 1, 0, -1):
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")
    return grads


@bug("model_backward", "one loop from l = L down to 1 with the activation picked by l == L - 1 (off by one): layer L is stepped back as ReLU and layer L-1 as sigmoid",
     [r"off by one", r"(output|last) layer.{0,40}(relu|not.{0,10}sigmoid)", r"sigmoid.{0,40}(hidden|layer L-1|wrong layer)", r"layer L-1.{0,40}sigmoid", r"(wrong|which) activation", r"(slopes?|activations?) .{0,30}(swapped|shifted)"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    for l in range(L, 0, -1):
        activation = "sigmoid" if l == L - 1 else "relu"
        dA, dW, db = linear_activation_backward(dA, caches[l - 1], activation)
        grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = dA, dW, db
    return grads


@bug("model_backward", "the hidden layers are walked with enumerate(caches[:-1]) from the front while the layer number counts down: layer L-1 gets layer 1's cache, and so on",
     [r"(wrong|other|another) (layer'?s )?cache", r"cache of (layer|the)", r"(revers|front|forward order|opposite order)", r"(layer \d|layer l).{0,40}cache.{0,40}(layer|instead)", r"\bindex(ed|ing)?\b", r"(wrong|reversed?|opposite) order"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(Y / AL) + (1 - Y) / (1 - AL)
    dA, grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, caches[-1], "sigmoid")
    grads["dA" + str(L - 1)] = dA
    for i, cache in enumerate(caches[:-1]):
        l = L - 1 - i
        dA, dW, db = linear_activation_backward(dA, cache, "relu")
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = dA, dW, db
    return grads


@bug("model_backward", "the output layer's three results unpacked as dW, db, dA_prev (linear_activation_backward returns dA_prev, dW, db): layer L's gradients under each other's names",
     [r"unpack", r"(wrong|other) order", r"in this order", r"swapped", r"(each|every) (returned )?(gradient|result).{0,30}(another|other)", r"(dA|dW|db)\S* (under|stored as|as) (dA|dW|db)"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(Y / AL) + (1 - Y) / (1 - AL)
    grads["dW" + str(L)], grads["db" + str(L)], grads["dA" + str(L - 1)] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in range(L - 1, 0, -1):
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")
    return grads


@bug("model_backward", "return grads is indented into the hidden loop: it returns after layer L-1, so the layers below it are missing",
     [r"indent", r"(inside|in) the loop", r"(returns?|stops?) (too )?early", r"after (layer L-1|the first|one)", r"(layers? below|lower layers?|earlier layers?).{0,40}(missing|not)", r"(dW|db|dA)\d.{0,40}(missing|not computed)"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(Y / AL) + (1 - Y) / (1 - AL)
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in range(L - 1, 0, -1):
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")
        return grads
    return grads


@bug("model_backward", "the shortcut dZ[L] = A[L] - Y is sent through the 'relu' step (to skip the sigmoid's slope): the ReLU mask of Z[L] zeroes dZ[L] wherever Z[L] <= 0",
     [r"relu.{0,40}(output|last|layer L)", r"(output|last) layer.{0,40}relu", r"(mask|zero\w*).{0,40}Z\[L\]", r"shortcut", r"A\[L\] ?- ?Y", r"(instead of|not) linear_backward"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dZL = AL - Y
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dZL, caches[L - 1], "relu")
    for l in range(L - 1, 0, -1):
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")
    return grads


@correct("model_backward", "dA[L] written (A[L] - Y) / (A[L] (1 - A[L])), the same number as -(Y/A[L]) + (1-Y)/(1-A[L]) for 0/1 labels; a while loop down the layers")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dA = (AL - Y) / (AL * (1 - AL))
    l = L
    while l >= 1:
        dA, grads["dW" + str(l)], grads["db" + str(l)] = linear_activation_backward(dA, caches[l - 1], "sigmoid" if l == L else "relu")
        grads["dA" + str(l - 1)] = dA
        l -= 1
    return grads


@correct("model_backward", "zip over the layer numbers, the reversed caches and the activations ['sigmoid'] + ['relu'] * (L - 1)")
def model_backward(AL, Y, caches):
    L = len(caches)
    grads = {}
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l, cache, activation in zip(range(L, 0, -1), caches[::-1], ["sigmoid"] + ["relu"] * (L - 1)):
        dA, dW, db = linear_activation_backward(dA, cache, activation)
        grads.update({f"dA{l - 1}": dA, f"dW{l}": dW, f"db{l}": db})
    return grads


# ---- update_parameters ----------------------------------------------------------------------


@bug("update_parameters", "learning_rate * dW - W: the two operands of the subtraction swapped, so the new W is alpha dW - W",
     [r"swapped", r"(wrong|other) order", r"(operands|sides)", r"(sign|negat)\w* .{0,30}(W|flipped|wrong)", r"alpha ?dW(\[l\])? ?- ?W"])
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    updated = {}
    for l in range(1, L + 1):
        updated["W" + str(l)] = learning_rate * grads["dW" + str(l)] - parameters["W" + str(l)]
        updated["b" + str(l)] = learning_rate * grads["db" + str(l)] - parameters["b" + str(l)]
    return updated


@bug("update_parameters", "the gradient's key built as 'd' + key.lower(): grads has 'dW1', not 'dw1' (KeyError)",
     [r"\blower\b", r"\.lower\(\)", r"(upper|lower)[- ]?case", r"capital", r"dw\d", r"(wrong|missing) key"])
def update_parameters(parameters, grads, learning_rate):
    updated = {}
    for key in parameters:
        updated[key] = parameters[key] - learning_rate * grads["d" + key.lower()]
    return updated


@bug("update_parameters", "a capital-L typo: every layer is updated with grads['dW' + str(L)], the last layer's gradient (a shape error, or a wrong step)",
     [r"\bL\b.{0,30}(where|instead of) (the loop'?s )?\bl\b", r"(last|output) layer'?s (gradient|dW)", r"(same|one) gradient (for|to) (every|each|all)", r"(every|each) layer.{0,40}(last|same|dW\d)", r"(wrong|other|another) layer'?s (gradient|dW)"])
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    updated = {}
    for l in range(1, L + 1):
        updated["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(L)]
        updated["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(L)]
    return updated


@bug("update_parameters", "updated['W' + str(l)] -= ... on the template's empty dict updated = {}: there is nothing to subtract from yet (KeyError)",
     [r"empty (dict|dictionary)", r"-=", r"(nothing|no value|not (yet )?there)", r"(before|never) (it is |being )?(set|assigned|copied)", r"(copy|start from) (the )?parameters"])
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    updated = {}
    for l in range(1, L + 1):
        updated["W" + str(l)] -= learning_rate * grads["dW" + str(l)]
        updated["b" + str(l)] -= learning_rate * grads["db" + str(l)]
    return updated


@correct("update_parameters", "each array copied with .copy() into a new dict, then -= on the copies only")
def update_parameters(parameters, grads, learning_rate):
    updated = {key: value.copy() for key, value in parameters.items()}
    for key in updated:
        updated[key] -= learning_rate * grads["d" + key]
    return updated


@correct("update_parameters", "copy.deepcopy, then np.add with a negative step written into new arrays")
def update_parameters(parameters, grads, learning_rate):
    updated = copy.deepcopy(parameters)
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for p in ("W", "b"):
            updated[p + str(l)] = np.add(updated[p + str(l)], -learning_rate * grads["d" + p + str(l)])
    return updated
