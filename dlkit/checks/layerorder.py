"""The order in which a forward composite ran its layers, read from its calls (issue 12, diagF).

model_forward is run once more on one case with its blocks' calls noted (``call.calls``, as
chain.py does); each layer call's W is matched with parameters' W[l], which gives the layers in
the order the calls ran them. The lecture runs l = 1, 2, ..., L, each layer on the output of the one
before. When that sequence is another one, it is said as a whole, in plain words, before the
per-layer findings (which say where the first difference shows, not why):

* every layer once, in another order: the hidden layers reversed (``reversed(range(1, L))``, a
  countdown), or some other order;
* W[1] never used (layer 1 skipped), with the layer that comes twice: an index one ahead of the layer
  each call runs (the index raised before the call instead of after it).

Run only on a failing report of a composite that calls linear_activation_forward, on the case that
crashed and then the first wrong public case (a call that crashes is not noted: the layers before it are); nothing is said when the calls cannot be read. Id
``model_forward.layer_order`` (mistakes.CATALOG, diagF block).
"""
from __future__ import annotations

import numpy as np

from . import chain


def _layers(log, parameters, L):
    steps, _ = chain.forward_steps(log)
    if not steps or any(s.get("open") for s in steps):
        return None
    Ws = {k: parameters.get(f"W{k}") for k in range(1, L + 1)}
    seq = [chain._which(s["W"], Ws, prefer=i + 1) for i, s in enumerate(steps)]
    return None if None in seq else seq


def _words(seq, L, crashed):
    order = ", ".join(str(k) for k in seq)
    want = list(range(1, L + 1))
    if sorted(seq) == want and seq != want:
        hidden = seq[:L - 1]
        if L > 2 and hidden == list(range(L - 1, 0, -1)):
            return (f"Your calls run the layers in the order {order} (by the W[l] each call is given): the hidden "
                    f"layers 1..{L - 1} run in reverse order, last to first, so layer {L - 1} is applied to X "
                    f"and layer 1 to the output of layer 2")
        return f"Your calls run the layers in the order {order} (by the W[l] each call is given), not 1..{L}"
    if seq and 1 not in seq and seq[0] == 2:
        twice = sorted({k for k in seq if seq.count(k) > 1})
        more = (f", and layer {chain._layers_list(twice)} runs twice" if twice else "")
        ran = (f"the calls before the one that raised ran layer{'s' if len(seq) > 1 else ''} {chain._layers_list(seq)}"
               if crashed else f"your calls run the layers {order}")
        return (f"W[1] is never used: the first layer call is given W[2], so layer 1, the first layer, is skipped "
                f"({ran}{more}): the layer index is one ahead of the layer each "
                f"call should run")
    return None


SAID = (".loop_range", ".chain_call")   # the loop's range or the call log said already (chain.py, loopflow)


def explain(spec, call, runs, crashes, findings=()):
    """A Finding ``model_forward.layer_order`` for a forward composite whose calls run the layers in
    another order than 1..L (see the module docstring), or None."""
    calls = getattr(call, "calls", None)
    if calls is None or spec.name != "model_forward" or any(f.id.endswith(SAID) for f in findings):
        return None
    cases = [crashes[0][1]] if crashes else []   # the case that crashed, else (or then) the first wrong public one
    cases += [c for c, _, wrong in runs if wrong and not c.info.get("hidden")][:1]
    for case in cases:
        if type(case.args[1]) is not dict:
            continue
        parameters = case.args[1]
        L = len(parameters) // 2
        got = calls(spec.name, case.args, chain.FORWARD_BLOCKS, partial=True)
        if got is None:
            continue
        output, log = got
        with np.errstate(all="ignore"):
            seq = _layers(log or [], parameters, L)
        words = _words(seq, L, output is None and bool(crashes) and case is crashes[0][1]) if seq is not None else None
        if words is not None:
            return spec._finding("model_forward.layer_order", [f"With {case.label}."], words=words)
    return None
