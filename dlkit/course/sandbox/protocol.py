"""The wire protocol between the judge and the sandboxed child: JSON headers and ``.npy`` blobs.

Every message is an 8-byte length, a JSON header (with the sizes of the blobs
that follow) and ``.npy`` blobs of numbers. There is no pickle anywhere: the
reader accepts only arrays of numbers (a strict header pattern, no object
dtype), so the child can hand back arrays, numbers, strings and containers of
them, and anything else arrives as :class:`~dlkit.checks.plain.Opaque`.

The same module runs on both sides. In the child it is loaded without dlkit's
core (see ``boot.py``): it needs only numpy and ``dlkit/checks/plain.py``.

Messages, judge -> child: ``load`` (the learner's definitions), ``call`` (one
function with arguments), ``exit``; and the answer to a ``proxy`` request.
Child -> judge: the reply to each request, and, while a call runs, any number
of ``proxy`` requests (a dlkit function the notebook uses, computed by the
judge; see ``proxies.py``).
"""
from __future__ import annotations

import functools
import json
import math
import re
import socket
import struct
import time

import numpy as np

from dlkit.checks.plain import Opaque

MAX_HEADER = 8 << 20  # bytes of JSON in one message


class ProtocolError(Exception):
    """The child sent something that is not a well-formed message."""


def encode(obj, arrays: list, depth: int = 0):
    """Plain data -> JSON-able tree; arrays are appended to ``arrays`` and referenced by index.

    Tuples, dicts and opaque values get one-key tags (``$t``, ``$d``, ``$o``),
    so a list, a tuple and a dict with odd keys survive the trip unchanged.
    """
    if depth > 64:
        raise ValueError("nested too deeply")
    t = type(obj)
    if obj is None or t is bool or t is int or t is str:
        return obj
    if t is float:
        # JSON has no NaN/inf; keep them exact with a tag
        return obj if np.isfinite(obj) else {"$f": repr(obj)}
    if t is np.ndarray:
        arrays.append(obj)
        return {"$nd": len(arrays) - 1}
    if t is list:
        return [encode(x, arrays, depth + 1) for x in obj]
    if t is tuple:
        return {"$t": [encode(x, arrays, depth + 1) for x in obj]}
    if t is dict:
        return {"$d": [[encode(k, arrays, depth + 1), encode(v, arrays, depth + 1)] for k, v in obj.items()]}
    if t is Opaque:
        return {"$o": [str(obj.type_name)[:200], str(obj.text)[:2000]]}
    raise TypeError(f"cannot send a {t.__name__}")


def decode(tree, arrays: list, depth: int = 0):
    """The inverse of :func:`encode`, strict: anything unexpected is a ProtocolError."""
    if depth > 64:
        raise ProtocolError("nested too deeply")
    t = type(tree)
    if tree is None or t in (bool, int, float, str):
        return tree
    if t is list:
        return [decode(x, arrays, depth + 1) for x in tree]
    if t is dict and len(tree) == 1:
        (tag, val), = tree.items()
        if tag == "$nd" and type(val) is int and 0 <= val < len(arrays):
            return arrays[val]
        if tag == "$f" and val in ("nan", "inf", "-inf"):
            return float(val)
        if tag == "$t" and type(val) is list:
            return tuple(decode(x, arrays, depth + 1) for x in val)
        if tag == "$d" and type(val) is list:
            out = {}
            for pair in val:
                if type(pair) is not list or len(pair) != 2:
                    raise ProtocolError("bad dict entry")
                key = decode(pair[0], arrays, depth + 1)
                try:
                    out[key] = decode(pair[1], arrays, depth + 1)
                except TypeError:  # unhashable key (a list): not plain data
                    raise ProtocolError("unhashable dict key") from None
            return out
        if tag == "$o" and type(val) is list and len(val) == 2 and all(type(v) is str for v in val):
            return Opaque(val[0], val[1])
    raise ProtocolError(f"unexpected value in message: {str(tree)[:80]}")


# Arrays travel as .npy (format 1.0) blobs. Only numeric dtypes are allowed, so the reader can
# parse the header with a strict pattern instead of numpy's literal_eval (5-10x faster per array,
# and an object/pickle dtype is refused before any byte of data is looked at).
_NPY_MAGIC = b"\x93NUMPY\x01\x00"
_NPY_HEADER = re.compile(
    r"\{'descr': '([<>|=][fiub](?:1|2|4|8|16))', 'fortran_order': (True|False), 'shape': \(((?:\d+, ?)*\d*)\), \} *\n"
)


@functools.lru_cache(maxsize=1024)
def _npy_header(descr: str, shape: tuple) -> bytes:
    """The .npy 1.0 preamble (magic, length, padded header) of a C-ordered array (cached: few shapes recur)."""
    dims = "".join(f"{d}, " for d in shape).rstrip(" ") if len(shape) != 1 else f"{shape[0]},"
    head = f"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({dims}), }}"
    pad = 64 - (len(_NPY_MAGIC) + 2 + len(head) + 1) % 64
    head = (head + " " * pad + "\n").encode("latin1")
    return _NPY_MAGIC + struct.pack("<H", len(head)) + head


