"""Helpers for end-to-end tests: start the dashboard headless, drive Debian's Chromium.

Importable from any test (tests/conftest.py puts this folder on ``sys.path``):
``from e2e_support import start_streamlit, stop_streamlit, open_page, CHROMIUM_ARGS``.
The session fixtures ``streamlit_server`` and ``browser`` in tests/conftest.py use them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

# One implementation of "start the dashboard headless, wait until healthy, stop it": the
# screenshot command's (scripts/screenshots.py), and one list of Chromium flags (briefing).
import screenshots  # noqa: E402

from briefing.browser import CHROMIUM_ARGS as _BRIEFING_ARGS  # noqa: E402

ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [*_BRIEFING_ARGS, "--disable-dev-shm-usage"]


def start_streamlit(log: Path | None = None) -> tuple[subprocess.Popen, str]:
    """Start the dashboard headless on a free loopback port; return (process, base URL)."""
    port = screenshots.free_port()
    log = log or ARTIFACTS / f"streamlit-{port}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    proc = screenshots.start_server(port, log)
    try:
        screenshots.wait_healthy(proc, port, log, timeout=90)
    except Exception:
        stop_streamlit(proc)
        raise
    return proc, f"http://127.0.0.1:{port}"


def stop_streamlit(proc: subprocess.Popen) -> None:
    """SIGTERM the server's process group (Streamlit takes ~3 s to exit), then SIGKILL."""
    screenshots.stop_server(proc)


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
