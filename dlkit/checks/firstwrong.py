"""The first learner line whose value leaves the lecture's computation.

When a graded part is wrong and nothing more specific names it, the learner's function is run
once more, on the first wrong public case, under the line tracer (:mod:`dlkit.checks.trace`).
Here the values it recorded are held, in the order the lines ran, against the reference's own
quantities on the same case (``Spec.lecture_quantities``: lecture name -> value, per layer for
the composites). A value is judged when another line reads it (a value a line only builds up,
``dW = dZ @ A_prev.T`` then ``dW = dW / m``, is judged once it is complete), and only when its
variable is named like a lecture quantity (case and underscores aside: dA_prev, dA_prev_, m_,
J for the cost). The first one that matches none of that quantity's values is reported, with
the relation (:mod:`dlkit.checks.relations`) that says what it is instead when one holds. A
value that is another lecture quantity (``dA = relu_backward(dA, Z)`` keeps dZ[l] under the name
dA) or m holding 1/m is a choice of names, not a mistake, and is not reported.
"""
from __future__ import annotations

import re

import numpy as np

from . import clipping, compare, concepts, expression, otherlayer, regroup, relations
from .mistakes import RELATIONS, TRACE, _Blank
from .plain import fmt
from .result import Finding

# lecture family -> (how the lecture writes it, for layer l; what it is)
LECTURE = {
    "Z": ("Z[l]", "Z[l] = W[l] A[l-1] + b[l]"),
    "A": ("A[l]", "A[l] = g(Z[l])"),
    "A_prev": ("A[l-1]", "the layer's input"),
    "W": ("W[l]", "the layer's weights"),
    "b": ("b[l]", "the layer's bias"),
    "dA": ("dA[l]", "the gradient that reaches layer l"),
    "dZ": ("dZ[l]", "dZ[l] = dA[l] * g'(Z[l])"),
    "slope": ("g'(Z[l])", "the activation's slope at Z[l]"),
    "dW": ("dW[l]", "dW[l] = 1/m dZ[l] A[l-1].T"),
    "db": ("db[l]", "db[l] = 1/m sum(dZ[l], axis=1, keepdims=True)"),
    "dA_prev": ("dA[l-1]", "dA[l-1] = W[l].T dZ[l]"),
    "m": ("m", "the number of examples (the columns)"),
    "AL": ("A[L]", "the output layer's activation"),
    "Y": ("Y", "the labels"),
    "dAL": ("dA[L]", "dA[L] = -(Y / A[L] - (1 - Y) / (1 - A[L]))"),
    "cost": ("J", "J = -1/m sum(Y log(A[L]) + (1 - Y) log(1 - A[L]))"),
    "L": ("L", "the number of layers, len(parameters) // 2"),
}
# a learner's variable name (lower case, underscores dropped) -> the lecture family it claims to be
NAMES = {
    "z": "Z", "a": "A", "aprev": "A_prev", "w": "W", "b": "b", "da": "dA", "dz": "dZ",
    "gprime": "slope", "slope": "slope", "dg": "slope", "derivative": "slope", "gradg": "slope",
    "dw": "dW", "db": "db", "daprev": "dA_prev", "m": "m", "al": "AL", "y": "Y", "dal": "dAL",
    "cost": "cost", "j": "cost", "loss": "cost", "yhat": "AL",
}


# a lecture step a helper call computes from the quantities the line read (one step: the line's
# own inputs then include what relu_backward(dA, Z) or linear_backward(dZ, cache) gives)
DEPENDS = {"slope": ("Z",), "A": ("Z",), "dZ": ("dA", "Z"), "dA_prev": ("W", "dZ"), "dW": ("dZ", "A_prev"),
           "db": ("dZ",), "Z": ("W", "A_prev", "b")}
# the assignment's containers (a name, lower case, underscores dropped) -> the quantities they hold
CONTAINERS = {"linearcache": ("A_prev", "W", "b"), "cache": ("A_prev", "W", "b", "Z"), "activationcache": ("Z",)}


