"""Gradient checking: compare analytic gradients with centred differences.

numerical d f / d x_i ~= (f(x + h e_i) - f(x - h e_i)) / (2 h), error O(h^2).
"""
from __future__ import annotations

import numpy as np

from . import _validate as v
from .losses import compute_cost
from .model import model_backward, model_forward


def _numbers(func, name, x):
    """``x`` as a float64 array of any shape, or a TypeError naming the argument."""
    try:
        return np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError):
        raise TypeError(f"{func}: {name} must be an array of numbers, got {v.describe(x)}") from None


def rel_error(x, y):
    """max |x - y| / max(1e-8, |x| + |y|), element-wise (cs231n's definition)."""
    x = _numbers("rel_error", "x", x)
    y = _numbers("rel_error", "y", y)
    if x.shape != y.shape:
        raise ValueError(f"rel_error: x has shape {x.shape} but y has shape {y.shape}; they must match")
    if x.size == 0:
        return 0.0
    return float(np.max(np.abs(x - y) / np.maximum(1e-8, np.abs(x) + np.abs(y))))


def gradient_difference(grad, grad_approx):
    """||grad - grad_approx|| / (||grad|| + ||grad_approx||), the course's gradient-check measure.

    Both arrays (any shape, the same one) are compared as whole vectors with
    the 2-norm, so entries that are almost zero do not dominate the way they
    can in :func:`rel_error`'s entry-by-entry maximum. Below 1e-7 is great,
    around 1e-5 deserves a look, 1e-3 or more is almost surely a bug.
    """
    a = _numbers("gradient_difference", "grad", grad)
    b = _numbers("gradient_difference", "grad_approx", grad_approx)
    if a.shape != b.shape:
        raise ValueError(
            f"gradient_difference: grad has shape {a.shape} but grad_approx has shape {b.shape}; they must match"
        )
    denominator = np.linalg.norm(a) + np.linalg.norm(b)
    if denominator == 0:
        return 0.0  # both exactly zero: they agree
    return float(np.linalg.norm(a - b) / denominator)


def numerical_gradient(f, x, h=1e-5):
    """d f / d x by centred differences, for a scalar function f of the array x.

    ``x`` is nudged in place, one entry at a time, and restored exactly.
    Returns an array of x's shape.
    """
    if not callable(f):
        raise TypeError(f"numerical_gradient: f must be a function of x, got {v.describe(f)}")
    if not isinstance(x, np.ndarray) or x.dtype.kind != "f":
        raise TypeError(f"numerical_gradient: x must be a float numpy array, got {v.describe(x)}")
    v.positive_number("numerical_gradient", "h", h)
    grad = np.zeros_like(x, dtype=np.float64)
    it = np.nditer(x, flags=["multi_index", "zerosize_ok"], op_flags=["readwrite"])  # no entries: an empty gradient
    for _ in it:
        i = it.multi_index
        old = x[i]
        x[i] = old + h
        f_plus = float(f(x))
        x[i] = old - h
        f_minus = float(f(x))
        x[i] = old
        grad[i] = (f_plus - f_minus) / (2 * h)
    return grad


def numerical_gradient_array(f, x, df, h=1e-5):
    """Numerical gradient of sum(f(x) * df) with respect to x.

    For a block out = f(x) with upstream gradient df (out's shape) this is
    what its backward must return for x.
    """
    if not callable(f):
        raise TypeError(f"numerical_gradient_array: f must be a block such as relu, a function of x, got {v.describe(f)}")
    df = _numbers("numerical_gradient_array", "df", df)

    def weighted_sum(x_):
        out = _numbers("numerical_gradient_array", "f(x)", f(x_))
        if out.shape != df.shape:
            raise ValueError(
                f"numerical_gradient_array: df has shape {df.shape} but f(x) has shape {out.shape}; "
                f"df is the upstream gradient and must have f(x)'s shape"
            )
        return np.sum(out * df)

    return numerical_gradient(weighted_sum, x, h)


def gradient_check(parameters, X, Y, hidden_activation="relu", h=1e-5):
    """Check model_backward against numerical gradients of compute_cost.

    ``parameters`` holds W[l] (n[l], n[l-1]) and b[l] (n[l], 1) for l = 1..L;
    X is (n[0], m) and Y is (1, m). For each entry theta of each W[l], b[l]:
    dtheta_approx = (J(theta + h) - J(theta - h)) / (2 h), compared with dW[l], db[l].

    Returns ``{"max_rel_error": float, "worst": "dW2", "errors": {"dW1": ..., ...},
    "difference": float}``: each error is rel_error between the analytic and
    numerical gradient of one parameter, "worst" the parameter with the largest,
    and "difference" the course's gradient_difference over all parameters
    stacked into one vector. Meant for small networks: it runs 2 forward
    passes per parameter entry. h = 1e-5 balances the O(h^2) truncation error
    against float64 rounding in J, which grows like 1e-16 / h.
    """
    v.layer_count("gradient_check", parameters)
    # float64 copies: the check nudges them in place, and float32 has too few
    # digits for a centred difference with a small h.
    parameters = {k: np.array(p, dtype=np.float64) for k, p in parameters.items()}
    AL, caches = model_forward(X, parameters, hidden_activation)
    grads = model_backward(AL, Y, caches, hidden_activation)

    def cost(_):
        return compute_cost(model_forward(X, parameters, hidden_activation)[0], Y)

    errors = {}
    analytic, numerical = [], []
    for key in sorted(parameters, key=lambda k: (int(k[1:]), k[0])):
        numeric = numerical_gradient(cost, parameters[key], h)
        errors[f"d{key}"] = rel_error(grads[f"d{key}"], numeric)
        analytic.append(np.ravel(grads[f"d{key}"]))
        numerical.append(numeric.ravel())
    worst = max(errors, key=errors.get)
    difference = gradient_difference(np.concatenate(analytic), np.concatenate(numerical))
    return {"max_rel_error": errors[worst], "worst": worst, "errors": errors, "difference": difference}
