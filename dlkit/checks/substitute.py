"""The reference's own computation on a changed input: what a wrong part IS (issue 12, diag13).

Two general searches, run only for a wrong graded part that nothing more specific names, and
stated only when they reproduce the learner's part on EVERY wrong case:

* an operand substituted (:func:`substituted`): the reference block evaluated with one of its
  input arrays (an argument, or an array inside a cache or a dict, of every layer at once for the
  composites) replaced by another array of the case of the same shape (Z[L] where A[L] belongs,
  W[l] where dW[l] belongs, the cache's Z where A[l-1] belongs);
* an example left out (:func:`dropped_example`): the reference on the case with its first or last
  example (column) removed from every (n, m) input, divided by m - 1 as the reference does, or
  rescaled to a division by the full m (a loop over range(1, m) or range(m - 1)).

Inputs are named by the lecture quantity they hold (``Spec.lecture_quantities``, else
``Spec.quantities``): "Z[2]", "A[l-1]". Bounded: at most ``BUDGET`` reference calls per part.
"""
from __future__ import annotations

import numpy as np

from dlkit._validate import values_trusted

from . import compare

BUDGET = 100   # reference calls per wrong part (each case counts; a model_backward call is ~0.2 ms)


def _leaves(x, path=()):
    """[(path, array)] of the float arrays inside ``x`` (tuples, lists, dicts)."""
    if type(x) is np.ndarray:
        return [(path, x)] if x.dtype.kind == "f" and x.ndim == 2 else []
    if type(x) in (tuple, list):
        return [leaf for i, v in enumerate(x) for leaf in _leaves(v, path + (i,))]
    if type(x) is dict:
        return [leaf for k, v in x.items() for leaf in _leaves(v, path + (k,))]
    return []


def _replace(x, path, value):
    if not path:
        return value
    head, rest = path[0], path[1:]
    if type(x) is dict:
        return {k: (_replace(v, rest, value) if k == head else v) for k, v in x.items()}
    items = [(_replace(v, rest, value) if i == head else v) for i, v in enumerate(x)]
    return tuple(items) if type(x) is tuple else items


def _names(spec, case):
    """[(label, family, layer, value)] of the case's lecture quantities (2-D arrays)."""
    from .firstwrong import LECTURE, _label, family
    out = []
    with np.errstate(all="ignore"):
        layers = spec.lecture_quantities(case) or [(None, spec.quantities(case))]
    last = max((layer for layer, _ in layers if isinstance(layer, int)), default=None)
    for layer, flat in layers:
        for key, v in flat.items():
            fam = key if key in LECTURE else family(key)
            if fam is not None and fam in LECTURE and type(v) is np.ndarray and v.ndim == 2:
                label = _label(fam, layer)
                if layer is not None and layer == last and layer > 1 and "L]" not in label:
                    # the output layer as the lecture writes it (Z[L], not Z[2])
                    label = _label(fam, None).replace("[l]", "[L]").replace("[l-1]", "[L-1]")
                out.append((label, fam, layer, np.asarray(v)))
    return out


def _name_of(value, names):
    for label, fam, layer, v in names:
        if v.shape == value.shape and np.array_equal(v, value):
            return label, fam, layer
    return None


_MEMO = {}   # (spec, case, substitution, trusted) -> (case, the reference's parts): one run serves every part


def _part(spec, args, case, part, meter, trusted=False, key=None):
    memo_key = (id(spec), id(case), key, trusted)
    hit = _MEMO.get(memo_key) if key is not None else None
    if hit is not None and hit[0] is case:
        parts = hit[1]
    else:
        meter[0] += 1
        try:
            with np.errstate(all="ignore"), (values_trusted() if trusted else _NOTHING):
                out = spec.reference(*args)
                parts, _ = spec.split(out, case)
        except Exception:   # noqa: BLE001  (outside the reference's domain, a Z[L] that is no probability)
            parts = _UNDECIDED
        if key is not None:
            if len(_MEMO) > 512:
                _MEMO.clear()
            _MEMO[memo_key] = (case, parts)
    if parts is _UNDECIDED:
        return _UNDECIDED
    return parts.get(part)


