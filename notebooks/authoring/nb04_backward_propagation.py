"""Notebook 4: the four backward equations; linear_backward, relu/sigmoid_backward, linear_activation_backward."""
from .cells import Notebook, checkpoint, code, exercise, md

EXERCISES = ["linear_backward", "relu_backward", "sigmoid_backward", "linear_activation_backward"]

NOTEBOOK = Notebook("04_backward_propagation", EXERCISES, [
    md(r"""
    # 4. Backward propagation

    The backward step of layer $l$ is the mirror of its forward step. It takes
    $dA^{[l]}$ (the gradient of the cost with respect to the layer's output)
    and the layer's cache, and returns

    * $dW^{[l]}$ and $db^{[l]}$, the gradients used to update the layer's parameters;
    * $dA^{[l-1]}$, handed to the layer before it, which continues the chain.

    Here $dA^{[l]}$ is short for $\partial J / \partial A^{[l]}$, and it has
    the same shape as $A^{[l]}$; likewise every $dW^{[l]}$ has the shape of
    $W^{[l]}$. For $m$ examples the step is four equations:

    $$dZ^{[l]} = dA^{[l]} * g^{[l]\prime}\big(Z^{[l]}\big) \qquad (n^{[l]}, m)$$
    $$dW^{[l]} = \frac{1}{m}\, dZ^{[l]} A^{[l-1]T} \qquad (n^{[l]}, n^{[l-1]})$$
    $$db^{[l]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[l](i)} \qquad (n^{[l]}, 1)$$
    $$dA^{[l-1]} = W^{[l]T} dZ^{[l]} \qquad (n^{[l-1]}, m)$$

    where $*$ is the element-wise product. The $\frac{1}{m}$ is there because
    $J$ averages the losses of the $m$ examples. In numpy, $db^{[l]}$ is
    `np.sum(dZ, axis=1, keepdims=True) / m`: the sum runs over the examples
    (the columns), and `keepdims=True` keeps the shape $(n^{[l]}, 1)$ instead
    of a flat $(n^{[l]},)$.

    If you put $dA^{[l]} = W^{[l+1]T} dZ^{[l+1]}$ (the last equation, one
    layer up) into the first one you get
    $dZ^{[l]} = W^{[l+1]T} dZ^{[l+1]} * g^{[l]\prime}(Z^{[l]})$: the same
    recursion as for a network with one hidden layer.
    """),
    code("""
    import numpy as np

    import dlkit
    from dlkit import linear_forward, relu, sigmoid   # blocks from notebook 2
    from dlkit.checks import check
    from dlkit.plots import network_diagram

    np.set_printoptions(precision=4, suppress=True)
    """),
    md(r"""
    In the picture of the example network, the bottom row is the backward
    chain: each orange box is the step you write in this notebook, fed by
    $da^{[l]}$ from its right and by the cache $z^{[l]}$ from above.
    """),
    code("""
    network_diagram([5, 4, 3, 1], m=8)
    """),
    md(r"""
    ## The linear part backward

    The last three equations only need $dZ^{[l]}$ and the linear cache
    $(A^{[l-1]}, W^{[l]}, b^{[l]})$ stored by `linear_forward`.

    ### Exercise: `linear_backward`
    """),
    exercise("linear_backward", """
    def linear_backward(dZ, linear_cache):
        \"\"\"dW[l], db[l] and dA[l-1] from dZ[l] (n[l], m).

        linear_cache = (A_prev, W, b) with A_prev (n[l-1], m), W (n[l], n[l-1]), b (n[l], 1).
        Returns dA_prev (n[l-1], m), dW (n[l], n[l-1]), db (n[l], 1).
        \"\"\"
        A_prev, W, b = linear_cache
        m = A_prev.shape[1]
        ### BEGIN SOLUTION
        dW = (1 / m) * np.dot(dZ, A_prev.T)
        db = (1 / m) * np.sum(dZ, axis=1, keepdims=True)
        dA_prev = np.dot(W.T, dZ)
        ### END SOLUTION
        return dA_prev, dW, db
    """),
    checkpoint("linear_backward"),
    md(r"""
    ## The slope of the activation, $g^{[l]\prime}(Z^{[l]})$

    * Sigmoid: $\sigma'(Z) = \sigma(Z)\,\big(1 - \sigma(Z)\big)$.
    * ReLU: the slope is $1$ where $Z > 0$ and $0$ where $Z \le 0$ (at exactly
      $0$ we pick $0$). So $dZ$ is $dA$ where $Z > 0$ and $0$ elsewhere.

    ### Exercise: `relu_backward` and `sigmoid_backward`
    Each takes `dA` and the `Z` stored in the cache (same shape) and returns
    $dZ = dA * g'(Z)$. Do not change `dA` in place: make a new array.
    """),
    exercise("relu_backward", """
    def relu_backward(dA, Z):
        \"\"\"dZ = dA * relu'(Z): dA where Z > 0, 0 elsewhere. dA, Z, dZ: (n[l], m).\"\"\"
        ### BEGIN SOLUTION
        dZ = np.array(dA, copy=True)
        dZ[Z <= 0] = 0
        ### END SOLUTION
        return dZ
    """),
    checkpoint("relu_backward"),
    exercise("sigmoid_backward", """
    def sigmoid_backward(dA, Z):
        \"\"\"dZ = dA * s * (1 - s) with s = sigmoid(Z). dA, Z, dZ: (n[l], m).\"\"\"
        ### BEGIN SOLUTION
        s = 1 / (1 + np.exp(-Z))
        dZ = dA * s * (1 - s)
        ### END SOLUTION
        return dZ
    """),
    checkpoint("sigmoid_backward"),
    md(r"""
    ## One whole layer backward

    `linear_activation_backward(dA, cache, activation)` undoes
    `linear_activation_forward`: with `cache = (linear_cache, Z)`, first
    $dZ^{[l]}$ from the activation's backward, then the linear part.

    ### Exercise: `linear_activation_backward`
    """),
    exercise("linear_activation_backward", """
    def linear_activation_backward(dA, cache, activation):
        \"\"\"dA[l-1], dW[l], db[l] from dA[l] (n[l], m) and cache = (linear_cache, Z).

        activation is "relu" or "sigmoid", as in the forward step.
        \"\"\"
        linear_cache, Z = cache
        ### BEGIN SOLUTION
        if activation == "relu":
            dZ = relu_backward(dA, Z)
        elif activation == "sigmoid":
            dZ = sigmoid_backward(dA, Z)
        else:
            raise ValueError(f"activation must be 'relu' or 'sigmoid', got {activation!r}")
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
        ### END SOLUTION
        return dA_prev, dW, db
    """),
    checkpoint("linear_activation_backward"),
    md(r"""
    ## Checking a backward step against a numerical gradient

    How do we know the four equations are right? By nudging. For any number
    $w$ the cost depends on,

    $$\frac{\partial J}{\partial w} \approx \frac{J(w + h) - J(w - h)}{2h}$$

    for a small $h$. The checkpoints above already hold your backward blocks
    against this. Here we do it by hand for one sigmoid layer with dlkit's
    reference. Take a fixed upstream gradient $dA^{[l]}$; the number
    $f = \sum A^{[l]} * dA^{[l]}$ (summed over all entries) then has exactly
    $dA^{[l]}$ as its gradient with respect to $A^{[l]}$, so nudging each entry of
    $W^{[l]}$, $b^{[l]}$ and $A^{[l-1]}$ and watching $f$ gives their gradients.

    One detail: $f$ sums over the $m$ examples while $J$ *averages* them. That is
    why the backward equations put a $\frac{1}{m}$ in $dW^{[l]}$ and $db^{[l]}$:
    we compare them with the numerical gradient divided by $m$, and $dA^{[l-1]}$
    (one column per example, no average) with the numerical gradient as it is.
    The relative error $\frac{|x - y|}{|x| + |y|}$ should be tiny (below
    $10^{-7}$); a wrong equation gives a large one.
    """),
    code("""
    rng = np.random.RandomState(3)
    A_prev, W, b = rng.randn(4, 6), rng.randn(3, 4), rng.randn(3, 1)
    dA = rng.randn(3, 6)                                 # the upstream gradient dA[l]

    A, cache = dlkit.linear_activation_forward(A_prev, W, b, "sigmoid")
    dA_prev, dW, db = dlkit.linear_activation_backward(dA, cache, "sigmoid")

    def layer(A_prev, W, b):
        return dlkit.linear_activation_forward(A_prev, W, b, "sigmoid")[0]

    m = A_prev.shape[1]
    # numerical gradients of f = sum(layer(A_prev, W, b) * dA), nudging one input at a time
    num_dW = dlkit.numerical_gradient_array(lambda W_: layer(A_prev, W_, b), W, dA) / m
    num_db = dlkit.numerical_gradient_array(lambda b_: layer(A_prev, W, b_), b, dA) / m
    num_dA_prev = dlkit.numerical_gradient_array(lambda A_: layer(A_, W, b), A_prev, dA)
    for name, analytic, numeric in [("dW", dW, num_dW), ("db", db, num_db), ("dA_prev", dA_prev, num_dA_prev)]:
        print(f"{name:8s} shape {str(analytic.shape):7s} relative error below 1e-7: {dlkit.rel_error(analytic, numeric) < 1e-7}")

    wrong_dW = dW * m                                    # what forgetting the 1/m would give
    print("forgetting the 1/m gives a relative error of", round(dlkit.rel_error(wrong_dW, num_dW), 2))
    """),
    md(r"""
    **Summary.** Backward through a layer: $dZ^{[l]}$ from $dA^{[l]}$ and
    the slope of the activation, then $dW^{[l]}$, $db^{[l]}$ (both with
    $\frac{1}{m}$) and $dA^{[l-1]}$. Each gradient has the shape of the thing
    it is the gradient of. What is still missing is where the chain starts,
    $dA^{[L]}$: that is the next notebook.
    """),
])
