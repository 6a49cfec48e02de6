"""Learner implementations of the model-level exercises: buggy ones (with the mistake
the checkpoint must name) and correct-but-different ones (which must pass)."""
import numpy as np

from dlkit import (  # noqa: F401  (helpers found by global name)
    linear_activation_backward,
    linear_activation_forward,
    linear_backward,
    relu_backward,
    sigmoid,
    sigmoid_backward,
)

from .registry import bug, correct

# ---- initialize_parameters ---------------------------------------------------------------


@correct("initialize_parameters")
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    L = len(layer_dims)
    for l in range(1, L):
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / layer_dims[l - 1] ** 0.5
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "initialize_parameters.W_not_seeded")   # the right scale, another generator
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.default_rng(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "initialize_parameters.W_scale")   # * 0.01: notebook 1 asks for / sqrt(n[l-1])
def initialize_parameters(layer_dims, seed=3):
    rng = np.random.default_rng(seed)
    return {k: v for l in range(1, len(layer_dims)) for k, v in (
        (f"W{l}", rng.standard_normal((layer_dims[l], layer_dims[l - 1])) * 0.01),
        (f"b{l}", np.zeros((layer_dims[l], 1))))}


@bug("initialize_parameters", "initialize_parameters.W_scale")   # He: notebook 1 asks for / sqrt(n[l-1])
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(0)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = rng.randn(layer_dims[l], layer_dims[l - 1]) * np.sqrt(2 / layer_dims[l - 1])
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "initialize_parameters.W_zeros")
def initialize_parameters(layer_dims, seed=1):
    return {k: v for l in range(1, len(layer_dims)) for k, v in (
        (f"W{l}", np.zeros((layer_dims[l], layer_dims[l - 1]))), (f"b{l}", np.zeros((layer_dims[l], 1))))}


@bug("initialize_parameters", "initialize_parameters.missing_layers")
def initialize_parameters(layer_dims, seed=1):
    parameters = {}
    L = len(layer_dims) - 1
    for l in range(1, L):
        parameters[f"W{l}"] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "initialize_parameters.W_transposed")
def initialize_parameters(layer_dims, seed=1):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = np.random.randn(layer_dims[l - 1], layer_dims[l]) * 0.01
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "initialize_parameters.b_not_column")
def initialize_parameters(layer_dims, seed=1):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters[f"b{l}"] = np.zeros(layer_dims[l])
    return parameters


@bug("initialize_parameters", "initialize_parameters.W_too_large")
def initialize_parameters(layer_dims, seed=1):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = np.random.randn(layer_dims[l], layer_dims[l - 1])
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "initialize_parameters.W_not_centred")
def initialize_parameters(layer_dims, seed=1):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = np.random.rand(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "initialize_parameters.W_symmetric")
def initialize_parameters(layer_dims, seed=1):
    parameters = {}
    for l in range(1, len(layer_dims)):
        row = np.random.randn(1, layer_dims[l - 1]) * 0.01
        parameters[f"W{l}"] = np.repeat(row, layer_dims[l], axis=0)
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "initialize_parameters.b_not_zero")
def initialize_parameters(layer_dims, seed=1):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters[f"b{l}"] = np.random.randn(layer_dims[l], 1) * 0.01
    return parameters


# ---- model_forward -----------------------------------------------------------------------


@correct("model_forward")
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@correct("model_forward")
def model_forward(X, parameters):
    L = len([k for k in parameters if k.startswith("W")])
    A, caches = X, ()
    for l in range(1, L + 1):
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        Z = np.einsum("ij,jk->ik", W, A) + b
        caches += (((A, W, b), Z),)
        A = np.where(Z > 0, Z, 0.0) if l < L else 1 / (1 + np.exp(-Z))
    return A, caches


@bug("model_forward", "model_forward.output_relu")
def model_forward(X, parameters):
    caches, A = [], X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
        caches.append(cache)
    return A, caches


@bug("model_forward", "model_forward.hidden_sigmoid")
def model_forward(X, parameters):
    caches, A = [], X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], "sigmoid")
        caches.append(cache)
    return A, caches


