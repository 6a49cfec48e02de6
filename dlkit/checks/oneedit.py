"""A repair search: the smallest edit of the learner's own function that makes it right (issue 12, diagF).

When a report would otherwise be generic (or after a crash), the learner's function is parsed again
and every single, small, AST-level edit of a few lecture-meaningful classes is tried, the whole
function re-run on the public cases:

* ``op``: one operator for another (+ - * / @ **);
* ``T``: ``.T`` added to a name or taken away;
* ``axis``: ``axis=0`` <-> ``axis=1``; ``keepdims=True`` added to a sum / mean;
* ``int``: an integer literal +/- 1 (``caches[l - 1]``, ``range(1, L)``, ``str(l + 1)``), a name
  used as an index / bound +/- 1 (``caches[l]`` -> ``caches[l - 1]``, ``range(L)`` -> ``range(L + 1)``);
* ``str``: one string literal for another of the function or of the lecture's activations
  ('relu' <-> 'sigmoid', a misspelt activation), or a key with / without its ``d`` (``'W'`` <-> ``'dW'``);
* ``name``: one name read where another name of the same function holding a value of the same
  shape belongs (dA <-> dZ, A <-> Z, A_prev <-> A, W <-> dW, L <-> l);
* ``drop``: a factor or a term dropped (``a * b`` -> ``a``), a sign ``-`` taken away or added;
* ``m``: ``m`` <-> ``m - 1``; ``1/m`` added to an assignment's value;
* ``fn``: ``np.dot`` <-> ``np.multiply``, ``np.sum`` <-> ``np.mean``, relu <-> sigmoid (and their backward);
* ``copy``: ``.copy()`` added to an assignment's value, ``x -= y`` written ``x = x - y`` (in-place mistakes);
* ``group``: ``a op (b op c)`` <-> ``(a op b) op c``; a call's parenthesis closed late
  (``W.dot(A_prev + b)`` -> ``W.dot(A_prev) + b``).

An edit counts only when the edited function gives the reference's outputs (and leaves its inputs
unchanged) on every public case, and on a few more cases of the spec's other shapes; the learner's
own function must be wrong on some case. Only a unique fix is said (edits that give the same edited
function are one); when several differ, or the search runs out of its budget, nothing is said. The
budget counts case runs (``RUNS``; fewer for a composite, whose runs are dearer, none for L_layer_model,
whose every run is a training loop), not seconds, so that a report does not depend on how busy the machine
is; ``SAFETY`` seconds stop a search that is slow all the same (a variant that loops for ever).

The search runs the learner's function, so it needs the notebook's call (the function object and
its globals, where the helpers live). The grader runs a submission in a sandbox and has only the
source, so it does not search. Id ``<exercise>.one_edit`` (mistakes.TRACE, diagF).
"""
from __future__ import annotations

import ast
import collections
import contextlib
import copy
import re
import sys
import time

import numpy as np

from .plain import plain
from .runner import quiet

RUNS = {"model_forward": 30, "model_backward": 150, "L_layer_model": 60}   # case runs per search (default below); under 80 ms on this machine (oneedit2: measured)
DEFAULT_RUNS = 250       # a single block's runs are cheap (well under 0.2 ms each)
SAFETY = 0.4             # seconds: a search still running then says nothing (a variant that loops for ever);
                         # the run budget ends a normal search well before (under 60 ms here), so that a report
                         # does not depend on how busy the machine is (0.08 s did: test_catalog's determinism check)
_PRIORITY = ("axis", "int", "op", "fn", "str", "T", "name", "order", "paren", "group", "m", "copy", "drop")
MAX_FIXES = 6            # fixing edits kept (of one place) before the search stops
GRACE = 0.015            # the one candidate's extra cases; a variant that loops for ever is stopped then
EXTRA_SEED = 12_012      # more cases (the spec's other shapes) for a candidate fix
_OPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.MatMult: "@", ast.Pow: "**"}
_PREC = {ast.Add: 1, ast.Sub: 1, ast.Mult: 2, ast.Div: 2, ast.MatMult: 2, ast.Pow: 3}
_OP_WORDS = {ast.Add: "adds", ast.Sub: "subtracts", ast.Mult: "multiplies element by element",
             ast.Div: "divides", ast.MatMult: "takes the matrix product", ast.Pow: "raises to a power"}
_FN_PAIRS = {"dot": ("multiply",), "multiply": ("dot",), "matmul": ("multiply",), "sum": ("mean",),
             "mean": ("sum",), "maximum": ("minimum",), "minimum": ("maximum",), "log": ("exp",),
             "exp": ("log",), "relu": ("sigmoid",), "sigmoid": ("relu",),
             "relu_backward": ("sigmoid_backward",), "sigmoid_backward": ("relu_backward",),
             "log10": ("log",), "log2": ("log",), "rand": ("randn",), "randn": ("rand",), "abs": ("sign",),
             "argmax": ("max",), "max": ("sum",), "square": ("sqrt",), "sqrt": ("square",)}
_UFUNCS = {"maximum", "minimum", "add", "subtract", "multiply", "divide", "true_divide", "power", "exp", "log",
           "negative", "sqrt", "square", "tanh"}   # their positional arguments past the inputs are out= arrays


def _called(call) -> str:
    return call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")


_CMP_SYM = {ast.Gt: ">", ast.GtE: ">=", ast.Lt: "<", ast.LtE: "<=", ast.Eq: "==", ast.NotEq: "!="}
_COMPARE = {ast.Gt: (ast.GtE, ast.Lt), ast.GtE: (ast.Gt, ast.LtE), ast.Lt: (ast.LtE, ast.Gt), ast.LtE: (ast.Lt, ast.GtE),
            }   # == <-> != is no slip of the lecture's: it "fixes" a misspelt string by inverting the test
_ACTIVATIONS = ("relu", "sigmoid", "tanh")
_QUANTITY = {"A_prev": "A[l-1]", "A": "A[l]", "Z": "Z[l]", "W": "W[l]", "b": "b[l]", "dA": "dA[l]",
             "dZ": "dZ[l]", "dW": "dW[l]", "db": "db[l]", "dA_prev": "dA[l-1]", "AL": "A[L]", "Y": "Y",
             "m": "m (the number of examples)", "L": "L (the number of layers)", "l": "l (the layer)",
             "X": "X = A[0]"}


