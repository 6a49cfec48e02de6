"""A nested output matched piece by piece against the reference's own values (diag16).

The learner's output (caches, a cache, a linear_cache) is read as a tree. Every node that is not
right where it is gets the name of the reference value it holds, if any: a layer's quantity
(A[l-1], W[l], b[l], Z[l], A[l], also transposed: W[l]^T), a layer's linear cache or its whole
cache. The tree of names is then held against the tree that belongs there, and the difference is
said in the lecture's words: an item missing (Z[l]), one too many, one quantity where another
belongs (A[l] where Z[l] belongs), the items in another order, the two parts of a cache swapped, a
level of nesting too many or too few. A caches list is said per layer, and once for every layer
when every layer's cache is wrong the same way ("caches[l-1] is (A[l-1], W[l], b[l]), layer l's
linear cache only, for every layer: Z[l] is missing from every cache").

A value that is no reference value at all is said by its place only (which layer, which part);
its numbers are left to :mod:`relations`.
"""
from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np

from . import compare
from .result import Finding


class Name(NamedTuple):
    """A reference value: its family ('A', 'W', 'b', 'Z', 'linear_cache', 'cache') and layer.

    ``single``: an exercise of one layer, whose layer is the lecture's l (layer 0 is l, -1 is l-1);
    ``how`` is '' or 'T' (held transposed)."""
    family: str
    layer: int
    single: bool = False
    how: str = ""


def _layer_text(layer, single, rel=None):
    if single or rel is not None:
        off = layer if single else layer - rel
        return "l" if off == 0 else f"l{off:+d}"
    return str(layer)


def render(name: Name, rel=None) -> str:
    """'A[l-1]', 'W[2]^T', "layer 2's linear cache" ...; ``rel``: the layer said as l."""
    k = _layer_text(name.layer, name.single, rel)
    if name.family in ("cache", "linear_cache"):
        what = "cache (linear_cache, Z)" if name.family == "cache" else "linear cache"
        if name.single:
            return f"the {what}" + (" of the previous layer" if name.layer else "")
        return f"layer {k}'s {what}"
    text = f"{name.family}[{k}]"
    if name.how == "old":
        return f"{text} before the update (the one given)"
    return text + "^T" if name.how == "T" else text


# ---- the reference's values, named ---------------------------------------------------------------

def _layer_values(A_prev, W, b, Z, layer, single):
    n = lambda fam, k=layer: Name(fam, k, single)
    lc = (A_prev, W, b)
    return [(n("A", layer - 1), A_prev), (n("W"), W), (n("b"), b), (n("Z"), Z),
            (n("linear_cache"), lc), (n("cache"), (lc, Z))]


def named_values(spec_name, expected):
    """[(Name, value)] for every value of the reference's output worth a name, or None for an
    exercise whose output is not read here."""
    try:
        if spec_name == "model_forward":
            AL, caches = expected
            out = []
            for l, ((A_prev, W, b), Z) in enumerate(caches, start=1):
                out += _layer_values(A_prev, W, b, Z, l, False)
            return out + [(Name("A", len(caches)), AL)]
        if spec_name == "linear_activation_forward":
            A, ((A_prev, W, b), Z) = expected
            return _layer_values(A_prev, W, b, Z, 0, True) + [(Name("A", 0, True), A)]
        if spec_name == "linear_forward":
            Z, (A_prev, W, b) = expected
            return [v for v in _layer_values(A_prev, W, b, Z, 0, True) if v[0].family != "cache"]
    except (TypeError, ValueError):
        return None
    return None


