"""Specs for the backward blocks: linear_backward, relu_backward, sigmoid_backward,
linear_activation_backward.

Cases are consistent: the cache really holds the inputs of the forward step
and Z = W A_prev + b. When a backward output is wrong, the numerical gradient
of the learner's own forward says whether the forward or the backward is at fault.
"""
from __future__ import annotations

import re

import numpy as np

import dlkit

from . import cases as C
from . import causes
from . import compare, numeric, relations
from . import unbound  # diagB
from . import pylevel  # W2b
from .mistakes import hint_for
from .result import Finding
from .plain import kind
from .spec import Mutant, Spec, describe_args

GRADS = ("dA_prev", "dW", "db")


def _sig(Z):
    return 1 / (1 + np.exp(-Z))


def _g(name):
    return {"relu": lambda Z: np.maximum(Z, 0), "sigmoid": _sig}[name]


def _line_has(err, pattern) -> bool:
    return bool(err.line) and re.search(pattern, err.line.replace(" ", "")) is not None


def _triple(spec, out):
    if type(out) in (tuple, list) and len(out) == 3:
        return dict(zip(GRADS, out)), []
    return {}, [spec._finding(f"{spec.name}.returns_wrong_structure", [f"Your function returned {kind(out)}."])]


def _single(spec, out, part):
    if type(out) in (tuple, list) and len(out) >= 1 and type(out[0]) is np.ndarray:
        return {part: out[0]}, [spec._finding(f"{spec.name}.returns_wrong_structure", [f"Your function returned {kind(out)}."])]
    return {part: out}, []


def linear_grads(dZ, A_prev, W, m_of=None, dW_fn=None, db_fn=None, dA_fn=None):
    """The linear backward step with pieces swapped out, for building mutants."""
    m = A_prev.shape[1] if m_of is None else m_of(dZ, A_prev)
    dW = dW_fn(dZ, A_prev, m) if dW_fn else dZ @ A_prev.T / m
    db = db_fn(dZ, m) if db_fn else np.sum(dZ, axis=1, keepdims=True) / m
    dA = dA_fn(dZ, W, m) if dA_fn else W.T @ dZ
    return dA, dW, db


# Known wrong versions of the linear backward step, as pieces of linear_grads (several
# code shapes per mistake). linear_activation_backward and model_backward reuse them.
LINEAR_VARIANTS = [
    ("dW_missing_1_over_m", dict(dW_fn=lambda dZ, A, m: dZ @ A.T)),
    ("db_missing_1_over_m", dict(db_fn=lambda dZ, m: np.sum(dZ, axis=1, keepdims=True))),
    ("dA_prev_has_1_over_m", dict(dA_fn=lambda dZ, W, m: W.T @ dZ / m)),
    ("db_no_keepdims", dict(db_fn=lambda dZ, m: np.sum(dZ, axis=1) / m)),
    ("db_wrong_axis", dict(db_fn=lambda dZ, m: np.sum(dZ, axis=0, keepdims=True) / m)),
    ("db_wrong_axis", dict(db_fn=lambda dZ, m: np.sum(dZ, axis=0) / m)),
    ("db_sum_all", dict(db_fn=lambda dZ, m: float(np.sum(dZ)) / m)),
    ("db_sum_all", dict(db_fn=lambda dZ, m: np.sum(dZ, keepdims=True) / m)),
    ("db_sum_all", dict(db_fn=lambda dZ, m: float(np.mean(dZ)))),
    ("dA_prev_missing_transpose", dict(dA_fn=lambda dZ, W, m: W @ dZ)),
    ("dA_prev_transposed", dict(dA_fn=lambda dZ, W, m: dZ.T @ W)),
    ("dW_missing_transpose", dict(dW_fn=lambda dZ, A, m: dZ @ A / m)),
    ("dW_transposed", dict(dW_fn=lambda dZ, A, m: A @ dZ.T / m)),
    ("elementwise_product", dict(dW_fn=lambda dZ, A, m: dZ * A.T / m)),
    ("elementwise_product", dict(dA_fn=lambda dZ, W, m: W.T * dZ)),
    ("m_from_wrong_axis", dict(m_of=lambda dZ, A: A.shape[0])),
    ("m_from_wrong_axis", dict(m_of=lambda dZ, A: dZ.shape[0])),
]


