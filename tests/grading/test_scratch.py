"""No writable place is shared between two children: what one child writes, a later one cannot see.

Every exercise of every submission runs in a child of its own (run.py). Each child gets its own
empty /tmp, /var/tmp and /dev/shm (a fresh tmpfs in a mount namespace of its own; /tmp is also its
working folder, $HOME and $TMPDIR), its own SysV IPC namespace, and no kernel keyrings; the rest
of the file system is read-only. So learners cannot pass data to each other (a colluding
learner's answers), nor one exercise to the next. CI runs this file as root and, through
``make test-unprivileged``, as uid 65534 (user namespaces): both must hold.
"""
from __future__ import annotations

import pytest

from dlkit.course import sandbox
from dlkit.course.sandbox import SubmissionRun

SCRATCH = ("/tmp", "/var/tmp", "/dev/shm")

WRITE = r'''
import os
def write(tag):
    done = []
    for where in ["/tmp", "/var/tmp", "/dev/shm", os.getcwd(), os.environ.get("HOME", "/nonexistent"),
                  os.environ.get("TMPDIR", "/nonexistent")]:
        try:
            with open(os.path.join(where, "planted-" + tag), "w") as f:
                f.write(tag)
            os.makedirs(os.path.join(where, "planted-dir", tag), exist_ok=True)
            done.append(where)
        except OSError:
            pass
    return done
'''

READ = r'''
import os
def read(tag):
    seen = []
    for where in ["/tmp", "/var/tmp", "/dev/shm", os.getcwd(), os.environ.get("HOME", "/nonexistent"),
                  os.environ.get("TMPDIR", "/nonexistent")]:
        try:
            names = os.listdir(where)
        except OSError:
            continue
        seen += [os.path.join(where, n) for n in names if n.startswith("planted")]
        try:
            seen.append(open(os.path.join(where, "planted-" + tag)).read())
        except OSError:
            pass
    return sorted(set(seen))
'''


@pytest.fixture(scope="module")
def zygote():
    z = sandbox.Zygote()
    assert z.isolation.private_tmp and z.isolation.full, z.isolation.report()
    yield z
    z.close()


def _call(run, exercise, *args):
    return run.call_for(exercise)(exercise, args)[0]


def test_each_child_has_its_own_empty_scratch_folders(zygote):
    # one learner: exercise "write" plants files, their next exercise "read" looks for them
    run = SubmissionRun(zygote, [(WRITE + READ, "cell 1")], ["write", "read"], timeout=10)
    try:
        written = _call(run, "write", "same-learner")
        assert set(SCRATCH) <= set(written), written  # they are writable: the test can fail
        assert _call(run, "read", "same-learner") == []
        assert run.children_started == 2
    finally:
        run.close()


def test_a_later_learner_cannot_read_what_an_earlier_one_left(zygote):
    writer = SubmissionRun(zygote, [(WRITE, "cell 1")], ["write"], timeout=10)
    try:
        assert set(SCRATCH) <= set(_call(writer, "write", "colluder"))
    finally:
        writer.close()
    reader = SubmissionRun(zygote, [(READ, "cell 1")], ["read"], timeout=10)
    try:
        assert _call(reader, "read", "colluder") == []
    finally:
        reader.close()


def test_within_one_child_the_files_stay(zygote):
    # the control: the same child sees what it wrote (so "cannot see" above is about the child)
    run = SubmissionRun(zygote, [(WRITE + READ + "\ndef both(tag):\n    write(tag)\n    return read(tag)\n",
                                  "cell 1")], ["both"], timeout=10)
    try:
        seen = _call(run, "both", "mine")
        assert "mine" in seen and any(s.startswith("/dev/shm/planted") for s in seen)
    finally:
        run.close()


WRITABLE = r'''
import os
def writable():
    found, count = [], 0
    for top, dirs, files in os.walk("/"):
        depth = top.count("/") if top != "/" else 0
        dirs[:] = [] if depth >= 4 or top in ("/proc", "/sys") else sorted(dirs)
        count += 1
        if count > 30000:
            break
        if os.access(top, os.W_OK):
            found.append(top)
    return found
'''


def test_no_writable_folder_but_the_childs_own():
    # Every folder the child could write to (to depth 4, /proc and /sys aside) is one of its own
    # fresh scratch folders, or inside one; so there is no other place to leave data in.
    z = sandbox.Zygote()
    try:
        run = SubmissionRun(z, [(WRITABLE, "cell 1")], ["writable"], timeout=60)
        try:
            found = _call(run, "writable")
        finally:
            run.close()
    finally:
        z.close()
    assert "/tmp" in found  # the walk sees writable folders at all
    assert [d for d in found if not any(d == s or d.startswith(s + "/") for s in SCRATCH)] == []


SYSV = r'''
import ctypes
def plant():
    libc = ctypes.CDLL(None, use_errno=True)
    shm = libc.shmget(0x0D1C17, 4096, 0o1000 | 0o666)   # IPC_CREAT
    msg = libc.msgget(0x0D1C17, 0o1000 | 0o666)
    sem = libc.semget(0x0D1C17, 1, 0o1000 | 0o666)
    return [shm, msg, sem]
def find():
    libc = ctypes.CDLL(None, use_errno=True)
    return [libc.shmget(0x0D1C17, 0, 0), libc.msgget(0x0D1C17, 0), libc.semget(0x0D1C17, 0, 0)]
'''


def test_sysv_ipc_objects_do_not_reach_the_next_child(zygote):
    run = SubmissionRun(zygote, [(SYSV, "cell 1")], ["plant", "find"], timeout=10)
    try:
        assert all(i >= 0 for i in _call(run, "plant"))  # created: the test can fail
        assert _call(run, "find") == [-1, -1, -1]
    finally:
        run.close()


KEYS = r'''
import ctypes, os
def add():
    libc = ctypes.CDLL(None, use_errno=True)
    nr = {"x86_64": 248, "aarch64": 217}[os.uname().machine]
    out = []
    for ring in (-4, -5, -3):   # the user, user-session and session keyrings
        r = libc.syscall(nr, b"user", b"dlkit-planted", b"answers", 7, ring)
        out.append(r if r >= 0 else -ctypes.get_errno())
    return out
def find():
    libc = ctypes.CDLL(None, use_errno=True)
    nr = {"x86_64": 250, "aarch64": 219}[os.uname().machine]   # keyctl(KEYCTL_SEARCH = 10, ...)
    return [libc.syscall(nr, 10, ring, b"user", b"dlkit-planted", 0) for ring in (-4, -5, -3)]
'''


def test_keyrings_are_refused_to_the_child(zygote):
    # A key in uid 65534's user keyring would outlive the child (keyrings are per user namespace,
    # and as root every child is the host's uid 65534): the child cannot add or find one.
    run = SubmissionRun(zygote, [(KEYS, "cell 1")], ["add", "find"], timeout=10)
    try:
        assert _call(run, "add") == [-1, -1, -1]  # -EPERM from the seccomp filter
        assert _call(run, "find") == [-1, -1, -1]
    finally:
        run.close()
