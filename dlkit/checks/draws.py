"""initialize_parameters' W[l] read against the seeded stream of draws (values2, issue 12).

The lecture's W[l] is rng.randn(n[l], n[l-1]) / sqrt(n[l-1]) with ONE rng = RandomState(seed), the layers
drawn in order: W[l]'s numbers are the stream's draws d[o_l : o_l + n[l] n[l-1]], o_l = sum of the
earlier W's sizes, laid out row by row. A learner's W[l] with the right scale but other numbers is
often the same stream read another way; :func:`reading` finds, per layer, where in the stream the
learner's numbers start and in which order they are laid out, and says how that differs:

* laid out column by column (W[:, j] = rng.randn(n[l]): the transposed order);
* starting later by the sizes of the b's (b drawn from the generator too, even when multiplied by 0);
* starting at draw 0 in every layer (the generator made again for each layer);
* starting later by another count (extra draws between the layers).

Only a reading that reproduces every W[l] of the case exactly is said.
"""
from __future__ import annotations

import numpy as np

__all__ = ["reading"]


def _find(raw, stream):
    """[(offset, order)] where ``raw`` (n, p) is the stream's numbers laid out in C or F order."""
    out = []
    size = raw.size
    for order in ("C", "F"):
        flat = raw.ravel(order=order)
        if order == "F" and raw.shape[0] > 1 and raw.shape[1] > 1 or order == "C":
            starts = np.nonzero(np.abs(stream[: len(stream) - size + 1] - flat[0]) <= 1e-9 * max(1, abs(flat[0])))[0]
            for o in starts:
                if np.allclose(stream[o:o + size], flat, rtol=1e-7, atol=1e-10):
                    out.append((int(o), order))
    return out


def reading(dims, seed, params):
    """A sentence saying how the learner's W1..WL (``params``) read the seeded stream otherwise, or None."""
    L = len(dims) - 1
    Ws = [params.get(f"W{l}") for l in range(1, L + 1)]
    if L < 1 or any(type(W) is not np.ndarray or W.shape != (dims[l], dims[l - 1]) for l, W in zip(range(1, L + 1), Ws)):
        return None
    sizes = [dims[l] * dims[l - 1] for l in range(1, L + 1)]
    bsizes = [dims[l] for l in range(1, L + 1)]
    try:
        stream = np.random.RandomState(seed).randn(sum(sizes) + sum(bsizes) + 8)
    except (TypeError, ValueError):
        return None
    found = []
    for l, W in zip(range(1, L + 1), Ws):
        raw = W.astype(np.float64) * np.sqrt(dims[l - 1])
        hits = _find(raw, stream)
        if len(hits) != 1:
            return None
        found.append(hits[0])
    right = [sum(sizes[:i]) for i in range(L)]
    offsets = [o for o, _ in found]
    orders = [order for _, order in found]
    if offsets == right and orders == ["C"] * L:
        return None     # the lecture's reading (a wrong W is then the scale's or another part's)
    said = []
    if "F" in orders:
        which = [f"W{l}" for l, order in zip(range(1, L + 1), orders) if order == "F"]
        said.append(f"{' and '.join(which)} hold{'s' if len(which) == 1 else ''} the right draws laid out column "
                    f"by column (as W[:, j] = rng.randn(n[l]) fills them), where rng.randn(n[l], n[l-1]) lays "
                    f"them out row by row: the same numbers in the transposed order")
    if offsets != right:
        after_b = [sum(sizes[:i]) + sum(bsizes[:i]) for i in range(L)]
        before_b = [sum(sizes[:i]) + sum(bsizes[:i + 1]) for i in range(L)]
        if offsets == after_b:
            said.append("each W[l] starts later in the stream by the sizes of the b's before it: b[l] is drawn "
                        "from the same generator after W[l] (rng.randn(n[l], 1), even multiplied by 0), and "
                        "each such draw advances the stream, so every later W gets other numbers")
        elif offsets == before_b:
            said.append("each W[l] starts later in the stream by the sizes of the b's up to its own: b[l] is "
                        "drawn from the same generator before W[l], and each such draw advances the stream")
        elif L > 1 and all(o == 0 for o in offsets):
            said.append("every W[l] starts at the stream's first draw: the generator is made again from the seed "
                        "for each layer, where one generator made once gives W1, W2, ... one after another")
        else:
            l, o, r = next((l, o, r) for l, o, r in zip(range(1, L + 1), offsets, right) if o != r)
            if o < r:
                return None if not said else "; ".join(said)
            where = "the stream's first draws" if l == 1 else "right after the earlier W's"
            said.append(f"W{l} starts at draw {o} of the stream where its numbers start at draw {r} ({where}): "
                        f"{o - r} extra draws come before it")
    return "; ".join(said) if said else None
