"""Specs for the model-level exercises: model_forward, compute_cost, model_backward,
update_parameters.

Model cases come from :func:`dlkit.checks.cases.model_inputs`; their caches
are made by dlkit's own forward pass, so A[L] really is sigmoid(Z[L]) and
the shortcut dZ[L] = A[L] - Y is exact.
"""
from __future__ import annotations

import re

import numpy as np

import dlkit

from . import causes, cases as C, chain, compare
from . import layerwise, loopstate, pairing
from .numeric import H
from .plain import LearnerError, kind
from .spec import Mutant, Spec, agree
from .specs_backward import LINEAR_VARIANTS, lifted_slopes, linear_grads
from .specs_forward import Z_VARIANTS, lifted_activations


def _sig(Z):
    return 1 / (1 + np.exp(-Z))


def _relu(Z):
    return np.maximum(Z, 0)


ACT = {"relu": _relu, "sigmoid": _sig, "none": lambda Z: Z}
SLOPE = {"relu": lambda Z: (Z > 0).astype(np.float64), "sigmoid": lambda Z: _sig(Z) * (1 - _sig(Z))}


def _layers(parameters) -> int:
    return len(parameters) // 2


def _key_index(err):
    """For a KeyError like 'dW3', the (letters, number) of the key, else None."""
    match = re.fullmatch(r"'?(d?[AWb])(\d+)'?", err.message.strip())
    return (match.group(1), int(match.group(2))) if err.exc_type == "KeyError" and match else None


def _parameter_key_mistake(name, err, parameters):
    """model_forward / update_parameters: a KeyError for a layer key whose number is outside 1..L
    (the only numbering mistake a KeyError shows). L_wrong only when the source counts layers with
    len(parameters) and no // 2; a key inside 1..L (asked of the wrong dict, 'dW1' of parameters)
    or not a layer key ('w1') is left to the plain fact (Spec.explain_crash)."""
    key = _key_index(err)
    if not key or key[0] not in ("W", "b", "dW", "db"):
        return None
    L = _layers(parameters)
    if 1 <= key[1] <= L:
        return None
    if key[1] > L and causes.len_not_halved(err.source):
        return f"{name}.L_wrong"
    return f"{name}.layer_index_off_by_one"


def _by_prefix(spec, out, prefixes, extra_ok=False):
    """Split a dict like grads or parameters into sub-dicts by key prefix ('dA', 'dW', 'db' or 'W', 'b')."""
    if type(out) is not dict:
        mid = f"{spec.name}.returns_nothing" if out is None and spec.name == "update_parameters" \
            else f"{spec.name}.returns_wrong_structure"
        details = [f"Your function returned {kind(out)}."]
        inside = [i for i, v in enumerate(out) if type(v) is dict] if type(out) in (tuple, list) else []
        if len(inside) == 1:   # the dict is there, with something else (diag11)
            details.append(f"Its item {inside[0]} is the dict; return the dict alone, not a {type(out).__name__} "
                           f"holding it and {len(out) - 1} more item{'s' if len(out) > 2 else ''}.")
        return {}, [spec._finding(mid, details)]
    parts = {}
    for prefix, part in prefixes.items():
        parts[part] = {k: v for k, v in out.items() if type(k) is str and re.fullmatch(prefix + r"\d+", k)}
    others = sorted(str(k) for k in out if not any(type(k) is str and re.fullmatch(p + r"\d+", k) for p in prefixes))
    if others and not extra_ok:
        return parts, [spec._finding(f"{spec.name}.returns_wrong_structure", [f"Unexpected keys: {others[:6]}."])]
    return parts, []


def _explain_calls(spec, call, runs, judge, blocks):
    """model_forward / model_backward: the composite run once more on the first wrong public case
    with its blocks' calls noted (``call.calls``), held against the lecture's loop (:mod:`chain`)."""
    logged = spec.logged_calls(call, runs, blocks)
    if logged is None:
        return _returned_early(spec, call, runs)
    case, got = logged
    with np.errstate(all="ignore"):
        found = judge(case.args, *got, source=spec._learner_text(call))
    if found is None:
        return None
    mid, words, refutes = found
    f = spec._finding(f"{spec.name}.{mid}", [f"With {case.label}."], words=words, loop=spec.loop)
    # refutes: True when every call was the lecture's (the claims about the calls are false), or the
    # further ids (call_checked) the log's finding contradicts by name
    f.refutes = (tuple(spec.call_claims) + (refutes if type(refutes) is tuple else ())) if refutes else ()
    return f


def _returned_early(spec, call, runs):
    """Without a call log (the grader's child notes no calls): a composite whose output stops at a
    layer, when its source has a return inside the loop, said from the output and the source alone:
    the layers the output holds and the return that ended the loop (the notebook says it from the calls)."""
    early = chain._return_in_loop(spec._learner_text(call) or "")
    case = next((c for c, _, wrong in runs if wrong), None)
    if early is None or case is None:
        return None
    got_parts = next(g for c, g, _ in runs if c is case)
    if spec.name == "model_backward":
        L = len(case.args[2])
        dW = got_parts.get("dW") if type(got_parts.get("dW")) is dict else {}
        held = [l for l in range(L, 0, -1) if f"dW{l}" in dW]
        if not held or len(held) == L or held != list(range(L, L - len(held), -1)):
            return None
        never = list(range(L - len(held), 0, -1))
        s_ = "s" if len(never) > 1 else ""
        words = (f"grads holds dW, db only for layer{'s' if len(held) > 1 else ''} {chain._layers_list(held)}: "
                 f"layer{s_} {chain._layers_list(never)} {'are' if s_ else 'is'} never stepped back, because {early}")
    else:
        caches, L = got_parts.get("caches"), _layers(case.args[1])
        if type(caches) not in (list, tuple) or not 0 < len(caches) < L:
            return None
        never = list(range(len(caches) + 1, L + 1))
        s_ = "s" if len(never) > 1 else ""
        words = (f"caches holds {len(caches)} cache{'s' if len(caches) > 1 else ''} for L = {L} layers: layer{s_} "
                 f"{chain._layers_list(never)} never run{'' if s_ else 's'}, because {early}")
    f = spec._finding(f"{spec.name}.chain_call", [f"With {case.label}."], words=words, loop=spec.loop)
    # the claims the return contradicts: the loop's range stopping early, an AL shape said as an expression
    f.refutes = ("first_layer_missing",) if spec.name == "model_backward" else ("shape_expression",)
    return f


