"""diag11: what a composite returns and how its loop ran, said by layer and by key (issue 12, items 3, 6).

Each buggy composite below is written the way learners write it; its report must name the mistake
(the id, and the words that say which layer or key), and a correct implementation or a near miss
must not get that finding. Mechanisms: structure.py (a caches list said by layer), keys.py (whole
layers' keys), chain.py (the call log: a None return, a return inside the loop, dA[L] term by term,
a backward loop that goes forwards or skips a layer), layerwise.py (dA[L] for an inline loop),
specs_model.py (update_parameters partly updated), specs_train.py (L_layer_model's loop).
"""
import numpy as np

import dlkit
from dlkit.checks import chain, check, keys


linear_activation_forward = dlkit.linear_activation_forward
linear_activation_backward = dlkit.linear_activation_backward
initialize_parameters, model_forward = dlkit.initialize_parameters, dlkit.model_forward
compute_cost, model_backward, update_parameters = dlkit.compute_cost, dlkit.model_backward, dlkit.update_parameters


def _report(exercise, fn):
    result = check(exercise, fn, time_limit=5)
    assert not result.passed, str(result)
    return result, str(result)


def _passes(exercise, fn):
    result = check(exercise, fn, time_limit=5)
    assert result.passed, str(result)


def _dAL(AL, Y):
    return -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))


# ---- model_forward: what is returned ------------------------------------------------------------

def _fw_no_return(X, parameters):
    caches, A, L = [], X, len(parameters) // 2
    for l in range(1, L):
        A, c = linear_activation_forward(A, parameters["W%d" % l], parameters["b%d" % l], "relu")
        caches.append(c)
    AL, c = linear_activation_forward(A, parameters["W%d" % L], parameters["b%d" % L], "sigmoid")
    caches.append(c)


def _fw_return_in_loop(X, parameters):
    caches, A, L = [], X, len(parameters) // 2
    for l in range(1, L + 1):
        A, c = linear_activation_forward(A, parameters["W%d" % l], parameters["b%d" % l], "sigmoid" if l == L else "relu")
        caches.append(c)
        return A, caches


def _fw_return_in_branch(X, parameters):
    caches, A, L = [], X, len(parameters) // 2
    for l in range(1, L):
        A, c = linear_activation_forward(A, parameters["W%d" % l], parameters["b%d" % l], "relu")
        caches.append(c)
        if l == L:
            return A, caches


def _fw_caches_overwritten(X, parameters):
    caches, A, L = [], X, len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W%d" % l], parameters["b%d" % l], "relu")
        caches.append(cache)
    AL, caches = linear_activation_forward(A, parameters["W%d" % L], parameters["b%d" % L], "sigmoid")
    return AL, caches


def _fw_appended_twice(X, parameters):
    caches, A, L = [], X, len(parameters) // 2
    for l in range(1, L):
        A, c = linear_activation_forward(A, parameters["W%d" % l], parameters["b%d" % l], "relu")
        caches.append(c)
        caches.append(c)
    AL, c = linear_activation_forward(A, parameters["W%d" % L], parameters["b%d" % L], "sigmoid")
    caches.append(c)
    return AL, caches


def _fw_output_cache_first(X, parameters):
    caches, A, L = [], X, len(parameters) // 2
    for l in range(1, L):
        A, c = linear_activation_forward(A, parameters["W%d" % l], parameters["b%d" % l], "relu")
        caches.append(c)
    AL, c = linear_activation_forward(A, parameters["W%d" % L], parameters["b%d" % L], "sigmoid")
    caches.insert(0, c)
    return AL, caches


def _fw_right_as_tuple(X, parameters):   # a near miss that is right: caches as a tuple of the L caches
    caches, A, L = [], X, len(parameters) // 2
    for l in range(1, L + 1):
        A, c = linear_activation_forward(A, parameters["W%d" % l], parameters["b%d" % l], "sigmoid" if l == L else "relu")
        caches.append(c)
    return A, tuple(caches)


