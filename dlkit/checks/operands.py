"""What met what when a learner's line raised, and what a wrong-shaped output is: named as lecture quantities.

The recording comes from :func:`replay.record` (the failing line evaluated again in the learner's
frame). Here, on the judge's side, :func:`explain` names each operand by the lecture quantity it
equals on the case (W[l], b[l], A[l-1], dZ[l], their transposes, a mask (Z[l] > 0), another layer's
array, a cache, W[l].T dZ[l], ...) and says what the lecture combines there: an operand that has no
place in the equation of what the line computes, a transposed one, a 1-D one, arrays of two layers,
a helper given another layer's array. :func:`explain_shape` names a returned array of the wrong
shape (flattened, first row only, the lecture expression it equals).

Without a recording (the grader's child sends none) nothing is claimed.
"""
from __future__ import annotations

import re

import numpy as np

# ---- the judge's side: naming the operands in the lecture's quantities ----------------------------

# what each lecture quantity is computed from (the families its equation holds)
EQUATION = {
    "Z": ({"W", "A_prev", "b"}, "Z[l] = W[l] A[l-1] + b[l]"),
    "A": ({"Z"}, "A[l] = g(Z[l])"),
    "AL": ({"Z"}, "A[L] = sigmoid(Z[L])"),
    "dZ": ({"dA", "Z", "A", "slope"}, "dZ[l] = dA[l] * g'(Z[l])"),
    "dA_prev": ({"W", "dZ"}, "dA[l-1] = W[l].T dZ[l]"),
    "dW": ({"dZ", "A_prev", "W"}, "dW[l] = 1/m dZ[l] A[l-1].T"),
    "db": ({"dZ", "b"}, "db[l] = 1/m sum(dZ[l], axis=1, keepdims=True)"),
    "cost": ({"AL", "Y"}, "J = -1/m sum(Y log(A[L]) + (1 - Y) log(1 - A[L]))"),
    "dAL": ({"AL", "Y"}, "dA[L] = -(Y / A[L] - (1 - Y) / (1 - A[L]))"),
}
UPDATE = {"W": ({"W", "dW"}, "W[l] := W[l] - alpha dW[l]"), "b": ({"b", "db"}, "b[l] := b[l] - alpha db[l]")}
_ENTRYWISE = {"binop:+": "adds", "binop:-": "subtracts", "binop:*": "multiplies entry by entry",
              "binop:/": "divides entry by entry", "augassign:+": "adds", "augassign:-": "subtracts",
              "augassign:*": "multiplies entry by entry", "augassign:/": "divides entry by entry"}
_MATRIX = {"binop:@", "call:np.dot", "call:np.matmul", "call:dot"}


class Named:
    """An operand as the lecture names it: ``label`` ('W[2]', 'dZ[l]', '(Z[l] > 0).T', 'W[l].T dZ[l]',
    'the cache of layer 1'), the family of the one quantity it is (or None), its layer (or None) and
    whether it is that quantity transposed."""
    __slots__ = ("label", "family", "layer", "transposed")

    def __init__(self, label, family=None, layer=None, transposed=False):
        self.label, self.family, self.layer, self.transposed = label, family, layer, transposed


def _label(fam, layer):
    from .firstwrong import _label as label
    return label(fam, layer)


def pool(spec, case):
    """[(Named, value)]: the reference's own quantities on ``case`` that a learner's operand may be."""
    from .firstwrong import LECTURE

    out = []
    with np.errstate(all="ignore"):
        layers = spec.lecture_quantities(case)
    for layer, flat in layers:
        for fam, v in flat.items():
            if fam in LECTURE and type(v) is np.ndarray:
                out.append((Named(_label(fam, layer), fam, layer), v))
        if spec.name == "model_forward" and "Z" in flat and layer:
            Z = flat["Z"]
            with np.errstate(all="ignore"):
                out.append((Named(f"relu(Z[{layer}])", "A", layer), np.maximum(Z, 0)))
                out.append((Named(f"sigmoid(Z[{layer}])", "A", layer), 1 / (1 + np.exp(-Z))))
    args = dict(zip(spec.arg_names, case.args))
    if spec.name == "update_parameters":
        alpha = args.get("learning_rate")
        for d in (args.get("parameters") or {}, args.get("grads") or {}):
            for key, v in d.items():
                found = re.fullmatch(r"(d?[A-Za-z])(\d+)", key)
                if found and type(v) is np.ndarray:
                    fam, k = found.group(1), int(found.group(2))
                    out.append((Named(f"{fam}[{k}]", fam, k), v))
                    if fam in ("dW", "db") and isinstance(alpha, float):
                        out.append((Named(f"alpha {fam}[{k}]", fam, k), alpha * v))
    if spec.name == "compute_cost":
        AL, Y = args.get("AL"), args.get("Y")
        if type(AL) is np.ndarray and type(Y) is np.ndarray:
            with np.errstate(all="ignore"):
                out += [(Named("Y", "Y"), Y), (Named("1 - Y", "Y"), 1 - Y), (Named("1 - A[L]", "AL"), 1 - AL),
                        (Named("log(A[L])", "AL"), np.log(AL)), (Named("log(1 - A[L])", "AL"), np.log(1 - AL))]
    if spec.name == "model_backward":
        for k, cache in enumerate(args.get("caches") or [], start=1):
            out.append((Named(f"the cache of layer {k} (caches[{k - 1}])", "cache", k), cache))
    if spec.name == "linear_activation_backward" and type(args.get("cache")) is tuple:
        out.append((Named("the whole cache (linear_cache, Z) of this layer", "cache"), args["cache"]))
        out.append((Named("linear_cache", "linear_cache"), args["cache"][0]))
    return out


