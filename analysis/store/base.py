"""The corpus store's interface, its records and errors, and metadata validation.

A :class:`CorpusStore` keeps the articles users added (never the seed articles). Every
write is one transaction: it happens whole or not at all. Deleting moves an article
to the trash, from which it can be restored; only :meth:`CorpusStore.purge` deletes
for good, and only what is in the trash.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit

from ..corpus import Article

__all__ = [
    "EDITABLE_FIELDS",
    "CorpusStore",
    "Duplicate",
    "DuplicateError",
    "InvalidMetadata",
    "NotFound",
    "StoreError",
    "StoreUnavailable",
    "StoredArticle",
    "clean_metadata",
]

#: Metadata a user may edit after adding an article.
EDITABLE_FIELDS = ("title", "outlet", "published", "url", "author", "section", "tags")


class StoreError(Exception):
    """A store operation failed; the message is for the user."""


class StoreUnavailable(StoreError):
    """The store's database cannot be reached or opened."""


class NotFound(StoreError, KeyError):
    """No article with that id (in the store or, where it matters, in the trash)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "not found"


class InvalidMetadata(StoreError, ValueError):
    """A metadata value was refused (bad date, URL, empty title …)."""


@dataclass(frozen=True, slots=True)
class Duplicate:
    """An existing article that a new one duplicates, and how."""

    id: str
    title: str
    reason: str  # "the same URL", "the same text", "near-identical text (93% shared phrases)"

    def __str__(self) -> str:
        return f"duplicate of '{self.title}' (id {self.id}): {self.reason}"


class DuplicateError(StoreError):
    """Refused because the article is already there (see :class:`Duplicate`)."""

    def __init__(self, duplicate: Duplicate):
        super().__init__(str(duplicate))
        self.duplicate = duplicate


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as the store keeps it, with its history."""

    article: Article
    origin: str  # how it came in: "upload", "paste", "url" or "file"
    added: dt.datetime
    updated: dt.datetime
    deleted: dt.datetime | None = None
    duplicate_of: str = ""  # set when it was added although it duplicates this article

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def title(self) -> str:
        return self.article.title

    @property
    def words(self) -> int:
        return self.article.words

    def record(self) -> dict[str, Any]:
        """The ``list --format json`` record: id, title, outlet, published, url, words."""
        a = self.article
        return {
            "id": a.id,
            "title": a.title,
            "outlet": a.outlet,
            "published": a.published,
            "url": a.url,
            "words": a.words,
        }


class CorpusStore(Protocol):
    """The one interface to the user-added corpus (see :class:`~analysis.store.sql.SqlStore`)."""

    def describe(self) -> str:
        """Where the store is, safe to show (no password)."""
        ...

    def add(
        self,
        article: Article,
        *,
        origin: str = "",
        allow_duplicate: bool = False,
        also_check: Sequence[Article] = (),
    ) -> StoredArticle:
        """Store a new article under a new id.

        Raises :class:`DuplicateError` when it duplicates a stored article or one of
        ``also_check`` (the seed articles), unless ``allow_duplicate``; then it is
        stored with ``duplicate_of`` set.
        """
        ...

    def find_duplicate(self, article: Article, also_check: Sequence[Article] = ()) -> Duplicate | None:
        """The stored (or ``also_check``) article ``article`` duplicates, if any."""
        ...

    def get(self, article_id: str) -> StoredArticle:
        """One article, in the store or in the trash; :class:`NotFound` otherwise."""
        ...

    def list(self) -> list[StoredArticle]:
        """The stored articles (not the trash), oldest first."""
        ...

    def update(self, article_id: str, **changes: Any) -> StoredArticle:
        """Change metadata (:data:`EDITABLE_FIELDS`); :class:`InvalidMetadata` on bad values."""
        ...

    def delete(self, article_id: str) -> StoredArticle:
        """Move an article to the trash."""
        ...

    def restore(self, article_id: str) -> StoredArticle:
        """Bring an article back from the trash."""
        ...

    def list_trash(self) -> list[StoredArticle]:
        """The articles in the trash, most recently deleted first."""
        ...

    def purge(self, article_id: str | None = None) -> int:
        """Delete for good one trashed article (or the whole trash); returns how many."""
        ...

    def revision(self) -> int:
        """A number that changes with every write, to key caches on."""
        ...


_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?$")
_MAX_TAGS = 30


def _one_line(value: Any, field: str, limit: int) -> str:
    text = " ".join(str(value if value is not None else "").split())
    if len(text) > limit:
        raise InvalidMetadata(f"{field} is {len(text)} characters long; the limit is {limit}")
    return text


def _clean_date(value: Any) -> str:
    if value in (None, ""):
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    m = _DATE.match(text)
    if not m:
        raise InvalidMetadata(f"published '{text[:40]}' is not a date: use YYYY-MM-DD (or YYYY-MM, YYYY)")
    year, month, day = m.group(1), m.group(2), m.group(3)
    try:
        if day:
            return dt.date(int(year), int(month), int(day)).isoformat()
        if month:
            dt.date(int(year), int(month), 1)
            return f"{year}-{int(month):02d}"
    except ValueError:
        raise InvalidMetadata(f"published '{text[:40]}' is not a real date") from None
    return year


def _clean_url(value: Any) -> str:
    url = _one_line(value, "url", 2000)
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise InvalidMetadata(f"url '{url[:80]}' is not a web address (http:// or https://)")
    return url


def _clean_tags(value: Any) -> tuple[str, ...]:
    if value in (None, ""):
        return ()
    items: Iterable[Any] = value.split(",") if isinstance(value, str) else value
    tags: list[str] = []
    seen: set[str] = set()
    for item in items:
        tag = _one_line(item, "a tag", 60)
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            tags.append(tag)
    if len(tags) > _MAX_TAGS:
        raise InvalidMetadata(f"{len(tags)} tags; the limit is {_MAX_TAGS}")
    return tuple(tags)


def clean_metadata(changes: dict[str, Any]) -> dict[str, Any]:
    """Validate and normalise metadata changes; :class:`InvalidMetadata` names the bad field.

    Title: one line, not empty. Published: an ISO date (``YYYY-MM-DD``, ``YYYY-MM`` or
    ``YYYY``; a ``date`` is accepted). URL: empty or http(s). Tags: a list or a
    comma-separated string, trimmed, without repeats.
    """
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise InvalidMetadata(
            f"cannot edit {', '.join(sorted(unknown))}; editable fields: {', '.join(EDITABLE_FIELDS)}"
        )
    out: dict[str, Any] = {}
    for field, value in changes.items():
        if field == "title":
            out[field] = _one_line(value, "title", 500)
            if not out[field]:
                raise InvalidMetadata("the title cannot be empty")
        elif field == "published":
            out[field] = _clean_date(value)
        elif field == "url":
            out[field] = _clean_url(value)
        elif field == "tags":
            out[field] = _clean_tags(value)
        else:
            out[field] = _one_line(value, field, 300)
    return out
