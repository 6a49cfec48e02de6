"""Held-out learner code, round 5: initialisation, the forward blocks and the cost.

Written on 2026-12-02 by a helper (branch ``heldout5``) that did not read
dlkit/checks (the engine), docs/relations.md or docs/grading.md, only the
notebooks, DESIGN.md and dlkit's reference blocks. The mistakes are the ones
learners of the "step by step" assignment commonly make, each written so that
it is not literally an entry of tests/checks/catalog_*.py or of the earlier
rounds. No mutant, relation or hint of dlkit.checks may be written from it
(README.md, "Round 5").
"""
import numpy as np

from dlkit import linear_activation_forward, linear_forward, relu, sigmoid  # noqa: F401 (found by global name)

from .registry5 import bug, correct

# ---- initialize_parameters ------------------------------------------------------------------


@bug("initialize_parameters", "He scaling, randn * sqrt(2 / n[l-1]), instead of the notebook's randn / sqrt(n[l-1])",
     [r"\bhe\b", r"sqrt\(2", r"sqrt\(?2\)? times", r"(too large|too big) by", r"1\.41", r"scal(e|ing|ed)"],
     contract="initialisation scale")
def initialize_parameters(layer_dims, seed=1):
    np.random.seed(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * np.sqrt(2 / layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@correct("initialize_parameters", "the legacy global stream, np.random.seed then randn / np.sqrt, W before b per layer")
def initialize_parameters(layer_dims, seed=1):
    np.random.seed(seed)
    parameters = {}
    L = len(layer_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))
        assert parameters['W' + str(l)].shape == (layer_dims[l], layer_dims[l - 1])
    return parameters


# ---- linear_forward -------------------------------------------------------------------------


@bug("linear_forward", "the cache is stored as (W, A_prev, b): W and A_prev swapped in the tuple",
     [r"cache", r"(order|swapped|wrong place)", r"\(A_prev, W, b\)"])
def linear_forward(A_prev, W, b):
    Z = np.dot(W, A_prev) + b
    cache = (W, A_prev, b)
    return Z, cache


@bug("linear_forward", "returns (cache, Z): the two results in the wrong order",
     [r"(wrong|other) order", r"swapped", r"(first|second) (item|value|result)", r"return(s|ed)? .{0,30}(tuple|cache) first", r"Z (first|then)"])
def linear_forward(A_prev, W, b):
    Z = np.dot(W, A_prev) + b
    return (A_prev, W, b), Z


@correct("linear_forward", "np.matmul plus b broadcast over the columns, the cache built inline")
def linear_forward(A_prev, W, b):
    return np.matmul(W, A_prev) + b, (A_prev, W, b)


# ---- sigmoid --------------------------------------------------------------------------------


@bug("sigmoid", "exp(-Z) / (1 + exp(-Z)): that is sigmoid(-Z) = 1 - sigmoid(Z)",
     [r"sigmoid\(-Z\)", r"1 ?- ?sigmoid", r"(sign|minus)", r"mirror", r"(flipped|reversed|upside)"])
def sigmoid(Z):
    return np.exp(-Z) / (1 + np.exp(-Z))


@correct("sigmoid", "the tanh identity 0.5 * (1 + tanh(Z / 2)), stable for large |Z|")
def sigmoid(Z):
    return 0.5 * (1.0 + np.tanh(0.5 * Z))


# ---- relu -----------------------------------------------------------------------------------


@correct("relu", "(Z + |Z|) / 2")
def relu(Z):
    return (Z + np.abs(Z)) / 2


# ---- linear_activation_forward --------------------------------------------------------------


@bug("linear_activation_forward", "the two branches are swapped: 'sigmoid' applies relu and 'relu' applies sigmoid",
     [r"swapped", r"(wrong|other) activation", r"relu (where|instead|when)", r"sigmoid (where|instead|when)", r"activation.{0,30}(mix|swap|exchang)"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A = relu(Z)
    else:
        A = sigmoid(Z)
    return A, (linear_cache, Z)


@correct("linear_activation_forward", "the function picked by a conditional expression, then applied")
def linear_activation_forward(A_prev, W, b, activation):
    g = sigmoid if activation == "sigmoid" else relu
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = g(Z)
    return A, (linear_cache, Z)


# ---- model_forward --------------------------------------------------------------------------


@bug("model_forward", "every layer, the last one too, runs relu in the loop, and sigmoid is then applied on top of A[L]",
     [r"relu.{0,40}(last|output|final) layer", r"(twice|two activations|both)", r"sigmoid of (a |the )?relu", r"(last|output) layer.{0,40}relu",
      r"(after|on top of)"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL = sigmoid(A)
    return AL, caches


@bug("model_forward", "the hidden loop runs range(1, L - 1): hidden layer L-1 is skipped and A[L-2] goes into W[L]",
     [r"skip", r"(one|a) (hidden )?layer (is )?missing", r"range\(1, ?L ?- ?1\)", r"L ?- ?2", r"one (too )?few", r"should hold \d+ items"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L - 1):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@correct("model_forward", "the (W, b) pairs enumerated, the activation picked by comparing l with L")
def model_forward(X, parameters):
    L = len(parameters) // 2
    pairs = [(parameters[f"W{l}"], parameters[f"b{l}"]) for l in range(1, L + 1)]
    A, caches = X, []
    for l, (W, b) in enumerate(pairs, start=1):
        A, cache = linear_activation_forward(A, W, b, "sigmoid" if l == L else "relu")
        caches.append(cache)
    return A, caches


@correct("model_forward", "the Coursera shape: A_prev = A in the loop, the output layer after it")
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters['W' + str(l)], parameters['b' + str(l)], activation="relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters['W' + str(L)], parameters['b' + str(L)], activation="sigmoid")
    caches.append(cache)
    return AL, caches


# ---- compute_cost ---------------------------------------------------------------------------


@bug("compute_cost", "the leading minus sign is dropped (np.dot form): the cost comes out negative",
     [r"minus", r"\bsign\b", r"negative", r"negat"])
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = (1. / m) * (np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T))
    cost = np.squeeze(cost)
    return float(cost)


@bug("compute_cost", "only the y log a term: the (1 - y) log(1 - a) term for the label-0 examples is missing",
     [r"(label|y) ?=? ?0", r"second term", r"(one|a) term", r"negative (examples|class)", r"missing term"])
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = -np.sum(Y * np.log(AL)) / m
    return float(cost)


@correct("compute_cost", "the two dot products squeezed, as the Coursera template writes it")
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    cost = -(1 / m) * (np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T))
    cost = np.squeeze(cost)
    return float(cost)


@correct("compute_cost", "np.mean of the per-example loss, AL clipped with np.maximum / np.minimum")
def compute_cost(AL, Y):
    eps = np.finfo(float).eps
    AL = np.minimum(np.maximum(AL, eps), 1 - eps)
    loss = -(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return float(np.mean(loss))


# ---- more forward bugs (grouped by exercise) ------------------------------------------------


@bug("initialize_parameters", "W[l] = np.zeros((n[l], n[l-1])): all weights start at zero, so the units of a layer stay identical",
     [r"symmetr", r"(all|every) (the )?(weights?|entr\w+) (are |is )?(zero|0)\b", r"zeros? (weights|for W)", r"identical"])
def initialize_parameters(layer_dims, seed=1):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.zeros((layer_dims[l], layer_dims[l - 1]))
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "b[l] = np.zeros(n[l]): a 1-D vector instead of the (n[l], 1) column",
     [r"1-D", r"column", r"second dimension", r"(flat|vector)", r"\bb\d?\b.{0,40}shape"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros(layer_dims[l])
    return parameters


@bug("linear_forward", "Z = W A_prev - b: the bias is subtracted instead of added",
     [r"\bsign\b", r"subtract", r"minus", r"(plus|added|add) b", r"\bb\b.{0,30}(negat|subtract|wrong sign)", r"-b\b"])
def linear_forward(A_prev, W, b):
    Z = np.dot(W, A_prev) - b
    cache = (A_prev, W, b)
    return Z, cache


@bug("sigmoid", "a 'stable' sigmoid 1 / (1 + exp(-|Z|)) for every entry: the negative Z get sigmoid(|Z|) > 0.5",
     [r"\babs\b", r"\|Z\|", r"absolute", r"negative (Z|entries|values|inputs)", r"(symmetric|mirror)", r"(above|over|more than) 0\.5"])
def sigmoid(Z):
    return 1 / (1 + np.exp(-np.abs(Z)))


@bug("relu", "np.abs(Z): the negative entries are turned positive instead of set to 0",
     [r"\babs\b", r"absolute", r"negative (entries|values|Z).{0,40}(positive|flipped|sign|kept|not zero|zeroed)", r"\|Z\|", r"(not|never) (set to |made )?(zero|0)"])
def relu(Z):
    return np.abs(Z)


@bug("relu", "np.where(Z < 0, Z, 0): the branches are the wrong way round, the negative entries are kept and the positive ones zeroed",
     [r"(wrong way|reversed|inverted|swapped|the other way)", r"(keeps?|kept) the negative", r"min\(0", r"minimum", r"positive (entries|values).{0,30}(zero|0\b)", r"negative (entries|values) .{0,30}(kept|stay)"])
def relu(Z):
    return np.where(Z < 0, Z, 0)


@bug("linear_activation_forward", "if 'sigmoid': A = sigmoid(Z), then A = relu(Z) unconditionally (no else): every layer ends up relu",
     [r"(always|every (call|layer)).{0,30}relu", r"else", r"overwrit", r"relu (where|instead)", r"(never|not) (the )?sigmoid", r"sigmoid (is )?(lost|ignored)"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A = sigmoid(Z)
    A = relu(Z)
    cache = (linear_cache, Z)
    return A, cache


@bug("linear_activation_forward", "Z computed inline and the linear cache stored as (A_prev, W) without b",
     [r"\bb\b.{0,30}(missing|dropped|left out|not (kept|stored))", r"(2|two) items", r"3 items", r"three", r"linear_cache (must|should) (be|hold)", r"\(A_prev, W, b\)"])
def linear_activation_forward(A_prev, W, b, activation):
    Z = np.dot(W, A_prev) + b
    A = relu(Z) if activation == "relu" else sigmoid(Z)
    return A, ((A_prev, W), Z)


@bug("model_forward", "the output layer is called with parameters['W' + str(l)] (the loop's last l = L-1) instead of W[L], b[L]",
     [r"loop variable", r"\bl\b.{0,30}(instead of|not) L\b", r"W\[L-1\]", r"(last hidden|previous) layer'?s (W|weights|parameters)", r"wrong (layer'?s )?(W|weights|parameters)"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_forward", "the loop runs for l in range(L) with keys 'W' + str(l): it asks for W0, which does not exist (layers are numbered from 1)",
     [r"\bW0\b", r"numbered from 1", r"start(s|ing)? at 1", r"off by one", r"range\(1", r"(no|there is no) (layer 0|W0)", r"KeyError"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(L - 1):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("compute_cost", "np.dot(1 - Y, np.log(1 - AL)) without the .T on the second term: (1, m) times (1, m) does not align",
     [r"transpos", r"\.T\b", r"(second|other) (term|product|dot)", r"not aligned", r"align"])
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = -1 / m * np.sum(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL)))
    return float(cost)
