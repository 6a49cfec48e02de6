"""L_layer_model's loop judged as a dataflow: which call's result each block was given (diag15).

The lecture's loop, by values::

    P[0] = initialize_parameters(layer_dims, seed)
    for i in 0..n-1:
        A[L]_i, caches_i = model_forward(X, P[i])
        J_i = compute_cost(A[L]_i, Y)
        grads_i = model_backward(A[L]_i, Y, caches_i)
        P[i+1] = update_parameters(P[i], grads_i, learning_rate)
    return P[n], [J_0 .. J_{n-1}]

The call log (``KernelCall.calls``: [(block name, {argument -> copy}, copy of the result)], in the
order the calls ran) holds copies, so the provenance of an argument is found by value: the earlier
call whose result it equals. :func:`judge` replays the lecture's loop on the learner's own calls,
iteration by iteration (a call belongs to iteration i by the parameters its data comes from, not by
where it sits in the log, so a backward pass before the loop or a forward pass at the end of the
body is as good as the lecture's order), and says the first place where no call of the learner's
gives the lecture's value: how often a block ran (twice per iteration, once before the loop only,
once more after it), the gradients of an earlier forward pass (stale), a block given another
iteration's A[L], caches or parameters, the costs of other iterations, the parameters returned.
Every sentence is a fact of the run the log records.
"""
from __future__ import annotations

import numpy as np

from . import loopcosts
from .spec import agree

INIT, FORWARD, COST, BACKWARD, UPDATE = ("initialize_parameters", "model_forward", "compute_cost",
                                         "model_backward", "update_parameters")
MAX_CALLS = 400   # the log keeps 500 calls at most: a longer run is not judged (a part of it is lost)


class _Call:
    """One logged call: its place in the log ``k``, the block's name, its arguments and result."""
    __slots__ = ("k", "name", "given", "result")

    def __init__(self, k, name, given, result):
        self.k, self.name, self.given, self.result = k, name, given, result


def _same(a, b) -> bool:
    try:
        return a is not None and b is not None and agree(a, b)
    except (TypeError, ValueError):
        return False


_NUMBER = {2: "two", 3: "three", 4: "four"}


def _times(k) -> str:
    return {1: "once", 2: "twice"}.get(k, f"{k} times")


def _it(i) -> str:
    return f"iteration i = {i}"


class _Flow:
    """The learner's calls and the lecture's values found among them so far (P, A[L], caches, grads, J)."""

    def __init__(self, args, output, log):
        self.source = None
        self.X, self.Y, self.dims, self.lr, self.n, self.seed = args
        self.output = output
        self.calls = [_Call(k, nm, g if type(g) is dict else {}, r) for k, (nm, g, r) in enumerate(log)]
        self.of = {b: [c for c in self.calls if c.name == b] for b in (INIT, FORWARD, COST, BACKWARD, UPDATE)}
        self.P, self.made = [], []     # P[i] and the call that returned it
        self.fwd, self.grads, self.back = [], [], []   # per iteration: the forward call, g_i and its backward call
        self.cost_found, self.cost_at = None, None      # the first cost departure and its iteration

    def count(self, block) -> int:
        return len(self.of[block])

    def given(self, block, **want):
        """The calls of ``block`` whose arguments equal ``want`` (by value), in log order."""
        return [c for c in self.of[block] if all(_same(c.given.get(a), v) for a, v in want.items())]

    def version(self, value, seq) -> int | None:
        """The latest i with seq[i] equal to ``value``, or None."""
        for i in range(len(seq) - 1, -1, -1):
            if _same(value, seq[i]):
                return i
        return None

    def producer(self, value, block, part=None, before=None):
        """The latest call of ``block`` (before log place ``before``) whose result (or its item ``part``) equals ``value``."""
        for c in reversed(self.of[block]):
            if before is not None and c.k >= before:
                continue
            r = c.result
            if part is not None:
                r = r[part] if type(r) in (tuple, list) and len(r) > part else None
            if _same(value, r):
                return c
        return None


