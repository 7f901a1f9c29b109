"""The Library page with AppTest: add by upload, paste and URL, refusals, edit, trash, restore, purge.

Each test uses its own SQLite store through ``COVERAGE_LENS_STORE``; the secrets test
opens it through ``st.connection`` instead.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "pages" / "library.py")
sys.path.insert(0, str(ROOT / "tests" / "analysis" / "store"))

from store_samples import FLOODS, SUMMIT, make_docx, make_pdf, make_scanned_pdf  # noqa: E402

from analysis.store.config import ENV_VAR  # noqa: E402
from analysis.store.sql import SqlStore  # noqa: E402

SUMMIT_BODY = SUMMIT.split("\n\n", 1)[1]


@pytest.fixture(autouse=True)
def fresh_caches() -> None:
    """Stores opened and articles read are cached per process; each test starts clean."""
    import streamlit as st

    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture
def store_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    monkeypatch.setenv(ENV_VAR, url)
    return url


def run(at: AppTest | None = None) -> AppTest:
    at = at or AppTest.from_file(PAGE, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest, kind: str) -> list[str]:
    """The messages of one kind as a reader sees them (Markdown escapes removed)."""
    return [re.sub(r"\\(.)", r"\1", e.value) for e in getattr(at, kind)]


def test_empty_library(store_url: str) -> None:
    at = run()
    assert texts(at, "info") == [
        "No articles added yet. Upload files, paste text or import a web page above."
    ]
    assert "2 starter articles" in at.caption[0].value


def test_upload_adds_and_refuses_with_reasons(store_url: str) -> None:
    at = run()
    at.file_uploader[0].set_value(
        [
            ("summit.txt", SUMMIT.encode(), "text/plain"),
            (
                "floods.docx",
                make_docx("Floods Close Schools", FLOODS.split("\n\n")[1:]),
                "application/octet-stream",
            ),
            ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(50), "text/plain"),
            ("scan.pdf", make_scanned_pdf(), "application/pdf"),
            ("empty.md", b"", "text/markdown"),
        ]
    )
    at.button(key="library_upload_add").click()
    run(at)
    assert texts(at, "success") == [
        "Added “Leaders Meet At The Border” from summit.txt.",
        "Added “Floods Close Schools” from floods.docx.",
    ]
    errors = texts(at, "error")
    assert len(errors) == 3
    assert errors[0] == "Not added: photo.txt. The file is binary (a PNG image), not .txt text"
    assert "The PDF has no text layer" in errors[1]
    assert "The file is empty" in errors[2]
    assert list(at.dataframe[0].value["title"]) == ["Leaders Meet At The Border", "Floods Close Schools"]
    # The uploader is emptied, so the next click does not add the same files again.
    assert not at.file_uploader[0].value
    assert [s.title for s in SqlStore(store_url).list()] == [
        "Leaders Meet At The Border",
        "Floods Close Schools",
    ]


def test_paste_with_metadata(store_url: str) -> None:
    at = run()
    at.text_input(key="library_paste_title").input("Leaders meet")
    at.text_area(key="library_paste_text").input(SUMMIT_BODY)
    at.text_input(key="library_paste_outlet").input("Northern Ledger")
    at.text_input(key="library_paste_published").input("2023-09-13")
    at.text_input(key="library_paste_tags").input("summit, rail")
    at.button(key="library_paste_add").click()
    run(at)
    assert texts(at, "success") == ["Added “Leaders meet” from pasted text 'Leaders meet'."]
    row = at.dataframe[0].value.iloc[0]
    assert (row["title"], row["outlet"], row["published"], row["tags"]) == (
        "Leaders meet", "Northern Ledger", "2023-09-13", "summit, rail",
    )  # fmt: skip
    assert at.text_input(key="library_paste_title").value == ""  # the form is cleared after adding


@pytest.mark.parametrize(
    ("title", "text", "published", "message"),
    [
        ("", SUMMIT_BODY, "", "Give the pasted article a title"),
        ("Keywords", "border\ntrade\nsecurity", "", "The text has no sentences"),
        ("Leaders", "", "", "Nothing was pasted"),
    ],
)
def test_paste_refused(store_url: str, title: str, text: str, published: str, message: str) -> None:
    at = run()
    at.text_input(key="library_paste_title").input(title)
    at.text_area(key="library_paste_text").input(text)
    at.button(key="library_paste_add").click()
    run(at)
    assert message in texts(at, "error")[0]
    assert SqlStore(store_url).list() == []


def test_duplicates_flagged_then_kept_on_request(store_url: str) -> None:
    at = run()
    for _ in range(2):
        at.file_uploader[0].set_value(("summit.txt", SUMMIT.encode(), "text/plain"))
        at.button(key="library_upload_add").click()
        run(at)
    assert "Duplicate of 'Leaders Meet At The Border'" in texts(at, "error")[0]
    at.checkbox(key="library_upload_keep_duplicates").check()
    at.file_uploader[0].set_value(("summit.txt", SUMMIT.encode(), "text/plain"))
    at.button(key="library_upload_add").click()
    run(at)
    assert any("kept although it duplicates" in w for w in texts(at, "warning"))
    assert list(at.dataframe[0].value["duplicate of"])[1] != ""


def test_seed_article_is_a_duplicate(store_url: str) -> None:
    at = run()
    seed = (ROOT / "data" / "articles" / "004_76dfa7cb8ca091fe.md").read_bytes()
    at.file_uploader[0].set_value(("again.md", seed, "text/markdown"))
    at.button(key="library_upload_add").click()
    run(at)
    assert "(id 004_76dfa7cb8ca091fe)" in texts(at, "error")[0]


def test_url_refused_without_network(store_url: str) -> None:
    at = run()
    at.text_area(key="library_urls").input(
        "http://127.0.0.1:9/news\nftp://example.org/a\nhttp://169.254.169.254/"
    )
    at.button(key="library_urls_add").click()
    run(at)
    errors = texts(at, "error")
    assert "loopback address" in errors[0] and "Only http" in errors[1] and "cloud metadata" in errors[2]
    assert SqlStore(store_url).list() == []


def test_edit_delete_restore_purge(store_url: str) -> None:
    at = run()
    at.file_uploader[0].set_value(
        ("summit.pdf", make_pdf(["Leaders Meet", "", SUMMIT_BODY.split("\n")[0]]), "application/pdf")
    )
    at.button(key="library_upload_add").click()
    run(at)
    article_id = at.dataframe[0].value["id"].iloc[0]

    at.text_input(key=f"library_edit_{article_id}_title").input("Leaders meet at the border")
    at.text_input(key=f"library_edit_{article_id}_published").input("13 September")  # not a date
    _submit(at)
    assert "Not saved: Published '13 September' is not a date" in texts(at, "error")[0]
    assert at.dataframe[0].value["title"].iloc[0] == "Leaders Meet"  # nothing changed

    at.text_input(key=f"library_edit_{article_id}_published").input("2023-09-13")
    at.text_input(key=f"library_edit_{article_id}_tags").input("summit")
    _submit(at)
    row = at.dataframe[0].value.iloc[0]
    assert (row["title"], row["published"], row["tags"]) == (
        "Leaders meet at the border",
        "2023-09-13",
        "summit",
    )

    at.button(key="library_delete").click()
    run(at)
    assert texts(at, "info")[0].startswith("No articles added yet")
    assert at.expander[0].label == "Trash (1)"
    at.button(key="library_restore").click()
    run(at)
    assert list(at.dataframe[0].value["id"]) == [article_id]

    at.button(key="library_delete").click()
    run(at)
    at.button(key="library_purge").click()
    run(at)
    assert "cannot be undone" in texts(at, "warning")[0]  # not confirmed: nothing purged
    at.checkbox(key="library_purge_confirm").check()
    at.button(key="library_purge").click()
    run(at)
    assert texts(at, "success") == ["Deleted for good."]
    assert at.expander[0].label == "Trash (0)"


def _submit(at: AppTest) -> None:
    submit = [b for b in at.button if b.proto.is_form_submitter]
    submit[0].click()
    run(at)


def test_user_content_is_never_markup(store_url: str) -> None:
    at = run()
    title = "<img src=x onerror=alert(1)> **bold** [link](javascript:alert(1)) ![i](http://t.example/p.png)"
    at.text_input(key="library_paste_title").input(title)
    at.text_area(key="library_paste_text").input(SUMMIT_BODY)
    at.button(key="library_paste_add").click()
    run(at)
    shown = at.success[0].value
    # Every Markdown/HTML character is escaped, so the title shows as typed and nothing renders.
    assert re.search(r"(?<!\\)[<>\[\]*!()]", shown.split("”")[0]) is None
    assert "\\<img src=x onerror=alert\\(1\\)\\>" in shown
    assert texts(at, "success")[0].startswith(f"Added “{title}”")
    assert at.dataframe[0].value["title"].iloc[0] == title  # tables show plain text
    assert not at.get("html") and not any("unsafe" in str(m.proto) for m in at.markdown)


def test_store_from_secrets_connection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # No COVERAGE_LENS_STORE: the store is the secrets' [connections.corpus], opened by st.connection.
    monkeypatch.delenv(ENV_VAR, raising=False)
    from streamlit.runtime.secrets import secrets_singleton

    url = f"sqlite:///{tmp_path / 'team.sqlite3'}"
    # What a secrets.toml with [connections.corpus] url = ... loads to. Set on the process-wide
    # secrets object: st.connection reads that one, not AppTest's per-test `at.secrets`.
    monkeypatch.setattr(secrets_singleton, "_secrets", {"connections": {"corpus": {"url": url}}})
    at = run()
    assert "Streamlit secrets [connections.corpus]" in texts(at, "caption")[0]
    at.text_input(key="library_paste_title").input("Leaders meet")
    at.text_area(key="library_paste_text").input(SUMMIT_BODY)
    at.button(key="library_paste_add").click()
    run(at)
    assert [s.title for s in SqlStore(url).list()] == ["Leaders meet"]


def test_unreachable_store(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, "postgresql://u:secret@127.0.0.1:9/corpus")
    at = run()
    assert at.error[0].value.startswith("The corpus store cannot be used")
    assert "secret" not in at.error[0].value
