"""A per-layer lookup inside a layer loop whose index does not change with the loop (helper crashes2).

``for l in reversed(range(L - 1)): current_cache = caches[L - 1]`` (a line copied from the output
layer's step into the hidden loop) gives every layer the loop steps back the same cache. The
behaviour alone can look like "the cache of layer l+1" (with one hidden layer the two coincide), so
the source decides: a subscript of a per-layer container (``caches[E]``) or a layer key
(``parameters['W' + str(E)]``, ``f"W{E}"``) inside a ``for`` loop over a layer variable, whose index
E reads neither the loop variable nor a name the loop derives from it, and is not under a branch
that tests one (``if l == L - 1: ... caches[L - 1]`` is right). When E is a number the case tells
(L - 1 with L = len(caches), -1), the layer it picks is said.

:func:`hooked` replaces a finding that claims a shifted layer index (``cache_of_next_layer`` and the
like) by the source's finding; nothing else is touched.
"""
from __future__ import annotations

import ast

from .result import Finding

CLAIMS = ("cache_of_next_layer", "cache_of_previous_layer", "layer_shapes", "other_layer", "shape_error",
          "caches_index")


def _names(node):
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _layer_index(sub):
    """The index expression of a per-layer lookup (caches[E], d['W' + str(E)], d[f'W{E}']), or None."""
    if not isinstance(sub.value, ast.Name):
        return None
    s = sub.slice
    if "cache" in sub.value.id.lower() and not isinstance(s, (ast.Slice, ast.Tuple)):
        return s
    if isinstance(s, ast.BinOp) and isinstance(s.op, ast.Add) and isinstance(s.left, ast.Constant) \
            and type(s.left.value) is str and isinstance(s.right, ast.Call) and isinstance(s.right.func, ast.Name) \
            and s.right.func.id == "str" and len(s.right.args) == 1:
        return s.right.args[0]
    if isinstance(s, ast.JoinedStr) and len(s.values) == 2 and isinstance(s.values[1], ast.FormattedValue):
        return s.values[1].value
    return None


def _tainted(loop):
    """The loop variable and every name the loop body derives from it."""
    out = _names(loop.target)
    for _ in range(5):
        grew = False
        for n in ast.walk(loop):
            if isinstance(n, (ast.Assign, ast.AugAssign)):
                targets = n.targets if isinstance(n, ast.Assign) else [n.target]
                if _names(n.value) & out:
                    for t in targets:
                        new = _names(t) - out
                        if new and all(isinstance(x, (ast.Name, ast.Tuple, ast.List)) for x in [t]):
                            out |= new
                            grew = True
        if not grew:
            break
    return out


def _guarded(loop, node, tainted) -> bool:
    """True if ``node`` sits under an if (or a conditional expression) of the loop testing a tainted name."""
    parent = {c: p for p in ast.walk(loop) for c in ast.iter_child_nodes(p)}
    n = node
    while n is not loop and n in parent:
        p = parent[n]
        if isinstance(p, (ast.If, ast.IfExp, ast.While)) and n is not p.test and _names(p.test) & tainted:
            return True
        n = p
    return False


