"""W2c: what a composite passed to a helper, against what belongs there (checks/helperargs.py), and the
learning rate read off the update calls as a schedule. The learner code is written for these tests."""
import numpy as np

import dlkit
from dlkit.checks import check, helperargs

initialize_parameters, model_forward, compute_cost = dlkit.initialize_parameters, dlkit.model_forward, dlkit.compute_cost
model_backward, update_parameters = dlkit.model_backward, dlkit.update_parameters


def _minus_inline(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters, costs = initialize_parameters(layer_dims, seed), []
    for _ in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        parameters = update_parameters(parameters, model_backward(AL, Y, caches), learning_rate * -1)
    return parameters, costs


def _caches_reversed_builtin(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters, costs = initialize_parameters(layer_dims, seed), []
    it = 0
    while it < num_iterations:
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, list(reversed(caches)))
        parameters = update_parameters(parameters, grads, learning_rate)
        it += 1
    return parameters, costs


def _caches_one_short(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters, costs = initialize_parameters(layer_dims, seed), []
    for _ in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        parameters = update_parameters(parameters, model_backward(AL, Y, caches[:-1]), learning_rate)
    return parameters, costs


def _right(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters, costs = initialize_parameters(layer_dims, seed), []
    for _ in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        parameters = update_parameters(parameters, model_backward(AL, Y, caches), learning_rate)
    return parameters, costs


def _sqrt_decay(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters, costs = initialize_parameters(layer_dims, seed), []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        parameters = update_parameters(parameters, model_backward(AL, Y, caches), learning_rate / np.sqrt(i + 1))
    return parameters, costs


def _shrunk_in_place(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters, costs = initialize_parameters(layer_dims, seed), []
    alpha = learning_rate
    for _ in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        parameters = update_parameters(parameters, model_backward(AL, Y, caches), alpha)
        alpha = alpha / (1 + 0.5 * (_ + 1)) * (1 + 0.5 * _)   # learning_rate / (1 + 0.5 i)
    return parameters, costs


def test_a_negated_learning_rate_is_said_by_the_argument():
    r = check("L_layer_model", _minus_inline, time_limit=5)
    assert not r.passed and "L_layer_model.helper_argument" in r.mistakes, str(r)
    assert "the negative of the learning_rate argument" in str(r) and "already subtracts" in str(r)


def test_caches_reversed_or_one_short_are_said_by_the_argument():
    r = check("L_layer_model", _caches_reversed_builtin, time_limit=5)
    assert not r.passed and "L_layer_model.helper_argument" in r.mistakes, str(r)
    assert "in reverse order" in str(r) and "already walks the caches" in str(r)
    r = check("L_layer_model", _caches_one_short, time_limit=5)
    assert not r.passed and "L_layer_model.helper_argument" in r.mistakes, str(r)
    assert "without its last item (one item short)" in str(r)


def test_learning_rate_schedules_are_read_off_the_updates():
    r = check("L_layer_model", _sqrt_decay, time_limit=5)
    assert not r.passed and "L_layer_model.learning_rate_schedule" in r.mistakes, str(r)
    assert "learning_rate / sqrt(1 + i)" in str(r) and "decays" in str(r)
    r = check("L_layer_model", _shrunk_in_place, time_limit=5)
    assert not r.passed and "L_layer_model.learning_rate_schedule" in r.mistakes, str(r)
    assert "learning_rate / (1 + 0.5 i)" in str(r)


def test_the_right_loop_gets_neither():
    r = check("L_layer_model", _right, time_limit=5)
    assert r.passed, str(r)


def test_relate_in_other_forms():
    assert helperargs.relate(-2.0, 2.0, "alpha")[0] == "negative"
    assert helperargs.relate([3, 2, 1], [1, 2, 3], "the list")[0] == "reversed"
    assert helperargs.relate([2, 3, 1], [1, 2, 3], "the list")[0] == "rotated"
    A = np.arange(6.0).reshape(2, 3) + 1
    assert helperargs.relate(A.T, A, "A")[0] == "transposed"
    assert helperargs.relate(A / 4, A, "A", m=4)[0] == "multiple"
    assert helperargs.relate(A, A, "A") is None and helperargs.relate(A + 1, A, "A") is None
    assert helperargs.schedule([0.5, 0.5, 0.5], 0.5) is None
    assert "1 + i" in helperargs.schedule([1.0, 0.5, 1 / 3, 0.25], 1.0)
    assert "0.9^i" in helperargs.schedule([1.0, 0.9, 0.81], 1.0)
    assert helperargs.schedule([1.0, 0.7, 0.1], 1.0) is None
