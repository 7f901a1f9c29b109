"""Shared fixtures: the repository root and the seed corpus."""

from __future__ import annotations

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
