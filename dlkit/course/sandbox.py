"""Run a learner's code in a child process with limits; talk to it in npy + JSON.

The judging process never runs learner code. It starts one *zygote* per
judge: a clean Python process that has imported numpy and dlkit (never any
learner code) and, when started as root, has moved itself into a new network
namespace (no network), a new mount namespace with private ``/tmp``,
``/var/tmp`` and ``/dev/shm`` and empty mounts over the folders to hide, and a
new pid namespace for its children. For each submission the zygote forks a *child*
(cheap: numpy is already loaded) that, before it runs a line of learner code:

* works in a fresh, empty temporary folder, with a clean environment;
* drops to uid/gid 65534 (nobody) when root, with no supplementary groups,
  ``no_new_privs`` and not dumpable (other children cannot ptrace it);
* gets ``RLIMIT_CPU``, ``RLIMIT_AS`` (memory), ``RLIMIT_NPROC`` = 0 (no fork,
  no threads), ``RLIMIT_FSIZE`` (file size), ``RLIMIT_NOFILE`` and no core;
* writes its stdout/stderr into a capped sink.

The child then serves requests over a socket: ``load`` (run the learner's
definitions), ``call`` (call one function with arguments) and ``exit``.
Every message is a JSON header followed by ``.npy`` blobs (numbers only; no
pickle anywhere), so the child can only hand back arrays, numbers, strings and
containers of them; anything else arrives as ``Opaque``. The parent applies a
wall-clock deadline to every request and kills the child with a pidfd (no pid
reuse race) when it is late.
"""
from __future__ import annotations

import builtins
import ctypes
import io
import json
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field

import numpy as np

from dlkit.checks import LearnerError, Opaque, plain

NOBODY = 65534
# Modules loaded in the zygote before any child starts (see _zygote_main).
PRELOAD = ("encodings.idna", "math", "cmath", "random", "copy", "functools", "itertools", "collections",
           "typing", "dataclasses", "time", "warnings", "numbers", "operator", "statistics",
           "numpy", "numpy.random", "numpy.linalg", "numpy.fft", "numpy.ma", "dlkit", "dlkit.checks")
MAX_HEADER = 8 << 20  # bytes of JSON in one message

# --------------------------------------------------------------------------
# Values that cross the process boundary


def learner_error(kind: str, exc_type: str, message: str, lineno=None, line=None) -> Exception:
    return LearnerError(kind, exc_type, message, lineno, line)


class ProtocolError(Exception):
    """The child sent something that is not a well-formed message."""


def encode(obj, arrays: list, depth: int = 0):
    """Plain data -> JSON-able tree; arrays are appended to ``arrays`` and referenced by index.

    Tuples, dicts and opaque values get one-key tags (``$t``, ``$d``, ``$o``),
    so a list, a tuple and a dict with odd keys survive the trip unchanged.
    """
    if depth > 64:
        raise ValueError("nested too deeply")
    t = type(obj)
    if obj is None or t is bool or t is int or t is str:
        return obj
    if t is float:
        # JSON has no NaN/inf; keep them exact with a tag
        return obj if np.isfinite(obj) else {"$f": repr(obj)}
    if t is np.ndarray:
        arrays.append(obj)
        return {"$nd": len(arrays) - 1}
    if t is list:
        return [encode(x, arrays, depth + 1) for x in obj]
    if t is tuple:
        return {"$t": [encode(x, arrays, depth + 1) for x in obj]}
    if t is dict:
        return {"$d": [[encode(k, arrays, depth + 1), encode(v, arrays, depth + 1)] for k, v in obj.items()]}
    if t is Opaque:
        return {"$o": [str(obj.type_name)[:200], str(obj.text)[:2000]]}
    raise TypeError(f"cannot send a {t.__name__}")


