"""Held-out learner code: initialisation, the forward blocks and the cost.

Written the way learners of the "step by step" assignment write them; none of
it is taken from tests/checks/catalog_*.py, and no mutant or relation of
dlkit.checks may be written from it (it is the held-out set of issue 12).
"""
import math

import numpy as np

from dlkit import linear_activation_forward, linear_forward, relu, sigmoid  # noqa: F401 (found by global name)

from .registry import ELEMENTWISE, IN_PLACE, INTEGER, MATH_MODULE, OVERFLOW, UNPACK, bug, correct

# Left over from the notebook's demo cells (a learner's kernel keeps them).
A = np.array([[1.0, -2.0], [0.5, 3.0], [-1.5, 0.2]])
m = 5

# ---- initialize_parameters ------------------------------------------------------------------


@bug("initialize_parameters", "the loop range(1, L) with L = len(layer_dims) - 1 stops one layer early: the last layer's W, b are missing",
     [r"last layer", r"missing.*\b[Wb]\d", r"one (layer )?(too )?(early|short|few)", r"range\(1, L \+ 1\)", r"W1\.\.WL"])
def initialize_parameters(layer_dims, seed=1):
    np.random.seed(seed)
    parameters = {}
    L = len(layer_dims) - 1
    for l in range(1, L):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "W[l] is drawn as (n[l-1], n[l]): transposed",
     [r"transpos"])
def initialize_parameters(layer_dims, seed=1):
    np.random.seed(seed)
    parameters = {}
    for l, (n_in, n_out) in enumerate(zip(layer_dims[:-1], layer_dims[1:]), start=1):
        parameters[f"W{l}"] = np.random.randn(n_in, n_out) / np.sqrt(n_in)
        parameters[f"b{l}"] = np.zeros((n_out, 1))
    return parameters


@bug("initialize_parameters", "b[l] is a 1-D array np.zeros(n[l]), not a column (n[l], 1)",
     [r"column", r"1-D", r"second dimension"])
def initialize_parameters(layer_dims, seed=1):
    np.random.seed(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros(layer_dims[l])
    return parameters


@bug("initialize_parameters", "W[l] scaled by 0.01 instead of / sqrt(n[l-1]) as the notebook asks (numbers differ from everybody else's)",
     [r"0\.01", r"sqrt", r"scale", r"too small", r"same (numbers )?as everybody"], contract="initialisation scale")
def initialize_parameters(layer_dims, seed=1):
    np.random.seed(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "every entry of W[l] is the same number (np.ones * scale): no symmetry breaking",
     [r"symmetr", r"identical", r"same (thing|gradient|value|number)", r"all (the )?same"])
def initialize_parameters(layer_dims, seed=1):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.ones((layer_dims[l], layer_dims[l - 1])) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "np.random.random draws from [0, 1): all weights positive, not centred on 0",
     [r"positive", r"both signs", r"mean 0", r"cent(red|ered)", r"\brand\b", r"uniform", r"\[0, 1\)"])
def initialize_parameters(layer_dims, seed=1):
    np.random.seed(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.random((layer_dims[l], layer_dims[l - 1])) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "keys numbered from 0 (W0..W(L-1)) instead of W1..WL",
     [r"\bW0\b", r"numbered", r"off by one", r"keys", r"W1\.\.WL"])
def initialize_parameters(layer_dims, seed=1):
    np.random.seed(seed)
    parameters = {}
    for l in range(len(layer_dims) - 1):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l + 1], layer_dims[l]) / np.sqrt(layer_dims[l])
        parameters["b" + str(l)] = np.zeros((layer_dims[l + 1], 1))
    return parameters


@bug("initialize_parameters", "W[l] = randn without any scale: too large (the notebook asks for / sqrt(n[l-1]))",
     [r"too large", r"scale", r"sqrt", r"saturat"])
