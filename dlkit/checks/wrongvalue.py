"""What a wrong value IS, said in the lecture's words (W2a, issue 12).

* :func:`belongs_instead`: a quantity with no place in an equation, and the one the equation has
  there (the family of the equation no operand of the line supplies);
"""
from __future__ import annotations

import numpy as np

__all__ = ["belongs_instead", "constant_output", "with_constant", "plain_fact", "arrange", "wrong_divisor", "last_entry_only", "function_of_alien", "identify", "LIBRARY", "library_relation"]

# relations that say where an array is wrong, not why: "all zeros" is the plainer fact, said before them
_WHERE = ("last_columns_zero", "factor_on_some", "first_column_only", "right_except_where", "columns_up_to_rows",
          "offset")
CONSTANT_IDS = ("all_zero", "all_constant")
PLAIN_IDS = CONSTANT_IDS + ("wrong_divisor", "lecture_function")


def plain_fact(finding) -> bool:
    """An all-zeros / one-number / divisor finding: a fact about the value, not where it was made; the line
    tracer and the source rules still look for the line and the cause (spec.run)."""
    return finding.id.rsplit(".", 1)[-1] in PLAIN_IDS

_ROLE = {"A_prev": "the layer's input", "A": "the layer's output", "Z": "the layer's linear output",
         "W": "the layer's weights", "b": "the layer's bias"}


def belongs_instead(named, operands, families, label) -> str:
    """'; it uses the layer's input A[l-1] where Z[l] belongs' when the families of the equation that no
    operand of the line supplies are one quantity, or Z[l] and functions of it, else ''."""
    present = {n.family for n in operands if n is not None and n.family}
    missing = [f for f in sorted(families) if f not in present]
    if not missing or named.family in families:
        return ""
    role = _ROLE.get(named.family)
    what = f"{role} {named.label}" if role else named.label
    if len(missing) == 1:
        there = label(missing[0], None)
    elif "Z" in missing and set(missing) <= {"Z", "A", "slope"}:
        there = "Z[l] or a function of it (A[l] = g(Z[l]), the slope g'(Z[l]))"
    else:
        return ""
    return f"; it uses {what} where {there} belongs"


def constant_output(part, g, e):
    """[("all_zero", fmt)] when the array ``g`` is 0 in every entry and the expected ``e`` is not;
    [("all_constant", fmt)] when ``g`` holds one other number in every entry (at least two) and ``e``
    does not; else []."""
    if g.shape != e.shape or g.size < 1 or not np.isfinite(g).all() or not np.isfinite(e).all():
        return []
    c = float(g.flat[0])
    if not np.all(g == c):
        return []
    scale = max(float(np.max(np.abs(e))), 1e-12)
    if c == 0:
        return [("all_zero", {"part": part})] if np.max(np.abs(e)) > 1e-9 else []
    if g.size < 2 or np.ptp(e) <= 1e-6 * scale:
        return []      # the right values are one number too: a factor or an offset says it better
    return [("all_constant", {"part": part, "k": c})]   # (k: the cases may differ in it; explain formats it)


def with_constant(part, g, e, rels):
    """``rels`` (relations.single_case's) with all_zero / all_constant placed after the relations that name
    after the relations that name a cause (whole numbers, an axis) and before those that only say where the
    array is wrong (that follows from it); the line tracer gets no all_constant (its own search names the number)."""
    if g is None or e is None:
        return rels
    const = constant_output(part, g, e)
    if not const:
        return rels
    if const[0][0] == "all_constant" and part.startswith("your "):
        return rels    # the line tracer: its expression search says what the one number is
    at = next((i for i, (r, _) in enumerate(rels) if r in _WHERE), len(rels))
    return rels[:at] + const + rels[at:]


def arrange(findings) -> list:
    """The line tracer's "your X is all zeros" (with the line) first, in place of the output's own
    all-zeros finding: the same fact once, where the learner looks."""
    ends = tuple("first_wrong_line_" + c for c in PLAIN_IDS)
    traced = [f for f in findings if f.id.endswith(ends)]
    if not traced:
        return findings
    kinds = {f.id.rsplit("first_wrong_line_", 1)[-1] for f in traced}
    if not any(plain_fact(f) and f.id.rsplit(".", 1)[-1] in kinds for f in findings):
        return findings    # the output itself is not one number: the traced line is where it was, no more
    rest = [f for f in findings if f is not traced[0] and not (plain_fact(f) and f.id.rsplit(".", 1)[-1] in kinds)]
    return traced[:1] + rest


