"""One layer, forward and backward, in the lecture's notation.

Forward:   Z[l] = W[l] A[l-1] + b[l]          A[l] = g[l](Z[l])
Backward:  dZ[l] = dA[l] * g[l]'(Z[l])
           dW[l] = 1/m dZ[l] A[l-1]^T
           db[l] = 1/m sum(dZ[l], axis=1, keepdims=True)
           dA[l-1] = W[l]^T dZ[l]

Shapes: A[l-1] is (n[l-1], m), W[l] is (n[l], n[l-1]), b[l] is (n[l], 1),
Z[l] and A[l] are (n[l], m); every gradient has the shape of what it is the
gradient of. The forward pass keeps a cache of what the backward pass needs:
``linear_cache = (A_prev, W, b)`` and ``cache = (linear_cache, Z)``.
"""
from __future__ import annotations

import numpy as np

from . import _validate as v
from .activations import get_activation


def _column_major(W):
    """True when W[l] is stored column-major (train() does this in float32).

    The blocks then compute each product as the transpose of its transpose,
    so that Z[l], dW[l] and dA[l-1] come out column-major too: the same
    matrices, which OpenBLAS computes faster in that layout for these shapes
    (measured in benchmarks/bench_train.py), and no element-wise step mixes
    the two orders. A row-major W[l] gets the lecture's forms as written.
    """
    return W.flags.f_contiguous and not W.flags.c_contiguous


def _check_linear(func, A_prev, W, b):
    A_prev = v.matrix(func, "A_prev", A_prev, "(n[l-1], m)")
    W = v.matrix(func, "W", W, "(n[l], n[l-1])")
    if W.shape[1] != A_prev.shape[0]:
        raise ValueError(
            f"{func}: W has shape {W.shape} but A_prev has {A_prev.shape[0]} rows; "
            f"W[l] must be (n[l], n[l-1]) = ({W.shape[0]}, {A_prev.shape[0]})"
        )
    b = v.column(func, "b", b, W.shape[0], "n[l]")
    return A_prev, W, b


def _check_linear_cache(func, linear_cache):
    if not isinstance(linear_cache, tuple) or len(linear_cache) != 3:
        raise TypeError(
            f"{func}: linear_cache must be the tuple (A_prev, W, b) kept by linear_forward, "
            f"got {v.describe(linear_cache)}"
        )
    return _check_linear(func, *linear_cache)


def linear_forward(A_prev, W, b):
    """Z[l] = W[l] A[l-1] + b[l].

    A_prev: (n[l-1], m), W: (n[l], n[l-1]), b: (n[l], 1); b broadcasts across
    the m columns. Returns ``Z`` (n[l], m) and ``linear_cache = (A_prev, W, b)``.
    """
    A_prev, W, b = _check_linear("linear_forward", A_prev, W, b)
    return _linear_forward(A_prev, W, b)


def _linear_forward(A_prev, W, b):
    """linear_forward on inputs already checked (linear_activation_forward checks them under its own name)."""
    if _column_major(W):
        # Z[l] = W[l] A[l-1] as (A[l-1]^T W[l]^T)^T: W[1] X 0.50 ms against
        # 0.64 to 0.80 ms at the course scale with 2 threads.
        Z = (A_prev.T @ W.T).T
    else:
        Z = W @ A_prev
    if Z.dtype == b.dtype:
        Z += b  # b[l] added to each of the m columns in place: no second (n[l], m) array
    else:
        Z = Z + b  # float32 mixed with float64: numpy picks the wider type
    return Z, (A_prev, W, b)


