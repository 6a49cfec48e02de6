"""A wrong line's operators regrouped: the one bracketing that gives the lecture's value.

At the first wrong line (:mod:`firstwrong`) the learner's expression is parsed again and each of its
operator chains (``+ - * / @ **`` and the minus sign, with ``np.dot(a, b)`` / ``np.multiply(a, b)`` /
... read as the operator they are, so a call's parenthesis can move too) is flattened: its own
parentheses dropped, its operands (names, numbers, numpy calls, indexing) kept as they are. Every
bracketing of the chain is evaluated with the values the line read (the tracer's copies; an
argument no line set is the case's own), with :mod:`replay`'s safe evaluator for the operands
(names, numbers, indexing, numpy calls, on copies: never a learner function). When a bracketing
other than the learner's gives the lecture's value, the one nearest the learner's (fewest brackets
moved) is said, with the operator Python applied first and the bracketed form.

Claims are checked: the learner's own bracketing must reproduce the value the line gave (else the
names were not resolved as the line saw them, and nothing is said); the lecture value must be a
float array or number that is not constant (a sign pattern or an all-zero value is matched by
too many bracketings); at most ``MAX_ATOMS`` operands per chain and ``MAX_TREES`` bracketings.
"""
from __future__ import annotations

import ast
import copy
import operator

import numpy as np

from . import replay

MAX_ATOMS = 8
MAX_TREES = 3000
RTOL, ATOL = 1e-6, 1e-9

# Python's binding strength (higher binds first); the minus sign sits between * and **
PREC = {ast.Add: 1, ast.Sub: 1, ast.Mult: 2, ast.Div: 2, ast.MatMult: 2, ast.Pow: 4}
NEG = 3
SYM = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.MatMult: "@", ast.Pow: "**"}
_FN = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
       ast.MatMult: operator.matmul, ast.Pow: operator.pow}     # Python's own operators, as the line ran
# numpy calls of two arrays that are one of the operators (their parentheses can be misplaced too)
CALLS = {"dot": ast.MatMult, "matmul": ast.MatMult, "multiply": ast.Mult, "add": ast.Add,
         "subtract": ast.Sub, "divide": ast.Div, "power": ast.Pow}


class _Unsupported(Exception):
    pass


def _as_call_op(node):
    """'dot' for np.dot(a, b) (two positional arguments, nothing else), else None."""
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in CALLS
            and isinstance(node.func.value, ast.Name) and node.func.value.id in ("np", "numpy")
            and len(node.args) == 2 and not node.keywords
            and not any(isinstance(a, ast.Starred) for a in node.args)):
        return node.func.attr
    return None


def _chain_node(node) -> bool:
    return (isinstance(node, ast.BinOp) and type(node.op) in PREC) or (
        isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub)) or _as_call_op(node) is not None


class Chain:
    """One operator chain: operands (AST nodes), operators between them (ops[k] joins operands k and
    k + 1: (ast op class, numpy call name or None)), minus signs before operands, and the learner's
    own tree over them (('a', k), ('n', tree), ('b', k, left, right))."""

    def __init__(self, root):
        self.atoms, self.ops, self.negs = [], [], []
        self.tree = self._flatten(root)

    def _flatten(self, node):
        call = _as_call_op(node)
        if call is not None or (isinstance(node, ast.BinOp) and type(node.op) in PREC):
            left, right = (node.args if call else (node.left, node.right))
            lt = self._flatten(left)
            k = len(self.atoms) - 1
            self.ops.append((CALLS[call] if call else type(node.op), call))
            rt = self._flatten(right)
            return ("b", k, lt, rt)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            i = len(self.atoms)
            inner = self._flatten(node.operand)
            if self.negs[i]:
                raise _Unsupported   # - -x
            self.negs[i] = True
            return ("n", inner)
        self.atoms.append(node)
        self.negs.append(False)
        return ("a", len(self.atoms) - 1)

    def trees(self):
        """Every bracketing of the chain (each minus sign applied to some run of operands it starts)."""
        memo = {}

        def build(i, j, pending):
            key = (i, j, pending)
            if key in memo:
                return memo[key]
            neg = pending and self.negs[i]
            if i == j:
                out = [("n", ("a", i))] if neg else [("a", i)]
            else:
                out = [("n", t) for t in build(i, j, False)] if neg else []
                for k in range(i, j):
                    for lt in build(i, k, pending):
                        for rt in build(k + 1, j, True):
                            out.append(("b", k, lt, rt))
                            if len(out) > MAX_TREES:
                                raise _Unsupported
            memo[key] = out
            return out

        return build(0, len(self.atoms) - 1, True)


