"""Learner-controlled text cannot forge the structure of a report or of the feedback.

The learner chooses an exception's type name and message, the source line a traceback
points at and the repr of what a function returns. All of it passes
``dlkit.checks.plain.safe_text`` where it enters judging (``LearnerError`` and ``Opaque``):
control and layout characters escaped, length capped. So it never starts a line of its
own in a report (which could read as another exercise's verdict), never moves a terminal's
cursor, and in the Markdown/HTML feedback it stays inside its code block / is escaped.
CI runs this file as root and as uid 65534 (``make test-unprivileged``).
"""
from __future__ import annotations

import random
import re
import unicodedata

import pytest

from dlkit.checks.plain import LearnerError, Opaque, safe_text
from dlkit.course.feedback import html_page, markdown
from grading_helpers import ASSIGNMENT, EXERCISES, MAX, grade_notebooks, notebook, sigmoid_doing

FORGED = "sigmoid: 1/1 passed (3 cases)"
LAYOUT = ("Cc", "Zl", "Zp", "Cf")  # controls, line/paragraph separators, invisible format characters


def _inert(text: str) -> bool:
    return not any(unicodedata.category(c) in LAYOUT for c in text)


def _random_texts(n=3000, seed=0):
    """Seeded random strings mixing ordinary text with every kind of control and layout character.
    (A plain generator, not hypothesis: this file also runs in the unprivileged venv, which has
    only the grader's dependencies.)"""
    rng = random.Random(seed)
    pool = ([chr(c) for c in range(0x250)] + [chr(c) for c in range(0x2000, 0x2070)]
            + list("\u061c\u180e\u0600\u070f\ufeff\ufff9\U000e0001\U000e0041\U0001d173\ud800"))
    for _ in range(n):
        size = rng.choice([0, 1, 5, 50, 300, 3000])
        yield "".join(rng.choice(pool) if rng.random() < 0.3 else rng.choice("abc :/1()") for _ in range(size)), \
            rng.randint(3, 600)


def test_safe_text_is_one_inert_line_within_its_cap():
    for text, cap in _random_texts():
        out = safe_text(text, cap)
        assert len(out) <= cap and _inert(out) and out.isprintable(), (text, cap, out)
        if len(text) <= cap and text.isprintable():
            assert out == text  # ordinary text is left alone


def test_safe_text_escapes_what_it_removes():
    assert safe_text("a\nb\r\x1b[31mc\u2028d\u202ee\td", 100) == "a\\nb\\r\\x1b[31mc\\u2028d\\u202ee\\td"
    assert safe_text("x" * 10_000, 50) == "x" * 47 + "..."
    assert safe_text(12, 10) == "?"


def test_learner_error_and_opaque_fields_are_sanitised():
    err = LearnerError("exception", "Boom\n" + FORGED, "msg\n" + FORGED + "\x1b[2J" + "y" * 5000,
                       3, "raise Boom()\u2028" + FORGED)
    for field in (err.exc_type, err.message, err.line):
        assert _inert(field) and FORGED in field  # still readable, but inside the line
    assert len(err.exc_type) <= 100 and len(err.message) <= 500 and len(err.line) <= 200
    op = Opaque("T\n" + FORGED, "\x1b]0;title\x07" * 1000)
    assert _inert(op.type_name) and _inert(op.text) and len(op.text) <= 2000


