"""Held-out learner code, round 8: initialisation, the forward blocks and the cost.

Written on 2026-12-03 by a helper (branch ``heldout8``) that did not read
dlkit/checks (the engine), docs/relations.md, docs/grading.md, the earlier
rounds' baselines or any report the checks print; only the instructor
notebooks, DESIGN.md and dlkit's reference blocks. The mistakes are the
helper's own, in code shapes no earlier round used; common ones first in each
exercise, then rarer ones. No mutant, relation or hint of dlkit.checks may be
written from it (README.md, "Round 8").
"""
import functools

import numpy as np

from dlkit import linear_activation_forward, linear_forward, relu, sigmoid  # noqa: F401 (found by global name)

from .registry8 import bug, correct

# Left over from a demo cell of notebook 2 (a learner's kernel keeps every global it ever set).
Z = np.array([[0.5, -1.0, 2.0]])

# ---- initialize_parameters ------------------------------------------------------------------


@bug("initialize_parameters", "a new generator RandomState(seed + l) for every layer: each W[l] comes from its own seed instead of one stream drawn in layer order",
     [r"(one|single|same) (generator|stream)", r"(each|every) layer.{0,40}(own|new|different|separate) (seed|generator|stream)", r"seed \+ l", r"re-?seed", r"generator", r"stream"])
