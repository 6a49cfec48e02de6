"""Held-out learner code, round 7: L_layer_model, the training loop of notebook 6.

Written on 2026-12-03 by a helper (branch ``heldout7``) that did not read
dlkit/checks (the engine), docs/relations.md, docs/grading.md, the earlier
rounds' baselines or any report the checks print, only notebook 6 and
DESIGN.md; common mistakes first, in a code shape no earlier round used, then
rarer ones. No mutant, relation or hint of dlkit.checks may be written from it
(README.md, "Round 7").
"""
from dlkit import compute_cost, initialize_parameters, model_backward, model_forward, update_parameters  # noqa: F401

from .registry7 import bug, correct


@bug("L_layer_model", "returns (parameters, cost): the last cost (a number) instead of the list costs",
     [r"(last|final) cost", r"(a |one )?(single )?number (instead|rather|not)", r"\bcosts\b.{0,30}(list|instead)", r"not a list", r"(list|every iteration'?s) (of )?costs?", r"wrong (variable|name)"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        costs.append(cost)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, cost


@bug("L_layer_model", "costs.append(cost) is dedented out of the loop: costs holds only the last iteration's cost",
     [r"indent", r"(outside|after) the loop", r"(only|just) (one|the last)", r"(one|1) (item|cost|entry)", r"(each|every) iteration", r"should hold \d+ items"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    costs.append(cost)
    return parameters, costs


@bug("L_layer_model", "the cost is taken from a second forward pass after the update: costs[0] is the cost after the first step, not of the initial parameters (every cost one step late)",
     [r"(after|before) the update", r"(one|a) step (late|behind|ahead)", r"(shifted|off) by one", r"initial (parameters|weights|cost)", r"costs\[0\]", r"(second|extra) forward"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        AL_new, _ = model_forward(X, parameters)
        costs.append(compute_cost(AL_new, Y))
    return parameters, costs


@bug("L_layer_model", "update_parameters(parameters, grads, -learning_rate): a minus 'for descent' on top of the one inside the update, so it climbs (gradient ascent)",
     [r"ascent", r"uphill", r"\bsign\b", r"minus", r"negative (learning )?rate", r"(cost|J) (grows|increases|goes up|rises)", r"opposite direction"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, -learning_rate)
    return parameters, costs


@correct("L_layer_model", "costs += [cost], the four steps with keyword arguments")
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims=layer_dims, seed=seed)
    for _ in range(num_iterations):
        AL, caches = model_forward(X=X, parameters=parameters)
        costs += [compute_cost(AL=AL, Y=Y)]
        grads = model_backward(AL=AL, Y=Y, caches=caches)
        parameters = update_parameters(parameters=parameters, grads=grads, learning_rate=learning_rate)
    return parameters, costs
