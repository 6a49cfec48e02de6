"""How long the instructor notebooks take to execute, each in a fresh kernel (the 60 s budget of issue 5).

    python benchmarks/bench_notebooks.py            # all notebooks, one run
    python benchmarks/bench_notebooks.py --repeat 3 # best of 3 per notebook

Prints one line per notebook (kernel start included, as for a learner who
runs "Restart kernel and run all") and the total; exits 1 when the total is
over --budget seconds. Outputs are computed and thrown away: the committed
notebooks are not touched.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INSTRUCTOR = ROOT / "notebooks" / "instructor"


def main(argv=None) -> int:
    import nbformat

    from dlkit.course.build import execute

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs per notebook; the fastest counts")
    parser.add_argument("--budget", type=float, default=60.0, help="seconds allowed for all notebooks together")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error(f"--repeat must be at least 1, got {args.repeat}")
    total = 0.0
    print(f"{'notebook':32s} {'seconds':>8s}")
    for path in sorted(INSTRUCTOR.glob("*.ipynb")):
        times = []
        for _ in range(args.repeat):
            nb = nbformat.read(path, as_version=4)
            start = time.perf_counter()
            execute(nb, INSTRUCTOR)
            times.append(time.perf_counter() - start)
        total += min(times)
        print(f"{path.stem:32s} {min(times):8.1f}")
    print(f"{'total':32s} {total:8.1f}   (budget {args.budget:.0f} s)")
    return 0 if total <= args.budget else 1


if __name__ == "__main__":
    sys.exit(main())
