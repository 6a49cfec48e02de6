"""One source per instructor notebook: the .ipynb and its Jupytext-paired .md stay in step.

* an edit saved in the .ipynb (as JupyterLab saves it, then `jupytext --sync`)
  and an edit in the .md (from a text editor) both survive `dlkit build`:
  they are in both files, in the stored outputs and in the released student
  notebook, and the cell ids and the tooling's metadata are untouched;
* a save in JupyterLab (its contents API, served with Jupytext) writes the .md too;
* `dlkit release --check` names a pair that disagrees, in either direction,
  and passes once it is in step.

The build test executes one notebook (03_cost, the shortest) in a copy of
notebooks/instructor.
"""
from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="nbformat is needed to read notebooks")
pytest.importorskip("nbclient", reason="nbclient is needed to execute notebooks")
jupytext = pytest.importorskip("jupytext", reason="jupytext pairs the instructor notebooks with their text files")

from jupytext.cli import jupytext as jupytext_cli  # noqa: E402

from dlkit.course import cli  # noqa: E402
from dlkit.course.build import build  # noqa: E402
from dlkit.course.pairing import disagreement, paired_text  # noqa: E402
from dlkit.course.release import ReleaseError, release  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
INSTRUCTOR = ROOT / "notebooks" / "instructor"
STEM = "03_cost"
LAB_EDIT = 'print("edited in JupyterLab:", 6 * 7)'
EDITOR_EDIT = 'print("edited in a text editor:", 3 + 4)'
EDITOR_PROSE = "This sentence was added in a text editor."


def copy_course(tmp_path) -> Path:
    """A copy of notebooks/instructor (with its jupytext.toml) and an empty student folder."""
    src = tmp_path / "instructor"
    shutil.copytree(INSTRUCTOR, src)
    (tmp_path / "student").mkdir()
    return src


def later(path: Path, seconds: float = 5.0) -> None:
    """Make ``path`` the more recently modified side of its pair, as a later save would."""
    stamp = path.stat().st_mtime + seconds
    os.utime(path, (stamp, stamp))


def first_plain_code_cell(nb):
    """The first code cell that is no exercise and no checkpoint (its outputs reach the student)."""
    return next(c for c in nb.cells if c.cell_type == "code" and not c.metadata.get("dlkit")
                and "import" not in c.source and "network_diagram" not in c.source)


def text_of(cell) -> str:
    return "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")


def test_committed_notebooks_are_in_step_with_their_text_files():
    assert (INSTRUCTOR / "jupytext.toml").exists(), "JupyterLab pairs the notebooks through this file"
    notebooks = sorted(INSTRUCTOR.glob("*.ipynb"))
    assert notebooks and len(notebooks) == len(list(INSTRUCTOR.glob("*.md")))
    for path in notebooks:
        assert disagreement(path) is None, disagreement(path)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """03_cost edited once in the .ipynb (then synced) and once in the .md, built and released."""
    tmp_path = tmp_path_factory.mktemp("course")
    src = copy_course(tmp_path)
    ipynb, text = src / f"{STEM}.ipynb", src / f"{STEM}.md"
    before = nbformat.read(ipynb, as_version=4)

    # (a) JupyterLab writes the .ipynb; `jupytext --sync` then copies its cells to the .md.
    nb = nbformat.read(ipynb, as_version=4)
    first_plain_code_cell(nb).source += "\n" + LAB_EDIT
    nbformat.write(nb, ipynb)
    later(ipynb)
    assert jupytext_cli(["--sync", "--quiet", str(ipynb)]) == 0
    assert LAB_EDIT in text.read_text(encoding="utf-8"), "jupytext --sync did not copy the notebook's edit"

    # (b) A text editor writes the .md; `dlkit build` syncs it without being told.
    lines = text.read_text(encoding="utf-8")
    marker = "## What you should see\n"
    assert lines.count(marker) == 1
    lines = lines.replace(marker, marker + "\n" + EDITOR_PROSE + "\n")
    lines = lines.replace('print("J =", round(dlkit.compute_cost(AL, Y), 6))',
                          'print("J =", round(dlkit.compute_cost(AL, Y), 6))\n' + EDITOR_EDIT)
    text.write_text(lines, encoding="utf-8")
    later(text, 10.0)
    assert disagreement(ipynb), "the .md edit should put the pair out of step before the build"

    build(src, [STEM], out=io.StringIO())
    release(src, tmp_path / "student", out=io.StringIO())
    return {
        "before": before,
        "ipynb": nbformat.read(ipynb, as_version=4),
        "text": text.read_text(encoding="utf-8"),
        "student": nbformat.read(tmp_path / "student" / f"{STEM}.ipynb", as_version=4),
        "src": src,
    }


def cell_with(nb, snippet):
    matches = [c for c in nb.cells if snippet in c.source]
    assert len(matches) == 1, f"{snippet!r} is in {len(matches)} cells"
    return matches[0]


