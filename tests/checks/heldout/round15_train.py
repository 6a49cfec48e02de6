"""Held-out learner code, round 15: L_layer_model, the training loop of notebook 6.

Written on 2026-12-04 on commit 53c4d64 by a helper (branch ``heldout15``) that
did not read dlkit/checks (the engine), docs/relations.md, docs/grading.md,
BASELINE.md, the catalogs, the engine's tests, other worktrees, the git history
of dlkit/checks or any report the checks print, and ran no measurement nor
``dlkit.checks.check`` or ``SPECS``; only notebook 6, DESIGN.md and dlkit's
reference blocks, and the one-line mistakes of the earlier rounds. No mutant,
relation or hint of dlkit.checks may be written from it (README.md, "Round 15").
"""
import numpy as np

from dlkit import compute_cost, initialize_parameters, model_backward, model_forward, update_parameters  # noqa: F401

from .registry15 import bug, correct

# a cell above the exercise, left in the learner's namespace ("costs = []" run once, then deleted from the function)
costs = []


@bug("L_layer_model",
     "model_backward(Y, AL, caches): the labels and the predictions passed in the wrong order",
     [r"(arguments?|AL and Y|Y and AL) .{0,30}(swapped|reversed|wrong order|mixed up|exchanged)", r"model_backward\(Y",
      r"(wrong|reversed|other) order", r"Y (passed |given )?(as|for|instead of) AL", r"labels .{0,30}(as|for|instead of) (the )?(predictions|AL)"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        costs.append(cost)
        grads = model_backward(Y, AL, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model",
     "the update assigned to params while the loop keeps using parameters: every iteration starts from the initial weights",
     [r"(never|not) (assigned|saved|kept|stored|used)", r"params\b", r"(initial|same|starting) (parameters|weights) .{0,30}(every|each|all)",
      r"(cost|costs) (never|do(es)? not) (change|decrease|go down)", r"(same|constant|flat) costs?", r"(only )?(one|a single) (update|step)",
      r"(updates?|steps?) .{0,30}(lost|discarded|thrown away)"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    params = parameters
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        params = update_parameters(parameters, grads, learning_rate)
    return params, costs


@bug("L_layer_model",
     "costs preallocated as np.zeros(num_iterations, dtype=int): every cost is truncated to 0",
     [r"integer", r"\bint\b", r"dtype", r"truncat\w*", r"(all|every) (the )?costs? .{0,20}(are |is )?(0|zero)",
      r"costs? .{0,30}(rounded|cut) (down|to 0)", r"whole numbers"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = np.zeros(num_iterations, dtype=int)
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs[i] = compute_cost(AL, Y)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model",
     "costs is never created in the function: it appends to the notebook's global list, so a second call returns both runs' costs",
     [r"global", r"(second|another|next|later) (call|run)", r"(previous|earlier|last) (call|run)'?s? costs", r"(never|not) (reset|emptied|cleared|created)",
      r"(costs?|list) .{0,30}(grow|accumulat|keeps? (growing|appending))", r"too many costs", r"(shared|same) list"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model",
     "cost recomputed only when i % 100 == 0 but appended every iteration: 100 copies of each stale cost",
     [r"% ?100", r"every 100", r"(stale|old|outdated|repeated|same) (costs?|values?)", r"(costs?|values?) (repeated|duplicated)",
      r"(not|never) (recomputed|updated) (every|each) iteration", r"(only|just) (every|each) 100"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    cost = None
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        if i % 100 == 0:
            cost = compute_cost(AL, Y)
        costs.append(cost)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model",
     "a break before the backward pass on the last iteration: the last update is skipped (parameters one step short)",
     [r"break", r"(last|final) (update|step|iteration'?s? update) .{0,30}(skipped|missing|not (done|made|applied))",
      r"(one|1) (step|update|iteration) (short|too few|missing)", r"(skip\w*|miss\w*) (the )?(last|final) (update|step)",
      r"num_iterations ?- ?1 (updates|steps)"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        if i == num_iterations - 1:
            break   # no need for gradients after the last cost
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@correct("L_layer_model", "the notebook's four steps with a named cost converted by float(), keyword calls")
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed=seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate=learning_rate)
        costs.append(float(cost))
    return parameters, costs


@correct("L_layer_model", "a while loop counting the iterations, the results kept in a tuple")
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    history = []
    it = 0
    while it < num_iterations:
        out = model_forward(X, parameters)
        history.append(compute_cost(out[0], Y))
        parameters = update_parameters(parameters, model_backward(out[0], Y, out[1]), learning_rate)
        it += 1
    result = (parameters, history)
    return result