def decode(tree, arrays: list, depth: int = 0):
    """The inverse of :func:`encode`, strict: anything unexpected is a ProtocolError."""
    if depth > 64:
        raise ProtocolError("nested too deeply")
    t = type(tree)
    if tree is None or t in (bool, int, float, str):
        return tree
    if t is list:
        return [decode(x, arrays, depth + 1) for x in tree]
    if t is dict and len(tree) == 1:
        (tag, val), = tree.items()
        if tag == "$nd" and type(val) is int and 0 <= val < len(arrays):
            return arrays[val]
        if tag == "$f" and val in ("nan", "inf", "-inf"):
            return float(val)
        if tag == "$t" and type(val) is list:
            return tuple(decode(x, arrays, depth + 1) for x in val)
        if tag == "$d" and type(val) is list:
            out = {}
            for pair in val:
                if type(pair) is not list or len(pair) != 2:
                    raise ProtocolError("bad dict entry")
                key = decode(pair[0], arrays, depth + 1)
                try:
                    out[key] = decode(pair[1], arrays, depth + 1)
                except TypeError:  # unhashable key (a list): not plain data
                    raise ProtocolError("unhashable dict key") from None
            return out
        if tag == "$o" and type(val) is list and len(val) == 2 and all(type(v) is str for v in val):
            return Opaque(val[0], val[1])
    raise ProtocolError(f"unexpected value in message: {str(tree)[:80]}")


# Arrays travel as .npy (format 1.0) blobs. Only numeric dtypes are allowed, so the reader can
# parse the header with a strict pattern instead of numpy's literal_eval (5-10x faster per array,
# and an object/pickle dtype is refused before any byte of data is looked at).
_NPY_MAGIC = b"\x93NUMPY\x01\x00"
_NPY_HEADER = re.compile(
    r"\{'descr': '([<>|=][fiub](?:1|2|4|8|16))', 'fortran_order': (True|False), 'shape': \(((?:\d+, ?)*\d*)\), \} *\n"
)


def _array_bytes(arr: np.ndarray) -> bytes:
    if arr.dtype.kind not in "fiub" or arr.dtype.fields is not None:
        raise TypeError(f"only arrays of numbers are sent, not dtype {arr.dtype}")
    arr = arr if arr.flags.c_contiguous else arr.copy(order="C")  # (ascontiguousarray would make 0-d 1-d)
    shape = "".join(f"{d}, " for d in arr.shape).rstrip(" ") if len(arr.shape) != 1 else f"{arr.shape[0]},"
    head = f"{{'descr': '{arr.dtype.str}', 'fortran_order': False, 'shape': ({shape}), }}"
    pad = 64 - (len(_NPY_MAGIC) + 2 + len(head) + 1) % 64
    head = (head + " " * pad + "\n").encode("latin1")
    return b"".join([_NPY_MAGIC, struct.pack("<H", len(head)), head, arr.tobytes()])


def _load_array(blob: bytes) -> np.ndarray:
    """Parse one .npy blob strictly (numeric dtypes only, no pickle); ValueError if malformed."""
    if blob[:8] != _NPY_MAGIC or len(blob) < 10:
        raise ValueError("not an .npy 1.0 blob")
    (n,) = struct.unpack("<H", blob[8:10])
    m = _NPY_HEADER.fullmatch(blob[10:10 + n].decode("latin1"))
    if m is None:
        raise ValueError("unexpected .npy header (only arrays of numbers are accepted)")
    dtype = np.dtype(m.group(1))
    shape = tuple(int(d) for d in m.group(3).replace(" ", "").split(",") if d)
    count = int(np.prod(shape, dtype=np.int64)) if shape else 1
    data = blob[10 + n:]
    if len(data) != count * dtype.itemsize:
        raise ValueError("the .npy blob's data does not match its shape")
    arr = np.frombuffer(data, dtype=dtype, count=count)
    order = "F" if m.group(2) == "True" else "C"
    return arr.reshape(shape, order=order).copy()


def send_msg(sock: socket.socket, header: dict, arrays=()) -> None:
    """Send one message: 8-byte length, JSON header (with blob sizes), npy blobs (one syscall)."""
    blobs = [_array_bytes(a) for a in arrays]
    header = dict(header, sizes=[len(b) for b in blobs])
    head = json.dumps(header, allow_nan=False).encode()
    sock.sendall(b"".join([struct.pack(">Q", len(head)), head, *blobs]))


def _recv_exact(sock: socket.socket, n: int, deadline: float | None) -> bytes:
    buf = bytearray(n)
    view = memoryview(buf)
    got = 0
    while got < n:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            sock.settimeout(left)
        try:
            k = sock.recv_into(view[got:], n - got)
        except socket.timeout:
            raise TimeoutError from None
        if k == 0:
            raise EOFError
        got += k
    return bytes(buf)


