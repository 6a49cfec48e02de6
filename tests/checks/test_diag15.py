"""diag15: L_layer_model's loop judged as a dataflow (checks/loopflow.py; issue 12, items 2, 3, 6).

Each buggy loop below is one a learner could write and no catalog or held-out round lists; its report
must name what the call log shows (the id and the words), with the iteration where the loop first
leaves the lecture's; every correct ordering of the four blocks (a forward pass before the loop and
at the end of the body, the backward pass before the cost, blocks run twice on the same inputs) must
still pass.
"""
import numpy as np
import pytest

from dlkit import compute_cost, initialize_parameters, model_backward, model_forward, update_parameters  # noqa: F401
from dlkit.checks import check
from dlkit.checks.loopflow import judge


def _report(fn):
    result = check("L_layer_model", fn, time_limit=5)
    assert not result.passed, str(result)
    return result, str(result)


# ---- (1) how often a block runs ----------------------------------------------------------------

def _update_twice(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


def _update_twice_spread(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    """The second step hidden before the cost line: still two steps with one gradient."""
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        cost = compute_cost(AL, Y)
        parameters = update_parameters(parameters, grads, learning_rate)
        costs.append(cost)
    return parameters, costs


def _update_three_times(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        for _ in range(3):
            parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


def _backward_before_loop_only(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    AL, caches = model_forward(X, parameters)
    grads = model_backward(AL, Y, caches)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


def _extra_update_after_loop(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    parameters = update_parameters(parameters, grads, learning_rate)   # "one last step"
    return parameters, costs


@pytest.mark.parametrize("fn, words", [
    (_update_twice, "update_parameters runs twice in each iteration (8 calls for num_iterations = 4)"),
    (_update_twice_spread, "two steps with the same gradients, as if alpha were doubled"),
    (_update_three_times, "update_parameters runs 3 times in each iteration"),
    (_backward_before_loop_only, "model_backward runs once for num_iterations = 4, all before the forward pass"),
    (_extra_update_after_loop, "once more after the 4 iterations"),
])
def test_a_block_run_another_number_of_times_is_said(fn, words):
    result, text = _report(fn)
    assert result.mistakes[0] == "L_layer_model.loop_block_count", text
    assert words in text, text


# ---- (2, 3) stale gradients: the order of the blocks, the provenance of grads ---------------------

def _grads_after_update(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    AL, caches = model_forward(X, parameters)
    grads = model_backward(AL, Y, caches)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        parameters = update_parameters(parameters, grads, learning_rate)
        grads = model_backward(AL, Y, caches)
    return parameters, costs


def _backward_before_forward(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    AL, caches = model_forward(X, parameters)
    costs = []
    for i in range(num_iterations):
        grads = model_backward(AL, Y, caches)
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


def _grads_kept_in_other_name(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    AL, caches = model_forward(X, parameters)
    grads = model_backward(AL, Y, caches)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grad = model_backward(AL, Y, caches)     # a typo: the new grads are never used
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


def _update_with_previous_grads(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    """A 'momentum' by hand gone wrong: the update takes the grads of the iteration before."""
    parameters = initialize_parameters(layer_dims, seed)
    costs, previous = [], None
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, previous if previous is not None else grads, learning_rate)
        previous = grads
    return parameters, costs


@pytest.mark.parametrize("fn, words", [
    (_grads_after_update, "runs only after update_parameters"),
    (_backward_before_forward, "runs only after update_parameters"),
    (_grads_kept_in_other_name, "its grads are not the ones update_parameters is given"),
    (_update_with_previous_grads, "its grads are not the ones update_parameters is given"),
])
def test_stale_gradients_are_said_with_the_iteration(fn, words):
    result, text = _report(fn)
    assert result.mistakes[0] == "L_layer_model.loop_stale_gradients", text
    assert "the update of iteration i = 1 is given the gradients of iteration i = 0's forward pass" in text, text
    assert "stale gradients, one step behind" in text and words in text, text


def _caches_not_refreshed(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    AL, caches = model_forward(X, parameters)
    costs = []
    for i in range(num_iterations):
        AL, _ = model_forward(X, parameters)     # the caches of the first pass are kept
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


def test_backward_given_another_forward_pass_caches_is_said():
    result, text = _report(_caches_not_refreshed)
    assert result.mistakes[0] == "L_layer_model.loop_wrong_input", text
    assert ("in iteration i = 1 model_backward is given the A[L] of iteration i = 1's forward pass but the caches "
            "of iteration i = 0's") in text, text


# ---- provenance of the forward pass, the cost, the returned parameters -----------------------------

def _forward_on_old_parameters(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    """Two names for the parameters: the forward pass keeps the one that is updated only every other time."""
    parameters = initialize_parameters(layer_dims, seed)
    params = parameters
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, params)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(params, grads, learning_rate)
        if i % 2 == 1:
            params = parameters
    return parameters, costs


def _cost_of_previous_AL(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    AL, caches = model_forward(X, parameters)
    costs = []
    for i in range(num_iterations):
        costs.append(compute_cost(AL, Y))        # the A[L] of the pass before
        AL, caches = model_forward(X, parameters)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


def _returns_before_last_update(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs, best = [], None
    for i in range(num_iterations):
        best = parameters
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return best, costs


def test_forward_given_parameters_of_an_earlier_iteration_is_said():
    result, text = _report(_forward_on_old_parameters)
    assert result.mistakes[0] == "L_layer_model.loop_wrong_input", text
    assert "the forward pass of iteration i = 1 is given the initial parameters, not those update_parameters returned" in text, text


def test_cost_of_the_previous_A_L_is_said():
    result, text = _report(_cost_of_previous_AL)
    assert result.mistakes[0] == "L_layer_model.loop_wrong_input", text
    assert "costs[1] is the cost J of iteration i = 0" in text and "compute_cost runs after the update of iteration i = 0 and before the forward pass of iteration i = 1" in text, text


def test_parameters_from_before_the_last_update_are_said():
    result, text = _report(_returns_before_last_update)
    assert result.mistakes[0] == "L_layer_model.loop_returned", text
    assert "the parameters returned are those iteration i = 3 started with, from before the last update" in text, text


# ---- every correct ordering still passes -------------------------------------------------------------

def _forward_at_end(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    AL, caches = model_forward(X, parameters)
    costs = []
    for i in range(num_iterations):
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        AL, caches = model_forward(X, parameters)
    return parameters, costs


def _blocks_twice_same_inputs(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        AL, caches = model_forward(X, parameters)
        grads = model_backward(AL, Y, caches)
        cost = compute_cost(AL, Y)
        grads = model_backward(AL, Y, caches)
        new = update_parameters(parameters, grads, learning_rate)
        parameters = update_parameters(parameters, grads, learning_rate)
        assert new.keys() == parameters.keys()
        costs.append(cost)
    return parameters, costs


def _grads_before_loop_then_refreshed(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    AL, caches = model_forward(X, parameters)
    grads = model_backward(AL, Y, caches)
    costs = []
    for i in range(num_iterations):
        costs.append(compute_cost(AL, Y))
        parameters = update_parameters(parameters, grads, learning_rate)
        AL, caches = model_forward(X, parameters)
        grads = model_backward(AL, Y, caches)
    return parameters, costs


@pytest.mark.parametrize("fn", [_forward_at_end, _blocks_twice_same_inputs, _grads_before_loop_then_refreshed])
def test_correct_orderings_pass(fn):
    result = check("L_layer_model", fn, time_limit=5)
    assert result.passed, str(result)


# ---- near misses: the dataflow finding stays away from what it cannot see ------------------------------

def test_a_right_loop_log_has_no_finding():
    X = np.array([[1.0, -2.0, 0.5], [0.3, 0.8, -1.0]])
    Y = np.array([[1.0, 0.0, 1.0]])
    args = (X, Y, [2, 2, 1], 0.5, 3, 3)
    log, P = [("initialize_parameters", {"layer_dims": [2, 2, 1], "seed": 3}, initialize_parameters([2, 2, 1], 3))], None
    P = log[0][2]
    costs = []
    for _ in range(3):
        AL, caches = model_forward(X, P)
        log.append(("model_forward", {"X": X, "parameters": P}, (AL, caches)))
        costs.append(compute_cost(AL, Y))
        log.append(("compute_cost", {"AL": AL, "Y": Y}, costs[-1]))
        g = model_backward(AL, Y, caches)
        log.append(("model_backward", {"AL": AL, "Y": Y, "caches": caches}, g))
        new = update_parameters(P, g, 0.5)
        log.append(("update_parameters", {"parameters": P, "grads": g, "learning_rate": 0.5}, new))
        P = new
    assert judge(args, (P, costs), log) is None
    assert judge(args, (P, costs), log[:-4]) is None   # a loop that stops early: the mutants' (iterations), not a departure
    assert judge(args, (P, costs), [e for e in log if e[0] != "model_backward"]) is None   # no backward logged: unknown


def test_an_inline_update_is_not_judged():
    """No update_parameters call (the loop updates the dict itself): the dataflow has nothing to say."""
    def inline(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
        parameters = initialize_parameters(layer_dims, seed)
        costs = []
        for i in range(num_iterations):
            AL, caches = model_forward(X, parameters)
            costs.append(compute_cost(AL, Y))
            grads = model_backward(AL, Y, caches)
            for k in parameters:
                parameters[k] = parameters[k] - 2 * learning_rate * grads["d" + k]
        return parameters, costs
    result, text = _report(inline)
    assert not any(m.rsplit(".", 1)[-1] in ("loop_block_count", "loop_stale_gradients", "loop_wrong_input",
                                            "loop_returned") for m in result.mistakes), text


def _cost_once_before_loop(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    AL, caches = model_forward(X, parameters)
    cost = compute_cost(AL, Y)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        costs.append(cost)
    return parameters, costs


def _costs_in_front(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.insert(0, compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


def test_a_cost_computed_once_is_said():
    result, text = _report(_cost_once_before_loop)
    assert result.mistakes[0] == "L_layer_model.loop_block_count", text
    assert "compute_cost runs once for num_iterations = 4, never on the A[L] of iteration i = 1" in text, text


def test_costs_in_reverse_order_are_said():
    result, text = _report(_costs_in_front)
    assert "L_layer_model.loop_costs" in result.mistakes[:1], text
    assert "costs holds the 4 costs in reverse order" in text, text


def _update_in_print_branch(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        if i % 3 == 0:
            grads = model_backward(AL, Y, caches)
            parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


def test_updates_that_stop_are_said_not_a_reinitialisation():
    result, text = _report(_update_in_print_branch)
    assert result.mistakes[0] == "L_layer_model.loop_block_count", text
    assert "run only twice for num_iterations = 4, not in every iteration: none in iteration i = 1," in text, text
    assert "initialised again" not in text, text


# ---- a mutant's claim the log confirms, said in the run's numbers ------------------------------------

def _loop_runs(k):
    def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
        parameters = initialize_parameters(layer_dims, seed)
        costs = []
        for i in range(num_iterations + k):
            AL, caches = model_forward(X, parameters)
            costs.append(compute_cost(AL, Y))
            grads = model_backward(AL, Y, caches)
            parameters = update_parameters(parameters, grads, learning_rate)
        return parameters, costs
    return L_layer_model


@pytest.mark.parametrize("k, words", [(1, "the loop ran 5 times for num_iterations = 4"), (-1, "one iteration too few")])
def test_an_off_by_one_loop_says_which_way(k, words):
    result, text = _report(_loop_runs(k))
    assert result.mistakes[0] == "L_layer_model.iterations_off_by_one", text
    assert words in text, text


def test_a_discarded_update_says_what_the_update_was_given():
    def discarded(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
        parameters = initialize_parameters(layer_dims, seed)
        costs = []
        for i in range(num_iterations):
            AL, caches = model_forward(X, parameters)
            costs.append(compute_cost(AL, Y))
            grads = model_backward(AL, Y, caches)
            update_parameters(parameters, grads, learning_rate)
        return parameters, costs
    result, text = _report(discarded)
    assert result.mistakes[0] == "L_layer_model.update_discarded", text
    assert "update_parameters is given the initial parameters on all 4 iterations" in text, text


def test_an_update_of_the_previous_parameters_is_said():
    def previous(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
        parameters = initialize_parameters(layer_dims, seed)
        before = parameters
        costs = []
        for i in range(num_iterations):
            AL, caches = model_forward(X, parameters)
            costs.append(compute_cost(AL, Y))
            grads = model_backward(AL, Y, caches)
            new = update_parameters(before, grads, learning_rate)
            before, parameters = parameters, new
        return parameters, costs
    result, text = _report(previous)
    assert result.mistakes[0] == "L_layer_model.loop_wrong_input", text
    assert ("the update of iteration i = 1 is given the initial parameters, not the parameters this iteration's "
            "forward pass used") in text, text
