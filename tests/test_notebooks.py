"""The course notebooks: nbval on the instructor notebooks, and the student notebooks executed.

* the instructor notebooks re-execute to their stored outputs (nbval, in a
  subprocess so its plugin and kernel stay out of this test session);
* every unsolved student notebook runs top to bottom, each checkpoint saying
  "not implemented yet";
* a student notebook with the instructor's solutions put back gives the
  instructor's checkpoint reports.

Each runs every notebook once (about 20-30 s for the course on 2 cores).
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="nbformat is needed to read notebooks")
pytest.importorskip("nbclient", reason="nbclient is needed to execute notebooks")

from dlkit.course import build  # noqa: E402  (kernel environment and execution of notebooks)

ROOT = Path(__file__).resolve().parents[1]
INSTRUCTOR = ROOT / "notebooks" / "instructor"
STUDENT = ROOT / "notebooks" / "student"
STEMS = sorted(p.stem for p in INSTRUCTOR.glob("*.ipynb"))



def _meta(cell):
    return cell.get("metadata", {}).get("dlkit", {})


def _text(outputs):
    """All text/plain and stream text of a cell's outputs, joined."""
    parts = []
    for output in outputs:
        if output.output_type == "stream":
            parts.append(output.text)
        elif "data" in output:
            parts.append(output.data.get("text/plain", ""))
        elif output.output_type == "error":
            parts.append(f"{output.ename}: {output.evalue}")
    return "".join(parts)


def test_the_course_has_the_agreed_notebooks_and_exercises():
    # The grader's table of the course is the fallback it grades by when no
    # instructor notebook is at hand: the notebooks must say the same, and
    # together they must teach every exercise that has a checkpoint spec.
    from dlkit.checks import SPECS
    from dlkit.course.grade import ASSIGNMENTS as expected

    assert sorted(e for exercises in expected.values() for e in exercises) == sorted(SPECS)
    assert STEMS == sorted(expected)
    for stem, exercises in expected.items():
        nb = nbformat.read(INSTRUCTOR / f"{stem}.ipynb", as_version=4)
        assert nb.metadata["dlkit"] == {"assignment": stem, "exercises": exercises}
        checkpoints = [_meta(c)["checkpoint"] for c in nb.cells if "checkpoint" in _meta(c)]
        assert checkpoints == exercises, f"{stem}: one checkpoint per exercise, in order"
        for cell in nb.cells:
            if "checkpoint" in _meta(cell):
                name = _meta(cell)["checkpoint"]
                # the first line is the learner's checkpoint; the nbgrader grade cell around it
                # (hidden block, metadata) is held to its form by tests/test_nbgrader.py
                assert cell.source.split("\n")[0] == f'check("{name}", {name})'
                assert "not implemented" not in _text(cell.outputs) and _text(cell.outputs), \
                    f"{stem}: the stored report of {name} must be the solved one"


def test_instructor_notebooks_reproduce_their_stored_outputs_nbval():
    env = build.kernel_env(dict(os.environ))
    # A fresh machine builds matplotlib's font cache on first import and says
    # so on stderr, which nbval would count as an unexpected output.
    subprocess.run([sys.executable, "-c", "import matplotlib.pyplot"], env=env, check=True, timeout=300)
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval", "--nbval-current-env", "-p", "no:cacheprovider", "-q",
         "--rootdir", str(ROOT), str(INSTRUCTOR)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, f"nbval failed:\n{proc.stdout[-6000:]}\n{proc.stderr[-2000:]}"
    assert " passed" in proc.stdout


@pytest.mark.parametrize("stem", STEMS)
def test_unsolved_student_notebook_runs_and_says_not_implemented(stem):
    nb = nbformat.read(STUDENT / f"{stem}.ipynb", as_version=4)
    build.execute(nb, STUDENT)  # raises CellExecutionError naming the cell on any uncaught error
    for cell in nb.cells:
        if "checkpoint" in _meta(cell):
            report = _text(cell.outputs)
            assert "not implemented yet" in report, f"{stem}: {cell.source} reported {report!r}"


@pytest.mark.parametrize("stem", [s for s in STEMS if s != "07_hyperparameters"])
def test_student_notebook_with_solutions_put_back_matches_the_instructor(stem):
    from dlkit.checks import SPECS
    from dlkit.checks.nbgrader import PUBLIC_ONLY

    instructor = nbformat.read(INSTRUCTOR / f"{stem}.ipynb", as_version=4)
    solutions = {_meta(c)["exercise"]: c.source for c in instructor.cells if "exercise" in _meta(c)}
    # The instructor's grade cell prints the report (public cases: no seed in the build) and ends in its points.
    expected = {_meta(c)["checkpoint"]: _text(c.outputs) for c in instructor.cells if "checkpoint" in _meta(c)}

    student = nbformat.read(STUDENT / f"{stem}.ipynb", as_version=4)
    for cell in student.cells:
        if "exercise" in _meta(cell):
            assert "NotImplementedError" in cell.source
            cell.source = solutions[_meta(cell)["exercise"]]
    build.execute(student, STUDENT)
    got = {_meta(c)["checkpoint"]: _text(c.outputs) for c in student.cells if "checkpoint" in _meta(c)}
    assert {name: f"{report}\n{PUBLIC_ONLY}\n{SPECS[name].max_points}" for name, report in got.items()} == expected


def test_sliders_fall_back_to_fixed_figures_without_ipywidgets():
    nb = nbformat.read(INSTRUCTOR / "07_hyperparameters.ipynb", as_version=4)
    # Only the cells the slider cell needs: imports and accuracies, the moons, the sliders.
    needed = ("def accuracies", "def fit_moons", "def explore")
    cells = [c for c in nb.cells if c.cell_type == "code" and any(n in c.source for n in needed)]
    assert len(cells) == 3
    hide = nbformat.v4.new_code_cell("import sys\nsys.modules['ipywidgets'] = None  # `import ipywidgets` now fails")
    nb.cells = [hide] + cells
    build.execute(nb, INSTRUCTOR)
    sliders = nb.cells[-1]
    assert "ipywidgets is not available" in _text(sliders.outputs)
    figures = [o for o in sliders.outputs if "image/png" in o.get("data", {})]
    assert len(figures) == 4, "one fixed figure per setting"