def linear_backward(dZ, linear_cache, *, need_dA_prev=True):
    """dW[l] = 1/m dZ[l] A[l-1]^T,  db[l] = 1/m sum(dZ[l], axis=1, keepdims=True),  dA[l-1] = W[l]^T dZ[l].

    dZ: (n[l], m); linear_cache = (A_prev, W, b) from linear_forward.
    Returns ``dA_prev`` (n[l-1], m), ``dW`` (n[l], n[l-1]), ``db`` (n[l], 1).
    ``need_dA_prev=False`` skips dA[0], which the lecture computes and discards
    (``dA_prev`` is then None).
    """
    func = "linear_backward"
    A_prev, W, b = _check_linear_cache(func, linear_cache)
    dZ = v.matrix(func, "dZ", dZ, "(n[l], m)")
    if dZ.shape != (W.shape[0], A_prev.shape[1]):
        raise ValueError(
            f"{func}: dZ has shape {dZ.shape} but must be (n[l], m) = ({W.shape[0]}, {A_prev.shape[1]}), "
            f"the shape of Z[l] = W[l] A[l-1] + b[l]"
        )
    return _linear_backward(dZ, A_prev, W, need_dA_prev)


def _linear_backward(dZ, A_prev, W, need_dA_prev):
    """linear_backward on inputs already checked (linear_activation_backward checks them under its own name)."""
    m = A_prev.shape[1]
    column_major = _column_major(W)
    if column_major:
        # dW[l] = 1/m dZ[l] A[l-1]^T as (A[l-1] (1/m dZ[l])^T)^T: column-major
        # like W[l], so W[l] -= alpha dW[l] reads both in one order (mixed
        # orders: 4x slower); 0.38 to 0.44 ms against 0.73 to 0.76 for dW[1].
        dW = (A_prev @ (1 / m * dZ).T).T
    else:
        dW = 1 / m * dZ @ A_prev.T  # read left to right: (1/m dZ[l]) A[l-1]^T, so 1/m scales dZ[l], not the often larger dW[l]
    db = (1 / m) * np.sum(dZ, axis=1, keepdims=True)
    if not need_dA_prev:
        dA_prev = None
    elif column_major:
        dA_prev = (dZ.T @ W).T  # W[l]^T dZ[l], column-major like Z[l-1]
    else:
        dA_prev = W.T @ dZ
    return dA_prev, dW, db


def linear_activation_forward(A_prev, W, b, activation):
    """Z[l] = W[l] A[l-1] + b[l], then A[l] = g[l](Z[l]).

    A_prev: (n[l-1], m), W: (n[l], n[l-1]), b: (n[l], 1); ``activation`` names
    g, e.g. "relu" or "sigmoid". Returns ``A`` (n[l], m) and
    ``cache = (linear_cache, Z)``.
    """
    func = "linear_activation_forward"
    g, _ = get_activation(activation, func)
    A_prev, W, b = _check_linear(func, A_prev, W, b)  # errors name the function the learner called
    Z, linear_cache = _linear_forward(A_prev, W, b)
    with v.values_trusted():  # Z is computed from values just checked
        A = g(Z)
    return A, (linear_cache, Z)


def linear_activation_backward(dA, cache, activation, *, need_dA_prev=True):
    """dZ[l] = dA[l] * g[l]'(Z[l]), then the linear backward step.

    dA: (n[l], m); ``cache = (linear_cache, Z)`` from linear_activation_forward.
    Returns ``dA_prev`` (n[l-1], m), ``dW`` (n[l], n[l-1]), ``db`` (n[l], 1).
    """
    func = "linear_activation_backward"
    _, g_backward = get_activation(activation, func)
    if not isinstance(cache, tuple) or len(cache) != 2:
        raise TypeError(
            f"{func}: cache must be the tuple (linear_cache, Z) kept by linear_activation_forward, "
            f"got {v.describe(cache)}"
        )
    linear_cache, Z = cache
    A_prev, W, b = _check_linear_cache(func, linear_cache)
    dA = v.matrix(func, "dA", dA, "(n[l], m)")
    Z = v.matrix(func, "Z", Z, "(n[l], m)")
    for name, x in (("dA", dA), ("Z", Z)):
        if x.shape != (W.shape[0], A_prev.shape[1]):
            raise ValueError(
                f"{func}: {name} has shape {x.shape} but must be (n[l], m) = ({W.shape[0]}, {A_prev.shape[1]}), "
                f"the shape of Z[l] = W[l] A[l-1] + b[l] in the cache"
            )
    with v.values_trusted():  # everything was just checked under this function's name
        dZ = g_backward(dA, Z)
    return _linear_backward(dZ, A_prev, W, need_dA_prev)
