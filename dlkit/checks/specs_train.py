"""The spec for L_layer_model: the training loop the learner writes from their own blocks.

``L_layer_model(X, Y, layer_dims, learning_rate, num_iterations, seed)``
initialises once with ``initialize_parameters(layer_dims, seed)``, then
repeats forward, cost, backward, update ``num_iterations`` times and returns
``(parameters, costs)``: the trained parameters and the cost J of every
iteration, computed before that iteration's update (``costs[0]`` is the cost
of the initial parameters), as ``dlkit.train`` does.

The loop calls the learner's blocks by name (``initialize_parameters``,
``model_forward``, ``compute_cost``, ``model_backward``, ``update_parameters``).
The expected answer is dlkit's loop started from the same initial weights:
dlkit's ``initialize_parameters`` when the learner's gives the same weights
(notebook 1 asks for exactly that), else the learner's own ones (asked for
through ``call``), so a learner whose initialisation differs but passes its
own checkpoint is judged on the loop alone. Cases are tiny (a few
iterations of networks with a handful of units) so the check stays fast.
"""
from __future__ import annotations

import re

import numpy as np

import dlkit

from . import cases as C
from . import helperargs, loopcosts, loopflow
from .plain import LearnerError, fmt, kind
from .spec import Mutant, Spec, agree, ordered
from .specs_model import fixed_model

# The value hard-coded by learners who copy the course's default instead of using the argument.
DEFAULT_RATE = 0.0075


def _loop(start, X, Y, layer_dims, learning_rate, num_iterations, seed, *, n=None, rate=None, seed_used=None,
          reinit=False, forward_once=False, keep_update=True, cost_after_update=False, record=None,
          return_initial=False):
    """dlkit's training loop, with the known ways of getting it wrong as keyword switches (for mutants).

    ``start(layer_dims, seed)`` gives the initial parameters (dlkit's or the learner's).
    """
    initial = start(layer_dims, seed if seed_used is None else seed_used)
    parameters = initial
    steps = num_iterations if n is None else n(num_iterations)
    alpha = learning_rate if rate is None else rate(learning_rate)
    costs = []
    AL, caches = dlkit.model_forward(X, parameters)
    for i in range(steps):
        if reinit:
            parameters = initial
        if not forward_once:
            AL, caches = dlkit.model_forward(X, parameters)
        cost = dlkit.compute_cost(AL, Y)
        grads = dlkit.model_backward(AL, Y, caches)
        updated = dlkit.update_parameters(parameters, grads, alpha)
        if keep_update:
            parameters = updated
        if cost_after_update:
            cost = dlkit.compute_cost(dlkit.model_forward(X, parameters)[0], Y)
        if record is None or record(i):
            costs.append(cost)
    return (initial if return_initial else parameters), costs


def _shapes_fit(parameters, layer_dims) -> bool:
    """Does ``parameters`` hold W[l] (n[l], n[l-1]) and b[l] (n[l], 1) of numbers for every layer?"""
    if type(parameters) is not dict or len(parameters) != 2 * (len(layer_dims) - 1):
        return False
    for l in range(1, len(layer_dims)):
        W, b = parameters.get(f"W{l}"), parameters.get(f"b{l}")
        if type(W) is not np.ndarray or W.shape != (layer_dims[l], layer_dims[l - 1]) or W.dtype.kind != "f":
            return False
        if type(b) is not np.ndarray or b.shape != (layer_dims[l], 1) or b.dtype.kind != "f":
            return False
    return True


