"""What a wrong value IS, in the lecture's quantities: a small bounded search over expressions.

At the first wrong line (:mod:`firstwrong`) the learner's value ``V`` (an array) is known, and
so are the lecture quantities of the case (Z[l], A[l-1], W[l], dZ[l], ...). :func:`search` looks
for the simplest expression over them that equals ``V`` (np.isclose, rtol 1e-5, atol 1e-8):

* size 0: a quantity or its transpose;
* size 1: one operation on those: ``X @ Y``, ``X * Y``, ``X + Y``, ``X - Y``, ``X / Y``
  (where shapes allow, with numpy's broadcasting), ``X * (Q > 0)`` / ``(Q >= 0)`` / ``(Q < 0)``,
  g or g' applied (sigmoid, relu, sigmoid', exp, log, tanh, abs, 1 - X, 1 + X, sqrt, 1 / X), sums and
  means over axis 0 or 1
  (keepdims or not), a scalar factor (m, 1/m, 2, 1/2, -1);
* size 2: one more operation on a size-1 result (with a quantity as the other operand).

Each size is searched completely before the next, vectorised (the size-1 results of one shape
are stacked, so a size-2 operation is one numpy call); more than ``budget`` candidate values
and the search gives up (None). Expressions that are the same up to the order of a product or a
sum (``dA * g'(Z) * dA`` and ``dA * dA * g'(Z)``) are one; two different expressions of the
smallest size that both match are ambiguous, and nothing is said. Quantities with equal values
on the case are one quantity (the first named), as are masks that select the same entries.
"""
from __future__ import annotations

import numpy as np

RTOL, ATOL = 1e-5, 1e-8
BUDGET = 8000

_G = {
    "sigmoid": lambda x: 1 / (1 + np.exp(-x)),
    "relu": lambda x: np.maximum(x, 0),
    "sigmoid'": lambda x: (1 / (1 + np.exp(-x))) * (1 - 1 / (1 + np.exp(-x))),
    "exp": np.exp,
    "log": np.log,
    "tanh": np.tanh,
    "abs": np.abs,
    "1 -": lambda x: 1 - x,
    # diag10: the unary forms learners write by slip (1 + s for 1 - s, a root, a reciprocal; a square
    # is X * X already)
    "1 +": lambda x: 1 + x,
    "sqrt": np.sqrt,
    "1 /": lambda x: 1 / x,
}
_PREFIX = ("1 -", "1 +", "1 /")     # written before their operand, with no parentheses of their own
_MASKS = {">": np.greater, ">=": np.greater_equal, "<": np.less}
_BINARY = {"*": np.multiply, "+": np.add, "-": np.subtract, "/": np.divide}
_COMMUTES = ("*", "+")


class _Budget(Exception):
    pass


class _Expr:
    """An expression tree: ``op`` is 'atom', 'mask', 'factor', a g name, 'sum'/'mean', '@' or a
    binary op; ``key`` is canonical (products and sums flattened and sorted)."""
    __slots__ = ("op", "args", "text", "key", "size", "name")

    def __init__(self, op, args, text, key, size, name=None):
        self.op, self.args, self.text, self.key, self.size, self.name = op, args, text, key, size, name


def _atom(text):
    return _Expr("atom", (), text, ("atom", text), 0)


def _paren(e):
    plain = e.op in ("atom", "mask", "sum", "mean") or (e.op in _G and e.op not in _PREFIX)
    return e.text if plain else f"({e.text})"


def _flat(op, e):
    return list(e.key[1]) if e.key[0] == op else [e.key]


def _binary(op, x, y):
    if op == "@":
        text = f"{_paren(x)} {_paren(y)}"
        key = ("@", (x.key, y.key))
    else:
        side = [c.text if op in _COMMUTES and c.op == op else _paren(c) for c in (x, y)]
        text = f"{side[0]} {op} {side[1]}"
        key = (op, tuple(sorted(_flat(op, x) + _flat(op, y), key=repr))) if op in _COMMUTES else (op, (x.key, y.key))
    return _Expr(op, (x, y), text, key, x.size + y.size + 1)


