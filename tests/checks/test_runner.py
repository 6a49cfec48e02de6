"""The checkpoint's behaviour around learner code: crashes, stubs, endless loops,
helpers found by global name, deterministic reports, and plain data."""
import time

import numpy as np
import pytest

import dlkit
from dlkit.checks import SPECS, LearnerError, Opaque, check, plain

from .notebook import notebook

EXERCISES = ["initialize_parameters", "linear_forward", "sigmoid", "relu", "linear_activation_forward",
             "model_forward", "compute_cost", "linear_backward", "relu_backward", "sigmoid_backward",
             "linear_activation_backward", "model_backward", "update_parameters"]


def test_every_exercise_of_the_contract_has_a_spec():
    # L_layer_model, the loop the learner writes in notebook 6, has dlkit.train as its reference
    assert list(SPECS) == EXERCISES + ["L_layer_model"]
    for name, spec in SPECS.items():
        assert spec.name == name and spec.max_points >= 1


@pytest.mark.parametrize("name", EXERCISES)
def test_reference_passes_and_report_is_deterministic(name):
    first = check(name, getattr(dlkit, name))
    assert first.passed, str(first)
    assert str(first) == str(check(name, getattr(dlkit, name)))
    assert str(first).startswith(f"{name}: {first.max_points}/{first.max_points} passed")


@pytest.mark.parametrize("name", EXERCISES)
def test_reference_passes_hidden_cases(name):
    for seed in (1, 12345):
        result = SPECS[name].run(_kernel_call(name, getattr(dlkit, name)), seed=seed)
        assert result.passed, str(result)


def _kernel_call(name, fn, time_limit=10):
    from dlkit.checks.runner import KernelCall
    return KernelCall(name, fn, time_limit)


def test_hidden_cases_are_added_by_seed_and_reproducible():
    spec = SPECS["linear_backward"]
    public, hidden, again = spec.cases(), spec.cases(seed=7), spec.cases(seed=7)
    assert len(hidden) == len(public) + spec.n_random
    for a, b in zip(hidden, again):
        assert all(np.array_equal(x, y) for x, y in zip(a.args[:1], b.args[:1]))
    assert not np.array_equal(hidden[-1].args[0], spec.cases(seed=8)[-1].args[0])


def test_bug_report_is_deterministic_text():
    ns = notebook("""
        import numpy as np
        def linear_backward(dZ, cache):
            A_prev, W, b = cache
            dW = dZ @ A_prev.T
            db = np.sum(dZ, axis=1)
            return W.T @ dZ, dW, db
    """)
    first = str(check("linear_backward", ns["linear_backward"]))
    assert first == str(check("linear_backward", ns["linear_backward"]))
    assert "0x" not in first and first.startswith("linear_backward: 1/3 - ")


def test_not_implemented_reads_not_implemented_yet():
    ns = notebook("""
        def relu(Z):
            # YOUR CODE HERE
            raise NotImplementedError()
    """)
    result = check("relu", ns["relu"])
    assert result.status == "not_implemented" and not result.passed and result.points == 0
    assert "not implemented yet" in str(result).lower()


def test_a_stub_helper_is_named():
    ns = notebook("""
        def sigmoid(Z):
            raise NotImplementedError()
        def relu(Z):
            raise NotImplementedError()
        def linear_activation_forward(A_prev, W, b, activation):
            Z = W @ A_prev + b
            A = sigmoid(Z) if activation == "sigmoid" else relu(Z)
            return A, ((A_prev, W, b), Z)
    """)
    result = check("linear_activation_forward", ns["linear_activation_forward"], carry_forward=False)  # as submitted: no error carried forward
    assert result.status == "not_implemented"
    assert "your sigmoid" in str(result)


def test_endless_loop_is_stopped_by_the_time_limit():
    ns = notebook("""
        def relu(Z):
            A = Z
            while True:
                A = A + 0
            return A
    """)
    start = time.monotonic()
    result = check("relu", ns["relu"], time_limit=0.3)
    assert time.monotonic() - start < 3
    assert result.status == "timeout" and result.points == 0
    assert result.mistakes == ["relu.timeout"]
    assert "did not finish" in str(result)


