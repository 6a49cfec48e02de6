"""Held-out learner code, round 3: initialisation, the forward blocks and the cost.

Written on 2026-12-02 by a helper that did not read dlkit/checks (the engine),
only the notebooks, DESIGN.md and dlkit's reference blocks; every mistake here
is one that is not already in tests/checks/catalog_*.py or in the round-1 files
learners_*.py. No mutant, relation or hint of dlkit.checks may be written from
it (README.md, "Round 3").
"""
import numpy as np
import scipy.special

from dlkit import linear_activation_forward, linear_forward, relu, sigmoid  # noqa: F401 (found by global name)

from .registry import INTEGER, UNPACK
from .registry3 import bug, correct

# Left over from the notebook's demo cells (a learner's kernel keeps them).
A = np.array([[0.3, -1.2, 2.0], [1.1, 0.4, -0.7]])
activation = "relu"

# ---- initialize_parameters ------------------------------------------------------------------


@bug("initialize_parameters", "the generator RandomState(seed) is created again inside the loop, so every layer "
     "restarts the same random stream (layer 2's first numbers are layer 1's)",
     [r"generator", r"RandomState", r"re-?seed", r"(created|made|seeded) (again|anew|inside|in the loop|for each|per layer|every)",
      r"same (random )?(numbers|draws|stream|sequence)", r"once,? before the loop"],
     contract="exact draw (same numbers as everybody else's)")
