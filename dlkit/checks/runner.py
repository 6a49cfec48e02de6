"""Running learner code inside the learner's own kernel: ``check(name, fn)``.

The spec (see :mod:`dlkit.checks.spec`) never calls learner code directly: it
asks a *call* function, ``call(fn_name, args) -> (output, args_after)``. Here
that function runs in the notebook's kernel; the batch grader provides one
that runs in a sandboxed child process. Either way the spec only ever sees
plain data (:func:`dlkit.checks.plain.plain`) or a :class:`LearnerError`.
"""
from __future__ import annotations

import contextlib
import io
import os
import signal
import threading
import time
import traceback
import warnings

import numpy as np

from .plain import LearnerError, plain, same

_DLKIT_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep
_LIBRARY_DIRS = (
    _DLKIT_DIR,
    os.path.dirname(os.path.abspath(np.__file__)) + os.sep,
    os.path.dirname(os.path.abspath(os.__file__)) + os.sep,
)


class _TimeLimit(BaseException):
    """Raised by SIGALRM inside learner code; a BaseException so `except Exception` can't swallow it."""


def _is_learner_frame(filename: str) -> bool:
    if filename.startswith("<"):      # exec'd code, an interactive cell; not <frozen importlib...>
        return not filename.startswith("<frozen")
    if not os.path.isabs(filename):   # compiled modules report relative paths, e.g. numpy/random/mtrand.pyx
        return False
    path = filename
    if path.startswith(_LIBRARY_DIRS):
        return False
    return "site-packages" not in path and "dist-packages" not in path


def learner_frame(exc: BaseException):
    """(lineno, source line, function name) of the deepest traceback frame that is the learner's own code."""
    found = (None, None, None)
    for frame, lineno in traceback.walk_tb(exc.__traceback__):
        if _is_learner_frame(frame.f_code.co_filename):
            found = (lineno, frame.f_code.co_filename, frame.f_code.co_name)
    lineno, filename, func = found
    if lineno is None:
        return None, None, None
    import linecache  # IPython registers each cell's source with linecache

    line = linecache.getline(filename, lineno).strip() or None
    return lineno, line, func


def learner_locals(exc: BaseException) -> dict:
    """The shapes of the arrays (and the whole numbers, e.g. a loop's l) local to the deepest learner frame."""
    found = {}
    for frame, _ in traceback.walk_tb(exc.__traceback__):
        if _is_learner_frame(frame.f_code.co_filename):
            found = frame.f_locals
    out = {}
    for name, value in list(found.items())[:50]:
        if type(value) is np.ndarray:
            out[name] = tuple(int(n) for n in value.shape)
        elif type(value) is int:
            out[name] = value
    return out


def learner_operands(exc: BaseException, line):
    """The failing line's operands, evaluated again in the deepest learner frame (:func:`replay.record`),
    or None. Only for an exception whose message may be about shapes or arguments (not a NameError)."""
    if not line or type(exc).__name__ not in ("ValueError", "TypeError", "IndexError", "KeyError", "AttributeError"):
        return None
    frame = None
    for f, _ in traceback.walk_tb(exc.__traceback__):
        if _is_learner_frame(f.f_code.co_filename):
            frame = f
    if frame is None:
        return None
    from .replay import record

    try:
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return record(line, frame.f_locals, frame.f_globals, str(exc).strip())
    except Exception:   # noqa: BLE001 - a best effort: the learner's own error is the finding
        return None


def learner_line(exc: BaseException):
    """(lineno, source line) of the deepest traceback frame that is the learner's own code."""
    return learner_frame(exc)[:2]


