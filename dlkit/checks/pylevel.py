"""Python-level causes of a wrong output, read from the learner's own source (W2b).

Each rule names a construct of the language, not of one exercise, that explains a failing report:

* ``assigned_on_other_branch`` (an UnboundLocalError, :func:`unset_on_branch`, a pyerrors rule): the
  name the failing line reads is assigned only inside a branch (or a loop) that did not run on this
  case, said with the branch's test and the case's value that made it false;
* ``literal_never_matches``: a string literal compared with an argument (or passed to a dlkit block)
  that no call of the notebook ever passes, while one value it passes is that literal spelled
  otherwise ('Relu' for 'relu'): the branch never runs;
* ``trailing_comma``: ``return x,`` / ``A = f(Z),``: a trailing comma makes a one-item tuple;
* ``late_binding``: a lambda (or def) made in a loop or a comprehension that reads the loop
  variable: every function made there sees its last value when called;
* ``stacked_activations``: an activation applied to another activation's output (relu(sigmoid(Z))).

:func:`explain` runs them on a failing report (never on a passing one: a verdict is never changed)
and puts what it finds first. Source parsing only: cheap.
"""
from __future__ import annotations

import ast
import difflib

ACTIVATIONS = ("relu", "sigmoid", "tanh", "softmax", "leaky_relu")   # lecture activation functions
_SAFE = (ast.Expression, ast.Compare, ast.BoolOp, ast.UnaryOp, ast.Name, ast.Load, ast.Constant, ast.Tuple,
         ast.List, ast.Set, ast.Eq, ast.NotEq, ast.In, ast.NotIn, ast.Is, ast.IsNot, ast.And, ast.Or, ast.Not,
         ast.Lt, ast.LtE, ast.Gt, ast.GtE)


def _function(text):
    from .causes import _tree

    fn = _tree(text)
    return fn if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)) else None


def _parents(fn) -> dict:
    out = {}
    for n in ast.walk(fn):
        for c in ast.iter_child_nodes(n):
            out[c] = n
    return out


def _params(fn) -> list:
    return [a.arg for a in fn.args.posonlyargs + fn.args.args]


def _evaluate(test, env):
    """The value of a simple test (comparisons of names and constants) with ``env``, or a ValueError."""
    if not all(isinstance(n, _SAFE) for n in ast.walk(ast.Expression(test))):
        raise ValueError("not a simple test")
    names = {n.id for n in ast.walk(test) if isinstance(n, ast.Name)}
    if not names <= set(env):
        raise ValueError("a name the case does not give")
    simple = {k: v for k, v in env.items() if type(v) in (str, int, float, bool) or v is None}
    if not names <= set(simple):
        raise ValueError("an array in the test")
    return eval(compile(ast.fix_missing_locations(ast.Expression(test)), "<test>", "eval"), {"__builtins__": {}}, simple)


# ---- a name assigned only on a branch that did not run (UnboundLocalError) -------------------------

