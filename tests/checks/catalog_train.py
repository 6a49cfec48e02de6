"""Learner implementations of L_layer_model: buggy ones (with the mistake the checkpoint
must name) and correct-but-different ones (which must pass).

They call the blocks by global name, as the notebook's loop does; here those names
are dlkit's reference blocks (a learner's own blocks are tested in tests/test_blocks.py).
"""
import numpy as np

from dlkit import (  # noqa: F401  (blocks found by global name)
    compute_cost,
    initialize_parameters,
    model_backward,
    model_forward,
    update_parameters,
)

from .registry import bug, correct


@correct("L_layer_model")
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters = initialize_parameters(layer_dims, seed=seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        costs.append(cost)
    return parameters, costs


@correct("L_layer_model")
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    """Update before recording the cost: harmless, the cost comes from this iteration's A[L]."""
    params = initialize_parameters(layer_dims, seed)
    costs = np.zeros(num_iterations)   # an array of costs is accepted
    for i in range(num_iterations):
        AL, caches = model_forward(X, params)
        grads = model_backward(AL, Y, caches)
        params = update_parameters(params, grads, learning_rate)
        costs[i] = compute_cost(AL, Y)
    return params, costs


@correct("L_layer_model")
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    """A while loop, a dZ[L] = A[L] - Y shortcut of its own, and the cost written out."""
    parameters = initialize_parameters(layer_dims, seed=seed)
    costs, i = [], 0
    m = Y.shape[1]
    while i < num_iterations:
        AL, caches = model_forward(X, parameters)
        costs.append(float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m))
        grads = model_backward(AL, Y, caches)
        for key in list(parameters):
            parameters[key] = parameters[key] - learning_rate * grads["d" + key]
        i += 1
    return parameters, costs


@bug("L_layer_model", "L_layer_model.reinitialised_in_loop")
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    costs = []
    for i in range(num_iterations):
        parameters = initialize_parameters(layer_dims, seed=seed)
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model", "L_layer_model.cost_after_update")
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed=seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
    return parameters, costs


@bug("L_layer_model", "L_layer_model.update_discarded")
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed=seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model", "L_layer_model.costs_not_recorded")
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed=seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model", "L_layer_model.costs_every_100")
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed=seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


@bug("L_layer_model", "L_layer_model.learning_rate_fixed")
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters = initialize_parameters(layer_dims, seed=seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, 0.0075)
    return parameters, costs


@bug("L_layer_model", "L_layer_model.learning_rate_applied_twice")
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed=seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        grads = {k: learning_rate * g for k, g in grads.items()}
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model", "L_layer_model.iterations_off_by_one")
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed=seed)
    costs = []
    for i in range(1, num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model", "L_layer_model.forward_not_repeated")
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed=seed)
    AL, caches = model_forward(X, parameters)
    costs = []
    for i in range(num_iterations):
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model", "L_layer_model.seed_ignored")
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model", "L_layer_model.returns_swapped")
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed=seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        parameters = update_parameters(parameters, model_backward(AL, Y, caches), learning_rate)
    return costs, parameters


@bug("L_layer_model", "L_layer_model.learning_rate_not_passed")
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed=seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        parameters = _my_update(parameters, model_backward(AL, Y, caches))
    return parameters, costs


def _my_update(parameters, grads, learning_rate):
    return update_parameters(parameters, grads, learning_rate)


# ---- diag7: the loop judged by the blocks it called, and with what (LLayerModel.explain_calls) ----

@bug("L_layer_model", "L_layer_model.loop_arguments")
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    """A seed of its own (not the course's default 1): the seed argument is never passed on."""
    parameters = initialize_parameters(layer_dims, seed=7)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        parameters = update_parameters(parameters, model_backward(AL, Y, caches), learning_rate)
    return parameters, costs


@bug("L_layer_model", "L_layer_model.loop_arguments")
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    """The inputs halved inside the loop's function: it trains on other inputs than X."""
    X = X * 0.5
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        parameters = update_parameters(parameters, model_backward(AL, Y, caches), learning_rate)
    return parameters, costs


@bug("L_layer_model", "L_layer_model.loop_update")
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    """Its own update, written with += : gradient ascent."""
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        for key in parameters:
            parameters[key] = parameters[key] + learning_rate * grads["d" + key]
    return parameters, costs


@bug("L_layer_model", "L_layer_model.loop_costs")
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    """costs.append(AL): the predictions where the cost belongs."""
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        costs.append(AL)
        parameters = update_parameters(parameters, model_backward(AL, Y, caches), learning_rate)
    return parameters, costs


@bug("L_layer_model", "L_layer_model.format_mismatch")
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    """The final report formats the whole list of costs with %.3f."""
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        parameters = update_parameters(parameters, model_backward(AL, Y, caches), learning_rate)
    print("final cost: %.3f" % (costs,))
    return parameters, costs


@bug("L_layer_model", "L_layer_model.format_mismatch")
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    """Two conversions, one value: the iteration's number is given, its cost is not."""
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        costs.append(cost)
        print("iteration %d: cost %f" % i)
        parameters = update_parameters(parameters, model_backward(AL, Y, caches), learning_rate)
    return parameters, costs
