"""Grade the held-out hostile submissions with today's `dlkit grade` and say what each one got.

    python -m tests.grading.heldout_attacks.measure                 # as root, and as uid 65534 if set up
    python -m tests.grading.heldout_attacks.measure --json
    python -m tests.grading.heldout_attacks.measure --as root       # one of: root, nobody, both (default)

One batch per user: every attack of attacks.py plus a right submission, graded
by the `dlkit grade` command (2 workers, 3 s per exercise, hidden cases on from
the default GRADEBOOK.seed). Per attack it prints the points of the cheated
exercise, whether the attack succeeded (see attacks.py), and whether the other
exercises kept their marks; per batch, whether the batch and the gradebook stayed
intact. A plain script (not collected by pytest): it measures the sandbox.

As uid 65534 it needs a virtualenv made from /usr/bin/python3 outside /root
(the default one lives under /root, mode 700), owned by that user, with numpy,
nbformat and tqdm; dlkit comes from this worktree through PYTHONPATH. Make it
with ``--setup-nobody`` (uses pip; see README.md).
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

from tests.grading.grading_helpers import EXERCISES, MAX, notebook

from .attacks import ATTACKS

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
NOBODY = 65534
NOBODY_VENV = "/var/tmp/dlkit-heldout-nobody-venv"
PTH = "zz_dlkit_heldout_attack.pth"
DROP = ".dlkit_heldout_drop"
DROP_DIRS = ("/tmp", "/var/tmp", "/dev/shm")
CLI = "import sys; from dlkit.course.cli import main; sys.exit(main())"


# exercise -> the exercises whose functions it calls (a wrong target rightly costs these points too)
CALLS = {"linear_forward": set(), "sigmoid": set(), "relu": set(),
         "linear_activation_forward": {"linear_forward", "sigmoid", "relu"},
         "model_forward": {"linear_activation_forward", "linear_forward", "sigmoid", "relu"}}


def independent_of(target):
    """The other exercises that do not call ``target``: an attack on it must leave them full marks."""
    return [e for e in EXERCISES if e != target and target not in CALLS[e]]


def setup_nobody():
    """The unprivileged user's virtualenv (outside /root, owned by that user)."""
    if not os.path.exists(os.path.join(NOBODY_VENV, "bin", "python")):
        subprocess.run(["/usr/bin/python3", "-m", "venv", NOBODY_VENV], check=True)
        subprocess.run([os.path.join(NOBODY_VENV, "bin", "pip"), "install", "-q", "numpy", "nbformat", "tqdm"],
                       check=True)
    subprocess.run(["chown", "-R", f"{NOBODY}:{NOBODY}", NOBODY_VENV], check=True)


def _site_packages(python, prefix):
    out = subprocess.run(prefix + [python, "-c", "import site, json; print(json.dumps(site.getsitepackages() + "
                                   "[site.getusersitepackages()]))"], capture_output=True, text=True, cwd="/")
    return json.loads(out.stdout) if out.returncode == 0 else []


def _leftovers(python, prefix):
    """Files the attacks may leave on the host, found and removed (so a later run starts clean)."""
    found = []
    for d in _site_packages(python, prefix):
        path = os.path.join(d, PTH)
        if os.path.exists(path):
            found.append(path)
            os.remove(path)
    for d in DROP_DIRS:
        path = os.path.join(d, DROP)
        if os.path.exists(path):
            found.append(path)
            os.remove(path)
    return found


def run_batch(user: str) -> dict:
    if user == "root":
        python, prefix = sys.executable, []
        base = tempfile.mkdtemp(prefix="heldout-attacks-", dir=os.path.expanduser("~"))
        env = dict(os.environ)
    else:
        python = os.path.join(NOBODY_VENV, "bin", "python")
        if not os.path.exists(python):
            return {"user": user, "skipped": f"no virtualenv at {NOBODY_VENV}: run with --setup-nobody"}
        prefix = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
        base = tempfile.mkdtemp(prefix="heldout-attacks-", dir="/var/tmp")
        os.chown(base, NOBODY, NOBODY)
        env = {"PATH": "/usr/bin:/bin", "HOME": base, "PYTHONPATH": REPO, "LANG": "C.UTF-8"}
    _leftovers(python, prefix)
    try:
        subs = os.path.join(base, "submissions")
        os.mkdir(subs)
        names = sorted(ATTACKS) + ["right"]
        for name in names:
            a = ATTACKS.get(name)
            text = notebook(a.functions, preamble=a.preamble) if a else notebook()
            with open(os.path.join(subs, f"{name}.ipynb"), "w") as f:
                f.write(text)
        if user != "root":
            for p in [subs] + glob.glob(os.path.join(subs, "*")):
                os.chown(p, NOBODY, NOBODY)
        book = os.path.join(base, "class.sqlite")
        paths = [os.path.join(subs, f"{name}.ipynb") for name in names]   # one file per learner, as a class is graded
        cmd = prefix + [python, "-c", CLI, "grade", *paths, "--gradebook", book, "--workers", "2", "--timeout", "3",
                        "--quiet", "--assignment", "02_forward_propagation"]   # the instructor names it (issue 13)
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=base, env=env, timeout=900)
        leftovers = _leftovers(python, prefix)
        seed = open(book + ".seed").read().strip() if os.path.exists(book + ".seed") else None
        return {"user": user, **judge(book, names, seed, proc, leftovers)}
    finally:
        shutil.rmtree(base, ignore_errors=True)