def _backward_values(spec_name, expected, args):
    """[(Name, value)] for a single-layer backward step's outputs and what it was given (dZ[l], the
    linear cache's A[l-1], W[l], b[l], and for linear_activation_backward dA[l], Z[l] and the dZ[l] it
    computes on the way), or None."""
    from .. import relu_backward, sigmoid_backward   # the reference's slope step, for the dZ[l] in between

    n = lambda fam, k=0: Name(fam, k, True)
    try:
        dA_prev, dW, db = expected
        if spec_name == "linear_backward":
            dZ, (A_prev, W, b) = args[0], args[1]
            given = []
        elif spec_name == "linear_activation_backward":
            dA, ((A_prev, W, b), Z), activation = args[0], args[1], args[2]
            dZ = (relu_backward if activation == "relu" else sigmoid_backward)(dA, Z)
            given = [(n("dA"), dA), (n("Z"), Z)]
        else:
            return None
    except (TypeError, ValueError):
        return None
    return [(n("dA", -1), dA_prev), (n("dW"), dW), (n("db"), db), (n("dZ"), dZ),
            (n("A", -1), A_prev), (n("W"), W), (n("b"), b), *given]


_KEY = re.compile(r"^([A-Za-z]+)(\d+)$")


def key_name(key):
    """Name('dW', 2) for the key 'dW2', or None."""
    found = _KEY.match(key) if type(key) is str else None
    return Name(found.group(1), int(found.group(2))) if found else None


def dict_values(spec_name, expected, args):
    """[(Name, array)] for a dict output's entries (W1, dW2, ...) and, for update_parameters, the
    parameters it was given (W[l] before the update) and the gradients; None for another output."""
    DICTS = {"model_backward": (), "update_parameters": (0, 1), "initialize_parameters": ()}
    if spec_name not in DICTS or type(expected) is not dict:
        return None
    out = [(key_name(k), v) for k, v in expected.items() if key_name(k) is not None and type(v) is np.ndarray]
    for index in DICTS[spec_name]:
        given = args[index] if len(args) > index and type(args[index]) is dict else {}
        out += [(key_name(k)._replace(how="old" if index == 0 else ""), v) for k, v in given.items()
                if key_name(k) is not None and type(v) is np.ndarray and not k.startswith("dA")]
    return out


def dict_words(got, exp, values, dictname):
    """(words, clean) for a dict whose entries hold other entries' values (grads["dW2"] holds dW[1]):
    one sentence when one family is shifted by the same number of layers on every wrong key; clean is
    True when every wrong key holds a named value. None when no wrong key holds one."""
    if type(got) is not dict or type(exp) is not dict:
        return None
    wrong = [k for k in exp if k in got and not _agree(got[k], exp[k])]
    held = [(k, lookup(got[k], values, prefer=key_name(k).family if key_name(k) else None)) for k in wrong]
    moved = [(k, n) for k, n in held if n is not None and key_name(k) is not None and n != key_name(k)]
    if not moved:
        return None
    clean = len(moved) == len(wrong)
    shifts = {(key_name(k).family, n.family, n.how, n.layer - key_name(k).layer) for k, n in moved}
    if clean and len(shifts) == 1 and len(moved) > 1:
        fam, other, how, d = next(iter(shifts))
        l_held = f"{other}[l{d:+d}]" if d else f"{other}[l]"
        if how == "old":
            l_held += " before the update (the one given)"
        keys = ", ".join(f'{dictname}["{k}"]' for k, _ in moved[:3]) + (", ..." if len(moved) > 3 else "")
        return (f'every wrong {fam} key holds {l_held} where {fam}[l] belongs ({keys}): '
                + "; ".join(f'{dictname}["{k}"] holds {render(n)}' for k, n in moved[:2]), True)
    said = "; ".join(f'{dictname}["{k}"] holds {render(key_name(k))} transposed' if n._replace(how="") == key_name(k)
                     else f'{dictname}["{k}"] holds {render(n)} where {render(key_name(k))} belongs' for k, n in moved[:2])
    return said, clean


def _agree(got, exp) -> bool:
    from .spec import agree   # spec imports this module's callers

    return agree(got, exp)