class LLayerModel(Spec):
    name = "L_layer_model"
    arg_names = ("X", "Y", "layer_dims", "learning_rate", "num_iterations", "seed")
    parts = ("parameters", "costs")
    helpers = ("initialize_parameters", "model_forward", "compute_cost", "model_backward", "update_parameters")
    equation = ("Look at the loop: parameters = initialize_parameters(layer_dims, seed) once; then, "
                "num_iterations times: A[L], caches = model_forward; J = compute_cost (append it to costs); "
                "grads = model_backward; parameters = update_parameters(parameters, grads, learning_rate).")
    n_random = 4

    def __init__(self):
        self._starts = None  # (tuple(layer_dims), seed) -> the learner's initial parameters, while a run needs them
        self._counts = None  # [(num_iterations, len(costs))] per case, while a run needs them (diag12)

    # -- initial weights ---------------------------------------------------------------
    def _start(self, layer_dims, seed):
        if self._starts is not None:
            found = self._starts.get((tuple(layer_dims), seed))
            if found is not None:
                return {k: v.copy() for k, v in found.items()}
        return dlkit.initialize_parameters(list(layer_dims), seed=seed)

    def reference(self, X, Y, layer_dims, learning_rate, num_iterations, seed):
        return _loop(self._start, X, Y, layer_dims, learning_rate, num_iterations, seed)

    # -- cases -------------------------------------------------------------------------
    def fixed_cases(self):
        X, _, Y = fixed_model()
        return [(X, Y, [2, 2, 1], 0.5, 4, 3)]

    def random_case(self, rng, i):
        X, _, Y = C.model_inputs(rng, i)
        dims = C.MODEL_DIMS[i % len(C.MODEL_DIMS)]
        # seeds other than 1, so that a loop that ignores its seed shows
        return (X, Y, list(dims), (0.5, 0.1, 1.2, 0.3)[i % 4], (6, 1, 5, 3)[i % 4], int(rng.integers(2, 1000)))

    def case_info(self, args):
        return {"m": args[0].shape[1], "num_iterations": args[4]}

    def describe(self, args):
        X, _, dims, lr, n, seed = args
        return f"X {tuple(X.shape)}, layer_dims {list(dims)}, learning_rate = {lr}, num_iterations = {n}, seed = {seed}"

    # -- the output --------------------------------------------------------------------
    def split(self, out, case):
        if type(out) in (tuple, list) and len(out) == 2:
            parameters, costs = out
            if type(parameters) in (list, tuple) and type(costs) is dict:
                found = self._finding(f"{self.name}.returns_swapped", ["Your function returned (costs, parameters)."])
                return {"parameters": costs, "costs": parameters}, [found]
            if type(costs) is np.ndarray and costs.ndim == 1:
                costs = costs.astype(np.float64).tolist()  # an array of the costs is as good as a list
            return {"parameters": parameters, "costs": costs}, []
        found = self._finding(f"{self.name}.returns_wrong_structure", [f"Your function returned {kind(out)}."])
        return ({"parameters": out} if type(out) is dict else {}), [found]

    def part_mismatch(self, part, got, exp, case):
        if part == "parameters":
            return super().part_mismatch(part, got, exp, case)
        n = case.info["num_iterations"]
        if type(got) not in (list, tuple):
            said = f"costs should be a list of the cost J at every iteration ({n} values), got {kind(got)}"
            for at, whose in ((-1, "the last"), (0, "the first")):   # one cost returned where the list belongs (train2)
                if exp and _number(got) and agree(float(got), exp[at]) and (n > 1 or at == -1):
                    return f"{said}: the cost J of {whose} iteration alone, returned where the list costs belongs"
            return said
        if len(got) != len(exp):
            return f"costs holds {len(got)} value(s) but should hold one per iteration, num_iterations = {n}"
        for i, (g, e) in enumerate(zip(got, exp)):
            if not agree(g, e):
                got_text = fmt(g) if type(g) in (int, float) or (type(g) is np.ndarray and g.size == 1) else kind(g)
                where = ("the cost of the initial parameters is already different" if i == 0 else
                         "costs[0], the cost of the initial parameters, is right")
                return f"costs[{i}] should be {fmt(e)}, got {got_text} ({where})"
        return None

    # -- known mistakes ------------------------------------------------------------------
    def mutants(self):
        def loop(**how):
            return lambda *args: _loop(self._start, *args, **how)
        return [
            Mutant("L_layer_model.cost_after_update", loop(cost_after_update=True)),
            Mutant("L_layer_model.reinitialised_in_loop", loop(reinit=True)),
            Mutant("L_layer_model.forward_not_repeated", loop(forward_once=True)),
            Mutant("L_layer_model.update_discarded", loop(keep_update=False)),
            Mutant("L_layer_model.returns_initial_parameters", loop(return_initial=True)),
            Mutant("L_layer_model.costs_not_recorded", loop(record=lambda i: False)),
            Mutant("L_layer_model.costs_every_100", loop(record=lambda i: i % 100 == 0)),
            Mutant("L_layer_model.learning_rate_fixed", loop(rate=lambda a: DEFAULT_RATE)),
            Mutant("L_layer_model.learning_rate_applied_twice", loop(rate=lambda a: a * a)),
            Mutant("L_layer_model.iterations_off_by_one", loop(n=lambda k: max(k - 1, 0))),
            Mutant("L_layer_model.iterations_off_by_one", loop(n=lambda k: k + 1)),
            Mutant("L_layer_model.seed_ignored", loop(seed_used=1)),
        ]

    def exception_mistake(self, err, case):
        if err.exc_type == "TypeError" and re.search(r"missing \d+ required positional argument.*'learning_rate'",
                                                     err.message):   # the argument named is learning_rate
            return "L_layer_model.learning_rate_not_passed"
        return None

    # -- the loop's calls: which blocks ran, with what ---------------------------------------
    def explain_calls(self, call, runs):
        """For a wrong output nothing else named: the learner's loop run once more on the first wrong
        public case with its blocks' calls noted (``call.calls``), held against the lecture's loop
        (:func:`judge_loop`)."""
        logged = self.logged_calls(call, runs, self.helpers)
        if logged is None:
            return None
        case, got = logged
        found = judge_loop(case.args, *got, source=self._learner_text(call))
        if found is None:
            return None
        mid, words, refutes = found if len(found) == 3 else (*found, ())
        f = self._finding(f"{self.name}.{mid}", [f"With {case.label}."], words=words)
        # the mutants' claims this run shows to be false (Spec._calls_recheck): the finding's own, and the
        # log's counts whatever the finding (one initialisation, n passes of the body, n costs)
        f.refutes = tuple(dict.fromkeys(tuple(refutes) + loopflow.refuted(case.args, *got)))
        return f

    def _calls_recheck(self, call, runs, findings) -> list:
        """Spec._calls_recheck, with the log's finding put first only when it refutes a claim the report
        makes: the dataflow's (loopflow.py) says every claim the log shows false, made or not (diag15)."""
        findings = self._confirmed(call, runs, findings)
        made = {f.id.rsplit(".", 1)[-1] for f in findings}
        first = ordered(findings)[0].id.rsplit(".", 1)[-1]
        if first not in self.call_claims + self.call_checked + self.VAGUE_WHERE:
            return findings
        found = self.explain_calls(call, runs)
        if found is None:
            return findings
        refuted = set(getattr(found, "refutes", ())) & made
        if refuted:
            return [found] + [f for f in findings if f.id.rsplit(".", 1)[-1] not in refuted]
        return [found] + findings if first in self.VAGUE_WHERE else findings

    # mutants whose mechanism changes the trained parameters (every case has lr != 0 and a step at least):
    # matched on costs alone while the learner's parameters are right, their claim is false (train2)
    PARAMETER_CLAIMS = ("update_discarded", "reinitialised_in_loop", "forward_not_repeated", "learning_rate_fixed",
                        "learning_rate_applied_twice", "iterations_off_by_one", "seed_ignored",
                        "returns_initial_parameters")
    call_checked = ("whole_numbers",)   # costs[0] a number set before the loop: the log says so (loopcosts.py)

    def _weigh_mistakes(self, runs, public=False, named=False) -> list:
        """Spec._weigh_mistakes without the claims about the update when the parameters are right on every
        case: a mutant of that kind matched on costs only (the stale cost appended gives the costs of an
        update thrown away) is replaced by the generic line, so the call log is heard instead."""
        findings = super()._weigh_mistakes(runs, public, named)
        if any(w.get("parameters") for _, _, w in runs):
            return findings
        kept = [f for f in findings if f.id.rsplit(".", 1)[-1] not in self.PARAMETER_CLAIMS]
        if len(kept) == len(findings):
            return findings
        bad = [(case, w["costs"]) for case, _, w in runs if w.get("costs")]
        if bad and not any(f.id.endswith(".costs_wrong") for f in kept):
            from .result import Finding

            case, problem = bad[0]
            kept.append(Finding(f"{self.name}.costs_wrong", f"{problem}. {self.equation}", [f"(with {case.label})"],
                                generic=True))
        return kept

    # mutants whose claim the call log can say in the run's own numbers: the log's finding that confirms it
    CONFIRMED_BY = {"update_discarded": "loop_not_fed_back", "learning_rate_fixed": "loop_arguments"}

    def _confirmed(self, call, runs, findings) -> list:
        """The findings, the first one a loop mutant's the call log confirms with this run's numbers
        (how many times the loop ran; the update given the initial parameters every time; the rate
        used) followed by those numbers: one mutant id covers several variants (range(n + 1) and
        range(1, n)), the log says which one this is (diag15)."""
        first = ordered(findings)[0]
        mid = first.id.rsplit(".", 1)[-1]
        if mid not in ("iterations_off_by_one", "returns_initial_parameters") and mid not in self.CONFIRMED_BY:
            return findings
        logged = self.logged_calls(call, runs, self.helpers)
        if logged is None:
            return findings
        case, got = logged
        if mid == "iterations_off_by_one":
            words = loopflow.iterations(case.args, *got)
        elif mid == "returns_initial_parameters":   # which variable is returned (loopcosts.py)
            words = loopcosts.returned_initial(*got, self._learner_text(call))
        else:
            found = judge_loop(case.args, *got, source=self._learner_text(call))
            words = found[1] if found is not None and found[0] == self.CONFIRMED_BY[mid] else None
            if words is not None and mid == "learning_rate_fixed" and "learning rate" not in words:
                words = None
        if not words:
            return findings
        from .result import Finding

        said = Finding(first.id, f"{first.hint} Here {words}.", list(first.details))
        return [said if f is first else f for f in findings]

    def _keys_explained(self, part, wrong_runs):
        """The loop's parameters keys are not said by whole layers: they are whatever the learner's
        initialize_parameters (checked on its own) made of the layer_dims it was given, and the call
        log says what it was given (:func:`judge_loop`)."""
        from . import keys

        pairs = [(set(g.get(part)), set(c.expected[0])) for c, g, _ in wrong_runs
                 if type(g.get(part)) is dict and type(c.expected) is tuple and type(c.expected[0]) is dict]
        said = keys.explain(pairs) if pairs and len(pairs) == len(wrong_runs) else None
        if said is not None and said[0] == "layers":
            return None
        return super()._keys_explained(part, wrong_runs)

    # mutants whose output another loop gives too: the call log tells them apart (diag11)
    call_claims = ("reinitialised_in_loop", "costs_every_100", "iterations_off_by_one",
                   "forward_not_repeated")   # (a backward pass before the loop only gives its parameters: diag15)

    # -- the run: start from the weights the learner's loop will start from ---------------
    def run(self, call, *, seed=None, localise=True, helper_results=None):
        """Spec.run from the weights the learner's loop starts from; like every spec's, its crashes
        are explained by ``exception_mistake`` and crashes.py, and a wrong output nothing named by
        the source layer (source.py) on the loop's own code; ``helper_results`` as in Spec.run."""
        built = self.cases(seed)
        starts, problem = self._learner_starts(call, built)
        if problem is not None:
            from .result import CheckResult

            return CheckResult(self.name, "failed", 0, self.max_points, [problem], cases=len(built))
        judge = {"seed": seed, "localise": localise, "helper_results": helper_results}
        memo = self.__dict__.pop("cases", None)  # a grader's memo of the cases, put back below
        try:
            if starts is None:
                self.cases = lambda seed=None: built  # (built once above)
                return super().run(call, **judge)
            # The learner's initialize_parameters gives other (valid, reproducible) weights than dlkit's:
            # judge the loop from those, with cases built for this learner only.
            self._starts = starts
            result = super().run(call, **judge)
        finally:
            self._starts = None
            self._counts = None   # this run's loop counts (extra_findings -> _causes_checked): never the next run's
            self.__dict__.pop("cases", None)
            if memo is not None:
                self.cases = memo
        result.notes.append("(Your initialize_parameters gives other weights than dlkit's for the same seed; "
                            "this check compared your loop with dlkit's loop started from your weights.)")
        return result

    def extra_findings(self, runs) -> list:
        # each case's (num_iterations, len(costs)), for _causes_checked: a fixed loop count (diag12)
        self._counts = [(case.info["num_iterations"], len(parts["costs"])) for case, parts, _ in runs
                        if type(parts.get("costs")) in (list, tuple)]
        return super().extra_findings(runs)

    def _crash_started_wrong(self, call, findings) -> list:
        """A crash inside the loop (model_forward refusing W1 for X, a shape error) after the loop gave
        initialize_parameters other layer_dims or another seed than its own arguments: that first,
        then the crash (the refusal is its consequence)."""
        calls = getattr(call, "calls", None)
        crashed = ("shape_error", "raised_ValueError", "raised_IndexError", "raised_KeyError", "raised_TypeError")
        if calls is None or not findings or not findings[0].id.endswith(crashed):
            return findings
        for case in self.cases(None):
            got = calls(self.name, case.args, self.helpers, partial=True)
            if got is None or got[0] is not None:
                continue        # no log, or this case did not crash
            found = judge_start(case.args, got[1])
            if found is None:   # W2c: the argument the crashing helper was given, against what belongs there
                found = helperargs.loop_failed_call(case.args, got[1], getattr(call, "failed_call", None))
            if found is not None:
                said = self._finding(f"{self.name}.{found[0]}", [f"With {case.label}."], words=found[1])
                return [said] + findings
            return findings
        return findings

    def _causes_checked(self, call, findings) -> list:
        """A loop that ran the same N times on every case, whatever its num_iterations, with range(N) in
        the source: said first, whether or not the call log could be kept (a long loop) (diag12)."""
        findings = self._crash_started_wrong(call, super()._causes_checked(call, findings))
        counts = getattr(self, "_counts", None) or []
        ns = {N for _, N in counts}
        if not findings or len(ns) != 1 or all(n == N for n, N in counts) \
                or any(f.id.endswith(".loop_iterations_fixed") for f in findings):
            return findings
        N = ns.pop()
        n = next(n for n, M in counts if n != M)
        found = _fixed_count(n, N, self._learner_text(call))
        if found is None:
            return findings
        words = found[1] + (f" (the same {N} on every case, for num_iterations = "
                            f"{', '.join(str(k) for k in dict.fromkeys(n for n, _ in counts))})" if len(counts) > 1 else "")
        return [self._finding(f"{self.name}.{found[0]}", [], words=words)] + findings

    def _learner_starts(self, call, cases):
        """(learner's initial parameters by (layer_dims, seed), or None when they are dlkit's; a Finding or None)."""
        keys = dict.fromkeys((tuple(c.args[2]), s) for c in cases for s in (c.args[5], 1))
        starts, differs = {}, False
        for dims, s in keys:
            try:
                first, _ = call("initialize_parameters", (list(dims), s))
                again, _ = call("initialize_parameters", (list(dims), s))
            except LearnerError:
                return None, None  # the loop will meet the same error, and the report says so
            if not (_shapes_fit(first, dims) and _shapes_fit(again, dims)):
                return None, None  # initialize_parameters' own check names what is wrong
            if not agree(first, again):
                return None, self._finding(f"{self.name}.initialization_not_reproducible",
                                           [f"Two calls initialize_parameters({list(dims)}, seed={s}) gave different weights."])
            starts[(dims, s)] = first
            differs = differs or not agree(first, dlkit.initialize_parameters(list(dims), seed=s))
        return (starts if differs else None), None


