"""An output stored right and then changed in place through another name (an alias), from the trace.

``n = grads["dA1"]`` (a name bound to an array that is already stored, not a copy), then
``n *= mask`` (or ``n[...] = ...``, ``np.f(..., out=n)``): the stored entry is the same array, so it
changes with n. From the tracer's steps (:mod:`trace`: each line's values, copied) an output entry is
said to be overwritten this way when, on the case:

* the returned entry is wrong, and a line that only binds a name to an existing array (``n = x[...]`` or
  ``n = x``) gave n the lecture's value of that entry;
* a later line changed n in place (an augmented assignment, an item assignment, ``out=n``), and the value
  n then held is the entry as returned.

Run only when the report would otherwise be generic (after :mod:`firstwrong` found nothing).
"""
from __future__ import annotations

import ast
import re

import numpy as np

from .mistakes import hint_for
from .result import Finding


def _close(a, b) -> bool:
    return (type(a) is np.ndarray and type(b) is np.ndarray and a.shape == b.shape and a.dtype.kind in "fiub"
            and b.dtype.kind in "fiub" and bool(np.allclose(a, b, rtol=1e-7, atol=1e-10)))


def _stmt(line):
    try:
        body = ast.parse((line or "").strip()).body
    except SyntaxError:
        return None
    return body[0] if len(body) == 1 else None


def _binds_alias(step, name) -> str | None:
    """The right-hand side's text when the step's line is ``name = x[...]`` or ``name = x``."""
    s = _stmt(step.line)
    if isinstance(s, ast.Assign) and len(s.targets) == 1 and isinstance(s.targets[0], ast.Name) \
            and s.targets[0].id == name and isinstance(s.value, (ast.Subscript, ast.Name)):
        return ast.unparse(s.value)
    return None


def _changes_in_place(step, name) -> bool:
    s = _stmt(step.line)
    if isinstance(s, ast.AugAssign):
        return isinstance(s.target, ast.Name) and s.target.id == name
    if isinstance(s, ast.Assign):
        return any(isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name) and t.value.id == name
                   for t in s.targets)
    if isinstance(s, ast.Expr) and isinstance(s.value, ast.Call):
        return any(k.arg == "out" and isinstance(k.value, ast.Name) and k.value.id == name for k in s.value.keywords)
    return False


def _label(key) -> str:
    m = re.fullmatch(r"(d?[AWbZ])(\d+)", str(key))
    return f"{m.group(1)}[{m.group(2)}]" if m else str(key)


def _entries(parts, expected):
    """(key, got, expected) for each wrong array entry of the output parts (dicts by key)."""
    for part, got in parts.items():
        exp = expected.get(part)
        if type(got) is dict and type(exp) is dict:
            for k, e in exp.items():
                if type(e) is np.ndarray and k in got and not _close(got[k], e):
                    yield k, got[k], e
        elif type(got) is np.ndarray and type(exp) is np.ndarray and not _close(got, exp):
            yield part, got, exp


def explain(spec, case, steps, got_parts):
    """The Finding for an output entry overwritten through an alias on ``case``, or None."""
    try:
        exp_parts, _ = spec.split(case.expected, case)
        for key, got, exp in _entries(got_parts or {}, exp_parts):
            if type(got) is not np.ndarray or got.shape != exp.shape:
                continue
            for i, step in enumerate(steps):
                if step.frame != 0:
                    continue
                for name, value in step.values.items():
                    if not _close(value, exp):
                        continue
                    rhs = _binds_alias(step, name)
                    if rhs is None:
                        continue
                    later = next((s for s in steps[i + 1:] if s.frame == 0 and name in s.values), None)
                    if later is None or not _changes_in_place(later, name) or not _close(later.values[name], got):
                        continue
                    hint = hint_for(f"{spec.name}.alias_changed_in_place", key=key, label=_label(key), name=name,
                                    rhs=rhs, first=step.lineno, then=later.lineno, line=later.line.strip())
                    return Finding(f"{spec.name}.alias_changed_in_place", hint,
                                   [f"line {step.lineno}: {step.line.strip()}", f"line {later.lineno}: {later.line.strip()}",
                                    f"With {case.label}."])
    except Exception:   # noqa: BLE001 - a diagnosis must never break the check
        return None
    return None