class _OutOfTime(Exception):
    pass


def _words(name: str) -> str:
    q = _QUANTITY.get(name)
    return f"`{name}` ({q})" if q and q != name else f"`{name}`"


def _shapes(fn, args):
    """{local name: shape or 'scalar'} at the learner's function's return (one traced run), or {}."""
    code = getattr(fn, "__code__", None)
    seen = {}

    def tracer(frame, event, arg):
        if frame.f_code is not code:
            return None

        def local(frame, event, arg):
            if event == "return":
                for k, v in frame.f_locals.items():
                    seen.setdefault(k, _kind(v))
            return local
        return local

    old = sys.gettrace()
    sys.settrace(tracer)
    try:
        with quiet():   # the variant's prints and warnings are not the learner's to see
            fn(*copy.deepcopy(args))
    except (Exception, SystemExit):   # noqa: BLE001 -- a crash: the locals of its frame are not seen
        pass
    finally:
        sys.settrace(old)
    return seen


def _kind(v):
    if isinstance(v, np.ndarray):
        return ("array", v.shape)
    if isinstance(v, (bool, np.bool_)):
        return ("bool",)
    if isinstance(v, (int, np.integer)):
        return ("int",)
    if isinstance(v, (float, np.floating)):
        return ("float",)
    return (type(v).__name__,)


