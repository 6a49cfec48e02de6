"""The catalog of known mistakes: a stable id -> the hint a learner reads.

Ids are ``<exercise>.<mistake>``; they never change once published (the
gradebook counts them across a class). Hints say what is wrong and which
equation of the lecture to look at. Generic ids (any exercise) are built from
the templates in ``GENERIC``.
"""
from __future__ import annotations

GENERIC = {
    "not_implemented": "Not implemented yet: replace `raise NotImplementedError()` with your code, then run this cell again.",
    "helper_not_implemented": "Not implemented yet: this function calls your {helper}, which still raises "
                              "NotImplementedError; implement {helper} first.",
    "timeout": "Your function did not finish in time: look for a loop that never ends "
               "(a while loop whose condition never changes, or a loop over a range that grows).",
    "modifies_input": "Your function changed its input {arg} in place; the caller (and the cache) still needs "
                      "the original {arg}: work on a copy ({arg}.copy(), or np.maximum/np.where which return new arrays).",
    "helper_fails": "Your {helper} fails its own check: fix it first (run its checkpoint), then check this one again.",
    "forward_wrong": "Your backward agrees with the numerical gradient of your own {forward}, so the mistake is in "
                     "{forward}: fix it first.",
    "backward_wrong": "Your {forward} is right (its numerical gradient matches dlkit's), so the mistake is in this "
                      "backward step itself.",
}

