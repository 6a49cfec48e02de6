"""Held-out L_layer_model implementations, written after specs_train.py and never used to change it:
measures false fails, false passes and how often a known mistake is named.

    python -m tests.checks.heldout_train

Measured 2026-12-02: 3 correct, 0 false fails; 9 buggy, 0 false passes; 5 of 5 with a known
mistake named; the 4 others (only the last cost kept, a seed or learning rate of its own,
gradient ascent in its own update) get the shape/value message.
"""
import numpy as np
from dlkit import compute_cost, initialize_parameters, model_backward, model_forward, update_parameters
from dlkit.checks import check
H = []   # (expected: "pass" or a mistake id or "fail", fn)
def h(expect):
    def reg(fn):
        H.append((expect, fn)); return fn
    return reg

@h("pass")
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    params = initialize_parameters(layer_dims, seed=seed)
    costs = []
    for _ in range(num_iterations):
        A, c = model_forward(X, params)
        costs += [np.squeeze(compute_cost(A, Y))]
        params = update_parameters(params, model_backward(A, Y, c), learning_rate)
    return params, costs

@h("pass")
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

@h("pass")
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    p = initialize_parameters(layer_dims, seed=seed)
    costs = [None] * num_iterations
    for it in range(num_iterations):
        AL, caches = model_forward(X, p)
        costs[it] = compute_cost(AL, Y)
        g = model_backward(AL, Y, caches)
        p = {k: p[k] - learning_rate * g["d" + k] for k in p}
    return p, costs

@h("fail")   # only the last cost kept
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        parameters = update_parameters(parameters, model_backward(AL, Y, caches), learning_rate)
    return parameters, [cost]

@h("L_layer_model.iterations_off_by_one")
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations + 1):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        parameters = update_parameters(parameters, model_backward(AL, Y, caches), learning_rate)
    return parameters, costs

@h("L_layer_model.update_discarded")
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        new_parameters = update_parameters(parameters, model_backward(AL, Y, caches), learning_rate)
    return parameters, costs

@h("L_layer_model.cost_after_update")
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

@h("fail")   # a seed of its own
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed=0)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        parameters = update_parameters(parameters, model_backward(AL, Y, caches), learning_rate)
    return parameters, costs

@h("fail")   # a learning rate of its own
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        parameters = update_parameters(parameters, model_backward(AL, Y, caches), 0.01)
    return parameters, costs

@h("L_layer_model.reinitialised_in_loop")
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    costs = []
    for i in range(num_iterations):
        params = initialize_parameters(layer_dims, seed)
        AL, caches = model_forward(X, params)
        costs.append(compute_cost(AL, Y))
        final = update_parameters(params, model_backward(AL, Y, caches), learning_rate)
    return final, costs

@h("fail")   # gradient ascent inside its own update
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    p = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, p)
        costs.append(compute_cost(AL, Y))
        g = model_backward(AL, Y, caches)
        p = {k: v + learning_rate * g["d" + k] for k, v in p.items()}
    return p, costs

@h("L_layer_model.returns_wrong_structure")
def L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        parameters = update_parameters(parameters, model_backward(AL, Y, caches), learning_rate)
    return parameters

counts = {"correct": 0, "false_fail": 0, "buggy": 0, "false_pass": 0, "named": 0, "named_of": 0}
for expect, fn in H:
    r = check("L_layer_model", fn)
    if expect == "pass":
        counts["correct"] += 1; counts["false_fail"] += not r.passed
        if not r.passed: print("FALSE FAIL", r)
    else:
        counts["buggy"] += 1; counts["false_pass"] += r.passed
        if expect != "fail":
            counts["named_of"] += 1; counts["named"] += expect in r.mistakes
            if expect not in r.mistakes: print("NOT NAMED", expect, r)
        else:
            print("UNNAMED BUG ->", r.report().splitlines()[:2])
print(counts)
