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
``mistakes.RELATIONS``. docs/relations.md maps issue 12's list onto the ids, the code that finds
them and the tuning-catalog bug that exercises each.
"""
from __future__ import annotations

import itertools

import numpy as np

from . import compare, outputforms, wrongvalue
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


def _axis_fix(how):
    """What a reduction ``how`` (words of :func:`_reductions`) did instead of the lecture's sum over the
    m examples (axis=1, keepdims=True, then 1/m), said for the part it gave."""
    if "axis=0" in how:
        return ("it runs over axis=0, the n[l] units (the rows), instead of the m examples: sum over the other "
                "axis (the m examples are the columns, axis=1, keepdims=True)")
    if "all axes" in how:
        return ("every entry goes into one number instead of one sum per unit (row): sum over the m examples "
                "only (the columns, axis=1, keepdims=True)")
    if "without keepdims" in how:
        return ("the sum over the m examples is right, but it lost its column shape: a 1-D array instead of "
                "(n[l], 1); keepdims=True keeps it")
    if how == "summed over axis=1":
        return "the sum over the m examples (axis=1) is not divided by m: the 1/m is missing"
    return "a reduction over the m examples (axis=1) where the equation has none"


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
        # one number (the whole array's sum or mean) repeated in every row of a column
        col = (q.shape[0], 1)
        out += [("summed over all axes (one number in every row)", np.full(col, np.sum(q))),
                ("summed over all axes, divided by m (one number in every row)", np.full(col, np.sum(q) / m)),
                ("averaged over all axes (one number in every row)", np.full(col, np.mean(q)))]
    return out


def single_case(part, g, e, q, case):
    """[(relation, fmt)] that hold between the learner's ``g`` and the expected ``e`` on one case.

    ``q`` holds the reference's own quantities on the case (name -> array).
    """
    found = []
    m = case.info.get("m")
    g64, e64 = _f64(g), _f64(e)
    if g64 is None or e64 is None:
        return outputforms.list_relation(part, g, e)   # the right values as a list (outputforms.py)
    if "Z" in q and part in ("A", "AL"):   # log(1 + e^Z) where ReLU belongs (outputforms.py)
        found = outputforms.softplus_relation(part, g64, e64, q)
        if found:
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
    region = outputforms.region_relations(part, g64, e64, q)   # right except on a region of Z (outputforms.py)
    if region and not outputforms.last_columns(part, g64, e64):
        return region
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
            # a cached Z that holds A: the array was changed (an in-place activation) after it was cached;
            # a cached A[l-1] that holds A: the layer's output stored where its input belongs (diag12)
            is_Z = "cache" in part and name == "A" and _close(e64, q.get("Z"))
            is_input = "cache" in part and name == "A" and _close(e64, q.get("A_prev"))
            own = next((n for n, w in named if w.shape == e64.shape and compare.close(w, e64)), None)
            if "cache" in part and name == "A" and not (is_Z or is_input) and own is not None and own != "Z":
                # the slot holds another named quantity of the layer: A[l] put there, nothing overwritten (diag13)
                from .firstwrong import _label, family
                said = {n: _label(family(n), None) if family(n) else n for n in (name, own)}
                found.append(("cache_holds_other", {"part": part, "other": said[name], "own": said[own]}))
                continue
            found.append(("cache_overwritten" if is_Z else "cache_holds_output" if is_input else "holds_other",
                          {"part": part, "other": name}))
        if v.ndim == 2 and v.shape != v.shape[::-1] and _close(g64, v.T):
            found.append(("holds_other", {"part": part, "other": name + " transposed"}))
        if v.ndim == 2 and name in ("dZ", "dA", "A", "Z", "dZ[l]"):
            for words, r in _reductions(v):
                if _close(g64, r) and not _close(e64, r):
                    found.append(("wrong_axis", {"part": part, "other": name, "how": words, "fix": _axis_fix(words)}))
    b = _f64(q.get("b"))
    if b is not None and Z is not None and g64.shape == e64.shape:
        # Z itself (whatever the part is called: Z, a cache's Z), or an activation of it (A)
        forms = [(None, lambda x: x)] if _close(e64, Z) else \
            [(act, fn) for act, (fn, _) in ACTIVATIONS.items() if _close(e64, fn(Z))]
        with np.errstate(all="ignore"):
            for act, fn in forms[:1]:
                if _close(g64, fn(Z + b)):
                    found.append(("b_twice", {"part": part}))
                if _close(g64, fn(Z - b)):
                    found.append(("b_missing", {"part": part}))
    found += _shape_free(part, g64, e64, q)
    from .whereonly import columns_up_to_rows   # diagB: a column loop bounded by the rows' count
    found += columns_up_to_rows(part, g64, e64, q)
    if Z is not None and g64.ndim == 2:
        found += _on_wrong_input(part, g64, e64, q)
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
    # -- kept inside bounds: np.clip or an eps where the lecture has none (diag12)
    bounds = compare.clipped(g, e) if not found else None
    if bounds is not None:
        return [("clipped", {"part": part, **compare.bounds_words(*bounds, Z=q.get("Z"))})]
    # -- close but not equal, with a cause (before the factors: on one entry any error is a "factor")
    if not found and g64.shape == e64.shape:
        found += _approximate(part, g, g64, e64, q)
        if found:
            return found
    # -- a constant factor, on everything or on some rows / columns -------------------------------
    if g64.shape == e64.shape:
        # a constant added everywhere (g = e + c; one entry alone cannot tell: see explain's chance)
        c = _offset(g64, e64) if g64.ndim == 2 else None
        k = _factor(g64, e64)
        if c is not None and (k is None or g64.size == 1):
            found.append(("offset", {"part": part, "c": fmt(c)}))
        if k is not None:
            found.append(("factor", {"part": part, "k": k, "m": m}))
            if g64.ndim == 2 and g64.shape[0] == 1 and not _near(k, -1.0):
                # one row: "off on row 0" on this case is the same mistake as on a case with more rows
                found.append(("factor_on_some", {"part": part, "k": k, "which": "row", "index": [0]}))
            return found + region
        if g64.ndim == 2:
            found += _partial(part, g64, e64)
    return found + region   # a region of Z that is also the last columns: after the columns' relations


def _update_step(part, g, e, q):
    """update_parameters: W[l] (or b[l]) moved by c dW[l] with c != learning_rate, or by another key's gradient."""
    found = []
    lr, before = q.get("learning_rate"), _f64(q.get(part))
    if lr is None or before is None or "d" + part not in q:
        return found
    for key, grad in q.items():
        if not key.startswith("d") or key == "d" + part or type(grad) is not np.ndarray:
            continue
        with np.errstate(all="ignore"):
            try:
                moved = before - lr * grad
            except ValueError:
                continue
        if _close(g, moved):
            found.append(("wrong_gradient", {"part": part, "other": key}))
    if g.shape == e.shape:
        c = _factor(before - g, _f64(q["d" + part]))
        if c is not None and not _near(c, lr) and not _near(c, -lr) and not _near(c, 1.0):
            found.append(("learning_rate_not_used", {"part": part, "k": c}))
    return found


