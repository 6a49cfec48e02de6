"""Which layer a loop pairs with which, when two per-layer keys of one line are numbered differently
(helper crashes2).

``for l in range(1, L + 1): back = L - l + 1; ... parameters["W" + str(l)] - lr * grads["dW" + str(back)]``:
the key numbers are evaluated over the loop's own range (the learner's whole numbers where it
raised: L), giving the pairs 1 -> 2, 2 -> 1. A reversal (l -> L + 1 - l), one constant layer for
every l, or a shift by a constant is said as such; anything else says nothing.
"""
from __future__ import annotations

import ast


def _number(sub):
    """The number expression of a layer key (d["W" + str(E)], d[f"W{E}"]), or None."""
    s = sub.slice
    if isinstance(s, ast.BinOp) and isinstance(s.op, ast.Add) and isinstance(s.right, ast.Call) \
            and isinstance(s.right.func, ast.Name) and s.right.func.id == "str" and len(s.right.args) == 1:
        return s.right.args[0]
    if isinstance(s, ast.JoinedStr) and len(s.values) == 2 and isinstance(s.values[1], ast.FormattedValue):
        return s.values[1].value
    return None


def _eval(node, names):
    try:
        value = eval(compile(ast.Expression(node), "<key>", "eval"), {"__builtins__": {}}, dict(names))
    except Exception:   # noqa: BLE001 - a name the learner's locals do not give
        return None
    return value if type(value) is int else None


def _keys(text):
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError:
        return []
    return [(ast.unparse(n), _number(n)) for n in ast.walk(tree) if isinstance(n, ast.Subscript) and _number(n) is not None]


def words(a_text, b_text, source, local) -> str:
    """'; over the loop ... the layers are paired in reverse order (1 -> 2, 2 -> 1)' or ''."""
    ka, kb = _keys(a_text), _keys(b_text)
    if len(ka) != 1 or len(kb) != 1:
        return ""
    try:
        tree = ast.parse(source or "")
    except SyntaxError:
        return ""
    ints = {k: v for k, v in (local or {}).items() if type(v) is int}
    for loop in ast.walk(tree):
        if not (isinstance(loop, ast.For) and isinstance(loop.target, ast.Name) and isinstance(loop.iter, ast.Call)
                and isinstance(loop.iter.func, ast.Name) and loop.iter.func.id == "range"):
            continue
        v = loop.target.id
        bounds = [_eval(a, ints) for a in loop.iter.args]
        if None in bounds or not bounds:
            continue
        values = list(range(*bounds))
        if not 2 <= len(values) <= 50:
            continue
        # names the loop body sets once from the loop variable (back = L - l + 1)
        derived = {}
        for n in ast.walk(loop):
            if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name):
                derived.setdefault(n.targets[0].id, []).append(n.value)

        def over(expr):
            out = []
            for x in values:
                names = dict(ints, **{v: x})
                for name, exprs in derived.items():
                    if len(exprs) == 1 and name != v:
                        got = _eval(exprs[0], names)
                        if got is not None:
                            names[name] = got
                out.append(_eval(expr, names))
            return out
        (ta, ea), (tb, eb) = ka[0], kb[0]
        ya, yb = over(ea), over(eb)
        if None in ya or None in yb or ya == yb or ya != values and yb != values:
            continue
        own, other, t_other = (ya, yb, tb) if ya == values else (yb, ya, ta)
        pairs = ", ".join(f"{x} -> {y}" for x, y in zip(own, other))
        top = max(own)
        if len(set(other)) == 1:
            how = f"every layer gets layer {other[0]}'s, the same one for all"
        elif all(y == top + min(own) - x for x, y in zip(own, other)):
            how = "the layers are paired in reverse order (layer 1 with layer L, layer 2 with L-1, ...)"
        elif len({y - x for x, y in zip(own, other)}) == 1:
            d = other[0] - own[0]
            how = f"each layer gets the one {abs(d)} {'above' if d > 0 else 'below'} it (the number shifted by {d:+d})"
        else:
            continue
        return (f"; over the loop `for {v} in {ast.unparse(loop.iter)}` the layer numbers pair as {pairs} "
                f"(layer -> the number of `{t_other}`): {how}")
    return ""


__all__ = ["words"]
