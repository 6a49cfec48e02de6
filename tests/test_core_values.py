"""Known values: the public anchors, the initialization schemes, training, dtypes.

Each test pins a number a learner could check by hand or a property the
course relies on (a seeded init reproduces the course's weights bit for bit).
"""
from __future__ import annotations

import math
import re
import warnings

import numpy as np
import pytest

from dlkit import (
    ACTIVATIONS,
    accuracy,
    compute_cost,
    cost_backward,
    initialize_parameters,
    linear_activation_backward,
    linear_activation_forward,
    linear_backward,
    linear_forward,
    model_backward,
    model_forward,
    predict,
    sigmoid,
    train,
    update_parameters,
)


# --- the cost -----------------------------------------------------------------

def test_compute_cost_public_anchor():
    """The course's worked example: -(log .8 + log .9 + log .6) / 3."""
    cost = compute_cost(np.array([[0.8, 0.9, 0.4]]), np.array([[1, 1, 0]]))
    assert type(cost) is float
    assert cost == pytest.approx(0.2797765635793423, abs=1e-15)


def test_compute_cost_accepts_lists():
    assert compute_cost([[0.8, 0.9, 0.4]], [[1, 1, 0]]) == pytest.approx(0.2797765635793423, abs=1e-15)


def test_cost_and_output_gradient_stay_finite_when_the_sigmoid_saturates():
    """A[L] rounds to exactly 0 or 1 for |Z| > 37: log(0) and 1/0 must not reach the learner."""
    AL = sigmoid(np.array([[-800.0, 800.0, 40.0]]))
    assert AL[0, 0] == 0.0 and AL[0, 1] == 1.0 and AL[0, 2] == 1.0
    Y = np.array([[1, 0, 1]])
    cost = compute_cost(AL, Y)
    dAL = cost_backward(AL, Y)
    assert math.isfinite(cost) and cost > 20  # confidently wrong twice: a large cost
    assert np.isfinite(dAL).all()
    # Correct and saturated: the cost is (almost) zero, not NaN from 0 * log(0).
    assert compute_cost(np.array([[0.0, 1.0]]), np.array([[0, 1]])) == pytest.approx(0.0, abs=1e-12)


def test_sigmoid_does_not_warn_on_large_negative_z():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        A = sigmoid(np.array([[-1000.0, 0.0, 1000.0]]))
    assert A.tolist() == [[0.0, 0.5, 1.0]]


def test_output_gradient_formula_has_the_minus_sign():
    """dA[L] = -(Y/A[L]) + (1-Y)/(1-A[L]): for Y = 1 it is -1/A[L] (negative), for Y = 0 it is 1/(1-A[L])."""
    dAL = cost_backward(np.array([[0.25, 0.25]]), np.array([[1, 0]]))
    assert dAL.tolist() == [[-4.0, pytest.approx(4 / 3)]]


# --- worked values of the blocks ------------------------------------------------

def test_blocks_on_a_hand_example():
    A_prev = np.array([[1.0, 2.0], [3.0, -1.0]])  # n[l-1] = 2, m = 2
    W = np.array([[1.0, -1.0], [0.5, 2.0], [0.0, 1.0]])  # n[l] = 3
    b = np.array([[0.5], [-1.0], [0.0]])
    Z, linear_cache = linear_forward(A_prev, W, b)
    assert Z.tolist() == [[-1.5, 3.5], [5.5, -2.0], [3.0, -1.0]]
    assert linear_cache[0] is A_prev and linear_cache[1] is W and linear_cache[2] is b
    A, cache = linear_activation_forward(A_prev, W, b, "relu")
    assert A.tolist() == [[0.0, 3.5], [5.5, 0.0], [3.0, 0.0]]
    assert cache[1].tolist() == Z.tolist()

    dZ = np.array([[1.0, 2.0], [0.0, -1.0], [4.0, 2.0]])
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    assert dW.tolist() == (dZ @ A_prev.T / 2).tolist()  # 1/m dZ A[l-1]^T with m = 2
    assert db.tolist() == [[1.5], [-0.5], [3.0]]
    assert dA_prev.tolist() == (W.T @ dZ).tolist()

    dA = np.ones((3, 2))
    dA_prev, dW, db = linear_activation_backward(dA, cache, "relu")
    relu_dZ = (Z > 0).astype(float)
    assert db.tolist() == (relu_dZ.sum(axis=1, keepdims=True) / 2).tolist()


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_activation_values(name):
    Z = np.array([[-2.0, 0.0, 3.0]])
    expected = {
        "sigmoid": 1 / (1 + np.exp(-Z)),
        "relu": np.array([[0.0, 0.0, 3.0]]),
        "tanh": np.tanh(Z),
        "leaky_relu": np.array([[-0.02, 0.0, 3.0]]),
    }[name]
    forward, _ = ACTIVATIONS[name]
    np.testing.assert_allclose(forward(Z), expected, rtol=1e-15)


