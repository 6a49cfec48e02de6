"""Held-out learner code, round 10: initialisation, the forward blocks and the cost.

Written on 2026-12-03 by a helper (branch ``heldout10``) that did not read
dlkit/checks (the engine), docs/relations.md, docs/grading.md, BASELINE.md,
the catalogs or any report the checks print; only the instructor notebooks,
DESIGN.md and dlkit's reference blocks. Common mistakes in code shapes no
earlier round used, many of them in an intermediate variable rather than in
the return line, and rarer ones. No mutant, relation or hint of dlkit.checks
may be written from it (README.md, "Round 10").
"""
import math

import numpy as np

from dlkit import linear_activation_forward, linear_forward, relu, sigmoid  # noqa: F401 (found by global name)

from .registry import IN_PLACE, UNPACK
from .registry10 import bug, correct

# ---- initialize_parameters ------------------------------------------------------------------


@bug("initialize_parameters", "n_prev = layer_dims[0] is set once before the loop and never updated: every W[l] gets n[0] columns and the scale 1/sqrt(n[0])",
     [r"n\[0\]", r"stale", r"never updated", r"(input|first) layer'?s? (size|width)", r"previous layer", r"n\[l-1\] (columns|where|belongs|instead)"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    n_prev = layer_dims[0]
    for l in range(1, len(layer_dims)):
        n = layer_dims[l]
        parameters["W" + str(l)] = rng.randn(n, n_prev) / np.sqrt(n_prev)
        parameters["b" + str(l)] = np.zeros((n, 1))
    return parameters


@bug("initialize_parameters", "for l, n in enumerate(layer_dims[1:], start=1) with n_prev = layer_dims[l]: that is n[l] itself, so W[l] is (n[l], n[l]) scaled by sqrt(n[l])",
     [r"n\[l\] (where|instead|in place)", r"(its|the layer'?s?) own (size|width|units)", r"previous layer", r"square", r"n\[l-1\] (columns|where|belongs|instead)", r"enumerate"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l, n in enumerate(layer_dims[1:], start=1):
        n_prev = layer_dims[l]
        parameters["W" + str(l)] = rng.randn(n, n_prev) / np.sqrt(n_prev)
        parameters["b" + str(l)] = np.zeros((n, 1))
    return parameters


@bug("initialize_parameters", "both scales at once: randn / sqrt(n[l-1]) * 0.01, the shallow assignment's 0.01 left on, so every W[l] is 100 times too small",
     [r"100 times", r"too small", r"0\.01 ?\*|\* ?0\.01", r"(two|both|extra) (scales|factors)", r"scal(e|ed|ing)\b"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        scale = 0.01 / np.sqrt(layer_dims[l - 1])
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) * scale
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "a leftover demo line draws W1 once before the loop, which then draws every layer again: the extra draw shifts the stream, so every W[l] holds other numbers",
     [r"extra (random )?draw", r"drawn twice", r"(shift|advance)(s|ed)? the (random )?(stream|generator)", r"(other|different) (random )?numbers", r"random (stream|generator|state)", r"\bseed\b"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    W1 = rng.randn(layer_dims[1], layer_dims[0]) / np.sqrt(layer_dims[0])  # noqa: F841 (checking the shape)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@correct("initialize_parameters", "RandomState.standard_normal with a shape tuple: the same legacy stream as randn")
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        shape = (layer_dims[l], layer_dims[l - 1])
        parameters["W%d" % l] = rng.standard_normal(shape) / np.sqrt(shape[1])
        parameters["b%d" % l] = np.zeros((shape[0], 1))
    return parameters


@correct("initialize_parameters", "a while loop over (n_prev, n) pairs taken from zip(layer_dims, layer_dims[1:]), the dict filled with update()")
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    pairs = list(zip(layer_dims[:-1], layer_dims[1:]))
    l = 0
    while l < len(pairs):
        n_prev, n = pairs[l]
        l += 1
        parameters.update({f"W{l}": rng.randn(n, n_prev) / np.sqrt(n_prev), f"b{l}": np.zeros((n, 1))})
    return parameters


# ---- linear_forward -------------------------------------------------------------------------


@bug("linear_forward", "W.dot(A_prev + b): the bias is added to A[l-1] inside the product instead of to W A[l-1] (a shape error unless n[l] = n[l-1])",
     [r"inside the product", r"parenthes", r"bracket", r"added to A", r"before the (matrix )?product", r"after the (matrix )?product", r"\bb\b.{0,40}A_prev"])
def linear_forward(A_prev, W, b):
    Z = W.dot(A_prev + b)
    return Z, (A_prev, W, b)


@bug("linear_forward", "a comprehension over the inputs k in range(n[l-1] - 1): the last input feature's term is left out of Z",
     [r"last (input|feature|row|term|column)", r"off[- ]by[- ]one", r"one (feature|input|term) (too )?(few|short|missing)", r"range\(", r"n\[l-1\] ?- ?1"])
def linear_forward(A_prev, W, b):
    n_prev = W.shape[1]
    WA = sum(W[:, k:k + 1] * A_prev[k:k + 1, :] for k in range(n_prev - 1))
    Z = WA + b
    return Z, (A_prev, W, b)


@bug("linear_forward", "b_full = np.repeat(b, m, axis=0): b repeated down the rows, (n[l] m, 1), instead of across the m columns (right only when m = 1)",
     [r"axis", r"repeat", r"across the (m )?(columns|examples)", r"down the rows", r"rows instead"])
def linear_forward(A_prev, W, b):
    m = A_prev.shape[1]
    b_full = np.repeat(b, m, axis=0)
    Z = np.dot(W, A_prev) + b_full
    return Z, (A_prev, W, b)


@correct("linear_forward", "b spread over the m columns by hand as np.dot(b, np.ones((1, m)))")
def linear_forward(A_prev, W, b):
    m = A_prev.shape[1]
    Z = np.dot(W, A_prev) + np.dot(b, np.ones((1, m)))
    return Z, (A_prev, W, b)


@correct("linear_forward", "np.add(np.matmul(W, A_prev), b)")
def linear_forward(A_prev, W, b):
    Z = np.add(np.matmul(W, A_prev), b)
    linear_cache = (A_prev, W, b)
    return Z, linear_cache


# ---- sigmoid --------------------------------------------------------------------------------


@bug("sigmoid", "exp(Z) / np.sum(exp(Z), axis=0, keepdims=True): a softmax over the units (each column sums to 1), not the sigmoid of each entry",
     [r"softmax", r"normali[sz]", r"(divided|divides|dividing) by (the|a) sum", r"columns? (sums?|adds?) (up )?to (1|one)", r"sum(med)? over the (units|column)"])
def sigmoid(Z):
    e = np.exp(Z)
    A = e / np.sum(e, axis=0, keepdims=True)
    return A


@bug("sigmoid", "Z clipped to [-10, 10] 'against overflow' before the exponential: every |Z| above 10 gets the sigmoid of +-10",
     [r"clip", r"\|Z\|", r"large (positive |negative )?(Z|values|inputs)", r"saturat", r"capped", r"(far|large).{0,20}(from|above|below) (0|zero)"])
def sigmoid(Z):
    Zc = np.clip(Z, -10, 10)
    return 1 / (1 + np.exp(-Zc))


@bug("sigmoid", "np.round(A, 4): the result rounded to the 4 decimals the expected output prints",
     [r"round", r"decimals?", r"precision", r"truncat"])
def sigmoid(Z):
    A = 1 / (1 + np.exp(-Z))
    A = np.round(A, 4)
    return A


@bug("sigmoid", "a 'stable' version filling A = np.zeros_like(Z) through the masks Z > 0 and Z < 0: the entries with Z exactly 0 are in neither and stay 0 instead of 0.5",
     [r"(at|where|for) Z (is |= |== )?(exactly )?(0|zero)", r"Z ?== ?0", r"neither (mask|branch)", r"(left|stays?|remains?) (at )?(0|zero)", r"should be 0\.5 (at|where|for)", r"(mask|branch)es? (miss|skip|leave)"])
def sigmoid(Z):
    A = np.zeros_like(Z, dtype=float)
    pos = Z > 0
    neg = Z < 0
    A[pos] = 1 / (1 + np.exp(-Z[pos]))
    ez = np.exp(Z[neg])
    A[neg] = ez / (1 + ez)
    return A


@correct("sigmoid", "the tanh identity (1 + tanh(Z / 2)) / 2, written 0.5 * (1 + np.tanh(0.5 * Z))")
def sigmoid(Z):
    return 0.5 * (1 + np.tanh(0.5 * Z))


@correct("sigmoid", "a double loop with math.exp of -|z| only (stable: it never overflows), the branch chosen by the sign of z")
def sigmoid(Z):
    A = np.empty(Z.shape, dtype=Z.dtype)
    for i in range(Z.shape[0]):
        for j in range(Z.shape[1]):
            z = float(Z[i, j])
            e = math.exp(-abs(z))
            A[i, j] = 1 / (1 + e) if z >= 0 else e / (1 + e)
    return A


# ---- relu -----------------------------------------------------------------------------------


@bug("relu", "mask = Z[0] > 0: the mask of the first row (unit) only, broadcast to every unit",
     [r"first (row|unit)", r"row 0", r"(one|single|only one) (row|unit)", r"(every|all|each|other) (rows|units)"])
def relu(Z):
    mask = Z[0] > 0
    return Z * mask


@bug("relu", "np.max([Z, np.zeros_like(Z)]) without axis=0: the largest entry of the whole stack, one number, not max(0, Z) entry by entry",
     [r"axis", r"(one|single) number", r"scalar", r"reduc", r"largest (entry|value)", r"element-?wise"])
def relu(Z):
    stacked = [Z, np.zeros_like(Z)]
    return np.max(stacked)


@bug("relu", "np.array([np.maximum(col, 0) for col in Z.T]): a comprehension over the columns stacks them as rows, so A is the (m, n[l]) transpose",
     [r"transpos", r"rows and columns", r"\(m, n\[l\]\)", r"columns? (as|into) rows", r"(examples|columns) (in|as) rows"])
def relu(Z):
    A = np.array([np.maximum(col, 0) for col in Z.T])
    return A


@correct("relu", "Python's built-in max on each number of Z.ravel(), reshaped back to Z's shape")
def relu(Z):
    return np.array([max(0.0, z) for z in Z.ravel()], dtype=Z.dtype).reshape(Z.shape)


@correct("relu", "Z - np.minimum(Z, 0)")
def relu(Z):
    return Z - np.minimum(Z, 0)


# ---- linear_activation_forward --------------------------------------------------------------


@bug("linear_activation_forward", "return cache, A: the two results in the wrong order",
     UNPACK + [r"order", r"swap", r"(first|second) (item|element|result)", r"the other way"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A = sigmoid(Z)
    else:
        A = relu(Z)
    cache = (linear_cache, Z)
    return cache, A


@bug("linear_activation_forward", "the cache is a dict {'linear_cache': ..., 'Z': Z} instead of the tuple (linear_cache, Z)",
     [r"\bdict", r"not a (tuple|pair)", r"a tuple", r"\bpair\b"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = relu(Z) if activation == "relu" else sigmoid(Z)
    cache = {"linear_cache": linear_cache, "Z": Z}
    return A, cache


@bug("linear_activation_forward", "Z[:] = g(Z) 'to save memory' after caching Z: the cached Z is the same array, so the cache holds A[l] where Z[l] belongs",
     [r"overwr", r"in place", r"cache.{0,40}(holds|keeps|has|contains) A", r"A\[l\] (where|instead)", r"Z\[?l?\]? (was|is) (changed|overwritten|modified)", r"same array", r"alias"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    cache = (linear_cache, Z)
    g = sigmoid if activation == "sigmoid" else relu
    Z[:] = g(Z)
    A = Z
    return A, cache


@correct("linear_activation_forward", "both activations computed eagerly in a dict, the one named picked out")
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = {"sigmoid": sigmoid(Z), "relu": relu(Z)}[activation]
    return A, (linear_cache, Z)


# ---- model_forward --------------------------------------------------------------------------


@bug("model_forward", "L = len(parameters) // 2 - 1 'not counting the input layer': the loop stops a layer early and W[L-1] is used as the output layer",
     [r"(one|a) layer (too )?(few|short|early)", r"number of layers", r"// ?2 ?- ?1", r"layer L\b", r"(output|last) layer", r"off[- ]by[- ]one"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2 - 1
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_forward", "written inline, A = relu(Z) is assigned before the cache ((A, W, b), Z) is built: the linear cache holds the layer's output A[l] where its input A[l-1] belongs",
     [r"A\[l\] (where|instead)", r"A\[l-1\] (where|instead|belongs)", r"(input|output) of (the|each) layer", r"linear.?cache.{0,40}(output|A\[l\])", r"(layer'?s?|its) output (where|instead)", r"(overwritten|updated) (before|too early)"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        W, b = parameters["W" + str(l)], parameters["b" + str(l)]
        Z = W @ A + b
        A = relu(Z) if l < L else sigmoid(Z)
        caches.append(((A, W, b), Z))
    return A, caches


@bug("model_forward", "a while loop that does l += 1 before the call: the hidden layers run 2..L (W1 never used) and layer L comes twice",
     [r"W1 (is )?(never|not) used", r"(skips|skipped) (layer 1|the first layer)", r"first layer", r"layer 1\b", r"off[- ]by[- ]one", r"(one|a) layer (ahead|too high|too late)", r"increment"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    l = 1
    while l < L:
        l += 1
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_forward", "activations = ['relu'] * L + ['sigmoid'] zipped with the L layers: zip stops after L, so the output layer gets 'relu' and no sigmoid is ever applied",
     [r"no sigmoid", r"sigmoid.{0,40}(never|missing|not applied|output|last)", r"relu.{0,40}(output|last) layer", r"(output|last) layer.{0,40}(relu|sigmoid)", r"wrong activation", r"\bzip"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    activations = ["relu"] * L + ["sigmoid"]
    for l, activation in zip(range(1, L + 1), activations):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], activation)
        caches.append(cache)
    return A, caches


@bug("model_forward", "parameters.pop('W' + str(L)) to take the output layer's weights: the caller's parameters dict loses W[L] and b[L] (A[L] is right)",
     IN_PLACE + [r"\bpop", r"(removed|deleted|lost) .{0,30}(parameters|dict|W\d)", r"parameters (was|is) (changed|modified)", r"(changed|modified|mutated) (the )?parameters"], contract="in place")
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    WL, bL = parameters.pop("W" + str(L)), parameters.pop("b" + str(L))
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, WL, bL, "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_forward", "for l in reversed(range(1, L)): the hidden layers are run last to first, so layer L-1 is applied to X",
     [r"revers", r"(wrong|backward|opposite) order", r"(starts|begins|began) (with|from) (the )?last", r"layer order", r"order of the layers"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in reversed(range(1, L)):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@correct("model_forward", "zip over the W and b lists taken from the dict in insertion order, the last one with sigmoid")
def model_forward(X, parameters):
    Ws = [v for k, v in parameters.items() if k.startswith("W")]
    bs = [v for k, v in parameters.items() if k.startswith("b")]
    caches = []
    A = X
    for i, (W, b) in enumerate(zip(Ws, bs)):
        A, cache = linear_activation_forward(A, W, b, "sigmoid" if i == len(Ws) - 1 else "relu")
        caches.append(cache)
    return A, caches


@correct("model_forward", "the activations as a list ['relu'] * (L - 1) + ['sigmoid'], enumerated from 1")
def model_forward(X, parameters):
    L = len(parameters) // 2
    caches = []
    A = X
    for l, activation in enumerate(["relu"] * (L - 1) + ["sigmoid"], start=1):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], activation)
        caches.append(cache)
    return A, caches


# ---- compute_cost ---------------------------------------------------------------------------


@bug("compute_cost", "np.where(Y == 0, AL, 1 - AL): the label test inverted, so each example is scored on the probability of the other label",
     [r"(labels?|classes) (are )?(swapped|inverted|reversed|mixed up)", r"Y ?== ?0", r"invert", r"opposite", r"other (label|class)", r"mirror"])
def compute_cost(AL, Y):
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    p = np.where(Y == 0, AL, 1 - AL)
    return float(-np.mean(np.log(p)))


@bug("compute_cost", "cost = ... (not +=) in the loop over the examples: only the last example's loss is kept (divided by m)",
     [r"last example", r"\+=", r"(only|just) (one|the last)", r"overwr", r"accumulat", r"not (summed|added)"])
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    cost = 0.0
    for i in range(m):
        cost = -(Y[0, i] * np.log(AL[0, i]) + (1 - Y[0, i]) * np.log(1 - AL[0, i])) / m
    return float(cost)


@bug("compute_cost", "only the second log is clipped, np.log(1 - np.clip(AL, ...)): A[L] = 0 for a label 1 still gives log(0) = -inf",
     [r"clip", r"log\(0\)", r"\binf", r"\bnan\b", r"finite", r"(exactly|rounded to) (0|1)", r"saturat", r"(first|one|other) (log|term)"], contract="clipping")
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    log_a = np.log(AL)
    log_1ma = np.log(1 - np.clip(AL, eps, 1 - eps))
    with np.errstate(invalid="ignore"):
        cost = -(1 / m) * np.sum(Y * log_a + (1 - Y) * log_1ma)
    return float(cost)


@bug("compute_cost", "Y = Y.T 'to match': Y is (m, 1), so Y * log(A[L]) broadcasts to (m, m) and every pair of examples is summed",
     [r"broadcast", r"\(m, m\)", r"transpos", r"m ?[x×] ?m", r"every pair", r"column (instead|where)"])
def compute_cost(AL, Y):
    m = AL.shape[1]
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    Y = Y.T
    losses = Y * np.log(AL) + (1 - Y) * np.log(1 - AL)
    return float(-np.sum(losses) / m)


@correct("compute_cost", "clip, then the log of the probability given to each example's own label, np.where(Y == 1, AL, 1 - AL), averaged")
def compute_cost(AL, Y):
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    p = np.where(Y == 1, AL, 1 - AL)
    return float(-np.mean(np.log(p)))


@correct("compute_cost", "the likelihood form: log of AL ** Y * (1 - AL) ** (1 - Y), after the clip")
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    likelihood = AL ** Y * (1 - AL) ** (1 - Y)
    cost = -np.sum(np.log(likelihood)) / m
    return float(cost)