def test_a_crash_shows_the_learners_own_line_and_the_shapes():
    ns = notebook("""
        import numpy as np
        def linear_forward(A_prev, W, b):
            Z = np.matmul(W.T, A_prev) + b
            return Z, (A_prev, W, b)
    """)
    result = check("linear_forward", ns["linear_forward"])
    assert result.status == "crashed" and result.points == 0
    text = str(result)
    assert "line 3: Z = np.matmul(W.T, A_prev) + b" in text
    assert "The inputs were A_prev (3, 4), W (2, 3), b (2, 1)." in text
    assert "Z[l] = W[l] A[l-1] + b[l]" in text
    assert "dlkit/" not in text and "Traceback" not in text


def test_an_exception_inside_a_helper_is_shown_at_the_learners_line():
    ns = notebook("""
        import numpy as np
        def linear_forward(A_prev, W, b):
            return W @ A_prev + b, (A_prev, W, b)
        def linear_activation_forward(A_prev, W, b, activation):
            Z, linear_cache = linear_forward(A_prev.T, W, b)
            return np.maximum(Z, 0), (linear_cache, Z)
    """)
    result = check("linear_activation_forward", ns["linear_activation_forward"])
    assert result.status == "crashed"
    assert "line 3: return W @ A_prev + b, (A_prev, W, b)" in str(result)


def test_helper_that_fails_its_own_check_is_named_first():
    ns = notebook("""
        import numpy as np
        def linear_forward(A_prev, W, b):
            return W @ A_prev, (A_prev, W, b)      # b forgotten
        def sigmoid(Z):
            return 1 / (1 + np.exp(-Z))
        def relu(Z):
            return np.maximum(0, Z)
        def linear_activation_forward(A_prev, W, b, activation):
            Z, linear_cache = linear_forward(A_prev, W, b)
            A = sigmoid(Z) if activation == "sigmoid" else relu(Z)
            return A, (linear_cache, Z)
    """)
    result = check("linear_activation_forward", ns["linear_activation_forward"], carry_forward=False)  # as submitted: no error carried forward
    assert not result.passed
    assert result.mistakes[0] == "linear_activation_forward.helper_fails"
    lines = str(result).splitlines()
    assert lines[1].startswith("- Your linear_forward fails its own check: fix it first")
    assert "linear_forward: Z is missing b" in lines[2]


def test_reference_helpers_imported_from_dlkit_are_fine():
    ns = notebook("""
        import numpy as np
        from dlkit import linear_forward, sigmoid, relu
        def linear_activation_forward(A_prev, W, b, activation):
            Z, linear_cache = linear_forward(A_prev, W, b)
            A = relu(Z) if activation == "sigmoid" else sigmoid(Z)
            return A, (linear_cache, Z)
    """)
    result = check("linear_activation_forward", ns["linear_activation_forward"])
    assert result.mistakes == ["linear_activation_forward.activations_swapped"]


def test_check_rejects_unknown_names_and_non_functions():
    with pytest.raises(ValueError, match="unknown exercise 'linear_forwad'"):
        check("linear_forwad", dlkit.linear_forward)
    with pytest.raises(TypeError, match="fn must be your function relu"):
        check("relu", 3)
    with pytest.raises(ValueError, match="time_limit"):
        check("relu", dlkit.relu, time_limit=0)


def test_plain_copies_arrays_and_converts_numpy_scalars():
    a = np.ones((2, 2))
    out = plain((a, np.float32(0.5), np.int64(3), [np.bool_(True)], {"W1": a}))
    assert type(out) is tuple and out[0] is not a and np.array_equal(out[0], a)
    assert out[1] == 0.5 and type(out[1]) is float and type(out[2]) is int and out[3] == [True]
    assert out[4]["W1"] is not a


def test_plain_turns_anything_else_into_opaque():
    gen = plain(x for x in range(3))
    assert type(gen) is Opaque and gen.type_name == "generator" and "0x" not in gen.text
    with pytest.warns(PendingDeprecationWarning):
        matrix = np.matrix([[1.0]])
    assert type(plain(matrix)) is Opaque
    assert type(plain(np.array(["a"]))) is Opaque

    class Number(float):
        pass
    assert type(plain(Number(1.0))) is Opaque