def _products(part, g, e, q):
    """A matrix product where the entry-by-entry one belongs (dZ = dA @ g'(Z)), and the reverse (Z = W * A + b)."""
    found = []
    Z, dA = _f64(q.get("Z")), _f64(q.get("dA"))
    if part.startswith("dZ") and Z is not None and dA is not None:
        for act, slope in SLOPES.items():
            with np.errstate(all="ignore"):
                s = slope(Z)
                for cand in (lambda: dA @ s, lambda: dA @ s.T, lambda: dA.T @ s):
                    try:
                        c = cand()
                    except ValueError:
                        continue
                    if _close(g, c) and not _close(e, c):
                        found.append(("matrix_product_for_elementwise", {"part": part}))
                        return found
    A_prev, W, b, dZ = (_f64(q.get(k)) for k in ("A_prev", "W", "b", "dZ"))
    cands = []
    if part.endswith("Z") and A_prev is not None and W is not None and b is not None:
        cands += [lambda: W * A_prev + b, lambda: W * A_prev.T + b, lambda: A_prev * W + b]
    if part.startswith("dW") and dZ is not None and A_prev is not None:
        m = dZ.shape[1]
        cands += [lambda: dZ * A_prev.T / m, lambda: dZ * A_prev / m, lambda: dZ * A_prev.T, lambda: dZ * A_prev]
    if part.startswith("dA") and dZ is not None and W is not None:
        cands += [lambda: W.T * dZ, lambda: W * dZ]
    for cand in cands:
        with np.errstate(all="ignore"):
            try:
                c = cand()
            except ValueError:
                continue
        if _close(g, c):
            found.append(("elementwise_for_matrix_product", {"part": part}))
            break
    return found


