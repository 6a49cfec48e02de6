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
import os
import secrets
import sys
import time

# Which assignment, which exercises, which proxies: dlkit/course/assignments.py (re-exported here,
# where the grader's callers have always found them).
from .assignments import (ASSIGNMENTS, _instructor_dirs, _needed_names, allowed_proxies,  # noqa: F401
                          find_submissions, resolve_assignment)

MAX_NOTEBOOK_BYTES = 64 << 20  # larger files are "unreadable" (the judge reads them whole)

_CHECK_STATUS = {"passed": "graded", "failed": "graded", "not_implemented": "not_implemented",
                 "crashed": "crashed", "timeout": "timeout"}

_ZYGOTE = None  # one sandbox zygote per judging process, started on first use
_ZYGOTE_OWNER = None  # pid of the process that started it (a forked judge starts its own)
_CONFIG = ((), "auto")  # (folders and files to hide, isolation method), set by grade_all
_LIFELINE = None  # (read end, write end) of the pipe that dies with grade_all's process (see _lifeline)


def _zygote(hide=None, method=None):
    global _ZYGOTE, _ZYGOTE_OWNER, _CONFIG
    from .sandbox import Zygote

    if _ZYGOTE is not None and _ZYGOTE_OWNER != os.getpid():  # inherited through a fork: not ours to use
        try:
            _ZYGOTE.ctl.close()
        except OSError:
            pass
        _ZYGOTE = None
    config = (tuple(hide) if hide is not None else _CONFIG[0], method or _CONFIG[1])
    if config != _CONFIG:
        _CONFIG = config
        _close_zygote()
    if _ZYGOTE is None or _ZYGOTE.proc.poll() is not None:
        _close_zygote()
        _ZYGOTE = Zygote(hide=_CONFIG[0], method=_CONFIG[1], lifeline=_LIFELINE[0] if _LIFELINE else None)
        _ZYGOTE_OWNER = os.getpid()
    return _ZYGOTE


@atexit.register
def _close_zygote():
    """Stop this process's zygote (its children die with it)."""
    global _ZYGOTE
    if _ZYGOTE is not None and _ZYGOTE_OWNER == os.getpid():
        try:
            _ZYGOTE.close()
        except OSError:
            pass
    _ZYGOTE = None


def hidden_folders(gradebook, submission_paths, extra=()) -> tuple:
    """What the children must not see: the gradebook's folder, the seed's, instructor notebooks, submissions.

    A folder holding dlkit itself or the Python installation cannot be hidden (the zygote imports
    from it): then the gradebook's own files are hidden one by one instead (``-wal``, ``-shm``,
    ``.seed``). dlkit's own package folder is always hidden, by the sandbox itself.
    """
    import dlkit

    needed = [os.path.dirname(os.path.dirname(os.path.abspath(dlkit.__file__))), sys.prefix, sys.base_prefix]
    book = os.path.abspath(os.fspath(gradebook))
    cands = [os.path.dirname(book), *extra, *_instructor_dirs()]
    if os.geteuid() != 0:  # the child's files are the grader's there: its home (~/.ssh ...) too, if it can be
        cands.append(os.path.expanduser("~"))
    cands += [os.path.dirname(os.path.abspath(p)) if os.path.isfile(p) else os.path.abspath(p) for p in submission_paths]
    out = []
    for c in map(os.path.abspath, cands):
        if c in out or not os.path.exists(c):
            continue
        if os.path.isdir(c) and any(n == c or n.startswith(c.rstrip(os.sep) + os.sep) for n in map(os.path.abspath, needed)):
            if c == os.path.dirname(book):
                out += [f for f in (book, book + "-wal", book + "-shm", book + "-journal", book + ".seed")
                        if os.path.exists(f) and f not in out]
            continue  # hiding it would hide dlkit or Python from the zygote
        out.append(c)
    return tuple(out)


def isolation(method: str = "auto"):
    """What the sandbox sets up on this machine (see docs/grading.md); ``.report()`` is readable text."""
    return _zygote(method=method).isolation


class IsolationMissing(Exception):
    """The sandbox cannot isolate learner code here and the instructor did not pass --no-isolation."""


# ---------------------------------------------------------------------------
# Grading one submission (runs in a judging process; never executes learner code here)


def _row(name, status, points=0, max_points=0, mistakes=(), hints=(), report=""):
    return {"exercise": name, "status": status, "points": int(points), "max_points": int(max_points),
            "mistakes": list(mistakes), "hints": list(hints), "report": report}


