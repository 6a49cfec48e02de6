"""diag13 (issue 12): wrong shapes, substituted operands, dropped examples, True/False values.

Each mechanism names its mistake, and a right implementation (or a near miss) is not misnamed.
"""
import numpy as np

from dlkit import linear_activation_backward as _lab_ref
from dlkit.checks import check


def _sig(Z):
    return 1 / (1 + np.exp(-Z))


def test_a_wrong_shape_at_the_first_wrong_line_is_said_as_the_operand_substituted():
    def linear_backward(dZ, linear_cache):
        A_prev, W, b = linear_cache
        m = A_prev.shape[1]
        dW = np.dot(dZ, A_prev.T) / m
        db = np.sum(A_prev, axis=1, keepdims=True) / m
        dA_prev = np.dot(W.T, dZ)
        return dA_prev, dW, db

    r = check("linear_backward", linear_backward)
    assert r.mistakes[0] == "linear_backward.first_wrong_line_expression", str(r)
    assert "A[l-1] is used instead of dZ[l]" in r.hints[0]


def test_the_caches_Z_in_dW_is_said_as_Z_where_A_prev_belongs():
    def linear_activation_backward(dA, cache, activation):
        (A_prev, W, b), Z = cache
        m = dA.shape[1]
        s = 1 / (1 + np.exp(-Z))
        dZ = dA * (Z > 0) if activation == "relu" else dA * s * (1 - s)
        dW = np.dot(dZ, Z.T) / m
        db = np.sum(dZ, axis=1, keepdims=True) / m
        dA_prev = np.dot(W.T, dZ)
        return dA_prev, dW, db

    r = check("linear_activation_backward", linear_activation_backward)
    assert r.mistakes[0] == "linear_activation_backward.first_wrong_line_expression", str(r)
    assert "Z[l] is used instead of A[l-1]" in r.hints[0]


def test_a_result_flattened_into_one_column_is_said_so():
    def relu(Z):
        A = np.maximum(Z, 0)
        return A.reshape(-1, 1)

    r = check("relu", relu)
    assert r.mistakes[0] == "relu.flattened", str(r)
    assert "flattened into one column" in r.hints[0]

    def relu_named(Z):
        A = np.maximum(Z, 0).reshape(-1, 1)
        return A

    r = check("relu", relu_named)
    assert r.mistakes[0] in ("relu.flattened", "relu.first_wrong_line_flattened"), str(r)
    assert "flattened into one column" in r.hints[0]


def test_an_example_left_out_of_dW_is_named_and_the_full_loop_passes():
    def linear_backward(dZ, linear_cache):
        A_prev, W, b = linear_cache
        m = A_prev.shape[1]
        dW = np.zeros(W.shape)
        for i in range(1, m):
            dW += np.outer(dZ[:, i], A_prev[:, i])
        return np.dot(W.T, dZ), dW / m, np.sum(dZ, axis=1, keepdims=True) / m

    r = check("linear_backward", linear_backward)
    assert r.mistakes == ["linear_backward.example_left_out"], str(r)
    assert "first example" in r.hints[0] and "range(1, m)" in r.hints[0]

    def right(dZ, linear_cache):
        A_prev, W, b = linear_cache
        m = A_prev.shape[1]
        dW = np.zeros(W.shape)
        for i in range(m):
            dW += np.outer(dZ[:, i], A_prev[:, i])
        return np.dot(W.T, dZ), dW / m, np.sum(dZ, axis=1, keepdims=True) / m

    assert check("linear_backward", right).passed


def test_a_cost_that_leaves_out_the_first_example_is_named():
    def compute_cost(AL, Y):
        m = Y.shape[1]
        total = 0.0
        A = np.clip(AL, 1e-15, 1 - 1e-15)
        for i in range(1, m):
            total += Y[0, i] * np.log(A[0, i]) + (1 - Y[0, i]) * np.log(1 - A[0, i])
        return -total / m

    r = check("compute_cost", compute_cost)
    assert r.mistakes[0] == "compute_cost.cost_example_left_out", str(r)
    assert "first example" in r.hints[0]


