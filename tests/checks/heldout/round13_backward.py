"""Held-out learner code, round 13: the backward blocks, model_backward and update_parameters.

Written on 2026-12-04 on commit 364245e by a helper (branch ``heldout13``) that
did not read dlkit/checks (the engine), docs/relations.md, docs/grading.md,
BASELINE.md, the catalogs, the engine's tests, other worktrees, the git history
of dlkit/checks or any report the checks print, and ran no measurement nor
``dlkit.checks.check``; only the instructor notebooks, DESIGN.md and dlkit's
reference blocks, and the one-line mistakes of the earlier rounds (to avoid
writing the same mistake in the same code shape). About a third of the bugs are
the everyday mistakes of this assignment, in fresh code shapes; many sit in an
intermediate variable rather than in the return line. No mutant, relation or
hint of dlkit.checks may be written from it (README.md, "Round 13").
"""
import copy

import numpy as np
import scipy.special

from dlkit import linear_activation_backward, linear_backward, relu_backward, sigmoid, sigmoid_backward  # noqa: F401

from .registry import IN_PLACE, OVERFLOW, UNPACK
from .registry13 import bug, correct

# a demo cell's Z, left in the learner's namespace ("Z = np.random.randn(3, 4)")
Z = np.array([[1.0, -2.0, 0.5, 3.0], [-1.0, 2.0, -0.5, 0.0], [0.3, -0.3, 4.0, -4.0]])

# ---- linear_backward ------------------------------------------------------------------------


