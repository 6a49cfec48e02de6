"""Relations on an output's structure: the outputs returned in the wrong order, a cache tuple
with an item too many or too few (named by what the item holds), a dict where a list belongs,
a caches list of the right caches but not one per layer in the order 1..L (one cache alone, the
caches reversed or shuffled, a layer's cache missing or kept twice: said by layer, diag11).

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


def _layers_text(ls) -> str:
    ls = [str(x) for x in ls]
    return ", ".join(ls[:-1]) + (" and " if len(ls) > 1 else "") + ls[-1] if ls else "none"


CACHES_LIST = ("caches_one_cache", "caches_order", "caches_layers", "caches_items")


def _caches_list(got, exp, label):
    """(relation, fmt) for a caches list whose items are the layers' right caches, but not one per layer
    in the order 1..L: one cache alone where the list belongs, the caches in another order (reversed,
    inserted at 0), some layers' caches missing or kept twice. Each said by layer number."""
    if type(exp) is not list or not exp or not all(type(c) is tuple and len(c) == 2 for c in exp):
        return None
    L = len(exp)
    if type(got) not in (tuple, list):
        return None

    def layer_of(item):
        return next((j + 1 for j, c in enumerate(exp) if _agree(item, c)), None)

    alone = layer_of(got) if len(got) == 2 and type(got[0]) in (tuple, list) and len(got[0]) == 3 else None
    if alone is not None:
        whose = f"the output layer's (layer {alone} = L)" if alone == L else f"layer {alone}'s"
        return "caches_one_cache", {"part": label, "words": (
            f"{label} is one cache, {whose} (linear_cache, Z), not the list of the L = {L} caches, one per layer: "
            f"the list is replaced by that one cache")}
    if len(got) == 2 * L and all(_agree((got[2 * j], got[2 * j + 1]), exp[j]) for j in range(L)):
        return "caches_layers", {"part": label, "words": (
            f"{label} holds {2 * L} items for L = {L} layers, two items per layer: each layer's linear_cache and Z one "
            f"after the other, as separate items, where one cache (linear_cache, Z) per layer belongs")}
    seq = [layer_of(item) for item in got]
    if not seq or None in seq or seq == list(range(1, L + 1)):
        return None
    if sorted(seq) == list(range(1, L + 1)):
        if seq == list(range(L, 0, -1)):
            words = (f"{label} holds the L = {L} caches in reverse order: {label}[0] is layer {L}'s and "
                     f"{label}[{L - 1}] layer 1's (each cache put in front, as caches.insert(0, cache) does, or the list reversed)")
        else:
            wrong = [(i, l) for i, l in enumerate(seq) if l != i + 1]
            words = (f"{label} holds the caches of layers {_layers_text(seq)} in this order: " +
                     "; ".join(f"{label}[{i}] is layer {l}'s cache, where layer {i + 1}'s belongs" for i, l in wrong[:2]))
        return "caches_order", {"part": label, "words": words}
    twice = sorted({l for l in seq if seq.count(l) > 1})
    missing = [l for l in range(1, L + 1) if l not in seq]
    said = []
    if twice:
        times = "more than once" if any(seq.count(l) > 2 for l in twice) else "twice"
        said.append(f"the caches of layers {_layers_text(twice)} are each in it {times}" if len(twice) > 1
                    else f"the cache of layer {twice[0]} is in it {times}")
    if missing:
        s_ = "s" if len(missing) > 1 else ""
        said.append(f"the cache{s_} of layer{s_} {_layers_text(missing)} {'are' if s_ else 'is'} missing")
    held = (f"in this order those of layers {_layers_text(seq)}" if len(seq) > 1 else f"layer {seq[0]}'s only")
    words = f"{label} holds {len(seq)} cache{'s' if len(seq) > 1 else ''} for L = {L} layers, {held}: " + " and ".join(said)
    return "caches_layers", {"part": label, "words": words}


def _is_cache(item) -> bool:
    """True if ``item`` has the form of one layer's cache, (linear_cache (3 items), Z array)."""
    return type(item) in (tuple, list) and len(item) == 2 and type(item[0]) in (tuple, list) \
        and len(item[0]) == 3 and type(item[1]) is np.ndarray


def _layer_arrays(exp, AL):
    """[(name, array)]: every layer's A[l-1], W[l], b[l], Z[l] from the expected caches, and A[L]."""
    out = []
    for j, ((A_prev, W, b), Z) in enumerate(exp):
        l = j + 1
        out += [(f"A[{l - 1}]" if l > 1 else "A[0] = X", A_prev), (f"W[{l}]", W), (f"b[{l}]", b), (f"Z[{l}]", Z)]
    if type(AL) is np.ndarray:
        out.append((f"A[{len(exp)}] = AL", AL))
    return out


