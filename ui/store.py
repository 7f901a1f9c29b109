"""The corpus store in the app: which store, its articles (cached per revision), the seed articles.

Which store (README, "The corpus store"): ``COVERAGE_LENS_STORE`` if set; else the
``[connections.corpus]`` connection in Streamlit's secrets, opened with
``st.connection("corpus", type="sql")``; else the SQLite file under ``data/store/``.

The store is opened once per process (``st.cache_resource``: a SQLAlchemy engine is safe
to share between sessions). Its articles are read once per store *revision* (a counter
every write bumps), so an edit, a deletion or a colleague's upload shows on the next
rerun, and the analysis cache, keyed on the articles' content and metadata, recomputes.
"""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from analysis.corpus import Article, load_paths
from analysis.store import config
from analysis.store.base import StoredArticle, StoreError
from analysis.store.config import CONNECTION_NAME, StoreLocation
from analysis.store.sql import SqlStore

__all__ = [
    "SEED_DIR",
    "get_store",
    "seed_articles",
    "store_articles",
    "store_location",
    "stored_articles",
]

SEED_DIR = Path(__file__).resolve().parent.parent / "data" / "articles"
_SECRETS_ORIGIN = "Streamlit secrets [connections.corpus]"


def _secret_connection() -> bool:
    """Whether the secrets define ``[connections.corpus]`` (False when there are no secrets)."""
    try:
        if not st.secrets.load_if_toml_exists():
            return False
        connections = st.secrets.get("connections", {})
        return CONNECTION_NAME in connections
    except Exception:  # a broken secrets file must not take the app down; the default store is used
        return False


def store_location() -> StoreLocation:
    """Where the app's store is and why: environment, secrets connection, or the SQLite default."""
    env = os.environ.get(config.ENV_VAR, "").strip()
    if env:
        return StoreLocation(env, config.ENV_VAR)
    if _secret_connection():
        return StoreLocation(f'st.connection("{CONNECTION_NAME}", type="sql")', _SECRETS_ORIGIN)
    return StoreLocation(config.default_url(), "default")


@st.cache_resource(show_spinner=False)
def _open_url(url: str) -> SqlStore:
    return SqlStore(url)


@st.cache_resource(show_spinner=False)
def _open_connection(name: str) -> SqlStore:
    # pool_pre_ping: hosted PostgreSQL servers close idle connections; test each before use.
    return SqlStore(st.connection(name, type="sql", pool_pre_ping=True).engine)


def get_store() -> tuple[SqlStore | None, StoreLocation, str]:
    """The store, where it is, and "" — or None and the reason it cannot be opened."""
    location = store_location()
    try:
        if location.origin == _SECRETS_ORIGIN:
            return _open_connection(CONNECTION_NAME), location, ""
        return _open_url(location.url), location, ""
    except StoreError as exc:
        return None, location, str(exc)
    except Exception as exc:  # st.connection / SQLAlchemy configuration errors
        return None, location, f"the corpus store could not be opened: {exc}"


@st.cache_data(show_spinner=False, max_entries=4)
def _read(where: str, revision: int, _store: SqlStore) -> tuple[StoredArticle, ...]:
    """The store's articles; keyed on the store and its revision (the store itself is not hashed)."""
    return tuple(_store.list())


def stored_articles() -> tuple[tuple[StoredArticle, ...], str]:
    """The stored articles (not the trash), and an error message if the store cannot be read."""
    store, _location, error = get_store()
    if store is None:
        return (), error
    try:
        return _read(store.describe(), store.revision(), store), ""
    except StoreError as exc:
        return (), str(exc)


def store_articles() -> tuple[tuple[Article, ...], tuple[str, ...]]:
    """The store's articles for the corpus, and load errors (the seeds still load without a store)."""
    stored, error = stored_articles()
    return tuple(s.article for s in stored), ((f"Corpus store: {error}",) if error else ())


@st.cache_data(show_spinner=False)
def _seeds(folder: str) -> tuple[Article, ...]:
    return load_paths([folder]).articles if Path(folder).is_dir() else ()


def seed_articles() -> tuple[Article, ...]:
    """The starter articles (``data/articles``), checked against for duplicates, never stored."""
    return _seeds(str(SEED_DIR))
