"""The corpus store on SQLAlchemy: SQLite by default, PostgreSQL (or any SQLAlchemy URL) for teams.

Two tables, prefixed so they can share a team database: ``coverage_lens_articles``
(one row per article, trashed ones with ``deleted`` set) and ``coverage_lens_meta``
(the schema version and a revision counter bumped by every write). Each write runs
in one transaction that first bumps the revision: on PostgreSQL that row lock
serialises concurrent writers, so two colleagues adding the same article at once
cannot both pass the duplicate check; on SQLite the database's write lock does.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError, SQLAlchemyError

from ..corpus import Article
from . import dedupe
from .base import (
    Duplicate,
    DuplicateError,
    InvalidMetadata,
    NotFound,
    StoredArticle,
    StoreError,
    StoreUnavailable,
    clean_metadata,
)

__all__ = ["SCHEMA_VERSION", "SqlStore", "engine_url", "new_id"]

SCHEMA_VERSION = 1

_md = sa.MetaData()
ARTICLES = sa.Table(
    "coverage_lens_articles",
    _md,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("outlet", sa.Text, nullable=False, default=""),
    sa.Column("published", sa.String(32), nullable=False, default=""),
    sa.Column("url", sa.Text, nullable=False, default=""),
    sa.Column("url_key", sa.String(512), nullable=False, default="", index=True),
    sa.Column("author", sa.Text, nullable=False, default=""),
    sa.Column("section", sa.Text, nullable=False, default=""),
    sa.Column("tags", sa.Text, nullable=False, default="[]"),  # JSON list
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("removed", sa.Text, nullable=False, default="[]"),  # JSON list: boilerplate cut at load
    sa.Column("words", sa.Integer, nullable=False),
    sa.Column("text_hash", sa.String(64), nullable=False, index=True),
    sa.Column("sketch", sa.LargeBinary, nullable=False),  # dedupe.Fingerprint.sketch_bytes()
    sa.Column("origin", sa.String(16), nullable=False, default=""),
    sa.Column("source", sa.Text, nullable=False, default=""),
    sa.Column("duplicate_of", sa.String(64), nullable=False, default=""),
    sa.Column("added", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
    sa.Column("deleted", sa.DateTime(timezone=True), nullable=True, index=True),
)
META = sa.Table(
    "coverage_lens_meta",
    _md,
    sa.Column("key", sa.String(32), primary_key=True),
    sa.Column("number", sa.Integer, nullable=False),
)


def new_id() -> str:
    """A fresh article id: 12 hex digits (never a seed's file stem)."""
    return secrets.token_hex(6)


def engine_url(url: str) -> sa.URL:
    """Parse a store URL; plain ``postgresql://`` / ``postgres://`` use the psycopg 3 driver."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    try:
        parsed = make_url(url)
    except Exception:  # sqlalchemy raises ArgumentError and others
        raise StoreUnavailable(f"'{url[:60]}' is not a database URL (e.g. sqlite:///corpus.db)") from None
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)


def _make_engine(url: sa.URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args={"timeout": 30})

        @sa.event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")  # readers do not block the writer
            cur.close()

        return engine
    connect_args = {"connect_timeout": 10} if url.get_backend_name() == "postgresql" else {}
    return sa.create_engine(url, pool_pre_ping=True, connect_args=connect_args)


class SqlStore:
    """:class:`~analysis.store.base.CorpusStore` on a SQLAlchemy engine.

    Args:
        target: a database URL (``sqlite:///path``, ``postgresql://user:pw@host/db``) or an
            existing :class:`sqlalchemy.engine.Engine` (such as ``st.connection(...).engine``).
    """

    def __init__(self, target: str | Engine):
        if isinstance(target, Engine):
            self.engine = target
        else:
            self.engine = _make_engine(engine_url(target))
        self._setup()

    # -- plumbing -------------------------------------------------------------------

    def describe(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def _fail(self, exc: SQLAlchemyError) -> StoreError:
        reason = str(getattr(exc, "orig", None) or exc).strip().split("\n")[0]
        kind = StoreUnavailable if isinstance(exc, OperationalError | InterfaceError) else StoreError
        return kind(f"the corpus store at {self.describe()} failed: {reason}")

    def _setup(self) -> None:
        for attempt in (1, 2):  # two app instances may create the tables at the same moment
            try:
                _md.create_all(self.engine, checkfirst=True)
                with self.engine.begin() as conn:
                    have = {r.key for r in conn.execute(sa.select(META.c.key))}
                    if "revision" not in have:
                        conn.execute(META.insert().values(key="revision", number=0))
                    if "schema" not in have:
                        conn.execute(META.insert().values(key="schema", number=SCHEMA_VERSION))
                    schema = conn.execute(sa.select(META.c.number).where(META.c.key == "schema")).scalar_one()
                break
            except IntegrityError:
                if attempt == 2:
                    raise StoreUnavailable(
                        f"the corpus store at {self.describe()} could not be set up"
                    ) from None
            except SQLAlchemyError as exc:
                raise self._fail(exc) from None
        if schema > SCHEMA_VERSION:
            raise StoreUnavailable(
                f"the corpus store at {self.describe()} has schema {schema}, newer than this "
                f"version of Coverage Lens understands ({SCHEMA_VERSION}): update the app"
            )

    def _write(self) -> _Write:
        return _Write(self)

    # -- reading --------------------------------------------------------------------

    @staticmethod
    def _from_row(row: Any) -> StoredArticle:
        article = Article(
            id=row.id,
            title=row.title,
            text=row.text,
            outlet=row.outlet,
            published=row.published,
            url=row.url,
            author=row.author,
            section=row.section,
            source=row.source,
            tags=tuple(json.loads(row.tags or "[]")),
            removed=tuple(json.loads(row.removed or "[]")),
        )
        return StoredArticle(
            article=article,
            origin=row.origin,
            added=_aware(row.added),
            updated=_aware(row.updated),
            deleted=_aware(row.deleted),
            duplicate_of=row.duplicate_of,
        )

    def _select(self, where: Any, *order: Any) -> list[StoredArticle]:
        try:
            with self.engine.connect() as conn:
                rows = conn.execute(sa.select(ARTICLES).where(where).order_by(*order)).all()
        except SQLAlchemyError as exc:
            raise self._fail(exc) from None
        return [self._from_row(r) for r in rows]

    def get(self, article_id: str) -> StoredArticle:
        found = self._select(ARTICLES.c.id == str(article_id))
        if not found:
            raise NotFound(f"no article with id '{article_id}' in the store or its trash")
        return found[0]

    def list(self) -> list[StoredArticle]:
        return self._select(ARTICLES.c.deleted.is_(None), ARTICLES.c.added, ARTICLES.c.id)

    def list_trash(self) -> list[StoredArticle]:
        return self._select(ARTICLES.c.deleted.is_not(None), ARTICLES.c.deleted.desc(), ARTICLES.c.id)

    def revision(self) -> int:
        try:
            with self.engine.connect() as conn:
                return int(
                    conn.execute(sa.select(META.c.number).where(META.c.key == "revision")).scalar_one()
                )
        except SQLAlchemyError as exc:
            raise self._fail(exc) from None

    # -- duplicates -----------------------------------------------------------------

    def _duplicate(
        self,
        conn: Connection,
        article: Article,
        fp: dedupe.Fingerprint,
        also_check: Sequence[Article],
        exclude: str = "",
    ) -> Duplicate | None:
        live = ARTICLES.c.deleted.is_(None) & (ARTICLES.c.id != exclude)
        key = dedupe.url_key(article.url)
        if key:
            row = conn.execute(
                sa.select(ARTICLES.c.id, ARTICLES.c.title).where(live & (ARTICLES.c.url_key == key))
            ).first()
            if row:
                return Duplicate(row.id, row.title, "the same URL")
            for other in also_check:
                if dedupe.url_key(other.url) == key:
                    return Duplicate(other.id, other.title, "the same URL")
        row = conn.execute(
            sa.select(ARTICLES.c.id, ARTICLES.c.title).where(live & (ARTICLES.c.text_hash == fp.text_hash))
        ).first()
        if row:
            return Duplicate(row.id, row.title, "the same text")
        lo, hi = int(fp.words * 0.7), int(fp.words / 0.7) + 1
        rows = conn.execute(
            sa.select(ARTICLES.c.id, ARTICLES.c.title, ARTICLES.c.sketch).where(
                live & ARTICLES.c.words.between(lo, hi)
            )
        ).all()
        candidates: list[tuple[str, str, tuple[int, ...] | bytes]] = [(r.id, r.title, r.sketch) for r in rows]
        for other in also_check:
            ofp = dedupe.fingerprint(other.text)
            if ofp.text_hash == fp.text_hash:
                return Duplicate(other.id, other.title, "the same text")
            if lo <= ofp.words <= hi:
                candidates.append((other.id, other.title, ofp.sketch))
        scores = dedupe.similarities(fp.sketch, [c[2] for c in candidates])
        if len(scores) and scores.max() >= dedupe.NEAR_DUPLICATE:
            best = int(scores.argmax())
            share = f"{scores[best]:.0%}"
            return Duplicate(
                candidates[best][0],
                candidates[best][1],
                f"near-identical text ({share} of 5-word phrases shared)",
            )
        return None

    def find_duplicate(self, article: Article, also_check: Sequence[Article] = ()) -> Duplicate | None:
        try:
            with self.engine.connect() as conn:
                return self._duplicate(conn, article, dedupe.fingerprint(article.text), also_check)
        except SQLAlchemyError as exc:
            raise self._fail(exc) from None

    # -- writing --------------------------------------------------------------------

    def add(
        self,
        article: Article,
        *,
        origin: str = "",
        allow_duplicate: bool = False,
        also_check: Sequence[Article] = (),
    ) -> StoredArticle:
        meta = clean_metadata(
            {
                "title": article.title,
                "outlet": article.outlet,
                "published": article.published,
                "url": article.url,
                "author": article.author,
                "section": article.section,
                "tags": article.tags,
            }
        )
        if not article.text.strip():
            raise InvalidMetadata("the article has no text")
        fp = dedupe.fingerprint(article.text)
        now = _now()
        row = {
            **meta,
            "id": new_id(),
            "tags": json.dumps(list(meta["tags"]), ensure_ascii=False),
            "url_key": dedupe.url_key(meta["url"])[:512],
            "text": article.text,
            "removed": json.dumps(list(article.removed), ensure_ascii=False),
            "words": fp.words,
            "text_hash": fp.text_hash,
            "sketch": fp.sketch_bytes(),
            "origin": origin[:16],
            "source": article.source,
            "duplicate_of": "",
            "added": now,
            "updated": now,
            "deleted": None,
        }
        with self._write() as conn:
            dup = self._duplicate(conn, Article(**{**_fields(article), "url": meta["url"]}), fp, also_check)
            if dup is not None:
                if not allow_duplicate:
                    raise DuplicateError(dup)
                row["duplicate_of"] = dup.id[:64]
            conn.execute(ARTICLES.insert().values(**row))
        return self.get(row["id"])

    def update(self, article_id: str, *, allow_duplicate: bool = False, **changes: Any) -> StoredArticle:
        values = clean_metadata(changes)
        if not values:
            return self.get(article_id)
        if "tags" in values:
            values["tags"] = json.dumps(list(values["tags"]), ensure_ascii=False)
        if "url" in values:
            values["url_key"] = dedupe.url_key(values["url"])[:512]
        values["updated"] = _now()
        with self._write() as conn:
            current = self._live(conn, article_id, "edit")
            key = values.get("url_key")
            if key and key != current.url_key and not allow_duplicate:
                other = conn.execute(
                    sa.select(ARTICLES.c.id, ARTICLES.c.title).where(
                        ARTICLES.c.deleted.is_(None)
                        & (ARTICLES.c.url_key == key)
                        & (ARTICLES.c.id != article_id)
                    )
                ).first()
                if other:
                    raise DuplicateError(Duplicate(other.id, other.title, "the same URL"))
            conn.execute(ARTICLES.update().where(ARTICLES.c.id == article_id).values(**values))
        return self.get(article_id)

    def _live(self, conn: Connection, article_id: str, verb: str) -> Any:
        row = conn.execute(sa.select(ARTICLES).where(ARTICLES.c.id == str(article_id))).first()
        if row is None:
            raise NotFound(f"no article with id '{article_id}' in the store")
        if row.deleted is not None:
            raise StoreError(f"article '{article_id}' is in the trash: restore it before you {verb} it")
        return row

    def delete(self, article_id: str) -> StoredArticle:
        with self._write() as conn:
            self._live(conn, article_id, "delete")
            conn.execute(ARTICLES.update().where(ARTICLES.c.id == article_id).values(deleted=_now()))
        return self.get(article_id)

    def restore(self, article_id: str) -> StoredArticle:
        with self._write() as conn:
            row = conn.execute(sa.select(ARTICLES).where(ARTICLES.c.id == str(article_id))).first()
            if row is None:
                raise NotFound(f"no article with id '{article_id}' in the trash")
            if row.deleted is None:
                raise StoreError(f"article '{article_id}' is not in the trash")
            stored = self._from_row(row)
            fp = dedupe.Fingerprint(
                row.text_hash, dedupe.Fingerprint.parse_sketch(bytes(row.sketch)), row.words
            )
            dup = self._duplicate(conn, stored.article, fp, (), exclude=row.id)
            conn.execute(
                ARTICLES.update()
                .where(ARTICLES.c.id == article_id)
                .values(deleted=None, updated=_now(), duplicate_of=dup.id[:64] if dup else "")
            )
        return self.get(article_id)

    def purge(self, article_id: str | None = None) -> int:
        with self._write() as conn:
            where = ARTICLES.c.deleted.is_not(None)
            if article_id is not None:
                row = conn.execute(
                    sa.select(ARTICLES.c.deleted).where(ARTICLES.c.id == str(article_id))
                ).first()
                if row is None:
                    raise NotFound(f"no article with id '{article_id}' in the trash")
                if row.deleted is None:
                    raise StoreError(f"article '{article_id}' is not in the trash: delete it first")
                where = where & (ARTICLES.c.id == article_id)
            return conn.execute(ARTICLES.delete().where(where)).rowcount


def _fields(article: Article) -> dict[str, Any]:
    return {f: getattr(article, f) for f in Article.__slots__}


class _Write:
    """One write transaction: bumps the revision first (taking the write lock), commits or rolls back."""

    def __init__(self, store: SqlStore):
        self.store = store
        self._ctx: Any = None

    def __enter__(self) -> Connection:
        try:
            self._ctx = self.store.engine.begin()
            conn = self._ctx.__enter__()
            conn.execute(META.update().where(META.c.key == "revision").values(number=META.c.number + 1))
        except SQLAlchemyError as exc:
            if self._ctx is not None:
                self._ctx.__exit__(type(exc), exc, exc.__traceback__)
            raise self.store._fail(exc) from None
        return conn

    def __exit__(self, exc_type: Any, exc: BaseException | None, tb: Any) -> bool:
        try:
            self._ctx.__exit__(exc_type, exc, tb)  # commits, or rolls back on an exception
        except SQLAlchemyError as err:
            raise self.store._fail(err) from None
        if isinstance(exc, SQLAlchemyError):
            raise self.store._fail(exc) from None
        return False
