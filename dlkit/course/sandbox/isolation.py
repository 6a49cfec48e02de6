"""Isolation: the namespaces a zygote sets up once, and the limits each child locks itself into.

Two ways to the same isolation, chosen by who runs the grader:

* **root**: the zygote unshares a network and a mount namespace (and a pid
  namespace for its children); each child drops to uid/gid 65534 (nobody).
* **not root**: the zygote first creates an unprivileged *user* namespace
  (the grader's uid mapped to 0 inside it), which gives it the right to make
  the same network, mount and pid namespaces; each child then enters a nested
  user namespace where it is uid/gid 65534 and holds no capability over the
  zygote's mounts (so it cannot unmount what hides the gradebook).

Either way the zygote makes the whole file system read-only for its children
(``mount_setattr`` with ``AT_RECURSIVE``) and covers the folders and files to
hide (the gradebook, the seed, instructor notebooks, submissions and dlkit's own
source) with empty read-only mounts. Where the kernel refuses an unprivileged
user namespace, ``bwrap`` (Debian's ``bubblewrap``) makes the namespaces from
outside (``bwrap_command``) and the zygote does the rest itself.

The only writable places are then ``/tmp``, ``/var/tmp`` and ``/dev/shm``, and
each child gets its own empty ones (:func:`private_scratch`: a mount and an IPC
namespace of its own with fresh tmpfs, gone when the child exits), so that no
writable path, and no SysV IPC object, is shared between two children: what
one learner's code leaves there cannot reach a later learner's. Kernel
keyrings, the one other store that outlives a process and is not namespaced
as root, are refused to the child by a seccomp filter (:func:`_deny_keyrings`).

:class:`Isolation` is what the zygote reports back; ``report()`` is the text of
``dlkit grade --check-isolation``.
"""
from __future__ import annotations

import ctypes
import os
import shutil
import signal
import sys
from dataclasses import dataclass, field

NOBODY = 65534

_CLONE_NEWNS, _CLONE_NEWUSER, _CLONE_NEWIPC = 0x00020000, 0x10000000, 0x08000000
_CLONE_NEWPID, _CLONE_NEWNET = 0x20000000, 0x40000000
_MS_RDONLY, _MS_NOSUID, _MS_NODEV, _MS_NOEXEC = 0x1, 0x2, 0x4, 0x8
_MS_BIND, _MS_REC, _MS_PRIVATE = 0x1000, 0x4000, 0x40000
_PR_SET_PDEATHSIG, _PR_SET_DUMPABLE, _PR_SET_NO_NEW_PRIVS = 1, 4, 38
_SYS_MOUNT_SETATTR = 442  # x86_64 and aarch64 (generic table) alike
_AT_FDCWD, _AT_RECURSIVE, _MOUNT_ATTR_RDONLY = -100, 0x8000, 0x1


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


# The protections, in the order the isolation report lists them: (field, what it means).
PROTECTIONS = (
    ("network_namespace", "no network (own network namespace, loopback down)"),
    ("mount_namespace", "own mount namespace"),
    ("readonly_root", "the whole file system is read-only for learner code"),
    ("private_tmp", "private /tmp, /var/tmp, /dev/shm for each child (fresh tmpfs), own SysV IPC, no keyrings"),
    ("hidden_secrets", "gradebook, seed, instructor notebooks, submissions and dlkit's source hidden"),
    ("pid_namespace", "own pid namespace and /proc (cannot see or signal the grader)"),
    ("unprivileged_id", "learner code runs as uid/gid 65534 with no capabilities"),
)


