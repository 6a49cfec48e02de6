"""dlkit.plots: each figure renders, with its title, axis labels and number of panels."""
from __future__ import annotations

import numpy as np
import pytest

matplotlib = pytest.importorskip("matplotlib", reason="matplotlib (the course extra) is needed for plots")
matplotlib.use("Agg")  # no display in tests
import matplotlib.pyplot as plt  # noqa: E402

from dlkit import plots  # noqa: E402

CLASSES = ("even", "odd")


def _texts(fig):
    """Every piece of text drawn in the figure (titles, labels, annotations)."""
    return [t.get_text() for t in fig.findobj(matplotlib.text.Text)]


def _render(fig):
    fig.canvas.draw()  # raises if anything cannot be drawn
    width, height = fig.canvas.get_width_height()
    assert width > 100 and height > 100
    assert plt.get_fignums() == []  # returned closed: a notebook shows it once


def _images(k):
    return (np.arange(k * 8 * 8) % 256).astype(np.uint8).reshape(k, 8, 8)


def test_image_grid_labels_each_panel():
    fig = plots.image_grid(_images(10), np.array([0, 1] * 5), CLASSES, ncols=4, title="Training digits")
    _render(fig)
    assert len(fig.axes) == 10  # 3 rows of 4, the two empty slots left out
    assert fig.get_suptitle() == "Training digits"
    assert {"pixel column", "pixel row"} <= set(_texts(fig))  # the figure's x and y labels
    assert [ax.get_title() for ax in fig.axes[:3]] == ["even", "odd", "even"]


def test_image_grid_marks_wrong_predictions():
    labels = np.array([[0, 1, 1, 0]])
    predictions = np.array([[0, 0, 1, 1]])  # (1, k) as predict returns
    fig = plots.image_grid(_images(4), labels, [b"even", b"odd"], predictions=predictions, title="Test")
    _render(fig)
    assert fig.get_suptitle() == "Test (2 wrong of 4)"
    titles = [ax.get_title() for ax in fig.axes]
    assert titles == ["even (right)", "predicted even\ntrue: odd", "odd (right)", "predicted odd\ntrue: even"]
    red = matplotlib.colors.to_rgba(plots.WRONG)
    assert fig.axes[1].title.get_color() == plots.WRONG
    assert fig.axes[1].spines["left"].get_edgecolor() == red
    assert fig.axes[0].spines["left"].get_edgecolor() != red


def test_image_grid_colour_images():
    rgb = np.zeros((3, 4, 4, 3), dtype=np.uint8)
    fig = plots.image_grid(rgb, [0, 1, 0], ["non-cat", "cat"])
    _render(fig)
    assert len(fig.axes) == 3 and fig.axes[1].get_title() == "cat"


def test_image_grid_rejects_bad_input():
    with pytest.raises(ValueError, match=r"images must be a numpy array \(k, height, width\)"):
        plots.image_grid(np.zeros((4, 64)), [0, 1, 0, 1], CLASSES)
    with pytest.raises(ValueError, match=r"labels must hold one label per image \(3\)"):
        plots.image_grid(_images(3), [0, 1], CLASSES)
    with pytest.raises(ValueError, match=r"predictions has values outside 0..1"):
        plots.image_grid(_images(2), [0, 1], CLASSES, predictions=[0, 2])
    with pytest.raises(ValueError, match="ncols must be a positive integer"):
        plots.image_grid(_images(2), [0, 1], CLASSES, ncols=0)


def test_cost_curve():
    costs = [0.7 * 0.99**i for i in range(300)]
    fig = plots.cost_curve(costs, 0.0075)
    _render(fig)
    (ax,) = fig.axes
    assert ax.get_title() == "Cost during training (learning rate = 0.0075)"
    assert ax.get_xlabel() == "iteration" and ax.get_ylabel() == "cost J"
    (line,) = ax.get_lines()
    assert np.allclose(line.get_ydata(), costs) and line.get_xdata()[-1] == 299


def test_cost_curve_every_and_title():
    fig = plots.cost_curve([0.7, 0.5, 0.4], 0.1, title="Run 2", every=100)
    assert fig.axes[0].get_title() == "Run 2"
    assert list(fig.axes[0].get_lines()[0].get_xdata()) == [0, 100, 200]
    with pytest.raises(ValueError, match="learning_rate must be a number greater than zero"):
        plots.cost_curve([0.7], 0)
    with pytest.raises(ValueError, match="costs must be a non-empty list"):
        plots.cost_curve([], 0.1)


def test_cost_curves_compares_runs():
    runs = {"learning rate = 0.0075": [0.7, 0.6, 0.55], "learning rate = 0.03": [0.7, 0.4, 0.2]}
    fig = plots.cost_curves(runs, title="Learning rates")
    _render(fig)
    (ax,) = fig.axes
    assert ax.get_title() == "Learning rates" and ax.get_xlabel() == "iteration" and ax.get_ylabel() == "cost J"
    assert [line.get_label() for line in ax.get_lines()] == list(runs)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == list(runs)
    assert ax.get_lines()[0].get_color() != ax.get_lines()[1].get_color()
    with pytest.raises(ValueError, match="runs must be a non-empty dict"):
        plots.cost_curves([0.7, 0.5])


