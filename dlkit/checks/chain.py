"""model_forward / model_backward judged by the blocks they called, and with what.

``KernelCall.calls`` runs the learner's composite once more with its blocks
(linear_activation_forward, linear_forward, relu, sigmoid; linear_activation_backward,
linear_backward, relu_backward, sigmoid_backward) wrapped by global name, and notes each
call: its arguments by the lecture's names and its result. The calls are grouped into
layer steps (a linear_forward and the relu / sigmoid of its Z are one step; so are a
relu_backward / sigmoid_backward and the linear_backward of its dZ), each step's layer
read from the W (forward) or the cache (backward) it was given. The steps are then held
against the lecture's loop:

* forward, l = 1..L: A[l-1] (X for l = 1, else the A the step before returned), W[l], b[l],
  ReLU for l < L and sigmoid for l = L; caches[l-1] is step l's cache, AL the last step's A;
* backward, l = L..1: dA[L] = -(Y/A[L]) + (1-Y)/(1-A[L]) first (or dZ[L] = A[L] - Y given to
  linear_backward), then the dA[l] the step before returned, cache[l-1], sigmoid for l = L
  and ReLU below; grads['dA{l-1}'], grads['dW{l}'], grads['db{l}'] hold step l's results.

The first difference is said in the lecture's words: a layer skipped or run twice, another
layer's W / b / cache given, A or dA not chained from the step before (X fed again, dA[L]
reused, another layer's result), the activation of layer l, dA[L] not the lecture's, the
loop stopping early, a result stored under another key or lost, AL another step's A, a
cache missing from caches. Each is a fact of this one run; nothing is said when the
composite does not call the blocks (an inline version) or the log cannot be read.
"""
from __future__ import annotations

import numpy as np

# a judgement: (id suffix, words, refutes) -- refutes: True (or a tuple of further id suffixes it
# contradicts by name) when every call was the lecture's and the difference is in what the function
# kept or returned, so a mutant's claim about the calls is false; False otherwise
FORWARD_BLOCKS = ("linear_activation_forward", "linear_forward", "relu", "sigmoid")
BACKWARD_BLOCKS = ("linear_activation_backward", "linear_backward", "relu_backward", "sigmoid_backward")


def _close(a, b) -> bool:
    if type(a) is not np.ndarray or type(b) is not np.ndarray or a.shape != b.shape:
        return False
    if a.dtype.kind not in "fiub" or b.dtype.kind not in "fiub":
        return False
    a, b = a.astype(np.float64), b.astype(np.float64)
    with np.errstate(all="ignore"):
        return bool(np.allclose(a, b, rtol=1e-6, atol=1e-12, equal_nan=True))