def _mask(x, q, cmp):
    m = _Expr("mask", (q,), f"({q.text} {cmp} 0)", ("mask", cmp, q.key), 0, cmp)
    e = _binary("*", x, m)
    e.size = x.size + 1
    return e


def _factor(x, name):
    text = {"-1": f"-{_paren(x)}"}.get(name, f"{name} {_paren(x)}")
    key = ("*", tuple(sorted(_flat("*", x) + [("scalar", name)], key=repr)))
    return _Expr("factor", (x,), text, key, x.size + 1, name)


def _unary(x, name):
    text = f"{name} {_paren(x)}" if name in _PREFIX else f"{name}({x.text})"
    return _Expr(name, (x,), text, (name, x.key), x.size + 1, name)


def _reduce(x, how, axis, keep):
    tail = ", keepdims=True" if keep else ""
    return _Expr(how, (x,), f"{how}({x.text}, axis={axis}{tail})", (how, axis, keep, x.key), x.size + 1,
                 (axis, keep))


def evaluate(e, quantities: dict, m=None):
    """The value of the expression ``e`` (found by :func:`search_tree`) on other quantities
    ({the same lecture texts -> arrays}, e.g. another case's): a KeyError for a missing one."""
    with np.errstate(all="ignore"):
        return _eval(e, quantities, m)


def _eval(e, q, m):
    if e.op == "atom":
        if e.text in q:
            return np.asarray(q[e.text], dtype=np.float64)
        if e.text.endswith(".T") and e.text[:-2] in q:
            return np.asarray(q[e.text[:-2]], dtype=np.float64).T
        raise KeyError(e.text)
    if e.op == "mask":
        return _MASKS[e.name](_eval(e.args[0], q, m), 0).astype(np.float64)
    if e.op == "factor":
        return _scalars(m)[e.name] * _eval(e.args[0], q, m)
    if e.op in _G:
        return _G[e.op](_eval(e.args[0], q, m))
    if e.op in ("sum", "mean"):
        axis, keep = e.name
        return getattr(np, e.op)(_eval(e.args[0], q, m), axis=axis, keepdims=keep)
    x, y = (_eval(a, q, m) for a in e.args)
    if x.ndim == 1 and y.ndim == 2 and e.op != "@":
        x = x[None, :]
    if y.ndim == 1 and x.ndim == 2 and e.op != "@":
        y = y[None, :]
    return x @ y if e.op == "@" else _BINARY[e.op](x, y)


def _close(stack, target):
    """Which rows of ``stack`` (N, *target.shape) equal ``target``."""
    with np.errstate(all="ignore"):
        ok = np.isclose(stack, target, rtol=RTOL, atol=ATOL)
    return ok.reshape(len(stack), -1).all(axis=1)


def _broadcast(a, b):
    try:
        return np.broadcast_shapes(a, b)
    except ValueError:
        return None


def _matmul_shape(a, b):
    return (a[0], b[1]) if len(a) == 2 and len(b) == 2 and a[1] == b[0] else None


def _scalars(m):
    out = {"2": 2.0, "1/2": 0.5, "-1": -1.0}
    if m:
        out.update({"m": float(m), "1/m": 1.0 / float(m)})
    return out


def search(target, quantities: dict, m=None, budget: int = BUDGET, inputs=None, meter=None):
    """See :func:`search_tree`: the one expression's ``(text, size)``, or None (none, or ambiguous)."""
    found = search_tree(target, quantities, m=m, budget=budget, inputs=inputs, meter=meter)
    if len(found) > 1 and equivalent(found, quantities, m):
        found = found[:1]
    if len(found) != 1:
        return None
    return found[0].text, found[0].size


def equivalent(trees, quantities: dict, m=None) -> bool:
    """Whether the expressions ``trees`` are one function of the quantities (an identity, like
    sigmoid(-Z) = 1 - sigmoid(Z) or A (1 - Z) = A - A Z): equal on two sets of random values too."""
    rng = np.random.default_rng(12)
    for draw in (lambda s: rng.normal(size=s), lambda s: rng.uniform(0.1, 0.9, size=s)):
        q = {k: draw(np.shape(v)) for k, v in quantities.items() if type(v) is np.ndarray}
        try:
            vals = [evaluate(t, q, m) for t in trees]
        except (KeyError, ValueError):
            return False
        first = vals[0]
        for v in vals[1:]:
            with np.errstate(all="ignore"):
                if v.shape != first.shape or not np.all(np.isclose(v, first, rtol=1e-7, atol=1e-10, equal_nan=True)):
                    return False
    return True


