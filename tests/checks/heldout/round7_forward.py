"""Held-out learner code, round 7: initialisation, the forward blocks and the cost.

Written on 2026-12-03 by a helper (branch ``heldout7``) that did not read
dlkit/checks (the engine), docs/relations.md, docs/grading.md, the earlier
rounds' baselines or any report the checks print; only the instructor
notebooks, DESIGN.md and dlkit's reference blocks. About two thirds are the
mistakes learners of the "step by step" assignment make most often, in a code
shape no earlier round used; the rest are rarer ones. No mutant, relation or
hint of dlkit.checks may be written from it (README.md, "Round 7").
"""
import math

import numpy as np

from dlkit import linear_activation_forward, linear_forward, relu, sigmoid  # noqa: F401 (found by global name)

from .registry import IN_PLACE, INTEGER, MATH_MODULE, OVERFLOW
from .registry7 import bug, correct

# ---- initialize_parameters ------------------------------------------------------------------


@bug("initialize_parameters", "with n, n_prev = layer_dims[l], layer_dims[l - 1], the scale is written / np.sqrt(n): the layer's own size where its number of inputs n[l-1] belongs",
     [r"n\[l\] ?(instead|where|rather)", r"(own|layer'?s) (size|number of units)", r"(number of )?inputs", r"sqrt\(n\[l\]\)", r"scal(e|ing|ed)\b", r"wrong (size|dimension)"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        parameters["W" + str(l)] = rng.randn(n, n_prev) / np.sqrt(n)
        parameters["b" + str(l)] = np.zeros((n, 1))
    return parameters


@bug("initialize_parameters", "np.random.seed(seed) is called inside the loop: every layer restarts the stream, so each W[l] begins with the same numbers",
     [r"re-?seed", r"(inside|in) the loop", r"(every|each) layer.{0,40}(same|restart|again)", r"(once|one generator)", r"same (random )?numbers", r"generator", r"stream"])
def initialize_parameters(layer_dims, seed=1):
    parameters = {}
    L = len(layer_dims) - 1
    for l in range(1, L + 1):
        np.random.seed(seed)
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "the new generator np.random.default_rng(seed).standard_normal: right scale and shape, but other numbers than the RandomState stream the notebook prescribes",
     [r"default_rng", r"generator", r"RandomState", r"(different|other|wrong) (random )?(numbers|stream|draws)", r"stream"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.default_rng(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) / np.sqrt(layer_dims[l - 1])
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


@correct("initialize_parameters", "RandomState.standard_normal of a shape tuple (the same stream as randn), keys built with %-formatting")
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        n_prev = layer_dims[l - 1]
        parameters["W%s" % l] = rng.standard_normal(size=(layer_dims[l], n_prev)) / np.sqrt(n_prev)
        parameters["b%s" % l] = np.zeros([layer_dims[l], 1])
    return parameters


# ---- linear_forward -------------------------------------------------------------------------


@bug("linear_forward", "Z = np.multiply(W, A_prev) + b: np.multiply is entry by entry, the matrix product W A_prev is needed",
     [r"element-?wise", r"entry by entry", r"matrix product", r"np\.dot", r"\bmatmul\b", r"np\.multiply", r"broadcast"])
def linear_forward(A_prev, W, b):
    Z = np.multiply(W, A_prev) + b
    linear_cache = (A_prev, W, b)
    return Z, linear_cache


@bug("linear_forward", "b.flatten() before adding: a 1-D (n[l],) bias broadcasts along the examples (columns), not down the units",
     [r"1-?D", r"flatten", r"column", r"broadcast", r"\(n\[l\],\)", r"lost its second dimension"])
def linear_forward(A_prev, W, b):
    Z = np.dot(W, A_prev) + b.flatten()
    linear_cache = (A_prev, W, b)
    return Z, linear_cache


@bug("linear_forward", "+ b[0]: only the first unit's bias is added, to every unit",
     [r"(first|one) (unit'?s )?bias", r"b\[0\]", r"same bias", r"(every|each|all) (unit|row)s?.{0,30}(same|first)", r"bias"])
def linear_forward(A_prev, W, b):
    Z = W @ A_prev + b[0]
    linear_cache = (A_prev, W, b)
    return Z, linear_cache


@correct("linear_forward", "np.add(np.matmul(W, A_prev), b)")
def linear_forward(A_prev, W, b):
    Z = np.add(np.matmul(W, A_prev), b)
    linear_cache = (A_prev, W, b)
    return Z, linear_cache


# ---- sigmoid --------------------------------------------------------------------------------


@bug("sigmoid", "two steps, e = np.exp(Z) then 1 / (1 + e): the minus of exp(-Z) is lost, so it is sigmoid(-Z)",
     [r"sigmoid\(-Z\)", r"1 ?- ?sigmoid", r"\bsign\b", r"minus", r"mirror", r"(flipped|reversed|upside)"])
def sigmoid(Z):
    e = np.exp(Z)
    A = 1 / (1 + e)
    return A


@bug("sigmoid", "np.vectorize over math.exp: right for moderate Z, but math.exp raises OverflowError for Z in the negative hundreds, where np.exp gives inf",
     MATH_MODULE + OVERFLOW + [r"OverflowError", r"vectori[sz]e"])
def sigmoid(Z):
    return np.vectorize(lambda z: 1 / (1 + math.exp(-z)))(Z)


@bug("sigmoid", "A = Z (an alias), then a double loop writes A[i, j] = 1 / (1 + exp(-Z[i, j])): the caller's Z is overwritten in place",
     IN_PLACE + [r"alias", r"same array", r"overwr"],
     contract="in place")
def sigmoid(Z):
    A = Z
    for i in range(Z.shape[0]):
        for j in range(Z.shape[1]):
            A[i, j] = 1 / (1 + np.exp(-Z[i, j]))
    return A


@correct("sigmoid", "stable by masks: 1 / (1 + e^-Z) where Z >= 0, e^Z / (1 + e^Z) elsewhere, each on its own entries only")
def sigmoid(Z):
    A = np.empty(Z.shape, dtype=float)
    pos = Z >= 0
    A[pos] = 1 / (1 + np.exp(-Z[pos]))
    e = np.exp(Z[~pos])
    A[~pos] = e / (1 + e)
    return A


# ---- relu -----------------------------------------------------------------------------------


@bug("relu", "np.max(0, Z): np.max is a reduction (its second argument is the axis), not the entry-by-entry np.maximum",
     [r"np\.max\b", r"reduc", r"\baxis\b", r"element-?wise"])
def relu(Z):
    A = np.max(0, Z)
    return A


@bug("relu", "a double loop sets Z[i][j] = 0 where it is negative and returns Z: the caller's Z is changed in place",
     IN_PLACE + [r"caller'?s Z", r"(changed|zeroed|overwr)"],
     contract="in place")
def relu(Z):
    for i in range(len(Z)):
        for j in range(len(Z[i])):
            if Z[i][j] < 0:
                Z[i][j] = 0
    return Z


@bug("relu", "(Z + abs(Z)) // 2: the right identity with floor division, so every positive value is rounded down",
     INTEGER + [r"whole number"])
def relu(Z):
    return (Z + abs(Z)) // 2


@correct("relu", "(Z + |Z|) / 2")
def relu(Z):
    return (Z + np.abs(Z)) / 2


# ---- linear_activation_forward --------------------------------------------------------------


@bug("linear_activation_forward", "cache = (linear_cache, Z) is indented into the relu branch only: with 'sigmoid' the cache is unbound (UnboundLocalError)",
     [r"indent", r"(only|just) (in|inside) (the )?(relu|one) branch", r"(un)?bound", r"(not|never) (defined|set|assigned).{0,40}sigmoid", r"sigmoid (branch|case|layer).{0,40}cache"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A = sigmoid(Z)
    elif activation == "relu":
        A = relu(Z)
        cache = (linear_cache, Z)
    return A, cache


@bug("linear_activation_forward", "copy-paste in a dispatch dict: {'sigmoid': sigmoid, 'relu': sigmoid}, so every layer uses the sigmoid",
     [r"copy", r"relu.{0,40}sigmoid", r"sigmoid.{0,40}(relu|every|both|all)", r"(always|every layer|both).{0,30}sigmoid", r"wrong (function|activation)"])
def linear_activation_forward(A_prev, W, b, activation):
    functions = {"sigmoid": sigmoid, "relu": sigmoid}
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = functions[activation](Z)
    cache = (linear_cache, Z)
    return A, cache


@bug("linear_activation_forward", "the activation is applied to an inline Z = W @ A_prev without + b; linear_forward's Z is only used for the cache",
     [r"(missing|without|forgot|no) (the )?(bias|b\b)", r"\bb\b.{0,40}(missing|not added|left out|dropped)", r"bias", r"inline", r"linear_forward'?s"])
def linear_activation_forward(A_prev, W, b, activation):
    _, linear_cache = linear_forward(A_prev, W, b)
    Z = W @ A_prev
    if activation == "sigmoid":
        A = sigmoid(Z)
    elif activation == "relu":
        A = relu(Z)
    cache = (linear_cache, linear_forward(A_prev, W, b)[0])
    return A, cache


@correct("linear_activation_forward", "a conditional expression picks the function, an unknown name raises")
def linear_activation_forward(A_prev, W, b, activation):
    if activation not in ("relu", "sigmoid"):
        raise ValueError(activation)
    Z, linear_cache = linear_forward(A_prev, W, b)
    g = relu if activation == "relu" else sigmoid
    return g(Z), (linear_cache, Z)


# ---- model_forward --------------------------------------------------------------------------


@bug("model_forward", "caches.append is written only after the output layer: the hidden layers' caches are never kept, caches holds one item",
     [r"(hidden|relu) layers?'? caches?.{0,30}(missing|not|never)", r"(only|just) (one|the last|the output)", r"(one|1) (item|cache|entry)", r"should hold \d+ items", r"(every|each) layer'?s cache"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_forward", "the output layer takes W[L] but b from the loop's leftover l (b[L-1]): a typo of one letter",
     [r"b\[L-1\]", r"\bb\d?\b.{0,40}(wrong|other|previous) layer", r"(wrong|other|previous) layer'?s (bias|b)", r"leftover", r"loop('s)? (variable|index)", r"\bbias"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(l)], "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_forward", "AL, caches = linear_activation_forward(...) for the output layer: the list of caches is overwritten by layer L's cache",
     [r"overwr", r"replaced", r"rebound", r"(not a|no longer a) list", r"(layer L'?s|output layer'?s|last) cache.{0,40}(instead|only)", r"tuple"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, caches = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    return AL, caches


@bug("model_forward", "AL = sigmoid(A): the sigmoid is put straight on A[L-1], so the output layer's W[L], b[L] are never used (and its cache is missing)",
     [r"W\[?L\]?.{0,40}(never|not) used", r"(skip|without|missing) (the )?(linear|output layer)", r"linear (step|part)", r"(output|last) layer.{0,40}(skipped|missing|never)", r"sigmoid (of|on) A\[L-1\]"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL = sigmoid(A)
    return AL, caches


@bug("model_forward", "caches.extend(cache): each cache's two items (linear_cache, Z) go in separately, caches holds 2L items",
     [r"extend", r"(2L|twice as many|two items per)", r"flat", r"(separately|one by one)", r"should hold \d+ items", r"\bpair\b"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], "relu" if l < L else "sigmoid")
        caches.extend(cache)
    return A, caches


@correct("model_forward", "one loop over l = 1..L, the activation picked inside, caches = caches + [cache]")
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        activation = "relu" if l < L else "sigmoid"
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], activation)
        caches = caches + [cache]
    return A, caches


@correct("model_forward", "the W and b arrays listed first, then zip over them with enumerate")
def model_forward(X, parameters):
    L = len(parameters) // 2
    Ws = [parameters["W" + str(l)] for l in range(1, L + 1)]
    bs = [parameters["b" + str(l)] for l in range(1, L + 1)]
    caches = []
    A = X
    for i, (W, b) in enumerate(zip(Ws, bs)):
        A, cache = linear_activation_forward(A, W, b, "sigmoid" if i == L - 1 else "relu")
        caches.append(cache)
    return A, caches


# ---- compute_cost ---------------------------------------------------------------------------


@bug("compute_cost", "a misplaced parenthesis: -1/m * np.sum(Y log AL) + (1 - Y) log(1 - AL), the second term is left outside the sum (an array)",
     [r"parenthes", r"outside the sum", r"second term.{0,40}(not summed|array|outside)", r"(not|never) summed", r"not a (single )?number", r"bracket"])
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    cost = -1 / m * np.sum(Y * np.log(AL)) + (1 - Y) * np.log(1 - AL)
    return float(cost)


@bug("compute_cost", "divides by len(AL), the number of rows (1), not by the number of examples m: the cost is the sum, not the average",
     [r"average", r"\bmean\b", r"m = \d+ times", r"times too (large|big)", r"not divided", r"(missing|without|no) (the )?1/m", r"len\(", r"number of (examples|columns|rows)"])
def compute_cost(AL, Y):
    m = Y.shape[1]   # noqa: F841 (the template's line, then not used)
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / len(AL)
    return float(cost)


@bug("compute_cost", "np.log10 (base-10 logarithm) where the natural log belongs: the cost is ln(10) = 2.3 times too small",
     [r"log10", r"base[- ]10", r"natural (log|logarithm)", r"2\.3\d* times", r"ln\(10\)", r"(wrong|other) base"])
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    cost = -(1 / m) * np.sum(Y * np.log10(AL) + (1 - Y) * np.log10(1 - AL))
    return float(cost)


@correct("compute_cost", "np.where picks log(AL) for y = 1 and log(1 - AL) for y = 0, after the clip; the mean")
def compute_cost(AL, Y):
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    cost = -np.mean(np.where(Y == 1, np.log(AL), np.log(1 - AL)))
    return float(cost)
