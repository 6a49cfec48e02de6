"""The learner's own blocks, collected from their saved notebooks, each with its checkpoint.

In a later notebook (notebook 6 trains a network with them)::

    from dlkit.course.blocks import collect
    blocks = collect(["initialize_parameters", "model_forward", "compute_cost", "model_backward"])
    blocks                                   # the table: which blocks are yours, which pass
    model_forward = blocks["model_forward"]  # your function, or dlkit's if yours is missing or failing

How the functions are found is the grader's way (:func:`dlkit.course.submission.extract`):
every code cell of the saved ``.ipynb`` is parsed, only the definitions are kept
(no demo, plot or training cell runs), the last definition of a name wins, and
cells may be moved, duplicated or split. Each notebook's definitions run in a
namespace of their own; the names of the course's blocks are then linked
across notebooks, so the ``model_backward`` of notebook 5 calls *your*
``linear_activation_backward`` of notebook 4, not the one notebook 5 imported
from dlkit.

Each block then runs its checkpoint (:func:`dlkit.checks.check`), in the
order the course teaches them. A block that is missing, not written yet,
handed to dlkit, or failing its checkpoint is replaced by dlkit's reference
for that block only, everywhere (so your ``model_forward`` is checked, and
used, with dlkit's ``relu`` if yours fails), and the table says so plainly.

This runs the learner's own code in the learner's own kernel, as their
notebooks did; it is not the grader (which never runs learner code in the
process that judges, see :mod:`dlkit.course.grade`).
"""
from __future__ import annotations

import glob
import linecache
import os
from dataclasses import dataclass

# What the table says for each state, and whether the learner's own function is used.
_STATES = {
    "yours": "yours",
    "failing": "dlkit's (yours fails its checkpoint)",
    "not_written": "dlkit's (yours is not written yet)",
    "missing": "dlkit's (no function of yours found)",
    "broken": "dlkit's (your cell does not run)",
    "handed_off": "dlkit's (yours calls dlkit's own)",
}


@dataclass
class Block:
    """One block: where it was read from, what its checkpoint said, and the function now used."""

    name: str
    notebook: str | None      # file name it was read from, or None
    state: str                # a key of _STATES
    function: object          # the function used from now on (the learner's or dlkit's)
    result: object = None     # the CheckResult, when the checkpoint ran
    why: str = ""             # one sentence for a block that is not the learner's

    @property
    def yours(self) -> bool:
        return self.state == "yours"


class Blocks:
    """The collected blocks: ``blocks["relu"]`` is the function to use; ``repr`` is the table."""

    def __init__(self, blocks: dict, folder: str):
        self.blocks = blocks
        self.folder = folder

    def __getitem__(self, name: str):
        if name not in self.blocks:
            raise KeyError(f"Blocks: no block {name!r} was collected; collected: {list(self.blocks)}")
        return self.blocks[name].function

    def __contains__(self, name) -> bool:
        return name in self.blocks

    def __iter__(self):
        return iter(self.blocks.values())

    def functions(self, *names):
        """The functions for ``names``, in that order: ``f, g = blocks.functions("f", "g")``."""
        return tuple(self[name] for name in names)

    @property
    def all_yours(self) -> bool:
        return all(block.yours for block in self.blocks.values())

    def report(self) -> str:
        rows = [("block", "read from", "checkpoint", "used from now on")]
        for b in self.blocks.values():
            verdict = "-" if b.result is None else (
                f"{b.result.points}/{b.result.max_points} " + ("passed" if b.result.passed else
                                                              b.result.status.replace("_", " ")))
            rows.append((b.name, b.notebook or "-", verdict, _STATES[b.state]))
        widths = [max(len(r[i]) for r in rows) for i in range(3)]
        lines = ["Your blocks, read from the notebooks as last saved (save with Ctrl+S after a change):"]
        lines += ["  " + "  ".join(r[i].ljust(widths[i]) for i in range(3)) + "  " + r[3] for r in rows]
        not_yours = [b for b in self.blocks.values() if not b.yours]
        if not not_yours:
            lines.append(f"All {len(self.blocks)} blocks are yours and pass their checkpoints.")
        else:
            lines.append(f"{len(self.blocks) - len(not_yours)} of {len(self.blocks)} blocks are yours. "
                         f"For the others dlkit's reference is used, for that block only:")
            for b in not_yours:
                where = f" in {b.notebook}" if b.notebook else ""
                lines.append(f"- {b.name}: {b.why} Fix it{where}, save, and run this cell again.")
        return "\n".join(lines)

    __repr__ = report
    __str__ = report


def _notebooks(folder: str) -> list:
    """The course's notebooks in ``folder`` (``NN_name.ipynb``), in course order."""
    paths = sorted(glob.glob(os.path.join(glob.escape(folder), "[0-9][0-9]_*.ipynb")))
    return [p for p in paths if ".ipynb_checkpoints" not in p]


def _owned(nb, stem) -> list:
    """The exercises a notebook owns: from its dlkit metadata, else from the grader's course layout."""
    meta = nb.get("metadata", {}).get("dlkit", {})
    exercises = meta.get("exercises") if isinstance(meta, dict) else None
    if isinstance(exercises, list) and all(isinstance(e, str) for e in exercises):
        return list(exercises)
    from .assignments import ASSIGNMENTS   # the course's layout

    return list(ASSIGNMENTS.get(stem, []))


