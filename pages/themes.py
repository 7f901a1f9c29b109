"""Themes: which themes each article covers, how much and where, with the matched terms."""

import streamlit as st

from analysis.findings import themes_findings
from ui import figures
from ui.components import family_available, md_escape, page_view, show_chart, show_findings

view = page_view("Themes", "Which themes each article covers, how much, and where in the text.")
if family_available(view, "themes"):
    f = view.frames
    found = themes_findings(f)
    show_findings(found)
    if f.themes.empty:
        st.info("The theme set is empty: no themes to measure.")
    else:
        headline = next((s.rstrip(".") for s in found if s.startswith("Only ")), None)
        show_chart(figures.theme_heatmap(f.themes, view.colours, headline), key="theme_coverage")
        nobody = f.themes.groupby("label")["covered"].any()
        if (~nobody).any():
            st.caption("Themes no selected article covers: " + ", ".join(sorted(nobody[~nobody].index)) + ".")
        if 2 <= len(view.ids) <= 6:
            show_chart(figures.theme_radar(f.themes, view.colours), key="theme_radar")

        st.subheader("Where each theme appears")
        labels = f.titles()
        if st.session_state.get("p_themes_article") not in view.ids:
            st.session_state["p_themes_article"] = view.ids[0]
        aid = st.selectbox("Article", view.ids, format_func=labels.get, key="p_themes_article")
        segments = f.theme_segments[f.theme_segments["id"] == aid]
        if segments.empty:
            st.info("No position data for this article.")
        else:
            show_chart(
                figures.theme_positions(segments, view.colours[aid], labels[aid]), key="theme_positions"
            )

        semantic_tops = f.themes[f.themes["top_source"] == "semantic"]
        if not semantic_tops.empty:
            with st.expander("Main themes named by meaning: the evidence sentences"):
                st.caption(
                    "Where no theme's keywords dominate, the main theme is the one its sentences are "
                    "closest to in meaning (README: Themes, semantic layer). Its closest sentences:"
                )
                for row in semantic_tops.itertuples():
                    ev = f.theme_evidence[
                        (f.theme_evidence["id"] == row.id) & (f.theme_evidence["theme"] == row.theme)
                    ]
                    st.markdown(f"**{md_escape(row.article)}: {md_escape(row.label)}**")
                    show_findings([f"“{s}”" for s in ev["text"]] or ["No evidence sentences recorded."])

        st.subheader("Matched terms")
        terms = f.theme_terms[f.theme_terms["count"] > 0]
        if terms.empty:
            st.caption("No theme terms matched in the selected articles.")
        else:
            table = terms.pivot_table(
                index=["label", "term"], columns="article", values="count", aggfunc="sum", fill_value=0
            )
            table.columns = [c.split(" · ")[0] for c in table.columns]
            st.dataframe(
                table.reset_index().rename(columns={"label": "theme"}), hide_index=True, key="themes_terms"
            )
