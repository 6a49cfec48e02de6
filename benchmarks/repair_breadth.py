"""Breadth of the repair search (dlkit/checks/oneedit.py) on the tuning rounds 1, 3-13.

    python -m benchmarks.repair_breadth [--round N ...] [--runs N] [-v]

For EVERY bug (named by other findings or not, as if they were absent) the search is run on the
learner's function: counted are the bugs for which it finds a unique fixing edit, those where fixes
disagree, those out of time; and the correct implementations on which it would say anything (must be 0).
Rounds 12 and 13 are tuning rounds now (read, may be used); round 14 is blind and never run here.
"""
from __future__ import annotations

import argparse
import collections
import re
import time

from dlkit.checks import SPECS
from dlkit.checks import oneedit
from dlkit.checks.runner import KernelCall

TUNING = (1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14)   # round 14 is read now; 15 is blind


def _modules(r):
    import importlib
    names = ["learners_backward", "learners_forward", "learners_train"] if r == 1 else \
        [f"round{r}_backward", f"round{r}_forward", f"round{r}_train"]
    for n in names:
        importlib.import_module(f"tests.checks.heldout.{n}")
    return importlib.import_module("tests.checks.heldout." + ("registry" if r == 1 else f"registry{r}"))


def run(rounds, budget, verbose):
    total = collections.Counter()
    by_kind = collections.Counter()
    slowest = (0.0, "")
    for r in rounds:
        reg = _modules(r)
        c = collections.Counter()
        for b in reg.BUGS:
            call = KernelCall(b.exercise, b.fn, 5)
            src = call.learner_source(b.exercise)
            t = time.perf_counter()
            found = oneedit.search(SPECS[b.exercise], b.fn, call.namespace, src[0], budget) if src else None
            dt = time.perf_counter() - t
            slowest = max(slowest, (dt, b.key))
            c["bugs"] += 1
            if found is None:
                c["out_of_time"] += 1
                what = "out of time"
            elif len(found) == 1:
                c["unique"] += 1
                by_kind[found[0][1]] += 1
                what = "FIX " + oneedit.say(*found[0][:4])
                if any(re.search(p, what, re.I) for p in b.named):
                    c["matches_named"] += 1   # the words also meet the bug's own "named" regexes (a rough precision)
                else:
                    what = "UNMATCHED " + what + "  [regexes: " + " || ".join(b.named) + "]"
            elif len(found) > 1:
                c["several"] += 1
                what = "several: " + " | ".join(oneedit.say(*f[:4])[:60] for f in found)
            else:
                c["none"] += 1
                what = "none"
            if verbose:
                print(f"  {b.key}: {dt*1000:.0f} ms {what}")
        for k in reg.CORRECT:
            call = KernelCall(k.exercise, k.fn, 5)
            src = call.learner_source(k.exercise)
            found = oneedit.search(SPECS[k.exercise], k.fn, call.namespace, src[0], budget) if src else None
            c["correct"] += 1
            if found:
                c["fires_on_correct"] += 1
                print(f"  FIRES ON CORRECT {k.key}")
        print(f"round {r}: unique {c['unique']}/{c['bugs']} (words meet the bug's regexes: {c['matches_named']}), several {c['several']}, none {c['none']}, "
              f"out of time {c['out_of_time']}; fires on correct {c['fires_on_correct']}/{c['correct']}")
        total.update(c)
    print(f"ALL: unique {total['unique']}/{total['bugs']} ({total['unique'] / max(total['bugs'], 1):.0%}; words meet the "
          f"bug's regexes {total['matches_named']}), several "
          f"{total['several']}, none {total['none']}, out of time {total['out_of_time']}; fires on correct "
          f"{total['fires_on_correct']}/{total['correct']}; slowest {slowest[0]*1000:.0f} ms ({slowest[1]})")
    print("by edit class:", dict(by_kind))


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--round", type=int, action="append")
    p.add_argument("--runs", type=int, default=None, help="case runs per search (default: oneedit.RUNS)")
    p.add_argument("-v", action="store_true")
    a = p.parse_args()
    for r in a.round or TUNING:
        assert r in TUNING, "round 15 is blind"
    run(a.round or TUNING, a.runs, a.v)
