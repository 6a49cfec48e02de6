"""`dlkit release`: solutions hidden, outputs cleared, instructor cells dropped, deterministic, --check."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="nbformat is needed to read and write notebooks")
v4 = nbformat.v4

from dlkit.course import cli  # noqa: E402
from dlkit.course.release import ReleaseError, release, strip_solutions, student_notebook  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

SOLUTION = """def f(x):
    y = 1
    ### BEGIN SOLUTION
    y = x * 2
    ### END SOLUTION
    return y"""


def exercise_cell(name, source=SOLUTION):
    cell = v4.new_code_cell(source)
    cell.metadata["nbgrader"] = {"grade_id": name, "solution": True, "grade": False, "locked": False, "schema_version": 3}
    cell.metadata["dlkit"] = {"exercise": name}
    cell.outputs = [v4.new_output("stream", name="stdout", text="solved\n")]
    cell.execution_count = 3
    return cell


def tiny_notebook():
    nb = v4.new_notebook()
    nb.metadata["dlkit"] = {"assignment": "99_tiny", "exercises": ["f"]}
    demo = v4.new_code_cell("print(2)")
    demo.outputs = [v4.new_output("execute_result", data={"text/plain": "2"}, execution_count=1)]
    demo.execution_count = 1
    secret = v4.new_code_cell("assert f(2) == 4")
    secret.metadata["dlkit"] = {"instructor_only": True}
    check = v4.new_code_cell('check("f", f)')
    check.metadata["dlkit"] = {"checkpoint": "f"}
    check.outputs = [v4.new_output("execute_result", data={"text/plain": "f: passed"}, execution_count=4)]
    nb.cells = [v4.new_markdown_cell("# Tiny"), demo, exercise_cell("f"), secret, check]
    for i, cell in enumerate(nb.cells):
        cell.id = f"cell-{i}"
    return nb


def test_strip_solutions_keeps_indentation_and_surrounding_code():
    assert strip_solutions(SOLUTION) == (
        "def f(x):\n    y = 1\n    # YOUR CODE HERE\n    raise NotImplementedError()\n    return y"
    )


@pytest.mark.parametrize("source, problem", [
    ("### END SOLUTION", "without"),
    ("### BEGIN SOLUTION\nx = 1", "never closed"),
    ("### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION", "inside another"),
])
def test_unbalanced_markers_are_named(source, problem):
    with pytest.raises(ReleaseError, match=problem):
        strip_solutions(source, "nb cell 2")


def test_student_notebook_hides_solution_drops_instructor_cells_and_clears_outputs():
    nb = tiny_notebook()
    student = student_notebook(nb, "tiny.ipynb")
    sources = [c.source for c in student.cells]
    assert not any("assert f(2) == 4" in s for s in sources), "instructor-only cell leaked"
    assert not any("y = x * 2" in s for s in sources), "solution leaked"
    ex = student.cells[2]
    assert "raise NotImplementedError()" in ex.source and ex.outputs == []
    assert ex.metadata["dlkit"] == {"exercise": "f"} and ex.metadata["nbgrader"]["grade_id"] == "f"
    assert student.cells[3].outputs == [], "checkpoint output must be earned"
    assert student.cells[1].outputs[0]["data"]["text/plain"] == "2", "demo outputs are kept"
    assert all(c.get("execution_count") is None for c in student.cells if c.cell_type == "code")
    assert student.metadata["dlkit"] == {"assignment": "99_tiny", "exercises": ["f"]}
    assert "y = x * 2" in nb.cells[2].source, "the instructor notebook must not be modified"


def test_nbval_markers_are_removed_from_student_cells():
    nb = tiny_notebook()
    nb.cells[1].source = "# NBVAL_IGNORE_OUTPUT\nprint(2)\n    # NBVAL_SKIP"
    assert student_notebook(nb).cells[1].source == "print(2)\n"


def test_listed_exercise_without_solution_cell_is_an_error():
    nb = tiny_notebook()
    nb.metadata["dlkit"]["exercises"] = ["f", "g"]
    with pytest.raises(ReleaseError, match=r"\['g'\]"):
        student_notebook(nb, "tiny.ipynb")


def test_markers_outside_an_exercise_cell_are_an_error():
    nb = tiny_notebook()
    nb.cells[1].source = SOLUTION
    with pytest.raises(ReleaseError, match="tiny.ipynb cell 1"):
        student_notebook(nb, "tiny.ipynb")


def write_course(tmp_path):
    src = tmp_path / "instructor"
    src.mkdir()
    nbformat.write(tiny_notebook(), src / "99_tiny.ipynb")
    return src, tmp_path / "student"


def test_release_is_deterministic_and_check_names_the_stale_file(tmp_path):
    src, dest = write_course(tmp_path)
    assert release(src, dest, out=io.StringIO()) == [dest / "99_tiny.ipynb"]
    first = (dest / "99_tiny.ipynb").read_bytes()
    assert release(src, dest, out=io.StringIO()) == [], "a second release must change nothing"
    assert (dest / "99_tiny.ipynb").read_bytes() == first
    assert release(src, dest, check=True, out=io.StringIO()) == []

    nb = tiny_notebook()
    nb.cells[0].source = "# Tiny, edited"
    nbformat.write(nb, src / "99_tiny.ipynb")
    report = io.StringIO()
    assert release(src, dest, check=True, out=report) == [dest / "99_tiny.ipynb"]
    assert "99_tiny.ipynb" in report.getvalue()
    assert (dest / "99_tiny.ipynb").read_bytes() == first, "--check must not write"


def test_cli_check_exit_codes(tmp_path, capsys):
    src, dest = write_course(tmp_path)
    argv = ["release", "--source", str(src), "--dest", str(dest)]
    assert cli.main(argv + ["--check"]) == 1, "a missing student notebook is stale"
    assert "99_tiny.ipynb" in capsys.readouterr().out
    assert cli.main(argv) == 0
    assert cli.main(argv + ["--check"]) == 0
    (dest / "00_orphan.ipynb").write_text((dest / "99_tiny.ipynb").read_text())
    assert cli.main(argv + ["--check"]) == 1
    assert "00_orphan.ipynb" in capsys.readouterr().out


def test_cli_reports_a_bad_notebook_without_a_traceback(tmp_path, capsys):
    src, dest = write_course(tmp_path)
    nb = tiny_notebook()
    nb.cells[2].source = "### BEGIN SOLUTION\nx = 1"
    nbformat.write(nb, src / "99_tiny.ipynb")
    assert cli.main(["release", "--source", str(src), "--dest", str(dest)]) == 2
    assert "never closed" in capsys.readouterr().err


def test_committed_student_notebooks_equal_the_release_output():
    src, dest = ROOT / "notebooks" / "instructor", ROOT / "notebooks" / "student"
    report = io.StringIO()
    stale = release(src, dest, check=True, out=report)
    assert stale == [], f"run `dlkit release`: {report.getvalue()}"
    assert (dest / "01_notation_and_shapes.ipynb").exists(), "`make course` opens this notebook"


def test_the_dlkit_command_has_every_subcommand():
    parser = cli.build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    assert sorted(subparsers.choices) == ["build", "export", "grade", "release", "report"]
