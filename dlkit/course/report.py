"""``dlkit report``: what the class got wrong, from the gradebook, per assignment.

For each assignment: the distribution of the learners' points (a histogram),
then per exercise the pass rate, the statuses, and every mistake the class
made with its full hint and the learners who made it. As text on the
terminal, as a PNG figure (one histogram per assignment), and with
``--html`` as one self-contained page (figures embedded as data URIs).

Mistake ids are whatever the checks recorded (mutants, relations, generic
ones): nothing here lists them. A hint is the one the learner was shown
(stored in the gradebook), else :func:`dlkit.checks.mistakes.hint_for`'s.
The gradebook is opened read-only.
"""
from __future__ import annotations

import base64
import collections
import html
import io
import os
import textwrap


def summarize(rows, top: int | None = None) -> dict:
    """Class summary from gradebook rows (see :func:`dlkit.course.gradebook.rows`).

    Returns ``{"assignments": {assignment: {"scores": {learner: (points, max)},
    "max_points": int, "exercises": {name: {...}}}}}``, assignments sorted by
    name, exercises in gradebook order. Each exercise has ``n``, ``passed``,
    ``pass_rate``, ``statuses`` ({status: [learners]}) and ``mistakes``: a
    list of ``(id, count, hint, learners)``, most common first (the ``top``
    most common if given), learners sorted.
    """
    if top is not None and (isinstance(top, bool) or not isinstance(top, int) or top < 1):
        raise ValueError(f"summarize: top must be a whole number >= 1 or None, got {top!r}")
    from dlkit.checks.mistakes import hint_for

    work = {}
    for r in rows:
        a = work.setdefault(r["assignment"], {"scores": collections.defaultdict(lambda: [0, 0]), "exercises": {}})
        score = a["scores"][r["learner"]]
        score[0] += r["points"]
        score[1] += r["max_points"]
        e = a["exercises"].setdefault(r["exercise"], {"n": 0, "passed": 0, "max": 0, "statuses": {},
                                                      "learners": {}, "hints": {}})
        e["n"] += 1
        e["max"] = max(e["max"], r["max_points"])
        e["passed"] += r["status"] == "graded" and r["points"] == r["max_points"] and r["max_points"] > 0
        e["statuses"].setdefault(r["status"], []).append(r["learner"])
        hints = list(r["hints"]) + [""] * len(r["mistakes"])
        for mid, hint in zip(r["mistakes"], hints):
            e["learners"].setdefault(mid, set()).add(r["learner"])
            if hint and mid not in e["hints"]:
                e["hints"][mid] = hint
    out = {}
    for name in sorted(work):
        a = work[name]
        exercises = {}
        for ex, e in a["exercises"].items():
            ranked = sorted(e["learners"].items(), key=lambda kv: (-len(kv[1]), kv[0]))[:top]
            exercises[ex] = {
                "n": e["n"], "passed": e["passed"], "pass_rate": e["passed"] / e["n"], "max_points": e["max"],
                "statuses": {s: sorted(ls) for s, ls in sorted(e["statuses"].items())},
                "mistakes": [(mid, len(ls), e["hints"].get(mid) or hint_for(mid), sorted(ls)) for mid, ls in ranked],
            }
        scores = {l: tuple(v) for l, v in sorted(a["scores"].items())}
        out[name] = {"scores": scores, "max_points": max((m for _, m in scores.values()), default=0),
                     "exercises": exercises}
    return {"assignments": out}


def _histogram(scores, max_points):
    """Learners per whole number of points 0..max_points (a score is rounded down)."""
    counts = collections.Counter(int(p) for p, _ in scores.values())
    return [(k, counts.get(k, 0)) for k in range(max_points + 1)]


def text_table(summary, width: int = 100) -> str:
    """The summary as plain text: per assignment, the points histogram, then one block per exercise."""
    lines = []
    for name, a in summary["assignments"].items():
        lines += [f"== {name}: {len(a['scores'])} learner(s), {a['max_points']} points ==",
                  "Points (learners per score):"]
        for k, n in _histogram(a["scores"], a["max_points"]):
            lines.append(f"  {k:>3} {'#' * n} {n}")
        lines.append("")
        for ex, e in a["exercises"].items():
            others = ", ".join(f"{s} {len(ls)}" for s, ls in e["statuses"].items() if s != "graded")
            lines.append(f"{ex}: {e['passed']}/{e['n']} full points ({100 * e['pass_rate']:.0f}%)"
                         + (f"; {others}" if others else ""))
            for s, ls in e["statuses"].items():
                if s != "graded":
                    lines.append(f"  {s}: {', '.join(ls)}")
            for mid, count, hint, learners in e["mistakes"]:
                lines.append(f"  {mid} ({count}): {', '.join(learners)}")
                lines += textwrap.wrap(hint, width, initial_indent="      ", subsequent_indent="      ")
            if not e["mistakes"]:
                lines.append("  no mistakes recorded")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _draw(h, p, name, a) -> None:
    """Draw one assignment on two axes: histogram of the learners' points (h), pass rate per exercise (p)."""
    import matplotlib.ticker

    top = a["max_points"]
    h.hist([s for s, _ in a["scores"].values()], bins=[k - 0.5 for k in range(top + 2)],
           color="tab:blue", edgecolor="white")
    h.set_xlim(-0.5, top + 0.5)
    h.set_title(f"{name}: points per learner")
    h.set_xlabel(f"points (out of {top})")
    h.set_ylabel("learners")
    for axis in (h.xaxis, h.yaxis):  # points and counts are whole numbers
        axis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    names = list(a["exercises"])
    p.barh(names, [100 * a["exercises"][n]["pass_rate"] for n in names], color="tab:green")
    p.set_xlim(0, 100)
    p.invert_yaxis()
    p.set_title(f"{name}: full points per exercise")
    p.set_xlabel("learners with full points (%)")
    p.set_ylabel("exercise")


