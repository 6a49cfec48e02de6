"""nbgrader, end to end: the instructor notebooks graded by real nbgrader give the points ``dlkit grade`` gives.

nbgrader 0.9.6 comes from the package index into its own virtualenv
(``.venv-nbgrader``, or ``$DLKIT_NBGRADER_VENV``; made on first use, about
2 minutes, then reused), as an instructor would install it, apart from the
course's environment. The notebooks run in a ``python3`` kernel that is this
test's Python (the course's environment), registered in a private
JUPYTER_PATH. With no way to install it the nbgrader tests skip, saying why,
unless ``$DLKIT_REQUIRE_NBGRADER`` is set (CI sets it: there they fail).

The class (tests/nbgrader_class.py: right, buggy, unsolved, damaged) hands in
two assignments (02 and 04: 9 of the 12 exercises, composites included;
the seven would triple the time for no new kind of cell). One nbgrader
assignment holds all seven notebooks, so ``generate_assignment`` releases the
whole course; then ``autograde`` and ``export`` run as an instructor runs them,
with the hidden-case seed given as docs/grading.md says (``DLKIT_SEED_FILE``
set in nbgrader_config.py). The same submitted notebooks go through
``dlkit grade --seed-file`` with the same seed file.

The first tests need no nbgrader: the grade cells' metadata and
``dlkit.checks.nbgrader.grade`` itself.
"""
from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import secrets
import subprocess
import sys
import time
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="nbformat is needed to read notebooks")

from nbgrader_class import LEARNERS, STEMS, class_notebooks  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
INSTRUCTOR = ROOT / "notebooks" / "instructor"
STUDENT = ROOT / "notebooks" / "student"
NBGRADER = "nbgrader==0.9.6"
ASSIGNMENT = "dlkit"   # the nbgrader assignment holding the course's notebooks


def _meta(cell) -> dict:
    return cell.get("metadata", {}).get("dlkit", {})


def _instructor(stem):
    return nbformat.read(INSTRUCTOR / f"{stem}.ipynb", as_version=4)


def _stems():
    return sorted(p.stem for p in INSTRUCTOR.glob("*.ipynb"))


# ---------------------------------------------------------------------------
# The grade cells (no nbgrader needed)


def test_every_checkpoint_is_a_grade_cell_worth_the_exercise_points():
    from dlkit.checks import SPECS

    ids = []
    for stem in _stems():
        for cell in _instructor(stem).cells:
            nbg = cell.metadata.get("nbgrader", {})
            ids += [nbg["grade_id"]] if "grade_id" in nbg else []
            name = _meta(cell).get("checkpoint")
            if name is None:
                assert not nbg.get("grade"), f"{stem}: a grade cell that is no checkpoint: {cell.source!r}"
                continue
            assert nbg.get("grade") is True and nbg.get("solution") is False and nbg.get("locked") is True, (stem, nbg)
            assert nbg["grade_id"] == f"check_{name}"
            assert nbg["points"] == SPECS[name].max_points, f"{stem}: {name} is worth {SPECS[name].max_points} in dlkit"
            assert cell.source == (f'check("{name}", {name})\n### BEGIN HIDDEN TESTS\n'
                                   f'from dlkit.checks.nbgrader import grade\ngrade("{name}", {name})\n'
                                   "### END HIDDEN TESTS")
            # as nbgrader would score the stored run of the solutions: no stderr, the full points last
            assert [o.output_type for o in cell.outputs] == ["stream", "execute_result"] \
                and cell.outputs[0].name == "stdout", (stem, name, cell.outputs)
            assert cell.outputs[1].data["text/plain"] == str(nbg["points"]), (stem, name)
    assert len(ids) == len(set(ids)), "nbgrader needs a unique grade_id per cell"


def test_student_notebooks_hold_no_hidden_tests():
    for stem in _stems():
        for cell in nbformat.read(STUDENT / f"{stem}.ipynb", as_version=4).cells:
            assert "HIDDEN TESTS" not in cell.source and "grade(" not in cell.source, (stem, cell.source)