def _edits(fdef, shapes):
    """Yield (node, kind, new node, words) for each one-place edit of ``fdef``."""
    index_ids = {id(n) for sub in ast.walk(fdef) if isinstance(sub, ast.Subscript) for n in ast.walk(sub.slice)}
    # oneedit2: places where an edit "fixes" by accident: a ufunc's out= array (np.maximum(Z, 0, -Z) writes
    # into a temporary), an indexed array's own name ((-dZ)[mask]), a statement's own call (costs.append(x) -> costs)
    outs = {id(n) for c in ast.walk(fdef) if isinstance(c, ast.Call) for n in
            [k.value for k in c.keywords if k.arg == "out"] + (c.args[2:] if _called(c) in _UFUNCS else [])}
    bases = {id(sub.value) for sub in ast.walk(fdef) if isinstance(sub, ast.Subscript)}
    statements = {id(st.value) for st in ast.walk(fdef) if isinstance(st, ast.Expr)}
    stored = {id(a.value): {t.id for t in a.targets if isinstance(t, ast.Name)} for a in ast.walk(fdef)
              if isinstance(a, ast.Assign)}
    bound_ids = {id(n) for c in ast.walk(fdef) if isinstance(c, ast.Call) and isinstance(c.func, ast.Name)
                 and c.func.id in ("range", "str") for a in c.args for n in ast.walk(a)}
    strings = sorted({n.value for n in ast.walk(fdef) if isinstance(n, ast.Constant) and isinstance(n.value, str)
                      and 0 < len(n.value) < 20})
    params = [a.arg for a in fdef.args.args]
    tests = {id(t) for n in ast.walk(fdef) for t in (
        [n.test] if isinstance(n, (ast.If, ast.While, ast.IfExp)) else n.values if isinstance(n, ast.BoolOp)
        else n.ifs if isinstance(n, ast.comprehension) else [])}
    added = {id(n.right) for n in ast.walk(fdef) if isinstance(n, ast.BinOp) and type(n.op) in (ast.Add, ast.Sub)}
    shape_reads = {id(n.value) for n in ast.walk(fdef) if isinstance(n, ast.Attribute) and n.attr in ("shape", "size")}
    arrays = {k: v for k, v in shapes.items() if v[0] == "array"}
    ints = [k for k, v in shapes.items() if v == ("int",)]
    for node in ast.walk(fdef):
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            unit = any(isinstance(x, ast.Constant) and x.value in (0, 1) for x in (node.left, node.right))
            for op in _OPS:
                if unit and op is not ast.Add and op is not ast.Sub:
                    continue   # x * 1, x ** 1: a term dropped, said as such
                if op is not type(node.op) and (id(node) not in index_ids or op in (ast.Add, ast.Sub)):
                    yield node, "op", ast.BinOp(left=node.left, op=op(), right=node.right), None
            if type(node.op) in (ast.Add, ast.Sub) and isinstance(node.right, ast.Constant) and node.right.value == 1:
                # l + 1 -> l in an index or bound: one off; m - 1 -> m elsewhere: the count itself
                yield node, "int" if id(node) in index_ids or id(node) in bound_ids or type(node.op) is ast.Add else "m", \
                    node.left, None
            elif type(node.op) in (ast.Add, ast.Sub, ast.Mult, ast.Div):
                yield node, "drop", node.left, None
                if type(node.op) is not ast.Sub and type(node.op) is not ast.Div:
                    yield node, "drop", node.right, None
            if isinstance(node.left, ast.BinOp) and type(node.left.op) in _OPS:   # one operator retyped: a - b - c
                for op in (ast.Mult, ast.MatMult):   # a - b - c typed for a - b * c: the product binds tighter
                    if type(node.op) in (ast.Add, ast.Sub) and _PREC[op] > _PREC[type(node.left.op)]:
                        yield node, "op", ast.BinOp(left=node.left.left, op=node.left.op, right=ast.BinOp(
                            left=node.left.right, op=op(), right=node.right)), "typed"
            for inner, outer_left in ((node.right, True), (node.left, False)):   # regrouped
                if isinstance(inner, ast.BinOp) and type(inner.op) in _OPS and type(node.op) in _OPS:
                    if outer_left:
                        new = ast.BinOp(left=ast.BinOp(left=node.left, op=node.op, right=inner.left),
                                        op=inner.op, right=inner.right)
                    else:
                        new = ast.BinOp(left=inner.left, op=inner.op,
                                        right=ast.BinOp(left=inner.right, op=node.op, right=node.right))
                    yield node, "group", new, None
        if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _COMPARE:
            counted = isinstance(node.left, ast.Name) and shapes.get(node.left.id) == ("int",)   # a count: off by one
            for op in _COMPARE[type(node.ops[0])]:
                yield node, "op", ast.Compare(left=node.left, ops=[op()], comparators=node.comparators), \
                    "int" if counted else None
        if isinstance(node, ast.Call) and 2 <= len(node.args) <= 4 and not any(isinstance(a, ast.Starred) for a in node.args):
            for i in range(len(node.args)):
                for j in range(i + 1, min(i + 2, len(node.args))):   # neighbours: np.where(c, x, y) -> (y, x, c) is no slip
                    args = list(node.args)
                    args[i], args[j] = args[j], args[i]
                    yield node, "order", ast.Call(func=node.func, args=args, keywords=node.keywords), None
        if isinstance(node, ast.Tuple) and 2 <= len(node.elts) <= 4:
            for i in range(len(node.elts)):
                for j in range(i + 1, len(node.elts)):
                    elts = list(node.elts)
                    elts[i], elts[j] = elts[j], elts[i]
                    yield node, "order", ast.Tuple(elts=elts, ctx=node.ctx), None
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            yield node, "drop", node.operand, None
        if isinstance(node, ast.Attribute) and node.attr == "T" and isinstance(node.ctx, ast.Load):
            yield node, "T", node.value, None
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            if node.id in arrays and arrays[node.id][1][::-1] != arrays[node.id][1]:
                yield node, "T", ast.Attribute(value=ast.Name(node.id, ast.Load()), attr="T", ctx=ast.Load()), None
            if id(node) in index_ids or id(node) in bound_ids:
                if shapes.get(node.id) == ("int",):
                    for op in (ast.Sub, ast.Add):
                        yield node, "int", ast.BinOp(left=ast.Name(node.id, ast.Load()), op=op(), right=ast.Constant(1)), None
            elif shapes.get(node.id) == ("int",) and node.id not in ("l", "i"):
                yield node, "m", ast.BinOp(left=ast.Name(node.id, ast.Load()), op=ast.Sub(), right=ast.Constant(1)), None
            if id(node) in outs:
                continue
            if shapes.get(node.id, ("",))[0] in ("array", "float") and id(node) not in index_ids | bases:
                yield node, "drop", ast.UnaryOp(op=ast.USub(), operand=ast.Name(node.id, ast.Load())), "sign"
            if node.id in arrays and id(node) in shape_reads:   # x.shape: another array's shape
                for other in arrays:
                    if other != node.id and arrays[other] != arrays[node.id]:
                        yield node, "name", ast.Name(other, ast.Load()), "shape"
            if node.id in shapes:
                for other, kind in shapes.items():
                    if other != node.id and kind == shapes[node.id] and not other.startswith("_") \
                            and other not in stored.get(id(node), ()) and (
                            kind[0] in ("array", "float") or kind[0] == "int" and (id(node) in index_ids or id(node) in bound_ids)):
                        yield node, "name", ast.Name(other, ast.Load()), None
            if node.id in _FN_PAIRS:
                for other in _FN_PAIRS[node.id]:
                    yield node, "fn", ast.Name(other, ast.Load()), None
        if isinstance(node, ast.Attribute) and node.attr in _FN_PAIRS and isinstance(node.ctx, ast.Load):
            for other in _FN_PAIRS[node.attr]:
                yield node, "fn", ast.Attribute(value=node.value, attr=other, ctx=ast.Load()), None
        if isinstance(node, ast.Constant) and type(node.value) is int and not isinstance(node.value, bool):
            for d in (-1, 1):
                if id(node) in added and node.value + d == 0:
                    continue   # x - 1 -> x - 0: the term dropped, said as such
                if node.value + d >= 0 or id(node) in index_ids:
                    counted = id(node) in index_ids or id(node) in bound_ids
                    yield node, "int", ast.Constant(node.value + d), None if counted else "const"
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            s = node.value
            others = [o for o in strings if o != s]
            others += [a for a in _ACTIVATIONS if a != s and a not in others and _near(s, a)]
            others += [o for o in ("d" + s, s[1:] if s.startswith("d") else None) if o and o not in others]
            for o in others:
                yield node, "str", ast.Constant(o), None
        if isinstance(node, ast.Call):
            for i, kw in enumerate(node.keywords):
                if kw.arg == "axis" and isinstance(kw.value, ast.Constant) and kw.value.value in (0, 1):
                    new = copy.copy(node)
                    new.keywords = list(node.keywords)
                    new.keywords[i] = ast.keyword(arg="axis", value=ast.Constant(1 - kw.value.value))
                    yield node, "axis", new, None
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in ("sum", "mean") and not any(k.arg == "keepdims" for k in node.keywords):
                new = copy.copy(node)
                new.keywords = list(node.keywords) + [ast.keyword(arg="keepdims", value=ast.Constant(True))]
                yield node, "axis", new, None
            if id(node) in tests or id(node) in statements:
                pass   # a test (if / while / and / or): dropping its call only makes it always true; a statement's
                # call (costs.append(J)) dropped is the statement undone, not a value of the lecture's
            elif isinstance(node.func, ast.Attribute) and node.func.attr not in ("copy", "T") \
                    and isinstance(node.func.value, (ast.Name, ast.Call, ast.BinOp, ast.Subscript)) \
                    and not (isinstance(node.func.value, ast.Name) and node.func.value.id in ("np", "math", "numpy")):
                yield node, "drop", node.func.value, "call"     # x.astype(...) / x.round() -> x
            elif len(node.args) == 1 and not node.keywords and name not in ("range", "len", "str", "list", "zip"):
                yield node, "drop", node.args[0], "call"        # np.round(x) / int(x) -> x
            if node.args and isinstance(node.args[-1], ast.BinOp) and not node.keywords:
                inner = node.args[-1]
                call = ast.Call(func=node.func, args=node.args[:-1] + [inner.left], keywords=[])
                yield node, "paren", ast.BinOp(left=call, op=inner.op, right=inner.right), None
    for node in ast.walk(fdef):   # whole statements: a sign, 1/m, a copy, an in-place update
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            v = node.value
            yield v, "drop", ast.UnaryOp(op=ast.USub(), operand=v), "sign"
            for n in ints:
                if n not in params or n in ("m",):
                    yield v, "m", ast.BinOp(left=v, op=ast.Div(), right=ast.Name(n, ast.Load())), n
            if isinstance(v, (ast.Name, ast.Subscript, ast.Attribute)):
                yield v, "copy", ast.Call(func=ast.Attribute(value=v, attr="copy", ctx=ast.Load()), args=[], keywords=[]), None
        if isinstance(node, ast.AugAssign) and type(node.op) in _OPS:
            target = copy.deepcopy(node.target)
            load = copy.deepcopy(node.target)
            for n in ast.walk(load):
                if hasattr(n, "ctx"):
                    n.ctx = ast.Load()
            yield node, "copy", ast.Assign(targets=[target], value=ast.BinOp(left=load, op=node.op, right=node.value)), "aug"