def recv_msg(sock: socket.socket, deadline: float | None = None, max_bytes: int = 256 << 20):
    """Receive one message; TimeoutError past ``deadline``, EOFError if the peer died."""
    (n,) = struct.unpack(">Q", _recv_exact(sock, 8, deadline))
    if n > MAX_HEADER:
        raise ProtocolError(f"header of {n} bytes is too large")
    try:
        header = json.loads(_recv_exact(sock, n, deadline))
    except (ValueError, RecursionError) as exc:
        raise ProtocolError(f"header is not JSON: {exc}") from None
    sizes = header.get("sizes") if type(header) is dict else None
    if type(sizes) is not list or not all(type(s) is int and s >= 0 for s in sizes):
        raise ProtocolError("header has no valid 'sizes'")
    if sum(sizes) > max_bytes:
        raise ProtocolError(f"output of {sum(sizes)} bytes is larger than the {max_bytes} allowed")
    arrays = []
    for s in sizes:
        try:
            arrays.append(_load_array(_recv_exact(sock, s, deadline)))
        except (ValueError, OSError) as exc:  # malformed npy, or object dtype
            raise ProtocolError(f"bad array: {exc}") from None
    return header, arrays


# --------------------------------------------------------------------------
# Limits and what this machine allows


@dataclass
class Limits:
    """Per-child resource limits."""

    cpu_seconds: int = 60  # total CPU for one child (all calls of one submission)
    memory_bytes: int = 512 << 20  # RLIMIT_AS (a child starts at ~120 MB of address space)
    file_bytes: int = 1 << 20  # RLIMIT_FSIZE: largest file the child may write
    nofile: int = 64
    output_chars: int = 64 << 10  # stdout/stderr kept (the rest is dropped)
    max_message: int = 64 << 20  # largest reply the parent accepts

    def as_dict(self):
        return dict(self.__dict__)


@dataclass
class Isolation:
    """What the zygote managed to set up on this machine (reported by it)."""

    root: bool = False
    network_namespace: bool = False
    mount_namespace: bool = False
    private_tmp: bool = False
    setuid_nobody: bool = False
    pid_namespace: bool = False
    hidden: list = field(default_factory=list)  # folders the children see as empty
    notes: list = field(default_factory=list)


_CLONE_NEWNS = 0x00020000
_CLONE_NEWNET = 0x40000000
_CLONE_NEWPID = 0x20000000
_MS_RDONLY, _MS_NOSUID, _MS_NODEV, _MS_NOEXEC = 0x1, 0x2, 0x4, 0x8
_MS_REC, _MS_PRIVATE = 0x4000, 0x40000
_PR_SET_PDEATHSIG, _PR_SET_DUMPABLE, _PR_SET_NO_NEW_PRIVS = 1, 4, 38


def _libc():
    return ctypes.CDLL(None, use_errno=True)


def _isolate_zygote(hide=()) -> Isolation:
    """In the zygote (root only): no network, private /tmp, hidden folders, own pid namespace."""
    iso = Isolation(root=os.geteuid() == 0)
    if not iso.root:
        iso.notes.append("not root: no namespaces, children keep this user's uid")
        return iso
    libc = _libc()
    if libc.unshare(_CLONE_NEWNET) == 0:
        iso.network_namespace = True
    else:
        iso.notes.append(f"unshare(CLONE_NEWNET) failed: errno {ctypes.get_errno()}")
    if libc.unshare(_CLONE_NEWNS) == 0 and libc.mount(b"none", b"/", None, _MS_REC | _MS_PRIVATE, None) == 0:
        iso.mount_namespace = True
        # Folders the children must not read (gradebook, seed, instructor notebooks, other
        # learners' submissions): an empty read-only tmpfs is mounted over each (before /tmp
        # itself is replaced, which hides everything under /tmp anyway).
        for d in hide:
            if os.path.isdir(d):
                if libc.mount(b"tmpfs", os.fsencode(d), b"tmpfs", _MS_RDONLY, b"size=4k,mode=0555") == 0:
                    iso.hidden.append(d)
                else:
                    iso.notes.append(f"could not hide {d}: errno {ctypes.get_errno()}")
        ok = True
        for d in (b"/tmp", b"/var/tmp", b"/dev/shm"):
            if os.path.isdir(d) and libc.mount(b"tmpfs", d, b"tmpfs", 0, b"size=256m,mode=1777") != 0:
                ok = False
                iso.notes.append(f"could not mount a private {d.decode()}: errno {ctypes.get_errno()}")
        iso.private_tmp = ok
    else:
        iso.notes.append(f"no mount namespace: errno {ctypes.get_errno()}")
    iso.pid_namespace = iso.mount_namespace and _own_pid_namespace(libc, iso)
    iso.setuid_nobody = True
    return iso


