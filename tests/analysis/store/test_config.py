"""Store resolution: --store > COVERAGE_LENS_STORE > secrets.toml [connections.corpus] > SQLite default."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from analysis.store import config
from analysis.store.base import StoreUnavailable

PG = "postgresql://team:pw@db.example:5432/corpus"
SECRETS_URL = f'[connections.corpus]\nurl = "{PG}"\n'
SECRETS_SPLIT = (
    '[connections.corpus]\ndialect = "postgresql"\ndriver = "psycopg"\nusername = "team"\n'
    'password = "p@ss word"\nhost = "db.example"\nport = 5433\ndatabase = "corpus"\n'
)
OTHER_CONNECTION = '[connections.analytics]\nurl = "sqlite:///other.db"\n'


def secrets_file(tmp_path: Path, text: str | None) -> list[Path]:
    if text is None:
        return []
    path = tmp_path / "secrets.toml"
    path.write_text(text, encoding="utf-8")
    return [path]


@pytest.mark.parametrize(
    ("cli", "env", "secrets", "url", "origin"),
    [
        # Each source wins over the ones after it.
        ("sqlite:///cli.db", {"COVERAGE_LENS_STORE": "sqlite:///env.db"}, SECRETS_URL, "sqlite:///cli.db", "--store"),
        (None, {"COVERAGE_LENS_STORE": "sqlite:///env.db"}, SECRETS_URL, "sqlite:///env.db", "COVERAGE_LENS_STORE"),
        (None, {"COVERAGE_LENS_STORE": "  "}, SECRETS_URL, PG, "[connections.corpus]"),  # blank env ignored
        (None, {}, SECRETS_URL, PG, "[connections.corpus]"),
        # Another connection in the secrets is not ours; no secrets file at all: the default.
        (None, {}, OTHER_CONNECTION, config.default_url(), "default"),
        (None, {}, None, config.default_url(), "default"),
    ],
)  # fmt: skip
def test_resolution_order(tmp_path: Path, cli, env, secrets, url, origin) -> None:
    found = config.resolve(cli, environ=env, secrets=secrets_file(tmp_path, secrets))
    assert found.url == url
    assert origin in found.origin


def test_split_form_secrets(tmp_path: Path) -> None:
    # Streamlit's split form: the password survives the round trip through the URL.
    url = make_url(config.resolve(environ={}, secrets=secrets_file(tmp_path, SECRETS_SPLIT)).url)
    assert (url.drivername, url.username, url.password) == ("postgresql+psycopg", "team", "p@ss word")
    assert (url.host, url.port, url.database) == ("db.example", 5433, "corpus")


def test_later_secrets_file_wins(tmp_path: Path) -> None:
    (tmp_path / "home").mkdir()
    (tmp_path / "project").mkdir()
    home = secrets_file(tmp_path / "home", '[connections.corpus]\nurl = "sqlite:///home.db"\n')
    project = secrets_file(tmp_path / "project", '[connections.corpus]\nurl = "sqlite:///project.db"\n')
    assert config.resolve(environ={}, secrets=[*home, *project]).url == "sqlite:///project.db"


def test_default_is_sqlite_under_data_store() -> None:
    assert config.DEFAULT_PATH == config.ROOT / "data" / "store" / "corpus.sqlite3"
    assert config.default_url() == f"sqlite:///{config.DEFAULT_PATH}"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[connections.corpus\nurl = 1", "cannot read"),
        ('[connections.corpus]\nhost = "db.example"\n', r"needs 'url' \(or dialect\)"),
    ],
)
def test_bad_secrets(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(StoreUnavailable, match=message):
        config.resolve(environ={}, secrets=secrets_file(tmp_path, text))


def test_open_store(tmp_path: Path) -> None:
    store = config.open_store(config.StoreLocation(f"sqlite:///{tmp_path / 's.db'}", "test"))
    assert store.list() == [] and store.describe().endswith("s.db")
