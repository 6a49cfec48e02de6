"""Held-out learner code, round 11: initialisation, the forward blocks and the cost.

Written on 2026-12-03 by a helper (branch ``heldout11``) that did not read
dlkit/checks (the engine), docs/relations.md, docs/grading.md, BASELINE.md,
the catalogs or any report the checks print; only the instructor notebooks,
DESIGN.md and dlkit's reference blocks. Common mistakes in code shapes no
earlier round used, many of them in an intermediate variable rather than in
the return line, and rarer ones. No mutant, relation or hint of dlkit.checks
may be written from it (README.md, "Round 11").
"""
import numpy as np

from dlkit import linear_activation_forward, linear_forward, relu, sigmoid  # noqa: F401 (found by global name)

from .registry import IN_PLACE
from .registry11 import bug, correct

# a demo cell's globals, left in the learner's namespace
A_prev = np.array([[1.0, -2.0], [0.5, 3.0], [-1.0, 0.0]])

# ---- initialize_parameters ------------------------------------------------------------------


@bug("initialize_parameters", "scale = n[l-1] ** -1/2: the power binds first, so it is (1/n[l-1]) / 2, not 1/sqrt(n[l-1])",
     [r"precedence", r"\*\* ?-1 ?/ ?2", r"parenthes", r"1 ?/ ?\(?2 ?n", r"(divided|scaled) by (2 )?n\[l-1\]", r"scal(e|ed|ing)\b", r"square root"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        scale = layer_dims[l - 1] ** -1/2
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) * scale
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "for l, (n_prev, n) in enumerate(zip(layer_dims, layer_dims[1:])): enumerate counts from 0, so the keys run W0..W(L-1)",
     [r"W0", r"(from|at) 0\b", r"numbered from", r"off[- ]by[- ]one", r"enumerate", r"keys? (run|are|shifted)", r"(missing|no) (key )?'?W ?L"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l, (n_prev, n) in enumerate(zip(layer_dims, layer_dims[1:])):
        parameters[f"W{l}"] = rng.randn(n, n_prev) / np.sqrt(n_prev)
        parameters[f"b{l}"] = np.zeros((n, 1))
    return parameters


@bug("initialize_parameters", "all the W[l] drawn first into a list and the b[l] added in a second loop, but the second loop rebuilds W[l] with a fresh draw: every W[l] holds the second set of numbers",
     [r"(second|extra|another|fresh) (random )?draw", r"drawn twice", r"(shift|advance)(s|ed)? the (random )?(stream|generator)", r"(other|different) (random )?numbers", r"random (stream|generator|state)", r"\bseed\b"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    L = len(layer_dims) - 1
    weights = [rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1]) for l in range(1, L + 1)]  # noqa: F841
    parameters = {}
    for l in range(1, L + 1):
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@correct("initialize_parameters", "randn(n[l] * n[l-1]).reshape(n[l], n[l-1]): the same numbers in the same C order as randn(n[l], n[l-1])")
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        flat = rng.randn(n * n_prev)
        parameters["W" + str(l)] = flat.reshape(n, n_prev) / np.sqrt(n_prev)
        parameters["b" + str(l)] = np.zeros(n)[:, np.newaxis]
    return parameters


# ---- linear_forward -------------------------------------------------------------------------


@bug("linear_forward", "a loop over the examples adds b[i], the i-th entry of b (indexed by the example), where the whole column b[l] belongs",
     [r"b\[i\]", r"(indexed|indexes|index) (by|with) the example", r"(one|single) (entry|number|value) of b", r"(whole|entire|full) (column|vector) b", r"each unit'?s? (own )?(bias|b)", r"b\[l\] (where|instead|is not)"])
def linear_forward(A_prev, W, b):
    m = A_prev.shape[1]
    Z = np.zeros((W.shape[0], m))
    for i in range(m):
        Z[:, i] = W.dot(A_prev[:, i]) + b[i]
    return Z, (A_prev, W, b)


@bug("linear_forward", "the cache is built as (A_prev, W, Z): Z where b belongs in linear_cache",
     [r"Z (where|instead of|in place of) b", r"b (is )?(missing|replaced)", r"linear_cache", r"cache (holds|has|contains|keeps)", r"third (item|element|entry)"])
def linear_forward(A_prev, W, b):
    Z = W @ A_prev + b
    linear_cache = (A_prev, W, Z)
    return Z, linear_cache


@bug("linear_forward", "the parameter is named A but the body reads the demo cell's global A_prev: the same input whatever is passed",
     [r"global", r"demo", r"(ignores|ignored|not used|never used|unused).{0,30}(input|argument|parameter)", r"(same|fixed|constant) (input|answer|output)", r"whatever (is|you) pass", r"A_prev (from|of) (the|a) (demo|notebook|earlier)"])
def linear_forward(A, W, b):
    Z = np.dot(W, A_prev) + b
    return Z, (A, W, b)


@correct("linear_forward", "np.tensordot over W's columns and A_prev's rows, b added last")
def linear_forward(A_prev, W, b):
    Z = np.tensordot(W, A_prev, axes=1)
    Z = Z + b
    return Z, (A_prev, W, b)


@correct("linear_forward", "the transposed product (A_prev^T W^T + b^T)^T")
def linear_forward(A_prev, W, b):
    Zt = A_prev.T @ W.T + b.T
    return Zt.T, (A_prev, W, b)


# ---- sigmoid --------------------------------------------------------------------------------


@bug("sigmoid", "a while loop over the flat index stops at k < Z.size - 1: the last entry keeps the 0 of np.zeros",
     [r"last (entry|element|value)", r"one (entry|element) short", r"off[- ]by[- ]one", r"(stays|left|remains|keeps) (at )?0", r"loop (bound|stops)", r"size ?- ?1"])
def sigmoid(Z):
    flat_z = Z.ravel()
    flat_a = np.zeros(Z.size)
    k = 0
    while k < Z.size - 1:
        flat_a[k] = 1 / (1 + np.exp(-flat_z[k]))
        k += 1
    return flat_a.reshape(Z.shape)


@bug("sigmoid", "A = 1 / (1 + np.exp(-Z.T)): the sigmoid of the transpose, an (m, n[l]) array",
     [r"transpos", r"\(m, n\[l\]\)", r"rows and columns", r"\.T\b", r"wrong shape", r"shape is wrong"])
def sigmoid(Z):
    A = 1 / (1 + np.exp(-Z.T))
    return A


@bug("sigmoid", "np.exp(np.logaddexp(0, -Z)) without the outer minus: that is 1 + exp(-Z), the reciprocal 1/sigmoid(Z)",
     [r"reciprocal", r"1 ?/ ?sigmoid", r"inverse", r"1 \+ exp\(-Z\)", r"(greater|larger|more) than 1", r"outer minus", r"minus sign", r"logaddexp"])
def sigmoid(Z):
    log_denominator = np.logaddexp(0, -Z)
    return np.exp(log_denominator)


@bug("sigmoid", "denominator = 1 + np.exp(-Z[:, :1]): the first column (example) only, broadcast to every column",
     [r"first (column|example)", r"(one|single) (column|example)", r"\[:, ?:1\]|\[:, ?0\]", r"(same|identical) (for|in) every (column|example)", r"broadcast"])
def sigmoid(Z):
    denominator = 1 + np.exp(-Z[:, :1])
    return np.ones_like(Z) / denominator


@correct("sigmoid", "np.reciprocal(1 + exp(-Z)) with the overflow warning silenced")
def sigmoid(Z):
    with np.errstate(over="ignore"):
        return np.reciprocal(1 + np.exp(-Z))


@correct("sigmoid", "a stable form exp(min(Z, 0)) / (1 + exp(-|Z|)), no exponential of a large positive number")
def sigmoid(Z):
    num = np.exp(np.minimum(Z, 0))
    den = 1 + np.exp(-np.abs(Z))
    return num / den


# ---- relu -----------------------------------------------------------------------------------


@bug("relu", "A = np.sign(Z) * Z: that is |Z|, so the negative entries come out positive instead of 0",
     [r"\|Z\|", r"absolute", r"abs\b", r"sign", r"(negative|below 0).{0,40}(positive|flipped|mirror)"])
def relu(Z):
    A = np.sign(Z) * Z
    return A


@bug("relu", "A = np.zeros_like(mask) with mask = Z > 0, then A[mask] = Z[mask]: A is a boolean array, every positive value becomes True (1)",
     [r"bool", r"\bTrue\b", r"dtype", r"(0|zero)s? (and|or) (1|one)s?", r"(type|kind) of (the )?array", r"zeros_like\(mask\)"])
def relu(Z):
    mask = Z > 0
    A = np.zeros_like(mask)
    A[mask] = Z[mask]
    return A


@bug("relu", "for row in A: row = np.maximum(row, 0) rebinds the loop variable and changes nothing: A (a copy of Z) comes back unchanged",
     [r"loop variable", r"rebind", r"(changes|changed) nothing", r"unchanged", r"(negative|below 0) (entries|values) (stay|remain|kept|are kept)", r"(returns|returned) (Z|the input)( itself)?"])
def relu(Z):
    A = Z.copy()
    for row in A:
        row = np.maximum(row, 0)  # noqa: F841 (the learner believed this writes into A)
    return A


@correct("relu", "Z.clip(min=0): a lower bound of 0 only")
def relu(Z):
    return Z.clip(min=0)


@correct("relu", "np.fmax(Z, 0) through an intermediate mask-free expression")
def relu(Z):
    zero = np.zeros_like(Z)
    return np.fmax(Z, zero)


# ---- linear_activation_forward --------------------------------------------------------------


@bug("linear_activation_forward", "if activation == 'relu' or 'sigmoid': the non-empty string 'sigmoid' is always true, so the output layer gets relu too",
     [r"always (true|taken)", r"non-?empty string", r"\bor\b.{0,20}(string|'sigmoid')", r"(sigmoid|output) (layer )?(gets|uses|given) (the )?relu", r"relu (where|instead of) (the )?sigmoid", r"truth"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "relu" or "sigmoid":
        A = relu(Z)
    else:
        A = sigmoid(Z)
    return A, (linear_cache, Z)


@bug("linear_activation_forward", "a dict of lambdas built in a comprehension, lambda z: g(z): every lambda sees the last g (late binding), so 'sigmoid' also runs relu",
     [r"late binding", r"lambda", r"closure", r"(sigmoid|output) (layer )?(gets|uses|given) (the )?relu", r"relu (where|instead of) (the )?sigmoid", r"(same|one) (function|activation) for (both|every)"])
def linear_activation_forward(A_prev, W, b, activation):
    table = {name: (lambda z: g(z)) for name, g in (("sigmoid", sigmoid), ("relu", relu))}
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = table[activation](Z)
    return A, (linear_cache, Z)


@bug("linear_activation_forward", "A = sigmoid(Z) for every layer, then the relu branch does A = relu(A): relu(sigmoid(Z)) is just sigmoid(Z), so the hidden layers are sigmoid",
     [r"relu\(sigmoid", r"sigmoid (where|instead of) (the )?relu", r"(hidden|relu) (layers? )?(gets?|uses?|given) (the )?sigmoid", r"both (activations|functions)", r"(composed|stacked|applied on top)"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = sigmoid(Z)
    if activation == "relu":
        A = relu(A)
    return A, (linear_cache, Z)


@bug("linear_activation_forward", "the name A_prev is reused for the layer's output, then the linear cache is rebuilt by hand as (A_prev, W, b): the cache holds A[l] where A[l-1] belongs",
     [r"A\[l\] (where|instead of|in place of) (the )?A\[l-1\]", r"(output|A\[l\]) (stored|kept|cached) (as|where)", r"reus", r"overwr", r"linear_cache (holds|has|keeps|contains)", r"cache (holds|has|contains|keeps)"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, _ = linear_forward(A_prev, W, b)
    A_prev = relu(Z) if activation == "relu" else sigmoid(Z)
    cache = ((A_prev, W, b), Z)
    return A_prev, cache


@correct("linear_activation_forward", "globals()[activation]: the module's own relu or sigmoid by name")
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = globals()[activation](Z)
    return A, (linear_cache, Z)


@correct("linear_activation_forward", "the linear step inline, the cache made with tuple() from a list")
def linear_activation_forward(A_prev, W, b, activation):
    Z = np.dot(W, A_prev) + b
    A = sigmoid(Z) if activation == "sigmoid" else relu(Z)
    return A, tuple([(A_prev, W, b), Z])


# ---- model_forward --------------------------------------------------------------------------


@bug("model_forward", "the output layer is called with A_prev, the loop's stale copy of A[L-2], instead of A (A[L-1])",
     [r"stale", r"A\[L-2\]", r"A_prev (where|instead of)", r"(wrong|previous|earlier) layer'?s? (output|activation)", r"layer L-2", r"two layers back"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A_prev, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_forward", "parameters['b' + str(L)] in the hidden loop (capital L typo for l): every hidden layer adds the output layer's b[L]",
     [r"b\[L\] (for|in|on|to|added|where|instead)", r"every (hidden )?layer (adds|gets|uses) b\[L\]", r"capital", r"typo", r"output layer'?s? (bias|b)", r"(wrong|another|other) layer'?s? (bias|b)", r"\bL\b (where|instead of) \bl\b"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        W, b = parameters["W" + str(l)], parameters["b" + str(L)]
        A, cache = linear_activation_forward(A, W, b, "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_forward", "one loop over 1..L with activation = 'sigmoid' if l == L - 1 else 'relu': the sigmoid goes to layer L-1 and the output layer gets relu",
     [r"layer L-1", r"off[- ]by[- ]one", r"(output|last) layer (gets|uses|given|is) (a )?relu", r"relu (on|for|at) the (output|last)", r"wrong layer", r"L ?- ?1 (where|instead)"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        activation = "sigmoid" if l == L - 1 else "relu"
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], activation)
        caches.append(cache)
    return A, caches


@bug("model_forward", "the hidden activation passed as 'ReLU': the name is not one dlkit knows (activations are lower case)",
     [r"(?-i:'ReLU')", r"(capital|upper)", r"lower ?case", r"(unknown|wrong|misspel\w*) (activation|name)", r"spell"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], activation="ReLU")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], activation="sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_forward", "the caches collected with caches.insert(0, cache): the list runs from layer L down to 1, so caches[l-1] is not layer l's cache",
     [r"insert", r"revers", r"(backwards|wrong) order", r"(front|beginning) of the list", r"caches\[0\] (is|holds)", r"order of the caches"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        act = "relu" if l < L else "sigmoid"
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], act)
        caches.insert(0, cache)
    return A, caches


@bug("model_forward", "the loop keeps a running A and writes each layer's A[l] into parameters['A' + str(l)] 'for later': the caller's parameters dict gains keys",
     IN_PLACE + [r"(adds|added|writes|wrote|stores|stored) (keys|entries)", r"parameters (dict )?(is |was )?(changed|modified|mutated)", r"mutat", r"extra keys", r"'A\d'"],
     contract="in place")
def model_forward(X, parameters):
    caches = []
    L = len(parameters) // 2
    parameters["A0"] = X
    for l in range(1, L + 1):
        act = "sigmoid" if l == L else "relu"
        parameters["A" + str(l)], cache = linear_activation_forward(
            parameters["A" + str(l - 1)], parameters["W" + str(l)], parameters["b" + str(l)], act)
        caches.append(cache)
    return parameters["A" + str(L)], caches


@correct("model_forward", "the layers walked by a while loop over the number of W keys, the activation chosen by comparison")
def model_forward(X, parameters):
    L = sum(1 for k in parameters if k.startswith("W"))
    caches, A, l = [], X, 1
    while l <= L:
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], "relu" if l != L else "sigmoid")
        caches += [cache]
        l += 1
    return A, caches


@correct("model_forward", "the output layer split off after the loop, with the hidden layers run by a for over range(1, L)")
def model_forward(X, parameters):
    L = len(parameters) // 2
    caches = []
    A_prev = X
    for l in range(1, L):
        A_prev, c = linear_activation_forward(A_prev, parameters["W%d" % l], parameters["b%d" % l], "relu")
        caches.append(c)
    AL, c = linear_activation_forward(A_prev, parameters["W%d" % L], parameters["b%d" % L], "sigmoid")
    return AL, caches + [c]


# ---- compute_cost ---------------------------------------------------------------------------


@bug("compute_cost", "for a, y in zip(AL, Y) walks the rows of the (1, m) arrays (one pass) and takes a[0], y[0]: only the first example's loss, divided by m",
     [r"first example", r"(one|single) example", r"zip", r"rows? (of|instead)", r"(only|just) one (loss|term|iteration)", r"other examples"])
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = 1e-15
    total = 0.0
    for a, y in zip(AL, Y):
        p = min(max(a[0], eps), 1 - eps)
        total += y[0] * np.log(p) + (1 - y[0]) * np.log(1 - p)
    return float(-total / m)


@bug("compute_cost", "np.log2 (base-2 logarithm) where the natural log belongs: the cost is 1/ln 2 = 1.44 times too large",
     [r"log2", r"base[- ]2", r"natural log", r"\bln\b", r"1\.44", r"(base|wrong) (of the )?log"])
def compute_cost(AL, Y):
    m = Y.shape[1]
    AL = np.clip(AL, 1e-15, 1 - 1e-15)
    losses = -(Y * np.log2(AL) + (1 - Y) * np.log2(1 - AL))
    return float(np.sum(losses) / m)


@bug("compute_cost", "np.clip(AL, eps, 1 + eps): the upper bound is above 1, so A[L] = 1 still gives log(0)",
     [r"1 ?\+ ?eps", r"upper (bound|limit)", r"above 1", r"log\(0\)", r"\binf\b|infinit", r"(not|never) clipped", r"clip"], contract="clipping")
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = 1e-12
    safe = np.clip(AL, eps, 1 + eps)
    with np.errstate(divide="ignore", invalid="ignore"):
        cost = -np.sum(Y * np.log(safe) + (1 - Y) * np.log(1 - safe)) / m
    return float(cost)


@bug("compute_cost", "m = np.size(loss, 0) on the (1, m) loss row: the number of rows (1), so the cost is the sum, not the mean",
     [r"number of rows", r"(one|1) row", r"m times", r"too large", r"(sum|total) (of|over|instead)", r"not (the )?(mean|average)", r"(divid\w*|averag\w*) by 1\b", r"size\(.{0,10}0\)"])
def compute_cost(AL, Y):
    AL = np.clip(AL, 1e-15, 1 - 1e-15)
    loss = Y * np.log(AL) + (1 - Y) * np.log(1 - AL)
    m = np.size(loss, 0)
    return float(-np.sum(loss) / m)


@correct("compute_cost", "the likelihood as |Y - 1 + A[L]| (A[L] for y = 1, 1 - A[L] for y = 0), clipped into [eps, 1]")
def compute_cost(AL, Y):
    m = AL.shape[1]
    eps = np.finfo(float).eps
    p = np.clip(np.abs(Y - 1 + AL), eps, 1.0)
    return float(-np.log(p).sum() / m)


@correct("compute_cost", "boolean indexing: the log of A[L] over the label-1 examples, of 1 - A[L] over the label-0 ones")
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    A = np.clip(AL, eps, 1 - eps)
    positives = np.log(A[Y == 1]).sum()
    negatives = np.log(1 - A[Y == 0]).sum()
    return float(-(positives + negatives) / m)
