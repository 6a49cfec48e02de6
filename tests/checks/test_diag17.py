"""diag17 (issue 12): the learner's own line searched, its operators regrouped and other layers' quantities.

Each mechanism names its mistake in code nobody catalogued, and a right implementation written the same
way (a look-alike) passes clean, a near miss is not misnamed.
"""
import numpy as np

from dlkit.checks import check, otherlayer, regroup

GROUPED = "first_wrong_line_grouping"
OTHER = "first_wrong_line_other_layer"


def _sig(Z):
    return 1 / (1 + np.exp(-Z))


# ---- 1. grouping: the first wrong line's operators, bracketed otherwise, give the lecture's value ----


def test_a_power_that_binds_before_the_plus_is_said_with_the_bracketed_form():
    def sigmoid(Z):
        A = 1 + np.exp(-Z) ** -1
        return A

    r = check("sigmoid", sigmoid)
    assert r.mistakes[0] == f"sigmoid.{GROUPED}", str(r)
    assert "`**` binds before `+`" in r.hints[0] and "`(1 + np.exp(-Z)) ** -1`" in r.hints[0], r.hints[0]


def test_redundant_outer_parentheses_do_not_hide_the_grouping():
    def sigmoid(Z):
        A = (1 + np.exp(-Z) ** -1)
        return A

    r = check("sigmoid", sigmoid)
    assert r.mistakes[0] == f"sigmoid.{GROUPED}", str(r)


def test_a_product_that_binds_before_the_minus_in_the_slope():
    def sigmoid_backward(dA, Z):
        s = 1 / (1 + np.exp(-Z))
        dZ = dA * 1 - s * s
        return dZ

    r = check("sigmoid_backward", sigmoid_backward)
    assert r.mistakes[0] == f"sigmoid_backward.{GROUPED}", str(r)
    assert "`dA * (1 - s) * s`" in r.hints[0], r.hints[0]


def test_the_learners_own_misplaced_parentheses_are_said_as_theirs():
    def linear_backward(dZ, linear_cache):
        A_prev, W, b = linear_cache
        m = A_prev.shape[1]
        dW = 1 / (m * dZ) @ A_prev.T
        db = np.sum(dZ, axis=1, keepdims=True) / m
        dA_prev = W.T @ dZ
        return dA_prev, dW, db

    r = check("linear_backward", linear_backward)
    assert r.mistakes[0] == f"linear_backward.{GROUPED}", str(r)
    assert "your parentheses put `*` before `/`" in r.hints[0] and "`1 / m * dZ @ A_prev.T`" in r.hints[0]


def test_a_numpy_call_whose_parentheses_close_early():
    def sigmoid_backward(dA, Z):
        s = _sig(Z)
        dZ = np.multiply(dA, s) * 1 - s
        return dZ

    r = check("sigmoid_backward", sigmoid_backward)
    assert r.mistakes[0] in (f"sigmoid_backward.{GROUPED}", "sigmoid_backward.missing_parentheses"), str(r)
    assert "(1 - s)" in r.hints[0], r.hints[0]


def test_the_search_itself_on_forms_nobody_listed():
    rng = np.random.default_rng(3)
    AL = rng.uniform(0.1, 0.9, (1, 4))
    Y = np.array([[1.0, 0.0, 1.0, 0.0]])
    dZ, A = rng.normal(size=(2, 4)), rng.normal(size=(3, 4))
    s = rng.uniform(0.1, 0.9, (2, 4))
    m = 4
    names = {"AL": AL, "Y": Y, "dZ": dZ, "A_prev": A, "m": m, "s": s, "dA": dZ}
    cases = [   # (line, the lecture's value, text the fix must hold)
        ("dAL = -Y / AL + 1 - Y / 1 - AL", -Y / AL + (1 - Y) / (1 - AL), "(1 - Y) / (1 - AL)"),
        ("cost = -1 / m * np.sum(Y * np.log(AL)) + np.sum((1 - Y) * np.log(1 - AL))",
         -1 / m * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)), "-1 / m * (np.sum"),
        ("t = np.log(1 - AL) * 1 - Y", np.log(1 - AL) * (1 - Y), "(1 - Y)"),
        ("dW = 1 / m * dZ @ A_prev.T + 0", None, None),
        ("dZ = dA * s * 1 - s", dZ * s * (1 - s), "(1 - s)"),
        ("dW = dZ @ (A_prev.T / m) ** 2", dZ @ A.T / m ** 2, "A_prev.T / m ** 2"),
        ("g = 1 / 1 + np.exp(-AL)", 1 / (1 + np.exp(-AL)), "1 / (1 + np.exp(-AL))"),
    ]
    for line, want, fix in cases:
        import ast
        rhs = line.split("=", 1)[1]
        got = eval(compile(ast.parse(rhs.strip(), mode="eval"), "<line>", "eval"), {"np": np}, dict(names))
        found = regroup.regroup(line, names, got, want if want is not None else got * 1.5)
        if fix is None:
            assert found is None, (line, found)
        else:
            assert found is not None and fix in found[-1], (line, found)


