"""Is a hint's cause in the learner's code? Preconditions of the hints chosen from an exception or
from a pattern in the output (issue 12, item 6: no finding about code the learner did not write).

A crash or a symptom has many causes: a KeyError 'W0' comes from a range that starts at 0, a
KeyError 'w1' from a key in lower case, a KeyError 'dW1' from a grads key asked of parameters.
A hint that names one cause is given only when this module finds that cause in the learner's
source (the AST, ``source_text``) or in the exception itself; otherwise :func:`key_error_fact`
and its kind give a plain sentence of what the exception means, never a guess.

Every function takes plain data (the source text, a LearnerError's fields, a case's arguments)
and returns a bool, a dict of hint fields, or None; none of them raises on odd code.
"""
from __future__ import annotations

import ast
import builtins
import re

from .source import _parse

LAYER_KEY = re.compile(r"'?(d?[AWb])(\d+)'?")
ACTIVATIONS = ("relu", "sigmoid")


def _tree(source_text):
    if not isinstance(source_text, str):
        return None
    try:
        return _parse(source_text)
    except Exception:   # an odd source never breaks a check
        return None


def shape_error(err) -> bool:
    """A ValueError of shapes that do not fit (numpy's, or dlkit's own check of its arguments)."""
    return err.exc_type == "ValueError" and any(
        w in err.message for w in ("shape", "broadcast", "matmul", "aligned", "dimension"))


def layer_key(message: str):
    """('W', 3) for a KeyError message "'W3'" (letters d?A/W/b and a number), else None."""
    if not isinstance(message, str):
        raise TypeError(f"layer_key: message must be the KeyError's text (str), got {type(message).__name__}")
    match = LAYER_KEY.fullmatch(message.strip())
    return (match.group(1), int(match.group(2))) if match else None


def key_of(message: str):
    """The key a KeyError names ("'w1'" -> 'w1', "3" -> 3), or None when it is not a literal."""
    try:
        return ast.literal_eval(message.strip())
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None


def len_not_halved(source_text) -> bool:
    """True if the source counts layers with len(parameters) without // 2, or with len(grads) (which
    holds three keys per layer): the cause the hint "L = len(parameters) // 2" names."""
    fn = _tree(source_text)
    if fn is None:
        return False
    if any(_is_len(n) and n.args[0].id == "grads" for n in ast.walk(fn)):
        return True   # grads holds dA, dW, db per layer: len(grads) // 2 is not L either
    count = sum(1 for n in ast.walk(fn) if _is_len(n))
    halves = sum(1 for n in ast.walk(fn) if isinstance(n, ast.BinOp) and isinstance(n.op, (ast.FloorDiv, ast.Div))
                 and _is_len(n.left))
    return count > halves


def _is_len(node) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "len" \
        and len(node.args) == 1 and isinstance(node.args[0], ast.Name) \
        and node.args[0].id in ("parameters", "params", "grads")


