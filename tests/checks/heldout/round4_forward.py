"""Held-out learner code, round 4: initialisation, the forward blocks and the cost.

Written on 2026-12-02 by a helper that did not read dlkit/checks (the engine),
docs/relations.md or docs/grading.md, only the notebooks, DESIGN.md and
dlkit's reference blocks; every mistake here is meant to differ from those in
tests/checks/catalog_*.py, learners_*.py and round3_*.py. No mutant, relation
or hint of dlkit.checks may be written from it (README.md, "Round 4").
"""
import numpy as np

from dlkit import linear_activation_forward, linear_forward, relu, sigmoid  # noqa: F401 (found by global name)

from .registry4 import bug, correct

# ---- initialize_parameters ------------------------------------------------------------------


@bug("initialize_parameters", "the W keys run W1..WL but the b keys run b0..b(L-1): the biases are numbered from 0",
     [r"\bb0\b", r"numbered from 0", r"off by one", r"(key|index|number)s? .{0,30}(shifted|one (too )?(low|small))", r"start(s|ing)? at 0"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l - 1)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "W[l] drawn as randn(n[l-1], n[l]).T: the right shape, but the random numbers land in other places",
     [r"transpos", r"\.T\b", r"drawn (in|with) (the )?(other|wrong|another) (shape|order)", r"(same|right) shape but",
      r"(numbers|values) (in|land in|at) (other|the wrong|different) (places|positions|entries)"],
     contract="exact draw (same numbers as everybody else's)")
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = rng.randn(layer_dims[l - 1], layer_dims[l]).T / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "the scale 1/sqrt(n[0]) is computed once before the loop and used for every layer, not 1/sqrt(n[l-1])",
     [r"n\[0\]", r"first layer'?s", r"(same|one) scale", r"every layer", r"input size", r"(scale|factor) .{0,30}(layer|n\[l-1\])",
      r"(other|deeper|later) layers"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    scale = 1 / np.sqrt(layer_dims[0])
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) * scale
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "b[l] is sized by the previous layer, np.zeros((n[l-1], 1)), instead of (n[l], 1)",
     [r"\bb\d?\b.{0,40}(n\[l-1\]|previous|rows|size)", r"n\[l-1\] rows", r"(previous|wrong) layer'?s (size|width)", r"one bias per (unit|neuron)"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l - 1], 1))
    return parameters


@correct("initialize_parameters", "rng.randn(*shape) * (1 / sqrt(n_prev)) over pairs of sizes")
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    out = {}
    sizes = list(zip(layer_dims[1:], layer_dims[:-1]))
    for l, shape in enumerate(sizes, 1):
        out["W" + str(l)] = rng.randn(*shape) * (1.0 / np.sqrt(shape[1]))
        out["b" + str(l)] = np.zeros((shape[0], 1))
    return out


@correct("initialize_parameters", "a dict filled by update() per layer, np.divide, np.zeros_like of a column")
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = dict()
    L = len(layer_dims) - 1
    l = 1
    while l <= L:
        W = np.divide(rng.randn(layer_dims[l], layer_dims[l - 1]), np.sqrt(layer_dims[l - 1]))
        parameters.update({"W%d" % l: W, "b%d" % l: np.zeros_like(W[:, :1])})
        l += 1
    return parameters


# ---- linear_forward ---------------------------------------------------------------------------


@bug("linear_forward", "np.tile(b, n[l-1]) repeats b once per input feature instead of once per example (m columns)",
     [r"tile", r"repeat", r"(n\[l-1\]|number of (inputs|features)) (times|columns)", r"broadcast", r"once per example", r"\bm columns"])
def linear_forward(A_prev, W, b):
    Z = np.dot(W, A_prev) + np.tile(b, A_prev.shape[0])
    return Z, (A_prev, W, b)


@bug("linear_forward", "the cache holds A_prev.copy without the call's parentheses: a method, not the array",
     [r"method", r"parenthes", r"\.copy\b", r"not an array", r"callable", r"function (object|instead)", r"bound"])
def linear_forward(A_prev, W, b):
    Z = np.dot(W, A_prev) + b
    return Z, (A_prev.copy, W, b)


@bug("linear_forward", "np.inner(W, A_prev) (sums over the last axes of both, W A_prev^T) instead of the matrix product np.dot(W, A_prev)",
     [r"np\.inner", r"inner", r"last ax", r"matrix product", r"np\.dot", r"A_prev\^?T"])