def test_two_different_bracketings_that_both_give_the_value_are_a_coincidence_not_a_finding():
    AL, Y = np.array([[0.2, 0.7, 0.4]]), np.zeros((1, 3))   # Y all 0: several formulas agree
    line = "dAL = -Y / AL + 1 - Y / 1 - AL"
    got = -Y / AL + 1 - Y / 1 - AL
    assert regroup.regroup(line, {"AL": AL, "Y": Y}, got, -Y / AL + (1 - Y) / (1 - AL)) is None


def test_no_grouping_is_claimed_when_the_learners_bracketing_is_not_what_the_line_gave():
    Z = np.array([[0.5, -1.0, 2.0]])
    # the value the line gave is not 1 + e^Z: the names are not what the line saw
    assert regroup.regroup("A = 1 + np.exp(-Z) ** -1", {"Z": Z}, Z * 0 + 7.0, _sig(Z)) is None


def test_right_lines_written_in_grouping_look_alikes_pass_clean():
    def sigmoid_power(Z):
        A = (1 + np.exp(-Z)) ** -1
        return A

    def sigmoid_plain(Z):
        return 1 / (1 + np.exp(-Z))

    def backward_inline(dA, Z):
        dZ = dA * 1 / (1 + np.exp(-Z)) * (1 - 1 / (1 + np.exp(-Z)))
        return dZ

    def backward_expanded(dA, Z):
        s = _sig(Z)
        dZ = dA * s - dA * s ** 2
        return dZ

    def linear_backward(dZ, linear_cache):
        A_prev, W, b = linear_cache
        m = A_prev.shape[1]
        dW = 1 / m * dZ @ A_prev.T
        db = 1 / m * np.sum(dZ, axis=1, keepdims=True)
        dA_prev = np.dot(W.T, dZ)
        return dA_prev, dW, db

    def linear_backward_dot(dZ, linear_cache):
        A_prev, W, b = linear_cache
        m = A_prev.shape[1]
        dW = np.dot(dZ, A_prev.T) / m
        db = np.sum(dZ, axis=1, keepdims=True) / m
        dA_prev = W.T @ dZ
        return dA_prev, dW, db

    def compute_cost(AL, Y):
        m = Y.shape[1]
        AL = np.clip(AL, 1e-15, 1 - 1e-15)
        cost = -1 / m * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
        return float(np.squeeze(cost))

    def compute_cost_neg_m(AL, Y):
        m = Y.shape[1]
        AL = np.clip(AL, 1e-15, 1 - 1e-15)
        cost = np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / -m
        return float(np.squeeze(cost))

    for name, fn in [("sigmoid", sigmoid_power), ("sigmoid", sigmoid_plain), ("sigmoid_backward", backward_inline),
                     ("sigmoid_backward", backward_expanded), ("linear_backward", linear_backward),
                     ("linear_backward", linear_backward_dot), ("compute_cost", compute_cost),
                     ("compute_cost", compute_cost_neg_m)]:
        r = check(name, fn)
        assert r.status == "passed", (fn.__name__, str(r))


def test_near_misses_that_no_bracketing_fixes_are_not_said_as_grouping():
    def linear_forward(A_prev, W, b):
        Z = W @ A_prev + b / 2
        return Z, (A_prev, W, b)

    def sigmoid(Z):
        A = 1 / (1 + np.exp(Z))
        return A

    for name, fn in [("linear_forward", linear_forward), ("sigmoid", sigmoid)]:
        r = check(name, fn)
        assert r.status != "passed"
        assert not any(m.endswith(GROUPED) for m in r.mistakes), (fn.__name__, str(r))


# ---- 2. other layers: a composite's step with a quantity of another layer in it ----


