"""``dlkit grade``: grade a class of submitted notebooks, safely, in parallel, resumably.

For each submission the judging process (this one, or a pool worker, or a
Dask worker):

1. reads the notebook bytes without executing anything, finds the learner's
   functions by what they define (:mod:`dlkit.course.submission`);
2. has a sandboxed child run those definitions (:mod:`dlkit.course.sandbox`);
3. runs each exercise's ``dlkit.checks`` spec, whose ``call`` goes to the
   child: cases (hidden ones from the secret seed) and their expected answers
   stay here, only inputs go to the child and only plain outputs come back;
4. returns rows; the main process writes them to the gradebook (one
   transaction per submission) and the learner's feedback.

Status per exercise: ``graded`` (a score), ``not_implemented``, ``missing``
(no such function in the notebook), ``timeout``, ``crashed``, ``unreadable``
(the notebook could not be read) and ``flagged`` (handed off to dlkit's own
reference: no points).
"""
from __future__ import annotations

import atexit
import glob
import os
import re
import secrets
import sys
import time

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

MAX_NOTEBOOK_BYTES = 64 << 20  # larger files are "unreadable" (the judge reads them whole)

_CHECK_STATUS = {"passed": "graded", "failed": "graded", "not_implemented": "not_implemented",
                 "crashed": "crashed", "timeout": "timeout"}

_ZYGOTE = None  # one sandbox zygote per judging process, started on first use
_HIDE = ()  # folders the zygote hides from the children (set by grade_all)


def _zygote(hide=None):
    global _ZYGOTE, _HIDE
    from .sandbox import Zygote

    if hide is not None and tuple(hide) != _HIDE:
        _HIDE = tuple(hide)
        if _ZYGOTE is not None:
            _ZYGOTE.close()
            _ZYGOTE = None
    if _ZYGOTE is None or _ZYGOTE.proc.poll() is not None:
        _close_zygote()
        _ZYGOTE = Zygote(hide=_HIDE)
    return _ZYGOTE


@atexit.register
def _close_zygote():
    """Stop this process's zygote (its children die with it)."""
    global _ZYGOTE
    if _ZYGOTE is not None:
        try:
            _ZYGOTE.close()
        except OSError:
            pass
        _ZYGOTE = None


def hidden_folders(gradebook, submission_paths, extra=()) -> tuple:
    """Folders the children should not see: the gradebook's, the seed's, instructor notebooks, submissions.

    A folder holding dlkit itself or the Python installation is never hidden (children import from them).
    """
    import dlkit

    needed = [os.path.dirname(os.path.dirname(os.path.abspath(dlkit.__file__))), sys.prefix, sys.base_prefix]
    cands = [os.path.dirname(os.path.abspath(gradebook)), *extra, *_instructor_dirs()]
    cands += [os.path.dirname(os.path.abspath(p)) if os.path.isfile(p) else os.path.abspath(p) for p in submission_paths]
    out = []
    for c in map(os.path.abspath, cands):
        if not os.path.isdir(c) or c in out:
            continue
        if any(n == c or n.startswith(c.rstrip(os.sep) + os.sep) for n in map(os.path.abspath, needed)):
            continue  # hiding it would hide dlkit or Python from the children
        out.append(c)
    return tuple(out)


def isolation():
    """What the sandbox could set up on this machine (see docs/grading.md)."""
    return _zygote().isolation


# ---------------------------------------------------------------------------
# Which assignment, which exercises


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


def find_submissions(paths) -> list:
    """[(learner id, notebook path)]: a path is a .ipynb file or a folder holding one."""
    found = []
    for p in paths:
        if os.path.isdir(p):
            nbs = sorted(n for n in glob.glob(os.path.join(p, "**", "*.ipynb"), recursive=True)
                         if ".ipynb_checkpoints" not in n)
            learner = os.path.basename(os.path.normpath(p))
            found.append((learner, nbs[0] if nbs else p))
        elif os.path.isfile(p):
            found.append((os.path.splitext(os.path.basename(p))[0], p))
        else:
            raise ValueError(f"dlkit grade: submission {p!r} is neither a .ipynb file nor a folder")
    return found


# ---------------------------------------------------------------------------
# Grading one submission (runs in a judging process; never executes learner code here)


def _row(name, status, points=0, max_points=0, mistakes=(), hints=(), report=""):
    return {"exercise": name, "status": status, "points": int(points), "max_points": int(max_points),
            "mistakes": list(mistakes), "hints": list(hints), "report": report}


