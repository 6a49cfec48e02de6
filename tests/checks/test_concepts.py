"""The translator of found expressions into lecture mistakes (checks/concepts.py)."""
import numpy as np
import pytest

from dlkit.checks import check, concepts, expression

LABELS = {"dA": "dA[l]", "Z": "Z[l]", "W": "W[l]", "A_prev": "A[l-1]", "b": "b[l]", "dZ": "dZ[l]", "A": "A[l]"}


@pytest.fixture
def layer():
    rng = np.random.default_rng(5)
    dA, Z = rng.normal(size=(2, 4)), rng.normal(size=(2, 4))
    W, A_prev, b = rng.normal(size=(2, 3)), rng.normal(size=(3, 4)), rng.normal(size=(2, 1))
    s = 1 / (1 + np.exp(-Z))
    return dict(dA=dA, Z=Z, W=W, A_prev=A_prev, b=b, s=s, slope=s * (1 - s), dZr=dA * (Z > 0))


def _say(target, fam, activation, values):
    q = {LABELS[k]: v for k, v in values.items()}
    trees = expression.search_tree(target, q, m=4)
    assert trees, "the search finds the expression"
    return concepts.translate(trees[0], fam, LABELS, q, m=4, activation=activation)


def test_a_factor_missing_extra_or_twice(layer):
    x = layer
    assert _say(x["dA"] * (1 - x["s"]), "dZ", "sigmoid", {"dA": x["dA"], "Z": x["Z"], "A": x["s"]}) == \
        "it is missing the factor s, the sigmoid's value"
    assert _say(x["dA"] * x["slope"] * x["dA"], "dZ", "sigmoid", {"dA": x["dA"], "Z": x["Z"], "dZ": x["dA"] * x["slope"]}) \
        == "dA[l] is multiplied in twice instead of once"
    got = _say(x["dA"] * x["slope"] * (x["Z"] > 0), "dZ", "relu", {"dA": x["dA"], "Z": x["Z"], "dZ": x["dZr"]})
    assert "two slopes" in got and "sigmoid's slope" in got
    got = _say((x["W"].T @ x["dZr"]) * (x["A_prev"] > 0), "dA_prev", "relu",
               {"dZ": x["dZr"], "W": x["W"], "A_prev": x["A_prev"]})
    assert "previous layer's ReLU slope" in got
    assert _say(x["dZr"] @ x["A_prev"].T, "dW", None, {"dZ": x["dZr"], "A_prev": x["A_prev"], "W": x["W"]}) == \
        "it is missing the factor 1/m"


def test_an_operand_or_a_function_substituted(layer):
    x = layer
    sd = 1 / (1 + np.exp(-x["dA"]))
    got = _say(x["dA"] * sd * (1 - sd), "dZ", "sigmoid", {"dA": x["dA"], "Z": x["Z"]})
    assert got.startswith("sigmoid' of dA[l] where sigmoid' of Z[l] belongs")
    assert _say(x["dA"] / x["slope"], "dZ", "sigmoid", {"dA": x["dA"], "Z": x["Z"]}) == \
        "it divides by sigmoid'(Z[l]) where the equation multiplies by it"
    assert _say(1 / (1 + np.exp(x["Z"])), "A", "sigmoid", {"Z": x["Z"]}).endswith(
        "the sign of Z[l] is flipped inside the sigmoid")
    assert _say(1 / (1 + np.exp(-2 * x["Z"])), "A", "sigmoid", {"Z": x["Z"]}).endswith("Z[l] is doubled inside the sigmoid")
    got = _say(np.mean(x["dZr"], axis=0, keepdims=True), "db", None, {"dZ": x["dZr"]})
    assert "axis 0 where it belongs over axis 1" in got


def test_a_right_value_has_no_difference(layer):
    x = layer
    q = {LABELS[k]: x[k] for k in ("dZ",) if k in x} or {"dZ[l]": x["dZr"]}
    tree = expression.search_tree(np.mean(x["dZr"], axis=1, keepdims=True), q, m=4)[0]
    assert concepts.translate(tree, "db", LABELS, q, m=4) is None


def test_identities_are_one_expression(layer):
    q = {"Z[l]": layer["Z"]}
    trees = expression.search_tree(1 / (1 + np.exp(layer["Z"])), q)
    assert len(trees) == 2 and expression.equivalent(trees, q)        # sigmoid(-Z) = 1 - sigmoid(Z)
    two = {"X": np.array([[1.0, 2.0], [3.0, 4.0]]), "Y": np.full((2, 2), 2.0)}
    trees = expression.search_tree(2 * two["X"], two)
    assert len(trees) == 2 and not expression.equivalent(trees, two)  # 2 X and X * Y differ elsewhere


def test_a_negative_zero_slope_reads_as_zero():
    # -0.0 * dA where Z > 0: the region's slope is -0.0, which the report must write as 0
    def relu_backward(dA, Z):
        return np.where(Z > 0, dA * -0.0, 0.0)
    text = str(check("relu_backward", relu_backward))
    assert "multiplied by 0 instead of 1" in text and "-0 " not in text, text