@contextlib.contextmanager
def _time_limit(seconds: float):
    """Interrupt the block after ``seconds`` with SIGALRM (main thread only, where signals arrive)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def on_alarm(signum, frame):
        raise _TimeLimit()

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 1e-3))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


class KernelCall:
    """``call(fn_name, args)`` for functions living in the learner's kernel.

    ``fn_name`` is the exercise itself (``fn``) or another exercise that the
    learner's function calls by global name, found in ``fn.__globals__`` the
    way Python itself would find it in a notebook. All calls of one check share
    one time budget of ``time_limit`` seconds.
    """

    def __init__(self, name: str, fn, time_limit: float, substitutes=None):
        self.name = name
        self.fn = fn
        self.namespace = getattr(fn, "__globals__", None) or {}
        self.time_limit = float(time_limit)
        self.deadline = time.monotonic() + self.time_limit
        # error carried forward: notebook names bound to dlkit's function during each call
        self.substitutes = dict(substitutes or {})

    def _lookup(self, fn_name: str):
        if fn_name == self.name:
            return self.fn
        found = self.namespace.get(fn_name)
        if found is None or not callable(found):
            raise LearnerError("exception", "NameError", f"name '{fn_name}' is not defined")
        return found

    def leftover_finding(self, spec):
        """A Finding when the learner's function reads a global left over from a demo cell, else None."""
        from . import leftovers
        from .result import Finding

        found = leftovers.leftover_globals(self.fn)
        if not found:
            return None
        return Finding(f"{spec.name}.reads_global", leftovers.finding_text(spec, self.fn, found))

    def learner_source(self, fn_name: str):
        """(source text, its first line number) of the learner's function ``fn_name``, or None."""
        if fn_name != self.name:
            return None
        if not hasattr(self, "_source"):
            from .source import learner_source

            text = learner_source(self.fn)
            code = getattr(self.fn, "__code__", None)
            self._source = (text, code.co_firstlineno if code is not None else 1) if text else None
        return self._source

    @contextlib.contextmanager
    def _substituted(self):
        """The notebook names of ``substitutes`` bound to dlkit's functions for the block."""
        if not self.substitutes:
            yield
            return
        missing = object()
        saved = {n: self.namespace.get(n, missing) for n in self.substitutes}
        self.namespace.update(self.substitutes)
        try:
            yield
        finally:  # the learner's own names come back, whatever happened
            for n, v in saved.items():
                if v is missing:
                    self.namespace.pop(n, None)
                else:
                    self.namespace[n] = v

    def __call__(self, fn_name: str, args: tuple):
        with self._substituted():
            return self._call(fn_name, args)

    def _call(self, fn_name: str, args: tuple):
        fn = self._lookup(fn_name)
        args = plain(tuple(args))  # a private copy: the learner may change it
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise LearnerError("timeout", "TimeLimit", f"stopped after {self.time_limit:g} s")
        try:
            # Learner prints and numpy warnings would flood the cell's output (and any
            # stderr output costs an nbgrader grade cell its points).
            with _time_limit(remaining), quiet():
                output = fn(*args)
        except _TimeLimit:
            raise LearnerError("timeout", "TimeLimit", f"stopped after {self.time_limit:g} s") from None
        except NotImplementedError as exc:
            # The message names the function that is not implemented: it may be a helper.
            lineno, line, func = learner_frame(exc)
            raise LearnerError("not_implemented", "NotImplementedError", func or fn_name, lineno, line) from None
        except RecursionError as exc:
            lineno, line = learner_line(exc)
            raise LearnerError("exception", "RecursionError", "maximum recursion depth exceeded", lineno, line) from None
        except (Exception, SystemExit) as exc:   # exit() in learner code must not end the check
            lineno, line = learner_line(exc)
            err = LearnerError("exception", type(exc).__name__, str(exc).strip(), lineno, line, learner_locals(exc))
            err.operands = learner_operands(exc, line)
            raise err from None
        return plain(output), plain(args)

    def calls(self, fn_name: str, args: tuple, watch: tuple, partial: bool = False):
        """(output, log) of one more run of ``fn_name`` on ``args`` with the notebook names in
        ``watch`` (the blocks a composite calls by global name) wrapped so that every call is noted:
        log = [(name, {argument name -> plain copy}, plain copy of the result)] in the order they ran,
        arguments named by dlkit's own block of that name (the lecture's names); only the calls the
        function makes itself (a block the learner wrote may call others: those are not noted). The wrapped blocks
        run unchanged and return what they return; the names are restored afterwards. None when
        the run raises or runs out of time; with ``partial``, (None, the calls noted before it stopped)."""
        import inspect

        import dlkit

        log, saved, missing, depth = [], {}, object(), [0]
        self.failed_call = None   # (name, arguments) of the composite's own call that raised, if one did

        def wrapped(name, block):
            model = getattr(dlkit, name, block)
            try:
                signature = inspect.signature(model)
            except (TypeError, ValueError):
                signature = None

            def noted(*a, **k):
                try:
                    bound = signature.bind(*a, **k) if signature is not None else None
                    if bound is not None:
                        bound.apply_defaults()
                    given = dict(bound.arguments) if bound is not None else dict(enumerate(a), **k)
                except TypeError:
                    given = dict(enumerate(a), **k)
                given = {n: plain(v) for n, v in given.items() if n != "kwargs"}
                depth[0] += 1
                try:
                    result = block(*a, **k)
                except BaseException:   # W2c: the composite's own call that raised (helperargs.py)
                    if depth[0] == 1 and self.failed_call is None:
                        self.failed_call = (name, given)
                    raise
                finally:
                    depth[0] -= 1
                if depth[0] == 0 and len(log) < 500:   # the composite's own calls, not those its blocks make
                    log.append((name, given, plain(result)))
                return result
            return noted

        with self._substituted():
            for name in watch:
                block = self.namespace.get(name, missing)
                if block is not missing and callable(block):
                    saved[name] = block
                    self.namespace[name] = wrapped(name, block)
            try:
                output, _ = self._call(fn_name, args)
            except LearnerError:
                return (None, log) if partial else None
            finally:
                self.namespace.update(saved)
        return output, log

    def trace(self, fn_name: str, args: tuple):
        """The learner's lines on ``args`` (:func:`dlkit.checks.trace.record`): a list of
        :class:`~dlkit.checks.trace.Step` (plain data), or None when the function cannot be
        traced (it raised, ran out of time, or gave another output than untraced)."""
        with self._substituted():
            return self._trace(fn_name, args)

    def _trace(self, fn_name: str, args: tuple):
        from .trace import record

        try:
            untraced, _ = self._call(fn_name, args)
        except LearnerError:
            return None
        fn = self._lookup(fn_name)
        args = plain(tuple(args))
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            return None
        try:
            with _time_limit(remaining), quiet():
                output, rec = record(fn, args, is_learner=_is_learner_frame)
        except (_TimeLimit, Exception, SystemExit):
            return None
        if not same(plain(output), untraced):   # the trace changed something (or the function is random)
            return None
        return rec.steps


