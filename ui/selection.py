"""The shared sidebar: which articles (and, in a large corpus, which outlets) are compared.

The entry script (``dashboard.py``) renders it before every page, so the selection
persists across pages. Session-state keys are set only when missing; an article that
appears in the corpus (added or restored in the Library) joins the selection. Page widgets
whose value should survive a visit to another page use keys starting with
:data:`PERSIST_PREFIX`; :func:`keep_page_state` re-asserts them on every run
(Streamlit otherwise drops the state of widgets not drawn in a run).
"""

from __future__ import annotations

import html

import streamlit as st

from .corpus import Corpus
from .style import md_escape

__all__ = [
    "ARTICLES_PARAM",
    "DEFAULT_SELECTED",
    "LARGE_CORPUS",
    "OUTLETS_KEY",
    "PERSIST_PREFIX",
    "SELECTED_KEY",
    "article_chips",
    "keep_page_state",
    "selected_ids",
    "sidebar",
]

SELECTED_KEY = "selected_ids"
#: URL query parameter selecting articles: ``?articles=ID,ID`` (shared links, the screenshot command).
ARTICLES_PARAM = "articles"
LINK_KEY = "_articles_param_applied"
OUTLETS_KEY = "outlet_filter"
#: The corpus ids of the previous run: an id not among them is new (just added or restored).
KNOWN_KEY = "_corpus_ids_seen"
PERSIST_PREFIX = "p_"
#: From this many articles (with two or more outlets) the sidebar offers an outlet filter.
LARGE_CORPUS = 8
#: How many articles are selected on first visit.
DEFAULT_SELECTED = 6
NO_OUTLET = "(outlet unknown)"


def keep_page_state() -> None:
    """Keep page widgets' values (keys starting with ``p_``) when another page is shown."""
    for key in list(st.session_state.keys()):
        if isinstance(key, str) and key.startswith(PERSIST_PREFIX):
            st.session_state[key] = st.session_state[key]


def _linked(ids: list[str]) -> list[str] | None:
    """The articles a ``?articles=ID,ID`` link asks for (corpus order), once per link value.

    Unknown ids are named in a warning; a link naming no known article selects nothing new.
    """
    raw = st.query_params.get(ARTICLES_PARAM)
    if not raw or st.session_state.get(LINK_KEY) == raw:
        return None
    st.session_state[LINK_KEY] = raw
    asked = [x.strip() for x in str(raw).split(",") if x.strip()]
    unknown = [x for x in asked if x not in ids]
    if unknown:
        names = md_escape(", ".join(unknown))
        st.warning(f"Article ids not in the corpus: {names}", icon=":material/link_off:")
    wanted = set(asked)
    return [i for i in ids if i in wanted] or None


def _outlet(value: object) -> str:
    return str(value) if isinstance(value, str) and value.strip() else NO_OUTLET


def sidebar(corpus: Corpus) -> list[str]:
    """Draw the selection widgets in the sidebar; return the selected article ids (corpus order)."""
    arts = corpus.frames.articles
    ids = list(arts["id"]) if not arts.empty else []
    labels = corpus.frames.labels() if ids else {}
    with st.sidebar:
        st.markdown("**Articles to compare**")
        if not ids:
            st.caption("No articles loaded.")
            return []
        outlets = sorted({_outlet(o) for o in arts["outlet"]})
        options = ids
        if len(ids) >= LARGE_CORPUS and len(outlets) > 1:
            if OUTLETS_KEY not in st.session_state:
                st.session_state[OUTLETS_KEY] = []
            st.session_state[OUTLETS_KEY] = [o for o in st.session_state[OUTLETS_KEY] if o in outlets]
            st.multiselect("Outlets", outlets, key=OUTLETS_KEY, placeholder="All outlets")
            chosen = set(st.session_state[OUTLETS_KEY])
            if chosen:
                options = [i for i, o in zip(ids, arts["outlet"], strict=True) if _outlet(o) in chosen]
        linked = _linked(ids)
        if linked is not None:
            st.session_state[SELECTED_KEY] = linked
        elif SELECTED_KEY not in st.session_state:
            st.session_state[SELECTED_KEY] = ids[:DEFAULT_SELECTED]
        elif KNOWN_KEY in st.session_state:
            # An article added (or restored) since the last run joins the comparison.
            known = set(st.session_state[KNOWN_KEY])
            st.session_state[SELECTED_KEY] = [
                *st.session_state[SELECTED_KEY],
                *(i for i in ids if i not in known),
            ]
        st.session_state[KNOWN_KEY] = ids
        # Drop ids no longer offered (filtered out, or removed from the corpus) before drawing.
        st.session_state[SELECTED_KEY] = [i for i in st.session_state[SELECTED_KEY] if i in options]
        st.multiselect(
            "Articles",
            options,
            key=SELECTED_KEY,
            format_func=lambda i: labels.get(i, i),
            placeholder="Choose articles",
            label_visibility="collapsed",
        )
        st.caption(f"{len(st.session_state[SELECTED_KEY])} of {len(ids)} articles selected.")
    return selected_ids(corpus)


def selected_ids(corpus: Corpus) -> list[str]:
    """The selected article ids that exist in ``corpus``, in corpus order."""
    chosen = set(st.session_state.get(SELECTED_KEY) or [])
    return [i for i in corpus.frames.ids if i in chosen]


def article_chips(corpus: Corpus, ids: list[str]) -> None:
    """A one-line key of the selected articles: coloured letter, title, outlet (all escaped)."""
    arts = corpus.frames.articles.set_index("id")
    chips = []
    for aid in ids:
        row = arts.loc[aid]
        colour = corpus.colours.get(aid, "#333333")
        outlet = (
            f" <span style='color:#6B7280'>({html.escape(str(row['outlet']))})</span>"
            if row["outlet"]
            else ""
        )
        chips.append(
            f"<span style='display:inline-block;margin:0 1.2em 0.3em 0'>"
            f"<span style='background:{colour};color:#fff;font-weight:700;border-radius:4px;"
            f"padding:1px 7px;margin-right:6px'>{html.escape(str(row['letter']))}</span>"
            f"{html.escape(str(row['title']))}{outlet}</span>"
        )
    st.html("<div style='font-size:0.95rem;line-height:1.6'>" + "".join(chips) + "</div>")