@bug("linear_backward",
     "db = np.add.reduce(dZ, axis=1) / m: no keepdims, so db is 1-D (n[l],) instead of (n[l], 1)",
     [r"1-D", r"without keepdims", r"keepdims.{0,20}(missing|forgot|lost|dropped)", r"(lost|lose)\w* .{0,30}(dimension|column)", r"\(n\[l\],\)", r"flat", r"reshape"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.add.reduce(dZ, axis=1) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@bug("linear_backward",
     "dA_prev = np.matmul(W, dZ): W where W.T belongs (it only runs when W is square)",
     [r"W\.T", r"W\^T", r"transpos", r"(wrong|other) way round", r"not W\b"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    back = np.matmul(W, dZ)
    return back, dW, db


@bug("linear_backward",
     "the linear cache unpacked as A_prev, b, W: W and b swapped",
     UNPACK + [r"swapp", r"(W|b) and (b|W).{0,30}(swapp|exchang|order|place)", r"cache.{0,40}order"])
def linear_backward(dZ, linear_cache):
    A_prev, b, W = linear_cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@bug("linear_backward",
     "dW = dZ * A_prev.T / m: an element-wise product that broadcasts into the outer product only when m = 1",
     [r"element-?wise", r"np\.multiply", r"not a matrix product", r"matrix product", r"np\.dot", r"broadcast\w* into",
      r"outer product"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = dZ * A_prev.T / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@correct("linear_backward", "np.divide of the .dot product, db from np.mean reshaped to a column, W.T.dot(dZ)")
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    dW = np.divide(dZ.dot(A_prev.T), A_prev.shape[1])
    db = np.mean(dZ, axis=1).reshape(-1, 1)
    dA_prev = W.T.dot(dZ)
    return dA_prev, dW, db


@correct("linear_backward", "the transposed products (A_prev dZ^T)^T and (dZ^T W)^T, db by [:, None]")
def linear_backward(dZ, linear_cache):
    A_prev, W, _ = linear_cache
    m = dZ.shape[1]
    dW = (A_prev @ dZ.T).T / m
    db = dZ.sum(axis=1)[:, None] / m
    dA_prev = (dZ.T @ W).T
    return dA_prev, dW, db


# ---- relu_backward --------------------------------------------------------------------------


@bug("relu_backward",
     "dZ = dA.reshape(Z.shape) as the 'copy': reshape returns a view, so zeroing dZ[Z <= 0] zeroes the caller's dA",
     IN_PLACE + [r"view", r"reshape", r"alias", r"same array", r"(changed|modified|mutated|zeroed) dA", r"no copy"],
     contract="in place")
def relu_backward(dA, Z):
    dZ = dA.reshape(Z.shape)
    dZ[Z <= 0] = 0
    return dZ


@bug("relu_backward",
     "np.heaviside(Z, 1): the slope at Z = 0 taken as 1 (the notebook picks 0)",
     [r"Z ?= ?0", r"at (exactly )?(0|zero)", r"heaviside", r"Z ?>= ?0", r"slope (of )?1 at", r"(zero|0) entries"],
     contract="slope at 0")
def relu_backward(dA, Z):
    step = np.heaviside(Z, 1)
    return dA * step


@bug("relu_backward",
     "a masking loop over range(Z.shape[1] - 1): the last column (example) is never masked",
     [r"last (column|example)", r"off by one", r"(one|a) (column|example) (short|missed|left)", r"range\(.{0,20}- ?1\)",
      r"(never|not) masked"])
def relu_backward(dA, Z):
    dZ = np.array(dA, copy=True)
    for j in range(Z.shape[1] - 1):
        dZ[Z[:, j] <= 0, j] = 0
    return dZ


@bug("relu_backward",
     "the mask taken from Z.astype(int): entries 0 < Z < 1 truncate to 0 and lose their gradient",
     [r"integer", r"\bint\b", r"truncat", r"astype", r"(between|in) \(?0.{0,5}1", r"0 < Z < 1", r"small positive"])
def relu_backward(dA, Z):
    Zi = Z.astype(int)
    dZ = dA * (Zi > 0)
    return dZ


@correct("relu_backward", "dA times np.sign(max(Z, 0)): 1 where Z > 0, 0 elsewhere")
def relu_backward(dA, Z):
    return dA * np.sign(np.maximum(Z, 0))


@correct("relu_backward", "np.where with a zeros_like of dA")
def relu_backward(dA, Z):
    dZ = np.where(Z > 0, dA, np.zeros_like(dA))
    return dZ


# ---- sigmoid_backward -----------------------------------------------------------------------


@bug("sigmoid_backward",
     "s = 1 / 1 + np.exp(-Z): the parentheses missing, so s = 1 + exp(-Z)",
     [r"parenthes", r"bracket", r"precedence", r"1 \+ exp", r"(s|sigmoid).{0,30}(wrong|not the sigmoid)",
      r"greater than 1"])
def sigmoid_backward(dA, Z):
    s = 1 / 1 + np.exp(-Z)
    dZ = dA * s * (1 - s)
    return dZ


@bug("sigmoid_backward",
     "s from e = np.exp(Z), s = e / (1 + e): nan for Z in the hundreds",
     OVERFLOW + [r"\bnan\b", r"inf ?/ ?inf", r"exp\(Z\)"])
def sigmoid_backward(dA, Z):
    e = np.exp(Z)
    s = e / (1 + e)
    return dA * s * (1 - s)


@bug("sigmoid_backward",
     "the second factor typed as 1 - sigmoid(dA): the slope mixes the sigmoid of Z and of dA",
     [r"sigmoid\(dA\)", r"of dA", r"dA.{0,40}(inside|into) (the )?sigmoid", r"(typo|wrong argument)",
      r"(1 - s|second factor).{0,30}(wrong|dA)"])
def sigmoid_backward(dA, Z):
    dZ = dA * sigmoid(Z) * (1 - sigmoid(dA))
    return dZ


@bug("sigmoid_backward",
     "dA * s * 1 - s: the parentheses of (1 - s) missing, so dZ = dA s - s",
     [r"parenthes", r"bracket", r"precedence", r"dA ?s ?- ?s", r"minus s", r"\(1 - s\).{0,30}(missing|without)"])
def sigmoid_backward(dA, Z):
    s = sigmoid(Z)
    dZ = dA * s * 1 - s
    return dZ


@correct("sigmoid_backward", "s (1 - s) as expit(Z) expit(-Z)")
def sigmoid_backward(dA, Z):
    return dA * scipy.special.expit(Z) * scipy.special.expit(-Z)


@correct("sigmoid_backward", "dZ = dA - dA s, then *= s on that new array")
def sigmoid_backward(dA, Z):
    s = sigmoid(Z)
    dZ = dA - dA * s
    dZ *= s
    return dZ


# ---- linear_activation_backward -------------------------------------------------------------


@bug("linear_activation_backward",
     "a dispatch dict {'relu': sigmoid_backward, 'sigmoid': relu_backward}: each layer gets the other slope",
     [r"swapp", r"(relu|sigmoid)_backward.{0,40}(instead|where|for)", r"(wrong|other) (activation|slope|backward)",
      r"mapped", r"(mismatch|mix)\w*"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    backward = {"relu": sigmoid_backward, "sigmoid": relu_backward}[activation]
    dZ = backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)


@bug("linear_activation_backward",
     "the linear step inline with m = dA.shape[0] (n[l], 1 for the output layer) instead of the number of examples",
     [r"shape\[0\]", r"number of examples.{0,40}(wrong|rows|units)", r"\bm\b (is|was) (wrong|taken from)", r"(rows|units) of dA",
      r"\bm\b.{0,20}(is|was|=) (n\[l\]|1)", r"(times|×) too (large|small)", r"1/m.{0,30}(wrong|missing)"])
def linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Z = cache
    if activation == "relu":
        dZ = relu_backward(dA, Z)
    else:
        dZ = sigmoid_backward(dA, Z)
    m = dA.shape[0]
    dW = dZ @ A_prev.T / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = W.T @ dZ
    return dA_prev, dW, db


@bug("linear_activation_backward",
     "relu_backward(dA, Z) reads the demo cell's global Z: the cache's Z is unpacked as activation_cache and never used",
     [r"global", r"demo", r"(cache'?s?|cached) Z.{0,40}(not|never|unused)", r"(wrong|other|stale) Z",
      r"not (the )?(cached|cache'?s?) Z"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, Z)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)


@bug("linear_activation_backward",
     "the relu line not under an else: dZ = relu_backward(...) runs after the sigmoid branch and overwrites its dZ",
     [r"(overwr|replac)\w*", r"\belse\b.{0,20}(missing|forgot)", r"(relu|ReLU).{0,40}(sigmoid|output) (layer|branch)",
      r"(always|every).{0,20}relu", r"unconditional", r"indent"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
    dZ = relu_backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)


@bug("linear_activation_backward",
     "the relu branch zeroes dA[Z <= 0] in place and uses dA as dZ: the caller's dA is changed",
     IN_PLACE + [r"alias", r"same array", r"(changed|modified|mutated|zeroed) dA", r"no copy"],
     contract="in place")
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z_cached = cache
    if activation == "relu":
        dA[Z_cached <= 0] = 0
        dZ = dA
    else:
        dZ = sigmoid_backward(dA, Z_cached)
    return linear_backward(dZ, linear_cache)


@correct("linear_activation_backward", "inline slopes by expression (np.greater, s (1 - s)), then the einsum linear step")
def linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Zc = cache
    s = sigmoid(Zc)
    slope = np.greater(Zc, 0) if activation == "relu" else s * (1 - s)
    dZ = dA * slope
    m = A_prev.shape[1]
    dW = np.einsum("ik,jk->ij", dZ, A_prev) / m
    db = dZ.sum(axis=1, keepdims=True) / m
    dA_prev = np.einsum("ji,jk->ik", W, dZ)
    return dA_prev, dW, db


@correct("linear_activation_backward", "keyword calls, the linear cache passed on as tuple(...)")
def linear_activation_backward(dA, cache, activation):
    linear_cache, Zc = cache
    if activation == "sigmoid":
        dZ = sigmoid_backward(dA=dA, Z=Zc)
    else:
        dZ = relu_backward(dA=dA, Z=Zc)
    dA_prev, dW, db = linear_backward(dZ=dZ, linear_cache=tuple(linear_cache))
    return dA_prev, dW, db


# ---- model_backward -------------------------------------------------------------------------


def _dAL(AL, Y):
    return -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))


@bug("model_backward",
     "one loop over every layer with 'sigmoid': the hidden (ReLU) layers get the sigmoid's slope",
     [r"(hidden|relu) layers?.{0,40}sigmoid", r"sigmoid.{0,40}(every|each|all|hidden) (hidden )?layers?",
      r"(wrong|sigmoid) (activation|slope)", r"not relu", r"relu.{0,30}(never|missing)"])
def model_backward(AL, Y, caches):
    Y = Y.reshape(AL.shape)
    grads = {}
    L = len(caches)
    dA = _dAL(AL, Y)
    for l in range(L, 0, -1):
        dA, grads["dW" + str(l)], grads["db" + str(l)] = linear_activation_backward(dA, caches[l - 1], "sigmoid")
        grads["dA" + str(l - 1)] = dA
    return grads


@bug("model_backward",
     "the hidden loop for l in range(L - 1, 0, -1) takes current_cache = caches[l]: layer l+1's cache for layer l",
     [r"caches\[l\]", r"(next|wrong|other) layer'?s? cache", r"off by one", r"one (layer )?(up|too high|higher|ahead)",
      r"cache.{0,30}(shift|index)", r"layer l ?\+ ?1"])
def model_backward(AL, Y, caches):
    Y = Y.reshape(AL.shape)
    grads = {}
    L = len(caches)
    dAL = _dAL(AL, Y)
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in range(L - 1, 0, -1):
        current_cache = caches[l]
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l)], current_cache, "relu")
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = dA_prev, dW, db
    return grads


@bug("model_backward",
     "current_cache = caches[L - 1] copy-pasted into the hidden loop: every hidden layer uses the output layer's cache",
     [r"(output|last) layer'?s? cache", r"caches\[L ?- ?1\].{0,40}(every|each|hidden|loop)", r"same cache",
      r"(wrong|other) (layer'?s? )?cache", r"copy-?past"])
def model_backward(AL, Y, caches):
    Y = Y.reshape(AL.shape)
    grads = {}
    L = len(caches)
    current_cache = caches[L - 1]
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(_dAL(AL, Y), current_cache, "sigmoid")
    for l in reversed(range(L - 1)):
        current_cache = caches[L - 1]
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], current_cache, "relu")
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA_prev, dW, db
    return grads


@bug("model_backward",
     "Coursera's 0-based loop reversed(range(L - 1)) but keys str(l) for dW and db: the hidden layers' gradients "
     "stored one layer low (dW0, ...)",
     [r"dW0", r"db0", r"one (layer )?(low|lower|down|too low)", r"off by one", r"keys?.{0,40}(shift|wrong|lower|number)",
      r"(wrong|unexpected) keys?", r"l ?\+ ?1"])
def model_backward(AL, Y, caches):
    Y = Y.reshape(AL.shape)
    grads = {}
    L = len(caches)
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(_dAL(AL, Y), caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)] = dA_prev
        grads["dW" + str(l)] = dW
        grads["db" + str(l)] = db
    return grads


