"""Held-out learner code, round 12: initialisation, the forward blocks and the cost.

Written on 2026-12-04 on commit 49aeaac by a helper (branch ``heldout12``) that
did not read dlkit/checks (the engine), docs/relations.md, docs/grading.md,
BASELINE.md, the catalogs, the engine's tests, other worktrees or any report
the checks print, and ran no measurement; only the instructor notebooks,
DESIGN.md and dlkit's reference blocks, and the one-line mistakes of the
earlier rounds (to avoid writing the same mistake in the same code shape).
Many mistakes sit in an intermediate variable rather than in the return line.
No mutant, relation or hint of dlkit.checks may be written from it (README.md,
"Round 12").
"""
import numpy as np
import scipy.special

from dlkit import linear_activation_forward, linear_forward, relu, sigmoid  # noqa: F401 (found by global name)

from .registry import IN_PLACE
from .registry12 import bug, correct

# a demo cell's globals, left in the learner's namespace
m = 4                      # from "X = np.random.randn(5, 4); m = X.shape[1]"
L = 3                      # from "layer_dims = [5, 4, 3, 1]; L = len(layer_dims) - 1"

# ---- initialize_parameters ------------------------------------------------------------------


@bug("initialize_parameters",
     "b drawn from the generator and multiplied by 0 (rng.randn(n, 1) * 0): b is zero, but each draw advances the "
     "stream, so every W after W1 gets other numbers",
     [r"(stream|generator|random (numbers|state)).{0,60}(advanc|shift|consum|moved|extra)",
      r"(advanc|shift|consum)\w*.{0,40}(stream|generator)", r"b\w* (is |was )?drawn", r"draw\w* (for|of) b",
      r"extra (random )?draws?", r"other (random )?numbers"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = rng.randn(layer_dims[l], 1) * 0
    return parameters


@bug("initialize_parameters",
     "fan_in = W.shape[0] read from the drawn W: that is n[l] (the layer's own size), not n[l-1], so W is scaled by "
     "1/sqrt(n[l])",
     [r"n\[l\]\b(?!-)", r"(own|layer'?s|output|current) (size|width|number of units)", r"shape\[0\]",
      r"(wrong|other) (axis|dimension|size)", r"units of (the|this) layer", r"sqrt\(n\[l\]\)"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        W = rng.randn(layer_dims[l], layer_dims[l - 1])
        fan_in = W.shape[0]
        parameters["W" + str(l)] = W / np.sqrt(fan_in)
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters",
     "keys written with a format spec f'W{l:02d}': 'W01', 'b01', ... instead of 'W1', 'b1'",
     [r"W01", r"zero-?padd", r"leading (0|zero)", r"(wrong|unexpected|extra) keys?", r"key names?",
      r"keys? .{0,30}(W1|'W1')"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l:02d}"] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters[f"b{l:02d}"] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters",
     "the output layer drawn with the 2-layer model's scale 0.01 (scale = ... if l < L else 0.01) instead of "
     "1/sqrt(n[l-1])",
     [r"0\.01", r"(output|last) layer.{0,60}(scale|small|factor)", r"(scale|factor).{0,60}(output|last) layer",
      r"too small", r"(scale|factor) of (W\d|the weights)"],
     contract="initialisation scale")
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    L = len(layer_dims) - 1
    for l in range(1, L + 1):
        scale = 1 / np.sqrt(layer_dims[l - 1]) if l < L else 0.01
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) * scale
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@correct("initialize_parameters", "np.divide on randn(*shape); b as np.zeros_like of W's first column")
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l, (n_prev, n) in enumerate(zip(layer_dims[:-1], layer_dims[1:]), start=1):
        W = np.divide(rng.randn(*(n, n_prev)), np.sqrt(n_prev))
        parameters["W%d" % l] = W
        parameters["b%d" % l] = np.zeros_like(W[:, :1])
    return parameters


@correct("initialize_parameters", "the legacy global stream (np.random.seed, np.random.randn), in a dict built by update()")
def initialize_parameters(layer_dims, seed=1):
    np.random.seed(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters.update({
            "W" + str(l): np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1]),
            "b" + str(l): np.zeros(shape=(layer_dims[l], 1)),
        })
    return parameters


# ---- linear_forward -------------------------------------------------------------------------


@bug("linear_forward",
     "b flattened with b.ravel() before adding: a 1-D b broadcasts along the examples (one entry per column), not "
     "down the units",
     [r"1-D", r"ravel", r"flat", r"(per|each|every) (column|example)", r"along the (columns|examples)",
      r"broadcast\w* (across|along|over)", r"(b|bias).{0,40}(rows|units).{0,20}(columns|examples)"])
def linear_forward(A_prev, W, b):
    Z = W @ A_prev + b.ravel()
    return Z, (A_prev, W, b)


@bug("linear_forward",
     "b spread to (n[l], m) with np.ones((1, m)) where m is a demo cell's global m = 4, not A_prev's number of columns",
     [r"global", r"demo", r"\bm = 4", r"(number of )?(examples|columns).{0,40}(A_prev|input|not|instead)",
      r"(fixed|hard-?coded|constant) m", r"m (is|was) (not|never) (computed|taken|read)"])
def linear_forward(A_prev, W, b):
    b_wide = b @ np.ones((1, m))
    Z = np.dot(W, A_prev) + b_wide
    return Z, (A_prev, W, b)


@bug("linear_forward",
     "np.multiply(W, A_prev.T).sum(axis=1): an entry-by-entry product summed over the inputs, right for one example "
     "only (m = 1)",
     [r"(one|single|first) (example|column)", r"m = 1", r"element-?wise", r"entry[- ]by[- ]entry",
      r"np\.multiply", r"matrix product", r"np\.dot"])
def linear_forward(A_prev, W, b):
    products = np.multiply(W, A_prev.T)
    Z = products.sum(axis=1, keepdims=True) + b
    return Z, (A_prev, W, b)


@bug("linear_forward",
     "linear_cache holds A_prev.T (transposed 'for the backward pass') instead of A_prev itself",
     [r"transpos", r"A_prev\.T", r"\(m, n\[l-1\]\)", r"cache.{0,60}(A_prev|first item|input)",
      r"(A_prev|first item).{0,40}cache"])
def linear_forward(A_prev, W, b):
    Z = np.dot(W, A_prev) + b
    linear_cache = (A_prev.T, W, b)
    return Z, linear_cache


@correct("linear_forward", "np.matmul plus b spread with np.broadcast_to")
def linear_forward(A_prev, W, b):
    Z = np.matmul(W, A_prev) + np.broadcast_to(b, (W.shape[0], A_prev.shape[1]))
    return Z, (A_prev, W, b)


@correct("linear_forward", "a loop over the units, one row of Z per unit, in the inputs' dtype")
def linear_forward(A_prev, W, b):
    n, m_here = W.shape[0], A_prev.shape[1]
    Z = np.empty((n, m_here), dtype=np.result_type(W, A_prev, b))
    for i in range(n):
        Z[i, :] = A_prev.T @ W[i] + b[i, 0]
    return Z, (A_prev, W, b)


# ---- sigmoid --------------------------------------------------------------------------------


@bug("sigmoid",
     "np.exp(-np.logaddexp(0, Z)): the log-sum form with +Z where -Z belongs, which is sigmoid(-Z) = 1 - sigmoid(Z)",
     [r"sigmoid\(-Z\)", r"1 ?- ?sigmoid", r"1 ?- ?s\b", r"\bsign\b", r"mirror", r"flipped", r"minus sign", r"negated",
      r"logaddexp\(0, ?Z\)"])
def sigmoid(Z):
    A = np.exp(-np.logaddexp(0, Z))
    return A


@bug("sigmoid",
     "0.5 + np.tanh(Z / 2): the tanh identity without the factor 0.5 on the tanh, so A runs from -0.5 to 1.5",
     [r"tanh", r"(below 0|above 1|outside \(?0, ?1)", r"factor (of )?0\.5", r"\bhalf"])
def sigmoid(Z):
    return 0.5 + np.tanh(Z / 2)


@bug("sigmoid",
     "Z flattened (Z.flatten()) for the computation and never reshaped back: A is 1-D",
     [r"1-D", r"flat", r"second dimension", r"lost (its|a) dimension", r"reshape", r"ravel"])
def sigmoid(Z):
    z = Z.flatten()
    a = 1 / (1 + np.exp(-z))
    return a


@bug("sigmoid",
     "Z shifted by its maximum (Z - Z.max(), the softmax trick) 'for stability': the sigmoid is not shift-invariant, "
     "so every entry is wrong unless the largest Z is 0",
     [r"shift", r"Z\.max\(\)", r"(its|the) (largest|maximum)", r"softmax", r"subtract\w* (the |its )?(max|largest)", r"(offset|constant) (added|subtracted)",
      r"(largest|biggest) (entry|value)"])
def sigmoid(Z):
    Z_shifted = Z - Z.max()
    A = 1 / (1 + np.exp(-Z_shifted))
    return A


@correct("sigmoid", "a stable sigmoid by boolean indexing: exp(-Z) on the positive entries, exp(Z) on the others")
def sigmoid(Z):
    Z = np.asarray(Z)
    A = np.zeros_like(Z, dtype=float) if Z.dtype.kind != "f" else np.zeros_like(Z)
    pos = Z >= 0
    A[pos] = 1 / (1 + np.exp(-Z[pos]))
    ez = np.exp(Z[~pos])
    A[~pos] = ez / (1 + ez)
    return A


@correct("sigmoid", "exp(Z - logaddexp(0, Z)), the log-sigmoid exponentiated")
def sigmoid(Z):
    return np.exp(Z - np.logaddexp(0, Z))


# ---- relu -----------------------------------------------------------------------------------


@bug("relu",
     "np.putmask(Z, Z < 0, 0) on the argument itself, then A = Z: the caller's Z is zeroed in place",
     IN_PLACE + [r"putmask", r"alias", r"same array", r"changed Z", r"(modified|mutated|overwr\w*) Z"],
     contract="in place")
def relu(Z):
    np.putmask(Z, Z < 0, 0)
    A = Z
    return A


@bug("relu",
     "one test of the whole array (Z if Z.max() > 0 else zeros): the negatives stay whenever any entry is positive",
     [r"(negative|below 0) (entries|values).{0,30}(stay|remain|kept|unchanged)", r"(keeps?|kept) the negative",
      r"whole (array|matrix)", r"each entry (separately|on its own)", r"returned Z( itself)?", r"(unchanged|as it is)",
      r"identity"])
def relu(Z):
    A = Z if Z.max() > 0 else np.zeros_like(Z)
    return A


@bug("relu",
     "a nested list comprehension with Python's max: returns a list of lists, not a numpy array",
     [r"\blist\b", r"not an? (numpy )?array", r"np\.array", r"ndarray", r"(wrong|its) type"])
def relu(Z):
    A = [[max(z, 0.0) for z in row] for row in Z]
    return A


@correct("relu", "(Z + |Z|) / 2")
def relu(Z):
    return (Z + np.abs(Z)) / 2


@correct("relu", "np.maximum.reduce over Z and a zero array of its shape")
def relu(Z):
    return np.maximum.reduce([Z, np.zeros_like(Z)])


# ---- linear_activation_forward --------------------------------------------------------------


@bug("linear_activation_forward",
     "linear_forward's result unpacked in the wrong order (linear_cache, Z = ...): the activation is applied to the "
     "tuple (A_prev, W, b) and the cache holds Z where linear_cache belongs",
     [r"unpack", r"(wrong|swapped|other) order", r"in this order", r"swapped", r"tuple",
      r"(Z|linear_cache).{0,30}(instead|where).{0,30}(Z|linear_cache)"])
def linear_activation_forward(A_prev, W, b, activation):
    linear_cache, Z = linear_forward(A_prev, W, b)
    if activation == "relu":
        A = relu(Z)
    else:
        A = sigmoid(Z)
    return A, (linear_cache, Z)


@bug("linear_activation_forward",
     "arithmetic dispatch relu(Z) + sigmoid(Z) * (activation == 'sigmoid'): the relu term has no mask, so the sigmoid "
     "layer returns relu(Z) + sigmoid(Z)",
     [r"relu\(Z\) ?\+ ?sigmoid", r"(sum|added|adds|plus).{0,30}(relu|both)", r"both (activations|functions)",
      r"sigmoid.{0,40}(relu|both).{0,20}(added|sum)", r"(above|greater than|more than) 1", r"extra relu"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = relu(Z) + sigmoid(Z) * (activation == "sigmoid")
    return A, (linear_cache, Z)


@bug("linear_activation_forward",
     "(relu, sigmoid)[activation == 'relu'] picks by a boolean index the wrong way round: 'relu' gets the sigmoid and "
     "'sigmoid' the ReLU",
     [r"swapped", r"(wrong|other) way round", r"(relu|sigmoid) (gets|got|is given|where).{0,30}(sigmoid|relu)",
      r"(sigmoid|relu) (instead|in place) of (the )?(relu|sigmoid)", r"inverted", r"reversed"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    g = (relu, sigmoid)[activation == "relu"]
    return g(Z), (linear_cache, Z)


@bug("linear_activation_forward",
     "the cache holds Z transposed (Z.T, 'examples as rows') instead of Z",
     [r"transpos", r"Z\.T", r"\(m, n\[l\]\)", r"cache.{0,40}Z\.T", r"Z.{0,20}transposed"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = relu(Z) if activation == "relu" else sigmoid(Z)
    cache = (linear_cache, Z.T)
    return A, cache


@correct("linear_activation_forward", "a match statement on the activation's name")
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    match activation:
        case "relu":
            A = relu(Z)
        case "sigmoid":
            A = sigmoid(Z)
        case _:
            raise ValueError(activation)
    return A, (linear_cache, Z)


@correct("linear_activation_forward", "both activations computed, np.where on the scalar test picks one")
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = np.where(activation == "sigmoid", sigmoid(Z), relu(Z))
    return A, (linear_cache, Z)


# ---- model_forward --------------------------------------------------------------------------


@bug("model_forward",
     "enumerate over the layers starts at 0 but the sigmoid test is l == L: no index reaches L, so the output layer "
     "gets the ReLU",
     [r"(output|last) layer.{0,40}relu", r"(never|not) (the |a )?sigmoid", r"relu.{0,40}(output|last) layer",
      r"enumerat", r"(off by one|one too (high|low))", r"(sigmoid|output) (layer )?(gets|uses|given) (the )?relu"])
def model_forward(X, parameters):
    Ws = [v for k, v in parameters.items() if k.startswith("W")]
    bs = [v for k, v in parameters.items() if k.startswith("b")]
    L = len(Ws)
    caches = []
    A = X
    for l, (W, b) in enumerate(zip(Ws, bs)):
        activation = "sigmoid" if l == L else "relu"
        A, cache = linear_activation_forward(A, W, b, activation)
        caches.append(cache)
    return A, caches


@bug("model_forward",
     "L never computed: the loop reads a demo cell's global L = 3, so any network of another depth runs 3 layers",
     [r"global", r"demo", r"L = 3", r"(number of layers|depth|how many layers)", r"(fixed|hard-?coded|always) (3|three)",
      r"(layers?|W\d).{0,30}(missing|skipped|not (used|run))", r"(too few|too many|extra) layers?"])
def model_forward(X, parameters):
    caches = []
    A = X
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_forward",
     "AL returned squeezed (np.squeeze(AL)): 1-D (m,) instead of (1, m)",
     [r"1-D", r"squeez", r"second dimension", r"lost (its|a) dimension", r"\(1, m\)", r"flat"])
def model_forward(X, parameters):
    L = len(parameters) // 2
    caches = []
    A = X
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"],
                                             "sigmoid" if l == L else "relu")
        caches.append(cache)
    return np.squeeze(A), caches


@bug("model_forward",
     "caches kept in a dict keyed by layer number 1..L instead of a list in layer order",
     [r"\bdict", r"not a list", r"\blist\b", r"caches\[0\]", r"key(ed)? by", r"(wrong|its) type"])
def model_forward(X, parameters):
    L = len(parameters) // 2
    caches = {}
    A = X
    for l in range(1, L + 1):
        A, caches[l] = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)],
                                                 "relu" if l < L else "sigmoid")
    return A, caches


@bug("model_forward",
     "an inline forward with np.maximum(Z, 0, out=Z): the ReLU overwrites Z after it went into the cache, so every "
     "hidden cache holds A[l] where Z[l] belongs",
     [r"out=", r"in place", r"overwr", r"cache.{0,60}(holds|has|contains) (A\[l\]|the (activation|output|relu))", r"(cached|stored) Z",
      r"(A\[l\]|output|activation).{0,40}(where|instead of) Z", r"(negative|below 0).{0,40}Z.{0,40}(zero|cache)"])
def model_forward(X, parameters):
    L = len(parameters) // 2
    caches = []
    A = X
    for l in range(1, L):
        W, b = parameters["W" + str(l)], parameters["b" + str(l)]
        Z = W @ A + b
        caches.append(((A, W, b), Z))
        A = np.maximum(Z, 0, out=Z)
    W, b = parameters["W" + str(L)], parameters["b" + str(L)]
    Z = W @ A + b
    caches.append(((A, W, b), Z))
    return 1 / (1 + np.exp(-Z)), caches


@bug("model_forward",
     "the activation test l < len(parameters) // 2 - 1 is one layer short: layer L-1 gets the sigmoid as well",
     [r"(two|2|both|last two) layers?.{0,30}sigmoid", r"sigmoid.{0,40}(hidden|layer L-1|layer \d|last hidden)",
      r"(hidden) layer.{0,40}sigmoid", r"(off by one|one (layer )?(too )?(early|short|soon))",
      r"(relu|hidden) (layers? )?(gets?|uses?|given) (the )?sigmoid"])
def model_forward(X, parameters):
    caches = []
    A = X
    for l in range(1, len(parameters) // 2 + 1):
        activation = "relu" if l < len(parameters) // 2 - 1 else "sigmoid"
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], activation)
        caches.append(cache)
    return A, caches


@correct("model_forward", "L from the largest layer number among the keys, loop with f-strings")
def model_forward(X, parameters):
    L = max(int(k[1:]) for k in parameters)
    caches = []
    A = X
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"],
                                             "relu" if l != L else "sigmoid")
        caches.append(cache)
    return A, caches