def test_release_strips_hidden_tests_like_nbgrader_and_only_from_grade_cells():
    from dlkit.course.release import ReleaseError, strip_hidden_tests, student_notebook

    src = 'check("f", f)\n    ### BEGIN HIDDEN TESTS\nsecret()\n### END HIDDEN TESTS\nafter()'
    assert strip_hidden_tests(src) == 'check("f", f)\nafter()'
    for bad in ("### BEGIN HIDDEN TESTS\nx", "### BEGIN HIDDEN TESTS\n### BEGIN HIDDEN TESTS\n### END HIDDEN TESTS"):
        with pytest.raises(ReleaseError, match="hidden-test .* region"):
            strip_hidden_tests(bad)
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("### BEGIN HIDDEN TESTS\nx = 1\n### END HIDDEN TESTS")]
    with pytest.raises(ReleaseError, match="grade cells"):
        student_notebook(nb)
    nb.cells[0].metadata["nbgrader"] = {"grade": True, "grade_id": "t", "points": 1}
    assert student_notebook(nb).cells[0].source == ""


def _linear_forward(A_prev, W, b):
    import numpy as np

    return np.dot(W, A_prev) + b, (A_prev, W, b)


def _noisy_linear_forward(A_prev, W, b):
    import warnings

    import numpy as np

    print("debugging", file=sys.stderr)
    warnings.warn("a learner's warning")
    np.log(np.zeros(1))   # numpy RuntimeWarning: divide by zero
    return np.dot(W, A_prev) + b, (A_prev, W, b)


def _grade(fn, name="linear_forward"):
    from dlkit.checks.nbgrader import grade

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        points = grade(name, fn)
    return points, out.getvalue(), err.getvalue()


def test_grade_prints_the_report_and_returns_the_points_with_the_hidden_cases(tmp_path, monkeypatch):
    from dlkit.checks import check

    seed_file = tmp_path / "seed"
    seed_file.write_text("123456789\n")
    monkeypatch.setenv("DLKIT_SEED_FILE", str(seed_file))
    for fn in (_linear_forward, _noisy_linear_forward, lambda A_prev, W, b: (W @ A_prev, (A_prev, W, b))):
        points, out, err = _grade(fn)
        expected = check("linear_forward", fn, seed=123456789)
        assert type(points) is int and points == expected.points
        assert out == expected.report() + "\n" and err == ""
        assert expected.cases > check("linear_forward", fn).cases   # the hidden cases were added
    assert _grade(_linear_forward)[0] == 2 and _grade(lambda *a: a[1] @ a[0])[0] == 0


def test_grade_without_a_seed_grades_the_public_cases_and_says_so(monkeypatch):
    monkeypatch.delenv("DLKIT_SEED_FILE", raising=False)
    points, out, err = _grade(_linear_forward)
    assert points == 2 and err == ""
    assert out == "linear_forward: 2/2 passed (4 cases)\n" \
                  "(public cases only: set $DLKIT_SEED_FILE to a seed file to add the hidden ones)\n"
    from dlkit.checks.nbgrader import PUBLIC_ONLY
    assert out.endswith(PUBLIC_ONLY + "\n")


@pytest.mark.parametrize("content", [None, "not a number\n"])
def test_grade_refuses_a_seed_file_it_cannot_use(tmp_path, monkeypatch, content):
    path = tmp_path / "seed"
    if content is not None:
        path.write_text(content)
    monkeypatch.setenv("DLKIT_SEED_FILE", str(path))
    with pytest.raises(ValueError, match="seed"):
        _grade(_linear_forward)


# ---------------------------------------------------------------------------
# nbgrader in its own environment