def _activations_used(runs):
    """'layers 1 and 2 use ReLU; layers 3 and 4 use the sigmoid' for the deepest wrong case whose caches
    show, layer by layer, A[l] = relu(Z[l]) or sigmoid(Z[l]) (A[l] read from the next layer's cache,
    A[L] = AL); None when some layer is neither or the caches are not of that form."""
    best, label = None, ""
    for case, got_parts, wrong in runs:
        AL, caches = got_parts.get("AL"), got_parts.get("caches")
        if not wrong or type(caches) not in (list, tuple) or not caches or type(AL) is not np.ndarray:
            continue
        try:
            Zs = [c[1] for c in caches]
            As = [c[0][0] for c in caches[1:]] + [AL]
        except (TypeError, IndexError, KeyError):
            continue
        used = []
        for Z, A in zip(Zs, As):
            if type(Z) is not np.ndarray or type(A) is not np.ndarray or Z.shape != A.shape:
                used = None
                break
            with np.errstate(all="ignore"):
                zf = Z.astype(np.float64)
                fits = [name for name, fn in (("ReLU", lambda z: np.maximum(z, 0)),
                                              ("the sigmoid", lambda z: 1 / (1 + np.exp(-z)))) if compare.close(A, fn(zf))]
            if len(fits) != 1:
                used = None
                break
            used.append(fits[0])
        if used and (best is None or len(used) > len(best)):
            best, label = used, compare.redact_label(case.label) if case.info.get("hidden") else case.label
    if not best or best.count("the sigmoid") < 2:
        return None

    def layers(names):
        ls = [str(i + 1) for i, n in enumerate(best) if n == names]
        return ("layer " if len(ls) == 1 else "layers ") + (", ".join(ls[:-1]) + " and " + ls[-1] if len(ls) > 1 else ls[0])
    parts = [f"{layers(n)} use{'s' if layers(n).startswith('layer ') else ''} {n}" for n in ("ReLU", "the sigmoid")
             if n in best]
    text = f"With {label} (L = {len(best)}), " + "; ".join(parts) + " (your caches' A[l] against their Z[l])"
    L, first = len(best), best.index("the sigmoid") + 1
    if all(n == "the sigmoid" for n in best[first - 1:]) and first > 1:
        # the sigmoid from some hidden layer on, to the end: the test that picks it switches too early
        early = L - first
        text += (f": the sigmoid starts {early} layer{'s' if early > 1 else ''} too early, at layer "
                 f"{'L-' + str(early) if early else 'L'} (the last hidden layer{'s' if early > 1 else ''} too), so the "
                 f"condition that picks the activation is off by {'one' if early == 1 else early} (such as "
                 f"l < L - {early + 1} where l < L belongs)")
    return text


def _model_describe(X, parameters):
    dims = [X.shape[0]] + [parameters[f"W{l}"].shape[0] for l in range(1, _layers(parameters) + 1)]
    return f"X {tuple(X.shape)}, layer_dims {dims}"


def fixed_model():
    """A 2-layer network small enough to run by hand: X (2, 3), W1 (2, 2), W2 (1, 2), Y (1, 3)."""
    X = np.array([[1.0, -1.0, 2.0], [0.5, 1.0, -0.5]])
    parameters = {"W1": np.array([[0.5, -1.0], [1.0, 0.5]]), "b1": np.array([[0.1], [-0.2]]),
                  "W2": np.array([[1.0, -0.5]]), "b2": np.array([[0.2]])}
    return X, parameters, np.array([[1.0, 0.0, 1.0]])


# ---- model_forward ---------------------------------------------------------------------------

def _forward(X, parameters, hidden="relu", output="sigmoid", layers=None, keep=None, chained=True,
             z=lambda A, W, b: W @ A + b):
    """The forward chain with the activations (and the layers run) as parameters, for mutants."""
    L = _layers(parameters)
    caches, A = [], X
    for l in range(1, L + 1) if layers is None else layers:
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        A = A if chained or l == L else X   # not chained: each hidden layer is fed X
        Z = z(A, W, b)
        caches.append(((A, W, b), Z) if keep is None else keep(A, W, b, Z))
        g = output if l == L else hidden
        A = (ACT[g] if type(g) is str else g)(Z)
    return A, caches


