"""W2b: Python-level causes read from the learner's source (checks/pylevel.py) and an output of the wrong
kind of numbers (checks/dtypes.py): a name assigned only on a branch that did not run, a string literal
no call passes, a trailing comma, a closure made in a loop, two activations stacked, a bool / int array
where floats belong. Each is tried on code of several exercises and shapes, and on correct code that
must not be hit. The learner code is written for these tests."""
from dlkit.checks import check

from .notebook import notebook

HEAD = ("import numpy as np\n"
        "from dlkit import relu, sigmoid, relu_backward, sigmoid_backward, linear_forward, linear_backward\n"
        "from dlkit import linear_activation_forward, linear_activation_backward\n")


def _report(name, src):
    r = check(name, notebook(HEAD, src)[name], time_limit=5)
    return r, str(r)


def _hit(name, src, rid, *words):
    r, text = _report(name, src)
    assert not r.passed and f"{name}.{rid}" in r.mistakes, text
    assert r.mistakes[0] == f"{name}.{rid}", text
    for w in words:
        assert w in text, text
    return text


def _clean(name, src):
    r, text = _report(name, src)
    assert r.passed, text
    assert not any(m.rsplit(".", 1)[-1] in IDS for m in r.mistakes), text


IDS = ("assigned_on_other_branch", "literal_never_matches", "trailing_comma", "late_binding", "stacked_activations",
       "bool_array", "int_array")


# ---- a name assigned only on a branch (or loop) that did not run ----------------------------------------

def test_unset_on_a_branch_of_an_argument_test():
    _hit("linear_activation_backward", '''
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "sigmoid":
        dZ = sigmoid_backward(dA, Z)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
    else:
        dZ = relu_backward(dA, Z)
    return dA_prev, dW, db
''', "assigned_on_other_branch", "never assigned", "activation = 'relu'", "is False", "indented inside")


def test_unset_on_a_branch_of_a_computed_test():
    _hit("compute_cost", '''
def compute_cost(AL, Y):
    m = Y.shape[1]
    if m > 100:
        cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m
    return float(np.squeeze(cost))
''', "assigned_on_other_branch", "cost (J) is never assigned", "`if m > 100:`", "did not run")


def test_unset_in_a_loop_that_ran_zero_times():
    _hit("relu_backward", '''
def relu_backward(dA, Z):
    for _ in range(Z.ndim, 2):
        dZ = dA * (Z > 0)
    return dZ
''', "assigned_on_other_branch", "loop ran zero times")


def test_correct_branches_are_not_hit():
    _clean("linear_activation_backward", '''
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "sigmoid":
        dZ = sigmoid_backward(dA, Z)
    else:
        dZ = relu_backward(dA, Z)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db
''')


# ---- a string literal no call passes --------------------------------------------------------------------

def test_literal_in_another_case_falls_to_the_other_branch():
    _hit("linear_activation_forward", '''
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation != "Sigmoid":
        A = relu(Z)
    else:
        A = sigmoid(Z)
    return A, (linear_cache, Z)
''', "literal_never_matches", "never matches", "'Sigmoid'", "capital letter")


def test_argument_compared_with_a_function_name():
    _hit("linear_activation_backward", '''
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    dZ = sigmoid_backward(dA, Z)
    if activation == relu:
        dZ = relu_backward(dA, Z)
    return linear_backward(dZ, linear_cache)
''', "literal_never_matches", "a string never equals a function", "activation == 'relu'")


def test_literal_against_a_transformed_argument():
    _hit("linear_activation_backward", '''
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation.upper() == "Relu":
        dZ = relu_backward(dA, Z)
    else:
        dZ = sigmoid_backward(dA, Z)
    return linear_backward(dZ, linear_cache)
''', "literal_never_matches", "activation.upper() is 'RELU', never 'Relu'")


def test_literal_in_a_match_statement():
    _hit("linear_activation_forward", '''
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    match activation:
        case "sigmoid":
            A = sigmoid(Z)
        case "rel":
            A = relu(Z)
        case _:
            A = Z
    return A, (linear_cache, Z)
''', "literal_never_matches", "`case 'rel':`", "'relu'")


