"""A function whose answer depends on earlier calls (spec.Spec._state_between_calls): a default
argument such as grads={} shared by every call, or a global list it appends to."""
import numpy as np

import dlkit
from dlkit.checks import check


def test_a_mutable_default_argument_is_named_with_its_name():
    def model_backward(AL, Y, caches, grads={}):
        grads.update(dlkit.model_backward(AL, Y, caches))
        return grads

    result = check("model_backward", model_backward)
    assert result.status != "passed"
    assert "default argument grads={}" in str(result)


def test_a_global_list_the_function_appends_to_is_named():
    log = []

    def model_forward(X, parameters):
        AL, caches = dlkit.model_forward(X, parameters)
        log.extend(caches)
        return AL, list(log)

    result = check("model_forward", model_forward)
    assert any(f.id == "model_forward.state_between_calls" for f in result.findings)


def test_a_correct_function_with_an_immutable_default_passes():
    def model_backward(AL, Y, caches, grads=None):
        grads = {} if grads is None else grads
        grads.update(dlkit.model_backward(AL, Y, caches))
        return grads

    assert check("model_backward", model_backward).status == "passed"


def test_an_unseeded_draw_is_not_called_state():
    # other numbers on every call: a wrong answer already, not a kept state (same structure)
    def initialize_parameters(layer_dims, seed=0):
        rng = np.random.default_rng()
        return {k: v for l in range(1, len(layer_dims))
                for k, v in ((f"W{l}", rng.standard_normal((layer_dims[l], layer_dims[l - 1]))),
                             (f"b{l}", np.zeros((layer_dims[l], 1))))}

    result = check("initialize_parameters", initialize_parameters)
    assert result.status != "passed"
    assert not any("state_" in f.id for f in result.findings)
