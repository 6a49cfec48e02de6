"""Nothing outlives a batch, the instructor decides the assignment, the isolation is reported and recorded.

Runs as root and as an unprivileged user in CI (``make test-unprivileged``).
"""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from dlkit.course import gradebook as gb
from dlkit.course.cli import main
from dlkit.course.grade import IsolationMissing, grade_all
from grading_helpers import ASSIGNMENT, EXERCISES, MAX, notebook, sigmoid_doing

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _can_run(pid) -> bool:
    """Could this process still run code of the batch? Not once it is a zombie, nor once a SIGKILL
    is pending for it (it never returns to user space), nor while the kernel tears it down (after
    exit_mm it has no memory). On a loaded 2-core machine that teardown itself can take more
    than a second of wall time, which is the kernel's, not the batch's."""
    try:
        with open(f"/proc/{pid}/status") as f:
            fields = dict(line.split(":", 1) for line in f.read().splitlines() if ":" in line)
    except OSError:
        return False
    sigkill = 1 << (signal.SIGKILL - 1)
    pending = int(fields.get("SigPnd", "0"), 16) | int(fields.get("ShdPnd", "0"), 16)
    return "VmRSS" in fields and not fields["State"].strip().startswith("Z") and not pending & sigkill


def _role(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            fields = dict(line.split(":", 1) for line in f.read().splitlines() if ":" in line)
    except OSError:
        return "gone"
    return {k: fields.get(k, "").strip() for k in ("State", "PPid", "NSpid", "Uid")}


def _processes():
    """pid -> (parent pid, state) of every process on the machine."""
    out = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            out[int(name)] = (int(fields[1]), fields[0])
    return out


def _cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode()[-120:]
    except OSError:
        return "?"


def _descendants(root):
    procs, found, todo = _processes(), set(), [root]
    while todo:
        parent = todo.pop()
        for pid, (ppid, _) in procs.items():
            if ppid == parent and pid not in found:
                found.add(pid)
                todo.append(pid)
    return found


def test_kill_9_of_the_main_process_leaves_nothing_behind(tmp_path):
    folder = tmp_path / ASSIGNMENT
    folder.mkdir()
    for i in range(6):  # endless loops: every judge is busy in a child when the batch is killed
        (folder / f"learner{i}.ipynb").write_text(notebook(sigmoid_doing("while True:\n    pass")))
    book = str(tmp_path / "book.sqlite")
    cmd = [sys.executable, "-m", "dlkit.course.cli", "grade", str(folder), "--gradebook", book, "--workers", "2",
           "--timeout", "60", "--quiet", "--no-hidden"]
    proc = subprocess.Popen(cmd, env=dict(os.environ, PYTHONPATH=REPO), stdout=subprocess.DEVNULL)
    batch = set()
    deadline = time.monotonic() + 60
    # main + 2 judges + 2 zygotes + 2 pid-namespace reapers + 2 children running learner code
    while time.monotonic() < deadline and len(batch) < 8:
        time.sleep(0.2)
        batch = _descendants(proc.pid)
    assert len(batch) >= 8, f"the batch did not start its processes: {batch}"
    if os.environ.get("DLKIT_DEBUG_KILL"):
        procs = _processes()
        print({p: (procs.get(p), _cmdline(p)[-60:]) for p in sorted(batch)})
    os.kill(proc.pid, signal.SIGKILL)  # only the main process: the rest must follow by themselves
    proc.wait()
    killed = time.monotonic()
    time.sleep(1.0)
    left = {pid: _role(pid) for pid in batch if _can_run(pid)}
    assert left == {}, f"processes of the killed batch still running after 1 s: {left}"
    while time.monotonic() < killed + 30 and any(_can_run(p) or p in _processes() for p in batch):
        time.sleep(0.05)
    procs = _processes()
    assert not [p for p in batch if p in procs and procs[p][1] != "Z"], "the kernel did not finish them in 30 s"
    if os.environ.get("DLKIT_DEBUG_KILL"):
        print(f"all gone {time.monotonic() - killed:.2f} s after the kill")


def test_regrading_replaces_every_row_including_stale_unknown_ones(tmp_path):
    book = str(tmp_path / "b.sqlite")
    conn = gb.connect(book)  # what an older grader left: a row filed under "unknown"
    gb.record(conn, {"learner": "ann", "assignment": "unknown", "sha256": "x", "rows": [
        {"exercise": "(notebook)", "status": "unreadable", "points": 0, "max_points": 0, "mistakes": [], "hints": []}]})
    conn.close()
    p = tmp_path / "ann.ipynb"
    p.write_text(notebook({"relu": "def relu(Z):\n    return Z"}))
    grade_all([str(p)], book, workers=1, progress=False, assignment=ASSIGNMENT, timeout=5.0)
    p.write_text(notebook({"relu": None}))  # changed again: relu deleted
    grade_all([str(p)], book, workers=1, progress=False, assignment=ASSIGNMENT, timeout=5.0)
    conn = gb.connect(book)
    rows = gb.rows(conn)
    subs = conn.execute("SELECT learner, assignment FROM submissions").fetchall()
    conn.close()
    assert sorted((r["assignment"], r["exercise"]) for r in rows) == sorted((ASSIGNMENT, n) for n in EXERCISES)
    assert {r["exercise"]: r["status"] for r in rows}["relu"] == "missing"
    assert subs == [("ann", ASSIGNMENT)]


def test_the_folder_layout_names_the_assignment_and_metadata_cannot(tmp_path):
    folder = tmp_path / "submissions" / ASSIGNMENT
    folder.mkdir(parents=True)
    (folder / "ann.ipynb").write_text(notebook(assignment="03_cost"))  # the learner's metadata lies
    loose = tmp_path / "bob.ipynb"
    loose.write_text(notebook())  # its metadata is right, but the instructor said nothing
    book = str(tmp_path / "b.sqlite")
    with pytest.raises(ValueError, match="--assignment"):
        grade_all([str(loose)], book, workers=1, progress=False)
    summary = grade_all([str(tmp_path / "submissions")], book, workers=1, progress=False, timeout=5.0)
    assert summary["flagged_submissions"] == 1
    conn = gb.connect(book)
    rows = gb.rows(conn)
    (flags,) = conn.execute("SELECT flags FROM submissions WHERE learner='ann'").fetchone()
    conn.close()
    assert {(r["assignment"], r["exercise"], r["points"]) for r in rows} == {(ASSIGNMENT, n, MAX[n]) for n in EXERCISES}
    assert "03_cost" in flags and ASSIGNMENT in flags


def test_without_isolation_the_grader_refuses_unless_told(tmp_path):
    folder = tmp_path / ASSIGNMENT
    folder.mkdir()
    (folder / "ann.ipynb").write_text(notebook())
    book = str(tmp_path / "b.sqlite")
    # method="none" stands for a machine where no namespace can be had
    with pytest.raises(IsolationMissing, match="--no-isolation") as err:
        grade_all([str(folder)], book, workers=1, progress=False, method="none")
    assert "[ ] no network" in str(err.value)
    summary = grade_all([str(folder)], book, workers=1, progress=False, method="none", no_isolation=True, timeout=5.0)
    assert summary["isolation"] == "none" and summary["graded"] == 1
    grade_all([str(folder)], str(tmp_path / "c.sqlite"), workers=1, progress=False, timeout=5.0)
    conn = sqlite3.connect(book)
    runs = conn.execute("SELECT isolation, uid FROM runs").fetchall()
    (sub_iso,) = conn.execute("SELECT isolation FROM submissions").fetchone()
    conn.close()
    assert runs == [("none", os.geteuid())] and sub_iso == "none"
    conn = sqlite3.connect(str(tmp_path / "c.sqlite"))
    assert conn.execute("SELECT isolation FROM runs").fetchone()[0] == ("full:root" if os.geteuid() == 0 else "full:userns")
    conn.close()


def test_check_isolation_reports_every_protection(capsys):
    assert main(["grade", "--check-isolation"]) == 0
    out = capsys.readouterr().out
    method = "root" if os.geteuid() == 0 else "userns"
    assert f"sandbox isolation: full:{method}" in out
    lines = out.splitlines()
    for what in ("no network", "read-only", "private /tmp", "hidden", "pid namespace", "uid/gid 65534"):
        assert any(line.startswith("  [x]") and what in line for line in lines), (what, out)
    assert "[ ]" not in out
