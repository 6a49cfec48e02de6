"""A found expression in the lecture's words: how it differs from the lecture's own (issue 12).

:mod:`expression` says WHAT a wrong value is ("dA[l] * dA[l] * g'(Z[l])"); this module holds it
against the equation of the quantity it should be (``reference``: dZ[l] = dA[l] * g'(Z[l]),
dA[l-1] = W[l].T dZ[l], ...) and says the difference as a mistake: a factor missing or extra
(a 1/m, the s of s (1 - s), a ReLU mask in the linear step, dA[l] multiplied in twice), an
operand substituted (dW[l] where dZ[l] belongs, the slope of dA[l] where the slope of Z[l]
belongs), a function swapped (g where g' belongs), a division where the equation multiplies, a
transposition, a reduction over the other axis, the sign or the scale of Z changed inside g.
Factors are matched by their values on the case, not by their texts, so g'(Z[l]) and
(Z[l] > 0) are one factor in a ReLU layer. Lecture quantities inside the found expression are
expanded by their own equations first (dZ[l] * dA[l] is dA[l] * g'(Z[l]) * dA[l]).

:func:`explain_outputs` is the output-level use: for a wrong graded part that nothing else
names, the search runs on the first wrong case and the expression is kept only when it holds on
EVERY wrong case; then it is translated. :func:`explain_regions` says where a wrong
entry-by-entry output is wrong (where Z[l] < 0, on row 0 only, ...) and what it holds there.
"""
from __future__ import annotations

import numpy as np

from . import expression
from .plain import fmt
from .expression import _atom, _binary, _factor, _reduce, _unary, _Expr

RTOL, ATOL = 1e-5, 1e-8

# how the lecture names a factor (of Z inside g) when it scales it
_SCALE_WORDS = {"-1": "the sign of {x} is flipped", "2": "{x} is doubled", "1/2": "{x} is halved",
                "m": "{x} is multiplied by m", "1/m": "{x} is divided by m"}
_G_WORDS = {"sigmoid": "the sigmoid", "relu": "ReLU", "sigmoid'": "the sigmoid's slope", "exp": "e^x",
            "log": "the log", "tanh": "tanh", "abs": "the absolute value", "1 -": "1 minus",
            "1 +": "1 plus", "sqrt": "the square root", "1 /": "1 over"}


def _mask(q, cmp=">"):
    return _Expr("mask", (q,), f"({q.text} {cmp} 0)", ("mask", cmp, q.key), 0, cmp)


def _value(e, q, m):
    try:
        v = expression.evaluate(e, q, m)
    except (KeyError, ValueError, IndexError):
        return None
    return v


def _same(x, y) -> bool:
    if x is None or y is None:
        return False
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    if x.shape != y.shape:
        return False
    with np.errstate(all="ignore"):
        return bool(np.all(np.isclose(x, y, rtol=RTOL, atol=ATOL)))


def reference(fam, labels, activation=None):
    """The lecture's equation for the quantity family ``fam`` as a tree over ``labels`` (family ->
    the text its value goes by, e.g. 'dA' -> 'dA[l]'), in one or more equal forms; [] when the
    family has no equation here or a quantity it needs is missing."""
    a = {k: _atom(v) for k, v in labels.items()}
    t = {k: _atom(v + ".T") for k, v in labels.items()}

    def need(*fams):
        return all(f in a for f in fams)

    forms = []
    if fam == "dZ" and need("dA", "Z"):
        if activation == "relu":
            forms.append(_binary("*", a["dA"], _mask(a["Z"])))
        elif activation == "sigmoid":
            forms.append(_binary("*", a["dA"], _unary(a["Z"], "sigmoid'")))
            if "s" in a:    # s (1 - s), s = sigmoid(Z[l]): the form the lecture writes
                forms.append(_binary("*", _binary("*", a["dA"], a["s"]), _unary(a["s"], "1 -")))
    elif fam == "slope" and need("Z"):
        if activation == "relu":
            forms.append(_mask(a["Z"]))
        elif activation == "sigmoid":
            forms.append(_unary(a["Z"], "sigmoid'"))
            if "s" in a:    # s (1 - s), as the lecture writes it (diag10)
                forms.append(_binary("*", a["s"], _unary(a["s"], "1 -")))
    elif fam == "A" and need("Z") and activation in ("relu", "sigmoid"):
        forms.append(_unary(a["Z"], activation))
    elif fam == "dA_prev" and need("W", "dZ"):
        forms.append(_binary("@", t["W"], a["dZ"]))
    elif fam == "dW" and need("dZ", "A_prev"):
        forms.append(_factor(_binary("@", a["dZ"], t["A_prev"]), "1/m"))
    elif fam == "db" and need("dZ"):
        forms.append(_factor(_reduce(a["dZ"], "sum", 1, True), "1/m"))
        forms.append(_reduce(a["dZ"], "mean", 1, True))
    elif fam == "Z" and need("W", "A_prev", "b"):
        forms.append(_binary("+", _binary("@", a["W"], a["A_prev"]), a["b"]))
    return forms


