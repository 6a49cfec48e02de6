"""diag10 (issue 12, item 2): wrong values named by what they are, in the lecture's terms.

Each test names a mistake in a report AND checks that right code still passes or that a near
miss is not misnamed: the cost computed another way (relations.cost_relation), values close to
the right ones with their cause (half precision, a finite-difference slope), a constant added, a
sigmoid of k Z, the slope searched on its own (dZ = dA[l] * the learner's slope), wrong whole rows
or columns named by position, and the new unary forms of the expression search (1 + X, sqrt, 1 / X).
"""
import math
import warnings

import numpy as np
import pytest

import dlkit
from dlkit.checks import SPECS, Case, check, compare, concepts, expression, relations
from dlkit.checks.runner import KernelCall


def _sig(Z):
    return 1 / (1 + np.exp(-Z))


def _both(name, fn):
    """The notebook's report and the grader's on the hidden cases."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return check(name, fn), SPECS[name].run(KernelCall(name, fn, 5), seed=20261203)


# ---- the cost, computed another way -------------------------------------------------------------

def _clipped(AL, eps=1e-15):
    return np.clip(AL, eps, 1 - eps)


def cost_second_term_subtracted(AL, Y):
    AL = _clipped(AL)
    return float(-np.mean(Y * np.log(AL) - (1 - Y) * np.log(1 - AL)))


def cost_args_swapped(Y, AL):
    AL = _clipped(AL, np.finfo(float).eps)
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / Y.shape[1])


def cost_log1p_of_AL(AL, Y):
    AL = _clipped(AL)
    return float(-np.mean(Y * np.log(AL) + (1 - Y) * np.log1p(AL)))


def cost_log2_summed(AL, Y):
    AL = _clipped(AL)
    return float(-np.sum(Y * np.log2(AL) + (1 - Y) * np.log2(1 - AL)))


def cost_last_example(AL, Y):
    AL = _clipped(AL)
    for i in range(Y.shape[1]):
        cost = -(Y[0, i] * math.log(AL[0, i]) + (1 - Y[0, i]) * math.log(1 - AL[0, i]))
    return cost


def cost_Y_in_both_terms(AL, Y):
    AL = _clipped(AL)
    return float(-np.mean(Y * np.log(AL) + Y * np.log(1 - AL)))


def cost_wide_clip(AL, Y):
    AL = np.clip(AL, 1e-3, 1 - 1e-3)
    return float(-np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))


def cost_eps_in_logs(AL, Y):
    return float(-np.mean(Y * np.log(AL + 1e-3) + (1 - Y) * np.log(1 - AL + 1e-3)))


@pytest.mark.parametrize("fn, rid, words", [
    (cost_second_term_subtracted, "cost_term_subtracted", "subtracted"),
    (cost_args_swapped, "cost_args_swapped", "A[L] and Y swapped"),
    (cost_log1p_of_AL, "cost_log_one_plus", "log(1 + A[L])"),
    (cost_log2_summed, "cost_log_base", "no 1/m"),
    (cost_last_example, "cost_one_example", "last example only"),
    (cost_wide_clip, "cost_clip_eps", "clipped to [0.001"),
    (cost_Y_in_both_terms, "cost_term_weight", "Y log(1 - A[L]) where the second term is (1 - Y) log(1 - A[L])"),
    (cost_eps_in_logs, "cost_eps_added", "added inside the logs"),
])
def test_the_cost_computed_another_way_is_named(fn, rid, words):
    public, hidden = _both("compute_cost", fn)
    for result in (public, hidden):
        assert not result.passed
        assert f"compute_cost.{rid}" in result.mistakes, str(result)
    assert words in " ".join(public.hints), str(public)


def test_right_costs_still_pass_and_a_near_miss_is_not_a_cost_variant():
    def stable(AL, Y):
        a = _clipped(AL, np.finfo(float).eps)
        return float(-np.mean(Y * np.log(a) + (1 - Y) * np.log1p(-a)))

    def tiny_clip(AL, Y):
        return float(-np.mean(Y * np.log(_clipped(AL, 1e-12)) + (1 - Y) * np.log(1 - _clipped(AL, 1e-12))))
    for fn in (stable, tiny_clip):
        public, hidden = _both("compute_cost", fn)
        assert public.passed and hidden.passed, str(public) + str(hidden)

    def plus_a_little(AL, Y):     # no variant of the cross-entropy: the relation says nothing
        return stable(AL, Y) * 1.0 + 0.0123 * Y.shape[1] ** 0.5
    result = check("compute_cost", plus_a_little)
    assert result.mistakes == ["compute_cost.cost_wrong"], str(result)


def test_cost_relation_wants_every_finite_wrong_case():
    rng = np.random.default_rng(1)
    cases = []
    for m in (3, 5):
        AL, Y = rng.uniform(0.1, 0.9, (1, m)), (rng.random((1, m)) < 0.5).astype(float)
        e = float(dlkit.compute_cost(AL, Y))
        cases.append((Case((AL, Y), info={"m": m}), e, {"AL": AL, "Y": Y}))
    log10 = [(c, float(-np.mean(q["Y"] * np.log10(q["AL"]) + (1 - q["Y"]) * np.log10(1 - q["AL"]))), e, "cost", q)
             for c, e, q in cases]
    assert relations.cost_relation(log10)[0] == "cost_log_base"
    mixed = [log10[0], (cases[1][0], cases[1][1] * 1.37, cases[1][1], "cost", cases[1][2])]
    assert relations.cost_relation(mixed) is None


# ---- close to the right values but not equal ----------------------------------------------------

def test_half_precision_is_named_and_float32_still_passes():
    public, hidden = _both("relu", lambda Z: np.maximum(Z, 0).astype(np.float16))
    assert "relu.approximate_precision" in public.mistakes and "half precision" in public.hints[0], str(public)
    assert "relu.approximate_precision" in hidden.mistakes
    public, hidden = _both("relu", lambda Z: np.maximum(Z, 0).astype(np.float32))
    assert public.passed and hidden.passed


def test_a_finite_difference_slope_is_named_and_a_fine_one_passes():
    def forward_difference(dA, Z):
        h = 1e-3
        return dA * (_sig(Z + h) - _sig(Z)) / h
    public, hidden = _both("sigmoid_backward", forward_difference)
    assert public.mistakes[0] == "sigmoid_backward.approximate_slope", str(public)
    assert "finite differences" in public.hints[0] and "h = 0.001" in public.hints[0]
    assert "sigmoid_backward.approximate_slope" in hidden.mistakes

    def exact(dA, Z):
        s = 1 / (1 + np.exp(-np.clip(Z, -500, 500)))
        return dA * s * (1 - s)
    assert check("sigmoid_backward", exact).passed


def test_close_values_are_said_close_only_when_every_entry_is():
    exp = np.array([[1.0, 2.0, 4.0]])
    said = compare.mismatch("A", exp * 1.001 + np.array([[0.0, 0.0, 0.003]]), exp)
    assert "close to the right values but not equal" in said
    said = compare.mismatch("A", np.array([[1.0, 2.0, 0.0]]), np.array([[1.0, 2.0, 0.01]]) * 100)
    assert "close" not in said
    said = compare.mismatch("A", np.array([[0.0, -0.01, 4.0]]), np.array([[0.0, 0.0, 4.0]]))   # moved from 0
    assert "close" not in said


def test_a_constant_added_everywhere_is_named_not_on_one_entry_alone():
    public, hidden = _both("sigmoid", lambda Z: 1 / (1 + np.exp(-Z)) + 1e-3)
    assert public.mistakes[0] == "sigmoid.offset" and "plus 0.001" in public.hints[0], str(public)
    one = (Case((), info={"m": 1}), np.array([[0.7]]), np.array([[0.5]]), "A", {})
    assert relations.explain("A", [one]) is None     # any difference on one entry is "a constant"


# ---- the sigmoid of k Z ---------------------------------------------------------------------------

def test_powers_of_two_are_named_and_the_tanh_identity_passes():
    public, hidden = _both("sigmoid", lambda Z: 1 / (1 + np.exp2(-Z)))
    assert public.mistakes[0] == "sigmoid.scaled_inside" and "powers of 2" in public.hints[0], str(public)
    assert "sigmoid.scaled_inside" in hidden.mistakes
    assert check("sigmoid", lambda Z: 0.5 * (1 + np.tanh(0.5 * Z))).passed

    def scaled_to_max(Z):        # not a sigmoid of k Z: A / max(A) fits one entry only
        A = 1 / (1 + np.exp(-Z))
        return A / np.max(A)
    assert "sigmoid.scaled_inside" not in check("sigmoid", scaled_to_max).mistakes


# ---- the slope searched on its own ----------------------------------------------------------------

def test_a_slope_written_with_Z_is_named_as_the_slope_it_is():
    def s_one_minus_Z(dA, Z):
        s = _sig(Z)
        return dA * s * (1 - Z)
    result = check("sigmoid_backward", s_one_minus_Z)
    assert result.mistakes[0] == "sigmoid_backward.output_expression", str(result)
    assert "1 - Z[l] is used instead of 1 - s" in result.hints[0]


def test_one_plus_where_one_minus_belongs_is_said_in_words():
    rng = np.random.default_rng(4)
    Z, dA = rng.normal(size=(2, 4)), rng.normal(size=(2, 4))
    s = _sig(Z)
    labels = {"dA": "dA[l]", "Z": "Z[l]", "A": "A[l]"}
    P = np.abs(Z) + 0.5
    assert expression.search(np.sqrt(P) * dA, {"dA[l]": dA, "P": P}, m=4) == ("sqrt(P) * dA[l]", 2)
    assert expression.search(1 / (1 + P), {"P": P, "dA[l]": dA}, m=4) == ("1 / (1 + P)", 2)
    q = {"dA[l]": dA, "Z[l]": Z, "A[l]": s}
    assert expression.search_tree(dA * s * (1 + s), q, m=4) == []       # size 3: out of reach as a whole
    tree = concepts._times_dA(dA * s * (1 + s), "dZ", labels, q, 4, expression.BUDGET, [0])   # the slope alone
    assert tree and expression.equivalent(tree, q, 4)       # s (1 + s) = s + s s: one function
    words = concepts.translate(tree[0], "dZ", labels, q, m=4, activation="sigmoid")
    assert words and "1 + A[l] where 1 - s belongs: a plus where the equation has a minus" in words, words


# ---- wrong on whole rows or columns ---------------------------------------------------------------

def test_wrong_on_the_last_row_or_column_is_said_by_position():
    def last_row_without_b(A_prev, W, b):
        Z = W @ A_prev + b
        Z[-1] = W[-1] @ A_prev
        return Z, (A_prev, W, b)
    result = check("linear_forward", last_row_without_b)
    assert result.mistakes[0] == "linear_forward.wrong_where", str(result)
    assert "right on every row except the last but wrong on the last row" in result.hints[0]

    def last_column_not_activated(Z):
        A = np.maximum(Z, 0)
        A[:, -1] = Z[:, -1]
        return A
    result = check("relu", last_column_not_activated)
    assert result.mistakes[0] == "relu.wrong_where", str(result)
    assert "wrong on the last column: there it is Z[l] instead of 0" in result.hints[0]


def test_rows_are_named_only_when_every_case_agrees():
    w1 = np.array([[False, False], [True, True]])
    w2 = np.array([[False, False, False], [False, False, False], [True, True, True]])
    assert concepts._lines([w1, w2])[1:] == ("on every row except the last", "on the last row")
    w3 = np.array([[True, True, True], [False, False, False], [False, False, False]])
    assert concepts._lines([w1, w3]) is None
    # one case with a few wrong entries: where they fall may be chance
    assert concepts._lines([np.array([[False, True], [False, False]])]) is None


def test_the_first_wrong_line_names_a_slope_written_with_Z():
    def linear_activation_backward(dA, cache, activation):
        (A_prev, W, b), Z = cache
        if activation == "sigmoid":
            s = _sig(Z)
            dZ = dA * s * (1 - Z)
        else:
            dZ = dA * (Z > 0)
        m = A_prev.shape[1]
        return W.T @ dZ, dZ @ A_prev.T / m, np.sum(dZ, axis=1, keepdims=True) / m
    result = check("linear_activation_backward", linear_activation_backward)
    assert result.mistakes[0] == "linear_activation_backward.first_wrong_line_expression", str(result)
    assert "1 - Z[l] is used instead of 1 - s" in result.hints[0]
    right = check("linear_activation_backward", dlkit.linear_activation_backward)
    assert right.passed


def test_one_number_in_every_row_and_a_rows_missing_term():
    def db_mean_of_everything(dZ, cache):
        A_prev, W, b = cache
        m = A_prev.shape[1]
        return W.T @ dZ, dZ @ A_prev.T / m, np.full((dZ.shape[0], 1), np.mean(dZ))
    result = check("linear_backward", db_mean_of_everything)
    assert result.mistakes[0] == "linear_backward.wrong_axis" and "one number in every row" in result.hints[0], \
        str(result)

    def b_on_row_0_only(A_prev, W, b):
        Z = np.zeros((W.shape[0], A_prev.shape[1]))
        Z[0] = W[0] @ A_prev + b[0]
        for i in range(1, W.shape[0]):
            Z[i] = W[i] @ A_prev
        return Z, (A_prev, W, b)
    result = check("linear_forward", b_on_row_0_only)
    assert result.mistakes[0] == "linear_forward.wrong_where", str(result)
    assert "right on row 0 only but wrong on the other rows: there it is Z[l] - b[l]" in result.hints[0]
