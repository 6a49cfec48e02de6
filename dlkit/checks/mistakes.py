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
    "state_default_argument": "Called a second time with the same inputs, your function returned something else: "
                              "the default argument {name}={value} is one object, made once and shared by every call, "
                              "so it keeps what earlier calls stored in it. Create it inside the function "
                              "({name} = {value} as the first line of the body).",
    "state_between_calls": "Called a second time with the same inputs, your function returned something else: "
                           "it keeps something between calls (a global dict or list it adds to, or a counter). "
                           "Build every result from the inputs of this call only.",
    "helper_fails": "Your {helper} fails its own check: fix it first (run its checkpoint), then check this one again.",
    "forward_wrong": "This backward step agrees with the numerical gradient of your own {forward}, but your "
                     "{forward} is wrong: fix {forward} first (a mistake made the same way in both directions shows up here).",
}

# Relations (see relations.py): a wrong part related to the reference's own quantities in a way
# no mutant describes. Id "<exercise>.<relation>"; the template is filled with the part's name.
RELATIONS = {
    "factor_m": "{part} is m times too large: the 1/m is missing (m = the number of columns, the examples).",
    "factor_1_over_m": "{part} is m times too small: there is a 1/m too many (or a sum where the equation has none).",
    "sign_flipped": "{part} has the opposite sign everywhere: a minus sign is missing or one too many.",
    "factor_2": "{part} is exactly twice what it should be: a term is counted twice (added two times?).",
    "factor_half": "{part} is exactly half of what it should be: a 1/2 or an average of two where one term belongs.",
    "factor": "{part} is {k} times what it should be on every case: a wrong constant multiplies it.",
    "fixed_m": "{part} uses a fixed m = {M} instead of this case's m: take m from the inputs "
               "(m = A_prev.shape[1] or Y.shape[1]), not from a variable left over from another cell.",
    "factor_on_some": "{part} is right on some {which}s but {k} times too large on {which}(s) {index}: "
                      "look at the code that handles those {which}s (an index or a loop bound).",
    "first_column_only": "{part} is right for the first example (column 0) only: the code handles one column; "
                         "use whole-matrix operations over all m columns (or a loop over every column).",
    "transposed": "{part} is the transpose of what it should be, its rows and columns swapped: check the order "
        "of the product (and which operand gets the .T).",
    "cache_overwritten": "{part} holds A, not Z: A[l] = g(Z[l]), the activation's value, sits where Z[l], the "
        "linear output, belongs, because the array was changed after it was cached (an in-place activation such "
        "as Z[Z < 0] = 0); compute A as a new array, A = np.maximum(0, Z).",
    "holds_other": "{part} holds the values of {other} instead of its own: {other} is used as {part} (a "
        "variable mixed up with another one).",
    "wrong_axis": "{part} is {other} {how}: {fix}.",
    "b_twice": "{part} has b added twice: the bias b[l] is added two times instead of once; Z[l] = W[l] A[l-1] "
        "+ b[l] adds b[l] once.",
    "b_missing": "{part} is missing b: the bias b[l] is never added to W[l] A[l-1]; Z[l] = W[l] A[l-1] + b[l].",
    "wrong_activation": "{part} is {g}(Z): the wrong activation (or the activation where none belongs) is "
        "applied, the {g}'s value at Z[l] instead of this layer's own A[l] = g[l](Z[l]).",
    "activation_twice": "{part} is {g} applied to A, which is already g(Z): an activation is applied twice, to "
        "A[l] = g(Z[l]), the activation's value, instead of once to Z[l], the linear output (A = g(Z) once, on "
        "this layer's Z).",
    "slope_for_value": "{part} is the slope g'(Z) of the {g}, where the value belongs: g'(Z[l]), the {g}'s "
        "slope, is used instead of its value A[l] = g(Z[l]); the forward step uses g(Z), the backward step g'(Z).",
    "value_for_slope": "{part} uses {g}(Z) itself where its slope belongs: A[l] = {g}(Z[l]), the {g}'s value "
        "(its output), is used instead of its slope g'(Z[l]); dZ[l] = dA[l] * g'(Z[l]).",
    "integer_values": "{part} holds whole numbers only: an integer division (// or np.floor_divide), int(), np.floor "
                      "or np.trunc, or an array made with "
                      "an integer dtype (np.zeros_like of an int array) dropped the fractions.",
    "whole_numbers": "{part} holds whole numbers only, where the equation gives fractions: a step of your code "
                     "turns the values into whole numbers (a comparison such as A > 0.5 gives 0 and 1, a rounding "
                     "does too); {exercise} returns the values themselves.",
    "clip_not_enough": "{part} is NaN or infinite when A[L] is exactly 0 or 1, although your code bounds A[L]: "
                       "the logs must take A[L] clipped to [eps, 1 - eps] with a small eps > 0 (1e-15 say), "
                       "so that log(A[L]) and log(1 - A[L]) stay finite.",
    "nan_where_large": "{part} is NaN or infinite where |Z| is large (hundreds) and right elsewhere: a step of your "
                       "code does not stay finite there; the lecture's sigma(Z) = 1 / (1 + np.exp(-Z)) does "
                       "(1 / inf is 0, the right value).",
    "columns_left_zero": "{part} is right except its last column(s) {index}, left at 0: every one of the m columns "
                         "(one per example) must be computed; compute the whole array at once, as the equation "
                         "does, or fill all m columns.",
    "overflow": "{part} is NaN or infinite where |Z| is large (hundreds) and right elsewhere: np.exp overflows "
                "past 709 and this formula is numerically unstable (e^Z / (1 + e^Z) is inf / inf = nan). "
                "Use a form that stays finite, e.g. s = 1 / (1 + np.exp(-Z)): 1 / inf is 0, the right value "
                "(numpy's RuntimeWarning about the overflow is not a mistake: only the values count).",
    "no_clipping": "{part} is NaN or infinite when A[L] is exactly 0 or 1: clip A[L] first, "
                   "AL = np.clip(AL, eps, 1 - eps), as the notebook says.",
    "other_layer": "{part} holds what {other} should be: the values of another layer are used instead of this "
        "layer's own, so a layer index is off by one (the key's number, caches[...] or the loop's range).",
    "input_negated": "{part} is {g}(-Z): the activation is taken at -Z[l] instead of Z[l] (the sign of Z is "
        "flipped inside the activation, the curve is mirrored); A = {g}(Z).",
    "leaky_slope": "{part} is a small fraction ({k}) of its input where Z < 0 instead of 0 (a leaky ReLU): "
                   "ReLU gives exactly 0 there, A = np.maximum(0, Z), and its slope is 0 where Z <= 0.",
    "activation_of_other": "{part} is {g}({other}): the activation is applied to the wrong array, {what} "
        "instead of this layer's Z[l] = W[l] A[l-1] + b[l]; A[l] = g(Z[l]) takes this layer's Z.",
    "slope_of_other": "{part} uses the slope of the {g} taken at {other}, {what}, instead of at Z[l], the "
        "linear output ({other} where Z belongs): the slope is taken at Z, dZ[l] = dA[l] * g'(Z[l]).",
    "matrix_product_for_elementwise": "{part} is a matrix product (np.dot or @) where the entry-by-entry "
        "product belongs: the slope g'(Z[l]) is matrix-multiplied instead of multiplied entry by entry; dZ[l] = "
        "dA[l] * g'(Z[l]) multiplies entry by entry (* or np.multiply).",
    "elementwise_for_matrix_product": "{part} multiplies entry by entry (* or np.multiply) where the matrix "
        "product belongs: an entry-by-entry product is used instead of a matrix product; Z[l] = W[l] A[l-1] + "
        "b[l], dW[l] = 1/m dZ[l] A[l-1]^T and dA[l-1] = W[l]^T dZ[l] use np.dot or @.",
    "last_columns_zero": "{part} is right except its last column(s) {index}, left at 0: the loop over the examples "
                         "stops early; for i in range(m) runs over all m columns (0..m-1).",
    "learning_rate_not_used": "{part} moved by {k} times its gradient, not learning_rate times it: the step must use the argument "
                              "learning_rate, W[l] := W[l] - learning_rate dW[l] (not a constant or a variable "
                              "left over from another cell).",
    "wrong_gradient": "{part} is updated with {other}, the wrong gradient, instead of its own: each parameter takes its "
        "own, W[l] := W[l] - alpha dW[l] and b[l] := b[l] - alpha db[l] (a line copied without changing it?).",
    "outputs_order": "The outputs are returned in the wrong order: your function returns ({got}), "
                     "the exercise returns ({want}); the next step unpacks them in that order.",
    "cache_extra_item": "{part} also holds {what}: {part} must be {items} and nothing more (the backward step unpacks "
                        "exactly these).",
    "cache_missing_item": "{part} lacks {what}: it must be {items}; the backward step needs every one of them.",
    "cache_only_item": "{part} is {what} alone: {missing} is not kept; it must be {items}.",
    "caches_dict": "{part} is a dict: it must be a list with one cache per layer, caches[l-1] for layer l "
                   "(caches = [], then caches.append(cache)).",
    "wrong_array_passed": "{part} comes from {helper} given {given} {shape} as its {param}: {param} must be {need}, "
                          "of the shape of {other} {other_shape}.",
    "slope_at_zero": "{part} is wrong only where Z is exactly 0: the notebook takes ReLU's slope at Z = 0 to be 0, "
                     "so use Z > 0 (not Z >= 0).",
}