def _close(a, b) -> bool:
    try:
        a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    except (TypeError, ValueError):
        return False
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=1e-6, atol=1e-12))


def _number(v) -> bool:
    return type(v) in (int, float) and not isinstance(v, bool)


def _scaled(got, want):
    """The one number c with got = c * want (entry by entry), or None."""
    if type(got) is not np.ndarray or type(want) is not np.ndarray or got.shape != want.shape:
        return None
    use = np.abs(want) > 1e-12
    if not use.any():
        return None
    with np.errstate(all="ignore"):
        c = float(np.median(got[use] / want[use]))
    return c if np.isfinite(c) and _close(got, c * want) else None


def _step(before, after, grads):
    """The one number c with after[k] = before[k] + c * grads['d' + k] for every parameter k, or None."""
    if not (type(before) is dict and type(after) is dict and type(grads) is dict) or set(before) != set(after):
        return None
    cs = []
    for k, v in before.items():
        g, w = grads.get("d" + k), after.get(k)
        if type(v) is not np.ndarray or type(g) is not np.ndarray or type(w) is not np.ndarray or g.shape != v.shape:
            return None
        c = _scaled(w - v, g)
        if c is None:
            return None
        cs.append(c)
    return cs[0] if cs and all(abs(c - cs[0]) <= 1e-6 * max(1.0, abs(cs[0])) for c in cs) else None