def judge(args, output, log, source=None):
    """(id suffix, words, refutes) for the first place where the learner's calls leave the lecture's
    dataflow, or None (nothing found, or a log that cannot be judged: no initialize_parameters,
    update_parameters or model_forward call, a log that may have lost calls)."""
    flow = _Flow(args, output, log)
    flow.source = source   # the learner's text, for the words about the append (loopcosts.py)
    if len(flow.calls) > MAX_CALLS or not flow.of[INIT] or not flow.of[FORWARD] or not flow.of[UPDATE] \
            or not flow.of[BACKWARD] or type(flow.n) is not int or flow.n < 1:
        return None
    found = _walk(flow)
    # the lecture's order: iteration i's cost before its update; a whole list reversed said as such
    if flow.cost_found is not None and (found is None or flow.cost_at <= len(flow.P) - 1):
        found = (_costs_placed(flow) if found is None else None) or flow.cost_found
    found = found or _returned(flow) or _costs_placed(flow)
    if found is None:
        return None
    mid, words, *more = found
    return mid, words, _refuted(flow) + tuple(more[0] if more else ())


def refuted(args, output, log) -> tuple:
    """The call-claiming mutants' claims this run's log shows false (:func:`_refuted`), for any finding."""
    flow = _Flow(args, output, log)
    return () if len(flow.calls) > MAX_CALLS else _refuted(flow)


def _refuted(flow) -> tuple:
    """The call-claiming mutants' claims the log shows false: one initialisation, n passes, n costs."""
    out = []
    if flow.count(INIT) == 1:
        out.append("reinitialised_in_loop")
    if flow.count(FORWARD) == flow.n and (flow.count(UPDATE) == flow.n or flow.count(BACKWARD) == flow.count(COST)
                                          == flow.n):   # the body ran n times: only one block in it was skipped
        out.append("iterations_off_by_one")
    costs = flow.output[1] if type(flow.output) in (tuple, list) and len(flow.output) == 2 else None
    if type(costs) in (list, tuple) and len(costs) == flow.n:
        out.append("costs_every_100")
    if len(flow.fwd) >= 2:   # the forward pass ran on the parameters of two iterations at least
        out.append("forward_not_repeated")
    return tuple(out)


def _walk(flow):
    """The lecture's loop replayed on the learner's calls; the first departure as (id, words), or None."""
    n = flow.n
    P0 = flow.of[INIT][0].result
    if type(P0) is not dict:
        return None
    flow.P, flow.made = [P0], [flow.of[INIT][0]]
    for i in range(n):
        # the first forward pass after P[i] was made: the lecture's gives it P[i]
        f = next((c for c in flow.of[FORWARD] if c.k > flow.made[i].k), None)
        if f is None or not _same(f.given.get("parameters"), flow.P[i]):
            return _no_forward(flow, i)
        if type(f.result) not in (tuple, list) or len(f.result) != 2:
            return None
        AL, caches = f.result
        flow.fwd.append(f)
        if flow.cost_found is None:
            flow.cost_found = _cost_of(flow, i, AL)
            if flow.cost_found is not None:
                flow.cost_at = i
        bs = flow.given(BACKWARD, AL=AL, caches=caches)
        flow.back.append(bs[0] if bs else None)
        flow.grads.append(bs[0].result if bs else None)
        # one forward pass per iteration (the usual loop): the update of iteration i comes before the next one
        ends = [c.k for c in flow.of[FORWARD]] if flow.count(FORWARD) == n else []
        end = ends[i + 1] if i + 1 < len(ends) else len(flow.calls)
        us = [c for c in flow.given(UPDATE, parameters=flow.P[i]) if flow.made[i].k < c.k < end]
        right = [c for c in us if bs and _same(c.given.get("grads"), flow.grads[i])]
        if not right:
            return _no_update(flow, i, us, end)
        flow.P.append(right[0].result)
        flow.made.append(right[0])
    return None


