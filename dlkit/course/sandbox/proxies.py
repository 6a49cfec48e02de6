"""Proxies: what a notebook takes from dlkit, without any of dlkit's reference in the child.

A notebook legitimately imports the blocks of earlier notebooks from dlkit
(``from dlkit import linear_forward`` in notebook 4), calls ``check`` and
draws plots. The child process never imports dlkit: ``install_stand_ins``
puts a stand-in ``dlkit`` package into ``sys.modules`` whose functions are
*proxies*. Calling one sends its arguments to the judge over the plain-data
protocol (``{"op": "proxy", "fn": name}``) and waits for the answer.

The judge alone decides what a proxy may compute: :class:`ProxyTable` holds
the reference functions allowed for this submission (chosen in one place,
``dlkit.course.assignments.allowed_proxies``), answers those, and refuses every
other name, recording the refusal so the exercise that asked is flagged. A
graded exercise of the assignment is never in the table, so handing the work
to dlkit cannot happen; there is nothing in the child to unwrap, and nothing
that leads to the judge's state but the socket the child already talks on.

``check`` and ``dlkit.plots`` are harmless no-ops in the child (a grade is the
judge's business; figures are not drawn while grading).
"""
from __future__ import annotations

import collections
import hashlib
import json
import sys
import types

import numpy as np

# Submodules of dlkit a notebook may name (``import dlkit.layers``, ``from dlkit.activations import relu``).
SUBMODULES = ("activations", "layers", "model", "losses", "initialization", "train", "gradcheck", "data", "_validate")

_channel = {"sock": None}  # set by the child before learner code runs


class ProxyRefused(Exception):
    """The judge does not provide this dlkit function while grading (raised in the child)."""


def _ask(name, args, kwargs):
    from .protocol import decode, encode, recv_msg, send_msg
    from dlkit.checks.plain import plain

    sock = _channel["sock"]
    arrays = []
    tree = encode(plain((tuple(args), dict(kwargs))), arrays)
    try:  # which learner function asks (only used to say which exercise to flag)
        caller = str(sys._getframe(2).f_code.co_name)[:100]
    except (ValueError, AttributeError):
        caller = ""
    send_msg(sock, {"op": "proxy", "fn": name, "args": tree, "caller": caller}, arrays)
    header, blobs = recv_msg(sock)
    error = header.get("error")
    if error is not None:
        exc = {"ValueError": ValueError, "TypeError": TypeError, "ProxyRefused": ProxyRefused}.get(
            error.get("exc_type"), RuntimeError)
        raise exc(str(error.get("message", "")))
    return decode(header.get("output"), blobs)


def _proxy(name: str):
    def proxy(*args, **kwargs):
        return _ask(name, args, kwargs)

    proxy.__name__ = proxy.__qualname__ = name
    proxy.__doc__ = f"dlkit's {name}, computed by the grader (a proxy)."
    proxy.__dlkit_proxy__ = name
    return proxy


def _no_op(*args, **kwargs):
    """Stands for dlkit.checks.check and dlkit.plots while grading: does nothing."""
    return None


def _module(name, getattr_fn=None, **attrs):
    mod = sys.modules.get(name) or types.ModuleType(name)
    mod.__path__ = []  # a package with nothing on disk: only what is set here exists
    mod.__dict__.update(attrs)
    if getattr_fn is not None:
        mod.__getattr__ = getattr_fn
    sys.modules[name] = mod
    return mod


def _proxy_getattr(name):
    if name.startswith("__"):
        raise AttributeError(name)
    return _proxy(name)


def _no_op_getattr(name):
    if name.startswith("__"):
        raise AttributeError(name)
    return _no_op


def install_stand_ins() -> None:
    """Make ``import dlkit`` (and its submodules) give stand-ins. Runs in the zygote, before any child."""
    import dlkit.checks.plain as plain_module  # loaded from its file alone by boot.py (numpy only)

    top = _module("dlkit", _proxy_getattr)
    for sub in SUBMODULES:
        setattr(top, sub, _module(f"dlkit.{sub}", _proxy_getattr))
    top.plots = _module("dlkit.plots", _no_op_getattr)
    top.checks = _module("dlkit.checks", None, check=_no_op, plain=plain_module.plain, Opaque=plain_module.Opaque,
                         LearnerError=plain_module.LearnerError)


