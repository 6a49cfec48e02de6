"""The spec for initialize_parameters: the numbers notebook 1 asks for, explained by properties.

Notebook 1 asks for one generator, rng = np.random.RandomState(seed), created
once before the loop, and W[l] = rng.randn(n[l], n[l-1]) / np.sqrt(n[l-1])
drawn for l = 1, 2, ..., L, "so that your numbers are the same as everybody
else's": notebook 6 then compares the learner's training run with dlkit's,
which only works with the same starting weights. So W is graded by its
values for the case's seed (legacy np.random.seed(seed) + np.random.randn
draws the same numbers and passes too). When W is wrong, the report first
says which property is off (a wrong shape, a non-zero b, weights that do not
break symmetry, weights too large or too small for the layer's fan-in,
another scale such as 0.01 or He's sqrt(2 / n[l-1])); only when every
property is right does it say the numbers are not the seeded ones.
"""
from __future__ import annotations

import re

import numpy as np

import dlkit

from . import causes
from .plain import fmt, kind
from .keys import words as keys_words
from .mistakes import hint_for
from .result import Finding
from .spec import Spec


def _spelled(keys, expected) -> str:
    """"'W01' where 'W1' belongs, ..." when ``keys`` are the expected keys one for one, each written with
    the same letter and the same layer number otherwise ('W01', 'W_1', 'w1'); else ''."""
    if len(keys) != len(expected) or not all(type(k) is str for k in keys):
        return ""
    pairs = {}
    for k in keys:
        mo = re.fullmatch(r"\s*([WwBb])\W*_?\W*0*(\d+)\s*", k)
        if mo is None:
            return ""
        right = mo.group(1).upper().replace("B", "b") + str(int(mo.group(2)))
        if right not in expected or right in pairs.values():
            return ""
        pairs[k] = right
    wrong = sorted((k, r) for k, r in pairs.items() if k != r)
    if not wrong:
        return ""
    return ", ".join(f"{k!r} where {r!r} belongs" for k, r in wrong[:4]) + (", ..." if len(wrong) > 4 else "")


def _init_problems(params, dims):
    """[(part, mistake id, sentence)] for a learner's initial parameters and layer_dims."""
    L = len(dims) - 1
    problems = []
    expected = {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}
    keys = set(params)
    if keys != expected:
        missing = sorted(expected - keys, key=str)
        extra = sorted(map(str, keys - expected))
        text = f"parameters has keys {sorted(map(str, keys))} but needs W1..W{L}, b1..b{L} for layer_dims {dims}"
        said = keys_words(keys, expected) if all(type(k) is str for k in keys) else None   # which layers (diag11)
        text += f": {said[1]}" if said and said[0] == "layers" else ""
        spelled = _spelled(keys, expected)   # values2: every layer there, its keys written otherwise ('W01')
        if spelled:
            text += f": the key names are spelled differently, {spelled}"
        problems.append(("shapes", "initialize_parameters.keys_spelled" if spelled else
                         "initialize_parameters.missing_layers" if missing or extra else "", text))
    for l in range(1, L + 1):
        n, n_prev = dims[l], dims[l - 1]
        W, b = params.get(f"W{l}"), params.get(f"b{l}")
        if W is not None:
            if type(W) is not np.ndarray:
                problems.append(("shapes", "initialize_parameters.wrong_shapes", f"W{l} should be an array of shape {(n, n_prev)}, got {kind(W)}"))
            elif W.shape != (n, n_prev):
                mid = "W_transposed" if W.shape == (n_prev, n) else "wrong_shapes"
                if mid == "wrong_shapes" and l >= 2 and W.shape in ((dims[l - 1], dims[l - 2]), (dims[l + 1], n)
                                                                    if l + 1 < len(dims) else ()):
                    mid = "W_sized_by_other_layer"   # another layer's (n[k], n[k-1]) (diag6b)
                mid = _loop_pattern(params, dims) or mid
                problems.append(("shapes", f"initialize_parameters.{mid}", f"W{l} has shape {W.shape} but should be (n[{l}], n[{l - 1}]) = {(n, n_prev)}"
                                 + _in_symbols(W, (n, n_prev), dims, l)))
            else:
                problems += [("W", mid, text) for mid, text in _weight_problems(W.astype(np.float64), l, n_prev)]
        if b is not None:
            if type(b) is not np.ndarray:
                problems.append(("shapes", "initialize_parameters.wrong_shapes", f"b{l} should be an array of shape {(n, 1)}, got {kind(b)}"))
            elif b.shape != (n, 1):
                mid = "b_not_column" if b.shape in ((n,), (1, n)) else "wrong_shapes"
                if mid == "wrong_shapes" and b.shape == (n_prev, 1):   # counted by the layer before (diag6b)
                    mid = "b_sized_by_previous_layer"
                if mid == "wrong_shapes" and b.shape == (n, n_prev) and (n_prev, 1) != (n, n_prev):
                    mid = "b_shaped_like_W"      # np.zeros_like(W): W[l]'s shape (diag12)
                problems.append(("shapes", f"initialize_parameters.{mid}", f"b{l} has shape {b.shape} but should be (n[{l}], 1) = {(n, 1)}"
                                 + _in_symbols(b, (n, 1), dims, l)))
            elif np.any(b != 0):
                problems.append(("b", "initialize_parameters.b_not_zero", f"b{l} has non-zero entries"))
    problems = [p for p in problems if p[1]] or problems
    if not any(p[0] == "W" for p in problems):
        problems += _scale_problems(params, dims)
    return problems


