"""Initial parameters W[l] (n[l], n[l-1]) and b[l] (n[l], 1) for layers 1..L."""
from __future__ import annotations

import numpy as np

from . import _validate as v

SCHEMES = ("course", "he", "xavier", "small")


def initialize_parameters(layer_dims, seed=1, scheme="course", dtype=np.float64):
    """Random W[l] of shape (n[l], n[l-1]) and zero b[l] of shape (n[l], 1), for l = 1..L.

    ``layer_dims = [n[0], n[1], ..., n[L]]`` (n[0] = n_x, the input size).
    The biases start at zero; the weights must be random so that the units
    of a layer do not all compute the same thing (symmetry breaking), and
    small so that Z[l] stays in the range where g has a useful slope:

    * ``"course"``: randn(n[l], n[l-1]) / sqrt(n[l-1]), drawn from numpy's
      legacy generator seeded with ``seed``, layer by layer, W before b,
      exactly as ``np.random.seed(seed)`` followed by ``np.random.randn``
      would (without touching numpy's global generator), so the course's
      published costs are reproduced.
    * ``"he"``: randn * sqrt(2 / n[l-1]) (suits ReLU).
    * ``"xavier"``: randn * sqrt(1 / n[l-1]) (suits tanh), from numpy's new generator.
    * ``"small"``: 0.01 * randn.

    Returns a dict ``{"W1": ..., "b1": ..., ..., "WL": ..., "bL": ...}``.
    """
    func = "initialize_parameters"
    dims = v.layer_sizes(func, layer_dims)
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise TypeError(f"{func}: seed must be a non-negative integer, got {v.describe(seed)}")
    if not 0 <= seed < 2**32:
        raise ValueError(f"{func}: seed must be between 0 and 2**32 - 1 (numpy's seed range), got {seed}")
    if not isinstance(scheme, str) or scheme not in SCHEMES:
        raise ValueError(f"{func}: unknown scheme {scheme!r}; choose one of {list(SCHEMES)}")
    try:
        float_type = np.dtype(dtype)
    except TypeError:
        float_type = None  # not a dtype at all, e.g. "foo"
    if float_type not in (np.float32, np.float64):
        raise TypeError(f"{func}: dtype must be np.float32 or np.float64, got {dtype!r}")
    dtype = float_type
    sizes = sum(dims[l] * (dims[l - 1] + 1) for l in range(1, len(dims)))  # W[l] and b[l], in Python ints
    v.fits_in_memory(func, f"layer_dims {dims} make W[l] and b[l]", sizes * dtype.itemsize, dtype)

    if scheme == "course":
        randn = np.random.RandomState(seed).randn
    else:
        rng = np.random.default_rng(seed)
        randn = lambda *shape: rng.standard_normal(shape)  # noqa: E731

    def weights(n, n_prev):
        if scheme == "course":
            # Divide (not multiply by 1/sqrt): the course writes "/ np.sqrt(...)",
            # and only the same operation gives bit-for-bit the same weights.
            return randn(n, n_prev) / np.sqrt(n_prev)
        factor = {"he": np.sqrt(2 / n_prev), "xavier": np.sqrt(1 / n_prev), "small": 0.01}[scheme]
        return randn(n, n_prev) * factor

    parameters = {}
    for l in range(1, len(dims)):
        W = weights(dims[l], dims[l - 1])
        parameters[f"W{l}"] = W.astype(dtype, copy=False)
        parameters[f"b{l}"] = np.zeros((dims[l], 1), dtype=dtype)
    return parameters
