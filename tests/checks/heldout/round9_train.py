"""Held-out learner code, round 9: L_layer_model, the training loop of notebook 6.

Written on 2026-12-03 by a helper (branch ``heldout9``) that did not read
dlkit/checks (the engine), docs/relations.md, docs/grading.md, the earlier
rounds' baselines or any report the checks print, only notebook 6 and
DESIGN.md. No mutant, relation or hint of dlkit.checks may be written from it
(README.md, "Round 9").
"""
from dlkit import compute_cost, initialize_parameters, model_backward, model_forward, update_parameters  # noqa: F401

from .registry9 import bug, correct


@bug("L_layer_model", "the gradients are computed after the update, from the forward pass before it: each step uses the previous iteration's (stale) grads",
     [r"stale", r"(previous|last|old|earlier) (iteration|step)'?s? grad", r"(one|a) step (late|behind)", r"before (the )?(backward|gradients)", r"order", r"after the update"])
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


@bug("L_layer_model", "for i in range(1, num_iterations): one iteration too few (num_iterations - 1 costs and updates)",
     [r"one (iteration )?(too )?(few|less|short)", r"off[- ]by[- ]one", r"range\(1", r"iterations?.{0,30}(missing|fewer|short)", r"num_iterations ?- ?1"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(1, num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model", "compute_cost(Y, AL): the two arguments swapped (the labels passed as A[L])",
     [r"swap", r"(wrong|reversed) order", r"arguments?", r"(Y|labels?).{0,30}(as|instead of|where) A\[?L\]?"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(Y, AL))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model", "the update line pasted twice: two steps with the same gradients per iteration (a doubled learning rate)",
     [r"twice", r"(two|double|doubled) (updates|steps|learning)", r"2 ?(x|times)", r"learning rate.{0,30}(doubled|twice|2)", r"(two|2) steps"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@correct("L_layer_model", "costs preallocated as [None] * num_iterations and filled by index")
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs = [None] * num_iterations
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs[i] = compute_cost(AL, Y)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@correct("L_layer_model", "the backward pass nested inside the update call")
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for _ in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs += [compute_cost(AL, Y)]
        parameters = update_parameters(parameters, model_backward(AL, Y, caches), learning_rate)
    return parameters, costs
