"""L_layer_model's costs list held against the costs its own loop computed, and the code that appends them.

After the loop's iterations were found right (loopflow.py: every iteration's forward pass, backward
pass and update are the lecture's), ``Js[i]`` is the cost J the learner's compute_cost returned on
iteration i's A[L] (n numbers). The list returned, ``costs`` (k numbers), is then one of a few
simple functions of ``Js``; :func:`sequence` says which, in the run's own iterations:

* a strict subsequence: the iterations whose cost is missing (the first one: the cost of the
  initial parameters), with the condition around the append when the source has one (``if i > 0:``);
* one number repeated: the cost of one iteration (the first, the last) appended every time, with
  the name appended and the name compute_cost's result goes to in the loop when they differ;
* shifted by one: costs[i] is J of iteration i - 1 (the append comes before compute_cost);
* a permutation: reversed, or not in the order the iterations ran.

:func:`appends` and :func:`returned_names` read the learner's source (ast only; nothing is run).
Every sentence is a fact of the run or of the text; nothing is said when no relation holds.
"""
from __future__ import annotations

import ast

import numpy as np

from .spec import agree


def _same(a, b) -> bool:
    try:
        return a is not None and b is not None and agree(a, b)
    except (TypeError, ValueError):
        return False


def _it(i) -> str:
    return f"iteration i = {i}"


def _list(ks) -> str:
    ks = list(ks)
    if len(ks) > 2 and ks == list(range(ks[0], ks[-1] + 1)):
        return f"{ks[0]}..{ks[-1]}"
    return ", ".join(str(k) for k in ks[:-1]) + (" and " if len(ks) > 1 else "") + str(ks[-1])


def _subsequence(costs, Js):
    """The indices of Js that costs holds, in order, when costs is Js with some items left out; else None."""
    kept, j = [], 0
    for c in costs:
        while j < len(Js) and not _same(c, Js[j]):
            j += 1
        if j == len(Js):
            return None
        kept.append(j)
        j += 1
    return kept


def sequence(costs, Js, source=None):
    """(id suffix, words) for the list ``costs`` as a function of the loop's own costs ``Js`` (one per
    iteration, from the learner's compute_cost), or None when costs is Js or no relation holds."""
    n = len(Js)
    if n < 2 or not costs or any(J is None for J in Js) or not all(_number(c) for c in costs):
        return None
    if len(costs) == n and all(_same(c, J) for c, J in zip(costs, Js)):
        return None
    distinct = not any(_same(Js[a], Js[b]) for a in range(n) for b in range(a + 1, n))
    if not distinct:
        return None   # a flat cost (alpha = 0, a saturated network): which iteration a number is cannot be told
    facts = appends(source)
    if len(costs) >= 2 and all(_same(c, costs[0]) for c in costs):
        j = next((j for j, J in enumerate(Js) if _same(costs[0], J)), None)
        whose = (" (the cost of the initial parameters)" if j == 0 else " (the last one)" if j == n - 1 else "") \
            if j is not None else ""
        what = f"the cost J of {_it(j)}{whose}" if j is not None else "a number that is no iteration's cost J"
        why = facts.get("stale", "the same number is put in costs every time, not the cost compute_cost returns in that iteration")
        return "loop_costs", (f"every cost in costs is the same: costs holds {what} {len(costs)} times, not the "
                              f"cost J of each iteration ({_list(range(n))}): {why}")
    if len(costs) == n and all(_same(c, J) for c, J in zip(costs[1:], Js)) and not _same(costs[0], Js[0]):
        first = f"{float(costs[0]):g}" if _number(costs[0]) else "another value"
        return "loop_costs", (f"each costs[i] is the cost J of iteration i - 1, the iteration before (costs[1] is the J "
                              f"of {_it(0)}), and costs[0] is {first}, no iteration's cost: the cost is appended "
                              f"before compute_cost runs in the iteration, so each append gives the previous one"), \
            ("whole_numbers",)   # costs[0] is a number set before the loop, not a cost made whole
    if len(costs) == n and all(any(_same(c, J) for J in Js) for c in costs) \
            and sorted(next(j for j, J in enumerate(Js) if _same(c, J)) for c in costs) == list(range(n)):
        if all(_same(c, J) for c, J in zip(costs, Js[::-1])):
            return "loop_costs", (f"costs holds the {n} costs in reverse order: costs[0] is the cost J of {_it(n - 1)}, "
                                  f"the last one; each new cost is put in front of the list, not appended")
        i = next(i for i, (c, J) in enumerate(zip(costs, Js)) if not _same(c, J))
        j = next(j for j, J in enumerate(Js) if _same(costs[i], J))
        return "loop_costs", (f"costs[{i}] is the cost J of {_it(j)}, not of {_it(i)}: the costs are not in the order "
                              f"the iterations ran")
    if len(costs) == n and all(_number(c) for c in costs):
        run = np.cumsum([float(J) for J in Js])
        for what, want in (("the mean", run / np.arange(1, n + 1)), ("the sum", run)):
            if all(_same(float(c), float(w)) for c, w in zip(costs, want)):
                return "loop_costs", (f"each costs[i] is {what} of the costs J of iterations 0..i (costs[1] = {what} "
                                      f"of J of iterations 0 and 1), a running {what[4:]}, not the cost J of iteration "
                                      f"i alone: append compute_cost's result as it is")
    if len(costs) > n:
        inside = _subsequence(Js, costs)
        if inside is not None:
            extra = [k for k in range(len(costs)) if k not in inside]
            where = (f"at the end (costs[{extra[0]}])" if extra == [len(costs) - 1] else
                     "in front (costs[0])" if extra == [0] else f"at places {_list(extra)}")
            return "loop_costs", (f"costs holds {len(costs)} values for num_iterations = {n}: the {n} costs J of the "
                                  f"iterations and {len(extra)} more {where}; costs holds one cost per iteration, "
                                  f"each computed before that iteration's update")
    kept = _subsequence(costs, Js) if len(costs) < n else None
    if kept:
        missing = [i for i in range(n) if i not in kept]
        if missing == [0]:
            lost = (f"costs[0], the cost of the initial parameters ({_it(0)}), is missing: costs holds the costs of "
                    f"iterations 1..{n - 1} only, one cost too few")
        else:
            lost = (f"costs holds the costs of iterations {_list(kept)} only, not those of iteration"
                    f"{'s' if len(missing) > 1 else ''} {_list(missing)}: {len(missing)} cost{'s' if len(missing) > 1 else ''} "
                    f"too few")
        cond = facts.get("condition")
        return "loop_costs", lost + (f"; the append sits under `if {cond}:`, which skips "
                                     f"{'them' if len(missing) > 1 else 'it'}" if cond else "")
    return None