def _span(t):
    """(first operand, last operand, {(first, last, kind)} of the tree's operations)."""
    if t[0] == "a":
        return t[1], t[1], frozenset()
    if t[0] == "n":
        i, j, s = _span(t[1])
        return i, j, s | {(i, j, "n")}
    i, _, sl = _span(t[2])
    _, j, sr = _span(t[3])
    return i, j, sl | sr | {(i, j, t[1])}


_MARK = "__grouped_first__"


def _render(t, chain, mark=None):
    """The tree as an AST expression (the learner's operands, the operators or numpy calls they wrote);
    the subtree ``mark`` as a placeholder name (to be written in parentheses of its own)."""
    if mark is not None and t is mark:
        return ast.Name(id=_MARK, ctx=ast.Load())
    if t[0] == "a":
        return copy.deepcopy(chain.atoms[t[1]])
    if t[0] == "n":
        return ast.UnaryOp(op=ast.USub(), operand=_render(t[1], chain, mark))
    op, call = chain.ops[t[1]]
    left, right = _render(t[2], chain, mark), _render(t[3], chain, mark)
    if call:
        return ast.Call(func=ast.Attribute(value=ast.Name(id="np", ctx=ast.Load()), attr=call, ctx=ast.Load()),
                        args=[left, right], keywords=[])
    return ast.BinOp(left=left, op=op(), right=right)


def _text(node) -> str:
    import re
    # ast.unparse writes x ** -1 as x ** (-1): the learner's way back
    return re.sub(r"\*\* \((-[\w.]+)\)", r"** \1", ast.unparse(ast.fix_missing_locations(node)))


def _value(t, chain, atoms, memo):
    if t in memo:
        return memo[t]
    if t[0] == "a":
        v = atoms[t[1]]
    elif t[0] == "n":
        v = -_value(t[1], chain, atoms, memo)
    else:
        op, call = chain.ops[t[1]]
        fn = getattr(np, call) if call else _FN[op]
        v = fn(_value(t[2], chain, atoms, memo), _value(t[3], chain, atoms, memo))
    memo[t] = v
    return v


def _close(v, target, nan=False) -> bool:
    """np.allclose after the shapes agree (``nan``: NaN equals NaN, for the learner's own value)."""
    if v is None:
        return False
    try:
        v = np.asarray(v, dtype=np.float64)
    except (TypeError, ValueError):
        return False
    t = np.asarray(target, dtype=np.float64)
    if v.shape != t.shape and not (v.size == t.size == 1):
        return False
    return bool(np.allclose(v.reshape(t.shape), t, rtol=RTOL, atol=ATOL, equal_nan=nan))


def _sites(expr):
    """The chains of ``expr``: every chain node whose parent is not part of the same chain."""
    parents = {}
    for node in ast.walk(expr):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    out = []
    for node in ast.walk(expr):
        if not _chain_node(node):
            continue
        parent = parents.get(node)
        if parent is not None and _chain_node(parent) and not (
                isinstance(parent, ast.Call) and node in parent.keywords):
            continue
        out.append(node)
    return out


def _replace(expr, old, new):
    """``expr`` with the node ``old`` replaced by ``new`` (a copy; ``expr`` is left as it is)."""
    if expr is old:
        return new

    class R(ast.NodeTransformer):
        def visit(self, node):
            if node is old:
                return new
            return self.generic_visit(node)

    twin = copy.deepcopy(expr)
    # deepcopy loses identity: find old's twin by walking both trees in the same order
    for a, b in zip(ast.walk(expr), ast.walk(twin)):
        if a is old:
            old = b
            break
    return R().visit(twin)


def _default(src, chain):
    """The spans of the chain written without any parentheses (Python's own grouping), or None when a
    numpy call is among its operators (its parentheses cannot be left out)."""
    if any(call for _, call in chain.ops):
        return None
    parts = []
    for k, atom in enumerate(chain.atoms):
        text = ast.get_source_segment(src, atom) or _text(atom)
        parts.append(("-" if chain.negs[k] else "") + f"({text})")
        if k < len(chain.ops):
            parts.append(f" {SYM[chain.ops[k][0]]} ")
    try:
        bare = Chain(ast.parse("".join(parts), mode="eval").body)
    except (SyntaxError, _Unsupported):
        return None
    if len(bare.atoms) != len(chain.atoms):
        return None
    return _span(bare.tree)[2]