class ModelForward(Spec):
    trace_lines = True
    name = "model_forward"
    arg_names = ("X", "parameters")
    parts = ("AL", "caches")
    helpers = ("linear_activation_forward", "linear_forward", "sigmoid", "relu")
    equation = ("Look at the forward chain: A[0] = X, A[l] = relu(W[l] A[l-1] + b[l]) for l = 1..L-1, "
                "A[L] = sigmoid(W[L] A[L-1] + b[L]); caches[l-1] = (linear_cache, Z[l]).")

    def reference(self, X, parameters):
        return dlkit.model_forward(X, parameters)

    def fixed_cases(self):
        X, parameters, _ = fixed_model()
        return [(X, parameters)]

    def random_case(self, rng, i):
        X, parameters, _ = C.model_inputs(rng, i)
        if i == 2:
            # Z[L] in the hundreds (b[L] = 800): a sigmoid written inline as e^Z / (1 + e^Z) gives nan,
            # 1 / (1 + e^-Z) the right A[L] = 1
            L = _layers(parameters)
            parameters = {**parameters, f"b{L}": parameters[f"b{L}"] + 800.0}
        return (X, parameters)

    def describe(self, args):
        return _model_describe(*args)

    def split(self, out, case):
        if type(out) in (tuple, list) and len(out) == 2:
            return {"AL": out[0], "caches": out[1]}, []
        found = self._finding(f"{self.name}.returns_wrong_structure", [f"Your function returned {kind(out)}."])
        return ({"AL": out} if type(out) is np.ndarray else {}), [found]

    def _weigh_mistakes(self, runs, public=True, named=False):
        """The mutants' findings, with "the hidden layers use the sigmoid" said layer by layer: which
        layers got which activation, read from the learner's own caches (diag12)."""
        findings = super()._weigh_mistakes(runs, public=public, named=named)
        for f in findings:
            if f.id == f"{self.name}.hidden_sigmoid":
                said = _activations_used(runs)
                if said:
                    f.hint = (f"{said}: layers 1..L-1 use ReLU, only layer L uses the sigmoid.")
        return findings

    def mutants(self):
        def layers_but_last(X, p):
            L = _layers(p)
            return _forward(X, p, layers=range(1, L))
        return [
            Mutant("model_forward.output_relu", lambda X, p: _forward(X, p, output="relu")),
            Mutant("model_forward.hidden_sigmoid", lambda X, p: _forward(X, p, hidden="sigmoid")),
            Mutant("model_forward.activations_swapped", lambda X, p: _forward(X, p, hidden="sigmoid", output="relu")),
            Mutant("model_forward.no_output_activation", lambda X, p: _forward(X, p, output="none")),
            Mutant("model_forward.output_layer_missing", layers_but_last),
            Mutant("model_forward.first_layer_missing", lambda X, p: _forward(X, p, layers=range(2, _layers(p) + 1))),
            Mutant("model_forward.not_chained", lambda X, p: _forward(X, p, chained=False)),
            Mutant("model_forward.caches_missing_output", lambda X, p: (_forward(X, p)[0], _forward(X, p)[1][:-1])),
            Mutant("model_forward.caches_wrong", lambda X, p: _forward(X, p, keep=lambda A, W, b, Z: ((A, W, b), ACT["relu"](Z)))),
            Mutant("model_forward.caches_wrong", lambda X, p: _forward(X, p, keep=lambda A, W, b, Z: (A, W, b))),
            Mutant("model_forward.caches_wrong", lambda X, p: (_forward(X, p)[0], _forward(X, p)[1][::-1])),
        ] + [Mutant(f"model_forward.{suffix}", lambda X, p, z=z: _forward(X, p, z=z)) for suffix, z in Z_VARIANTS] + [
            Mutant(f"model_forward.{suffix}", lambda X, p, bad=bad, name=name: _forward(X, p, **{
                ("output" if name == "sigmoid" else "hidden"): bad}))
            for suffix, name, bad in lifted_activations()]

    def quantities(self, case):
        X, parameters = case.args
        AL, caches = dlkit.model_forward(X, parameters)
        (A_prev, W, b), Z = caches[-1]
        return {"A_prev": A_prev, "W": W, "b": b, "Z": Z}

    def explain_part(self, part, bad_runs):
        if part == "caches":
            return layerwise.explain_forward(self, bad_runs)
        return super().explain_part(part, bad_runs)

    def lecture_quantities(self, case):
        """Every layer's A[l-1], W[l], b[l], Z[l], A[l] (layer 0: A[0] = X), A[L] and L, for the tracer."""
        X, parameters = case.args
        with np.errstate(all="ignore"):
            AL, caches = dlkit.model_forward(X, parameters)
        L = len(caches)
        layers = [(0, {"A": X, "L": L})]
        for l, ((A_prev, W, b), Z) in enumerate(caches, start=1):
            A = AL if l == L else caches[l][0][0]
            layers.append((l, {"A_prev": A_prev, "W": W, "b": b, "Z": Z, "A": A, "L": L}))
        layers.append((L, {"AL": AL, "L": L}))
        return layers

    def exception_mistake(self, err, case):
        return _parameter_key_mistake(self.name, err, case.args[1]) or self._loop_range(err, case)

    def _loop_range(self, err, case):
        """(id, hint fields) for a crash whose cause is the loop's range (evaluated with the learner's L
        where it raised, :func:`chain.loop_layers`): layers 1..k only where 1..L-1 (or 1..L) belong, or
        the output layer run inside the loop and once more after it. None otherwise (diag11)."""
        if err.exc_type not in ("ValueError", "KeyError", "IndexError"):
            return None
        L = _layers(case.args[1])
        names = {k: v for k, v in (err.local_shapes or {}).items() if type(v) is int}
        names.setdefault("L", L)
        loops = chain.loop_layers(err.source, names, container="parameters") if names["L"] == L else None
        if not loops or len(loops) != 1:
            return None
        header, visited = loops[0]
        # a layer key read after the loop (whatever its number): the loop is for the hidden layers only
        separate = chain.keyed_outside_loops(err.source, "parameters", None)
        want = list(range(1, L if separate else L + 1))
        if visited and (visited != list(range(visited[0], visited[-1] + 1)) or visited[0] != 1) or visited == want:
            return None
        if separate and visited == list(range(1, L + 1)) and chain.keyed_outside_loops(err.source, "parameters", "L"):
            words = (f"with L = {L}, the loop `{header}` runs layers {chain._layers_list(visited)}, the output layer "
                     f"L = {L} included, and the output layer's call after the loop runs layer {L} once more: one "
                     f"layer too many (the loop is for the ReLU layers 1..L-1)")
        elif len(visited) < len(want):
            never = [l for l in want if l not in visited]
            s_ = "s" if len(never) > 1 else ""
            ran = (f"runs layer{'s' if len(visited) > 1 else ''} {chain._layers_list(visited)} only" if visited
                   else "runs no layer at all")
            given = f"A[{visited[-1]}]" if visited else "X = A[0]"
            words = (f"with L = {L}, the loop `{header}` {ran}: layer{s_} {chain._layers_list(never)} never "
                     f"run{'' if s_ else 's'}, so the next call is given {given} where A[{never[-1]}] belongs")
        else:
            return None
        return "model_forward.loop_range", {"words": words, "loop": self.loop}

    # the loop judged by the calls it made (chain.py)
    call_claims = ("output_relu", "hidden_sigmoid", "activations_swapped", "no_output_activation",
                   "output_layer_missing", "first_layer_missing", "not_chained")
    # ids the log may replace (diag11): "returned None" said with where the function stopped; a shape
    # that comes from a return inside the loop
    call_checked = ("returns_wrong_structure", "shape_expression", "caches_layers")
    loop = ("The lecture's loop: A[0] = X; for l = 1..L, A[l], cache = linear_activation_forward(A[l-1], W[l], b[l], "
            "'relu' for l < L, 'sigmoid' for l = L), then caches.append(cache); return A[L], caches.")

    def explain_calls(self, call, runs):
        return _explain_calls(self, call, runs, chain.judge_forward, chain.FORWARD_BLOCKS)