def definitions(labels, activation=None):
    """label -> its equation (trees), to expand lecture quantities inside a found expression."""
    out = {}
    for fam in ("dZ", "dA_prev", "Z", "A", "slope"):
        if fam in labels:
            forms = reference(fam, labels, activation)
            if forms:
                out[labels[fam]] = forms[0]
    return out


def _expand(e, defs, keep=()):
    """``e`` with the lecture quantities it names replaced by their equations (once)."""
    if e.op == "atom" and e.text in defs and e.text not in keep:
        return defs[e.text]
    if not e.args:
        return e
    args = tuple(_expand(x, defs, keep) for x in e.args)
    if all(x is y for x, y in zip(args, e.args)):
        return e
    return _Expr(e.op, args, e.text, e.key, e.size, e.name)


def _factors(e, inverse=False):
    """A product's factors as [(tree, divides)], a scalar factor as its own tree."""
    if e.op == "*" and len(e.args) == 2:
        return _factors(e.args[0], inverse) + _factors(e.args[1], inverse)
    if e.op == "/" and len(e.args) == 2:
        return _factors(e.args[0], inverse) + _factors(e.args[1], not inverse)
    if e.op == "factor":
        return [(_Expr("scalar", (), e.name, ("scalar", e.name), 0, e.name), inverse)] + _factors(e.args[0], inverse)
    return [(e, inverse)]


def _fvalue(f, q, m):
    if f.op == "scalar":
        return np.asarray(expression._scalars(m).get(f.name, np.nan))
    return _value(f, q, m)


def _ftext(f):
    return f.text


def describe(found, ref, q, m=None, defs=None):
    """(words saying how ``found`` differs from ``ref``, a rough count of differences) or None
    when they are equal; ``q`` gives both trees' atoms their values."""
    fv, rv = _value(found, q, m), _value(ref, q, m)
    if _same(fv, rv):
        return None
    if ref.op == "+" and found.op in ("+", "-", "factor"):
        said = _terms_differ(found, ref, q, m)
        if said is not None:
            return said, 1
    F, R = _factors(found), _factors(ref)
    if len(F) > 1 or len(R) > 1:
        extra = list(F)
        missing = []
        for r, rinv in R:
            v = _fvalue(r, q, m)
            hit = next((i for i, (f, finv) in enumerate(extra) if finv == rinv and (
                f.key == r.key or (np.size(v) > 1 and _same(_fvalue(f, q, m), v)))), None)
            if hit is None:
                missing.append((r, rinv))
            else:
                extra.pop(hit)
        if not extra and len(missing) == 1:
            r, _ = missing[0]
            return f"it is missing the factor {_ftext(r)}{_role_said(r)}", 1
        if not missing and len(extra) == 1:
            f, inv = extra[0]
            if inv:
                return f"it also divides by {_ftext(f)}", 1
            fval = _fvalue(f, q, m)
            if any(not rinv and np.size(fval) > 1 and _same(fval, _fvalue(r, q, m)) for r, rinv in R):
                return f"{_ftext(f)} is multiplied in twice instead of once", 1
            if f.op == "mask" and f.args[0].text.startswith("A[l-1]"):
                return (f"it is also multiplied by the mask {_ftext(f)}, the previous layer's ReLU slope: that "
                        f"slope belongs to layer l-1's own step, dZ[l-1] = dA[l-1] * g'(Z[l-1]), not to dA[l-1]"), 1
            if f.op == "mask":
                return (f"it is also multiplied by the mask {_ftext(f)}, a ReLU slope: that slope belongs "
                        f"to dZ[l] = dA[l] * g'(Z[l]) only"), 1
            if f.op == "sigmoid'" or f.op == "mask":
                return f"it is also multiplied by the sigmoid's slope {_ftext(f)}: two slopes where the equation has one", 1
            return f"it has an extra factor {_ftext(f)}{_role_said(f)}", 1
        if len(extra) == 1 and len(missing) == 1:
            (f, finv), (r, rinv) = extra[0], missing[0]
            if finv and not rinv and _same(_fvalue(f, q, m), _fvalue(r, q, m)):
                return f"it divides by {_ftext(r)} where the equation multiplies by it", 1
            fval = _fvalue(f, q, m)
            twice = next((x for x, xinv in R if x is not r and not xinv and not finv and np.size(fval) > 1
                          and _same(fval, _fvalue(x, q, m))), None)
            if twice is not None:    # s * s where s (1 - s) belongs: the kept factor taken twice (diag13)
                return (f"{_ftext(twice)}^2 where {_ftext(twice)} {_paren_text(r)} belongs: {_ftext(r)} is "
                        f"replaced by a second {_ftext(twice)}"), 1
            return _substituted(f, r, q, m, defs), 2
        return None
    return _substituted(found, ref, q, m, defs), 2


