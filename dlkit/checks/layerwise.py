"""Composites layer by layer: where model_forward's or model_backward's chain first goes wrong.

The learner's values are compared in the order the chain computes them
(forward: caches[0], A[1], caches[1], ...; backward: dA[L-1], dW[L], db[L],
dA[L-2], ...). The first wrong one is explained: by the value another layer
or key should have (an index mistake), else by a relation with that layer's
own quantities (:mod:`relations`), else by its shape or values. The report
then says which layers are right ("dA2, dW3, db3 are right; dW2 is wrong").
"""
from __future__ import annotations

import numpy as np

from . import compare, otherlayer, relations
from .mistakes import hint_for
from .result import Finding


def backward_chain(caches, grads):
    """[(key, layer quantities)] in the order model_backward computes them, from layer L down to 1."""
    L = len(caches)
    order = []
    for l in range(L, 0, -1):
        (A_prev, W, b), Z = caches[l - 1]
        dA = grads.get(f"dA{l}")
        q = {"A_prev": A_prev, "W": W, "b": b, "Z": Z}
        if dA is not None:
            q["dA"] = dA
        order += [(f"dA{l - 1}", q), (f"dW{l}", q), (f"db{l}", q)]
    return order


def forward_chain(exp_caches):
    """[(path, label, layer quantities)] in the order model_forward computes them, layer 1 to L."""
    order = []
    for l, ((A_prev, W, b), Z) in enumerate(exp_caches, start=1):
        q = {"A_prev": A_prev, "W": W, "b": b, "Z": Z}
        if l < len(exp_caches):
            q["A"] = exp_caches[l][0][0]   # this layer's A, fed to the next: a cached Z holding it was overwritten
        if l > 1:
            q[f"Z[{l - 1}]"] = exp_caches[l - 2][1]   # the previous layer's Z fed on where its A belongs
        order += [((l - 1, 0, 0), f"caches[{l - 1}] linear_cache A_prev (A[{l - 1}])", q),
                  ((l - 1, 0, 1), f"caches[{l - 1}] linear_cache W (W[{l}])", q),
                  ((l - 1, 0, 2), f"caches[{l - 1}] linear_cache b (b[{l}])", q),
                  ((l - 1, 1), f"caches[{l - 1}] Z (Z[{l}])", q)]
    return order


def _get(x, path):
    for i in path:
        if type(x) not in (tuple, list) or len(x) <= i:
            return None
        x = x[i]
    return x


def _same_as_other(got, key, exp):
    """The key of another entry whose expected value ``got`` equals (another layer's), else None."""
    if type(got) is not np.ndarray:
        return None
    for other, value in exp.items():
        if other == key or type(value) is not np.ndarray or value.shape != got.shape:
            continue
        if value.shape == exp[key].shape and compare.close(value, exp[key]):
            continue   # the two should be equal anyway: no index mistake to see
        if compare.close(got, value):
            return other
    return None


def first_wrong(spec, chain, got_of, exp_of, case):
    """(index in chain, key, problem) of the first wrong value of a chain, or None."""
    for index, (key, label) in enumerate(chain):
        got, exp = got_of(key), exp_of(key)
        if exp is None:
            continue
        with compare.tolerance(case.info.get("float32", False)):
            problem = compare.mismatch_any(label, got, exp, case.info.get("m"))
        if problem and case.info.get("hidden"):
            problem = compare.redact(problem)
        if problem:
            return index, key, problem
    return None


def explain_backward(spec, runs):
    """One Finding for a wrong model_backward: the first wrong gradient, with its relation if any."""
    bad = [(case, got, wrong) for case, got, wrong in runs if wrong]
    if not bad:
        return None
    case, got_parts, _ = bad[0]
    exp_parts, _ = spec.split(case.expected, case)
    got = {**got_parts.get("dA", {}), **got_parts.get("dW", {}), **got_parts.get("db", {})}
    exp = {**exp_parts["dA"], **exp_parts["dW"], **exp_parts["db"]}
    chain = backward_chain(case.args[2], exp)
    found = first_wrong(spec, [(k, k) for k, _ in chain], got.get, exp.get, case)
    if found is None:
        return None
    index, key, problem = found
    right = [k for k, _ in chain[:index]]
    where = (f"{', '.join(right)} {'is' if len(right) == 1 else 'are'} right; {key} is the first wrong value"
             if right else f"{key}, the first value computed, is already wrong")
    details = [f"With {case.label}: {where}: {problem}."]
    terms = _dAL_terms_everywhere(spec, bad)
    if terms is not None:   # the output layer is the first wrong one because dA[L] is (diag11)
        return Finding(f"{spec.name}.dAL_terms", hint_for(f"{spec.name}.dAL_terms", words=terms), details)
    other = _same_as_other(got.get(key), key, exp)
    if other is not None and _index_mistake_everywhere(spec, bad, key, other):
        rid, fmt = "other_layer", {"part": key, "other": other}
    else:
        rel = _dz_relation(spec, bad) or relations.explain(key, _first_wrong_everywhere(spec, bad))
        mixed = None if rel is not None and rel[0] not in VAGUE_WHERE else otherlayer.everywhere(
            spec, bad, _backward_target(spec))
        if mixed is not None:   # diag17: the layer's step with another layer's quantity in it
            quantity, text, words = mixed
            return Finding(f"{spec.name}.step_of_other_layer",
                           hint_for(f"{spec.name}.step_of_other_layer", part=key, quantity=quantity, text=text,
                                    words=words), details)
        if rel is None:
            return Finding(f"{spec.name}.{key[:2]}_wrong", f"{where}: {problem}. {spec.equation}", [f"(with {case.label})"],
                           generic=True)
        rid, fmt = rel
    return Finding(f"{spec.name}.{rid}", hint_for(f"{spec.name}.{rid}", **fmt), details)


