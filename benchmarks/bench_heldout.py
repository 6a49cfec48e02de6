"""How long the in-notebook checkpoint takes on real learner mistakes: every bug of the held-out rounds.

    python benchmarks/bench_heldout.py                   # rounds 1 and 3-11 (the tuning rounds), median of 3 calls
    python benchmarks/bench_heldout.py --rounds 12 13 --repeat 5

bench_checks.py times one scaled and one nudged wrong output per exercise; learner code reaches paths
those two never take (the line tracer on loops, the source searches, a crash explained). This times
`check(exercise, fn)` on each held-out bug and prints the slowest calls, how many exceed the 150 ms
target and the load average, which the figures depend on: compare only runs made back to back.
Only keys and times are printed (no report text), so a blind round can be timed without being read.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dlkit.checks import check  # noqa: E402

TARGET_MS = 150.0


def _time(exercise, fn, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        check(exercise, fn, time_limit=5)
        times.append(1000 * (time.perf_counter() - start))
    return statistics.median(times)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, nargs="+", default=[1, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    parser.add_argument("--repeat", type=int, default=3, help="calls per bug; the median is kept")
    parser.add_argument("--slowest", type=int, default=8, help="how many of the slowest calls to list")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.slowest < 0:
        parser.error(f"--repeat must be >= 1 and --slowest >= 0, got {args.repeat} and {args.slowest}")
    from tests.checks.heldout import measure   # registers every round's implementations
    unknown = [r for r in args.rounds if r not in measure.ROUNDS]
    if unknown:
        parser.error(f"--rounds: no held-out round {unknown}; the rounds are {sorted(measure.ROUNDS)}")
    rows = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for r in args.rounds:
            for b in measure.ROUNDS[r].BUGS:
                if b.exercise == "L_layer_model":
                    continue   # a whole training run: its time is the learner's loop, not the checkpoint's
                rows.append((_time(b.exercise, b.fn, args.repeat), b.key))
    rows.sort(reverse=True)
    times = [t for t, _ in rows]
    print(f"{len(rows)} bugs of rounds {args.rounds} (L_layer_model left out), median of {args.repeat} calls each")
    for t, key in rows[:args.slowest]:
        print(f"  {t:7.1f} ms  {key}")
    print(f"median {statistics.median(times):.1f} ms, 95th percentile {times[len(times) // 20]:.1f} ms, "
          f"above {TARGET_MS:.0f} ms: {sum(t > TARGET_MS for t in times)}; load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
