"""Relations on an output's structure: the outputs returned in the wrong order, a cache tuple
with an item too many or too few (named by what the item holds), a dict where a list belongs.

Like :mod:`relations`, a structure relation is reported only when it holds on every case
where the part is wrong; its id is ``<exercise>.<relation>`` with a hint in
``mistakes.RELATIONS``.
"""
from __future__ import annotations

from itertools import permutations

import numpy as np

from . import compare
from .mistakes import hint_for
from .result import Finding


def _agree(got, exp) -> bool:
    from .spec import agree   # spec imports this module

    return agree(got, exp)


def outputs_order(spec, raw):
    """A Finding when the learner returns the exercise's outputs in another order on every case, else None.

    ``raw`` is [(case, output)]; the outputs are named by ``spec.parts`` (a tuple of as many outputs).
    """
    names = spec.parts
    seen = None
    for case, out in raw:
        exp = case.expected
        if type(exp) is not tuple or type(out) not in (tuple, list) or len(out) != len(exp) != 1 \
                or len(names) != len(exp):
            return None
        if _agree(tuple(out), exp):
            continue
        fits = [p for p in permutations(range(len(exp))) if p != tuple(range(len(exp)))
                and all(_agree(out[i], exp[j]) for i, j in enumerate(p))]
        # the cases vote: one order that fits every wrong case
        seen = set(fits) if seen is None else seen & set(fits)
        if not seen:
            return None
    if not seen:
        return None
    order = min(seen)
    got = ", ".join(names[j] for j in order)
    want = ", ".join(names)
    return Finding(f"{spec.name}.outputs_order", hint_for(f"{spec.name}.outputs_order", got=got, want=want),
                   [f"Your function returns ({got}); return {want}."])


def _name_of(value, q):
    """What an item of a cache holds, in the lecture's words ('Z', 'A', 'linear_cache'), or None."""
    if type(value) is tuple and len(value) == 3 and all(k in q for k in ("A_prev", "W", "b")) \
            and _agree(value, (q["A_prev"], q["W"], q["b"])):
        return "linear_cache (A_prev, W, b)"
    if type(value) is np.ndarray:
        for name, v in q.items():
            if type(v) is np.ndarray and v.shape == value.shape and compare.close(value, v):
                return name
    return None


def _items(exp, q):
    return "(" + ", ".join(_name_of(v, q) or "..." for v in exp) + ")"


def _tuple_relation(got, exp, q, label):
    """(relation, fmt) for a tuple ``got`` that is ``exp`` with one item too many or too few, or is one
    of its items alone; looks inside nested tuples (linear_cache in cache)."""
    if type(exp) is not tuple or type(got) not in (tuple, list):
        return None
    got = tuple(got)
    if len(got) == len(exp) + 1:
        for i in range(len(got)):
            if _agree(got[:i] + got[i + 1:], exp):
                return "cache_extra_item", {"part": label, "what": _name_of(got[i], q) or "an extra value",
                                            "items": _items(exp, q)}
    if len(got) == len(exp) - 1:
        for i in range(len(exp)):
            if _agree(got, exp[:i] + exp[i + 1:]):
                return "cache_missing_item", {"part": label, "what": _name_of(exp[i], q) or f"item {i}",
                                              "items": _items(exp, q)}
    for i, item in enumerate(exp):
        if type(item) is tuple and _agree(got, item):
            rest = [_name_of(v, q) or "..." for j, v in enumerate(exp) if j != i]
            return "cache_only_item", {"part": label, "what": _name_of(item, q) or f"item {i}",
                                       "missing": ", ".join(rest), "items": _items(exp, q)}
    if len(got) == len(exp):
        wrong = [i for i in range(len(exp)) if not _agree(got[i], exp[i])]
        if len(wrong) == 1:
            return _tuple_relation(got[wrong[0]], exp[wrong[0]], q, f"{label}[{wrong[0]}]")
    return None


def _dict_for_list(got, exp, label):
    if type(exp) is list and type(got) is dict and len(got) == len(exp) \
            and _agree(list(got.values()), exp):
        return "caches_dict", {"part": label}
    return None


def explain(spec, part, bad_runs):
    """A Finding for a wrong part whose structure relation holds on every wrong case, else None."""
    first = None
    for case, got_parts, wrong in bad_runs:
        exp = spec.split(case.expected, case)[0][part]
        got = got_parts.get(part)
        q = spec.quantities(case)
        rel = _dict_for_list(got, exp, part) or _tuple_relation(got, exp, q, part)
        if rel is None or first is not None and rel[0] != first[0]:
            return None
        first = first or rel
    if first is None:
        return None
    rid, fmt = first
    case, _, wrong = bad_runs[0]
    return Finding(f"{spec.name}.{rid}", hint_for(f"{spec.name}.{rid}", **fmt), [f"With {case.label}: {wrong[part]}."])


__all__ = ["explain", "outputs_order"]