def activation_tests(source_text):
    """How the source tests its ``activation`` argument: {"is": [code], "names": [other strings],
    "compared": bool}. ``is``/``is not`` against a string, and the strings it is compared with that
    are not "relu" or "sigmoid" (a capital, a typo)."""
    fn = _tree(source_text)
    out = {"is": [], "names": [], "known": [], "compared": False}
    if fn is None:
        return out
    for n in ast.walk(fn):
        if not isinstance(n, ast.Compare):
            continue
        sides = [n.left, *n.comparators]
        if not any(isinstance(s, ast.Name) and s.id == "activation" for s in sides):
            continue
        out["compared"] = True
        strings = [s.value for s in sides if isinstance(s, ast.Constant) and isinstance(s.value, str)]
        for s in sides:   # activation in ("relu", "ReLU")
            if isinstance(s, (ast.Tuple, ast.List, ast.Set)):
                strings += [e.value for e in s.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        if strings and any(isinstance(op, (ast.Is, ast.IsNot)) for op in n.ops):
            out["is"].append(ast.get_source_segment(source_text, n) or "is")
        out["names"] += [s for s in strings if s not in ACTIVATIONS]
        out["known"] += [s for s in strings if s in ACTIVATIONS]
    out["names"] = list(dict.fromkeys(out["names"]))
    return out


def unknown_activation_why(source_text) -> str:
    """The sentence that follows "activation is "relu" or "sigmoid": ...", from what the source does."""
    tests = activation_tests(source_text)
    if tests["is"]:
        return (f"compare it with == (your {tests['is'][0]} tests whether two objects are the same one, "
                f"not whether the texts are equal) and handle both")
    if tests["names"]:
        shown = ", ".join(f'"{s}"' for s in tests["names"])
        return (f"your code compares activation with {shown}, which is never passed: the names are written "
                f"exactly \"relu\" and \"sigmoid\" (lower case), and both must be handled")
    return "handle both: no branch of your code ran for this activation, so the name it should set was never set"


def unknown_activation(name, err):
    """(``<name>.unknown_activation``, hint fields) worded from how the source tests activation
    (`is`, another spelling, a branch missing); None when the known source never compares activation
    (then the unset name has another cause)."""
    if err.source is not None:
        tests = activation_tests(err.source)
        if not tests["compared"] or not tests["is"] and not tests["names"] and set(tests["known"]) == set(ACTIVATIONS):
            return None   # both names tested with ==: the unset name has another cause (a branch sets another name)
    return f"{name}.unknown_activation", {"why": unknown_activation_why(err.source)}


def unpacks_cache_as_Z_first(source_text) -> bool:
    """True if the source unpacks cache with Z (activation_cache) first: ``Z, linear_cache = cache``
    or ``Z = cache[0]``; the cause of cache_unpacked_wrong."""
    fn = _tree(source_text)
    if fn is None:
        return False
    for n in ast.walk(fn):
        if not isinstance(n, ast.Assign) or len(n.targets) != 1:
            continue
        target, value = n.targets[0], n.value
        if isinstance(target, ast.Tuple) and isinstance(value, ast.Name) and value.id == "cache" and target.elts:
            first = target.elts[0]
            if isinstance(first, ast.Name) and (first.id.startswith("Z") or "activation" in first.id):
                return True
        if isinstance(target, ast.Name) and (target.id.startswith("Z") or "activation" in target.id) \
                and isinstance(value, ast.Subscript) and isinstance(value.value, ast.Name) \
                and value.value.id == "cache" and isinstance(value.slice, ast.Constant) and value.slice.value == 0:
            return True
    return False


def names_assigned_in_loops(source_text) -> set:
    """The names a for/while loop of the source assigns (its target and every name stored in its body)."""
    fn = _tree(source_text)
    names = set()
    if fn is None:
        return names
    for loop in ast.walk(fn):
        if isinstance(loop, (ast.For, ast.While)):
            for n in ast.walk(loop):
                if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
                    names.add(n.id)
    return names


def loop_passes_unchanged(source_text, helper_suffix) -> bool:
    """True if a loop of the source calls a function whose name ends in ``helper_suffix`` with a first
    argument (a name) that no loop assigns: every layer is handed the same array (dA[L])."""
    fn = _tree(source_text)
    if fn is None:
        return False
    assigned = names_assigned_in_loops(source_text)
    for loop in ast.walk(fn):
        if not isinstance(loop, (ast.For, ast.While)):
            continue
        for n in ast.walk(loop):
            if isinstance(n, ast.Call) and n.args and isinstance(n.args[0], ast.Name) \
                    and n.args[0].id not in assigned and _callee(n).endswith(helper_suffix):
                return True
    return False


def _callee(call) -> str:
    f = call.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""


def _role(name: str):
    """What a variable holds, from its name (dA_prev -> dA, dW2 -> dW, linear_cache -> cache), or None."""
    low = re.sub(r"\d+$", "", name).lower()
    for prefix, role in (("da", "dA"), ("dw", "dW"), ("db", "db"), ("dz", "dZ")):
        if low.startswith(prefix):
            return role
    if "cache" in low:
        return "cache"
    return {"a": "A", "al": "A", "a_prev": "A", "z": "Z"}.get(low)


def unpacked_out_of_order(source_text, parts_of):
    """(helper, its outputs, the names unpacked) for an assignment ``dW, db, dA = helper(...)`` whose
    names hold the helper's outputs in another order, or None. ``parts_of`` maps a helper's name to
    its outputs' names (the exercises' ``parts``)."""
    fn = _tree(source_text)
    if fn is None:
        return None
    for n in ast.walk(fn):
        if not (isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Tuple)
                and isinstance(n.value, ast.Call)):
            continue
        helper = _callee(n.value)
        parts = parts_of.get(helper)
        names = [e.id if isinstance(e, ast.Name) else None for e in n.targets[0].elts]
        if not parts or None in names or len(names) != len(parts):
            continue
        got, want = [_role(x) for x in names], [_role(x) for x in parts]
        if None not in got and sorted(got) == sorted(want) and got != want:
            return helper, tuple(parts), tuple(names)
    return None


