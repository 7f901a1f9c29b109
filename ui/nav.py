"""The list of pages, in one place: add a page by adding one line to :data:`PAGES`.

Page scripts live in ``pages/`` (the design card's layout). ``st.navigation`` in
``dashboard.py`` registers them, so the entry script and its sidebar run before every
page; Streamlit does not also list the folder on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st
from streamlit.navigation.page import StreamlitPage

__all__ = ["PAGES", "PageSpec", "navigation"]

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class PageSpec:
    path: str  # relative to dashboard.py
    title: str
    icon: str
    default: bool = False
    analysis: bool = True  # shows the selected articles (False: e.g. the Library, which manages them)


PAGES: list[PageSpec] = [
    PageSpec("pages/overview.py", "Overview", ":material/dashboard:", default=True),
    PageSpec("pages/readability.py", "Readability", ":material/menu_book:"),
    PageSpec("pages/hedging.py", "Hedging", ":material/help:"),
    PageSpec("pages/quotes.py", "Quotes", ":material/format_quote:"),
    PageSpec("pages/themes.py", "Themes", ":material/category:"),
    PageSpec("pages/article.py", "Article", ":material/article:"),
    PageSpec("pages/compare.py", "Compare", ":material/compare_arrows:"),
    PageSpec("pages/briefing.py", "Briefing", ":material/slideshow:"),
    PageSpec("pages/library.py", "Library", ":material/library_add:", analysis=False),
]


def navigation() -> StreamlitPage:
    """Register :data:`PAGES` with ``st.navigation`` and return the page to run."""
    return st.navigation(
        [st.Page(ROOT / p.path, title=p.title, icon=p.icon, default=p.default) for p in PAGES],
        position="sidebar",
    )
