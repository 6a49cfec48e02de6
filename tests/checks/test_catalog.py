"""Every buggy implementation fails with its specific mistake; every correct one passes.

These are the checkpoint's two promises: never a false pass, never a false fail.
"""
import pytest

from dlkit.checks import SPECS, check
from dlkit.checks.runner import KernelCall

from . import catalog_forward  # noqa: F401  (registers implementations)
from .registry import BUGGY, CORRECT

try:
    from . import catalog_backward  # noqa: F401
except ImportError:  # pragma: no cover - grows with the catalog
    pass
try:
    from . import catalog_model  # noqa: F401
except ImportError:  # pragma: no cover
    pass
from . import catalog_relations, catalog_source, catalog_styles, catalog_trace  # noqa: F401,E402
from . import catalog_train  # noqa: F401,E402
from . import catalog_causes  # noqa: F401,E402
from . import catalog_operands  # noqa: F401,E402


def _id(item):
    return item[1] if len(item) == 3 else f"{item[0]}-{item[1].__code__.co_firstlineno}"


@pytest.mark.parametrize("exercise, mistake, fn", BUGGY, ids=[b[1] for b in BUGGY])
def test_bug_is_caught_and_named(exercise, mistake, fn):
    result = check(exercise, fn, time_limit=5)
    assert not result.passed, f"false pass:\n{result}"
    assert result.points < result.max_points
    assert mistake in result.mistakes, f"expected {mistake}, got:\n{result}"
    assert len(result.hints) == len(result.mistakes) and all(result.hints)
    assert str(result) == str(check(exercise, fn, time_limit=5)), "the report must be deterministic"


@pytest.mark.parametrize("exercise, mistake, fn", BUGGY, ids=[b[1] for b in BUGGY])
def test_bug_is_caught_on_hidden_cases(exercise, mistake, fn):
    result = SPECS[exercise].run(KernelCall(exercise, fn, 5), seed=99)
    assert not result.passed and mistake in result.mistakes, str(result)


@pytest.mark.parametrize("exercise, fn", CORRECT, ids=[f"{e}-line{f.__code__.co_firstlineno}" for e, f in CORRECT])
def test_correct_variant_passes(exercise, fn):
    result = check(exercise, fn, time_limit=5)
    assert result.passed, f"false fail:\n{result}"
    assert result.points == result.max_points == SPECS[exercise].max_points
    assert result.mistakes == [] and result.hints == []
    hidden = SPECS[exercise].run(KernelCall(exercise, fn, 5), seed=99)
    assert hidden.passed, f"false fail on hidden cases:\n{hidden}"
