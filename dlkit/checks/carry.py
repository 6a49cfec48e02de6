"""Error carried forward: a composite that fails only because a helper fails keeps its points.

A composite exercise (``linear_activation_backward``, ``model_forward``, ...)
calls helpers that are exercises of their own (``linear_backward``,
``relu_backward``, ...). When one of those is missing, does not run, is not
implemented or fails its own check, the composite fails too, and the same
mistake would be charged twice. Exam markers' fair rule is *error carried
forward*: the composite is judged a second time with dlkit's reference in
place of each failing helper, and keeps the points it earns then ("your
linear_activation_backward is right; it failed only because your
linear_backward does").

This module holds the rule; where the code runs decides how a helper is
replaced. In the learner's kernel (:func:`dlkit.checks.runner.check`) the
notebook's global name is bound to dlkit's function during the second run;
in the grader (:mod:`dlkit.course.grade`) the child gets the reference as one
more proxy the judge answers. Either way each helper's own check runs in its
own time budget, so a slow helper is never charged to the composite.
"""
from __future__ import annotations

import time

from .result import CheckResult, Finding

# Why a helper counts as failing, as the report says it ("your linear_backward ...").
WHY = {
    "missing": "is missing from the notebook",
    "syntax_error": "does not run (its cell has a syntax error)",
    "not_implemented": "is not implemented yet",
    "crashed": "raises an error",
    "timeout": "runs out of time",
    "failed": "fails its own check",
    "flagged": "is dlkit's own, not yours",
    "slow": "is slow (its own check passes; its time is not charged to this exercise)",
    "fast": "",  # replaced along with a slow one (its time is not charged either), not named
}
# What the learner does next about each failing helper (a slow one needs nothing).
FIX = {
    "missing": "define {h} again (run its cell, or put the cell back)",
    "syntax_error": "fix the syntax error in {h}'s cell",
    "not_implemented": "write {h}",
    "flagged": "write {h} yourself",
}
FIX_OTHERWISE = "fix {h} (its own check says what is wrong)"


def carried_helpers(spec) -> list:
    """The exercises ``spec``'s function calls: its helpers, without the forward it is only checked against."""
    from .specs import SPECS

    return [h for h in spec.helpers if h != spec.name and h != spec.forward and h in SPECS]


def why_failing(result) -> str | None:
    """Why a helper's own result makes it failing (a key of :data:`WHY`), or None when it passed.

    ``result`` is the helper's CheckResult, or a status string (``"missing"``, ``"syntax_error"``,
    ``"flagged"``) when it could not be run.
    """
    if isinstance(result, str):
        return result if result in WHY else "crashed"
    if result is None:
        return "missing"
    return None if result.passed else (result.status if result.status in WHY else "failed")