def linear_forward(A_prev, W, b):
    Z = np.inner(W, A_prev) + b
    return Z, (A_prev, W, b)


@correct("linear_forward", "np.tensordot over one axis, then + b")
def linear_forward(A_prev, W, b):
    Z = np.tensordot(W, A_prev, axes=1) + b
    cache = (A_prev, W, b)
    return Z, cache


# ---- sigmoid ----------------------------------------------------------------------------------


@bug("sigmoid", "np.exp(-np.abs(Z)): uses |Z|, so every output is at least 0.5 (negative Z gives sigmoid(-Z))",
     [r"abs", r"\|Z\|", r"absolute", r"sign of Z", r"negative (Z|entries|values|inputs)", r"at least 0\.5", r"mirror"])
def sigmoid(Z):
    return 1 / (1 + np.exp(-np.abs(Z)))


@bug("sigmoid", "np.exp2 (powers of 2) instead of np.exp (powers of e)",
     [r"exp2", r"base", r"powers? of (2|two)", r"\b2 ?\*\* ?", r"natural"])
def sigmoid(Z):
    return 1 / (1 + np.exp2(-Z))


@bug("sigmoid", "the tanh identity written (1 + tanh(Z)) / 2: Z is not halved (it is (1 + tanh(Z / 2)) / 2)",
     [r"tanh", r"Z ?/ ?2", r"halv", r"half of Z", r"twice (as )?steep", r"2 ?Z"])
def sigmoid(Z):
    return (1 + np.tanh(Z)) / 2


@correct("sigmoid", "the tanh identity done right: (1 + tanh(Z / 2)) / 2")
def sigmoid(Z):
    return 0.5 * (1.0 + np.tanh(0.5 * Z))


@correct("sigmoid", "np.divide(1, 1 + np.exp(-Z)) under np.errstate (exp overflows to inf for very negative Z, giving 0)")
def sigmoid(Z):
    with np.errstate(over="ignore"):
        return np.divide(1.0, 1.0 + np.exp(-Z))


# ---- relu -------------------------------------------------------------------------------------


@bug("relu", "np.maximum(Z, 0).astype(np.float16): the values are rounded to half precision",
     [r"float16", r"half precision", r"precision", r"dtype", r"rounded", r"(fewer|few) digits"])
def relu(Z):
    return np.maximum(Z, 0).astype(np.float16)


@bug("relu", "np.maximum(Z, np.zeros(n)) with a 1-D array of zeros: it only broadcasts when Z is square",
     [r"1-D", r"broadcast", r"np\.zeros\(", r"zeros_like", r"shape of Z", r"square"])
def relu(Z):
    return np.maximum(Z, np.zeros(Z.shape[0]))


@bug("relu", "returns np.maximum(Z, 0).tolist(): a nested Python list, not a numpy array",
     [r"\blist\b", r"tolist", r"numpy array", r"np\.ndarray", r"not an array"])
def relu(Z):
    return np.maximum(Z, 0).tolist()


@correct("relu", "np.fmax(Z, 0.0)")
def relu(Z):
    return np.fmax(Z, 0.0)


# ---- linear_activation_forward -----------------------------------------------------------------