def test_an_edit_saved_in_the_notebook_survives_the_build(built):
    assert LAB_EDIT in built["text"]
    cell = cell_with(built["ipynb"], LAB_EDIT)
    assert "edited in JupyterLab: 42" in text_of(cell), "the build must execute the edited cell"
    assert "edited in JupyterLab: 42" in text_of(cell_with(built["student"], LAB_EDIT))


def test_an_edit_in_the_text_file_survives_the_build(built):
    assert EDITOR_EDIT in built["text"] and EDITOR_PROSE in built["text"]
    assert EDITOR_PROSE in cell_with(built["ipynb"], EDITOR_PROSE).source
    assert "edited in a text editor: 7" in text_of(cell_with(built["ipynb"], EDITOR_EDIT))
    assert EDITOR_PROSE in cell_with(built["student"], EDITOR_PROSE).source
    assert "edited in a text editor: 7" in text_of(cell_with(built["student"], EDITOR_EDIT))


def test_a_save_in_jupyterlab_writes_both_files_and_reaches_the_student_notebook(tmp_path):
    """What JupyterLab's save does (a PUT to the server's contents API, answered by Jupytext's
    contents manager with instructor/jupytext.toml), without a browser: the .md follows at once."""
    import json
    import urllib.request

    pytest.importorskip("jupyterlab", reason="JupyterLab serves the notebooks")
    from browser.lab_driver import LabServer

    src = copy_course(tmp_path)
    with LabServer(src, tmp_path / "lab") as server:
        def api(method, path, body=None):
            request = urllib.request.Request(
                f"{server.base_url}/api/contents/{path}", method=method,
                data=None if body is None else json.dumps(body).encode(),
                headers={"Authorization": f"token {server.token}", "Content-Type": "application/json"})
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.loads(response.read())

        nb = nbformat.from_dict(api("GET", f"{STEM}.ipynb?content=1&type=notebook")["content"])
        first_plain_code_cell(nb).source += "\n" + LAB_EDIT
        api("PUT", f"{STEM}.ipynb", {"type": "notebook", "format": "json", "content": nb})
        log = server.log_tail()
    assert LAB_EDIT in (src / f"{STEM}.md").read_text(encoding="utf-8"), f"JupyterLab's save missed the .md:\n{log}"
    assert disagreement(src / f"{STEM}.ipynb") is None
    build(src, [STEM], run=False, out=io.StringIO())
    release(src, tmp_path / "student", out=io.StringIO())
    student = nbformat.read(tmp_path / "student" / f"{STEM}.ipynb", as_version=4)
    assert len([c for c in student.cells if LAB_EDIT in c.source]) == 1
    assert "jupytext" not in student.metadata   # JupyterLab's bookkeeping stays in the instructor's copy


def test_the_build_keeps_cell_ids_and_the_tooling_metadata(built):
    before, after = built["before"], built["ipynb"]
    assert [c.id for c in after.cells] == [c.id for c in before.cells]
    assert [c.metadata for c in after.cells] == [c.metadata for c in before.cells]
    assert after.metadata == before.metadata, "no jupytext bookkeeping may reach the .ipynb"
    assert disagreement(built["src"] / f"{STEM}.ipynb") is None
    edited = [i for i, c in enumerate(after.cells) if any(e in c.source for e in (LAB_EDIT, EDITOR_EDIT, EDITOR_PROSE))]
    assert len(edited) == 3
    assert [c.source for i, c in enumerate(after.cells) if i not in edited] == \
        [c.source for i, c in enumerate(before.cells) if i not in edited]


def edit_notebook_metadata(path):
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells if "exercise" in c.metadata.get("dlkit", {}))
    cell.metadata["nbgrader"]["grade_id"] = "renamed"
    nbformat.write(nb, path)


def edit_text_source(path):
    text = paired_text(path)
    text.write_text(text.read_text(encoding="utf-8").replace("# 3. The cost", "# 3. The cost, edited"), encoding="utf-8")


def delete_text(path):
    paired_text(path).unlink()


@pytest.mark.parametrize("edit, why", [
    (edit_text_source, "source of cell 0"),
    (edit_notebook_metadata, "metadata of cell"),
    (delete_text, "has no paired text file"),
])
def test_release_check_names_a_pair_out_of_step_and_passes_in_step(tmp_path, capsys, edit, why):
    src = copy_course(tmp_path)
    dest = tmp_path / "student"
    argv = ["release", "--source", str(src), "--dest", str(dest)]
    assert cli.main(argv) == 0
    assert cli.main(argv + ["--check"]) == 0, "a copy of the committed course is in step"
    capsys.readouterr()

    ipynb = src / f"{STEM}.ipynb"
    edit(ipynb)
    assert cli.main(argv + ["--check"]) == 1
    out = capsys.readouterr().out
    assert f"{STEM}.md" in out and why in out, out
    with pytest.raises(ReleaseError, match=STEM):
        release(src, dest, out=io.StringIO())

    if edit is not delete_text:
        later(paired_text(ipynb) if edit is edit_text_source else ipynb)
    build(src, [STEM], run=False, out=io.StringIO())  # sync only: the edited side wins
    assert cli.main(argv) == 0
    assert cli.main(argv + ["--check"]) == 0, capsys.readouterr()
