"""A result computed and then not used: the slip of one name.

A learner writes ``mask = Z > 0`` and then ``dZ = dA * Z``: the line that should read ``mask`` reads
``Z``. When the first wrong line (:mod:`firstwrong`) reads a name where an earlier local, set and
never read since, gives the lecture's value, the report says so by both names. The line is
re-evaluated only when it is plain arithmetic on names and numpy calls (no call of the learner's own,
no attribute but numpy's and ``.T``), so nothing of the learner's code runs twice.
"""
from __future__ import annotations

import ast

import numpy as np

from .compare import close

_SAFE = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Compare, ast.Name, ast.Load, ast.Constant, ast.operator,
         ast.unaryop, ast.cmpop, ast.Call, ast.Attribute, ast.keyword, ast.Tuple, ast.Subscript, ast.Slice)


def _expression(line: str):
    """(target name, compiled right-hand side, names it reads) for ``name = <plain expression>``, or None."""
    try:
        tree = ast.parse(line.strip())
    except SyntaxError:
        return None
    if len(tree.body) != 1 or not isinstance(tree.body[0], ast.Assign) or len(tree.body[0].targets) != 1 \
            or not isinstance(tree.body[0].targets[0], ast.Name):
        return None
    rhs = ast.Expression(tree.body[0].value)
    for node in ast.walk(rhs):
        if not isinstance(node, _SAFE):
            return None
        if isinstance(node, ast.Call) and not (isinstance(node.func, ast.Attribute)
                                               and isinstance(node.func.value, ast.Name) and node.func.value.id == "np"):
            return None     # only numpy's functions: nothing of the learner's runs again
        if isinstance(node, ast.Attribute) and not (node.attr == "T" or (isinstance(node.value, ast.Name)
                                                                         and node.value.id == "np")):
            return None
    reads = {n.id for n in ast.walk(rhs) if isinstance(n, ast.Name) and n.id != "np"}
    return tree.body[0].targets[0].id, compile(rhs, "<line>", "eval"), reads


def said(step, values: dict, unused: dict, expected, quantity: str):
    """Words for the first wrong line ``step`` when it reads one name where an unused local belongs:
    ``values`` are the names the line read, as it found them; ``unused`` maps the frame's locals set
    before the line and read by no line since to (value, the step that set it); ``expected`` is the
    lecture's value for the line's target, ``quantity`` (dZ[l]). None unless exactly one swap gives it."""
    parsed = _expression(step.line)
    if parsed is None or type(expected) is not np.ndarray:
        return None
    target, code, reads = parsed
    if not reads <= set(values):
        return None
    hits = []
    for name in sorted(reads):
        for other, (value, made) in unused.items():
            if other in reads or type(value) is not np.ndarray or np.shape(value) != np.shape(values[name]):
                continue
            try:
                with np.errstate(all="ignore"):
                    got = eval(code, {"np": np, "__builtins__": {}}, dict(values, **{name: value}))
            except Exception:      # noqa: BLE001  (a swap that does not compute is no answer)
                continue
            if type(got) is np.ndarray and got.shape == expected.shape and close(got, expected):
                hits.append((name, other, made))
    if len(hits) != 1:
        return None
    name, other, made = hits[0]
    made_line = made.line.split("#")[0].strip()     # the learner's comment is not the code
    return (f"Line {step.lineno} reads {name} where your {other} belongs: {other} is computed at line {made.lineno} "
            f"({made_line}) and never used; with {other} in place of {name}, {target} is {quantity}.")