def _number(v) -> bool:
    return (type(v) in (int, float) and not isinstance(v, bool)) or (type(v) is np.ndarray and v.size == 1) \
        or isinstance(v, np.floating)


def _fn(source):
    try:
        tree = ast.parse(source or "")
    except (SyntaxError, ValueError, TypeError):
        return None
    return next((n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)), None)


def _calls_named(node, name) -> bool:
    return any(isinstance(c, ast.Call) and isinstance(c.func, ast.Name) and c.func.id == name for c in ast.walk(node))


def _targets(stmt) -> list:
    """The plain names an assignment binds (``a = ...``, ``a, b = ...``)."""
    if not isinstance(stmt, ast.Assign):
        return []
    out = []
    for t in stmt.targets:
        out += [n.id for n in ast.walk(t) if isinstance(n, ast.Name)]
    return out


def appends(source) -> dict:
    """Facts of the learner's source about how costs is appended to inside the loop: ``condition``,
    the test of the one ``if`` around the only append (``i > 0``); ``stale``, words for an appended
    name that the loop never assigns from compute_cost while it assigns that result to another name."""
    fn = _fn(source)
    if fn is None:
        return {}
    loops = [n for n in ast.walk(fn) if isinstance(n, (ast.For, ast.While))]
    if len(loops) != 1:
        return {}
    loop, out = loops[0], {}
    adds = []   # (the append's statement, the ifs around it inside the loop)

    def visit(stmts, ifs):
        for s in stmts:
            call = s.value if isinstance(s, ast.Expr) else None
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "append" \
                    and isinstance(call.func.value, ast.Name) and len(call.args) == 1:
                adds.append((call.args[0], ifs))
            if isinstance(s, ast.If):
                visit(s.body, ifs + [s.test])
                visit(s.orelse, ifs + [None])
            elif isinstance(s, (ast.With, ast.Try)):
                visit(s.body, ifs)
    visit(loop.body, [])
    if len(adds) != 1:
        return {}
    value, ifs = adds[0]
    if len(ifs) == 1 and ifs[0] is not None:
        out["condition"] = ast.unparse(ifs[0])
    if isinstance(value, ast.Name):
        inside = [t for s in ast.walk(loop) if isinstance(s, ast.Assign) and _calls_named(s.value, "compute_cost")
                  for t in _targets(s)]
        assigned_in_loop = {t for s in ast.walk(loop) for t in _targets(s)}
        if inside and value.id not in inside and value.id not in assigned_in_loop:
            before = [t for s in fn.body if s is not loop and isinstance(s, ast.Assign) for t in _targets(s)]
            where = " (it is assigned before the loop and never again)" if value.id in before else ""
            out["stale"] = (f"the loop appends `{value.id}`{where}, but compute_cost's result in the loop goes to "
                            f"`{inside[0]}`: a variable other than the one compute_cost returned is appended")
    return out


