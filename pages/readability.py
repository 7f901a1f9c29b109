"""Readability: the formulas' scores, difficulty along each article, sentence lengths."""

import streamlit as st

from analysis.findings import readability_findings
from analysis.frames import SCORE_LABELS
from ui import figures
from ui.components import family_available, page_view, show_chart, show_findings

view = page_view("Readability", "How hard each article is to read, by formula, by paragraph and by sentence.")
if family_available(view, "readability"):
    f = view.frames
    show_findings(readability_findings(f))
    show_chart(figures.readability_grades(f.readability, view.colours), key="readability_grades")
    with st.expander("How to read the grade scale"):
        st.markdown(
            "Grade-scale formulas estimate the US school grade (years of schooling) a reader needs: "
            "**6** is elementary school, **9–12** high school, **13–16** college, **17+** graduate level. "
            "Flesch–Kincaid and ARI weigh sentence and word length; Gunning Fog and SMOG count words of "
            "three or more syllables; Coleman–Liau counts letters. The consensus grade is textstat's vote "
            "over all of them. SMOG needs 30+ sentences; below that it is an extrapolation."
        )
    show_chart(figures.reading_ease(f.readability, view.colours), key="reading_ease")
    options = [
        s
        for s in (
            "flesch_kincaid_grade",
            "gunning_fog",
            "coleman_liau_index",
            "automated_readability_index",
            "dale_chall",
            "flesch_reading_ease",
        )
        if s in f.readability_paragraphs
    ]
    if "p_readability_score" not in st.session_state:
        st.session_state["p_readability_score"] = options[0]
    score = st.selectbox(
        "Score per paragraph", options, format_func=SCORE_LABELS.get, key="p_readability_score"
    )
    show_chart(
        figures.paragraph_difficulty(f.readability_paragraphs, view.colours, score, SCORE_LABELS[score]),
        key="paragraph_difficulty",
    )
    show_chart(figures.sentence_lengths(f.sentence_lengths, view.colours), key="sentence_lengths")
    for _, row in f.articles.iterrows():
        if not row.get("readability_smog_reliable", True):
            st.caption(
                f"Article {row['letter']}: fewer than 30 sentences, so its SMOG grade is an extrapolation."
            )
    with st.expander("All scores"):
        table = f.readability.pivot_table(index="label", columns="article", values="value", sort=False)
        st.dataframe(table.round(1), key="readability_table")
