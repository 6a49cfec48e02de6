"""Held-out learner code, round 12: the backward blocks, model_backward and update_parameters.

Written on 2026-12-04 on commit 49aeaac by a helper (branch ``heldout12``) that
did not read dlkit/checks (the engine), docs/relations.md, docs/grading.md,
BASELINE.md, the catalogs, the engine's tests, other worktrees or any report
the checks print, and ran no measurement; only the instructor notebooks,
DESIGN.md and dlkit's reference blocks, and the one-line mistakes of the
earlier rounds (to avoid writing the same mistake in the same code shape).
Many mistakes sit in an intermediate variable rather than in the return line.
No mutant, relation or hint of dlkit.checks may be written from it (README.md,
"Round 12").
"""
import numpy as np

from dlkit import linear_activation_backward, linear_backward, relu_backward, sigmoid, sigmoid_backward  # noqa: F401

from .registry import IN_PLACE
from .registry12 import bug, correct

# ---- linear_backward ------------------------------------------------------------------------


@bug("linear_backward",
     "dW from np.einsum('ik,jk->ji', dZ, A_prev): the output subscripts swapped, so dW comes out transposed, "
     "(n[l-1], n[l])",
     [r"transpos", r"einsum", r"subscripts?", r"(rows|columns) (and|swapped)", r"\(n\[l-1\], n\[l\]\)",
      r"swapped"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.einsum("ik,jk->ji", dZ, A_prev) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = W.T @ dZ
    return dA_prev, dW, db


@bug("linear_backward",
     "a per-example loop that accumulates dW with += but assigns db = dZ[:, [j]] / m: db holds the last example's "
     "share only",
     [r"(last|final) (example|column)", r"(only|just) (one|the last|a single) (example|column)",
      r"(assign\w*|=) (instead of|not) (\+=|accumulat)", r"accumulat", r"overwr\w*.{0,30}(loop|each)",
      r"(one|single) (column|example)"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.zeros_like(W, dtype=np.result_type(dZ, A_prev))
    for j in range(m):
        dW += np.outer(dZ[:, j], A_prev[:, j]) / m
        db = dZ[:, [j]] / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@bug("linear_backward",
     "db averaged with n_units = dZ.shape[0] (n[l]) where m = dZ.shape[1] belongs; dW uses the right m",
     [r"n\[l\]\b(?!-)", r"shape\[0\]", r"(number of )?(units|rows)", r"(wrong|other) (axis|dimension|count)",
      r"(not|instead of) (by )?m\b", r"(divided|averaged) by (n|the)"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = dZ.shape[1]
    n_units = dZ.shape[0]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / n_units
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@bug("linear_backward",
     "db built from a comprehension over dZ.T (one sum per example), reshaped to a column: (m, 1), the example sums, "
     "instead of one sum per unit",
     [r"(per|each|every|one sum per) (example|column)", r"over (the )?(units|rows)", r"dZ\.T",
      r"(wrong|other) (axis|direction)", r"\(m, 1\)", r"(examples|columns) (instead|rather)"])
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = (1 / m) * np.dot(dZ, A_prev.T)
    db = np.array([column.sum() for column in dZ.T]).reshape(-1, 1) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@correct("linear_backward", "the transposed products (A_prev dZ^T)^T and (dZ^T W)^T, db as dZ times a ones column")
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = (A_prev @ dZ.T).T / m
    db = dZ @ np.ones((m, 1), dtype=dZ.dtype) / m
    dA_prev = (dZ.T @ W).T
    return dA_prev, dW, db


@correct("linear_backward", "all three by np.einsum")
def linear_backward(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.einsum("ik,jk->ij", dZ, A_prev) / m
    db = np.einsum("ik->i", dZ)[:, np.newaxis] / m
    dA_prev = np.einsum("ji,jk->ik", W, dZ)
    return dA_prev, dW, db


# ---- relu_backward --------------------------------------------------------------------------


@bug("relu_backward",
     "zeroed dZ[j, i] for the (i, j) pairs of np.where(Z <= 0): row and column swapped (IndexError or other entries "
     "zeroed)",
     [r"(index|indices).{0,30}(swapped|wrong|order)", r"swapped", r"transpos", r"\[j, ?i\]",
      r"(rows?|columns?) (and|swapped|for)", r"(other|wrong) entries"])
def relu_backward(dA, Z):
    dZ = np.array(dA, copy=True)
    for i, j in zip(*np.where(Z <= 0)):
        dZ[j, i] = 0
    return dZ


@bug("relu_backward",
     "dZ[Z > 0] = 1 after zeroing the others: dZ holds the slope (0 or 1) instead of dA times it",
     [r"slope (itself|alone|only)", r"(missing|forgot|without|not).{0,30}dA", r"(ones?|1) instead of dA",
      r"(times|multipl\w*) (by )?dA", r"(0|zeros?) (and|or) (1|ones?)", r"g'\(Z\) (alone|only|instead)"])
def relu_backward(dA, Z):
    dZ = np.array(dA, copy=True)
    dZ[Z <= 0] = 0
    dZ[Z > 0] = 1
    return dZ


@bug("relu_backward",
     "dZ = np.dot(dA, slope): a matrix product with the 0/1 slope where the entry-by-entry product belongs",
     [r"element-?wise", r"np\.multiply", r"not a matrix product", r"matrix product", r"np\.dot"])
def relu_backward(dA, Z):
    slope = (Z > 0).astype(float)
    dZ = np.dot(dA, slope)
    return dZ


@bug("relu_backward",
     "dZ[Z < 0] = 0 leaves dA where Z is exactly 0 (slope 1 at 0), where the notebook picks 0",
     [r"(at|where|for) Z (is |= |== )?(exactly )?(0|zero)", r"Z (=|==) 0", r"(exactly|at) (0|zero)",
      r"<= ?0", r"slope (at|of) (0|zero)"],
     contract="slope at 0")
def relu_backward(dA, Z):
    dZ = np.array(dA, copy=True)
    dZ[Z < 0] = 0
    return dZ


@bug("relu_backward",
     "dZ = np.asarray(dA) is dA itself (no copy): dZ[Z <= 0] = 0 zeroes the caller's dA in place",
     IN_PLACE + [r"asarray", r"alias", r"same array", r"(changed|modified|mutated|zeroed) dA", r"no copy"],
     contract="in place")
def relu_backward(dA, Z):
    dZ = np.asarray(dA)
    dZ[Z <= 0] = 0
    return dZ


@correct("relu_backward", "np.select with a single condition and default 0")
def relu_backward(dA, Z):
    return np.select([Z > 0], [dA], default=0)


@correct("relu_backward", "a copy multiplied in place by np.heaviside(Z, 0)")
def relu_backward(dA, Z):
    dZ = dA.copy()
    dZ *= np.heaviside(Z, 0).astype(dZ.dtype)
    return dZ


# ---- sigmoid_backward -----------------------------------------------------------------------


@bug("sigmoid_backward",
     "slope = s @ (1 - s).T: a matrix product (n[l], n[l]) where s * (1 - s) entry by entry belongs",
     [r"element-?wise", r"np\.multiply", r"not a matrix product", r"matrix product", r"np\.dot"])
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    slope = s @ (1 - s).T
    dZ = dA * slope
    return dZ


@bug("sigmoid_backward",
     "s already holds A (1 - A) and the slope is taken again: dA * s * (1 - s) with s = A (1 - A)",
     [r"twice", r"(applied|taken|computed) (again|two times)", r"(slope|derivative) of the (slope|derivative)",
      r"double", r"squared?"])
def sigmoid_backward(dA, Z):
    A = 1 / (1 + np.exp(-Z))
    s = A * (1 - A)
    dZ = dA * s * (1 - s)
    return dZ


@bug("sigmoid_backward",
     "t = s is an alias, not a copy: t *= -1; t += 1 turns s into 1 - s too, so the slope is (1 - s)^2",
     [r"alias", r"same array", r"\(1 ?- ?s\) ?(\^|\*\*) ?2", r"\.copy\(\)", r"in place", r"(1 - s) (twice|squared)",
      r"overwr\w*.{0,20}s\b"])
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    t = s
    t *= -1
    t += 1
    dZ = dA * s * t
    return dZ


@bug("sigmoid_backward",
     "the tanh form (1 - tanh(Z/2)^2) / 2: the slope is (1 - tanh(Z/2)^2) / 4, so dZ is twice too large",
     [r"(twice|2 times|two times|factor (of )?2|double)", r"tanh", r"(/ ?4|quarter|divid\w* by 4)",
      r"too large"])
def sigmoid_backward(dA, Z):
    t = np.tanh(Z / 2)
    dZ = dA * (1 - t ** 2) / 2
    return dZ


@correct("sigmoid_backward", "s *= 1 - s on a fresh array, then dA * s")
def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    s *= 1 - s
    return dA * s


@correct("sigmoid_backward", "np.einsum of dA, s and 1 - s entry by entry, s from np.reciprocal")
def sigmoid_backward(dA, Z):
    s = np.reciprocal(1 + np.exp(-Z))
    return np.einsum("ij,ij,ij->ij", dA, s, 1 - s)


# ---- linear_activation_backward -------------------------------------------------------------


@bug("linear_activation_backward",
     "the chain run backwards: linear_backward on dA first (no slope), then a slope taken from A_prev applied to "
     "dA_prev",
     [r"(wrong|reversed|other) order", r"backwards", r"wrong way round", r"(after|before) the linear", r"(slope|relu_backward|activation).{0,40}"
      r"dA_prev", r"dA_prev.{0,40}(slope|mask|relu)", r"(skip|without|missing)\w* (the )?(slope|g'|activation)",
      r"linear_backward\(dA"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    dA_prev, dW, db = linear_backward(dA, linear_cache)
    if activation == "relu":
        dA_prev = dA_prev * (linear_cache[0] > 0)
    else:
        s = sigmoid(linear_cache[0])
        dA_prev = dA_prev * s * (1 - s)
    return dA_prev, dW, db


@bug("linear_activation_backward",
     "Z = cache[-1][-1] takes the last row of Z (cache[-1] is Z already): every unit gets the last unit's mask",
     [r"(last|one|single|first) (row|unit)", r"cache\[-1\]\[-1\]", r"(every|all|each) (unit|row)s?.{0,30}(same|last)",
      r"(index|indexing)", r"row of Z", r"(wrong|another|other) (unit|row)"])
def linear_activation_backward(dA, cache, activation):
    linear_cache = cache[0]
    Z = cache[-1][-1]
    if activation == "relu":
        dZ = dA * (Z > 0)
    else:
        s = 1 / (1 + np.exp(-Z))
        dZ = dA * s * (1 - s)
    return linear_backward(dZ, linear_cache)


@bug("linear_activation_backward",
     "if 'relu' ...; if 'sigmoid' ...; else raise: the else belongs to the second if, so 'relu' reaches the raise",
     [r"(elif|second if|two ifs)", r"raise", r"relu.{0,40}(error|raise|rejected|fails)",
      r"(valid|known) activation", r"(reject\w*|refuse\w*) .{0,20}relu"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = relu_backward(dA, Z)
    if activation == "sigmoid":
        dZ = sigmoid_backward(dA, Z)
    else:
        raise ValueError("unknown activation " + activation)
    return linear_backward(dZ, linear_cache)


@bug("linear_activation_backward",
     "a per-example loop assigns sigmoid_backward's (n[l], 1) column into dZ[:, j]: a shape error whenever n[l] > 1",
     [r"\(n\[l\], 1\)", r"(column|slice).{0,40}(shape|broadcast|1-D)", r"dZ\[:, ?j\]", r"(per-example|per-column|column-by-column) loop", r"broadcast",
      r"(2-D|two-dimensional) (column|slice)"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = relu_backward(dA, Z)
    else:
        dZ = np.zeros_like(dA)
        for j in range(dA.shape[1]):
            dZ[:, j] = sigmoid_backward(dA[:, [j]], Z[:, [j]])
    return linear_backward(dZ, linear_cache)


@bug("linear_activation_backward",
     "db recomputed by hand after linear_backward, as np.sum(dZ, axis=1, keepdims=True) without the 1/m",
     [r"(m|\d+) times", r"(missing|no|without|forgot) (the )?1 ?/ ?m", r"(not )?(divided|averaged) by m",
      r"too large", r"recomput", r"overwr"])
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    dZ = relu_backward(dA, Z) if activation == "relu" else sigmoid_backward(dA, Z)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    db = np.sum(dZ, axis=1, keepdims=True)
    return dA_prev, dW, db


@correct("linear_activation_backward", "a dict of the backward functions, called on (dA, Z)")
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    backward = {"relu": relu_backward, "sigmoid": sigmoid_backward}[activation]
    return linear_backward(backward(dA, Z), linear_cache)


@correct("linear_activation_backward", "everything inline: the slope by np.where, the linear step by einsum")
def linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Z = cache
    if activation == "relu":
        dZ = np.where(Z > 0, dA, 0 * dA)
    elif activation == "sigmoid":
        s = 1 / (1 + np.exp(-Z))
        dZ = dA * s * (1 - s)
    else:
        raise ValueError(activation)
    m = A_prev.shape[1]
    return np.einsum("ji,jk->ik", W, dZ), np.einsum("ik,jk->ij", dZ, A_prev) / m, dZ.sum(axis=1, keepdims=True) / m


# ---- model_backward -------------------------------------------------------------------------


@bug("model_backward",
     "dA[L] written -(Y / AL) + (1 - Y) / 1 - AL: the parentheses around (1 - AL) are missing, so AL is subtracted",
     [r"parenthes", r"bracket", r"precedence", r"(1 - AL|1 - A\[L\]).{0,40}(subtract|minus|denominator)",
      r"(second|other) (term|fraction|denominator)"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(Y / AL) + (1 - Y) / 1 - AL
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in range(L - 1, 0, -1):
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = \
            linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")
    return grads


@bug("model_backward",
     "Coursera's reversed(range(L - 1)) loop with 'db' + str(l) where l + 1 belongs: each hidden db stored one layer "
     "low (db0 appears, db[L-1] missing)",
     [r"db0", r"(keys?|stored|db).{0,40}(shift|one (layer )?(too )?low|lower|off by one)", r"(extra|unexpected) keys?",
      r"(missing|no) .{0,10}db", r"(wrong|other) layer'?s db"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    dA_prev, dW, db = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = dA_prev, dW, db
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)] = dA_prev
        grads["dW" + str(l + 1)] = dW
        grads["db" + str(l)] = db
    return grads


@bug("model_backward",
     "zip(range(L - 1, 0, -1), caches[:-1]): the descending layer numbers paired with the caches in forward order, so "
     "layer L-1 gets layer 1's cache",
     [r"(forward|wrong|reversed|same) order", r"revers", r"(another|other|wrong) layer'?s? (cache|Z)",
      r"layer 1'?s cache", r"caches?.{0,40}(paired|matched|order)", r"\bzip", r"paired"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(Y / AL) + (1 - Y) / (1 - AL)
    grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = linear_activation_backward(dAL, caches[-1], "sigmoid")
    for l, cache in zip(range(L - 1, 0, -1), caches[:-1]):
        grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(grads[f"dA{l}"], cache, "relu")
    return grads


@bug("model_backward",
     "grads['dW..'] and grads['db..'] stored before the call in the hidden loop: each key holds the layer above's "
     "gradient (the previous iteration's dW, db)",
     [r"(layer above|next layer|previous (step|iteration|layer)|layer l\+1)'?s?", r"stale",
      r"(before|until) (it is|the call|being) (computed|called)", r"(one|a) (step|layer) (late|behind|off)",
      r"(another|other|wrong) layer'?s (gradient|dW)", r"(shifted|off by one)"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(Y / AL) + (1 - Y) / (1 - AL)
    dA_prev, dW, db = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = dA_prev, dW, db
    for l in range(L - 1, 0, -1):
        grads["dW" + str(l)] = dW
        grads["db" + str(l)] = db
        dA_prev, dW, db = linear_activation_backward(dA_prev, caches[l - 1], "relu")
        grads["dA" + str(l - 1)] = dA_prev
    return grads


@bug("model_backward",
     "f'dA{l}-1' with the - 1 outside the braces: keys 'dA2-1', 'dA1-1', ... instead of 'dA1', 'dA0'",
     [r"braces", r"f-?string", r"-1'", r"(wrong|unexpected|extra) keys?", r"key names?", r"dA\d-1"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(Y / AL) + (1 - Y) / (1 - AL)
    grads[f"dA{L}-1"], grads[f"dW{L}"], grads[f"db{L}"] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in range(L - 1, 0, -1):
        grads[f"dA{l}-1"], grads[f"dW{l}"], grads[f"db{l}"] = \
            linear_activation_backward(grads[f"dA{l + 1}-1"], caches[l - 1], "relu")
    return grads


@bug("model_backward",
     "L = len(AL) counts AL's rows (1), not the caches: only the output layer's gradients are computed",
     [r"len\(AL\)", r"(rows of|AL'?s) (AL|rows)", r"(number of layers|how many layers) .{0,30}(wrong|1\b|one)",
      r"(only|just) (the )?(output|last) layer", r"(layers? below|lower layers?|earlier layers?|hidden layers?)"
      r".{0,40}(missing|not)", r"(missing|no) .{0,20}(dW1|hidden)"])
def model_backward(AL, Y, caches):
    grads = {}
    L = len(AL)
    Y = Y.reshape(AL.shape)
    dAL = -(Y / AL) + (1 - Y) / (1 - AL)
    current = caches[-1]
    grads["dA" + str(len(caches) - 1)], grads["dW" + str(len(caches))], grads["db" + str(len(caches))] = \
        linear_activation_backward(dAL, current, "sigmoid")
    for l in range(L - 1, 0, -1):
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = \
            linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")
    return grads


@correct("model_backward", "dA[L] as (AL - Y) / (AL (1 - AL)) and a while loop counting down")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dA = (AL - Y) / (AL * (1 - AL))
    l = L
    while l >= 1:
        activation = "sigmoid" if l == L else "relu"
        dA, grads["dW" + str(l)], grads["db" + str(l)] = linear_activation_backward(dA, caches[l - 1], activation)
        grads["dA" + str(l - 1)] = dA
        l -= 1
    return grads


@correct("model_backward", "the shortcut dZ[L] = AL - Y through linear_backward, then enumerate over reversed caches")
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dZ = AL - Y
    grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = linear_backward(dZ, caches[L - 1][0])
    for offset, cache in enumerate(reversed(caches[:-1])):
        l = L - 1 - offset
        grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(grads[f"dA{l}"], cache, "relu")
    return grads


# ---- update_parameters ----------------------------------------------------------------------


@bug("update_parameters",
     "a dict comprehension {k: v ...} copies the dict but not the arrays: the -= that follows changes the caller's "
     "W and b in place",
     IN_PLACE + [r"(same|shared) arrays?", r"(changed|modified|mutated) (the )?(caller'?s )?parameters", r"alias",
                 r"(shallow|not a deep) copy", r"deepcopy"],
     contract="in place")
def update_parameters(parameters, grads, learning_rate):
    updated = {k: v for k, v in parameters.items()}
    for k in updated:
        updated[k] -= learning_rate * grads["d" + k]
    return updated


@bug("update_parameters",
     "grads read in reverse layer order, grads['dW' + str(L - l + 1)]: W1 is stepped with dW[L] and so on",
     [r"(revers|opposite order|backwards)", r"(another|other|wrong) layer'?s (gradient|dW|db)",
      r"dW ?\[?L\]?.{0,40}W ?\[?1", r"(mismatch|paired|pairs?) .{0,30}(layer|gradient)", r"L ?- ?l ?\+ ?1"])
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    updated = {}
    for l in range(1, L + 1):
        back = L - l + 1
        updated["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(back)]
        updated["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(back)]
    return updated


@bug("update_parameters",
     "Coursera's range(L) loop with str(l + 1) on every key but 'db' + str(l): each b stepped with the layer below's "
     "db (KeyError for db0)",
     [r"db0", r"(one|a) (layer|key|number) (lower|down|too low|below)", r"(another|other|wrong) layer'?s (db|gradient)",
      r"(shift|off by one|one (layer )?(too )?low)", r"layer below"])
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    new = {}
    for l in range(L):
        new["W" + str(l + 1)] = parameters["W" + str(l + 1)] - learning_rate * grads["dW" + str(l + 1)]
        new["b" + str(l + 1)] = parameters["b" + str(l + 1)] - learning_rate * grads["db" + str(l)]
    return new


@bug("update_parameters",
     "b stepped by the whole db (b - db), without the learning rate",
     [r"(forgot|missing|without|no) (the )?(learning.?rate|alpha)", r"learning.?rate.{0,30}(missing|not (used|applied))",
      r"(whole|full) (db|gradient|step)", r"(step|b).{0,30}too (large|big)", r"1 ?/ ?(learning.?rate|alpha)"])
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    updated = {}
    for l in range(1, L + 1):
        updated[f"W{l}"] = parameters[f"W{l}"] - learning_rate * grads[f"dW{l}"]
        updated[f"b{l}"] = parameters[f"b{l}"] - grads[f"db{l}"]
    return updated


@correct("update_parameters", "np.copy of every array in a comprehension, then -= on the copies")
def update_parameters(parameters, grads, learning_rate):
    updated = {k: np.copy(v) for k, v in parameters.items()}
    for k in updated:
        updated[k] -= learning_rate * grads["d" + k]
    return updated


@correct("update_parameters", "a nested loop over the layers and the two names, with np.subtract")
def update_parameters(parameters, grads, learning_rate):
    out = {}
    for l in range(1, len(parameters) // 2 + 1):
        for name in ("W", "b"):
            out[f"{name}{l}"] = np.subtract(parameters[f"{name}{l}"], learning_rate * grads[f"d{name}{l}"])
    return out
