"""Tuning bugs for the line tracer (checks/firstwrong.py): mistakes no mutant, relation or rule
names from the output, whose first wrong intermediate has a lecture name (m, a slope g'(Z), dZ,
Z filled row by row); and correct versions in odd styles (loops, einsum, temporaries, values
built up over several lines) that must pass, so the tracer never runs for them.
Invented for this layer, in the style of learners of the "step by step" assignment; never
written from the held-out catalog.
"""
import numpy as np

from dlkit import linear_activation_backward, linear_activation_forward  # noqa: F401
from dlkit import linear_backward, relu_backward, sigmoid_backward  # noqa: F401

from .registry import bug, correct

# ---- bugs only the first wrong line names ---------------------------------------------------

# the first wrong line, with the expression it computed (checks/expression.py)


@bug("linear_backward", "linear_backward.first_wrong_line_expression")
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    dA_prev = dA_prev * (A_prev > 0)      # "the ReLU's slope" applied once more, on the layer below
    return dA_prev, dW, db


@bug("sigmoid_backward", "sigmoid_backward.first_wrong_line_expression")
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    slope = s * (1 - s)
    dZ = dA * slope
    dZ = dZ * s       # chain rule "once more"
    return dZ


@bug("linear_forward", "linear_forward.first_wrong_line_expression")
def linear_forward(A_prev, W, b):
    Z = np.dot(W, A_prev)
    Z = Z * b
    return Z, (A_prev, W, b)


@bug("linear_backward", "linear_backward.first_wrong_line_loop_overwrites")
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.zeros(W.shape)
    for i in range(m):
        dW = np.outer(dZ[:, i], A_prev[:, i])    # = where += belongs: only the last example is kept
    dW = dW / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@bug("relu_backward", "relu_backward.first_wrong_line")
def relu_backward(dA, Z):
    g_prime = np.sign(Z)         # the derivative of |Z|, not of max(0, Z)
    dZ = dA * g_prime
    return dZ


@bug("sigmoid_backward", "sigmoid_backward.first_wrong_line_input_negated")
def sigmoid_backward(dA, Z):
    slope = np.exp(-Z) / (1 + np.exp(-Z))    # the square of the denominator forgotten
    dZ = dA * slope
    return dZ


@bug("compute_cost", "compute_cost.first_wrong_line")
def compute_cost(AL, Y):
    AL = np.clip(AL, 1e-15, 1 - 1e-15)
    m = Y.shape[1]
    m = m - 1                    # "unbiased", as in a sample variance
    logprobs = Y * np.log(AL) + (1 - Y) * np.log(1 - AL)
    cost = -np.sum(logprobs) / m
    return float(np.squeeze(cost))


@bug("linear_activation_backward", "linear_activation_backward.first_wrong_line_expression")
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    A_prev, W, b = linear_cache
    if activation == "relu":
        dZ = np.array(dA, copy=True)
        dZ[Z <= 0] = 0
    else:
        s = 1 / (1 + np.exp(-Z))
        dg = s * (1 - Z)         # Z where s belongs
        dZ = dA * dg
    m = A_prev.shape[1]
    dW = dZ @ A_prev.T / m
    db = dZ.sum(axis=1, keepdims=True) / m
    dA_prev = W.T @ dZ
    return dA_prev, dW, db


@bug("linear_activation_backward", "linear_activation_backward.first_wrong_line")
def linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Z = cache
    if activation == "sigmoid":
        A = 1 / (1 + np.exp(-Z))
        dZ = dA * A * (1 - A)
    else:
        dZ = dA * (Z > 0)
    m = dZ.shape[0] + 1          # index arithmetic gone astray
    dA_prev = np.dot(W.T, dZ)
    dW = np.dot(dZ, A_prev.T) / A_prev.shape[1]
    db = np.sum(dZ, axis=1, keepdims=True) / m
    return dA_prev, dW, db


