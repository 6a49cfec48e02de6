"""Held-out learner code, round 15: initialisation, the forward blocks and the cost.

Written on 2026-12-04 on commit 53c4d64 by a helper (branch ``heldout15``) that
did not read dlkit/checks (the engine), docs/relations.md, docs/grading.md,
BASELINE.md, the catalogs, the engine's tests, other worktrees, the git history
of dlkit/checks or any report the checks print, and ran no measurement nor
``dlkit.checks.check`` or ``SPECS``; only the instructor notebooks, DESIGN.md and
dlkit's reference blocks, and the one-line mistakes of the earlier rounds (to
avoid writing the same mistake in the same code shape). The code is written the
way a learner in JupyterLab writes it (helper variables, loops, leftover demo
cells), one mistake each; about half are the everyday mistakes of this
assignment. No mutant, relation or hint of dlkit.checks may be written from it
(README.md, "Round 15").
"""
import math

import numpy as np

from dlkit import linear_activation_forward, linear_forward, relu, sigmoid  # noqa: F401 (found by global name)

from .registry import IN_PLACE, INTEGER
from .registry15 import bug, correct

# demo cells left in the learner's namespace
z = np.array([[1.5, -2.0, 0.0], [-0.5, 3.0, -1.0]])           # "z = np.array(...); print(relu(z))"
params = {"W1": np.ones((3, 4)) * 0.1, "b1": np.zeros((3, 1)),   # "params = initialize_parameters([4, 3, 1])"
          "W2": np.ones((1, 3)) * 0.1, "b2": np.zeros((1, 1))}

# ---- initialize_parameters ------------------------------------------------------------------


