"""Output forms: relations between a wrong activation output and the reference that the other
relations (relations.py) do not name, each said in plain words.

* ``right_except_where``: the learner's A equals the lecture's everywhere except on one region of Z
  the lecture talks about (Z == 0, Z < 0, Z > 0, Z <= 0, Z >= 0), and the region is exactly where the
  two differ: a mask or a branch that leaves those entries out (np.zeros_like filled through Z > 0 and
  Z < 0 leaves Z == 0 at 0), or a formula of its own there.
* ``list_not_array``: the right values, returned as a Python list (``.tolist()``, a comprehension),
  where the lecture's quantities are numpy arrays.
* ``softplus``: log(1 + e^Z), the smooth look-alike of ReLU, where max(0, Z) belongs.

Hooked at the start (list) and at the end (only when nothing else holds) of
``relations.single_case``; hints are templates in ``mistakes.RELATIONS``.
"""
from __future__ import annotations

import numpy as np

from . import compare
from .plain import fmt

# (region words, mask of Z); in this order: the most specific first
_REGIONS = (
    ("Z == 0 (Z exactly 0)", lambda Z: Z == 0),
    ("Z < 0 (the negative entries of Z)", lambda Z: Z < 0),
    ("Z > 0 (the positive entries of Z)", lambda Z: Z > 0),
    ("Z <= 0", lambda Z: Z <= 0),
    ("Z >= 0", lambda Z: Z >= 0),
)


def _why(region, zeros, part, want):
    if zeros and region.startswith("Z == 0"):
        return (f"the entries with Z exactly 0 are in neither of the masks Z > 0 and Z < 0 (nor in a branch for "
                f"each sign), so they stay 0, where {part} is {want} at Z = 0 and every entry needs its value: one "
                f"of the two masks must include 0 (Z >= 0, or Z <= 0)")
    if zeros:
        return (f"those entries of {part} are never filled: they stay 0, the value they started with (a mask or a "
                f"branch that covers only the other entries leaves them out); every entry of {part} needs its value, "
                f"whatever the sign of Z")
    return (f"there your {part} follows another formula than on the other entries, where the lecture's one formula "
            f"holds for every entry, whatever the sign of Z")


def list_relation(part, g, e):
    """[("list_not_array", fmt)] when ``g`` is a list or tuple holding ``e``'s values, else []."""
    if type(g) not in (list, tuple) or type(e) is not np.ndarray or e.ndim == 0:
        return []
    try:
        arr = np.asarray(g, dtype=np.float64)
    except (TypeError, ValueError):
        return []
    if arr.shape == e.shape and compare.close(arr, e.astype(np.float64)):
        kind = "list" if type(g) is list else "tuple"
        return [("list_not_array", {"part": part, "kind": kind})]
    return []


def softplus_relation(part, g64, e64, q):
    """[("softplus", fmt)] when the learner's A is log(1 + e^Z) (inf where e^Z overflows, as numpy gives it)."""
    Z = q.get("Z")
    if Z is None or type(Z) is not np.ndarray or Z.shape != g64.shape or g64.shape != e64.shape:
        return []
    with np.errstate(all="ignore"):
        Z = Z.astype(np.float64)
        soft = np.log1p(np.exp(Z))
        stable = np.logaddexp(0.0, Z)
        if compare.close(e64, stable) or not compare.close(e64, np.maximum(Z, 0)):
            return []     # the part is not ReLU's output here (a sigmoid layer, another quantity)
        finite = np.isfinite(g64)
        if not finite.any() or not np.array_equal(finite, np.isfinite(soft)) and not np.array_equal(finite, np.isfinite(stable)):
            return []
        if compare.close(g64[finite], stable[finite]):
            return [("softplus", {"part": part})]
    return []


def last_columns(part, g64, e64) -> bool:
    """True if the entries that differ are whole last columns (a loop over the examples stopping early,
    relations._partial): then a region of Z that coincides with them is said after the other relations."""
    differ = ~np.isclose(g64, e64, rtol=1e-4, atol=1e-7)
    cols = differ.any(axis=0)
    return bool(cols[-1] and np.array_equal(differ, np.broadcast_to(cols, differ.shape))
                and np.array_equal(cols, np.sort(cols)))


def region_relations(part, g64, e64, q):
    """[(relation, fmt)] for an activation output right everywhere but on one region of Z (see above)."""
    Z = q.get("Z")
    if Z is None or type(Z) is not np.ndarray or Z.shape != g64.shape or g64.shape != e64.shape or g64.ndim != 2:
        return []
    Z = Z.astype(np.float64)
    with np.errstate(all="ignore"):
        if not (compare.close(e64, 1 / (1 + np.exp(-Z))) or compare.close(e64, np.maximum(Z, 0))) \
                or np.all(g64 == 0) and g64.size > 1:
            return []   # only an activation's output A = g(Z); an output that is 0 everywhere is another story
    found = []
    with np.errstate(all="ignore"):
        if not np.isfinite(g64).all():
            return found
        differ = ~np.isclose(g64, e64, rtol=1e-4, atol=1e-7)
    if not differ.any() or differ.all() and g64.size > 1:
        return found
    for words, mask in _REGIONS:
        region = mask(Z)
        # left at 0 on the whole region (where the lecture's value is about 0 too, nothing shows), right elsewhere
        # (a one-entry case cannot split Z: the relation then holds when the other wrong cases say it too)
        if region.any() and ((~region).any() or g64.size == 1) and np.all(g64[region] == 0) and not differ[~region].any():
            found.append(("right_except_where", {"part": part, "region": words, "got": "it is left at 0",
                                                 "why": _why(words, True, part, fmt(e64[differ][0]))}))
            break
    return found
