"""Measure the checkpoints on the held-out learner code (issue 12).

    python -m tests.checks.heldout.measure              # round 1: figures, then every unnamed bug's report
    python -m tests.checks.heldout.measure --json       # the same, as JSON
    python -m tests.checks.heldout.measure --round 3    # round 3 (round3_*.py, registry3.py), same rule
    python -m tests.checks.heldout.measure --round 4    # round 4 (round4_*.py, registry4.py), same rule
    python -m tests.checks.heldout.measure --round 5    # round 5 (round5_*.py, registry5.py), same rule
    python -m tests.checks.heldout.measure --round 6    # round 6 (round6_*.py, registry6.py), same rule
    python -m tests.checks.heldout.measure --round 7    # round 7 (round7_*.py, registry7.py), same rule
    python -m tests.checks.heldout.measure --round 8    # round 8 (round8_*.py, registry8.py), same rule
    python -m tests.checks.heldout.measure --round 9    # round 9 (round9_*.py, registry9.py), same rule
    python -m tests.checks.heldout.measure --round 10   # round 10 (round10_*.py, registry10.py), same rule
    python -m tests.checks.heldout.measure --round 11   # round 11 (round11_*.py, registry11.py), same rule
    python -m tests.checks.heldout.measure --round 12   # round 12 (round12_*.py, registry12.py), same rule
    python -m tests.checks.heldout.measure --round 13   # round 13 (round13_*.py, registry13.py), same rule
    python -m tests.checks.heldout.measure --round 14   # round 14 (round14_*.py, registry14.py), same rule
    python -m tests.checks.heldout.measure --round 15   # round 15 (round15_*.py, registry15.py), same rule
    python -m tests.checks.heldout.measure --round all --out DIR   # one line per round; DIR/round_N.json each

Prints false passes (a bug that passes the public check or the grader's hidden
run), false fails (a correct implementation that fails either), and named /
total bugs by the rule in README.md (scoring.py). A plain script, not a test:
these figures measure the engine; no rule may be written from them.
"""
from __future__ import annotations

import argparse
import json
import sys
import warnings

from dlkit.checks import SPECS, check
from dlkit.checks.runner import KernelCall

from . import learners_backward, learners_forward, learners_train  # noqa: F401  (registers round 1)
from . import round3_backward, round3_forward, round3_train  # noqa: F401  (registers round 3)
from . import round4_backward, round4_forward, round4_train  # noqa: F401  (registers round 4)
from . import round5_backward, round5_forward, round5_train  # noqa: F401  (registers round 5)
from . import round6_backward, round6_forward, round6_train  # noqa: F401  (registers round 6)
from . import round7_backward, round7_forward, round7_train  # noqa: F401  (registers round 7)
from . import round8_backward, round8_forward, round8_train  # noqa: F401  (registers round 8)
from . import round9_backward, round9_forward, round9_train  # noqa: F401  (registers round 9)
from . import round10_backward, round10_forward, round10_train  # noqa: F401  (registers round 10)
from . import round11_backward, round11_forward, round11_train  # noqa: F401  (registers round 11)
from . import round12_backward, round12_forward, round12_train  # noqa: F401  (registers round 12)
from . import round13_backward, round13_forward, round13_train  # noqa: F401  (registers round 13)
from . import round14_backward, round14_forward, round14_train  # noqa: F401  (registers round 14)
from . import round15_backward, round15_forward, round15_train  # noqa: F401  (registers round 15)
from . import (registry, registry3, registry4, registry5, registry6, registry7, registry8, registry9, registry10,
               registry11, registry12, registry13, registry14, registry15)
from .scoring import HIDDEN_SEED, is_named, specific_text

TIME_LIMIT = 5


class _Crashed:
    """The checkpoint itself raised (an engine error, not the learner's): it neither passes nor names anything."""
    passed = False
    mistakes = ()

    def __init__(self, exc):
        self.error = f"{type(exc).__name__}: {exc}"

    def __str__(self):   # one line: the scoring rule drops the first line, so nothing is ever named by it
        return f"CHECKPOINT CRASHED (dlkit.checks raised {self.error})"


def _guarded(run):
    try:
        return run()
    except Exception as exc:   # noqa: BLE001  (recorded and counted as an engine error, never hidden)
        return _Crashed(exc)


def _run(exercise, fn):
    public = _guarded(lambda: check(exercise, fn, time_limit=TIME_LIMIT))
    hidden = _guarded(lambda: SPECS[exercise].run(KernelCall(exercise, fn, TIME_LIMIT), seed=HIDDEN_SEED))
    return public, hidden


def _crashes(key, public, hidden):
    return [f"{key} ({where}): {r.error}" for where, r in (("public", public), ("hidden", hidden)) if isinstance(r, _Crashed)]


ROUNDS = {1: registry, 3: registry3, 4: registry4, 5: registry5, 6: registry6, 7: registry7, 8: registry8, 9: registry9,
          10: registry10, 11: registry11, 12: registry12, 13: registry13, 14: registry14,
          15: registry15}   # each round's implementations, counted separately


