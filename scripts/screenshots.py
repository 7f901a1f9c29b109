"""Screenshot every dashboard page: ``python scripts/screenshots.py --out DIR [--size 1600x900]``.

Starts the app headless on a free local port, opens each page of the app's page list
(``ui.nav.PAGES``) in Debian's Chromium through Playwright, waits until the script has
finished and every visible Plotly chart has drawn, and writes one PNG per page
(``01-overview.png``, ``02-readability.png``, …) at exactly the requested size. Then
stops the server and waits for it to exit.

``--articles ID,ID`` selects those articles (passed to the app as ``?articles=ID,ID``).
``--full-page`` makes each PNG as tall as its page (same width) instead of one screen.
Needs Playwright (``pip install -r requirements-dev.txt``) and a Chromium
(``apt-get install chromium``, or ``BROWSER_PATH``); never downloads a browser.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.browser import CHROMIUM_ARGS, find_chromium  # noqa: E402

SIZE = re.compile(r"^(\d{3,5})x(\d{3,5})$")
HEALTH_TIMEOUT = 90
STOP_TIMEOUT = 15

# Every visible Plotly chart has drawn its SVG (charts in hidden tabs are skipped).
CHARTS_DRAWN = """() => {
  const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
    .filter(c => c.offsetParent !== null);
  return charts.every(c => c.querySelector('.main-svg'));
}"""
# Streamlit scrolls inside its main area, not the document: its full height is the page's.
PAGE_HEIGHT = """() => { const m = document.querySelector('[data-testid="stMain"]');
  return m ? m.scrollHeight : document.documentElement.scrollHeight; }"""
MAX_FULL_HEIGHT = 16000
SCRIPT_DONE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
SKELETON = '[data-testid="stSkeleton"]'


@dataclass(frozen=True)
class Shot:
    """One page to photograph: its URL path ("" for the default page) and file name."""

    url_path: str
    file_stem: str
    title: str


class ScreenshotError(RuntimeError):
    """A failure the user can act on; the message says what to do."""


def parse_size(text: str) -> tuple[int, int]:
    """``1600x900`` → ``(1600, 900)``; sizes from 320×240 to 7680×4320."""
    match = SIZE.match(text.strip().lower())
    if not match:
        raise argparse.ArgumentTypeError(f"size must look like 1600x900, not {text!r}")
    width, height = int(match[1]), int(match[2])
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise argparse.ArgumentTypeError(f"size {width}x{height} is outside 320x240 … 7680x4320")
    return width, height


def parse_articles(text: str) -> list[str]:
    """``a,b`` → ``["a", "b"]`` (blanks dropped, order and duplicates as given, once each)."""
    ids = [part.strip() for part in text.split(",") if part.strip()]
    if not ids:
        raise argparse.ArgumentTypeError("--articles needs at least one article id")
    return list(dict.fromkeys(ids))


def app_pages() -> list[Shot]:
    """The app's pages from its one page list (``ui.nav.PAGES``), in menu order.

    Falls back to the entry page alone when the app has no page list.
    """
    try:
        from ui.nav import PAGES
    except ImportError:
        return [Shot("", "01-home", "Home")]
    from streamlit.source_util import page_icon_and_name

    shots = []
    for i, spec in enumerate(PAGES, start=1):
        inferred = getattr(spec, "url_path", None) or page_icon_and_name(Path(spec.path))[1]
        url_path = "" if getattr(spec, "default", False) else inferred
        slug = re.sub(r"[^a-z0-9]+", "-", str(inferred or spec.title).lower()).strip("-") or "page"
        shots.append(Shot(url_path, f"{i:02d}-{slug}", str(spec.title)))
    return shots


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, log: Path, script: Path = ROOT / "dashboard.py") -> subprocess.Popen:
    """Start ``streamlit run dashboard.py`` headless on 127.0.0.1:``port`` (own process group)."""
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.headless", "true",
        "--server.address", "127.0.0.1",
        "--server.port", str(port),
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    with log.open("wb") as out:
        return subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)


def wait_healthy(proc: subprocess.Popen, port: int, log: Path, timeout: float = HEALTH_TIMEOUT) -> None:
    """Poll ``/_stcore/health`` until it answers ``ok``; fail early if the server exits."""
    url = f"http://127.0.0.1:{port}/_stcore/health"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise ScreenshotError(f"The app exited with code {proc.returncode}:\n{_tail(log)}")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200 and resp.read().strip() == b"ok":
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise ScreenshotError(f"The app did not answer on {url} within {timeout:.0f} s:\n{_tail(log)}")


def stop_server(proc: subprocess.Popen) -> None:
    """SIGTERM the server's process group, wait for it to exit (SIGKILL after a grace period)."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        proc.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=STOP_TIMEOUT)


