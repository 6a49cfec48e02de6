"""Training speed: dlkit's ``train`` against a course-style numpy loop and PyTorch on CPU.

Run it (about four minutes on 2 cores; not part of the test suite)::

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python benchmarks/bench_train.py

(Some machines here set OPENBLAS_CORETYPE=Haswell, which makes numpy's
OpenBLAS use its AVX2 kernels on an AVX-512 processor; unsetting both
variables in that one command lets it pick its own. The benchmark prints the
kernel that runs; run it in both environments, since CI and learners get
whatever the machine sets. Options: ``--scale course|large``, ``--rounds N``,
``--threads N``, ``--cpu-time`` (one thread, CPU time: figures a busy machine
disturbs far less), ``--ablation``, ``--no-torch``; ``--help`` lists them.
The exit status is 1 when a target is missed.)

Two threads on two cores shared with other work are fragile: a single busy
process elsewhere can make a multithreaded BLAS call wait a whole scheduler
slice, so run it on a quiet machine (it prints the load average before and
after) and read the IQR column; ``--cpu-time`` gives per-core figures that
hold up under load.

What is measured
----------------
The same network, data and initial weights are trained by

* ``dlkit float64`` / ``dlkit float32``: ``dlkit.train``, the loop the
  notebooks use, made of the blocks the learners write;
* ``course numpy float64``: the course's assignment code kept below as the
  baseline (dict of parameters, list of caches, dA[L] from the formula, a
  sigmoid backward, dA[0] computed, new arrays on every update, X as a
  C-ordered (n[0], m) array);
* ``torch manual``: PyTorch with the same equations written by hand;
* ``torch autograd``: PyTorch's idiomatic loop (``binary_cross_entropy_with_logits``,
  ``loss.backward()``, ``torch.optim.SGD``); both in float32 and float64.

Before timing, every implementation must give the same cost at iterations 1
and 2 and the same gradients as dlkit float64 (to float tolerance), or the
benchmark stops. Then the implementations run in turn, A B C ... A B C ...,
in one process, so that a burst of load from elsewhere hits all of them
alike, and each sample is the time of a block of iterations divided by its
length. Reported: the median ms per iteration and its interquartile range,
the ratio to dlkit of the same dtype, the GFLOP/s achieved (counting only
the GEMMs a training step needs: W[l] A[l-1] forward, dZ[l] A[l-1]^T for
every layer and W[l]^T dZ[l] for l >= 2), that as a fraction of the sgemm
peak (a square float32 matrix product, timed in the same rotation), and the
peak memory two iterations add to a fresh process that holds the data
(resident set growth, from the kernel's high-water mark).

Two scales: the course's application network [12288, 20, 7, 5, 1] with
m = 209, and [12288, 256, 128, 64, 1] with m = 2048, on random data.

Targets (issue 7): at the course scale dlkit float32 >= 1.5x faster per
iteration than PyTorch float32 and dlkit float64 >= 1.2x faster than PyTorch
float64 (against the faster of the two PyTorch loops); at the large scale
dlkit float32 at >= 85 % of the sgemm peak. The table also times "GEMMs
alone": one iteration's matrix products and nothing else, the limit that
numpy's BLAS sets for this network; dlkit cannot beat it, only get close.
It is timed for train()'s float32 layout (W[l] column-major) and for the
row-major one, so that the table shows what that choice does to the limit.

What each choice buys (``--ablation``)
--------------------------------------
Every choice keeps the blocks as the lecture's equations. ``--ablation``
switches them off one at a time in a loop made of dlkit's own blocks and
times the variants in the same rotation. Measured with
``--ablation --cpu-time`` (one thread, CPU time, SkylakeX kernel,
2026-11-29, one run): CPU ms per iteration with every choice on, then the
change when one is switched off. The absolute figures move by up to 10 %
from run to run (the same machine at another hour), the changes by a few
points; computing dA[0] at the large scale varies most (a fresh (n[0], m)
array whose page faults vary from run to run: +46 to +118 % in float32 and
+127 to +200 % in float64 over this and earlier runs).

| choice switched off                         | course f32 | course f64 | large f32 | large f64 |
| ------------------------------------------- | ---------: | ---------: | --------: | --------: |
| none (every choice on)                      |    2.16 ms |    4.86 ms |    122 ms |    268 ms |
| dA[0] = W[1]^T dZ[1] computed               |     +107 % |      +61 % |    +118 % |    +200 % |
| value scans in every block, every iteration |      +14 % |      +17 % |      +4 % |      +6 % |
| X column-major (Fortran) instead of row-major |     +3 % |       -5 % |      -1 % |      +0 % |
| W[l] in the other order (f32 row-major, f64 column-major) | +19 % | +59 % |   +5 % |     +16 % |
| dA[L] formula instead of dZ[L] = A[L] - Y   |       -1 % |       -1 % |      +1 % |      +1 % |
| new arrays instead of in-place updates      |       +6 % |       +3 % |      -0 % |      +1 % |
| all of these but the memory orders          |     +124 % |      +93 % |    +131 % |    +201 % |

("W[l] in the other order" row-major in float32 also means the lecture's
forms W[l] A[l-1], dZ[l] A[l-1]^T and W[l]^T dZ[l]; see the memory-order
item below.) And float32 instead of float64: 2.2x at both scales.

With the machine's default Haswell kernel (OPENBLAS_CORETYPE=Haswell, 2
threads, one run) the float32 layout below makes the GEMMs alone 9 % faster
at the course scale (1.53 against 1.68 ms) and 5 % slower at the large one
(113 against 108 ms).

* dtype: float32 halves the bytes every GEMM streams (X alone is 20 MB in
  float64 at the course scale) and doubles the SIMD width.
* dA[0] = W[1]^T dZ[1] is never used (the lecture says to discard it), so
  ``train`` does not compute it: the largest GEMM after the two that read X,
  and an (n[0], m) array (20 MB at the course scale in float64) never made.
* checks once, not per block: ``train`` checks X, Y and the parameters
  once; the blocks then run inside ``values_trusted()``, which keeps their
  shape checks but skips the O(size) scans (NaN in every array, X above
  all; Y only 0 and 1; A[L] inside [0, 1]) on every iteration. A NaN or inf
  cost still stops training with a clear error. ``values_trusted()`` is a
  plain class, not a generator context manager: train enters it ten times
  per iteration, 0.16 microseconds each instead of 0.74. The composite
  blocks check their inputs once, under their own name, and then call the
  unchecked linear step (``_linear_forward``,
  ``_linear_backward``) instead of running the same shape checks again.
  Together these took the Python overhead of a tiny network's iteration
  from 152 to 121 microseconds (a numpy loop with no checks at all: 72), and
  the notebooks' digits network ([64, 20, 7, 5, 1], m = 500, float64, 1000
  iterations) from 0.257 to 0.225 s.
* memory order, float32: ``train`` stores W[l] column-major (still
  (n[l], n[l-1]) in the notation). When W[l] is column-major,
  ``linear_forward`` computes Z[l] = W[l] A[l-1] as (A[l-1]^T W[l]^T)^T, and
  ``linear_backward`` computes dW[l] = 1/m dZ[l] A[l-1]^T as
  (A[l-1] (1/m dZ[l])^T)^T and dA[l-1] = W[l]^T dZ[l] as (dZ[l]^T W[l])^T:
  the same matrices, each coming out column-major, so every array after X
  is column-major and no element-wise step mixes orders. OpenBLAS runs
  these products faster for these shapes (a few rows n[l] against many
  examples m or features n[0]) when the result is column-major; we measured
  that, not OpenBLAS's internals. Timed alone at the course scale: W[1] X
  0.50 ms against 0.64 to 0.80 ms with 2 threads, but the same 0.83 to
  0.87 ms either way with one, so there the gain is in how the product is
  divided between the threads; dZ[1] X^T 0.38 to 0.44 ms against 0.73 to
  0.76 ms with 2 threads and 0.68 against 1.23 ms with one. Mixed orders are slow
  too: a row-major dA[1] times a column-major (Z[1] > 0) took 2.07 ms
  against 0.20 ms at the large scale, and W[l] -= alpha dW[l] with dW[l] in
  the other order 4x longer. In float64 the SkylakeX kernel runs the
  row-major forms faster (W[1] X 1.04 against 1.64 ms, dZ[1] X^T 0.88
  against 1.65 ms), so float64 keeps W[l] row-major and the lecture's forms.
* memory order of X: row-major (each row one feature over the m examples).
  The issue expected column-major to be faster; with the layout above, a
  column-major X makes W[1] X faster (0.43 against 0.50 ms) and dZ[1] X^T
  slower (0.51 against 0.38 ms): a loss at the course scale and a tie at
  the large one (62.0 ms for the two products either way).
* dZ[L] = A[L] - Y: what dA[L] * sigmoid'(Z[L]) simplifies to when the
  sigmoid meets the cross-entropy (notebook 05 derives it). It costs the
  same as the formula here, since it only touches (1, m) arrays; it is kept
  because it cannot divide 0 by 0 when a prediction saturates.
* no needless temporaries: Z[l] = W[l] A[l-1], then + b[l] in place; 1/m
  scales dZ[l] (20 x 209 at the course scale) rather than dW[1]
  (20 x 12288); the update writes into W[l] instead of making a new array.

Measured and not taken:

* picking W[l]'s order from the BLAS kernel that happens to run: it would
  make train() depend on the machine's environment (see the Haswell figures
  above).
* freeing each iteration's caches and grads before the next forward pass
  (``del``): 4 % faster at the large scale and 50 % slower at the course
  scale in float64 in one run, -3 %, -2 % and 0 % (course float32, course
  float64, large float32) in another: it depends on what glibc's allocator
  does with the freed pages, not on the code.
* updating W[l] a slice at a time, so that alpha dW[l] never exists as a
  whole array: -0, +2, -1 and +1 % per core (course float32 and float64,
  large float32 and float64), within the noise, so not worth the loop.
* keeping X in both memory orders (column-major for W[1] X, row-major for
  dZ[1] X^T): the two products alone 0.82 against 0.88 ms at the course
  scale and 60.2 against 62.0 ms at the large one, for a second copy of X
  (10 MB, 100 MB) and a layer-1 cache that no longer holds the A[0] the
  forward pass used.

What is left at the course scale: with every choice on, dlkit float32 runs
within 0.2 ms of "GEMMs alone" (1.24 against 1.04 ms on a quiet machine);
a numpy loop with the same layout and no checks, blocks or dicts at all
measured 1.19 ms in the same process (dlkit 1.26). So even that loop would
be about 1.5x faster than PyTorch's 1.76 ms, not more: the 1.5x target sits
at the limit numpy's BLAS sets for this network, and whether a run passes
depends on the machine's state. Per core (``--cpu-time``), which a busy
machine disturbs far less, it passes.

Why the pause between blocks: without it, PyTorch float32 at the course
scale measured 4.17 ms per iteration instead of 1.85 ms, because OpenBLAS's
worker threads keep spinning after numpy's last call and take a core from
PyTorch's OpenMP threads (and the other way round, less). Timing each
implementation after the other's threads have gone to sleep is the fair
comparison; a rotation without the pause makes numpy look 2x faster than
PyTorch for reasons that have nothing to do with the code.
"""
from __future__ import annotations