def _shape_free(part, g, e, q):
    """Relations that may hold whatever the shape of the learner's array."""
    return _update_step(part, g, e, q) + _products(part, g, e, q)


def _on_wrong_input(part, g, e, q):
    """The activation (or its slope) applied to the wrong input: -Z, A_prev or A instead of Z; a leaky slope."""
    found = []
    Z = _f64(q["Z"])
    dA = _f64(q.get("dA"))
    same = g.shape == e.shape == Z.shape
    for act, (fn, words) in ACTIVATIONS.items():
        with np.errstate(all="ignore"):
            if same and _close(g, fn(-Z)) and not _close(e, fn(-Z)):
                found.append(("input_negated", {"part": part, "g": words}))
            # (g(A), A already g(Z), is the activation applied twice: see activation_twice)
            v = _f64(q.get("A_prev"))
            if v is not None and v.shape == g.shape and _close(g, fn(v)) and not _close(e, fn(v)):
                found.append(("activation_of_other", {"part": part, "g": words, "other": "A_prev",
                                                      "what": "A[l-1] (the layer's input)"}))
    if not same:
        return found
    found += _scaled_inside(part, g, e, Z)
    if dA is not None:
        A = _f64(q.get("A"))
        for act, slope in SLOPES.items():
            with np.errstate(all="ignore"):
                if A is not None and A.shape == g.shape and _close(g, dA * slope(A)) and not _close(e, dA * slope(A)):
                    found.append(("slope_of_other", {"part": part, "g": ACTIVATIONS[act][1], "other": "A",
                                                     "what": "A[l] = g(Z[l]), the activation's value"}))
    # a leaky ReLU: right where Z > 0, a small fraction c of Z (or of dA) where Z < 0 instead of 0
    neg = Z <= 0
    if neg.any() and np.all(e[neg] == 0) and compare.close(g[~neg], e[~neg]) and np.any(g[neg] != 0):
        for base in (dA, Z):   # going back the slope multiplies dA
            if base is None or base.shape != g.shape:
                continue
            on = neg & (base != 0)
            if not on.any() or np.any(g[neg & (base == 0)] != 0):
                continue
            ratios = g[on] / base[on]
            c = float(np.median(ratios))
            if 0 < abs(c) < 0.5 and np.allclose(ratios, c, rtol=1e-6, atol=1e-12):
                found.append(("leaky_slope", {"part": part, "k": c}))
                break
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


def _offset(g, e):
    """c != 0 with g = e + c on every entry, if there is one (c well outside the tolerance)."""
    if not np.isfinite(g).all() or not np.isfinite(e).all():
        return None
    d = g - e
    c = float(np.median(d))
    scale = max(float(np.max(np.abs(e))), 1e-12)
    if abs(c) <= 1e-4 * scale or not np.allclose(d, c, rtol=1e-6, atol=1e-9 * scale):
        return None
    return c


def _scalar_factor(g, e):
    g, e = float(g), float(e)
    if e == 0 or not np.isfinite(g) or abs(g / e - 1) < 1e-6:
        return None
    return g / e


def _partial(part, g, e):
    """Right on some columns (the first example only?) or rows, off by one factor on the others."""
    found = []
    if g.shape[1] == 1 and not np.any(g) and np.any(e):
        return [("last_columns_zero", {"part": part, "index": [0]})]   # m = 1: the one column left at 0
    for axis, words in ((1, "column"), (0, "row")):
        n = g.shape[axis]
        if n < 2:
            continue
        take = (lambda a, i: a[:, i]) if axis == 1 else (lambda a, i: a[i, :])
        right = [i for i in range(n) if compare.close(take(g, i), take(e, i))]
        if not right or len(right) == n:
            continue
        if axis == 1 and right == list(range(len(right))) and not np.any(g[:, len(right):]):
            found.append(("last_columns_zero", {"part": part, "index": list(range(len(right), n))}))
            continue
        wrong = [i for i in range(n) if i not in right]
        ks = [compare.factor(take(g, i), take(e, i)) if np.count_nonzero(take(e, i)) >= 2
              else _one_entry_factor(take(g, i), take(e, i)) for i in wrong]
        # one factor on the wrong columns is the more precise finding; "the first column only" is also
        # said, so that a case where that is all that holds agrees with the others
        if all(k is not None for k in ks) and max(ks) - min(ks) <= 1e-4 * max(abs(k) for k in ks):
            found.append(("factor_on_some", {"part": part, "k": ks[0], "which": words, "index": wrong}))
        if axis == 1 and right == [0]:
            found.append(("first_column_only", {"part": part}))
    return found


