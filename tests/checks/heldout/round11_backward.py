"""Held-out learner code, round 11: the backward blocks and the update.

Written on 2026-12-03 by a helper (branch ``heldout11``) that did not read
dlkit/checks (the engine), docs/relations.md, docs/grading.md, BASELINE.md,
the catalogs or any report the checks print; common mistakes of the "step by
step" assignment in code shapes no earlier round used (many of them in an
intermediate variable), and rarer ones. No mutant, relation or hint of
dlkit.checks may be written from it (README.md, "Round 11").
"""
import numpy as np

from dlkit import linear_activation_backward, linear_backward, relu_backward, sigmoid, sigmoid_backward  # noqa: F401

from .registry import IN_PLACE
from .registry11 import bug, correct

# a demo cell's global, left in the learner's namespace
A = np.array([[0.2, 0.7, 0.5]])

# ---- linear_backward ------------------------------------------------------------------------


@bug("linear_backward", "m = W.shape[1]: n[l-1] (W's columns) where the number of examples m belongs, so dW and db are scaled by 1/n[l-1]",
     [r"(divided|scaled) by n\[l-1\]", r"n\[l-1\] (where|instead)", r"W'?s? (columns|shape)", r"number of (examples|columns of A)", r"(wrong|another) (m|count|divisor|factor)", r"(times|factor) too (large|small)"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = W.shape[1]
    dW = dZ @ A_prev.T / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = W.T @ dZ
    return dA_prev, dW, db


@bug("linear_backward", "db = dZ @ np.ones((m, 1)): the row sums, without the 1/m (dW is averaged, db is not)",
     [r"(missing|without|no) (the )?1 ?/ ?m", r"1 ?/ ?m (is )?missing", r"m times", r"too large", r"(not|never) averaged", r"(sum|total) (instead|not)", r"divid\w* by m"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    ones = np.ones((m, 1))
    dW = (dZ @ A_prev.T) / m
    db = dZ @ ones
    dA_prev = W.T @ dZ
    return dA_prev, dW, db


@bug("linear_backward", "a helper dZm = dZ / m is used for all three: dA_prev = W^T dZm carries a 1/m it must not have",
     [r"dA_prev.{0,40}(1 ?/ ?m|m times|too small|divided)", r"divided by m.{0,40}dA", r"dA\[l-1\] (is )?m times", r"m times too small", r"no 1 ?/ ?m", r"(extra|spurious) (1 ?/ ?m|factor)"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    dZm = dZ / A_prev.shape[1]
    dW = dZm @ A_prev.T
    db = dZm.sum(axis=1, keepdims=True)
    dA_prev = W.T @ dZm
    return dA_prev, dW, db


@bug("linear_backward", "dW summed over a for loop of outer products, then divided by i, the loop variable's last value m - 1 (0 when m = 1)",
     [r"m ?- ?1", r"loop variable", r"last (value|index)", r"off[- ]by[- ]one", r"(wrong|another) (divisor|count)", r"divided by (i|zero|0)"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.zeros(W.shape)
    for i in range(m):
        dW += np.outer(dZ[:, i], A_prev[:, i])
    with np.errstate(divide="ignore", invalid="ignore"):
        dW = dW / i
    db = np.sum(dZ, axis=1, keepdims=True) / m
    return W.T @ dZ, dW, db


@correct("linear_backward", "np.einsum for dW, dA_prev as (dZ^T W)^T")
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.einsum("im,jm->ij", dZ, A_prev) / m
    db = dZ.mean(axis=1).reshape(-1, 1)
    dA_prev = (dZ.T @ W).T
    return dA_prev, dW, db


@correct("linear_backward", "np.tensordot over the n[l] axis for dA_prev, 1/m folded into A_prev^T")
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = dZ.shape[1]
    dW = dZ @ (A_prev.T * (1 / m))
    db = np.add.reduce(dZ, axis=1, keepdims=True) / m
    dA_prev = np.tensordot(W, dZ, axes=([0], [0]))
    return dA_prev, dW, db


# ---- relu_backward --------------------------------------------------------------------------


@bug("relu_backward", "dZ = np.where(dA > 0, dA, 0): the mask is taken on dA (the gradient's sign) instead of on Z",
     [r"mask.{0,30}(dA|gradient)", r"(dA|gradient)'?s? sign", r"(on|from|of) dA (instead|where|rather)", r"Z (is )?(never|not) used", r"ignores Z", r"Z > 0 (belongs|where|instead)"])
def relu_backward(dA, Z):
    dZ = np.where(dA > 0, dA, 0)
    return dZ


@bug("relu_backward", "slope = np.sign(Z): -1 where Z < 0 instead of 0, so the negative entries pass -dA",
     [r"sign", r"\(-1\)|-1 (where|for|instead)", r"minus one", r"(negative|Z < 0).{0,40}(not|instead of) (0|zero)", r"flipp", r"-dA"])
def relu_backward(dA, Z):
    slope = np.sign(Z)
    return dA * slope


@bug("relu_backward", "dZ = np.zeros_like(dA), then a double loop only sets dZ[i, j] = 0 where Z <= 0: dA is never copied in, so dZ is all zeros",
     [r"(all|every(thing)?|only) zeros?", r"(never|not) (copied|used)", r"dA (is )?(never|not) (used|copied)", r"(always|entirely|identically) (0|zero)", r"zeros_like"])
def relu_backward(dA, Z):
    dZ = np.zeros_like(dA)
    rows, cols = Z.shape
    for i in range(rows):
        for j in range(cols):
            if Z[i, j] <= 0:
                dZ[i, j] = 0
    return dZ


@correct("relu_backward", "a copy of dA, then np.copyto(dZ, 0, where=Z <= 0)")
def relu_backward(dA, Z):
    dZ = dA.copy()
    np.copyto(dZ, 0, where=Z <= 0)
    return dZ


# ---- sigmoid_backward -----------------------------------------------------------------------


@bug("sigmoid_backward", "dZ = dA * s - s * s: the precedence multiplies dA by s only and subtracts s^2, not dA * (s - s^2)",
     [r"precedence", r"parenthes", r"s\^?2|s ?\*\* ?2|s squared", r"(subtract|minus)", r"dA \* s (only|alone)"])
def sigmoid_backward(dA, Z):
    s = sigmoid(Z)
    dZ = dA * s - s * s
    return dZ


@bug("sigmoid_backward", "the slope written exp(-Z) / (1 + exp(-Z))^2: right on paper, but exp(-Z) overflows for Z in the hundreds below 0 and inf / inf gives NaN",
     [r"overflow", r"\bnan\b", r"inf ?/ ?inf", r"large (negative )?\|?Z\|?", r"numerically (un)?stable", r"exp\(-?Z\) (is|becomes|gives) inf"])
def sigmoid_backward(dA, Z):
    e = np.exp(-Z)
    with np.errstate(over="ignore", invalid="ignore"):
        slope = e / (1 + e) ** 2
    return dA * slope


@bug("sigmoid_backward", "slope = 1 - np.tanh(Z) ** 2: the tanh's derivative where the sigmoid's s (1 - s) belongs",
     [r"tanh", r"(wrong|other) (activation|function)'?s? (slope|derivative)", r"s ?\(1 ?- ?s\) (belongs|where|instead)", r"derivative of (the )?tanh"])
def sigmoid_backward(dA, Z):
    slope = 1 - np.tanh(Z) ** 2
    return dA * slope


@bug("sigmoid_backward", "dZ = dA * A * (1 - A) with A the demo cell's global: the slope of the demo output, whatever Z is passed",
     [r"global", r"demo", r"Z (is )?(never|not) used", r"ignores Z", r"(same|fixed|constant) (slope|answer)", r"A (from|of) (the|a) (demo|notebook|earlier)"])
def sigmoid_backward(dA, Z):
    dZ = dA * A * (1 - A)
    return dZ


@correct("sigmoid_backward", "s (1 - s) = 1 / (2 + 2 cosh Z): cosh overflows to inf and the slope to exactly 0, the right limit")
def sigmoid_backward(dA, Z):
    with np.errstate(over="ignore"):
        slope = 1 / (2 + 2 * np.cosh(Z))
    return dA * slope


@correct("sigmoid_backward", "s and 1 - s from np.logaddexp (stable): 1 - s = sigmoid(-Z)")
def sigmoid_backward(dA, Z):
    s = np.exp(-np.logaddexp(0, -Z))
    one_minus_s = np.exp(-np.logaddexp(0, Z))
    return dA * s * one_minus_s


# ---- linear_activation_backward -------------------------------------------------------------


@bug("linear_activation_backward", "dZ is computed, then linear_backward(dA, linear_cache): dA where dZ belongs (the slope is skipped)",
     [r"dA (where|instead of|in place of) (the )?dZ", r"slope (is )?(skipped|missing|never applied)", r"dZ (is )?(never|not) used", r"without (the )?(slope|g')"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = relu_backward(dA, Z)  # noqa: F841
    else:
        dZ = sigmoid_backward(dA, Z)  # noqa: F841
    dA_prev, dW, db = linear_backward(dA, linear_cache)
    return dA_prev, dW, db


@bug("linear_activation_backward", "the sigmoid branch takes s from linear_cache[0]: A[l-1], the layer's input, where its output sigmoid(Z[l]) belongs",
     [r"A\[l-1\] (where|instead|as|in place)", r"A_prev", r"(layer'?s? )?input (where|instead)", r"linear_cache\[0\]", r"(wrong|previous) layer"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "sigmoid":
        s = linear_cache[0]
        dZ = dA * s * (1 - s)
    else:
        dZ = relu_backward(dA, Z)
    return linear_backward(dZ, linear_cache)


@bug("linear_activation_backward", "the linear_backward call is indented into the relu branch: with 'sigmoid' the results are never computed (UnboundLocalError)",
     [r"indent", r"(only|inside) (in )?the relu branch", r"never (computed|assigned)", r"(not|never) (defined|assigned)", r"sigmoid (branch|case) (never|does not|doesn'?t)"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = relu_backward(dA, Z)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, Z)  # noqa: F841
    return dA_prev, dW, db


@bug("linear_activation_backward", "return linear_backward(dZ, linear_cache),: the trailing comma wraps the three results in a 1-tuple",
     [r"trailing comma", r"(1|one)-?tuple", r"(one|single) (item|element|value)", r"tuple of (a )?tuple", r"nested", r"wrap"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    dZ = relu_backward(dA, Z) if activation == "relu" else sigmoid_backward(dA, Z)
    return linear_backward(dZ, linear_cache),


@bug("linear_activation_backward", "the test reads activation == 'Relu' (a capital R): it never matches, so every relu layer falls to the sigmoid branch",
     [r"capital", r"'Relu'", r"(never|does not|doesn'?t) match", r"(relu|hidden) (layers? )?(gets?|uses?|given|takes?) (the )?sigmoid", r"sigmoid'?s? (slope|derivative|branch) (for|on|where|instead)", r"typo"])
def linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Z = cache
    if activation == "Relu":
        dZ = dA * (Z > 0)
    else:
        s = 1 / (1 + np.exp(-Z))
        dZ = dA * s * (1 - s)
    m = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m, dZ.sum(axis=1, keepdims=True) / m


@correct("linear_activation_backward", "the slope function picked from a tuple indexed by a boolean")
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    g_backward = (relu_backward, sigmoid_backward)[activation == "sigmoid"]
    return linear_backward(g_backward(dA, Z), linear_cache)


# ---- model_backward -------------------------------------------------------------------------


@bug("model_backward", "dAL = -(np.divide(Y, AL) + np.divide(1 - Y, 1 - AL)): a + inside the parentheses where the - belongs",
     [r"sign", r"\+ (where|instead of) (the )?-", r"plus (where|instead)", r"dA\[L\] (has|with) (the )?wrong sign", r"sign of dA\[L\]", r"(second|1 ?- ?Y) term", r"minus"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) + np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA_prev, dW, db
    return grads


@bug("model_backward", "the hidden loop always reads grads['dA' + str(L - 1)] (capital L): every hidden layer gets dA[L-1] instead of its own dA[l]",
     [r"dA\[L-1\] (for|to|given to|passed to) every", r"(every|each) (hidden )?layer (gets|is given|uses) dA\[L-1\]", r"capital", r"typo", r"stale", r"(same|one) dA (for|to) every", r"\bL\b (where|instead of) \bl\b", r"(wrong|another) layer'?s? dA"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(Y / AL) + (1 - Y) / (1 - AL)
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        current = caches[l]
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(L - 1)], current, "relu")
        grads["dA" + str(l)] = dA_prev
        grads["dW" + str(l + 1)] = dW
        grads["db" + str(l + 1)] = db
    return grads


@bug("model_backward", "the hidden loop runs for l in range(L - 2, 0, -1) over cache indices: it stops before index 0, so layer 1 (dW1, db1, dA0) is never done",
     [r"layer 1", r"dW1", r"dA0", r"(first|bottom) layer", r"(stops|ends) (one )?(too early|before)", r"off[- ]by[- ]one", r"(dW1|db1|dA0) (is |are )?missing"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(Y / AL) + (1 - Y) / (1 - AL)
    dA, grads[f"dW{L}"], grads[f"db{L}"] = linear_activation_backward(dAL, caches[-1], "sigmoid")
    grads[f"dA{L - 1}"] = dA
    for l in range(L - 2, 0, -1):
        dA, grads[f"dW{l + 1}"], grads[f"db{l + 1}"] = linear_activation_backward(dA, caches[l], "relu")
        grads[f"dA{l}"] = dA
    return grads


@bug("model_backward", "dAL is divided by m 'to average': linear_backward averages again, so every dW and db is m times too small",
     [r"m times", r"too small", r"(extra|second|again|twice).{0,20}(1 ?/ ?m|divi|averag)", r"divided (twice|again|by m)", r"averaged (twice|again)"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    m = AL.shape[1]
    dAL = (-(Y / AL) + (1 - Y) / (1 - AL)) / m
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = linear_activation_backward(
            grads["dA" + str(l + 1)], caches[l], "relu")
    return grads


@bug("model_backward", "the caches are consumed with caches.pop() from the end: the numbers are right, but the caller's caches list is emptied",
     IN_PLACE + [r"pop", r"emptied", r"(caller'?s? )?caches (list )?(is |was )?(changed|modified|mutated|emptied)", r"mutat", r"empty"],
     contract="in place")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    for l in range(L, 0, -1):
        cache = caches.pop()
        dA, grads["dW" + str(l)], grads["db" + str(l)] = linear_activation_backward(dA, cache, "sigmoid" if l == L else "relu")
        grads["dA" + str(l - 1)] = dA
    return grads


@bug("model_backward", "one loop over the cache indices l = L-1..0 with 'sigmoid' if l == L else 'relu': l never equals L, so the output layer is back-propagated as relu",
     [r"(output|last) layer (gets|uses|given|is|with) (a |the )?relu", r"relu (slope )?(on|for|at) the (output|last)", r"never (equals|matches|true)", r"off[- ]by[- ]one", r"sigmoid (slope )?(is )?(never|missing)", r"wrong (activation|slope)"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    for l in reversed(range(L)):
        activation = "sigmoid" if l == L else "relu"
        dA, dW, db = linear_activation_backward(dA, caches[l], activation)
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA, dW, db
    return grads


@correct("model_backward", "dA[L] with np.divide written as one fraction (A[L] - Y) / (A[L] (1 - A[L])), then a while loop down the layers")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = np.divide(AL - Y, AL * (1 - AL))
    l = L
    while l >= 1:
        dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(dA, caches[l - 1], "sigmoid" if l == L else "relu")
        grads[f"dA{l - 1}"] = dA
        l -= 1
    return grads


# ---- update_parameters ----------------------------------------------------------------------


@bug("update_parameters", "copy-paste: b[l] is updated with learning_rate * dW[l], so b[l] becomes an (n[l], n[l-1]) array",
     [r"dW (where|instead of|for) (the )?(b|db)", r"db (is )?(never|not) used", r"copy[- ]paste", r"b'?s? shape", r"\(n\[l\], n\[l-1\]\)", r"wrong gradient"])
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    new = {}
    for l in range(1, L + 1):
        W, b = parameters["W" + str(l)], parameters["b" + str(l)]
        dW = grads["dW" + str(l)]
        new["W" + str(l)] = W - learning_rate * dW
        new["b" + str(l)] = b - learning_rate * dW
    return new


@bug("update_parameters", "a loop over range(L) reads W from str(l + 1) but b and db from str(l): the b's are looked up one layer low (b0, db0 do not exist)",
     [r"b0|db0", r"off[- ]by[- ]one", r"one (layer )?(too )?low", r"(layer|index) (numbers? )?(shifted|mixed)", r"str\(l\) (where|instead)", r"l ?\+ ?1 (where|instead|for)"])
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    updated = {}
    for l in range(L):
        updated["W" + str(l + 1)] = parameters["W" + str(l + 1)] - learning_rate * grads["dW" + str(l + 1)]
        updated["b" + str(l + 1)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return updated


@bug("update_parameters", "new_params = parameters (an alias, not a copy) and then new_params[key] = ...: the caller's dict gets the new arrays",
     IN_PLACE + [r"alias", r"(not|without) a copy", r"same dict", r"caller'?s? (dict|parameters)", r"mutat"], contract="in place")
def update_parameters(parameters, grads, learning_rate):
    new_params = parameters
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for p in ("W", "b"):
            new_params[p + str(l)] = parameters[p + str(l)] - learning_rate * grads["d" + p + str(l)]
    return new_params


@correct("update_parameters", "dict(map(...)) over the parameter items, each keyed gradient 'd' + key")
def update_parameters(parameters, grads, learning_rate):
    return dict(map(lambda kv: (kv[0], kv[1] - learning_rate * grads["d" + kv[0]]), parameters.items()))