# Source rules (see source.py): constructs in the learner's code that a correct solution of the exercise
# never needs, reported only when the output is wrong and nothing more specific explains it.
# Id "<exercise>.source.<rule>"; the template is filled with the construct found.
SOURCE = {
    "source.m_not_columns": "m is taken from {code}, which {what}; m is the number of examples, the number of "
                            "columns: {fix}.",
    "source.rounding": "Your code rounds or casts to whole numbers ({code}): Z[l], A[l], the gradients and the cost "
                       "are real numbers; keep the floats as numpy computes them.",
    "source.integer_division": "{code} is an integer division (//): it drops the fractions (1 // m is 0 for m > 1); "
                               "divide with /.",
    "source.sum_wrong_axis": "{code} sums over axis 0, the n[l] units (the rows), instead of axis 1; db[l] = "
        "1/m sum over the m examples, the columns: np.sum(dZ, axis=1, keepdims=True) / m.",
    "source.clip_bounds": "The clip {code} is not the lecture's: clip A[L] to [eps, 1 - eps] with a small eps, "
                          "as the notebook's eps = np.finfo(float).eps (about 2.2e-16), so that log stays finite "
                          "and no A[L] inside (0, 1) moves by more than eps.",
    "source.divide_by_one": "{code} divides by 1 first: / binds tighter than +, so 1/1 + np.exp(-Z) is "
                            "1 + e^(-Z); write 1 / (1 + np.exp(-Z)).",
    "source.sigmoid_exponent": "{code} is 1 / (1 + e^Z) = 1 - sigmoid(Z): the exponent of the sigmoid is -Z, "
                               "sigma(Z) = 1 / (1 + np.exp(-Z)).",
    "source.log_base": "{code} is the logarithm to base {base}, used instead of the natural logarithm; the cost "
        "uses the natural logarithm, np.log.",
    "source.matrix_for_entrywise": "{code} is a matrix product where {exercise} works entry by entry (each "
        "entry of its output comes from the same entry of its inputs): use * (np.multiply), np.maximum, np.exp "
        "instead.",
    "source.relu_bound": "{code}: relu is max(0, Z), with 0 as its only bound and its only threshold (no leak for "
                         "negative Z, no upper limit), and its slope is 1 where Z > 0, else 0.",
    "source.relu_mask_on_dA": "{code} reads the relu slope from dA instead of Z[l], the linear output; the "
        "slope g'(Z[l]) depends on Z[l]: dZ[l] = dA[l] * (Z[l] > 0).",
    "source.squared_error": "{code} squares a difference: that is the squared error; the cost of this course is the "
                            "cross-entropy, J = -1/m sum(Y log A[L] + (1 - Y) log(1 - A[L])).",
    "source.softmax": "{code} divides by a sum of exponentials, the softmax; the output layer here is the sigmoid, "
                      "entry by entry: sigma(Z) = 1 / (1 + np.exp(-Z)).",
    "source.shift_by_max": "{code} shifts Z by its maximum (the softmax trick); the sigmoid is not unchanged by a "
                           "shift, so every value moves: use Z itself, sigma(Z) = 1 / (1 + np.exp(-Z)).",
    "source.random_draw": "Your code draws random numbers ({code}): forward and backward propagation are "
                          "deterministic (no dropout, no noise); only initialize_parameters draws, from its seed.",
    "source.dAL_formula": "Your dA[L] = {code} is not -(Y / A[L] - (1 - Y) / (1 - A[L])): at A[L] = {al}, "
                          "Y = {y} it gives {got} instead of {want}{more}.",
    "source.Y_for_AL": "{code} takes Y where A[L] belongs: the cost has log(A[L]) and log(1 - A[L]), and dA[L] "
                       "divides by A[L] and 1 - A[L]; Y only multiplies.",
    "source.foreign_operation": "{code} computes {what}, which none of {exercise}'s equations has: "
                                "write the equation as it stands (it is shown below).",
    "source.layer_key": "The key {code} {why}: a layer's keys are a letter and its number as text, {fix} "
                        "(or an f-string, f\"W{{l}}\").",
    "source.caches_flattened": "{code} adds the parts of a cache to the list one by one; caches holds one cache per "
                               "layer: caches.append(cache).",
}

