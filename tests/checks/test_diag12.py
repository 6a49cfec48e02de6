"""diag12: no false claims; values kept inside bounds, the initialisation's scale, structures (issue 12, items 2, 3, 6).

Each buggy function below is written the way learners write it; its report must name the mistake
(the id and the words that say it), and every correct formulation or near miss must still pass or
not be misnamed. Mechanisms: compare.py (tight float64 tolerance; clipped), relations.py (the
clipped relation), specs_init.py (W[l] a constant factor off), structure.py (caches' items),
specs_model.py / specs_train.py (which layers got which activation; a loop that ignores
num_iterations).
"""
import numpy as np

import dlkit
from dlkit.checks import check


def _report(exercise, fn):
    result = check(exercise, fn, time_limit=5)
    assert not result.passed, str(result)
    return result, str(result)


def _passes(exercise, fn):
    result = check(exercise, fn, time_limit=5)
    assert result.passed, str(result)


# ---- values kept inside bounds: a tolerance that sees a 1e-5 clip -----------------------------------

def _sigmoid_clipped(Z):
    A = 1 / (1 + np.exp(-Z))
    return np.clip(A, 1e-5, 1 - 1e-5)


def _sigmoid_eps(Z):
    return np.maximum(1 / (1 + np.exp(-Z)), 1e-4)


def test_sigmoid_clipped_is_named_with_its_bounds():
    result, text = _report("sigmoid", _sigmoid_clipped)
    assert result.mistakes[0] == "sigmoid.clipped", text
    assert "[1e-05, 1 - 1e-05]" in text and "|Z| is large" in text


def test_sigmoid_one_sided_floor_is_named():
    result, text = _report("sigmoid", _sigmoid_eps)
    assert result.mistakes[0] == "sigmoid.clipped" and "at least 0.0001" in text, text


def _sigmoid_stable(Z):
    out = np.empty_like(Z, dtype=np.float64)
    pos = Z >= 0
    out[pos] = 1 / (1 + np.exp(-Z[pos]))
    e = np.exp(Z[~pos])
    out[~pos] = e / (1 + e)
    return out


def _sigmoid_tanh(Z):
    return 0.5 * (1 + np.tanh(Z / 2))


def _sigmoid_float32(Z):
    # computes in the case's own precision: float32 on a float32 case
    one = np.ones((), dtype=Z.dtype)
    return one / (one + np.exp(-Z))


def test_correct_sigmoids_still_pass():
    for fn in (_sigmoid_stable, _sigmoid_tanh, _sigmoid_float32):
        _passes("sigmoid", fn)
    with np.errstate(over="ignore"):
        _passes("sigmoid", lambda Z: np.exp(-np.logaddexp(0, -Z)))


def _cost_logaddexp(AL, Y):
    m = Y.shape[1]
    AL = np.clip(AL, 1e-15, 1 - 1e-15)
    logits = np.log(AL) - np.log1p(-AL)
    return float(np.sum(Y * np.logaddexp(0, -logits) + (1 - Y) * np.logaddexp(0, logits)) / m)


def test_correct_costs_still_pass():
    _passes("compute_cost", _cost_logaddexp)
    _passes("compute_cost", dlkit.compute_cost)


def test_near_miss_clip_is_not_called_clipped_on_a_bound_away_from_0_and_1():
    # relu then sigmoid on the output layer: A[L] >= 0.5 sits on a floor but is no eps clip
    def fw(X, parameters):
        A, caches, L = X, [], len(parameters) // 2
        for l in range(1, L + 1):
            A, cache = dlkit.linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
            caches.append(cache)
        return dlkit.sigmoid(A), caches
    result = check("model_forward", fw, time_limit=5)
    assert not result.passed and "model_forward.clipped" not in result.mistakes, str(result)


# ---- initialize_parameters: the seeded draws at another scale are not "not seeded" ------------------

def _init(scale):
    def initialize_parameters(layer_dims, seed=1):
        rng = np.random.RandomState(seed)
        parameters = {}
        for l in range(1, len(layer_dims)):
            n, n_prev = layer_dims[l], layer_dims[l - 1]
            parameters["W" + str(l)] = rng.randn(n, n_prev) * scale(n_prev)
            parameters["b" + str(l)] = np.zeros((n, 1))
        return parameters
    return initialize_parameters


def test_bias_counted_as_an_input_is_named_not_unseeded():
    result, text = _report("initialize_parameters", _init(lambda n: 1 / np.sqrt(n + 1)))
    assert result.mistakes == ["initialize_parameters.W_divided_by_other"], text
    assert "sqrt(n[l-1] + 1)" in text and "not the numbers of" not in text


def test_a_constant_factor_on_every_layer_is_said():
    result, text = _report("initialize_parameters", _init(lambda n: 0.9 / np.sqrt(n)))
    assert result.mistakes == ["initialize_parameters.W_scaled"], text
    assert "0.9 times the expected one on every layer" in text and "not the numbers of" not in text


def test_times_001_keeps_its_id_and_says_the_factor():
    result, text = _report("initialize_parameters", _init(lambda n: 0.01))
    assert result.mistakes == ["initialize_parameters.W_scale"], text
    assert "randn * 0.01" in text and "not the numbers of" not in text


