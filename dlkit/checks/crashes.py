"""Crashes explained in the lecture's terms, not numpy's: Python's ``math`` on arrays, and shape
errors named by the arrays that met (an entry-by-entry product where a matrix product belongs,
or the reverse; in model_forward/model_backward, which layers' arrays met).

The arrays are named from the learner's own local variables where the error was raised
(``LearnerError.local_shapes``: name -> shape, plain data) and from the operands written on the
learner's line. Without them (a grader that sends no shapes) nothing is claimed.
"""
from __future__ import annotations

import re

import numpy as np

import dlkit

from . import causes
from .compare import shape_text
from .mistakes import hint_for
from .result import Finding

# exercises whose equations hold a matrix product (W[l] A[l-1], dZ[l] A[l-1]^T, W[l]^T dZ[l])
MATRIX = {"linear_forward", "linear_backward", "linear_activation_forward", "linear_activation_backward",
          "model_forward", "model_backward"}
ENTRYWISE = {"sigmoid", "relu", "relu_backward", "sigmoid_backward", "update_parameters"}
_IDENT = re.compile(r"[A-Za-z_]\w*(?:\.T)?")


def _shapes_in(message):
    return [tuple(int(n) for n in s.split(",") if n.strip()) for s in re.findall(r"\(([\d, ]+)\)", message)]


def _operands(line, local_shapes):
    """[(label, shape)] of the learner's arrays written on ``line``, in order (``W.T`` transposed)."""
    out = []
    for token in _IDENT.findall(line or ""):
        name = token[:-2] if token.endswith(".T") else token
        shape = local_shapes.get(name)
        if type(shape) is tuple and len(shape) == 2:
            out.append((token, shape[::-1] if token.endswith(".T") else shape))
    return out


def _met(err, ops):
    """The two operands that met, [(label, shape)], from numpy's message, or []."""
    msg = err.message
    if "broadcast" in msg or "not aligned" in msg:
        shapes = _shapes_in(msg.split("together with")[-1] if "broadcast" in msg else msg)[:2]
        picked = []
        for shape in shapes:
            hit = next((op for op in ops if op[1] == shape and op not in picked), None)
            if hit is None:
                return []
            picked.append(hit)
        return picked
    said = re.search(r"(\w+) has shape \(([\d, ]+)\) but (\w+) has (\d+) rows", msg)
    if said:   # dlkit's own check of its arguments (a helper called with arrays that do not fit)
        shape = _shapes_in(f"({said.group(2)})")[0]
        other = next((op for op in ops if op[1][0] == int(said.group(4)) and op[1] != shape), None)
        return [(said.group(1), shape), (said.group(3), other[1])] if other else []
    sizes = re.search(r"size (\d+) is different from (\d+)", msg)
    if sizes:   # matmul: operand 1's first size vs operand 0's last
        first, last = int(sizes.group(1)), int(sizes.group(2))
        for a, b in zip(ops, ops[1:]):
            if a[1][-1] == last and b[1][0] == first:
                return [a, b]
    return []


def _layer_names(spec, case):
    """shape -> [names] of the layers' arrays in model_forward / model_backward (W2, A1, dZ2, ...)."""
    if spec.name == "model_forward":
        X, parameters = case.args
        _, caches = dlkit.model_forward(X, parameters)
    else:
        caches = case.args[2]
    names = {}
    L = len(caches)
    for l, ((A_prev, W, b), Z) in enumerate(caches, start=1):
        for name, shape in ((f"W{l}", W.shape), (f"A{l - 1}", A_prev.shape), (f"Z{l}", Z.shape), (f"b{l}", b.shape)):
            names.setdefault(tuple(shape), []).append(name)
    names.setdefault(tuple(caches[-1][1].shape), []).append(f"A{L}")
    return names


def _role(label, names):
    """The names whose letter is the operand's (W for W, A for A_prev, Z for dZ), if any; else all."""
    letter = label.lstrip("d")[:1].upper()
    return [n for n in names if n[0] == letter] or names


def _same_layer(la, lb) -> bool:
    """True if some pairing of the names is one layer's (W2 with A1, Z2 or b2): then no index is off."""
    def layer(n):
        return int(n[1:]) + (1 if n[0] == "A" else 0)
    return any(layer(x) == layer(y) for x in la for y in lb)


_SPEC = re.compile(r"%(?:\([^)]*\))?[-+ #0]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?([diouxXeEfFgGcrsa%])")


