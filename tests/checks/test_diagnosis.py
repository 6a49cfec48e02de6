"""The diagnosis engine's promises beyond one id per bug: relations on their own, reports a
learner can act on (most specific first, at most three, no finding about code the learner
did not write, a random case pasted only in the notebook), and the issue's learner list."""
import re

import numpy as np
import pytest

import dlkit
from dlkit.checks import SPECS, Case, check, relations
from dlkit.checks.runner import KernelCall
from dlkit.checks.spec import MAX_FINDINGS

from . import catalog_relations  # noqa: F401
from .registry import BUGGY


def _one(mistake):
    return next(fn for _, m, fn in BUGGY if m == mistake)


def _relations_on(part, got, exp, q, m=None):
    return [r for r, _ in relations.single_case(part, got, exp, q, Case((), info={"m": m}))]


def test_relations_name_transforms_of_the_references_quantities():
    rng = np.random.default_rng(0)
    Z = rng.standard_normal((3, 4))
    b = rng.standard_normal((3, 1))
    A = np.maximum(Z, 0)
    assert "transposed" in _relations_on("dW", Z.T, Z, {})
    assert "b_twice" in _relations_on("Z", Z + b, Z, {"Z": Z, "b": b})
    assert "b_missing" in _relations_on("Z", Z - b, Z, {"Z": Z, "b": b})
    assert "wrong_activation" in _relations_on("A", 1 / (1 + np.exp(-Z)), A, {"Z": Z})
    S = 1 / (1 + np.exp(-Z))
    assert "activation_twice" in _relations_on("A", 1 / (1 + np.exp(-S)), S, {"Z": Z, "A": S})
    assert "slope_for_value" in _relations_on("A", (Z > 0) * 1.0, A, {"Z": Z})
    dA = rng.standard_normal((3, 4))
    assert "value_for_slope" in _relations_on("dZ", dA * S, dA * S * (1 - S), {"Z": Z, "dA": dA})
    A_prev = rng.standard_normal((3, 4))
    assert "activation_of_other" in _relations_on("A", np.maximum(A_prev, 0), A, {"Z": Z, "A_prev": A_prev})
    assert "integer_values" in _relations_on("Z", np.trunc(Z), Z, {})
    assert "first_column_only" in _relations_on("Z", np.repeat(Z[:, :1], 4, axis=1), Z, {})
    assert "wrong_axis" in _relations_on("db", np.sum(Z, axis=0, keepdims=True) / 4, np.sum(Z, 1, keepdims=True) / 4,
                                         {"dZ": Z}, m=4)
    assert _relations_on("Z", Z, Z, {}) == []          # nothing to explain when it is right


def test_a_relation_must_hold_on_every_wrong_case():
    Z = np.arange(1.0, 7.0).reshape(2, 3)
    twice = (Case((), info={"m": 3}), 2 * Z, Z, "Z", {})
    thrice = (Case((), info={"m": 3}), 3 * Z, Z, "Z", {})
    assert relations.explain("Z", [twice, twice]) == ("factor_2", {"part": "Z"})
    assert relations.explain("Z", [twice, thrice]) is None


def test_negated_dAL_gets_one_finding_not_one_about_a_helper():
    result = check("model_backward", _one("model_backward.dAL_sign_flipped"))
    assert result.mistakes == ["model_backward.dAL_sign_flipped"], str(result)


def test_dA0_not_stored_is_not_a_loop_that_stops_early():
    result = check("model_backward", _one("model_backward.dA0_missing"))
    assert result.mistakes == ["model_backward.dA0_missing"], str(result)
    assert result.points == 2   # dW and db are right


def test_another_layers_cache_is_named_although_most_cases_crash():
    result = check("model_backward", _one("model_backward.cache_of_next_layer"))
    assert result.mistakes[0] == "model_backward.cache_of_next_layer", str(result)
    assert "layer l+1" in result.hints[0]


@pytest.mark.parametrize("exercise, mistake", [
    ("sigmoid", "sigmoid.overflow"), ("compute_cost", "compute_cost.no_clipping"),
    ("relu_backward", "relu_backward.slope_at_zero"), ("update_parameters", "update_parameters.modifies_input"),
    ("initialize_parameters", "initialize_parameters.W_scale")])
def test_what_the_notebooks_ask_is_checked(exercise, mistake):
    result = check(exercise, _one(mistake))
    assert not result.passed and result.mistakes[0] == mistake, str(result)


def test_reports_hold_at_most_three_findings_most_specific_first():
    def linear_backward(dZ, linear_cache):
        A_prev, W, b = linear_cache
        return W @ dZ, dZ @ A_prev, np.sum(dZ)      # three mistakes at once, and a shape error on most cases
    result = check("linear_backward", linear_backward)
    assert 1 <= len(result.findings) <= MAX_FINDINGS
    ranks = [f.generic for f in result.findings]
    assert ranks == sorted(ranks), str(result)


def test_a_random_case_is_pasted_in_the_notebook_only():
    fn = _one("sigmoid.overflow")   # right on the small fixed cases, NaN on a random one with |Z| in the hundreds
    public = check("sigmoid", fn)
    paste = [d for f in public.findings for d in f.details if d.startswith("To try it: Z = np.array(")]
    assert paste, str(public)
    Z = eval(paste[0][len("To try it: Z = "):], {"np": np})   # noqa: S307 - our own report's literal
    with np.errstate(all="ignore"):
        assert not np.isfinite(fn(Z)).all() and np.isfinite(dlkit.sigmoid(Z)).all()
    hidden = SPECS["sigmoid"].run(KernelCall("sigmoid", fn, 5), seed=7)
    assert "To try it" not in str(hidden) and "sigmoid.overflow" in hidden.mistakes