def initialize_parameters(layer_dims, seed=1):
    np.random.seed(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 3
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@correct("initialize_parameters", "the course's own recipe: seed, randn / sqrt(n[l-1]), zeros")
def initialize_parameters(layer_dims, seed=1):
    np.random.seed(seed)
    parameters = {}
    L = len(layer_dims)
    for l in range(1, L):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@correct("initialize_parameters", "RandomState and a multiplied 1/sqrt, the same numbers")
def initialize_parameters(layer_dims, seed=1):
    rs = np.random.RandomState(seed)
    params = dict()
    for l in range(1, len(layer_dims)):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        params["W%d" % l] = rs.randn(n, n_prev) * (1.0 / math.sqrt(n_prev))
        params["b%d" % l] = np.zeros(shape=(n, 1))
    return params


# ---- linear_forward ---------------------------------------------------------------------------


@bug("linear_forward", "W is transposed in the product (np.dot(W.T, A_prev))",
     [r"transpos"])
def linear_forward(A_prev, W, b):
    Z = np.dot(W.T, A_prev) + b
    cache = (A_prev, W, b)
    return Z, cache


@bug("linear_forward", "b is transposed (b.T, a row) before being added, so it broadcasts the wrong way",
     [r"\bb\b.*(transpos|row|broadcast|column)", r"broadcast", r"added the wrong way"])
def linear_forward(A_prev, W, b):
    Z = np.dot(W, A_prev) + b.T
    return Z, (A_prev, W, b)


@bug("linear_forward", "uses the global A left over from a demo cell instead of the argument A_prev",
     [r"global", r"demo", r"A_prev (is|was) (not|never) used", r"not (use|using) A_prev", r"instead of A_prev"])
def linear_forward(A_prev, W, b):
    Z = np.dot(W, A) + b
    return Z, (A_prev, W, b)


@bug("linear_forward", "the loop over examples stops one column early: the last column of Z stays 0",
     [r"last (column|example)", r"column.*(zero|missing|0\b)", r"only .*(first|some) (column|example)s?", r"right for the first"])
def linear_forward(A_prev, W, b):
    m = A_prev.shape[1]
    Z = np.zeros((W.shape[0], m))
    for i in range(m - 1):
        Z[:, i] = W.dot(A_prev[:, i]) + b[:, 0]
    return Z, (A_prev, W, b)


@bug("linear_forward", "the cache also holds Z: (A_prev, W, b, Z) instead of (A_prev, W, b)",
     [r"linear_cache must be", r"cache (must|should) (be|hold)", r"3 items", r"three"])
def linear_forward(A_prev, W, b):
    Z = W @ A_prev + b
    return Z, (A_prev, W, b, Z)


@bug("linear_forward", "np.sum(b) adds the sum of all biases to every unit instead of b[l] row by row",
     [r"\bb\b.*(sum|each row|one number|per unit|broadcast|wrong way)", r"sum of (the )?b", r"added the wrong way"])
def linear_forward(A_prev, W, b):
    Z = np.dot(W, A_prev) + np.sum(b)
    return Z, (A_prev, W, b)


@correct("linear_forward", "both sides transposed: (A^T W^T)^T")
def linear_forward(A_prev, W, b):
    Z = (A_prev.T @ W.T).T + b
    return Z, (A_prev, W, b)


@correct("linear_forward", "einsum with other index letters and += b")
def linear_forward(A_prev, W, b):
    Z = np.einsum("nk,km->nm", W, A_prev)
    Z += b
    return Z, (A_prev, W, b)


@correct("linear_forward", "a loop over the units (rows), sums by hand")
def linear_forward(A_prev, W, b):
    Z = np.zeros((W.shape[0], A_prev.shape[1]), dtype=np.result_type(W, A_prev))
    for i in range(W.shape[0]):
        Z[i, :] = np.sum(W[i, :, None] * A_prev, axis=0) + b[i, 0]
    return Z, [A_prev, W, b]


@correct("linear_forward", "np.matmul and an explicit tuple()")
def linear_forward(A_prev, W, b):
    linear_cache = tuple([A_prev, W, b])
    return np.matmul(W, A_prev) + b, linear_cache


# ---- sigmoid ----------------------------------------------------------------------------------


@bug("sigmoid", "math.exp on an array (Python's math works on single numbers only), not np.exp",
     MATH_MODULE)
def sigmoid(Z):
    return 1 / (1 + math.exp(-Z))


@bug("sigmoid", "exp(Z) / (1 + exp(Z)) overflows to inf/inf = NaN for large positive Z",
     OVERFLOW)
def sigmoid(Z):
    A = np.exp(Z) / (1 + np.exp(Z))
    return A


@bug("sigmoid", "integer division 1 // (1 + exp(-Z)) rounds every entry down to 0 (or 1)",
     INTEGER)
def sigmoid(Z):
    return 1 // (1 + np.exp(-Z))


@bug("sigmoid", "missing parentheses: 1/1 + np.exp(-Z) is 1 + exp(-Z), not 1/(1 + exp(-Z))",
     [r"parenthes", r"precedence", r"denominator", r"1 \+ exp\(-Z\)"])
def sigmoid(Z):
    A = 1/1 + np.exp(-Z)
    return A


@bug("sigmoid", "exp(-Z) / (1 + exp(-Z)) is 1 - sigmoid(Z) = sigmoid(-Z): mirrored",
     [r"1 - s(igmoid)?\b", r"sigmoid\(-Z\)", r"mirror", r"sign", r"minus", r"flipped"])
def sigmoid(Z):
    e = np.exp(-Z)
    return e / (1 + e)


@bug("sigmoid", "Z *= -1 changes the caller's Z in place",
     IN_PLACE)
def sigmoid(Z):
    Z *= -1
    return 1 / (1 + np.exp(Z))


@correct("sigmoid", "numerically stable: np.where picks the formula that cannot overflow")
def sigmoid(Z):
    with np.errstate(over="ignore", invalid="ignore"):
        return np.where(Z >= 0, 1 / (1 + np.exp(-Z)), np.exp(Z) / (1 + np.exp(Z)))


@correct("sigmoid", "stable through logaddexp: sigmoid(Z) = exp(-log(1 + exp(-Z)))")
def sigmoid(Z):
    return np.exp(-np.logaddexp(0, -Z))


@correct("sigmoid", "a loop over the entries with math.exp, branching on the sign of z")
def sigmoid(Z):
    A = np.empty_like(Z)
    for idx in np.ndindex(Z.shape):
        z = float(Z[idx])
        A[idx] = 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))
    return A


