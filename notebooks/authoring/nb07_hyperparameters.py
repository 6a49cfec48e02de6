"""Notebook 7: parameters and hyperparameters; experiments with plots, sliders with a static fallback."""
from .cells import Notebook, code, md

NOTEBOOK = Notebook("07_hyperparameters", [], [
    md(r"""
    # 7. Parameters and hyperparameters

    The **parameters** of the network are $W^{[1]}, b^{[1]}, \dots, W^{[L]}, b^{[L]}$:
    gradient descent learns them. Everything else you had to choose before
    training is a **hyperparameter**, because it controls how the parameters
    are learnt:

    * the learning rate $\alpha$;
    * the number of iterations of gradient descent;
    * the number of layers $L$ and the number of units $n^{[l]}$ of each layer;
    * the activation $g^{[l]}$ of the hidden layers.

    There is no formula for good hyperparameters: you try values and look at
    the cost and the accuracies. This notebook has no exercise: it runs
    experiments with dlkit's reference `dlkit.train`, the loop of notebook 6.
    """),
    code("""
    import matplotlib.pyplot as plt
    import numpy as np

    import dlkit
    from dlkit.data import load
    from dlkit.plots import decision_boundary, network_diagram

    digits = load("digits")
    train_X, train_Y = digits.xy("train")
    test_X, test_Y = digits.xy("test")


    def accuracies(parameters, hidden_activation="relu", sets=None):
        \"\"\"Train and test accuracy in percent, rounded to 0.1.\"\"\"
        sets = sets or [(train_X, train_Y), (test_X, test_Y)]
        return [round(100 * dlkit.accuracy(dlkit.predict(X, parameters, hidden_activation), Y), 1) for X, Y in sets]
    """),
    md(r"""
    ## The learning rate $\alpha$

    The same 2-layer network `[64, 16, 1]` on the digits, trained for 600
    iterations with four learning rates. Too small and $J$ falls slowly; a
    larger one makes it fall much faster, with spikes where a step overshoots
    the valley and has to come back. Far too large, and the first
    steps are so big that every hidden ReLU unit ends up with $Z \le 0$ for
    every example: its slope is then 0, its gradients are 0, and it never
    recovers. The network answers 0.5 for everything and $J$ is stuck at
    $\log 2 \approx 0.693$.
    """),
    code("""
    learning_rates = [0.01, 0.1, 1.0, 4.0]
    fig, ax = plt.subplots(figsize=(7, 4))
    for alpha in learning_rates:
        parameters, costs = dlkit.train(train_X, train_Y, [64, 16, 1], alpha, 600, progress=False)
        ax.plot(costs, label=f"alpha = {alpha}")
        train_acc, test_acc = accuracies(parameters)
        print(f"alpha = {alpha:5}: final cost {costs[-1]:.4f}, train {train_acc}%, test {test_acc}%")
    ax.set_yscale("log")
    ax.set_xlabel("iteration")
    ax.set_ylabel("cost J (log scale)")
    ax.set_title("Cost while training [64, 16, 1] with different learning rates")
    ax.legend()
    plt.show()
    """),
    md(r"""
    ## The number of iterations

    More iterations keep lowering the training cost, but past some point the
    test accuracy stops improving: the network is learning details of the 500
    training images that do not carry over to new ones. Here we train
    `[64, 16, 1]` with $\alpha = 0.5$ in chunks of 150 iterations and
    measure both accuracies after each chunk.
    """),
    code("""
    parameters = dlkit.initialize_parameters([64, 16, 1], seed=1)
    done, history = 0, []
    for chunk in range(20):
        parameters, _ = dlkit.train(train_X, train_Y, [64, 16, 1], 0.5, 150, parameters=parameters, progress=False)
        done += 150
        history.append([done] + accuracies(parameters))
    history = np.array(history)
    for row in history[4::5]:
        print(f"after {int(row[0]):4d} iterations: train {row[1]}%, test {row[2]}%")

    fig, ax = plt.subplots(figsize=(7, 4))
    ax.plot(history[:, 0], history[:, 1], marker="o", label="train")
    ax.plot(history[:, 0], history[:, 2], marker="o", label="test")
    ax.set_xlabel("iterations of gradient descent")
    ax.set_ylabel("accuracy (%)")
    ax.set_title("Accuracy of [64, 16, 1] as training goes on (alpha = 0.5)")
    ax.legend()
    plt.show()
    """),
    md(r"""
    ## Depth and width, seen in the plane

    Images have 64 inputs, too many to draw. The `moons` dataset has only
    two, $n^{[0]} = 2$, so we can colour the plane by the network's answer and
    see the **decision boundary** it has learnt. The two classes are two
    interleaving half moons: no straight line separates them.
    """),
    code("""
    moons = load("moons")
    moons_X, moons_Y = moons.xy("train")
    moons_test = moons.xy("test")
    print("moons train:", moons_X.shape, moons_Y.shape, " test:", moons_test[0].shape)


    trained = {}  # settings -> result, so that no network is trained twice


    def fit_moons(layer_dims, hidden_activation="relu", learning_rate=0.5, num_iterations=1000):
        \"\"\"Train on the moons; return (parameters, final cost, train accuracy %, test accuracy %).\"\"\"
        key = (tuple(layer_dims), hidden_activation, learning_rate, num_iterations)
        if key not in trained:
            parameters, costs = dlkit.train(moons_X, moons_Y, layer_dims, learning_rate, num_iterations,
                                            hidden_activation=hidden_activation, progress=False)
            train_acc, test_acc = accuracies(parameters, hidden_activation, [(moons_X, moons_Y), moons_test])
            trained[key] = parameters, costs[-1], train_acc, test_acc
        return trained[key]


    for dims in [[2, 1], [2, 3, 1], [2, 16, 1], [2, 16, 16, 1]]:
        _, cost, train_acc, test_acc = fit_moons(dims)
        print(f"layer_dims {str(dims):15s} L = {len(dims) - 1}: final cost {cost:.4f}, train {train_acc}%, test {test_acc}%")
    """),
    md(r"""
    Each network had 1000 iterations with $\alpha = 0.5$. `[2, 1]` has no
    hidden layer: it is logistic regression, and can only draw a straight
    line. A few hidden units already bend the boundary; more units and more
    layers let it follow the moons. Here are the two extremes:
    """),
    code("""
    for dims in [[2, 1], [2, 16, 16, 1]]:
        parameters, _, _, test_acc = fit_moons(dims)
        display(decision_boundary(lambda P, parameters=parameters: dlkit.predict(P, parameters), moons_X, moons_Y,
                                  title=f"moons, layer_dims = {dims}: test accuracy {test_acc}%"))
    network_diagram([2, 16, 16, 1], m=moons_X.shape[1])
    """),
    md(r"""
    ## The activation of the hidden layers

    The same network `[2, 16, 16, 1]` with three hidden activations: ReLU,
    $\tanh$ and the sigmoid. With the sigmoid, whose slope is at most
    $\frac{1}{4}$, the gradients shrink at every layer they go back through,
    and in the same number of iterations the network learns less.
    """),
    code("""
    for activation in ["relu", "tanh", "sigmoid"]:
        _, cost, train_acc, test_acc = fit_moons([2, 16, 16, 1], activation)
        print(f"{activation:8s}: final cost {cost:.4f}, train {train_acc}%, test {test_acc}%")
    """),
    md(r"""
    ## Try it yourself

    Move the sliders: each change trains a fresh network on the moons (a
    second or so) and redraws its decision boundary. If your viewer cannot
    show widgets (a static page, or `ipywidgets` is not installed), the cell
    draws a fixed set of settings instead.
    """),
    code("""
    def explore(learning_rate=0.5, num_iterations=1000, hidden_layers=2, units=8, activation="relu"):
        dims = [2] + [units] * hidden_layers + [1]
        parameters, cost, train_acc, test_acc = fit_moons(dims, activation, learning_rate, num_iterations)
        display(decision_boundary(lambda P: dlkit.predict(P, parameters, activation), moons_X, moons_Y,
                                  title=f"{dims}, {activation}, alpha {learning_rate}, {num_iterations} it.: "
                                        f"train {train_acc}%, test {test_acc}%"))


    try:
        import ipywidgets as widgets
    except ImportError:
        widgets = None

    if widgets is not None:
        widgets.interact(
            explore,
            learning_rate=widgets.FloatLogSlider(value=0.5, base=10, min=-3, max=1, step=0.25, description="alpha",
                                                 continuous_update=False),
            num_iterations=widgets.IntSlider(value=1000, min=100, max=3000, step=100, description="iterations",
                                             continuous_update=False),
            hidden_layers=widgets.IntSlider(value=2, min=0, max=4, description="hidden layers",
                                            continuous_update=False),
            units=widgets.IntSlider(value=8, min=1, max=32, description="units n[l]", continuous_update=False),
            activation=widgets.Dropdown(options=["relu", "tanh", "sigmoid"], value="relu", description="g"),
        )
    else:
        print("ipywidgets is not available: showing fixed settings instead of sliders")
        for settings in [dict(hidden_layers=0), dict(learning_rate=0.01), dict(units=2), dict()]:
            explore(**settings)
    """, ignore_output=True),
    md(r"""
    ## What to take away

    * Parameters ($W^{[l]}$, $b^{[l]}$) are learnt; hyperparameters
      ($\alpha$, iterations, $L$, $n^{[l]}$, $g^{[l]}$) are chosen by you and
      decide what the parameters end up being.
    * Choosing them is empirical: try a value, look at the cost curve and at
      the train and test accuracy, adjust, repeat.
    * A good $\alpha$ makes $J$ fall steadily; a larger network can fit more
      complicated boundaries, at more cost per iteration.

    That is the whole course: you have written forward and backward
    propagation for an $L$-layer network from its equations, checked it
    numerically, and trained it on real images.
    """),
])
