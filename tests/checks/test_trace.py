"""The line tracer (checks/trace.py) and the first wrong line (checks/firstwrong.py)."""
import sys

import numpy as np
import pytest

from dlkit.checks import SPECS, check
from dlkit.checks.firstwrong import explain, family
from dlkit.checks.runner import KernelCall, _is_learner_frame
from dlkit.checks.trace import record


def everything(filename):
    return _is_learner_frame(filename)


def test_records_the_values_each_line_gives_with_loop_passes():
    def fn(Z):
        total = np.zeros_like(Z)
        for i in range(3):
            total = total + Z
        return total
    out, rec = record(fn, (np.ones((1, 2)),), is_learner=everything)
    assert np.array_equal(out, 3 * np.ones((1, 2)))
    sets = [s for s in rec.steps if "total" in s.values]
    assert [s.visit for s in sets] == [1, 1, 2, 3]
    assert np.array_equal(sets[-1].values["total"], 3 * np.ones((1, 2)))
    assert rec.complete
    # the copy is private: later changes in place do not rewrite what was recorded
    assert np.array_equal(sets[1].values["total"], np.ones((1, 2)))


def test_reads_exclude_the_names_a_line_builds_up():
    def fn(dZ, A_prev):
        dW = dZ @ A_prev.T
        dW = dW / 2
        dW[0, 0] = 1.0
        return dW
    _, rec = record(fn, (np.ones((2, 2)), np.ones((2, 2))), is_learner=everything)
    reads = {s.line: s.reads for s in rec.steps}
    assert "dW" not in reads["dW = dW / 2"] and "dW" not in reads["dW[0, 0] = 1.0"]
    assert reads["return dW"] == ("dW",)


def test_budget_stops_the_recording_not_the_function():
    def fn(n):
        x = 0
        for i in range(n):
            x = x + 1
        return x
    out, rec = record(fn, (10_000,), is_learner=everything, max_events=50)
    assert out == 10_000 and not rec.complete and len(rec.steps) == 50
    out, rec = record(fn, (10_000,), is_learner=everything, max_seconds=0.0)
    assert out == 10_000 and not rec.complete and len(rec.steps) <= 1


def test_exceptions_propagate_with_the_recording_and_the_trace_is_restored():
    before = sys.gettrace()

    def fn(Z):
        A = Z * 2
        raise ValueError("boom")
    with pytest.raises(ValueError) as info:
        record(fn, (np.ones(2),), is_learner=everything)
    assert any("A" in s.values for s in info.value.recording.steps)
    assert sys.gettrace() is before


def test_learner_settrace_and_recursion_and_generators():
    def fact(n):
        r = 1 if n <= 1 else n * fact(n - 1)
        return r

    out, rec = record(fact, (5,), is_learner=everything)
    assert out == 120 and len({s.frame for s in rec.steps}) == 5

    def gen(n):
        for i in range(n):
            y = i * 2
            yield y

    out, rec = record(lambda n: list(gen(n)), (3,), is_learner=everything)
    assert out == [0, 2, 4]

    def rude(x):
        sys.settrace(None)   # the learner's own call cuts the recording short, nothing else
        y = x + 1
        return y
    out, _ = record(rude, (1,), is_learner=everything)
    assert out == 2


def test_library_code_is_not_traced():
    import dlkit
    _, rec = record(dlkit.relu, (np.ones((2, 2)),), is_learner=everything)
    assert rec.steps == []


def test_tracing_does_not_change_the_result():
    def fn(dZ, cache):
        A_prev, W, b = cache
        m = A_prev.shape[1]
        return W.T @ dZ, dZ @ A_prev.T / m, np.sum(dZ, axis=1, keepdims=True) / m
    case = SPECS["linear_backward"].cases()[0]
    call = KernelCall("linear_backward", fn, 5)
    steps = call.trace("linear_backward", case.args)
    assert steps and explain(SPECS["linear_backward"], case, steps) is None   # right code: nothing to say
    out, _ = call("linear_backward", case.args)
    assert all(np.array_equal(a, b) for a, b in zip(out, case.expected))


def test_names_claim_lecture_quantities():
    assert family("dA_prev_") == "dA_prev" and family("J") == "cost" and family("m_") == "m"
    assert family("g_prime") == "slope" and family("tmp") is None


def _cell(source, name):
    """A function defined in a notebook-like cell: '<cell>' file registered with linecache, as IPython does."""
    import linecache
    filename = f"<cell-{name}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    namespace = {"np": np}
    exec(compile(source, filename, "exec"), namespace)
    return namespace[name]


def test_first_wrong_line_names_the_cells_line_and_the_relation():
    fn = _cell("""def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T)
    dW = dW / m / 2
    db = np.sum(dZ, axis=1, keepdims=True) / m
    return W.T @ dZ, dW, db
""", "linear_backward")
    spec = SPECS["linear_backward"]
    case = spec.cases()[0]
    steps = KernelCall("linear_backward", fn, 5).trace("linear_backward", case.args)
    found = explain(spec, case, steps)
    # line 4 builds dW up; line 5 is the one that leaves the lecture: half of dW[l]
    assert found.id == "linear_backward.first_wrong_line_factor_half", found
    assert found.hint.startswith("Line 5 ") and "your dW is exactly half" in found.hint
    assert found.details[0] == "line 5: dW = dW / m / 2"