def family(name: str):
    """The lecture quantity a variable's name claims, or None: 'dA_prev_' -> 'dA_prev', 'J' -> 'cost',
    'dW_temp' -> 'dW' (the assignment's own names for a layer's step); 'L' is the number of layers
    (a lower-case l is a loop's index)."""
    if name == "L":
        return "L"
    key = name.lower().replace("_", "")
    if key.rstrip("0123456789") in NAMES:
        key = key.rstrip("0123456789")   # Z1, dW2, A1: a layer's quantity (the nearest layer is named)
    for extra in ("temp", "tmp", "current", "curr"):
        if key.endswith(extra) and len(key) > len(extra):
            key = key[: -len(extra)]
            break
    return NAMES.get(key)


def _label(fam: str, layer) -> str:
    text = LECTURE[fam][0]
    if layer is None:
        return text
    return text.replace("[l-1]", f"[{layer - 1}]").replace("[l]", f"[{layer}]")


def _matches(v, c) -> bool:
    if compare.is_number(c) and not compare.is_array(c):
        return compare.is_number(v) and np.size(v) == 1 and compare.close(float(np.asarray(v).ravel()[0]), c)
    if compare.is_number(v) and not compare.is_array(v) and np.size(c) == 1:
        return compare.close(np.asarray([[float(v)]]).reshape(np.shape(c)), c)
    return type(v) is np.ndarray and v.shape == np.shape(c) and compare.close(v.astype(np.float64), c)


def _judge(spec, case, layers, name, value):
    """None if ``value`` is one of the values of the quantity ``name`` claims (or claims none), else
    (family, layer, expected value, flat quantities of that layer)."""
    fam = family(name)
    if fam is None:
        return None
    cands = [(layer, flat[fam], flat) for layer, flat in layers if fam in flat]
    if not cands:
        return None
    if any(_matches(value, c) for _, c, _ in cands):
        return None
    if np.size(value) > 1 and any(_matches(value, v) for _, flat in layers for f, v in flat.items() if f != fam):
        return None    # another quantity under this name (dA = relu_backward(dA, Z)): a name, not a mistake
        # (arrays only: a wrong m = 3 is not "L" because the network has 3 layers)
    if fam == "m" and compare.is_number(value) and not compare.is_array(value):
        v = float(value)
        if any(v != 0 and compare.close(1 / v, c) for _, c, _ in cands):
            return None    # m = 1 / A_prev.shape[1], used as a factor: a name, not a mistake
    shape = np.shape(value)
    same_shape = [c for c in cands if np.shape(c[1]) == shape]
    if len(same_shape) > 1:   # a composite: the layer whose values it is nearest to
        def distance(c):
            with np.errstate(all="ignore"):
                d = float(np.nansum(np.abs(np.asarray(value, dtype=np.float64) - np.asarray(c[1], dtype=np.float64))))
            return d if np.isfinite(d) else np.inf
        same_shape.sort(key=distance)
    return (fam, *(same_shape or cands)[0])


def _comparison_words(line):
    """Words for a value of True/False: with the line's text, the comparison said as done last."""
    import re
    text = (line or "").split("=", 1)[-1] if line else ""
    cmp = re.search(r"(?<![<>=!])(>=|<=|==|!=|>|<)(?!=)", text)
    if cmp and re.search(r"[*+/]|(?<![eE])-", text[:cmp.start()]) and "(" not in text[:cmp.start()].rstrip()[-1:]:
        return (f"it holds True/False, a comparison's result, not numbers: in `{text.strip()}` the comparison "
                f"{cmp.group(1)} is done last (operator precedence), on the whole expression to its left; "
                f"put the part that is compared in parentheses")
    return "it holds True/False, a comparison's result, not numbers"


