"""Briefing exports: chart images, tables, HTML report, Markdown summary, ZIP pack.

Pure Python (never imports Streamlit), so the dashboard, scripts and tests share it.
Start from a :class:`Briefing`; :func:`briefing_pack` makes every file at once.
"""

from .browser import CHROMIUM_ARGS, find_chromium
from .images import ExportUnavailable, figure_png, figure_svg, render_images
from .pack import briefing_pack, pack_parts
from .report import ArticleNote, Briefing, Chart, articles_from_frame, html_report, markdown_summary
from .tables import csv_bytes, excel_bytes

__all__ = [
    "CHROMIUM_ARGS",
    "ArticleNote",
    "Briefing",
    "Chart",
    "ExportUnavailable",
    "articles_from_frame",
    "briefing_pack",
    "csv_bytes",
    "excel_bytes",
    "figure_png",
    "figure_svg",
    "find_chromium",
    "html_report",
    "markdown_summary",
    "pack_parts",
    "render_images",
]
