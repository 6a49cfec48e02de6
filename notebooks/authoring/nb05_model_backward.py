"""Notebook 5: dA[L] derived from the loss (the sign), model_backward, dA[0], whole-model gradient check."""
from .cells import Notebook, checkpoint, code, exercise, md

NOTEBOOK = Notebook("05_model_backward", ["model_backward"], [
    md(r"""
    # 5. Starting the backward recursion: the whole backward chain

    Forward propagation starts from $A^{[0]} = X$. Backward propagation starts
    from the other end, with $dA^{[L]} = \partial J / \partial A^{[L]}$, and
    then runs the layer step of notebook 4 from $l = L$ down to $l = 1$.
    """),
    code("""
    import numpy as np

    import dlkit
    from dlkit import linear_activation_backward      # from notebook 4
    from dlkit.checks import check
    from dlkit.plots import network_diagram

    np.set_printoptions(precision=4, suppress=True)
    """),
    md(r"""
    ## Deriving $dA^{[L]}$ from the loss

    For one example with prediction $a = a^{[L]}$ and label $y$ the loss is

    $$\mathcal{L}(a, y) = -\big( y \log a + (1 - y) \log(1 - a) \big).$$

    Differentiate term by term, using $\frac{d}{da}\log a = \frac{1}{a}$ and
    $\frac{d}{da}\log(1 - a) = -\frac{1}{1 - a}$:

    $$\frac{\partial \mathcal{L}}{\partial a} = -\left( \frac{y}{a} - \frac{1 - y}{1 - a} \right) = -\frac{y}{a} + \frac{1 - y}{1 - a}.$$

    Vectorized over the $m$ columns this is

    $$dA^{[L]} = -\left( \frac{Y}{A^{[L]}} - \frac{1 - Y}{1 - A^{[L]}} \right)$$

    (element-wise divisions), of shape $(1, m)$.

    **Mind the sign.** In the lecture video the formula is spoken as
    "$y/a + (1-y)/(1-a)$": the leading minus sign is dropped. Without it the
    first term has the wrong sign, every gradient that follows is wrong, and
    gradient descent no longer goes downhill. Always start from
    $-\frac{Y}{A^{[L]}} + \frac{1 - Y}{1 - A^{[L]}}$.

    (The $\frac{1}{m}$ of the cost is not in $dA^{[L]}$: it is applied once,
    in $dW^{[l]}$ and $db^{[l]}$.)

    Let us check the derivative numerically on three examples, and see what
    the dropped sign would do:
    """),
    code("""
    Y = np.array([[1.0, 0.0, 1.0]])
    AL = np.array([[0.8, 0.3, 0.4]])

    def loss(a, y):
        return -(y * np.log(a) + (1 - y) * np.log(1 - a))

    h = 1e-6
    numeric = (loss(AL + h, Y) - loss(AL - h, Y)) / (2 * h)
    right = -(Y / AL) + (1 - Y) / (1 - AL)
    sign_dropped = Y / AL + (1 - Y) / (1 - AL)
    print("numerical dL/da :", numeric.round(4))
    print("-(Y/A) + (1-Y)/(1-A):", right.round(4))
    print("Y/A + (1-Y)/(1-A)   :", sign_dropped.round(4), "<- wrong wherever y = 1")
    """),
    md(r"""
    With a sigmoid output layer, $dZ^{[L]} = dA^{[L]} * \sigma'(Z^{[L]})$ and
    $\sigma'(Z^{[L]}) = A^{[L]}(1 - A^{[L]})$, so the divisions cancel:

    $$dZ^{[L]} = \left(-\frac{Y}{A^{[L]}} + \frac{1 - Y}{1 - A^{[L]}}\right) A^{[L]}\big(1 - A^{[L]}\big) = A^{[L]} - Y.$$

    That is a handy check (and what fast training code uses), but in this
    exercise start from $dA^{[L]}$ so that every layer runs the same step.

    ## The backward chain

    For the network `layer_dims = [5, 4, 3, 1]` ($L = 3$): start with
    $dA^{[3]}$, go back through the sigmoid layer 3 to get $dW^{[3]}$,
    $db^{[3]}$ and $dA^{[2]}$, then through the ReLU layers 2 and 1. The bottom
    row of the picture is this chain.
    """),
    code("""
    network_diagram([5, 4, 3, 1], m=8)
    """),
    md(r"""
    The last step (layer 1) also produces $dA^{[0]}$, the gradient with
    respect to the input $X$. Nothing is updated with it: the inputs are data,
    not parameters. We store it anyway (it is computed and then discarded), so
    `grads` holds `dA0, ..., dA{L-1}`, `dW1, ..., dWL` and `db1, ..., dbL`.

    ### Exercise: `model_backward`

    `model_backward(AL, Y, caches)` with `caches` from `model_forward`
    (`caches[l-1]` is layer $l$'s). Use `linear_activation_backward` (here
    dlkit's, imported above) with `"sigmoid"` for layer $L$ and `"relu"` for
    the others, and store each result as
    `grads["dA" + str(l-1)], grads["dW" + str(l)], grads["db" + str(l)]`.
    """),
    exercise("model_backward", """
    def model_backward(AL, Y, caches):
        \"\"\"Gradients of every layer, from dA[L] back to dA[0].

        AL, Y: (1, m); caches: the L caches from model_forward.
        Returns grads with dA0..dA{L-1} (n[l-1], m), dW1..dWL (n[l], n[l-1]), db1..dbL (n[l], 1).
        \"\"\"
        grads = {}
        L = len(caches)
        Y = Y.reshape(AL.shape)
        ### BEGIN SOLUTION
        dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
        grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \\
            linear_activation_backward(dAL, caches[L - 1], "sigmoid")
        for l in range(L - 1, 0, -1):
            grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = \\
                linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")
        ### END SOLUTION
        return grads
    """),
    checkpoint("model_backward"),
    md(r"""
    ## What you should see: shapes, and a whole-model gradient check

    With dlkit's reference (so this runs before you finish the exercise), each
    gradient has the shape of what it is the gradient of, and $dA^{[0]}$ has
    the shape of $X$:
    """),
    code("""
    rng = np.random.RandomState(1)
    X = rng.randn(5, 8)
    Y = (rng.rand(1, 8) > 0.5).astype(float)
    parameters = dlkit.initialize_parameters([5, 4, 3, 1], seed=1)
    AL, caches = dlkit.model_forward(X, parameters)
    grads = dlkit.model_backward(AL, Y, caches)
    for key in sorted(grads, key=lambda k: (k[1], int(k[2:]))):
        print(f"{key}: {grads[key].shape}")
    print("dA0 has the shape of X:", grads["dA0"].shape == X.shape, "(computed, then discarded)")
    print("dZ[L] = AL - Y gives the same dW3:",
          np.allclose(grads["dW3"], (AL - Y) @ caches[2][0][0].T / X.shape[1]))
    """),
    md(r"""
    Finally the strongest test: nudge **every** parameter of the network, one
    at a time, recompute the cost $J$ with the full forward chain, and compare
    $\frac{J(\theta + h) - J(\theta - h)}{2h}$ with the gradient from the
    backward chain. `dlkit.gradient_check` does exactly that. It reports the
    largest relative error of any entry, and the course's overall measure
    $\frac{\lVert d\theta - d\theta_{\text{approx}} \rVert}{\lVert d\theta \rVert + \lVert d\theta_{\text{approx}} \rVert}$
    over all parameters stacked into one vector $\theta$; both should be far
    below $10^{-7}$. To see it catch a bug, we then drop the sign of $dA^{[L]}$.

    A caution with ReLU: its slope jumps at $Z = 0$. If some entry of some
    $Z^{[l]}$ is closer to 0 than the nudge $h$ (it happens with tiny networks,
    e.g. when all units of a layer are 0 for one example), the numerical
    gradient straddles the jump and the check fails although the code is right.
    Try another random $X$ before hunting for a bug that is not there.
    """),
    code("""
    result = dlkit.gradient_check(parameters, X, Y)
    print("parameters checked:", ", ".join(result["errors"]))
    print("largest relative error of an entry below 1e-7:", result["max_rel_error"] < 1e-7)
    print("overall difference below 1e-7:", result["difference"] < 1e-7)

    def backward_sign_dropped(AL, Y, caches):
        dAL = Y / AL + (1 - Y) / (1 - AL)                  # the minus sign dropped
        dA, dW3, db3 = dlkit.linear_activation_backward(dAL, caches[2], "sigmoid")
        return dW3

    numeric_dW3 = dlkit.numerical_gradient(
        lambda W3: dlkit.compute_cost(dlkit.model_forward(X, parameters)[0], Y), parameters["W3"])
    print("relative error of dW3 with the sign dropped:",
          round(dlkit.rel_error(backward_sign_dropped(AL, Y, caches), numeric_dW3), 2))
    """),
    md(r"""
    **Summary.** The backward chain starts from
    $dA^{[L]} = -\frac{Y}{A^{[L]}} + \frac{1 - Y}{1 - A^{[L]}}$ (with its minus
    sign), runs the layer step from $L$ down to 1, and gives every $dW^{[l]}$
    and $db^{[l]}$; $dA^{[0]}$ falls out at the end and is not used. In the
    next notebook these gradients train a network.
    """),
])