@bug("linear_activation_forward", "`if activation == \"sigmoid\" or \"relu\":` is always true (a non-empty string), so every layer is a sigmoid",
     [r"always (true|sigmoid)", r"\bor\b.{0,30}(string|\"relu\"|'relu')", r"non-?empty string", r"truthy", r"(every|each|all) (layer|activation)s? .{0,20}sigmoid",
      r"relu (branch|case) (is )?never"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid" or "relu":
        A = sigmoid(Z)
    else:
        A = relu(Z)
    return A, (linear_cache, Z)


@bug("linear_activation_forward", "the cache is linear_cache + (Z,): one flat 4-tuple (A_prev, W, b, Z) instead of the pair (linear_cache, Z)",
     [r"flat", r"4 items", r"four items", r"(pair|two items|2 items)", r"nested", r"concatenat", r"\+ ?\(Z,?\)"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = relu(Z) if activation == "relu" else sigmoid(Z)
    return A, linear_cache + (Z,)


@bug("linear_activation_forward", "calls linear_forward(A_prev, b, W): W and b swapped in the call",
     [r"swapped", r"(wrong|other) order", r"\bb, W\b", r"arguments?", r"order of"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, b, W)
    if activation == "relu":
        A = relu(Z)
    else:
        A = sigmoid(Z)
    return A, (linear_cache, Z)


@correct("linear_activation_forward", "looks the activation up by name in globals()")
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = globals()[activation](Z)
    return A, (linear_cache, Z)


# ---- model_forward -----------------------------------------------------------------------------


@bug("model_forward", "the output layer is fed A_prev, the input of the last hidden layer (A[L-2]), instead of its output A[L-1]",
     [r"A\[L-2\]", r"A_prev", r"(previous|wrong|last hidden) layer'?s (input|output)", r"output of (the )?layer L-1",
      r"not chained", r"one layer (behind|back)", r"skip"])
def model_forward(X, parameters):
    caches = []
    A = X
    A_prev = X
    L = len(parameters) // 2
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A_prev, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_forward", "caches.insert(0, cache): the caches are stored last layer first",
     [r"revers", r"insert", r"(layer )?order", r"last (layer )?first", r"backwards", r"caches\[0\] (is|holds|should)"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.insert(0, cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.insert(0, cache)
    return AL, caches


@bug("model_forward", "computes AL for the output layer but returns A (the last hidden layer's output)",
     [r"wrong variable", r"returns? A\b", r"hidden layer'?s output", r"not (the )?A\[L\]", r"instead of AL", r"before the (sigmoid|output)"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return A, caches


@bug("model_forward", "a typo in the hidden loop: b%d % L (the output layer's bias) instead of b%d % l",
     [r"(output|last) layer'?s (b|bias)", r"wrong (bias|b)\b", r"typo", r"bias of (layer|the|another)", r"(another|other|wrong) layer'?s (b|bias)"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W%d" % l], parameters["b%d" % L], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W%d" % L], parameters["b%d" % L], "sigmoid")
    caches.append(cache)
    return AL, caches


@correct("model_forward", "L from the largest W index, the activation picked per layer, a running A")
def model_forward(X, parameters):
    L = max(int(k[1:]) for k in parameters if k.startswith("W"))
    A, caches = X, []
    for l in range(1, L + 1):
        act = "relu" if l != L else "sigmoid"
        A, c = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], act)
        caches.append(c)
    return A, caches


@correct("model_forward", "the Coursera layout with A_prev = A at the top of the loop")
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters["W" + str(l)], parameters["b" + str(l)], activation="relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], activation="sigmoid")
    caches.append(cache)
    return AL, caches


# ---- compute_cost ------------------------------------------------------------------------------


@bug("compute_cost", "log(AL - 1) where log(1 - AL) belongs: the log of a negative number (NaN)",
     [r"AL ?- ?1", r"negative", r"nan", r"not a number", r"1 - AL", r"(order|sign) .{0,20}(inside|in) the log"])
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    cost = -(1 / m) * np.sum(Y * np.log(AL) + (1 - Y) * np.log(AL - 1))
    return float(cost)


@bug("compute_cost", "np.log1p(AL) for log(1 - AL): log1p(x) is log(1 + x), so the second term is log(1 + AL)",
     [r"log1p", r"log\(1 ?\+ ?AL\)", r"1 \+ AL", r"plus", r"(sign|minus) .{0,20}(AL|inside)", r"log1p\(-AL\)"])
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    cost = -(1 / m) * np.sum(Y * np.log(AL) + (1 - Y) * np.log1p(AL))
    return float(cost)


@bug("compute_cost", "adds eps inside log(AL + eps) instead of clipping: log(1 - AL) stays log(0) when AL is exactly 1",
     [r"clip", r"log\(0\)", r"\+ ?eps", r"1 - AL.{0,40}(0|unprotected|not protected)", r"(exactly|rounds? to) 1", r"infinit", r"\binf\b"],
     contract="clipping")
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    cost = -(1 / m) * np.sum(Y * np.log(AL + eps) + (1 - Y) * np.log(1 - AL))
    return float(cost)


@correct("compute_cost", "the product form: log(AL^Y (1 - AL)^(1 - Y)), after the notebook's clip")
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    cost = -(1 / m) * np.sum(np.log(AL ** Y * (1 - AL) ** (1 - Y)))
    return float(cost)


@correct("compute_cost", "einsum for both sums, the clip as the notebook says")
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    P = np.clip(AL, eps, 1 - eps)
    total = np.einsum("ij,ij->", Y, np.log(P)) + np.einsum("ij,ij->", 1 - Y, np.log(1 - P))
    return float(-total / m)
