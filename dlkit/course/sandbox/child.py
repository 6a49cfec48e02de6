"""The child: one forked process per submission that runs the learner's code and answers requests.

Before a line of learner code runs, :func:`child_main` gives the child its own
empty /tmp, /var/tmp and /dev/shm (isolated; /tmp is its working folder), a clean environment, a capped stdout/stderr and the
limits and unprivileged identity of :func:`isolation.lock_down_child`. Then
:func:`serve` answers the judge: ``load`` (run the learner's definitions),
``call`` (one function with arguments; meanwhile the learner's code may ask
proxies, see ``proxies.py``) and ``exit``. Nothing of dlkit's reference is in
this process: ``import dlkit`` gives the stand-ins.
"""
from __future__ import annotations

import builtins
import io
import os
import signal
import socket
import sys
import tempfile

from dlkit.checks.plain import plain

from . import proxies
from .isolation import Isolation, libc, lock_down_child, private_scratch, _PR_SET_PDEATHSIG
from .protocol import decode, encode, recv_msg, send_msg


class _CappedSink(io.TextIOBase):
    """A stdout/stderr that keeps the first ``cap`` characters and drops the rest."""

    def __init__(self, cap):
        self.cap, self.parts, self.size = cap, [], 0

    def write(self, s):
        if type(s) is not str:
            s = str(s)
        if self.size < self.cap:
            self.parts.append(s[: self.cap - self.size])
        self.size += len(s)
        return len(s)

    def writable(self):
        return True


def _where(exc, sources):
    """(lineno, line, function name) of the deepest traceback frame inside the learner's cells."""
    lineno = line = name = None
    try:
        tb = exc.__traceback__
        while tb is not None:
            code = tb.tb_frame.f_code
            if code.co_filename in sources:
                lineno, name = tb.tb_lineno, code.co_name
                lines = sources[code.co_filename].splitlines()
                line = lines[lineno - 1].strip() if 0 < lineno <= len(lines) else None
            tb = tb.tb_next
    except BaseException:  # noqa: BLE001 (a hostile traceback must not stop the report)
        pass
    return lineno, line, name


def _describe_exc(exc, sources):
    kind = "not_implemented" if isinstance(exc, NotImplementedError) else "exception"
    try:
        message = str(exc)[:500]
    except BaseException:
        message = "?"
    lineno, line, function = _where(exc, sources)
    if kind == "not_implemented":
        message = function or message
    return {"kind": kind, "exc_type": type(exc).__name__[:100], "message": message, "lineno": lineno, "line": line}


def _classify(obj, graded) -> str:
    """What a notebook name holds: its own function, a stand-in of dlkit's (a graded one: "reference")."""
    if obj is None:
        return "missing"
    name = proxies.is_proxy(obj)
    if name is not None:
        return "reference" if name in graded else "proxy"
    return "function" if callable(obj) else "not_callable"


def _process_state_resetter():
    """A function that puts back the process state learner code can leave armed or changed
    behind a call: interval timers (``alarm`` too) off, every signal's handler and the signal
    mask as they were, trace and profile hooks off, the recursion limit as it was.

    Everything it uses is bound now, before any learner code runs, so patching ``signal`` or
    ``sys`` cannot disarm it. (A fresh child per exercise, see run.py, already discards the
    rest; this covers what the definitions themselves, e.g. a default argument, left armed.)
    """
    import _signal  # the C functions: signal.signal's wrapper converts to and from enums, 10x the cost

    setitimer, set_handler, sigmask, settrace, setprofile, setrecursionlimit = (
        _signal.setitimer, _signal.signal, _signal.pthread_sigmask, sys.settrace, sys.setprofile, sys.setrecursionlimit)
    timers = (signal.ITIMER_REAL, signal.ITIMER_VIRTUAL, signal.ITIMER_PROF)
    handlers = {}
    for sig in _signal.valid_signals():
        try:
            handler = _signal.getsignal(sig)
        except (OSError, ValueError):
            continue
        if handler is not None:  # (None: set outside Python, cannot be restored from here)
            handlers[sig] = handler
    mask, limit = _signal.pthread_sigmask(signal.SIG_BLOCK, []), sys.getrecursionlimit()
    handlers = tuple(handlers.items())

    def reset():
        for which in timers:
            setitimer(which, 0)
        for sig, handler in handlers:
            try:
                set_handler(sig, handler)
            except (OSError, ValueError):
                pass
        sigmask(signal.SIG_SETMASK, mask)
        settrace(None)
        setprofile(None)
        setrecursionlimit(limit)

    return reset


