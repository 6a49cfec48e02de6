"""diagF: output forms (checks/outputforms.py) and hints that say the concept in the words a learner
reads: an activation right except on a region of Z where it is left at 0 (a mask or branch that
leaves entries out), the right values as a Python list, the softplus for ReLU; linear_cache "must be"
its three items, a caches list extended two items per layer, replaced by one cache, the output layer
fed X, the input of the network. Each with a right implementation (or a near miss) that must not get
the finding. The learner code is written for these tests."""
import numpy as np

import dlkit
from dlkit.checks import check

from .notebook import notebook

HEAD = "import numpy as np\n"
linear_activation_forward = dlkit.linear_activation_forward


def _failed(name, src):
    r = check(name, notebook(HEAD, src)[name], time_limit=5)
    assert not r.passed, str(r)
    return r, str(r)


def _passes(name, src):
    r = check(name, notebook(HEAD, src)[name], time_limit=5)
    assert r.passed, str(r)
    return r


def test_sigmoid_left_at_zero_where_Z_is_negative():
    r, text = _failed("sigmoid", '''
def sigmoid(Z):
    return np.where(Z >= 0, 1 / (1 + np.exp(-np.abs(Z))), 0.0)
''')
    assert "sigmoid.right_except_where" in r.mistakes, text
    assert "except where Z < 0" in text and "left at 0" in text


def test_sigmoid_left_at_zero_where_Z_is_exactly_zero():
    r, text = _failed("sigmoid", '''
def sigmoid(Z):
    out = np.zeros(Z.shape)
    e = np.exp(-np.abs(Z))
    np.copyto(out, 1 / (1 + e), where=Z > 0)
    np.copyto(out, e / (1 + e), where=Z < 0)
    return out
''')
    assert "sigmoid.right_except_where" in r.mistakes, text
    assert "Z == 0" in text and "neither of the masks" in text


def test_a_stable_sigmoid_by_masks_passes_and_a_short_loop_is_a_loop():
    _passes("sigmoid", '''
def sigmoid(Z):
    out = np.empty(Z.shape)
    e = np.exp(-np.abs(Z))
    np.copyto(out, 1 / (1 + e), where=Z >= 0)
    np.copyto(out, e / (1 + e), where=Z < 0)
    return out
''')
    r, text = _failed("sigmoid", '''
def sigmoid(Z):
    A = np.zeros(Z.shape)
    for j in range(Z.shape[1] - 1):
        A[:, j] = 1 / (1 + np.exp(-Z[:, j]))
    return A
''')
    assert "sigmoid.right_except_where" not in r.mistakes, text


def test_relu_as_a_nested_list():
    r, text = _failed("relu", '''
def relu(Z):
    return [[z if z > 0 else 0.0 for z in row] for row in Z]
''')
    assert r.mistakes[0] == "relu.list_not_array", text
    assert "Python list, not a numpy array" in text
    _passes("relu", '''
def relu(Z):
    return np.array([[z if z > 0 else 0.0 for z in row] for row in Z])
''')


def test_relu_as_the_softplus():
    r, text = _failed("relu", '''
def relu(Z):
    return np.logaddexp(0, Z)
''')
    assert r.mistakes[0] == "relu.softplus", text
    assert "softplus" in text and "smooth" in text
    r, text = _failed("sigmoid", '''
def sigmoid(Z):
    return np.logaddexp(0, Z)
''')
    assert "sigmoid.softplus" not in r.mistakes, text


def test_linear_cache_must_be_its_three_items():
    r, text = _failed("linear_forward", '''
def linear_forward(A_prev, W, b):
    Z = np.dot(W, A_prev) + b
    return Z, (A_prev, W, b, W.shape)
''')
    assert "linear_cache must be (A_prev, W, b)" in text, text


def _caches_extended(X, parameters):
    caches, A, L = [], X, len(parameters) // 2
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"],
                                             "sigmoid" if l == L else "relu")
        caches += list(cache)
    return A, caches


def _caches_one(X, parameters):
    caches, A, L = [], X, len(parameters) // 2
    for l in range(1, L + 1):
        A, caches = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"],
                                              "sigmoid" if l == L else "relu")
    return A, caches


def _output_fed_X(X, parameters):
    caches, A, L = [], X, len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
        caches.append(cache)
    A_out, cache = linear_activation_forward(X, parameters["W%d" % L], parameters["b%d" % L], "sigmoid")
    caches.append(cache)
    return A_out, caches


def _model_forward_right(X, parameters):
    caches, A, L = [], X, len(parameters) // 2
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"],
                                             "sigmoid" if l == L else "relu")
        caches.append(cache)
    return A, caches


def test_caches_said_by_their_items():
    r = check("model_forward", _caches_extended, time_limit=5)
    assert not r.passed and r.mistakes[0] == "model_forward.caches_layers" and "two items per layer" in str(r)
    r = check("model_forward", _caches_one, time_limit=5)
    assert not r.passed and r.mistakes[0] == "model_forward.caches_one_cache" and "replaced" in str(r)
    r = check("model_forward", _output_fed_X, time_limit=5)
    assert not r.passed and "the input of the network" in str(r), str(r)
    assert check("model_forward", _model_forward_right, time_limit=5).passed


def test_outputs_right_everywhere_get_no_output_form():
    for name, src in (("relu", "def relu(Z):\n    return np.fmax(Z, 0)\n"),
                      ("sigmoid", "def sigmoid(Z):\n    return 0.5 * (1 + np.tanh(Z / 2))\n")):
        _passes(name, src)
    assert np.isfinite(0.0)