@correct("model_forward", "a recursive helper that returns the rest of the chain's caches")
def model_forward(X, parameters):
    L = len(parameters) // 2

    def run(A, l):
        activation = "sigmoid" if l == L else "relu"
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], activation)
        if l == L:
            return A, [cache]
        AL, rest = run(A, l + 1)
        return AL, [cache] + rest

    return run(X, 1)


# ---- compute_cost ---------------------------------------------------------------------------


@bug("compute_cost",
     "np.dot for the first term (already a sum, shape (1, 1)) but * for the second: the (1, 1) sum is broadcast onto "
     "each of the m entries, so the first term is counted m times",
     [r"(m|\d+) times", r"broadcast", r"np\.dot", r"(mix|mixed|mixing)", r"(first|Y log).{0,30}term",
      r"(counted|added|summed) .{0,20}(twice|m times|again|every)", r"positive (labels|examples)"])
def compute_cost(AL, Y):
    m = Y.shape[1]
    AL = np.clip(AL, np.finfo(float).eps, 1 - np.finfo(float).eps)
    cost = -(1 / m) * np.sum(np.dot(Y, np.log(AL).T) + (1 - Y) * np.log(1 - AL))
    return float(cost)


@bug("compute_cost",
     "eps = 0.01 for the clip: every A[L] above 0.99 or below 0.01 is moved, not just the ones rounded to 0 or 1",
     [r"0\.01", r"(eps|epsilon).{0,40}(large|big|too)", r"(clip|clipp)\w*.{0,40}(too|large|wide|far|0\.99)",
      r"0\.99"],
     contract="clipping")
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = 0.01
    AL = np.clip(AL, eps, 1 - eps)
    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m
    return float(cost)