def test_relu_backward_at_the_kink_uses_zero():
    """g'(0) is taken as 0 for ReLU (Z > 0), the course's convention."""
    dZ = ACTIVATIONS["relu"][1](np.ones((1, 3)), np.array([[-1.0, 0.0, 1.0]]))
    assert dZ.tolist() == [[0.0, 0.0, 1.0]]


# --- initialization -------------------------------------------------------------

@pytest.mark.parametrize("layer_dims", [[12288, 20, 7, 5, 1], [5, 4, 3], [2, 1], [3, 7, 1, 4, 1]])
@pytest.mark.parametrize("seed", [1, 3])
def test_course_init_is_bit_for_bit_the_course_recipe(layer_dims, seed):
    """np.random.seed(seed), then randn(n[l], n[l-1]) / np.sqrt(n[l-1]) and zeros, layer by layer."""
    parameters = initialize_parameters(layer_dims, seed=seed, scheme="course")
    np.random.seed(seed)
    for l in range(1, len(layer_dims)):
        W = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        b = np.zeros((layer_dims[l], 1))
        assert np.array_equal(parameters[f"W{l}"], W), f"W{l}"
        assert np.array_equal(parameters[f"b{l}"], b), f"b{l}"
    assert len(parameters) == 2 * (len(layer_dims) - 1)


def test_course_init_leaves_numpys_global_generator_alone():
    np.random.seed(123)
    expected = np.random.rand()
    np.random.seed(123)
    initialize_parameters([4, 3, 1], seed=1)
    assert np.random.rand() == expected


@pytest.mark.parametrize(
    "scheme, std", [("he", lambda n: math.sqrt(2 / n)), ("xavier", lambda n: math.sqrt(1 / n)),
                    ("small", lambda n: 0.01), ("course", lambda n: math.sqrt(1 / n))]
)
def test_init_schemes_have_their_scale(scheme, std):
    parameters = initialize_parameters([400, 300, 1], seed=0, scheme=scheme)
    W1 = parameters["W1"]
    assert W1.shape == (300, 400) and parameters["b1"].shape == (300, 1)
    assert W1.std() == pytest.approx(std(400), rel=0.02)  # 120 000 draws: 2% is many sigmas
    assert abs(W1.mean()) < 0.01 * std(400)
    assert not parameters["b1"].any()


def test_init_is_seeded():
    a = initialize_parameters([3, 4, 1], seed=5, scheme="he")
    b = initialize_parameters([3, 4, 1], seed=5, scheme="he")
    c = initialize_parameters([3, 4, 1], seed=6, scheme="he")
    assert all(np.array_equal(a[k], b[k]) for k in a)
    assert not np.array_equal(a["W1"], c["W1"])


def test_small_initial_weights_cost_about_ln2():
    """With W = 0.01 randn every Z is tiny, A[L] ~ sigmoid(0) = 1/2, and J ~ -log(1/2) = ln 2."""
    rng = np.random.default_rng(0)
    X = rng.standard_normal((6, 50))
    Y = rng.integers(0, 2, (1, 50))
    parameters = initialize_parameters([6, 5, 3, 1], seed=2, scheme="small")
    AL, _ = model_forward(X, parameters)
    assert np.abs(AL - 0.5).max() < 1e-3
    assert compute_cost(AL, Y) == pytest.approx(math.log(2), abs=1e-3)


# --- the model, training, prediction --------------------------------------------

def separable_toy_set(m=80, seed=0):
    """Two 2-D clusters on either side of the line x1 + x2 = 0, with a margin."""
    rng = np.random.default_rng(seed)
    Y = rng.integers(0, 2, (1, m))
    centres = np.where(Y == 1, 1.5, -1.5)  # (1, m)
    X = centres + rng.uniform(-1.0, 1.0, (2, m))  # every point at least 0.5 from the line in each coordinate
    return X, Y.astype(np.float64)


