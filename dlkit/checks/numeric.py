"""Numerical gradients of the learner's own forward, for localising a wrong backward step.

If the learner's backward output matches the centred difference
(f(x + h) - f(x - h)) / 2h of the learner's *own* forward, the backward is
consistent and any error is in the forward; if the forward's gradient is
right but the backward disagrees with it, the backward is wrong. The forward
is run through ``call``, like everything the learner wrote.
"""
from __future__ import annotations

import numpy as np

from .plain import LearnerError

H = 1e-4          # step: well below the 0.05 gap the cases keep between Z and ReLU's kink
RTOL = 2e-3       # finite differences are only accurate to O(h^2) and rounding


def roughly(a, b) -> bool:
    """Agreement up to finite-difference accuracy (both are plain arrays)."""
    if type(a) is not np.ndarray or type(b) is not np.ndarray or a.shape != b.shape:
        return False
    a = a.astype(np.float64)
    b = b.astype(np.float64)
    if not (np.isfinite(a).all() and np.isfinite(b).all()):
        return False
    scale = max(float(np.max(np.abs(b))) if b.size else 0.0, 1e-12)
    return bool(np.allclose(a, b, rtol=RTOL, atol=RTOL * scale))


def _first_array(out):
    """The forward's main output: the array itself, or the first item of (A, cache)."""
    if type(out) in (tuple, list) and out:
        out = out[0]
    return out if type(out) is np.ndarray and out.dtype.kind in "fiub" else None


def gradients(call, forward: str, args: tuple, wrt, objective):
    """d objective(forward(*args)) / d args[i] for i in ``wrt``, entry by entry.

    ``objective`` maps the forward's main output array to a number (or None if
    unusable). Returns {i: gradient array}, or None if the learner's forward
    fails, returns something unusable or runs out of time.
    """
    grads = {}
    for i in wrt:
        x = args[i]
        grad = np.zeros(x.shape, dtype=np.float64)
        for idx in np.ndindex(x.shape):
            values = []
            for step in (H, -H):
                moved = x.astype(np.float64, copy=True)
                moved[idx] += step
                new_args = args[:i] + (moved,) + args[i + 1:]
                try:
                    out, _ = call(forward, new_args)
                except LearnerError:
                    return None
                value = objective(_first_array(out))
                if value is None or not np.isfinite(value):
                    return None
                values.append(value)
            grad[idx] = (values[0] - values[1]) / (2 * H)
        grads[i] = grad
    return grads


def elementwise_slope(call, forward: str, Z):
    """g'(Z) for an element-wise activation g, from two calls: (g(Z + h) - g(Z - h)) / 2h."""
    outs = []
    for step in (H, -H):
        try:
            out, _ = call(forward, (Z + step,))
        except LearnerError:
            return None
        A = _first_array(out)
        if A is None or A.shape != Z.shape:
            return None
        outs.append(A.astype(np.float64))
    return (outs[0] - outs[1]) / (2 * H)


def weighted_sum(upstream):
    """objective(out) = sum(out * upstream), the scalar whose gradient a backward step computes."""
    def objective(out):
        if out is None or out.shape != upstream.shape:
            return None
        return float(np.sum(out.astype(np.float64) * upstream))
    return objective