# the counts a learner divides by where m belongs, in order of likelihood, with what they are
_DIVISORS = (
    ("m - 1", lambda m, n, p: m - 1, "m - 1 is the last value of a loop variable over range(m) (or a count that "
                                     "starts at 0), not the number of examples"),
    ("m + 1", lambda m, n, p: m + 1, "m + 1 is one more than the number of examples (a count that starts at 1, "
                                     "or one step too many)"),
    ("n[l]", lambda m, n, p: n, "n[l] is the number of units of the layer (the rows), not the number of examples"),
    ("n[l-1]", lambda m, n, p: p, "n[l-1] is the number of units of the layer before (A[l-1]'s rows, W[l]'s "
                                  "columns), not the number of examples"),
)
_AVERAGED = ("dW", "db", "cost", "J")    # the parts whose equation divides by m


def _sizes(q):
    """(n[l], n[l-1]) from the case's quantities, each None when the case does not show it."""
    W = q.get("W")
    if getattr(W, "ndim", 0) == 2:
        return W.shape
    n = next((v.shape[0] for k in ("dZ", "Z", "dA") if getattr(v := q.get(k), "ndim", 0) == 2), None)
    p = q.get("A_prev")
    return n, (p.shape[0] if getattr(p, "ndim", 0) == 2 else None)


def wrong_divisor(part, bad, ks):
    """("wrong_divisor", fmt) when the learner's ``part`` is m / d times the right one on every wrong case
    (``ks``: the factor found on each), with d one same expression of the case's counts (m - 1, ...) other
    than m; else None. Only for parts whose equation has the 1/m (the gradients dW, db and the cost)."""
    if not part.split()[-1].startswith(_AVERAGED) or not bad or len(ks) != len(bad):   # ("your dW": the tracer)
        return None
    if all(k is not None and any(abs(k - c) <= 1e-4 for c in (2.0, 0.5, -1.0)) for k in ks):
        return None     # a factor 2 (1/2, -1) on every case: relations' own named factor says it
    names = None
    finite = 0
    for (case, g, _, _, q), k in zip(bad, ks):
        m = case.info.get("m")
        n, p = _sizes(q)
        if not m or k is not None and k <= 0:
            return None
        if k is None:
            # divided by a count that is 0 on this case (m - 1 with m = 1): inf / nan, no factor
            if np.isfinite(np.asarray(g, dtype=np.float64)).all():
                return None
            fits = [i for i, (_, fn, _) in enumerate(_DIVISORS) if fn(m, n, p) == 0]
        else:
            finite += 1
            d = m / k
            fits = [i for i, (_, fn, _) in enumerate(_DIVISORS)
                    if (v := fn(m, n, p)) is not None and v >= 1 and v != m and abs(d - v) <= 1e-4 * v]
        names = fits if names is None else [i for i in names if i in fits]
        if not names:
            return None
    if not finite:
        return None
    first = _DIVISORS[names[0]]
    shown = next(i for i, k in enumerate(ks) if k is not None)
    m0 = bad[shown][0].info["m"]
    n0, p0 = _sizes(bad[shown][4])
    also = [_DIVISORS[i][0] for i in names[1:]]
    also_words = f" (on this case {first[0]} is also {' and '.join(also)})" if also else ""
    return "wrong_divisor", {"part": bad[0][3], "d": first[0], "value": f"{first[1](m0, n0, p0):g}", "m": m0,
                             "also": also_words, "why": first[2]}