def test_every_relation_id_has_a_hint():
    from dlkit.checks.mistakes import RELATIONS, hint_for
    for rid in RELATIONS:
        hint = hint_for(f"linear_backward.{rid}", part="dW", other="W", how="summed over axis=0", g="ReLU",
                        k="3", which="row", index="1", M=4, got="dW, db, dA_prev", want="dA_prev, dW, db",
                        what="Z", items="(A_prev, W, b)", missing="Z", helper="relu_backward", given="A_prev",
                        shape="(3, 4)", param="Z", need="Z[l]", other_shape="(2, 4)",
                        d="m - 1", value="3", m=4, also="", why="a count", c="0.5")   # (W2a: wrongvalue.py)
        assert "{" not in hint and "(?)" not in hint and hint.endswith("."), rid
        # a relation names the wrong part first; the order of the outputs is about all of them
        assert hint.startswith("dW") or rid == "outputs_order" and hint.startswith("The outputs"), rid


def _right_but_on_wide_batches(Z):
    # right on every public case (m <= 5), wrong on the hidden ones with m = 12 and 40
    A = 1 / (1 + np.exp(-Z))
    return 2 * A if Z.shape[1] > 10 else A


def test_a_hidden_case_shows_its_shapes_never_its_values():
    fn = _right_but_on_wide_batches
    assert check("sigmoid", fn).passed            # the notebook cannot see the mistake
    hidden = SPECS["sigmoid"].run(KernelCall("sigmoid", fn, 5), seed=7)
    text = str(hidden)
    assert not hidden.passed and "Z (2, 12)" in text, text
    assert not re.search(r"(expected|got|should be) -?\d", text) and "To try it" not in text, text
    cases = SPECS["sigmoid"].cases(7)
    shown = {f"{v:.4g}" for c in cases if c.info["hidden"] for v in np.ravel(c.expected)[:3]}
    assert not any(v in text for v in shown if len(v) > 3), text


def test_a_hidden_case_in_a_composite_shows_no_values():
    def model_backward(AL, Y, caches):
        grads = dlkit.model_backward(AL, Y, caches)
        if AL.shape[1] > 20:                       # wrong only on the hidden wide batch
            grads["dW1"] = grads["dW1"] * 3
        return grads
    assert check("model_backward", model_backward).passed
    hidden = SPECS["model_backward"].run(KernelCall("model_backward", model_backward, 5), seed=7)
    assert not hidden.passed and "layer_dims" in str(hidden), str(hidden)
    assert not re.search(r"(expected|got|should be) -?\d", str(hidden)), str(hidden)


def test_a_public_case_too_large_to_paste_is_described_by_its_shapes():
    def linear_backward(dZ, linear_cache):
        dA_prev, dW, db = dlkit.linear_backward(dZ, linear_cache)
        return (dA_prev, 2 * dW, db) if dZ.shape == (3, 5) else (dA_prev, dW, db)   # random case 0 only
    result = check("linear_backward", linear_backward)
    text = str(result)
    assert not result.passed and "dZ (3, 5), A_prev (4, 5)" in text, text
    assert "To try it" not in text, text          # 50 numbers: too many to paste
    from dlkit.checks.spec import paste
    assert paste(("Z",), (np.zeros((5, 7)),)) is None and paste(("Z",), (np.zeros((1, 2)),)) == "Z = np.array([[0.0, 0.0]])"


def test_the_report_names_the_learners_own_mistake_not_dlkits_helper():
    # a composite that calls dlkit's own helpers and errs in its own line only: one finding, about that line
    result = check("linear_activation_backward", _one("linear_activation_backward.wrong_array_passed"))
    assert result.mistakes == ["linear_activation_backward.wrong_array_passed"], str(result)
    assert "dZ comes from relu_backward given A_prev (3, 4) as its Z" in result.hints[0], result.hints[0]


def test_a_hidden_case_hides_its_seed_and_learning_rate_but_the_notebook_shows_them():
    # the seeded numbers for the notebook's seeds only: a wrong draw shows on the hidden cases alone
    public_seeds = {c.args[1] for c in SPECS["initialize_parameters"].cases()}

    def initialize_parameters(layer_dims, seed=1):
        rng = np.random.RandomState(seed if seed in public_seeds else seed + 1)
        return {k: v for l in range(1, len(layer_dims)) for k, v in (
            (f"W{l}", rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])),
            (f"b{l}", np.zeros((layer_dims[l], 1))))}
    assert check("initialize_parameters", initialize_parameters).passed
    assert "seed = 1" in SPECS["initialize_parameters"].cases()[0].label     # the notebook's cases show it
    hidden_seeds = {c.args[1] for c in SPECS["initialize_parameters"].cases(7) if c.info["hidden"]}
    result = SPECS["initialize_parameters"].run(KernelCall("initialize_parameters", initialize_parameters, 5), seed=7)
    hidden_text = "\n".join(line for line in str(result).splitlines() if "seed hidden" in line)
    assert hidden_text and "RandomState(seed)" in str(result), str(result)
    assert not any(re.search(rf"\b{s}\b", hidden_text) for s in hidden_seeds), hidden_text

    def update_parameters(parameters, grads, learning_rate):
        rate = learning_rate if learning_rate in (0.1, 0.5, 0.0075, 1.2) else 0.01   # the public rates only
        return {k: v - rate * grads["d" + k] for k, v in parameters.items()}
    assert check("update_parameters", update_parameters).passed
    result = SPECS["update_parameters"].run(KernelCall("update_parameters", update_parameters, 5), seed=7)
    rates = {c.args[2] for c in SPECS["update_parameters"].cases(7) if c.info["hidden"]}
    assert not result.passed and "learning_rate hidden" in str(result), str(result)
    assert not any(f"learning_rate = {r}" in str(result) for r in rates), str(result)
