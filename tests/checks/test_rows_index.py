"""A 2-D array indexed with row numbers alone (checks/indexing.py): whole rows set where single entries
belong, said at the first wrong line (with np.where's / np.nonzero's tuple when the line takes its [0]);
the whole tuple or the mask passes. Learner code written for these tests."""
from dlkit.checks import check

from .notebook import notebook

HEAD = "import numpy as np\n"
ID = "relu_backward.first_wrong_line_rows_index"


def _run(src):
    return check("relu_backward", notebook(HEAD, src)["relu_backward"])


def test_the_row_array_of_nonzero_is_said():
    r = _run('''
def relu_backward(dA, Z):
    dZ = np.array(dA, dtype=float)
    rows, cols = np.nonzero(Z <= 0)
    dZ[rows] = 0
    return dZ
''')
    assert not r.passed and ID in r.mistakes, str(r)
    assert "one array of row numbers" in r.hints[r.mistakes.index(ID)], str(r)


def test_np_nonzero_first_item_is_said_with_the_tuple():
    r = _run('''
def relu_backward(dA, Z):
    dZ = dA.copy()
    dZ[np.nonzero(Z <= 0)[0]] = 0.0
    return dZ
''')
    assert not r.passed and ID in r.mistakes, str(r)
    hint = r.hints[r.mistakes.index(ID)]
    assert "the whole row" in hint and "dZ[np.nonzero(Z <= 0)]" in hint, hint


def test_the_whole_tuple_passes():
    assert _run('''
def relu_backward(dA, Z):
    dZ = dA.copy()
    dZ[np.where(Z <= 0)] = 0
    return dZ
''').passed


def test_another_wrong_mask_is_not_said_as_rows():
    r = _run('''
def relu_backward(dA, Z):
    dZ = dA.copy()
    dZ[Z > 0] = 0
    return dZ
''')
    assert not r.passed and ID not in r.mistakes, str(r)
