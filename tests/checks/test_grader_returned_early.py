"""A return inside model_forward's / model_backward's loop, judged as the grader judges it: with no
call log (the grader's child notes no calls), only the output and the learner's source. The report
must say where the function stopped and why, not "the loop stops one layer early"."""
import textwrap

from dlkit.checks import SPECS, check
from dlkit.checks.runner import KernelCall
from dlkit.course.grade import with_leftovers

SEED = 20261203

BACKWARD = '''
def model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in reversed(range(1, L + 1)):
        dA_prev, dW, db = linear_activation_backward(dA, caches[l - 1], "sigmoid" if l == L else "relu")
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = dA_prev, dW, db
        dA = dA_prev
        {ret}
    {after}
'''

FORWARD = '''
def model_forward(X, parameters):
    caches, A = [], X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)],
                                             "sigmoid" if l == L else "relu")
        caches.append(cache)
        {ret}
    {after}
'''


def _define(template, name, ret, after):
    import numpy as np
    import dlkit
    src = textwrap.dedent(template).replace("{ret}", ret).replace("{after}", after)
    space = {"np": np, "linear_activation_backward": dlkit.linear_activation_backward,
             "linear_activation_forward": dlkit.linear_activation_forward}
    exec(compile(src, f"<learner {name}>", "exec"), space)
    return space[name], src


def _graded(name, fn, src):
    """The grader's view: no call log, the source from the notebook's text."""
    class NoLog(KernelCall):
        calls = None
    call = with_leftovers(NoLog(name, fn, 5), None, source=(src, 1), name=name)
    assert getattr(call, "calls", None) is None
    return SPECS[name].run(call, seed=SEED)


def test_backward_return_in_loop_is_said_without_a_call_log():
    fn, src = _define(BACKWARD, "model_backward", "return grads", "")
    text = str(_graded("model_backward", fn, src))
    first = text.split("\n- ")[1]
    assert "grads holds dW, db only for layer" in first and "`return grads` is inside the loop" in first
    assert "stops one layer early" not in text


def test_forward_return_in_loop_is_said_without_a_call_log():
    fn, src = _define(FORWARD, "model_forward", "return A, caches", "")
    text = str(_graded("model_forward", fn, src))
    first = text.split("\n- ")[1]
    assert "never run" in first and "is inside the loop" in first
    assert "where Z[1] belongs" not in text     # the AL shape said as an expression is refuted by the return


def test_a_return_after_the_loop_gets_no_such_finding():
    # a right model_backward whose loop only holds a harmless `if` return: passes in both views
    fn, src = _define(BACKWARD, "model_backward", "if l == 0:\n            return grads", "return grads")
    assert _graded("model_backward", fn, src).passed
    assert check("model_backward", fn).passed


def test_a_short_range_without_a_return_is_not_said_as_a_return():
    fn, src = _define(BACKWARD.replace("range(1, L + 1)", "range(2, L + 1)"), "model_backward", "", "return grads")
    result = _graded("model_backward", fn, src)
    assert not result.passed
    assert "inside the loop" not in str(result)
