"""Small Streamlit building blocks shared by the pages: page set-up, charts, messages, findings."""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go
import streamlit as st

from analysis.findings import fmt_number
from analysis.frames import CorpusFrames

from .corpus import Corpus, load_corpus, seed_folder
from .nav import ensure_entry
from .selection import article_chips, selected_ids
from .style import md_escape, plot_config

__all__ = [
    "FAMILY_TITLES",
    "View",
    "family_available",
    "md_escape",
    "page_view",
    "show_chart",
    "show_findings",
]

FAMILY_TITLES: dict[str, str] = {
    "readability": "Readability",
    "hedging": "Hedging",
    "quotes": "Quote attribution",
    "themes": "Theme coverage",
}

@dataclass(frozen=True)
class View:
    """What a page draws from: the whole corpus and the selected articles' tables."""

    corpus: Corpus
    frames: CorpusFrames
    ids: list[str]

    @property
    def colours(self) -> dict[str, str]:
        return self.corpus.colours


def page_view(title: str, intro: str, *, chips: bool = True) -> View:
    """Title the page, load the corpus, and stop with a message when nothing can be shown."""
    ensure_entry()
    st.title(title)
    st.caption(intro)
    corpus = load_corpus()
    if corpus.empty:
        st.info(
            f"No articles to analyse. Put .md, .txt or .html files in {md_escape(seed_folder())} "
            "(or point the COVERAGE\\_LENS\\_CORPUS environment variable at a folder) and reload."
        )
        st.stop()
    ids = selected_ids(corpus)
    if not ids:
        st.info("No article selected. Choose one or more articles in the sidebar.")
        st.stop()
    if chips:
        article_chips(corpus, ids)
    return View(corpus, corpus.frames.select(ids), ids)


def family_available(view: View, family: str) -> bool:
    """Whether ``family``'s results exist; otherwise say so on the page."""
    if view.frames.has(family):
        return True
    st.info(
        f"{FAMILY_TITLES.get(family, family)} analysis not available yet: the `{family}` family is not in "
        "this build's pipeline. The other pages work without it."
    )
    return False


def show_chart(fig: go.Figure, key: str) -> None:
    """Draw a figure with the shared toolbar config (PNG at 3× named after the chart)."""
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    name = meta.get("name", key)
    st.plotly_chart(fig, key=key, theme=None, width="stretch", config=plot_config(f"coverage-lens_{name}"))


def kpi_items(row: object) -> list[tuple[str, str, str]]:
    """(label, value, help) of an article's KPI row, for the families present in ``row``.

    ``row`` is a row of :func:`analysis.frames.headline`.
    """
    get = row.get  # type: ignore[attr-defined]
    items = [("Words", f"{int(get('words')):,}", "Word tokens in the cleaned text.")]
    if get("grade") is not None:
        items.append(
            ("US grade", fmt_number(get("grade")), "Consensus US school grade of the readability formulas.")
        )
    if get("hedges_per_1k") is not None:
        items.append(("Hedges /1k words", fmt_number(get("hedges_per_1k")), "Hedges per 1,000 words."))
        items.append(("Boosters /1k words", fmt_number(get("boosters_per_1k")), "Boosters per 1,000 words."))
    if get("quoted_pct") is not None:
        items.append(("Quoted", f"{get('quoted_pct'):.0f}%", "Share of the words inside direct quotations."))
        items.append(("Speakers", str(int(get("speakers"))), "Named people quoted directly."))
    return items


def show_findings(items: list[str]) -> None:
    """A bullet list of finding sentences (user text inside them is escaped)."""
    if items:
        st.markdown("\n".join(f"- {md_escape(t)}" for t in items))
