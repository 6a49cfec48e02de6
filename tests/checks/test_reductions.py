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


def softmax_units(Z):
    e = np.exp(Z - np.max(Z, axis=0, keepdims=True))     # the stable softmax, over the units
    return e / e.sum(axis=0, keepdims=True)


def sigmoid_normalised(Z):
    s = 1 / (1 + np.exp(-Z))
    return s / np.sum(s, axis=0, keepdims=True)


def softmax_examples(Z):
    e = np.exp(Z)
    A = e / np.sum(e, axis=1, keepdims=True)
    return A


def relu_normalised(Z):
    A = np.maximum(0, Z) + 1e-3
    return A / A.sum(axis=0)


@pytest.mark.parametrize("exercise, fn, over", [("sigmoid", softmax_units, "down each column"),
                                                ("sigmoid", sigmoid_normalised, "down each column"),
                                                ("sigmoid", softmax_examples, "along each row"),
                                                ("relu", relu_normalised, "down each column")])
def test_an_output_divided_by_its_sum_is_said_as_a_normalisation(exercise, fn, over):
    r = check(exercise, fn)   # after a source rule or the traced line that quotes the learner's own line
    assert not r.passed and f"{exercise}.normalised" in r.mistakes, str(r)
    hint = r.hints[r.mistakes.index(f"{exercise}.normalised")]
    assert over in hint and "softmax" in hint, hint


def test_a_constant_output_gets_no_formula_claimed():
    def sigmoid(Z):
        e = np.exp(Z)
        A = e / e                              # all 1s
        return A

    r = check("sigmoid", sigmoid)
    assert not r.passed and "is used instead of" not in str(r), str(r)