def _near(s, a) -> bool:
    """A misspelling of activation ``a``: one or two letters away, or the same letters in another case."""
    s = s.strip().lower()
    if s == a:
        return True
    if abs(len(s) - len(a)) > 2:
        return False
    prev = list(range(len(a) + 1))
    for i, cs in enumerate(s, 1):
        cur = [i]
        for j, ca in enumerate(a, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (cs != ca)))
        prev = cur
    return prev[-1] <= 2


def _replace(tree, old, new):
    class R(ast.NodeTransformer):
        def visit(self, node):
            if node is old:
                return new
            return super().visit(node)
    return ast.fix_missing_locations(R().visit(tree))


class _Runs:
    """The search's budget: case runs left (deterministic), and a wall-clock safety deadline."""

    def __init__(self, runs, seconds):
        self.left, self.deadline = runs, time.monotonic() + seconds
        self.expected = {}   # id(case): (case, its expected parts); the case kept so that its id stays its own

    def spend(self):
        self.left -= 1
        if self.left < 0 or time.monotonic() > self.deadline:
            raise _OutOfTime


def _right_everywhere(spec, fn, cases, budget) -> bool:
    from .spec import agree
    for case in cases:
        budget.spend()
        args = plain(case.args)
        try:
            with quiet():   # the variant's prints and warnings are not the learner's to see
                out = plain(fn(*args))
        except _OutOfTime:
            raise
        except (Exception, SystemExit, RecursionError):   # noqa: BLE001 -- a variant that raises is not the fix
            return False
        got, _ = spec.split(out, case)
        if id(case) not in budget.expected:   # the reference's parts, split once per case (every variant meets them)
            budget.expected[id(case)] = (case, spec.split(case.expected, case)[0])
        exp = budget.expected[id(case)][1]
        if set(got) != set(exp) or any(spec.part_mismatch(p, got[p], exp[p], case) is not None for p in exp):
            return False
        if not agree(plain(args), case.args):   # an input changed in place
            return False
    return True


def _wrong_on(spec, fn, case, budget) -> bool:
    return not _right_everywhere(spec, fn, [case], budget)


REARM = 0.005            # seconds between repeated alarms once the deadline has passed


@contextlib.contextmanager
def _alarm(deadline):
    """Stop a variant that loops for ever (a while loop whose condition an edit broke): SIGALRM at the
    deadline, and again every ``REARM`` seconds until the block has left. One alarm is not enough: an
    exception raised by a signal handler while Python runs a GC weakref callback or a ``__del__`` is
    printed as "Exception ignored" and lost, and a learner's bare ``except:`` swallows it too; the next
    alarm stops the loop all the same. Main thread only (where signals arrive); elsewhere, no alarm."""
    import signal
    import threading
    from .runner import _TimeLimit
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum, frame):
        raise _TimeLimit()

    old = signal.signal(signal.SIGALRM, on_alarm)
    try:
        signal.setitimer(signal.ITIMER_REAL, max(deadline - time.monotonic(), 1e-3), REARM)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)   # disarmed first: an alarm in flight still lands below
    except _TimeLimit:
        raise _OutOfTime from None
    finally:
        signal.signal(signal.SIGALRM, old)


def search(spec, fn, namespace, source, runs=None):
    """[(node, kind, new, note, edited source)] of the distinct fixing edits, or None (out of budget / not searchable)."""
    runs = RUNS.get(spec.name, DEFAULT_RUNS) if runs is None else runs
    if runs <= 0:
        return None
    budget = _Runs(runs, SAFETY)
    deadline = budget.deadline
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    fdef = next((n for n in tree.body if isinstance(n, ast.FunctionDef)), None)
    if fdef is None:
        return None
    fdef.decorator_list = []     # the function alone: a decorator may register or replace it
    tree = ast.Module(body=[fdef], type_ignores=[])
    import threading
    if threading.current_thread() is not threading.main_thread() and any(isinstance(n, ast.While) for n in ast.walk(fdef)):
        return None   # no alarm outside the main thread: a variant's while loop could run for ever
    cases = [c for c in spec.cases() if not c.info.get("hidden")]
    if not cases:
        return None
    try:
        with _alarm(deadline + GRACE):
            cases.sort(key=lambda c: not _wrong_on(spec, fn, c, budget))   # the wrong cases first: a variant fails fast
            if _right_everywhere(spec, fn, cases, budget):
                return []   # the learner's own function is right: nothing to repair
            shapes = _shapes(fn, cases[0].args)
            places = _places(fdef)
            fixes = {}
            original = ast.unparse(fdef)
            found_by = fixes
            edits = sorted(_edits(fdef, shapes), key=lambda e: _tier(e[1], e[3]))   # the smallest edits first
            for n, (node, kind, new, note) in enumerate(edits):
                if fixes and _tier(kind, note) > _tier(*edits[n - 1][1::2]):
                    break   # a fix among the smaller edits: the larger ones are not tried
                if id(node) not in places:
                    continue
                new = ast.fix_missing_locations(ast.copy_location(new, node))
                variant = _variant(tree, fdef, places, namespace, [(node, new)])
                if variant is not None and _right_everywhere(spec, variant, cases, budget):
                    text = _text(fdef, places, [(node, new)])
                    if text != original and text not in fixes:
                        fixes[text] = (node, kind, new, note, variant)
                    if len(fixes) > MAX_FIXES or len(_clusters(fixes)) > 2:
                        break   # two places may still be two views of one mistake (_either); three are not
            groups = _clusters(fixes)
            if len(groups) == 2:   # two places: one mistake seen from either side, or two different fixes
                best = [min(g, key=lambda t: _key(found_by, t)) for g in groups]
                if not _either(*(found_by[t] for t in best), places):
                    return [(node, kind, new, note, text) for text, (node, kind, new, note, _) in fixes.items()]
                best[0], best[1] = sorted(best, key=lambda t: found_by[t][0].lineno)
                fixes = {best[0]: found_by[best[0]]}
                node = found_by[best[0]][0]
                other = found_by[best[1]]
                node._either = other[:4]   # said with its node, by say()
                _annotate(other[0], other[2], places, fdef)
                groups = [[best[0]]]
            if not fixes:   # no one edit: the same edit at every parallel line (W and b, dW and db, ...)
                fixes = found_by = _parallel(spec, tree, fdef, places, namespace, edits, cases, budget)
                groups = _clusters(fixes)
            if len(groups) == 1:   # one place: its simplest edit; more cases, of the spec's other shapes, for it
                rank = sorted(groups[0], key=lambda t: _key(found_by, t))
                if len(rank) > 1 and _key(found_by, rank[0]) == _key(found_by, rank[1]):
                    return []   # two edits of one place, neither simpler: they disagree
                text = rank[0]
                node, kind, new, note, variant = found_by[text]
                fixes = {text: found_by[text]}
                extra = [c for c in spec.cases(seed=EXTRA_SEED) if c.info.get("hidden") and not c.info.get("float32")]
                budget.left += len(extra)   # the one candidate's extra cases are always run
                if extra and not _right_everywhere(spec, variant, extra, budget):
                    return []
                _annotate(node, new, places, fdef)
                for node2, new2 in getattr(node, "_repeated", ()):
                    _annotate(node2, new2, places, fdef)
    except (_OutOfTime, RecursionError):
        return None
    except BaseException as exc:   # the alarm, on its way out of the block
        from .runner import _TimeLimit
        if isinstance(exc, _TimeLimit):
            return None
        raise
    return [(node, kind, new, note, text) for text, (node, kind, new, note, _) in fixes.items()]



