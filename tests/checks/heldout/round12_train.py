"""Held-out learner code, round 12: L_layer_model, the training loop of notebook 6.

Written on 2026-12-04 on commit 49aeaac by a helper (branch ``heldout12``) that
did not read dlkit/checks (the engine), docs/relations.md, docs/grading.md,
BASELINE.md, the catalogs, the engine's tests, other worktrees or any report
the checks print, and ran no measurement; only notebook 6, DESIGN.md and
dlkit's reference blocks. No mutant, relation or hint of dlkit.checks may be
written from it (README.md, "Round 12").
"""
import numpy as np  # noqa: F401

from dlkit import compute_cost, initialize_parameters, model_backward, model_forward, update_parameters  # noqa: F401

from .registry12 import bug, correct


@bug("L_layer_model",
     "for i in range(num_iterations + 1): one iteration (one update and one cost) too many",
     [r"(one|an) (extra|more) (iteration|update|step|cost)", r"(one|an) iteration too many", r"too many",
      r"num_iterations ?\+ ?1", r"(\d+|one) (costs|updates) (instead|too)", r"(extra|additional) (iteration|update)"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations + 1):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model",
     "the cost taken of Z[L] from the last cache (caches[-1][1]) instead of AL",
     [r"cost of Z", r"compute_cost.{0,20}\bZ", r"(cost|compute_cost) (of|on|from) (Z|the cache)", r"not (the )?probabilit", r"(instead of|not) (AL|A\[L\])",
      r"probabilit", r"(outside|not in) \[?\(?0, ?1"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        ZL = caches[-1][1]
        costs.append(compute_cost(ZL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model",
     "stochastic gradient descent: one update per example (a loop over the columns of X) instead of one update "
     "per iteration on the whole batch",
     [r"(per|each|every|one) (example|column)", r"stochastic", r"mini-?batch", r"(whole|full) batch", r"(too many|m) updates",
      r"(one|single) (example|column)", r"(whole|all) (the )?(examples|batch|columns)"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, _ = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        for j in range(X.shape[1]):
            a, caches = model_forward(X[:, [j]], parameters)
            grads = model_backward(a, Y[:, [j]], caches)
            parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model",
     "costs = costs.append(cost): append returns None, so costs is None from the first iteration on",
     [r"\bNone\b", r"append (returns|gives)", r"(rebind|rebound|reassign|overwr)\w*.{0,30}costs",
      r"costs.{0,30}(None|not a list)", r"AttributeError"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        costs = costs.append(cost)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model",
     "the learning rate divided by m (learning_rate / X.shape[1]) 'because the gradients are averaged': every step "
     "is m times too small",
     [r"(m|\d+) times (too )?small", r"(divid\w*|scaled).{0,30}(learning.?rate|step)",
      r"(learning.?rate|step|alpha).{0,30}(divid\w*|smaller|too small|scaled|wrong)", r"X\.shape\[1\]",
      r"smaller (step|learning)"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    step = learning_rate / X.shape[1]
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, step)
    return parameters, costs


@correct("L_layer_model", "forward once before the loop and again at the end of each iteration")
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    AL, caches = model_forward(X, parameters)
    for _ in range(num_iterations):
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        AL, caches = model_forward(X, parameters)
    return parameters, costs


@correct("L_layer_model", "a nested step function (nonlocal parameters) called in a list comprehension of costs")
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters = initialize_parameters(layer_dims, seed)

    def step():
        nonlocal parameters
        AL, caches = model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        parameters = update_parameters(parameters, model_backward(AL, Y, caches), learning_rate)
        return cost

    costs = [step() for _ in range(num_iterations)]
    return parameters, costs
