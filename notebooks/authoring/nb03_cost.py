"""Notebook 3: the cross-entropy cost, safe near 0 and 1; exercise compute_cost."""
from .cells import Notebook, checkpoint, code, exercise, md

NOTEBOOK = Notebook("03_cost", ["compute_cost"], [
    md(r"""
    # 3. The cost

    The forward chain ends with $A^{[L]} = \hat Y$, shape $(1, m)$: for each
    example the network's probability that its label is 1. The labels
    $Y$ are also $(1, m)$, each 0 or 1. The **cross-entropy cost** measures how
    far the predictions are from the labels:

    $$J = -\frac{1}{m} \sum_{i=1}^{m} \Big( y^{(i)} \log a^{[L](i)} + \big(1 - y^{(i)}\big) \log\big(1 - a^{[L](i)}\big) \Big)$$

    For one example only one of the two terms is active: if $y = 1$ the loss
    is $-\log a$ (small when $a$ is close to 1), if $y = 0$ it is
    $-\log(1 - a)$ (small when $a$ is close to 0). A confident wrong answer
    costs a lot: $-\log(0.01) \approx 4.6$.
    """),
    code("""
    import numpy as np

    import dlkit
    from dlkit.checks import check
    from dlkit.plots import network_diagram

    np.set_printoptions(precision=4, suppress=True)
    """),
    md(r"""
    In the picture of our example network, the cost sits at the right end of
    the forward chain: it takes $a^{[3]} = \hat y$ and the labels. It is also
    where the backward chain (bottom row) will start, in notebook 5.
    """),
    code("""
    network_diagram([5, 4, 3, 1], m=3)
    """),
    md("A worked example by hand, for $m = 3$ examples:"),
    code("""
    Y = np.array([[1, 0, 1]])            # labels: (1, m)
    AL = np.array([[0.8, 0.1, 0.4]])     # A[L] = Y_hat: (1, m)
    print("AL:", AL.shape, " Y:", Y.shape)
    losses = -(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    print("loss of each example:", losses)
    print("J = mean of the losses =", round(float(np.mean(losses)), 6))
    """),
    md(r"""
    ## Computing it safely near 0 and 1

    A sigmoid output can round to *exactly* 1.0 (in float64, any $z$ above
    about 37) or exactly 0.0. Then $\log(1 - a) = \log(0) = -\infty$ and the
    cost becomes `inf` or `nan`, which then spreads to every gradient.
    """),
    code("""
    a = dlkit.sigmoid(np.array([[40.0]]))
    print("sigmoid(40) == 1.0 exactly:", bool(a[0, 0] == 1.0))
    with np.errstate(divide="ignore"):        # numpy would warn about log(0)
        print("log(1 - sigmoid(40)) =", np.log(1 - a)[0, 0])
    """),
    md(r"""
    The fix is to keep $a$ a tiny bit inside $(0, 1)$ before taking the
    logarithm: `np.clip(AL, eps, 1 - eps)` with `eps = np.finfo(float).eps`
    (about $2.2 \times 10^{-16}$). This changes nothing for any $a$ that is not
    already rounded to 0 or 1, and turns $\log 0$ into a large but finite
    $\log(\text{eps}) \approx -36$.

    ### Exercise: `compute_cost`

    Write `compute_cost(AL, Y)`: clip `AL` as above, compute $J$ with
    vectorized numpy (`np.log`, `np.sum`, no loop over examples) and return
    it as a Python `float`.
    """),
    exercise("compute_cost", """
    def compute_cost(AL, Y):
        \"\"\"J = -1/m sum(Y log(AL) + (1 - Y) log(1 - AL)), as a float.

        AL: (1, m) probabilities, Y: (1, m) labels 0/1.
        \"\"\"
        m = Y.shape[1]
        eps = np.finfo(float).eps
        ### BEGIN SOLUTION
        AL = np.clip(AL, eps, 1 - eps)
        cost = -(1 / m) * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
        ### END SOLUTION
        return float(cost)
    """),
    checkpoint("compute_cost"),
    md(r"""
    ## What you should see

    dlkit's reference gives the same $J$ as the worked example, and stays
    finite when a prediction is rounded to exactly 0 or 1:
    """),
    code("""
    print("J =", round(dlkit.compute_cost(AL, Y), 6))
    saturated = np.array([[1.0, 0.0, 1.0]])    # confident and right on examples 1 and 2, wrong on 3
    print("J with saturated predictions =", round(dlkit.compute_cost(saturated, np.array([[1, 0, 0]])), 4))
    """),
    md(r"""
    **Summary.** $J$ is the average over the $m$ examples of the loss of
    each, clipped so that it stays finite. Training will make $J$ smaller by
    moving the parameters against the gradient of $J$; the next two notebooks
    compute that gradient.
    """),
])
