"""Source-level diagnosis: constructs in the learner's code that a correct solution of the exercise
never needs, named in the lecture's words.

Used only as a last resort: when a graded part is wrong and the report would otherwise carry only
the generic comparison ("dW has the right shape but 6 of 6 values differ ... Look at <equation>"),
or numpy's own message for a crash nothing recognised (``<exercise>.raised_<Error>``),
:func:`findings` reads the learner's function once (``ast``) and reports at most two constructs
below (one after a crash, or when the outputs named something else), before the generic line. A rule never runs on a right output, so a harmless construct in
correct code is never a finding; each rule is still written to stay silent on the correct
formulations the tuning catalog holds (loops, einsum, np.where, @, np.dot, dict dispatch).

Ids are ``<exercise>.source.<rule>``; the hints are ``SOURCE`` in :mod:`mistakes`.

=====================  ==========================================  ======================================
rule                   what it looks for                           exercises
=====================  ==========================================  ======================================
m_not_columns          ``m = X.size``, ``len(X)``, ``X.shape[0]``, backward blocks, compute_cost (rows)
                       ``m, n = X.shape``
dAL_formula            ``dAL = <expression of AL and Y>`` that,    model_backward
                       evaluated at a few points, is not
                       -(Y / AL - (1 - Y) / (1 - AL))
Y_for_AL               ``np.log(1 - Y)``, ``... / (1 - Y)``: Y     compute_cost, model_backward
                       where A[L] belongs
squared_error          ``(AL - Y) ** 2``, np.square: a squared     compute_cost
                       error where the cross-entropy belongs
softmax                ``np.exp(Z) / np.sum(np.exp(Z))``           sigmoid, sigmoid_backward, activation
                                                                   blocks, model_forward
sigmoid_exponent       ``1 / (1 + np.exp(Z))``: no minus           (same)
shift_by_max           ``Z - np.max(Z)`` (the softmax trick)       (same)
divide_by_one          ``1/1 + np.exp(-Z)`` (precedence)           all
matrix_for_entrywise   np.dot / @ / np.matmul                      sigmoid, relu, relu_backward,
                                                                   sigmoid_backward
relu_mask_on_dA        the relu slope read from dA, not Z          relu_backward, linear_activation_
                                                                   backward
relu_bound             a bound or threshold other than 0 in relu   relu, relu_backward, activation blocks
                       (np.maximum(0.01, Z), a leak, heaviside(Z,  (clips and thresholds: relu and
                       0.5), np.clip(Z, 0, 3), Z > 0.5)            relu_backward only)
sum_wrong_axis         sum/mean over ``axis=0`` of an array that   linear_backward, linear_activation_
                       is not transposed; Python's ``sum(dZ)``     backward, model_backward
clip_bounds            ``np.clip(AL, lo, hi)`` with bounds other   compute_cost
                       than [eps, 1 - eps], eps <= 1e-6
log_base               np.log10 / np.log2                          compute_cost, model_backward
caches_flattened       ``caches += cache`` / ``caches.extend``     model_forward
layer_key              ``"W" + l`` (TypeError), ``"dW" + "l"``      all
                       (KeyError 'dWl'): the key is "W" + str(l)
random_draw            np.random.* (dropout, noise)                all but initialize_parameters and
                                                                   L_layer_model
foreign_operation      a numpy function none of the exercise's     (see FOREIGN: e.g. np.exp in relu,
                       equations has (e^x, log, sqrt, std, mean)   np.sqrt in update_parameters)
integer_division       ``//`` (other than ``len(...) // 2``)       all
rounding               round/floor/ceil/trunc, ``int(...)`` of a   all
                       computed value, ``.astype(int)`` of a
                       value (not of a mask), ``dtype=int``
=====================  ==========================================  ======================================

A rule is tried only on the exercises listed, where a correct solution never needs the construct
(``.astype(int)`` of the mask ``Z > 0`` is fine, ``len(parameters) // 2`` too; ``Y.size`` is m in
compute_cost, where Y is (1, m)). The first construct of each rule counts; rules are tried in the
order above.
"""
from __future__ import annotations