def _key(found_by, t):
    """The plainer edit of one place: its class, a shorter function, no negative index."""
    new = found_by[t][2]
    return _PRIORITY.index(found_by[t][1]), len(t), isinstance(new, ast.Constant) and new.value == -1


def _variant(tree, fdef, places, namespace, pairs):
    """The edited function with every (node, new) of ``pairs`` put in at once, or None."""
    try:
        with _edited(places, pairs):
            code = compile(tree, "<one-edit>", "exec")
        scope = dict(namespace)
        exec(code, scope)
        return scope[fdef.name]
    except Exception:   # noqa: BLE001 -- an edit that does not compile or define is no fix
        return None


@contextlib.contextmanager
def _edited(places, pairs):
    """The tree with ``pairs`` put in, for the block; restored after."""
    done = []
    try:
        for node, new in pairs:
            parent, field, i = places[id(node)]
            _put(parent, field, i, new)
            done.append((parent, field, i, node))
        yield
    finally:
        for parent, field, i, node in reversed(done):
            _put(parent, field, i, node)


def _text(fdef, places, pairs) -> str:
    with _edited(places, pairs):
        return ast.unparse(fdef)


def _family(tok: str) -> str:
    """A name or key with its lecture letter taken out: W, b -> *; dW, db -> d*; 'W1' -> *1; A1 -> A#."""
    m = re.fullmatch(r"([a-z]{0,2})(W|b)(\d*|%d|%s|_\w+)", tok)   # W1, dW, vdW, 'W%d', W_new
    if m:
        return m.group(1) + "*" + m.group(3)
    return re.sub(r"\d+$", "#", tok)


def _shape_key(node) -> str:
    """``node``'s AST with W/b, dW/db, ... made one: two lines with one key are parallel (the W and the b line)."""
    if isinstance(node, list):
        return "[" + ",".join(_shape_key(n) for n in node) + "]"
    if isinstance(node, ast.Name):
        return f"N({_family(node.id)},{type(node.ctx).__name__})"
    if isinstance(node, ast.Constant):
        return f"C({_family(node.value) if isinstance(node.value, str) else repr(node.value)})"
    if isinstance(node, ast.AST):
        return type(node).__name__ + "(" + ",".join(_shape_key(v) for _, v in ast.iter_fields(node)) + ")"
    return repr(node)


def _parallel(spec, tree, fdef, places, namespace, edits, cases, budget):
    """{edited source: (node, kind, new, note, function)}: one edit class put in at the same place of every
    line of one shape (``_shape_key``), when no single edit fixes the function; ``node._repeated`` holds the
    other lines' (node, new)."""
    simple = (ast.Assign, ast.AugAssign, ast.Expr, ast.Return, ast.AnnAssign)
    lines = collections.defaultdict(list)
    for st in ast.walk(fdef):
        if isinstance(st, simple):
            lines[_shape_key(st)].append(st)
    owner = {}
    for group in lines.values():
        if len(group) > 1:
            for st in group:
                for k, n in enumerate(ast.walk(st)):
                    owner[id(n)] = (st, group, k)
    at = collections.defaultdict(list)
    for node, kind, new, note in edits:
        at[id(node)].append((kind, new, note))
    fixes = {}
    for node, kind, new, note in edits:
        st, group, k = owner.get(id(node), (None, None, None))
        if st is None or st is not group[0] or id(node) not in places:
            continue   # from the first line of a group: its mates follow by position
        pairs, key = [(node, new)], _shape_key(new)
        for mate in group[1:]:
            node2 = list(ast.walk(mate))[k]
            new2 = next((n2 for k2, n2, t2 in at.get(id(node2), ()) if k2 == kind and t2 == note
                         and _shape_key(n2) == key), None)
            if new2 is None or id(node2) not in places:
                break
            pairs.append((node2, new2))
        else:
            pairs = [(n, ast.fix_missing_locations(ast.copy_location(e, n))) for n, e in pairs]
            variant = _variant(tree, fdef, places, namespace, pairs)
            if variant is not None and _right_everywhere(spec, variant, cases, budget):
                node._repeated = pairs[1:]
                fixes.setdefault(_text(fdef, places, pairs), (node, kind, pairs[0][1], note, variant))
                if len(_clusters(fixes)) > 1:
                    break
    return fixes