def _equal(a, b) -> bool:
    from .plain import same

    if type(a) is np.ndarray and type(b) is np.ndarray:
        return a.shape == b.shape and a.dtype != object and np.allclose(
            a.astype(np.float64), b.astype(np.float64), rtol=1e-5, atol=1e-8, equal_nan=True)
    if type(a) in (tuple, list) and type(b) in (tuple, list):
        return len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and same(a, b)


def name(value, quantities, m=None, search=True, inputs=None):
    """The Named lecture quantity ``value`` equals (exactly, transposed, a mask of one, or an
    expression over them, :mod:`expression`), or None."""
    if type(value) not in (np.ndarray, tuple, list):
        return None
    if type(value) is np.ndarray and (value.dtype == object or value.size == 0):
        return None
    for named, q in quantities:
        if _equal(value, q):
            return named
    if type(value) is not np.ndarray or value.ndim != 2:
        return None
    for named, q in quantities:
        if type(q) is np.ndarray and q.ndim == 2 and q.shape != q.shape[::-1] and _equal(value, q.T):
            return Named(f"{named.label}.T", named.family, named.layer, True)
    if value.dtype == bool or np.isin(value, (0, 1)).all():
        for named, q in quantities:
            if type(q) is not np.ndarray or named.family not in ("Z", "A", "A_prev") or " " in named.label:
                continue
            for cmp, fn in ((">", np.greater), (">=", np.greater_equal), ("<", np.less)):
                mask = fn(q, 0)
                if 0 < mask.sum() < mask.size:
                    if _equal(value, mask):
                        return Named(f"the mask ({named.label} {cmp} 0)", "mask", named.layer)
                    if mask.shape != mask.shape[::-1] and _equal(value, mask.T):
                        return Named(f"the mask ({named.label} {cmp} 0) transposed", "mask", named.layer, True)
    if not search:
        return None
    from . import expression

    found = expression.search(value, {n.label: q for n, q in quantities if type(q) is np.ndarray and q.ndim == 2},
                              m=m, inputs=inputs)
    if not found:
        return None
    for named, _ in quantities:   # a single quantity, transposed (a square one: not found above)
        if found[0] in (named.label, f"{named.label}.T"):
            return Named(found[0], named.family, named.layer, found[0].endswith(".T"))
    return Named(found[0])


def _shape(v):
    return tuple(int(n) for n in v.shape) if type(v) is np.ndarray else None


def dims(spec, case):
    """size -> [lecture names of it] on ``case``: n[l], n[l-1], m (or n[0]..n[L] for the whole network)."""
    args = dict(zip(spec.arg_names, case.args))
    out = {}

    def put(size, text):
        if text not in out.setdefault(int(size), []):
            out[int(size)].append(text)
    m = case.info.get("m")
    layer_dims = args.get("layer_dims")
    if layer_dims is None and type(args.get("parameters")) is dict:
        P = args["parameters"]
        L = len(P) // 2
        if all(f"W{k}" in P for k in range(1, L + 1)):
            layer_dims = [P["W1"].shape[1]] + [P[f"W{k}"].shape[0] for k in range(1, L + 1)]
    if layer_dims is None and type(args.get("caches")) is list:
        try:
            caches = args["caches"]
            layer_dims = [caches[0][0][0].shape[0]] + [c[0][1].shape[0] for c in caches]
        except (IndexError, TypeError, AttributeError):
            layer_dims = None
    if layer_dims is not None:
        for k, n in enumerate(layer_dims):
            put(n, f"n[{k}]")
    else:
        W = args.get("W")
        if W is None and type(args.get("linear_cache")) is tuple:
            W = args["linear_cache"][1]
        if W is None and type(args.get("cache")) is tuple:
            W = args["cache"][0][1]
        if type(W) is np.ndarray and W.ndim == 2:
            put(W.shape[0], "n[l]")
            put(W.shape[1], "n[l-1]")
    if m:
        put(m, "m")
    return out


