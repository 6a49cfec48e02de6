"""A dict output with keys of no layer (W0, dW0) is said by its keys first, before what its values hold.

diag16's leaf matcher says "parameters['W1'] holds W[2]" for a dict whose values moved; when the learner's
dict also has keys the lecture's has not, those keys are the mistake to read first (a loop numbered from 0).
Keys missing alone (grads made anew in the loop) stay the chain's finding.
"""
import numpy as np

from dlkit.checks import check


def test_parameters_stored_one_key_lower_are_said_by_the_key_of_no_layer():
    def update_parameters(parameters, grads, learning_rate):
        L = len(parameters) // 2
        out = {}
        for l in range(1, L + 1):
            out[f"W{l - 1}"] = parameters[f"W{l}"] - learning_rate * grads[f"dW{l}"]
            out[f"b{l - 1}"] = parameters[f"b{l}"] - learning_rate * grads[f"db{l}"]
        return out

    r = check("update_parameters", update_parameters)
    assert not r.passed and r.mistakes[0] == "update_parameters.keys_named", str(r)
    assert "W0" in r.hints[0] and "layer 0" in r.hints[0], r.hints[0]


def test_a_catalogued_key_shift_keeps_its_own_hint():
    def model_backward(AL, Y, caches):
        from dlkit import linear_activation_backward
        grads, L = {}, len(caches)
        dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
        for l in reversed(range(1, L + 1)):
            dA_prev, dW, db = linear_activation_backward(dA, caches[l - 1], "sigmoid" if l == L else "relu")
            grads[f"dA{l - 1}"], grads[f"dW{l - 1}"], grads[f"db{l - 1}"] = dA_prev, dW, db
            dA = dA_prev
        return grads

    r = check("model_backward", model_backward)
    assert not r.passed and r.mistakes[0] == "model_backward.keys_shifted", str(r)   # the mutant's, not keys_named
    assert "dW0" in str(r), str(r)


def test_right_values_under_the_lectures_keys_in_another_order_pass():
    def update_parameters(parameters, grads, learning_rate):
        L = len(parameters) // 2
        out = {}
        for l in reversed(range(1, L + 1)):     # the dict built from the last layer down: keys are keys
            out["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
            out["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        return out

    assert check("update_parameters", update_parameters).passed