CATALOG = {
    # ---- initialize_parameters ------------------------------------------------------------
    "initialize_parameters.missing_layers": "parameters must hold W1..WL and b1..bL, one pair per layer l = 1..L "
        "with L = len(layer_dims) - 1: loop `for l in range(1, L + 1)` (a loop that stops one early misses the last layer).",
    "initialize_parameters.W_transposed": "W[l] must have shape (n[l], n[l-1]) = (layer_dims[l], layer_dims[l-1]), "
        "so that W[l] A[l-1] works; yours is transposed.",
    "initialize_parameters.b_not_column": "b[l] must be a column of shape (n[l], 1), e.g. np.zeros((layer_dims[l], 1)), "
        "so that it broadcasts across the m columns in Z[l] = W[l] A[l-1] + b[l].",
    "initialize_parameters.wrong_shapes": "W[l] must be (n[l], n[l-1]) and b[l] must be (n[l], 1), with n[l] = layer_dims[l].",
    "initialize_parameters.b_not_zero": "b[l] should start at zero: np.zeros((n[l], 1)). Only W needs random values.",
    "initialize_parameters.W_zeros": "W[l] is all zeros: every unit of a layer then computes the same thing and "
        "gets the same gradient, forever (no symmetry breaking). Use small random values: np.random.randn(n[l], n[l-1]) * scale.",
    "initialize_parameters.W_symmetric": "The rows of W[l] are identical, so the units of a layer stay identical "
        "(no symmetry breaking): draw every entry at random, np.random.randn(n[l], n[l-1]).",
    "initialize_parameters.W_too_large": "W[l] is too large: with randn alone Z[l] grows with n[l-1] and the units "
        "saturate. Scale it, e.g. np.random.randn(n[l], n[l-1]) * 0.01 or / np.sqrt(n[l-1]).",
    "initialize_parameters.W_too_small": "W[l] is so small that the signal (and the gradients) vanish: "
        "scale randn by 0.01 or 1/sqrt(n[l-1]), not by less.",
    "initialize_parameters.W_not_centred": "W[l] is all positive: np.random.rand draws from [0, 1). "
        "Use np.random.randn (normal, mean 0) so that weights have both signs.",
    # ---- linear_forward ---------------------------------------------------------------------
    "linear_forward.b_missing": "Z is missing b: Z[l] = W[l] A[l-1] + b[l] adds the bias column to every column.",
    "linear_forward.b_subtracted": "b is subtracted: Z[l] = W[l] A[l-1] + b[l] adds it.",
    "linear_forward.b_broadcast_wrong": "b is added the wrong way: b[l] is a column (n[l], 1) that numpy broadcasts "
        "across the m columns; add it as it is (W @ A_prev + b), without transposing or indexing it.",
    "linear_forward.W_A_swapped": "The product is the wrong way round: Z[l] = W[l] A[l-1] (W first), with W[l] "
        "(n[l], n[l-1]) and A[l-1] (n[l-1], m) giving Z[l] (n[l], m).",
    "linear_forward.elementwise_product": "W * A_prev multiplies entry by entry; Z[l] = W[l] A[l-1] + b[l] needs "
        "the matrix product: np.dot(W, A_prev) or W @ A_prev.",
    "linear_forward.W_transposed": "W is transposed: Z[l] = W[l] A[l-1] + b[l] uses W[l] (n[l], n[l-1]) as it is.",
    "linear_forward.cache_order": "linear_cache must be (A_prev, W, b) in this order: linear_backward unpacks it so.",
    "linear_forward.cache_wrong": "linear_cache must be the tuple (A_prev, W, b) of this step's inputs, "
        "which linear_backward needs for dW[l] = 1/m dZ[l] A[l-1]^T and dA[l-1] = W[l]^T dZ[l].",
    "linear_forward.returns_wrong_structure": "linear_forward must return two things: Z and linear_cache = (A_prev, W, b).",
    # ---- sigmoid / relu --------------------------------------------------------------------
    "sigmoid.missing_minus": "The exponent's sign is wrong: sigmoid(Z) = 1 / (1 + np.exp(-Z)), with a minus.",
    "sigmoid.returns_Z": "sigmoid returns Z unchanged: A = sigmoid(Z) = 1 / (1 + np.exp(-Z)).",
    "sigmoid.relu_instead": "This is ReLU, not the sigmoid: A = 1 / (1 + np.exp(-Z)).",
    "sigmoid.tanh_instead": "This is tanh, not the sigmoid: A = 1 / (1 + np.exp(-Z)).",
    "sigmoid.derivative_instead": "This is the slope g'(Z) = s (1 - s), not g(Z): forward, A = sigmoid(Z) = 1 / (1 + np.exp(-Z)).",
    "sigmoid.wrong_formula": "The formula is not the sigmoid: A = 1 / (1 + np.exp(-Z)) (check the 1 + in the denominator).",
    "sigmoid.returns_tuple": "sigmoid must return only A = 1 / (1 + np.exp(-Z)); here the cache is kept by "
        "linear_activation_forward, not by the activation.",
    "relu.min_instead": "np.minimum keeps the negative part: relu(Z) = max(0, Z) is np.maximum(0, Z).",
    "relu.returns_Z": "relu returns Z unchanged: negative entries must become 0, A = np.maximum(0, Z).",
    "relu.abs_instead": "np.abs flips negative entries instead of zeroing them: A = np.maximum(0, Z).",
    "relu.sigmoid_instead": "This is the sigmoid, not ReLU: A = np.maximum(0, Z).",
    "relu.derivative_instead": "This is the slope g'(Z) (1 where Z > 0, else 0), not g(Z): A = np.maximum(0, Z).",
    "relu.returns_tuple": "relu must return only A = np.maximum(0, Z); here the cache is kept by "
        "linear_activation_forward, not by the activation.",
    "relu.python_max": "Python's max does not work entry by entry on arrays: use np.maximum(0, Z).",
    # ---- linear_activation_forward -----------------------------------------------------------
    "linear_activation_forward.activations_swapped": "The activations are swapped: activation == \"relu\" must apply "
        "relu and \"sigmoid\" the sigmoid, A[l] = g[l](Z[l]).",
    "linear_activation_forward.always_relu": "activation is ignored: ReLU is applied even when activation == \"sigmoid\".",
    "linear_activation_forward.always_sigmoid": "activation is ignored: the sigmoid is applied even when activation == \"relu\".",
    "linear_activation_forward.no_activation": "A is Z: the activation A[l] = g[l](Z[l]) is never applied.",
    "linear_activation_forward.cache_holds_A": "cache must be (linear_cache, Z): it keeps Z[l], which the backward "
        "step needs for g'(Z[l]), not A[l].",
    "linear_activation_forward.cache_order": "cache must be (linear_cache, Z) in this order: linear_activation_backward unpacks it so.",
    "linear_activation_forward.cache_wrong": "cache must be (linear_cache, Z) with linear_cache = (A_prev, W, b) "
        "from linear_forward and Z[l] = W[l] A[l-1] + b[l].",
    "linear_activation_forward.returns_wrong_structure": "linear_activation_forward must return two things: A and cache = (linear_cache, Z).",
    "linear_activation_forward.unknown_activation": "activation is \"relu\" or \"sigmoid\": compare it with == "
        "(not `is`) and handle both.",
}


def hint_for(mistake_id: str, **fmt) -> str:
    """The hint for a mistake id (generic templates are filled with ``fmt``)."""
    if mistake_id in CATALOG:
        return CATALOG[mistake_id].format(**fmt) if fmt else CATALOG[mistake_id]
    suffix = mistake_id.split(".", 1)[-1]
    if suffix in GENERIC:
        try:
            return GENERIC[suffix].format(**fmt)
        except KeyError:
            return GENERIC[suffix]
    return mistake_id
