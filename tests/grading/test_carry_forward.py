"""Error carried forward in the batch grader (`dlkit grade`): one mistake costs points once.

A composite (linear_activation_backward, model_forward) that fails only because a helper it
calls is wrong, deleted, does not parse or is slow is graded again with dlkit's helper, which
reaches the sandboxed child as one more proxy the judge answers; ``--no-carry-forward``
charges the helper's mistake to the composite too.
"""
from __future__ import annotations

import json

import nbformat
import pytest

from dlkit.course import gradebook as gb
from dlkit.course.cli import main
from dlkit.course.grade import allowed_proxies, grade_notebook
from checks.carry_sources import RIGHT  # tests/ is on the path (its conftest.py)
from grading_helpers import ASSIGNMENT, MAX, code, notebook

BACKWARD = "04_backward_propagation"
POINTS = {"linear_backward": 3, "relu_backward": 1, "sigmoid_backward": 1, "linear_activation_backward": 3}
NO_ONE_OVER_M = {"linear_backward": RIGHT["linear_backward"].replace("A_prev.T / m", "A_prev.T")}
DELETED_RELU = {"relu_backward": None}
SYNTAX_SIGMOID = {"sigmoid_backward": "def sigmoid_backward(dA, Z)\n    return dA"}


def backward_notebook(functions=None) -> str:
    """A 04_backward_propagation submission: one cell per function (None: the cell was deleted)."""
    functions = {**RIGHT, **(functions or {})}
    cells = [nbformat.v4.new_code_cell("import numpy as np\nfrom dlkit import linear_forward, relu, sigmoid")]
    cells += [nbformat.v4.new_code_cell(code(src)) for src in functions.values() if src is not None]
    return json.dumps(nbformat.v4.new_notebook(cells=cells))


def points(text, *, assignment=BACKWARD, carry_forward=True, timeout=5.0):
    rows = grade_notebook("t", text.encode(), assignment=assignment, seed=7, timeout=timeout,
                          carry_forward=carry_forward)["rows"]
    return {r["exercise"]: r for r in rows}


@pytest.mark.parametrize("case, helper", [(NO_ONE_OVER_M, "linear_backward"), (DELETED_RELU, "relu_backward"),
                                          (SYNTAX_SIGMOID, "sigmoid_backward")])
def test_a_helpers_mistake_costs_that_exercise_only(case, helper):
    on = points(backward_notebook(case))
    off = points(backward_notebook(case), carry_forward=False)
    # the helper pays, the same with or without error carried forward
    assert on[helper]["points"] < POINTS[helper]
    assert on[helper]["points"] == off[helper]["points"]
    for name in POINTS:
        if name != helper:
            assert on[name]["points"] == POINTS[name], (name, on[name]["report"])
    comp = on["linear_activation_backward"]
    assert comp["status"] == "graded"
    assert "linear_activation_backward.error_carried_forward" in comp["mistakes"]
    assert "error carried forward" in comp["report"] and f"only because your {helper}" in comp["report"]
    # without it the composite is charged the helper's mistake as well (what issue 15 found)
    assert off["linear_activation_backward"]["points"] < POINTS["linear_activation_backward"]
    assert "error_carried_forward" not in " ".join(off["linear_activation_backward"]["mistakes"])


def test_two_broken_helpers_the_first_run_names_only_one_of():
    # sigmoid does not parse and relu's cell is gone: the first run's NameError names only the helper
    # it met first; the composites are still judged with dlkit's sigmoid *and* relu (the damaged
    # learner of tests/test_nbgrader.py, whose right linear_activation_forward got 0/2 before)
    broken = {"sigmoid": "def sigmoid(Z)\n    return Z", "relu": None}
    on = points(notebook(broken), assignment=ASSIGNMENT)
    assert on["sigmoid"]["points"] == on["relu"]["points"] == 0
    for name in ("linear_forward", "linear_activation_forward", "model_forward"):
        assert on[name]["points"] == MAX[name], on[name]["report"]
    report = on["linear_activation_forward"]["report"]
    assert "given dlkit's sigmoid and relu (error carried forward)" in report, report
    assert "your sigmoid does not run" in report and "your relu is missing" in report
    off = points(notebook(broken), assignment=ASSIGNMENT, carry_forward=False)
    assert off["linear_activation_forward"]["points"] == off["model_forward"]["points"] == 0


def test_a_composites_own_mistake_is_still_charged():
    # relu and sigmoid swapped in the composite, and the 1/m missing in linear_backward
    swapped = RIGHT["linear_activation_backward"].replace('== "relu"', '== "sigmoid"')
    rows = points(backward_notebook({**NO_ONE_OVER_M, "linear_activation_backward": swapped}))
    comp = rows["linear_activation_backward"]
    assert comp["points"] < POINTS["linear_activation_backward"]
    assert rows["linear_backward"]["points"] < POINTS["linear_backward"]