def first_call_arg(line, helper):
    """The first argument written in ``helper(...)`` on ``line``, as text, or None."""
    match = re.search(rf"\b{helper}\(\s*([A-Za-z_]\w*)", line or "")
    return match.group(1) if match else None


def integer_cause(source_text):
    """True if the source divides with // (other than a count of layers, len(...) // 2) or casts to
    int (int(...), .astype(int), dtype=int): the causes the integer_values hint names. None when
    the source is unknown."""
    fn = _tree(source_text)
    if fn is None:
        return None
    for n in ast.walk(fn):
        if isinstance(n, ast.BinOp) and isinstance(n.op, ast.FloorDiv) and not (
                isinstance(n.left, ast.Call) and isinstance(n.left.func, ast.Name) and n.left.func.id == "len"):
            return True
        if isinstance(n, ast.AugAssign) and isinstance(n.op, ast.FloorDiv):
            return True
        if isinstance(n, ast.Call):
            f = n.func
            if isinstance(f, ast.Name) and f.id in ("int", "divmod"):
                return True
            if isinstance(f, ast.Attribute) and f.attr in ("floor_divide", "floor", "trunc", "fix", "divmod"):
                return True   # np.floor_divide(a, m) is a // m; np.floor / np.trunc drop fractions as int() does
            if isinstance(f, ast.Attribute) and f.attr == "astype" and n.args and _int_type(n.args[0]):
                return True
            if any(k.arg == "dtype" and _int_type(k.value) for k in n.keywords):
                return True
            if isinstance(f, ast.Attribute) and f.attr in ("zeros_like", "empty_like", "ones_like", "full_like"):
                return True   # a copy of an int array's dtype
    return False


def _int_type(node) -> bool:
    text = ast.unparse(node) if hasattr(ast, "unparse") else ""
    return bool(re.fullmatch(r"(np\.|numpy\.)?u?int\d*|'u?int\d*'|\"u?int\d*\"", text))


def _calls(source_text):
    fn = _tree(source_text)
    return None if fn is None else [_callee(n) for n in ast.walk(fn) if isinstance(n, ast.Call)]


def clips(source_text):
    """True if the source bounds A[L] (np.clip, .clip, np.maximum/np.minimum, np.fmax/np.fmin,
    np.nan_to_num); None when unknown."""
    calls = _calls(source_text)
    return None if calls is None else any(
        c in ("clip", "maximum", "minimum", "fmax", "fmin", "nan_to_num") for c in calls)


def exponentiates(source_text):
    """True if the source raises e to a power (exp, expm1, power, **, np.e, math.e); None when unknown."""
    fn = _tree(source_text)
    if fn is None:
        return None
    for n in ast.walk(fn):
        if isinstance(n, ast.Call) and _callee(n) in ("exp", "expm1", "exp2", "power", "float_power", "pow"):
            return True
        if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Pow) or isinstance(n, ast.Attribute) and n.attr == "e":
            return True
    return False


def loops(source_text):
    """True if the source has a for or while loop (or a comprehension); None when unknown."""
    fn = _tree(source_text)
    if fn is None:
        return None
    return any(isinstance(n, (ast.For, ast.While, ast.comprehension)) for n in ast.walk(fn))


def writes_in_place(source_text):
    """True if the source writes into an existing array (Z[Z < 0] = 0, Z *= ..., out=..., np.copyto,
    .fill) or calls another function that may (one of the learner's helpers); None when unknown."""
    fn = _tree(source_text)
    if fn is None:
        return None
    body = [n for stmt in fn.body for n in ast.walk(stmt)]   # not the decorators
    for n in body:
        if isinstance(n, ast.Subscript) and isinstance(n.ctx, ast.Store) or isinstance(n, ast.AugAssign):
            return True
        if isinstance(n, ast.Call):
            name = _callee(n)
            if any(k.arg == "out" for k in n.keywords) or name in ("copyto", "fill", "put", "place", "putmask"):
                return True
            if isinstance(n.func, ast.Name) and not hasattr(builtins, name):
                return True   # a function of the notebook (relu, linear_activation_forward) may write in place
    return False


