"""Held-out learner code, round 4: the backward blocks and gradient descent.

Written on 2026-12-02 by a helper that did not read dlkit/checks (the engine),
docs/relations.md or docs/grading.md, only the notebooks, DESIGN.md and
dlkit's reference blocks; every mistake here is meant to differ from those in
tests/checks/catalog_*.py, learners_*.py and round3_*.py. No mutant, relation
or hint of dlkit.checks may be written from it (README.md, "Round 4").
"""
import numpy as np

from dlkit import linear_activation_backward, linear_backward, relu_backward, sigmoid, sigmoid_backward  # noqa: F401

from .registry import IN_PLACE
from .registry4 import bug, correct

# ---- linear_backward --------------------------------------------------------------------------


@bug("linear_backward", "db = np.mean(dZ, axis=1, keepdims=True) / m: the mean already divides by m, so db is divided twice",
     [r"twice", r"(mean|average).{0,40}(already|and)", r"m times too small", r"\d+ times too small", r"divided .{0,20}m .{0,20}(again|twice)",
      r"1/m\^?2", r"extra 1/m"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.mean(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@bug("linear_backward", "adds b to dA_prev, mirroring the forward Z = W A + b: b has no place in the backward products",
     [r"\bb\b.{0,40}(added|adds|plus|no place|not belong|should not)", r"adds? (the )?b", r"bias .{0,30}(added|backward)", r"mirror"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ) + b
    return dA_prev, dW, db


@bug("linear_backward", "dA_prev = W^T dW (the gradient dW where dZ belongs) instead of W^T dZ",
     [r"dW (where|instead|in place)", r"uses dW", r"W\^?T dW", r"dZ (where|belongs|not)", r"wrong (array|gradient|operand)"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dW)
    return dA_prev, dW, db


@correct("linear_backward", "@ with * (1.0 / m), db via sum(axis=1).reshape(-1, 1)")
def linear_backward(dZ, linear_cache):
    A_prev, W, _b = linear_cache
    inv_m = 1.0 / A_prev.shape[1]
    dW = (dZ @ A_prev.T) * inv_m
    db = dZ.sum(axis=1).reshape(-1, 1) * inv_m
    dA_prev = W.T @ dZ
    return dA_prev, dW, db


# ---- relu_backward ----------------------------------------------------------------------------


@bug("relu_backward", "dA * np.clip(Z, 0, 1): a soft mask, so entries with 0 < Z < 1 are scaled by Z instead of passed through",
     [r"clip", r"(scaled|multiplied) by Z", r"between 0 and 1", r"0 < Z < 1", r"soft", r"(slope|mask) (is|should be) (exactly )?1",
      r"not (a )?0/1"])
def relu_backward(dA, Z):
    return dA * np.clip(Z, 0, 1)


@bug("relu_backward", "multiplies dA by the transposed mask (Z > 0).T",
     [r"transpos", r"\.T\b", r"(rows|columns) (and|swapped)"])
def relu_backward(dA, Z):
    return dA * (Z > 0).T


@bug("relu_backward", "np.where(Z > 0, dA, Z): where Z <= 0 it keeps Z instead of 0",
     [r"keeps? Z", r"Z (where|instead of) 0", r"(should be|must be) 0 where", r"negative (entries|values|Z)", r"np\.where"])
def relu_backward(dA, Z):
    return np.where(Z > 0, dA, Z)


@correct("relu_backward", "dA * ceil(clip(Z, 0, 1)): the 0/1 slope by rounding up")
def relu_backward(dA, Z):
    return dA * np.ceil(np.clip(Z, 0, 1))


@correct("relu_backward", "np.copyto from dA into zeros where Z > 0")
def relu_backward(dA, Z):
    dZ = np.zeros_like(dA)
    np.copyto(dZ, dA, where=Z > 0)
    return dZ


# ---- sigmoid_backward -------------------------------------------------------------------------


@bug("sigmoid_backward", "the slope written exp(-Z) / (1 + exp(-Z)), without the square on the denominator (that is 1 - s, not s (1 - s))",
     [r"square", r"\^2", r"\*\* ?2", r"1 - s\b.{0,20}(not|instead)", r"denominator", r"(missing|lost) (a |the )?(factor|s\b)"])
def sigmoid_backward(dA, Z):
    e = np.exp(-Z)
    return dA * e / (1 + e)


@bug("sigmoid_backward", "s = sigmoid(dA): the sigmoid of the gradient where the sigmoid of Z belongs",
     [r"sigmoid\(dA\)", r"of dA", r"dA (where|instead)", r"(sigmoid|s) of (the )?(gradient|wrong)", r"Z (where|belongs|not)"])
def sigmoid_backward(dA, Z):
    s = sigmoid(dA)
    return dA * s * (1 - s)


@bug("sigmoid_backward", "dA * s - s ** 2: the product dA s (1 - s) distributed wrongly (dA only multiplies the first term)",
     [r"distribut", r"parenthes", r"dA (only|multiplies only|not)", r"(first|one) term", r"precedence", r"s\^?2|s \*\* ?2", r"s squared"])
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    return dA * s - s ** 2


@correct("sigmoid_backward", "the tanh form of the slope: (1 - tanh(Z/2)^2) / 4")
def sigmoid_backward(dA, Z):
    t = np.tanh(Z / 2.0)
    return dA * 0.25 * (1.0 - t * t)


# ---- linear_activation_backward ---------------------------------------------------------------


@bug("linear_activation_backward", "returns dA (its own input) in place of the dA_prev that linear_backward computed",
     [r"returns? (its|the) (own )?input", r"returns? dA\b", r"dA (instead|where|in place)", r"wrong variable", r"dA_prev (is )?(never|not) returned",
      r"(same|unchanged) dA"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = relu_backward(dA, Z)
    else:
        dZ = sigmoid_backward(dA, Z)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA, dW, db


@bug("linear_activation_backward", "passes (A_prev, W.T, b) to linear_backward: W transposed by hand although linear_backward transposes it",
     [r"transpos", r"\.T\b", r"twice", r"W\^?T\b.{0,30}(already|again)", r"linear_cache (as|unchanged)"])
def linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Z = cache
    dZ = relu_backward(dA, Z) if activation == "relu" else sigmoid_backward(dA, Z)
    return linear_backward(dZ, (A_prev, W.T, b))


@bug("linear_activation_backward", "sigmoid branch: sigmoid_backward(dA, sigmoid(Z)) passes the activation A where Z belongs",
     [r"sigmoid\(Z\) (where|instead)", r"A (where|instead of) Z", r"activation (value|output) (where|instead)", r"sigmoid (applied )?twice",
      r"pass(es)? (Z|A)\b", r"Z (where|belongs)"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = relu_backward(dA, Z)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, sigmoid(Z))
    return linear_backward(dZ, linear_cache)


@bug("linear_activation_backward", "the relu branch first applies the sigmoid slope, then the ReLU slope on top (both slopes multiplied)",
     [r"both slopes", r"(sigmoid|other) (slope|backward).{0,40}relu", r"two slopes", r"twice", r"also the sigmoid"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    dZ = sigmoid_backward(dA, Z)
    if activation == "relu":
        dZ = relu_backward(dZ, Z)
    return linear_backward(dZ, linear_cache)


@correct("linear_activation_backward", "the backward helper chosen by a conditional expression")
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    backward = relu_backward if activation == "relu" else sigmoid_backward
    dZ = backward(dA, activation_cache)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db


@correct("linear_activation_backward", "inline: np.where slope for relu, the sigmoid slope from dlkit.sigmoid, products with @")
def linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Z = cache
    if activation == "relu":
        dZ = np.where(Z > 0, dA, 0.0)
    else:
        s = sigmoid(Z)
        dZ = dA * s * (1 - s)
    m = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m, np.sum(dZ, axis=1, keepdims=True) / m


# ---- model_backward ---------------------------------------------------------------------------


@bug("model_backward", "dA[L] = -(Y/AL) - (1-Y)/(1-AL): the second term's sign is wrong (it must be added)",
     [r"second term", r"sign", r"(plus|\+) (where|instead)", r"subtract", r"minus"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(Y / AL) - (1 - Y) / (1 - AL)
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA_prev, dW, db
    return grads


@bug("model_backward", "current_cache = caches[-1] for every layer: the hidden layers all use the output layer's cache",
     [r"caches\[-1\]", r"(last|output) layer'?s cache", r"same cache", r"(wrong|other) (layer'?s )?cache", r"cache of (layer|the)"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    current_cache = caches[-1]
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    dA, grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, current_cache, "sigmoid")
    grads["dA" + str(L - 1)] = dA
    for l in reversed(range(L - 1)):
        dA, dW, db = linear_activation_backward(dA, current_cache, "relu")
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA, dW, db
    return grads


@bug("model_backward", "Y = Y.reshape(AL.shape[1], 1): Y becomes a column (m, 1), so dA[L] broadcasts to (m, m)",
     [r"reshape", r"column", r"\(m, ?m\)", r"broadcast", r"Y (is|has|becomes).{0,30}shape", r"same shape as AL"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape[1], 1)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    current_cache = caches[L - 1]
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, current_cache, "sigmoid")
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA_prev, dW, db
    return grads


@bug("model_backward", "dA[L] averaged to one number with np.mean(...) instead of one entry per example",
     [r"np\.mean", r"averag", r"(one|single) number", r"scalar", r"per example", r"(a|one) value for all"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = np.mean(-(Y / AL) + (1 - Y) / (1 - AL)) * np.ones_like(AL)
    dA = dAL
    for l in range(L, 0, -1):
        activation = "sigmoid" if l == L else "relu"
        dA, grads["dW" + str(l)], grads["db" + str(l)] = linear_activation_backward(dA, caches[l - 1], activation)
        grads["dA" + str(l - 1)] = dA
    return grads


@correct("model_backward", "one loop from L down to 1 with a running dA and the activation chosen by l == L")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    for l in range(L, 0, -1):
        dA, dW, db = linear_activation_backward(dA, caches[l - 1], "sigmoid" if l == L else "relu")
        grads[f"dA{l - 1}"] = dA
        grads[f"dW{l}"] = dW
        grads[f"db{l}"] = db
    return grads


@correct("model_backward", "zip over reversed layer numbers and caches, dict.update per layer")
def model_backward(AL, Y, caches):
    L = len(caches)
    grads = {}
    dA = np.divide(1 - Y, 1 - AL) - np.divide(Y, AL)
    for l, cache in zip(range(L, 0, -1), reversed(caches)):
        dA_prev, dW, db = linear_activation_backward(dA, cache, "relu" if l < L else "sigmoid")
        grads.update({"dA" + str(l - 1): dA_prev, "dW" + str(l): dW, "db" + str(l): db})
        dA = dA_prev
    return grads


# ---- update_parameters ------------------------------------------------------------------------


@bug("update_parameters", "a dict comprehension that keeps only the W keys: the b's are dropped from what is returned",
     [r"\bb\d?\b.{0,30}(missing|dropped|lost|not returned)", r"missing .{0,20}\bb", r"startswith", r"only (the )?W", r"(keeps|returns) only"])
def update_parameters(parameters, grads, learning_rate):
    return {k: v - learning_rate * grads["d" + k] for k, v in parameters.items() if k.startswith("W")}


@bug("update_parameters", "np.multiply(learning_rate, dW, out=dW): scales the caller's gradients in place before subtracting",
     IN_PLACE + [r"grads (was |were )?(changed|modified)", r"out="], contract="in place")
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    new = {}
    for l in range(1, L + 1):
        for p in ("W", "b"):
            g = grads["d" + p + str(l)]
            np.multiply(learning_rate, g, out=g)
            new[p + str(l)] = parameters[p + str(l)] - g
    return new


@bug("update_parameters", "b - learning_rate * db.T: the transposed (1, n[l]) row broadcasts b to (n[l], n[l])",
     [r"transpos", r"\.T\b", r"broadcast", r"\(n\[l\], ?n\[l\]\)", r"row"])
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    updated = {}
    for l in range(1, L + 1):
        updated["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        updated["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)].T
    return updated


@correct("update_parameters", "nested loop over layers and 'Wb' into a new dict")
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    result = {}
    for l in range(1, L + 1):
        for p in "Wb":
            result[f"{p}{l}"] = parameters[f"{p}{l}"] - learning_rate * grads[f"d{p}{l}"]
    return result
