"""The briefing pack: one ZIP with the report, the summary, the tables and every chart image."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping

from .images import ExportUnavailable, render_images
from .report import Briefing, chart_names, html_report, markdown_summary
from .tables import csv_bytes, excel_bytes

__all__ = ["IMAGES_MISSING_NOTE", "briefing_pack", "pack_parts", "zip_bytes"]

IMAGES_MISSING_NOTE = "charts/NO-IMAGES.txt"


def pack_parts(briefing: Briefing, images: bool = True) -> dict[str, bytes]:
    """Every file of the pack, by its path inside the ZIP.

    ``summary.md``, ``report.html``, ``metrics.csv``, ``metrics.xlsx`` (the metrics and
    every briefing table, one sheet each), ``tables/<n>.csv`` for each table, and
    ``charts/<name>.png`` (3× scale) and ``.svg`` per chart. Without Chromium the charts are
    left out and ``charts/NO-IMAGES.txt`` says why; the HTML report still has them.

    Args:
        briefing: What to export.
        images: False skips chart images (no browser started).

    Returns:
        Path → file bytes, in the order they are written.
    """
    names = chart_names(briefing.charts)
    rendered: dict[str, bytes] = {}
    missing = ""
    if images and briefing.charts:
        figures = {n: c.figure for n, c in zip(names, briefing.charts, strict=True)}
        try:
            for (name, fmt), data in render_images(figures).items():
                rendered[f"charts/{name}.{fmt}"] = data
        except ExportUnavailable as err:
            missing = str(err)
    parts: dict[str, bytes] = {
        "summary.md": markdown_summary(briefing, [p for p in rendered if p.endswith(".png")]).encode("utf-8"),
        "report.html": html_report(briefing).encode("utf-8"),
    }
    if not briefing.metrics.empty:
        parts["metrics.csv"] = csv_bytes(briefing.metrics)
    sheets = {"metrics": briefing.metrics} if not briefing.metrics.empty else {}
    sheets.update({heading: frame for heading, frame in briefing.tables})
    if sheets:
        parts["metrics.xlsx"] = excel_bytes(sheets)
    for i, (heading, frame) in enumerate(briefing.tables, start=1):
        parts[f"tables/{i:02d}-{_slug(heading)}.csv"] = csv_bytes(frame)
    parts.update(rendered)
    if missing:
        parts[IMAGES_MISSING_NOTE] = (missing + "\n").encode("utf-8")
    return parts


def _slug(text: str) -> str:
    out = "".join(ch if ch.isalnum() else "-" for ch in text.lower())
    return "-".join(p for p in out.split("-") if p) or "table"


def zip_bytes(parts: Mapping[str, bytes], folder: str = "") -> bytes:
    """Files as a deflated ZIP, optionally all inside ``folder/``."""
    buf = io.BytesIO()
    prefix = f"{folder}/" if folder else ""
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path, data in parts.items():
            zf.writestr(prefix + path, data)
    return buf.getvalue()


def briefing_pack(briefing: Briefing, images: bool = True) -> bytes:
    """The whole briefing as one ZIP, its files inside a folder named after the briefing."""
    return zip_bytes(pack_parts(briefing, images), folder=briefing.stem)