def _either(a, b, places) -> bool:
    """Two fixing edits of two places that are one mistake seen from either side: the same two names
    swapped in two tuples (``for i, j in ...`` and ``dZ[j, i]``), or an alias (``t = s``) and the in-place
    change made through it (``t *= -1``): a copy at either place fixes it."""
    (na, ka, xa, ta), (nb, kb, xb, tb) = a[:4], b[:4]
    if ka == kb == "order" and isinstance(na, ast.Tuple) and isinstance(nb, ast.Tuple):
        def swapped(n, x):
            return {ast.unparse(e) for e, f in zip(n.elts, x.elts) if ast.dump(e) != ast.dump(f)}
        pair = swapped(na, xa)
        return len(pair) == 2 and pair == swapped(nb, xb) and all(e.isidentifier() for e in pair)
    if ka == kb == "copy" and {ta, tb} == {None, "aug"}:
        (v, _), (aug, _) = sorted(((na, ta), (nb, tb)), key=lambda p: p[1] == "aug")
        parent = places.get(id(v), (None,))[0]
        return isinstance(v, ast.Name) and isinstance(parent, ast.Assign) and isinstance(aug, ast.AugAssign) \
            and any(isinstance(t, ast.Name) and isinstance(aug.target, ast.Name) and t.id == aug.target.id
                    for t in parent.targets)
    return False


def _annotate(node, new, places, fdef):
    """What say() quotes around the edit: the expression or line holding it, before and after (``_ctx``);
    for a name read where another belongs inside a loop, whether it is stale there (``_stale``)."""
    parent, field, i = places.get(id(node), (None, None, None))
    node._parent, node._fdef = parent, fdef   # editwords.gloss: what holds the edit (len(...), X.shape[...]), where names are set
    if parent is not None and not isinstance(parent, (ast.FunctionDef, ast.For, ast.While, ast.If)):
        before = ast.unparse(parent)
        _put(parent, field, i, new)
        after = ast.unparse(parent)
        _put(parent, field, i, node)
        if len(before) <= 90 and "\n" not in before:
            node._ctx = (before, after, parent)
    if isinstance(node, ast.Name) and isinstance(new, ast.Name):
        loops = [lp for lp in ast.walk(fdef) if isinstance(lp, (ast.For, ast.While))
                 and any(n is node for n in ast.walk(lp))]
        if loops:
            loop = min(loops, key=lambda lp: len(list(ast.walk(lp))))
            def set_at(where, name):   # the assignments of ``name`` below ``where``
                return [a for a in ast.walk(where) if isinstance(a, ast.Assign)
                        and any(isinstance(t, ast.Name) and t.id == name for t in a.targets)]

            def what(a):   # the computation an assignment makes: its call's function, else its whole value
                return ast.dump(a.value.func if isinstance(a.value, ast.Call) else a.value)
            fresh, before = set_at(loop, new.id), set_at(fdef, node.id)
            # stale: the same computation made once before the loop into `was` and again inside it into `fixed`
            if not set_at(loop, node.id) and fresh and before and what(before[0]) == what(fresh[0]):
                node._stale = (before[0].lineno, fresh[0].lineno)

def _tier(kind, note) -> int:
    """0 for the main classes; 1 for the edits tried only when none of those fixes it (a sign added,
    another array's shape read, two parts in another order: these fix many a function by accident)."""
    return 1 if note in ("sign", "shape") or kind == "order" else 0


def _span(node):
    return (node.lineno, node.col_offset), (node.end_lineno, node.end_col_offset)


def _clusters(fixes):
    """The fixing edits' texts grouped by place: edits of one node, or of a node and a part of it, are one place."""
    groups = []
    for text, (node, *_rest) in fixes.items():
        (a, b) = _span(node)
        for g in groups:
            if any(a <= _span(fixes[t][0])[1] and _span(fixes[t][0])[0] <= b for t in g):   # spans overlap
                g.append(text)
                break
        else:
            groups.append([text])
    return groups


def _places(fdef):
    """{id(node): (parent, field, index or None)} for every node below ``fdef``."""
    out = {}
    for parent in ast.walk(fdef):
        for field, value in ast.iter_fields(parent):
            if isinstance(value, ast.AST):
                out[id(value)] = (parent, field, None)
            elif isinstance(value, list):
                for i, v in enumerate(value):
                    if isinstance(v, ast.AST):
                        out[id(v)] = (parent, field, i)
    return out


def _put(parent, field, i, node):
    if i is None:
        setattr(parent, field, node)
    else:
        getattr(parent, field)[i] = node


def _find(copied, original, node):
    """The node of ``copied`` at the place ``node`` has in ``original`` (same walk order)."""
    for a, b in zip(ast.walk(original), ast.walk(copied)):
        if a is node:
            return b
    return None


def say(node, kind, new, note, first=1) -> str:
    """The edit in the lecture's words: what the learner wrote, what belongs there; an edit repeated on
    parallel lines (``node._repeated``) or one mistake seen from two places (``node._either``) as one
    mistake. ``first``: the line number of the function's first line (the lines said are the notebook's)."""
    either = getattr(node, "_either", None)
    if either is not None:
        return _say_either(node, new, either, first)
    words = _say_one(node, kind, new, note)
    from .editwords import gloss
    more = gloss(node, kind, new, note)
    if more:   # the slip's family in the lecture's words (repair3)
        words += f" ({more})"
    repeated = getattr(node, "_repeated", ())
    if repeated:
        where = ", ".join(f"line {first + n.lineno - 1} (`{_quoted(n, e)[0]}` -> `{_quoted(n, e)[1]}`)"
                          for n, e in repeated)
        words += (f"; the same slip is repeated on {where}: one mistake, written on each of these "
                  f"{len(repeated) + 1} parallel lines")
    return re.sub(r"\{line(\d+)\}", lambda m: str(first + int(m.group(1)) - 1), words)


def _quoted(node, new):
    """(before, after): the expression or line around the edit when annotated, else the edit itself."""
    ctx = getattr(node, "_ctx", None)
    return (ctx[0], ctx[1]) if ctx else (ast.unparse(node), ast.unparse(new))


