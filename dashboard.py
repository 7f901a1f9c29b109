"""Coverage Lens: entry script. Runs before every page: navigation, shared sidebar, then the page."""

from __future__ import annotations

import streamlit as st

from ui.corpus import load_corpus
from ui.nav import mark_entry, navigation
from ui.selection import keep_page_state, sidebar

st.set_page_config(page_title="Coverage Lens", page_icon=":material/compare:", layout="wide")

mark_entry()
keep_page_state()
page = navigation()
corpus = load_corpus()
sidebar(corpus)
if corpus.errors:
    st.sidebar.caption(f"{len(corpus.errors)} file(s) could not be loaded; see Overview.")
page.run()