def _what(spec, case, fam, layer, name, value, expected, flat, layers=(), inputs=(), own=None, line=None):
    """(relation id or None, the words saying what the learner's value is instead); ``layers``
    and ``inputs`` (the values the line read) let :mod:`expression` name an array that no
    relation explains ("expression")."""
    label = _label(fam, layer)
    if fam in ("L", "m") and compare.is_number(value):   # crashes2: the count of another array or axis (counts.py)
        from .counts import counted
        said = counted(spec, case, fam, line, value)
        if said is not None:
            return None, f"it computes {fam} = {fmt(value)}: {said}"
    if fam == "L" and compare.is_number(value):
        return None, (f"it computes L = {fmt(value)}, but L is {LECTURE['L'][1]}, {fmt(expected)} "
                      f"(each layer has a W and a b)")
    if fam == "m" and compare.is_number(value):
        return None, f"it computes m = {fmt(value)}, but m is the number of examples, {fmt(expected)} (the columns)"
    g, e = np.asarray(value), np.asarray(expected)
    if g.shape != e.shape and not (g.size == e.size == 1):
        return _wrong_shape(spec, case, fam, layer, label, g, e, flat, layers, inputs, own, line)
    if g.dtype == bool and e.dtype != bool:
        # True/False where numbers belong: a comparison took the whole expression before it
        return "comparison", _comparison_words(line)
    part = f"your {name}"
    with np.errstate(all="ignore"):
        found = relations.explain(part, [(case, value, expected, part, flat)])
    if found is not None and found[0] == "first_column_only" and e.ndim == 2 and (
            e.shape[0] < 2 or _some_entries_right(g[:, 1:], e[:, 1:])):
        # one entry agreeing on one case is as likely a coincidence (diag13); so is a first column that is
        # right where the other columns are right too in places: an entry-wise mistake (right where Z <= 0,
        # say) that happens to spare column 0, not code that handles one column
        found = None
    if found is not None:
        rid, f = found
        text = RELATIONS[rid].format_map(_Blank({**f, "part": part}))
        return rid, (text[0].lower() + text[1:]).rstrip(".")
    if g.size == 1:
        return None, f"it is {fmt(float(g.ravel()[0]))} where {label} is {fmt(float(e.ravel()[0]))}"
    clipped = clipping.words(line, value, expected, label)   # diagC: the line's own bounds explain the value
    if clipped is not None:
        return "clipped", clipped
    found = _expression(value, layers, inputs, case, own)
    if found is not None:
        tree, labels, q, m, defs = found
        with np.errstate(all="ignore"):
            words = concepts.translate(tree, fam, labels, q, m=m, activation=activation(spec, case, layer, flat),
                                       defs=defs)
        if words:
            return "expression", f"on this case it is {tree.text}: {words}"
        return "expression", f"on this case it is {tree.text}"
    from .wrongvalue import identify   # W2a: a lecture function (tanh's slope, exp(-Z), ...) of a quantity
    said = identify(g, e, flat, inputs, label)
    if said is not None:
        return "lecture_function", said
    with np.errstate(all="ignore"):
        differ = int(np.count_nonzero(~np.isclose(g.astype(np.float64), e.astype(np.float64), rtol=1e-5, atol=1e-8)))
    return None, f"it differs from {label} in {differ} of {e.size} values"


def _wrong_shape(spec, case, fam, layer, label, g, e, flat, layers, inputs, own, line=None):
    """(id, words) for a value of the wrong shape: the expected array transposed (when the line
    transposes), flattened into one column or one row, else the lecture expression of the layer's
    quantities it equals (searched like a wrong value: ``1/m sum(A[l-1], axis=1)`` where db[l]
    belongs is "A[l-1] where dZ[l] belongs")."""
    shape = (f"it has shape {compare.shape_text(g.shape)} where {label} has "
             f"{compare.shape_text(e.shape)}")
    from . import operands, shapewords

    symbols = shapewords.said(g, e, operands.dims(spec, case)) if g.shape != e.shape else None
    shape += f", {symbols}" if symbols else ""
    text = (line or "").split("=", 1)[-1]
    if (g.ndim == e.ndim == 2 and g.shape == e.shape[::-1] and compare.close(g.astype(np.float64), e.T)
            and re.search(r"\.T\b|\bnp\.transpose\(|\.transpose\(", text)):   # the learner's own .T, not a reshape
        return "transposed", (f"{shape}: it is {label} transposed, rows and columns swapped; {label} is used "
                              f"as it is, and an (n, 1) column met with a (1, m) row broadcasts to (n, m)")
    if g.size == e.size and g.ndim == 2 and 1 in g.shape and e.ndim == 2:
        for order in ("C", "F"):
            if compare.close(g.astype(np.float64), e.reshape(g.shape, order=order)):
                how = "one column (a reshape(-1, 1))" if g.shape[1] == 1 else "one row (a reshape(1, -1))"
                return "flattened", f"{shape}: it is {label} flattened into {how}, not kept in {label}'s shape"
    found = _expression(g, layers, inputs, case, own)
    if found is None:
        return None, shape
    tree, labels, q, m, defs = found
    with np.errstate(all="ignore"):
        words = concepts.translate(tree, fam, labels, q, m=m, activation=activation(spec, case, layer, flat),
                                   defs=defs)
    if not words:
        return None, shape
    return "expression", f"{shape}: on this case it is {tree.text}: {words}"