def search_tree(target, quantities: dict, m=None, budget: int = BUDGET, inputs=None, meter=None):
    """The simplest expressions over ``quantities`` ({lecture text -> 2-D array}) equal to
    ``target`` (an array), as a list of trees (:func:`evaluate` recomputes one on other values):
    one when the answer is unique, several when different ones of the smallest size match (the
    caller may tell them apart on other cases), [] when none up to size 2 matches or when more
    than ``budget`` candidates would be needed. ``m`` (the number of examples) gives the scalar factors m and 1/m. ``inputs`` (the
    values the learner's line read) first narrows the quantities to those the line had: a line
    computes from its inputs, so ``Z = W @ A_prev`` is W[l] A[l-1], not Z[l] - b[l]. ``meter`` (a
    one-element list) is charged with the candidates spent, so several searches can share one budget."""
    if not isinstance(quantities, dict):
        raise TypeError(f"quantities must be a dict of lecture text -> array, got {type(quantities).__name__}")
    if not isinstance(budget, int) or budget < 1:
        raise ValueError(f"budget must be a positive int, got {budget!r}")
    t = np.asarray(target, dtype=np.float64) if np.size(target) else None
    if t is None or t.ndim == 0 or not np.all(np.isfinite(t)) or not np.any(t):
        return []       # all zeros, a scalar or not finite: too many expressions would "match"
    if inputs:
        had = {k: v for k, v in quantities.items() if type(v) is np.ndarray and any(
            type(i) is np.ndarray and i.shape == v.shape and np.allclose(i, v, rtol=RTOL, atol=ATOL) for i in inputs)}
        if had and len(had) < len(quantities):
            try:
                found = _search(t, had, m, budget, meter)
            except _Budget:
                found = []
            if len(found) == 1 or (found and equivalent(found, had, m)):
                return found
    try:
        return _search(t, quantities, m, budget, meter)
    except _Budget:
        return []


