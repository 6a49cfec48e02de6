"""A composite's wrong value that is the lecture's step with a quantity of ANOTHER layer in it.

At the first wrong line of model_forward / model_backward (:mod:`firstwrong`) the value judged is
meant to be a quantity of layer l (Z[l], A[l], dZ[l], dW[l], db[l], dA[l-1]). When nothing of layer l
explains it, the lecture's step for that quantity (``STEPS``) is computed again with one of its
inputs taken from another layer l' (Z[l'] in the mask, W[l'], A[l'-1], dA[l'], b[l']), or with all
of its cache inputs from another layer's cache at once; when exactly one of these gives the
learner's value (np.allclose, same shape), it is said, with the learner's own name that holds the
other layer's value at that line and the line that set it, when there is one.

Shapes: every quantity is a 2-D array of its layer's shape; numpy's broadcasting applies, as in
the learner's line (a (1, m) mask of layer 2 times layer 1's (n[1], m) dA[1] is (n[1], m)).
"""
from __future__ import annotations

import numpy as np

CACHE = ("A_prev", "W", "b", "Z")


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _slope(g, z):
    if g == "relu":
        return (z > 0).astype(np.float64)
    s = _sigmoid(z)
    return s * (1 - s)


def _g(g, z):
    return np.maximum(z, 0) if g == "relu" else _sigmoid(z)


# family -> (the inputs of its lecture step, the step, how the lecture writes it (labels filled in))
STEPS = {
    "Z": (("W", "A_prev", "b"), lambda q, g, m: q["W"] @ q["A_prev"] + q["b"], "{W} {A_prev} + {b}"),
    "A": (("Z",), lambda q, g, m: _g(g, q["Z"]), "{g}({Z})"),
    "slope": (("Z",), lambda q, g, m: _slope(g, q["Z"]), "{g}'({Z})"),
    "dZ": (("dA", "Z"), lambda q, g, m: q["dA"] * _slope(g, q["Z"]), "{dA} * {slope}"),
    "dW": (("dZ", "A_prev"), lambda q, g, m: q["dZ"] @ q["A_prev"].T / m, "1/m {dZ} {A_prev}.T"),
    "db": (("dZ",), lambda q, g, m: np.sum(q["dZ"], axis=1, keepdims=True) / m,
           "1/m sum({dZ}, axis=1, keepdims=True)"),
    "dA_prev": (("W", "dZ"), lambda q, g, m: q["W"].T @ q["dZ"], "{W}.T {dZ}"),
}


def _by_layer(layers) -> dict:
    out = {}
    for layer, flat in layers:
        if layer is None:
            continue
        merged = out.setdefault(layer, {})
        for k, v in flat.items():
            merged.setdefault(k, v)
    return out


def _same(a, b) -> bool:
    return (type(a) is np.ndarray and type(b) is np.ndarray and a.shape == b.shape
            and bool(np.allclose(a.astype(np.float64), b.astype(np.float64), rtol=1e-5, atol=1e-8)))


def _options(fam, layer, layers_of, label):
    """[(what is taken from where: [(input family, layer l', label)], {input -> value})] for the step of
    ``fam`` at ``layer``: one input from another layer, or all its cache inputs from one other layer."""
    inputs, _, _ = STEPS[fam]
    own = layers_of[layer]
    out, seen = [], set()
    for f in inputs:
        for other, flat in sorted(layers_of.items()):
            if other == layer:
                continue
            for src in ((f, "A") if f == "A_prev" else (f,)):   # A[l'] is A_prev of layer l'+1
                v = flat.get(src)
                if type(v) is not np.ndarray or _same(v, own.get(f)):
                    continue
                lab = label(src, other)
                if (f, lab) in seen:
                    continue
                seen.add((f, lab))
                out.append(([(f, other, lab)], {f: v}))
    cached = [f for f in inputs if f in CACHE]
    if len(cached) >= 2:
        for other, flat in sorted(layers_of.items()):
            if other != layer and all(type(flat.get(f)) is np.ndarray for f in cached):
                out.append(([(f, other, label(f, other)) for f in cached], {f: flat[f] for f in cached}))
    return out