# ---- compute_cost ----------------------------------------------------------------------------

class ComputeCost(Spec):
    name = "compute_cost"
    trace_lines = True
    arg_names = ("AL", "Y")
    parts = ("cost",)
    equation = "Look at J = -1/m sum(Y log(A[L]) + (1 - Y) log(1 - A[L])), one number, m = Y.shape[1]."
    n_random = 4

    def reference(self, AL, Y):
        return dlkit.compute_cost(AL, Y)

    def fixed_cases(self):
        # the worked example, then notebook 3's saturated one: A[L] rounded to exactly 1 and 0 where it
        # is right, and to exactly 1 on example 3 whose y is 0 (only a clipped log keeps J finite there)
        return [(np.array([[0.8, 0.9, 0.4]]), np.array([[1.0, 1.0, 0.0]])),
                (np.array([[1.0, 0.0, 1.0]]), np.array([[1.0, 0.0, 0.0]]))]

    def random_case(self, rng, i):
        m = (5, 1, 12, 40)[i % 4]
        Y = C.labels(rng, m)
        return C.saturated(C.probabilities(rng, m), Y), Y

    def to_float32(self, args):
        # float32 rounds 1 - eps back to 1: a clip with float64's eps would not keep log(1 - A[L]) finite
        AL, Y = args
        return (np.where(AL > 1 - 1e-6, 0.9375, AL).astype(np.float32), Y.astype(np.float32))

    def case_info(self, args):
        AL, Y = args
        # A[L] exactly 1 where y = 0 (or 0 where y = 1): the loss there is -log(eps), so its value is the
        # clip's eps; the notebook accepts any small eps, so such a case asks only for a finite J
        wrong_extreme = bool(np.any(((AL == 1) & (Y == 0)) | ((AL == 0) & (Y == 1))))
        return {"m": AL.shape[1], "finite_only": wrong_extreme}

    def part_mismatch(self, part, got, exp, case):
        if case.info.get("finite_only") and type(got) is float:
            return None if np.isfinite(got) else f"cost should be a finite number, got {got}"
        return super().part_mismatch(part, got, exp, case)

    def quantities(self, case):
        return {"AL": case.args[0], "Y": case.args[1]}   # Y: for the cost's relations (relations.cost_relation)

    def extra_findings(self, runs):
        """No clipping, whatever else is wrong: the cost is NaN or infinite only where A[L] is 0 or 1."""
        for case, got, wrong in runs:
            AL, cost = case.args[0], got.get("cost")
            saturated = np.any((AL == 0) | (AL == 1))
            if saturated and "cost" in wrong and type(cost) is float and not np.isfinite(cost):
                f = self._finding(f"{self.name}.no_clipping", [f"With {case.label}: {wrong['cost']}."], part="The cost")
                return [f]
        return []

    def split(self, out, case):
        if type(out) is np.ndarray and out.shape != () and out.size == 1 and out.dtype.kind in "fiub":
            return {"cost": float(out.reshape(-1)[0])}, [self._finding(f"{self.name}.not_scalar",
                                                                       [f"Your function returned {kind(out)}."])]
        if type(out) is np.ndarray and out.shape == () and out.dtype.kind in "fiub":
            return {"cost": float(out)}, []   # np.squeeze gives a 0-d array: that is a scalar
        return {"cost": out}, []

    def mutants(self):
        def J(f):
            return lambda AL, Y: float(f(AL, Y, AL.shape[1]))
        ln = np.log
        mistakes = [
            Mutant("compute_cost.missing_minus", J(lambda A, Y, m: np.sum(Y * ln(A) + (1 - Y) * ln(1 - A)) / m)),
            Mutant("compute_cost.missing_1_over_m", J(lambda A, Y, m: -np.sum(Y * ln(A) + (1 - Y) * ln(1 - A)))),
            Mutant("compute_cost.missing_one_minus_y_term", J(lambda A, Y, m: -np.sum(Y * ln(A)) / m)),
            Mutant("compute_cost.missing_parentheses", J(lambda A, Y, m: -np.sum(Y * ln(A) + 1 - Y * ln(1 - A)) / m)),
            Mutant("compute_cost.missing_parentheses", J(lambda A, Y, m: -np.sum(Y * ln(A) + (1 - Y) * ln(1) - A) / m)),
            Mutant("compute_cost.log10", J(lambda A, Y, m: -np.sum(Y * np.log10(A) + (1 - Y) * np.log10(1 - A)) / m)),
            Mutant("compute_cost.terms_swapped", J(lambda A, Y, m: -np.sum(Y * ln(1 - A) + (1 - Y) * ln(A)) / m)),
            Mutant("compute_cost.not_summed", lambda AL, Y: -(Y * ln(AL) + (1 - Y) * ln(1 - AL)) / AL.shape[1]),
            Mutant("compute_cost.not_summed", lambda AL, Y: -(Y * ln(AL) + (1 - Y) * ln(1 - AL))),
        ]
        # each mistake made with A[L] clipped as the notebook asks, and without
        # (with float64's eps and with the other values learners write: 1e-15, 1e-12, 1e-8, where a
        # mistake's log(eps) term does not vanish, it depends on the eps)
        out = []
        for mu in mistakes:
            out += [Mutant(mu.id, lambda AL, Y, fn=mu.fn, e=eps: fn(np.clip(AL, e, 1 - e), Y))
                    for eps in (np.finfo(float).eps, 1e-15, 1e-12, 1e-8)] + [mu]
        return out


