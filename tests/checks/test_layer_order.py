"""diagF: the order in which model_forward's calls ran the layers (checks/layerorder.py), said as a
whole: the hidden layers counted down, layer 1 skipped (W[1] never used); a right loop, and a loop in
the right order with another mistake, do not get the finding. The learner code is written for these tests."""
import dlkit
from dlkit.checks import check

linear_activation_forward = dlkit.linear_activation_forward


def _counted_down(X, parameters):
    caches, L = [], len(parameters) // 2
    A, l = X, L - 1
    while l >= 1:
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
        l -= 1
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


def _starts_at_two(X, parameters):
    caches, L, A = [], len(parameters) // 2, X
    for l in range(2, L + 1):
        act = "sigmoid" if l == L else "relu"
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], act)
        caches.append(cache)
    return A, caches


def _right_order_wrong_activation(X, parameters):
    caches, L, A = [], len(parameters) // 2, X
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    return A, caches


def _right(X, parameters):
    caches, L, A = [], len(parameters) // 2, X
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)],
                                             "relu" if l < L else "sigmoid")
        caches.append(cache)
    return A, caches


def test_hidden_layers_counted_down_are_said_in_reverse_order():
    r = check("model_forward", _counted_down, time_limit=5)
    assert not r.passed and "model_forward.layer_order" in r.mistakes, str(r)
    assert "reverse order" in str(r)


def test_layer_one_skipped_is_said_by_W1():
    r = check("model_forward", _starts_at_two, time_limit=5)
    assert not r.passed and "model_forward.layer_order" in r.mistakes, str(r)
    assert "W[1] is never used" in str(r) and "layer 1, the first layer, is skipped" in str(r)


def test_right_order_gets_no_layer_order():
    r = check("model_forward", _right_order_wrong_activation, time_limit=5)
    assert not r.passed and "model_forward.layer_order" not in r.mistakes, str(r)
    assert check("model_forward", _right, time_limit=5).passed
