"""The gradebook and the commands around it: resume after kill -9, export, report, feedback."""
from __future__ import annotations

import csv
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from dlkit.course import gradebook as gb
from dlkit.course.cli import main
from grading_helpers import ASSIGNMENT, EXERCISES, MAX, notebook, sigmoid_doing

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def make_class(folder, n, slow=()):
    """n submissions; those in ``slow`` have a sigmoid that loops (to be killed mid-batch)."""
    paths = []
    folder = folder / ASSIGNMENT  # the instructor's layout: submissions/<assignment>/<learner>.ipynb
    folder.mkdir(exist_ok=True)
    for i in range(n):
        funcs = sigmoid_doing("while True:\n    pass") if i in slow else None
        p = folder / f"learner{i:02d}.ipynb"
        p.write_text(notebook(funcs))
        paths.append(str(p))
    return paths


def count_rows(path):
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT learner, COUNT(*) FROM grades GROUP BY learner").fetchall()
    subs = conn.execute("SELECT COUNT(*) FROM submissions").fetchone()[0]
    ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
    conn.close()
    return dict(rows), subs, ok


def test_resume_after_kill_9(tmp_path):
    paths = make_class(tmp_path, 8, slow={3, 5})
    book = str(tmp_path / "book.sqlite")
    cmd = [sys.executable, "-m", "dlkit.course.cli", "grade", *paths, "--gradebook", book, "--workers", "1",
           "--timeout", "0.5", "--quiet", "--no-hidden"]
    env = dict(os.environ, PYTHONPATH=REPO)
    proc = subprocess.Popen(cmd, env=env, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait until some but not all submissions are in
        time.sleep(0.2)
        try:
            if os.path.exists(book) and 0 < count_rows(book)[1] < 8:
                break
        except sqlite3.OperationalError:  # the file exists but its tables are being created
            continue
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    rows, subs, ok = count_rows(book)
    assert ok == "ok" and 0 < subs < 8
    assert all(n == len(EXERCISES) for n in rows.values())  # whole submissions only
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert f"skipped {subs} already in the gradebook" in out.stdout
    rows, subs, ok = count_rows(book)
    assert ok == "ok" and subs == 8 and rows == {f"learner{i:02d}": len(EXERCISES) for i in range(8)}
    again = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert "graded 0 submission(s)" in again.stdout and count_rows(book)[0] == rows


def test_changed_submission_is_regraded_and_replaced(tmp_path):
    book = str(tmp_path / "b.sqlite")
    p = tmp_path / "ann.ipynb"
    p.write_text(notebook({"relu": "def relu(Z):\n    return Z"}))
    from dlkit.course.grade import grade_all

    first = grade_all([str(p)], book, workers=1, progress=False, assignment=ASSIGNMENT)
    assert first["statuses"] == {"graded": len(EXERCISES)}
    p.write_text(notebook())
    summary = grade_all([str(p)], book, workers=1, progress=False, assignment=ASSIGNMENT)
    assert summary["graded"] == 1
    conn = gb.connect(book)
    rows = gb.rows(conn)
    conn.close()
    assert len(rows) == len(EXERCISES) and all(r["points"] == MAX[r["exercise"]] for r in rows)


def test_cli_grade_export_report_feedback(tmp_path, capsys):
    subs = tmp_path / "subs"
    subs.mkdir()
    (subs / "ann.ipynb").write_text(notebook())
    (subs / "bob.ipynb").write_text(notebook({"linear_forward": "def linear_forward(A_prev, W, b):\n"
                                                                "    Z = W @ A_prev\n    return Z, (A_prev, W, b)"}))
    folder = subs / "cara"  # a folder holding the notebook: the learner is the folder's name
    folder.mkdir()
    (folder / "whatever.ipynb").write_text(notebook({"relu": None}))
    (subs / "dan.ipynb").write_text("{broken")
    book = str(tmp_path / "class.sqlite")
    fb = tmp_path / "feedback"
    argv = [str(subs / "ann.ipynb"), str(subs / "bob.ipynb"), str(folder), str(subs / "dan.ipynb"),
            "--gradebook", book, "--workers", "2", "--feedback", str(fb), "--quiet",
            "--assignment", "02_forward_propagation"]
    assert main(["grade", *argv]) == 0
    assert os.stat(book + ".seed").st_mode & 0o777 == 0o600  # a secret seed was made, owner-only
    out = tmp_path / "grades.csv"
    assert main(["export", "--gradebook", book, "--csv", str(out)]) == 0
    with open(out) as f:
        table = list(csv.DictReader(f))
    assert {"learner", "assignment", "exercise", "points", "max_points", "status", "mistakes"} <= set(table[0])
    by = {(r["learner"], r["exercise"]): r for r in table}
    assert len(table) == 4 * len(EXERCISES)
    assert by[("ann", "relu")]["status"] == "graded" and by[("ann", "relu")]["points"] == "1"
    assert by[("bob", "linear_forward")]["points"] != "2" and "linear_forward.b_missing" in by[("bob", "linear_forward")]["mistakes"]
    assert by[("cara", "relu")]["status"] == "missing"
    assert by[("dan", "relu")]["status"] == "unreadable"
    # feedback: hints and shapes for bob, never the seed or the checks' code
    md = (fb / "bob" / "02_forward_propagation.md").read_text()
    html = (fb / "bob" / "02_forward_propagation.html").read_text()
    seed = open(book + ".seed").read().strip()
    assert "b[l]" in md or "+ b" in md
    assert seed not in md and seed not in html and "def " not in md and "random_case" not in md
    assert "<pre>" in html and "<script" not in html
    capsys.readouterr()
    plot = tmp_path / "report.png"
    assert main(["report", "--gradebook", book, "--plot", str(plot)]) == 0
    text = capsys.readouterr().out
    assert "linear_forward" in text and "linear_forward.b_missing (1)" in text
    assert plot.stat().st_size > 1000


def test_bad_arguments_are_named(tmp_path):
    with pytest.raises(ValueError, match="gradebook"):
        from dlkit.course.export import export_csv

        export_csv(str(tmp_path / "none.sqlite"), str(tmp_path / "x.csv"))
    with pytest.raises(ValueError, match="workers"):
        from dlkit.course.grade import grade_all

        grade_all([], str(tmp_path / "b.sqlite"), workers=0)
    with pytest.raises(ValueError, match="unknown assignment"):
        from dlkit.course.grade import resolve_assignment

        resolve_assignment("99_nothing")


def test_progress_bar_with_eta(tmp_path, capsys):
    from dlkit.course.grade import grade_all

    paths = make_class(tmp_path, 3)
    grade_all(paths, str(tmp_path / "p.sqlite"), workers=1, progress=True, timeout=5.0)
    err = capsys.readouterr().err
    assert "grading" in err and "3/3" in err
    assert "<" in err and "submission" in err  # tqdm's "elapsed<remaining" ETA and the unit
