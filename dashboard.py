"""Coverage Lens: entry page (minimal until the dashboard issue lands)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from analysis import analyse_corpus, corpus_frame, load_paths

DEFAULT_CORPUS = Path(__file__).parent / "data" / "articles"

st.set_page_config(page_title="Coverage Lens", layout="wide")


@st.cache_data(show_spinner="Analysing the corpus…")
def default_table() -> tuple[pd.DataFrame, list[str]]:
    """The default corpus analysed once, and the load errors."""
    loaded = load_paths([DEFAULT_CORPUS])
    frame = corpus_frame(analyse_corpus(loaded.articles))
    return frame, [str(e) for e in loaded.errors]


st.title("Coverage Lens")
st.caption("How different articles cover the same event: readability, hedging, quotes and themes.")
table, errors = default_table()
for err in errors:
    st.error(err)
st.dataframe(
    table[["title", "words", "sentences", "readability_flesch_reading_ease", "readability_text_standard"]],
    hide_index=True,
    key="overview_table",
)