import ast
import functools
import inspect
import textwrap

import numpy as np

from . import dalforms
from .mistakes import hint_for
from .result import Finding

MAX_SOURCE_FINDINGS = 2

BACKWARD = {"linear_backward", "linear_activation_backward", "model_backward"}
ACTIVATION_BLOCKS = {"linear_activation_forward", "linear_activation_backward"}
MATRIX = {"linear_forward", "linear_backward"} | ACTIVATION_BLOCKS
ENTRYWISE = {"sigmoid", "relu", "relu_backward", "sigmoid_backward"}
RELU = {"relu", "relu_backward"} | ACTIVATION_BLOCKS
SIGMOID = {"sigmoid", "sigmoid_backward", "model_forward"} | ACTIVATION_BLOCKS
# every exercise but the two that draw (initialize_parameters from its seed, L_layer_model through it)
DETERMINISTIC = {"linear_forward", "sigmoid", "relu", "compute_cost", "model_forward", "relu_backward",
                 "sigmoid_backward", "update_parameters", "model_backward"} | MATRIX
ROUNDING = {"round", "around", "rint", "floor", "ceil", "trunc", "fix"}
INT_TYPES = {"int", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "intc", "int_"}


def learner_source(fn):
    """The source of ``fn``'s definition (dedented), or None (a builtin, a function typed at a prompt)."""
    try:
        return textwrap.dedent(inspect.getsource(fn))
    except (OSError, TypeError):
        return None


@functools.lru_cache(maxsize=64)
def _parse(source: str):
    """The first function definition in ``source`` (ast), or None; parsed once per source text."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return None
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return node
    return None


# -- small AST helpers ----------------------------------------------------------------------------

def _tail(func) -> str:
    """'round' for np.round, round, x.round; '' for anything else."""
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _dotted(node) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = _dotted(node.value)
        return f"{inner}.{node.attr}" if inner else ""
    return ""


def _is_np(func, *names) -> bool:
    """func is np.<name> (or numpy.<name>) for one of ``names``."""
    return isinstance(func, ast.Attribute) and func.attr in names and _dotted(func.value) in ("np", "numpy")


def _kw(call, name):
    return next((k.value for k in call.keywords if k.arg == name), None)


def _const(node):
    return node.value if isinstance(node, ast.Constant) else None


def _negated(node) -> bool:
    """-Z, -1 * Z, Z * -1, 0 - Z, np.negative(Z)."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
        return any(isinstance(_const(s), (int, float)) and _const(s) < 0 or _negated(s) for s in (node.left, node.right))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub) and _const(node.left) == 0:
        return True
    return isinstance(node, ast.Call) and _is_np(node.func, "negative")


def _mentions_len(node) -> bool:
    return any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "len" for n in ast.walk(node))


class _Ctx:
    """What the rules share about one definition: its nodes, parameters and constant names."""

    def __init__(self, fn_node, source: str):
        self.fn = fn_node
        self.source = source
        self.nodes = list(ast.walk(fn_node))
        self.params = [a.arg for a in fn_node.args.posonlyargs + fn_node.args.args + fn_node.args.kwonlyargs]
        self.loads = {n.id for n in self.nodes if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
        # names bound by for loops and comprehensions (sum(row) of one row is a plain sum)
        self.loop_vars = {t.id for n in self.nodes if isinstance(n, (ast.For, ast.comprehension))
                          for t in ast.walk(n.target) if isinstance(t, ast.Name)}
        self.constants = {}   # name -> number, for names assigned once to a constant expression
        for n in self.nodes:
            if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name):
                value = self.number(n.value)
                if value is not None:
                    self.constants[n.targets[0].id] = value

    def text(self, node) -> str:
        """The learner's own spelling of ``node`` (one line), else ast's."""
        segment = ast.get_source_segment(self.source, node)
        return " ".join(segment.split()) if segment else ast.unparse(node)

    def is_loop_var(self, node) -> bool:
        return isinstance(node, ast.Name) and node.id in self.loop_vars

    def number(self, node):
        """The value of a constant expression (numbers, + - * /, np.finfo(float).eps, known names), or None."""
        if isinstance(node, ast.Constant) and type(node.value) in (int, float):
            return float(node.value)
        if isinstance(node, ast.Name):
            return self.constants.get(node.id)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            v = self.number(node.operand)
            return None if v is None else -v
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div)):
            a, b = self.number(node.left), self.number(node.right)
            if a is None or b is None or isinstance(node.op, ast.Div) and b == 0:
                return None
            return {ast.Add: a + b, ast.Sub: a - b, ast.Mult: a * b, ast.Div: a / b if b else None}[type(node.op)]
        if isinstance(node, ast.Attribute) and node.attr in ("eps", "tiny") and isinstance(node.value, ast.Call) \
                and _tail(node.value.func) == "finfo":
            arg = ast.unparse(node.value.args[0]) if node.value.args else "float"
            kind = np.float32 if "32" in arg else np.float64
            return float(getattr(np.finfo(kind), node.attr))
        return None


