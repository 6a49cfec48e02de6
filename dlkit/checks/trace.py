"""A line tracer for learner code: the values each line of the learner's own function produced.

``record(fn, args)`` runs ``fn(*args)`` under ``sys.settrace`` with a local trace function
limited to the learner's own code objects (``runner._is_learner_frame``: a notebook cell or a
file outside dlkit, numpy, the standard library and site-packages), so dlkit's reference blocks
and numpy run untraced. After each line it notes the local variables that are numbers or
numeric numpy arrays and that the line gave a new value (a copy, so a later in-place change
cannot rewrite history). It never sees a reference value: the comparison with the lecture's
quantities is :mod:`dlkit.checks.firstwrong`'s, on the plain data returned here.

Safety: the learner's result is returned unchanged (the caller compares it with an untraced
run and drops the trace when they differ); tracing stops after a budget of line events,
snapshot bytes and seconds, the function then runs on untraced; loops record every pass up to
the budget (with the pass number), recursion and generators are traced frame by frame, an
exception ends the recording where it happened, and a learner who calls ``sys.settrace``
itself only cuts the recording short. The previous trace function is restored afterwards.
"""
from __future__ import annotations

import ast
import inspect
import sys
import textwrap
import time
from dataclasses import dataclass, field

import numpy as np

MAX_EVENTS = 2000          # line events recorded at most
MAX_BYTES = 50_000_000     # bytes of array copies at most
MAX_SECONDS = 0.5          # tracing stops after this long (the function runs on untraced)
MAX_ARRAY = 100_000        # larger arrays are not copied (a case's arrays are small)


@dataclass
class Step:
    """One executed learner line: what it read and the values it gave (plain data only)."""

    frame: int          # which call (0 = the exercise itself; recursion and helpers get their own)
    function: str
    lineno: int         # the line number in the learner's cell (or file)
    line: str           # its source text
    reads: tuple        # the names the line reads and does not assign
    values: dict        # name -> a copy of the value the line gave it
    visit: int = 1      # the how-manieth time this line ran in this call (loops)
    builds: tuple = ()  # the names the line builds on: changed in place (x[i] = ..., x += ...) or x = f(x)


@dataclass
class Recording:
    steps: list = field(default_factory=list)
    complete: bool = True    # False when a budget stopped the recording
    error: str | None = None  # the exception the traced call raised, if any


def _numeric(value):
    """A private copy of a number or numeric array, else None (other objects are not recorded)."""
    if type(value) in (int, float) or isinstance(value, (np.integer, np.floating)):
        return value.item() if isinstance(value, np.generic) else value
    if type(value) is np.ndarray and value.dtype.kind in "biuf" and value.size <= MAX_ARRAY:
        return value.copy()
    return None


def _changed(old, new) -> bool:
    if type(old) is not type(new):
        return True
    if type(new) is np.ndarray:
        return old.shape != new.shape or old.dtype != new.dtype or not np.array_equal(old, new, equal_nan=True)
    return not (old == new or (old != old and new != new))


_LINES_MEMO: dict = {}


def _in_place(node) -> set:
    """The names an assignment target changes in place: x[...] = and x.attr = (x itself stays)."""
    if isinstance(node, (ast.Subscript, ast.Attribute)):
        return _targets(node.value)
    if isinstance(node, (ast.Tuple, ast.List)):
        return set().union(*(_in_place(e) for e in node.elts)) if node.elts else set()
    return set()


def _targets(node) -> set:
    """The names an assignment target writes: x, x[...] and x.attr (a change in place writes x)."""
    out = set()
    for n in ast.walk(node):
        if isinstance(n, ast.Name):
            out.add(n.id)
    return out


def _function_source(code, sources):
    """The source of the function ``code`` runs: from ``sources`` (filename -> a cell's text, the
    sandbox's), else from linecache (IPython registers every cell there)."""
    text = sources.get(code.co_filename) if sources else None
    if text is None:
        return inspect.getsource(code)
    lines = text.splitlines(True)[code.co_firstlineno - 1:]
    return "".join(inspect.getblock(lines))