@bug("model_forward", "model_forward.L_wrong")
def model_forward(X, parameters):
    caches, A = [], X
    L = len(parameters)
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters[f"W{L}"], parameters[f"b{L}"], "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_forward", "model_forward.caches_missing_output")
def model_forward(X, parameters):
    caches, A = [], X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters[f"W{L}"], parameters[f"b{L}"], "sigmoid")
    return AL, caches


@bug("model_forward", "model_forward.output_layer_missing")
def model_forward(X, parameters):
    caches, A = [], X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
        caches.append(cache)
    return A, caches


# ---- compute_cost ------------------------------------------------------------------------


@bug("compute_cost", "compute_cost.no_clipping")
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = (-1 / m) * (np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T))
    return np.squeeze(cost)


@bug("compute_cost", "compute_cost.no_clipping")
def compute_cost(AL, Y):
    return float(-np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))


@bug("compute_cost", "compute_cost.no_clipping")
def compute_cost(AL, Y):
    # np.where picks the finite log where A[L] agrees with y, but A[L] = 1 with y = 0 gives inf
    losses = np.where(Y == 1, -np.log(AL), -np.log1p(-AL))
    return losses.sum() / AL.shape[1]


@correct("compute_cost")
def compute_cost(AL, Y):
    # any small eps keeps J finite, and the notebook accepts it
    m = Y.shape[1]
    AL = np.clip(AL, 1e-8, 1 - 1e-8)
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)


@correct("compute_cost")
def compute_cost(AL, Y):
    eps = 1e-12
    return float(-np.mean(Y * np.log(np.maximum(AL, eps)) + (1 - Y) * np.log(np.maximum(1 - AL, eps))))


@correct("compute_cost")
def compute_cost(AL, Y):
    eps = np.finfo(np.float64).eps
    losses = np.where(Y == 1, -np.log(np.maximum(AL, eps)), -np.log1p(-np.minimum(AL, 1 - eps)))
    return losses.sum() / AL.shape[1]


@bug("compute_cost", "compute_cost.missing_minus")
def compute_cost(AL, Y):
    return np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))


@bug("compute_cost", "compute_cost.missing_1_over_m")
def compute_cost(AL, Y):
    return -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))


@bug("compute_cost", "compute_cost.missing_one_minus_y_term")
def compute_cost(AL, Y):
    return -np.sum(Y * np.log(AL)) / Y.shape[1]


@bug("compute_cost", "compute_cost.log10")
def compute_cost(AL, Y):
    return -np.mean(Y * np.log10(AL) + (1 - Y) * np.log10(1 - AL))


@bug("compute_cost", "compute_cost.not_scalar")
def compute_cost(AL, Y):
    m = Y.shape[1]
    return (-1 / m) * (np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T))


@bug("compute_cost", "compute_cost.missing_1_over_m")
def compute_cost(AL, Y):
    m = AL.shape[0]  # the wrong axis: 1 row
    return -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m


# ---- model_backward ----------------------------------------------------------------------


