"""diag16: nested outputs matched piece by piece against the reference (issue 12, items 2, 3).

Each buggy function below builds a caches list, a cache or a linear_cache whose pieces are the
reference's own values in other places (none of these variants is in a held-out round); its report
must say the place and the value in the lecture's names. Correct formulations (tuples for lists,
a cache built by hand) and value mistakes in the right places must pass or keep their own findings.
Mechanism: dlkit/checks/leaves.py (used by spec.py and structure.py).
"""
import numpy as np
import pytest

import dlkit
from dlkit.checks import check


def _report(exercise, fn):
    result = check(exercise, fn, time_limit=5)
    assert not result.passed, str(result)
    return result, str(result)


def _passes(exercise, fn):
    result = check(exercise, fn, time_limit=5)
    assert result.passed, str(result)


# ---- model_forward: every layer's cache held against the reference's, said once for every layer -----

def _forward(keep=lambda cache, A, A_prev: cache, post=lambda caches: caches):
    def model_forward(X, parameters):
        caches, A, L = [], X, len(parameters) // 2
        for l in range(1, L + 1):
            A_prev = A
            A, cache = dlkit.linear_activation_forward(A_prev, parameters[f"W{l}"], parameters[f"b{l}"],
                                                       "relu" if l < L else "sigmoid")
            caches.append(keep(cache, A, A_prev))
        return A, post(caches)
    return model_forward


FORWARD = {   # variant -> (keep, post, words the report must hold)
    "linear cache only": (lambda c, A, Ap: c[0], None,
                          ["caches[l-1] is (A[l-1], W[l], b[l]), layer l's linear cache only",
                           "Z[l] is missing from every cache"]),
    "reversed": (None, lambda c: c[::-1], ["caches is in reverse order", "caches[0] holds layer 3's cache"]),
    "A for Z": (lambda c, A, Ap: (c[0], A), None, ["caches[l-1][1] holds A[l] where Z[l] belongs"]),
    "parts swapped": (lambda c, A, Ap: (c[1], c[0]), None, ["(Z[l], (A[l-1], W[l], b[l]))", "its two parts are swapped"]),
    "A[l] for A[l-1]": (lambda c, A, Ap: ((A, c[0][1], c[0][2]), c[1]), None,
                        ["caches[l-1][0][0] holds A[l] where A[l-1] belongs"]),
    "W transposed": (lambda c, A, Ap: ((c[0][0], c[0][1].T, c[0][2]), c[1]), None,
                     ["caches[l-1][0][1] holds W[l] transposed (W[l]^T)"]),
    "b missing": (lambda c, A, Ap: ((c[0][0], c[0][1]), c[1]), None, ["b[l] is missing from every cache"]),
    "items in another order": (lambda c, A, Ap: ((c[0][1], c[0][0], c[0][2]), c[1]), None,
                               ["caches[l-1][0][0] holds W[l] where A[l-1] belongs"]),
    "nested": (lambda c, A, Ap: [c], None, ["an extra level of nesting"]),
    "flat": (lambda c, A, Ap: (*c[0], c[1]), None, ["(A[l-1], W[l], b[l], Z[l])", "one flat tuple of 4 items"]),
    "dict": (lambda c, A, Ap: {"linear_cache": c[0], "Z": c[1]}, None,
             ["a dict where a tuple belongs", "by position"]),
    "Z for the linear cache": (lambda c, A, Ap: (c[1], c[1]), None, ["caches[l-1][0] is Z[l] alone"]),
    "Z twice": (lambda c, A, Ap: ((*c[0], c[1]), c[1]), None, ["caches[l-1][0][3], Z[l], is one item too many"]),
    "layer 1 repeated": (None, lambda c: [c[0]] * len(c), ["layer 1"]),
    "one more item": (None, lambda c: c + [(c[-1][0][0],)], ["and then 1 item more", "one cache per layer only"]),
    "X first": (None, lambda c: [(c[0][0][0],)] + c, ["caches[0] = (A[0],), before layer 1's cache"]),
    "A and cache": (lambda c, A, Ap: (A, c), None, ["it wraps the right ((A[l-1], W[l], b[l]), Z[l]) with A[l]"]),
    "five flat": (lambda c, A, Ap: (*c[0], c[1], A), None, ["also holds A[l], one item too many", "is flat"]),
    "a dict per layer": (lambda c, A, Ap: {"A_prev": c[0][0], "W": c[0][1], "b": c[0][2], "Z": c[1]}, None,
                         ["a dict where a tuple belongs: the right values by name"]),
    "output layer's linear cache only": (None, lambda c: c[:-1] + [c[-1][0]],
                                         ["the output layer's cache (layer L = 3)", "Z[3] is missing"]),
}


