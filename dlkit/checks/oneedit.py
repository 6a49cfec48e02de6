"""One edit of the learner's own function that makes it right (issue 12, diagF).

When a block crashes, or its report would otherwise be generic, the learner's function is parsed
again and each of a few one-place edits is tried, the whole function re-run on the public cases:

* a call's closing parenthesis moved before the operator of its last argument:
  ``W.dot(A_prev + b)`` -> ``W.dot(A_prev) + b`` (the operator applied inside the call, to its argument);
* an ``axis=0`` / ``axis=1`` keyword turned into the other (down the rows / across the columns);
* one operator swapped for its usual confusion: ``+`` / ``*``, ``*`` / ``@``, ``-`` / ``+``.

The edit is said (with the learner's text and the edited text) only when the edited function gives the
reference's output on every public case and the learner's does not; at most ``MAX_VARIANTS`` edits,
only for a block (not a composite: its helpers' calls make a run dearer), only with the notebook's
call (the function object and its globals). Id ``<exercise>.one_edit`` (mistakes.TRACE, diagF).
"""
from __future__ import annotations

import ast
import copy

import numpy as np

MAX_VARIANTS = 40
_SWAPS = {ast.Add: (ast.Mult,), ast.Mult: (ast.MatMult, ast.Add), ast.MatMult: (ast.Mult,), ast.Sub: (ast.Add,)}
_SYM = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.MatMult: "@"}
_PRODUCTS = ("dot", "matmul")


def _edits(fdef):
    """[(node, kind, make)] for each one-place edit; ``make(node)`` returns the edited node."""
    out = []
    indices = {id(n) for sub in ast.walk(fdef) if isinstance(sub, ast.Subscript) for n in ast.walk(sub.slice)}
    for node in ast.walk(fdef):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[-1], ast.BinOp) and not node.keywords:
            def moved(n):
                inner = n.args[-1]
                call = ast.Call(func=n.func, args=n.args[:-1] + [inner.left], keywords=[])
                return ast.BinOp(left=call, op=inner.op, right=inner.right)
            out.append((node, "paren", moved))
        if isinstance(node, ast.Call):
            for i, kw in enumerate(node.keywords):
                if kw.arg == "axis" and isinstance(kw.value, ast.Constant) and kw.value.value in (0, 1):
                    def flipped(n, i=i):
                        n = copy.copy(n)
                        n.keywords = list(n.keywords)
                        n.keywords[i] = ast.keyword(arg="axis", value=ast.Constant(1 - n.keywords[i].value.value))
                        return n
                    out.append((node, "axis", flipped))
        if isinstance(node, ast.BinOp) and type(node.op) in _SWAPS and id(node) not in indices \
                and not any(isinstance(x, ast.Constant) for x in (node.left, node.right)):   # not l + 1 -> l * 1
            for op in _SWAPS[type(node.op)]:
                out.append((node, "op", lambda n, op=op: ast.BinOp(left=n.left, op=op(), right=n.right)))
    return out[:MAX_VARIANTS]


def _replace(tree, old, new):
    class R(ast.NodeTransformer):
        def generic_visit(self, node):
            if node is old:
                return new
            return super().generic_visit(node)
    return ast.fix_missing_locations(R().visit(tree))


def _right_everywhere(spec, fn, cases) -> bool:
    from .spec import agree
    for case in cases:
        try:
            with np.errstate(all="ignore"):
                out = fn(*copy.deepcopy(case.args))
        except (Exception, SystemExit):   # noqa: BLE001 -- a variant that raises is just not the fix
            return False
        got, _ = spec.split(out, case)
        exp, _ = spec.split(case.expected, case)
        if set(got) != set(exp) or not all(agree(got[p], exp[p]) for p in exp):
            return False
    return True


def _axis_words(a) -> str:
    return "down the rows (axis 0, the n[l] units)" if a == 0 else "across the columns (axis 1, the m examples)"


def explain(spec, call, source):
    """A Finding ``<exercise>.one_edit`` (see the module docstring), or None."""
    fn = getattr(call, "fn", None)
    ns = getattr(call, "namespace", None)
    if fn is None or ns is None or not isinstance(source, str) or getattr(fn, "__name__", None) is None:
        return None
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    fdef = next((n for n in tree.body if isinstance(n, ast.FunctionDef)), None)
    if fdef is None:
        return None
    fdef.decorator_list = []     # the function alone: a decorator may register or replace it
    tree = ast.Module(body=[fdef], type_ignores=[])
    if any(isinstance(n, ast.While) for n in ast.walk(fdef)):
        return None   # a variant could loop for ever: the learner's run has a time limit, these have none
    cases = [c for c in spec.cases() if not c.info.get("hidden")]
    if not cases:
        return None
    first = getattr(getattr(fn, "__code__", None), "co_firstlineno", 1)
    for node, kind, make in _edits(fdef):
        new = make(node)
        tree_copy = copy.deepcopy(tree)   # a fresh tree, the node swapped in it
        edited = _replace(tree_copy, _find(tree_copy, tree, node), new)
        try:
            scope = dict(ns)
            exec(compile(edited, "<one-edit>", "exec"), scope)
            variant = scope[fdef.name]
        except Exception:   # noqa: BLE001
            continue
        if not _right_everywhere(spec, variant, cases):
            continue
        was, fixed = ast.unparse(node), ast.unparse(new)
        lineno = first + node.lineno - 1
        if kind == "paren":
            op = _SYM.get(type(node.args[-1].op), "the operator")
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            inside = " inside the matrix product, to its argument" if name in _PRODUCTS else " inside the call, to its argument"
            words = (f"`{was}` applies {op}{inside}, before the call: the parentheses close too late; "
                     f"with `{fixed}` ({op} after the call) your function gives the lecture's values")
        elif kind == "axis":
            a = node.keywords[[k.arg for k in node.keywords].index("axis")].value.value
            words = (f"`{was}` works {_axis_words(a)}, where {_axis_words(1 - a)} belongs: with axis={1 - a}, "
                     f"`{fixed}`, your function gives the lecture's values")
        else:
            words = (f"`{was}` uses {_SYM[type(node.op)]} where {_SYM[type(new.op)]} belongs: with `{fixed}` your "
                     f"function gives the lecture's values")
        return spec._finding(f"{spec.name}.one_edit", [], lineno=lineno, words=words)
    return None


def _find(copied, original, node):
    """The node of ``copied`` at the place ``node`` has in ``original`` (same walk order)."""
    for a, b in zip(ast.walk(original), ast.walk(copied)):
        if a is node:
            return b
    return None