def test_another_generator_is_still_not_seeded():
    def initialize_parameters(layer_dims, seed=1):
        rng = np.random.default_rng(seed)
        return {k: v for l in range(1, len(layer_dims)) for k, v in (
            (f"W{l}", rng.standard_normal((layer_dims[l], layer_dims[l - 1])) / np.sqrt(layer_dims[l - 1])),
            (f"b{l}", np.zeros((layer_dims[l], 1))))}
    result, text = _report("initialize_parameters", initialize_parameters)
    assert result.mistakes == ["initialize_parameters.W_not_seeded"], text
    _passes("initialize_parameters", _init(lambda n: 1 / np.sqrt(n)))


# ---- what a cache holds: said as it is ------------------------------------------------------------

def _law_output_cached(A_prev, W, b, activation):
    Z = W @ A_prev + b
    A = dlkit.relu(Z) if activation == "relu" else dlkit.sigmoid(Z)
    return A, ((A, W, b), Z)          # the layer's output where its input belongs


def test_output_where_input_belongs_is_not_called_changed_after_caching():
    result, text = _report("linear_activation_forward", _law_output_cached)
    assert result.mistakes[0] == "linear_activation_forward.cache_holds_output", text
    assert "changed after it was cached" not in text


def _forward(wrap):
    def model_forward(X, parameters):
        caches, A, L = [], X, len(parameters) // 2
        for l in range(1, L + 1):
            A, cache = dlkit.linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"],
                                                       "relu" if l < L else "sigmoid")
            wrap(caches, cache, A, l == L)
        return A, caches
    return model_forward


def test_caches_appended_into_itself_is_named():
    result, text = _report("model_forward", _forward(
        lambda caches, cache, A, last: caches.append(caches if last else cache)))
    assert result.mistakes == ["model_forward.caches_items"], text
    assert "the caches list itself" in text and "never stored" in text


def test_each_cache_wrapped_is_named():
    result, text = _report("model_forward", _forward(lambda caches, cache, A, last: caches.append((cache, A))))
    assert result.mistakes == ["model_forward.caches_items"], text
    assert "((linear_cache, Z), A[1])" in text


def test_one_cache_alone_keeps_its_finding():
    def model_forward(X, parameters):
        A, L = X, len(parameters) // 2
        for l in range(1, L + 1):
            A, caches = dlkit.linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"],
                                                        "relu" if l < L else "sigmoid")
        return A, caches
    result = check("model_forward", model_forward, time_limit=5)
    assert "model_forward.caches_items" not in result.mistakes, str(result)
    _passes("model_forward", _forward(lambda caches, cache, A, last: caches.append(cache)))


# ---- a return inside the loop is said as the return, not as the loop's range ------------------------

def _init_return_in_loop(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
        return parameters


def test_initialize_parameters_return_in_loop():
    result, text = _report("initialize_parameters", _init_return_in_loop)
    assert result.mistakes[0] == "initialize_parameters.return_in_loop", text
    assert "`return parameters` is inside the loop" in text


def _init_range_short(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims) - 1):
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def test_a_short_range_is_still_missing_layers():
    result, text = _report("initialize_parameters", _init_range_short)
    assert result.mistakes[0] == "initialize_parameters.missing_layers", text


def _b_like_W(layer_dims, seed=1):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        W = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["W" + str(l)], parameters["b" + str(l)] = W, np.zeros_like(W)
    return parameters


def test_b_with_the_shape_of_W():
    result, text = _report("initialize_parameters", _b_like_W)
    assert result.mistakes == ["initialize_parameters.b_shaped_like_W"], text
    assert "your b and W are right" not in text


linear_activation_backward = dlkit.linear_activation_backward   # a global name: the call log sees it


def _backward_return_in_loop(AL, Y, caches):
    grads, L = {}, len(caches)
    dAL = -(Y / AL) + (1 - Y) / (1 - AL)
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in range(L - 1, 0, -1):
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = \
            linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")
        return grads
    return grads


def test_model_backward_return_in_loop_is_not_a_loop_that_stops_early():
    result, text = _report("model_backward", _backward_return_in_loop)
    assert "model_backward.first_layer_missing" not in result.mistakes, text
    assert "`return grads` is inside the loop" in text and "stops one layer early" not in text


# ---- which layers got which activation; a loop that ignores num_iterations --------------------------

linear_activation_forward = dlkit.linear_activation_forward
initialize_parameters, model_forward = dlkit.initialize_parameters, dlkit.model_forward
compute_cost, model_backward, update_parameters = dlkit.compute_cost, dlkit.model_backward, dlkit.update_parameters


def _forward_sigmoid_early(X, parameters):
    caches, A, L = [], X, len(parameters) // 2
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)],
                                             "relu" if l < L - 1 else "sigmoid")
        caches.append(cache)
    return A, caches


def test_sigmoid_from_the_last_hidden_layer_is_said_by_layer():
    result, text = _report("model_forward", _forward_sigmoid_early)
    assert result.mistakes[0] == "model_forward.hidden_sigmoid", text
    assert "layers 2 and 3 use the sigmoid" in text and "off by one" in text


def _train_fixed(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(7):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


def test_a_fixed_iteration_count_is_named():
    result, text = _report("L_layer_model", _train_fixed)
    assert result.mistakes[0] == "L_layer_model.loop_iterations_fixed", text
    assert "`range(7)`" in text and "whatever num_iterations is" in text


def test_a_fixed_iteration_count_is_named_without_a_call_log():
    from dlkit.checks import SPECS
    from dlkit.checks.runner import KernelCall

    result = SPECS["L_layer_model"].run(KernelCall("L_layer_model", _train_fixed, 5), seed=11)
    assert result.mistakes[0] == "L_layer_model.loop_iterations_fixed", str(result)
    assert "the same 7 on every case" in str(result)
