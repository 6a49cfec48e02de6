"""Plain data: what crosses from learner code to the code that judges it.

A checkpoint never trusts an object the learner's function returned: it first
turns it into *plain data* with :func:`plain` (exact numpy arrays of numbers,
Python int/float/str/bool/None, and tuples/lists/dicts of those). Anything
else becomes an :class:`Opaque` placeholder that only remembers its type name
and a short text, so judging code never calls a method of a learner object.
The in-kernel :func:`dlkit.checks.check` and the batch grader's child process
both use :func:`plain`, so both judge exactly the same thing.
"""
from __future__ import annotations

import re

import numpy as np

_MAX_DEPTH = 12          # deeper nesting than any exercise returns
_MAX_TEXT = 80           # characters of repr kept in an Opaque
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
MAX_NAME = 100           # characters kept of an exception's type name
MAX_MESSAGE = 500        # ... of its message
MAX_LINE = 200           # ... of an echoed source line


class Opaque:
    """Stands for an output that is not plain data (e.g. a generator or a matrix subclass)."""

    __slots__ = ("type_name", "text")

    def __init__(self, type_name: str, text: str = ""):
        self.type_name = safe_text(str(type_name), MAX_NAME)
        self.text = safe_text(str(text), 2000)

    def __eq__(self, other):
        return type(other) is Opaque and (other.type_name, other.text) == (self.type_name, self.text)

    def __hash__(self):
        return hash((self.type_name, self.text))

    def __repr__(self):
        return f"Opaque({self.type_name!r}, {self.text!r})"


class LearnerError(Exception):
    """The learner's function did not return: it raised, was not implemented, or ran out of time.

    ``kind`` is "exception", "not_implemented" or "timeout"; ``exc_type`` and
    ``message`` describe the exception; ``lineno`` and ``line`` point at the
    learner's own line (None when unknown). All fields are plain data so the
    grader can send them between processes.
    """

    KINDS = ("exception", "not_implemented", "timeout")

    def __init__(self, kind: str, exc_type: str = "", message: str = "", lineno=None, line=None, local_shapes=None):
        if kind not in self.KINDS:
            raise ValueError(f"LearnerError: kind must be one of {self.KINDS}, got {kind!r}")
        super().__init__(kind, exc_type, message, lineno, line)
        self.kind = kind
        self.exc_type = safe_text(str(exc_type), MAX_NAME)
        self.message = safe_text(scrub(str(message)).strip(), MAX_MESSAGE)
        self.lineno = lineno if type(lineno) is int else None
        self.line = safe_text(str(line).strip(), MAX_LINE) if line is not None else None
        # the learner's local arrays' shapes and whole numbers (a loop's l) where it raised, when known:
        # name -> tuple of ints or int, plain data only (names sanitised like all learner text)
        self.source = None   # the learner's source text, set by the check that explains it (never sent)
        # the failing line's operands evaluated again where it raised (replay.record), in the
        # learner's own kernel only (never sent between processes)
        self.operands = None
        self.local_shapes = {safe_text(str(k), 100): v for k, v in (local_shapes or {}).items()
                             if type(v) is int or type(v) is tuple and all(type(n) is int for n in v)}

    def __str__(self):
        where = f" at line {self.lineno}" if self.lineno is not None else ""
        return f"{self.kind}: {self.exc_type}{where}: {self.message}"


def safe_text(text, cap: int) -> str:
    """Learner-originated text made safe to put inside one line of a report: the one sanitiser.

    Every character Python does not count as printable (controls such as
    newline, carriage return and the ANSI escape, Unicode line separators,
    bidirectional and other format characters, unassigned code points, spaces
    other than " ") is written as its escape (``\\n``, ``\\x1b``, ``\\u2028``), and the result is cut to ``cap``
    characters (ending in ``...``), so the text can never start a line of its
    own, recolour a terminal or be mistaken for another exercise's verdict.
    Backslashes are kept as they are (escaped text stays readable); a
    non-string (a hostile ``__str__`` result) becomes ``"?"``.
    """
    if type(text) is not str:
        try:
            text = str.__str__(text) if isinstance(text, str) else "?"
        except BaseException:  # noqa: BLE001
            text = "?"
    text = text[: cap * 4]  # (only a cap's worth is kept: do not escape a megabyte first)
    if not text.isprintable():  # (False for controls, separators, format and unassigned characters)
        text = "".join(c if c.isprintable() or c == " " else _escape(c) for c in text)
    return text if len(text) <= cap else text[: max(cap - 3, 0)] + "..."


