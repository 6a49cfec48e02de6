"""Notebook 2: the forward chain; exercises linear_forward, sigmoid, relu, linear_activation_forward, model_forward."""
from .cells import Notebook, checkpoint, code, exercise, md

EXERCISES = ["linear_forward", "sigmoid", "relu", "linear_activation_forward", "model_forward"]

NOTEBOOK = Notebook("02_forward_propagation", EXERCISES, [
    md(r"""
    # 2. Forward propagation

    The forward step of layer $l$ takes $A^{[l-1]}$ and returns $A^{[l]}$,
    keeping a **cache** of what the backward step will need later:

    $$Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}$$
    $$A^{[l]} = g^{[l]}\big(Z^{[l]}\big)$$

    The chain starts with $A^{[0]} = X$ and repeats the step for
    $l = 1, \dots, L$, left to right. You will write it in three pieces:
    the linear part, the activations, and the two together; then the whole
    chain.
    """),
    code("""
    import numpy as np

    import dlkit
    from dlkit.checks import check
    from dlkit.plots import network_diagram

    np.set_printoptions(precision=4, suppress=True)
    """),
    md(r"""
    ## The linear part

    $Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}$ with $A^{[l-1]}$ of shape
    $(n^{[l-1]}, m)$, $W^{[l]}$ of shape $(n^{[l]}, n^{[l-1]})$ and $b^{[l]}$
    of shape $(n^{[l]}, 1)$ (broadcast over the $m$ columns). The result
    $Z^{[l]}$ is $(n^{[l]}, m)$.

    The function also returns `linear_cache = (A_prev, W, b)`, its own
    inputs: the backward step needs $A^{[l-1]}$ to compute $dW^{[l]}$ and
    $W^{[l]}$ to compute $dA^{[l-1]}$.

    ### Exercise: `linear_forward`
    Use a matrix product (`np.dot` or `@`), not an element-wise `*`.
    """),
    exercise("linear_forward", """
    def linear_forward(A_prev, W, b):
        \"\"\"Z[l] = W[l] A[l-1] + b[l].

        A_prev: (n[l-1], m), W: (n[l], n[l-1]), b: (n[l], 1).
        Returns Z (n[l], m) and linear_cache = (A_prev, W, b).
        \"\"\"
        ### BEGIN SOLUTION
        Z = np.dot(W, A_prev) + b
        ### END SOLUTION
        linear_cache = (A_prev, W, b)
        return Z, linear_cache
    """),
    checkpoint("linear_forward"),
    md(r"""
    ## The activations

    Two activation functions, both applied element by element:

    $$\sigma(Z) = \frac{1}{1 + e^{-Z}} \qquad\qquad \mathrm{ReLU}(Z) = \max(0, Z)$$

    The sigmoid squeezes any number into $(0, 1)$, which is what the output
    layer needs to give a probability that $y = 1$. ReLU is used in the hidden
    layers: it is cheap and its slope does not fade for large $Z$.

    ### Exercise: `sigmoid` and `relu`
    Each takes `Z` of any shape and returns `A` of the same shape. Use
    `np.exp` and `np.maximum` (not Python's `max`, which does not work
    element by element).
    """),
    exercise("sigmoid", """
    def sigmoid(Z):
        \"\"\"A = 1 / (1 + exp(-Z)), element-wise; A has Z's shape.\"\"\"
        ### BEGIN SOLUTION
        A = 1 / (1 + np.exp(-Z))
        ### END SOLUTION
        return A
    """),
    checkpoint("sigmoid"),
    exercise("relu", """
    def relu(Z):
        \"\"\"A = max(0, Z), element-wise; A has Z's shape.\"\"\"
        ### BEGIN SOLUTION
        A = np.maximum(0, Z)
        ### END SOLUTION
        return A
    """),
    checkpoint("relu"),
    md(r"""
    ## One whole layer: linear, then activation

    `linear_activation_forward(A_prev, W, b, activation)` chains your two
    pieces: $Z^{[l]}$ from `linear_forward`, then $A^{[l]} = g^{[l]}(Z^{[l]})$
    with `activation` either `"relu"` or `"sigmoid"`.

    Its cache is `(linear_cache, Z)`: the backward step needs $Z^{[l]}$ to
    compute the slope $g^{[l]\prime}(Z^{[l]})$.

    ### Exercise: `linear_activation_forward`
    """),
    exercise("linear_activation_forward", """
    def linear_activation_forward(A_prev, W, b, activation):
        \"\"\"A[l] = g(W[l] A[l-1] + b[l]) with g = "relu" or "sigmoid".

        A_prev: (n[l-1], m), W: (n[l], n[l-1]), b: (n[l], 1).
        Returns A (n[l], m) and cache = (linear_cache, Z).
        \"\"\"
        ### BEGIN SOLUTION
        Z, linear_cache = linear_forward(A_prev, W, b)
        if activation == "sigmoid":
            A = sigmoid(Z)
        elif activation == "relu":
            A = relu(Z)
        else:
            raise ValueError(f"activation must be 'relu' or 'sigmoid', got {activation!r}")
        ### END SOLUTION
        cache = (linear_cache, Z)
        return A, cache
    """),
    checkpoint("linear_activation_forward"),
    md(r"""
    ## The whole forward chain

    The network of this course uses ReLU in layers $1, \dots, L-1$ and a
    sigmoid in layer $L$:

    $$A^{[0]} = X \;\to\; \underbrace{A^{[1]} \to \cdots \to A^{[L-1]}}_{\text{ReLU}} \;\to\; \underbrace{A^{[L]}}_{\text{sigmoid}} = \hat Y$$

    For the network below, `layer_dims = [5, 4, 3, 1]`, that is two ReLU
    layers and one sigmoid layer:
    """),
    code("""
    network_diagram([5, 4, 3, 1], m=8)
    """),
    md(r"""
    ### Exercise: `model_forward`

    `model_forward(X, parameters)` runs the chain and returns `AL`
    ($A^{[L]}$, shape $(1, m)$) and `caches`, the list of the $L$ caches in
    layer order (`caches[0]` is layer 1's). The number of layers is
    `L = len(parameters) // 2` (one `W` and one `b` per layer).
    """),
    exercise("model_forward", """
    def model_forward(X, parameters):
        \"\"\"A[L] for X (n[0], m): ReLU in layers 1..L-1, sigmoid in layer L.

        Returns AL (1, m) and caches, a list of the L caches (linear_cache, Z).
        \"\"\"
        caches = []
        A = X
        L = len(parameters) // 2
        ### BEGIN SOLUTION
        for l in range(1, L):
            A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
            caches.append(cache)
        AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
        caches.append(cache)
        ### END SOLUTION
        return AL, caches
    """),
    checkpoint("model_forward"),
    md(r"""
    ## What the caches hold, and why

    The cell below runs dlkit's reference `model_forward` (so it works even
    before you finish the exercises) on $m = 8$ examples and prints what each
    layer's cache holds.
    """),
    code("""
    rng = np.random.RandomState(2)
    X = rng.randn(5, 8)
    parameters = dlkit.initialize_parameters([5, 4, 3, 1], seed=1)
    AL, caches = dlkit.model_forward(X, parameters)
    for l, ((A_prev, W, b), Z) in enumerate(caches, start=1):
        print(f"layer {l}: A_prev {A_prev.shape}  W {W.shape}  b {b.shape}  Z {Z.shape}")
    print("AL:", AL.shape)
    print(AL)
    """),
    md(r"""
    Going backward through layer $l$ needs three things that forward already
    computed, which is why we keep them instead of recomputing:

    * $Z^{[l]}$, for the slope of the activation: $dZ^{[l]} = dA^{[l]} * g^{[l]\prime}(Z^{[l]})$;
    * $A^{[l-1]}$, for $dW^{[l]} = \frac{1}{m} dZ^{[l]} A^{[l-1]T}$;
    * $W^{[l]}$, for $dA^{[l-1]} = W^{[l]T} dZ^{[l]}$.

    ($b^{[l]}$ is kept too, for convenience: it is not used going back.)
    Every entry of `AL` is in $(0, 1)$: the network's probability that
    $y = 1$ for each of the 8 examples. The next notebook measures how
    good these predictions are.
    """),
])