def activation(spec, case, layer, flat):
    """'relu' or 'sigmoid': the activation of the layer a value belongs to, or None."""
    for g in ("relu", "sigmoid"):
        if spec.name.startswith(g):
            return g
    for a in case.args:
        if type(a) is str and a in ("relu", "sigmoid"):
            return a
    L = flat.get("L")
    if spec.name.startswith("model_") and isinstance(L, int) and layer is not None:
        return "sigmoid" if layer == L else "relu"
    return None


def _closure(inputs, labels, quantities):
    """``inputs`` with the lecture quantities one helper call computes from them (DEPENDS)."""
    inputs = [v for v in inputs if type(v) is np.ndarray]
    fams = {f for f, v in labels.items() if any(i.shape == quantities[v].shape and np.allclose(i, quantities[v])
                                                for i in inputs)}
    return inputs + [quantities[labels[f]] for f, needs in DEPENDS.items()
                     if f in labels and f not in fams and all(n in fams for n in needs)]


def _expression(value, layers, inputs, case, own=None):
    """The lecture expression (expression.search_tree) the wrong array ``value`` equals, or None:
    over the quantities of the layer it belongs to (A[l-1] among them), in the lecture's notation;
    as (tree, family -> label, label -> value, m, label of a learner's step -> its tree)."""
    if type(value) is not np.ndarray or value.ndim != 2:
        return None
    with np.errstate(all="ignore"):
        if value.size > 1 and np.all(value == value.flat[0]):
            return None   # a constant (all 1s: a softmax over one unit) fits too many expressions to claim one
    quantities, m, labels = {}, None, {}
    for layer, flat in layers:
        for fam, v in flat.items():
            if fam == "m" and compare.is_number(v):
                m = v
            elif fam in LECTURE and type(v) is np.ndarray:
                labels.setdefault(fam, _label(fam, layer))
                quantities.setdefault(_label(fam, layer), v)
    if m is None and case.info.get("m"):
        m = case.info["m"]
    lecture, meter = dict(quantities), [0]    # one budget for all the searches below
    made_from = [x[1] if type(x) is tuple else None for x in inputs]
    inputs = _closure([x[0] if type(x) is tuple else x for x in inputs], labels, quantities)
    defs = {}
    for v, sub in list(zip(inputs, made_from))[:3]:
        # an input the line read that is no lecture quantity (the learner's own step before):
        # an atom under the expression it equals, so "(W[l] A[l-1]) * b[l]" can be said
        if type(v) is np.ndarray and v.ndim == 2 and not any(
                type(q) is np.ndarray and q.shape == v.shape and np.allclose(q, v) for q in lecture.values()):
            pool = {k: q for k, q in lecture.items() if k != own}
            trees = expression.search_tree(v, pool, m=m, meter=meter,
                                           inputs=_closure(sub, labels, quantities) if sub else None)
            if len(trees) > 1 and expression.equivalent(trees, pool, m):
                trees = trees[:1]
            if len(trees) == 1:
                text = trees[0].text
                text = f"({text})" if " " in text else text
                quantities[text], defs[text] = v, trees[0]
    found = expression.search_tree(value, quantities, m=m, inputs=inputs, meter=meter)
    if len(found) > 1 and expression.equivalent(found, quantities, m):
        found = found[:1]
    if len(found) != 1 and own in quantities:
        # ambiguous with the quantity itself among the atoms (Z[l] - b[l] beside W[l] A[l-1]): the
        # line could not read the right value it failed to compute, so try once without it
        pool = {k: v for k, v in lecture.items() if k != own}
        found = expression.search_tree(value, pool, m=m, meter=meter)
        if len(found) > 1 and expression.equivalent(found, pool, m):
            found = found[:1]
    if len(found) != 1 and own is not None and own.startswith("dZ"):
        # dZ[l] = dA[l] * (a slope): the learner's slope, value / dA[l], searched on its own (one size smaller)
        pool = {k: v for k, v in lecture.items() if k not in (own, labels.get("slope"))}
        Z = pool.get(labels.get("Z"))
        if type(Z) is np.ndarray and not any(k.startswith("A[") and np.shape(v) == Z.shape for k, v in pool.items()):
            with np.errstate(all="ignore"):     # s = sigmoid(Z[l]), the lecture's name in g'(Z) = s (1 - s)
                pool[f"sigmoid({labels['Z']})"] = 1 / (1 + np.exp(-Z.astype(np.float64)))
        found = concepts._times_dA(value.astype(np.float64), "dZ", labels, pool, m, expression.BUDGET, [0])
        quantities = dict(quantities, **{k: v for k, v in pool.items() if k not in quantities})
        if len(found) > 1 and expression.equivalent(found, pool, m):
            found = found[:1]
    return (found[0], labels, quantities, m, defs) if len(found) == 1 else None