def _own_pid_namespace(libc, iso) -> bool:
    """Put the children in a new pid namespace whose init is a small reaper we fork here.

    A child then sees (in its own /proc) and can signal only processes of its namespace: not
    the judge, not other judges' children. The reaper mounts that namespace's /proc.
    """
    if libc.unshare(_CLONE_NEWPID) != 0:
        iso.notes.append(f"no pid namespace: errno {ctypes.get_errno()}")
        return False
    ready_r, ready_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the reaper: pid 1 of the new namespace
        try:
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
            ok = libc.mount(b"proc", b"/proc", b"proc", _MS_NOSUID | _MS_NODEV | _MS_NOEXEC, None) == 0
            os.write(ready_w, b"1" if ok else b"0")
            while True:
                signal.pause()
        finally:
            os._exit(0)
    os.close(ready_w)
    ok = os.read(ready_r, 1) == b"1"
    os.close(ready_r)
    if not ok:
        iso.notes.append("pid namespace without its own /proc")
    return True


# --------------------------------------------------------------------------
# The child: runs learner code, answers requests


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


class _Tripwire:
    """Notices a graded exercise handing its work to dlkit's reference of the same name."""

    def __init__(self):
        self.current = None  # name of the function the parent asked the child to call
        self.depth = 0  # > 0 while inside a reference function
        self.delegated = set()
        self.wrappers = {}  # id(wrapper) -> name

    def install(self, names):
        import functools

        for name in names:
            ref = None
            mods = [m for k, m in list(sys.modules.items()) if m is not None and (k == "dlkit" or k.startswith("dlkit."))]
            for mod in mods:
                obj = getattr(mod, name, None)
                if callable(obj) and getattr(obj, "__module__", "").startswith("dlkit"):
                    ref = obj
                    break
            if ref is None:
                continue
            wrapper = self._wrap(name, ref, functools)
            self.wrappers[id(wrapper)] = name
            for mod in mods:
                if getattr(mod, name, None) is ref:
                    setattr(mod, name, wrapper)

    def _wrap(self, name, ref, functools):
        wire = self

        @functools.wraps(ref)
        def reference(*args, **kwargs):
            if wire.depth == 0 and wire.current == name:
                wire.delegated.add(name)
            wire.depth += 1
            try:
                return ref(*args, **kwargs)
            finally:
                wire.depth -= 1

        reference.__dlkit_reference__ = name
        return reference


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


def _serve(sock, limits: dict, watch):
    """The child's request loop (learner code runs only in here)."""
    send, recv, enc, dec, to_plain = send_msg, recv_msg, encode, decode, plain  # bound before learner code can patch
    wire = _Tripwire()
    wire.install(watch)
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
            for i, (src, label) in enumerate(header["segments"]):
                filename = f"<{label}>"
                sources[filename] = src
                try:
                    exec(compile(src, filename, "exec"), ns)
                except BaseException as exc:  # noqa: BLE001 - learner code may raise anything
                    errors.append(_describe_exc(exc, sources))
            defined = {}
            for name in header.get("names", []):
                obj = ns.get(name)
                if obj is None:
                    defined[name] = "missing"
                elif id(obj) in wire.wrappers or getattr(obj, "__dlkit_reference__", None) or (
                    getattr(obj, "__module__", "") or ""
                ).startswith("dlkit"):
                    defined[name] = "reference"
                    wire.delegated.add(name)
                elif callable(obj):
                    defined[name] = "function"
                else:
                    defined[name] = "not_callable"
            send(sock, {"ok": True, "errors": errors, "defined": defined})
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
                before = set(wire.delegated)
                wire.current, wire.depth = name, 0
                try:
                    out = fn(*args)
                    reply["output"] = enc(to_plain(out), out_arrays)
                    reply["args_after"] = enc(to_plain(args), out_arrays)
                except BaseException as exc:  # noqa: BLE001
                    out_arrays = []
                    reply = {"error": _describe_exc(exc, sources)}
                finally:
                    wire.current = None
                if wire.delegated - before:
                    reply["delegated"] = sorted(wire.delegated - before)
            try:
                send(sock, reply, out_arrays)
            except (TypeError, ValueError) as exc:  # learner broke the encoder somehow
                send(sock, {"error": {"kind": "exception", "exc_type": "OutputError",
                                      "message": f"the output could not be sent: {exc}"[:300], "lineno": None, "line": None}})
            continue
        send(sock, {"error": {"kind": "exception", "exc_type": "ProtocolError", "message": f"unknown op {op!r}"}})