@correct("model_backward")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    current_cache = caches[L - 1]
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, current_cache, "sigmoid")
    for l in reversed(range(L - 1)):
        current_cache = caches[l]
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + str(l + 1)], current_cache, "relu")
        grads["dA" + str(l)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp
    return grads


@correct("model_backward")
def model_backward(AL, Y, caches):
    """The shortcut dZ[L] = A[L] - Y: exact when the cache is consistent."""
    grads = {}
    L = len(caches)
    dZ = AL - Y
    for l in range(L, 0, -1):
        (A_prev, W, b), Z = caches[l - 1]
        if l < L:
            dZ = grads[f"dA{l}"] * (Z > 0)
        grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = linear_backward(dZ, (A_prev, W, b))
    return grads


@bug("model_backward", "model_backward.dAL_missing_minus")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = Y / AL + (1 - Y) / (1 - AL)   # as the lecture transcript says it
    dA = dAL
    for l in range(L, 0, -1):
        dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(dA, caches[l - 1], "sigmoid" if l == L else "relu")
        grads[f"dA{l - 1}"] = dA
    return grads


@bug("model_backward", "model_backward.output_relu")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    for l in range(L, 0, -1):
        dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(dA, caches[l - 1], "relu")
        grads[f"dA{l - 1}"] = dA
    return grads


@bug("model_backward", "model_backward.keys_shifted")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    for l in range(L, 0, -1):
        dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(dA, caches[l - 1], "sigmoid" if l == L else "relu")
        grads[f"dA{l}"] = dA
    return grads


@bug("model_backward", "model_backward.first_layer_missing")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    for l in range(L, 1, -1):
        dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(dA, caches[l - 1], "sigmoid" if l == L else "relu")
        grads[f"dA{l - 1}"] = dA
    return grads


@bug("model_backward", "model_backward.dAL_reused")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(Y / AL) + (1 - Y) / (1 - AL)
    for l in range(L, 0, -1):
        grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(
            dAL, caches[l - 1], "sigmoid" if l == L else "relu")
    return grads


@bug("model_backward", "model_backward.shortcut_with_sigmoid_slope")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = AL - Y
    for l in range(L, 0, -1):
        dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(dA, caches[l - 1], "sigmoid" if l == L else "relu")
        grads[f"dA{l - 1}"] = dA
    return grads


@bug("model_backward", "model_backward.caches_index")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    for l in range(L, 0, -1):
        dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(dA, caches[l], "sigmoid" if l == L else "relu")
        grads[f"dA{l - 1}"] = dA
    return grads


# ---- update_parameters -------------------------------------------------------------------


@bug("update_parameters", "update_parameters.modifies_input")   # the caller's dict rewritten
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(L):
        parameters["W" + str(l + 1)] = parameters["W" + str(l + 1)] - learning_rate * grads["dW" + str(l + 1)]
        parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] - learning_rate * grads["db" + str(l + 1)]
    return parameters


@bug("update_parameters", "update_parameters.modifies_input")
def update_parameters(parameters, grads, learning_rate):
    for key in parameters:
        parameters[key] -= learning_rate * grads["d" + key]   # in place: notebook 6 asks for a new dict
    return parameters


@correct("update_parameters")
def update_parameters(parameters, grads, learning_rate):
    return {k: v - learning_rate * grads[f"d{k}"] for k, v in parameters.items()}


@bug("update_parameters", "update_parameters.gradient_ascent")
def update_parameters(parameters, grads, learning_rate):
    return {k: v + learning_rate * grads[f"d{k}"] for k, v in parameters.items()}


@bug("update_parameters", "update_parameters.learning_rate_ignored")
def update_parameters(parameters, grads, learning_rate):
    return {k: v - grads[f"d{k}"] for k, v in parameters.items()}


@bug("update_parameters", "update_parameters.b_not_updated")
def update_parameters(parameters, grads, learning_rate):
    return {k: (v - learning_rate * grads[f"d{k}"] if k.startswith("W") else v) for k, v in parameters.items()}


@bug("update_parameters", "update_parameters.last_layer_not_updated")
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L):
        parameters[f"W{l}"] = parameters[f"W{l}"] - learning_rate * grads[f"dW{l}"]
        parameters[f"b{l}"] = parameters[f"b{l}"] - learning_rate * grads[f"db{l}"]
    return parameters


@bug("update_parameters", "update_parameters.L_wrong")
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters)
    for l in range(1, L + 1):
        parameters[f"W{l}"] = parameters[f"W{l}"] - learning_rate * grads[f"dW{l}"]
        parameters[f"b{l}"] = parameters[f"b{l}"] - learning_rate * grads[f"db{l}"]
    return parameters


@bug("update_parameters", "update_parameters.returns_nothing")
def update_parameters(parameters, grads, learning_rate):
    for key in parameters:
        parameters[key] -= learning_rate * grads["d" + key]


@bug("initialize_parameters", "initialize_parameters.W_too_small")
def initialize_parameters(layer_dims, seed=1):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 1e-5
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("model_forward", "model_forward.no_output_activation")
def model_forward(X, parameters):
    caches, A = [], X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
        caches.append(cache)
    W, b = parameters[f"W{L}"], parameters[f"b{L}"]
    Z = W @ A + b
    caches.append(((A, W, b), Z))
    return Z, caches