@dataclass
class Isolation:
    """What the zygote managed to set up on this machine (reported by it)."""

    method: str = "none"  # "root", "userns", "bwrap" or "none"
    root: bool = False  # the grader runs as root
    user_namespace: bool = False
    network_namespace: bool = False
    mount_namespace: bool = False
    readonly_root: bool = False
    private_tmp: bool = False
    hidden_secrets: bool = False
    pid_namespace: bool = False
    unprivileged_id: bool = False
    hidden: list = field(default_factory=list)  # folders and files the children see as empty
    notes: list = field(default_factory=list)  # what failed, and why

    @property
    def full(self) -> bool:
        return all(getattr(self, name) for name, _ in PROTECTIONS)

    @property
    def level(self) -> str:
        """``full:<method>``, ``partial:<method>`` (and what is missing) or ``none``: recorded per run."""
        if self.full:
            return f"full:{self.method}"
        missing = [name for name, _ in PROTECTIONS if not getattr(self, name)]
        if len(missing) == len(PROTECTIONS):
            return "none"
        return f"partial:{self.method} (missing {', '.join(missing)})"

    def missing(self) -> list:
        return [what for name, what in PROTECTIONS if not getattr(self, name)]

    def report(self) -> str:
        lines = [f"sandbox isolation: {self.level}  (grader uid {os.geteuid()}, method {self.method})"]
        for name, what in PROTECTIONS:
            lines.append(f"  [{'x' if getattr(self, name) else ' '}] {what}")
        lines.append("  [x] limits on every child: CPU, memory (RLIMIT_AS), no fork/threads (RLIMIT_NPROC 0), "
                     "file size, open files, no core; wall-clock timeout per exercise")
        lines.append("  [x] plain data only (JSON + npy), no dlkit reference in the child "
                     "(the judge answers the dlkit blocks it allows)")
        lines += [f"  hidden: {h}" for h in self.hidden]
        lines += [f"  note: {n}" for n in self.notes]
        return "\n".join(lines)


def libc():
    return ctypes.CDLL(None, use_errno=True)


def _errno(what: str) -> str:
    err = ctypes.get_errno()
    return f"{what} failed: {os.strerror(err)} (errno {err})"


def _write(path: str, text: str) -> None:
    with open(path, "w") as f:
        f.write(text)


def isolate_zygote(hide=(), method: str = "auto", lifeline: int | None = None) -> Isolation:
    """In the zygote, before any child: namespaces, read-only file system, hidden secrets, pid namespace.

    ``method``: "auto" (root when root, else an unprivileged user namespace), "bwrap" (we already
    run inside bwrap's namespaces: only the pid namespace for the children is added here) or
    "none" (nothing: ``--no-isolation``). ``lifeline``: a pipe's read end that closes when the
    grader's main process dies; the pid namespace's init then exits, and the kernel kills every
    child in the namespace with it.
    """
    lc = libc()
    iso = Isolation(root=os.geteuid() == 0)
    if method == "none":
        iso.notes.append("isolation switched off (--no-isolation): learner code runs as the grader's user")
        return iso
    if method == "bwrap":
        # bwrap made the user, network and mount namespaces (and left us the capabilities): the
        # rest is done here as below, after boot.py has read dlkit's files.
        iso.method = "bwrap"
        iso.user_namespace = iso.network_namespace = iso.mount_namespace = True
    else:
        uid, gid = os.geteuid(), os.getegid()
        if iso.root:
            iso.method = "root"
            flags = _CLONE_NEWNET | _CLONE_NEWNS
        else:
            iso.method = "userns"
            flags = _CLONE_NEWUSER | _CLONE_NEWNET | _CLONE_NEWNS
        if lc.unshare(flags) != 0:
            iso.notes.append(_errno(f"unshare({'user, ' if not iso.root else ''}network, mount namespaces)"))
            iso.method = "none"
            return iso
        if not iso.root:
            # The grader's uid becomes 0 inside: enough to mount here, nothing outside.
            _write("/proc/self/setgroups", "deny")
            _write("/proc/self/uid_map", f"0 {uid} 1")
            _write("/proc/self/gid_map", f"0 {gid} 1")
            iso.user_namespace = True
        iso.network_namespace = iso.mount_namespace = True
    if lc.mount(b"none", b"/", None, _MS_REC | _MS_PRIVATE, None) != 0:
        iso.notes.append(_errno("making / private"))
        return iso
    # Read-only everywhere (bwrap's own /dev tmpfs too), then hide; /proc is mounted afresh by
    # the pid namespace's init below, and each child mounts its own scratch tmpfs.
    _readonly_root(lc, iso)
    _hide(lc, hide, iso)
    ok = True
    for d in SCRATCH if method != "bwrap" else ():  # not the host's (bwrap's --tmpfs already are not)
        if os.path.isdir(d) and lc.mount(b"tmpfs", d, b"tmpfs", _MS_NOSUID | _MS_NODEV | _MS_RDONLY, b"size=4k,mode=0555") != 0:
            ok = False
            iso.notes.append(_errno(f"covering the host's {d.decode()}"))
    # Each child mounts its own writable ones over these (private_scratch); whether it can is
    # probed here once, before any child (and before the pid namespace, whose first child is its init).
    iso.private_tmp = ok and _probe_child_scratch(iso)
    iso.pid_namespace = _own_pid_namespace(lc, iso, lifeline)
    iso.unprivileged_id = True  # done by each child (lock_down_child), which fails rather than run privileged
    return iso


