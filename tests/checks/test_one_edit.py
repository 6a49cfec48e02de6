"""diagF: one edit of the learner's function that makes it right (checks/oneedit.py): a call's
parenthesis closed too late, an axis turned the other way, one operator for its usual confusion;
said only when the edited function is right on every public case. The learner code is written for
these tests."""
from dlkit.checks import check

from .notebook import notebook

HEAD = "import numpy as np\n"


def _report(src):
    r = check("linear_forward", notebook(HEAD, src)["linear_forward"], time_limit=5)
    return r, str(r)


def test_parenthesis_closed_too_late():
    r, text = _report('''
def linear_forward(A_prev, W, b):
    Z = np.dot(W, A_prev + b)
    return Z, (A_prev, W, b)
''')
    assert not r.passed and "linear_forward.one_edit" in r.mistakes, text
    assert "`np.dot(W, A_prev) + b`" in text and "parentheses close too late" in text


def test_axis_the_other_way():
    r, text = _report('''
def linear_forward(A_prev, W, b):
    m = A_prev.shape[1]
    wide = np.concatenate([b] * m, axis=0)
    return np.dot(W, A_prev) + wide, (A_prev, W, b)
''')
    assert not r.passed and "linear_forward.one_edit" in r.mistakes, text
    assert "axis=1" in text and "across the columns" in text


def test_one_operator_swapped():
    r, text = _report('''
def linear_forward(A_prev, W, b):
    Z = W * A_prev + b
    return Z, (A_prev, W, b)
''')
    assert not r.passed and "linear_forward.one_edit" in r.mistakes, text
    assert "(*) where the lecture takes the matrix product (@)" in text


def test_no_edit_claimed_when_none_fixes_it_and_right_code_passes():
    r, text = _report('''
def linear_forward(A_prev, W, b):
    Z = W @ A_prev - 2 * b
    return Z, (A_prev, W, b)
''')
    assert not r.passed and "linear_forward.one_edit" not in r.mistakes, text
    r, text = _report('''
def linear_forward(A_prev, W, b):
    Z = np.dot(W, A_prev) + b
    return Z, (A_prev, W, b)
''')
    assert r.passed, text