def _kind_words(value) -> str:
    if type(value) is list:
        return f"a list of {len(value)} item(s)"
    if type(value) is tuple:
        return f"a tuple of {len(value)} item(s)"
    if type(value) is dict:
        return "a dict"
    if type(value) is np.ndarray:
        return f"an array of shape {value.shape}"
    if value is None:
        return "None"
    return f"a {type(value).__name__}"


def _format_mismatch(spec, err, details):
    """A TypeError from a % format (print("... %f" % (i, costs))): which conversion was given what,
    from the failing line's recorded operands (:mod:`replay`), or None."""
    rec = getattr(err, "operands", None)
    if err.exc_type != "TypeError" or rec is None or rec.failed is None:
        return None
    node = rec.nodes[rec.failed]
    if node.kind != "binop:%" or len(node.children) != 2:
        return None
    left, right = (rec.nodes[i] for i in node.children)
    if type(left.value) is not str:
        return None
    convs = [c for c in _SPEC.findall(left.value) if c != "%"]
    items = list(right.value) if type(right.value) is tuple else [right.value]
    names = [t.strip() for t in right.text.strip("()").split(",")] if type(right.value) is tuple else [right.text]
    if len(convs) != len(items):
        return Finding(f"{spec.name}.format_mismatch",
                       f"The % format {left.text} has {len(convs)} conversion(s) (%{', %'.join(convs)}) but is given "
                       f"{len(items)} value(s): one value per conversion, in order.", details)
    for conv, item, name in zip(convs, items, names if len(names) == len(items) else [None] * len(items)):
        numeric = conv in "diouxXeEfFgGc"
        fits = not numeric or (type(item) in (int, float) and not isinstance(item, bool)) or (
            type(item) is np.ndarray and item.size == 1)
        if not fits:
            what = f"{name}, {_kind_words(item)}" if name else _kind_words(item)
            hint = " (the list of every cost so far: its last entry, or the cost J itself, is the number)" \
                if type(item) is list and name and "cost" in name.lower() else ""
            return Finding(f"{spec.name}.format_mismatch",
                           f"The % format {left.text} gives %{conv} {what}{hint}: %{conv} formats one number, "
                           f"not {_kind_words(item).split(' of ')[0]}.", details)
    return None