def unset_on_branch(L, probe=False):
    """("assigned_on_other_branch", hint) for pyerrors' failing line ``L`` whose UnboundLocalError names
    a local that the function assigns before that line, but only inside an if branch (or a loop)
    that does not hold the failing line and did not run on this case; else None. With ``probe``:
    True when the test, evaluated on the case, shows that the branch did not run while another branch
    of the same if did (so "no branch ran for this activation" is not the cause)."""
    import re

    from . import firstwrong

    if L.err.exc_type != "UnboundLocalError" or L.fn is None:
        return None
    said = re.search(r"variable '(\w+)'", L.message)
    failing = L._failing_node()
    if said is None or failing is None:
        return None
    x = said.group(1)
    stores = [s for s, _ in L.assignments(x) if getattr(s, "lineno", 0) < failing.lineno]
    if not stores:
        return None    # no line before it sets it: unbound.read_before_set
    parents = _parents(L.fn)

    def chain(node):
        out = []
        while node in parents:
            node = parents[node]
            out.append(node)
        return out

    around_failing = set(chain(failing))
    env = dict(zip(_params(L.fn), L.case.args))
    store = stores[-1]
    child, guards = store, []
    for p in chain(store):
        if p in around_failing:
            break
        if isinstance(p, (ast.If, ast.For, ast.While)):
            guards.append((p, child))
        child = p
    if not guards:
        return None

    def not_taken(guard):   # True when the test (evaluated on the case) says the store's branch did not run
        p, c = guard
        if not isinstance(p, ast.If):
            return False
        try:
            return bool(_evaluate(p.test, env)) != any(c is b for b in p.body)
        except Exception:   # noqa: BLE001 - a test of computed values
            return False

    node, inner = next((g for g in guards if not_taken(g)), guards[0])   # the innermost that did not run
    if probe:
        if not not_taken((node, inner)):
            return False
        top = node
        while isinstance(parents.get(top), ast.If) and parents[top].orelse == [top]:
            top = parents[top]
        link = top
        while True:   # the if / elif / else chain: one branch ran when a test is true or an else ends it
            try:
                if bool(_evaluate(link.test, env)):
                    return True
            except Exception:   # noqa: BLE001
                return False
            if len(link.orelse) == 1 and isinstance(link.orelse[0], ast.If):
                link = link.orelse[0]
                continue
            return bool(link.orelse)
    fam = firstwrong.family(x)
    label = f" ({firstwrong.LECTURE[fam][0]})" if fam in firstwrong.LECTURE and firstwrong.LECTURE[fam][0] != x else ""
    stmt = L.source_line(store)
    lookalike = ""
    if isinstance(node, ast.If):
        top = node
        while isinstance(parents.get(top), ast.If) and parents[top].orelse == [top]:
            top = parents[top]
        others = {t.id for b in ast.walk(top) if isinstance(b, ast.stmt) and b is not inner
                  and not any(b is m for m in ast.walk(inner))
                  for t in ast.walk(b) if isinstance(t, ast.Name) and isinstance(t.ctx, ast.Store)} - {x}
        near = [o for o in sorted(others) if o.lower() == x.lower()] or difflib.get_close_matches(
            x, sorted(others), n=1, cutoff=0.8)
        if near:
            lookalike = (f" The other branch assigns {near[0]}, not {x} (names are case-sensitive: "
                         f"{near[0]} and {x} are two different names).")
        if parents.get(node) is not None and getattr(parents[node], "orelse", None) == [node] \
                and isinstance(parents[node], ast.If):
            keyword = "elif"
        else:
            keyword = "if"
    if isinstance(node, ast.If):
        in_else = any(inner is s or inner in ast.walk(s) for s in node.orelse) and not any(
            inner is s for s in node.body)
        test = ast.unparse(node.test)
        where = (f"the else part of `{keyword} {test}:`" if in_else else f"the branch `{keyword} {test}:`")
        try:
            value = bool(_evaluate(node.test, env))
            shown = ", ".join(f"{n} = {env[n]!r}" for n in dict.fromkeys(
                n.id for n in ast.walk(node.test) if isinstance(n, ast.Name)))
            why = (f"on this case {shown}: `{test}` is {value}, that branch did not run")
        except Exception:   # noqa: BLE001 - a test of computed values: said without its value
            why = "that branch did not run on this case"
    else:
        kind = "for" if isinstance(node, ast.For) else "while"
        where = f"the {kind} loop `{L.source_line(node)}`"
        why = "the loop ran zero times on this case"
    return "assigned_on_other_branch", (
        f"{x}{label} is never assigned on this path: `{stmt}` ({L.at(store)}) is indented inside {where} "
        f"({L.at(node)}); {why}, and nothing else assigns {x} before {L.at(failing)} reads it. Every path "
        f"through the function must compute {x}: put that line in every branch, or after the if, where it "
        f"runs whichever branch was taken.{lookalike}")


def ran_another_branch(spec, err, case) -> bool:
    """True when an UnboundLocalError's name is assigned only on a branch that did not run, while another
    branch of the same if ran on this case (the specs' unknown_activation is then not the cause)."""
    from .pyerrors import _Line

    try:
        return bool(unset_on_branch(_Line(spec, err, case), probe=True))
    except Exception:   # noqa: BLE001 - a best effort
        return False


# ---- string literals that never equal what is passed ------------------------------------------------

_STR_METHODS = ("lower", "upper", "strip", "title", "capitalize", "casefold")


def _near(literal, values):
    """The value ``literal`` is a misspelling of (same letters in another case, or close), or None."""
    if literal in values:
        return None
    for v in values:
        if v.lower() == literal.lower():
            return v
    close = difflib.get_close_matches(literal, list(values), n=1, cutoff=0.75)
    return close[0] if close else None