# what a lecture quantity is, in plain words: "A[l-1] is used instead of Z[l] (the layer's input instead
# of the linear output)" says the mistake by symbol and by role (a layer number is kept: A[1], W[2])
_ROLES = [(r"A\[l-1\]", "the layer's input"), (r"A\[0\]", "the input X"), (r"A\[L\]", "the output layer's activation"),
          (r"A\[l\]", "the activation's value"), (r"A\[(\d+)\]", "layer {0}'s output"),
          (r"Z\[l\]", "the linear output"), (r"Z\[(\d+)\]", "layer {0}'s linear output"),
          (r"W\[l\]", "the weights"), (r"W\[(\d+)\]", "layer {0}'s weights"),
          (r"b\[l\]", "the bias"), (r"b\[(\d+)\]", "layer {0}'s bias"),
          (r"dA\[l\]", "the gradient that reaches the layer"), (r"dA\[l-1\]", "the gradient handed back to layer l-1"),
          (r"dA\[(\w+)\]", "the gradient of A[{0}]"), (r"dZ\[(\w+)\]", "the gradient of Z[{0}]"),
          (r"dW\[(\w+)\]", "the gradient of W[{0}]"), (r"db\[(\w+)\]", "the gradient of b[{0}]"),
          (r"s", "the sigmoid's value"), (r"Y", "the labels"), (r"g'\(Z\[l\]\)", "the activation's slope")]


def role(text):
    """The plain words for a lecture quantity's text (``A[l-1]`` -> "the layer's input"; a transpose
    is the same quantity), or None."""
    import re
    base = text[:-2] if text.endswith(".T") else text
    for pattern, words in _ROLES:
        hit = re.fullmatch(pattern, base)
        if hit:
            return words.format(*hit.groups())
    return None


def _role_said(e):
    """", the layer's input" after a lecture quantity's text (or a slope's), "" for anything else."""
    words = role(e.text) if e.op == "atom" else None
    if e.op == "mask" and e.args[0].text.startswith("Z["):
        words = "the ReLU's slope (1 where Z > 0, 0 elsewhere)"
    elif e.op == "sigmoid'":
        words = "the sigmoid's slope"
    return f", {words}" if words else ""


def _used_instead(x, y, tail=""):
    """"x is used instead of y" and, when both are lecture quantities, their roles in plain words."""
    rx, ry = role(x), role(y)
    said = f"{x} is used instead of {y}"
    if rx and ry and rx != ry:
        said += f" ({rx} instead of {ry})"
    return said + tail


def _paren_text(e):
    return e.text if e.op == "atom" else f"({e.text})"


def _terms(e, sign=1.0):
    """A sum's terms as [(coefficient, tree)]: 2 b[l] is (2, b[l]), -X is (-1, X)."""
    if e.op == "+" and len(e.args) == 2:
        return _terms(e.args[0], sign) + _terms(e.args[1], sign)
    if e.op == "-" and len(e.args) == 2:
        return _terms(e.args[0], sign) + _terms(e.args[1], -sign)
    if e.op == "factor" and e.name in ("2", "1/2", "-1"):
        return [(c * {"2": 2.0, "1/2": 0.5, "-1": -1.0}[e.name], t) for c, t in _terms(e.args[0], sign)]
    return [(sign, e)]