def _one_entry_factor(g, e):
    """g = k e for a row/column of e with one non-zero entry (a sigmoid's 0 at Z = -900 elsewhere)."""
    nz = e != 0
    if np.count_nonzero(nz) != 1 or np.any(g[~nz] != 0):
        return None
    return _scalar_factor(g[nz][0], e[nz][0])


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
    found = _explain(part, bad)
    if found is None and bad and all(type(g) in (int, float) or type(g) is np.ndarray and g.ndim == 0
                                     for _, g, *_ in bad):   # (np.ndim would raise on a ragged list)
        found = cost_relation(bad)     # a scalar: the cost, computed another way (no-op without AL and Y)
    return found


def _explain(part, bad):
    per_case = []
    for case, g, e, label, q in bad:
        rels = single_case(label, g, e, q, case)
        rels = wrongvalue.with_constant(label, _f64(g), _f64(e), rels)   # W2a: all zeros, one number
        rels = rels + wrongvalue.library_relation(label, _f64(g), _f64(e), q)   # W2a: tanh's slope, exp(-Z), ...
        per_case.append(rels)
    if not per_case or not per_case[0]:
        return None
    # any other relation: the first (in order of specificity) that holds on every wrong case
    def key(rel):
        r, f = rel
        # which activation may differ with the case's own (linear_activation_forward's relu or sigmoid)
        return (r, tuple(sorted((k, str(v)) for k, v in f.items() if k not in ("part", "index", "k", "g"))))
    common = [key(rel) for rel in per_case[0]]
    for rels in per_case[1:]:
        keys = {key(rel) for rel in rels}
        common = [c for c in common if c in keys]
    whole = all(any(r == "factor" for r, _ in rels) for rels in per_case)   # a factor on the whole array

    def chance(rel):
        """An arbitrary factor seen on one case only: as likely a coincidence as a mistake."""
        r, f = rel
        if r == "offset":    # a difference on one entry is always "a constant added"; one hidden case's
            # constant may be one of its values, which the grader never shows
            return all(np.size(g) == 1 for _, g, *_ in bad) or (len(bad) == 1 and bad[0][0].info.get("hidden"))
        if len(per_case) > 1 or r not in ("factor", "factor_on_some"):
            return False
        m = bad[0][0].info.get("m")
        return not any(_near(f["k"], v) for v in (-1.0, 2.0, 0.5) + ((m, 1 / m) if m else ()))

    for rel in per_case[0]:
        if key(rel) in common and rel[0] != "factor" and not (rel[0] == "factor_on_some" and whole) \
                and not chance(rel):
            r, f = rel
            f = dict(f)
            if "g" in f:
                gs = {dict(x[1]).get("g") for rels in per_case for x in rels if key(x) == key(rel)}
                if len(gs) > 1:
                    f["g"] = "g"
            if "k" in f:
                f["k"] = fmt(f["k"])
            if "index" in f:
                f["index"] = ", ".join(str(i) for i in f["index"][:6])
            return r, f
    # else constant factors: one named factor on every wrong case, or k * m constant (a fixed m)
    factors = [[f for r, f in rels if r == "factor"] for rels in per_case]
    if any(factors):   # W2a: divided by m - 1, n[l], ... where 1/m belongs (wrongvalue.py)
        found = wrongvalue.wrong_divisor(part, bad, [f[0]["k"] if f else None for f in factors])
        if found:
            return found
    if all(factors) and not chance(("factor", factors[0][0])):
        found = _common_factor([f[0]["k"] for f in factors], [f[0]["m"] for f in factors])
        if found:
            rid, fmt_ = found
            return rid, {"part": factors[0][0]["part"], **fmt_}
    return None