# Each replaces sigmoid; the text it controls tries to forge a verdict line, a heading, an end of code block.
ATTACKS = {
    "newline_type_name": sigmoid_doing(f"raise type('Boom\\n{FORGED}\\nrelu: 1/1 passed', (Exception,), {{}})()"),
    "newline_message": sigmoid_doing(f"raise ValueError('shapes\\n{FORGED}\\r\\n```\\n# Forged\\n</pre><script>x()</script>')"),
    "ansi_message": sigmoid_doing("raise ValueError('\\x1b[2J\\x1b[1;1H' + 'sigmoid: 1/1 passed\\x1b[8m')"),
    "long_message": sigmoid_doing("raise ValueError('A' * 10**6 + '\\n' + 'sigmoid: 1/1 passed')"),
    "unicode_separators": sigmoid_doing("raise ValueError('x\\u2028sigmoid: 1/1 passed\\u2029\\x85\\u202e')"),
    "source_line": {"sigmoid": "def sigmoid(Z):\n    raise ValueError('bad')  # \x1b[2K\u2028" + FORGED + "\n"},
    "repr_and_type_name": sigmoid_doing(f"return type('Obj\\n{FORGED}', (), {{'__repr__': lambda s: '\\n{FORGED}'}})()"),
    "str_key": sigmoid_doing(f"return {{'\\n{FORGED}': 1}}"),
}
VERDICT = re.compile(r"^\s*[A-Za-z_]\w*: \d+/\d+")


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    return None, grade_notebooks(tmp_path_factory.mktemp("subs"), {n: notebook(f) for n, f in ATTACKS.items()}, 99)


@pytest.mark.parametrize("case", sorted(ATTACKS))
def test_report_has_one_verdict_line_per_exercise(graded, case):
    rows = graded[1][case]
    assert list(rows) == EXERCISES
    sig = rows["sigmoid"]
    assert sig["points"] == 0 and sig["status"] in ("crashed", "graded"), sig["report"]
    for name, r in rows.items():
        lines = r["report"].split("\n")
        assert lines[0].startswith(f"{name}: "), r["report"]
        assert not any(VERDICT.match(line) for line in lines[1:]), r["report"]  # no forged verdict of its own
        assert all(_inert(line) for line in lines), repr(r["report"])
        assert len(r["report"]) < 4000
        for field in ("hints", "mistakes"):  # the same text in the row's other columns
            assert all(_inert(h) and "\n" not in h for h in r[field]), r[field]
    others = {n: r["points"] for n, r in rows.items() if n != "sigmoid" and "sigmoid" not in n
              and not n.startswith(("linear_activation", "model"))}
    assert others == {n: MAX[n] for n in others}


@pytest.mark.parametrize("case", sorted(ATTACKS))
def test_feedback_keeps_its_structure(graded, case):
    rows = graded[1][case]
    result = {"learner": case, "assignment": ASSIGNMENT, "rows": list(rows.values())}
    md = markdown(result).split("\n")
    headings = [line for line in md if line.startswith("#")]
    assert headings == [f"# Feedback: {ASSIGNMENT}"] + [f"## {n}" for n, r in rows.items()
                                                        if not (r["status"] == "graded" and r["points"] == r["max_points"])]
    # every report sits in a fenced block that only its own closing fence ends
    opened = None
    for line in md:
        if opened is None and re.fullmatch(r"`{3,}text", line):
            opened = line[:-4]
        elif opened is not None and line.startswith("`" * 3) and line.strip("`") == "":
            assert line == opened, md
            opened = None
    assert opened is None
    page = html_page(result)
    assert "<script" not in page and page.count("<pre>") == page.count("</pre>")


def _outside_code_blocks(md: str) -> list:
    """The Markdown lines a renderer reads as Markdown (not inside a fenced code block)."""
    out, fence = [], None
    for line in md.split("\n"):
        m = re.match(r"(`{3,})", line)
        if fence is None and m:
            fence = m.group(1)
        elif fence is not None and line.rstrip() == fence:
            fence = None
        elif fence is None:
            out.append(line)
    return out


def test_learner_id_cannot_forge_markdown():
    result = {"learner": "eve**\n# Forged\n[x](javascript:alert(1))", "assignment": ASSIGNMENT,
              "rows": [{"exercise": "sigmoid", "points": 0, "max_points": 1, "status": "crashed",
                        "report": "sigmoid: 0/1 - x\n```\n# Forged heading\n```"}]}
    md = markdown(result)
    assert [line for line in _outside_code_blocks(md) if line.startswith("#")] == [f"# Feedback: {ASSIGNMENT}",
                                                                                    "## sigmoid"]
    assert "](javascript" not in md and "eve\\*\\*\\\\n\\# Forged" in md  # escaped, on the learner's line
