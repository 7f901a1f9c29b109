"""Which store to open: ``--store URL`` > ``COVERAGE_LENS_STORE`` > secrets file > SQLite default.

The secrets file is Streamlit's ``.streamlit/secrets.toml`` (the project's, else the
user's ``~/.streamlit/secrets.toml``) with the connection the dashboard opens through
``st.connection("corpus", type="sql")``::

    [connections.corpus]
    url = "postgresql://user:password@host:5432/dbname"

(or Streamlit's split form: ``dialect``, ``driver``, ``username``, ``password``,
``host``, ``port``, ``database``, ``query``). With none of these, the store is the
SQLite file :data:`DEFAULT_PATH`, created on first use.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from .base import StoreUnavailable
from .sql import SqlStore

__all__ = [
    "CONNECTION_NAME",
    "DEFAULT_PATH",
    "ENV_VAR",
    "StoreLocation",
    "default_url",
    "open_store",
    "resolve",
    "secrets_paths",
    "url_from_connection_settings",
]

ENV_VAR = "COVERAGE_LENS_STORE"
CONNECTION_NAME = "corpus"
ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PATH = ROOT / "data" / "store" / "corpus.sqlite3"


@dataclass(frozen=True, slots=True)
class StoreLocation:
    """A store URL and what chose it (shown to users: "COVERAGE_LENS_STORE", "default" …)."""

    url: str
    origin: str


def default_url() -> str:
    """The zero-configuration store: SQLite under ``data/store/``."""
    return f"sqlite:///{DEFAULT_PATH}"


def secrets_paths() -> list[Path]:
    """Secrets files in the order Streamlit reads them (a later file wins)."""
    paths = [Path.home() / ".streamlit" / "secrets.toml", ROOT / ".streamlit" / "secrets.toml"]
    cwd = Path.cwd() / ".streamlit" / "secrets.toml"
    if cwd not in paths:
        paths.append(cwd)
    return paths


def url_from_connection_settings(conn: Mapping[str, Any], where: str = "secrets") -> str:
    """The SQLAlchemy URL of a Streamlit SQL connection's settings (``url`` or split fields)."""
    if conn.get("url"):
        return str(conn["url"])
    missing = [k for k in ("dialect", "host") if not conn.get(k)]
    if missing:
        raise StoreUnavailable(
            f"{where}: [connections.{CONNECTION_NAME}] needs 'url' (or {', '.join(missing)})"
        )
    driver = f"+{conn['driver']}" if conn.get("driver") else ""
    url = sa.URL.create(
        drivername=f"{conn['dialect']}{driver}",
        username=conn.get("username"),
        password=conn.get("password"),
        host=conn.get("host"),
        port=int(conn["port"]) if conn.get("port") else None,
        database=conn.get("database"),
        query=dict(conn.get("query") or {}),
    )
    return url.render_as_string(hide_password=False)


def _from_secrets(paths: Sequence[Path]) -> StoreLocation | None:
    found: StoreLocation | None = None
    for path in paths:
        if not path.is_file():
            continue
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise StoreUnavailable(f"cannot read {path}: {exc}") from None
        conn = data.get("connections", {}).get(CONNECTION_NAME)
        if isinstance(conn, Mapping):
            found = StoreLocation(
                url_from_connection_settings(conn, str(path)), f"{path} [connections.corpus]"
            )
    return found


def resolve(
    cli_url: str | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    secrets: Sequence[Path] | None = None,
) -> StoreLocation:
    """Pick the store: ``cli_url``, else ``$COVERAGE_LENS_STORE``, else the secrets file, else SQLite."""
    if cli_url:
        return StoreLocation(cli_url, "--store")
    env = os.environ if environ is None else environ
    if env.get(ENV_VAR, "").strip():
        return StoreLocation(env[ENV_VAR].strip(), ENV_VAR)
    found = _from_secrets(secrets_paths() if secrets is None else secrets)
    if found is not None:
        return found
    return StoreLocation(default_url(), "default")


def open_store(target: StoreLocation | str | None = None) -> SqlStore:
    """Open (creating tables if needed) the store at ``target``; resolve it when None."""
    if target is None:
        target = resolve()
    url = target.url if isinstance(target, StoreLocation) else target
    return SqlStore(url)