# -- the cost: the cross-entropy computed another way (diag10) --------------------------------------
# J = -1/m sum(Y log(A[L]) + (1 - Y) log(1 - A[L])) is rebuilt from its pieces, each with the ways
# learners write it otherwise: the log's base, the second log's argument, each term's sign or
# absence, the factor in front, which examples are summed, the inputs swapped, and how A[L] is kept
# away from 0 and 1. A variant is named only when it gives the learner's cost on EVERY finite wrong
# case (the bound of a tiny clip, 1e-15 or np.finfo(float).eps or none, may differ case by case: it
# is not a mistake); the fewest differences from the lecture's J win, and two different variants
# with as few differences are ambiguous (nothing is said).
_EPS = (np.finfo(float).eps, 1e-15, 1e-12, 1e-10, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2)
_TINY = 1e-7     # a clip or an added eps up to this size does not change J beyond the tolerance
_LOGS = {"ln": np.log, "log10": np.log10, "log2": np.log2}
# the second term's log: (A[L], log, eps added) -> the log the learner took; "1 - log": the 1 - written
# outside the log, 1 - log(A[L]) (values2)
_SECOND = {"1 - A": lambda A, log, a: log(1 - A + a), "1 + A": lambda A, log, a: log(1 + A + a),
           "A": lambda A, log, a: log(A + a), "1 - log": lambda A, log, a: 1 - log(A + a)}
_WEIGHTS = {"1 - Y": lambda y, t: (1 - y) * t, "Y": lambda y, t: y * t, "no weight": lambda y, t: t,
            # the parentheses of (1 - Y) left out (diag13): log(1 - A) * 1 - Y, 1 - Y * log(1 - A)
            "grouping -Y": lambda y, t: t - y, "grouping 1-": lambda y, t: 1 - y * t}   # the second term's
