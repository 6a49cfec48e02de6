"""Held-out learner code, round 9: initialisation, the forward blocks and the cost.

Written on 2026-12-03 by a helper (branch ``heldout9``) that did not read
dlkit/checks (the engine), docs/relations.md, docs/grading.md, the earlier
rounds' baselines or any report the checks print; only the instructor
notebooks, DESIGN.md and dlkit's reference blocks. Common mistakes in code
shapes no earlier round used, and rarer ones. No mutant, relation or hint of
dlkit.checks may be written from it (README.md, "Round 9").
"""
import math

import numpy as np

from dlkit import linear_activation_forward, linear_forward, relu, sigmoid  # noqa: F401 (found by global name)

from .registry import IN_PLACE, INTEGER, MATH_MODULE, OVERFLOW
from .registry9 import bug, correct

# ---- initialize_parameters ------------------------------------------------------------------


@bug("initialize_parameters", "range(1, len(layer_dims) - 1): the loop stops one layer early, so W[L] and b[L] of the output layer are never made",
     [r"(output|last) layer", r"layer L\b", r"off[- ]by[- ]one", r"(stops|ends) (one|a) layer", r"one layer (too )?(early|short|few)", r"range\("])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims) - 1):
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "np.sqrt(layer_dims[l-1]) * randn: multiplies by sqrt(n[l-1]) where the notebook divides by it",
     [r"multipl", r"instead of divid", r"divid", r"n\[l-1\] times too (large|big)", r"too (large|big)", r"scal(e|ing|ed)\b"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.sqrt(layer_dims[l - 1]) * rng.randn(layer_dims[l], layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "RandomState(3) hard-coded (left from a demo cell): the seed argument is ignored, so any seed other than 3 gives the wrong weights",
     [r"\bseed\b", r"hard-?coded", r"ignor", r"(fixed|same) (weights|numbers)"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(3)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "b[l] made as np.zeros((layer_dims[l - 1], 1)): n[l-1] rows (the layer's inputs) where the bias needs one per unit, n[l]",
     [r"n\[l-1\] (rows|instead|where)", r"(one|a) (row|entry) per unit", r"(rows|units) of (the )?(previous|input)", r"b\[?l?\]? .{0,30}(rows|units)", r"wrong (size|number of rows)", r"previous layer"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l - 1], 1))
    return parameters


@correct("initialize_parameters", "one flat randn draw of every weight, cut into the layers in order (the same stream, consumed in the same order as randn per layer)")
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    sizes = [layer_dims[l] * layer_dims[l - 1] for l in range(1, len(layer_dims))]
    flat = rng.randn(sum(sizes))
    parameters, start = {}, 0
    for l in range(1, len(layer_dims)):
        block = flat[start:start + sizes[l - 1]].reshape(layer_dims[l], layer_dims[l - 1])
        start += sizes[l - 1]
        parameters["W" + str(l)] = block / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@correct("initialize_parameters", "every W drawn first in a list comprehension, then the b's (zeros draw nothing, so the stream is the same)")
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    L = len(layer_dims) - 1
    Ws = [rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1]) for l in range(1, L + 1)]
    parameters = {}
    for l, W in enumerate(Ws, start=1):
        parameters[f"W{l}"] = W
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


# ---- linear_forward -------------------------------------------------------------------------


@bug("linear_forward", "Z = A_prev.T @ W.T + b.T: the (m, n[l]) transpose of Z (examples in rows)",
     [r"transpos", r"rows and columns", r"(examples|columns) (in|as) rows", r"\(m, n\[l\]\)"])
def linear_forward(A_prev, W, b):
    Z = A_prev.T @ W.T + b.T
    return Z, (A_prev, W, b)


@bug("linear_forward", "the cache is (A_prev, W): b is left out of the linear cache",
     [r"\bb\b.{0,40}(missing|left out|not in|forgot)", r"(missing|without) (the )?(bias|b\b)", r"linear.?cache.{0,40}(\bb\b|bias|missing|two items)", r"three items"])
def linear_forward(A_prev, W, b):
    Z = np.dot(W, A_prev) + b
    linear_cache = (A_prev, W)
    return Z, linear_cache


@bug("linear_forward", "np.dot(W, A_prev) + np.sum(b): the sum of all the biases added to every unit, instead of each unit's own b",
     [r"sum(med)? (of|over) (all )?(the )?(b|bias)", r"(every|each) unit.{0,40}(same|own)", r"same (bias|number)", r"\bb\b.{0,40}(summed|scalar|added up)", r"(bias|b\b).{0,20}(broadcast|per unit)", r"constant"])
def linear_forward(A_prev, W, b):
    Z = np.dot(W, A_prev) + np.sum(b)
    return Z, (A_prev, W, b)


@correct("linear_forward", "a 3-D broadcast product summed over the n[l-1] axis, then + b")
def linear_forward(A_prev, W, b):
    Z = (W[:, :, None] * A_prev[None, :, :]).sum(axis=1) + b
    return Z, (A_prev, W, b)