@bug("model_backward",
     "a while loop with l > 1: layer 1 is never back-propagated (no dW1, db1, dA0)",
     [r"(first|layer 1|bottom).{0,40}(never|missing|skipp|not)", r"(missing|no) (dW1|db1|dA0)", r"dW1", r"dA0",
      r"off by one", r"one layer (short|too few)", r"stops? (one|a) layer"])
def model_backward(AL, Y, caches):
    Y = Y.reshape(AL.shape)
    grads = {}
    L = len(caches)
    dA = _dAL(AL, Y)
    dA, grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dA, caches[-1], "sigmoid")
    grads["dA" + str(L - 1)] = dA
    l = L - 1
    while l > 1:
        dA, grads["dW" + str(l)], grads["db" + str(l)] = linear_activation_backward(dA, caches[l - 1], "relu")
        grads["dA" + str(l - 1)] = dA
        l -= 1
    return grads


@bug("model_backward",
     "grads['dA' + str(l - 1)] = dA stores the incoming dA[l], not the dA_prev the layer just returned",
     [r"incoming", r"dA\[l\] (is |was )?stored", r"stored.{0,20}dA\[l\]", r"(stored|stores|saved).{0,30}(wrong|input|incoming)",
      r"not (the )?(dA_prev|returned)", r"(one layer|layer's own) (up|too high|input)", r"(wrong|stale) (variable|array)"])