# (difference id, words): in order of specificity, the first names the relation
_COST_WORDS = {
    "swapped": ("cost_args_swapped", "A[L] and Y swapped: the parameters are (AL, Y), in this order, so your "
                "code used the labels as the probabilities"),
    "1 + A": ("cost_log_one_plus", "log(1 + A[L]) where log(1 - A[L]) belongs (np.log1p(x) is log(1 + x): "
              "log(1 - A[L]) is np.log1p(-A[L]))"),
    "A": ("cost_same_log", "log(A[L]) in both terms, where the second term has log(1 - A[L])"),
    "Y": ("cost_term_weight", "Y log(1 - A[L]) where the second term is (1 - Y) log(1 - A[L]): each example's "
          "loss takes the log its label selects"),
    "no weight": ("cost_term_weight", "log(1 - A[L]) without its factor (1 - Y): the second term is "
                  "(1 - Y) log(1 - A[L])"),
    "grouping -Y": ("cost_parentheses", "the parentheses around (1 - Y) left out: log(1 - A[L]) * 1 - Y is "
                    "log(1 - A[L]) - Y (* acts before -), where the second term is (1 - Y) log(1 - A[L])"),
    "grouping 1-": ("cost_parentheses", "the parentheses around (1 - Y) left out: 1 - Y * log(1 - A[L]) is "
                    "1 - (Y log(1 - A[L])) (* acts before -), where the second term is (1 - Y) log(1 - A[L])"),
    "c2=-1": ("cost_term_subtracted", "the second term, (1 - Y) log(1 - A[L]), subtracted, where the two terms "
              "are added inside the sum"),
    "c2=0": ("cost_term_missing", "the second term, (1 - Y) log(1 - A[L]), left out"),
    "c1=0": ("cost_term_missing", "the first term, Y log(A[L]), left out"),
    "log10": ("cost_log_base", "the base-10 log (np.log10) where the cross-entropy has the natural log, np.log"),
    "log2": ("cost_log_base", "the base-2 log (np.log2) where the cross-entropy has the natural log, np.log"),
    "first": ("cost_one_example", "the loss of the first example only, where J adds up the losses of all m "
              "examples"),
    "last": ("cost_one_example", "the loss of the last example only, where J adds up the losses of all m "
             "examples (as when each example's loss replaces the one before instead of being added to it)"),
    "clip": ("cost_clip_eps", "A[L] clipped to [{eps}, 1 - {eps}]: so wide a bound changes the cost where A[L] "
             "is near 0 or 1; clip with a tiny eps (1e-15, or np.finfo(float).eps)"),
    "add": ("cost_eps_added", "{eps} added inside the logs (log(A[L] + {eps})): so large an eps changes the "
            "cost; clip A[L] to [eps, 1 - eps] with a tiny eps instead"),
    "but_first": ("cost_example_left_out", "the first example's loss left out of the sum (a loop over "
                  "range(1, m) starts one late), still divided by m: J adds up the losses of all m examples"),
    "but_last": ("cost_example_left_out", "the last example's loss left out of the sum (a loop over "
                 "range(m - 1) stops one early), still divided by m: J adds up the losses of all m examples"),
    "but_first_m1": ("cost_example_left_out", "the first example's loss left out of the sum (a loop over "
                     "range(1, m) starts one late), divided by m - 1: J adds up the losses of all m examples"),
    "but_last_m1": ("cost_example_left_out", "the last example's loss left out of the sum (a loop over "
                    "range(m - 1) stops one early), divided by m - 1: J adds up the losses of all m examples"),
    "1 - log": ("cost_log_misplaced", "1 - log(A[L]) where the second term has log(1 - A[L]): the 1 - belongs "
                "inside the log, as its argument"),
    "c1=m": ("cost_term_times_m", "the first term, the sum of Y log(A[L]) over the examples, counted m times: "
             "that sum is added to each of the m entries of (1 - Y) log(1 - A[L]) before they are summed (a "
             "(1, 1) sum, as np.dot(Y, np.log(A[L]).T) gives, broadcast onto the m examples)"),
    "c2=m": ("cost_term_times_m", "the second term, the sum of (1 - Y) log(1 - A[L]) over the examples, counted "
             "m times: that sum is added to each of the m entries of Y log(A[L]) before they are summed (a "
             "(1, 1) sum, as np.dot(1 - Y, np.log(1 - A[L]).T) gives, broadcast onto the m examples)"),
    "k=-1/sum(Y)": ("cost_divisor", "the sum divided by np.sum(Y), the number of positive labels (Y = 1), "
                    "where J divides by m, the number of examples"),
    "k=-1/sum(1-Y)": ("cost_divisor", "the sum divided by np.sum(1 - Y), the number of negative labels (Y = 0), "
                      "where J divides by m, the number of examples"),
    "k=1/m": ("cost_scale", "no minus sign in front of the sum"),
    "k=-1": ("cost_scale", "no 1/m: the losses are summed, not averaged over the m examples"),
    "k=1": ("cost_scale", "neither the minus sign nor the 1/m in front of the sum"),
}
# c1, c2: each term's factor ("m": a term's (1, 1) sum broadcast onto the other's m entries, values2);
# k: the factor in front ("-1/sum(Y)": divided by the count of positive labels, values2)
_COMBOS = [(c1, c2, k) for c1 in (1.0, 0.0, "m") for c2 in (1.0, -1.0, 0.0, "m")
           for k in ("-1/m", "1/m", "-1", "1", "-1/sum(Y)", "-1/sum(1-Y)") if (c1 or c2) and (c1, c2) != ("m", "m")]


def _diffs(swapped, lname, bname, wname, c1, c2, k, red, kind, e):
    """The differences of one variant from the lecture's J (a nuisance bound left out)."""
    return (("swapped",) if swapped else ()) + ((bname,) if bname != "1 - A" else ()) + \
        ((wname,) if wname != "1 - Y" else ()) + \
        (("c2=-1",) if c2 == -1 else ("c2=0",) if c2 == 0 else ("c2=m",) if c2 == "m" else ()) + \
        (("c1=0",) if c1 == 0 else ("c1=m",) if c1 == "m" else ()) + \
        ((lname,) if lname != "ln" else ()) + ((red,) if red != "sum" else ()) + \
        (((kind, e),) if kind != "none" and e > _TINY else ()) + \
        ((f"k={k}",) if k not in ("-1/m",) + (("-1",) if red in ("first", "last") else ()) else ())


_PREPS = [("none", 0.0)] + [(kind, e) for kind in ("clip", "add") for e in _EPS]
# which examples' losses are added: all, one, or all but the first / last (a loop over range(1, m) or
# range(m - 1)), those divided by m (the "-1/m" in front) or, "_m1", by the m - 1 examples summed (diag13)
_REDS = ("sum", "first", "last", "but_first", "but_last", "but_first_m1", "but_last_m1")


