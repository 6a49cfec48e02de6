"""What kind of container the learner returned, said against the one the lecture returns (r14fam).

The generic comparison says only *that* the output differs ("Your function returned a dict with keys
[...]", "parameters has the wrong keys: ..."); this module says *how* its container differs, from the
returned value alone, for any exercise:

* a dict where a tuple belongs: ``return {'dA_prev': dA_prev, 'dW': dW, 'db': db}`` for
  ``return dA_prev, dW, db`` (:func:`returned`, beside the ``returns_wrong_structure`` finding);
* a dict of per-layer containers where one flat dict of arrays belongs: ``parameters[l] = {'W': W, 'b': b}``,
  ``grads[l] = linear_activation_backward(...)`` (a tuple per layer under the integer key l) (:func:`layout`);
* a list (or tuple) of per-layer dicts where one dict belongs (:func:`layout`);
* every key the lecture's dict needs, and keys beyond them: ``grads['dA' + str(L)] = dAL`` (:func:`layout`).

Every claim is read off the returned value (its type, its keys, its values' types); nothing is said
about how the learner built it.
"""
from __future__ import annotations

import numpy as np

from .mistakes import hint_for
from .result import Finding


def _names(items):
    return ", ".join(str(x) for x in items)


def returned(spec, found, out, case):
    """The ``returns_wrong_structure`` finding with the dict-for-tuple mistake said, when the function
    returned a dict and the lecture's output is a tuple (of ``spec.parts`` when they name its items)."""
    if not found.id.endswith(".returns_wrong_structure") or type(out) is not dict:
        return found
    expected = case.expected
    if type(expected) not in (tuple, list) or len(expected) < 2:
        return found
    parts = list(spec.parts) if len(spec.parts) == len(expected) else None
    items = _names(parts) if parts else f"its {len(expected)} items"
    keyed = " (one key for each of them)" if parts and set(map(str, out)) == set(parts) else ""
    # the id stays returns_wrong_structure (the mistake is that one); only the words say which container
    hint = hint_for(f"{spec.name}.returns_dict_for_tuple", n=len(expected), items=items, keyed=keyed)
    return Finding(found.id, f"{found.hint} {hint}", found.details, found.generic)


def _layer_key(k):
    return type(k) in (int, np.integer) or (type(k) is str and k.isdigit())


def _kind(v):
    return {dict: "dict", tuple: "tuple", list: "list"}.get(type(v))


def _said(name, out, expected):
    """(id suffix, fmt) for the container mistake of ``out`` against the dict ``expected``, or None."""
    if not expected or not all(type(k) is str for k in expected):
        return None
    if type(out) in (list, tuple) and out and all(type(v) is dict for v in out):
        return "list_of_dicts", dict(name=name, kind=type(out).__name__, n=len(out))
    if type(out) is not dict or not out:
        return None
    nested = [k for k in out if _layer_key(k) and _kind(out[k])]
    if nested:
        kinds = sorted({_kind(out[k]) for k in nested})
        return "nested_per_layer", dict(name=name, keys=_names(sorted(nested, key=str)[:4]), kind=" or ".join(kinds),
                                        sample=", ".join(repr(k) for k in list(expected)[:2]))
    extra = [k for k in out if k not in expected]
    if extra and all(k in out for k in expected):
        n = len(extra)
        return "extra_keys", dict(name=name, keys=_names(sorted(map(str, extra))[:4]),
                                  count="one key" if n == 1 else f"{n} keys")
    return None


def layout(spec, raw, label=None):
    """Findings for a dict output whose container differs from the lecture's (see the module docstring),
    one per kind of mistake, said on the first case that shows it. ``raw``: (case, out) pairs."""
    name = label or getattr(spec, "dict_label", None) or _label(spec)
    seen, found = set(), []
    for case, out in raw:
        if type(case.expected) is not dict:
            continue
        said = _said(name, out, case.expected)
        if said is None or said[0] in seen:
            continue
        seen.add(said[0])
        rid = f"{spec.name}.{said[0]}"
        found.append(Finding(rid, hint_for(rid, **said[1])))
    return found


def _label(spec):
    parts = list(getattr(spec, "parts", ()) or ())
    return {"model_backward": "grads", "update_parameters": "parameters",
            "initialize_parameters": "parameters"}.get(spec.name, parts[0] if len(parts) == 1 else "the result")


__all__ = ["returned", "layout"]