def _words(learner, fixed, chain, default=None):
    """Which operator the learner's bracketing applies first where the fixed one does not, and why
    (``default``: the spans Python's precedence alone gives; a part outside them is the learner's
    own parentheses)."""
    _, _, ls = _span(learner)
    _, _, fs = _span(fixed)
    def order(s):   # the smallest part first; an operator before a minus sign over the same part
        return s[1] - s[0], s[2] == "n"

    mine, theirs = sorted(ls - fs, key=order), sorted(fs - ls, key=order)
    if not mine or not theirs:
        return None

    def sym(s):
        return "the minus sign" if s[2] == "n" else f"`{SYM[chain.ops[s[2]][0]]}`"

    def prec(s):
        return NEG if s[2] == "n" else PREC[chain.ops[s[2]][0]]

    def called(s):
        return s[2] != "n" and chain.ops[s[2]][1] is not None

    a, b = mine[0], theirs[0]
    if called(a) or called(b):
        return None, f"the parentheses of np.{chain.ops[(a if called(a) else b)[2]][1]}(...) close in another place"
    pa, pb = prec(a), prec(b)
    if default is not None and a not in default:
        return a, f"your parentheses put {sym(a)} before {sym(b)}"
    if a[2] == "n" or b[2] == "n":
        if a[2] == "n" and b[2] == "n":
            return a, "the minus sign applies to another part of the expression"
        return a, f"{sym(a)} binds before {sym(b)}" if pa > pb else f"{sym(b)} binds before {sym(a)}"
    if pa > pb:
        return a, f"{sym(a)} binds before {sym(b)} (operator precedence)"
    if pa == pb:
        if chain.ops[a[2]][0] is ast.Pow:
            return a, f"{sym(a)} is done from right to left (Python's order of operations)"
        return a, f"{sym(a)} and {sym(b)} are done from left to right (Python's order of operations)"
    return a, f"the parentheses make {sym(a)} come before {sym(b)}"


def regroup(line, names, got, expected, then=None):
    """(the learner's expression, its part Python computes first (or None), the expression with that
    part in parentheses, why, the bracketed form that gives ``expected``) for the assignment or
    return ``line``, or None. ``names``: name -> the value the line read
    (numpy is ``np``); ``got``: the value the line gave (the learner's bracketing must give it);
    ``then``: what a later line makes of the value (the one compared with ``expected``; None: itself)."""
    if not _worth(expected):
        return None
    try:
        stmt = ast.parse(line.strip()).body
    except SyntaxError:
        return None
    if len(stmt) != 1 or not isinstance(stmt[0], (ast.Assign, ast.Return)) or stmt[0].value is None:
        return None
    expr = stmt[0].value
    src = line.strip()
    best = None
    with np.errstate(all="ignore"):
        for site in _sites(expr):
            found = _regroup_site(src, expr, site, names, got, expected, then)
            if found is not None and (best is None or found[0] < best[0]):
                best = found
    return None if best is None else best[1]


def _worth(expected) -> bool:
    try:
        e = np.asarray(expected, dtype=np.float64)
    except (TypeError, ValueError):
        return False
    if e.size == 0 or not np.all(np.isfinite(e)):
        return False
    if e.size > 1 and np.ptp(e) == 0:
        return False
    return not np.all(e == np.round(e))    # whole numbers (a count, a mask): too easily matched