def is_proxy(obj) -> str | None:
    """The dlkit name a stand-in stands for, or None."""
    name = getattr(obj, "__dlkit_proxy__", None)
    return name if type(name) is str else None


# The judge's answers to proxy requests, remembered per judging process: the reference blocks
# are pure functions of their arguments (initialize_parameters draws from its own seeded
# generator), and the same calls recur for every learner (every right training loop asks
# model_forward the same questions). Keyed by the block and a digest of the exact arguments.
_ANSWERS = collections.OrderedDict()
_ANSWER_COUNT, _ANSWER_BYTES, _ANSWER_TOTAL_BYTES = 4096, 1 << 20, 64 << 20  # entries; largest answer; all
_ANSWER_TOTAL = [0]  # bytes of arrays remembered


def _answer_key(name, fn, tree, arrays):
    """A digest of (the reference function, the request's argument tree, its arrays), or None."""
    try:
        h = hashlib.blake2b(json.dumps([name, id(fn), fn.__module__, fn.__qualname__, tree], sort_keys=True,
                                       allow_nan=False).encode(), digest_size=20)
        for a in arrays:
            h.update(f"|{a.dtype.str}{a.shape}|".encode())
            h.update(a.data if a.flags.c_contiguous else a.tobytes())
        return h.digest()
    except (TypeError, ValueError, AttributeError):
        return None


class ProxyTable:
    """The judge's side: the reference functions this child may have computed, and nothing else.

    ``allowed`` maps a dlkit name to the (reference) function that answers it.
    ``refused`` collects, per graded exercise, the names asked for but not allowed: charged to
    the graded function whose code asked (as the child says), else to the exercise being run.
    Either way a refused name gets no answer, so the work cannot be handed off.
    """

    def __init__(self, allowed: dict | None = None, graded=()):
        self.allowed = dict(allowed or {})
        self.graded = set(graded)
        self.refused = {}  # exercise -> set of names

    def answer(self, exercise: str, header: dict, arrays: list):
        """(reply header, reply arrays) for one ``proxy`` request of the child."""
        from dlkit.checks.plain import plain

        from .protocol import ProtocolError, decode, encode

        name = header.get("fn")
        fn = self.allowed.get(name) if type(name) is str else None
        if fn is None:
            caller = header.get("caller")
            self.refused.setdefault(caller if caller in self.graded else exercise, set()).add(str(name)[:100])
            return {"error": {"exc_type": "ProxyRefused",
                              "message": f"dlkit.{str(name)[:100]} is not available while this assignment is "
                                         f"graded: write it yourself"}}, []
        key = _answer_key(name, fn, header.get("args"), arrays)
        if key is not None and key in _ANSWERS:
            _ANSWERS.move_to_end(key)
            reply, blobs, _ = _ANSWERS[key]
            return reply, list(blobs)
        try:
            args = decode(header.get("args"), arrays)
            if type(args) is not tuple or len(args) != 2 or type(args[0]) is not tuple or type(args[1]) is not dict:
                raise ProtocolError("bad proxy arguments")
            out = plain(fn(*args[0], **{str(k): v for k, v in args[1].items()}))
            blobs = []
            reply = {"output": encode(out, blobs)}
            size = sum(b.nbytes for b in blobs)
            if key is not None and size <= _ANSWER_BYTES:
                # copies: nothing the judge does later changes a remembered answer
                _ANSWERS[key] = (reply, tuple(np.array(b, copy=True) for b in blobs), size)
                _ANSWER_TOTAL[0] += size
                while len(_ANSWERS) > _ANSWER_COUNT or _ANSWER_TOTAL[0] > _ANSWER_TOTAL_BYTES:
                    _ANSWER_TOTAL[0] -= _ANSWERS.popitem(last=False)[1][2]
            return reply, blobs
        except (ProtocolError, TypeError, ValueError) as exc:
            kind = "TypeError" if isinstance(exc, TypeError) else "ValueError"
            return {"error": {"exc_type": kind, "message": f"dlkit.{name}: {str(exc)[:400]}"}}, []
        except Exception as exc:  # noqa: BLE001 - learner-chosen inputs may make the reference raise anything
            return {"error": {"exc_type": "RuntimeError",
                              "message": f"dlkit.{name} failed: {type(exc).__name__}: {str(exc)[:300]}"}}, []
