"""Article: one article's text with the evidence behind every number highlighted."""

import streamlit as st

from ui.components import page_view
from ui.evidence import legend_html, parts, render, spans_for
from ui.style import LAYERS

view = page_view(
    "Article",
    "One article's text with its hedges, boosters, quotations and theme terms marked. "
    "Hover a mark to see what it counts as.",
    chips=False,
)
f = view.frames
labels = f.titles()
asked = st.query_params.get("article")  # a shared link: ?article=<id>
if asked in view.ids and "p_article_linked" not in st.session_state:
    st.session_state["p_article_id"] = asked
    st.session_state["p_article_linked"] = True
if st.session_state.get("p_article_id") not in view.ids:
    st.session_state["p_article_id"] = view.ids[0]


def _link() -> None:
    st.query_params["article"] = st.session_state["p_article_id"]


aid = st.selectbox("Article", view.ids, format_func=labels.get, key="p_article_id", on_change=_link)
row = f.row(aid)
meta = " · ".join(str(row[c]) for c in ("outlet", "published", "author") if row.get(c))
st.caption(f"{int(row['words']):,} words" + (f" · {meta}" if meta else ""))

available = {
    "hedge": f.has("hedging"),
    "booster": f.has("hedging"),
    "quote": f.has("quotes"),
    "reported": f.has("quotes"),
    "theme": f.has("themes"),
}
cols = st.columns(len(LAYERS))
on: list[str] = []
for col, layer in zip(cols, LAYERS, strict=True):
    key = f"p_article_layer_{layer}"
    if key not in st.session_state:
        st.session_state[key] = available[layer]
    if col.toggle(LAYERS[layer]["short"], key=key, disabled=not available[layer]) and available[layer]:
        on.append(layer)
missing = [LAYERS[k]["label"].lower() for k, ok in available.items() if not ok]
if missing:
    st.caption("Not available yet (analysis not in this build): " + ", ".join(missing) + ".")

themes = None
if "theme" in on:
    theme_rows = f.themes[(f.themes["id"] == aid) & f.themes["covered"].astype(bool)]
    options = list(dict.fromkeys(theme_rows["theme"]))
    names = dict(zip(theme_rows["theme"], theme_rows["label"], strict=True))
    themes = st.multiselect(
        "Themes to mark",
        options,
        default=options,
        format_func=names.get,
        key=f"article_themes_{aid}",
        placeholder="All covered themes",
    )

spans = spans_for(aid, on, f.hedge_hits, f.quotes_direct, f.quotes_reported, f.theme_hits, themes or None)
counts = {layer: sum(1 for s in spans if s.layer == layer) for layer in on}
st.html(legend_html(on, counts))
if on and not spans:
    st.info("Nothing to mark in this article for the chosen layers.")

text = f.texts[aid]
paras = f.paragraphs[f.paragraphs["id"] == aid]
spans_list = list(zip(paras["start"], paras["end"], strict=True))
chunks = parts(spans_list)
first, last = 0, len(spans_list)
if len(chunks) > 1:
    st.info(f"This article is long ({len(text):,} characters), so it is shown in {len(chunks)} parts.")
    part = st.number_input("Part", 1, len(chunks), key=f"article_part_{aid}")
    first, last = chunks[int(part) - 1]
    st.caption(f"Paragraphs {first + 1}–{last} of {len(spans_list)}.")
st.html(render(text, list(zip(paras["start"], paras["end"], paras["kind"], strict=True)), spans, first, last))
