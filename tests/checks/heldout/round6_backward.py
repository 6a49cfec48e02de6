"""Held-out learner code, round 6: the backward blocks and the update.

Written on 2026-12-02 by a helper (branch ``heldout6``) that did not read
dlkit/checks (the engine), docs/relations.md, docs/grading.md or the earlier
rounds' baselines; about two thirds are the common mistakes of the "step by
step" assignment in a code shape no earlier round used, the rest rarer ones.
No mutant, relation or hint of dlkit.checks may be written from it (README.md,
"Round 6").
"""
import copy

import numpy as np

from dlkit import linear_activation_backward, linear_backward, relu_backward, sigmoid, sigmoid_backward  # noqa: F401

from .registry import IN_PLACE, OVERFLOW, UNPACK
from .registry6 import bug, correct

# ---- linear_backward ------------------------------------------------------------------------


@bug("linear_backward", "dW = np.dot(dZ, A_prev) / m: A_prev is not transposed",
     [r"transpos", r"A_prev\.T", r"not transposed", r"\.T\b"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@bug("linear_backward", "dW = A_prev dZ^T / m: the factors in the other order give dW transposed, (n[l-1], n[l])",
     [r"transpos", r"\(n\[l-1\], n\[l\]\)", r"swapped", r"(wrong|other) order", r"order of the (factors|product)"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = (1 / m) * np.dot(A_prev, dZ.T)
    db = (1 / m) * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@bug("linear_backward", "db = np.sum(dZ, axis=0, keepdims=True) / m: summed over the units (axis 0) instead of over the examples (axis 1)",
     [r"axis ?= ?0", r"(over|across) the units", r"(over|across) the (examples|columns)", r"wrong (axis|direction)", r"per example"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = 1 / m * dZ @ A_prev.T
    db = 1 / m * np.sum(dZ, axis=0, keepdims=True)
    dA_prev = W.T @ dZ
    return dA_prev, dW, db


@bug("linear_backward", "db = np.sum(dZ, axis=1).reshape(1, -1) / m: reshaped into a row (1, n[l]) instead of the column (n[l], 1)",
     [r"\brow\b", r"transpos", r"\(1, n\[l\]\)", r"column vector", r"reshape"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1).reshape(1, -1) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@bug("linear_backward", "dA_prev = pinv(W) dZ: the pseudo-inverse of W where its transpose belongs (going back is not inverting)",
     [r"inverse", r"pinv", r"transpose of W", r"W\.T", r"\binvert"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.linalg.pinv(W) @ dZ
    return dA_prev, dW, db


@correct("linear_backward", "every product as the transpose of its transpose, db with the array method mean")
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = (A_prev @ dZ.T).T / m
    db = dZ.mean(axis=1, keepdims=True)
    dA_prev = (dZ.T @ W).T
    return dA_prev, dW, db


@correct("linear_backward", "np.matmul with swapaxes, db from Python's built-in sum over the columns of dZ (the rows of dZ.T)")
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.matmul(dZ, A_prev.swapaxes(0, 1)) / m
    db = (sum(dZ.T) / m).reshape(-1, 1)
    dA_prev = np.matmul(W.swapaxes(0, 1), dZ)
    return dA_prev, dW, db


# ---- relu_backward --------------------------------------------------------------------------


@bug("relu_backward", "zeroes dZ only where Z < 0: at Z = 0 the gradient passes (slope 1), where the notebook says the slope is 0",
     [r"(at|where) Z ?= ?0", r"exactly (0|zero)", r"slope at (0|zero)", r"Z ?<= ?0", r"Z ?> ?0 (only|strictly)", r"\bzero\b.{0,30}slope"],
     contract="slope at 0")
def relu_backward(dA, Z):
    dZ = dA * 1
    dZ[Z < 0] = 0
    return dZ


@bug("relu_backward", "the mask is taken on dA (dA > 0) instead of on Z: dZ = dA * (dA > 0)",
     [r"mask.{0,40}dA", r"dA ?> ?0", r"sign of dA", r"(instead of|not) (on )?Z\b", r"where dA", r"(positive|negative) dA"])
def relu_backward(dA, Z):
    dZ = dA * (dA > 0)
    return dZ


@bug("relu_backward", "copies Z instead of dA before masking (np.array(Z, copy=True)): returns relu(Z), dA is never used",
     [r"copy of Z", r"\bg\(Z\)", r"dA (is )?(never|not) (used|multiplied)", r"Z (instead of|where) dA", r"(without|ignores) dA", r"(copied|copies) Z"])
def relu_backward(dA, Z):
    dZ = np.array(Z, copy=True)
    dZ[Z <= 0] = 0
    return dZ


@bug("relu_backward", "dZ[np.where(Z <= 0)[0]] = 0 indexes with the row numbers only: whole rows are zeroed wherever one entry has Z <= 0",
     [r"(whole|entire) rows?", r"\brows?\b", r"np\.where", r"index(es|ing)?", r"(one|only the first) (index|coordinate)"])
def relu_backward(dA, Z):
    dZ = np.array(dA, copy=True)
    dZ[np.where(Z <= 0)[0]] = 0
    return dZ


@correct("relu_backward", "np.select with one condition and 0 as the default")
def relu_backward(dA, Z):
    return np.select([Z > 0], [dA], default=0.0)


@correct("relu_backward", "a copy of dA zeroed where not (Z > 0)")
def relu_backward(dA, Z):
    dZ = dA.copy()
    dZ[~(Z > 0)] = 0
    return dZ


# ---- sigmoid_backward -----------------------------------------------------------------------


@bug("sigmoid_backward", "dZ = s * (1 - s): the slope alone, dA is never multiplied in",
     [r"dA (is )?(never|not) (used|multiplied)", r"without dA", r"(missing|forgot|forgets).{0,20}dA", r"dA.{0,30}(missing|ignored|left out|unused)", r"slope (alone|only)", r"\bg'\(Z\) (alone|only)"])
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    dZ = s * (1 - s)
    return dZ


@bug("sigmoid_backward", "s(1 - s) typed as in the maths, without the *: the array s is called like a function (TypeError)",
     [r"not callable", r"call(ed|ing|s)? (s|an array|the array)", r"(missing|forgot|no) (a |the )?(\*|multiplication|times)", r"as a function", r"multiplication sign"])
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    dZ = dA * s(1 - s)
    return dZ


@bug("sigmoid_backward", "the slope written exp(-Z) / (1 + exp(-Z))^2: right maths, but inf / inf = NaN for Z in the negative hundreds",
     OVERFLOW + [r"\bnan\b", r"inf ?/ ?inf"])
def sigmoid_backward(dA, Z):
    e = np.exp(-Z)
    dZ = dA * e / (1 + e) ** 2
    return dZ


@bug("sigmoid_backward", "the tanh slope 1 - s^2 where the sigmoid's s (1 - s) belongs",
     [r"\btanh\b", r"1 ?- ?s ?(\^|\*\*) ?2", r"(square|squared)", r"1 - s\*s"])
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    dZ = dA * (1 - s ** 2)
    return dZ


@correct("sigmoid_backward", "s (1 - s) = 1 / (2 + e^Z + e^-Z): for |Z| in the hundreds the denominator is inf and dZ = 0")
def sigmoid_backward(dA, Z):
    with np.errstate(over="ignore"):
        return dA / (2 + np.exp(Z) + np.exp(-Z))


@correct("sigmoid_backward", "s (1 - s) = 1 / (4 cosh(Z / 2)^2)")
def sigmoid_backward(dA, Z):
    with np.errstate(over="ignore"):
        dZ = dA / (4 * np.cosh(Z / 2) ** 2)
    return dZ


@correct("sigmoid_backward", "the notebook's sigmoid by global name, dZ built in two steps")
def sigmoid_backward(dA, Z):
    s = sigmoid(Z)
    dZ = dA * s
    dZ = dZ * (1 - s)
    return dZ


# ---- linear_activation_backward -------------------------------------------------------------


@bug("linear_activation_backward", "relu_backward(dA, linear_cache): the linear cache is passed where the activation cache Z belongs",
     [r"(passe[sd]|gave|given) (it )?the linear", r"(instead of|not) Z\b", r"Z belongs", r"activation cache", r"(wrong|which) (part of the )?cache"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = relu_backward(dA, linear_cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, linear_cache)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db


@bug("linear_activation_backward", "a typo in the branch test, activation == 'sigmod': the sigmoid branch never runs and dZ is unbound",
     [r"typo", r"spell", r"sigmod", r"never (runs|taken|true|matches)", r"(unknown|unrecognised|unrecognized) activation", r"no branch", r"(un)?bound"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = relu_backward(dA, Z)
    elif activation == "sigmod":
        dZ = sigmoid_backward(dA, Z)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db


@bug("linear_activation_backward", "a line dZ = sigmoid_backward(dA, Z) left outside the if: every layer, relu ones too, ends with the sigmoid slope",
     [r"sigmoid.{0,40}(every|each|both|all|also|relu)", r"(always|unconditional)", r"overwrit", r"indent", r"relu (layer|branch|case).{0,40}sigmoid"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = relu_backward(dA, Z)
    dZ = sigmoid_backward(dA, Z)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db


@bug("linear_activation_backward", "relu branch: dZ = dA * relu_backward(dA, Z), dA multiplied in twice",
     [r"dA.{0,40}(twice|two times|squared)", r"dA ?(\^|\*\*) ?2", r"(multiplied|applied) (in )?twice", r"dA\^2", r"square"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = dA * relu_backward(dA, Z)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, Z)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db


@bug("linear_activation_backward", "dW, db, dA_prev = linear_backward(...): the results unpacked in the wrong order, so each returned gradient is another one",
     UNPACK + [r"swapped", r"mislabel", r"(each|every) (returned )?(gradient|result).{0,30}(another|other)"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = relu_backward(dA, Z)
    else:
        dZ = sigmoid_backward(dA, Z)
    dW, db, dA_prev = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db


@correct("linear_activation_backward", "the backward helper found by name in globals(), activation + '_backward'")
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    backward = globals()[activation + "_backward"]
    return linear_backward(backward(dA, Z), linear_cache)


@correct("linear_activation_backward", "a match statement, the cache indexed")
def linear_activation_backward(dA, cache, activation):
    match activation:
        case "sigmoid":
            dZ = sigmoid_backward(dA, cache[1])
        case "relu":
            dZ = relu_backward(dA, cache[1])
        case other:
            raise ValueError(f"unknown activation {other}")
    return linear_backward(dZ, cache[0])


# ---- model_backward -------------------------------------------------------------------------


@bug("model_backward", "the minus sign of dA[L] dropped as in the lecture video: Y/AL + (1 - Y)/(1 - AL)",
     [r"minus", r"\bsign\b", r"uphill", r"leading"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = np.divide(Y, AL) + np.divide(1 - Y, 1 - AL)
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in range(L - 1, 0, -1):
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = \
            linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")
    return grads


@bug("model_backward", "Coursera's reversed(range(L - 1)) loop reads grads['dA' + str(l)] (not yet computed: KeyError) where dA[l+1] = grads['dA' + str(l + 1)] belongs",
     [r"not (yet )?(computed|there|stored)", r"KeyError", r"(wrong|which) (key|gradient)", r"(index|off) by one", r"str\(l ?\+ ?1\)", r"(before|until) it (is|was) (computed|stored)"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    current_cache = caches[L - 1]
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, current_cache, "sigmoid")
    for l in reversed(range(L - 1)):
        current_cache = caches[l]
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + str(l)], current_cache, "relu")
        grads["dA" + str(l)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp
    return grads


@bug("model_backward", "the output layer is stepped back with 'relu' instead of 'sigmoid'",
     [r"(output|last) layer.{0,40}(relu|sigmoid)", r"sigmoid.{0,40}(layer L|output|last)", r"layer L.{0,40}relu", r"relu.{0,40}(layer L|output|last)"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(Y / AL) + (1 - Y) / (1 - AL)
    dA, dW, db = linear_activation_backward(dAL, caches[L - 1], "relu")
    grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = dA, dW, db
    for l in range(L - 1, 0, -1):
        dA, dW, db = linear_activation_backward(grads[f"dA{l}"], caches[l - 1], "relu")
        grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = dA, dW, db
    return grads


@bug("model_backward", "current_cache = caches[L] for the output layer: the list has L items, indexed 0..L-1 (IndexError)",
     [r"\bindex", r"out of range", r"off by one", r"layer L'?s cache", r"caches\[L\]", r"0 ?\.\. ?L ?- ?1"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    current_cache = caches[L]
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, current_cache, "sigmoid")
    for l in range(L - 1, 0, -1):
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = \
            linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")
    return grads


@bug("model_backward", "each layer stores its dA_prev under 'dA' + str(l) instead of str(l - 1): the dA keys run dA1..dAL, shifted up by one",
     [r"dA\w* (keys? )?(are )?(shifted|off by one|one too high|numbered)", r"\bshifted\b", r"off by one", r"dA\[l-1\].{0,40}(key|stored|under)", r"\bnumbered\b", r"one (too high|higher)"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(1, L)):
        grads["dA" + str(l)], grads["dW" + str(l)], grads["db" + str(l)] = \
            linear_activation_backward(grads["dA" + str(l + 1)], caches[l - 1], "relu")
    return grads


@bug("model_backward", "dA[L] is clipped to [-1, 1] 'for stability' (gradient clipping the notebook does not ask for)",
     [r"\bclip", r"capped", r"limited to", r"\[-1, 1\]", r"(at most|no larger than) 1"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    dAL = np.clip(dAL, -1, 1)
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in range(L - 1, 0, -1):
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = \
            linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")
    return grads


@bug("model_backward", "grads={} as a mutable default argument: one dict is shared by every call, so a call keeps the keys (and arrays) of earlier, deeper networks",
     [r"default", r"(extra|unexpected|stale|leftover) (keys?|entries|gradients)", r"(previous|earlier|last) call", r"mutable", r"shared"])
def model_backward(AL, Y, caches, grads={}):
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in range(L - 1, 0, -1):
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = \
            linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")
    return grads


@correct("model_backward", "the dZ[L] = A[L] - Y shortcut into linear_backward, then a while loop over the ReLU layers")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    linear_cache, _ = caches[-1]
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_backward(AL - Y, linear_cache)
    l = L - 1
    while l >= 1:
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = \
            linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")
        l -= 1
    return grads


@correct("model_backward", "one loop over reversed(list(enumerate(caches, 1))) with a running dA, np.true_divide for dA[L]")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dA = np.true_divide(1 - Y, 1 - AL) - np.true_divide(Y, AL)
    for l, cache in reversed(list(enumerate(caches, 1))):
        dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(dA, cache, "sigmoid" if l == L else "relu")
        grads[f"dA{l - 1}"] = dA
    return grads


# ---- update_parameters ----------------------------------------------------------------------


@bug("update_parameters", "W + learning_rate * dW: the gradient is added (gradient ascent), not subtracted",
     [r"ascent", r"(plus|added|\+).{0,30}(instead|rather|not)", r"\bsign\b", r"uphill", r"opposite direction", r"add(s|ed)? the gradient", r"subtract"])
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    updated = {}
    for l in range(1, L + 1):
        updated["W" + str(l)] = parameters["W" + str(l)] + learning_rate * grads["dW" + str(l)]
        updated["b" + str(l)] = parameters["b" + str(l)] + learning_rate * grads["db" + str(l)]
    return updated


@bug("update_parameters", "np.subtract(W, alpha * dW, out=W): writes the new values into the caller's arrays",
     IN_PLACE + [r"\bout=", r"caller'?s (arrays?|parameters)"],
     contract="in place")
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    updated = {}
    for l in range(1, L + 1):
        for p in ("W", "b"):
            key = p + str(l)
            updated[key] = np.subtract(parameters[key], learning_rate * grads["d" + key], out=parameters[key])
    return updated


@bug("update_parameters", "alpha = 0.0075 hard-coded in the body: the learning_rate argument is ignored",
     [r"ignor", r"hard-?coded", r"(fixed|constant) (step|learning)", r"0\.0075", r"learning_rate (argument )?(is )?(not used|unused)"])
def update_parameters(parameters, grads, learning_rate):
    alpha = 0.0075
    L = len(parameters) // 2
    updated = {}
    for l in range(1, L + 1):
        updated["W" + str(l)] = parameters["W" + str(l)] - alpha * grads["dW" + str(l)]
        updated["b" + str(l)] = parameters["b" + str(l)] - alpha * grads["db" + str(l)]
    return updated


@bug("update_parameters", "only W is updated; each b[l] is copied over unchanged",
     [r"\bb\d?\b.{0,40}(not|never) (updated|changed)", r"(bias|b\[l\]|b\d).{0,40}(unchanged|same|as (it|they) w(as|ere))", r"only W", r"(forgot|missing).{0,20}\bb\b"])
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    updated = {}
    for l in range(1, L + 1):
        updated["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        updated["b" + str(l)] = parameters["b" + str(l)]
    return updated


@correct("update_parameters", "dict(parameters) (a new dict holding the same arrays), each entry then replaced by a new array")
def update_parameters(parameters, grads, learning_rate):
    updated = dict(parameters)
    for l in range(1, len(parameters) // 2 + 1):
        updated[f"W{l}"] = updated[f"W{l}"] - learning_rate * grads[f"dW{l}"]
        updated[f"b{l}"] = updated[f"b{l}"] - learning_rate * grads[f"db{l}"]
    return updated


@correct("update_parameters", "copy.deepcopy, then np.subtract(..., out=) on the copies only")
def update_parameters(parameters, grads, learning_rate):
    updated = copy.deepcopy(parameters)
    for key in updated:
        np.subtract(updated[key], learning_rate * grads["d" + key], out=updated[key])
    return updated