def lookup(got, values, prefer=None):
    """The Name of the reference value ``got`` holds (an array also transposed), or None.
    ``prefer``: the family that belongs there, tried first (A[l] and Z[l] agree where Z > 0)."""
    order = sorted(values, key=lambda nv: nv[0].family != prefer)
    if type(got) is np.ndarray:
        for name, v in order:
            if type(v) is np.ndarray and v.shape == got.shape and compare.close(got, v):
                return name
        for name, v in order:   # a square array's transpose only where it is not the array itself
            if type(v) is np.ndarray and got.ndim == 2 and v.shape == got.shape[::-1] and v.size > 1 \
                    and compare.close(got.T, v) and not (v.shape == got.shape and compare.close(got, v)):
                return name._replace(how="T")
        return None
    if type(got) in (tuple, list):
        for name, v in order:
            if type(v) is tuple and _agree(got, v):
                return name
    return None


# ---- trees of names --------------------------------------------------------------------------------

class Node(NamedTuple):
    kind: str            # 'name', 'tuple', 'list', 'array', 'other'
    name: Name = None    # what the node holds, when it is a reference value
    items: tuple = ()    # a container's items (also for a named container: its own items)
    text: str = ""       # 'array'/'other': what it is; a container's type
    keys: tuple = ()     # 'dict': its keys, in the order of items


def tree(x, values, prefer=None, depth=0) -> Node:
    """The tree of what ``x`` holds: named nodes where the reference has the value."""
    name = lookup(x, values, prefer)
    if type(x) in (tuple, list) and depth < 4:
        items = tuple(tree(v, values, None, depth + 1) for v in x)
        return Node(type(x).__name__ if name is None else "name", name, items, type(x).__name__)
    if type(x) is dict and depth < 4 and all(type(k) is str for k in x):
        return Node("dict", None, tuple(tree(v, values, None, depth + 1) for v in x.values()), "dict", tuple(x))
    if name is not None:
        return Node("name", name)
    if type(x) is np.ndarray:
        return Node("array", text=f"an array {compare.shape_text(x.shape)}")
    if x is None:
        return Node("other", text="None")
    from .plain import kind

    return Node("other", text=kind(x))


def exp_tree(x, values, depth=0) -> Node:
    """The tree of what belongs: every node named, containers with their items."""
    return tree(x, values, depth=depth)


def show(node: Node, rel=None, top=True) -> str:
    """A node in words: a name, or its items in brackets."""
    if node.kind == "name" and (not node.items or not top):
        return render(node.name, rel)
    if node.kind in ("tuple", "list") or node.kind == "name":
        inner = ", ".join(show(i, rel, False) for i in node.items)
        if node.text == "list" or node.kind == "list":
            return f"[{inner}]"
        return f"({inner},)" if len(node.items) == 1 else f"({inner})"
    return node.text


def _spell(node: Node, rel=None) -> str:
    """A node in words with its items: '(A[l-1], W[l], b[l])', also for a named container."""
    if node.kind == "dict":
        return "a dict {" + ", ".join(f"'{k}': {_spell(i, rel)}" for k, i in zip(node.keys, node.items)) + "}"
    if node.items or node.kind in ("tuple", "list"):
        inner = ", ".join(_spell(i, rel) for i in node.items)
        return f"[{inner}]" if node.text == "list" else (f"({inner},)" if len(node.items) == 1 else f"({inner})")
    return show(node, rel, False)


def leaves_of(node: Node) -> list:
    """The names at the leaves (containers opened), None for a leaf that is no reference value."""
    if node.items:
        return [x for i in node.items for x in leaves_of(i)]
    return [node.name if node.kind == "name" else None]


def _same(a: Node, b: Node) -> bool:
    if a.kind == "name" and b.kind == "name" and a.name == b.name:
        return True
    if a.items and b.items and len(a.items) == len(b.items) and (a.kind == "dict") == (b.kind == "dict"):
        return all(_same(x, y) for x, y in zip(a.items, b.items))
    return False


def _list_names(names, rel) -> str:
    names = [render(n, rel) for n in names]
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]