CATALOG = {
    # ---- initialize_parameters ------------------------------------------------------------
    "initialize_parameters.missing_layers": "parameters must hold W1..WL and b1..bL, one pair per layer l = 1..L "
        "with L = len(layer_dims) - 1: loop `for l in range(1, L + 1)` (a loop that stops one early misses the last layer).",
    "initialize_parameters.W_transposed": "W[l] must have shape (n[l], n[l-1]) = (layer_dims[l], "
        "layer_dims[l-1]), so that W[l] A[l-1] works; yours is transposed, (n[l-1], n[l]) instead of (n[l], "
        "n[l-1]).",
    "initialize_parameters.b_not_column": "b[l] must be a column of shape (n[l], 1), e.g. "
        "np.zeros((layer_dims[l], 1)), so that it broadcasts across the m columns in Z[l] = W[l] A[l-1] + b[l]; "
        "yours is a row or a 1-D array instead of that column.",
    # diag6b: a wrong shape whose sizes are another layer's
    "initialize_parameters.b_sized_by_previous_layer": "b[l] is sized by the previous layer: it has n[l-1] rows, "
        "where b[l] has one entry per unit of layer l, np.zeros((n[l], 1)) with n[l] = layer_dims[l].",
    "initialize_parameters.W_shape_symbols": "{words}. W[l] is (n[l], n[l-1]) = (layer_dims[l], layer_dims[l-1]) for "
        "l = 1..L: n[l-1] changes with l.",
    "initialize_parameters.W_sized_by_other_layer": "W[l] has the shape of another layer's weights: W[l] is "
        "(n[l], n[l-1]), with n[l] = layer_dims[l] and n[l-1] = layer_dims[l-1] (the index of the loop is off by one).",
    "initialize_parameters.wrong_shapes": "W[l] must be (n[l], n[l-1]) and b[l] must be (n[l], 1), with n[l] = layer_dims[l].",
    "initialize_parameters.zeros_shape_not_a_tuple": "np.zeros takes the shape as one tuple: "
        "np.zeros((layer_dims[l], 1)), with two pairs of parentheses (its second argument is the dtype).",
    "initialize_parameters.randn_shape_tuple": "np.random.randn takes the sizes as separate numbers: "
        "np.random.randn(layer_dims[l], layer_dims[l-1]), not a tuple.",
    "initialize_parameters.b_not_zero": "b[l] should start at zero: yours holds non-zero values instead of "
        "zeros; b[l] = np.zeros((n[l], 1)). Only W needs random values.",
    "initialize_parameters.W_zeros": "W[l] is all zeros: every unit of a layer then computes the same thing and "
        "gets the same gradient, forever (no symmetry breaking). Use small random values: np.random.randn(n[l], n[l-1]) * scale.",
    "initialize_parameters.W_symmetric": "The rows of W[l] are identical, so the units of a layer stay identical "
        "(no symmetry breaking): draw every entry at random, np.random.randn(n[l], n[l-1]).",
    "initialize_parameters.W_too_large": "W[l] is too large: with randn alone Z[l] grows with n[l-1] and the units "
        "saturate. Scale it, e.g. np.random.randn(n[l], n[l-1]) * 0.01 or / np.sqrt(n[l-1]).",
    "initialize_parameters.W_too_small": "W[l] is so small that the signal (and the gradients) vanish: "
        "scale randn by 0.01 or 1/sqrt(n[l-1]), not by less.",
    "initialize_parameters.W_scale": "W[l] is random but not at the scale the notebook asks for: "
        "W[l] = rng.randn(n[l], n[l-1]) / np.sqrt(n[l-1]) (not * 0.01, not * np.sqrt(2 / n[l-1])).",
    "initialize_parameters.W_divided_by_other": "Your W[l] are the seeded randn(n[l], n[l-1]) divided by {divisor}: "
        "{meaning}. W[l] = rng.randn(n[l], n[l-1]) / np.sqrt(n[l-1]).",
    "initialize_parameters.W_not_seeded": "W[l] has the right scale but not everybody's numbers: create one "
        "generator, rng = np.random.RandomState(seed), from the seed argument, once, before the loop, and draw "
        "W1, W2, ..., WL in that order with rng.randn(n[l], n[l-1]) / np.sqrt(n[l-1]).",
    "initialize_parameters.W_not_centred": "W[l] is all positive: np.random.rand draws from [0, 1). "
        "Use np.random.randn (normal, mean 0) so that weights have both signs.",
    # ---- linear_forward ---------------------------------------------------------------------
    "linear_forward.b_missing": "Z is missing b: the bias b[l] is never added to W[l] A[l-1]; Z[l] = W[l] "
        "A[l-1] + b[l] adds the bias column to every column.",
    "linear_forward.b_subtracted": "b is subtracted: W[l] A[l-1] - b[l] instead of + b[l]; Z[l] = W[l] A[l-1] + "
        "b[l] adds it.",
    "linear_forward.b_broadcast_wrong": "b is added the wrong way: another shape or part of b[l] (b.T, one "
        "entry of it, or its sum) is added instead of the column b[l] (n[l], 1), each unit's own bias, which "
        "numpy broadcasts across the m columns; add it as it is (W @ A_prev + b), without transposing, indexing "
        "or summing it.",
    "linear_forward.W_A_swapped": "The product is the wrong way round: A[l-1] comes before W[l] (A_prev W, or "
        "A[l-1]^T W[l]^T, the transpose of W[l] A[l-1] with one row per example) instead of Z[l] = W[l] A[l-1] (W "
        "first), with W[l] (n[l], n[l-1]) and A[l-1] (n[l-1], m) giving Z[l] (n[l], m).",
    "linear_forward.elementwise_product": "W * A_prev multiplies entry by entry: an entry-by-entry product is "
        "used instead of the matrix product W[l] A[l-1]; Z[l] = W[l] A[l-1] + b[l] needs the matrix product: "
        "np.dot(W, A_prev) or W @ A_prev.",
    "linear_forward.W_transposed": "W is transposed: W[l]^T is used instead of W[l], the weights (n[l], "
        "n[l-1]); Z[l] = W[l] A[l-1] + b[l] uses W[l] as it is.",
    "linear_forward.A_prev_transposed": "A_prev is transposed: A[l-1]^T is used instead of A[l-1], the layer's "
        "input (n[l-1], m), one column per example; Z[l] = W[l] A[l-1] + b[l] uses A_prev as it is, no transpose.",
    "linear_forward.cache_order": "linear_cache must be (A_prev, W, b) in this order: linear_backward unpacks it so.",
    "linear_forward.cache_wrong": "linear_cache must be the tuple (A_prev, W, b) of this step's inputs, "
        "which linear_backward needs for dW[l] = 1/m dZ[l] A[l-1]^T and dA[l-1] = W[l]^T dZ[l].",
    "linear_forward.returns_wrong_structure": "linear_forward must return two things: Z and linear_cache = (A_prev, W, b).",
    # ---- sigmoid / relu --------------------------------------------------------------------
    "sigmoid.missing_minus": "The exponent's sign is wrong: e^Z is used instead of e^-Z, so A is 1 - sigmoid(Z) "
        "(the curve mirrored); sigmoid(Z) = 1 / (1 + np.exp(-Z)), with a minus.",
    "sigmoid.returns_Z": "sigmoid returns Z unchanged: Z itself is used as A, the sigmoid is never applied; A = "
        "sigmoid(Z) = 1 / (1 + np.exp(-Z)).",
    "sigmoid.relu_instead": "This is ReLU, not the sigmoid: max(0, Z) is returned instead of sigmoid(Z); A = 1 "
        "/ (1 + np.exp(-Z)).",
    "sigmoid.tanh_instead": "This is tanh, not the sigmoid: tanh(Z) is returned instead of sigmoid(Z); A = 1 / "
        "(1 + np.exp(-Z)).",
    "sigmoid.derivative_instead": "This is the slope g'(Z) = s (1 - s), not g(Z): the sigmoid's slope is "
        "returned instead of its value; forward, A = sigmoid(Z) = 1 / (1 + np.exp(-Z)) (the slope belongs to the "
        "backward step).",
    "sigmoid.missing_parentheses": "A equals 1 / 1 + np.exp(-Z), the formula with its parentheses dropped: / acts "
        "before +, so the denominator must be bracketed, A = 1 / (1 + np.exp(-Z)).",
    "sigmoid.wrong_formula": "The formula is not the sigmoid: another expression of e^-Z is used instead of 1 / "
        "(1 + e^-Z); A = 1 / (1 + np.exp(-Z)) (check the 1 + in the denominator).",
    "sigmoid.returns_tuple": "sigmoid must return only A = 1 / (1 + np.exp(-Z)), not a pair of A and another "
        "item; here the cache is kept by linear_activation_forward, not by the activation.",
    "relu.min_instead": "np.minimum keeps the negative part: min(0, Z) is used instead of max(0, Z); relu(Z) = "
        "max(0, Z) is np.maximum(0, Z).",
    "relu.returns_Z": "relu returns Z unchanged: Z itself is used as A, so negative entries stay negative "
        "instead of becoming 0; A = np.maximum(0, Z).",
    "relu.abs_instead": "np.abs flips negative entries instead of zeroing them: A = np.maximum(0, Z).",
    "relu.sigmoid_instead": "This is the sigmoid, not ReLU: sigmoid(Z) is returned instead of max(0, Z); A = "
        "np.maximum(0, Z).",
    "relu.derivative_instead": "This is the slope g'(Z) (1 where Z > 0, else 0), not g(Z): ReLU's slope is "
        "returned instead of its value max(0, Z); A = np.maximum(0, Z).",
    "relu.returns_tuple": "relu must return only A = np.maximum(0, Z), not a pair of A and another item; here "
        "the cache is kept by linear_activation_forward, not by the activation.",
    "relu.np_max_instead": "np.max(Z, 0) is the largest entry of each column (a reduction along axis 0), "
        "not ReLU: use np.maximum(0, Z), which compares entry by entry.",
    "relu.python_max": "Python's max does not work entry by entry on arrays: use np.maximum(0, Z).",
    # ---- linear_activation_forward -----------------------------------------------------------
    "linear_activation_forward.activations_swapped": "The activations are swapped: activation == \"relu\" gets "
        "the sigmoid and \"sigmoid\" gets ReLU, instead of each its own; \"relu\" must apply relu and \"sigmoid\" the "
        "sigmoid, A[l] = g[l](Z[l]).",
    "linear_activation_forward.always_relu": "activation is ignored: ReLU is applied even when activation == "
        "\"sigmoid\": it is always used, also for that layer, which gets max(0, Z[l]) instead of sigmoid(Z[l]).",
    "linear_activation_forward.always_sigmoid": "activation is ignored: the sigmoid is applied even when "
        "activation == \"relu\": it is always used, also for that layer, which gets sigmoid(Z[l]) instead of max(0, "
        "Z[l]).",
    "linear_activation_forward.no_activation": "A is Z: Z[l], the linear output, is returned as A[l], so the "
        "activation A[l] = g[l](Z[l]) is never applied (it is missing).",
    "linear_activation_forward.cache_holds_A": "cache must be (linear_cache, Z): it keeps Z[l], which the "
        "backward step needs for g'(Z[l]), not A[l]; your cache holds A[l], the activation's value, instead of "
        "Z[l], the linear output (an activation applied in place, Z[Z < 0] = 0, changes the cached Z too).",
    "linear_activation_forward.cache_order": "cache must be (linear_cache, Z) in this order: linear_activation_backward unpacks it so.",
    "linear_activation_forward.cache_wrong": "cache must be (linear_cache, Z) with linear_cache = (A_prev, W, b) "
        "from linear_forward and Z[l] = W[l] A[l-1] + b[l].",
    "linear_activation_forward.returns_wrong_structure": "linear_activation_forward must return two things: A and cache = (linear_cache, Z).",
    "linear_activation_forward.unknown_activation": "activation is \"relu\" or \"sigmoid\": {why}.",
    # ---- linear_backward ----------------------------------------------------------------------
    "linear_backward.dW_missing_1_over_m": "dW is m times too large: the 1/m in dW[l] = 1/m dZ[l] A[l-1]^T is missing.",
    "linear_backward.db_missing_1_over_m": "db is m times too large: the 1/m in db[l] = 1/m sum(dZ[l], axis=1, keepdims=True) is missing.",
    "linear_backward.dA_prev_has_1_over_m": "dA_prev is m times too small: dA[l-1] = W[l]^T dZ[l] has no 1/m "
        "(the 1/m belongs to dW and db only).",
    "linear_backward.db_no_keepdims": "db lost its column shape: a 1-D array (n[l],) instead of the column "
        "(n[l], 1); db[l] = 1/m np.sum(dZ[l], axis=1, keepdims=True) must be (n[l], 1), like b[l]; keepdims=True "
        "keeps the second dimension.",
    "linear_backward.db_wrong_axis": "db sums over the wrong axis: over axis 0, the n[l] units (the rows), "
        "instead of axis 1; db[l] = 1/m np.sum(dZ[l], axis=1, keepdims=True) adds up the m examples (the columns, "
        "axis=1), giving one value per unit, (n[l], 1).",
    "linear_backward.db_sum_all": "db is a single number: every entry of dZ[l] is summed (or averaged) together "
        "instead of each row on its own; db[l] = 1/m np.sum(dZ[l], axis=1, keepdims=True) sums each row "
        "separately (axis=1), one value per unit.",
    "linear_backward.dA_prev_missing_transpose": "dA_prev needs W transposed: W[l] is used instead of its "
        "transpose W[l]^T; dA[l-1] = W[l]^T dZ[l], i.e. W.T @ dZ ((n[l-1], n[l]) times (n[l], m) gives (n[l-1], "
        "m)).",
    "linear_backward.dA_prev_transposed": "dA_prev is transposed: dA[l-1] = W[l]^T dZ[l] is (n[l-1], m), like A[l-1]; "
        "compute W.T @ dZ, not dZ.T @ W.",
    "linear_backward.dW_missing_transpose": "dW needs A_prev transposed: A[l-1], the layer's input, is used "
        "instead of its transpose A[l-1]^T; dW[l] = 1/m dZ[l] A[l-1]^T, i.e. dZ @ A_prev.T / m.",
    "linear_backward.dW_transposed": "dW is transposed: dW[l] = 1/m dZ[l] A[l-1]^T is (n[l], n[l-1]), like W[l]; "
        "compute dZ @ A_prev.T, not A_prev @ dZ.T.",
    "linear_backward.elementwise_product": "An entry-by-entry product (* or np.multiply) is used instead of a "
        "matrix product: dZ[l] A[l-1]^T and W[l]^T dZ[l] are matrix products (np.dot or @); * and np.multiply "
        "multiply entry by entry.",
    "linear_backward.m_from_wrong_axis": "m is taken from the wrong axis: the number of rows (units) instead of "
        "the number of columns; m is the number of examples, the number of columns, m = A_prev.shape[1] (dW and "
        "db are scaled by 1/m).",
    "linear_backward.cache_unpacked_wrong": "linear_cache is (A_prev, W, b) in this order: unpack it as "
        "A_prev, W, b = linear_cache.",
    "linear_backward.returns_wrong_structure": "linear_backward must return three things: dA_prev, dW, db.",
    # ---- relu_backward / sigmoid_backward ----------------------------------------------------------
    "relu_backward.uses_g_not_gprime": "dZ uses relu(Z) itself where its slope belongs: relu(Z[l]) = A[l], the "
        "ReLU's value (its output), is used instead of its slope g'(Z[l]); dZ[l] = dA[l] * g'(Z[l]) with g'(Z) = "
        "1 where Z > 0 and 0 elsewhere.",
    "relu_backward.missing_dA": "dA is missing: dZ is computed from Z[l] alone, without dA[l], the gradient "
        "that reaches the layer; dZ[l] = dA[l] * g'(Z[l]) multiplies the incoming gradient dA by the slope (1 "
        "where Z > 0, else 0).",
    "relu_backward.mask_on_dA": "The mask must come from Z, not dA: (dA > 0) is used instead of (Z > 0), the "
        "slope g'(Z[l]), so dZ is ReLU(dA), the relu of dA (dA with its negative entries zeroed: the mask follows dA's sign), "
        "instead of dA zeroed where Z <= 0; dZ[l] = dA[l] * g'(Z[l]) with g'(Z) = 1 where Z > 0.",
    "relu_backward.mask_reversed": "The mask is reversed: it keeps dA where Z < 0 (or Z <= 0) instead of where "
        "Z > 0; ReLU's slope is 1 where Z > 0 and 0 where Z <= 0, dZ[l] = dA[l] * g'(Z[l]).",
    "relu_backward.mask_missing": "dZ is dA unchanged: dA[l] is used as dZ[l], so the ReLU's slope step is "
        "missing; dZ[l] = dA[l] * g'(Z[l]) must zero the entries where Z <= 0.",
    "relu_backward.returns_wrong_structure": "relu_backward must return one array, dZ = dA * g'(Z), of Z's shape.",
    "sigmoid_backward.uses_Z_not_sigmoid": "Z is used where sigmoid(Z) belongs: Z[l], the linear output, is "
        "used as s instead of s = sigmoid(Z[l]), the sigmoid's value; g'(Z) = s (1 - s) with s = 1 / (1 + "
        "np.exp(-Z)), then dZ[l] = dA[l] * s * (1 - s).",
    "sigmoid_backward.uses_g_not_gprime": "dZ uses g(Z) where its slope g'(Z) belongs: s = sigmoid(Z[l]) = "
        "A[l], the sigmoid's value (its output), is used instead of its slope s (1 - s); dZ[l] = dA[l] * s * (1 - "
        "s), s = sigmoid(Z).",
    "sigmoid_backward.missing_dA": "dA is missing: dZ is the slope s (1 - s) alone, without dA[l], the gradient "
        "that reaches the layer; dZ[l] = dA[l] * g'(Z[l]) multiplies the incoming gradient dA by s * (1 - s).",
    "sigmoid_backward.missing_parentheses": "dZ equals your formula with its parentheses dropped: * acts before -, "
        "so dA * s * 1 - s is (dA * s) - s; write dZ[l] = dA * s * (1 - s) with the brackets.",
    "sigmoid_backward.wrong_derivative": "The sigmoid's slope is g'(Z) = s (1 - s) with s = sigmoid(Z): dZ[l] = dA[l] * s * (1 - s).",
    "sigmoid_backward.sign_flipped": "dZ has the wrong sign: -dA[l] s (1 - s) instead of dA[l] s (1 - s); dZ[l] "
        "= dA[l] * s * (1 - s), with no minus.",
    "sigmoid_backward.returns_dA": "dZ is dA unchanged: dA[l] is used as dZ[l], so the sigmoid's slope step is "
        "skipped (missing); dZ[l] = dA[l] * g'(Z[l]) multiplies by the slope s * (1 - s).",
    "sigmoid_backward.returns_wrong_structure": "sigmoid_backward must return one array, dZ = dA * s * (1 - s), of Z's shape.",
    # ---- linear_activation_backward ------------------------------------------------------------
    "linear_activation_backward.activations_swapped": "The activations are swapped: activation == \"relu\" gets "
        "sigmoid_backward and \"sigmoid\" gets relu_backward, instead of each its own slope; \"relu\" needs "
        "relu_backward and \"sigmoid\" needs sigmoid_backward in dZ[l] = dA[l] * g[l]'(Z[l]).",
    "linear_activation_backward.always_relu": "activation is ignored: relu_backward is used even when "
        "activation == \"sigmoid\": the ReLU's slope is always used, also for the sigmoid layer, where the "
        "sigmoid's slope s (1 - s) belongs (sigmoid_backward); dZ[l] = dA[l] * g[l]'(Z[l]).",
    "linear_activation_backward.always_sigmoid": "activation is ignored: sigmoid_backward is used even when "
        "activation == \"relu\": the sigmoid's slope is always used, also for the ReLU layer, where the ReLU's "
        "slope (Z > 0) belongs (relu_backward); dZ[l] = dA[l] * g[l]'(Z[l]).",
    "linear_activation_backward.no_activation_backward": "dZ is dA: dA[l] is used as dZ[l], dA[l] instead of dZ[l] going into the linear backward, so the step dZ[l] = "
        "dA[l] * g[l]'(Z[l]) is skipped (the activation's slope is missing).",
    "linear_activation_backward.uses_g_not_gprime": "dZ uses g(Z) where the slope g'(Z) belongs: the "
        "activation's value A[l] = g(Z[l]) is used instead of its slope g'(Z[l]); dZ[l] = dA[l] * g[l]'(Z[l]) "
        "(use relu_backward / sigmoid_backward, not relu / sigmoid).",
    "linear_activation_backward.cache_unpacked_wrong": "cache is (linear_cache, Z) in this order: "
        "linear_cache, Z = cache (activation_cache is Z).",
    "linear_activation_backward.unknown_activation": "activation is \"relu\" or \"sigmoid\": {why}.",
    "linear_activation_backward.returns_wrong_structure": "linear_activation_backward must return three things: dA_prev, dW, db.",
    # ---- model_forward --------------------------------------------------------------------------
    "model_forward.output_relu": "The output layer uses ReLU instead of the sigmoid: layer L must use the "
        "sigmoid, so that A[L] is a probability; layers 1..L-1 use ReLU.",
    "model_forward.hidden_sigmoid": "The hidden layers use the sigmoid instead of ReLU: layers 1..L-1 use ReLU, "
        "only layer L uses the sigmoid.",
    "model_forward.activations_swapped": "The activations are swapped: the sigmoid for layers 1..L-1 and ReLU "
        "for layer L, instead of ReLU for layers 1..L-1, sigmoid for layer L.",
    "model_forward.no_output_activation": "A[L] is Z[L]: the linear output Z[L] is returned as A[L], so the "
        "output layer's sigmoid, A[L] = sigmoid(Z[L]), is missing.",
    "model_forward.output_layer_missing": "The output layer is missing: after the loop over layers 1..L-1 (ReLU), "
        "layer L computes A[L] = sigmoid(W[L] A[L-1] + b[L]).",
    "model_forward.first_layer_missing": "Layer 1 is skipped: the chain starts from A[0] = X and runs "
        "l = 1..L (for l in range(1, L) for the ReLU layers, then layer L).",
    "model_forward.not_chained": "Each layer must take the previous layer's output: a layer is given another "
        "array instead of A[l-1], the output of layer l-1; A[l] = g(W[l] A[l-1] + b[l]), starting from A[0] = X; "
        "keep A_prev = A at each step.",
    "model_forward.L_wrong": "parameters holds a W and a b per layer, so L = len(parameters) // 2.",
    "model_forward.layer_index_off_by_one": "Layers are numbered 1..L: the keys are W1..WL and b1..bL.",
    "model_forward.caches_missing_output": "caches must hold one cache per layer, l = 1..L: append the output layer's cache too.",
    "model_forward.caches_wrong": "caches must be the list of the L caches (linear_cache, Z), one per layer, in order 1..L.",
    "model_forward.returns_wrong_structure": "model_forward must return two things: AL and caches.",
    # ---- compute_cost ---------------------------------------------------------------------------
    "compute_cost.missing_minus": "The cost has the wrong sign: the minus in front is missing, so J is negative "
        "instead of positive; J = -1/m sum(Y log(A[L]) + (1 - Y) log(1 - A[L])) starts with a minus (log of a "
        "probability is negative, the cost is positive).",
    "compute_cost.missing_1_over_m": "The cost is m times too large: the losses are summed instead of averaged; "
        "J = -1/m sum(...) averages over the m examples (m = Y.shape[1], the number of columns).",
    "compute_cost.missing_one_minus_y_term": "The (1 - Y) log(1 - A[L]) term is missing: "
        "J = -1/m sum(Y log(A[L]) + (1 - Y) log(1 - A[L])).",
    "compute_cost.missing_parentheses": "The cost equals the formula with its parentheses dropped: * acts before "
        "+ and -, so 1 - Y * np.log(1 - AL) is not (1 - Y) * np.log(1 - AL); "
        "J = -1/m sum(Y log(A[L]) + (1 - Y) log(1 - A[L])).",
    "compute_cost.log10": "np.log10 is the base-10 log: it is used instead of the natural log; the "
        "cross-entropy uses the natural log, np.log.",
    "compute_cost.terms_swapped": "The logs are swapped: Y goes with log(1 - A[L]) and (1 - Y) with log(A[L]) "
        "instead of the reverse, so each example is scored on the probability of the other label (log(1 - A[L]) "
        "where Y = 1, log(A[L]) where Y = 0); Y goes with log(A[L]) and (1 - Y) with log(1 - A[L]).",
    "compute_cost.not_summed": "The cost must be one number for all m examples: yours is an array of "
        "per-example values instead of their sum; sum over them, J = -1/m np.sum(Y log(A[L]) + (1 - Y) log(1 - "
        "A[L])).",
    "compute_cost.not_scalar": "The cost must be a single number, not an array: use np.squeeze(cost) or float(cost) "
        "(np.dot of two rows gives a (1, 1) array).",
    # ---- model_backward -------------------------------------------------------------------------
    "model_backward.dAL_missing_minus": "dA[L] has the wrong sign: dA[L] = -(Y / A[L]) + (1 - Y) / (1 - A[L]) "
        "(the lecture says y/a + (1-y)/(1-a), but the first term has a minus).",
    "model_backward.dAL_sign_flipped": "dA[L] has the opposite sign: dA[L] = -(Y / A[L]) + (1 - Y) / (1 - A[L]).",
    "model_backward.dAL_second_term_sign": "The second term of dA[L] has the wrong sign: "
        "dA[L] = -(Y / A[L]) + (1 - Y) / (1 - A[L]).",
    "model_backward.dAL_missing_parentheses": "dA[L] equals the formula with its parentheses dropped: / acts before "
        "+ and -, so (1 - Y) / 1 - AL is not (1 - Y) / (1 - AL); write dA[L] = -(Y / AL) + (1 - Y) / (1 - AL).",
    "model_backward.dAL_has_1_over_m": "dA[L] = -(Y / A[L]) + (1 - Y) / (1 - A[L]) has no 1/m: yours is divided "
        "by m (m times too small); the 1/m is applied in dW and db.",
    "model_backward.output_relu": "The output layer's backward uses ReLU's slope instead of the sigmoid's: "
        "layer L is a sigmoid layer, so use \"sigmoid\" for l = L and \"relu\" for l = L-1..1.",
    "model_backward.hidden_sigmoid": "The hidden layers' backward uses the sigmoid's slope instead of ReLU's: "
        "layers L-1..1 are ReLU layers.",
    "model_backward.shortcut_with_sigmoid_slope": "dZ[L] = A[L] - Y already includes the sigmoid's slope, and "
        "the sigmoid's slope is applied to it again (twice): pass it to linear_backward directly, or start from "
        "dA[L] = -(Y/A[L]) + (1-Y)/(1-A[L]) with the sigmoid backward, not both.",
    "model_backward.dAL_reused": "Each layer must get the gradient from the layer after it: dA[L] is used for "
        "another layer instead of that layer's own dA[l]; layer l uses dA[l] (grads[\"dA\" + str(l)]), not dA[L].",
    "model_backward.keys_shifted": "The grads keys are shifted: layer l gives dA[l-1], dW[l], db[l], so the first "
        "step stores grads[\"dA\" + str(L-1)], grads[\"dW\" + str(L)], grads[\"db\" + str(L)].",
    "model_backward.first_layer_missing": "The loop stops one layer early: it must run down to layer 1, giving "
        "dA0, dW1 and db1 (with for l in reversed(range(L-1)), caches[l] is the cache of layer l+1, so l = 0 is layer 1).",
    "model_backward.dA0_missing": "grads has no dA0: the last step (layer 1) gives dA[0] too; store "
        "grads[\"dA0\"] like the other dA[l-1] (dW1 and db1 are there).",
    "model_backward.cache_of_next_layer": "Layer l's backward step used the cache of layer l+1: caches[l-1] holds "
        "layer l's cache (the list starts at 0), so in `for l in reversed(range(L-1))` layer l+1 uses caches[l].",
    "model_backward.cache_of_previous_layer": "Layer l's backward step used the cache of layer l-1: caches[l-1] holds "
        "layer l's cache (the list starts at 0), so in `for l in reversed(range(L-1))` layer l+1 uses caches[l].",
    "model_backward.caches_index": "caches holds L caches, indexed 0..L-1 (the list starts at 0): "
        "caches[l-1] holds the cache of layer l, so the output layer's cache is caches[L-1].",
    "model_backward.returns_wrong_structure": "model_backward must return the grads dict with dA0..dA{L-1}, dW1..dWL, db1..dbL.",
    # ---- update_parameters ----------------------------------------------------------------------
    "update_parameters.gradient_ascent": "The update goes uphill: + alpha dW[l] is used instead of - alpha "
        "dW[l]; gradient descent is W[l] := W[l] - alpha dW[l] (minus), b[l] := b[l] - alpha db[l].",
    "update_parameters.learning_rate_ignored": "The learning rate is missing: the whole gradient is subtracted, "
        "W[l] - dW[l], instead of alpha times it; W[l] := W[l] - alpha dW[l], b[l] := b[l] - alpha db[l].",
    "update_parameters.learning_rate_misapplied": "The learning rate is applied in the wrong place: it scales the "
        "gradient only, W[l] := W[l] - alpha dW[l] (not alpha W[l] - dW[l], alpha (W[l] - dW[l]) or dW[l] / alpha).",
    "update_parameters.b_not_updated": "b is not updated: b[l] is returned as it was given instead of b[l] - "
        "alpha db[l]; b[l] := b[l] - alpha db[l] for every layer, like W.",
    "update_parameters.W_not_updated": "W is not updated: W[l] is returned as it was given instead of W[l] - "
        "alpha dW[l]; W[l] := W[l] - alpha dW[l] for every layer, like b.",
    "update_parameters.nothing_updated": "No parameter moved: what you return holds the old parameters, unchanged (the "
        "values you were given). Each new value must be stored in the dict you return, new['W' + str(l)] = W[l] - alpha dW[l] "
        "(a loop that only rebinds a local name, value = value - alpha * grad, never stores it).",
    "update_parameters.last_layer_not_updated": "The last layer is not updated: W[L] and b[L] are returned as "
        "they were given; loop over l = 1..L, for l in range(1, L + 1) (or range(L) with keys l + 1).",
    "update_parameters.first_layer_not_updated": "The first layer is not updated: W[1] and b[1] are returned as "
        "they were given; loop over l = 1..L, for l in range(1, L + 1).",
    "update_parameters.gradient_missing": "The update must use the gradient: W[l] itself is subtracted instead "
        "of its gradient dW[l]; W[l] := W[l] - alpha dW[l] (dW, not W).",
    "update_parameters.L_wrong": "parameters holds a W and a b per layer, so L = len(parameters) // 2.",
    "update_parameters.layer_index_off_by_one": "Layers are numbered 1..L: the keys are W1..WL, so loop "
        "for l in range(1, L + 1) (or use str(l + 1) with range(L)).",
    "update_parameters.modifies_input": "Your update changed the caller's parameters in place: return a new dict "
        "(new = {{}}, then new[\"W\" + str(l)] = W - alpha * dW), without W -= alpha * dW or writing into the "
        "dict you were given, so the caller's parameters stay as they were.",
    "update_parameters.returns_nothing": "update_parameters must return the updated parameters dict (return parameters).",
}

