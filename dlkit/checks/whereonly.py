"""Right on part of the array only: the first n[l] columns (a column loop bounded by the row count).

A double loop ``for i in range(n): for j in range(n)`` with the rows' count for both indices reaches
only the first n[l] columns of an (n[l], m) array: on the columns j >= n[l] the output keeps what the
array held before the loop (an input quantity such as dA[l], or 0). Said when, on a case with m > n[l] >= 2 (one
row: "right on the first column" is as likely a coincidence), the first n[l] columns are right, the others are not all right, and every column from n[l] on is one
input quantity of the case (the array the loop started from) or 0.
"""
from __future__ import annotations

import numpy as np

from . import compare

NAMES = {"dA": "dA[l]", "Z": "Z[l]", "A": "A[l]", "A_prev": "A[l-1]", "dZ": "dZ[l]"}


def columns_up_to_rows(part, g, e, q):
    """[("columns_up_to_rows", fmt)] when ``g`` is ``e`` on its first n = rows columns only and, from
    column n on, a quantity of ``q`` (or 0) left as it was; else []."""
    if g.ndim != 2 or g.shape != e.shape:
        return []
    n, m = g.shape
    if n < 2 or m <= n or not compare.close(g[:, :n], e[:, :n]) or compare.close(g[:, n:], e[:, n:]):
        return []
    rest = g[:, n:]
    held = None
    if not np.any(rest):
        held = "0"
    else:
        for name, v in q.items():
            if type(v) is np.ndarray and v.shape == g.shape and name in NAMES and compare.close(rest, v[:, n:]) \
                    and not compare.close(v, e):
                held = f"{NAMES[name]} as it was"
                break
    if held is None:
        return []
    return [("columns_up_to_rows", {"part": part, "n": n, "m": m, "held": held,
                                    "index": list(range(n, m))})]


__all__ = ["columns_up_to_rows"]
