"""``dlkit export``: the gradebook as CSV, long (one row per learner and exercise) or wide (one per learner).

The wide table is what a learning management system imports: one row per
learner, one column of points per assignment, and a total. With a roster
(a CSV the LMS itself exports, e.g. Canvas's gradebook export or Moodle's
"Export to text file"), each row starts with the roster's own identity
columns, copied verbatim, so the LMS recognises its learners; see
docs/grading.md for the Canvas and Moodle recipes.

The gradebook is opened read-only (:func:`dlkit.course.gradebook.connect_readonly`):
exporting never writes to it.
"""
from __future__ import annotations

import csv
import os
import sys

LONG_FIELDS = ["learner", "assignment", "exercise", "points", "max_points", "status", "mistakes", "hints",
               "sha256", "graded_at"]
TOTAL = "Total"


def _read_rows(gradebook) -> list[dict]:
    from . import gradebook as gb

    conn = gb.connect_readonly(gradebook)
    try:
        return gb.rows(conn)
    finally:
        conn.close()


def export_csv(gradebook, out_path) -> int:
    """Write one CSV row per learner and exercise (the long format); returns the number of rows."""
    data = _read_rows(gradebook)
    with open(out_path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=LONG_FIELDS, extrasaction="ignore")
        w.writeheader()
        for r in data:
            w.writerow(dict(r, mistakes=";".join(r["mistakes"]), hints=" | ".join(r["hints"])))
    return len(data)


def read_roster(path, key: str = "learner") -> tuple[list[str], list[dict]]:
    """Read a roster CSV: returns (its column names, its rows); ``key`` names the column holding dlkit's learner id.

    Rows whose ``key`` cell is empty are skipped (Canvas's export has such a
    "Points Possible" row under its header). A learner id listed twice is an
    error: the LMS would get two rows for one person.
    """
    if not isinstance(path, (str, os.PathLike)) or not os.path.isfile(path):
        raise ValueError(f"export: roster must be an existing CSV file, got {path!r}")
    if not isinstance(key, str) or not key:
        raise ValueError(f"export: roster_key must be a column name, got {key!r}")
    with open(path, newline="", encoding="utf-8-sig") as f:  # -sig: spreadsheets often save a BOM
        reader = csv.DictReader(f)
        columns = list(reader.fieldnames or [])
        if key not in columns:
            raise ValueError(f"export: roster {path} has no column {key!r} (its columns are {columns}); "
                             f"name the column holding the learner ids (the submission names) with --roster-key")
        rows, seen = [], set()
        for line, row in enumerate(reader, start=2):
            learner = (row.get(key) or "").strip()
            if not learner:
                continue
            if learner in seen:
                raise ValueError(f"export: roster {path} lists learner {learner!r} twice (line {line}); keep one row per learner")
            seen.add(learner)
            rows.append(dict(row, **{key: learner}))
    return columns, rows


def wide_table(rows, roster=None, roster_key: str = "learner", keep=None, total: bool = True):
    """Pivot gradebook rows to one row per learner: (header, table rows, learners not in the roster).

    Each assignment's cell is the learner's points for it (the sum over its
    exercises); ``Total`` is the sum over assignments. Without a roster the
    identity column is ``learner``, one row per learner in the gradebook.
    With ``roster`` = (columns, rows) from :func:`read_roster`, the rows are
    the roster's, in its order, starting with its columns (only those in
    ``keep`` if given); a roster learner with no submission gets empty cells,
    not 0 (an empty cell leaves the LMS's grade as it is, see docs/grading.md).
    """
    points, assignments = {}, []
    for r in rows:
        if r["assignment"] not in assignments:
            assignments.append(r["assignment"])
        cell = points.setdefault(r["learner"], {})
        cell[r["assignment"]] = cell.get(r["assignment"], 0) + r["points"]
    assignments.sort()
    grade_columns = assignments + ([TOTAL] if total else [])

    def grades(learner):
        got = points.get(learner)
        if got is None:
            return {c: "" for c in grade_columns}
        out = {a: got.get(a, "") for a in assignments}
        if total:
            out[TOTAL] = sum(got.values())
        return out

    if roster is None:
        header = ["learner"] + grade_columns
        return header, [{"learner": l, **grades(l)} for l in sorted(points)], []
    columns, people = roster
    ids = columns if keep is None else list(keep)
    unknown_cols = [c for c in ids if c not in columns]
    if unknown_cols:
        raise ValueError(f"export: --keep names {unknown_cols}, which the roster does not have (its columns are {columns})")
    clash = [c for c in ids if c in grade_columns]
    if clash:
        raise ValueError(f"export: roster columns {clash} have the names of grade columns; drop them with --keep")
    table = [{**{c: person.get(c, "") for c in ids}, **grades(person[roster_key])} for person in people]
    listed = {person[roster_key] for person in people}
    return ids + grade_columns, table, sorted(l for l in points if l not in listed)


def export_wide(gradebook, out_path, roster=None, roster_key: str = "learner", keep=None, total: bool = True):
    """Write the wide CSV; returns (rows written, learners in the gradebook but not in the roster)."""
    roster_data = read_roster(roster, roster_key) if roster is not None else None
    header, table, missing = wide_table(_read_rows(gradebook), roster_data, roster_key, keep, total)
    with open(out_path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=header, extrasaction="ignore")
        w.writeheader()
        w.writerows(table)
    return len(table), missing


def _export_command(args) -> int:
    if args.format == "long":
        if args.roster or args.keep or args.no_total:
            raise SystemExit("dlkit export: --roster, --keep and --no-total belong to --format wide")
        try:
            n = export_csv(args.gradebook, args.csv)
        except ValueError as e:
            raise SystemExit(f"dlkit export: {e}")
        print(f"wrote {n} rows to {args.csv}")
        return 0
    keep = [c.strip() for c in args.keep.split(",")] if args.keep else None
    try:
        n, missing = export_wide(args.gradebook, args.csv, args.roster, args.roster_key, keep, not args.no_total)
    except ValueError as e:
        raise SystemExit(f"dlkit export: {e}")
    print(f"wrote {n} learners to {args.csv}")
    if missing:
        print(f"warning: {len(missing)} learner(s) in the gradebook are not in the roster and were left out: "
              f"{', '.join(missing)}", file=sys.stderr)
    return 0


def register(subparsers) -> None:
    p = subparsers.add_parser("export", help="write the gradebook as CSV: long (learner x exercise) or wide (for an LMS)")
    p.add_argument("--gradebook", required=True, help="the SQLite gradebook written by `dlkit grade` (opened read-only)")
    p.add_argument("--csv", required=True, help="the CSV file to write")
    p.add_argument("--format", choices=("long", "wide"), default="long",
                   help="long: one row per learner and exercise (default); wide: one row per learner, "
                        "a column of points per assignment and a total, for Canvas/Moodle import")
    p.add_argument("--roster", help="wide only: a CSV of the class (e.g. the LMS's own grade export); its rows and "
                                    "identity columns start the output, learners with no submission get empty cells")
    p.add_argument("--roster-key", default="learner",
                   help="the roster column holding dlkit's learner id, the submission's name (default: learner)")
    p.add_argument("--keep", help="comma-separated roster columns to copy (default: all), "
                                  "e.g. 'Student,ID,SIS User ID,SIS Login ID,Section' for Canvas")
    p.add_argument("--no-total", action="store_true",
                   help="leave out the Total column (Canvas would import it as an assignment of its own)")
    p.set_defaults(func=_export_command)
