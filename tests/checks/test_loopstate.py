"""model_backward's crash said by the loop's state where it raised (checks/loopstate.py): a cache index
that went negative (one layer too many), and a step reading the dA it has still to compute. Forms of my
own; a right loop written the same way passes."""
from dlkit.checks import check

from .notebook import notebook

HEAD = "import numpy as np\nfrom dlkit import linear_activation_backward\n"

ONE_TOO_MANY = '''
def model_backward(AL, Y, caches):
    grads = {}
    n_layers = len(caches)
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    for k in range(n_layers, -1, -1):
        act = "sigmoid" if k == n_layers else "relu"
        dA, grads["dW%d" % k], grads["db%d" % k] = linear_activation_backward(dA, caches[k - 1], act)
        grads["dA%d" % (k - 1)] = dA
    return grads
'''

OWN_OUTPUT = '''
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(Y / AL) + (1 - Y) / (1 - AL)
    grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = linear_activation_backward(dAL, caches[-1], "sigmoid")
    for i in range(L - 2, -1, -1):
        cache = caches[i]
        out = linear_activation_backward(grads[f"dA{i}"], cache, "relu")
        grads[f"dA{i}"], grads[f"dW{i + 1}"], grads[f"db{i + 1}"] = out
    return grads
'''


def test_a_negative_cache_index_is_one_layer_too_many():
    r = check("model_backward", notebook(HEAD, ONE_TOO_MANY)["model_backward"])
    assert not r.passed
    assert r.mistakes[0] == "model_backward.cache_wrapped", str(r)
    assert "one layer too many" in r.hints[0] and "caches[-1]" in r.hints[0] and "output layer's" in r.hints[0]


def test_a_step_reading_its_own_dA_is_said_by_its_layer():
    r = check("model_backward", notebook(HEAD, OWN_OUTPUT)["model_backward"])
    assert not r.passed
    assert r.mistakes[0] == "model_backward.reads_own_output", str(r)
    assert "The step of layer 1 (caches[i], with i = 0) reads grads['dA0']" in r.hints[0]
    assert "not computed yet" in r.hints[0] and "grads['dA1']" in r.hints[0]


def test_the_same_loops_written_right_pass():
    right_range = ONE_TOO_MANY.replace("range(n_layers, -1, -1)", "range(n_layers, 0, -1)")
    right_key = OWN_OUTPUT.replace('grads[f"dA{i}"], cache', 'grads[f"dA{i + 1}"], cache')
    for src in (right_range, right_key):
        r = check("model_backward", notebook(HEAD, src)["model_backward"])
        assert r.passed, str(r)
        assert not {"model_backward.cache_wrapped", "model_backward.reads_own_output"} & set(r.mistakes)


def test_caches_minus_one_written_for_the_output_layer_is_not_blamed():
    src = OWN_OUTPUT.replace('grads[f"dA{i}"], cache', 'grads[f"dA{i + 1}"], cache').replace(
        'dAL = -(Y / AL) + (1 - Y) / (1 - AL)', 'dAL = -(Y / AL) + (1 - Y) / (1 - AL)\n    dAL = dAL.T')
    r = check("model_backward", notebook(HEAD, src)["model_backward"])
    assert not r.passed and "model_backward.cache_wrapped" not in r.mistakes, str(r)


def test_a_while_condition_that_lets_layer_0_run_is_said():
    src = '''
def model_backward(AL, Y, caches):
    grads = {}
    k = len(caches)
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    while k > -1:
        dA, grads["dW" + str(k)], grads["db" + str(k)] = linear_activation_backward(
            dA, caches[k - 1], "sigmoid" if k == len(caches) else "relu")
        grads["dA" + str(k - 1)] = dA
        k -= 1
    return grads
'''
    r = check("model_backward", notebook(HEAD, src)["model_backward"])
    assert not r.passed and r.mistakes[0] == "model_backward.cache_wrapped", str(r)
    assert r.hints[0].startswith("The loop's condition `k > -1` lets it run for k = 0 too"), str(r)