def _say_either(node, new, other, first) -> str:
    node2, kind2, new2, note2 = other
    (a, a2), (b, b2) = _quoted(node, new), _quoted(node2, new2)
    la, lb = first + node.lineno - 1, first + node2.lineno - 1
    if isinstance(node, ast.Tuple):
        x, y = sorted({ast.unparse(e) for e, f in zip(node.elts, new.elts) if ast.dump(e) != ast.dump(f)})
        return (f"`{x}` and `{y}` are swapped between line {la} (`{a}`) and line {lb} (`{b}`): the two places take "
                f"them in opposite orders, so each entry lands at the other's position (row and column swapped); "
                f"with `{a2}` on line {la}, or `{b2}` on line {lb}, your function gives the lecture's values")
    alias, aug = (node, node2) if not isinstance(node, ast.AugAssign) else (node2, node)
    stmt = alias._ctx[2] if getattr(alias, "_ctx", None) else None
    target = aug.target.id if isinstance(aug.target, ast.Name) else ast.unparse(aug.target)
    line = f"`{ast.unparse(stmt)}`" if stmt is not None else f"`{target} = {ast.unparse(alias)}`"
    fix_a = f"`{target} = {ast.unparse(alias)}.copy()`"
    fix_b = ast.unparse(new2 if node2 is aug else new)
    return (f"{line} makes `{target}` another name for the same array as `{ast.unparse(alias)}`, not a copy "
            f"(an alias): `{ast.unparse(aug).splitlines()[0]}` on line {first + aug.lineno - 1} changes it in place, "
            f"and so `{ast.unparse(alias)}` too; with {fix_a}, or `{fix_b}` (a new array), your function gives the "
            f"lecture's values")


def _say_one(node, kind, new, note) -> str:
    was, fixed = ast.unparse(node), ast.unparse(new)
    ctx = getattr(node, "_ctx", None)
    small = isinstance(node, (ast.Name, ast.Constant, ast.Tuple, ast.Attribute, ast.Compare))
    if ctx and small:
        tail = f"with `{ctx[1]}` your function gives the lecture's values"
    else:
        tail = f"with `{fixed}` your function gives the lecture's values"
    if kind == "paren":
        op = _OPS.get(type(node.args[-1].op), "the operator")
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        inside = " inside the matrix product, to its argument" if name in ("dot", "matmul") else " inside the call, to its argument"
        return f"`{was}` applies {op}{inside}, before the call: the parentheses close too late; {tail} ({op} after the call)"
    if kind == "axis":
        a = next((k.value.value for k in node.keywords if k.arg == "axis"), None)
        if any(k.arg == "keepdims" for k in new.keywords) and not any(k.arg == "keepdims" for k in node.keywords):
            return (f"`{was}` drops the summed axis (a 1-D result, shape (n,)) where a column (n, 1) belongs, "
                    f"as b[l] and db[l] are: with keepdims=True, `{fixed}`, your function gives the lecture's values")
        def ax(a):
            return "down the rows (axis 0, the n[l] units)" if a == 0 else "across the columns (axis 1, the m examples)"
        return f"`{was}` works {ax(a)}, where {ax(1 - a)} belongs: with axis={1 - a}, `{fixed}`, your function gives the lecture's values"
    if kind == "op" and isinstance(node, ast.Compare):
        a, b = _CMP_SYM[type(node.ops[0])], _CMP_SYM[type(new.ops[0])]
        if note == "int":   # a count compared: the two tests differ at one value of it
            at = f"{ast.unparse(node.left)} == {ast.unparse(node.comparators[0])}"
            return (f"`{was}` compares with {a} where {b} belongs: the test is off by one at its boundary (the two "
                    f"differ only where {at}, so that one step is skipped or added); {tail}")
        return f"`{was}` compares with {a} where {b} belongs (the two differ at the boundary, e.g. Z = 0 or the last l): {tail}"
    if kind == "op" and note == "typed":
        o1, o2, o3 = _OPS[type(node.left.op)], _OPS[type(node.op)], _OPS[type(new.right.op)]
        b, c = ast.unparse(node.left.right), ast.unparse(node.right)
        verb = {"+": "adds", "-": "subtracts", "*": "multiplies by", "/": "divides by", "@": "multiplies by"}
        return (f"`{was}` has `{o2}` typed where `{o3}` belongs (a typo that also regroups the line): it "
                f"{verb.get(o1, o1)} {b}, then {verb.get(o2, o2)} {c}, where the lecture {verb.get(o1, o1)} "
                f"{b} {o3} {c} ({b} is not multiplied into {c}); {tail}")
    if kind == "order" and isinstance(node, ast.Tuple) and isinstance(node.ctx, ast.Store) and ctx:
        return (f"`{ctx[0]}` unpacks its items in the wrong order (a tuple unpacks by position, so each name gets "
                f"the other's value): {tail}")
    if kind == "order":
        return f"`{was}` has two of its parts in the wrong order (positional arguments, or a tuple's entries, go by position): {tail}"
    if kind == "op":
        return (f"`{was}` {_OP_WORDS[type(node.op)]} ({_OPS[type(node.op)]}) where the lecture "
                f"{_OP_WORDS[type(new.op)]} ({_OPS[type(new.op)]}): {tail}")
    if kind == "T":
        if isinstance(new, ast.Attribute):
            return f"{_words(was)} is used as it is where its transpose `{fixed}` belongs (rows and columns swapped): {tail}"
        return f"`{was}` transposes {_words(fixed)} where {_words(fixed)} itself belongs: {tail}"
    if kind == "name":
        parent = ctx[2] if ctx else None
        stale = getattr(node, "_stale", None)
        appends = isinstance(parent, ast.Call) and isinstance(parent.func, ast.Attribute) and parent.func.attr == "append"
        stores = isinstance(parent, ast.Assign) and parent.value is node
        verb = "appends" if appends else "stores" if stores else "reads"
        if stale:
            return (f"`{ctx[0]}` {verb} `{was}`, a stale variable: it is computed once before the loop (line "
                    f"{{line{stale[0]}}}) and never updated inside it, so it keeps that first value (the same {was} "
                    f"every time), while `{fixed}` holds the same computation for this iteration (line "
                    f"{{line{stale[1]}}}); {tail}")
        if ctx and (appends or stores):
            q = f" ({_QUANTITY[fixed]})" if fixed in _QUANTITY else ""
            return f"`{ctx[0]}` {verb} {_words(was)}, not {fixed}{q} (a value of the same shape): {tail}"
        if ctx and small:
            return f"in `{ctx[0]}`, {_words(was)} is read where {_words(fixed)} belongs (a value of the same shape): {tail}"
        return f"{_words(was)} is read where {_words(fixed)} belongs (a value of the same shape): {tail}"
    if kind == "int" and note == "const":
        where = f" in `{ctx[0]}`" if ctx else ""
        return f"the number `{was}`{where} is one off: `{fixed}` belongs there; {tail}"
    if kind == "int":
        return (f"`{was}` is one off: the index / bound / key number that belongs there is `{fixed}` (layers count "
                f"l = 1..L, caches[l-1] is layer l's cache, range(a, b) stops before b): {tail}")
    if kind == "str":
        return f"the string `{was}` is used where `{fixed}` belongs (a key or an activation that must match exactly): {tail}"
    if kind == "fn":
        return f"`{was}` is called where `{fixed}` belongs (np.dot is the matrix product, np.multiply / * element by element; np.sum adds, np.mean divides by the count): {tail}"
    if kind == "m":
        if note:
            return f"`{was}` is not divided by {_words(note)}, the average over the examples that belongs there: {tail}"
        why = " (the lecture divides by m, not m - 1)" if fixed == "m" or ".shape" in fixed else ""
        more = isinstance(new, ast.BinOp) and isinstance(new.op, ast.Sub)   # the edit takes one away: one too many
        return f"`{was}` is one {'more' if more else 'less'} than what belongs there, `{fixed}`{why}: {tail}"
    if kind == "copy":
        if note == "aug":
            return (f"`{ast.unparse(node).splitlines()[0]}` changes the array in place, and so the caller's (an input, "
                    f"or a value already stored): with `{fixed}` (a new array) {tail[5:]}")
        return (f"`{was}` is the same array, not a copy: changing it changes the input (or the stored value); "
                f"with `{fixed}` {tail[5:]}")
    if kind == "drop":
        if note == "sign":
            return f"`{was}` has the wrong sign: the lecture's value is its negative; {tail}"
        if isinstance(node, ast.UnaryOp):
            return f"`{was}` has a minus sign that does not belong there: {tail}"
        if note == "call":
            return f"`{was}` applies a call that does not belong there (the lecture's value is `{fixed}` itself): {tail}"
        kept = ast.unparse(new)
        return f"`{was}` has a factor or term too many (the lecture's value is `{kept}`): {tail}"
    if kind == "group":
        return f"`{was}` groups its operators otherwise than the lecture: {tail} (the other grouping)"
    return f"`{was}`: {tail}"