def test_the_mask_of_the_next_layer_in_an_inline_backward_is_said_with_the_cache_line():
    def model_backward(AL, Y, caches):
        grads = {}
        L = len(caches)
        m = AL.shape[1]
        dZ = AL - Y
        for l in range(L, 0, -1):
            (A_prev, W, b), Z = caches[l - 1]
            grads["dW" + str(l)] = dZ @ A_prev.T / m
            grads["db" + str(l)] = np.sum(dZ, axis=1, keepdims=True) / m
            dA = W.T @ dZ
            grads["dA" + str(l - 1)] = dA
            if l > 1:
                dZ = dA * (Z > 0)
        return grads

    r = check("model_backward", model_backward)
    assert r.mistakes[0] == f"model_backward.{OTHER}", str(r)
    assert "the mask (Z[2] > 0) of layer 2 where layer 1's (Z[1] > 0) belongs" in r.hints[0], r.hints[0]
    assert "your Z here holds Z[2]" in r.hints[0]


def test_an_inline_forward_that_keeps_reading_X_is_said_as_the_input_of_layer_1():
    def model_forward(X, parameters):
        caches = []
        L = len(parameters) // 2
        A = X
        for l in range(1, L):
            W, b = parameters["W" + str(l)], parameters["b" + str(l)]
            Z = W @ X + b
            caches.append(((A, W, b), Z))
            A = np.maximum(0, Z)
        W, b = parameters["W" + str(L)], parameters["b" + str(L)]
        Z = W @ A + b
        caches.append(((A, W, b), Z))
        return 1 / (1 + np.exp(-Z)), caches

    r = check("model_forward", model_forward)
    # said of the output on every wrong case (layerwise.py), or of the traced line
    assert r.mistakes[0] in ("model_forward.step_of_other_layer", f"model_forward.{OTHER}"), str(r)
    assert "A[0], the input of layer 1, where layer 2's input A[1] belongs" in r.hints[0], r.hints[0]


def _layers(rng):
    """Two layers, n = [3, 3, 3], m = 4: every quantity of one layer has the other's shape."""
    out = {}
    for l in (1, 2):
        out[l] = {f: rng.normal(size=s) for f, s in
                  (("W", (3, 3)), ("A_prev", (3, 4)), ("b", (3, 1)), ("Z", (3, 4)), ("dA", (3, 4)), ("dZ", (3, 4)))}
        out[l]["m"] = 4
    return [(l, flat) for l, flat in out.items()]


def _label(f, l):
    return {"A_prev": f"A[{l - 1}]", "W": f"W[{l}]", "b": f"b[{l}]", "Z": f"Z[{l}]", "dA": f"dA[{l}]",
            "dZ": f"dZ[{l}]", "A": f"A[{l}]", "dW": f"dW[{l}]", "db": f"db[{l}]", "dA_prev": f"dA[{l - 1}]"}[f]


def test_the_other_layer_search_on_steps_nobody_listed():
    rng = np.random.default_rng(7)
    layers = _layers(rng)
    q1, q2 = layers[0][1], layers[1][1]
    relu = lambda l: "relu"   # noqa: E731
    cases = [
        ("dA_prev", 1, q2["W"].T @ q1["dZ"], "W[2], layer 2's, where layer 1's W[1] belongs"),
        ("dW", 2, q2["dZ"] @ q1["A_prev"].T / 4, "A[0], the input of layer 1, where layer 2's input A[1] belongs"),
        ("Z", 2, q2["W"] @ q2["A_prev"] + q1["b"], "b[1], layer 1's, where layer 2's b[2] belongs"),
        ("A", 2, np.maximum(q1["Z"], 0), "Z[1], layer 1's, where layer 2's Z[2] belongs"),
        ("db", 1, np.sum(q2["dZ"], axis=1, keepdims=True) / 4, "dZ[2], layer 2's, where layer 1's dZ[1] belongs"),
        ("Z", 1, q2["W"] @ q2["A_prev"] + q2["b"], "the cache of layer 2"),
    ]
    for fam, layer, value, words in cases:
        found = otherlayer.explain(fam, layer, value, layers, relu, _label)
        assert found is not None and words in found[1], (fam, layer, found)


