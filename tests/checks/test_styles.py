"""Learner styles named by the second round of issue 12: what a rule must not say, and the text it says."""
from dlkit.checks import check
from dlkit.checks.leftovers import global_reads_in_source, leftover_globals, unused_parameters

from . import catalog_styles
from .registry import BUGGY


def _bug(mistake):
    return next(fn for _, m, fn in BUGGY if m == mistake)


def test_a_harmless_constant_global_is_never_named():
    result = check("compute_cost", catalog_styles.cost_with_constant_and_a_mistake)
    assert not result.passed and "compute_cost.reads_global" not in result.mistakes, str(result)
    assert "compute_cost.missing_minus" in result.mistakes


def test_the_global_and_the_unused_argument_are_named():
    text = str(check("update_parameters", _bug("update_parameters.reads_global")))
    assert "reads the global lr = 0.01" in text and "its argument learning_rate" in text, text
    text = str(check("compute_cost", _bug("compute_cost.reads_global")))
    assert "reads the global m = 5" in text and "m is the number of columns" in text, text
    text = str(check("model_forward", _bug("model_forward.reads_global")))
    assert "reads the global parameters = a dict with keys W1, b1, W2, b2" in text and "argument params" in text


def test_byte_code_and_source_views_agree():
    fn = _bug("update_parameters.reads_global")
    assert unused_parameters(fn) == ["learning_rate"]
    assert [n for n, _ in leftover_globals(fn)] == ["lr"]
    src = "def f(parameters, grads, learning_rate):\n    for l in range(3):\n        x = lr * l\n    return x\n"
    assert global_reads_in_source(src, "f") == ["range", "lr"]


def test_outputs_in_the_wrong_order_are_named_by_position():
    result = check("linear_backward", _bug("linear_backward.outputs_order"))
    assert "returns (dW, db, dA_prev)" in str(result) and "(dA_prev, dW, db)" in str(result), str(result)
    assert result.mistakes == ["linear_backward.outputs_order"]   # the order alone, not three wrong parts


def test_cache_items_are_named_by_what_they_hold():
    assert "linear_cache also holds Z" in str(check("linear_forward", _bug("linear_forward.cache_extra_item")))
    assert "lacks b" in str(check("linear_forward", _bug("linear_forward.cache_missing_item")))
    only = str(check("linear_activation_forward", _bug("linear_activation_forward.cache_only_item")))
    assert "cache is linear_cache (A_prev, W, b) alone: Z is not kept" in only, only


def test_crashes_name_the_arrays_and_layers_that_met():
    text = str(check("model_backward", _bug("model_backward.layer_shapes")))
    # named by value (operands.py): W_used.T is W[1].T, dZ is dZ[2], of two layers
    assert "(W[1].T, (2, 2)) and `dZ` (dZ[2], (1, 3) = (1, m)): these belong to different layers" in text, text
    text = str(check("sigmoid", _bug("sigmoid.math_on_array")))
    assert "math.exp works on single numbers" in text and "np.exp" in text
    assert "TypeError" not in text   # numpy's raw message is not the hint


def test_learning_rate_step_and_leaky_slope_say_the_constant():
    assert "moved by 0.01 times its gradient" in str(check("update_parameters",
                                                           _bug("update_parameters.learning_rate_not_used")))
    assert "(0.01)" in str(check("relu", _bug("relu.leaky_slope")))
