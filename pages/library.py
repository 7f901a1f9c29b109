"""Library: add articles (upload, paste, web address), edit their details, trash and restore them."""

import pandas as pd
import streamlit as st

from analysis.corpus import SUPPORTED_SUFFIXES
from ui import library as lib
from ui.nav import ensure_entry
from ui.store import get_store, seed_articles, stored_articles

EDIT_LABELS = {
    "title": "Title",
    "outlet": "Outlet",
    "published": "Published (YYYY-MM-DD)",
    "url": "Web address",
    "author": "Author",
    "tags": "Tags (comma-separated)",
}
EDIT_FIELDS = tuple(EDIT_LABELS)

ensure_entry()
st.title("Library")
store, location, error = get_store()
if store is None:
    st.error(f"The corpus store cannot be used: {lib.md_escape(error)}")
    st.caption(
        "The starter articles are still analysed. Check the store's address (README, “The corpus store”)."
    )
    st.stop()

seeds = seed_articles()
where = "this computer's SQLite file" if location.origin == "default" else lib.md_escape(location.origin)
st.caption(
    f"Articles you add are kept in the corpus store ({where}: {lib.md_escape(store.describe())}) "
    f"and analysed beside the {len(seeds)} starter articles, which are always included and not listed here."
)
lib.show_messages()

upload_tab, paste_tab, url_tab = st.tabs(["Upload files", "Paste text", "Import from the web"])
with upload_tab:
    st.file_uploader(
        "Article files",
        type=[s.lstrip(".") for s in SUPPORTED_SUFFIXES],
        accept_multiple_files=True,
        key=lib.upload_key(),
        help="Text, Markdown, HTML, Word (.docx) or PDF with a text layer; up to 20 MB each.",
    )
    st.checkbox("Keep duplicates (flagged)", key="library_upload_keep_duplicates")
    st.button(
        "Add files", key="library_upload_add", on_click=lib.on_upload, args=(store, seeds), type="primary"
    )

with paste_tab:
    st.text_input("Title", key="library_paste_title")
    st.text_area(
        "Article text", key="library_paste_text", height=220, help="The article's body, without the title."
    )
    c1, c2, c3 = st.columns(3)
    c1.text_input("Outlet", key="library_paste_outlet")
    c2.text_input("Published", key="library_paste_published", placeholder="YYYY-MM-DD")
    c3.text_input("Author", key="library_paste_author")
    c4, c5 = st.columns(2)
    c4.text_input("Web address", key="library_paste_url", placeholder="https://")
    c5.text_input("Tags", key="library_paste_tags", placeholder="comma, separated")
    st.checkbox("Keep duplicates (flagged)", key="library_paste_keep_duplicates")
    st.button("Add text", key="library_paste_add", on_click=lib.on_paste, args=(store, seeds), type="primary")

with url_tab:
    st.text_area(
        "Web addresses, one per line",
        key="library_urls",
        placeholder="https://www.example.com/news/article",
        help=f"Public http(s) pages only, at most {lib.MAX_URLS} at a time; "
        "title, author, date and outlet are read from the page.",
    )
    st.checkbox("Keep duplicates (flagged)", key="library_urls_keep_duplicates")
    st.button(
        "Import", key="library_urls_add", on_click=lib.on_import_urls, args=(store, seeds), type="primary"
    )

stored, read_error = stored_articles()
if read_error:
    st.error(lib.md_escape(read_error))

st.subheader(f"Added articles ({len(stored)})")
if not stored:
    st.info("No articles added yet. Upload files, paste text or import a web page above.")
else:
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "title": s.title,
                    "outlet": s.article.outlet,
                    "published": s.article.published,
                    "words": s.words,
                    "tags": ", ".join(s.article.tags),
                    "added": s.added.strftime("%Y-%m-%d %H:%M"),
                    "from": s.origin,
                    "duplicate of": s.duplicate_of,
                    "id": s.id,
                }
                for s in stored
            ]
        ),
        hide_index=True,
        key="library_table",
    )
    by_id = {s.id: s for s in stored}
    chosen = st.selectbox(
        "Edit an article",
        list(by_id),
        format_func=lambda i: f"{by_id[i].title} ({i})",
        key="library_edit_choice",
    )
    current = by_id[chosen].article
    with st.form(key=f"library_edit_form_{chosen}", border=True):
        values = {**{f: getattr(current, f) for f in EDIT_FIELDS}, "tags": ", ".join(current.tags)}
        st.text_input(EDIT_LABELS["title"], value=values["title"], key=lib.edit_key(chosen, "title"))
        left, right = st.columns(2)
        for i, field in enumerate(EDIT_FIELDS[1:]):
            (left if i % 2 == 0 else right).text_input(
                EDIT_LABELS[field], value=values[field], key=lib.edit_key(chosen, field)
            )
        st.form_submit_button("Save changes", on_click=lib.on_save, args=(store, chosen, EDIT_FIELDS))
    st.text_area("Text (read only)", current.text[:3000], disabled=True, key=f"library_text_{chosen}")
    st.button("Move to trash", key="library_delete", on_click=lib.on_delete, args=(store, chosen))

trash = store.list_trash()
with st.expander(f"Trash ({len(trash)})"):
    if not trash:
        st.caption("The trash is empty.")
    else:
        gone = {s.id: s for s in trash}
        pick = st.selectbox(
            "Deleted article",
            list(gone),
            format_func=lambda i: f"{gone[i].title} (deleted {gone[i].deleted:%Y-%m-%d %H:%M})",
            key="library_trash_choice",
        )
        st.button("Restore", key="library_restore", on_click=lib.on_restore, args=(store, pick))
        st.checkbox("I understand this cannot be undone", key="library_purge_confirm")
        st.button("Delete for good", key="library_purge", on_click=lib.on_purge, args=(store, pick))
