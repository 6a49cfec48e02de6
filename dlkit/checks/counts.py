"""A count (L, m) taken from the wrong array or axis, said by what it counted (helper crashes2).

``L = len(AL)`` counts AL's rows (n[L] = 1), not the layers; ``m = X.shape[0]`` counts the rows of X
(n[0], the features), not the examples. At the first wrong line (:mod:`firstwrong`) whose quantity
is L or m, the line's count (``len(N)``, ``len(N) // k``, ``N.shape[k]``, ``np.shape(N)[k]``) of an
argument N is evaluated on the case; only when it gives the learner's value is it said: which array,
which axis (rows, columns, items, keys), and what the lecture counts instead.
"""
from __future__ import annotations

import ast

import numpy as np

RIGHT = {"L": {"caches": "len(caches) (one cache per layer)", "parameters": "len(parameters) // 2 (a W and a b per layer)",
               "layer_dims": "len(layer_dims) - 1 (n[0] is the input, not a layer)"},
         "m": {"X": "X.shape[1]", "Y": "Y.shape[1]", "AL": "AL.shape[1]", "A_prev": "A_prev.shape[1]",
               "dZ": "dZ.shape[1]", "dA": "dA.shape[1]", "Z": "Z.shape[1]"}}
WHAT = {"L": "the layers", "m": "the examples (the columns)"}


def _count(node):
    """(argument name, 'len' or axis k, divisor) of a count expression, or None."""
    div = 1
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.FloorDiv) and isinstance(node.right, ast.Constant) \
            and type(node.right.value) is int:
        node, div = node.left, node.right.value
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "len" and len(node.args) == 1 \
            and isinstance(node.args[0], ast.Name):
        return node.args[0].id, "len", div
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and type(node.slice.value) is int:
        base = node.value
        if isinstance(base, ast.Attribute) and base.attr == "shape" and isinstance(base.value, ast.Name):
            return base.value.id, node.slice.value, div
        if isinstance(base, ast.Call) and ast.unparse(base.func) in ("np.shape", "numpy.shape") and len(base.args) == 1 \
                and isinstance(base.args[0], ast.Name):
            return base.args[0].id, node.slice.value, div
    return None


def counted(spec, case, fam, line, value):
    """Words for the line's count of the wrong thing, or None."""
    if fam not in RIGHT:
        return None
    try:
        stmt = ast.parse((line or "").strip()).body[0]
    except (SyntaxError, IndexError):
        return None
    if not isinstance(stmt, ast.Assign) or len(stmt.targets) != 1:
        return None
    got = _count(stmt.value)
    args = dict(zip(getattr(spec, "arg_names", ()) or (), case.args))
    if got is None or got[0] not in args:
        return None
    name, how, div = got
    x = args[name]
    try:
        n = len(x) if how == "len" else np.shape(x)[how]
    except (TypeError, IndexError):
        return None
    if n // div != value:
        return None
    if how == "len" and isinstance(x, np.ndarray) and x.ndim == 2 or how == 0:
        part = f"the rows of {name} (axis 0, {np.shape(x)[0]})"
    elif how == 1:
        part = f"the columns of {name} (axis 1, {np.shape(x)[1]})"
    elif isinstance(x, dict):
        part = f"the keys of {name} ({len(x)})"
    elif how == "len":
        part = f"the items of {name} ({len(x)})"
    else:
        part = f"axis {how} of {name}"
    expr = ast.unparse(stmt.value)
    right = next((w for k, w in RIGHT[fam].items() if k in args and w.split(" (")[0] != expr), None)
    if right is None and fam == "m":
        right = f"{name}.shape[1]" if isinstance(x, np.ndarray) and x.ndim == 2 and how != 1 else None
    if right is None:
        return None
    return (f"`{expr}` counts {part}{f', divided by {div}' if div != 1 else ''}, not {WHAT[fam]}: "
            f"{fam} = {right}")


__all__ = ["counted"]
