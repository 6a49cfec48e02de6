"""Held-out learner code, round 11: L_layer_model, the training loop of notebook 6.

Written on 2026-12-03 by a helper (branch ``heldout11``) that did not read
dlkit/checks (the engine), docs/relations.md, docs/grading.md, BASELINE.md,
the catalogs or any report the checks print, only notebook 6 and DESIGN.md.
No mutant, relation or hint of dlkit.checks may be written from it
(README.md, "Round 11").
"""
import numpy as np  # noqa: F401

from dlkit import compute_cost, initialize_parameters, model_backward, model_forward, update_parameters  # noqa: F401

from .registry11 import bug, correct


@bug("L_layer_model", "the forward pass is done once before the loop and again after each update, and the cost taken after it: costs[i] is the cost after i + 1 updates, the initial cost is missing",
     [r"after (the|each|its) update", r"shifted", r"(one|an) iteration (late|later|ahead)", r"initial (parameters'? )?cost", r"costs\[0\]", r"off[- ]by[- ]one", r"before (its|the|each) update"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    AL, caches = model_forward(X, parameters)
    for i in range(num_iterations):
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
    return parameters, costs


@bug("L_layer_model", "a decaying step learning_rate / (1 + i) 'to converge': every update after the first is smaller than the learning_rate asked for",
     [r"deca", r"(step|learning rate|alpha) (is )?(shrink|smaller|changed|divided|reduced|varies)", r"1 ?\+ ?i", r"(constant|fixed|same) (learning rate|step|alpha)", r"schedul"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        step = learning_rate / (1 + i)
        parameters = update_parameters(parameters, grads, step)
    return parameters, costs


@bug("L_layer_model", "costs=[] as a default argument: the one list is shared by every call, so a second call's costs start with the first call's",
     [r"default (argument|value|parameter)", r"mutable", r"shared (between|by|across)", r"(previous|earlier|first) (call|run)'?s? costs", r"(too many|extra|more) (costs|entries)", r"(persist|accumulat)"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1, costs=[]):
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model", "caches[::-1] handed to model_backward 'because the backward pass goes from L to 1': model_backward already walks the caches backwards, so every layer gets another layer's cache",
     [r"revers", r"\[::-1\]", r"(wrong|other|another) layer'?s? cache", r"(order|ordering) of the caches", r"caches (in|are in) (the )?(wrong|reverse)", r"already (walks|goes|reverses)"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        backward_caches = caches[::-1]
        grads = model_backward(AL, Y, backward_caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model", "update_parameters(parameters, grads, -learning_rate) 'since we go down the gradient': update_parameters already subtracts, so the sign is flipped",
     [r"negative", r"-learning_rate|-alpha", r"sign", r"(ascent|uphill|up the gradient)", r"already subtracts", r"minus"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    rate = -learning_rate
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, rate)
    return parameters, costs


@correct("L_layer_model", "a while loop with its own counter, the four steps in order")
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    i = 0
    while i < num_iterations:
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        parameters = update_parameters(parameters, model_backward(AL, Y, caches), learning_rate)
        i += 1
    return parameters, costs


@correct("L_layer_model", "the forward pass run twice per iteration (once for the cost, once for the backward pass): slower, same numbers")
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for _ in range(num_iterations):
        costs.append(compute_cost(model_forward(X, parameters)[0], Y))
        AL, caches = model_forward(X, parameters)
        parameters = update_parameters(parameters, model_backward(AL, Y, caches), learning_rate)
    return parameters, costs
