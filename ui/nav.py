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

__all__ = ["PAGES", "PageSpec", "ensure_entry", "mark_entry", "navigation"]

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


_ENTRY_KEY = "_nav_entry_ran"
_RETRIED_KEY = "_nav_entry_retried"


def mark_entry() -> None:
    """Note that ``dashboard.py`` runs in this script run (it calls this before the page)."""
    st.session_state[_ENTRY_KEY] = True


def ensure_entry() -> None:
    """Make sure the entry script ran before this page; rerun once if it did not.

    With a ``pages/`` folder, a freshly started server answers the first deep link
    (e.g. ``/quotes?articles=…``) in Streamlit's legacy folder mode: it runs the page
    script alone, without ``dashboard.py``, its navigation and its sidebar, and stays in
    that mode until some run calls ``st.navigation``. Every page calls this first: when
    the entry did not run, it leaves folder mode and reruns, which runs the entry and
    then this page (same URL). Once per session, so a page run on its own (AppTest of a
    single page) still renders.
    """
    if st.session_state.pop(_ENTRY_KEY, False) or st.session_state.get(_RETRIED_KEY):
        return
    from streamlit.runtime.pages_manager import PagesManager

    st.session_state[_RETRIED_KEY] = True
    PagesManager.uses_pages_directory = False  # what st.navigation itself sets
    st.rerun()