def differences(got: Node, exp: Node, label: str, rel=None) -> list:
    """Clauses saying how ``got`` differs from ``exp`` (the node that belongs at ``label``)."""
    if _same(got, exp):
        return []
    if got.kind == "name" and not got.items and exp.kind == "name" and not exp.items:
        if got.name._replace(how="") == exp.name:
            return [f"{label} holds {render(exp.name, rel)} transposed ({render(got.name, rel)})"]
        return [f"{label} holds {render(got.name, rel)} where {render(exp.name, rel)} belongs"]
    if got.kind == "dict" and exp.items:
        held = "the right values by name" if sorted(map(str, leaves_of(got))) == sorted(map(str, leaves_of(exp))) \
            else "values by name"
        return [f"a dict where a {exp.text or 'tuple'} belongs: {held}, but the next step unpacks {label} by "
                f"position ({', '.join(f'{label}[{i}]' for i in range(len(exp.items)))}), not by key"]
    if not got.items:
        if got.kind in ("array", "other") and exp.items:
            return [f"{label} is {got.text} where {_spell(exp, rel)} belongs"]
        if got.kind == "name" and exp.items:
            return [f"{label} is {render(got.name, rel)} alone where {_spell(exp, rel)} belongs"]
        none = " that is none of the reference's values" if got.kind == "array" else ""
        return [f"{label} ({render(exp.name, rel) if exp.kind == 'name' else 'this item'}) is {got.text}{none}"]
    if not exp.items:   # a container where one array belongs
        return [f"{label} is {_spell(got, rel)} where {render(exp.name, rel)} alone belongs"]
    # a level of nesting too many: what belongs is inside
    inner = [i for i, item in enumerate(got.items) if _same(item, exp)]
    if inner:
        rest = [_spell(item, rel) for j, item in enumerate(got.items) if j != inner[0]]
        if not rest:
            return [f"an extra level of nesting: the right {_spell(exp, rel)} inside a {got.text} of its own"]
        return [f"it wraps the right {_spell(exp, rel)} with {', '.join(rest)}: one level of nesting too many"]
    # what belongs at ``label`` is one of got's items' items? (a level too few is said below by the leaves)
    if len(got.items) == len(exp.items):
        if len(got.items) > 1 and all(_same(g, e) for g, e in zip(got.items, exp.items[::-1])):
            return ["its two parts are swapped" if len(got.items) == 2 else "its items are in reverse order"]
        out = []
        for i, (g, e) in enumerate(zip(got.items, exp.items)):
            out += differences(g, e, f"{label}[{i}]", rel)
        return out
    n, k = len(got.items), len(exp.items)
    for i in range(n if n == k + 1 else 0):   # one item too many
        if all(_same(g, e) for g, e in zip(got.items[:i] + got.items[i + 1:], exp.items)):
            return [f"{label}[{i}], {_spell(got.items[i], rel)}, is one item too many"]
    for i in range(k if n == k - 1 else 0):   # one item left out
        if all(_same(g, e) for g, e in zip(got.items, exp.items[:i] + exp.items[i + 1:])):
            return [f"{_spell(exp.items[i], rel)} is missing from {label}"]
    gl, el = leaves_of(got), leaves_of(exp)
    missing, extra = list(el), []
    for x in gl:
        if x in missing:
            missing.remove(x)
        elif x is not None:
            extra.append(x)
    out = []
    if sorted(map(str, gl)) == sorted(map(str, el)):
        if gl == el:
            deep = "one flat tuple" if len(got.items) > len(exp.items) else "nested differently"
            out.append(f"the right values, but {deep} of {len(got.items)} items")
        else:
            out.append("the right values in another order")
        return out
    if missing:
        out.append(f"{_list_names(missing, rel)} {'is' if len(missing) == 1 else 'are'} missing from {label}")
    if extra:
        out.append(f"{label} also holds {_list_names(extra, rel)}, "
                   f"{'one item' if len(extra) == 1 else 'items'} too many")
    if (missing or extra) and got.kind != "name" and not any(i.items for i in got.items) \
            and any(i.items for i in exp.items):
        out.append(f"{label} is flat, where {_spell(exp, rel)} nests")
    unknown = gl.count(None)
    if unknown:
        out.append(f"{unknown} of its {'arrays' if unknown > 1 else 'items'} {'are' if unknown > 1 else 'is'} "
                   f"none of this step's values")
    return out


