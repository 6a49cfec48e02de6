"""One number (or one value per row / column) where an array belongs, said as the reduction it is
(dlkit/checks/reductions.py): np.max without axis, np.mean, a sum down the columns, a reduction of an
input; right forms and a flattened output are not said as reductions."""
import numpy as np
import pytest

from dlkit.checks import check


def relu_max_no_axis(Z):
    return np.max([Z, np.zeros_like(Z)])


def relu_max_rows(Z):
    return np.maximum(0, Z).max(axis=1)


def sigmoid_mean(Z):
    return np.mean(1 / (1 + np.exp(-Z)))


def relu_backward_column_sums(dA, Z):
    return np.sum(dA * (Z > 0), axis=0, keepdims=True)


def relu_backward_sum_of_dA(dA, Z):
    total = np.sum(dA)
    return total


CASES = {   # name -> (exercise, function, words the hint must hold)
    "np.max, no axis": ("relu", relu_max_no_axis, ["one number", "largest entry", "np.maximum"]),
    "max over the rows": ("relu", relu_max_rows, ["one value per row", "axis=1"]),
    "mean": ("sigmoid", sigmoid_mean, ["one number", "the mean"]),
    "sum down the columns": ("relu_backward", relu_backward_column_sums, ["one value per column", "axis=0"]),
    "sum of an input": ("relu_backward", relu_backward_sum_of_dA, ["the sum of dA[l]"]),
}


@pytest.mark.parametrize("name", CASES)
def test_a_reduction_where_an_array_belongs_is_said(name):
    exercise, fn, words = CASES[name]
    r = check(exercise, fn)
    assert not r.passed and r.mistakes[0] == f"{exercise}.reduced", str(r)
    for w in words:
        assert w in r.hints[0], (name, r.hints[0])


def test_the_entry_by_entry_forms_pass():
    assert check("relu", lambda Z: np.maximum(Z, 0)).passed
    assert check("relu", lambda Z: np.max([Z, np.zeros_like(Z)], axis=0)).passed


def test_a_flattened_output_is_not_said_as_a_reduction():
    r = check("sigmoid", lambda Z: (1 / (1 + np.exp(-Z))).ravel())
    assert not r.passed and "reduced" not in " ".join(r.mistakes), str(r)
