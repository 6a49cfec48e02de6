"""The scoring rule of the held-out set, mechanical (README.md says it in words).

A bug is *named* when its public checkpoint report fails it and the report's
*specific text* matches at least one of the bug's regexes (case-insensitive).
The specific text is the report with everything removed that every report of
the exercise prints anyway or that is not the checkpoint's own diagnosis:

* the first line (verdict and points);
* the learner's echoed source line (``line N: ...``);
* the case shapes: every case label of the exercise and of its helpers
  (public and hidden cases), and the ``(with ...)`` / ``The inputs were ...``
  lines and ``With ...:`` prefixes that carry them;
* every spec's equation (the ``Look at ...`` sentence), wherever it appears;
* the generic comparison sentences that any wrong output of that form gets
  ("dW has the right shape (2, 3) but 6 of 6 values differ; at [0, 0] expected
  0.6, got 0", "db has shape (1, 4) but should be (2, 1)", "cost should be
  0.28, got 0.17", "grads has the wrong keys: missing ['dA0']", "linear_cache
  should hold 3 items, got 4", "Your function returned ..."), keeping what
  the checkpoint adds to them as a finding (": every entry is m = 4 times too
  large (a 1/m is missing?)", "(the transpose of what it should be)", "(a 1-D
  array: the column lost its second dimension)");
* Python's own exception text (``TypeError: ...`` detail lines, and the message
  after ``Your code raised TypeError at line N:``), which is numpy's or
  Python's wording, not a diagnosis; an exception message in dlkit's own
  wording (it starts with an exercise's name, as dlkit's input checks do:
  ``relu_backward: dA has shape ...``) is kept.
"""
from __future__ import annotations

import functools
import re

from dlkit.checks import SPECS

HIDDEN_SEED = 20261201   # the grader-side run of the held-out set (not the tuning catalog's 99)


@functools.lru_cache(maxsize=None)
def _always_printed(exercise: str) -> tuple:
    """Equations of every spec and case labels of the exercise and its helpers, longest first."""
    texts = {spec.equation for spec in SPECS.values() if spec.equation}
    for name in (exercise, *SPECS[exercise].helpers):
        if name not in SPECS:
            continue
        for seed in (None, HIDDEN_SEED):
            texts.update(case.label for case in SPECS[name].cases(seed) if case.label)
    return tuple(sorted(texts, key=len, reverse=True))


_DROP_LINE = [
    re.compile(r"^line \d+: "),                          # the learner's own line, echoed
    re.compile(r"^\(with .*\)$"),                        # the case shapes of a generic message
    re.compile(r"^The inputs were .*\.$"),
]
_NUM = r"-?(?:[\d.]+(?:e[+-]?\d+)?|nan|inf)"
_SHAPE = r"\([\d, ]*\)"
_LABEL = r"[\w\[\]'\".]+"
_GENERIC = [re.compile(p, re.I) for p in (
    rf"{_LABEL} has the right shape {_SHAPE} but \d+ of \d+ values differ; at \[[\d, ]*\] expected {_NUM}, got {_NUM}",
    rf"{_LABEL} has shape {_SHAPE} but should be (?:\(n\[\d+\], (?:n\[\d+\]|1)\) = )?{_SHAPE}",
    rf"{_LABEL} should be {_NUM}, got {_NUM}",
    rf"{_LABEL} should be (?:a number|an array of shape {_SHAPE}|a tuple of \d+ items|a dict with keys \[[^\]]*\]), got [^:;]*?(?=[:;]|\.?$)",
    rf"{_LABEL} should hold \d+ items, got \d+",
    rf"{_LABEL} has the wrong keys: (?:missing \[[^\]]*\])?(?:; )?(?:unexpected \[[^\]]*\])?",
    rf"{_LABEL} is missing from what your function returned",
    r"parameters has keys \[[^\]]*\] but needs .*? for layer_dims \[[\d, ]*\]",
    r"^Your function returned .*$",
    r"^Unexpected keys: .*$",
)]
_EXCEPTION = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Warning|Exit|Interrupt): (.*)$")
_RAISED = re.compile(r"^(Your code raised \w+)( at line \d+)?: (.*)$")


def _dlkit_wording(message: str) -> bool:
    """dlkit's own input checks start with the function's name ("relu_backward: dA has shape ...")."""
    return message.split(":", 1)[0].strip() in SPECS


def specific_text(report: str, exercise: str) -> str:
    """The report of ``exercise`` without the parts every report prints anyway (see the module docstring)."""
    kept = []
    for line in report.splitlines()[1:]:
        s = line.strip().lstrip("- ").strip()
        if any(p.search(s) for p in _DROP_LINE):
            continue
        exc = _EXCEPTION.match(s)
        if exc and not _dlkit_wording(exc.group(2)):
            continue
        raised = _RAISED.match(s)
        if raised and not _dlkit_wording(raised.group(3)):
            s = raised.group(1)
        for text in _always_printed(exercise):
            s = s.replace(text, "")
        for pattern in _GENERIC:
            s = pattern.sub("", s)
        s = re.sub(r"^With\s*:\s*|\(with\s*\)", "", s)   # what carried a label that is now gone
        s = " ".join(s.split()).strip(" .:;")
        if s:
            kept.append(s)
    return "\n".join(kept)


def is_named(report: str, exercise: str, patterns, passed: bool) -> bool:
    if passed:
        return False
    text = specific_text(report, exercise)
    return any(re.search(p, text, re.I) for p in patterns)