def explain(spec, case, steps, outputs=None):
    """A Finding for the first learner line whose value is meant to be a lecture quantity and is
    none of its values on ``case``, or None. ``steps`` come from the tracer, in the order run;
    ``outputs`` (the learner's output parts, the wrong ones) let the line that returns a wrong
    output be searched too (:func:`_returned`) when no named value was wrong."""
    if not steps:
        return None
    with np.errstate(all="ignore"):
        layers = spec.lecture_quantities(case)
    if not layers:
        return None
    state = {}      # frame -> name -> (value, the step that gave it)
    history = {}    # (frame, name) -> every (value, step, builds on the previous one, overwrote it unread)
    unread = {}     # (frame, name) -> True while no line has used the value it holds
    judged = set()
    before = {}     # id(step) -> the values of the names it read, as the line found them
    sources = {}    # id(step) -> the steps that gave them
    for step in steps:
        mine = state.setdefault(step.frame, {})
        before[id(step)] = {n: mine[n][0] for n in (*step.reads, *step.builds) if n in mine}
        sources[id(step)] = {n: mine[n][1] for n in (*step.reads, *step.builds) if n in mine}
        for name in step.reads:
            if name not in mine or (step.frame, name, id(mine[name][1])) in judged:
                continue
            value, origin = mine[name]
            judged.add((step.frame, name, id(origin)))
            with np.errstate(all="ignore"):
                wrong = _judge(spec, case, layers, name, value)
            if wrong is None:
                continue
            slip = _unused_said(spec, case, mine, unread, step.frame, name, origin, before, wrong)
            if slip is not None:    # one name read where a result computed and never used belongs (unused.py)
                return Finding(f"{spec.name}.unused_result", slip, [f"line {origin.lineno}: {origin.line}",
                                                                     f"With {case.label}."])
            return _finding(spec, case, state, history.get((step.frame, name), []), name, value, origin, wrong,
                            before, sources, layers)
        for name in (*step.reads, *step.builds):
            unread[(step.frame, name)] = False
        for name, value in step.values.items():
            key = (step.frame, name)
            builds = name in step.builds
            past = history.setdefault(key, [])
            overwrote = bool(not builds and past and unread.get(key) and past[-1][1].lineno == step.lineno)
            mine[name] = (value, step)
            past.append((value, step, builds, overwrote))
            unread[key] = True
    return _returned(spec, case, steps, layers, before, outputs, sources)


def _unused_said(spec, case, mine, unread, frame, name, origin, before, wrong):
    """:func:`unused.said` for ``name``'s wrong value, set by ``origin``: the locals set before it and
    read by no line since are the candidates; an argument no line set is the case's input."""
    from . import unused

    fam, layer, expected, _ = wrong
    candidates = {n: v for n, v in mine.items() if unread.get((frame, n)) and n != name and v[1] is not origin
                  and v[1].lineno < origin.lineno}
    if not candidates:
        return None
    values = dict(zip(spec.arg_names, case.args)) if frame == 0 else {}
    values.update(before.get(id(origin), {}))
    return unused.said(origin, values, candidates, expected, _label(fam, layer))