def _readonly_root(lc, iso) -> None:
    """Every mount of this namespace read-only, recursively (children write only to the tmpfs made after)."""
    attr = (ctypes.c_uint64 * 4)(_MOUNT_ATTR_RDONLY, 0, 0, 0)  # struct mount_attr: set, clr, propagation, userns
    if lc.syscall(_SYS_MOUNT_SETATTR, _AT_FDCWD, b"/", _AT_RECURSIVE, ctypes.byref(attr), ctypes.sizeof(attr)) == 0:
        iso.readonly_root = True
    else:
        iso.notes.append(_errno("mount_setattr(/, AT_RECURSIVE, RDONLY)"))


def _hide(lc, hide, iso) -> None:
    """An empty read-only tmpfs over each folder, /dev/null over each file (before /tmp is replaced)."""
    ok = True
    for path in hide:
        target = os.fsencode(path)
        if os.path.isdir(path):
            done = lc.mount(b"tmpfs", target, b"tmpfs", _MS_RDONLY | _MS_NOSUID | _MS_NODEV, b"size=4k,mode=0555") == 0
        elif os.path.exists(path):
            done = lc.mount(b"/dev/null", target, None, _MS_BIND, None) == 0
            # a bind mount keeps the read-only flag of its source's mount: /dev/null cannot be written anyway
        else:
            continue
        if done:
            iso.hidden.append(path)
        else:
            ok = False
            iso.notes.append(_errno(f"hiding {path}"))
    iso.hidden_secrets = ok and bool(iso.readonly_root or iso.root)


SCRATCH = (b"/tmp", b"/var/tmp", b"/dev/shm")  # the only writable folders a child has, each its own
_SCRATCH_OPTIONS = b"size=64m,nr_inodes=4096,mode=1777"


def private_scratch() -> str:
    """In a freshly forked child, before lock-down and any learner code: a mount namespace and an
    IPC namespace of its own, with a fresh empty tmpfs on ``/tmp``, ``/var/tmp`` and ``/dev/shm``.

    The rest of the file system is read-only (the zygote's ``mount_setattr``), so these are the
    only writable paths, and no two children share one: a file written by one exercise's child
    (or one learner's) is gone for the next, whichever path it was written to, and so is a SysV
    shared-memory segment, semaphore or message queue. The tmpfs die with the child's namespace.
    Returns the child's working folder (``/tmp``, also its ``$HOME`` and ``$TMPDIR``). Raises
    OSError when any step fails: a child never runs learner code with a shared scratch folder.
    """
    lc = libc()
    if lc.unshare(_CLONE_NEWNS | _CLONE_NEWIPC) != 0:
        raise OSError(_errno("the child's own mount and IPC namespaces"))
    for d in SCRATCH:
        if os.path.isdir(d) and lc.mount(b"tmpfs", d, b"tmpfs", _MS_NOSUID | _MS_NODEV, _SCRATCH_OPTIONS) != 0:
            raise OSError(_errno(f"the child's own {d.decode()}"))
    return "/tmp"


