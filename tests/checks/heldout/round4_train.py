"""Held-out learner code, round 4: L_layer_model, the training loop of notebook 6.

Written on 2026-12-02 by a helper that did not read dlkit/checks (the engine),
only notebook 6 and DESIGN.md; every mistake here is meant to differ from those
in tests/checks/catalog_train.py, learners_train.py and round3_train.py. No
mutant, relation or hint of dlkit.checks may be written from it (README.md,
"Round 4").
"""
import numpy as np

from dlkit import compute_cost, initialize_parameters, model_backward, model_forward, update_parameters  # noqa: F401

from .registry4 import bug, correct


@bug("L_layer_model", "initialize_parameters(layer_dims[1:], seed): n[0] is dropped, so W1 does not match X",
     [r"layer_dims\[1:\]", r"n\[0\]", r"input (size|layer|features)", r"(first|one) layer (too few|missing|dropped)", r"dropped", r"X has"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters = initialize_parameters(layer_dims[1:], seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model", "an extra 'initial cost' is appended before the loop, so costs holds num_iterations + 1 entries (the first twice)",
     [r"before the loop", r"(one|an) (extra|more) (cost|entry)", r"num_iterations ?\+ ?1", r"twice", r"(too many|one too many)", r"should hold \d+"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    AL, _ = model_forward(X, parameters)
    costs = [compute_cost(AL, Y)]
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model", "X = X / 255 inside the function (normalising pixels the notebook already scaled): it trains on other inputs",
     [r"255", r"normali[sz]", r"scal(ed|es|ing) (X|the input)", r"(changed|divided|modified) X", r"X (is|was) (changed|divided|rescaled)"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    X = X / 255
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model", "costs.append(round(cost, 3)): the recorded costs are rounded to 3 decimals",
     [r"round", r"decimals?", r"precision", r"digits"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        costs.append(round(cost, 3))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@correct("L_layer_model", "for _ in range, costs += [cost], keyword arguments")
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    params = initialize_parameters(layer_dims, seed=seed)
    for _ in range(num_iterations):
        AL, caches = model_forward(X, params)
        costs += [compute_cost(AL, Y)]
        params = update_parameters(params, model_backward(AL, Y, caches), learning_rate=learning_rate)
    return params, costs


@correct("L_layer_model", "a verbose flag printing with np.squeeze every 500 iterations")
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1, verbose=False):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        costs.append(cost)
        if verbose and i % 500 == 0:
            print("iteration %d: cost %.6f" % (i, np.squeeze(cost)))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs
