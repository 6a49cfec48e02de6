"""The child process: the npy+JSON protocol, the limits, the proxies and what this machine isolates.

CI runs this file as root and as an unprivileged user (``make test-unprivileged``); every
protection is asserted for both, none is skipped for lack of root.
"""
from __future__ import annotations

import io
import os

import numpy as np
import pytest

from dlkit.checks import Opaque
from dlkit.course import sandbox
from dlkit.course.grade import grade_notebook
from dlkit.course.sandbox import Limits, ProtocolError, ProxyTable, SubmissionRun, decode, encode
from dlkit.course.sandbox.protocol import _load_array
from grading_helpers import ASSIGNMENT, notebook, secrets_dir


@pytest.fixture(scope="module")
def zygote():
    z = sandbox.Zygote()
    yield z
    z.close()


def run_code(zygote, src, fn="f", args=(), timeout=5.0, limits=None, proxies=None, graded=()):
    run = SubmissionRun(zygote, [(src, "cell 1")], [fn], timeout=timeout, limits=limits, proxies=proxies,
                        graded=graded)
    try:
        return run.call_for(fn)(fn, tuple(args))[0]
    finally:
        run.close()


def test_roundtrip_keeps_types():
    value = (np.arange(6.0).reshape(2, 3), [1, 2.5, None, True, "s"], {"W1": np.ones((2, 1)), 3: (float("nan"),)},
             Opaque("generator", "<gen>"))
    arrays = []
    back = decode(encode(value, arrays), [np.array(a) for a in arrays])
    assert type(back) is tuple and type(back[1]) is list and type(back[2]) is dict
    assert np.array_equal(back[0], value[0]) and back[1] == value[1] and back[2][3][0] != back[2][3][0]
    assert back[3] == Opaque("generator", "<gen>")


@pytest.mark.parametrize("tree", [{"__reduce__": 1}, {"$nd": 5}, {"$t": 3}, {"$d": [[[1], 2]]}, {"$o": [1, 2]}])
def test_decode_rejects_anything_unexpected(tree):
    with pytest.raises(ProtocolError):
        decode(tree, [])


def test_pickled_object_arrays_are_refused():
    buf = io.BytesIO()
    np.save(buf, np.array([object()], dtype=object), allow_pickle=True)
    with pytest.raises(ValueError):
        _load_array(buf.getvalue())


def test_values_come_back_as_plain_data(zygote):
    out = run_code(zygote, "import numpy as np\ndef f():\n    return (np.float32(2.5), np.arange(3), np.matrix([[1]]), (i for i in []))")
    assert out[0] == 2.5 and type(out[0]) is float
    assert type(out[1]) is np.ndarray
    assert type(out[2]) is Opaque and type(out[3]) is Opaque


def test_child_is_locked_down(zygote):
    src = ("import os, resource\n"
           "import ctypes\n"
           "def f():\n"
           "    return [os.getuid(), os.getcwd(), sorted(os.environ), resource.getrlimit(resource.RLIMIT_NPROC)[0],\n"
           "            resource.getrlimit(resource.RLIMIT_AS)[0], resource.getrlimit(resource.RLIMIT_FSIZE)[0], os.listdir('.'),\n"
           "            resource.getrlimit(resource.RLIMIT_NOFILE)[0], resource.getrlimit(resource.RLIMIT_CORE)[0],\n"
           "            ctypes.CDLL(None).prctl(3, 0, 0, 0, 0), ctypes.CDLL(None).prctl(39, 0, 0, 0, 0)]\n")
    uid, cwd, env, nproc, mem, fsize, files, nofile, core, dumpable, no_new_privs = run_code(zygote, src)
    assert nproc == 0 and mem == Limits().memory_bytes and fsize == Limits().file_bytes
    assert nofile == Limits().nofile and core == 0
    assert dumpable == 0 and no_new_privs == 1  # PR_GET_DUMPABLE, PR_GET_NO_NEW_PRIVS
    assert "PYTHONPATH" not in env and not any("SEED" in k for k in env)
    assert files == ["output.txt"]  # a fresh, empty folder
    assert uid == 65534  # as root: the real nobody; otherwise nobody in a nested user namespace


def test_network_is_unreachable(zygote):
    src = ("import socket\ndef f():\n    try:\n        socket.create_connection(('1.1.1.1', 53), timeout=2)\n"
           "    except OSError as e:\n        return str(e)\n    return 'connected'\n")
    assert "unreachable" in run_code(zygote, src).lower()


