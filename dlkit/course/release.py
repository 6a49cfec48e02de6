"""``dlkit release``: build the student notebooks from the instructor notebooks.

For every ``notebooks/instructor/*.ipynb`` the student copy

* has each region between ``### BEGIN SOLUTION`` and ``### END SOLUTION``
  replaced by ``# YOUR CODE HERE`` and ``raise NotImplementedError()``
  (indented like the BEGIN line, as nbgrader does);
* loses each region from ``### BEGIN HIDDEN TESTS`` to ``### END HIDDEN TESTS``,
  markers included (as nbgrader does), allowed in nbgrader grade cells only;
* loses the outputs of the exercise and checkpoint cells (the learner has to
  earn them) and every execution count;
* loses the cells marked ``{"dlkit": {"instructor_only": true}}`` and the
  nbval marker lines (``# NBVAL_IGNORE_OUTPUT``);
* keeps all cell and notebook metadata, so the grader finds each exercise,
  but Jupytext's (the student notebooks are not paired with text files).

The output depends only on the instructor notebooks, so releasing twice
gives the same bytes, and ``dlkit release --check`` can say which committed
student notebook is stale. When the instructor folder pairs its notebooks
with text files (it has a ``jupytext.toml``, see dlkit.course.pairing),
every notebook must also be in step with its text file: ``--check`` names
each pair that disagrees, and a release refuses to start from one.
"""
from __future__ import annotations

import copy
import re
import sys
from pathlib import Path

from .pairing import JUPYTEXT_KEY, TEXT_SUFFIX, disagreement, notebook_paths

BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
BEGIN_HIDDEN = "BEGIN HIDDEN TESTS"   # nbgrader matches these anywhere in a line
END_HIDDEN = "END HIDDEN TESTS"
STUB = ("# YOUR CODE HERE", "raise NotImplementedError()")
DEFAULT_SOURCE = Path("notebooks/instructor")
DEFAULT_DEST = Path("notebooks/student")
# nbval's markers (e.g. "# NBVAL_IGNORE_OUTPUT") are for testing the
# instructor notebooks; a learner has no use for them.
NBVAL_MARKER = re.compile(r"^[ \t]*# NBVAL_[A-Z_]+[ \t]*(\n|$)", re.MULTILINE)


class ReleaseError(ValueError):
    """An instructor notebook that cannot be released (unbalanced markers, missing exercise)."""


def _cut_regions(source: str, where: str, what: str, is_begin, is_end, replace, *, strict_end: bool):
    """``source`` with every region from a line ``is_begin`` to a line ``is_end`` replaced by ``replace(begin_line)``.

    Raises ReleaseError for a region opened inside another or never closed,
    and (``strict_end``) for an end line without a region.
    """
    out, inside = [], False
    for number, line in enumerate(source.split("\n"), start=1):
        if is_begin(line):
            if inside:
                raise ReleaseError(f"{where}: line {number} opens a {what} region inside another one")
            inside = True
            out.extend(replace(line))
        elif is_end(line):
            if not inside and strict_end:
                raise ReleaseError(f"{where}: line {number} ends a {what} region without a beginning before it")
            inside = False
        elif not inside:
            out.append(line)
    if inside:
        raise ReleaseError(f"{where}: a {what} region is never closed")
    return "\n".join(out)


def strip_solutions(source: str, where: str = "cell") -> str:
    """Replace every BEGIN/END SOLUTION region of ``source`` with the stub.

    ``where`` names the cell in error messages. Raises ReleaseError when the
    markers are unbalanced (an END without a BEGIN, a BEGIN never closed,
    or a BEGIN inside a region).
    """
    if not isinstance(source, str):
        raise TypeError(f"strip_solutions: source must be a str, got {type(source).__name__}")

    def stub(begin_line):
        indent = begin_line[: len(begin_line) - len(begin_line.lstrip())]
        return [indent + line for line in STUB]

    return _cut_regions(source, where, f"solution ({BEGIN!r} ... {END!r})", lambda line: line.strip() == BEGIN,
                        lambda line: line.strip() == END, stub, strict_end=True)


def strip_hidden_tests(source: str, where: str = "cell") -> str:
    """``source`` without its hidden-test regions, markers included, as nbgrader's ClearHiddenTests removes them.

    nbgrader finds the markers anywhere in a line and ignores an end line
    outside a region. Raises ReleaseError when a region is nested in another
    or never closed.
    """
    if not isinstance(source, str):
        raise TypeError(f"strip_hidden_tests: source must be a str, got {type(source).__name__}")
    return _cut_regions(source, where, f"hidden-test ({BEGIN_HIDDEN!r} ... {END_HIDDEN!r})",
                        lambda line: BEGIN_HIDDEN in line, lambda line: END_HIDDEN in line, lambda line: [],
                        strict_end=False)


def _is_grade_cell(cell) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return isinstance(meta, dict) and bool(meta.get("grade"))


def _dlkit_meta(cell) -> dict:
    meta = cell.get("metadata", {}).get("dlkit", {})
    return meta if isinstance(meta, dict) else {}