def explain(spec, err, case):
    """A Finding that names a crash in the lecture's terms, or None."""
    line = err.line or ""
    details = [f"line {err.lineno}: {line}"] if line else []
    # the math function on the learner's line: math.exp(...), or exp(...) imported from math
    fn = re.search(r"\bmath\.(\w+)", line) or re.search(r"(?<![\w.])(exp|log|sqrt|tanh|pow|fabs|log1p|expm1)\(", line)
    if err.exc_type == "OverflowError" and (fn or "exp" in line):   # (a float ** too: numpy's message instead)
        # math.exp past 709 raises where np.exp gives inf (and 1 / (1 + inf) is the right 0)
        return Finding(f"{spec.name}.overflow",
                       f"{'math.' + fn.group(1) if fn else 'exp'} overflows (OverflowError) where |Z| is large "
                       f"(past 709; the checkpoint tries |Z| in the hundreds): use np.exp on the whole array, "
                       f"s = 1 / (1 + np.exp(-Z)), which gives inf there and 1 / inf = 0, the right value "
                       f"(numpy only warns).", details)
    if err.exc_type == "TypeError" and fn and ("math." in line or re.search(
            r"only (length|size)-1 arrays|0-dimensional|must be real number", err.message)):
        # only when the line calls a math function: float(Z) or int(A) raise the same message
        name = fn.group(1)
        return Finding(f"{spec.name}.math_on_array",
                       f"math.{name} works on single numbers, not on arrays: use np.{name}, which works entry by "
                       f"entry on the whole array.", details)
    from .specs import SPECS

    # an array mix-up raises these (a NameError or a KeyError has another cause)
    mixed = err.exc_type in ("ValueError", "TypeError", "AttributeError", "IndexError")
    unpacked = mixed and causes.unpacked_out_of_order(err.source, {n: SPECS[n].parts for n in spec.helpers if n in SPECS})
    if unpacked:   # the names say it: (dW, db, dA) = linear_activation_backward(...)
        helper, parts, names = unpacked
        return Finding(f"{spec.name}.helper_outputs_order",
                       f"{helper} returns ({', '.join(parts)}) in this order; your code unpacks it as "
                       f"({', '.join(names)}), so each name holds another output than the one it says.", details)
    test = re.search(r"^\s*(if|elif|while)\b|\b(and|or|not)\b", line)
    if err.exc_type == "ValueError" and "truth value of an array" in err.message and test:
        # the line asks one True/False of a whole array (if Z > 0: ...), which numpy refuses
        word = test.group(1) or test.group(2)
        return Finding(f"{spec.name}.array_truth_value",
                       f"`{word}` on your line asks one True or False of a whole array, which numpy refuses "
                       f"(\"the truth value of an array ... is ambiguous\"): the equations work entry by entry, "
                       f"so test every entry at once, with a mask (Z > 0) or np.where(Z > 0, ..., ...).", details)
    swapped = _helper_args_order(spec, err, line, details)
    if swapped is not None:
        return swapped
    formatted = _format_mismatch(spec, err, details)
    if formatted is not None:
        return formatted
    passed = _wrong_array_passed(spec, err, line, details) if err.exc_type == "ValueError" else None
    if passed is not None:
        return passed
    from . import pyerrors   # Python's / numpy's own exceptions said as the learner's construct (diag9)

    said = pyerrors.explain(spec, err, case)
    if said is not None:
        return Finding(f"{spec.name}.{said[0]}", said[1], details)
    if err.exc_type in ("ValueError", "TypeError", "IndexError"):
        # the failing line's operands named as lecture quantities (operands.py; the notebook's kernel only)
        from . import operands

        for how in (operands.explain_locals, operands.unpacked_one_array):
            found = how(spec, err, case) if how is operands.explain_locals else how(spec, err)
            if found is not None:
                return Finding(f"{spec.name}.{found[0]}", found[1], details)
        try:
            with np.errstate(all="ignore"):
                found = operands.explain(spec, err, case)
        except Exception:   # noqa: BLE001 - naming the operands is a best effort: numpy's message stays
            found = None
        if found is not None:
            return Finding(f"{spec.name}.{found[0]}", found[1], details)
    said = pyerrors.explain(spec, err, case, late=True)
    if said is not None:
        return Finding(f"{spec.name}.{said[0]}", said[1], details)
    if err.exc_type != "ValueError":
        return None
    shape_error = any(w in err.message for w in ("broadcast", "matmul", "aligned", "has shape"))
    met = _met(err, _operands(line, err.local_shapes)) if shape_error else []
    if len(met) != 2:
        return None
    (a, sa), (b, sb) = met
    pair = f"{a} {shape_text(sa)} met {b} {shape_text(sb)}"
    matrix_op = re.search(r"@|\bdot\(|matmul", line) is not None
    if spec.name in ("model_forward", "model_backward"):
        names = _layer_names(spec, case)
        la, lb = (_role(label, names.get(tuple(shape), [])) for label, shape in met)
        if la and lb and not _same_layer(la, lb):
            l = err.local_shapes.get("l")
            where = f"In the loop (l = {l}), " if type(l) is int else "In the loop, "
            return Finding(f"{spec.name}.layer_shapes",
                           f"{where}{a} {shape_text(sa)} (the shape of {' or '.join(la)}) met {b} {shape_text(sb)} "
                           f"(the shape of {' or '.join(lb)}): these arrays belong to different layers, so an index "
                           f"is off (W[l+1] or caches[l+1] for layer l, or a range bound): layer l needs W[l] "
                           f"with A[l-1] going forward, W[l]^T with dZ[l] going back.", details)
    if not matrix_op and re.search(r"\*|multiply", line) and spec.name in MATRIX and _matrix_pair(a, b):
        return Finding(f"{spec.name}.elementwise_for_matrix_product",
                       f"{pair} in an entry-by-entry product (* or np.multiply), which needs equal shapes: "
                       f"{spec.equation} The products of W, A and dZ there are matrix products: np.dot or @.", details)
    if matrix_op and (spec.name in ENTRYWISE or sa == sb):
        return Finding(f"{spec.name}.matrix_product_for_elementwise",
                       f"{pair} in a matrix product (np.dot or @), where the entry-by-entry product belongs "
                       f"(* or np.multiply, for arrays of the same shape). {spec.equation}", details)
    if matrix_op and (sa[0] == sb[0] or sa[-1] == sb[-1]):
        return Finding(f"{spec.name}.product_needs_transpose",
                       f"{pair} in a matrix product: the inner sizes must agree ((n, k) times (k, m)); a transpose "
                       f"is missing or one too many. {spec.equation}", details)
    return None