def _fraction(c) -> str:
    """X * c in the lecture's words: 'X / 255' for c = 1/255, else 'X * 0.5'."""
    if c != 0 and abs(1 / c - round(1 / c)) < 1e-6 and abs(round(1 / c)) > 1:
        k = int(round(1 / c))
        return f"X / {k}", f"every entry of X is divided by {k}"
    return f"X * {c:g}", f"every entry of X is multiplied by {c:g}"


def _dims_changed(given, dims) -> str:
    """Why the layer_dims the loop passed on differ from the argument: one size put in front or at the
    end again (one layer too many), one left out (one layer too few), or sizes changed (which n[l])."""
    L = len(dims) - 1
    if len(given) == len(dims) + 1 and given[1:] == dims:
        return (f"n[0] = {given[0]} is put in front of it again, although layer_dims already starts with n[0] "
                f"= X.shape[0]: one layer too many")
    if len(given) == len(dims) + 1 and given[:-1] == dims:
        return (f"{given[-1]} is put at its end, although layer_dims already ends with n[{L}] = {dims[-1]}, "
                f"the output layer's size: one layer too many")
    if len(given) == len(dims) - 1 and given == dims[1:]:
        return (f"n[0] = {dims[0]}, the input's size, is left out, so W1 is sized for {given[0]} inputs: "
                f"one layer too few")
    if len(given) == len(dims) - 1 and given == dims[:-1]:
        return f"n[{L}] = {dims[-1]}, the output layer's size, is left out: one layer too few"
    if len(given) != len(dims):
        more = len(given) > len(dims)
        return (f"{abs(len(given) - len(dims))} layer(s) too {'many' if more else 'few'}: L = {len(given) - 1} "
                f"where layer_dims gives L = {L}")
    changed = [f"n[{k}] = {g} where {d} belongs" for k, (g, d) in enumerate(zip(given, dims)) if g != d]
    return "the network gets other layer sizes than the ones asked for (" + ", ".join(changed) + ")"


