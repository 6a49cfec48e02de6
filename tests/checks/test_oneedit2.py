"""oneedit2: the repair search (checks/oneedit.py) said as one mistake: the same edit on every parallel line
(the W and the b line), one mistake seen from two places (two names swapped between a tuple and an index; an
alias and the in-place change made through it), a name that is stale inside a loop, a retyped operator; the
search also beside a finding that names the mistake, and an alarm that stops a loop even when its first signal is
lost. The learner code is written for these tests (no held-out round's form)."""
import time
import weakref

import pytest

from dlkit.checks import SPECS, check, oneedit
from dlkit.checks.runner import KernelCall
from dlkit.checks.spec import Finding

from .notebook import notebook

HEAD = "import numpy as np\n"
BLOCKS = '''
def linear_forward(A_prev, W, b):
    return np.dot(W, A_prev) + b, (A_prev, W, b)

def sigmoid(Z):
    return 1 / (1 + np.exp(-Z))

def relu(Z):
    return np.maximum(0, Z)
'''


@pytest.fixture(autouse=True)
def _patient(monkeypatch):   # the mechanism, not the wall-clock safety, is tested: a busy machine must not decide
    monkeypatch.setattr(oneedit, "SAFETY", 1.0)


def _report(name, src, *cells):
    r = check(name, notebook(HEAD, *cells, src)[name], time_limit=5)
    return r, str(r)


def _search(name, src, *cells):
    fn = notebook(HEAD, *cells, src)[name]
    call = KernelCall(name, fn, 5)
    return oneedit.search(SPECS[name], fn, call.namespace, call.learner_source(name)[0])


def test_the_same_operator_slip_on_the_W_and_the_b_line_is_one_mistake_repeated():
    found = _search("update_parameters", '''
def update_parameters(parameters, grads, learning_rate):
    new = {}
    for k in range(1, len(parameters) // 2 + 1):
        new["W%d" % k] = parameters["W%d" % k] + learning_rate * grads["dW%d" % k]
        new["b%d" % k] = parameters["b%d" % k] + learning_rate * grads["db%d" % k]
    return new
''')
    assert found and len(found) == 1 and found[0][1] == "op", found
    words = oneedit.say(*found[0][:4])
    assert "adds (+) where the lecture subtracts (-)" in words and "2 parallel lines" in words, words


def test_a_retyped_operator_that_regroups_the_line():
    r, text = _report("update_parameters", '''
def update_parameters(parameters, grads, learning_rate):
    out = dict(parameters)
    for k in range(1, len(parameters) // 2 + 1):
        out["W" + str(k)] = parameters["W" + str(k)] - learning_rate + grads["dW" + str(k)]
        out["b" + str(k)] = parameters["b" + str(k)] - learning_rate + grads["db" + str(k)]
    return out
''')
    assert "update_parameters.one_edit_repeated" in r.mistakes, text
    assert "`+` typed where `*` belongs" in text and "subtracts learning_rate" in text, text


def test_the_same_transpose_in_both_branches_of_an_activation_test():
    found = _search("linear_activation_forward", '''
def linear_activation_forward(A_prev, W, b, activation):
    if activation == "sigmoid":
        Z, linear_cache = linear_forward(A_prev, W.T, b)
        A = sigmoid(Z)
    else:
        Z, linear_cache = linear_forward(A_prev, W.T, b)
        A = relu(Z)
    return A, (linear_cache, Z)
''', BLOCKS)
    assert found and len(found) == 1 and found[0][1] == "T", found
    words = oneedit.say(*found[0][:4])
    assert "the same slip is repeated on line 6" in words, words


def test_two_names_swapped_between_the_unpacking_and_the_index_is_one_mistake():
    r, text = _report("relu_backward", '''
def relu_backward(dA, Z):
    dZ = np.array(dA, dtype=float)
    for r, c in np.argwhere(Z <= 0):
        dZ[c, r] = 0.0
    return dZ
''')
    assert not r.passed and "relu_backward.one_edit_either" in r.mistakes, text
    assert "`c` and `r` are swapped between line" in text, text


def test_an_alias_and_its_in_place_change_is_one_mistake():
    r, text = _report("sigmoid_backward", '''
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    rest = s
    rest -= 1
    rest *= -1
    return dA * s * rest
''')
    assert not r.passed and "sigmoid_backward.one_edit_either" in r.mistakes, text
    assert "another name for the same array" in text and "`rest = s.copy()`" in text, text


