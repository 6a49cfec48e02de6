"""Held-out learner code, round 6: initialisation, the forward blocks and the cost.

Written on 2026-12-02 by a helper (branch ``heldout6``) that did not read
dlkit/checks (the engine), docs/relations.md, docs/grading.md or the earlier
rounds' baselines, only the instructor notebooks, DESIGN.md and dlkit's
reference blocks. About two thirds are the mistakes learners of the "step by
step" assignment make most often, in a code shape no earlier round used; the
rest are rarer ones. No mutant, relation or hint of dlkit.checks may be written
from it (README.md, "Round 6").
"""
import math

import numpy as np

from dlkit import linear_activation_forward, linear_forward, relu, sigmoid  # noqa: F401 (found by global name)

from .registry import IN_PLACE, UNPACK
from .registry6 import bug, correct

layer_dims = [5, 4, 3, 1]   # left over from the notebook's demo cell (the network of the picture)

# ---- initialize_parameters ------------------------------------------------------------------


@bug("initialize_parameters", "the Coursera 0.01 * randn scale (from the shallow-network assignment) instead of / sqrt(n[l-1]), drawn with the right generator",
     [r"0\.01", r"too small", r"scal(e|ing|ed)\b", r"square root of n", r"(number of )?inputs to the layer"],
     contract="initialisation scale")
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    l = 1
    while l < len(layer_dims):
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
        l += 1
    return parameters


