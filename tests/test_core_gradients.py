"""Every backward block, and the whole model, against numerical gradients.

Shapes are drawn by hypothesis (derandomized, so a CI failure reproduces
locally), with m = 1 and non-square layers pinned as explicit examples.
The bar is a relative error below 1e-7 in float64, held two ways:

* the course's gradient-check measure, ``gradient_difference`` =
  ||grad - grad_num|| / (||grad|| + ||grad_num||), below 1e-7;
* entry by entry, |grad - grad_num| <= 1e-7 (|grad| + |grad_num|) + ATOL, so a
  wrong entry cannot hide behind large correct ones. ATOL is the precision of
  a centred difference of a float64 function f (about 1e-16 |f| / h =
  1e-11 |f| for h = 1e-5; ATOL is 1e-10 |f|, a margin of 10): below it no numerical gradient can tell, and
  cs231n's plain ``rel_error`` of an entry near 1e-6 would be noise.
  (Measured over a few hundred random networks: the worst excess over the
  relative part was 1.6e-11.)

The worst ``gradient_difference`` and ``rel_error`` of every block are
printed at the end of the test run.

A word on the 1/m. In the lecture's convention dA[l] and dZ[l] are the
gradients of the *per-example* losses (of m J), while dW[l] and db[l] are
gradients of the cost J itself: that is where the 1/m in
dW[l] = 1/m dZ[l] A[l-1]^T comes from. So for an upstream gradient dZ the
numerical reference for dW and db is the gradient of (1/m) sum(Z * dZ), and
the one for dA_prev is the gradient of sum(Z * dZ).
"""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import dlkit
from dlkit import (
    ACTIVATIONS,
    cost_backward,
    compute_cost,
    gradient_check,
    gradient_difference,
    linear_activation_backward,
    linear_activation_forward,
    linear_backward,
    linear_forward,
    model_backward,
    model_forward,
    numerical_gradient,
    numerical_gradient_array,
    rel_error,
)

TOL = 1e-7
ATOL = 1e-10
SETTINGS = settings(max_examples=30, deadline=None, derandomize=True)
sizes = st.integers(min_value=1, max_value=6)
seeds = st.integers(min_value=0, max_value=2**32 - 1)


def assert_gradients_close(record, kind, analytic, numeric, scale=1.0, difference=True):
    """Assert both criteria of the module docstring; log the errors for the summary.

    ``scale`` is the size of the function that was differentiated (J, m J,
    or sum(out * dout)): float64 rounds it to about 1e-16 * scale, and the
    centred difference divides that by h, so ATOL grows with it.
    ``difference=False`` checks entries only (for one parameter of a model,
    whose gradient as a whole may be tiny; the model test then takes the
    difference over all parameters stacked, as the course does).
    """
    analytic = np.asarray(analytic, dtype=np.float64)
    assert analytic.shape == numeric.shape
    record(kind, rel_error=rel_error(analytic, numeric))
    if difference:
        value = gradient_difference(analytic, numeric)
        record(kind, difference=value)
        assert value < TOL, f"{kind}: gradient_difference {value:.2e}"
    excess = np.abs(analytic - numeric) - TOL * (np.abs(analytic) + np.abs(numeric))
    assert excess.max() <= ATOL * scale, f"{kind}: entry off by {excess.max():.2e} beyond the relative bound"


def away_from_kink(rng, shape, margin=0.05):
    """Values with |x| in [margin, 2]: ReLU's kink at 0 has no derivative, and a
    centred difference straddling it would be wrong by design, not by bug."""
    return rng.uniform(margin, 2.0, shape) * rng.choice([-1.0, 1.0], shape)


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
@SETTINGS
@given(n=sizes, m=sizes, seed=seeds)
@example(n=1, m=1, seed=0)
@example(n=5, m=1, seed=1)
def test_activation_backward_matches_numerical(name, n, m, seed, record_grad_error):
    """dZ = dA * g'(Z) is the gradient of sum(g(Z) * dA) with respect to Z."""
    forward, backward = ACTIVATIONS[name]
    rng = np.random.default_rng(seed)
    Z = away_from_kink(rng, (n, m))
    dA = rng.standard_normal((n, m))
    dZ = backward(dA, Z)
    numeric = numerical_gradient_array(forward, Z.copy(), dA)
    assert dZ.shape == Z.shape
    size = 1 + np.sum(np.abs(forward(Z) * dA))
    assert_gradients_close(record_grad_error, f"{name}_backward", dZ, numeric, scale=size)


