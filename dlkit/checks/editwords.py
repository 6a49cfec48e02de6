"""What a repair edit (oneedit.py) means, in the lecture's terms (repair3, issue 12).

``gloss(node, kind, new, note)`` -> a sentence (or "") said after oneedit's own words for the edit: it
names the slip's family from the edit's shape alone, never from the exercise, so that it transfers:

* ``op`` + <-> - : the opposite sign (with a learning rate or a gradient ``d..``: a step uphill, gradient ascent);
* ``op`` a comparison turned round (< for >): the test is reversed;
* ``group``: operator precedence, the parentheses that are missing;
* ``int`` / ``m`` one off: "off by one"; ``X.shape[0]`` / ``len(X)`` where the columns belong: rows (units)
  counted instead of the columns (examples, m);
* ``T`` inside ``len(...)``: the same, len counts the rows;
* ``fn`` np.sum <-> np.mean: m times too large (not averaged by m) / divided by m twice; relu <-> sigmoid
  (or their backward): the other activation's slope;
* ``drop`` a factor m / 1/m: divided by m where the lecture does not (m times too small); a factor that the
  kept part already holds (dA * relu_backward(dA, Z)): applied twice; a sum / mean call: the array reduced
  (summed over axis k) where the array itself belongs; a minus: the sign flipped;
* ``str`` that differs only in case: case-sensitive, so neither branch matches;
* ``order`` of a shape's two sizes: the shape transposed (rows and columns swapped);
* ``name`` / a dropped call: "uses X where Y belongs", X and Y unquoted (the learner's sub-expression).
Each sentence says only what the edit shows (the learner wrote ``was``, the lecture's value is ``fixed``).
"""
from __future__ import annotations

import ast

_SHAPE_CALLS = {"zeros", "ones", "randn", "rand", "empty", "full", "reshape", "normal", "standard_normal"}


def _name(call) -> str:
    f = getattr(call, "func", None)
    return f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")


def _is_m(node) -> bool:
    """``m``, ``1/m``, ``1./m``, ``X.shape[1]``: the number of examples as a factor."""
    if isinstance(node, ast.Name):
        return node.id == "m"
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div) and isinstance(node.left, ast.Constant) \
            and node.left.value == 1:
        return _is_m(node.right)
    return isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and node.value.attr == "shape" \
        and isinstance(node.slice, ast.Constant) and node.slice.value == 1


def _target_base(stmt):
    """The name an assignment stores into: ``x`` of ``x = ...``, ``x[k] = ...``, ``x.y = ...``; else None."""
    if not isinstance(stmt, ast.Assign) or len(stmt.targets) != 1:
        return None
    t = stmt.targets[0]
    while isinstance(t, (ast.Subscript, ast.Attribute)):
        t = t.value
    return t.id if isinstance(t, ast.Name) else None


def _relu_mask(node, fdef) -> bool:
    """``Z > 0`` (or ``(Z > 0).astype(...)``, or a name assigned one of them in ``fdef``): ReLU's slope."""
    if isinstance(node, ast.Name) and fdef is not None:
        sets = [a.value for a in ast.walk(fdef) if isinstance(a, ast.Assign) and len(a.targets) == 1
                and isinstance(a.targets[0], ast.Name) and a.targets[0].id == node.id]
        return len(sets) == 1 and _relu_mask(sets[0], None)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "astype":
        node = node.func.value
    return isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], (ast.Gt, ast.GtE)) \
        and isinstance(node.comparators[0], ast.Constant) and node.comparators[0].value == 0


def _short(node, limit=40):
    text = ast.unparse(node)
    return text if len(text) <= limit else None


