"""The learner's path through the student notebooks, in a real browser.

JupyterLab (started from this Python) serves a scratch copy of
notebooks/student/; headless Chromium, driven by Playwright, does what a
learner does: open a notebook, run cells with Shift+Enter, type into an
exercise cell, read the checkpoint's report on the page. Each step leaves a
screenshot in artifacts/browser/.

What the page must say is not hard-coded: the test runs the same code
through dlkit.checks in this process and expects that report on the page, so
the test follows the checkpoints' wording while still failing when the
browser shows something else (no report, a traceback, a missing figure).
"""
from __future__ import annotations

import re
import time
from pathlib import Path

import nbformat
import numpy as np
import pytest

from lab_driver import squash, student_notebooks

REPO = Path(__file__).resolve().parents[2]
STUDENT = student_notebooks(REPO)
INSTRUCTOR = REPO / "notebooks" / "instructor"


def first_notebook() -> str:
    """The notebook the README's first command (`make course`) opens."""
    makefile = (REPO / "Makefile").read_text()
    match = re.search(r"^FIRST_NOTEBOOK\s*:?=\s*(\S+)", makefile, re.MULTILINE)
    assert match, "Makefile no longer names FIRST_NOTEBOOK"
    return Path(match.group(1)).name


FIRST = first_notebook()
BACKWARD = "04_backward_propagation.ipynb"
TRAINING = "06_training.ipynb"

# The classic slip from the lecture: dW[l] = dZ[l] A[l-1]^T without the 1/m.
WRONG_LINEAR_BACKWARD = '''\
def linear_backward(dZ, linear_cache):
    """A learner's attempt that forgot the 1/m in dW."""
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T)
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db
'''


# -- what the files say -----------------------------------------------------
def _cells(folder: Path, notebook: str):
    return nbformat.read(folder / notebook, as_version=4).cells


def cell_index(notebook: str, role: str, exercise: str) -> int:
    """Index of the student cell whose metadata says dlkit.<role> == exercise
    (role "exercise" or "checkpoint"); the page shows cells in file order."""
    for index, cell in enumerate(_cells(STUDENT, notebook)):
        if cell.metadata.get("dlkit", {}).get(role) == exercise:
            return index
    raise LookupError(f"{notebook} has no {role} cell for {exercise}")


def first_exercise(notebook: str) -> str:
    """The first graded exercise, from the notebook's dlkit metadata."""
    meta = nbformat.read(STUDENT / notebook, as_version=4).metadata
    return meta["dlkit"]["exercises"][0]


def first_code_cell_containing(notebook: str, text: str) -> int:
    for index, cell in enumerate(_cells(STUDENT, notebook)):
        if cell.cell_type == "code" and text in cell.source:
            return index
    raise LookupError(f"{notebook} has no code cell containing {text!r}")


def instructor_solution(notebook: str, exercise: str) -> str:
    """The full exercise cell of the instructor notebook: what a learner who
    got it right would have typed."""
    for cell in _cells(INSTRUCTOR, notebook):
        if cell.metadata.get("dlkit", {}).get("exercise") == exercise:
            return cell.source
    raise LookupError(f"instructor {notebook} has no exercise cell {exercise}")


def report_for(source: str, exercise: str):
    """Run ``source`` (a cell's text) here and check its function, exactly
    as the notebook's checkpoint does in the kernel."""
    from dlkit.checks import check

    namespace = {"np": np}
    exec(compile(source, f"<{exercise} cell>", "exec"), namespace)
    return check(exercise, namespace[exercise])