def _nbgrader_works(venv: Path) -> bool:
    try:
        r = subprocess.run([str(venv / "bin" / "nbgrader"), "--version"], capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return r.returncode == 0 and "nbgrader version 0.9.6" in r.stdout + r.stderr


def _no_nbgrader(why: str):
    if os.environ.get("DLKIT_REQUIRE_NBGRADER"):
        pytest.fail(f"{NBGRADER} could not be installed ({why}), and DLKIT_REQUIRE_NBGRADER is set")
    pytest.skip(f"{NBGRADER} cannot be installed here ({why})")


@pytest.fixture(scope="session")
def nbgrader_venv() -> Path:
    """A virtualenv holding nbgrader 0.9.6 from the package index and nothing of dlkit's."""
    venv = Path(os.environ.get("DLKIT_NBGRADER_VENV") or ROOT / ".venv-nbgrader").absolute()
    if _nbgrader_works(venv):
        return venv
    python = getattr(sys, "_base_executable", None) or sys.executable   # the interpreter behind this venv
    steps = ([python, "-m", "venv", "--clear", str(venv)],
             [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", NBGRADER])
    for step in steps:
        try:
            r = subprocess.run(step, capture_output=True, text=True, timeout=1800)
        except (OSError, subprocess.TimeoutExpired) as exc:
            _no_nbgrader(f"{' '.join(step[:3])}: {exc}")
        if r.returncode != 0:
            _no_nbgrader(f"{' '.join(step[:3])} exited {r.returncode}: {(r.stderr or r.stdout).strip()[-400:]}")
    if not _nbgrader_works(venv):
        _no_nbgrader(f"{venv}/bin/nbgrader --version does not say 0.9.6")
    return venv


# What nbgrader's own API says each grade cell scored (run with the nbgrader venv's Python).
_NBGRADER_SCORES = """
import json, sys
from nbgrader.api import Gradebook
out = {}
with Gradebook(sys.argv[1]) as gb:
    for sub in gb.assignment_submissions(sys.argv[2]):
        for nb in sub.notebooks:
            for g in nb.grades:
                out.setdefault(sub.student.id, {}).setdefault(nb.name, {})[g.name] = [g.score, g.max_score]
print(json.dumps(out))
"""


class Course:
    """An nbgrader course folder with the class handed in, autograded and exported; and dlkit's grades of it."""

    def __init__(self, folder: Path, venv: Path):
        self.dir, self.venv = folder, venv
        self.seconds = {}
        self.seed_file = folder / "dlkit.seed"   # outside the notebooks, never released
        self.seed_file.write_text(f"{secrets.randbits(62)}\n")
        self.seed_file.chmod(0o600)
        self.env = self._environment()

    def _environment(self) -> dict:
        """nbgrader's environment: its own venv first on PATH (it runs `alembic`), private Jupyter/IPython dirs."""
        jupyter = self.dir / "jupyter"
        kernel = jupyter / "share" / "kernels" / "python3"
        kernel.mkdir(parents=True)
        # The course kernel: this Python (dlkit and numpy importable), one BLAS thread as for nbval.
        kernel.joinpath("kernel.json").write_text(json.dumps({
            "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "Python 3 (dlkit)", "language": "python",
            "env": {"PYTHONPATH": str(ROOT), "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"},
        }))
        keep = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "IPYTHON", "PYTHON", "DLKIT"))}
        return dict(keep, PATH=f"{self.venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
                    JUPYTER_PATH=str(jupyter / "share"), JUPYTER_CONFIG_DIR=str(jupyter / "config"),
                    JUPYTER_DATA_DIR=str(jupyter / "data"), JUPYTER_RUNTIME_DIR=str(jupyter / "runtime"),
                    IPYTHONDIR=str(jupyter / "ipython"), JUPYTER_PLATFORM_DIRS="1")

    def nbgrader(self, *args, timeout=900):
        start = time.monotonic()
        r = subprocess.run([str(self.venv / "bin" / "nbgrader"), *args], cwd=self.dir, env=self.env,
                           capture_output=True, text=True, timeout=timeout)
        self.seconds[f"nbgrader {args[0]}"] = time.monotonic() - start
        assert r.returncode == 0, f"nbgrader {' '.join(args)} exited {r.returncode}:\n{r.stderr[-4000:]}"
        return r

    def build(self):
        (self.dir / "nbgrader_config.py").write_text(
            "import os\n"
            "c = get_config()\n"
            "c.CourseDirectory.course_id = 'dlkit-test'\n"
            "# a learner who deletes a grade cell gets it back (and its points when the work is right)\n"
            "c.OverwriteCells.add_missing_cells = True\n"
            "# the hidden cases' secret seed, for the grade cells' kernels (see docs/grading.md)\n"
            f"os.environ['DLKIT_SEED_FILE'] = {str(self.seed_file)!r}\n")
        source = self.dir / "source" / ASSIGNMENT
        source.mkdir(parents=True)
        for stem in _stems():
            nbformat.write(_instructor(stem), source / f"{stem}.ipynb")
        self.nbgrader("generate_assignment", ASSIGNMENT, "--force")
        self.release = {stem: nbformat.read(self.dir / "release" / ASSIGNMENT / f"{stem}.ipynb", as_version=4)
                        for stem in _stems()}
        for stem in STEMS:
            for learner, nb in class_notebooks(stem, _instructor(stem), self.release[stem]).items():
                for folder in (self.dir / "submitted" / learner / ASSIGNMENT, self.dir / "dlkit" / stem / learner):
                    folder.mkdir(parents=True, exist_ok=True)
                    nbformat.write(nb, folder / f"{stem}.ipynb")   # the same bytes for both graders
        self.nbgrader("autograde", ASSIGNMENT, "--force")
        self.nbgrader("export", "--to", "grades.csv")
        with open(self.dir / "grades.csv", newline="") as f:
            self.exported = {row["student_id"]: row for row in csv.DictReader(f)}
        r = subprocess.run([str(self.venv / "bin" / "python"), "-c", _NBGRADER_SCORES,
                            f"sqlite:///{self.dir / 'gradebook.db'}", ASSIGNMENT],
                           env=self.env, capture_output=True, text=True, timeout=300, check=True)
        self.cell_scores = json.loads(r.stdout)
        self.autograded = {(learner, stem): nbformat.read(self.dir / "autograded" / learner / ASSIGNMENT /
                                                          f"{stem}.ipynb", as_version=4)
                           for learner in LEARNERS for stem in STEMS}
        self._dlkit_grade()
        return self

    def _dlkit_grade(self):
        from dlkit.course import gradebook

        book = self.dir / "dlkit.sqlite"
        start = time.monotonic()
        for stem in STEMS:
            subs = [str(self.dir / "dlkit" / stem / learner) for learner in LEARNERS]
            subprocess.run([sys.executable, "-m", "dlkit.course.cli", "grade", *subs, "--assignment", stem,
                            "--gradebook", str(book), "--seed-file", str(self.seed_file), "--workers", "1",
                            "--quiet"], cwd=ROOT, check=True, capture_output=True, timeout=600)
        self.seconds["dlkit grade"] = time.monotonic() - start
        conn = gradebook.connect(book)
        self.dlkit_rows = {(r["learner"], r["assignment"], r["exercise"]): r for r in gradebook.rows(conn)}
        conn.close()

    def dlkit_points(self, learner, stem, exercise):
        row = self.dlkit_rows[(learner, stem, exercise)]
        return row["points"], row["max_points"]

    def nbgrader_points(self, learner, stem, exercise):
        score, max_score = self.cell_scores[learner][stem][f"check_{exercise}"]
        return score, max_score

    def table(self) -> str:
        from dlkit.course.grade import resolve_assignment

        lines = [f"{'learner':<9} {'exercise':<27} {'nbgrader':>9} {'dlkit':>6}  dlkit status"]
        for learner in LEARNERS:
            for stem in STEMS:
                for ex in resolve_assignment(stem)[1]:
                    (s, m), (p, _) = self.nbgrader_points(learner, stem, ex), self.dlkit_points(learner, stem, ex)
                    status = self.dlkit_rows[(learner, stem, ex)]["status"]
                    lines.append(f"{learner:<9} {ex:<27} {s:>5g}/{m:<3g} {p:>4}/{m:<3g} {status}")
        return "\n".join(lines)


