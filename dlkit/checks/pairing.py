"""update_parameters: each parameter held against the gradient it was actually paired with.

The lecture pairs W[l] with dW[l] and b[l] with db[l]. When the learner's update takes another entry
of grads (the last layer's dW[L] for every layer, a dA[l], b's gradient for W, a neighbour's through
keys paired by position), the failing line says which: an operand of the line that raised (``err.operands``)
is identified as parameters[k] (equal to it) and the other as grads[g] or alpha grads[g]; a
failing line without an operand record (keys written as f-strings) is read for its keys, numbered with
the learner's whole-number locals. Only a pairing that is one entry of each, not the lecture's, and not
merely another layer's gradient of the same letter (operands.py says that one: "a layer index is off"),
is said (:func:`update_crash`). A wrong output is said by relations.py's own ``wrong_gradient``.
"""
from __future__ import annotations

import re

import numpy as np


def _same(a, b) -> bool:
    return (type(a) is np.ndarray and type(b) is np.ndarray and a.shape == b.shape
            and a.dtype.kind in "fiu" and bool(np.allclose(a, b, rtol=1e-9, atol=1e-12)))


def _label(key) -> str:
    m = re.fullmatch(r"(d?[AWb])(\d+)", key)
    return f"{m.group(1)}[{m.group(2)}]" if m else key


def _what(gkey, pkey, L, text) -> str:
    """What grads[gkey] is, said against pkey's own gradient."""
    g = re.fullmatch(r"(d?[AWb])(\d+)", gkey)
    p = re.fullmatch(r"([Wb])(\d+)", pkey)
    if not g or not p:
        return f"grads['{gkey}']"
    letter, layer = g.group(1), int(g.group(2))
    if letter == "dA":
        return (f"{_label(gkey)}, the gradient of an activation A[{layer}], which no update uses "
                f"(grads holds dA[l] too)")
    if letter[1] != p.group(1):
        return f"{_label(gkey)}, the gradient of {letter[1]}, not of {p.group(1)}"
    if layer == L and re.search(r"\bL\b", text or "") and layer != int(p.group(2)):
        return (f"{_label(gkey)}, the last layer's gradient: its key is numbered with L = {L}, the number of "
                f"layers, so every layer takes the same gradient, where the loop's layer number belongs")
    return None   # another layer's gradient of the same letter: operands.py says "a layer index is off"


def update_crash(err, case):
    """(id, hint fields) when the failing line of update_parameters combines a parameter with
    another parameter's gradient, else None."""
    try:
        parameters, grads, lr = case.args
        rec = getattr(err, "operands", None)
        found = None
        if rec is not None and rec.failed is not None:
            arrays = [n for n in rec.operands() if type(n.value) is np.ndarray]
            found = _pair(arrays, parameters, grads, lr) if len(arrays) == 2 else None
        elif err.exc_type == "ValueError" and "broadcast" in err.message:
            found = _keyed_pair(err, parameters, grads)   # no operand record: the keys the line numbers
        if found is None:
            return None
        pkey, gkey, text = found
        L = sum(1 for k in parameters if re.fullmatch(r"W\d+", k))
        what = _what(gkey, pkey, L, text)
        if what is None:
            return None
        where = f"Line {err.lineno}" if err.lineno else "Your line"
        return "update_parameters.other_gradient_met", {
            "where": where, "param": _label(pkey), "grad": f"grads['{gkey}']", "what": what,
            "own": _label("d" + pkey)}
    except Exception:   # noqa: BLE001 - a diagnosis must never break the check
        return None


def _pair(arrays, parameters, grads, lr):
    """(parameter key, gradient key, the gradient operand's text) for two operands that are
    parameters[p] and (alpha) grads[g], g not p's own gradient; else None."""
    for x, y in ((arrays[0], arrays[1]), (arrays[1], arrays[0])):
        ps = [k for k, v in parameters.items() if _same(x.value, v)]
        gs = [k for k, v in grads.items() if type(v) is np.ndarray
              and (_same(y.value, v) or _same(y.value, lr * v) or _same(y.value, -lr * v))]
        if len(ps) == 1 and len(gs) == 1 and gs[0] != "d" + ps[0]:
            return ps[0], gs[0], getattr(y, "text", "")
    return None


def _keyed_pair(err, parameters, grads):
    """(parameter key, gradient key, the gradient's text) from the failing line's keys, numbered with
    the learner's whole-number locals ("W" + str(l), f"dW{L}"), for the two dicts the function takes
    as its first two arguments; None unless one key of each, not the lecture's pair."""
    import ast

    from . import chain

    try:
        fn = next(n for n in ast.walk(ast.parse(err.source or "")) if isinstance(n, ast.FunctionDef))
        line = ast.parse((err.line or "").strip())
    except (StopIteration, SyntaxError, ValueError):
        return None
    if len(fn.args.args) < 2:
        return None
    p_name, g_name = fn.args.args[0].arg, fn.args.args[1].arg
    names = {k: v for k, v in (err.local_shapes or {}).items() if type(v) is int}
    keys = {p_name: [], g_name: []}
    for n in ast.walk(line):
        if isinstance(n, ast.Subscript) and isinstance(n.value, ast.Name) and n.value.id in keys:
            idx, keyed = chain._layer_key_expr(n.slice)
            if not keyed:
                return None
            v = chain._value(idx, names)
            head = n.slice.left.value if isinstance(n.slice, ast.BinOp) else next(
                (x.value for x in getattr(n.slice, "values", ()) if isinstance(x, ast.Constant)), None)
            if v is None or type(head) is not str:
                return None
            keys[n.value.id].append((f"{head}{v}", ast.unparse(n)))
    if len(keys[p_name]) != 1 or len(keys[g_name]) != 1:
        return None
    (pkey, _), (gkey, text) = keys[p_name][0], keys[g_name][0]
    if pkey not in parameters or gkey not in grads or gkey == "d" + pkey \
            or np.shape(parameters[pkey]) == np.shape(grads[gkey]):
        return None
    return pkey, gkey, text