def test_training_a_separable_toy_set_reaches_full_accuracy():
    X, Y = separable_toy_set()
    parameters, costs = train(X, Y, [2, 4, 1], learning_rate=0.5, num_iterations=300, seed=1, progress=False)
    assert len(costs) == 300
    assert costs[-1] < 0.05 < costs[0]
    assert all(b <= a + 1e-12 for a, b in zip(costs[:50], costs[1:50]))  # early descent is monotone
    assert accuracy(predict(X, parameters), Y) == 1.0


def test_train_prints_in_the_course_style(capsys):
    X, Y = separable_toy_set()
    _, costs = train(X, Y, [2, 3, 1], learning_rate=0.1, num_iterations=250, print_every=100, progress=False)
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "Cost after iteration 0", "Cost after iteration 100", "Cost after iteration 200", "Cost after iteration 249",
    ]
    for line, i in zip(lines, (0, 100, 200, 249)):
        assert re.fullmatch(r"Cost after iteration \d+: \d+\.\d{6}", line)
        assert line == f"Cost after iteration {i}: {costs[i]:.6f}"


def test_train_with_the_progress_bar_prints_the_same_lines(capsys):
    X, Y = separable_toy_set()
    _, costs = train(X, Y, [2, 3, 1], learning_rate=0.1, num_iterations=101, print_every=100, progress=True)
    out = capsys.readouterr().out.splitlines()
    assert out == [f"Cost after iteration 0: {costs[0]:.6f}", f"Cost after iteration 100: {costs[100]:.6f}"]


def test_train_from_given_parameters_leaves_them_alone():
    X, Y = separable_toy_set()
    start = initialize_parameters([2, 3, 1], seed=4)
    before = {k: v.copy() for k, v in start.items()}
    trained, costs = train(X, Y, [2, 3, 1], learning_rate=0.1, num_iterations=20, parameters=start, progress=False)
    assert all(np.array_equal(start[k], before[k]) for k in start)
    assert not np.array_equal(trained["W1"], start["W1"])
    assert costs[0] == pytest.approx(compute_cost(model_forward(X, start)[0], Y), rel=1e-12)


def test_update_parameters_is_gradient_descent_and_leaves_the_input_alone():
    parameters = {"W1": np.array([[1.0, 2.0]]), "b1": np.array([[0.5]])}
    grads = {"dW1": np.array([[10.0, -10.0]]), "db1": np.array([[1.0]]), "dA0": np.zeros((2, 1))}
    updated = update_parameters(parameters, grads, 0.1)
    assert updated["W1"].tolist() == [[0.0, 3.0]]
    assert updated["b1"].tolist() == [[0.4]]
    assert parameters["W1"].tolist() == [[1.0, 2.0]]  # the caller's dict is not changed
    same = update_parameters(parameters, grads, 0.1, inplace=True)
    assert same is parameters and parameters["W1"].tolist() == [[0.0, 3.0]]


def test_update_parameters_in_place_with_lists_and_integers():
    """Parameters typed by hand (lists, integer arrays) are updated too, never silently skipped."""
    parameters = {"W1": [[1, 2]], "b1": np.array([[1]])}
    grads = {"dW1": np.array([[10.0, -10.0]]), "db1": np.array([[5.0]])}
    result = update_parameters(parameters, grads, 0.1, inplace=True)
    assert result is parameters
    assert parameters["W1"].tolist() == [[0.0, 3.0]] and parameters["b1"].tolist() == [[0.5]]


def test_model_backward_keys_and_shapes():
    parameters = initialize_parameters([4, 5, 3, 1], seed=1)
    X = np.random.default_rng(0).standard_normal((4, 7))
    Y = np.array([[1, 0, 1, 1, 0, 0, 1]])
    AL, caches = model_forward(X, parameters)
    assert AL.shape == (1, 7) and len(caches) == 3
    grads = model_backward(AL, Y, caches)
    assert sorted(grads) == sorted(["dA0", "dA1", "dA2", "dW1", "dW2", "dW3", "db1", "db2", "db3"])
    for l in (1, 2, 3):
        assert grads[f"dW{l}"].shape == parameters[f"W{l}"].shape
        assert grads[f"db{l}"].shape == parameters[f"b{l}"].shape
        assert grads[f"dA{l - 1}"].shape == caches[l - 1][0][0].shape