@pytest.fixture(scope="module")
def course(nbgrader_venv, tmp_path_factory):
    return Course(tmp_path_factory.mktemp("nbgrader-course"), nbgrader_venv).build()


def test_nbgrader_releases_what_dlkit_release_releases(course):
    from dlkit.course.release import NBVAL_MARKER

    for stem in _stems():
        ours = nbformat.read(STUDENT / f"{stem}.ipynb", as_version=4)
        # dlkit release also drops nbval's marker lines, which nbgrader keeps
        theirs = [NBVAL_MARKER.sub("", c.source) for c in course.release[stem].cells]
        assert theirs == [c.source for c in ours.cells], f"{stem}: nbgrader's student version differs from dlkit release's"


def test_nbgrader_gives_each_exercise_the_points_dlkit_grade_gives(course):
    from dlkit.course.grade import resolve_assignment

    print(f"\nseed file {course.seed_file}; seconds: {course.seconds}\n{course.table()}")
    differ = [(learner, ex, course.nbgrader_points(learner, stem, ex), course.dlkit_points(learner, stem, ex))
              for learner in LEARNERS for stem in STEMS for ex in resolve_assignment(stem)[1]
              if course.nbgrader_points(learner, stem, ex) != course.dlkit_points(learner, stem, ex)]
    assert not differ, f"(learner, exercise, nbgrader, dlkit) that differ:\n{differ}\n{course.table()}"
    # The class is a real test: full, partial and zero credit all occur.
    scores = {course.nbgrader_points(lr, st, ex) for lr in LEARNERS for st in STEMS for ex in resolve_assignment(st)[1]}
    assert any(0 < s < m for s, m in scores) and any(s == 0 for s, _ in scores) and any(s == m for s, m in scores)
    # error carried forward reaches nbgrader: the damaged learner's sigmoid does not parse and relu's
    # cell is gone, and its right composites keep their points there too
    for ex in ("linear_activation_forward", "model_forward"):
        assert course.nbgrader_points("damaged", "02_forward_propagation", ex) == (2, 2), course.table()
        assert f"{ex}.error_carried_forward" in course.dlkit_rows[("damaged", "02_forward_propagation", ex)]["mistakes"]


