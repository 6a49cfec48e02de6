"""The test that picks each layer's activation, evaluated over the loop that runs it (W2c).

A composite loop (model_forward over l = 1..L, model_backward over l = L..1, or over the cache
indices) often picks the activation with a test on the loop's variable: ``"sigmoid" if l == L
else "relu"``, ``if l == L - 1: act = "sigmoid"``. Here the learner's source is read: the loop's
range is evaluated with L (a local bound to ``len(caches)`` / ``len(parameters) // 2``, or to the
number of layers the case has), each value of the loop variable is mapped to its layer by the
index it reads (caches[l] is layer l + 1's, parameters["W" + str(l)] layer l's), and the test is
evaluated on every value. When the sigmoid is chosen for no layer (the test is never true over
the values the variable takes), or for another layer than the output layer L, it is said in the
loop's own numbers. A Python-level cause: a branch that never runs, or runs one layer early.
"""
from __future__ import annotations

import ast

_OPS = {ast.Eq: lambda a, b: a == b, ast.NotEq: lambda a, b: a != b, ast.Lt: lambda a, b: a < b,
        ast.LtE: lambda a, b: a <= b, ast.Gt: lambda a, b: a > b, ast.GtE: lambda a, b: a >= b}


def _string(node):
    return node.value if isinstance(node, ast.Constant) and node.value in ("sigmoid", "relu") else None


def _choices(loop):
    """[(test node, the activation chosen when it is true)] for the activation picks in ``loop``'s body:
    ``"a" if test else "b"`` and ``if test: x = "a" else: x = "b"`` (or the call's argument inline)."""
    out = []
    for n in ast.walk(loop):
        if isinstance(n, ast.IfExp):
            a, b = _string(n.body), _string(n.orelse)
            if a and b and a != b:
                out.append((n.test, a))
        elif isinstance(n, ast.If):
            def assigned(body):
                got = {_string(s.value) for s in body if isinstance(s, ast.Assign)} - {None}
                got |= {_string(a) for s in body for c in ast.walk(s) if isinstance(c, ast.Call) for a in c.args} - {None}
                return got
            a, b = assigned(n.body), assigned(n.orelse)
            if len(a) == 1 and len(b) == 1 and a != b:
                out.append((n.test, a.pop()))
    return out


def _layers_bound(fn):
    """Names of the learner's function bound to the number of layers: X = len(caches), X = len(parameters) // 2."""
    names = set()
    pairs = []
    for n in ast.walk(fn):
        if isinstance(n, ast.Assign) and len(n.targets) == 1:
            t, v = n.targets[0], n.value
            if isinstance(t, ast.Name):
                pairs.append((t, v))
            elif isinstance(t, ast.Tuple) and isinstance(v, ast.Tuple) and len(t.elts) == len(v.elts):
                pairs += [(a, b) for a, b in zip(t.elts, v.elts) if isinstance(a, ast.Name)]
    for target, v in pairs:
        if isinstance(v, ast.BinOp) and isinstance(v.op, ast.FloorDiv) and isinstance(v.right, ast.Constant) \
                and v.right.value == 2:
            v = v.left
        if isinstance(v, ast.Call) and isinstance(v.func, ast.Name) and v.func.id == "len":
            names.add(target.id)
    return names


def _offset(loop, var, container):
    """k such that the pass with the variable at v handles layer v + k, from the index it reads, else None."""
    from .chain import _layer_key_expr, _value

    for n in ast.walk(loop):
        if isinstance(n, ast.Subscript) and isinstance(n.value, ast.Name) and n.value.id == container:
            idx, keyed = _layer_key_expr(n.slice)
            uses = [x for x in ast.walk(idx) if isinstance(x, ast.Name)]
            if len(uses) == 1 and uses[0].id == var:
                k = _value(idx, {var: 0})
                if k is not None:
                    return k if keyed else k + 1
    return None


def explain(source, L, backward):
    """Words for the learner's activation test when, evaluated over its loop with L layers, it gives
    the sigmoid to no layer or to another one than L; None when it is right, or cannot be read."""
    from .chain import _function_tree, _layers_list, _value, range_loops

    fn = _function_tree(source)
    if fn is None or not isinstance(L, int) or L < 2:
        return None
    names = {n: L for n in _layers_bound(fn)}
    container = "caches" if backward else "parameters"
    for loop, values in range_loops(fn, names):
        var = loop.target.id
        off = _offset(loop, var, container)
        if off is None or not values or len(values) > 50:
            continue
        layers = [v + off for v in values]
        if sorted(layers) != list(range(1, L + 1)):   # a loop over every layer only: the output layer is in it
            continue
        for test, chosen in _choices(loop):
            if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and type(test.ops[0]) in _OPS):
                continue
            results = []
            for v in values:
                a, b = _value(test.left, {**names, var: v}), _value(test.comparators[0], {**names, var: v})
                if a is None or b is None:
                    results = None
                    break
                results.append(_OPS[type(test.ops[0])](a, b))
            if results is None:
                continue
            sig = [lay for lay, r in zip(layers, results) if (r if chosen == "sigmoid" else not r)]
            if sig == [L]:
                return None
            text = ast.unparse(test)
            shown = _layers_list(values) if len(values) <= 6 else f"{values[0]}..{values[-1]}"
            head = (f"your test `{text}` (in `for {var} in {ast.unparse(loop.iter)}`, with L = {L}): {var} takes "
                    f"the values {shown}, which are layers {_layers_list(layers) if len(layers) <= 6 else 'L..1'}")
            if not sig:
                when = "never true" if chosen == "sigmoid" else "always true"
                where = "caches[L - 1]" if backward else "W[L]"
                return (f"{head}, and `{text}` is {when} for any of them, so 'sigmoid' is never chosen: the output "
                        f"layer gets relu too. The test must pick layer L itself (the pass that uses {where})")
            if len(sig) == 1:
                j = sig[0]
                rel = "L-1" if j == L - 1 else ("1" if j == 1 else f"{j}")
                return (f"{head}, and it picks 'sigmoid' for layer {j} (layer {rel}), not the output layer L = {L}: "
                        f"layer {rel} gets the sigmoid and the output layer gets relu, the activations are shifted by "
                        f"{abs(L - j)} layer{'s' if abs(L - j) > 1 else ''} (off by one in the test)")
            return None
    return None


def layers_of(case_args, backward):
    """The number of layers L of a model_forward / model_backward case, or None."""
    try:
        return len(case_args[2]) if backward else len(case_args[1]) // 2
    except (TypeError, IndexError):
        return None


def hooked(spec, call, runs, findings):
    """The findings, with the activation test's words first (id "<exercise>.activation_test") when the
    learner's test gives the sigmoid to no layer or another one than L on the first wrong case."""
    from .mistakes import hint_for
    from .result import Finding

    if spec.name not in ("model_forward", "model_backward") or not findings:
        return findings
    case = next((c for c, _, wrong in runs if wrong), None)
    if case is None:
        return findings
    L = layers_of(case.args, spec.name == "model_backward")
    words = explain(spec._learner_text(call), L, spec.name == "model_backward")
    if words is None:
        return findings
    mid = f"{spec.name}.activation_test"
    return [Finding(mid, hint_for(mid, words=words[0].upper() + words[1:]), [])] + findings


__all__ = ["explain", "layers_of", "hooked"]