@SETTINGS
@given(n_prev=sizes, n=sizes, m=sizes, seed=seeds)
@example(n_prev=1, n=1, m=1, seed=0)
@example(n_prev=5, n=3, m=1, seed=2)
@example(n_prev=2, n=6, m=4, seed=3)
def test_linear_backward_matches_numerical(n_prev, n, m, seed, record_grad_error):
    rng = np.random.default_rng(seed)
    A_prev = rng.standard_normal((n_prev, m))
    W = rng.standard_normal((n, n_prev))
    b = rng.standard_normal((n, 1))
    dZ = rng.standard_normal((n, m))
    _, linear_cache = linear_forward(A_prev, W, b)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)

    num_dA_prev = numerical_gradient_array(lambda a: linear_forward(a, W, b)[0], A_prev.copy(), dZ)
    num_dW = numerical_gradient_array(lambda w: linear_forward(A_prev, w, b)[0], W.copy(), dZ) / m
    num_db = numerical_gradient_array(lambda b_: linear_forward(A_prev, W, b_)[0], b.copy(), dZ) / m
    assert (dA_prev.shape, dW.shape, db.shape) == ((n_prev, m), (n, n_prev), (n, 1))
    size = 1 + np.sum(np.abs(linear_forward(A_prev, W, b)[0] * dZ))  # |sum(Z * dZ)| at most
    assert_gradients_close(record_grad_error, "linear_backward dA_prev", dA_prev, num_dA_prev, scale=size)
    assert_gradients_close(record_grad_error, "linear_backward dW", dW, num_dW, scale=size / m)
    assert_gradients_close(record_grad_error, "linear_backward db", db, num_db, scale=size / m)


@pytest.mark.parametrize("activation", sorted(ACTIVATIONS))
@SETTINGS
@given(n_prev=sizes, n=sizes, m=sizes, seed=seeds)
@example(n_prev=1, n=1, m=1, seed=0)
@example(n_prev=4, n=2, m=1, seed=4)
def test_linear_activation_backward_matches_numerical(activation, n_prev, n, m, seed, record_grad_error):
    rng = np.random.default_rng(seed)
    A_prev = rng.standard_normal((n_prev, m))
    W = rng.standard_normal((n, n_prev))
    # Re-draw b until no Z is within 1e-3 of ReLU's kink at 0: a nudge of
    # h = 1e-5 must not cross it (at the kink there is no derivative to check).
    b = rng.standard_normal((n, 1))
    for _ in range(100):
        if np.abs(W @ A_prev + b).min() > 1e-3:
            break
        b = rng.standard_normal((n, 1))
    dA = rng.standard_normal((n, m))
    A, cache = linear_activation_forward(A_prev, W, b, activation)
    dA_prev, dW, db = linear_activation_backward(dA, cache, activation)

    def out(a=A_prev, w=W, b_=b):
        return linear_activation_forward(a, w, b_, activation)[0]

    kind = f"linear_activation_backward[{activation}]"
    num_dA_prev = numerical_gradient_array(lambda a: out(a=a), A_prev.copy(), dA)
    num_dW = numerical_gradient_array(lambda w: out(w=w), W.copy(), dA) / m
    num_db = numerical_gradient_array(lambda b_: out(b_=b_), b.copy(), dA) / m
    size = 1 + np.sum(np.abs(A * dA))  # |sum(A * dA)| at most
    assert_gradients_close(record_grad_error, kind, dA_prev, num_dA_prev, scale=size)
    assert_gradients_close(record_grad_error, kind, dW, num_dW, scale=size / m)
    assert_gradients_close(record_grad_error, kind, db, num_db, scale=size / m)