def _sym(pattern):
    kind, k = pattern
    return f"n[{k}]" if kind == "const" else ("n[l]" if k == 0 else f"n[l{k:+d}]")


def shape_symbols(runs):
    """Words for W[l]'s wrong shapes said in layer_dims' symbols, when one pattern fits every layer of
    every wrong case: "W[l] is (n[l], n[0]) on every layer, where (n[l], n[l-1]) belongs" (a size set
    once before the loop); None when the shapes fit none or several (a small case cannot tell)."""
    rows = cols = None
    wrong_seen = False
    for dims, params in runs:
        dims = list(dims)
        for l in range(1, len(dims)):
            W = params.get(f"W{l}") if type(params) is dict else None
            if type(W) is not np.ndarray or W.ndim != 2:
                return None
            wrong_seen = wrong_seen or W.shape != (dims[l], dims[l - 1])
            fit = [{("const", k) for k, n in enumerate(dims) if n == size} |
                   {("off", k - l) for k, n in enumerate(dims) if n == size} for size in W.shape]
            rows = fit[0] if rows is None else rows & fit[0]
            cols = fit[1] if cols is None else cols & fit[1]
            if not rows or not cols:
                return None
    if not wrong_seen or rows is None:
        return None
    if len(rows) != 1 or len(cols) != 1:
        return None     # two readings fit every layer (equal sizes): say nothing
    r, c = next(iter(rows)), next(iter(cols))
    if (r, c) in ((("off", 0), ("off", -1)), (("off", -1), ("off", 0))):
        return None     # the lecture's shape, or its transpose (W_transposed says that)
    got, why = f"({_sym(r)}, {_sym(c)})", []
    if c == ("const", 0):
        why.append("its number of columns stays n[0] = layer_dims[0], the input's size: the size of the layer "
                   "before is set once, before the loop, and not updated at each layer")
    elif c != ("off", -1):
        why.append(f"{_sym(c)} is used where n[l-1], the size of the layer before, belongs")
    if r != ("off", 0):
        why.append(f"{_sym(r)} is used where n[l], the layer's own size, belongs")
    return f"W[l] is {got} on every layer, where (n[l], n[l-1]) belongs: " + "; ".join(why)


def _in_symbols(got, exp_shape, dims, l):
    """': (1, 3) = (n[2], n[0]) where (n[2], n[1]) belongs: ...' in layer_dims' symbols (:mod:`shapewords`),
    or '' when two of layer_dims' sizes coincide (two readings fit)."""
    from . import shapewords

    sizes = {}
    for k, n in enumerate(dims):
        sizes.setdefault(int(n), []).append(f"n[{k}]")
    words = shapewords.said(got, np.empty(exp_shape), sizes)
    return f": {words}" if words else ""


def _loop_pattern(params, dims, strict=True):
    """'n_prev_not_updated' when every W[l] has n[0] columns (the units of the layer before set once,
    before the loop), 'W_square' when every W[l] is (n[l], n[l]) (the layer's own units where the layer
    before's belong); None otherwise or when layer_dims cannot tell them from the lecture's shapes."""
    L = len(dims) - 1
    Ws = [params.get(f"W{l}") for l in range(1, L + 1)]
    if L < 2 or not all(type(W) is np.ndarray and W.ndim == 2 for W in Ws):   # strict=False: fits, maybe not told apart
        return None
    shapes = [W.shape for W in Ws]
    if shapes == [(dims[l], dims[0]) for l in range(1, L + 1)] and (not strict or sum(dims[l - 1] != dims[0] for l in range(2, L + 1)) >= 2):   # two layers: not one off-by-one
        return "n_prev_not_updated"
    if shapes == [(dims[l], dims[l]) for l in range(1, L + 1)] and (not strict or sum(dims[l - 1] != dims[l] for l in range(1, L + 1)) >= 2):
        return "W_square"
    return None