def test_decision_boundary():
    rng = np.random.RandomState(0)
    X = rng.randn(2, 50)
    Y = (X[0:1] > 0).astype(float)
    calls = []

    def predict_fn(P):
        calls.append(P.shape)
        return (P[0:1] > 0).astype(int)

    fig = plots.decision_boundary(predict_fn, X, Y, title="x1 > 0", resolution=30)
    _render(fig)
    (ax,) = fig.axes
    assert calls == [(2, 900)]  # the grid is passed as columns, like X
    assert ax.get_title() == "x1 > 0"
    assert ax.get_xlabel().startswith("x1") and ax.get_ylabel().startswith("x2")
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["y = 0", "y = 1"]
    # Both classes plotted with the fixed colours, all 50 points.
    sizes = [len(c.get_offsets()) for c in ax.collections if hasattr(c, "get_offsets") and len(c.get_offsets())]
    assert sum(sizes[-2:]) == 50


def test_decision_boundary_rejects_bad_input():
    X = np.zeros((2, 5))
    with pytest.raises(ValueError, match=r"X must be \(2, m\)"):
        plots.decision_boundary(lambda P: P[:1], X.T, np.zeros((1, 5)))
    with pytest.raises(ValueError, match=r"Y must be \(1, m\) with m = 5"):
        plots.decision_boundary(lambda P: P[:1], X, np.zeros((1, 4)))
    with pytest.raises(ValueError, match=r"predict_fn must return \(1, k\) predictions"):
        plots.decision_boundary(lambda P: P, X, np.zeros((1, 5)), resolution=10)


def test_network_diagram_shows_every_shape():
    fig = plots.network_diagram([64, 20, 7, 5, 1], 500)
    _render(fig)
    (ax,) = fig.axes
    assert ax.get_title() == "Forward and backward propagation for layer_dims = [64, 20, 7, 5, 1], m = 500"
    assert ax.get_xlabel().startswith("layer l (L = 4)") and ax.get_ylabel() == "direction"
    text = "\n".join(_texts(fig))
    for expected in ["W[1] (20, 64)", "b[1] (20, 1)", "Z[1], A[1] (20, 500)", "W[4] (1, 5)", "Z[4], A[4] (1, 500)",
                     "dW[2] (7, 20)", "db[3] (5, 1)", "cache z[3]", "a[0] = X", "da[3]", "dW[4], db[4]",
                     "-y/a + (1-y)/(1-a)"]:
        assert expected in text, expected
    assert [f"layer {l} backward" in text for l in range(1, 6)] == [True] * 4 + [False]  # one box per layer
    assert "layer 4 (sigmoid)" in text and "layer 3 (relu)" in text


def test_network_diagram_rejects_bad_input():
    with pytest.raises(ValueError, match=r"layer_dims\[1\] = n\[1\] must be a positive integer"):
        plots.network_diagram([3, 0, 1], 10)
    with pytest.raises(ValueError, match="m .* must be a positive integer"):
        plots.network_diagram([3, 2, 1], 0)


def test_figures_are_deterministic():
    def png(fig):
        import io

        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", metadata={"Software": None})
        return buffer.getvalue()

    args = (_images(6), [0, 1, 0, 1, 0, 1], CLASSES)
    assert png(plots.image_grid(*args, predictions=[0, 0, 0, 1, 1, 1])) == png(plots.image_grid(*args, predictions=[0, 0, 0, 1, 1, 1]))
    assert png(plots.network_diagram([4, 3, 1], 7)) == png(plots.network_diagram([4, 3, 1], 7))


def test_image_grid_shows_the_digit_with_its_class():
    labels = np.array([1, 0, 1])
    fig = plots.image_grid(_images(3), labels, CLASSES, digits=np.array([7, 4, 3]), predictions=[1, 1, 1], title="T")
    _render(fig)
    assert [ax.get_title() for ax in fig.axes] == ["7 (odd) (right)", "predicted odd\ntrue: 4 (even)", "3 (odd) (right)"]
    with pytest.raises(ValueError, match=r"image_grid: digits must hold one whole number per image \(3\)"):
        plots.image_grid(_images(3), labels, CLASSES, digits=[7, 4])
    with pytest.raises(ValueError, match="digits must hold one whole number per image"):
        plots.image_grid(_images(3), labels, CLASSES, digits=np.array([0.5, 1, 2]))


def test_classified_image_says_the_class_and_the_probability():
    fig = plots.classified_image(_images(1)[0], 0.934, CLASSES, title="Your digit")
    _render(fig)
    (ax,) = fig.axes
    assert ax.get_title() == "Your digit:\nodd (A[L] = 0.93)"
    assert ax.get_xlabel() == "pixel column" and ax.get_ylabel() == "pixel row"
    assert plots.classified_image(_images(1)[0], np.array([[0.2]]), CLASSES).axes[0].get_title().endswith(
        "even (A[L] = 0.20)")
    with pytest.raises(ValueError, match=r"classified_image: probability must be A\[L\] for this image"):
        plots.classified_image(_images(1)[0], 1.5, CLASSES)
    with pytest.raises(ValueError, match="classified_image: image must be a numpy array"):
        plots.classified_image(np.zeros(64), 0.5, CLASSES)
    with pytest.raises(TypeError, match="classified_image: classes must be the two class names"):
        plots.classified_image(_images(1)[0], 0.5, "odd")