# The composites contain the linear step (a learner may write it inline): the same
# mistakes, in the same words.
for _id, _hint in list(CATALOG.items()):
    _block, _suffix = _id.split(".", 1)
    if _suffix == "returns_wrong_structure" or _block not in ("linear_forward", "linear_backward"):
        continue
    for _composite in {"linear_forward": ("linear_activation_forward", "model_forward"),
                       "linear_backward": ("linear_activation_backward", "model_backward")}[_block]:
        CATALOG.setdefault(f"{_composite}.{_suffix}", _hint)
# ...and the activations' mistakes, as "<composite>.<activation>_<mistake>".
for _id, _hint in list(CATALOG.items()):
    _block, _suffix = _id.split(".", 1)
    _composites = {"sigmoid": ("linear_activation_forward", "model_forward"),
                   "relu": ("linear_activation_forward", "model_forward"),
                   "sigmoid_backward": ("linear_activation_backward", "model_backward"),
                   "relu_backward": ("linear_activation_backward", "model_backward")}.get(_block, ())
    for _composite in _composites:
        CATALOG.setdefault(f"{_composite}.{_block}_{_suffix}", _hint)


# The line tracer (firstwrong.py): the first learner line whose value is not the lecture's quantity.
# Id "<exercise>.first_wrong_line", with "_<relation>" when a relation says what the value is instead,
# "_expression" when checks/expression.py finds the lecture expression it equals on the traced case.
TRACE = {
    "first_wrong_line": "Line {lineno}{where} is the first line whose value leaves the lecture's computation: "
                        "your {var} is not {quantity} ({definition}): {what}.",
    "first_wrong_line_expression": "Line {lineno}{where} is the first line whose value leaves the lecture's computation: "
                              "your {var} is not {quantity} ({definition}): {what}.",
    "first_wrong_m": "Line {lineno}{where} is the first line whose value leaves the lecture's computation: {what}.",
    "first_wrong_loop": "Line {lineno} runs in a loop and gives your {var} a new value at each of its {visit} passes "
                        "before any line uses it, so only the last pass counts and {var} is not {quantity} "
                        "({definition}): add each pass to it ({var} += ...) or use every pass's value.",
}