def linear_mutants(prefix, dz_of):
    """Mutants of the linear backward step; ``dz_of(*args) -> (dZ, A_prev, W)`` gets dZ from the spec's args."""
    def mk(kw):
        def fn(*args):
            dZ, A_prev, W = dz_of(*args)
            return linear_grads(dZ, A_prev, W, **kw)
        return fn

    def unpacked_wrong(*args):
        dZ, A_prev, W = dz_of(*args)
        A_prev, W = W, A_prev
        m = A_prev.shape[1]
        return W.T @ dZ, dZ @ A_prev.T / m, np.sum(dZ, axis=1, keepdims=True) / m

    return [Mutant(f"{prefix}.{suffix}", mk(kw)) for suffix, kw in LINEAR_VARIANTS] + [
        Mutant(f"{prefix}.cache_unpacked_wrong", unpacked_wrong)]


def linear_exception_mistake(prefix, err):
    if not causes.shape_error(err):   # the line's construct is the cause only of a shape error
        return None
    if _line_has(err, r"dZ\*A_prev|A_prev\.T\*dZ|W\.T\*dZ|dZ\*W|multiply\((dZ|W\.T|A_prev)"):
        return f"{prefix}.elementwise_product"
    if _line_has(err, r"(?<![.\w])W@dZ|dot\(W,dZ\)|W\.dot\(dZ\)"):
        return f"{prefix}.dA_prev_missing_transpose"
    if _line_has(err, r"dZ@A_prev(?!\.T)|dot\(dZ,A_prev\)"):
        return f"{prefix}.dW_missing_transpose"
    return None


def _nan_where_large(spec, case, got) -> bool:
    """True if the learner's gradients are what a dZ that is NaN at some entries where |Z| is large
    (an overflow) and right elsewhere gives: dA_prev NaN on those entries' columns, dW and db on their
    rows, and right everywhere else."""
    dA, ((A_prev, W, b), Z), activation = case.args
    parts = [got.get(k) for k in GRADS]
    exp = case.expected
    if not all(type(x) is np.ndarray and x.dtype.kind == "f" and x.shape == e.shape for x, e in zip(parts, exp)) \
            or all(np.isfinite(x).all() for x in parts):
        return False
    dA_prev, dW, db = parts
    rows = ~np.isfinite(db[:, 0])
    cols = ~np.isfinite(dA_prev).all(axis=0)
    big = (np.abs(Z) > 30) & rows[:, None] & cols[None, :]
    if not rows.any() or not cols.any() or not (big.any(axis=1)[rows].all() and big.any(axis=0)[cols].all()):
        return False
    if not (np.isfinite(dW[~rows]).all() and (~np.isfinite(dW[rows])).all() and (~np.isfinite(dA_prev[:, cols])).all()):
        return False
    with compare.tolerance(case.info.get("float32", False)):
        return all(compare.close(g, e) for g, e in ((dA_prev[:, ~cols], exp[0][:, ~cols]), (dW[~rows], exp[1][~rows]),
                                                   (db[~rows], exp[2][~rows])) if e.size)


def recovered_dZ(got, A_prev, W):
    """The dZ that the learner's dA_prev = W^T dZ comes from (least squares, when W^T has full column
    rank), checked against their dW and db; None when W^T cannot be undone, False when the three
    gradients do not come from one dZ (or are not arrays of the right shapes)."""
    n, n_prev = W.shape
    m = A_prev.shape[1]
    dA_prev, dW, db = (got.get(k) for k in GRADS)
    if not all(type(x) is np.ndarray and x.dtype.kind in "fiu" for x in (dA_prev, dW, db)) \
            or dA_prev.shape != (n_prev, m) or dW.shape != (n, n_prev) or db.shape != (n, 1):
        return False
    if n_prev < n or np.linalg.matrix_rank(W.T) < n:
        return None
    with np.errstate(all="ignore"):
        dZ = np.linalg.lstsq(W.T, dA_prev.astype(np.float64), rcond=None)[0]
        again = linear_grads(dZ, A_prev, W)
    if not all(np.isfinite(x).all() for x in (dA_prev, dW, db)) or not all(
            compare.close(g, a) for g, a in zip((dA_prev, dW, db), again)):
        return False
    return dZ