def _reds(t, m):
    """(preps, len(_REDS)): the losses ``t`` (preps, m) added up each way of _REDS."""
    total = t.sum(axis=1)
    with np.errstate(all="ignore"):
        m1 = m / (m - 1) if m > 1 else np.nan     # the factor -1/m in front, then times m / (m - 1)
        return np.stack([total, t[:, 0], t[:, -1], total - t[:, 0], total - t[:, -1],
                         (total - t[:, 0]) * m1, (total - t[:, -1]) * m1], axis=1)


def _cost_matches(AL, Y, g):
    """The variants (tuples of their differences) whose cost on this case is ``g``, up to two differences."""
    out = set()
    m = AL.shape[1]
    with np.errstate(all="ignore"):
        ks = {"-1/m": -1.0 / m, "1/m": 1.0 / m, "-1": -1.0, "1": 1.0,
              "-1/sum(Y)": -1.0 / np.sum(Y) if np.sum(Y) else np.nan,
              "-1/sum(1-Y)": -1.0 / np.sum(1 - Y) if np.sum(1 - Y) else np.nan}
    C1 = np.array([float(m) if c[0] == "m" else c[0] for c in _COMBOS])[:, None, None]
    C2 = np.array([float(m) if c[1] == "m" else c[1] for c in _COMBOS])[:, None, None]
    K = np.array([ks[c[2]] for c in _COMBOS])[:, None, None]
    for swapped in (False, True):
        A0, Y0 = (Y, AL) if swapped else (AL, Y)
        # the logs' arguments: A[L] itself, clipped, or with eps added inside each log
        stack = np.stack([np.clip(A0, e, 1 - e) if kind == "clip" else A0 for kind, e in _PREPS])[:, 0, :]
        added = np.array([e if kind == "add" else 0.0 for kind, e in _PREPS])[:, None]     # (preps, 1)
        y = Y0[0]
        with np.errstate(all="ignore"):
            for lname, log in _LOGS.items():
                t1 = y * log(stack + added)
                r1 = _reds(t1, m)                                                    # (preps, reds)
                for (bname, second), (wname, weight) in itertools.product(_SECOND.items(), _WEIGHTS.items()):
                    if bname != "1 - A" and wname != "1 - Y":
                        continue     # three differences in one term: never claimed
                    t2 = weight(y, second(stack, log, added))
                    r2 = _reds(t2, m)
                    vals = K * (C1 * r1[None] + C2 * r2[None])                          # (combos, preps, reds)
                    hit = np.isfinite(vals) & (np.abs(vals - g) <= 1e-4 * abs(g) + 1e-9)
                    for ci, pi, ri in zip(*np.nonzero(hit)):
                        c1, c2, k = _COMBOS[ci]
                        d = _diffs(swapped, lname, bname, wname, c1, c2, k, _REDS[ri], *_PREPS[pi])
                        if len(d) <= 2 and not (len(d) > 1 and ({"c1=m", "c2=m"} & set(d))):
                            out.add(d)   # a term counted m times: alone (with a sign it is a grouping's value)
    return out


def cost_relation(bad):
    """(relation id, fmt) for a scalar cost that is the cross-entropy computed another way on every finite
    wrong case, or None; ``bad`` as for :func:`explain` (quantities with AL and Y)."""
    seen = None
    for case, g, e, label, q in bad:
        AL, Y = _f64(q.get("AL")), _f64(q.get("Y"))
        g64 = _f64(g)
        if AL is None or Y is None or AL.ndim != 2 or AL.shape != Y.shape or AL.shape[0] != 1 or g64 is None \
                or g64.ndim != 0:
            return None
        if not np.isfinite(g64):
            continue   # a NaN where A[L] is 0 or 1: no_clipping says so
        g = float(g64)
        ok = _cost_matches(AL, Y, g)
        seen = ok if seen is None else seen & ok
        if not seen:
            return None
    if not seen:
        return None
    fewest = min(len(d) for d in seen)
    best = [d for d in seen if len(d) == fewest]
    if fewest == 0 or len(best) != 1:
        return None
    words, rid = [], None
    for d in best[0]:
        kind, eps = (d if type(d) is tuple else (d, None))
        r, w = _COST_WORDS[kind]
        rid = rid or r
        words.append(w.format(eps=fmt(eps)) if eps is not None else w)
    return rid, {"part": bad[0][3], "words": "; and ".join(words)}