@correct("linear_forward", "a loop over the units: row i of Z is W[i] @ A_prev + b[i, 0], stacked with np.vstack")
def linear_forward(A_prev, W, b):
    rows = [W[i] @ A_prev + b[i, 0] for i in range(W.shape[0])]
    Z = np.vstack(rows)
    return Z, (A_prev, W, b)


# ---- sigmoid --------------------------------------------------------------------------------


@bug("sigmoid", "1 + np.exp(-Z) ** -1: the power binds before the +, so this is 1 + e^Z, not 1 / (1 + e^-Z)",
     [r"precedence", r"parenthes", r"bracket", r"\*\* ?-1", r"e\^Z", r"reciprocal"])
def sigmoid(Z):
    A = 1 + np.exp(-Z) ** -1
    return A


@bug("sigmoid", "A = np.zeros(Z.shape, dtype=int) filled entry by entry: every value is truncated to the integer 0 (or 1)",
     INTEGER + [r"\bint\b", r"dtype", r"(0|zero)s? (or|and) (1|one)s?"])
def sigmoid(Z):
    A = np.zeros(Z.shape, dtype=int)
    for i in range(Z.shape[0]):
        for j in range(Z.shape[1]):
            A[i, j] = 1 / (1 + np.exp(-Z[i, j]))
    return A


@bug("sigmoid", "np.exp(-Z, out=Z): Z itself is overwritten with exp(-Z) (the caller's Z changes in place), though A is right",
     IN_PLACE + [r"overwr", r"out=", r"(changed|modified|mutated) Z", r"Z (was|is) (changed|modified)"], contract="in place")
def sigmoid(Z):
    A = 1 / (1 + np.exp(-Z, out=Z))
    return A


@bug("sigmoid", "a double loop with math.exp: math.exp(1000) raises OverflowError for Z in the hundreds below 0",
     OVERFLOW + MATH_MODULE + [r"OverflowError.{0,40}(large|math)", r"hundreds"])
def sigmoid(Z):
    A = np.empty_like(Z, dtype=float)
    for i in range(Z.shape[0]):
        for j in range(Z.shape[1]):
            A[i, j] = 1 / (1 + math.exp(-Z[i, j]))
    return A


@correct("sigmoid", "math.e ** -Z: a float to an array power is element-wise (inf for Z far below 0 gives 1 / inf = 0)")
def sigmoid(Z):
    return 1 / (1 + math.e ** -Z)


@correct("sigmoid", "1 / (1 + 1 / np.exp(Z)): exp(Z) = 0 gives 1 / 0 = inf and A = 0, exp(Z) = inf gives A = 1")
def sigmoid(Z):
    with np.errstate(divide="ignore", over="ignore"):
        return 1 / (1 + 1 / np.exp(Z))


# ---- relu -----------------------------------------------------------------------------------


@bug("relu", "np.maximum(0.1 * Z, Z): a leaky ReLU, negative Z scaled by 0.1 instead of set to 0",
     [r"leak", r"negative (values|entries|Z|inputs).{0,40}(kept|not|scaled|zero)", r"0\.1", r"should be (0|zero) (where|for)", r"(where|for) Z ?(<|is negative)"])
def relu(Z):
    return np.maximum(0.1 * Z, Z)


@bug("relu", "np.maximum(Z, 0).astype(int): every positive value truncated to an integer",
     INTEGER + [r"\bint\b", r"dtype"])
def relu(Z):
    return np.maximum(Z, 0).astype(int)


@bug("relu", "(Z > 0) * 1: the ReLU's slope (0 or 1) is returned instead of its value max(0, Z)",
     [r"slope", r"derivative", r"g'", r"(0|zero)s? (and|or) (1|one)s?", r"mask", r"indicator", r"\(Z ?> ?0\)"])
def relu(Z):
    return (Z > 0) * 1


@correct("relu", "Z times the 0/1 mask cast to Z's dtype")
def relu(Z):
    return Z * (Z > 0).astype(Z.dtype)


@correct("relu", "np.where(Z < 0, 0, Z)")
def relu(Z):
    return np.where(Z < 0, 0, Z)


# ---- linear_activation_forward --------------------------------------------------------------


