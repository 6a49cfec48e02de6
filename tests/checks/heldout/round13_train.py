"""Held-out learner code, round 13: L_layer_model, the training loop of notebook 6.

Written on 2026-12-04 on commit 364245e by a helper (branch ``heldout13``) that
did not read dlkit/checks (the engine), docs/relations.md, docs/grading.md,
BASELINE.md, the catalogs, the engine's tests, other worktrees, the git history
of dlkit/checks or any report the checks print, and ran no measurement nor
``dlkit.checks.check``; only notebook 6, DESIGN.md and dlkit's reference
blocks, and the one-line mistakes of the earlier rounds. No mutant, relation
or hint of dlkit.checks may be written from it (README.md, "Round 13").
"""
import numpy as np  # noqa: F401

from dlkit import compute_cost, initialize_parameters, model_backward, model_forward, update_parameters  # noqa: F401

from .registry13 import bug, correct


@bug("L_layer_model",
     "the forward pass run once before the loop for its caches, and inside the loop AL, _ = model_forward(...): "
     "every backward pass uses the initial caches",
     [r"stale", r"(initial|first|old) (caches|parameters|forward)", r"caches.{0,40}(never|not) (updated|recomputed)",
      r"(same|unchanged) gradients?", r"(before|outside) the loop"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    AL, caches = model_forward(X, parameters)
    for i in range(num_iterations):
        AL, _ = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model",
     "the update placed before the backward pass, with grads primed before the loop: each step uses the previous "
     "iteration's gradients",
     [r"(previous|last|old|stale) (iteration'?s? )?grad", r"(one|a) (step|iteration) (behind|late|lag)", r"lag",
      r"(wrong|swapped) order", r"before (the )?(backward|model_backward)", r"stale"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    AL, caches = model_forward(X, parameters)
    grads = model_backward(AL, Y, caches)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        parameters = update_parameters(parameters, grads, learning_rate)
        grads = model_backward(AL, Y, caches)
    return parameters, costs


@bug("L_layer_model",
     "the initial dict kept as params and returned: the trained parameters are thrown away",
     [r"(initial|untrained|starting|original) (parameters|weights)", r"(never|not) (trained|updated)",
      r"(wrong|other) (variable|dict)", r"thrown away", r"(parameters|weights).{0,30}unchanged"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    params = initialize_parameters(layer_dims, seed)
    parameters = params
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return params, costs


@bug("L_layer_model",
     "every update starts again from the initial params0: update_parameters(params0, grads, ...) instead of the "
     "current parameters",
     [r"(initial|starting|original|first) (parameters|weights|point)", r"(every|each) (step|update).{0,40}(start|from)",
      r"(does not|doesn't|never) (accumulate|progress|move)", r"(only )?one step", r"(current|latest) parameters"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    params0 = initialize_parameters(layer_dims, seed)
    parameters = params0
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(params0, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model",
     "the cost of each iteration computed into J but the stale variable cost (the initial cost) appended",
     [r"(same|constant|initial|first) cost", r"(stale|wrong) (variable|cost)", r"costs? (never|not) (change|updated)",
      r"(every|all) costs?.{0,30}(same|equal)", r"costs? (are|is|stay\w*) flat"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    AL, caches = model_forward(X, parameters)
    cost = compute_cost(AL, Y)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        J = compute_cost(AL, Y)
        costs.append(cost)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model",
     "costs.append only if i > 0: the initial cost is never recorded, one cost too few",
     [r"(initial|first) cost.{0,40}(missing|never|not)", r"costs\[0\]", r"one (cost )?too few", r"(one|a) cost (short|missing)",
      r"off by one", r"shift\w*", r"(fewer|too few) costs"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        if i > 0:
            costs.append(cost)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@correct("L_layer_model", "a while loop counting down, costs extended by a one-item list")
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    remaining = num_iterations
    while remaining > 0:
        AL, caches = model_forward(X, parameters)
        costs += [compute_cost(AL, Y)]
        parameters = update_parameters(parameters, model_backward(AL, Y, caches), learning_rate)
        remaining -= 1
    return parameters, costs


@correct("L_layer_model", "one step as a nested function returning (new parameters, cost)")
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    def step(params):
        AL, caches = model_forward(X, params)
        J = compute_cost(AL, Y)
        return update_parameters(params, model_backward(AL, Y, caches), learning_rate), J

    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for _ in range(num_iterations):
        parameters, J = step(parameters)
        costs.append(J)
    return parameters, costs
