"""`dlkit grade --scheduler`: the same grading on a Dask cluster (here a LocalCluster)."""
from __future__ import annotations

import pytest

from dlkit.course import gradebook as gb
from dlkit.course.grade import grade_all
from grading_helpers import ASSIGNMENT, EXERCISES, MAX, notebook, sigmoid_doing

distributed = pytest.importorskip("distributed", reason="Dask distributed is not installed (pip install 'dlkit[dask]')")


def test_grade_on_a_local_cluster(tmp_path):
    paths = []
    for name, funcs in [("ann", None), ("bob", sigmoid_doing("import os\nos._exit(1)")), ("cy", None)]:
        p = tmp_path / f"{name}.ipynb"
        p.write_text(notebook(funcs))
        paths.append(str(p))
    book = str(tmp_path / "dask.sqlite")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        summary = grade_all(paths, book, scheduler=cluster.scheduler_address, timeout=5.0, seed=5, progress=False,
                            assignment=ASSIGNMENT)
    assert summary["graded"] == 3
    conn = gb.connect(book)
    rows = {(r["learner"], r["exercise"]): r for r in gb.rows(conn)}
    conn.close()
    assert len(rows) == 3 * len(EXERCISES)
    assert all(rows[("ann", n)]["points"] == MAX[n] for n in EXERCISES)
    assert rows[("bob", "sigmoid")]["status"] == "crashed" and rows[("bob", "relu")]["points"] == MAX["relu"]
