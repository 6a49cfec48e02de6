"""The cross-entropy cost and its gradient with respect to A[L].

J = -1/m sum( Y log(A[L]) + (1 - Y) log(1 - A[L]) )
dA[L] = dJ/dA[L] per example = -(Y / A[L]) + (1 - Y) / (1 - A[L])

AL and Y are (1, m). The minus sign in dA[L] matters: without it every
gradient points uphill.
"""
from __future__ import annotations

import numpy as np

from . import _validate as v


def _checked(func, AL, Y):
    """AL and Y checked ((1, m), AL in [0, 1], Y 0/1, Y in AL's dtype), AL clamped into (0, 1)."""
    AL = v.probabilities(func, AL)
    Y = v.labels(func, Y, AL.shape[1]).astype(AL.dtype, copy=False)
    # A sigmoid can round to exactly 0 or 1; log(0) is -inf and 1/0 is inf.
    # Clamping to one ulp inside (0, 1) keeps the cost and dA[L] finite while
    # changing nothing for any AL that is not already saturated.
    eps = np.finfo(AL.dtype).eps
    return np.clip(AL, eps, 1 - eps), Y


def compute_cost(AL, Y):
    """J = -1/m sum(Y log(AL) + (1 - Y) log(1 - AL)), a Python float.

    AL: (1, m) probabilities from the sigmoid output layer; Y: (1, m) labels 0/1.
    Finite even when AL is 0 or 1 to machine precision.
    """
    AL, Y = _checked("compute_cost", AL, Y)
    m = AL.shape[1]
    cost = -(1 / m) * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return float(cost)


def cost_backward(AL, Y):
    """dA[L] = -(Y / AL) + (1 - Y) / (1 - AL), element-wise; AL, Y, dA[L]: (1, m).

    This is the derivative of the loss of each example with respect to its
    prediction; the 1/m of the cost is applied later, in dW and db.
    """
    AL, Y = _checked("cost_backward", AL, Y)
    return -(Y / AL) + (1 - Y) / (1 - AL)