def _terms_differ(found, ref, q, m):
    """Words for a sum whose terms differ from the equation's by one: a term added k times, one
    missing, one extra; or None."""
    got = []
    for c, t in _terms(found):
        v = _value(t, q, m)
        for item in got:
            if _same(_value(item[1], q, m), v):
                item[0] += c
                break
        else:
            got.append([c, t])
    want = [(c, t) for c, t in _terms(ref)]
    diffs = []
    for c, t in want:
        v = _value(t, q, m)
        hit = next((g for g in got if _same(_value(g[1], q, m), v)), None)
        if hit is None:
            diffs.append(f"the term {t.text} is missing")
        else:
            got.remove(hit)
            if hit[0] != c:
                k = hit[0]
                diffs.append(f"{t.text} is added {k:g} times" if k > 1 and float(k).is_integer()
                             else f"{t.text} appears {k:g} times")
    diffs += [f"it has an extra term {t.text}" for c, t in got]
    return diffs[0] if len(diffs) == 1 else None


def _substituted(f, r, q, m, defs=None):
    """Words for one part ``f`` standing where ``r`` belongs."""
    fv, rv = _value(f, q, m), _value(r, q, m)
    if fv is not None and rv is not None and np.ndim(fv) == 2 and fv.shape == rv.shape[::-1] and _same(fv, rv.T) \
            and fv.shape != rv.shape:
        return f"{r.text} is transposed"
    if f.op == r.op and f.op in expression._G and f.op not in expression._PREFIX:
        fa, ra = f.args[0], r.args[0]
        if fa.op == "factor" and fa.args[0].key == ra.key and fa.name in _SCALE_WORDS:
            return f"{f.text} where {r.text} belongs: " + _SCALE_WORDS[fa.name].format(x=ra.text) + f" inside {_G_WORDS[f.op]}"
        return f"{f.op} of {fa.text} where {r.op} of {ra.text} belongs ({f.text} instead of {r.text})"
    if {f.op, r.op} == {"1 +", "1 -"} and _same(_value(f.args[0], q, m), _value(r.args[0], q, m)):
        sign = "a plus where the equation has a minus" if f.op == "1 +" else "a minus where the equation has a plus"
        return f"{f.text} where {r.text} belongs: {sign}"
    if f.op in expression._G and r.op in expression._G and f.args[0].key == r.args[0].key:
        return f"{f.text} where {r.text} belongs: {_G_WORDS[f.op]} instead of {_G_WORDS[r.op]}"
    if f.op == r.op and f.op in ("sum", "mean") and f.args[0].key == r.args[0].key and f.name != r.name:
        return f"{f.text} where {r.text} belongs: the sum runs over axis {f.name[0]} where it belongs over axis {r.name[0]}"
    if f.op == r.op == "@":
        (fl, fr), (rl, rr) = f.args, r.args
        q1 = _same(_value(fl, q, m), _value(rl, q, m))
        q2 = _same(_value(fr, q, m), _value(rr, q, m))
        for same, (x, y) in ((q1 and not q2, (fr, rr)), (q2 and not q1, (fl, rl))):
            if not same:
                continue
            inner = None
            if defs and y.text in defs:    # a lecture quantity done wrong inside the product: say how
                got = describe(_expand(x, defs, keep=_leaves(defs[y.text])), defs[y.text], q, m, defs)
                inner = got[0] if got and got[1] == 1 else None
            if inner is None and len(_factors(x)) > 1:    # the quantity itself with a factor more or less
                got = describe(x, y, q, m)
                inner = got[0] if got and got[1] == 1 else None
            if inner:
                return _used_instead(x.text, y.text, f": in {y.text}, {inner}")
            if x.op == y.op == "atom" and x.text.endswith(".T") and y.text.endswith(".T"):
                return _used_instead(x.text[:-2], y.text[:-2], f": {f.text} instead of {r.text}")
            return _used_instead(x.text, y.text, f": {f.text} instead of {r.text}")
    if f.op == "atom" and r.op == "atom":
        return _used_instead(f.text, r.text)
    inner = _one_argument(f, r, q, m)
    if inner is not None:
        return inner
    from .slopes import other_slope   # diagB: tanh's slope where the sigmoid's belongs, by name
    tanh = other_slope(f, r, lambda t: _value(t, q, m))
    if tanh is not None:
        return tanh
    swapped = _leaf_swapped(f, r, q, m)   # the trees' forms differ (sum(1/m X) and mean(X)): by value
    if swapped is not None:
        return swapped
    said, belongs = _role_said(f), _role_said(r)   # by symbol and, for a lecture quantity or slope, by role
    return f"{f.text}{said}{',' if said else ''} is used instead of {r.text}{belongs}" if said != belongs else \
        f"{f.text} is used instead of {r.text}"


