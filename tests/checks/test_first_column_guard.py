"""The words "right for the first example (column 0) only" are said of code that handles one column, not of an
entry-wise mistake that happens to spare column 0 (its other columns are right in places too)."""
from dlkit.checks import check

from .notebook import notebook

HEAD = "import numpy as np\n"


def _report(body):
    src = ("def linear_activation_forward(A_prev, W, b, activation):\n"
           "    Z = np.dot(W, A_prev) + b\n"
           "    if activation == 'sigmoid':\n"
           f"        {body}\n"
           "    else:\n"
           "        A = np.maximum(Z, 0)\n"
           "    return A, ((A_prev, W, b), Z)\n")
    return check("linear_activation_forward", notebook(HEAD, src)["linear_activation_forward"])


def test_an_entry_wise_mistake_sparing_column_0_is_not_one_column():
    # wrong only where Z > 0; on the public case column 0 has no positive Z, so it is right by coincidence
    r = _report("A = 1 / (1 + np.exp(-Z)) + np.maximum(Z, 0)")
    assert not r.passed
    assert "column 0) only" not in str(r), str(r)
    assert "relu(Z[l]) + A[l]" in str(r), str(r)


def test_code_that_handles_column_0_alone_is_still_said_so():
    r = _report("A = Z.copy(); A[:, 0] = 1 / (1 + np.exp(-Z[:, 0]))")
    assert not r.passed
    assert "first example (column 0) only" in str(r), str(r)