# -- the forward pass of iteration i ------------------------------------------------------------
def _no_forward(flow, i):
    """No model_forward given P[i] after it was made: what the next forward pass was given instead."""
    n, made = flow.n, flow.made[i]
    later = [c for c in flow.of[FORWARD] if c.k > made.k]
    nF = flow.count(FORWARD)
    if i == 0:
        return None   # the initial parameters never reach the forward pass: the argument checks say why
    if not later:
        if nF < n and any(c.k > made.k for c in flow.of[UPDATE]):   # updates go on without a forward pass
            return "loop_block_count", (f"model_forward runs {_times(nF)} for num_iterations = {n}, none after the "
                                        f"update of {_it(i - 1)}: the updates after it are made from the A[L] and "
                                        f"caches of an earlier forward pass, not of the parameters they update")
        return None
    f = later[0]
    Pg = f.given.get("parameters")
    extra = _steps_back(flow, Pg, flow.P[i], f.k)
    if extra:
        nU, k = flow.count(UPDATE), len(extra) + 1
        again = all(_same(u.given.get("grads"), made.given.get("grads")) for u in extra)
        per = (f"update_parameters runs {_times(nU // n)} in each iteration ({nU} calls for num_iterations = {n})"
               if nU % n == 0 and nU // n >= 2 and _per_iteration(flow, UPDATE) == nU // n else
               f"update_parameters runs {nU} times for num_iterations = {n}")
        if again:
            return "loop_block_count", (f"{per}: in {_it(i - 1)} the call{'s' if k > 2 else ''} after the first "
                                        f"{'are' if k > 2 else 'is'} given the parameters the one before returned and "
                                        f"the same grads, {_NUMBER.get(k, k)} steps with the same gradients, as if alpha were "
                                        f"{'doubled' if k == 2 else f'{k} times larger'}")
        return "loop_block_count", (f"{per}: in {_it(i - 1)} update_parameters is called again on the parameters "
                                    f"it had just returned, so the next forward pass starts {k} steps on")
    if flow.count(INIT) > 1 and _same(Pg, flow.P[0]) and flow.producer(Pg, INIT, before=f.k) is not flow.of[INIT][0]:
        nI = flow.count(INIT)
        return "loop_block_count", (f"initialize_parameters runs {nI} times for num_iterations = {n}: the forward pass of "
                                    f"{_it(i)} is given freshly initialised parameters, not those update_parameters "
                                    f"returned in {_it(i - 1)}")
    j = flow.version(Pg, flow.P[:i])
    if j is not None:
        which = "the initial parameters" if j == 0 else f"the parameters {_it(j)} started with"
        return "loop_wrong_input", (f"the forward pass of {_it(i)} is given {which}, not those update_parameters "
                                    f"returned in {_it(i - 1)}: the update does not reach the next forward pass")
    return None


def _per_iteration(flow, block) -> int | None:
    """How many calls of ``block`` every iteration makes, when the log has one forward pass per
    iteration and each makes the same number (the calls before the first forward pass count with
    the first iteration), else None."""
    ks = [c.k for c in flow.of[FORWARD]]
    if len(ks) != flow.n:
        return None
    bounds = [-1] + ks[1:] + [len(flow.calls)]
    each = {sum(1 for c in flow.of[block] if lo < c.k < hi) for lo, hi in zip(bounds, bounds[1:])}
    return each.pop() if len(each) == 1 else None


def _steps_back(flow, value, start, before) -> list:
    """The update_parameters calls, last first, that led from ``start`` (P[i]) to ``value`` after the
    update that made P[i]: [] when ``value`` is not ``start`` stepped on by updates."""
    chain, cur = [], value
    while len(chain) < len(flow.of[UPDATE]):
        u = flow.producer(cur, UPDATE, before=before)
        if u is None or u in flow.made:
            return []
        chain.append(u)
        cur, before = u.given.get("parameters"), u.k
        if _same(cur, start):
            return chain
    return []


# -- the cost of iteration i -------------------------------------------------------------------
def _costs(flow):
    out = flow.output[1] if type(flow.output) in (tuple, list) and len(flow.output) == 2 else None
    if type(out) is np.ndarray and out.ndim == 1:
        out = out.tolist()
    return out if type(out) in (list, tuple) else None


def _J(flow, AL):
    """J of ``AL`` as the learner's compute_cost gave it (a call given that A[L]), or None."""
    cs = flow.given(COST, AL=AL)
    return cs[0].result if cs else None


