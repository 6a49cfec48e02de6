"""The sandbox: run a learner's code in a child process that holds no reference, talk to it in npy + JSON.

The judging process never runs learner code. Read in this order:

* ``protocol.py``: the messages (JSON header + ``.npy`` blobs of numbers, no pickle);
* ``isolation.py``: namespaces (as root, or through an unprivileged user namespace,
  or bwrap), the read-only file system, hidden secrets, each child's limits;
* ``zygote.py``: the zygote per judge, a child per submission, and how none of them
  outlives the grader (``boot.py`` starts the zygote without dlkit's core);
* ``child.py``: what the child does with a request;
* ``proxies.py``: what a notebook takes from dlkit, answered by the judge, which alone
  decides what is allowed (the old in-child tripwire is gone: there is nothing to trip on);
* ``run.py``: one submission on the judge's side, a time budget per exercise.
"""
from .isolation import NOBODY, Isolation, Limits
from .protocol import MAX_HEADER, ProtocolError, decode, encode, recv_msg, send_msg
from .proxies import ProxyTable
from .run import SubmissionRun
from .zygote import PRELOAD, Child, ChildGone, Zygote

__all__ = ["NOBODY", "Isolation", "Limits", "MAX_HEADER", "ProtocolError", "decode", "encode", "recv_msg",
           "send_msg", "ProxyTable", "SubmissionRun", "PRELOAD", "Child", "ChildGone", "Zygote"]
