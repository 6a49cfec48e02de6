"""A small class for the nbgrader test: what four learners hand in, built from the instructor notebooks.

Each learner starts from the student version nbgrader released and:

* ``right`` puts the instructor's solutions back;
* ``buggy`` makes real mistakes (partial and zero credit) and writes to stderr
  from code that is right (a print to sys.stderr, a warning, a numpy
  RuntimeWarning), which must cost no points;
* ``unsolved`` hands in the release untouched (every stub raises NotImplementedError);
* ``damaged`` breaks the notebook: a syntax error, a deleted exercise cell, a
  deleted grade cell, a grade cell rewritten to print full marks, a solution
  cell stripped of its markers and metadata, a function defined twice (the
  second one wrong).

Edits are made on the solution text with ``_replace``, which fails loudly
when the instructor notebook no longer holds the text it edits.
"""
from __future__ import annotations

import copy

# The assignments the class hands in: 9 of the course's 12 exercises, composites included.
STEMS = ("02_forward_propagation", "04_backward_propagation")
LEARNERS = ("right", "buggy", "unsolved", "damaged")

# exercise -> (text in the instructor's solution, what the buggy learner writes instead)
BUGS = {
    "02_forward_propagation": {
        "linear_forward": ("np.dot(W, A_prev) + b", "np.dot(W, A_prev)"),        # b forgotten: Z wrong, cache right
        "sigmoid": ("np.exp(-Z)", "np.exp(Z)"),                                   # sign of the exponent
        "relu": ("A = np.maximum(0, Z)",                                          # right, but noisy on stderr
                 "import sys, warnings\n    print('relu: debugging', file=sys.stderr)\n"
                 "    warnings.warn('a warning from relu')\n    A = np.maximum(0, Z)"),
    },
    "04_backward_propagation": {
        "linear_backward": ("dW = (1 / m) * np.dot(dZ, A_prev.T)", "dW = np.dot(dZ, A_prev.T)"),  # 1/m missing in dW
        "relu_backward": ("dZ[Z <= 0] = 0", "dZ[Z <= 0] = 0\n    np.sqrt(-np.ones(1))"),       # right, RuntimeWarning
        "sigmoid_backward": ("    dZ = dA * s * (1 - s)", "    dZ = dA * s"),                  # g'(Z) half-done
    },
}


def _meta(cell) -> dict:
    return cell.get("metadata", {}).get("dlkit", {})


def _replace(source: str, old: str, new: str) -> str:
    if source.count(old) != 1:
        raise AssertionError(f"the instructor's solution holds {old!r} {source.count(old)} times, not once: "
                             "update tests/nbgrader_class.py")
    return source.replace(old, new)


def solutions(instructor_nb) -> dict:
    """exercise -> the instructor's solution cell source."""
    return {_meta(c)["exercise"]: c.source for c in instructor_nb.cells if "exercise" in _meta(c)}


def _solved(release_nb, sources: dict):
    nb = copy.deepcopy(release_nb)
    for cell in nb.cells:
        name = _meta(cell).get("exercise")
        if name in sources:
            cell.source = sources[name]
    return nb


def _damaged(stem, release_nb, sol):
    if stem == "02_forward_propagation":
        sources = dict(sol, sigmoid=_replace(sol["sigmoid"], "return A", "return A +"))  # does not parse
        nb = _solved(release_nb, sources)
        cells = []
        for cell in nb.cells:
            meta = _meta(cell)
            if meta.get("exercise") == "relu" or meta.get("checkpoint") == "linear_forward":
                continue                                   # exercise cell and grade cell deleted
            if meta.get("checkpoint") == "model_forward":
                cell.source = "print('model_forward: 2/2 passed')\n2"  # "full marks", overwritten by nbgrader
            cells.append(cell)
        nb.cells = cells
        return nb
    if stem == "04_backward_propagation":
        sources = {name: src for name, src in sol.items() if name != "sigmoid_backward"}  # left unsolved
        nb = _solved(release_nb, sources)
        cells = []
        for cell in nb.cells:
            meta = _meta(cell)
            cells.append(cell)
            if meta.get("exercise") == "linear_backward":   # pasted into a fresh cell: no markers, no metadata
                cell.source = "\n".join(line for line in cell.source.split("\n") if "### " not in line)
                cell.metadata = {}
            elif meta.get("exercise") == "relu_backward":   # defined again below, wrongly: the last one counts
                again = copy.deepcopy(cell)
                again.metadata, again.id = {}, cell.id + "-again"
                again.source = "def relu_backward(dA, Z):\n    return dA\n"
                cells.append(again)
        nb.cells = cells
        return nb
    raise ValueError(f"no damaged notebook defined for {stem}")


def class_notebooks(stem: str, instructor_nb, release_nb) -> dict:
    """learner -> the notebook that learner hands in for assignment ``stem``."""
    sol = solutions(instructor_nb)
    buggy = dict(sol)
    for name, (old, new) in BUGS[stem].items():
        buggy[name] = _replace(sol[name], old, new)
    return {
        "right": _solved(release_nb, sol),
        "buggy": _solved(release_nb, buggy),
        "unsolved": copy.deepcopy(release_nb),
        "damaged": _damaged(stem, release_nb, sol),
    }