def line_names(code, sources=None) -> dict:
    """lineno -> (names read, names written, names built on) for each line of a learner
    function's source (memoised)."""
    # the code object itself (equal only for the same code): a cell run again under the same
    # file name with other code gets its own table
    key = (code, code.co_filename, code.co_firstlineno, id(sources) if sources else None)
    if key in _LINES_MEMO:
        return _LINES_MEMO[key]
    table: dict = {}
    try:
        source = textwrap.dedent(_function_source(code, sources))
        tree = ast.parse(source)
    except (OSError, TypeError, SyntaxError, IndentationError, IndexError):
        tree = None
    offset = code.co_firstlineno - 1
    compound = (ast.For, ast.AsyncFor, ast.While, ast.If, ast.With, ast.AsyncWith, ast.Try,
                ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)

    def add(first, last, reads, writes, in_place=frozenset()):
        for ln in range(first + offset, last + offset + 1):
            r, w, p = table.setdefault(ln, (set(), set(), set()))
            r |= reads
            w |= writes
            p |= in_place

    def loads(node) -> set:
        return {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)} \
            if node is not None else set()

    def visit(stmts):
        for s in stmts:
            if isinstance(s, compound):
                header_end = s.body[0].lineno - 1 if getattr(s, "body", None) else s.lineno
                header_end = max(header_end, s.lineno)
                if isinstance(s, (ast.For, ast.AsyncFor)):
                    add(s.lineno, header_end, loads(s.iter), _targets(s.target))
                elif isinstance(s, (ast.While, ast.If)):
                    add(s.lineno, header_end, loads(s.test), set())
                elif isinstance(s, (ast.With, ast.AsyncWith)):
                    add(s.lineno, header_end, set().union(*(loads(i.context_expr) for i in s.items)), set())
                if not isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) or s is tree.body[0]:
                    for part in ("body", "orelse", "finalbody"):
                        visit(getattr(s, part, []) or [])
                    for h in getattr(s, "handlers", []) or []:
                        visit(h.body)
                continue
            writes, in_place = set(), set()
            if isinstance(s, ast.Assign):
                for t in s.targets:
                    writes |= _targets(t)
                    in_place |= _in_place(t)
            elif isinstance(s, (ast.AugAssign, ast.AnnAssign)):
                writes |= _targets(s.target)
                in_place |= _targets(s.target) if isinstance(s, ast.AugAssign) else _in_place(s.target)
            if isinstance(s, ast.Assign):   # x = x / m builds on x
                in_place |= writes & loads(s.value)
            add(s.lineno, s.end_lineno or s.lineno, loads(s), writes, in_place)

    if tree is not None and tree.body:
        visit(tree.body)
    out = {ln: (tuple(sorted(r - w)), tuple(sorted(w)), tuple(sorted(p))) for ln, (r, w, p) in table.items()}
    if len(_LINES_MEMO) > 512:
        _LINES_MEMO.clear()
    _LINES_MEMO[key] = out
    return out