def _judged(spec, args, case, part, g, meter, key=None):
    """True when the reference on ``args`` gives ``g``; _UNDECIDED when it does not and ``args`` are
    outside the reference's domain (its input checks refuse them: a Z[L] that is no probability, whose
    dA[L] the reference's clip changes); else False."""
    e = _part(spec, args, case, part, meter, key=key)
    if e is _UNDECIDED:    # refused: judged once more with the value checks off, confirming only
        e = _part(spec, args, case, part, meter, trusted=True, key=key)
        if e is _UNDECIDED or e is None or not _same(g, e):
            return _UNDECIDED
    elif e is None or not _same(g, e):
        return False
    # all zeros (a dA[L] of 0 with Y = A[L]) is what many mistakes give: it confirms nothing
    return True if _nontrivial(g) else _UNDECIDED


def _nontrivial(x) -> bool:
    """Some entry neither 0 nor the same as every other: a value only one computation gives."""
    if type(x) is dict:
        return any(_nontrivial(v) for v in x.values())
    v = np.asarray(x, dtype=np.float64).ravel() if (type(x) is np.ndarray or compare.is_number(x)) else None
    return v is not None and v.size > 0 and bool(np.any(v != 0)) and bool(np.all(np.isfinite(v)))


class _Nothing:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


_NOTHING = _Nothing()


_UNDECIDED = object()


def _same(g, e) -> bool:
    if compare.is_array(e):
        return type(g) is np.ndarray and g.shape == np.shape(e) and compare.close(g.astype(np.float64), e)
    if compare.is_number(e) and compare.is_number(g):
        return compare.close(float(np.asarray(g, dtype=np.float64).ravel()[0]), float(e)) and np.size(g) == 1
    if type(e) is dict and type(g) is dict:
        return set(g) == set(e) and all(_same(g[k], e[k]) for k in e)
    return False


def _substitutions(spec, case):
    memo_key = (id(spec), id(case), "substitutions")
    hit = _MEMO.get(memo_key)
    if hit is not None and hit[0] is case:
        return hit[1]
    out = _substitutions_of(spec, case)
    _MEMO[memo_key] = (case, out)
    return out


def _substitutions_of(spec, case):
    """[(words key, the args with it done)]: each family of inputs replaced, in every layer, by another
    quantity of the same layer and shape (a single input when it has no family)."""
    leaves = _leaves(list(case.args))
    if len(leaves) < 3:
        return []    # two inputs (dA, Z; AL, Y): their swaps are the relations' and the source rules'
    # the replacements are the case's other INPUTS only: a quantity the reference computes from the
    # input it replaces (dZ[l] for Z[l]) would be a coincidence of values, not a mistake anyone types
    names = [n for n in _names(spec, case) if any(n[3] is v or (n[3].shape == v.shape and np.array_equal(n[3], v))
                                                  for _, v in leaves)]
    by_family = {}
    for path, v in leaves:
        got = _name_of(v, names)
        if got is not None:
            by_family.setdefault(got[1], []).append((path, v, got))
    out = []
    for fam, items in by_family.items():
        for other in {f for _, f, _, _ in names if f != fam}:
            args, said = list(case.args), []
            for path, v, (label, _, layer) in items:
                # not a 0/1 array (Y, a mask): where A[L] belongs the reference's clip turns it into
                # +-1 / eps values the learner's code would not give (it would give 0/0)
                rep = next(((lab, w) for lab, f, lay, w in names if f == other and lay == layer
                            and w.shape == v.shape and not np.allclose(w, v) and not np.all((w == 0) | (w == 1))),
                           None)
                if rep is None:
                    break
                args = _replace(args, path, rep[1])
                said.append((label, rep[0]))
            else:
                out.append(((fam, other), tuple(args), said))
    return out


def substituted(spec, part, wrong_runs):
    """((family replaced, family put there), [(label replaced, label put there)] on the first wrong
    case) for the substitution that reproduces ``part`` on every wrong case, or None."""
    meter, common, said = [0], None, {}
    for case, got_parts, _ in wrong_runs:
        g = got_parts.get(part)
        if g is None:
            return None
        hits, open_ = set(), set()
        for key, args, labels in _substitutions(spec, case):
            if common is not None and key not in common:
                continue
            if meter[0] >= BUDGET:
                return None
            got = _judged(spec, args, case, part, g, meter, key=key)
            if got is _UNDECIDED:
                open_.add(key)     # this case can neither confirm nor deny it
            elif got:
                hits.add(key)
                said.setdefault(key, labels)
        common = hits | open_ if common is None else common & (hits | open_)
        if not common:
            return None
    common = {k for k in common if k in said}     # confirmed by at least one case
    if len(common) != 1:
        return None
    key = next(iter(common))
    return key, said[key]


