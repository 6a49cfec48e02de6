"""A wrong shape said in the lecture's symbols (diag19).

``sizes`` is :func:`operands.dims`' map size -> [lecture names] of one case (n[l], n[l-1], m, or
n[0]..n[L]). A dimension is read as one symbol, or as a product of two (``n[l] m``: n[l] times m),
only when exactly one reading fits on the case; a case whose sizes coincide says nothing (two readings
fit). :func:`said` compares the learner's shape with the lecture's, dimension by dimension, and says
which symbol stands where another belongs, in plain words.
"""
import numpy as np

__all__ = ["symbols", "said"]


def _readings(n, sizes):
    """Every lecture reading of the size ``n``: one symbol, or a product of two symbols."""
    out = list(sizes.get(n, []))
    names = sorted((k, t) for k, ts in sizes.items() for t in ts if k > 1)
    for i, (a, ta) in enumerate(names):
        for b, tb in names[i:]:
            if a * b == n and ta != tb:     # a square (n[l] n[l]) is no shape a learner's product gives
                out.append(f"{ta} {tb}" if ta != "m" else f"{tb} {ta}")
    return out


def symbols(shape, sizes, expected=None):
    """[symbol per dimension] of ``shape``, or None when a dimension has no reading or two. A 1 is
    the symbol of the expected shape at the same axis when that symbol is 1 on the case, else '1'."""
    out = []
    for axis, n in enumerate(shape):
        got = _readings(int(n), sizes)
        if n == 1:      # a column's 1 is '1'; a count of units that is 1 on the case (n[L] = 1) is its symbol
            at = expected[axis] if expected is not None and axis < len(expected) else None
            if at in got or (expected is not None and at == "1"):
                out.append(at)
            elif not got or (expected is None and axis == 1):
                out.append("1")
            elif len(got) == 1:
                out.append(got[0])
            else:
                return None
            continue
        if len(set(got)) != 1:
            return None
        out.append(got[0])
    return out


def _plain(symbol):
    """'n[l] m' -> 'the units of this layer times the examples'."""
    words = {"n[l]": "the units of this layer", "n[l-1]": "the units of the layer before", "m": "the examples",
             "1": "one"}
    parts = [words.get(s) or (f"the units of layer {s[2:-1]}" if s.startswith("n[") else s) for s in symbol.split()]
    return " times ".join(parts)


def _tuple(names):
    return "(" + ", ".join(names) + ("," if len(names) == 1 else "") + ")"


def said(got, exp, sizes):
    """One clause for a returned array ``got`` of another shape than ``exp``: '(8, 12) = (n[l] m, n[l-1] m)
    where (n[l], n[l-1]) belongs: its rows count ... where ... belongs', or None when a dimension of
    either shape has no single reading on the case."""
    from .compare import shape_text

    g, e = tuple(int(n) for n in np.shape(got)), tuple(int(n) for n in np.shape(exp))
    if g == e or not e:
        return None
    es = symbols(e, sizes)
    gs = symbols(g, sizes, es) if es is not None else None
    if es is None or gs is None or (not g and not e):
        return None
    head = f"{shape_text(g)} = {_tuple(gs)} where {_tuple(es)} belongs" if g else f"one number where {_tuple(es)} belongs"
    axes = ("rows", "columns")
    if len(g) == len(e) == 2 and gs == es[::-1]:
        return f"{head}: rows and columns swapped ({_plain(es[1])} down the rows, {_plain(es[0])} across)"
    if len(g) == 1 and len(e) == 2 and gs[0] in es:
        dropped = es[1] if gs[0] == es[0] else es[0]
        return f"{head}: a 1-D array; the dimension of {dropped} ({_plain(dropped)}) is dropped"
    if len(g) != len(e):
        return f"{head}: {len(g)} dimension(s) where the lecture's has {len(e)}"
    words = [f"its {axes[i] if len(e) == 2 else 'entries'} count {gs[i]} ({_plain(gs[i])}) where {es[i]} "
             f"({_plain(es[i])}) belongs" for i in range(len(e)) if gs[i] != es[i]]
    text = f"{head}: " + "; ".join(words)
    if (len(g) == 2 and all(s == f"{x} m" for s, x in zip(gs, es))
            and type(got) is np.ndarray and got.size > 1 and _rank_one(got)):
        text += ("; every entry times every entry (an outer product of two flattened arrays, np.outer), "
                 "not the product summed over the m examples")
    return text


def _rank_one(a) -> bool:
    """True when ``a`` is an outer product u v^T (all of its rows proportional)."""
    a = np.asarray(a, dtype=np.float64)
    if not np.isfinite(a).all() or not np.any(a):
        return False
    s = np.linalg.svd(a, compute_uv=False)
    return bool(s[1:].max(initial=0.0) <= 1e-8 * s[0])
