"""How long a checkpoint call takes, per exercise, with a correct and with a wrong function.

    python benchmarks/bench_checks.py            # median of 7 calls each
    python benchmarks/bench_checks.py --repeat 15

A checkpoint must stay interactive: the target is the slowest call under 150 ms on the
course machine. The correct function is dlkit's own block; the wrong one returns dlkit's
answer with its first array scaled by 1.1, a mistake no mutant reproduces (only the
generic "factor" relation names it), so the check runs its slowest path (every mutant,
the relations, the helpers' checks and, for a backward block, the numerical gradient
of the learner's forward).

Measured 2026-12-02 back to back at load average 6.7 (2 cores shared): slowest call
model_backward with the wrong function, 527 ms on main before issue 12's changes,
89 ms after. After issue 12's follow-up (branch diag: relations on a recovered dZ[l], edges at
|Z| = 800-1000, hidden values redacted), at load average 2.3: 16.0 ms (main just before: 9.7 ms).
With the source rules (branch diag2; a third column, "generic ms", times a wrong output that no
mutant or relation explains, so the report falls through to dlkit/checks/source.py), at load
average 1.3: slowest model_backward (generic) 17.4 ms; a source scan 0.17 ms median, 1.6 ms max.
With the preconditions of the crash and pattern hints (branch diag3, dlkit/checks/causes.py), at
load average 0.7: slowest model_backward (generic) 10.1 ms; a crash explained from the learner's
source (tests/checks/catalog_causes.py) at most 23 ms (L_layer_model, which runs the whole loop).
Branch trace (the line tracer, checks/firstwrong.py; the "(traced)" rows are wrong functions
only it names) at load average 0.6: slowest model_backward (traced) 17.7 ms, 18.1 ms after merging the source rules (dlkit grade: 21.8
submissions/s on a class of 60, main 21.1, back to back: its bench class has no traced bug).
Branch trace2 (checks/expression.py names the wrong line's value; it runs when the first wrong
line has no relation), at load average ~1: slowest model_backward (traced) 48.4 ms (a failed
search over a layer's quantities); the search itself at most ~20 ms on the trace catalog.
The machine's load average is printed with the figures: they are only comparable
between runs made back to back.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import dlkit  # noqa: E402
from dlkit import (  # noqa: E402,F401  (helpers found by global name, as in a notebook)
    linear_activation_backward, linear_activation_forward, linear_backward, linear_forward, model_forward,
    relu, relu_backward, sigmoid, sigmoid_backward)
from dlkit.checks import SPECS, check  # noqa: E402

TARGET_MS = 150.0


def _scaled(out):
    """The output with its first array 10 % too large (containers keep their structure)."""
    if type(out) is np.ndarray:
        return out * 1.1
    if type(out) is float:
        return out * 1.1
    if type(out) in (tuple, list):
        return type(out)([_scaled(out[0]), *out[1:]])
    if type(out) is dict:
        first = next(iter(out))
        return {k: (_scaled(v) if k == first else v) for k, v in out.items()}
    return out


def _nudged(out):
    """The output with one entry of its first array moved by 0.37: no mutant or relation explains
    it, so the report falls through to the source rules (dlkit/checks/source.py) and the generic line."""
    if type(out) is np.ndarray:
        out = out.astype(np.float64)
        out.flat[0] += 0.37
        return out
    if type(out) is float:
        return out + 0.37
    if type(out) in (tuple, list):
        return type(out)([_nudged(out[0]), *out[1:]])
    if type(out) is dict:
        first = next(iter(out))
        return {k: (_nudged(v) if k == first else v) for k, v in out.items()}
    return out


def _generic(name):
    reference = getattr(dlkit, name)

    def generic(*args):
        return _nudged(reference(*args))
    generic.__name__ = name
    return generic


def _scan_ms(repeat):
    """Median ms of one source scan (parse included) over dlkit's own blocks, each parsed afresh."""
    import inspect

    from dlkit.checks import source

    texts = [(name, inspect.getsource(getattr(dlkit, name))) for name in SPECS if hasattr(dlkit, name)]
    times = []
    for _ in range(repeat):
        for name, text in texts:
            source._parse.cache_clear()
            start = time.perf_counter()
            source.scan(name, text)
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def _wrong(name):
    reference = getattr(dlkit, name)

    def wrong(*args):
        return _scaled(reference(*args))
    wrong.__name__ = name
    return wrong


