"""A hint chosen from an exception or a symptom is given only when its cause is in the learner's code:
the tuning bugs of catalog_causes.py (another cause, the same crash) never get the misattributed hint."""
import pytest

from dlkit.checks import check
from dlkit.checks import causes

from . import catalog_causes
from .registry import BUGGY

CASES = [(ex, mid, fn, catalog_causes.MISATTRIBUTED[fn.__code__.co_firstlineno]) for ex, mid, fn in BUGGY
         if fn.__code__.co_firstlineno in catalog_causes.MISATTRIBUTED and fn.__module__.endswith("catalog_causes")]


@pytest.mark.parametrize("exercise, mistake, fn, wrong", CASES, ids=[c[1] + "-not-" + c[3][1] for c in CASES])
def test_misattributed_hint_is_not_given(exercise, mistake, fn, wrong):
    _, wrong_id, wrong_text = wrong
    result = check(exercise, fn, time_limit=5)
    assert mistake in result.mistakes, str(result)
    if wrong_text is None:
        assert wrong_id not in result.mistakes, str(result)
    else:
        hint = result.hints[result.mistakes.index(wrong_id)] if wrong_id in result.mistakes else ""
        assert wrong_text not in hint, str(result)


def test_catalog_causes_is_registered():
    assert len(CASES) >= 12


def test_key_error_fact_names_the_dicts():
    class Err:
        message = "'W1'"
    text = causes.key_error_fact(Err(), ("parameters", "grads"), ({"W1": 1, "b1": 2}, {"dW1": 1, "db1": 2}))
    assert "'W1' is a key of parameters" in text and "grads has the keys dW1, db1" in text
    Err.message = "'w1'"
    text = causes.key_error_fact(Err(), ("parameters",), ({"W1": 1, "b1": 2},))
    assert "parameters has no key 'w1'" in text and "case-sensitive" in text


def test_key_cause_says_the_layer_numbering_and_the_d_prefix():
    params = {"W1": 1, "b1": 2, "W2": 3, "b2": 4}
    grads = {"dA1": 0, "dW2": 1, "db2": 2, "dA0": 0, "dW1": 1, "db1": 2}
    names = ("parameters", "grads")
    said = causes.key_cause("'W0'", names, (params, grads))
    assert "there is no W0" in said and "numbered 1..L" in said and "W1..W2" in said
    assert "one layer past the last" in causes.key_cause("'b3'", names, (params, grads))
    assert "carry a 'd'" in causes.key_cause("'W1'", names, (params, grads))       # W1 asked of grads
    said = causes.key_cause("'A1'", names, (params, grads))                     # dA1 with its d dropped
    assert "dA1" in said and "gradients of the activations" in said
    assert "case sensitive" in causes.key_cause("'w1'", ("parameters",), (params,))
    assert causes.key_cause("'Z1'", names, (params, grads)) is None              # nothing the lecture names
    assert causes.key_cause("3", names, (params, grads)) is None


def test_activation_tests_reads_is_and_spellings():
    src = 'def f(activation):\n    if activation is "relu":\n        pass\n    elif activation == "Sigmoid":\n        pass\n'
    tests = causes.activation_tests(src)
    assert tests["is"] == ['activation is "relu"'] and tests["names"] == ["Sigmoid"]
    assert causes.activation_tests('def f(activation):\n    return activation == "relu"\n')["is"] == []


def test_integer_cause():
    assert causes.integer_cause("def f(Z):\n    return Z // 2\n") is True
    assert causes.integer_cause("def f(p):\n    L = len(p) // 2\n    return L\n") is False
    assert causes.integer_cause("def f(Z):\n    return (Z > 0.5) * 1.0\n") is False
    assert causes.integer_cause(None) is None


def test_len_not_halved():
    assert causes.len_not_halved("def f(parameters):\n    L = len(parameters)\n")
    assert not causes.len_not_halved("def f(parameters):\n    L = len(parameters) // 2\n")


def test_branch_cause_says_why_one_activation_runs_for_every_layer():
    loose = ('def f(A_prev, W, b, activation):\n    Z = W @ A_prev + b\n'
             '    if activation == "relu" or "sigmoid":\n        A = np.maximum(0, Z)\n'
             '    else:\n        A = 1 / (1 + np.exp(-Z))\n    return A\n')
    assert "always true" in causes.branch_cause(loose, "relu")
    pasted = ('def f(dA, cache, activation):\n    lc, ac = cache\n    if activation == "sigmoid":\n'
              '        dZ = relu_backward(dA, ac)\n    else:\n        dZ = relu_backward(dA, ac)\n'
              '    return linear_backward(dZ, lc)\n')
    assert "sigmoid branch must call sigmoid_backward" in causes.branch_cause(pasted, "relu")
    no_else = ('def f(A_prev, W, b, activation):\n    Z = W @ A_prev + b\n    if activation == "relu":\n'
               '        A = relu(Z)\n    A = sigmoid(Z)\n    return A\n')
    assert "put it in an else branch" in causes.branch_cause(no_else, "sigmoid")
    right = ('def f(A_prev, W, b, activation):\n    Z = W @ A_prev + b\n    if activation == "relu":\n'
             '        A = relu(Z)\n    else:\n        A = sigmoid(Z)\n    return A\n')
    assert causes.branch_cause(right, "sigmoid") is None and causes.branch_cause(right, "relu") is None