# ---- diag6b: crashes explained by the failing line's operands (checks/operands.py) ----------------
# Id "<exercise>.<suffix>"; the report's hint is worded from the learner's line and the case (which
# operands met, as which lecture quantities); these are the general forms `dlkit report` shows.
OPERANDS = {
    "operand_not_in_equation": "Your line combines a quantity that has no place in the equation of what it "
                               "computes (b[l] in dA[l-1] = W[l].T dZ[l], say): leave it out.",
    "operand_transposed": "An operand of your line is transposed where the lecture uses it as it is: entry by "
                          "entry the arrays must have the same shape.",
    "operand_1d": "An operand of your line is a 1-D array (an index [:, i], a sum without keepdims=True, "
                  "np.zeros(n)): numpy lines it up with the columns, so the shapes that meet do not fit; keep it 2-D.",
    "operands_of_other_layers": "The arrays that met belong to different layers: a layer index is off.",
    "operands_named": "The arrays that met on your line do not fit: see which lecture quantities they are.",
    "arguments_of_other_layers": "A helper is called with the arrays of two layers: a layer index is off "
                                 "(the key's number, caches[...] or the loop's l).",
    "argument_mixed_up": "A helper is given the whole cache where its linear_cache belongs, or the reverse.",
    "L_value_wrong": "Your L is not the number of layers, so the layer numbers built from it are off.",
    "input_reshaped": "Your code gives an input another shape (a reshape or transpose), and the arrays it "
                      "meets then broadcast into other shapes: keep the input as it is given.",
    "unpacks_one_array": "The helper returns one array, not a tuple: unpacking it into two names takes its rows.",
    "shape_1d": "The array returned is 1-D where the lecture's quantity is 2-D (n[l], m): flattened, one row "
                "only, or the entries a boolean index selected.",
    "shape_expression": "The array returned has another shape because it is another expression of the lecture's "
                        "quantities (a transposed one, or one with no place in the equation).",
}


# diag6a: a wrong output that is one lecture expression on every wrong case, said as the mistake
# (checks/concepts.py): "<exercise>.output_expression", "<exercise>.wrong_where".
CONCEPTS = {
    "output_expression": "Your {part} is {expression} on every case, where it should be {definition}: {words}.",
    "wrong_where": "Your {part} is right {right} but wrong {where}{there} ({definition}).",
}
TRACE.update(CONCEPTS)

# diag7: a composite's loop judged by the blocks it called and with what (specs_train.py,
# LLayerModel.explain_calls): "<exercise>.loop_arguments", "loop_update", "loop_costs".
CALLS = {
    "loop_arguments": "{words}. The loop passes its own arguments on unchanged: initialize_parameters(layer_dims, "
                      "seed), model_forward(X, parameters), update_parameters(parameters, grads, learning_rate).",
    "loop_update": "{words}. Gradient descent steps against the gradient, with the learning rate given: "
                   "W[l] := W[l] - alpha dW[l], b[l] := b[l] - alpha db[l].",
    "loop_costs": "{words}. costs holds one cost J per iteration, the number compute_cost returns, "
                  "appended inside the loop to a list made once, before it.",
}
TRACE.update(CALLS)
# diag8: model_forward / model_backward judged by the blocks they called and with what (checks/chain.py):
# "<exercise>.chain_call" (a call's layer, input or activation), "chain_result" (what is kept or returned),
# "chain_dAL" (the dA[L] the backward loop starts from).
CHAIN = {
    "chain_call": "{words}. {loop}",
    "chain_result": "{words}. {loop}",
    "chain_dAL": "{words}. dA[L] starts the backward loop; each layer's call then hands its dA[l-1] to the next.",
}
TRACE.update(CHAIN)
# diag7: a TypeError from a % format, said from the failing line's values (checks/crashes.py)
TRACE["format_mismatch"] = "A % format is given a value its conversion cannot format: %d and %f format one number each."
# diag7: a dict's keys against the lecture's W1..WL, b1..bL, dW1.. (checks/keys.py): "<exercise>.keys_named"
TRACE["keys_named"] = "Your keys are not the lecture's: {words}. The keys are W1..WL and b1..bL (grads: dW1.., db1..), for l = 1..L."


class _Blank(dict):
    """A template filler that leaves an unknown field as "?" rather than failing."""

    def __missing__(self, key):
        return "?"


def hint_for(mistake_id: str, **fmt) -> str:
    """The hint for a mistake id (generic templates are filled with ``fmt``)."""
    if mistake_id in CATALOG:
        if not fmt and "{why}" in CATALOG[mistake_id]:   # a hint worded from the code, asked for in general
            fmt = {"why": "compare it with == and handle both"}
        return CATALOG[mistake_id].format(**fmt) if fmt else CATALOG[mistake_id]
    suffix = mistake_id.split(".", 1)[-1]
    if suffix in SOURCE:
        return SOURCE[suffix].format_map(_Blank(fmt))
    if suffix in RELATIONS:
        return RELATIONS[suffix].format_map(_Blank(fmt))
    if suffix in TRACE:
        return TRACE[suffix].format_map(_Blank(fmt))
    if suffix in OPERANDS:
        return OPERANDS[suffix]
    if suffix in GENERIC:
        try:
            return GENERIC[suffix].format(**fmt)
        except KeyError:
            return GENERIC[suffix]
    return mistake_id

