"""A square array made by a matrix product where an entry-by-entry product belongs, said at the line
that made it (helper crashes2).

``slope = s @ (1 - s).T`` gives (n[l], n[l]) from two (n[l], m) arrays; the crash comes a line later
(``dA * slope``: (n[l], m) against (n[l], n[l])), where numpy names only the shapes. When an operand
of the failing entry-by-entry line is a name the learner's function set once from a matrix product
(``@``, ``np.dot``, ``np.matmul``, ``.dot``) of two arrays of one shape (one transposed), and the
other operand has that shape, the product's line is said: a matrix product of two (a, b) arrays
gives (a, a); the entry-by-entry product keeps (a, b). Shapes are read statically from the learner's
local shapes where it raised (names, ``.T``, entry-by-entry arithmetic, numpy's entry-by-entry functions).
"""
from __future__ import annotations

import ast
import re

_BCAST = re.compile(r"operands could not be broadcast together with shapes \(([\d, ]*)\) \(([\d, ]*)\)")
_UNARY = {"exp", "log", "tanh", "sqrt", "abs", "maximum", "minimum", "negative", "square"}


def _shape(L, node):
    """The static shape of ``node`` (a tuple), or None."""
    from .subscripts import _shape as named

    if isinstance(node, ast.Name):
        return named(L, node.id)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return ()
    if isinstance(node, ast.Attribute) and node.attr == "T":
        s = _shape(L, node.value)
        return s[::-1] if s is not None else None
    if isinstance(node, ast.UnaryOp):
        return _shape(L, node.operand)
    if isinstance(node, ast.BinOp) and not isinstance(node.op, ast.MatMult):
        a, b = _shape(L, node.left), _shape(L, node.right)
        if a is None or b is None:
            return None
        return a if not b else b if not a else a if a == b else None
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _UNARY and node.args:
        return _shape(L, node.args[0])
    return None


def _product(node):
    """(left, right) of a matrix product node, or None."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.MatMult):
        return node.left, node.right
    if isinstance(node, ast.Call) and len(node.args) == 2 and ast.unparse(node.func) in (
            "np.dot", "numpy.dot", "np.matmul", "numpy.matmul"):
        return node.args[0], node.args[1]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "dot" \
            and len(node.args) == 1 and not ast.unparse(node.func.value) in ("np", "numpy"):
        return node.func.value, node.args[0]
    return None


def _dims(text):
    return tuple(int(n) for n in text.split(",") if n.strip())


def square_from_product(L):
    """("matrix_product_for_elementwise", hint) or None."""
    found = _BCAST.search(L.message)
    if found is None or L.stmt is None or L.fn is None:
        return None
    met = {_dims(found.group(1)), _dims(found.group(2))}
    if len(met) != 2:
        return None
    hits = []
    for n in L.nodes():
        if not (isinstance(n, ast.BinOp) and isinstance(n.op, (ast.Mult, ast.Add, ast.Sub, ast.Div))):
            continue
        for mine, other in ((n.left, n.right), (n.right, n.left)):
            if not isinstance(mine, ast.Name):
                continue
            s, o = _shape(L, mine), _shape(L, other)
            if s is None or o is None or {s, o} != met or len(s) != 2 or s[0] != s[1] or len(o) != 2 or o[0] == o[1]:
                continue
            stores = L.assignments(mine.id)
            if len(stores) != 1 or stores[0][1] is None:
                continue
            prod = _product(stores[0][1])
            if prod is None:
                continue
            a, b = (_shape(L, x) for x in prod)
            if a is None or b is None or a != o or b != o[::-1] or s != (o[0], o[0]):
                continue
            hits.append((mine.id, stores[0][0], o, s))
    if len(hits) != 1:
        return None
    name, stmt, o, s = hits[0]
    from .subscripts import _sizes, _symbol

    sizes = _sizes(L)
    m = L.case.info.get("m")
    rows = _symbol(o[0], sizes) or ("n[l]" if o[1] == m else None)
    cols = "m" if o[1] == m else _symbol(o[1], sizes)
    big = f"({rows}, {rows}) = {s}" if rows else f"{s}"
    keep = f"({rows}, {cols}) = {o}" if rows and cols else f"{o}"
    return "matrix_product_for_elementwise", (
        f"`{L.source_line(stmt)}` ({L.at(stmt)}) is a matrix product (@ or np.dot) of two arrays of shape {keep}, "
        f"which gives {big}: a sum over the columns for every pair of rows, not one value per entry. The lecture "
        f"multiplies entry by entry here (* or np.multiply), which keeps {keep}, the shape {name} must have to "
        f"meet the other operand.")


__all__ = ["square_from_product"]