def _helper_result(name, fn, time_limit, seed, helpers):
    """A helper's own check in the learner's kernel (its own time budget), or why it cannot run."""
    from .specs import SPECS

    helper = (getattr(fn, "__globals__", None) or {}).get(name)
    if helper is None or not callable(helper):
        return "missing"
    return SPECS[name].run(helpers.timed(name, KernelCall(name, helper, time_limit)), seed=seed, localise=False)


def check(name: str, fn, *, time_limit: float = 10.0, seed=None, carry_forward: bool = True):
    """Run the checkpoint of exercise ``name`` on the learner's function ``fn``.

    Returns a :class:`~dlkit.checks.result.CheckResult`; ending a notebook cell
    with ``check("linear_forward", linear_forward)`` shows its report. Never
    raises because of the learner's code: crashes, ``NotImplementedError`` and
    endless loops (stopped after ``time_limit`` seconds) are findings.
    ``seed`` (an int) adds the hidden cases ``dlkit grade`` adds with the same
    seed (used by nbgrader grade cells, :mod:`dlkit.checks.nbgrader`).
    With ``carry_forward`` (the default) a composite that fails only because a helper it
    calls fails is judged again with dlkit's helper and keeps the points it earns then
    (:mod:`dlkit.checks.carry`); each helper's check has its own ``time_limit``.
    """
    import dlkit

    from . import carry
    from .specs import SPECS

    if name not in SPECS:
        raise ValueError(f"check: unknown exercise {name!r}; choose one of {sorted(SPECS)}")
    if not callable(fn):
        raise TypeError(f"check: fn must be your function {name}, got {type(fn).__name__}")
    if isinstance(time_limit, bool) or not isinstance(time_limit, (int, float)) or not time_limit > 0:
        raise ValueError(f"check: time_limit must be a number of seconds greater than zero, got {time_limit!r}")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
        raise TypeError(f"check: seed must be a whole number or None, got {seed!r}")
    if not isinstance(carry_forward, bool):
        raise TypeError(f"check: carry_forward must be True or False, got {carry_forward!r}")
    spec = SPECS[name]

    def regrade(failing):
        substitutes = {h: getattr(dlkit, h) for h in failing}
        return spec.run(KernelCall(name, fn, time_limit, substitutes), seed=seed, localise=False)

    # The diagnosis runs the learner's code again (variants, traced runs) outside the case runs' own
    # silencing: what it prints or warns must not reach the cell either (nbgrader gives a grade cell
    # with stderr output 0 points).
    with quiet():
        helpers = carry.HelperResults(lambda h: _helper_result(h, fn, time_limit, seed, helpers), budget=time_limit)
        first = carry.run_spec(spec, KernelCall(name, fn, time_limit), seed=seed, helper_results=helpers)
        return carry.judge(spec, first, helpers=helpers, regrade=regrade, enabled=carry_forward)


@contextlib.contextmanager
def quiet():
    """The learner's prints (stdout, stderr), warnings and numpy's floating-point warnings, swallowed."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()), \
            warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        yield
