"""values2: wrong values read as a relation to the lecture's quantities (ranges.py, draws.py, the cost's
terms in relations.cost_relation, the slope's variants in wrongvalue.LIBRARY, initialize_parameters' keys).
Forms written for the mechanisms, in no held-out round; right forms pass clean."""
import numpy as np

from dlkit.checks import check


def _text(res):
    return " ".join(f.hint + " " + " ".join(f.details) for f in res.findings)


# -- ranges.py: a value outside its quantity's range ------------------------------------------------

def test_sigmoid_above_one_said():
    def sigmoid(Z):
        return 1.5 / (1 + np.exp(-Z))        # a wrong numerator
    res = check("sigmoid", sigmoid)
    assert res.status == "failed" and "above 1" in _text(res) and "outside (0, 1)" in _text(res)


def test_relu_negative_said():
    def relu(Z):
        return np.where(Z > 0, Z, 0.1 * Z)   # a leaky ReLU
    res = check("relu", relu)
    assert res.status == "failed" and "below 0" in _text(res)


def test_cost_negative_said():
    def compute_cost(AL, Y):
        m = Y.shape[1]
        return float(1 / m * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))   # the minus sign lost
    res = check("compute_cost", compute_cost)
    assert res.status == "failed" and "below 0" in _text(res) and "never negative" in _text(res)


def test_in_range_wrong_value_says_no_range():
    def sigmoid(Z):
        return 1 / (1 + np.exp(-2 * Z))      # wrong, but inside (0, 1)
    res = check("sigmoid", sigmoid)
    assert res.status == "failed" and "outside (0, 1)" not in _text(res)


# -- the cost's terms -----------------------------------------------------------------------------

def test_cost_second_term_counted_m_times():
    def compute_cost(AL, Y):
        m = Y.shape[1]
        AL = np.clip(AL, 1e-15, 1 - 1e-15)
        second = np.dot(1 - Y, np.log(1 - AL).T)          # (1, 1): broadcast onto the m entries below
        return float(-np.sum(Y * np.log(AL) + second) / m)
    res = check("compute_cost", compute_cost)
    assert res.findings[0].id == "compute_cost.cost_term_times_m" and "m times" in _text(res)


def test_cost_divided_by_negatives():
    def compute_cost(AL, Y):
        AL = np.clip(AL, 1e-15, 1 - 1e-15)
        losses = Y * np.log(AL) + (1 - Y) * np.log(1 - AL)
        return float(-np.sum(losses) / np.sum(1 - Y))
    res = check("compute_cost", compute_cost)
    assert res.findings[0].id == "compute_cost.cost_divisor" and "np.sum(1 - Y)" in _text(res)


def test_cost_one_minus_log_in_first_position():
    def compute_cost(AL, Y):
        m = Y.shape[1]
        logs = Y * np.log(AL)
        other = (1 - Y) * (1 - np.log(AL))
        return float(-(logs + other).sum() / m)
    res = check("compute_cost", compute_cost)
    assert "1 - log(A[L])" in _text(res)


def test_cost_right_forms_pass():
    def compute_cost(AL, Y):
        m = Y.shape[1]
        AL = np.clip(AL, 1e-15, 1 - 1e-15)
        return float(-(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)).item() / m)
    assert check("compute_cost", compute_cost).status == "passed"


# -- the slope's variants ---------------------------------------------------------------------------

def test_slope_taken_twice_named():
    def sigmoid_backward(dA, Z):
        s = 1 / (1 + np.exp(-Z))
        g = s - s ** 2                      # the slope already
        return dA * g * (1 - g)
    res = check("sigmoid_backward", sigmoid_backward)
    assert res.status == "failed" and "taken twice" in _text(res)


def test_slope_one_minus_s_squared_named():
    def sigmoid_backward(dA, Z):
        s = 1 / (1 + np.exp(-Z))
        return dA * (1 - s) * (1 - s)
    res = check("sigmoid_backward", sigmoid_backward)
    assert res.status == "failed" and "(1 - s)^2" in _text(res)


def test_slope_right_form_passes():
    def sigmoid_backward(dA, Z):
        s = 0.5 * (1 + np.tanh(Z / 2))
        return dA * (s - s * s)
    assert check("sigmoid_backward", sigmoid_backward).status == "passed"


# -- draws.py: initialize_parameters' W[l] against the seeded stream --------------------------------

def test_W_reseeded_each_layer():
    def initialize_parameters(layer_dims, seed=1):
        p = {}
        for l in range(1, len(layer_dims)):
            rng = np.random.RandomState(seed)            # made again in every layer
            p["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
            p["b" + str(l)] = np.zeros((layer_dims[l], 1))
        return p
    res = check("initialize_parameters", initialize_parameters)
    assert "made again from the seed" in _text(res)


def test_W_filled_by_columns():
    def initialize_parameters(layer_dims, seed=1):
        rng = np.random.RandomState(seed)
        p = {}
        for l in range(1, len(layer_dims)):
            n, k = layer_dims[l], layer_dims[l - 1]
            p["W" + str(l)] = rng.randn(k, n).T / np.sqrt(k)     # drawn transposed, then turned
            p["b" + str(l)] = np.zeros((n, 1))
        return p
    res = check("initialize_parameters", initialize_parameters)
    assert "column by column" in _text(res)


def test_b_drawn_before_W():
    def initialize_parameters(layer_dims, seed=1):
        rng = np.random.RandomState(seed)
        p = {}
        for l in range(1, len(layer_dims)):
            p["b" + str(l)] = rng.randn(layer_dims[l], 1) * 0.0
            p["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        return p
    res = check("initialize_parameters", initialize_parameters)
    assert "advances the stream" in _text(res)


def test_keys_spelled_otherwise():
    def initialize_parameters(layer_dims, seed=1):
        rng = np.random.RandomState(seed)
        p = {}
        for l in range(1, len(layer_dims)):
            p["W_" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
            p["b_" + str(l)] = np.zeros((layer_dims[l], 1))
        return p
    res = check("initialize_parameters", initialize_parameters)
    assert "'W_1' where 'W1' belongs" in _text(res) and "stops one early" not in _text(res)


def test_init_right_form_passes():
    def initialize_parameters(layer_dims, seed=1):
        rng = np.random.RandomState(seed)
        p = {}
        for l, (n, k) in enumerate(zip(layer_dims[1:], layer_dims[:-1]), start=1):
            p[f"W{l}"] = rng.randn(n, k) / np.sqrt(k)
            p[f"b{l}"] = np.zeros((n, 1))
        return p
    assert check("initialize_parameters", initialize_parameters).status == "passed"