# -- the rules: each yields (rule, fields for the hint, node) -------------------------------------

def _m_not_columns(ctx, name):
    if "m" not in ctx.loads:
        return
    for n in ctx.nodes:
        if not isinstance(n, ast.Assign):
            continue
        v, what, array = n.value, None, None
        for t in n.targets:   # n, m = dZ.shape is right; m, n = dZ.shape takes the rows
            if isinstance(t, ast.Tuple) and len(t.elts) == 2 and isinstance(t.elts[0], ast.Name) \
                    and t.elts[0].id == "m" and isinstance(v, ast.Attribute) and v.attr == "shape":
                yield "m_not_columns", {"code": f"{ctx.text(t).strip('()')} = {ctx.text(v)}",
                                        "what": "puts the number of rows in m", "fix": f"{ctx.text(v)}[1]"}, n
        if not any(isinstance(t, ast.Name) and t.id == "m" for t in n.targets):
            continue
        if isinstance(v, ast.Attribute) and v.attr == "size" and name != "compute_cost":
            what, array = "counts every entry (n[l] x m of them)", v.value
        elif isinstance(v, ast.Call) and _is_np(v.func, "size") and v.args and len(v.args) == 1 \
                and _kw(v, "axis") is None and name != "compute_cost":
            what, array = "counts every entry (n[l] x m of them)", v.args[0]
        elif isinstance(v, ast.Call) and isinstance(v.func, ast.Name) and v.func.id == "len" and v.args \
                and not (isinstance(v.args[0], ast.Attribute) and v.args[0].attr == "T") \
                and not isinstance(v.args[0], ast.Subscript):
            what, array = "is the number of rows", v.args[0]
        elif isinstance(v, ast.Subscript) and isinstance(v.value, ast.Attribute) and v.value.attr == "shape" \
                and _const(v.slice) in (0, -2):
            what, array = "is the number of rows", v.value.value
        if what:
            yield "m_not_columns", {"code": ctx.text(v), "what": what,
                                    "fix": f"{ctx.text(array)}.shape[1]"}, n


def _rounding(ctx, name):
    for n in ctx.nodes:
        if not isinstance(n, ast.Call):
            continue
        tail = _tail(n.func)
        if tail in ROUNDING and (isinstance(n.func, ast.Name) or _is_np(n.func, tail)
                                 or isinstance(n.func, ast.Attribute) and tail == "round"):
            yield "rounding", {"code": ctx.text(n)}, n
        elif tail == "astype" and n.args and _int_type(n.args[0]) and not _boolean(n.func.value) \
                and not (isinstance(n.func.value, ast.Name) and n.func.value.id == "Y"):   # labels are 0 or 1
            yield "rounding", {"code": ctx.text(n)}, n
        elif (isinstance(n.func, ast.Name) and n.func.id == "int" or _is_np(n.func, *INT_TYPES)) and n.args \
                and not _mentions_len(n.args[0]) \
                and any(isinstance(s, (ast.BinOp, ast.Call)) for s in ast.walk(n.args[0])):
            yield "rounding", {"code": ctx.text(n)}, n
        elif _kw(n, "dtype") is not None and _int_type(_kw(n, "dtype")) and name != "initialize_parameters" \
                and not any(_boolean(a) for a in n.args):
            yield "rounding", {"code": ctx.text(n)}, n