def judge_start(args, log):
    """("loop_arguments", words) when the loop's first initialize_parameters call (``log`` as in
    :func:`judge_loop`) is given other layer_dims or another seed than L_layer_model's, else None."""
    X, Y, dims, lr, n, seed = args
    inits = [g for nm, g, _ in log if nm == "initialize_parameters"]
    if not inits:
        return None
    ld, sd = inits[0].get("layer_dims"), inits[0].get("seed")
    if type(ld) in (list, tuple) and list(ld) != list(dims):
        why = _dims_changed(list(ld), list(dims))
        return "loop_arguments", (f"initialize_parameters is given layer_dims {list(ld)}, not the layer_dims "
                                  f"argument {list(dims)}: {why}")
    if _number(sd) and sd != seed:
        return "loop_arguments", (f"initialize_parameters is given seed = {sd}, not the seed argument ({seed}): "
                                  f"the loop ignores the seed you were given and starts from other initial weights")
    return None


def judge_loop(args, output, log, source=None):
    """(hint suffix, words) for the first place where the blocks the learner's loop called (``log``
    from ``KernelCall.calls``) leave the lecture's loop, or None: initialize_parameters given other
    layer sizes or another seed, model_forward another X, the update another learning rate (a fixed
    number, one that changes) or the other sign, costs holding something else than one J per
    iteration (A[L], only the last cost, the initial cost twice). Each is a fact of this run."""
    X, Y, dims, lr, n, seed = args
    named = lambda name: [(g, r) for nm, g, r in log if nm == name]   # noqa: E731
    inits = named("initialize_parameters")
    found = judge_start(args, log)
    if found is not None:
        return found
    forwards = named("model_forward")
    # the log keeps a bounded number of calls: a long loop is counted by its costs too
    costs = output[1] if type(output) in (tuple, list) and len(output) == 2 else None
    for ran in dict.fromkeys([len(forwards)] + ([len(costs)] if type(costs) is list else [])):
        fixed = _fixed_count(n, ran, source)
        if fixed is not None:
            return fixed
    found = _ran_once(n, forwards, named, output, source) or _not_fed_back(inits, named("update_parameters"), n)
    if found is not None:
        return found
    for given, _ in forwards:
        Xg = given.get("X")
        if type(Xg) is np.ndarray and not _close(Xg, X):
            c = _scaled(Xg, X)
            if c is not None:
                text, how = _fraction(c)
                return "loop_arguments", (f"model_forward is given {text} ({how}), not the X the loop was given: "
                                          f"the loop trains on other inputs than X")
            batches = _batches(X, log, n)   # SGD, mini-batches, per-example gradients added up (train2)
            if batches is not None:
                return batches
            if Xg.shape != X.shape:
                return "loop_arguments", (f"model_forward is given an array of shape {Xg.shape} where X "
                                          f"{tuple(X.shape)} = (n[0], m) belongs")
            return "loop_arguments", "model_forward is given other inputs than the X the loop was given"
    updates = named("update_parameters")
    rates = [g.get("learning_rate") for g, _ in updates]
    if not updates and len(forwards) >= 2:    # the loop's own update: the step it took, from the parameters it used next
        backs = named("model_backward")
        rates = []
        for i in range(1, len(forwards)):
            if i - 1 >= len(backs):
                break
            c = _step(forwards[i - 1][0].get("parameters"), forwards[i][0].get("parameters"), backs[i - 1][1])
            if c is None:
                rates = []
                break
            rates.append(-c)
        if rates and all(abs(r - lr) <= 1e-6 * max(1.0, abs(lr)) for r in [-x for x in rates]) and lr != 0:
            return "loop_update", (f"the loop's own update adds the gradient, W[l] := W[l] + alpha dW[l] (parameters "
                                   f"moved by +{lr:g} times the gradient): that climbs the cost, gradient ascent "
                                   f"(the opposite sign)")
    if rates and all(_number(r) for r in rates) and not all(abs(r - lr) <= 1e-9 * max(1.0, abs(lr)) for r in rates):
        shown = ", ".join(f"{r:.4g}" for r in rates[:3]) + (", ..." if len(rates) > 3 else "")
        if all(abs(r - rates[0]) <= 1e-12 * max(1.0, abs(rates[0])) for r in rates):
            used = f"the update is made with the learning rate {rates[0]:g} on every iteration, not the learning_rate argument ({lr:g})"
            m = X.shape[1] if type(X) is np.ndarray and X.ndim == 2 else None
            # one run cannot tell a typed-in number from the argument scaled: say the scaling only when it
            # is the one the lecture's sizes give (m), else both possibilities
            for k, how in (((1 / m, f"divided by m = {m}: dW[l] and db[l] already hold the 1/m, so alpha needs none")
                            if m else (None, "")),
                           ((m, f"multiplied by m = {m}") if m else (None, "")),
                           (2.0, "doubled"), (0.5, "halved"), (-1.0, "with its sign flipped")):
                if k is not None and m != 1 and abs(rates[0] - k * lr) <= 1e-9 * max(1.0, abs(lr)):
                    return "loop_arguments", (f"{used}: the learning rate is {how}; pass the argument on unchanged, "
                                              f"update_parameters(parameters, grads, learning_rate)")
            return "loop_arguments", (f"{used}: your loop uses a fixed number or changes the argument; pass the "
                                      f"argument on, so the caller's alpha is used")
        sched = helperargs.schedule(rates, lr)   # W2c: learning_rate / (1 + i), ... (helperargs.py)
        if sched is not None:
            return "learning_rate_schedule", sched
        ratios = [b / a for a, b in zip(rates, rates[1:]) if a]
        how = (f": it is multiplied by {ratios[0]:.4g} after every iteration (a decay the notebook does not ask for)"
               if ratios and all(abs(r - ratios[0]) < 1e-9 for r in ratios) else "")
        return "loop_arguments", (f"the learning rate changes from one iteration to the next ({shown}){how}; "
                                  f"the update uses the learning_rate given, unchanged, on every iteration")
    costs = output[1] if type(output) in (tuple, list) and len(output) == 2 else None
    if type(costs) not in (list, tuple):
        return loopflow.judge(args, output, log, source)
    Js = [r for _, r in named("compute_cost")]
    ALs = [r[0] for _, r in forwards if type(r) in (tuple, list) and r]
    for i, c in enumerate(costs):
        if type(c) is np.ndarray and c.size > 1 and any(_close(c, a) for a in ALs):
            return "loop_costs", (f"costs[{i}] is A[L], the predictions model_forward returns (an array of shape "
                                  f"{c.shape}), not the cost J that compute_cost returns: the list must hold numbers")
    if n >= 2 and len(costs) == 1 and Js and _close(costs[0], Js[-1]) and not _close(Js[0], Js[-1]):
        return "loop_costs", (f"costs holds only the last cost J (the one of iteration {n - 1}): the costs of the "
                              f"earlier iterations are lost, as if the list were emptied on every iteration (or made after the loop)")
    if len(costs) == n + 1 and len(Js) == n + 1 and all(_close(c, j) for c, j in zip(costs, Js)) \
            and _close(Js[0], Js[1]):
        return "loop_costs", ("costs holds one cost more than there are iterations: compute_cost also runs before "
                              "the loop, so the cost of the initial parameters is in costs twice (costs[0] and costs[1])")
    # none of the special cases: the loop held against the lecture's as a dataflow (loopflow.py, diag15)
    return _costs_kept(costs, Js, n, source) or loopflow.judge(args, output, log, source)


