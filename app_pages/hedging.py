"""Hedging: speculation (hedges) against assertion (boosters), by category, with every hit in context."""

import pandas as pd
import streamlit as st

from analysis.findings import hedging_findings
from analysis.frames import kwic
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
    show_chart(figures.authorial_vs_quoted(f.hedging, view.colours), key="authorial_vs_quoted")

    st.subheader("Every hit in context")
    hits = f.hedge_hits
    if hits.empty:
        st.info("No hedges or boosters in the selected articles.")
    else:
        c1, c2, c3, c4 = st.columns([1, 2, 2, 1])
        kinds = c1.multiselect("Kind", ["hedge", "booster"], key="p_hedging_kinds", placeholder="All")
        cats = c2.multiselect(
            "Category",
            sorted(hits["category"].dropna().unique()),
            key="p_hedging_categories",
            placeholder="All",
        )
        term = c3.text_input("Term contains", key="p_hedging_term")
        voice = c4.selectbox("Voice", ["all", "author", "quoted"], key="p_hedging_voice")
        shown = hits
        if kinds:
            shown = shown[shown["kind"].isin(kinds)]
        if cats:
            shown = shown[shown["category"].isin(cats)]
        if term.strip():
            shown = shown[shown["term"].str.contains(term.strip(), case=False, regex=False)]
        if voice != "all":
            shown = shown[shown["in_quote"] == (voice == "quoted")]
        rows = []
        for h in shown.itertuples(index=False):
            left_ctx, match, right_ctx = kwic(f.texts[h.id], int(h.start), int(h.end))
            rows.append(
                {
                    "article": h.article.split(" · ")[0],
                    "left": left_ctx,
                    "term": match,
                    "right": right_ctx,
                    "kind": h.kind,
                    "category": h.category,
                    "voice": (h.speaker or "quoted") if h.in_quote else "author",
                    "offset": int(h.start),
                }
            )
        st.caption(f"{len(rows)} of {len(hits)} hits.")
        st.dataframe(
            pd.DataFrame(
                rows, columns=["article", "left", "term", "right", "kind", "category", "voice", "offset"]
            ),
            hide_index=True,
            key="hedging_kwic",
            column_config={
                "left": st.column_config.TextColumn("left context", width="large"),
                "right": st.column_config.TextColumn("right context", width="large"),
            },
        )
