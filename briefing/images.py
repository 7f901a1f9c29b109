"""Static chart images (PNG, SVG) through kaleido 1.x and the system Chromium.

kaleido 1.x no longer ships a browser: it drives an installed Chromium. We look the
browser up ourselves (``BROWSER_PATH``, then ``PATH``) and hand kaleido that path, so
"no Chromium here" is decided in one place and reported as :class:`ExportUnavailable`
before any process starts. Callers then offer the self-contained HTML report instead.

One Chromium is started per call of :func:`render_images`, however many images it
makes (starting it takes about two seconds; each image then takes a fraction of one).
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Literal

import plotly.graph_objects as go

from .browser import find_chromium

__all__ = [
    "DEFAULT_HEIGHT",
    "DEFAULT_WIDTH",
    "PNG_SCALE",
    "ExportUnavailable",
    "ImageFormat",
    "ImageSize",
    "figure_png",
    "figure_size",
    "figure_svg",
    "find_chromium",
    "render_images",
    "unavailable_message",
]

ImageFormat = Literal["png", "svg"]

#: PNG pixels per layout pixel: sharp on slides and in print.
PNG_SCALE = 3
#: Layout size used when a figure does not set one (16:9, one slide wide).
DEFAULT_WIDTH = 1200
DEFAULT_HEIGHT = 675
#: Seconds kaleido may spend on one image before giving up.
RENDER_TIMEOUT = 60

# A Chromium costs a few hundred MB; on a 1 GB Community Cloud app two users exporting
# at once must not start two of them. A lock (not shared data) is the one process-wide
# object here.
_BROWSER_LOCK = threading.Lock()


class ExportUnavailable(RuntimeError):
    """Images cannot be made here (no Chromium, or it failed to start).

    The message says why in words a user understands; the HTML report still works.
    """


@dataclass(frozen=True)
class ImageSize:
    """A figure's layout size in CSS pixels (PNG pixels are these times the scale)."""

    width: int
    height: int


def figure_size(fig: go.Figure) -> ImageSize:
    """The layout size an export uses: the figure's own, else 1200×675 (16:9)."""
    layout = fig.layout
    return ImageSize(int(layout.width or DEFAULT_WIDTH), int(layout.height or DEFAULT_HEIGHT))


def unavailable_message(browser: str | None) -> str:
    """Why images cannot be made, and what to use instead (for the UI and the pack)."""
    if browser is None:
        where = os.environ.get("BROWSER_PATH")
        if where:
            return (
                f"Chart images need Chromium, but BROWSER_PATH={where!r} is not an executable file. "
                "Download the HTML report instead: it holds the interactive charts and works offline."
            )
        return (
            "Chart images need Chromium, which is not installed here (on Streamlit Community "
            "Cloud, list `chromium` in packages.txt). Download the HTML report instead: it holds "
            "the interactive charts and works offline."
        )
    return (
        f"Chromium ({browser}) could not make the chart images. Download the HTML report "
        "instead: it holds the interactive charts and works offline."
    )


async def _render_all(
    browser: str, jobs: list[tuple[str, dict[str, Any], dict[str, Any]]]
) -> dict[str, bytes]:
    import kaleido  # heavy import; only when images are asked for

    out: dict[str, bytes] = {}
    # mathjax=False: kaleido would otherwise load MathJax from a CDN (no network at run time).
    async with kaleido.Kaleido(n=1, timeout=RENDER_TIMEOUT, mathjax=False, path=browser) as k:
        for key, fig_dict, opts in jobs:
            out[key] = await k.calc_fig(fig_dict, opts=opts)
    return out


def render_images(
    figures: Mapping[str, go.Figure],
    formats: tuple[ImageFormat, ...] = ("png", "svg"),
    scale: int = PNG_SCALE,
) -> dict[tuple[str, ImageFormat], bytes]:
    """Render every figure in every format with one Chromium.

    Args:
        figures: Name → figure; names become file names in the briefing pack.
        formats: ``"png"`` (raster, ``scale`` × layout size) and/or ``"svg"`` (vector).
        scale: PNG pixels per layout pixel.

    Returns:
        ``(name, format)`` → file bytes.

    Raises:
        ExportUnavailable: No Chromium, or it failed to start or render.
        ValueError: An unknown format.
    """
    bad = sorted(set(formats) - {"png", "svg"})
    if bad:
        raise ValueError(f"Unknown image format(s) {bad}; choose from 'png', 'svg'.")
    if not figures or not formats:
        return {}
    browser = find_chromium()
    if browser is None:
        raise ExportUnavailable(unavailable_message(None))
    jobs: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
    keys: dict[str, tuple[str, ImageFormat]] = {}
    for name, fig in figures.items():
        size = figure_size(fig)
        fig_dict = fig.to_dict()
        for fmt in formats:
            opts = {"format": fmt, "width": size.width, "height": size.height}
            opts["scale"] = scale if fmt == "png" else 1
            job_key = f"{len(jobs)}"
            keys[job_key] = (name, fmt)
            jobs.append((job_key, fig_dict, opts))
    from kaleido.errors import BrowserClosedError, BrowserFailedError, ChromeNotFoundError, KaleidoError

    browser_errors = (
        ChromeNotFoundError,
        BrowserFailedError,
        BrowserClosedError,
        KaleidoError,
        TimeoutError,
        OSError,
    )
    with _BROWSER_LOCK:
        # asyncio.run in a worker thread: works whether or not the caller has a running loop.
        with ThreadPoolExecutor(max_workers=1) as pool:
            try:
                rendered = pool.submit(asyncio.run, _render_all(browser, jobs)).result()
            except browser_errors as err:
                raise ExportUnavailable(unavailable_message(browser)) from err
    return {keys[k]: v for k, v in rendered.items()}


def figure_png(fig: go.Figure, scale: int = PNG_SCALE) -> bytes:
    """One figure as PNG bytes at ``scale`` × its layout size (see :func:`render_images`)."""
    return render_images({"figure": fig}, ("png",), scale)[("figure", "png")]


def figure_svg(fig: go.Figure) -> bytes:
    """One figure as SVG bytes (see :func:`render_images`)."""
    return render_images({"figure": fig}, ("svg",))[("figure", "svg")]
