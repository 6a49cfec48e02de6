"""A 2-D array indexed with row numbers alone: whole rows set where single entries belong.

At the first wrong line (:mod:`firstwrong`), a store ``X[idx] = v`` whose one index (no comma) is, on
the case, a 1-D array of whole numbers sets every column of those rows. When the lecture's step sets
single entries (dZ[l] = 0 where Z[l] <= 0), that is said: ``np.where(cond)`` gives one index array per
dimension (rows, then columns), and its [0] alone is the rows; the mask itself (X[cond] = 0) or the
whole tuple (X[np.where(cond)] = 0) picks the entries.
"""
from __future__ import annotations

import ast

import numpy as np


def rows_only(line, names, after=None):
    """Words for ``line`` (``X[idx] = v``) indexing the 2-D X with one array of row numbers, or None;
    ``names``: the values the line read, as it found them; ``after``: X as the line left it (the index,
    replayed, must give it)."""
    from .swaps import _Unsafe, _check, _eval

    try:
        body = ast.parse((line or "").strip()).body
    except SyntaxError:
        return None
    if len(body) != 1 or not isinstance(body[0], (ast.Assign, ast.AugAssign)):
        return None
    stmt = body[0]
    target = stmt.targets[0] if isinstance(stmt, ast.Assign) else stmt.target
    if not isinstance(target, ast.Subscript) or not isinstance(target.value, ast.Name) \
            or isinstance(target.slice, (ast.Tuple, ast.Slice)):
        return None
    array = names.get(target.value.id)
    if type(array) is not np.ndarray or array.ndim != 2 or array.shape[1] < 2:
        return None
    try:
        _check(target.slice, names)
    except _Unsafe:
        return None
    idx = _eval(target.slice, names)
    if type(idx) is not np.ndarray or idx.ndim != 1 or idx.size == 0 or idx.dtype.kind not in "iu":
        return None
    if after is not None and isinstance(stmt, ast.Assign):
        rhs = _eval(stmt.value, names) if _safe(stmt.value, names) else None
        replay = array.copy()
        try:
            replay[idx] = rhs
        except Exception:   # noqa: BLE001 - the replay does not fit: say nothing
            return None
        if type(after) is not np.ndarray or after.shape != replay.shape or not np.allclose(after, replay, equal_nan=True):
            return None
    x, text = target.value.id, ast.unparse(target.slice)
    rows = sorted({int(i) for i in idx})
    where = ""
    s = target.slice
    if isinstance(s, ast.Subscript) and isinstance(s.value, ast.Call) and ast.unparse(s.value.func) in (
            "np.where", "numpy.where", "np.nonzero", "numpy.nonzero") and s.value.args:
        cond = ast.unparse(s.value.args[0])
        fn = ast.unparse(s.value.func)
        where = (f"; {fn}({cond}) gives one index array per dimension (the rows, then the columns), and "
                 f"{text} keeps the row numbers only: index with the mask itself, {x}[{cond}], or with the whole "
                 f"tuple, {x}[{fn}({cond})]")
    return (f"`{x}[{text}]` indexes the 2-D {x} with one array of row numbers ({', '.join(map(str, rows))}), so "
            f"every column of those rows, the whole row, is set, where only single entries belong{where}")


def _safe(node, names) -> bool:
    from .swaps import _Unsafe, _check
    try:
        _check(node, names)
    except _Unsafe:
        return False
    return True


__all__ = ["rows_only"]