def test_right_submission_unchanged_and_right_composite_with_right_helpers_not_marked():
    rows = points(backward_notebook())
    assert {n: r["points"] for n, r in rows.items()} == POINTS
    assert not any("error_carried_forward" in " ".join(r["mistakes"]) for r in rows.values())


def test_a_slow_helper_is_not_charged_to_the_composite():
    # 0.4 s a call: linear_backward's own 7 calls fit in 4 s, the composite's 10 calls would not
    slow = {"linear_backward": RIGHT["linear_backward"].replace(
        "A_prev, W, b = linear_cache", "import time; time.sleep(0.4)\n            A_prev, W, b = linear_cache")}
    rows = points(backward_notebook(slow), timeout=4.0)
    assert rows["linear_backward"]["points"] == 3
    comp = rows["linear_activation_backward"]
    assert comp["points"] == 3, comp["report"]
    assert "your linear_backward is slow" in comp["report"]
    assert "relu_backward is slow" not in comp["report"]   # replaced too, but not blamed


def test_forward_chain_keeps_points_when_linear_forward_is_wrong():
    # b left out of Z[l]: linear_forward loses points, the composites that call it keep theirs
    wrong = {"linear_forward": "def linear_forward(A_prev, W, b):\n    return W @ A_prev, (A_prev, W, b)"}
    on = points(notebook(wrong), assignment=ASSIGNMENT)
    off = points(notebook(wrong), assignment=ASSIGNMENT, carry_forward=False)
    assert on["linear_forward"]["points"] < MAX["linear_forward"]
    for name in ("sigmoid", "relu", "linear_activation_forward", "model_forward"):
        assert on[name]["points"] == MAX[name], on[name]["report"]
    assert off["model_forward"]["points"] < MAX["model_forward"]
    assert off["linear_activation_forward"]["points"] < MAX["linear_activation_forward"]


def test_the_reference_helper_is_one_more_proxy_never_the_composite():
    assert "linear_backward" not in allowed_proxies(BACKWARD, list(POINTS))
    extra = allowed_proxies(BACKWARD, list(POINTS), ["linear_backward"])
    assert "linear_backward" in extra and "linear_activation_backward" not in extra
    # a composite handing its own work to dlkit is still flagged, carried forward or not
    delegating = {"linear_activation_backward": """
        import dlkit
        def linear_activation_backward(dA, cache, activation):
            return dlkit.linear_activation_backward(dA, cache, activation)
    """}
    rows = points(backward_notebook({**NO_ONE_OVER_M, **delegating}))
    assert rows["linear_activation_backward"]["status"] == "flagged"
    assert rows["linear_activation_backward"]["points"] == 0


def test_cli_switch(tmp_path, capsys):
    subs = tmp_path / BACKWARD
    subs.mkdir()
    (subs / "ann.ipynb").write_text(backward_notebook(NO_ONE_OVER_M))
    (subs / "bob.ipynb").write_text(backward_notebook(DELETED_RELU))
    for flag, book in (([], "on.sqlite"), (["--no-carry-forward"], "off.sqlite")):
        assert main(["grade", str(subs), "--gradebook", str(tmp_path / book), "--workers", "1", "--quiet",
                     "--seed", "3", *flag]) == 0
    got = {}
    for book in ("on.sqlite", "off.sqlite"):
        conn = gb.connect_readonly(str(tmp_path / book))
        got[book] = {(r["learner"], r["exercise"]): r["points"] for r in gb.rows(conn)}
        conn.close()
    for learner in ("ann", "bob"):
        assert got["on.sqlite"][(learner, "linear_activation_backward")] == 3
        assert got["off.sqlite"][(learner, "linear_activation_backward")] < 3
    assert got["on.sqlite"][("ann", "linear_backward")] == got["off.sqlite"][("ann", "linear_backward")] < 3
    assert got["on.sqlite"][("bob", "relu_backward")] == got["off.sqlite"][("bob", "relu_backward")] == 0


def test_an_endless_loop_in_the_composite_is_its_own():
    # fast helpers: the time is the composite's, so no second run is made and the timeout stands
    loop = {"linear_activation_backward": """
        def linear_activation_backward(dA, cache, activation):
            while True:
                pass
    """}
    rows = points(backward_notebook(loop), timeout=1.0)
    assert rows["linear_activation_backward"]["status"] == "timeout"
    assert "error_carried_forward" not in " ".join(rows["linear_activation_backward"]["mistakes"])
