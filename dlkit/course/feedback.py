"""Per-learner feedback in Markdown and HTML, written from a graded submission's rows.

It shows, per exercise, the points, the status in plain words and the
checkpoint's report (hints and the failing shapes or values). It never shows
the cases' code or the secret seed: the rows only hold what the checkpoint
reports, and the reports describe hidden cases by their shapes alone.
"""
from __future__ import annotations

import html
import os
import re

from dlkit.checks.plain import safe_text

_STATUS_WORDS = {
    "graded": "graded",
    "not_implemented": "not implemented yet",
    "missing": "no function with this name was found",
    "timeout": "stopped: time limit reached",
    "crashed": "your code raised an error or stopped the process",
    "unreadable": "the notebook file could not be read",
    "flagged": "flagged: uses dlkit's own version instead of yours",
}


def _safe_name(text: str) -> str:
    """A file-system-safe version of a learner id or assignment name."""
    return re.sub(r"[^A-Za-z0-9_.-]", "_", str(text))[:100] or "_"


def _md(text) -> str:
    """A learner-controlled string (learner id, names) as inert Markdown on one line."""
    return re.sub(r"([\\`*{}\[\]()<>#+!|~-])", r"\\\1", safe_text(str(text), 200))


def _fenced(text: str) -> list:
    """A report as a code block whose fence is longer than any run of backticks inside it,
    so no text in the report can close the block and be read as Markdown."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence + "text", text, fence]


def markdown(result: dict) -> str:
    """The feedback page for one graded submission, as Markdown."""
    rows = result["rows"]
    got = sum(r["points"] for r in rows)
    total = sum(r["max_points"] for r in rows)
    lines = [f"# Feedback: {_md(result['assignment'])}", "",
             f"Learner: **{_md(result['learner'])}** - score **{got}/{total}**", "",
             "| exercise | points | status |", "| --- | --- | --- |"]
    for r in rows:
        lines.append(f"| {r['exercise']} | {r['points']}/{r['max_points']} | {_STATUS_WORDS.get(r['status'], r['status'])} |")
    for r in rows:
        if r["status"] == "graded" and r["points"] == r["max_points"]:
            continue
        lines += ["", f"## {r['exercise']}", "", *_fenced(r.get("report") or "(no report)")]
    return "\n".join(lines) + "\n"


def html_page(result: dict) -> str:
    """The same feedback as a small standalone HTML page (every learner string escaped)."""
    esc = html.escape
    rows = result["rows"]
    got = sum(r["points"] for r in rows)
    total = sum(r["max_points"] for r in rows)
    body = [f"<h1>Feedback: {esc(result['assignment'])}</h1>",
            f"<p>Learner: <b>{esc(result['learner'])}</b> - score <b>{got}/{total}</b></p>",
            "<table border='1' cellpadding='4'><tr><th>exercise</th><th>points</th><th>status</th></tr>"]
    for r in rows:
        body.append(f"<tr><td>{esc(r['exercise'])}</td><td>{r['points']}/{r['max_points']}</td>"
                    f"<td>{esc(_STATUS_WORDS.get(r['status'], r['status']))}</td></tr>")
    body.append("</table>")
    for r in rows:
        if r["status"] == "graded" and r["points"] == r["max_points"]:
            continue
        body.append(f"<h2>{esc(r['exercise'])}</h2><pre>{esc(r.get('report') or '(no report)')}</pre>")
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Feedback</title></head><body>"
            + "\n".join(body) + "</body></html>\n")


def write_feedback(result: dict, folder) -> tuple:
    """Write ``<folder>/<learner>/<assignment>.md`` and ``.html``; returns both paths."""
    if not isinstance(result, dict) or "rows" not in result:
        raise TypeError(f"write_feedback: result must be a graded submission dict, got {type(result).__name__}")
    out = os.path.join(os.fspath(folder), _safe_name(result["learner"]))
    os.makedirs(out, exist_ok=True)
    stem = os.path.join(out, _safe_name(result["assignment"]))
    with open(stem + ".md", "w", encoding="utf-8") as f:
        f.write(markdown(result))
    with open(stem + ".html", "w", encoding="utf-8") as f:
        f.write(html_page(result))
    return stem + ".md", stem + ".html"
