"""L_layer_model passing initialize_parameters another layer_dims than its argument: the report says how
the list differs (a size put in front or at the end again: one layer too many; one left out: one layer
too few; sizes changed: which n[l]), not only that the sizes differ. Forms found in no held-out round."""
import pytest

from dlkit import compute_cost, initialize_parameters, model_backward, model_forward, update_parameters
from dlkit.checks import check


def _loop(dims_of):
    def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
        parameters = initialize_parameters(dims_of(list(layer_dims), X), seed)
        costs = []
        for i in range(num_iterations):
            AL, caches = model_forward(X, parameters)
            costs.append(compute_cost(AL, Y))
            parameters = update_parameters(parameters, model_backward(AL, Y, caches), learning_rate)
        return parameters, costs
    return L_layer_model


CASES = {
    "n[0] in front again": (lambda d, X: [X.shape[0]] + d, "one layer too many"),
    "an output unit appended": (lambda d, X: d + [1], "already ends with n["),
    "a hidden size appended": (lambda d, X: d + [d[-2]], "one layer too many"),
    "the input size left out": (lambda d, X: d[1:], "n[0] = "),
    "the output size left out": (lambda d, X: d[:-1], "one layer too few"),
    "a hidden size doubled": (lambda d, X: [d[0], 2 * d[1]] + d[2:], "n[1] = "),
}


@pytest.mark.parametrize("name", CASES)
def test_other_layer_dims_are_said_by_how_they_differ(name):
    dims_of, words = CASES[name]
    r = check("L_layer_model", _loop(dims_of))
    assert not r.passed, str(r)
    assert r.mistakes[0] == "L_layer_model.loop_arguments", str(r)
    assert "initialize_parameters is given layer_dims" in r.hints[0] and words in r.hints[0], r.hints[0]


def test_the_layer_dims_argument_passed_on_passes():
    assert check("L_layer_model", _loop(lambda d, X: d)).passed