def _escape(c: str) -> str:
    n = ord(c)
    return {10: "\\n", 13: "\\r", 9: "\\t"}.get(n) or (
        f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}" if n < 0x10000 else f"\\U{n:08x}")


def scrub(text: str) -> str:
    """Drop memory addresses so a message reads the same on every run."""
    return _ADDRESS.sub("", text)


def _safe_repr(x) -> str:
    try:
        text = repr(x)
    except BaseException:  # a hostile __repr__ must not break the check
        text = "?"
    if type(text) is not str:
        text = "?"
    text = scrub(text)
    return text if len(text) <= _MAX_TEXT else text[: _MAX_TEXT - 3] + "..."


def plain(obj, _depth: int = 0):
    """Return ``obj`` as plain data (copies, never views), or :class:`Opaque` pieces.

    numpy arrays of numbers (exactly ``np.ndarray``) are copied; numpy scalars
    become Python numbers; tuples, lists and dicts (and their subclasses, such
    as OrderedDict or a namedtuple) become exact tuples, lists and dicts,
    converted recursively. Array subclasses such as ``np.matrix`` become
    Opaque because they multiply differently.
    """
    t = type(obj)
    if obj is None or t in (bool, int, float, str):
        return obj
    if _depth > _MAX_DEPTH:
        return Opaque(t.__name__, "nested too deeply")
    if t is np.ndarray:
        if obj.dtype.kind in "fiub":
            return np.array(obj, copy=True)
        return Opaque("ndarray", f"array of dtype {obj.dtype} and shape {tuple(obj.shape)}")
    if isinstance(obj, np.ndarray):  # a subclass: np.matrix, masked arrays...
        return Opaque(t.__name__, _safe_repr(obj))
    if isinstance(obj, np.generic) and t.__module__ == "numpy":
        if obj.dtype.kind == "b":
            return bool(obj)
        if obj.dtype.kind in "iu":
            return int(obj)
        if obj.dtype.kind == "f":
            return float(obj)
        return Opaque(t.__name__, _safe_repr(obj))
    # Containers become their exact base type (an OrderedDict of parameters, a
    # namedtuple cache are fine); this runs where the learner's code runs anyway.
    if isinstance(obj, tuple):
        return tuple(plain(x, _depth + 1) for x in tuple.__iter__(obj))
    if isinstance(obj, list):
        return [plain(x, _depth + 1) for x in list.__iter__(obj)]
    if isinstance(obj, dict):
        out = {}
        for k, val in list(dict.items(obj)):
            key = plain(k, _depth + 1)
            if type(key) not in (str, int, bool, float) and key is not None:
                key = _safe_repr(k)
            out[key] = plain(val, _depth + 1)
        return out
    return Opaque(t.__name__, _safe_repr(obj))


def same(a, b) -> bool:
    """Exact equality of two plain values (arrays compared entry by entry, NaN equal to NaN)."""
    if type(a) is not type(b):
        return False
    if type(a) is np.ndarray:
        return a.shape == b.shape and a.dtype == b.dtype and bool(np.array_equal(a, b, equal_nan=a.dtype.kind == "f"))
    if type(a) in (tuple, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if type(a) is dict:
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if type(a) is float and a != a:
        return b != b
    return a == b


def kind(x) -> str:
    """A short learner-facing description of a plain value: 'an array of shape (2, 3)', 'a float'..."""
    t = type(x)
    if t is np.ndarray:
        return f"an array of shape {tuple(x.shape)}"
    if t is Opaque:
        return f"a {x.type_name} object"
    if x is None:
        return "None"
    if t is bool:
        return "a bool"
    if t in (int, float):
        return f"a number ({fmt(x)})"
    if t is str:
        return f"the string {x[:30]!r}"
    if t in (tuple, list):
        return f"a {t.__name__} of {len(x)} item{'s' if len(x) != 1 else ''}"
    if t is dict:
        return f"a dict with keys {sorted(map(str, x))[:8]}"
    return t.__name__


def fmt(x) -> str:
    """A number rounded to 4 significant digits, the same text on every machine.

    ``x`` may also be an array holding one number, of any shape ((1, 1) included:
    numpy 2 refuses float() of those).
    """
    x = float(np.asarray(x).reshape(-1)[0]) if isinstance(x, np.ndarray) and x.size == 1 else float(x)
    if x != x:
        return "nan"
    if x in (float("inf"), float("-inf")):
        return "inf" if x > 0 else "-inf"
    if x == 0:
        return "0"
    # Round twice: first to 10 digits, which absorbs the last-bit differences between
    # BLAS libraries, so a value near a rounding boundary prints the same everywhere.
    return f"{float(f'{x:.10g}'):.4g}"
