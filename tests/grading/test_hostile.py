"""Hostile submissions: each gets the right status and points, the batch finishes, the gradebook stays intact.

All the notebooks below are graded in one batch (two workers, as in class, laid out as
submissions/<assignment>/<learner>.ipynb); each test then reads its learner's rows from the
gradebook. CI runs this file as root and as an unprivileged user (``make test-unprivileged``):
the same protections must hold for both, so nothing here is skipped for lack of root.
"""
from __future__ import annotations

import os
import shutil
import socket

import pytest

from dlkit.course import gradebook as gb
from dlkit.course.grade import grade_all, isolation
from grading_helpers import (ASSIGNMENT, EXERCISES, GRADEBOOK_ATTACK, HOSTILE, MAX, PROBING, REFERENCE_ATTACKS,
                             code, instructor_with, notebook, secrets_dir)

TIMEOUT = 3.0
HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 987654321987


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    secret_dir = secrets_dir()
    subs = tmp_path_factory.mktemp("subs")
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.setblocking(False)
    fields = dict(gradebook=os.path.join(secret_dir, "class.sqlite"), seed_file=os.path.join(secret_dir, "seed"),
                  repo_file=os.path.join(HERE, "PWNED_by_learner"), tmp_file="/tmp/dlkit_pwned_by_learner",
                  port=listener.getsockname()[1], grader_pid=os.getpid(),
                  instructor=os.path.join(os.path.dirname(os.path.dirname(HERE)), "notebooks", "instructor",
                                          "02_forward_propagation.ipynb"))
    with open(fields["seed_file"], "w") as f:
        f.write(f"{SEED}\n")
    os.chmod(fields["seed_file"], 0o600)
    cases = dict(HOSTILE)
    for name, (funcs, pre, expected) in PROBING.items():
        cases[name] = ({k: v.format(**fields) for k, v in funcs.items()}, pre, expected)
    cases["gradebook_trigger"] = ({"sigmoid": code(GRADEBOOK_ATTACK.format(**fields))}, None, {"crashed"})
    (subs / ASSIGNMENT).mkdir()
    for name, (funcs, pre, _) in cases.items():
        (subs / ASSIGNMENT / f"{name}.ipynb").write_text(notebook(funcs, preamble=pre or "import numpy as np"))
    (subs / ASSIGNMENT / "right.ipynb").write_text(notebook())
    (subs / ASSIGNMENT / "broken_json.ipynb").write_text(notebook()[:-40])
    for name, (stem, _, src) in REFERENCE_ATTACKS.items():
        (subs / stem).mkdir(exist_ok=True)
        (subs / stem / f"{name}.ipynb").write_text(instructor_with(stem, src))
        (subs / stem / f"right_{stem}.ipynb").write_text(instructor_with(stem, "pass"))
    summary = grade_all([str(subs)], fields["gradebook"], workers=2, timeout=TIMEOUT, seed=SEED, progress=False,
                        hide=[secret_dir])
    try:
        conn, _ = listener.accept()
        connected = True
        conn.close()
    except BlockingIOError:
        connected = False
    listener.close()
    conn = gb.connect(fields["gradebook"])
    rows = {}
    for r in gb.rows(conn):
        rows.setdefault(r["learner"], {})[r["exercise"]] = r
    integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    triggers = conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()
    conn.close()
    yield {"rows": rows, "summary": summary, "fields": fields, "connected": connected, "integrity": integrity,
           "triggers": triggers, "n": sum(1 for _ in subs.glob("*/*.ipynb"))}
    shutil.rmtree(secret_dir, ignore_errors=True)


def test_batch_finishes_with_every_row(batch):
    assert batch["summary"]["graded"] == batch["n"]
    assert batch["integrity"] == "ok" and batch["triggers"] == []
    for learner, rows in batch["rows"].items():
        if learner in HOSTILE or learner in PROBING or learner == "right":
            assert list(rows) == EXERCISES, learner  # one row per exercise, none doubled