def _linear_numeric(call, forward, fargs, upstream, m):
    """Numerical dA_prev, dW, db from the learner's forward: gradients of sum(out * upstream), 1/m on dW and db."""
    grads = numeric.gradients(call, forward, fargs, (0, 1, 2), numeric.weighted_sum(upstream))
    if grads is None:
        return None
    return {"dA_prev": grads[0], "dW": grads[1] / m, "db": grads[2] / m}


class LinearBackward(Spec):
    name = "linear_backward"
    trace_lines = True
    arg_names = ("dZ", "linear_cache")
    parts = GRADS
    helpers = ("linear_forward",)
    forward = "linear_forward"
    equation = ("Look at dW[l] = 1/m dZ[l] A[l-1]^T, db[l] = 1/m sum(dZ[l], axis=1, keepdims=True), "
                "dA[l-1] = W[l]^T dZ[l], with dZ[l] (n[l], m), A[l-1] (n[l-1], m), W[l] (n[l], n[l-1]).")

    def reference(self, dZ, linear_cache):
        return dlkit.linear_backward(dZ, tuple(linear_cache))

    def fixed_cases(self):
        A_prev = np.array([[1.0, -2.0, 0.5, 3.0], [0.0, 1.0, -1.0, 2.0], [2.0, 0.5, 1.5, -1.0]])
        W = np.array([[0.5, -1.0, 0.25], [1.0, 0.5, -0.5]])
        b = np.array([[0.1], [-0.2]])
        dZ = np.array([[0.3, -0.6, 0.9, 0.2], [-0.4, 0.8, 0.1, -0.5]])
        return [(dZ, (A_prev, W, b))]

    def random_case(self, rng, i):
        A_prev, W, b = C.linear_inputs(rng, i)
        dZ = C.values(rng, (W.shape[0], A_prev.shape[1]))
        return (dZ, (A_prev, W, b))

    def case_info(self, args):
        return {"m": args[0].shape[1]}

    def describe(self, args):
        dZ, (A_prev, W, b) = args
        return describe_args(("dZ", "A_prev", "W", "b"), (dZ, A_prev, W, b))

    def split(self, out, case):
        return _triple(self, out)

    def quantities(self, case):
        dZ, (A_prev, W, b) = case.args
        return {"dZ": dZ, "A_prev": A_prev, "W": W, "b": b}

    def mutants(self):
        return linear_mutants(self.name, lambda dZ, cache: (dZ, cache[0], cache[1]))

    def exception_mistake(self, err, case):
        return linear_exception_mistake(self.name, err)

    def numeric_parts(self, call, case):
        dZ, (A_prev, W, b) = case.args
        return _linear_numeric(call, self.forward, (A_prev, W, b), dZ, dZ.shape[1])


# Known wrong versions of dZ = dA * g'(Z), reused by the composites (where the learner
# may compute dZ inline) as "<composite>.relu_backward_<mistake>" and so on.
RELU_BACKWARD_VARIANTS = [
    ("uses_g_not_gprime", lambda dA, Z: dA * np.maximum(Z, 0)),
    ("missing_dA", lambda dA, Z: (Z > 0).astype(np.float64)),
    ("mask_on_dA", lambda dA, Z: dA * (dA > 0)),
    ("mask_reversed", lambda dA, Z: dA * (Z <= 0)),
    ("mask_reversed", lambda dA, Z: dA * (Z < 0)),
    ("mask_missing", lambda dA, Z: dA),
    ("missing_dA", lambda dA, Z: np.maximum(Z, 0)),
]
SIGMOID_BACKWARD_VARIANTS = [
    ("uses_Z_not_sigmoid", lambda dA, Z: dA * Z * (1 - Z)),
    ("uses_g_not_gprime", lambda dA, Z: dA * _sig(Z)),
    ("missing_dA", lambda dA, Z: _sig(Z) * (1 - _sig(Z))),
    ("wrong_derivative", lambda dA, Z: dA * (1 - _sig(Z))),
    ("wrong_derivative", lambda dA, Z: dA * _sig(Z) * (1 + _sig(Z))),
    ("wrong_derivative", lambda dA, Z: dA * (1 - _sig(Z)) ** 2),
    ("wrong_derivative", lambda dA, Z: dA * _sig(Z) ** 2),
    ("missing_parentheses", lambda dA, Z: dA * _sig(Z) * 1 - _sig(Z)),   # dA * s * 1 - s
    ("missing_parentheses", lambda dA, Z: dA * _sig(Z) - _sig(Z) ** 2),    # dA * s - s * s, dA on one term only
    ("missing_parentheses", lambda dA, Z: dA * 1 / 1 + np.exp(-Z) * (1 - _sig(Z))),
    ("sign_flipped", lambda dA, Z: -dA * _sig(Z) * (1 - _sig(Z))),
    ("returns_dA", lambda dA, Z: dA),
]


