"""A checkpoint spec: cases, comparisons, known mistakes, points.

``Spec.run(call, seed=None)`` is the whole judging algorithm, shared by the
notebook checkpoint and the batch grader:

1. build the cases (public ones; with ``seed``, hidden random ones too) and
   their expected outputs with dlkit's reference;
2. ask ``call`` to run the learner's function on each case (a
   :class:`LearnerError` is a finding, never a crash of the check);
3. report inputs changed in place, then compare each graded *part* of the
   output (e.g. dA_prev, dW, db) with type, shape and values;
4. for a wrong part, find the known mistakes (*mutants*: wrong variants of the
   reference) that reproduce the learner's output on every case, and report
   their hints; when none does, the *relation* between the learner's numbers
   and the reference's own quantities (:mod:`relations`; composites layer by
   layer, :mod:`layerwise`), else a precise shape/value message, preceded (as is numpy's message
   for a crash nothing recognised) by at most two constructs of the learner's own source that a
   correct solution never needs (:mod:`source`); when even those name nothing and the call can
   trace (the notebook's kernel, the grader's child), the first learner line whose value is not
   the lecture quantity its name claims (:mod:`firstwrong`, recorded by :mod:`trace`);
5. localise: a composite's helpers are checked first ("your linear_forward
   fails its own check: fix it first"), and a backward block is held against
   the numerical gradient of the learner's own forward.

The report puts the most specific findings first and keeps at most three; a
mistake seen only on a random public case comes with that case's inputs to
paste into a cell (never a hidden case's). Judging code only ever handles
plain data, so it is safe on hostile outputs.
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field

import numpy as np

from . import causes, compare, containers, crashes, leaves, relations, source, structure
from .mistakes import BROAD_MUTANTS, hint_for
from .numeric import roughly
from .plain import LearnerError, plain, same
from .result import CheckResult, Finding

PUBLIC_SEED = 20240
MAX_FINDINGS = 3       # a learner acts on the first few; more is noise
PASTE_ENTRIES = 30     # a case is pasted into the report only when it has at most this many numbers


# diag17: ids whose hint names a grouping of operators (a mutant's or a source rule's own formula):
# worded from the learner's line instead when its operators, bracketed otherwise, give the lecture's value
GROUPING_IDS = ("missing_parentheses", "divide_by_one")   # (cost_parentheses is worded from the value already)


def ordered(findings) -> list:
    """The most specific findings first: recognised mistakes, then a crash's own message, then
    constructs found in the learner's source (:mod:`source`), then generic ones."""
    def rank(f):
        if f.generic:
            return 3
        if ".source." in f.id:   # a construct in the code: after what the outputs showed, before the generic line
            return 2
        return 1 if f.id.endswith(("shape_error", "wrong_signature")) or ".raised_" in f.id else 0
    return sorted(findings, key=rank)


def _literal(x, budget):
    if type(x) is np.ndarray:
        budget[0] -= x.size
        return f"np.array({x.tolist()!r})"
    if type(x) in (tuple, list):
        inner = ", ".join(_literal(v, budget) for v in x)
        return f"({inner},)" if type(x) is tuple and len(x) == 1 else (f"({inner})" if type(x) is tuple else f"[{inner}]")
    if type(x) is dict:
        return "{" + ", ".join(f"{k!r}: {_literal(v, budget)}" for k, v in x.items()) + "}"
    return repr(x)


def paste(names, args):
    """'Z = np.array([[...]]); ...' for a case's inputs, or None when they hold too many numbers."""
    budget = [PASTE_ENTRIES]
    text = "; ".join(f"{n} = {_literal(a, budget)}" for n, a in zip(names, args))
    return text if budget[0] >= 0 else None


@dataclass
class Case:
    """One input for the learner's function, with dlkit's answer and facts about it (e.g. m)."""

    args: tuple
    expected: object = None
    info: dict = field(default_factory=dict)
    label: str = ""


@dataclass
class Mutant:
    """A known mistake as code: ``fn(*args)`` returns what a learner making it would return."""

    id: str
    fn: object


def describe_args(names, args) -> str:
    """'A_prev (3, 2), W (2, 3), b (2, 1)' for the learner to see which shapes were used."""
    parts = []
    for name, value in zip(names, args):
        if type(value) is np.ndarray:
            parts.append(f"{name} {compare.shape_text(value.shape)}")
        elif type(value) in (int, float, str, bool):
            parts.append(f"{name} = {value!r}")
    return ", ".join(parts)


def _float32(x):
    """The same case with every float array in float32 (containers converted recursively)."""
    if type(x) is np.ndarray and x.dtype.kind == "f":
        return x.astype(np.float32)
    if type(x) in (tuple, list):
        return type(x)(_float32(v) for v in x)
    if type(x) is dict:
        return {k: _float32(v) for k, v in x.items()}
    return x


def _has_float32(x) -> bool:
    if type(x) is np.ndarray:
        return x.dtype == np.float32
    if type(x) in (tuple, list):
        return any(_has_float32(v) for v in x)
    if type(x) is dict:
        return any(_has_float32(v) for v in x.values())
    return False


def agree(got, exp) -> bool:
    """Approximate equality of plain values: arrays and numbers within tolerance, containers recursively."""
    if type(exp) is np.ndarray or type(exp) in (int, float) and type(exp) is not bool:
        if type(exp) is not np.ndarray and type(got) is np.ndarray and got.shape != ():
            return False
        if type(exp) is float and not np.isfinite(exp):
            # a mutant's NaN or inf (a log of 0 without clipping) reproduces the same NaN or inf
            g = float(np.asarray(got, dtype=np.float64)) if compare.is_number(got) else 0.0
            return bool(np.isnan(g) and np.isnan(exp) or g == exp)
        return compare.close(got, exp)
    if type(exp) in (tuple, list):
        return type(got) in (tuple, list) and len(got) == len(exp) and all(agree(g, e) for g, e in zip(got, exp))
    if type(exp) is dict:
        return type(got) is dict and set(got) == set(exp) and all(agree(got[k], exp[k]) for k in exp)
    return same(got, exp)


def _finite(x) -> bool:
    """True if a plain value holds only finite numbers (containers recursively)."""
    if type(x) is np.ndarray:
        return x.dtype.kind not in "fc" or bool(np.isfinite(x).all())
    if type(x) is float:
        return bool(np.isfinite(x))
    if type(x) in (tuple, list):
        return all(_finite(v) for v in x)
    if type(x) is dict:
        return all(_finite(v) for v in x.values())
    return True


