"""A wrong line one edit away from the lecture's: an operator swapped, a call's parentheses moved.

At the first wrong line (:mod:`firstwrong`), when no relation names the value, the learner's
expression is parsed again and each single edit of it is evaluated with the values the line read:

* an operator swapped for another (``dA + ds`` where ``dA * ds`` belongs; ``+ - * / @``);
* a one-argument call replaced by its argument's transpose (``np.linalg.pinv(W) @ dZ`` where
  ``W.T @ dZ`` belongs: going back through a layer is a transpose, not an inverse);
* a call's parentheses moved over a constant (``sigmoid(1 - Z)`` where ``1 - sigmoid(Z)`` belongs);
* a factor dropped from a product (``dA * relu_backward(dA, Z)``: ``relu_backward(dA, Z)`` already
  is the lecture's value, so dA is multiplied in twice).

An edit is said only when it gives the lecture's value, the learner's own expression (evaluated the
same way) gives the value the line gave, the lecture's value is no constant / mask / count (too easily
matched) and exactly one edit does it. The evaluation is restricted: names the line read (copies),
numbers, ``.T``, indexing, numpy calls and the lecture's own helpers (dlkit.activations: the guard
above says whether the learner's helper agrees with them on this line); anything else: nothing said.
"""
from __future__ import annotations

import ast
import copy

import numpy as np

RTOL, ATOL = 1e-6, 1e-9
OPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.MatMult: "@"}
VERBS = {ast.Add: "adds", ast.Sub: "subtracts", ast.Mult: "multiplies", ast.Div: "divides",
         ast.MatMult: "takes a matrix product"}
HELPERS = ("sigmoid", "relu", "sigmoid_backward", "relu_backward")
MAX_VARIANTS = 60


class _Unsafe(Exception):
    pass


def _helpers():
    from .. import activations
    return {n: getattr(activations, n) for n in HELPERS}


def _check(node, names):
    """Raise _Unsafe unless ``node`` only reads names, numbers, attributes of np / arrays, indexing,
    operators and calls of numpy or of the lecture's helpers."""
    for n in ast.walk(node):
        if isinstance(n, ast.Call):
            f = n.func
            if isinstance(f, ast.Name):
                if f.id not in HELPERS:
                    raise _Unsafe
            else:
                root = f
                while isinstance(root, ast.Attribute):
                    root = root.value
                if not (isinstance(root, ast.Name) and root.id in ("np", "numpy")):
                    raise _Unsafe
                if "random" in ast.unparse(f) or any(k.arg == "out" for k in n.keywords):
                    raise _Unsafe
                fn = np   # the numpy function itself: replay's rule (no file, no random, no in-place call)
                for part in ast.unparse(f).split(".")[1:]:
                    fn = getattr(fn, part, None)
                from .replay import _is_numpy_callable
                if fn is None or not _is_numpy_callable(fn):
                    raise _Unsafe
        elif not isinstance(n, (ast.Name, ast.Constant, ast.BinOp, ast.UnaryOp, ast.Attribute, ast.Subscript,
                                ast.Slice, ast.Tuple, ast.Load, ast.operator, ast.unaryop, ast.keyword,
                                ast.Compare, ast.cmpop)):
            raise _Unsafe
        elif isinstance(n, ast.Attribute) and n.attr.startswith("_"):
            raise _Unsafe
        elif isinstance(n, ast.Name) and n.id not in names and n.id not in ("np", "numpy") and n.id not in HELPERS:
            raise _Unsafe


def _eval(node, names):
    env = {k: (v.copy() if type(v) is np.ndarray else v) for k, v in names.items()}
    env.setdefault("np", np)
    env.setdefault("numpy", np)
    for k, f in _helpers().items():
        if not callable(env.get(k)):
            env[k] = f
    expr = ast.Expression(body=copy.deepcopy(node))
    ast.fix_missing_locations(expr)
    try:
        with np.errstate(all="ignore"):
            return eval(compile(expr, "<swap>", "eval"), {"__builtins__": {}}, env)   # noqa: S307 - checked
    except Exception:   # noqa: BLE001 - a variant whose shapes do not fit is no candidate
        return None


def _close(v, target) -> bool:
    try:
        a, b = np.asarray(v, dtype=np.float64), np.asarray(target, dtype=np.float64)
    except (TypeError, ValueError):
        return False
    if a.shape != b.shape:
        return False
    return bool(np.allclose(a, b, rtol=RTOL, atol=ATOL, equal_nan=True))


def _worth(expected) -> bool:
    try:
        e = np.asarray(expected, dtype=np.float64)
    except (TypeError, ValueError):
        return False
    if e.size < 2 or not np.all(np.isfinite(e)) or np.ptp(e) == 0:
        return False
    return not np.all(e == np.round(e))


def _call_name(node) -> str:
    return ast.unparse(node.func)