def _int_type(node) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value in INT_TYPES
    return (isinstance(node, ast.Name) and node.id in INT_TYPES) or _is_np(node, *INT_TYPES)


def _boolean(node) -> bool:
    """A mask: a comparison (Z > 0), possibly in parentheses or combined with & |."""
    if isinstance(node, ast.Compare):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.BitAnd, ast.BitOr)):
        return _boolean(node.left) or _boolean(node.right)
    return isinstance(node, ast.Call) and _is_np(node.func, "greater", "greater_equal", "less", "less_equal")


def _integer_division(ctx, name):
    for n in ctx.nodes:
        if isinstance(n, (ast.BinOp, ast.AugAssign)) and isinstance(n.op, ast.FloorDiv):
            if isinstance(n, ast.BinOp) and (_mentions_len(n.left) or _const(n.right) == 2):
                continue    # L = len(parameters) // 2: a count of layers, a whole number
            yield "integer_division", {"code": ctx.text(n)}, n


def _sum_wrong_axis(ctx, name):
    for n in ctx.nodes:
        if not isinstance(n, ast.Call) or _tail(n.func) not in ("sum", "mean", "average"):
            continue
        if isinstance(n.func, ast.Attribute) and _dotted(n.func.value) in ("np", "numpy"):
            operand = n.args[0] if n.args else None
            axis = _kw(n, "axis") if _kw(n, "axis") is not None else (n.args[1] if len(n.args) > 1 else None)
        elif isinstance(n.func, ast.Attribute):
            operand = n.func.value
            axis = _kw(n, "axis") if _kw(n, "axis") is not None else (n.args[0] if n.args else None)
        elif isinstance(n.func, ast.Name) and n.func.id == "sum" and len(n.args) == 1 \
                and isinstance(n.args[0], (ast.Name, ast.BinOp, ast.Call)) and not ctx.is_loop_var(n.args[0]):
            # Python's sum of a 2-D array adds its rows: the same as axis=0
            yield "sum_wrong_axis", {"code": f"{ctx.text(n)} (Python's sum)"}, n
            continue
        else:
            continue
        transposed = operand is not None and (
            isinstance(operand, ast.Attribute) and operand.attr == "T"
            or isinstance(operand, ast.Call) and _tail(operand.func) in ("transpose",))
        if axis is not None and _const(axis) in (0, -2) and not transposed:
            yield "sum_wrong_axis", {"code": ctx.text(n)}, n


def _clip_bounds(ctx, name):
    for n in ctx.nodes:
        if not isinstance(n, ast.Call) or _tail(n.func) != "clip":
            continue
        args = n.args[1:] if _is_np(n.func, "clip") else n.args
        lo = args[0] if args else _kw(n, "a_min")
        hi = args[1] if len(args) > 1 else _kw(n, "a_max")
        lo_v = ctx.number(lo) if lo is not None else None
        hi_v = ctx.number(hi) if hi is not None else None
        if lo_v is None and hi_v is None:
            continue
        bad_lo = lo_v is not None and not (0 < lo_v <= 1e-6)
        bad_hi = hi_v is not None and not (0 < 1 - hi_v <= 1e-6)
        if bad_lo or bad_hi or lo is None or hi is None or \
                isinstance(lo, ast.Constant) and lo.value is None or isinstance(hi, ast.Constant) and hi.value is None:
            yield "clip_bounds", {"code": ctx.text(n)}, n


def _divide_by_one(ctx, name):
    for n in ctx.nodes:
        if isinstance(n, ast.BinOp) and isinstance(n.op, (ast.Add, ast.Sub)) and isinstance(n.left, ast.BinOp) \
                and isinstance(n.left.op, ast.Div) and _const(n.left.right) == 1:
            yield "divide_by_one", {"code": ctx.text(n)}, n


