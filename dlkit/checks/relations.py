"""Relations: naming a wrong output that no known mistake (mutant) reproduces.

Mutants name the mistakes we know; relations name the ones we don't. For a
wrong graded part, the learner's array is compared with the reference's own
quantities on the same case (``Spec.quantities``: Z, A, b, dA, dZ, W, ...)
and with simple transformations of them: a constant factor on the whole array
or on some rows/columns, a transpose, b added twice or not at all, another
activation or its slope, a sum over the wrong axis, the first column only,
whole numbers, NaN only where |Z| is large, where A[L] is 0 or 1 or where Z is
exactly 0. A relation is reported only when it holds on *every* case where the
part is wrong; its id is ``<exercise>.<relation>`` and its hint a template in
``mistakes.RELATIONS``.
"""
from __future__ import annotations

import numpy as np

from . import compare
from .plain import fmt


def _sig(x):
    with np.errstate(all="ignore"):
        return 1 / (1 + np.exp(-x))


ACTIVATIONS = {   # name -> (g, the words for it)
    "sigmoid": (_sig, "sigmoid"),
    "relu": (lambda x: np.maximum(x, 0), "ReLU"),
    "tanh": (np.tanh, "tanh"),
}
SLOPES = {
    "sigmoid": lambda x: _sig(x) * (1 - _sig(x)),
    "relu": lambda x: (x > 0).astype(np.float64),
}


def first_leaf(got, exp, label):
    """(label, got leaf, expected leaf) of the first array/number that differs, inside tuples and dicts."""
    if type(exp) in (tuple, list):
        if type(got) not in (tuple, list) or len(got) != len(exp):
            return None
        for i, (g, e) in enumerate(zip(got, exp)):
            if compare.mismatch_any(label, g, e) is not None:
                return first_leaf(g, e, f"{label}[{i}]")
        return None
    if type(exp) is dict:
        if type(got) is not dict or set(got) != set(exp):
            return None
        for k in exp:
            if compare.mismatch_any(str(k), got[k], exp[k]) is not None:
                return first_leaf(got[k], exp[k], str(k))
        return None
    if type(exp) is np.ndarray or type(exp) in (int, float):
        return label, got, exp
    return None


def _f64(x):
    if type(x) in (int, float):
        return np.array(float(x))
    if type(x) is np.ndarray and x.dtype.kind in "fiub":
        return x.astype(np.float64)
    return None


def _close(g, c) -> bool:
    return c is not None and g.shape == np.shape(c) and compare.close(g, np.asarray(c, dtype=np.float64))


def _reductions(q):
    """(words, array) for q summed or averaged over each axis: the wrong-axis candidates."""
    out = []
    if q.ndim == 2:
        m = q.shape[1]
        for axis in (0, 1, None):
            where = {0: "axis=0", 1: "axis=1", None: "all axes"}[axis]
            s = np.sum(q, axis=axis, keepdims=axis is not None)
            out += [(f"summed over {where}", s), (f"summed over {where}, divided by m", s / m)]
            if axis is not None:
                out += [(f"summed over {where} without keepdims", np.sum(q, axis=axis) / m),
                        (f"averaged over {where}", np.mean(q, axis=axis, keepdims=True))]
    return out


