"""L_layer_model's loop held against the lecture's by its calls (train2): the costs list as a sequence of
the loop's own costs (loopcosts.py), updates from columns of X (specs_train._batches), the variable
returned, and no claim about the update when the parameters are right. Forms written for this file."""
from __future__ import annotations

import numpy as np
import pytest

from dlkit import compute_cost, initialize_parameters, model_backward, model_forward, update_parameters  # noqa: F401
from dlkit.checks import check, loopcosts


def _text(fn):
    r = check("L_layer_model", fn)
    assert not r.passed, str(r)
    return str(r), list(r.mistakes)


# -- the costs list ------------------------------------------------------------------------------
def costs_from_second(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    params = initialize_parameters(layer_dims, seed)
    history = []
    for step in range(num_iterations):
        out, store = model_forward(X, params)
        J = compute_cost(out, Y)
        if step >= 1:
            history.append(J)
        params = update_parameters(params, model_backward(out, Y, store), learning_rate)
    return params, history


def costs_even_only(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    params = initialize_parameters(layer_dims, seed)
    history = []
    for step in range(num_iterations):
        out, store = model_forward(X, params)
        J = compute_cost(out, Y)
        if step % 2 == 0:
            history.append(J)
        params = update_parameters(params, model_backward(out, Y, store), learning_rate)
    return params, history


def costs_stale_name(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    params = initialize_parameters(layer_dims, seed)
    start_cost = compute_cost(model_forward(X, params)[0], Y)
    history = []
    for _ in range(num_iterations):
        out, store = model_forward(X, params)
        loss = compute_cost(out, Y)
        history.append(start_cost)
        params = update_parameters(params, model_backward(out, Y, store), learning_rate)
    return params, history


def costs_appended_early(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    params = initialize_parameters(layer_dims, seed)
    history, J = [], 1.0
    for _ in range(num_iterations):
        history.append(J)
        out, store = model_forward(X, params)
        J = compute_cost(out, Y)
        params = update_parameters(params, model_backward(out, Y, store), learning_rate)
    return params, history


def costs_last_repeated(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    params = initialize_parameters(layer_dims, seed)
    for _ in range(num_iterations):
        out, store = model_forward(X, params)
        J = compute_cost(out, Y)
        params = update_parameters(params, model_backward(out, Y, store), learning_rate)
    return params, [J for _ in range(num_iterations)]


@pytest.mark.parametrize("fn, words", [
    (costs_from_second, ["costs[0], the cost of the initial parameters", "one cost too few", "`if step >= 1:`"]),
    (costs_even_only, ["every second iteration only (iterations 0, 2 of 0..3)", "`if step % 2 == 0:`"]),
    (costs_stale_name, ["every cost in costs is the same", "appends `start_cost`", "goes to `loss`"]),
    (costs_appended_early, ["cost J of iteration i - 1", "costs[0] is 1"]),
    (costs_last_repeated, ["every cost in costs is the same", "iteration i = 3 (the last one)"]),
])
def test_the_costs_list_is_said_as_a_function_of_the_loops_own_costs(fn, words):
    text, ids = _text(fn)
    assert ids[0] == "L_layer_model.loop_costs", text
    for w in words:
        assert w in text, text
    assert "not in the order" not in text and "thrown away" not in text, text   # no false claim
    assert "whole numbers" not in text and "too many or too few" not in text, text


def test_sequence_relations_on_plain_numbers():
    Js = [0.9, 0.8, 0.7, 0.6]
    assert loopcosts.sequence(Js, Js) is None
    assert "reverse order" in loopcosts.sequence(Js[::-1], Js)[1]
    assert "not those of iteration 2" in loopcosts.sequence([0.9, 0.8, 0.6], Js)[1]
    assert "iteration i = 0" in loopcosts.sequence([0.9] * 4, Js)[1]
    assert "no iteration's cost" in loopcosts.sequence([0.5] * 4, Js)[1]
    assert loopcosts.sequence([0.9, 0.8], [0.9, 0.9, 0.8]) is None   # a flat cost: which iteration cannot be told
    assert loopcosts.sequence([0.3, 0.2], Js) is None                # no relation: nothing said


def test_the_source_facts_about_the_append():
    src = ("def f(X, n):\n    c = compute_cost(X, 1)\n    out = []\n    for i in range(n):\n"
           "        k = compute_cost(X, i)\n        if i > 2:\n            out.append(c)\n    return out\n")
    facts = loopcosts.appends(src)
    assert facts["condition"] == "i > 2" and "`c`" in facts["stale"] and "`k`" in facts["stale"]
    assert loopcosts.appends("def f(:") == {}


# -- updates from columns of X ----------------------------------------------------------------------
def sgd_reversed_columns(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    params = initialize_parameters(layer_dims, seed)
    history = []
    for _ in range(num_iterations):
        history.append(compute_cost(model_forward(X, params)[0], Y))
        for j in reversed(range(X.shape[1])):
            x, y = X[:, j:j + 1], Y[:, j:j + 1]
            out, store = model_forward(x, params)
            params = update_parameters(params, model_backward(out, y, store), learning_rate)
    return params, history


def first_half_batch(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    params = initialize_parameters(layer_dims, seed)
    history = []
    half = max(1, X.shape[1] // 2)
    for _ in range(num_iterations):
        out, store = model_forward(X[:, :half], params)
        history.append(compute_cost(model_forward(X, params)[0], Y))
        params = update_parameters(params, model_backward(out, Y[:, :half], store), learning_rate)
    return params, history


@pytest.mark.parametrize("fn, words", [
    (sgd_reversed_columns, ["one column of X at a time", "columns [2]; [1]; [0]", "3 per iteration",
                            "stochastic gradient descent", "whole batch"]),
    (first_half_batch, ["columns [0]", "once per iteration, but each update is made from the gradients of those "
                                       "examples only"]),
])
def test_updates_from_columns_of_X_are_said_as_such(fn, words):
    text, ids = _text(fn)
    assert ids[0] == "L_layer_model.loop_batches", text
    for w in words:
        assert w in text, text


# -- the parameters returned, the update's claims ----------------------------------------------------
def returns_the_start(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    w0 = initialize_parameters(layer_dims, seed)
    w = {k: v.copy() for k, v in w0.items()}
    history = []
    for _ in range(num_iterations):
        out, store = model_forward(X, w)
        history.append(compute_cost(out, Y))
        w = update_parameters(w, model_backward(out, Y, store), learning_rate)
    return w0, history


def last_update_skipped(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    params = initialize_parameters(layer_dims, seed)
    history = []
    for step in range(num_iterations):
        out, store = model_forward(X, params)
        history.append(compute_cost(out, Y))
        grads = model_backward(out, Y, store)
        if step + 1 < num_iterations:
            params = update_parameters(params, grads, learning_rate)
    return params, history


def test_the_variable_returned_is_named():
    text, ids = _text(returns_the_start)
    assert ids[0] == "L_layer_model.returns_initial_parameters", text
    assert "to `w`" in text and "returns `w0`" in text and "thrown away" in text, text


def test_an_update_skipped_is_not_said_as_a_loop_off_by_one():
    text, ids = _text(last_update_skipped)
    assert "update_parameters runs only 3 times for num_iterations = 4" in text, text
    assert "sits under `if step + 1 < num_iterations:`" in text, text
    assert "too many or too few" not in text, text


def stops_when_flat(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    params = initialize_parameters(layer_dims, seed)
    history = []
    for step in range(num_iterations):
        out, store = model_forward(X, params)
        history.append(compute_cost(out, Y))
        if len(history) > 1 and history[-2] - history[-1] < 0.05:
            break
        params = update_parameters(params, model_backward(out, Y, store), learning_rate)
    return params, history


def test_an_early_stop_is_said_by_its_break():
    text, _ = _text(stops_when_flat)
    assert "`break` under `if len(history) > 1 and history[-2] - history[-1] < 0.05:`" in text, text


# -- correct forms: 0 false fails --------------------------------------------------------------------
def correct_costs_as_array(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    params = initialize_parameters(layer_dims, seed)
    history = np.zeros(num_iterations)
    for step in range(num_iterations):
        out, store = model_forward(X, params)
        history[step] = compute_cost(out, Y)
        params = update_parameters(params, model_backward(out, Y, store), learning_rate)
    return params, history


def correct_with_a_probe(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    params = initialize_parameters(layer_dims, seed)
    history = []
    for step in range(num_iterations):
        model_forward(X[:, :1], params)           # a look at the first example: no update from it
        out, store = model_forward(X, params)
        J = compute_cost(out, Y)
        if step >= 0:
            history.append(J)
        params = update_parameters(params, model_backward(out, Y, store), learning_rate)
    return params, history


def correct_insert_at_end(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    params = initialize_parameters(layer_dims, seed)
    first = params
    history = []
    for _ in range(num_iterations):
        out, store = model_forward(X, params)
        history.insert(len(history), compute_cost(out, Y))
        params = update_parameters(params, model_backward(out, Y, store), learning_rate)
    del first
    return params, history


@pytest.mark.parametrize("fn", [correct_costs_as_array, correct_with_a_probe, correct_insert_at_end])
def test_correct_loops_pass(fn):
    r = check("L_layer_model", fn)
    assert r.passed, str(r)


# -- more of the same family: a running mean, one cost too many, the last cost alone, gradients added up --
def costs_running_mean(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    params = initialize_parameters(layer_dims, seed)
    history, seen = [], []
    for _ in range(num_iterations):
        out, store = model_forward(X, params)
        seen.append(compute_cost(out, Y))
        history.append(sum(seen) / len(seen))
        params = update_parameters(params, model_backward(out, Y, store), learning_rate)
    return params, history


def costs_one_more_at_the_end(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    params = initialize_parameters(layer_dims, seed)
    history = []
    for _ in range(num_iterations):
        out, store = model_forward(X, params)
        history.append(compute_cost(out, Y))
        params = update_parameters(params, model_backward(out, Y, store), learning_rate)
    history.append(compute_cost(model_forward(X, params)[0], Y))
    return params, history


def the_last_cost_alone(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    params = initialize_parameters(layer_dims, seed)
    for _ in range(num_iterations):
        out, store = model_forward(X, params)
        J = compute_cost(out, Y)
        params = update_parameters(params, model_backward(out, Y, store), learning_rate)
    return params, J


def gradients_added_up(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    params = initialize_parameters(layer_dims, seed)
    history = []
    for _ in range(num_iterations):
        history.append(compute_cost(model_forward(X, params)[0], Y))
        acc = {}
        for j in range(X.shape[1]):
            out, store = model_forward(X[:, j:j + 1], params)
            for k, v in model_backward(out, Y[:, j:j + 1], store).items():
                acc[k] = acc.get(k, 0) + v
        params = update_parameters(params, acc, learning_rate)
    return params, history


def correct_gradients_averaged(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    params = initialize_parameters(layer_dims, seed)
    history = []
    m = X.shape[1]
    for _ in range(num_iterations):
        history.append(compute_cost(model_forward(X, params)[0], Y))
        acc = {}
        for j in range(m):
            out, store = model_forward(X[:, j:j + 1], params)
            for k, v in model_backward(out, Y[:, j:j + 1], store).items():
                acc[k] = acc.get(k, 0) + v / m
        params = update_parameters(params, acc, learning_rate)
    return params, history


@pytest.mark.parametrize("fn, words", [
    (costs_running_mean, ["the mean of the costs J of iterations 0..i", "a running mean"]),
    (costs_one_more_at_the_end, ["costs holds 5 values for num_iterations = 4", "1 more at the end (costs[4])"]),
    (the_last_cost_alone, ["the cost J of the last iteration alone"]),
    (gradients_added_up, ["the sum of those examples' gradients", "3 times the gradients of the whole batch"]),
])
def test_more_loop_forms_are_named(fn, words):
    text, _ = _text(fn)
    for w in words:
        assert w in text, text


def test_gradients_averaged_over_the_examples_pass():
    r = check("L_layer_model", correct_gradients_averaged)
    assert r.passed, str(r)