def grade_notebook(learner: str, data: bytes, *, assignment=None, exercises=None, timeout: float = 10.0,
                   seed=None, path: str = "", memory_bytes: int | None = None, hide=None, method="auto",
                   carry_forward: bool = True) -> dict:
    """Grade one notebook's bytes. Returns ``{learner, assignment, sha256, path, seconds, rows}``.

    ``assignment``/``exercises`` are the instructor's (``--assignment`` or the folder
    layout); without them the notebook gets one ``unreadable`` row saying so, since the
    learner's own metadata never decides. A notebook whose metadata names another
    assignment is graded as the instructor's and flagged (``result["flags"]``).
    ``seed`` adds the hidden cases. ``carry_forward``: a composite that fails only because a
    helper fails is graded again with dlkit's helper (:mod:`dlkit.checks.carry`). ``hide`` lists folders and files the sandboxed
    children must not see; ``method`` is the sandbox's isolation method. Never raises
    because of the notebook: a failure of the grader itself becomes ``crashed``
    rows that say so, and the batch goes on.
    """
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError(f"grade_notebook: data must be the notebook's bytes, got {type(data).__name__}")
    if not (isinstance(timeout, (int, float)) and timeout > 0):
        raise ValueError(f"grade_notebook: timeout must be a number of seconds > 0, got {timeout!r}")
    try:
        return _grade_notebook(learner, data, assignment=assignment, exercises=exercises, timeout=timeout,
                               seed=seed, path=path, memory_bytes=memory_bytes, hide=hide, method=method,
                               carry_forward=bool(carry_forward))
    except Exception as exc:  # noqa: BLE001 - a grader bug must not stop the batch
        from .submission import sha256

        why = f"the grader failed on this notebook ({type(exc).__name__}: {str(exc)[:200]}); tell the instructor"
        names = exercises or ["(notebook)"]
        return {"learner": learner, "assignment": assignment or "unknown", "sha256": sha256(bytes(data)),
                "path": path, "seconds": 0.0, "rows": [_row(n, "crashed", 0, _max_points(n), [f"{n}.grader_error"],
                                                            [why], f"{n}: 0 - {why}") for n in names]}


def _grade_notebook(learner, data, *, assignment, exercises, timeout, seed, path, memory_bytes, hide, method,
                    carry_forward=True) -> dict:
    from dlkit.checks import SPECS

    from .sandbox import Limits, ProxyTable, SubmissionRun
    from .submission import Unreadable, extract, notebook_dlkit_metadata, read_notebook, sha256

    start, cpu_start = time.monotonic(), time.process_time()
    out = {"learner": learner, "assignment": assignment or "unknown", "sha256": sha256(bytes(data)), "path": path,
           "flags": []}

    def finish(rows):
        out.update(rows=rows, seconds=time.monotonic() - start, judge_cpu=time.process_time() - cpu_start)
        return out

    if assignment is None:
        return finish([_row("(notebook)", "unreadable", report="the instructor did not say which assignment this is: "
                            "grade it with --assignment or as submissions/<assignment>/<learner>.ipynb")])
    if exercises is None:
        assignment, exercises = resolve_assignment(assignment)
    try:
        if len(data) > MAX_NOTEBOOK_BYTES:
            raise Unreadable(f"the notebook is {len(data) >> 20} MB; the grader reads at most "
                             f"{MAX_NOTEBOOK_BYTES >> 20} MB (clear its outputs)")
        nb = read_notebook(bytes(data))
    except Unreadable as exc:
        return finish([_row(n, "unreadable", max_points=_max_points(n), report=str(exc)) for n in exercises])
    named = notebook_dlkit_metadata(nb).get("assignment")
    if named is not None and named != assignment:
        out["flags"].append(f"the notebook's metadata says assignment {str(named)[:100]!r}; "
                            f"graded as the instructor's {assignment!r}")
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
    zygote = _zygote(hide, method)
    out["isolation"] = zygote.isolation.level
    child_cpu = _children_cpu()
    allowed = allowed_proxies(assignment, exercises)
    for attempt in range(2):  # a second try only if the sandbox itself (not the learner) failed
        try:
            run = SubmissionRun(_zygote(), ex.segments, needed, graded=exercises, timeout=timeout, limits=limits,
                                proxies=ProxyTable(allowed, exercises))

            def substituted_run(failing):
                """A run of the same definitions where each failing helper is dlkit's (a proxy the judge answers)."""
                bind = "import dlkit as _dlkit_carried\n" + "".join(f"{h} = _dlkit_carried.{h}\n" for h in failing)
                return SubmissionRun(_zygote(), [*ex.segments, (bind, "error carried forward")], needed,
                                     graded=exercises, timeout=timeout, limits=limits,
                                     proxies=ProxyTable(allowed_proxies(assignment, exercises, failing), exercises))

            helpers = _helper_results(SPECS, ex, run, seed, timeout)
            try:
                rows = [_grade_exercise(SPECS, name, ex, run, seed, helpers,
                                        substituted_run if carry_forward else None) for name in exercises]
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