def _returned(spec, case, steps, layers, before, outputs, sources=None):
    """The grouping Finding (:mod:`regroup`) for a ``return <expression>`` line of the exercise's own
    frame whose single wrong output part is not the lecture's, or None."""
    if not outputs or len(layers) != 1:
        return None
    got_parts, wrong = outputs
    exp_parts, _ = spec.split(case.expected, case)
    if len(exp_parts) != 1 or len(wrong) != 1 or set(wrong) != set(exp_parts):
        return None
    (part, expected), = exp_parts.items()
    got = got_parts.get(part)
    last = [s for s in steps if s.frame == 0 and s.line.startswith("return ")]
    if got is None or not last or type(got) not in (np.ndarray, float, int):
        return None
    step = last[-1]
    fam = family(part) or ("cost" if part == "cost" else None)
    flat = layers[0][1]
    if fam is None or fam not in LECTURE:
        return None
    return _grouping(spec, case, fam, layers[0][0], part, got, expected, flat, step, before, returned=True,
                     sources=sources) or _swapped(spec, case, fam, layers[0][0], part, got, expected, flat, step,
                                                  before, returned=True)   # diagB: swaps.py


def _line_inputs(step, before, flat, sources=None, depth=1):
    """The arrays a line read: the learner's own (with, ``depth`` allowing, the arrays the line
    that made it read, as ``(value, [its inputs])``), or (an argument no line set) the lecture's."""
    inputs = []
    for other in (*step.reads, *step.builds):
        got = (before or {}).get(id(step), {}).get(other)
        if got is None and family(other) in flat:
            got = flat[family(other)]
        if type(got) is np.ndarray:
            made = (sources or {}).get(id(step), {}).get(other)
            sub = _line_inputs(made, before, flat, sources, depth - 1) if made is not None and depth > 0 else None
            inputs.append(got if sub is None else (got, [v[0] if type(v) is tuple else v for v in sub]))
        elif got is None:    # a cache the line reads holds the lecture's arrays
            inputs += [flat[f] for f in CONTAINERS.get(other.lower().replace("_", ""), ()) if f in flat]
    return inputs


def _finding(spec, case, state, history, name, value, origin, wrong, before=None, sources=None, all_layers=()):
    """The Finding for ``name``'s wrong ``value``, last set by ``origin`` (its ``history`` says how)."""
    fam, layer, expected, flat = wrong
    start = len(history) - 1
    while start > 0 and history[start][2]:     # back through the lines that built on the value
        start -= 1
    if history and history[start][3]:
        # a loop gave it a new value at every pass before anything used it: only the last pass counts
        origin = history[start][1]
        mid = f"{spec.name}.first_wrong_line_loop_overwrites"
        hint = TRACE["first_wrong_loop"].format(lineno=origin.lineno, var=name, visit=origin.visit,
                                                quantity=_label(fam, layer), definition=LECTURE[fam][1])
    else:
        origin = _first_diverging(history[max(start, 0):], expected) or origin
        grouped = _grouping(spec, case, fam, layer, name, value, expected, flat, origin, before, sources=sources)
        if grouped is not None:
            return grouped
        from .indexing import rows_only   # diagB: whole rows set by an index of row numbers alone
        seen = {**dict(zip(getattr(spec, "arg_names", ()) or (), case.args)),   # (the replay below checks them)
                **{n: v[0] for n, v in state.get(origin.frame, {}).items()}, **_names(origin, before, flat)}
        rows = rows_only(origin.line, seen, origin.values.get(name)) if origin.values.get(name) is not None else None
        if rows is not None:
            hint = TRACE["first_wrong_line"].format(lineno=origin.lineno, where="", var=name,
                                                    quantity=_label(fam, layer), definition=LECTURE[fam][1], what=rows)
            return Finding(f"{spec.name}.first_wrong_line_rows_index", hint,
                           [f"line {origin.lineno}: {origin.line}", f"With {case.label}."])
        inputs = _line_inputs(origin, before, flat, sources)
        rid, what = _what(spec, case, fam, layer, name, value, expected, flat,
                          layers=[(layer, flat)], inputs=inputs, own=_label(fam, layer), line=origin.line)
        swapped = _swapped(spec, case, fam, layer, name, value, expected, flat, origin, before) \
            if rid in (None, "expression") else None   # diagB: one edit of the line gives the lecture's value
        if swapped is not None and rid is None:
            return swapped
        if swapped is not None:   # the expression's id stays; the edit that repairs the line is said too
            what += "; " + swapped.hint.split("computation: ", 1)[1].rstrip(".")
        if rid is None and all_layers:
            mixed = _other_layer(spec, case, fam, layer, name, value, all_layers, origin, before, sources)
            if mixed is not None:
                rid, (what, fam, layer) = "other_layer", mixed
        mid = f"{spec.name}.first_wrong_line" + (f"_{rid}" if rid else "")
        where = f" (pass {origin.visit} of the loop)" if origin.visit > 1 else ""
        key = "first_wrong_m" if fam in ("m", "L") and not rid else (
            "first_wrong_line_expression" if rid == "expression" else
            "first_wrong_line_other_layer" if rid == "other_layer" else "first_wrong_line")
        hint = TRACE[key].format(
            lineno=origin.lineno, where=where, var=name, quantity=_label(fam, layer),
            definition=LECTURE[fam][1], what=what)
    details = [f"line {origin.lineno}: {origin.line}"]
    # the learner's own temporaries the line used (no lecture name: not judged), where they came from
    for other in origin.reads:
        got = state.get(origin.frame, {}).get(other)
        if got is not None and family(other) is None and got[1].lineno != origin.lineno and len(details) < 3 \
                and type(got[0]) is not int:   # a loop's index says nothing
            details.append(f"{other} comes from line {got[1].lineno}: {got[1].line}")
    details.append(f"With {case.label}.")
    return Finding(mid, hint, details)