def _same(a, b) -> bool:
    """Plain values equal: arrays close, tuples / lists item by item."""
    if type(a) is np.ndarray or type(b) is np.ndarray:
        return _close(a, b)
    if type(a) in (tuple, list) and type(b) in (tuple, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def _pair(r, n):
    return tuple(r) if type(r) in (tuple, list) and len(r) == n else (None,) * n


def _which(value, candidates: dict, prefer=None):
    """The key of ``candidates`` whose value equals ``value`` (``prefer`` when it does too), else None."""
    if prefer in candidates and _close(value, candidates[prefer]):
        return prefer
    for k, v in candidates.items():
        if _close(value, v):
            return k
    return None


def _layers_list(ls) -> str:
    ls = list(ls)
    return ", ".join(str(x) for x in ls[:-1]) + (" and " if len(ls) > 1 else "") + str(ls[-1])


def _ordinal(i: int) -> str:
    return {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}.get(i, f"{i}th")


# ---- forward -------------------------------------------------------------------------------

def forward_steps(log):
    """(steps, extras): the layer steps in the order they ran, each a dict with the W, b, A_prev
    given, the activation (a string, or None when unknown), the A and cache returned; extras are
    activations applied to something else than a step's Z: (steps before it, name, Z given, A)."""
    steps, extras = [], []
    for name, given, result in log:
        if name == "linear_activation_forward":
            A, cache = _pair(result, 2)
            Z = cache[1] if type(cache) in (tuple, list) and len(cache) == 2 else None
            steps.append({"W": given.get("W"), "b": given.get("b"), "A_prev": given.get("A_prev"),
                          "act": given.get("activation"), "A": A, "cache": cache, "Z": Z})
        elif name == "linear_forward":
            Z, linear_cache = _pair(result, 2)
            steps.append({"W": given.get("W"), "b": given.get("b"), "A_prev": given.get("A_prev"),
                          "act": None, "A": None, "cache": (linear_cache, Z), "Z": Z, "open": True})
        elif name in ("relu", "sigmoid"):
            last = steps[-1] if steps else None
            if last is not None and last.get("open") and _close(given.get("Z"), last["Z"]):
                last["act"], last["A"], last["open"] = name, result, False
            else:
                extras.append((len(steps), name, given.get("Z"), result))
    return steps, extras


def judge_forward(args, output, log, source=None):
    """(id suffix, words, refutes) for the first place where model_forward's calls (``log``) leave
    the lecture's loop l = 1..L, or where what it returns is not what they gave; else None.
    ``source`` (the learner's text, when known) says where a function that stopped early returned."""
    X, parameters = args
    if type(parameters) is not dict:
        return None
    L = len(parameters) // 2
    Ws = {k: parameters.get(f"W{k}") for k in range(1, L + 1)}
    bs = {k: parameters.get(f"b{k}") for k in range(1, L + 1)}
    steps, extras = forward_steps(log)
    if output is None and not steps:   # an inline loop: only the source can say why
        return _returned_none(None, L, "AL and caches", source)
    if not steps or any(s.get("open") for s in steps):   # a linear step whose activation is inline: not readable
        return None
    for i, s in enumerate(steps):
        l = i + 1
        kW = _which(s["W"], Ws, prefer=l)
        if l > L:
            return "chain_call", (f"the loop makes {len(steps)} layer calls for L = {L} layers: the {_ordinal(l)} "
                                  f"call (given W[{kW}]) is one too many, layer {kW} runs twice"), False
        if kW is None:
            return None
        if kW != l:
            if kW == l + 1:
                why = (f"layer {l} is skipped: the {_ordinal(l)} call is given W[{kW}], so W[{l}] and b[{l}] "
                       f"are never used and A[{l - 1}] goes into layer {kW}")
            elif kW < l:
                why = f"layer {kW} runs twice: the {_ordinal(l)} call is given W[{kW}] again, where W[{l}] belongs"
            else:
                why = f"the call for layer {l} is given W[{kW}], layer {kW}'s weights, where W[{l}] belongs"
            return "chain_call", why, False
        kb = _which(s["b"], bs, prefer=l)
        if kb is not None and kb != l:
            return "chain_call", (f"the call for layer {l} is given b[{kb}], layer {kb}'s bias, where b[{l}] "
                                  f"belongs (its W[{l}] is right)"), False
        want = X if l == 1 else steps[i - 1]["A"]
        if want is not None and not _close(s["A_prev"], want):
            from . import layerinputs   # W2c: one array for every layer, or the previous input (layerinputs.py)
            said = layerinputs.forward_shared(steps, i, L, X, _close)
            if said is not None:
                return "chain_shared_input", said, False
            said = layerinputs.forward_stale(steps, i, L, _close)
            if said is not None:
                return "chain_stale_input", said, False
            what = _forward_input(s["A_prev"], X, steps[:i])
            if what is None:
                return None
            if what.endswith("that no call returned"):   # W2c: a simple function of what belongs (helperargs.py)
                said = layerinputs.related_input(s["A_prev"], want, "A", l - 1, l, X.shape[1] if X.ndim == 2 else None)
                if said is not None:
                    return "chain_related_input", said, False
            if l == 1:
                why = f"the first call, layer 1's, is given {what} where X = A[0] belongs"
            else:
                why = (f"layer {l}'s call is given {what} where A[{l - 1}], the result of layer {l - 1}'s call "
                       f"just before, belongs: A is not chained from one layer to the next")
                again = [j + 1 for j, t in enumerate(steps[:i]) if _close(t["A_prev"], s["A_prev"])]
                if again:
                    why += (f"; it is reused: the same array was already given to layer {again[-1]}'s call, "
                            f"the layer before it")
            return "chain_call", why, False
        right = "relu" if l < L else "sigmoid"
        if type(s["act"]) is str and s["act"] != right and not _activated(s, right):
            where = " (the output layer)" if l == L else ""
            why = (f"layer {l}{where} runs with activation '{s['act']}' where the lecture has '{right}' "
                   f"(ReLU for layers 1..L-1, sigmoid for the output layer L)")
            on_top = [e for e in extras if e[0] == l and e[1] == right and _close(e[2], s["A"])]
            if on_top:
                why += f"; {right} is then applied on top of its result, so layer {l} has two activations"
            return "chain_call", why, False
    if output is None:
        return _returned_none(len(steps), L, "AL and caches", source)
    if type(output) not in (tuple, list) or len(output) != 2:
        return None
    AL, caches = output
    if len(steps) < L:
        if _close(AL, steps[-1]["A"]):
            never = list(range(len(steps) + 1, L + 1))
            early = _return_in_loop(source)
            if early is not None:
                return "chain_call", (f"the function returned after the {_ordinal(len(steps))} layer call (layer "
                                      f"{len(steps)}'s), so AL is A[{len(steps)}] and layer{'s' if len(never) > 1 else ''} "
                                      f"{_layers_list(never)} never run{'s' if len(never) == 1 else ''}: {early}"), \
                    ("shape_expression",)
            return "chain_call", (f"only {len(steps)} layer calls for L = {L} layers: layer{'s' if len(never) > 1 else ''} "
                                  f"{_layers_list(never)} never run{'s' if len(never) == 1 else ''}, so AL is A[{len(steps)}]: "
                                  f"the loop's range stops early"), False
        return None
    if type(AL) is np.ndarray and not _close(AL, steps[-1]["A"]):
        j = next((j for j, s in enumerate(steps[:-1]) if _close(AL, s["A"])), None)
        if j is not None:
            return "chain_result", (f"the AL returned is A[{j + 1}], the result of layer {j + 1}'s call (a hidden "
                                    f"layer's output), not A[L], the result of the output layer's call, which is "
                                    f"computed but not returned"), True
        return None
    if type(caches) not in (tuple, list):
        return None
    where = [[j for j, c in enumerate(caches) if _same(c, s["cache"])] for s in steps]
    missing = [l for l, w in enumerate(where, start=1) if not w]
    if missing and len(caches) < L and all(w for w in where if w) and len(caches) == L - len(missing):
        kept = [l for l, w in enumerate(where, start=1) if w]
        s_ = "s" if len(missing) > 1 else ""
        return "chain_result", (f"caches holds {len(caches)} caches for L = {L} layers: the cache{s_} of layer{s_} "
                                f"{_layers_list(missing)} {'are' if s_ else 'is'} missing (kept: layer{'s' if len(kept) > 1 else ''} "
                                f"{_layers_list(kept) if kept else 'none'}); caches gets one cache per layer, appended "
                                f"right after that layer's call"), ("caches_layers",)   # the same fact, from the log
    for l, w in enumerate(where, start=1):
        if w and l - 1 not in w and len(caches) == L:
            return "chain_result", (f"caches[{w[0]}] holds layer {l}'s cache, where caches[{l - 1}] belongs: "
                                    f"caches[l-1] is the cache of layer l, in the order the layers run"), ("caches_order",)
    return None


def _activated(step, right) -> bool:
    """True when the step's A is ``right`` applied to its Z anyway (a block of the learner's that
    reads its activation string another way): only the effect is judged, not the spelling."""
    Z, A = step["Z"], step["A"]
    if type(Z) is not np.ndarray or type(A) is not np.ndarray or Z.dtype.kind not in "fiub":
        return False
    with np.errstate(all="ignore"):
        want = np.maximum(Z, 0) if right == "relu" else 1 / (1 + np.exp(-Z.astype(np.float64)))
    return _close(A, want)


def _forward_input(A_prev, X, before):
    """The lecture's name of the array a forward step was given (X, an earlier step's A or Z), or None."""
    if type(A_prev) is not np.ndarray:
        return None
    if _close(A_prev, X):
        return "X (the input, A[0])"
    if before and _close(A_prev, before[-1]["Z"]):
        return f"Z[{len(before)}], layer {len(before)}'s linear output before its activation,"
    for j in range(len(before) - 2, -1, -1):
        if _close(A_prev, before[j]["A"]):
            return f"A[{j + 1}], the result of layer {j + 1}'s call,"
    return f"an array of shape {A_prev.shape} that no call returned"


# ---- backward ------------------------------------------------------------------------------

def backward_steps(log):
    """The layer steps of model_backward in the order they ran: each a dict with the dA (or, for a
    linear_backward given dZ directly, None and the dZ), the cache, the activation, and the
    (dA_prev, dW, db) returned."""
    steps, pending = [], None
    for name, given, result in log:
        if name == "linear_activation_backward":
            cache = given.get("cache")
            ok = type(cache) in (tuple, list) and len(cache) == 2
            steps.append({"dA": given.get("dA"), "dZ": None, "linear_cache": cache[0] if ok else None,
                          "Z": cache[1] if ok else None, "act": given.get("activation"), "out": _pair(result, 3)})
            pending = None
        elif name in ("relu_backward", "sigmoid_backward"):
            pending = {"dA": given.get("dA"), "Z": given.get("Z"), "act": name[:-len("_backward")], "dZ": result}
        elif name == "linear_backward":
            dZ = given.get("dZ")
            step = {"dA": None, "dZ": dZ, "linear_cache": given.get("linear_cache"), "Z": None, "act": None,
                    "out": _pair(result, 3)}
            if pending is not None and _close(dZ, pending["dZ"]):
                step.update(dA=pending["dA"], Z=pending["Z"], act=pending["act"])
            steps.append(step)
            pending = None
    return steps


def _layer_of_cache(step, caches, prefer):
    """The layer l whose caches[l-1] holds the W (and A_prev) this step was given, else None."""
    lc = step["linear_cache"]
    if type(lc) not in (tuple, list) or len(lc) != 3:
        return None
    found = [l for l, ((A_prev, W, b), Z) in enumerate(caches, start=1) if _close(lc[1], W) and _close(lc[0], A_prev)]
    return prefer if prefer in found else (found[0] if found else None)


def judge_backward(args, output, log, source=None):
    """(id suffix, words, refutes) for the first place where model_backward's calls (``log``) leave
    the lecture's loop l = L..1, or where grads does not hold what they gave; else None.
    ``source`` (the learner's text, when known) says where a function that stopped early returned."""
    AL, Y, caches = args
    if type(caches) not in (list, tuple) or not caches:
        return None
    caches = [(tuple(lc), Z) for lc, Z in caches]
    L = len(caches)
    steps = backward_steps(log)
    if output is None and not steps:   # an inline loop: only the source can say why
        return _returned_none(None, L, "grads", source, backward=True)
    if not steps:
        return None
    with np.errstate(all="ignore"):
        dAL = -(Y / AL) + (1 - Y) / (1 - AL)
    order = _visiting_order(steps, caches)
    if order is not None:
        return order
    for i, s in enumerate(steps):
        l = L - i
        k = _layer_of_cache(s, caches, prefer=l)
        if l < 1:
            return "chain_call", (f"the loop makes {len(steps)} layer calls for L = {L} layers: the {_ordinal(i + 1)} "
                                  f"call (given cache[{k - 1 if k else '?'}]) is one too many"), False
        if k is None:
            return None
        if k != l:
            if i and k == L - i + 1:
                why = f"layer {k} is stepped back twice: the {_ordinal(i + 1)} call is given cache[{k - 1}] again"
            elif k == l - 1 and (not i or _layer_of_cache(steps[i - 1], caches, None) == l + 1):
                why = (f"layer {l} is skipped: after layer {l + 1}'s call, the next one is given cache[{k - 1}], "
                       f"layer {k}'s cache, where caches[{l - 1}] belongs")
            else:
                why = (f"the call for layer {l} is given caches[{k - 1}], layer {k}'s cache, where caches[{l - 1}] "
                       f"belongs: caches[l-1] is the cache of layer l")
            return "chain_call", why, False
        if i == 0:
            found = _judge_dAL(s, AL, Y, dAL, caches[L - 1][1])
            if found is not None:
                return found
        else:
            want = steps[i - 1]["out"][0]
            if s["dA"] is not None and want is not None and not _close(s["dA"], want):
                from . import layerinputs   # W2c: one array for every layer, or the previous input (layerinputs.py)
                said = layerinputs.backward_shared(steps, i, L, _close)
                if said is not None:
                    return "chain_shared_input", said, False
                said = layerinputs.backward_stale(steps, i, L, _close) if i >= 2 else None
                if said is not None:
                    return "chain_stale_input", said, False
                what = _backward_input(s["dA"], steps[:i], dAL, L)
                if what is None:
                    return None
                if what.endswith("that no call returned"):   # W2c: a simple function of what belongs (helperargs.py)
                    said = layerinputs.related_input(s["dA"], want, "dA", l, l, AL.shape[1] if AL.ndim == 2 else None)
                    if said is not None:
                        return "chain_related_input", said, False
                same_after = all(t["dA"] is not None and _close(t["dA"], s["dA"]) for t in steps[i:])
                every = (f"; the same array is given to every layer from {l} down to {L - len(steps) + 1}"
                         if same_after and len(steps) - i > 1 else "")
                again = [L - j for j, t in enumerate(steps[:i]) if t["dA"] is not None and _close(t["dA"], s["dA"])]
                if again and not every:
                    every = (f"; it is reused: the same array was already given to layer {again[-1]}'s call, "
                             f"the layer after it")
                return "chain_call", (f"layer {l}'s call is given {what} where dA[{l}], the result of layer {l + 1}'s "
                                      f"call just before, belongs: dA is not chained from one layer to the next"
                                      f"{every}"), False
        right = "sigmoid" if l == L else "relu"
        if type(s["act"]) is str and s["act"] != right and not _stepped_back(s, right, caches[l - 1]):
            where = " (the output layer)" if l == L else ""
            return "chain_call", (f"layer {l}{where} is stepped back with activation '{s['act']}' where the lecture "
                                  f"has '{right}' (sigmoid for the output layer L, ReLU for layers L-1..1)"), False
    grads = output
    if grads is None:
        return _returned_none(len(steps), L, "grads", source, backward=True)
    if type(grads) is not dict:
        return None
    if len(steps) < L:
        never = list(range(L - len(steps), 0, -1))
        early = _return_in_loop(source)
        if early is not None and all(f"dW{l}" not in grads and f"db{l}" not in grads for l in never):
            s_ = "s" if len(never) > 1 else ""
            return "chain_call", (f"the function returned after the {_ordinal(len(steps))} layer call (layer "
                                  f"{L - len(steps) + 1}'s), so layer{s_} {_layers_list(never)} {'are' if s_ else 'is'} "
                                  f"never stepped back and grads has no dW, db for {'them' if s_ else 'it'}: {early}"), \
                ("first_layer_missing",)   # the return ended the loop, not its range (diag12)
        if all(f"dW{l}" not in grads and f"db{l}" not in grads for l in never):
            s_ = "s" if len(never) > 1 else ""
            return "chain_call", (f"only {len(steps)} layer calls for L = {L} layers: layer{s_} {_layers_list(never)} "
                                  f"{'are' if s_ else 'is'} never stepped back, so dW, db of {'those layers' if s_ else 'layer ' + str(never[0])} "
                                  f"are missing: the loop's range stops early"), False
        return None
    lost = []
    for i, s in enumerate(steps):
        l = L - i
        for key, value in zip((f"dA{l - 1}", f"dW{l}", f"db{l}"), s["out"]):
            if type(value) is not np.ndarray or _close(grads.get(key), value):
                continue
            other = next((k for k, v in grads.items() if k != key and _close(v, value)
                          and not any(_close(value, t["out"][n]) for t in steps for n in range(3) if t is not s)), None)
            if other is not None:
                swapped = other[:2] in ("dA", "dW", "db") and other[:2] != key[:2]
                if swapped:
                    how = ("the results are stored in another order than the call returns them (dA_prev, dW, db, "
                           "in this order), not a layer index off")
                else:
                    how = f"the key's number is {_off(key, other)}; layer l's call gives dA[l-1], dW[l], db[l]"
                return "chain_result", (f"the {key[:2]} of layer {l}'s call is stored as grads['{other}'], where "
                                        f"grads['{key}'] belongs: {how}"), (("other_layer",) if swapped else True)
            lost.append((l, key))
    if lost:
        last = L - len(steps) + 1
        layers = sorted({l for l, _ in lost}, reverse=True)
        whole = all(sum(1 for m, _ in lost if m == l) == 3 for l in layers)   # all three results of each lost layer
        if last not in layers and len(layers) == len(steps) - 1 and whole:
            keys = ", ".join(k for _, k in lost)
            return "chain_result", (f"grads holds only the results of the last call (layer {last}'s): {keys} from the "
                                    f"calls for layer{'s' if len(layers) > 1 else ''} {_layers_list(layers)} are lost, "
                                    f"as if grads were made anew on each pass of the loop; grads is made once, before "
                                    f"the loop, and every layer's results are added to it"), True
        if len(layers) == 1 and not whole:   # some of one call's results kept, the others nowhere (diag11)
            l = layers[0]
            gone = [k for m, k in lost if m == l]
            kept = [k for k in (f"dA{l - 1}", f"dW{l}", f"db{l}") if k not in gone]
            return "chain_result", (f"{_layers_list(gone)} of layer {l}'s call {'is' if len(gone) == 1 else 'are'} not in "
                                    f"grads with the values the call returned, although {_layers_list(kept)} "
                                    f"{'is' if len(kept) == 1 else 'are'}: never stored under {'its key' if len(gone) == 1 else 'their keys'}, "
                                    f"or stored and then overwritten by a later call"), True
        l, key = lost[0]
        return "chain_result", (f"grads['{key}'] does not hold the {key[:2]} that layer {l}'s call returned"), True
    return None


def _stepped_back(step, right, cache) -> bool:
    """True when the step's results are those of ``right``'s slope anyway (only the effect is judged)."""
    dA, out = step["dA"], step["out"]
    if type(dA) is not np.ndarray or type(out[1]) is not np.ndarray:
        return False
    import dlkit

    try:
        with np.errstate(all="ignore"):
            want = dlkit.linear_activation_backward(dA, cache, right)
    except (TypeError, ValueError):
        return False
    return all(_close(g, w) for g, w in zip(out, want))


def _off(key, other) -> str:
    d = int(other[2:]) - int(key[2:]) if other[2:].isdigit() else None
    if d is None:
        return "not a layer number (the keys are 'dA' + str(l - 1), 'dW' + str(l), 'db' + str(l))"
    return f"one too {'low' if d < 0 else 'high'}" if abs(d) == 1 else f"{abs(d)} too {'low' if d < 0 else 'high'}"


def _judge_dAL(step, AL, Y, dAL, ZL):
    """The first step's dA (or dZ) against the lecture's dA[L] (dZ[L] = A[L] - Y), said when it differs."""
    if step["dA"] is None:   # linear_backward given dZ[L] directly: the shortcut dZ[L] = A[L] - Y
        with np.errstate(all="ignore"):
            s = 1 / (1 + np.exp(-ZL))
        if step["dZ"] is None or _close(step["dZ"], AL - Y) or _close(step["dZ"], dAL * s * (1 - s)):
            return None
        words = _columns(step["dZ"], AL - Y, "dZ[L]")
        return ("chain_dAL", words + "; dZ[L] = A[L] - Y", False) if words else None
    if _close(step["dA"], dAL):
        return None
    with np.errstate(all="ignore"):
        terms = dAL_terms(step["dA"], -(Y / AL), (1 - Y) / (1 - AL), Y, AL.shape[1])
    if terms is not None:
        # where the output goes wrong (some columns) follows from dA[L]: said by this finding instead
        return "dAL_terms", f"the dA[L] given to layer L's call {terms}", ("factor_on_some", "first_column_only",
                                                                           "columns_left_zero")
    words = _columns(step["dA"], dAL, "dA[L]")
    return ("chain_dAL", words + "; dA[L] = -(Y/A[L]) + (1-Y)/(1-A[L]), one entry per example", False) if words else None


def _columns(got, want, name):
    """dA[L] (or dZ[L]) said by how it differs: one number for every example (the mean, or the sum),
    or right on some examples (columns) and left 0 on others. None otherwise."""
    if type(got) is not np.ndarray or type(want) is not np.ndarray or got.dtype.kind not in "fiub":
        return None
    g = got.astype(np.float64)
    if g.size == 1 or (g.shape == want.shape and want.shape[-1] > 1 and np.all(g == g.reshape(-1)[0])):
        v = float(g.reshape(-1)[0])
        for how, ref in (("the mean", np.mean(want)), ("the sum", np.sum(want))):
            if np.isfinite(ref) and abs(v - ref) <= 1e-6 * max(1.0, abs(ref)):
                return (f"the {name} given to layer L's call is one number, {how} of {name} over the m examples "
                        f"({v:.4g}), the same for every example (column)")
        return None
    if g.shape != want.shape or g.ndim != 2 or want.shape[1] < 2:
        return None
    with np.errstate(all="ignore"):
        right = [j for j in range(want.shape[1]) if _close(g[:, j], want[:, j])]
    wrong = [j for j in range(want.shape[1]) if j not in right]
    if right and wrong and all(np.all(g[:, j] == 0) for j in wrong):
        s_ = "s" if len(wrong) > 1 else ""
        return (f"the {name} given to layer L's call is right on example{'s' if len(right) > 1 else ''} (column"
                f"{'s' if len(right) > 1 else ''}) {_layers_list(right)} but left 0 on column{s_} {_layers_list(wrong)}: "
                f"th{'ose' if s_ else 'at'} {'examples' + chr(39) if s_ else 'example' + chr(39) + 's'} entr{'ies are' if s_ else 'y is'} never computed (look at the "
                f"range of the loop over the examples)")
    return None


TERMS = ("-(Y/A[L])", "(1-Y)/(1-A[L])")


def dAL_terms(got, t1, t2, Y, m):
    """How ``got`` differs from t1 + t2, term by term, when it is a t1 + b t2 with a, b each one of 0
    (the term missing), -1 (its sign flipped), 1/m, m, 2, 1/2 (and 1: right), as words; else None.
    t1 = -(Y/A[L]) and t2 = (1-Y)/(1-A[L]) (or the same terms times the sigmoid's slope, for a dZ[L]):
    with labels 0 and 1 the first term lives on the examples with y = 1, the second on those with y = 0,
    so each factor is read off its own examples."""
    if not all(type(x) is np.ndarray for x in (got, t1, t2, Y)) or got.shape != Y.shape or got.dtype.kind not in "fiub":
        return None
    got = got.astype(np.float64)
    if not np.isfinite(got).all() or not np.isin(Y, (0.0, 1.0)).all():
        return None
    factors = {1.0: "is right", 0.0: "is missing", -1.0: "has its sign flipped", 1.0 / m: f"is divided by m = {m}",
               float(m): f"is multiplied by m = {m}", 2.0: "is doubled", 0.5: "is halved"}

    def factor(where, t):
        use = where & (np.abs(t) > 1e-300)
        if not use.any():
            return None, False
        c = float(np.median(got[use] / t[use]))
        snapped = next((k for k in factors if abs(c - k) <= 1e-6 * max(1.0, abs(k))), None)
        if snapped is None or not np.allclose(got[where], snapped * t[where], rtol=1e-6, atol=1e-12):
            return None, True
        return snapped, False

    a, bad_a = factor(Y == 1, t1)
    b, bad_b = factor(Y == 0, t2)
    if bad_a or bad_b or (a, b) in ((1.0, 1.0), (1.0, None), (None, 1.0), (None, None)):
        return None
    said = []
    for name, k, who in ((TERMS[0], a, "y = 1"), (TERMS[1], b, "y = 0")):
        if k is not None:
            said.append(f"its {name} term (on the examples with {who}) {factors[k]}")
    return "is wrong term by term: " + " and ".join(said)


def _returns(source):
    """[(its text, what holds it: a tuple of 'loop' and 'if <test>', outermost first; () at the top)] for
    each return with a value in the learner's function (not in a nested function), or None when the
    source is unknown or does not parse."""
    import ast

    fn = _function_tree(source)
    if fn is None:
        return None
    found = []

    def walk(body, holder):
        for node in body:
            if isinstance(node, ast.Return):
                if node.value is not None and not (isinstance(node.value, ast.Constant) and node.value.value is None):
                    try:
                        text = ast.unparse(node)
                    except Exception:
                        text = "return ..."
                    found.append((text, holder))
            elif isinstance(node, (ast.For, ast.While)):
                walk(node.body, holder + ("loop",))
                walk(node.orelse, holder)
            elif isinstance(node, ast.If):
                try:
                    test = ast.unparse(node.test)
                except Exception:
                    test = "..."
                walk(node.body, holder + (f"if {test}",))
                walk(node.orelse, holder + (f"the else of if {test}",))
            elif isinstance(node, (ast.With, ast.Try)):
                walk(node.body, holder)
                for h in getattr(node, "handlers", []):
                    walk(h.body, holder)
                walk(getattr(node, "orelse", []), holder)
                walk(getattr(node, "finalbody", []), holder)
    walk(fn.body, ())
    return found


def _return_in_loop(source, unit="every layer"):
    """Words for the return inside the loop that ends the function early, when the learner's only
    returns are inside a loop (so a value came back from there); None otherwise."""
    found = _returns(source)
    # a return directly in a loop's body ends the function on the first pass, whatever returns follow
    # the loop (diag12); a return under an if in the loop, only when every return is inside a loop
    direct = [r for r in found or () if r[1] == ("loop",)]
    if not direct and (not found or any(not h or h[0] != "loop" for _, h in found)):
        return None
    line, holder = (direct or found)[0]
    if holder == ("loop",):   # unconditional, directly in the loop's body
        return (f"`{line}` is inside the loop, so it ends the function on the loop's first pass; "
                f"return only after the loop, once {unit} has run")
    under = ", ".join(f"under `{h}:`" for h in holder[1:] if h != "loop")
    return (f"`{line}` is inside the loop{', ' + under if under else ''}, so it ends the function before "
            f"{unit} has run; return only after the loop")


def _returned_none(ran, L, what, source, backward=False):
    """(id, words, refutes) for a composite that returned None after ``ran`` layer calls (None: its
    loop is inline, no call to tell; then only what the source shows is said, or nothing)."""
    if ran is None:
        done, calls = list(range(1, L + 1)), ""
    elif backward:
        done = list(range(L, L - ran, -1))
    else:
        done = list(range(1, ran + 1))
    if ran is not None:
        calls = (f" after its calls for layer{'s' if ran > 1 else ''} {_layers_list(done)}" if ran
                 else " without a single layer call")
    why = ""
    found = _returns(source)
    if found is not None and not found:
        why = f": it has no return statement, so it gives None; {what} {'are' if ' and ' in what else 'is'} computed but never returned"
    elif found and all(h for _, h in found):
        line, holder = found[0]
        where = ", ".join("inside the loop" if h == "loop" else f"under `{h}:`" for h in holder)
        only = "its only return" if len(found) == 1 else "each of its returns is nested; the first"
        why = f": {only}, `{line}`, is {where}, and the function ended without reaching it"
    never = [l for l in range(1, L + 1) if l not in done]
    if never and not backward:
        why += f" (layer{'s' if len(never) > 1 else ''} {_layers_list(never)} never ran)"
    elif never:
        why += f" (layer{'s' if len(never) > 1 else ''} {_layers_list(never)} {'were' if len(never) > 1 else 'was'} never stepped back)"
    if ran is None:
        if not why:
            return None
        why = why.split(" (layer")[0]
    return "returns_none", f"your function returned None{calls}{why}", ("returns_wrong_structure",)


def _visiting_order(steps, caches):
    """(id, words, refutes) when the backward calls step back every layer once, but not from L down to 1
    (a loop that goes forwards), said by the order of the caches they were given; else None."""
    L = len(caches)
    ks = [_layer_of_cache(s, caches, prefer=L - i) for i, s in enumerate(steps)]
    if len(ks) != L or None in ks or sorted(ks) != list(range(1, L + 1)) or ks == list(range(L, 0, -1)):
        return None
    words = f"the layers are stepped back in the order {_layers_list(ks)} (the cache each call was given)"
    if ks[0] == L and ks[1:] == list(range(1, L)):
        words += (f": after the output layer the loop goes forwards, 1..{L - 1}, so each hidden layer's call runs "
                  f"before the call of the layer after it has given its dA[l]")
    words += ("; backpropagation goes from layer L down to layer 1 (for l in reversed(range(1, L)), or "
              "range(L - 1, 0, -1)): not a key numbered wrong, the order of the calls")
    return "loop_order", words, ("other_layer", "keys_shifted")


def range_loops(fn, names):
    """(loop, the values its variable takes) for each `for v in range(...)` or `reversed(range(...))` loop of
    the function tree ``fn`` whose bounds the integer ``names`` give (e.g. {"L": 3})."""
    import ast   # as in the functions below: ast only on the paths that read the learner's source

    for loop in ast.walk(fn):
        if not isinstance(loop, ast.For) or not isinstance(loop.target, ast.Name):
            continue
        it, backwards = loop.iter, False
        if isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and it.func.id == "reversed" and len(it.args) == 1:
            it, backwards = it.args[0], True
        if not (isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and it.func.id == "range"
                and 1 <= len(it.args) <= 3 and not it.keywords):
            continue
        args = [_value(a, names) for a in it.args]
        if None in args or (len(args) == 3 and args[2] == 0):
            continue
        yield loop, (list(range(*args))[::-1] if backwards else list(range(*args)))


def _value(node, names):
    """A whole number from a small expression of constants and the learner's whole-number locals
    (L, l, ...; len(x) is not evaluated), or None."""
    import ast

    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if isinstance(node, ast.Name) and type(names.get(node.id)) is int:
        return names[node.id]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        v = _value(node.operand, names)
        return None if v is None else -v
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.FloorDiv)):
        a, b = _value(node.left, names), _value(node.right, names)
        if a is None or b is None or (isinstance(node.op, ast.FloorDiv) and b == 0):
            return None
        return {ast.Add: a + b, ast.Sub: a - b, ast.Mult: a * b}.get(type(node.op), a // b if b else None)
    return None


def _layer_key_expr(node):
    """(the layer-number expression, True) of a dict key written "W" + str(e), f"W{e}" or "W%d" % e;
    else (node, False): the subscript itself (a list index)."""
    import ast

    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and isinstance(node.left, ast.Constant) \
            and type(node.left.value) is str and isinstance(node.right, ast.Call) \
            and isinstance(node.right.func, ast.Name) and node.right.func.id == "str" and len(node.right.args) == 1:
        return node.right.args[0], True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant) \
            and type(node.left.value) is str and not isinstance(node.right, ast.Tuple):
        return node.right, True
    if isinstance(node, ast.JoinedStr):
        values = [v for v in node.values if isinstance(v, ast.FormattedValue)]
        if len(values) == 1:
            return values[0].value, True
    return node, False