def record(fn, args, *, is_learner, sources=None, max_events=MAX_EVENTS, max_bytes=MAX_BYTES,
           max_seconds=MAX_SECONDS):
    """Run ``fn(*args)`` under the line tracer: ``(output, Recording)``.

    ``is_learner(filename)`` says whose code a frame runs; ``sources`` (filename -> text) gives
    the learner's cells where linecache does not know them (the sandbox). Exceptions from ``fn`` propagate
    (after the trace function is restored) with the recording so far on ``exc.recording``.
    """
    import linecache

    rec = Recording()
    frames: dict = {}            # frame -> [frame number, line being run, {name: copy}, visits, names]
    budget = {"events": 0, "bytes": 0, "stop": False}
    deadline = time.perf_counter() + max_seconds

    def stop():
        budget["stop"] = True
        rec.complete = False
        sys.settrace(None)

    def close_line(frame, st):
        """The line ``st[1]`` of ``frame`` has run: note the variables it gave a new value."""
        lineno, seen = st[1], st[2]
        if lineno is None:
            return
        values = {}
        for name, value in list(frame.f_locals.items())[:100]:
            copy = _numeric(value)
            if copy is None:
                continue
            if name not in seen or _changed(seen[name], copy):
                values[name] = copy
                seen[name] = copy
                budget["bytes"] += copy.nbytes if type(copy) is np.ndarray else 8
        reads, _, builds = st[4].get(lineno, ((), (), ()))
        st[3][lineno] = st[3].get(lineno, 0) + 1
        filename = frame.f_code.co_filename
        if sources and filename in sources:
            text = sources[filename].splitlines()
            line = text[lineno - 1].strip() if 0 < lineno <= len(text) else ""
        else:
            line = linecache.getline(filename, lineno).strip()
        rec.steps.append(Step(st[0], frame.f_code.co_name, lineno, line, reads, values, st[3][lineno], builds))
        budget["events"] += 1
        if budget["events"] >= max_events or budget["bytes"] >= max_bytes or time.perf_counter() > deadline:
            stop()

    def local(frame, event, arg):
        if budget["stop"]:
            return None
        st = frames.get(frame)
        if st is None:
            return None
        if event in ("line", "return"):
            close_line(frame, st)
            st[1] = frame.f_lineno if event == "line" else None
        return None if budget["stop"] else local

    def on_call(frame, event, arg):
        if budget["stop"] or event != "call" or not is_learner(frame.f_code.co_filename):
            return None
        if frame not in frames:   # a generator resumed keeps its number and what it has seen
            seen = {}
            for name, value in list(frame.f_locals.items())[:100]:   # the arguments: given, not computed
                copy = _numeric(value)
                if copy is not None:
                    seen[name] = copy
            frames[frame] = [len(frames), None, seen, {}, line_names(frame.f_code, sources)]
        return local

    previous = sys.gettrace()
    sys.settrace(on_call)
    try:
        output = fn(*args)
    except BaseException as exc:
        sys.settrace(previous)
        rec.error = type(exc).__name__
        try:
            exc.recording = rec
        except Exception:
            pass
        raise
    sys.settrace(previous)
    return output, rec


def steps_to_plain(steps) -> list:
    """The steps as plain data (dicts, lists, numbers, arrays) for the sandbox's wire protocol."""
    return [{"frame": s.frame, "function": s.function, "lineno": s.lineno, "line": s.line, "reads": list(s.reads),
             "values": dict(s.values), "visit": s.visit, "builds": list(s.builds)} for s in steps]


def steps_from_plain(data):
    """Steps back from plain data sent by an untrusted child: anything malformed gives None."""
    if type(data) is not list or len(data) > MAX_EVENTS:
        return None
    out = []
    for d in data:
        if type(d) is not dict:
            return None
        frame, function, lineno, line, reads, values, visit, builds = (
            d.get(k) for k in ("frame", "function", "lineno", "line", "reads", "values", "visit", "builds"))
        if not (type(frame) is int and type(function) is str and type(lineno) is int and type(line) is str
                and type(visit) is int and type(reads) is list and type(builds) is list and type(values) is dict):
            return None
        if not all(type(n) is str for n in reads + builds + list(values)):
            return None
        kept = {}
        for name, value in values.items():
            if type(value) in (int, float) or (type(value) is np.ndarray and value.dtype.kind in "biuf"
                                               and value.dtype.fields is None):
                kept[name[:100]] = value
        out.append(Step(frame, function[:100], lineno, line[:300], tuple(n[:100] for n in reads), kept, visit,
                        tuple(n[:100] for n in builds)))
    return out


__all__ = ["record", "steps_to_plain", "steps_from_plain", "Recording", "Step", "line_names",
           "MAX_EVENTS", "MAX_BYTES", "MAX_SECONDS"]
