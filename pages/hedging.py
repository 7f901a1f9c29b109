"""Hedging: speculation (hedges) against assertion (boosters), by category, with every hit in context."""

import streamlit as st

from analysis.findings import hedging_findings
from analysis.frames import hits_in_context
from ui import figures
from ui.components import family_available, page_view, show_chart, show_findings

view = page_view(
    "Hedging",
    "Which article speculates (could, may, potential) and which asserts (clearly, immense, must), "
    "per 1,000 words so articles of different lengths compare.",
)
if family_available(view, "hedging"):
    f = view.frames
    show_findings(hedging_findings(f))
    show_chart(figures.hedges_vs_boosters(f.hedging, view.colours), key="hedges_vs_boosters")
    show_chart(figures.hedge_categories(f.hedge_categories, view.colours), key="hedge_categories")
    if f.hedging["quote_split"].astype(bool).any():
        show_chart(figures.authorial_vs_quoted(f.hedging, view.colours), key="authorial_vs_quoted")
    else:
        st.info(
            "Author's own vs quoted hedges: not available yet. The split needs the quotes analysis "
            "to mark which words are quotations; until it runs, every hedge counts as the article's."
        )

    st.subheader("Every hit in context")
    hits = f.hedge_hits
    if hits.empty:
        st.info("No hedges or boosters in the selected articles.")
    else:
        c1, c2, c3, c4 = st.columns([1, 2, 2, 1])
        kinds = c1.multiselect("Kind", ["hedge", "booster"], key="p_hedging_kinds", placeholder="All")
        options = sorted(hits["category"].dropna().unique())
        cats = c2.multiselect("Category", options, key="p_hedging_categories", placeholder="All")
        term = c3.text_input("Term contains", key="p_hedging_term")
        voice = c4.selectbox("Voice", ["all", "author", "quoted"], key="p_hedging_voice")
        table = hits_in_context(f, kinds, cats, term, voice)
        st.caption(
            f"{len(table)} of {len(hits)} hits. Negated modals and reported-speech 'would' are listed "
            "but not counted."
        )
        st.dataframe(
            table,
            hide_index=True,
            key="hedging_kwic",
            column_config={
                "left": st.column_config.TextColumn("left context", width="large"),
                "right": st.column_config.TextColumn("right context", width="large"),
                "offset": st.column_config.NumberColumn(
                    "offset", help="character offset in the cleaned text"
                ),
            },
        )
