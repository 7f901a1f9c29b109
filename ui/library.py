"""The Library page's actions: add (upload, paste, URL), edit, trash, restore, purge.

Every write runs in a widget callback, before the script reruns, so the rerun (its
corpus, charts and tables) already sees the change. Each action leaves plain-language
messages in session state; :func:`show_messages` shows them once. User content
(titles, file names, reasons quoting them) is escaped before it reaches Markdown and
is never rendered as HTML.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import streamlit as st

from analysis.corpus import Article
from analysis.store.base import DuplicateError, StoreError
from analysis.store.ingest import Outcome, add_paste, add_upload, add_url
from analysis.store.sql import SqlStore

__all__ = [
    "MAX_URLS",
    "md_escape",
    "on_delete",
    "on_import_urls",
    "on_paste",
    "on_purge",
    "on_restore",
    "on_save",
    "on_upload",
    "show_messages",
    "upload_key",
]

MESSAGES_KEY = "library_messages"
UPLOAD_ROUND_KEY = "library_upload_round"
MAX_URLS = 20
PASTE_FIELDS = ("title", "text", "outlet", "published", "url", "author", "tags")

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md_escape(text: str) -> str:
    """Escape Markdown so user text shows as typed (no links, images, HTML or formatting)."""
    return _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _say(level: str, text: str) -> None:
    st.session_state.setdefault(MESSAGES_KEY, []).append((level, text))


def _report(outcomes: Sequence[Outcome]) -> None:
    for o in outcomes:
        if o.added:
            _say("success", f"Added “{md_escape(o.title)}” from {md_escape(o.source)}.")
            for note in o.notes:
                _say("warning", f"“{md_escape(o.title)}”: {md_escape(note)}")
        else:
            _say("error", f"Not added: {md_escape(o.source)}. {md_escape(_sentence(o.reason))}")
    added = sum(o.added for o in outcomes)
    if added:
        _say("info", f"{added} article(s) added: every page now includes them.")


def show_messages() -> None:
    """Show (and forget) the messages of the last action."""
    for level, text in st.session_state.pop(MESSAGES_KEY, []):
        getattr(st, level)(text)


def upload_key() -> str:
    """The uploader's key: a new one after each upload, which empties the uploader."""
    return f"library_upload_{st.session_state.get(UPLOAD_ROUND_KEY, 0)}"


def on_upload(store: SqlStore, seeds: Sequence[Article]) -> None:
    """Add the uploaded files (each added or refused with its reason), then empty the uploader."""
    files = st.session_state.get(upload_key()) or []
    if not files:
        _say("warning", "Choose one or more files first.")
        return
    keep = bool(st.session_state.get("library_upload_keep_duplicates"))
    outcomes = [
        add_upload(store, f.name, f.getvalue(), allow_duplicate=keep, also_check=seeds)
        for f in (files if isinstance(files, list) else [files])
    ]
    _report(outcomes)
    st.session_state[UPLOAD_ROUND_KEY] = st.session_state.get(UPLOAD_ROUND_KEY, 0) + 1


def on_paste(store: SqlStore, seeds: Sequence[Article]) -> None:
    """Add the pasted text with its title and details; clear the fields once it is added."""
    values = {f: st.session_state.get(f"library_paste_{f}", "") for f in PASTE_FIELDS}
    meta = {k: values[k] for k in ("outlet", "published", "url", "author", "tags") if values[k].strip()}
    outcome = add_paste(
        store,
        values["text"],
        title=values["title"],
        meta=meta,
        allow_duplicate=bool(st.session_state.get("library_paste_keep_duplicates")),
        also_check=seeds,
    )
    _report([outcome])
    if outcome.added:
        for f in PASTE_FIELDS:
            st.session_state[f"library_paste_{f}"] = ""


def on_import_urls(store: SqlStore, seeds: Sequence[Article]) -> None:
    """Import each web address (safe fetcher: public http(s) pages only)."""
    urls = [u.strip() for u in str(st.session_state.get("library_urls", "")).splitlines() if u.strip()]
    if not urls:
        _say("warning", "Enter one or more web addresses, one per line.")
        return
    if len(urls) > MAX_URLS:
        _say("error", f"{len(urls)} addresses: import at most {MAX_URLS} at a time.")
        return
    keep = bool(st.session_state.get("library_urls_keep_duplicates"))
    outcomes = [add_url(store, u, allow_duplicate=keep, also_check=seeds) for u in urls]
    _report(outcomes)
    if all(o.added for o in outcomes):
        st.session_state["library_urls"] = ""


def edit_key(article_id: str, field: str) -> str:
    """Widget key of one metadata field of one article in the edit form."""
    return f"library_edit_{article_id}_{field}"


def on_save(store: SqlStore, article_id: str, fields: Sequence[str]) -> None:
    """Save the edit form's metadata; a bad value is refused and nothing changes."""
    changes: dict[str, Any] = {f: st.session_state.get(edit_key(article_id, f), "") for f in fields}
    try:
        stored = store.update(article_id, **changes)
    except DuplicateError as exc:
        _say("error", f"Not saved: {md_escape(_sentence(str(exc)))}.")
        return
    except StoreError as exc:
        _say("error", f"Not saved: {md_escape(_sentence(str(exc)))}")
        return
    _say("success", f"Saved “{md_escape(stored.title)}”: every page shows the new details.")


def on_delete(store: SqlStore, article_id: str) -> None:
    """Move an article to the trash."""
    try:
        stored = store.delete(article_id)
    except StoreError as exc:
        _say("error", f"Not deleted: {md_escape(_sentence(str(exc)))}")
        return
    _say("success", f"Moved “{md_escape(stored.title)}” to the trash. Restore it from the trash below.")


def on_restore(store: SqlStore, article_id: str) -> None:
    """Bring an article back from the trash."""
    try:
        stored = store.restore(article_id)
    except StoreError as exc:
        _say("error", f"Not restored: {md_escape(_sentence(str(exc)))}")
        return
    _say("success", f"Restored “{md_escape(stored.title)}”.")
    if stored.duplicate_of:
        _say(
            "warning",
            f"It duplicates article {md_escape(stored.duplicate_of)}, added while it was in the trash.",
        )


def on_purge(store: SqlStore, article_id: str) -> None:
    """Delete a trashed article for good, only once the confirmation box is ticked."""
    if not st.session_state.get("library_purge_confirm"):
        _say("warning", "Tick the box to confirm: deleting for good cannot be undone.")
        return
    try:
        store.purge(article_id)
    except StoreError as exc:
        _say("error", f"Not deleted: {md_escape(_sentence(str(exc)))}")
        return
    st.session_state["library_purge_confirm"] = False
    _say("success", "Deleted for good.")
