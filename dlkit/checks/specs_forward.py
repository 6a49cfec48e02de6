"""Specs for the forward blocks: linear_forward, sigmoid, relu, linear_activation_forward.

Each mutant is a known wrong variant of the reference; the spec reports the
mistake of every mutant that reproduces the learner's output.
"""
from __future__ import annotations

import re

import numpy as np

import dlkit

from . import cases as C
from . import causes
from . import pylevel  # W2b
from .plain import kind
from .spec import Mutant, Spec


def _sig(Z):
    return 1 / (1 + np.exp(-Z))


def _relu(Z):
    return np.maximum(Z, 0)


def _line_has(err, pattern) -> bool:
    return bool(err.line) and re.search(pattern, err.line.replace(" ", "")) is not None


def _pair(spec, out, names):
    """Split an output that must be a pair (e.g. Z, linear_cache) into its two parts."""
    if type(out) in (tuple, list) and len(out) == 2:
        return {names[0]: out[0], names[1]: out[1]}, []
    found = spec._finding(f"{spec.name}.returns_wrong_structure", [f"Your function returned {kind(out)}."])
    if type(out) is np.ndarray:
        return {names[0]: out}, [found]
    return {}, [found]


# Known wrong versions of Z[l] = W[l] A[l-1] + b[l] (several code shapes per mistake).
# linear_activation_forward and model_forward reuse them: a learner may write the
# linear step inline there, and make the same mistake.
Z_VARIANTS = [
    ("b_missing", lambda A, W, b: W @ A),
    ("b_subtracted", lambda A, W, b: W @ A - b),
    ("b_broadcast_wrong", lambda A, W, b: W @ A + b.T),
    ("b_broadcast_wrong", lambda A, W, b: W @ A + b[0, 0]),
    ("b_broadcast_wrong", lambda A, W, b: W @ A + np.sum(b)),
    ("W_A_swapped", lambda A, W, b: A.T @ W.T + b.T),
    ("W_A_swapped", lambda A, W, b: A.T @ W.T + b),
    ("W_transposed", lambda A, W, b: W.T @ A + b),
    ("A_prev_transposed", lambda A, W, b: W @ A.T + b),
]


# Known wrong activations. The composites reuse those that are not already one of
# their own mistakes (ReLU in place of the sigmoid is "activations swapped" there).
SIGMOID_VARIANTS = [
    ("missing_minus", lambda Z: 1 / (1 + np.exp(Z))),
    ("returns_Z", lambda Z: Z),
    ("relu_instead", _relu),
    ("tanh_instead", np.tanh),
    ("derivative_instead", lambda Z: _sig(Z) * (1 - _sig(Z))),
    ("wrong_formula", lambda Z: 1 / (1 - np.exp(-Z))),
    ("wrong_formula", lambda Z: 1 / np.exp(-Z)),
    ("missing_parentheses", lambda Z: 1 + np.exp(-Z)),     # 1 / 1 + np.exp(-Z)
    ("missing_parentheses", lambda Z: 1 / 1 + np.exp(-Z)),
]
RELU_VARIANTS = [
    ("min_instead", lambda Z: np.minimum(Z, 0)),
    ("returns_Z", lambda Z: Z),
    ("abs_instead", np.abs),
    ("sigmoid_instead", _sig),
    ("derivative_instead", lambda Z: (Z > 0).astype(np.float64)),
    ("np_max_instead", lambda Z: np.max(Z, 0)),
    ("np_max_instead", lambda Z: np.max(Z, axis=0, keepdims=True)),
]
NOT_LIFTED = {"returns_Z", "relu_instead", "sigmoid_instead"}


def lifted_activations():
    """[(mistake suffix in a composite, activation name, wrong g)], e.g. ("sigmoid_missing_minus", "sigmoid", g)."""
    return [(f"{name}_{suffix}", name, g)
            for name, variants in (("sigmoid", SIGMOID_VARIANTS), ("relu", RELU_VARIANTS))
            for suffix, g in variants if suffix not in NOT_LIFTED]