@bug("initialize_parameters", "the template's rng = RandomState(seed) is created but the weights are drawn with np.random.randn (numpy's global, unseeded stream)",
     [r"generator", r"\brng\b", r"RandomState", r"(not|un)-?seeded", r"global (random )?(stream|state)", r"np\.random\.randn"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)   # noqa: F841 (the learner forgot to use it)
    parameters = {}
    L = len(layer_dims) - 1
    for l in range(1, L + 1):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "L = len(layer_dims) (the number of sizes, not of layers), so the loop up to L asks for n[L+1]: IndexError",
     [r"one layer too many", r"len\(layer_dims\) ?- ?1", r"number of (layers|sizes)", r"(past|beyond) the (last|end)", r"index(es|ed)? (past|out|beyond)", r"L \+ 1"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    L = len(layer_dims)
    for l in range(1, L + 1):
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "b[l] = np.zeros((1, n[l])): a row instead of the (n[l], 1) column",
     [r"\brow\b", r"transpos", r"\(1, n\[l\]\)", r"column vector", r"(n\[l\], 1) column"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        parameters["W" + str(l)] = rng.randn(n, n_prev) / np.sqrt(n_prev)
        parameters["b" + str(l)] = np.zeros((1, n))
    return parameters


@bug("initialize_parameters", "rng.rand (uniform on [0, 1)) typed where rng.randn (standard normal) belongs: every weight positive",
     [r"\brand\b", r"uniform", r"(all|every|only) (weights? )?positive", r"\[0, 1\)", r"normal (distribution|draw)", r"not centred"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = rng.rand(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "the square root written n ** 1/2, which is (n ** 1) / 2: W[l] is divided by n[l-1] / 2",
     [r"precedence", r"parenthes", r"\*\* ?1 ?/ ?2", r"n\[l-1\] ?/ ?2", r"square root", r"scal(e|ing|ed)\b"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / layer_dims[l - 1] ** 1/2
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "b[l] is drawn at random too (rng.randn * 0.01): b is not zero, and the extra draws shift every later W[l]",
     [r"\bb\d?\b.{0,30}(not|non-?) ?zero", r"bias(es)?.{0,30}(zero|random)", r"(random|drawn) b", r"should (start at|be) zero"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = rng.randn(layer_dims[l], 1) * 0.01
    return parameters


@correct("initialize_parameters", "pairs of sizes from zip, enumerate from 1, math.sqrt on a Python int (a scalar, so math is fine)")
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l, (n_prev, n) in enumerate(zip(layer_dims[:-1], layer_dims[1:]), start=1):
        parameters[f"W{l}"] = rng.randn(n, n_prev) / math.sqrt(n_prev)
        parameters[f"b{l}"] = np.zeros(shape=(n, 1))
    return parameters


@correct("initialize_parameters", "the legacy global stream: np.random.seed, then np.random.standard_normal of a shape tuple (what randn calls)")
def initialize_parameters(layer_dims, seed=1):
    np.random.seed(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        shape = (layer_dims[l], layer_dims[l - 1])
        parameters["W%d" % l] = np.random.standard_normal(shape) / np.sqrt(layer_dims[l - 1])
        parameters["b%d" % l] = np.zeros((layer_dims[l], 1), dtype=float)
    return parameters


# ---- linear_forward -------------------------------------------------------------------------


@bug("linear_forward", "Z = W * A_prev + b: the element-wise * where the matrix product W A_prev belongs",
     [r"element-?wise", r"entry by entry", r"matrix product", r"np\.dot", r"\bmatmul\b", r"broadcast"])
def linear_forward(A_prev, W, b):
    Z = W * A_prev + b
    linear_cache = (A_prev, W, b)
    return Z, linear_cache


@bug("linear_forward", "np.dot(A_prev, W): the factors in the wrong order (A_prev W instead of W A_prev)",
     [r"(wrong|other) order", r"swapped", r"order of the (factors|product|matrices)", r"A_prev W\b"])
def linear_forward(A_prev, W, b):
    Z = np.dot(A_prev, W) + b
    linear_cache = (A_prev, W, b)
    return Z, linear_cache


@bug("linear_forward", "Z = W @ A_prev: the bias b is never added",
     [r"\bb\b.{0,40}(missing|forgot|not added|left out|dropped|never added)", r"(missing|without|forgot|no|add) (the )?(bias|b\b)", r"bias"])
def linear_forward(A_prev, W, b):
    Z = W @ A_prev
    linear_cache = (A_prev, W, b)
    return Z, linear_cache


@bug("linear_forward", "A_prev is transposed to compute Z in the row form, and the transposed A_prev (m, n[l-1]) is what the cache keeps",
     [r"cache.{0,60}transpos", r"transpos.{0,60}cache", r"A_prev.{0,40}\(m, n\[l-1\]\)", r"cache.{0,40}(A_prev|first item)"])
def linear_forward(A_prev, W, b):
    A_prev = A_prev.T
    Z = np.dot(A_prev, W.T).T + b
    linear_cache = (A_prev, W, b)
    return Z, linear_cache


@correct("linear_forward", "the array method W.dot(A_prev) plus b")
def linear_forward(A_prev, W, b):
    Z = W.dot(A_prev) + b
    linear_cache = (A_prev, W, b)
    return Z, linear_cache


@correct("linear_forward", "a loop over the examples, one (n[l], 1) column at a time with 2-D slices")
def linear_forward(A_prev, W, b):
    m = A_prev.shape[1]
    Z = np.zeros((W.shape[0], m))
    for j in range(m):
        Z[:, j:j + 1] = W @ A_prev[:, j:j + 1] + b
    linear_cache = (A_prev, W, b)
    return Z, linear_cache


# ---- sigmoid --------------------------------------------------------------------------------


@bug("sigmoid", "1 / (1 + np.exp(Z)): the minus sign in exp(-Z) is lost, so it computes sigmoid(-Z)",
     [r"sigmoid\(-Z\)", r"1 ?- ?sigmoid", r"\bsign\b", r"minus", r"mirror", r"(flipped|reversed|upside)"])
def sigmoid(Z):
    A = 1 / (1 + np.exp(Z))
    return A


@bug("sigmoid", "1 / (1 - np.exp(-Z)): a minus typed where the plus belongs in the denominator",
     [r"minus", r"\bplus\b", r"\bsign\b", r"1 ?- ?(np\.)?exp", r"denominator", r"(above 1|negative|outside \(0, 1\))"])
def sigmoid(Z):
    A = 1 / (1 - np.exp(-Z))
    return A


@bug("sigmoid", "returns A, Z (the Coursera version's (A, cache) pair) instead of A alone",
     [r"tuple", r"\bpair\b", r"two (items|values|results)", r"\bcache\b", r"(only|just|alone) A\b", r"A alone", r"Coursera"])
def sigmoid(Z):
    A = 1 / (1 + np.exp(-Z))
    cache = Z
    return A, cache


@bug("sigmoid", "a 'stable' form exp(-logaddexp(0, Z)) with the sign of Z wrong: that is 1 / (1 + exp(Z)) = sigmoid(-Z)",
     [r"sigmoid\(-Z\)", r"1 ?- ?sigmoid", r"\bsign\b", r"minus", r"mirror", r"(flipped|reversed|upside)"])
def sigmoid(Z):
    return np.exp(-np.logaddexp(0, Z))


@correct("sigmoid", "np.e ** -Z: numpy's power works entry by entry and gives inf (so A = 0) for very negative Z")
def sigmoid(Z):
    return 1 / (1 + np.e ** -Z)


@correct("sigmoid", "np.power(1 + exp(-Z), -1), the reciprocal as a power")
def sigmoid(Z):
    A = np.power(1.0 + np.exp(-Z), -1)
    return A


# ---- relu -----------------------------------------------------------------------------------


@bug("relu", "Python's built-in max(0, Z) on an array, which does not work element by element (ValueError: truth value ambiguous)",
     [r"python'?s (built-?in )?max", r"built-?in", r"element by element", r"ambiguous"])
def relu(Z):
    A = max(0, Z)
    return A


@bug("relu", "A = Z is an alias, and A *= (A > 0) then zeroes the caller's Z in place",
     IN_PLACE + [r"alias", r"same array"],
     contract="in place")
def relu(Z):
    A = Z
    A *= (A > 0)
    return A


@bug("relu", "np.max(Z, 0): the largest entry of each column (a reduction over axis 0), not max(0, Z) entry by entry",
     [r"np\.max\b", r"reduc", r"(largest|maximum) (entry |value )?(of|over|along|in) (each|every|the|a)", r"\baxis\b", r"1-?D"])
def relu(Z):
    return np.max(Z, 0)


@bug("relu", "the softplus log(1 + exp(Z)) (a smooth ReLU) instead of max(0, Z)",
     [r"softplus", r"smooth", r"log\(1 ?\+ ?exp", r"(positive|nonzero|non-zero) (for|where|at) (negative|Z ?<)"])
def relu(Z):
    return np.log1p(np.exp(Z))


@correct("relu", "Z times the 0/1 mask (Z >= 0): at Z = 0 that is 0 * 1 = 0 anyway")
def relu(Z):
    return Z * (Z >= 0)


@correct("relu", "np.heaviside(Z, 0) * Z")
def relu(Z):
    A = np.heaviside(Z, 0.0) * Z
    return A


# ---- linear_activation_forward --------------------------------------------------------------


@bug("linear_activation_forward", "linear_forward(W, A_prev, b): A_prev and W swapped in the call",
     [r"(wrong|other) order", r"swapped", r"argument", r"A_prev.{0,30}\bW\b.{0,30}(swapped|order|place)"])
def linear_activation_forward(A_prev, W, b, activation):
    if activation == "sigmoid":
        Z, linear_cache = linear_forward(W, A_prev, b)
        A = sigmoid(Z)
    elif activation == "relu":
        Z, linear_cache = linear_forward(W, A_prev, b)
        A = relu(Z)
    cache = (linear_cache, Z)
    return A, cache


@bug("linear_activation_forward", "Z = linear_forward(...) is not unpacked: Z is the pair (Z, linear_cache), and the activation gets that tuple",
     UNPACK + [r"tuple", r"\bpair\b", r"two (items|values|results)"])
def linear_activation_forward(A_prev, W, b, activation):
    Z = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A = sigmoid(Z)
    elif activation == "relu":
        A = relu(Z)
    cache = (Z[1], Z[0])
    return A, cache


@bug("linear_activation_forward", "the relu branch rebinds Z = relu(Z), so the cache keeps A[l] where Z[l] belongs (the sigmoid branch is right)",
     [r"Z.{0,30}(overwritten|replaced|rebound|reassigned)", r"(holds|keeps) A", r"instead of Z", r"not Z"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A = sigmoid(Z)
    elif activation == "relu":
        Z = relu(Z)
        A = Z
    cache = (linear_cache, Z)
    return A, cache


@bug("linear_activation_forward", "returns three things, A, cache and Z, instead of the pair (A, cache)",
     [r"(3|three) (items|values|results|things)", r"\bextra\b", r"(two|2) (items|values|results)", r"\bpair\b", r"too many"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A = sigmoid(Z)
    else:
        A = relu(Z)
    cache = (linear_cache, Z)
    return A, cache, Z


@correct("linear_activation_forward", "a match statement on the activation's name")
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    match activation:
        case "relu":
            A = relu(Z)
        case "sigmoid":
            A = sigmoid(Z)
        case _:
            raise ValueError(f"unknown activation {activation!r}")
    return A, (linear_cache, Z)


@correct("linear_activation_forward", "the activation looked up with eval(activation) among the notebook's functions")
def linear_activation_forward(A_prev, W, b, activation):
    assert activation in ("relu", "sigmoid")
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = eval(activation)(Z)
    cache = (linear_cache, Z)
    return A, cache


# ---- model_forward --------------------------------------------------------------------------


@bug("model_forward", "the output layer is fed X (copy-paste from the first layer) instead of A[L-1]",
     [r"\bX\b.{0,40}(instead|output layer|last layer|layer L)", r"(input|X) (of|to) the (whole )?network", r"not chained", r"previous layer'?s output", r"(output|last) layer.{0,40}input"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(X, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_forward", "the keys are built as 'W' + l (a str plus an int): TypeError, str(l) is missing",
     [r"str\(l\)", r"\bstr\(", r"concatenat", r"(integer|int|number).{0,30}(to|with|and) (a )?(string|str)", r"string.{0,30}(integer|int|number)"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + l], parameters["b" + l], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + L], parameters["b" + L], "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_forward", "caches = caches.append(cache): append returns None, so caches becomes None after the first layer",
     [r"None", r"append (returns|gives)", r"caches = caches\.append", r"(modifies|changes) the list in place", r"(do not|don't|no need to) (re)?assign"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches = caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches = caches.append(cache)
    return AL, caches


@bug("model_forward", "for the output layer only the linear cache cache[0] is appended: caches[L-1] lacks Z[L]",
     [r"(whole|full|complete) cache", r"Z\[L\].{0,30}(missing|not kept|lost)", r"(layer L|output layer|last).{0,40}cache"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache[0])
    return AL, caches


@bug("model_forward", "stores X in the caller's parameters dict (parameters['A0'] = X): the input dict is changed",
     IN_PLACE + [r"parameters.{0,40}(changed|modified|new key|added|extra key)", r"\bA0\b"])
def model_forward(X, parameters):
    parameters["A0"] = X
    caches = []
    L = len(parameters) // 2
    for l in range(1, L + 1):
        activation = "sigmoid" if l == L else "relu"
        A, cache = linear_activation_forward(parameters["A" + str(l - 1)], parameters["W" + str(l)],
                                             parameters["b" + str(l)], activation)
        caches.append(cache)
        if l < L:
            parameters["A" + str(l)] = A
    for l in range(1, L):
        del parameters["A" + str(l)]
    return A, caches


@bug("model_forward", "the activation is chosen with l == L - 1 (off by one): layer L-1 gets the sigmoid and the output layer L a ReLU",
     [r"off by one", r"layer \d+.{0,40}(sigmoid|relu)", r"(output|last) layer.{0,40}(relu|not.{0,10}sigmoid)", r"sigmoid.{0,40}(hidden|layer L-1|wrong layer)", r"(wrong|which) layer"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        activation = "sigmoid" if l == L - 1 else "relu"
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], activation)
        caches.append(cache)
    return A, caches


@bug("model_forward", "L = len(layer_dims) - 1 from the demo cell's global layer_dims = [5, 4, 3, 1], not from parameters",
     [r"layer_dims", r"\bglobal\b", r"(number of|how many) layers", r"len\(parameters\)", r"demo", r"(always|fixed) (3|three) layers"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(layer_dims) - 1
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_forward", "L = len(parameters) / 2 is a float in Python 3: range(1, L) raises TypeError (// is needed)",
     [r"\bfloat\b", r"integer division", r"//", r"whole number", r"len\(parameters\) ?/ ?2", r"\bint\("])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) / 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(int(L))], parameters["b" + str(int(L))], "sigmoid")
    caches.append(cache)
    return AL, caches


@correct("model_forward", "range(L - 1) with keys str(l + 1), the output layer after the loop")
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(L - 1):
        A, cache = linear_activation_forward(A, parameters["W" + str(l + 1)], parameters["b" + str(l + 1)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@correct("model_forward", "a recursive helper that runs layer l and then the rest of the chain")
def model_forward(X, parameters):
    L = len(parameters) // 2

    def forward_from(l, A_prev):
        activation = "sigmoid" if l == L else "relu"
        A, cache = linear_activation_forward(A_prev, parameters[f"W{l}"], parameters[f"b{l}"], activation)
        if l == L:
            return A, [cache]
        AL, rest = forward_from(l + 1, A)
        return AL, [cache] + rest

    return forward_from(1, X)


# ---- compute_cost ---------------------------------------------------------------------------


@bug("compute_cost", "np.mean of Y log(AL) + (1 - Y) log(1 - AL) without the leading minus: the cost is negative",
     [r"\bsign\b", r"minus", r"negative", r"-1 times", r"opposite"])
def compute_cost(AL, Y):
    m = Y.shape[1]   # noqa: F841 (the template's line)
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    cost = np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return float(cost)


@bug("compute_cost", "-np.sum(...) with no 1/m: the total loss over the examples, not the average",
     [r"average", r"\bmean\b", r"m = \d+ times", r"times too (large|big)", r"not divided", r"(missing|without|no) (the )?1/m", r"\bsum\b.{0,30}(instead|not)"])
def compute_cost(AL, Y):
    m = Y.shape[1]   # noqa: F841 (the template's line, then not used)
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return float(cost)


# Moved from @bug (contract "clipping") to @correct on 2026-12-02 (issue 12 item 5): the checkpoint
# accepts any small eps and notebook 3 now says so (README.md, "contract").
@correct("compute_cost", "clips to [1e-8, 1 - 1e-8]: any small eps keeps J finite, which is what notebook 3 asks")
def compute_cost(AL, Y):
    m = Y.shape[1]
    AL = np.clip(AL, 1e-8, 1 - 1e-8)
    cost = -(1 / m) * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return float(cost)


@bug("compute_cost", "copy-paste: the second term is (1 - Y) log(AL), log(AL) where log(1 - AL) belongs",
     [r"second term", r"label.?0", r"\by ?= ?0", r"copy", r"log\(A\[?L\]?\)? twice", r"same log", r"(instead|where) of log\(1"])
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    cost = -(1 / m) * np.sum(Y * np.log(AL) + (1 - Y) * np.log(AL))
    return float(cost)


@bug("compute_cost", "no clip; np.nansum hides the 0 * log(0) NaNs, but a confidently wrong A[L] (0 for y = 1, 1 for y = 0) still gives inf",
     [r"nansum", r"clip", r"\binf\b", r"infinite", r"log\(0\)", r"finite", r"(saturated|rounded).{0,40}(0|1)"])
def compute_cost(AL, Y):
    m = Y.shape[1]
    with np.errstate(divide="ignore", invalid="ignore"):
        cost = -(1 / m) * np.nansum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return float(cost)


@bug("compute_cost", "np.clip(AL, eps, 1 - eps, out=AL) clips the caller's A[L] in place",
     IN_PLACE + [r"\bout=", r"caller'?s (A\[?L\]?|AL)"],
     contract="in place")
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    np.clip(AL, eps, 1 - eps, out=AL)
    cost = -(1 / m) * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return float(cost)


@correct("compute_cost", "np.dot with the log on the left, the (1, 1) result converted by the template's float()")
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    cost = -(np.dot(np.log(AL), Y.T) + np.dot(np.log(1 - AL), (1 - Y).T)) / m
    return float(np.squeeze(cost))


@correct("compute_cost", "-mean(log|1 - Y - AL|): |1 - Y - A| is A for y = 1 and 1 - A for y = 0, after the clip")
def compute_cost(AL, Y):
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    cost = -np.mean(np.log(np.abs(1 - Y - AL)))
    return float(cost)


@correct("compute_cost", "np.multiply and np.sum per term, multiplied by -1/m")
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    logprobs = np.multiply(np.log(AL), Y) + np.multiply(np.log(1 - AL), 1 - Y)
    cost = -1 / m * np.sum(logprobs)
    return float(cost)
