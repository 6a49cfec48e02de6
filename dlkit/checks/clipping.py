"""A first wrong line that clips a lecture quantity: np.clip(x, lo, hi) (or np.minimum / np.maximum with
a number) where the lecture's value is not clipped.

:mod:`firstwrong` asks :func:`words` before it searches for an expression of the line's inputs: the
line's own bounds (numbers written in the call) are applied to the lecture's value, and when that gives
the learner's value (and not the lecture's) the value is said as the lecture quantity clipped. Values alone
cannot tell a clip from other functions (dA[L] has no entry inside [-1, 1], so clipping it to [-1, 1] is
its sign), so the bounds come from the line; the value decides whether they explain it.
"""
from __future__ import annotations

import ast

import numpy as np

_NP = ("np", "numpy")


def _number(node):
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        v = _number(node.operand)
        return None if v is None else -v
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return float(node.value)
    return None


def _bounds(line):
    """[(lo, hi)] of the clipping calls of the line (None for a side left open)."""
    try:
        tree = ast.parse((line or "").strip())
    except SyntaxError:
        return []
    out = []
    for n in ast.walk(tree):
        if not (isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and isinstance(n.func.value, ast.Name)
                and n.func.value.id in _NP) or n.keywords:
            continue
        nums = [_number(a) for a in n.args[1:]]
        if n.func.attr == "clip" and len(n.args) == 3 and None not in nums:
            out.append((nums[0], nums[1]))
        elif n.func.attr in ("minimum", "maximum") and len(n.args) == 2:
            v = _number(n.args[1]) if _number(n.args[0]) is None else _number(n.args[0])
            if v is not None:
                out.append((None, v) if n.func.attr == "minimum" else (v, None))
    return out


def words(line, value, expected, label):
    """'it is <label> clipped to [lo, hi] ...' when the line's bounds applied to the lecture's value give
    ``value``; else None."""
    try:
        g = np.asarray(value, dtype=np.float64)
        e = np.asarray(expected, dtype=np.float64)
    except (TypeError, ValueError):
        return None
    if g.shape != e.shape or g.size == 0 or np.allclose(g, e):
        return None
    found = _bounds(line)
    lo = [b[0] for b in found if b[0] is not None]
    hi = [b[1] for b in found if b[1] is not None]
    lo, hi = (max(lo) if lo else None), (min(hi) if hi else None)
    if lo is None and hi is None:
        return None
    if not np.allclose(g, np.clip(e, lo, hi)):
        return None
    cut = int(np.count_nonzero(~np.isclose(g, e)))
    where = f"[{lo:g}, {hi:g}]" if lo is not None and hi is not None else (
        f"at most {hi:g}" if hi is not None else f"at least {lo:g}")
    every = "every entry" if cut == g.size else f"{cut} of {g.size} entries"
    return (f"it is {label} clipped to {where} ({every} cut to the bound); the lecture's {label} is not clipped, "
            f"so leave its values as they are")
