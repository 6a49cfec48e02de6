"""A dictionary's keys held against the ones the lecture names (W1..WL, b1..bL, dW1.., dA0..), in
the lecture's words: keys that differ only in upper/lower case, one family numbered from another
layer (b0..b(L-1) where b1..bL belong: layers are numbered 1..L), a whole family missing (no b key
at all) while the others are right. Said only when that is the one difference on every wrong case.
"""
from __future__ import annotations

import re

_KEY = re.compile(r"^([A-Za-z_]+)(\d+)$")


def _families(keys):
    out, other = {}, set()
    for k in keys:
        found = _KEY.match(k) if type(k) is str else None
        if found:
            out.setdefault(found.group(1), set()).add(int(found.group(2)))
        else:
            other.add(k)
    return out, other


def _span(prefix, numbers):
    lo, hi = min(numbers), max(numbers)
    return f"{prefix}{lo}" if lo == hi else f"{prefix}{lo}..{prefix}{hi}"


def words(got, expected):
    """(kind, sentence) for the one way the keys ``got`` differ from ``expected``, or None:
    kind 'case', 'numbered' or 'missing_family'."""
    got, expected = set(got), set(expected)
    if got == expected or not all(type(k) is str for k in got | expected):
        return None
    if {k.lower() for k in got} == {k.lower() for k in expected} and len(got) == len(expected):
        wrong = sorted(got - expected)
        right = sorted(expected - got)
        return "case", (f"the keys {', '.join(wrong)} differ from {', '.join(right)} only in upper/lower case: "
                        f"dictionary keys are case sensitive, so '{wrong[0]}' is not '{right[0]}'")
    g, g_other = _families(got)
    e, e_other = _families(expected)
    if g_other != e_other:
        return None
    differ = [p for p in set(g) | set(e) if g.get(p) != e.get(p)]
    if len(differ) != 1 or len(e) < 2:
        return None    # several families off together (a loop that stops early): another finding's business
    p = differ[0]
    if p not in e:
        return None
    if p not in g:
        kept = " and ".join(sorted(g))
        return "missing_family", (f"there is no {p} key at all: {_span(p, e[p])} are missing, and only the {kept} "
                                  f"keys are kept")
    gn, en = g[p], e[p]
    shift = min(en) - min(gn)
    if len(gn) == len(en) and shift and {x + shift for x in gn} == en:
        zero = f" ({p}0 does not exist: layer 0 is the input X)" if 0 in gn else ""
        return "numbered", (f"the {p} keys are numbered {_span(p, gn)} where {_span(p, en)} belong{zero}: layers "
                            f"are numbered 1..L, the same numbers for every family (W[l] and b[l] are layer l's)")
    return None


def explain(runs_keys):
    """The (kind, sentence) of :func:`words` when it is the same kind on every [(got keys, expected keys)]."""
    said = [words(g, e) for g, e in runs_keys]
    if not said or any(s is None for s in said) or len({s[0] for s in said}) != 1:
        return None
    return said[0]
