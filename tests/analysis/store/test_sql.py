"""SqlStore: the CorpusStore contract on SQLite and on a real PostgreSQL server (every test runs on both)."""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from analysis.corpus import Article, article_from_text
from analysis.store import sql
from analysis.store.base import DuplicateError, InvalidMetadata, NotFound, StoreError, StoreUnavailable
from analysis.store.sql import SqlStore, engine_url

from .store_samples import FLOODS, SUMMIT, SUMMIT_BODY_START


def article(raw: str = SUMMIT, **meta: object) -> Article:
    return article_from_text(raw, id="ignored", kind="txt", source="test", meta=meta)


def snapshot(store: SqlStore) -> tuple:
    """Everything a failed write must leave as it was."""
    return (
        [(s.id, s.article, s.duplicate_of) for s in store.list()],
        [s.id for s in store.list_trash()],
        store.revision(),
    )


def test_new_store_is_empty(store: SqlStore) -> None:
    # Seed articles are never copied into a store: a new one lists nothing.
    assert store.list() == [] and store.list_trash() == []
    assert store.revision() == 0


def test_add_get_list_round_trip(store: SqlStore) -> None:
    a = article(outlet="Northern Ledger", published="2023-09-13", url="https://ledger.example/a", tags=["summit"])
    stored = store.add(a, origin="upload")
    assert len(stored.id) == 12 and stored.id != a.id  # the store gives its own ids
    got = store.get(stored.id)
    assert got.article == dataclasses.replace(a, id=stored.id)  # text, metadata, removed blocks: all kept
    assert got.origin == "upload" and got.deleted is None and got.duplicate_of == ""
    assert got.added.tzinfo is not None and got.added == got.updated
    assert got.article.text.startswith(SUMMIT_BODY_START)
    assert [s.id for s in store.list()] == [stored.id]
    assert stored.record() == {
        "id": stored.id,
        "title": "Leaders Meet At The Border",
        "outlet": "Northern Ledger",
        "published": "2023-09-13",
        "url": "https://ledger.example/a",
        "words": a.words,
    }


def test_list_is_oldest_first(store: SqlStore) -> None:
    first = store.add(article(SUMMIT))
    second = store.add(article(FLOODS))
    assert [s.id for s in store.list()] == [first.id, second.id]


def test_unicode_survives(store: SqlStore) -> None:
    raw = "Zürich Talks 🌍\n\nDie Gespräche in Zürich dauerten lange, sagte er. «Wir sind zufrieden», sagte sie. 東京も.\n"
    stored = store.add(article(raw))
    assert store.get(stored.id).article.text == article(raw).text
    assert store.get(stored.id).title == "Zürich Talks 🌍"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"title": "  New   title \n"}, {"title": "New title"}),  # one line, spaces collapsed
        ({"outlet": "Valley Courier"}, {"outlet": "Valley Courier"}),
        ({"published": "2024-2-6"}, {"published": "2024-02-06"}),  # ISO form
        ({"published": "2024-02"}, {"published": "2024-02"}),
        ({"published": ""}, {"published": ""}),
        ({"url": "https://courier.example/floods"}, {"url": "https://courier.example/floods"}),
        ({"tags": "floods, schools, Floods ,"}, {"tags": ("floods", "schools")}),  # repeats and blanks dropped
        ({"tags": ["a", "b"]}, {"tags": ("a", "b")}),
        ({"author": "Jörg Müller"}, {"author": "Jörg Müller"}),
    ],
)
def test_update_metadata(store: SqlStore, changes: dict, expected: dict) -> None:
    stored = store.add(article(FLOODS))
    updated = store.update(stored.id, **changes)
    for field, value in expected.items():
        assert getattr(updated.article, field) == value
    assert updated.article.text == stored.article.text
    assert updated.updated > stored.updated


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "   "}, "title cannot be empty"),
        ({"published": "next Tuesday"}, "not a date"),
        ({"published": "2024-02-30"}, "not a real date"),
        ({"url": "javascript:alert(1)"}, "not a web address"),
        ({"url": "ftp://files.example/a"}, "not a web address"),
        ({"tags": ["x" * 61]}, "limit is 60"),
        ({"text": "replaced"}, "cannot edit text"),
    ],
)
def test_update_refuses_bad_metadata(store: SqlStore, changes: dict, message: str) -> None:
    stored = store.add(article(FLOODS))
    before = snapshot(store)
    with pytest.raises(InvalidMetadata, match=message):
        store.update(stored.id, **changes)
    assert snapshot(store) == before