def student_notebook(nb, name: str = "notebook"):
    """The student version of the instructor notebook ``nb`` (a new nbformat node; ``nb`` is untouched).

    Checks that every exercise listed in ``nb.metadata["dlkit"]["exercises"]``
    has a solution cell, and that every solution cell's region is balanced.
    """
    student = copy.deepcopy(nb)
    listed = list(student.get("metadata", {}).get("dlkit", {}).get("exercises", []))
    found, cells = [], []
    for index, cell in enumerate(student.cells):
        meta = _dlkit_meta(cell)
        if meta.get("instructor_only"):
            continue
        if cell.cell_type == "code":
            where = f"{name} cell {index}"
            has_markers = BEGIN in cell.source or END in cell.source
            if "exercise" in meta:
                if not has_markers:
                    raise ReleaseError(f"{where}: exercise {meta['exercise']!r} has no {BEGIN!r} region to hide")
                found.append(meta["exercise"])
            elif has_markers:
                raise ReleaseError(f'{where}: has solution markers but no "dlkit": {{"exercise": ...}} metadata')
            if BEGIN_HIDDEN in cell.source and not _is_grade_cell(cell):
                raise ReleaseError(f"{where}: hidden tests belong in nbgrader grade cells (metadata nbgrader.grade)")
            cell.source = NBVAL_MARKER.sub("", strip_solutions(strip_hidden_tests(cell.source, where), where))
            if "exercise" in meta or "checkpoint" in meta:
                cell.outputs = []
            cell.execution_count = None
            # Outputs stored with a count would show a stale "Out[7]" label.
            for output in cell.get("outputs", []):
                if "execution_count" in output:
                    output["execution_count"] = None
        cells.append(cell)
    missing = [e for e in listed if e not in found]
    if missing:
        raise ReleaseError(f"{name}: exercises {missing} are listed in the notebook metadata but have no solution cell")
    student.cells = cells
    student.metadata.pop(JUPYTEXT_KEY, None)
    return student


def render(nb) -> str:
    """The exact text written for a notebook (nbformat's JSON, ending with a newline)."""
    import nbformat

    text = nbformat.writes(nb)
    return text if text.endswith("\n") else text + "\n"


def out_of_step(source) -> list[tuple[Path, str]]:
    """(file, why) for every notebook of ``source`` that disagrees with its paired text file.

    Empty when ``source`` has no ``jupytext.toml`` (its notebooks are not paired).
    """
    source = Path(source)
    if not (source / "jupytext.toml").exists():
        return []
    found = []
    for path in notebook_paths(source):
        why = disagreement(path)
        if why:
            found.append((path if path.exists() else path.with_suffix(TEXT_SUFFIX), why))
    return found


def release(source=DEFAULT_SOURCE, dest=DEFAULT_DEST, *, check=False, out=None) -> list[Path]:
    """Write ``dest/<name>.ipynb`` for every ``source/<name>.ipynb``.

    With ``check=True`` nothing is written; returns the student notebooks
    that are missing or differ from what would be written (the stale ones),
    and the instructor notebooks that disagree with their paired text files.
    Without it returns the notebooks written, and raises ReleaseError when
    an instructor notebook disagrees with its text file (the release would
    miss an edit).
    """
    import nbformat

    out = out or sys.stdout  # looked up at call time, so redirected stdout is honoured
    source, dest = Path(source), Path(dest)
    if not source.is_dir():
        raise FileNotFoundError(f"release: the instructor folder {source} does not exist")
    instructor = sorted(source.glob("*.ipynb"))
    if not instructor:
        raise FileNotFoundError(f"release: no .ipynb notebooks in {source}")
    changed = []
    for path, why in out_of_step(source):
        if not check:
            raise ReleaseError(f"{why}; run `dlkit build` (or `dlkit build --no-execute`) first")
        changed.append(path)
        print(f"out of step: {why}", file=out)
    for path in instructor:
        nb = nbformat.read(path, as_version=4)
        text = render(student_notebook(nb, path.name))
        target = dest / path.name
        if target.exists() and target.read_text(encoding="utf-8") == text:
            continue
        changed.append(target)
        if check:
            why = "differs from" if target.exists() else "is missing: it is"
            print(f"stale: {target} {why} the release of {path}", file=out)
        else:
            dest.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target}", file=out)
    if check:
        # A student notebook whose instructor notebook is gone is stale too.
        names = {p.name for p in instructor}
        for orphan in sorted(dest.glob("*.ipynb")):
            if orphan.name not in names:
                changed.append(orphan)
                print(f"stale: {orphan} has no instructor notebook in {source}", file=out)
    return changed


def _run(args) -> int:
    try:
        changed = release(args.source, args.dest, check=args.check)
    except (ReleaseError, FileNotFoundError) as exc:
        print(f"dlkit release: {exc}", file=sys.stderr)
        return 2
    if args.check:
        if changed:
            print(f"{len(changed)} notebook(s) are stale or out of step with their text files; run `dlkit build` "
                  "for a notebook out of step, then `dlkit release`", file=sys.stderr)
            return 1
        print(f"student notebooks in {args.dest} are up to date")
    return 0


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "release",
        help="build the student notebooks from the instructor notebooks",
        description="Build student notebooks: hide solutions, clear exercise and checkpoint outputs, "
        "drop instructor-only cells.",
    )
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="instructor notebooks (default: %(default)s)")
    parser.add_argument("--dest", type=Path, default=DEFAULT_DEST, help="student notebooks (default: %(default)s)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 naming each stale student notebook and each instructor notebook "
                        "that disagrees with its paired text file")
    parser.set_defaults(func=_run)