def test_plain_turns_container_subclasses_into_exact_containers():
    from collections import OrderedDict, namedtuple

    Cache = namedtuple("Cache", "A_prev W b")

    class Sneaky(list):
        def __iter__(self):
            raise RuntimeError("never iterate me")
    out = plain(OrderedDict(W1=np.ones((1, 1)), cache=Cache(1.0, 2.0, 3.0), rows=Sneaky([1, 2])))
    assert type(out) is dict and type(out["cache"]) is tuple and out["rows"] == [1, 2]
    assert type(out["rows"]) is list


def test_judging_is_safe_on_opaque_outputs():
    def call(fn_name, args):
        return Opaque("generator", "<generator object>"), args
    result = SPECS["linear_backward"].run(call)
    assert not result.passed and result.points == 0
    assert "a generator object" in str(result)


def test_learner_error_kinds_are_checked():
    with pytest.raises(ValueError):
        LearnerError("oops")
    err = LearnerError("exception", "ValueError", "bad <f at 0x7f00>", 3, "  x = 1 ")
    assert err.message == "bad <f>" and err.line == "x = 1"


def test_backward_consistent_with_a_wrong_forward_blames_the_forward():
    ns = notebook("""
        import numpy as np
        def relu(Z):
            return np.minimum(Z, 0)          # wrong forward
        def relu_backward(dA, Z):
            return dA * (Z < 0)              # the exact gradient of that wrong forward
    """)
    result = check("relu_backward", ns["relu_backward"])
    assert result.mistakes[0] == "relu_backward.forward_wrong"
    assert "relu_backward.mask_reversed" in result.mistakes
    assert "fix relu first" in str(result)


def test_backward_wrong_with_a_right_forward_blames_the_backward():
    ns = notebook("""
        import numpy as np
        def linear_forward(A_prev, W, b):
            return W @ A_prev + b, (A_prev, W, b)
        def linear_backward(dZ, cache):
            A_prev, W, b = cache
            m = A_prev.shape[1]
            return W.T @ dZ, dZ @ A_prev.T, np.sum(dZ, axis=1, keepdims=True) / m
    """)
    result = check("linear_backward", ns["linear_backward"])
    assert result.mistakes == ["linear_backward.dW_missing_1_over_m"]
    assert ("Numerical check: the gradient of your linear_forward agrees with dlkit's, "
            "so the mistake is in linear_backward itself.") in str(result)


def test_composite_backward_names_every_failing_helper():
    ns = notebook("""
        import numpy as np
        def linear_backward(dZ, cache):
            A_prev, W, b = cache
            return W.T @ dZ, dZ @ A_prev.T, np.sum(dZ, axis=1, keepdims=True)   # no 1/m
        def relu_backward(dA, Z):
            return dA * (Z > 0)
        def sigmoid_backward(dA, Z):
            return dA * Z * (1 - Z)                                            # Z for sigmoid(Z)
        def linear_activation_backward(dA, cache, activation):
            linear_cache, Z = cache
            dZ = relu_backward(dA, Z) if activation == "relu" else sigmoid_backward(dA, Z)
            return linear_backward(dZ, linear_cache)
    """)
    result = check("linear_activation_backward", ns["linear_activation_backward"], carry_forward=False)  # as submitted: no error carried forward
    assert result.mistakes[0] == "linear_activation_backward.helper_fails"
    text = str(result)
    assert "Your linear_backward and sigmoid_backward fail their own checks: fix them first" in text
    assert "relu_backward" not in text.splitlines()[1]


def test_model_backward_shortcut_with_consistent_caches_passes():
    ns = notebook("""
        from dlkit import linear_backward
        def model_backward(AL, Y, caches):
            grads, L = {}, len(caches)
            dZ = AL - Y                      # valid because AL really is sigmoid(Z[L])
            for l in range(L, 0, -1):
                linear_cache, Z = caches[l - 1]
                if l < L:
                    dZ = grads["dA" + str(l)] * (Z > 0)
                grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = linear_backward(dZ, linear_cache)
            return grads
    """)
    assert check("model_backward", ns["model_backward"]).passed
    assert SPECS["model_backward"].run(_kernel_call("model_backward", ns["model_backward"]), seed=2024).passed