def _how(literal, value) -> str:
    if literal.lower() == value.lower():
        if literal != literal.lower() and value == value.lower():
            return "a capital letter where the name is all lower case; strings compare letter by letter, case included"
        return "the same letters in another case; strings compare letter by letter, case included"
    return "another spelling; strings compare letter by letter"


def _values(spec_name, index) -> set:
    from .specs import SPECS

    spec = SPECS.get(spec_name)
    if spec is None:
        return set()
    try:
        cases = spec.cases(None)
    except Exception:   # noqa: BLE001
        return set()
    return {c.args[index] for c in cases if index < len(c.args) and type(c.args[index]) is str}


def literal_never_matches(spec, fn):
    """words for the first string literal of ``fn`` that is compared with a parameter (==, !=, in, a
    dict key looked up with it) or passed to a dlkit block, that no public case passes while one
    value passed is that literal spelled otherwise; else None."""
    from .specs import SPECS

    params = _params(fn)
    own = {p: _values(spec.name, i) for i, p in enumerate(params)}
    own = {p: v for p, v in own.items() if v}
    exact = {(p, c.value) for n in ast.walk(fn) if isinstance(n, ast.Compare) for p in own
             if any(isinstance(side, ast.Name) and side.id == p for side in [n.left, *n.comparators])
             for side in [n.left, *n.comparators] for c in ([side] + list(getattr(side, "elts", [])))
             if isinstance(c, ast.Constant) and isinstance(c.value, str)}
    exact |= {(p, k.value) for n in ast.walk(fn) if isinstance(n, ast.Dict) for p in own for k in n.keys
              if isinstance(k, ast.Constant) and isinstance(k.value, str)}
    for n in ast.walk(fn):
        pairs = []
        if isinstance(n, ast.Compare) and len(n.ops) == 1:
            left, right = n.left, n.comparators[0]
            for a, b in ((left, right), (right, left)):
                method = None
                if isinstance(a, ast.Call) and not a.args and isinstance(a.func, ast.Attribute) \
                        and a.func.attr in _STR_METHODS and isinstance(a.func.value, ast.Name):
                    method, a = a.func.attr, a.func.value     # activation.upper() == "relu"
                if isinstance(a, ast.Name) and a.id in own and method is None and isinstance(n.ops[0], (
                        ast.Eq, ast.NotEq)) and isinstance(b, ast.Name) and b.id not in params and b.id not in {
                        t.id for t in ast.walk(fn) if isinstance(t, ast.Name) and isinstance(t.ctx, ast.Store)}:
                    near = _near(b.id, own[a.id]) if b.id not in own[a.id] else b.id
                    if near is not None:   # activation == relu: the text against the function itself
                        return (f"Your test `{ast.unparse(n)}` never matches: it compares {a.id}, a string "
                                f"({a.id} = {near!r}), with {b.id}, a name without quotes (the function {b.id} "
                                f"itself), and a string never equals a function; compare with the string: "
                                f"{a.id} == {near!r}.", [f"`{ast.unparse(n)}`"])
                if isinstance(a, ast.Name) and a.id in own:
                    lits = [b] if isinstance(b, ast.Constant) else list(getattr(b, "elts", []))
                    pairs += [(a.id, c.value, f"your test `{ast.unparse(n)}`", method) for c in lits
                              if isinstance(c, ast.Constant) and isinstance(c.value, str)]
        elif isinstance(n, getattr(ast, "Match", ())) and isinstance(n.subject, ast.Name) and n.subject.id in own:
            pairs += [(n.subject.id, c.pattern.value.value, f"your `case {c.pattern.value.value!r}:`", None)
                      for c in n.cases if isinstance(c.pattern, ast.MatchValue)
                      and isinstance(c.pattern.value, ast.Constant) and isinstance(c.pattern.value.value, str)]
        elif isinstance(n, ast.Dict) and own:
            used = {s.slice.id for s in ast.walk(fn) if isinstance(s, ast.Subscript) and isinstance(s.slice, ast.Name)}
            used |= {a.id for c in ast.walk(fn) if isinstance(c, ast.Call) and isinstance(c.func, ast.Attribute)
                     and c.func.attr == "get" for a in c.args[:1] if isinstance(a, ast.Name)}
            for p in set(own) & used:
                pairs += [(p, k.value, f"the key {k.value!r} of your dict", None) for k in n.keys
                          if isinstance(k, ast.Constant) and isinstance(k.value, str)]
        elif isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in SPECS \
                and n.func.id != spec.name:
            names = SPECS[n.func.id].arg_names
            for i, a in enumerate(n.args):
                if isinstance(a, ast.Constant) and isinstance(a.value, str) and i < len(names):
                    values = _values(n.func.id, i)
                    near = _near(a.value, values)
                    if near is not None:
                        return (f"`{ast.unparse(n)}` passes {names[i]} = {a.value!r}, a value {n.func.id} is never "
                                f"given in the lecture: it expects {near!r} ({_how(a.value, near)}), so {a.value!r} "
                                f"never matches the test inside it; pass {near!r}.", [f'"{a.value}"'])
        for p, lit, what, method in pairs:
            seen = {getattr(v, method)(): v for v in own[p]} if method else {v: v for v in own[p]}
            near = _near(lit, set(seen))
            if near is not None and method:
                return (f"{what[0].upper()}{what[1:]} never matches: the notebook passes {p} = {seen[near]!r}, so "
                        f"{p}.{method}() is {near!r}, never {lit!r} ({_how(lit, near)}), so the code for {lit!r} "
                        f"never runs; compare with {near!r}.", [f'"{lit}"'])
            if near is not None and (p, near) not in exact:   # the right spelling tested too: a harmless extra
                return (f"{what[0].upper()}{what[1:]} never matches: the notebook passes {p} = {near!r}, never "
                        f"{lit!r} ({_how(lit, near)}), so the code for {lit!r} never runs and every {near!r} call "
                        f"takes the other path; write {near!r} exactly as it is passed.", [f'"{lit}"'])
    return None


