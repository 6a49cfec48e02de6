"""Checkpoints: grade each block of the course and name the learner's mistake.

In a notebook::

    from dlkit.checks import check
    check("linear_forward", linear_forward)     # shows e.g. "linear_forward: 2/2 passed (4 cases)"

For the batch grader: ``SPECS[name].run(call, seed=...)`` with a ``call``
that runs the learner's functions elsewhere and returns plain data
(:func:`plain`), raising :class:`LearnerError` when learner code fails.
"""
from .plain import LearnerError, Opaque, plain
from .result import CheckResult, Finding
from .runner import check
from .spec import Case, Mutant, Spec
from .specs import SPECS

__all__ = ["check", "SPECS", "Spec", "Case", "Mutant", "CheckResult", "Finding", "LearnerError", "Opaque", "plain"]