def test_nbgrader_export_totals_equal_dlkit_totals(course):
    from dlkit.checks import SPECS

    for learner in LEARNERS:
        ours = sum(r["points"] for (lr, _, _), r in course.dlkit_rows.items() if lr == learner)
        row = course.exported[learner]
        assert float(row["raw_score"]) == ours, (learner, row)
        # the assignment holds the whole course: the notebooks not handed in count 0 of their points
        assert float(row["max_score"]) == sum(spec.max_points for spec in SPECS.values())


def _cell_text(cell):
    return "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream" and o.name == "stdout")


def test_the_feedback_is_the_checkpoint_report_with_the_hidden_cases(course):
    checked = 0
    for (learner, stem), nb in course.autograded.items():
        for cell in nb.cells:
            name = _meta(cell).get("checkpoint")
            row = course.dlkit_rows.get((learner, stem, name))
            if row is None or row["status"] not in ("graded", "not_implemented", "timeout"):
                continue
            assert not [o for o in cell.outputs if o.output_type == "error" or o.get("name") == "stderr"]
            # A helper whose cell has a syntax error is, in a kernel, simply not defined: nbgrader's
            # run can only say "missing" where dlkit grade (which parses each cell) says why.
            # The points below are compared exactly either way.
            from dlkit.checks.carry import FIX, WHY

            report = row["report"].replace(WHY["syntax_error"], WHY["missing"])
            syntax, missing = (FIX[w].format(h="HELPER") for w in ("syntax_error", "missing"))
            report = re.sub(re.escape(syntax).replace("HELPER", r"(\w+)"),
                            lambda m: missing.replace("HELPER", m.group(1)), report)
            assert _cell_text(cell) == report + "\n", (learner, stem, name)
            results = [o for o in cell.outputs if o.output_type == "execute_result"]
            assert [r.data["text/plain"] for r in results] == [str(row["points"])]
            checked += 1
    assert checked >= 20
