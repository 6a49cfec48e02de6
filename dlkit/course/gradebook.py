"""The gradebook: one SQLite row per learner, assignment and exercise.

Only the judging parent writes it, one transaction per submission (all of a
submission's rows and its ``submissions`` row commit together or not at
all), so a batch killed with ``kill -9`` resumes without losing or doubling a
row: a submission whose sha256 is already recorded is skipped, a changed one
is graded again and its rows replaced. The file is created readable by its
owner only (the sandboxed children run as another user and cannot open it).
"""
from __future__ import annotations

import json
import os
import sqlite3
import time

STATUSES = ("graded", "not_implemented", "missing", "timeout", "crashed", "unreadable", "flagged")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS grades (
    learner    TEXT NOT NULL,
    assignment TEXT NOT NULL,
    exercise   TEXT NOT NULL,
    points     INTEGER NOT NULL,
    max_points INTEGER NOT NULL,
    status     TEXT NOT NULL,
    mistakes   TEXT NOT NULL,   -- JSON list of stable mistake ids
    hints      TEXT NOT NULL,   -- JSON list of hint sentences
    report     TEXT NOT NULL,   -- the checkpoint's text report (public information only)
    sha256     TEXT NOT NULL,
    graded_at  TEXT NOT NULL,
    PRIMARY KEY (learner, assignment, exercise)
);
CREATE TABLE IF NOT EXISTS submissions (
    learner    TEXT NOT NULL,
    assignment TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    path       TEXT NOT NULL,
    seconds    REAL NOT NULL,
    graded_at  TEXT NOT NULL,
    PRIMARY KEY (learner, assignment)
);
CREATE TABLE IF NOT EXISTS runs (
    run_id     INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    uid        INTEGER NOT NULL,   -- who ran dlkit grade
    isolation  TEXT NOT NULL,      -- "full:root", "full:userns", "full:bwrap", "partial:...", "none"
    report     TEXT NOT NULL       -- the isolation report (dlkit grade --check-isolation)
);
"""
# Columns added after the first release: (table, column, declaration), added to older gradebooks.
_ADDED = (("submissions", "isolation", "TEXT NOT NULL DEFAULT ''"),
          ("submissions", "flags", "TEXT NOT NULL DEFAULT '[]'"),  # JSON list, e.g. metadata naming another assignment
          ("submissions", "run_id", "INTEGER"))


def connect(path) -> sqlite3.Connection:
    """Open (and create, owner-only) the gradebook at ``path``."""
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"gradebook.connect: path must be a file path, got {type(path).__name__}")
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise ValueError(f"gradebook.connect: the folder of gradebook {path!r} does not exist")
    if not os.path.exists(path):
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    conn = sqlite3.connect(path, timeout=30)
    conn.execute("PRAGMA journal_mode=WAL")  # a killed writer never leaves a half-written row
    conn.execute("PRAGMA synchronous=FULL")
    conn.executescript(_SCHEMA)
    for table, column, decl in _ADDED:
        if column not in {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {decl}")
    return conn


def record_run(conn, isolation: str, report: str) -> int:
    """Record one ``dlkit grade`` run and the isolation it had; returns its run_id."""
    now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    with conn:
        cur = conn.execute("INSERT INTO runs (started_at, uid, isolation, report) VALUES (?,?,?,?)",
                           (now, os.geteuid(), str(isolation), str(report)))
    return int(cur.lastrowid)


def connect_readonly(path) -> sqlite3.Connection:
    """Open an existing gradebook for reading only (``dlkit export``, ``dlkit report``): never writes.

    With no ``-wal`` file next to it (no writer running, none killed) it is
    opened ``immutable``: no lock, no ``-shm``, so a read-only file or folder
    works. A ``-wal`` file holds rows not yet in the main file, so then it is
    opened ``mode=ro``, which reads them (and needs the folder writable only
    for SQLite's shared-memory file).
    """
    import urllib.parse

    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"gradebook.connect_readonly: path must be a file path, got {type(path).__name__}")
    path = os.fspath(path)
    if not os.path.isfile(path):
        raise ValueError(f"no gradebook at {path!r}: run `dlkit grade ... --gradebook {path}` first")
    mode = "mode=ro" if os.path.exists(path + "-wal") else "immutable=1"
    uri = "file:" + urllib.parse.quote(os.path.abspath(path)) + "?" + mode
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=30)
        tables = {t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as e:
        raise ValueError(f"cannot read the gradebook {path!r} ({e}): it is not a dlkit gradebook, or a "
                         f"half-written {path}-wal sits in a folder you cannot write; run `dlkit grade` "
                         f"once where you can write, or copy the gradebook (with its -wal file) to such a folder") from None
    if not {"grades", "submissions"} <= tables:
        conn.close()
        raise ValueError(f"{path!r} is not a dlkit gradebook (it has no grades table); give the file `dlkit grade` wrote")
    return conn


def done(conn, learner: str, assignment: str, sha: str) -> bool:
    """Has this exact submission (same sha256) already been recorded?"""
    row = conn.execute("SELECT sha256 FROM submissions WHERE learner=? AND assignment=?",
                       (learner, assignment)).fetchone()
    return row is not None and row[0] == sha


def done_shas(conn) -> dict:
    """(learner, sha256) -> assignment for every recorded submission (used to skip on resume)."""
    return {(l, s): a for l, a, s in conn.execute("SELECT learner, assignment, sha256 FROM submissions")}


def record(conn, result: dict) -> None:
    """Write one graded submission (``result`` from :func:`dlkit.course.grade.grade_notebook`) atomically."""
    for key in ("learner", "assignment", "sha256", "rows"):
        if key not in result:
            raise ValueError(f"gradebook.record: result must have {key!r}, got keys {sorted(result)}")
    now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    learner, assignment = result["learner"], result["assignment"]
    with conn:  # one transaction: every row of the submission, or none
        # Re-grading replaces all of the learner's rows for the assignment, and the rows an
        # older grader filed under "unknown" (before the instructor named the assignment).
        stale = (assignment, "unknown") if assignment != "unknown" else (assignment,)
        for name in stale:
            conn.execute("DELETE FROM grades WHERE learner=? AND assignment=?", (learner, name))
            conn.execute("DELETE FROM submissions WHERE learner=? AND assignment=?", (learner, name))
        for row in result["rows"]:
            if row["status"] not in STATUSES:
                raise ValueError(f"gradebook.record: status must be one of {STATUSES}, got {row['status']!r}")
            conn.execute(
                "INSERT OR REPLACE INTO grades VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (result["learner"], result["assignment"], row["exercise"], int(row["points"]),
                 int(row["max_points"]), row["status"], json.dumps(row["mistakes"]), json.dumps(row["hints"]),
                 row.get("report", ""), result["sha256"], now),
            )
        conn.execute("INSERT OR REPLACE INTO submissions (learner, assignment, sha256, path, seconds, graded_at, "
                     "isolation, flags, run_id) VALUES (?,?,?,?,?,?,?,?,?)",
                     (learner, assignment, result["sha256"], result.get("path", ""),
                      float(result.get("seconds", 0.0)), now, str(result.get("isolation", "")),
                      json.dumps(list(result.get("flags", []))), result.get("run_id")))


def rows(conn, assignment: str | None = None) -> list[dict]:
    """Every grade row as a dict (mistakes and hints decoded), sorted by learner, assignment, exercise."""
    sql = "SELECT learner, assignment, exercise, points, max_points, status, mistakes, hints, report, sha256, graded_at FROM grades"
    args = ()
    if assignment is not None:
        sql += " WHERE assignment=?"
        args = (assignment,)
    out = []
    for r in conn.execute(sql + " ORDER BY learner, assignment, rowid", args):
        out.append(dict(zip(("learner", "assignment", "exercise", "points", "max_points", "status", "mistakes",
                             "hints", "report", "sha256", "graded_at"), r)))
        out[-1]["mistakes"] = json.loads(out[-1]["mistakes"])
        out[-1]["hints"] = json.loads(out[-1]["hints"])
    return out
