"""Shared fixtures: the repository root and seed corpus, a corpus store of the session's own,
a real Streamlit server and Chromium.

``streamlit_server`` starts ``python -m streamlit run dashboard.py`` on a free loopback
port and yields its base URL once ``/_stcore/health`` answers; ``browser`` launches
/usr/bin/chromium through PyPI playwright (never downloads a browser). Screenshot
tests (issue 7) reuse both, with ``open_page`` from ``e2e_support`` (this folder is put
on ``sys.path``, since pytest runs with ``--import-mode=importlib``).
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from e2e_support import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, start_streamlit, stop_streamlit

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


@pytest.fixture(scope="session")
def streamlit_server(isolated_corpus_store: str) -> Iterator[str]:
    """Base URL of the dashboard running on the default corpus (and the session's empty store)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    proc, url = start_streamlit(log=ARTIFACTS / "streamlit.log")
    try:
        yield url
    finally:
        stop_streamlit(proc)


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium driven by playwright (fails with a hint when it is missing)."""
    try:
        from playwright import sync_api
    except ImportError:
        pytest.fail("playwright is not installed: pip install -r requirements-dev.txt")
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: run `bash scripts/test.sh` (installs it) "
            "or deselect with -m 'not e2e'"
        )
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()