def figure(summary, assignments=None):
    """A figure with one row per assignment (all, or those named): its histogram and its pass rates."""
    plt = _pyplot()
    names = list(summary["assignments"]) if assignments is None else list(assignments)
    fig, axes = plt.subplots(len(names), 2, figsize=(12, 4.5 * len(names)), squeeze=False)
    for (h, p), name in zip(axes, names):
        _draw(h, p, name, summary["assignments"][name])
    fig.tight_layout()
    return fig


def plot(summary, path) -> str:
    """Save the figure of every assignment (one row each) as a PNG; returns ``path``."""
    with open(path, "wb") as f:
        f.write(_png(figure(summary)))
    return path


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)
    _pyplot().close(fig)
    return buf.getvalue()


_CSS = """body{font-family:sans-serif;max-width:70em;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.3em .6em;vertical-align:top;text-align:left}
th{background:#f3f3f3}img{max-width:100%}code{background:#f6f6f6;padding:0 .2em}"""


def html_page(summary, title: str = "dlkit report") -> str:
    """The report as one HTML page: per assignment its figure (embedded PNG) and its mistakes table."""
    e_ = html.escape
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">', f"<title>{e_(title)}</title>",
           f"<style>{_CSS}</style></head><body>", f"<h1>{e_(title)}</h1>"]
    for name, a in summary["assignments"].items():
        data = base64.b64encode(_png(figure(summary, [name]))).decode("ascii")
        out += [f'<section id="{e_(name)}"><h2>{e_(name)}</h2>',
                f"<p>{len(a['scores'])} learner(s), {a['max_points']} points.</p>",
                f'<img alt="{e_(name)}: histogram of points per learner and pass rate per exercise" '
                f'src="data:image/png;base64,{data}">',
                "<h3>Scores</h3><table><tr><th>learner</th><th>points</th></tr>"]
        out += [f"<tr><td>{e_(l)}</td><td>{p} / {m}</td></tr>" for l, (p, m) in a["scores"].items()]
        out.append("</table>")
        for ex, e in a["exercises"].items():
            out.append(f"<h3><code>{e_(ex)}</code>: {e['passed']}/{e['n']} full points "
                       f"({100 * e['pass_rate']:.0f}%)</h3>")
            others = [(s, ls) for s, ls in e["statuses"].items() if s != "graded"]
            if others:
                out.append("<p>" + "<br>".join(f"{e_(s)}: {e_(', '.join(ls))}" for s, ls in others) + "</p>")
            if not e["mistakes"]:
                out.append("<p>No mistakes recorded.</p>")
                continue
            out.append("<table><tr><th>mistake</th><th>learners</th><th>hint</th></tr>")
            for mid, count, hint, learners in e["mistakes"]:
                out.append(f"<tr><td><code>{e_(mid)}</code> ({count})</td>"
                           f"<td>{'<br>'.join(e_(l) for l in learners)}</td><td>{e_(hint)}</td></tr>")
            out.append("</table>")
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _report_command(args) -> int:
    from . import gradebook as gb

    try:
        conn = gb.connect_readonly(args.gradebook)
    except ValueError as e:
        raise SystemExit(f"dlkit report: {e}")
    try:
        summary = summarize(gb.rows(conn, args.assignment), top=args.top)
    finally:
        conn.close()
    if not summary["assignments"]:
        print("the gradebook has no rows" + (f" for {args.assignment}" if args.assignment else ""))
        return 0
    print(text_table(summary), end="")
    if args.html:
        with open(args.html, "w", encoding="utf-8") as f:
            f.write(html_page(summary, f"dlkit report: {os.path.basename(args.gradebook)}"))
        print(f"\nHTML report saved to {args.html}")
    if args.plot or not args.html:
        path = plot(summary, args.plot or os.path.splitext(os.path.basename(args.gradebook))[0] + "_report.png")
        print(f"\nfigure saved to {path}")
    return 0


def register(subparsers) -> None:
    p = subparsers.add_parser("report", help="per assignment: points histogram, pass rates, each mistake and who made it")
    p.add_argument("--gradebook", required=True, help="the SQLite gradebook written by `dlkit grade` (opened read-only)")
    p.add_argument("--assignment", help="only this assignment")
    p.add_argument("--top", type=int, default=None, help="mistakes shown per exercise (default: all)")
    p.add_argument("--plot", help="where to save the PNG figure (default, without --html: GRADEBOOK_report.png "
                                  "in the current folder)")
    p.add_argument("--html", help="also write the report as one self-contained HTML page (figures embedded)")
    p.set_defaults(func=_report_command)
