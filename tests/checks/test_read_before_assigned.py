"""A name read before any line has assigned it (UnboundLocalError, checks/unbound.py): said with the
lecture's name and, when it goes into a dlkit block, the block's argument that belongs there; a name
left unset by a branch that did not run keeps its own diagnosis, and right code passes. Learner code
written for these tests."""
from dlkit.checks import check

from .notebook import notebook

HEAD = ("import numpy as np\nfrom dlkit.activations import sigmoid, relu, sigmoid_backward, relu_backward\n"
        "from dlkit.layers import linear_backward\n")
ID = "read_before_assigned"


def _run(name, src):
    return check(name, notebook(HEAD, src)[name])


def test_the_quantity_a_line_computes_read_on_that_line():
    r = _run("sigmoid_backward", '''
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    dZ = dZ * s * (1 - s)
    return dZ
''')
    assert not r.passed and r.mistakes[0] == f"sigmoid_backward.{ID}", str(r)
    assert "dZ (dZ[l]) is not yet assigned" in r.hints[0] and "what this line computes" in r.hints[0], str(r)


def test_a_block_given_the_name_it_returns_says_the_argument_it_takes():
    r = _run("linear_activation_backward", '''
def linear_activation_backward(dA, cache, activation):
    lin, act = cache
    if activation == "relu":
        dZ = relu_backward(dA, act)
    else:
        dZ = sigmoid_backward(dA, act)
    dA_prev, dW, db = linear_backward(dA_prev, lin)
    return dA_prev, dW, db
''')
    assert not r.passed and r.mistakes[0] == f"linear_activation_backward.{ID}", str(r)
    assert "linear_backward's first argument is dZ" in r.hints[0], str(r)


def test_the_functions_own_argument_is_named_when_it_was_meant():
    r = _run("linear_activation_backward", '''
def linear_activation_backward(dA, cache, activation):
    lin, act = cache
    dZ = sigmoid_backward(dZ, act) if activation == "sigmoid" else relu_backward(dA, act)
    return linear_backward(dZ, lin)
''')
    assert not r.passed and r.mistakes[0] == f"linear_activation_backward.{ID}", str(r)
    assert "dA was meant where dZ stands" in r.hints[0], str(r)


def test_a_branch_that_did_not_run_is_not_said_as_read_before_assigned():
    r = _run("linear_activation_backward", '''
def linear_activation_backward(dA, cache, activation):
    lin, act = cache
    if activation == "relu":
        dZ = relu_backward(dA, act)
    elif activation == "sigmoidal":
        dZ = sigmoid_backward(dA, act)
    return linear_backward(dZ, lin)
''')
    assert not r.passed and f"linear_activation_backward.{ID}" not in r.mistakes, str(r)


def test_right_code_passes():
    assert _run("linear_activation_backward", '''
def linear_activation_backward(dA, cache, activation):
    lin, act = cache
    dZ = sigmoid_backward(dA, act) if activation == "sigmoid" else relu_backward(dA, act)
    return linear_backward(dZ, lin)
''').passed