def single_case(part, g, e, q, case):
    """[(relation, fmt)] that hold between the learner's ``g`` and the expected ``e`` on one case.

    ``q`` holds the reference's own quantities on the case (name -> array).
    """
    found = []
    m = case.info.get("m")
    g64, e64 = _f64(g), _f64(e)
    if g64 is None or e64 is None:
        return found
    Z = q.get("Z")
    # -- values that are not finite -----------------------------------------------------
    if g64.shape == e64.shape and not np.isfinite(g64).all() and np.isfinite(e64).all():
        bad = ~np.isfinite(g64)
        AL = q.get("AL")
        if AL is not None and np.any((AL == 0) | (AL == 1)) and (g64.ndim == 0 or AL.shape == g64.shape):
            found.append(("no_clipping", {"part": part}))
        if Z is not None and Z.shape == g64.shape and np.all(np.abs(Z[bad]) > 30) \
                and compare.close(np.where(bad, e64, g64), e64):
            found.append(("overflow", {"part": part}))
        return found
    if g64.shape == e64.shape and g64.ndim == 2:
        # -- ReLU's slope at exactly 0 --------------------------------------------------
        dA = q.get("dA")
        if Z is not None and dA is not None and Z.shape == g64.shape and np.any(Z == 0):
            differ = ~np.isclose(g64, e64, rtol=1e-4, atol=1e-9)
            if differ.any() and np.all(Z[differ] == 0):
                found.append(("slope_at_zero", {"part": part}))
                return found
    # -- whole numbers ----------------------------------------------------------------------
    if g64.shape == e64.shape and np.all(g64 == np.round(g64)) and not np.all(e64 == np.round(e64)) \
            and any(compare.close(g64, f(e64)) for f in (np.trunc, np.floor, np.round)):
        found.append(("integer_values", {"part": part}))
    # -- shape: transposed, the wrong axis -------------------------------------------------------
    if g64.ndim == 2 and g64.shape == e64.shape[::-1] and _close(g64.T, e64):
        found.append(("transposed", {"part": part}))
    # -- equal to another quantity, or a transformation of one ----------------------------------
    named = [(name, _f64(v)) for name, v in q.items() if _f64(v) is not None]
    for name, v in named:
        if v.shape == e64.shape and compare.close(v, e64):
            continue   # the expected value itself under another name
        if _close(g64, v):
            # a cached Z that holds A: the array was changed (an in-place activation) after it was cached
            overwritten = "cache" in part and name == "A"
            found.append(("cache_overwritten" if overwritten else "holds_other", {"part": part, "other": name}))
        if v.ndim == 2 and v.shape != v.shape[::-1] and _close(g64, v.T):
            found.append(("holds_other", {"part": part, "other": name + " transposed"}))
        if v.ndim == 2 and name in ("dZ", "dA", "A", "Z", "dZ[l]"):
            for words, r in _reductions(v):
                if _close(g64, r) and not _close(e64, r):
                    found.append(("wrong_axis", {"part": part, "other": name, "how": words}))
    b = _f64(q.get("b"))
    if b is not None and Z is not None and g64.shape == e64.shape:
        if part in ("Z", "Z[l]") or part.endswith("Z"):
            if _close(g64, e64 + b):
                found.append(("b_twice", {"part": part}))
            if _close(g64, e64 - b):
                found.append(("b_missing", {"part": part}))
    if Z is not None and g64.shape == Z.shape and g64.shape == e64.shape:
        for act, (fn, words) in ACTIVATIONS.items():
            with np.errstate(all="ignore"):
                if _close(g64, fn(Z)) and not _close(e64, fn(Z)):
                    found.append(("wrong_activation", {"part": part, "g": words}))
                A = _f64(q.get("A"))
                if A is not None and A.shape == g64.shape and _close(g64, fn(A)) and not _close(e64, fn(A)):
                    found.append(("activation_twice", {"part": part, "g": words}))
        for act, slope in SLOPES.items():
            with np.errstate(all="ignore"):
                if _close(g64, slope(Z)):
                    found.append(("slope_for_value", {"part": part, "g": ACTIVATIONS[act][1]}))
                dA = _f64(q.get("dA"))
                if dA is not None and dA.shape == g64.shape and part == "dZ":
                    g_of = ACTIVATIONS[act][0](Z)
                    if _close(g64, dA * g_of) and not _close(e64, dA * g_of):
                        found.append(("value_for_slope", {"part": part, "g": ACTIVATIONS[act][1]}))
    # -- a constant factor, on everything or on some rows / columns -------------------------------
    if g64.shape == e64.shape:
        k = _factor(g64, e64)
        if k is not None:
            found.append(("factor", {"part": part, "k": k, "m": m}))
            return found
        if g64.ndim == 2:
            found += _partial(part, g64, e64)
    return found


def _factor(g, e):
    """k != 1 with g = k e, if there is one (one non-zero entry of e is enough: the cases vote)."""
    g, e = g.ravel(), e.ravel()
    if not np.isfinite(g).all() or not np.any(e):
        return None
    k = float(g @ e / (e @ e))
    if abs(k) < 1e-12 or abs(k - 1) < 1e-6:
        return None
    return k if compare.close(g, k * e) else None


