"""Checkpoints: grade each block of the course and name the learner's mistake.

In a notebook::

    from dlkit.checks import check
    check("linear_forward", linear_forward)    # shows e.g. "linear_forward: 2/2 passed (4 cases)"

For the batch grader: ``SPECS[name].run(call, seed=...)`` with a ``call(fn_name,
args) -> (output, args_after)`` that runs the learner's functions elsewhere and
returns plain data (:func:`plain`), raising :class:`LearnerError` when learner
code fails. ``seed=None`` runs the public cases; an integer adds hidden ones.

Modules: ``plain`` (what crosses from learner code to judging code), ``runner``
(the in-kernel ``check``: helpers by global name, time limit, the learner's own
line), ``spec`` (the judging algorithm), ``compare`` (type, shape, values),
``numeric`` (finite differences of the learner's forward), ``cases`` (consistent
random cases, and the edges the notebooks talk about), ``mistakes`` (id -> hint,
and the relations' hint templates), ``relations`` (naming a wrong output no
known mistake reproduces), ``layerwise`` (model_forward/model_backward layer by
layer), ``result`` (the report) and one ``specs_*`` module per family of exercises.

To teach the checkpoint a new mistake: write the wrong code as a *mutant* in the
exercise's spec (``Mutant("<exercise>.<mistake>", fn)``, where ``fn`` takes the
exercise's arguments and returns what a learner making the mistake returns), add
its hint to ``mistakes.CATALOG`` in the lecture's words, and add a buggy learner
implementation to ``tests/checks/catalog_*.py`` with ``@bug(exercise, id)``.
"""
from .plain import LearnerError, Opaque, plain
from .result import CheckResult, Finding
from .runner import check
from .spec import Case, Mutant, Spec
from .specs import SPECS

__all__ = ["check", "SPECS", "Spec", "Case", "Mutant", "CheckResult", "Finding", "LearnerError", "Opaque", "plain"]