def _probe_child_scratch(iso) -> bool:
    """Whether a child forked here gets its own scratch folders and no keyrings (what each child
    then insists on: see child_main), tried once in a short-lived process."""
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            private_scratch()
            _deny_keyrings(libc())
            code = 0
        except BaseException:  # noqa: BLE001 - reported through the exit code
            pass
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        iso.notes.append("a child cannot get its own mount and IPC namespaces, tmpfs or seccomp filter")
        return False
    return True


# seccomp: the system calls of the kernel keyrings, per architecture (audit arch, add_key,
# request_key, keyctl). A key added to the user keyring (@u) of uid 65534 outlives the child and
# is visible to every later child as root (keyrings are per user namespace), so the child gets none.
_KEYRING_SYSCALLS = {"x86_64": (0xC000003E, (248, 249, 250)), "aarch64": (0xC00000B7, (217, 218, 219))}
_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 22, 2
_SECCOMP_RET_ALLOW, _SECCOMP_RET_ERRNO, _EPERM = 0x7FFF0000, 0x00050000, 1


class _SockFilter(ctypes.Structure):
    _fields_ = [("code", ctypes.c_uint16), ("jt", ctypes.c_uint8), ("jf", ctypes.c_uint8), ("k", ctypes.c_uint32)]


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_SockFilter))]


def _deny_keyrings(lc) -> None:
    """A seccomp filter: add_key, request_key and keyctl fail with EPERM, and so does every system
    call of another ABI (i386 ``int 0x80``, x32), which could reach them by other numbers.
    Needs ``no_new_privs`` or CAP_SYS_ADMIN; raises OSError on an unknown architecture."""
    machine = os.uname().machine
    if machine not in _KEYRING_SYSCALLS:
        raise OSError(f"no keyring filter for the {machine} architecture")
    arch, calls = _KEYRING_SYSCALLS[machine]
    ld, jeq, jge, ret = 0x20, 0x15, 0x35, 0x06  # BPF_LD|W|ABS, BPF_JMP|JEQ|K, BPF_JMP|JGE|K, BPF_RET|K
    deny = _SECCOMP_RET_ERRNO | _EPERM
    prog = [(ld, 0, 0, 4),  # seccomp_data.arch
            (jeq, 1, 0, arch), (ret, 0, 0, deny),
            (ld, 0, 0, 0)]  # seccomp_data.nr
    if machine == "x86_64":
        prog.append((jge, len(calls) + 1, 0, 0x40000000))  # x32 numbers -> deny
    for i, nr in enumerate(calls):
        prog.append((jeq, len(calls) - i, 0, nr))  # -> deny
    prog += [(ret, 0, 0, _SECCOMP_RET_ALLOW), (ret, 0, 0, deny)]
    filters = (_SockFilter * len(prog))(*[_SockFilter(*f) for f in prog])
    fprog = _SockFprog(len(prog), filters)
    if lc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 or \
            lc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) != 0:
        raise OSError(_errno("the seccomp filter against keyrings"))


REAPER = {"pid": None}  # the pid namespace's init, forked by the zygote (which ends it last)


def _own_pid_namespace(lc, iso, lifeline=None) -> bool:
    """Put the children in a new pid namespace whose init is a small reaper we fork here.

    A child then sees (in its own /proc) and can signal only processes of its namespace: not
    the judge, not other judges' children. The reaper mounts that namespace's /proc.
    """
    if lc.unshare(_CLONE_NEWPID) != 0:
        iso.notes.append(_errno("unshare(pid namespace)"))
        return False
    ready_r, ready_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the reaper: pid 1 of the new namespace (signals from inside it are ignored)
        try:
            lc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
            ok = lc.mount(b"proc", b"/proc", b"proc", _MS_NOSUID | _MS_NODEV | _MS_NOEXEC, None) == 0
            os.write(ready_w, b"1" if ok else b"0")
            keep = lifeline if lifeline is not None else 2
            os.closerange(3, keep)  # nothing of the zygote's (its control socket) stays open here
            os.closerange(keep + 1, 65536)
            if lifeline is not None:
                os.read(lifeline, 1)  # returns (b"") when the grader's main process is gone
            else:
                while True:
                    signal.pause()
        finally:
            os._exit(0)
    os.close(ready_w)
    REAPER["pid"] = pid
    ok = os.read(ready_r, 1) == b"1"
    os.close(ready_r)
    if not ok:
        iso.notes.append("pid namespace without its own /proc")
    return ok