def _leaf_swapped(f, r, q, m):
    """"it is made from dW[l] where dZ[l] belongs" when the equation ``r`` with one of its quantities
    replaced by one quantity of ``f`` gives ``f``'s value (whatever the two trees' forms: sum(1/m X)
    and mean(X) are one); None when no replacement does, or when the trees differ by more quantities."""
    base = lambda t: t[:-2] if t.endswith(".T") else t   # noqa: E731  (a transpose is the same quantity)
    fl, rl = {base(t) for t in _leaves(f)}, {base(t) for t in _leaves(r)}
    gone, new = rl - fl, fl - rl
    fv = _value(f, q, m)
    if f.op == r.op or len(gone) != 1 or len(new) != 1 or fv is None:   # one op: the trees' own diff says where
        return None     # one quantity out, one in: anything more is not one replacement
    y = gone.pop()
    forms = [r] + ([_mean_as_sum(r)] if m else [])   # mean over the m examples is 1/m sum: say either
    hits = [x for x in new if x in q and any(_same(_value(form, dict(q, **{y: q[x]}), m), fv) for form in forms)]
    if len(hits) != 1:
        return None
    x, (rx, ry) = hits[0], (role(hits[0]), role(y))
    return f"it is made from {x} where {y} belongs" + (f" ({rx} instead of {ry})" if rx and ry and rx != ry else "")


def _mean_as_sum(e):
    """``e`` with each mean(X, axis) written 1/m sum(X, axis): the same value where the axis has m
    entries, another one where X stands for a quantity with another number of columns."""
    args = tuple(_mean_as_sum(a) for a in e.args)
    if e.op == "mean":
        axis, keep = e.name
        return expression._factor(expression._reduce(args[0], "sum", axis, keep), "1/m")
    return e if all(a is b for a, b in zip(args, e.args)) else _Expr(e.op, args, e.text, e.key, e.size, e.name)


def _one_argument(f, r, q, m):
    """"A[l-1] is used where dZ[l] belongs" for two trees of one operation (a sum over the same
    axis, a factor, a function) that differ in one argument only, an atom on both sides; or None."""
    if f.op != r.op or f.name != r.name or len(f.args) != len(r.args) or not f.args or f.op in expression._G:
        return None    # (a function of one array, 1 - Z[l] where 1 - s belongs, is said whole)
    differ = [(x, y) for x, y in zip(f.args, r.args) if not _same(_value(x, q, m), _value(y, q, m))]
    if len(differ) != 1:
        return None
    x, y = differ[0]
    if x.op == y.op == "atom":
        return _used_instead(x.text, y.text, f": {f.text} instead of {r.text}")
    return _one_argument(x, y, q, m)


def translate(found, fam, labels, q, m=None, activation=None, defs=None):
    """The words for the found tree of a value that should be the family ``fam``: the smallest
    difference from any form of its equation, or None."""
    if activation == "sigmoid" and "Z" in labels and labels["Z"] in q:
        with np.errstate(all="ignore"):
            labels, q = dict(labels, s="s"), dict(q, s=1 / (1 + np.exp(-np.asarray(q[labels["Z"]], dtype=np.float64))))
    forms = reference(fam, labels, activation)
    if not forms:
        return None
    defs = dict(definitions(labels, activation), **(defs or {}))
    keep = set()
    best = None
    hoisted = _hoist(found)
    for form in forms:
        leaves = _leaves(form)
        for candidate in (found, _expand(found, defs, keep=leaves | keep), *((hoisted,) if hoisted is not found else ())):
            got = describe(candidate, form, q, m, defs)
            if got is not None and (best is None or got[1] < best[1]):
                best = got
    return None if best is None else best[0]


def _hoist(e):
    """``e`` with a scalar factor inside a matrix product moved in front of it ((1/m dZ[l]) Z[l].T is
    1/m (dZ[l] Z[l].T)), so that its factors line up with the equation's; ``e`` itself if none."""
    if e.op == "@" and len(e.args) == 2:
        x, y = e.args
        if x.op == "factor":
            return _factor(_hoist(_binary("@", x.args[0], y)), x.name)
        if y.op == "factor":
            return _factor(_hoist(_binary("@", x, y.args[0])), y.name)
    return e


def _leaves(e):
    if e.op == "atom":
        return {e.text}
    return set().union(*(_leaves(a) for a in e.args)) if e.args else set()


