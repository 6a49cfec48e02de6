"""``dlkit build``: sync each instructor notebook with its text file, execute it, store its outputs.

    dlkit build                 # every notebook in notebooks/instructor
    dlkit build 02 06           # only those whose name starts so
    dlkit build --no-execute    # only bring the pairs in step

For each ``NN_name.ipynb`` (or a ``NN_name.md`` without one yet):

1. sync the pair (:func:`dlkit.course.pairing.sync`: the side edited last
   gives the cells);
2. execute the notebook in a fresh kernel started in its folder, with one
   BLAS thread (see SINGLE_THREAD);
3. store the outputs in the .ipynb, and touch the text file so that it stays
   the newer of the two, as ``jupytext --sync`` leaves it (JupyterLab's
   Jupytext refuses to open a pair whose .ipynb is newer and differs).

Then ``dlkit release`` rebuilds the student notebooks. The stored outputs
are what nbval compares against, so they must be deterministic.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from .pairing import notebook_paths, paired_text, sync

DEFAULT_SOURCE = Path("notebooks/instructor")
# The checkout dlkit is imported from: the kernel must import the same dlkit
# even when it is not pip-installed.
PACKAGE_ROOT = Path(__file__).resolve().parents[2]

# The course's matrices are tiny (at most 64 x 500). Multi-threaded BLAS only
# adds synchronisation there, and on a busy 2-core machine its spinning
# threads made notebook 6 twenty times slower (19 s instead of 0.8 s for one
# training run). One thread is also what makes the sums, and so the stored
# outputs, the same from run to run.
SINGLE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def kernel_env(env=None) -> dict:
    """The environment for a notebook kernel (``os.environ`` by default, changed in place).

    dlkit is importable from this checkout even when it is not pip-installed,
    and BLAS runs on one thread (see SINGLE_THREAD). An instructor's hidden-case
    seed (``$DLKIT_SEED_FILE``, for nbgrader's grade cells) is left out: the
    stored outputs show the public cases on every machine.
    """
    env = os.environ if env is None else env
    env.pop("DLKIT_SEED_FILE", None)
    paths = [str(PACKAGE_ROOT)] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
    for key, value in SINGLE_THREAD.items():
        env.setdefault(key, value)
    return env


def execute(nb, cwd, timeout: int = 120):
    """Run every cell of ``nb`` in a fresh python3 kernel started in ``cwd``; outputs are stored in ``nb``."""
    from nbclient import NotebookClient

    kernel_env()
    NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                   resources={"metadata": {"path": str(cwd)}}).execute()
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = merge_streams(cell.outputs)
    return nb


def merge_streams(outputs):
    """Join consecutive stdout (or stderr) chunks: how the kernel split them depends on timing."""
    merged = []
    for output in outputs:
        if (output.output_type == "stream" and merged and merged[-1].output_type == "stream"
                and merged[-1].name == output.name):
            merged[-1].text += output.text
        else:
            merged.append(output)
    return merged


def notebooks(source=DEFAULT_SOURCE, only=()) -> list[Path]:
    """The instructor notebooks of ``source`` (a .md alone counts as its future .ipynb), whose name starts with one of ``only``."""
    source = Path(source)
    if not source.is_dir():
        raise FileNotFoundError(f"build: the instructor folder {source} does not exist")
    chosen = [p for p in notebook_paths(source) if not only or any(p.stem.startswith(prefix) for prefix in only)]
    if not chosen:
        raise FileNotFoundError(f"build: no notebooks in {source}" + (f" starting with {' or '.join(only)}" if only else ""))
    return chosen


def build(source=DEFAULT_SOURCE, only=(), *, run=True, out=None) -> list[Path]:
    """Sync, execute and store the outputs of every chosen instructor notebook; returns the notebooks."""
    import nbformat

    out = out or sys.stdout
    paths = notebooks(source, only)
    for path in paths:
        start = time.perf_counter()
        sync(path)
        if run:
            nb = execute(nbformat.read(path, as_version=4), path.parent)
            nbformat.write(nb, path)
            os.utime(paired_text(path))  # the text file stays the newer side (see the module docstring)
        print(f"{path}: {'executed' if run else 'synced'} in {time.perf_counter() - start:.1f} s", file=out)
    return paths


def _run(args) -> int:
    from nbclient.exceptions import CellExecutionError

    try:
        build(args.source, args.only, run=not args.no_execute)
    except (FileNotFoundError, RuntimeError, CellExecutionError) as exc:
        print(f"dlkit build: {exc}", file=sys.stderr)
        return 2
    return 0


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "build",
        help="sync the instructor notebooks with their text files, execute them, store outputs",
        description="For each instructor notebook: bring it in step with its Jupytext-paired .md "
        "(the side edited last wins), execute it in a fresh kernel, store the outputs nbval compares.",
    )
    parser.add_argument("only", nargs="*", help="notebook name prefixes, e.g. 02 (default: all)")
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="instructor notebooks (default: %(default)s)")
    parser.add_argument("--no-execute", action="store_true", help="only sync the pairs; keep the stored outputs")
    parser.set_defaults(func=_run)