def _letter(label):
    base = label[:-2] if label.endswith(".T") else label
    return "dZ" if base.startswith("dZ") else "W" if base.startswith("W") else "A" if base.startswith("A") else None


def _matrix_pair(a, b) -> bool:
    """True if the two operands that met are a pair the lecture multiplies as matrices (W[l] A[l-1],
    dZ[l] A[l-1]^T, W[l]^T dZ[l]); dA * g'(Z) meeting in a * is an entry-by-entry product that is right."""
    return {_letter(a), _letter(b)} in ({"W", "A"}, {"dZ", "A"}, {"W", "dZ"})


# what an exercise's argument must be, in the lecture's words (for a helper given another array)
WHAT = {"Z": "this layer's Z[l], the cache's second item ((A_prev, W, b), Z = cache)",
        "dA": "dA[l], the gradient coming back into this layer", "A_prev": "A[l-1], this layer's input",
        "dZ": "dZ[l] = dA[l] * g'(Z[l])"}


def _call_args(line, helper):
    """The arguments written in ``helper(...)`` on ``line`` (top-level commas), or None."""
    start = re.search(rf"\b{helper}\(", line)
    if start is None:
        return None
    depth, args, cur = 1, [], ""
    for ch in line[start.end():]:
        depth += ch in "([{"
        depth -= ch in ")]}"
        if depth == 0:
            break
        if ch == "," and depth == 1:
            args.append(cur.strip())
            cur = ""
        else:
            cur += ch
    args.append(cur.strip())
    return args if depth == 0 else None


def _helper_args_order(spec, err, line, details):
    """A helper (one of the exercises) called on the learner's line with the exercise's own argument
    names in another order (model_backward(AL, caches, Y)), when the crash comes from that helper's
    check of its arguments ('model_backward: ...'). Only names that are the helper's parameters
    count, so an argument of another name is never claimed to be misplaced."""
    from .specs import SPECS

    said = re.match(r"(\w+): ", err.message)
    if err.exc_type not in ("TypeError", "ValueError") or said is None or said.group(1) not in SPECS \
            or said.group(1) == spec.name:
        return None
    helper = said.group(1)
    names = SPECS[helper].arg_names
    args = _call_args(line, helper)
    if not args or len(args) > len(names):
        return None
    given = [a for a in args if a in names]
    if len(given) != len(args) or len(set(given)) != len(given) or list(given) == list(names[:len(given)]):
        return None
    return Finding(f"{spec.name}.helper_args_order",
                   f"{helper} takes its arguments in the order ({', '.join(names)}); your line passes "
                   f"({', '.join(args)}), so {helper} received {args[0] if args[0] != names[0] else args[1]} "
                   f"where {names[0] if args[0] != names[0] else names[1]} belongs.", details)


def _wrong_array_passed(spec, err, line, details):
    """A helper (one of the exercises) given another array than the one its argument names: dlkit's
    'relu_backward: dA has shape (2, 4) but Z has shape (3, 4); they must match', from a line
    calling relu_backward(dA, A_prev)."""
    from .specs import SPECS

    said = re.match(r"(\w+): (\w+) has shape \(([\d, ]+)\) but (\w+) has shape \(([\d, ]+)\); they must match",
                    err.message)
    if said is None or said.group(1) not in SPECS or said.group(1) == spec.name:
        return None
    helper, names = said.group(1), SPECS[said.group(1)].arg_names
    args = _call_args(line, helper)
    if not args or len(args) > len(names):
        return None
    given = dict(zip(names, args))
    shapes = {said.group(2): said.group(3), said.group(4): said.group(5)}
    # the argument whose array is not the one it names (A_prev where Z belongs): its letter differs
    odd = [p for p in shapes if p in given and given[p].split("[")[0].lstrip("d")[:1] != p.lstrip("d")[:1]]
    if len(odd) != 1:
        return None
    param = odd[0]
    other = next(p for p in shapes if p != param)
    mid = f"{spec.name}.wrong_array_passed"
    return Finding(mid, hint_for(mid, part=SPECS[helper].parts[0], helper=helper, given=given[param],
                                 shape=f"({shapes[param]})", param=param, need=WHAT.get(param, param), other=other,
                                 other_shape=f"({shapes[other]})"), details)


__all__ = ["explain"]
