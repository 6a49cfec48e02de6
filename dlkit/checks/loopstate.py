"""The backward loop's state where the learner's model_backward raised: which layer's step it was.

From the learner's whole-number locals at the crash (``err.local_shapes``: l, L) and the source, the
line that raised (or the loop around it) is read for the cache it took, ``caches[<expr>]``: the step's
layer is the index + 1. Two loop mistakes are then said by that layer:

* ``cache_wrapped``: the index is negative (caches[l - 1] with l = 0 is caches[-1]): Python counts it
  from the end, so the step got another layer's cache (the output layer's for -1), for a layer 0 the
  network does not have ("one layer too many" only when a for loop's range, evaluated, visits L..1 and it);
* ``reads_own_output``: a KeyError for grads['dA<k>'] read by the step of layer k + 1 (or of a layer
  below k + 1): the step reads the dA its own layer (or a later step) has still to compute; layer l's
  step reads dA[l] and gives dA[l-1].

Only the source's text and the whole numbers are used (no learner code is run).
"""
from __future__ import annotations

import ast
import re

from . import chain


def _fn(source):
    try:
        tree = ast.parse(source)
    except (SyntaxError, TypeError, ValueError):
        return None
    return next((n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)), None)


def _cache_indexes(node, names):
    """[(text of the index, its value)] of every caches[<whole-number expression>] in ``node``."""
    out = []
    for n in ast.walk(node):
        if isinstance(n, ast.Subscript) and isinstance(n.value, ast.Name) and n.value.id == "caches":
            v = chain._value(n.slice, names)
            if v is not None:
                out.append((ast.unparse(n.slice), v))
    return out


def _statement(fn, line, source):
    """The statements of ``fn`` whose source is ``line`` (the line that raised), or whose first line it
    is (a statement written over several lines)."""
    plain = [s for s in ast.walk(fn) if isinstance(s, ast.stmt) and not isinstance(s, (ast.For, ast.While, ast.If))]
    try:
        text = " ".join(ast.unparse(ast.parse((line or "").strip())).split())
    except (SyntaxError, ValueError):
        lines = source.splitlines()
        first = (line or "").strip()
        return [s for s in plain if first and 0 < s.lineno <= len(lines) and lines[s.lineno - 1].strip() == first
                and s.end_lineno > s.lineno]
    if not text:
        return []
    return [s for s in plain if " ".join(ast.unparse(s).split()) == text]


def _enclosing_loop(fn, stmt):
    for loop in ast.walk(fn):
        if isinstance(loop, (ast.For, ast.While)) and any(n is stmt for n in ast.walk(loop)):
            inner = [x for x in ast.walk(loop) if x is not loop and isinstance(x, (ast.For, ast.While))
                     and any(n is stmt for n in ast.walk(x))]
            if not inner:
                return loop
    return None


def _layer_of_step(fn, stmt, names):
    """(the cache index's text, its value) the step raising at ``stmt`` took, from the line itself or
    else from the loop body around it (current_cache = caches[l]); None when not one index."""
    found = _cache_indexes(stmt, names)
    if not found:
        loop = _enclosing_loop(fn, stmt)
        if loop is None:
            return None
        found = _cache_indexes(ast.Module(body=loop.body, type_ignores=[]), names)
    found = list(dict.fromkeys(found))
    return found[0] if len(found) == 1 else None


def backward_crash(err, case):
    """(id, hint fields) for model_backward's crash ``err`` on ``case`` when the loop's state says
    which layer's step raised and why, else None."""
    try:
        return _backward_crash(err, case)
    except Exception:   # noqa: BLE001 - an odd construct: a diagnosis must never break the check
        return None


def _backward_crash(err, case):
    fn = _fn(err.source) if err.source else None
    if fn is None or not err.line:
        return None
    L = len(case.args[2])
    names = {k: v for k, v in (err.local_shapes or {}).items() if type(v) is int and type(k) is str}
    if names.get("L", L) != L:
        return None
    stmts = _statement(fn, err.line, err.source)
    if len(stmts) != 1:
        return None
    step = _layer_of_step(fn, stmts[0], names)
    if step is None:
        return None
    text, index = step
    used = sorted(k for k in names if re.search(rf"\b{re.escape(k)}\b", text))
    where = ", ".join(f"{k} = {names[k]}" for k in used)
    loop = _enclosing_loop(fn, stmts[0])
    stepped = set()   # the names the loop steps: its for target, or what its body adds to or takes from
    if loop is not None:
        stepped = {n.id for n in ast.walk(loop.target) if isinstance(n, ast.Name)} if isinstance(loop, ast.For) else set()
        stepped |= {n.target.id for n in ast.walk(loop) if isinstance(n, ast.AugAssign)
                    and isinstance(n.target, ast.Name)}
    if not stepped & set(used):
        return None   # caches[-1] written as such, or an index the loop does not move
    if index < 0 and -index <= L:
        layer = L + index + 1
        whose = "the output layer's" if layer == L else f"layer {layer}'s"
        many = "Where"
        if isinstance(loop, ast.For):   # the for loop's own range, evaluated: every layer L..1 and this one
            visited = next((v for h, v in chain.loop_layers(err.source, {**names, "L": L}) or ()
                            if h == f"for {ast.unparse(loop.target)} in {ast.unparse(loop.iter)}"), None)
            if visited and set(range(1, L + 1)) <= set(visited) and len(visited) == L + 1:
                many = "The loop runs one layer too many: where"
        elif isinstance(loop, ast.While) and isinstance(loop.test, ast.Compare) and len(loop.test.ops) == 1 \
                and isinstance(loop.test.left, ast.Name) and loop.test.left.id in stepped \
                and chain._value(loop.test.comparators[0], {}) == (0 if isinstance(loop.test.ops[0], ast.GtE) else -1) \
                and isinstance(loop.test.ops[0], (ast.GtE, ast.Gt)):
            many = (f"The loop's condition `{ast.unparse(loop.test)}` lets it run for {loop.test.left.id} = 0 too, "
                    "one layer too many: where")
        return "model_backward.cache_wrapped", {
            "index": text, "where": where, "value": index, "whose": whose, "step": index + 1, "lead": many}
    if err.exc_type != "KeyError" or not 0 <= index < L:
        return None
    key = re.fullmatch(r"'?dA(\d+)'?", err.message.strip())
    if not key:
        return None
    k, layer = int(key.group(1)), index + 1
    if k > layer - 1 or k < 0:
        return None
    maker = "this very step computes" if k == layer - 1 else f"the step of layer {k + 1} computes, after this one"
    return "model_backward.reads_own_output", {
        "key": f"dA{k}", "layer": layer, "cache": f"caches[{text}]", "where": where, "maker": maker,
        "want": f"dA{layer}"}
