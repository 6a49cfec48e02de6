"""The input a composite's layer call was given, said by which earlier call it belongs to (W2c).

chain.py finds the first layer call of model_forward / model_backward whose input (A[l-1] forward,
dA[l] backward) is not what the call just before returned. Two shapes of that are said here as a
whole, in the lecture's indices (symbolic, L-relative, and the case's numbers):

* one array for every layer from some layer on: every hidden layer given the same dA[L-1] (or
  A[1], X, ...), the result of one call, where each layer takes the result of the call just before
  (a name never updated in the loop, a key built from a constant);
* a stale input: layer l given the input of the call before it (A[l-2], dA[l+1]): the value the
  chain had one step earlier (a name updated one step late, the loop's copy of the previous input).

Each is a fact of this one run's calls.
"""
from __future__ import annotations


def _sym(k, L, var="l"):
    """'L-1' for k = L - 1 (the index relative to L), '' when k is L itself or far from it."""
    d = L - k
    return "L" if d == 0 else (f"L-{d}" if 0 < d <= 2 else "")


def backward_shared(steps, i, L, close):
    """Words when the dA given to backward step i (layer L - i) is given to every step from some
    hidden layer on and is the result of one earlier call; else None."""
    X = steps[i]["dA"]
    got = [j for j, t in enumerate(steps) if t["dA"] is not None and close(t["dA"], X)]
    src = next((j for j in range(i) if close(steps[j]["out"][0], X)), None)
    if src is None or got != list(range(src + 1, len(steps))) or len(got) < 2:
        return None
    k = L - src - 1                     # the dA[k] step src returned (layer L - src's call)
    first, last = L - got[0], L - got[-1]
    sym = _sym(k, L)
    name = f"dA[{sym}] (here dA[{k}]" if sym and sym != "L" else f"dA[{k}] ("
    whose = "the output layer's call" if src == 0 else f"layer {L - src}'s call"
    every = "every hidden layer" if first == L - 1 and last == 1 else f"every layer from {first} down to {last}"
    return (f"{every} is given {name}, the result of {whose}): the same dA is reused for layers {first}..{last}, "
            f"where each layer l takes its own dA[l], the result of the layer after it (layer l+1's call) just "
            f"before; only layer {first}'s call gets the right one, and the dA[l-1] each later call returns is "
            f"never handed on")


def forward_shared(steps, i, L, X, close):
    """Forward: words when the A given to step i (layer i + 1) is given to every step from some layer
    on and is one earlier call's result (or X); else None."""
    A = steps[i]["A_prev"]
    got = [j for j, t in enumerate(steps) if close(t["A_prev"], A)]
    src = next((j for j in range(i) if close(steps[j]["A"], A)), None)
    start = 0 if src is None and close(A, X) else (None if src is None else src + 1)
    if start is None or got != list(range(start, len(steps))) or len(got) < 2:
        return None
    k = 0 if src is None else src + 1
    first, last = got[0] + 1, got[-1] + 1
    sym = _sym(k, L)
    name = "X = A[0], the input" if k == 0 else (f"A[{sym}] (here A[{k}]), the result of layer {k}'s call" if sym
                                                  else f"A[{k}], the result of layer {k}'s call")
    return (f"every layer from {first} to {last} is given {name}: the same A is reused for layers {first}..{last}, "
            f"where each layer l takes its own A[l-1], the result of layer l-1's call just before; the A[l] each "
            f"of these calls returns is never handed on to the next")


def forward_stale(steps, i, L, close):
    """Forward: words when layer l = i + 1 is given A[l-2], the input of the call just before (a stale
    value, one step behind); else None."""
    l = i + 1
    if i < 1 or not close(steps[i]["A_prev"], steps[i - 1]["A_prev"]):
        return None
    sym = "A[L-2]" if l == L else "A[l-2]"
    where = "the output layer L" if l == L else f"layer {l}"
    return (f"{where} is given {sym} (here A[{l - 2}]{', X' if l == 2 else ''}), the input of layer {l - 1}'s call, "
            f"where A[{l - 1}], the result of layer {l - 1}'s call, belongs: a stale value, one layer behind (two layers "
            f"back from what layer {l} takes), as if the name holding the previous input were passed again")


def backward_stale(steps, i, L, close):
    """Backward: words when layer l = L - i is given dA[l+1], the dA the call just before was given."""
    l = L - i
    if i < 1 or steps[i]["dA"] is None or steps[i - 1]["dA"] is None or not close(steps[i]["dA"], steps[i - 1]["dA"]):
        return None
    sym = "dA[L]" if l + 1 == L else "dA[l+1]"
    return (f"layer {l}'s call is given {sym} (here dA[{l + 1}]), the input of layer {l + 1}'s call, where dA[{l}], "
            f"the result of layer {l + 1}'s call, belongs: a stale value, one layer behind, as if the name holding "
            f"the previous input were passed again")


def older_input(k, L):
    """Words added when layer k is given A[k-2], the input of layer k - 1 (a crash's operands, operands.py)."""
    sym = "A[L-2]" if k == L else "A[l-2]"
    return (f" ({sym}, the input of layer {k - 1}: a stale value, one layer behind, two layers back from "
            f"what layer {k} takes)")


def related_input(got, want, fam, k, l, m):
    """Words when layer l's input is a simple function of the {fam}[k] that belongs there (its negative,
    a multiple, its transpose: helperargs.relate); None otherwise."""
    from .helperargs import relate

    found = relate(got, want, f"{fam}[{k}]", m=m)
    if found is None:
        return None
    kind, how = found
    src = f"the result of layer {k}'s call" if fam == "A" else f"the result of layer {l + 1}'s call"
    if k == 0 and fam == "A":
        src = "X, the input"
    return (f"layer {l}'s call is given {how} ({src}), where {fam}[{k}] itself belongs: the chain hands each "
            f"layer's result to the next as it is, without a sign, a factor or a transpose")


__all__ = ["related_input", "older_input", "backward_shared", "forward_shared", "forward_stale", "backward_stale"]
