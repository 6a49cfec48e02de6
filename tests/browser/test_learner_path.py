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


# -- the payoff: the learner's own blocks train a network -------------------
EARLIER = ["01_notation_and_shapes.ipynb", "02_forward_propagation.ipynb", "03_cost.ipynb",
           "04_backward_propagation.ipynb", "05_model_backward.ipynb"]

# relu with its mask the wrong way round: one failing block among twelve.
WRONG_RELU = '''\
def relu(Z):
    """A learner's attempt that keeps the negative part."""
    return np.minimum(0, Z)
'''


def solved_course(lab, folder: str, replace=None) -> Path:
    """A folder in the lab holding the student notebooks 1 to 5 as a learner who solved them
    saved them (the instructor's solution in every exercise cell, or ``replace[name]``), and
    the unsolved notebook 6 to work in."""
    replace = replace or {}
    target = Path(lab.root_dir) / folder
    target.mkdir()
    for name in EARLIER + [TRAINING]:
        nb = nbformat.read(STUDENT / name, as_version=4)
        for cell in nb.cells:
            exercise = cell.metadata.get("dlkit", {}).get("exercise")
            if exercise and name != TRAINING:
                cell.source = replace.get(exercise) or instructor_solution(name, exercise)
        nbformat.write(nb, target / name)
    return target


def draw_on_pad(notebook, index: int) -> None:
    """Press the mouse on the pad's grid and draw a vertical stroke, as a learner draws a 1."""
    canvas = notebook.cell(index).locator(".jp-OutputArea-output canvas").last
    canvas.wait_for(state="visible")
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    x = box["x"] + box["width"] * 0.5
    notebook.page.mouse.move(x, box["y"] + box["height"] * 0.15)
    notebook.page.mouse.down()
    for step in range(1, 11):
        notebook.page.mouse.move(x, box["y"] + box["height"] * (0.15 + 0.07 * step), steps=2)
    notebook.page.mouse.up()


def test_learner_trains_a_network_with_their_own_blocks(lab, open_notebook, shoot, timing):
    solved_course(lab, "solved")
    name = f"solved/{TRAINING}"
    collected = first_code_cell_containing(TRAINING, "collect(")
    cells = {exercise: (cell_index(TRAINING, "exercise", exercise), cell_index(TRAINING, "checkpoint", exercise))
             for exercise in ("update_parameters", "L_layer_model")}
    deep = first_code_cell_containing(TRAINING, "deep_parameters, deep_costs = train(")
    pad = first_code_cell_containing(TRAINING, "DigitPad()")
    classify = first_code_cell_containing(TRAINING, "pad.column()")

    notebook = open_notebook(name)
    started = time.monotonic()
    notebook.run_through(collected)
    table = notebook.output_text(collected)
    assert "All 12 blocks are yours and pass their checkpoints." in table, table
    shoot(notebook, "07_own_blocks_collected", "notebook 6: the learner's 12 blocks read from notebooks 1-5, all "
          "theirs and passing", collected)

    # Complete both exercises of notebook 6 as the learner types them.
    done = collected
    for exercise, (cell, checkpoint) in cells.items():
        for index in range(done + 1, cell):
            if notebook.is_code(index):
                assert "Traceback" not in notebook.run(index)
        done = checkpoint
        solution = instructor_solution(TRAINING, exercise)
        notebook.set_source(cell, solution)
        notebook.run(cell)
        report = notebook.run(checkpoint)
        assert f"{exercise}: " in report and " passed " in report, report
    shoot(notebook, "08_L_layer_model_passed", "the learner's L_layer_model passes its checkpoint",
          cells["L_layer_model"][1])

    for index in range(cells["L_layer_model"][1] + 1, deep + 1):
        if notebook.is_code(index):
            output = notebook.run(index, timeout_ms=300_000)
            assert "Traceback" not in output, output
    timing("notebook 6: collect, both exercises, train two networks with the learner's blocks",
           time.monotonic() - started)
    chooser = first_code_cell_containing(TRAINING, "loop_check = check(")
    said = notebook.output_text(chooser)
    assert "The networks below are trained by your L_layer_model." in said, said
    output = notebook.output_text(deep)
    assert re.search(r"train accuracy: 100\.0%", output), output
    image = notebook.cell(deep).locator(".jp-OutputArea-output img").first
    image.wait_for(state="visible")
    assert image.evaluate("img => img.complete && img.naturalWidth > 0"), "cost curve did not load"
    shoot(notebook, "09_own_network_cost_curve", "[64, 20, 7, 5, 1] trained by the learner's L_layer_model and "
          "blocks: accuracies and the cost curve", deep)

    # The rest: the comparison with dlkit, the mislabelled images, a test image, then the pad.
    for index in range(deep + 1, pad + 1):
        if notebook.is_code(index):
            assert "Traceback" not in notebook.run(index, timeout_ms=300_000)
    assert "your costs and dlkit's agree to float tolerance: True" in " ".join(
        notebook.output_text(i) for i in range(deep + 1, pad))
    draw_on_pad(notebook, pad)
    shoot(notebook, "10_digit_drawn", "an 8x8 digit drawn with the mouse on the pad", pad)
    output = notebook.run(classify)
    inked = re.search(r"DigitPad\(8 x 8, (\d+) pixels inked\)", output)
    assert inked and int(inked.group(1)) >= 4, output
    image = notebook.cell(classify).locator(".jp-OutputArea-output img").first
    image.wait_for(state="visible")
    shoot(notebook, "11_drawn_digit_classified", "the drawn digit classified by the learner's network", classify)


def test_one_failing_block_is_named_and_the_learner_still_finishes(lab, open_notebook, shoot):
    solved_course(lab, "one_wrong", replace={"relu": WRONG_RELU})
    name = f"one_wrong/{TRAINING}"
    collected = first_code_cell_containing(TRAINING, "collect(")
    notebook = open_notebook(name)
    notebook.run_through(collected)
    table = notebook.output_text(collected)
    assert "11 of 12 blocks are yours" in table, table
    assert "- relu: yours fails its checkpoint" in table and "Fix it in 02_forward_propagation.ipynb" in table, table
    shoot(notebook, "12_one_block_failing", "relu fails its checkpoint: the table names it and uses dlkit's relu "
          "for that block only", collected)
    for exercise in ("update_parameters", "L_layer_model"):
        notebook.set_source(cell_index(TRAINING, "exercise", exercise), instructor_solution(TRAINING, exercise))
    deep = first_code_cell_containing(TRAINING, "deep_parameters, deep_costs = train(")
    for index in range(collected + 1, deep + 1):
        if notebook.is_code(index):
            assert "Traceback" not in notebook.run(index, timeout_ms=300_000)
    said = notebook.output_text(first_code_cell_containing(TRAINING, "loop_check = check("))
    assert "The networks below are trained by your L_layer_model." in said, said
    assert re.search(r"train accuracy: 100\.0%", notebook.output_text(deep)), notebook.output_text(deep)