def shape_words(shape, sizes):
    """'(3, 4) = (n[l-1], m)' when every size has one lecture name, else '(3, 4)'."""
    from .compare import shape_text

    text = shape_text(shape)
    def named(n, axis):
        if n == 1:
            return "1"
        got = [t for t in sizes.get(n, []) if not (axis == 0 and len(shape) == 2 and t == "m")]
        if not sizes.get(n):    # no size of its own: a product of two (np.repeat(b, m, axis=0): n[l] m), diag19
            from .shapewords import _readings
            got = _readings(n, sizes)
        return got[0] if len(got) == 1 else None
    names = [named(n, axis) for axis, n in enumerate(shape)]
    if shape and all(names) and any(n != "1" for n in names):
        return f"{text} = ({', '.join(names)}{',' if len(names) == 1 else ''})"
    return text


def _describe(node, named, sizes):
    """'`np.dot(W.T, dZ)` (W[l].T dZ[l], (3, 4) = (n[l-1], m))'."""
    shape = shape_words(_shape(node.value), sizes) if type(node.value) is np.ndarray else None
    inner = [t for t in (named.label if named is not None and named.label != node.text else None, shape) if t]
    if inner == [shape] and shape:
        return f"`{node.text}` {shape}"
    return f"`{node.text}`" + (f" ({', '.join(inner)})" if inner else "")


def _target_family(spec, rec):
    """The lecture family of what the failing line computes, and its equation (families, text), or None."""
    from .firstwrong import family

    target = rec.target or ""
    if rec.statement == "return" and len(spec.parts) == 1:
        fam = family(spec.parts[0]) or spec.parts[0]
    elif re.fullmatch(r"[A-Za-z_]\w*", target):
        fam = family(target)
    else:
        key = re.search(r"\[\s*(?:f?[\"'])(d?[A-Za-z])", target)
        fam = key.group(1) if key else None
    if spec.name == "update_parameters" and fam in UPDATE:
        return fam, UPDATE[fam]
    if fam in EQUATION:
        return fam, EQUATION[fam]
    return None


def _one_d_why(node, rec):
    """Why an operand is 1-D, from how it (or the 1-D array inside it) was made."""
    stack = [node]
    while stack:
        n = stack.pop(0)
        if type(n.value) is np.ndarray and n.value.ndim == 1:
            if n.kind == "subscript":
                return (f"indexing with one number, as in `{n.text}`, drops that dimension (a slice such as "
                        f"[:, i:i+1] keeps the column)")
            if n.kind in ("call:np.zeros", "call:np.ones", "call:np.empty", "call:np.full"):
                return (f"`{n.text}` makes a 1-D array when given one number; give it the shape of the array "
                        f"it meets (a tuple such as (n, 1), or Z.shape)")
            if n.kind in ("call:np.sum", "call:sum", "call:np.mean", "call:mean"):
                return f"`{n.text}` has no keepdims=True, so it drops the axis it sums over"
            if n.kind in ("call:flatten", "call:ravel", "call:np.ravel"):
                return f"`{n.text}` flattens the array into one dimension"
        stack.extend(rec.nodes[i] for i in n.children)
    return "an operation dropped its second dimension"