__all__ = ["reference", "definitions", "describe", "translate"]


# ---- the output-level use: a wrong graded part, every wrong case ---------------------------------

def _case_quantities(spec, case, own):
    """(family -> label, label -> value, m) of the reference's quantities on ``case``, the part's own
    family left out (an activation's A is the answer, not an ingredient)."""
    from .firstwrong import _label, family
    labels, q = {}, {}
    with np.errstate(all="ignore"):
        flat = spec.quantities(case)
    for k, v in flat.items():
        fam = family(k)
        if fam is None or fam == own or type(v) is not np.ndarray or v.ndim != 2:
            continue
        labels.setdefault(fam, _label(fam, None))
        q.setdefault(labels[fam], v.astype(np.float64))
    return labels, q, case.info.get("m")


def _wrong_arrays(spec, part, runs):
    """[(case, got, expected)] for the wrong cases of ``part`` when every one is a finite 2-D array
    of the expected shape; None otherwise."""
    out = []
    for case, got_parts, wrong in runs:
        if not wrong.get(part):
            continue
        exp_parts, _ = spec.split(case.expected, case)
        g, e = got_parts.get(part), exp_parts.get(part)
        if not (type(g) is np.ndarray and type(e) is np.ndarray and g.shape == e.shape and g.ndim == 2
                and np.issubdtype(g.dtype, np.number)):
            return None
        if np.all(np.isfinite(g)):   # a NaN or inf where |Z| is large is an overflow, said elsewhere
            out.append((case, g.astype(np.float64), e))
    return out or None


def explain_outputs(spec, runs, budget=expression.BUDGET):
    """A Finding for the first wrong part whose values are one lecture expression on EVERY wrong
    case, translated (:func:`translate`); else the entries where it goes wrong (:func:`explain_regions`)."""
    from .firstwrong import activation, family
    from .mistakes import hint_for
    from .result import Finding
    for part in spec.parts:
        fam = family(part)
        bad = _wrong_arrays(spec, part, runs)
        if fam is None or bad is None:
            continue
        case, got, _ = bad[0]
        labels, q, m = _case_quantities(spec, case, fam)
        act = activation(spec, case, None, {})
        if not q or not reference(fam, dict(labels, **{fam: fam}) if fam not in labels else labels, act):
            pass
        meter = [0]
        with np.errstate(all="ignore"):   # a constant on every case (all 1s) fits any x / x: no formula claimed
            sized = [np.asarray(g) for _, g, _ in bad if np.size(g) > 1]
            constant = bool(sized) and all(np.all(g == g.flat[0]) for g in sized)
        trees = [] if constant else expression.search_tree(got, q, m=m, budget=budget, meter=meter)
        kept = [t for t in trees if all(_holds(t, spec, c, g, fam) for c, g, _ in bad[1:])]
        if not kept:    # dZ[l] = dA[l] * (a slope): the slope the learner used, searched on its own
            trees = _times_dA(got, fam, labels, q, m, budget, meter)
            kept = [t for t in trees if all(_holds(t, spec, c, g, fam) for c, g, _ in bad[1:])]
        if len(kept) > 1 and not expression.equivalent(kept, q, m):
            kept = []    # different expressions that every wrong case allows: not one mistake
        if kept:
            words = None
            for t in kept:
                with np.errstate(all="ignore"):
                    words = translate(t, fam, labels, q, m=m, activation=act)
                if words:
                    break
            if words:
                text = " = ".join(dict.fromkeys(k.text for k in kept[:2]))
                from .firstwrong import LECTURE
                f = Finding(f"{spec.name}.output_expression",
                            hint_for(f"{spec.name}.output_expression", part=part, expression=text,
                                     definition=LECTURE[fam][1], words=words),
                            [f"With {c.label}." for c, _, _ in bad[:1]])
                return f
        found = explain_regions(spec, part, fam, bad)
        if found is not None:
            return found
    return None


def _times_dA(got, fam, labels, q, m, budget, meter):
    """[dA[l] * t] for the expressions t of got / dA[l] (the learner's slope), when ``fam`` is dZ and no
    entry of dA[l] is 0: a slope written wrong is one size smaller on its own (s (1 - Z[l]))."""
    dA = q.get(labels.get("dA"))
    if fam != "dZ" or dA is None or dA.shape != got.shape or np.any(np.abs(dA) < 1e-12):
        return []
    # the slope is entry by entry: only the arrays of dZ[l]'s shape (Z[l], A[l], ...) can be in it
    pool = {k: v for k, v in q.items() if k != labels["dA"] and np.shape(v) == got.shape}
    if not pool:
        return []
    with np.errstate(all="ignore"):
        trees = expression.search_tree(got / dA, pool, m=m, budget=budget, meter=meter)
    return [_binary("*", _atom(labels["dA"]), t) for t in trees]