def serve(sock, graded):
    """The child's request loop (learner code runs only in here)."""
    send, recv, enc, dec, to_plain = send_msg, recv_msg, encode, decode, plain  # bound before learner code can patch
    from dlkit.checks.plain import same
    from dlkit.checks.trace import record, steps_to_plain
    reset = _process_state_resetter()
    ns = {"__name__": "__main__", "__builtins__": builtins}
    sources = {}
    while True:
        try:
            header, arrays = recv(sock)
        except (EOFError, OSError):
            return
        op = header.get("op")
        if op == "exit":
            return
        if op == "load":
            errors = []
            for src, label in header["segments"]:
                filename = f"<{label}>"
                sources[filename] = src
                try:
                    exec(compile(src, filename, "exec"), ns)
                except BaseException as exc:  # noqa: BLE001 - learner code may raise anything
                    errors.append(_describe_exc(exc, sources))
            reset()
            defined = {name: _classify(ns.get(name), graded) for name in header.get("names", [])}
            send(sock, {"ok": True, "errors": errors, "defined": defined})
            continue
        if op == "trace":
            # the line tracer (dlkit.checks.trace) on one call: the steps go back as plain data, for
            # the judge to compare with its own quantities (no reference value is ever sent here)
            name = header["fn"]
            fn = ns.get(name)
            reply, out_arrays = {"steps": None}, []
            if callable(fn):
                reset()
                try:
                    untraced = to_plain(fn(*to_plain(dec(header["args"], arrays))))
                    reset()
                    out, rec = record(fn, to_plain(dec(header["args"], arrays)),
                                      is_learner=sources.__contains__, sources=sources)
                    reset()
                    if same(to_plain(out), untraced):
                        reply = {"steps": enc(steps_to_plain(rec.steps), out_arrays)}
                except BaseException:  # noqa: BLE001 - no trace, nothing else: the call's own reply said the rest
                    reset()
                    reply, out_arrays = {"steps": None}, []
            try:
                send(sock, reply, out_arrays)
            except (TypeError, ValueError):
                send(sock, {"steps": None})
            continue
        if op == "call":
            name = header["fn"]
            fn = ns.get(name)
            reply = {}
            out_arrays = []
            if not callable(fn):
                reply["error"] = {"kind": "exception", "exc_type": "NameError",
                                  "message": f"name '{name}' is not defined in the notebook", "lineno": None, "line": None}
            else:
                args = dec(header["args"], arrays)
                reset()  # before: nothing armed by the definitions or an earlier call fires in this one
                try:
                    out = fn(*args)
                    reset()  # after: nothing fires while the child waits for the next request
                    reply["output"] = enc(to_plain(out), out_arrays)
                    reply["args_after"] = enc(to_plain(args), out_arrays)
                except BaseException as exc:  # noqa: BLE001
                    reset()
                    out_arrays = []
                    reply = {"error": _describe_exc(exc, sources)}
            try:
                send(sock, reply, out_arrays)
            except (TypeError, ValueError) as exc:  # learner broke the encoder somehow
                send(sock, {"error": {"kind": "exception", "exc_type": "OutputError",
                                      "message": f"the output could not be sent: {exc}"[:300], "lineno": None, "line": None}})
            continue
        send(sock, {"error": {"kind": "exception", "exc_type": "ProtocolError", "message": f"unknown op {op!r}"}})


def child_main(sock: socket.socket, workdir, limits: dict, graded, iso: Isolation) -> None:
    """Runs in the freshly forked child: lock down, then serve. Never returns.

    ``workdir``: the folder the zygote made for this child without isolation; None when
    isolated: the child then mounts its own empty /tmp, /var/tmp and /dev/shm and works in /tmp.
    """
    code = 0
    try:
        libc().prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        os.setsid()
        if iso.method != "none":
            workdir = private_scratch()  # no writable path shared with any other child
        keep = sock.fileno()
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        out = os.open(os.path.join(workdir, "output.txt"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(out, 1)
        os.dup2(out, 2)
        os.closerange(3, keep)
        os.closerange(keep + 1, 65536)
        os.chdir(workdir)
        os.environ.clear()
        os.environ.update(HOME=workdir, TMPDIR=workdir, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1",
                          MKL_NUM_THREADS="1", PATH="/usr/bin:/bin", LANG="C.UTF-8")
        tempfile.tempdir = workdir
        lock_down_child(iso, workdir, limits)
        sys.stdout = sys.__stdout__ = _CappedSink(limits["output_chars"])
        sys.stderr = sys.__stderr__ = _CappedSink(limits["output_chars"])
        sys.stdin = None
        proxies._channel["sock"] = sock
        serve(sock, set(graded))
    except BaseException as exc:  # noqa: BLE001 - the child must never return into the zygote
        code = 3
        try:  # tell the parent why (it shows up as the crash message)
            import traceback
            text = "".join(traceback.format_exception(exc))[-2000:]
            send_msg(sock, {"fatal": text})
        except BaseException:  # noqa: BLE001
            pass
    os._exit(code)
