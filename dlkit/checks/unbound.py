"""A name read before any line of the function has assigned it (an UnboundLocalError).

Python raises UnboundLocalError when a line reads a local name that no line has set yet. When no
branch could have set it (no assignment of the name comes before the failing line in the source,
and the name is not a function called on the line: pyerrors' ``shadowed_function``), the cause is the
order or a slip of one name: the line reads the quantity it (or a later line) computes. Said with
the lecture's name for it and, when the name is passed to a dlkit block, which of the block's
arguments belongs there (``relu_backward(dZ, Z)``: its first argument is dA, the gradient that reaches
the layer, and dA is an argument of your function).
"""
from __future__ import annotations

import ast
import re


def read_before_set(L):
    """("read_before_assigned", hint) for pyerrors' failing line ``L``, or None."""
    from . import firstwrong
    from .pyerrors import WORDS, _callee
    from .specs import SPECS

    if L.err.exc_type != "UnboundLocalError" or L.stmt is None or L.fn is None:
        return None
    said = re.search(r"variable '(\w+)'", L.message)
    if said is None:
        return None
    x = said.group(1)
    nodes = L.nodes()
    if not any(isinstance(n, ast.Name) and n.id == x and isinstance(n.ctx, ast.Load) for n in nodes):
        return None
    if any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == x for n in nodes):
        return None    # a function's name given to a result: pyerrors' shadowed_function
    failing = L._failing_node()
    if failing is None:
        return None
    stores = L.assignments(x)
    if any(s.lineno < failing.lineno for s, _ in stores):
        return None    # set on a branch that did not run: another cause (causes.unknown_activation, ...)
    fam = firstwrong.family(x)
    label = f" ({firstwrong.LECTURE[fam][0]})" if fam in firstwrong.LECTURE and firstwrong.LECTURE[fam][0] != x else ""
    here = L.at(failing)
    later = [s for s, _ in stores if s.lineno > failing.lineno]
    own = failing in [s for s, _ in stores]
    computed = (" (it is what this line computes)" if own else
                f" (it is computed later, at {L.at(later[0])})" if later else "")
    meant = ""
    for c in (n for n in nodes if isinstance(n, ast.Call)):
        helper = _callee(c)
        if helper not in SPECS or helper == L.spec.name:
            continue
        pos = [i for i, a in enumerate(c.args) if isinstance(a, ast.Name) and a.id == x]
        params = SPECS[helper].arg_names
        if len(pos) != 1 or pos[0] >= len(params) or params[pos[0]] == x:
            continue
        p = params[pos[0]]
        which = ("first", "second", "third", "fourth")[pos[0]] if pos[0] < 4 else f"{pos[0] + 1}th"
        meant = f"; {helper}'s {which} argument is {p}, {WORDS.get(p, p)}"
        if p in L.spec.arg_names:
            meant += f", which your function has as its argument {p}: {p} was meant where {x} stands"
        break
    return "read_before_assigned", (f"{x}{label} is not yet assigned when {here} reads it: no line before it "
                                    f"computes {x}{computed}{meant}.")


def set_nowhere_before(err) -> bool:
    """True when the name an UnboundLocalError ``err`` names has no assignment before the failing line
    in the learner's source (so no branch could have set it: a branch-based cause does not apply)."""
    said = re.search(r"variable '(\w+)'", err.message or "")
    if err.exc_type != "UnboundLocalError" or said is None or not err.source or not err.line:
        return False
    try:
        tree = ast.parse(err.source)
    except SyntaxError:
        return False
    x, line = said.group(1), err.line.strip()
    failing = None
    for n in ast.walk(tree):
        first = (ast.get_source_segment(err.source, n) or "").split("\n")[0].strip() if isinstance(n, ast.stmt) else ""
        if first and (first == line or line.startswith(first) and line[len(first):].lstrip().startswith("#")):
            failing = n
            break
    if failing is None:
        return False
    return not any(isinstance(n, ast.Name) and n.id == x and isinstance(n.ctx, ast.Store) and n.lineno < failing.lineno
                   for n in ast.walk(tree))


__all__ = ["read_before_set", "set_nowhere_before"]
