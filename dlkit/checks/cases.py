"""Random cases that are mathematically consistent, so every correct formulation passes.

Shapes vary (non-square layers, m = 1, larger m, several depths); values stay
away from the places where correct formulas legitimately differ (Z close to 0
in composites, where a numerical gradient of ReLU is unreliable), and reach the
edges the notebooks talk about where every correct formula agrees: |Z| in the
hundreds (800 to 1000, where np.exp overflows) for the activations and their slopes, Z exactly 0 for ReLU's slope, A[L] exactly 0 or
1 (on the label that makes its term vanish) for the cost.
Caches are built by dlkit's own forward pass, so A really is g(Z) and A[L]
really is sigmoid(Z[L]): the shortcut dZ[L] = A[L] - Y is then exact.
"""
from __future__ import annotations

import numpy as np

import dlkit

# (n[l], n[l-1], m) for single-layer cases, cycled by the case index: a
# single unit, m = 1, a square layer (where transposes keep their shape), a wide batch.
LAYER_SHAPES = [(3, 4, 5), (1, 3, 1), (3, 3, 3), (2, 5, 12), (4, 2, 7), (3, 6, 40)]
# layer_dims for model cases: 1 to 3 layers, a chain of 1-unit layers where a
# reused dA[L] keeps its shape, and equal widths where feeding X to every layer still runs.
MODEL_DIMS = [[4, 3, 1], [2, 1, 1], [3, 3, 3, 1], [3, 1], [3, 5, 2, 1]]
MODEL_M = [4, 3, 6, 1, 32]


def away_from_zero(x: np.ndarray, gap: float = 0.1) -> np.ndarray:
    """Push entries with |x| < gap out to +-gap (so ReLU's slope is defined without doubt)."""
    x = np.array(x, dtype=np.float64)
    small = np.abs(x) < gap
    x[small] = np.where(x[small] >= 0, gap, -gap) + x[small]
    return x


def values(rng: np.random.Generator, shape, scale: float = 1.0) -> np.ndarray:
    """Random entries rounded to 2 decimals (readable, and exactly the same on every machine)."""
    return np.round(away_from_zero(rng.standard_normal(shape) * scale, 0.05), 2)


def linear_inputs(rng: np.random.Generator, i: int):
    """A_prev (n[l-1], m), W (n[l], n[l-1]), b (n[l], 1) with Z = W A_prev + b away from 0."""
    n, n_prev, m = LAYER_SHAPES[i % len(LAYER_SHAPES)]
    for _ in range(50):
        A_prev = values(rng, (n_prev, m))
        W = values(rng, (n, n_prev), 0.8)
        b = values(rng, (n, 1), 0.5)
        Z = W @ A_prev + b
        if np.min(np.abs(Z)) > 0.05:
            break
    return A_prev, W, b


def with_edges(Z: np.ndarray, rng: np.random.Generator, zeros: bool = False, low=800, high=1000) -> np.ndarray:
    """Z with its first entry a large positive number and its last a large negative one (from
    ``low`` to ``high``: past 709, np.exp overflows in float64) and, with ``zeros``, its second
    entry exactly 0 (where ReLU's slope is taken to be 0). Arrays of fewer than 4 entries are left
    as they are."""
    Z = np.array(Z, dtype=np.float64)
    if Z.size >= 4:
        big = float(np.round(rng.uniform(low, high)))
        Z.flat[0], Z.flat[-1] = big, -big
        if zeros:
            Z.flat[1] = 0.0
    return Z


def saturated(AL: np.ndarray, Y: np.ndarray) -> np.ndarray:
    """A[L] rounded to exactly 0 on one example with y = 0 and to exactly 1 on one with y = 1 (and within
    1e-12 of them on two others), never the first or the last example, as a
    sigmoid in float64 does for |Z| > 37: only a clipped (or otherwise guarded) log stays finite.
    The cost is still defined without doubt: whatever the clipping's eps, these terms are ~0."""
    AL = np.array(AL, dtype=np.float64)
    if AL.shape[1] >= 5:
        # inner examples only: an example whose loss is ~0 hides a loop that leaves it out, and a
        # loop over range(m - 1) or range(1, m) leaves out the last or the first one
        inner = np.arange(AL.shape[1])[1:-1]
        zero, one = inner[Y[0, 1:-1] == 0], inner[Y[0, 1:-1] == 1]
        if zero.size:
            AL[0, zero[-1]] = 0.0
        if one.size:
            AL[0, one[-1]] = 1.0
        # and within 1e-12 of them on two more such examples (a sigmoid of |Z| near 28 does that)
        if zero.size >= 2:
            AL[0, zero[-2]] = 1e-12
        if one.size >= 2:
            AL[0, one[-2]] = 1 - 1e-12
    return AL


def labels(rng: np.random.Generator, m: int) -> np.ndarray:
    """Y (1, m) of 0/1 labels, holding both classes when m >= 2."""
    Y = (rng.random((1, m)) < 0.5).astype(np.float64)
    if m >= 2:
        Y[0, 0], Y[0, 1] = 0.0, 1.0
    return Y


def probabilities(rng: np.random.Generator, m: int) -> np.ndarray:
    """A[L] (1, m) in [0.05, 0.95]: predictions a cost can be computed for in any formulation."""
    return np.round(rng.uniform(0.05, 0.95, (1, m)), 3)


def model_inputs(rng: np.random.Generator, i: int):
    """X (n[0], m), parameters for MODEL_DIMS[i], Y (1, m); every Z[l] away from 0."""
    dims = MODEL_DIMS[i % len(MODEL_DIMS)]
    m = MODEL_M[i % len(MODEL_M)]
    for _ in range(100):
        X = values(rng, (dims[0], m))
        parameters = {}
        for l in range(1, len(dims)):
            parameters[f"W{l}"] = values(rng, (dims[l], dims[l - 1]), 1.0 / np.sqrt(dims[l - 1]) + 0.3)
            parameters[f"b{l}"] = values(rng, (dims[l], 1), 0.3)
        _, caches = dlkit.model_forward(X, parameters)
        zs = [cache[1] for cache in caches]
        # every Z away from 0, and some hidden units active so gradients flow
        if all(np.min(np.abs(Z)) > 0.02 for Z in zs) and all(np.mean(Z > 0) > 0.2 for Z in zs[:-1]):
            break
    return X, parameters, labels(rng, m)
