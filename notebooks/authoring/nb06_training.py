"""Notebook 6: update_parameters, the training loop, a 2-layer and an L-layer network on the digits images."""
from .cells import Notebook, checkpoint, code, exercise, md

NOTEBOOK = Notebook("06_training", ["update_parameters"], [
    md(r"""
    # 6. Training a deep network

    You now have every block. Training repeats four steps, many times:

    1. forward: $A^{[L]}$ and the caches from $X$ (notebook 2);
    2. cost: $J$ from $A^{[L]}$ and $Y$ (notebook 3);
    3. backward: every $dW^{[l]}$, $db^{[l]}$ (notebooks 4 and 5);
    4. update: move every parameter a small step against its gradient.

    Step 4 is the last block to write.
    """),
    code("""
    import numpy as np
    from tqdm.auto import tqdm

    import dlkit
    from dlkit import compute_cost, initialize_parameters, model_backward, model_forward   # notebooks 1-5
    from dlkit.checks import check
    from dlkit.data import load
    from dlkit.plots import cost_curve, image_grid, network_diagram

    np.set_printoptions(precision=4, suppress=True)
    """),
    md(r"""
    ## Gradient descent

    With learning rate $\alpha$, for $l = 1, \dots, L$:

    $$W^{[l]} := W^{[l]} - \alpha\, dW^{[l]} \qquad\qquad b^{[l]} := b^{[l]} - \alpha\, db^{[l]}$$

    $dW^{[l]}$ points in the direction where $J$ grows fastest, so a small
    step the other way makes $J$ smaller. $\alpha$ sets the size of the step.

    ### Exercise: `update_parameters`

    Return a **new** dict with the updated `W1, b1, ..., WL, bL`; do not
    change the arrays of `parameters` in place (write `W - alpha * dW`, not
    `W -= alpha * dW`), so the caller's parameters stay as they were.
    """),
    exercise("update_parameters", """
    def update_parameters(parameters, grads, learning_rate):
        \"\"\"One step of gradient descent: W[l] - alpha dW[l], b[l] - alpha db[l] for l = 1..L.

        parameters: W1 (n[1], n[0]), b1 (n[1], 1), ...; grads: dW1, db1, ... of the same shapes.
        Returns a new dict of updated parameters.
        \"\"\"
        L = len(parameters) // 2
        updated = {}
        ### BEGIN SOLUTION
        for l in range(1, L + 1):
            updated["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
            updated["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
        ### END SOLUTION
        return updated
    """),
    checkpoint("update_parameters"),
    md(r"""
    ## The data: handwritten digits, odd or even?

    The `digits` dataset holds small $8 \times 8$ grey images of handwritten
    digits. The task is binary: $y = 1$ if the digit is odd, $y = 0$ if it is
    even. There are 500 training images and 1297 test images that the network
    never sees while training; the test accuracy tells us how well it
    generalises.
    """),
    code("""
    data = load("digits")
    print(data)
    image_grid(data.train_x[:12], data.train_y[:12], data.classes, ncols=6,
               title="The first 12 training images and their labels")
    """),
    md(r"""
    Each image becomes one column of $X$: its $8 \times 8 = 64$ pixels are
    flattened into a column of $n^{[0]} = 64$ numbers, scaled from
    $0..255$ to $[0, 1]$ so that $Z^{[1]}$ starts small.
    """),
    code("""
    train_X, train_Y = data.xy("train")
    test_X, test_Y = data.xy("test")
    print("train_X:", train_X.shape, " train_Y:", train_Y.shape)
    print("test_X :", test_X.shape, " test_Y :", test_Y.shape)
    print("pixel values from", train_X.min(), "to", train_X.max())
    print("fraction of odd digits in the training set:", train_Y.mean())
    """),
    md(r"""
    ## The training loop

    Here is the whole loop, built from the blocks (dlkit's reference ones, so
    that it runs whatever the state of your exercises; once your checkpoints
    pass, swap in your own functions and you should get the same numbers).
    `tqdm` draws a progress bar; `costs` keeps $J$ at every iteration.
    """),
    code("""
    def train_model(X, Y, layer_dims, learning_rate, num_iterations, seed=1):
        \"\"\"Batch gradient descent on X (n[0], m), Y (1, m). Returns (parameters, costs).\"\"\"
        parameters = initialize_parameters(layer_dims, seed=seed)
        costs = []
        for i in tqdm(range(num_iterations), desc=f"training {layer_dims}"):
            AL, caches = model_forward(X, parameters)                   # 1. forward
            costs.append(compute_cost(AL, Y))                           # 2. cost
            grads = model_backward(AL, Y, caches)                       # 3. backward
            parameters = dlkit.update_parameters(parameters, grads, learning_rate)   # 4. update
        return parameters, costs


    def report(parameters, costs, every):
        \"\"\"Print J every `every` iterations and the accuracy on the training and test sets.\"\"\"
        for i in range(0, len(costs), every):
            print(f"cost after iteration {i:4d}: {costs[i]:.4f}")
        print(f"final cost: {costs[-1]:.4f}")
        for name, X, Y in [("train", train_X, train_Y), ("test", test_X, test_Y)]:
            accuracy = dlkit.accuracy(dlkit.predict(X, parameters), Y)
            print(f"{name} accuracy: {100 * accuracy:.1f}%")
    """),
    md(r"""
    ## A 2-layer network

    First a network with one hidden layer of 16 ReLU units and a sigmoid
    output: `layer_dims = [64, 16, 1]`, trained with $\alpha = 0.1$ for
    2000 iterations, each on all $m = 500$ training images.
    """),
    code("""
    two_layer_dims = [64, 16, 1]
    network_diagram(two_layer_dims, m=train_X.shape[1])
    """),
    code("""
    two_layer_parameters, two_layer_costs = train_model(train_X, train_Y, two_layer_dims,
                                                        learning_rate=0.1, num_iterations=2000)
    """, ignore_output=True),
    code("""
    report(two_layer_parameters, two_layer_costs, every=500)
    cost_curve(two_layer_costs, learning_rate=0.1, title="2-layer network [64, 16, 1]: cost J while training")
    """),
    md(r"""
    ## An L-layer network

    Now $L = 4$: three hidden ReLU layers, `layer_dims = [64, 20, 7, 5, 1]`,
    with $\alpha = 0.2$ for 2500 iterations. The code is the same loop: only
    `layer_dims` changed.
    """),
    code("""
    deep_dims = [64, 20, 7, 5, 1]
    network_diagram(deep_dims, m=train_X.shape[1])
    """),
    code("""
    deep_parameters, deep_costs = train_model(train_X, train_Y, deep_dims,
                                              learning_rate=0.2, num_iterations=2500)
    """, ignore_output=True),
    code("""
    report(deep_parameters, deep_costs, every=500)
    cost_curve(deep_costs, learning_rate=0.2, title="L-layer network [64, 20, 7, 5, 1]: cost J while training")
    """),
    md(r"""
    Both networks fit the training set almost perfectly; the test accuracy is
    lower, because the test images were never used to set the parameters. The
    gap between the two accuracies is the first thing to look at when
    deciding what to try next (notebook 7).

    ## The mislabelled test images

    Which test images does the deeper network get wrong? Each picture shows
    the true label and the prediction.
    """),
    code("""
    test_predictions = dlkit.predict(test_X, deep_parameters)
    wrong = np.flatnonzero(test_predictions[0] != test_Y[0])
    print(f"{len(wrong)} of {test_Y.shape[1]} test images are mislabelled")
    shown = wrong[:12]
    image_grid(data.test_x[shown], data.test_y[shown], data.classes, predictions=test_predictions[0, shown],
               ncols=6, title="Mislabelled test images (true label vs prediction)")
    """),
    md(r"""
    Look at them closely: at $8 \times 8$ pixels some digits are hard to read
    even for a person. The network has only ever seen 500 examples.

    **Summary.** Training is the four blocks in a loop. The same code trains
    a network of any depth; what changes are the *hyperparameters*: the
    learning rate, the number of iterations, the number of layers and units,
    the activation. That is the last notebook.
    """),
])
