"""Held-out learner code, round 14: initialisation, the forward blocks and the cost.

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
import math

import numpy as np
import scipy.special

from dlkit import linear_activation_forward, linear_forward, relu, sigmoid  # noqa: F401 (found by global name)

from .registry import INTEGER
from .registry14 import bug, correct

# ---- initialize_parameters ------------------------------------------------------------------


@bug("initialize_parameters",
     "enumerate(layer_dims[1:]) counts from 0, yet W is drawn (n, layer_dims[l - 1]): the first layer takes its "
     "input size from layer_dims[-1] and every later one from two layers back",
     [r"off by one", r"layer_dims\[-1\]", r"(last|output) layer'?s? (size|width)", r"two layers? (back|before|earlier)",
      r"n\[l-2\]", r"(index|count)\w* .{0,30}(from 0|shift|one (too )?(low|lower|early))", r"wrong (input )?size"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l, n in enumerate(layer_dims[1:]):
        n_prev = layer_dims[l - 1]
        parameters["W" + str(l + 1)] = rng.randn(n, n_prev) / np.sqrt(n_prev)
        parameters["b" + str(l + 1)] = np.zeros((n, 1))
    return parameters


@bug("initialize_parameters",
     "the variance 1/n[l-1] used as the standard deviation: randn * (1 / n[l-1]) instead of / sqrt(n[l-1])",
     [r"varian", r"standard deviation", r"sqrt.{0,30}(missing|forgot|dropped|left out)", r"(without|no) (the )?(square )?root",
      r"square root", r"(scale|factor).{0,40}(wrong|too small)", r"1 ?/ ?n\[l-1\]"],
     contract="initialisation scale")
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        std = 1 / layer_dims[l - 1]           # "Var(W) = 1/n" (lecture), used as the std
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) * std
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters",
     "the keys numbered by len(parameters) as the dict grows: W0, b1, W2, b3, ... instead of W1, b1, W2, b2",
     [r"W0", r"len\(parameters\)", r"(wrong|unexpected|misnumbered) keys?", r"keys? .{0,40}(number|index|count)\w*",
      r"(dict'?s? )?(size|length).{0,30}(key|index)", r"b3", r"W2.{0,20}b3"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(len(parameters))] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(len(parameters))] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters",
     "a nested dict per layer, parameters[l] = {'W': W, 'b': b} with integer keys, instead of the flat 'W1', 'b1', ...",
     [r"nested", r"dicts? (of|inside|within|per) (dicts?|layer)", r"(integer|int|number) keys", r"flat (keys|dict)",
      r"keys? (should|must) be (strings|'W1'|\"W1\")", r"(one|a) dict per layer"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[l] = {"W": rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1]),
                         "b": np.zeros((layer_dims[l], 1))}
    return parameters


@correct("initialize_parameters", "one scalar rng.randn() per entry in a double loop (the same stream in C order)")
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        W = np.zeros((layer_dims[l], layer_dims[l - 1]))
        for i in range(layer_dims[l]):
            for j in range(layer_dims[l - 1]):
                W[i, j] = rng.randn()
        parameters["W" + str(l)] = W / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@correct("initialize_parameters", "rng.normal(size=...) (the legacy stream of randn), times 1 / math.sqrt(n[l-1])")
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l, (n_prev, n) in enumerate(zip(layer_dims[:-1], layer_dims[1:]), start=1):
        parameters[f"W{l}"] = rng.normal(size=(n, n_prev)) * (1.0 / math.sqrt(n_prev))
        parameters[f"b{l}"] = np.zeros((n, 1))
    return parameters


# ---- linear_forward -------------------------------------------------------------------------


@bug("linear_forward",
     "a loop over the examples bounded by A_prev.shape[0] (n[l-1]) instead of shape[1] (m): columns past n[l-1] "
     "stay 0, or the loop runs off the end",
     [r"shape\[0\]", r"(rows|features|n\[l-1\]) instead of (the )?(columns|examples|m)",
      r"(some|later|last|remaining) (columns|examples).{0,30}(0|zero|missing|not computed)", r"(wrong|loop) bound",
      r"(loop|range).{0,40}(wrong|n\[l-1\]|features)", r"(not|never) (all|every) (the )?(examples|columns)"])
def linear_forward(A_prev, W, b):
    Z = np.zeros((W.shape[0], A_prev.shape[1]))
    for i in range(A_prev.shape[0]):
        Z[:, i] = W @ A_prev[:, i] + b[:, 0]
    return Z, (A_prev, W, b)


@bug("linear_forward",
     "Z preallocated with dtype=int and filled column by column: every entry truncated to an integer",
     INTEGER + [r"dtype", r"\bint\b", r"whole numbers", r"(lost|drop\w*) (the )?(fraction|decimals)"])
def linear_forward(A_prev, W, b):
    Z = np.zeros((W.shape[0], A_prev.shape[1]), dtype=int)
    for j in range(A_prev.shape[1]):
        Z[:, j] = np.dot(W, A_prev[:, j]) + b[:, 0]
    return Z, (A_prev, W, b)


@bug("linear_forward",
     "the broadcast product W[:, :, None] * A_prev[None] summed over axis 0 (the units) instead of axis 1 (n[l-1])",
     [r"axis ?=? ?0", r"wrong axis", r"(summed|sum\w*) over (the )?(wrong|units|rows|n\[l\])",
      r"(should|must) (sum|be summed) over", r"(contract|reduc)\w* .{0,30}(wrong|axis)"])
def linear_forward(A_prev, W, b):
    products = W[:, :, None] * A_prev[None, :, :]       # (n[l], n[l-1], m)
    Z = products.sum(axis=0) + b
    return Z, (A_prev, W, b)


# Written as a bug ("the linear cache returned as a list [A_prev, W, b] instead of the tuple"); it passed
# (a false pass on 482eba5). Moved here under issue 12 item 5 (one contract), with notebook 2 saying so: the
# kit treats a cache's tuple and list alike everywhere (the backward step only unpacks it).
@correct("linear_forward", "the linear cache as a list [A_prev, W, b]: accepted, notebook 2 says so (item 5)")
def linear_forward(A_prev, W, b):
    Z = np.dot(W, A_prev) + b
    linear_cache = [A_prev, W, b]
    return Z, linear_cache


@correct("linear_forward", "np.matmul, then b reshaped to a column with reshape(-1, 1)")
def linear_forward(A_prev, W, b):
    Z = np.matmul(W, A_prev) + b.reshape(-1, 1)
    return Z, (A_prev, W, b)


@correct("linear_forward", "one column per example by a comprehension, np.column_stack")
def linear_forward(A_prev, W, b):
    Z = np.column_stack([W @ A_prev[:, j] + b[:, 0] for j in range(A_prev.shape[1])])
    return Z, (A_prev, W, b)


# ---- sigmoid --------------------------------------------------------------------------------


@bug("sigmoid",
     "scipy.special.logit (the inverse of the sigmoid, log(p / (1 - p))) used instead of expit",
     [r"logit", r"inverse", r"log\(.{0,12}/ ?\(?1 ?- ", r"expit"])
def sigmoid(Z):
    return scipy.special.logit(Z)


@bug("sigmoid",
     "floor division 1 // (1 + exp(-Z)): every value rounded down to 0 (or 1)",
     INTEGER + [r"only (0|zero)s?( and| or) (1|one)s?", r"(all|every) (values?|entr\w+|outputs?) (are |is )?(0|zero)"])
def sigmoid(Z):
    return 1 // (1 + np.exp(-Z))


@bug("sigmoid",
     "1 / (1 - exp(-Z)): a minus in the denominator (infinite at Z = 0, negative for Z < 0)",
     [r"1 ?- ?(np\.)?exp", r"(wrong|minus|flipped) sign", r"sign.{0,30}(denominator|wrong|flipped)",
      r"(division|divid\w*) by (0|zero)", r"(minus|subtract\w*) instead of (a )?(plus|add)", r"\+ ?instead"])
def sigmoid(Z):
    return 1 / (1 - np.exp(-Z))


@bug("sigmoid",
     "exp(Z) / (exp(Z) + exp(-Z)), a tanh-style form that is sigmoid(2 Z), not sigmoid(Z)",
     [r"2 ?\*? ?Z", r"twice (the |as steep|Z)", r"doubled", r"factor (of )?2", r"softmax", r"sigmoid\(2", r"tanh", r"exp\(Z\) ?\+ ?(np\.)?exp\(-Z\)"])
def sigmoid(Z):
    return np.exp(Z) / (np.exp(Z) + np.exp(-Z))


@correct("sigmoid", "exp(-logaddexp(0, -Z)), i.e. exp(-log(1 + exp(-Z))), stable for any Z")
def sigmoid(Z):
    return np.exp(-np.logaddexp(0, -Z))


@correct("sigmoid", "np.piecewise with the two stable branches")
def sigmoid(Z):
    return np.piecewise(Z, [Z >= 0, Z < 0],
                        [lambda z: 1 / (1 + np.exp(-z)), lambda z: np.exp(z) / (1 + np.exp(z))])


# ---- relu -----------------------------------------------------------------------------------


@bug("relu",
     "np.max over a stack of Z and zeros along axis=1 instead of axis=0: a maximum across the units of each example",
     [r"axis ?=? ?1", r"wrong axis", r"stack", r"(across|over) (the )?(units|rows|columns)", r"axis ?=? ?0"])
def relu(Z):
    stacked = np.stack([Z, np.zeros_like(Z)])       # (2, n, m)
    return np.max(stacked, axis=1)


@bug("relu",
     "abs(Z) + Z / 2 for (|Z| + Z) / 2: the parentheses missing, only Z halved",
     [r"parenthes", r"precedence", r"order of operations", r"\|Z\| ?\+ ?Z ?/ ?2", r"abs\(Z\) ?\+ ?Z ?/ ?2",
      r"(only|just) Z (is )?(halved|divided)", r"1\.5 ?(times|Z)"])
def relu(Z):
    return abs(Z) + Z / 2


@bug("relu",
     "Z[Z > 0] returned: a 1-D array of the positive entries, the zeros (and the shape) dropped",
     [r"1-D", r"flattened", r"one-dimensional", r"(dropp|remov|discard|lost)\w* (the )?(negative|zero|non-positive)",
      r"boolean (index|select|mask)", r"fewer (entries|values)", r"(only|just) the positive"])
def relu(Z):
    return Z[Z > 0]


@correct("relu", "Z times np.greater(Z, 0) (a boolean, so Z's dtype is kept)")
def relu(Z):
    return Z * np.greater(Z, 0)


@correct("relu", "a copy, then the negative entries set to 0 in the copy")
def relu(Z):
    A = np.copy(Z)
    A[A < 0] = 0
    return A


# ---- linear_activation_forward --------------------------------------------------------------


@bug("linear_activation_forward",
     "the whole (Z, linear_cache) pair returned by linear_forward kept as the linear cache",
     [r"nested", r"\(Z, ?linear_cache\)", r"pair", r"linear_cache.{0,40}(wrong|holds|contains|should|instead)",
      r"(whole|entire) (result|output|return)", r"(tuple|cache) (of|inside|within) (a |the )?(tuple|cache)"])
def linear_activation_forward(A_prev, W, b, activation):
    out = linear_forward(A_prev, W, b)
    Z, linear_cache = out[0], out
    A = relu(Z) if activation == "relu" else sigmoid(Z)
    return A, (linear_cache, Z)


@bug("linear_activation_forward",
     "the conditional expression the wrong way round: sigmoid when activation is 'relu', relu when it is 'sigmoid'",
     [r"swapp", r"(wrong|other) (way round|activation)", r"reversed", r"sigmoid (for|when|where).{0,20}relu",
      r"relu (for|when|where).{0,20}sigmoid", r"exchang"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = sigmoid(Z) if activation == "relu" else relu(Z)
    return A, (linear_cache, Z)


@bug("linear_activation_forward",
     "Z built one example at a time, the linear cache left from the last iteration: it holds only the last column "
     "of A_prev",
     [r"last (example|column)", r"one (example|column)", r"(only|single) (the )?(last )?(example|column)",
      r"linear_cache.{0,60}(m ?= ?1|one column|1 column|\(n\[l-1\], 1\))", r"loop.{0,40}cache"])
def linear_activation_forward(A_prev, W, b, activation):
    Z = np.zeros((W.shape[0], A_prev.shape[1]), dtype=A_prev.dtype)
    for j in range(A_prev.shape[1]):
        Z_j, linear_cache = linear_forward(A_prev[:, j:j + 1], W, b)
        Z[:, j:j + 1] = Z_j
    A = relu(Z) if activation == "relu" else sigmoid(Z)
    return A, (linear_cache, Z)


@bug("linear_activation_forward",
     "activation compared with the function relu (activation == relu), never equal to the string: always sigmoid",
     [r"(function|object).{0,40}(compar|==|string|name)", r"compar\w* .{0,40}(function|the name)",
      r"(always|every\w*).{0,30}sigmoid", r"(never|not) (applies|uses|runs|applied|used) relu",
      r"relu (is )?never", r"(a |the )?string ('relu'|\"relu\"|name)"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == relu:
        A = relu(Z)
    else:
        A = sigmoid(Z)
    return A, (linear_cache, Z)


@correct("linear_activation_forward", "a dict lookup of the forward function, then one call")
def linear_activation_forward(A_prev, W, b, activation):
    forward = {"relu": relu, "sigmoid": sigmoid}[activation]
    Z, linear_cache = linear_forward(A_prev, W, b)
    return forward(Z), (linear_cache, Z)


@correct("linear_activation_forward", "inline: Z = W @ A_prev + b and both activations written out, the caches by hand")
def linear_activation_forward(A_prev, W, b, activation):
    Z = W @ A_prev + b
    if activation == "relu":
        A = np.maximum(Z, 0)
    else:
        with np.errstate(over="ignore"):
            A = 1 / (1 + np.exp(-Z))
    return A, ((A_prev, W, b), Z)


# ---- model_forward --------------------------------------------------------------------------


@bug("model_forward",
     "A_prev = A dedented below the hidden loop: every hidden layer is fed X, not the previous layer's output",
     [r"(every|each|all) (hidden )?layers?.{0,30}(fed|given|gets|receiv\w*|uses?) X", r"(always|only) X",
      r"A_prev.{0,40}(never|not) (updated|advanced|reassigned)", r"(previous|last) layer'?s? (output|activation)",
      r"(outside|after|below) the loop", r"indent"])
def model_forward(X, parameters):
    caches = []
    L = len(parameters) // 2
    A_prev = X
    for l in range(1, L):
        A, cache = linear_activation_forward(A_prev, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    A_prev = A
    AL, cache = linear_activation_forward(A_prev, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_forward",
     "each cache re-packed as (Z, linear_cache) before it is appended: the two cache items swapped",
     [r"\(Z, ?linear_cache\)", r"swapp", r"(wrong|other|reversed) order", r"cache.{0,40}(order|swapp|reversed)",
      r"(Z|linear_cache) (first|second)", r"exchang"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        activation = "relu" if l < L else "sigmoid"
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], activation)
        linear_cache, Z = cache
        caches.append((Z, linear_cache))
    return A, caches


@bug("model_forward",
     "ReLU on every layer, the output layer too, then sigmoid applied on top of A[L] (sigmoid of a ReLU)",
     [r"sigmoid (of|on|after) (the |a )?relu", r"relu.{0,40}(output|last) layer", r"(output|last) layer.{0,40}relu",
      r"(twice|two activations|both activations)", r"(at least|never below) 0\.5"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL = sigmoid(A)
    return AL, caches


@bug("model_forward",
     "the forward chain run one example at a time, each example's L caches appended: L * m caches of m = 1",
     [r"(per|each|every|one) (example|column)", r"too many caches", r"L ?\* ?m", r"(caches|list).{0,30}(too long|many|items)",
      r"(single|one) column"])
def model_forward(X, parameters):
    caches = []
    L = len(parameters) // 2
    AL = np.zeros((1, X.shape[1]))
    for j in range(X.shape[1]):
        A = X[:, j:j + 1]
        for l in range(1, L + 1):
            activation = "sigmoid" if l == L else "relu"
            A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], activation)
            caches.append(cache)
        AL[:, j:j + 1] = A
    return AL, caches


@bug("model_forward",
     "the hidden loop reads W from str(l + 1) but b from str(l): the b keys one lower than the W keys (b0)",
     [r"\bb0\b", r"b ?keys?.{0,40}(one|shift|lower|off|wrong)", r"off by one",
      r"(W|b) and (b|W) (keys|indices).{0,20}(differ|disagree|mismatch)", r"(wrong|different) (index|key) for b"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(L - 1):
        A, cache = linear_activation_forward(A, parameters["W" + str(l + 1)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_forward",
     "'tanh' for the hidden layers (from the planar-data assignment) instead of 'relu'",
     [r"tanh", r"(wrong|not relu|other) (hidden )?activation", r"hidden layers?.{0,40}(not relu|tanh|wrong)",
      r"(should|must) (be|use) relu", r"instead of relu"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "tanh")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@correct("model_forward", "a while loop driven by len(caches), the activation chosen per layer")
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    while len(caches) < L:
        l = len(caches) + 1
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)],
                                             "sigmoid" if l == L else "relu")
        caches.append(cache)
    return A, caches


@correct("model_forward", "the W and b lists built first, then zipped with an activation list")
def model_forward(X, parameters):
    L = len(parameters) // 2
    Ws = [parameters[f"W{l}"] for l in range(1, L + 1)]
    bs = [parameters[f"b{l}"] for l in range(1, L + 1)]
    activations = ["relu"] * (L - 1) + ["sigmoid"]
    caches = []
    A = X
    for W, b, activation in zip(Ws, bs, activations):
        A, cache = linear_activation_forward(A, W, b, activation)
        caches.append(cache)
    return A, caches


# ---- compute_cost ---------------------------------------------------------------------------


@bug("compute_cost",
     "np.mean of the per-row sums (axis=1): the mean of one number, so the sum of the losses, not their mean",
     [r"m times", r"1 ?/ ?m (is )?missing", r"(not|never) (averag|divid)\w*", r"sum instead of (the )?(mean|average)",
      r"(too large|larger) by (a factor of )?m", r"(mean|average) of (a single|one) (number|value|row)"])
def compute_cost(AL, Y):
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    per_row = np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL), axis=1)
    cost = -np.mean(per_row)
    return float(cost)


@bug("compute_cost",
     "AL clamped with np.maximum(AL, eps) only: no upper bound, so log(1 - AL) is -inf when AL is exactly 1",
     [r"upper (bound|end|side|limit)", r"1 ?- ?eps", r"(exactly|equal to|rounded to) 1\b", r"only (from )?below",
      r"lower (bound|end|side) only", r"(not|never) clipped (at|from|above|below 1)", r"clip\w* .{0,30}(both|above)"],
     contract="clipping")
def compute_cost(AL, Y):
    eps = 1e-15
    AL = np.maximum(AL, eps)
    m = Y.shape[1]
    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m
    return float(cost)


@bug("compute_cost",
     "Y log(AL) - (1 - Y) log(1 - AL): the second term subtracted instead of added",
     [r"(wrong|flipped|minus|opposite) sign", r"sign of the second", r"(second|1 ?- ?Y) term.{0,40}(sign|subtract|minus)",
      r"subtract\w* (the )?second", r"(minus|-) instead of (a )?(plus|\+)", r"(should|must) (be )?add"])
def compute_cost(AL, Y):
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    m = AL.shape[1]
    cost = -1 / m * np.sum(np.log(AL) * Y - np.log(1 - AL) * (1 - Y))
    return float(cost)


@bug("compute_cost",
     "m = Y.shape[1] - 1 (the sample-variance habit): the sum divided by m - 1",
     [r"m ?- ?1", r"one (fewer|less)", r"off by one", r"(wrong|too small) m\b", r"m/\(m ?- ?1\)", r"bessel"])
def compute_cost(AL, Y):
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    m = Y.shape[1] - 1
    cost = -(1 / m) * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return float(cost)


@correct("compute_cost", "-mean of log of the probability given to the true label, by np.where")
def compute_cost(AL, Y):
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    return float(-np.mean(np.log(np.where(Y == 1, AL, 1 - AL))))


@correct("compute_cost", "row-vector products with log1p(-AL), .item(), eps from AL's own dtype")
def compute_cost(AL, Y):
    eps = np.finfo(AL.dtype).eps
    AL = np.clip(AL, eps, 1 - eps)
    m = AL.shape[1]
    cost = -(Y @ np.log(AL).T + (1 - Y) @ np.log1p(-AL).T).item() / m
    return float(cost)