class LinearForward(Spec):
    name = "linear_forward"
    trace_lines = True
    arg_names = ("A_prev", "W", "b")
    parts = ("Z", "linear_cache")
    equation = ("Look at Z[l] = W[l] A[l-1] + b[l]: W[l] is (n[l], n[l-1]) and A[l-1] is (n[l-1], m), "
                "so W comes first and Z[l] is (n[l], m).")

    def reference(self, A_prev, W, b):
        return dlkit.linear_forward(A_prev, W, b)

    def fixed_cases(self):
        # n[l] = 2, n[l-1] = 3, m = 4: no two sizes equal, so a wrong shape says which size it took
        A_prev = np.array([[1.0, 2.0, -0.5, 0.0], [3.0, -1.0, 1.5, -2.0], [0.5, 2.0, -1.0, 0.25]])
        W = np.array([[0.2, -0.4, 1.0], [-1.5, 0.3, 0.1]])
        b = np.array([[0.4], [-1.0]])
        return [(A_prev, W, b)]

    def random_case(self, rng, i):
        return C.linear_inputs(rng, i)

    def case_info(self, args):
        return {"m": args[0].shape[1]}

    def split(self, out, case):
        return _pair(self, out, self.parts)

    def quantities(self, case):
        A_prev, W, b = case.args
        return {"A_prev": A_prev, "W": W, "b": b, "Z": W @ A_prev + b}

    def mutants(self):
        def cache(fn):
            return lambda A, W, b: (fn(A, W, b), (A, W, b))
        return [Mutant(f"linear_forward.{suffix}", cache(z)) for suffix, z in Z_VARIANTS] + [
            Mutant("linear_forward.cache_order", lambda A, W, b: (W @ A + b, (W, A, b))),
            Mutant("linear_forward.cache_order", lambda A, W, b: (W @ A + b, (A, b, W))),
            Mutant("linear_forward.cache_order", lambda A, W, b: (W @ A + b, (b, W, A))),
            Mutant("linear_forward.cache_wrong", lambda A, W, b: (W @ A + b, (W @ A + b, W, b))),
        ]

    def exception_mistake(self, err, case):
        if not causes.shape_error(err):   # the line's construct is the cause only of a shape error
            return None
        if _line_has(err, r"dot\(A_prev,W\)|A_prev@W|A_prev\.dot\(W\)"):
            return "linear_forward.W_A_swapped"
        if _line_has(err, r"W\*A_prev|A_prev\*W") and not _line_has(err, r"@|dot"):
            return "linear_forward.elementwise_product"
        if _line_has(err, r"W\.T"):
            return "linear_forward.W_transposed"
        if _line_has(err, r"A_prev\.T"):
            return "linear_forward.A_prev_transposed"
        if _line_has(err, r"\+b\.T|\+np\.transpose\(b\)"):
            return "linear_forward.b_broadcast_wrong"
        return None


class _Activation(Spec):
    trace_lines = True
    """A = g(Z), entry by entry: the cases and the output's shape are the same for every g."""
    arg_names = ("Z",)
    parts = ("A",)

    def fixed_cases(self):
        return [(np.array([[-1.0, 0.0, 2.0]]),), (np.array([[0.5, -3.0], [4.0, -0.25]]),)]

    def random_case(self, rng, i):
        n, _, m = C.LAYER_SHAPES[i % len(C.LAYER_SHAPES)]
        return (C.with_edges(C.values(rng, (n, m), 2.0), rng, zeros=True),)

    def case_info(self, args):
        return {"m": args[0].shape[1]}

    def quantities(self, case):
        Z = case.args[0]
        with np.errstate(all="ignore"):
            return {"Z": Z, "A": self.reference(Z)}

    def split(self, out, case):
        if type(out) in (tuple, list) and len(out) == 2 and type(out[0]) is np.ndarray:
            return {"A": out[0]}, [self._finding(f"{self.name}.returns_tuple")]
        return {"A": out}, []


class Sigmoid(_Activation):
    name = "sigmoid"
    equation = "Look at A = sigmoid(Z) = 1 / (1 + np.exp(-Z)), applied entry by entry (A has Z's shape)."

    def reference(self, Z):
        return dlkit.sigmoid(Z)

    def mutants(self):
        return [Mutant(f"sigmoid.{suffix}", g) for suffix, g in SIGMOID_VARIANTS]


