"""A wrong output outside the range its quantity can take, said first (values2, issue 12).

A sigmoid's values lie in (0, 1), ReLU's in [0, inf), the cost J is never negative. A learner's value
outside that range is a fact that needs no guess at the cause ("A has values above 1 (up to 4.2)"): no
way of computing that quantity can give it, so the formula itself is another one. :func:`said` finds it
on the wrong cases of a run; :func:`prepend` puts the sentence in front of the report's first finding
(its id and the rest of its words stay: the range says THAT the value is impossible, the finding WHAT
it is).
"""
from __future__ import annotations

import numpy as np

from .result import Finding

__all__ = ["said", "prepend"]

_PROB = (0.0, 1.0, True)      # (low, high, open at both ends): a probability, the sigmoid's values
_NONNEG = (0.0, None, False)  # [0, inf): ReLU's values, the cost


# why the range holds, in the lecture's words
_SIG = "every value of the sigmoid, 1 / (1 + e^-Z), lies in (0, 1)"
_RELU = "ReLU's values, max(0, Z), are never negative"


def _range(spec, part, case):
    """(low, high, open, what) for the ``part`` of ``spec``'s output on ``case``, or None."""
    name = spec.name
    if part == "A" and name == "sigmoid":
        return _PROB + (_SIG,)
    if part == "A" and name == "relu":
        return _NONNEG + (_RELU,)
    if part == "A" and name == "linear_activation_forward":
        act = case.args[3] if len(case.args) > 3 else None
        if act == "sigmoid":
            return _PROB + (_SIG,)
        if act == "relu":
            return _NONNEG + (_RELU,)
    if part == "AL" and name == "model_forward":
        return _PROB + ("A[L] is the output layer's sigmoid, a probability in (0, 1)",)
    if part == "cost" and name == "compute_cost":
        return _NONNEG + ("the cross-entropy J is never negative: each example's loss, -log of a probability, is at "
                          "least 0",)
    return None


def _fmt(x) -> str:
    return f"{x:.4g}"


def said(spec, runs):
    """'A has values above 1 (up to 4.161 on the case with A_prev (3, 4), ...), outside (0, 1), where ...'
    for the first part whose learner values on a wrong case fall outside the part's range; else None.

    ``runs``: [(case, got parts, wrong parts)] as :meth:`Spec.run` keeps them."""
    for part in spec.parts:
        for case, got, wrong in runs:
            if not wrong.get(part) or part not in got:
                continue
            rng = _range(spec, part, case)
            if rng is None:
                continue
            g = got[part]
            if type(g) in (int, float, np.float64, np.float32):
                g = np.asarray(g, dtype=np.float64)
            if type(g) is not np.ndarray or g.dtype.kind not in "fiu":
                continue
            g = g.astype(np.float64)
            fin = g[np.isfinite(g)]
            if fin.size == 0:
                continue
            low, high, is_open, what = rng
            lo, hi = float(fin.min()), float(fin.max())
            tol = 1e-9
            below, above = lo < low - tol, high is not None and hi > high + tol
            if not (below or above):
                continue
            inside = f"({_fmt(low)}, {_fmt(high)})" if high is not None else f"[{_fmt(low)}, inf)"
            if g.ndim == 0:
                where = f"is {_fmt(lo)}, below {_fmt(low)}"
            elif below and above:
                where = f"has values below {_fmt(low)} and above {_fmt(high)} (from {_fmt(lo)} to {_fmt(hi)})"
            elif above:
                where = f"has values above {_fmt(high)} (up to {_fmt(hi)})"
            else:
                where = f"has values below {_fmt(low)} (down to {_fmt(lo)})"
            return (f"{part} {where} on the case with {case.label}, outside {inside}: {what}; no way of computing "
                    f"{part} gives such a value, so the formula is another one.")
    return None


def prepend(spec, runs, findings):
    """``findings`` with :func:`said`'s sentence in front of the first one's hint (id and details kept)."""
    if not findings:
        return findings
    sentence = said(spec, runs)
    if sentence is None:
        return findings
    first = findings[0]
    return [Finding(first.id, f"{sentence} {first.hint}", first.details, generic=first.generic)] + findings[1:]
