"""Input checks shared by every public function of dlkit's core.

Each check raises ``TypeError`` (wrong kind of object) or ``ValueError``
(right kind, wrong shape or value) with a message that names the function,
the argument, what it got and what it needs, in the lecture's notation, so a
learner never meets a bare numpy broadcasting error.

Scanning every value for NaN/inf costs a full pass over the data. Composite
functions (``model_forward``, ``train``) scan their inputs once and then run
the per-layer blocks inside :func:`values_trusted`, which skips the rescans
but keeps every (cheap) shape check.
"""
from __future__ import annotations

import math
import numbers
import os

import numpy as np

_trust_depth = 0  # > 0 while a composite function has already scanned values
_FLOATS = (np.dtype(np.float32), np.dtype(np.float64))


class _ValuesTrusted:
    # A plain class rather than @contextlib.contextmanager: train() enters it
    # ten times per iteration, and entering and leaving a generator-based one
    # costs 0.74 microseconds against 0.16 (timeit, this machine).
    def __enter__(self):
        global _trust_depth
        _trust_depth += 1

    def __exit__(self, *exc_info):
        global _trust_depth
        _trust_depth -= 1
        return False


_VALUES_TRUSTED = _ValuesTrusted()


def values_trusted():
    """Skip the O(size) value scans (NaN/inf, labels 0/1, probabilities in [0, 1])
    inside a block whose inputs were checked; shape checks still run.

    Use as ``with values_trusted(): ...``; nesting is allowed.
    """
    return _VALUES_TRUSTED


def describe(x) -> str:
    """A short description of ``x`` for an error message."""
    if isinstance(x, np.ndarray):
        return f"an array of shape {x.shape} and dtype {x.dtype}"
    return f"{type(x).__name__} {x!r}"[:80]


def matrix(func: str, name: str, x, need: str) -> np.ndarray:
    """Return ``x`` as a 2-D float array, or raise a clear error.

    ``need`` is the shape in the lecture's notation, e.g. ``"(n[l-1], m)"``.
    Lists are accepted; integer and boolean arrays become float64; float32
    stays float32.
    """
    # Fast path for what the blocks hand each other in a training loop (it
    # runs ~100 times per iteration): already a 2-D float array with entries.
    if type(x) is np.ndarray and x.ndim == 2 and x.size and x.dtype in _FLOATS:
        if _trust_depth or np.isfinite(x).all():
            return x
    if isinstance(x, (str, bytes, dict)) or x is None:
        raise TypeError(f"{func}: {name} must be a 2-D numpy array of shape {need}, got {describe(x)}")
    try:
        # np.asarray also turns subclasses (np.matrix, masked arrays) into plain
        # arrays: for np.matrix, `*` would be a matrix product, not element-wise.
        arr = np.asarray(x)
    except (ValueError, TypeError):  # e.g. rows of different lengths
        raise TypeError(f"{func}: {name} must be a 2-D array of shape {need}, got {describe(x)}") from None
    if arr.dtype.kind not in "fiub":
        raise TypeError(f"{func}: {name} must hold numbers, got {describe(arr)}; {name} must be {need}")
    if arr.ndim != 2:
        hint = ""
        if arr.ndim == 1:
            hint = f" (a 1-D array of {arr.shape[0]} values: use .reshape(-1, 1) for a column)"
        raise ValueError(f"{func}: {name} must be 2-D with shape {need}, got shape {arr.shape}{hint}")
    if 0 in arr.shape:
        raise ValueError(f"{func}: {name} has shape {arr.shape} with no entries; {name} must be {need} with every size at least 1")
    if arr.dtype not in _FLOATS:  # integers, booleans, float16, longdouble
        arr = arr.astype(np.float64)
    if _trust_depth == 0 and not np.isfinite(arr).all():
        bad = int(arr.size - np.isfinite(arr).sum())
        raise ValueError(f"{func}: {name} has {bad} NaN or infinite value(s); every entry of {name} must be finite")
    return arr


def column(func: str, name: str, b, rows: int, rows_name: str) -> np.ndarray:
    """Check a bias vector: it must be a column of shape (rows, 1)."""
    if isinstance(b, np.ndarray) and b.ndim == 1:
        raise ValueError(
            f"{func}: {name} has shape {b.shape} but must be a column of shape ({rows}, 1); "
            f"b[l] is (n[l], 1) so that it broadcasts across the m columns (use {name}.reshape(-1, 1))"
        )
    b = matrix(func, name, b, f"({rows_name}, 1)")
    if b.shape != (rows, 1):
        raise ValueError(f"{func}: {name} has shape {b.shape} but must be ({rows}, 1): b[l] is ({rows_name}, 1)")
    return b