def test_first_wrong_pass_of_a_loop():
    fn = _cell("""def linear_forward(A_prev, W, b):
    Z = np.zeros((W.shape[0], A_prev.shape[1]))
    for i in range(W.shape[0]):
        Z[i, :] = W[i, :] @ A_prev + b[0, 0]
    return Z, (A_prev, W, b)
""", "linear_forward")
    spec = SPECS["linear_forward"]
    case = next(c for c in spec.cases() if c.args[2].shape[0] > 1 and c.args[2][0, 0] != c.args[2][1, 0])
    steps = KernelCall("linear_forward", fn, 5).trace("linear_forward", case.args)
    found = explain(spec, case, steps)
    assert found is not None and found.hint.startswith("Line 4 (pass 2 of the loop)"), found


def test_the_tracer_never_runs_for_correct_code(monkeypatch):
    calls = []
    original = KernelCall.trace
    monkeypatch.setattr(KernelCall, "trace", lambda self, *a: calls.append(a) or original(self, *a))

    def linear_forward(A_prev, W, b):
        Z = np.einsum("ij,jk->ik", W, A_prev)
        Z = Z + b
        return Z, (A_prev, W, b)
    assert check("linear_forward", linear_forward).passed and calls == []

    def relu_backward(dA, Z):
        g_prime = np.sign(Z)
        return dA * g_prime
    result = check("relu_backward", relu_backward)
    # what the output is on every wrong case comes first (concepts.py), then the traced line
    assert calls and result.mistakes[:2] == ["relu_backward.wrong_where", "relu_backward.first_wrong_line"]
    assert "-dA[l]" in result.findings[0].hint
    assert result.findings[1].hint.startswith("Line ") and "g_prime" in result.findings[1].hint


def test_another_quantity_under_a_lecture_name_is_not_a_mistake():
    fn = _cell("""def linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Z = cache
    dA = dA * (Z > 0) if activation == "relu" else dA * (1 / (1 + np.exp(-Z))) * (1 - 1 / (1 + np.exp(-Z)))
    m = A_prev.shape[1]
    dW = dA @ A_prev.T / m * 3
    return W.T @ dA, dW, dA.sum(axis=1, keepdims=True) / m
""", "linear_activation_backward")
    spec = SPECS["linear_activation_backward"]
    case = spec.cases()[0]
    found = explain(spec, case, KernelCall(spec.name, fn, 5).trace(spec.name, case.args))
    # line 3 keeps dZ[l] under the name dA: the first wrong line is 5, where dW leaves dW[l]
    assert found is not None and found.hint.startswith("Line 5 "), found


def test_the_byte_budget_stops_the_recording():
    def fn(n):
        for i in range(n):
            big = np.full((100, 100), float(i))   # 80 kB a pass
        return float(big[0, 0])
    out, rec = record(fn, (50,), is_learner=everything, max_bytes=400_000)
    assert out == 49.0 and not rec.complete
    assert sum(v.nbytes for s in rec.steps for v in s.values.values() if type(v) is np.ndarray) < 600_000


def test_steps_from_an_untrusted_child_are_checked():
    from dlkit.checks.trace import Step, steps_from_plain, steps_to_plain
    steps = [Step(0, "f", 3, "Z = W @ A", ("W", "A"), {"Z": np.ones((2, 2)), "m": 4}, 1, ())]
    back = steps_from_plain(steps_to_plain(steps))
    assert back[0].lineno == 3 and back[0].reads == ("W", "A") and np.array_equal(back[0].values["Z"], np.ones((2, 2)))
    assert steps_from_plain("nope") is None and steps_from_plain([{"frame": "0"}]) is None
    bad = steps_to_plain(steps)
    bad[0]["reads"] = [1, 2]
    assert steps_from_plain(bad) is None
    odd = steps_to_plain(steps)
    odd[0]["values"] = {"Z": "a string", "m": 4}   # not a number: dropped, the rest kept
    assert steps_from_plain(odd)[0].values == {"m": 4}
    assert steps_from_plain([steps_to_plain(steps)[0]] * 5000) is None   # more than the tracer's budget


def test_a_sum_being_added_up_is_judged_once_complete():
    fn = _cell("""def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.zeros(W.shape)
    for i in range(m):
        dW += np.outer(dZ[:, i], A_prev[:, i])
    dW = dW / m
    db = np.sum(dZ, axis=1, keepdims=True) * 2 / m
    return W.T @ dZ, dW, db
""", "linear_backward")
    spec = SPECS["linear_backward"]
    case = spec.cases()[0]
    found = explain(spec, case, KernelCall(spec.name, fn, 5).trace(spec.name, case.args))
    assert found.id == "linear_backward.first_wrong_line_factor_2" and found.hint.startswith("Line 8 "), found


def test_a_loop_that_replaces_its_value_unread():
    fn = _cell("""def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    for i in range(m):
        db = dZ[:, i:i + 1] / m
    return W.T @ dZ, dZ @ A_prev.T / m, db
""", "linear_backward")
    spec = SPECS["linear_backward"]
    case = spec.cases()[0]
    found = explain(spec, case, KernelCall(spec.name, fn, 5).trace(spec.name, case.args))
    assert found.id == "linear_backward.first_wrong_line_loop_overwrites", found
    m = case.info["m"]
    assert found.hint.startswith(f"Line 5 runs in a loop and gives your db a new value at each of its {m} passes")
