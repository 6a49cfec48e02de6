"""The judge remembers its answers to proxy requests: the same answer as computing it, every time."""
from __future__ import annotations

import numpy as np

import dlkit
from dlkit.course.sandbox import ProxyTable, decode, encode, proxies


def _ask(table, name, *args):
    arrays = []
    tree = encode((tuple(args), {}), arrays)
    reply, blobs = table.answer("x", {"fn": name, "args": tree}, arrays)
    assert "output" in reply, reply
    return decode(reply["output"], blobs)


def test_a_remembered_answer_is_the_references_answer_for_those_exact_arguments():
    table = ProxyTable({"relu": dlkit.relu, "initialize_parameters": dlkit.initialize_parameters})
    Z = np.array([[-1.5, 2.0, 0.0], [3.0, -0.25, 7.0]])
    first = _ask(table, "relu", Z)
    count = len(proxies._ANSWERS)
    first[...] = 99.0  # the judge changing an answer it got does not change what was remembered
    again = _ask(table, "relu", Z)
    assert len(proxies._ANSWERS) == count  # answered from memory...
    assert np.array_equal(again, dlkit.relu(Z))  # ...with the reference's answer
    # any other argument (another value, dtype or shape) is another question
    for other in (-Z, Z.astype(np.float32), Z.reshape(3, 2), Z[:, :2].copy()):
        assert np.array_equal(_ask(table, "relu", other), dlkit.relu(other)), other
    assert _ask(table, "initialize_parameters", [3, 2, 1], 4)["W1"].tolist() == \
        dlkit.initialize_parameters([3, 2, 1], seed=4)["W1"].tolist()
    assert _ask(table, "initialize_parameters", [3, 2, 1], 5)["W1"].tolist() != \
        dlkit.initialize_parameters([3, 2, 1], seed=4)["W1"].tolist()


def test_a_refused_name_is_never_answered_from_memory():
    allowed = ProxyTable({"relu": dlkit.relu}, graded=["sigmoid"])
    Z = np.array([[1.0, -1.0]])
    _ask(allowed, "relu", Z)
    refusing = ProxyTable({}, graded=["relu"])  # the same question where relu is graded
    arrays = []
    reply, _ = refusing.answer("relu", {"fn": "relu", "args": encode(((Z,), {}), arrays)}, arrays)
    assert reply["error"]["exc_type"] == "ProxyRefused" and refusing.refused == {"relu": {"relu"}}
