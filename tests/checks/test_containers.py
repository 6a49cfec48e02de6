"""The returned container said against the lecture's (helper r14fam, containers.py): a dict where a tuple
belongs, a nested per-layer dict (integer keys), a list of per-layer dicts, extra keys beside every needed one.
Learner code written for these tests, in five exercises; the right forms pass."""
from dlkit.checks import check

from .notebook import notebook

HEAD = "import numpy as np\nfrom dlkit import linear_forward, linear_activation_backward, sigmoid, relu\n"


def _run(name, src):
    return check(name, notebook(HEAD, src)[name])


def _hint(r, suffix):
    ids = [m for m in r.mistakes if m.endswith(suffix)]
    assert ids, str(r)
    return r.hints[r.mistakes.index(ids[0])]


def test_linear_forward_returns_a_dict_of_its_own_keys():
    r = _run("linear_forward", '''
def linear_forward(A_prev, W, b):
    out = {"Z": W @ A_prev + b}
    out["linear_cache"] = (A_prev, W, b)
    return out
''')
    assert not r.passed
    hint = _hint(r, ".returns_wrong_structure")
    assert "dict" in hint and "tuple of 2 items" in hint and "Z, linear_cache" in hint, hint
    assert "(one key for each of them)" in hint   # its keys are exactly Z and linear_cache


def test_linear_activation_forward_returns_a_dict_with_other_keys():
    r = _run("linear_activation_forward", '''
def linear_activation_forward(A_prev, W, b, activation):
    Z, lc = linear_forward(A_prev, W, b)
    A = relu(Z) if activation == "relu" else sigmoid(Z)
    return {"out": A, "saved": (lc, Z)}
''')
    assert not r.passed
    hint = _hint(r, ".returns_wrong_structure")
    assert "(one key for each of them)" not in hint and "tuple of 2 items" in hint, hint


def test_update_parameters_nested_per_layer():
    r = _run("update_parameters", '''
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    new = {}
    for l in range(1, L + 1):
        new[l] = {"W": parameters["W%d" % l] - learning_rate * grads["dW%d" % l],
                  "b": parameters["b%d" % l] - learning_rate * grads["db%d" % l]}
    return new
''')
    assert not r.passed
    hint = _hint(r, ".nested_per_layer")
    assert "one dict per layer" in hint and "integer keys 1, 2" in hint, hint


def test_model_backward_tuples_under_string_digit_keys():
    r = _run("model_backward", '''
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    for l in range(L, 0, -1):
        act = "sigmoid" if l == L else "relu"
        grads[str(l)] = linear_activation_backward(dA, caches[l - 1], act)
        dA = grads[str(l)][0]
    return grads
''')
    assert not r.passed
    hint = _hint(r, ".nested_per_layer")
    assert "one tuple per layer" in hint, hint


def test_initialize_parameters_a_list_of_layer_dicts():
    r = _run("initialize_parameters", '''
def initialize_parameters(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    layers = []
    for l in range(1, len(layer_dims)):
        W = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        layers.append({"W": W, "b": np.zeros((layer_dims[l], 1))})
    return layers
''')
    assert not r.passed
    assert "list of" in _hint(r, ".list_of_dicts")


def test_update_parameters_keeps_the_gradients_too():
    r = _run("update_parameters", '''
def update_parameters(parameters, grads, learning_rate):
    out = dict(parameters)
    for key in parameters:
        out[key] = parameters[key] - learning_rate * grads["d" + key]
        out["d" + key] = grads["d" + key]
    return out
''')
    assert not r.passed
    hint = _hint(r, ".extra_keys")
    assert "too many" in hint and "dW1" in hint, hint


def test_right_forms_pass():
    for name, src in [("linear_forward", '''
def linear_forward(A_prev, W, b):
    Z = np.dot(W, A_prev) + b
    return Z, (A_prev, W, b)
'''), ("update_parameters", '''
def update_parameters(parameters, grads, learning_rate):
    out = {}
    for key in parameters:
        out[key] = parameters[key] - learning_rate * grads["d" + key]
    return out
'''), ("model_backward", '''
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    for l in range(L, 0, -1):
        act = "sigmoid" if l == L else "relu"
        dA, grads["dW" + str(l)], grads["db" + str(l)] = linear_activation_backward(dA, caches[l - 1], act)
        grads["dA" + str(l - 1)] = dA
    return grads
''')]:
        r = _run(name, src)
        assert r.passed, str(r)