def test_a_stale_variable_inside_a_loop_is_said_as_stale():
    r, text = _report("linear_forward", '''
def linear_forward(A_prev, W, b):
    m = A_prev.shape[1]
    Z = np.zeros((W.shape[0], m))
    col = np.add(W @ A_prev[:, [0]], b)
    for j in range(m):
        out = np.add(W @ A_prev[:, [j]], b)
        Z[:, [j]] = col
    return Z, (A_prev, W, b)
''')
    assert not r.passed and "linear_forward.one_edit" in r.mistakes, text
    assert "`col`, a stale variable" in text and "never updated inside it" in text, text


def test_right_forms_with_parallel_lines_and_swapped_tuples_pass():
    for name, src in (("update_parameters", '''
def update_parameters(parameters, grads, learning_rate):
    new = {}
    for k in range(1, len(parameters) // 2 + 1):
        new["W%d" % k] = parameters["W%d" % k] - learning_rate * grads["dW%d" % k]
        new["b%d" % k] = parameters["b%d" % k] - learning_rate * grads["db%d" % k]
    return new
'''), ("relu_backward", '''
def relu_backward(dA, Z):
    dZ = np.array(dA, dtype=float)
    for r, c in np.argwhere(Z <= 0):
        dZ[r, c] = 0.0
    return dZ
'''), ("sigmoid_backward", '''
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    rest = s.copy()
    rest -= 1
    rest *= -1
    return dA * s * rest
''')):
        r, text = _report(name, src)
        assert r.passed, text


def test_the_search_runs_beside_named_findings_only_when_there_is_room():
    named = Finding("relu_backward.wrong_where", "named", [])
    other = Finding("relu_backward.dZ_transposed", "named too", [])
    where = Finding("relu_backward.first_wrong_line", "the line", [])
    assert oneedit.wanted([where], crashes=False)
    assert oneedit.wanted([named, where], crashes=False)
    assert not oneedit.wanted([named, other, where], crashes=False)   # room for none: nothing named is pushed out
    assert oneedit.place([where, named], crashes=False) == 2
    assert oneedit.place([where], crashes=True) == 0   # the only finding that says what: first


def test_the_alarm_stops_a_loop_after_its_first_signal_was_lost():
    def swallowing():   # a bare except swallows the first stop, as a GC weakref callback would
        try:
            while True:
                pass
        except BaseException:   # noqa: BLE001
            pass
        t = time.monotonic()
        while time.monotonic() - t < 3:
            pass

    start = time.monotonic()
    with pytest.raises(oneedit._OutOfTime):
        with oneedit._alarm(time.monotonic() + 0.02):
            swallowing()
    assert time.monotonic() - start < 1


def test_the_alarm_stops_a_loop_when_its_signal_lands_in_a_weakref_callback(monkeypatch):
    import sys
    monkeypatch.setattr(sys, "unraisablehook", lambda _: None)   # the lost alarm is printed nowhere (pytest's hook is code)

    class Thing:
        pass

    lost = []

    def slow_callback(_):
        lost.append(1)
        t = time.monotonic()
        while time.monotonic() - t < 0.03:   # the first alarms land here: "Exception ignored", lost
            pass

    thing = Thing()
    ref = weakref.ref(thing, slow_callback)
    start = time.monotonic()
    with pytest.raises(oneedit._OutOfTime):
        with oneedit._alarm(time.monotonic() + 0.02):
            del thing
            t = time.monotonic()
            while time.monotonic() - t < 3:
                pass
    assert ref() is None and time.monotonic() - start < 1
    assert lost   # the callback ran while the first alarms came (each lost there)


def test_no_accidental_fix_through_an_out_array_or_a_far_argument_swap():
    found = _search("relu", '''
def relu(Z):
    np.maximum(Z, 0, out=Z)
    return Z
''')
    words = [oneedit.say(*f[:4]) for f in found or []]
    assert not any("out=-Z" in w or "wrong sign" in w for w in words), words
    found = _search("sigmoid", '''
def sigmoid(Z):
    return np.where(Z >= 0, 1 / (1 + np.exp(Z)), 1 / (1 + np.exp(Z)))
''')
    words = [oneedit.say(*f[:4]) for f in found or []]
    assert not any("np.where(1 / (1 + np.exp(Z))" in w for w in words), words