def last_entry_only(wrongs):
    """("entries", where it is right, where it is wrong) when each wrong-mask in ``wrongs`` has one wrong
    entry, its last one (flat order; a one-entry array's only one), and the cases together show at least 2
    entries right; else None."""
    if not wrongs or any(getattr(w, "ndim", 0) != 2 or w.size < 1 for w in wrongs):
        return None
    if not all(np.count_nonzero(w) == 1 and w.flat[-1] for w in wrongs):
        return None
    if sum(w.size - 1 for w in wrongs) < 2:
        return None     # one entry right beside one wrong: as likely chance
    return "entries", "on every entry except the last", "on the last entry (the last column of the last row)"


def function_of_alien(operands, families, label) -> str:
    """'sigmoid(A[l-1]) is computed from A[l-1], which has no place in ...; it uses ...' for an operand whose
    lecture label is a function of one quantity whose family the equation does not have; else ''."""
    if not families:
        return ""
    import re
    from .firstwrong import LECTURE
    for named in operands:
        if named is None or named.family in families:
            continue
        for fam in LECTURE:
            if fam in families or fam in ("m", "L"):
                continue
            inner = label(fam, None)
            hits = re.search(r"(?<![\w\[])" + re.escape(inner) + r"(?![\w\[])", named.label)
            if not hits or named.label == inner:
                continue
            who = Named_like(inner, fam, named.layer)
            instead = belongs_instead(who, [o for o in operands if o is not named], families, label)
            if not instead:
                return ""
            return f"{named.label} is computed from {inner}, which has no place there{instead}"
    return ""


class Named_like:
    """The quantity inside an operand's label, as :func:`belongs_instead` reads it."""
    __slots__ = ("label", "family", "layer")

    def __init__(self, label, family, layer):
        self.label, self.family, self.layer = label, family, layer


def _sig(x):
    return 0.5 * (1 + np.tanh(0.5 * x))    # the sigmoid without overflow


# the lecture's functions of one quantity X: (how it is written, what it is), the function
LIBRARY = (
    (("1 - tanh({x})^2", "the tanh's slope at {x}"), lambda x: 1 - np.tanh(x) ** 2),
    (("sigmoid({x}) (1 - sigmoid({x}))", "the sigmoid's slope at {x}"), lambda x: _sig(x) * (1 - _sig(x))),
    (("({x} > 0)", "ReLU's slope at {x}"), lambda x: (x > 0).astype(np.float64)),
    (("tanh({x})", "the tanh of {x}"), np.tanh),
    (("sigmoid({x})", "the sigmoid of {x}"), _sig),
    (("max(0, {x})", "ReLU of {x}"), lambda x: np.maximum(x, 0)),
    (("exp({x})", "e to the power {x}"), np.exp),
    (("exp(-{x})", "e to the power -{x}"), lambda x: np.exp(-x)),
    (("{x} (1 - {x})", "{x} times 1 - {x}"), lambda x: x * (1 - x)),
    # values2: the slope's forms a learner's s gives when it is not sigmoid(Z): the slope taken twice (s
    # already holds A (1 - A)), and 1 - s or s squared (one factor turned into the other, an alias)
    (("p (1 - p) with p = {x} (1 - {x})", "the slope {x} (1 - {x}) taken twice, of its own value{s:s (1 - s) twice}"),
     lambda x: x * (1 - x) * (1 - x * (1 - x))),
    (("(1 - {x})^2", "(1 - {x}) squared: 1 - {x} in both factors, where one is {x}{s:(1 - s)^2}"),
     lambda x: (1 - x) ** 2),
    (("{x}^2", "{x} squared: {x} in both factors, where one is 1 - {x}{s:s^2}"), lambda x: x ** 2),
    (("1 - {x}^2", "1 - {x} squared"), lambda x: 1 - x ** 2),
    (("1 - {x}", "one minus {x}"), lambda x: 1 - x),
    (("-{x}", "{x} negated"), lambda x: -x),
    (("{x}", "{x} itself"), lambda x: x),
)


def _s_words(words, xl):
    """``words`` with {x} as ``xl``; a "{s:form}" said as the slope's form in s when X is A[l] (s = sigmoid(Z))."""
    import re
    s_form = " (the slope {} with s = A[l] = sigmoid(Z[l]))"
    return re.sub(r"\{s:([^}]*)\}", lambda mo: s_form.format(mo.group(1)) if xl == "A[l]" else "",
                  words).replace("{x}", xl)