def _entries(x) -> int:
    """How many numbers a plain value holds (containers recursively)."""
    if type(x) is np.ndarray:
        return x.size
    if type(x) in (tuple, list):
        return sum(_entries(v) for v in x)
    if type(x) is dict:
        return sum(_entries(v) for v in x.values())
    return 1


def _skeleton(x):
    """A plain value's structure without its numbers: types, keys, lengths and shapes."""
    if type(x) is np.ndarray:
        return ("array", x.shape)
    if type(x) in (tuple, list):
        return (type(x).__name__, tuple(_skeleton(v) for v in x))
    if type(x) is dict:
        return ("dict", tuple((k, _skeleton(v)) for k, v in x.items()))
    return type(x).__name__


def roughly_parts(got, exp) -> bool:
    """Finite-difference agreement of two parts (arrays, or dicts of arrays)."""
    if type(exp) is dict:
        return type(got) is dict and all(k in got and roughly(got[k], exp[k]) for k in exp)
    return roughly(got, exp)


_SUBSTITUTE_IDS = (".operand_substituted", ".example_left_out")


def _same_claim(every_case, first_line) -> bool:
    """True when the traced line's finding ("... on this case it is E: X is used instead of Y") only
    repeats what the every-case finding already says (its E, or its "X is used instead of Y")."""
    m = re.search(r"on this case it is (.+?)\.?$", first_line.hint)
    if m is None:
        return False
    claim = m.group(1)
    parts = [claim.split(": ", 1)[1]] if ": " in claim else []
    return any(p and p in every_case.hint for p in parts + [claim])