def _costs_kept(costs, Js, n, source=None):
    """('loop_costs', words) when costs holds the loop's own costs J (one per compute_cost call, one
    call per iteration), but not each once: every k-th one, each twice, only the first few (diag11)."""
    if len(Js) != n or n < 2 or len(costs) == n or not costs or not all(_number(c) or type(c) is np.ndarray for c in costs):
        return None
    cond = loopcosts.appends(source).get("condition")   # the if around the append, when there is one (train2)
    under = f" (`if {cond}:`)" if cond else ""
    for k in range(2, n):
        if len(costs) == len(Js[::k]) and all(_close(c, j) for c, j in zip(costs, Js[::k])):
            kept = ", ".join(str(i) for i in range(0, n, k))
            return "loop_costs", (f"costs holds the cost of every {_ordinal(k)} iteration only (iterations {kept} of "
                                  f"0..{n - 1}): the condition on appending{under} skips the others; num_iterations = {n} "
                                  f"needs {n} costs")
    twice = [j for j in Js for _ in (0, 1)]
    if len(costs) == 2 * n and all(_close(c, j) for c, j in zip(costs, twice)):
        return "loop_costs", (f"costs holds each iteration's cost twice ({2 * n} values for num_iterations = {n}): "
                              f"it is appended two times in one pass of the loop")
    if len(costs) < n and all(_close(c, j) for c, j in zip(costs, Js)):
        return "loop_costs", (f"costs holds the costs of the first {len(costs)} iteration{'s' if len(costs) > 1 else ''} "
                              f"only, although the loop ran all {n}: the costs of the others are not appended"
                              + (f"; the append sits under `if {cond}:`, which skips them" if cond else ""))
    return None


