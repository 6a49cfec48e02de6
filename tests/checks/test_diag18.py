"""diag18 (issue 12, item 6): a hint says what the code used AND what belongs, by symbol and in words.

Each class of mistake is written here in several code shapes no round lists; the report must say
the used quantity (its lecture symbol and its role), the connective ("instead of", "is used as",
"always ..., also ..."), and a right implementation must still pass.
"""
import numpy as np
import pytest

from dlkit import linear_activation_backward as _lab_ref
from dlkit import linear_activation_forward as _laf_ref
from dlkit import linear_backward as _lb, linear_forward as _lf, relu as _relu, sigmoid as _sigmoid
from dlkit import relu_backward as _rb, sigmoid_backward as _sb
from dlkit.checks import check
from dlkit.checks.causes import branch_cause
from dlkit.checks.concepts import role


def _sig(Z):
    return 1 / (1 + np.exp(-Z))


# ---- the activation's VALUE where its slope belongs ------------------------------------------------

def _relu_value_1(dA, Z):
    return dA * np.maximum(0, Z)


def _relu_value_2(dA, Z):
    return np.multiply(dA, np.where(Z > 0, Z, 0))


def _relu_value_3(dA, Z):
    A = Z.copy()
    A[A < 0] = 0
    return dA * A


def _relu_value_4(dA, Z):
    return dA * (Z + np.abs(Z)) / 2


@pytest.mark.parametrize("fn", [_relu_value_1, _relu_value_2, _relu_value_3, _relu_value_4])
def test_relu_value_for_its_slope_says_the_value_is_used_instead_of_the_slope(fn):
    r = check("relu_backward", fn)
    assert not r.passed
    hint = r.hints[0]
    assert "the ReLU's value" in hint and "instead of its slope" in hint, str(r)
    assert "A[l]" in hint, str(r)


def _sigmoid_value_1(dA, Z):
    return dA * _sig(Z)