def model_backward(AL, Y, caches):
    Y = Y.reshape(AL.shape)
    grads = {}
    L = len(caches)
    dA = _dAL(AL, Y)
    for l in range(L, 0, -1):
        activation = "sigmoid" if l == L else "relu"
        dA_prev, dW, db = linear_activation_backward(dA, caches[l - 1], activation)
        grads["dA" + str(l - 1)] = dA
        grads["dW" + str(l)] = dW
        grads["db" + str(l)] = db
        dA = dA_prev
    return grads


@correct("model_backward", "dA[L] by np.where on the labels (-1/AL or 1/(1-AL)), a recursive walk down the layers")
def model_backward(AL, Y, caches):
    Y = Y.reshape(AL.shape)
    grads = {}
    L = len(caches)

    def back(l, dA):
        if l == 0:
            return
        dA_prev, grads["dW%d" % l], grads["db%d" % l] = linear_activation_backward(
            dA, caches[l - 1], "sigmoid" if l == L else "relu")
        grads["dA%d" % (l - 1)] = dA_prev
        back(l - 1, dA_prev)

    back(L, np.where(Y == 1, -1 / AL, 1 / (1 - AL)))
    return grads


@correct("model_backward", "the dZ[L] = AL - Y shortcut through linear_backward, then zip over reversed caches")
def model_backward(AL, Y, caches):
    Y = Y.reshape(AL.shape)
    grads = {}
    L = len(caches)
    dA, grads[f"dW{L}"], grads[f"db{L}"] = linear_backward(AL - Y, caches[-1][0])
    grads[f"dA{L - 1}"] = dA
    for l, cache in zip(range(L - 1, 0, -1), reversed(caches[:-1])):
        dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(dA, cache, "relu")
        grads[f"dA{l - 1}"] = dA
    return grads