# ---- a trailing comma: a one-item tuple ---------------------------------------------------------------

def trailing_comma(fn, text):
    """words for a return or an assignment whose value is a one-item tuple, else None."""
    for n in ast.walk(fn):
        if isinstance(n, ast.Return) or isinstance(n, ast.Assign) and len(n.targets) == 1 \
                and isinstance(n.targets[0], (ast.Name, ast.Subscript, ast.Tuple)):
            v = n.value
            if not (isinstance(v, ast.Tuple) and len(v.elts) == 1) or isinstance(v.elts[0], ast.Constant):
                continue
            seg = ast.get_source_segment(text, v) or ""
            item = ast.get_source_segment(text, v.elts[0]) or ast.unparse(v.elts[0])
            stmt = (ast.get_source_segment(text, n) or ast.unparse(n)).split("\n")[0].strip()
            how = ("ends with a comma: a trailing comma makes a one-item tuple" if not seg.startswith("(")
                   else "writes a one-item tuple (the comma inside the parentheses makes the tuple)")
            if isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Tuple):
                return (f"`{stmt}` {how}, so the right-hand side is a tuple of one item holding {item}, and "
                        f"unpacking it into {len(n.targets[0].elts)} names finds one value; drop the comma.")
            whose = "your function returns" if isinstance(n, ast.Return) else f"{ast.unparse(n.targets[0])} is"
            return (f"`{stmt}` {how}, so {whose} a tuple of one item holding {item}, one level of nesting too "
                    f"many, where {item} itself belongs; drop the comma.")
    return None


# ---- a closure made in a loop reads the loop variable late -------------------------------------------

def _targets(node) -> set:
    return {t.id for t in ast.walk(node) if isinstance(t, ast.Name)}


def _kept(made, parents, loop) -> bool:
    """True when the function ``made`` in the for ``loop`` is kept past its iteration: stored into a
    dict or list entry, appended, or put into a container (called within the iteration, it is harmless)."""
    node = made
    while node in parents and node is not loop:
        up = parents[node]
        if isinstance(up, (ast.Dict, ast.List, ast.Tuple, ast.Set)):
            return True
        if isinstance(up, ast.Assign) and any(isinstance(t, ast.Subscript) for t in up.targets):
            return True
        if isinstance(up, ast.Call) and isinstance(up.func, ast.Attribute) and up.func.attr in (
                "append", "extend", "insert", "setdefault", "update", "add"):
            return True
        node = up
    return False


