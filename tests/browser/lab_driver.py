"""Drive a real JupyterLab in headless Chromium the way a learner does.

Two pieces, both plain helpers so the test reads like the learner's path:

* ``LabServer``: a JupyterLab started from this very Python (so it sees the
  same dlkit, numpy and ipykernel as the tests) on a free port with a token,
  serving a folder of notebooks; its settings live in a temporary folder so a
  developer's own JupyterLab settings or workspaces never leak in.
* ``NotebookPage``: one notebook open in a Playwright page, with the few
  gestures a learner makes: wait for the kernel, click a cell, replace its
  text, press Shift+Enter, read what appeared under it.

Everything waits on something visible (a selector, a prompt number, a text)
with a generous timeout, never on a fixed sleep.
"""
from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")

# Flags from the issue: a clean, quiet, headless Chromium that needs no GPU,
# no sandbox (CI runs as root) and talks to nothing but the local server.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]

# JupyterLab user settings for the test server. windowingMode "none" keeps
# every cell in the DOM, so a cell far down the notebook can be found and
# read without scrolling tricks; the notification settings stop the "news"
# toast from covering the screenshots (and from reaching the network).
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {
        "windowingMode": "none",
    },
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}

# A cell prompt once the kernel has run it: "[3]:" (it shows "[*]:" while
# the cell waits or runs, "[ ]:" before it ever ran).
_DONE_PROMPT = re.compile(r"\[\d+\]")


# The rendered text of each markdown cell, without code (where $ and \\ are
# legitimate) and without MathJax's own output.
_MARKDOWN_TEXT_JS = """panel => Array.from(panel.querySelectorAll('.jp-RenderedMarkdown'), md => {
    const copy = md.cloneNode(true);
    copy.querySelectorAll('code, pre, mjx-container').forEach(el => el.remove());
    return copy.textContent;
})"""
_RAW_LATEX = re.compile(r".{0,30}(?:\$|\\[A-Za-z]+|[\^_]\{).{0,30}")


def missing() -> str | None:
    """Why the browser tests cannot run here (no Playwright, no Debian Chromium), or None."""
    import importlib.util

    if importlib.util.find_spec("playwright") is None:
        return "playwright is not installed (pip install -e '.[test]')"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install chromium; .ci/run does this)"
    return None


def student_notebooks(repo: Path) -> Path:
    """notebooks/student/ of the checkout, or the folder named by the
    DLKIT_BROWSER_NOTEBOOKS variable (to try notebooks not yet released)."""
    override = os.environ.get("DLKIT_BROWSER_NOTEBOOKS")
    return Path(override) if override else repo / "notebooks" / "student"


