"""Compare: two articles side by side across every analysis, with the differences called out."""

import streamlit as st

from analysis.findings import compare, fmt_number, lead
from analysis.frames import headline
from ui import figures
from ui.components import page_view, show_chart, show_findings

view = page_view("Compare", "Any two articles side by side, with what differs between them.", chips=False)
corpus = view.corpus
all_ids = corpus.frames.ids
if len(all_ids) < 2:
    st.info("The corpus has only one article: add another to compare.")
    st.stop()
labels = corpus.frames.titles()
defaults = (view.ids + [i for i in all_ids if i not in view.ids])[:2]
for key, default in (("p_compare_a", defaults[0]), ("p_compare_b", defaults[1])):
    if st.session_state.get(key) not in all_ids:
        st.session_state[key] = default
c1, c2 = st.columns(2)
a = c1.selectbox("First article", all_ids, format_func=labels.get, key="p_compare_a")
b = c2.selectbox("Second article", all_ids, format_func=labels.get, key="p_compare_b")
if a == b:
    st.info("Choose two different articles.")
    st.stop()

pair = corpus.frames.select([a, b])
st.subheader("What differs")
differences = compare(corpus.frames, a, b)
show_findings([f.text for f in differences])

table = headline(pair)
show_chart(
    figures.profile(table, corpus.colours, lead(differences)),
    key="compare_profile",
)
cols = st.columns(2)
for col, aid in zip(cols, (a, b), strict=True):
    row = table[table["id"] == aid].iloc[0]
    with col, st.container(border=True, key=f"compare_card_{'ab'[aid == b]}"):
        st.markdown(f"**{row['letter']}**: {row['title']}".replace("$", "\\$"))
        m1, m2, m3 = st.columns(3)
        m1.metric("Words", f"{int(row['words']):,}")
        if "grade" in row:
            m2.metric("Reading grade (US)", fmt_number(row["grade"]))
        if "hedges_per_1k" in row:
            m3.metric("Hedges /1,000 words", fmt_number(row["hedges_per_1k"]))
        if "quoted_pct" in row:
            st.caption(f"Quoted: {row['quoted_pct']:.0f}% of words, {row['speakers']} named speakers.")
        if "top_theme" in row:
            st.caption(f"Main theme: {row['top_theme'] or 'none'}; {row['themes_covered']} themes covered.")

if pair.has("hedging"):
    show_chart(figures.hedges_vs_boosters(pair.hedging, corpus.colours), key="compare_hedging")
if pair.has("quotes") and pair.speakers["words"].sum() > 0:
    show_chart(figures.speaker_words(pair.speakers, corpus.colours), key="compare_speakers")
if pair.has("themes") and not pair.themes.empty:
    only = next((f.text.rstrip(".") for f in differences if f.text.startswith("Only ")), None)
    show_chart(figures.theme_heatmap(pair.themes, corpus.colours, only), key="compare_themes")
if pair.has("readability"):
    show_chart(figures.readability_grades(pair.readability, corpus.colours), key="compare_readability")