def grade_notebook(learner: str, data: bytes, *, assignment=None, exercises=None, timeout: float = 10.0,
                   seed=None, path: str = "", memory_bytes: int | None = None, hide=None) -> dict:
    """Grade one notebook's bytes. Returns ``{learner, assignment, sha256, path, seconds, rows}``.

    ``assignment``/``exercises`` come from ``--assignment``; when None they are
    read from the notebook's ``dlkit`` metadata. ``seed`` adds the hidden cases.
    ``hide`` lists folders the sandboxed children must see as empty. Never raises
    because of the notebook: a failure of the grader itself becomes ``crashed``
    rows that say so, and the batch goes on.
    """
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError(f"grade_notebook: data must be the notebook's bytes, got {type(data).__name__}")
    if not (isinstance(timeout, (int, float)) and timeout > 0):
        raise ValueError(f"grade_notebook: timeout must be a number of seconds > 0, got {timeout!r}")
    try:
        return _grade_notebook(learner, data, assignment=assignment, exercises=exercises, timeout=timeout,
                               seed=seed, path=path, memory_bytes=memory_bytes, hide=hide)
    except Exception as exc:  # noqa: BLE001 - a grader bug must not stop the batch
        from .submission import sha256

        why = f"the grader failed on this notebook ({type(exc).__name__}: {str(exc)[:200]}); tell the instructor"
        names = exercises or ["(notebook)"]
        return {"learner": learner, "assignment": assignment or "unknown", "sha256": sha256(bytes(data)),
                "path": path, "seconds": 0.0, "rows": [_row(n, "crashed", 0, _max_points(n), [f"{n}.grader_error"],
                                                            [why], f"{n}: 0 - {why}") for n in names]}


def _grade_notebook(learner, data, *, assignment, exercises, timeout, seed, path, memory_bytes, hide) -> dict:
    from dlkit.checks import SPECS

    from .sandbox import Limits, SubmissionRun
    from .submission import Unreadable, extract, notebook_dlkit_metadata, read_notebook, sha256

    start, cpu_start = time.monotonic(), time.process_time()
    out = {"learner": learner, "assignment": assignment or "unknown", "sha256": sha256(bytes(data)), "path": path}

    def finish(rows):
        out.update(rows=rows, seconds=time.monotonic() - start, judge_cpu=time.process_time() - cpu_start)
        return out

    try:
        if len(data) > MAX_NOTEBOOK_BYTES:
            raise Unreadable(f"the notebook is {len(data) >> 20} MB; the grader reads at most "
                             f"{MAX_NOTEBOOK_BYTES >> 20} MB (clear its outputs)")
        nb = read_notebook(bytes(data))
    except Unreadable as exc:
        names = exercises if assignment else ["(notebook)"]
        return finish([_row(n, "unreadable", max_points=_max_points(n), report=str(exc)) for n in names])
    if assignment is None:
        named = notebook_dlkit_metadata(nb).get("assignment")
        try:
            if not (isinstance(named, str) and re.fullmatch(r"[A-Za-z0-9_-]{1,100}", named)):
                raise ValueError("no assignment name")  # (the learner's file never names a path to open)
            assignment, exercises = resolve_assignment(named)
        except (ValueError, TypeError):
            out["assignment"] = "unknown"
            return finish([_row("(notebook)", "unreadable",
                                report="the notebook does not say which assignment it is: grade it with --assignment")])
        out["assignment"] = assignment
    needed = _needed_names(exercises)
    ex = extract(nb, exercises, extra_needed=needed)
    # Blocks of earlier notebooks that the checks call (L_layer_model's loop calls model_forward...)
    # but this notebook does not define: the learner's own live in their other notebooks, so
    # dlkit's reference stands in for them (a definition in the notebook, run later, still wins).
    earlier = [n for n in needed if n in SPECS and n not in exercises and n not in ex.defined]
    if earlier:
        ex.segments.insert(0, (f"from dlkit import {', '.join(earlier)}", "earlier notebooks' blocks"))
    limits = Limits(cpu_seconds=int(timeout * len(needed)) + 5)  # CPU backstop for one child
    if memory_bytes is not None:
        limits.memory_bytes = int(memory_bytes)
    rows = []
    _zygote(hide)
    child_cpu = _children_cpu()
    for attempt in range(2):  # a second try only if the sandbox itself (not the learner) failed
        try:
            run = SubmissionRun(_zygote(), ex.segments, needed, watch=exercises,
                                timeout=timeout, limits=limits)
            try:
                rows = [_grade_exercise(SPECS, name, ex, run, seed) for name in exercises]
            finally:
                run.close()
            break
        except (OSError, RuntimeError) as exc:
            _close_zygote()  # the sandbox itself broke (e.g. its zygote was killed): start a new one
            if attempt:  # twice: give this submission its rows and let the batch go on
                why = f"the sandbox stopped while running this notebook ({type(exc).__name__})"
                rows = [_row(n, "crashed", 0, _max_points(n), [f"{n}.sandbox_failed"], [why], f"{n}: 0 - {why}")
                        for n in exercises]
    out["child_cpu"] = max(_children_cpu() - child_cpu, 0.0)  # (a killed child may be counted one late)
    return finish(rows)