def _holds(tree, spec, case, got, fam):
    _, q, m = _case_quantities(spec, case, fam)
    return _same(_value(tree, q, m), got)


# regions of a layer's entries, by the lecture's Z[l] (where g and g' change)
_REGIONS = (
    ("Z[l] < 0", lambda Z: Z < 0), ("Z[l] > 0", lambda Z: Z > 0), ("Z[l] <= 0", lambda Z: Z <= 0),
    ("0 < Z[l] < 1", lambda Z: (Z > 0) & (Z < 1)), ("Z[l] > 1", lambda Z: Z > 1),
)


def _broadcasts(small, big) -> bool:
    return len(small) == len(big) and all(a in (1, b) for a, b in zip(small, big))


def _lines(wrongs):
    """(name, where it is right, where it is wrong) when the wrong entries are whole rows (or whole
    columns) and the same ones, by position, on every wrong case: row 0 only, every row but row 0, the
    last row, every row but the last, or the same row numbers when the cases have as many; else None."""
    from .wrongvalue import last_entry_only   # W2a: the last entry alone (a flat loop one short)
    said = last_entry_only(wrongs)
    if said is not None:
        return said
    for axis, what in ((0, "row"), (1, "column")):
        sets, whole_lines = [], False
        for w in wrongs:
            if w.ndim != 2:
                break
            if w.shape[axis] < 2:
                if w.all():
                    continue     # one row (column), all wrong: neither for nor against
                break
            touched = w.any(axis=1 - axis)
            if touched.all():
                break            # every row wrong: no row is right
            whole_lines = whole_lines or np.array_equal(w, np.expand_dims(touched, 1 - axis) & np.ones_like(w))
            sets.append((tuple(np.flatnonzero(touched)), w.shape[axis]))
        else:
            if not sets or (len(sets) < 2 and not whole_lines):
                continue     # one case with a few wrong entries: where they fall may be chance
            def says(wrong, n):     # every (where it is wrong, where it is right) that fits
                return [said for fits, said in (
                    (wrong == (0,), (f"on {what} 0", f"on every {what} except {what} 0")),
                    (wrong == tuple(range(1, n)), (f"on the other {what}s", f"on {what} 0 only")),
                    (wrong == (n - 1,), (f"on the last {what}", f"on every {what} except the last")),
                    (wrong == tuple(range(n - 1)), (f"on every {what} except the last", f"on the last {what} only")))
                    if fits]
            told = says(*sets[0])
            for x in sets[1:]:
                told = [t for t in told if t in says(*x)]
            if told:
                where, right = told[0]
                return f"{what}s", right, where
            if len({x for x in sets}) == 1:     # the same numbers on cases of the same size
                wrong, n = sets[0]
                shown = ", ".join(str(i) for i in wrong)
                rest = ", ".join(str(i) for i in range(n) if i not in wrong)
                return f"{what}s", f"on {what}(s) {rest}", f"on {what}(s) {shown}"
    return None


