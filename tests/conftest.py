"""Shared fixtures: the repository root and seed corpus; a real Streamlit server and Chromium.

``streamlit_server`` starts ``python -m streamlit run dashboard.py`` on a free loopback
port and yields its base URL once ``/_stcore/health`` answers; ``browser`` launches
/usr/bin/chromium through PyPI playwright (never downloads a browser). Screenshot
tests (issue 7) reuse both, and :func:`open_page` to load a page and wait for its charts.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED_DIR = ROOT / "data" / "articles"
SEED_IDS = ("000_599179000b3c905d", "004_76dfa7cb8ca091fe")
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def seed_articles():
    from analysis.corpus import load_paths

    result = load_paths([SEED_DIR])
    assert not result.errors
    return {a.id: a for a in result.articles}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {proc.returncode} before it was healthy")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"{url}/_stcore/health did not answer within {timeout:.0f} s")


def start_streamlit(
    env: dict[str, str] | None = None, log: Path | None = None
) -> tuple[subprocess.Popen, str]:
    """Start the dashboard headless on a free loopback port; return (process, base URL)."""
    port = free_port()
    out = open(log, "wb") if log else subprocess.DEVNULL
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "dashboard.py",
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(port),
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=out,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    if log:
        out.close()  # the child keeps its own copy of the descriptor
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
    except Exception:
        stop_streamlit(proc)
        raise
    return proc, url


def stop_streamlit(proc: subprocess.Popen) -> None:
    """SIGTERM the server's process group (Streamlit takes ~3 s to exit), then SIGKILL."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)


@pytest.fixture(scope="session")
def streamlit_server() -> Iterator[str]:
    """Base URL of the dashboard running on the default corpus."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    proc, url = start_streamlit(log=ARTIFACTS / "streamlit.log")
    try:
        yield url
    finally:
        stop_streamlit(proc)


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium driven by playwright (fails with a hint when it is missing)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: run `bash scripts/test.sh` (installs it) "
            "or deselect with -m 'not e2e'"
        )
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


def open_page(page, url: str, timeout_ms: int = 60_000) -> None:
    """Go to ``url`` and wait until the script has finished and every Plotly chart has drawn."""
    page.goto(url, wait_until="domcontentloaded", timeout=timeout_ms)
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout_ms)
    page.wait_for_selector('[data-testid="stMainBlockContainer"] h1', timeout=timeout_ms)
    # The status widget shows "Running…" while the script runs.
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout_ms
    )
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
                 .every(el => el.querySelector('.main-svg'))""",
        timeout=timeout_ms,
    )
    page.wait_for_timeout(400)  # let Plotly finish its transitions before a screenshot