@bug("model_forward", "model_forward.layer_index_off_by_one")
def model_forward(X, parameters):
    caches, A = [], X
    L = len(parameters) // 2
    for l in range(L - 1):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters[f"W{L}"], parameters[f"b{L}"], "sigmoid")
    return AL, caches + [cache]


@bug("compute_cost", "compute_cost.terms_swapped")
def compute_cost(AL, Y):
    return -np.mean(Y * np.log(1 - AL) + (1 - Y) * np.log(AL))


@bug("model_backward", "model_backward.dAL_sign_flipped")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)
    for l in range(L, 0, -1):
        dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(dA, caches[l - 1], "sigmoid" if l == L else "relu")
        grads[f"dA{l - 1}"] = dA
    return grads


@bug("model_backward", "model_backward.hidden_sigmoid")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    for l in range(L, 0, -1):
        dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(dA, caches[l - 1], "sigmoid")
        grads[f"dA{l - 1}"] = dA
    return grads


@bug("update_parameters", "update_parameters.learning_rate_misapplied")
def update_parameters(parameters, grads, learning_rate):
    return {k: learning_rate * v - grads[f"d{k}"] for k, v in parameters.items()}


@bug("update_parameters", "update_parameters.first_layer_not_updated")
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(2, L + 1):
        parameters[f"W{l}"] = parameters[f"W{l}"] - learning_rate * grads[f"dW{l}"]
        parameters[f"b{l}"] = parameters[f"b{l}"] - learning_rate * grads[f"db{l}"]
    return parameters


@bug("update_parameters", "update_parameters.gradient_missing")
def update_parameters(parameters, grads, learning_rate):
    return {k: v - learning_rate * v for k, v in parameters.items()}


@bug("update_parameters", "update_parameters.layer_index_off_by_one")
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(L):
        parameters[f"W{l}"] = parameters[f"W{l}"] - learning_rate * grads[f"dW{l}"]
        parameters[f"b{l}"] = parameters[f"b{l}"] - learning_rate * grads[f"db{l}"]
    return parameters


@correct("model_forward")
def model_forward(X, parameters):
    """A while loop, caches as a tuple, the shapes asserted as the course does."""
    L = len(parameters) // 2
    caches, A, l = [], X, 1
    while l <= L:
        W, b = parameters["W%d" % l], parameters["b%d" % l]
        Z = np.dot(W, A) + b
        assert Z.shape == (W.shape[0], X.shape[1])
        caches.append(((A, W, b), Z))
        A = np.maximum(0, Z) if l < L else 1 / (1 + np.exp(-Z))
        l += 1
    return A, tuple(caches)


@correct("model_backward")
def model_backward(AL, Y, caches):
    """Everything inline, the sigmoid's slope from the cached Z, np.multiply and np.divide."""
    L = len(caches)
    grads = {}
    dA = np.divide(1 - Y, 1 - AL) - np.divide(Y, AL)
    for l in reversed(range(1, L + 1)):
        (A_prev, W, b), Z = caches[l - 1]
        if l == L:
            s = 1 / (1 + np.exp(-Z))
            dZ = np.multiply(dA, s * (1 - s))
        else:
            dZ = np.multiply(dA, np.heaviside(Z, 0))
        m = A_prev.shape[1]
        grads["dW" + str(l)] = np.dot(dZ, A_prev.T) / m
        grads["db" + str(l)] = np.sum(dZ, axis=1, keepdims=True) / m
        dA = np.dot(W.T, dZ)
        grads["dA" + str(l - 1)] = dA
    return grads


@bug("model_forward", "model_forward.not_chained")
def model_forward(X, parameters):
    caches = []
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(X, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A if L > 1 else X, parameters[f"W{L}"], parameters[f"b{L}"], "sigmoid")
    return AL, caches + [cache]