def _tail(log: Path, lines: int = 30) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no server log)"


def page_url(port: int, shot: Shot, articles: list[str] | None) -> str:
    """The page's URL, with ``?articles=a,b`` when articles are chosen."""
    url = f"http://127.0.0.1:{port}/{shot.url_path}"
    if articles:
        url += "?articles=" + quote(",".join(articles), safe=",")
    return url


def wait_rendered(page, timeout_ms: int) -> None:
    """Wait until the script run has finished (twice in a row) and every chart has drawn."""
    page.wait_for_selector(SCRIPT_DONE, timeout=timeout_ms)
    page.wait_for_timeout(500)  # a page may rerun once (navigation, query parameters)
    page.wait_for_selector(SCRIPT_DONE, timeout=timeout_ms)
    page.wait_for_function(CHARTS_DRAWN, timeout=timeout_ms)
    page.wait_for_selector(SKELETON, state="detached", timeout=timeout_ms)
    page.wait_for_timeout(400)  # Plotly's transitions and web fonts settle
    page.mouse.move(0, 0)  # no hover label in the picture


def warm_up(context, port: int, articles: list[str] | None, timeout_ms: int) -> None:
    """Open the entry page once, so the app is in st.navigation mode and the analysis is cached.

    A freshly started server answers a first request for ``/<page>`` in Streamlit's legacy
    ``pages/`` folder mode (without the entry script) until a session has run the entry.
    """
    page = context.new_page()
    try:
        page.goto(page_url(port, Shot("", "", ""), articles), wait_until="domcontentloaded")
        wait_rendered(page, timeout_ms)
    finally:
        page.close()


def grow_to_full_page(page, size: tuple[int, int], timeout_ms: int) -> None:
    """Make the viewport as tall as the page's content, then let the charts re-draw."""
    height = min(int(page.evaluate(PAGE_HEIGHT)), MAX_FULL_HEIGHT)
    if height > size[1]:
        page.set_viewport_size({"width": size[0], "height": height})
        page.wait_for_function(CHARTS_DRAWN, timeout=timeout_ms)
        page.wait_for_timeout(600)  # Plotly re-lays out on resize


def shoot(
    out: Path, size: tuple[int, int], articles: list[str] | None, timeout: float, full_page: bool = False
) -> list[Path]:
    """Photograph every page; returns the PNG paths written."""
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError as err:
        raise ScreenshotError(
            "Playwright is not installed: pip install -r requirements-dev.txt (it uses the system Chromium)."
        ) from err
    browser_path = find_chromium()
    if browser_path is None:
        raise ScreenshotError("No Chromium found: apt-get install chromium, or set BROWSER_PATH.")
    shots = app_pages()
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="screenshots-") as tmp:
        log = Path(tmp) / "streamlit.log"
        port = free_port()
        proc = start_server(port, log)
        try:
            wait_healthy(proc, port, log)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=browser_path, args=list(CHROMIUM_ARGS))
                try:
                    context = browser.new_context(
                        viewport={"width": size[0], "height": size[1]}, device_scale_factor=1
                    )
                    warm_up(context, port, articles, int(timeout * 1000))
                    for shot in shots:
                        page = context.new_page()
                        try:
                            page.goto(page_url(port, shot, articles), wait_until="domcontentloaded")
                            wait_rendered(page, int(timeout * 1000))
                            if full_page:
                                grow_to_full_page(page, size, int(timeout * 1000))
                        except PlaywrightError as err:
                            raise ScreenshotError(
                                f"Page {shot.title!r} did not finish rendering: {err}\n{_tail(log)}"
                            ) from err
                        path = out / f"{shot.file_stem}.png"
                        page.screenshot(path=str(path))
                        written.append(path)
                        shown = page.viewport_size or {"width": size[0], "height": size[1]}
                        print(f"wrote {path} ({shot.title}, {shown['width']}x{shown['height']})")
                        page.close()
                finally:
                    browser.close()
        finally:
            stop_server(proc)
    return written


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", required=True, type=Path, help="folder for the PNGs (created if missing)")
    parser.add_argument("--size", default=(1600, 900), type=parse_size, help="viewport, e.g. 1600x900")
    parser.add_argument("--articles", type=parse_articles, help="article ids to select, e.g. ID,ID")
    parser.add_argument("--full-page", action="store_true", help="whole page height, not one screen")
    parser.add_argument("--timeout", type=float, default=120, help="seconds to wait for one page")
    args = parser.parse_args(argv)
    try:
        shoot(args.out, args.size, args.articles, args.timeout, args.full_page)
    except ScreenshotError as err:
        print(f"screenshots: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