def keyed_outside_loops(source, container, name):
    """True when the learner's function reads ``container`` with a key numbered by ``name`` (L; None:
    by anything) outside every loop (the output layer handled after the loop); None for an unknown source."""
    import ast

    from .source import _parse

    if not isinstance(source, str):
        return None
    try:
        fn = _parse(source)
    except Exception:   # an odd source never breaks a check
        return None
    if fn is None:
        return None
    inside = {id(n) for loop in ast.walk(fn) if isinstance(loop, (ast.For, ast.While)) for n in ast.walk(loop)}
    for n in ast.walk(fn):
        if isinstance(n, ast.Subscript) and id(n) not in inside and isinstance(n.value, ast.Name) \
                and n.value.id == container:
            idx, keyed = _layer_key_expr(n.slice)
            if keyed and (name is None or isinstance(idx, ast.Name) and idx.id == name):
                return True
    return False


def loop_layers(source, names, container="caches"):
    """[(its header 'for l in ...', [layers the loop visits, in order])] for each for loop of the learner's function over
    range(...) or reversed(range(...)) whose body indexes ``container`` with its variable
    (caches[l - 1]: layer l; caches[l]: layer l + 1), evaluated with the learner's whole-number
    locals ``names`` (L where it raised); for ``container`` a dict of layer keys (parameters), the key's
    number is the layer (parameters["W" + str(l)]: layer l). Loops it cannot evaluate are left out.
    None for an unknown source."""
    import ast

    fn = _function_tree(source)
    if fn is None:
        return None
    found = []
    for loop, values in range_loops(fn, names):
        var = loop.target.id
        offset = None
        for n in ast.walk(loop):
            if isinstance(n, ast.Subscript) and isinstance(n.value, ast.Name) and n.value.id == container:
                idx, keyed = _layer_key_expr(n.slice)
                uses = [x for x in ast.walk(idx) if isinstance(x, ast.Name)]
                if len(uses) == 1 and uses[0].id == var:
                    k = _value(idx, {var: 0})
                    if k is not None:
                        # caches[l + k] is the cache of layer l + k + 1; parameters["W" + str(l + k)] is layer l + k's
                        offset = k if keyed else k + 1
                        break
        if offset is not None and len(values) <= 50:
            try:
                header = f"for {var} in {ast.unparse(loop.iter)}"
            except Exception:
                header = f"for {var} in ..."
            found.append((header, [v + offset for v in values]))
    return found


def _backward_input(dA, before, dAL, L):
    """The lecture's name of the dA a backward step was given (dA[L], an earlier step's dA), or None."""
    if type(dA) is not np.ndarray:
        return None
    if _close(dA, dAL) or (before and _close(dA, before[0]["dA"])):
        return "dA[L] again (the gradient of the output layer's activation)"
    for j in range(len(before) - 2, -1, -1):
        prev = before[j]["out"][0]
        if _close(dA, prev):
            return f"dA[{L - j - 1}], the result of layer {L - j}'s call,"
    n = len(before)
    for name, idx in (("dW", 1), ("db", 2)):
        if _close(dA, before[-1]["out"][idx]):
            return f"{name}[{L - n + 1}], the {name} of layer {L - n + 1}'s call,"
    return f"an array of shape {dA.shape} that no call returned"


__all__ = ["judge_forward", "judge_backward", "forward_steps", "backward_steps", "FORWARD_BLOCKS", "BACKWARD_BLOCKS"]


def _function_tree(source):
    """The learner's function as an ast node, or None when the source is unknown or does not parse."""
    from .source import _parse

    if not isinstance(source, str):
        return None
    try:
        return _parse(source)
    except Exception:   # an odd source never breaks a check
        return None