def _child_main(sock: socket.socket, workdir: str, limits: dict, watch, iso: Isolation) -> None:
    """Runs in the freshly forked child: lock down, then serve. Never returns."""
    import resource

    code = 0
    try:
        libc = _libc()
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        os.setsid()
        keep = sock.fileno()
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        out = os.open(os.path.join(workdir, "output.txt"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(out, 1)
        os.dup2(out, 2)
        os.closerange(3, keep)
        os.closerange(keep + 1, 65536)
        if iso.root:
            os.chown(workdir, NOBODY, NOBODY)
            os.chown(os.path.join(workdir, "output.txt"), NOBODY, NOBODY)
        os.chdir(workdir)
        os.environ.clear()
        os.environ.update(HOME=workdir, TMPDIR=workdir, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1",
                          MKL_NUM_THREADS="1", PATH="/usr/bin:/bin", LANG="C.UTF-8")
        tempfile.tempdir = workdir
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a too-large write fails instead of killing
        signal.signal(signal.SIGPIPE, signal.SIG_IGN)
        rl = resource
        rl.setrlimit(rl.RLIMIT_CORE, (0, 0))
        rl.setrlimit(rl.RLIMIT_CPU, (limits["cpu_seconds"], limits["cpu_seconds"] + 1))
        rl.setrlimit(rl.RLIMIT_FSIZE, (limits["file_bytes"], limits["file_bytes"]))
        rl.setrlimit(rl.RLIMIT_NOFILE, (limits["nofile"], limits["nofile"]))
        rl.setrlimit(rl.RLIMIT_AS, (limits["memory_bytes"], limits["memory_bytes"]))
        rl.setrlimit(rl.RLIMIT_NPROC, (0, 0))  # no fork, no threads (counted per uid)
        if iso.root:
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
        libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
        libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)
        sys.stdout = sys.__stdout__ = _CappedSink(limits["output_chars"])
        sys.stderr = sys.__stderr__ = _CappedSink(limits["output_chars"])
        sys.stdin = None
        _serve(sock, limits, watch)
    except BaseException as exc:  # noqa: BLE001 - the child must never return into the zygote
        code = 3
        try:  # tell the parent why (it shows up as the crash message)
            import traceback
            text = "".join(traceback.format_exception(exc))[-2000:]
            send_msg(sock, {"fatal": text})
        except BaseException:  # noqa: BLE001
            pass
    os._exit(code)


# --------------------------------------------------------------------------
# The zygote: a clean pre-imported process that forks children


def _zygote_main(fd: int, hide=()) -> None:
    # The zygote exits when its judge closes the control socket (or dies): recv returns b"".
    # (No PDEATHSIG here: it would fire when the *thread* that started us exits, e.g. in Dask.)
    ctl = socket.socket(fileno=fd)
    # Pre-import what learner code commonly imports: each child starts with it loaded, and a
    # child running as nobody may not be allowed to read the Python installation at all.
    import importlib

    for mod in PRELOAD:
        try:
            importlib.import_module(mod)
        except ImportError:
            pass
    iso = _isolate_zygote(hide)
    base = tempfile.mkdtemp(prefix="dlkit-sandbox-")
    os.chmod(base, 0o711)
    ctl.sendall((json.dumps({"isolation": iso.__dict__}) + "\n").encode())
    running = {}  # pid -> folder of children not yet reaped
    while True:
        try:
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
        workdir = tempfile.mkdtemp(dir=base)
        child_sock = socket.socket(fileno=fds[0])
        pid = os.fork()
        if pid == 0:
            ctl.close()
            _child_main(child_sock, workdir, req["limits"], req.get("watch", []), iso)
        child_sock.close()
        running[pid] = workdir
        pidfd = os.pidfd_open(pid)  # valid until we reap it, so the judge never kills a reused pid
        socket.send_fds(ctl, [json.dumps({"pid": pid}).encode()], [pidfd])
        os.close(pidfd)
    for pid in list(running):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    shutil.rmtree(base, ignore_errors=True)


def _reap(running: dict) -> None:
    """Collect finished children and remove their folders."""
    while running:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if pid == 0:
            break
        shutil.rmtree(running.pop(pid, ""), ignore_errors=True)


class Zygote:
    """Parent-side handle on one zygote process (one per judge process)."""

    def __init__(self, hide=()):
        """Start a zygote; ``hide`` lists folders its children must see as empty (root only)."""
        hide = [os.path.abspath(os.fspath(h)) for h in hide]
        here = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        parent_end, child_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": here,
               "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
               "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-c", f"from dlkit.course.sandbox import _zygote_main; _zygote_main({child_end.fileno()}, {hide!r})"],
            pass_fds=[child_end.fileno()], env=env, cwd="/", stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        child_end.close()
        self.ctl = parent_end
        line = b""
        while not line.endswith(b"\n"):
            chunk = self.ctl.recv(1 << 16)
            if not chunk:
                raise RuntimeError("the sandbox zygote failed to start (is dlkit importable?)")
            line += chunk
        self.isolation = Isolation(**json.loads(line)["isolation"])

    def spawn(self, limits: Limits, watch=()) -> "Child":
        """Fork a locked-down child; returns a handle to talk to it."""
        mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        req = json.dumps({"limits": limits.as_dict(), "watch": list(watch)}).encode()
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

    def request(self, header: dict, arrays=(), timeout: float | None = None):
        """Send a request and wait for the reply (TimeoutError after ``timeout`` seconds)."""
        if not self.alive:
            raise ChildGone("the child is not running")
        deadline = None if timeout is None else time.monotonic() + timeout
        try:
            send_msg(self.sock, header, arrays)
            reply = recv_msg(self.sock, deadline, self.limits.max_message)
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