@bug("compute_cost",
     "np.log(1 - AL) * 1 - Y: the parentheses around (1 - Y) are missing, so Y is subtracted instead of multiplying",
     [r"parenthes", r"bracket", r"precedence", r"(1 - Y).{0,40}(subtract|minus|outside)",
      r"(subtract|minus)\w* (the labels|Y)"])
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    losses = Y * np.log(AL) + np.log(1 - AL) * 1 - Y
    return float(-np.sum(losses) / m)


@bug("compute_cost",
     "divided by np.sum(Y) (the number of positive labels) instead of m",
     [r"positive (labels|examples)", r"np\.sum\(Y\)", r"sum of (the )?labels", r"number of (ones|positives|1s)",
      r"(instead of|not) (by )?m\b", r"(divid\w*) by (the|a) (sum|wrong)"])
def compute_cost(AL, Y):
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    total = np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    count = np.sum(Y)
    return float(-total / count)


@bug("compute_cost",
     "np.sum(..., axis=1) without 1/m, then np.squeeze: the summed loss (m times the cost), not its mean",
     [r"(m|\d+) times", r"1 ?/ ?m.{0,20}(missing|forgot)", r"(missing|no|without|forgot) (the )?1 ?/ ?m",
      r"(not )?(divided|averaged) by m", r"sum (instead|rather) of (the )?mean", r"too large"])
def compute_cost(AL, Y):
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    per_row = np.sum(-(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)), axis=1)
    return float(np.squeeze(per_row))


@correct("compute_cost", "scipy.special.xlogy on the clipped AL")
def compute_cost(AL, Y):
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    m = AL.shape[1]
    return float(-(scipy.special.xlogy(Y, AL) + scipy.special.xlogy(1 - Y, 1 - AL)).sum() / m)


@correct("compute_cost", "np.where on the label with log1p(-AL), averaged by np.mean")
def compute_cost(AL, Y):
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    return float(-np.mean(np.where(Y == 1, np.log(AL), np.log1p(-AL))))