def _children_cpu() -> float:
    try:
        return _zygote().children_cpu()
    except (OSError, RuntimeError, ValueError):
        return 0.0


def _max_points(name):
    from dlkit.checks import SPECS

    return SPECS[name].max_points if name in SPECS else 0


def _remember_cases(spec):
    """Build a spec's cases (and the reference's answers) once per judging process and seed.

    Every submission of a class gets the same cases, so the judge need not recompute them.
    Spec.run only reads its cases, so sharing the list is safe.
    """
    if getattr(spec, "_dlkit_grade_memo", None) is not None:
        return
    original, memo = spec.cases, {}

    def cases(seed=None):
        if seed not in memo:
            memo[seed] = original(seed)
        return memo[seed]

    spec.cases = cases
    spec._dlkit_grade_memo = memo


def _grade_exercise(specs, name, ex, run, seed) -> dict:
    for spec in specs.values():
        _remember_cases(spec)
    spec = specs.get(name)
    if spec is None:
        return _row(name, "missing", report=f"no check exists for {name}")
    maxp = spec.max_points
    if name in ex.syntax_errors:
        return _row(name, "crashed", 0, maxp, [f"{name}.syntax_error"], [ex.syntax_errors[name]],
                    f"{name}: 0/{maxp} - your code does not run\n- {ex.syntax_errors[name]}")
    if name not in ex.defined:
        return _row(name, "missing", 0, maxp, [f"{name}.missing"], [f"No function {name} was found in the notebook."],
                    f"{name}: 0/{maxp} - no function named {name} in the notebook")
    if name in ex.delegations:  # seen in the code itself: no need to run it
        return _flagged(name, maxp, ex.delegations[name])
    try:
        result = spec.run(run.call_for(name), seed=seed)
    except Exception as exc:  # noqa: BLE001 - a checker bug must not stop the batch
        return _row(name, "crashed", 0, maxp, [f"{name}.grader_error"], [f"The grader failed: {type(exc).__name__}"],
                    f"{name}: 0/{maxp} - the grader failed on this submission ({type(exc).__name__}); tell the instructor")
    if name in run.delegated:
        return _flagged(name, maxp, f"{name} calls dlkit's own {name}")
    return _row(name, _CHECK_STATUS.get(result.status, "crashed"), result.points, result.max_points,
                result.mistakes, result.hints, result.report())


def _flagged(name, maxp, why):
    hint = f"{why}: the exercise is to write it yourself, so it gets no points."
    return _row(name, "flagged", 0, maxp, [f"{name}.delegates_to_reference"], [hint],
                f"{name}: 0/{maxp} - flagged\n- {hint}")


# ---------------------------------------------------------------------------
# A whole class


def _read(path):
    with open(path, "rb") as f:
        return f.read()


def grade_all(paths, gradebook, *, assignment=None, workers=None, timeout=10.0, scheduler=None,
              feedback_dir=None, seed=None, progress=True, memory_bytes=None, hide=()) -> dict:
    """Grade every submission in ``paths`` into the SQLite ``gradebook``; returns a summary dict.

    Already-recorded submissions (same learner, assignment and sha256) are
    skipped, so re-running after an interruption finishes the batch.
    """
    from tqdm import tqdm

    from . import gradebook as gb
    from .submission import sha256

    if workers is None:
        workers = os.cpu_count() or 1
    if not isinstance(workers, int) or workers < 1:
        raise ValueError(f"dlkit grade: --workers must be a whole number >= 1, got {workers!r}")
    fixed = resolve_assignment(assignment) if assignment else (None, None)
    subs = find_submissions(paths)
    conn = gb.connect(gradebook)
    recorded = gb.done_shas(conn)
    todo = []
    for learner, path in subs:
        data = _read(path) if os.path.isfile(path) else b""
        key = (learner, sha256(data))
        if key in recorded and (fixed[0] is None or recorded[key] == fixed[0]):
            continue
        todo.append((learner, path, data))
    kwargs = dict(assignment=fixed[0], exercises=fixed[1], timeout=timeout, seed=seed, memory_bytes=memory_bytes,
                  hide=hidden_folders(gradebook, [p for _, p in subs], hide))
    start = time.monotonic()
    tqdm.monitor_interval = 0  # no monitor thread: the judges are forked from this process
    bar = tqdm(total=len(todo), unit="submission", disable=not progress, desc="grading", file=sys.stderr)
    counts, cpu = {}, 0.0
    for result in _results(todo, kwargs, workers, scheduler):
        gb.record(conn, result)
        if feedback_dir:
            from .feedback import write_feedback

            write_feedback(result, feedback_dir)
        cpu += result.get("judge_cpu", 0.0) + result.get("child_cpu", 0.0)
        for row in result["rows"]:
            counts[row["status"]] = counts.get(row["status"], 0) + 1
        bar.update(1)
    bar.close()
    conn.close()
    seconds = time.monotonic() - start
    return {"submissions": len(subs), "graded": len(todo), "skipped": len(subs) - len(todo),
            "seconds": seconds, "per_second": len(todo) / seconds if seconds > 0 else 0.0, "statuses": counts,
            "cpu_seconds": cpu}