@bug("model_forward", "model_forward.b_missing")
def model_forward(X, parameters):
    L = len(parameters) // 2
    caches, A = [], X
    for l in range(1, L + 1):
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        Z = W @ A                            # inline, b forgotten
        caches.append(((A, W, b), Z))
        A = np.maximum(Z, 0) if l < L else 1 / (1 + np.exp(-Z))
    return A, caches


@bug("model_backward", "model_backward.dW_missing_1_over_m")
def model_backward(AL, Y, caches):
    L = len(caches)
    grads = {}
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    for l in range(L, 0, -1):
        (A_prev, W, b), Z = caches[l - 1]
        dZ = dA * sigmoid(Z) * (1 - sigmoid(Z)) if l == L else dA * (Z > 0)
        m = A_prev.shape[1]
        grads[f"dW{l}"] = dZ @ A_prev.T      # inline, 1/m forgotten
        grads[f"db{l}"] = np.sum(dZ, axis=1, keepdims=True) / m
        dA = W.T @ dZ
        grads[f"dA{l - 1}"] = dA
    return grads


@bug("model_forward", "model_forward.sigmoid_missing_minus")
def model_forward(X, parameters):
    L = len(parameters) // 2
    caches, A = [], X
    for l in range(1, L + 1):
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        Z = W @ A + b
        caches.append(((A, W, b), Z))
        A = np.maximum(Z, 0) if l < L else 1 / (1 + np.exp(Z))   # inline sigmoid without its minus
    return A, caches


@bug("model_backward", "model_backward.sigmoid_backward_uses_Z_not_sigmoid")
def model_backward(AL, Y, caches):
    L = len(caches)
    grads = {}
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    for l in range(L, 0, -1):
        (A_prev, W, b), Z = caches[l - 1]
        dZ = dA * Z * (1 - Z) if l == L else dA * (Z > 0)     # Z where sigmoid(Z) belongs
        m = A_prev.shape[1]
        grads[f"dW{l}"] = dZ @ A_prev.T / m
        grads[f"db{l}"] = np.sum(dZ, axis=1, keepdims=True) / m
        dA = W.T @ dZ
        grads[f"dA{l - 1}"] = dA
    return grads


@correct("model_backward")
def model_backward(AL, Y, caches):
    """The output slope from AL itself: sigmoid'(Z[L]) = A[L] (1 - A[L])."""
    L = len(caches)
    grads = {}
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    for l in range(L, 0, -1):
        (A_prev, W, b), Z = caches[l - 1]
        dZ = dA * AL * (1 - AL) if l == L else dA * (Z > 0)
        m = A_prev.shape[1]
        grads[f"dW{l}"] = dZ @ A_prev.T / m
        grads[f"db{l}"] = np.sum(dZ, axis=1, keepdims=True) / m
        dA = W.T @ dZ
        grads[f"dA{l - 1}"] = dA
    return grads


@bug("initialize_parameters", "initialize_parameters.zeros_shape_not_a_tuple")
def initialize_parameters(layer_dims, seed=1):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros(layer_dims[l], 1)
    return parameters


@bug("initialize_parameters", "initialize_parameters.randn_shape_tuple")
def initialize_parameters(layer_dims, seed=1):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn((layer_dims[l], layer_dims[l - 1])) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("model_backward", "model_backward.keys_shifted")
def model_backward(AL, Y, caches):
    """The output layer's dW and db stored one key too low (then overwritten by the loop)."""
    grads = {}
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L - 1)], grads["dW" + str(L - 1)], grads["db" + str(L - 1)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA_prev, dW, db
    return grads


@bug("model_forward", "model_forward.first_layer_missing")
def model_forward(X, parameters):
    caches, A = [], X
    L = len(parameters) // 2
    for l in range(2, L):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters[f"W{L}"], parameters[f"b{L}"], "sigmoid")
    return AL, caches + [cache]


# ---- diag7: the seeded draws divided by another size; keys the lecture does not name ----------