def _what(value, whole, exp, arrays, depth=0) -> str:
    """What a value found in caches holds, in the lecture's words (a layer's cache, linear_cache, A[l], ...)."""
    if value is whole:
        return "the caches list itself"
    if type(value) is np.ndarray:
        name = next((n for n, v in arrays if type(v) is np.ndarray and v.shape == value.shape
                     and compare.close(value, v)), None)
        return name or f"an array of shape {compare.shape_text(value.shape)}"
    if type(value) in (tuple, list):
        for j, c in enumerate(exp):
            if _agree(value, c):
                return f"layer {j + 1}'s cache (linear_cache, Z)"
            if _agree(value, c[0]):
                return f"layer {j + 1}'s linear_cache"
        if depth >= 2:
            return f"a {type(value).__name__} of {len(value)} items"
        return "(" + ", ".join(_what(v, whole, exp, arrays, depth + 1) for v in value) + ")"
    return "None" if value is None else f"a {type(value).__name__}"


def _caches_items(got, exp, label, AL):
    """(relation, fmt) for a caches list of one item per layer where some items are not of a cache's form
    (linear_cache, Z): the list appended into itself, each cache wrapped with another value, or another
    kind of item; each said by what it holds (diag12)."""
    if type(exp) is not list or not exp or not all(_is_cache(c) for c in exp) or type(got) not in (tuple, list) \
            or len(got) != len(exp):
        return None
    def itself(i):
        # the list appended into itself: the same object, or (the runner copies outputs) a list of as many
        # items whose items before i are the ones before i
        item = got[i]
        return item is got or type(item) is list and len(item) == len(got) and i >= 1 \
            and all(_agree(item[j], got[j]) for j in range(i))

    odd = [i for i, item in enumerate(got) if item is got or not _is_cache(item)]
    if not odd:
        return None
    arrays = _layer_arrays(exp, AL)
    i = odd[0]
    if itself(i):
        words = (f"{label}[{i}] is the caches list itself (caches.append(caches) puts the list into itself), where "
                 f"layer {i + 1}'s cache (linear_cache, Z) belongs: layer {i + 1}'s cache is never stored")
    elif all(type(got[j]) in (tuple, list) and len(got[j]) >= 2 and _agree(got[j][0], exp[j]) for j in odd) \
            and len(odd) == len(got):
        rest = ", ".join(_what(v, got, exp, arrays) for v in got[i][1:])
        words = (f"each item of {label} is a layer's cache wrapped with more: {label}[{i}] is ((linear_cache, Z), "
                 f"{rest}) where layer {i + 1}'s (linear_cache, Z) alone belongs; append the cache itself")
    else:
        from . import leaves   # each item held piece by piece against the layer's cache (diag16)

        said = leaves.caches_words(got, exp, leaves.named_values("model_forward", (AL, exp)), label)
        if said is not None:
            return "caches_items", {"part": label, "words": said}
        said = "; ".join(f"{label}[{j}] holds {_what(got[j], got, exp, arrays)}" for j in odd[:2])
        words = f"{said}, where each item is one layer's cache (linear_cache, Z) = ((A[l-1], W[l], b[l]), Z[l])"
    return "caches_items", {"part": label, "words": words}


def _dict_for_list(got, exp, label):
    if type(exp) is list and type(got) is dict and len(got) == len(exp) \
            and _agree(list(got.values()), exp):
        return "caches_dict", {"part": label}
    return None


def explain(spec, part, bad_runs):
    """A Finding for a wrong part whose structure relation holds on every wrong case, else None."""
    first, said, deepest = None, 0, -1
    for index, (case, got_parts, wrong) in enumerate(bad_runs):
        exp = spec.split(case.expected, case)[0][part]
        got = got_parts.get(part)
        q = spec.quantities(case)
        AL = case.expected[0] if type(case.expected) is tuple and case.expected else None
        rel = _dict_for_list(got, exp, part) or _caches_list(got, exp, part) or _caches_items(got, exp, part, AL) \
            or _tuple_relation(got, exp, q, part)
        if rel is None or first is not None and rel[0] != first[0]:
            return None
        # a caches relation is said of the deepest public case: more layers show more of the order
        depth = len(exp) if rel[0] in CACHES_LIST and not case.info.get("hidden") else -1
        if first is None or depth > deepest:
            first, said, deepest = rel, index, max(depth, deepest)
    if first is None:
        return None
    rid, fmt = first
    case, _, wrong = bad_runs[said]
    return Finding(f"{spec.name}.{rid}", hint_for(f"{spec.name}.{rid}", **fmt), [f"With {case.label}: {wrong[part]}."])


__all__ = ["explain", "outputs_order"]
