"""The corpus store: articles users added, kept across restarts (pure Python, no Streamlit).

* :mod:`.base`: the :class:`CorpusStore` interface, records, errors, metadata rules.
* :mod:`.sql`: :class:`SqlStore`, the SQLAlchemy implementation (SQLite, PostgreSQL).
* :mod:`.config`: which store to open (``--store`` > ``COVERAGE_LENS_STORE`` > secrets > SQLite).
* :mod:`.fetch`: the safe URL fetcher; :mod:`.ingest`: files, pasted text and URLs to outcomes.
* :mod:`.dedupe`: duplicate detection (same URL, same or near-identical text).

The seed articles in ``data/articles/`` are never copied into a store.
"""

from .base import (
    CorpusStore,
    Duplicate,
    DuplicateError,
    InvalidMetadata,
    NotFound,
    StoredArticle,
    StoreError,
    StoreUnavailable,
)
from .config import StoreLocation, open_store, resolve
from .sql import SqlStore

__all__ = [
    "CorpusStore",
    "Duplicate",
    "DuplicateError",
    "InvalidMetadata",
    "NotFound",
    "SqlStore",
    "StoreError",
    "StoreLocation",
    "StoreUnavailable",
    "StoredArticle",
    "open_store",
    "resolve",
]
