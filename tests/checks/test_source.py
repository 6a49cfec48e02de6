"""The source-level layer (dlkit/checks/source.py): its rules name constructs a correct solution
never needs, only when an output is wrong and nothing more specific explains it, and they stay
silent on every correct implementation of the tuning catalog (speed: benchmarks/bench_checks.py)."""
import re
import textwrap

import numpy as np
import pytest

from dlkit.checks import check, source
from dlkit.checks.mistakes import SOURCE, hint_for
from dlkit.checks.runner import KernelCall

from . import catalog_backward, catalog_forward, catalog_model, catalog_relations, catalog_source  # noqa: F401
from . import catalog_styles, catalog_train  # noqa: F401
from .registry import BUGGY, CORRECT


def rules(name, code):
    return [r for r, _, _ in source.scan(name, textwrap.dedent(code))]


def test_every_rule_has_a_hint_and_a_tuning_bug():
    tuned = {mid.split(".source.")[1] for _, mid, _ in BUGGY if ".source." in mid}
    for rule in source.RULE_IDS:
        assert f"source.{rule}" in SOURCE, rule
        assert rule in tuned, f"source rule {rule} has no @bug in the tuning catalog"
    assert set(SOURCE) == {f"source.{r}" for r in source.RULE_IDS}
    for rule in source.RULE_IDS:
        hint = hint_for(f"linear_backward.source.{rule}", code="x", what="w", fix="f", base="10", exercise="relu")
        assert not re.search(r"\{(?!l\})", hint) and hint.rstrip().endswith((".", ")")), rule   # f"W{l}" is text


@pytest.mark.parametrize("exercise, fn", CORRECT, ids=[f"{e}-line{f.__code__.co_firstlineno}" for e, f in CORRECT])
def test_no_rule_fires_on_a_correct_implementation(exercise, fn):
    text = source.learner_source(fn)
    assert text is not None
    assert source.scan(exercise, text) == []


def test_m_from_size_is_named_with_the_columns():
    found = source.findings("linear_backward", textwrap.dedent("""
        def linear_backward(dZ, cache):
            A_prev, W, b = cache
            m = dZ.size
            return W.T @ dZ, dZ @ A_prev.T / m, dZ.sum(axis=1, keepdims=True) / m
    """), first_line=10)
    assert [f.id for f in found] == ["linear_backward.source.m_not_columns"]
    assert "m is taken from dZ.size" in found[0].hint and "the number of columns: dZ.shape[1]" in found[0].hint
    assert found[0].details == ["line 13: m = dZ.size"]


def test_m_rules_know_where_a_count_is_m():
    # Y is (1, m) in compute_cost: Y.size is m; len(A.T) and shape[1] are the columns anywhere
    assert rules("compute_cost", "def compute_cost(AL, Y):\n    m = Y.size\n    return m") == []
    assert rules("compute_cost", "def compute_cost(AL, Y):\n    m = len(Y)\n    return m") == ["m_not_columns"]
    assert rules("linear_backward", "def f(dZ, c):\n    m = len(dZ.T)\n    return m") == []
    assert rules("linear_backward", "def f(dZ, c):\n    m = dZ.shape[0]\n    return m") == ["m_not_columns"]
    assert rules("linear_backward", "def f(dZ, c):\n    m = dZ.size\n    return 0") == []   # m never used
    assert rules("linear_forward", "def f(A, W, b):\n    m = A.size\n    return m") == []   # no m in Z = W A + b


def test_m_unpacked_from_the_shape():
    assert rules("linear_backward", "def f(dZ, c):\n    n, m = dZ.shape\n    return m") == []
    found = source.findings("linear_backward", "def f(dZ, c):\n    m, n = dZ.shape\n    return m")
    assert [f.id for f in found] == ["linear_backward.source.m_not_columns"]
    assert "m, n = dZ.shape, which puts the number of rows in m" in found[0].hint and "dZ.shape[1]" in found[0].hint


def test_python_sum_adds_the_rows():
    assert rules("linear_backward", "def f(dZ, c):\n    return sum(dZ) / 4") == ["sum_wrong_axis"]
    for good in ["sum(dZ.T)", "np.array([[sum(row)] for row in dZ])", "sum(x for x in dZ.T)",
                 "np.sum(dZ, axis=1, keepdims=True)", "np.mean(dZ.T, axis=0)", "dZ.sum(1, keepdims=True)"]:
        assert rules("linear_backward", f"def f(dZ, c):\n    return {good}") == [], good


def test_whole_numbers_but_not_counts_or_masks():
    assert rules("relu_backward", "def f(dA, Z):\n    return dA * (Z > 0).astype(int)") == []
    assert rules("relu_backward", "def f(dA, Z):\n    return dA * Z.astype(int)") == ["rounding"]
    assert rules("update_parameters", "def f(p, g, lr):\n    L = int(len(p) / 2)\n    return L") == []
    assert rules("update_parameters", "def f(p, g, lr):\n    L = len(p) // 2\n    return L") == []
    assert rules("linear_backward", "def f(dZ, c):\n    return 1 // dZ.shape[1]") == ["integer_division"]
    assert rules("sigmoid", "def f(Z):\n    return np.round(1 / (1 + np.exp(-Z)), 4)") == ["rounding"]
    assert rules("linear_forward", "def f(A, W, b):\n    return np.zeros((2, 2), dtype=int) + W @ A + b") == ["rounding"]


