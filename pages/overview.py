"""Overview: the corpus table, a KPI row per article and the key findings in plain words."""

import html

import streamlit as st

from analysis.findings import key_findings, lead
from analysis.frames import headline
from ui import figures
from ui.components import kpi_items, md_escape, page_view, show_chart, show_findings

MAX_KPI_ROWS = 8

view = page_view(
    "Coverage Lens",
    "How the selected articles cover the same event: readability, hedging, who is quoted, which themes.",
)
for err in view.corpus.errors:
    st.warning(f"Not loaded: {md_escape(err)}")

st.subheader("Key findings")
found = key_findings(view.frames)
show_findings([f.text for f in found] or ["Select two or more articles to compare them."])

table = headline(view.frames)
st.subheader("Per article")
for _, row in table.head(MAX_KPI_ROWS).iterrows():
    with st.container(border=True, key=f"kpi_{row['letter']}"):
        colour = view.colours.get(row["id"], "#333")
        st.html(
            f"<div style='font-weight:600;font-size:1.05rem'><span style='background:{colour};color:#fff;"
            f"border-radius:4px;padding:1px 7px;margin-right:6px'>{html.escape(str(row['letter']))}</span>"
            f"{html.escape(str(row['title']))}</div>"
        )
        items = kpi_items(row)
        for col, (label, value, help_text) in zip(st.columns(len(items)), items, strict=True):
            col.metric(label, value, help=help_text)
        if "top_theme" in row:
            main = md_escape(row["top_theme"]) if row["top_theme"] else "none"
            st.caption(f"Main theme: **{main}** · {row['themes_covered']} themes covered")
if len(table) > MAX_KPI_ROWS:
    st.caption(f"KPI rows for the first {MAX_KPI_ROWS} articles; the table below lists all {len(table)}.")

if len(table) > 1:
    show_chart(figures.profile(table, view.colours, lead(found)), key="overview_profile")

st.subheader("Corpus")
cols = [
    c
    for c in ("letter", "title", "outlet", "published", "words", "sentences", "paragraphs", "warnings")
    if c in view.frames.articles
]
st.dataframe(
    view.frames.articles[cols],
    hide_index=True,
    key="overview_table",
    column_config={
        "letter": st.column_config.TextColumn("", width="small"),
        "words": st.column_config.NumberColumn("words", format="%d"),
    },
)