def free_port() -> int:
    """A TCP port nobody listens on right now (the OS picks it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def squash(text: str) -> str:
    """Collapse runs of whitespace, so text compares the same whether it was
    printed to a <pre> or wrapped by the browser."""
    return " ".join(text.split())


def copy_notebooks(src: Path, dst: Path) -> Path:
    """A scratch copy of a notebook folder, so typing into cells and the
    autosaves JupyterLab makes never touch the repository."""
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return dst


class LabServer:
    """JupyterLab serving ``root_dir``; use as a context manager.

    ``extra_pythonpath`` is put on the kernels' PYTHONPATH so notebooks can
    ``import dlkit`` from a checkout that is not pip-installed.
    """

    def __init__(self, root_dir: Path, state_dir: Path, extra_pythonpath: Path | None = None,
                 start_timeout: float = 60.0):
        self.root_dir = Path(root_dir)
        self.state_dir = Path(state_dir)
        self.extra_pythonpath = extra_pythonpath
        self.start_timeout = start_timeout
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.proc: subprocess.Popen | None = None
        self._log = None
        self.log_path = self.state_dir / "jupyterlab.log"
        self.startup_seconds: float | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def notebook_url(self, name: str) -> str:
        """The notebook in a fresh workspace of its own, so JupyterLab
        restores no tab of an earlier page next to it.

        The workspace is named after the whole path plus a random suffix:
        ``06_training.ipynb`` and ``solved/06_training.ipynb`` share a stem,
        and a workspace named by the stem alone reopened the first one's tab
        behind the second (its hidden cells then matched the cell locators).
        ``reset`` starts the workspace empty even if the name was used before.
        """
        slug = re.sub(r"[^A-Za-z0-9]+", "-", str(Path(name).with_suffix(""))).strip("-")
        workspace = f"{slug}-{secrets.token_hex(4)}"
        return f"{self.base_url}/lab/workspaces/{workspace}/tree/{name}?reset&token={self.token}"

    def _environment(self) -> dict:
        env = dict(os.environ)
        settings = self.state_dir / "lab-settings"
        for rel, values in LAB_SETTINGS.items():
            path = settings / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values))
        env["JUPYTERLAB_SETTINGS_DIR"] = str(settings)
        env["JUPYTERLAB_WORKSPACES_DIR"] = str(self.state_dir / "lab-workspaces")
        # Kernel connection files stay out of the developer's ~/.local.
        env["JUPYTER_RUNTIME_DIR"] = str(self.state_dir / "runtime")
        # A fresh IPython profile: no developer's startup scripts in the kernel.
        env["IPYTHONDIR"] = str(self.state_dir / "ipython")
        # The kernel must pick the inline backend, as it does for a learner.
        env.pop("MPLBACKEND", None)
        if self.extra_pythonpath is not None:
            parts = [str(self.extra_pythonpath)]
            parts += [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
            env["PYTHONPATH"] = os.pathsep.join(parts)
        return env

    def start(self) -> "LabServer":
        self.state_dir.mkdir(parents=True, exist_ok=True)
        # `-m jupyterlab`, not `-m jupyter lab`: the latter looks the
        # jupyter-lab script up on PATH, where another Python's JupyterLab
        # can come first (a venv that is not activated, as under make test).
        cmd = [
            sys.executable, "-m", "jupyterlab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={self.port}",
            "--port-retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.root_dir}",
        ]
        if os.geteuid() == 0:  # CI runs as root; a normal user starts it as `make course` does, without
            cmd.append("--allow-root")
        started = time.monotonic()
        self._log = open(self.log_path, "w")
        self.proc = subprocess.Popen(cmd, stdout=self._log, stderr=subprocess.STDOUT,
                                     env=self._environment(), cwd=self.root_dir)
        self._wait_until_answering()
        self.startup_seconds = time.monotonic() - started
        return self

    def _wait_until_answering(self) -> None:
        url = f"{self.base_url}/api/status?token={self.token}"
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with code {self.proc.returncode}; "
                                   f"log:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:  # URLError, refused, reset: not up yet
                pass
            time.sleep(0.25)
        self.stop()
        raise RuntimeError(f"JupyterLab did not answer on {url} within "
                           f"{self.start_timeout:.0f} s; log:\n{self.log_tail()}")

    def _api(self, method: str, path: str):
        request = urllib.request.Request(f"{self.base_url}{path}", method=method,
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        """End every notebook session (and its kernel), as closing and
        shutting down a notebook does; frees memory between notebooks."""
        for session in self._api("GET", "/api/sessions"):
            self._api("DELETE", f"/api/sessions/{session['id']}")

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        """Stop the server; it shuts its kernels down with it."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        if self._log is not None:
            self._log.close()
            self._log = None

    def __enter__(self) -> "LabServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