def initialize_parameters(layer_dims, seed=1):
    parameters = {}
    for l in range(1, len(layer_dims)):
        rng = np.random.RandomState(seed)
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "RandomState(1) hard-coded: the seed argument is ignored",
     [r"seed.{0,40}(ignored|not used|never used|fixed|hard-?coded)", r"ignores? the seed", r"(other|another|different|any) seeds?",
      r"seed (you were|argument|parameter)"],
     contract="exact draw (same numbers as everybody else's)")
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(1)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "the layers are drawn from the last to the first (reversed loop), not in the order 1, 2, ..., L",
     [r"order", r"revers", r"backwards", r"last (layer )?first", r"layer 1 first", r"drawn (before|after)"],
     contract="exact draw (same numbers as everybody else's)")
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    L = len(layer_dims) - 1
    for l in reversed(range(1, L + 1)):
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "divides by sqrt(n[l]) (the layer's own size) instead of sqrt(n[l-1]) (its number of inputs)",
     [r"fan.?in", r"number of inputs", r"(own|wrong|other|next|this) layer'?s (size|width|number of units)",
      r"n\[l\] instead", r"inputs to the layer", r"divided by the wrong"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "the scale is int(np.sqrt(n[l-1])): the square root rounded down to a whole number",
     INTEGER + [r"int\(", r"whole number"], contract="initialisation scale")
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        scale = int(np.sqrt(layer_dims[l - 1]))
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / scale
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "lower-case keys 'w1', 'b1' instead of 'W1', 'b1'",
     [r"upper.?case", r"lower.?case", r"capital", r"case of the key", r"key names?", r"spell"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["w" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@correct("initialize_parameters", "the legacy global generator np.random.seed(seed) + np.random.randn: the same stream as RandomState(seed)")
def initialize_parameters(layer_dims, seed=1):
    np.random.seed(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@correct("initialize_parameters", "rng.normal(0, 1/sqrt(n[l-1]), size) over zip of the layer sizes")
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l, (n_prev, n) in enumerate(zip(layer_dims[:-1], layer_dims[1:]), start=1):
        parameters["W%d" % l] = rng.normal(0.0, 1.0 / np.sqrt(n_prev), size=(n, n_prev))
        parameters["b%d" % l] = np.zeros(shape=(n, 1))
    return parameters


@correct("initialize_parameters", "rng.standard_normal((n, n_prev)) * sqrt(1 / n_prev), keys with f-strings")
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    L = len(layer_dims) - 1
    params = {}
    for l in range(1, L + 1):
        params[f"W{l}"] = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) * np.sqrt(1.0 / layer_dims[l - 1])
        params[f"b{l}"] = np.zeros((layer_dims[l], 1), dtype=float)
    return params


# ---- linear_forward ---------------------------------------------------------------------------


@bug("linear_forward", "a loop over examples adds the (n[l], 1) column b to a 1-D column of W A: broadcasting gives "
     "(n[l], n[l]) and the assignment fails",
     [r"\bb\b.{0,60}(column|1-D|broadcast|flatten)", r"broadcast", r"b\[:, ?0\]", r"1-D .{0,40}\bb\b", r"b (is|has) (a )?column"])
def linear_forward(A_prev, W, b):
    Z = np.zeros((W.shape[0], A_prev.shape[1]))
    for i in range(A_prev.shape[1]):
        Z[:, i] = np.dot(W, A_prev[:, i]) + b
    return Z, (A_prev, W, b)


@bug("linear_forward", "Z computed in the row form A_prev^T W^T + b^T: the result is Z transposed, (m, n[l])",
     [r"transpos", r"rows? and columns", r"\(m, n\[l\]\)"])
def linear_forward(A_prev, W, b):
    Z = np.dot(A_prev.T, W.T) + b.T
    return Z, (A_prev, W, b)


@bug("linear_forward", "a shape assert against the global A of a demo cell: the computation is right, the assert fails",
     [r"global", r"demo", r"assert", r"left over", r"outside (the|your) function"])
def linear_forward(A_prev, W, b):
    Z = np.dot(W, A_prev) + b
    assert Z.shape == (W.shape[0], A.shape[1])
    return Z, (A_prev, W, b)


@bug("linear_forward", "a triple loop adds b inside the innermost loop: b is added n[l-1] times to each entry",
     [r"\bb\b.{0,40}(\d+ times|n\[l-1\] times|several times|more than once|too many times|repeated|each term)",
      r"added (\d+|several|n\[l-1\]) times", r"once per (term|input)", r"inner(most)? loop"])
def linear_forward(A_prev, W, b):
    n, n_prev = W.shape
    m_ = A_prev.shape[1]
    Z = np.zeros((n, m_))
    for i in range(n):
        for j in range(m_):
            for k in range(n_prev):
                Z[i, j] += W[i, k] * A_prev[k, j] + b[i, 0]
    return Z, (A_prev, W, b)


@bug("linear_forward", "np.round(Z, 2): rounded to the two decimals the expected output prints",
     [r"round", r"decimal", r"precision", r"truncat"])
def linear_forward(A_prev, W, b):
    Z = np.round(np.dot(W, A_prev) + b, 2)
    return Z, (A_prev, W, b)


@correct("linear_forward", "a double loop over units and examples with np.dot of a row of W and a column of A_prev")
def linear_forward(A_prev, W, b):
    Z = np.empty((W.shape[0], A_prev.shape[1]))
    for i in range(W.shape[0]):
        for j in range(A_prev.shape[1]):
            Z[i, j] = np.dot(W[i, :], A_prev[:, j]) + b[i, 0]
    linear_cache = (A_prev, W, b)
    return Z, linear_cache


@correct("linear_forward", "the row form transposed back: (A_prev^T W^T + b^T)^T")
def linear_forward(A_prev, W, b):
    Z = (A_prev.T @ W.T + b.T).T
    return Z, (A_prev, W, b)


@correct("linear_forward", "np.add(np.matmul(W, A_prev), b)")
def linear_forward(A_prev, W, b):
    return np.add(np.matmul(W, A_prev), b), (A_prev, W, b)


# ---- sigmoid ----------------------------------------------------------------------------------


@bug("sigmoid", "partly vectorised loop over the columns of row 0 only: returns a 1-D array and ignores the other rows",
     [r"first row", r"only (one|the first) row", r"1-D", r"second dimension", r"other rows", r"flat"])
def sigmoid(Z):
    A = np.zeros(Z.shape[1])
    for j in range(Z.shape[1]):
        A[j] = 1 / (1 + np.exp(-Z[0, j]))
    return A


@bug("sigmoid", "thresholds the sigmoid at 0.5 (a prediction of 0/1) instead of returning the probability",
     [r"threshold", r"0\.5", r"bool", r"0 or 1", r"0/1", r"predict", r"rounded", r"probabilit"])
def sigmoid(Z):
    return (1 / (1 + np.exp(-Z)) > 0.5).astype(float)


@bug("sigmoid", "a 'stable' np.where whose branch for negative Z is 1 / (1 + exp(Z)) = sigmoid(-Z): mirrored there",
     [r"negative", r"Z < 0", r"mirror", r"sigmoid\(-Z\)", r"1 - s(igmoid)?\b", r"sign"])
def sigmoid(Z):
    with np.errstate(over="ignore"):
        return np.where(Z >= 0, 1 / (1 + np.exp(-Z)), 1 / (1 + np.exp(Z)))


@bug("sigmoid", "Z cast to int (np.asarray(Z, dtype=int)) before the exponential: the fractions of Z are cut off",
     INTEGER + [r"\bint\b", r"dtype"])
def sigmoid(Z):
    Z = np.asarray(Z, dtype=int)
    return 1 / (1 + np.exp(-Z))


@correct("sigmoid", "scipy.special.expit")
def sigmoid(Z):
    return scipy.special.expit(Z)


@correct("sigmoid", "np.reciprocal(1 + np.exp(-Z))")
def sigmoid(Z):
    with np.errstate(over="ignore"):
        return np.reciprocal(1.0 + np.exp(-Z))


@correct("sigmoid", "stable: exp(-log(1 + exp(-Z))) with np.logaddexp")
def sigmoid(Z):
    return np.exp(-np.logaddexp(0.0, -Z))


# ---- relu -------------------------------------------------------------------------------------


@bug("relu", "np.clip(Z, 0, 1): also caps the positive values at 1",
     [r"clip", r"cap", r"upper (bound|limit)", r"at most 1", r"above 1", r"large (positive )?(values|entries)", r"greater than 1"])
def relu(Z):
    return np.clip(Z, 0, 1)


@bug("relu", "np.maximum(0, Z.flatten()): the result is 1-D, not Z's shape",
     [r"1-D", r"flat", r"second dimension", r"lost (its|a) dimension", r"ravel", r"reshape"])
def relu(Z):
    return np.maximum(0, Z.flatten())


@bug("relu", "np.maximum(Z, 0.01): the floor is 0.01, not 0 (an epsilon where 0 belongs)",
     [r"0\.01", r"floor", r"small (positive )?(number|value|constant)", r"instead of 0\b", r"eps"])
def relu(Z):
    return np.maximum(Z, 0.01)


@bug("relu", "computes the ReLU into a copy A and then returns Z (the wrong variable): the negative entries stay",
     [r"returns? (Z|its input|the input|your input)", r"unchanged", r"identity", r"negative (entries|values) .{0,30}(kept|stay|not zeroed|unchanged)",
      r"no effect", r"wrong variable"])
def relu(Z):
    A = Z.copy()
    A[A < 0] = 0
    return Z


@correct("relu", "Z * (Z > 0)")
def relu(Z):
    return Z * (Z > 0)


@correct("relu", "(|Z| + Z) / 2")
def relu(Z):
    return (np.abs(Z) + Z) / 2


@correct("relu", "a copy, then np.putmask on the copy")
def relu(Z):
    A = np.array(Z, dtype=float, copy=True)
    np.putmask(A, A < 0, 0.0)
    return A


# ---- linear_activation_forward ----------------------------------------------------------------


@bug("linear_activation_forward", "compares with \"ReLU\" (capitalised): for activation = 'relu' no branch runs and A is never set",
     [r"spell", r"capital", r"upper.?case", r"lower.?case", r"case.?sensitive", r"neither branch", r"no branch", r"never (set|assigned|defined)"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "ReLU":
        A = relu(Z)
    elif activation == "sigmoid":
        A = sigmoid(Z)
    return A, (linear_cache, Z)


@bug("linear_activation_forward", "A, activation_cache = sigmoid(Z) / relu(Z) as in the Coursera version, where these "
     "return one array here: the rows of A are unpacked",
     UNPACK[:1] + [r"returns? (only |just )?(one|an?) (array|value|thing)", r"two (values|things|names)", r"activation_cache",
                   r"(sigmoid|relu) returns"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A, activation_cache = sigmoid(Z)
    else:
        A, activation_cache = relu(Z)
    return A, (linear_cache, activation_cache)


@bug("linear_activation_forward", "linear_cache = linear_forward(...) without unpacking: the cache's first item is (Z, linear_cache)",
     [r"linear_cache (must|should) be", r"linear_forward returns", r"unpack", r"nested", r"\(Z, linear_cache\)", r"two things"])
def linear_activation_forward(A_prev, W, b, activation):
    linear_cache = linear_forward(A_prev, W, b)
    Z = linear_cache[0]
    A = sigmoid(Z) if activation == "sigmoid" else relu(Z)
    return A, (linear_cache, Z)


@bug("linear_activation_forward", "the parameter is named act but the body tests the global activation = 'relu' of a demo cell",
     [r"global", r"demo", r"argument .{0,20}(ignored|not used|never used)", r"ignores? (the )?activation", r"same (result|A) for both",
      r"always (relu|uses relu)"])
def linear_activation_forward(A_prev, W, b, act):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A = sigmoid(Z)
    else:
        A = relu(Z)
    return A, (linear_cache, Z)


@correct("linear_activation_forward", "a conditional expression, then the cache")
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = sigmoid(Z) if activation == "sigmoid" else relu(Z)
    return A, (linear_cache, Z)


@correct("linear_activation_forward", "dict dispatch, raising on an unknown activation, Z computed inline")
def linear_activation_forward(A_prev, W, b, activation):
    g = {"relu": lambda z: np.maximum(0, z), "sigmoid": lambda z: 1 / (1 + np.exp(-z))}
    if activation not in g:
        raise ValueError(f"unknown activation {activation!r}")
    Z = W @ A_prev + b
    return g[activation](Z), ((A_prev, W, b), Z)


# ---- model_forward ----------------------------------------------------------------------------


@bug("model_forward", "caches += cache for the output layer: its two items are added instead of one cache",
     [r"extend", r"\+=", r"one (cache )?per layer", r"L caches", r"(two|2) items", r"flattened", r"too many"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches += cache
    return AL, caches


@bug("model_forward", "A = linear_activation_forward(...) without unpacking: A becomes the (A, cache) tuple",
     [r"unpack", r"tuple", r"returns? (two|both)", r"a pair"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(A[1])
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_forward", "the output layer is called with \"Sigmoid\" (capitalised), which is not one of the two activation names",
     [r"\"Sigmoid\"", r"'Sigmoid'", r"spell", r"lower.?case", r"capital", r"case.?sensitive", r"activation name"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "Sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_forward", "caches.append(cache) is indented outside the ReLU loop: only the last hidden layer's cache is kept",
     [r"indent", r"outside the loop", r"(only|just) the last", r"one (cache )?per layer", r"L caches", r"missing.{0,30}cache",
      r"cache.{0,30}missing"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
    caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_forward", "starts from A = X.T (as if the examples were rows)",
     [r"transpos", r"X\.T", r"rows? (are|as) examples", r"examples (are|as) (columns|rows)"])
def model_forward(X, parameters):
    caches = []
    A = X.T
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@correct("model_forward", "one loop over all layers, the activation chosen by l == L")
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        act = "sigmoid" if l == L else "relu"
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], act)
        caches.append(cache)
    return A, caches


@correct("model_forward", "a while loop, caches returned as a tuple")
def model_forward(X, parameters):
    L = len(parameters) // 2
    caches = ()
    A_prev, l = X, 1
    while l < L:
        A_prev, cache = linear_activation_forward(A_prev, parameters["W" + str(l)], parameters["b" + str(l)], activation="relu")
        caches = caches + (cache,)
        l += 1
    AL, cache = linear_activation_forward(A_prev, parameters["W" + str(L)], parameters["b" + str(L)], activation="sigmoid")
    return AL, list(caches + (cache,))


# ---- compute_cost -----------------------------------------------------------------------------


@bug("compute_cost", "def compute_cost(Y, AL): the parameters are in the wrong order, so the labels are used as probabilities",
     [r"swapped", r"(wrong|other) order", r"AL and Y", r"Y and AL", r"arguments", r"labels? (as|where)", r"order of the"])
def compute_cost(Y, AL):
    m_ = Y.shape[1]
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m_)


@bug("compute_cost", "m = len(Y), the number of rows (1), not the number of examples: the cost is not averaged",
     [r"len\(Y\)", r"\blen\(", r"number of rows", r"m times (too )?(large|big)", r"not divided by m",
      r"divide by m", r"not averaged", r"average"])
def compute_cost(AL, Y):
    m_ = len(Y)
    AL = np.clip(AL, np.finfo(float).eps, 1 - np.finfo(float).eps)
    return float(-1 / m_ * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))


@bug("compute_cost", "np.clip(AL, eps, 1 - eps) is called but its result is not assigned: A[L] is not clipped",
     [r"clip", r"log\(0\)", r"not (assigned|kept|used)", r"discarded", r"thrown away", r"A\[L\] (is|at|=|==) ?(exactly )?(0|1)\b"],
     contract="clipping")
def compute_cost(AL, Y):
    m_ = Y.shape[1]
    eps = np.finfo(float).eps
    np.clip(AL, eps, 1 - eps)
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m_)


@bug("compute_cost", "clips only from below, np.maximum(AL, eps): A[L] = 1 still gives log(0)",
     [r"clip", r"1 - eps", r"upper", r"both (ends|sides)", r"from above", r"A\[L\] (is|at|=|==) ?(exactly )?1\b", r"log\(0\)"],
     contract="clipping")
def compute_cost(AL, Y):
    m_ = Y.shape[1]
    AL = np.maximum(AL, np.finfo(float).eps)
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m_)


@bug("compute_cost", "clips to [0.01, 0.99]: changes every A[L] outside that range, not only the ones rounded to 0 or 1",
     [r"clip", r"eps", r"too (much|wide|large|far|coarse)", r"0\.01", r"0\.99"], contract="clipping")
def compute_cost(AL, Y):
    m_ = Y.shape[1]
    AL = np.clip(AL, 0.01, 0.99)
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m_)


# Moved from @bug to @correct on 2026-12-02 (issue 12 item 5, a contract choice): notebook 3 now
# says the checkpoint grades the cost's value and that a numpy float of any precision passes.
# It was a bug with contract="return a Python float" and named patterns float32, python float,
# float\(, numpy (scalar|number|float), dtype, single precision.
@correct("compute_cost", "returns np.float32(cost): a numpy float32 whose value is right to single precision")
def compute_cost(AL, Y):
    m_ = Y.shape[1]
    AL = np.clip(AL, np.finfo(float).eps, 1 - np.finfo(float).eps)
    return np.float32(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m_)


@correct("compute_cost", "np.log1p(-AL) for log(1 - AL), after the clip")
def compute_cost(AL, Y):
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    return float(-np.mean(Y * np.log(AL) + (1 - Y) * np.log1p(-AL)))


@correct("compute_cost", "np.dot form with transposes, .item()")
def compute_cost(AL, Y):
    m_ = Y.shape[1]
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    cost = -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m_
    return cost.item()


@correct("compute_cost", "np.where on the 0/1 labels picks -log(A) or -log(1 - A)")
def compute_cost(AL, Y):
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    losses = np.where(Y == 1, -np.log(AL), -np.log(1 - AL))
    return float(np.sum(losses) / Y.shape[1])