def lifted_slopes():
    """[(mistake suffix in a composite, activation name, wrong dZ rule)]."""
    return [(f"{name}_backward_{suffix}", name, fn)
            for name, variants in (("relu", RELU_BACKWARD_VARIANTS), ("sigmoid", SIGMOID_BACKWARD_VARIANTS))
            for suffix, fn in variants]


class ActivationBackward(Spec):
    trace_lines = True
    """relu_backward and sigmoid_backward: dZ = dA * g'(Z)."""

    arg_names = ("dA", "Z")
    parts = ("dZ",)

    def fixed_cases(self):
        return [(np.array([[0.5, -1.0, 2.0]]), np.array([[-1.0, 0.5, 2.0]])),
                (np.array([[1.5, -0.5], [0.25, 1.0]]), np.array([[0.3, -2.0], [1.0, -0.2]]))]

    def random_case(self, rng, i):
        n, _, m = C.LAYER_SHAPES[i % len(C.LAYER_SHAPES)]
        # |Z| from 800 to 1000 on the first random case (np.exp overflows past 709: s = e^Z / (1 + e^Z)
        # gives nan there, s = 1 / (1 + e^-Z) the right 0 or 1), in the hundreds on the others
        low, high = (800, 1000) if i == 0 else (100, 300)
        return C.values(rng, (n, m)), C.with_edges(C.values(rng, (n, m), 2.0), rng, zeros=True, low=low, high=high)

    def case_info(self, args):
        return {"m": args[1].shape[1]}   # the examples are the columns here too (for "m times too large")

    def split(self, out, case):
        return _single(self, out, "dZ")

    def to_float32(self, args):
        # float32's exp overflows past |Z| = 88 (its square past 44): keep the float32 case's edges inside
        dA, Z = args
        return dA.astype(np.float32), np.clip(Z, -40, 40).astype(np.float32)

    def quantities(self, case):
        dA, Z = case.args
        with np.errstate(all="ignore"):
            return {"dA": dA, "Z": Z, "A": _g(self.forward)(Z)}

    def lecture_quantities(self, case):
        (layer, flat), = super().lecture_quantities(case)
        dA, Z = case.args
        with np.errstate(all="ignore"):
            flat["slope"] = self.reference(np.ones_like(Z), Z)   # g'(Z) = dZ / dA
        flat.pop("m", None)
        return [(layer, flat)]

    def numeric_parts(self, call, case):
        dA, Z = case.args
        slope = numeric.elementwise_slope(call, self.forward, Z)
        if slope is None:
            return None
        # at |Z| <= h a finite difference straddles ReLU's kink: no numerical slope there,
        # so those entries take the slope the notebook defines (dlkit's)
        kink = np.abs(Z) <= numeric.H
        exact = self.reference(dA, Z)
        return {"dZ": np.where(kink, exact, dA * slope)}


class ReluBackward(ActivationBackward):
    name = "relu_backward"
    helpers = ("relu",)
    forward = "relu"
    equation = "Look at dZ[l] = dA[l] * g'(Z[l]) with ReLU's slope g'(Z) = 1 where Z > 0, else 0 (dZ has Z's shape)."

    def reference(self, dA, Z):
        return dlkit.relu_backward(dA, Z)

    def mutants(self):
        return [Mutant(f"relu_backward.{suffix}", fn) for suffix, fn in RELU_BACKWARD_VARIANTS]