@correct("sigmoid", "np.reciprocal and np.add, the textbook formula")
def sigmoid(Z):
    return np.reciprocal(np.add(1, np.exp(np.negative(Z))))


# ---- relu -------------------------------------------------------------------------------------


@bug("relu", "Z[Z < 0] = 0 zeroes the caller's Z in place",
     IN_PLACE)
def relu(Z):
    Z[Z < 0] = 0
    return Z


@bug("relu", "A = Z is an alias, not a copy: A[A < 0] = 0 changes Z in place",
     IN_PLACE + [r"alias"])
def relu(Z):
    A = Z
    A[A < 0] = 0
    return A


@bug("relu", "the result array is np.zeros(..., dtype=int): every value truncated to an integer",
     INTEGER + [r"\bint\b", r"dtype"])
def relu(Z):
    A = np.zeros(Z.shape, dtype=int)
    for i in range(Z.shape[0]):
        for j in range(Z.shape[1]):
            A[i][j] = max(0, Z[i][j])
    return A


@bug("relu", "leaky ReLU (0.01 Z for Z < 0) instead of ReLU (0 for Z < 0)",
     [r"leaky", r"0\.01", r"negative (entries|values|part)s? (must|should|are|become)"])
def relu(Z):
    return np.maximum(0.01 * Z, Z)


@bug("relu", "np.maximum(Z, 0, Z) writes the result into Z (out=Z): the caller's Z is changed in place",
     IN_PLACE + [r"\bout\b"])
def relu(Z):
    A = np.maximum(Z, 0, Z)
    return A


@bug("relu", "returns the slope (1 where Z > 0, else 0), not max(0, Z)",
     [r"slope", r"derivative", r"g'"])
def relu(Z):
    return np.where(Z > 0, 1.0, 0.0)


@correct("relu", "np.where keeping Z")
def relu(Z):
    return np.where(Z > 0, Z, 0)


@correct("relu", "Z times a boolean mask")
def relu(Z):
    return Z * (Z > 0)


@correct("relu", "np.clip from below")
def relu(Z):
    return np.clip(Z, 0, None)


@correct("relu", "(Z + |Z|) / 2, on a copy")
def relu(Z):
    A = Z.copy()
    A = (A + np.abs(A)) / 2
    return A


# ---- linear_activation_forward ----------------------------------------------------------------


@bug("linear_activation_forward", "`activation == \"relu\" or \"sigmoid\"` is always true: ReLU for both activations",
     [r"always", r"ignored", r"even when", r"or \"sigmoid\""])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "relu" or "sigmoid":
        A = relu(Z)
    else:
        A = sigmoid(Z)
    return A, (linear_cache, Z)