# ---- update_parameters ----------------------------------------------------------------------


@bug("update_parameters",
     "for key, value in parameters.items(): value -= learning_rate * grads['d' + key]: the caller's arrays changed "
     "in place",
     IN_PLACE + [r"same arrays?", r"(changed|modified|mutated) (the )?(caller'?s )?(parameters|arrays)", r"alias",
                 r"-="],
     contract="in place")
def update_parameters(parameters, grads, learning_rate):
    for key, value in parameters.items():
        value -= learning_rate * grads["d" + key]
    return parameters


@bug("update_parameters",
     "W - learning_rate - dW: a minus typed where the * belongs",
     [r"(minus|subtract\w*) (the )?(learning.?rate|alpha)", r"(alpha|learning.?rate).{0,40}(subtract|minus|not multipl)",
      r"typo", r"\+ ?alpha|- ?alpha ?-", r"not (multiplied|scaled)"])
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    updated = {}
    for l in range(1, L + 1):
        updated["W" + str(l)] = parameters["W" + str(l)] - learning_rate - grads["dW" + str(l)]
        updated["b" + str(l)] = parameters["b" + str(l)] - learning_rate - grads["db" + str(l)]
    return updated


@bug("update_parameters",
     "zip(parameters.keys(), grads.keys()): grads' keys come in model_backward's order (dA, dW, db from layer L "
     "down), so each parameter is paired with another gradient",
     [r"(wrong|other|mismatch\w*) (gradient|key)", r"(order|paired).{0,40}(keys?|grads)", r"keys?.{0,40}order",
      r"\bzip\b", r"dA\d? .{0,30}(W|parameter)", r"pair\w*"])
def update_parameters(parameters, grads, learning_rate):
    updated = {}
    for p_key, g_key in zip(parameters.keys(), grads.keys()):
        updated[p_key] = parameters[p_key] - learning_rate * grads[g_key]
    return updated


@bug("update_parameters",
     "np.add(W, learning_rate * dW): the step added, so the parameters climb the cost",
     [r"(add|plus|\+).{0,30}(instead|not) (of )?(subtract|minus)", r"ascent", r"uphill", r"(wrong|opposite) (sign|direction)",
      r"climb", r"increas\w* the cost"])
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    updated = {}
    for l in range(1, L + 1):
        for p in "Wb":
            updated[p + str(l)] = np.add(parameters[p + str(l)], learning_rate * grads["d" + p + str(l)])
    return updated


@correct("update_parameters", "copy.deepcopy, then -= on the copies")
def update_parameters(parameters, grads, learning_rate):
    updated = copy.deepcopy(parameters)
    for l in range(1, len(parameters) // 2 + 1):
        updated[f"W{l}"] -= learning_rate * grads[f"dW{l}"]
        updated[f"b{l}"] -= learning_rate * grads[f"db{l}"]
    return updated


@correct("update_parameters", "a dict comprehension over the parameter keys, np.subtract with a scaled gradient")
def update_parameters(parameters, grads, learning_rate):
    return {key: np.subtract(value, np.multiply(learning_rate, grads["d" + key])) for key, value in parameters.items()}
