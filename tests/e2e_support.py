"""Helpers for end-to-end tests: start the dashboard headless, drive Debian's Chromium.

Importable from any test (tests/conftest.py puts this folder on ``sys.path``):
``from e2e_support import start_streamlit, stop_streamlit, open_page, CHROMIUM_ARGS``.
The session fixtures ``streamlit_server`` and ``browser`` in tests/conftest.py use them.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
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


APP_IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
APP_RUNNING = '[data-testid="stApp"][data-test-script-state="running"]'


def wait_for_app(page, timeout_ms: int = 90_000, min_charts: int = 0) -> None:
    """Wait until the script run has finished and every Plotly chart (``min_charts`` at least) has drawn."""
    page.wait_for_selector('[data-testid="stMain"] h1', timeout=timeout_ms)  # the page's title is out
    page.wait_for_selector(APP_IDLE, timeout=timeout_ms)
    if min_charts:
        page.wait_for_function(
            f"() => document.querySelectorAll('[data-testid=\"stPlotlyChart\"] .main-svg').length >= {min_charts}",
            timeout=timeout_ms,
        )
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
                 .every(el => el.querySelector('.main-svg'))""",
        timeout=timeout_ms,
    )
    page.wait_for_timeout(500)  # let Plotly finish its transitions before a screenshot


def wait_for_rerun(page, timeout_ms: int = 90_000, min_charts: int = 0) -> None:
    """After a click that reruns the script: wait for the run to start (if it is not over yet), then end."""
    try:
        page.wait_for_selector(APP_RUNNING, timeout=3_000)
    except Exception:
        pass
    wait_for_app(page, timeout_ms, min_charts)


def open_page(page, url: str, timeout_ms: int = 90_000, min_charts: int = 0) -> None:
    """Go to ``url`` and wait until the page's script has run and its charts have drawn."""
    page.goto(url, wait_until="domcontentloaded", timeout=timeout_ms)
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout_ms)
    wait_for_app(page, timeout_ms, min_charts)