# relations that say where a value is wrong, not why (Spec.VAGUE_WHERE): an exact other-layer mix goes first
VAGUE_WHERE = ("factor_on_some", "first_column_only", "columns_left_zero")


def _backward_target(spec):
    """(family, layer, the learner's value) of the first wrong gradient of a case, for :mod:`otherlayer`."""
    def target(case, got_parts):
        got, exp = _grads(got_parts), _grads(spec.split(case.expected, case)[0])
        found = first_wrong(spec, [(k, k) for k, _ in backward_chain(case.args[2], exp)], got.get, exp.get, case)
        if found is None or type(got.get(found[1])) is not np.ndarray:
            return None
        key = found[1]
        fam = {"dA": "dA_prev", "dW": "dW", "db": "db"}[key[:2]]
        return fam, int(key[2:]) + (1 if fam == "dA_prev" else 0), got[key]
    return target


def _first_wrong_everywhere(spec, bad):
    """[(case, got, expected, key, layer quantities)] for the first wrong gradient of each wrong case."""
    out = []
    for case, got_parts, _ in bad:
        got, exp = _grads(got_parts), _grads(spec.split(case.expected, case)[0])
        chain = backward_chain(case.args[2], exp)
        found = first_wrong(spec, [(k, k) for k, _ in chain], got.get, exp.get, case)
        if found is None:
            return []
        key = found[1]
        out.append((case, got.get(key), exp[key], key, dict(chain)[key]))
    return out


def _dz_relation(spec, bad):
    """(relation id, fmt) for the dZ[l] the first wrong layer's dA[l-1], dW[l], db[l] all come from
    (recovered from dA[l-1] = W[l]^T dZ[l]), when that layer (counted from the output) is the same on
    every wrong case, else None."""
    from .specs_backward import recovered_dZ

    rows, layers = [], set()
    for case, got_parts, _ in bad:
        AL, Y, caches = case.args
        got, exp = _grads(got_parts), _grads(spec.split(case.expected, case)[0])
        found = first_wrong(spec, [(k, k) for k, _ in backward_chain(caches, exp)], got.get, exp.get, case)
        if found is None:
            return None
        l = int(found[1][2:]) + (1 if found[1].startswith("dA") else 0)
        layers.add(len(caches) - l)   # the same layer counted from the output (depths differ by case)
        (A_prev, W, b), Z = caches[l - 1]
        with compare.tolerance(case.info.get("float32", False)):
            dZ = recovered_dZ({"dA_prev": got.get(f"dA{l - 1}"), "dW": got.get(f"dW{l}"), "db": got.get(f"db{l}")},
                              A_prev, W)
        if dZ is False:
            return None
        if dZ is None:
            continue
        L = len(caches)
        with np.errstate(all="ignore"):
            dA = -(Y / AL) + (1 - Y) / (1 - AL) if l == L else exp[f"dA{l}"]
            A = 1 / (1 + np.exp(-Z)) if l == L else np.maximum(Z, 0)
            dZ_exp = dA * (A * (1 - A) if l == L else (Z > 0))
        rows.append((case, dZ, dZ_exp, f"dZ{l}", {"dA": dA, "Z": Z, "A": A, "A_prev": A_prev}))
    if len(layers) != 1 or len(rows) < 2 or not np.isfinite(np.asarray(rows[0][2], dtype=np.float64)).all():
        return None
    return relations.explain(rows[0][3], rows)


