"""Held-out learner code, round 7: the backward blocks and the update.

Written on 2026-12-03 by a helper (branch ``heldout7``) that did not read
dlkit/checks (the engine), docs/relations.md, docs/grading.md, the earlier
rounds' baselines or any report the checks print; about two thirds are the
common mistakes of the "step by step" assignment in a code shape no earlier
round used, the rest rarer ones. No mutant, relation or hint of dlkit.checks
may be written from it (README.md, "Round 7").
"""
import numpy as np

from dlkit import linear_activation_backward, linear_backward, relu_backward, sigmoid, sigmoid_backward  # noqa: F401

from .registry import ELEMENTWISE_NOT_EQUATION, IN_PLACE, UNPACK
from .registry7 import bug, correct

# ---- linear_backward ------------------------------------------------------------------------


@bug("linear_backward", "m = A_prev.shape[0] (the number of inputs n[l-1]) instead of shape[1] (the number of examples)",
     [r"shape\[0\]", r"number of (examples|columns)", r"n\[l-1\] (instead|where|rather)", r"(wrong|other) (axis|dimension)", r"(units|inputs|features|rows) (instead|rather|not)", r"divided by \d+ (instead|not|rather)"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[0]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@bug("linear_backward", "dW = dZ @ A_prev.T without the 1/m (db is averaged): dW is the sum over the examples, m times too large",
     [r"m = \d+ times", r"times too (large|big)", r"(missing|without|no|forgot) (the )?1/m", r"not (divided|averaged)", r"average", r"\bmean\b"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = dZ @ A_prev.T
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = W.T @ dZ
    return dA_prev, dW, db


@bug("linear_backward", "np.squeeze on db: the (n[l], 1) column becomes a 1-D (n[l],) array (a 0-d number when n[l] = 1)",
     [r"squeeze", r"1-?D", r"0-?d", r"column", r"lost (its|the) second dimension", r"\(n\[l\],\)"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.squeeze(np.sum(dZ, axis=1, keepdims=True)) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@correct("linear_backward", "einsum for dW, db as dZ times a column of ones")
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.einsum("ik,jk->ij", dZ, A_prev) / m
    db = dZ @ np.ones((m, 1)) / m
    dA_prev = np.einsum("ji,jk->ik", W, dZ)
    return dA_prev, dW, db


# ---- relu_backward --------------------------------------------------------------------------


@bug("relu_backward", "the template's copy, then dZ[dZ <= 0] = 0: the mask is taken on dZ (the copy of dA) instead of on Z",
     [r"mask.{0,40}dA", r"dA ?(<=|>) ?0", r"sign of dA", r"(instead of|not) (on )?Z\b", r"where dA", r"(positive|negative) dA", r"dZ ?<= ?0"])
def relu_backward(dA, Z):
    dZ = np.array(dA, copy=True)
    dZ[dZ <= 0] = 0
    return dZ


@bug("relu_backward", "dZ = dA[:] is a view, not a copy (a Python-list habit): dZ[Z <= 0] = 0 then zeroes the caller's dA in place",
     IN_PLACE + [r"\bview\b", r"alias", r"same array", r"\[:\]", r"caller'?s dA"],
     contract="in place")
def relu_backward(dA, Z):
    dZ = dA[:]
    dZ[Z <= 0] = 0
    return dZ


@bug("relu_backward", "the slope written as relu(Z) / Z: right where Z != 0, but 0 / 0 = NaN at Z = 0",
     [r"\bnan\b", r"0 ?/ ?0", r"divi(de|sion|ded) by (Z|zero|0)", r"(at|where) Z ?= ?0", r"exactly (0|zero)"])
def relu_backward(dA, Z):
    with np.errstate(invalid="ignore", divide="ignore"):
        dZ = dA * (np.maximum(Z, 0) / Z)
    return dZ


@correct("relu_backward", "dA times np.greater(Z, 0), a new array")
def relu_backward(dA, Z):
    return dA * np.greater(Z, 0)


# ---- sigmoid_backward -----------------------------------------------------------------------


@bug("sigmoid_backward", "a sign typo in the slope: dA * s * (1 + s) where s (1 - s) belongs",
     [r"1 ?\+ ?s", r"\bsign\b", r"\bplus\b", r"minus", r"typo"])
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    dZ = dA * s * (1 + s)
    return dZ


@bug("sigmoid_backward", "dA @ (s * (1 - s)): the @ matrix product where the entry-by-entry product belongs",
     ELEMENTWISE_NOT_EQUATION + [r"@", r"matmul"])
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    return dA @ (s * (1 - s))


@bug("sigmoid_backward", "the slope approximated by a forward difference (sigmoid(Z + 0.01) - sigmoid(Z)) / 0.01 instead of s (1 - s)",
     [r"approximat", r"finite difference", r"(numerical|numeric) (derivative|slope)", r"\bstep\b.{0,30}0\.01", r"not exact", r"(slightly|a little) off", r"close but"])
def sigmoid_backward(dA, Z):
    h = 0.01
    slope = (sigmoid(Z + h) - sigmoid(Z)) / h
    return dA * slope


@correct("sigmoid_backward", "np.multiply and np.subtract, s from the notebook's sigmoid")
def sigmoid_backward(dA, Z):
    s = sigmoid(Z)
    return np.multiply(np.multiply(dA, s), np.subtract(1, s))


# ---- linear_activation_backward -------------------------------------------------------------


@bug("linear_activation_backward", "relu_backward(dA, cache): the whole cache (linear_cache, Z) is passed where Z alone belongs",
     [r"whole cache", r"(instead of|not) Z\b", r"Z (alone|only) belongs", r"activation cache", r"(wrong|which) (part of the )?cache", r"\btuple\b", r"(unpack|cache\[1\])"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = relu_backward(dA, cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, Z)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db


@bug("linear_activation_backward", "copy-paste: the sigmoid branch calls relu_backward, so the output layer gets the ReLU slope",
     [r"copy", r"sigmoid (branch|case|layer).{0,40}relu", r"relu'?s? slope.{0,40}(sigmoid|output)", r"(wrong|other) (slope|backward|activation)", r"(output|last) layer.{0,40}relu"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = relu_backward(dA, Z)
    elif activation == "sigmoid":
        dZ = relu_backward(dA, Z)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db


@bug("linear_activation_backward", "each branch has its own line; only the relu branch returns, the sigmoid branch falls off the end and returns None",
     [r"\bNone\b", r"(no|missing|forgot) (the )?return", r"(not|never) return", r"returned nothing", r"indent"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = relu_backward(dA, Z)
        return linear_backward(dZ, linear_cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, Z)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)


@bug("linear_activation_backward", "dW and db divided by m once more after linear_backward, which already averages: both m times too small",
     [r"m = \d+ times", r"times too small", r"(twice|two times|again|extra).{0,30}(1/m|divid|m\b)", r"(1/m|divid\w*).{0,30}(twice|two times|again)", r"already (averaged|divided)"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    m = Z.shape[1]
    if activation == "relu":
        dZ = relu_backward(dA, Z)
    else:
        dZ = sigmoid_backward(dA, Z)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW / m, db / m


@correct("linear_activation_backward", "the backward function chosen by a conditional expression, an unknown name raises")
def linear_activation_backward(dA, cache, activation):
    if activation not in ("relu", "sigmoid"):
        raise ValueError(f"activation must be 'relu' or 'sigmoid', got {activation!r}")
    linear_cache, Z = cache
    backward = relu_backward if activation == "relu" else sigmoid_backward
    return linear_backward(backward(dA, Z), linear_cache)


# ---- model_backward -------------------------------------------------------------------------


@bug("model_backward", "a typo in dA[L]: (1 - Y) / AL where (1 - Y) / (1 - AL) belongs",
     [r"1 ?- ?A\[?L\]?.{0,30}(denominator|instead|missing)", r"denominator", r"second term", r"label.?0", r"\by ?= ?0", r"typo", r"(divid\w*) by A\[?L\]? (instead|twice)"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, AL))
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in range(L - 1, 0, -1):
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = \
            linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")
    return grads


@bug("model_backward", "Coursera's hidden loop without reversed(): for l in range(L - 1) runs from layer 1 up, asking for dA[l+1] before it is computed",
     [r"revers", r"(wrong|forward) (order|direction)", r"(last|output) (layer )?(to|towards) (the )?first", r"not (yet )?(computed|there|stored)", r"KeyError", r"(before|until) it (is|was) (computed|stored)"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    current_cache = caches[L - 1]
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, current_cache, "sigmoid")
    for l in range(L - 1):
        current_cache = caches[l]
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + str(l + 1)], current_cache, "relu")
        grads["dA" + str(l)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp
    return grads


@bug("model_backward", "copy-paste from the output layer: every hidden layer is given dAL instead of grads['dA' + str(l)]",
     [r"dA\[?L\]?.{0,40}(every|each|all|hidden)", r"(every|each|all) (hidden )?layers?.{0,40}dA\[?L\]?", r"(wrong|which|stale) (gradient|dA)", r"copy", r"layer after it", r"not chained"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(Y / AL) + (1 - Y) / (1 - AL)
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in range(L - 1, 0, -1):
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = \
            linear_activation_backward(dAL, caches[l - 1], "relu")
    return grads


@bug("model_backward", "dA[L] = -Y / AL only: the (1 - Y) / (1 - AL) term for the label-0 examples is missing",
     [r"second term", r"label.?0", r"\by ?= ?0", r"(missing|without|forgot|only).{0,20}term", r"(1 - Y) ?/ ?\(1 - A\[?L\]?\).{0,30}(missing|left out|dropped)", r"half"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -np.divide(Y, AL)
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in range(L - 1, 0, -1):
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = \
            linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")
    return grads


@bug("model_backward", "the dZ[L] = AL - Y shortcut given to linear_backward with the whole cache caches[L-1] instead of its linear cache: the unpacking fails",
     UNPACK + [r"linear cache", r"whole cache", r"cache\[0\]", r"(wrong|which) (part of the )?cache", r"(2|two) items", r"not enough values"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dZL = AL - Y
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_backward(dZL, caches[L - 1])
    for l in range(L - 1, 0, -1):
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = \
            linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")
    return grads


@correct("model_backward", "one loop over l = L..1 with a running dA, np.divide for dA[L], the activation picked inside")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dA = np.divide(1 - Y, 1 - AL) - np.divide(Y, AL)
    for l in range(L, 0, -1):
        activation = "sigmoid" if l == L else "relu"
        dA, dW, db = linear_activation_backward(dA, caches[l - 1], activation)
        grads["dA" + str(l - 1)] = dA
        grads["dW" + str(l)] = dW
        grads["db" + str(l)] = db
    return grads


@correct("model_backward", "grads.update(zip(keys, results)) per layer, the hidden layers by reversed(range(1, L))")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -Y / AL + (1 - Y) / (1 - AL)
    grads.update(zip((f"dA{L - 1}", f"dW{L}", f"db{L}"), linear_activation_backward(dAL, caches[-1], "sigmoid")))
    for l in reversed(range(1, L)):
        grads.update(zip((f"dA{l - 1}", f"dW{l}", f"db{l}"),
                         linear_activation_backward(grads[f"dA{l}"], caches[l - 1], "relu")))
    return grads


# ---- update_parameters ----------------------------------------------------------------------


@bug("update_parameters", "the new values go into updated, but the function returns parameters (the old dict): nothing changes",
     [r"(old|original|input|unchanged|same) (dict|parameters)", r"return(s|ed)? (the )?(old|original|input|unchanged)", r"(not|never) (updated|changed)", r"wrong (variable|dict)", r"(did|does) not change"])
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    updated = {}
    for l in range(1, L + 1):
        updated["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        updated["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return parameters


@bug("update_parameters", "updated = {**parameters} is a new dict holding the same arrays: the -= then changes the caller's arrays in place",
     IN_PLACE + [r"shallow", r"same arrays", r"caller'?s (arrays?|parameters)", r"deep ?copy"],
     contract="in place")
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    updated = {**parameters}
    for l in range(1, L + 1):
        updated["W" + str(l)] -= learning_rate * grads["dW" + str(l)]
        updated["b" + str(l)] -= learning_rate * grads["db" + str(l)]
    return updated


@bug("update_parameters", "np.subtract(W, learning_rate, dW): the third positional argument is out=, so it computes W - alpha (no gradient) and writes it into the caller's dW",
     [r"\bout\b", r"third (positional )?argument", r"(gradient|dW) (is )?(never|not) used", r"W - (alpha|learning_rate)\b(?! \* ?dW)", r"(overwr|changed).{0,30}(grads|dW)", r"grads.{0,30}(changed|modified|in place)", r"in place"])
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    updated = {}
    for l in range(1, L + 1):
        updated["W" + str(l)] = np.subtract(parameters["W" + str(l)], learning_rate, grads["dW" + str(l)])
        updated["b" + str(l)] = np.subtract(parameters["b" + str(l)], learning_rate, grads["db" + str(l)])
    return updated


@correct("update_parameters", "a dict comprehension over parameters.items(), the gradient found as 'd' + key")
def update_parameters(parameters, grads, learning_rate):
    return {key: value - learning_rate * grads["d" + key] for key, value in parameters.items()}