@SETTINGS
@given(m=sizes, seed=seeds)
@example(m=1, seed=0)
def test_cost_backward_is_gradient_of_the_per_example_losses(m, seed, record_grad_error):
    """dA[L] = -(Y/A[L]) + (1-Y)/(1-A[L]) is the gradient of m J with respect to A[L]."""
    rng = np.random.default_rng(seed)
    AL = rng.uniform(0.05, 0.95, (1, m))
    Y = rng.integers(0, 2, (1, m)).astype(np.float64)
    numeric = numerical_gradient(lambda a: m * compute_cost(a, Y), AL.copy())
    size = 1 + m * compute_cost(AL, Y)
    assert_gradients_close(record_grad_error, "cost_backward", cost_backward(AL, Y), numeric, scale=size)


def random_model(rng, n0, hidden, m):
    """Parameters for layer_dims [n0, *hidden, 1] plus X (n0, m) and Y (1, m)."""
    dims = [n0, *hidden, 1]
    parameters = {}
    for l in range(1, len(dims)):
        parameters[f"W{l}"] = rng.standard_normal((dims[l], dims[l - 1])) / np.sqrt(dims[l - 1])
        parameters[f"b{l}"] = 0.1 * rng.standard_normal((dims[l], 1))
    X = rng.standard_normal((n0, m))
    Y = rng.integers(0, 2, (1, m)).astype(np.float64)
    return parameters, X, Y


def clear_of_kinks(parameters, X, hidden_activation, margin=1e-3):
    """True when no hidden unit's Z is within ``margin`` of ReLU's kink at 0."""
    if hidden_activation not in ("relu", "leaky_relu"):
        return True
    _, caches = model_forward(X, parameters, hidden_activation)
    return all(np.abs(Z).min() > margin for _, Z in caches[:-1])


@pytest.mark.parametrize("hidden_activation", sorted(ACTIVATIONS))
@SETTINGS
@given(
    n0=sizes,
    hidden=st.lists(st.integers(min_value=1, max_value=5), min_size=0, max_size=3),
    m=sizes,
    seed=seeds,
)
@example(n0=1, hidden=[], m=1, seed=0)  # logistic regression, one example
@example(n0=4, hidden=[3, 2], m=1, seed=1)  # m = 1, non-square layers
@example(n0=5, hidden=[7, 3], m=6, seed=2)
@example(n0=6, hidden=[9, 4, 3], m=64, seed=3)  # a larger m: the 1/m must still be right
def test_model_backward_matches_numerical(hidden_activation, n0, hidden, m, seed, record_grad_error):
    """Every dW[l], db[l] and dA[0] of model_backward against centred differences of J."""
    rng = np.random.default_rng(seed)
    parameters, X, Y = random_model(rng, n0, hidden, m)
    if not clear_of_kinks(parameters, X, hidden_activation):
        X = X + 0.37  # move every Z off the kink; a nudge by h must not cross it
    AL, caches = model_forward(X, parameters, hidden_activation)
    grads = model_backward(AL, Y, caches, hidden_activation)
    L = len(caches)
    assert set(grads) == {f"dA{l - 1}" for l in range(1, L + 1)} | {f"d{k}" for k in parameters}

    def cost(_):
        return compute_cost(model_forward(X, parameters, hidden_activation)[0], Y)

    size = 1 + compute_cost(AL, Y)  # J >= 0: a sum of positive terms, no cancellation
    analytic, numerical = [], []
    for key in parameters:
        numeric = numerical_gradient(cost, parameters[key])
        kind = f"model_backward d{key[0]}[l]"
        assert_gradients_close(record_grad_error, kind, grads[f"d{key}"], numeric, scale=size, difference=False)
        analytic.append(grads[f"d{key}"].ravel())
        numerical.append(numeric.ravel())
    # dA[0] is the gradient of m J with respect to X (the 1/m convention above).
    numeric_dA0 = numerical_gradient(
        lambda x: m * compute_cost(model_forward(x, parameters, hidden_activation)[0], Y), X.copy()
    )
    assert_gradients_close(
        record_grad_error, "model_backward dA0", grads["dA0"], numeric_dA0, scale=m * size, difference=False
    )
    analytic.append(grads["dA0"].ravel() / m)
    numerical.append(numeric_dA0.ravel() / m)
    assert_gradients_close(
        record_grad_error, "model_backward all (dW, db, dA0/m)", np.concatenate(analytic), np.concatenate(numerical)
    )