def test_predict_and_accuracy():
    parameters = {"W1": np.array([[1.0, -1.0]]), "b1": np.array([[0.0]])}
    X = np.array([[2.0, 0.0, 1.0], [0.0, 2.0, 3.0]])
    predictions = predict(X, parameters)
    assert predictions.tolist() == [[1, 0, 0]] and predictions.dtype.kind == "i"
    assert accuracy(predictions, np.array([[1, 1, 0]])) == pytest.approx(2 / 3)


# --- dtypes ----------------------------------------------------------------------

@pytest.mark.parametrize("hidden_activation", sorted(ACTIVATIONS))
def test_float32_stays_float32_end_to_end(hidden_activation):
    rng = np.random.default_rng(0)
    X = rng.standard_normal((3, 6)).astype(np.float32)
    Y = np.array([[1, 0, 1, 0, 1, 1]])
    parameters = initialize_parameters([3, 4, 2, 1], seed=1, dtype=np.float32)
    assert all(p.dtype == np.float32 for p in parameters.values())

    AL, caches = model_forward(X, parameters, hidden_activation)
    assert AL.dtype == np.float32
    assert all(c[1].dtype == np.float32 and c[0][0].dtype == np.float32 for c in caches)
    assert type(compute_cost(AL, Y)) is float
    assert cost_backward(AL, Y).dtype == np.float32
    for shortcut in (False, True):
        grads = model_backward(AL, Y, caches, hidden_activation, output_shortcut=shortcut)
        assert {k: g.dtype for k, g in grads.items()} == {k: np.dtype(np.float32) for k in grads}
    updated = update_parameters(parameters, grads, 0.1)
    assert all(p.dtype == np.float32 for p in updated.values())
    trained, costs = train(X, Y, [3, 4, 2, 1], num_iterations=5, hidden_activation=hidden_activation, progress=False)
    assert all(p.dtype == np.float32 for p in trained.values())
    for name, (forward, backward) in ACTIVATIONS.items():
        assert forward(X).dtype == np.float32, name
        assert backward(X, X).dtype == np.float32, name


@pytest.mark.filterwarnings("ignore:the matrix subclass:PendingDeprecationWarning")
def test_np_matrix_inputs_are_treated_as_plain_arrays():
    """For np.matrix `*` is a matrix product; the blocks must still multiply element-wise."""
    Z = np.matrix([[1.0, -2.0], [3.0, 4.0]])
    dZ = ACTIVATIONS["relu"][1](np.matrix(np.ones((2, 2))), Z)
    assert type(dZ) is np.ndarray and dZ.tolist() == [[1.0, 0.0], [1.0, 1.0]]


def test_float64_is_the_default_and_integers_become_float64():
    parameters = initialize_parameters([2, 1])
    assert parameters["W1"].dtype == np.float64
    Z, _ = linear_forward(np.array([[1, 2], [3, 4]]), parameters["W1"], parameters["b1"])
    assert Z.dtype == np.float64
    # float32 data with float64 weights: numpy's rule, the wider type wins.
    Z, _ = linear_forward(np.ones((2, 3), dtype=np.float32), parameters["W1"], parameters["b1"].astype(np.float32))
    assert Z.dtype == np.float64


# --- the course's published expected outputs ------------------------------------
# From the deeplearning.ai assignment "Building your Deep Neural Network: Step
# by Step" (its test cases draw inputs with np.random.seed(k) and randn, and
# print the expected outputs to 8 decimals). Only values that this code
# reproduces to every printed digit are kept here.

def _draw(seed, *shapes):
    state = np.random.get_state()  # put numpy's global generator back as other tests found it
    np.random.seed(seed)
    arrays = [np.random.randn(*shape) for shape in shapes]
    np.random.set_state(state)
    return arrays


def test_course_linear_forward_output():
    A, W, b = _draw(1, (3, 2), (1, 3), (1, 1))
    Z, _ = linear_forward(A, W, b)
    np.testing.assert_allclose(Z, [[3.26295337, -1.23429987]], atol=5e-9)