# The instructor notebooks store these exact lines as the solved checkpoints' output
# (nbval compares them): changing a spec's number of public cases changes them.
PASSING_LINES = {
    "initialize_parameters": "initialize_parameters: 3/3 passed (4 cases)",
    "linear_forward": "linear_forward: 2/2 passed (4 cases)",
    "sigmoid": "sigmoid: 1/1 passed (5 cases)",
    "relu": "relu: 1/1 passed (5 cases)",
    "linear_activation_forward": "linear_activation_forward: 2/2 passed (6 cases)",
    "model_forward": "model_forward: 2/2 passed (4 cases)",
    "compute_cost": "compute_cost: 1/1 passed (6 cases)",
    "linear_backward": "linear_backward: 3/3 passed (4 cases)",
    "relu_backward": "relu_backward: 1/1 passed (5 cases)",
    "sigmoid_backward": "sigmoid_backward: 1/1 passed (5 cases)",
    "linear_activation_backward": "linear_activation_backward: 3/3 passed (6 cases)",
    "model_backward": "model_backward: 3/3 passed (4 cases)",
    "update_parameters": "update_parameters: 2/2 passed (4 cases)",
}


@pytest.mark.parametrize("name", EXERCISES)
def test_passing_report_is_the_line_the_notebooks_store(name):
    assert str(check(name, getattr(dlkit, name))) == PASSING_LINES[name]


def test_a_crash_caused_by_a_broken_forward_names_it():
    ns = notebook("""
        import numpy as np
        def sigmoid(Z):
            A = 1 / (1 + np.exp(-Z))
            return A, Z                      # the old course's (A, cache)
        def sigmoid_backward(dA, Z):
            s = sigmoid(Z)
            return dA * s * (1 - s)
    """)
    result = check("sigmoid_backward", ns["sigmoid_backward"])
    assert result.status == "crashed"
    assert result.mistakes[0] == "sigmoid_backward.helper_fails"
    assert "sigmoid: sigmoid must return only A" in str(result)


def test_helpers_not_defined_in_the_notebook_are_skipped_quietly():
    ns = notebook("""
        import numpy as np
        def linear_activation_forward(A_prev, W, b, activation):
            Z = W @ A_prev - b                               # b subtracted, no helper used
            A = np.maximum(Z, 0) if activation == "relu" else 1 / (1 + np.exp(-Z))
            return A, ((A_prev, W, b), Z)
    """)
    result = check("linear_activation_forward", ns["linear_activation_forward"])
    assert not result.passed
    assert "helper" not in " ".join(result.mistakes) and "NameError" not in str(result)


def test_a_function_with_the_wrong_parameters_is_told_the_signature():
    ns = notebook("""
        import numpy as np
        def compute_cost(AL, Y, parameters):
            return float(-np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))
    """)
    result = check("compute_cost", ns["compute_cost"])
    assert result.status == "crashed" and result.mistakes == ["compute_cost.wrong_signature"]
    assert "compute_cost must take the arguments (AL, Y), in this order." in str(result)


def test_the_last_hidden_case_is_float32_and_the_public_ones_are_not():
    for name in ("linear_backward", "model_backward", "compute_cost"):
        cases = SPECS[name].cases(seed=3)
        assert cases[-1].info["float32"] and not any(c.info["float32"] for c in SPECS[name].cases())


def test_exit_in_learner_code_is_a_finding_not_the_end_of_the_check():
    ns = notebook("""
        import sys
        def relu(Z):
            sys.exit("bye")
    """)
    result = check("relu", ns["relu"])
    assert result.status == "crashed" and result.mistakes == ["relu.raised_SystemExit"]
    assert 'line 3: sys.exit("bye")' in str(result)


def test_the_time_limit_leaves_no_alarm_behind():
    import signal

    def mine(signum, frame):
        pass
    old = signal.signal(signal.SIGALRM, mine)
    try:
        check("relu", dlkit.relu, time_limit=2)
        assert signal.getsignal(signal.SIGALRM) is mine
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    finally:
        signal.signal(signal.SIGALRM, old)


def test_linear_forwards_public_case_has_three_different_sizes():
    # n[l], n[l-1] and m all differ, so a wrong shape on the public case says which size it took
    from dlkit.checks import SPECS
    (A_prev, W, b), = SPECS["linear_forward"].fixed_cases()
    assert len({W.shape[0], W.shape[1], A_prev.shape[1]}) == 3