def returned_names(source):
    """(the parameters name returned, the name the loop assigns update_parameters' result to, the name
    initialize_parameters' result is assigned to) from the learner's source, or None when not all plain."""
    fn = _fn(source)
    if fn is None:
        return None
    rets = [n for n in ast.walk(fn) if isinstance(n, ast.Return) and isinstance(n.value, ast.Tuple)
            and n.value.elts and isinstance(n.value.elts[0], ast.Name)]
    if len(rets) != 1:
        return None
    made = lambda block: [t for s in ast.walk(fn) if isinstance(s, ast.Assign)   # noqa: E731
                          and isinstance(s.value, ast.Call) and _calls_named(s.value, block) for t in _targets(s)]
    ups, inits = made("update_parameters"), made("initialize_parameters")
    if len(set(ups)) != 1 or len(set(inits)) != 1:
        return None
    return rets[0].value.elts[0].id, ups[0], inits[0]


def returned_initial(output, log, source) -> str | None:
    """Words for parameters returned that equal what initialize_parameters returned although the loop
    updated (the returns_initial_parameters mutant's claim, in this run's calls and the source's names)."""
    inits = [r for nm, _, r in log if nm == "initialize_parameters"]
    nU = sum(nm == "update_parameters" for nm, _, _ in log)
    got = output[0] if type(output) in (tuple, list) and len(output) == 2 else None
    if len(inits) != 1 or nU == 0 or type(got) is not dict or not _same(got, inits[0]):
        return None
    names = returned_names(source)
    if names is not None and names[0] != names[1] and names[0] == names[2]:
        ret, up, _ = names
        return (f"the loop assigns update_parameters' result to `{up}` ({nU} updates) but the function returns "
                f"`{ret}`, the dict initialize_parameters made before the loop: a different variable is returned, "
                f"so the trained parameters are thrown away and the initial parameters, never updated, come back")
    return (f"the parameters returned equal what initialize_parameters returned, although update_parameters ran "
            f"{nU} times: the trained parameters are thrown away and the initial parameters come back")


def stop(source) -> str | None:
    """Words for the one ``break`` (or ``return``) inside the function's only loop, with the ``if`` around
    it: what ends the loop before num_iterations (early stopping), or None."""
    fn = _fn(source)
    loops = [n for n in ast.walk(fn) if isinstance(n, (ast.For, ast.While))] if fn is not None else []
    if len(loops) != 1:
        return None
    found = []

    def visit(stmts, test):
        for st in stmts:
            if isinstance(st, (ast.Break, ast.Return)):
                found.append((st, test))
            elif isinstance(st, ast.If):
                visit(st.body, st.test if test is None else None)
                visit(st.orelse, None)
    visit(loops[0].body, None)
    if len(found) != 1:
        return None
    st, test = found[0]
    what = "`break`" if isinstance(st, ast.Break) else "the `return`"
    return (f"{what} under `if {ast.unparse(test)}:` ends the loop early (early stopping the notebook does not ask "
            f"for)" if test is not None else f"{what} inside the loop ends it early")


def guard(source, block) -> str | None:
    """The test of the one ``if`` around the only call of ``block`` (by name) inside the function's only
    loop, as written (``i < num_iterations - 1``), or None."""
    fn = _fn(source)
    loops = [n for n in ast.walk(fn) if isinstance(n, (ast.For, ast.While))] if fn is not None else []
    if len(loops) != 1:
        return None
    found = []

    def visit(stmts, tests):
        for st in stmts:
            if isinstance(st, ast.If):
                if _calls_named(st.test, block):
                    return found.append(None)
                visit(st.body, tests + [st.test])
                visit(st.orelse, tests + [None])
            elif _calls_named(st, block):
                found.append(tests[0] if len(tests) == 1 else None)
    visit(loops[0].body, [])
    return ast.unparse(found[0]) if len(found) == 1 and found[0] is not None else None
