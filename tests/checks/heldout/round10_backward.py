"""Held-out learner code, round 10: the backward blocks and the update.

Written on 2026-12-03 by a helper (branch ``heldout10``) that did not read
dlkit/checks (the engine), docs/relations.md, docs/grading.md, BASELINE.md,
the catalogs or any report the checks print; common mistakes of the "step by
step" assignment in code shapes no earlier round used (many of them in an
intermediate variable), and rarer ones. No mutant, relation or hint of
dlkit.checks may be written from it (README.md, "Round 10").
"""
import copy

import numpy as np

from dlkit import linear_activation_backward, linear_backward, relu_backward, sigmoid, sigmoid_backward  # noqa: F401

from .registry import IN_PLACE, UNPACK
from .registry10 import bug, correct

# ---- linear_backward ------------------------------------------------------------------------


@bug("linear_backward", "dW = np.outer(dZ, A_prev) / m: np.outer flattens both arrays, an (n[l] m, n[l-1] m) block, instead of the product summed over the examples",
     [r"outer", r"flatten", r"sum(med)? over (the )?examples", r"matrix product", r"np\.dot|@"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.outer(dZ, A_prev) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = W.T @ dZ
    return dA_prev, dW, db


@bug("linear_backward", "dA_prev = np.dot(dZ.T, W): the (m, n[l-1]) transpose of dA[l-1] (the final .T of (dZ^T W)^T is missing)",
     [r"transpos", r"\(m, n\[l-1\]\)", r"rows and columns", r"(examples|columns) (in|as) rows"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(dZ.T, W)
    return dA_prev, dW, db


@bug("linear_backward", "A_prev, W = linear_cache[1:]: the slice starts one item late, so W is taken as A[l-1] and b as W",
     UNPACK + [r"linear_cache\[1:\]", r"slice", r"off[- ]by[- ]one", r"\bb\b (as|where|instead of) W", r"W (as|where|instead of) A", r"(wrong|first) (item|element)"])
def linear_backward(dZ, linear_cache):
    A_prev, W = linear_cache[1:]
    m = dZ.shape[1]
    dW = dZ @ A_prev.T / m
    db = dZ.sum(axis=1, keepdims=True) / m
    dA_prev = W.T @ dZ
    return dA_prev, dW, db


@bug("linear_backward", "db = np.sum(dW, axis=1, keepdims=True) / m: dW where dZ belongs in the sum for db",
     [r"dW (where|instead)", r"from dW", r"sum of dW", r"dZ (belongs|where|instead)", r"(rows|entries) of dW"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dW, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@correct("linear_backward", "db as dZ.mean(axis=1, keepdims=True)")
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = dZ @ A_prev.T / m
    db = dZ.mean(axis=1, keepdims=True)
    dA_prev = W.T @ dZ
    return dA_prev, dW, db


@correct("linear_backward", "dW as the sum over examples of the outer products of the columns, then / m")
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = sum(np.outer(dZ[:, i], A_prev[:, i]) for i in range(m)) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


# ---- relu_backward --------------------------------------------------------------------------


@bug("relu_backward", "a double loop with range(dZ.shape[0]) for both indices: only the first n[l] columns are masked (IndexError when m < n[l])",
     [r"shape\[0\]", r"(columns|examples) (beyond|past|after)", r"not (all|every) (the )?(examples|columns)", r"(some|later|last) (columns|examples)", r"loop (bound|range)", r"range\("])
def relu_backward(dA, Z):
    dZ = np.array(dA, copy=True)
    for i in range(dZ.shape[0]):
        for j in range(dZ.shape[0]):
            if Z[i, j] <= 0:
                dZ[i, j] = 0
    return dZ


@bug("relu_backward", "mask = Z > 0 is computed, then dZ = dA * Z (a slip of one name): dA multiplied by Z itself, not by the 0/1 mask",
     [r"(multiplied|times|multiplies) by Z", r"Z (itself|instead|where)", r"\bdA \* Z\b", r"mask (is )?(never|not) used", r"(0|zero)s? (and|or) (1|one)s?", r"instead of (its|the) slope"])
def relu_backward(dA, Z):
    mask = Z > 0  # noqa: F841
    dZ = dA * Z
    return dZ


@bug("relu_backward", "mask = Z != 0: the negative Z pass the gradient too (the slope is taken as 1 wherever Z is not 0)",
     [r"negative (Z|entries|values|inputs)", r"Z ?!= ?0", r"(where|for) Z ?(<|is negative)", r"non-?zero", r"Z < 0"])
def relu_backward(dA, Z):
    mask = Z != 0
    return dA * mask


@correct("relu_backward", "a loop over np.ndindex(Z.shape) on a copy of dA")
def relu_backward(dA, Z):
    dZ = np.array(dA, copy=True)
    for idx in np.ndindex(Z.shape):
        if Z[idx] <= 0:
            dZ[idx] = 0
    return dZ


# ---- sigmoid_backward -----------------------------------------------------------------------


@bug("sigmoid_backward", "ds = s * (1 - s) then ds.mean(axis=1, keepdims=True): the slope averaged over the examples, one per unit, instead of each example's own",
     [r"averag", r"\bmean\b", r"(over|across) (the )?examples", r"(each|every) example'?s? own", r"per (example|entry)"])
def sigmoid_backward(dA, Z):
    s = sigmoid(Z)
    ds = s * (1 - s)
    ds = ds.mean(axis=1, keepdims=True)
    return dA * ds


@bug("sigmoid_backward", "dZ = dA + ds: the slope added to dA instead of multiplied",
     [r"add(ed|s)? (instead|where|to)", r"instead of multipl", r"sum (instead|where)", r"\+ (instead|where)", r"plus"])
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    ds = s * (1 - s)
    dZ = dA + ds
    return dZ


@bug("sigmoid_backward", "np.multiply(s, 1 - s, out=Z): the slope is written into the caller's Z (the cache's Z is changed in place), though dZ is right",
     IN_PLACE + [r"out=", r"overwr", r"(changed|modified|mutated) Z", r"Z (was|is) (changed|modified|overwritten)"], contract="in place")
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    ds = np.multiply(s, 1 - s, out=Z)
    return dA * ds


@correct("sigmoid_backward", "s = 1 / (1 + exp(Z)) is 1 - sigmoid(Z), and s (1 - s) is the same either way round")
def sigmoid_backward(dA, Z):
    with np.errstate(over="ignore"):
        s = 1 / (1 + np.exp(Z))
    return dA * s * (1 - s)


@correct("sigmoid_backward", "1 - s written as sigmoid(-Z)")
def sigmoid_backward(dA, Z):
    return dA * sigmoid(Z) * sigmoid(-Z)


# ---- linear_activation_backward -------------------------------------------------------------


@bug("linear_activation_backward", "the relu branch calls relu_backward(dZ, Z), a typo for dA: dZ is not yet assigned there (UnboundLocalError)",
     [r"dZ (before|is used before|unbound|not (yet )?(defined|assigned))", r"before (it is )?(assigned|defined|computed)", r"typo", r"dA (where|belongs|instead)", r"(not|never) (yet )?(assigned|defined)"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dZ, activation_cache)  # noqa: F821
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db


@bug("linear_activation_backward", "Z = cache[0][1]: the second item of the linear cache (W[l]) taken as Z",
     [r"cache\[0\]\[1\]", r"W (as|where|instead of) Z", r"(wrong|second) (item|element)", r"linear.?cache'?s? (second|W)", r"cache\[1\]"])
def linear_activation_backward(dA, cache, activation):
    linear_cache = cache[0]
    Z = cache[0][1]
    if activation == "relu":
        dZ = relu_backward(dA, Z)
    else:
        dZ = sigmoid_backward(dA, Z)
    return linear_backward(dZ, linear_cache)


@bug("linear_activation_backward", "grads = linear_backward(...); return grads[0], grads[1], grads[1]: a copy-paste index, dW is returned in db's place",
     [r"dW (as|where|instead of|for|in place of) db", r"db (is|was) dW", r"(twice|same) (item|gradient|array)", r"\[1\].{0,20}\[1\]", r"copy-?paste", r"db.{0,40}dW"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    dZ = relu_backward(dA, Z) if activation == "relu" else sigmoid_backward(dA, Z)
    grads = linear_backward(dZ, linear_cache)
    return grads[0], grads[1], grads[1]


@bug("linear_activation_backward", "the sigmoid slope written inline as s * sigmoid(1 - Z): the 1 - put inside the sigmoid, where 1 - sigmoid(Z) belongs",
     [r"sigmoid\(1 ?- ?Z\)", r"inside the sigmoid", r"1 ?- ?sigmoid\(Z\) (where|instead|belongs)", r"parenthes", r"argument of (the )?sigmoid"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "sigmoid":
        s = sigmoid(Z)
        dZ = dA * s * sigmoid(1 - Z)
    else:
        dZ = relu_backward(dA, Z)
    return linear_backward(dZ, linear_cache)


@bug("linear_activation_backward", "return dA_prev, dW, db, dZ: dZ left in the return from debugging, four items instead of three",
     [r"four (items|values|things|results)", r"(extra|fourth) (item|value|result)", r"dZ (too|as well|also)", r"(one|an) item too many"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    else:
        dZ = sigmoid_backward(dA, activation_cache)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db, dZ


@correct("linear_activation_backward", "both slopes written inline, then linear_backward")
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = dA * (Z > 0)
    else:
        s = 1 / (1 + np.exp(-Z))
        dZ = dA * s * (1 - s)
    return linear_backward(dZ, linear_cache)


@correct("linear_activation_backward", "the slope chosen with {'relu': relu_backward}.get(activation, sigmoid_backward)")
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    backward = {"relu": relu_backward}.get(activation, sigmoid_backward)
    dA_prev, dW, db = linear_backward(backward(dA, Z), linear_cache)
    return dA_prev, dW, db


# ---- model_backward -------------------------------------------------------------------------


@bug("model_backward", "dAL = (AL - Y) / AL * (1 - AL): the precedence divides by A[L] and then multiplies by (1 - A[L]), where the whole A[L] (1 - A[L]) is the denominator",
     [r"precedence", r"parenthes", r"bracket", r"multipl(ies|ied|y) by \(?1 ?- ?A", r"denominator"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = (AL - Y) / AL * (1 - AL)
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in range(L - 1, 0, -1):
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = \
            linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")
    return grads


@bug("model_backward", "L = len(caches) - 1 'not counting the input': the output step uses caches[L-1] of layer L-1, and the keys stop a layer short",
     [r"number of layers", r"len\(caches\)", r"(one|a) layer (too )?(few|short|early)", r"off[- ]by[- ]one", r"(output|last) layer"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches) - 1
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    dA_prev, dW, db = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = dA_prev, dW, db
    for l in range(L - 1, 0, -1):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = dA_prev, dW, db
    return grads


@bug("model_backward", "written inline, dZ = grads['dA' + str(l)] then dZ *= (Z > 0): an alias, so the stored dA[l] is overwritten with dZ[l]",
     IN_PLACE + [r"alias", r"overwr", r"dA\[?\d?\]? (holds|is|became|was) (replaced|dZ)", r"stored dA", r"dZ (instead|where)", r"same array"])
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
            dZ = grads["dA" + str(l - 1)]
            dZ *= caches[l - 2][1] > 0
    return grads


@bug("model_backward", "grads.update(zip(['dA', 'dW', 'db'], ...)): the keys carry no layer number, so every layer overwrites the same three entries",
     [r"layer numbers?", r"without (the|a) (layer|number|index)", r"(keys|names) (lack|miss|without)", r"overwr", r"(same|one) (three )?(keys|entries)", r"not numbered", r"suffix"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    for l in range(L, 0, -1):
        activation = "sigmoid" if l == L else "relu"
        results = linear_activation_backward(dA, caches[l - 1], activation)
        grads.update(zip(["dA", "dW", "db"], results))
        dA = results[0]
    return grads


@bug("model_backward", "caches[-l] in the hidden loop (counting from the end) where caches[l - 1] belongs: each hidden layer gets another layer's cache",
     [r"caches\[-l\]", r"(counting|counted|indexed) from the end", r"negative ind", r"(wrong|another|other) layer'?s? cache", r"cache of (layer|another)"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(Y / AL) + (1 - Y) / (1 - AL)
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[-1], "sigmoid")
    for l in reversed(range(1, L)):
        cache = caches[-l]
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = \
            linear_activation_backward(grads["dA" + str(l)], cache, "relu")
    return grads


@bug("model_backward", "a while loop running while l >= 0: one layer too many, a layer 0 is stepped back with caches[-1] (the output layer's cache)",
     [r"(one|a) layer too many", r"layer 0", r"off[- ]by[- ]one", r"(extra|unexpected) (key|layer)", r"dW0|dA-1", r"caches\[-1\]", r"l ?>= ?0"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    l = L
    while l >= 0:
        activation = "sigmoid" if l == L else "relu"
        dA, dW, db = linear_activation_backward(dA, caches[l - 1], activation)
        grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = dA, dW, db
        l -= 1
    return grads


@correct("model_backward", "one loop over reversed(range(L)) with caches[l], the activation picked by l == L - 1, the keys from l and l + 1")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in reversed(range(L)):
        dA, dW, db = linear_activation_backward(dA, caches[l], "sigmoid" if l == L - 1 else "relu")
        grads["dA" + str(l)] = dA
        grads["dW" + str(l + 1)] = dW
        grads["db" + str(l + 1)] = db
    return grads


@correct("model_backward", "written inline from the shortcut, each hidden mask taken from A[l] > 0 (A[l] is cached as layer l+1's input, and it is > 0 exactly where Z[l] is)")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    m = AL.shape[1]
    dZ = AL - Y
    for l in range(L, 0, -1):
        (A_prev, W, b), _ = caches[l - 1]
        grads[f"dW{l}"] = np.dot(dZ, A_prev.T) / m
        grads[f"db{l}"] = np.sum(dZ, axis=1, keepdims=True) / m
        grads[f"dA{l - 1}"] = np.dot(W.T, dZ)
        dZ = grads[f"dA{l - 1}"] * (A_prev > 0)
    return grads


@correct("model_backward", "dA[L] written over one denominator, (A[L] - Y) / (A[L] (1 - A[L]))")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = (AL - Y) / (AL * (1 - AL))
    current = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = current
    for l in range(L - 1, 0, -1):
        current = linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = current
    return grads


# ---- update_parameters ----------------------------------------------------------------------


@bug("update_parameters", "read from str(l + 1) but stored under str(l) in a loop over range(L): the updated layers come back as W0..W(L-1)",
     [r"(keys?|stored).{0,30}(shift|off|wrong|lower)", r"W0|b0", r"off[- ]by[- ]one", r"numbered from (0|zero)", r"(one|a) (layer|key|number) (lower|down|too low)"])
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    new = {}
    for l in range(L):
        new["W" + str(l)] = parameters["W" + str(l + 1)] - learning_rate * grads["dW" + str(l + 1)]
        new["b" + str(l)] = parameters["b" + str(l + 1)] - learning_rate * grads["db" + str(l + 1)]
    return new


@bug("update_parameters", "b + learning_rate * db: the bias steps uphill (a + where the - belongs), W is right",
     [r"\bb\b.{0,40}(added|plus|ascent|sign|uphill)", r"\bsign\b", r"(added|adds) (instead|rather)", r"ascent", r"uphill", r"\+ (instead|where)"])
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    new = {}
    for l in range(1, L + 1):
        new["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        new["b" + str(l)] = parameters["b" + str(l)] + learning_rate * grads["db" + str(l)]
    return new


@bug("update_parameters", "zip(sorted(parameters), sorted(grads)): grads also holds the dA keys, so the sorted lists pair each parameter with the wrong gradient",
     [r"sorted", r"dA\d? (keys|gradients|entries)", r"pair(ed|s|ing)? .{0,30}wrong", r"(wrong|mismatch(ed)?) (gradient|key)", r"dA\d", r"activation gradients"])
def update_parameters(parameters, grads, learning_rate):
    new = {}
    for key, gkey in zip(sorted(parameters), sorted(grads)):
        new[key] = parameters[key] - learning_rate * grads[gkey]
    return new


@correct("update_parameters", "L counted as the number of W keys, sum(k.startswith('W') for k in parameters)")
def update_parameters(parameters, grads, learning_rate):
    L = sum(k.startswith("W") for k in parameters)
    updated = {}
    for l in range(1, L + 1):
        updated["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        updated["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return updated


@correct("update_parameters", "copy.deepcopy(parameters), then -= on the copies")
def update_parameters(parameters, grads, learning_rate):
    params = copy.deepcopy(parameters)
    L = len(params) // 2
    for l in range(1, L + 1):
        params["W" + str(l)] -= learning_rate * grads["dW" + str(l)]
        params["b" + str(l)] -= learning_rate * grads["db" + str(l)]
    return params
