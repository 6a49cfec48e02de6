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
    np.testing.assert_allclose(dA_f, dA_c, rtol=1e-5)  # W[l]^T dZ[l] either way
    np.testing.assert_array_equal(db_f, db_c)
    # Column-major W[l] gives a column-major dA[l-1] (like Z[l-1]); row-major keeps row-major.
    assert dA_f.flags.f_contiguous and dA_c.flags.c_contiguous


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_linear_forward_gives_Z_in_the_memory_order_of_W(dtype):
    from dlkit import linear_forward

    rng = np.random.default_rng(1)
    A_prev, W_c, b = rng.random((6, 9)).astype(dtype), rng.random((4, 6)).astype(dtype), rng.random((4, 1)).astype(dtype)
    Z_c, _ = linear_forward(A_prev, W_c, b)
    Z_f, cache = linear_forward(A_prev, np.asfortranarray(W_c), b)
    assert Z_c.flags.c_contiguous and Z_f.flags.f_contiguous
    np.testing.assert_allclose(Z_f, W_c @ A_prev + b, rtol=1e-5)  # still Z[l] = W[l] A[l-1] + b[l]
    np.testing.assert_allclose(Z_f, Z_c, rtol=1e-5)
    assert cache[0] is A_prev


@pytest.mark.parametrize("shape, order", [((300, 700), "C"), ((300, 700), "F"), ((5, 3), "C")])
def test_in_place_update_is_bit_for_bit_the_new_array_update(shape, order):
    # update_parameters(inplace=True) writes into W[l] (train uses it); the
    # numbers must be exactly those of W[l] - alpha dW[l], whatever the orders.
    rng = np.random.default_rng(2)
    W = np.asarray(rng.standard_normal(shape), order=order)
    dW = rng.standard_normal(shape)  # row-major even when W is not: orders may differ
    b, db = rng.standard_normal((shape[0], 1)), rng.standard_normal((shape[0], 1))
    expected = W - 0.37 * dW
    params = {"W1": W, "b1": b}
    out = update_parameters(params, {"dW1": dW, "db1": db}, 0.37, inplace=True)
    assert out is params and out["W1"] is W  # updated where it is
    np.testing.assert_array_equal(W, expected)
    np.testing.assert_array_equal(b, params["b1"])


def test_in_place_update_of_a_strided_view():
    rng = np.random.default_rng(3)
    base = rng.standard_normal((400, 600))
    W = base[::2, ::3]  # neither C- nor F-contiguous
    dW = rng.standard_normal(W.shape)
    expected = W - 0.5 * dW
    update_parameters({"W1": W, "b1": np.zeros((200, 1))}, {"dW1": dW, "db1": np.zeros((200, 1))}, 0.5, inplace=True)
    np.testing.assert_array_equal(W, expected)
    np.testing.assert_array_equal(base[::2, ::3], expected)


def test_values_trusted_skips_value_scans_but_keeps_shape_checks():
    from dlkit import _validate as v

    bad_labels, bad_probs = np.array([[0.0, 2.0, 1.0]]), np.array([[0.5, 1.5, 0.2]])
    with pytest.raises(ValueError, match="only 0 and 1"):
        v.labels("f", bad_labels)
    with pytest.raises(ValueError, match="probabilities"):
        v.probabilities("f", bad_probs)
    with v.values_trusted():
        with v.values_trusted():  # nesting
            assert v.labels("f", bad_labels) is bad_labels
        assert v.probabilities("f", bad_probs) is bad_probs
        with pytest.raises(ValueError, match=r"must be \(1, m\)"):
            v.labels("f", np.zeros((2, 3)))
    try:
        with v.values_trusted():
            raise KeyError("inside")
    except KeyError:
        pass
    with pytest.raises(ValueError, match="only 0 and 1"):  # trust ended, even after an exception
        v.labels("f", bad_labels)


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


def test_a_learning_rate_so_large_that_the_cost_climbs_is_refused_by_name():
    """Issue 14's fuzzer: at learning_rate = 1e6 the cost climbs (here from 0.684 to 19.8 in one step, |W|
    to 2e13) while staying finite (compute_cost clamps A[L]), and train() used to return normally."""
    X, Y = _data()
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)  # no numpy overflow noise on the way either
        with pytest.raises(ValueError, match=r"train: learning_rate = 1000000.0 made gradient descent diverge: the cost "
                                             r"rose from 0.684 at iteration 0 to 19.824 at iteration 1, .*"
                                             r"it needs a smaller learning_rate") as info:
            train(X, Y, LAYER_DIMS, learning_rate=1e6, num_iterations=300, progress=False)
    # Nothing is lost: the costs up to the divergence come with the error, to plot.
    costs = info.value.costs
    assert len(costs) == 2 and costs[0] == pytest.approx(0.684, abs=5e-4) and costs[1] > 10 * np.log(2)


def test_a_learning_rate_with_spikes_that_still_descends_is_not_refused():
    """Cost spikes (notebook 6 at 0.2 rises from 0.69 to about 0.9) are not divergence: here at
    learning_rate = 4 the cost rises from 0.684 to 0.946 at iteration 12, then falls to 0.001."""
    X, Y = _data()
    _, costs = train(X, Y, LAYER_DIMS, learning_rate=4.0, num_iterations=300, progress=False)
    assert max(costs) > costs[0] + 0.2 and costs[-1] < 0.01


def test_learning_rate_may_be_a_0_d_array():
    X, Y = _data()
    _, given_as_array = train(X, Y, LAYER_DIMS, learning_rate=np.array(0.05), num_iterations=5, progress=False)
    _, given_as_float = train(X, Y, LAYER_DIMS, learning_rate=0.05, num_iterations=5, progress=False)
    assert given_as_array == given_as_float