def _sigmoid_exponent(ctx, name):
    for n in ctx.nodes:
        if not (isinstance(n, ast.BinOp) and isinstance(n.op, ast.Div) and _const(n.left) == 1
                and isinstance(n.right, ast.BinOp) and isinstance(n.right.op, ast.Add)):
            continue
        for side in (n.right.left, n.right.right):
            if isinstance(side, ast.Call) and _tail(side.func) == "exp" and side.args and not _negated(side.args[0]) \
                    and _const(n.right.left if side is n.right.right else n.right.right) == 1:
                yield "sigmoid_exponent", {"code": ctx.text(n)}, n


def _log_base(ctx, name):
    for n in ctx.nodes:
        if isinstance(n, ast.Call) and _tail(n.func) in ("log10", "log2"):
            yield "log_base", {"code": ctx.text(n), "base": _tail(n.func)[3:]}, n


def _matrix_for_entrywise(ctx, name):
    for n in ctx.nodes:
        if isinstance(n, ast.BinOp) and isinstance(n.op, ast.MatMult) or \
                isinstance(n, ast.Call) and _is_np(n.func, "dot", "matmul", "inner", "tensordot", "outer"):
            yield "matrix_for_entrywise", {"code": ctx.text(n)}, n


def _relu_bound(ctx, name):
    # the sigmoid branch of an activation block may bound Z for stability (np.clip(Z, -500, 500),
    # Z < -30): clips and thresholds count in relu and relu_backward alone, negative bounds nowhere
    for n in ctx.nodes:
        if not isinstance(n, ast.Call):
            continue
        if _is_np(n.func, "maximum") and len(n.args) == 2:
            for a in n.args:
                v = ctx.number(a)
                scaled = isinstance(a, ast.BinOp) and isinstance(a.op, ast.Mult) and any(
                    ctx.number(s) not in (None, 0.0) for s in (a.left, a.right))
                if v is not None and v > 0 or scaled:
                    yield "relu_bound", {"code": ctx.text(n)}, n
                    break
        elif _is_np(n.func, "where") and len(n.args) == 3:
            other = n.args[2]
            if isinstance(other, ast.BinOp) and isinstance(other.op, ast.Mult) and any(
                    ctx.number(s) not in (None, 0.0) for s in (other.left, other.right)):
                yield "relu_bound", {"code": ctx.text(n)}, n
        elif _is_np(n.func, "heaviside") and len(n.args) == 2 and ctx.number(n.args[1]) not in (None, 0.0):
            yield "relu_bound", {"code": ctx.text(n)}, n
        elif _tail(n.func) == "clip" and name == "relu":
            args = n.args[1:] if _is_np(n.func, "clip") else n.args
            lo = ctx.number(args[0]) if args else None
            hi = args[1] if len(args) > 1 else None
            if lo not in (None, 0.0) or hi is not None and _const(hi) is not None:
                yield "relu_bound", {"code": ctx.text(n)}, n
    if name not in ("relu", "relu_backward"):
        return
    for n in ctx.nodes:   # a mask with another threshold: Z > 0.5, Z >= 1
        if isinstance(n, ast.Compare) and len(n.ops) == 1 and isinstance(n.ops[0], (ast.Gt, ast.GtE, ast.Lt, ast.LtE)):
            v = ctx.number(n.comparators[0])
            if v is not None and v != 0 and isinstance(n.left, ast.Name) and n.left.id.startswith("Z"):
                yield "relu_bound", {"code": ctx.text(n)}, n


def _relu_mask_on_dA(ctx, name):
    for n in ctx.nodes:
        if isinstance(n, ast.Compare) and len(n.ops) == 1:
            sides = [n.left, n.comparators[0]]
            if any(isinstance(s, ast.Name) and s.id in ("dA", "dA_prev") for s in sides) and \
                    any(ctx.number(s) == 0 for s in sides):
                yield "relu_mask_on_dA", {"code": ctx.text(n)}, n


