"""A failed subscript said by the axes its indices run over (helper crashes2).

Two crashes numpy words in its own terms, said in the learner's:

* ``IndexError: index 3 is out of bounds for axis 0 with size 3`` on ``dZ[j, i] = 0``: each index
  name of the failing subscript is traced to the loop that binds it (``for j in range(Z.shape[1])``,
  ``for i, j in zip(*np.where(Z <= 0))``, ``np.argwhere``, ``np.ndindex``), which says which axis of
  which array it runs over. An index running over the columns (the m examples) that indexes the
  rows is said as such ("the two indices are swapped" when both are); an index over the right axis
  whose range goes past it (``range(n + 1)``) is "one too far"; an index over another array's axis
  of a larger size says both arrays.
* ``could not broadcast input array from shape (2,1) into shape (2,)`` on ``dZ[:, j] = value``:
  the target slice and the value are named with their shapes in the lecture's symbols ((n[l],) a
  1-D column slice, (n[l], 1) a 2-D column) and the fix is said.

Both read only the failing line (parsed, never run), the learner's function (``err.source``), the
learner's local shapes where it raised and the case's arguments; nothing is claimed that the source
does not show. Rules take pyerrors' ``_Line`` and return ``(suffix, hint)`` or None.
"""
from __future__ import annotations

import ast
import re

AXIS = ("rows", "columns")
_OOB = re.compile(r"index (-?\d+) is out of bounds for axis (\d+) with size (\d+)")
_INTO = re.compile(r"could not broadcast input array from shape \(([\d, ]*)\) into shape \(([\d, ]*)\)")
_WHERE = {"np.where", "numpy.where", "np.nonzero", "numpy.nonzero", "np.argwhere", "numpy.argwhere"}


def _shape(L, name):
    """The shape of the learner's array ``name`` where it raised, or of the argument it never reassigns."""
    got = L.local.get(name)
    if type(got) is tuple:
        return got
    value = L.args.get(name)
    if hasattr(value, "shape") and not L.assignments(name):
        return tuple(int(n) for n in value.shape)
    return None


def _sizes(L):
    from .operands import dims

    try:
        return dims(L.spec, L.case)
    except Exception:   # noqa: BLE001 - symbols are a nicety: plain numbers stay
        return {}


def _symbol(n, sizes):
    names = sizes.get(int(n), [])
    return names[0] if len(names) == 1 else None


def _axis_words(axis, size, sizes, m):
    """'the columns (axis 1, the m = 5 examples)' for a 2-D lecture array's axis."""
    what = AXIS[axis] if axis < 2 else f"axis {axis}"
    sym = "m" if size == m and axis == 1 else _symbol(size, sizes)
    if sym == "m":
        return f"the {what} (axis {axis}, the m = {size} examples)"
    if sym:
        return f"the {what} (axis {axis}, {sym} = {size})"
    return f"the {what} (axis {axis}, size {size})"


def _bound(L, node, depth=0):
    """(array, axis, shift) of a range bound: X.shape[k], len(X), a name set once to one, +/- a constant."""
    if depth > 4 or node is None:
        return None
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)) and isinstance(node.right, ast.Constant) \
            and type(node.right.value) is int:
        inner = _bound(L, node.left, depth + 1)
        if inner:
            return inner[0], inner[1], inner[2] + (node.right.value if isinstance(node.op, ast.Add) else -node.right.value)
        return None
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and node.value.attr == "shape" \
            and isinstance(node.value.value, ast.Name) and isinstance(node.slice, ast.Constant) \
            and type(node.slice.value) is int:
        return node.value.value.id, node.slice.value, 0
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "len" and len(node.args) == 1 \
            and isinstance(node.args[0], ast.Name):
        return node.args[0].id, 0, 0
    if isinstance(node, ast.Name):
        stores = L.assignments(node.id)
        if len(stores) != 1:
            return None
        stmt, value = stores[0]
        if value is not None:
            return _bound(L, value, depth + 1)
        # n, m = X.shape: the name's position in the target is the axis
        if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Attribute) and stmt.value.attr == "shape" \
                and isinstance(stmt.value.value, ast.Name) and isinstance(stmt.targets[0], ast.Tuple):
            for k, e in enumerate(stmt.targets[0].elts):
                if isinstance(e, ast.Name) and e.id == node.id:
                    return stmt.value.value.id, k, 0
    return None


def _first_array(L, node):
    """The first name in ``node`` that is a 2-D array of the learner's (for np.where(Z <= 0): Z)."""
    for n in ast.walk(node):
        if isinstance(n, ast.Name):
            s = _shape(L, n.id)
            if s is not None and len(s) == 2:
                return n.id
    return None