def _scale_problems(params, dims):
    """The notebook's scale, randn / sqrt(n[l-1]): judged on all layers' entries together, each times
    sqrt(n[l-1]), whose spread is then 1 (within 20 %; 100 entries estimate it to about 7 %)."""
    scaled = [params[f"W{l}"].astype(np.float64).ravel() * np.sqrt(dims[l - 1]) for l in range(1, len(dims))
              if type(params.get(f"W{l}")) is np.ndarray and params[f"W{l}"].shape == (dims[l], dims[l - 1])]
    entries = np.concatenate(scaled) if scaled else np.zeros(0)
    if entries.size < 100 or not np.isfinite(entries).all():
        return []
    spread = float(np.std(entries))
    if 0.8 <= spread <= 1.25:
        return []
    return [("W", "initialize_parameters.W_scale", "W[l] times sqrt(n[l-1]) should have a standard deviation "
             "close to 1 (W[l] = randn / np.sqrt(n[l-1])); yours is " + ("smaller" if spread < 0.8 else "larger"))]


def _weight_problems(W, l, n_prev):
    if not np.isfinite(W).all():
        return [("initialize_parameters.W_too_large", f"W{l} has NaN or infinite values")]
    if not np.any(W):
        return [("initialize_parameters.W_zeros", f"W{l} is all zeros")]
    if W.shape[0] >= 2 and np.all(W == W[0]):
        return [("initialize_parameters.W_symmetric", f"the {W.shape[0]} rows of W{l} are identical")]
    if W.size < 20:
        return []  # too few entries to judge their spread
    spread = float(np.std(W))
    if np.all(W >= 0):
        return [("initialize_parameters.W_not_centred", f"every entry of W{l} is positive")]
    largest = max(2.5 * np.sqrt(2.0 / n_prev), 0.3)   # He scaling sqrt(2/n[l-1]) with room to spare
    if spread > largest:
        # no measured numbers in the text: an unseeded learner's report must still read the same every run
        return [("initialize_parameters.W_too_large", f"the entries of W{l} have a standard deviation above "
                 f"{largest:.2f}, too large for n[{l - 1}] = {n_prev}")]
    if spread < 2e-3:
        return [("initialize_parameters.W_too_small", f"the entries of W{l} have a standard deviation below 0.002")]
    return []


def _unseeded(got, exp, args):
    """[(mistake id, sentence)] when every W[l] has the right properties but not the seeded values."""
    dims, seed = args
    for l in range(1, len(dims)):
        W, W_exp = got.get(f"W{l}"), exp[f"W{l}"]
        if type(W) is np.ndarray and W.shape == W_exp.shape and not np.allclose(W, W_exp, rtol=1e-6, atol=1e-9):
            from .draws import reading   # values2: the same stream read in another order or offset
            said = reading(dims, seed, got)
            if said:
                return [("initialize_parameters.W_draws_other", said)]
            return [("initialize_parameters.W_not_seeded", f"W{l} has the right shape but not the "
                     f"numbers of rng = np.random.RandomState({seed}) drawn layer by layer from W1")]
    return []