def explain(spec, err, case):
    """(mistake suffix, hint) that names the failing line's operands in the lecture's quantities, or None."""
    rec = getattr(err, "operands", None)
    if rec is None or rec.failed is None:
        return None
    failed = rec.nodes[rec.failed]
    quantities = pool(spec, case)
    m = case.info.get("m")
    sizes = dims(spec, case)
    lineno = f"Line {err.lineno}" if err.lineno else "Your line"
    if failed.kind.startswith("call:helper "):
        return _helper_call(spec, err, case, rec, failed, quantities, m, sizes, lineno)
    ops = rec.operands()
    arrays = [n for n in ops if type(n.value) is np.ndarray]
    if len(arrays) != 2:
        return None
    x, y = arrays
    nx, ny = (name(n.value, quantities, m, inputs=_leaves(rec, n)) for n in (x, y))
    what = {"store": "stores", "unpack": "unpacks"}.get(failed.kind) or _ENTRYWISE.get(failed.kind) or (
        "multiplies as matrices" if failed.kind in _MATRIX else f"passes to {failed.kind.split(':', 1)[-1]}"
        if failed.kind.startswith("call:") else f"combines with {failed.kind.split(':', 1)[-1]}")
    target = _target_family(spec, rec)
    own = None   # an operand that is already the quantity the line computes: the other one is the odd one
    if target:
        expected = [q for n, q in quantities if n.family == target[0] and type(q) is np.ndarray]
        for n, named in ((x, nx), (y, ny)):
            if named is not None and named.family == target[0] and any(_equal(n.value, q) for q in expected):
                own = n
                again = name(n.value, [p for p in quantities if p[0].family != target[0]], m)
                if again is not None:
                    named.label = f"{again.label} = {named.label}"
    met = f"{lineno} {what} {_describe(x, nx, sizes)} and {_describe(y, ny, sizes)}"
    equation = f" ({target[1][1]})" if target else ""
    # a 1-D operand against a 2-D one: the commonest broadcast accident
    flat = [n for n in (x, y) if n.value.ndim == 1]
    if failed.kind == "store":
        # the value stored was shaped by a broadcast inside it: name that step
        inner = _broadcast_inside(rec, y)
        if inner is not None:
            a, b, c = inner
            flat = [n for n in (a, b) if n.value.ndim == 1]
            if flat:
                other = b if flat[0] is a else a
                return "operand_1d", (
                    f"{lineno}: `{c.text}` {_ENTRYWISE.get(c.kind, 'combines')} {_describe(flat[0], None, sizes)} "
                    f"(a 1-D array) and {_describe(other, name(other.value, quantities, m), sizes)}: numpy "
                    f"broadcasts a 1-D array along the rows of a column, which gives {shape_words(_shape(c.value), sizes)}, "
                    f"not the {shape_words(_shape(x.value), sizes)} the slot `{x.text}` holds. Why it is 1-D: "
                    f"{_one_d_why(flat[0], rec)}{equation}.")
    if len(flat) == 1 and x.value.ndim + y.value.ndim == 3:
        return "operand_1d", (f"{met}: `{flat[0].text}` is a 1-D array, and numpy lines a 1-D array up with the "
                              f"last axis (the columns), so the shapes do not fit. Why it is 1-D: "
                              f"{_one_d_why(flat[0], rec)}.")
    fams = target[1][0] if target else set()
    for n, named in ((x, nx), (y, ny)):
        if named is not None and named.transposed and (failed.kind in _ENTRYWISE or failed.kind.startswith("call:np.")):
            base = named.label.replace(".T", "").replace(" transposed", "")
            return "operand_transposed", (f"{met}: {base} is transposed; entry by entry the arrays must have the "
                                          f"same shape, and the lecture uses {base} as it is{equation}.")
    for n, named in ((x, nx), (y, ny)):
        if named is not None and named.family and target and named.family not in fams and " " not in named.label \
                and n is not own:
            already = f" (`{own.text}` is {target[1][1].split(' =')[0]} already)" if own is not None else ""
            from .wrongvalue import belongs_instead   # W2a: what belongs where the alien quantity is
            already += belongs_instead(named, (nx, ny), fams, _label)
            return "operand_not_in_equation", (f"{met}: {named.label} has no place in {target[1][1]}{already}.")
    for (n, named), (o, other) in (((x, nx), (y, ny)), ((y, ny), (x, nx))):
        if named is not None and other is not None and named.layer and other.layer and named.layer != other.layer \
                and named.family and other.family:
            # (in the composites the id the shape-based rule of crashes.py gives the same mistake)
            why = _key_names(n.text, o.text, err.local_shapes or {})
            from .layermap import words as _layer_pairs   # crashes2: the loop's layer pairs (a reversal, a shift)
            pairs = _layer_pairs(n.text, o.text, err.source, err.local_shapes or {})
            why = (why + pairs if why else (":" + pairs[1:] if pairs else "")) or \
                " (W[l+1] or caches[l+1] for layer l, or a range bound)"
            return "layer_shapes" if spec.name in ("model_forward", "model_backward") else "operands_of_other_layers", (
                f"{met}: these belong to different layers ({named.label} and "
                                                f"{other.label}), so a layer index is off{why}.")
    if failed.kind in _MATRIX:
        return "operands_named", (f"{met}: the inner sizes of a matrix product must agree ((n, k) times (k, m)), "
                                  f"so a transpose is missing or one too many, or the order is swapped{equation}.")
    if failed.kind == "call:np.inner":
        return "operands_named", (f"{met}: np.inner pairs the last axis of both (it computes W A.T), which is not "
                                  f"the matrix product; the lecture's products are np.dot or @{equation}.")
    if nx is None and ny is None:
        return None
    if target and failed.kind in _ENTRYWISE:
        # the operand that is no lecture quantity, held against the shape of what the line computes
        exp = [q for n, q in quantities if n.family == target[0] and type(q) is np.ndarray]
        odd = [n for n, named in ((x, nx), (y, ny)) if named is None]
        said = _dims_against(odd[0], exp[0].shape, _label(target[0], None) if target[0] != "AL" else "A[L]",
                             sizes) if exp and len(odd) == 1 else ""
        if said:
            return "operands_named", f"{met}: {said}{equation}."
    from .wrongvalue import function_of_alien   # W2a: a function of a quantity with no place in the equation
    said = function_of_alien((nx, ny), fams, _label)
    if said:
        return "operands_named", f"{met}: {said}{equation}."
    return "operands_named", f"{met}, whose shapes do not fit{equation}."


