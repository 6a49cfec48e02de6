"""``dlkit export``: long and wide (LMS) formats, the roster, and the read-only gradebook."""
from __future__ import annotations

import csv
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
import textwrap

import pytest

from dlkit.course import gradebook as gb
from dlkit.course.cli import main
from grading_helpers import ASSIGNMENT, EXERCISES, MAX, notebook

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NO_B = {"linear_forward": "def linear_forward(A_prev, W, b):\n    Z = W @ A_prev\n    return Z, (A_prev, W, b)"}
BACKWARD = "04_backward_propagation"


def record(book, learner, assignment, points, max_points=None, mistakes=None):
    """Put one submission in the gradebook through its own API: points = {exercise: points}."""
    conn = gb.connect(book)
    rows = []
    for ex, p in points.items():
        mids = (mistakes or {}).get(ex, [])
        rows.append({"exercise": ex, "points": p, "max_points": (max_points or {}).get(ex, 3), "status": "graded",
                     "mistakes": mids, "hints": [f"hint of {m}" for m in mids], "report": f"{ex}: {p}"})
    gb.record(conn, {"learner": learner, "assignment": assignment, "sha256": f"{learner}-{assignment}", "rows": rows})
    conn.close()


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        return next(reader), [row for row in reader]


def snapshot(folder):
    """Every file in ``folder`` with its bytes and mtime: a write of any kind changes it."""
    return {name: (open(os.path.join(folder, name), "rb").read(), os.stat(os.path.join(folder, name)).st_mtime_ns)
            for name in sorted(os.listdir(folder))}


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    """A gradebook filled by real grading: ann right, bob without b in linear_forward."""
    folder = tmp_path_factory.mktemp("graded")
    for name, funcs in (("ann", None), ("bob", NO_B)):
        (folder / f"{name}.ipynb").write_text(notebook(funcs))
    book = str(folder / "class.sqlite")
    assert main(["grade", str(folder / "ann.ipynb"), str(folder / "bob.ipynb"), "--gradebook", book,
                 "--workers", "1", "--quiet", "--no-hidden", "--assignment", ASSIGNMENT]) == 0
    return book


def test_wide_export_of_a_real_grading_is_one_row_per_learner(graded_class, tmp_path):
    assert main(["export", "--gradebook", graded_class, "--csv", str(tmp_path / "long.csv")]) == 0
    assert main(["export", "--gradebook", graded_class, "--csv", str(tmp_path / "wide.csv"), "--format", "wide"]) == 0
    long_header, long_rows = read_csv(tmp_path / "long.csv")
    header, rows = read_csv(tmp_path / "wide.csv")
    assert header == ["learner", ASSIGNMENT, "Total"]
    assert [r[0] for r in rows] == ["ann", "bob"]
    i, p = long_header.index("learner"), long_header.index("points")
    bob_long = sum(int(r[p]) for r in long_rows if r[i] == "bob")
    assert rows[0] == ["ann", str(sum(MAX.values())), str(sum(MAX.values()))]  # full marks: 8
    assert rows[1] == ["bob", str(bob_long), str(bob_long)] and bob_long < sum(MAX.values())
    assert len(long_rows) == 2 * len(EXERCISES)  # the long format is still there, one row per exercise


def canvas_roster(path):
    """A roster in the layout of Canvas's own gradebook export (with its Points Possible row)."""
    path.write_text(textwrap.dedent("""\
        Student,ID,SIS User ID,SIS Login ID,Section,Quiz 1 (101)
            Points Possible,,,,,10
        "Lovelace, Ann",4001,S-1,ann,Sec A,9
        "Babbage, Bob",4002,S-2,bob,Sec A,7
        "Cara, Carla",4003,S-3,cara,Sec B,
    """))
    return path


