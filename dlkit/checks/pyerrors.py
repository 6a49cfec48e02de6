"""Python's and numpy's own exceptions, raised on the learner's line, said as what the learner's code did.

One job: a TypeError, ValueError, IndexError, AttributeError or UnboundLocalError whose message is
Python's or numpy's ("'NoneType' object has no attribute 'append'", "'tuple' object is not callable",
"Cannot interpret 'True' as a data type", "only 0-dimensional arrays can be converted ...") becomes a
finding that names the learner's construct: which name held None and which line of theirs made it
None, which name was called although it is an array, a dict, a tuple or a number, which arguments a
call gave where the function takes others, how many names a line unpacks from how many values, which
argument of a numpy function received what, which array is not the one number float() or round()
wants, which index is a float or past the end of a list, and what the learner passed to a dlkit block
whose own input check refused it.

Everything comes from plain data the judge has in the notebook and in ``dlkit grade`` alike: the
exception's type and message, the learner's failing line (parsed, never run), the learner's source
(``err.source``: the function being checked), the case's arguments and the learner's local whole
numbers and array shapes where it raised (``err.local_shapes``). The failing line's recorded operands
(:mod:`replay`, the notebook's kernel only) are used when present to confirm a value, never needed.
A finding is made only when the construct it names is on the learner's line or in their source;
otherwise :func:`explain` returns None and numpy's message stays the report.

:func:`explain` returns ``(suffix, hint)``; ids are ``<exercise>.<suffix>`` with the suffixes of
``mistakes.PYERRORS``.
"""
from __future__ import annotations

import ast
import builtins
import re

import numpy as np

# methods and functions that change something in place and return None (x = x.sort() keeps None)
NONE_METHODS = {"append", "extend", "insert", "remove", "sort", "reverse", "update", "clear", "fill",
                "resize", "shuffle", "seed", "put", "itemset", "setflags", "add", "discard"}
NONE_FUNCTIONS = {"print", "copyto", "shuffle", "seed", "put", "place", "putmask", "fill_diagonal", "exec"}

# what an exercise's argument holds, in the lecture's words (for a line that unpacks or indexes it)
HOLDS = {"cache": "(linear_cache, Z), linear_cache being (A_prev, W, b)",
         "linear_cache": "(A_prev, W, b)",
         "caches": "one cache per layer, caches[0] for layer 1 .. caches[L-1] for layer L",
         "layer_dims": "n[0], n[1], ..., n[L]: L + 1 sizes",
         "parameters": "a dict (W1, b1, ..., WL, bL)", "grads": "a dict (dA0.., dW1.., db1..)"}


# ---- the line, the source, the recording ----------------------------------------------------------

def _statement(line):
    """(the failing line's statement (ast), the text it was parsed from), or (None, text)."""
    s = (line or "").strip()
    for text in (s, s + "\n    pass", re.sub(r"^elif\b", "if", s) + "\n    pass"):
        try:
            tree = ast.parse(text)
        except (SyntaxError, ValueError):
            continue
        if tree.body:
            return tree.body[0], text
    return None, s


class _Line:
    """The failing line parsed, the learner's function (ast) when the line is one of its own, the
    recorded operands (or None) and the learner's local whole numbers and shapes."""

    def __init__(self, spec, err, case):
        from .causes import _tree

        self.spec, self.err, self.case = spec, err, case
        self.line = (err.line or "").strip()
        self.stmt, self.src = _statement(self.line)
        fn = _tree(err.source)
        lines = [t.strip() for t in (err.source or "").splitlines()]
        # the deepest learner frame may be another function's (a helper of theirs): its source is unknown
        self.fn = fn if fn is not None and self.line and self.line in lines else None
        self.fn_src = err.source if self.fn is not None else None
        self.rec = getattr(err, "operands", None)
        self.local = err.local_shapes or {}
        self.args = dict(zip(spec.arg_names, case.args))
        self.message = err.message or ""

    def text(self, node) -> str:
        return ast.get_source_segment(self.src, node) or ast.unparse(node)

    def nodes(self):
        return list(ast.walk(self.stmt)) if self.stmt is not None else []

    def recorded(self, text):
        """(True, value) of the recorded node whose text is ``text``, or (False, None)."""
        if self.rec is None:
            return False, None
        for n in self.rec.nodes:
            if n.ok and n.text == text:
                return True, n.value
        return False, None

    def lineno_of(self, node) -> int | None:
        """The line number of a node of the learner's function, in the numbering of ``err.lineno``."""
        if self.fn is None or self.err.lineno is None:
            return None
        failing = self._failing_node()
        if failing is None:
            return None
        return self.err.lineno + node.lineno - failing.lineno

    def _failing_node(self):
        if not hasattr(self, "_failing"):
            self._failing = None
            for n in ast.walk(self.fn):
                first = (ast.get_source_segment(self.fn_src, n) or "").split("\n")[0].strip()
                if isinstance(n, ast.stmt) and hasattr(n, "lineno") and first and (first == self.line or (
                        self.line.startswith(first) and self.line[len(first):].lstrip().startswith("#"))):  # diagB
                    self._failing = n
                    break
        return self._failing

    def assignments(self, name):
        """[(statement, value node or None)] of the learner's function that store ``name``, in source order."""
        out = []
        if self.fn is None:
            return out
        for n in ast.walk(self.fn):
            if isinstance(n, ast.Assign):
                for t in n.targets:
                    if isinstance(t, ast.Name) and t.id == name:
                        out.append((n, n.value))
                    elif isinstance(t, (ast.Tuple, ast.List)) and any(
                            isinstance(e, ast.Name) and e.id == name for e in t.elts):
                        pairs = isinstance(n.value, (ast.Tuple, ast.List)) and len(n.value.elts) == len(t.elts)
                        out.append((n, next(v for e, v in zip(t.elts, n.value.elts)
                                            if isinstance(e, ast.Name) and e.id == name) if pairs else None))
            elif isinstance(n, (ast.AugAssign, ast.AnnAssign)) and isinstance(n.target, ast.Name) \
                    and n.target.id == name:
                out.append((n, None))
            elif isinstance(n, (ast.For, ast.comprehension)) and any(
                    isinstance(e, ast.Name) and e.id == name for e in ast.walk(n.target)):
                out.append((n, None))
        return sorted(out, key=lambda p: (getattr(p[0], "lineno", 0), getattr(p[0], "col_offset", 0)))

    def source_line(self, node) -> str:
        return (ast.get_source_segment(self.fn_src, node) or ast.unparse(node)).split("\n")[0].strip()

    def at(self, node) -> str:
        k = self.lineno_of(node)
        return f"line {k}" if k is not None else "your code"


def _callee(call) -> str:
    f = call.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""


def _np_call(node) -> str | None:
    """'sum' for np.sum(...) / numpy.sum(...) / np.random.randn -> 'random.randn', else None."""
    f = node.func if isinstance(node, ast.Call) else None
    parts = []
    while isinstance(f, ast.Attribute):
        parts.append(f.attr)
        f = f.value
    if isinstance(f, ast.Name) and f.id in ("np", "numpy") and parts:
        return ".".join(reversed(parts))
    return None


def _kind(value) -> str:
    if value is None:
        return "None"
    if type(value) is np.ndarray:
        return f"an array of shape {tuple(value.shape)}"
    if type(value) in (list, tuple):
        return f"a {type(value).__name__} of {len(value)} item(s)"
    if type(value) is dict:
        return "a dict"
    return f"a {type(value).__name__}"


# ---- a None where an array belongs ----------------------------------------------------------------

_NONE = re.compile(r"NoneType")


def _none_candidates(L):
    """The expressions of the failing line that the message says are None (texts, ast nodes)."""
    msg, out = L.message, []
    attr = re.search(r"'NoneType' object has no attribute '(\w+)'", msg)
    op = re.search(r"unsupported operand type\(s\) for (\S+?): '(\w+)' and '(\w+)'", msg)
    for n in L.nodes():
        if attr and isinstance(n, ast.Attribute) and n.attr == attr.group(1):
            out.append(n.value)
        elif "not subscriptable" in msg and isinstance(n, ast.Subscript):
            out.append(n.value)
        elif "non-iterable NoneType" in msg and isinstance(n, (ast.Assign, ast.For)):
            out.append(n.value if isinstance(n, ast.Assign) else n.iter)
        elif "'NoneType' object is not iterable" in msg:
            if isinstance(n, ast.For):
                out.append(n.iter)
            elif isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and _callee(n) in ("zip", "enumerate", "reversed", "list", "tuple",
                                                             "sorted", "iter", "sum", "max", "min"):
                out += n.args
        elif op and isinstance(n, ast.BinOp) and _OPS.get(type(n.op)) == op.group(1):
            out += [side for side, t in ((n.left, op.group(2)), (n.right, op.group(3))) if t == "NoneType"]
        elif op and isinstance(n, ast.AugAssign) and _OPS.get(type(n.op)) + "=" == op.group(1):
            out += [side for side, t in ((n.target, op.group(2)), (n.value, op.group(3))) if t == "NoneType"]
        elif "unary" in msg and isinstance(n, ast.UnaryOp):
            out.append(n.operand)
        elif "has no len()" in msg and isinstance(n, ast.Call) and _callee(n) == "len" and n.args:
            out.append(n.args[0])
        elif "not callable" in msg and isinstance(n, ast.Call):
            out.append(n.func)
        elif op and isinstance(n, ast.Call) and _np_call(n) in ("dot", "matmul", "multiply", "add", "subtract"):
            out += n.args   # np.dot(None, A) raises numpy's "for *"
        elif re.search(r"not supported between instances of '(?:\w+)' and 'NoneType'|"
                       r"'NoneType' and '\w+'", msg) and isinstance(n, ast.Call) and _np_call(n):
            out += n.args
    return out


_OPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.MatMult: "@", ast.Pow: "**",
        ast.FloorDiv: "//", ast.Mod: "%"}


def _none_origin(L, name, before):
    """Why ``name`` holds None, from the learner's assignments to it: (words, statement) or None."""
    stores = L.assignments(name)   # the failing line's own store too: in a loop it ran before
    if not stores:
        return None
    made, maybe = [], False
    for stmt, value in stores:
        if isinstance(value, ast.Call):
            callee = _callee(value)
            if isinstance(value.func, ast.Attribute) and callee in NONE_METHODS and not _np_call(value):
                made.append((f"`{L.source_line(stmt)}` ({L.at(stmt)}) stores what .{callee}() returns, and "
                             f".{callee}() returns None: it changes {ast.unparse(value.func.value)} in place. "
                             f"Call it on its own line, {ast.unparse(value)}, without assigning its result",
                             stmt))
                continue
            if callee in NONE_FUNCTIONS:
                made.append((f"`{L.source_line(stmt)}` ({L.at(stmt)}) stores what {callee}() returns, which is "
                             f"None ({callee} prints or changes something; it gives nothing back)", stmt))
                continue
            if _np_call(value) or isinstance(value.func, ast.Name) and hasattr(builtins, callee):
                continue   # numpy and the builtins return values
            if isinstance(value.func, ast.Name):
                given = _literal_args(callee, value)
                for_what = f" for {', '.join(given)}" if given else ""
                made.append((f"{name} comes from your call {ast.unparse(value)} ({L.at(stmt)}), and {callee} "
                             f"returned None{for_what}: a function gives None when it reaches its end without a "
                             f"`return` (a return missing, or on a branch that did not run{for_what}); {callee} "
                             f"must return its result", stmt))
                continue
            maybe = True
        elif isinstance(value, (ast.List, ast.Tuple, ast.Dict, ast.Set, ast.Constant, ast.BinOp, ast.Compare,
                                ast.ListComp, ast.DictComp, ast.JoinedStr, ast.UnaryOp)) \
                and not (isinstance(value, ast.Constant) and value.value is None):
            continue   # cannot be None
        else:
            maybe = True   # a name, a subscript, a tuple unpacked, a loop variable: it may be None
    words = {w for w, _ in made}
    if len(words) > 1 and not maybe and len({L.source_line(st) for _, st in made}) == 1:
        return made[0]   # the same line written twice (in the loop and after it): the first made it None
    return made[-1] if len(words) == 1 and not maybe else None


