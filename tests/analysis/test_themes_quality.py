"""Quality bar: a ten-minute theme file must give the reader's top theme for 90% of articles.

tests/data/mixed_news_themes.toml (eight themes, ten plain terms each, committed before the
stories were written) is run on the 40 stories of tests/data/mixed_news_stories.toml, each
labelled with the theme a reader would name. bench/themes_accuracy.py prints the same
figures with the misses.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from analysis import themes
from analysis.text import tokenise

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def picks() -> list[tuple[str, str, str | None, str | None]]:
    ts = themes.load_themes(DATA / "mixed_news_themes.toml")
    stories = tomllib.loads((DATA / "mixed_news_stories.toml").read_text(encoding="utf-8"))["story"]
    out = []
    for s in stories:
        res = themes.analyse(tokenise(s["text"]), ts, semantic=True)
        out.append((s["id"], s["expected"], res.keyword_top, res.top))
    return out


def test_sample_is_big_and_varied(picks) -> None:
    assert len(picks) >= 30
    assert len({expected for _, expected, _, _ in picks}) == 8


def test_top_theme_meets_the_bar(picks) -> None:
    # The top theme the product shows (keywords when decisive, else the semantic layer):
    # 39 of 40 when this was written.
    misses = [(i, e, s) for i, e, _, s in picks if s != e]
    accuracy = 1 - len(misses) / len(picks)
    assert accuracy >= 0.9, f"top theme right for {accuracy:.1%}; misses: {misses}"


def test_keyword_top_theme_figure(picks) -> None:
    # Keywords alone do NOT meet the bar with ten plain terms: 21 of 40 (52.5%) when this was
    # written; 9 stories contain none of their theme's ten terms ("striker", "glaciers",
    # "iPhone"). This pins the figure so a matcher change that loses hits shows up here.
    right = sum(1 for _, e, k, _ in picks if k == e)
    assert right / len(picks) >= 0.5, f"keyword top theme right for {right}/{len(picks)}"
