"""Held-out learner code: L_layer_model, the training loop of notebook 6.

Written after dlkit/checks/specs_train.py (not before it, unlike the other files here),
but never used to write or change a mutant, hint or case of it; nothing is taken
from tests/checks/catalog_train.py.
"""
import numpy as np

from dlkit import compute_cost, initialize_parameters, model_backward, model_forward, update_parameters  # noqa: F401

from .registry import bug, correct


@correct("L_layer_model", 'costs kept as 0-d arrays (np.squeeze), += on a list, update on one line')
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    params = initialize_parameters(layer_dims, seed=seed)
    costs = []
    for _ in range(num_iterations):
        A, c = model_forward(X, params)
        costs += [np.squeeze(compute_cost(A, Y))]
        params = update_parameters(params, model_backward(A, Y, c), learning_rate)
    return params, costs


@correct("L_layer_model", 'prints every 100 iterations and returns a tuple')
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        if i % 100 == 0:
            print("Cost after iteration", i, cost)
        costs.append(cost)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return (parameters, costs)


@correct("L_layer_model", 'a preallocated costs list and an update written inline')
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    p = initialize_parameters(layer_dims, seed=seed)
    costs = [None] * num_iterations
    for it in range(num_iterations):
        AL, caches = model_forward(X, p)
        costs[it] = compute_cost(AL, Y)
        g = model_backward(AL, Y, caches)
        p = {k: p[k] - learning_rate * g["d" + k] for k in p}
    return p, costs


@bug("L_layer_model", 'only the final cost is returned, costs = [cost] after the loop',
     ['one per iteration', 'every iteration', 'holds 1 value'])
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        parameters = update_parameters(parameters, model_backward(AL, Y, caches), learning_rate)
    return parameters, [cost]


@bug("L_layer_model", 'the loop runs num_iterations + 1 times',
     ['exactly num_iterations', 'off by one', 'range\\(num_iterations\\)'])
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations + 1):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        parameters = update_parameters(parameters, model_backward(AL, Y, caches), learning_rate)
    return parameters, costs


@bug("L_layer_model", 'the updated parameters go into another variable and are never used',
     ['thrown away', 'returns the new parameters', 'update is (lost|discarded|ignored)'])
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        new_parameters = update_parameters(parameters, model_backward(AL, Y, caches), learning_rate)
    return parameters, costs


@bug("L_layer_model", 'the cost is computed after the update, from a new forward pass',
     ['before the update', "this iteration's A\\[L\\]", 'parameters iteration i starts with'])
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    AL, caches = model_forward(X, parameters)
    for i in range(num_iterations):
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
    return parameters, costs


@bug("L_layer_model", 'initialises with seed=0 instead of the seed argument',
     ['ignores the seed', 'seed you were given', '(other|different) (initial )?weights'])
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed=0)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        parameters = update_parameters(parameters, model_backward(AL, Y, caches), learning_rate)
    return parameters, costs


@bug("L_layer_model", 'a learning rate of 0.01 hard-coded instead of the argument',
     ['learning rate is a fixed number', 'pass the argument on', "caller's alpha"])
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        parameters = update_parameters(parameters, model_backward(AL, Y, caches), 0.01)
    return parameters, costs


@bug("L_layer_model", 'initialize_parameters inside the loop: every step starts from the same weights',
     ['initialised again', 'once, before the loop', 'same weights'])
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    costs = []
    for i in range(num_iterations):
        params = initialize_parameters(layer_dims, seed)
        AL, caches = model_forward(X, params)
        costs.append(compute_cost(AL, Y))
        final = update_parameters(params, model_backward(AL, Y, caches), learning_rate)
    return final, costs


@bug("L_layer_model", 'its own inline update adds the gradient (gradient ascent)',
     ['uphill', 'ascent', 'opposite sign'])
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    p = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, p)
        costs.append(compute_cost(AL, Y))
        g = model_backward(AL, Y, caches)
        p = {k: v + learning_rate * g["d" + k] for k, v in p.items()}
    return p, costs


@bug("L_layer_model", 'returns only the parameters, not (parameters, costs)',
     ['two things', 'parameters and costs', '\\(parameters, costs\\)'])
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        parameters = update_parameters(parameters, model_backward(AL, Y, caches), learning_rate)
    return parameters
