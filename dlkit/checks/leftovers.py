"""Globals left over from demo cells: a learner's function that reads a notebook variable
(``m``, ``A``, ``lr``, ``parameters``, ...) where it should compute the value from its inputs or
use its own argument.

In the notebook the function object is at hand, so its byte code says which global names it
reads and which of its parameters it never uses (:func:`leftover_globals`). A grader that has
only the source can use :func:`global_reads_in_source` (same rule, from the definition's AST).
Only names that are data (not modules, functions or classes) count, and a checkpoint reports
them only when the output is wrong, so a harmless constant in correct code is never a finding.
"""
from __future__ import annotations

import ast
import dis
import types

import numpy as np

# names of the lecture's quantities: a global with one of these names stands for a value the
# function should compute from its inputs (a global constant such as EPS is left alone)
LECTURE_NAMES = {"m", "n", "L", "A", "A_prev", "Z", "W", "b", "dA", "dZ", "dW", "db", "AL", "Y", "X", "lr",
                 "alpha", "learning_rate", "parameters", "params", "grads", "caches", "cache", "linear_cache",
                 "layer_dims", "activation", "s", "dAL", "A0", "A1", "A2", "Z1", "Z2", "W1", "W2", "b1", "b2"}


def _codes(code):
    yield code
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield from _codes(const)


def _is_data(value) -> bool:
    return not (callable(value) or isinstance(value, types.ModuleType))


def describe_value(value) -> str:
    """'5', 'an array of shape (3, 4)', 'a dict with keys W1, b1, ...' for the report."""
    if type(value) in (int, float, bool) or type(value) is str and len(value) < 20:
        return repr(value)
    if isinstance(value, np.ndarray):
        return f"an array of shape {tuple(value.shape)}"
    if isinstance(value, dict):
        keys = ", ".join(str(k) for k in list(value)[:4])
        return f"a dict with keys {keys}{', ...' if len(value) > 4 else ''}"
    return f"a {type(value).__name__}"


def unused_parameters(fn) -> list:
    """The parameters of ``fn`` its body never reads."""
    code = getattr(fn, "__code__", None)
    if code is None:
        return []
    params = code.co_varnames[:code.co_argcount + code.co_kwonlyargcount]
    read = set()
    for c in _codes(code):
        for ins in dis.get_instructions(c):
            if ins.opname in ("LOAD_FAST", "LOAD_DEREF", "LOAD_CLOSURE", "LOAD_FAST_CHECK",
                              "LOAD_FAST_AND_CLEAR", "LOAD_FAST_LOAD_FAST"):
                read.add(ins.argval) if isinstance(ins.argval, str) else read.update(ins.argval)
        read.update(c.co_freevars)
    return [p for p in params if p not in read]


def leftover_globals(fn) -> list:
    """[(name, value described)] of the data globals ``fn`` reads that stand for an input or an unused argument."""
    code = getattr(fn, "__code__", None)
    namespace = getattr(fn, "__globals__", None)
    if code is None or not isinstance(namespace, dict):
        return []
    names = []
    for c in _codes(code):
        for ins in dis.get_instructions(c):
            if ins.opname in ("LOAD_GLOBAL", "LOAD_NAME") and ins.argval not in names:
                names.append(ins.argval)
    unused = unused_parameters(fn)
    found = []
    for name in names:
        if name not in namespace or not _is_data(namespace[name]):
            continue
        if name in LECTURE_NAMES or unused:
            found.append((name, describe_value(namespace[name])))
    return found


def global_reads_in_source(source: str, fn_name: str) -> list:
    """The names a function's definition reads without assigning them or taking them as parameters
    (the grader's static view; it does not know which are modules or functions)."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == fn_name:
            bound = {a.arg for a in node.args.args + node.args.kwonlyargs}
            for sub in ast.walk(node):
                if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store):
                    bound.add(sub.id)
                elif isinstance(sub, (ast.For, ast.comprehension)) and isinstance(sub.target, ast.Name):
                    bound.add(sub.target.id)
            reads = []
            for sub in ast.walk(node):
                if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Load) and sub.id not in bound \
                        and sub.id not in reads:
                    reads.append(sub.id)
            return reads
    return []


def _function_reads(node) -> tuple:
    """(names read but not bound, parameters never read) of an ast.FunctionDef."""
    params = [a.arg for a in node.args.posonlyargs + node.args.args + node.args.kwonlyargs]
    bound = set(params)
    loads = []
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store):
            bound.add(sub.id)
        elif isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Load) and sub.id not in loads:
            loads.append(sub.id)
        elif isinstance(sub, (ast.FunctionDef, ast.Lambda)) and sub is not node:
            bound.update(a.arg for a in sub.args.args)
    return [n for n in loads if n not in bound], [p for p in params if p not in loads]


def static_leftovers(node, data: dict) -> tuple:
    """The grader's view, from the source alone: ([(name, value text)], unused parameters) for the
    notebook-level data ``data`` (name -> the source of the value last assigned to it) that the
    function ``node`` (an ast.FunctionDef) reads, by the same rule as :func:`leftover_globals`."""
    reads, unused = _function_reads(node)
    found = [(name, data[name]) for name in reads if name in data and (name in LECTURE_NAMES or unused)]
    return found, unused


def finding_text(spec, fn, found, unused=None) -> str:
    """The hint for the first leftover global: which global, and what to use instead."""
    name, value = found[0]
    unused = unused_parameters(fn) if unused is None else unused
    if unused:
        instead = f"instead of using its argument {unused[0]}"
    elif name == "m":
        instead = "instead of computing it from the inputs (m is the number of columns, e.g. A_prev.shape[1])"
    else:
        instead = "instead of computing it from its own inputs"
    return (f"Your function reads the global {name} = {value} (left over from another cell) {instead}: "
            f"a function must work from its arguments alone.")


__all__ = ["leftover_globals", "unused_parameters", "global_reads_in_source", "static_leftovers", "finding_text"]
