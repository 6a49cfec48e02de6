"""Held-out learner code, round 14: the backward blocks, model_backward and update_parameters.

Written on 2026-12-04 on commit 482eba5 by a helper (branch ``heldout14``) that
did not read dlkit/checks (the engine), docs/relations.md, docs/grading.md,
BASELINE.md, the catalogs, the engine's tests, other worktrees, the git history
of dlkit/checks or any report the checks print, and ran no measurement nor
``dlkit.checks.check``; only the instructor notebooks, DESIGN.md and dlkit's
reference blocks, and the one-line mistakes of the earlier rounds (to avoid
writing the same mistake in the same code shape). About a third of the bugs are
the everyday mistakes of this assignment, in fresh code shapes; the rest are
varied learner styles. No mutant, relation or hint of dlkit.checks may be
written from it (README.md, "Round 14").
"""
import numpy as np

from dlkit import linear_activation_backward, linear_backward, relu_backward, sigmoid, sigmoid_backward  # noqa: F401

from .registry import IN_PLACE, OVERFLOW
from .registry14 import bug, correct

# a demo cell's learning rate, left in the learner's namespace ("learning_rate = 0.1; update_parameters(...)")
learning_rate = 0.1

# ---- linear_backward ------------------------------------------------------------------------


@bug("linear_backward",
     "m = len(dZ): the number of rows n[l], not the number of examples, divides dW and db",
     [r"len\(dZ\)", r"(rows|units|n\[l\]) instead of (the )?(examples|columns|m)", r"(wrong|not the) (number of examples|m)\b",
      r"m ?= ?n\[l\]", r"(number of )?(units|rows) (as|for) m", r"(divid\w*|scaled?) by n\[l\]"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = len(dZ)
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@bug("linear_backward",
     "dW and db accumulated over a loop on the examples, but dA_prev assigned inside it: only the last example's "
     "column W^T dZ[:, m-1] is returned",
     [r"last (example|column)", r"one (example|column)", r"(only|single) (the )?(last )?(example|column)",
      r"\(n\[l-1\], 1\)", r"(overwritten|reassigned) (in|inside|each)", r"(assigned|computed) (inside|in) the loop"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.zeros_like(W)
    db = np.zeros_like(b)
    for i in range(m):
        dW += np.outer(dZ[:, i], A_prev[:, i])
        db += dZ[:, i:i + 1]
        dA_prev = W.T @ dZ[:, i:i + 1]
    return dA_prev, dW / m, db / m


@bug("linear_backward",
     "db = np.sum(dZ) / m * np.ones_like(b): one total over every unit and example, copied into each entry of db",
     [r"(every|each|all) (entry|entries|units?).{0,30}(same|equal)", r"(same|one) (value|number|total)",
      r"(without|no|missing) (an? )?axis", r"(total|whole|entire) (sum|array)", r"(all|every) (units|rows) (summed|together)",
      r"sum\w* over (everything|all (the )?(entries|units))"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = dZ @ A_prev.T / m
    db = np.sum(dZ) / m * np.ones_like(b)
    dA_prev = W.T @ dZ
    return dA_prev, dW, db


@bug("linear_backward",
     "the three gradients returned in a dict {'dA_prev': ..., 'dW': ..., 'db': ...} instead of the tuple",
     [r"\bdict", r"(not|instead of|rather than) (a |the )?tuple", r"three (values|items|arrays)", r"(tuple|three) expected"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    return {"dA_prev": W.T @ dZ,
            "dW": dZ @ A_prev.T / m,
            "db": dZ.sum(axis=1, keepdims=True) / m}


@correct("linear_backward", "all three by np.einsum, db by sum(axis=-1, keepdims=True)")
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.einsum("ik,jk->ij", dZ, A_prev) / m
    db = dZ.sum(axis=-1, keepdims=True) / m
    dA_prev = np.einsum("ji,jk->ik", W, dZ)
    return dA_prev, dW, db


@correct("linear_backward", "dW as a mean of per-example outer products, db by dZ @ ones((m, 1)) / m")
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = sum(np.outer(dZ[:, i], A_prev[:, i]) for i in range(m)) / m
    db = dZ @ np.ones((m, 1), dtype=dZ.dtype) / m
    dA_prev = W.T.dot(dZ)
    return dA_prev, dW, db


# ---- relu_backward --------------------------------------------------------------------------


@bug("relu_backward",
     "the mask taken where relu(Z) == Z: true at Z = 0 (and -0), so the slope at exactly 0 is 1, not 0",
     [r"(at|where) Z ?= ?0", r"(exactly|at) (zero|0)", r"Z ?>= ?0", r"slope (of|at) .{0,10}0", r"(includes|including) (zero|0)",
      r"relu\(Z\) ?== ?Z", r"(where|when) (A|relu\(Z\)|the output) (equals|==) Z"],
     contract="slope at 0")
def relu_backward(dA, Z):
    A = np.maximum(Z, 0)
    mask = A == Z
    return dA * mask


@bug("relu_backward",
     "np.maximum(dA, 0) * (Z > 0): the incoming gradient itself passed through a ReLU, its negative entries dropped",
     [r"(negative|sign of) (the )?(incoming )?(gradient|dA)", r"relu (of|on) dA", r"dA (itself )?(is |was )?(clipped|clamped|passed through (a )?relu)", r"max\(dA", r"np\.maximum\(dA",
      r"(drop|zero)\w* (the )?negative (gradient|dA|values|entries)", r"(mask|slope).{0,30}(on|of) dA"])
def relu_backward(dA, Z):
    return np.maximum(dA, 0) * (Z > 0)


@bug("relu_backward",
     "dZ summed over the examples (axis=1, keepdims=True), as if it were db: a (n[l], 1) column",
     [r"sum\w* over (the )?(examples|columns|m)", r"(collapsed|reduced|summed) (over|across|along|into)", r"\(n\[l\], 1\)", r"(one|a single) column",
      r"column (vector|sum)", r"db\b"])
def relu_backward(dA, Z):
    dZ = dA * (Z > 0)
    return dZ.sum(axis=1, keepdims=True)


@correct("relu_backward", "a copy of dA, zeroed entry by entry over enumerate(Z.flat)")
def relu_backward(dA, Z):
    dZ = np.array(dA, copy=True)
    for k, z in enumerate(Z.flat):
        if z <= 0:
            dZ.flat[k] = 0
    return dZ


@correct("relu_backward", "np.where(Z > 0, dA, 0.0)")
def relu_backward(dA, Z):
    return np.where(Z > 0, dA, 0.0)


# ---- sigmoid_backward -----------------------------------------------------------------------


@bug("sigmoid_backward",
     "dA * (1 - s): the factor s of the slope s (1 - s) left out",
     [r"missing (a |the )?(factor )?s\b", r"(only|just) (1 ?- ?s|one factor)", r"(factor|term) s (is )?missing",
      r"\(1 ?- ?s\) alone", r"without (the )?(factor )?s\b", r"(forgot|dropp|left out)\w* .{0,20}\bs\b",
      r"log.?sigmoid"])
def sigmoid_backward(dA, Z):
    s = sigmoid(Z)
    return dA * (1 - s)


@bug("sigmoid_backward",
     "dA multiplied in place by s and by 1 - s and returned: the caller's dA is overwritten with dZ",
     IN_PLACE + [r"(overwrit|chang|modif)\w* dA", r"dA (was|is) (changed|modified|overwritten)", r"\*="],
     contract="in place")
def sigmoid_backward(dA, Z):
    s = sigmoid(Z)
    dA *= s
    dA *= 1 - s
    return dA


@bug("sigmoid_backward",
     "the slope exp(-Z) / (1 + 2 exp(-Z) + exp(-Z)^2) with the square expanded: inf / inf = NaN for large negative Z",
     OVERFLOW + [r"inf ?/ ?inf", r"large negative", r"(very )?negative Z", r"not a number"])
def sigmoid_backward(dA, Z):
    e = np.exp(-Z)
    slope = e / (1 + 2 * e + e * e)
    return dA * slope


@bug("sigmoid_backward",
     "dA * s * (1 - dA): dA typed where the second s belongs",
     [r"1 ?- ?dA", r"dA (instead of|where|in place of|for) s", r"(second|other) factor", r"typo", r"wrong variable",
      r"dA (appears|used) twice"])
def sigmoid_backward(dA, Z):
    s = sigmoid(Z)
    return dA * s * (1 - dA)


@correct("sigmoid_backward", "1 - s written as 1 / (1 + exp(Z)): dZ = dA s / (1 + exp(Z))")
def sigmoid_backward(dA, Z):
    s = sigmoid(Z)
    with np.errstate(over="ignore"):
        return dA * s / (1 + np.exp(Z))


@correct("sigmoid_backward", "the slope is even: s taken at |Z|, which also never overflows")
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-np.abs(Z)))
    return dA * s * (1 - s)


# ---- linear_activation_backward -------------------------------------------------------------


@bug("linear_activation_backward",
     "the ReLU mask Z > 0, computed before the branch, multiplied into the sigmoid branch too",
     [r"mask.{0,40}sigmoid", r"sigmoid.{0,40}(mask|relu)", r"relu'?s? (mask|slope).{0,30}(sigmoid|both|also)",
      r"(both|two) slopes", r"(negative|non-positive) Z.{0,40}(zero|0)"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    mask = Z > 0
    if activation == "relu":
        dZ = dA * mask
    else:
        s = sigmoid(Z)
        dZ = dA * s * (1 - s) * mask
    return linear_backward(dZ, linear_cache)


@bug("linear_activation_backward",
     "linear_backward called once per example (m = 1 each) and the dW and db summed: both m times too large",
     [r"m times", r"1 ?/ ?m (is )?missing", r"(not|never) (averag|divid)\w*", r"(too large|larger) by (a factor of )?m",
      r"sum\w* instead of (the )?(mean|average)", r"(per|each|one) example"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    dZ = relu_backward(dA, Z) if activation == "relu" else sigmoid_backward(dA, Z)
    A_prev, W, b = linear_cache
    parts = [linear_backward(dZ[:, [j]], (A_prev[:, [j]], W, b)) for j in range(dZ.shape[1])]
    dA_prev = np.hstack([p[0] for p in parts])
    dW = sum(p[1] for p in parts)
    db = sum(p[2] for p in parts)
    return dA_prev, dW, db


@bug("linear_activation_backward",
     "dZ = dA * g(Z): the activation's value (relu(Z) or sigmoid(Z)) used where its slope belongs",
     [r"(activation|g\(Z\)|output|value)\S* (itself )?(instead of|rather than|not) (its |the )?(derivative|slope|gradient)",
      r"(used|multipl\w*) (by )?(the )?(activation|output|relu\(Z\)|sigmoid\(Z\))", r"(value|output) of (the )?activation",
      r"not (its |the )?(derivative|slope)"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    g = np.maximum(Z, 0) if activation == "relu" else sigmoid(Z)
    dZ = dA * g
    return linear_backward(dZ, linear_cache)


@bug("linear_activation_backward",
     "the cached Z zeroed in place (Z[Z <= 0] = 0) to build the ReLU mask: the caller's cache is changed",
     IN_PLACE + [r"(overwrit|chang|modif)\w* (the )?(cached )?Z", r"cache (was|is) (changed|modified)", r"Z\[Z ?<=? ?0\]"],
     contract="in place")
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        Z[Z <= 0] = 0
        dZ = dA * (Z > 0)
    else:
        dZ = sigmoid_backward(dA, Z)
    return linear_backward(dZ, linear_cache)


@bug("linear_activation_backward",
     "an inline linear step with db = mean over the examples but dW = dZ A_prev^T without the 1/m",
     [r"m times", r"1 ?/ ?m (is )?missing", r"dW.{0,40}(not|never) (averag|divid|scaled)", r"(too large|larger) by (a factor of )?m",
      r"(forgot|missing|without) (the )?(1 ?/ ?m|division|averag)"])
def linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Z = cache
    if activation == "relu":
        dZ = dA * (Z > 0)
    else:
        s = sigmoid(Z)
        dZ = dA * s * (1 - s)
    db = np.mean(dZ, axis=1, keepdims=True)
    dW = dZ @ A_prev.T
    dA_prev = W.T @ dZ
    return dA_prev, dW, db


@correct("linear_activation_backward", "a dict of slope lambdas, the slope multiplied in, dlkit's linear_backward")
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    slopes = {"relu": lambda z: (z > 0).astype(z.dtype),
              "sigmoid": lambda z: sigmoid(z) * (1 - sigmoid(z))}
    dZ = dA * slopes[activation](Z)
    return linear_backward(dZ, linear_cache)


@correct("linear_activation_backward", "the cache unpacked through reversed(cache) as (Z, linear_cache)")
def linear_activation_backward(dA, cache, activation):
    Z, linear_cache = reversed(cache)
    if activation == "sigmoid":
        dZ = sigmoid_backward(dA, Z)
    elif activation == "relu":
        dZ = relu_backward(dA, Z)
    return linear_backward(dZ, linear_cache)


# ---- model_backward -------------------------------------------------------------------------


def _dAL(AL, Y):
    return -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))


@bug("model_backward",
     "the hidden loop takes caches[L - l], counting the caches from the wrong end (layer L's cache for layer 1)",
     [r"caches\[L ?- ?l\]", r"(wrong|other) layer'?s? cache", r"cache.{0,30}(index|order|revers|mirror|wrong end)",
      r"(reversed|mirrored) (order|index)", r"(from|at) the wrong end", r"caches\[l ?- ?1\] (is|for) layer"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = _dAL(AL, Y)
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in range(L - 1, 0, -1):
        current_cache = caches[L - l]
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = \
            linear_activation_backward(grads["dA" + str(l)], current_cache, "relu")
    return grads


@bug("model_backward",
     "grads[l] = linear_activation_backward(...): each layer's (dA_prev, dW, db) tuple stored under the integer l",
     [r"(int|integer|number|numeric) keys", r"tuples? (as|for|stored as) (values|grads|entries)", r"keys? (should|must) be",
      r"(nested|tuple) (values|entries)", r"'dW1'|\"dW1\"", r"grads\[l\]"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    grads[L] = linear_activation_backward(_dAL(AL, Y), caches[L - 1], "sigmoid")
    for l in range(L - 1, 0, -1):
        grads[l] = linear_activation_backward(grads[l + 1][0], caches[l - 1], "relu")
    return grads


@bug("model_backward",
     "the hidden loop always passes dA_prev from the output layer's step: every hidden layer gets dA[L-1]",
     [r"stale", r"(never|not) (updated|advanced|reassigned)", r"(same|output layer'?s?) dA",
      r"(every|each|all) (hidden )?layers?.{0,40}(same|dA\[L-1\])", r"(previous|next) layer'?s? (dA|gradient)"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dA_prev, dW, db = linear_activation_backward(_dAL(AL, Y), caches[L - 1], "sigmoid")
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = dA_prev, dW, db
    for l in range(L - 1, 0, -1):
        dA, dW, db = linear_activation_backward(dA_prev, caches[l - 1], "relu")
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = dA, dW, db
    return grads


@bug("model_backward",
     "dA[L] filled by a loop over range(AL.shape[0]) (one row): only the first example gets its gradient, the rest stay 0",
     [r"(only|just) (the )?first (example|column|entry)", r"(other|remaining|later) (examples|columns|entries).{0,30}(zero|0)",
      r"shape\[0\]", r"rows instead of (the )?columns", r"loop.{0,40}(rows|shape\[0\]|one example)",
      r"(not|never) (all|every) (the )?(examples|columns)"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = np.zeros_like(AL)
    for j in range(AL.shape[0]):
        dAL[0, j] = -(Y[0, j] / AL[0, j]) + (1 - Y[0, j]) / (1 - AL[0, j])
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(1, L)):
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = \
            linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")
    return grads


@bug("model_backward",
     "dA[L] stored in grads as well ('dA' + str(L)): an extra key beyond dA0..dA{L-1}",
     [r"\bextra\b", r"(should not|shouldn't|must not|need not) (hold|contain|store|have|include)",
      r"too many (keys|entries|gradients)", r"(stor\w*|kept|keep\w*|includ\w*) dA.{0,30}(output|L\b)",
      r"(one|a) key too many"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    grads["dA" + str(L)] = _dAL(AL, Y)
    for l in range(L, 0, -1):
        activation = "sigmoid" if l == L else "relu"
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = \
            linear_activation_backward(grads["dA" + str(l)], caches[l - 1], activation)
    return grads


@bug("model_backward",
     "dA[L] built with np.dot(Y, 1 / AL.T) and np.dot(1 - Y, 1 / (1 - AL).T): one (1, 1) number summed over the "
     "examples, broadcast to every example",
     [r"np\.dot", r"(matrix|dot|inner) product", r"(a|one) (single )?number", r"\(1, ?1\)", r"summed over (the )?examples",
      r"(every|each|all) (examples?|entries).{0,30}(same|equal)", r"element-?wise"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -np.dot(Y, 1 / AL.T) + np.dot(1 - Y, 1 / (1 - AL).T)
    dAL = dAL * np.ones_like(AL)
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in range(L - 1, 0, -1):
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = \
            linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")
    return grads


@correct("model_backward", "one loop from L down to 1 over a list of activations, a running dA")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    activations = ["relu"] * (L - 1) + ["sigmoid"]
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    for l in range(L, 0, -1):
        dA, dW, db = linear_activation_backward(dA, caches[l - 1], activations[l - 1])
        grads[f"dA{l - 1}"] = dA
        grads[f"dW{l}"] = dW
        grads[f"db{l}"] = db
    return grads


@correct("model_backward", "dA[L] as (1 - Y)/(1 - AL) - Y/AL, each layer's results put in by grads.update(zip(...))")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dA = (1 - Y) / (1 - AL) - Y / AL
    for l in reversed(range(1, L + 1)):
        result = linear_activation_backward(dA, caches[l - 1], "sigmoid" if l == L else "relu")
        grads.update(zip((f"dA{l - 1}", f"dW{l}", f"db{l}"), result))
        dA = result[0]
    return grads


# ---- update_parameters ----------------------------------------------------------------------


@bug("update_parameters",
     "each array overwritten through a slice, parameters[key][:] = ...: the caller's arrays are updated in place",
     IN_PLACE + [r"\[:\] ?=", r"slice (assignment|assign)", r"(overwrit|chang|modif)\w* (the )?(caller'?s? )?(arrays|parameters)",
                 r"(same|original) (arrays|dict)"],
     contract="in place")
def update_parameters(parameters, grads, learning_rate):
    for key in parameters:
        parameters[key][:] = parameters[key] - learning_rate * grads["d" + key]
    return parameters


@bug("update_parameters",
     "the argument renamed alpha, while the body reads the demo cell's global learning_rate (0.1)",
     [r"global", r"demo", r"(ignor|not us)\w* (the )?(given |passed )?(argument|parameter|learning.?rate|alpha)",
      r"(fixed|hard-?coded|constant|same) (learning )?rate", r"learning.?rate.{0,40}(ignored|not used|wrong|fixed)",
      r"(step|rate) (does not|doesn't|never) (change|scale|depend)"])
def update_parameters(parameters, grads, alpha):
    L = len(parameters) // 2
    updated = {}
    for l in range(1, L + 1):
        updated["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        updated["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return updated


@bug("update_parameters",
     "each update built as a Python list of rows, [w - lr * g for w, g in zip(W, dW)], never turned back into an array",
     [r"\blist\b", r"(not|instead of) (an? )?(numpy )?(array|ndarray)", r"np\.array", r"(array|ndarray) expected"])
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    updated = {}
    for l in range(1, L + 1):
        for p in ("W", "b"):
            key = p + str(l)
            updated[key] = [row - learning_rate * g for row, g in zip(parameters[key], grads["d" + key])]
    return updated


@bug("update_parameters",
     "every b[l] stepped with grads['db' + str(L)], the output layer's (1, 1) db broadcast down each column",
     [r"db\{?L\}?\b", r"(output|last) layer'?s? (db|gradient|bias)", r"(every|each|all) (layer|b|bias)\w*.{0,40}(same|one) (db|gradient)",
      r"(wrong|same) (layer|index|key)", r"broadcast\w* (a|the) \(1, ?1\)", r"str\(L\)"])
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    updated = {}
    for l in range(1, L + 1):
        updated["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        updated["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(L)]
    return updated


@correct("update_parameters", "a dict comprehension over parameters.items()")
def update_parameters(parameters, grads, learning_rate):
    return {key: value - learning_rate * grads["d" + key] for key, value in parameters.items()}


@correct("update_parameters", "nested loops over layers and 'Wb', np.add with the negated step")
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    updated = {}
    for l in range(1, L + 1):
        for p in "Wb":
            updated[f"{p}{l}"] = np.add(parameters[f"{p}{l}"], -learning_rate * grads[f"d{p}{l}"])
    return updated
