"""Measure the checkpoints on the whole catalog over many hidden-case seeds.

    python -m tests.checks.sweep_catalog [n_seeds]

Prints the false fails (a correct implementation failing), false passes (a buggy
one passing) and wrong ids (a buggy one failing without its mistake named), with
the report of each. Too slow for the test suite (about a minute for 40 seeds on
two cores); the suite runs one hidden seed.
"""
import sys

from dlkit.checks import SPECS
from dlkit.checks.runner import KernelCall

from . import catalog_backward, catalog_forward, catalog_model, catalog_relations, catalog_source, catalog_styles, catalog_trace, catalog_train  # noqa: F401  (registers implementations)
from .registry import BUGGY, CORRECT


def sweep(n_seeds: int) -> dict:
    counts = {"runs": 0, "false_fails": 0, "false_passes": 0, "wrong_ids": 0}
    for seed in range(n_seeds):
        for exercise, fn in CORRECT:
            result = SPECS[exercise].run(KernelCall(exercise, fn, 10), seed=seed)
            counts["runs"] += 1
            if not result.passed:
                counts["false_fails"] += 1
                print(f"FALSE FAIL (seed {seed}, line {fn.__code__.co_firstlineno}):\n{result}\n")
        for exercise, mistake, fn in BUGGY:
            result = SPECS[exercise].run(KernelCall(exercise, fn, 10), seed=seed)
            counts["runs"] += 1
            if result.passed:
                counts["false_passes"] += 1
                print(f"FALSE PASS (seed {seed}): {mistake}\n")
            elif mistake not in result.mistakes:
                counts["wrong_ids"] += 1
                print(f"WRONG ID (seed {seed}): expected {mistake}\n{result}\n")
    return counts


if __name__ == "__main__":
    print(sweep(int(sys.argv[1]) if len(sys.argv) > 1 else 40))