# ---- model_backward --------------------------------------------------------------------------

def _dAL(AL, Y):
    return -(Y / AL) + (1 - Y) / (1 - AL)


def _backward(AL, Y, caches, dAL=_dAL, output="sigmoid", hidden="relu", shortcut_slope=False,
              reuse_dAL=False, dA_shift=0, all_shift=0, stop_at=1, linear={}, output_shift=0,
              cache_shift=0, keep_dA0=True):
    """The backward chain with its known variations as parameters, for mutants.

    ``cache_shift``: the hidden layer l uses the cache of layer l + cache_shift (caches[l - 1 + shift],
    with Python's negative indices, capped at the output layer's)."""
    L = len(caches)
    grads = {}
    dA_L = dAL(AL, Y)
    dA = dA_L
    for l in range(L, stop_at - 1, -1):
        index = l - 1 if l == L else min(l - 1 + cache_shift, L - 1)
        (A_prev, W, b), Z = caches[index]
        dA_in = dA_L if reuse_dAL else dA
        rule = output if l == L else hidden
        if l == L and shortcut_slope:
            dZ = (AL - Y) * SLOPE["sigmoid"](Z)
        elif type(rule) is str:
            dZ = dA_in * SLOPE[rule](Z)
        else:
            dZ = rule(dA_in, Z)   # a wrong dZ rule from the activations' catalog
        dA, dW, db = linear_grads(dZ, A_prev, W, **linear)
        grads[f"dA{l - 1 + dA_shift + all_shift}"] = dA
        shift = all_shift + (output_shift if l == L else 0)
        grads[f"dW{l + shift}"] = dW
        grads[f"db{l + shift}"] = db
    if not keep_dA0:
        grads.pop("dA0", None)
    return grads


GRAD_PREFIXES = {"dA": "dA", "dW": "dW", "db": "db"}