def bwrap_command() -> list | None:
    """The ``bwrap`` prefix that gives a zygote the isolation above, or None when bwrap is not installed.

    Used when the kernel refuses an unprivileged user namespace to this process but bwrap
    (setuid, or allowed by the system's policy) can still make one. The folders to hide are
    hidden by the zygote itself, once it has loaded what it needs from them.
    """
    exe = shutil.which("bwrap")
    if exe is None:
        return None
    cmd = [exe, "--unshare-user", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--die-with-parent",
           "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp", "--tmpfs", "/var/tmp",
           "--tmpfs", "/dev/shm", "--uid", "0", "--gid", "0", "--cap-add", "ALL"]
    # The zygote must still find Python and dlkit when they live under one of those fresh
    # tmpfs folders (a checkout or venv in /tmp, as CI may have): bind them back, read-only.
    # The zygote hides dlkit's folder itself once boot.py has read it.
    private = ("/tmp", "/var/tmp", "/dev/shm")
    needed = {os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),  # dlkit/
              sys.prefix, sys.base_prefix, os.path.dirname(os.path.realpath(sys.executable))}
    for path in sorted(needed):
        if any(path == p or path.startswith(p + "/") for p in private):
            cmd += ["--ro-bind", path, path]
    return cmd + ["--"]


def lock_down_child(iso: Isolation, workdir: str, limits: dict) -> None:
    """In a freshly forked child, before any learner code: limits, then an unprivileged id, no capabilities."""
    import resource as rl

    lc = libc()
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a too-large write fails instead of killing
    signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    rl.setrlimit(rl.RLIMIT_CORE, (0, 0))
    rl.setrlimit(rl.RLIMIT_CPU, (limits["cpu_seconds"], limits["cpu_seconds"] + 1))
    rl.setrlimit(rl.RLIMIT_FSIZE, (limits["file_bytes"], limits["file_bytes"]))
    rl.setrlimit(rl.RLIMIT_NOFILE, (limits["nofile"], limits["nofile"]))
    rl.setrlimit(rl.RLIMIT_AS, (limits["memory_bytes"], limits["memory_bytes"]))
    if iso.method == "root":
        os.chown(workdir, NOBODY, NOBODY)
        os.chown(os.path.join(workdir, "output.txt"), NOBODY, NOBODY)
        rl.setrlimit(rl.RLIMIT_NPROC, (0, 0))  # no fork, no threads (counted per uid)
        os.setgroups([])
        os.setgid(NOBODY)
        os.setuid(NOBODY)  # from uid 0 to non-zero: every capability is dropped
    elif iso.method in ("userns", "bwrap"):
        # A nested user namespace in which we are 65534 and own nothing: the zygote's mounts
        # (what hides the gradebook) are out of reach, and so is every other process.
        if lc.unshare(_CLONE_NEWUSER) != 0:
            raise OSError(_errno("the child's user namespace"))
        _write("/proc/self/setgroups", "deny")
        _write("/proc/self/uid_map", f"{NOBODY} 0 1")
        _write("/proc/self/gid_map", f"{NOBODY} 0 1")
        _drop_capabilities(lc)
        rl.setrlimit(rl.RLIMIT_NPROC, (0, 0))
    else:
        rl.setrlimit(rl.RLIMIT_NPROC, (0, 0))
    lc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    lc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)
    if iso.method != "none":
        _deny_keyrings(lc)


def _drop_capabilities(lc) -> None:
    """capset(2) with empty effective, permitted and inheritable sets (version 3: two 32-bit words)."""
    header = (ctypes.c_uint32 * 2)(0x20080522, 0)
    data = (ctypes.c_uint32 * 6)()
    if lc.capset(ctypes.byref(header), ctypes.byref(data)) != 0:
        raise OSError(_errno("dropping capabilities"))
