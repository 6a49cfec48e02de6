"""A cache item taken from the wrong position: a name of the lecture holds another item of the cache.

When a dlkit block refuses an argument (``sigmoid_backward: dA has shape (2, 4) but Z has shape
(2, 3)``), one argument of the learner's call may be named like a lecture quantity (Z) and hold
another one of the case (W[l]): the learner's name and the value disagree. When the line that set
that name takes it out of the cache by position (``Z = cache[0][1]``), the position is said in the
cache's own structure: cache = (linear_cache, Z) with linear_cache = (A_prev, W, b), so cache[0][1]
is the second item of the linear cache, W[l], where Z[l] is cache[1] (the activation cache).
"""
from __future__ import annotations

import ast
import re

import numpy as np

# the structure of the assignment's caches, by container name: position -> (what it is, its lecture name)
STRUCTURE = {
    "cache": (("the linear cache", "linear_cache", (("A_prev", "A[l-1]"), ("W", "W[l]"), ("b", "b[l]"))),
              ("the activation cache", "Z", None)),
    "linear_cache": (("A_prev", "A[l-1]"), ("W", "W[l]"), ("b", "b[l]")),
}
ORDINAL = ("first", "second", "third", "fourth")
WHERE = {"Z": "cache[1]", "A_prev": "cache[0][0]", "W": "cache[0][1]", "b": "cache[0][2]"}
INPUTS = ("Z", "A_prev", "W", "b", "dA")


def _path(node):
    """('cache', [0, 1]) for cache[0][1], or None."""
    idx = []
    while isinstance(node, ast.Subscript):
        s = node.slice
        if not (isinstance(s, ast.Constant) and type(s.value) is int):
            return None
        idx.append(s.value)
        node = node.value
    if not isinstance(node, ast.Name) or not idx:
        return None
    return node.id, idx[::-1]


def _position(container, idx):
    """Words for item ``idx`` of the container named ``container`` ('cache', 'linear_cache'), or None."""
    key = container.lower().replace("_", "")
    key = "linear_cache" if key in ("linearcache", "lincache") else "cache" if key == "cache" else None
    if key is None:
        return None
    items = STRUCTURE[key]
    if key == "cache" and len(idx) == 2 and idx[0] == 0 and 0 <= idx[1] < 3:
        return f"the {ORDINAL[idx[1]]} item of the linear cache cache[0] = (A_prev, W, b)"
    if key == "linear_cache" and len(idx) == 1 and 0 <= idx[0] < 3:
        return f"the {ORDINAL[idx[0]]} item of linear_cache = (A_prev, W, b)"
    if key == "cache" and len(idx) == 1 and idx[0] in (0, 1):
        return f"{items[idx[0]][0]}, item {idx[0]} of cache = (linear_cache, Z)"
    return None


def wrong_item(L):
    """("cache_item_wrong", hint) for pyerrors' failing line ``L`` (a dlkit block refused an argument),
    or None."""
    from . import firstwrong, operands
    from .pyerrors import _callee
    from .specs import SPECS

    said = re.match(r"(\w+): ", L.message)
    if said is None or said.group(1) not in SPECS or said.group(1) == L.spec.name or L.stmt is None:
        return None
    calls = [n for n in L.nodes() if isinstance(n, ast.Call) and _callee(n) == said.group(1)]
    if len(calls) != 1:
        return None
    try:
        with np.errstate(all="ignore"):
            quantities = operands.pool(L.spec, L.case)
    except Exception:   # noqa: BLE001 - naming the value is a best effort
        return None
    for arg in calls[0].args:
        if not isinstance(arg, ast.Name):
            continue
        fam = firstwrong.family(arg.id)
        if fam not in INPUTS:
            continue
        ok, value = L.recorded(arg.id)
        if not ok or type(value) is not np.ndarray:
            continue
        named = operands.name(value, quantities, search=False)
        if named is None or named.family in (None, fam) or named.family not in INPUTS or named.transposed:
            continue
        own = firstwrong._label(fam, None)
        where = ""
        stores = L.assignments(arg.id)
        if stores and stores[-1][1] is not None:
            stmt, v = stores[-1]
            found = _path(v)
            pos = _position(*found) if found else None
            if pos is not None:
                right = f"; {own} is {WHERE[fam]}" + (", the activation cache" if fam == "Z" else "") \
                    if fam in WHERE else ""
                where = (f": {L.at(stmt)} (`{L.source_line(stmt)}`) takes {pos}, that is {named.label}, "
                         f"not {own}{right}")
        return "cache_item_wrong", (f"Your {arg.id} holds {named.label} (shape {tuple(value.shape)}), the wrong "
                                    f"item of the cache, where {own} belongs{where}. {said.group(1)} then "
                                    f"refuses it.")
    return None


__all__ = ["wrong_item"]