@bug("linear_activation_forward", "A = relu(A_prev): the ReLU applied to the layer's input A[l-1] instead of to Z[l]",
     [r"A\[l-1\].{0,40}(instead|where|rather)", r"A_prev.{0,40}(instead|where|rather)", r"input.{0,30}instead of Z", r"previous layer", r"not (to )?Z"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A = sigmoid(Z)
    elif activation == "relu":
        A = relu(A_prev)
    return A, (linear_cache, Z)


@bug("linear_activation_forward", "the sigmoid branch computes A = sigmoid(W @ A_prev) without b, though the cached Z has it",
     [r"\bb\b.{0,40}(missing|not added|left out|forgot)", r"without (the )?(bias|b\b)", r"bias"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A = sigmoid(W @ A_prev)
    else:
        A = relu(Z)
    return A, (linear_cache, Z)


@bug("linear_activation_forward", "the cache is (Z, linear_cache): the two parts in the wrong order",
     [r"order", r"swap", r"revers", r"(first|second) (item|element|part)", r"the other way"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = sigmoid(Z) if activation == "sigmoid" else relu(Z)
    return A, (Z, linear_cache)


@correct("linear_activation_forward", "(sigmoid, relu)[activation == 'relu']: a tuple indexed by a bool")
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    g = (sigmoid, relu)[activation == "relu"]
    return g(Z), (linear_cache, Z)


# ---- model_forward --------------------------------------------------------------------------


@bug("model_forward", "the activations are swapped: sigmoid in the hidden layers and ReLU in the output layer",
     [r"swap", r"(sigmoid|relu).{0,40}(hidden|output|last) layer", r"wrong activation", r"(hidden|output) layers?.{0,40}(sigmoid|relu)"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "sigmoid")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "relu")
    caches.append(cache)
    return AL, caches


@bug("model_forward", "caches.append(cache[0]): only the linear caches are kept, each layer's Z is dropped",
     [r"linear.?cache.{0,40}(only|instead|without)", r"only the linear", r"without (its |the )?Z", r"Z\[?l?\]? (is )?(missing|dropped|left out)"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        activation = "relu" if l < L else "sigmoid"
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], activation)
        caches.append(cache[0])
    return A, caches


@bug("model_forward", "A_prev = X is set once and never updated: every hidden layer is fed X instead of the previous layer's A",
     [r"(every|each) (hidden )?layer.{0,40}\bX\b", r"(fed|given|gets) X", r"previous layer'?s? (output|A|activation)", r"not (updated|passed on)", r"(instead of|not) the previous"])
def model_forward(X, parameters):
    caches = []
    A_prev = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A_prev, parameters["W%d" % l], parameters["b%d" % l], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W%d" % L], parameters["b%d" % L], "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_forward", "return AL, caches[::-1]: the caches come back in reverse order (caches[0] is the output layer's)",
     [r"revers", r"(wrong|backward|opposite) order", r"caches\[0\].{0,40}(layer L|output)", r"order"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], "sigmoid" if l == L else "relu")
        caches.append(cache)
    return A, caches[::-1]


@bug("model_forward", "range(1, L + 1) with 'relu' for every layer: the output layer gets the ReLU, no sigmoid at all",
     [r"no sigmoid", r"sigmoid.{0,40}(missing|never|output|last)", r"relu.{0,40}(output|last) layer", r"(output|last) layer.{0,40}(relu|sigmoid)", r"wrong activation"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    return A, caches


@bug("model_forward", "caches = [cache] inside the loop: the list is re-created each layer, so only the last layer's cache is returned",
     [r"overwr", r"re-?creat", r"(only|just) (the )?(last|one|output) (layer'?s? )?cache", r"append", r"(inside|in) the loop", r"(one|1) cache"])
def model_forward(X, parameters):
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        activation = "sigmoid" if l == L else "relu"
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], activation)
        caches = [cache]
    return A, caches


@correct("model_forward", "a while loop over the hidden layers, then the output layer")
def model_forward(X, parameters):
    caches = []
    L = len(parameters) // 2
    A = X
    l = 1
    while l < L:
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
        l += 1
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


# ---- compute_cost ---------------------------------------------------------------------------


@bug("compute_cost", "-np.mean(...) with no clipping: the cost is inf or nan when A[L] is exactly 0 or 1",
     [r"clip", r"log\(0\)", r"\binf", r"\bnan\b", r"finite", r"(exactly|rounded to) (0|1)", r"saturat"], contract="clipping")
def compute_cost(AL, Y):
    cost = -np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return float(cost)


@bug("compute_cost", "np.dot costs returned without float(): a (1, 1) array instead of a number",
     [r"\(1, 1\)", r"not a (number|float|scalar)", r"squeeze", r"float\(", r"array (instead|rather|not)", r"2-?D", r"(plain|python) (number|float)"])
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    cost = -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m
    return cost


@bug("compute_cost", "-1 // m * np.sum(...): integer division makes the factor -1 instead of -1/m, so J is m times too large",
     INTEGER + [r"m times", r"too large", r"(not )?(divided|averaged) by m"])
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    cost = -1 // m * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return float(cost)


@bug("compute_cost", "(1 - Y) * np.log(1 - Y): the second log takes the labels, not 1 - A[L] (0 * log 0 gives nan)",
     [r"log\(1 ?- ?Y\)", r"Y (instead|where|rather)", r"labels? (instead|where|rather)", r"1 ?- ?Y.{0,30}(instead|where)", r"\bnan\b"])
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    cost = -(1 / m) * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - Y))
    return float(cost)


@correct("compute_cost", "the Coursera np.dot form after the clip, squeezed to a number")
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    cost = -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m
    return float(np.squeeze(cost))


@correct("compute_cost", "clip, then the two label groups summed separately with boolean indexing")
def compute_cost(AL, Y):
    eps = np.finfo(float).eps
    A = np.clip(AL, eps, 1 - eps)
    ones = Y == 1
    total = np.log(A[ones]).sum() + np.log(1 - A[~ones]).sum()
    return float(-total / Y.shape[1])