# Wrong functions nothing but the line tracer names (checks/firstwrong.py): the check runs every
# mutant, relation and rule, then re-runs the function under sys.settrace.
def _traced_relu_backward(dA, Z):
    g_prime = np.sign(Z)
    return dA * g_prime


def _traced_sigmoid_backward(dA, Z):
    slope = np.exp(-Z) / (1 + np.exp(-Z))
    return dA * slope


def _traced_compute_cost(AL, Y):
    AL = np.clip(AL, 1e-15, 1 - 1e-15)
    m = Y.shape[1] - 1
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)


def _traced_linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.zeros(W.shape)
    for i in range(m):
        dW = np.outer(dZ[:, i], A_prev[:, i])
    return W.T @ dZ, dW / m, np.sum(dZ, axis=1, keepdims=True) / m


def _traced_linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Z = cache
    if activation == "relu":
        dZ = dA * (Z > 0)
    else:
        s = 1 / (1 + np.exp(-Z))
        dg = s * (1 - Z)
        dZ = dA * dg
    m = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m, dZ.sum(axis=1, keepdims=True) / m


def _traced_model_forward(X, parameters):
    caches, A, L = [], X, len(parameters) // 2
    for l in range(1, L + 1):
        A_prev = A
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        Z = W @ A_prev + b
        A = np.maximum(0, Z) if l < L else 1 / (1 + np.exp(-Z))
        A = A / A.max()
        caches.append(((A_prev, W, b), Z))
    return A, caches


def _traced_model_backward(AL, Y, caches):
    grads, L = {}, len(caches)
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    for l in range(L, 0, -1):
        (A_prev, W, b), Z = caches[l - 1]
        s = 1 / (1 + np.exp(-Z))
        dZ = dA * s * (1 - s) if l == L else dA * (Z > 0)
        m = A_prev.shape[1]
        grads[f"dW{l}"], grads[f"db{l}"] = dZ @ A_prev.T / m, np.sum(dZ, axis=1, keepdims=True) / m
        dA = np.clip(W.T @ dZ, -0.1, 0.1)
        grads[f"dA{l - 1}"] = dA
    return grads


TRACED = {name: globals()[f"_traced_{name}"] for name in
          ("relu_backward", "sigmoid_backward", "compute_cost", "linear_backward", "linear_activation_backward",
           "model_forward", "model_backward")}


def _time(name, fn, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = check(name, fn)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="calls per exercise and function (median reported)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error(f"--repeat must be at least 1, got {args.repeat}")
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}; median of {args.repeat} calls")
    print(f"{'exercise':<28} {'correct ms':>10} {'wrong ms':>9} {'generic ms':>10}  wrong function's first finding")
    slowest = (0.0, "")
    for name in SPECS:
        if not hasattr(dlkit, name):
            continue
        ok_ms, ok = _time(name, getattr(dlkit, name), args.repeat)
        bad_ms, bad = _time(name, _wrong(name), args.repeat)
        gen_ms, _ = _time(name, _generic(name), args.repeat)
        assert ok.passed, f"dlkit's own {name} fails its check:\n{ok}"
        first = bad.mistakes[0] if bad.mistakes else ("passed" if bad.passed else "-")
        print(f"{name:<28} {ok_ms:>10.1f} {bad_ms:>9.1f} {gen_ms:>10.1f}  {first}")
        slowest = max(slowest, (ok_ms, f"{name} (correct)"), (bad_ms, f"{name} (wrong)"),
                      (gen_ms, f"{name} (generic)"))
    scan_median, scan_max = _scan_ms(args.repeat)
    print(f"source scan (parse + rules) of dlkit's blocks: median {scan_median:.2f} ms, max {scan_max:.2f} ms "
          f"(target < 5 ms)")
    for name, fn in TRACED.items():
        ms, result = _time(name, fn, args.repeat)
        first = result.mistakes[0] if result.mistakes else "-"
        print(f"{name + ' (traced)':<28} {'':>10} {ms:>9.1f} {'':>10}  {first}")
        slowest = max(slowest, (ms, f"{name} (traced)"))
    verdict = "under" if slowest[0] < TARGET_MS else "OVER"
    print(f"slowest: {slowest[1]} {slowest[0]:.1f} ms, {verdict} the {TARGET_MS:.0f} ms target")
    return 0 if slowest[0] < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
