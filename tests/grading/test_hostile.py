"""Hostile submissions: each gets the right status and points, the batch finishes, the gradebook stays intact.

All the notebooks below are graded in one batch (two workers, as in class);
each test then reads its learner's rows from the gradebook.
"""
from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import tempfile

import pytest

from dlkit.course import gradebook as gb
from dlkit.course.grade import grade_all, isolation
from grading_helpers import EXERCISES, HOSTILE, MAX, NEEDS, PROBING, isolation_facts, notebook

FACTS = isolation_facts()
ROOT = FACTS["root"]


def lacking(case):
    """Why this case cannot be tested here, or None."""
    need = NEEDS.get(case)
    return None if need is None or FACTS[need] else f"needs {need}, which this machine does not give (docs/grading.md)"
TIMEOUT = 3.0
HERE = os.path.dirname(os.path.abspath(__file__))


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    # Outside /tmp when root, so "cannot read it" is about permissions, not the private /tmp.
    secret_dir = tempfile.mkdtemp(dir=os.path.expanduser("~") if ROOT else None)
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
        f.write("987654321987\n")
    os.chmod(fields["seed_file"], 0o600)
    cases = dict(HOSTILE)
    for name, (funcs, pre, expected) in PROBING.items():
        cases[name] = ({k: v.format(**fields) for k, v in funcs.items()}, pre, expected)
    for name, (funcs, pre, _) in cases.items():
        if lacking(name):
            continue
        (subs / f"{name}.ipynb").write_text(notebook(funcs, preamble=pre or "import numpy as np"))
    (subs / "right.ipynb").write_text(notebook())
    (subs / "broken_json.ipynb").write_text(notebook()[:-40])
    summary = grade_all(sorted(str(p) for p in subs.iterdir()), fields["gradebook"], workers=2, timeout=TIMEOUT,
                        seed=987654321987, progress=False)
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
    conn.close()
    yield {"rows": rows, "summary": summary, "fields": fields, "connected": connected, "integrity": integrity,
           "n": len(list(subs.iterdir()))}
    shutil.rmtree(secret_dir, ignore_errors=True)


def test_batch_finishes_with_every_row(batch):
    assert batch["summary"]["graded"] == batch["n"]
    assert batch["integrity"] == "ok"
    for learner, rows in batch["rows"].items():
        if learner == "broken_json":
            continue
        assert list(rows) == EXERCISES, learner  # one row per exercise, none doubled


def test_right_submission_full_marks(batch):
    rows = batch["rows"]["right"]
    assert {n: r["points"] for n, r in rows.items()} == MAX
    assert all(r["status"] == "graded" for r in rows.values())


def test_broken_json_is_unreadable(batch):
    (row,) = batch["rows"]["broken_json"].values()
    assert row["status"] == "unreadable" and row["points"] == 0


@pytest.mark.parametrize("case", sorted({**HOSTILE, **PROBING}))
def test_hostile(batch, case):
    if lacking(case):
        pytest.skip(lacking(case))
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
        assert "987654321987" not in r["report"]


def test_no_connection_was_made(batch):
    if lacking("network"):
        pytest.skip(lacking("network"))
    assert not batch["connected"]
    assert "unreachable" in batch["rows"]["network"]["sigmoid"]["report"].lower()


def test_writes_outside_the_folder_did_not_land(batch):
    if lacking("write_tmp") or lacking("write_repo"):
        pytest.skip("the child runs as this user without root and namespaces: it can write where this user can")
    assert not os.path.exists(batch["fields"]["repo_file"])
    assert not os.path.exists(batch["fields"]["tmp_file"])  # the child's /tmp is private
    # A checkout under /tmp is hidden by the child's private /tmp: the write
    # then fails as "not found" instead of "permission denied" (a fresh clone
    # in /tmp running .ci/run hits this). Either way it did not land.
    report = batch["rows"]["write_repo"]["sigmoid"]["report"]
    assert "Permission" in report or "FileNotFoundError" in report, report


def test_gradebook_and_seed_unreadable_from_child(batch):
    if not ROOT:
        pytest.skip("without root the child runs as the gradebook's owner")
    for case in ("read_gradebook", "read_seed_file"):
        report = batch["rows"][case]["sigmoid"]["report"]
        assert "PermissionError" in report or "FileNotFoundError" in report, report
    assert oct(os.stat(batch["fields"]["gradebook"]).st_mode & 0o777) == "0o600"


def test_isolation_report_matches_machine():
    iso = isolation()
    assert iso.root == (os.geteuid() == 0)
    if not iso.root:
        assert not (iso.network_namespace or iso.setuid_nobody or iso.pid_namespace)
    elif iso.notes:  # root, but the kernel refused something: say what, visibly
        pytest.skip("isolation is partial here: " + "; ".join(iso.notes))
    else:
        assert iso.network_namespace and iso.setuid_nobody and iso.private_tmp and iso.pid_namespace
