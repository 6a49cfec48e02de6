"""Comparing a learner's output with the expected one: type, then shape, then values.

Tolerances are relative to the scale of the expected array, loose enough for
another BLAS, another numpy version or a learner who computes in float32, and
tight enough that every known mistake (a factor m, a sign, a transpose, a
missing term) is far outside them on the checkpoint's cases.
"""
from __future__ import annotations

import contextlib
import contextvars

import re

import numpy as np

from .plain import fmt, kind

RTOL = 1e-6      # relative, entry by entry
ATOL = 1e-7      # absolute, times the largest |entry| of the expected array
# A case given in float32 keeps only ~7 digits, and a gradient that is a small
# difference of large terms (dZ[L] = A[L] - Y against dA[L] * s (1 - s)) loses
# more: such cases are compared with this looser pair.
RTOL_32, ATOL_32 = 2e-3, 2e-3
_tolerance = contextvars.ContextVar("tolerance", default=(RTOL, ATOL))


@contextlib.contextmanager
def tolerance(float32: bool):
    """Compare with the float32 tolerances inside the block when ``float32`` is true."""
    token = _tolerance.set((RTOL_32, ATOL_32) if float32 else (RTOL, ATOL))
    try:
        yield
    finally:
        _tolerance.reset(token)


def is_array(x) -> bool:
    return type(x) is np.ndarray and x.dtype.kind in "fiub"


def is_number(x) -> bool:
    return type(x) in (int, float) or (is_array(x) and x.shape == ())


def close(got, exp) -> bool:
    """True if ``got`` (plain) matches the expected array or number ``exp`` within tolerance."""
    if is_number(exp) and not is_array(exp):
        if not is_number(got):
            return False
        rtol, _ = _tolerance.get()
        g, e = float(np.asarray(got, dtype=np.float64)), float(exp)
        return bool(np.isfinite(g)) and abs(g - e) <= rtol * abs(e) + 1e-9
    if not is_array(got) or got.shape != exp.shape:
        return False
    g = got.astype(np.float64, copy=False)
    e = exp.astype(np.float64, copy=False)
    if not e.size:
        return True
    rtol, atol = _tolerance.get()
    abs_e = np.abs(e)
    scale = float(abs_e.max())
    if not np.isfinite(scale):
        # the scale of the finite entries: an inf (a mutant's overflow) must not make every value "close"
        finite = abs_e[np.isfinite(abs_e)]
        scale = float(finite.max()) if finite.size else 0.0
    with np.errstate(invalid="ignore"):
        # np.allclose's test |g - e| <= atol + rtol |e|, written out (allclose's overhead dominates small arrays)
        ok = np.abs(g - e) <= atol * scale + 1e-12 + rtol * abs_e
    if ok.all():
        return True
    if np.isfinite(g).all() and np.isfinite(e).all():
        return False
    return bool(np.array_equal(g, e, equal_nan=True))


def shape_text(shape) -> str:
    return str(tuple(int(s) for s in shape))


def factor(got, exp):
    """The constant k with got = k * exp, if there is one (and k != 1), else None."""
    g = np.asarray(got, dtype=np.float64).ravel()
    e = np.asarray(exp, dtype=np.float64).ravel()
    if g.shape != e.shape or not np.isfinite(g).all() or np.count_nonzero(e) < 2:
        return None
    k = float(g @ e / (e @ e))
    if abs(k) < 1e-12 or abs(k - 1) < 1e-6:
        return None
    return k if close(g, k * e) else None


def factor_text(k: float, m=None) -> str:
    """Say what a constant factor means, in the learner's terms."""
    names = {-1.0: "the sign is flipped (every entry has the opposite sign)"}
    if m:
        names.update({
            float(m): f"every entry is m = {m} times too large (a 1/m is missing?)",
            1.0 / m: f"every entry is m = {m} times too small (a 1/m too many?)",
            -float(m): f"every entry is -m = -{m} times the expected one (a minus sign and a 1/m are missing?)",
            -1.0 / m: "every entry is -1/m times the expected one (a minus sign is missing, 1/m too many?)",
        })
    for value, text in names.items():
        if abs(k - value) <= 1e-4 * abs(value):
            return text
    return f"every entry is {fmt(k)} times the expected one" if abs(k - 1) > 0.25 else None


