"""Key findings: sentences built from the corpus table, with the numbers in it."""

from __future__ import annotations

import pandas as pd
import pytest

from briefing.findings import article_label, key_findings, readability_grade, sentence_length

TWO = pd.DataFrame(
    {
        "id": ["a", "b", "c"],
        "title": ["Calm explainer", "Dense analysis", "Empty page"],
        "words": [500, 800, 0],
        "readability_flesch_kincaid_grade": [8.04, 14.46, 0.0],
        "readability_sentence_length_mean": [15.0, 27.25, 0.0],
    }
)


@pytest.mark.parametrize(
    ("rule", "frame", "expected"),
    [
        # b has the higher grade (14.46 → "14.5"), a the lower (8.04 → "8.0"); 14.46 − 8.04 = 6.42 → "6.4".
        # c has no words, so its 0.0 grade is no reading level and is left out.
        (
            readability_grade,
            TWO,
            "“Dense analysis” is the hardest read at grade 14.5 (Flesch–Kincaid); "
            "“Calm explainer” the easiest at 8.0, 6.4 grades lower.",
        ),
        (
            sentence_length,
            TWO,
            "“Dense analysis” writes the longest sentences (27.2 words on average) against 15.0 in "
            "“Calm explainer”.",
        ),
        # One article: a statement, no comparison.
        (readability_grade, TWO.iloc[[0]], "“Calm explainer” reads at US school grade 8.0 (Flesch–Kincaid)."),
        # The column is missing (family not run): nothing to say.
        (readability_grade, TWO.drop(columns="readability_flesch_kincaid_grade"), None),
        # Only an article without words: nothing to say.
        (readability_grade, TWO.iloc[[2]], None),
    ],
)
def test_rules(rule, frame: pd.DataFrame, expected: str | None) -> None:
    assert rule(frame) == expected


def test_key_findings_order_and_empty() -> None:
    found = key_findings(TWO)
    assert len(found) == 2 and "hardest read" in found[0] and "longest sentences" in found[1]
    assert key_findings(pd.DataFrame()) == ()


def test_key_findings_on_seeds(seed_frame: pd.DataFrame) -> None:
    # The seeds: 004 grades 16.23 and 000 15.30 (see tests/analysis/test_readability.py).
    found = key_findings(seed_frame)
    assert found[0].startswith(
        "“Putin + Kim Summit: Military Cooperation, Space…” is the hardest read at grade 16.2"
    )
    assert "the easiest at 15.3, 0.9 grades lower" in found[0]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ({"title": "Short title", "id": "x"}, "Short title"),
        ({"title": "", "id": "x"}, "x"),
        # Cut at 50 characters, on a word boundary, trailing punctuation dropped.
        (
            {"title": "Putin + Kim Summit: Military Cooperation, Space Exploration, Challenging US"},
            "Putin + Kim Summit: Military Cooperation, Space…",
        ),
        ({"title": "  spaced\n  out  "}, "spaced out"),
    ],
)
def test_article_label(row: dict, expected: str) -> None:
    assert article_label(pd.Series(row)) == expected