import argparse
import contextlib
import gc
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing
import dlkit  # noqa: E402
from dlkit.model import model_backward, model_forward, update_parameters  # noqa: E402
from dlkit.losses import compute_cost  # noqa: E402
from dlkit import _validate as v  # noqa: E402

try:
    import torch
except ImportError:  # the torch half is skipped, with a note in the output
    torch = None

SCALES = {
    "course": ([12288, 20, 7, 5, 1], 209),
    "large": ([12288, 256, 128, 64, 1], 2048),
}
LEARNING_RATE = 0.0075
SGEMM_N = 2048  # the peak: an (N, N) @ (N, N) float32 product
PAUSE = 0.2  # seconds of idle before each timed block
# What a sample measures: wall time (default), or with --cpu-time the CPU time
# of this process, which a busy machine disturbs far less (one thread only:
# with more, it would also count threads spinning while they wait for work).
CLOCK = [time.perf_counter]


# --------------------------------------------------------------------------
# The baseline: the course's assignment code, as learners first write it.
# --------------------------------------------------------------------------

def course_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A_prev = A
        W, b = parameters["W" + str(l)], parameters["b" + str(l)]
        Z = np.dot(W, A_prev) + b
        A = np.maximum(0, Z)
        caches.append(((A_prev, W, b), Z))
    W, b = parameters["W" + str(L)], parameters["b" + str(L)]
    Z = np.dot(W, A) + b
    AL = 1 / (1 + np.exp(-Z))
    caches.append(((A, W, b), Z))
    return AL, caches


