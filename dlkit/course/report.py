"""``dlkit report``: what the class got wrong, from the gradebook.

Prints the score distribution and, per exercise, the pass rate and the most
common mistakes (id and hint), and saves the same as a figure.
"""
from __future__ import annotations

import collections
import os


def summarize(rows, top: int = 3) -> dict:
    """Class summary from gradebook rows (see :func:`dlkit.course.gradebook.rows`).

    Returns ``{"scores": {(learner, assignment): (points, max)}, "exercises": {name: {...}}}``
    where each exercise has ``n``, ``passed``, ``pass_rate``, ``statuses`` and
    ``mistakes`` (the ``top`` most common as ``(id, count, hint)``).
    """
    if not isinstance(top, int) or top < 1:
        raise ValueError(f"summarize: top must be a whole number >= 1, got {top!r}")
    scores = collections.defaultdict(lambda: [0, 0])
    ex = {}
    for r in rows:
        s = scores[(r["learner"], r["assignment"])]
        s[0] += r["points"]
        s[1] += r["max_points"]
        e = ex.setdefault(r["exercise"], {"n": 0, "passed": 0, "statuses": collections.Counter(),
                                          "counter": collections.Counter(), "hints": {}})
        e["n"] += 1
        e["passed"] += r["status"] == "graded" and r["points"] == r["max_points"] and r["max_points"] > 0
        e["statuses"][r["status"]] += 1
        for mid, hint in zip(r["mistakes"], r["hints"] + [""] * len(r["mistakes"])):
            e["counter"][mid] += 1
            e["hints"].setdefault(mid, hint)
    exercises = {}
    for name, e in ex.items():
        exercises[name] = {"n": e["n"], "passed": e["passed"], "pass_rate": e["passed"] / e["n"],
                           "statuses": dict(e["statuses"]),
                           "mistakes": [(mid, c, e["hints"][mid]) for mid, c in e["counter"].most_common(top)]}
    return {"scores": {k: tuple(v) for k, v in scores.items()}, "exercises": exercises}


def text_table(summary) -> str:
    """The summary as plain text: score distribution, then one block per exercise."""
    lines = ["Scores (percent of points, per learner and assignment):"]
    pct = [100.0 * p / m for p, m in summary["scores"].values() if m]
    bins = collections.Counter(min(int(x // 10) * 10, 90) for x in pct)
    for lo in range(0, 100, 10):
        lines.append(f"  {lo:3d}-{lo + 10 if lo < 90 else 100:<3d}% {'#' * bins.get(lo, 0)} {bins.get(lo, 0)}")
    lines += ["", f"{'exercise':<28} {'n':>4} {'pass rate':>9}  most common mistakes"]
    for name, e in summary["exercises"].items():
        first = True
        for mid, count, hint in e["mistakes"] or [("-", 0, "")]:
            head = f"{name:<28} {e['n']:>4} {100 * e['pass_rate']:>8.0f}%" if first else " " * 43
            lines.append(f"{head}  {mid} ({count})" + (f": {hint[:90]}" if hint else ""))
            first = False
    return "\n".join(lines)


def plot(summary, path) -> str:
    """Save a two-panel figure: score histogram and pass rate per exercise."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import matplotlib.ticker

    pct = [100.0 * p / m for p, m in summary["scores"].values() if m]
    names = list(summary["exercises"])
    rates = [100 * summary["exercises"][n]["pass_rate"] for n in names]
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(12, 4.5))
    a1.hist(pct, bins=range(0, 110, 10), color="tab:blue", edgecolor="white")
    a1.set_title("Score distribution")
    a1.set_xlabel("score (% of points)")
    a1.set_ylabel("submissions")
    a1.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))  # counts are whole numbers
    a2.barh(names, rates, color="tab:green")
    a2.set_xlim(0, 100)
    a2.invert_yaxis()
    a2.set_title("Pass rate per exercise")
    a2.set_xlabel("learners with full points (%)")
    a2.set_ylabel("exercise")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def _report_command(args) -> int:
    from . import gradebook as gb

    if not os.path.isfile(args.gradebook):
        raise SystemExit(f"dlkit report: no gradebook at {args.gradebook!r}; run `dlkit grade` first")
    conn = gb.connect(args.gradebook)
    summary = summarize(gb.rows(conn, args.assignment), top=args.top)
    conn.close()
    if not summary["exercises"]:
        print("the gradebook has no rows" + (f" for {args.assignment}" if args.assignment else ""))
        return 0
    print(text_table(summary))
    path = plot(summary, args.plot or os.path.splitext(args.gradebook)[0] + "_report.png")
    print(f"\nfigure saved to {path}")
    return 0


def register(subparsers) -> None:
    p = subparsers.add_parser("report", help="class summary: scores, pass rates, most common mistakes")
    p.add_argument("--gradebook", required=True, help="the SQLite gradebook written by `dlkit grade`")
    p.add_argument("--assignment", help="only this assignment")
    p.add_argument("--top", type=int, default=3, help="mistakes shown per exercise")
    p.add_argument("--plot", help="where to save the figure (default: GRADEBOOK_report.png)")
    p.set_defaults(func=_report_command)