def same_shape(func: str, name: str, x: np.ndarray, other_name: str, other: np.ndarray) -> None:
    if x.shape != other.shape:
        raise ValueError(
            f"{func}: {name} has shape {x.shape} but {other_name} has shape {other.shape}; they must match"
        )


def labels(func: str, Y, m: int | None = None, name: str = "Y") -> np.ndarray:
    """Check labels: shape (1, m), every entry 0 or 1."""
    Y = matrix(func, name, Y, "(1, m)")
    if Y.shape[0] != 1:
        raise ValueError(f"{func}: {name} has shape {Y.shape} but must be (1, m): one row of 0/1 labels")
    if m is not None and Y.shape[1] != m:
        raise ValueError(f"{func}: {name} has {Y.shape[1]} columns but the predictions have m = {m}; they must match")
    if _trust_depth:
        return Y
    ok = (Y == 0) | (Y == 1)
    if not ok.all():
        bad = Y[~ok].ravel()[:3]
        raise ValueError(f"{func}: {name} must hold only 0 and 1 labels, got values such as {bad.tolist()}")
    return Y


def probabilities(func: str, AL) -> np.ndarray:
    """Check AL: shape (1, m), every entry in [0, 1] (a sigmoid may round to 0 or 1)."""
    AL = matrix(func, "AL", AL, "(1, m)")
    if AL.shape[0] != 1:
        raise ValueError(f"{func}: AL has shape {AL.shape} but must be (1, m): one probability per example")
    if not _trust_depth and ((AL < 0) | (AL > 1)).any():
        bad = AL[(AL < 0) | (AL > 1)].ravel()[:3]
        raise ValueError(
            f"{func}: AL must hold probabilities in (0, 1) (the output of a sigmoid), got values such as {bad.tolist()}"
        )
    return AL


def positive_number(func: str, name: str, x, *, integer: bool = False, allow_zero: bool = False):
    """Check a number (a Python or numpy scalar, or a 0-d array such as np.array(0.1)); return it as a scalar."""
    if isinstance(x, np.ndarray) and x.ndim == 0:
        x = x[()]  # the numpy scalar inside a 0-d array
    kind = numbers.Integral if integer else numbers.Real
    if isinstance(x, bool) or not isinstance(x, kind):
        need = "an integer" if integer else "a number"
        raise TypeError(f"{func}: {name} must be {need}, got {describe(x)}")
    try:
        finite = math.isfinite(x)  # not np.isfinite: it refuses Python ints beyond 64 bits such as 10**30
    except OverflowError:  # an int too large for a float
        finite = False
    if not finite or x < 0 or (x == 0 and not allow_zero):
        need = "zero or more" if allow_zero else "greater than zero"
        raise ValueError(f"{func}: {name} must be finite and {need}, got {x!r}")
    return x


def layer_count(func: str, parameters) -> int:
    """Check a parameters dict holds exactly W1..WL and b1..bL with matching shapes; return L."""
    if not isinstance(parameters, dict):
        raise TypeError(f"{func}: parameters must be a dict with keys W1..WL and b1..bL, got {describe(parameters)}")
    L = len(parameters) // 2
    names = [(f"W{l}", f"b{l}") for l in range(1, L + 1)]
    if L == 0 or len(parameters) % 2 or not all(w in parameters and b in parameters for w, b in names):
        L = sum(1 for k in parameters if isinstance(k, str) and k.startswith("W"))
        expected = {f"W{l}" for l in range(1, L + 1)} | {f"b{l}" for l in range(1, L + 1)}
        keys = set(parameters)
        missing = sorted(expected - keys, key=str)
        extra = sorted(map(str, keys - expected))
        parts = []
        if missing:
            parts.append(f"missing {missing}")
        if extra:
            parts.append(f"unexpected {extra}")
        detail = "; ".join(parts) or "no layers"
        raise ValueError(
            f"{func}: parameters must hold W1..WL and b1..bL for layers 1..L, {detail} (got keys {sorted(map(str, keys))})"
        )
    prev = None
    for l, (w, b) in enumerate(names, start=1):
        W = matrix(func, f"parameters['{w}']", parameters[w], f"(n[{l}], n[{l - 1}])")
        column(func, f"parameters['{b}']", parameters[b], W.shape[0], f"n[{l}]")
        if prev is not None and W.shape[1] != prev:
            raise ValueError(
                f"{func}: parameters['W{l}'] has shape {W.shape} but W{l - 1} has {prev} rows; "
                f"W[{l}] must be (n[{l}], n[{l - 1}]) = ({W.shape[0]}, {prev})"
            )
        prev = W.shape[0]
    return L