def _named(g, flat, e):
    """[(written, words, X's label)] of the library functions of the case's quantities that give ``g``."""
    from .firstwrong import LECTURE
    from .compare import close
    out, seen = [], []
    for fam, x in flat.items():
        if fam not in LECTURE or type(x) is not np.ndarray or x.shape != g.shape or not np.isfinite(x).all():
            continue
        if any(np.array_equal(x, y) for y in seen):
            continue    # the same numbers under another name on this case (A[l] = Z[l] where Z[l] > 0)
        seen.append(x)
        xl = LECTURE[fam][0]
        for (written, words), fn in LIBRARY:
            with np.errstate(all="ignore"):
                v = fn(x.astype(np.float64))
            fin = np.isfinite(v)   # an overflow of exp(-Z) at Z = -800: the learner's inf is there too
            if fin.any() and np.array_equal(fin, np.isfinite(g)) and close(g[fin], v[fin]) \
                    and (e is None or not close(e, v)):
                out.append((written.format(x=xl), _s_words(words, xl), xl))
                break
    return out


def identify(g, e, flat, inputs, label, min_size=2):
    """'it is 1 - tanh(Z[l])^2, the tanh's slope at Z[l], where g'(Z[l]) is the sigmoid's slope at Z[l],
    sigmoid(Z[l]) (1 - sigmoid(Z[l]))' when the wrong value ``g`` is one function of the lecture's library
    of one quantity of the case (and the right value ``e`` is not); else None."""
    g = np.asarray(g)
    if g.dtype.kind not in "fiu" or g.size < min_size or np.asarray(e).shape != g.shape:
        return None
    g, e = g.astype(np.float64), np.asarray(e, dtype=np.float64)
    fin = np.isfinite(g)
    if not fin.any() or g.size > 1 and np.ptp(g[fin]) == 0:
        return None     # one number everywhere: constant_output says it
    found = _named(g, flat, e)
    if len({w for w, _, _ in found}) != 1:
        return None     # none, or two quantities give it: not one story
    written, words, xl = found[0]
    right = [r for r in _named(e, flat, None) if r[2] == xl and r[0] != xl]
    there = f", where {label} is {right[0][1]}, {right[0][0]}" if right and right[0][0] != label else \
        f", where {label} belongs"
    return f"it is {written}, {words}{there}"


def library_relation(part, g, e, q):
    """[("lecture_function", fmt)] when the learner's output ``g`` is one library function of one quantity of
    the case (or, for dZ, dA[l] times one: the slope taken of another function), and ``e`` is not; else []."""
    if part.startswith("your "):
        return []     # the line tracer: its expression search first, then identify (firstwrong._what)
    if g is None or e is None or g.shape != e.shape or not np.isfinite(e).all():
        return []     # (one entry: the other wrong cases must agree, relations.explain)
    from .firstwrong import LECTURE, family
    flat = {}
    for name, v in q.items():
        fam = name if name in LECTURE else family(name)
        if fam in LECTURE and type(v) is np.ndarray and fam not in flat:
            flat[fam] = np.asarray(v, dtype=np.float64)
    own = family(part.split()[-1]) or part
    label = LECTURE[own][0] if own in LECTURE else part
    dA = flat.get("dA")
    if own == "dZ" and dA is not None and dA.shape == g.shape:
        use = np.abs(dA) > 1e-12
        if not use.any():
            return []
        with np.errstate(all="ignore"):
            ratio, want = g[use] / dA[use], e[use] / dA[use]
        sub = {f: v[use] for f, v in flat.items() if f not in ("dA", own) and v.shape == g.shape}
        said = identify(ratio[None, :], want[None, :], {f: v[None, :] for f, v in sub.items()}, (), "g'(Z[l])",
                        min_size=1)
        if said is None:
            return []
        return [("lecture_function", {"part": part, "what": f"dA[l] times {said[len('it is '):]}"})]
    said = identify(g, e, {f: v for f, v in flat.items() if f != own}, (), label, min_size=1)
    return [("lecture_function", {"part": part, "what": said[len("it is "):]})] if said else []