# what a learner divides the seeded randn(n[l], n[l-1]) by, in the lecture's sizes (the notebook's is
# sqrt(n[l-1]), the layer's number of inputs); each with what it means
_DIVISORS = (
    ("sqrt(n[l])", lambda d, l: np.sqrt(d[l]),
     "the layer's own number of units, where sqrt(n[l-1]), its number of inputs (the fan-in), belongs"),
    ("sqrt(n[0])", lambda d, l: np.sqrt(d[0]),
     "the input size for every layer: one scale, computed once, where each layer needs its own sqrt(n[l-1]), "
     "its number of inputs"),
    ("int(sqrt(n[l-1]))", lambda d, l: float(int(np.sqrt(d[l - 1]))),
     "the square root rounded down to a whole number (an int() or //), where sqrt(n[l-1]) itself belongs"),
    ("n[l-1]", lambda d, l: float(d[l - 1]),
     "n[l-1] without the square root, where sqrt(n[l-1]) belongs"),
    ("sqrt(n[l-2])", lambda d, l: np.sqrt(d[l - 2]) if l >= 2 else np.sqrt(d[0]),
     "the previous layer's number of inputs (n[l-2]), where this layer's own, sqrt(n[l-1]), belongs"),
    ("sqrt(n[l-1] + 1)", lambda d, l: np.sqrt(d[l - 1] + 1),
     "the layer's inputs plus one, as if the bias were an input: every W[l] is sqrt(n[l-1] / (n[l-1] + 1)) "
     "times the expected one; the bias is not counted, sqrt(n[l-1]) alone belongs"),
    ("sqrt(n[l-1] - 1)", lambda d, l: np.sqrt(d[l - 1] - 1) if d[l - 1] > 1 else 0.0,
     "the layer's inputs minus one: every W[l] is sqrt(n[l-1] / (n[l-1] - 1)) times the expected one; "
     "sqrt(n[l-1]) itself belongs"),
    ("sqrt((n[l-1] + n[l]) / 2)", lambda d, l: np.sqrt((d[l - 1] + d[l]) / 2),
     "the mean of the layer's inputs and units (Xavier/Glorot's scale), where sqrt(n[l-1]), its number of "
     "inputs, belongs"),
)


def _layer_factors(bad):
    """[(dims, l, k)] with W[l] = k * the expected W[l] on every layer of every wrong case, or None
    (some W[l] is not a multiple of the seeded one: other draws, or not one factor)."""
    out = []
    for (dims, _), got, exp in bad:
        for l in range(1, len(dims)):
            W, E = got.get(f"W{l}"), exp.get(f"W{l}")
            if type(W) is not np.ndarray or type(E) is not np.ndarray or W.shape != E.shape or not E.size:
                return None
            W, E = W.astype(np.float64), E.astype(np.float64)
            if not np.isfinite(W).all():
                return None
            k = float(np.sum(W * E) / np.sum(E * E))
            if not np.allclose(W, k * E, rtol=1e-6, atol=1e-12 * float(np.abs(E).max())):
                return None
            out.append((dims, l, k))
    return out if any(abs(k - 1) > 1e-6 for *_, k in out) else None


def _near(a, b):
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1e-12)


def _factor_said(bad):
    """(label, meaning) when every W[l] is a constant factor k[l] times the expected one (the seeded
    draws at another scale), said in the lecture's sizes: one k on every layer, the draws times a
    constant c with no / sqrt(n[l-1]), or k[l] layer by layer; None when the draws are not the seeded ones."""
    ks = _layer_factors(bad)
    if ks is None:
        return None
    k0 = ks[0][2]
    if all(_near(k, k0) for *_, k in ks):
        named = {np.sqrt(2.0): "He's scale, np.sqrt(2 / n[l-1]), where the notebook's 1 / np.sqrt(n[l-1]) belongs",
                 -1.0: "the sign is flipped (a minus in front)"}
        meaning = next((words for value, words in named.items() if _near(k0, value)), None)
        return (f"{fmt(k0)} times the expected one on every layer",
                meaning or "a factor the notebook's W[l] does not have, the same on every layer")
    cs = [k / np.sqrt(dims[l - 1]) for dims, l, k in ks]
    if all(_near(c, cs[0]) for c in cs):
        return (f"randn * {fmt(cs[0])}, which is sqrt(n[l-1]) * {fmt(cs[0])} times the expected one on each layer l",
                f"the draws are multiplied by {fmt(cs[0])} where they are divided by np.sqrt(n[l-1]) (the "
                "layer's number of inputs): the notebook's scale, not a fixed one")
    dims, _, _ = ks[0]
    said = ", ".join(f"{fmt(k)} on layer {l}" for d, l, k in ks if d == dims)
    return (f"k[l] times the expected one on each layer ({said})",
            "each layer's W[l] is the seeded one at another scale: divide the draws by np.sqrt(n[l-1]) and nothing else")