def _cost_of(flow, i, AL):
    """costs[i] against J_i, the cost of this iteration's A[L]: the cost of an earlier iteration said."""
    costs = _costs(flow)
    if costs is None or len(costs) <= i:
        return None
    Ji, got = _J(flow, AL), costs[i]
    if Ji is not None and _same(got, Ji):
        return None
    j = next((j for j, f in enumerate(flow.fwd[:i]) if _same(got, _J(flow, f.result[0]))), None)
    if j is None:
        return None
    nC = flow.count(COST)
    if Ji is None:
        if nC >= flow.n:
            return None
        return "loop_block_count", (f"compute_cost runs {_times(nC)} for num_iterations = {flow.n}, never on the A[L] "
                                    f"of {_it(i)}: costs[{i}] is the cost J of {_it(j)} again, the last one computed")
    c = flow.producer(got, COST, before=flow.fwd[i].k)
    how = ""
    if c is not None and j == i - 1 and c.k > flow.made[i].k and _same(c.given.get("AL"), flow.fwd[j].result[0]):
        how = (f": compute_cost runs after the update of {_it(j)} and before the forward pass of {_it(i)}, on the "
               f"A[L] kept from {_it(j)}")
    return "loop_wrong_input", (f"costs[{i}] is the cost J of {_it(j)} (the parameters before the last "
                                f"update{'s' if i - j > 1 else ''}), not of {_it(i)}{how}")


def _costs_placed(flow):
    """After n right iterations: costs held against the n costs J_i as a sequence (loopcosts.py: reversed,
    out of order, one cost repeated, shifted by one, some iterations' costs missing)."""
    costs, n = _costs(flow), flow.n
    if costs is None or len(flow.fwd) != n:
        return None
    return loopcosts.sequence(costs, [_J(flow, f.result[0]) for f in flow.fwd], flow.source)


# -- the update of iteration i -----------------------------------------------------------------
def _no_update(flow, i, us, end):
    """No update_parameters given (P[i], grads_i) before log place ``end`` (the next iteration's forward
    pass, when there is one per iteration): what the update of P[i] was given instead."""
    n = flow.n
    if not us:
        nU, nB = flow.count(UPDATE), flow.count(BACKWARD)
        if nU < n and not any(flow.made[i].k < c.k < end for c in flow.of[UPDATE]):   # the forward pass goes on
            both = "model_backward and update_parameters run" if nB == nU else "update_parameters runs"
            after = not any(c.k > flow.made[i].k for c in flow.of[UPDATE])
            ended = loopcosts.stop(flow.source) if after and flow.count(FORWARD) == i + 1 else None
            under = loopcosts.guard(flow.source, UPDATE)
            ended = ended or (f"update_parameters sits under `if {under}:`, which skips it there" if under else None)
            return "loop_block_count", (f"{both} only {_times(nU)} for num_iterations = {n}, not in every iteration: "
                                        f"none in {_it(i)}{' or after' if after else ''}, although its model_forward "
                                        f"runs, so the parameters " + (f"stop changing after the update of {_it(i - 1)}"
                                        if after else "are not changed in this iteration")
                                        + (f": {ended}" if ended else "") if i else
                                        f"{both} only {_times(nU)} for num_iterations = {n}, not in every iteration: "
                                        f"none in {_it(0)}, although its model_forward runs")
        g = flow.grads[i]
        others = [c for c in flow.of[UPDATE] if g is not None and _same(c.given.get("grads"), g)]
        if others:
            j = flow.version(others[0].given.get("parameters"), flow.P[:i])
            if j is not None:
                which = "the initial parameters" if j == 0 else f"the parameters {_it(j)} started with"
                return "loop_wrong_input", (f"the update of {_it(i)} is given {which}, not the parameters this "
                                            f"iteration's forward pass used (those update_parameters returned in "
                                            f"{_it(i - 1)})")
        return None
    u = us[0]
    gu = u.given.get("grads")
    b = flow.producer(gu, BACKWARD, before=u.k)
    if b is None:
        return None
    va = _forward_version(flow, b.given.get("AL"), 0)
    vc = _forward_version(flow, b.given.get("caches"), 1)
    nB = flow.count(BACKWARD)
    if va is not None and va == vc and va < i:
        late = i - va
        behind = "one step behind" if late == 1 else f"{late} steps behind"
        what = (f"the update of {_it(i)} is given the gradients of {_it(va)}'s forward pass, the parameters before "
                f"the last update{'s' if late > 1 else ''}, not of the parameters it updates: stale gradients, {behind}")
        if nB < n and all(c.k < flow.fwd[1].k for c in flow.of[BACKWARD]):
            return "loop_block_count", (f"model_backward runs {_times(nB)} for num_iterations = {n}, all before the "
                                        f"forward pass of {_it(1)}: {what}; every update uses the gradients of the "
                                        f"initial parameters")
        mine = flow.back[i]
        if mine is not None and mine.k > u.k:
            return "loop_stale_gradients", (f"{what}. The model_backward call on this iteration's A[L] and caches "
                                            f"runs only after update_parameters, so its grads reach only the next "
                                            f"iteration's update")
        if mine is not None:
            return "loop_stale_gradients", (f"{what}. This iteration's model_backward runs before the update, but "
                                            f"its grads are not the ones update_parameters is given")
        if b.k < flow.fwd[i].k:
            return "loop_stale_gradients", (f"{what}. model_backward is given the A[L] and caches of an earlier "
                                            f"forward pass, not of this iteration's")
        return "loop_stale_gradients", what
    if va is not None and vc is not None and va != vc:
        return "loop_wrong_input", (f"in {_it(i)} model_backward is given the A[L] of {_it(va)}'s forward pass "
                                    f"but the caches of {_it(vc)}'s: A[L] and caches must come from the same "
                                    f"model_forward call, this iteration's")
    return None


