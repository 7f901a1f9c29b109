"""Uploads, pasted text and URL imports into a store (SQLite and PostgreSQL).

Each refusal must leave the store exactly as it was: every bad-input test snapshots a
store that already holds one article and compares after the attempt.
"""

from __future__ import annotations

import re

import pytest

from analysis.store.fetch import FetchSettings
from analysis.store.ingest import (
    add_paste,
    add_upload,
    add_url,
    article_from_page,
    display_name,
)
from analysis.store.sql import SqlStore

from .store_samples import (
    FLOODS,
    GERMAN,
    NO_SENTENCES,
    PAGES,
    SUMMIT,
    SUMMIT_BODY_START,
    SUMMIT_PDF_LINES,
    NewsServer,
    make_docx,
    make_pdf,
    make_scanned_pdf,
)

LOOPBACK = FetchSettings(allow_loopback=True, timeout=1.0, deadline=5.0)


def snapshot(store: SqlStore) -> tuple:
    return ([(s.id, s.article) for s in store.list()], [s.id for s in store.list_trash()], store.revision())


@pytest.fixture
def filled(store: SqlStore) -> SqlStore:
    """A store already holding one article (FLOODS), so 'unchanged' is not just 'empty'."""
    assert add_paste(store, FLOODS.split("\n\n", 1)[1], title="Floods close schools").added
    return store


# -- each input kind -------------------------------------------------------------------


UPLOADS = [
    ("summit.txt", SUMMIT.encode(), "Leaders Meet At The Border"),
    ("summit.md", ("---\ntitle: Leaders Meet\noutlet: Ledger\npublished: 2023-09-13\n---\n" + SUMMIT).encode(), "Leaders Meet"),
    ("summit.html", (PAGES / "summit.html").read_bytes(),
     "Leaders meet at the border, agree to further talks"),
    ("summit.docx", make_docx("Leaders Meet At The Border", SUMMIT.split("\n\n")[1:]), "Leaders Meet At The Border"),
    ("summit.pdf", make_pdf(SUMMIT_PDF_LINES), "Leaders Meet At The Border"),
    ("summit-latin1.txt", SUMMIT.replace("border", "frontière").encode("latin-1"), "Leaders Meet At The Border"),
    ("summit-utf16.txt", SUMMIT.encode("utf-16"), "Leaders Meet At The Border"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "data", "title"), UPLOADS, ids=[u[0] for u in UPLOADS])
def test_upload_each_format(filled: SqlStore, name: str, data: bytes, title: str) -> None:
    outcome = add_upload(filled, name, data)
    assert outcome.added, outcome.reason
    stored = filled.get(outcome.id)
    assert stored.title == title and outcome.title == title
    assert SUMMIT_BODY_START in stored.article.text
    assert (stored.origin, stored.article.source) == ("upload", f"upload: {name}")
    assert len(filled.list()) == 2


def test_uploaded_html_drops_scripts_navigation_and_comments(store: SqlStore) -> None:
    data = (PAGES / "summit.html").read_bytes()
    text = store.get(add_upload(store, "page.html", data).id).article.text
    assert text.startswith(SUMMIT_BODY_START)
    for junk in ("TRACKING-PIXEL-SCRIPT-TEXT", "INLINE-AD-SCRIPT-TEXT", "Accept all", "Related stories",
                 "believe it when the trains run", "All rights reserved"):  # fmt: skip
        assert junk not in text


def test_paste(filled: SqlStore) -> None:
    body = SUMMIT.split("\n\n", 1)[1]
    meta = {
        "outlet": "Northern Ledger",
        "published": "2023-09-13",
        "url": "https://ledger.example/a",
        "tags": "summit, rail",
    }
    outcome = add_paste(filled, body, title="Leaders meet", meta=meta)
    assert outcome.added, outcome.reason
    a = filled.get(outcome.id).article
    # Pasted text has no title line: the first line stays body text.
    assert a.title == "Leaders meet" and a.text.startswith(SUMMIT_BODY_START)
    assert (a.outlet, a.published, a.url, a.tags) == (
        "Northern Ledger",
        "2023-09-13",
        "https://ledger.example/a",
        ("summit", "rail"),
    )
    assert filled.get(outcome.id).origin == "paste"


