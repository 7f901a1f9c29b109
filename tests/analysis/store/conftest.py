"""Store fixtures: a throwaway PostgreSQL cluster on loopback, stores on SQLite and PostgreSQL, a news site.

The PostgreSQL server is Debian's ``postgresql`` package (``scripts/test.sh`` installs it):
``initdb`` and ``pg_ctl`` from ``/usr/lib/postgresql/*/bin`` start a cluster in a temporary
folder, listening on 127.0.0.1 only, run as the ``postgres`` user when the tests run as
root (the server refuses to run as root). Without PostgreSQL the PostgreSQL tests are
skipped with the reason, except in CI (``CI=true``), where they fail.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from analysis.store.sql import SqlStore

from .store_samples import NewsServer


def _pg_bin() -> Path | None:
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3]))
    return candidates[-1].parent if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _missing_postgres(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL is required in CI: {reason} (scripts/test.sh installs Debian's postgresql)")
    pytest.skip(f"PostgreSQL not available: {reason}; run bash scripts/test.sh to install it")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """Start a PostgreSQL cluster on 127.0.0.1; yield the admin URL (database ``postgres``)."""
    bindir = _pg_bin()
    if bindir is None:
        _missing_postgres("no /usr/lib/postgresql/*/bin/pg_ctl")
    as_user: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            _missing_postgres("running as root and runuser is missing")
        as_user = ["runuser", "-u", "postgres", "--"]
    base = Path(tempfile.mkdtemp(prefix="coverage-lens-pg-"))
    if as_user:
        shutil.chown(base, "postgres", "postgres")
    data, log = base / "data", base / "server.log"
    port = _free_port()
    subprocess.run(
        [*as_user, str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
         "--locale=C", "--no-sync"],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    options = (
        f"-c listen_addresses=127.0.0.1 -p {port} -k {base} "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    )
    started = subprocess.run(
        [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "-t", "60", "start"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    if started.returncode != 0:
        server_log = log.read_text() if log.exists() else ""
        shutil.rmtree(base, ignore_errors=True)
        pytest.fail(f"PostgreSQL did not start: {started.stderr}\n{server_log}")
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True, timeout=60,
        )  # fmt: skip
        shutil.rmtree(base, ignore_errors=True)


_db_numbers = itertools.count()


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh, empty database on the session's PostgreSQL server."""
    name = f"store_test_{next(_db_numbers)}"
    admin = sa.create_engine(pg_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f"CREATE DATABASE {name}"))
    yield pg_server.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as conn:
        conn.execute(sa.text(f"DROP DATABASE {name} WITH (FORCE)"))
    admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'store' / 'corpus.sqlite3'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest) -> str:
    """The same tests on both backends."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(store_url: str) -> Iterator[SqlStore]:
    s = SqlStore(store_url)
    yield s
    s.engine.dispose()


@pytest.fixture(scope="session")
def news() -> Iterator[NewsServer]:
    with NewsServer() as server:
        yield server