def _values_only(got: Node, exp: Node) -> bool:
    """True if ``got`` has the tree of ``exp`` and every piece not right is no reference value at all
    (its numbers are for :mod:`relations` to say)."""
    if _same(got, exp):
        return True
    if got.items and exp.items:
        return len(got.items) == len(exp.items) and (got.kind == "dict") == (exp.kind == "dict") \
            and all(_values_only(g, e) for g, e in zip(got.items, exp.items))
    return not got.items and not exp.items and got.kind == "array"


def _sentence(got, exp, label, rel=None):
    if _values_only(got, exp):
        return None
    said = differences(got, exp, label, rel)
    if not said:
        return None
    if len(said) == 1 and said[0].startswith(label + " "):   # one value where another belongs: said in full
        return said[0]
    named = f", {render(got.name, rel)} only," if got.kind == "name" and got.items else ""
    what = f"the {exp.name.family.replace('_', ' ')} " if exp.kind == "name" and exp.items else ""
    return f"{label} is {_spell(got, rel)}{named} where {what}{_spell(exp, rel)} belongs: " + "; ".join(said[:2])


# ---- what one output part holds ----------------------------------------------------------------------

def _layers_text(ls):
    ls = [str(x) for x in ls]
    return ", ".join(ls[:-1]) + " and " + ls[-1] if len(ls) > 1 else ls[0]


def caches_words(got, exp, values, label="caches"):
    """Words for a caches list held cache by cache against the reference's, or None: once for every
    layer when every cache differs the same way, else the first wrong caches by layer."""
    if type(got) not in (tuple, list) or type(exp) is not list or not exp:
        return None
    L = len(exp)
    trees = [tree(c, values) for c in got]
    exps = [exp_tree(c, values) for c in exp]
    for i in range(len(got) if len(got) == L + 1 else 0):   # the L caches with one item more, anywhere
        if i < L and all(_same(t, e) for t, e in zip(trees[:i] + trees[i + 1:], exps)):
            t = trees[i]
            what = render(t.name) if t.kind == "name" else _spell(t)
            return (f"{label} holds the L = {L} caches of layers 1..{L} and one item more, {label}[{i}] = {what}, "
                    f"before layer {i + 1}'s cache: one cache per layer only, caches[l-1] for layer l")
    if len(got) > L and all(_same(t, e) for t, e in zip(trees, exps)):   # the L caches, then more
        extra = [f"{label}[{i}], {render(t.name) + ' again' if t.kind == 'name' else _spell(t)}"
                 for i, t in enumerate(trees[L:], start=L)]
        return (f"{label} holds the L = {L} caches of layers 1..{L} and then {len(got) - L} item"
                f"{'s' if len(got) - L > 1 else ''} more, {', '.join(extra[:2])}: one cache per layer only")
    # each item a layer's whole cache, in another order or repeated: said by layer
    whole = [t.name.layer if t.kind == "name" and t.name.family == "cache" else None for t in trees]
    if None not in whole and whole and whole != list(range(1, L + 1)):
        if whole == list(range(L, 0, -1)) and L > 1:
            return (f"{label} is in reverse order: {label}[0] holds layer {L}'s cache (linear_cache, Z), "
                    f"{label}[{L - 1}] layer 1's; caches[l-1] is the cache of layer l (caches.append(cache) after "
                    f"each layer, not caches.insert(0, cache), and no reversing)")
        if len(set(whole)) == 1 and len(whole) == L:
            return (f"{label}[0] is layer {whole[0]}'s cache repeated for every layer: all {L} items are layer "
                    f"{whole[0]}'s cache, where caches[l-1] is layer l's")
        said = "; ".join(f"{label}[{i}] holds layer {l}'s cache" for i, l in enumerate(whole) if l != i + 1)
        return f"{label} holds the caches of layers {_layers_text(whole)} in this order ({said}), where caches[l-1] is layer l's"
    if len(got) != L:
        return None
    wrong = [i for i in range(L) if not _same(trees[i], exps[i])]
    if not wrong:
        return None
    values_wrong = [i for i in wrong if _values_only(trees[i], exps[i])]
    per = [_sentence(trees[i], exps[i], f"{label}[l-1]", rel=i + 1) for i in wrong]
    if all(p is None for p in per):
        return None   # only numbers wrong, in the right places: for relations to say
    wrong = [i for i, p in zip(wrong, per) if p is not None]
    per = [p for p in per if p is not None]
    if len(wrong) == L and L > 1 and len(set(per)) == 1 and not values_wrong:
        s = per[0]
        s = re.sub(r" (is|are) missing from " + re.escape(label) + r"\[l-1\][\[\]\d]*", r" \1 missing from every cache", s)
        return f"{s} (every layer l = 1..{L} the same)"
    first = [_sentence(trees[i], exps[i], f"{label}[{i}]") for i in wrong[:2]]
    first = [f"{label}[{i}], the output layer's cache (layer L = {L}),{s[len(label) + len(str(i)) + 2:]}"
             if i == L - 1 and L > 1 and s.startswith(f"{label}[{i}] ") else s for i, s in zip(wrong, first)]
    right = [i + 1 for i in range(L) if i not in wrong and i not in values_wrong]
    tail = (f"; the cache{'s' if len(right) > 1 else ''} of layer{'s' if len(right) > 1 else ''} {_layers_text(right)} "
            f"{'are' if len(right) > 1 else 'is'} right") if right else ""
    return "; ".join(first) + tail