def test_delete_goes_to_trash_and_restores(store: SqlStore) -> None:
    keep = store.add(article(FLOODS))
    gone = store.add(article(SUMMIT))
    trashed = store.delete(gone.id)
    assert trashed.deleted is not None
    assert [s.id for s in store.list()] == [keep.id]
    assert [s.id for s in store.list_trash()] == [gone.id]
    assert store.get(gone.id).article == gone.article  # nothing lost while in the trash
    with pytest.raises(StoreError, match="in the trash: restore it"):
        store.update(gone.id, title="x")
    with pytest.raises(StoreError, match="in the trash"):
        store.delete(gone.id)
    restored = store.restore(gone.id)
    assert restored.deleted is None
    assert sorted(s.id for s in store.list()) == sorted([keep.id, gone.id])
    with pytest.raises(StoreError, match="not in the trash"):
        store.restore(gone.id)


def test_unknown_ids(store: SqlStore) -> None:
    for call in (store.get, store.delete, store.restore, store.purge):
        with pytest.raises(NotFound, match="no article with id 'nope'"):
            call("nope")
    with pytest.raises(NotFound):
        store.update("nope", title="x")


def test_purge_only_from_trash(store: SqlStore) -> None:
    a, b, c = store.add(article(SUMMIT)), store.add(article(FLOODS)), store.add(article(SUMMIT + "\nMore.\n"), allow_duplicate=True)
    with pytest.raises(StoreError, match="delete it first"):
        store.purge(a.id)
    store.delete(a.id)
    store.delete(b.id)
    assert store.purge(a.id) == 1
    with pytest.raises(NotFound):
        store.get(a.id)
    assert store.purge() == 1  # the rest of the trash: b
    assert [s.id for s in store.list()] == [c.id] and store.list_trash() == []


def test_revision_counts_writes_not_reads(store: SqlStore) -> None:
    r0 = store.revision()
    s = store.add(article())
    store.list(), store.get(s.id), store.list_trash()
    assert store.revision() == r0 + 1
    store.update(s.id, outlet="X")
    store.delete(s.id)
    store.restore(s.id)
    assert store.revision() == r0 + 4


# -- duplicates ---------------------------------------------------------------------------


def test_same_url_is_a_duplicate(store: SqlStore) -> None:
    first = store.add(article(SUMMIT, url="https://www.ledger.example/world/summit/"))
    before = snapshot(store)
    # Different text, same page: scheme case, www., trailing slash and utm_ parameters do not matter.
    with pytest.raises(DuplicateError, match="the same URL") as info:
        store.add(article(FLOODS, url="HTTPS://ledger.example/world/summit?utm_source=feed"))
    assert info.value.duplicate.id == first.id
    assert snapshot(store) == before


def test_same_text_is_a_duplicate(store: SqlStore) -> None:
    first = store.add(article(SUMMIT))
    before = snapshot(store)
    # Case, spacing and curly quotes differ; the words are the same.
    variant = SUMMIT.upper().replace('"', "\u201c").replace(". ", ".   ")
    with pytest.raises(DuplicateError, match="the same text") as info:
        store.add(article(variant))
    assert info.value.duplicate.id == first.id and info.value.duplicate.title == first.title
    assert snapshot(store) == before


def test_near_identical_text_is_a_duplicate(store: SqlStore) -> None:
    store.add(article(SUMMIT))
    before = snapshot(store)
    # One word changed: 5 of the article's 5-word phrases change (estimate exact below 128 phrases).
    with pytest.raises(DuplicateError, match=r"near-identical text \(8\d% of 5-word phrases shared\)"):
        store.add(article(SUMMIT.replace("rose slightly", "rose sharply")))
    assert snapshot(store) == before


def test_different_article_is_not_a_duplicate(store: SqlStore) -> None:
    store.add(article(SUMMIT))
    assert store.find_duplicate(article(FLOODS)) is None


def test_duplicate_kept_on_request_is_flagged(store: SqlStore) -> None:
    first = store.add(article(SUMMIT))
    second = store.add(article(SUMMIT), allow_duplicate=True)
    assert second.duplicate_of == first.id
    assert len(store.list()) == 2


