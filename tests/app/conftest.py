"""AppTest fixtures: the pipeline's family list and the corpus folder, per test.

This folder is put on ``sys.path`` so tests import ``app_helpers`` and ``app_fakes``
(pytest runs with ``--import-mode=importlib``, which does not add test folders).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from app_fakes import FAKE_FAMILIES
from app_helpers import SEEDS

from analysis import pipeline
from ui.corpus import CORPUS_ENV


@pytest.fixture(autouse=True)
def navigation_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run AppTest in st.navigation mode, as the real server does.

    AppTest resets ``PagesManager.uses_pages_directory`` before every run and sets it from
    whether a ``pages/`` folder exists, so ``switch_page`` would run a page script alone
    (legacy multipage mode) and skip ``dashboard.py``. The server leaves that mode as soon
    as the entry script calls ``st.navigation``; the Chromium tests check the server itself.
    """
    from streamlit.runtime.pages_manager import PagesManager

    original = PagesManager.__init__

    def init(self, *args, **kwargs) -> None:
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


@pytest.fixture
def fake_families(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pipeline with the contract-shaped stand-in families (tests/app/app_fakes.py)."""
    monkeypatch.setattr(pipeline, "FAMILIES", list(FAKE_FAMILIES))


@pytest.fixture
def readability_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pipeline as the foundation shipped it: readability only."""
    monkeypatch.setattr(pipeline, "FAMILIES", [f for f in FAKE_FAMILIES if f[0] == "readability"])


@pytest.fixture
def corpus(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[..., Path]:
    """Make a corpus folder from {file name: content} (seeds copied with ``seeds=True``) and use it."""

    def make(files: dict[str, str | bytes] | None = None, seeds: bool = False) -> Path:
        folder = tmp_path / "corpus"
        folder.mkdir(exist_ok=True)
        if seeds:
            for p in SEEDS.glob("*.md"):
                (folder / p.name).write_bytes(p.read_bytes())
        for name, content in (files or {}).items():
            target = folder / name
            target.write_bytes(content if isinstance(content, bytes) else content.encode())
        monkeypatch.setenv(CORPUS_ENV, str(folder))
        return folder

    return make