def test_misspelled_dict_key_with_a_default():
    _hit("linear_activation_backward", '''
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    slope = {"rleu": relu_backward, "sigmoid": sigmoid_backward}.get(activation, sigmoid_backward)
    return linear_backward(slope(dA, Z), linear_cache)
''', "literal_never_matches", "'rleu'", "another spelling")


def test_a_literal_named_already_is_not_said_twice():
    r, text = _report("model_forward", '''
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoïd")
    caches.append(cache)
    return AL, caches
''')
    assert not r.passed and "sigmoïd" in text, text
    assert "model_forward.literal_never_matches" not in r.mistakes, text   # the helper's refusal says it


def test_correct_literals_are_not_hit():
    _clean("linear_activation_backward", '''
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    slope = {"relu": relu_backward, "sigmoid": sigmoid_backward}.get(activation)
    return linear_backward(slope(dA, Z), linear_cache)
''')


# ---- a trailing comma ---------------------------------------------------------------------------------

def test_trailing_comma_on_a_return():
    _hit("sigmoid", '''
def sigmoid(Z):
    return 1 / (1 + np.exp(-Z)),
''', "trailing_comma", "trailing comma", "one-item tuple")


def test_trailing_comma_on_an_assignment():
    _hit("linear_forward", '''
def linear_forward(A_prev, W, b):
    Z = np.dot(W, A_prev) + b,
    return Z, (A_prev, W, b)
''', "trailing_comma", "Z is a tuple of one item", "drop the comma")


def test_trailing_comma_before_unpacking():
    _hit("model_backward", '''
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in reversed(range(1, L + 1)):
        activation = "sigmoid" if l == L else "relu"
        dA, dW, db = linear_activation_backward(dA, caches[l - 1], activation),
        grads["dW" + str(l)], grads["db" + str(l)] = dW, db
        grads["dA" + str(l - 1)] = dA
    return grads
''', "trailing_comma", "unpacking it into 3 names finds one value")


def test_a_plain_return_is_not_hit():
    _clean("sigmoid", '''
def sigmoid(Z):
    s = (1 / (1 + np.exp(-Z)))
    return s
''')


# ---- a closure made in a loop --------------------------------------------------------------------------

def test_lambdas_in_a_for_loop():
    _hit("linear_activation_backward", '''
def linear_activation_backward(dA, cache, activation):
    slopes = {}
    for name, f in [("sigmoid", sigmoid_backward), ("relu", relu_backward)]:
        slopes[name] = lambda d, z: f(d, z)
    linear_cache, Z = cache
    return linear_backward(slopes[activation](dA, Z), linear_cache)
''', "late_binding", "late binding", "f = relu_backward", "f=f")


def test_lambdas_in_a_list_comprehension():
    _hit("linear_activation_forward", '''
def linear_activation_forward(A_prev, W, b, activation):
    gs = [lambda z: g(z) for g in (relu, sigmoid)]
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = gs[0 if activation == "relu" else 1](Z)
    return A, (linear_cache, Z)
''', "late_binding", "g = sigmoid", "lambda z, g=g: g(z)")


def test_a_lambda_called_in_its_own_iteration_is_not_hit():
    r, text = _report("model_forward", '''
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        step = lambda a: linear_activation_forward(a, parameters["W" + str(l)], parameters["b" + str(l)],
                                                   "relu" if l < L else "sigmoid")
        A, cache = step(A)
        caches.append(cache)
    return A, caches[:-1]
''')
    assert not r.passed and "model_forward.late_binding" not in r.mistakes, text


def test_a_harmless_extra_spelling_is_not_hit():
    r, text = _report("linear_activation_forward", '''
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "relu" or activation == "Relu":
        A = relu(Z)
    else:
        A = sigmoid(Z)
    return A, (linear_cache, W)
''')
    assert not r.passed and "linear_activation_forward.literal_never_matches" not in r.mistakes, text