def gloss(node, kind, new, note) -> str:
    parent = getattr(node, "_parent", None)
    was, fixed = ast.unparse(node), ast.unparse(new)
    if kind == "op" and isinstance(node, ast.BinOp) and {type(node.op), type(new.op)} == {ast.Add, ast.Sub}:
        names = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)} | {
            n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
        if isinstance(node.op, ast.Add) and any(n in ("learning_rate", "alpha", "lr") or n.startswith("d") for n in names):
            return ("the term has the opposite sign: the update steps uphill (gradient ascent), where gradient "
                    "descent subtracts learning_rate times the gradient")
        return "the second term has the opposite sign (a minus where a plus belongs, or a plus where a minus belongs)"
    if kind == "op" and isinstance(node, ast.Compare) and note != "int":
        a, b = type(node.ops[0]), type(new.ops[0])
        if {a, b} in ({ast.Lt, ast.Gt}, {ast.LtE, ast.GtE}, {ast.Lt, ast.GtE}, {ast.LtE, ast.Gt}):
            return ("the test is reversed (the other way round): it keeps the entries it should drop and drops "
                    "the ones it should keep")
    if kind == "group":
        return ("operator precedence: * and / bind tighter than + and -, so without the parentheses the line "
                "computes another value; the parentheses the lecture's formula has are missing")
    if kind == "int" and isinstance(parent, ast.Subscript) and isinstance(parent.value, ast.Attribute) \
            and parent.value.attr == "shape" and node is parent.slice and isinstance(node, ast.Constant) \
            and {node.value, new.value} == {0, 1}:
        x = ast.unparse(parent.value.value)
        if node.value == 0:
            return (f"{x}.shape[0] counts the rows (the units, n[l]) instead of the columns (the examples, m): "
                    f"the number of examples is {x}.shape[1]")
        return f"{x}.shape[1] counts the columns (the examples, m) instead of the rows (the units, n[l]): that is {x}.shape[0]"
    if kind == "T" and isinstance(parent, ast.Call) and _name(parent) == "len" and isinstance(new, ast.Attribute):
        x = ast.unparse(node)
        return (f"len({x}) counts the rows of {x} (the units, n[l]) instead of the examples (the columns, m): "
                f"m = {x}.shape[1]")
    if kind in ("int", "m"):
        return "an off by one"
    if kind == "fn":
        pair = {was.split(".")[-1], fixed.split(".")[-1]}
        if pair == {"sum", "mean"}:
            if was.endswith("sum"):
                return ("np.sum adds without dividing by the count: the value is not averaged (not divided by m), "
                        "m times too large; np.mean divides by the count")
            return ("np.mean already divides by the count: with the lecture's 1/m besides it is divided by m twice "
                    "(an extra 1/m), m times too small")
        if pair in ({"relu", "sigmoid"}, {"relu_backward", "sigmoid_backward"}):
            w, f = was.split(".")[-1].replace("_backward", ""), fixed.split(".")[-1].replace("_backward", "")
            return (f"the wrong activation: {w}'s {'slope (backward)' if 'backward' in was else 'function'} is "
                    f"used where {f}'s belongs (the other activation)")
    if kind == "drop" and note == "sign":
        return "the sign is flipped"
    if kind == "drop" and isinstance(node, ast.UnaryOp):
        return f"the sign of {_short(new) or 'the value'} is flipped (the minus does not belong there)"
    if kind == "drop" and note == "call" and isinstance(node, ast.Call):
        inner = _short(new)
        if _name(node) in ("sum", "mean"):
            axis = next((k.value.value for k in node.keywords if k.arg == "axis" and isinstance(k.value, ast.Constant)), None)
            if axis is None and len(node.args) > 1 and isinstance(node.args[1], ast.Constant):
                axis = node.args[1].value
            verb = "sums" if _name(node) == "sum" else "averages"
            if axis == 1:
                return (f"it {verb} {inner or 'the array'} over the examples (axis 1, the columns), collapsed into "
                        f"one column (n[l], 1), where the array itself, one entry per example, belongs")
            if axis == 0:
                return (f"it {verb} {inner or 'the array'} over the units (axis 0, the rows), collapsed into one row, "
                        f"where the array itself belongs")
            return f"it {verb} {inner or 'the array'} into one number, where the array itself belongs"
        if _short(node) and inner:
            return f"it uses {ast.unparse(node)} where {inner} belongs"
    if kind == "drop" and isinstance(node, ast.BinOp) and type(node.op) in (ast.Mult, ast.Div):
        dropped = node.right if new is node.left else node.left
        if _is_m(dropped) or isinstance(node.op, ast.Div) and _is_m(node.right):
            return ("it is divided by m (the number of examples) where the lecture does not divide: an extra 1/m, "
                    "the value m times too small")
        if _relu_mask(dropped, getattr(node, "_fdef", None)):
            return (f"the factor {ast.unparse(dropped)} is ReLU's slope g'(Z) = (Z > 0), also multiplied in here, where "
                    f"it does not belong: two slopes in one dZ (the negative Z entries set to 0)")
        kept_names = {n.id for n in ast.walk(new) if isinstance(n, ast.Name)}
        if isinstance(dropped, ast.Name) and dropped.id in kept_names:
            return (f"{dropped.id} is multiplied in twice: {_short(new) or 'the rest'} already includes {dropped.id}, "
                    f"so the product has it again (squared)")
    if kind == "drop" and isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        target = _target_base(parent)
        dropped = node.right if new is node.left else node.left
        if target and target in {n.id for n in ast.walk(dropped) if isinstance(n, ast.Name)}:
            return (f"it accumulates: {target} keeps a running total (the sum of every earlier value, never reset), "
                    f"where the value of this step alone belongs")
    if kind == "str" and isinstance(node, ast.Constant) and isinstance(new, ast.Constant) \
            and isinstance(node.value, str) and node.value != new.value and node.value.lower() == new.value.lower():
        return (f"'{node.value}' differs from '{new.value}' only in capital letters: a string comparison is "
                f"case-sensitive (upper case is not lower case), so that test never matches")
    if kind == "order" and (isinstance(node, ast.Tuple) and isinstance(parent, ast.Call) and _name(parent) in _SHAPE_CALLS
                            or isinstance(node, ast.Call) and _name(node) in _SHAPE_CALLS and len(node.args) == 2):
        sizes = node.elts if isinstance(node, ast.Tuple) else node.args
        a, b = (ast.unparse(s) for s in sizes[:2])
        return f"the shape is transposed (rows and columns swapped): ({a}, {b}) where ({b}, {a}) belongs"
    if kind == "name":
        a, b = _short(node), _short(new)
        if a and b:
            return f"it uses {a} where {b} belongs"
    return ""