def _sigmoid_value_2(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    return np.multiply(dA, s)


@pytest.mark.parametrize("fn", [_sigmoid_value_1, _sigmoid_value_2])
def test_sigmoid_value_for_its_slope_is_said_both_ways(fn):
    r = check("sigmoid_backward", fn)
    assert not r.passed
    assert "the sigmoid's value" in r.hints[0] and "instead of its slope" in r.hints[0], str(r)


# ---- a slope step skipped: dA[l] used as dZ[l] ------------------------------------------------------

def _skip_sigmoid_1(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        return _lb(_rb(dA, Z), linear_cache)
    return _lb(dA, linear_cache)


def _skip_sigmoid_2(dA, cache, activation):
    linear_cache, Z = cache
    dZ = _rb(dA, Z) if activation == "relu" else dA
    return _lb(dZ, linear_cache)


def _skip_both(dA, cache, activation):
    linear_cache, Z = cache
    return _lb(dA, linear_cache)


@pytest.mark.parametrize("fn", [_skip_sigmoid_1, _skip_sigmoid_2, _skip_both])
def test_a_skipped_slope_step_says_dA_is_used_as_dZ(fn):
    r = check("linear_activation_backward", fn)
    assert not r.passed
    text = str(r)
    assert "dA[l] is used as dZ[l]" in text, text
    assert "skipped" in text or "missing" in text, text


def _relu_dA_unchanged(dA, Z):
    return dA.copy()


def test_relu_backward_returning_dA_says_it_is_used_as_dZ():
    r = check("relu_backward", _relu_dA_unchanged)
    assert "dA[l] is used as dZ[l]" in r.hints[0], str(r)


# ---- one activation for every layer: "always ..., also ..." and, from the source, why --------------

def _always_relu_ifexp(dA, cache, activation):
    linear_cache, Z = cache
    dZ = _rb(dA, Z) if activation else _sb(dA, Z)
    return _lb(dZ, linear_cache)


def _always_relu_if(dA, cache, activation):
    linear_cache, Z = cache
    if activation:
        dZ = _rb(dA, Z)
    else:
        dZ = _sb(dA, Z)
    return _lb(dZ, linear_cache)


def _always_relu_inline(dA, cache, activation):
    (A_prev, W, b), Z = cache
    m = A_prev.shape[1]
    if activation:
        dZ = dA * (Z > 0)
    else:
        s = _sig(Z)
        dZ = dA * s * (1 - s)
    return W.T @ dZ, dZ @ A_prev.T / m, dZ.sum(axis=1, keepdims=True) / m


@pytest.mark.parametrize("fn", [_always_relu_ifexp, _always_relu_if, _always_relu_inline])
def test_a_truth_test_of_activation_says_the_relu_slope_is_always_used_and_why(fn):
    r = check("linear_activation_backward", fn)
    assert not r.passed
    text = str(r)
    assert "always used, also for the sigmoid layer" in text, text
    assert "always true" in text and "non-empty string" in text, text


def _always_relu_no_test(dA, cache, activation):
    linear_cache, Z = cache
    return _lb(_rb(dA, Z), linear_cache)


def test_without_a_truth_test_no_claim_about_one_is_made():
    r = check("linear_activation_backward", _always_relu_no_test)
    text = str(r)
    assert "always used, also for the sigmoid layer" in text, text
    assert "non-empty string" not in text, text


def test_branch_cause_needs_the_first_branch_to_be_the_one_always_used():
    src = ("def f(dA, cache, activation):\n"
           "    linear_cache, Z = cache\n"
           "    dZ = sigmoid_backward(dA, Z) if activation else relu_backward(dA, Z)\n"
           "    return linear_backward(dZ, linear_cache)\n")
    assert branch_cause(src, "relu") is None
    assert "always true" in branch_cause(src, "sigmoid")


def _forward_always_relu(A_prev, W, b, activation):
    Z, linear_cache = _lf(A_prev, W, b)
    A = _relu(Z) if activation else _sigmoid(Z)
    return A, (linear_cache, Z)


def test_forward_truth_test_says_relu_is_always_used():
    r = check("linear_activation_forward", _forward_always_relu)
    text = str(r)
    assert "always used, also for that layer" in text and "instead of sigmoid(Z[l])" in text, text
    assert "always true" in text, text


# ---- the activation of the layer's input A[l-1] instead of Z[l] -----------------------------------

def _act_of_input_1(A_prev, W, b, activation):
    Z, linear_cache = _lf(A_prev, W, b)
    A = _relu(A_prev) if activation == "relu" else _sigmoid(A_prev)
    return A, (linear_cache, Z)


def _act_of_input_2(A_prev, W, b, activation):
    Z = W @ A_prev + b
    g = np.maximum(0, A_prev) if activation == "relu" else 1 / (1 + np.exp(-A_prev))
    return g, ((A_prev, W, b), Z)


@pytest.mark.parametrize("fn", [_act_of_input_1, _act_of_input_2])
def test_the_activation_of_A_prev_says_the_layers_input_instead_of_Z(fn):
    r = check("linear_activation_forward", fn)
    assert not r.passed
    text = str(r)
    assert "A[l-1] (the layer's input) instead of this layer's Z[l]" in text, text


# ---- found expressions: the substituted quantity by symbol and by role -----------------------------

def test_roles_of_lecture_quantities():
    assert role("A[l-1]") == "the layer's input"
    assert role("A[l-1].T") == "the layer's input"
    assert role("Z[2]") == "layer 2's linear output"
    assert role("dZ[l]") == "the gradient of Z[l]"
    assert role("s") == "the sigmoid's value"
    assert role("1 - s") is None


def _db_of_A_prev(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = dZ @ A_prev.T / m
    db = np.mean(A_prev, axis=1, keepdims=True)
    dA_prev = W.T @ dZ
    return dA_prev, dW, db


def _dW_of_Z(dA, cache, activation):
    (A_prev, W, b), Z = cache
    m = dA.shape[1]
    dZ = dA * (Z > 0) if activation == "relu" else dA * _sig(Z) * (1 - _sig(Z))
    dW = np.dot(dZ, Z.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


def _lb_einsum(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    return np.einsum("ji,jk->ik", W, dZ), np.einsum("ik,jk->ij", dZ, A_prev) / m, dZ.mean(axis=1, keepdims=True)


def test_a_substituted_operand_is_said_with_both_roles():
    r = check("linear_backward", _db_of_A_prev)
    text = str(r)
    assert "A[l-1] is used instead of dZ[l] (the layer's input instead of the gradient of Z[l])" in text, text
    r = check("linear_activation_backward", _dW_of_Z)
    text = str(r)
    assert "Z[l] is used instead of A[l-1] (the linear output instead of the layer's input)" in text, text


# ---- a reduction over the wrong axes: what was summed instead ------------------------------------

def _db_one_number(dA, cache, activation):
    (A_prev, W, b), Z = cache
    m = A_prev.shape[1]
    dZ = _rb(dA, Z) if activation == "relu" else _sb(dA, Z)
    dW = dZ @ A_prev.T / m
    db = np.full((dZ.shape[0], 1), dZ.sum() / m)
    return W.T @ dZ, dW, db


def test_a_sum_over_every_entry_says_one_number_instead_of_one_sum_per_unit():
    r = check("linear_activation_backward", _db_one_number)
    assert "one number instead of one sum per unit" in r.hints[0], str(r)
    assert "sum over the other axis" not in r.hints[0], str(r)


def test_missing_factors_are_said_with_their_role():
    from dlkit.checks.concepts import translate
    from dlkit.checks.expression import _atom, _binary
    q = {"dA[l]": np.array([[1.0, -2.0]]), "Z[l]": np.array([[0.5, -1.0]])}
    got = translate(_atom("dA[l]"), "dZ", {"dA": "dA[l]", "Z": "Z[l]"}, q, m=2, activation="relu")
    assert got is not None and ", the ReLU's slope" in got, got


# ---- hints chosen from a crash claim only what the line shows ----------------------------------

def _A_before_W_1(A_prev, W, b):
    return np.dot(A_prev, W) + b, (A_prev, W, b)


def _A_before_W_2(A_prev, W, b):
    Z = A_prev.T @ W.T + b.T
    return Z, (A_prev, W, b)


@pytest.mark.parametrize("fn", [_A_before_W_1, _A_before_W_2])
def test_the_product_the_wrong_way_round_says_A_prev_comes_before_W(fn):
    r = check("linear_forward", fn)
    assert not r.passed
    assert "A[l-1] comes before W[l]" in str(r) and "instead of Z[l] = W[l] A[l-1]" in str(r), str(r)


def _mask_from_dA_1(dA, Z):
    return np.maximum(dA, 0)


def _mask_from_dA_2(dA, Z):
    dZ = np.array(dA, copy=True)
    dZ[dA <= 0] = 0
    return dZ


@pytest.mark.parametrize("fn", [_mask_from_dA_1, _mask_from_dA_2])
def test_a_mask_read_from_dA_says_dZ_is_relu_of_dA(fn):
    r = check("relu_backward", fn)
    assert "dZ is ReLU(dA)" in r.hints[0] and "instead of (Z > 0)" in r.hints[0], str(r)


# ---- right implementations still pass --------------------------------------------------------------

def _lab_right_dispatch(dA, cache, activation):
    step = {"relu": _rb, "sigmoid": _sb}[activation]
    return _lb(step(dA, cache[1]), cache[0])


@pytest.mark.parametrize("name, fn", [("linear_activation_backward", _lab_ref),
                                      ("linear_activation_backward", _lab_right_dispatch),
                                      ("linear_activation_forward", _laf_ref),
                                      ("relu_backward", lambda dA, Z: dA * (Z > 0)),
                                      ("sigmoid_backward", lambda dA, Z: dA * _sig(Z) * (1 - _sig(Z))),
                                      ("linear_backward", _lb_einsum)])
def test_right_implementations_still_pass(name, fn):
    assert check(name, fn).passed, str(check(name, fn))