class with_leftovers:
    """``call`` with the hooks Spec.run asks a call for, from the grader's static view of the notebook:
    ``leftover_finding(spec)``, the globals left over from demo cells that the function reads
    (``Extracted.leftovers``), and ``learner_source(name)``, the function's own source
    (``Extracted.sources``), both used only when an output is wrong, as in the notebook's checkpoint."""

    def __new__(cls, call, found, source=None, name=None):
        if not found and not source:
            return call
        self = super().__new__(cls)
        self.call, self.found, self.source, self.name = call, found, source, name
        return self

    def __call__(self, fn_name, args):
        return self.call(fn_name, args)

    def learner_source(self, fn_name):
        # only the function this call judges: a helper checked through it (L_layer_model's
        # initialize_parameters) must not be explained from the composite's source
        return self.source if self.name is None or fn_name == self.name else None

    def __getattr__(self, name):   # the line tracer's ``trace``, when the call offers one
        if name == "trace":
            return getattr(self.call, "trace", None)
        raise AttributeError(name)

    def leftover_finding(self, spec):
        from dlkit.checks import leftovers
        from dlkit.checks.result import Finding

        if not self.found:
            return None
        found, unused = self.found
        return Finding(f"{spec.name}.reads_global", leftovers.finding_text(spec, None, found, unused))


def _helper_results(specs, ex, run, seed, budget=None):
    """Each exercise's own result in this submission, judged once (as an exercise or as another's
    helper), each with its own time budget: a slow helper is not charged to the composite."""
    from dlkit.checks.carry import HelperResults, run_spec

    def judge(name):
        if name in ex.syntax_errors:
            return "syntax_error"
        if name not in ex.defined:
            return "missing"
        if name in ex.delegations:
            return "flagged"
        call = with_leftovers(helpers.timed(name, run.call_for(name)), ex.leftovers.get(name), ex.sources.get(name), name)
        result = run_spec(specs[name], call, seed=seed, helper_results=helpers)
        if name in run.delegated or run.proxies.refused.get(name):
            return "flagged"
        return result

    helpers = HelperResults(judge, budget)
    return helpers


