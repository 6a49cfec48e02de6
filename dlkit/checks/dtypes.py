"""An output array of the wrong kind of numbers (W2b): dtype bool or an integer where the lecture's
quantity is an array of floats, said by its dtype and where the learner's source made that dtype
(np.zeros_like of a comparison's mask, dtype=int, .astype(int), //). Said only when the learner's
values are the lecture's values stored into that kind (bool(x): x != 0; int(x): trunc(x)) on a wrong
case, and the source shows where the kind came from.

A bool array can only hold True and False: every number stored into it becomes True (any non-zero)
or False, so its values look like a 0/1 slope; an int array drops every fraction. Only arrays are
judged, on a wrong part; the hint names the kind the learner's array is and the kind that belongs.
"""
from __future__ import annotations

import ast

import numpy as np

_LIKE = ("zeros_like", "ones_like", "empty_like", "full_like")


def _kind(x):
    if type(x) is not np.ndarray:
        return None
    return "bool" if x.dtype.kind == "b" else "int" if x.dtype.kind in "iu" else None


def _is_mask(node, masks) -> bool:
    if isinstance(node, ast.Compare):
        return True
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Invert):
        return _is_mask(node.operand, masks)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.BitAnd, ast.BitOr)):
        return _is_mask(node.left, masks) or _is_mask(node.right, masks)
    return isinstance(node, ast.Name) and node.id in masks


def _origin(text, kind):
    """A sentence saying where a bool (int) array comes from in the learner's source, or ''."""
    from .causes import _tree

    fn = _tree(text)
    if fn is None:
        return ""
    masks = set()
    stmts = sorted((n for n in ast.walk(fn) if isinstance(n, (ast.Assign, ast.Return)) and n.value is not None),
                   key=lambda n: n.lineno)
    for n in stmts:
        names = [t.id for t in getattr(n, "targets", []) if isinstance(t, ast.Name)]
        if _is_mask(n.value, masks):
            masks.update(names)
        v = n.value
        if isinstance(v, ast.Call) and isinstance(v.func, ast.Attribute) and v.func.attr == "astype":
            pass
        elif isinstance(v, ast.Call):
            pass
        else:   # a cast inside the value: np.maximum(Z, 0).astype(int) * 1
            v = next((c for c in ast.walk(v) if isinstance(c, ast.Call) and (
                isinstance(c.func, ast.Attribute) and c.func.attr in _LIKE + ("astype",)
                or any(k.arg == "dtype" for k in c.keywords))), v)
        line = (ast.get_source_segment(text, n) or ast.unparse(n)).split("\n")[0].strip()
        if isinstance(v, ast.Call):
            f = v.func
            fname = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
            dtype = next((k.value for k in v.keywords if k.arg == "dtype"), None)
            dt = ast.unparse(dtype) if dtype is not None else ""
            if fname in _LIKE and v.args and not dt:
                src = v.args[0]
                if kind == "bool" and _is_mask(src, masks):
                    what = (f"{ast.unparse(src)}, a comparison's result" if isinstance(src, ast.Name)
                            else "a comparison's result")
                    return (f"`{line}` takes its dtype from {what} (a mask of True/False), so every number "
                            f"stored into it becomes True (1) or False (0); np.{fname} of a float array "
                            f"(Z, dA), or dtype=float, gives floats")
            if dt and (kind == "bool" and "bool" in dt or kind == "int" and "int" in dt):
                return f"`{line}` asks for dtype={dt}: the array can hold only {'True/False' if kind == 'bool' else 'whole numbers'}"
            if fname == "astype" and v.args and (kind in ast.unparse(v.args[0])):
                return f"`{line}` converts to {ast.unparse(v.args[0])}: the array holds only {'True/False' if kind == 'bool' else 'whole numbers'}"
    if kind == "int" and any(isinstance(n, (ast.BinOp, ast.AugAssign)) and isinstance(n.op, ast.FloorDiv)
                             for n in ast.walk(fn)):
        return "// is integer (floor) division: it drops the fractions"
    return ""