class SigmoidBackward(ActivationBackward):
    name = "sigmoid_backward"
    helpers = ("sigmoid",)
    forward = "sigmoid"
    equation = "Look at dZ[l] = dA[l] * g'(Z[l]) with g'(Z) = s (1 - s), s = sigmoid(Z) (dZ has Z's shape)."

    def reference(self, dA, Z):
        return dlkit.sigmoid_backward(dA, Z)

    def mutants(self):
        return [Mutant(f"sigmoid_backward.{suffix}", fn) for suffix, fn in SIGMOID_BACKWARD_VARIANTS]


class LinearActivationBackward(Spec):
    name = "linear_activation_backward"
    trace_lines = True
    arg_names = ("dA", "cache", "activation")
    parts = GRADS
    helpers = ("linear_backward", "relu_backward", "sigmoid_backward", "linear_activation_forward")
    forward = "linear_activation_forward"
    equation = ("Look at dZ[l] = dA[l] * g[l]'(Z[l]) (relu_backward or sigmoid_backward, named by activation), "
                "then dW[l], db[l], dA[l-1] from linear_backward; cache = (linear_cache, Z).")
    n_random = 4

    def reference(self, dA, cache, activation):
        linear_cache, Z = cache
        return dlkit.linear_activation_backward(dA, (tuple(linear_cache), Z), activation)

    def _case(self, A_prev, W, b, dA, activation):
        Z = W @ A_prev + b
        return (dA, ((A_prev, W, b), Z), activation)

    def fixed_cases(self):
        (dZ, (A_prev, W, b)), = LinearBackward().fixed_cases()
        return [self._case(A_prev, W, b, dZ, "sigmoid"), self._case(A_prev, W, b, dZ, "relu")]

    def random_case(self, rng, i):
        A_prev, W, b = C.linear_inputs(rng, i)
        dA = C.values(rng, (W.shape[0], A_prev.shape[1]))
        if i == 3:
            # a sigmoid case with Z[l] in the hundreds on two rows (b[l] = +-800), still consistent: a slope
            # written inline with s = e^Z / (1 + e^Z) is nan there, s = 1 / (1 + e^-Z) gives the right 0
            b = b.copy()
            b[0, 0], b[-1, 0] = 800.0, -800.0
        return self._case(A_prev, W, b, dA, ("relu", "sigmoid")[i % 2])

    def case_info(self, args):
        return {"m": args[0].shape[1]}

    def describe(self, args):
        dA, ((A_prev, W, b), Z), activation = args
        return describe_args(("dA", "A_prev", "W", "b", "Z", "activation"), (dA, A_prev, W, b, Z, activation))

    def split(self, out, case):
        return _triple(self, out)

    def quantities(self, case):
        dA, ((A_prev, W, b), Z), activation = case.args
        dZ = (dlkit.relu_backward if activation == "relu" else dlkit.sigmoid_backward)(dA, Z)
        return {"dA": dA, "Z": Z, "dZ": dZ, "A_prev": A_prev, "W": W, "b": b}

    def lecture_quantities(self, case):
        (layer, flat), = super().lecture_quantities(case)
        dA, (_, Z), activation = case.args
        with np.errstate(all="ignore"):
            flat["slope"] = (dlkit.relu_backward if activation == "relu" else dlkit.sigmoid_backward)(np.ones_like(Z), Z)
            flat["A"] = _g(activation)(Z)
        return [(layer, flat)]

    def mutants(self):
        slope = {"relu": lambda Z: (Z > 0).astype(np.float64), "sigmoid": lambda Z: _sig(Z) * (1 - _sig(Z))}
        other = {"relu": "sigmoid", "sigmoid": "relu"}
        g = {"relu": lambda Z: np.maximum(Z, 0), "sigmoid": _sig}

        def with_dz(dz_rule):
            def fn(dA, cache, activation):
                (A_prev, W, b), Z = cache
                return linear_grads(dz_rule(dA, Z, activation), A_prev, W)
            return fn
        right = lambda dA, cache, activation: (dA * slope[activation](cache[1]), cache[0][0], cache[0][1])  # noqa: E731
        return [
            Mutant(f"{self.name}.activations_swapped", with_dz(lambda dA, Z, a: dA * slope[other[a]](Z))),
            Mutant(f"{self.name}.always_relu", with_dz(lambda dA, Z, a: dA * slope["relu"](Z))),
            Mutant(f"{self.name}.always_sigmoid", with_dz(lambda dA, Z, a: dA * slope["sigmoid"](Z))),
            Mutant(f"{self.name}.no_activation_backward", with_dz(lambda dA, Z, a: dA)),
            Mutant(f"{self.name}.uses_g_not_gprime", with_dz(lambda dA, Z, a: dA * g[a](Z))),
        ] + linear_mutants(self.name, right) + [
            Mutant(f"{self.name}.{suffix}",
                   with_dz(lambda dA, Z, a, name=name, bad=bad: bad(dA, Z) if a == name else dA * slope[a](Z)))
            for suffix, name, bad in lifted_slopes()]

    def exception_mistake(self, err, case):
        if err.exc_type in ("UnboundLocalError", "NameError") and re.search(r"'(dZ|dA_prev|dW|db)'", err.message) \
                and not unbound.set_nowhere_before(err) \
                and not pylevel.ran_another_branch(self, err, case):   # W2b: another branch ran (pylevel.py)
            return causes.unknown_activation(self.name, err)
        if err.exc_type in ("TypeError", "ValueError", "AttributeError") and "tuple" in err.message \
                and (err.source is None or causes.unpacks_cache_as_Z_first(err.source)):
            # Z and linear_cache swapped: a tuple arrives where an array belongs
            return f"{self.name}.cache_unpacked_wrong"
        return linear_exception_mistake(self.name, err)

    def numeric_parts(self, call, case):
        dA, ((A_prev, W, b), Z), activation = case.args
        return _linear_numeric(call, self.forward, (A_prev, W, b, activation), dA, dA.shape[1])

    def explain_part(self, part, bad_runs):
        """A wrong dZ shows in all three gradients: recover the learner's dZ and name its relation
        (the slope taken at A or A_prev, a factor, ...); else the part's own relation."""
        # the three parts of one check ask in turn: explain once (the outputs are held, so that
        # another check's outputs can never be taken for them)
        outs = [run[1] for run in bad_runs]
        memo = self.__dict__.get("_dz_memo")
        if memo is None or len(memo[0]) != len(outs) or any(a is not b for a, b in zip(memo[0], outs)):
            memo = self.__dict__["_dz_memo"] = (outs, self._explain_dz(bad_runs))
        return memo[1] or super().explain_part(part, bad_runs)

    def _explain_dz(self, bad_runs):
        if all(_nan_where_large(self, case, got) for case, got, _ in bad_runs):
            case = bad_runs[0][0]
            return Finding(f"{self.name}.overflow", hint_for(f"{self.name}.overflow", part="dZ"),
                           [f"With {case.label}: dA_prev, dW and db are NaN where the dZ rows with |Z| in the "
                            f"hundreds reach them, and right elsewhere."])
        bad = []
        for case, got, wrong in bad_runs:
            dA, ((A_prev, W, b), Z), activation = case.args
            with compare.tolerance(case.info.get("float32", False)):
                dZ = recovered_dZ(got, A_prev, W)
            if dZ is False:
                return None          # the gradients do not come from one dZ: the linear step is wrong
            if dZ is None:
                continue             # W[l]^T cannot be undone on this case's shapes
            with np.errstate(all="ignore"):
                q = {"dA": dA, "Z": Z, "A": _g(activation)(Z), "A_prev": A_prev}
                bad.append((case, dZ, self.quantities(case)["dZ"], "dZ", q))
        if len(bad) < 2:
            return None
        found = relations.explain("dZ", bad)
        if found is None:
            return None
        rid, fmt = found
        return Finding(f"{self.name}.{rid}", hint_for(f"{self.name}.{rid}", **fmt),
                       [f"With {bad[0][0].label}: the dZ your dA_prev, dW and db come from is not dA * g'(Z)."])


SPECS = [LinearBackward(), ReluBackward(), SigmoidBackward(), LinearActivationBackward()]