@pytest.mark.parametrize("hidden_activation", ["relu", "tanh"])
@settings(max_examples=10, deadline=None, derandomize=True)
@given(n0=sizes, hidden=st.lists(st.integers(1, 5), max_size=3), m=sizes, seed=seeds)
@example(n0=3, hidden=[4, 2], m=1, seed=5)
def test_gradient_check_passes_the_reference(hidden_activation, n0, hidden, m, seed, record_grad_error):
    """dlkit.gradient_check itself, as a learner would run it, reports agreement."""
    rng = np.random.default_rng(seed)
    parameters, X, Y = random_model(rng, n0, hidden, m)
    if not clear_of_kinks(parameters, X, hidden_activation):
        X = X + 0.37
    result = gradient_check(parameters, X, Y, hidden_activation)
    record_grad_error("gradient_check()", difference=result["difference"], rel_error=result["max_rel_error"])
    assert set(result["errors"]) == {f"d{k}" for k in parameters}
    assert result["worst"] in result["errors"]
    assert result["difference"] < TOL, result


@SETTINGS
@given(n0=sizes, hidden=st.lists(st.integers(1, 5), max_size=3), m=sizes, seed=seeds)
def test_output_shortcut_gives_the_same_gradients(n0, hidden, m, seed):
    """dZ[L] = A[L] - Y is dA[L] * sigmoid'(Z[L]) simplified: both routes agree."""
    rng = np.random.default_rng(seed)
    parameters, X, Y = random_model(rng, n0, hidden, m)
    AL, caches = model_forward(X, parameters)
    full = model_backward(AL, Y, caches)
    short = model_backward(AL, Y, caches, output_shortcut=True)
    assert full.keys() == short.keys()
    for key in full:
        assert rel_error(full[key], short[key]) < 1e-9, key


def test_gradient_check_names_the_wrong_parameter():
    """A broken backward must show up as a large error on the parameter it breaks."""
    rng = np.random.default_rng(0)
    parameters, X, Y = random_model(rng, 3, [4], 5)
    original = dlkit.gradcheck.model_backward

    def wrong_db1(*args, **kwargs):
        grads = original(*args, **kwargs)
        grads["db1"] = grads["db1"] * 2  # e.g. a forgotten 1/m would do this
        return grads

    dlkit.gradcheck.model_backward = wrong_db1
    try:
        result = gradient_check(parameters, X, Y)
    finally:
        dlkit.gradcheck.model_backward = original
    assert result["worst"] == "db1"
    assert result["max_rel_error"] > 0.1
    assert result["difference"] > 1e-3
    assert result["errors"]["dW2"] < 1e-5


def test_numerical_gradient_restores_x():
    x = np.array([[1.0, -2.0], [0.5, 3.0]])
    before = x.copy()
    grad = numerical_gradient(lambda a: float(np.sum(a**2)), x)
    assert np.array_equal(x, before)
    assert rel_error(grad, 2 * before) < 1e-9


def test_rel_error_definition():
    """cs231n: max |x - y| / max(1e-8, |x| + |y|)."""
    assert rel_error(np.array([1.0, 2.0]), np.array([1.0, 2.0])) == 0.0
    assert rel_error(np.array([1.0]), np.array([3.0])) == pytest.approx(0.5)
    assert rel_error(np.array([0.0]), np.array([1e-9])) == pytest.approx(0.1)
    assert rel_error(np.zeros((0, 3)), np.zeros((0, 3))) == 0.0  # nothing to disagree about


def test_gradient_difference_definition():
    """The course's measure: ||a - b|| / (||a|| + ||b||); 0 when both are zero."""
    a = np.array([[3.0, 0.0]])
    b = np.array([[0.0, 4.0]])
    assert gradient_difference(a, b) == pytest.approx(5 / 7)
    assert gradient_difference(np.zeros((2, 2)), np.zeros((2, 2))) == 0.0
    with pytest.raises(ValueError, match=r"gradient_difference: grad has shape \(2,\) but grad_approx has shape \(3,\)"):
        gradient_difference(np.zeros(2), np.zeros(3))
