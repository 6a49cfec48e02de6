"""L_layer_model judged by the calls its loop made (specs_train.judge_loop): the learning rate's words."""
from __future__ import annotations

import pytest

from dlkit import compute_cost, initialize_parameters, model_backward, model_forward, update_parameters  # noqa: F401
from dlkit.checks import check


def _loop(rate):
    def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
        parameters = initialize_parameters(layer_dims, seed)
        costs = []
        for _ in range(num_iterations):
            AL, caches = model_forward(X, parameters)
            costs.append(compute_cost(AL, Y))
            grads = model_backward(AL, Y, caches)
            parameters = update_parameters(parameters, grads, rate(learning_rate, X.shape[1]))
        return parameters, costs
    return L_layer_model


@pytest.mark.parametrize("rate, words", [
    (lambda a, m: a / m, "the learning rate is divided by m = 3: dW[l] and db[l] already hold the 1/m"),
    (lambda a, m: 2 * a, "the learning rate is doubled"),
    (lambda a, m: 0.9 * a, "your loop uses a fixed number or changes the argument"),
    (lambda a, m: 0.0075, "The learning rate is a fixed number"),     # the same number on every case: a mutant says so
])
def test_the_rate_the_loop_used_is_said_as_what_it_is(rate, words):
    text = str(check("L_layer_model", _loop(rate)))
    assert words in text, text
    assert "is a fixed number" not in text or "fixed number" in words, text