# -- the learner's path -----------------------------------------------------
def test_first_notebook_renders_and_its_checkpoint_answers(open_notebook, shoot, timing):
    name = first_exercise(FIRST)
    exercise = cell_index(FIRST, "exercise", name)
    checkpoint = cell_index(FIRST, "checkpoint", name)

    notebook = open_notebook(FIRST)
    assert notebook.cell_count() == len(_cells(STUDENT, FIRST))
    assert squash(notebook.source(checkpoint)) == f'check("{name}", {name})'

    # The equations are typeset by MathJax, not left as $...$ source.
    notebook.panel.locator(".jp-MarkdownOutput mjx-container").first.wait_for(state="visible")
    assert notebook.wait_typeset() == [], "raw LaTeX left in the rendered markdown"
    assert notebook.panel.locator("mjx-merror").count() == 0, "MathJax could not typeset a formula"
    shoot(notebook, "01_first_notebook_open",
          "01_notation_and_shapes opened, kernel idle, equations typeset by MathJax", 0)

    # Work down the notebook to the first checkpoint, as a learner does.
    started = time.monotonic()
    notebook.run_through(checkpoint)
    timing(f"run {FIRST} down to its checkpoint", time.monotonic() - started)

    # A figure drawn by the cells just run (not one saved in the file: those
    # outputs were replaced when the cells ran again).
    drawn = [i for i in range(checkpoint + 1)
             if notebook.cell(i).locator(".jp-OutputArea-output img").count()]
    assert drawn, f"no figure in the outputs of cells 0..{checkpoint} of {FIRST}"
    figure = notebook.cell(drawn[0]).locator(".jp-OutputArea-output img").first
    assert figure.evaluate("img => img.complete && img.naturalWidth > 0"), "figure did not load"
    notebook.cell(drawn[0]).evaluate("el => el.scrollIntoView({block: 'center'})")
    shoot(notebook, "02_first_figure", f"the first figure, drawn by cell {drawn[0]}")

    report = notebook.output_text(checkpoint)
    assert "not implemented yet" in report, report
    shoot(notebook, "03_checkpoint_not_implemented",
          "the first checkpoint before any work: 'not implemented yet'", checkpoint)

    # Type the correct solution, run it and the checkpoint again.
    solution = instructor_solution(FIRST, name)
    expected = report_for(solution, name)
    assert expected.passed, str(expected)
    notebook.set_source(exercise, solution)
    notebook.run(exercise)
    report = notebook.output_text(exercise) + notebook.run(checkpoint)
    assert squash(str(expected)) in report, report
    shoot(notebook, "04_checkpoint_passed",
          f"a correct {name} typed in: the checkpoint's passing report", checkpoint)


def test_wrong_solution_gets_the_specific_hint(open_notebook, shoot):
    exercise = cell_index(BACKWARD, "exercise", "linear_backward")
    checkpoint = cell_index(BACKWARD, "checkpoint", "linear_backward")

    expected = report_for(WRONG_LINEAR_BACKWARD, "linear_backward")
    assert expected.status == "failed", str(expected)
    assert any("1/m" in hint for hint in expected.hints), expected.hints

    notebook = open_notebook(BACKWARD)
    notebook.run_through(exercise - 1)
    notebook.set_source(exercise, WRONG_LINEAR_BACKWARD)
    notebook.run(exercise)
    report = notebook.run(checkpoint)
    for hint in expected.hints:
        assert squash(hint) in report, f"hint {hint!r} not on the page:\n{report}"
    assert squash(str(expected)) in report, report
    shoot(notebook, "05_wrong_solution_hint",
          "linear_backward without the 1/m: the checkpoint names the missing 1/m", checkpoint)


def test_training_shows_a_progress_bar_and_the_cost_curve(open_notebook, shoot, timing):
    curve = first_code_cell_containing(TRAINING, "cost_curve(")

    notebook = open_notebook(TRAINING)
    started = time.monotonic()
    notebook.run_through(curve, timeout_ms=120_000)
    timing(f"run {TRAINING} through the first training and cost curve", time.monotonic() - started)

    # tqdm.auto draws an ipywidgets progress bar (text would mean the widget
    # extension is missing); it must have reached 100 %.
    bar = notebook.panel.locator(".jp-OutputArea-output .widget-hprogress").first
    bar.wait_for(state="visible")
    bar_box = notebook.panel.locator(".jp-OutputArea-output .widget-hbox:has(.widget-hprogress)").first
    assert "100%" in squash(bar_box.inner_text()), bar_box.inner_text()

    image = notebook.cell(curve).locator(".jp-OutputArea-output img").first
    image.wait_for(state="visible")
    assert image.evaluate("img => img.complete && img.naturalWidth > 0"), "cost curve did not load"
    # The training cell at the top of the screen, the curve under it.
    notebook.panel.locator(".jp-Cell:has(.widget-hprogress)").first.evaluate(
        "el => el.scrollIntoView({block: 'start'})")
    shoot(notebook, "06_training_progress_and_cost_curve",
          "the training cell's progress bar at 100% and the cost curve under it")


@pytest.mark.parametrize("name", sorted(path.name for path in STUDENT.glob("*.ipynb")))
def test_every_student_notebook_renders(open_notebook, name):
    """Each notebook as a learner first sees it: every formula typeset, no
    MathJax error, every saved figure loaded, no saved traceback."""
    notebook = open_notebook(name, wait_kernel=False)
    markdown = " ".join(cell.source for cell in _cells(STUDENT, name) if cell.cell_type == "markdown")
    if "$" in markdown:
        notebook.panel.locator("mjx-container").first.wait_for(state="visible")
    assert notebook.wait_typeset() == []
    assert notebook.panel.locator("mjx-merror").count() == 0, "MathJax could not typeset a formula"
    for image in notebook.panel.locator(".jp-OutputArea-output img").all():
        assert image.evaluate("img => img.complete && img.naturalWidth > 0"), "a saved figure did not load"
    outputs = notebook.panel.locator(".jp-OutputArea-output").all_inner_texts()
    crashed = [text[:300] for text in outputs if "Traceback" in text or "Error displaying widget" in text]
    assert crashed == []