def test_wide_export_with_a_canvas_roster(tmp_path, capsys):
    book = str(tmp_path / "b.sqlite")
    record(book, "ann", ASSIGNMENT, {"linear_forward": 2, "sigmoid": 1}, {"linear_forward": 2, "sigmoid": 1})
    record(book, "ann", BACKWARD, {"linear_backward": 3})
    record(book, "bob", ASSIGNMENT, {"linear_forward": 0, "sigmoid": 1}, {"linear_forward": 2, "sigmoid": 1})
    record(book, "dan", ASSIGNMENT, {"linear_forward": 1, "sigmoid": 1})  # not in the roster
    roster = canvas_roster(tmp_path / "canvas.csv")
    out = tmp_path / "import.csv"
    assert main(["export", "--gradebook", book, "--csv", str(out), "--format", "wide", "--roster", str(roster),
                 "--roster-key", "SIS Login ID", "--keep", "Student,ID,SIS User ID,SIS Login ID,Section",
                 "--no-total"]) == 0
    header, rows = read_csv(out)
    assert header == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", ASSIGNMENT, BACKWARD]
    assert rows == [["Lovelace, Ann", "4001", "S-1", "ann", "Sec A", "3", "3"],
                    ["Babbage, Bob", "4002", "S-2", "bob", "Sec A", "1", ""],   # no backward submission: empty
                    ["Cara, Carla", "4003", "S-3", "cara", "Sec B", "", ""]]   # in the roster, nothing submitted
    err = capsys.readouterr().err
    assert "not in the roster" in err and "dan" in err


def test_wide_export_with_a_plain_roster_keeps_its_columns_and_totals(tmp_path):
    book = str(tmp_path / "b.sqlite")
    record(book, "ann", ASSIGNMENT, {"relu": 1, "sigmoid": 1}, {"relu": 1, "sigmoid": 1})
    record(book, "ann", BACKWARD, {"linear_backward": 2})
    (tmp_path / "r.csv").write_text("Email address,learner,First name\nann@example.org,ann,Ann\nz@example.org,zoe,Zoe\n")
    out = tmp_path / "moodle.csv"
    assert main(["export", "--gradebook", book, "--csv", str(out), "--format", "wide",
                 "--roster", str(tmp_path / "r.csv")]) == 0
    header, rows = read_csv(out)
    assert header == ["Email address", "learner", "First name", ASSIGNMENT, BACKWARD, "Total"]
    assert rows == [["ann@example.org", "ann", "Ann", "2", "2", "4"], ["z@example.org", "zoe", "Zoe", "", "", ""]]


@pytest.mark.parametrize("content, args, message", [
    ("who,name\nann,Ann\n", [], "no column 'learner'"),
    ("learner,name\nann,Ann\nann,Ann B\n", [], "twice"),
    ("learner,name\nann,Ann\n", ["--keep", "learner,Email"], "Email"),
    ("learner,linear\nann,Ann\n", ["--format", "long"], "belong to --format wide"),
])
def test_roster_mistakes_are_named(tmp_path, content, args, message):
    book = str(tmp_path / "b.sqlite")
    record(book, "ann", ASSIGNMENT, {"relu": 1})
    (tmp_path / "r.csv").write_text(content)
    argv = ["export", "--gradebook", book, "--csv", str(tmp_path / "o.csv"), "--format", "wide",
            "--roster", str(tmp_path / "r.csv"), *args]
    with pytest.raises(SystemExit, match=message):
        main(argv)


def test_export_and_report_never_write_the_gradebook(graded_class, tmp_path):
    """Read-only file in a read-only folder: both commands work, and not one byte or mtime changes."""
    folder = tmp_path / "ro"
    folder.mkdir()
    book = str(folder / "class.sqlite")
    shutil.copy(graded_class, book)
    before = snapshot(folder)
    os.chmod(book, 0o400)
    os.chmod(folder, 0o500)
    try:
        out = tmp_path / "out"
        out.mkdir()
        assert main(["export", "--gradebook", book, "--csv", str(out / "long.csv")]) == 0
        assert main(["export", "--gradebook", book, "--csv", str(out / "wide.csv"), "--format", "wide"]) == 0
        assert main(["report", "--gradebook", book, "--html", str(out / "r.html"), "--plot", str(out / "r.png")]) == 0
    finally:
        os.chmod(folder, 0o700)
        os.chmod(book, 0o600)
    assert snapshot(folder) == before  # same files (no -wal, -shm or journal), same bytes, same mtimes
    assert read_csv(out / "wide.csv")[1][0][0] == "ann" and "bob" in (out / "r.html").read_text()


