"""dlkit grade names a construct in the learner's source, as the notebook's checkpoint does
(dlkit/checks/source.py): from the extracted cell (Extracted.sources), only when the output is wrong
and nothing more specific explains it, with the line as the learner's cell numbers it."""
import json

import nbformat
import pytest

from dlkit.course.submission import extract

from grading_helpers import grade_notebooks, notebook

RELU_CAPPED = """
    def relu(Z):
        A = np.clip(Z, 0, 3)
        return A
"""


def test_extract_keeps_each_exercise_source_and_its_first_line():
    ex = extract(nbformat.reads(notebook({"relu": RELU_CAPPED}), as_version=4), ["relu", "sigmoid"])
    text, first = ex.sources["relu"]
    assert text.startswith("def relu(Z):") and "np.clip(Z, 0, 3)" in text
    assert first >= 1 and set(ex.sources) == {"relu", "sigmoid"}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    nbs = {"capped": notebook({"relu": RELU_CAPPED}), "right": notebook({})}
    return grade_notebooks(tmp_path_factory.mktemp("subs"), nbs, 7)


def test_the_grader_names_the_construct(graded):
    row = graded["capped"]["relu"]
    mistakes = json.loads(row["mistakes"]) if isinstance(row["mistakes"], str) else row["mistakes"]
    assert "relu.source.relu_bound" in mistakes, row["report"]
    assert "np.clip(Z, 0, 3): relu is max(0, Z)" in row["report"], row["report"]
    assert "A = np.clip(Z, 0, 3)" in row["report"], row["report"]


def test_right_code_gets_no_source_finding(graded):
    for name, row in graded["right"].items():
        assert row["points"] == row["max_points"] and ".source." not in row["report"], row["report"]