# --------------------------------------------------------------------------
# One submission: a child that serves every call, charged to its exercise


class SubmissionRun:
    """Runs one submission's definitions in a child and provides ``call`` per exercise.

    Each exercise has its own wall-clock budget of ``timeout`` seconds. A
    timeout or crash stops that exercise only: the child is killed and the
    next exercise gets a fresh child with the definitions loaded again, so an
    infinite loop in one function does not zero the others.
    """

    def __init__(self, zygote: Zygote, segments, names, *, watch=(), timeout=10.0, limits: Limits | None = None):
        self.zygote, self.segments, self.names = zygote, list(segments), list(names)
        self.watch, self.timeout = list(watch), float(timeout)
        self.limits = limits or Limits()
        self.child = None
        self.load_errors = []  # exceptions raised while defining (first load only)
        self.defined = {}  # name -> "function" | "reference" | "missing" | "not_callable"
        self.delegated = set()  # exercises seen handing off to dlkit's reference
        self.children_started = 0

    def _start(self, deadline):
        child = self.zygote.spawn(self.limits, self.watch)
        self.children_started += 1
        header, _ = child.request({"op": "load", "segments": self.segments, "names": self.names},
                                  timeout=max(deadline - time.monotonic(), 0.001))
        if not self.defined:
            errors = header.get("errors")
            self.load_errors = [e for e in errors if type(e) is dict] if type(errors) is list else []
            defined = header.get("defined")
            self.defined = {k: v for k, v in defined.items() if type(v) is str} if type(defined) is dict else {}
            self.delegated |= {k for k, v in self.defined.items() if v == "reference"}
        self.child = child

    def close(self):
        if self.child is not None:
            self.child.close()
            self.child = None

    def call_for(self, exercise: str):
        """A ``call(fn_name, args) -> (output, args_after)`` whose time is charged to ``exercise``."""
        deadline = time.monotonic() + self.timeout
        stopped = []  # the LearnerError that ended this exercise, re-raised for later calls

        def call(fn_name, args):
            if stopped:
                raise stopped[0]
            try:
                if self.child is None:
                    self._start(deadline)
                arrays = []
                tree = encode(args, arrays)
                header, blobs = self.child.request({"op": "call", "fn": str(fn_name), "args": tree}, arrays,
                                                   timeout=max(deadline - time.monotonic(), 0.001))
            except TimeoutError:
                self.child = None
                stopped.append(learner_error("timeout", "TimeLimit", f"stopped after {self.timeout:g} s"))
                raise stopped[0] from None
            except ChildGone as exc:
                self.child = None
                stopped.append(learner_error("exception", "Crash", str(exc)))
                raise stopped[0] from None
            delegated = header.get("delegated")
            if type(delegated) is list:
                self.delegated |= {d for d in delegated if type(d) is str}
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
