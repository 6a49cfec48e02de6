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
from .plain import LearnerError, fmt, kind
from .spec import Mutant, Spec, agree
from .specs_model import _model_describe, fixed_model

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
            return f"costs should be a list of the cost J at every iteration ({n} values), got {kind(got)}"
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
            self.__dict__.pop("cases", None)
            if memo is not None:
                self.cases = memo
        result.notes.append("(Your initialize_parameters gives other weights than dlkit's for the same seed; "
                            "this check compared your loop with dlkit's loop started from your weights.)")
        return result

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


SPECS = [LLayerModel()]
