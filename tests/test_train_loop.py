"""dlkit.train is the lecture's loop of blocks, made fast without changing what it computes.

The speed choices of ``train`` (checks once, blocks inside values_trusted(),
contiguous X, dZ[L] = A[L] - Y, no dA[0], in-place updates; see
benchmarks/bench_train.py) must leave the numbers those blocks give.
"""
import warnings

import numpy as np
import pytest

from dlkit import compute_cost, initialize_parameters, model_backward, model_forward, train, update_parameters

LAYER_DIMS = [6, 5, 3, 1]


def _data(dtype=np.float64, m=40, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((LAYER_DIMS[0], m)).astype(dtype)
    Y = (X[0:1] + 0.5 * X[1:2] > 0).astype(dtype)
    return X, Y


def _blocks_loop(X, Y, parameters, learning_rate, iterations):
    """The loop as the lecture writes it: forward, cost, backward from dA[L], new parameters."""
    parameters = {k: v.copy() for k, v in parameters.items()}
    costs = []
    for _ in range(iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


def test_train_gives_the_costs_and_weights_of_the_plain_loop_of_blocks():
    X, Y = _data()
    start = initialize_parameters(LAYER_DIMS, seed=3)
    expected_params, expected_costs = _blocks_loop(X, Y, start, 0.1, 30)
    params, costs = train(X, Y, LAYER_DIMS, learning_rate=0.1, num_iterations=30, parameters=start, progress=False)
    np.testing.assert_allclose(costs, expected_costs, rtol=1e-12)
    for key, value in expected_params.items():
        np.testing.assert_allclose(params[key], value, rtol=1e-10, atol=1e-14, err_msg=key)
    assert costs[-1] < costs[0]


def test_memory_order_of_X_does_not_change_the_result():
    X, Y = _data()
    _, costs_c = train(np.ascontiguousarray(X), Y, LAYER_DIMS, num_iterations=15, progress=False)
    _, costs_f = train(np.asfortranarray(X), Y, LAYER_DIMS, num_iterations=15, progress=False)
    np.testing.assert_allclose(costs_f, costs_c, rtol=1e-12)


def test_float32_trains_in_float32_and_agrees_with_float64():
    X, Y = _data()
    p32, c32 = train(X.astype(np.float32), Y, LAYER_DIMS, learning_rate=0.1, num_iterations=20, progress=False)
    _, c64 = train(X, Y, LAYER_DIMS, learning_rate=0.1, num_iterations=20, progress=False)
    assert all(p.dtype == np.float32 for p in p32.values())
    np.testing.assert_allclose(c32, c64, rtol=1e-4)


def test_float32_weights_are_column_major_and_train_like_the_plain_loop():
    # train() stores W[l] column-major in float32 (a speed choice); the
    # numbers must be those of the plain loop of blocks in float32.
    X, Y = _data()
    X32 = X.astype(np.float32)
    start = initialize_parameters(LAYER_DIMS, seed=3, dtype=np.float32)
    expected_params, expected_costs = _blocks_loop(X32, Y.astype(np.float32), start, 0.1, 20)
    params, costs = train(X32, Y, LAYER_DIMS, learning_rate=0.1, num_iterations=20, parameters=start, progress=False)
    np.testing.assert_allclose(costs, expected_costs, rtol=1e-5)
    for key, value in expected_params.items():
        assert params[key].shape == value.shape, key
        np.testing.assert_allclose(params[key], value, rtol=1e-4, atol=1e-6, err_msg=key)
    assert all(params[f"W{l}"].flags.f_contiguous for l in range(1, len(LAYER_DIMS)))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_linear_backward_gives_dW_in_the_memory_order_of_W(dtype):
    from dlkit import linear_backward

    rng = np.random.default_rng(0)
    A_prev, dZ = rng.random((6, 9)).astype(dtype), rng.random((4, 9)).astype(dtype)
    W_c, b = rng.random((4, 6)).astype(dtype), np.zeros((4, 1), dtype)
    W_f = np.asfortranarray(W_c)
    dA_c, dW_c, db_c = linear_backward(dZ, (A_prev, W_c, b))
    dA_f, dW_f, db_f = linear_backward(dZ, (A_prev, W_f, b))
    assert dW_c.flags.c_contiguous and dW_f.flags.f_contiguous
    np.testing.assert_allclose(dW_f, 1 / 9 * dZ @ A_prev.T, rtol=1e-5)  # still dW[l] = 1/m dZ[l] A[l-1]^T
    np.testing.assert_allclose(dW_f, dW_c, rtol=1e-5)
    np.testing.assert_array_equal(dA_f, dA_c)
    np.testing.assert_array_equal(db_f, db_c)


def test_the_callers_arrays_are_not_trained_in_place():
    X, Y = _data()
    start = initialize_parameters(LAYER_DIMS, seed=2)
    before = {k: v.copy() for k, v in start.items()}
    X_before = X.copy()
    train(X, Y, LAYER_DIMS, num_iterations=5, parameters=start, progress=False)
    for key in start:
        np.testing.assert_array_equal(start[key], before[key], err_msg=key)
    np.testing.assert_array_equal(X, X_before)


def test_parameters_with_nan_are_refused_once_up_front():
    X, Y = _data()
    start = initialize_parameters(LAYER_DIMS, seed=2)
    start["W2"][0, 0] = np.nan
    with pytest.raises(ValueError, match=r"W2.*NaN"):
        train(X, Y, LAYER_DIMS, num_iterations=5, parameters=start, progress=False)


def test_a_diverging_run_stops_with_a_message_about_the_learning_rate():
    X, Y = _data()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # overflow on the way to NaN is the point
        with pytest.raises(ValueError, match=r"train: learning_rate = 1e\+300 made gradient descent diverge.*smaller"):
            train(X, Y, LAYER_DIMS, learning_rate=1e300, num_iterations=50, progress=False)