class HelperResults:
    """The helpers' own results, each computed once, on demand, by ``compute(name)``.

    ``compute`` returns the helper's CheckResult (its own check, in its own time budget, through
    a call wrapped by :meth:`timed`), or a status string from :data:`WHY` when it cannot run. ``get`` is what :meth:`Spec.run` asks
    when it localises a composite's failure (None: missing, skipped there).
    """

    def __init__(self, compute, budget: float | None = None):
        self.compute = compute
        self.budget = budget   # the composite's time budget in seconds (None: unknown)
        self.results = {}
        self.seconds = {}   # name -> wall time of a median call in its own check (which helper is slow)

    def result(self, name):
        if name not in self.results:
            self.results[name] = self.compute(name)
        return self.results[name]

    def timed(self, name, call):
        """``call`` recording how long the learner's function takes: the median call (a child's
        start or the judge's own work are not the helper's time)."""
        durations = []

        def timed_call(fn_name, args):
            start = time.monotonic()
            try:
                return call(fn_name, args)
            finally:
                durations.append(time.monotonic() - start)
                self.seconds[name] = sorted(durations)[len(durations) // 2]

        if getattr(call, "trace", None) is not None:   # the line tracer, when the call offers it
            timed_call.trace = call.trace
        return timed_call

    def get(self, name):
        found = self.result(name)
        return found if isinstance(found, CheckResult) else None

    def failing(self, spec, timed_out: bool = False, cases: int = 0) -> dict:
        """helper -> why, for the helpers of ``spec`` that fail (in the spec's order). When the
        composite ``timed_out`` on its ``cases`` and its helpers, called once a case, take a
        real share of the time budget, also the helpers that pass: their time is not the
        composite's, so it is judged again with dlkit's (fast) ones."""
        out = {}
        for helper in carried_helpers(spec):
            result = self.result(helper)
            why = why_failing(result)
            if why is None and timed_out and isinstance(result, CheckResult):
                why = "slow"
            if why is not None:
                out[helper] = why
        slow = [h for h, w in out.items() if w == "slow"]
        if slow and self.budget is not None and \
                sum(self.seconds.get(h, 0.0) for h in slow) * max(cases, 1) < self.budget / 2:
            # the helpers are fast: the composite's own code took the time (an endless loop)
            out = {h: w for h, w in out.items() if w != "slow"}
            slow = []
        if slow:  # all are replaced; the report names those that take the time (others: "fast")
            slowest = max(self.seconds.get(h, 0.0) for h in slow)
            out.update({h: "fast" for h in slow if self.seconds.get(h, 0.0) < slowest / 4})
        return out


def run_spec(spec, call, *, helper_results=None, **kwargs) -> CheckResult:
    """``spec.run(call, ...)`` with the helpers' results when that spec's ``run`` takes them (a spec
    with a ``run`` of its own, e.g. L_layer_model's, may not)."""
    import inspect

    if helper_results is not None and "helper_results" in inspect.signature(spec.run).parameters:
        kwargs["helper_results"] = helper_results
    return spec.run(call, **kwargs)


def _names(helpers) -> str:
    helpers = list(helpers)
    return helpers[0] if len(helpers) == 1 else ", ".join(helpers[:-1]) + " and " + helpers[-1]


def carried(first: CheckResult, second: CheckResult | None, failing: dict) -> CheckResult:
    """The composite's result: ``second`` (judged with dlkit's ``failing`` helpers) when it earns more
    points than ``first`` (judged as submitted), told as error carried forward; else ``first``."""
    if second is None or second.points <= first.points or not failing:
        return first
    name = first.name
    reasons = "; ".join(f"your {h} {WHY[w]}" for h, w in failing.items() if w != "fast")
    todo = [FIX.get(w, FIX_OTHERWISE).format(h=h) for h, w in failing.items() if w not in ("slow", "fast")]
    fix = f" Next, {'; '.join(todo)}." if todo else ""
    if second.passed:
        hint = (f"Your {name} is right: it failed only because {reasons}. "
                f"With dlkit's {_names(failing)} it passes, so it keeps its points.{fix}")
    else:
        hint = (f"With dlkit's {_names(failing)} in place of yours ({reasons}), your {name} earns "
                f"{second.points}/{second.max_points}: the points lost there are not charged here. "
                f"The problems below are {name}'s own.")
    finding = Finding(f"{name}.error_carried_forward", hint,
                      [f"As submitted: {first.points}/{first.max_points} ({first.status})."])
    return CheckResult(name, second.status, second.points, second.max_points, [finding, *second.findings],
                       second.notes, cases=second.cases, carried_forward=dict(failing))


def _asked_for(result, name) -> bool:
    """True if ``result``'s findings say the code raised NameError for ``name``."""
    return any("NameError" in text and f"'{name}'" in text
               for f in result.findings for text in [f.id + " " + f.hint + " " + " ".join(f.details)])


def judge(spec, first: CheckResult, *, helpers: HelperResults, regrade, enabled: bool = True) -> CheckResult:
    """``first`` (the composite judged as submitted), or, with ``enabled``, its error carried forward.

    ``helpers`` gives each helper's own result (see :class:`HelperResults`); ``regrade(failing)``
    judges the composite again with dlkit's function for each failing helper (a fresh time
    budget, no localisation: the helpers are dlkit's, a remaining mistake is the composite's)
    and returns its CheckResult, or None when that cannot be done.
    """
    if not enabled or first.passed or not carried_helpers(spec):
        return first
    if first.mistakes == [f"{spec.name}.not_implemented"]:   # its own stub: dlkit's helpers cannot help
        return first
    every = helpers.failing(spec, timed_out=first.status == "timeout", cases=first.cases)
    # a helper the notebook lacks matters only when the composite asked for it (a NameError naming
    # it): model_backward may well use dlkit's linear_activation_backward and no linear_backward
    failing = {h: w for h, w in every.items() if w != "missing" or _asked_for(first, h)}
    if not failing:
        return first
    second = regrade(failing)
    # The first NameError hides the next one: with relu and sigmoid both gone, the first run names
    # only the one it met first, and the second run (given dlkit's) then asks for the other.
    # Each further run adds the missing helpers the last one asked for (at most one run a helper).
    while second is not None and not second.passed:
        more = {h for h, w in every.items() if w == "missing" and h not in failing and _asked_for(second, h)}
        if not more:
            break
        failing = {h: w for h, w in every.items() if h in failing or h in more}   # the spec's order
        second = regrade(failing)
    return carried(first, second, failing)


__all__ = ["WHY", "HelperResults", "carried", "carried_helpers", "judge", "run_spec", "why_failing"]
