"""Right on the first n[l] columns only, the others left as they were (checks/whereonly.py): a column
bound taken from the rows' count. Said on every wrong case; a mistake on other columns is not said so,
and right code passes. Learner code written for these tests."""
from dlkit.checks import check

from .notebook import notebook

HEAD = "import numpy as np\n"
ID = "columns_up_to_rows"


def _run(name, src):
    return check(name, notebook(HEAD, src)[name])


def test_a_slice_bounded_by_the_rows_is_said():
    r = _run("relu_backward", '''
def relu_backward(dA, Z):
    dZ = dA.copy()
    k = dZ.shape[0]
    dZ[:, :k] = dA[:, :k] * (Z[:, :k] > 0)
    return dZ
''')
    assert not r.passed and f"relu_backward.{ID}" in r.mistakes, str(r)
    hint = r.hints[r.mistakes.index(f"relu_backward.{ID}")]
    assert "as many as it has rows" in hint and "keep dA[l] as it was" in hint, hint


def test_a_while_loop_over_the_rows_count_is_said():
    r = _run("relu_backward", '''
def relu_backward(dA, Z):
    out = np.array(dA, dtype=float)
    c = 0
    while c < len(Z):
        out[:, c] = np.where(Z[:, c] > 0, dA[:, c], 0.0)
        c += 1
    return out
''')
    assert not r.passed and f"relu_backward.{ID}" in r.mistakes, str(r)


def test_the_last_column_alone_wrong_is_not_said_so():
    r = _run("relu_backward", '''
def relu_backward(dA, Z):
    dZ = dA * (Z > 0)
    dZ[:, -1] = dA[:, -1]
    return dZ
''')
    assert not r.passed and f"relu_backward.{ID}" not in r.mistakes, str(r)


def test_right_code_passes():
    assert _run("relu_backward", '''
def relu_backward(dA, Z):
    dZ = dA.copy()
    for i in range(Z.shape[0]):
        for j in range(Z.shape[1]):
            if Z[i, j] <= 0:
                dZ[i, j] = 0
    return dZ
''').passed
