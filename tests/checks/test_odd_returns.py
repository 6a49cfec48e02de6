"""Whatever a learner's function returns, the checkpoint answers with a report.

The reference's output on the exercise's first case is taken apart leaf by
leaf (every array, number and list item inside the tuples, dicts and lists it
returns), and each leaf in turn is replaced with a value of the wrong kind: a
(1, 1) or empty array, a list, None, a string, a complex or object array, an
integer, NaN. The learner's function returns that, always. ``check`` must not
raise (a traceback from dlkit's own code tells the learner nothing), must not
pass, and its report must print.
"""
from __future__ import annotations

import numpy as np
import pytest

from dlkit.checks import CheckResult, check
from dlkit.checks.specs import SPECS

ODD = {
    "array_1x1": lambda leaf: np.array([[0.5]]),
    "empty_array": lambda leaf: np.zeros((0, 3)),
    "list": lambda leaf: np.asarray(leaf).tolist() if isinstance(leaf, np.ndarray) else [leaf, leaf],
    "none": lambda leaf: None,
    "string": lambda leaf: "0.5",
    "complex": lambda leaf: np.asarray(leaf, dtype=float) + 1j,
    "object_array": lambda leaf: np.array([leaf, "x"], dtype=object),
    "int": lambda leaf: 3,
    "nan": lambda leaf: np.full(np.shape(leaf), np.nan),
}


def _leaves(value, path=()):
    """Paths to every leaf of nested tuples, lists and dicts."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, path + (key,))
    elif isinstance(value, (tuple, list)):
        for index, item in enumerate(value):
            yield from _leaves(item, path + (index,))
    else:
        yield path


def _replaced(value, path, new):
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {k: (_replaced(v, rest, new) if k == head else v) for k, v in value.items()}
    items = [(_replaced(v, rest, new) if i == head else v) for i, v in enumerate(value)]
    return tuple(items) if isinstance(value, tuple) else items


def _cases():
    for name, spec in SPECS.items():
        case = spec.cases()[0]
        reference = spec.reference(*case.args)
        paths = list(_leaves(reference))
        # long outputs (caches, costs) repeat themselves: their first and last leaves stand for the rest
        keep = paths if len(paths) <= 12 else paths[:6] + paths[-6:]
        for path in keep:
            leaf = reference
            for step in path:
                leaf = leaf[step]
            for odd, make in ODD.items():
                yield pytest.param(name, reference, path, make(leaf), id=f"{name}-{'/'.join(map(str, path)) or 'out'}-{odd}")


@pytest.mark.parametrize(("name", "reference", "path", "odd"), list(_cases()))
def test_any_return_value_gets_a_report(name, reference, path, odd):
    returned = _replaced(reference, path, odd)

    def learner(*args, **kwargs):
        return returned

    result = check(name, learner, carry_forward=False)
    assert isinstance(result, CheckResult)
    assert result.status != "passed", f"{name} returning {odd!r} at {path} passed"
    text = str(result)
    assert text.startswith(f"{name}: ") and "Traceback" not in text
