"""Held-out learner code, round 14: L_layer_model, the training loop of notebook 6.

Written on 2026-12-04 on commit 482eba5 by a helper (branch ``heldout14``) that
did not read dlkit/checks (the engine), docs/relations.md, docs/grading.md,
BASELINE.md, the catalogs, the engine's tests, other worktrees, the git history
of dlkit/checks or any report the checks print, and ran no measurement nor
``dlkit.checks.check``; only notebook 6, DESIGN.md and dlkit's reference
blocks, and the one-line mistakes of the earlier rounds. No mutant, relation
or hint of dlkit.checks may be written from it (README.md, "Round 14").
"""
import numpy as np

from dlkit import compute_cost, initialize_parameters, model_backward, model_forward, update_parameters  # noqa: F401

from .registry14 import bug, correct

# a data cell's globals, left in the learner's namespace ("train_X, train_Y = load_data()")
train_X = np.random.RandomState(0).randn(4, 6)


@bug("L_layer_model",
     "the forward pass reads the data cell's global train_X instead of the argument X",
     [r"global", r"(not|never) (uses?|used|reads?) (the )?(argument|parameter|given|passed)( X)?",
      r"(different|other|wrong) (X|inputs|data)", r"ignor\w* (the )?(argument )?X", r"train_X"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(train_X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model",
     "costs preallocated and filled at costs[i - 1]: the initial cost lands at the end, every other cost one place early",
     [r"(rotat|shift)\w*", r"(order|position)s? of (the )?costs", r"(first|initial) cost.{0,40}(last|end)", r"off by one",
      r"costs\[-1\]", r"i ?- ?1", r"one (place|position|index) (early|off)"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = [0.0] * num_iterations
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs[i - 1] = compute_cost(AL, Y)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model",
     "the cost computed on np.round(AL), the 0/1 predictions, instead of the probabilities AL",
     [r"np\.round", r"rounded (AL|predictions|probabilities|to 0)", r"round(ing)? (AL|the predictions|the probabilities)",
      r"predictions", r"threshold\w*", r"probabilit\w* (not|instead)", r"(hard|binary|0/1) (predictions|labels|values)"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        predictions = np.round(AL)
        costs.append(compute_cost(predictions, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model",
     "while i <= num_iterations: one iteration (one update and one cost) too many",
     [r"one (iteration|step|update|cost) too many", r"(extra|additional) (iteration|step|update|cost)", r"off by one",
      r"<=", r"num_iterations ?\+ ?1", r"too many (costs|iterations|steps)"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    i = 0
    while i <= num_iterations:
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        i += 1
    return parameters, costs


@bug("L_layer_model",
     "the gradients added into a running total that is never reset: each step uses the sum of every gradient so far",
     [r"accumulat\w*", r"(running )?(sum|total) of (all )?(the )?(previous |past )?gradients", r"(never|not) reset",
      r"(previous|earlier|past) (iterations'?|steps'?) gradients", r"momentum"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    total = {}
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        for key, g in grads.items():
            total[key] = total.get(key, 0) + g
        parameters = update_parameters(parameters, total, learning_rate)
    return parameters, costs


@bug("L_layer_model",
     "the result returned as a dict {'parameters': ..., 'costs': ...} instead of the pair (parameters, costs)",
     [r"\bdict", r"(not|instead of|rather than) (a |the )?(tuple|pair)", r"(tuple|pair) expected", r"two (values|items)"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return {"parameters": parameters, "costs": costs}


@correct("L_layer_model", "costs preallocated as a list and filled by index, the steps on one line each")
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = [None] * num_iterations
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs[i] = compute_cost(AL, Y)
        parameters = update_parameters(parameters, model_backward(AL, Y, caches), learning_rate)
    return parameters, costs


@correct("L_layer_model", "keyword calls, costs.extend with a one-item tuple, enumerate over a range")
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims=layer_dims, seed=seed)
    for _, _i in enumerate(range(num_iterations)):
        AL, caches = model_forward(X=X, parameters=parameters)
        costs.extend((compute_cost(AL=AL, Y=Y),))
        grads = model_backward(AL=AL, Y=Y, caches=caches)
        parameters = update_parameters(parameters=parameters, grads=grads, learning_rate=learning_rate)
    return parameters, costs
