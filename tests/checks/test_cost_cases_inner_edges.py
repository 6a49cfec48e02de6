"""compute_cost's random cases put A[L] at exactly 0 / 1 on inner examples only: a loss of ~0 on the
first or the last example would hide a loop that leaves that example out (range(m - 1), range(1, m))."""
import numpy as np
import pytest

from dlkit.checks import SPECS, check, cases as C


def _loop_cost(skip_first, skip_last):
    def compute_cost(AL, Y):
        m = Y.shape[1]
        AL = np.clip(AL, 1e-15, 1 - 1e-15)
        total = 0.0
        for i in range(1 if skip_first else 0, m - 1 if skip_last else m):
            total += Y[0, i] * np.log(AL[0, i]) + (1 - Y[0, i]) * np.log(1 - AL[0, i])
        return float(-total / m)
    return compute_cost


@pytest.mark.parametrize("m", [5, 6, 12, 40])
def test_saturated_examples_are_inner(m):
    rng = np.random.default_rng(m)
    Y = C.labels(rng, m)
    AL = C.saturated(C.probabilities(rng, m), Y)
    edge = (AL == 0) | (AL == 1) | (AL < 1e-11) | (AL > 1 - 1e-11)
    assert edge.any(), "the case must still reach A[L] = 0 or 1"
    assert not edge[0, 0] and not edge[0, -1]


@pytest.mark.parametrize("skip_first, skip_last, words", [(False, True, "last example"), (True, False, "first example")])
def test_a_loop_that_leaves_an_example_out_is_named_so(skip_first, skip_last, words):
    report = str(check("compute_cost", _loop_cost(skip_first, skip_last)))
    assert words in report and "left out of the sum" in report
    assert "term is missing" not in report      # not the (1 - Y) log(1 - A[L]) mutant any more


def test_the_full_loop_passes_public_and_hidden():
    fn = _loop_cost(False, False)
    assert check("compute_cost", fn).passed
    from dlkit.checks.runner import KernelCall
    assert SPECS["compute_cost"].run(KernelCall("compute_cost", fn, 5), seed=7).passed
