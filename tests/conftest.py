"""Shared fixtures: the repository root, the seed corpus, and a corpus store of the session's own."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED_DIR = ROOT / "data" / "articles"
SEED_IDS = ("000_599179000b3c905d", "004_76dfa7cb8ca091fe")


@pytest.fixture(scope="session")
def seed_articles():
    from analysis.corpus import load_paths

    result = load_paths([SEED_DIR])
    assert not result.errors
    return {a.id: a for a in result.articles}


@pytest.fixture(scope="session", autouse=True)
def isolated_corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """No test reads or writes the developer's corpus store (nor a team store named in secrets).

    The session gets its own empty SQLite store through ``COVERAGE_LENS_STORE``, set before
    any server or app starts; tests that need a store of their own set the variable again.
    """
    from analysis.store.config import ENV_VAR

    url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'corpus.sqlite3'}"
    saved = os.environ.get(ENV_VAR)
    os.environ[ENV_VAR] = url
    try:
        yield url
    finally:
        if saved is None:
            os.environ.pop(ENV_VAR, None)
        else:
            os.environ[ENV_VAR] = saved
