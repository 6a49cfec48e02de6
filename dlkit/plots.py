"""The course's pictures: example images, cost curves, decision boundaries, the network.

Each function returns a matplotlib Figure and leaves no figure open in
pyplot, so a notebook shows it once: as the cell's last expression, or with
``display(fig)``; ``fig.savefig("file.png")`` writes it to disk. Every figure
has a title and labelled axes; colours are fixed, never random.

matplotlib is imported inside each function, so ``import dlkit`` stays numpy-only.
"""
from __future__ import annotations

import numbers

import numpy as np

# Fixed colours: class 0, class 1, and the mark of a wrong prediction.
CLASS_COLOURS = ("#1f77b4", "#ff7f0e")
WRONG = "#d62728"
FORWARD_COLOUR, BACKWARD_COLOUR = "#dbe9f6", "#fde5cf"


def _new_figure(figsize):
    # pyplot (not a bare Figure) so that Jupyter's inline display is set up;
    # the figure is closed before it is returned so it is not shown twice.
    import matplotlib.pyplot as plt

    return plt.figure(figsize=figsize)


def _close(fig):
    import matplotlib.pyplot as plt

    plt.close(fig)
    return fig


def _class_name(classes, k) -> str:
    name = classes[int(k)]
    return name.decode("utf-8") if isinstance(name, bytes) else str(name)


def _int_labels(func, name, labels, count, classes):
    labels = np.asarray(labels)
    if labels.size != count or labels.ndim > 2:
        raise ValueError(f"{func}: {name} must hold one label per image ({count}), got shape {labels.shape}")
    labels = labels.reshape(-1)
    if labels.dtype.kind not in "uifb" or not np.all(labels == np.round(labels)):
        raise ValueError(f"{func}: {name} must hold integer class indices, got {labels[:3].tolist()}")
    if ((labels < 0) | (labels >= len(classes))).any():
        raise ValueError(f"{func}: {name} has values outside 0..{len(classes) - 1} (the classes {list(classes)})")
    return labels.astype(int)