@bug("initialize_parameters", "initialize_parameters.W_divided_by_other")
def initialize_parameters(layer_dims, seed=1):
    """Divides by n[l-1] itself: the square root is forgotten."""
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / layer_dims[l - 1]
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "initialize_parameters.W_divided_by_other")
def initialize_parameters(layer_dims, seed=1):
    """Divides by sqrt(n[l]), the layer's own size, not its number of inputs."""
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "initialize_parameters.keys_named")
def initialize_parameters(layer_dims, seed=1):
    """The W keys numbered from 0 (W0..W(L-1)); the b keys are right."""
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l - 1)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("initialize_parameters", "initialize_parameters.keys_named")
def initialize_parameters(layer_dims, seed=1):
    """Lower-case b keys: 'B1' is not 'b1'."""
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["B" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@bug("update_parameters", "update_parameters.keys_named")
def update_parameters(parameters, grads, learning_rate):
    """Only the b keys are returned: the W's are dropped."""
    return {k: v - learning_rate * grads["d" + k] for k, v in parameters.items() if k.startswith("b")}


@bug("update_parameters", "update_parameters.nothing_updated")
def update_parameters(parameters, grads, learning_rate):
    """Rebinds the loop's local name only: the copy returned is unchanged."""
    new = dict(parameters)
    for key, value in new.items():
        value = value - learning_rate * grads["d" + key]
    return new


# ---- diag8: model_forward / model_backward judged by the blocks they called (checks/chain.py) ----

from dlkit import linear_forward, relu  # noqa: E402,F401  (blocks found by global name)


@bug("model_forward", "model_forward.chain_call")
def model_forward(X, parameters):
    """ReLU for the first layer only: the other hidden layers run the sigmoid (right for L = 2 only)."""
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        activation = "relu" if l == 1 else "sigmoid"
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], activation)
        caches.append(cache)
    return A, caches


@bug("model_forward", "model_forward.chain_result")
def model_forward(X, parameters):
    """Keeps the input of the last step and returns it: A[L-1] where A[L] belongs."""
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters["W" + str(l)], parameters["b" + str(l)],
                                             "sigmoid" if l == L else "relu")
        caches.append(cache)
    return A_prev, caches


@bug("model_forward", "model_forward.chain_result")
def model_forward(X, parameters):
    """caches made anew inside the hidden loop: only the last hidden layer's cache (and the output's) kept."""
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches = [cache]
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


@bug("model_backward", "model_backward.chain_call")
def model_backward(AL, Y, caches):
    """The activation's test is off by one: layer L-1, a hidden layer, is stepped back with the sigmoid too."""
    grads = {}
    L = len(caches)
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in range(L, 0, -1):
        activation = "sigmoid" if l >= L - 1 else "relu"
        dA, grads["dW" + str(l)], grads["db" + str(l)] = linear_activation_backward(dA, caches[l - 1], activation)
        grads["dA" + str(l - 1)] = dA
    return grads


@bug("model_backward", "model_backward.chain_result")
def model_backward(AL, Y, caches):
    """Each layer's results stored in the order dW, dA_prev, db, not the order the call returns them."""
    grads = {}
    L = len(caches)
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in range(L, 0, -1):
        dA_prev, dW, db = linear_activation_backward(dA, caches[l - 1], "sigmoid" if l == L else "relu")
        grads["dW" + str(l)], grads["dA" + str(l - 1)], grads["db" + str(l)] = dA_prev, dW, db
        dA = dA_prev
    return grads


@bug("model_backward", "model_backward.chain_dAL")
def model_backward(AL, Y, caches):
    """dA[L] summed example by example into one total, then spread over the row: the same mean everywhere."""
    grads = {}
    L = len(caches)
    m = AL.shape[1]
    total = 0.0
    for j in range(m):
        total += float(-(Y[0, j] / AL[0, j]) + (1 - Y[0, j]) / (1 - AL[0, j]))
    dA = np.full(AL.shape, total / m)
    for l in range(L, 0, -1):
        dA, grads["dW" + str(l)], grads["db" + str(l)] = linear_activation_backward(
            dA, caches[l - 1], "sigmoid" if l == L else "relu")
        grads["dA" + str(l - 1)] = dA
    return grads