def test_memory_limit_gives_memory_error(zygote):
    from dlkit.checks import LearnerError

    with pytest.raises(LearnerError) as err:
        run_code(zygote, "import numpy as np\ndef f():\n    return np.ones(10**9)", limits=Limits(memory_bytes=1 << 30))
    assert err.value.exc_type == "MemoryError"


def test_timeout_kills_and_next_exercise_gets_a_fresh_child(zygote):
    from dlkit.checks import LearnerError

    src = "def slow():\n    while True:\n        pass\ndef fast():\n    return 7\n"
    import time

    run = SubmissionRun(zygote, [(src, "cell 1")], ["slow", "fast"], timeout=0.5)
    slow = run.call_for("slow")
    with pytest.raises(LearnerError) as err:
        slow("slow", ())
    assert err.value.kind == "timeout"
    start = time.monotonic()
    with pytest.raises(LearnerError) as again:  # later calls of the same exercise stop at once
        slow("slow", ())
    assert again.value.kind == "timeout" and time.monotonic() - start < 0.1
    assert run.call_for("fast")("fast", ()) == (7, ())
    assert run.children_started == 2
    run.close()


def test_learner_line_is_reported(zygote):
    from dlkit.checks import LearnerError

    with pytest.raises(LearnerError) as err:
        run_code(zygote, "\n\ndef f():\n    x = 1\n    return x / 0\n")
    assert (err.value.exc_type, err.value.lineno, err.value.line) == ("ZeroDivisionError", 5, "return x / 0")


def test_child_never_receives_the_seed_or_expected_answers(monkeypatch):
    """Hidden cases' answers stay in the judge: only inputs cross, and the seed never does."""
    sent = []
    real = sandbox.send_msg

    def spy(sock, header, arrays=()):
        sent.append((header, [np.array(a) for a in arrays]))
        return real(sock, header, arrays)

    monkeypatch.setattr(sandbox.zygote, "send_msg", spy)
    from dlkit.checks import SPECS

    seed = 424242424242
    grade_notebook("t", notebook().encode(), seed=seed, assignment=ASSIGNMENT)
    assert {h.get("op") for h, _ in sent} <= {"load", "call", "exit"}
    assert not any(str(seed) in repr(h) for h, _ in sent)
    # every array sent is an input of some case, never an expected output
    hidden = SPECS["sigmoid"].cases(seed)[-1]
    expected = hidden.expected
    relu_inputs = [arrs for h, arrs in sent if h.get("fn") == "sigmoid"]
    assert any(any(a.shape == hidden.args[0].shape and np.array_equal(a, hidden.args[0]) for a in arrs)
               for arrs in relu_inputs)  # the hidden input was sent...
    assert not any(any(a.shape == expected.shape and np.array_equal(a, expected) for a in arrs)
                   for arrs in relu_inputs)  # ...its answer was not


def test_child_cannot_see_or_signal_other_processes(zygote):
    src = (f"import os\ndef f():\n    pids = sorted(int(p) for p in os.listdir('/proc') if p.isdigit())\n"
           f"    try:\n        os.kill({os.getpid()}, 0)\n        judge = 'visible'\n"
           f"    except ProcessLookupError:\n        judge = 'absent'\n    return [pids, judge]\n")
    pids, judge = run_code(zygote, src)
    assert judge == "absent" and len(pids) <= 3  # the namespace's reaper, the child itself (and its /proc self)
    assert zygote.isolation.pid_namespace


def test_hidden_folders_and_files_are_empty_for_the_child():
    import pathlib
    import shutil

    secret = pathlib.Path(secrets_dir(traversable=True))
    (secret / "answers.txt").write_text("42")
    lone = pathlib.Path(secrets_dir(traversable=True)) / "gradebook.sqlite"  # a file hidden on its own
    lone.write_text("grades")
    for p in (secret, lone.parent):
        os.chmod(p, 0o755)
    os.chmod(secret / "answers.txt", 0o644)  # world-readable: only the hiding keeps it from the child
    os.chmod(lone, 0o644)
    z = sandbox.Zygote(hide=[str(secret), str(lone)])
    try:
        assert str(secret) in z.isolation.hidden and str(lone) in z.isolation.hidden
        assert run_code(z, f"import os\ndef f():\n    return os.listdir({str(secret)!r})") == []
        assert run_code(z, f"def f():\n    return open({str(lone)!r}).read()") == ""
    finally:
        z.close()
        shutil.rmtree(secret, ignore_errors=True)
        shutil.rmtree(lone.parent, ignore_errors=True)


