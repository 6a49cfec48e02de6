"""Reading notebooks the way learners leave them: exercises are found by what they define."""
from __future__ import annotations

import glob
import json
import os

import nbformat
import pytest

from dlkit.course.grade import ASSIGNMENTS, grade_notebook
from dlkit.course.submission import Unreadable, extract, read_notebook
from grading_helpers import ASSIGNMENT, EXERCISES, MAX, RIGHT, code, notebook

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def points(text, **kw):
    kw.setdefault("assignment", ASSIGNMENT)
    rows = grade_notebook("t", text.encode() if isinstance(text, str) else text, timeout=5.0, **kw)["rows"]
    return {r["exercise"]: (r["status"], r["points"]) for r in rows}


FULL = {n: ("graded", MAX[n]) for n in EXERCISES}


def cells_of(text):
    return nbformat.reads(text, as_version=4)


def test_cells_deleted():
    got = points(notebook({"model_forward": None}))
    assert got["model_forward"] == ("missing", 0)
    assert {n: got[n] for n in EXERCISES[:4]} == {n: FULL[n] for n in EXERCISES[:4]}


def test_duplicated_reordered_split_markers_removed_outputs_left():
    nb = cells_of(notebook())
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    # reorder: functions after the demos, in reverse
    nb.cells = list(reversed(nb.cells))
    # duplicate: an older wrong relu first, the right one later wins (notebook order)
    wrong = nbformat.v4.new_code_cell(code("def relu(Z):\n    return Z"))
    nb.cells.insert(0, wrong)
    # split: the import in its own cell at the very end, an output left in a cell, markers removed
    nb.cells.append(nbformat.v4.new_code_cell("import numpy as np"))
    code_cells[0].outputs = [nbformat.v4.new_output("stream", text="hello\n" * 100)]
    for c in nb.cells:
        c.source = c.source.replace("### BEGIN SOLUTION", "").replace("### END SOLUTION", "")
        c.metadata = {}
    # extra cells: a training demo that would take forever, and shell/magic lines
    nb.cells.append(nbformat.v4.new_code_cell("%matplotlib inline\n!ls\nwhile True:\n    pass"))
    nb.cells.append(nbformat.v4.new_code_cell("import matplotlib.pyplot as plt\nplt.plot([1, 2])"))
    nb.metadata["dlkit"] = {"assignment": "02_forward_propagation"}
    assert points(nbformat.writes(nb)) == FULL


def test_duplicate_last_definition_wins():
    nb = cells_of(notebook())
    nb.cells.append(nbformat.v4.new_code_cell(code("def relu(Z):\n    return Z * 2")))
    assert points(nbformat.writes(nb))["relu"] == ("graded", 0)


@pytest.mark.parametrize("minor", [0, 1, 4, 5])
def test_other_nbformat_minor_versions(minor):
    text = notebook(minor=minor)
    data = json.loads(text)
    assert data["nbformat_minor"] == minor and ("id" in data["cells"][0]) == (minor >= 5)
    for cell in data["cells"]:
        cell["source"] = cell["source"].splitlines(keepends=True)  # the list-of-lines form on disk
    assert points(json.dumps(data)) == FULL


def test_nbformat_3_notebook():
    nb4 = cells_of(notebook())
    nb3 = nbformat.convert(nb4, 3)
    assert points(nbformat.writes(nb3, version=3)) == FULL


@pytest.mark.parametrize("data", [b"{not json", b"", b"\xff\xfe\x00garbage", b'{"cells": 3}', b"[]"])
def test_broken_files_are_unreadable(data):
    with pytest.raises(Unreadable):
        read_notebook(data)
    rows = grade_notebook("t", data, assignment="02_forward_propagation", exercises=EXERCISES)["rows"]
    assert [r["status"] for r in rows] == ["unreadable"] * len(EXERCISES)
    assert all(r["points"] == 0 for r in rows)


def test_without_the_instructors_assignment_it_is_unreadable_with_a_reason():
    # the notebook's own metadata names a real assignment, but it never decides
    rows = grade_notebook("t", notebook().encode())["rows"]
    assert len(rows) == 1 and rows[0]["status"] == "unreadable" and "--assignment" in rows[0]["report"]


def test_metadata_naming_another_assignment_is_graded_as_the_instructors_and_flagged():
    result = grade_notebook("t", notebook(assignment="03_cost").encode(), assignment=ASSIGNMENT, timeout=5.0)
    assert result["assignment"] == ASSIGNMENT
    assert {r["exercise"]: (r["status"], r["points"]) for r in result["rows"]} == FULL
    assert result["flags"] and "03_cost" in result["flags"][0]
    assert not grade_notebook("t", notebook().encode(), assignment=ASSIGNMENT, timeout=5.0)["flags"]


def test_syntax_error_is_charged_to_its_exercise():
    got = points(notebook({"relu": "def relu(Z):\n    return np.maximum(0, Z"}))
    assert got["relu"] == ("crashed", 0)
    assert got["linear_forward"] == FULL["linear_forward"]


def test_top_level_demo_code_is_not_run():
    nb = cells_of(notebook())
    ex = extract(nb, EXERCISES)
    text = "\n".join(src for src, _ in ex.segments)
    assert "check(" not in text and "def relu" in text
    nb.cells.append(nbformat.v4.new_code_cell("import os\nos._exit(1)\nX = np.random.randn(3, 4)"))
    ex2 = extract(nb, EXERCISES)
    assert "_exit" not in "\n".join(src for src, _ in ex2.segments)


