"""The L-layer model: the forward chain, the backward chain, updates, predictions.

Forward chain: A[0] = X, then for l = 1..L: A[l] = g[l](W[l] A[l-1] + b[l]),
with ReLU (or another hidden activation) for l = 1..L-1 and sigmoid for l = L.
Backward chain: start from dA[L] = -(Y/A[L]) + (1-Y)/(1-A[L]) and, for
l = L..1, turn dA[l] into dW[l], db[l] and dA[l-1].

X: (n[0], m); Y and A[L]: (1, m); ``caches[l-1]`` is layer l's cache.
"""
from __future__ import annotations

import numpy as np

from . import _validate as v
from .activations import get_activation
from .layers import linear_activation_backward, linear_activation_forward, linear_backward
from .losses import cost_backward


def model_forward(X, parameters, hidden_activation="relu"):
    """A[0] = X, then A[l] = g[l](W[l] A[l-1] + b[l]) for l = 1..L.

    X: (n[0], m). Returns A[L] and the list of the L caches ``(linear_cache, Z)``.
    Layers 1..L-1 use ``hidden_activation`` (ReLU by default), layer L uses
    sigmoid. Returns ``AL`` (1, m) and ``caches``.
    """
    func = "model_forward"
    get_activation(hidden_activation, func)
    L = v.layer_count(func, parameters)
    X = v.matrix(func, "X", X, "(n[0], m)")
    n0 = np.shape(parameters["W1"])[1]
    if X.shape[0] != n0:
        raise ValueError(f"{func}: X has {X.shape[0]} rows but W1 expects n[0] = {n0} input features; X must be (n[0], m)")
    if np.shape(parameters[f"W{L}"])[0] != 1:
        raise ValueError(f"{func}: the output layer W{L} must have n[L] = 1 row for binary classification, got shape {np.shape(parameters[f'W{L}'])}")
    caches = []
    A = X
    with v.values_trusted():  # inputs scanned once above, not once per layer
        for l in range(1, L + 1):
            activation = hidden_activation if l < L else "sigmoid"
            A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], activation)
            caches.append(cache)
    return A, caches


def _check_caches(func, caches, AL):
    """Check caches is model_forward's list of (linear_cache, Z), finite, and matches AL; return L."""
    v.finite_caches(func, caches)
    ZL = caches[-1][1]
    if np.shape(ZL) != AL.shape:
        raise ValueError(
            f"{func}: AL has shape {AL.shape} but the last cache holds Z[L] of shape {np.shape(ZL)}; "
            f"AL and caches must come from the same model_forward call"
        )
    return len(caches)


def model_backward(AL, Y, caches, hidden_activation="relu", *, output_shortcut=False, need_dA0=True):
    """Gradients of the cost for every layer, from dA[L] back to dA[0].

    Starts from dA[L] = -(Y/A[L]) + (1-Y)/(1-A[L]); then, for l = L..1, each
    layer's backward step gives dW[l], db[l] and dA[l-1] = W[l]^T dZ[l], so
    that dZ[l] = W[l+1]^T dZ[l+1] * g[l]'(Z[l]).

    AL, Y: (1, m); ``caches`` from model_forward. Returns a dict with
    ``dA{l-1}`` (n[l-1], m), ``dW{l}`` (n[l], n[l-1]) and ``db{l}`` (n[l], 1)
    for l = 1..L (so keys dA0..dA{L-1}, dW1..dWL, db1..dbL).

    ``output_shortcut=True`` uses dZ[L] = A[L] - Y, which is what
    dA[L] * sigmoid'(Z[L]) simplifies to when sigmoid meets cross-entropy
    (one subtraction instead of two divisions and a sigmoid). ``need_dA0=False``
    skips dA[0], which the lecture computes and discards.
    """
    func = "model_backward"
    get_activation(hidden_activation, func)
    AL = v.probabilities(func, AL)
    L = _check_caches(func, caches, AL)
    Y = v.labels(func, Y, AL.shape[1]).astype(AL.dtype, copy=False)
    grads = {}
    with v.values_trusted():
        if output_shortcut:
            dZ = AL - Y
            linear_cache, _ = caches[L - 1]
            dA_prev, dW, db = linear_backward(dZ, linear_cache, need_dA_prev=need_dA0 or L > 1)
        else:
            dAL = cost_backward(AL, Y)
            dA_prev, dW, db = linear_activation_backward(dAL, caches[L - 1], "sigmoid", need_dA_prev=need_dA0 or L > 1)
        grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = dA_prev, dW, db
        for l in range(L - 1, 0, -1):
            dA_prev, dW, db = linear_activation_backward(
                grads[f"dA{l}"], caches[l - 1], hidden_activation, need_dA_prev=need_dA0 or l > 1
            )
            grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = dA_prev, dW, db
    if not need_dA0:
        del grads["dA0"]
    return grads


def update_parameters(parameters, grads, learning_rate, *, inplace=False):
    """Gradient descent: W[l] := W[l] - alpha dW[l], b[l] := b[l] - alpha db[l], for l = 1..L.

    Returns the updated parameters dict (a new one unless ``inplace=True``,
    which updates the arrays where they are and saves a copy per layer).
    """
    func = "update_parameters"
    L = v.layer_count(func, parameters)
    learning_rate = v.positive_number(func, "learning_rate", learning_rate)
    if not isinstance(grads, dict):
        raise TypeError(f"{func}: grads must be the dict returned by model_backward, got {v.describe(grads)}")
    v.same_layers(func, grads, L)
    updated = parameters if inplace else {}
    for l in range(1, L + 1):
        for p in ("W", "b"):
            key = f"{p}{l}"
            if f"d{key}" not in grads:
                raise ValueError(f"{func}: grads has no 'd{key}'; it needs dW1..dW{L} and db1..db{L}")
            param = np.asarray(parameters[key])
            g = v.matrix(func, f"grads['d{key}']", grads[f"d{key}"], str(param.shape))
            if g.shape != param.shape:
                raise ValueError(f"{func}: grads['d{key}'] has shape {g.shape} but {key} has shape {param.shape}; they must match")
            if inplace and type(parameters[key]) is np.ndarray and param.dtype.kind == "f" and param.flags.writeable:
                param -= learning_rate * g
            else:  # a new array (for inplace=True too when W[l] is a list or integers: those cannot be updated in place)
                updated[key] = param - learning_rate * g
    return updated


def predict(X, parameters, hidden_activation="relu", threshold=0.5):
    """Predicted labels (1, m) of 0/1 integers: 1 where A[L] > threshold."""
    v.positive_number("predict", "threshold", threshold, allow_zero=True)
    if threshold >= 1:
        raise ValueError(f"predict: threshold must be a probability below 1, got {threshold!r}")
    AL, _ = model_forward(X, parameters, hidden_activation)
    return (AL > threshold).astype(np.int64)


def accuracy(predictions, Y):
    """Fraction of the m examples where predictions (1, m) equal the labels Y (1, m)."""
    func = "accuracy"
    P = v.labels(func, predictions, name="predictions")
    Y = v.labels(func, Y, P.shape[1])
    return float(np.mean(P == Y))