def _key_names(a_text, b_text, local) -> str:
    """': `grads["dW" + str(L)]` builds its key's number from L = 2, `parameters["W" + str(l)]` from l = 1'
    when the two operands' dict keys are numbered by different names of the learner's (an L for an l), or ''."""
    import ast

    from .pyerrors import _key_form

    def numbered(text):
        try:
            tree = ast.parse(text.strip(), mode="eval")
        except SyntaxError:
            return None
        found = []
        for n in ast.walk(tree):
            form = _key_form(n.slice) if isinstance(n, ast.Subscript) else None
            if form is not None and form[1] is not None:
                found.append((ast.get_source_segment(text.strip(), n) or ast.unparse(n), {d.id for d in ast.walk(form[1]) if isinstance(d, ast.Name)}))
        return found[0] if len(found) == 1 else None
    x, y = numbered(a_text), numbered(b_text)
    if x is None or y is None or len(x[1]) != 1 or len(y[1]) != 1 or x[1] == y[1]:
        return ""
    (kx, (nx,)), (ky, (ny,)) = x, y
    if type(local.get(nx)) is not int or type(local.get(ny)) is not int or local[nx] == local[ny]:
        return ""
    return (f": `{kx}` numbers its key with {nx} = {local[nx]}, `{ky}` with {ny} = {local[ny]}; one layer's "
            f"arrays share one number")


def _leaves(rec, node):
    """The arrays the learner's names held inside ``node`` (what the operand was computed from)."""
    out, stack = [], [node]
    while stack:
        n = stack.pop()
        if n.kind == "name" and type(n.value) is np.ndarray:
            out.append(n.value)
        stack.extend(rec.nodes[i] for i in n.children)
    return out


def _dims_against(node, expected, label, sizes):
    """'`x` has 3 columns (n[l-1]) where Z[l] has 2 (m)' for the axes where ``node`` differs, or ''."""
    v = node.value
    if type(v) is not np.ndarray or v.ndim != 2 or len(expected) != 2:
        return ""
    said = []
    for axis, word in ((0, "rows"), (1, "columns")):
        if v.shape[axis] != expected[axis]:
            a = " or ".join(sizes.get(v.shape[axis], []))
            e = " or ".join(sizes.get(expected[axis], []))
            said.append(f"{v.shape[axis]} {word}{f' ({a})' if a else ''} where {label} has {expected[axis]}"
                        f"{f' ({e})' if e else ''}")
    return f"`{node.text}` has {' and '.join(said)}" if said else ""


def _broadcast_inside(rec, node):
    """(left, right, op) of the first operation inside ``node`` whose result is larger than both of
    its operands (numpy broadcast them into a new shape), or None."""
    stack = [node]
    while stack:
        n = stack.pop()
        kids = [rec.nodes[i] for i in n.children]
        if n.kind.startswith("binop:") and len(kids) == 2 and all(type(k.value) is np.ndarray for k in kids) \
                and type(n.value) is np.ndarray and n.value.shape not in (kids[0].value.shape, kids[1].value.shape):
            return kids[0], kids[1], n
        stack.extend(kids)
    return None