def _swapped(spec, case, fam, layer, name, value, expected, flat, origin, before, returned=False):
    """The Finding for a line one edit away from the lecture's value (:mod:`swaps`), or None
    (``returned``: the return line whose value is the output part ``name``)."""
    from . import swaps

    got = value if returned else origin.values.get(name)
    if got is None or not _matches(got, value):
        return None
    found = swaps.search(origin.line, _names(origin, before, flat), got, expected)
    if found is None:
        return None
    expr, words, fixed = found
    where = f" (pass {origin.visit} of the loop)" if origin.visit > 1 else ""
    hint = TRACE["first_wrong_line_swap"].format(lineno=origin.lineno, where=where, expr=expr, what=words,
                                                 fixed=fixed, quantity=_label(fam, layer), definition=LECTURE[fam][1])
    return Finding(f"{spec.name}.first_wrong_line_swap", hint,
                   [f"line {origin.lineno}: {origin.line}", f"With {case.label}."])


def _other_layer(spec, case, fam, layer, name, value, layers, origin, before, sources):
    """Words for a composite's value that is layer ``layer``'s lecture step with a quantity of another
    layer in it (:mod:`otherlayer`), naming the learner's variable that holds it and the line that
    set it, or None."""
    if not spec.name.startswith("model_") or layer is None:
        return None
    flats = dict(layers)
    m = next((f["m"] for _, f in layers if compare.is_number(f.get("m"))), None) or case.info.get("m")
    with np.errstate(all="ignore"):
        found = otherlayer.search(fam, layer, value, layers, lambda l: activation(spec, case, l, flats.get(l, {})),
                                  _label, m=m)
    if found is None:
        return None
    fam2, layer2, (text, words, taken, values) = found
    what = f"it is {text}: {words}"

    if len(taken) == 1:
        f, other, lab = taken[0]
        seen = dict(zip(getattr(spec, "arg_names", ()) or (), case.args))   # an argument no line set
        seen.update((before or {}).get(id(origin), {}))
        for n in origin.reads:
            if type(seen.get(n)) is np.ndarray and otherlayer._same(seen[n], values[f]):
                made = (sources or {}).get(id(origin), {}).get(n)
                what += f"; your {n} here holds {lab}"
                if made is not None and made.lineno != origin.lineno:
                    what += f", set at line {made.lineno} (`{made.line}`)"
                    if "cache" in made.line and abs(other - layer2) == 1:
                        what += f" from layer {other}'s cache: a layer index is off by one"
                break
    return what, fam2, layer2   # the step it was meant for (dA[0] = W[1].T dZ[1] for a name dA)