def key_error_fact(err, arg_names, args) -> str:
    """A factual sentence for a KeyError: which of the exercise's dict arguments has no such key, what
    its keys are, and where the key asked for is (a key of another argument, or of none)."""
    key = key_of(err.message)
    shown = repr(key) if key is not None else err.message.strip()
    dicts = [(name, value) for name, value in zip(arg_names, args) if type(value) is dict]
    holders = [name for name, value in dicts if key in value] if key is not None else []
    lacking = [(name, value) for name, value in dicts if name not in holders]

    def keys(value):
        listed = list(value)[:6]
        return ", ".join(str(k) for k in listed) + (", ..." if len(value) > len(listed) else "")
    if holders and lacking:
        name, value = lacking[0]
        return (f"The key {shown} was asked of a dict that does not have it: {shown} is a key of {holders[0]}; "
                f"{name} has the keys {keys(value)}.")
    close = [k for _, value in dicts for k in value if isinstance(k, str) and isinstance(key, str)
             and k.lower() == key.lower() and k != key]
    if len(dicts) == 1 and not holders:
        name, value = dicts[0]
        text = f"{name} has no key {shown}: its keys are {keys(value)}; the key you asked for is not one of them"
    elif dicts and not holders:
        text = (f"No key {shown} in " + " or ".join(n for n, _ in dicts) + ": their keys are "
                + "; ".join(f"{n}: {keys(v)}" for n, v in dicts) + "; the key you asked for is not one of them")
    else:
        text = (f"Your code asked a dict for the key {shown}, which it does not hold (yet): "
                f"a dict gives only the keys stored in it")
    if close:
        text += f" (keys are case-sensitive: {shown} is not {close[0]!r})"
    return text + "."


def key_cause(message, arg_names, args):
    """The lecture's reason for a KeyError, in its layer numbering 1..L, or None: the key asked for
    (from ``message``) held against the keys of the exercise's dict arguments: layer 0 or L + 1
    (layers are numbered 1..L), a parameter's name asked of grads (grads' keys carry a 'd'), a
    gradient's name asked of parameters, a grads key with its 'd' dropped that names no parameter
    (dA[l]: grads also holds the activations' gradients), a key in the other case."""
    key = key_of(message)
    dicts = [(name, value) for name, value in zip(arg_names, args) if type(value) is dict]
    if type(key) is not str or not dicts:
        return None
    holds = lambda k: [n for n, d in dicts if k in d]   # noqa: E731
    if holds(key):   # a key of one dict asked of another: which naming each dict uses
        if holds("d" + key):
            return (f"the keys of {holds('d' + key)[0]} carry a 'd' in front of the parameter's name (the 'd' prefix): "
                    f"the gradient of {key} is d{key}, so ask {holds('d' + key)[0]} for 'd' + the key")
        if key.startswith("d") and holds(key[1:]):
            return (f"{key} is a gradient's name, a key of {holds(key)[0]}: {holds(key[1:])[0]} holds {key[1:]}, "
                    f"without the 'd'")
        return None
    found = re.fullmatch(r"([A-Za-z]+)(\d+)", key)
    numbers = [int(m.group(1)) for _, d in dicts for k in d if type(k) is str
               for m in [re.fullmatch(r"W(\d+)", k)] if m]
    L = max(numbers) if numbers else None
    if found and L:
        p, num = found.group(1), int(found.group(2))
        family = [k for _, d in dicts for k in d if type(k) is str and re.fullmatch(p + r"\d+", k)]
        if family and num == 0:
            return (f"there is no {key}: layers are numbered 1..L, so the keys run {p}1..{p}{L} (layer 0 is the "
                    f"input X, which has no {p}); a loop over the layers starts at 1")
        if family and num == L + 1:
            return (f"{key} is one layer past the last: the keys run {p}1..{p}{L}, L = {L} (layers are "
                    f"numbered 1..L)")
    if holds("d" + key) and holds(key[:1].upper() + key[1:] if key else key) == [] and not holds(key):
        grads = holds("d" + key)[0]
        others = [n for n, _ in dicts if n != grads]
        if found and others and not any(re.fullmatch(found.group(1) + r"\d+", str(k))
                                        for n, d in dicts if n != grads for k in d):
            dA = [k for k in dicts[[n for n, _ in dicts].index(grads)][1] if str(k).startswith("d" + found.group(1))]
            return (f"{key} is {grads}' key d{key} with its 'd' dropped: {grads} also holds "
                    f"d{found.group(1)}[l] ({', '.join(map(str, dA[:4]))}), the gradients of the activations, which "
                    f"have no parameter in {others[0]}: only the W and b keys are updated, each with its "
                    f"dW[l] or db[l], for l = 1..L")
    if key.startswith("d") and holds(key[1:]) and not holds(key):
        return (f"{key} is a gradient's name: {holds(key[1:])[0]} holds {key[1:]}, without the 'd'; the keys "
                f"with a 'd' (dW1, db1) are the gradients'")
    if holds("d" + key):
        return (f"the keys of {holds('d' + key)[0]} carry a 'd' in front of the parameter's name (the 'd' prefix): "
                f"the gradient of {key} is d{key}, so ask for 'd' + the key")
    close = [k for _, d in dicts for k in d if type(k) is str and k.lower() == key.lower() and k != key]
    if close:
        return f"keys are case sensitive: {key!r} is not {close[0]!r}"
    return None