# the families whose columns are not the examples (a W[l] with n[l-1] = m keeps its columns)
_NOT_EXAMPLES = ("W", "b", "dW", "db")


def _drop(x, m, col, keep=frozenset()):
    """``x`` with column ``col`` removed from every (n, m) array (m > 1) but those in ``keep`` (ids)."""
    if type(x) is np.ndarray and x.ndim == 2 and x.shape[1] == m and id(x) not in keep:
        return np.delete(x, col, axis=1)
    if type(x) in (tuple, list):
        items = [_drop(v, m, col, keep) for v in x]
        return tuple(items) if type(x) is tuple else items
    if type(x) is dict:
        return {k: _drop(v, m, col, keep) for k, v in x.items()}
    return x


def _shape(x):
    """An array's shape, () for a number, the keys for a dict (a tuple of arrays has no one shape)."""
    if type(x) is np.ndarray:
        return x.shape
    if type(x) is dict:
        return tuple(sorted(map(str, x)))
    return () if compare.is_number(x) else None


def _scaled(v, k):
    if type(v) is dict:
        return {key: _scaled(x, k) for key, x in v.items()}
    if compare.is_number(v) or type(v) is np.ndarray:
        return np.asarray(v, dtype=np.float64) * k
    return None


def dropped_example(spec, part, wrong_runs):
    """('first' or 'last', 'm' or 'm - 1') when ``part`` is on every wrong case the reference on the
    case without that example, divided by that count; or None. Cases with m = 1 are left to the others; a
    part whose shape does not hold m (dW, db, the cost: a sum over the examples)."""
    meter, common = [0], None
    for case, got_parts, _ in wrong_runs:
        m = case.info.get("m")
        g = got_parts.get(part)
        if g is None or not m or not (type(g) in (np.ndarray, dict) or compare.is_number(g)):
            return None
        if m < 2:
            continue     # one example: nothing left to sum (the other cases decide)
        hits = set()
        expected = spec.split(case.expected, case)[0].get(part)
        names = _names(spec, case)
        keep = frozenset(id(v) for _, v in _leaves(list(case.args))
                         if (_name_of(v, names) or (None, None))[1] in _NOT_EXAMPLES)
        for col, which in ((0, "first"), (-1, "last")):
            args = tuple(_drop(a, m, col, keep) for a in case.args)
            short = _part(spec, args, case, part, meter, key=("drop", col))
            if short is None or short is _UNDECIDED or _shape(short) != _shape(g) or _shape(g) != _shape(expected):
                continue    # a part that holds the m columns (dA[l-1], dZ[l]) is not a sum over them
            for k, by in ((1.0, "m - 1"), ((m - 1) / m, "m")):
                e = _scaled(short, k)
                if e is not None and _same(g, e):
                    hits.add((which, by))
        common = hits if common is None else common & hits
        if not common:
            return None
    return sorted(common)[0] if common and len(common) == 1 else None


def flattened(spec, part, wrong_runs):
    """'column' or 'row' when on every wrong case ``part`` is the right array reshaped into one
    column (reshape(-1, 1)) or one row, in either order; else None."""
    said = None
    for case, got_parts, _ in wrong_runs:
        g, e = got_parts.get(part), spec.split(case.expected, case)[0].get(part)
        if type(g) is not np.ndarray or type(e) is not np.ndarray or g.ndim != 2 or e.ndim != 2 \
                or g.shape == e.shape or g.size != e.size or 1 not in g.shape:
            return None
        which = "column" if g.shape[1] == 1 else "row"
        if said not in (None, which) or not any(
                compare.close(g.astype(np.float64), e.reshape(g.shape, order=o)) for o in ("C", "F")):
            return None
        said = which
    return said


__all__ = ["substituted", "dropped_example", "flattened", "BUDGET"]
