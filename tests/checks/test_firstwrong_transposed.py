"""A first wrong line that transposes a quantity is said as transposed (its .T), not as a reshape.

For a (1, m) row, Y.T and Y.reshape(-1, 1) hold the same numbers; the report names the learner's own
operation: "transposed" when the line has .T / np.transpose, "flattened into one column" otherwise.
"""
import numpy as np

from dlkit.checks import check


def test_labels_transposed_with_dot_T_are_said_as_transposed():
    def compute_cost(AL, Y):
        m = Y.shape[1]
        AL = np.clip(AL, 1e-12, 1 - 1e-12)
        Y = Y.T                               # "to match" A[L]: a column now
        logprobs = Y * np.log(AL) + (1 - Y) * np.log(1 - AL)
        return float(-np.sum(logprobs) / m)

    r = check("compute_cost", compute_cost)
    assert not r.passed and r.mistakes[0] == "compute_cost.first_wrong_line_transposed", str(r)
    assert "Y transposed" in r.hints[0] and "reshape" not in r.hints[0], str(r)


def test_labels_transposed_with_np_transpose_are_said_as_transposed():
    def compute_cost(AL, Y):
        m = Y.shape[1]
        Y = np.transpose(Y)
        AL = np.clip(AL, 1e-12, 1 - 1e-12)
        return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)

    r = check("compute_cost", compute_cost)
    assert not r.passed and "transposed" in r.hints[0], str(r)


def test_labels_reshaped_into_a_column_are_said_as_a_reshape_not_a_transpose():
    def compute_cost(AL, Y):
        m = Y.shape[1]
        AL = np.clip(AL, 1e-12, 1 - 1e-12)
        Y = Y.reshape(-1, 1)
        logprobs = Y * np.log(AL) + (1 - Y) * np.log(1 - AL)
        return float(-np.sum(logprobs) / m)

    r = check("compute_cost", compute_cost)
    assert not r.passed and "transposed" not in r.hints[0] and "reshape(-1, 1)" in r.hints[0], str(r)


def test_both_transposed_consistently_is_right():
    def compute_cost(AL, Y):
        m = Y.shape[1]
        Yt, At = Y.T, np.clip(AL, 1e-12, 1 - 1e-12).T                   # both columns: the same entries meet
        return float(-np.sum(Yt * np.log(At) + (1 - Yt) * np.log(1 - At)) / m)

    assert check("compute_cost", compute_cost).passed
