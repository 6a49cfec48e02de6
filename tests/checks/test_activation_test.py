"""W2c: the test that picks each layer's activation, evaluated over the loop that runs it
(checks/activationtest.py): a test never true over the loop's values, or true one layer early, is said
in the loop's numbers; a right test (also one over cache indices, l == L - 1) is not. The learner code is
written for these tests."""
import dlkit
from dlkit.checks import activationtest, check

linear_activation_forward = dlkit.linear_activation_forward
linear_activation_backward = dlkit.linear_activation_backward


def _forward_never(X, parameters):
    caches, A = [], X
    n_layers = len(parameters) // 2
    for k in range(1, n_layers + 1):
        A, cache = linear_activation_forward(A, parameters["W" + str(k)], parameters["b" + str(k)],
                                             "sigmoid" if k > n_layers else "relu")
        caches.append(cache)
    return A, caches


def _backward_shifted(AL, Y, caches):
    grads, depth = {}, len(caches)
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    for l in range(depth, 0, -1):
        if l == depth - 1:
            act = "sigmoid"
        else:
            act = "relu"
        dA, grads["dW" + str(l)], grads["db" + str(l)] = linear_activation_backward(dA, caches[l - 1], act)
        grads["dA" + str(l - 1)] = dA
    return grads


def _backward_cache_index_right(AL, Y, caches):
    grads, L = {}, len(caches)
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    for i in reversed(range(L)):
        dA, dW, db = linear_activation_backward(dA, caches[i], "sigmoid" if i == L - 1 else "relu")
        grads[f"dA{i}"], grads[f"dW{i + 1}"], grads[f"db{i + 1}"] = dA, dW, db
    return grads


def _forward_right(X, parameters):
    caches, A, L = [], X, len(parameters) // 2
    for l in range(1, L + 1):
        act = "relu" if l != L else "sigmoid"
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], act)
        caches.append(cache)
    return A, caches


def test_a_test_never_true_is_said_with_the_loops_values():
    r = check("model_forward", _forward_never, time_limit=5)
    assert not r.passed and "model_forward.activation_test" in r.mistakes, str(r)
    assert "`k > n_layers` is never true" in str(r) and "the output layer gets relu" in str(r)


def test_a_test_true_one_layer_early_is_said_as_shifted():
    r = check("model_backward", _backward_shifted, time_limit=5)
    assert not r.passed and "model_backward.activation_test" in r.mistakes, str(r)
    assert "layer L-1 gets the sigmoid" in str(r) and "shifted by 1 layer" in str(r)


def test_right_tests_are_not_hit():
    assert check("model_backward", _backward_cache_index_right, time_limit=5).passed
    assert check("model_forward", _forward_right, time_limit=5).passed
    import inspect
    assert activationtest.explain(inspect.getsource(_backward_cache_index_right), 3, True) is None
    assert activationtest.explain(inspect.getsource(_forward_right), 4, False) is None