def test_right_submission_full_marks(batch):
    rows = batch["rows"]["right"]
    assert {n: r["points"] for n, r in rows.items()} == MAX
    assert all(r["status"] == "graded" for r in rows.values())


def test_broken_json_is_unreadable(batch):
    rows = batch["rows"]["broken_json"]
    assert list(rows) == EXERCISES  # the instructor's assignment: one row per exercise
    assert {r["status"] for r in rows.values()} == {"unreadable"} and all(r["points"] == 0 for r in rows.values())


@pytest.mark.parametrize("case", sorted({**HOSTILE, **PROBING}))
def test_hostile(batch, case):
    expected = {**HOSTILE, **PROBING}[case][2]
    rows = batch["rows"][case]
    sig = rows["sigmoid"]
    assert sig["status"] in expected, sig["report"]
    if expected != {"graded"} or case in ("always_equal_object", "ndarray_subclass", "matrix_subclass"):
        want = MAX["sigmoid"] if case in ("huge_print", "write_tmp") else 0
        assert sig["points"] == want, sig["report"]
    # the harm is charged to sigmoid: exercises that do not use it keep full marks
    assert rows["linear_forward"]["points"] == MAX["linear_forward"], rows["linear_forward"]["report"]
    assert rows["relu"]["points"] == MAX["relu"], rows["relu"]["report"]
    for r in rows.values():  # the secret seed never reaches a report
        assert str(SEED) not in r["report"]


@pytest.mark.parametrize("case", sorted(REFERENCE_ATTACKS))
def test_reference_is_out_of_reach(batch, case):
    stem, cheated, _ = REFERENCE_ATTACKS[case]
    rows, right = batch["rows"][case], batch["rows"][f"right_{stem}"]
    # 0 points: flagged (it asked the judge for a reference), crashed (nothing there) or plain wrong
    assert rows[cheated]["points"] == 0, rows[cheated]["report"]
    assert all(r["points"] == r["max_points"] for r in right.values()), right
    for name, r in rows.items():  # exercises that do not call the cheated one keep their marks
        if name != cheated and cheated not in name and not name.startswith(("model_", "linear_activation")):
            assert r["points"] == r["max_points"], (name, r["report"])


def test_gradebook_trigger_attack_fails(batch):
    rows = batch["rows"]["gradebook_trigger"]
    sig = rows["sigmoid"]
    assert sig["points"] == 0 and sig["status"] == "crashed", sig["report"]
    # the gradebook and seed are not there for the child at all (hidden), whoever runs the grader
    assert "FileNotFoundError" in sig["report"] or "PermissionError" in sig["report"], sig["report"]
    assert batch["triggers"] == []
    assert oct(os.stat(batch["fields"]["gradebook"]).st_mode & 0o777) == "0o600"


def test_no_connection_was_made(batch):
    assert not batch["connected"]
    assert "unreachable" in batch["rows"]["network"]["sigmoid"]["report"].lower()


def test_writes_outside_the_folder_did_not_land(batch):
    assert not os.path.exists(batch["fields"]["repo_file"])
    assert not os.path.exists(batch["fields"]["tmp_file"])  # the child's /tmp is private
    report = batch["rows"]["write_repo"]["sigmoid"]["report"]
    assert "Read-only file system" in report or "FileNotFoundError" in report, report


def test_gradebook_and_seed_unreadable_from_child(batch):
    for case in ("read_gradebook", "read_seed_file"):
        report = batch["rows"][case]["sigmoid"]["report"]
        assert "PermissionError" in report or "FileNotFoundError" in report, report


def test_isolation_is_full_as_root_and_as_a_normal_user(batch):
    iso = isolation()
    assert iso.root == (os.geteuid() == 0)
    assert iso.method == ("root" if iso.root else "userns"), iso.report()
    assert iso.full, iso.report()
    assert batch["summary"]["isolation"] == f"full:{iso.method}"
