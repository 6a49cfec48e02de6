"""Held-out learner code, round 10: L_layer_model, the training loop of notebook 6.

Written on 2026-12-03 by a helper (branch ``heldout10``) that did not read
dlkit/checks (the engine), docs/relations.md, docs/grading.md, BASELINE.md,
the catalogs or any report the checks print, only notebook 6 and DESIGN.md.
No mutant, relation or hint of dlkit.checks may be written from it
(README.md, "Round 10").
"""
import itertools

import numpy as np

from dlkit import compute_cost, initialize_parameters, model_backward, model_forward, update_parameters  # noqa: F401

from .registry10 import bug, correct


@bug("L_layer_model", "initialize_parameters(seed, layer_dims): the two arguments in the wrong order",
     [r"swap", r"(wrong|reversed) order", r"arguments?", r"seed (as|where|instead of) layer_dims", r"layer_dims (as|where|instead of) (the )?seed"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(seed, layer_dims)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model", "return parameters, costs indented into the loop: the function returns after the first iteration (one cost, one update)",
     [r"(first|one|single) iteration", r"return.{0,30}(inside|in) the loop", r"indent", r"(only|just) one (cost|step|iteration|update)", r"after (the )?first", r"fewer (iterations|costs)"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        costs.append(cost)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        return parameters, costs


@bug("L_layer_model", "np.append(costs, cost) without assigning its result: np.append returns a new array, so costs stays empty",
     [r"np\.append", r"(not|never) (assigned|stored|kept|saved)", r"returns? a new array", r"costs (is|stays|remains|was) empty", r"empty", r"no costs"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        np.append(costs, cost)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model", "compute_cost(AL, Y) / X.shape[1]: the recorded cost divided by m once more (compute_cost already averages), every cost m times too small",
     [r"m times", r"too small", r"(extra|second|again|twice).{0,20}(1/m|divi|averag)", r"divided (twice|again|by m)", r"averaged (twice|again)"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    m = X.shape[1]
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        cost = compute_cost(AL, Y) / m
        costs.append(cost)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model", "initialize_parameters(layer_dims + [1], seed) 'for the output unit': layer_dims already ends with n[L] = 1, so the network gets one layer too many",
     [r"(one|a|an) (extra )?layer too many", r"extra layer", r"\+ ?\[1\]", r"already (ends|has|includes)", r"output (layer|unit) (twice|again)", r"n\[L\] ?= ?1 (twice|again)"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    dims = layer_dims + [1]
    parameters = initialize_parameters(dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@correct("L_layer_model", "the cost computed at the end of the iteration, from that iteration's A[L] (before the update took effect)")
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        costs.append(compute_cost(AL, Y))
    return parameters, costs


@correct("L_layer_model", "itertools.repeat(None, num_iterations) as the loop, the forward pass unpacked inline")
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for _ in itertools.repeat(None, num_iterations):
        forward = model_forward(X, parameters)
        costs.append(compute_cost(*forward[:1], Y))
        parameters = update_parameters(parameters, model_backward(forward[0], Y, forward[1]), learning_rate)
    return parameters, costs