def _divisor(bad):
    """(label, meaning) of the one divisor of _DIVISORS such that every layer of every wrong case is
    the seeded randn(n[l], n[l-1]) divided by it, or None (the draws are not the seeded ones, or no
    divisor or more than one fits)."""
    fits = [True] * len(_DIVISORS)
    wrong_somewhere = False
    for (dims, _), got, exp in bad:
        for l in range(1, len(dims)):
            W, W_exp = got.get(f"W{l}"), exp.get(f"W{l}")
            if type(W) is not np.ndarray or type(W_exp) is not np.ndarray or W.shape != W_exp.shape:
                return None
            draws = W_exp.astype(np.float64) * np.sqrt(dims[l - 1])    # the seeded randn(n[l], n[l-1])
            W = W.astype(np.float64)
            wrong_somewhere = wrong_somewhere or not np.allclose(W, W_exp, rtol=1e-6, atol=1e-12)
            for i, (_, fn, _) in enumerate(_DIVISORS):
                if fits[i]:
                    d = fn(dims, l)
                    fits[i] = bool(d > 0 and np.allclose(W, draws / d, rtol=1e-6, atol=1e-12))
    hits = [_DIVISORS[i] for i, ok in enumerate(fits) if ok]
    return (hits[0][0], hits[0][2]) if wrong_somewhere and len(hits) == 1 else None