def _fixed_count(n, ran, source):
    """(id, words, refutes) when the loop ran ``ran`` times for num_iterations = ``n`` and the source's
    range is that fixed number (range(3000)): num_iterations is ignored (diag12); None otherwise."""
    if ran == n or ran < 2 or not source:
        return None
    lit = re.search(rf"\brange\(\s*(?:0\s*,\s*)?{ran}\s*\)", source)
    if lit is None:
        return None
    return "loop_iterations_fixed", (f"the loop ran {ran} times for num_iterations = {n}: `{lit.group(0)}` is a "
                                     f"fixed number, so the loop runs {ran} times whatever num_iterations is"), ()


def _ordinal(k) -> str:
    return {2: "second", 3: "third", 4: "fourth", 5: "fifth"}.get(k, f"{k}th")


def _ran_once(n, forwards, named, output, source):
    """(id, words, refutes) when the loop's body ran once for num_iterations >= 2: one forward pass,
    one cost, one update (a return inside the loop); None otherwise."""
    from .chain import _return_in_loop

    if n < 2 or len(forwards) != 1 or len(named("compute_cost")) != 1 or len(named("update_parameters")) > 1:
        return None
    early = _return_in_loop(source, unit="every iteration")
    if early is None:
        return None
    return "loop_stopped", (f"the loop ran once for num_iterations = {n}: one forward pass, one cost, one update, "
                            f"then the function returned, so the parameters are those after the first update and "
                            f"costs holds one cost: {early}"), ("reinitialised_in_loop", "costs_every_100",
                                                                "iterations_off_by_one")


