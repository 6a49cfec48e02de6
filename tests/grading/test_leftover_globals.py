"""dlkit grade names a global left over from a demo cell, as the notebook's checkpoint does
(issue 12 item 6): from the source alone (Extracted.leftovers), reported only when the output is wrong."""
import json

import nbformat
import pytest

from dlkit.course.submission import extract

from grading_helpers import grade_notebooks, notebook

# model_forward reading the demo's L (a 2-layer network) instead of counting its own parameters
READS_L = """
    def model_forward(X, parameters):
        caches = []
        A = X
        for l in range(1, L):
            A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
            caches.append(cache)
        AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
        caches.append(cache)
        return AL, caches
"""
# relu ignoring its argument: the demo's Z is used
READS_Z = """
    def relu(X):
        return np.maximum(0, Z)
"""
PREAMBLE = "import numpy as np\nL = 2\nZ = np.array([[1.0, -2.0]])\nEPS = 1e-12"


def _nb(functions):
    return nbformat.reads(notebook(functions, preamble=PREAMBLE), as_version=4)


def test_extract_finds_the_globals_a_function_reads():
    ex = extract(_nb({"model_forward": READS_L, "relu": READS_Z}), ["model_forward", "relu", "sigmoid"])
    assert ex.leftovers["model_forward"] == ([("L", "2")], [])
    assert ex.leftovers["relu"] == ([("Z", "np.array([[1.0, -2.0]])")], ["X"])
    assert "sigmoid" not in ex.leftovers          # reads np only


def test_a_harmless_constant_is_not_a_leftover():
    src = """
        def sigmoid(Z):
            return 1 / (1 + np.exp(-np.clip(Z, -1 / EPS, 1 / EPS)))
    """
    ex = extract(_nb({"sigmoid": src}), ["sigmoid"])
    assert "sigmoid" not in ex.leftovers


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    nbs = {"reads_L": notebook({"model_forward": READS_L}, preamble=PREAMBLE),
           "reads_Z": notebook({"relu": READS_Z}, preamble=PREAMBLE),
           "right": notebook({}, preamble=PREAMBLE)}
    return grade_notebooks(tmp_path_factory.mktemp("subs"), nbs, 7)


def test_the_grader_reports_the_global_first(graded):
    row = graded["reads_L"]["model_forward"]
    mistakes = json.loads(row["mistakes"]) if isinstance(row["mistakes"], str) else row["mistakes"]
    assert mistakes[0] == "model_forward.reads_global", row["report"]
    assert "reads the global L = 2" in row["report"], row["report"]
    row = graded["reads_Z"]["relu"]
    assert "reads the global Z = np.array([[1.0, -2.0]])" in row["report"], row["report"]
    assert "instead of using its argument X" in row["report"], row["report"]


def test_right_code_reading_a_global_is_not_reported(graded):
    # the right notebook's functions read no lecture-named global; its preamble's are never named
    for name, row in graded["right"].items():
        assert row["points"] == row["max_points"] and "reads the global" not in row["report"], row["report"]


def test_a_function_bound_by_assignment_is_not_data():
    src = """
        def linear_activation_forward(A_prev, W, b, activation):
            Z = W @ A_prev + b
            return g(Z), ((A_prev, W, b), Z)
    """
    ex = extract(nbformat.reads(notebook({"linear_activation_forward": src},
                                         preamble="import numpy as np\ng = lambda Z: Z\nexp = np.exp"), as_version=4),
                 ["linear_activation_forward"], extra_needed=["g", "exp"])
    assert "linear_activation_forward" not in ex.leftovers