def _caches_flattened(ctx, name):
    for n in ctx.nodes:
        if isinstance(n, ast.AugAssign) and isinstance(n.op, ast.Add) and isinstance(n.target, ast.Name) \
                and "cache" in n.target.id and (isinstance(n.value, ast.Name)
                                                or isinstance(n.value, ast.Tuple) and len(n.value.elts) != 1):
            yield "caches_flattened", {"code": ctx.text(n)}, n
        elif isinstance(n, ast.Call) and _tail(n.func) == "extend" and n.args \
                and isinstance(n.func, ast.Attribute) and "cache" in ctx.text(n.func.value) \
                and not isinstance(n.args[0], ast.List):
            yield "caches_flattened", {"code": ctx.text(n)}, n


def _squared_error(ctx, name):
    for n in ctx.nodes:
        if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Pow) and ctx.number(n.right) == 2 \
                or isinstance(n, ast.Call) and (_is_np(n.func, "square") or _is_np(n.func, "power")
                                                and len(n.args) == 2 and ctx.number(n.args[1]) == 2):
            yield "squared_error", {"code": ctx.text(n)}, n


def _random_draw(ctx, name):
    for n in ctx.nodes:
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and (
                _dotted(n.func.value) in ("np.random", "numpy.random", "random")
                or n.func.attr in ("randn", "rand", "RandomState", "default_rng", "binomial")):
            if n.func.attr != "seed":   # seeding draws nothing
                yield "random_draw", {"code": ctx.text(n)}, n


def _is_max(node) -> bool:
    return isinstance(node, ast.Call) and (_is_np(node.func, "max", "amax", "nanmax")
                                           or isinstance(node.func, ast.Attribute) and node.func.attr == "max")


def _shift_by_max(ctx, name):
    for n in ctx.nodes:
        if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Sub) and _is_max(n.right):
            yield "shift_by_max", {"code": ctx.text(n)}, n


def _softmax(ctx, name):
    for n in ctx.nodes:
        if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Div) and any(
                isinstance(s, ast.Call) and _tail(s.func) == "sum" and any(
                    isinstance(e, ast.Call) and _tail(e.func) == "exp" for e in ast.walk(s))
                for s in ast.walk(n.right)):
            yield "softmax", {"code": ctx.text(n)}, n


def _only_Y(node) -> bool:
    """An expression of Y and numbers alone (Y, 1 - Y): no A[L] in it."""
    names = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)} - {"np", "numpy"}
    # Y.shape[1], len(Y), np.sum(Y) are counts, not values of Y
    other = [n for n in ast.walk(node) if isinstance(n, (ast.Call, ast.Attribute, ast.Subscript))]
    return names == {"Y"} and not other


def _Y_for_AL(ctx, name):
    for n in ctx.nodes:
        if isinstance(n, ast.Call) and _tail(n.func) in ("log", "log1p") and n.args and _only_Y(n.args[0]):
            yield "Y_for_AL", {"code": ctx.text(n)}, n
        elif isinstance(n, ast.BinOp) and isinstance(n.op, ast.Div) and _only_Y(n.right):
            yield "Y_for_AL", {"code": ctx.text(n)}, n
        elif isinstance(n, ast.Call) and _is_np(n.func, "divide") and len(n.args) == 2 and _only_Y(n.args[1]):
            yield "Y_for_AL", {"code": ctx.text(n)}, n


_DAL_FUNCS = {"divide": np.divide, "multiply": np.multiply, "subtract": np.subtract, "add": np.add,
              "negative": np.negative, "true_divide": np.divide}


def _evaluate(node, env):
    """The value of an arithmetic expression of AL and Y (numbers, + - * / **, np.divide, ...), or None."""
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return float(node.value)
    if isinstance(node, ast.Name):
        return env.get(node.id)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        v = _evaluate(node.operand, env)
        return None if v is None else (-v if isinstance(node.op, ast.USub) else v)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow)):
        a, b = _evaluate(node.left, env), _evaluate(node.right, env)
        if a is None or b is None or isinstance(node.op, ast.Div) and b == 0 \
                or isinstance(node.op, ast.Pow) and abs(b) > 4:
            return None
        return {ast.Add: lambda: a + b, ast.Sub: lambda: a - b, ast.Mult: lambda: a * b,
                ast.Div: lambda: a / b, ast.Pow: lambda: a ** b}[type(node.op)]()
    if isinstance(node, ast.Call) and _is_np(node.func, *_DAL_FUNCS) and not node.keywords:
        args = [_evaluate(a, env) for a in node.args]
        if None in args or len(args) not in (1, 2):
            return None
        with np.errstate(all="ignore"):
            v = float(_DAL_FUNCS[node.func.attr](*args))
        return v if np.isfinite(v) else None
    return None