def finite_caches(func: str, caches) -> None:
    """Check model_forward's caches: L tuples ((A[l-1], W[l], b[l]), Z[l]) of finite 2-D arrays.

    Shapes are checked by the backward blocks; this pass is the value scan,
    skipped inside values_trusted() (train() made these caches itself).
    """
    if not isinstance(caches, (list, tuple)) or len(caches) == 0:
        raise TypeError(f"{func}: caches must be the non-empty list returned by model_forward, got {describe(caches)}")
    for l, cache in enumerate(caches, start=1):
        if not (isinstance(cache, tuple) and len(cache) == 2 and isinstance(cache[0], tuple) and len(cache[0]) == 3):
            raise TypeError(
                f"{func}: caches[{l - 1}] (layer {l}) must be the tuple ((A_prev, W, b), Z) kept by "
                f"linear_activation_forward, got {describe(cache)}"
            )
        if _trust_depth:
            continue
        (A_prev, W, b), Z = cache
        for x, name, need in ((A_prev, f"A[{l - 1}]", f"(n[{l - 1}], m)"), (W, f"W[{l}]", f"(n[{l}], n[{l - 1}])"),
                              (b, f"b[{l}]", f"(n[{l}], 1)"), (Z, f"Z[{l}]", f"(n[{l}], m)")):
            matrix(func, f"{name} in caches[{l - 1}]", x, need)


def same_layers(func: str, grads: dict, L: int) -> None:
    """Refuse gradients of layers beyond L (grads from a deeper network than parameters)."""
    # Two dict look-ups and a len(): update_parameters runs this every iteration of train().
    if f"dW{L + 1}" not in grads and f"db{L + 1}" not in grads and len(grads) <= 3 * L:
        return
    extra = []
    for key in grads:
        if isinstance(key, str) and key[:2] in ("dW", "db", "dA") and key[2:].isdigit():
            layer = int(key[2:]) + (key[:2] == "dA")  # dA{l-1} belongs to layer l
            if layer > L:
                extra.append(key)
    if extra:
        raise ValueError(
            f"{func}: grads has {sorted(extra)} but parameters has L = {L} layers; "
            f"grads must come from model_backward on the same network"
        )


def physical_memory() -> int | None:
    """This machine's memory in bytes, or None where the OS does not say (not POSIX)."""
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        return None


def fits_in_memory(func: str, what: str, nbytes: int, dtype) -> None:
    """Refuse, before allocating, arrays larger than the machine's memory (numpy would raise a bare MemoryError)."""
    total = physical_memory()
    if total is not None and nbytes > total:
        raise ValueError(
            f"{func}: {what} of {nbytes / 2**30:.1f} GiB ({np.dtype(dtype).name}), "
            f"more than the {total / 2**30:.1f} GiB of memory this machine has; use smaller layers"
        )


def layer_sizes(func: str, layer_dims) -> list:
    """Check ``layer_dims = [n[0], n[1], ..., n[L]]``: an ordered sequence of at least 2 positive integers."""
    if isinstance(layer_dims, (str, bytes)) or not hasattr(layer_dims, "__len__") or (
        isinstance(layer_dims, np.ndarray) and layer_dims.ndim != 1
    ):
        raise TypeError(f"{func}: layer_dims must be a list of layer sizes [n[0], ..., n[L]], got {describe(layer_dims)}")
    if isinstance(layer_dims, (set, frozenset, dict)):  # iterating one gives the sizes in no set order
        raise TypeError(
            f"{func}: layer_dims must be a list of layer sizes [n[0], ..., n[L]] in order, got {describe(layer_dims)}: "
            f"a {type(layer_dims).__name__} has no order; use a list"
        )
    dims = list(layer_dims)
    if len(dims) < 2:
        raise ValueError(f"{func}: layer_dims must list at least n[0] and n[1], got {dims!r}")
    for l, n in enumerate(dims):
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
            raise ValueError(f"{func}: layer_dims[{l}] = n[{l}] must be a positive integer, got {n!r}")
    return dims