def _clean(got: Node, exp: Node) -> bool:
    """True if every piece of ``got`` is a reference value, or its tree is not the tree of ``exp``: then
    the pieces' places say the mistake. A tree of the right form holding values no reference has is a
    chain gone wrong, for the layer-by-layer comparison (:mod:`layerwise`) to say first."""
    def form(a, b):
        if a.items and b.items:
            return len(a.items) == len(b.items) and (a.kind == "dict") == (b.kind == "dict") \
                and all(form(x, y) for x, y in zip(a.items, b.items))
        return not a.items and not b.items and a.kind in ("name", "array") and b.kind in ("name", "array")
    return None not in leaves_of(got) or not form(got, exp)


def part_words(spec_name, part, got, expected, strict=False, args=()):
    """Words for one wrong part ``got`` of an output whose reference output is ``expected``, or None."""
    values = dict_values(spec_name, expected, args)
    if values is not None:
        with np.errstate(all="ignore"):
            exp = {k: v for k, v in expected.items() if k in got} if type(got) is dict else None
            found = dict_words(got, exp, values, "grads" if spec_name == "model_backward" else "parameters")
        # by key only where nothing else is said (keys.py, layerwise.py and the relations speak first)
        return None if found is None or strict else found
    values = named_values(spec_name, expected)
    if values is None:
        return None
    with np.errstate(all="ignore"):
        if spec_name == "model_forward" and part == "caches":
            clean = type(got) not in (tuple, list) or _clean(tree(got, values), exp_tree(expected[1], values))
            words = None if strict and not clean else caches_words(got, expected[1], values)
        else:
            index = {"linear_cache": 1, "cache": 1}.get(part)
            if index is None:
                return None
            t, e = tree(got, values), exp_tree(expected[index], values)
            clean = _clean(t, e) and None not in leaves_of(t)
            words = None if strict and not _clean(t, e) else _sentence(t, e, part)
        return None if words is None else (words, clean)


RULES = {
    "caches": "caches[l-1] is layer l's cache (linear_cache, Z[l]) with linear_cache = (A[l-1], W[l], b[l]), as "
              "linear_activation_forward returns it: caches = [] before the loop, caches.append(cache) after each layer",
    "cache": "cache is the pair (linear_cache, Z[l]) with linear_cache = (A[l-1], W[l], b[l]) as linear_forward "
             "returns it; linear_activation_backward unpacks it so",
    "linear_cache": "linear_cache is (A[l-1], W[l], b[l]), this step's inputs in this order; linear_backward unpacks it so",
    "dA": 'grads["dA" + str(l - 1)] holds dA[l-1], what layer l\'s step returns', "dW": 'grads["dW" + str(l)] holds dW[l]',
    "db": 'grads["db" + str(l)] holds db[l]',
    "W": 'parameters["W" + str(l)] holds layer l\'s W[l]', "b": 'parameters["b" + str(l)] holds layer l\'s b[l]',
}