@bug("model_forward", "model_forward.first_wrong_line")
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        A_prev = A
        W, b = parameters["W" + str(l)], parameters["b" + str(l)]
        Z = W @ A_prev + b
        if l < L:
            A = np.maximum(0, Z)
        else:
            A = 1 / (1 + np.exp(-Z))
        A = A / A.max()          # "normalise" every layer, as for the input images
        caches.append(((A_prev, W, b), Z))
    return A, caches


@bug("model_backward", "model_backward.first_wrong_line")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    m = AL.shape[1]
    Y = Y.reshape(AL.shape)
    lambd = 0.7                  # L2 regularisation, from the next course: not in this cost
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    current_cache = caches[L - 1]
    dA_prev_temp, dW_temp, db_temp = linear_activation_backward(dAL, current_cache, "sigmoid")
    dW_temp = dW_temp + lambd / m * current_cache[0][1]
    grads["dA" + str(L - 1)] = dA_prev_temp
    grads["dW" + str(L)] = dW_temp
    grads["db" + str(L)] = db_temp
    for l in reversed(range(L - 1)):
        current_cache = caches[l]
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + str(l + 1)], current_cache, "relu")
        dW_temp = dW_temp + lambd / m * current_cache[0][1]
        grads["dA" + str(l)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp
    return grads


@bug("model_backward", "model_backward.first_wrong_line_clipped")   # diagC: said as dA[l-1] clipped (clipping.py)
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    for l in range(L, 0, -1):
        (A_prev, W, b), Z = caches[l - 1]
        if l == L:
            s = 1 / (1 + np.exp(-Z))
            dZ = dA * s * (1 - s)
        else:
            dZ = dA * (Z > 0)
        m = A_prev.shape[1]
        grads["dW" + str(l)] = dZ @ A_prev.T / m
        grads["db" + str(l)] = np.sum(dZ, axis=1, keepdims=True) / m
        dA = W.T @ dZ
        dA = np.clip(dA, -0.1, 0.1)     # "gradient clipping", from a blog post
        grads["dA" + str(l - 1)] = dA
    return grads


# ---- correct versions in odd styles: they pass (the tracer never runs) -------------------------


@correct("linear_backward")
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = 1 / A_prev.shape[1]      # m holding 1/m: a name, not a mistake
    dW = np.dot(dZ, A_prev.T)
    dW = dW * m
    db = dZ.sum(axis=1, keepdims=True)
    db *= m
    dA_prev = W.T.dot(dZ)
    return dA_prev, dW, db


@correct("linear_backward")
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    n, m = A_prev.shape
    dW = np.zeros(W.shape)
    for i in range(m):           # one example at a time
        dW += np.outer(dZ[:, i], A_prev[:, i])
    dW /= m
    db = np.zeros(b.shape)
    for i in range(m):
        db[:, 0] += dZ[:, i]
    db = db / m
    dA_prev = np.einsum("ji,jk->ik", W, dZ)
    return dA_prev, dW, db


@correct("relu_backward")
def relu_backward(dA, Z):
    gp = np.zeros_like(Z)
    gp[Z > 0] = 1
    tmp = dA * gp
    return tmp


@correct("sigmoid_backward")
def sigmoid_backward(dA, Z):
    e = np.exp(-Z)
    s = 1 / (1 + e)
    slope = s * (1 - s)
    dZ = np.multiply(dA, slope)
    return dZ


@correct("compute_cost")
def compute_cost(AL, Y):
    AL = np.clip(AL, 1e-15, 1 - 1e-15)
    m_ = Y.shape[1]
    J = 0.0
    for j in range(m_):
        J -= Y[0, j] * np.log(AL[0, j]) + (1 - Y[0, j]) * np.log(1 - AL[0, j])
    J = J / m_
    return float(J)


@correct("linear_forward")
def linear_forward(A_prev, W, b):
    Z = np.zeros((W.shape[0], A_prev.shape[1]))
    for i in range(W.shape[0]):
        for j in range(A_prev.shape[1]):
            Z[i, j] = np.dot(W[i, :], A_prev[:, j])
    Z = Z + b
    return Z, (A_prev, W, b)


@correct("linear_activation_backward")
def linear_activation_backward(dA, cache, activation):
    lin, Z = cache
    A_prev, W, b = lin
    if activation == "relu":
        dZ = dA.copy()
        dZ[Z <= 0] = 0
    else:
        A = 1 / (1 + np.exp(-Z))
        dZ = dA * A
        dZ = dZ * (1 - A)
    m = A_prev.shape[1]
    dW = (dZ @ A_prev.T) / m
    db = np.mean(dZ, axis=1, keepdims=True)
    dA_prev_ = W.T @ dZ
    return dA_prev_, dW, db


@correct("model_forward")
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        A_prev = A
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        Z = np.dot(W, A_prev) + b
        A = np.maximum(Z, 0) if l < L else 1 / (1 + np.exp(-Z))
        caches.append(((A_prev, W, b), Z))
    return A, caches


@correct("model_backward")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    current_cache = caches[L - 1]
    dA_prev_temp, dW_temp, db_temp = linear_activation_backward(dAL, current_cache, "sigmoid")
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = dA_prev_temp, dW_temp, db_temp
    for l in reversed(range(L - 1)):
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp
    return grads


# ---- forward blocks ---------------------------------------------------------------------------


@bug("sigmoid", "sigmoid.first_wrong_line")
def sigmoid(Z):
    A = 1 / (1 + np.exp(-Z))
    A = A / np.max(A)            # "scaled to [0, 1]", as for the pixels of an image
    return A


@bug("linear_activation_forward", "linear_activation_forward.first_wrong_line_expression")
def linear_activation_forward(A_prev, W, b, activation):
    Z = W @ A_prev + b
    if activation == "relu":
        A = np.maximum(0, Z)
    else:
        A = 1 / (1 + np.exp(-Z))
    A = A / np.sum(A, axis=0, keepdims=True)   # a softmax habit from another course
    return A, ((A_prev, W, b), Z)


@bug("linear_forward", "linear_forward.first_wrong_line")
def linear_forward(A_prev, W, b):
    Z = np.zeros((W.shape[0], A_prev.shape[1]))
    for i in range(W.shape[0]):
        for j in range(A_prev.shape[1]):
            total = b[i, 0]
            for k in range(1, W.shape[1]):    # k = 1..n[l-1] as in the lecture's sum: index 0 skipped
                total += W[i, k] * A_prev[k, j]
            Z[i, j] = total
    return Z, (A_prev, W, b)


@correct("sigmoid")
def sigmoid(Z):
    A = np.empty_like(Z, dtype=float)
    pos = Z >= 0
    A[pos] = 1 / (1 + np.exp(-Z[pos]))
    e = np.exp(Z[~pos])
    A[~pos] = e / (1 + e)
    return A


@correct("linear_activation_forward")
def linear_activation_forward(A_prev, W, b, activation):
    Z1 = np.matmul(W, A_prev) + b
    A1 = np.maximum(0, Z1) if activation == "relu" else 1 / (1 + np.exp(-Z1))
    return A1, ((A_prev, W, b), Z1)


# ---- diag6a: a wrong output that is one lecture expression on every wrong case (checks/concepts.py)
# Invented for the translator, never written from the held-out catalog.

@bug("linear_backward", "linear_backward.output_expression")
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return np.dot(W.T, dZ * dZ), np.dot(dZ, A_prev.T) / m, np.sum(dZ, axis=1, keepdims=True) / m   # dZ squared


@bug("sigmoid", "sigmoid.output_expression")
def sigmoid(Z):
    return 1 / (1 + np.exp(-np.maximum(Z, 0)))      # the ReLU "to keep exp small", applied first


@bug("relu_backward", "relu_backward.wrong_where")
def relu_backward(dA, Z):
    return dA * (Z > 0) + (Z <= 0) * np.abs(Z)      # the negative side keeps |Z| instead of 0