def test_clip_bounds_accept_the_lecture_eps_and_smaller():
    # notebook 3: any small eps (a clip by at most 1e-6 moves no graded cost beyond its tolerance)
    ok = ["np.clip(AL, np.finfo(float).eps, 1 - np.finfo(float).eps)", "np.clip(AL, 1e-15, 1 - 1e-15)",
          "AL.clip(eps, 1 - eps)", "np.clip(AL, a_min=eps, a_max=1 - eps)", "np.clip(AL, 1e-8, 1 - 1e-8)"]
    bad = ["np.clip(AL, 0.05, 0.95)", "np.clip(AL, eps, 1)", "np.clip(AL, 0, 1)", "np.clip(AL, 1e-4, 1 - 1e-4)"]
    for expr in ok + bad:
        code = f"def compute_cost(AL, Y):\n    eps = 1e-16\n    return {expr}"
        assert rules("compute_cost", code) == ([] if expr in ok else ["clip_bounds"]), expr


def test_Y_where_AL_belongs_but_not_m_from_Y():
    assert rules("compute_cost", "def f(AL, Y):\n    return np.sum(np.log(1 - Y)) / Y.shape[1]") == ["Y_for_AL"]
    assert rules("compute_cost", "def f(AL, Y):\n    return -np.sum(Y * np.log(AL)) / Y.shape[1]") == []
    assert rules("compute_cost", "def f(AL, Y):\n    return -np.log(np.where(Y == 1, AL, 1 - AL)).mean()") == []
    assert rules("model_backward", "def f(AL, Y, c):\n    dAL = -(Y / AL - (1 - Y) / (1 - Y))\n    return dAL") \
        == ["Y_for_AL"]


def test_dAL_is_checked_by_evaluating_the_learners_expression():
    for good in ["-(Y / AL - (1 - Y) / (1 - AL))", "-(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))",
                 "(1 - Y) / (1 - AL) - Y / AL", "-Y / AL + (1 - Y) / (1 - AL)", "(AL - Y) / (AL * (1 - AL))"]:
        assert rules("model_backward", f"def f(AL, Y, caches):\n    dAL = {good}\n    return dAL") == [], good
    found = source.findings("model_backward", "def f(AL, Y, caches):\n    dAL = -(Y / AL - (1 - Y) / 1 - AL)\n"
                                              "    return dAL")
    assert found[0].id == "model_backward.source.dAL_formula"
    assert "at A[L] = 0.3, Y = 1.0 it gives -3.033 instead of -3.333" in found[0].hint
    # an expression of other names (a helper's output, a clipped AL) is not evaluated
    assert rules("model_backward", "def f(AL, Y, c):\n    A = np.clip(AL, 1e-9, 1)\n    dAL = A - Y\n"
                                   "    return dAL") == []


def test_sigmoid_formulas():
    assert rules("sigmoid", "def f(Z):\n    return 1 / (1 + np.exp(Z))") == ["sigmoid_exponent"]
    for good in ["1 / (1 + np.exp(-Z))", "1 / (1 + np.exp(-1 * Z))", "np.exp(Z) / (1 + np.exp(Z))",
                 "0.5 * (1 + np.tanh(Z / 2))", "1 / (1 + np.exp(0 - Z))"]:
        assert rules("sigmoid", f"def f(Z):\n    return {good}") == [], good
    assert rules("sigmoid", "def f(Z):\n    return 1/1 + np.exp(-Z)") == ["divide_by_one"]
    assert rules("sigmoid", "def f(Z):\n    return np.exp(Z) / np.sum(np.exp(Z), axis=0)") == ["softmax"]
    assert rules("sigmoid", "def f(Z):\n    return 1 / (1 + np.exp(-(Z - Z.max())))") == ["shift_by_max"]