def _dAL_formula(ctx, name):
    """dA[L] = -(Y / A[L] - (1 - Y) / (1 - A[L])), checked by evaluating the learner's own expression."""
    al = next((p for p in ctx.params if p in ("AL", "A_L", "AL_")), None)
    if al is None or "Y" not in ctx.params:
        return
    for n in ctx.nodes:
        if not (isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)
                and n.targets[0].id.lower() in ("dal", "da_l", "dal_", "dalast", "da")):
            continue
        names = {x.id for x in ast.walk(n.value) if isinstance(x, ast.Name)} - {"np", "numpy"}
        if al not in names or not names <= {al, "Y"}:
            continue
        known = dalforms.candidate(n.value, ctx.text(n.value), al, _evaluate)   # diagC: a known wrong formula
        if known is not None:
            yield known[0], known[1], n
            continue
        for a, y in ((0.3, 1.0), (0.3, 0.0), (0.8, 1.0), (0.8, 0.0)):
            got = _evaluate(n.value, {al: a, "Y": y})
            if got is None:
                break
            want = -(y / a - (1 - y) / (1 - a))
            if abs(got - want) > 1e-9 * max(1.0, abs(want)):
                yield "dAL_formula", {"code": ctx.text(n.value), "al": a, "y": y, "got": f"{got:.4g}",
                                      "want": f"{want:.4g}",
                                      "more": dalforms.grouping(ctx.text(n.value), al)}, n   # diagC
                break


# numpy functions that none of an exercise's equations has: (function names, the words, exercises)
FOREIGN = (
    (("exp", "expm1", "exp2"), "e^x", {"linear_forward", "linear_backward", "relu", "relu_backward",
                                       "update_parameters", "compute_cost"}),
    (("log", "log1p"), "a logarithm", {"linear_forward", "linear_backward", "relu", "relu_backward",
                                       "update_parameters", "sigmoid", "sigmoid_backward"}),
    (("sqrt",), "a square root", DETERMINISTIC),
    (("std", "var", "norm"), "a spread or a norm", DETERMINISTIC),
    (("mean", "average"), "an average", {"linear_forward", "sigmoid", "relu", "linear_activation_forward",
                                         "model_forward", "relu_backward", "sigmoid_backward", "update_parameters"}),
)


def _foreign_operation(ctx, name):
    for n in ctx.nodes:
        if not isinstance(n, ast.Call) or not isinstance(n.func, ast.Attribute):
            continue
        tail = n.func.attr
        numpy_call = _dotted(n.func.value) in ("np", "numpy", "np.linalg", "numpy.linalg", "math")
        for names, words, exercises in FOREIGN:
            if tail in names and name in exercises and (numpy_call or tail in ("mean", "std", "var")):
                yield "foreign_operation", {"code": ctx.text(n), "what": words}, n
                break


def _layer_key(ctx, name):
    """"W" + l (a number added to a string) and "W" + "l" (the letter l): a parameter's key is "W" + str(l)."""
    for n in ctx.nodes:
        if not (isinstance(n, ast.BinOp) and isinstance(n.op, ast.Add) and isinstance(_const(n.left), str)
                and n.left.value.strip("d") in ("W", "b", "A", "Z")):
            continue
        right = n.right
        if isinstance(right, ast.Call) and isinstance(right.func, ast.Name) and right.func.id == "str" \
                and right.args and isinstance(_const(right.args[0]), str):
            right = right.args[0]
        if isinstance(right, ast.Name) and (right.id in ctx.loop_vars or right.id in ("l", "L")):
            yield "layer_key", {"code": ctx.text(n), "why": f"adds the number {right.id} to a string",
                                "fix": f"{ctx.text(n.left)} + str({right.id})"}, n
        elif isinstance(_const(right), str) and right.value in ("l", "L", "i", "layer"):
            yield "layer_key", {"code": ctx.text(n), "why": f"uses the letter {right.value!r}, not the number",
                                "fix": f"{ctx.text(n.left)} + str({right.value})"}, n


