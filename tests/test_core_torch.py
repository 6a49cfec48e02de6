"""dlkit's forward and backward blocks against PyTorch autograd (float64).

PyTorch computes the same derivatives by a different route (its own
autograd, its own kernels), so agreement to ~1e-12 says the hand-written
backward equations are right, not merely self-consistent. The 1/m convention
of the lecture is mirrored on the torch side: dA[l] and dZ[l] are gradients
of the per-example losses (of m J), dW[l] and db[l] gradients of J.
"""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

torch = pytest.importorskip(
    "torch", reason="PyTorch is not installed: `pip install -e '.[torch]'` (CI installs torch==2.13.0)"
)

import dlkit  # noqa: E402
from dlkit import (  # noqa: E402
    compute_cost,
    cost_backward,
    gradient_difference,
    linear_activation_backward,
    linear_activation_forward,
    model_backward,
    model_forward,
    rel_error,
)

TOL = 1e-7
SETTINGS = settings(max_examples=25, deadline=None, derandomize=True)
sizes = st.integers(min_value=1, max_value=6)
seeds = st.integers(min_value=0, max_value=2**32 - 1)

TORCH_ACTIVATIONS = {
    "sigmoid": torch.sigmoid,
    "relu": torch.relu,
    "tanh": torch.tanh,
    "leaky_relu": lambda z: torch.nn.functional.leaky_relu(z, negative_slope=dlkit.activations.LEAKY_SLOPE),
}


def t(x):
    return torch.tensor(x, dtype=torch.float64, requires_grad=True)


def assert_agree(record, kind, ours, theirs):
    """Both measures below 1e-7; analytic against analytic, so no rounding floor is needed
    beyond rel_error's own 1e-8."""
    theirs = theirs.detach().numpy()
    assert ours.shape == theirs.shape
    error, difference = rel_error(ours, theirs), gradient_difference(ours, theirs)
    record(f"torch: {kind}", rel_error=error, difference=difference)
    assert error < TOL and difference < TOL, f"{kind}: rel_error {error:.2e}, difference {difference:.2e}"


@pytest.mark.parametrize("activation", sorted(TORCH_ACTIVATIONS))
@SETTINGS
@given(n_prev=sizes, n=sizes, m=sizes, seed=seeds)
@example(n_prev=1, n=1, m=1, seed=0)
@example(n_prev=5, n=2, m=1, seed=1)
def test_layer_matches_torch(activation, n_prev, n, m, seed, record_grad_error):
    rng = np.random.default_rng(seed)
    A_prev, W = rng.standard_normal((n_prev, m)), rng.standard_normal((n, n_prev))
    b, dA = rng.standard_normal((n, 1)), rng.standard_normal((n, m))

    A, cache = linear_activation_forward(A_prev, W, b, activation)
    dA_prev, dW, db = linear_activation_backward(dA, cache, activation)

    tA_prev, tW, tb = t(A_prev), t(W), t(b)
    tA = TORCH_ACTIVATIONS[activation](tW @ tA_prev + tb)
    # sum(A * dA) / m: its gradient in W, b is dW, db; in A_prev it is dA_prev / m.
    (torch.sum(tA * torch.from_numpy(dA)) / m).backward()

    assert_agree(record_grad_error, f"{activation} forward", A, tA)
    assert_agree(record_grad_error, f"linear_activation_backward[{activation}] dW", dW, tW.grad)
    assert_agree(record_grad_error, f"linear_activation_backward[{activation}] db", db, tb.grad)
    assert_agree(record_grad_error, f"linear_activation_backward[{activation}] dA_prev", dA_prev, tA_prev.grad * m)


@SETTINGS
@given(m=sizes, seed=seeds)
@example(m=1, seed=0)
def test_cost_and_output_gradient_match_torch(m, seed, record_grad_error):
    rng = np.random.default_rng(seed)
    AL = rng.uniform(0.01, 0.99, (1, m))
    Y = rng.integers(0, 2, (1, m)).astype(np.float64)
    tAL = t(AL)
    tJ = torch.nn.functional.binary_cross_entropy(tAL, torch.from_numpy(Y))
    (tJ * m).backward()  # dA[L] is the gradient of m J
    assert compute_cost(AL, Y) == pytest.approx(tJ.item(), rel=1e-12)
    assert_agree(record_grad_error, "cost_backward dA[L]", cost_backward(AL, Y), tAL.grad)


@pytest.mark.parametrize("hidden_activation", sorted(TORCH_ACTIVATIONS))
@SETTINGS
@given(n0=sizes, hidden=st.lists(st.integers(1, 5), max_size=3), m=sizes, seed=seeds)
@example(n0=1, hidden=[], m=1, seed=0)
@example(n0=4, hidden=[3, 2], m=1, seed=1)
@example(n0=3, hidden=[8, 1, 4], m=5, seed=2)
def test_model_matches_torch(hidden_activation, n0, hidden, m, seed, record_grad_error):
    """model_forward, compute_cost and model_backward against an nn built from the same weights."""
    rng = np.random.default_rng(seed)
    dims = [n0, *hidden, 1]
    L = len(dims) - 1
    parameters = {}
    for l in range(1, L + 1):
        parameters[f"W{l}"] = rng.standard_normal((dims[l], dims[l - 1])) / np.sqrt(dims[l - 1])
        parameters[f"b{l}"] = 0.1 * rng.standard_normal((dims[l], 1))
    X = rng.standard_normal((n0, m))
    Y = rng.integers(0, 2, (1, m)).astype(np.float64)

    AL, caches = model_forward(X, parameters, hidden_activation)
    grads = model_backward(AL, Y, caches, hidden_activation)

    tp = {k: t(v) for k, v in parameters.items()}
    tX = t(X)
    A = tX
    for l in range(1, L + 1):
        g = TORCH_ACTIVATIONS[hidden_activation] if l < L else torch.sigmoid
        A = g(tp[f"W{l}"] @ A + tp[f"b{l}"])
    tJ = torch.nn.functional.binary_cross_entropy(A, torch.from_numpy(Y))
    tJ.backward()

    assert_agree(record_grad_error, "model_forward A[L]", AL, A)
    assert compute_cost(AL, Y) == pytest.approx(tJ.item(), rel=1e-10)
    for key in parameters:
        assert_agree(record_grad_error, f"model_backward d{key[0]}[l]", grads[f"d{key}"], tp[key].grad)
    assert_agree(record_grad_error, "model_backward dA0", grads["dA0"], tX.grad * m)