def _variants(expr):
    """(edited expression, words, the edited part as it now reads) for each single edit of ``expr``."""
    out = []
    for path_node in ast.walk(expr):
        if isinstance(path_node, ast.BinOp) and type(path_node.op) in OPS:
            for op in OPS:
                if op is type(path_node.op):
                    continue
                new = _replaced(expr, path_node, ast.BinOp(left=path_node.left, op=op(), right=path_node.right))
                mine = OPS[type(path_node.op)]
                words = (f"`{ast.unparse(path_node)}` {VERBS[type(path_node.op)]} where the lecture "
                         f"{VERBS[op]}: {mine} where {OPS[op]} belongs")
                out.append((new, words))
            if isinstance(path_node.op, ast.Mult):
                for keep, drop in ((path_node.left, path_node.right), (path_node.right, path_node.left)):
                    new = _replaced(expr, path_node, keep)
                    d, k = ast.unparse(drop), ast.unparse(keep)
                    inside = isinstance(drop, ast.Name) and any(
                        isinstance(n, ast.Name) and n.id == drop.id for n in ast.walk(keep))
                    if inside and not isinstance(keep, ast.Name):   # only "x twice": a spare factor is concepts.py's
                        out.append((new, f"{d} is multiplied in twice: `{k}` already has {d} in it, and the line "
                                         f"multiplies by {d} once more"))
        if isinstance(path_node, ast.Call) and len(path_node.args) == 1 and not path_node.keywords:
            arg = path_node.args[0]
            f = _call_name(path_node)
            if not isinstance(arg, (ast.Constant, ast.Starred)) and f.split(".")[0] in ("np", "numpy"):
                new = _replaced(expr, path_node, ast.Attribute(value=arg, attr="T", ctx=ast.Load()))
                a = ast.unparse(arg)
                t = f"{a}.T" if isinstance(arg, ast.Name) else f"({a}).T"
                out.append((new, f"`{ast.unparse(path_node)}` ({f.split('.')[-1]} of {a}) is used where the lecture "
                                 f"has {t}, the transpose of {a}"))
            if isinstance(arg, ast.BinOp) and type(arg.op) in OPS:
                for const, other, left in ((arg.left, arg.right, True), (arg.right, arg.left, False)):
                    if not isinstance(const, ast.Constant):
                        continue
                    inner = ast.Call(func=path_node.func, args=[other], keywords=[])
                    moved = ast.BinOp(left=const, op=arg.op, right=inner) if left else \
                        ast.BinOp(left=inner, op=arg.op, right=const)
                    new = _replaced(expr, path_node, moved)
                    part = f"{ast.unparse(const)} {OPS[type(arg.op)]}" if left else f"{OPS[type(arg.op)]} {ast.unparse(const)}"
                    out.append((new, f"the `{part}` is inside {f}'s parentheses: `{ast.unparse(path_node)}` is "
                                     f"computed where the lecture has `{ast.unparse(moved)}`, {f} of "
                                     f"{ast.unparse(other)} first"))
        if len(out) > MAX_VARIANTS:
            break
    return out


def _replaced(expr, old, new):
    """A copy of ``expr`` with the node ``old`` replaced by ``new``."""
    class _R(ast.NodeTransformer):
        def visit(self, node):
            if node is old:
                return new
            return super().generic_visit(node)

    return _R().visit(_clone_keeping(expr, old))


def _clone_keeping(expr, old):
    """``expr`` copied except the node ``old`` itself (kept, so that it can be found)."""
    class _C(ast.NodeTransformer):
        def generic_visit(self, node):
            if node is old:
                return node
            node = copy.copy(node)
            for field, value in ast.iter_fields(node):
                if isinstance(value, list):
                    setattr(node, field, [self.visit(v) if isinstance(v, ast.AST) else v for v in value])
                elif isinstance(value, ast.AST):
                    setattr(node, field, self.visit(value))
            return node

    return _C().visit(expr)


def search(line, names, got, expected):
    """(the learner's expression, words, the edited expression) for the one edit of ``line``'s
    expression that gives ``expected``, or None."""
    if not line or not _worth(expected):
        return None
    try:
        body = ast.parse(line.strip()).body
    except SyntaxError:
        return None
    if len(body) != 1 or not isinstance(body[0], (ast.Assign, ast.Return)) or body[0].value is None:
        return None
    expr = body[0].value
    try:
        _check(expr, names)
    except _Unsafe:
        return None
    if not _close(_eval(expr, names), got):
        return None   # the names (or the helpers) are not what the line saw: say nothing
    hits = {}
    for new, words in _variants(expr):
        v = _eval(new, names)
        if v is not None and _close(v, expected):
            hits.setdefault(ast.unparse(new), words)
    if len(hits) != 1:
        return None
    (fixed, words), = hits.items()
    whole = ast.unparse(expr)
    if words.startswith(f"`{whole}` "):   # the edit is of the whole expression: "it adds where ..."
        words = "it " + words[len(whole) + 3:]
    return whole, words, fixed


__all__ = ["search"]
