"""Quotes: who is quoted and how much, direct vs reported vs unnamed, every quotation with its speaker."""

import pandas as pd
import streamlit as st

from analysis.findings import quotes_findings
from analysis.frames import kwic
from ui import figures
from ui.components import family_available, page_view, show_chart, show_findings

view = page_view("Quotes", "Whose voice each article carries: who is quoted, how much, and how.")
if family_available(view, "quotes"):
    f = view.frames
    show_findings(quotes_findings(f))
    if (
        f.quotes["quote_count"].sum() == 0
        and f.quotes["reported_count"].sum() == 0
        and f.quotes["anonymous_count"].sum() == 0
    ):
        st.info("The selected articles quote nobody: no direct quotations and no reported speech.")
    else:
        if f.speakers["words"].sum() > 0:
            show_chart(figures.speaker_words(f.speakers, view.colours), key="speaker_words")
        else:
            st.info("No direct quotations, so no quoted words per speaker.")
        show_chart(figures.quoted_share(f.quotes, view.colours), key="quoted_share")
        show_chart(figures.sourcing_mix(f.quotes, view.colours), key="sourcing_mix")

    st.subheader("Speakers")
    if f.speakers.empty:
        st.caption("No speakers.")
    else:
        table = f.speakers.assign(
            article=f.speakers["article"].str.split(" · ").str[0],
            share=(100 * f.speakers["share_of_article"]).round(1),
        )
        st.dataframe(
            table[["article", "speaker", "role", "quotes", "words", "share"]],
            hide_index=True,
            key="quotes_speakers",
            column_config={"share": st.column_config.NumberColumn("% of article", format="%.1f%%")},
        )

    st.subheader("Quotations")
    rows = []
    for q in f.quotes_direct.itertuples(index=False):
        before, _, after = kwic(f.texts[q.id], int(q.start), int(q.end), width=80)
        rows.append(
            {
                "article": q.article.split(" · ")[0],
                "speaker": q.speaker,
                "quotation": q.text,
                "words": q.words,
                "cue": q.cue,
                "context": f"{before} […] {after}",
                "offset": int(q.start),
            }
        )
    for r in f.quotes_reported.itertuples(index=False):
        rows.append(
            {
                "article": r.article.split(" · ")[0],
                "speaker": "(unnamed source)" if r.anonymous else r.speaker,
                "quotation": f"[reported] {r.text}",
                "words": None,
                "cue": r.cue,
                "context": "",
                "offset": int(r.start),
            }
        )
    if rows:
        st.dataframe(
            pd.DataFrame(rows),
            hide_index=True,
            key="quotes_table",
            column_config={"quotation": st.column_config.TextColumn(width="large")},
        )
    else:
        st.caption("No quotations or reported speech in the selected articles.")
