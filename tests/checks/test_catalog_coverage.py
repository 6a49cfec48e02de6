"""The catalog itself: every known mistake has a hint, every exercise is covered by
enough buggy and correct implementations, and hostile outputs never pass."""
from collections import Counter

import numpy as np
import pytest

from dlkit.checks import SPECS, check
from dlkit.checks.mistakes import CATALOG, GENERIC, hint_for

from . import catalog_backward, catalog_forward, catalog_model, catalog_relations, catalog_source, catalog_styles, catalog_trace, catalog_train  # noqa: F401
from .registry import BUGGY, CORRECT


def test_every_mutant_has_a_hint_in_the_lectures_words():
    for name, spec in SPECS.items():
        for mutant in spec.mutants():
            assert mutant.id.startswith(name + "."), mutant.id
            assert mutant.id in CATALOG, f"{mutant.id} has no hint"
    for mistake_id, hint in CATALOG.items():
        assert mistake_id.split(".")[0] in SPECS, mistake_id
        assert len(hint) > 30 and hint.rstrip().endswith((".", ")")), mistake_id


def test_generic_hints_are_filled_in():
    assert "Your relu fails its own check" in hint_for("linear_activation_forward.helper_fails", helper="relu")
    assert "{" not in hint_for("relu.modifies_input", arg="Z")
    assert set(GENERIC) >= {"not_implemented", "timeout", "modifies_input", "helper_fails", "forward_wrong"}


def test_catalog_has_three_bugs_and_two_correct_versions_per_exercise():
    bugs = Counter(exercise for exercise, _, _ in BUGGY)
    good = Counter(exercise for exercise, _ in CORRECT)
    for name in SPECS:
        assert bugs[name] >= 3, f"{name}: only {bugs[name]} buggy implementations"
        assert good[name] >= 2, f"{name}: only {good[name]} correct implementations"


class Liar:
    """An object that claims to equal everything and to be any shape."""
    shape = (2, 2)

    def __eq__(self, other):
        return True

    def __array__(self, *args, **kwargs):
        raise RuntimeError("never convert me")


class SneakyArray(np.ndarray):
    def __eq__(self, other):
        return np.ones(np.shape(other), dtype=bool)


@pytest.mark.parametrize("make", [lambda Z: Liar(), lambda Z: np.zeros_like(Z).view(SneakyArray),
                                  lambda Z: [list(row) for row in np.maximum(Z, 0)], lambda Z: None])
def test_hostile_or_wrong_type_outputs_never_pass(make):
    def relu(Z):
        return make(Z)
    result = check("relu", relu)
    assert not result.passed and result.points == 0
    assert str(result) == str(check("relu", relu))


def test_list_instead_of_array_is_named():
    def relu(Z):
        return np.maximum(Z, 0).tolist()
    assert "A should be an array of shape (1, 3), got a list of 1 item" in str(check("relu", relu))


def test_extra_gradients_kept_by_the_learner_do_no_harm():
    import dlkit

    def model_backward(AL, Y, caches):
        grads = dlkit.model_backward(AL, Y, caches)
        grads["dZ1"] = np.zeros((1, 1))
        return grads
    assert check("model_backward", model_backward).passed
