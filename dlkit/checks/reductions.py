"""One number (or a 1-D array) where an array belongs, said as the reduction it is.

A learner who writes ``np.max([Z, 0 * Z])`` (no axis), ``np.sum(dA * mask)`` or ``np.mean(Z, axis=0)``
where an entry-by-entry result belongs gets back one number, or one value per column. When that is,
on every wrong case, a reduction (max, min, sum, mean over every entry, over axis 0 or over axis 1) of
the lecture's expected array or of one of the reference's quantities on the case (Z[l], A[l-1], dA[l],
...), the report says which reduction of which quantity it is and what belongs: an array of the
expected shape, entry by entry. Claims are checked on every wrong case; a constant expected array
(a 0 mask) or two quantities that give the same number are passed over (nothing is said).

Shapes: ``expected`` is the part's 2-D array (n, m); ``got`` a number (a 0-d array or numpy scalar)
or a 1-D array of n or m values, or a (1, m) / (n, 1) array where (n, m) belongs.
"""
from __future__ import annotations

import numpy as np

from . import compare

# name -> (numpy function, words)
REDUCE = {"max": (np.max,), "min": (np.min,), "sum": (np.sum,), "mean": (np.mean,)}
AXES = {None: "over every entry", 0: "over axis 0 (down each column)", 1: "over axis 1 (along each row)"}
CALL = {"max": "np.max", "min": "np.min", "sum": "np.sum", "mean": "np.mean"}
ENTRYWISE = {"max": "np.maximum(a, b) compares two arrays entry by entry",
             "min": "np.minimum(a, b) compares two arrays entry by entry"}


def _reductions(value):
    """[(name, axis, reduced array)] of a 2-D float array."""
    out = []
    for name, (fn,) in REDUCE.items():
        for axis in AXES:
            with np.errstate(all="ignore"):
                r = fn(value, axis=axis)
            out.append((name, axis, np.asarray(r, dtype=np.float64)))
    return out


def _fits(got, reduced):
    g = np.asarray(got, dtype=np.float64)
    if g.size != reduced.size or g.size == 0:
        return False
    return compare.close(g.reshape(-1), reduced.reshape(-1))


def _reduced_output(got, expected):
    """True when ``got`` has fewer entries than the 2-D ``expected`` (a reduction's shape)."""
    try:
        g = np.asarray(got, dtype=np.float64)
    except (TypeError, ValueError):
        return False
    return (type(expected) is np.ndarray and expected.ndim == 2 and expected.size > 1 and g.size < expected.size
            and g.ndim <= 2)


def explain(spec, part, wrong_runs, quantities_of):
    """(words, index of the case said) when the part is, on every wrong case, the same reduction of the
    same quantity (the expected array itself, or one of ``quantities_of(case)``: [(label, array)]); else
    None. The expected array is tried first: "the largest entry of A[l]" is the likelier reading."""
    said, common = None, None
    for index, (case, got_parts, _) in enumerate(wrong_runs):
        exp_parts, _ = spec.split(case.expected, case)
        got, exp = got_parts.get(part), exp_parts.get(part)
        if type(exp) is np.ndarray and exp.size <= 1:
            continue          # a (1, 1) case: one number is its only entry, nothing to tell
        if not _reduced_output(got, exp):
            return None
        if np.ptp(np.asarray(exp, dtype=np.float64)) == 0:
            continue          # a constant expected array: every reduction of it looks alike
        candidates = [("expected", exp)] + [(label, q) for label, q in quantities_of(case)
                                            if type(q) is np.ndarray and q.ndim == 2 and q.size > 1]
        hits = set()
        for label, q in candidates:
            for name, axis, r in _reductions(np.asarray(q, dtype=np.float64)):
                if _fits(got, r):
                    hits.add((label, name, axis))
        common = hits if common is None else common & hits
        if not common:
            return None
        said = index if said is None else said
    if not common or said is None:
        return None
    first = sorted(common, key=lambda h: (h[0] != "expected", h[1] not in ("max", "min"), str(h[2])))
    label, name, axis = first[0]
    if len({(lbl, ax) for lbl, n, ax in common if lbl == label}) > 1 and label != "expected":
        return None
    return (label, name, axis), said


def words(part, quantity, name, axis, shape_text):
    """The finding's sentence."""
    what = {"max": "the largest entry", "min": "the smallest entry", "sum": "the sum", "mean": "the mean"}[name]
    where = f", {AXES[axis]}" if axis is None else f" {AXES[axis]}"
    tail = f"; {ENTRYWISE[name]}" if name in ENTRYWISE else ""
    one = "one number" if axis is None else "one value per " + ("column" if axis == 0 else "row")
    call = f"{CALL[name]}(...{'' if axis is None else f', axis={axis}'})"
    return (f"Your {part} is {one}: {what} of {quantity}{where}. {call} reduces the array (a reduction), "
            f"where {part} is an array of shape {shape_text}, computed entry by entry{tail}.")


__all__ = ["explain", "words"]


def normalised(spec, part, wrong_runs):
    """(axis, index of the case said) when the part, wrong on every wrong case, has non-negative
    entries that sum to 1 down each column (axis 0) or along each row (axis 1) on every case with more
    than one row (column), while the right array does not: divided by a sum (a softmax), where an
    entry-by-entry function belongs. None otherwise."""
    axes, said = {0, 1}, None
    for index, (case, got_parts, _) in enumerate(wrong_runs):
        got, exp = got_parts.get(part), spec.split(case.expected, case)[0].get(part)
        if type(got) is not np.ndarray or type(exp) is not np.ndarray or got.shape != exp.shape or got.ndim != 2:
            return None
        g = np.asarray(got, dtype=np.float64)
        for axis in list(axes):
            if g.shape[axis] < 2:
                continue      # one unit (one example): every softmax is 1, nothing to tell
            # columns (rows) with an overflow (exp of a large Z: inf / inf) are left out, not held against it
            keep = np.all(np.isfinite(g), axis=axis)
            if not keep.any():
                continue
            part_g = np.compress(keep, g, axis=1 - axis)
            part_e = np.compress(keep, np.asarray(exp, dtype=np.float64), axis=1 - axis)
            ones = np.ones(int(keep.sum()))
            if not (np.all(part_g >= 0) and compare.close(part_g.sum(axis=axis), ones)) or \
                    compare.close(part_e.sum(axis=axis), ones):
                axes.discard(axis)
            elif said is None:
                said = index
    if len(axes) != 1 or said is None:
        return None
    return axes.pop(), said


def normalised_words(part, axis, shape_text):
    """The normalisation finding's sentence."""
    over = "down each column (over the units)" if axis == 0 else "along each row (over the examples)"
    return (f"Your {part} has entries that sum to 1 {over}: each entry is divided by a sum of entries "
            f"(a softmax or a normalisation), where {part} is computed entry by entry, each entry on its "
            f"own ({part} has shape {shape_text}).")


__all__ += ["normalised", "normalised_words"]
