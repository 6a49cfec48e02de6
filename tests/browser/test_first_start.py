"""The README's first command in a real browser: `make course` starts JupyterLab, and Chromium opens
the page it would open for the learner (the server's own jpserver-file-to-run-*-open.html, which
redirects to the first notebook). The first notebook shows, its kernel starts, and no "Jupyter
news?" pop-up covers it.

The control: the same `make course` with the course's settings taken away (LAB_SETTINGS= on make's
command line) shows the pop-up within the same wait, so this test does see it when it is there.
Both runs get a fresh HOME and Jupyter folders: the tester's own settings can neither hide nor
cause the pop-up. (tests/test_make_course.py checks the same settings through the server's API,
and that `make course` runs as root and as a normal user.)
"""
from __future__ import annotations

import os
import re
import secrets
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from lab_driver import CHROMIUM, CHROMIUM_ARGS, NotebookPage, copy_notebooks, free_port, missing

REPO = Path(__file__).resolve().parents[2]
NEWS = "Would you like to get notified about official Jupyter news?"
# How long after the kernel is idle the page is watched for the pop-up. JupyterLab asks as soon as
# its notification plugin has read the settings, before the notebook's kernel is even up: the control
# below sees it at once.
WATCH_SECONDS = 5.0


def _first_notebook() -> str:
    match = re.search(r"^FIRST_NOTEBOOK\s*:?=\s*(\S+)", (REPO / "Makefile").read_text(), re.MULTILINE)
    assert match, "Makefile no longer names FIRST_NOTEBOOK"
    return Path(match.group(1)).name


@pytest.fixture(scope="module", autouse=True)
def _needs_a_browser():
    reason = missing()
    if reason:
        pytest.skip(reason)
    if not (REPO / ".venv" / "bin" / "jupyter").exists():
        pytest.skip("needs the course venv (.venv with JupyterLab), which `make test` builds")


def _make_course(home: Path, *make_vars: str):
    """Start `make course` (no browser of its own, a free port); return (process, the page it opens).

    FIRST_NOTEBOOK points at the same notebook in a scratch copy of notebooks/student/, so the
    checkpoints JupyterLab writes next to an opened notebook stay out of the checkout."""
    scratch = copy_notebooks(REPO / "notebooks" / "student", home / "notebooks")
    port, token = free_port(), secrets.token_hex(8)
    runtime = home / "runtime"
    env = {**os.environ, "HOME": str(home), "JUPYTER_CONFIG_DIR": str(home / "config"),
           "JUPYTER_DATA_DIR": str(home / "data"), "JUPYTER_RUNTIME_DIR": str(runtime),
           "IPYTHONDIR": str(home / "ipython")}
    for name in ("JUPYTERLAB_SETTINGS_DIR", "JUPYTERLAB_WORKSPACES_DIR", "JUPYTER_PATH"):
        env.pop(name, None)
    lab_args = (f"--no-browser --ip=127.0.0.1 --port={port} --ServerApp.port_retries=0 "
                f"--IdentityProvider.token={token}")
    server = subprocess.Popen(["make", "--no-print-directory", "-C", str(REPO), "course",
                               f"LAB_ARGS={lab_args}", f"FIRST_NOTEBOOK={scratch / _first_notebook()}", *make_vars],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 120
    while True:
        opened = sorted(runtime.glob("jpserver-file-to-run-*-open.html"))
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token={token}", timeout=2).close()
            if opened:
                return server, opened[0]
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            _stop(server)
            pytest.fail(f"make course did not bring up JupyterLab with its page to open:\n"
                        f"{server.stdout.read().decode(errors='replace')[-3000:]}")
        time.sleep(0.25)


def _stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    server.stdout.close()


def _first_start(tmp_path: Path, name: str, *make_vars: str, shoot, picture: tuple[str, str]) -> float | None:
    """Open what `make course` opens in a fresh Chromium; the seconds from the kernel being idle
    until the news pop-up showed, or None when it did not show within WATCH_SECONDS."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    home = tmp_path / name
    home.mkdir()
    server, page_to_open = _make_course(home, *make_vars)
    try:
        with sync_playwright() as playwright:
            context = playwright.chromium.launch_persistent_context(
                str(home / "chromium-profile"), executable_path=str(CHROMIUM), headless=True,
                args=CHROMIUM_ARGS, viewport={"width": 1400, "height": 1000})
            try:
                page = context.new_page()
                page.goto(page_to_open.as_uri())
                notebook = NotebookPage(page, None, _first_notebook())
                notebook.panel.locator(".jp-Cell").first.wait_for(state="visible", timeout=120_000)
                current = page.locator("#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current")
                assert current.all_inner_texts() == [_first_notebook()], current.all_inner_texts()
                notebook.wait_kernel_idle(timeout_ms=120_000)
                idle = time.monotonic()
                try:
                    page.get_by_text(NEWS).wait_for(state="visible", timeout=WATCH_SECONDS * 1000)
                    seconds = time.monotonic() - idle
                except PlaywrightTimeout:
                    seconds = None
                shoot(notebook, *picture)
                return seconds
            finally:
                context.close()
    finally:
        _stop(server)


def test_make_course_opens_the_first_notebook_without_the_news_popup(tmp_path, shoot):
    # The control first: JupyterLab's own default asks about news, and the test sees the question.
    shown = _first_start(tmp_path, "without-course-settings", "LAB_SETTINGS=", shoot=shoot, picture=(
        "00_first_start_without_course_settings", "control: make course without the course's settings asks about news"))
    assert shown is not None, (f"without the course's settings JupyterLab did not ask {NEWS!r} within "
                               f"{WATCH_SECONDS} s: the pop-up's text or timing changed, so the check "
                               f"below would prove nothing; update NEWS")
    # What the learner gets: the course's settings, no question.
    assert _first_start(tmp_path, "course", shoot=shoot, picture=(
        "00_first_start_make_course", "make course: the first notebook, kernel idle, no news pop-up")) is None, \
        f"make course opened JupyterLab with the {NEWS!r} pop-up"