def course_cost(AL, Y):
    m = Y.shape[1]
    return float(np.squeeze(-1 / m * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))))


def course_linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = 1 / m * np.dot(dZ, A_prev.T)
    db = 1 / m * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


def course_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    linear_cache, Z = caches[L - 1]
    s = 1 / (1 + np.exp(-Z))
    dZ = dAL * s * (1 - s)
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = course_linear_backward(dZ, linear_cache)
    for l in reversed(range(L - 1)):
        linear_cache, Z = caches[l]
        dZ = np.array(grads["dA" + str(l + 1)], copy=True)
        dZ[Z <= 0] = 0
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = course_linear_backward(dZ, linear_cache)
    return grads


def course_update(parameters, grads, learning_rate):
    parameters = dict(parameters)
    for l in range(len(parameters) // 2):
        parameters["W" + str(l + 1)] = parameters["W" + str(l + 1)] - learning_rate * grads["dW" + str(l + 1)]
        parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] - learning_rate * grads["db" + str(l + 1)]
    return parameters


# --------------------------------------------------------------------------
# Implementations under test. Each holds its own copy of the data and the
# parameters; run(n) trains n more iterations and returns their costs;
# gradients() gives dW[l], db[l] at the current parameters as float64 arrays.
# --------------------------------------------------------------------------