def test_relu_rules():
    for good in ["np.maximum(0, Z)", "np.maximum(Z, 0.0)", "np.where(Z > 0, Z, 0)", "np.clip(Z, 0, None)",
                 "Z * (Z > 0)", "(Z + np.abs(Z)) / 2"]:
        assert rules("relu", f"def relu(Z):\n    return {good}") == [], good
    for bad in ["np.maximum(0.01 * Z, Z)", "np.maximum(Z, 1e-3)", "np.clip(Z, 0, 6)", "Z * (Z > 0.5)",
                "np.where(Z > 0, Z, 0.01 * Z)"]:
        assert rules("relu", f"def relu(Z):\n    return {bad}") == ["relu_bound"], bad
    assert rules("relu_backward", "def f(dA, Z):\n    return dA * (dA > 0)") == ["relu_mask_on_dA"]
    assert rules("relu_backward", "def f(dA, Z):\n    return dA * np.heaviside(Z, 0.5)") == ["relu_bound"]
    assert rules("relu_backward", "def f(dA, Z):\n    return dA * np.heaviside(Z, 0)") == []
    # the sigmoid branch of an activation block may bound Z for stability: not relu's bound
    stable = """
        def linear_activation_forward(A_prev, W, b, activation):
            Z = W @ A_prev + b
            if activation == "sigmoid":
                Zc = np.clip(Z, -500, 500)
                A = np.where(Z < -30, 0.0, 1 / (1 + np.exp(-Zc)))
            else:
                A = np.maximum(Z, -0.0)
            return A, ((A_prev, W, b), Z)
    """
    assert rules("linear_activation_forward", stable) == []
    assert rules("relu_backward", "def f(dA, Z):\n    return np.dot(dA, Z > 0)") == ["matrix_for_entrywise"]


def test_operations_none_of_the_equations_has():
    assert rules("relu", "def relu(Z):\n    return np.log(1 + np.exp(Z))") == ["foreign_operation"]
    assert rules("update_parameters", "def f(p, g, lr):\n    return p - lr * g / np.sqrt(g ** 2)") \
        == ["foreign_operation"]
    # the same functions where an equation has them
    assert rules("sigmoid", "def f(Z):\n    return 1 / (1 + np.exp(-Z))") == []
    assert rules("compute_cost", "def f(AL, Y):\n    return -np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))") == []
    assert rules("linear_backward", "def f(dZ, c):\n    return np.mean(dZ, axis=1, keepdims=True)") == []
    assert rules("initialize_parameters", "def f(d, s):\n    return np.random.RandomState(s).randn(3, 2) / np.sqrt(2)") == []


def test_a_syntax_error_or_no_function_finds_nothing():
    assert source.scan("relu", "def relu(Z) return Z") == []
    assert source.scan("relu", "relu = lambda Z: Z") == []
    assert source.findings("relu", None) == []


def test_arguments_are_checked():
    with pytest.raises(TypeError, match="source must be"):
        source.scan("relu", 3)
    with pytest.raises(TypeError, match="name must be"):
        source.scan(None, "def f(): pass")
    with pytest.raises(ValueError, match="first_line must be a whole number of at least 1, got 0"):
        source.findings("relu", "def relu(Z):\n    return Z", first_line=0)
    with pytest.raises(ValueError, match="limit must be"):
        source.findings("relu", "def relu(Z):\n    return Z", limit=-1)


def test_the_first_construct_in_reading_order_and_at_most_the_limit():
    code = "def f(dZ, c):\n    a = np.round(dZ)\n    m = dZ.size\n    return np.floor(a) / m // 2 + 1 // m"
    found = source.findings("linear_backward", code, limit=9)
    assert [f.id.split(".source.")[1] for f in found] == ["m_not_columns", "integer_division", "rounding"]
    assert found[2].details == ["line 2: a = np.round(dZ)"]
    assert len(source.findings("linear_backward", code)) == source.MAX_SOURCE_FINDINGS


def test_the_kernel_gives_the_exercise_its_own_source_only():
    fn = next(f for e, f in CORRECT if e == "relu")
    call = KernelCall("relu", fn, 5)
    text, first = call.learner_source("relu")
    assert text.lstrip().startswith(("@", "def")) and first == fn.__code__.co_firstlineno
    assert call.learner_source("sigmoid") is None
    assert KernelCall("relu", np.abs, 5).learner_source("relu") is None


def test_report_order_specific_then_source_then_generic():
    bug = next(f for e, mid, f in BUGGY if mid == "model_forward.source.random_draw")
    result = check("model_forward", bug)
    ids = result.mistakes
    assert "model_forward.source.random_draw" in ids and len(ids) <= 3
    kinds = [2 if f.generic else 1 if ".source." in f.id else 0 for f in result.findings]
    assert kinds == sorted(kinds), ids
    assert sum(".source." in i for i in ids) <= 2


def test_a_right_output_gets_no_source_finding():
    def relu(Z):
        return np.round(np.maximum(0, Z), 14)    # a construct the rules know, but every value is right
    assert check("relu", relu).passed


def test_nothing_from_the_source_when_the_outputs_named_the_mistake():
    def linear_backward(dZ, cache):
        A_prev, W, b = cache
        m = A_prev.shape[1]
        return np.round(W.T @ dZ, 20), dZ @ A_prev.T, np.sum(dZ, axis=1, keepdims=True) / m   # dW: no 1/m
    result = check("linear_backward", linear_backward)
    assert result.mistakes == ["linear_backward.dW_missing_1_over_m"]


def test_every_rule_is_in_the_module_table_and_the_docs():
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[2] / "docs" / "relations.md").read_text()
    table = source.__doc__
    for rule in source.RULE_IDS:
        assert f"\n{rule} " in table, f"{rule} missing from source.py's table"
        assert f"| `{rule}` |" in docs, f"{rule} missing from docs/relations.md"
