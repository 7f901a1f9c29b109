"""Briefing: a printable summary of the selected articles, and every export as a download."""

import datetime as dt

import streamlit as st

from ui.briefing import PRINT_CSS, build_briefing, compact_figure, download_buttons, sourcing_style
from ui.components import md_escape, show_chart, show_findings
from ui.corpus import load_corpus
from ui.nav import ensure_entry
from ui.selection import article_chips, selected_ids

ensure_entry()
st.html(PRINT_CSS)  # static CSS only: 960 px sheet; prints without sidebar, toolbar and downloads

corpus = load_corpus()
ids = selected_ids(corpus)
with st.sidebar.container(key="briefing_controls"):
    st.markdown("**Briefing**")
    if "p_briefing_title" not in st.session_state:
        st.session_state["p_briefing_title"] = "Coverage briefing"
    if "p_briefing_date" not in st.session_state:
        st.session_state["p_briefing_date"] = dt.date.today()
    title = st.text_input("Title", key="p_briefing_title", max_chars=120)
    day = st.date_input("Date", key="p_briefing_date", format="YYYY-MM-DD")

if corpus.empty or not ids:
    st.title("Briefing", anchor=False)
    st.info("No article selected. Choose one or more articles in the sidebar.")
    st.stop()

brief = build_briefing(corpus.frames.select(ids), corpus.colours, title, day)
n = len(brief.articles)

with st.container(key="briefing_sheet"):
    st.title(md_escape(brief.title), anchor=False)
    st.caption(f"{brief.date.day} {brief.date:%B %Y} · {n} article{'s' if n != 1 else ''} compared")
    article_chips(corpus, ids)

    st.subheader("Key findings", anchor=False)
    show_findings(list(brief.findings) or ["Select two or more articles to compare them."])

    with st.container(key="briefing_charts"):
        for first in range(0, len(brief.charts), 2):
            for col, chart in zip(st.columns(2), brief.charts[first : first + 2], strict=False):
                with col:
                    show_chart(compact_figure(chart.figure), key=f"briefing_{chart.name}")
                    st.caption(md_escape(chart.caption))

    for heading, table in brief.tables:
        st.subheader(heading, anchor=False)
        st.table(sourcing_style(table) if heading == "Sourcing" else table)

    with st.container(key="briefing_footnote"):
        st.caption("**Articles**  \n" + "  \n".join(md_escape(a.line()) for a in brief.articles))
        for note in brief.notes:
            st.caption(md_escape(note))

    with st.container(key="briefing_downloads", border=True):
        st.markdown("**Downloads**")
        download_buttons(brief)