def _forward_version(flow, value, part) -> int | None:
    """The iteration whose forward pass returned ``value`` as its item ``part`` (0: A[L], 1: caches), or None."""
    for j in range(len(flow.fwd) - 1, -1, -1):
        if _same(value, flow.fwd[j].result[part]):
            return j
    return None


# -- after the loop -----------------------------------------------------------------------------
def _returned(flow):
    """After n right iterations: the parameters returned against P[n], the last update's result."""
    n = flow.n
    if len(flow.P) != n + 1 or type(flow.output) not in (tuple, list) or len(flow.output) != 2:
        return None
    got = flow.output[0]
    if type(got) is not dict or _same(got, flow.P[n]):
        return None
    last = flow.made[n]
    if flow.count(FORWARD) > n and flow.given(FORWARD, parameters=flow.P[n]):
        return None   # a whole iteration more, not an update after the loop (the iterations_off_by_one mutant's)
    extra = [c for c in flow.of[UPDATE] if c.k > last.k and _same(c.given.get("parameters"), flow.P[n])
             and _same(c.result, got)]
    if extra:
        return "loop_block_count", (f"update_parameters runs {flow.count(UPDATE)} times for num_iterations = {n}: once "
                                    f"more after the {n} iterations, so the parameters returned have taken one step "
                                    f"too many (after the loop, return what the last iteration's update returned)")
    j = flow.version(got, flow.P[:n])
    if j is not None and j > 0:
        return "loop_returned", (f"the parameters returned are those {_it(j)} started with, from before the last "
                                 f"{'update' if n - j == 1 else f'{n - j} updates'}, not the ones the last "
                                 f"update_parameters returned")
    return None


def iterations(args, output, log) -> str | None:
    """The words for a loop whose body ran k != num_iterations times, every block k times and
    initialize_parameters once (the iterations_off_by_one mutant's claim, in this run's numbers), or None."""
    flow = _Flow(args, output, log)
    n, counts = flow.n, {flow.count(b) for b in (FORWARD, BACKWARD, UPDATE)}
    if len(flow.calls) > MAX_CALLS or flow.count(INIT) != 1 or len(counts) != 1 or type(n) is not int:
        return None
    k = counts.pop()
    costs = _costs(flow)
    if k == n or k == 0 or (costs is not None and len(costs) != k):
        return None
    held = f", and costs holds {k} costs" if costs is not None else ""
    off = (f"one iteration too {'many' if k > n else 'few'}" if abs(k - n) == 1 else
           f"{abs(k - n)} iterations too {'many' if k > n else 'few'}")
    return (f"the loop ran {k} times for num_iterations = {n}: {k} forward passes, {k} backward passes and {k} "
            f"updates{held}, {off}")