def _literal_args(callee, call):
    """["activation = 'sigmoid'"] (or ["'sigmoid'"] for a function of the learner's): the string
    arguments of a call, which say which branch of the callee ran."""
    params = _params_of(callee)
    out = []
    for i, a in enumerate(call.args):
        if isinstance(a, ast.Constant) and isinstance(a.value, str):
            out.append(f"{params[i]} = {a.value!r}" if i < len(params) else repr(a.value))
    return out


def _params_of(helper):
    from .specs import SPECS

    return SPECS[helper].arg_names if helper in SPECS else ()


def _none_value(L):
    if not _NONE.search(L.message) or L.stmt is None:
        return None
    cands = _none_candidates(L)
    if not cands:
        return None
    # the recording (notebook kernel) says which candidate is None; without it every one is tried
    confirmed = [c for c in cands if L.recorded(L.text(c)) == (True, None)]
    sure = bool(confirmed) or len(cands) == 1
    cands = confirmed or cands
    for c in cands:
        if sure and isinstance(c, ast.Call) and not _np_call(c) and not (
                isinstance(c.func, ast.Name) and hasattr(builtins, c.func.id)):
            callee = _callee(c)
            if isinstance(c.func, ast.Attribute) and callee in NONE_METHODS:
                return "none_value", (f"Your line uses what {L.text(c)} returns, and .{callee}() returns None: it "
                                      f"changes {ast.unparse(c.func.value)} in place and gives nothing back. "
                                      f"Call it on its own line, then use {ast.unparse(c.func.value)}.")
            if isinstance(c.func, ast.Name):
                given = _literal_args(callee, c)
                for_what = f" for {', '.join(given)}" if given else ""
                what = "unpacks" if "unpack" in L.message else "uses"
                return "none_value", (f"Your call {L.text(c)} returned None{for_what}, and your line {what} it as "
                                      f"if it held the result: a function gives None when it reaches its end "
                                      f"without a `return` (a return missing, or on a branch that did not "
                                      f"run{for_what}). {callee} must end with return ... for every case.")
        if isinstance(c, ast.Name):
            origin = _none_origin(L, c.id, L._failing_node() if L.fn is not None else None)
            if origin is not None:
                return "none_value", (f"{c.id} is None on your line: {origin[0]}.")
            if len(cands) == 1 and c.id in L.args and not L.assignments(c.id):
                return None   # an argument the case passed: not None (the message is about something else)
    return None


# ---- calling something that is not a function -----------------------------------------------------

_NOT_CALLABLE = re.compile(r"'([\w.]+)' object is not callable")


def _not_callable(L):
    from .specs import SPECS

    found = _NOT_CALLABLE.search(L.message)
    if L.err.exc_type == "UnboundLocalError":
        name = re.search(r"local variable '(\w+)'", L.message)
        if name is None or L.stmt is None:
            return None
        fn = name.group(1)
        called = [n for n in L.nodes() if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == fn]
        stores = L.assignments(fn)
        if called and stores:
            return "shadowed_function", (
                f"Your function assigns to the name {fn} (`{L.source_line(stores[0][0])}`), so inside it {fn} is a "
                f"local variable, not your function {fn}: Python then refuses {fn}(...) before that assignment. "
                f"Give the result another name (A = {fn}(Z)).")
        return None
    if found is None or found.group(1) == "NoneType" or L.stmt is None:
        return None
    kind = found.group(1)
    kind = {"numpy.float64": "float", "numpy.float32": "float", "numpy.int64": "int"}.get(kind, kind)
    if kind == "module":
        mods = [n for n in L.nodes() if isinstance(n, ast.Call) and (
            isinstance(n.func, ast.Name) and n.func.id in ("np", "numpy", "math") or isinstance(n.func, ast.Attribute)
            and n.func.attr == "random" and isinstance(n.func.value, ast.Name) and n.func.value.id in ("np", "numpy"))]
        if len(mods) == 1:
            c = mods[0]
            f = L.text(c.func)
            fix = f"{f}.randn({', '.join(L.text(a) for a in c.args)})" if f.endswith("random") else f"{f}.<function>(...)"
            return "not_callable", (f"`{L.text(c)}` calls {f}, which is a module (a collection of functions), not a "
                                    f"function: name the function inside it, e.g. {fix}.")
        return None
    calls = [n for n in L.nodes() if isinstance(n, ast.Call) and not _np_call(n)
             and not (isinstance(n.func, ast.Name) and n.func.id in ("print", "len", "range", "float", "int", "str",
                                                                      "zip", "enumerate", "reversed", "list", "dict",
                                                                      "tuple", "sum", "max", "min", "abs", "round"))]
    if kind == "tuple":
        shape = [c for c in calls if isinstance(c.func, ast.Attribute) and c.func.attr == "shape"]
        if shape:
            c = shape[0]
            idx = ast.unparse(c.args[0]) if c.args else "1"
            return "not_callable", (f"`{L.text(c)}` calls the shape: {ast.unparse(c.func)} is a tuple of sizes "
                                    f"(rows, columns), not a function; take one size with square brackets, "
                                    f"{ast.unparse(c.func)}[{idx}] (m = A_prev.shape[1], the number of columns).")
    candidates = []
    for c in calls:
        f = c.func
        if isinstance(f, ast.Name):
            ok, value = L.recorded(f.id)
            local = L.local.get(f.id)
            if kind in ("int", "float") and (type(local) is int or f.id in ("m", "L", "n", "l", "alpha")
                                             or ok and type(value).__name__ == kind):
                candidates.append((c, "number"))
            elif kind == "numpy.ndarray" and (type(local) is tuple or f.id in SPECS or f.id in L.args
                                              or ok and type(value) is np.ndarray):
                candidates.append((c, "array"))
            elif kind in ("dict", "list", "str") and (f.id in L.args and type(L.args[f.id]).__name__ == kind
                                                      or ok and type(value).__name__ == kind):
                candidates.append((c, kind))
        elif isinstance(f, (ast.BinOp, ast.Constant)) and kind in ("int", "float"):
            candidates.append((c, "number"))
        elif isinstance(f, ast.Attribute) and f.attr == "T" and kind == "numpy.ndarray":
            candidates.append((c, "transpose"))
    sure = [(c, w) for c, w in candidates if isinstance(c.func, ast.Name) and L.recorded(c.func.id)[0]
            and not callable(L.recorded(c.func.id)[1])]
    candidates = sure or candidates
    if len(candidates) != 1:
        return None
    c, what = candidates[0]
    f = L.text(c.func)
    inner = ", ".join(L.text(a) for a in c.args)
    if what == "number":
        return "not_callable", (f"`{L.text(c)}` calls {f}, which is a number: a number followed by parentheses is "
                                f"a call in Python, not a product. A * is missing: {f} * ({inner}).")
    if what == "transpose":
        return "not_callable", (f"`{L.text(c)}` calls the transpose: .T is an attribute, written without "
                                f"parentheses ({f}).")
    if what == "dict":
        key = inner or '"W1"'
        return "not_callable", (f"`{L.text(c)}` calls the dict {f} like a function: a dict gives a value for a key "
                                f"with square brackets, {f}[{key}].")
    if what == "str":
        return _str_called(L, c, f, inner)
    if what == "list":
        return "not_callable", (f"`{L.text(c)}` calls {f}, which is a {what}: index it with square brackets, "
                                f"{f}[{inner}].")
    if f in SPECS:
        stores = L.assignments(f)
        where = (f"your function assigns {f} (`{L.source_line(stores[0][0])}`)" if stores else
                 f"a cell assigned an array to the name {f} (e.g. {f} = {f}(Z) in a demo cell), so the name no "
                 f"longer means your function")
        return "shadowed_function", (f"{f} is an array here, not the function {f}: {where}. Give the result another "
                                     f"name (A = {f}(Z)){'' if stores else f' and run the cell that defines {f} again'}.")
    arg = inner or "..."
    arg = arg if re.fullmatch(r"[\w.\[\]]+", arg) else f"({arg})"
    matrix = f"as matrices, np.dot({f}, {inner or '...'}) or {f} @ {arg}"
    entry = f"entry by entry, {f} * {arg}"
    from .crashes import MATRIX
    both = "a product is written " + (f"{matrix}; {entry}" if L.spec.name in MATRIX and f[:1] in "WAd"
                                      else f"{entry}; {matrix}")
    return "not_callable", (f"`{L.text(c)}` calls {f}, which is an array, as if it were a function: an array "
                            f"followed by parentheses is a call, not a product: {both}.")


# ---- a call with other arguments than the function takes ------------------------------------------

_COUNT = re.compile(r"^(\w+)\(\) takes (?:from (\d+) to )?(\d+) positional arguments? but (\d+) (?:were|was) given")
_MISSING = re.compile(r"^(\w+)\(\) missing (\d+) required positional arguments?: (.*)$")
_KEYWORD = re.compile(r"^(\w+)\(\) got an unexpected keyword argument '(\w+)'")


def _call_arguments(L):
    from .specs import SPECS

    msg = L.message
    said = _COUNT.match(msg) or _MISSING.match(msg) or _KEYWORD.match(msg)
    if said is None or L.stmt is None:
        return None
    fname = said.group(1)
    calls = [n for n in L.nodes() if isinstance(n, ast.Call) and _callee(n) == fname]
    if len(calls) != 1:
        return None
    c = calls[0]
    given = [L.text(a) for a in c.args] + [f"{k.arg}={L.text(k.value)}" for k in c.keywords if k.arg]
    np_name = _np_call(c)
    if np_name is not None:
        return _numpy_count(L, c, np_name, said)
    if fname not in SPECS:
        return None
    params = SPECS[fname].arg_names
    parts = SPECS[fname].parts
    sig = f"{fname}({', '.join(params)})"
    if said.re is _COUNT and int(said.group(3)) == len(params) and len(c.args) > len(params):
        extra = [L.text(a) for a in c.args[len(params):]]
        why = ""
        if fname in ("sigmoid", "relu") or any(a.strip("'\"") in ("relu", "sigmoid") for a in extra):
            why = (f" ({fname} does not take {'the activation' if any(a.strip(chr(39) + chr(34)) in ('relu', 'sigmoid') for a in extra) else 'it'}"
                   f"; the activation is linear_activation_forward's job)")
        return "call_arguments", (f"Your line calls {fname} with {len(c.args)} arguments ({', '.join(given)}), but "
                                  f"{sig} takes {len(params)}: {', '.join(extra)} is one too many{why}.")
    if said.re is _MISSING:
        missing = re.findall(r"'(\w+)'", said.group(3))
        if not missing or not all(m in params for m in missing):
            return None
        hint = {"activation": ' (the layer\'s activation as a string: "relu" for layers 1..L-1, "sigmoid" for '
                              'layer L)',
                "learning_rate": " (the learning rate alpha your function was given)",
                "Y": " (the labels, (1, m))", "cache": " (this layer's cache (linear_cache, Z))"}
        extra = "".join(hint.get(m, "") for m in missing)
        return "call_arguments", (f"Your line calls {fname}({', '.join(given)}), without {' and '.join(missing)}: "
                                  f"{sig} needs every one of them, in this order{extra}. {fname} returns "
                                  f"{', '.join(parts)}.")
    if said.re is _KEYWORD:
        return "call_arguments", (f"Your line passes {said.group(2)}= to {fname}, which has no such parameter: "
                                  f"{sig}.")
    return None