ALL = None   # every exercise
RULES = (    # (rule, exercises it applies to, the check); the order is the order of preference
    ("m_not_columns", BACKWARD | {"compute_cost"}, _m_not_columns),
    ("dAL_formula", {"model_backward"}, _dAL_formula),
    ("Y_for_AL", {"compute_cost", "model_backward"}, _Y_for_AL),
    ("squared_error", {"compute_cost"}, _squared_error),
    ("softmax", SIGMOID, _softmax),
    ("sigmoid_exponent", SIGMOID, _sigmoid_exponent),
    ("shift_by_max", SIGMOID, _shift_by_max),
    ("divide_by_one", ALL, _divide_by_one),
    ("matrix_for_entrywise", ENTRYWISE, _matrix_for_entrywise),
    ("relu_mask_on_dA", {"relu_backward", "linear_activation_backward"}, _relu_mask_on_dA),
    ("relu_bound", RELU, _relu_bound),
    ("sum_wrong_axis", BACKWARD, _sum_wrong_axis),
    ("clip_bounds", {"compute_cost"}, _clip_bounds),
    ("log_base", {"compute_cost", "model_backward"}, _log_base),
    ("caches_flattened", {"model_forward"}, _caches_flattened),
    ("layer_key", ALL, _layer_key),
    ("random_draw", DETERMINISTIC, _random_draw),
    ("foreign_operation", DETERMINISTIC, _foreign_operation),
    ("integer_division", ALL, _integer_division),
    ("rounding", ALL, _rounding),
)
RULE_IDS = tuple(r for r, _, _ in RULES)


def scan(name: str, source: str) -> list:
    """[(rule, hint fields, line number in ``source``)] of the constructs found, in order of preference
    (one per rule)."""
    if not isinstance(name, str):
        raise TypeError(f"scan: name must be an exercise name (str), got {type(name).__name__}")
    if not isinstance(source, str):
        raise TypeError(f"scan: source must be the function's source text (str), got {type(source).__name__}")
    fn_node = _parse(source)
    if fn_node is None:
        return []
    ctx = _Ctx(fn_node, source)
    found = []
    for rule, exercises, check in RULES:
        if exercises is not None and name not in exercises:
            continue
        try:
            hits = list(check(ctx, name))
        except Exception:   # an odd construct a rule did not foresee: a diagnosis must never break the check
            continue
        if hits:   # the rule's first construct in the learner's reading order
            rule_id, fields, node = min(hits, key=lambda h: (getattr(h[2], "lineno", 0), getattr(h[2], "col_offset", 0)))
            found.append((rule_id, fields, getattr(node, "lineno", fn_node.lineno)))
    return found


def findings(name: str, source: str, *, first_line: int = 1, limit: int = MAX_SOURCE_FINDINGS) -> list:
    """At most ``limit`` Findings (ids ``<name>.source.<rule>``) for the constructs in ``source``;
    ``first_line`` is the line number of the definition's first line where the learner sees it."""
    if source is None:
        return []
    for arg, value, low in (("first_line", first_line, 1), ("limit", limit, 0)):
        if isinstance(value, bool) or not isinstance(value, int) or value < low:
            raise ValueError(f"findings: {arg} must be a whole number of at least {low}, got {value!r}")
    out = []
    lines = source.splitlines()
    for rule, fields, lineno in scan(name, source)[:limit]:
        mistake_id = f"{name}.source.{rule}"
        details = []
        if 0 < lineno <= len(lines):
            details.append(f"line {lineno + first_line - 1}: {lines[lineno - 1].strip()}")
        out.append(Finding(mistake_id, hint_for(mistake_id, exercise=name, **fields), details))
    return out


__all__ = ["findings", "scan", "learner_source", "RULE_IDS", "MAX_SOURCE_FINDINGS"]