# -- close to the right values but not equal (diag10) -------------------------------------------------
CLOSE = 0.05     # "close": every entry within 5 % of the largest |expected entry|


def closeness(g, e):
    """The largest |g - e| relative to the largest |e| (a fraction), or None when not finite or not close."""
    g64, e64 = _f64(g), _f64(e)
    if g64 is None or e64 is None or g64.shape != e64.shape or not g64.size or not np.isfinite(g64).all() \
            or not np.isfinite(e64).all():
        return None
    scale = float(np.max(np.abs(e64)))
    if scale == 0:
        return None
    off = float(np.max(np.abs(g64 - e64))) / scale
    return off if 0 < off < CLOSE else None


def _approximate(part, g, g64, e64, q):
    """[(relation, fmt)] for values close to the expected ones whose error has a cause we can name:
    the values cast to half precision, or a slope taken by finite differences."""
    if closeness(g64, e64) is None:
        return []
    with np.errstate(all="ignore"):
        if type(g) is np.ndarray and g.dtype == np.float16 or np.array_equal(
                g64, e64.astype(np.float16).astype(np.float64)):
            return [("approximate_precision", {"part": part, "how": "rounded to half precision (float16 keeps about "
                                               "3 significant digits)"})]
        # (a rounding to k decimals is the source rule `rounding`'s: it names the np.round in the code)
        Z, dA = _f64(q.get("Z")), _f64(q.get("dA"))
        if part.split()[-1].startswith("dZ") and Z is not None and dA is not None and Z.shape == g64.shape:
            for act, (fn, words) in ACTIVATIONS.items():
                if act not in SLOPES or not _close(e64, dA * SLOPES[act](Z)):
                    continue
                for h in (1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8):
                    for how, d in (("(g(Z + h) - g(Z)) / h", (fn(Z + h) - fn(Z)) / h),
                                   ("(g(Z) - g(Z - h)) / h", (fn(Z) - fn(Z - h)) / h),
                                   ("(g(Z + h) - g(Z - h)) / 2h", (fn(Z + h) - fn(Z - h)) / (2 * h))):
                        if _close(g64, dA * d):
                            exact = {"sigmoid": "s (1 - s), s = sigmoid(Z)", "relu": "1 where Z > 0, else 0"}[act]
                            return [("approximate_slope", {"part": part, "g": words, "how": how, "k": fmt(h),
                                                           "exact": exact})]
    return []


# the factor k of sigmoid(k Z), and what it means: a power of another base, Z doubled or halved
_INSIDE = ((np.log(2), "powers of 2 where the sigmoid has powers of e (2 ** -Z or np.exp2): e^-Z is np.exp(-Z)"),
           (np.log(10), "powers of 10 where the sigmoid has powers of e (10 ** -Z): e^-Z is np.exp(-Z)"),
           (2.0, "Z doubled inside the sigmoid"), (0.5, "Z halved inside the sigmoid"))


def _scaled_inside(part, g, e, Z):
    """A sigmoid of k Z (k != 1, -1), with the same k on every entry: [(relation, fmt)] or []."""
    if not _close(e, _sig(Z)):
        return []
    use = (np.abs(Z) > 1e-3) & (g > 1e-9) & (g < 1 - 1e-9) & (np.abs(Z) < 30)
    # evidence: a k fitted on one entry fits anything; one entry is heard only on a one-entry case and only
    # for a k with a meaning (the other cases, with more entries, must then agree)
    if not use.any() or (use.sum() < 2 and g.size > 1) or np.any((g < 0) | (g > 1)):
        return []
    with np.errstate(all="ignore"):
        k = np.log(g[use] / (1 - g[use])) / Z[use]
    c = float(np.median(k))
    if not np.allclose(k, c, rtol=1e-5, atol=1e-8) or _near(c, 1.0, 1e-3) or _near(c, -1.0, 1e-3) or abs(c) < 1e-3:
        return []
    words = next((w for v, w in _INSIDE if _near(c, v, 1e-4)), None)
    if words is None and use.sum() < 3:
        return []
    words = words or f"Z multiplied by {fmt(c)} inside the sigmoid"
    return [("scaled_inside", {"part": part, "how": words, "k": fmt(c)})]


__all__ = ["explain", "first_leaf", "single_case", "cost_relation", "closeness"]