def _origins(L):
    """loop variable -> (array, axis, shift, loop statement) for the loops of the learner's function."""
    out = {}
    if L.fn is None:
        return out
    for loop in ast.walk(L.fn):
        if not isinstance(loop, ast.For):
            continue
        tgt, it = loop.target, loop.iter
        if isinstance(tgt, ast.Name) and isinstance(it, ast.Call) and isinstance(it.func, ast.Name) \
                and it.func.id == "range" and 1 <= len(it.args) <= 2:
            got = _bound(L, it.args[-1])
            if got is not None:
                out.setdefault(tgt.id, []).append((*got, loop))
            continue
        if not isinstance(tgt, (ast.Tuple, ast.List)):
            continue
        inner = it
        if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name) and inner.func.id == "zip" \
                and len(inner.args) == 1 and isinstance(inner.args[0], ast.Starred):
            inner = inner.args[0].value
        if not (isinstance(inner, ast.Call) and inner.args):
            continue
        fn = ast.unparse(inner.func)
        array = None
        if fn in _WHERE and len(inner.args) == 1:
            array = _first_array(L, inner.args[0])
        elif fn in ("np.ndindex", "numpy.ndindex") and len(inner.args) == 1 and isinstance(inner.args[0], ast.Attribute) \
                and inner.args[0].attr == "shape" and isinstance(inner.args[0].value, ast.Name):
            array = inner.args[0].value.id
        if array is None:
            continue
        for k, e in enumerate(tgt.elts):
            if isinstance(e, ast.Name):
                out.setdefault(e.id, []).append((array, k, 0, loop))
    return {k: v[0] for k, v in out.items() if len(v) == 1}   # a name bound by two loops: which one ran is unknown


def index_past_axis(L):
    """("index_out_of_range", hint) for an IndexError on an axis of a 2-D array, said by the loop its
    index runs over, or None."""
    found = _OOB.search(L.message)
    if found is None or L.fn is None or L.stmt is None:
        return None
    idx, axis, size = (int(g) for g in found.groups())
    origins = _origins(L)
    sizes, m = _sizes(L), L.case.info.get("m")
    hits = []
    for sub in L.nodes():
        if not (isinstance(sub, ast.Subscript) and isinstance(sub.value, ast.Name) and isinstance(sub.slice, ast.Tuple)):
            continue
        X = sub.value.id
        shape = _shape(L, X)
        elts = sub.slice.elts
        if shape is None or len(shape) != 2 or len(elts) != 2 or axis > 1 or shape[axis] != size:
            continue
        e = elts[axis]
        if not (isinstance(e, ast.Name) and e.id in origins):
            continue
        B, q, shift, loop = origins[e.id]
        sb = _shape(L, B)
        if sb is None or q >= len(sb) or sb[q] + shift <= size:   # the loop cannot reach this index
            continue
        ok, value = L.recorded(e.id)
        if ok and not (isinstance(value, int) or hasattr(value, "__index__")) or ok and int(value) != idx:
            continue
        hits.append((sub, X, shape, e.id, B, q, shift, sb, loop))
    if len(hits) != 1:
        return None
    sub, X, shape, v, B, q, shift, sb, loop = hits[0]
    text, loop_text = L.text(sub), L.source_line(loop)
    runs = f"{v} runs over {_axis_words(q, sb[q], sizes, m)} of {B} (`{loop_text}`, {L.at(loop)})"
    if q != axis:
        other = sub.slice.elts[q]
        both = isinstance(other, ast.Name) and origins.get(other.id, (None, None))[:2] == (B, axis)
        fix = ast.unparse(ast.Subscript(value=sub.value, slice=ast.Tuple(elts=sub.slice.elts[::-1], ctx=ast.Load()),
                                        ctx=ast.Load())) if both else None
        tail = (f"; {other.id} runs over the {AXIS[axis]} and indexes the {AXIS[q]}: the two indices are swapped: "
                f"write {fix}") if both else (f": the index is in the wrong place (the {AXIS[q]} index goes "
                                              f"second)" if q == 1 else ": the index is in the wrong place")
        return "index_out_of_range", (f"`{text}`: {runs}, but indexes {_axis_words(axis, size, sizes, m)} of {X} "
                                      f"{shape}, so at {v} = {idx} it is past the last of them{tail}.")
    if B == X or sb[q] == size:
        return "index_out_of_range", (f"`{text}`: {runs}, and its range goes to {B}.shape[{q}] {shift:+d} - 1 = "
                                      f"{sb[q] + shift - 1}: the bound is {shift} too far (the last index of an "
                                      f"axis of size {size} is {size - 1}, so range({B}.shape[{q}]) reaches it).")
    return "index_out_of_range", (f"`{text}`: {runs}, size {sb[q]}, but indexes {_axis_words(axis, size, sizes, m)} "
                                  f"of {X} {shape}: the loop's bound comes from another array than the one it "
                                  f"indexes.")