def test_duplicate_of_a_seed_article(store: SqlStore, seed_articles: dict[str, Article]) -> None:
    seed = seed_articles["004_76dfa7cb8ca091fe"]
    with pytest.raises(DuplicateError, match="004_76dfa7cb8ca091fe"):
        store.add(dataclasses.replace(seed, id="x"), also_check=list(seed_articles.values()))
    assert store.list() == []


def test_trashed_article_does_not_block_re_adding(store: SqlStore) -> None:
    first = store.add(article(SUMMIT))
    store.delete(first.id)
    again = store.add(article(SUMMIT))
    assert again.duplicate_of == ""
    # Restoring the old copy now flags it as a duplicate of the live one.
    assert store.restore(first.id).duplicate_of == again.id


def test_update_to_an_existing_url_is_refused(store: SqlStore) -> None:
    store.add(article(SUMMIT, url="https://ledger.example/a"))
    other = store.add(article(FLOODS))
    before = snapshot(store)
    with pytest.raises(DuplicateError, match="the same URL"):
        store.update(other.id, url="https://ledger.example/a/")
    assert snapshot(store) == before


# -- transactions, persistence, concurrency --------------------------------------------


def test_failed_write_leaves_store_unchanged(store: SqlStore, monkeypatch: pytest.MonkeyPatch) -> None:
    existing = store.add(article(SUMMIT))
    before = snapshot(store)
    # The insert fails after the revision was bumped in the same transaction: all of it rolls back.
    monkeypatch.setattr(sql, "new_id", lambda: existing.id)
    with pytest.raises(StoreError, match="failed"):
        store.add(article(FLOODS))
    assert snapshot(store) == before


def test_store_survives_reopening(store_url: str) -> None:
    first = SqlStore(store_url)
    stored = first.add(article(SUMMIT, tags=["a"]))
    first.delete(first.add(article(FLOODS)).id)
    first.engine.dispose()
    again = SqlStore(store_url)  # a restarted app
    assert [s.article for s in again.list()] == [stored.article]
    assert len(again.list_trash()) == 1
    again.engine.dispose()


def test_concurrent_adds_of_the_same_article(store_url: str) -> None:
    # Two app sessions add the same article at the same moment: one wins, one is told it is a duplicate.
    stores = [SqlStore(store_url) for _ in range(2)]
    results: list[str] = []
    barrier = threading.Barrier(2)

    def add(s: SqlStore) -> None:
        barrier.wait()
        try:
            s.add(article(SUMMIT))
            results.append("added")
        except DuplicateError:
            results.append("duplicate")

    threads = [threading.Thread(target=add, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(results) == ["added", "duplicate"]
    assert len(stores[0].list()) == 1
    for s in stores:
        s.engine.dispose()


def test_newer_schema_is_refused(store_url: str) -> None:
    SqlStore(store_url).engine.dispose()
    engine = sa.create_engine(engine_url(store_url))
    with engine.begin() as conn:
        conn.execute(sql.META.update().where(sql.META.c.key == "schema").values(number=sql.SCHEMA_VERSION + 1))
    engine.dispose()
    with pytest.raises(StoreUnavailable, match="newer than this version"):
        SqlStore(store_url)


# -- URLs and unreachable stores --------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "driver"),
    [
        ("postgresql://u:p@db.example/corpus", "postgresql+psycopg"),
        ("postgres://u:p@db.example/corpus", "postgresql+psycopg"),  # Heroku-style scheme
        ("postgresql+psycopg://u:p@db.example/corpus", "postgresql+psycopg"),
        ("sqlite:///x.db", "sqlite"),
    ],
)
def test_engine_url(url: str, driver: str) -> None:
    assert engine_url(url).drivername == driver


def test_not_a_url() -> None:
    with pytest.raises(StoreUnavailable, match="not a database URL"):
        SqlStore("corpus.db")


def test_unreachable_postgres_hides_password() -> None:
    port = _closed_port()
    with pytest.raises(StoreUnavailable) as info:
        SqlStore(f"postgresql://user:s3cret@127.0.0.1:{port}/corpus")
    assert "s3cret" not in str(info.value) and "***" in str(info.value)


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_sqlite_file_and_folder_are_created(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "corpus.sqlite3"
    SqlStore(f"sqlite:///{path}").engine.dispose()
    assert path.is_file()