def _results(todo, kwargs, workers, scheduler):
    """Yield results as they finish: in this process, a process pool, or a Dask cluster."""
    if scheduler:
        yield from _dask_results(todo, kwargs, scheduler)
    elif workers == 1 or len(todo) <= 1:
        for learner, path, data in todo:
            yield grade_notebook(learner, data, path=path, **kwargs)
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed

        import nbformat  # noqa: F401 - slow to import (its validators): once here, inherited by the judges

        import dlkit.checks  # noqa: F401

        # Judges are forked from this (trusted) process: they start at once. The sandbox zygote
        # each judge starts is a fresh exec, never a fork of a judge, so no secret is in its memory.
        ctx = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
            futures = [pool.submit(grade_notebook, learner, data, path=path, **kwargs) for learner, path, data in todo]
            for fut in as_completed(futures):
                yield fut.result()


def _dask_results(todo, kwargs, scheduler):
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise SystemExit("dlkit grade --scheduler needs Dask: pip install 'dlkit[dask]'") from None
    client = Client(scheduler)
    try:
        # Notebook bytes travel with the task: the workers need dlkit, not the same disk.
        futures = [client.submit(grade_notebook, learner, data, path=path, pure=False, **kwargs)
                   for learner, path, data in todo]
        for fut in as_completed(futures):
            yield fut.result()
    finally:
        client.close()


# ---------------------------------------------------------------------------
# Command line


def read_seed(seed=None, seed_file=None, gradebook=None):
    """The secret seed for hidden cases: ``seed``, else ``seed_file``, else ``<gradebook>.seed`` (created 0600)."""
    if seed is not None:
        return int(seed)
    path = seed_file or (os.fspath(gradebook) + ".seed")
    if not os.path.exists(path):
        if seed_file:
            raise ValueError(f"dlkit grade: --seed-file {seed_file!r} does not exist")
        fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(f"{secrets.randbits(62)}\n")
    with open(path, encoding="utf-8") as f:
        text = f.read().strip()
    try:
        return int(text)
    except ValueError:
        raise ValueError(f"dlkit grade: the seed file {path!r} must hold one whole number") from None


def _grade_command(args) -> int:
    seed = None if args.no_hidden else read_seed(args.seed, args.seed_file, args.gradebook)
    seed_dir = [os.path.dirname(os.path.abspath(args.seed_file))] if args.seed_file else []
    summary = grade_all(args.submissions, args.gradebook, assignment=args.assignment, workers=args.workers,
                        timeout=args.timeout, scheduler=args.scheduler, feedback_dir=args.feedback, seed=seed,
                        progress=not args.quiet, hide=seed_dir)
    print(f"graded {summary['graded']} submission(s) in {summary['seconds']:.1f} s "
          f"({summary['per_second']:.1f}/s), skipped {summary['skipped']} already in the gradebook")
    if summary["statuses"]:
        print("exercise rows by status: " + ", ".join(f"{k} {v}" for k, v in sorted(summary["statuses"].items())))
    return 0


def register(subparsers) -> None:
    p = subparsers.add_parser("grade", help="grade submitted notebooks into a SQLite gradebook",
                              description=__doc__.split("\n\n")[0])
    p.add_argument("submissions", nargs="+", metavar="SUBMISSION", help="a .ipynb file or a folder holding one")
    p.add_argument("--gradebook", required=True, help="SQLite file (created if missing)")
    p.add_argument("--assignment", help="assignment name or instructor notebook (default: the notebook's metadata)")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="judging processes (default: all cores)")
    p.add_argument("--timeout", type=float, default=10.0, help="seconds of wall time per exercise (default: 10)")
    p.add_argument("--scheduler", help="address of a Dask scheduler, e.g. tcp://10.0.0.5:8786")
    p.add_argument("--feedback", metavar="DIR", help="write each learner's feedback (Markdown and HTML) here")
    p.add_argument("--seed", type=int, help="secret seed for hidden cases (visible in `ps`: prefer --seed-file)")
    p.add_argument("--seed-file", help="file holding the secret seed (default: GRADEBOOK.seed, created 0600)")
    p.add_argument("--no-hidden", action="store_true", help="public cases only")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_grade_command)
