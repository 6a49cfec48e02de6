"""The training loop: forward, cost, backward, update, repeated."""
from __future__ import annotations

import numpy as np

from . import _validate as v
from .activations import get_activation
from .initialization import initialize_parameters
from .losses import compute_cost
from .model import model_backward, model_forward, update_parameters


# Gradient descent has diverged when the cost J climbs above DIVERGED times
# its start (or ln 2, the cost of answering 0.5 for every example, if that is
# higher). ln 2 * 10 = 6.9 means a probability of about 0.001 for the right
# label, on average: a run on its way down never gets there, while the spikes
# of a learning rate that is large but still works stay near the start (0.69
# to 0.9 in notebook 6; 0.68 to 0.95 in tests/test_train_loop.py). The cost
# stays finite on its own, since compute_cost clamps A[L] (at most 36.0 in
# float64, 15.9 in float32), so waiting for inf or NaN would let W[l] grow to
# 1e14 first.
DIVERGED = 10


class Diverged(ValueError):
    """train() stopped because the cost climbed: ``costs`` holds every cost up to then, to plot."""

    def __init__(self, func, learning_rate, costs):
        self.costs = costs
        i = len(costs) - 1
        if np.isfinite(costs[-1]):
            what = (f"the cost rose from {costs[0]:.3f} at iteration 0 to {costs[-1]:.3f} at iteration {i}, "
                    f"more than {DIVERGED} times its start")
        else:  # an overflow in Z[l] or W[l]
            what = f"the cost became {costs[-1]} at iteration {i}"
        super().__init__(
            f"{func}: learning_rate = {learning_rate} made gradient descent diverge: {what}; "
            f"it needs a smaller learning_rate (try one 10 times smaller)"
        )


def train(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, *, hidden_activation="relu",
          scheme="course", seed=1, parameters=None, print_every=None, progress=True):
    """Train an L-layer network by batch gradient descent.

    X: (n[0], m) inputs, one example per column; Y: (1, m) labels 0/1;
    ``layer_dims = [n[0], n[1], ..., n[L]]`` with n[L] = 1.
    Each iteration: A[L], caches = model_forward(X); J = compute_cost(A[L], Y);
    grads = model_backward(...); parameters = update_parameters(...).

    ``parameters`` starts from given weights instead of
    initialize_parameters(layer_dims, seed, scheme). ``print_every=100``
    prints "Cost after iteration 100: 0.672053" every 100 iterations and at
    the last one; ``progress=False`` hides the tqdm progress bar.
    float32 X gives float32 parameters and arithmetic throughout (the
    returned W[l] are then stored column-major; their shapes are unchanged).

    Returns ``(parameters, costs)``: the trained parameters and the list of
    the cost J at every iteration (before that iteration's update). Raises
    :class:`Diverged` (a ValueError, with the costs so far as ``.costs``)
    when J climbs above 10 times its start (or above 10 ln 2) or stops being finite.
    """
    func = "train"
    X = v.matrix(func, "X", X, "(n[0], m)")
    Y = v.labels(func, Y, X.shape[1]).astype(X.dtype)
    layer_dims = v.layer_sizes(func, layer_dims)
    learning_rate = v.positive_number(func, "learning_rate", learning_rate)
    v.positive_number(func, "num_iterations", num_iterations, integer=True, allow_zero=True)
    get_activation(hidden_activation, func)
    if print_every is not None:
        v.positive_number(func, "print_every", print_every, integer=True)
    # Memory order of W[l] (the notation is (n[l], n[l-1]) either way): in
    # float32, column-major, so that linear_backward computes dW[l] as
    # (A[l-1] dZ[l]^T)^T, which BLAS runs faster than dZ[l] A[l-1]^T here, and
    # the update reads W[l] and dW[l] in the same order; in float64 that GEMM
    # is faster the lecture's way round, so row-major (measured in
    # benchmarks/bench_train.py).
    order = "F" if X.dtype == np.float32 else "C"
    if parameters is None:
        parameters = initialize_parameters(layer_dims, seed=seed, scheme=scheme, dtype=X.dtype)
    v.layer_count(func, parameters)  # every W[l], b[l] checked (and scanned for NaN) once, here
    # np.array copies: the caller's arrays are never trained in place.
    parameters = {k: np.array(p, dtype=X.dtype, order=order) for k, p in parameters.items()}
    dims = [X.shape[0]] + [np.shape(parameters[f"W{l}"])[0] for l in range(1, len(parameters) // 2 + 1)]
    if layer_dims != dims:
        raise ValueError(f"{func}: layer_dims {layer_dims} do not match X and parameters, which give {dims}")
    # One contiguous copy of X, made once: the two largest GEMMs of every
    # iteration, W[1] X and dZ[1] X^T, read it. Row-major (each row one
    # feature over the m examples) measured faster than column-major with
    # float32 here (see benchmarks/bench_train.py); the notation is (n[0], m) either way.
    X = np.ascontiguousarray(X)

    iterations = range(num_iterations)
    if progress:
        from tqdm.auto import tqdm

        iterations = tqdm(iterations, desc="training", unit="it", leave=False)
    costs = []
    cost_limit = np.inf  # set from the first cost
    for i in iterations:
        # X, Y and the parameters were checked above; inside values_trusted()
        # the blocks keep their shape checks but skip rescanning every value
        # for NaN on every iteration (a full pass over X each time).
        with v.values_trusted():
            AL, caches = model_forward(X, parameters, hidden_activation)
            cost = compute_cost(AL, Y)
            costs.append(cost)
            if not cost <= cost_limit:  # also catches NaN (which fails every comparison)
                raise Diverged(func, learning_rate, costs)
            if i == 0:
                cost_limit = DIVERGED * max(cost, np.log(2))
            # dZ[L] = A[L] - Y is dA[L] * sigmoid'(Z[L]) simplified, and dA[0] is never used.
            grads = model_backward(AL, Y, caches, hidden_activation, output_shortcut=True, need_dA0=False)
            update_parameters(parameters, grads, learning_rate, inplace=True)  # W[l] updated where it is
        if print_every and (i % print_every == 0 or i == num_iterations - 1):
            message = f"Cost after iteration {i}: {cost:.6f}"
            if progress:
                iterations.write(message)
            else:
                print(message)
    return parameters, costs
