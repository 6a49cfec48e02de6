"""`make course`, the README's first command: JupyterLab starts as root and as a
normal user, and opens without the "Jupyter news?" pop-up.

The server test runs the Makefile's own course command (with LAB_ARGS for a
free port, a known token and no browser), waits until the server answers,
reads the settings JupyterLab hands the page, and stops it. It runs as
whoever runs the suite (root in CI). A live start as an unprivileged user
needs a virtualenv that user can read, which the suite's .venv (made from
/root's Python) is not, so for the other identity the test checks the command
make would run: `--allow-root` exactly when `id -u` is 0.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
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


@pytest.mark.skipif(not (ROOT / ".venv" / "bin" / "jupyter").exists(),
                    reason="needs the course venv (.venv with JupyterLab), which `make test` builds")
def test_make_course_starts_jupyterlab_without_news_popup(tmp_path):
    port, token = _free_port(), "dlkit-test-token"
    lab_args = (f"--no-browser --ip=127.0.0.1 --port={port} --ServerApp.port_retries=0 "
                f"--IdentityProvider.token={token}")
    # A fresh HOME and JUPYTER dirs: the learner's (here the tester's) global
    # settings can neither hide nor cause the pop-up, so what is asserted is
    # what the course ships.
    env = {**os.environ, "HOME": str(tmp_path), "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
           "JUPYTER_DATA_DIR": str(tmp_path / "data"), "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")}
    server = subprocess.Popen(
        ["make", "--no-print-directory", "-C", str(ROOT), "course", f"LAB_ARGS={lab_args}"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
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