def test_url_import(filled: SqlStore, news: NewsServer) -> None:
    outcome = add_url(filled, f"{news.base}/short-link", fetch_settings=LOOPBACK)
    assert outcome.added, outcome.reason
    stored = filled.get(outcome.id)
    a = stored.article
    # trafilatura reads the page's metadata: headline, byline, date, site name, canonical URL.
    assert a.title == "Leaders meet at the border, agree to further talks"
    assert a.author == "Maria Olsen"
    assert a.published == "2023-09-13"
    assert a.outlet == "The Northern Ledger"
    assert a.url == "https://www.northern-ledger.example/world/leaders-meet-at-the-border"
    assert a.text.startswith(SUMMIT_BODY_START) and "INLINE-AD-SCRIPT-TEXT" not in a.text
    assert stored.origin == "url"


def test_url_import_latin1_page(store: SqlStore, news: NewsServer) -> None:
    outcome = add_url(store, f"{news.base}/regional/floods-close-schools", fetch_settings=LOOPBACK)
    assert outcome.added, outcome.reason
    a = store.get(outcome.id).article
    # The charset is only in the Content-Type header: é decoded right, not as mojibake.
    assert "résidents" in a.text and "Café Müller" in a.text
    assert (a.outlet, a.author, a.published) == ("Valley Courier", "Jörg Müller", "2024-02-06")
    # No canonical link in the page: the URL fetched is kept.
    assert a.url == f"{news.base}/regional/floods-close-schools"


def test_url_import_pdf(store: SqlStore, news: NewsServer) -> None:
    outcome = add_url(store, f"{news.base}/report.pdf", fetch_settings=LOOPBACK)
    assert outcome.added, outcome.reason
    a = store.get(outcome.id).article
    # No site name in a PDF: the host stands in for the outlet.
    assert (a.title, a.outlet, a.url) == (
        "Leaders Meet At The Border",
        "127.0.0.1",
        f"{news.base}/report.pdf",
    )


def test_non_english_is_added_and_flagged(filled: SqlStore) -> None:
    outcome = add_upload(filled, "gipfel.txt", GERMAN.encode())
    assert outcome.added
    assert any("does not look like English" in n for n in outcome.notes)


def test_bad_metadata_is_dropped_not_the_article(store: SqlStore) -> None:
    raw = "---\ntitle: Leaders Meet\npublished: last Tuesday\nurl: not-a-link\n---\n" + SUMMIT
    outcome = add_upload(store, "summit.md", raw.encode())
    assert outcome.added
    a = store.get(outcome.id).article
    assert (a.published, a.url) == ("", "")
    assert [n.split(" is not")[0] for n in outcome.notes] == ["published 'last Tuesday'", "url 'not-a-link'"]


def test_file_name_is_never_a_path(store: SqlStore) -> None:
    outcome = add_upload(store, "../../../etc/cron.d/evil\x00.txt", SUMMIT.encode())
    assert outcome.added
    assert store.get(outcome.id).article.source == "upload: evil.txt"
    assert display_name("C:\\Users\\me\\Desktop\\summit.docx") == "summit.docx"
    assert display_name("") == "unnamed"


# -- each bad input: refused with a clear reason, store unchanged ------------------------------


BAD_UPLOADS = [
    ("empty.txt", b"", "the file is empty"),
    ("blank.md", b" \n\t\n", "the file is empty"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(500), r"binary \(a PNG image\)"),
    ("photo.jpg.txt", b"\xff\xd8\xff\xe0" + bytes(500), r"binary \(a JPEG image\)"),
    ("random.txt", bytes(range(256)) * 4, "binary"),
    ("huge.txt", b"word " * (10 * 2**20), r"the file is 50 MB; the limit is 20 MB"),
    ("scripts.html", b"<html><body><script>var a = 'Leaders meet';</script><style>p{}</style></body></html>",
     "no article text could be extracted"),
    ("scan.pdf", make_scanned_pdf(), "no text layer"),
    ("broken.docx", b"PK\x03\x04garbage", "not a valid .docx"),
    ("keywords.txt", NO_SENTENCES.encode(), "no sentences"),
    ("headline.txt", b"Leaders Meet\n\nLeaders meet at border", "no sentences"),
    ("title-only.txt", b"Leaders Meet At The Border\n", "no article text"),
    ("sheet.xlsx", b"PK\x03\x04", "unsupported file type '.xlsx'"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "data", "reason"), BAD_UPLOADS, ids=[b[0] for b in BAD_UPLOADS])