def test_the_other_layer_search_claims_nothing_for_a_value_of_its_own_layer_or_an_unrelated_one():
    rng = np.random.default_rng(8)
    layers = _layers(rng)
    q1 = layers[0][1]
    relu = lambda l: "relu"   # noqa: E731
    assert otherlayer.explain("dA_prev", 1, q1["W"].T @ q1["dZ"] * 2, layers, relu, _label) is None
    assert otherlayer.explain("dZ", 1, rng.normal(size=(3, 4)), layers, relu, _label) is None
    assert otherlayer.explain("dZ", 1, np.zeros((3, 4)), layers, relu, _label) is None   # constant: too easy


def test_right_composites_written_inline_pass_clean():
    def model_backward(AL, Y, caches):
        grads = {}
        L = len(caches)
        m = AL.shape[1]
        dZ = AL - Y
        for l in range(L, 0, -1):
            (A_prev, W, b), Z = caches[l - 1]
            grads["dW" + str(l)] = dZ @ A_prev.T / m
            grads["db" + str(l)] = np.sum(dZ, axis=1, keepdims=True) / m
            dA = W.T @ dZ
            grads["dA" + str(l - 1)] = dA
            if l > 1:
                Z_prev = caches[l - 2][1]
                dZ = dA * (Z_prev > 0)
        return grads

    def model_forward(X, parameters):
        caches = []
        L = len(parameters) // 2
        A = X
        for l in range(1, L + 1):
            A_prev = A
            W, b = parameters["W" + str(l)], parameters["b" + str(l)]
            Z = W @ A_prev + b
            A = 1 / (1 + np.exp(-Z)) if l == L else np.maximum(0, Z)
            caches.append(((A_prev, W, b), Z))
        return A, caches

    for name, fn in [("model_backward", model_backward), ("model_forward", model_forward)]:
        r = check(name, fn)
        assert r.status == "passed", (name, str(r))


def test_a_return_line_whose_operators_are_grouped_otherwise_is_said_too():
    def sigmoid_backward(dA, Z):
        s = 1 / (1 + np.exp(-Z))
        return dA * 1 - s * s

    def compute_cost(AL, Y):
        m = Y.shape[1]
        AL = np.clip(AL, 1e-15, 1 - 1e-15)
        return -1 / m * np.sum(Y * np.log(AL)) + np.sum((1 - Y) * np.log(1 - AL))

    r = check("sigmoid_backward", sigmoid_backward)
    assert r.mistakes[0] == f"sigmoid_backward.{GROUPED}" and "the dZ you return" in r.hints[0], str(r)
    r = check("compute_cost", compute_cost)
    assert r.mistakes[0] == f"compute_cost.{GROUPED}", str(r)
    assert "`-1 / m * (np.sum(Y * np.log(AL)) + np.sum((1 - Y) * np.log(1 - AL)))`" in r.hints[0], r.hints[0]


def test_a_mutants_parentheses_hint_is_worded_from_the_learners_own_line():
    def sigmoid_backward(dA, Z):
        s = 1 / (1 + np.exp(-Z))
        dZ = dA * s - s ** 2
        return dZ

    r = check("sigmoid_backward", sigmoid_backward)
    assert r.mistakes[0] == "sigmoid_backward.missing_parentheses", str(r)
    assert "`dA * (s - s ** 2)`" in r.hints[0], r.hints[0]   # their line, not the mutant's dA * s * 1 - s


def test_a_dA_meant_for_the_layer_below_is_judged_as_that_step():
    rng = np.random.default_rng(9)
    layers = _layers(rng)
    for l, flat in layers:
        flat["dA_prev"] = flat["W"].T @ flat["dZ"]
    q1, q2 = layers[0][1], layers[1][1]
    found = otherlayer.search("dA", 2, q2["W"].T @ q1["dZ"], layers, lambda l: "relu", _label)
    assert found is not None and found[:2] == ("dA_prev", 1), found
    assert "W[2], layer 2's, where layer 1's W[1] belongs" in found[2][1]