def mismatch(label: str, got, exp, m=None):
    """None if ``got`` matches ``exp``; otherwise one sentence saying what differs and where."""
    if close(got, exp):
        return None
    if is_number(exp) and not is_array(exp):
        if not is_number(got):
            return f"{label} should be a number, got {kind(got)}"
        g = float(np.asarray(got, dtype=np.float64))
        text = f"{label} should be {fmt(exp)}, got {fmt(g)}"
        k = factor(g, exp)
        said = factor_text(k, m) if k is not None else None
        return text + (f": {said}" if said else "")
    if not is_array(got):
        return f"{label} should be an array of shape {shape_text(exp.shape)}, got {kind(got)}"
    if got.shape != exp.shape:
        hint = ""
        if got.shape == exp.shape[::-1]:
            hint = " (the transpose of what it should be)"
        elif got.ndim == 1 and got.shape[0] == exp.shape[0] and exp.ndim == 2 and exp.shape[1] == 1:
            hint = " (a 1-D array: the column lost its second dimension)"
        return f"{label} has shape {shape_text(got.shape)} but should be {shape_text(exp.shape)}{hint}"
    g = got.astype(np.float64)
    if not np.isfinite(g).all():
        bad = int(g.size - np.isfinite(g).sum())
        return f"{label} has {bad} NaN or infinite value(s) (a division by zero or a log of 0?)"
    e = exp.astype(np.float64)
    scale = float(np.max(np.abs(e))) if e.size else 0.0
    rtol, atol = _tolerance.get()
    wrong = ~np.isclose(g, e, rtol=rtol, atol=atol * scale + 1e-12)
    where = tuple(int(i) for i in np.argwhere(wrong)[0])
    text = (f"{label} has the right shape {shape_text(exp.shape)} but {int(wrong.sum())} of {e.size} "
            f"values differ; at {list(where)} expected {fmt(e[where])}, got {fmt(g[where])}")
    k = factor(g, e)
    said = factor_text(k, m) if k is not None else None
    if said is None and scale > 0:
        off = float(np.max(np.abs(g - e))) / scale
        # a rounding, a finite difference, a wide clip: say how close, not only "differ" (every entry
        # within 2 % of itself: a value moved from 0, a leak, a step not taken are not "close")
        if off < CLOSE and np.all(np.abs(g - e) <= 0.02 * np.abs(e) + 1e-3 * scale):
            said = f"close to the right values but not equal (off by at most {off * 100:.2g} % of the largest entry)"
    return text + (f": {said}" if said else "")


CLOSE = 0.01     # "close": every entry within 1 % of the largest |expected entry|


_NUMBER = r"[-+]?(?:\d[\d.]*(?:e[-+]?\d+)?|nan|inf)"


# the inputs that are values rather than sizes or choices: a hidden case shows its shapes, its layer_dims,
# its activation and its iteration count, never these (a seed or a learning rate is a value)
_HIDDEN_INPUTS = r"seed|learning_rate"


def redact(text: str) -> str:
    """A mismatch sentence without its numbers ('at [0, 2] expected 0.88, got 1.76' -> 'at [0, 2]'), for a
    hidden case: the grader's feedback names its shapes and where it differs, never its values."""
    text = re.sub(rf" expected {_NUMBER}, got {_NUMBER}", "", text)
    text = re.sub(r"RandomState\(\d+\)", "RandomState(seed)", text)
    return re.sub(rf"should be {_NUMBER}, got {_NUMBER}", "is not the expected number", text)


def redact_label(label: str) -> str:
    """A hidden case's description without its input values ('layer_dims = [5, 3, 1], seed = 915' ->
    'layer_dims = [5, 3, 1], seed hidden'): what the grader may show of a case the learner never sees."""
    return re.sub(rf"\b({_HIDDEN_INPUTS}) = {_NUMBER}", r"\1 hidden", label)