def constant_lookups(source):
    """[(loop, statement line text, subscript text, index text, index node, inside the loop)] of the constant per-layer
    lookups inside layer loops of ``source`` (a function's text)."""
    try:
        tree = ast.parse(source or "")
    except SyntaxError:
        return []
    lines = (source or "").splitlines()
    out = []
    for loop in ast.walk(tree):
        if not (isinstance(loop, ast.For) and isinstance(loop.target, ast.Name)
                and isinstance(loop.iter, ast.Call) and ast.unparse(loop.iter).startswith(("range(", "reversed("))):
            continue
        tainted = _tainted(loop)
        for stmt in loop.body:
            for sub in ast.walk(stmt):
                if not isinstance(sub, ast.Subscript) or not isinstance(sub.ctx, ast.Load):
                    continue
                idx = _layer_index(sub)
                if idx is None or _names(idx) & tainted or _guarded(loop, sub, tainted):
                    continue
                if isinstance(idx, ast.Constant) and type(idx.value) is not int:
                    continue
                out.append((loop, lines[sub.lineno - 1].strip() if sub.lineno <= len(lines) else "",
                            ast.unparse(sub), ast.unparse(idx), idx, True))
        # a cache looked up once before the loop and read by every pass (current_cache = caches[-1] above it)
        stored = {t.id for n in ast.walk(loop) if isinstance(n, (ast.Assign, ast.AugAssign, ast.For))
                  for t in ast.walk(n.targets[0] if isinstance(n, ast.Assign) else n.target) if isinstance(t, ast.Name)}
        for n in ast.walk(loop):
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load) and "cache" in n.id.lower() \
                    and n.id.lower() != "caches" and n.id not in stored:
                before = [a for a in ast.walk(tree) if isinstance(a, ast.Assign) and len(a.targets) == 1
                          and isinstance(a.targets[0], ast.Name) and a.targets[0].id == n.id
                          and isinstance(a.value, ast.Subscript) and a.lineno < loop.lineno]
                idx = _layer_index(before[-1].value) if before else None
                if idx is not None and not _names(idx) & tainted:
                    out.append((loop, lines[before[-1].lineno - 1].strip(), ast.unparse(before[-1].value),
                                ast.unparse(idx), idx, False))
    return out


def _which(idx_node, L, source=""):
    """'the output layer's cache' for an index the case evaluates (L - 1, -1), or ''."""
    env = {"L": L, "caches": [None] * L, "len": len}
    for n in ast.walk(ast.parse(source or "")):   # n_layers = len(caches): the learner's own name for L
        if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name) \
                and ast.unparse(n.value) == "len(caches)":
            env[n.targets[0].id] = L
    try:
        value = eval(compile(ast.Expression(idx_node), "<index>", "eval"), {"__builtins__": {}}, env)
    except Exception:   # noqa: BLE001 - a name the case does not give: no layer said
        return ""
    if type(value) is not int or not -L <= value < L:
        return ""
    k = value % L + 1
    return f"layer {k}'s (the output layer's)" if k == L else f"layer {k}'s"


def layers(spec, cases):
    """L of the first case (model_backward: len(caches); model_forward: len(parameters) // 2), or None."""
    try:
        args = dict(zip(spec.arg_names, cases[0].args))
        return len(args["caches"]) if "caches" in args else len(args["parameters"]) // 2
    except Exception:   # noqa: BLE001 - no layer count: the layer is not said
        return None


def hooked(spec, source, findings, L=None):
    """``findings`` with a shifted-layer claim replaced by the constant lookup the source shows."""
    if not findings or source is None:
        return findings
    first = findings[0].id.rsplit(".", 1)[-1]
    if first not in CLAIMS:
        return findings
    found = constant_lookups(source)
    caches = list({f[1]: f for f in found if "cache" in f[2].split("[")[0].lower()}.values())
    if len(caches) != 1:
        return findings
    loop, line, sub, idx, node, inside = caches[0]
    which = _which(node, L, source) if L else ""
    v = loop.target.id
    picks = f"{which} cache" if which else "one cache"
    hint = (f"`{line}` {'in' if inside else 'before'} the loop `for {v} in {ast.unparse(loop.iter)}:` takes the same cache for every layer "
            f"the loop steps back: its index {idx} does not change with {v}, so each of those layers gets {picks}, "
            f"{sub}. Layer l's own cache is caches[l - 1] (the index must move with the loop variable).")
    said = Finding(f"{spec.name}.same_index_every_layer", hint, [])
    return [said] + [f for f in findings if f.id.rsplit(".", 1)[-1] not in ("cache_of_next_layer",
                                                                              "cache_of_previous_layer")]


__all__ = ["constant_lookups", "hooked"]
