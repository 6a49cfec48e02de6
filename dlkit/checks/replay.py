"""The failing line evaluated again where it raised: what met what, recorded for :mod:`operands`.

:func:`record` runs where the exception was caught, in the learner's own process (the notebook's
kernel): it parses the failing line and evaluates its sub-expressions again in the frame that
raised, with a small evaluator that only reads names, indexes containers, applies operators and
calls numpy (on copies of the arrays, so nothing of the learner's is changed) - never a learner
function, never anything else. It returns the evaluated nodes (text, kind, value) and which of
them raised (the operation whose operands did not fit). Naming them is :mod:`operands`' job, on the
judge's side; the grader's child records nothing, so nothing is claimed there.
"""
from __future__ import annotations

import ast

import numpy as np

MAX_ENTRIES = 1_000_000       # an evaluated array larger than this stops the recording
_SAFE_ATTRS = {"T", "shape", "ndim", "size", "dtype"}
_SAFE_METHODS = {"reshape", "sum", "mean", "copy", "flatten", "ravel", "astype", "dot", "transpose",
                 "squeeze", "max", "min", "item", "tolist", "keys", "values", "items", "get"}
_SAFE_BUILTINS = {"str", "int", "float", "len", "abs", "max", "min", "sum", "round", "bool"}
_NUMPY_FORBIDDEN = {"copyto", "put", "place", "putmask", "fill_diagonal", "save", "savez", "savetxt", "load",
                    "loadtxt", "fromfile", "seterr", "setbufsize", "set_printoptions", "einsum_path"}


class Node:
    """One evaluated sub-expression of the failing line: its source text, its kind ('name',
    'binop:+', 'call:np.dot', 'call:helper linear_backward', 'attr:T', 'subscript', 'store', ...),
    the indices of its operands among the recorded nodes, and its value (None when not evaluated)."""
    __slots__ = ("text", "kind", "children", "value", "ok")

    def __init__(self, text, kind, children, value=None, ok=False):
        self.text, self.kind, self.children, self.value, self.ok = text, kind, list(children), value, ok

    def __repr__(self):
        return f"Node({self.text!r}, {self.kind!r}, {self.children}, ok={self.ok})"


class Recording:
    """The nodes of the failing line (post-order), the index of the one that raised (or None), the
    statement's kind ('assign', 'augassign', 'return', 'expr', 'unpack') and its target's text."""
    __slots__ = ("nodes", "failed", "statement", "target", "line")

    def __init__(self, nodes, failed, statement, target, line):
        self.nodes, self.failed, self.statement, self.target, self.line = nodes, failed, statement, target, line

    def operands(self):
        """The recorded operands of the node that raised: [Node]."""
        if self.failed is None:
            return []
        return [self.nodes[i] for i in self.nodes[self.failed].children]


class _Stop(Exception):
    pass


_OPAQUE = object()


def _is_numpy_callable(f) -> bool:
    if isinstance(f, np.ufunc):
        return True
    module = getattr(f, "__module__", None) or ""
    name = getattr(f, "__name__", "")
    if not isinstance(module, str) or not module.startswith("numpy") or "random" in module:
        return False
    return name not in _NUMPY_FORBIDDEN and callable(f)


def _copy(v):
    return v.copy() if type(v) is np.ndarray else v