def image_grid(images, labels, classes, predictions=None, ncols=8, title="Examples", digits=None):
    """Show images in a grid, each titled with its label (and the prediction, if given).

    images: (k, height, width) grey or (k, height, width, 3) colour, uint8
    0..255 or floats in [0, 1]; labels: (k,) or (1, k) class indices;
    classes: the class names, e.g. ``Dataset.classes``; predictions: (k,) or
    (1, k), e.g. ``predict(X, parameters)``. A wrong prediction is marked in
    red with a red frame, its panel reading "predicted odd" above "true: even".
    digits: (k,) what each image shows, e.g. the digit 0..9 of the digits
    dataset (``Dataset.extra["train_set_digit"]``), written before the label:
    "7 (odd)". Figure title ``title``, with "(n wrong)" added when
    predictions are given.
    """
    func = "image_grid"
    if not isinstance(images, np.ndarray) or images.ndim not in (3, 4) or (images.ndim == 4 and images.shape[3] not in (3, 4)):
        raise ValueError(
            f"{func}: images must be a numpy array (k, height, width) or (k, height, width, 3), "
            f"got {getattr(images, 'shape', type(images).__name__)}"
        )
    k = images.shape[0]
    if k == 0:
        raise ValueError(f"{func}: images holds no image; pass at least one")
    if isinstance(classes, (str, bytes)) or not hasattr(classes, "__len__") or len(classes) == 0:
        raise TypeError(f"{func}: classes must be a list of class names, got {classes!r}")
    labels = _int_labels(func, "labels", labels, k, classes)
    if predictions is not None:
        predictions = _int_labels(func, "predictions", predictions, k, classes)
    if isinstance(ncols, bool) or not isinstance(ncols, numbers.Integral) or ncols < 1:
        raise ValueError(f"{func}: ncols must be a positive integer, got {ncols!r}")
    if digits is not None:
        digits = np.asarray(digits).reshape(-1) if np.ndim(digits) <= 2 else None
        if digits is None or digits.size != k or digits.dtype.kind not in "ui":
            raise ValueError(f"{func}: digits must hold one whole number per image ({k}), e.g. the digit 0..9 "
                             f"each image shows")

    ncols = min(int(ncols), k)
    nrows = -(-k // ncols)
    # two-line panel titles (a wrong prediction) need taller rows
    fig = _new_figure((1.4 * ncols, (1.6 if predictions is None else 1.9) * nrows + 0.8))
    grey = images.ndim == 3
    vmax = 255 if images.dtype == np.uint8 else 1.0
    for i in range(k):
        ax = fig.add_subplot(nrows, ncols, i + 1)
        # gray_r: ink is dark on white paper, as the digits were written.
        ax.imshow(images[i], cmap="gray_r" if grey else None, vmin=0, vmax=vmax, interpolation="nearest")
        ax.set_xticks([])
        ax.set_yticks([])
        true = _class_name(classes, labels[i])
        if digits is not None:
            true = f"{int(digits[i])} ({true})"
        if predictions is None:
            ax.set_title(true, fontsize=9)
        elif predictions[i] == labels[i]:
            ax.set_title(f"{true} (right)", fontsize=9)
        else:
            ax.set_title(f"predicted {_class_name(classes, predictions[i])}\ntrue: {true}", fontsize=9, color=WRONG)
            for spine in ax.spines.values():
                spine.set_color(WRONG)
                spine.set_linewidth(3)
    if predictions is not None:
        title = f"{title} ({int((predictions != labels).sum())} wrong of {k})"
    fig.suptitle(title)
    fig.supxlabel("pixel column")
    fig.supylabel("pixel row")
    fig.tight_layout()
    return _close(fig)


def classified_image(image, probability, classes, title="What the network says"):
    """One image with the network's answer: its class and A[L], the probability of class 1.

    image: (height, width) grey or (height, width, 3), uint8 0..255 or floats
    in [0, 1] (a picture from the test set, or a digit drawn with
    :class:`dlkit.drawing.DigitPad`); probability: A[L] for this image, a
    number in [0, 1]; classes: the two class names. The panel reads e.g.
    "odd (A[L] = 0.93)": the class is 1 when A[L] > 0.5, as ``predict`` says.
    """
    func = "classified_image"
    if not isinstance(image, np.ndarray) or image.ndim not in (2, 3) or image.size == 0:
        raise ValueError(f"{func}: image must be a numpy array (height, width) or (height, width, 3), "
                         f"got {getattr(image, 'shape', type(image).__name__)}")
    p = np.asarray(probability, dtype=float).reshape(-1) if not isinstance(probability, (str, bytes)) else None
    if p is None or p.size != 1 or not 0 <= p[0] <= 1:
        raise ValueError(f"{func}: probability must be A[L] for this image, one number in [0, 1], got {probability!r}")
    if isinstance(classes, (str, bytes)) or not hasattr(classes, "__len__") or len(classes) != 2:
        raise TypeError(f"{func}: classes must be the two class names, got {classes!r}")
    p = float(p[0])
    fig = _new_figure((3.2, 3.6))
    ax = fig.add_subplot()
    vmax = 255 if image.dtype == np.uint8 else 1.0
    ax.imshow(image, cmap="gray_r" if image.ndim == 2 else None, vmin=0, vmax=vmax, interpolation="nearest")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("pixel column")
    ax.set_ylabel("pixel row")
    ax.set_title(f"{title}:\n{_class_name(classes, int(p > 0.5))} (A[L] = {p:.2f})", fontsize=10)
    fig.tight_layout()
    return _close(fig)


def cost_curve(costs, learning_rate, title=None, every=1):
    """Plot the cost J against the iteration: the learning curve of one training run.

    costs: the costs returned by ``train`` (one per iteration, or one every
    ``every`` iterations); learning_rate: the alpha used, shown in the title.
    """
    func = "cost_curve"
    costs = np.asarray(costs, dtype=float) if not isinstance(costs, (str, bytes, dict)) else None
    if costs is None or costs.ndim != 1 or costs.size == 0:
        raise ValueError(f"{func}: costs must be a non-empty list of numbers, one per iteration (as train returns)")
    if isinstance(learning_rate, bool) or not isinstance(learning_rate, numbers.Real) or not learning_rate > 0:
        raise ValueError(f"{func}: learning_rate must be a number greater than zero, got {learning_rate!r}")
    if isinstance(every, bool) or not isinstance(every, numbers.Integral) or every < 1:
        raise ValueError(f"{func}: every must be a positive integer, got {every!r}")

    fig = _new_figure((6, 4))
    ax = fig.add_subplot()
    ax.plot(np.arange(costs.size) * every, costs, color=CLASS_COLOURS[0])
    ax.set_xlabel("iteration")
    ax.set_ylabel("cost J")
    ax.set_title(title or f"Cost during training (learning rate = {learning_rate:g})")
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return _close(fig)


def cost_curves(runs, title="Cost during training"):
    """Several learning curves on one plot, e.g. one per learning rate.

    runs: a dict {label: costs}, e.g. ``{"learning rate = 0.0075": costs_a,
    "learning rate = 0.03": costs_b}``; each costs is one value per iteration.
    Colours follow the dict's order (matplotlib's fixed tab10 cycle).
    """
    func = "cost_curves"
    if not isinstance(runs, dict) or not runs:
        raise ValueError(f"{func}: runs must be a non-empty dict {{label: costs}}, got {type(runs).__name__}")
    curves = {}
    for label, costs in runs.items():
        costs = np.asarray(costs, dtype=float) if not isinstance(costs, (str, bytes, dict)) else None
        if costs is None or costs.ndim != 1 or costs.size == 0:
            raise ValueError(f"{func}: runs[{label!r}] must be a non-empty list of costs, one per iteration")
        curves[str(label)] = costs

    fig = _new_figure((6, 4))
    ax = fig.add_subplot()
    for i, (label, costs) in enumerate(curves.items()):
        ax.plot(np.arange(costs.size), costs, color=f"C{i % 10}", label=label)
    ax.set_xlabel("iteration")
    ax.set_ylabel("cost J")
    ax.set_title(title)
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return _close(fig)


def decision_boundary(predict_fn, X, Y, title="Decision boundary", resolution=200):
    """Colour the plane by the model's prediction and plot the points on top.

    predict_fn maps points (2, k) to predictions (1, k) of 0/1, e.g.
    ``lambda P: predict(P, parameters)``; X: (2, m) points, one per column;
    Y: (1, m) labels 0/1. The plane is sampled on a resolution x resolution grid.
    """
    func = "decision_boundary"
    if not isinstance(X, np.ndarray) or X.ndim != 2 or X.shape[0] != 2 or X.shape[1] == 0:
        raise ValueError(f"{func}: X must be (2, m), one 2-D point per column, got {getattr(X, 'shape', type(X).__name__)}")
    Y = np.asarray(Y)
    if Y.size != X.shape[1]:
        raise ValueError(f"{func}: Y must be (1, m) with m = {X.shape[1]} labels, got shape {Y.shape}")
    Y = Y.reshape(-1)
    if not callable(predict_fn):
        raise TypeError(f"{func}: predict_fn must be a function from (2, k) points to (1, k) predictions")
    if isinstance(resolution, bool) or not isinstance(resolution, numbers.Integral) or resolution < 2:
        raise ValueError(f"{func}: resolution must be an integer of at least 2, got {resolution!r}")

    margin = 0.1 * (X.max(axis=1) - X.min(axis=1)) + 0.1
    lo, hi = X.min(axis=1) - margin, X.max(axis=1) + margin
    g1, g2 = np.meshgrid(np.linspace(lo[0], hi[0], resolution), np.linspace(lo[1], hi[1], resolution))
    grid = np.vstack([g1.ravel(), g2.ravel()])  # (2, k): the grid points as columns, like X
    pred = np.asarray(predict_fn(grid))
    if pred.size != grid.shape[1]:
        raise ValueError(f"{func}: predict_fn must return (1, k) predictions for (2, k) points; for k = {grid.shape[1]} it returned shape {pred.shape}")

    from matplotlib.colors import ListedColormap

    fig = _new_figure((6, 5))
    ax = fig.add_subplot()
    ax.contourf(g1, g2, pred.reshape(g1.shape).astype(float), levels=[-0.5, 0.5, 1.5],
                cmap=ListedColormap(CLASS_COLOURS), alpha=0.25)
    for c in (0, 1):
        members = Y == c
        ax.scatter(X[0, members], X[1, members], s=14, color=CLASS_COLOURS[c], edgecolors="k", linewidths=0.3,
                   label=f"y = {c}")
    ax.set_xlabel("x1 (first feature)")
    ax.set_ylabel("x2 (second feature)")
    ax.set_title(title)
    ax.legend(loc="upper right", fontsize=8)
    fig.tight_layout()
    return _close(fig)


def _box(ax, x, y, w, h, text, colour):
    from matplotlib.patches import FancyBboxPatch

    ax.add_patch(FancyBboxPatch((x - w / 2, y - h / 2), w, h, boxstyle="round,pad=0.02", facecolor=colour,
                                edgecolor="black", linewidth=1))
    ax.text(x, y, text, ha="center", va="center", fontsize=8, family="monospace")


def _arrow(ax, start, end, text=None, text_offset=(0, 0.12)):
    ax.annotate("", xy=end, xytext=start, arrowprops=dict(arrowstyle="->", linewidth=1.2))
    if text:
        mid = ((start[0] + end[0]) / 2 + text_offset[0], (start[1] + end[1]) / 2 + text_offset[1])
        ax.text(*mid, text, ha="center", va="center", fontsize=8)


def network_diagram(layer_dims, m):
    """Draw the lecture's picture: forward boxes above backward boxes, with every shape.

    Layer l's forward box takes a[l-1] and gives a[l], keeping z[l] in the
    cache; its backward box takes da[l] and gives da[l-1], dW[l] and db[l].
    ``layer_dims = [n[0], ..., n[L]]``; m is the number of examples. The boxes
    show W[l] (n[l], n[l-1]), b[l] (n[l], 1), Z[l] and A[l] (n[l], m).
    """
    func = "network_diagram"
    if isinstance(layer_dims, (str, bytes)) or not hasattr(layer_dims, "__len__") or len(layer_dims) < 2:
        raise ValueError(f"{func}: layer_dims must list [n[0], ..., n[L]] with at least two sizes, got {layer_dims!r}")
    dims = list(layer_dims)
    for l, n in enumerate(dims):
        if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1:
            raise ValueError(f"{func}: layer_dims[{l}] = n[{l}] must be a positive integer, got {n!r}")
    if isinstance(m, bool) or not isinstance(m, numbers.Integral) or m < 1:
        raise ValueError(f"{func}: m (the number of examples) must be a positive integer, got {m!r}")

    L = len(dims) - 1
    step, w, h = 3.0, 2.2, 1.3  # distance between layers, box size
    fig = _new_figure((max(8.0, 2.6 + 2.5 * L), 5.4))  # wide enough for the title when L is small
    ax = fig.add_subplot()
    y_fwd, y_bwd = 1.5, -1.5
    for l in range(1, L + 1):
        x = l * step
        g = "sigmoid" if l == L else "relu"
        _box(ax, x, y_fwd, w, h,
             f"layer {l} ({g})\nW[{l}] {(dims[l], dims[l - 1])}\nb[{l}] {(dims[l], 1)}\nZ[{l}], A[{l}] {(dims[l], m)}",
             FORWARD_COLOUR)
        _box(ax, x, y_bwd, w, h,
             f"layer {l} backward\ndW[{l}] {(dims[l], dims[l - 1])}\ndb[{l}] {(dims[l], 1)}\ndZ[{l}] {(dims[l], m)}",
             BACKWARD_COLOUR)
        # forward: a[l-1] -> box -> a[l]; backward: da[l] -> box -> da[l-1]
        _arrow(ax, (x - step + w / 2 if l > 1 else x - step / 2 - 0.4, y_fwd), (x - w / 2, y_fwd),
               "a[0] = X" if l == 1 else None)
        _arrow(ax, (x + w / 2 - 0.3, y_fwd - h / 2), (x + w / 2 - 0.3, y_bwd + h / 2), f"cache z[{l}]", (0.55, 0))
        _arrow(ax, (x - w / 2, y_bwd), (x - step + w / 2 if l > 1 else x - step / 2 - 0.4, y_bwd),
               f"da[{l - 1}]" + ("\n(not used)" if l == 1 else ""), (0, -0.25 if l == 1 else -0.15))
        if l < L:
            ax.text(x + step / 2, y_fwd + 0.15, f"a[{l}]", ha="center", fontsize=8)
        ax.text(x, y_bwd - h / 2 - 0.35, f"dW[{l}], db[{l}]", ha="center", fontsize=8, color="#8c2d04")
    # The output and the start of the backward recursion.
    x_out = L * step + w / 2
    _arrow(ax, (x_out, y_fwd), (x_out + 1.0, y_fwd))
    ax.text(x_out + 1.05, y_fwd, f"a[{L}] = y_hat\n{(dims[L], m)}", va="center", fontsize=8)
    _arrow(ax, (x_out + 1.0, y_bwd), (x_out, y_bwd))
    ax.text(x_out + 1.05, y_bwd, f"da[{L}] =\n-y/a + (1-y)/(1-a)", va="center", fontsize=8)

    ax.set_xlim(step / 2 - 1.0, L * step + w / 2 + 2.6)
    ax.set_ylim(-2.8, 2.6)
    ax.set_xticks([l * step for l in range(1, L + 1)], [f"l = {l}" for l in range(1, L + 1)])
    ax.set_yticks([y_bwd, y_fwd], ["backward", "forward"])
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xlabel(f"layer l (L = {L}); forward runs left to right, backward right to left")
    ax.set_ylabel("direction")
    ax.set_title(f"Forward and backward propagation for layer_dims = {dims}, m = {m}")
    fig.tight_layout()
    return _close(fig)