class ModelBackward(Spec):
    trace_lines = True
    name = "model_backward"
    arg_names = ("AL", "Y", "caches")
    parts = ("dA", "dW", "db")
    helpers = ("linear_activation_backward", "linear_backward", "relu_backward", "sigmoid_backward", "model_forward")
    forward = "model_forward"
    equation = ("Look at the backward chain: dA[L] = -(Y/A[L]) + (1-Y)/(1-A[L]); layer L (sigmoid) gives "
                "dA[L-1], dW[L], db[L]; then layers L-1..1 (ReLU) each turn dA[l] into dA[l-1], dW[l], db[l].")

    def reference(self, AL, Y, caches):
        caches = [(tuple(lc), Z) for lc, Z in caches]
        return dlkit.model_backward(AL, Y, caches)

    def _case(self, X, parameters, Y):
        AL, caches = dlkit.model_forward(X, parameters)
        return (AL, Y, caches)

    def fixed_cases(self):
        return [self._case(*fixed_model())]

    def random_case(self, rng, i):
        if i == 1:
            # layer_dims [2, 1, 1] with A[L] within 1e-12 of 1 and of 0 (Z[L] = +-35) on the labels that
            # keep dA[L] finite: consistent (A[L] is still sigmoid(Z[L])), and an A[L] clipped in place shows
            X = np.array([[2.0, -0.5, 1.02], [1.0, -1.0, 0.5]])
            parameters = {"W1": np.array([[1.0, 0.0]]), "b1": np.array([[0.0]]),
                          "W2": np.array([[35.0]]), "b2": np.array([[-35.0]])}
            return self._case(X, parameters, np.array([[1.0, 0.0, 1.0]]))
        return self._case(*C.model_inputs(rng, i))

    def describe(self, args):
        AL, Y, caches = args
        dims = [caches[0][0][0].shape[0]] + [c[1].shape[0] for c in caches]
        return f"AL {tuple(AL.shape)}, layer_dims {dims}"

    def case_info(self, args):
        return {"m": args[0].shape[1]}

    def lecture_quantities(self, case):
        """Every layer's dA[l], dZ[l], g'(Z[l]), dW[l], db[l], dA[l-1] and its cache, then dA[L], m, L."""
        AL, Y, caches = case.args
        caches = [(tuple(lc), Z) for lc, Z in caches]
        L = len(caches)
        with np.errstate(all="ignore"):
            grads = dlkit.model_backward(AL, Y, caches)
            dAL = -(Y / AL) + (1 - Y) / (1 - AL)
        layers = [(L, {"AL": AL, "Y": Y, "dAL": dAL, "m": AL.shape[1], "L": L})]
        for l in range(L, 0, -1):
            (A_prev, W, b), Z = caches[l - 1]
            dA = dAL if l == L else grads[f"dA{l}"]
            with np.errstate(all="ignore"):
                slope = (dlkit.sigmoid_backward if l == L else dlkit.relu_backward)(np.ones_like(Z), Z)
            layers.append((l, {"dA": dA, "Z": Z, "slope": slope, "dZ": dA * slope, "A_prev": A_prev, "W": W,
                               "b": b, "dW": grads[f"dW{l}"], "db": grads[f"db{l}"],
                               "dA_prev": grads[f"dA{l - 1}"], "m": AL.shape[1], "L": L}))
        return layers

    def split(self, out, case):
        # extra entries (a learner keeping dZ1 too) do no harm: only dA, dW, db are graded
        return _by_prefix(self, out, GRAD_PREFIXES, extra_ok=True)

    def mutants(self):
        B = _backward
        return [
            Mutant("model_backward.dAL_missing_minus", lambda *a: B(*a, dAL=lambda AL, Y: Y / AL + (1 - Y) / (1 - AL))),
            Mutant("model_backward.dAL_sign_flipped", lambda *a: B(*a, dAL=lambda AL, Y: Y / AL - (1 - Y) / (1 - AL))),
            Mutant("model_backward.dAL_second_term_sign", lambda *a: B(*a, dAL=lambda AL, Y: -(Y / AL) - (1 - Y) / (1 - AL))),
            Mutant("model_backward.dAL_missing_parentheses", lambda *a: B(*a, dAL=lambda AL, Y: -(Y / AL) + (1 - Y) / 1 - AL)),
            Mutant("model_backward.dAL_missing_parentheses", lambda *a: B(*a, dAL=lambda AL, Y: -Y / AL + 1 - Y / (1 - AL))),
            Mutant("model_backward.dAL_missing_parentheses", lambda *a: B(*a, dAL=lambda AL, Y: -(Y / AL) + 1 - Y / 1 - AL)),
            Mutant("model_backward.dAL_has_1_over_m", lambda *a: B(*a, dAL=lambda AL, Y: _dAL(AL, Y) / AL.shape[1])),
            Mutant("model_backward.output_relu", lambda *a: B(*a, output="relu")),
            Mutant("model_backward.hidden_sigmoid", lambda *a: B(*a, hidden="sigmoid")),
            Mutant("model_backward.shortcut_with_sigmoid_slope", lambda *a: B(*a, shortcut_slope=True)),
            Mutant("model_backward.dAL_reused", lambda *a: B(*a, reuse_dAL=True)),
            Mutant("model_backward.keys_shifted", lambda *a: B(*a, dA_shift=1)),
            Mutant("model_backward.keys_shifted", lambda *a: B(*a, all_shift=-1)),
            Mutant("model_backward.keys_shifted", lambda *a: B(*a, all_shift=1)),
            # dW/db of layer L stored as dW{L-1}/db{L-1}, then overwritten by layer L-1
            Mutant("model_backward.keys_shifted", lambda *a: B(*a, output_shift=-1)),
            Mutant("model_backward.first_layer_missing", lambda *a: B(*a, stop_at=2)),
            Mutant("model_backward.dA0_missing", lambda *a: B(*a, keep_dA0=False)),
            Mutant("model_backward.cache_of_next_layer", lambda *a: B(*a, cache_shift=1)),
            Mutant("model_backward.cache_of_previous_layer", lambda *a: B(*a, cache_shift=-1)),
        ] + [Mutant(f"model_backward.{suffix}", lambda *a, kw=kw: B(*a, linear=kw)) for suffix, kw in LINEAR_VARIANTS] + [
            Mutant(f"model_backward.{suffix}", lambda *a, name=name, bad=bad: B(*a, **{
                ("output" if name == "sigmoid" else "hidden"): bad}))
            for suffix, name, bad in lifted_slopes()]

    def explain_part(self, part, bad_runs):
        """Layer by layer: where the backward chain first goes wrong (one finding for all three parts)."""
        return layerwise.explain_backward(self, bad_runs)

    def exception_mistake(self, err, case):
        said = loopstate.backward_crash(err, case)   # diagC: which layer's step raised, and why
        if said is not None:
            return said
        if err.exc_type == "IndexError" and "list index" in err.message and re.search(r"\bcaches\s*\[", err.line or ""):
            return "model_backward.caches_index"   # the failing line indexes caches
        if re.search(r"dA has shape \(1, \d+\) but must be", err.message) and self._dAL_reused(err):
            return "model_backward.dAL_reused"   # dA[L] (1, m) handed to a hidden layer
        key = _key_index(err)
        if key and key[0] in ("dA", "dW", "db") and 0 <= key[1] <= len(case.args[2]):
            said = self._loop_visits(err, case, key)
            if said is not None:   # the loop's own range says why the key was not stored yet (diag11)
                return said
            return "model_backward.keys_shifted"   # a grads key of this network, read before it was stored
        return None

    # the loop judged by the calls it made (chain.py)
    call_claims = ("output_relu", "hidden_sigmoid", "first_layer_missing", "dAL_reused",
                   "cache_of_next_layer", "cache_of_previous_layer")
    call_checked = ("other_layer",   # "a layer index is off": the log tells a shifted key from a swapped order
                    "keys_shifted", "returns_wrong_structure",   # a loop that goes forwards; where it stopped
                    "dAL_formula")   # dA[L] said term by term (diag11)
    loop = ("The lecture's loop: dA[L] = -(Y/A[L]) + (1-Y)/(1-A[L]) first; for l = L..1, dA[l-1], dW[l], db[l] = "
            "linear_activation_backward(dA[l], caches[l-1], 'sigmoid' for l = L, 'relu' below), stored as "
            "grads['dA' + str(l-1)], grads['dW' + str(l)], grads['db' + str(l)].")

    def explain_calls(self, call, runs):
        return _explain_calls(self, call, runs, chain.judge_backward, chain.BACKWARD_BLOCKS)

    def _loop_visits(self, err, case, key):
        """(id, hint fields) for a grads key read before it was stored, when the loop's range (evaluated
        with the learner's L where it raised, :func:`chain.loop_layers`) shows why: the loop goes
        forwards (each hidden layer's call before the one of the layer after it), or it skips a layer
        whose step gives that key. None when the source is unknown or shows neither."""
        L = len(case.args[2])
        names = {k: v for k, v in (err.local_shapes or {}).items() if type(v) is int}
        names.setdefault("L", L)
        if names["L"] != L:
            return None
        loops = chain.loop_layers(err.source, names)
        if not loops or len(loops) != 1:
            return None
        header, visited = loops[0]
        hidden = [l for l in visited if l != L]
        want = list(range(L - 1, 0, -1)) if L not in visited else list(range(L, 0, -1))
        if not visited or any(l < 1 or l > L for l in visited) or len(set(visited)) != len(visited):
            return None
        name = f"grads['{key[0]}{key[1]}']"
        if len(hidden) > 1 and hidden == sorted(hidden):
            words = (f"the loop `{header}` steps back layers {chain._layers_list(visited)} in this order, forwards: "
                     f"layer {hidden[0]}'s call comes before the call of layer {hidden[0] + 1}, whose dA[{hidden[0]}] "
                     f"it needs, so {name} is read before anything stored it; backpropagation goes from layer L "
                     f"down to layer 1 (reversed(range(...)), or a step of -1): not a key numbered wrong, the order "
                     f"of the calls")
            return "model_backward.loop_order", {"words": words, "loop": self.loop}
        skipped = [l for l in want if l not in visited]
        if visited == [l for l in want if l in visited] and skipped and key[0] == "dA" and key[1] + 1 in skipped:
            s_ = "s" if len(skipped) > 1 else ""
            words = (f"with L = {L}, the loop `{header}` steps back layer{'s' if len(visited) > 1 else ''} "
                     f"{chain._layers_list(visited)} only: layer{s_} {chain._layers_list(skipped)} {'are' if s_ else 'is'} "
                     f"never stepped back, so {name}, which layer {key[1] + 1}'s step gives, is read before "
                     f"anything stored it: the loop's range misses layer{s_} {chain._layers_list(skipped)}")
            return "model_backward.loop_range", {"words": words, "loop": self.loop}
        return None

    @staticmethod
    def _dAL_reused(err) -> bool:
        """The array the failing line hands on as dA is one the loop never assigns (dA[L], set before it)."""
        return causes.loop_passes_unchanged(err.source, "backward")

    def numeric_parts(self, call, case):
        """dW and db from the numerical gradient of J(model_forward(X, parameters)) with the learner's forward."""
        AL, Y, caches = case.args
        X = caches[0][0][0]
        parameters = {}
        for l, ((_, W, b), _) in enumerate(caches, start=1):
            parameters[f"W{l}"], parameters[f"b{l}"] = W, b
        eps = 1e-12
        grads = {"dW": {}, "db": {}}
        for key, value in parameters.items():
            grad = np.zeros(value.shape)
            for idx in np.ndindex(value.shape):
                costs = []
                for step in (H, -H):
                    moved = {k: v.copy() for k, v in parameters.items()}
                    moved[key][idx] += step
                    try:
                        out, _ = call(self.forward, (X, moved))
                    except LearnerError:
                        return None
                    A = out[0] if type(out) in (tuple, list) and out else out
                    if type(A) is not np.ndarray or A.shape != Y.shape or A.dtype.kind not in "fiub":
                        return None
                    A = np.clip(A.astype(np.float64), eps, 1 - eps)
                    costs.append(float(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))))
                grad[idx] = (costs[0] - costs[1]) / (2 * H)
            grads["d" + key[0]][f"d{key}"] = grad
        return grads


