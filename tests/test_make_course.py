"""`make course`, the README's first command: JupyterLab starts as root and as a
normal user, and opens without the "Jupyter news?" pop-up.

The server test runs the Makefile's own course command (with LAB_ARGS for a
free port, a known token and no browser), waits until the server answers,
reads the settings JupyterLab hands the page, and stops it. It runs as
whoever runs the suite (root in CI). As root, the same command also runs on
a fresh copy of the tracked files (the system Python, no .venv), once as root
and once as uid 65534, so the first README command is tried from nothing by
both; the dry run checks `--allow-root` is passed exactly when `id -u` is 0.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTIFICATION = "@jupyterlab/apputils-extension:notification"


def _dry_run(*prefix: str) -> str:
    """The commands `make course` would run, as the user `prefix` switches to."""
    out = subprocess.run(
        [*prefix, "make", "--no-print-directory", "-n", "-C", str(ROOT), "course"],
        capture_output=True, text=True, check=True,
    ).stdout
    return next(line for line in out.splitlines() if "jupyter lab" in line)


def test_allow_root_only_for_root():
    if os.getuid() == 0:
        assert "--allow-root" in _dry_run()
        setpriv = shutil.which("setpriv")
        assert setpriv, "setpriv (util-linux) is needed to check the command for a normal user"
        # make -n only reads the Makefile (world-readable), so uid 65534 can run it.
        nobody = _dry_run(setpriv, "--reuid=65534", "--regid=65534", "--clear-groups")
        assert "--allow-root" not in nobody
        assert "jupyter lab" in nobody
    else:
        assert "--allow-root" not in _dry_run()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str):
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.load(response)


def _lab_args(port: int, token: str) -> str:
    return (f"--no-browser --ip=127.0.0.1 --port={port} --ServerApp.port_retries=0 "
            f"--IdentityProvider.token={token}")


def _serve_and_check(command: list[str], env: dict, port: int, token: str, start_timeout: float) -> None:
    """Run ``command`` (a `make course`), wait until JupyterLab answers on
    ``port``, check the course's notification settings reach the page, stop it."""
    server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + start_timeout
        while True:
            try:
                status = _get(f"{base}/api/status?token={token}")
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if server.poll() is not None or time.monotonic() > deadline:
                    output = server.stdout.read().decode(errors="replace") if server.poll() is not None else ""
                    pytest.fail(f"make course did not bring up JupyterLab on port {port}:\n{output[-3000:]}")
                time.sleep(0.5)
        assert "started" in status
        plugin = _get(f"{base}/lab/api/settings/{NOTIFICATION}?token={token}")
        # The page's value (its "composite") is the user's setting if any, else
        # the schema's default, where the server has put the course's overrides.
        # "none" (JupyterLab's own default) is what makes the page ask about news.
        def composite(key):
            return plugin["settings"].get(key, plugin["schema"]["properties"][key]["default"])

        assert composite("fetchNews") == "false"
        assert composite("checkForUpdates") is False
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        server.stdout.close()


@pytest.mark.skipif(not (ROOT / ".venv" / "bin" / "jupyter").exists(),
                    reason="needs the course venv (.venv with JupyterLab), which `make test` builds")
def test_make_course_starts_jupyterlab_without_news_popup(tmp_path):
    port, token = _free_port(), "dlkit-test-token"
    # A fresh HOME and JUPYTER dirs: the learner's (here the tester's) global
    # settings can neither hide nor cause the pop-up, so what is asserted is
    # what the course ships.
    env = {**os.environ, "HOME": str(tmp_path), "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
           "JUPYTER_DATA_DIR": str(tmp_path / "data"), "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")}
    command = ["make", "--no-print-directory", "-C", str(ROOT), "course", f"LAB_ARGS={_lab_args(port, token)}"]
    _serve_and_check(command, env, port, token, start_timeout=120)


NOBODY = 65534


@pytest.mark.skipif(os.getuid() != 0, reason="run as a normal user, the test above already is the "
                    "normal-user start; this one needs root to switch to uid 65534")
@pytest.mark.parametrize("uid", [0, NOBODY], ids=["as root", "as a normal user"])
def test_make_course_on_a_fresh_checkout(uid):
    """The README's first command from nothing, as root (containers, CI) and as a normal user
    (uid 65534): a copy of the tracked files owned by that user, no .venv, the system Python, a
    clean environment. `make course` must build its own .venv (pip from the package index) and
    start JupyterLab, with --allow-root exactly for root."""
    setpriv = shutil.which("setpriv")
    assert setpriv, "setpriv (util-linux) is needed to run make course as uid 65534"
    python = shutil.which("python3", path="/usr/bin:/bin")
    assert python, "a system python3 in /usr/bin that uid 65534 can run is needed"
    # Not under /tmp/pytest-of-root (mode 700): uid 65534 must reach it.
    base = Path(tempfile.mkdtemp(prefix="dlkit-course-fresh-", dir="/var/tmp"))
    try:
        checkout, home = base / "dlkit", base / "home"
        tracked = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z"], capture_output=True,
                                 check=True).stdout.decode().split("\0")
        for name in filter(None, tracked):
            source = ROOT / name
            if source.is_file():
                (checkout / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, checkout / name)
        home.mkdir()
        for path in [base, *base.rglob("*")]:
            os.chown(path, uid, uid, follow_symlinks=False)
        port, token = _free_port(), f"dlkit-test-token-{uid}"
        env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8"}
        as_user = [setpriv, f"--reuid={uid}", f"--regid={uid}", "--clear-groups"] if uid else []
        make = ["make", "--no-print-directory", "-C", str(checkout), "course"]
        assert ("--allow-root" in _dry_run(*as_user)) == (uid == 0)
        # Minutes, not seconds: this start installs JupyterLab into the new .venv first.
        _serve_and_check([*as_user, *make, f"LAB_ARGS={_lab_args(port, token)}"], env, port, token,
                         start_timeout=900)
        assert (checkout / ".venv" / ".course").exists(), "make course did not record its venv"
        assert (checkout / ".venv").stat().st_uid == uid
    finally:
        shutil.rmtree(base, ignore_errors=True)