def test_a_forward_that_returns_none_says_where_it_stopped():
    result, text = _report("model_forward", _fw_no_return)
    assert result.mistakes[0] == "model_forward.returns_none"
    assert "after its calls for layers 1 and 2" in text and "no return statement" in text
    result, text = _report("model_forward", _fw_return_in_branch)
    assert result.mistakes[0] == "model_forward.returns_none"
    assert "under `if l == L:`" in text and "layer 2 never ran" in text


def _fw_return_one_early(X, parameters):
    caches, A, L = [], X, len(parameters) // 2
    for l in range(1, L + 1):
        A, c = linear_activation_forward(A, parameters["W%d" % l], parameters["b%d" % l], "sigmoid" if l == L else "relu")
        caches.append(c)
        if l == L - 1:
            return A, caches


def _fw_return_at_the_last_layer(X, parameters):   # a near miss that is right
    caches, A, L = [], X, len(parameters) // 2
    for l in range(1, L + 1):
        A, c = linear_activation_forward(A, parameters["W%d" % l], parameters["b%d" % l], "sigmoid" if l == L else "relu")
        caches.append(c)
        if l == L:
            return A, caches


def _fw_inline_no_return(X, parameters):
    caches, A, L = [], X, len(parameters) // 2
    for l in range(1, L + 1):
        W, b = parameters["W%d" % l], parameters["b%d" % l]
        Z = W @ A + b
        caches.append(((A, W, b), Z))
        A = 1 / (1 + np.exp(-Z)) if l == L else np.maximum(Z, 0)


def test_returns_nested_in_the_loop_and_inline_loops():
    result, text = _report("model_forward", _fw_return_one_early)
    assert result.mistakes[0] == "model_forward.chain_call" and "under `if l == L - 1:`" in text
    _passes("model_forward", _fw_return_at_the_last_layer)
    result, text = _report("model_forward", _fw_inline_no_return)   # no block called: the source says why
    assert result.mistakes == ["model_forward.returns_none"] and "no return statement" in text
    assert "layer call" not in text


def test_a_return_inside_the_loop_is_not_called_a_short_range():
    result, text = _report("model_forward", _fw_return_in_loop)
    assert result.mistakes[0] == "model_forward.chain_call"
    assert "is inside the loop" in text and "range stops early" not in text
    assert "shape_expression" not in " ".join(result.mistakes)


def _fw_loop_none(X, parameters):   # range(1, L - 1): no hidden layer runs when L = 2
    caches, A, L = [], X, len(parameters) // 2
    for l in range(1, L - 1):
        A, c = linear_activation_forward(A, parameters["W%d" % l], parameters["b%d" % l], "relu")
        caches.append(c)
    AL, c = linear_activation_forward(A, parameters["W%d" % L], parameters["b%d" % L], "sigmoid")
    caches.append(c)
    return AL, caches


def _fw_loop_one_too_many(X, parameters):   # the ReLU loop runs the output layer too, then it runs again
    caches, A, L = [], X, len(parameters) // 2
    for l in range(1, L + 1):
        A, c = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(c)
    AL, c = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(c)
    return AL, caches


def test_a_forward_loop_range_is_said_by_layer():
    result, text = _report("model_forward", _fw_loop_none)
    assert result.mistakes[0] == "model_forward.loop_range" and "runs no layer at all: layer 1 never runs" in text
    result, text = _report("model_forward", _fw_loop_one_too_many)
    assert result.mistakes[0] == "model_forward.loop_range" and "one layer too many" in text


def test_caches_said_by_layer():
    result, text = _report("model_forward", _fw_caches_overwritten)
    assert result.mistakes[0] == "model_forward.caches_one_cache" and "the output layer's (layer 3 = L)" in text
    result, text = _report("model_forward", _fw_appended_twice)
    assert result.mistakes[0] == "model_forward.caches_layers" and "layers 1 and 2 are each in it twice" in text
    result, text = _report("model_forward", _fw_output_cache_first)
    assert result.mistakes[0] == "model_forward.caches_order"
    assert "caches[0] is layer 3's cache, where layer 1's belongs" in text
    _passes("model_forward", _fw_right_as_tuple)
    _passes("model_forward", dlkit.model_forward)