def _helper_call(spec, err, case, rec, failed, quantities, m, sizes, lineno):
    """A helper's own check of its arguments raised: name what each argument is."""
    from .specs import SPECS

    helper = failed.kind.split(" ", 1)[1]
    if helper not in SPECS:
        return None
    params = SPECS[helper].arg_names
    args = [rec.nodes[i] for i in failed.children]
    named = []
    for p, node in zip(params, args):
        if type(node.value) in (np.ndarray, tuple, list):
            named.append((p, node, name(node.value, quantities, m)))
    if not named:
        return None
    said = ", ".join(f"{p} = `{node.text}`" + (f" = {n.label}" if n is not None and n.label != node.text else "")
                     for p, node, n in named)
    # the layer each argument belongs to as an input of this call: W[k], b[k], dA[k], cache k -> k; A[k] -> k + 1
    layer_of = {}
    for p, node, n in named:
        if n is None or n.layer is None or n.family is None or n.transposed:
            continue
        layer_of[p] = n.layer + 1 if n.family == "A" and p in ("A_prev",) else n.layer
    if len(set(layer_of.values())) > 1:
        votes = {}
        for k in layer_of.values():
            votes[k] = votes.get(k, 0) + 1
        best = max(votes.values())
        common = [k for k, v in votes.items() if v == best]
        activation = next((rec.nodes[i].value for p, i in zip(params, failed.children) if p == "activation"), None)
        L = max((n.layer for n, _ in quantities if n.layer), default=None)
        if activation == "sigmoid" and L:   # the output layer's call: layer L, whatever the arrays say
            common = [L]
        if len(common) == 1:
            k = common[0]
            odd = [(p, n) for p, node, n in named if p in layer_of and layer_of[p] != k]
            words = []
            for p, n in odd:
                whose = {"W": "weights", "b": "bias", "cache": "cache", "dA": "gradient"}.get(n.family, "array")
                if n.family == "A":
                    own = "its own output" if n.layer == k else f"the output of layer {n.layer}"
                    twice = " (so layer %d runs twice)" % k if n.layer == k else ""
                    words.append(f"{p} is {n.label}, {own}, where layer {k} takes A[{k - 1}]{twice}")
                    if n.layer == k - 2:   # W2c: the input of the layer before (layerinputs.py)
                        from .layerinputs import older_input
                        words[-1] += older_input(k, L)
                else:
                    rel = "output" if n.layer == L and k != L else "next" if n.layer == k + 1 else \
                        "previous" if n.layer == k - 1 else "another"
                    words.append(f"{p} is {n.label}, the {rel} layer's {whose} (layer {n.layer}'s), where layer {k} "
                                 f"needs {_label(n.family, k) if n.family in ('W', 'b', 'dA') else f'the cache of layer {k}'}")
            rest = f"the {'output' if activation == 'sigmoid' and k == L else ''} layer is {k}".replace("the  ", "the ")
            texts = {p: node.text for p, node, n in named}
            plain = [(texts[p], n.label) for p, n in odd if re.fullmatch(r"[A-Za-z_]\w*", texts[p])]
            # a plain name passed (X, A): no index on the line to be off; the name holds another layer's array
            why = ("; ".join(f"`{t}` is a name with no index on your line, and it holds {lab} here"
                             + (" (X, the input of the network)" if lab == "A[0]" else "") for t, lab in plain)
                   + f": pass the name that holds what layer {k} takes" if len(plain) == len(odd) else
                   "A layer index is off (the key's number, caches[...] or the loop's l)")
            return "arguments_of_other_layers", (
                f"{lineno} calls {helper} with {said}: {rest}, but "
                f"{'; '.join(words)}. {why}.")
    for p, node, n in named:
        if n is not None and n.family in ("cache", "linear_cache") and n.family != p and p in ("cache", "linear_cache"):
            return "argument_mixed_up", (f"{lineno} calls {helper} with {said}: {helper}'s {p} must be "
                                         f"{'linear_cache = cache[0], the (A_prev, W, b) part' if p == 'linear_cache' else 'the whole cache (linear_cache, Z)'}, "
                                         f"not {n.label}.")
    return None


