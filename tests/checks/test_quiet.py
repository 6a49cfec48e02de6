"""A checkpoint prints nothing of the learner's: not during its case runs, and not while it diagnoses
(the repair search and the traced runs call the learner's code again). nbgrader gives a grade cell with
any stderr output 0 points, so a print or a warning that escaped would cost a learner their marks."""
import sys
import warnings

import numpy as np

from dlkit.checks import check
from dlkit.checks.nbgrader import grade


def noisy_sigmoid_backward(dA, Z):   # a + typed for a -: the repair search finds it (it reruns this)
    print("debugging dZ", file=sys.stderr)
    print("on stdout too")
    warnings.warn("a learner's warning")
    s = 1 / (1 + np.exp(-Z))
    return dA * s * (1 + s)


def test_check_prints_nothing_while_it_diagnoses(capfd):
    result = check("sigmoid_backward", noisy_sigmoid_backward)
    assert not result.passed
    out, err = capfd.readouterr()
    assert "debugging" not in err and "warning" not in err and "on stdout" not in out, (out, err)


def test_grade_prints_only_the_report(capfd):
    points = grade("sigmoid_backward", noisy_sigmoid_backward)
    out, err = capfd.readouterr()
    assert points == 0 and err == "", err
    assert out.startswith("sigmoid_backward: 0/1") and "on stdout" not in out