def test_bad_upload_changes_nothing(filled: SqlStore, name: str, data: bytes, reason: str) -> None:
    before = snapshot(filled)
    outcome = add_upload(filled, name, data)
    assert outcome.status == "refused"
    assert outcome.source == name
    assert re.search(reason, outcome.reason), outcome.reason
    assert snapshot(filled) == before


@pytest.mark.parametrize(
    ("text", "title", "reason"),
    [
        ("", "A title", "nothing was pasted"),
        ("   \n ", "A title", "nothing was pasted"),
        (SUMMIT, "  ", "give the pasted article a title"),
        (NO_SENTENCES, "Keywords", "no sentences"),
        ("x" * (21 * 2**20), "Huge", "over 20 MB"),
    ],
    ids=["empty", "blank", "no title", "no sentences", "huge"],
)
def test_bad_paste_changes_nothing(filled: SqlStore, text: str, title: str, reason: str) -> None:
    before = snapshot(filled)
    outcome = add_paste(filled, text, title=title)
    assert not outcome.added and reason in outcome.reason
    assert snapshot(filled) == before


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/slow", "did not answer within 1 seconds"),
        ("/loop-a", "redirects in a loop"),
        ("/hop/1", "too many redirects"),
        ("/gone", "not found (HTTP 404)"),
        ("/broken", "HTTP 500"),
        ("/to-private", "private network address"),
        ("/to-metadata", "cloud metadata"),
        ("/photo.png", "returned image/png, not an article page"),
        ("/empty", "the page is empty"),
    ],
)
def test_bad_url_changes_nothing(filled: SqlStore, news: NewsServer, path: str, reason: str) -> None:
    before = snapshot(filled)
    outcome = add_url(filled, news.base + path, fetch_settings=LOOPBACK)
    assert not outcome.added and reason in outcome.reason, outcome.reason
    assert snapshot(filled) == before


def test_loopback_url_refused_by_default(filled: SqlStore, news: NewsServer) -> None:
    before = snapshot(filled)
    outcome = add_url(filled, f"{news.base}/world/leaders-meet-at-the-border")
    assert not outcome.added and "loopback" in outcome.reason
    assert snapshot(filled) == before


def test_duplicate_upload_is_refused_then_kept_on_request(filled: SqlStore) -> None:
    first = add_upload(filled, "summit.txt", SUMMIT.encode())
    before = snapshot(filled)
    again = add_upload(
        filled, "summit-copy.docx", make_docx("Leaders Meet At The Border", SUMMIT.split("\n\n")[1:])
    )
    assert not again.added
    assert again.duplicate is not None and again.duplicate.id == first.id
    assert "duplicate of 'Leaders Meet At The Border'" in again.reason and "nothing was added" in again.reason
    assert snapshot(filled) == before
    kept = add_upload(filled, "summit-copy.txt", SUMMIT.encode(), allow_duplicate=True)
    assert kept.added and f"duplicates article {first.id}" in kept.notes[-1]


def test_duplicate_url_import(store: SqlStore, news: NewsServer) -> None:
    assert add_url(store, f"{news.base}/world/leaders-meet-at-the-border", fetch_settings=LOOPBACK).added
    again = add_url(store, f"{news.base}/short-link", fetch_settings=LOOPBACK)
    assert not again.added and "the same URL" in again.reason


def test_page_without_content_type_is_read_as_html() -> None:
    from analysis.store.fetch import Page

    body = (
        b"<html><body><h1>Leaders Meet</h1><p>" + SUMMIT.split("\n\n", 1)[1].encode() + b"</p></body></html>"
    )
    a = article_from_page(Page("https://ledger.example/a", "https://ledger.example/a", 200, "", "", body))
    assert a.text.startswith(SUMMIT_BODY_START) and a.outlet == "ledger.example"
