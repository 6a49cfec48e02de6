"""Crashes and index mistakes said in the lecture's terms (helper crashes2): subscripts.py (an index that
runs over the other axis or one too far; a slice given a value of another shape), constindex.py (one
cache for every layer of a loop), layermap.py (the layer pairs of two differently numbered keys).
Learner code written for these tests; the right forms pass."""
from dlkit.checks import check
from dlkit.checks.constindex import constant_lookups

from .notebook import notebook

HEAD = "import numpy as np\nfrom dlkit import linear_activation_backward, sigmoid, relu\n"


def _run(name, src):
    return check(name, notebook(HEAD, src)[name])


def _hint(r, suffix):
    ids = [m for m in r.mistakes if m.endswith(suffix)]
    assert ids, str(r)
    return r.hints[r.mistakes.index(ids[0])]


def test_nested_loops_with_swapped_indices_are_said_swapped():
    r = _run("relu_backward", '''
def relu_backward(dA, Z):
    out = dA.copy()
    for r in range(Z.shape[0]):
        for c in range(Z.shape[1]):
            if Z[r, c] <= 0:
                out[c, r] = 0.0
    return out
''')
    assert not r.passed
    hint = _hint(r, ".index_out_of_range")
    assert "swapped" in hint and "out[r, c]" in hint and "columns" in hint, hint


def test_argwhere_pairs_swapped_in_sigmoid_backward():
    r = _run("sigmoid_backward", '''
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    dZ = np.zeros(Z.shape)
    for a, b in np.argwhere(Z == Z):
        dZ[b, a] = dA[a, b] * s[a, b] * (1 - s[a, b])
    return dZ
''')
    assert not r.passed
    assert "swapped" in _hint(r, ".index_out_of_range")


def test_a_column_loop_one_too_far():
    r = _run("sigmoid_backward", '''
def sigmoid_backward(dA, Z):
    dZ = np.zeros_like(dA)
    n, m = Z.shape
    for j in range(m + 1):
        s = 1 / (1 + np.exp(-Z[:, j]))
        dZ[:, j] = dA[:, j] * s * (1 - s)
    return dZ
''')
    assert not r.passed
    hint = _hint(r, ".index_out_of_range")
    assert "too far" in hint or "past" in hint, hint


def test_a_2d_column_into_a_1d_slice_in_linear_forward():
    r = _run("linear_forward", '''
def linear_forward(A_prev, W, b):
    Z = np.zeros((W.shape[0], A_prev.shape[1]))
    for k in range(A_prev.shape[1]):
        Z[:, k] = W @ A_prev[:, [k]] + b
    return Z, (A_prev, W, b)
''')
    assert not r.passed
    hint = _hint(r, ".slice_assignment_shape")
    assert "(n[l], 1)" in hint and "Z[:, [k]]" in hint, hint


def test_the_column_kept_2d_passes():
    assert _run("linear_forward", '''
def linear_forward(A_prev, W, b):
    Z = np.zeros((W.shape[0], A_prev.shape[1]))
    for k in range(A_prev.shape[1]):
        Z[:, [k]] = W @ A_prev[:, [k]] + b
    return Z, (A_prev, W, b)
''').passed


def test_right_nested_loops_pass():
    assert _run("relu_backward", '''
def relu_backward(dA, Z):
    out = dA.copy()
    for r in range(Z.shape[0]):
        for c in range(Z.shape[1]):
            if Z[r, c] <= 0:
                out[r, c] = 0.0
    return out
''').passed


CONSTANT_CACHE = '''
def model_backward(AL, Y, caches):
    grads = {}
    depth = len(caches)
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    dA, grads["dW" + str(depth)], grads["db" + str(depth)] = linear_activation_backward(dA, caches[depth - 1], "sigmoid")
    grads["dA" + str(depth - 1)] = dA
    for k in range(depth - 1, 0, -1):
        cache = caches[len(caches) - 1]
        dA, grads["dW" + str(k)], grads["db" + str(k)] = linear_activation_backward(dA, cache, "relu")
        grads["dA" + str(k - 1)] = dA
    return grads
'''

BRANCHED = '''
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    for l in reversed(range(L)):
        if l == L - 1:
            cache = caches[L - 1]
            act = "sigmoid"
        else:
            cache = caches[l]
            act = "relu"
        dA, grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = linear_activation_backward(dA, cache, act)
        grads["dA" + str(l)] = dA
    return grads
'''