def _grouping(spec, case, fam, layer, name, value, expected, flat, origin, before, returned=False, sources=None):
    """The Finding for a line whose operators, bracketed otherwise, give the lecture's value
    (:mod:`regroup`), or None. Only a line that gave ``name`` the value judged (no later line built
    on it), or (``returned``) the return line whose value is the output part ``name``."""
    got = value if returned else origin.values.get(name)
    if got is None or not _matches(got, value) or not origin.line:
        return None
    names = _names(origin, before, flat)
    with np.errstate(all="ignore"):
        found = regroup.regroup(origin.line, names, got, expected)
    quantity = _label(fam, layer)
    yours = f"the {name} you return" if returned else f"your {name}"
    line, later = origin, ""
    if found is None:
        # the learner's own step before (a name that is no lecture quantity: logprobs, s, tmp) the
        # wrong line read, bracketed otherwise so that the wrong line then gives the lecture's value
        found, line, n = _grouping_before(origin, before, sources or {}, flat, names, expected)
        if found is None:
            return None
        later = f" line {origin.lineno} then gives "
        yours = f"your {n}"
    expr, first, grouped, why, fixed = found
    instead = "" if later else f", not {quantity}"
    if first is not None:
        what = f"in `{expr}`, {why}, so `{first}` is computed first and {yours} is {grouped}{instead}"
    else:
        what = f"in `{expr}` {why}, so {yours} is otherwise than the lecture's{instead}"
    where = f" (pass {line.visit} of the loop)" if line.visit > 1 else ""
    hint = TRACE["first_wrong_line_grouping"].format(lineno=line.lineno, where=where, what=what, fixed=fixed,
                                                     quantity=quantity, definition=LECTURE[fam][1])
    if later:   # the lecture's value is what the later line makes of it
        hint = hint.replace(", which gives ", f", and{later}", 1)
    details = [f"line {line.lineno}: {line.line}"] + ([f"line {origin.lineno}: {origin.line}"] if later else [])
    return Finding(f"{spec.name}.first_wrong_line_grouping", hint, details + [f"With {case.label}."])


def _names(step, before, flat):
    """The values of the names a line read, as it found them; an argument no line set: the case's own."""
    names = dict((before or {}).get(id(step), {}))
    for other in (*step.reads, *step.builds):
        if other not in names and family(other) in flat:
            names[other] = flat[family(other)]
    return names


def _grouping_before(origin, before, sources, flat, names, expected):
    """(regroup's answer, the step, the name) for a learner temporary the wrong line ``origin`` read
    whose own line, bracketed otherwise, makes ``origin`` give ``expected``; else (None, None, None)."""
    for n in origin.reads:
        made = sources.get(id(origin), {}).get(n)
        if made is None or family(n) is not None or made.lineno == origin.lineno or n not in names \
                or type(names[n]) not in (np.ndarray, float, int):
            continue

        def then(v, n=n):
            return regroup.evaluate(origin.line, {**names, n: v})

        with np.errstate(all="ignore"):
            found = regroup.regroup(made.line, _names(made, before, flat), names[n], expected, then=then)
        if found is not None:
            return found, made, n
    return None, None, None


def _first_diverging(run, expected):
    """The first step of ``run`` (a value, then the steps that built on it: Z[:, j] = ..., dW += ...,
    dW = dW / m) that gave entries their final values and got them wrong, or None (then the last
    step is the one). An entry is judged at its last write, so a sum still being added up is not."""
    e = np.asarray(expected, dtype=np.float64) if compare.is_array(expected) else None
    if e is None or len(run) < 2:
        return None
    values = [v for v, *_ in run]
    if any(type(v) is not np.ndarray or v.shape != e.shape for v in values):
        return None
    with np.errstate(all="ignore"):
        changed = [values[i] != values[i - 1] for i in range(1, len(values))]
        later = np.zeros(e.shape, dtype=bool)
        final = [None] * len(changed)
        for i in range(len(changed) - 1, -1, -1):   # the entries each step writes for the last time
            final[i] = changed[i] & ~later
            later |= changed[i]
        for i, mask in enumerate(final):
            if mask.any() and not np.allclose(values[i + 1][mask], e[mask], rtol=1e-5, atol=1e-8):
                return run[i + 1][1]
    return None


__all__ = ["explain", "family", "LECTURE", "NAMES"]


def _some_entries_right(g, e) -> bool:
    """Whether any entry of g equals e's (both 2-D, same shape): the wrong columns are not wholly wrong."""
    with np.errstate(all="ignore"):
        return bool(g.shape == e.shape and g.size and np.any(np.isclose(
            g.astype(np.float64), e.astype(np.float64), rtol=1e-5, atol=1e-8)))