@bug("initialize_parameters",
     "one zeros array made before the loop with n[1] rows is used as every layer's b: b[l] has n[1] rows for every l",
     [r"n\[1\] rows", r"(same|one|single|shared) (zeros? )?(array|b|bias)\w* (for|in|across) (every|all|each)",
      r"(every|all|each) (b|bias)\w* .{0,40}(same|first layer'?s?|n\[1\]) (shape|size|rows)",
      r"b\d? .{0,30}(rows|size) of (the )?first layer", r"bias\w* .{0,30}wrong (shape|number of rows|size)",
      r"b\[l\] .{0,30}(n\[1\]|wrong)"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    L = len(layer_dims) - 1
    zeros = np.zeros((layer_dims[1], 1))
    for l in range(1, L + 1):
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = zeros
    return parameters


@bug("initialize_parameters",
     "b drawn as rng.randn(n[l], 1) * 0: b is zero, but the draw uses up random numbers, so every later W differs",
     [r"(extra|additional|unneeded|wasted) (random )?(draws?|numbers?|calls?)", r"(us\w*|consum\w*|advanc\w*) (up )?(the )?(random )?(numbers|stream|generator)",
      r"stream .{0,30}(shift|advanc|out of step|differ)", r"(b|bias)\w* .{0,30}(drawn|random|randn)",
      r"randn.{0,30}\* ?0", r"(generator|rng) .{0,30}(called|used) (for|by) (b|the bias)"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        W = rng.randn(n, n_prev) / np.sqrt(n_prev)
        b = rng.randn(n, 1) * 0          # same shape as the other one, but zero
        parameters["W" + str(l)] = W
        parameters["b" + str(l)] = b
    return parameters


@bug("initialize_parameters",
     "Glorot's scale sqrt(2 / (n[l-1] + n[l])) instead of the notebook's 1 / sqrt(n[l-1])",
     [r"glorot", r"xavier", r"n\[l-1\] ?\+ ?n\[l\]", r"n\[l\] ?\+ ?n\[l-1\]", r"(fan[ -]?in|fan[ -]?out).{0,30}(fan|both|sum)",
      r"(scale|factor)\w* .{0,40}(wrong|differ|not 1 ?/ ?sqrt)", r"(too (large|big|small)|wrong size) .{0,20}(scale|weights|W)"],
     contract="initialisation scale")
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        scale = np.sqrt(2.0 / (layer_dims[l - 1] + layer_dims[l]))
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) * scale
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters",
     "W divided by sqrt(n[l]) (the layer's own size, layer_dims[l]) instead of sqrt(n[l-1])",
     [r"sqrt\(n\[l\]\)", r"layer_dims\[l\]\)", r"(own|this|the layer'?s?|output) (size|width).{0,40}(instead|not|rather)",
      r"n\[l\] instead of n\[l-1\]", r"(wrong|other) (layer|dimension|size) (in|for|under) the (square )?root",
      r"(divided|scaled) by (the )?(wrong|number of (units|outputs))", r"(fan[ -]?out|outputs) instead of (fan[ -]?in|inputs)"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        temp = rng.randn(layer_dims[l], layer_dims[l - 1])
        temp = temp / np.sqrt(layer_dims[l])
        parameters["W" + str(l)] = temp
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@correct("initialize_parameters", "one flat randn(n * n_prev) per layer reshaped to (n, n_prev) (C order: the same draws)")
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        flat = rng.randn(n * n_prev)
        parameters["W" + str(l)] = flat.reshape(n, n_prev) * (1 / math.sqrt(n_prev))
        parameters["b" + str(l)] = np.zeros(n)[:, np.newaxis]
    return parameters


@correct("initialize_parameters", "parameters.update({...}) per layer, with n_prev ** 0.5 and np.zeros((n, 1))")
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    L = len(layer_dims) - 1
    layer = 1
    while layer <= L:
        n_prev = layer_dims[layer - 1]
        out = rng.randn(layer_dims[layer], n_prev) / n_prev ** 0.5
        parameters.update({"W%d" % layer: out, "b%d" % layer: np.zeros((layer_dims[layer], 1))})
        layer += 1
    return parameters


# ---- linear_forward -------------------------------------------------------------------------


@bug("linear_forward",
     "the linear cache keeps temp = W A_prev (the product just computed) in place of A_prev",
     [r"cache\w* .{0,40}(product|W ?@ ?A_prev|W ?A_prev|W\.?dot|np\.dot\(W)", r"(product|temp|W ?A_prev) .{0,30}(instead of|in place of|not) A_prev",
      r"A_prev (is )?(not|never|missing) .{0,30}(cache|kept|stored)", r"cache\w* .{0,30}(wrong|not the) (input|A_prev|first item)",
      r"first item of (the )?(linear )?cache"])
def linear_forward(A_prev, W, b):
    temp = np.dot(W, A_prev)
    Z = temp + b
    linear_cache = (temp, W, b)
    return Z, linear_cache


@bug("linear_forward",
     "returned (linear_cache, Z): the two results in the wrong order",
     [r"(wrong|swapped|reversed|other) order", r"order of (the )?(returned|results|outputs|return)",
      r"(results|outputs|items|Z and (the )?(linear_)?cache) .{0,20}swapped", r"return\w* .{0,30}(cache|linear_cache) (first|before)", r"\(linear_cache, Z\)", r"(Z|cache) (comes|should come) (first|second)"])
def linear_forward(A_prev, W, b):
    out = W @ A_prev + b
    cache = (A_prev, W, b)
    return cache, out


@bug("linear_forward",
     "Z preallocated with np.empty_like(A_prev): shape (n[l-1], m) instead of (n[l], m), and A_prev's dtype",
     [r"empty_like\(A_prev\)", r"(shape|size|dtype) of A_prev", r"A_prev'?s (shape|dtype|size)", r"prealloc\w*",
      r"(Z|output|result) .{0,30}(n\[l-1\] rows|rows of A_prev)", r"n\[l-1\] (rows )?instead of n\[l\]"])
def linear_forward(A_prev, W, b):
    Z = np.empty_like(A_prev)
    Z[:] = np.dot(W, A_prev) + b
    return Z, (A_prev, W, b)


@bug("linear_forward",
     "the loop over the examples starts at 1 (range(1, m)): the first column of Z is left at 0",
     [r"(first|column 0|0th) (column|example)\w* .{0,40}(0|zero|missing|skipped|not (computed|filled))",
      r"range\(1, ?m\)", r"skip\w* (the )?first (column|example)", r"off by one", r"(loop|range) (starts?|begins?) at 1",
      r"column 0"])
def linear_forward(A_prev, W, b):
    m = A_prev.shape[1]
    res = np.zeros((W.shape[0], m))
    for j in range(1, m):
        res[:, j:j + 1] = np.dot(W, A_prev[:, j:j + 1]) + b
    return res, (A_prev, W, b)


@correct("linear_forward", "a loop over the units, W[i] @ A_prev + b[i, 0] row by row, in A_prev's dtype")
def linear_forward(A_prev, W, b):
    n = W.shape[0]
    res = np.zeros((n, A_prev.shape[1]), dtype=np.result_type(A_prev, W, b))
    for i in range(n):
        res[i, :] = W[i, :] @ A_prev + b[i, 0]
    return res, (A_prev, W, b)


@correct("linear_forward", "W.dot(A_prev) + np.repeat(b, m, axis=1)")
def linear_forward(A_prev, W, b):
    m = A_prev.shape[1]
    bb = np.repeat(b, m, axis=1)
    Z = W.dot(A_prev) + bb
    return Z, (A_prev, W, b)


# ---- sigmoid --------------------------------------------------------------------------------


@bug("sigmoid",
     "e^(-Z) written as np.e * -Z (e times -Z) instead of np.exp(-Z)",
     [r"np\.e ?\* ?-?Z", r"e times", r"(multipl\w*|product) .{0,20}(by|with) (np\.)?e\b", r"instead of (np\.)?exp",
      r"not (an |the )?exponential", r"(exp|exponential) (is )?(missing|never (taken|computed)|not (taken|computed|used))",
      r"linear in Z"])
def sigmoid(Z):
    denominator = 1 + np.e * -Z
    return 1 / denominator


@bug("sigmoid",
     "t = Z is an alias: t *= -1, np.exp(t, out=t), t += 1 change the caller's Z in place (the values returned are right)",
     IN_PLACE + [r"alias", r"(changed|modified|overwrote|overwritten) Z", r"Z (was|is) (changed|modified|overwritten)"],
     contract="in place")
def sigmoid(Z):
    t = Z
    t *= -1
    np.exp(t, out=t)
    t += 1
    return 1 / t


@bug("sigmoid",
     "0.5 + tanh(Z / 2): the tanh identity without its factor 1/2 on the tanh (sigmoid = 0.5 + 0.5 tanh(Z / 2))",
     [r"0\.5 ?\* ?(np\.)?tanh", r"(half|1/2|factor) .{0,30}tanh", r"tanh\w* .{0,40}(factor|half|1/2|0\.5|not (halved|scaled))",
      r"(range|values?) .{0,30}(-0\.5|1\.5|outside|above 1|below 0)", r"(not|outside) (in |within )?\(?0, ?1\)?",
      r"(greater|larger) than 1", r"(less|smaller) than 0|negative (values|probabilit)"])
def sigmoid(Z):
    A = 0.5 + np.tanh(Z / 2)
    return A


@bug("sigmoid",
     "np.squeeze on the result: a (1, m) or (n, 1) activation loses its second dimension (A[L] becomes 1-D)",
     [r"squeez", r"1-?D", r"(lost|loses|drop\w*|remov\w*) (its |a |the )?(second |row |column )?(dimension|axis)",
      r"(dimension|axis) .{0,20}(lost|dropped|removed)", r"(flattened|one-dimensional)", r"shape \(\d+,\)"])
def sigmoid(Z):
    out = 1 / (1 + np.exp(-Z))
    return np.squeeze(out)


@correct("sigmoid", "a 'stable' np.where with e = exp(-|Z|): 1 / (1 + e) for Z >= 0, 1 / (1 + 1 / e) below")
def sigmoid(Z):
    e = np.exp(-np.abs(Z))
    with np.errstate(divide="ignore"):
        A = np.where(Z >= 0, 1 / (1 + e), 1 / (1 + 1 / e))
    return A


@correct("sigmoid", "np.reciprocal(1.0 + np.exp(-Z)) under np.errstate(over='ignore')")
def sigmoid(Z):
    with np.errstate(over="ignore"):
        res = np.reciprocal(1.0 + np.exp(-Z))
    return res


# ---- relu -----------------------------------------------------------------------------------


@bug("relu",
     "the body reads the demo cell's global z (lower case) instead of the argument Z",
     [r"global", r"(not|never) (uses?|used|reads?) (its |the )?(argument|parameter|input|given)",
      r"(ignor\w*|same (output|result)).{0,30}(argument|input|Z)", r"(different|other|wrong) (array|input|Z)",
      r"(whatever|regardless of|independent of) (the )?(input|Z)", r"lower-?case z"])
def relu(Z):
    A = np.maximum(0, z)
    return A


@bug("relu",
     "the values collected with np.nditer are reshaped to Z.shape[::-1]: (m, n) instead of (n, m), entries out of place",
     [r"shape\[::-1\]", r"(reshap\w*|shape) .{0,30}(revers|swap|transpos|wrong|\(m, ?n)", r"transpos\w*",
      r"(rows and columns|dimensions) (swapped|reversed)", r"(entries|values) (in the wrong|out of) (place|order|position)"])
def relu(Z):
    vals = [max(0.0, float(x)) for x in np.nditer(Z)]
    out = np.array(vals).reshape(Z.shape[::-1])
    return out


@bug("relu",
     "the output preallocated with np.zeros_like(Z, dtype=int): the positive entries are truncated to integers",
     INTEGER + [r"\bint\b", r"dtype", r"decimals? .{0,20}(lost|dropped|cut)", r"(fraction|fractional) part", r"whole numbers"])
def relu(Z):
    out = np.zeros_like(Z, dtype=int)
    mask = Z > 0
    out[mask] = Z[mask]
    return out


@correct("relu", "a copy walked with np.ndindex, negative entries set to 0")
def relu(Z):
    out = Z.copy()
    for idx in np.ndindex(out.shape):
        if out[idx] < 0:
            out[idx] = 0
    return out


@correct("relu", "0.5 * (Z + np.abs(Z))")
def relu(Z):
    return 0.5 * (Z + np.abs(Z))


# ---- linear_activation_forward --------------------------------------------------------------


@bug("linear_activation_forward",
     "the dispatch dict holds only relu and falls back to relu with .get: the sigmoid layer gets ReLU",
     [r"relu (for|on|in|instead of) (the )?sigmoid", r"sigmoid .{0,30}(gets|got|given|ran|runs|computed as|uses) (a )?relu",
      r"(wrong|other) activation", r"\.get\(", r"fall(s|ing)? ?back", r"default(s)? (to )?relu", r"(sigmoid|activation) (is )?(ignored|never (applied|used|called))",
      r"(missing|no) sigmoid"])
def linear_activation_forward(A_prev, W, b, activation):
    funcs = {"relu": relu}
    g = funcs.get(activation, relu)
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = g(Z)
    return A, (linear_cache, Z)


@bug("linear_activation_forward",
     "A = Z is an alias, so A[A < 0] = 0 also zeroes the negative entries of the cached Z",
     [r"alias", r"(cached|stored|cache'?s?) Z .{0,40}(changed|modified|overwr|zero|relu|activation|A\b)",
      r"Z (in the cache )?(was|is|got) (changed|modified|overwritten|zeroed)", r"same array", r"in place",
      r"cache .{0,30}(holds|keeps|has) (A|relu\(Z\)|the activation)"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "relu":
        A = Z
        A[A < 0] = 0
    else:
        A = sigmoid(Z)
    cache = (linear_cache, Z)
    return A, cache


@bug("linear_activation_forward",
     "the cache takes Z before b is added (W A_prev); Z = Z + b afterwards makes a new array the cache never sees",
     [r"(cach\w*|stored) Z .{0,40}(without|before|missing|lacks?) (the )?(b|bias)", r"(b|bias) (is )?(missing|not (added|included)) .{0,30}cache",
      r"Z (in the cache )?(without|before) (the )?(b|bias)", r"cache .{0,30}(W ?A_prev|W ?@ ?A_prev|product)",
      r"(before|without) (adding )?(the )?(b|bias)"])
def linear_activation_forward(A_prev, W, b, activation):
    Z = np.dot(W, A_prev)
    cache = ((A_prev, W, b), Z)
    Z = Z + b
    if activation == "sigmoid":
        A = sigmoid(Z)
    elif activation == "relu":
        A = relu(Z)
    return A, cache


@bug("linear_activation_forward",
     "a leftover test line activation = 'relu' at the top overrides the argument: every layer is ReLU",
     [r"(overrid\w*|reassign\w*|hard-?cod\w*) .{0,20}activation", r"activation .{0,30}(overrid|overwrit|reassign|hard-?cod)", r"(argument|parameter) (activation )?(is )?(ignored|never used|not used)",
      r"(ignor\w*|never (reads|uses)) (the )?activation", r"relu (for|on|in|instead of) (the )?sigmoid",
      r"(always|every layer\w*) .{0,20}relu", r"sigmoid (is )?(never|not) (applied|used)"])
def linear_activation_forward(A_prev, W, b, activation):
    activation = "relu"
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A = sigmoid(Z)
    else:
        A = relu(Z)
    return A, (linear_cache, Z)


@correct("linear_activation_forward", "linear_forward then an inline conditional expression of np.maximum / 1 / (1 + exp(-Z))")
def linear_activation_forward(A_prev, W, b, activation):
    Z, lin = linear_forward(A_prev, W, b)
    with np.errstate(over="ignore"):
        A = np.maximum(Z, 0) if activation == "relu" else 1 / (1 + np.exp(-Z))
    return A, (lin, Z)


@correct("linear_activation_forward", "an up-front check of the name, then if / elif with a tuple cache")
def linear_activation_forward(A_prev, W, b, activation):
    if activation not in ("relu", "sigmoid"):
        raise ValueError("unknown activation " + str(activation))
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A = sigmoid(Z)
    elif activation == "relu":
        A = relu(Z)
    cache = tuple([linear_cache, Z])
    return A, cache


# ---- model_forward --------------------------------------------------------------------------


@bug("model_forward",
     "caches = [None] * (L + 1) filled at caches[l] for l = 1..L: the list has L + 1 items, a None first",
     [r"None (first|at (index )?0|as (the )?first)", r"caches\[0\] (is )?None", r"L ?\+ ?1 (items|caches|entries|elements)", r"(extra|leading|additional|one too many) (item|cache|entry|element)",
      r"caches\[0\]", r"(one|1) (item|cache|entry) too many", r"(index|indices) .{0,30}(from 1|shifted|off by one)", r"off by one"])
def model_forward(X, parameters):
    L = len(parameters) // 2
    caches = [None] * (L + 1)
    A = X
    for l in range(1, L):
        A, caches[l] = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
    AL, caches[L] = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    return AL, caches


@bug("model_forward",
     "the activation list is built as ['sigmoid'] + ['relu'] * (L - 1): sigmoid on layer 1 and ReLU on the output layer",
     [r"sigmoid (on|for|in|at) (the )?(first|layer 1|hidden)", r"relu (on|for|in|at) (the )?(output|last|layer L)",
      r"(activations?|order) .{0,30}(reversed|swapped|wrong order|backwards)", r"(wrong|swapped) activations?",
      r"(first|layer 1) .{0,30}sigmoid", r"(output|last) layer .{0,30}(relu|not (a )?sigmoid)"])
def model_forward(X, parameters):
    L = len(parameters) // 2
    acts = ["sigmoid"] + ["relu"] * (L - 1)
    caches = []
    out = X
    for l in range(L):
        out, cache = linear_activation_forward(out, parameters["W" + str(l + 1)], parameters["b" + str(l + 1)], acts[l])
        caches.append(cache)
    return out, caches


@bug("model_forward",
     "the output layer's cache is never appended: caches holds L - 1 items",
     [r"L ?- ?1 (items|caches|entries)", r"(output|last|final) (layer'?s? )?cache .{0,30}(missing|not (appended|added|kept|stored)|never)",
      r"(missing|forgot|without) (the )?(output|last|final) (layer'?s? )?cache", r"(one|1) (cache|item) (too few|short|missing)",
      r"(too few|fewer) caches"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    return AL, caches


@bug("model_forward",
     "L counted from the demo cell's global params (2 layers) instead of the argument parameters",
     [r"global", r"params\b", r"(number of layers|L) .{0,40}(wrong|other|different|demo|not from)",
      r"(not|never) (uses?|reads?) (the )?(argument|parameter)", r"(only|just) (the first )?(two|2) layers",
      r"(stops?|stopped) (after|at) layer 2", r"(missing|skipped) layers?"])
def model_forward(X, parameters):
    L = len(params) // 2
    caches = []
    A = X
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W%s" % l], parameters["b%s" % l], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W%s" % L], parameters["b%s" % L], "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_forward",
     "W and b read from list(parameters.values()) at [l] and [l + 1] (step 1 instead of 2): layer 2 takes b1 as its W",
     [r"values\(\)", r"(index|step|stride) .{0,30}(2|two|wrong|1 instead)", r"b\d? (used |taken )?(as|for) (the |its )?W",
      r"(wrong|mixed|shifted) (W|parameters|weights|keys)", r"every other", r"\[2 ?\* ?l\]"])
def model_forward(X, parameters):
    vals = list(parameters.values())
    L = len(vals) // 2
    caches = []
    A = X
    for l in range(L):
        W, b = vals[l], vals[l + 1]
        act = "sigmoid" if l == L - 1 else "relu"
        A, cache = linear_activation_forward(A, W, b, act)
        caches.append(cache)
    return A, caches


@bug("model_forward",
     "returned (caches, AL): the two results in the wrong order",
     [r"(wrong|swapped|reversed|other) order", r"order of (the )?(returned|results|outputs|return)",
      r"(results|outputs|items|AL and (the )?caches) .{0,20}swapped", r"\(caches, AL\)", r"caches (first|before)", r"(AL|caches) (comes|should come) (first|second)"])
def model_forward(X, parameters):
    L = len(parameters) // 2
    caches = []
    A = X
    for l in range(1, L + 1):
        act = "relu" if l < L else "sigmoid"
        A, c = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], act)
        caches.append(c)
    return caches, A


@correct("model_forward", "one loop over 1..L choosing the activation with l == L, keys by f-string")
def model_forward(X, parameters):
    L = len(parameters) // 2
    caches = []
    A = X
    for l in range(1, L + 1):
        if l == L:
            activation = "sigmoid"
        else:
            activation = "relu"
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], activation)
        caches.append(cache)
    return A, caches


@correct("model_forward", "L counted from the keys starting with W, Coursera's A_prev = A loop")
def model_forward(X, parameters):
    L = len([k for k in parameters if k.startswith("W")])
    caches = []
    A = X
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters["W" + str(l)], parameters["b" + str(l)], activation="relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], activation="sigmoid")
    caches.append(cache)
    return AL, caches


# ---- compute_cost ---------------------------------------------------------------------------


@bug("compute_cost",
     "np.sum(..., axis=0) then np.squeeze: one loss per example divided by m (an array of m numbers), not their total",
     [r"axis ?= ?0", r"(per|each) example", r"(an )?array (of|with) (m|\d+) (numbers|values|entries)",
      r"(not|never) (summed|added) (over|across) (the )?examples", r"(one|a) (number|value) per example",
      r"(not|instead of) (a single|one) number", r"wrong axis"])
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    losses = Y * np.log(AL) + (1 - Y) * np.log(1 - AL)
    cost = -np.sum(losses, axis=0) / m
    return np.squeeze(cost)


@bug("compute_cost",
     "np.where(Y == 1, log(AL), log(1 - AL)) with no clip: the cost is inf when a prediction is exactly 0 or 1 on the wrong label",
     [r"clip", r"(not|never|isn'?t) (clipped|clamped)", r"log\(0\)", r"\binf(inite)?\b", r"(not|isn'?t|never|no longer) finite", r"finite (even )?(when|at|for)", r"saturat\w*",
      r"eps(ilon)?\b"],
     contract="clipping")
def compute_cost(AL, Y):
    m = Y.shape[1]
    with np.errstate(divide="ignore"):
        picked = np.where(Y == 1, np.log(AL), np.log(1 - AL))
    cost = -np.sum(picked) / m
    return float(cost)


@bug("compute_cost",
     "the second term written (1 - AL) * log(1 - Y): AL and Y swapped in it",
     [r"(AL|Y|A\[L\]) and (Y|AL|A\[L\]) (are )?(swapped|exchanged|mixed up)", r"log\(1 ?- ?Y\)", r"(swapped|mixed up) .{0,30}(second|other) term",
      r"second term .{0,40}(wrong|swapped)", r"log of (the )?(labels|Y)", r"\(1 ?- ?AL\) ?\* ?(np\.)?log"])
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    with np.errstate(divide="ignore", invalid="ignore"):
        total = np.sum(Y * np.log(AL) + (1 - AL) * np.log(1 - Y))
    return float(-total / m)


@bug("compute_cost",
     "the loop over the examples runs over range(AL.shape[0]) (= 1): only the first example's loss, divided by m",
     [r"shape\[0\]", r"(only|just) (the )?first example", r"(one|1|single) example", r"(other|remaining|rest of the) examples .{0,30}(ignored|missing|skipped|left out)",
      r"(loop|range) .{0,40}(rows|wrong|bound|1 iteration)", r"(not|never) (all|every) (the )?examples"])
def compute_cost(AL, Y):
    m = AL.shape[1]
    AL = np.clip(AL, 1e-15, 1 - 1e-15)
    total = 0.0
    for i in range(AL.shape[0]):
        total += Y[0, i] * np.log(AL[0, i]) + (1 - Y[0, i]) * np.log(1 - AL[0, i])
    return float(-total / m)


@correct("compute_cost", "clip to eps, -np.mean of Y log(AL) + (1 - Y) log1p(-AL), as a float")
def compute_cost(AL, Y):
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    cost = -np.mean(Y * np.log(AL) + (1 - Y) * np.log1p(-AL))
    return float(cost)


@correct("compute_cost", "a loop over the m examples with math.log on scalars clipped to the notebook's eps")
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    res = 0.0
    for i in range(m):
        a = min(max(float(AL[0, i]), eps), 1 - eps)
        y = float(Y[0, i])
        res += y * math.log(a) + (1 - y) * math.log(1 - a)
    return -res / m