def _grade_exercise(specs, name, ex, run, seed, helpers=None, substituted_run=None) -> dict:
    """One exercise's row. ``helpers``: the submission's :func:`_helper_results`; with
    ``substituted_run`` (error carried forward) a composite failing because of a helper is graded
    again in such a run, with its own time budget."""
    from dlkit.checks import carry

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
    if helpers is None:
        helpers = _helper_results(specs, ex, run, seed)

    def regrade(failing):
        second = substituted_run(failing)
        try:
            result = spec.run(with_leftovers(second.call_for(name), ex.leftovers.get(name), ex.sources.get(name), name), seed=seed, localise=False)
        finally:
            second.close()
        # a composite that asks for what the judge still refuses keeps its first result (and flag)
        return None if second.proxies.refused.get(name) or name in second.delegated else result

    try:
        result = helpers.result(name)
        if not isinstance(result, str):
            result = carry.judge(spec, result, helpers=helpers, regrade=regrade, enabled=substituted_run is not None)
    except Exception as exc:  # noqa: BLE001 - a checker bug must not stop the batch
        return _row(name, "crashed", 0, maxp, [f"{name}.grader_error"], [f"The grader failed: {type(exc).__name__}"],
                    f"{name}: 0/{maxp} - the grader failed on this submission ({type(exc).__name__}); tell the instructor")
    if name in run.delegated:
        return _flagged(name, maxp, f"{name} is dlkit's own {name}")
    refused = run.proxies.refused.get(name)
    if refused:
        asked = ", ".join(f"dlkit.{n}" for n in sorted(refused))
        return _flagged(name, maxp, f"{name} asks for {asked}, which the grader does not provide for this assignment")
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
              feedback_dir=None, seed=None, progress=True, memory_bytes=None, hide=(), no_isolation=False,
              method="auto", carry_forward=True) -> dict:
    """Grade every submission in ``paths`` into the SQLite ``gradebook``; returns a summary dict.

    The assignment is the instructor's: ``assignment`` or the folder layout (see
    :func:`find_submissions`); ValueError when a submission has neither. Raises
    :class:`IsolationMissing` (with the isolation report) when the sandbox cannot fully
    isolate learner code here, unless ``no_isolation``. Already-recorded submissions (same
    learner, assignment and sha256) are skipped, so re-running after an interruption
    finishes the batch. The isolation level is recorded with the run and with each submission.
    ``carry_forward=False`` turns error carried forward off (``--no-carry-forward``).
    """
    from tqdm import tqdm

    from . import gradebook as gb
    from .submission import sha256

    if workers is None:
        workers = os.cpu_count() or 1
    if not isinstance(workers, int) or workers < 1:
        raise ValueError(f"dlkit grade: --workers must be a whole number >= 1, got {workers!r}")
    if assignment:
        resolve_assignment(assignment)  # unknown: a clear error before anything runs
    subs = find_submissions(paths, assignment)
    orphans = [p for _, p, a in subs if a is None]
    if orphans:
        raise ValueError(f"dlkit grade: no assignment for {orphans[:3]}{' ...' if len(orphans) > 3 else ''}: "
                         f"pass --assignment NAME or lay them out as submissions/<assignment>/<learner>.ipynb "
                         f"(the learner's own notebook never decides)")
    exercises = {a: resolve_assignment(a) for a in {a for _, _, a in subs}}
    conn = gb.connect(gradebook)
    hide = hidden_folders(gradebook, [p for _, p, _ in subs], hide)
    if scheduler is None:
        _lifeline()
    iso = _zygote(hide, method).isolation
    if not iso.full and not no_isolation:
        conn.close()
        raise IsolationMissing("dlkit grade: refusing to grade: the sandbox cannot isolate learner code here.\n"
                               + iso.report() + "\nmissing: " + "; ".join(iso.missing())
                               + "\nRun as root, allow unprivileged user namespaces, install bubblewrap, or pass "
                               "--no-isolation to grade anyway (learner code then runs with this user's rights).")
    run_id = gb.record_run(conn, iso.level, iso.report())
    todo = []
    for learner, path, name in subs:
        data = _read(path) if os.path.isfile(path) else b""
        stem, names = exercises[name]
        if gb.done(conn, learner, stem, sha256(data)):
            continue
        todo.append((learner, path, data, stem, names))
    kwargs = dict(timeout=timeout, seed=seed, memory_bytes=memory_bytes, hide=hide, method=method,
                  carry_forward=bool(carry_forward))
    if workers > 1 and scheduler is None:
        _close_zygote()  # the judges are forked: each starts its own
    start = time.monotonic()
    tqdm.monitor_interval = 0  # no monitor thread: the judges are forked from this process
    bar = tqdm(total=len(todo), unit="submission", disable=not progress, desc="grading", file=sys.stderr)
    counts, cpu, judge_cpu, flagged = {}, 0.0, 0.0, 0
    for result in _results(todo, kwargs, workers, scheduler):
        result["run_id"] = run_id
        gb.record(conn, result)
        if feedback_dir:
            from .feedback import write_feedback

            write_feedback(result, feedback_dir)
        cpu += result.get("judge_cpu", 0.0) + result.get("child_cpu", 0.0)
        judge_cpu += result.get("judge_cpu", 0.0)
        flagged += bool(result.get("flags"))
        for row in result["rows"]:
            counts[row["status"]] = counts.get(row["status"], 0) + 1
        bar.update(1)
    bar.close()
    conn.close()
    seconds = time.monotonic() - start
    return {"submissions": len(subs), "graded": len(todo), "skipped": len(subs) - len(todo),
            "seconds": seconds, "per_second": len(todo) / seconds if seconds > 0 else 0.0, "statuses": counts,
            "cpu_seconds": cpu, "judge_cpu_seconds": judge_cpu, "isolation": iso.level,
            "flagged_submissions": flagged}


def _lifeline():
    """A pipe whose write end only this (main) process holds: when it dies, however it dies, every
    zygote of the batch sees the read end close and kills its children at once."""
    global _LIFELINE
    if _LIFELINE is None:
        r, w = os.pipe()
        os.set_inheritable(r, True)
        _LIFELINE = (r, w)
    return _LIFELINE


def _judge_init(write_end=None):
    """In each forked judge: die with the main process, however it dies (its zygote follows: EOF)."""
    import ctypes
    import signal

    if write_end is not None:
        os.close(write_end)  # only the main process may keep the lifeline open
    ctypes.CDLL(None).prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    if os.getppid() == 1:  # the main process died before the line above
        os._exit(1)