def late_binding(fn):
    """words for a lambda (or def) made inside a loop or a comprehension that reads that loop's
    variable (it sees the variable's last value when it is called), else None."""
    parents = _parents(fn)
    for n in ast.walk(fn):
        if not isinstance(n, (ast.Lambda, ast.FunctionDef)) or n is fn:
            continue
        own = {a.arg for a in n.args.posonlyargs + n.args.args + n.args.kwonlyargs}
        body = n.body if isinstance(n, ast.Lambda) else ast.Module(body=n.body, type_ignores=[])
        free = {m.id for m in ast.walk(body) if isinstance(m, ast.Name) and isinstance(m.ctx, ast.Load)} - own
        p = parents.get(n)
        while p is not None and p is not fn:
            loops = ([g for g in p.generators] if isinstance(p, (ast.ListComp, ast.SetComp, ast.DictComp,
                                                                 ast.GeneratorExp)) else
                     [p] if isinstance(p, (ast.For, ast.While)) and not isinstance(p, ast.While) else [])
            for loop in loops:
                read = sorted(free & _targets(loop.target))
                if not read or isinstance(p, ast.For) and not _kept(n, parents, p):
                    continue
                v = read[0]
                last = ""
                it = loop.iter
                if isinstance(it, (ast.Tuple, ast.List)) and it.elts:
                    end = it.elts[-1]
                    if isinstance(loop.target, ast.Name):
                        last = ast.unparse(end)
                    elif isinstance(loop.target, ast.Tuple) and isinstance(end, (ast.Tuple, ast.List)) \
                            and len(end.elts) == len(loop.target.elts):
                        last = next((ast.unparse(e) for t, e in zip(loop.target.elts, end.elts)
                                     if isinstance(t, ast.Name) and t.id == v), "")
                made = "lambda" if isinstance(n, ast.Lambda) else f"function {n.name}"
                names = [a.arg for a in n.args.posonlyargs + n.args.args] + [f"{v}={v}"]
                bound = (f"lambda {', '.join(names)}: {ast.unparse(n.body)}" if isinstance(n, ast.Lambda)
                         else f"def {n.name}({', '.join(names)}): ...")
                text = ast.unparse(n) if isinstance(n, ast.Lambda) else f"def {n.name}"
                where = "comprehension" if isinstance(p, (ast.ListComp, ast.SetComp, ast.DictComp,
                                                          ast.GeneratorExp)) else "loop"
                lastword = f" ({v} = {last})" if last else ""
                target = ast.unparse(loop.target).strip("()") if isinstance(loop.target, ast.Tuple) else ast.unparse(loop.target)
                return (f"The {made} `{text}` made in your {where} `for {target} in ...` reads "
                        f"{v} when it is called, not when it is made (late binding of a closure): by then {v} holds "
                        f"the loop's last value{lastword}, so every {made.split()[0]} made there does the same thing; "
                        f"bind the value when it is made ({bound}) or store {v} itself.")
            p = parents.get(p)
    return None


# ---- an activation applied to another activation's output --------------------------------------------

def _zero(node) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) in (int, float) and node.value == 0


def _exp_of_minus(node):
    """x for np.exp(-x) (math.exp(-x), exp(-x)), else None."""
    if isinstance(node, ast.Call) and len(node.args) == 1 and (
            isinstance(node.func, ast.Attribute) and node.func.attr == "exp"
            or isinstance(node.func, ast.Name) and node.func.id == "exp"):
        a = node.args[0]
        if isinstance(a, ast.UnaryOp) and isinstance(a.op, ast.USub):
            return a.operand
    return None


def _activation_of(node):
    """(activation, its input node) when ``node`` computes a lecture activation of one input: a call of
    relu / sigmoid / tanh ..., np.maximum(0, x), np.clip(x, 0, None), x.clip(min=0), 1 / (1 + np.exp(-x)),
    expit(x); else None."""
    if isinstance(node, ast.Call):
        f = node.func
        name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
        if name in ACTIVATIONS and node.args:
            return name, node.args[0]
        if name == "expit" and node.args:
            return "sigmoid", node.args[0]
        if name in ("maximum", "fmax") and len(node.args) == 2:
            a, b = node.args
            if _zero(a) or _zero(b):
                return "relu", b if _zero(a) else a
        if name == "clip":
            args = list(node.args)
            if isinstance(f, ast.Attribute) and not (isinstance(f.value, ast.Name) and f.value.id in ("np", "numpy")):
                args = [f.value] + args
            low = args[1] if len(args) > 1 else next((k.value for k in node.keywords if k.arg in ("min", "a_min")), None)
            high = args[2] if len(args) > 2 else next((k.value for k in node.keywords if k.arg in ("max", "a_max")), None)
            if args and low is not None and _zero(low) and (high is None or isinstance(high, ast.Constant)
                                                             and high.value is None):
                return "relu", args[0]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div) and isinstance(node.left, ast.Constant) \
            and node.left.value == 1 and isinstance(node.right, ast.BinOp) and isinstance(node.right.op, ast.Add):
        r = node.right
        for one, e in ((r.left, r.right), (r.right, r.left)):
            if isinstance(one, ast.Constant) and one.value == 1 and _exp_of_minus(e) is not None:
                return "sigmoid", _exp_of_minus(e)
    return None