def explain_locals(spec, err, case):
    """(mistake suffix, hint) for a crash whose cause is a local value the lecture fixes: L that is
    not the number of layers, an input given another shape. None otherwise."""
    local = err.local_shapes or {}
    args = dict(zip(spec.arg_names, case.args))
    L = None
    if type(args.get("caches")) is list:
        L, how = len(args["caches"]), "one cache per layer: L = len(caches)"
    elif type(args.get("parameters")) is dict:
        L, how = len(args["parameters"]) // 2, "two keys, W and b, per layer: L = len(parameters) // 2"
    if L is not None and type(local.get("L")) is int and local["L"] != L:
        return "L_value_wrong", (f"Your L is {local['L']} where your code raised, but this network has L = {L} "
                                 f"layers ({how}), so the layer numbers your code builds from L are off.")
    for arg, value in args.items():
        shape = local.get(arg)
        if type(value) is np.ndarray and type(shape) is tuple and shape != value.shape and value.ndim == 2 \
                and int(np.prod(shape)) == value.size:
            from .compare import shape_text
            return "input_reshaped", (f"Your {arg} has shape {shape_text(shape)} where your code raised, but the "
                                      f"{arg} your function was given is {shape_text(value.shape)}: a reshape or "
                                      f"transpose changed its shape, and the arrays it meets then broadcast into "
                                      f"other shapes. Keep {arg} as it is given.")
    return None


def unpacked_one_array(spec, err):
    """(suffix, hint) for `A, cache = relu(Z)` (a helper that returns one array, unpacked into names), or None."""
    from .specs import SPECS

    if err.exc_type != "ValueError" or "values to unpack" not in err.message:
        return None
    found = re.match(r"\s*\(?([\w\s,]+?)\)?\s*=\s*(\w+)\(", err.line or "")
    if not found or found.group(2) not in SPECS:
        return None
    names = [n.strip() for n in found.group(1).split(",") if n.strip()]
    helper = found.group(2)
    parts = SPECS[helper].parts
    if len(parts) == 1 and len(names) > 1:
        return "unpacks_one_array", (f"{helper} returns one array, {parts[0]}, not a tuple: `{', '.join(names)} = "
                                     f"{helper}(...)` unpacks that array itself, row by row. Write {parts[0]} = "
                                     f"{helper}(...) (here {helper} returns no cache of its own).")
    return None


__all__ = ["explain", "explain_locals", "unpacked_one_array", "pool", "name", "dims", "shape_words"]


# ---- a returned array of the wrong shape: which quantity it is --------------------------------------

def _wrong_shaped(got, exp):
    """[(label suffix, got array, expected array)] of the arrays of a part whose shape is wrong
    (the part itself, or the entries of a dict of layers such as {'b1': ..., 'b2': ...})."""
    if type(got) is np.ndarray and type(exp) is np.ndarray:
        return [("", got, exp)] if got.shape != exp.shape else []
    if type(got) is dict and type(exp) is dict:
        return [(k, got[k], exp[k]) for k in exp if k in got and type(got[k]) is np.ndarray
                and type(exp[k]) is np.ndarray and got[k].shape != exp[k].shape]
    return []


def _one_d(g, e, quantities):
    """What a 1-D ``g`` holds of the 2-D expected ``e``: (kind, words), or None."""
    if g.size == e.size and _equal(g, e.ravel()):
        return "flattened", "the right values, flattened into one dimension (the rows and columns are lost)"
    if e.shape[0] > 1 and g.size == e.shape[1] and _equal(g, e[0]):
        return "first_row", "the first row only, as a 1-D array: the other rows are dropped"
    for named, q in quantities:
        if type(q) is not np.ndarray or q.shape != e.shape or " " in named.label:
            continue
        for mnamed, p in quantities:
            if type(p) is not np.ndarray or p.shape != q.shape or mnamed.family not in ("Z", "A", "A_prev") \
                    or " " in mnamed.label:
                continue
            for cmp, fn in ((">", np.greater), (">=", np.greater_equal), ("<", np.less), ("<=", np.less_equal)):
                mask = fn(p, 0)
                if 0 < mask.sum() < mask.size and mask.sum() == g.size and _equal(g, q[mask]):
                    return "selection", (f"only the entries of {named.label} where {mnamed.label} {cmp} 0: a boolean "
                                         f"index such as {named.label.split('[')[0]}[{mnamed.label.split('[')[0]} {cmp} 0] "
                                         f"selects them into a flat 1-D array; the mask multiplies instead, "
                                         f"{named.label.split('[')[0]} * ({mnamed.label.split('[')[0]} {cmp} 0), "
                                         f"which keeps the shape")
    return None