@bug("linear_activation_forward", "the cache keeps A instead of Z: (linear_cache, A)",
     [r"keeps? Z", r"holds? A\b", r"A (where|instead of) Z", r"not A\[l\]", r"cache .*(holds|has|keeps) A\b"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = relu(Z) if activation == "relu" else sigmoid(Z)
    cache = (linear_cache, A)
    return A, cache


@bug("linear_activation_forward", "the activation is applied to A_prev (the input), not to Z",
     [r"A_prev", r"not (to )?Z\b", r"the input"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A = sigmoid(A_prev)
    elif activation == "relu":
        A = relu(A_prev)
    return A, (linear_cache, Z)


@bug("linear_activation_forward", "cache in the wrong order: (Z, linear_cache)",
     UNPACK + [r"swapped", r"other way"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = sigmoid(Z) if activation == "sigmoid" else relu(Z)
    return A, (Z, linear_cache)


@bug("linear_activation_forward", "returns linear_cache as the cache (Z is not kept)",
     [r"cache (must|should) (be|hold)", r"Z (is )?(not kept|missing)", r"keeps? Z"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A = sigmoid(Z)
    else:
        A = relu(Z)
    return A, linear_cache


@correct("linear_activation_forward", "everything inline, no helpers")
def linear_activation_forward(A_prev, W, b, activation):
    Z = W @ A_prev + b
    A = np.maximum(0, Z) if activation == "relu" else 1 / (1 + np.exp(-Z))
    return A, ((A_prev, W, b), Z)


@correct("linear_activation_forward", "a dict dispatch on the activation's name")
def linear_activation_forward(A_prev, W, b, activation):
    g = {"relu": relu, "sigmoid": sigmoid}[activation]
    Z, linear_cache = linear_forward(A_prev, W, b)
    return g(Z), (linear_cache, Z)


@correct("linear_activation_forward", "list cache, sigmoid branch first")
def linear_activation_forward(A_prev, W, b, activation):
    if activation == "sigmoid":
        Z, linear_cache = linear_forward(A_prev, W, b)
        A = sigmoid(Z)
    elif activation == "relu":
        Z, linear_cache = linear_forward(A_prev, W, b)
        A = relu(Z)
    cache = [linear_cache, Z]
    return A, cache


# ---- model_forward ----------------------------------------------------------------------------


@bug("model_forward", "the ReLU loop runs range(1, L + 1), through layer L, then layer L is applied again as the sigmoid layer",
     [r"layer L.*(twice|two|again)", r"one (layer )?too (many|far)", r"range\(1, L\)", r"output layer.*(relu|twice)", r"twice"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_forward", "L = len(parameters) counts W and b: twice the number of layers",
     [r"len\(parameters\) ?// ?2", r"twice as many", r"number of layers", r"L = len"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters)
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_forward", "every layer takes X as its input (A_prev is never updated): the layers are not chained",
     [r"previous layer", r"not chained", r"A_prev = A", r"takes? X"])
def model_forward(X, parameters):
    caches = []
    L = len(parameters) // 2
    A = X
    for l in range(1, L):
        A, cache = linear_activation_forward(X, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_forward", "the output layer's cache is never appended: caches has L-1 entries",
     [r"caches.*(one per layer|output|last|L caches|layer L)", r"missing.*cache", r"cache.*missing", r"append the output"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, _ = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    return AL, caches


@bug("model_forward", "the output layer uses relu instead of sigmoid",
     [r"output layer.*(relu|sigmoid)", r"layer L .*sigmoid", r"sigmoid.*(layer L|output)", r"probabilit"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "relu")
    caches.append(cache)
    return AL, caches


@bug("model_forward", "keys off by one: layer l reads W[l+1], b[l+1] (W1 is never used)",
     [r"\bW1\b", r"layer 1", r"off by one", r"numbered", r"skip", r"index"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l + 1)], parameters["b" + str(l + 1)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_forward", "caches is a dict keyed by layer, not a list in layer order",
     [r"\blist\b", r"caches (must|should) be"])
def model_forward(X, parameters):
    caches = {}
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, caches[l] = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
    AL, caches[L] = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    return AL, caches


@correct("model_forward", "a while loop")
def model_forward(X, parameters):
    caches = []
    L = len(parameters) // 2
    A, l = X, 1
    while l < L:
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], activation="relu")
        caches.append(cache)
        l += 1
    AL, cache = linear_activation_forward(A, parameters[f"W{L}"], parameters[f"b{L}"], activation="sigmoid")
    caches.append(cache)
    return AL, caches


@correct("model_forward", "the activation chosen inside one loop over l = 1..L")
def model_forward(X, parameters):
    L = len(parameters) // 2
    A, caches = X, []
    for l in range(1, L + 1):
        act = "sigmoid" if l == L else "relu"
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], act)
        caches.append(cache)
    return A, caches


@correct("model_forward", "inline numpy, no helpers")
def model_forward(X, parameters):
    L = len(parameters) // 2
    caches = []
    A = X
    for l in range(1, L + 1):
        W, b = parameters["W%d" % l], parameters["b%d" % l]
        Z = W @ A + b
        caches.append(((A, W, b), Z))
        A = 1 / (1 + np.exp(-Z)) if l == L else np.maximum(Z, 0)
    return A, caches


# ---- compute_cost -----------------------------------------------------------------------------


@bug("compute_cost", "no clipping: log(0) when A[L] is exactly 0 or 1 (0 * log 0 = NaN), although the notebook asks to clip",
     [r"clip", r"log\(0\)", r"log of 0", r"epsilon", r"A\[L\] (is|at|=|==) ?(exactly )?(0|1)\b", r"saturat"], contract="clipping")
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = -1 / m * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return float(np.squeeze(cost))


@bug("compute_cost", "divides by the global m = 5 left over from a demo cell instead of m = Y.shape[1]",
     [r"global", r"demo", r"m (is|was) (taken|fixed|read)", r"wrong m\b", r"a fixed m", r"only (right|correct) (for|when) m"])
def compute_cost(AL, Y):
    logprobs = np.multiply(np.log(AL), Y) + np.multiply(np.log(1 - AL), 1 - Y)
    cost = -np.sum(logprobs) / m
    return float(cost)


@bug("compute_cost", "np.dot of two (1, m) rows without transposing one: a shape error",
     [r"transpos", r"\.T\b"] + ELEMENTWISE)
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = -1 / m * (np.dot(Y, np.log(AL)) + np.dot(1 - Y, np.log(1 - AL)))
    return np.squeeze(cost)


@bug("compute_cost", "-1 // m is integer division (= -1): the 1/m is lost, the cost is m times too large",
     INTEGER + [r"m times (too )?large", r"1/m (is )?missing"])
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = (-1 // m) * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return float(cost)


@bug("compute_cost", "np.mean over axis=0 gives one value per example, not one number",
     [r"single number", r"scalar", r"sum over", r"not summed", r"wrong axis", r"axis ?= ?0"])
def compute_cost(AL, Y):
    return -np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL), axis=0)


@bug("compute_cost", "math.log on arrays (Python's math takes single numbers)",
     MATH_MODULE + [r"np\.log"])
def compute_cost(AL, Y):
    m = Y.shape[1]
    return -1 / m * np.sum(Y * math.log(AL) + (1 - Y) * math.log(1 - AL))


@bug("compute_cost", "the (1, 1) result of the np.dot form is returned without np.squeeze: not a number",
     [r"single number", r"scalar", r"squeeze", r"float\("])
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m
    return cost


@bug("compute_cost", "the second term is subtracted: Y log A - (1 - Y) log(1 - A)",
     [r"second term", r"\(1 - Y\) log\(1 - A\[L\]\).*(sign|minus|added|\+)", r"sign"])
def compute_cost(AL, Y):
    m = Y.shape[1]
    return float(-(1 / m) * np.sum(Y * np.log(AL) - (1 - Y) * np.log(1 - AL)))


@correct("compute_cost", "np.logaddexp on the logit of A[L] clipped as the notebook says (stable form of the cross-entropy)")
def compute_cost(AL, Y):
    eps = np.finfo(AL.dtype).eps
    a = np.clip(AL, eps, 1 - eps)
    z = np.log(a) - np.log1p(-a)
    return float(np.mean(Y * np.logaddexp(0, -z) + (1 - Y) * np.logaddexp(0, z)))


@correct("compute_cost", "clipped with np.finfo eps, np.mean and np.log1p")
def compute_cost(AL, Y):
    eps = np.finfo(AL.dtype).eps
    a = np.clip(AL, eps, 1 - eps)
    return float(-np.mean(Y * np.log(a) + (1 - Y) * np.log1p(-a)))


@correct("compute_cost", "a loop over the examples, clipped as the notebook says, taking only the log that the label selects")
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = float(np.finfo(AL.dtype).eps)
    total = 0.0
    for i in range(m):
        a, y = min(max(float(AL[0, i]), eps), 1 - eps), float(Y[0, i])
        total += -math.log(a) if y == 1 else -math.log(1 - a)
    return total / m


@correct("compute_cost", "the np.dot form, transposed and squeezed, clipped")
def compute_cost(AL, Y):
    m = Y.shape[1]
    AL = np.clip(AL, np.finfo(AL.dtype).eps, 1 - np.finfo(AL.dtype).eps)
    cost = -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m
    return np.squeeze(cost).item()
