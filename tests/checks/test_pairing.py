"""update_parameters' crash said by the pairing of its operands (checks/pairing.py): a parameter met
another key's gradient (an activation's dA, the last layer's dW[L] for every layer). Forms of my own;
the right update written the same ways passes."""
from dlkit.checks import check

from .notebook import notebook

HEAD = "import numpy as np\n"

BY_POSITION = '''
def update_parameters(parameters, grads, learning_rate):
    out = {}
    names = list(parameters)
    grad_names = [k for k in grads]
    for i in range(len(names)):
        out[names[i]] = parameters[names[i]] - learning_rate * grads[grad_names[i]]
    return out
'''

LAST_LAYER = '''
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    out = {}
    for i in range(L):
        out[f"W{i + 1}"] = parameters[f"W{i + 1}"] - learning_rate * grads[f"dW{L}"]
        out[f"b{i + 1}"] = parameters[f"b{i + 1}"] - learning_rate * grads[f"db{L}"]
    return out
'''


def _run(src):
    return check("update_parameters", notebook(HEAD, src)["update_parameters"])


def test_keys_paired_by_position_name_the_gradient_met():
    r = _run(BY_POSITION)
    assert not r.passed
    assert r.mistakes[0] == "update_parameters.other_gradient_met", str(r)
    assert "with the wrong gradient" in r.hints[0] and "grads['d" in r.hints[0]


def test_the_last_layers_gradient_for_every_layer():
    r = _run(LAST_LAYER)
    assert not r.passed
    assert r.mistakes[0] == "update_parameters.other_gradient_met", str(r)
    assert "the last layer's gradient" in r.hints[0] and "W[1] takes its own gradient dW[1]" in r.hints[0]


def test_the_right_pairings_pass():
    by_key = BY_POSITION.replace("grads[grad_names[i]]", 'grads["d" + names[i]]')
    loop = LAST_LAYER.replace('f"dW{L}"', 'f"dW{i + 1}"').replace('f"db{L}"', 'f"db{i + 1}"')
    for src in (by_key, loop):
        r = _run(src)
        assert r.passed, str(r)
        assert "update_parameters.other_gradient_met" not in r.mistakes