def _columns(part, X):
    """The columns of X that ``part`` is, in order (X[:, [2, 0]] gives [2, 0]), or None."""
    if type(part) is not np.ndarray or part.ndim != 2 or part.shape[0] != X.shape[0] or part.shape[1] >= X.shape[1]:
        return None
    out = []
    for k in range(part.shape[1]):
        j = next((j for j in range(X.shape[1]) if _close(part[:, k], X[:, j])), None)
        if j is None:
            return None
        out.append(j)
    return out


def _batches(X, log, n):
    """('loop_batches', words) when the forward passes given less than the whole X are given columns of it
    (one example, a mini-batch) and the updates follow them: stochastic or mini-batch gradient descent,
    where the lecture's loop makes one update per iteration from the whole batch; or one update from the
    examples' gradients added up (m times the batch's mean); else None."""
    if type(X) is not np.ndarray or X.ndim != 2 or X.shape[1] < 2:
        return None
    forwards = [g for nm, g, _ in log if nm == "model_forward"]
    updates = [g for nm, g, _ in log if nm == "update_parameters"]
    parts = [g.get("X") for g in forwards if not (type(g.get("X")) is np.ndarray and _close(g.get("X"), X))]
    cols = [_columns(p, X) for p in parts]
    if not cols or any(c is None for c in cols):
        return None
    m, nU, sizes = X.shape[1], len(updates), {len(c) for c in cols}
    if nU == 0:
        return None
    if nU < len(cols):   # fewer updates than partial passes: the gradients put together first
        return _added_up(log, X, sizes)
    shown = "; ".join(f"[{', '.join(map(str, c))}]" for c in cols[:4]) + ("; ..." if len(cols) > 4 else "")
    each = (f"one column of X at a time (one example, shape ({X.shape[0]}, 1))" if sizes == {1} else
            f"a few columns of X at a time (mini-batches of {_list_sizes(sizes)} of the m = {m} examples)")
    kind = "stochastic gradient descent" if sizes == {1} else "mini-batch gradient descent"
    runs = (f"update_parameters runs once per iteration, but each update is made from the gradients of those "
            f"examples only" if nU == n else
            f"update_parameters runs {nU} times for num_iterations = {n} "
            f"({f'{nU // n} per iteration' if nU % n == 0 else 'more than once per iteration'}), each update from "
            f"the gradients of those examples only")
    return "loop_batches", (f"model_forward is given {each}: columns {shown} in turn, and {runs}: {kind}. The "
                            f"lecture's loop makes one update per iteration, from the gradients of the whole batch X "
                            f"(all m = {m} examples, its columns)")


def _added_up(log, X, sizes):
    """('loop_batches', words) when the first update is given the sum of the model_backward results noted
    before it, one per example, over every column of X once: m times the whole batch's gradients, which
    hold the 1/m mean; else None."""
    backs, grads, seen, m = [], None, [], X.shape[1]
    for nm, g, r in log:
        if nm == "model_forward" and type(g.get("X")) is np.ndarray and not _close(g.get("X"), X):
            seen += _columns(g.get("X"), X) or []
        elif nm == "model_backward":
            backs.append(r)
        elif nm == "update_parameters":
            grads = g.get("grads")
            break
    if type(grads) is not dict or len(backs) < 2 or not all(type(b) is dict for b in backs):
        return None
    keys = [k for k in grads if k.startswith(("dW", "db"))]
    if not keys or not all(all(k in b for b in backs) for k in keys):
        return None
    if sizes != {1} or sorted(seen) != list(range(m)) or len(backs) != m \
            or not all(_close(grads[k], sum(b[k] for b in backs)) for k in keys):
        return None
    return "loop_batches", (f"model_forward and model_backward are run on one column of X at a time ({len(backs)} "
                            f"examples), and update_parameters is given the sum of those examples' gradients: "
                            f"{len(backs)} times the gradients of the whole batch, which are the mean over its "
                            f"m = {m} examples (the 1/m of dW[l] and db[l]); one model_backward on the whole X gives them")


def _list_sizes(sizes) -> str:
    return " or ".join(str(k) for k in sorted(sizes))


def _not_fed_back(inits, updates, n):
    """(id, words, refutes) when initialize_parameters ran once but every update was given those
    initial parameters: the updated ones never reach the next iteration; None otherwise."""
    if len(inits) != 1 or len(updates) < 2 or n < 2:
        return None
    initial = inits[0][1]
    if type(initial) is not dict or not all(type(g.get("parameters")) is dict and agree(g["parameters"], initial)
                                            for g, _ in updates):
        return None
    return "loop_not_fed_back", (f"initialize_parameters runs once, but update_parameters is given the initial "
                                 f"parameters on all {len(updates)} iterations: what it returns is never used by the "
                                 f"next iteration, so every step starts again from the initial weights"), \
        ("reinitialised_in_loop",)


SPECS = [LLayerModel()]
