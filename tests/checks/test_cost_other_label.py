"""compute_cost's swapped logs are said by what they do to each example (scored on the other label's
probability), which is true however the swap was written: logs exchanged, np.where's test inverted."""
import numpy as np
import pytest

from dlkit.checks import check


def _logs_exchanged(AL, Y):
    AL = np.clip(AL, 1e-12, 1 - 1e-12)
    return float(-np.sum(Y * np.log(1 - AL) + (1 - Y) * np.log(AL)) / Y.shape[1])


def _where_inverted(AL, Y):
    AL = np.clip(AL, 1e-12, 1 - 1e-12)
    p = np.where(Y == 1, 1 - AL, AL)          # the probability given to each example's label, inverted
    return float(-np.mean(np.log(p)))


@pytest.mark.parametrize("fn", [_logs_exchanged, _where_inverted])
def test_swapped_logs_are_said_as_the_other_labels_probability(fn):
    r = check("compute_cost", fn)
    assert not r.passed and r.mistakes[0] == "compute_cost.terms_swapped", str(r)
    assert "probability of the other label" in r.hints[0], r.hints[0]


def test_the_where_form_with_the_right_test_passes():
    def compute_cost(AL, Y):
        AL = np.clip(AL, 1e-12, 1 - 1e-12)
        return float(-np.mean(np.log(np.where(Y == 1, AL, 1 - AL))))

    assert check("compute_cost", compute_cost).passed