def test_a_source_rules_and_a_mutants_grouping_hint_quote_the_learners_line():
    def sigmoid_backward(dA, Z):
        dZ = dA * np.exp(-Z) / 1 + np.exp(-Z) ** 2
        return dZ

    r = check("sigmoid_backward", sigmoid_backward)
    assert "`dA * np.exp(-Z) / (1 + np.exp(-Z)) ** 2`" in r.hints[0], str(r)

    def model_backward(AL, Y, caches):
        from dlkit import linear_activation_backward
        grads = {}
        L = len(caches)
        dAL = -Y / AL + 1 - Y / (1 - AL)
        dA_prev, dW, db = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
        grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = dA_prev, dW, db
        for l in reversed(range(L - 1)):
            dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
            grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA_prev, dW, db
        return grads

    r = check("model_backward", model_backward)
    assert r.mistakes[0].endswith("missing_parentheses"), str(r)
    # Y holds 0s and 1s: formulas that agree on such labels are one formula, the nearest bracketing is said
    assert "`-Y / AL + (1 - Y) / (1 - AL)`" in r.hints[0], r.hints[0]


def test_a_minus_sign_that_takes_one_sum_only_is_said():
    def compute_cost(AL, Y):
        m = Y.shape[1]
        AL = np.clip(AL, 1e-12, 1 - 1e-12)
        cost = -np.sum(Y * np.log(AL)) + np.sum((1 - Y) * np.log(1 - AL)) / m
        return float(cost)

    r = check("compute_cost", compute_cost)
    assert r.mistakes[0] == f"compute_cost.{GROUPED}", str(r)
    assert "the minus sign binds before `+`" in r.hints[0], r.hints[0]
    assert "`-(np.sum(Y * np.log(AL)) + np.sum((1 - Y) * np.log(1 - AL))) / m`" in r.hints[0]


def test_a_gradient_stored_straight_into_grads_with_another_layers_input_is_said_on_every_case():
    def model_backward(AL, Y, caches):
        grads = {}
        L = len(caches)
        m = AL.shape[1]
        dZ = AL - Y
        for l in range(L, 0, -1):
            (A_prev, W, b), Z = caches[l - 1]
            A_in = caches[l - 2][0][0] if l > 1 else A_prev     # the input of the layer below
            grads["dW" + str(l)] = dZ @ A_in.T / m
            grads["db" + str(l)] = np.sum(dZ, axis=1, keepdims=True) / m
            dA = W.T @ dZ
            grads["dA" + str(l - 1)] = dA
            if l > 1:
                dZ = dA * (caches[l - 2][1] > 0)
        return grads

    r = check("model_backward", model_backward)
    assert r.mistakes[0] == "model_backward.step_of_other_layer", str(r)
    assert "1/m dZ[2] A[0].T" in r.hints[0] and "A[0], the input of layer 1, where layer 2's input A[1]" in r.hints[0]


def test_an_exact_other_layer_mix_goes_before_a_first_column_coincidence():
    def model_forward(X, parameters):
        caches = []
        L = len(parameters) // 2
        A = X
        for l in range(1, L):
            W = parameters["W" + str(l)]
            W_used = parameters["W1"] if parameters["W1"].shape == W.shape else W   # layer 1's W kept
            b = parameters["b" + str(l)]
            Z = W_used @ A + b
            caches.append(((A, W, b), Z))
            A = np.maximum(0, Z)
        W, b = parameters["W" + str(L)], parameters["b" + str(L)]
        Z = W @ A + b
        caches.append(((A, W, b), Z))
        return 1 / (1 + np.exp(-Z)), caches

    r = check("model_forward", model_forward)
    assert r.mistakes[0] == "model_forward.step_of_other_layer", str(r)
    assert "W[1], layer 1's, where layer 2's W[2] belongs" in r.hints[0], r.hints[0]


def test_a_temporary_of_the_learners_own_read_by_the_wrong_line_is_regrouped_there():
    def compute_cost(AL, Y):
        m = Y.shape[1]
        AL = np.clip(AL, 1e-12, 1 - 1e-12)
        losses = Y * np.log(AL) + 1 - Y * np.log(1 - AL)
        cost = -np.mean(losses)
        return cost

    def sigmoid(Z):
        sig = 1 + np.exp(-Z) ** -1
        return sig

    r = check("compute_cost", compute_cost)
    assert "`Y * np.log(AL) + (1 - Y) * np.log(1 - AL)`" in r.hints[0] and "your losses is" in r.hints[0], str(r)
    r = check("sigmoid", sigmoid)
    assert r.mistakes[0] == f"sigmoid.{GROUPED}", str(r)
    assert "your sig is 1 + (np.exp(-Z) ** -1)" in r.hints[0], r.hints[0]

    def sigmoid_right(Z):
        denom = 1 + np.exp(-Z)
        out = 1 / denom
        return out

    assert check("sigmoid", sigmoid_right).status == "passed"
