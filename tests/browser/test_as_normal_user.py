"""The payoff of the learner's path again, as a normal user (CI runs as root).

As root, this runs test_learner_path.py's two notebook-6 tests (the learner's own blocks train the
network and its cost curve shows; one failing block is named and the learner still finishes) as
uid 65534, the way tests/test_make_course.py starts `make course` as a normal user: a copy of the
tracked files owned by that user under /var/tmp (uid 65534 cannot read /root, where the default
Python and maybe this checkout live), the course's own .venv built by `make venv` from the system
Python, Playwright and pytest added to it, a clean environment and a HOME of its own. JupyterLab
then runs without --allow-root, and Chromium, the kernels and the notebooks' files belong to that
user. The inner run's screenshots are copied to artifacts/browser/as_normal_user/.

Run as a normal user, the suite's own browser tests already are this case, so this one skips.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time
import tomllib
from pathlib import Path

import pytest

from lab_driver import missing

REPO = Path(__file__).resolve().parents[2]
NOBODY = 65534
TESTS = "test_learner_trains_a_network_with_their_own_blocks or test_one_failing_block_is_named_and_the_learner_still_finishes"


def _test_requirements() -> list[str]:
    """pytest and playwright as the test extra of pyproject.toml pins them."""
    extras = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["optional-dependencies"]["test"]
    wanted = [req for req in extras if re.match(r"(pytest|playwright)\b(?!-)", req)]
    assert len(wanted) == 2, extras
    return wanted


@pytest.mark.skipif(os.getuid() != 0, reason="run as a normal user, the browser tests above already are the "
                    "normal-user run; this one needs root to switch to uid 65534")
def test_learner_path_in_the_browser_as_a_normal_user(timing):
    reason = missing()
    if reason:
        pytest.skip(reason)
    setpriv = shutil.which("setpriv")
    assert setpriv, "setpriv (util-linux) is needed to run the browser test as uid 65534"
    assert shutil.which("python3", path="/usr/bin:/bin"), "a system python3 that uid 65534 can run is needed"
    base = Path(tempfile.mkdtemp(prefix="dlkit-browser-nobody-", dir="/var/tmp"))
    try:
        checkout, home = base / "dlkit", base / "home"
        tracked = subprocess.run(["git", "-C", str(REPO), "ls-files", "-z"], capture_output=True,
                                 check=True).stdout.decode().split("\0")
        for name in filter(None, tracked):
            if (REPO / name).is_file():
                (checkout / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(REPO / name, checkout / name)
        home.mkdir()
        for path in [base, *base.rglob("*")]:
            os.chown(path, NOBODY, NOBODY, follow_symlinks=False)
        as_nobody = [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
                     "env", "-i", "PATH=/usr/bin:/bin", f"HOME={home}", "LANG=C.UTF-8"]

        def run(*command, timeout, what):
            started = time.monotonic()
            done = subprocess.run([*as_nobody, *command], cwd=checkout, capture_output=True, text=True,
                                  timeout=timeout)
            assert done.returncode == 0, f"{' '.join(command)} as uid {NOBODY} failed:\n" \
                                         f"{done.stdout[-6000:]}\n{done.stderr[-3000:]}"
            timing(f"as uid {NOBODY}: {what}", time.monotonic() - started)
            return done.stdout

        # The course's .venv, as `make course` builds it, plus what the browser test needs.
        run("make", "--no-print-directory", "venv", timeout=900, what="make venv (the course's .venv)")
        run(".venv/bin/pip", "install", "--quiet", *_test_requirements(), timeout=900,
            what="pip install " + " ".join(_test_requirements()))
        out = run(".venv/bin/python", "-m", "pytest", "tests/browser/test_learner_path.py", "-k", TESTS,
                  "-p", "no:cacheprovider", "-q", timeout=900, what="notebook 6's two browser tests")
        assert re.search(r"\b2 passed\b", out), out
        assert (checkout / ".venv").stat().st_uid == NOBODY
        shots = REPO / "artifacts" / "browser" / "as_normal_user"
        shutil.rmtree(shots, ignore_errors=True)
        shutil.copytree(checkout / "artifacts" / "browser", shots)
        assert (shots / "09_own_network_cost_curve.png").exists()
    finally:
        shutil.rmtree(base, ignore_errors=True)