def _results(todo, kwargs, workers, scheduler):
    """Yield results as they finish: in this process, a process pool, or a Dask cluster."""
    if scheduler:
        yield from _dask_results(todo, kwargs, scheduler)
    elif workers == 1 or len(todo) <= 1:
        for learner, path, data, stem, names in todo:
            yield grade_notebook(learner, data, path=path, assignment=stem, exercises=names, **kwargs)
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed

        import dlkit.checks  # noqa: F401 - once here, inherited by the judges

        # Judges are forked from this (trusted) process: they start at once. The sandbox zygote
        # each judge starts is a fresh exec, never a fork of a judge, so no secret is in its memory.
        ctx = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_judge_init,
                                 initargs=(_lifeline()[1],)) as pool:
            futures = [pool.submit(grade_notebook, learner, data, path=path, assignment=stem, exercises=names,
                                   **kwargs) for learner, path, data, stem, names in todo]
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
        futures = [client.submit(grade_notebook, learner, data, path=path, assignment=stem, exercises=names,
                                 pure=False, **kwargs) for learner, path, data, stem, names in todo]
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
    if args.check_isolation:
        method = "none" if args.no_isolation else "auto"
        iso = isolation(method)
        print(iso.report())
        return 0 if iso.full else 1
    if not args.submissions or not args.gradebook:
        raise SystemExit("dlkit grade: give SUBMISSION ... and --gradebook (or --check-isolation)")
    seed = None if args.no_hidden else read_seed(args.seed, args.seed_file, args.gradebook)
    seed_dir = [os.path.dirname(os.path.abspath(args.seed_file))] if args.seed_file else []
    try:
        summary = grade_all(args.submissions, args.gradebook, assignment=args.assignment, workers=args.workers,
                            timeout=args.timeout, scheduler=args.scheduler, feedback_dir=args.feedback, seed=seed,
                            progress=not args.quiet, hide=seed_dir, no_isolation=args.no_isolation,
                            carry_forward=not args.no_carry_forward)
    except (IsolationMissing, ValueError) as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"sandbox isolation: {summary['isolation']}")
    if summary["flagged_submissions"]:
        print(f"{summary['flagged_submissions']} submission(s) flagged (e.g. notebook metadata naming another "
              f"assignment): see the submissions table's flags")
    print(f"graded {summary['graded']} submission(s) in {summary['seconds']:.1f} s "
          f"({summary['per_second']:.1f}/s), skipped {summary['skipped']} already in the gradebook")
    if summary["statuses"]:
        print("exercise rows by status: " + ", ".join(f"{k} {v}" for k, v in sorted(summary["statuses"].items())))
    return 0


def register(subparsers) -> None:
    p = subparsers.add_parser("grade", help="grade submitted notebooks into a SQLite gradebook",
                              description=__doc__.split("\n\n")[0])
    p.add_argument("submissions", nargs="*", metavar="SUBMISSION",
                   help="a .ipynb file, a learner's folder, or an assignment's folder (submissions/<assignment>/)")
    p.add_argument("--gradebook", help="SQLite file (created if missing)")
    p.add_argument("--assignment", help="assignment name or instructor notebook (default: the folder layout "
                                        "submissions/<assignment>/<learner>.ipynb)")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="judging processes (default: all cores)")
    p.add_argument("--timeout", type=float, default=10.0, help="seconds of wall time per exercise (default: 10)")
    p.add_argument("--scheduler", help="address of a Dask scheduler, e.g. tcp://10.0.0.5:8786")
    p.add_argument("--feedback", metavar="DIR", help="write each learner's feedback (Markdown and HTML) here")
    p.add_argument("--seed", type=int, help="secret seed for hidden cases (visible in `ps`: prefer --seed-file)")
    p.add_argument("--seed-file", help="file holding the secret seed (default: GRADEBOOK.seed, created 0600)")
    p.add_argument("--no-hidden", action="store_true", help="public cases only")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--check-isolation", action="store_true",
                   help="print which protections the sandbox has on this machine and exit (1 if not all)")
    p.add_argument("--no-isolation", action="store_true",
                   help="grade even when the sandbox cannot isolate learner code (recorded in the gradebook)")
    p.add_argument("--no-carry-forward", action="store_true",
                   help="charge a failing helper to every exercise that calls it (default: error carried "
                        "forward, a composite right given dlkit's helper keeps its points)")
    p.set_defaults(func=_grade_command)