class Dlkit:
    family = "dlkit"

    def __init__(self, X, Y, params, dtype):
        self.name, self.dtype = "dlkit", np.dtype(dtype)
        # train() makes X contiguous itself, once per call; doing it here
        # keeps that one-off copy out of the timed blocks.
        self.X = np.ascontiguousarray(X, dtype=dtype)
        self.Y = Y.astype(dtype)
        # train() stores W[l] column-major in float32 (and copies the caller's
        # parameters once per call); starting in that order keeps
        # gradients() on the same layout as the timed loop.
        order = "F" if self.dtype == np.float32 else "C"
        self.params = {k: np.array(v, dtype=dtype, order=order) for k, v in params.items()}
        self.dims = [X.shape[0]] + [params[f"W{l}"].shape[0] for l in range(1, len(params) // 2 + 1)]

    def run(self, n):
        self.params, costs = dlkit.train(self.X, self.Y, self.dims, LEARNING_RATE, n,
                                         parameters=self.params, progress=False)
        return costs

    def gradients(self):
        # The same calls train() makes.
        AL, caches = model_forward(self.X, self.params)
        grads = model_backward(AL, self.Y, caches, output_shortcut=True, need_dA0=False)
        return {k: np.asarray(v, np.float64) for k, v in grads.items() if not k.startswith("dA")}


class CourseNumpy:
    family = "course numpy"

    def __init__(self, X, Y, params, dtype=np.float64):
        self.name, self.dtype = "course numpy", np.dtype(dtype)
        self.X = np.ascontiguousarray(X, dtype=dtype)
        self.Y = Y.astype(dtype)
        self.params = {k: v.astype(dtype) for k, v in params.items()}

    def run(self, n):
        costs = []
        for _ in range(n):
            AL, caches = course_forward(self.X, self.params)
            costs.append(course_cost(AL, self.Y))
            grads = course_backward(AL, self.Y, caches)
            self.params = course_update(self.params, grads, LEARNING_RATE)
        return costs

    def gradients(self):
        AL, caches = course_forward(self.X, self.params)
        grads = course_backward(AL, self.Y, caches)
        return {k: v for k, v in grads.items() if not k.startswith("dA")}


# PyTorch gets X in the memory order where it measured faster here (course
# scale, 2 threads, medians of 9): float32 row-major like dlkit's X (2.43 ms
# against 2.65 ms), float64 column-major, torch's usual (m, n[0]) batch
# (3.75 ms against 3.88 ms).
TORCH_ORDER = {torch.float32: "C", torch.float64: "F"} if torch is not None else {}
TORCH_DTYPE = {np.float32: torch.float32, np.float64: torch.float64} if torch is not None else {}


def torch_X(X, tdtype):
    """X as a (n[0], m) tensor, in the memory order TORCH_ORDER gives for its dtype."""
    if TORCH_ORDER[tdtype] == "F":
        return torch.from_numpy(np.ascontiguousarray(X.T)).to(tdtype).T
    return torch.from_numpy(np.ascontiguousarray(X)).to(tdtype)


class TorchManual:
    """The lecture's equations in PyTorch, backward written by hand."""

    family = "torch"

    def __init__(self, X, Y, params, dtype):
        self.name, self.dtype = "torch manual", np.dtype(dtype)
        tdtype = TORCH_DTYPE[self.dtype.type]
        self.X = torch_X(X, tdtype)
        self.Y = torch.tensor(Y, dtype=tdtype)
        self.params = {k: torch.tensor(v, dtype=tdtype) for k, v in params.items()}  # copies
        self.L = len(params) // 2

    def _step(self, update):
        P, L, m = self.params, self.L, self.X.shape[1]
        A, caches = self.X, []
        for l in range(1, L + 1):
            Z = P[f"W{l}"] @ A + P[f"b{l}"]
            caches.append((A, Z))
            A = torch.relu(Z) if l < L else torch.sigmoid(Z)
        AL, Y = A, self.Y
        cost = -(Y * torch.log(AL) + (1 - Y) * torch.log(1 - AL)).mean()
        grads = {}
        dZ = AL - Y
        for l in range(L, 0, -1):
            A_prev, _ = caches[l - 1]
            grads[f"dW{l}"] = (dZ @ A_prev.T) / m
            grads[f"db{l}"] = dZ.sum(dim=1, keepdim=True) / m
            if l > 1:
                dZ = (P[f"W{l}"].T @ dZ) * (caches[l - 2][1] > 0)
        if update:
            for l in range(1, L + 1):
                P[f"W{l}"].sub_(grads[f"dW{l}"], alpha=LEARNING_RATE)
                P[f"b{l}"].sub_(grads[f"db{l}"], alpha=LEARNING_RATE)
        return cost.item(), grads

    def run(self, n):
        with torch.no_grad():
            return [self._step(update=True)[0] for _ in range(n)]

    def gradients(self):
        with torch.no_grad():
            return {k: v.double().numpy() for k, v in self._step(update=False)[1].items()}


class TorchAutograd:
    """PyTorch as a PyTorch user writes it: autograd, a fused loss, an optimizer."""

    family = "torch"

    def __init__(self, X, Y, params, dtype):
        self.name, self.dtype = "torch autograd", np.dtype(dtype)
        tdtype = TORCH_DTYPE[self.dtype.type]
        self.X = torch_X(X, tdtype)
        self.Y = torch.tensor(Y, dtype=tdtype)
        self.L = len(params) // 2
        self.params = {k: torch.tensor(v, dtype=tdtype, requires_grad=True) for k, v in params.items()}
        self.optimizer = torch.optim.SGD(list(self.params.values()), lr=LEARNING_RATE)

    def _loss(self):
        A = self.X
        for l in range(1, self.L):
            A = torch.relu(self.params[f"W{l}"] @ A + self.params[f"b{l}"])
        ZL = self.params[f"W{self.L}"] @ A + self.params[f"b{self.L}"]
        return torch.nn.functional.binary_cross_entropy_with_logits(ZL, self.Y)

    def run(self, n):
        costs = []
        for _ in range(n):
            loss = self._loss()
            self.optimizer.zero_grad(set_to_none=True)
            loss.backward()
            self.optimizer.step()
            costs.append(loss.item())
        return costs

    def gradients(self):
        self.optimizer.zero_grad(set_to_none=True)
        self._loss().backward()
        grads = {f"d{k}": p.grad.double().numpy() for k, p in self.params.items()}
        self.optimizer.zero_grad(set_to_none=True)
        return grads


class Sgemm:
    """The peak: a square float32 matrix product with numpy's BLAS."""

    name, family, dtype = "sgemm peak (numpy)", "peak", np.dtype(np.float32)

    def __init__(self, n=SGEMM_N):
        rng = np.random.default_rng(0)
        self.a = rng.random((n, n), dtype=np.float32)
        self.b = rng.random((n, n), dtype=np.float32)
        self.c = np.empty((n, n), dtype=np.float32)
        self.flops = 2 * n**3

    def run(self, n):
        for _ in range(n):
            np.matmul(self.a, self.b, out=self.c)


class GemmsAlone:
    """The GEMM limit of this network: one iteration's matrix products and nothing else.

    float32, numpy's BLAS, X row-major: W[l] A[l-1] for l = 1..L, dW[l] for
    l = 1..L, W[l]^T dZ[l] for l >= 2. ``w_order="F"`` is the layout dlkit's
    train() uses in float32: W[l] column-major, and every product computed as
    the transpose of its transpose so that Z[l], dA[l-1] and dW[l] come out
    column-major too (A[l] and dZ[l] for l >= 1 are then column-major). ``"C"``
    is the row-major layout of the lecture's code (``W @ A``, ``dZ @ A.T``,
    ``W.T @ dZ``).
    """

    family, dtype = "peak", np.dtype(np.float32)

    def __init__(self, dims, m, w_order="F"):
        self.name = f"GEMMs alone, W[l] {'column' if w_order == 'F' else 'row'}-major"
        rng = np.random.default_rng(0)
        later = w_order  # memory order of A[l] and dZ[l] for l >= 1 in that layout
        self.A = [rng.random((dims[0], m), dtype=np.float32)]  # A[0] = X, row-major
        self.A += [np.asarray(rng.random((n, m), dtype=np.float32), order=later) for n in dims[1:-1]]
        self.W = [np.asarray(rng.random((dims[l], dims[l - 1]), dtype=np.float32), order=w_order)
                  for l in range(1, len(dims))]
        self.dZ = [np.asarray(rng.random((n, m), dtype=np.float32), order=later) for n in dims[1:]]
        self.w_order = w_order
        self.flops = gemm_flops(dims, m)

    def run(self, n):
        A, W, dZ = self.A, self.W, self.dZ
        for _ in range(n):
            if self.w_order == "F":  # as linear_forward / linear_backward do with column-major W[l]
                for l in range(len(W)):
                    (A[l].T @ W[l].T).T
                for l in range(len(W)):
                    (A[l] @ dZ[l].T).T
                    if l > 0:
                        (dZ[l].T @ W[l]).T
            else:
                for l in range(len(W)):
                    W[l] @ A[l]
                for l in range(len(W)):
                    dZ[l] @ A[l].T
                    if l > 0:
                        W[l].T @ dZ[l]


# --------------------------------------------------------------------------
# Measurement helpers
# --------------------------------------------------------------------------

def unit():
    return "CPU ms/iter" if CLOCK[0] is time.process_time else "ms/iter"


def gemm_flops(dims, m):
    """FLOPs of the GEMMs one training step needs (dA[0] not counted)."""
    total = 0
    for l in range(1, len(dims)):
        per_gemm = 2 * dims[l] * dims[l - 1] * m
        total += per_gemm * (3 if l > 1 else 2)  # W A, dZ A^T, and W^T dZ except for dA[0]
    return total


def _status(key):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1]) * 1024
    return None