WHERE_ONLY = (".first_wrong_line", ".shape_error", ".wrong_signature")   # ids that say where, not what


def says_what(f) -> bool:
    """A finding that names what to change: not a generic comparison, not a line or a crash's message alone
    (the first-wrong-line family without a concept, ``raised_*``, a shape error), not a fact about the value."""
    from .wrongvalue import plain_fact
    return not (f.generic or f.id.endswith(WHERE_ONLY) or ".raised_" in f.id or plain_fact(f))


ALSO_WITH_NAMED = True   # measured (docs/relations.md, oneedit2): the search also runs beside a named mistake


def wanted(findings, crashes, max_findings=3) -> bool:
    """Whether the search runs: after a crash, when no finding says what to change, or (``ALSO_WITH_NAMED``)
    beside findings that do, when there is room for one more without pushing any of them out."""
    if not findings:
        return False
    if crashes or not any(says_what(f) for f in findings):
        return True
    return ALSO_WITH_NAMED and len({f.id for f in findings if not f.generic}) < max_findings   # one line per id


def place(findings, crashes) -> int:
    """Where the edit goes in a report: first when no other finding says what to change (the others say
    where: a line, a crash's message, a comparison); else after the last finding that does."""
    named = [i for i, f in enumerate(findings) if says_what(f)]
    return named[-1] + 1 if named else 0


_SAME_CLAIM = {"sign": ("sign",), "T": ("transpos",), "axis": ("axis",), "copy": ("in place", "a copy"),
               "m": ("1/m", "times too large", "times too small")}   # a divisor m said already
BESIDE_RUNS = 120   # case runs beside a named finding: well inside SAFETY even on a loaded machine (a report stays the same)


def explain(spec, call, source, first_line=None, findings=(), crashed=False):
    """A Finding ``<exercise>.one_edit`` (see the module docstring), or None. ``findings``: the report's; when
    one already names a mistake the search gets the smaller budget ``BESIDE_RUNS``, and an edit whose place
    a named finding already quotes (``range(1, m)`` starts one late), or whose claim it already makes (a sign,
    a transpose), is not said twice; after a crash (``crashed``) the edit says what the crash's finding may not."""
    named = [f for f in findings if says_what(f)]
    beside = bool(named)
    fn = getattr(call, "fn", None)
    ns = getattr(call, "namespace", None)
    if fn is None or ns is None or not isinstance(source, str) or getattr(fn, "__name__", None) is None:
        return None
    runs = RUNS.get(spec.name, DEFAULT_RUNS)
    found = search(spec, fn, ns, source, min(runs, BESIDE_RUNS) if beside else runs)
    if not found or len(found) != 1:
        return None
    node, kind, new, note, _ = found[0]
    quoted = _quoted(node, new)[0]
    claim = _SAME_CLAIM.get("sign" if note == "sign" else kind, ())
    if not crashed and any(quoted in f.hint or any(w in f.hint.lower() for w in claim) for f in named):
        return None   # the same place, or the same claim (a sign, a transpose, an axis, a copy), said already
    first = getattr(getattr(fn, "__code__", None), "co_firstlineno", 1)
    lineno = first + getattr(node, "lineno", 1) - 1
    words = say(node, kind, new, note, first)
    others = [n for n, _ in getattr(node, "_repeated", ())] + [getattr(node, "_either", (None,))[0]]
    lines = ", ".join(str(first + n.lineno - 1) for n in [node] + [n for n in others if n is not None])
    mid = "one_edit_repeated" if getattr(node, "_repeated", ()) else "one_edit_either" if hasattr(node, "_either") \
        else "one_edit"
    return spec._finding(f"{spec.name}.{mid}", [], lineno=lineno, lines=lines, words=words)