# ---- update_parameters -----------------------------------------------------------------------

def _update(parameters, grads, lr, rule=None, layers=None, which="Wb"):
    L = _layers(parameters)
    out = {k: v.copy() for k, v in parameters.items()}
    for l in layers(L) if layers else range(1, L + 1):
        for p in which:
            key = f"{p}{l}"
            out[key] = rule(parameters[key], grads[f"d{key}"], lr) if rule else parameters[key] - lr * grads[f"d{key}"]
    return out


class UpdateParameters(Spec):
    name = "update_parameters"
    arg_names = ("parameters", "grads", "learning_rate")
    parts = ("W", "b")
    # nothing may change in place: notebook 6 asks for a new dict, so the caller's parameters stay as they were
    equation = "Look at gradient descent: W[l] := W[l] - alpha dW[l], b[l] := b[l] - alpha db[l], for l = 1..L."

    def reference(self, parameters, grads, learning_rate):
        return dlkit.update_parameters(parameters, grads, learning_rate)

    def _case(self, X, parameters, Y, lr):
        AL, caches = dlkit.model_forward(X, parameters)
        grads = dlkit.model_backward(AL, Y, caches)
        # non-zero b, so that forgetting to update it or mixing it up with W shows
        parameters = {k: (v + 0.1 if k.startswith("b") else v) for k, v in parameters.items()}
        return (parameters, grads, lr)

    def fixed_cases(self):
        return [self._case(*fixed_model(), 0.1)]

    def random_case(self, rng, i):
        return self._case(*C.model_inputs(rng, i), (0.5, 0.0075, 1.2, 0.05)[i % 4])

    def describe(self, args):
        parameters, _, lr = args
        dims = [parameters["W1"].shape[1]] + [parameters[f"W{l}"].shape[0] for l in range(1, _layers(parameters) + 1)]
        return f"layer_dims {dims}, learning_rate = {lr}"

    def split(self, out, case):
        return _by_prefix(self, out, {"W": "W", "b": "b"})

    def quantities(self, case):
        parameters, grads, lr = case.args
        return {**parameters, **{k: v for k, v in grads.items() if not k.startswith("dA")}, "learning_rate": lr}

    def mutants(self):
        U = _update
        return [
            Mutant("update_parameters.gradient_ascent", lambda p, g, lr: U(p, g, lr, lambda P, G, a: P + a * G)),
            Mutant("update_parameters.learning_rate_ignored", lambda p, g, lr: U(p, g, lr, lambda P, G, a: P - G)),
            Mutant("update_parameters.learning_rate_misapplied", lambda p, g, lr: U(p, g, lr, lambda P, G, a: a * P - G)),
            Mutant("update_parameters.learning_rate_misapplied", lambda p, g, lr: U(p, g, lr, lambda P, G, a: a * (P - G))),
            Mutant("update_parameters.learning_rate_misapplied", lambda p, g, lr: U(p, g, lr, lambda P, G, a: P - G / a)),
            Mutant("update_parameters.gradient_missing", lambda p, g, lr: U(p, g, lr, lambda P, G, a: P - a * P)),
            Mutant("update_parameters.b_not_updated", lambda p, g, lr: U(p, g, lr, which="W")),
            Mutant("update_parameters.W_not_updated", lambda p, g, lr: U(p, g, lr, which="b")),
            Mutant("update_parameters.nothing_updated", lambda p, g, lr: {k: v.copy() for k, v in p.items()}),
            Mutant("update_parameters.last_layer_not_updated", lambda p, g, lr: U(p, g, lr, layers=lambda L: range(1, L))),
            Mutant("update_parameters.first_layer_not_updated", lambda p, g, lr: U(p, g, lr, layers=lambda L: range(2, L + 1))),
        ]

    def exception_mistake(self, err, case):
        said = pairing.update_crash(err, case)   # diagC: a parameter paired with another gradient
        if said is not None:
            return said
        return _parameter_key_mistake(self.name, err, case.args[0])

    def explain_part(self, part, bad_runs):
        """Some keys updated, the others still the values given (diag11): said key by key."""
        said = _partly_updated(bad_runs)
        if said is not None:
            case, _, wrong = said[1]
            return self._finding(f"{self.name}.partly_updated", [f"With {case.label}: {wrong.get(part) or ''}".rstrip(": ") + "."],
                                 words=said[0])
        return super().explain_part(part, bad_runs)