def test_bound_lambdas_are_not_hit():
    _clean("linear_activation_forward", '''
def linear_activation_forward(A_prev, W, b, activation):
    gs = {name: (lambda z, g=g: g(z)) for name, g in (("relu", relu), ("sigmoid", sigmoid))}
    Z, linear_cache = linear_forward(A_prev, W, b)
    return gs[activation](Z), (linear_cache, Z)
''')


# ---- two activations stacked ---------------------------------------------------------------------------

def test_nested_activations_on_the_output_layer():
    _hit("model_forward", '''
def model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        W, b = parameters["W" + str(l)], parameters["b" + str(l)]
        Z = np.dot(W, A) + b
        caches.append(((A, W, b), Z))
        A = relu(Z)
        if l == L:
            A = sigmoid(A)
    return A, caches
''', "stacked_activations", "sigmoid to the output of relu", "stacked")


def test_activation_of_an_activation_through_a_name():
    _hit("linear_activation_forward", '''
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    S = sigmoid(Z)
    A = relu(S) if activation == "relu" else S
    return A, (linear_cache, Z)
''', "stacked_activations", "relu to the output of sigmoid", "relu(sigmoid(Z))")


def test_inline_activations_stacked():
    _hit("linear_activation_forward", '''
def linear_activation_forward(A_prev, W, b, activation):
    Z = W @ A_prev + b
    H = 1 / (1 + np.exp(-Z))
    A = H.clip(min=0) if activation == "relu" else H
    return A, ((A_prev, W, b), Z)
''', "stacked_activations", "relu to the output of sigmoid")


def test_a_composition_named_already_is_not_said_twice():
    r, text = _report("linear_activation_forward", '''
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = relu(Z) if activation == "relu" else sigmoid(relu(Z))
    return A, (linear_cache, Z)
''')
    assert not r.passed and "sigmoid(relu(Z" in text, text
    assert "linear_activation_forward.stacked_activations" not in r.mistakes, text


def test_one_activation_per_layer_is_not_hit():
    _clean("linear_activation_forward", '''
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = sigmoid(Z)
    if activation == "relu":
        A = relu(Z)
    return A, (linear_cache, Z)
''')


# ---- the kind of numbers --------------------------------------------------------------------------------

def test_bool_array_from_a_mask_in_the_backward_step():
    _hit("relu_backward", '''
def relu_backward(dA, Z):
    dZ = np.zeros_like(Z > 0)
    dZ[Z > 0] = dA[Z > 0]
    return dZ
''', "bool_array", "boolean array", "a comparison's result")


def test_bool_array_asked_for_by_dtype():
    _hit("relu", '''
def relu(Z):
    A = np.zeros(Z.shape, dtype=bool)
    A[Z > 0] = Z[Z > 0]
    return A
''', "bool_array", "dtype=bool")


def test_an_int_mask_is_not_said_as_a_dtype():
    r, text = _report("relu_backward", '''
def relu_backward(dA, Z):
    return np.array(Z > 0, dtype=int)
''')
    assert not r.passed and "relu_backward.int_array" not in r.mistakes, text


def test_whole_numbers_named_already_are_not_said_twice():
    r, text = _report("sigmoid", '''
def sigmoid(Z):
    s = np.empty_like(Z, dtype=int)
    s[...] = 1 / (1 + np.exp(-Z))
    return s
''')
    assert "sigmoid.integer_values" in r.mistakes and "sigmoid.int_array" not in r.mistakes, text


def test_bool_array_of_a_quantity_converted_at_the_end():
    # the output is floats again, the quantity on the way was a mask's dtype (the line tracer sees it)
    _hit("sigmoid_backward", '''
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    dZ = np.zeros_like(Z < np.inf)
    dZ[...] = dA * s * (1 - s)
    return dZ.astype(float)
''', "bool_array", "Your dZ (line 3) is a boolean array")


def test_float_array_from_a_mask_is_not_hit():
    _clean("relu_backward", '''
def relu_backward(dA, Z):
    dZ = np.zeros_like(dA)
    dZ[Z > 0] = dA[Z > 0]
    return dZ
''')