def _needed(names) -> list:
    """``names`` and every block their checkpoints call, transitively, in the course's order."""
    from dlkit.checks import SPECS

    found, todo = set(), list(names)
    while todo:
        name = todo.pop()
        if name in found:
            continue
        if name not in SPECS:
            raise ValueError(f"collect: {name!r} is not a block of the course; choose from {list(SPECS)}")
        found.add(name)
        todo += [h for h in SPECS[name].helpers if h in SPECS]
    return [n for n in SPECS if n in found]


def _run_definitions(segments, stem, namespace) -> list:
    """Run the kept definitions into ``namespace``; [sentence] for each that raised."""
    errors = []
    for index, (source, label) in enumerate(segments):
        # One file name per segment, registered with linecache, so a checkpoint can quote the learner's line.
        filename = f"<{stem} {label} #{index}>"
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        try:
            exec(compile(source, filename, "exec"), namespace)
        except Exception as exc:  # noqa: BLE001 - the learner's cell; the table reports it
            errors.append(f"{label}: {type(exc).__name__}: {str(exc)[:120]}")
    return errors


def collect(names, folder=None, *, time_limit: float = 10.0) -> Blocks:
    """Collect the learner's ``names`` (and the blocks they call) from the notebooks in ``folder``.

    ``folder`` defaults to the current directory (a notebook's kernel starts in
    the notebook's folder). Returns :class:`Blocks`; never raises because of the
    learner's notebooks: an unreadable file, a missing function or a failing
    checkpoint becomes dlkit's reference for that block, and the table says so.
    """
    import dlkit
    from dlkit.checks import check

    from .submission import Unreadable, extract, read_notebook

    if isinstance(names, str) or not hasattr(names, "__iter__"):
        raise TypeError(f"collect: names must be a list of block names, e.g. ['model_forward'], got {names!r}")
    folder = os.getcwd() if folder is None else os.fspath(folder)
    if not os.path.isdir(folder):
        raise ValueError(f"collect: folder {folder!r} is not a folder of notebooks")
    if not (isinstance(time_limit, (int, float)) and not isinstance(time_limit, bool) and time_limit > 0):
        raise ValueError(f"collect: time_limit must be a number of seconds > 0, got {time_limit!r}")
    wanted = _needed(list(names))

    # Read: for every notebook that owns a wanted block, its definitions in a namespace of its own.
    home, namespaces, problems = {}, [], {}   # name -> (notebook file, namespace, Extracted)
    for path in _notebooks(folder):
        stem = os.path.splitext(os.path.basename(path))[0]
        file = os.path.basename(path)
        try:
            with open(path, "rb") as f:
                nb = read_notebook(f.read())
        except (OSError, Unreadable) as exc:
            for name in _owned({}, stem):
                problems[name] = (file, f"{file} could not be read ({str(exc)[:100]}).")
            continue
        owned = [n for n in _owned(nb, stem) if n in wanted]
        if not owned:
            continue
        ex = extract(nb, owned, extra_needed=wanted)
        namespace = {"__name__": "__main__"}
        errors = _run_definitions(ex.segments, stem, namespace)
        namespaces.append(namespace)
        for name in owned:
            home[name] = (file, namespace, ex, errors)

    chosen = {}   # name -> the function every namespace sees under that name

    def use(name, fn):
        chosen[name] = fn
        for namespace in namespaces:
            namespace[name] = fn

    # First link every block to the learner's own version (where there is one), then check in course order.
    for name in wanted:
        if name in home and callable(home[name][1].get(name)):
            use(name, home[name][1][name])
        else:
            use(name, getattr(dlkit, name))
    blocks = {}
    for name in wanted:
        reference = getattr(dlkit, name)
        if name not in home:
            file, why = problems.get(name, (None, f"no notebook in this folder has the exercise {name}."))
            blocks[name] = Block(name, file, "missing", reference, why=why)
            continue
        file, namespace, ex, errors = home[name]
        if name in ex.syntax_errors:
            state, why, result = "broken", f"{ex.syntax_errors[name]}.", None
        elif name in ex.delegations:
            state, why, result = "handed_off", f"{ex.delegations[name]}.", None
        elif not callable(chosen[name]) or chosen[name] is reference:
            state, result = "missing", None
            why = f"no function {name} was found in {file}" + (f" ({errors[0]})." if errors else ".")
        else:
            result = check(name, chosen[name], time_limit=time_limit)
            if result.passed:
                state, why = "yours", ""
            elif result.status == "not_implemented":
                state, why = "not_written", "yours still raises NotImplementedError."
            else:
                first = result.hints[0] if result.hints else result.report().splitlines()[0]
                state, why = "failing", f"yours fails its checkpoint ({result.points}/{result.max_points}): {first}"
        if state == "yours":
            blocks[name] = Block(name, file, state, chosen[name], result)
        else:
            use(name, reference)   # from now on (later checkpoints too) dlkit's, for this block only
            blocks[name] = Block(name, file, state, reference, result, why)
    return Blocks(blocks, folder)


__all__ = ["collect", "Blocks", "Block"]