@pytest.mark.parametrize("variant", sorted(FORWARD))
def test_model_forward_caches_are_said_piece_by_piece(variant):
    keep, post, words = FORWARD[variant]
    result, text = _report("model_forward", _forward(keep or (lambda c, A, Ap: c), post or (lambda c: c)))
    for w in words:
        assert w in text, text
    assert "caches must be the list of the L caches" not in text or any(w in text for w in words), text


def test_caches_of_tuples_or_lists_still_pass():
    _passes("model_forward", _forward(post=tuple))
    _passes("model_forward", _forward(keep=lambda c, A, Ap: [list(c[0]), c[1]]))
    _passes("model_forward", _forward(keep=lambda c, A, Ap: ((Ap, c[0][1], c[0][2]), c[1])))


def test_a_chain_gone_wrong_keeps_the_layer_by_layer_finding():
    # b[2] fed to layer 1: every value after it is no reference value, layerwise says where it starts
    def model_forward(X, parameters):
        caches, A, L = [], X, len(parameters) // 2
        for l in range(1, L + 1):
            b = parameters[f"b{min(l + 1, L)}"] if parameters[f"b{min(l + 1, L)}"].shape == parameters[f"b{l}"].shape \
                else parameters[f"b{l}"]
            A, cache = dlkit.linear_activation_forward(A, parameters[f"W{l}"], b, "relu" if l < L else "sigmoid")
            caches.append(cache)
        return A, caches
    result, text = _report("model_forward", model_forward)
    assert "model_forward.leaves_mapped" not in result.mistakes[:1] or "b[2] where b[1] belongs" in text, text


# ---- linear_activation_forward and linear_forward: the cache's tree ---------------------------------

def _law(make):
    def linear_activation_forward(A_prev, W, b, activation):
        Z, lc = dlkit.linear_forward(A_prev, W, b)
        A = dlkit.relu(Z) if activation == "relu" else dlkit.sigmoid(Z)
        return make(A_prev, W, b, Z, lc, A)
    return linear_activation_forward


def _lf(make):
    def linear_forward(A_prev, W, b):
        Z = W @ A_prev + b
        return make(A_prev, W, b, Z)
    return linear_forward


