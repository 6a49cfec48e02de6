"""Learner implementations of the forward blocks: buggy ones (with the mistake the
checkpoint must name) and correct-but-different ones (which must pass)."""
import numpy as np

from dlkit import linear_forward, relu, sigmoid  # noqa: F401  (helpers found by global name)

from .registry import bug, correct

# ---- linear_forward ----------------------------------------------------------------------


@correct("linear_forward")
def linear_forward(A_prev, W, b):
    Z = np.dot(W, A_prev) + b
    cache = (A_prev, W, b)
    return Z, cache


@correct("linear_forward")
def linear_forward(A_prev, W, b):
    Z = np.einsum("ij,jk->ik", W, A_prev) + b.reshape(-1, 1)
    return Z, [A_prev, W, b]


@correct("linear_forward")
def linear_forward(A_prev, W, b):
    Z = (W.astype(np.float32) @ A_prev.astype(np.float32) + b.astype(np.float32))
    return Z, (A_prev, W, b)


@bug("linear_forward", "linear_forward.b_missing")
def linear_forward(A_prev, W, b):
    return W @ A_prev, (A_prev, W, b)


@bug("linear_forward", "linear_forward.b_subtracted")
def linear_forward(A_prev, W, b):
    return W @ A_prev - b, (A_prev, W, b)


@bug("linear_forward", "linear_forward.b_broadcast_wrong")
def linear_forward(A_prev, W, b):
    return W @ A_prev + b[0], (A_prev, W, b)


@bug("linear_forward", "linear_forward.W_A_swapped")
def linear_forward(A_prev, W, b):
    Z = np.dot(A_prev, W) + b
    return Z, (A_prev, W, b)


@bug("linear_forward", "linear_forward.elementwise_product")
def linear_forward(A_prev, W, b):
    Z = W * A_prev + b
    return Z, (A_prev, W, b)


@bug("linear_forward", "linear_forward.cache_order")
def linear_forward(A_prev, W, b):
    return W @ A_prev + b, (W, A_prev, b)


@bug("linear_forward", "linear_forward.cache_wrong")
def linear_forward(A_prev, W, b):
    Z = W @ A_prev + b
    return Z, (Z, W, b)


@bug("linear_forward", "linear_forward.returns_wrong_structure")
def linear_forward(A_prev, W, b):
    return W @ A_prev + b


# ---- sigmoid -----------------------------------------------------------------------------


@correct("sigmoid")
def sigmoid(Z):
    return np.exp(Z) / (1 + np.exp(Z)) if np.all(Z < 30) else 1 / (1 + np.exp(-Z))


@correct("sigmoid")
def sigmoid(Z):
    return 0.5 * (1 + np.tanh(Z / 2))


@correct("sigmoid")
def sigmoid(Z):
    return np.reciprocal(1.0 + np.exp(-Z.astype(np.float32)))


@bug("sigmoid", "sigmoid.missing_minus")
def sigmoid(Z):
    return 1 / (1 + np.exp(Z))


@bug("sigmoid", "sigmoid.derivative_instead")
def sigmoid(Z):
    s = 1 / (1 + np.exp(-Z))
    return s * (1 - s)


@bug("sigmoid", "sigmoid.returns_tuple")
def sigmoid(Z):
    A = 1 / (1 + np.exp(-Z))
    return A, Z


@bug("sigmoid", "sigmoid.tanh_instead")
def sigmoid(Z):
    return np.tanh(Z)


@bug("sigmoid", "sigmoid.wrong_formula")
def sigmoid(Z):
    return 1 / (1 - np.exp(-Z))


# ---- relu --------------------------------------------------------------------------------


@correct("relu")
def relu(Z):
    return Z * (Z > 0)


@correct("relu")
def relu(Z):
    A = Z.copy()
    A[A < 0] = 0
    return A


@correct("relu")
def relu(Z):
    return np.where(Z > 0, Z, 0.0)


@bug("relu", "relu.min_instead")
def relu(Z):
    return np.minimum(0, Z)


@bug("relu", "relu.modifies_input")
def relu(Z):
    Z[Z < 0] = 0
    return Z


@bug("relu", "relu.python_max")
def relu(Z):
    A = max(0, Z)
    return A


@bug("relu", "relu.abs_instead")
def relu(Z):
    return np.abs(Z)