def mismatch_any(label: str, got, exp, m=None):
    """Like :func:`mismatch`, for nested tuples/lists/dicts too (a list is accepted for a tuple)."""
    if type(exp) in (tuple, list):
        if type(got) not in (tuple, list):
            return f"{label} should be a tuple of {len(exp)} items, got {kind(got)}"
        if len(got) != len(exp):
            return f"{label} should hold {len(exp)} items, got {len(got)}"
        for i, (g, e) in enumerate(zip(got, exp)):
            problem = mismatch_any(f"{label}[{i}]", g, e, m)
            if problem:
                return problem
        return None
    if type(exp) is dict:
        if type(got) is not dict:
            return f"{label} should be a dict with keys {sorted(exp)}, got {kind(got)}"
        missing = [k for k in exp if k not in got]
        extra = sorted(str(k) for k in got if k not in exp)
        if missing or extra:
            parts = ([f"missing {missing}"] if missing else []) + ([f"unexpected {extra}"] if extra else [])
            return f"{label} has the wrong keys: {'; '.join(parts)}"
        for k in exp:
            problem = mismatch_any(k if type(k) is str else f"{label}[{k!r}]", got[k], exp[k], m)
            if problem:
                return problem
        return None
    return mismatch(label, got, exp, m)


def clipped(got, exp):
    """(lo, hi) when ``got`` is ``exp`` clipped to [lo, hi] (np.clip, np.maximum/np.minimum with a bound,
    an eps kept away from 0 and 1): equal wherever ``exp`` is inside the bounds, at the bound wherever it
    is outside, and outside on at least one entry; else None. Float64 only: a float32 case's own
    rounding near 0 and 1 is not a clip."""
    if not (is_array(got) and is_array(exp)) or got.shape != exp.shape or not exp.size \
            or exp.dtype != np.float64:
        return None
    g, e = got.astype(np.float64), exp.astype(np.float64)
    if not (np.isfinite(g).all() and np.isfinite(e).all()):
        return None
    lo, hi = float(g.min()), float(g.max())
    if lo >= hi:
        return None
    outside = (e < lo) | (e > hi)
    if not outside.any() or not np.array_equal(g, np.clip(e, lo, hi)) and \
            not np.allclose(g, np.clip(e, lo, hi), rtol=1e-12, atol=1e-15):
        return None
    lo_, hi_ = (lo if (e < lo).any() else None), (hi if (e > hi).any() else None)
    # an eps kept away from 0 or 1 (a bound within 0.01 of either), with entries inside it left as they
    # are: a value that merely sits on a floor (sigmoid of a ReLU's output, >= 0.5) is not a clip
    near = [abs(x) <= 0.01 or abs(1 - x) <= 0.01 for x in (lo_, hi_) if x is not None]
    if not all(near) or int(np.count_nonzero((g > lo) & (g < hi))) < 2:
        return None
    return lo_, hi_


def bounds_words(lo, hi, Z=None) -> dict:
    """{'bounds', 'where'} for :func:`clipped`'s bounds: '[1e-05, 1 - 1e-05]', and which entries moved
    ('where |Z| is large' when the case's Z says so)."""
    def num(x):
        return f"{x:.3g}"
    if lo is not None and hi is not None and abs(lo + hi - 1) < 1e-12 and lo < 0.5:
        bounds = f"[{num(lo)}, 1 - {num(lo)}]"
    elif lo is not None and hi is not None:
        bounds = f"[{num(lo)}, {num(hi)}]"
    else:
        bounds = f"at least {num(lo)}" if lo is not None else f"at most {num(hi)}"
    where = "where the right value lies outside the bounds"
    if Z is not None and type(Z) is np.ndarray and Z.size and np.abs(Z).max() > 5:
        where = "where |Z| is large (the right value is within the bound of 0 or 1 there)"
    return {"bounds": bounds, "where": where}