class _Evaluator:
    def __init__(self, src, f_locals, f_globals, message):
        self.src, self.locals, self.globals, self.message = src, f_locals, f_globals, message
        self.nodes, self.failed = [], None

    def add(self, node, kind, children, value, ok=True):
        text = ast.get_source_segment(self.src, node) or kind
        if type(value) is np.ndarray and value.size > MAX_ENTRIES:
            raise _Stop
        self.nodes.append(Node(text, kind, children, _copy(value) if ok else None, ok))
        return len(self.nodes) - 1

    def fail(self, node, kind, children):
        index = self.add(node, kind, children, None, ok=False)
        self.failed = index
        raise _Stop

    def ev(self, node):
        """(index of the recorded node, value); the value is _OPAQUE when it could not be evaluated."""
        method = getattr(self, "_" + type(node).__name__, None)
        if method is None:
            return None, _OPAQUE
        return method(node)

    def _Constant(self, node):
        return None, node.value

    def _Name(self, node):
        if node.id in self.locals:
            v = self.locals[node.id]
        elif node.id in self.globals:
            v = self.globals[node.id]
        elif node.id in _SAFE_BUILTINS:
            import builtins
            v = getattr(builtins, node.id)
        else:
            return None, _OPAQUE
        kind = "name"
        return self.add(node, kind, [], v), v

    def _Attribute(self, node):
        i, base = self.ev(node.value)
        if base is _OPAQUE:
            return None, _OPAQUE
        if type(base).__name__ == "module" and getattr(base, "__name__", "").startswith("numpy"):
            v = getattr(base, node.attr, _OPAQUE)
        elif type(base) is np.ndarray and node.attr in _SAFE_ATTRS:
            v = getattr(base, node.attr)
        elif type(base) in (np.ndarray, dict) and node.attr in _SAFE_METHODS:
            v = getattr(_copy(base), node.attr)
        else:
            return None, _OPAQUE
        if v is _OPAQUE:
            return None, _OPAQUE
        return self.add(node, f"attr:{node.attr}", [i] if i is not None else [], v), v

    def _Subscript(self, node):
        i, base = self.ev(node.value)
        j, key = self.ev(node.slice)
        if base is _OPAQUE or key is _OPAQUE or type(base) not in (dict, list, tuple, np.ndarray):
            return None, _OPAQUE
        kids = [k for k in (i, j) if k is not None]
        try:
            v = base[key]
        except Exception:
            self.fail(node, "subscript", kids)
        return self.add(node, "subscript", kids, v), v

    def _Slice(self, node):
        parts = []
        for p in (node.lower, node.upper, node.step):
            if p is None:
                parts.append(None)
                continue
            _, v = self.ev(p)
            if v is _OPAQUE:
                return None, _OPAQUE
            parts.append(v)
        return None, slice(*parts)

    def _Tuple(self, node):
        vals = []
        for e in node.elts:
            _, v = self.ev(e)
            if v is _OPAQUE:
                return None, _OPAQUE
            vals.append(v)
        return None, tuple(vals)

    _List = _Tuple

    def _UnaryOp(self, node):
        i, v = self.ev(node.operand)
        if v is _OPAQUE:
            return None, _OPAQUE
        ops = {ast.USub: lambda x: -x, ast.UAdd: lambda x: +x, ast.Not: lambda x: not x, ast.Invert: lambda x: ~x}
        try:
            out = ops[type(node.op)](_copy(v))
        except Exception:
            self.fail(node, "unary", [i] if i is not None else [])
        return self.add(node, "unary", [i] if i is not None else [], out), out

    _BINOPS = {ast.Add: ("+", lambda a, b: a + b), ast.Sub: ("-", lambda a, b: a - b),
               ast.Mult: ("*", lambda a, b: a * b), ast.Div: ("/", lambda a, b: a / b),
               ast.MatMult: ("@", lambda a, b: a @ b), ast.Pow: ("**", lambda a, b: a ** b),
               ast.FloorDiv: ("//", lambda a, b: a // b), ast.Mod: ("%", lambda a, b: a % b)}

    def _operand(self, node):
        i, v = self.ev(node)
        if i is None and v is not _OPAQUE:      # a constant: recorded so the operation has both operands
            i = self.add(node, "constant", [], v)
        return i, v

    def _BinOp(self, node):
        if type(node.op) not in self._BINOPS:
            return None, _OPAQUE
        sym, fn = self._BINOPS[type(node.op)]
        i, a = self._operand(node.left)
        j, b = self._operand(node.right)
        if a is _OPAQUE or b is _OPAQUE:
            return None, _OPAQUE
        try:
            v = fn(_copy(a), _copy(b))
        except Exception:
            self.fail(node, f"binop:{sym}", [i, j])
        return self.add(node, f"binop:{sym}", [i, j], v), v

    def _IfExp(self, node):
        """`a if test else b`: the test, then the branch it chose (the other one never ran)."""
        i, test = self._operand(node.test)
        if test is _OPAQUE:
            return None, _OPAQUE
        try:
            chosen = node.body if test else node.orelse
        except Exception:
            self.fail(node, "ifexp", [i] if i is not None else [])
        return self.ev(chosen)

    def _Compare(self, node):
        if len(node.ops) != 1:
            return None, _OPAQUE
        ops = {ast.Gt: ">", ast.GtE: ">=", ast.Lt: "<", ast.LtE: "<=", ast.Eq: "==", ast.NotEq: "!="}
        sym = ops.get(type(node.ops[0]))
        if sym is None:
            return None, _OPAQUE
        i, a = self._operand(node.left)
        j, b = self._operand(node.comparators[0])
        if a is _OPAQUE or b is _OPAQUE:
            return None, _OPAQUE
        try:
            v = eval(f"a {sym} b", {}, {"a": a, "b": b})   # noqa: S307 (two evaluated values, one operator)
        except Exception:
            self.fail(node, f"compare:{sym}", [i, j])
        return self.add(node, f"compare:{sym}", [i, j], v), v

    def _Call(self, node):
        fi, f = self.ev(node.func) if not isinstance(node.func, ast.Name) else self._Name_call(node.func)
        kids, args = [], []
        for a in node.args:
            if isinstance(a, ast.Starred):
                return None, _OPAQUE
            i, v = self._operand(a)
            kids.append(i)
            args.append(v)
        kwargs = {}
        for k in node.keywords:
            if k.arg is None:
                return None, _OPAQUE
            _, v = self.ev(k.value)
            kwargs[k.arg] = v
        if f is not _OPAQUE and f is not None and not callable(f) and isinstance(node.func, ast.Name):
            # a name that is not a function (sigmoid = sigmoid(Z) in a cell): what it holds, then the call fails
            self.add(node.func, "name", [], f)
            self.fail(node, "call:not callable", [len(self.nodes) - 1])
        name = getattr(f, "__name__", None) if f is not _OPAQUE else None
        if name is None and isinstance(node.func, ast.Name):
            name = node.func.id
        safe = f is not _OPAQUE and (_is_numpy_callable(f) or (
            getattr(f, "__self__", None) is not None and type(f.__self__) in (np.ndarray, dict)
            and name in _SAFE_METHODS) or (getattr(f, "__module__", None) == "builtins" and name in _SAFE_BUILTINS))
        if not safe or "out" in kwargs or any(v is _OPAQUE for v in [*args, *kwargs.values()]):
            if name and self.message.startswith(f"{name}:"):   # the helper's own check of its arguments raised
                self.fail(node, f"call:helper {name}", [k for k in kids if k is not None])
            return None, _OPAQUE
        if isinstance(f, np.ufunc) and len(args) > f.nin:   # a positional out=
            return None, _OPAQUE
        kind = f"call:np.{name}" if _is_numpy_callable(f) else f"call:{name}"
        try:
            v = f(*[_copy(a) for a in args], **{k: _copy(v) for k, v in kwargs.items()})
        except Exception:
            self.fail(node, kind, [k for k in kids if k is not None])
        return self.add(node, kind, [k for k in kids if k is not None], v), v

    def _Name_call(self, node):
        """A called name: its value, not recorded as an operand."""
        if node.id in self.locals:
            return None, self.locals[node.id]
        if node.id in self.globals:
            return None, self.globals[node.id]
        if node.id in _SAFE_BUILTINS:
            import builtins
            return None, getattr(builtins, node.id)
        return None, _OPAQUE


def _statement(line):
    try:
        tree = ast.parse(line.strip())
    except SyntaxError:
        return None
    if len(tree.body) != 1:
        return None
    return tree.body[0]


def record(line, f_locals, f_globals, message="") -> Recording | None:
    """The failing ``line`` evaluated again in the frame that raised (see the module docstring), or None."""
    if not line or not isinstance(line, str) or len(line) > 500:
        return None
    stmt = _statement(line)
    if stmt is None:
        return None
    src = line.strip()
    ev = _Evaluator(src, f_locals, f_globals, message or "")
    target, kind = None, None
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
        kind = "unpack" if isinstance(stmt.targets[0], (ast.Tuple, ast.List)) else "assign"
    elif isinstance(stmt, ast.AugAssign):
        kind = "augassign"
    elif isinstance(stmt, (ast.Return, ast.Expr)) and stmt.value is not None:
        kind = "return" if isinstance(stmt, ast.Return) else "expr"
    else:
        return None
    try:
        if kind in ("assign", "unpack"):
            tgt = stmt.targets[0]
            target = ast.get_source_segment(src, tgt)
            i, value = ev._operand(stmt.value)
            if kind == "unpack":
                if value is not _OPAQUE:
                    try:
                        _ = [*value]
                        if len(_) != len(tgt.elts):
                            raise ValueError
                    except Exception:
                        ev.fail(stmt, "unpack", [i] if i is not None else [])
            else:
                if isinstance(tgt, ast.Subscript) and value is not _OPAQUE:
                    j, slot = ev._Subscript(tgt)
                    if slot is not _OPAQUE and type(slot) is np.ndarray:
                        try:
                            probe = np.array(slot, copy=True)
                            probe[...] = value
                        except Exception:
                            ev.fail(stmt, "store", [k for k in (j, i) if k is not None])
        elif kind == "augassign":
            target = ast.get_source_segment(src, stmt.target)
            j, cur = ev._operand(stmt.target) if isinstance(stmt.target, (ast.Name, ast.Subscript)) else (None, _OPAQUE)
            i, value = ev._operand(stmt.value)
            sym, fn = _Evaluator._BINOPS.get(type(stmt.op), ("?", None))
            if fn is not None and cur is not _OPAQUE and value is not _OPAQUE and type(cur) is np.ndarray:
                try:
                    probe = np.array(cur, copy=True)
                    probe[...] = fn(probe, _copy(value))
                    if probe.shape != cur.shape:
                        raise ValueError
                    np.add(probe, 0, out=probe)
                    if type(value) is np.ndarray and np.broadcast_shapes(cur.shape, value.shape) != cur.shape:
                        raise ValueError
                except Exception:
                    ev.fail(stmt, f"augassign:{sym}", [k for k in (j, i) if k is not None])
        else:
            ev._operand(stmt.value)
    except _Stop:
        pass
    except Exception:   # noqa: BLE001 - the recording is a best effort; the learner's error stands
        return None
    if not ev.nodes:
        return None
    return Recording(ev.nodes, ev.failed, kind, target, src)


__all__ = ["record", "Recording", "Node"]
