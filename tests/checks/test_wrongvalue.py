"""W2a (wrongvalue.py): what a wrong value IS, in the lecture's words: all zeros / one number everywhere,
divided by m - 1 (m + 1, n[l], n[l-1]) where m belongs, wrong on the last entry alone, and the quantity
that belongs where one with no place in the equation stands. Learner examples written for these tests."""
import numpy as np
import pytest

import dlkit
from dlkit.checks import check


def _ids(result):
    return [f.id for f in result.findings]


def _text(result):
    return str(result)


# ---- all zeros / one number everywhere ------------------------------------------------------------

def linear_backward_dA_zeros(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dA_prev = np.zeros(A_prev.shape)
    for j in range(m):
        dA_prev[:, j] * 0 + W.T @ dZ[:, j]    # the column computed, never stored
    return dA_prev, dZ @ A_prev.T / m, np.sum(dZ, axis=1, keepdims=True) / m


def linear_forward_zeros(A_prev, W, b):
    Z = np.zeros((W.shape[0], A_prev.shape[1]))
    for i in range(W.shape[0]):
        row = W[i] @ A_prev + b[i]   # computed, never stored
        row = row
    return Z, (A_prev, W, b)


def relu_mean(Z):
    return np.full(Z.shape, np.maximum(0, Z).mean())


@pytest.mark.parametrize("name, fn", [("linear_backward", linear_backward_dA_zeros),
                                      ("linear_forward", linear_forward_zeros)])
def test_all_zero_is_said(name, fn):
    r = check(name, fn)
    assert not r.passed
    assert "all zeros" in _text(r), _text(r)
    assert any(i.endswith("all_zero") for i in _ids(r)), _ids(r)


def test_all_constant_is_said():
    r = check("relu", relu_mean)
    assert not r.passed
    assert "the same number" in _text(r) and "in every entry" in _text(r), _text(r)


# ---- divided by m - 1, m + 1, n[l] where m belongs ------------------------------------------------

def compute_cost_loop(AL, Y):
    AL = np.clip(AL, 1e-15, 1 - 1e-15)
    m = Y.shape[1]
    total = 0.0
    for i in range(m):
        total += Y[0, i] * np.log(AL[0, i]) + (1 - Y[0, i]) * np.log(1 - AL[0, i])
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(-total / i)


def linear_backward_db_plus_one(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = dZ @ A_prev.T / m
    db = np.sum(dZ, axis=1, keepdims=True) / (m + 1)
    return W.T @ dZ, dW, db


def test_divided_by_loop_variable_in_the_cost():
    r = check("compute_cost", compute_cost_loop)
    assert not r.passed
    assert any(i.endswith("wrong_divisor") for i in _ids(r)), _text(r)
    assert "m - 1" in _text(r)


def test_divided_by_m_plus_one_in_db():
    r = check("linear_backward", linear_backward_db_plus_one)
    assert not r.passed
    assert any(i.endswith("wrong_divisor") for i in _ids(r)), _text(r)
    assert "m + 1" in _text(r)


# ---- the last entry alone -------------------------------------------------------------------------

def linear_forward_flat_short(A_prev, W, b):
    Z = np.zeros((W.shape[0], A_prev.shape[1]))
    for k in range(Z.size - 1):
        i, j = divmod(k, Z.shape[1])
        Z[i, j] = W[i] @ A_prev[:, j] + b[i, 0]
    return Z, (A_prev, W, b)


def sigmoid_backward_flat_short(dA, Z):
    dZ = np.zeros(Z.shape)
    k = 0
    while k < Z.size - 1:
        i, j = divmod(k, Z.shape[1])
        s = 1 / (1 + np.exp(-Z[i, j]))
        dZ[i, j] = dA[i, j] * s * (1 - s)
        k += 1
    return dZ


@pytest.mark.parametrize("name, fn", [("linear_forward", linear_forward_flat_short), ("sigmoid_backward", sigmoid_backward_flat_short)])
def test_last_entry_only(name, fn):
    r = check(name, fn)
    assert not r.passed
    assert "the last entry" in _text(r), _text(r)


# ---- the quantity that belongs where an alien one stands ------------------------------------------

def linear_activation_backward_relu_on_input(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = dlkit.relu_backward(dA, Z)
    else:
        s = dlkit.sigmoid(linear_cache[0])
        dZ = dA * s * (1 - s)
    return dlkit.linear_backward(dZ, linear_cache)


def linear_activation_backward_mask_of_input(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = dA * (linear_cache[0] > 0)
    else:
        dZ = dlkit.sigmoid_backward(dA, Z)
    return dlkit.linear_backward(dZ, linear_cache)


@pytest.mark.parametrize("fn", [linear_activation_backward_relu_on_input, linear_activation_backward_mask_of_input])
def test_alien_operand_names_what_belongs(fn):
    r = check("linear_activation_backward", fn)
    assert not r.passed
    assert "A[l-1] where Z[l]" in _text(r), _text(r)


# ---- a lecture function of one quantity (the library: tanh, its slope, exp(-Z), ...) ----------------

def relu_backward_exp(dA, Z):
    with np.errstate(over="ignore", invalid="ignore"):
        return dA * np.exp(-Z)


def sigmoid_backward_tanh_inline(dA, Z):
    return dA * (1 - np.tanh(Z) ** 2)


def linear_activation_backward_tanh_slope(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "sigmoid":
        deriv = 1 - np.tanh(Z) ** 2
        dZ = dA * deriv
    else:
        dZ = dlkit.relu_backward(dA, Z)
    return dlkit.linear_backward(dZ, linear_cache)


@pytest.mark.parametrize("name, fn, words", [
    ("relu_backward", relu_backward_exp, "exp(-Z[l])"),
    ("sigmoid_backward", sigmoid_backward_tanh_inline, "the tanh's slope at Z[l]"),
])
def test_lecture_function_is_named(name, fn, words):
    r = check(name, fn)
    assert not r.passed
    assert words in _text(r), _text(r)
    assert any(i.endswith("lecture_function") for i in _ids(r)), _ids(r)


def test_lecture_function_on_the_traced_line():
    r = check("linear_activation_backward", linear_activation_backward_tanh_slope)
    assert not r.passed
    assert "tanh's slope" in _text(r), _text(r)


def test_identify_needs_one_story():
    from dlkit.checks.wrongvalue import identify
    Z = np.array([[-1.0, 0.5, 2.0]])
    assert "tanh's slope" in identify(1 - np.tanh(Z) ** 2, Z * 0 + 0.2, {"Z": Z}, (), "g'(Z[l])")
    assert identify(Z * 3.7, Z, {"Z": Z}, (), "Z[l]") is None          # no library function gives it
    assert identify(np.exp(Z), np.exp(Z), {"Z": Z}, (), "A[l]") is None  # the right value is not a mistake


# ---- correct implementations are not hit ----------------------------------------------------------

OURS = ("all_zero", "all_constant", "wrong_divisor", "lecture_function")


@pytest.mark.parametrize("name", ["relu", "sigmoid", "sigmoid_backward", "relu_backward", "linear_forward",
                                  "linear_backward", "compute_cost", "linear_activation_backward"])
def test_correct_is_not_hit(name):
    r = check(name, getattr(dlkit, name))
    assert r.passed, _text(r)
    assert not any(i.endswith(OURS) for i in _ids(r))


def test_correct_loop_cost_is_not_hit():
    def compute_cost(AL, Y):
        m = Y.shape[1]
        total = 0.0
        for i in range(m):
            total += Y[0, i] * np.log(AL[0, i]) + (1 - Y[0, i]) * np.log(1 - AL[0, i])
        return float(-total / m)
    r = check("compute_cost", compute_cost)
    assert not any(i.endswith(OURS) for i in _ids(r)), _text(r)


def test_helpers_directly():
    from dlkit.checks.wrongvalue import constant_output, last_entry_only
    e = np.array([[0.1, 0.2], [0.3, 0.4]])
    assert constant_output("dZ", np.zeros((2, 2)), e) == [("all_zero", {"part": "dZ"})]
    assert constant_output("dZ", e, e) == []
    assert constant_output("dZ", np.full((2, 2), 0.5), np.full((2, 2), 0.25)) == []   # a factor, not a constant
    w = np.zeros((2, 2), bool)
    w[1, 1] = True
    assert last_entry_only([w, np.array([[True]])]) is not None
    w[0, 0] = True
    assert last_entry_only([w]) is None