CACHES = {
    "law swapped": ("linear_activation_forward", _law(lambda Ap, W, b, Z, lc, A: (A, (Z, lc))), ["its two parts are swapped"]),
    "law A for Z": ("linear_activation_forward", _law(lambda Ap, W, b, Z, lc, A: (A, (lc, A))),
                    ["cache[1] holds A[l] where Z[l] belongs"]),
    "law flat": ("linear_activation_forward", _law(lambda Ap, W, b, Z, lc, A: (A, lc + (Z,))), ["one flat tuple of 4 items"]),
    "law not unpacked": ("linear_activation_forward", _law(lambda Ap, W, b, Z, lc, A: (A, ((Z, lc), Z))),
                         ["((Z[l], (A[l-1], W[l], b[l])), Z[l])", "one level of nesting too many"]),
    "law nested": ("linear_activation_forward", _law(lambda Ap, W, b, Z, lc, A: (A, [(lc, Z)])), ["an extra level of nesting"]),
    "law A[l] cached": ("linear_activation_forward", _law(lambda Ap, W, b, Z, lc, A: (A, ((A, W, b), Z))),
                        ["cache[0][0] holds A[l] where A[l-1] belongs"]),
    "law W.T cached": ("linear_activation_forward", _law(lambda Ap, W, b, Z, lc, A: (A, ((Ap, W.T, b), Z))),
                       ["cache[0][1] holds W[l] transposed"]),
    "law dict": ("linear_activation_forward", _law(lambda Ap, W, b, Z, lc, A: (A, {"linear_cache": lc, "Z": Z})),
                 ["a dict where a tuple belongs"]),
    "law Z alone": ("linear_activation_forward", _law(lambda Ap, W, b, Z, lc, A: (A, Z)), ["cache is Z[l] alone"]),
    "law three outputs": ("linear_activation_forward", _law(lambda Ap, W, b, Z, lc, A: (A, (lc, Z), Z)),
                          ["Z[l], is one item too many"]),
    "lf order": ("linear_forward", _lf(lambda Ap, W, b, Z: (Z, (W, Ap, b))), ["linear_cache[0] holds W[l] where A[l-1] belongs"]),
    "lf reversed": ("linear_forward", _lf(lambda Ap, W, b, Z: (Z, (b, W, Ap))), ["its items are in reverse order"]),
    "lf Z for A": ("linear_forward", _lf(lambda Ap, W, b, Z: (Z, (Z, W, b))), ["linear_cache[0] holds Z[l] where A[l-1] belongs"]),
    "lf W.T": ("linear_forward", _lf(lambda Ap, W, b, Z: (Z, (Ap, W.T, b))), ["linear_cache[1] holds W[l] transposed"]),
    "lf nested": ("linear_forward", _lf(lambda Ap, W, b, Z: (Z, ((Ap, W, b),))), ["an extra level of nesting"]),
    "lf dict": ("linear_forward", _lf(lambda Ap, W, b, Z: (Z, {"A_prev": Ap, "W": W, "b": b})), ["a dict where a tuple belongs"]),
    "lf method": ("linear_forward", _lf(lambda Ap, W, b, Z: (Z, (Ap.copy, W, b))),
                  ["linear_cache[0] (A[l-1]) is a builtin_function_or_method object"]),
    "lf three outputs": ("linear_forward", _lf(lambda Ap, W, b, Z: (Z, (Ap, W, b), Z)), ["Z[l], is one item too many"]),
}


@pytest.mark.parametrize("variant", sorted(CACHES))
def test_single_layer_caches_are_said_piece_by_piece(variant):
    exercise, fn, words = CACHES[variant]
    result, text = _report(exercise, fn)
    for w in words:
        assert w in text, text


def test_single_layer_near_misses_pass():
    _passes("linear_forward", _lf(lambda Ap, W, b, Z: (Z, [Ap, W, b])))
    _passes("linear_activation_forward", _law(lambda Ap, W, b, Z, lc, A: (A, [lc, Z])))
    _passes("linear_activation_forward", _law(lambda Ap, W, b, Z, lc, A: (A, ((Ap, W, b), Z.copy()))))


def test_a_wrong_Z_in_its_place_is_left_to_the_relations():
    # Z without b: the cache has the right form, its Z is no reference value: no claim about places
    result, text = _report("linear_activation_forward", _law(lambda Ap, W, b, Z, lc, A: (A, (lc, Z - b))))
    assert "belongs" not in text.split("\n")[1] or "holds" not in text.split("\n")[1], text


# ---- dict outputs by key, where nothing else says it ---------------------------------------------

def _update_biases_swapped(parameters, grads, learning_rate):
    new = dlkit.update_parameters(parameters, grads, learning_rate)
    out = dict(new)
    for l in range(1, len(parameters) // 2):
        if new[f"b{l}"].shape == new[f"b{l + 1}"].shape:
            out[f"b{l}"], out[f"b{l + 1}"] = new[f"b{l + 1}"], new[f"b{l}"]
    return out


def test_dict_entries_holding_other_layers_are_said_by_key():
    result, text = _report("update_parameters", _update_biases_swapped)
    assert 'parameters["b1"] holds b[2] where b[1] belongs' in text, text


def test_model_backward_keeps_its_layer_by_layer_finding():
    def model_backward(AL, Y, caches):
        g = dlkit.model_backward(AL, Y, caches)
        return {**g, "dW1": g["dW1"].T}
    result, text = _report("model_backward", model_backward)
    assert result.mistakes[0] == "model_backward.transposed", text
    assert "grads[" not in text, text
