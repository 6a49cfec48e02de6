"""initialize_parameters' wrong W shapes said in layer_dims' symbols when one pattern fits every layer:
a size set once before the loop (n[0] for every layer), n[l] where n[l-1] belongs, n[l-1] where n[l]
belongs; the transpose keeps its own hint, and ambiguous shapes claim nothing."""
import numpy as np
import pytest

from dlkit.checks import check
from dlkit.checks.specs_init import shape_symbols


def _init(rows, cols):
    def initialize_parameters(layer_dims, seed):
        rng = np.random.RandomState(seed)
        parameters = {}
        for l in range(1, len(layer_dims)):
            r, c = rows(layer_dims, l), cols(layer_dims, l)
            parameters["W" + str(l)] = rng.randn(r, c) / np.sqrt(c)
            parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
        return parameters
    return initialize_parameters


def _stale_n_prev(layer_dims, seed):
    rng = np.random.RandomState(seed)
    parameters, n_prev = {}, layer_dims[0]        # set once, never updated
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = rng.randn(layer_dims[l], n_prev) / np.sqrt(n_prev)
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


CASES = {
    # the two loop patterns diag19 named have ids of their own (n_prev_not_updated, W_square)
    "n_prev set once": (_stale_n_prev, ["n[0] columns", "set once"]),
    "square n[l]": (_init(lambda d, l: d[l], lambda d, l: d[l]), ["n[l]"]),
    "square n[l-1]": (_init(lambda d, l: d[l - 1], lambda d, l: d[l - 1]), ["(n[l-1], n[l-1])", "n[l-1] is used where n[l]"]),
    "the layer after": (_init(lambda d, l: d[l], lambda d, l: d[min(l + 1, len(d) - 1)]), None),
}


EXPECTED_ID = {"n_prev set once": "initialize_parameters.n_prev_not_updated",
               "square n[l]": "initialize_parameters.W_square"}


@pytest.mark.parametrize("name", CASES)
def test_a_shape_pattern_is_said_in_symbols(name):
    fn, words = CASES[name]
    r = check("initialize_parameters", fn)
    assert not r.passed, str(r)
    if words is None:      # n[l+1] but n[L] for the last layer: no single pattern, nothing claimed
        assert "initialize_parameters.W_shape_symbols" not in r.mistakes, str(r)
        return
    assert r.mistakes[0] == EXPECTED_ID.get(name, "initialize_parameters.W_shape_symbols"), str(r)
    for w in words:
        assert w in r.hints[0], r.hints[0]


def test_the_transpose_keeps_its_own_hint():
    r = check("initialize_parameters", _init(lambda d, l: d[l - 1], lambda d, l: d[l]))
    assert r.mistakes[0] == "initialize_parameters.W_transposed", str(r)


def test_equal_sizes_tell_nothing():
    same = {"W1": np.zeros((2, 2)), "W2": np.zeros((2, 2))}
    assert shape_symbols([([2, 2, 2], same)]) is None      # every reading fits: no claim


def test_the_right_initialisation_passes():
    r = check("initialize_parameters", _init(lambda d, l: d[l], lambda d, l: d[l - 1]))
    assert r.passed, str(r)