def _dAL_terms_everywhere(spec, bad):
    """Words for the dA[L] the learner's output layer started from, said term by term
    (:func:`chain.dAL_terms`), when on every wrong case layer L is the first wrong layer and the dZ[L]
    its dA[L-1], dW[L], db[L] come from (recovered as in :func:`_dz_relation`) is
    a (-Y (1 - A[L])) + b (1 - Y) A[L], the lecture's two terms times the sigmoid's slope, with one of
    the factors :func:`chain.dAL_terms` names; else None. Works for a loop written inline too."""
    from . import chain
    from .specs_backward import recovered_dZ

    said, pattern = None, None
    for case, got_parts, _ in bad:
        AL, Y, caches = case.args
        L = len(caches)
        got, exp = _grads(got_parts), _grads(spec.split(case.expected, case)[0])
        found = first_wrong(spec, [(k, k) for k, _ in backward_chain(caches, exp)], got.get, exp.get, case)
        if found is None or found[1] not in (f"dA{L - 1}", f"dW{L}", f"db{L}"):
            return None
        (A_prev, W, b), Z = caches[L - 1]
        with compare.tolerance(case.info.get("float32", False)):
            dZ = recovered_dZ({"dA_prev": got.get(f"dA{L - 1}"), "dW": got.get(f"dW{L}"), "db": got.get(f"db{L}")},
                              A_prev, W)
        if dZ is False:
            return None
        if dZ is None:
            continue
        A = AL.astype(np.float64)
        with np.errstate(all="ignore"):
            words = chain.dAL_terms(dZ, -Y * (1 - A), (1 - Y) * A, Y, AL.shape[1])
        if words is None:
            return None
        shape = words.replace(f"m = {AL.shape[1]}", "m")   # the same factors on every case
        if pattern is not None and shape != pattern:
            return None
        pattern, said = shape, said or words
    return None if said is None else f"the dA[L] your output layer's step starts from {said}"


def _grads(parts):
    return {**parts.get("dA", {}), **parts.get("dW", {}), **parts.get("db", {})}


def _offset(key, other):
    """('dA', -1) for key dA2 holding dA1's value: which array, and how many layers off."""
    return (key[:2], other[:2], int(other[2:]) - int(key[2:]))


def _index_mistake_everywhere(spec, bad, key, other):
    """True if on every wrong case the first wrong gradient holds another key's value, the same number of layers off."""
    want = _offset(key, other)
    for case, got_parts, _ in bad:
        got, exp = _grads(got_parts), _grads(spec.split(case.expected, case)[0])
        found = first_wrong(spec, [(k, k) for k, _ in backward_chain(case.args[2], exp)], got.get, exp.get, case)
        if found is None:
            return False
        k = found[1]
        o = _same_as_other(got.get(k), k, exp)
        if o is None or _offset(k, o) != want:
            return False
    return True


def explain_forward(spec, runs):
    """One Finding for wrong model_forward caches: the first wrong cached value, with its relation if any."""
    bad = [(case, got, wrong) for case, got, wrong in runs if wrong.get("caches")]
    if not bad:
        return None
    case, got_parts, _ = bad[0]
    exp_caches = spec.split(case.expected, case)[0]["caches"]
    got_caches = got_parts.get("caches")
    if type(got_caches) not in (tuple, list) or len(got_caches) != len(exp_caches):
        return None
    chain = forward_chain(exp_caches)
    found = first_wrong(spec, [(p, lab) for p, lab, _ in chain], lambda p: _get(got_caches, p),
                        lambda p: _get(exp_caches, p), case)
    if found is None:
        return None
    index, path, problem = found
    label, q = chain[index][1], chain[index][2]
    layer = path[0] + 1
    where = (f"layers 1..{layer - 1} are right; layer {layer} is the first that goes wrong" if layer > 1
             else "layer 1 already goes wrong")
    details = [f"With {case.label}: {where}: {problem}."]
    # the value another layer's cache holds: an index mistake
    got_value = _get(got_caches, path)
    for other_index, (other_path, other_label, _) in enumerate(chain):
        if other_path[1:] == path[1:] and other_path != path:
            target = _get(exp_caches, other_path)
            if type(got_value) is np.ndarray and type(target) is np.ndarray and got_value.shape == target.shape \
                    and compare.close(got_value, target) and not compare.close(target, _get(exp_caches, path)):
                return Finding(f"{spec.name}.other_layer",
                               hint_for(f"{spec.name}.other_layer", part=label, other=other_label), details)
    rel = relations.explain(label, [(case, got_value, _get(exp_caches, path), label, q)])
    vague = rel is not None and rel[0] in VAGUE_WHERE   # says where it is wrong, not why: an exact mix says more
    if (rel is None or vague) and path[1:] in ((1,), (0, 0)) and (path[1:] == (1,) or layer > 1):
        # diag17: Z[l] (or the A[l-1] cached for layer l) computed with another layer's quantity in it
        mixed = otherlayer.everywhere(spec, bad, _forward_target(spec, path))
        if mixed is not None:
            quantity, text, words = mixed
            return Finding(f"{spec.name}.step_of_other_layer",
                           hint_for(f"{spec.name}.step_of_other_layer", part=label, quantity=quantity, text=text,
                                    words=words), details)
    if rel is None:
        return None
    rid, fmt = rel
    return Finding(f"{spec.name}.{rid}", hint_for(f"{spec.name}.{rid}", **fmt), details)


def _forward_target(spec, path):
    """(family, layer, the learner's value) at ``path`` of each case's caches: Z[l], or A[l-1] cached for layer l."""
    def target(case, got_parts):
        got = _get(got_parts.get("caches"), path)
        if type(got) is not np.ndarray:
            return None
        layer = path[0] + 1
        return ("Z", layer, got) if path[1:] == (1,) else ("A", layer - 1, got)
    return target


__all__ = ["explain_backward", "explain_forward", "backward_chain", "forward_chain"]
