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


def kernel_env() -> None:
    """Let the kernel import dlkit from this checkout even when it is not pip-installed."""
    paths = [str(ROOT)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    os.environ["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))


def execute(nb, cwd: Path, timeout: int = 120):
    """Run every cell of ``nb`` in a fresh python3 kernel started in ``cwd``; outputs are stored in ``nb``."""
    from nbclient import NotebookClient

    kernel_env()
    NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                   resources={"metadata": {"path": str(cwd)}}).execute()
    return nb


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
