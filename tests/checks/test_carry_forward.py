"""Error carried forward in the notebook checkpoint: ``check`` tells the learner the composite is fine.

The learner's functions live in one namespace, as in a kernel; a deleted cell is a name that
was never defined, a cell with a syntax error defines nothing.
"""
from __future__ import annotations

import textwrap

import numpy as np
import pytest

from dlkit.checks import check
from dlkit.checks.carry import HelperResults, carried_helpers, why_failing
from dlkit.checks.specs import SPECS

from .carry_sources import RIGHT

NO_ONE_OVER_M = RIGHT["linear_backward"].replace("A_prev.T / m", "A_prev.T")


def kernel(**cells) -> dict:
    """Run the cells in one namespace like a notebook: a cell that does not parse defines nothing."""
    ns = {"np": np}
    for name, src in {**RIGHT, **cells}.items():
        if src is None:
            continue  # the learner deleted the cell
        try:
            exec(compile(textwrap.dedent(src), f"<cell {name}>", "exec"), ns)
        except SyntaxError:
            pass
    return ns


@pytest.mark.parametrize("cells, helper", [({"linear_backward": NO_ONE_OVER_M}, "linear_backward"),
                                           ({"relu_backward": None}, "relu_backward"),
                                           ({"sigmoid_backward": "def sigmoid_backward(dA, Z)\n    return dA"},
                                            "sigmoid_backward")])
def test_composite_keeps_its_points_when_only_a_helper_fails(cells, helper):
    ns = kernel(**cells)
    composite = ns["linear_activation_backward"]
    result = check("linear_activation_backward", composite)
    assert result.passed and result.points == result.max_points == 3
    assert result.carried_forward == {helper: "failed" if helper == "linear_backward" else "missing"}
    text = result.report()
    assert "error carried forward" in text.splitlines()[0]
    assert f"Your linear_activation_backward is right: it failed only because your {helper}" in text
    # what to do next fits why the helper failed (a deleted cell has no check of its own to read)
    todo = {"linear_backward": "Next, fix linear_backward (its own check says what is wrong).",
            "relu_backward": "Next, define relu_backward again (run its cell, or put the cell back)."}
    assert todo.get(helper, f"Next, define {helper} again") in text, text
    off = check("linear_activation_backward", composite, carry_forward=False)
    assert off.points < 3 and not off.carried_forward and "carried forward" not in off.report()
    if helper in ns:  # the helper itself still pays
        assert check(helper, ns[helper]).points < SPECS[helper].max_points


def test_two_missing_helpers_the_first_run_names_only_one_of():
    # relu_backward deleted, sigmoid_backward does not parse: the first NameError names only one
    ns = kernel(relu_backward=None, sigmoid_backward="def sigmoid_backward(dA, Z)\n    return dA")
    result = check("linear_activation_backward", ns["linear_activation_backward"])
    assert result.passed and result.points == 3, result.report()
    assert result.carried_forward == {"relu_backward": "missing", "sigmoid_backward": "missing"}
    assert "given dlkit's relu_backward and sigmoid_backward" in result.report()
    assert "relu_backward" not in ns and "sigmoid_backward" not in ns   # nothing left bound afterwards
    assert check("linear_activation_backward", ns["linear_activation_backward"], carry_forward=False).points == 0


def test_the_learners_names_come_back_after_the_second_run():
    ns = kernel(linear_backward=NO_ONE_OVER_M, relu_backward=None)
    mine = ns["linear_backward"]
    check("linear_activation_backward", ns["linear_activation_backward"])
    assert ns["linear_backward"] is mine and "relu_backward" not in ns


def test_no_carry_forward_for_a_composites_own_mistake():
    swapped = RIGHT["linear_activation_backward"].replace('== "relu"', '== "sigmoid"')
    ns = kernel(linear_activation_backward=swapped)
    result = check("linear_activation_backward", ns["linear_activation_backward"])
    assert not result.passed and not result.carried_forward
    assert result.points == check("linear_activation_backward", ns["linear_activation_backward"],
                                  carry_forward=False).points


