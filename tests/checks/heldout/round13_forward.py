"""Held-out learner code, round 13: initialisation, the forward blocks and the cost.

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
import numpy as np

from dlkit import linear_activation_forward, linear_forward, relu, sigmoid  # noqa: F401 (found by global name)

from .registry import IN_PLACE, OVERFLOW
from .registry13 import bug, correct

# a demo cell's globals, left in the learner's namespace
m = 4                      # from "X = np.random.randn(3, 4); m = X.shape[1]"

# ---- initialize_parameters ------------------------------------------------------------------


@bug("initialize_parameters",
     "the pair from zip(layer_dims, layer_dims[1:]) unpacked as (n, n_prev): W drawn (n[l-1], n[l]), scaled by "
     "1/sqrt(n[l]), and b given n[l-1] rows",
     [r"transpos", r"swapp", r"(wrong|reversed|other) (order|way round)", r"(rows|dimensions) and (columns|dimensions)",
      r"\(n\[l-1\], n\[l\]\)", r"unpack"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l, (n, n_prev) in enumerate(zip(layer_dims, layer_dims[1:]), start=1):
        parameters["W" + str(l)] = rng.randn(n, n_prev) / np.sqrt(n_prev)
        parameters["b" + str(l)] = np.zeros((n_prev, 1))
    return parameters


@bug("initialize_parameters",
     "a 0-based loop over range(len(layer_dims) - 1) with keys str(l): W0, b0, ..., W(L-1) instead of W1 .. WL",
     [r"W0", r"b0", r"(numbered|count\w*|start\w*|index\w*) from (0|zero)", r"off by one", r"one (lower|too low)",
      r"keys? .{0,40}(shift|lower|wrong|number)", r"(wrong|unexpected) keys?"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(len(layer_dims) - 1):
        parameters["W" + str(l)] = rng.randn(layer_dims[l + 1], layer_dims[l]) / np.sqrt(layer_dims[l])
        parameters["b" + str(l)] = np.zeros((layer_dims[l + 1], 1))
    return parameters


@bug("initialize_parameters",
     "He scaling from the other assignment: randn * sqrt(2 / n[l-1]) instead of / sqrt(n[l-1]) (every W sqrt(2) "
     "times too large)",
     [r"sqrt\(2", r"\bhe\b", r"sqrt ?2", r"1\.41", r"(scale|factor).{0,40}(wrong|too large|2)",
      r"too large"],
     contract="initialisation scale")
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        scale = np.sqrt(2 / layer_dims[l - 1])
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) * scale
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters",
     "W filled column by column (W[:, j] = rng.randn(n[l])): the same numbers, laid out in the transposed order",
     [r"column by column", r"(filled|drawn|laid out).{0,40}(column|order)", r"(wrong|other|different) order",
      r"transpos\w* (order|layout)", r"column-?major", r"order of the draws"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        W = np.zeros((layer_dims[l], layer_dims[l - 1]))
        for j in range(layer_dims[l - 1]):
            W[:, j] = rng.randn(layer_dims[l])
        parameters["W" + str(l)] = W / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@correct("initialize_parameters", "W filled row by row from rng.randn(n[l-1]) (the same stream, in C order)")
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        W = np.empty((layer_dims[l], layer_dims[l - 1]))
        for i in range(layer_dims[l]):
            W[i] = rng.randn(layer_dims[l - 1])
        parameters["W" + str(l)] = W / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@correct("initialize_parameters", "rng.standard_normal with a shape tuple (the same draws as randn), keys by %-format")
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        parameters["W%d" % l] = rng.standard_normal((n, n_prev)) / n_prev ** 0.5
        parameters["b%d" % l] = np.zeros([n, 1])
    return parameters


# ---- linear_forward -------------------------------------------------------------------------


@bug("linear_forward",
     "W transposed into WT = W.T before the product: np.dot(W.T, A_prev) (right only by accident when W is square)",
     [r"transpos", r"W\.T", r"W\^T", r"(n\[l-1\], n\[l\])", r"(wrong|other) way round"])
def linear_forward(A_prev, W, b):
    WT = W.T
    Z = np.dot(WT, A_prev) + b
    return Z, (A_prev, W, b)


@bug("linear_forward",
     "b added as b.T, a (1, n[l]) row: it broadcasts along the examples, not down the units",
     [r"b\.T", r"\(1, n\[l\]\)", r"a row\b", r"transpos\w* (of )?b", r"(per|each|every) (column|example)",
      r"along the (columns|examples)", r"broadcast\w* (along|across|over) (the )?(examples|columns)"])
def linear_forward(A_prev, W, b):
    Z = np.dot(W, A_prev) + b.T
    return Z, (A_prev, W, b)


@bug("linear_forward",
     "the linear cache stored as (A_prev, b, W): W and b swapped in the cache",
     [r"(A_prev, b, W)", r"swapp", r"(wrong|other) order", r"(W|b) and (b|W).{0,30}(swapp|exchang|order|place)",
      r"cache.{0,40}order", r"order.{0,40}cache"])
def linear_forward(A_prev, W, b):
    Z = np.dot(W, A_prev) + b
    cache = (A_prev, b, W)
    return Z, cache


@bug("linear_forward",
     "a loop over the examples bounded by the demo cell's global m = 4 instead of A_prev.shape[1]",
     [r"global", r"demo", r"\bm = 4\b", r"(number of )?examples.{0,40}(wrong|fixed|hard)",
      r"(only|first) \d+ (columns|examples)", r"(columns|examples).{0,30}(missing|left|zero|never)"])
def linear_forward(A_prev, W, b):
    Z = np.zeros((W.shape[0], m))
    for i in range(m):
        Z[:, i] = W @ A_prev[:, i] + b[:, 0]
    return Z, (A_prev, W, b)


@correct("linear_forward", "np.matmul plus b tiled across the m columns with np.tile")
def linear_forward(A_prev, W, b):
    Z = np.matmul(W, A_prev) + np.tile(b, (1, A_prev.shape[1]))
    return Z, (A_prev, W, b)


@correct("linear_forward", "a loop over the examples bounded by A_prev.shape[1], each column W a + b")
def linear_forward(A_prev, W, b):
    n_examples = A_prev.shape[1]
    columns = [W.dot(A_prev[:, [j]]) + b for j in range(n_examples)]
    Z = np.hstack(columns)
    return Z, (A_prev, W, b)


# ---- sigmoid --------------------------------------------------------------------------------


@bug("sigmoid",
     "e = np.exp(Z); A = e / (e + 1): inf / inf = nan for Z in the hundreds",
     OVERFLOW + [r"\bnan\b", r"inf ?/ ?inf", r"exp\(Z\)"])
def sigmoid(Z):
    e = np.exp(Z)
    A = e / (e + 1)
    return A


@bug("sigmoid",
     "t = np.exp(-Z); A = t / (1 + t): that is 1 - sigmoid(Z) = sigmoid(-Z)",
     [r"1 - sigmoid", r"1 - s\b", r"sigmoid\(-Z\)", r"(mirror|reflect|complement|flipped)", r"(sign|minus).{0,30}(wrong|lost|flipped)",
      r"exp\(-Z\) ?/"])
def sigmoid(Z):
    t = np.exp(-Z)
    A = t / (1 + t)
    return A


@bug("sigmoid",
     "Euler's number typed as e = 2.72 and used as 1 / (1 + e ** -Z) instead of np.exp: every value a little off",
     [r"2\.72?", r"approximat", r"np\.exp\b.{0,20}(instead|not)", r"instead of (np\.)?exp", r"\be\b.{0,30}(rounded|constant|value)", r"(not|instead of) (the )?exp"])
def sigmoid(Z):
    e = 2.72
    A = 1 / (1 + e ** -Z)
    return A


@bug("sigmoid",
     "np.expm1(-Z) used as exp(-Z): 1 / (1 + expm1(-Z)) = 1 / exp(-Z) = exp(Z)",
     [r"expm1", r"exp\(-?Z\) ?- ?1", r"minus one", r"exp\(Z\) instead", r"1 ?/ ?exp\(-Z\)", r"(above|greater than|more than) 1"])
def sigmoid(Z):
    denominator = 1 + np.expm1(-Z)
    return 1 / denominator


@correct("sigmoid", "2 + expm1(-Z) is exactly 1 + exp(-Z)")
def sigmoid(Z):
    with np.errstate(over="ignore"):
        return 1 / (2 + np.expm1(-Z))


@correct("sigmoid", "a stable np.where of the two forms, each on exp(-|Z|)")
def sigmoid(Z):
    e = np.exp(-np.abs(Z))
    return np.where(Z >= 0, 1 / (1 + e), e / (1 + e))


# ---- relu -----------------------------------------------------------------------------------


@bug("relu",
     "np.clip(Z, 0, None, out=Z): the negatives of the caller's Z are overwritten in place and Z itself is returned",
     IN_PLACE + [r"out=", r"alias", r"same array", r"changed Z", r"(modified|mutated|overwr\w*) Z"],
     contract="in place")
def relu(Z):
    np.clip(Z, 0, None, out=Z)
    return Z


@bug("relu",
     "a comprehension over Z.flatten() with Python's max: A comes back 1-D, (n*m,), not Z's shape",
     [r"1-D", r"flat", r"(lost|lose)\w* .{0,20}(shape|dimension)", r"reshape", r"(shape|dimension).{0,40}(lost|wrong)",
      r"one long"])
def relu(Z):
    A = np.array([max(z, 0) for z in Z.flatten()])
    return A


@bug("relu",
     "np.where(Z < 0, Z, 0): the branches swapped, so A keeps the negative part and zeroes the positive one",
     [r"swapp", r"(branches|arguments).{0,40}(order|wrong|revers|exchang)", r"negative (part|entries|values)",
      r"min\(", r"minimum", r"revers\w*"])
def relu(Z):
    A = np.where(Z < 0, Z, 0)
    return A


@correct("relu", "np.sign(Z) clipped to 0/1 times Z")
def relu(Z):
    return Z * np.clip(np.sign(Z), 0, 1)


@correct("relu", "Z.clip(0) (the method, min only)")
def relu(Z):
    A = Z.clip(0)
    return A


# ---- linear_activation_forward --------------------------------------------------------------


@bug("linear_activation_forward",
     "the activation cache set to A (activation_cache = A): the cache holds A[l] where Z[l] belongs",
     [r"cache.{0,30}(holds|stores|contains|keeps) A\b", r"A\[l\] (in|into) the cache", r"\bA\b.{0,40}(instead|where|rather).{0,20}\bZ\b", r"(output|activation'?s? (value|output)).{0,40}cache",
      r"cached? (the )?(output|activation)", r"not Z"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A = sigmoid(Z)
    elif activation == "relu":
        A = relu(Z)
    activation_cache = A
    return A, (linear_cache, activation_cache)


@bug("linear_activation_forward",
     "linear_forward called with W.T: wrong product (it only runs when W is square)",
     [r"transpos", r"W\.T", r"W\^T", r"(wrong|other) way round"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W.T, b)
    A = sigmoid(Z) if activation == "sigmoid" else relu(Z)
    return A, (linear_cache, Z)


@bug("linear_activation_forward",
     "the linear step written inline and its cache built as (W, A_prev, b): the cache's first two items swapped",
     [r"\(W, A_prev, b\)", r"swapp", r"(wrong|other) order", r"cache.{0,40}order", r"order.{0,40}cache",
      r"W (and|where) A_prev"])
def linear_activation_forward(A_prev, W, b, activation):
    Z = W @ A_prev + b
    linear_cache = (W, A_prev, b)
    A = relu(Z) if activation == "relu" else sigmoid(Z)
    return A, (linear_cache, Z)


@bug("linear_activation_forward",
     "a dispatch dict built by zip(['relu', 'sigmoid'], [sigmoid, relu]): each name mapped to the other activation",
     [r"swapp", r"(relu|sigmoid).{0,40}(instead|where|for).{0,40}(sigmoid|relu)", r"(wrong|other) activation",
      r"mapped", r"(mismatch|mix)\w*"])
def linear_activation_forward(A_prev, W, b, activation):
    functions = dict(zip(["relu", "sigmoid"], [sigmoid, relu]))
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = functions[activation](Z)
    return A, (linear_cache, Z)


@correct("linear_activation_forward", "an inline linear step and both activations by expression, the cache a fresh tuple")
def linear_activation_forward(A_prev, W, b, activation):
    Z = np.dot(W, A_prev) + b
    if activation == "relu":
        A = np.maximum(Z, 0)
    else:
        A = 1 / (1 + np.exp(-Z))
    return A, ((A_prev, W, b), Z)


@correct("linear_activation_forward", "g picked from a list by index, linear_forward called by keyword")
def linear_activation_forward(A_prev, W, b, activation):
    g = [relu, sigmoid][["relu", "sigmoid"].index(activation)]
    Z, linear_cache = linear_forward(A_prev=A_prev, W=W, b=b)
    return g(Z), (linear_cache, Z)


# ---- model_forward --------------------------------------------------------------------------


@bug("model_forward",
     "the hidden while loop stops at l < L - 1: layer L-1 is never run and the output layer is fed A[L-2]",
     [r"(one|a) (hidden )?layer (short|missing|skipped|too few)", r"skipp\w*", r"never (run|computed|applied)",
      r"L ?- ?2", r"off by one", r"(too few|missing) (layers|caches)", r"(fewer|only) \d+ caches"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    l = 1
    while l < L - 1:
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
        l += 1
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_forward",
     "caches.append(cache) placed before the output layer's call: the last hidden cache is stored twice and the "
     "output layer's cache never",
     [r"(twice|duplicat|repeated|same cache)", r"(output|last) layer'?s? cache.{0,40}(missing|never|not)",
      r"caches\[-1\].{0,40}(hidden|layer L-1)", r"before the (output|last)", r"(wrong|stale) cache"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    return AL, caches


@bug("model_forward",
     "A_prev = X reset inside the loop: every hidden layer is fed X instead of the previous layer's A",
     [r"\bX\b.{0,40}(every|each|all) (hidden )?layer", r"(every|each) layer.{0,40}\bX\b", r"not chained",
      r"previous layer'?s? (output|A)", r"(fed|given|receives?) X", r"reset"])
def model_forward(X, parameters):
    caches = []
    L = len(parameters) // 2
    A = X
    for l in range(1, L):
        A_prev = X
        A, cache = linear_activation_forward(A_prev, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_forward",
     "returns A (the last hidden layer's output) instead of AL",
     [r"(last )?hidden (layer'?s? )?(output|activation)", r"A\[L-1\] (instead|returned)", r"(wrong|other) (variable|array)",
      r"(returned|returns) A\b", r"not (the )?(output|sigmoid)", r"before the (output|sigmoid)"])
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


@bug("model_forward",
     "the hidden loop reads parameters['W' + str(l + 1)]: keys one layer up, so layer l uses W[l+1], b[l+1]",
     [r"l ?\+ ?1", r"one (layer )?(up|too high|higher|ahead)", r"shift\w*", r"off by one", r"(wrong|next) layer'?s?",
      r"keys?.{0,30}(wrong|index)"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        W, b = parameters["W" + str(l + 1)], parameters["b" + str(l + 1)]
        A, cache = linear_activation_forward(A, W, b, "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_forward",
     "the output layer called with the loop's leftover variable activation ('relu'): a ReLU output layer",
     [r"(output|last) layer.{0,40}relu", r"relu.{0,40}(output|last) layer", r"no sigmoid", r"sigmoid.{0,30}(missing|never)",
      r"leftover", r"(wrong|hidden) activation"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        activation = "relu"
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], activation)
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], activation)
    caches.append(cache)
    return AL, caches


@correct("model_forward", "one loop to L, the activation picked by a boolean index into a tuple")
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        act = ("relu", "sigmoid")[l == L]
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], act)
        caches.append(cache)
    return A, caches


@correct("model_forward", "the layer numbers read from the W keys, sorted as integers")
def model_forward(X, parameters):
    layers = sorted(int(k[1:]) for k in parameters if k.startswith("W"))
    A, caches = X, []
    for l in layers:
        activation = "sigmoid" if l == layers[-1] else "relu"
        A, cache = linear_activation_forward(A, parameters["W%d" % l], parameters["b%d" % l], activation)
        caches.append(cache)
    return A, caches


# ---- compute_cost ---------------------------------------------------------------------------


@bug("compute_cost",
     "the clipped AL stored in AL_clipped but the logs still taken of AL: log(0) gives an infinite cost",
     [r"clip\w*.{0,60}(not used|unused|never used|ignored|original)", r"(not|never|un)\s?clipped", r"\binf\w*",
      r"not finite", r"log\(0\)"],
     contract="clipping")
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    AL_clipped = np.clip(AL, eps, 1 - eps)
    cost = -(1 / m) * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return float(cost)


@bug("compute_cost",
     "np.mean over the losses and then / m as well: the cost divided by m twice",
     [r"m times too small", r"divided by m (twice|again)", r"(twice|again|second).{0,30}(m\b|mean|averag)",
      r"(mean|averag)\w*.{0,40}(and|then).{0,20}(/ ?m|divid)", r"(m|\d+) times too small"])
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    losses = -(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    cost = np.mean(losses) / m
    return float(cost)


@bug("compute_cost",
     "m never defined in the function: the demo cell's global m = 4 divides the sum",
     [r"global", r"demo", r"\bm = 4\b", r"(m|number of examples).{0,30}(wrong|fixed|hard|not from)",
      r"(times|×) too (large|small)"])
def compute_cost(AL, Y):
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    total = np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    cost = -total / m
    return float(cost)


@bug("compute_cost",
     "(1 - Y) * (1 - np.log(AL)) for the second term: 1 - log(AL) instead of log(1 - AL)",
     [r"1 - log", r"log.{0,20}(outside|inside|wrong place)", r"(parenthes|bracket)", r"log\(1 ?- ?AL\).{0,40}(instead|not)",
      r"second term"])
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    cost = -(1 / m) * np.sum(Y * np.log(AL) + (1 - Y) * (1 - np.log(AL)))
    return float(cost)


@correct("compute_cost", "row-vector products with the transposed logs, .item(), after the clip")
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    cost = -(Y @ np.log(AL).T + (1 - Y) @ np.log(1 - AL).T).item() / m
    return float(cost)


@correct("compute_cost", "np.average of the log-likelihood picked by np.where on the labels")
def compute_cost(AL, Y):
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    cost = -np.average(np.log(np.where(Y == 1, AL, 1 - AL)))
    return float(cost)