def explain_shape(spec, part, wrong_runs):
    """(mistake suffix, hint) for a part whose array has the wrong shape on every wrong case and that
    is the same thing on every one of them (a 1-D form of the right values, a selection of a
    quantity's entries, or one lecture expression; a case where the expression search cannot tell
    two expressions apart is passed over when two others agree), or None."""
    from .compare import shape_text

    # only an output whose shape is wrong on some case (a square case may hide it on others): the
    # expression search below is the slow part, and a right-shaped wrong output is concepts.py's job
    if not any(part in got and part in spec.split(case.expected, case)[0]
               and _wrong_shaped(got[part], spec.split(case.expected, case)[0][part])
               for case, got, _ in wrong_runs):
        return None
    found_on = []       # (kind, detail, text) per wrong case; None for a case with no unique name
    for index, (case, got_parts, _) in enumerate(wrong_runs):
        exp_parts, _ = spec.split(case.expected, case)
        if part not in got_parts or part not in exp_parts:
            return None
        wrong = _wrong_shaped(got_parts[part], exp_parts[part])
        if not wrong and type(got_parts[part]) is np.ndarray and got_parts[part].ndim == 2 \
                and type(exp_parts[part]) is np.ndarray:
            wrong = [("", got_parts[part], exp_parts[part])]   # right shape here (a square case): same expression?
        if not wrong:
            return None
        key, g, e = wrong[0]
        quantities = pool(spec, case)
        layer = re.search(r"(\d+)$", key)
        if layer:   # a layer's array: that layer's quantities
            quantities = [(n, q) for n, q in quantities if n.layer in (None, int(layer.group(1)))]
        sizes = dims(spec, case)
        label = key or part
        if g.ndim == 1 and e.ndim == 2:
            found = _one_d(g, e, quantities)
            kind = found[0] if found else "1d"
            words = found[1] if found else "an operation dropped its second dimension"
            found_on.append(("shape_1d", kind, index, f"{label} is a 1-D array {shape_text(g.shape)} where it must be "
                                               f"{shape_words(e.shape, sizes)}: {words}."))
        elif g.ndim == 2 and e.ndim == 2:
            named = name(g, quantities, case.info.get("m"))
            if named is None:
                found_on.append(None)
                continue
            fam = re.sub(r"\d+$", "", key) or part
            target = UPDATE.get(fam) if spec.name == "update_parameters" else EQUATION.get(fam)
            words = _expression_words(named.label, target, quantities)
            if not words:
                return None
            twice = [p for p, v in got_parts.items() if p != part and type(v) is np.ndarray and v.shape == g.shape
                     and np.array_equal(v, g)]      # the same result in two places: an index copied
            also = f" (the same array as your {twice[0]}: one result returned twice)" if twice else ""
            found_on.append(("shape_expression", re.sub(r"\[\d+\]", "[k]", named.label), index if
                             g.shape != e.shape else None,
                             f"{label} is {named.label}{also}, shape {shape_words(g.shape, sizes)}: {words}"))
        else:
            return None
    said = [f for f in found_on if f is not None]
    if not said or (len(said) < len(found_on) and len(said) < 2) or all(f[2] is None for f in said):
        return None
    kinds = {(f[0], f[1]) for f in said}
    # a one-row case cannot tell "the first row" or "the selected entries" from "flattened": the others can
    for better in (("shape_1d", "selection"), ("shape_1d", "first_row")):
        if better in kinds and kinds <= {better, ("shape_1d", "flattened")}:
            kinds = {better}
            said = [f for f in said if (f[0], f[1]) == better]
    if len(kinds) != 1:
        return None
    shown = next(f for f in said if f[2] is not None)   # a case where the shape is wrong
    return shown[0], shown[3], shown[2]


def _expression_words(label, target, quantities):
    """What in the expression ``label`` the lecture does otherwise: a transposed quantity where the
    equation has it as it is, a quantity with no place in it (and the one that belongs there)."""
    if target is None:
        return None
    families, equation = target
    atoms = [(n, bool(re.search(r"(?<![\w\]])" + re.escape(n.label) + r"\.T\b", label))) for n, _ in quantities
             if n.family and " " not in n.label and re.search(r"(?<![\w\]])" + re.escape(n.label) + r"(?![\w\[])", label)]
    alien = [n for n, _ in atoms if n.family not in families]
    if alien:
        n = alien[0]
        missing = [f for f in families if not any(a.family == f for a, _ in atoms)]
        instead = ""
        if len(missing) == 1:
            instead = f"; it uses {n.label} where {_label(missing[0], n.layer if n.layer else None)} belongs"
        return f"{n.label} has no place in {equation}{instead}."
    flipped = [n for n, t in atoms if t and f"{n.label.split('[')[0]}" not in ("W",)]
    if flipped:
        return (f"{flipped[0].label} is transposed there ({flipped[0].label}.T), and numpy broadcasts the "
                f"arrays it meets into a larger shape; {equation} uses it as it is.")
    return None


__all__ += ["explain_shape"]
