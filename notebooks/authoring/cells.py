"""Small builders for notebook cells with the metadata the course tooling reads.

Metadata contract (see DESIGN.md and dlkit.course.release):
* exercise cell: {"nbgrader": {"grade_id": name, "solution": True, ...}, "dlkit": {"exercise": name}}
* checkpoint cell: {"dlkit": {"checkpoint": name}}, source exactly check("name", name)
* instructor-only cell: {"dlkit": {"instructor_only": True}}
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

import nbformat.v4 as v4


def _clean(text: str) -> str:
    return textwrap.dedent(text).strip("\n")


def md(text: str):
    """A markdown cell; text is dedented, so it can be written indented in the module."""
    return v4.new_markdown_cell(_clean(text))


def code(src: str, *, ignore_output: bool = False):
    """A code cell. ``ignore_output`` marks it for nbval (only for output that truly varies)."""
    src = _clean(src)
    if ignore_output:
        src = "# NBVAL_IGNORE_OUTPUT\n" + src
    return v4.new_code_cell(src)


def exercise(name: str, src: str):
    """The cell where the learner writes ``name``; the solution sits between the nbgrader markers."""
    src = _clean(src)
    if "### BEGIN SOLUTION" not in src or "### END SOLUTION" not in src:
        raise ValueError(f"exercise {name!r}: the source needs ### BEGIN SOLUTION / ### END SOLUTION markers")
    cell = v4.new_code_cell(src)
    cell.metadata["nbgrader"] = {
        "grade_id": name, "solution": True, "grade": False, "locked": False, "schema_version": 3,
    }
    cell.metadata["dlkit"] = {"exercise": name}
    return cell


def checkpoint(name: str):
    """The checkpoint cell under an exercise: its report is the cell's output."""
    cell = v4.new_code_cell(f'check("{name}", {name})')
    cell.metadata["dlkit"] = {"checkpoint": name}
    return cell


def instructor_only(src: str):
    """A code cell that the student release drops (e.g. a check the learner must not see)."""
    cell = v4.new_code_cell(_clean(src))
    cell.metadata["dlkit"] = {"instructor_only": True}
    return cell


@dataclass
class Notebook:
    stem: str                      # file name without .ipynb, e.g. "02_forward_propagation"
    exercises: list[str]           # graded exercises, in the order they appear
    cells: list = field(default_factory=list)

    def build(self):
        """The nbformat notebook, with stable cell ids so rebuilding gives the same file."""
        nb = v4.new_notebook()
        nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
        nb.metadata["language_info"] = {"name": "python"}
        nb.metadata["dlkit"] = {"assignment": self.stem, "exercises": list(self.exercises)}
        seen = [c.metadata["dlkit"]["exercise"] for c in self.cells if "exercise" in c.metadata.get("dlkit", {})]
        if seen != list(self.exercises):
            raise ValueError(f"{self.stem}: exercise cells {seen} do not match the listed exercises {self.exercises}")
        for index, cell in enumerate(self.cells):
            cell.id = f"c{self.stem[:2]}-{index:03d}"
        nb.cells = self.cells
        return nb
