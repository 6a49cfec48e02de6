"""Held-out learner code, round 15: the backward blocks, model_backward and update_parameters.

Written on 2026-12-04 on commit 53c4d64 by a helper (branch ``heldout15``) that
did not read dlkit/checks (the engine), docs/relations.md, docs/grading.md,
BASELINE.md, the catalogs, the engine's tests, other worktrees, the git history
of dlkit/checks or any report the checks print, and ran no measurement nor
``dlkit.checks.check`` or ``SPECS``; only the instructor notebooks, DESIGN.md and
dlkit's reference blocks, and the one-line mistakes of the earlier rounds. The
code is written the way a learner in JupyterLab writes it, one mistake each;
about half are the everyday mistakes of this assignment. No mutant, relation or
hint of dlkit.checks may be written from it (README.md, "Round 15").
"""
import numpy as np

from dlkit import linear_activation_backward, linear_backward, relu_backward, sigmoid, sigmoid_backward  # noqa: F401

from .registry import IN_PLACE, UNPACK
from .registry15 import bug, correct

# a demo cell's layer count, left in the learner's namespace ("AL, caches = model_forward(X, parameters); L = 3")
L = 3

# ---- linear_backward ------------------------------------------------------------------------


@bug("linear_backward",
     "m = W.shape[1], the number of inputs n[l-1], divides dW and db instead of the number of examples",
     [r"W\.shape\[1\]", r"n\[l-1\] instead of (the )?(m|number of examples)", r"(wrong|not the) (number of examples|m)\b",
      r"(divid\w*|scaled?) by n\[l-1\]", r"m ?= ?n\[l-1\]", r"(inputs|features|units) (as|for|instead of) m"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = W.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@bug("linear_backward",
     "dW = dW / m indented inside the loop over the examples: the running sum is divided by m at every step",
     [r"(inside|within|in) the loop", r"(divid\w*|/ ?m) .{0,30}(every|each) (step|iteration)", r"indent\w*",
      r"divid\w* .{0,30}(repeatedly|again and again|m times|many times|more than once)", r"(m\^?\*?\*?m|m squared|m\^2|m \*\* ?2)",
      r"(too small|shrunk).{0,30}(first|early) examples"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.zeros(W.shape)
    for i in range(m):
        dW = dW + np.outer(dZ[:, i], A_prev[:, i])
        dW = dW / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = W.T @ dZ
    return dA_prev, dW, db


@bug("linear_backward",
     "W = linear_cache[-1] takes b (the last item) as W: dA_prev = b.T dZ",
     [r"linear_cache\[-1\]", r"\bb\b (used |taken )?(as|for|instead of) (the )?W", r"W (is|was) (actually )?b",
      r"(last|third) item .{0,30}(is|was) b", r"(wrong|last) item of (the )?(linear )?cache", r"cache\w* .{0,30}wrong (index|position)"])
def linear_backward(dZ, linear_cache):
    A_prev = linear_cache[0]
    W = linear_cache[-1]
    m = A_prev.shape[1]
    dW = 1 / m * np.dot(dZ, A_prev.T)
    db = 1 / m * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@bug("linear_backward",
     "db = np.sum(dZ.T, axis=1, keepdims=True) / m: the transposed dZ sums over the units, one number per example",
     [r"dZ\.T", r"(sum\w*|add\w*) (over|across) (the )?(units|rows|neurons)", r"(per|each) example",
      r"(wrong|other) axis", r"\(m, ?1\)", r"(units|rows) instead of (the )?(examples|columns)"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    grad_W = np.dot(dZ, A_prev.T) / m
    grad_b = np.sum(dZ.T, axis=1, keepdims=True) / m
    grad_A = np.dot(W.T, dZ)
    return grad_A, grad_W, grad_b


@correct("linear_backward", "Python's sum over the rows of dZ.T (the columns of dZ) for db, reshaped to a column")
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = (1 / m) * (dZ @ A_prev.T)
    db = sum(dZ.T).reshape(-1, 1) / m
    dA_prev = W.T @ dZ
    return dA_prev, dW, db


@correct("linear_backward", "np.tensordot over the examples' axis for dW, np.ones for db")
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = dZ.shape[1]
    dW = np.tensordot(dZ, A_prev, axes=([1], [1])) / m
    db = dZ @ np.ones((m, 1), dtype=dZ.dtype) / m
    dA_prev = np.tensordot(W, dZ, axes=([0], [0]))
    return dA_prev, dW, db


# ---- relu_backward --------------------------------------------------------------------------


@bug("relu_backward",
     "the mask ~np.signbit(Z): slope 1 at Z = +0 (and 0 at -0) instead of 0 at exactly 0",
     [r"signbit", r"(at|for|where) (exactly )?Z ?= ?\+?0", r"slope (of )?1 at (Z ?= ?)?0", r"(at|where) (exactly )?(zero|0)\b",
      r"Z ?>= ?0", r"(?<![\d.])-0(\.0+)?(?![\d.])", r"(negative|signed) zero"],
     contract="slope at 0")
def relu_backward(dA, Z):
    keep = ~np.signbit(Z)
    dZ = dA * keep
    return dZ


@bug("relu_backward",
     "Coursera's two lines with the roles swapped: a copy of Z masked where dA <= 0, instead of a copy of dA masked where Z <= 0",
     [r"(copy|copied) (of )?Z", r"(roles|arguments|dA and Z) .{0,20}(swapped|reversed|mixed up|exchanged)", r"mask\w* .{0,30}(from|of|on) dA",
      r"dA ?<= ?0", r"Z (returned|instead of dA)", r"(values|entries) of Z"] + UNPACK[1:2])
def relu_backward(dA, Z):
    dZ = np.array(Z, copy=True)
    dZ[dA <= 0] = 0
    return dZ


@bug("relu_backward",
     "dA * Z > 0 without parentheses: (dA * Z) > 0, a boolean array, instead of dA * (Z > 0)",
     [r"parenthes\w*", r"precedence", r"bool\w* (array|result|values|output|dtype)", r"(returned|returns|gives) (a )?bool",
      r"\b(True|False) (values|entries)", r"dA ?\* ?Z ?> ?0", r"(comparison|>) .{0,30}(whole|entire|product)"])
def relu_backward(dA, Z):
    grad = dA * Z > 0
    return grad


@correct("relu_backward", "np.copyto(dZ, dA, where=Z > 0) into np.zeros_like(dA)")
def relu_backward(dA, Z):
    dZ = np.zeros_like(dA)
    np.copyto(dZ, dA, where=Z > 0)
    return dZ


@correct("relu_backward", "dA * np.heaviside(Z, 0) in dA's dtype")
def relu_backward(dA, Z):
    step = np.heaviside(Z, 0).astype(dA.dtype)
    return dA * step


# ---- sigmoid_backward -----------------------------------------------------------------------


@bug("sigmoid_backward",
     "the slope written s * (s - 1): the sign of every dZ is flipped",
     [r"\bsign\b", r"(wrong|opposite|flipped) sign", r"s ?\* ?\(s ?- ?1\)", r"s ?\(s ?- ?1\)", r"negat(ed|ive of)", r"flipped",
      r"opposite (sign|direction)", r"(times|\*) ?-1"])
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    dZ = dA * s * (s - 1)
    return dZ


@bug("sigmoid_backward",
     "the slope ds = s (1 - s) is computed, but dZ = dA * s multiplies by s instead",
     [r"(times|multipl\w* by) s\b", r"ds .{0,30}(never|not|unused)", r"(slope|derivative) .{0,30}(never|not) (used|applied)",
      r"s instead of (the )?(slope|derivative|s ?\(1 ?- ?s\))", r"(activation|sigmoid) instead of (its )?(slope|derivative)"])
def sigmoid_backward(dA, Z):
    s = sigmoid(Z)
    ds = s * (1 - s)  # noqa: F841
    dZ = dA * s
    return dZ


@bug("sigmoid_backward",
     "the slope written 1 - s ** 2 (the tanh pattern) instead of s (1 - s)",
     [r"tanh", r"1 ?- ?s ?(\*\*|\^) ?2", r"1 ?- ?s\u00b2", r"(square|squared)", r"s ?\*\* ?2"])
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    slope = 1 - s ** 2
    return dA * slope


@bug("sigmoid_backward",
     "s clipped to [0.01, 0.99] before the slope: wrong wherever |Z| is above about 4.6",
     [r"clip\w*", r"\[0\.01, ?0\.99\]", r"(large|big|saturat\w*) \|?Z\|?", r"(tails?|far from 0)", r"(bounded|limited) s"])
def sigmoid_backward(dA, Z):
    with np.errstate(over="ignore"):
        s = 1 / (1 + np.exp(-Z))
    s = np.clip(s, 0.01, 0.99)   # keep away from 0 and 1
    return dA * s * (1 - s)


@correct("sigmoid_backward", "the distributed form dA * (s - s ** 2)")
def sigmoid_backward(dA, Z):
    with np.errstate(over="ignore"):
        s = 1 / (1 + np.exp(-Z))
    return dA * (s - s ** 2)


@correct("sigmoid_backward", "t = 1 / (1 + exp(Z)) = 1 - s: t (1 - t) is the same slope")
def sigmoid_backward(dA, Z):
    with np.errstate(over="ignore"):
        t = 1 / (1 + np.exp(Z))
    res = dA * t * (1 - t)
    return res


# ---- linear_activation_backward -------------------------------------------------------------


@bug("linear_activation_backward",
     "linear_backward's results unpacked as dW, db, dA_prev and returned as (dA_prev, dW, db): the three are shuffled",
     UNPACK + [r"(shuffl|swapp|mix\w* up|rotat)\w*", r"dW, ?db, ?dA_prev", r"order of (the )?(results|outputs|returned)"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
    dW, db, dA_prev = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db


@bug("linear_activation_backward",
     "dZ is computed, but linear_backward is called with dA: the activation's slope is never applied",
     [r"(slope|derivative|g'|dZ) .{0,30}(never|not) (applied|used)", r"dA (passed |given )?(instead of|in place of|not) dZ",
      r"linear_backward\(dA", r"(skip\w*|ignor\w*|without) (the )?(activation|slope|derivative|g')", r"dZ (is )?(unused|ignored)"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)  # noqa: F841
    else:
        dZ = relu_backward(dA, activation_cache)  # noqa: F841
    dA_prev, dW, db = linear_backward(dA, linear_cache)
    return dA_prev, dW, db


@bug("linear_activation_backward",
     "an inline backward step whose db has no 1/m: db is m times too large (dW is right)",
     [r"m times", r"1 ?/ ?m .{0,30}(missing|forgot|left out|dropped)", r"(missing|forgot|without|no) (the )?(1 ?/ ?m|division by m|average)",
      r"(not|never) (divided|averaged)", r"(sum|total) instead of (the )?(mean|average)", r"db .{0,30}too large"])
def linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Z = cache
    m = A_prev.shape[1]
    if activation == "relu":
        dZ = dA * (Z > 0)
    else:
        s = sigmoid(Z)
        dZ = dA * s * (1 - s)
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@bug("linear_activation_backward",
     "the slope taken at A_prev (the layer's input from the linear cache) instead of the cached Z",
     [r"A_prev (used |passed |given )?(as|for|instead of|in place of) Z", r"(slope|derivative|mask) .{0,40}A_prev",
      r"(wrong|other) (array|input|layer'?s?)( for the slope)?", r"Z (is )?(never|not) (used|read)", r"(previous|input) layer'?s? (activation|A)"])
def linear_activation_backward(dA, cache, activation):
    A_prev, W, b = cache[0]
    if activation == "relu":
        dZ = relu_backward(dA, A_prev)
    else:
        dZ = sigmoid_backward(dA, A_prev)
    return linear_backward(dZ, cache[0])


@bug("linear_activation_backward",
     "relu_backward(Z, dA): the two arguments passed in the wrong order in the ReLU branch",
     [r"(arguments?|dA and Z|Z and dA) .{0,30}(swapped|reversed|wrong order|mixed up|exchanged)", r"relu_backward\(Z",
      r"(wrong|reversed|other) order", r"Z (passed |given )?(as|for|instead of) dA", r"mask\w* .{0,30}(from|of|on) dA"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = relu_backward(Z, dA)
    else:
        dZ = sigmoid_backward(dA, Z)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db


@correct("linear_activation_backward", "nested tuple unpacking and a dict of the two backward functions")
def linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Z = cache
    back = {"relu": relu_backward, "sigmoid": sigmoid_backward}[activation]
    dZ = back(dA, Z)
    return linear_backward(dZ, (A_prev, W, b))


@correct("linear_activation_backward", "an inline step: np.where for the ReLU slope, the sigmoid's s computed right there")
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    if activation == "relu":
        dZ = np.where(Z > 0, dA, np.zeros_like(dA))
    else:
        with np.errstate(over="ignore"):
            s = 1 / (1 + np.exp(-Z))
        dZ = dA * s * (1 - s)
    dW = 1 / m * np.dot(dZ, A_prev.T)
    db = 1 / m * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


# ---- model_backward -------------------------------------------------------------------------


def _dAL_15(AL, Y):
    eps = np.finfo(AL.dtype).eps
    AL = np.clip(AL, eps, 1 - eps)
    return -(Y / AL) + (1 - Y) / (1 - AL)


@bug("model_backward",
     "dA[L] = -(Y / AL + (1 - Y) / (1 - AL)): the minus put in front of both terms, so the second term's sign is wrong",
     [r"\bsign\b", r"(wrong|opposite|flipped) sign", r"minus .{0,30}(both|second|whole|distribut)", r"(second|other) term .{0,40}(sign|negat|minus|plus)",
      r"(added|plus) instead of (subtract|minus)", r"-\(Y ?/ ?AL ?\+"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    eps = np.finfo(AL.dtype).eps
    AL_safe = np.clip(AL, eps, 1 - eps)
    dAL = -(np.divide(Y, AL_safe) + np.divide(1 - Y, 1 - AL_safe))
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in range(L - 1, 0, -1):
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = \
            linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")
    return grads


@bug("model_backward",
     "one loop from l = L down to 1 picking 'sigmoid' when l == 1: layer 1 gets the sigmoid's slope and layer L the ReLU's",
     [r"sigmoid (on|for|in|at) (the )?(first|layer 1|hidden)", r"relu (on|for|in|at) (the )?(output|last|layer L)",
      r"l ?== ?1", r"(wrong|swapped) (activation|slope)s?", r"(first|layer 1) .{0,30}sigmoid",
      r"(output|last) layer .{0,30}(relu|not (the )?sigmoid)"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = _dAL_15(AL, Y)
    for l in reversed(range(1, L + 1)):
        act = "sigmoid" if l == 1 else "relu"
        dA, dW, db = linear_activation_backward(dA, caches[l - 1], act)
        grads["dA" + str(l - 1)] = dA
        grads["dW" + str(l)] = dW
        grads["db" + str(l)] = db
    return grads


@bug("model_backward",
     "L is never computed in the function: the loop uses the demo cell's global L = 3",
     [r"global", r"(number of layers|L) .{0,40}(wrong|other|different|demo|fixed|hard-?coded|not from)",
      r"(not|never) (computed|counted|derived) from (the )?caches", r"len\(caches\)", r"(fixed|always) (3|three) layers"])
def model_backward(AL, Y, caches):
    grads = {}
    dAL = _dAL_15(AL, Y)
    current_cache = caches[L - 1]
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, current_cache, "sigmoid")
    for l in reversed(range(L - 1)):
        current_cache = caches[l]
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + str(l + 1)], current_cache, "relu")
        grads["dA" + str(l)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp
    return grads


@bug("model_backward",
     "dA[L] written -Y / AL + 1 - Y / 1 - AL: without parentheses around (1 - Y) and (1 - AL)",
     [r"parenthes\w*", r"precedence", r"-Y ?/ ?AL ?\+ ?1 ?- ?Y", r"\(1 ?- ?Y\) ?/ ?\(1 ?- ?AL\).{0,30}(missing|written|without)",
      r"(second|other) term .{0,30}(wrong|grouping|parenthes)"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -Y / AL + 1 - Y / 1 - AL
    dA_prev, dW, db = linear_activation_backward(dAL, caches[-1], "sigmoid")
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = dA_prev, dW, db
    for l in range(L - 1, 0, -1):
        dA_prev, dW, db = linear_activation_backward(dA_prev, caches[l - 1], "relu")
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = dA_prev, dW, db
    return grads


@bug("model_backward",
     "enumerate(reversed(caches[:-1])) counts from 0 at layer L-1: the hidden layers' gradients are stored under reversed layer numbers",
     [r"enumerate", r"(revers|swapp|mirror)\w* .{0,30}(layer )?(numbers|keys|indices|order)", r"(keys?|numbers?|indices) .{0,30}(reversed|swapped|mixed up|wrong)",
      r"dW1 .{0,30}(layer|dW)\s?(L-1|2)", r"(stored|saved) under (the )?wrong (key|layer)", r"(gradients?|dW) of (layer|another) .{0,30}(other|wrong) layer"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = _dAL_15(AL, Y)
    dA, dW, db = linear_activation_backward(dAL, caches[-1], "sigmoid")
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = dA, dW, db
    for l, cache in enumerate(reversed(caches[:-1])):
        dA, dW, db = linear_activation_backward(dA, cache, "relu")
        grads["dA" + str(l)] = dA
        grads["dW" + str(l + 1)] = dW
        grads["db" + str(l + 1)] = db
    return grads


@bug("model_backward",
     "the hidden layers called with the function relu_backward as the activation instead of the name 'relu'",
     [r"(function|callable) (relu_backward )?(instead of|rather than|not) (a |the )?(name|string)", r"(name|string) .{0,30}('relu'|\"relu\"|expected)",
      r"activation must be a name", r"relu_backward (passed|given) as", r"not a (name|string)"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = _dAL_15(AL, Y)
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in range(L - 1, 0, -1):
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = \
            linear_activation_backward(grads["dA" + str(l)], caches[l - 1], relu_backward)
    return grads


@correct("model_backward", "one loop over range(L, 0, -1) choosing the activation with l == L, a running dA")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    eps = np.finfo(AL.dtype).eps
    a = np.clip(AL, eps, 1 - eps)
    dA = -(Y / a) + (1 - Y) / (1 - a)
    for l in range(L, 0, -1):
        activation = "sigmoid" if l == L else "relu"
        dA, grads["dW" + str(l)], grads["db" + str(l)] = linear_activation_backward(dA, caches[l - 1], activation)
        grads["dA" + str(l - 1)] = dA
    return grads


@correct("model_backward", "the shortcut dZ[L] = AL - Y through linear_backward, then Coursera's loop")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    linear_cache, ZL = caches[L - 1]
    dZL = AL - Y
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_backward(dZL, linear_cache)
    for l in reversed(range(L - 1)):
        temp = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)] = temp[0]
        grads["dW" + str(l + 1)] = temp[1]
        grads["db" + str(l + 1)] = temp[2]
    return grads


# ---- update_parameters ----------------------------------------------------------------------


@bug("update_parameters",
     "W = parameters['W' + str(l)] then W -= learning_rate * dW: W is the caller's array, changed in place",
     IN_PLACE + [r"alias", r"(caller'?s?|original|input) (parameters|arrays?|W) .{0,30}(changed|modified|overwritten)",
                 r"-="],
     contract="in place")
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    new_params = {}
    for l in range(1, L + 1):
        W = parameters["W" + str(l)]
        b = parameters["b" + str(l)]
        W -= learning_rate * grads["dW" + str(l)]
        b -= learning_rate * grads["db" + str(l)]
        new_params["W" + str(l)] = W
        new_params["b" + str(l)] = b
    return new_params


@bug("update_parameters",
     "learning_rate ** dW (a power, a typo for *) in the W step",
     [r"\*\*", r"power", r"expon\w*", r"typo", r"(raised|raise) to"])
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    out = {}
    for l in range(1, L + 1):
        out["W" + str(l)] = parameters["W" + str(l)] - learning_rate ** grads["dW" + str(l)]
        out["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return out


@bug("update_parameters",
     "W stepped with dW.T (the transpose of the gradient)",
     [r"dW\.T", r"transpos\w*", r"(gradient|dW) .{0,30}(flipped|rows and columns)"])
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    res = {}
    for l in range(1, L + 1):
        dW = grads["dW" + str(l)]
        db = grads["db" + str(l)]
        res["W" + str(l)] = parameters["W" + str(l)] - learning_rate * dW.T
        res["b" + str(l)] = parameters["b" + str(l)] - learning_rate * db
    return res


@bug("update_parameters",
     "the updated arrays rounded with np.round(..., 4) (for a nicer print): small steps are lost",
     [r"round\w* (to|at|off)", r"np\.round", r"(4|four) decimals?", r"decimals?", r"precision", r"(small|tiny) (steps|updates|changes) (are )?lost"])
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    new = {}
    for l in range(1, L + 1):
        for p in ("W", "b"):
            value = parameters[p + str(l)] - learning_rate * grads["d" + p + str(l)]
            new[p + str(l)] = np.round(value, 4)
    return new


@correct("update_parameters", "a shallow parameters.copy() whose entries are rebound to new arrays (nothing in place)")
def update_parameters(parameters, grads, learning_rate):
    params = parameters.copy()
    L = len(params) // 2
    for l in range(1, L + 1):
        params["W" + str(l)] = params["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        params["b" + str(l)] = params["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return params


@correct("update_parameters", "a loop over sorted(parameters) with the gradient key 'd' + key")
def update_parameters(parameters, grads, learning_rate):
    updated = {}
    for key in sorted(parameters):
        grad = grads["d" + key]
        updated[key] = parameters[key] - learning_rate * grad
    return updated