def test_Z_of_the_output_layer_where_A_L_belongs_is_named_as_a_substitution():
    def model_backward(AL, Y, caches):
        grads = {}
        L = len(caches)
        AL = caches[L - 1][1]
        dAL = -(Y / AL) + (1 - Y) / (1 - AL)
        grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = _lab_ref(dAL, caches[L - 1], "sigmoid")
        for l in range(L - 1, 0, -1):
            grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = _lab_ref(
                grads["dA" + str(l)], caches[l - 1], "relu")
        return grads

    r = check("model_backward", model_backward)
    assert r.mistakes == ["model_backward.operand_substituted"], str(r)
    assert "Z[L] where A[L] belongs" in r.hints[0]


def test_a_clipped_dAL_is_not_called_the_labels_in_the_place_of_A_L():
    # |dA[L]| >= 1 everywhere, so clipping it to [-1, 1] gives -(Y/Y) + (1-Y)/(1-Y) with the reference's
    # clip: the same numbers as Y where A[L] belongs, but not what the code does
    def model_backward(AL, Y, caches):
        grads = {}
        L = len(caches)
        dAL = np.clip(-(Y / AL) + (1 - Y) / (1 - AL), -1, 1)
        grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = _lab_ref(dAL, caches[L - 1], "sigmoid")
        for l in range(L - 1, 0, -1):
            grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = _lab_ref(
                grads["dA" + str(l)], caches[l - 1], "relu")
        return grads

    r = check("model_backward", model_backward)
    assert not r.passed
    assert "model_backward.operand_substituted" not in r.mistakes, str(r)


def test_a_comparison_done_last_is_said_as_true_false_not_first_column_only():
    def relu_backward(dA, Z):
        dZ = dA * np.maximum(Z, 0) > 0
        return dZ

    r = check("relu_backward", relu_backward)
    assert not r.passed
    assert "relu_backward.first_wrong_line_first_column_only" not in r.mistakes, str(r)
    assert r.mistakes[0] == "relu_backward.first_wrong_line_comparison", str(r)
    assert "True/False" in r.hints[0] and "precedence" in r.hints[0]


def test_s_squared_is_said_with_the_broad_slope_mutant():
    def sigmoid_backward(dA, Z):
        s = _sig(Z)
        return dA * s * _sig(Z)

    r = check("sigmoid_backward", sigmoid_backward)
    assert r.mistakes[0] == "sigmoid_backward.wrong_derivative", str(r)
    assert "s^2 where s (1 - s) belongs" in str(r)
    right = check("sigmoid_backward", lambda dA, Z: dA * _sig(Z) * (1 - _sig(Z)))
    assert right.passed


def test_the_cost_with_the_parentheses_of_one_minus_Y_left_out_is_named():
    def compute_cost(AL, Y):
        m = Y.shape[1]
        A = np.clip(AL, 1e-15, 1 - 1e-15)
        return -np.sum(Y * np.log(A) + np.log(1 - A) * 1 - Y) / m

    r = check("compute_cost", compute_cost)
    assert r.mistakes[0] == "compute_cost.cost_parentheses", str(r)
    assert "parentheses around (1 - Y)" in r.hints[0]


def test_a_linear_cache_holding_A_is_not_called_an_overwritten_Z():
    def linear_activation_forward(A_prev, W, b, activation):
        Z = W @ A_prev + b
        A = 1 / (1 + np.exp(-Z)) if activation == "sigmoid" else np.maximum(0, Z)
        return A, ((A, W, b), Z)

    r = check("linear_activation_forward", linear_activation_forward)
    assert "linear_activation_forward.cache_overwritten" not in r.mistakes, str(r)
    # A[l-1]'s slot has its own id (cache_holds_output, diag12); cache_holds_other covers the other slots
    assert r.mistakes[0] == "linear_activation_forward.cache_holds_output", str(r)
    assert "output A[l] where its input A[l-1] belongs" in r.hints[0]