def explain_regions(spec, part, fam, bad):
    """A Finding when a wrong entry-by-entry part is wrong exactly on one region of Z[l] (where
    Z[l] < 0, where 0 < Z[l] < 1) or on the same rows / columns by position (:func:`_lines`: row 0,
    every row but row 0, the last row, ...), on every wrong case; with what it holds there (an
    expression over the entries, the part's own right values and b[l] among them; one number), when
    one is found."""
    from .firstwrong import LECTURE
    from .mistakes import hint_for
    from .result import Finding
    wrongs = []
    for case, g, e in bad:
        with np.errstate(all="ignore"):
            wrongs.append(~np.isclose(g, np.asarray(e, dtype=np.float64), rtol=RTOL, atol=ATOL))
    regions = []
    Zs = []
    for case, g, e in bad:
        _, q, _ = _case_quantities(spec, case, fam)
        Zs.append(q.get("Z[l]"))
    if all(Z is not None and Z.shape == g.shape for Z, (_, g, _) in zip(Zs, bad)):
        for name, fn in _REGIONS:
            masks = [fn(Z) for Z in Zs]
            if all(np.array_equal(mk, w) for mk, w in zip(masks, wrongs)) and any(
                    (~mk).any() for mk in masks):
                regions.append((name, masks))
                break
    lines = None
    if not regions:
        lines = _lines(wrongs)
        if lines is None:
            return None
        regions.append((lines[0], wrongs))
    name, masks = regions[0]
    # what the part holds there: an expression over the region's entries, on every wrong case at once
    cols = {}
    target = []
    ok = True
    own = LECTURE[fam][0]
    for (case, g, e), mk in zip(bad, masks):
        labels, q, m = _case_quantities(spec, case, fam)
        target.append(g[mk])
        e64 = np.asarray(e, dtype=np.float64)
        if np.any(e64[mk] != 0):   # the part's own right values there: "Z[l] - b[l]" (b[l] missing there)
            q = dict(q, **{own: e64})
        for k, v in q.items():
            if v.ndim == 2 and v.shape != g.shape and _broadcasts(v.shape, g.shape):
                v = np.broadcast_to(v, g.shape)     # b[l] (n[l], 1) beside (n[l], m) entries
            if v.shape == g.shape:
                cols.setdefault(k, []).append(v[mk])
        ok = ok and all(k in q for k in cols if k != own)
    there = ""
    exp_there = np.concatenate([np.asarray(e, dtype=np.float64)[mk] for (_, _, e), mk in zip(bad, masks)])
    if ok and cols:
        q1 = {k: np.concatenate(v)[None, :] for k, v in cols.items() if len(v) == len(bad)}
        t1 = np.concatenate(target)[None, :]
        if t1.size > 1 and np.all(t1 == t1.flat[0]):    # one number everywhere there (not one hidden
            trees = []                                      # case's number: the grader never shows its values)
            if len(bad) > 1 or not bad[0][0].info.get("hidden"):
                there = f": there it is {fmt(float(t1.flat[0]))} everywhere"
        else:
            trees = expression.search_tree(t1, q1, m=None, budget=2000) if t1.size > 1 else []
        if len(trees) >= 1 and all(_same(_value(t, q1, None), _value(trees[0], q1, None)) for t in trees):
            there = f": there it is {trees[0].text}"
    if there and lines is not None and lines[0] == "entries":   # W2a: one entry per case: no "everywhere"
        there = there.replace(" everywhere", "")
    if there and np.allclose(exp_there, 0):
        there += " instead of 0"
    if fam == "dZ" and ok and "dA[l]" in q1:     # dZ = dA * g'(Z): the slope the learner used there
        dA = q1["dA[l]"][0]
        use = np.abs(dA) > 1e-12
        if use.sum() >= 1:
            with np.errstate(all="ignore"):
                slope, want = t1[0][use] / dA[use], exp_there[use] / dA[use]
            said = None
            if np.allclose(slope, slope[0], rtol=RTOL, atol=ATOL):
                said = f"{float(slope[0]) + 0.0:g}"   # + 0.0: a -0.0 slope reads as 0
            else:
                rest = {k: v[:, use] for k, v in q1.items() if k != "dA[l]"}
                trees = expression.search_tree(slope[None, :], rest, budget=2000) if slope.size > 1 else []
                if trees and (len(trees) == 1 or expression.equivalent(trees, rest)):
                    said = trees[0].text
            if said is not None:
                w = f" instead of {float(want[0]) + 0.0:g}" if np.allclose(want, want[0]) else ""
                there += f"; there dA[l] is multiplied by {said}{w} (the slope g'(Z[l]))"
    if lines is not None:
        right, where = lines[1], lines[2]
    else:
        where = f"where {name}"
        where += {"Z[l] < 0": " (the negative entries of Z[l])", "Z[l] > 0": " (the positive entries of Z[l])"}.get(name, "")
        right = {"Z[l] < 0": "where Z[l] >= 0", "Z[l] > 0": "where Z[l] <= 0", "Z[l] <= 0": "where Z[l] > 0",
                 "0 < Z[l] < 1": "where Z[l] <= 0 and where Z[l] >= 1", "Z[l] > 1": "where Z[l] <= 1"}[name]
    mid = f"{spec.name}.wrong_where"
    return Finding(mid, hint_for(mid, part=part, right=right, where=where, there=there,
                                 definition=LECTURE[fam][1]),
                   [f"With {bad[0][0].label}."])


__all__ += ["explain_outputs", "explain_regions"]
