"""Shared test helpers.

``record_grad_error`` lets every gradient test log the relative error it saw
(between an analytic gradient and a numerical or PyTorch one); the worst of
them is printed at the end of the run, so "how close are we" is a number in
the log and not only a pass/fail.
"""
from __future__ import annotations

import pytest

_GRAD_ERRORS: dict[str, dict[str, float]] = {}  # test kind -> measure -> worst value seen


def _record(kind: str, **measures: float) -> None:
    worst = _GRAD_ERRORS.setdefault(kind, {})
    for measure, value in measures.items():
        worst[measure] = max(float(value), worst.get(measure, 0.0))


@pytest.fixture(scope="session")
def record_grad_error():
    """Call ``record_grad_error(kind, difference=..., rel_error=...)`` to log a comparison."""
    return _record


def pytest_terminal_summary(terminalreporter):
    if not _GRAD_ERRORS:
        return
    terminalreporter.section("gradient checks: worst error seen per block")
    for kind, measures in sorted(_GRAD_ERRORS.items()):
        values = "  ".join(f"{m}={v:.2e}" for m, v in sorted(measures.items()))
        terminalreporter.write_line(f"{kind:<44} {values}")