def _repo_notebooks(kind):
    paths = sorted(glob.glob(os.path.join(REPO, "notebooks", kind, "0*.ipynb")))
    stems = sorted(os.path.splitext(os.path.basename(p))[0] for p in paths)
    assert stems == sorted(ASSIGNMENTS), f"notebooks/{kind} must hold every assignment's notebook"
    return paths


def test_instructor_notebooks_score_full_marks():
    for path in _repo_notebooks("instructor"):
        stem = os.path.splitext(os.path.basename(path))[0]
        with open(path, "rb") as f:
            rows = grade_notebook(stem, f.read(), seed=11, assignment=stem)["rows"]
        assert len(rows) == len(ASSIGNMENTS[stem]), stem
        for r in rows:
            assert (r["status"], r["points"]) == ("graded", r["max_points"]), (stem, r["report"])


def test_student_notebooks_score_zero_not_implemented():
    for path in _repo_notebooks("student"):
        stem = os.path.splitext(os.path.basename(path))[0]
        with open(path, "rb") as f:
            rows = grade_notebook(stem, f.read(), seed=11, assignment=stem)["rows"]
        assert len(rows) == len(ASSIGNMENTS[stem]), stem
        for r in rows:
            assert (r["status"], r["points"]) == ("not_implemented", 0), (stem, r["report"])


def test_hostile_notebook_files_do_not_break_the_judge(monkeypatch):
    import dlkit.course.grade as grade

    deep = notebook({"relu": "def relu(Z):\n    return " + "(" * 5000 + "Z" + ")" * 5000})
    assert points(deep)["relu"] == ("crashed", 0)
    nested = b'{"cells": ' + b"[" * 100000 + b"]" * 100000 + b"}"
    rows = grade_notebook("t", nested, assignment="02_forward_propagation", exercises=EXERCISES)["rows"]
    assert {r["status"] for r in rows} == {"unreadable"}
    monkeypatch.setattr(grade, "MAX_NOTEBOOK_BYTES", 1000)
    rows = grade_notebook("t", notebook().encode(), assignment=ASSIGNMENT)["rows"]
    assert rows[0]["status"] == "unreadable" and "at most" in rows[0]["report"]


def test_needed_constants_run_but_demos_do_not():
    nb = cells_of(notebook({"sigmoid": "def sigmoid(Z):\n    return 1 / (1 + np.exp(-Z)) + TINY * 0"}))
    nb.cells.append(nbformat.v4.new_code_cell("TINY = np.finfo(float).eps\nrng = np.random.default_rng(0)"))
    # a demo assigning a name that is also an argument name of a graded function: never run
    nb.cells.append(nbformat.v4.new_code_cell("parameters = open('/nonexistent').read()\nX = sorted(range(10**9))"))
    ex = extract(nb, EXERCISES)
    text = "\n".join(src for src, _ in ex.segments)
    assert "TINY = np.finfo" in text and "default_rng" not in text  # only what a function needs
    assert "/nonexistent" not in text and "10**9" not in text
    assert points(nbformat.writes(nb)) == FULL


def test_version_4_is_read_as_nbformat_reads_it_without_importing_nbformat():
    # The grader reads v4 notebooks with json alone (nbformat's import costs a second per batch):
    # the same code to run and metadata as nbformat's reader gives, for every notebook of the course.
    import glob
    import subprocess
    import sys

    paths = sorted(glob.glob(os.path.join(REPO, "notebooks", "*", "*.ipynb")))
    assert len(paths) >= 10
    from dlkit.course.submission import notebook_dlkit_metadata
    from nbformat import reader

    names = [n for ex in ASSIGNMENTS.values() for n in ex]
    for path in paths:
        with open(path, "rb") as f:
            data = f.read()
        ours, theirs = read_notebook(data), nbformat.convert(reader.reads(data.decode("utf-8")), 4)
        assert extract(ours, names).segments == extract(theirs, names).segments, path
        assert notebook_dlkit_metadata(ours) == notebook_dlkit_metadata(theirs), path
    code = ("import sys; from dlkit.course.submission import read_notebook; "
            f"read_notebook(open({paths[0]!r}, 'rb').read()); print('nbformat' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert out.returncode == 0 and out.stdout.strip() == "False", out.stderr


def test_a_cell_seen_before_gives_the_same_extract_with_its_own_cell_label():
    # cells are parsed once per distinct text (cached): a second notebook with the same cells at
    # other positions, one with a syntax error, still gets its own labels and line numbers
    broken = "def relu(Z):\n    return np.maximum(0, Z\n"
    first = extract(cells_of(notebook({"relu": broken})), EXERCISES)
    nb = cells_of(notebook({"relu": broken}))
    nb.cells.insert(1, nbformat.v4.new_markdown_cell("moved"))
    second = extract(nb, EXERCISES)
    assert first.syntax_errors["relu"].startswith("SyntaxError in cell ")
    label = first.syntax_errors["relu"].split(" at ")[0]
    n = int(label.rsplit(" ", 1)[1])
    assert second.syntax_errors["relu"] == first.syntax_errors["relu"].replace(f"cell {n} ", f"cell {n + 1} ")
    assert [t for t, _ in first.segments] == [t for t, _ in second.segments]
    assert [int(lab.split()[1]) + 1 for _, lab in first.segments] == [int(lab.split()[1]) for _, lab in second.segments]
