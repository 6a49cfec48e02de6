"""Another activation's slope where the sigmoid's belongs, said by name.

:mod:`concepts` says a wrong part of the learner's expression as "X is used instead of
sigmoid'(Z[l])"; when X is, on the case, the slope of tanh written with the sigmoid's value
(1 - s^2, s = sigmoid(Z): tanh's g' = 1 - tanh(Z)^2 with s in tanh's place), the words name it: the two activations' slopes are told apart (g'(Z) = s (1 - s)).
"""
from __future__ import annotations

import numpy as np

RTOL, ATOL = 1e-5, 1e-8


def other_slope(f, r, value):
    """Words for the part ``f`` standing where the sigmoid's slope ``r`` belongs, or None; ``value``
    evaluates a tree (concepts._value bound to the case's quantities)."""
    if r.op != "sigmoid'" or not r.args:
        return None
    fv, zv = value(f), value(r.args[0])
    if fv is None or zv is None or np.shape(fv) != np.shape(zv):
        return None
    with np.errstate(all="ignore"):
        z = np.asarray(zv, dtype=np.float64)
        s = 1 / (1 + np.exp(-z))
        g = np.asarray(fv, dtype=np.float64)
        if np.allclose(g, s * (1 - s), rtol=RTOL, atol=ATOL):
            return None
        if np.allclose(g, 1 - s ** 2, rtol=RTOL, atol=ATOL):
            return (f"{f.text} is used instead of {r.text}: 1 - s^2 with s = sigmoid(Z) is the form of tanh's "
                    f"slope (1 - tanh(Z)^2), where the sigmoid's slope s (1 - s) belongs")
    return None


__all__ = ["other_slope"]