def _regroup_site(src, expr, site, names, got, expected, then=None):
    try:
        chain = Chain(site)
    except _Unsupported:
        return None
    n = len(chain.atoms)
    if n < 2 or n > MAX_ATOMS or (n == 2 and not any(chain.negs)):
        return None
    ev = replay._Evaluator(src, dict(names), {"np": np, "numpy": np}, "")
    atoms = []
    for a in chain.atoms:
        try:
            _, v = ev.ev(a)
        except replay._Stop:
            return None
        if v is replay._OPAQUE or not (type(v) is np.ndarray or type(v) in (int, float, bool)
                                       or isinstance(v, np.generic)):
            return None
        atoms.append(v.copy() if type(v) is np.ndarray else v)
    try:
        trees = chain.trees()
    except _Unsupported:
        return None
    memo = {}

    def value(t):
        try:
            return _value(t, chain, atoms, memo)
        except Exception:   # noqa: BLE001 - a bracketing whose shapes do not fit is no candidate
            return None

    if site is expr:
        mine = value(chain.tree)
        if not _close(mine, got, nan=True):
            return None    # the names are not what the line saw: say nothing
    else:
        whole = _evaluate_with(src, expr, site, chain, chain.tree, names)
        if whole is None or not _close(whole, got, nan=True):
            return None
    _, _, learner_spans = _span(chain.tree)
    hits = []
    for t in trees:
        if t == chain.tree:
            continue
        v = value(t)
        if v is None:
            continue
        if site is not expr:
            v = _evaluate_with(src, expr, site, chain, t, names)
        if then is not None and v is not None:
            v = then(v)
        if _close(v, expected):
            _, _, spans = _span(t)
            hits.append((len(spans ^ learner_spans), t))
    if not hits:
        return None
    if not _one_formula([t for _, t in hits], chain, atoms):
        return None    # two different formulas that both give the value on this case: a coincidence
    # the fewest brackets moved, then the shortest text (dA * (1 - s) * s before dA * ((1 - s) * s))
    hits.sort(key=lambda h: (h[0], len(_text(_render(h[1], chain)))))
    distance, fixed = hits[0]
    said = _words(chain.tree, fixed, chain, _default(src, chain))
    if said is None:
        return None
    first, why = said
    whole = _replace(expr, site, _render(fixed, chain))
    first_text = grouped = None
    if first is not None:
        sub = _subtree(chain.tree, first)
        first_text = _text(_render(sub, chain))
        marked = _text(_replace(expr, site, _render(chain.tree, chain, mark=sub)))
        grouped = marked.replace(_MARK, f"({first_text})")
    return distance, (ast.get_source_segment(src, expr), first_text, grouped, why, _text(whole))


def _one_formula(trees, chain, atoms) -> bool:
    """True when the bracketings ``trees`` are one formula: equal again with other operand values
    (random, positive, of the same shapes; numbers kept, and arrays of 0s and 1s, labels and masks,
    for formulas need only agree where they are 0 or 1), as associativity makes them."""
    if len(trees) == 1:
        return True
    rng = np.random.default_rng(17)

    def binary(a):   # both 0s and 1s (an all-0 Y tells nothing: it is drawn like any operand)
        return type(a) is np.ndarray and bool(np.all((a == 0) | (a == 1))) and bool(np.any(a == 0)) \
            and bool(np.any(a == 1))

    other = [rng.uniform(0.5, 2.0, a.shape) if type(a) is np.ndarray and a.size > 1 and not binary(a) else a
             for a in atoms]
    memo, first = {}, None
    for t in trees:
        try:
            v = _value(t, chain, other, memo)
        except Exception:   # noqa: BLE001
            return False
        if first is None:
            first = v
        elif not _close(v, first):
            return False
    return True


def evaluate(line, names):
    """The value of the assignment or return ``line``'s expression with ``names`` (the safe evaluator:
    names, numbers, indexing, numpy calls, on copies), or None."""
    stmt = _stmt(line.strip())
    if not isinstance(stmt, (ast.Assign, ast.Return)) or stmt.value is None:
        return None
    ev = replay._Evaluator(line.strip(), dict(names), {"np": np, "numpy": np}, "")
    try:
        with np.errstate(all="ignore"):
            _, v = ev.ev(stmt.value)
    except Exception:   # noqa: BLE001 - replay._Stop or a shape that does not fit
        return None
    return None if v is replay._OPAQUE else v


def _stmt(src):
    try:
        return ast.parse(src).body[0]
    except (SyntaxError, IndexError):
        return None


def _subtree(t, span):
    """The learner's subtree over ``span`` (first, last, kind)."""
    i, j, _ = _span(t)
    if (i, j) == span[:2] and ((t[0] == "n") == (span[2] == "n")) and (t[0] != "b" or t[1] == span[2]):
        return t
    for child in (t[1:] if t[0] == "n" else t[2:] if t[0] == "b" else ()):
        ci, cj, _ = _span(child)
        if ci <= span[0] and span[1] <= cj:
            return _subtree(child, span)
    return t


def _evaluate_with(src, expr, site, chain, tree, names):
    """The whole expression's value with ``site`` bracketed as ``tree`` (None when it cannot be said)."""
    whole = _replace(expr, site, _render(tree, chain))
    ast.fix_missing_locations(whole)
    text = _text(whole)
    ev = replay._Evaluator(text, dict(names), {"np": np, "numpy": np}, "")
    try:
        node = ast.parse(text, mode="eval").body
        _, v = ev.ev(node)
    except (replay._Stop, SyntaxError):
        return None
    except Exception:   # noqa: BLE001
        return None
    return None if v is replay._OPAQUE else v


__all__ = ["regroup", "Chain", "MAX_ATOMS", "MAX_TREES"]