def initialize_parameters(layer_dims, seed=1):
    parameters = {}
    L = len(layer_dims) - 1
    for l in range(1, L + 1):
        rng = np.random.RandomState(seed + l)
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "the return is indented into the loop: the function returns after layer 1, so W2..WL and b2..bL are missing",
     [r"indent", r"(inside|in) the loop", r"(after|only) (the first|layer 1|one) layer", r"(only|just) (W1|layer 1|the first layer)", r"(returns?|stops?) (too )?early", r"(W2|later layers?|other layers?).{0,30}missing"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    L = len(layer_dims) - 1
    for l in range(1, L + 1):
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
        return parameters


@bug("initialize_parameters", "b[l] = np.zeros_like(W): the bias gets W[l]'s shape (n[l], n[l-1]) instead of one column (n[l], 1)",
     [r"zeros_like", r"(shape|size) of W", r"like W", r"(one|a single) column", r"one (bias|entry) per unit", r"(n\[l-1\]|number of inputs) columns"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        W = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["W" + str(l)] = W
        parameters["b" + str(l)] = np.zeros_like(W)
    return parameters


@bug("initialize_parameters", "the scale is / np.sqrt(n[l-1] + 1), counting the bias as one more input: every W[l] a little too small",
     [r"(one|an) (extra|more) input", r"bias (as|counted)", r"(wrong|too small|smaller|off) scale", r"scale (is |was )?(wrong|too small|smaller|off)", r"too small", r"n\[l-1\] ?\+ ?1"])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        fan_in = layer_dims[l - 1] + 1   # inputs plus the bias
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(fan_in)
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@correct("initialize_parameters", "randn(n[l-1], n[l]).reshape(n[l], n[l-1]): a reshape keeps the order of the draws, so these are exactly randn(n[l], n[l-1])")
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        parameters["W" + str(l)] = rng.randn(n_prev, n).reshape(n, n_prev) / np.sqrt(n_prev)
        parameters["b" + str(l)] = np.zeros((n, 1))
    return parameters


@correct("initialize_parameters", "a dict comprehension of (key, array) pairs over enumerate(zip(sizes[:-1], sizes[1:]), 1), W drawn before b in each layer")
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    pairs = enumerate(zip(layer_dims[:-1], layer_dims[1:]), 1)
    items = []
    for l, (n_prev, n) in pairs:
        items.append((f"W{l}", rng.randn(n, n_prev) / np.sqrt(n_prev)))
        items.append((f"b{l}", np.zeros((n, 1))))
    return {key: value for key, value in items}


# ---- linear_forward -------------------------------------------------------------------------


@bug("linear_forward", "A_prev is reused for W A_prev (A_prev = np.dot(W, A_prev); Z = A_prev + b): Z is right, but the cache keeps W A[l-1] where A[l-1] belongs",
     [r"cache.{0,60}(W ?A_prev|W ?A\[l-1\]|product|overwrit|reassign|rebound|reused)", r"(overwrit|reassign|rebound|reused).{0,40}A_prev", r"A_prev.{0,40}(overwrit|reassign|rebound|reused|replaced)", r"(instead of|not) (the )?(input|A_prev|A\[l-1\])", r"linear_cache\[0\]", r"first item of (the )?(linear )?cache"])
def linear_forward(A_prev, W, b):
    A_prev = np.dot(W, A_prev)
    Z = A_prev + b
    linear_cache = (A_prev, W, b)
    return Z, linear_cache


@bug("linear_forward", "Z = np.sum(W * A_prev.T, axis=1, keepdims=True) + b: the one-example formula, right only when m = 1 (other m: a wrong product or a shape error)",
     [r"(one|single|first) (example|column)", r"m ?= ?1", r"element-?wise", r"entry by entry", r"matrix product", r"np\.dot", r"broadcast"])
def linear_forward(A_prev, W, b):
    Z = np.sum(W * A_prev.T, axis=1, keepdims=True) + b
    linear_cache = (A_prev, W, b)
    return Z, linear_cache


@bug("linear_forward", "b repeated by hand with np.outer(b, np.ones(m)) where m = A_prev.shape[0] (n[l-1], not the number of examples): a shape error or a wrong Z",
     [r"shape\[0\]", r"number of (examples|columns)", r"n\[l-1\] (instead|where|rather)", r"np\.outer", r"(outer|repeat|copied|tile)", r"broadcast"])
def linear_forward(A_prev, W, b):
    m = A_prev.shape[0]
    Z = np.dot(W, A_prev) + np.outer(b, np.ones(m))
    linear_cache = (A_prev, W, b)
    return Z, linear_cache


@bug("linear_forward", "def linear_forward(W, A_prev, b): the parameters in the wrong order, so the call (A_prev, W, b) puts A_prev where W belongs",
     [r"(wrong|other) order", r"swapped", r"order of the (parameters|arguments)", r"(parameters|arguments) .{0,30}(order|swapped)", r"A_prev W\b", r"A\[l-1\] ?W\[l\]", r"signature"])
def linear_forward(W, A_prev, b):
    Z = np.dot(W, A_prev) + b
    linear_cache = (A_prev, W, b)
    return Z, linear_cache


@correct("linear_forward", "a sum of outer products, one per input feature, then + b")
def linear_forward(A_prev, W, b):
    Z = sum(np.outer(W[:, j], A_prev[j, :]) for j in range(W.shape[1])) + b
    linear_cache = (A_prev, W, b)
    return Z, linear_cache


@correct("linear_forward", "np.matmul into a preallocated array with out=, then b added in place on that new array")
def linear_forward(A_prev, W, b):
    Z = np.empty((W.shape[0], A_prev.shape[1]), dtype=np.result_type(W, A_prev, b))
    np.matmul(W, A_prev, out=Z)
    Z += b
    return Z, (A_prev, W, b)


# ---- sigmoid --------------------------------------------------------------------------------


@bug("sigmoid", "np.tanh(Z): the other S-shaped function, with values in (-1, 1) instead of the sigmoid's (0, 1)",
     [r"tanh", r"\(-1, ?1\)", r"negative (values|outputs|probabilit)", r"between -1 and 1", r"(wrong|other) (activation|function)"])
def sigmoid(Z):
    A = np.tanh(Z)
    return A


@bug("sigmoid", "the output is clipped to [1e-5, 1 - 1e-5] 'to avoid log(0) later': wrong wherever |Z| is larger than about 11.5",
     [r"clip", r"large \|?Z\|?", r"(saturat|extreme)", r"(never|not) (reaches?|exactly) (0|1)", r"1e-0?5", r"(capped|bounded|floor)"])
def sigmoid(Z):
    A = 1 / (1 + np.exp(-Z))
    A = np.clip(A, 1e-5, 1 - 1e-5)
    return A


@bug("sigmoid", "a 'stable' mask version that fills only the entries with Z >= 0: the entries with Z < 0 keep the 0 of np.zeros_like",
     [r"negative (Z|entries|values|inputs)", r"Z(\[l\])? ?< ?0", r"(left|stay|remain)s? (at )?(0|zero)", r"(missing|forgot\w*) (the )?(other|second|negative) (branch|case|half)", r"only (the )?(non-?negative|positive)"])
def sigmoid(Z):
    A = np.zeros_like(Z, dtype=float)
    positive = Z >= 0
    A[positive] = 1 / (1 + np.exp(-Z[positive]))
    return A


@bug("sigmoid", "the parameter is named z but the body uses the global Z of a demo cell: the same (1, 3) answer whatever is passed",
     [r"global", r"demo", r"(ignor|not use)\w* (its|the|your) (input|argument|parameter)", r"same (answer|output|result) (for|whatever)", r"(variable|name) (z|Z)\b.{0,30}(case|different)"])
def sigmoid(z):
    A = 1 / (1 + np.exp(-Z))
    return A


@correct("sigmoid", "stable with e = exp(-|Z|): np.where(Z >= 0, 1 / (1 + e), e / (1 + e)); e is at most 1, so nothing overflows")
def sigmoid(Z):
    e = np.exp(-np.abs(Z))
    A = np.where(Z >= 0, 1 / (1 + e), e / (1 + e))
    return A


@correct("sigmoid", "Z clipped to [-500, 500] before np.exp: sigmoid(-500) is 7e-218, which is 0 to any tolerance")
def sigmoid(Z):
    A = 1 / (1 + np.exp(-np.clip(Z, -500, 500)))
    return A


# ---- relu -----------------------------------------------------------------------------------


@bug("relu", "np.minimum(0, Z): min where max belongs, so the positive entries become 0 and the negative ones are kept",
     [r"np\.minimum", r"\bmin\b", r"minimum (instead|where|rather)", r"(negative|positive) (entries|values).{0,30}(kept|zero)", r"(wrong way|reversed|inverted|the other way)"])
def relu(Z):
    A = np.minimum(0, Z)
    return A


@bug("relu", "np.maximum(0, Z).reshape(-1, 1): the result is flattened into one column instead of keeping Z's shape",
     [r"reshape", r"(one|a single|flat\w*) column", r"shape (is )?(lost|changed)", r"flatten", r"\(n\[l\] ?\* ?m, ?1\)"])
def relu(Z):
    A = np.maximum(0, Z).reshape(-1, 1)
    return A


@bug("relu", "returns (A, Z), the Coursera version's (A, activation_cache) pair, instead of A alone",
     [r"tuple", r"\bpair\b", r"(two|2) (items|values|things|results)", r"coursera", r"(A|the activation) alone", r"activation_cache"])
def relu(Z):
    A = np.maximum(0, Z)
    activation_cache = Z
    return A, activation_cache


@correct("relu", "Python's max per entry, in a list comprehension over the flattened Z, reshaped back to Z's shape")
def relu(Z):
    Z = np.asarray(Z)
    A = np.array([max(0.0, z) for z in Z.ravel()], dtype=np.result_type(Z.dtype, np.float32))
    return A.reshape(Z.shape)


@correct("relu", "np.where on the sign bit: 0 where Z is negative, Z elsewhere (0 stays 0)")
def relu(Z):
    A = np.where(np.signbit(Z), 0.0, Z)
    return A


# ---- linear_activation_forward --------------------------------------------------------------


@bug("linear_activation_forward", "linear_cache, Z = linear_forward(...): the two results unpacked in the wrong order, so the activation gets the tuple (A_prev, W, b)",
     [r"unpack", r"(wrong|other) order", r"swapped", r"(Z|linear_cache).{0,30}(instead|where).{0,30}(Z|linear_cache)", r"in this order"])
def linear_activation_forward(A_prev, W, b, activation):
    linear_cache, Z = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A = sigmoid(Z)
    else:
        A = relu(Z)
    cache = (linear_cache, Z)
    return A, cache


@bug("linear_activation_forward", "A = activation(Z): the name 'relu' or 'sigmoid' (a string) is called as if it were the function (TypeError)",
     [r"string", r"not callable", r"(call|called|calling) (the|a|its) (name|string)", r"(name|string).{0,30}(not|isn'?t) (a|the) function", r"look (it )?up", r"dispatch"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = activation(Z)
    cache = (linear_cache, Z)
    return A, cache


@bug("linear_activation_forward", "A = relu(Z) for every layer, then the sigmoid branch does A = sigmoid(A): the output layer gets sigmoid(relu(Z)), 0.5 wherever Z < 0",
     [r"sigmoid\(relu", r"sigmoid (of|on) (the )?(relu|A\b)", r"(applied )?twice", r"two activations", r"both (activations|functions)", r"on top", r"0\.5 (where|for)", r"relu (first|then|before)"])
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = relu(Z)
    if activation == "sigmoid":
        A = sigmoid(A)
    cache = (linear_cache, Z)
    return A, cache


@bug("linear_activation_forward", "Z computed inline and the linear cache built as (A, W, b): the layer's output A[l] where its input A[l-1] belongs",
     [r"A\[l\] (where|instead)", r"(output|A\[l\]).{0,40}(instead of|where|not) (the |its )?(input|A_prev|A\[l-1\])", r"A_prev.{0,30}(cache|instead|where)", r"cache.{0,40}A_prev", r"linear_cache\[0\]", r"first item of (the )?(linear )?cache", r"(wrong|which) (part of the )?cache"])
def linear_activation_forward(A_prev, W, b, activation):
    Z = np.dot(W, A_prev) + b
    A = sigmoid(Z) if activation == "sigmoid" else relu(Z)
    cache = ((A, W, b), Z)
    return A, cache


@correct("linear_activation_forward", "both activations computed eagerly into a dict, the asked one picked by name")
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    outputs = {"relu": relu(Z), "sigmoid": sigmoid(Z)}
    A = outputs[activation]
    return A, (linear_cache, Z)


@correct("linear_activation_forward", "linear_forward with keyword arguments, the cache built from a list with tuple()")
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(W=W, A_prev=A_prev, b=b)
    if activation == "relu":
        A = relu(Z)
    elif activation == "sigmoid":
        A = sigmoid(Z)
    else:
        raise ValueError("activation must be 'relu' or 'sigmoid'")
    cache = tuple([linear_cache, Z])
    return A, cache


# ---- model_forward --------------------------------------------------------------------------


@bug("model_forward", "each hidden layer is run twice, A = laf(A, ...)[0] then caches.append(laf(A, ...)[1]): the second call takes the layer's own output, so the cache is of the wrong input (or a shape error)",
     [r"(twice|two calls|second call|called again|run again)", r"(own|layer'?s) output.{0,40}(input|again)", r"cache.{0,60}(wrong|other) (input|A_prev|layer)", r"A\[l\] (where|instead of) A\[l-1\]", r"(stale|wrong|other) A_prev"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        W, b = parameters["W" + str(l)], parameters["b" + str(l)]
        A = linear_activation_forward(A, W, b, "relu")[0]
        caches.append(linear_activation_forward(A, W, b, "relu")[1])
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_forward", "the activation is chosen with l < L - 1 (off by one) in one loop over 1..L: layer L-1 as well as layer L gets the sigmoid",
     [r"off by one", r"layer L-1.{0,40}sigmoid", r"sigmoid.{0,40}(layer L-1|last hidden|two layers|hidden layer)", r"(wrong|which) (activation|layer)", r"(one|a) (hidden )?layer too (early|soon)"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        activation = "relu" if l < L - 1 else "sigmoid"
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], activation)
        caches.append(cache)
    return A, caches


@bug("model_forward", "caches.append(caches) for the output layer (a typo for cache): the last item is the list itself, layer L's cache is never stored",
     [r"(list|caches) itself", r"append(ed|s)? (the )?(list|caches)\b", r"recursive", r"(last|output) (layer'?s )?cache.{0,40}(missing|never|not)"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(caches)
    return AL, caches


@bug("model_forward", "the layers' parameters taken from sorted(parameters) two keys at a time: sorting puts every W before every b, so layer 1 gets W1 and W2",
     [r"sort", r"(key|parameter)s? .{0,30}(order|paired|mixed)", r"(pairs?|mix\w*) (W|the keys)", r"W2 (as|for|where) b", r"(wrong|which) (key|parameter)s?", r"(another|other|wrong) layer'?s (W|b|parameters)"])
def model_forward(X, parameters):
    caches = []
    A = X
    keys = sorted(parameters)
    L = len(keys) // 2
    for l in range(L):
        W, b = parameters[keys[2 * l]], parameters[keys[2 * l + 1]]
        activation = "sigmoid" if l == L - 1 else "relu"
        A, cache = linear_activation_forward(A, W, b, activation)
        caches.append(cache)
    return A, caches


@bug("model_forward", "each cache is stored wrapped with the layer's output, caches.append((cache, A)): caches[l-1] is ((linear_cache, Z), A), not (linear_cache, Z)",
     [r"(wrapped|nested|extra (level|layer of))", r"\(cache, ?A\)", r"(cache|item)s? .{0,40}(also|too|with) (holds? )?A\b", r"(should|must) be \(linear_cache, Z\)", r"(wrong|extra) (item|structure|level)"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append((cache, A))
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append((cache, AL))
    return AL, caches


@bug("model_forward", "activation == 'sigmoid' (a comparison typed for the assignment) when l == L: the output layer keeps 'relu'",
     [r"comparison", r"compar\w+ (instead|where|not)", r"(output|last) layer.{0,40}relu", r"relu.{0,40}(output|last|layer L)", r"(never|not) (the )?sigmoid", r"(assign|set)\w* .{0,30}(never|not)"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    activation = "relu"
    for l in range(1, L + 1):
        if l == L:
            activation == "sigmoid"
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], activation)
        caches.append(cache)
    return A, caches


@bug("model_forward", "L = len(parameters) // 2 + 1 'for the input layer': the ReLU loop also runs layer L, and the output layer then asks for W[L+1] (KeyError)",
     [r"L ?\+ ?1\b", r"// ?2 ?\+ ?1", r"(one|a) layer too many", r"input layer", r"W\d+.{0,30}(does not exist|missing|no such)", r"(number of layers|L) .{0,30}(too (large|big|many)|wrong)"])
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2 + 1   # + 1 for the input layer
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@correct("model_forward", "functools.reduce over the layer numbers, carrying (A, caches)")
def model_forward(X, parameters):
    L = len(parameters) // 2

    def step(state, l):
        A, caches = state
        activation = "sigmoid" if l == L else "relu"
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], activation)
        return A, caches + [cache]

    AL, caches = functools.reduce(step, range(1, L + 1), (X, []))
    return AL, caches


@correct("model_forward", "the activations listed first, ['relu'] * (L - 1) + ['sigmoid'], and enumerated from 1")
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l, activation in enumerate(["relu"] * (L - 1) + ["sigmoid"], start=1):
        A, cache = linear_activation_forward(A, parameters["W%d" % l], parameters["b%d" % l], activation)
        caches.append(cache)
    return A, caches


# ---- compute_cost ---------------------------------------------------------------------------


@bug("compute_cost", "missing parentheses: np.log(1 - AL) * 1 - Y is (log(1 - A[L])) - Y, not (1 - Y) log(1 - A[L])",
     [r"parenthes", r"precedence", r"(1 - Y).{0,40}(subtract|minus|outside)", r"- ?Y\b.{0,20}(outside|instead|subtracted)", r"second term"])
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    cost = -(1 / m) * np.sum(Y * np.log(AL) + np.log(1 - AL) * 1 - Y)
    return float(cost)


@bug("compute_cost", "the mean squared error sum((A[L] - Y)^2) / m instead of the cross-entropy",
     [r"squared", r"\bMSE\b", r"mean square", r"(A\[L\]|AL) ?- ?Y\)? ?(\^|\*\*) ?2", r"(not|instead of) (the )?cross-?entropy", r"(no|without) (the )?log"])
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = np.sum((AL - Y) ** 2) / m
    return float(cost)


@bug("compute_cost", "Y = np.clip(Y, eps, 1 - eps): the labels are clipped instead of A[L], so A[L] = 0 or 1 still gives log(0)",
     [r"clip\w* (the )?(labels|Y)\b", r"(labels|Y) (is|are|was|were) clipped", r"(instead of|not) (clipping )?(A\[L\]|AL)", r"A\[L\] (is|at|=|==) ?(exactly )?(0|1)\b", r"saturat", r"log\(0\)", r"(not|never|un)-?clipped"])
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    Y = np.clip(Y, eps, 1 - eps)
    cost = -(1 / m) * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return float(cost)


@bug("compute_cost", "a loop over the examples for i in range(1, m): the first example's loss is left out (still divided by m)",
     [r"(first|one) example.{0,30}(left out|skipped|missing|not (counted|included))", r"(left out|skips?|skipped|missing|without).{0,30}(first|one) example", r"off by one", r"range\(1", r"m ?- ?1 (examples|terms|losses)", r"(column|example) 0"])
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    total = 0.0
    for i in range(1, m):
        total += Y[0, i] * np.log(AL[0, i]) + (1 - Y[0, i]) * np.log(1 - AL[0, i])
    cost = -total / m
    return float(cost)


@correct("compute_cost", "boolean masks: -(sum of log A[L] where y = 1 + sum of log(1 - A[L]) where y = 0) / m, after the notebook's clip")
def compute_cost(AL, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    positive = Y == 1
    cost = -(np.sum(np.log(AL[positive])) + np.sum(np.log(1 - AL[~positive]))) / m
    return float(cost)


@correct("compute_cost", "scipy.special.xlogy for both terms (0 log 0 = 0), after the clip")
def compute_cost(AL, Y):
    from scipy.special import xlogy

    m = Y.shape[1]
    eps = np.finfo(float).eps
    AL = np.clip(AL, eps, 1 - eps)
    cost = -np.sum(xlogy(Y, AL) + xlogy(1 - Y, 1 - AL)) / m
    return float(cost)
