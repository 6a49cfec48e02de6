"""A dictionary's keys held against the ones the lecture names (W1..WL, b1..bL, dW1.., dA0..), in
the lecture's words: keys that differ only in upper/lower case, one family numbered from another
layer (b0..b(L-1) where b1..bL belong: layers are numbered 1..L), a whole family missing (no b key
at all) while the others are right, or whole layers' keys missing or extra (layer L's, a layer 0's, a
layer past L: diag11). Said only when that is the one difference on every wrong case.
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
    kind 'case', 'numbered', 'missing_family' or 'layers'."""
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
        return _layers(g, e)   # several families off together: which layers' keys are missing or extra
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
    return _layers(g, e)


def _layer(prefix, number) -> int:
    """The layer a key belongs to: dA{k} is what layer k+1's backward step gives, the others are layer k's."""
    return number + 1 if prefix == "dA" else number


def _names(keys) -> str:
    keys = list(keys)
    return ", ".join(keys[:-1]) + (" and " if len(keys) > 1 else "") + keys[-1]


def _layers(g, e):
    """('layers', sentence) when the keys differ by whole layers (diag11): the same families, and every
    key missing or extra is said with its layer: layer L's keys missing (a range that stops early),
    keys of a layer 0 or of a layer past L (a range that starts at 0 or goes one too far). None when a
    family is unknown or the numbers are not layers (then nothing is said)."""
    if set(g) - set(e) or not g:
        return None
    layers = sorted({_layer(p, n) for p, ns in e.items() for n in ns})
    if not layers or layers != list(range(1, layers[-1] + 1)):
        return None
    L = layers[-1]
    missing, extra = {}, {}
    for p in sorted(e):
        for n in sorted(e[p] - g.get(p, set())):
            missing.setdefault(_layer(p, n), []).append(f"{p}{n}")
        for n in sorted(g.get(p, set()) - e[p]):
            extra.setdefault(_layer(p, n), []).append(f"{p}{n}")
    if not missing and not extra:
        return None
    said = []
    for l, ks in sorted(missing.items()):
        where = " (the output layer, L)" if l == L and L > 1 else (" (the first layer)" if l == 1 and L > 1 else "")
        said.append(f"layer {l}{where} has no {_names(ks)}")
    for l, ks in sorted(extra.items()):
        if l < 1:
            said.append(f"{_names(ks)} {'is a key' if len(ks) == 1 else 'are keys'} of a layer 0, which does not "
                        f"exist (layers are numbered 1..L; layer 0 is the input X, A[0] = X)")
        elif l > L and all(k.startswith("dA") for k in ks):
            said.append(f"{_names(ks)} {'is not a key' if len(ks) == 1 else 'are not keys'} of grads: layer l's step "
                        f"gives dA[l-1], so the dA keys are dA0..dA{L - 1}")
        elif l > L:
            said.append(f"{_names(ks)} {'is a key' if len(ks) == 1 else 'are keys'} of a layer {l}, past the last "
                        f"one (L = {L}): the loop runs one layer too many")
        else:
            said.append(f"{_names(ks)} {'is' if len(ks) == 1 else 'are'} not {'a key' if len(ks) == 1 else 'keys'} of layer {l}")
    return "layers", "; ".join(said)


def explain(runs_keys):
    """The (kind, sentence) of :func:`words` when it is the same kind on every [(got keys, expected keys)]."""
    said = [words(g, e) for g, e in runs_keys]
    if not said or any(s is None for s in said) or len({s[0] for s in said}) != 1:
        return None
    return said[0]