# ---- L_layer_model (dlkit/checks/specs_train.py) -------------------------------------------
CATALOG.update({
    "L_layer_model.cost_after_update": "costs[i] must be the cost of the parameters iteration i starts with: "
        "compute J from this iteration's A[L], before the update (forward, cost, backward, update, in this order).",
    "L_layer_model.reinitialised_in_loop": "The parameters are initialised again at every iteration, so every step "
        "starts from the same weights: call initialize_parameters(layer_dims, seed) once, before the loop.",
    "L_layer_model.forward_not_repeated": "The forward pass runs only once, before the loop, so every iteration "
        "reuses the first A[L] and caches: run model_forward(X, parameters) inside the loop, on the updated parameters.",
    "L_layer_model.update_discarded": "The update is thrown away: update_parameters returns the new parameters, "
        "and without assigning them the loop keeps using the old parameters instead of the updated ones, so write "
        "parameters = update_parameters(parameters, grads, learning_rate).",
    "L_layer_model.returns_initial_parameters": "The parameters returned are the initial ones: return the "
        "parameters after the last update (the variable the loop assigns).",
    "L_layer_model.costs_not_recorded": "costs is empty: append the cost J of every iteration, "
        "costs.append(cost), inside the loop.",
    "L_layer_model.costs_every_100": "costs must hold the cost J of every iteration (num_iterations values), "
        "not one every 100 iterations: append it at each step.",
    "L_layer_model.learning_rate_fixed": "The learning rate is a fixed number: a number typed in is used "
        "instead of the learning_rate argument; pass the argument on, update_parameters(parameters, grads, "
        "learning_rate), so the caller's alpha is used.",
    "L_layer_model.learning_rate_applied_twice": "The learning rate is applied twice (the step is alpha^2 dW[l]): "
        "update_parameters already computes W[l] - alpha dW[l], so pass it grads unscaled.",
    "L_layer_model.learning_rate_not_passed": "update_parameters needs the learning rate as its third argument: "
        "update_parameters(parameters, grads, learning_rate).",
    "L_layer_model.iterations_off_by_one": "The loop must run exactly num_iterations times: yours runs one "
        "iteration too many or too few; for i in range(num_iterations) (i = 0..num_iterations-1).",
    "L_layer_model.seed_ignored": "The initialisation ignores the seed: call initialize_parameters(layer_dims, seed) "
        "with the seed you were given, so a run can be repeated.",
    "L_layer_model.returns_swapped": "L_layer_model must return (parameters, costs) in this order.",
    "L_layer_model.returns_wrong_structure": "L_layer_model must return two things: parameters and costs.",
    "L_layer_model.initialization_not_reproducible": "Your initialize_parameters returns different weights each time "
        "it is called with the same seed, so no run can be repeated (nor this check know where your loop started): "
        "draw from one np.random.RandomState(seed), as notebook 1 asks, then run this check again.",
})

# ---- diag11: composites' structures and loops (structure.py, keys.py, chain.py, specs_model.py, specs_train.py) ----
# Relations on what a composite returns and how its loop ran, said by layer and by key. Ids "<exercise>.<suffix>".
DIAG11 = {
    # structure.py: a caches list of the right caches, not one per layer in the order 1..L
    "caches_one_cache": "{words}. caches is a list: caches = [] before the loop, caches.append(cache) right after "
                        "each layer's call, l = 1..L, and that list is returned (a name reused for one call's cache, "
                        "as in AL, caches = linear_activation_forward(...), replaces the list).",
    "caches_order": "{words}. caches[l-1] is the cache of layer l: caches.append(cache) right after each layer's call, "
                    "in the order the layers run (1..L).",
    "caches_layers": "{words}. caches holds one cache per layer, l = 1..L: one caches.append(cache) right after each "
                     "layer's call.",
    # chain.py: what the call log shows about where the composite stopped, the order of its calls, dA[L]
    "returns_none": "{words}. {loop}",
    "loop_order": "{words}. {loop}",
    "loop_range": "{words}. {loop}",
    # specs_train.py: L_layer_model's loop, from the calls it made
    "loop_stopped": "{words}. The loop runs num_iterations times; return parameters, costs once, after it.",
    "loop_not_fed_back": "{words}. parameters = update_parameters(parameters, grads, learning_rate): the next "
                         "iteration's forward pass uses the parameters the update returned.",
    # specs_model.py: update_parameters that updates some keys and leaves the others as they were given
    "partly_updated": "{words}. Every layer l = 1..L is updated, W[l] and b[l] both: W[l] := W[l] - alpha dW[l], "
                      "b[l] := b[l] - alpha db[l], stored in the dict you return.",
    "dAL_terms": "{words}. dA[L] = -(Y/A[L]) + (1-Y)/(1-A[L]), both terms, entry by entry: the first is the "
                 "examples' with y = 1, the second the examples' with y = 0.",
}
TRACE.update(DIAG11)

# ---- diag10: wrong values named by what they are (relations.py, concepts.py, expression.py) -------
# The cost computed another way (relations.cost_relation): "<exercise>.cost_<difference>", the id of
# the most specific difference, the words of each (at most two) in {words}.
_COST_HINT = "{part} is the cross-entropy computed with {words}. J = -1/m sum(Y log(A[L]) + (1 - Y) log(1 - A[L]))."
RELATIONS.update({rid: _COST_HINT for rid in (
    "cost_args_swapped", "cost_log_one_plus", "cost_same_log", "cost_term_weight", "cost_term_subtracted", "cost_term_missing",
    "cost_log_base", "cost_one_example", "cost_clip_eps", "cost_eps_added", "cost_scale")})
# Close to the right values but not equal, with the cause found (relations._approximate).
RELATIONS.update({
    "approximate_precision": "{part} is close to the right values but not equal: it holds them {how}. "
                             "Keep the full float64 values (no astype to a smaller type, no np.round).",
    "approximate_slope": "{part} is close to the right values but not equal: it uses the {g}'s slope taken by "
                         "finite differences, {how} with h = {k}, where the exact slope belongs, "
                         "g'(Z) = {exact}.",
})
# A sigmoid of k Z (relations._scaled_inside): another base, Z doubled or halved.
RELATIONS["scaled_inside"] = "{part} is the sigmoid of {k} Z, not of Z: {how}. A = sigmoid(Z) = 1 / (1 + np.exp(-Z))."
# The same number added to every entry (relations._offset).
RELATIONS["offset"] = "{part} is the right values plus {c} on every entry: a constant is added that the equation does not have."
# ---- diag9: Python's and numpy's own exceptions said as the learner's construct (checks/pyerrors.py) ----
# Id "<exercise>.<suffix>"; the report's hint is worded from the learner's line, source and case (which
# name held None and where it was made, what was called, which argument went where); these are the
# general forms `dlkit report` shows.
PYERRORS = {
    "none_value": "A name on your line holds None where an array belongs: a function without `return` (or a "
                  "branch that does not reach it) gives None, and so does x = x.sort() / x = x.append(...).",
    "shadowed_function": "The name of a function was given to an array (sigmoid = sigmoid(Z)), so the function "
                         "cannot be called any more: give the result another name.",
    "not_callable": "Your line calls something that is not a function (an array, a number, a dict, a shape): "
                    "a * is missing, or square brackets belong where the parentheses are.",
    "call_arguments": "Your line calls a function with other arguments than it takes: see its signature.",
    "numpy_arguments": "A numpy function got a value in another argument's place (a positional argument is its "
                       "axis, dtype or out=): name the option you mean.",
    "unpack_count": "Your line unpacks a result into another number of names than it holds.",
    "array_to_number": "float(), round() or a format takes one number, and your code gives it an array.",
    "float_index": "A range or an index is a float: / always gives a float; divide with //.",
    "index_out_of_range": "An index is past the end of a list or an array: the index or the loop's range is off.",
    "helper_result_not_unpacked": "A name holds a helper's whole result, a tuple such as (Z, linear_cache): "
                                  "unpack it into its outputs.",
    "str_concat": "Your line adds a number to a string: + joins strings only; use str(...) or an f-string.",
    "undefined_name": "Your line uses a name your function never makes: another spelling of one of its own "
                      "names, a numpy option written without its value, or a size it never computes (m, L).",
    "wrong_kind": "Your line treats a value as another kind of object: a dict read with a dot, an array given "
                  ".append, a list or a tuple asked for .shape, a number indexed.",
    "no_return": "Your function returned None: it has no return with a value, or a path (a branch) reaches "
                    "its end without one. Every path must end with return and the outputs.",
    "assert_failed": "An assert of yours failed: the shapes it compared are shown (and a name it reads that is "
                     "not a variable of your function).",
}
TRACE.update(PYERRORS)
# ---- diag12: no false claims; structures, the initialisation's scale, values kept inside bounds ----
# (compare.py, relations.py, structure.py, specs_init.py, specs_model.py, specs_train.py)
RELATIONS["clipped"] = ("{part} is clipped to {bounds}: right except {where}: there your values sit on the bound. "
                        "Return the values themselves: only compute_cost keeps A[L] away from 0 and 1.")
CATALOG.update({
    "initialize_parameters.b_shaped_like_W": "b[l] has the shape of W[l], (n[l], n[l-1]) (np.zeros_like(W) copies "
        "W[l]'s shape): b[l] is one column of zeros, np.zeros((n[l], 1)), added to every column of W[l] A[l-1].",
    "initialize_parameters.return_in_loop": "parameters is returned before every layer has its W[l] and b[l]: {why}. parameters must hold W1..WL "
        "and b1..bL, one pair per layer l = 1..L.",
    "initialize_parameters.W_scaled": "Your W[l] are the seeded draws at another scale: W[l] is {factor}: {meaning}. "
        "W[l] = rng.randn(n[l], n[l-1]) / np.sqrt(n[l-1]), so that your numbers are everybody's.",
})
RELATIONS["cache_holds_output"] = ("{part} holds this layer's output A[l] where its input A[l-1] belongs: the "
                                   "linear cache is (A[l-1], W[l], b[l]), the values the layer was given, not A[l].")
DIAG12 = {}     # relations whose hint is all words said of the case (like DIAG11's): looked up as TRACE
DIAG12["loop_iterations_fixed"] = ("{words}. The loop runs num_iterations times: for i in range(num_iterations), "
                                   "the argument, not a number typed in.")
DIAG12["caches_items"] = ("{words}. caches holds one cache per layer, l = 1..L: caches.append(cache) with the "
                             "cache = (linear_cache, Z) that linear_activation_forward returned.")
TRACE.update(DIAG12)