def finding(spec, part, bad_runs, strict=False):
    """A Finding '<exercise>.leaves_mapped' for a part whose tree is said on every wrong case, else None;
    ``strict``: only when every piece is a reference value or the tree's form is not the reference's."""
    from .mistakes import hint_for

    found = explain(spec, part, bad_runs, strict)
    if found is None:
        return None
    words, index, clean = found
    case, _, wrong = bad_runs[index]
    rid = f"{spec.name}.leaves_mapped"
    found = Finding(rid, hint_for(rid, words=words, rule=f" {RULES[part]}." if part in RULES else ""), [f"With {case.label}: {wrong[part]}."])
    found.words, found.clean = words, clean   # for :func:`joined` and the caller
    return found


def joined(mapped, related):
    """The finding for a part both said by place (``mapped``, :func:`finding`) and by a relation on its
    numbers (``related``): the relation's id, with the places said first; whichever there is otherwise."""
    if mapped is None or related is None or related.generic:
        return mapped or related
    return Finding(related.id, f"{mapped.words}. {related.hint}", related.details)


def returned(spec, found, out, case):
    """A 'returns_wrong_structure' finding with what the function returned said piece by piece (an
    item too many, the cache's parts given separately), for the single-layer forward and backward steps."""
    if not found.id.endswith(".returns_wrong_structure") or type(out) not in (tuple, list) or spec.name not in (
            "linear_forward", "linear_activation_forward", "linear_backward", "linear_activation_backward"):
        return found
    values = named_values(spec.name, case.expected) or _backward_values(spec.name, case.expected, case.args)
    if values is None:
        return found
    with compare.tolerance(case.info.get("float32", False)), np.errstate(all="ignore"):
        t, e = tree(out, values), exp_tree(case.expected, values)
        said = differences(t, e, "the output")
    if not said:
        return found
    said = [re.sub(r"the output\[(\d+)\]", r"its item \1 (counting from 0)", x) for x in said[:2]]
    words = f"your function returns {_spell(t)} where {_spell(e)} belongs: " + "; ".join(said)
    return Finding(found.id, f"{found.hint} Here {words}.", found.details, found.generic)


def with_words(spec, mistake_id, part, runs, hint):
    """A broad structure mutant's hint with the learner's own tree said first, when it is said on every
    wrong case; the hint as it is otherwise."""
    if mistake_id.rsplit(".", 1)[-1] not in BROAD:
        return hint
    found = explain(spec, part, [r for r in runs if r[2].get(part)])
    return hint if found is None or not found[2] else f"{found[0]}. {hint}"


# structure mutants that stand for several variants under one hint: their report says the learner's own
BROAD = ("caches_wrong", "cache_wrong", "cache_order", "cache_holds_A")


def explain(spec, part, bad_runs, strict=False):
    """(words, index of the case said) when the part's tree differs from the reference's on every
    wrong case in words (the deepest public case is said), else None."""
    said, best, depth, unclean = None, None, -1, False
    for index, (case, got_parts, wrong) in enumerate(bad_runs):
        if part not in got_parts:
            return None
        with compare.tolerance(case.info.get("float32", False)):
            words = part_words(spec.name, part, got_parts[part], case.expected, strict, case.args)
        if words is None:
            return None
        words, clean = words
        unclean = unclean or not clean
        d = len(case.expected[1]) if spec.name == "model_forward" and not case.info.get("hidden") else 0
        if said is None or d > depth:
            said, best, depth = words, index, d
    return None if said is None else (said, best, not unclean)


__all__ = ["explain", "finding", "with_words", "part_words", "caches_words", "named_values", "render"]
