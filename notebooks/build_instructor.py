"""Write notebooks/instructor/*.ipynb from notebooks/authoring/ and execute them to store outputs.

    python notebooks/build_instructor.py              # build and execute all
    python notebooks/build_instructor.py 02 06        # only the notebooks whose stem starts so
    python notebooks/build_instructor.py --no-execute # write without outputs

Then run `dlkit release` (python -m dlkit.course.cli release) to rebuild the
student notebooks. The stored outputs are what nbval compares against, so
they must be deterministic: seeded randomness, rounded printing.
"""
from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
INSTRUCTOR = HERE / "instructor"


def notebooks():
    """The Notebook objects of notebooks/authoring/nbNN_*.py, in course order."""
    sys.path.insert(0, str(HERE))
    import authoring

    names = sorted(m.name for m in pkgutil.iter_modules(authoring.__path__) if m.name.startswith("nb"))
    return [importlib.import_module(f"authoring.{name}").NOTEBOOK for name in names]


# The course's matrices are tiny (at most 64 x 500). Multi-threaded BLAS only
# adds synchronisation there, and on a busy 2-core machine its spinning
# threads made notebook 6 twenty times slower (19 s instead of 0.8 s for one
# training run). One thread is also what makes the sums, and so the stored
# outputs, the same from run to run.
SINGLE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def kernel_env(env=None) -> dict:
    """The environment for a notebook kernel (``os.environ`` by default, changed in place).

    dlkit is importable from this checkout even when it is not pip-installed,
    and BLAS runs on one thread (see SINGLE_THREAD).
    """
    env = os.environ if env is None else env
    paths = [str(ROOT)] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
    for key, value in SINGLE_THREAD.items():
        env.setdefault(key, value)
    return env


def execute(nb, cwd: Path, timeout: int = 120):
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


def main(argv=None) -> int:
    import nbformat

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("only", nargs="*", help="stem prefixes, e.g. 02")
    parser.add_argument("--no-execute", action="store_true")
    args = parser.parse_args(argv)
    INSTRUCTOR.mkdir(parents=True, exist_ok=True)
    for notebook in notebooks():
        if args.only and not any(notebook.stem.startswith(p) for p in args.only):
            continue
        nb = notebook.build()
        start = time.perf_counter()
        if not args.no_execute:
            execute(nb, INSTRUCTOR)
        path = INSTRUCTOR / f"{notebook.stem}.ipynb"
        nbformat.write(nb, path)
        print(f"{path.relative_to(ROOT)}: {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