def _search(t, quantities, m, budget, meter=None):
    spent = meter if meter is not None else [0]

    def spend(n):
        spent[0] += n
        if spent[0] > budget:
            raise _Budget

    atoms = []      # (expr, value), unique values
    for text, v in quantities.items():
        if not (type(v) is np.ndarray and v.ndim == 2 and v.size > 1 and np.issubdtype(v.dtype, np.number)):
            continue
        v = v.astype(np.float64)
        for e, val in ((_atom(text), v), (_atom(f"{text}.T"), v.T)):
            if not any(val.shape == w.shape and np.array_equal(val, w) for _, w in atoms):
                atoms.append((e, val))
    if not atoms:
        return []
    scalars = _scalars(m)
    # an upper bound on the size-1 candidates (masks at most 3 a quantity), charged before any work
    spend(len(atoms) * (len(scalars) + len(_G) + 8 + 3 * len(atoms)) + 6 * len(atoms) ** 2)
    masks = []      # (q expr, cmp, 0/1 value), unique values, not all one nor all zero
    for q, qv in atoms:
        for cmp, fn in _MASKS.items():
            mv = fn(qv, 0).astype(np.float64)
            if 0 < mv.sum() < mv.size and not any(mv.shape == w.shape and np.array_equal(mv, w)
                                                  for w in [w for *_, w in masks] + [w for _, w in atoms]):
                masks.append((q, cmp, mv))

    # size 0
    hits = [e for e, v in atoms if v.shape == t.shape and _close(v[None], t)[0]]
    if hits:
        return _pick(hits)

    # size 1: every result is kept (any shape) for size 2
    level1 = []   # (expr, value)
    for e, v in atoms:
        for name, c in scalars.items():
            level1.append((_factor(e, name), c * v))
        with np.errstate(all="ignore"):
            for name, g in _G.items():
                level1.append((_unary(e, name), g(v)))
            for how, fn in (("sum", np.sum), ("mean", np.mean)):
                for axis in (0, 1):
                    for keep in (True, False):
                        level1.append((_reduce(e, how, axis, keep), fn(v, axis=axis, keepdims=keep)))
        for q, cmp, mv in masks:
            if q.text.split(".")[0] != e.text.split(".")[0] and v.shape == mv.shape:
                level1.append((_mask(e, q, cmp), v * mv))
    for i, (x, xv) in enumerate(atoms):
        for j, (y, yv) in enumerate(atoms):
            if _matmul_shape(xv.shape, yv.shape):
                level1.append((_binary("@", x, y), xv @ yv))
            if _broadcast(xv.shape, yv.shape) is None:
                continue
            for op, fn in _BINARY.items():
                if (op in _COMMUTES and j < i) or (op != "*" and i == j):
                    continue
                with np.errstate(all="ignore"):
                    level1.append((_binary(op, x, y), fn(xv, yv)))
    hits = [e for e, v in level1 if v.shape == t.shape and _close(v[None], t)[0]]
    if hits:
        return _pick(hits)

    # size 2: one more operation on a size-1 result; stacked by shape, one numpy call per operation
    groups = {}
    for e, v in level1:
        if np.all(np.isfinite(v)):
            groups.setdefault(v.shape, []).append((e, v))
    stacks = {s: ([e for e, _ in g], np.stack([v for _, v in g])) for s, g in groups.items()}
    hits = []

    def check(make, stack, exprs):
        spend(len(exprs))
        with np.errstate(all="ignore"):
            vals = make(stack)
        if vals.shape[1:] != t.shape:
            return
        for k in np.flatnonzero(_close(vals, t)):
            hits.append(exprs[k]())

    for shape, (exprs, stack) in stacks.items():
        if len(shape) == 1:     # a sum without keepdims: numpy broadcasts it along the rows
            stack = stack[:, None, :]
        if shape == t.shape:
            for name, c in scalars.items():
                check(lambda s, c=c: c * s, stack, [lambda x=x, n=name: _factor(x, n) for x in exprs])
            for name, g in _G.items():
                check(g, stack, [lambda x=x, n=name: _unary(x, n) for x in exprs])
            for q, cmp, mv in masks:
                if mv.shape == shape:
                    check(lambda s, mv=mv: s * mv, stack, [lambda x=x, q=q, c=cmp: _mask(x, q, c) for x in exprs])
        for how, fn in (("sum", np.sum), ("mean", np.mean)):
            for axis in (0, 1):
                for keep in (True, False):
                    if len(shape) == 2 and np.shape(np.zeros(shape).sum(axis=axis, keepdims=keep)) == t.shape:
                        check(lambda s, fn=fn, a=axis, k=keep: fn(s, axis=a + 1, keepdims=k), stack,
                              [lambda x=x, h=how, a=axis, k=keep: _reduce(x, h, a, k) for x in exprs])
        for y, yv in atoms:
            if len(shape) == 2 and _matmul_shape(shape, yv.shape) == t.shape:
                check(lambda s, yv=yv: s @ yv, stack, [lambda x=x, y=y: _binary("@", x, y) for x in exprs])
            if len(shape) == 2 and _matmul_shape(yv.shape, shape) == t.shape:
                check(lambda s, yv=yv: yv @ s, stack, [lambda x=x, y=y: _binary("@", y, x) for x in exprs])
            if _broadcast(shape, yv.shape) == t.shape and len(shape) <= 2:
                for op, fn in _BINARY.items():
                    check(lambda s, fn=fn, yv=yv: fn(s, yv), stack, [lambda x=x, y=y, o=op: _binary(o, x, y) for x in exprs])
                    if op not in _COMMUTES:
                        check(lambda s, fn=fn, yv=yv: fn(yv, s), stack, [lambda x=x, y=y, o=op: _binary(o, y, x) for x in exprs])
    if hits:
        return _pick(hits)
    return []


def _pick(hits):
    """The different expressions among the smallest matches (one: the answer; more: ambiguous)."""
    size = min(e.size for e in hits)
    best = {e.key: e for e in hits if e.size == size}
    return list(best.values())


__all__ = ["search", "search_tree", "evaluate", "equivalent", "BUDGET"]
