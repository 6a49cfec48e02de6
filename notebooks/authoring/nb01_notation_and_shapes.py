"""Notebook 1: layers, n[l], the shapes of W[l], b[l], Z[l], A[l]; exercise initialize_parameters."""
from .cells import Notebook, checkpoint, code, exercise, md

NOTEBOOK = Notebook("01_notation_and_shapes", ["initialize_parameters"], [
    md(r"""
    # 1. Notation and shapes

    Over the next notebooks you will build, one block at a time, the forward and
    backward propagation of a deep network with $L$ layers, and then train it on
    real images. Almost every bug in this kind of code is a shape bug, so we
    start by fixing the notation and the shape of every quantity.

    **How these notebooks work.** Read a section, run its example, then fill in
    the exercise cell (replace `raise NotImplementedError()` with your code) and
    run the *checkpoint* cell under it. The checkpoint tests your function on
    small cases and tells you which mistake it found, if any. Run the cells in
    order, top to bottom.
    """),
    code("""
    import numpy as np

    import dlkit                      # the course's reference implementation
    from dlkit.checks import check    # the checkpoints
    from dlkit.plots import network_diagram

    np.set_printoptions(precision=4, suppress=True)
    """),
    md(r"""
    ## Layers and units

    A network with $L$ layers has hidden layers $1, \dots, L-1$ and an output
    layer $L$. The input is called layer $0$: it is not counted in $L$.

    * $n^{[l]}$ is the number of units in layer $l$; $n^{[0]} = n_x$ is the
      number of input features and $n^{[L]} = 1$ for a yes/no (binary) answer.
    * We list the sizes as `layer_dims = [n[0], n[1], ..., n[L]]`.

    Layer $l$ takes the activations of the layer before it, $a^{[l-1]}$, and
    computes

    $$z^{[l]} = W^{[l]} a^{[l-1]} + b^{[l]}, \qquad a^{[l]} = g^{[l]}\big(z^{[l]}\big)$$

    where $g^{[l]}$ is the layer's activation function (ReLU or sigmoid in
    this course). The very first input is the example itself: $a^{[0]} = x$.

    Here is the network we use as an example in this notebook, with
    `layer_dims = [5, 4, 3, 1]` ($L = 3$) and $m = 8$ examples. The top row is
    the forward chain, the bottom row the backward chain you will write in
    notebook 4.
    """),
    code("""
    layer_dims = [5, 4, 3, 1]
    m = 8
    network_diagram(layer_dims, m)
    """),
    md(r"""
    ## Shapes for one example

    For a single example $x$ (a column of $n^{[0]}$ numbers):

    | quantity | shape | why |
    | --- | --- | --- |
    | $a^{[l-1]}$ | $(n^{[l-1]}, 1)$ | one value per unit of layer $l-1$ |
    | $W^{[l]}$ | $(n^{[l]}, n^{[l-1]})$ | one row per unit of layer $l$, one column per input to it |
    | $b^{[l]}$ | $(n^{[l]}, 1)$ | one bias per unit of layer $l$ |
    | $z^{[l]}, a^{[l]}$ | $(n^{[l]}, 1)$ | one value per unit of layer $l$ |

    The rule to remember: **$W^{[l]}$ has shape $(n^{[l]}, n^{[l-1]})$** (units
    of this layer, units of the layer before). Then $W^{[l]} a^{[l-1]}$ is
    $(n^{[l]}, n^{[l-1]}) \times (n^{[l-1]}, 1) = (n^{[l]}, 1)$: the inner
    sizes match and the result has one entry per unit.
    """),
    code("""
    rng = np.random.RandomState(0)
    x = rng.randn(5, 1)          # a[0] = x: (n[0], 1)
    W1 = rng.randn(4, 5)         # W[1]: (n[1], n[0])
    b1 = np.zeros((4, 1))        # b[1]: (n[1], 1)
    z1 = W1 @ x + b1
    print("x  :", x.shape)
    print("W1 :", W1.shape)
    print("b1 :", b1.shape)
    print("z1 :", z1.shape)
    """),
    md(r"""
    ## Shapes for $m$ examples: stack them as columns

    Processing the examples one by one in a Python loop is slow. Instead we put
    the $m$ examples side by side as the columns of one matrix,

    $$X = A^{[0]} = \big[\, x^{(1)}\;\; x^{(2)}\; \cdots\; x^{(m)} \big] \quad \text{of shape } (n^{[0]}, m),$$

    and the same layer computes all $m$ columns at once:

    $$Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}, \qquad A^{[l]} = g^{[l]}\big(Z^{[l]}\big).$$

    | quantity | shape |
    | --- | --- |
    | $X = A^{[0]}$ | $(n^{[0]}, m)$ |
    | $W^{[l]}$ | $(n^{[l]}, n^{[l-1]})$ (unchanged: the weights do not depend on $m$) |
    | $b^{[l]}$ | $(n^{[l]}, 1)$ (unchanged) |
    | $Z^{[l]}, A^{[l]}$ | $(n^{[l]}, m)$: column $i$ belongs to example $i$ |

    **Broadcasting $b$.** $W^{[l]} A^{[l-1]}$ is $(n^{[l]}, m)$ but $b^{[l]}$
    is $(n^{[l]}, 1)$. numpy *broadcasts* the single column of $b^{[l]}$:
    it adds it to every one of the $m$ columns, exactly as if $b^{[l]}$ had
    been copied $m$ times. The cell below checks that claim.
    """),
    code("""
    X = rng.randn(5, m)                        # A[0] = X: (n[0], m)
    b1 = np.array([[1.0], [2.0], [3.0], [4.0]])
    Z1 = W1 @ X + b1                           # b1 is broadcast over the m columns
    Z1_copied = W1 @ X + np.tile(b1, (1, m))   # b1 copied m times by hand
    print("X       :", X.shape)
    print("W1 @ X  :", (W1 @ X).shape)
    print("b1      :", b1.shape)
    print("Z1      :", Z1.shape)
    print("broadcast b1 == b1 copied m times:", np.array_equal(Z1, Z1_copied))
    print("column 0 of Z1 is the one-example z1 of X[:, 0]:",
          np.allclose(Z1[:, [0]], W1 @ X[:, [0]] + b1))
    """),
    md(r"""
    ## Initializing the parameters

    Before training, every $W^{[l]}$ and $b^{[l]}$ needs a starting value.

    * $b^{[l]}$ can start at zero.
    * $W^{[l]}$ must **not** start at zero (or at any value that is the same for
      all units): every unit of a layer would then compute the same thing, get
      the same gradient and stay identical forever. Random values break this
      symmetry.
    * The random values should be small, so that $Z^{[l]}$ does not start huge.
      Dividing by $\sqrt{n^{[l-1]}}$ keeps each $Z^{[l]}$ entry of roughly the
      same size whatever the number of inputs to the layer.

    ### Exercise: `initialize_parameters`

    Write `initialize_parameters(layer_dims, seed=1)` that returns a dict with,
    for $l = 1, \dots, L$ (where $L$ = `len(layer_dims) - 1`):

    * `"W" + str(l)`: shape $(n^{[l]}, n^{[l-1]})$, equal to
      `rng.randn(n[l], n[l-1]) / np.sqrt(n[l-1])`;
    * `"b" + str(l)`: zeros of shape $(n^{[l]}, 1)$.

    Use **one** generator, `rng = np.random.RandomState(seed)`, created once
    before the loop, and draw the layers in order $1, 2, \dots, L$, so that your
    numbers are the same as everybody else's.
    """),
    exercise("initialize_parameters", """
    def initialize_parameters(layer_dims, seed=1):
        \"\"\"Random W[l] (n[l], n[l-1]) and zero b[l] (n[l], 1) for l = 1..L.

        layer_dims: [n[0], n[1], ..., n[L]].
        Returns {"W1": ..., "b1": ..., ..., "WL": ..., "bL": ...}.
        \"\"\"
        rng = np.random.RandomState(seed)
        parameters = {}
        L = len(layer_dims) - 1
        ### BEGIN SOLUTION
        for l in range(1, L + 1):
            parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
            parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
        ### END SOLUTION
        return parameters
    """),
    md(r"""
    Run the checkpoint. When your function is right, the report is one line
    such as `initialize_parameters: 3/3 passed (4 cases)`. Otherwise each line
    below the first names a mistake it recognised and how to fix it; an
    unfinished exercise says "not implemented yet".
    """),
    checkpoint("initialize_parameters"),
    md(r"""
    ## What you should see

    With the network of the picture, the parameters have these shapes (this cell
    uses dlkit's reference `dlkit.initialize_parameters`, so it runs even
    before you finish the exercise):
    """),
    code("""
    parameters = dlkit.initialize_parameters(layer_dims, seed=1)
    L = len(layer_dims) - 1
    for l in range(1, L + 1):
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        print(f"W{l}: {W.shape}   b{l}: {b.shape}   Z{l}, A{l} for m = {m}: {(W.shape[0], m)}")
    print("W1 =")
    print(parameters["W1"])
    """),
    md(r"""
    **Summary.** $W^{[l]}$ is $(n^{[l]}, n^{[l-1]})$, $b^{[l]}$ is
    $(n^{[l]}, 1)$, and $Z^{[l]}$, $A^{[l]}$ are $(n^{[l]}, m)$ with one column
    per example; $A^{[0]} = X$. Next notebook: the forward chain that turns
    $X$ into a prediction.
    """),
])