@bug("relu", "relu.derivative_instead")
def relu(Z):
    return (Z > 0).astype(float)


# ---- linear_activation_forward ------------------------------------------------------------


@correct("linear_activation_forward")
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A = sigmoid(Z)
    elif activation == "relu":
        A = relu(Z)
    return A, (linear_cache, Z)


@correct("linear_activation_forward")
def linear_activation_forward(A_prev, W, b, activation):
    Z = W @ A_prev + b
    g = {"relu": lambda z: np.maximum(z, 0), "sigmoid": lambda z: 1 / (1 + np.exp(-z))}[activation]
    return g(Z), [(A_prev, W, b), Z]


@bug("linear_activation_forward", "linear_activation_forward.activations_swapped")
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = relu(Z) if activation == "sigmoid" else sigmoid(Z)
    return A, (linear_cache, Z)


@bug("linear_activation_forward", "linear_activation_forward.always_relu")
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    return relu(Z), (linear_cache, Z)


@bug("linear_activation_forward", "linear_activation_forward.cache_holds_A")
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = sigmoid(Z) if activation == "sigmoid" else relu(Z)
    return A, (linear_cache, A)


@bug("linear_activation_forward", "linear_activation_forward.cache_order")
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = sigmoid(Z) if activation == "sigmoid" else relu(Z)
    return A, (Z, linear_cache)


@bug("linear_activation_forward", "linear_activation_forward.no_activation")
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    return Z, (linear_cache, Z)


@bug("linear_activation_forward", "linear_activation_forward.unknown_activation")
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "Sigmoid":
        A = sigmoid(Z)
    elif activation == "relu":
        A = relu(Z)
    return A, (linear_cache, Z)


@bug("linear_forward", "linear_forward.W_transposed")
def linear_forward(A_prev, W, b):
    Z = W.T @ A_prev + b
    return Z, (A_prev, W, b)


@bug("linear_forward", "linear_forward.modifies_input")
def linear_forward(A_prev, W, b):
    A_prev += 0.0
    W *= 1.0
    b -= b  # "resets" b after using it
    return None if False else (W @ A_prev + 0, (A_prev, W, b))


@bug("sigmoid", "sigmoid.returns_Z")
def sigmoid(Z):
    return Z


@bug("relu", "relu.returns_tuple")
def relu(Z):
    return np.maximum(0, Z), Z


@bug("linear_activation_forward", "linear_activation_forward.always_sigmoid")
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    return sigmoid(Z), (linear_cache, Z)


@correct("linear_activation_forward")
def linear_activation_forward(A_prev, W, b, activation):
    """float32 throughout, the activation chosen with np.where."""
    Z = (W.astype(np.float32) @ A_prev.astype(np.float32)) + b.astype(np.float32)
    if activation == "relu":
        A = np.where(Z > 0, Z, np.float32(0))
    else:
        A = np.float32(1) / (np.float32(1) + np.exp(-Z))
    return A, ((A_prev, W, b), Z)


@bug("linear_forward", "linear_forward.b_broadcast_wrong")
def linear_forward(A_prev, W, b):
    Z = np.dot(W, A_prev) + b.T
    return Z, (A_prev, W, b)


@bug("linear_activation_forward", "linear_activation_forward.b_subtracted")
def linear_activation_forward(A_prev, W, b, activation):
    Z = W @ A_prev - b                       # the linear step written inline, b subtracted
    A = np.maximum(Z, 0) if activation == "relu" else 1 / (1 + np.exp(-Z))
    return A, ((A_prev, W, b), Z)


@bug("linear_activation_forward", "linear_activation_forward.sigmoid_missing_minus")
def linear_activation_forward(A_prev, W, b, activation):
    Z = np.dot(W, A_prev) + b
    A = 1 / (1 + np.exp(Z)) if activation == "sigmoid" else np.maximum(0, Z)   # inline, minus lost
    return A, ((A_prev, W, b), Z)


@bug("relu", "relu.np_max_instead")
def relu(Z):
    return np.max(Z, 0)


@bug("linear_forward", "linear_forward.A_prev_transposed")
def linear_forward(A_prev, W, b):
    Z = np.dot(W, A_prev.T) + b
    return Z, (A_prev, W, b)