# What the child could use to reach dlkit's reference or the judge, walked from inside it.
WALK = """
import gc, os, sys, types
def f(core_files, dlkit_dir):
    seen, todo, found = set(), list(gc.get_objects()) + list(sys.modules.values()), []
    frame = sys._getframe()
    while frame is not None:
        todo += [frame.f_code, *frame.f_globals.values(), *frame.f_locals.values()]
        frame = frame.f_back
    while todo:
        obj = todo.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if isinstance(obj, types.CodeType) and obj.co_filename in core_files:
            found.append(obj.co_filename + ":" + obj.co_name)
        for attr in ("__wrapped__", "__code__", "__closure__", "__globals__", "__func__", "__self__", "f_back"):
            try:
                value = getattr(obj, attr, None)
            except Exception:
                continue
            if value is not None:
                todo.append(value)
        if isinstance(obj, (tuple, list)) and len(obj) < 10000:
            todo += list(obj)
        elif isinstance(obj, types.CellType):
            try:
                todo.append(obj.cell_contents)
            except ValueError:
                pass
    try:
        listing = os.listdir(dlkit_dir)
    except OSError as exc:
        listing = str(exc)
    names = sorted(k for k in sys.modules if k.startswith("dlkit"))
    return [sorted(set(found)), listing, names, len(seen)]
"""


def test_child_holds_no_reference_and_no_judge_state(zygote):
    import glob

    import dlkit

    pkg = os.path.dirname(os.path.abspath(dlkit.__file__))
    # plain.py and the line tracer (trace.py: numpy and the standard library, no reference value,
    # no judge state) are the child's own, with the sandbox
    mine = {os.path.join(pkg, "checks", "plain.py"), os.path.join(pkg, "checks", "trace.py")} | \
        set(glob.glob(os.path.join(pkg, "course", "sandbox", "*.py")))
    core = sorted(set(glob.glob(os.path.join(pkg, "**", "*.py"), recursive=True)) - mine)
    assert any(p.endswith("layers.py") for p in core) and any(p.endswith("specs.py") for p in core)
    found, listing, names, seen = run_code(zygote, WALK, args=(core, pkg))
    assert found == [] and seen > 1000  # no code object of dlkit's core, checks or grader is reachable
    # dlkit's source folder is hidden, so it cannot be imported from disk either: an empty mount
    # covers it, or (a checkout under /tmp) the child's private /tmp has no such folder at all.
    assert listing == [] or "No such file or directory" in listing, listing
    assert "dlkit.checks.specs" not in names and "dlkit.course.grade" not in names


def test_proxies_answer_only_what_the_judge_allows(zygote):
    import dlkit
    from dlkit.checks import LearnerError

    table = ProxyTable({"relu": dlkit.relu}, graded=["f"])
    src = ("import numpy as np\nimport dlkit\nfrom dlkit.activations import relu\n"
           "def f(Z):\n    return relu(Z), dlkit.relu(Z)\n"
           "def g(Z):\n    return dlkit.sigmoid(Z)\n")
    Z = np.array([[-1.0, 2.0]])
    a, b = run_code(zygote, src, args=(Z,), proxies=table)
    assert np.array_equal(a, dlkit.relu(Z)) and np.array_equal(b, a)
    with pytest.raises(LearnerError) as err:
        run_code(zygote, src, fn="g", args=(Z,), proxies=table)
    assert err.value.exc_type == "ProxyRefused" and "dlkit.sigmoid" in err.value.message
    assert table.refused == {"g": {"sigmoid"}}
    # inputs the reference rejects come back as an error in the child, not a judge crash
    with pytest.raises(LearnerError) as bad:
        run_code(zygote, src, args=("not an array",), proxies=table)
    assert bad.value.exc_type in ("TypeError", "ValueError")


def test_bwrap_gives_the_same_isolation():
    import shutil

    if shutil.which("bwrap") is None:
        pytest.skip("bwrap is not installed (.ci/run installs Debian's bubblewrap, so CI runs this)")
    z = sandbox.Zygote(method="bwrap")
    try:
        assert z.isolation.full and z.isolation.method == "bwrap", z.isolation.report()
        src = ("import os, socket\ndef f():\n    try:\n        socket.create_connection(('1.1.1.1', 53), timeout=1)\n"
               "    except OSError as e:\n        net = str(e)\n    try:\n        open('/etc/x', 'w')\n"
               "    except OSError as e:\n        ro = str(e)\n    return [os.getuid(), net, ro, len(os.listdir('/proc'))]\n")
        uid, net, ro, _ = run_code(z, src)
        assert uid == 65534 and "unreachable" in net.lower() and ("Read-only" in ro or "Permission" in ro)
    finally:
        z.close()
