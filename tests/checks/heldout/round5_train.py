"""Held-out learner code, round 5: L_layer_model, the training loop of notebook 6.

Written on 2026-12-02 by a helper (branch ``heldout5``) that did not read
dlkit/checks (the engine), docs/relations.md or docs/grading.md, only notebook
6 and DESIGN.md; the mistakes are common ones, each written so that it is not
literally an entry of tests/checks/catalog_train.py or of the earlier rounds.
No mutant, relation or hint of dlkit.checks may be written from it (README.md,
"Round 5").
"""
from dlkit import compute_cost, initialize_parameters, model_backward, model_forward, update_parameters  # noqa: F401

from .registry5 import bug, correct


@bug("L_layer_model", "model_backward(Y, AL, caches): AL and Y passed in the wrong order",
     [r"(wrong|other) order", r"swapped", r"\bY\b.{0,30}\bAL\b", r"AL and Y", r"argument"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(Y, AL, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@correct("L_layer_model", "the notebook's four steps, the cost kept in a local first")
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(0, num_iterations):
        AL, caches = model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        costs.append(cost)
    return parameters, costs


@bug("L_layer_model", "model_forward is called once before the loop: every iteration back-propagates the same stale A[L] and caches",
     [r"once,? before the loop", r"stale", r"(every|each) iteration", r"(forward|model_forward).{0,40}(inside|in) the loop", r"same (A\[L\]|AL|cost)", r"(never|not) (re)?comput"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    AL, caches = model_forward(X, parameters)
    for i in range(num_iterations):
        cost = compute_cost(AL, Y)
        costs.append(cost)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model", "for i in range(1, num_iterations): one iteration fewer than asked, so costs holds num_iterations - 1 entries",
     [r"one (iteration )?(too )?few", r"num_iterations ?- ?1", r"range\(num_iterations\)", r"should hold \d+", r"(missing|short) (one|an) (iteration|cost)", r"off by one"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    costs = []
    for i in range(1, num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model", "costs = [] is written inside the loop: the list is emptied every iteration and ends with one cost",
     [r"inside the loop", r"(emptied|reset|re-?created|cleared)", r"(only|just) (one|the last|the final) cost", r"before the loop", r"should hold \d+", r"(every|each) iteration"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        costs = []
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs
