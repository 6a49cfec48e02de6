"""Held-out learner code, round 8: L_layer_model, the training loop of notebook 6.

Written on 2026-12-03 by a helper (branch ``heldout8``) that did not read
dlkit/checks (the engine), docs/relations.md, docs/grading.md, the earlier
rounds' baselines or any report the checks print, only notebook 6 and
DESIGN.md; mistakes in code shapes no earlier round used. No mutant,
relation or hint of dlkit.checks may be written from it (README.md, "Round 8").
"""
from dlkit import compute_cost, initialize_parameters, model_backward, model_forward, update_parameters  # noqa: F401

from .registry8 import bug, correct


@bug("L_layer_model", "costs.append(compute_cost): the function itself is appended, not its value compute_cost(AL, Y)",
     [r"(the )?function (itself|object)", r"(not|never) called", r"(call|calling) (it|compute_cost)", r"parenthes", r"(not|instead of) (a |the )?(number|value|cost)"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model", "for i in range(3000): the default number of iterations typed in, the num_iterations argument ignored",
     [r"num_iterations.{0,40}(ignored|not used|never used)", r"(ignor|not us)\w* (the )?num_iterations", r"hard-?coded", r"3000.{0,30}(typed|hard-?coded|fixed|default|instead of num_iterations)", r"(typed|hard-?coded|fixed|default).{0,30}3000", r"(fixed|constant) (number of )?iterations", r"(too many|wrong number of) iterations"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(3000):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model", "a leftover second costs += [cost] after costs.append(cost): every iteration's cost is recorded twice",
     [r"twice", r"(two|2) (times|entries|costs) (per|each|every)", r"(double|duplicat)", r"(each|every) iteration.{0,40}(twice|two)", r"(too many|twice as many) (costs|entries|items)"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        costs.append(cost)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        costs += [cost]
    return parameters, costs


@bug("L_layer_model", "returns (costs, parameters): the pair in the wrong order",
     [r"(wrong|other) order", r"swapped", r"\(parameters, costs\)", r"(first|second) (item|value|result)", r"in this order", r"order of the (results|returned)"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return costs, parameters


@bug("L_layer_model", "for i in range(0, num_iterations, 100): the printing step of 100 put into the loop itself, so only every 100th iteration runs (one step for a short run)",
     [r"(every|each) 100", r"% ?100", r"step (of|size) 100", r"range\(0, ?num_iterations, ?100\)", r"(too few|fewer|only \d+) (iterations|steps|costs)", r"(skip|skipp)\w* iterations"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(0, num_iterations, 100):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model", "AL = compute_cost(AL, Y) reuses the name AL for the cost: model_backward then gets a number where A[L] belongs",
     [r"(name|variable) (AL|A\[L\]) (is )?(reused|overwr|rebound|reassigned)", r"(AL|A\[L\]).{0,30}(overwr|rebound|reassigned|reused|replaced)", r"(a )?number (where|instead of) (AL|A\[L\])", r"(cost|J) (where|instead of) (AL|A\[L\])", r"(same|one) name"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        AL = compute_cost(AL, Y)
        costs.append(AL)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@correct("L_layer_model", "the forward pass primed before the loop and repeated at its end, after the update: the same costs in the same order")
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


@correct("L_layer_model", "the cost computed after the update, from the A[L] of the forward pass before it (the same number)")
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed=seed)
    i = 0
    while i < num_iterations:
        AL, caches = model_forward(X, parameters)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        costs.append(compute_cost(AL, Y))
        i += 1
    return parameters, costs
