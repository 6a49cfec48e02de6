"""State one exercise's code leaves in its process never reaches another exercise.

Each notebook below is right except sigmoid, which still returns the right answer but, when
the judge calls it for its own exercise, leaves something behind in its process: a timer
that fires later (with a handler that raises, or the default action that kills), a profile
or trace hook, patched builtins or numpy functions, rebound globals of the other
exercises. (It does so only when called by the grader, not by the learner's other
functions, so that exercises which call sigmoid are not harmed *by calling it*, which would
be fair.) Every other exercise must keep its full points: each exercise runs in a child of
its own and the child resets timers, signal handlers and hooks before every call. CI runs
this file as root and as uid 65534 (``make test-unprivileged``).
"""
from __future__ import annotations

import pytest

from grading_helpers import EXERCISES, MAX, grade_notebooks, notebook, sigmoid_doing

# Runs only when sigmoid is called by the grader itself (its caller is not one of the notebook's cells).
GUARD = "import sys\nif not sys._getframe(1).f_code.co_filename.startswith('<'):\n"
RIGHT = "return 1 / (1 + np.exp(-Z))"
RAISE = "def _boom(*a):\n    raise RuntimeError('left behind by sigmoid')\n"

CARRY = {
    "timer_with_handler": "    import signal\n    signal.signal(signal.SIGALRM, _boom)\n"
                          "    signal.setitimer(signal.ITIMER_REAL, 0.05, 0.02)\n",
    "timer_default_kills": "    import signal\n    signal.signal(signal.SIGALRM, signal.SIG_DFL)\n"
                           "    signal.setitimer(signal.ITIMER_REAL, 0.05, 0.02)\n",
    "alarm": "    import signal\n    signal.signal(signal.SIGALRM, signal.SIG_DFL)\n    signal.alarm(1)\n",
    "cpu_timer_kills": "    import signal\n    signal.signal(signal.SIGPROF, signal.SIG_DFL)\n"
                       "    signal.setitimer(signal.ITIMER_PROF, 0.01, 0.01)\n",
    "profile_hook": "    sys.setprofile(lambda f, e, a: _boom() if e == 'call' and f.f_code.co_filename.startswith('<')"
                    " and f.f_code.co_name != 'sigmoid' else None)\n",
    "trace_hook": "    sys.settrace(lambda f, e, a: _boom() if e == 'call' and f.f_code.co_filename.startswith('<')"
                  " and f.f_code.co_name != 'sigmoid' else None)\n",
    "patch_builtins": "    import builtins\n    builtins.len = lambda x: 0\n    builtins.range = lambda *a: []\n"
                      "    builtins.str = lambda x: 'x'\n",
    "patch_numpy": "    np.maximum = lambda a, b: a * 0\n    np.ones = np.zeros\n    np.dot = lambda a, b: 0\n",
    "rebind_globals": "    g = globals()\n    for name in ('linear_forward', 'relu', 'linear_activation_forward', 'model_forward'):\n"
                      "        g[name] = lambda *a: None\n",
}


def _sigmoid(carry: str) -> dict:
    funcs = sigmoid_doing(GUARD + carry + "    pass\n" + RIGHT)
    funcs["sigmoid"] = RAISE + funcs["sigmoid"]
    return funcs


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    return grade_notebooks(tmp_path_factory.mktemp("subs"), {n: notebook(_sigmoid(c)) for n, c in CARRY.items()}, 1234)


@pytest.mark.parametrize("case", sorted(CARRY))
def test_other_exercises_keep_full_points(rows, case):
    got = rows[case]
    assert list(got) == EXERCISES
    for name in EXERCISES:
        if name != "sigmoid":
            assert (got[name]["status"], got[name]["points"]) == ("graded", MAX[name]), (name, got[name]["report"])


RESET_AROUND_CALLS = ("timer_with_handler", "timer_default_kills", "alarm", "cpu_timer_kills", "profile_hook",
                      "trace_hook")


@pytest.mark.parametrize("case", RESET_AROUND_CALLS)
def test_a_timer_or_hook_is_reset_around_each_call(rows, case):
    """Within sigmoid's own exercise, what its call armed is reset before its reply is sent, so it does not
    fire while the child waits for the next case (a periodic timer of 20 ms would, and end sigmoid's run)."""
    assert (rows[case]["sigmoid"]["status"], rows[case]["sigmoid"]["points"]) == ("graded", MAX["sigmoid"]), \
        rows[case]["sigmoid"]["report"]