# ---- diag13: wrong shapes, substituted operands, dropped examples (relations.py, firstwrong.py, concepts.py, substitute.py) ----
# The cost with one example's loss left out (relations.cost_relation: a loop over range(1, m) or range(m - 1)).
RELATIONS["cost_example_left_out"] = _COST_HINT
# The reference's own computation on a changed input (substitute.py, Spec._substitution_explained).
TRACE.update({
    "operand_substituted": "{part} is what the lecture's computation gives with {put} where {was} belongs: "
                           "your code uses {put} in {was}'s place.",
    "example_left_out": "{part} is the lecture's value with the {which} example (column) left out of the sum, "
                        "divided by {by}: a loop over {loop}. The sum runs over all m examples, divided by m.",
})
# Mutant ids that stand for several variants under one hint: the report adds the learner's own variant
# when the expression search names it on every wrong case (Spec._broad_said).
BROAD_MUTANTS = ("wrong_derivative",)   # (the forward ones, 1 / (1 - e^-Z), are best said by their own hint)
# A returned array that holds the right numbers flattened into one column or row (substitute.flattened).
TRACE["flattened"] = ("{part} holds the right numbers flattened into one {which} (a {how} or a ravel), not in "
                      "their own shape: keep the shape of the equation's result (an entry-by-entry result has Z's shape).")
# A cached item that holds another quantity of the layer where its own belongs (relations.single_case).
RELATIONS["cache_holds_other"] = ("{part} holds {other} where {own} belongs: the cache keeps what the layer was "
                                  "given, linear_cache = (A[l-1], W[l], b[l]), and the Z[l] it computed, cache = "
                                  "(linear_cache, Z[l]).")
# The cost with the parentheses of (1 - Y) left out (relations.cost_relation).
RELATIONS["cost_parentheses"] = _COST_HINT

# ---- diag14: crashes said by what the learner passed, names reused, the notebook's conventions (pyerrors.py) ----
# Id "<exercise>.<suffix>"; the report's hint is worded from the learner's line, source and case.
DIAG14 = {
    "passed_value": "A dlkit block refused an argument: the value your line passed there is another quantity "
                    "(a helper's other output, unpacked in another order, or a name reused for another value).",
    "own_dict_empty": "Your line reads or changes a key of a dict your function made empty ({}): nothing is stored "
                      "there yet; start from the values of the dict you were given.",
    "str_called": "Your line calls a string (the activation's name): the string says which function to use; "
                  "call relu or sigmoid chosen by it.",
    "parameter_renamed": "Your function names a parameter as another convention does (relu_backward(dA, cache)): "
                         "the notebook passes the exercise's own argument (Z) there.",
    "numerical_derivative": "np.gradient / np.diff take differences between neighbouring examples, not the "
                            "activation's slope g'(Z).",
    "forward_for_slope": "The forward function (relu, sigmoid) is called where its slope belongs: the backward "
                         "step is relu_backward / sigmoid_backward.",
}
TRACE.update(DIAG14)

# ---- diag15: L_layer_model's loop judged as a dataflow (checks/loopflow.py) ----
# Id "L_layer_model.<suffix>"; {words} says which block ran how often, or which earlier call's result a
# block was given, with the iteration i (0..num_iterations-1) where the loop first leaves the lecture's.
_ONE_PASS = ("each iteration i runs each block once, on what the block before it returned in the same iteration: "
             "A[L], caches = model_forward(X, parameters); J = compute_cost(A[L], Y); grads = model_backward(A[L], Y, "
             "caches); parameters = update_parameters(parameters, grads, learning_rate).")
TRACE.update({
    "loop_block_count": "{words}. In the lecture's loop " + _ONE_PASS,
    "loop_stale_gradients": "{words}. The update uses the gradients of the parameters it updates: in each "
                            "iteration model_forward, then model_backward on its A[L] and caches, then "
                            "update_parameters with those grads.",
    "loop_wrong_input": "{words}. In the lecture's loop " + _ONE_PASS,
    "loop_returned": "{words}. return parameters, costs after the loop: the parameters the last "
                     "update_parameters call returned.",
})
# ---- diag16: nested outputs matched leaf by leaf against the reference (leaves.py) ----
# A caches list, a cache or a linear_cache whose pieces are the reference's own values in other places
# (Z[l] missing, the two parts swapped, A[l] where Z[l] belongs, the caches reversed, a level of nesting
# too many), said by place and by the lecture's names. Id "<exercise>.leaves_mapped".
DIAG16 = {
    "leaves_mapped": "{words}.{rule}",
}
TRACE.update(DIAG16)
# ---- diag17: the learner's own line searched: its operators regrouped, other layers' quantities ----
# Id "<exercise>.first_wrong_line_grouping" (regroup.py): the first wrong line's operators, bracketed
# otherwise, give the lecture's value; "<exercise>.first_wrong_line_other_layer" (otherlayer.py): the
# first wrong line's value is the lecture's formula with one quantity of another layer in it.
TRACE.update({
    "first_wrong_line_grouping": "Line {lineno}{where} needs its parentheses in other places (operators grouped "
                                 "otherwise than the lecture): {what}; write `{fixed}` with these brackets, which "
                                 "gives {quantity} ({definition}).",
    "first_wrong_line_other_layer": "Line {lineno}{where} is the first line whose value leaves the lecture's "
                                    "computation: your {var} is not {quantity} ({definition}): {what}.",
    # the same, said of a composite's first wrong output on every wrong case (layerwise.py: no tracer needed)
    "step_of_other_layer": "Your {part} is {text} where {quantity} belongs: {words}, on every wrong case; "
                           "each step uses the quantities of its own layer.",
})
# ---- diag19: wrong shapes said in the lecture's symbols (shapewords.py, specs_init.py) ----
# A wrong shape's dimensions are said as n[l], n[l-1], m, 1 or a product (n[l] m) when one reading fits on
# the case (added to the mismatch sentence, no id of its own); initialize_parameters' loop patterns get ids.
CATALOG.update({
    "initialize_parameters.n_prev_not_updated": "Every W[l] has n[0] columns: the number of units of the layer "
        "before, n[l-1] = layer_dims[l-1], is set once before the loop and not updated in it; W[l] is "
        "(n[l], n[l-1]), so take layer_dims[l-1] inside the loop (or set n_prev = layer_dims[l] at its end).",
    "initialize_parameters.W_square": "Every W[l] is (n[l], n[l]): its columns count n[l], the layer's own units, "
        "where n[l-1], the units of the previous layer, belongs; W[l] is (n[l], n[l-1]), with n[l-1] = layer_dims[l-1].",
})
# ---- coordinator, session 5: a result computed and never used (unused.py, firstwrong.py) ----
# Id "<exercise>.unused_result": the first wrong line reads a name where a local set before it, and read
# by no line since, gives the lecture's value (mask = Z > 0, then dZ = dA * Z). The hint is worded from
# the learner's lines: "Line 4 reads Z where your mask belongs: mask is computed at line 3 (...) and never
# used; with mask in place of Z, dZ is dZ[l]."

# ---- diagC: dA[L] held against its wrong formulas (dalforms.py), the backward loop's state where it raised
# (loopstate.py), each updated parameter paired with the gradient it took (pairing.py) ----
CATALOG.update({
    "model_backward.source.dAL_swapped": "Your dA[L] = {code} has Y and A[L] swapped: it is the lecture's formula "
        "with Y where A[L] belongs and A[L] where Y belongs, so it divides by Y, the 0/1 labels (a division by "
        "zero); dA[L] = -(Y / A[L] - (1 - Y) / (1 - A[L])) divides by A[L] and 1 - A[L].",
    "model_backward.cache_wrapped": "{lead} your code raised, {where}, so caches[{index}] is "
        "caches[{value}], and a negative index counts from the end: it is {whose} cache, handed to a step of "
        "layer {step}, which the network does not have; the layers run L..1 (caches[L-1]..caches[0]), and the "
        "loop stops after layer 1.",
    "model_backward.reads_own_output": "The step of layer {layer} ({cache}, with {where}) reads grads['{key}'], "
        "which {maker}: it is not computed yet. Layer l's step reads dA[l], from the layer after it, and gives "
        "dA[l-1]; here that is grads['{want}'].",
    "update_parameters.other_gradient_met": "{where} pairs {param} with the wrong gradient: it subtracts alpha times "
        "{grad}, which is {what}; {param} takes its own gradient {own}: W[l] := W[l] - alpha dW[l], b[l] := b[l] - "
        "alpha db[l], each gradient picked by its parameter's key (grads['d' + key]).",
})
# Id "<exercise>.alias_changed_in_place" (aliasing.py): an output entry stored right, then overwritten through
# another name bound to the same array (n = grads[...], then n *= ...).
TRACE.update({
    "alias_changed_in_place": "Your {key} held the right value when line {first} bound {name} = {rhs} to it, "
        "and was changed afterwards through that other name: {name} is the same array, not a copy, and line "
        "{then} (`{line}`) changes {name} in place, so the stored {label} is overwritten with {name}'s new value; "
        "make a new array instead ({name} = {name} * ..., or {rhs}.copy()).",
    # Id "<exercise>.first_wrong_line_clipped" (clipping.py): the first wrong line's clip bounds explain its value
    "first_wrong_line_clipped": "Line {lineno}{where} is the first line whose value leaves the lecture's "
        "computation: your {var} is not {quantity} ({definition}): {what}.",
})
# ---- diagB: a wrong line one edit away from the lecture's (swaps.py, firstwrong.py) ----
# Id "<exercise>.first_wrong_line_swap": one operator swapped, a call replaced by its argument's transpose,
# a call's parentheses moved over a constant, or a factor dropped gives the lecture's value on the line.
PYERRORS_B = {   # "<exercise>.read_before_assigned" (unbound.py): an UnboundLocalError no branch explains
    "read_before_assigned": "A name is read before any line of your function has assigned it (an "
                            "UnboundLocalError): the line reads the quantity it computes, or a slip of one name; "
                            "pass the quantity the step takes (relu_backward(dA, Z) takes dA[l]).",
}
PYERRORS_B["cache_item_wrong"] = (   # cacheitems.py: a name of the lecture holding another cache item
    "Your Z (or W, b, A_prev) holds another item of the cache (taken from the wrong position): cache = "
    "(linear_cache, Z) with linear_cache = (A_prev, W, b); Z[l] is cache[1], the activation cache.")
TRACE.update(PYERRORS_B)
TRACE["first_wrong_line_rows_index"] = (   # indexing.py: X[idx] = v with idx the row numbers alone
    "Your line indexes a 2-D array with one array of row numbers, so whole rows are set where single "
    "entries belong: np.where(cond) gives (rows, columns); index with the mask itself, X[cond] = 0.")
