"""diag19: a wrong shape said in the lecture's symbols (shapewords.py): each dimension as n[l], n[l-1],
m, 1 or a product (n[l] m) when one reading fits on the case, which symbol stands where another
belongs; initialize_parameters' loop patterns (n[l-1] set once, W[l] square) named; nothing said when
two readings fit, and correct code still passes."""
import numpy as np
import pytest

from dlkit import initialize_parameters as ref_init, linear_backward as ref_lb
from dlkit.checks import check
from dlkit.checks.shapewords import said, symbols

SIZES = {2: ["n[l]"], 3: ["n[l-1]"], 4: ["m"]}


def _lb(dA, dW, db):
    def linear_backward(dZ, linear_cache):
        A_prev, W, b = linear_cache
        m = A_prev.shape[1]
        return dA(dZ, A_prev, W), dW(dZ, A_prev, m), db(dZ, m)
    return linear_backward


RIGHT = (lambda dZ, A, W: W.T @ dZ, lambda dZ, A, m: dZ @ A.T / m,
         lambda dZ, m: np.sum(dZ, axis=1, keepdims=True) / m)


def _with(i, f):
    parts = list(RIGHT)
    parts[i] = f
    return _lb(*parts)


CASES = {   # name -> (function, words the report must hold)
    "np.outer": (_with(1, lambda dZ, A, m: np.outer(dZ, A) / m),
                 ["(n[l] m, n[l-1] m) where (n[l], n[l-1]) belongs", "outer product"]),
    "transposed dW": (_with(1, lambda dZ, A, m: A @ dZ.T / m), ["(n[l-1], n[l]) where (n[l], n[l-1])", "swapped"]),
    "dA with W not transposed": (_with(0, lambda dZ, A, W: W @ A), ["(n[l], m) where (n[l-1], m) belongs"]),
    "db summed over the units": (_with(2, lambda dZ, m: np.sum(dZ, axis=0, keepdims=True) / m),
                                 ["(1, m) where (n[l], 1) belongs"]),
    "dW of the examples": (_with(1, lambda dZ, A, m: dZ.T @ dZ / m), ["(m, m) where (n[l], n[l-1]) belongs"]),
}


@pytest.mark.parametrize("name", CASES)
def test_a_wrong_shape_is_said_in_the_cases_symbols(name):
    f, words = CASES[name]
    text = str(check("linear_backward", f))
    for w in words:
        assert w in text, (name, text)


def test_correct_linear_backward_still_passes():
    assert check("linear_backward", _lb(*RIGHT)).status == "passed"


def test_two_readings_say_nothing():
    assert symbols((2, 2), {2: ["n[l]", "m"]}) is None
    assert said(np.zeros((2, 3)), np.zeros((3, 2)), {2: ["n[l]", "m"], 3: ["n[l-1]"]}) is None
    assert said(np.zeros((3, 4)), np.zeros((2, 4)), SIZES).startswith("(3, 4) = (n[l-1], m) where (n[l], m)")
    assert said(np.zeros((6, 4)), np.zeros((2, 4)), SIZES).startswith("(6, 4) = (n[l] n[l-1], m)")
    assert "1-D" in said(np.zeros(2), np.zeros((2, 1)), SIZES)


def _init(n_prev_of):
    def initialize_parameters(layer_dims, seed):
        rng = np.random.RandomState(seed)
        P, n_prev = {}, layer_dims[0]
        for l in range(1, len(layer_dims)):
            n_prev = n_prev_of(layer_dims, l, n_prev)
            P[f"W{l}"] = rng.randn(layer_dims[l], n_prev) / np.sqrt(n_prev)
            P[f"b{l}"] = np.zeros((layer_dims[l], 1))
        return P
    return initialize_parameters


@pytest.mark.parametrize("name, n_prev_of, mid, words", [
    ("set once", lambda d, l, p: p, "n_prev_not_updated", ["every W[l] has n[0] columns", "(n[2], n[0]) where (n[2], n[1])"]),
    ("set once, by index 0", lambda d, l, p: d[0], "n_prev_not_updated", ["not updated"]),
    ("own units", lambda d, l, p: d[l], "W_square", ["(n[l], n[l])", "(n[1], n[1]) where (n[1], n[0])"]),
])
def test_initialize_parameters_loop_patterns(name, n_prev_of, mid, words):
    r = check("initialize_parameters", _init(n_prev_of))
    text = str(r)
    assert f"initialize_parameters.{mid}" in [f.id for f in r.findings], (name, text)
    for w in words:
        assert w.lower() in text.lower(), (name, text)


def test_initialize_parameters_right_and_off_by_one_not_misnamed():
    assert check("initialize_parameters", _init(lambda d, l, p: d[l - 1])).status == "passed"
    r = check("initialize_parameters", _init(lambda d, l, p: d[l - 2] if l >= 2 else d[0]))
    assert not {"initialize_parameters.n_prev_not_updated", "initialize_parameters.W_square"} & {f.id for f in r.findings}