def _dims(text):
    return tuple(int(n) for n in text.split(",") if n.strip())


def _shape_words(shape, sizes, m, axis_of=None):
    """'(n[l],) = (2,): a 1-D slice' or '(n[l], 1) = (2, 1): a 2-D column' for a small shape."""
    syms = []
    for k, n in enumerate(shape):
        s = "m" if n == m and (len(shape) == 1 and axis_of == 1 or len(shape) == 2 and k == 1 and n != 1) else \
            "1" if n == 1 and len(shape) == 2 else _symbol(n, sizes)
        syms.append(s)
    lecture = "" if None in syms else "(" + ", ".join(syms) + ("," if len(syms) == 1 else "") + ") = "
    plain = "(" + ", ".join(str(n) for n in shape) + ("," if len(shape) == 1 else "") + ")"
    if len(shape) == 1:
        kind = "a 1-D array"
    elif len(shape) == 2 and shape[1] == 1:
        kind = "a 2-D column"
    elif len(shape) == 2 and shape[0] == 1:
        kind = "a 2-D row"
    else:
        kind = f"a {len(shape)}-D array"
    return f"{lecture}{plain}, {kind}"


def slice_assignment(L):
    """("slice_assignment_shape", hint) for a value stored into a slice of another shape, or None."""
    found = _INTO.search(L.message)
    if found is None or not isinstance(L.stmt, (ast.Assign, ast.AugAssign)):
        return None
    targets = L.stmt.targets if isinstance(L.stmt, ast.Assign) else [L.stmt.target]
    subs = [t for t in targets if isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name)]
    if len(subs) != 1 or len(targets) != 1:
        return None
    value, into = _dims(found.group(1)), _dims(found.group(2))
    target = subs[0]
    X = target.value.id
    shape = _shape(L, X)
    sizes, m = _sizes(L), L.case.info.get("m")
    elts = target.slice.elts if isinstance(target.slice, ast.Tuple) else [target.slice]
    # which axis the target slice keeps (dZ[:, j] keeps axis 0, the column's entries)
    kept = [k for k, e in enumerate(elts) if isinstance(e, ast.Slice)]
    picked = [k for k, e in enumerate(elts) if not isinstance(e, ast.Slice)]
    kept_axis = kept[0] if len(kept) == 1 else None
    what = ""
    if shape is not None and len(shape) == 2 and len(elts) == 2 and len(kept) == 1 and len(picked) == 1 \
            and isinstance(elts[picked[0]], (ast.Name, ast.Constant, ast.BinOp)):
        what = f" one {'column' if picked[0] == 1 else 'row'} of {X} {shape}, taken"
    t_words = _shape_words(into, sizes, m, axis_of=kept_axis)
    v_words = _shape_words(value, sizes, m)
    rhs = L.text(L.stmt.value)
    if len(rhs) > 60:
        rhs = "the value"
    else:
        rhs = f"`{rhs}`"
    fix = ""
    if len(into) == 1 and len(value) == 2 and into[0] in value and 1 in value and len(elts) == 2 and len(picked) == 1:
        p = picked[0]
        e = elts[p]
        keep = ast.unparse(ast.Subscript(value=target.value, slice=ast.Tuple(
            elts=[ast.List(elts=[x], ctx=ast.Load()) if k == p else x for k, x in enumerate(elts)], ctx=ast.Load()),
            ctx=ast.Load()))
        fix = (f": numpy will not put a 2-D {'column' if value[1] == 1 else 'row'} into a 1-D slice; index the "
               f"target as {keep} (a list index keeps that dimension, so the slice is 2-D like the value), or store "
               f"the value's entries, {'value[:, 0]' if value[1] == 1 else 'value[0, :]'}")
        del e
    elif len(into) == 2 and len(value) == 1 and value[0] in into and 1 in into:
        fix = (": the value is 1-D where the slice is 2-D; make the value 2-D (value.reshape"
               f"{into}) or take a 1-D slice")
    else:   # other sizes: the operands' own words (operands.py) say more about why
        return None
    return "slice_assignment_shape", (f"`{L.text(target)}` is{what} as {t_words}; {rhs} is {v_words}, "
                                      f"another shape{fix}.")


__all__ = ["index_past_axis", "slice_assignment"]
