"""What a composite passed to a helper, compared with what belongs there (W2c).

A composite (L_layer_model's loop, model_forward's and model_backward's layer calls) calls the
lecture's blocks; each argument of each call has one value that belongs there (the loop's own
argument, what the call before returned). When the learner's value is not that one, it is
often a simple function of it:

* a number: its negative, a multiple (2, 1/2, 10, 1/10, m, 1/m);
* a list: reversed, rotated by one place, one item short at either end;
* an array: its negative, a multiple, its transpose;
* a number that changes between iterations where the argument is one constant: a schedule
  (learning_rate / (1 + i), / sqrt(1 + i), * c^i, (1 - k i), ...) read off the values given.

:func:`relate` says which, in plain words; :func:`schedule` reads a changing number;
:func:`loop_failed_call` explains a crash inside one of L_layer_model's helpers (dlkit's own
input check refusing what it was given) by the argument the learner passed, in terms of the
learner's own arguments and the results of the calls before it. Nothing is claimed when no
relation holds.
"""
from __future__ import annotations

import numpy as np


def _num(v) -> bool:
    return type(v) in (int, float) and not isinstance(v, bool) or (type(v) is np.ndarray and v.ndim == 0)


def _close(a, b) -> bool:
    if type(a) in (tuple, list) and type(b) in (tuple, list):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b))
    if type(a) is dict and type(b) is dict:
        return set(a) == set(b) and all(_close(a[k], b[k]) for k in a)
    try:
        x, y = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    except (TypeError, ValueError):
        return type(a) is type(b) and a == b
    if x.shape != y.shape:
        return False
    with np.errstate(all="ignore"):
        return bool(np.allclose(x, y, rtol=1e-7, atol=1e-12, equal_nan=True))


def _factors(m=None):
    out = [(-1.0, "the negative of"), (2.0, "twice"), (0.5, "half of"), (10.0, "10 times"), (0.1, "a tenth of")]
    if m and m > 2:
        out += [(float(m), f"m = {m} times"), (1.0 / m, f"1/m (m = {m}) times")]
    return out


def relate(got, want, what, m=None):
    """(kind, words) for ``got`` as a simple function of ``want`` (named ``what`` in the words), or None:
    kind is 'negative', 'multiple', 'reversed', 'rotated', 'short', 'transposed'."""
    if _close(got, want):
        return None
    if type(got) in (tuple, list) and type(want) in (tuple, list) and len(want) >= 2:
        n = len(want)
        if len(got) == n and _close(list(got), list(want)[::-1]):
            return "reversed", f"{what} in reverse order (its last item first, what [::-1] gives)"
        if len(got) == n and _close(list(got), list(want)[1:] + list(want)[:1]):
            return "rotated", f"{what} rotated by one place (its first item moved to the end)"
        if len(got) == n and _close(list(got), list(want)[-1:] + list(want)[:-1]):
            return "rotated", f"{what} rotated by one place (its last item moved to the front)"
        if len(got) == n - 1 and _close(list(got), list(want)[:-1]):
            return "short", f"{what} without its last item (one item short)"
        if len(got) == n - 1 and _close(list(got), list(want)[1:]):
            return "short", f"{what} without its first item (one item short)"
        return None
    if _num(got) and _num(want) and float(want) != 0:
        g, w = float(got), float(want)
        for c, how in _factors(m):
            if abs(g - c * w) <= 1e-9 * max(1.0, abs(c * w)):
                return ("negative" if c == -1.0 else "multiple"), f"{how} {what}"
        return None
    if type(got) is np.ndarray and type(want) is np.ndarray and want.size > 1 and np.any(want != 0):
        if got.shape == want.shape:
            for c, how in _factors(m):
                if _close(got, c * want):
                    return ("negative" if c == -1.0 else "multiple"), f"{how} {what}"
        if want.ndim == 2 and got.shape == want.shape[::-1] and _close(got, want.T):
            return "transposed", f"the transpose of {what}"
    return None


# ---- a number that changes from one iteration to the next, where one constant belongs ----------

def _fit(ratios, make):
    return all(abs(r - make(i)) <= 1e-7 * max(1.0, abs(make(i))) for i, r in enumerate(ratios))