def measure(round_=1) -> dict:
    BUGS, CORRECT = ROUNDS[round_].BUGS, ROUNDS[round_].CORRECT
    bugs, corrects, crashes = [], [], []
    for b in BUGS:
        public, hidden = _run(b.exercise, b.fn)
        crashes += _crashes(b.key, public, hidden)
        report = str(public)
        bugs.append({
            "key": b.key, "exercise": b.exercise, "mistake": b.mistake, "contract": b.contract,
            "passes_public": public.passed, "passes_hidden": hidden.passed,
            "named": is_named(report, b.exercise, b.named, public.passed),
            "ids": public.mistakes, "report": report, "specific_text": specific_text(report, b.exercise),
        })
    for c in CORRECT:
        public, hidden = _run(c.exercise, c.fn)
        crashes += _crashes(c.key, public, hidden)
        corrects.append({
            "key": c.key, "exercise": c.exercise, "why": c.why,
            "passes_public": public.passed, "passes_hidden": hidden.passed,
            "report": str(public), "hidden_report": str(hidden),
        })
    false_passes = [b for b in bugs if b["passes_public"] or b["passes_hidden"]]
    false_fails = [c for c in corrects if not (c["passes_public"] and c["passes_hidden"])]
    named = [b for b in bugs if b["named"]]
    return {
        "round": round_, "bugs": len(bugs), "correct": len(corrects),
        "false_passes": len(false_passes), "false_fails": len(false_fails),
        "named": len(named), "named_rate": round(len(named) / len(bugs), 3),
        "named_without_contract_bugs": sum(b["named"] for b in bugs if not b["contract"]),
        "bugs_without_contract": sum(not b["contract"] for b in bugs),
        "false_pass_keys": [b["key"] for b in false_passes],
        "false_fail_keys": [c["key"] for c in false_fails],
        "checkpoint_crashes": crashes,
        "results": {"bugs": bugs, "correct": corrects},
    }


def _print(fig: dict):
    print(f"held-out set, round {fig['round']}: {fig['bugs']} bugs, {fig['correct']} correct implementations")
    if fig["checkpoint_crashes"]:
        print(f"checkpoint crashes (dlkit.checks itself raised; counted as failing, never as named): "
              f"{len(fig['checkpoint_crashes'])}")
        for line in fig["checkpoint_crashes"]:
            print(f"  {line}")
    print(f"false passes: {fig['false_passes']}")
    for b in fig["results"]["bugs"]:
        if b["passes_public"] or b["passes_hidden"]:
            where = " and ".join(w for w, p in (("public", b["passes_public"]), ("hidden", b["passes_hidden"])) if p)
            tag = f" [contract: {b['contract']}]" if b["contract"] else ""
            print(f"  {b['key']} passes ({where}){tag}: {b['mistake']}")
    print(f"false fails: {fig['false_fails']}")
    for c in fig["results"]["correct"]:
        if not (c["passes_public"] and c["passes_hidden"]):
            print(f"  {c['key']} ({c['why']}):")
            bad = c["report"] if not c["passes_public"] else c["hidden_report"]
            print("    " + bad.replace("\n", "\n    "))
    print(f"named: {fig['named']} / {fig['bugs']} = {100 * fig['named_rate']:.1f} %"
          f"  (without the {fig['bugs'] - fig['bugs_without_contract']} contract-dependent bugs: "
          f"{fig['named_without_contract_bugs']} / {fig['bugs_without_contract']})")
    print("\nunnamed bugs (mistake, then the report as the learner sees it):")
    for b in fig["results"]["bugs"]:
        if not b["named"]:
            print(f"\n* {b['key']}: {b['mistake']}" + (f" [contract: {b['contract']}]" if b["contract"] else ""))
            print("    " + b["report"].replace("\n", "\n    "))


def _summary(fig: dict) -> str:
    return (f"round {fig['round']:>2}: named {fig['named']:>3} / {fig['bugs']:<3} = {100 * fig['named_rate']:5.1f} %  "
            f"false passes {fig['false_passes']}  false fails {fig['false_fails']}  "
            f"checkpoint crashes {len(fig['checkpoint_crashes'])}")


def _all_rounds(out):
    """Every round, one summary line each (and its JSON in `out`): the figures a change is judged by."""
    import pathlib
    if out:
        pathlib.Path(out).mkdir(parents=True, exist_ok=True)
    total = named = 0
    for round_ in sorted(ROUNDS):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fig = measure(round_)
        total, named = total + fig["bugs"], named + fig["named"]
        print(_summary(fig), flush=True)
        if out:
            (pathlib.Path(out) / f"round_{round_}.json").write_text(json.dumps(fig, indent=1) + "\n")
    print(f"all rounds: named {named} / {total} = {100 * named / total:.1f} %")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--round", choices=[str(r) for r in sorted(ROUNDS)] + ["all"], default="1",
                        help="which held-out round to measure (default 1, learners_*.py), or all of them")
    parser.add_argument("--out", metavar="DIR", help="with --round all: also write DIR/round_N.json per round")
    args = parser.parse_args(argv)
    if args.round == "all":
        return _all_rounds(args.out)
    if args.out:
        parser.error("--out goes with --round all")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fig = measure(int(args.round))
    if args.json:
        json.dump(fig, sys.stdout, indent=1)
        print()
    else:
        _print(fig)


if __name__ == "__main__":
    main()
