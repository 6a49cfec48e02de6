"""Fixtures for the browser test: one JupyterLab and one headless Chromium
for the whole module, a fresh page per notebook, screenshots under
artifacts/browser/ (CI keeps that folder).

Skips, with the reason in the test summary, when Debian's Chromium or
Playwright's Python package is missing. Playwright's own browser download is
never used (it cannot work on these machines): Chromium comes from apt.
"""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from lab_driver import CHROMIUM, CHROMIUM_ARGS, LabServer, NotebookPage, copy_notebooks, missing, student_notebooks

REPO = Path(__file__).resolve().parents[2]
STUDENT_NOTEBOOKS = student_notebooks(REPO)
SCREENSHOTS = REPO / "artifacts" / "browser"

# Big enough to show a cell and its output together, like a laptop screen.
VIEWPORT = {"width": 1400, "height": 1000}

_saved: list[tuple[Path, str]] = []  # (screenshot, what it shows), for the summary
_timings: dict[str, float] = {}      # what -> seconds, for the summary


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab on a scratch copy of notebooks/student/."""
    reason = missing()
    if reason:
        pytest.skip(reason)
    if not any(STUDENT_NOTEBOOKS.glob("*.ipynb")):
        pytest.fail(f"no student notebooks in {STUDENT_NOTEBOOKS}: run `dlkit release` first")
    scratch = tmp_path_factory.mktemp("browser")
    root = copy_notebooks(STUDENT_NOTEBOOKS, scratch / "notebooks")
    # PYTHONPATH: the kernels import this checkout's dlkit even when it is
    # not pip-installed (in CI it is, and this changes nothing).
    started = time.monotonic()
    with LabServer(root, scratch / "lab", extra_pythonpath=REPO) as server:
        _timings["JupyterLab server answering"] = server.startup_seconds
        yield server
    _timings["whole browser test (server start to stop)"] = time.monotonic() - started


@pytest.fixture(scope="module")
def browser_context(lab, tmp_path_factory):
    """Headless Debian Chromium with an empty profile, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True,
            args=CHROMIUM_ARGS, viewport=VIEWPORT)
        context.set_default_timeout(60_000)
        try:
            yield context
        finally:
            context.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    # Keep each phase's report on the test item, so a fixture's teardown can
    # tell whether the test failed (pytest's documented recipe).
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def open_notebook(request, lab, browser_context, screenshot_dir):
    """``open_notebook("01_....ipynb")`` -> NotebookPage with an idle kernel.

    Each notebook gets its own page and its own JupyterLab workspace, so no
    tab of an earlier test is restored next to it. When the test fails, the
    page as it was is saved as FAILED_<test>.png next to the other pictures.
    """
    pages = []

    def _open(name: str, wait_kernel: bool = True) -> NotebookPage:
        page = browser_context.new_page()
        pages.append(page)
        notebook = NotebookPage(page, lab, name)
        page_seconds, kernel_seconds = notebook.open(wait_kernel)
        if wait_kernel:
            _timings[f"{name}: page loaded, first cell shown"] = page_seconds
            _timings[f"{name}: then kernel started and idle"] = kernel_seconds
        return notebook

    yield _open
    report = getattr(request.node, "report_call", None)
    for number, page in enumerate(pages):
        if report is not None and report.failed:
            path = screenshot_dir / f"FAILED_{request.node.name}_{number}.png"
            try:
                page.screenshot(path=str(path))
                _saved.append((path, f"the page when {request.node.name} failed"))
            except Exception as error:  # a dead page must not hide the real failure
                print(f"could not save {path}: {error}")
        page.close()
    lab.shutdown_kernels()


@pytest.fixture(scope="session")
def screenshot_dir():
    """artifacts/browser/, emptied of the previous run's pictures."""
    if SCREENSHOTS.exists():
        for old in SCREENSHOTS.glob("*.png"):
            old.unlink()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def shoot(screenshot_dir):
    """``shoot(notebook, "name", "what it shows", cell_index)`` saves a
    screenshot and lists it in the run's summary."""

    def _shoot(notebook: NotebookPage, name: str, shows: str, cell_index: int | None = None) -> Path:
        path = notebook.screenshot(screenshot_dir / f"{name}.png", cell_index)
        _saved.append((path, shows))
        print(f"screenshot: {path}  ({shows})")
        return path

    return _shoot


@pytest.fixture
def timing():
    """``timing("what", seconds)`` records a duration for the summary."""
    def _record(what: str, seconds: float) -> None:
        _timings[what] = seconds
    return _record


def pytest_terminal_summary(terminalreporter):
    if not (_saved or _timings):
        return
    terminalreporter.section("browser test: screenshots and timings")
    for path, shows in _saved:
        try:
            shown = path.relative_to(REPO)
        except ValueError:
            shown = path
        terminalreporter.write_line(f"{shown}: {shows}")
    for what, seconds in _timings.items():
        terminalreporter.write_line(f"{seconds:6.1f} s  {what}")
