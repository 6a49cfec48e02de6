"""Which assignment a submission is, which exercises it grades, which dlkit blocks its code may use.

The instructor decides, never the learner's file: ``--assignment`` or the folder layout
``submissions/<assignment>/<learner>.ipynb`` (:func:`find_submissions`), resolved against the
course's instructor notebooks or :data:`ASSIGNMENTS` (:func:`resolve_assignment`).
:func:`allowed_proxies` is the one place that decides which reference blocks the judge computes
for learner code.
"""
from __future__ import annotations

import glob
import os

# The exercises each assignment grades (the agreed course layout); an instructor
# notebook's own metadata, when found, takes precedence.
ASSIGNMENTS = {
    "01_notation_and_shapes": ["initialize_parameters"],
    "02_forward_propagation": ["linear_forward", "sigmoid", "relu", "linear_activation_forward", "model_forward"],
    "03_cost": ["compute_cost"],
    "04_backward_propagation": ["linear_backward", "relu_backward", "sigmoid_backward", "linear_activation_backward"],
    "05_model_backward": ["model_backward"],
    "06_training": ["update_parameters", "L_layer_model"],
    "07_hyperparameters": [],
}




def _instructor_dirs():
    here = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    return [os.path.join(os.getcwd(), "notebooks", "instructor"), os.path.join(here, "notebooks", "instructor")]


def resolve_assignment(name: str):
    """``name`` (an assignment stem, or an instructor notebook's path) -> (stem, [exercises]).

    Raises ValueError naming the choices when the assignment is unknown.
    """
    import json

    if not isinstance(name, str) or not name:
        raise TypeError(f"resolve_assignment: name must be an assignment name, got {name!r}")
    candidates = [name] if name.endswith(".ipynb") else []
    candidates += [os.path.join(d, name + ".ipynb") for d in _instructor_dirs()]
    for path in candidates:
        if os.path.isfile(path):
            try:
                with open(path, encoding="utf-8") as f:
                    meta = json.load(f).get("metadata", {}).get("dlkit", {})
            except (OSError, ValueError, AttributeError) as exc:
                raise ValueError(f"the instructor notebook {path!r} cannot be read: {exc}") from None
            stem = meta.get("assignment") or os.path.splitext(os.path.basename(path))[0]
            exercises = meta.get("exercises")
            if isinstance(exercises, list) and all(isinstance(e, str) for e in exercises):
                return stem, list(exercises)
            if stem in ASSIGNMENTS:
                return stem, list(ASSIGNMENTS[stem])
    if name in ASSIGNMENTS:
        return name, list(ASSIGNMENTS[name])
    raise ValueError(f"unknown assignment {name!r}: need one of {sorted(ASSIGNMENTS)} or an instructor notebook path")


def _needed_names(exercises):
    """The exercises plus every helper/forward their checks may call (transitively)."""
    from dlkit.checks import SPECS

    names, todo = [], list(exercises)
    while todo:
        n = todo.pop(0)
        if n in names:
            continue
        names.append(n)
        spec = SPECS.get(n)
        if spec is not None:
            todo += list(spec.helpers) + ([spec.forward] if spec.forward else [])
    return names


def allowed_proxies(assignment: str, exercises, extra=()) -> dict:
    """The one place that decides which dlkit functions learner code may have the judge compute.

    A notebook may use the blocks of *earlier* notebooks (in course order) from dlkit, as its
    instructor notebook does (``from dlkit import linear_forward`` in notebook 4). Never an
    exercise of the assignment being graded, never a private helper. ``extra`` names more
    reference blocks the judge chooses to provide, graded ones included (error carried
    forward: a composite graded again with the reference for its failing helpers; never the
    composite itself). Returns name -> reference function.
    """
    import dlkit

    earlier = []
    for stem, names in ASSIGNMENTS.items():
        if stem == assignment:
            break
        earlier += names
    else:
        earlier = []  # an assignment outside the course's order: nothing but what the judge adds
    graded = set(exercises)
    names = [n for n in earlier if n not in graded] + list(extra)  # the judge's choice may be a graded helper
    return {n: getattr(dlkit, n) for n in names if callable(getattr(dlkit, n, None))}


def _known_assignment(name: str) -> bool:
    if name in ASSIGNMENTS:
        return True
    return any(os.path.isfile(os.path.join(d, name + ".ipynb")) for d in _instructor_dirs())


def find_submissions(paths, assignment=None) -> list:
    """[(learner id, notebook path, assignment or None)], the assignment given by the instructor.

    ``assignment`` (``--assignment``) names it for every path. Otherwise it comes from the folder
    layout ``submissions/<assignment>/<learner>.ipynb`` (or ``<assignment>/<learner>/x.ipynb``):
    a path may be a notebook, a learner's folder, an assignment's folder or a folder of
    assignment folders. Never from the learner's file.
    """
    found = []

    def first_notebook(folder):
        nbs = sorted(n for n in glob.glob(os.path.join(folder, "**", "*.ipynb"), recursive=True)
                     if ".ipynb_checkpoints" not in n)
        return nbs[0] if nbs else folder

    def of_layout(path):
        parent = os.path.basename(os.path.dirname(os.path.abspath(path)))
        return assignment or (parent if _known_assignment(parent) else None)

    for p in paths:
        base = os.path.basename(os.path.normpath(p))
        if os.path.isfile(p):
            found.append((os.path.splitext(os.path.basename(p))[0], p, of_layout(p)))
        elif os.path.isdir(p) and _known_assignment(base):  # an assignment's folder: one learner per entry
            for entry in sorted(os.listdir(p)):
                full = os.path.join(p, entry)
                if entry.endswith(".ipynb") and os.path.isfile(full):
                    found.append((entry[:-len(".ipynb")], full, assignment or base))
                elif os.path.isdir(full) and not entry.startswith("."):
                    found.append((entry, first_notebook(full), assignment or base))
        elif os.path.isdir(p) and any(_known_assignment(e) and os.path.isdir(os.path.join(p, e)) for e in os.listdir(p)):
            found += find_submissions([os.path.join(p, e) for e in sorted(os.listdir(p))
                                       if _known_assignment(e) and os.path.isdir(os.path.join(p, e))], assignment)
        elif os.path.isdir(p):
            found.append((base, first_notebook(p), of_layout(p)))
        else:
            raise ValueError(f"dlkit grade: submission {p!r} is neither a .ipynb file nor a folder")
    return found