def explain(fam, layer, value, layers, activation, label, m=None):
    """(the lecture expression the value is, the words saying which layer's quantity is where,
    [(input family, other layer, its label)], {input family -> the other layer's value}) or None. ``label(family, layer)`` writes a quantity as
    the lecture does (Z[2], A[0]); ``activation(layer)`` is 'relu' / 'sigmoid' / None."""
    if fam not in STEPS or type(value) is not np.ndarray or value.ndim != 2 or value.size < 2:
        return None
    v = value.astype(np.float64)
    if not np.all(np.isfinite(v)) or np.ptp(v) == 0:
        return None    # a constant (all zeros) value is matched by too many mixes
    layers_of = _by_layer(layers)
    inputs, step, form = STEPS[fam]
    if layer not in layers_of or sum(1 for f in layers_of.values() if any(i in f for i in inputs)) < 2:
        return None    # one layer only: there is no other layer to mix in
    own = layers_of[layer]
    if any(type(own.get(f)) is not np.ndarray for f in inputs):
        return None
    g = activation(layer)
    if g is None and fam in ("A", "slope", "dZ"):
        return None
    if m is None:
        m = own.get("m")
    if fam in ("dW", "db") and not m:
        return None
    hits = []
    for taken, values in _options(fam, layer, layers_of, label):
        q = {f: own[f] for f in inputs}
        q.update(values)
        try:
            with np.errstate(all="ignore"):
                got = step(q, g, m)
        except (ValueError, TypeError):
            continue    # the shapes do not fit: not what the learner's line computed
        if type(got) is np.ndarray and got.shape == v.shape and np.allclose(got, v, rtol=1e-5, atol=1e-8):
            hits.append((taken, values))
    if len(hits) != 1:
        return None     # none, or several mixes that give the same numbers: nothing is claimed
    taken, values = hits[0]
    names = {f: label(f, layer) for f in inputs}
    for f, other, lab in taken:
        names[f] = lab
    z = names.get("Z", "")
    names["slope"] = (f"({z} > 0)" if g == "relu" else f"g'({z})") if "Z" in names else ""
    names["g"] = {"relu": "ReLU", "sigmoid": "sigmoid"}.get(g, "g")
    text = form.format(**names)
    return text, _words(taken, layer, label, g, fam), taken, values


def search(fam, layer, value, layers, activation, label, m=None):
    """:func:`explain` for the layer the value was judged against, then for the other layers whose
    quantity has its shape (a value meant for layer l-1's step), with dA[l] also tried as the
    dA[l-1] = W[l].T dZ[l] of layer l + 1: (family, layer, what explain gives) or None."""
    shape = np.shape(value)
    layers_of = _by_layer(layers)
    targets = [(fam, layer)]
    targets += [(fam, l) for l, flat in sorted(layers_of.items())
                if l != layer and np.shape(flat.get(fam)) == shape]
    if fam == "dA":    # the learner's dA is also the step dA[l-1] = W[l].T dZ[l] of the layer above
        targets += [("dA_prev", l) for l, flat in sorted(layers_of.items()) if np.shape(flat.get("dA_prev")) == shape]
    for f, l in targets:
        found = explain(f, l, value, layers, activation, label, m=m)
        if found is not None:
            return f, l, found
    return None


def everywhere(spec, bad, target):
    """(text, words) when on every wrong case the first wrong value of a composite's output is its
    lecture step with the same quantity taken from the same number of layers away (no tracer needed:
    the grader's path too), else None. ``target(case, got_parts)`` gives (family, layer, value) or None."""
    from .firstwrong import _label

    said, pattern = None, None
    for case, got_parts, _ in bad:
        found = target(case, got_parts)
        if found is None:
            return None
        fam, layer, value = found
        layers = spec.lecture_quantities(case)
        L = next((f["L"] for _, f in layers if type(f.get("L")) is int), None)
        if L is None:
            return None
        with np.errstate(all="ignore"):
            hit = search(fam, layer, value, layers, lambda l: "sigmoid" if l == L else "relu", _label)
        if hit is None:
            return None
        fam2, layer2, (text, words, taken, _) = hit
        shape = (fam2, layer2 - layer, L - layer, tuple((f, other - layer2) for f, other, _ in taken))
        if pattern is not None and shape != pattern:
            return None
        pattern, said = shape, said or (_label(fam2, layer2), text, words)
    return said


def _words(taken, layer, label, g, fam):
    if len(taken) > 1:
        other = taken[0][1]
        parts = ", ".join(lab for _, _, lab in taken)
        return (f"it is computed from the cache of layer {other} ({parts}) where layer {layer}'s "
                f"({', '.join(label(f, layer) for f, _, _ in taken)}) belongs")
    f, other, lab = taken[0]
    mine = label(f, layer)
    if f == "Z" and fam in ("dZ", "slope"):
        if g == "relu":
            return f"the mask ({lab} > 0) of layer {other} where layer {layer}'s ({mine} > 0) belongs"
        return f"the slope g'({lab}) of layer {other} where layer {layer}'s g'({mine}) belongs"
    if f == "A_prev":
        return f"{lab}, the input of layer {_layer_of(lab, other) + 1}, where layer {layer}'s input {mine} belongs"
    return f"{lab}, layer {_layer_of(lab, other)}'s, where layer {layer}'s {mine} belongs"


def _layer_of(lab, other):
    """The layer a label such as A[0] belongs to (A[l'-1] is the input of layer l', the output of l'-1)."""
    try:
        return int(lab.split("[", 1)[1].split("]", 1)[0])
    except (IndexError, ValueError):
        return other


__all__ = ["explain", "search", "everywhere", "STEPS"]