class Spec:
    """Base class: one exercise's checkpoint. Subclasses fill in the class attributes and methods."""

    name = ""
    arg_names: tuple = ()
    parts: tuple = ()            # graded parts of the output, one point each
    helpers: tuple = ()          # other exercises ``call`` may be asked to run
    forward = None               # the forward exercise whose numerical gradient localises a backward
    mutable_args: tuple = ()     # indices of arguments the function may change in place
    equation = ""                # shown with shape errors: which equation to look at
    n_random = 3                 # random cases per set (public, then hidden)
    trace_lines = False          # offer the line tracer (firstwrong.py) the quantities of lecture_quantities

    # -- to be provided by subclasses ------------------------------------------------
    def reference(self, *args):
        raise NotImplementedError

    def fixed_cases(self) -> list:
        """Small cases a learner can reproduce by hand: a list of args tuples."""
        return []

    def random_case(self, rng: np.random.Generator, i: int) -> tuple:
        """The i-th random case (vary shapes with i): an args tuple."""
        raise NotImplementedError

    def case_info(self, args) -> dict:
        return {}

    def describe(self, args) -> str:
        """The inputs' shapes, e.g. 'A_prev (3, 2), W (2, 3), b (2, 1)' (never their values)."""
        return describe_args(self.arg_names, args)

    def split(self, out, case):
        """Map an output onto the graded parts: ``(dict part -> value, [Finding])``.

        The findings are problems with the output's structure (e.g. a tuple
        where one array belongs). A part missing from the dict is wrong.
        """
        return {self.parts[0]: out}, []

    def mutants(self) -> list:
        return []

    def part_mismatch(self, part, got, exp, case):
        """None if ``got`` is right for this part, else a sentence saying what is wrong."""
        text = compare.mismatch_any(part, got, exp, case.info.get("m"))
        return self._shape_in_symbols(text, got, exp, case)

    def _shape_in_symbols(self, text, got, exp, case):
        """``text`` with a wrong shape said in the case's symbols (:mod:`shapewords`) when one reading fits."""
        if text is None or type(got) is not np.ndarray or type(exp) is not np.ndarray or got.shape == exp.shape:
            return text
        from . import operands, shapewords

        words = shapewords.said(got, exp, operands.dims(self, case))
        return f"{text}: {words}" if words else text

    def quantities(self, case) -> dict:
        """The reference's own quantities on ``case`` (lecture name -> array), for relations."""
        return {}

    def lecture_quantities(self, case) -> list:
        """[(layer or None, {lecture family -> value})] for the line tracer (:mod:`firstwrong`):
        every quantity the exercise's equations name (families as in ``firstwrong.LECTURE``);
        by default :meth:`quantities` with the reference's own output parts added, for a spec
        that sets ``trace_lines`` (a composite's loop needs every layer's values, not the last one's)."""
        if not self.trace_lines:
            return []
        flat = dict(self.quantities(case))
        exp_parts, _ = self.split(case.expected, case)
        for part, value in exp_parts.items():
            if type(value) is np.ndarray or type(value) in (int, float):
                flat.setdefault(part, value)
        if "m" in case.info and case.info["m"]:
            flat.setdefault("m", case.info["m"])
        return [(None, flat)] if flat else []

    def to_float32(self, args):
        """The hidden float32 case made from ``args`` (a spec may move values float32 cannot hold)."""
        return _float32(args)

    def explain_part(self, part, bad_runs):
        """A Finding for a wrong part no mutant reproduces, or None: the relation that holds on every wrong case."""
        bad = []
        for case, got_parts, wrong in bad_runs:
            exp_parts, _ = self.split(case.expected, case)
            leaf = relations.first_leaf(got_parts.get(part), exp_parts[part], part)
            if leaf is None:
                return None
            label, g, e = leaf
            with np.errstate(all="ignore"):
                bad.append((case, g, e, label, self.quantities(case)))
        found = relations.explain(part, bad)
        if found is None:
            return None
        rid, fmt = found
        case, _, wrong = bad_runs[0]
        return Finding(f"{self.name}.{rid}", hint_for(f"{self.name}.{rid}", **fmt), [f"With {case.label}: {wrong[part]}."])

    def exception_mistake(self, err: LearnerError, case):
        """A mistake id (or (id, hint fields)) for an exception a known mistake causes, or None; only
        when that mistake's cause is in the learner's code (``err.source``, the text, when known: see
        :mod:`causes`)."""
        return None

    # Composites whose calls are judged (explain_calls): the mutant ids that claim something about
    # which calls they make (a layer missing, an activation): a call log in which every call is the
    # lecture's refutes them. VAGUE_WHERE: relations that say where a value is wrong, not why.
    call_claims = ()
    call_checked = ()   # other ids that make the log heard; dropped only when its finding refutes them by name
    VAGUE_WHERE = ("factor_on_some", "first_column_only", "columns_left_zero")

    def _calls_recheck(self, call, runs, findings) -> list:
        """The findings, with the composite's call log heard (explain_calls) when the first one only
        says where the output is wrong (VAGUE_WHERE) or claims something about the calls: the log's
        finding first; the claims it refutes (every call was the lecture's, the output is not what
        they gave) dropped. A claim the log confirms is left as it is, with nothing added."""
        first = ordered(findings)[0].id.rsplit(".", 1)[-1]
        if first not in self.call_claims + self.call_checked + self.VAGUE_WHERE:
            return findings
        found = self.explain_calls(call, runs)
        if found is None:
            return findings
        refuted = set(getattr(found, "refutes", ()))
        if refuted:
            return [found] + [f for f in findings if f.id.rsplit(".", 1)[-1] not in refuted]
        return [found] + findings if first in self.VAGUE_WHERE else findings

    def explain_calls(self, call, runs):
        """A Finding from the blocks the learner's function called by name, and with what (a ``call``
        that can note them offers ``calls``: the notebook's kernel), for a wrong output nothing else
        named; None by default."""
        return None

    def logged_calls(self, call, runs, blocks):
        """(case, what ``call.calls`` noted) for the learner's function run once more on the first
        wrong public case with ``blocks`` wrapped, or None (a ``call`` that cannot note calls, such
        as the grader's, no wrong public case, or nothing noted)."""
        calls = getattr(call, "calls", None)
        case = next((c for c, _, wrong in runs if wrong and not c.info.get("hidden")), None)
        if calls is None or case is None:
            return None
        got = calls(self.name, case.args, blocks)
        return None if got is None else (case, got)

    def extra_findings(self, runs) -> list:
        """Rule-based findings on all the (case, parts) runs, for properties that are not values."""
        return []

    def numeric_parts(self, call, case):
        """Backward specs: the graded parts computed from the numerical gradient of the learner's
        own forward (``self.forward``) on ``case``, or None when that forward is unusable."""
        return None

    def localise_numerically(self, call, case, got_parts, bad_parts):
        """(Finding or None, note or None): is the learner's forward or backward wrong?"""
        numeric = self.numeric_parts(call, case)
        if not numeric:
            return None, None
        checked = [p for p in numeric if p in bad_parts]
        if not checked:
            return None, None
        exp_parts, _ = self.split(case.expected, case)
        forward_right = all(roughly_parts(numeric[p], exp_parts[p]) for p in numeric)
        consistent = all(p in got_parts and roughly_parts(got_parts[p], numeric[p]) for p in checked)
        if not forward_right and consistent:
            return self._finding(f"{self.name}.forward_wrong", forward=self.forward), None
        if forward_right and not consistent:
            return None, (f"Numerical check: the gradient of your {self.forward} agrees with dlkit's, "
                          f"so the mistake is in {self.name} itself.")
        if not forward_right:
            return None, (f"Numerical check: your {self.forward} is wrong too (its numerical gradient "
                          f"differs from dlkit's): fix it as well.")
        return None, None

    # -- the shared algorithm ----------------------------------------------------------
    @property
    def max_points(self) -> int:
        return len(self.parts)

    def _seed_for(self, salt) -> np.random.Generator:
        return np.random.default_rng([int(salt), zlib.crc32(self.name.encode())])

    def cases(self, seed=None) -> list:
        """The public cases (and with ``seed`` the hidden ones), built once per seed: a check and the
        helpers' checks it runs ask for the same cases again (judging code only reads them)."""
        memo = self.__dict__.setdefault("_cases_memo", {})
        if seed not in memo:
            if len(memo) >= 4:   # a grader changes seed per submission: keep a few, not all
                memo.pop(next(iter(memo)))
            memo[seed] = self._build_cases(seed)
        return memo[seed]

    def _build_cases(self, seed=None) -> list:
        arg_sets = [tuple(a) for a in self.fixed_cases()]
        n_fixed = len(arg_sets)
        rng = self._seed_for(PUBLIC_SEED)
        arg_sets += [self.random_case(rng, i) for i in range(self.n_random)]
        if seed is not None:
            # hidden cases continue the list of shapes where the public ones stopped
            rng = self._seed_for(int(seed) % (2**63))
            hidden = [self.random_case(rng, self.n_random + i) for i in range(self.n_random)]
            # the last hidden case in float32: every correct formulation must survive it
            arg_sets += hidden[:-1] + [self.to_float32(hidden[-1])]
        cases = []
        for index, args in enumerate(arg_sets):
            args = plain(tuple(args))
            expected = plain(self.reference(*plain(args)))
            info = {**self.case_info(args), "float32": _has_float32(args), "fixed": index < n_fixed,
                    "hidden": index >= n_fixed + self.n_random}
            label = self.describe(args)
            cases.append(Case(args, expected, info, compare.redact_label(label) if info["hidden"] else label))
        return cases

    def _finding(self, mistake_id, details=(), **fmt):
        return Finding(mistake_id, hint_for(mistake_id, **fmt), list(details))

    def _stopped(self, err: LearnerError, n_cases: int) -> CheckResult:
        if err.kind == "timeout":
            f = self._finding(f"{self.name}.timeout", [err.message])
            return CheckResult(self.name, "timeout", 0, self.max_points, [f], cases=n_cases)
        from .specs import SPECS

        if err.message != self.name and err.message in SPECS:
            # The learner's function calls another one that is still a stub.
            f = self._finding(f"{self.name}.helper_not_implemented", helper=err.message)
        else:
            f = self._finding(f"{self.name}.not_implemented")
        return CheckResult(self.name, "not_implemented", 0, self.max_points, [f], cases=n_cases)

    def explain_crash(self, err: LearnerError, case) -> Finding:
        mistake_id = self.exception_mistake(err, case)
        details = []
        if err.line:
            details.append(f"line {err.lineno}: {err.line}")
        message = " ".join(err.message.split())  # one line, even for a message holding an array
        message = re.sub(r"array\(\[.*?\]\)", "array(...)", message)
        details.append(f"{err.exc_type}: {message[:200]}{'...' if len(message) > 200 else ''}")
        shape_error = err.exc_type == "ValueError" and any(
            w in err.message for w in ("shape", "broadcast", "matmul", "aligned", "dimension"))
        if shape_error or err.exc_type in ("IndexError", "KeyError", "TypeError"):
            details.append(f"The inputs were {case.label}.")
        # a KeyError's reason in the layer numbering 1..L, from the key and the dicts given (causes.key_cause)
        why = causes.key_cause(err.message, self.arg_names, case.args) if err.exc_type == "KeyError" else None
        why = f" Here {why}." if why else ""
        if why and mistake_id:   # the learner's own L, when it is not the number of layers (operands.explain_locals)
            from . import operands
            said = operands.explain_locals(self, err, case)
            if said and said[0] == "L_value_wrong":
                import ast
                fn = causes._tree(err.source)
                made = [n for n in ast.walk(fn) if isinstance(n, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == "L" for t in n.targets)] if fn is not None else []
                where = f" (your `{ast.unparse(made[0])}`)" if len(made) == 1 else ""
                why += f" {said[1].split(' where your code raised')[0]}{where}{said[1].split(' where your code raised')[1].split(', so the layer numbers')[0]}."
        if isinstance(mistake_id, tuple):   # (id, hint fields): a hint worded from the learner's code
            return Finding(mistake_id[0], hint_for(mistake_id[0], **mistake_id[1]) + why, details)
        if mistake_id:
            return Finding(mistake_id, hint_for(mistake_id) + why, details)
        named = crashes.explain(self, err, case)
        if named is not None:
            named.details.append(f"The inputs were {case.label}.")
            return named
        if err.exc_type == "TypeError" and not err.line and "positional argument" in err.message:
            # the call itself failed: the function's parameters are not the exercise's
            return Finding(f"{self.name}.wrong_signature",
                           f"{self.name} must take the arguments ({', '.join(self.arg_names)}), in this order.",
                           [f"TypeError: {message[:200]}"])
        if shape_error:
            return Finding(f"{self.name}.shape_error",
                           f"Your code raised a shape error: the shapes that met do not fit. {self.equation}", details)
        where = f" at line {err.lineno}" if err.line else ""
        if err.exc_type == "KeyError":   # a plain fact about the key, never a guess at its cause
            return Finding(f"{self.name}.raised_KeyError",
                           (f"{why.strip()[5:6].upper()}{why.strip()[6:]} " if why else "") +
                           f"Your code raised KeyError{where}: "
                           f"{causes.key_error_fact(err, self.arg_names, case.args)}",
                           [d for d in details if not d.startswith(err.exc_type + ":")])
        return Finding(f"{self.name}.raised_{err.exc_type}",
                       f"Your code raised {err.exc_type}{where}: {message[:150]}{'...' if len(message) > 150 else ''}",
                       [d for d in details if not d.startswith(err.exc_type + ":")])

    def _mutant_parts(self, mutant, case):
        try:
            with np.errstate(all="ignore"):
                out = plain(mutant.fn(*plain(case.args)))
        except Exception:
            return None
        got, _ = self.split(out, case)
        return got

    def diagnose(self, part, runs, mutant_cache):
        """Ids of the mutants that reproduce the learner's ``part`` on every case (else on every wrong case)."""
        everywhere, on_wrong = [], []
        if "mutants" not in mutant_cache:  # build them once: their outputs are cached by index
            mutant_cache["mutants"] = self.mutants()
        only = mutant_cache.get("only")   # when set, only these ids are still of interest
        # the cases where the part is wrong first: a mutant that misses one of them is dropped at once
        order = sorted(range(len(runs)), key=lambda i: part not in runs[i][2])
        for index, mutant in enumerate(mutant_cache["mutants"]):
            if only is not None and mutant.id not in only:
                continue
            ok_all, ok_wrong, finite_hit = True, True, False
            for case_index in order:
                case, got_parts, wrong = runs[case_index]
                key = (index, case_index)
                if key not in mutant_cache:
                    mutant_cache[key] = self._mutant_parts(mutant, case)
                mparts = mutant_cache[key]
                with compare.tolerance(case.info.get("float32", False)):
                    hit = mparts is not None and part in mparts and part in got_parts \
                        and agree(got_parts[part], mparts[part])
                if not hit:
                    ok_all = False
                    if part in wrong:
                        ok_wrong = False
                        break
                elif part in wrong and _finite(got_parts[part]):
                    finite_hit = True
            if ok_all:
                everywhere.append(mutant.id)
                mutant_cache.setdefault(("everywhere", part), set()).add(mutant.id)
            elif ok_wrong and finite_hit:   # NaN for NaN alone (a log of 0) names no particular mistake
                on_wrong.append(mutant.id)
        chosen = everywhere or on_wrong
        return list(dict.fromkeys(chosen))

    def run(self, call, *, seed=None, localise: bool = True, helper_results=None) -> CheckResult:
        """Judge the learner's function through ``call``; see the module docstring.

        ``helper_results`` (a mapping with ``.get(name)``) gives the helpers' own results when the
        caller has them (the grader graded them already, each in its own time budget); a helper
        it maps to None is missing. Without it a helper is checked again through ``call``.
        """
        cases = self.cases(seed)
        runs, crashes, raw = [], [], []
        findings: list[Finding] = []
        for case in cases:
            try:
                out, after = call(self.name, case.args)
            except LearnerError as err:
                if err.kind in ("timeout", "not_implemented"):
                    return self._stopped(err, len(cases))
                crashes.append((err, case))
                continue
            raw.append((case, out))
            got_parts, structural = self.split(out, case)
            exp_parts, _ = self.split(case.expected, case)
            wrong = {}
            for part in self.parts:
                if part not in got_parts:
                    # a structural finding already says what is wrong with the output's shape
                    problem = None if structural else f"{part} is missing from what your function returned"
                    wrong[part] = problem
                    continue
                with compare.tolerance(case.info.get("float32", False)):
                    problem = self.part_mismatch(part, got_parts[part], exp_parts[part], case)
                if problem and case.info.get("hidden"):
                    problem = compare.redact(problem)
                if problem:
                    wrong[part] = problem
            runs.append((case, got_parts, wrong))
            for f in structural:   # what was returned, piece by piece (diag16)
                findings.append(containers.returned(self, leaves.returned(self, f, out, case), out, case))
            changed = [self.arg_names[i] for i in range(len(case.args))
                       if i not in self.mutable_args and type(after) is tuple and len(after) == len(case.args)
                       and not same(after[i], case.args[i])]
            if changed:
                findings.append(self._finding(f"{self.name}.modifies_input", arg=changed[0]))

        if not crashes and raw:
            kept = self._state_between_calls(call, raw, runs)
            if kept is not None:
                findings.append(kept)
        nothing = [case for case, out in raw if out is None]
        # a composite's call log says it better (which layers ran before it stopped: chain.py), when there is one
        logged = type(self).explain_calls is not Spec.explain_calls and getattr(call, "calls", None) is not None
        if nothing and not logged and not any(f.id.endswith("returns_nothing") for f in findings):
            from . import pyerrors   # the function returned None: no return, or a path without one (diag9)

            found = pyerrors.returned_none(self, self._learner_text(call), nothing)
            if found is not None:
                findings.insert(0, found)
        if crashes:
            # the hints chosen from an exception check their cause in the learner's code (causes.py)
            crashes[0][0].source = self._learner_text(call)
            findings.insert(0, self.explain_crash(*crashes[0]))
        findings.extend(self.extra_findings(runs))

        order = structure.outputs_order(self, raw) if any(w for _, _, w in runs) else None
        if order is not None:   # every output is right, in another place: nothing else to say about them
            findings = [order] + [f for f in findings if f.id.endswith("modifies_input")]
        else:
            findings += self._weigh_mistakes(runs, public=seed is None,
                                             named=bool(crashes) or any(not f.generic for f in findings))

        # Localise: helpers first, then (backward blocks) the learner's own forward.
        if crashes:
            # The crash is the finding; a wrong shape on another case is its echo, not news.
            findings = [f for f in findings if not f.generic]
        notes = []
        if localise and (findings or crashes):
            findings, notes = self._localise(call, runs, findings, helper_results)

        findings = self._causes_checked(call, findings)
        for f in findings:   # "activation is ignored": why, when the learner's source shows it (causes.branch_cause)
            used = f.id.rsplit(".always_", 1)[-1] if ".always_" in f.id else None
            if used in ("relu", "sigmoid"):
                why = causes.branch_cause(self._learner_text(call), used)
                if why and why not in f.hint:
                    f.hint = f"{f.hint} {why}"
        if findings and not crashes:   # W2c: the activation's test evaluated over the loop (activationtest.py)
            from . import activationtest
            findings = activationtest.hooked(self, call, runs, findings)
        leftover = getattr(call, "leftover_finding", None)   # the notebook's kernel can see the function
        if findings and leftover is not None:
            found = leftover(self)
            if found is not None:   # a global from a demo cell behind a wrong output: the cause first
                findings = [found] + findings
        unnamed_crash = crashes and findings and (".raised_" in findings[0].id or findings[0].id.endswith(
            ".shape_error")) and not findings[0].id.endswith("raised_NameError")   # a missing name: not the code's numbers
        from . import wrongvalue
        from .wrongvalue import plain_fact   # W2a: "all zeros" is a fact about the value; its cause is still looked for
        if any(f.generic or plain_fact(f) for f in findings) or unnamed_crash:
            findings += self._source_findings(call, findings)
        if findings and not crashes and all(f.generic or plain_fact(f) for f in findings):
            # nothing names the mistake yet, not even the source rules: the first learner line
            # whose value leaves the lecture's computation (the line tracer, firstwrong.py)
            from . import concepts   # a wrong output that is one lecture expression on every wrong case

            with np.errstate(all="ignore"):
                said = concepts.explain_outputs(self, runs)
            found = self._first_wrong_line(call, runs)
            if said is not None and found is not None and _same_claim(said, found):
                # the same "X is used instead of Y" twice: once, with the line that computes it (the
                # line's id: the line is where the learner looks; the hint says it holds on every case)
                said, found = Finding(found.id, said.hint, said.details + [
                    d for d in found.details if d.startswith("line ") or " comes from line " in d]), None
            if found is not None:
                findings = [found] + findings
            found = self.explain_calls(call, runs)   # a composite's loop: the blocks it called, with what
            if found is not None:
                findings = [found] + findings
            if said is not None:    # confirmed on every wrong case: before the one traced case's line
                findings = [said] + findings
            # diag17: the line's own operators, bracketed otherwise, give the lecture's value: the cause itself
            # (unused.py: a result computed and never used, read where another name stands: the slip itself)
            findings.sort(key=lambda f: not f.id.endswith((".first_wrong_line_grouping", ".unused_result",
                                                     ".first_wrong_line_swap")))   # diagB: swaps.py
            findings = wrongvalue.arrange(findings)   # W2a: "X is all zeros" once, with its line, first
        elif findings and not crashes and self.call_claims:
            findings = self._calls_recheck(call, runs, findings)
        said_grouping = [i for i, f in enumerate(findings) if f.id.endswith(GROUPING_IDS)]
        if said_grouping and not crashes:
            # diag17: the mutant's (or source rule's) hint quotes its own formula; the learner's line,
            # bracketed so that it gives the lecture's value, says the same of the code they wrote (the id stays)
            grouped = self._first_wrong_line(call, runs)
            if grouped is not None and grouped.id.endswith(".first_wrong_line_grouping"):
                i = said_grouping[0]
                findings[i] = Finding(findings[i].id, grouped.hint, grouped.details)
        if findings and not crashes and findings[0].id.rsplit(".", 1)[-1] in BROAD_MUTANTS:
            findings[0] = self._broad_said(runs, findings[0])
        from . import oneedit   # diagF: one edit of the learner's function that makes it right (oneedit.py)
        if oneedit.wanted(findings, crashes, MAX_FINDINGS):   # composites too: oneedit.py caps its time
            found = oneedit.explain(self, call, self._learner_text(call), findings=findings,
                                   crashed=bool(crashes))
            if found is not None:   # after a crash's own finding: it says where; the edit says what to change
                findings.insert(oneedit.place(findings, crashes), found)
        if findings and type(self).explain_calls is not Spec.explain_calls:   # diagF: the layers' order (layerorder.py)
            from . import layerorder
            found = layerorder.explain(self, call, runs, crashes, findings)
            findings = ([found] if found is not None else []) + findings
        if findings and self.name in ("model_backward", "model_forward"):   # crashes2: one index for every layer
            from . import constindex
            findings = constindex.hooked(self, self._learner_text(call), findings, constindex.layers(self, cases))
        if findings:   # W2b: a Python-level cause in the learner's source (pylevel.py, dtypes.py), first
            from . import pylevel
            findings = pylevel.explain(self, call, runs, findings)
        if findings:   # r14fam: the returned container against the lecture's (a nested dict, extra keys)
            findings = findings + containers.layout(self, raw)   # after the findings that say which keys
        unique = {}
        for f in findings:  # one line per mistake, where it first appeared
            unique.setdefault(f.id, f)
        findings = ordered(list(unique.values()))[:MAX_FINDINGS]
        if findings and not crashes:   # values2: a value outside its quantity's range, said first (ranges.py)
            from . import ranges
            findings = ranges.prepend(self, runs, findings)
        correct = [p for p in self.parts if not crashes and all(p not in wrong for _, _, wrong in runs)]
        points = len(correct)
        status = "crashed" if crashes else ("failed" if findings else "passed")
        if status != "passed" and points == self.max_points:
            points -= 1  # e.g. right values but inputs changed in place
        return CheckResult(self.name, status, points, self.max_points, findings, notes, cases=len(cases))

    def _state_between_calls(self, call, raw, runs):
        """A function whose answer depends on what earlier calls did: the case with the smallest
        output, run once more after every other case, must give what it gave the first time.
        A default argument such as ``grads={}`` (one dict shared by every call) or a global list
        that the function appends to keeps what a deeper network's call put there; each case on
        its own may still look right. One extra call, on the smallest case: cheap."""
        case, first = min(raw, key=lambda r: _entries(r[0].expected))
        try:
            again, _ = call(self.name, case.args)
        except LearnerError:
            return None
        if same(again, first):
            return None
        first_right = not next(wrong for c, _, wrong in runs if c is case)
        if not first_right and _skeleton(again) == _skeleton(first):
            return None   # other numbers on a wrong answer: a random draw without the seed, said elsewhere
        text = self._learner_text(call) or ""
        default = re.search(r"def\s+\w+\s*\([^)]*?\b(\w+)\s*=\s*(\{\s*\}|\[\s*\]|dict\(\s*\)|list\(\s*\))", text)
        if default:
            return self._finding(f"{self.name}.state_default_argument", name=default.group(1), value=default.group(2))
        return self._finding(f"{self.name}.state_between_calls")

    def _causes_checked(self, call, findings) -> list:
        """Findings from a pattern in the output whose hint names a cause that must be in the code
        (docs/relations.md, "Preconditions"): whole numbers name // or a cast only when the source
        has one (a threshold, A > 0.5, gives whole numbers too); "clip A[L] first" only when the
        source does not clip (else its clip is named); an overflow of exp only when the source
        exponentiates; "the loop stops early" only when the source loops; "changed after it was cached"
        only when the source writes into an array or calls a helper that may. Otherwise the plain fact."""
        checked = {"integer_values": (causes.integer_cause, " holds whole numbers", "whole_numbers"),
                   "no_clipping": (lambda t: not causes.clips(t), " is NaN or infinite", "clip_not_enough"),
                   "overflow": (causes.exponentiates, " is NaN or infinite", "nan_where_large"),
                   "last_columns_zero": (causes.loops, " is right except", "columns_left_zero"),
                   "cache_overwritten": (causes.writes_in_place, " holds A, not Z", "holds_other")}
        text, out = None, []
        for f in findings:
            rule = checked.get(f.id.rsplit(".", 1)[-1])
            if rule is not None:
                text = text or self._learner_text(call)
            if rule is None or text is None or rule[0](text) is not False:
                out.append(f)
                continue
            cut, instead = rule[1], f"{self.name}.{rule[2]}"
            part = f.hint.split(cut, 1)[0] if cut in f.hint else "The output"
            if rule[2] == "clip_not_enough":   # the clip the learner wrote, named, when it is the cause
                named = [g for g in source.findings(self.name, text) if g.id.endswith(".source.clip_bounds")]
                if named:
                    out.append(Finding(named[0].id, named[0].hint, named[0].details + f.details))
                    continue
            index = re.search(r"column\(s\) (.*?), left at 0", f.hint)
            out.append(Finding(instead, hint_for(instead, part=part, exercise=self.name,
                                                 index=index.group(1) if index else "", other="A"), f.details))
        return out

    def _learner_text(self, call):
        """The learner's source of this exercise's function (text), or None when ``call`` cannot tell."""
        get = getattr(call, "learner_source", None)
        found = get(self.name) if get is not None else None
        return found[0] if found else None

    def _source_findings(self, call, findings) -> list:
        """The last resort before the generic line (or after numpy's message for a crash nothing
        recognised): constructs in the learner's own source that a correct solution never needs
        (:mod:`source`), at most two (one after a crash or when the outputs named something already)."""
        get = getattr(call, "learner_source", None)   # the notebook's kernel and the grader know the source
        found = get(self.name) if get is not None else None
        if not found:
            return []
        text, first_line = found
        limit = source.MAX_SOURCE_FINDINGS if all(f.generic for f in findings) else 1
        named = source.findings(self.name, text, first_line=first_line, limit=limit + 1)
        shown = {d for f in findings for d in f.details}
        for f in named:   # the crash's own "line N: ..." is on the report already
            f.details = [d for d in f.details if d not in shown]
        return named[:limit]

    def _weigh_mistakes(self, runs, public=False, named=False) -> list:
        """Findings for the wrong parts: the known mistakes that reproduce them, else a shape/value message."""
        findings = []
        mutant_cache = {}
        diagnosed = {}       # part -> (mistake ids, first problem, its case)
        for part in self.parts:
            bad = [(case, wrong[part]) for case, _, wrong in runs if wrong.get(part)]
            if bad:
                diagnosed[part] = (self.diagnose(part, runs, mutant_cache), *bad[0][::-1])
        if not diagnosed:
            return findings   # nothing wrong: no mistake to weigh (saves the grader time)
        # A mistake that explains more of the wrong parts wins over one that explains fewer
        # (a missing output layer explains both a wrong AL and a short caches list).
        explains = {}
        for part, (ids, _, _) in diagnosed.items():
            for mid in ids:
                explains.setdefault(mid, set()).add(part)
        kept = {mid for mid, parts in explains.items() if not any(parts < other for other in explains.values())}
        # Among those, a mistake that reproduces the whole output (right parts included) wins.
        mutant_cache["only"] = kept
        for part in self.parts:
            if part not in diagnosed:
                self.diagnose(part, runs, mutant_cache)
        full = set.intersection(*(mutant_cache.get(("everywhere", p), set()) for p in self.parts)) & kept
        if len(full) > 1:
            # mistakes that give exactly the same output are one finding: the exercise's own
            # (listed first) rather than one about a helper's code the learner may never have written
            order = {}
            for index, mutant in enumerate(mutant_cache["mutants"]):
                order.setdefault(mutant.id, index)
            full = {min(full, key=lambda mid: order.get(mid, len(order)))}
        covered = set().union(*(explains[mid] for mid in full)) if full else set()
        kept = {mid for mid in kept if mid in full or not (explains[mid] & covered)}
        reported = set()
        for part, (ids, problem, case) in diagnosed.items():
            ids = [mid for mid in ids if mid in kept]
            if ids:
                for mid in ids:
                    if mid not in reported:
                        reported.add(mid)
                        hint = leaves.with_words(self, mid, part, runs, hint_for(mid))   # the learner's own tree (diag16)
                        findings.append(Finding(mid, self._on_part_only(mid, part, runs, explains, mutant_cache) + hint,
                                                [f"With {case.label}: {problem}.",
                                                                     *self._try_it(case, part, runs, public)]))
            elif not any(part in explains[mid] for mid in kept):
                wrong_runs = [r for r in runs if r[2].get(part)]
                # pieces of a nested output in other places (diag16) before a relation on one piece's numbers
                related = structure.explain(self, part, wrong_runs) or self._normalised(part, wrong_runs)
                if related is None and self._keys_invented(part, wrong_runs):   # keys of no layer (W0) first
                    related = self._keys_explained(part, wrong_runs)
                if related is None:   # the pieces of a nested output in other places, said by place (diag16)
                    related = leaves.joined(leaves.finding(self, part, wrong_runs, True), self.explain_part(part, wrong_runs))
                if related is None or getattr(related, "generic", False):   # mixed with values of no reference:
                    mixed = leaves.finding(self, part, wrong_runs)            # where, not why (a generic line)
                    if mixed is not None:
                        mixed.generic, related = not mixed.clean, mixed
                if (related is None or getattr(related, "generic", False)) and not named and all(
                        f.generic or f.id.endswith(_SUBSTITUTE_IDS) for f in findings):
                    # only when nothing specific is said yet (a crash named on another case says it)
                    related = self._substitution_explained(part, wrong_runs) or related
                related = related or self._shape_explained(part, wrong_runs) or self._keys_explained(part, wrong_runs)
                if related is not None and related.id.endswith(_SUBSTITUTE_IDS) and any(
                        f.id == related.id for f in findings):
                    continue    # one substitution explains several parts: said once
                if related is not None:
                    related.details += self._try_it(case, part, runs, public)
                    findings.append(related)
                    continue
                findings.append(Finding(f"{self.name}.{part}_wrong", f"{problem}. {self.equation}".strip(),
                                        [f"(with {case.label})", *self._try_it(case, part, runs, public)], generic=True))
        return findings

    def _on_part_only(self, mid, part, runs, explains, mutant_cache) -> str:
        """'On b only (your W is right). ' when the mistake ``mid`` explains this part alone and would
        have changed the other parts, which the learner has right on every case; else ''."""
        if len(self.parts) < 2 or explains.get(mid) != {part}:
            return ""
        right = [p for p in self.parts if p != part and all(p not in wrong for _, _, wrong in runs)]
        if not right or len(right) != len(self.parts) - 1:
            return ""
        if any(mid in mutant_cache.get(("everywhere", p), set()) for p in right):
            return ""    # the mistake leaves those parts as they are: nothing to add
        verb = "is" if len(right) == 1 else "are"
        return f"On {part} only (your {' and '.join(right)} {verb} right). "

    def _broad_said(self, runs, finding):
        """A mutant id that stands for several variants (BROAD_MUTANTS: the slope is s (1 - s)) with
        the learner's own variant added, when the expression search names it on every wrong case
        (``dA[l] * s * s``: "s where 1 - s belongs"); the finding as it was otherwise."""
        from . import concepts

        with np.errstate(all="ignore"):
            said = concepts.explain_outputs(self, runs)
        if said is None or not said.id.endswith(".output_expression"):
            said = self._library_said(runs)   # values2: the variant as a lecture function ((1 - s)^2)
            if said is None:
                return finding
        return Finding(finding.id, finding.hint, [f"Here: {said.hint[0].lower()}{said.hint[1:]}", *finding.details],
                       generic=finding.generic)

    def _library_said(self, runs):
        """The one wrong part's lecture_function finding (wrongvalue.library_relation: "dA[l] times
        (1 - s)^2"), holding on every wrong case, or None."""
        wrong = [p for p in self.parts if any(w.get(p) for _, _, w in runs)]
        if len(wrong) != 1:
            return None
        found = self.explain_part(wrong[0], [r for r in runs if r[2].get(wrong[0])])
        return found if found is not None and found.id.endswith(".lecture_function") else None

    def _substitution_explained(self, part, wrong_runs):
        """The reference's computation with one input substituted, or with an example left out, that
        gives the learner's part on every wrong case (:mod:`substitute`), or None."""
        from . import substitute

        case, _, wrong = wrong_runs[0]
        found = substitute.substituted(self, part, wrong_runs)
        if found is not None:
            (_, _), pairs = found
            was = ", ".join(dict.fromkeys(w for w, _ in pairs))
            put = ", ".join(dict.fromkeys(p for _, p in pairs))
            return self._finding(f"{self.name}.operand_substituted", [f"With {case.label}: {wrong[part]}."],
                                 part=part, was=was, put=put)
        found = substitute.dropped_example(self, part, wrong_runs)
        if found is not None:
            which, by = found
            loop = "range(1, m) starts one late" if which == "first" else "range(m - 1) stops one early"
            return self._finding(f"{self.name}.example_left_out", [f"With {case.label}: {wrong[part]}."],
                                 part=part, which=which, by=by, loop=loop)
        return None

    def _shape_explained(self, part, wrong_runs):
        """A returned array of the wrong shape named as what it is (:func:`operands.explain_shape`), or None."""
        from . import operands, substitute

        flat = substitute.flattened(self, part, wrong_runs)
        if flat is not None:    # the right numbers in one column or row (diag13)
            case, _, wrong = wrong_runs[0]
            how = "reshape(-1, 1)" if flat == "column" else "reshape(1, -1)"
            return self._finding(f"{self.name}.flattened", [f"With {case.label}: {wrong[part]}."],
                                 part=part, which=flat, how=how)
        reduced = self._reduction_explained(part, wrong_runs)
        if reduced is not None:      # one number where an array belongs: np.max without axis, ...
            return reduced
        with np.errstate(all="ignore"):
            found = operands.explain_shape(self, part, wrong_runs)
        if found is None:
            return None
        case, _, wrong = wrong_runs[found[2]]   # the case the words were said of
        return Finding(f"{self.name}.{found[0]}", found[1], [f"With {case.label}: {wrong[part]}."])

    def _reduction_explained(self, part, wrong_runs):
        """One number (or one value per row / column) that is a reduction of the right array or of a
        quantity of the case (:mod:`reductions`), named, or None."""
        from . import operands, reductions

        with np.errstate(all="ignore"):
            found = reductions.explain(self, part, wrong_runs,
                                       lambda case: [(n.label, v) for n, v in operands.pool(self, case)])
        if found is None:
            return None
        (label, name, axis), index = found
        case, _, wrong = wrong_runs[index]
        exp = self.split(case.expected, case)[0][part]
        quantity = f"the right {part}" if label == "expected" else label
        words = reductions.words(part, quantity, name, axis, compare.shape_text(exp.shape))
        return Finding(f"{self.name}.reduced", words, [f"With {case.label}: {wrong[part]}."])

    def _normalised(self, part, wrong_runs):
        """An output whose entries sum to 1 per column (row) where the right one's do not: a softmax
        where an entry-by-entry function belongs (:func:`reductions.normalised`), or None."""
        from . import reductions

        with np.errstate(all="ignore"):
            found = reductions.normalised(self, part, wrong_runs)
        if found is None:
            return None
        axis, index = found
        case, _, wrong = wrong_runs[index]
        exp = self.split(case.expected, case)[0][part]
        return Finding(f"{self.name}.normalised",
                       reductions.normalised_words(part, axis, compare.shape_text(exp.shape)),
                       [f"With {case.label}: {wrong[part]}."], generic=True)   # a source rule or the
        # tracer that quotes the learner's softmax line still speaks first

    def _keys_invented(self, part, wrong_runs) -> bool:
        """True when a dict output holds keys the lecture's has not (W0, dW3 for L = 2) on a wrong case:
        then its keys are the finding, before what its values hold (keys missing alone are a chain's)."""
        for case, got_parts, _ in wrong_runs:
            got, (exp_parts, _) = got_parts.get(part), self.split(case.expected, case)
            if type(got) is dict and type(exp_parts.get(part)) is dict and set(got) - set(exp_parts[part]):
                return True
        return False

    def _keys_explained(self, part, wrong_runs):
        """A dict output whose keys differ from the lecture's in one way (:mod:`keys`), named, or None."""
        from . import keys

        pairs = []
        for case, got_parts, _ in wrong_runs:
            if type(got_parts.get(part)) is not dict:
                return None
            exp_parts, _ = self.split(case.expected, case)
            got = set().union(*(set(v) for v in got_parts.values() if type(v) is dict))
            exp = set().union(*(set(v) for v in exp_parts.values() if type(v) is dict))
            pairs.append((got, exp))
        said = keys.explain(pairs)
        if said is None:
            return None
        case, _, wrong = wrong_runs[0]
        return self._finding(f"{self.name}.keys_named", [f"With {case.label}: {wrong[part]}."], words=said[1])

    def _first_wrong_line(self, call, runs):
        """The tracer's finding (:mod:`firstwrong`) on the first wrong public case, or None.
        Only a ``call`` that can trace (the notebook's kernel) offers ``trace``."""
        tracer = getattr(call, "trace", None)
        if tracer is None:
            return None
        for case, got_parts, wrong in runs:
            if wrong and not case.info.get("hidden"):
                steps = tracer(self.name, case.args)
                if not steps:
                    return None
                from . import firstwrong

                from . import aliasing   # diagC: an entry stored right, then changed through an alias
                return (firstwrong.explain(self, case, steps, outputs=(got_parts, wrong))
                        or aliasing.explain(self, case, steps, got_parts))
        return None

    def _try_it(self, case, part, runs, public) -> list:
        """When a part is right on every fixed case and wrong on a random public one: that case's
        inputs, small enough to paste into a cell. Never for hidden cases (the grader shows shapes only)."""
        if not public or case.info.get("fixed") or any(
                c.info.get("fixed") and w.get(part) for c, _, w in runs):
            return []
        text = paste(self.arg_names, case.args)
        return [f"To try it: {text}"] if text else []

    def _localise(self, call, runs, findings, helper_results=None):
        from .specs import SPECS

        first, failing, details = [], [], []
        wrong_runs = [(case, got, wrong) for case, got, wrong in runs if wrong]
        for helper in self.helpers:
            # When there are wrong values, the numerical check below speaks for the forward;
            # after a crash it cannot, and a broken forward the learner calls may be the cause.
            if helper == self.name or helper not in SPECS or (helper == self.forward and wrong_runs):
                continue
            if helper_results is not None:
                result = helper_results.get(helper)
                if result is None:   # missing: the composite's own crash (a NameError) says so
                    continue
            else:
                try:
                    result = SPECS[helper].run(call, localise=False)
                except LearnerError:
                    continue
            # a helper cut short by the shared time budget has not shown a mistake
            if result.passed or result.status == "timeout" or self._helper_missing(result, helper):
                continue
            failing.append(helper)
            details += [f"{helper}: {h}" for h in result.hints[:2]]
        if failing:
            names = " and ".join([", ".join(failing[:-1]), failing[-1]] if len(failing) > 1 else failing)
            f = self._finding(f"{self.name}.helper_fails", details, helper=names)
            if len(failing) > 1:
                f.hint = f.hint.replace("fails its own check: fix it", "fail their own checks: fix them")
            first.append(f)
        if first:
            # A wrong helper explains wrong values; keep only the mistakes the spec recognised.
            findings = [f for f in findings if not f.generic]
        notes = []
        if self.forward and wrong_runs:
            # the smallest wrong case: a numerical gradient costs two forward calls per input entry
            case, got, wrong = min(wrong_runs, key=lambda run: _entries(run[0].args))
            f, note = self.localise_numerically(call, case, got, set(wrong))
            if f is not None:
                first.append(f)
            if note:
                notes.append(note)
        return first + findings, notes

    @staticmethod
    def _helper_missing(result, helper) -> bool:
        return result.status == "crashed" and any(
            f.id.endswith("raised_NameError") and f"'{helper}'" in " ".join([f.hint, *f.details])
            for f in result.findings[:1])


__all__ = ["Spec", "Case", "Mutant", "agree", "describe_args", "roughly_parts"]