# ---- model_backward: the loop -----------------------------------------------------------------

def _bw_no_return(AL, Y, caches):
    grads, L = {}, len(caches)
    dA = _dAL(AL, Y)
    for l in reversed(range(1, L + 1)):
        dA, grads["dW%d" % l], grads["db%d" % l] = linear_activation_backward(dA, caches[l - 1], "sigmoid" if l == L else "relu")
        grads["dA%d" % (l - 1)] = dA


def _bw_return_in_loop(AL, Y, caches):
    grads, L = {}, len(caches)
    dA = _dAL(AL, Y)
    for l in reversed(range(1, L + 1)):
        dA, grads["dW%d" % l], grads["db%d" % l] = linear_activation_backward(dA, caches[l - 1], "sigmoid" if l == L else "relu")
        grads["dA%d" % (l - 1)] = dA
        return grads


def _bw_forwards(AL, Y, caches):   # the hidden layers visited 1..L-1: crashes with KeyError 'dA1' when L = 3
    grads, L = {}, len(caches)
    grads["dA%d" % (L - 1)], grads["dW%d" % L], grads["db%d" % L] = linear_activation_backward(_dAL(AL, Y), caches[L - 1], "sigmoid")
    for l in range(1, L):
        grads["dA%d" % (l - 1)], grads["dW%d" % l], grads["db%d" % l] = linear_activation_backward(
            grads["dA%d" % l], caches[l - 1], "relu")
    return grads


def _bw_forwards_chained(AL, Y, caches):   # the same order with dA carried in a variable: no crash when sizes fit
    grads, L = {}, len(caches)
    dA, grads["dW%d" % L], grads["db%d" % L] = linear_activation_backward(_dAL(AL, Y), caches[L - 1], "sigmoid")
    grads["dA%d" % (L - 1)] = dA
    for l in range(1, L):
        dA, grads["dW%d" % l], grads["db%d" % l] = linear_activation_backward(dA, caches[l - 1], "relu")
        grads["dA%d" % (l - 1)] = dA
    return grads


def _bw_skips_a_layer(AL, Y, caches):
    grads, L = {}, len(caches)
    grads["dA%d" % (L - 1)], grads["dW%d" % L], grads["db%d" % L] = linear_activation_backward(_dAL(AL, Y), caches[L - 1], "sigmoid")
    for l in reversed(range(1, L - 1)):
        grads["dA%d" % (l - 1)], grads["dW%d" % l], grads["db%d" % l] = linear_activation_backward(
            grads["dA%d" % l], caches[l - 1], "relu")
    return grads


def _bw_keys_shifted(AL, Y, caches):   # a near miss of the loop order: the keys are off, the order is right
    grads, L = {}, len(caches)
    dA = _dAL(AL, Y)
    for l in reversed(range(L)):
        dA, grads["dW%d" % l], grads["db%d" % l] = linear_activation_backward(dA, caches[l], "sigmoid" if l == L - 1 else "relu")
        grads["dA%d" % l] = dA
    return grads