def _numpy_signature(np_name):
    import inspect

    f = np
    for part in np_name.split("."):
        f = getattr(f, part, None)
        if f is None:
            return None, None
    if isinstance(f, np.ufunc):
        return f, [f"x{i + 1}" for i in range(f.nin)] + ["out"]
    try:
        return f, [p.name for p in inspect.signature(f).parameters.values()
                   if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    except (TypeError, ValueError):
        return f, None


_NP_WORDS = {"maximum": "np.maximum(0, Z) compares 0 with every entry of Z: it takes two arrays (or a number and an array)",
             "minimum": "np.minimum takes two arrays (or a number and an array)",
             "dot": "np.dot(a, b) multiplies two arrays as matrices",
             "multiply": "np.multiply(a, b) multiplies two arrays entry by entry",
             "divide": "np.divide(a, b) divides two arrays entry by entry",
             "add": "np.add(a, b) adds two arrays", "subtract": "np.subtract(a, b) subtracts two arrays"}


def _numpy_count(L, c, np_name, said):
    f, params = _numpy_signature(np_name)
    given = ", ".join(L.text(a) for a in c.args)
    base = np_name.split(".")[-1]
    words = _NP_WORDS.get(base, f"np.{np_name} takes ({', '.join(params or [])})")
    if said.re is _COUNT or said.re is _MISSING:
        return "numpy_arguments", (f"Your line calls np.{np_name}({given}) with {len(c.args)} argument(s): {words}"
                                   f"{'; a third positional argument would be out=, where the result is written' if isinstance(f, np.ufunc) else ''}.")
    return "numpy_arguments", (f"Your line passes {said.group(2)}= to np.{np_name}, which has no such parameter: "
                               f"np.{np_name}({', '.join(params or [])}).")


# ---- numpy given an int / bool / array where an axis, a dtype or out= belongs ---------------------

_NP_ARG = re.compile(r"Cannot interpret '(.+?)' as a data type|an integer is required|"
                     r"only integer scalar arrays can be converted to a scalar index|"
                     r"output array has wrong dimensions|output array is not acceptable|"
                     r"return arrays must be of ArrayType|integer argument expected, got float|"
                     r"axis \d+ is out of bounds for array of dimension \d+|"
                     r"got multiple values for argument '(\w+)'|"
                     r"'tuple' object cannot be interpreted as an integer")

_ROLE = {"a": "the array", "axis": "the axis", "dtype": "the dtype (the kind of number: float, int)",
         "out": "out=, the array the result is written into", "keepdims": "keepdims",
         "shape": "the shape", "b": "the second array", "x1": "the first array", "x2": "the second array"}


def _numpy_arguments(L):
    found = _NP_ARG.search(L.message)
    if found is None or L.stmt is None or L.err.exc_type not in ("TypeError", "ValueError", "AxisError"):
        return None
    calls = [n for n in L.nodes() if isinstance(n, ast.Call) and _np_call(n)]
    failed = _recorded_np_call(L)
    if failed is not None:
        calls = [c for c in calls if _np_call(c) == failed] or calls
    picked = []
    for c in calls:
        f, params = _numpy_signature(_np_call(c))
        if params is None:
            continue
        odd = _odd_positional(L, c, f, params)
        if odd:
            picked.append((c, params, odd))
    if len(picked) != 1:
        return _shape_tuple(L, calls)
    c, params, odd = picked[0]
    name = _np_call(c)
    pos, param, text = odd
    sig = ", ".join(params[:max(pos + 1, 2)])
    lead = f"Your np.{name}({', '.join(L.text(a) for a in c.args)}) passes {text} as argument {pos + 1}"
    if name in ("max", "min", "amax", "amin") and pos == 1 and param == "axis":
        other = "maximum" if "max" in name else "minimum"
        return "numpy_arguments", (f"{lead}, which np.{name} takes as the axis: np.{name} reduces ONE array to its "
                                   f"largest entry. The entry-by-entry {other} of 0 and Z is np.{other}(0, Z).")
    if param == "out":
        return "numpy_arguments", (f"{lead}, which np.{name} takes as out=, the array the result is written into "
                                   f"(np.{name}({sig})): {_NP_WORDS.get(name, f'np.{name} takes ' + str(len(params) - 1) + ' arrays')}"
                                   f"; combine a third value with its own operator (+ b, * ...).")
    if param == "dtype":
        return "numpy_arguments", (f"{lead}, which np.{name} takes as the dtype (the kind of number): its "
                                   f"positional arguments are ({sig}). Name the option you mean: "
                                   f"np.{name}(..., axis=1, keepdims=True).")
    if param == "axis":
        return "numpy_arguments", (f"{lead}, which np.{name} takes as the axis (0 = down the rows, 1 = across the "
                                   f"m columns): its positional arguments are ({sig}). Name the option you mean "
                                   f"(keepdims=True) or pass the axis as a number.")
    return "numpy_arguments", (f"{lead}, which np.{name} takes as {_ROLE.get(param, param)} (np.{name}({sig})).")


def _recorded_np_call(L):
    if L.rec is None or L.rec.failed is None:
        return None
    kind = L.rec.nodes[L.rec.failed].kind
    return kind[len("call:np."):] if kind.startswith("call:np.") else None


def _odd_positional(L, c, f, params):
    """(position, parameter, text) of a positional argument whose value is not what that parameter
    takes (an array or a bool as the axis, a number or a bool as the dtype, a non-array as out)."""
    for pos, a in enumerate(c.args):
        if pos == 0 or pos >= len(params):
            continue
        param = params[pos]
        text = L.text(a)
        kind = _static_kind(L, a)
        if param == "axis" and kind in ("array", "bool", "float"):
            return pos, param, f"`{text}` ({'an array' if kind == 'array' else 'True' if kind == 'bool' else 'a float'})"
        if param == "dtype" and kind in ("bool", "int", "float", "array"):
            return pos, param, f"`{text}`"
        if param == "out" and kind in ("array", "int", "float", "bool"):
            return pos, param, f"`{text}`"
    return None


def _static_kind(L, node):
    """'array', 'bool', 'int', 'float', 'str' or None: what an argument of the line is."""
    if isinstance(node, ast.Constant):
        v = node.value
        return "bool" if isinstance(v, bool) else "int" if isinstance(v, int) else "float" if isinstance(v, float) \
            else "str" if isinstance(v, str) else None
    if isinstance(node, ast.UnaryOp) and isinstance(node.operand, ast.Constant):
        return _static_kind(L, node.operand)
    ok, value = L.recorded(L.text(node))
    if ok:
        return "array" if type(value) is np.ndarray and value.ndim else "bool" if isinstance(value, bool) else \
            "int" if isinstance(value, (int, np.integer)) else "float" if isinstance(value, float) else None
    if isinstance(node, ast.Name):
        if node.id in ("keepdims",):
            return "bool"
        v = L.local.get(node.id)
        if type(v) is tuple or type(L.args.get(node.id)) is np.ndarray:
            return "array"
        if type(v) is int:
            return "int"
    if isinstance(node, (ast.BinOp, ast.Compare)) or isinstance(node, ast.Attribute) and node.attr == "T":
        names = [n.id for n in ast.walk(node) if isinstance(n, ast.Name)]
        if any(type(L.local.get(n)) is tuple or type(L.args.get(n)) is np.ndarray for n in names):
            return "array"
    return None


def _shape_tuple(L, calls):
    """np.zeros(n, 1) / np.random.randn((n, m)) / range(Z.shape): the shape given in the other form."""
    msg = L.message
    if "'tuple' object cannot be interpreted as an integer" in msg:
        ranges = [n for n in L.nodes() if isinstance(n, ast.Call) and _callee(n) == "range"
                  and any(isinstance(a, ast.Attribute) and a.attr == "shape" for a in n.args)]
        if len(ranges) == 1:
            c = ranges[0]
            a = next(a for a in c.args if isinstance(a, ast.Attribute) and a.attr == "shape")
            return "numpy_arguments", (f"`{L.text(c)}` is given {L.text(a)}, the whole shape (a tuple of sizes): range "
                                       f"takes one number, e.g. {L.text(a)}[1] to go over the m columns, "
                                       f"{L.text(a)}[0] over the rows.")
    for c in calls:
        name = _np_call(c)
        base = name.split(".")[-1]
        if base in ("zeros", "ones", "empty", "full") and len(c.args) >= 2 and "data type" in msg:
            return "numpy_arguments", (f"Your np.{name}({', '.join(L.text(a) for a in c.args)}) gives the sizes as "
                                       f"separate arguments: np.{name} takes the shape as ONE tuple, "
                                       f"np.{name}(({', '.join(L.text(a) for a in c.args[:2])})); its second "
                                       f"argument is the dtype.")
        if base in ("randn", "rand") and c.args and isinstance(c.args[0], ast.Tuple) and "tuple" in msg:
            return "numpy_arguments", (f"Your np.{name}({L.text(c.args[0])}) gives the shape as a tuple: np.{name} "
                                       f"takes the sizes as separate numbers, np.{name}({', '.join(L.text(e) for e in c.args[0].elts)}) "
                                       f"(np.random.standard_normal takes a tuple).")
    return None


# ---- an array where one number belongs --------------------------------------------------------------

_SCALAR = re.compile(r"only (?:0-dimensional|length-1|size-1) arrays can be converted to Python scalars|"
                     r"doesn't define __round__ method|unsupported format string passed to numpy.ndarray.__format__|"
                     r"can only convert an array of size 1 to a Python scalar|truth value of an array")


def _array_to_number(L):
    found = _SCALAR.search(L.message)
    if found is None or L.stmt is None:
        return None
    text = found.group(0)
    targets = []
    for n in L.nodes():
        if isinstance(n, ast.Call) and _callee(n) in ("float", "int", "round", "format", "bool") and n.args \
                and isinstance(n.func, ast.Name) and ("converted" in text or "round" in text or "truth" in text):
            targets.append((n.args[0], f"{_callee(n)}()"))
        elif isinstance(n, ast.Call) and _callee(n) == "item" and isinstance(n.func, ast.Attribute) and "size 1" in text:
            targets.append((n.func.value, ".item()"))
        elif isinstance(n, ast.FormattedValue) and "format" in text:
            targets.append((n.value, "An f-string's format"))
        elif isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in ("max", "min") \
                and len(n.args) == 2 and "truth" in text:
            targets.append((n, f"Python's {n.func.id}()"))
        elif isinstance(n, (ast.IfExp, ast.Assert)) and "truth" in text:
            targets.append((n.test, "`if`" if isinstance(n, ast.IfExp) else "`assert`"))
    if len(targets) != 1:
        return None
    node, how = targets[0]
    shape = _shape_of(L, node)
    if "truth" in text:
        if how == "`assert`":
            return None
        if how.startswith("Python's"):
            f = node.func.id
            return "array_truth_value", (f"`{L.text(node)}` is Python's {f}, which compares two whole values with one "
                                         f"True or False, and an array has one per entry: numpy refuses (\"ambiguous\"). "
                                         f"np.{'maximum' if f == 'max' else 'minimum'}({', '.join(L.text(a) for a in node.args)}) "
                                         f"compares entry by entry.")
        return "array_truth_value", (f"{how} on your line asks one True or False of `{L.text(node)}`, which is a whole "
                                     f"array{f' {shape}' if shape else ''}: numpy refuses (\"ambiguous\"). The "
                                     f"equations work entry by entry: np.where({L.text(node)}, ..., ...) or a mask "
                                     f"keeps every entry.")
    what = f"`{L.text(node)}`"
    m = L.case.info.get("m")
    size = ""
    if shape:
        size = f" is an array of shape {shape}"
        if L.spec.name == "compute_cost" and len(shape) == 2 and shape[1] == m and m and m > 1:
            size += (f", one value per example: something in it is not summed over the m = {m} examples (a term "
                     f"outside the np.sum(...) parentheses, or a sum over axis 0). J is one number")
        elif len(shape) == 2 and shape == (1, 1):
            size += ", still 2-D"
    else:
        size = " is an array, not one number"
    fix = "np.squeeze(...) or .item() gives the number of a one-entry array" if shape in ((1, 1), (1,)) or not shape \
        else "only an array with one entry becomes a number"
    if shape and shape not in ((1, 1), (1,)) and L.spec.name != "compute_cost":
        from .operands import dims, shape_words

        words = shape_words(shape, dims(L.spec, L.case))
        if words != str(shape) and "=" in words:
            size = f" is an array of shape {words}"
            fix = f"{fix}; {L.text(node)} is a whole array of the lecture, kept as it is"
    return "array_to_number", (f"{how} takes one number, and {what}{size}: {fix}.")


def _shape_of(L, node):
    ok, value = L.recorded(L.text(node))
    if ok and type(value) is np.ndarray:
        return tuple(value.shape)
    if isinstance(node, ast.Name):
        v = L.local.get(node.id)
        if type(v) is tuple:
            return v
    return None


# ---- a float where a whole number belongs ------------------------------------------------------------

_FLOAT = re.compile(r"'float' object cannot be interpreted as an integer|indices must be integers or slices, not float|"
                    r"only integers, slices \(`:`\), ellipsis|integer argument expected, got float|"
                    r"'numpy.float64' object cannot be interpreted as an integer")


def _float_index(L):
    if not _FLOAT.search(L.message) or L.stmt is None:
        return None
    spots = []
    for n in L.nodes():
        if isinstance(n, ast.Call) and (_callee(n) == "range" or _np_call(n)):
            spots += [(a, f"{_callee(n)}()") for a in n.args if not isinstance(a, ast.Tuple)]
            spots += [(e, f"{_callee(n)}()") for a in n.args if isinstance(a, ast.Tuple) for e in a.elts]
        elif isinstance(n, ast.Subscript):
            idx = n.slice
            spots += [(e, f"the index of {L.text(n.value)}") for e in (idx.elts if isinstance(idx, ast.Tuple) else [idx])]
    for node, where in spots:
        if _divides(node):
            return "float_index", (f"`{L.text(node)}` in {where} divides with /, which always gives a float (4 / 2 "
                                   f"is 2.0), and {where} needs a whole number: divide with // (len(parameters) // 2), "
                                   f"or write int(...) around it.")
    for node, where in spots:
        for name in {d.id for d in ast.walk(node) if isinstance(d, ast.Name)}:
            if type(L.local.get(name)) is int:
                continue
            stores = [s for s, v in L.assignments(name) if v is not None and _divides(v)]
            if stores and len(stores) == len(L.assignments(name)):
                s = stores[-1]
                return "float_index", (f"{name} is a float: `{L.source_line(s)}` ({L.at(s)}) divides with /, which "
                                       f"always gives a float (4 / 2 is 2.0), and {where} needs a whole number: "
                                       f"divide with // (L = len(parameters) // 2).")
    return None


def _divides(node) -> bool:
    """True if ``node`` divides with / outside int(), round(), len() and numpy's rounding (which give whole numbers)."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        return True
    if isinstance(node, ast.Call) and _callee(node) in ("int", "round", "len", "floor", "ceil", "trunc", "isqrt"):
        return False
    return any(_divides(child) for child in ast.iter_child_nodes(node))


# ---- an index past the end of a list, a tuple or an axis ------------------------------------------

_RANGE = re.compile(r"(list|tuple) index out of range|index (-?\d+) is out of bounds for axis (\d+) with size (\d+)|"
                    r"too many indices for array: array is (\d)-dimensional, but (\d) were indexed")


def _safe_int(node, ints):
    """The value of a small integer expression of the line (names from the learner's locals), or None."""
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if isinstance(node, ast.Name):
        v = ints.get(node.id)
        return v if type(v) is int else None
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        v = _safe_int(node.operand, ints)
        return -v if v is not None else None
    if isinstance(node, ast.BinOp) and type(node.op) in (ast.Add, ast.Sub, ast.Mult, ast.FloorDiv):
        a, b = _safe_int(node.left, ints), _safe_int(node.right, ints)
        if a is None or b is None or isinstance(node.op, ast.FloorDiv) and b == 0:
            return None
        return {ast.Add: a + b, ast.Sub: a - b, ast.Mult: a * b}.get(type(node.op), a // b if b else None)
    if isinstance(node, ast.Call) and _callee(node) == "len" and len(node.args) == 1 and isinstance(node.args[0], ast.Name):
        return ints.get(f"len:{node.args[0].id}")
    return None


def _index_range(L):
    found = _RANGE.search(L.message)
    if found is None or L.stmt is None:
        return None
    ints = {k: v for k, v in L.local.items() if type(v) is int}
    for name, value in L.args.items():
        if type(value) in (list, tuple, dict):
            ints[f"len:{name}"] = len(value)
    subs = [n for n in L.nodes() if isinstance(n, ast.Subscript) and isinstance(n.value, ast.Name)]
    if found.group(5):   # Z[i, j] of a 1-D array
        dims_, given = int(found.group(5)), int(found.group(6))
        hits = [n for n in L.nodes() if isinstance(n, ast.Subscript) and isinstance(n.value, ast.Name)
                and type(L.local.get(n.value.id)) is tuple and len(L.local[n.value.id]) == dims_
                and isinstance(n.slice, ast.Tuple) and len(n.slice.elts) == given]
        if len(hits) != 1:
            return None
        n = hits[0]
        name = n.value.id
        why = ""
        stores = L.assignments(name)
        if len(stores) == 1 and isinstance(stores[0][1], ast.Call) and _np_call(stores[0][1]) in ("zeros", "ones", "empty") \
                and stores[0][1].args and not isinstance(stores[0][1].args[0], ast.Tuple):
            why = (f": `{L.source_line(stores[0][0])}` ({L.at(stores[0][0])}) makes a 1-D array from one number; give it "
                   f"the shape as a tuple, np.zeros((n, m)) or np.zeros(Z.shape)")
        return "index_out_of_range", (f"`{L.text(n)}` indexes {name} with {given} numbers, but {name} is "
                                      f"{dims_}-D (shape {L.local[name]}){why}.")
    if found.group(1) == "tuple":   # A.shape[2] of a 2-D array
        for n in L.nodes():
            if isinstance(n, ast.Subscript) and isinstance(n.value, ast.Attribute) and n.value.attr == "shape" \
                    and isinstance(n.value.value, ast.Name):
                base = n.value.value.id
                shape = L.local.get(base)
                if type(shape) is not tuple and type(L.args.get(base)) is np.ndarray and not L.assignments(base):
                    shape = tuple(L.args[base].shape)
                idx = _safe_int(n.slice, ints)
                if type(shape) is tuple and idx is not None and not -len(shape) <= idx < len(shape):
                    axes = ", ".join(f"{base}.shape[{k}]" for k in range(len(shape)))
                    return "index_out_of_range", (
                        f"`{L.text(n)}` asks for size {idx} of {base}, whose shape {shape} has {len(shape)} "
                        f"size(s): {axes}{' (rows, then columns: m = ' + base + '.shape[1])' if len(shape) == 2 else ''}.")
    if found.group(1):   # a list or a tuple: the exercise's own list arguments (caches, layer_dims, cache)
        hits = []
        for n in subs:
            name = n.value.id
            value = L.args.get(name) if not L.assignments(name) else None
            ok, rec = L.recorded(name)
            value = rec if ok else value
            if type(value).__name__ != found.group(1):
                continue
            idx = _safe_int(n.slice, ints)
            if idx is not None and not -len(value) <= idx < len(value):
                hits.append((n, name, value, idx))
        if len(hits) != 1:
            return None
        n, name, value, idx = hits[0]
        loop = {k: v for k, v in ints.items() if not k.startswith("len:") and k in
                {d.id for d in ast.walk(n.slice) if isinstance(d, ast.Name)}}
        at = f" at {', '.join(f'{k} = {v}' for k, v in loop.items())}" if loop else ""
        holds = f" ({HOLDS[name]})" if name in HOLDS else ""
        last = len(value) - 1
        layer = ""
        if name == "caches":
            layer = f"; layer l's cache is caches[l - 1], so caches[{idx}] would be layer {idx + 1}'s and this network has L = {len(value)}"
        elif name == "layer_dims":
            layer = f"; n[l] is layer_dims[l], so layer_dims[{idx}] would be n[{idx}] and this network stops at n[{last}] (L = {last})"
        return "index_out_of_range", (f"`{L.text(n)}` asks for item {idx}{at}, but {name} has {len(value)} item{'s' if len(value) != 1 else ''}, "
                                      f"{name}[0]..{name}[{last}]{holds}{layer}: the index (or the loop's range) is off by "
                                      f"{idx - last if idx > last else -idx - len(value)}.")
    if found.group(2) is None:
        return None
    idx, axis, size = int(found.group(2)), int(found.group(3)), int(found.group(4))
    m = L.case.info.get("m")
    if axis == 1 and m == size:
        cols = {d.id for n in L.nodes() if isinstance(n, ast.Subscript) and isinstance(n.slice, ast.Tuple)
                and len(n.slice.elts) == 2 for d in ast.walk(n.slice.elts[1]) if isinstance(d, ast.Name)}
        loops = [d for d in (ast.walk(L.fn) if L.fn is not None else []) if isinstance(d, ast.For)
                 and isinstance(d.target, ast.Name) and d.target.id in cols]
        loop = loops[0] if len(loops) == 1 else None
        if loop is None:
            return "index_out_of_range", (f"Your code asks for column {idx} of an array with m = {size} columns, "
                                          f"0..{size - 1}: the index is past the last example.")
        return "index_out_of_range", (f"Your code asks for column {idx} of an array with m = {size} columns, 0..{size - 1}: "
                                      f"the loop over the examples runs past the last one (your loop "
                                      f"`{L.source_line(loop)}`, {L.at(loop)}); range(m) stops at m - 1.")
    return None


# ---- a dlkit block's own input check, said at the learner's call ---------------------------------

def _helper_check(L):
    """dlkit's block refused an argument ('update_parameters: learning_rate must be finite and greater
    than zero, got -0.1'): which argument of the learner's call it was, and what they wrote there."""
    import inspect

    import dlkit

    from .specs import SPECS

    said = re.match(r"(\w+): (?:parameters\['\w+'\]|(\w+))\b", L.message)
    if said is None or said.group(1) not in SPECS or said.group(1) == L.spec.name or L.stmt is None:
        return None
    helper, param = said.group(1), said.group(2)
    if param == "unknown" and "activation" in L.message:
        param = "activation"
    calls = [n for n in L.nodes() if isinstance(n, ast.Call) and _callee(n) == helper]
    if len(calls) != 1 or param is None:
        return None
    c = calls[0]
    try:
        params = list(inspect.signature(getattr(dlkit, helper)).parameters)
    except (AttributeError, TypeError, ValueError):
        params = list(SPECS[helper].arg_names)
    if param not in params:
        return None
    pos = params.index(param)
    node = c.args[pos] if pos < len(c.args) else next((k.value for k in c.keywords if k.arg == param), None)
    if node is None:
        return None
    text = L.text(node)
    rest = L.message.split(": ", 1)[1]
    lead = f"{helper} refused its {param}: on your line {helper}'s {param} is `{text}`"
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and "greater than zero" in rest:
        return "helper_argument", (f"{lead}, a negated value: {helper} does the subtraction itself (W[l] - alpha "
                                   f"dW[l]), so pass {L.text(node.operand)} as it is: a negative learning rate turns "
                                   f"each step uphill (gradient ascent), and the cost rises instead of falling.")
    if param == "activation" and isinstance(node, ast.Constant) and isinstance(node.value, str):
        return "helper_argument", (f"{lead}: the activations are written exactly \"relu\" and \"sigmoid\", in lower "
                                   f"case.")
    if param == "activation":
        return "helper_argument", (f"{lead}, not the name of an activation: pass \"relu\" for layers 1..L-1 and "
                                   f"\"sigmoid\" for layer L.")
    if param in L.spec.arg_names and text != param and re.fullmatch(r"[A-Za-z_]\w*", text) and text in L.spec.arg_names:
        return "helper_argument", (f"{lead}, your function's argument {text}, where {helper} expects {param} "
                                   f"(your {param} goes there).")
    return None   # a shape or a value refused: the operands and the layers (operands.py, crashes.py) say more


# ---- unpacking into another number of names -------------------------------------------------------

_UNPACK = re.compile(r"too many values to unpack \(expected (\d+)(?:, got (\d+))?\)|"
                     r"not enough values to unpack \(expected (\d+), got (\d+)\)|cannot unpack non-iterable (\S+) object")


def _unpack_count(L):
    from .specs import SPECS

    found = _UNPACK.search(L.message)
    if found is None or L.stmt is None:
        return None
    stmt = L.stmt
    if isinstance(stmt, ast.Assign) and isinstance(stmt.targets[0], (ast.Tuple, ast.List)):
        target, value = stmt.targets[0], stmt.value
    elif isinstance(stmt, ast.For) and isinstance(stmt.target, (ast.Tuple, ast.List)):
        target, value = stmt.target, None
    else:
        return None
    names = [L.text(e) for e in target.elts]
    n = len(names)
    got = found.group(2) or found.group(4)
    one = found.group(5)
    if one == "NoneType":
        return None
    if isinstance(value, ast.Call) and _callee(value) in SPECS:
        helper = _callee(value)
        parts = SPECS[helper].parts
        if len(parts) == 1 and "values to unpack" in L.message and helper not in ("update_parameters", "initialize_parameters",
                                                                                 "model_backward"):
            return None   # operands.unpacked_one_array says it (an array unpacked row by row)
        kind = {"update_parameters": "one dict, parameters: unpacking a dict gives its keys",
                "initialize_parameters": "one dict, parameters: unpacking a dict gives its keys",
                "model_backward": "one dict, grads: unpacking a dict gives its keys",
                "compute_cost": "one number, the cost J"}.get(helper)
        returns = kind or f"{len(parts)} values, ({', '.join(parts)})"
        return "unpack_count", (f"{helper} returns {returns}; your line unpacks it into {n} names "
                                f"({', '.join(names)}). Write {', '.join(parts)} = {helper}(...).")
    if isinstance(value, ast.Name) and value.id in L.args and not L.assignments(value.id):
        v = L.args[value.id]
        holds = HOLDS.get(value.id)
        count = len(v) if type(v) in (tuple, list, dict) else None
        if count is not None and (got is None or int(got) == count):
            extra = ""
            if value.id == "cache" and n == 3:
                extra = " Unpack it in two steps: linear_cache, Z = cache, then A_prev, W, b = linear_cache."
            elif value.id == "linear_cache" and n == 2:
                extra = " linear_cache is only the (A_prev, W, b) part; Z is the cache's second item."
            return "unpack_count", (f"{value.id} holds {count} items{f', {holds}' if holds else ''}; your line unpacks "
                                    f"it into {n} names ({', '.join(names)}).{extra}")
    if one and one != "NoneType":
        what = {"numpy.float64": "one number", "float": "one number", "int": "one whole number"}.get(one, f"a {one}")
        return "unpack_count", (f"Your line unpacks {what} into {n} names ({', '.join(names)}): only a tuple or a list "
                                f"of {n} items can be unpacked so.")
    return None


# ---- a number added to a string ---------------------------------------------------------------------

def _str_concat(L):
    """"Cost after iteration " + i: + joins strings only. A layer key ("W" + l) is the source rule
    layer_key's (source.py), which comes after the plain crash line."""
    found = re.search(r'can only concatenate str \(not "(\w+)"\) to str', L.message)
    if found is None or L.stmt is None:
        return None
    for n in L.nodes():
        if not (isinstance(n, ast.BinOp) and isinstance(n.op, ast.Add)):
            continue
        sides = (n.left, n.right)
        text = [x for x in sides if isinstance(x, ast.Constant) and isinstance(x.value, str)]
        other = [x for x in sides if not (isinstance(x, ast.Constant) and isinstance(x.value, str))
                 and not isinstance(x, (ast.JoinedStr, ast.BinOp))
                 and not (isinstance(x, ast.Call) and _callee(x) in ("str", "repr", "format"))]
        if len(text) != 1 or len(other) != 1:
            continue
        if re.fullmatch(r"d?[AWbZ]", text[0].value.strip()):
            return None   # a layer key: source.py's layer_key says it
        return "str_concat", (f"`{L.text(n)}` adds {L.text(other[0])}, a{'n' if found.group(1)[0] in 'aeiou' else ''} "
                              f"{found.group(1)}, to a string: + joins strings only. Write str({L.text(other[0])}), or "
                              f"an f-string, f\"{text[0].value}{{{L.text(other[0])}}}\".")
    return None


# ---- a helper's whole result (a tuple) where one of its outputs belongs ------------------------------

def _tuple_value(L):
    """Z = linear_forward(...) without unpacking, then Z used as an array: Z holds the tuple (Z, linear_cache).
    From numpy's "... 'tuple' ..." message or a dlkit block's "got tuple"."""
    from .specs import SPECS

    if "tuple" not in L.message or L.stmt is None or L.fn is None:
        return None
    names = {n.id for n in L.nodes() if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    hits = []
    for name in sorted(names):
        stores = L.assignments(name)
        if not stores or not all(isinstance(v, ast.Call) and _callee(v) in SPECS and len(SPECS[_callee(v)].parts) > 1
                                 for _, v in stores):
            continue
        hits.append((name, stores[-1]))
    if len(hits) != 1:
        return None
    name, (stmt, value) = hits[0]
    helper = _callee(value)
    parts = SPECS[helper].parts
    return "helper_result_not_unpacked", (
        f"{name} holds the whole result of {helper}, the tuple ({', '.join(parts)}): `{L.source_line(stmt)}` ({L.at(stmt)}) "
        f"keeps both in one name. Unpack it: {', '.join(parts)} = {helper}(...), then use {parts[0]}.")


# ---- list.append given two things --------------------------------------------------------------------

def _append_args(L):
    found = re.search(r"list\.(append|insert|extend)\(\) takes exactly (one|two) arguments? \((\d+) given\)", L.message)
    if found is None or L.stmt is None:
        return None
    calls = [n for n in L.nodes() if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
             and n.func.attr == found.group(1)]
    if len(calls) != 1 or found.group(1) != "append":
        return None
    c = calls[0]
    items = ", ".join(L.text(a) for a in c.args)
    return "call_arguments", (f"`{L.text(c)}` gives .append {len(c.args)} things: a list's append adds ONE item. "
                              f"To keep them together as one item, append the tuple: "
                              f"{ast.unparse(c.func)}(({items})).")


# ---- the learner's own assert ---------------------------------------------------------------------

def _assert_failed(L):
    """An assert of the learner's that failed: the shapes it compared, as they were."""
    if L.err.exc_type != "AssertionError" or not isinstance(L.stmt, ast.Assert):
        return None
    shapes = []
    for n in ast.walk(L.stmt.test):
        if isinstance(n, ast.Attribute) and n.attr == "shape" and isinstance(n.value, ast.Name):
            v = L.local.get(n.value.id)
            if type(v) is not tuple and type(L.args.get(n.value.id)) is np.ndarray and not L.assignments(n.value.id):
                v = tuple(L.args[n.value.id].shape)
            if type(v) is tuple and (n.value.id, v) not in shapes:
                shapes.append((n.value.id, v))
    if not shapes:
        return None
    from .operands import dims, shape_words

    sizes = dims(L.spec, L.case)
    said = "; ".join(f"{n}.shape is {shape_words(v, sizes)}" for n, v in shapes)
    outside = sorted({n.id for n in ast.walk(L.stmt.test) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
                      and n.id not in L.args and not L.assignments(n.id) and n.id not in ("np", "numpy", "len")
                      and not hasattr(builtins, n.id)})
    glob = (f" {', '.join(outside)} {'is' if len(outside) == 1 else 'are'} not a variable of your function (a global "
            f"from another cell), so the assert does not test this call's arrays." if outside else
            " Either the array it tests or the shape written in it is not what you meant.")
    return "assert_failed", (f"Your own assert `{L.text(L.stmt.test)}` is false on this case, where {said}.{glob}")


# ---- a name the function never made -----------------------------------------------------------------

_NUMPY_OPTIONS = {"keepdims": "keepdims=True", "axis": "axis=1", "dtype": "dtype=float", "out": "out=..."}


def _undefined_name(L):
    """NameError: a spelling of one of the function's own names (B for b), a numpy option written as
    a bare name (np.sum(dZ, keepdims)), or a lecture size never computed (m, L). Names of the
    exercises are left to the checks of a missing helper."""
    from .specs import SPECS

    found = re.match(r"name '(\w+)' is not defined", L.message)
    if L.err.exc_type != "NameError" or found is None or L.stmt is None or L.fn is None:
        return None
    x = found.group(1)
    if x in SPECS or L.assignments(x):
        return None
    own = list(L.spec.arg_names) + sorted({n.id for n in ast.walk(L.fn) if isinstance(n, ast.Name)
                                          and isinstance(n.ctx, ast.Store)})
    same = [n for n in own if n.lower() == x.lower() and n != x]
    if same:
        where = "an argument of your function" if same[0] in L.spec.arg_names else "a variable your function makes"
        return "undefined_name", (f"Your line uses {x}, a name your function never makes: {same[0]} is {where}, and "
                                  f"names are case-sensitive ({x} is not {same[0]}).")
    if x in _NUMPY_OPTIONS:
        calls = [n for n in L.nodes() if isinstance(n, ast.Call) and _np_call(n)
                 and any(isinstance(a, ast.Name) and a.id == x for a in n.args)]
        if len(calls) == 1:
            c = calls[0]
            return "undefined_name", (f"`{L.text(c)}` passes {x} as a bare name, a variable your code never made: {x} "
                                      f"is an option of np.{_np_call(c)}, written with its value, {_NUMPY_OPTIONS[x]}.")
    columns = next((n for n in ("A_prev", "dZ", "Y", "AL", "X", "dA", "Z") if n in own), None)
    sizes = {"m": f"m = {columns}.shape[1] (the number of columns, one per example)" if columns else None,
             "L": "L = len(caches)" if "caches" in L.spec.arg_names
             else "L = len(parameters) // 2" if "parameters" in L.spec.arg_names else None}
    if sizes.get(x):
        return "undefined_name", (f"Your function uses {x} but never computes it (a value from another cell is not "
                                  f"there when the checkpoint calls it): {sizes[x]}.")
    if x in ("true", "false", "none", "TRUE", "FALSE"):
        return "undefined_name", (f"Your line uses {x}, which Python does not know: it writes {x.capitalize()} with a "
                                  f"capital letter.")
    import difflib

    close = difflib.get_close_matches(x, own, n=1, cutoff=0.8)
    args = ", ".join(L.spec.arg_names)
    if close:
        where = "an argument of your function" if close[0] in L.spec.arg_names else "a variable your function makes"
        return "undefined_name", (f"Your line uses {x}, a name your function never makes; {close[0]}, {where}, is "
                                  f"spelt otherwise.")
    return "undefined_name", (f"Your line uses {x}, which is not an argument of your function ({args}) and which "
                              f"your function never assigns: a function gets every value from its arguments or "
                              f"computes it.")


# ---- an attribute or an index of the wrong kind of object ----------------------------------------------

def _dict_operand(L):
    """parameters - learning_rate * grads: a whole dict in arithmetic."""
    found = re.search(r"unsupported operand type\(s\) for (\S+?): '(\w+)' and '(\w+)'", L.message)
    if found is None or "dict" not in (found.group(2), found.group(3)) or L.stmt is None:
        return None
    dicts = sorted({n.id for n in L.nodes() if isinstance(n, ast.Name) and (
        type(L.args.get(n.id)) is dict and not L.assignments(n.id) or L.recorded(n.id)[0]
        and type(L.recorded(n.id)[1]) is dict)})
    if not dicts:
        return None
    names = " and ".join(dicts)
    return "wrong_kind", (f"Your line does arithmetic on {names}, which {'is a dict' if len(dicts) == 1 else 'are dicts'}: "
                          f"a dict holds one array per key and cannot be added to, subtracted from or multiplied. "
                          f"Work key by key, for l = 1..L: parameters[\"W\" + str(l)] - learning_rate * grads[\"dW\" + str(l)], "
                          f"and the same for b.")


def _wrong_kind(L):
    """A dict read with a dot, an array given .append, a list or a tuple asked for .shape, a number indexed."""
    found = _dict_operand(L)
    if found is not None:
        return found
    msg = L.message
    found = re.search(r"'([\w.]+)' object has no attribute '(\w+)'", msg) or \
        re.search(r"'(int|float|numpy.float64)' object is not subscriptable", msg)
    if found is None or L.stmt is None or found.group(1) in ("NoneType",):
        return None
    kind = found.group(1)
    attr = found.group(2) if found.re.groups == 2 else None
    if attr is None:   # a number indexed
        subs = [n for n in L.nodes() if isinstance(n, ast.Subscript) and isinstance(n.value, ast.Name)
                and type(L.local.get(n.value.id)) is int]
        if len(subs) != 1:
            return None
        n = subs[0]
        return "wrong_kind", (f"`{L.text(n)}` indexes {n.value.id}, which is a whole number ({n.value.id} = "
                              f"{L.local[n.value.id]}): a number has no entries to index.")
    nodes = [n for n in L.nodes() if isinstance(n, ast.Attribute) and n.attr == attr]
    if len(nodes) != 1:
        return None
    n = nodes[0]
    base = L.text(n.value)
    if kind == "dict":
        key = f'"{attr}"' if re.fullmatch(r"d?[AWbZ]\d+", attr) else None
        if key:
            return "wrong_kind", (f"`{L.text(n)}` reads {attr} as an attribute, but {base} is a dict: its values "
                                  f"are read by key, {base}[{key}].")
        return None
    if kind == "numpy.ndarray" and attr in ("append", "extend"):
        return "wrong_kind", (f"`{L.text(n)}`: {base} is an array, and arrays have no .{attr} (they keep their "
                              f"shape); a list does: start it as {base} = [] and append to it.")
    if kind in ("list", "tuple") and attr in ("shape", "T", "reshape", "dot", "sum", "ndim"):
        arg = isinstance(n.value, ast.Name) and n.value.id in L.args and not L.assignments(n.value.id)
        holds = f", {HOLDS[n.value.id]}" if arg and n.value.id in HOLDS else ""
        if kind == "tuple" and not arg:
            return None   # a helper's tuple: _tuple_value says where it came from
        fix = (f"len({base}) counts its items" if attr == "shape" and kind == "list" else
               f"its arrays are {base}[0], {base}[1], ..." if kind == "tuple" else "np.array(...) makes an array of it")
        return "wrong_kind", (f"`{L.text(n)}`: {base} is a {kind}{holds}, not an array, so it has no .{attr}: {fix}.")
    if kind in ("int", "float") and attr in ("shape", "T"):
        return "wrong_kind", (f"`{L.text(n)}`: {base} is one number (a {kind}), not an array, so it has no .{attr}.")
    return None


# ---- a KeyError of a dict the learner's code builds ----------------------------------------------

def _key_form(node):
    """(prefix, number expression or None) of a key written as "W" + str(l), f"W{l}", "W1" or "W" + "1"."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        found = re.fullmatch(r"([A-Za-z_]+)(\d*)", node.value)
        return (found.group(1), ast.Constant(int(found.group(2))) if found.group(2) else None) if found else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and isinstance(node.left, ast.Constant) \
            and isinstance(node.left.value, str):
        right = node.right
        if isinstance(right, ast.Call) and _callee(right) == "str" and len(right.args) == 1:
            return node.left.value, right.args[0]
        return node.left.value, right
    if isinstance(node, ast.JoinedStr) and len(node.values) == 2 and isinstance(node.values[0], ast.Constant) \
            and isinstance(node.values[1], ast.FormattedValue):
        return node.values[0].value, node.values[1].value
    return None


def _key_error(L):
    """Why the learner's own dict (one their function fills: grads, parameters, caches by key) has no
    such key: stored under another spelling, stored only after this line, or under other numbers.
    Returns ("raised_KeyError", text) in the plain-fact id's format, or None (causes.key_cause and
    the spec's own hints speak for the exercise's argument dicts)."""
    from . import causes

    key = causes.key_of(L.message)
    if type(key) is not str or L.stmt is None or L.fn is None:
        return None
    if causes.key_cause(L.message, L.spec.arg_names, L.case.args):
        return None
    asked = [n for n in L.nodes() if isinstance(n, ast.Subscript) and isinstance(n.value, ast.Name)
             and isinstance(n.ctx, ast.Load) and _key_form(n.slice) is not None]
    ints = {k: v for k, v in L.local.items() if type(v) is int}
    picks = []
    for n in asked:
        prefix, expr = _key_form(n.slice)
        number = _safe_int(expr, ints) if expr is not None else None
        if f"{prefix}{'' if number is None else number}" == key or number is None and key.startswith(prefix):
            picks.append((n, prefix, expr))
    if len(picks) != 1:
        return None
    node, prefix, expr = picks[0]
    D = node.value.id
    failing = L._failing_node()
    stores = []
    for n in ast.walk(L.fn):
        targets = n.targets if isinstance(n, ast.Assign) else [n.target] if isinstance(n, ast.AugAssign) else []
        for t in targets:
            for e in (t.elts if isinstance(t, (ast.Tuple, ast.List)) else [t]):
                if isinstance(e, ast.Subscript) and isinstance(e.value, ast.Name) and e.value.id == D:
                    form = _key_form(e.slice)
                    if form is not None:
                        stores.append((n, form))
    if not stores:
        return _key_past_layers(L, key, D)
    at = ", ".join(f"{k} = {v}" for k, v in ints.items() if expr is not None and k in
                   {d.id for d in ast.walk(expr) if isinstance(d, ast.Name)})
    at = f" (at {at})" if at else ""
    asked_text = L.text(node.slice)
    same = [(n, f) for n, f in stores if f[0] == prefix]
    spelled = [(n, f) for n, f in stores if f[0] != prefix and f[0].lower() == prefix.lower()]
    if spelled and not same:
        n, f = spelled[0]
        why = (f"Your code stores the {f[0]}... keys of {D} as {ast.unparse(_slice_of(n, D))} ({L.at(n)}) and asks "
               f"for {asked_text} = {key!r}{at}: keys are case-sensitive, {f[0]!r} is not {prefix!r}")
    elif same:
        later = [(n, f) for n, f in same if failing is not None and n.lineno > failing.lineno]
        if later and len(later) == len(same):
            n, f = later[0]
            why = (f"Your code stores {D}'s {prefix}... keys only at {L.at(n)} (`{L.source_line(n)}`), after this line: "
                   f"{key!r}{at} is read before any line has stored it; a value must be stored before it is read back")
        else:
            n, f = same[0]
            number = _safe_int(f[1], ints) if f[1] is not None else None
            made = f", which{at} gives {prefix}{number}" if number is not None and at else ""
            why = (f"Your code stores {D}'s {prefix}... keys as {ast.unparse(_slice_of(n, D))} ({L.at(n)}){made}, and "
                   f"this line asks for {asked_text} = {key!r}{at}: the two numberings differ, so the key asked for "
                   f"is not (yet) stored (layers are numbered 1..L)")
    else:
        kinds = sorted({f[0] for _, f in stores})
        why = (f"Your code never stores a {prefix}... key in {D}: the keys it stores start with "
               f"{', '.join(repr(k) for k in kinds)}")
    where = f" at line {L.err.lineno}" if L.err.lineno else ""
    return "raised_KeyError", (f"{why}. Your code raised KeyError{where}: "
                               f"{causes.key_error_fact(L.err, L.spec.arg_names, L.case.args)}")


def _key_past_layers(L, key, D):
    """A layer key numbered outside 1..L, L known from the case's arguments (layer_dims, caches,
    parameters), of a dict the function did not fill itself (parameters = initialize_parameters(...))."""
    found = re.fullmatch(r"(d?[AWbZ])(\d+)", key)
    if found is None:
        return None
    args = L.args
    if type(args.get("layer_dims")) in (list, tuple):
        n_layers = len(args["layer_dims"]) - 1
    elif type(args.get("caches")) is list:
        n_layers = len(args["caches"])
    elif type(args.get("parameters")) is dict:
        n_layers = sum(1 for k in args["parameters"] if re.fullmatch(r"W\d+", str(k)))
    else:
        return None
    p, num = found.group(1), int(found.group(2))
    low = 0 if p.startswith("dA") else 1
    if low <= num <= n_layers:
        return None
    where = f" at line {L.err.lineno}" if L.err.lineno else ""
    first = f"{p}{low}"
    return "raised_KeyError", (f"There is no {key} in {D}: this network has L = {n_layers} layers, so its keys run "
                               f"{first}..{p}{n_layers} (layers are numbered 1..L). Your code raised KeyError{where}: "
                               f"{key!r}, a layer number {'past L' if num > n_layers else 'below 1'}.")


def _slice_of(stmt, D):
    for n in ast.walk(stmt):
        if isinstance(n, ast.Subscript) and isinstance(n.value, ast.Name) and n.value.id == D \
                and isinstance(n.ctx, ast.Store):
            return n.slice
    return stmt


# ---- the learner's function itself returned None --------------------------------------------------------

def _always_returns(body) -> bool:
    """True if every path through ``body`` ends in a return (or a raise)."""
    if not body:
        return False
    last = body[-1]
    if isinstance(last, (ast.Return, ast.Raise)):
        return True
    if isinstance(last, ast.If):
        return _always_returns(last.body) and _always_returns(last.orelse)
    if isinstance(last, (ast.With, ast.Try)):
        return _always_returns(last.body)
    return False


def _own_returns(fn):
    """The return statements of ``fn`` itself (not of functions defined inside it)."""
    out, stack = [], list(fn.body)
    while stack:
        n = stack.pop()
        if isinstance(n, ast.Return):
            out.append(n)
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        stack.extend(ast.iter_child_nodes(n))
    return out


# what an exercise returns, where its graded parts are not its return values
RETURNS = {"initialize_parameters": "parameters", "model_backward": "grads", "update_parameters": "parameters"}


def returned_none(spec, source_text, cases):
    """A Finding for a function of the learner's that returned None on ``cases`` (its output was None),
    when its source shows why: no return at all, or a path that reaches the end without one (for the
    case's string arguments, e.g. activation = 'sigmoid'). None when the source does not show it
    (a return of a value that happened to be None is not claimed). Never raises."""
    try:
        return _returned_none(spec, source_text, cases)
    except Exception:   # noqa: BLE001 - a best effort: the comparison's own line stays the report
        return None


def _returned_none(spec, source_text, cases):
    from .causes import _tree
    from .result import Finding

    fn = _tree(source_text)
    if fn is None or not cases:
        return None
    returns = _own_returns(fn)
    valued = [r for r in returns if r.value is not None and not (isinstance(r.value, ast.Constant) and r.value.value is None)]
    parts = RETURNS.get(spec.name, ", ".join(spec.parts))
    names = parts.split(", ")
    stores = {}
    for n in ast.walk(fn):
        if isinstance(n, ast.Assign):
            for t in n.targets:
                for e in (t.elts if isinstance(t, (ast.Tuple, ast.List)) else [t]):
                    if isinstance(e, ast.Name) and e.id in names:
                        stores[e.id] = n
    made = [p for p in names if p in stores]
    def quoted(node):
        return (ast.get_source_segment(source_text, node) or ast.unparse(node)).split("\n")[0].strip()
    computed = (f" It computes {', '.join(made)} (`{quoted(stores[made[0]])}`) but never gives "
                f"{'them' if len(made) > 1 else 'it'} back." if made else "")
    if not valued:
        return Finding(f"{spec.name}.no_return",
                       f"Your {spec.name} has no return with a value, so it returns None: a function gives back only "
                       f"what a `return` statement names. End it with return {parts}.{computed}", [])
    if _always_returns(fn.body):
        return None   # every path returns something: a returned value was None (not claimed)
    args = dict(zip(spec.arg_names, cases[0].args))
    given = [f"{k} = {v!r}" for k, v in args.items() if isinstance(v, str)]
    for_what = f" for {', '.join(given)}" if given else " on this case"
    yours = "; ".join(f"`{quoted(r)}`" for r in valued[:2])
    return Finding(f"{spec.name}.no_return",
                   f"Your {spec.name} returned None{for_what}: that call reached the end of the function without "
                   f"a return (your {yours} {'is' if len(valued) == 1 else 'are'} on another path). Every path "
                   f"must end with return {parts}.", [])


# ---- diag14: what the learner passed, names reused, the notebook's conventions --------------------

# what each exercise returns, in order (its ``parts`` are how the checkpoint grades it, not always this)
OUTPUTS = {"linear_forward": ("Z", "linear_cache"), "sigmoid": ("A",), "relu": ("A",),
           "linear_activation_forward": ("A", "cache"), "model_forward": ("AL", "caches"), "compute_cost": ("cost",),
           "linear_backward": ("dA_prev", "dW", "db"), "relu_backward": ("dZ",), "sigmoid_backward": ("dZ",),
           "linear_activation_backward": ("dA_prev", "dW", "db"), "model_backward": ("grads",),
           "update_parameters": ("parameters",), "initialize_parameters": ("parameters",)}
# an output or an argument in the lecture's words
WORDS = {"Z": "Z[l]", "linear_cache": "linear_cache = (A_prev, W, b)", "A": "A[l]", "cache": "the cache (linear_cache, Z)",
         "AL": "A[L]", "caches": "the list of caches", "cost": "the cost J (one number)", "dA_prev": "dA[l-1]",
         "dW": "dW[l]", "db": "db[l]", "dZ": "dZ[l]", "grads": "the grads dict", "parameters": "the parameters dict",
         "dA": "dA[l]", "A_prev": "A[l-1]", "W": "W[l]", "b": "b[l]", "Y": "the labels Y"}
SLOPES = {"sigmoid": "s (1 - s) with s = sigmoid(Z)", "relu": "1 where Z > 0, else 0 (the mask Z > 0)"}


def _fn_text(L, node) -> str:
    """The learner's text of a node of their function (not of the failing line)."""
    return ast.get_source_segment(L.fn_src, node) or ast.unparse(node)


def _fits(out, param) -> bool:
    """True if a helper's output ``out`` is what an argument named ``param`` takes (dA_prev for dA, A for AL)."""
    from .causes import _role

    return out == param or _role(out) is not None and _role(out) == _role(param)


def _key_text(L, node, ints):
    """'dA1' for grads["dA" + str(l)] with l = 2 ... (the key a subscript asks for), or None."""
    form = _key_form(node.slice) if isinstance(node, ast.Subscript) else None
    if form is None:
        return None
    prefix, expr = form
    number = _safe_int(expr, ints) if expr is not None else None
    return prefix if expr is None else None if number is None else f"{prefix}{number}"


def _stores_before(L, target, ints):
    """[(statement, position in its tuple target or None, value node)] of the learner's function that
    store ``target`` (a name, or a dict key such as grads["dA1"]) before the failing line, in source order."""
    failing = L._failing_node()
    if L.fn is None or failing is None:
        return []
    want_name = target.id if isinstance(target, ast.Name) else None
    want_key = None
    if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name):
        want_key = (target.value.id, _key_text(L, target, ints))
        if want_key[1] is None:
            return []
    out = []
    for n in ast.walk(L.fn):
        if not isinstance(n, ast.Assign) or n.lineno >= failing.lineno or len(n.targets) != 1:
            continue
        t = n.targets[0]
        elts = t.elts if isinstance(t, (ast.Tuple, ast.List)) else [t]
        for i, e in enumerate(elts):
            hit = isinstance(e, ast.Name) and e.id == want_name if want_name else \
                isinstance(e, ast.Subscript) and isinstance(e.value, ast.Name) and e.value.id == want_key[0] \
                and _key_text(L, e, ints) == want_key[1]
            if hit:
                out.append((n, i if len(elts) > 1 or isinstance(t, (ast.Tuple, ast.List)) else None, n.value))
    return sorted(out, key=lambda p: (p[0].lineno, p[0].col_offset))


def _passed_value(L):
    """A dlkit block refused an argument ('model_backward: AL must be 2-D ...') and the learner's code
    shows what that argument holds: a helper's other output (its results unpacked in another order),
    a name reused for another value (AL = compute_cost(AL, Y)), or another lecture quantity of the case
    (linear_cache where Z belongs). Says "the <param> you passed is <what>: <cause>"."""
    from . import operands
    from .specs import SPECS

    said = re.match(r"(\w+): (\w+)\b", L.message)
    if said is None or said.group(1) not in SPECS or said.group(1) == L.spec.name or L.stmt is None:
        return None
    helper, param = said.group(1), said.group(2)
    params = SPECS[helper].arg_names
    if param not in params:
        return None
    calls = [n for n in L.nodes() if isinstance(n, ast.Call) and _callee(n) == helper]
    if len(calls) != 1:
        return None
    c, pos = calls[0], params.index(param)
    node = c.args[pos] if pos < len(c.args) else next((k.value for k in c.keywords if k.arg == param), None)
    if node is None or not isinstance(node, (ast.Name, ast.Subscript)):
        return None
    text = L.text(node)
    ok, value = L.recorded(text)
    ints = {k: v for k, v in L.local.items() if type(v) is int}
    key = _key_text(L, node, ints) if isinstance(node, ast.Subscript) else None
    # the value held against the case's lecture quantities (the recording, the notebook's kernel only)
    named = None
    if ok and type(value) in (np.ndarray, tuple, list):
        try:
            with np.errstate(all="ignore"):
                named = operands.name(value, operands.pool(L.spec, L.case), L.case.info.get("m"), search=False)
        except Exception:   # noqa: BLE001 - naming the value is a best effort
            named = None
    if named is not None and named.family is not None and _fits(named.family, param):
        return None   # the value is what the argument takes: its shape is refused for another reason
    held = f"`{text}`" + (f" ({L.text(node.value)}[{key!r}])" if key and key != text else "")
    kind = ("a number" if ok and type(value) in (int, float, np.float64, np.float32) else
            _kind(value) if ok and type(value) is not np.ndarray else f"shape {tuple(value.shape)}" if ok else "")
    need = WORDS.get(param, param)
    stores = _stores_before(L, node, ints)
    if stores:
        stmt, i, v = stores[-1]
        src = L.source_line(stmt)
        fn = _callee(v) if isinstance(v, ast.Call) else None
        outs = OUTPUTS.get(fn)
        if outs and (i is None and len(outs) == 1 or i is not None and len(stmt.targets[0].elts) == len(outs)):
            out = outs[0 if i is None else i]
            agrees = named is None or named.family is None or _fits(named.family, out)   # the value says so too
            if agrees and not _fits(out, param):
                is_what = named.label if named is not None else WORDS.get(out, out)
                lead = (f"The {param} you passed to {helper}, {held}, is {fn}'s {out}, {is_what}: "
                        f"{kind or 'a value'} where {need} belongs")
                if i is not None:
                    names = [_fn_text(L, e) for e in stmt.targets[0].elts]
                    return "passed_value", (
                        f"{lead}. {L.at(stmt).capitalize()} (`{src}`) unpacks {fn}'s results into "
                        f"({', '.join(names)}), but {fn} returns ({', '.join(outs)}) in this order, so each name "
                        f"holds another output than the one it says. Unpack them in {fn}'s order.")
                earlier = [s for s in L.assignments(node.id) if s[0].lineno < stmt.lineno] \
                    if isinstance(node, ast.Name) else []
                before = (f" and the {WORDS.get(param, param)} that {text} held before "
                          f"({L.at(earlier[-1][0])}, `{L.source_line(earlier[-1][0])}`) is gone") if earlier else ""
                return "passed_value", (
                    f"{lead}. {L.at(stmt).capitalize()} (`{src}`) reuses the name {text} for {fn}'s {out}{before}. "
                    f"Give {WORDS.get(out, out).split(' (')[0]} a name of its own ({out} = {_fn_text(L, v)}) and keep "
                    f"{text} for {need}.")
    if named is None or named.family is None or " " in named.label and named.family not in ("cache", "linear_cache"):
        return None
    read = _read_from_dict(L, stores[-1], value) if stores and ok else ""
    if read:
        return "passed_value", (f"The {param} you passed to {helper}, {held}, is {named.label} ({kind}), where "
                                f"{need} belongs: {read}.")
    failing = L._failing_node()
    own = next((a for a in L.assignments(param) if failing is not None and a[0].lineno < failing.lineno), None)
    yours = (f" Your own {param} ({L.at(own[0])}, `{L.source_line(own[0])}`) is the one to pass." if own
             and param != text else "")
    if param == "Z" and named.family == "linear_cache":   # diagB: the cache's other part said by name
        yours = f" The linear cache (A[l-1], W[l], b[l]) went where the activation cache Z belongs (cache[1]).{yours}"
    return "passed_value", (f"The {param} you passed to {helper}, {held}, is {named.label} ({kind}), where "
                            f"{need} belongs.{yours}")


def _read_from_dict(L, store, value) -> str:
    """'line 5 (`W, b = ...`) reads it as parameters[keys[2 * l + 1]], which here is parameters['W2']' when
    the store takes the value from an argument dict under a computed key, or ''."""
    from .operands import _equal

    stmt, i, v = store
    if i is not None and isinstance(v, (ast.Tuple, ast.List)) and len(v.elts) > i:
        v = v.elts[i]
    if not (isinstance(v, ast.Subscript) and isinstance(v.value, ast.Name) and type(L.args.get(v.value.id)) is dict):
        return ""
    D = v.value.id
    keys = [k for k, x in L.args[D].items() if _equal(value, x)]
    if len(keys) != 1 or isinstance(v.slice, ast.Constant):
        return ""
    said = (f"{L.at(stmt)} (`{L.source_line(stmt)}`) reads it as {D}[{_fn_text(L, v.slice)}], which here is "
            f"{D}[{keys[0]!r}]")
    base = v.slice.value if isinstance(v.slice, ast.Subscript) and isinstance(v.slice.value, ast.Name) else None
    made = [(st, x) for st, x in L.assignments(base.id)] if base is not None else []
    if made and isinstance(made[-1][1], ast.Call) and _callee(made[-1][1]) in ("sorted", "list") and \
            made[-1][1].args and isinstance(made[-1][1].args[0], ast.Name) and made[-1][1].args[0].id == D:
        order = list(L.args[D])
        order = sorted(order) if _callee(made[-1][1]) == "sorted" else order
        said += (f"; `{L.source_line(made[-1][0])}` puts the keys in the order {order}, not one layer's "
                 f"W and b after the other")
    return said + f". Read each layer's arrays by their keys, {D}[\"W\" + str(l)] and {D}[\"b\" + str(l)]" \
        if D == "parameters" else said


def _own_empty_dict(L):
    """KeyError on a dict the learner's function made empty itself (updated = {}) and then reads or
    changes by key (updated["W1"] -= ...): nothing was stored under that key yet."""
    from . import causes

    key = causes.key_of(L.message)
    if L.err.exc_type != "KeyError" or type(key) is not str or L.stmt is None or L.fn is None:
        return None
    ints = {k: v for k, v in L.local.items() if type(v) is int}
    subs = [n for n in L.nodes() if isinstance(n, ast.Subscript) and isinstance(n.value, ast.Name)
            and _key_text(L, n, ints) == key]
    if isinstance(L.stmt, ast.AugAssign):
        aug = [n for n in subs if n is L.stmt.target]
        subs = aug or [n for n in subs if isinstance(n.ctx, ast.Load)]
    else:
        subs = [n for n in subs if isinstance(n.ctx, ast.Load)]
    if len(subs) != 1:
        return None
    D = subs[0].value.id
    if D in L.spec.arg_names:
        return None
    made = [(s, v) for s, v in L.assignments(D) if isinstance(v, ast.Dict) and not v.keys
            or isinstance(v, ast.Call) and _callee(v) == "dict" and not v.args and not v.keywords]
    failing = L._failing_node()
    if not made or failing is None or made[-1][0].lineno > failing.lineno:
        return None
    last = [st for st, _ in L.assignments(D) if st.lineno <= failing.lineno and st is not failing]
    if not last or last[-1] is not made[-1][0]:
        return None   # D was made something else after it was made empty
    if any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and isinstance(n.func.value, ast.Name)
           and n.func.value.id == D and n.func.attr in ("update", "setdefault", "fromkeys") for n in ast.walk(L.fn)):
        return None   # filled by a method call: not empty
    stores = [n for n in ast.walk(L.fn) for t in (n.targets if isinstance(n, ast.Assign) else [])
              for e in (t.elts if isinstance(t, (ast.Tuple, ast.List)) else [t])
              if isinstance(e, ast.Subscript) and isinstance(e.value, ast.Name) and e.value.id == D]
    if stores:
        return None   # the dict is filled somewhere (before or after this line): _key_error says where
    holders = [n for n, v in L.args.items() if type(v) is dict and key in v]
    start = f"{holders[0]}[{L.text(subs[0].slice)}]" if holders else None
    whose = f"{holders[0]}'" if holders and holders[0].endswith("s") else f"{holders[0]}'s" if holders else ""
    doing = ("changes it in place (`" + L.text(L.stmt.target) + f" {_OPS.get(type(L.stmt.op), '?')}= ...`), "
             "which first reads the value stored there") if isinstance(L.stmt, ast.AugAssign) else "reads it"
    fix = (f"start from {whose} values: {L.text(subs[0])} = {start} "
           f"{_OPS.get(type(L.stmt.op), '-') if isinstance(L.stmt, ast.AugAssign) else '-'} ... "
           f"(or make {D} a copy of {whose} arrays first)" if holders else
           f"store {L.text(subs[0])} = ... before reading it")
    return "own_dict_empty", (f"{D} is the empty dict of {L.at(made[-1][0])} (`{L.source_line(made[-1][0])}`), and "
                              f"nothing is stored in it before this line: your line asks it for {key!r} and "
                              f"{doing}, so there is nothing to {'subtract from' if isinstance(L.stmt, ast.AugAssign) and isinstance(L.stmt.op, ast.Sub) else 'read'} "
                              f"(KeyError). {fix[0].upper()}{fix[1:]}.")


def _str_called(L, c, f, inner):
    """`activation(Z)` with activation a string: the string names the function, it is not the function."""
    ok, value = L.recorded(f)
    value = value if ok else L.args.get(f)
    names = [n for n in ("relu", "sigmoid") if not L.spec.name.startswith(n)]
    backward = "dA" in L.spec.arg_names or L.spec.name == "model_backward"
    fns = [f"{n}_backward" if backward else n for n in names]
    shown = f"the string {value!r}" if type(value) is str else "a string"
    args = inner or ("dA, Z" if backward else "Z")
    if type(value) is str and value in names or f == "activation":
        choose = " and ".join(f"{g}({args}) when {f} == {n!r}" for g, n in zip(fns, names))
        return "str_called", (f"`{L.text(c)}` calls {f}, which is {shown}: a string names the function to use but "
                              f"is not the function, and a string cannot be called. Choose the function by the "
                              f"string: call {choose}.")
    return "str_called", (f"`{L.text(c)}` calls {f}, which is {shown} (text), not a function: a string cannot be "
                          f"called.")


_CONTAINER_PARAMS = ("cache", "linear_cache", "activation_cache", "caches", "parameters", "grads")


def _renamed_parameter(L):
    """The learner's function names a parameter as another convention does (the Coursera notebook's
    relu_backward(dA, cache)) and treats it as that: here it receives the exercise's argument (Z)."""
    if L.fn is None or L.stmt is None or not isinstance(L.fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return None
    mine = [a.arg for a in L.fn.args.args]
    spec_names = L.spec.arg_names
    if len(mine) != len(spec_names):
        return None
    for i, (p, q) in enumerate(zip(mine, spec_names)):
        if p == q or p not in _CONTAINER_PARAMS or q in _CONTAINER_PARAMS:
            continue
        value = L.case.args[i]
        if type(value) is not np.ndarray:
            continue
        if L.assignments(p):
            continue   # the learner made it something else first
        used = [n for n in L.nodes() if isinstance(n, ast.Subscript) and isinstance(n.value, ast.Name) and n.value.id == p]
        unpacks = isinstance(L.stmt, ast.Assign) and isinstance(L.stmt.targets[0], (ast.Tuple, ast.List)) \
            and isinstance(L.stmt.value, ast.Name) and L.stmt.value.id == p
        if not used and not unpacks:
            continue
        sig = f"{L.spec.name}({', '.join(spec_names)})"
        what = WORDS.get(q, q)
        doing = (f"`{L.text(used[0])}` is then a row of {q} ({q} has {value.shape[0]} row(s)), not a part of a cache"
                 if used else f"unpacking it splits {q} into its rows, not a cache into its parts")
        return "parameter_renamed", (f"Your {L.spec.name} takes ({', '.join(mine)}), and its {p} is {q} itself here, an "
                                     f"array {tuple(value.shape)}: the notebook's {sig} is given {what}, not a "
                                     f"{p} (the Coursera version's {L.spec.name}(dA, cache) takes the activation "
                                     f"cache). {doing[0].upper()}{doing[1:]}. Use {q} as it is given.")
    return None


def _numerical_derivative(L):
    """np.gradient / np.diff used as 'the derivative' of the activation: a difference between
    neighbouring entries (examples), not the slope g'(Z); for m = 1 np.gradient raises."""
    if L.spec.name not in ("relu_backward", "sigmoid_backward", "linear_activation_backward", "model_backward"):
        return None   # only where a slope g'(Z) belongs
    calls = [n for n in L.nodes() if isinstance(n, ast.Call) and _np_call(n) in ("gradient", "diff")]
    text = L.text
    if not calls:   # a name on the line made by np.gradient / np.diff on an earlier line of the function
        for name in {n.id for n in L.nodes() if isinstance(n, ast.Name)}:
            for stmt, v in L.assignments(name):
                calls += [n for n in ast.walk(v) if isinstance(n, ast.Call) and _np_call(n) in ("gradient", "diff")] \
                    if v is not None else []
        text = lambda node: _fn_text(L, node)   # noqa: E731
    if len(calls) != 1:
        return None
    c = calls[0]
    act = "sigmoid" if "sigmoid" in L.spec.name else "relu" if "relu" in L.spec.name else None
    slope = f" The slope is g'(Z) = {SLOPES[act]}, entry by entry." if act else \
        " The slope is g'(Z[l]): s (1 - s) for the sigmoid, (Z > 0) for ReLU, entry by entry."
    m = "m = 1 (one example) leaves nothing to take a difference with, hence the error; " \
        if "too small" in L.message or "at least" in L.message else ""
    return "numerical_derivative", (f"`{text(c)}` takes differences between neighbouring entries of the array "
                                    f"({'along axis ' + text(c.keywords[0].value) if c.keywords else 'along each axis' if _np_call(c) == 'gradient' else 'along the last axis, the columns'}: "
                                    f"neighbouring examples), not the slope of the activation at each Z: {m}the "
                                    f"examples are independent, so a difference between them means nothing here."
                                    f"{slope}")


def _forward_for_slope(L):
    """A forward activation (relu, sigmoid: one argument Z) called with the backward step's arguments
    (dA, Z), e.g. through globals()[activation]: that is the function, not its slope."""
    said = _COUNT.match(L.message)
    if said is None or L.stmt is None or said.group(1) not in ("relu", "sigmoid") or int(said.group(3)) != 1:
        return None
    if not ("dA" in L.spec.arg_names or L.spec.name == "model_backward"):
        return None
    fname = said.group(1)
    calls = [n for n in L.nodes() if isinstance(n, ast.Call) and len(n.args) == int(said.group(4))
             and (_callee(n) == fname or isinstance(n.func, ast.Subscript))]
    if len(calls) != 1:
        return None
    c = calls[0]
    looked = isinstance(c.func, ast.Subscript)
    how = (f" {L.text(c.func)} looks up the function named by the string itself, the forward one; the slope's "
           f"function is {fname}_backward (the name + \"_backward\")" if looked else "")
    return "forward_for_slope", (f"`{L.text(c)}` calls {fname}, the forward function (A = {fname}(Z), one argument), "
                                 f"with the backward step's arguments: that is the forward function {fname}, not its "
                                 f"slope.{how}. The backward step is dZ = {fname}_backward(dA, Z) = dA * g'(Z), with "
                                 f"g'(Z) = {SLOPES[fname]}.")


# ---- the order: most specific first ----------------------------------------------------------------

EARLY = (_own_empty_dict, _passed_value, _renamed_parameter, _numerical_derivative, _forward_for_slope,
         _key_error, _undefined_name, _none_value, _tuple_value, _wrong_kind, _not_callable, _call_arguments, _append_args, _assert_failed, _unpack_count, _numpy_arguments, _array_to_number,
         _float_index, _str_concat)
from .unbound import read_before_set as _read_before_set  # noqa: E402 - diagB: a name read before it is set
EARLY += (_read_before_set,)
from .cacheitems import wrong_item as _cache_item_wrong  # noqa: E402 - diagB: a cache item from the wrong place
EARLY += (_cache_item_wrong,)
from .pylevel import unset_on_branch as _unset_on_branch  # noqa: E402 - W2b: assigned only on a branch that did not run
EARLY += (_unset_on_branch,)
from .subscripts import index_past_axis as _index_past_axis, slice_assignment as _slice_assignment  # noqa: E402
from .matprod import square_from_product as _square_from_product  # noqa: E402
EARLY += (_index_past_axis, _slice_assignment, _square_from_product)   # crashes2: a subscript said by the axes its indices run over
LATE = (_index_range, _helper_check)   # after operands.py: an L that is not the number of layers says more


def explain(spec, err, case, late=False):
    """(suffix, hint) naming what the learner's line did, for a Python or numpy exception, or None;
    ``late`` tries the rules that come after :mod:`operands` (EARLY before it)."""
    if err.kind != "exception" or not err.line or err.exc_type not in (
            "TypeError", "ValueError", "IndexError", "AttributeError", "UnboundLocalError", "AxisError", "KeyError",
            "AssertionError", "NameError"):
        return None
    L = _Line(spec, err, case)
    for rule in (LATE if late else EARLY):
        try:
            found = rule(L)
        except Exception:   # noqa: BLE001 - a best effort: numpy's message stays the report
            found = None
        if found is not None:
            return found
    return None


__all__ = ["explain", "returned_none", "NONE_METHODS"]
