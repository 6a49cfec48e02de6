"""dlkit grade names the first wrong line as the notebook's checkpoint does: the line tracer runs
in the sandboxed child and sends its steps back as plain data (no reference value goes there)."""
import json

import pytest

from grading_helpers import grade_notebooks, notebook

SCALED = """
    def sigmoid(Z):
        A = 1 / (1 + np.exp(-Z))
        A = A / np.max(A)
        return A
"""
NORMALISED = """
    def linear_activation_forward(A_prev, W, b, activation):
        Z = W @ A_prev + b
        if activation == "relu":
            A = np.maximum(0, Z)
        else:
            A = 1 / (1 + np.exp(-Z))
        A = A / np.sum(A, axis=0, keepdims=True)
        return A, ((A_prev, W, b), Z)
"""


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    nbs = {"scaled": notebook({"sigmoid": SCALED}), "normalised": notebook({"linear_activation_forward": NORMALISED}),
           "right": notebook({})}
    return grade_notebooks(tmp_path_factory.mktemp("subs"), nbs, 7)


def _mistakes(row):
    return json.loads(row["mistakes"]) if isinstance(row["mistakes"], str) else row["mistakes"]


def test_the_grader_names_the_first_wrong_line(graded):
    row = graded["scaled"]["sigmoid"]
    assert _mistakes(row)[0].startswith("sigmoid.first_wrong_line"), row["report"]
    assert "your A is not A[l]" in row["report"] and "A = A / np.max(A)" in row["report"], row["report"]
    row = graded["normalised"]["linear_activation_forward"]
    assert _mistakes(row)[0].startswith("linear_activation_forward.first_wrong_line"), row["report"]
    assert "A = A / np.sum(A, axis=0, keepdims=True)" in row["report"], row["report"]


def test_right_code_gets_no_line_finding(graded):
    for name, row in graded["right"].items():
        assert row["points"] == row["max_points"] and "first_wrong_line" not in str(row["mistakes"]), row["report"]