class NotebookPage:
    """One notebook open in JupyterLab, driven through the page."""

    def __init__(self, page, server: LabServer, name: str, timeout_ms: float = 60_000):
        self.page = page
        self.server = server
        self.name = name
        self.timeout_ms = timeout_ms
        self.panel = page.locator(".jp-NotebookPanel:visible")

    # -- opening -----------------------------------------------------------
    def open(self, wait_kernel: bool = True) -> tuple[float, float]:
        """Open the notebook and (unless told not to) wait until its kernel
        is idle. Returns the seconds from navigation to the first cell on
        screen, and from there to an idle kernel (0 if not waited for)."""
        started = time.monotonic()
        self.page.goto(self.server.notebook_url(self.name), timeout=self.timeout_ms)
        self.panel.locator(".jp-Cell").first.wait_for(state="visible", timeout=self.timeout_ms)
        shown = time.monotonic()
        # Cell indexes count the cells of every notebook panel on the page, so
        # a second tab (a restored workspace) would shift them all: say so
        # here rather than time out later on a cell in the hidden tab.
        tabs = self.page.locator(".jp-NotebookPanel").count()
        if tabs != 1:
            raise AssertionError(f"{self.name}: the page shows {tabs} notebook tabs, expected only this one")
        if wait_kernel:
            self.wait_kernel_idle()
        return shown - started, time.monotonic() - shown

    def wait_kernel_idle(self, timeout_ms: float | None = None) -> None:
        """Wait until the status bar says "Python 3 (ipykernel) | Idle".

        (The toolbar's execution indicator already says idle while the
        kernel is still "Initializing", so it is not a safe signal.)
        """
        status = self.page.locator("#jp-main-statusbar").get_by_text(re.compile(r"Python 3.*\|\s*Idle\b"))
        status.first.wait_for(state="visible", timeout=timeout_ms or self.timeout_ms)

    # -- rendering ---------------------------------------------------------
    def raw_latex(self) -> list[str]:
        """Pieces of LaTeX source still visible in the rendered markdown
        (a $, a \\command, a ^{ or _{ outside code and typeset math), with a
        little context each; empty once MathJax has typeset everything."""
        texts = self.panel.evaluate(_MARKDOWN_TEXT_JS)
        return [hit for text in texts for hit in _RAW_LATEX.findall(text)]

    def wait_typeset(self, timeout_ms: float | None = None) -> list[str]:
        """Wait until MathJax has typeset every formula; returns what is
        still raw when the time is up (empty on success)."""
        deadline = time.monotonic() + (timeout_ms or self.timeout_ms) / 1000
        while True:
            left = self.raw_latex()
            if not left or time.monotonic() > deadline:
                return left
            self.page.wait_for_timeout(250)

    # -- cells -------------------------------------------------------------
    def cell(self, index: int):
        return self.panel.locator(".jp-Notebook .jp-Cell").nth(index)

    def cell_count(self) -> int:
        return self.panel.locator(".jp-Notebook .jp-Cell").count()

    def is_code(self, index: int) -> bool:
        return "jp-CodeCell" in (self.cell(index).get_attribute("class") or "").split()

    def select(self, index: int) -> None:
        """Click the cell's prompt (selects it without entering the editor),
        then Escape to be sure the notebook is in command mode."""
        cell = self.cell(index)
        cell.scroll_into_view_if_needed(timeout=self.timeout_ms)
        cell.locator(".jp-InputPrompt").click()
        self.page.keyboard.press("Escape")

    def _prompt(self, index: int) -> str:
        return squash(self.cell(index).locator(".jp-InputPrompt").inner_text())

    def run(self, index: int, timeout_ms: float | None = None) -> str:
        """Select cell ``index``, press Shift+Enter, wait until it finished,
        and return the text of its outputs."""
        self.select(index)
        if not self.is_code(index):
            self.page.keyboard.press("Shift+Enter")  # just renders markdown
            return ""
        before = self._prompt(index)
        self.page.keyboard.press("Shift+Enter")
        # If the key press was swallowed (focus still settling after the page
        # loaded), the prompt has not even changed to [*]: press once more.
        # Only then is a second press safe, so the cell still runs once.
        if not self._wait_prompt(index, lambda p: p != before, 5.0):
            self.select(index)
            self.page.keyboard.press("Shift+Enter")
        # Finished = a number that differs from the one it had before (a
        # re-run cell goes [1] -> [*] -> [5]).
        limit = (timeout_ms or self.timeout_ms) / 1000
        if not self._wait_prompt(index, lambda p: bool(_DONE_PROMPT.search(p)) and p != before, limit):
            raise TimeoutError(f"cell {index} of {self.name} still not finished after "
                               f"{limit:.0f} s (prompt {self._prompt(index)!r})")
        return self.output_text(index)

    def _wait_prompt(self, index: int, ok, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if ok(self._prompt(index)):
                return True
            self.page.wait_for_timeout(100)
        return False

    def run_through(self, last: int, timeout_ms: float | None = None) -> None:
        """Run every code cell from the top down to ``last`` (inclusive), in
        order, the way a learner works down the notebook."""
        for index in range(last + 1):
            if self.is_code(index):
                output = self.run(index, timeout_ms)
                # Stop at the first crash: later cells would only fail
                # for the same reason, further from the cause.
                if "Traceback" in output:
                    raise AssertionError(f"cell {index} of {self.name} raised an error:\n{output}")

    def output_text(self, index: int) -> str:
        outputs = self.cell(index).locator(".jp-OutputArea-output")
        return squash(" ".join(outputs.all_inner_texts()))

    def source(self, index: int) -> str:
        return self.cell(index).locator(".cm-content").inner_text()

    def set_source(self, index: int, text: str) -> None:
        """Replace a cell's text: click into its editor, select all, insert.

        insert_text delivers the text in one input event, as a paste does, so
        the editor's auto-indent and bracket closing do not rewrite it.
        """
        cell = self.cell(index)
        cell.scroll_into_view_if_needed(timeout=self.timeout_ms)
        cell.locator(".cm-content").click()
        self.page.keyboard.press("Control+a")
        self.page.keyboard.press("Delete")
        self.page.keyboard.insert_text(text)
        self.page.keyboard.press("Escape")  # back to command mode
        shown = squash(self.source(index))
        if shown != squash(text):
            raise AssertionError(f"cell {index}: the editor shows {shown!r}, "
                                 f"expected {squash(text)!r}")

    def find_cell(self, predicate) -> int:
        """Index of the first cell whose editor text satisfies ``predicate``."""
        for index in range(self.cell_count()):
            if predicate(self.source(index)):
                return index
        raise LookupError(f"no matching cell in {self.name}")

    def screenshot(self, path: Path, cell_index: int | None = None) -> Path:
        """Save what the learner sees; with ``cell_index`` that cell is
        scrolled into view first."""
        if cell_index is not None:
            self.cell(cell_index).scroll_into_view_if_needed(timeout=self.timeout_ms)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(path))
        return path
