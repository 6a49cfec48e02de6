"""The expression search at the first wrong line (checks/expression.py)."""
import numpy as np
import pytest

from dlkit.checks.expression import BUDGET, search


@pytest.fixture
def layer():
    rng = np.random.default_rng(3)
    A_prev, W, b = rng.normal(size=(3, 4)), rng.normal(size=(2, 3)), rng.normal(size=(2, 1))
    Z = W @ A_prev + b
    dA = rng.normal(size=(2, 4))
    dZ = dA * (Z > 0)
    return {"A[l-1]": A_prev, "W[l]": W, "b[l]": b, "Z[l]": Z, "dA[l]": dA, "dZ[l]": dZ,
            "g'(Z[l])": (Z > 0).astype(float), "dA[l-1]": W.T @ dZ}


def test_finds_the_simplest_expression(layer):
    q = layer
    assert search(q["W[l]"].T @ q["dZ[l]"] * (q["A[l-1]"] > 0), q, m=4) == ("dA[l-1] * (A[l-1] > 0)", 1)
    assert search(q["A[l-1]"].T, q, m=4) == ("A[l-1].T", 0)
    few = {k: q[k] for k in ("dA[l]", "Z[l]", "W[l]")}     # size 2 over the whole layer needs more than the budget
    assert search(np.tanh(q["dA[l]"]) * 0.25, few, m=4) == ("1/m tanh(dA[l])", 2)
    # a product is one expression whatever its order, and is written flat
    got = search(q["dA[l]"] * q["g'(Z[l])"] * q["dA[l]"], {k: q[k] for k in ("dA[l]", "g'(Z[l])", "Z[l]")}, m=4)
    assert got == ("dA[l] * dA[l] * g'(Z[l])", 2)


def test_the_line_inputs_settle_what_the_whole_set_leaves_ambiguous(layer):
    q = layer
    V = q["W[l]"] @ q["A[l-1]"]      # also Z[l] - b[l]: two expressions of size 1
    assert search(V, q, m=4) is None
    assert search(V, q, m=4, inputs=[q["W[l]"], q["A[l-1]"]]) == ("W[l] A[l-1]", 1)


def test_refuses_ambiguity_zeros_and_what_is_out_of_reach(layer):
    q = layer
    assert search(np.zeros((2, 4)), q, m=4) is None
    assert search(q["dZ[l]"] * 3.7, q, m=4) is None          # no such factor
    # 2 X and X * Y are different expressions of one size that both match: say nothing
    two = {"X": np.array([[1.0, 2.0], [3.0, 4.0]]), "Y": np.full((2, 2), 2.0)}
    assert search(2 * two["X"], two) is None
    assert search(two["X"] - two["Y"], two) == ("X - Y", 1)


def test_respects_the_budget(layer):
    q = layer
    V = np.tanh(q["dA[l]"]) * 0.25
    few = {k: q[k] for k in ("dA[l]", "Z[l]", "W[l]")}
    assert search(V, few, m=4, budget=50) is None
    assert search(V, few, m=4) is not None
    assert search(V, q, m=4) is None          # the whole layer at size 2: more than BUDGET candidates
    meter = [0]
    search(V, few, m=4, meter=meter)
    assert 0 < meter[0] <= BUDGET             # the candidates spent, charged to the caller's meter


def test_checks_its_arguments(layer):
    with pytest.raises(TypeError, match="quantities"):
        search(np.ones((2, 2)), [np.ones((2, 2))])
    with pytest.raises(ValueError, match="budget"):
        search(np.ones((2, 2)), layer, budget=0)