def _partly_updated(bad_runs):
    """(words, the run they are said of) when on every wrong case each key of the parameters is either
    updated (W[l] - alpha dW[l]) or left as it was given, some of each; said of the deepest public case
    (more layers show more of the pattern). None when a key is missing or holds anything else."""
    best = None
    for run in bad_runs:
        case, got_parts, _ = run
        parameters = case.args[0]
        got = {**(got_parts.get("W") or {}), **(got_parts.get("b") or {})}
        exp = case.expected
        if type(exp) is not dict:
            return None
        updated, kept = [], []
        for k in exp:
            g = got.get(k)
            if type(g) is not np.ndarray or g.shape != exp[k].shape:
                return None
            if agree(g, exp[k]):
                updated.append(k)
            elif agree(g, parameters[k]):
                kept.append(k)
            else:
                return None
        if not updated or not kept:
            return None
        depth = -1 if case.info.get("hidden") else len(exp)
        if best is None or depth > best[0]:
            best = (depth, updated, kept, run)
    if best is None:
        return None
    _, updated, kept, run = best

    def layers(keys):
        return sorted({int(k[1:]) for k in keys})
    whole = [l for l in layers(kept) if f"W{l}" in kept and f"b{l}" in kept]
    words = (f"{', '.join(updated)} {'is' if len(updated) == 1 else 'are'} updated, but {', '.join(kept)} "
             f"{'is' if len(kept) == 1 else 'are'} still the value{'s' if len(kept) > 1 else ''} you were given")
    if whole and whole == layers(kept) and whole == list(range(whole[0], whole[-1] + 1)) and \
            whole[-1] == max(layers(updated) + whole):
        words += (f": layer{'s' if len(whole) > 1 else ''} {chain._layers_list(whole)} {'are' if len(whole) > 1 else 'is'} "
                  f"not updated at all, as if the loop stopped after layer {whole[0] - 1} (its range, or a return "
                  f"inside it)")
    return words, run


SPECS = [ModelForward(), ComputeCost(), ModelBackward(), UpdateParameters()]