def test_the_read_only_connection_refuses_writes_even_for_root(graded_class):
    conn = gb.connect_readonly(graded_class)
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            conn.execute("DELETE FROM grades")
        assert len(gb.rows(conn)) == 2 * len(EXERCISES)
    finally:
        conn.close()


def test_rows_still_in_the_wal_are_read(tmp_path):
    """A gradebook whose writer is still open (its rows in the -wal file) is read with mode=ro, rows included."""
    book = str(tmp_path / "b.sqlite")
    writer = gb.connect(book)
    try:
        gb.record(writer, {"learner": "ann", "assignment": ASSIGNMENT, "sha256": "x", "rows": [
            {"exercise": "relu", "points": 1, "max_points": 1, "status": "graded", "mistakes": [], "hints": []}]})
        assert os.path.getsize(book + "-wal") > 0
        reader = gb.connect_readonly(book)
        assert [(r["learner"], r["points"]) for r in gb.rows(reader)] == [("ann", 1)]
        reader.close()
    finally:
        writer.close()


def test_not_a_gradebook_is_a_clear_error(tmp_path):
    (tmp_path / "x.sqlite").write_bytes(b"not sqlite at all" * 100)
    sqlite3.connect(tmp_path / "empty.sqlite").close()
    for name in ("x.sqlite", "empty.sqlite", "none.sqlite"):
        with pytest.raises(SystemExit, match="gradebook"):
            main(["export", "--gradebook", str(tmp_path / name), "--csv", str(tmp_path / "o.csv")])


# As an unprivileged user file permissions do stop writes: the old export crashed there with
# "attempt to write a readonly database". The system Python has no numpy, so dlkit's package
# __init__ is bypassed and only the stdlib-only modules dlkit.course.gradebook/export are imported.
UNPRIVILEGED_SCRIPT = """
import sqlite3, sys, types
for name, sub in (("dlkit", "dlkit"), ("dlkit.course", "dlkit/course")):
    m = types.ModuleType(name); m.__path__ = [sys.argv[1] + "/" + sub]; sys.modules[name] = m
from dlkit.course import export, gradebook
book, out = sys.argv[2], sys.argv[3]
try:
    gradebook.connect(book)
    print("writer: opened")
except sqlite3.OperationalError as e:
    print("writer:", e)
print("long:", export.export_csv(book, out + "/long.csv"))
print("wide:", export.export_wide(book, out + "/wide.csv")[0])
"""


def test_export_as_an_unprivileged_user(graded_class):
    python = shutil.which("python3", path="/usr/bin:/bin")
    if python is None:
        pytest.skip("needs a system python3 outside /root for the unprivileged user")
    work = tempfile.mkdtemp(prefix="dlkit-ro-", dir="/tmp")
    try:
        folder, out = os.path.join(work, "ro"), os.path.join(work, "out")
        os.mkdir(folder)
        os.mkdir(out)
        book = os.path.join(folder, "class.sqlite")
        shutil.copy(graded_class, book)
        cmd = [python, "-c", UNPRIVILEGED_SCRIPT, REPO, book, out]
        if os.geteuid() == 0:  # as root, become uid 65534; the files are that user's but read-only
            for path in (work, folder, out, book):
                os.chown(path, 65534, 65534)
            cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *cmd]
        os.chmod(work, 0o755)
        os.chmod(book, 0o400)
        os.chmod(folder, 0o500)
        before = snapshot(folder)
        run = subprocess.run(cmd, capture_output=True, text=True, timeout=60, cwd=work)
        assert run.returncode == 0, run.stderr
        assert "writer: attempt to write a readonly database" in run.stdout or "writer: unable to open" in run.stdout
        assert f"long: {2 * len(EXERCISES)}" in run.stdout and "wide: 2" in run.stdout
        assert read_csv(os.path.join(out, "wide.csv"))[0] == ["learner", ASSIGNMENT, "Total"]
        assert snapshot(folder) == before
    finally:
        os.chmod(os.path.join(work, "ro"), stat.S_IRWXU)
        shutil.rmtree(work)
