"""``dlkit report``: per assignment, who made which mistake, full hints, histograms, one HTML page."""
from __future__ import annotations

import base64
import html
import re

import pytest

from dlkit.checks.mistakes import CATALOG
from dlkit.course import gradebook as gb
from dlkit.course.cli import main
from dlkit.course.report import figure, html_page, summarize, text_table

FORWARD, BACKWARD = "02_forward_propagation", "04_backward_propagation"
LONGEST = max(CATALOG, key=lambda k: len(CATALOG[k]))  # a real hint, far longer than 120 characters
NEW_ID = "linear_backward.relation_factor_m"            # an id no catalog lists (a relation, say)


def row(learner, assignment, exercise, points, max_points, mistakes=(), hints=None, status="graded"):
    return {"learner": learner, "assignment": assignment, "exercise": exercise, "points": points,
            "max_points": max_points, "status": status, "mistakes": list(mistakes),
            "hints": list(hints if hints is not None else [""] * len(mistakes))}


ROWS = [
    row("ann", FORWARD, "relu", 1, 1), row("ann", FORWARD, "sigmoid", 1, 1),
    row("bob", FORWARD, "relu", 0, 1, ["relu.sign"], ["flip the sign"]), row("bob", FORWARD, "sigmoid", 1, 1),
    row("<cara>", FORWARD, "relu", 0, 1, ["relu.sign", LONGEST]), row("<cara>", FORWARD, "sigmoid", 0, 1, status="timeout"),
    row("ann", BACKWARD, "linear_backward", 0, 3, [NEW_ID], ["dW is m times too large"]),
    row("dan", BACKWARD, "linear_backward", 3, 3),
]


@pytest.fixture
def book(tmp_path):
    """The rows above, written through the gradebook's own API."""
    path = str(tmp_path / "class.sqlite")
    conn = gb.connect(path)
    for key in sorted({(r["learner"], r["assignment"]) for r in ROWS}):
        gb.record(conn, {"learner": key[0], "assignment": key[1], "sha256": "-".join(key),
                         "rows": [r for r in ROWS if (r["learner"], r["assignment"]) == key]})
    conn.close()
    return path


def flat(text):
    return " ".join(text.split())


def test_summary_names_the_learners_of_each_mistake(book):
    conn = gb.connect_readonly(book)
    s = summarize(gb.rows(conn))
    conn.close()
    assert list(s["assignments"]) == [FORWARD, BACKWARD]
    fwd = s["assignments"][FORWARD]
    assert fwd["scores"] == {"<cara>": (0, 2), "ann": (2, 2), "bob": (1, 2)} and fwd["max_points"] == 2
    relu = fwd["exercises"]["relu"]
    assert relu["pass_rate"] == pytest.approx(1 / 3)
    assert relu["mistakes"][0] == ("relu.sign", 2, "flip the sign", ["<cara>", "bob"])
    # no stored hint: the catalog's, whole
    assert relu["mistakes"][1] == (LONGEST, 1, CATALOG[LONGEST], ["<cara>"]) and len(CATALOG[LONGEST]) > 150
    assert fwd["exercises"]["sigmoid"]["statuses"] == {"graded": ["ann", "bob"], "timeout": ["<cara>"]}
    assert s["assignments"][BACKWARD]["exercises"]["linear_backward"]["mistakes"] == [
        (NEW_ID, 1, "dW is m times too large", ["ann"])]
    assert summarize(gb_rows(book), top=1)["assignments"][FORWARD]["exercises"]["relu"]["mistakes"] == [relu["mistakes"][0]]


def gb_rows(path):
    conn = gb.connect_readonly(path)
    try:
        return gb.rows(conn)
    finally:
        conn.close()


def test_text_gives_full_hints_and_learners_per_assignment(book):
    text = text_table(summarize(gb_rows(book)))
    assert text.index(f"== {FORWARD}") < text.index(f"== {BACKWARD}")
    assert "relu.sign (2): <cara>, bob" in text
    assert f"{NEW_ID} (1): ann" in text
    assert flat(CATALOG[LONGEST]) in flat(text)  # whole, only wrapped
    assert "timeout: <cara>" in text
    fwd = text[:text.index(f"== {BACKWARD}")]
    assert re.search(r"^\s+2 # 1$", fwd, re.M) and re.search(r"^\s+1 # 1$", fwd, re.M)  # ann 2, bob 1 point


def test_one_histogram_per_assignment_with_titles_and_axes(book):
    s = summarize(gb_rows(book))
    fig = figure(s)
    hist = [ax for ax in fig.axes if "points per learner" in ax.get_title()]
    assert [ax.get_title().split(":")[0] for ax in hist] == [FORWARD, BACKWARD]
    for ax in fig.axes:
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    heights = [int(p.get_height()) for p in hist[0].patches]
    assert heights == [1, 1, 1]  # one learner with 0, 1 and 2 points
    assert [int(p.get_height()) for p in hist[1].patches] == [1, 0, 0, 1]  # ann 0, dan 3 of 3
    import matplotlib.pyplot as plt

    plt.close(fig)


def test_html_page_is_one_file_with_figures_and_learners(book, tmp_path, capsys):
    out = tmp_path / "report.html"
    assert main(["report", "--gradebook", book, "--html", str(out)]) == 0
    assert "relu.sign (2): <cara>, bob" in capsys.readouterr().out
    page = out.read_text()
    images = re.findall(r'<img alt="([^"]+)" src="data:image/png;base64,([^"]+)"', page)
    assert [alt.split(":")[0] for alt, _ in images] == [FORWARD, BACKWARD]
    assert all(base64.b64decode(data)[:8] == b"\x89PNG\r\n\x1a\n" for _, data in images)
    assert "<script" not in page and "<cara>" not in page and "&lt;cara&gt;" in page  # names are escaped
    # the mistake's table row lists its learners and its whole hint
    sign_row = re.search(r"<tr><td><code>relu.sign</code> \(2\)</td><td>(.*?)</td><td>(.*?)</td></tr>", page)
    assert sign_row.group(1) == "&lt;cara&gt;<br>bob" and sign_row.group(2) == "flip the sign"
    assert html.escape(CATALOG[LONGEST]) in page
    assert f"<code>{NEW_ID}</code> (1)</td><td>ann</td>" in page
    assert not (tmp_path / "class_report.png").exists()  # --html alone writes no PNG


def test_html_page_of_an_exercise_without_mistakes():
    page = html_page(summarize([row("ann", FORWARD, "relu", 1, 1)]), "t")
    assert "No mistakes recorded." in page and page.count("<img ") == 1


def test_summary_pass_rates():
    rows = [row(l, "a", "relu", p, 1, m, h, s)
            for l, p, s, m, h in [("x", 1, "graded", [], []), ("y", 0, "graded", ["relu.sign"], ["flip"]),
                                  ("z", 0, "timeout", ["relu.timeout"], ["slow"]), ("w", 0, "graded", ["relu.sign"], ["flip"])]]
    e = summarize(rows)["assignments"]["a"]["exercises"]["relu"]
    assert e["pass_rate"] == 0.25
    assert e["mistakes"][0] == ("relu.sign", 2, "flip", ["w", "y"])
    with pytest.raises(ValueError, match="top"):
        summarize(rows, top=0)
