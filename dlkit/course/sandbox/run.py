"""One submission on the judge's side: a child that serves every call, charged to its exercise."""
from __future__ import annotations

import time

import numpy as np

from dlkit.checks.plain import LearnerError, Opaque

from .isolation import Limits
from .protocol import ProtocolError, decode, encode
from .proxies import ProxyTable
from .zygote import ChildGone, Zygote


def learner_error(kind: str, exc_type: str, message: str, lineno=None, line=None) -> Exception:
    return LearnerError(kind, exc_type, message, lineno, line)


class SubmissionRun:
    """Runs one submission's definitions in a child and provides ``call`` per exercise.

    Each exercise has its own wall-clock budget of ``timeout`` seconds and its
    own child: the first call of an exercise closes the previous exercise's
    child and forks a fresh one from the zygote with the definitions loaded
    again. So nothing one exercise's code did to its process (a timer or
    signal handler, a patched builtin or numpy function, a rebound global,
    the recursion limit, trace hooks, numpy's error state, random state,
    stdout, cwd, environment, warnings filters) is there when the next
    exercise runs, and a timeout or crash stops that exercise only.
    """

    def __init__(self, zygote: Zygote, segments, names, *, graded=(), timeout=10.0, limits: Limits | None = None,
                 proxies: ProxyTable | None = None):
        """``graded``: the exercises of the assignment; ``proxies``: the dlkit functions the judge answers."""
        self.zygote, self.segments, self.names = zygote, list(segments), list(names)
        self.graded, self.timeout = list(graded), float(timeout)
        self.limits = limits or Limits()
        self.proxies = proxies if proxies is not None else ProxyTable()
        self.child = None
        self.child_exercise = None  # the exercise the running child serves (a child never serves two)
        self.load_errors = []  # exceptions raised while defining (first load only)
        self.defined = {}  # name -> "function" | "proxy" | "reference" | "missing" | "not_callable"
        self.delegated = set()  # graded exercises that are dlkit's stand-in of the same name
        self.children_started = 0

    def _start(self, deadline, exercise=None):
        self.close()
        child = self.zygote.spawn(self.limits, self.graded)
        self.children_started += 1
        header, _ = child.request({"op": "load", "segments": self.segments, "names": self.names},
                                  timeout=max(deadline - time.monotonic(), 0.001))
        if not self.defined:
            errors = header.get("errors")
            self.load_errors = [e for e in errors if type(e) is dict] if type(errors) is list else []
            defined = header.get("defined")
            self.defined = {k: v for k, v in defined.items() if type(v) is str} if type(defined) is dict else {}
            self.delegated |= {k for k, v in self.defined.items() if v == "reference"}
        self.child, self.child_exercise = child, exercise

    def close(self):
        if self.child is not None:
            self.child.close()
            self.child = self.child_exercise = None

    def call_for(self, exercise: str):
        """A ``call(fn_name, args) -> (output, args_after)`` whose time is charged to ``exercise``."""
        deadline = time.monotonic() + self.timeout
        stopped = []  # the LearnerError that ended this exercise, re-raised for later calls

        def answer(header, arrays):
            return self.proxies.answer(exercise, header, arrays)

        def call(fn_name, args):
            if stopped:
                raise stopped[0]
            try:
                if self.child is None or self.child_exercise != exercise:
                    self._start(deadline, exercise)
                arrays = []
                tree = encode(args, arrays)
                header, blobs = self.child.request({"op": "call", "fn": str(fn_name), "args": tree}, arrays,
                                                   timeout=max(deadline - time.monotonic(), 0.001),
                                                   on_proxy=answer)
            except TimeoutError:
                self.child = None
                stopped.append(learner_error("timeout", "TimeLimit", f"stopped after {self.timeout:g} s"))
                raise stopped[0] from None
            except ChildGone as exc:
                self.child = None
                stopped.append(learner_error("exception", "Crash", str(exc)))
                raise stopped[0] from None
            error = header.get("error")
            if type(error) is dict:
                kind = error.get("kind") if error.get("kind") in ("exception", "not_implemented") else "exception"
                lineno = error.get("lineno") if type(error.get("lineno")) is int else None
                line = error.get("line") if type(error.get("line")) is str else None
                raise learner_error(kind, str(error.get("exc_type", "Error"))[:100],
                                    str(error.get("message", ""))[:500], lineno, line)
            try:
                output = _only_numbers(decode(header.get("output"), blobs))
                after = _only_numbers(decode(header.get("args_after"), blobs))
            except ProtocolError as exc:
                self.child.kill()
                self.child = None
                raise learner_error("exception", "BadOutput", str(exc)) from None
            return output, after

        def trace(fn_name, args):
            """The learner's lines on ``args`` (dlkit.checks.trace, recorded in the child), or None."""
            from dlkit.checks.trace import steps_from_plain

            if stopped or self.child is None or self.child_exercise != exercise:
                return None
            try:
                arrays = []
                tree = encode(args, arrays)
                header, blobs = self.child.request({"op": "trace", "fn": str(fn_name), "args": tree}, arrays,
                                                   timeout=max(deadline - time.monotonic(), 0.001),
                                                   on_proxy=answer)
                return steps_from_plain(_only_numbers(decode(header.get("steps"), blobs)))
            except (TimeoutError, ChildGone):
                # the graded calls have all been answered: a trace cut short only loses its finding
                self.child = None
                return None
            except ProtocolError:
                if self.child is not None:
                    self.child.kill()
                self.child = None
                return None

        call.trace = trace
        return call


def _only_numbers(value, depth=0):
    """Arrays that are not numbers (strings, records) become Opaque, like dlkit.checks.plain does."""
    t = type(value)
    if t is np.ndarray:
        if value.dtype.kind in "fiub" and value.dtype.fields is None:
            return value
        return Opaque("ndarray", f"array of dtype {value.dtype} and shape {tuple(value.shape)}")
    if t in (list, tuple):
        return t(_only_numbers(v, depth + 1) for v in value)
    if t is dict:
        return {k: _only_numbers(v, depth + 1) for k, v in value.items()}
    return value