def stacked_activations(fn, text):
    """words for an activation called on another activation's output, directly (relu(sigmoid(Z))) or
    through a name the line before set from it (A = sigmoid(Z); A = relu(A)), else None."""
    made = {}   # name -> (activation, statement) of the latest straight assignment from an activation call
    compound = (ast.If, ast.For, ast.While, ast.With, ast.Try, ast.FunctionDef)
    for n in sorted((m for m in ast.walk(fn) if isinstance(m, ast.stmt) and not isinstance(m, compound)),
                    key=lambda m: (m.lineno, m.col_offset)):
        for c in ast.walk(n):
            found = _activation_of(c)
            if found is None:
                continue
            outer, a = found
            inner = (_activation_of(a) or (None,))[0]
            via = ""
            if inner is None and isinstance(a, ast.Name) and a.id in made:
                inner, via = made[a.id]
            if inner is not None and inner != outer:
                stmt = (ast.get_source_segment(text, n) or ast.unparse(n)).split("\n")[0].strip()
                through = f" (`{via}` before it)" if via else ""
                same = (" ReLU leaves sigmoid's values (all between 0 and 1) as they are, so this layer gives "
                        "sigmoid(Z)." if (outer, inner) == ("relu", "sigmoid") else "")
                return (f"`{stmt}` applies {outer} to the output of {inner}{through}: {outer}({inner}(Z)), two "
                        f"activations stacked on one layer.{same} Each layer applies one activation to its own "
                        f"Z[l]: A[l] = g[l](Z[l]), the one its activation names.", [f"{outer}({inner}("])
        if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name):
            act = (_activation_of(n.value) or (None,))[0]
            stmt = (ast.get_source_segment(text, n) or ast.unparse(n)).split("\n")[0].strip()
            if act is not None:
                made[n.targets[0].id] = (act, stmt)
            else:
                made.pop(n.targets[0].id, None)
    return None


# ---- the hook ------------------------------------------------------------------------------------------

def explain(spec, call, runs, findings) -> list:
    """``findings`` with the Python-level cause found in the learner's source first (one at most), for
    a failing report; ``findings`` unchanged otherwise."""
    from .result import Finding

    if not findings or any(f.id.endswith(".assigned_on_other_branch") for f in findings):
        return findings
    found = None
    from . import dtypes

    said = dtypes.explain(spec, call, runs)
    if said is not None and said.id.endswith(".int_array") and any(
            w in f.hint for f in findings for w in ("whole", "integer")):
        said = None   # the whole numbers are named already, with their causes (relations' integer_values)
    if said is not None:
        found = said
    else:
        text = spec._learner_text(call)
        fn = _function(text)
        if fn is None:
            return findings
        wrong = next((c for c, _, w in runs if w), None)
        for rid, how in (("literal_never_matches", lambda: literal_never_matches(spec, fn)),
                         ("trailing_comma", lambda: trailing_comma(fn, text)),
                         ("late_binding", lambda: late_binding(fn)),
                         ("stacked_activations", lambda: stacked_activations(fn, text))):
            try:
                words = how()
            except Exception:   # noqa: BLE001 - a best effort: the report stays as it was
                words = None
            words, echoes = words if isinstance(words, tuple) else (words, ())
            if words and any(q in f.hint for f in findings for q in echoes):
                words = None   # the same construct is named already (causes.unknown_activation, a composition)
            if words:
                from .mistakes import hint_for
                details = [f"With {wrong.label}."] if wrong is not None else []
                found = Finding(f"{spec.name}.{rid}", hint_for(f"{spec.name}.{rid}", words=words), details)
                break
    if found is None:
        return findings
    return [found] + [f for f in findings if f.id != found.id]


__all__ = ["unset_on_branch", "literal_never_matches", "trailing_comma", "late_binding", "stacked_activations",
           "explain", "ACTIVATIONS"]