def _array_bytes(arr: np.ndarray) -> bytes:
    if arr.dtype.kind not in "fiub" or arr.dtype.fields is not None:
        raise TypeError(f"only arrays of numbers are sent, not dtype {arr.dtype}")
    arr = arr if arr.flags.c_contiguous else arr.copy(order="C")  # (ascontiguousarray would make 0-d 1-d)
    return _npy_header(arr.dtype.str, arr.shape) + arr.tobytes()


@functools.lru_cache(maxsize=1024)
def _parse_npy_header(text: str):
    """(dtype, shape, count, order) of a .npy header, or None when it is not one of numbers (cached)."""
    m = _NPY_HEADER.fullmatch(text)
    if m is None:
        return None
    shape = tuple(int(d) for d in m.group(3).replace(" ", "").split(",") if d)
    return np.dtype(m.group(1)), shape, math.prod(shape), "F" if m.group(2) == "True" else "C"


def _load_array(blob, buffer=None, offset=0) -> np.ndarray:
    """Parse one .npy blob strictly (numeric dtypes only, no pickle); ValueError if malformed.

    ``blob`` may be a memoryview into ``buffer`` (a bytearray) at ``offset``: the array then
    shares that buffer's memory (writable, no copy); else it is a copy of ``blob``'s data.
    """
    if len(blob) < 10 or bytes(blob[:8]) != _NPY_MAGIC:
        raise ValueError("not an .npy 1.0 blob")
    (n,) = struct.unpack("<H", blob[8:10])
    parsed = _parse_npy_header(bytes(blob[10:10 + n]).decode("latin1"))
    if parsed is None:
        raise ValueError("unexpected .npy header (only arrays of numbers are accepted)")
    dtype, shape, count, order = parsed
    if len(blob) - 10 - n != count * dtype.itemsize:
        raise ValueError("the .npy blob's data does not match its shape")
    if buffer is None:
        return np.frombuffer(blob, dtype=dtype, count=count, offset=10 + n).reshape(shape, order=order).copy()
    return np.frombuffer(buffer, dtype=dtype, count=count, offset=offset + 10 + n).reshape(shape, order=order)


def send_msg(sock: socket.socket, header: dict, arrays=()) -> None:
    """Send one message: 8-byte length, JSON header (with blob sizes), npy blobs (one syscall)."""
    blobs = [_array_bytes(a) for a in arrays]
    header = dict(header, sizes=[len(b) for b in blobs])
    head = json.dumps(header, allow_nan=False).encode()
    sock.sendall(b"".join([struct.pack(">Q", len(head)), head, *blobs]))


def _recv_exact(sock: socket.socket, n: int, deadline: float | None) -> bytearray:
    buf = bytearray(n)
    view = memoryview(buf)
    got = 0
    while got < n:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            sock.settimeout(left)
        try:
            k = sock.recv_into(view[got:], n - got)
        except socket.timeout:
            raise TimeoutError from None
        if k == 0:
            raise EOFError
        got += k
    return buf


def recv_msg(sock: socket.socket, deadline: float | None = None, max_bytes: int = 256 << 20, copy: bool = True):
    """Receive one message; TimeoutError past ``deadline``, EOFError if the peer died.

    ``copy=False`` (the judge): the arrays are views into the message's one buffer; with
    ``copy`` (the child) each owns its memory, as ``np.load`` would give learner code.
    """
    (n,) = struct.unpack(">Q", _recv_exact(sock, 8, deadline))
    if n > MAX_HEADER:
        raise ProtocolError(f"header of {n} bytes is too large")
    try:
        header = json.loads(_recv_exact(sock, n, deadline))
    except (ValueError, RecursionError) as exc:
        raise ProtocolError(f"header is not JSON: {exc}") from None
    sizes = header.get("sizes") if type(header) is dict else None
    if type(sizes) is not list or not all(type(s) is int and s >= 0 for s in sizes):
        raise ProtocolError("header has no valid 'sizes'")
    total = sum(sizes)
    if total > max_bytes:
        raise ProtocolError(f"output of {total} bytes is larger than the {max_bytes} allowed")
    # All blobs in one read; each array is a view into that one buffer (no copy per array).
    data = _recv_exact(sock, total, deadline) if total else bytearray()
    view = memoryview(data)
    arrays, offset = [], 0
    for s in sizes:
        try:
            arrays.append(_load_array(view[offset:offset + s], None if copy else data, offset))
        except (ValueError, OSError) as exc:  # malformed npy, or object dtype
            raise ProtocolError(f"bad array: {exc}") from None
        offset += s
    return header, arrays
