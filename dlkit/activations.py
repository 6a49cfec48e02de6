"""Activation functions g(Z) and their backward steps dZ = dA * g'(Z).

Each forward takes ``Z`` of shape (n[l], m) and returns ``A = g(Z)`` of the
same shape; each backward takes ``dA`` and the cached ``Z`` (both (n[l], m))
and returns ``dZ[l] = dA[l] * g[l]'(Z[l])`` (element-wise product).
``ACTIVATIONS`` maps a name to its (forward, backward) pair.
"""
from __future__ import annotations

import numpy as np

from . import _validate as v

LEAKY_SLOPE = 0.01


def _z(func, Z):
    return v.matrix(func, "Z", Z, "(n[l], m)")


def _dA_Z(func, dA, Z):
    dA = v.matrix(func, "dA", dA, "(n[l], m)")
    Z = v.matrix(func, "Z", Z, "(n[l], m)")
    v.same_shape(func, "dA", dA, "Z", Z)
    return dA, Z


def sigmoid(Z):
    """A = sigmoid(Z) = 1 / (1 + exp(-Z)), element-wise. Z, A: (n[l], m)."""
    Z = _z("sigmoid", Z)
    # exp(-Z) overflows to inf for Z < -709; 1 / (1 + inf) is then exactly 0,
    # which is the right answer, so the overflow warning is only noise.
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(-Z))


def sigmoid_backward(dA, Z):
    """dZ = dA * g'(Z) with g'(Z) = s (1 - s), s = sigmoid(Z). dA, Z, dZ: (n[l], m)."""
    dA, Z = _dA_Z("sigmoid_backward", dA, Z)
    s = sigmoid(Z)
    return dA * s * (1 - s)


def relu(Z):
    """A = relu(Z) = max(0, Z), element-wise. Z, A: (n[l], m)."""
    Z = _z("relu", Z)
    return np.maximum(Z, 0)


def relu_backward(dA, Z):
    """dZ = dA * g'(Z) with g'(Z) = 1 where Z > 0, else 0. dA, Z, dZ: (n[l], m)."""
    dA, Z = _dA_Z("relu_backward", dA, Z)
    return dA * (Z > 0)


def tanh(Z):
    """A = tanh(Z), element-wise. Z, A: (n[l], m)."""
    return np.tanh(_z("tanh", Z))


def tanh_backward(dA, Z):
    """dZ = dA * g'(Z) with g'(Z) = 1 - tanh(Z)^2. dA, Z, dZ: (n[l], m)."""
    dA, Z = _dA_Z("tanh_backward", dA, Z)
    t = np.tanh(Z)
    return dA * (1 - t * t)


def leaky_relu(Z):
    """A = max(0.01 Z, Z), element-wise. Z, A: (n[l], m)."""
    Z = _z("leaky_relu", Z)
    return np.where(Z > 0, Z, LEAKY_SLOPE * Z)


def leaky_relu_backward(dA, Z):
    """dZ = dA * g'(Z) with g'(Z) = 1 where Z > 0, else 0.01. dA, Z, dZ: (n[l], m)."""
    dA, Z = _dA_Z("leaky_relu_backward", dA, Z)
    return dA * np.where(Z > 0, 1, LEAKY_SLOPE).astype(dA.dtype, copy=False)


ACTIVATIONS = {
    "sigmoid": (sigmoid, sigmoid_backward),
    "relu": (relu, relu_backward),
    "tanh": (tanh, tanh_backward),
    "leaky_relu": (leaky_relu, leaky_relu_backward),
}


def get_activation(name, func: str = "get_activation"):
    """Return the (forward, backward) pair for an activation's name, e.g. ``"relu"``."""
    if not isinstance(name, str):
        raise TypeError(f"{func}: activation must be a name such as 'relu', got {v.describe(name)}")
    try:
        return ACTIVATIONS[name]
    except KeyError:
        raise ValueError(
            f"{func}: unknown activation {name!r}; choose one of {sorted(ACTIVATIONS)}"
        ) from None