def explain(spec, call, runs):
    """A Finding for a wrong part returned as a bool or integer array where the lecture's is an array
    of floats (else, from the line tracer, a lecture quantity's line that made one), or None."""
    from .mistakes import hint_for
    from .result import Finding

    found = _returned(spec, call, runs, hint_for, Finding)
    return found if found is not None else _traced(spec, call, runs, hint_for, Finding)


def _traced(spec, call, runs, hint_for, Finding):
    """The first traced line of the learner's function that gives a name of a lecture quantity (dZ, A,
    dW, ...) a bool or integer array made by a construct of the source (np.zeros_like of a mask,
    dtype=int, .astype(bool)), on the first wrong public case; None otherwise (or when ``call``
    cannot trace). The source is read first: no construct, no traced run."""
    from . import firstwrong

    tracer = getattr(call, "trace", None)
    text = spec._learner_text(call)
    if tracer is None or text is None or not (_origin(text, "bool") or _origin(text, "int")):
        return None
    case = next((c for c, _, w in runs if w and not c.info.get("hidden")), None)
    if case is None:
        return None
    for step in tracer(spec.name, case.args) or []:
        if step.frame != 0:
            continue
        for name, value in step.values.items():
            kind, fam = _kind(value), firstwrong.family(name)
            if kind is None or fam not in firstwrong.LECTURE or value.ndim == 0 or fam in ("L", "m"):
                continue
            origin = _origin(text, kind)
            if not origin or step.line.strip() not in origin:
                continue
            what = ("a boolean array (dtype bool: True/False only)" if kind == "bool"
                    else f"an array of integers (dtype {value.dtype}: whole numbers only)")
            words = (f"Your {name} (line {step.lineno}) is {what} where the lecture's {firstwrong.LECTURE[fam][0]} "
                     f"is an array of floats. {origin[0].upper()}{origin[1:]}.")
            rid = "bool_array" if kind == "bool" else "int_array"
            return Finding(f"{spec.name}.{rid}", hint_for(f"{spec.name}.{rid}", words=words),
                           [f"With {case.label}."])
    return None


def _returned(spec, call, runs, hint_for, Finding):
    """A wrong output part that is a bool or integer array holding the lecture's values in that kind."""
    from . import firstwrong

    for case, got_parts, wrong in runs:
        if not wrong:
            continue
        exp_parts, _ = spec.split(case.expected, case)
        for part in wrong:
            got, exp = got_parts.get(part), exp_parts.get(part)
            kind = _kind(got)
            if kind is None or type(exp) is not np.ndarray or exp.dtype.kind != "f":
                continue
            if got.shape != exp.shape:
                continue
            with np.errstate(all="ignore"):
                cast = exp != 0 if kind == "bool" else np.trunc(exp)
            if not np.array_equal(got.astype(np.float64), np.asarray(cast, dtype=np.float64)):
                continue    # not the lecture's values stored into that kind ((Z > 0) * 1 is an int array too)
            origin = _origin(spec._learner_text(call), kind)
            if not origin:
                continue    # a comparison returned as it is: the dtype is not where the mistake is
            what = ("a boolean array (dtype bool: True/False only)" if kind == "bool"
                    else f"an array of integers (dtype {got.dtype}: whole numbers only)")
            lost = ("a non-zero value comes out as True (1), a zero as False (0)" if kind == "bool"
                    else "every fraction was dropped")
            fam = firstwrong.family(part)
            label = firstwrong.LECTURE[fam][0] if fam in firstwrong.LECTURE else part
            words = (f"Your {part} is {what} where the lecture's {label} is an array of floats: {lost}. "
                     f"{origin[0].upper()}{origin[1:]}.")
            rid = "bool_array" if kind == "bool" else "int_array"
            return Finding(f"{spec.name}.{rid}", hint_for(f"{spec.name}.{rid}", words=words),
                           [f"With {case.label}: {wrong[part]}."])
    return None


__all__ = ["explain"]
