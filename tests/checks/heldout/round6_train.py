"""Held-out learner code, round 6: L_layer_model, the training loop of notebook 6.

Written on 2026-12-02 by a helper (branch ``heldout6``) that did not read
dlkit/checks (the engine), docs/relations.md, docs/grading.md or the earlier
rounds' baselines, only notebook 6 and DESIGN.md; common mistakes first, in a
code shape no earlier round used, then rarer ones. No mutant, relation or hint
of dlkit.checks may be written from it (README.md, "Round 6").
"""
import itertools

from dlkit import compute_cost, initialize_parameters, model_backward, model_forward, update_parameters  # noqa: F401

from .registry6 import bug, correct


@bug("L_layer_model", "initialize_parameters(layer_dims) without the seed: every run starts from seed 1's weights whatever seed is asked",
     [r"seed (argument |you were given )?(is |was )?(ignored|not passed|dropped|missing|lost)", r"(without|ignor\w*|drop\w*|forg[eo]t\w*) (the |its )?seed", r"default seed", r"(other|another|different|wrong) seed", r"(initial|starting) (weights|parameters)"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        costs.append(cost)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model", "update_parameters(...) is called but its result is not assigned: the parameters never change and every cost is the first one",
     [r"(not|never) (assigned|stored|kept|saved|used)", r"(result|return(ed)? value).{0,40}(discard|ignor|lost|thrown|not)", r"parameters (never|do not|don't|did not) change",
      r"(same|initial|unchanged) (parameters|weights)", r"(constant|flat|the same) cost", r"(never|not) (trains|learn|updat)"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model", "the cost is appended only when i % 100 == 0 (the Coursera printing habit): costs holds one cost per 100 iterations",
     [r"every 100", r"(only )?(some|every \d+(th)?) iterations?", r"% ?100", r"(each|every) iteration", r"one (cost )?per iteration", r"should hold (one|a) cost"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(0, num_iterations):
        AL, caches = model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


@bug("L_layer_model", "update_parameters(parameters, grads, 0.0075): the default rate typed in, the learning_rate argument ignored",
     [r"hard-?coded", r"0\.0075", r"ignor", r"step size", r"(rate|step) (argument )?(is |was )?ignored"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, 0.0075)
    return parameters, costs


@bug("L_layer_model", "parameters = initialize_parameters(...) inside the loop: the weights are reset every iteration, so it never gets past one step",
     [r"inside the loop", r"(every|each) iteration", r"re-?initiali[sz]", r"\b(reset|restart)", r"before the loop"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    for i in range(num_iterations):
        parameters = initialize_parameters(layer_dims, seed)
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model", "range(num_iterations + 1): one iteration too many (and one cost too many)",
     [r"one (iteration |cost )?(too )?many", r"num_iterations ?\+ ?1", r"extra (iteration|cost)", r"off by one", r"one more"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations + 1):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@bug("L_layer_model", "the learning rate divided by m before the update (an extra 1/m: dW and db are already averaged), steps m times too small",
     [r"divided by m", r"m times (too )?small", r"learning_rate.{0,40}(divided|scaled|smaller)", r"(too )?small steps?"])
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    m = X.shape[1]
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate / m)
    return parameters, costs


@correct("L_layer_model", "itertools.repeat for the iterations, float(cost) appended")
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    costs = []
    parameters = initialize_parameters(layer_dims, seed)
    for _ in itertools.repeat(None, num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(float(compute_cost(AL, Y)))
        parameters = update_parameters(parameters, model_backward(AL, Y, caches), learning_rate)
    return parameters, costs


@correct("L_layer_model", "local aliases of the four blocks, keyword arguments, a progress print every 1000 iterations")
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    forward, cost_of, backward, step = model_forward, compute_cost, model_backward, update_parameters
    parameters = initialize_parameters(layer_dims=layer_dims, seed=seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = forward(X, parameters)
        costs.append(cost_of(AL, Y))
        parameters = step(parameters, backward(AL, Y, caches), learning_rate=learning_rate)
        if i % 1000 == 0:
            print(f"cost after iteration {i}: {costs[-1]:.6f}")
    return parameters, costs