def judge(book, names, seed, proc, leftovers) -> dict:
    rows, integrity, triggers = {}, None, []
    if os.path.exists(book):
        conn = sqlite3.connect(f"file:{book}?mode=ro", uri=True)
        for learner, exercise, points, status, report in conn.execute(
                "SELECT learner, exercise, points, status, report FROM grades"):
            rows.setdefault(learner, {})[exercise] = {"points": points, "status": status, "report": report}
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        triggers = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('trigger', 'view')")]
        conn.close()
    graded = re.search(r"graded (\d+) submission", proc.stdout)
    batch = {
        "exit_code": proc.returncode, "graded": int(graded.group(1)) if graded else None, "submissions": len(names),
        "integrity": integrity, "triggers_or_views": triggers,
        "learners_as_expected": sorted(rows) == sorted(names),
        "every_learner_five_rows": all(sorted(r) == sorted(EXERCISES) for r in rows.values()) and bool(rows),
        "right_full_marks": {e: r["points"] for e, r in rows.get("right", {}).items()} == MAX,
        "leftover_files": leftovers,
        "stderr_tail": proc.stderr[-600:] if proc.returncode else "",
    }
    batch["intact"] = (proc.returncode == 0 and batch["graded"] == len(names) and integrity == "ok" and not triggers
                       and batch["learners_as_expected"] and batch["every_learner_five_rows"] and batch["right_full_marks"])
    every_report = "\n".join(r["report"] or "" for rs in rows.values() for r in rs.values())
    results = {}
    for name, a in ATTACKS.items():
        mine = rows.get(name, {})
        target = mine.get(a.target, {"points": None, "status": "no row", "report": ""})
        # when the target itself earned full marks, every other exercise must too; else those not calling it
        spared = [e for e in EXERCISES if e != a.target] if target["points"] == MAX[a.target] else independent_of(a.target)
        others_ok = all(mine.get(e, {}).get("points") == MAX[e] for e in spared)
        if name == "a08_seed_via_report":
            succeeded = bool(seed) and seed in every_report
        elif name == "a10_plant_writer":
            reader = rows.get("z11_plant_reader", {}).get("sigmoid", {}).get("points") or 0
            succeeded = reader > 0 or any(DROP in p for p in leftovers)
        elif name == "a13_forged_report_line":
            succeeded = any(re.match(r"\s*sigmoid: 1/1 passed", line) for line in (target["report"] or "").splitlines()[1:])
        elif a.kind == "harm":
            succeeded = not others_ok
        elif name == "a09_pth_persist":
            succeeded = bool(target["points"]) or any(PTH in p for p in leftovers)
        else:
            succeeded = bool(target["points"])
        results[name] = {"target": a.target, "kind": a.kind, "points": target["points"], "max": MAX[a.target],
                         "status": target["status"], "succeeded": succeeded, "other_exercises_full": others_ok,
                         "rows": {e: f"{r['points']} {r['status']}" for e, r in mine.items()},
                         "report": target["report"], "summary": a.summary}
    return {"batch": batch, "attacks": results, "seed_in_any_report": bool(seed) and seed in every_report}


def _print(runs):
    for run in runs:
        print(f"== as {run['user']} ==")
        if "skipped" in run:
            print("  skipped: " + run["skipped"])
            continue
        b = run["batch"]
        print(f"  batch intact: {'yes' if b['intact'] else 'NO'} (exit {b['exit_code']}, graded {b['graded']}/"
              f"{b['submissions']}, integrity {b['integrity']}, triggers/views {b['triggers_or_views'] or 'none'}, "
              f"one row per exercise {b['every_learner_five_rows']}, right submission full marks {b['right_full_marks']})")
        if b["leftover_files"]:
            print(f"  files left on the host (removed now): {b['leftover_files']}")
        if b["stderr_tail"]:
            print("  stderr: " + b["stderr_tail"].replace("\n", "\n    "))
        won = sum(r["succeeded"] for r in run["attacks"].values())
        print(f"  attacks that succeeded: {won} / {len(run['attacks'])}")
        print(f"  {'attack':26} {'kind':5} {'target':26} {'points':>6}  {'status':15} {'worked':6} others-full")
        for name, r in run["attacks"].items():
            pts = "-" if r["points"] is None else f"{r['points']}/{r['max']}"
            print(f"  {name:26} {r['kind']:5} {r['target']:26} {pts:>6}  {r['status']:15} "
                  f"{'YES' if r['succeeded'] else 'no':6} {'yes' if r['other_exercises_full'] else 'NO'}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--as", dest="users", choices=["root", "nobody", "both"], default="both")
    parser.add_argument("--setup-nobody", action="store_true", help=f"create {NOBODY_VENV} first (pip install)")
    args = parser.parse_args(argv)
    if os.geteuid() != 0:
        users = ["self"]
    else:
        users = ["root", "nobody"] if args.users == "both" else [args.users]
    if args.setup_nobody:
        setup_nobody()
    runs = []
    for user in users:
        runs.append(run_batch("root" if user == "self" else user) if user != "self" else {**run_batch("root"), "user": "self"})
    if args.json:
        json.dump(runs, sys.stdout, indent=1)
        print()
    else:
        _print(runs)


if __name__ == "__main__":
    main()