def test_course_linear_activation_forward_output():
    A_prev, W, b = _draw(2, (3, 2), (1, 3), (1, 1))
    A, _ = linear_activation_forward(A_prev, W, b, "sigmoid")
    np.testing.assert_allclose(A, [[0.96890023, 0.11013289]], atol=5e-9)
    A, _ = linear_activation_forward(A_prev, W, b, "relu")
    np.testing.assert_allclose(A, [[3.43896131, 0.0]], atol=5e-9)


def test_course_model_forward_output():
    X, W1, b1, W2, b2, W3, b3 = _draw(6, (5, 4), (4, 5), (4, 1), (3, 4), (3, 1), (1, 3), (1, 1))
    AL, caches = model_forward(X, {"W1": W1, "b1": b1, "W2": W2, "b2": b2, "W3": W3, "b3": b3})
    np.testing.assert_allclose(AL, [[0.03921668, 0.70498921, 0.19734387, 0.04728177]], atol=5e-9)
    assert len(caches) == 3


def test_course_linear_backward_output():
    dZ, A, W, b = _draw(1, (3, 4), (5, 4), (3, 5), (3, 1))
    dA_prev, dW, db = linear_backward(dZ, (A, W, b))
    np.testing.assert_allclose(dA_prev, [
        [-1.15171336, 0.06718465, -0.3204696, 2.09812712],
        [0.60345879, -3.72508701, 5.81700741, -3.84326836],
        [-0.4319552, -1.30987417, 1.72354705, 0.05070578],
        [-0.38981415, 0.60811244, -1.25938424, 1.47191593],
        [-2.52214926, 2.67882552, -0.67947465, 1.48119548],
    ], atol=5e-9)
    np.testing.assert_allclose(dW, [
        [0.07313866, -0.0976715, -0.87585828, 0.73763362, 0.00785716],
        [0.85508818, 0.37530413, -0.59912655, 0.71278189, -0.58931808],
        [0.97913304, -0.24376494, -0.08839671, 0.55151192, -0.10290907],
    ], atol=5e-9)
    np.testing.assert_allclose(db, [[-0.14713786], [-0.11313155], [-0.13209101]], atol=5e-9)


def test_course_linear_activation_backward_output():
    dA, A, W, b, Z = _draw(2, (1, 2), (3, 2), (1, 3), (1, 1), (1, 2))
    dA_prev, dW, db = linear_activation_backward(dA, ((A, W, b), Z), "sigmoid")
    np.testing.assert_allclose(dA_prev, [[0.11017994, 0.01105339], [0.09466817, 0.00949723],
                                         [-0.05743092, -0.00576154]], atol=5e-9)
    np.testing.assert_allclose(dW, [[0.10266786, 0.09778551, -0.01968084]], atol=5e-9)
    np.testing.assert_allclose(db, [[-0.05729622]], atol=5e-9)
    dA_prev, dW, db = linear_activation_backward(dA, ((A, W, b), Z), "relu")
    np.testing.assert_allclose(dA_prev, [[0.44090989, 0.0], [0.37883606, 0.0], [-0.2298228, 0.0]], atol=5e-9)
    np.testing.assert_allclose(dW, [[0.44513824, 0.37371418, -0.10478989]], atol=5e-9)
    np.testing.assert_allclose(db, [[-0.20837892]], atol=5e-9)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_linear_backward_same_answer_for_either_memory_order_of_W(dtype):
    """train() may keep W[l] column-major for speed; dW[l] must be the same matrix either way."""
    rng = np.random.default_rng(0)
    A_prev = rng.standard_normal((5, 7)).astype(dtype)
    W = rng.standard_normal((3, 5)).astype(dtype)
    b = np.zeros((3, 1), dtype=dtype)
    dZ = rng.standard_normal((3, 7)).astype(dtype)
    by_row = linear_backward(dZ, (A_prev, np.ascontiguousarray(W), b))
    by_column = linear_backward(dZ, (A_prev, np.asfortranarray(W), b))
    for ours, theirs in zip(by_row, by_column):
        assert ours.dtype == dtype and ours.shape == theirs.shape
        tol = 1e-5 if dtype == np.float32 else 1e-13  # another summation order, same matrix
        np.testing.assert_allclose(ours, theirs, rtol=tol, atol=tol)
    np.testing.assert_allclose(by_column[1], dZ.astype(np.float64) @ A_prev.T.astype(np.float64) / 7, rtol=1e-5, atol=1e-5)