def test_one_cache_for_every_hidden_layer_is_said():
    r = _run("model_backward", CONSTANT_CACHE)
    assert not r.passed
    hint = _hint(r, ".same_index_every_layer")
    assert "same cache for every layer" in hint and "output layer's" in hint, hint
    assert "layer l+1" not in str(r), str(r)


def test_a_constant_index_under_a_test_of_the_loop_variable_is_right():
    assert constant_lookups(BRANCHED) == []
    assert _run("model_backward", BRANCHED).passed


def test_reversed_layer_keys_in_update_parameters():
    r = _run("update_parameters", '''
def update_parameters(parameters, grads, learning_rate):
    n = len(parameters) // 2
    new = {}
    for i in range(1, n + 1):
        new["W" + str(i)] = parameters["W" + str(i)] - learning_rate * grads["dW" + str(n + 1 - i)]
        new["b" + str(i)] = parameters["b" + str(i)] - learning_rate * grads["db" + str(n + 1 - i)]
    return new
''')
    assert not r.passed
    assert "reverse order" in str(r), str(r)


def test_right_update_parameters_passes():
    assert _run("update_parameters", '''
def update_parameters(parameters, grads, learning_rate):
    n = len(parameters) // 2
    new = {}
    for i in range(1, n + 1):
        new[f"W{i}"] = parameters[f"W{i}"] - learning_rate * grads[f"dW{i}"]
        new[f"b{i}"] = parameters[f"b{i}"] - learning_rate * grads[f"db{i}"]
    return new
''').passed


def test_layer_pairs_said_from_the_source():
    from dlkit.checks.layermap import words

    src = "def f(p, g, L):\n    for l in range(1, L + 1):\n        x = p['W' + str(l)] - g['dW' + str(L)]\n"
    said = words("p['W' + str(l)]", "g['dW' + str(L)]", src, {"L": 3})
    assert "1 -> 3, 2 -> 3, 3 -> 3" in said and "the same one for all" in said, said
    src = "def f(p, g, L):\n    for l in range(1, L + 1):\n        k = l + 1\n"
    assert "shifted by +1" in words("p['W' + str(l)]", "g['dW' + str(k)]", src, {"L": 3})


def test_a_square_matrix_product_made_a_line_before_the_crash():
    r = _run("sigmoid_backward", '''
def sigmoid_backward(dA, Z):
    sig = 1 / (1 + np.exp(-Z))
    g = np.dot(sig, (1 - sig).T)
    return dA * g
''')
    assert not r.passed
    hint = _hint(r, ".matrix_product_for_elementwise")
    assert "g = np.dot(sig, (1 - sig).T)" in hint and "entry by entry" in hint, hint


def test_a_square_product_in_relu_backward():
    r = _run("relu_backward", '''
def relu_backward(dA, Z):
    mask = (Z > 0).astype(float)
    gate = dA @ mask.T
    return gate * Z
''')
    assert not r.passed
    assert "matrix product" in _hint(r, ".matrix_product_for_elementwise")


def test_the_entrywise_slope_passes():
    assert _run("sigmoid_backward", '''
def sigmoid_backward(dA, Z):
    sig = 1 / (1 + np.exp(-Z))
    g = np.multiply(sig, 1 - sig)
    return dA * g
''').passed


def test_a_layer_count_from_the_labels_rows_is_said():
    r = _run("model_backward", '''
def model_backward(AL, Y, caches):
    grads = {}
    L = Y.shape[0]
    last = len(caches)
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    grads[f"dA{last - 1}"], grads[f"dW{last}"], grads[f"db{last}"] = linear_activation_backward(dA, caches[-1], "sigmoid")
    for l in range(L - 1, 0, -1):
        grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(grads[f"dA{l}"], caches[l - 1], "relu")
    return grads
''')
    assert not r.passed
    assert "Y.shape[0]` counts the rows of Y" in str(r) and "len(caches)" in str(r), str(r)


def test_a_count_of_examples_from_the_rows_said_by_counts():
    from types import SimpleNamespace

    import numpy as np

    from dlkit.checks.counts import counted

    spec = SimpleNamespace(arg_names=("AL", "Y"))
    case = SimpleNamespace(args=(np.full((1, 4), 0.5), np.ones((1, 4))))
    said = counted(spec, case, "m", "m = Y.shape[0]", 1)
    assert said is not None and "counts the rows of Y" in said and "Y.shape[1]" in said, said
    assert counted(spec, case, "m", "m = Y.shape[0]", 4) is None   # not what the line gives: nothing said