TRACE.update({
    "first_wrong_line_swap": "Line {lineno}{where} is the first line whose value leaves the lecture's computation: "
                             "in `{expr}`, {what}; `{fixed}` gives {quantity} ({definition}).",
})
# ---- diagB: right on the first n[l] columns only (whereonly.py, relations.py) ----
# Id "<exercise>.columns_up_to_rows": the columns from n[l] on keep what the array held before (a loop over
# the columns bounded by the number of rows).
RELATIONS["columns_up_to_rows"] = (
    "{part} is right on its first {n} column(s) only, as many as it has rows (n[l]), and the columns after them "
    "({index}) keep {held}: only as many columns as there are rows were handled, a bound of shape[0] (n[l], the "
    "rows) where the columns count m = shape[1] (the examples); every one of the m columns needs its step.")
# ---- diagF: output forms (outputforms.py): right except on a region of Z, a list, the softplus ----
# Ids "<exercise>.right_except_where", "<exercise>.list_not_array", "<exercise>.softplus" (relations).
RELATIONS.update({
    "right_except_where": "{part} is right everywhere except where {region}: there {got}; {why}.",
    "list_not_array": "{part} holds the right values but is a Python {kind}, not a numpy array: the lecture's "
                      "quantities are numpy arrays (the next step calls array methods on them); return the array "
                      "itself, without converting it to a {kind}.",
    "softplus": "{part} is log(1 + e^Z), the softplus (a smooth version of ReLU), where ReLU is max(0, Z): it is "
                "positive where Z < 0 and above Z where Z > 0; ReLU is 0 for Z <= 0 and Z itself for Z > 0.",
})
# ---- diagF: the order a forward composite ran its layers in (layerorder.py) ----
CATALOG.update({
    "model_forward.layer_order": "{words}; forward propagation runs the layers l = 1, 2, ..., L in this order, "
                                 "each on the output of the layer before (layer 1 on X = A[0]).",
})
# ---- diagF: one edit of the learner's function that makes it right (oneedit.py) ----
TRACE.update({
    "one_edit": "Line {lineno}: {words} on every public case; change that one place.",
})
# ---- W2c: what a composite passed to a helper, against what belongs there (helperargs.py; pyerrors.py gives
# the same id for a helper that refused a negated or misspelt argument) ----
# Ids "<exercise>.helper_argument" (a helper raised on an argument that is a simple function of what belongs
# there: its negative, a multiple, a list reversed / rotated / one short, a transpose) and
# "L_layer_model.learning_rate_schedule" (the learning rate changes with the iteration: learning_rate / (1 + i), ...).
TRACE.update({
    "helper_argument": "{words}. Each block is given what belongs there: the loop's own arguments unchanged, "
                       "and the results of the calls before it as they were returned.",
    "learning_rate_schedule": "{words}. The update is update_parameters(parameters, grads, learning_rate) on "
                              "every iteration.",
})
# ---- W2c: the test that picks each layer's activation, evaluated over its loop (activationtest.py) ----
# Id "<exercise>.activation_test" (model_forward, model_backward).
TRACE["activation_test"] = ("{words}. ReLU for layers 1..L-1 and the sigmoid for the output layer L only: the "
                            "test is true on the pass that handles layer L.")
# ---- W2c: a layer call's input said by the call it belongs to (layerinputs.py, from chain.py) ----
# Ids "<exercise>.chain_shared_input" (one array given to every layer from some layer on) and
# "<exercise>.chain_stale_input" (layer l given the input of the call before it: one layer behind).
TRACE.update({
    "chain_shared_input": "{words}. {loop}",
    "chain_stale_input": "{words}. {loop}",
})
# Id "<exercise>.chain_related_input" (layerinputs.py): a layer call given the negative, a multiple or the
# transpose of the A[l-1] / dA[l] that belongs there.
TRACE["chain_related_input"] = "{words}. {loop}"
# ---- W2a: what a wrong value is (wrongvalue.py: one number everywhere, a divisor other than m) ----
# Ids "<exercise>.all_zero", "<exercise>.all_constant", "<exercise>.wrong_divisor", "<exercise>.lecture_function"
# (relations; the line tracer's "<exercise>.first_wrong_line_<id>" words them for the line's variable).
RELATIONS.update({
    "all_zero": "{part} is all zeros: every entry is 0 where the right values are not, so the values that belong "
                "in it never reach it (an array made with zeros and never filled with them, or each value multiplied "
                "by 0?).",
    "wrong_divisor": "{part} is divided by {d} (= {value} here) where the equation divides by m = {m}, the number "
                     "of examples{also}: every entry is m / ({d}) times the right one; {why}. Divide by m, the "
                     "number of columns (the examples).",
    "lecture_function": "{part} is {what}.",
    "all_constant": "{part} holds the same number in every entry ({k} on the case shown), where the right values "
                    "differ entry by entry: the entries' own values never reach it (one number, such as a sum or a "
                    "mean, spread over the array, or a value left over from one step?).",
})
# ---- W2b: Python-level causes in the learner's source (pylevel.py) and an output's dtype (dtypes.py) ----
# Ids "<exercise>.assigned_on_other_branch", ".literal_never_matches", ".trailing_comma", ".late_binding",
# ".stacked_activations" (pylevel.py), ".bool_array", ".int_array" (dtypes.py); each hint is worded from the code.
TRACE.update({
    "assigned_on_other_branch": "A name is assigned only inside a branch (or a loop) that did not run on this case, "
                                "so it was never assigned when a later line reads it: every path must compute it.",
    "literal_never_matches": "{words}",   # a string literal (or a function's name) compared with an argument no call passes
    "trailing_comma": "{words}",          # return x, / A = f(Z), : a one-item tuple
    "late_binding": "{words}",            # a lambda made in a loop reads the loop variable when called
    "stacked_activations": "{words}",     # relu(sigmoid(Z)): an activation applied to another one's output
    "bool_array": "{words}",              # a lecture quantity in dtype bool (np.zeros_like of a mask)
    "int_array": "{words}",               # a lecture quantity in an integer dtype (dtype=int, .astype(int))
})
# ---- values2 (wave 3): wrong values read as a relation to the lecture's quantities ----
# The cost's terms computed another way (relations.cost_relation): 1 - log(A[L]) for log(1 - A[L]), a term's
# (1, 1) sum broadcast (counted m times), a divisor np.sum(Y) where J has m.
RELATIONS.update({rid: _COST_HINT for rid in ("cost_log_misplaced", "cost_term_times_m", "cost_divisor")})
# initialize_parameters' W[l]: the seeded stream's numbers read in another order or from another draw on (draws.py);
# the reading itself is the detail line.
CATALOG["initialize_parameters.W_draws_other"] = (
    "W[l] holds the numbers of the seeded generator, but not the draws the lecture's order gives it (which "
    "ones, below). Draw W1, W2, ..., WL in this order from one rng = np.random.RandomState(seed), each with one "
    "rng.randn(n[l], n[l-1]) / np.sqrt(n[l-1]), and nothing else from that generator (b[l] = np.zeros((n[l], 1))).")
# initialize_parameters' keys: one per layer, each written otherwise ('W01' for 'W1'; specs_init._spelled).
CATALOG["initialize_parameters.keys_spelled"] = (
    "parameters has one W and one b per layer, but the key names are spelled differently from the ones the "
    "later blocks read (which, below): the keys are 'W' + str(l) and 'b' + str(l), 'W1', 'b1', ..., exactly.")


# ---- train2 (wave 3): L_layer_model's loop held against the lecture's (specs_train._batches, loopcosts.py) ----
# Id "L_layer_model.loop_batches": the forward passes given columns of X (one example, a mini-batch) with an
# update after each, where the lecture makes one update per iteration on the whole batch.
TRACE.update({
    "loop_batches": "{words}: for i in range(num_iterations), one forward pass on the whole X, one backward "
                    "pass, one update_parameters(parameters, grads, learning_rate).",
})

# ---- crashes2: crashes and index mistakes said in the lecture's terms (subscripts.py, ...) ----
# Id "<exercise>.slice_assignment_shape" (subscripts.py): a value stored into a slice of another shape
# (a 2-D (n[l], 1) column into the 1-D slice dZ[:, j]); "<exercise>.index_out_of_range" also comes from
# subscripts.index_past_axis (an index that runs over the other axis, or one too far).
TRACE["slice_assignment_shape"] = ("The value your line stores does not have the shape of the slice it is stored "
                                   "into (a 2-D column into a 1-D slice, or other sizes).")
# Id "<exercise>.same_index_every_layer" (constindex.py): a per-layer lookup in a layer loop whose index does not
# change with the loop variable (caches[L - 1] copied into the hidden loop).
TRACE["same_index_every_layer"] = ("A lookup inside your layer loop uses the same index for every layer (it does "
                                   "not change with the loop variable), so every layer gets one layer's cache.")
# matprod.py words "<exercise>.matrix_product_for_elementwise" (a square (n, n) array made by @ a line before the
# entry-by-entry line that crashed); counts.py words the first wrong line of L or m (len(AL): AL's rows).

# ---- oneedit2: the repair search's edit said as one mistake (oneedit.py): the same edit on every parallel line
# (W and b, dW and db: "<exercise>.one_edit_repeated"), one mistake seen from two places, either of which fixes it
# (two names swapped between a loop's tuple and an index; an alias and the in-place change made through it:
# "<exercise>.one_edit_either") ----
TRACE.update({
    "one_edit_repeated": "Lines {lines}: {words} on every public case; change it on each of these lines.",
    "one_edit_either": "Lines {lines}: {words} on every public case; change one of the two places.",
})

# ---- r14fam: the returned container said against the lecture's (containers.py): a dict where a tuple belongs
# ("<exercise>.returns_dict_for_tuple"), a dict of per-layer dicts/tuples under integer keys where one flat dict of
# arrays belongs ("<exercise>.nested_per_layer"), a list of per-layer dicts ("<exercise>.list_of_dicts"), every key
# the lecture needs and extra keys beyond them ("<exercise>.extra_keys") ----
TRACE.update({
    "returns_dict_for_tuple": "Here your function returns a dict{keyed} where a tuple of {n} items belongs, not a "
                              "dict: return {items} as a tuple (return a, b, ...); the caller unpacks it by position.",
    "nested_per_layer": "{name} is nested: it holds one {kind} per layer under the integer keys {keys}, where the "
                        "lecture's {name} is one flat dict with string keys such as {sample}, each holding one array.",
    "list_of_dicts": "{name} is a {kind} of {n} dicts (one dict per layer?) where one flat dict belongs.",
    "extra_keys": "{name} holds {count} too many: {keys}, an extra key beyond the keys the lecture's {name} holds "
                  "(those are all there); leave it out.",
})
