"""Throughput of ``dlkit grade`` on a class of 200 submissions, against nbgrader's autograde.

    python benchmarks/bench_grade.py                      # 200 submissions, nbgrader on a sample of 6
    python benchmarks/bench_grade.py --n 400 --workers 2 --nbgrader-sample 0

The class is built from the course's own notebooks (notebooks/instructor and
notebooks/student, 01 to 06 in turn): per 10 submissions, 5 right (the
instructor notebook), 3 buggy (one exercise's answer off by 10 %), 1 unsolved
(the student notebook) and 1 hostile (in turn: infinite loop, os._exit,
memory bomb, fork bomb, segfault via ctypes, delegation to dlkit, 50 MB of
prints, patching numpy, an always-equal object, sys.exit). Buggy and hostile
code redefines the notebook's *last* exercise in an extra cell, as a learner
would. With ``--buggy helper`` the buggy code redefines instead the notebook's first exercise
that another exercise of it calls (linear_forward in 02, linear_backward in 04,
update_parameters in 06; the last one where there is none), so that error carried
forward grades those composites a second time: the before/after of that rule.
The class is laid out as ``<assignment>/<learner>.ipynb``. dlkit grade
runs with full isolation (as root, or through user namespaces as another user:
run it as both) and with hidden cases on.

nbgrader's ``autograde`` is measured in the same run on a sample of the same
notebooks (the first right, buggy and unsolved ones of 02_forward_propagation;
no hostile ones: nbgrader runs them in its own process's kernel and an
infinite loop costs its 30 s cell timeout), then given as submissions/second.
When nbgrader is not installed that half is skipped with a message.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
STEMS = ["01_notation_and_shapes", "02_forward_propagation", "03_cost", "04_backward_propagation",
         "05_model_backward", "06_training"]

BUGGY = '''
_bench_right_{name} = {name}
def _bench_off(out):
    if type(out) is tuple:
        return (_bench_off(out[0]),) + out[1:]
    if type(out) is dict:
        return {{k: _bench_off(v) for k, v in out.items()}}
    return out * 1.1
def {name}(*args, **kwargs):
    return _bench_off(_bench_right_{name}(*args, **kwargs))
'''
HOSTILE = {
    "infinite_loop": "while True:\n        pass",
    "os_exit": "import os\n    os._exit(1)",
    "memory_bomb": "blocks = []\n    while True:\n        blocks.append(bytearray(10**8))",
    "fork_bomb": "import os\n    while True:\n        os.fork()",
    "segfault": "import ctypes\n    ctypes.string_at(0)",
    "delegate": "import dlkit\n    return dlkit.{name}(*args, **kwargs)",
    "huge_print": "for _ in range(50):\n        print('x' * 10**6)\n    return None",
    "patch_numpy": "import numpy\n    numpy.allclose = lambda *a, **k: True\n    numpy.array_equal = lambda *a, **k: True\n    return None",
    "always_equal": "class E:\n        def __eq__(self, other):\n            return True\n    return E()",
    "sys_exit": "import sys\n    sys.exit(1)",
}


def _with_cell(text: str, source: str) -> str:
    nb = json.loads(text)
    nb["cells"].append({"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
                        "source": source})
    nb["cells"][-1]["id"] = f"bench{len(nb['cells'])}"
    return json.dumps(nb)


def buggy_target(stem: str, buggy: str) -> str:
    """The exercise a buggy submission of ``stem`` gets wrong: the last, or (``helper``) the first
    one another exercise of the notebook calls, so that error carried forward has work to do."""
    from dlkit.checks import SPECS
    from dlkit.checks.carry import carried_helpers
    from dlkit.course.grade import ASSIGNMENTS

    exercises = ASSIGNMENTS[stem]
    if buggy == "helper":
        called = {h for name in exercises for h in carried_helpers(SPECS[name])}
        helpers = [name for name in exercises if name in called]
        if helpers:
            return helpers[0]
    return exercises[-1]


def build_class(folder: Path, n: int, buggy: str = "last") -> list:
    """Write ``n`` submissions into ``folder``; returns [(path, kind)]."""
    from dlkit.course.grade import ASSIGNMENTS

    instructor = {s: (ROOT / "notebooks" / "instructor" / f"{s}.ipynb").read_text() for s in STEMS}
    student = {s: (ROOT / "notebooks" / "student" / f"{s}.ipynb").read_text() for s in STEMS}
    hostile_kinds = list(HOSTILE)
    out = []
    for i in range(n):
        stem = STEMS[i % len(STEMS)]
        name = ASSIGNMENTS[stem][-1]
        slot = i % 10
        if slot < 5:
            kind, text = "right", instructor[stem]
        elif slot in (5, 6, 8):
            kind, text = "buggy", _with_cell(instructor[stem], BUGGY.format(name=buggy_target(stem, buggy)))
        elif slot == 7:
            kind, text = "unsolved", student[stem]
        else:
            hk = hostile_kinds[(i // 10) % len(hostile_kinds)]
            body = HOSTILE[hk].format(name=name)
            kind, text = f"hostile:{hk}", _with_cell(instructor[stem], f"def {name}(*args, **kwargs):\n    {body}\n")
        (folder / stem).mkdir(exist_ok=True)  # the instructor's layout: submissions/<assignment>/<learner>.ipynb
        path = folder / stem / f"learner{i:03d}.ipynb"
        path.write_text(text)
        out.append((path, kind))
    return out


def bench_dlkit(paths, workers, timeout, seed, carry_forward=True):
    from dlkit.course.grade import grade_all, isolation

    book = Path(tempfile.mkdtemp()) / "bench.sqlite"
    start = time.perf_counter()
    summary = grade_all([str(p) for p in paths], str(book), workers=workers, timeout=timeout, seed=seed,
                        progress=False, carry_forward=carry_forward)
    wall = time.perf_counter() - start
    from dlkit.course import gradebook

    conn = gradebook.connect_readonly(str(book))
    rows = gradebook.rows(conn)
    conn.close()
    summary["points"] = sum(r["points"] for r in rows)
    summary["carried_forward"] = sum(any(m.endswith(".error_carried_forward") for m in r["mistakes"]) for r in rows)
    shutil.rmtree(book.parent, ignore_errors=True)
    return summary, wall, isolation()


def bench_nbgrader(sample):
    """Seconds for ``nbgrader autograde`` of the sample (notebooks of one assignment), or None."""
    if shutil.which("nbgrader") is None:
        print("nbgrader: not installed (pip install 'dlkit[bench]'): skipping the comparison")
        return None
    stem = "02_forward_propagation"
    course = Path(tempfile.mkdtemp(prefix="nbgrader-bench-"))
    (course / "source" / "bench").mkdir(parents=True)
    shutil.copy(ROOT / "notebooks" / "instructor" / f"{stem}.ipynb", course / "source" / "bench" / f"{stem}.ipynb")
    (course / "nbgrader_config.py").write_text(
        "c = get_config()\nc.CourseDirectory.course_id = 'bench'\nc.ExecutePreprocessor.timeout = 30\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    run = dict(cwd=course, env=env, capture_output=True, text=True)
    r = subprocess.run(["nbgrader", "generate_assignment", "bench", "--force"], **run)
    if r.returncode != 0:
        print("nbgrader: generate_assignment failed, skipping the comparison:\n" + r.stderr[-1500:])
        return None
    for i, path in enumerate(sample):
        dest = course / "submitted" / f"s{i:03d}" / "bench"
        dest.mkdir(parents=True)
        shutil.copy(path, dest / f"{stem}.ipynb")
    start = time.perf_counter()
    r = subprocess.run(["nbgrader", "autograde", "bench", "--force"], **run)
    seconds = time.perf_counter() - start
    graded = len(list((course / "autograded").glob("*/bench/*.ipynb")))
    shutil.rmtree(course, ignore_errors=True)
    if r.returncode != 0 or graded != len(sample):
        print(f"nbgrader: autograde graded {graded}/{len(sample)} (exit {r.returncode}):\n" + r.stderr[-1500:])
        if graded == 0:
            return None
    return seconds, graded


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="submissions in the class")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--timeout", type=float, default=1.0, help="seconds per exercise (dlkit grade --timeout)")
    parser.add_argument("--nbgrader-sample", type=int, default=6, help="submissions given to nbgrader (0: skip)")
    parser.add_argument("--target", type=float, default=20.0, help="submissions/s that counts as a pass")
    parser.add_argument("--buggy", choices=("last", "helper"), default="last",
                        help="which exercise the buggy submissions get wrong: the notebook's last (default) or "
                             "the first one another exercise calls (error carried forward then regrades those)")
    parser.add_argument("--no-carry-forward", action="store_true",
                        help="grade without error carried forward (dlkit grade --no-carry-forward), for a before/after")
    args = parser.parse_args(argv)
    if args.n < 1 or args.workers < 1:
        parser.error("--n and --workers must be at least 1")
    folder = Path(tempfile.mkdtemp(prefix="dlkit-bench-class-"))
    try:
        subs = build_class(folder, args.n, args.buggy)
        kinds = {}
        for _, k in subs:
            kinds[k.split(":")[0]] = kinds.get(k.split(":")[0], 0) + 1
        print(f"class: {args.n} submissions {kinds} (buggy: {args.buggy}), workers {args.workers}, cores {os.cpu_count()}, "
              f"timeout {args.timeout:g} s per exercise, hidden cases on, error carried forward "
              f"{'off' if args.no_carry_forward else 'on'}; load average before "
              f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        summary, wall, iso = bench_dlkit([p for p, _ in subs], args.workers, args.timeout, seed=20261129,
                                         carry_forward=not args.no_carry_forward)
        rate = args.n / wall
        print(f"isolation: {iso.level} as uid {os.geteuid()} (+ RLIMIT_CPU/AS/NPROC=0/FSIZE/NOFILE, wall timeout, "
              f"no dlkit reference in the child)")
        print(f"dlkit grade: {args.n} submissions in {wall:.2f} s = {rate:.1f} submissions/s "
              f"(workers and sandbox start included); exercise rows by status {summary['statuses']}; "
              f"{summary['points']} points, {summary['carried_forward']} rows kept by error carried forward")
        cpu = summary["cpu_seconds"] / args.n
        judge = summary.get("judge_cpu_seconds", 0.0) / args.n
        print(f"CPU per submission (judge + sandboxed child): {1000 * cpu:.0f} ms (judge {1000 * judge:.0f} ms, "
              f"children {1000 * (cpu - judge):.0f} ms, the hostile loops' {args.timeout:g} s timeouts included), "
              f"so {os.cpu_count()} idle cores can grade ~{(os.cpu_count() or 1) / cpu:.0f} submissions/s; "
              f"load average now {' '.join(f'{x:.2f}' for x in os.getloadavg())} (other work shares these cores)")
        sample = [p for p, k in subs if "02_forward" in str(p) and not k.startswith("hostile")][: args.nbgrader_sample]
        if args.nbgrader_sample > 0 and sample:
            _, wall_same, _ = bench_dlkit(sample, args.workers, args.timeout, seed=20261129)
            nb = bench_nbgrader(sample)
            if nb is not None:
                seconds, graded = nb
                nb_rate = graded / seconds
                print(f"nbgrader autograde: {graded} submissions of 02_forward_propagation in {seconds:.1f} s = "
                      f"{nb_rate:.2f} submissions/s")
                print(f"dlkit grade, same {len(sample)} notebooks: {wall_same:.2f} s = {len(sample) / wall_same:.1f}"
                      f" submissions/s (incl. start-up); whole class rate / nbgrader rate = {rate / nb_rate:.0f}x")
        print(f"target {args.target:g} submissions/s: {'met' if rate >= args.target else 'NOT met'}")
        return 0 if rate >= args.target else 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
