"""The learner's dA[L] expression held against the wrong formulas it can be (model_backward).

:func:`source._dAL_formula` finds an assignment ``dAL = <expression of A[L] and Y>`` whose value is not
the lecture's -(Y / A[L] - (1 - Y) / (1 - A[L])). Before it says so in general, :func:`candidate`
evaluates the learner's own expression against two mistakes of that formula:

* ``dAL_swapped``: Y and A[L] trade places, -(A[L] / Y - (1 - A[L]) / (1 - Y)); checked at points whose Y
  is no label (0.6, 0.2, ...), so the expression can be evaluated where the labels would divide by zero;
* (said in ``dAL_formula``'s hint, :func:`grouping`) the expression's operators, bracketed otherwise
  (:mod:`regroup`, on a few entries of A[L] and labels Y), give the lecture's dA[L] (``(A[L] - Y) / A[L] * (1 - A[L])``, where the whole
  A[L] (1 - A[L]) is the denominator).

Scalars and tiny arrays only: cheap, and run only for an expression already known to be wrong.
"""
from __future__ import annotations

import re

import numpy as np

from . import regroup

# (A[L], Y) with Y strictly between 0 and 1: no division by a label, and A[L] and Y told apart
_OFF_LABEL = ((0.3, 0.6), (0.7, 0.2), (0.45, 0.85), (0.2, 0.35))
_AL = np.array([[0.3, 0.8, 0.6, 0.15]])
_Y = np.array([[1.0, 0.0, 1.0, 0.0]])


def _lecture(a, y):
    return -(y / a - (1 - y) / (1 - a))


def _close(u, v) -> bool:
    return abs(u - v) <= 1e-9 * max(1.0, abs(v))


def candidate(node, text, al, evaluate):
    """(rule, hint fields) for the learner's dA[L] expression ``node`` (source ``text``; ``al``: the name
    of A[L]; ``evaluate(node, env)``: source's scalar evaluator) when one of the known wrong formulas
    reproduces it, else None."""
    values = []
    for a, y in _OFF_LABEL:
        got = evaluate(node, {al: a, "Y": y})
        if got is None:
            values = None
            break
        values.append((a, y, got))
    if values and all(_close(g, _lecture(a, y)) for a, y, g in values):
        return None   # the lecture's dA[L]
    if values and all(_close(g, _lecture(y, a)) for a, y, g in values):
        return "dAL_swapped", {"code": text}
    return None


def grouping(text, al) -> str:
    """'; its operators ... gives dA[L]' when the learner's dA[L] expression ``text`` (``al``: the name of
    A[L]), bracketed otherwise (:mod:`regroup`), gives the lecture's dA[L]; else ''."""
    line = f"dAL = {text}"
    got = regroup.evaluate(line, {al: _AL.copy(), "Y": _Y.copy()})
    if type(got) is not np.ndarray or got.shape != _AL.shape or np.allclose(got, _lecture(_AL, _Y)):
        return ""
    with np.errstate(all="ignore"):
        found = regroup.regroup(line, {al: _AL.copy(), "Y": _Y.copy()}, got, _lecture(_AL, _Y))
    if found is None:
        return ""
    _, first, _, why, fixed = found
    same = re.fullmatch(r"your parentheses put `([*/@])` before `([*/@])`", why)
    if same:   # two operators of one precedence: Python's left-to-right order, whatever brackets the operands have
        why = f"`{same.group(1)}` and `{same.group(2)}` are done from left to right (Python's order of operations)"
    what = f"{why}, so `{first}` is computed first" if first is not None else why
    return (f"; it needs its parentheses in other places (operators grouped otherwise than the lecture): {what}; "
            f"`{fixed}`, with these brackets, gives dA[L]")