class InitializeParameters(Spec):
    """Graded by the seeded values; a wrong W is explained by its properties first."""

    name = "initialize_parameters"
    arg_names = ("layer_dims", "seed")
    parts = ("shapes", "b", "W")
    equation = "Look at W[l] (n[l], n[l-1]) with small random values and b[l] (n[l], 1) of zeros, for l = 1..L."
    n_random = 2

    def reference(self, layer_dims, seed):
        return dlkit.initialize_parameters(layer_dims, seed)

    def fixed_cases(self):
        return [([3, 2, 1], 1), ([100, 20, 5, 1], 3)]

    def random_case(self, rng, i):
        depth = 2 + i % 3
        return [int(n) for n in rng.integers(2, 40, depth)] + [1], int(rng.integers(0, 1000))

    def describe(self, args):
        return f"layer_dims = {args[0]}, seed = {args[1]}"

    def split(self, out, case):
        if type(out) is not dict:
            return {}, [self._finding(f"{self.name}.returns_wrong_structure", [f"Your function returned {kind(out)}."])]
        return {"shapes": out, "b": out, "W": out}, []

    def part_mismatch(self, part, got, exp, case):
        texts = [text for p, _, text in _init_problems(got, case.args[0]) if p == part]
        said = _factor_said([(case.args, got, exp)]) if part == "W" and type(got) is dict else None
        if said:    # the seeded draws at another scale, said as the factor it is, not as "other numbers" (diag12)
            return (texts[0] + "; " if texts else "") + f"every W[l] is {said[0]}"
        if not texts and part == "W":
            texts = [text for _, text in _unseeded(got, exp, case.args)]
        return texts[0] if texts else None

    def _bad_W(self, runs):
        out = []
        for case, got_parts, wrong in runs:
            if "W" in wrong and "W" in got_parts and type(got_parts["W"]) is dict:
                exp_parts, _ = self.split(case.expected, case)
                out.append((case.args, got_parts["W"], exp_parts["W"]))
        return out

    def _keys_said(self, runs):
        from . import keys
        pairs = [(got_parts["shapes"], case.expected) for case, got_parts, wrong in runs
                 if "shapes" in wrong and type(got_parts.get("shapes")) is dict and type(case.expected) is dict]
        said = keys.explain([(set(g), set(e)) for g, e in pairs]) if pairs else None
        return None if said and said[0] == "layers" else said   # whole layers: missing_layers, with the layers said

    def explain_part(self, part, bad_runs):
        """W: the seeded draws divided by another size than sqrt(n[l-1]) (:func:`_divisor`), named;
        the keys: one way they differ from W1..WL, b1..bL (:mod:`keys`)."""
        if part == "shapes":
            said = self._keys_said(bad_runs)
            if said is not None:
                case, _, wrong = bad_runs[0]
                return self._finding(f"{self.name}.keys_named", [f"With {case.label}: {wrong[part]}."], words=said[1])
            said = self._shapes_said(bad_runs)
            if said is not None:
                case, _, wrong = bad_runs[0]
                return self._finding(f"{self.name}.W_shape_symbols", [f"With {case.label}: {wrong[part]}."], words=said)
        if part == "W":
            found = _divisor(self._bad_W(bad_runs))
            if found is not None:
                case, _, wrong = bad_runs[0]
                return self._finding(f"{self.name}.W_divided_by_other", [f"With {case.label}: {wrong[part]}."],
                                     divisor=found[0], meaning=found[1])
            found = _factor_said(self._bad_W(bad_runs))
            if found is not None:
                case, _, wrong = bad_runs[0]
                return self._finding(f"{self.name}.W_scaled", [f"With {case.label}: {wrong[part]}."],
                                     factor=found[0], meaning=found[1])
        return super().explain_part(part, bad_runs)

    def _shapes_said(self, runs):
        """shape_symbols on the wrong cases, or None."""
        bad = [(case.args[0], got_parts.get("shapes")) for case, got_parts, wrong in runs if "shapes" in wrong]
        if bad and all(type(p) is dict and _loop_pattern(p, dims, strict=False) for dims, p in bad):
            return None     # the loop's named pattern (n_prev_not_updated, W_square) says it with its own id
        return shape_symbols(bad) if bad else None

    def diagnose(self, part, runs, mutant_cache):
        if part == "shapes" and self._keys_said(runs) is not None:
            return []    # the keys differ in one way the lecture names: explain_part says which
        if part == "shapes" and self._shapes_said(runs) is not None:
            return []    # W[l]'s shapes in layer_dims' symbols: explain_part says which size stands where
        if part == "W" and _divisor(self._bad_W(runs)) is not None:
            return []    # the draws are the seeded ones, divided by another size: explain_part names it
        ids, unseeded = [], []
        if part == "W" and _factor_said(self._bad_W(runs)) is not None \
                and not any(p == "W" for case, got_parts, wrong in runs if "W" in wrong
                            for p, _, _ in _init_problems(got_parts["W"], case.args[0])):
            return []    # the seeded draws at another scale, and no property off: explain_part says the factor
        for case, got_parts, wrong in runs:
            if part in wrong and part in got_parts:
                ids += [mid for p, mid, _ in _init_problems(got_parts[part], case.args[0]) if p == part and mid]
                if part == "W":
                    exp_parts, _ = self.split(case.expected, case)
                    unseeded += [mid for mid, _ in _unseeded(got_parts[part], exp_parts[part], case.args)]
        loop = [mid for mid in ids if mid.endswith((".n_prev_not_updated", ".W_square"))]
        if loop and all(f"{self.name}.{_loop_pattern(got_parts[part], case.args[0], strict=False)}" == loop[0]
                        for case, got_parts, wrong in runs if part in wrong and type(got_parts.get(part)) is dict):
            # every wrong case fits the loop's pattern (a small case cannot tell it from an off-by-one): it alone
            ids = [mid for mid in ids if not mid.endswith((".wrong_shapes", ".W_sized_by_other_layer"))]
        # "not the seeded numbers" only when no case shows a property off (a small case has too few
        # entries to judge the scale, so * 0.01 is only caught on the larger one)
        return list(dict.fromkeys(ids or unseeded))

    def _causes_checked(self, call, findings) -> list:
        """A missing layers' finding said as the return inside the loop when the source has one there
        (the function ended after layer 1), not as a loop's range (diag12)."""
        findings = super()._causes_checked(call, findings)
        if not findings or not findings[0].id.endswith(".missing_layers"):
            return findings
        from .chain import _return_in_loop

        early = _return_in_loop(self._learner_text(call) or "")
        if early is None:
            return findings
        first = findings[0]
        return [Finding(f"{self.name}.return_in_loop", hint_for(f"{self.name}.return_in_loop", why=early),
                        first.details)] + findings[1:]

    def _on_part_only(self, mid, part, runs, explains, mutant_cache) -> str:
        # the "b" and "W" parts are b's zeros and W's values: a wrong shape is never "on shapes only,
        # your b and W are right" (diag12)
        return "" if part == "shapes" else super()._on_part_only(mid, part, runs, explains, mutant_cache)

    def exception_mistake(self, err, case):
        key = causes.layer_key(err.message) if err.exc_type == "KeyError" else None
        if key and key[0] in ("W", "b") and not 1 <= key[1] <= len(case.args[0]) - 1:
            # a layer numbered outside 1..L: the loop's range is off (other KeyErrors: the plain fact)
            return "initialize_parameters.missing_layers"
        line = (err.line or "").replace(" ", "")
        if err.exc_type == "TypeError" and "zeros(" in line and "zeros((" not in line:
            return "initialize_parameters.zeros_shape_not_a_tuple"      # np.zeros(n, 1)
        if err.exc_type == "TypeError" and re.search(r"randn\(\(", line):
            return "initialize_parameters.randn_shape_tuple"            # np.random.randn((n, n_prev))
        return None


SPECS = [InitializeParameters()]
