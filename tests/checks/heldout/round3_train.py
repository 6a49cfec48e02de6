"""Held-out learner code, round 3: L_layer_model, the training loop of notebook 6.

Written on 2026-12-02 by a helper that did not read dlkit/checks (the engine),
only notebook 6 and DESIGN.md; every mistake here is one that is not already in
tests/checks/catalog_train.py or learners_train.py. No mutant, relation or hint
of dlkit.checks may be written from it (README.md, "Round 3").
"""
import numpy as np

from dlkit import compute_cost, initialize_parameters, model_backward, model_forward, update_parameters  # noqa: F401

from .registry3 import bug, correct


@bug("L_layer_model", "appends AL (the predictions) to costs instead of the cost",
     [r"costs? (must|should) (be|hold)", r"predictions?", r"probabilit", r"(not|instead of) the cost", r"arrays? (instead|where|not)",
      r"(not|instead of) (a |one )?(number|float)s?"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        costs.append(AL)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model", "compute_cost(Y, AL): the arguments in the wrong order",
     [r"swapped", r"(wrong|other) order", r"arguments", r"compute_cost\(AL, Y\)", r"order of"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        cost = compute_cost(Y, AL)
        costs.append(cost)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model", "the backward pass and the update are indented inside `if i % 100 == 0`: parameters change only every 100 iterations",
     [r"every iteration", r"every 100", r"inside the (print|if)", r"indent", r"(update|step)s? .{0,30}(skipped|not every|only)",
      r"only (once|some)"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        costs.append(cost)
        if i % 100 == 0:
            print(f"Cost after iteration {i}: {cost}")
            grads = model_backward(AL, Y, caches)
            parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model", "decays the learning rate (learning_rate *= 0.99 each iteration), which the notebook does not ask for",
     [r"decay", r"learning.?rate .{0,30}(changed|changes|shrinks|smaller|modified|decreas)", r"(fixed|constant) (learning.?rate|alpha)",
      r"alpha .{0,30}(changed|changes|shrinks|smaller)"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        learning_rate *= 0.99
    return parameters, costs


@bug("L_layer_model", "layer_dims.insert(0, X.shape[0]): n[0] is added although layer_dims already starts with it (one layer too many)",
     [r"layer sizes? .{0,20}(twice|again|added)", r"n\[0\]", r"input size", r"extra layer", r"(one|a) layer too many", r"insert", r"changed (its|your) input"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    layer_dims = list(layer_dims)
    layer_dims.insert(0, X.shape[0])
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model", "print('... %f' % (i, costs)) formats the whole costs list as a number: TypeError at iteration 0",
     [r"print", r"format", r"%f", r"costs (list|is a list)", r"the list", r"string"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        if i % 100 == 0:
            print("Cost after iteration %i: %f" % (i, costs))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@correct("L_layer_model", "a print_cost keyword, printing every 100 iterations and at the last one")
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1, print_cost=False):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(0, num_iterations):
        AL, caches = model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if print_cost and (i % 100 == 0 or i == num_iterations - 1):
            print("Cost after iteration {}: {}".format(i, np.squeeze(cost)))
        costs.append(cost)
    return parameters, costs


@correct("L_layer_model", "a while loop, float(cost) appended")
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters = initialize_parameters(layer_dims, seed=seed)
    costs = []
    it = 0
    while it < num_iterations:
        AL, caches = model_forward(X, parameters)
        costs.append(float(compute_cost(AL, Y)))
        parameters = update_parameters(parameters, model_backward(AL, Y, caches), learning_rate=learning_rate)
        it += 1
    return parameters, costs
