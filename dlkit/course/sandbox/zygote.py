"""The life cycle: a zygote per judge, a child per submission, and nothing left behind.

The judge starts a *zygote* with :class:`Zygote`: a fresh Python (an exec, not
a fork of the judge, so no secret is in its memory) started through
``boot.py``, which loads only this package and ``dlkit/checks/plain.py``,
never dlkit's core. The zygote pre-imports numpy and the standard modules
learner code uses (``PRELOAD``), installs the dlkit stand-ins
(``proxies.py``), sets up its namespaces once (``isolation.py``) and then
forks one locked-down *child* per submission (~5 ms, numpy already loaded).

Nothing outlives the grader: a zygote exits when its judge's control socket
closes (the judge died or is done), or when the grader's *lifeline* pipe
closes (the main process died: its write end was the only one), and kills
its children first; each child
and the pid namespace's reaper have ``PR_SET_PDEATHSIG`` = SIGKILL; the judge
kills a child through a pidfd, so never a reused pid.
"""
from __future__ import annotations

import json
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

from .isolation import Isolation, Limits, bwrap_command, isolate_zygote
from .protocol import ProtocolError, recv_msg, send_msg

# Modules loaded in the zygote before any child starts (see zygote_main).
PRELOAD = ("encodings.idna", "math", "cmath", "random", "copy", "functools", "itertools", "collections",
           "typing", "dataclasses", "time", "warnings", "numbers", "operator", "statistics", "traceback",
           "numpy", "numpy.random", "numpy.linalg", "numpy.fft", "numpy.ma")
HERE = os.path.dirname(os.path.abspath(__file__))
DLKIT_DIR = os.path.dirname(os.path.dirname(HERE))  # the dlkit package itself: always hidden from children


def zygote_main(fd: int, config: dict) -> None:
    """The zygote's body (called by boot.py). Exits when the judge closes the control socket."""
    # (No PDEATHSIG here: it would fire when the *thread* that started us exits, e.g. in Dask;
    # the control socket's EOF is the signal, and the children have PDEATHSIG on us.)
    from . import child, proxies

    ctl = socket.socket(fileno=fd)
    import importlib

    for mod in PRELOAD:
        try:
            importlib.import_module(mod)
        except ImportError:
            pass
    proxies.install_stand_ins()
    iso = isolate_zygote(config.get("hide", []), config.get("method", "auto"), config.get("lifeline"))
    # Isolated, each child mounts its own empty /tmp and works there (isolation.private_scratch).
    # Without isolation (--no-isolation) it gets a fresh folder in the host's /tmp, removed when it
    # is reaped; but the host's /tmp itself is shared then (see docs/grading.md).
    base = None
    if iso.method == "none":
        base = tempfile.mkdtemp(prefix="dlkit-sandbox-")
        os.chmod(base, 0o711)
    ctl.sendall((json.dumps({"isolation": iso.__dict__}) + "\n").encode())
    running = {}  # pid -> folder of children not yet reaped
    lifeline = config.get("lifeline")
    watch = [ctl] if lifeline is None else [ctl, lifeline]
    while True:
        try:
            ready, _, _ = select.select(watch, [], [])
            if lifeline in ready:  # the grader's main process is gone: so is this batch, now
                _kill_all(running, wait=False)  # (the folders are on this namespace's own /tmp)
                os._exit(0)
            data, fds, _, _ = socket.recv_fds(ctl, 1 << 16, 1)
        except OSError:
            break
        if not data:
            break
        req = json.loads(data)
        _reap(running)
        if req.get("op") == "stats":  # CPU used by all children so far (for benchmarks)
            import resource

            use = resource.getrusage(resource.RUSAGE_CHILDREN)
            ctl.sendall(json.dumps({"cpu": use.ru_utime + use.ru_stime}).encode())
            continue
        workdir = tempfile.mkdtemp(dir=base) if base is not None else None
        child_sock = socket.socket(fileno=fds[0])
        pid = os.fork()
        if pid == 0:
            ctl.close()
            child.child_main(child_sock, workdir, req["limits"], req.get("graded", []), iso)
        child_sock.close()
        running[pid] = workdir or ""
        pidfd = os.pidfd_open(pid)  # valid until we reap it, so the judge never kills a reused pid
        socket.send_fds(ctl, [json.dumps({"pid": pid}).encode()], [pidfd])
        os.close(pidfd)
    _kill_all(running, wait=True)
    if base is not None:
        shutil.rmtree(base, ignore_errors=True)


def _kill_all(running, wait):
    """SIGKILL the children, then the pid namespace's init; ``wait``: reap them here, so none
    waits for another process (the machine's init) to collect it."""
    from .isolation import REAPER

    pids = [p for p in [*running, REAPER["pid"]] if p is not None]
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    for pid in pids if wait else ():
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass


def _reap(running: dict) -> None:
    """Collect finished children and remove their folders."""
    while running:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if pid == 0:
            break
        folder = running.pop(pid, "")
        if folder:
            shutil.rmtree(folder, ignore_errors=True)


class Zygote:
    """Parent-side handle on one zygote process (one per judge process)."""

    def __init__(self, hide=(), method: str = "auto", lifeline: int | None = None):
        """Start a zygote; ``hide`` lists folders and files its children must not see.

        ``method``: "auto" (root's namespaces, else an unprivileged user namespace, else bwrap),
        "bwrap" (always through bwrap) or "none" (no isolation: ``--no-isolation``).
        ``lifeline``: the read end of a pipe whose write end only the grader's main process
        holds; the zygote kills its children and exits when it closes.
        """
        self.lifeline = lifeline
        if method not in ("auto", "bwrap", "none"):
            raise ValueError(f"Zygote: method must be 'auto', 'bwrap' or 'none', got {method!r}")
        hide = [os.path.abspath(os.fspath(h)) for h in hide]
        if method != "none" and DLKIT_DIR not in hide:
            hide.append(DLKIT_DIR)
        self.hide = hide
        if method == "bwrap":
            self._start(hide, "bwrap")
        else:
            self._start(hide, method)
            if method == "auto" and self.isolation.method == "none" and bwrap_command() is not None:
                notes = list(self.isolation.notes)
                self.close()
                self._start(hide, "bwrap")  # the kernel refused our own user namespace: bwrap may still get one
                self.isolation.notes = notes + self.isolation.notes

    def _start(self, hide, method):
        prefix = []
        if method == "bwrap":
            prefix = bwrap_command()
            if prefix is None:
                raise RuntimeError("the sandbox needs bwrap (Debian: apt-get install bubblewrap), which is not installed")
        parent_end, child_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1",
               "MKL_NUM_THREADS": "1", "LANG": "C.UTF-8"}
        config = json.dumps({"hide": hide, "method": method, "lifeline": self.lifeline})
        keep = [child_end.fileno()] + ([self.lifeline] if self.lifeline is not None else [])
        self.proc = subprocess.Popen(
            [*prefix, sys.executable, "-I", "-B", os.path.join(HERE, "boot.py"), str(child_end.fileno()), config],
            pass_fds=keep, env=env, cwd="/", stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE if os.environ.get("DLKIT_SANDBOX_DEBUG") else subprocess.DEVNULL,
        )
        child_end.close()
        self.ctl = parent_end
        line = b""
        while not line.endswith(b"\n"):
            chunk = self.ctl.recv(1 << 16)
            if not chunk:
                raise RuntimeError("the sandbox zygote failed to start (set DLKIT_SANDBOX_DEBUG=1 to see why)")
            line += chunk
        self.isolation = Isolation(**json.loads(line)["isolation"])

    def spawn(self, limits: Limits, graded=()) -> "Child":
        """Fork a locked-down child; ``graded`` are the exercises whose dlkit stand-ins count as delegation."""
        mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        req = json.dumps({"limits": limits.as_dict(), "graded": list(graded)}).encode()
        socket.send_fds(self.ctl, [req], [theirs.fileno()])
        theirs.close()
        data, fds, _, _ = socket.recv_fds(self.ctl, 1 << 16, 1)
        if not data:
            raise RuntimeError("the sandbox zygote died")
        return Child(mine, fds[0] if fds else None, json.loads(data)["pid"], limits)

    def children_cpu(self) -> float:
        """CPU seconds used by this zygote's finished children (learner code and its set-up)."""
        self.ctl.sendall(json.dumps({"op": "stats"}).encode())
        data = self.ctl.recv(1 << 16)
        if not data:
            raise RuntimeError("the sandbox zygote died")
        return float(json.loads(data)["cpu"])

    def close(self):
        try:
            self.ctl.close()
        finally:
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class ChildGone(Exception):
    """The child died (crash, os._exit, killed by a limit) or sent garbage."""


class Child:
    """One sandboxed child serving one submission."""

    def __init__(self, sock, pidfd, pid, limits):
        self.sock, self.pidfd, self.pid, self.limits = sock, pidfd, pid, limits
        self.alive = pidfd is not None

    def request(self, header: dict, arrays=(), timeout: float | None = None, on_proxy=None):
        """Send a request and wait for the reply (TimeoutError after ``timeout`` seconds).

        While waiting, ``proxy`` requests of the child are answered by ``on_proxy(header, arrays)
        -> (header, arrays)``; without it every proxy request is refused.
        """
        if not self.alive:
            raise ChildGone("the child is not running")
        deadline = None if timeout is None else time.monotonic() + timeout
        try:
            send_msg(self.sock, header, arrays)
            while True:
                reply = recv_msg(self.sock, deadline, self.limits.max_message, copy=False)
                if reply[0].get("op") != "proxy":
                    break
                if on_proxy is None:
                    answer = ({"error": {"exc_type": "ProxyRefused", "message": "no dlkit function is available here"}}, [])
                else:
                    answer = on_proxy(*reply)
                send_msg(self.sock, *answer)
        except TimeoutError:
            self.kill()
            raise
        except (EOFError, OSError) as exc:
            self.kill()
            raise ChildGone(f"the process running the code stopped ({type(exc).__name__})") from None
        except ProtocolError as exc:
            self.kill()
            raise ChildGone(str(exc)) from None
        if "fatal" in reply[0]:  # the child's own machinery failed (learner broke it)
            self.kill()
            raise ChildGone(f"the process running the code failed: {str(reply[0]['fatal'])[-300:]}")
        return reply

    def kill(self):
        if self.pidfd is not None:
            try:
                signal.pidfd_send_signal(self.pidfd, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.close(self.pidfd)
            self.pidfd = None
        self.alive = False
        self.sock.close()

    def close(self):
        """Ask the child to exit, then make sure it has."""
        if self.alive:
            try:
                send_msg(self.sock, {"op": "exit"})
            except OSError:
                pass
        self.kill()