class Relu(_Activation):
    name = "relu"
    equation = "Look at A = relu(Z) = max(0, Z), entry by entry: np.maximum(0, Z) (A has Z's shape)."

    def reference(self, Z):
        return dlkit.relu(Z)

    def mutants(self):
        return [Mutant(f"relu.{suffix}", g) for suffix, g in RELU_VARIANTS]

    def exception_mistake(self, err, case):
        if "truth value" in err.message and _line_has(err, r"(?<![.\w])max\("):
            return "relu.python_max"
        return None


class LinearActivationForward(Spec):
    name = "linear_activation_forward"
    trace_lines = True
    arg_names = ("A_prev", "W", "b", "activation")
    parts = ("A", "cache")
    helpers = ("linear_forward", "sigmoid", "relu")
    equation = ("Look at Z[l] = W[l] A[l-1] + b[l], then A[l] = g[l](Z[l]) with g named by activation; "
                "cache = (linear_cache, Z).")
    n_random = 4

    def reference(self, A_prev, W, b, activation):
        return dlkit.linear_activation_forward(A_prev, W, b, activation)

    def fixed_cases(self):
        (A_prev, W, b), = LinearForward().fixed_cases()
        return [(A_prev, W, b, "sigmoid"), (A_prev, W, b, "relu")]

    def random_case(self, rng, i):
        A_prev, W, b = C.linear_inputs(rng, i)
        if i == 3:
            # a sigmoid case with Z[l] in the hundreds on two rows (b[l] = +-800): a sigmoid written
            # inline as e^Z / (1 + e^Z) overflows to nan there, 1 / (1 + e^-Z) gives the right 1 and 0
            b = b.copy()
            b[0, 0], b[-1, 0] = 800.0, -800.0
        return A_prev, W, b, ("relu", "sigmoid")[i % 2]

    def case_info(self, args):
        return {"m": args[0].shape[1]}

    def split(self, out, case):
        return _pair(self, out, self.parts)

    def quantities(self, case):
        A_prev, W, b, activation = case.args
        Z = W @ A_prev + b
        with np.errstate(all="ignore"):
            return {"A_prev": A_prev, "W": W, "b": b, "Z": Z, "A": {"relu": _relu, "sigmoid": _sig}[activation](Z)}

    def mutants(self):
        g = {"relu": _relu, "sigmoid": _sig}
        other = {"relu": "sigmoid", "sigmoid": "relu"}

        def make(act_for, cache_of=lambda lc, Z, A: (lc, Z), z=lambda A, W, b: W @ A + b):
            def fn(A_prev, W, b, activation):
                Z = z(A_prev, W, b)
                A = act_for(activation)(Z)
                return A, cache_of((A_prev, W, b), Z, A)
            return fn
        right = lambda a: g[a]  # noqa: E731
        return [
            Mutant(f"{self.name}.activations_swapped", make(lambda a: g[other[a]])),
            Mutant(f"{self.name}.always_relu", make(lambda a: _relu)),
            Mutant(f"{self.name}.always_sigmoid", make(lambda a: _sig)),
            Mutant(f"{self.name}.no_activation", make(lambda a: (lambda Z: Z))),
            Mutant(f"{self.name}.cache_holds_A", make(right, lambda lc, Z, A: (lc, A))),
            Mutant(f"{self.name}.cache_order", make(right, lambda lc, Z, A: (Z, lc))),
            Mutant(f"{self.name}.cache_wrong", make(right, lambda lc, Z, A: (*lc, Z))),
        ] + [Mutant(f"{self.name}.{suffix}", make(right, z=z)) for suffix, z in Z_VARIANTS] + [
            Mutant(f"{self.name}.{suffix}", make(lambda a, name=name, bad=bad: bad if a == name else g[a]))
            for suffix, name, bad in lifted_activations()]

    def exception_mistake(self, err, case):
        if err.exc_type in ("UnboundLocalError", "NameError") and re.search(r"'(A|Z|cache|activation_cache|linear_cache)'", err.message) \
                and not pylevel.ran_another_branch(self, err, case):   # W2b: another branch ran (pylevel.py)
            return causes.unknown_activation(self.name, err)
        return None


SPECS = [LinearForward(), Sigmoid(), Relu(), LinearActivationForward()]