def _bw_right_with_l_plus_1(AL, Y, caches):
    grads, L = {}, len(caches)
    grads["dA%d" % (L - 1)], grads["dW%d" % L], grads["db%d" % L] = linear_activation_backward(_dAL(AL, Y), caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        grads["dA%d" % l], grads["dW%d" % (l + 1)], grads["db%d" % (l + 1)] = linear_activation_backward(
            grads["dA%d" % (l + 1)], caches[l], "relu")
    return grads


def _bw_right_counting_up(AL, Y, caches):   # counts up, indexes down: right
    grads, L = {}, len(caches)
    dA = _dAL(AL, Y)
    for i in range(L):
        l = L - i
        dA, grads["dW%d" % l], grads["db%d" % l] = linear_activation_backward(dA, caches[l - 1], "sigmoid" if l == L else "relu")
        grads["dA%d" % (l - 1)] = dA
    return grads


def _bw_output_grads_dropped(AL, Y, caches):
    grads, L = {}, len(caches)
    dA_prev, dW, db = linear_activation_backward(_dAL(AL, Y), caches[L - 1], "sigmoid")
    grads["dA%d" % (L - 1)] = dA_prev
    for l in reversed(range(1, L)):
        grads["dA%d" % (l - 1)], grads["dW%d" % l], grads["db%d" % l] = linear_activation_backward(
            grads["dA%d" % l], caches[l - 1], "relu")
    return grads


def _fw_flat_caches(X, parameters):
    caches, A, L = [], X, len(parameters) // 2
    for l in range(1, L + 1):
        A, (lc, Z) = linear_activation_forward(A, parameters["W%d" % l], parameters["b%d" % l], "sigmoid" if l == L else "relu")
        caches.append(lc)
        caches.append(Z)
    return A, caches


def test_some_results_of_one_call_lost_is_not_grads_made_anew():
    result, text = _report("model_backward", _bw_output_grads_dropped)
    assert result.mistakes[0] == "model_backward.chain_result"
    assert "dW2 and db2 of layer 2's call are not in grads" in text and "made anew" not in text
    result, text = _report("model_forward", _fw_flat_caches)
    assert result.mistakes[0] == "model_forward.caches_layers" and "linear_cache and Z one after the other" in text


def test_a_backward_that_returns_early_or_none_says_where():
    result, text = _report("model_backward", _bw_no_return)
    assert result.mistakes[0] == "model_backward.returns_none" and "after its calls for layers 2 and 1" in text
    result, text = _report("model_backward", _bw_return_in_loop)
    assert result.mistakes[0] == "model_backward.chain_call"
    assert "`return grads` is inside the loop" in text and "range stops early" not in text


def test_a_loop_that_goes_forwards_is_never_called_keys_shifted():
    result, text = _report("model_backward", _bw_forwards)
    assert result.mistakes[0] == "model_backward.loop_order" and "keys_shifted" not in " ".join(result.mistakes)
    assert "steps back layers 1 and 2 in this order, forwards" in text
    result, text = _report("model_backward", _bw_forwards_chained)
    assert "model_backward.loop_order" in result.mistakes and "keys_shifted" not in " ".join(result.mistakes)
    assert "in the order 3, 1 and 2" in text
    result, text = _report("model_backward", _bw_skips_a_layer)
    assert result.mistakes[0] == "model_backward.loop_range" and "layer 2 is never stepped back" in text
    result, _ = _report("model_backward", _bw_keys_shifted)
    assert "model_backward.keys_shifted" in result.mistakes and "model_backward.loop_order" not in result.mistakes
    _passes("model_backward", _bw_right_with_l_plus_1)
    _passes("model_backward", _bw_right_counting_up)


# ---- dA[L] term by term -------------------------------------------------------------------------

def _bw_dAL(dAL):
    def model_backward(AL, Y, caches):
        grads, L = {}, len(caches)
        dA = dAL(AL, Y)
        for l in reversed(range(1, L + 1)):
            dA, grads["dW%d" % l], grads["db%d" % l] = linear_activation_backward(dA, caches[l - 1], "sigmoid" if l == L else "relu")
            grads["dA%d" % (l - 1)] = dA
        return grads
    return model_backward


def _bw_inline_first_term_only(AL, Y, caches):
    grads, L = {}, len(caches)
    m = AL.shape[1]
    dA = -Y / AL
    for l in range(L, 0, -1):
        (A_prev, W, b), Z = caches[l - 1]
        if l == L:
            s = 1 / (1 + np.exp(-Z))
            dZ = dA * s * (1 - s)
        else:
            dZ = dA * (Z > 0)
        grads["dW%d" % l] = dZ @ A_prev.T / m
        grads["db%d" % l] = np.sum(dZ, axis=1, keepdims=True) / m
        dA = W.T @ dZ
        grads["dA%d" % (l - 1)] = dA
    return grads


def test_dAL_named_by_the_term_that_is_wrong():
    result, text = _report("model_backward", _bw_dAL(lambda AL, Y: -np.divide(Y, AL)))
    assert result.mistakes[0] == "model_backward.dAL_terms"
    assert "(1-Y)/(1-A[L]) term (on the examples with y = 0) is missing" in text
    assert "range of the loop over the examples" not in text and "factor_on_some" not in " ".join(result.mistakes)
    result, text = _report("model_backward", _bw_dAL(lambda AL, Y: np.divide(1 - Y, 1 - AL)))
    assert result.mistakes[0] == "model_backward.dAL_terms" and "-(Y/A[L]) term (on the examples with y = 1) is missing" in text
    result, text = _report("model_backward", _bw_inline_first_term_only)   # no block called: from the values
    assert result.mistakes[0] == "model_backward.dAL_terms" and "is missing" in text
    _passes("model_backward", _bw_dAL(lambda AL, Y: np.divide(1 - Y, 1 - AL) - np.divide(Y, AL)))


def test_dAL_terms_unit():
    Y = np.array([[1.0, 0.0, 1.0, 0.0]])
    AL = np.array([[0.8, 0.3, 0.6, 0.1]])
    t1, t2 = -(Y / AL), (1 - Y) / (1 - AL)
    assert chain.dAL_terms(t1 + t2, t1, t2, Y, 4) is None
    assert "is divided by m = 4" in chain.dAL_terms(t1 / 4 + t2, t1, t2, Y, 4)
    assert "has its sign flipped" in chain.dAL_terms(-t1 + t2, t1, t2, Y, 4)
    assert chain.dAL_terms(t1 * 1.7 + t2, t1, t2, Y, 4) is None    # no factor the lecture names: nothing said
    assert chain.dAL_terms(t1 + t2, t1, t2, Y + 0.5, 4) is None    # labels that are not 0/1


# ---- keys by layer --------------------------------------------------------------------------------

def test_keys_said_by_layer():
    assert keys.words({"W1", "b1"}, {"W1", "b1", "W2", "b2"}) == ("layers", "layer 2 (the output layer, L) has no W2 and b2")
    kind, words = keys.words({"W0", "b0", "W1", "b1", "W2", "b2"}, {"W1", "b1", "W2", "b2"})
    assert kind == "layers" and "W0 and b0 are keys of a layer 0" in words
    kind, words = keys.words({"dA0", "dA1", "dW0", "dW1", "dW2", "db1", "db2"}, {"dA0", "dA1", "dW1", "dW2", "db1", "db2"})
    assert "dW0 is a key of a layer 0" in words
    assert keys.words({"W1", "b1", "W2", "b2"}, {"W1", "b1", "W2", "b2"}) is None
    assert keys.words({"W1", "b1", "X2"}, {"W1", "b1", "W2", "b2"}) is None    # an unknown family: nothing said


def _init_from_zero(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    p = {}
    for l in range(len(layer_dims)):
        p["W%d" % l] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        p["b%d" % l] = np.zeros((layer_dims[l], 1))
    return p


def _bw_one_too_many(AL, Y, caches):
    grads = dlkit.model_backward(AL, Y, caches)
    grads["dW0"] = grads["dW1"]
    return grads


def test_layers_missing_or_extra_are_named():
    _, text = _report("initialize_parameters", _init_from_zero)
    assert "W0 and b0 are keys of a layer 0" in text
    result, text = _report("model_backward", _bw_one_too_many)
    assert result.mistakes[0] == "model_backward.keys_named" and "dW0 is a key of a layer 0" in text


def test_loop_layers_reads_the_range():
    src = ("def f(AL, Y, caches):\n    L = len(caches)\n    for l in reversed(range(1, L - 1)):\n"
           "        x = caches[l - 1]\n")
    assert chain.loop_layers(src, {"L": 4}) == [("for l in reversed(range(1, L - 1))", [2, 1])]
    src = "def f(AL, Y, caches):\n    for l in range(L - 1):\n        x = caches[l]\n"
    assert chain.loop_layers(src, {"L": 3}) == [("for l in range(L - 1)", [1, 2])]
    assert chain.loop_layers("def f(x):\n    for l in range(n):\n        y = caches[l]\n", {}) == []


# ---- update_parameters: some keys updated -----------------------------------------------------------

def _up_return_in_loop(parameters, grads, learning_rate):
    p = dict(parameters)
    L = len(parameters) // 2
    for l in range(1, L + 1):
        p["W%d" % l] = p["W%d" % l] - learning_rate * grads["dW%d" % l]
        p["b%d" % l] = p["b%d" % l] - learning_rate * grads["db%d" % l]
        return p


def _up_mixed(parameters, grads, learning_rate):
    p = dict(parameters)
    for l in range(1, len(parameters) // 2 + 1):
        p["b%d" % l] = p["b%d" % l] - learning_rate * grads["db%d" % l]
    p["W1"] = p["W1"] - learning_rate * grads["dW1"]
    return p


def _up_nothing(parameters, grads, learning_rate):
    return {k: v.copy() for k, v in parameters.items()}


def test_update_said_key_by_key():
    result, text = _report("update_parameters", _up_return_in_loop)
    assert result.mistakes[0] == "update_parameters.partly_updated"
    assert "W1, b1 are updated, but W2, b2, W3, b3 are still the values you were given" in text
    result, text = _report("update_parameters", _up_mixed)
    assert result.mistakes[0] == "update_parameters.partly_updated" and "W2, W3 are still" in text
    result, _ = _report("update_parameters", _up_nothing)   # nothing updated: its own mutant, not "partly"
    assert result.mistakes[0] == "update_parameters.nothing_updated"
    _passes("update_parameters", dlkit.update_parameters)


# ---- L_layer_model ---------------------------------------------------------------------------------

def _loop(record=lambda i: True, twice=False, feed=True, stop=False, reinit=False):
    def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
        parameters = initialize_parameters(layer_dims, seed)
        costs = []
        for i in range(num_iterations):
            if reinit:
                parameters = initialize_parameters(layer_dims, seed)
            AL, caches = model_forward(X, parameters)
            cost = compute_cost(AL, Y)
            grads = model_backward(AL, Y, caches)
            new = update_parameters(parameters, grads, learning_rate)
            if feed:
                parameters = new
            if record(i):
                costs.append(cost)
            if twice:
                costs.append(cost)
        return new, costs
    return L_layer_model


def _stops(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        parameters = update_parameters(parameters, model_backward(AL, Y, caches), learning_rate)
        return parameters, costs


def test_the_training_loop_said_from_its_calls():
    result, text = _report("L_layer_model", _loop(record=lambda i: i % 2 == 0))
    assert result.mistakes[0] == "L_layer_model.loop_costs" and "every second iteration" in text
    result, text = _report("L_layer_model", _loop(twice=True))
    assert result.mistakes[0] == "L_layer_model.loop_costs" and "each iteration's cost twice" in text
    result, text = _report("L_layer_model", _loop(feed=False))
    assert result.mistakes == ["L_layer_model.loop_not_fed_back"], text
    result, text = _report("L_layer_model", _stops)
    assert result.mistakes == ["L_layer_model.loop_stopped"] and "inside the loop" in text
    result, _ = _report("L_layer_model", _loop(reinit=True))   # the log confirms the mutant: it stays alone
    assert result.mistakes == ["L_layer_model.reinitialised_in_loop"]
    _passes("L_layer_model", _loop())