def schedule(rates, lr):
    """Words for the rates given on iterations i = 0, 1, ... as a function of i and the constant
    ``lr`` that belongs there (learning_rate / (1 + i), ...), or None when none of these fits."""
    if len(rates) < 3 or not _num(lr) or float(lr) == 0 or not all(_num(r) for r in rates):
        return None
    lr = float(lr)
    r = [float(x) / lr for x in rates]
    if all(abs(x - 1) < 1e-9 for x in r):
        return None
    found = None
    for start in (0, 1):   # the loop counter i, or i + 1
        if r[0] == 0:
            break
        s = "i" if start == 0 else "(i + 1)"
        table = [
            (lambda i, s0=start: 1 / (1 + i + s0), f"learning_rate / (1 + {s})"),
            (lambda i, s0=start: 1 / np.sqrt(1 + i + s0), f"learning_rate / sqrt(1 + {s})"),
            (lambda i, s0=start: 1 / (1 + i + s0) ** 2, f"learning_rate / (1 + {s})^2"),
            (lambda i, s0=start: (1 + i + s0), f"learning_rate * (1 + {s})"),
        ]
        for make, expr in table:
            if start == 1 and abs(r[0] - 1) < 1e-9:
                continue
            if _fit(r, make):
                found = expr
                break
        if found:
            break
    if found is None and abs(r[0] - 1) < 1e-9 and r[1] != 0:
        k = 1 / r[1] - 1   # learning_rate / (1 + k i)
        if k > 0 and _fit(r, lambda i: 1 / (1 + k * i)):
            found = f"learning_rate / (1 + {k:.4g} i)"
        c = r[1]            # learning_rate * c^i
        if found is None and 0 < c and _fit(r, lambda i: c ** i):
            found = f"learning_rate * {c:.4g}^i"
        a = 1 - r[1]        # learning_rate * (1 - a i)
        if found is None and _fit(r, lambda i: 1 - a * i):
            found = f"learning_rate * (1 - {a:.4g} i)"
    if found is None:
        return None
    shown = ", ".join(f"{x:.4g}" for x in rates[:3]) + (", ..." if len(rates) > 3 else "")
    grows = r[-1] > r[0]
    return (f"the learning rate given to the update is {found} on iteration i = 0, 1, 2, ... ({shown}): it "
            f"{'grows' if grows else 'decays'} from one iteration to the next, a learning-rate schedule the "
            f"notebook does not ask for; gradient descent here takes the same learning rate, the learning_rate "
            f"argument itself, on every iteration")


# ---- a crash inside one of L_layer_model's helpers, said by the argument given ----------------

_LOOP_ARGS = {   # callee -> [(argument, what belongs: a key of the loop's state, its lecture words)]
    "initialize_parameters": [("layer_dims", "layer_dims", "the layer_dims argument"),
                              ("seed", "seed", "the seed argument")],
    "model_forward": [("X", "X", "the X argument"), ("parameters", "parameters", "the current parameters")],
    "compute_cost": [("AL", "AL", "the A[L] model_forward returned"), ("Y", "Y", "the Y argument")],
    "model_backward": [("AL", "AL", "the A[L] model_forward returned"), ("Y", "Y", "the Y argument"),
                       ("caches", "caches", "the caches model_forward returned")],
    "update_parameters": [("parameters", "parameters", "the current parameters"),
                          ("grads", "grads", "the grads model_backward returned"),
                          ("learning_rate", "learning_rate", "the learning_rate argument")],
}

_WHY = {   # (callee, argument, kind) -> what the helper already does with it
    ("update_parameters", "learning_rate", "negative"):
        "update_parameters already subtracts, W[l] := W[l] - alpha dW[l], so the minus sign of gradient descent "
        "is in it; a negative learning rate would step up the gradient (ascent), and dlkit's update_parameters "
        "refuses it; pass learning_rate itself",
    ("model_backward", "caches", "reversed"):
        "model_backward already walks the caches from layer L down to layer 1 (layer l's call takes caches[l-1], "
        "the output layer's is the last one), so the reversed list hands every layer another layer's cache; pass "
        "caches exactly as model_forward returned it",
    ("model_backward", "caches", "short"):
        "model_backward takes one cache per layer, L of them with the output layer's last, and reads L from "
        "len(caches): a list one short is read as a network of L-1 layers; pass caches exactly as model_forward "
        "returned it",
}


def loop_failed_call(args, log, failed, m=None):
    """(id suffix, words) for L_layer_model's helper call that raised (``failed`` = (name, {argument:
    value}), ``log`` the calls before it) when one argument it was given is a simple function of what
    belongs there (:func:`relate`); None otherwise."""
    if failed is None or failed[0] not in _LOOP_ARGS or len(args) != 6:
        return None
    X, Y, dims, lr, n, seed = args
    state = {"X": X, "Y": Y, "layer_dims": dims, "learning_rate": lr, "seed": seed}
    for name, _, result in log:   # what the calls before gave: the values the next calls take
        if name in ("initialize_parameters", "update_parameters"):
            state["parameters"] = result
        elif name == "model_forward" and type(result) in (tuple, list) and len(result) == 2:
            state["AL"], state["caches"] = result
        elif name == "model_backward":
            state["grads"] = result
    callee, given = failed
    for arg, key, words in _LOOP_ARGS[callee]:
        if arg not in given or key not in state:
            continue
        got, want = given[arg], state[key]
        if _close(got, want):
            continue
        shown = f" = {float(got):g}" if _num(got) else ""
        wanted = f" ({float(want):g})" if _num(want) else ""
        rel = relate(got, want, words + wanted, m=m)
        if rel is None:
            continue
        kind, how = rel
        why = _WHY.get((callee, arg, kind), f"pass {words} as it is")
        return "helper_argument", (f"Your loop gives {callee} {arg}{shown}: {how}, where {words} belongs as "
                                   f"it is; dlkit's {callee} raised on it: {why}")
    return None


__all__ = ["relate", "schedule", "loop_failed_call"]