def peak_memory(impl, iterations=2):
    """Bytes the process's resident set grows by, at most, during ``impl.run``.

    Linux only (returns None elsewhere): writing 5 to /proc/self/clear_refs
    resets the high-water mark VmHWM to the current resident set. Meant for
    a fresh process (see ``memory_probe``): in a process that already ran
    something, freed memory kept by the allocator would hide the growth.
    """
    gc.collect()
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        base = _status("VmRSS")
    except OSError:
        return None
    impl.run(iterations)
    return _status("VmHWM") - base


def memory_probe(scale, index, use_torch):
    """In this fresh process: build implementation ``index`` and print its peak_memory."""
    dims, m = SCALES[scale]
    X, Y, params = make_data(dims, m)
    impl = implementations(use_torch)[index][1](X, Y, params)
    # Start each library's threads and buffers first, so that only the
    # training step's own arrays are counted.
    np.ones((64, 64), np.float32) @ np.ones((64, 64), np.float32)
    if torch is not None:
        torch.ones(64, 64) @ torch.ones(64, 64)
    print(peak_memory(impl))


def peak_memory_in_fresh_process(scale, index, use_torch, threads):
    import subprocess

    cmd = [sys.executable, __file__, "--memory-probe", scale, str(index)]
    cmd += [] if use_torch else ["--no-torch"]
    cmd += [] if threads is None else ["--threads", str(threads)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.split()
    return None if not out or out[-1] == "None" else int(out[-1])


def normwise_error(a, b):
    return float(np.linalg.norm(a - b) / max(np.linalg.norm(b), 1e-300))


def make_data(dims, m, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.random((dims[0], m))  # C-ordered float64 in [0, 1), like scaled pixels
    Y = (rng.random((1, m)) < 0.5).astype(np.float64)
    params = dlkit.initialize_parameters(dims, seed=1)
    return X, Y, params


def implementations(use_torch):
    makers = [
        ("dlkit", lambda X, Y, p: Dlkit(X, Y, p, np.float32)),
        ("dlkit", lambda X, Y, p: Dlkit(X, Y, p, np.float64)),
        ("course", lambda X, Y, p: CourseNumpy(X, Y, p)),
    ]
    if use_torch:
        for cls in (TorchManual, TorchAutograd):
            for dtype in (np.float32, np.float64):
                makers.append(("torch", lambda X, Y, p, cls=cls, dtype=dtype: cls(X, Y, p, dtype)))
    return makers


def check_agreement(impls, reference_grads, reference_costs):
    """Every implementation's first two costs and its gradients must match dlkit float64."""
    ok = True
    print("Agreement with dlkit float64 (cost at iterations 1, 2; largest normwise gradient error):")
    for impl, grads, costs in impls:
        tol = 1e-9 if impl.dtype == np.float64 else 2e-4
        cost_err = max(abs(c - r) / abs(r) for c, r in zip(costs, reference_costs))
        grad_err = max(normwise_error(grads[k], reference_grads[k]) for k in reference_grads)
        good = cost_err <= tol and grad_err <= tol and set(grads) == set(reference_grads)
        ok &= good
        print(f"  {impl.name:15s} {impl.dtype.name:8s} costs {costs[0]:.6f} {costs[1]:.6f}  "
              f"cost rel. err {cost_err:.1e}  grad err {grad_err:.1e}  (tol {tol:.0e})  {'ok' if good else 'MISMATCH'}")
    return ok


def time_rotation(impls, rounds, block):
    """Run every implementation for ``block`` iterations, in turn, ``rounds`` times.

    Returns {index: list of seconds per iteration}. The order rotates each
    round so that no implementation always follows the same neighbour.
    """
    for impl in impls:
        impl.run(1)  # warm-up: first-call costs (allocations, thread start-up)
    samples = {i: [] for i in range(len(impls))}
    for r in range(rounds):
        order = list(range(len(impls)))
        order = order[r % len(order):] + order[:r % len(order)]
        for i in order:
            n = block if impls[i].family != "peak" else max(1, block // 4)
            # A pause lets the previous library's worker threads stop spinning
            # (OpenBLAS and OpenMP threads busy-wait for a while after a call)
            # so that they do not steal a core from the next implementation.
            time.sleep(PAUSE)
            t0 = CLOCK[0]()
            impls[i].run(n)
            samples[i].append((CLOCK[0]() - t0) / n)
    return samples


def blas_kernels():
    """Which BLAS libraries and kernels run, via threadpoolctl when it is installed."""
    try:
        import threadpoolctl
    except ImportError:
        return "threadpoolctl not installed"
    parts = []
    for lib in threadpoolctl.threadpool_info():
        arch = lib.get("architecture")
        parts.append(f"{lib['internal_api']} {lib.get('version') or ''}{' ' + arch if arch else ''} "
                     f"({lib['num_threads']} threads)".replace("  ", " "))
    return "; ".join(parts)


def set_threads(n):
    """The same number of threads for numpy's BLAS (via threadpoolctl) and PyTorch."""
    try:
        import threadpoolctl
    except ImportError:
        raise SystemExit("bench_train: --threads needs threadpoolctl (pip install threadpoolctl)") from None
    # Kept alive for the whole run: the limit lasts as long as this object.
    set_threads.limit = threadpoolctl.threadpool_limits(limits=n, user_api="blas")
    if torch is not None:
        torch.set_num_threads(n)


def describe_machine():
    load = os.getloadavg() if hasattr(os, "getloadavg") else ("?",) * 3
    lines = [
        f"python {platform.python_version()}, numpy {np.__version__}, "
        f"torch {torch.__version__ if torch else 'not installed'}"
        + (f" ({torch.get_num_threads()} threads)" if torch else ""),
        f"cores: {os.cpu_count()}, load average: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}",
        f"BLAS: {blas_kernels()}",
        f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(unset)')} "
        f"OPENBLAS_L2_SIZE={os.environ.get('OPENBLAS_L2_SIZE', '(unset)')}",
    ]
    if torch is not None:
        lines.append(f"torch BLAS: {'MKL' if torch.backends.mkl.is_available() else 'not MKL'}")
    return lines


def bench_scale(scale, rounds, block, use_torch, threads=None):
    dims, m = SCALES[scale]
    X, Y, params = make_data(dims, m)
    makers = implementations(use_torch)

    reference = Dlkit(X, Y, params, np.float64)
    ref_grads, ref_costs = reference.gradients(), reference.run(2)
    checked = []
    for _, make in makers:
        impl = make(X, Y, params)
        checked.append((impl, impl.gradients(), impl.run(2)))
    if not check_agreement(checked, ref_grads, ref_costs):
        raise SystemExit("bench_train: implementations disagree; not timing code that computes different things")
    del checked

    impls = [make(X, Y, params) for _, make in makers]
    impls += [GemmsAlone(dims, m, "F"), GemmsAlone(dims, m, "C"), Sgemm()]
    samples = time_rotation(impls, rounds, block)
    flops = gemm_flops(dims, m)
    peak_flops = impls[-1].flops / np.median(samples[len(impls) - 1])
    gemm_limit = flops / np.median(samples[len(impls) - 3])  # train()'s layout
    gemm_limit_row_major = flops / np.median(samples[len(impls) - 2])

    rows = []
    for i, impl in enumerate(impls[:-3]):
        s = np.array(samples[i])
        rows.append({"impl": impl, "median": np.median(s), "q1": np.percentile(s, 25), "q3": np.percentile(s, 75),
                     "min": s.min()})
    dl = {row["impl"].dtype: row["median"] for row in rows if row["impl"].family == "dlkit"}
    for index, row in enumerate(rows):
        row["memory"] = peak_memory_in_fresh_process(scale, index, use_torch, threads)
        row["ratio"] = row["median"] / dl[row["impl"].dtype]
        row["gflops"] = flops / row["median"] / 1e9
        row["of_peak"] = flops / row["median"] / peak_flops
    return {"dims": dims, "m": m, "rows": rows, "peak": peak_flops, "gemm_limit": gemm_limit,
            "gemm_limit_row_major": gemm_limit_row_major, "flops": flops,
            "rounds": rounds, "block": block}


def print_table(result):
    dims, m = result["dims"], result["m"]
    print(f"\nlayer_dims {dims}, m = {m}: {result['flops'] / 1e9:.3f} GFLOP of GEMMs per iteration; "
          f"{result['rounds']} rounds of {result['block']} iterations each")
    print(f"| implementation | dtype | {unit()} (median) | IQR ms | min ms | time / dlkit | GFLOP/s "
          "| of sgemm peak | peak memory |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in result["rows"]:
        impl = row["impl"]
        mem = f"{row['memory'] / 2**20:.1f} MB" if row["memory"] is not None else "n/a"
        print(f"| {impl.name} | {impl.dtype.name} | {row['median'] * 1e3:.2f} | "
              f"{(row['q3'] - row['q1']) * 1e3:.2f} | {row['min'] * 1e3:.2f} | {row['ratio']:.2f}x | {row['gflops']:.0f} | "
              f"{row['of_peak'] * 100:.0f} % | {mem} |")
    for what, key in (("W[l] column-major, as train()", "gemm_limit"), ("W[l] row-major", "gemm_limit_row_major")):
        limit = result[key]
        print(f"| GEMMs alone ({what}) | float32 | {result['flops'] / limit * 1e3:.2f} | | | | {limit / 1e9:.0f} | "
              f"{limit / result['peak'] * 100:.0f} % | |")
    print(f"| sgemm {SGEMM_N}x{SGEMM_N} (numpy) | float32 | | | | | {result['peak'] / 1e9:.0f} | 100 % | |")


def targets(results):
    """The issue's targets, each as (description, measured, passed or None when skipped)."""
    out = []

    def row(result, family, dtype):  # the fastest of that family and dtype
        rows = [r for r in result["rows"] if r["impl"].family == family and r["impl"].dtype == dtype]
        return min(rows, key=lambda r: r["median"]) if rows else None

    if "course" in results:
        res = results["course"]
        for dtype, need in ((np.float32, 1.5), (np.float64, 1.2)):
            d, t = row(res, "dlkit", dtype), row(res, "torch", dtype)
            what = f"course scale: dlkit {np.dtype(dtype).name} >= {need}x faster than PyTorch {np.dtype(dtype).name}"
            if t is None:
                out.append((what, "PyTorch not run", None))
            else:
                speedup = t["median"] / d["median"]
                out.append((what, f"{speedup:.2f}x (vs {t['impl'].name})", bool(speedup >= need)))
    if "large" in results:
        res = results["large"]
        d = row(res, "dlkit", np.float32)
        out.append(("large scale: dlkit float32 >= 85 % of the sgemm peak",
                    f"{d['of_peak'] * 100:.1f} % ({d['gflops']:.0f} of {res['peak'] / 1e9:.0f} GFLOP/s; "
                    f"the GEMMs alone reach {res['gemm_limit'] / res['peak'] * 100:.1f} %)",
                    bool(d["of_peak"] >= 0.85)))
    return out


# --------------------------------------------------------------------------
# Ablation: each choice switched off in a loop of dlkit's blocks
# --------------------------------------------------------------------------

class BlocksLoop:
    """train()'s loop written out with dlkit's blocks, each choice a switch."""

    family = "ablation"

    def __init__(self, X, Y, params, dtype, name, *, order="C", w_order=None, shortcut=True, dA0=False,
                 inplace=True, trusted=True):
        self.name, self.dtype = name, np.dtype(dtype)
        self.X = np.asarray(X, dtype=dtype, order=order)
        self.Y = Y.astype(dtype)
        if w_order is None:  # train()'s choice
            w_order = "F" if self.dtype == np.float32 else "C"
        self.params = {k: np.array(v, dtype=dtype, order=w_order) for k, v in params.items()}
        self.options = dict(output_shortcut=shortcut, need_dA0=dA0)
        self.inplace = inplace
        self.trusted = trusted

    def run(self, n):
        costs = []
        for _ in range(n):
            with (v.values_trusted() if self.trusted else contextlib.nullcontext()):
                AL, caches = model_forward(self.X, self.params)
                costs.append(compute_cost(AL, self.Y))
                grads = model_backward(AL, self.Y, caches, **self.options)
                self.params = update_parameters(self.params, grads, LEARNING_RATE, inplace=self.inplace)
        return costs


def ablation(scale, rounds, block):
    dims, m = SCALES[scale]
    X, Y, params = make_data(dims, m)
    variants = []
    for dtype in (np.float32, np.float64):
        def loop(name, dtype=dtype, **switches):
            return lambda: BlocksLoop(X, Y, params, dtype, name, **switches)

        variants += [
            ("train()", lambda dtype=dtype: Dlkit(X, Y, params, dtype)),
            ("all choices", loop("all choices")),
            ("Fortran-ordered X", loop("Fortran-ordered X", order="F")),
            ("W[l] in the other order", loop("W[l] in the other order", w_order="C" if dtype == np.float32 else "F")),
            ("dA[0] computed", loop("dA[0] computed", dA0=True)),
            ("dA[L] formula", loop("dA[L] formula", shortcut=False)),
            ("new arrays on update", loop("new arrays on update", inplace=False)),
            ("NaN scans every iteration", loop("NaN scans every iteration", trusted=False)),
            # every switch but the memory order, which is a measured choice rather than a saving
            ("none of them", loop("none of them", dA0=True, shortcut=False, inplace=False, trusted=False)),
        ]
    impls = [make() for _, make in variants]
    samples = time_rotation(impls, rounds, block)
    print(f"\nAblation at layer_dims {dims}, m = {m} ({rounds} rounds of {block} iterations); "
          "each variant switches one choice off:")
    print(f"| variant | dtype | {unit()} (median) | IQR ms | vs all choices |")
    print("| --- | --- | ---: | ---: | ---: |")
    base = {}
    for i, impl in enumerate(impls):
        med = np.median(samples[i])
        if impl.name == "all choices":
            base[impl.dtype] = med
    for i, impl in enumerate(impls):
        s = np.array(samples[i])
        med = np.median(s)
        name = "train()" if impl.family == "dlkit" else impl.name
        change = "-" if impl.name == "all choices" else f"{med / base[impl.dtype] - 1:+.0%}"
        print(f"| {name} | {impl.dtype.name} | {med * 1e3:.2f} | "
              f"{(np.percentile(s, 75) - np.percentile(s, 25)) * 1e3:.2f} | {change} |")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", choices=["course", "large", "both"], default="both")
    parser.add_argument("--rounds", type=int, default=None, help="rotations (default: 15 course, 7 large)")
    parser.add_argument("--no-torch", action="store_true", help="leave PyTorch out")
    parser.add_argument("--ablation", action="store_true", help="time each choice switched off instead")
    parser.add_argument("--threads", type=int, default=None,
                        help="threads for numpy's BLAS and for PyTorch alike (default: each library's own, "
                             "one per core); 1 gives figures that a busy machine disturbs far less")
    parser.add_argument("--cpu-time", action="store_true",
                        help="time with this process's CPU time instead of the wall clock (implies --threads 1)")
    parser.add_argument("--memory-probe", nargs=2, metavar=("SCALE", "INDEX"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_probe:
        if args.threads is not None:
            set_threads(args.threads)
        memory_probe(args.memory_probe[0], int(args.memory_probe[1]), torch is not None and not args.no_torch)
        return 0
    if args.cpu_time:
        args.threads = 1
        CLOCK[0] = time.process_time
    if args.threads is not None:
        set_threads(args.threads)

    for line in describe_machine():
        print(line)
    if args.ablation:
        for scale in (["course", "large"] if args.scale == "both" else [args.scale]):
            ablation(scale, args.rounds or (9 if scale == "course" else 3), 10 if scale == "course" else 2)
        return 0

    use_torch = torch is not None and not args.no_torch
    if torch is None:
        print("PyTorch is not installed: the PyTorch rows and the targets that need them are skipped.")
    results = {}
    for scale in (["course", "large"] if args.scale == "both" else [args.scale]):
        rounds = args.rounds or (15 if scale == "course" else 7)
        # Blocks long enough that train()'s once-per-call checks (a NaN scan
        # of X) weigh little, as in real use with thousands of iterations.
        block = 50 if scale == "course" else 8
        print(f"\n== {scale} scale ==")
        results[scale] = bench_scale(scale, rounds, block, use_torch, args.threads)
        print_table(results[scale])

    print("\nTargets:")
    failed = False
    for what, measured, passed in targets(results):
        verdict = "skipped" if passed is None else ("PASS" if passed else "FAIL")
        failed |= passed is False
        print(f"  {verdict:7s} {what}: {measured}")
    load = os.getloadavg()
    print(f"load average at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