def _scalar_factor(g, e):
    g, e = float(g), float(e)
    if e == 0 or not np.isfinite(g) or abs(g / e - 1) < 1e-6:
        return None
    return g / e


def _partial(part, g, e):
    """Right on some columns (the first example only?) or rows, off by one factor on the others."""
    found = []
    for axis, words in ((1, "column"), (0, "row")):
        n = g.shape[axis]
        if n < 2:
            continue
        take = (lambda a, i: a[:, i]) if axis == 1 else (lambda a, i: a[i, :])
        right = [i for i in range(n) if compare.close(take(g, i), take(e, i))]
        if not right or len(right) == n:
            continue
        if axis == 1 and right == [0]:
            found.append(("first_column_only", {"part": part}))
            continue
        wrong = [i for i in range(n) if i not in right]
        ks = [compare.factor(take(g, i), take(e, i)) if np.count_nonzero(take(e, i)) >= 2
              else _scalar_factor(take(g, i)[0], take(e, i)[0]) if take(e, i).size == 1 and take(e, i)[0] else None
              for i in wrong]
        if all(k is not None for k in ks) and max(ks) - min(ks) <= 1e-4 * max(abs(k) for k in ks):
            found.append(("factor_on_some", {"part": part, "k": ks[0], "which": words, "index": wrong}))
    return found


FACTORS = {-1.0: "sign_flipped", 2.0: "factor_2", 0.5: "factor_half"}


def _near(a, b, rtol=1e-4) -> bool:
    return abs(a - b) <= rtol * max(abs(a), abs(b))


def _common_factor(ks, ms):
    """(relation id, fmt) for the factors k found on the wrong cases (ms: their m), or None."""
    if all(_near(k, ks[0]) for k in ks):
        for value, rid in FACTORS.items():
            if _near(ks[0], value):
                return rid, {}
    if all(ms):
        if all(_near(k, mc) for k, mc in zip(ks, ms)):
            return "factor_m", {}
        if all(_near(k, 1 / mc) for k, mc in zip(ks, ms)):
            return "factor_1_over_m", {}
        if len(set(ms)) > 1:
            # k = M / m (a fixed m = M where 1/m belongs) or k = m / M
            for fixed in ([k * mc for k, mc in zip(ks, ms)], [mc / k for k, mc in zip(ks, ms)]):
                M = round(fixed[0])
                if M >= 1 and all(_near(v, M, 1e-3) for v in fixed):
                    return "fixed_m", {"M": M}
    if all(_near(k, ks[0]) for k in ks):
        return "factor", {"k": fmt(ks[0])}
    return None


def explain(part, bad):
    """(relation id, fmt) holding on every wrong case of ``part``, or None.

    ``bad`` is [(case, got leaf, expected leaf, label, quantities)], one per wrong case.
    """
    per_case = []
    for case, g, e, label, q in bad:
        rels = single_case(label, g, e, q, case)
        per_case.append(rels)
    if not per_case or not per_case[0]:
        return None
    # any other relation: the first (in order of specificity) that holds on every wrong case
    def key(rel):
        r, f = rel
        return (r, tuple(sorted((k, str(v)) for k, v in f.items() if k not in ("part", "index", "k"))))
    common = [key(rel) for rel in per_case[0]]
    for rels in per_case[1:]:
        keys = {key(rel) for rel in rels}
        common = [c for c in common if c in keys]
    for rel in per_case[0]:
        if key(rel) in common and rel[0] != "factor":
            r, f = rel
            f = dict(f)
            if "k" in f:
                f["k"] = fmt(f["k"])
            if "index" in f:
                f["index"] = ", ".join(str(i) for i in f["index"][:6])
            return r, f
    # else constant factors: one named factor on every wrong case, or k * m constant (a fixed m)
    factors = [[f for r, f in rels if r == "factor"] for rels in per_case]
    if all(factors):
        found = _common_factor([f[0]["k"] for f in factors], [f[0]["m"] for f in factors])
        if found:
            rid, fmt_ = found
            return rid, {"part": factors[0][0]["part"], **fmt_}
    return None


__all__ = ["explain", "first_leaf", "single_case"]