def test_partial_credit_given_dlkits_helper_names_the_composites_own_mistake():
    # the composite recomputes db itself without the 1/m (its own mistake), and linear_backward is missing
    own_db = RIGHT["linear_activation_backward"].replace(
        "return linear_backward(dZ, linear_cache)",
        "dA_prev, dW, db = linear_backward(dZ, linear_cache)\n"
        "            return dA_prev, dW, np.sum(dZ, axis=1, keepdims=True)")
    ns = kernel(linear_activation_backward=own_db, linear_backward=None)
    result = check("linear_activation_backward", ns["linear_activation_backward"])
    off = check("linear_activation_backward", ns["linear_activation_backward"], carry_forward=False)
    assert off.points == 0 and off.status == "crashed"
    assert 0 < result.points < 3 and result.carried_forward == {"linear_backward": "missing"}
    assert result.mistakes[0] == "linear_activation_backward.error_carried_forward"
    assert "are linear_activation_backward's own" in result.report()


def test_a_slow_helper_is_not_charged_in_the_notebook_either():
    # 0.4 s a call: linear_backward's own 4 public cases fit in 2 s, the composite's 6 would not
    slow = RIGHT["linear_backward"].replace("A_prev, W, b = linear_cache",
                                            "time.sleep(0.4)\n            A_prev, W, b = linear_cache")
    ns = kernel(linear_backward=slow)
    import time
    ns["time"] = time
    assert check("linear_backward", ns["linear_backward"], time_limit=2.0).passed
    off = check("linear_activation_backward", ns["linear_activation_backward"], time_limit=2.0, carry_forward=False)
    assert off.status == "timeout"
    on = check("linear_activation_backward", ns["linear_activation_backward"], time_limit=2.0)
    assert on.passed and "your linear_backward is slow" in on.report()


def test_model_forward_with_a_wrong_linear_forward():
    import dlkit

    ns = {"np": np, "sigmoid": dlkit.sigmoid, "relu": dlkit.relu}
    exec(textwrap.dedent("""
        def linear_forward(A_prev, W, b):
            return W @ A_prev, (A_prev, W, b)           # b left out
        def linear_activation_forward(A_prev, W, b, activation):
            Z, linear_cache = linear_forward(A_prev, W, b)
            A = sigmoid(Z) if activation == "sigmoid" else relu(Z)
            return A, (linear_cache, Z)
        def model_forward(X, parameters):
            caches, A, L = [], X, len(parameters) // 2
            for l in range(1, L):
                A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
                caches.append(cache)
            AL, cache = linear_activation_forward(A, parameters[f"W{L}"], parameters[f"b{L}"], "sigmoid")
            return AL, caches + [cache]
    """), ns)
    result = check("model_forward", ns["model_forward"])
    assert result.passed and set(result.carried_forward) == {"linear_activation_forward", "linear_forward"}
    assert not check("linear_forward", ns["linear_forward"]).passed


def test_rule_pieces_and_arguments():
    assert carried_helpers(SPECS["linear_backward"]) == []   # linear_forward is only its numerical check
    assert carried_helpers(SPECS["linear_activation_backward"]) == ["linear_backward", "relu_backward",
                                                                    "sigmoid_backward"]
    assert why_failing("missing") == "missing" and why_failing(None) == "missing"
    helpers = HelperResults(lambda name: "missing")
    assert helpers.get("relu_backward") is None and helpers.failing(SPECS["linear_activation_backward"]) == {
        "linear_backward": "missing", "relu_backward": "missing", "sigmoid_backward": "missing"}
    with pytest.raises(TypeError, match="carry_forward"):
        check("relu_backward", lambda dA, Z: dA, carry_forward="yes")


def test_slow_helpers_are_replaced_only_when_they_take_a_real_share_of_the_budget():
    from dlkit.checks.result import CheckResult

    spec = SPECS["linear_activation_backward"]
    helpers = HelperResults(lambda name: CheckResult(name, "passed", 1, 1, cases=1), budget=10.0)
    for name in carried_helpers(spec):
        helpers.result(name)
    helpers.seconds.update(linear_backward=0.001, relu_backward=0.001, sigmoid_backward=0.001)
    assert helpers.failing(spec, timed_out=True, cases=10) == {}          # the composite's own loop
    assert helpers.failing(spec, timed_out=False, cases=10) == {}
    helpers.seconds["linear_backward"] = 1.1                               # issue 15's slow linear_backward
    assert helpers.failing(spec, timed_out=True, cases=10) == {
        "linear_backward": "slow", "relu_backward": "fast", "sigmoid_backward": "fast"}
