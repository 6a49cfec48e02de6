"""Checkpoints as nbgrader grade cells: the same points as ``dlkit grade``, as a number nbgrader reads.

Every checkpoint cell of an instructor notebook is also an nbgrader grade cell
(``grade: true``, ``points`` = the exercise's points, ``grade_id`` =
``check_<exercise>``)::

    check("linear_forward", linear_forward)
    ### BEGIN HIDDEN TESTS
    from dlkit.checks.nbgrader import grade
    grade("linear_forward", linear_forward)
    ### END HIDDEN TESTS

The learner's copy (``nbgrader generate_assignment`` or ``dlkit release``) has
the first line only, which shows the usual report. ``nbgrader autograde`` puts
the stored source back, hidden block included, and the last line decides the
score. nbgrader 0.9.6 scores a grade cell 0 when it has an error or *any*
stderr output, otherwise by the number in its ``execute_result`` (anything
else counts as full points). So :func:`grade` prints the report (the
learner's feedback), keeps stderr silent (warnings included) and returns the
points as a plain int, which becomes the cell's value.

The hidden cases come from the secret seed in the file named by the
environment variable ``DLKIT_SEED_FILE`` (one whole number, the format of
``dlkit grade --seed-file``; the same seed gives the same cases and the same
points). Set it where nbgrader runs, e.g. in ``nbgrader_config.py``:
``os.environ["DLKIT_SEED_FILE"] = "/srv/course/dlkit.seed"``. No seed is
stored in any notebook: the student notebook never holds the hidden block,
and the instructor notebook holds only the call. Without the variable
:func:`grade` grades the public cases only and says so in its report.
"""
from __future__ import annotations

import contextlib
import io
import os
import warnings

import numpy as np

from .runner import check

SEED_ENV = "DLKIT_SEED_FILE"
PUBLIC_ONLY = f"(public cases only: set ${SEED_ENV} to a seed file to add the hidden ones)"


def hidden_seed():
    """The hidden-case seed from the file named by ``$DLKIT_SEED_FILE``, or None when it is not set.

    Raises ValueError naming the file when it is set but missing or not one whole number:
    a misconfigured grader must fail loudly, not grade silently without hidden cases.
    """
    path = os.environ.get(SEED_ENV)
    if not path:
        return None
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read().strip()
    except OSError as exc:
        raise ValueError(f"grade: ${SEED_ENV} names {path!r}, which cannot be read ({exc.strerror})") from None
    try:
        return int(text)
    except ValueError:
        raise ValueError(f"grade: the seed file {path!r} (${SEED_ENV}) must hold one whole number") from None


def grade(name: str, fn, *, time_limit: float = 10.0) -> int:
    """nbgrader's view of the checkpoint: print its report and return its points.

    Runs ``check(name, fn)`` with the hidden cases of :func:`hidden_seed`,
    exactly as ``dlkit grade`` judges ``fn`` with that seed, with stderr and
    warnings silenced (nbgrader gives 0 points to a grade cell with any
    stderr output). The returned int, the cell's last value, is the cell's
    score in nbgrader.
    """
    seed = hidden_seed()
    with contextlib.redirect_stderr(io.StringIO()), warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        result = check(name, fn, time_limit=time_limit, seed=seed)
    print(result.report())
    if seed is None:
        print(PUBLIC_ONLY)
    return int(result.points)


__all__ = ["grade", "hidden_seed", "SEED_ENV", "PUBLIC_ONLY"]