_STEP = {"relu": ("relu", "relu_backward"), "sigmoid": ("sigmoid", "sigmoid_backward")}


def _calls_in(body) -> set:
    return {_callee(n) for stmt in body for n in ast.walk(stmt) if isinstance(n, ast.Call)}


def _bare_test(code):
    return (f"Your `{code}` tests activation itself, and a non-empty string (\"relu\" or \"sigmoid\") is "
            f"always true, so the first branch runs for every layer; compare the value, activation == \"relu\".")


def branch_cause(source_text, used):
    """Why one activation runs for every layer (the finding "activation is ignored: <used> is applied
    even when ..."), when the learner's source shows it, as a sentence; else None:
    a test ``activation == "sigmoid" or "relu"`` (a non-empty string is always true), both branches
    calling the same block (a copy-paste), or an assignment after the if that runs for every call and
    overwrites what the other branch computed (no else)."""
    fn = _tree(source_text)
    if fn is None or used not in _STEP:
        return None
    other = "sigmoid" if used == "relu" else "relu"
    for node in ast.walk(fn):
        bare = isinstance(node, (ast.If, ast.IfExp)) and isinstance(node.test, ast.Name) \
            and node.test.id == "activation"   # `if activation`: a truth test of the name, always true
        if bare and not set(_STEP[other]) & _calls_in([node.body] if isinstance(node, ast.IfExp) else node.body):
            return _bare_test(f"{ast.unparse(node.body)} if activation else ..." if isinstance(node, ast.IfExp)
                              else "if activation:")
        if not isinstance(node, ast.If):
            continue
        test = node.test
        if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.Or):
            loose = [v for v in test.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
            if loose:
                return (f"Your test `{ast.unparse(test)}` is always true: a non-empty string such as "
                        f"{loose[0].value!r} counts as True on its own, so the first branch runs for every layer; "
                        f"compare each value, activation == \"relu\" or activation == \"sigmoid\".")
        branches = [node.body]
        rest = node.orelse
        while rest:
            if len(rest) == 1 and isinstance(rest[0], ast.If):
                branches.append(rest[0].body)
                rest = rest[0].orelse
            else:
                branches.append(rest)
                rest = []
        if len(branches) >= 2:
            calls = [_calls_in(b) & set(_STEP[used] + _STEP[other]) for b in branches]
            shared = set.intersection(*calls) & set(_STEP[used])
            if shared and not any(set(_STEP[other]) & c for c in calls):
                name = sorted(shared)[0]
                return (f"Every branch of your if calls {name} (a copy-paste?): the {other} branch must call "
                        f"{_STEP[other][_STEP[used].index(name)]}.")
    for block in [fn.body] + [n.body for n in ast.walk(fn) if isinstance(n, (ast.For, ast.While, ast.With))]:
        for i, stmt in enumerate(block):
            if not isinstance(stmt, ast.If):
                continue
            inside = {t.id for n in ast.walk(stmt) if isinstance(n, ast.Assign) for t in n.targets
                      if isinstance(t, ast.Name)}
            for later in block[i + 1:]:
                if isinstance(later, ast.Assign) and any(isinstance(t, ast.Name) and t.id in inside
                                                         for t in later.targets) \
                        and set(_STEP[used]) & _calls_in([later]):
                    return (f"`{ast.unparse(later)}` comes after the if, so it runs on every call and overwrites "
                            f"what the {other} branch computed: put it in an else branch.")
    return None


__all__ = ["shape_error", "layer_key", "key_of", "len_not_halved", "activation_tests", "unknown_activation_why", "unknown_activation",
           "unpacks_cache_as_Z_first", "names_assigned_in_loops", "loop_passes_unchanged", "first_call_arg", "integer_cause",
           "key_error_fact", "key_cause", "branch_cause", "unpacked_out_of_order", "clips", "exponentiates", "loops", "writes_in_place"]
