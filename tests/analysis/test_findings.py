"""analysis/findings.py: plain-language findings computed from the numbers."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pytest

from analysis.corpus import Article
from analysis.findings import (
    compare,
    fmt_number,
    fmt_share,
    fmt_times,
    grade_band,
    hedging_findings,
    key_findings,
    quotes_findings,
    readability_findings,
    themes_findings,
)
from analysis.frames import build_frames
from analysis.pipeline import ArticleAnalysis
from analysis.text import tokenise

TEXT = "The leaders met. They talked about the summit at length."


@dataclass(frozen=True)
class Record:
    data: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return self.data

    def flat(self) -> dict[str, Any]:
        return {}


def frames_of(*articles: dict[str, dict]):
    """Frames of articles A, B, … whose family records are given as dicts."""
    analyses = []
    for i, results in enumerate(articles):
        art = Article(id=f"id{i}", title=f"Title {i}", text=TEXT)
        analyses.append(ArticleAnalysis(art, tokenise(TEXT), {k: Record(v) for k, v in results.items()}))
    return build_frames(analyses)


def hedging(hedges: float, boosters: float, count: int = 10, quoted: int | None = None) -> dict:
    split = quoted is not None
    return {"hedges_per_1k": hedges, "boosters_per_1k": boosters, "hedge_count": count, "booster_count": 1,
            "by_category": {}, "hits": [], "quote_split": split, "quoted_hedge_count": quoted,
            "authorial_hedge_count": count - (quoted or 0), "authorial_hedges_per_1k": 2.0 if split else None,
            "quoted_hedges_per_1k": 20.0 if split else None, "quoted_words": 300 if split else None}


def quotes(speakers: dict[str, int], words: int = 10, reported: int = 0, anonymous: int = 0) -> dict:
    quoted = sum(speakers.values())
    return {
        "direct": [], "reported": [{"speaker": "x", "cue": "said", "start": 0, "end": 3, "anonymous": False}] * reported
        + [{"speaker": "officials", "cue": "said", "start": 0, "end": 3, "anonymous": True}] * anonymous,
        "quote_count": len(speakers), "quoted_words": quoted, "quoted_share": quoted / words,
        "speakers": {n: {"quotes": 1, "words": w, "role": ""} for n, w in speakers.items()},
    }


def themes(**shares: float) -> dict:
    return {t: {"label": t.replace("_", " ").title(), "sentence_share": v, "hits_per_1k": 100 * v,
                "hit_count": round(20 * v), "terms": {}, "first_position": 0.0 if v else None, "segments": [],
                "hits": []} for t, v in shares.items()}


@pytest.mark.parametrize(
    ("value", "text"),
    [(31.2, "31"), (1234.0, "1,234"), (9.84, "9.8"), (2.0, "2"), (0.0, "0"), (math.nan, "n/a")],
)
def test_fmt_number(value, text):
    assert fmt_number(value) == text


@pytest.mark.parametrize(("value", "text"), [(0.614, "61%"), (0.004, "0.4%"), (0.0, "0%"), (1.0, "100%")])
def test_fmt_share(value, text):
    assert fmt_share(value) == text


@pytest.mark.parametrize(("value", "text"), [(25.3, "25×"), (2.46, "2.5×"), (10.0, "10×")])
def test_fmt_times(value, text):
    assert fmt_times(value) == text


@pytest.mark.parametrize(
    ("grade", "band"),
    [(5, "elementary school"), (8.9, "middle school"), (12, "high school"), (16.9, "college"), (17, "graduate")],
)
def test_grade_band(grade, band):
    assert grade_band(grade) == band


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # the example: 31 vs 1.24 per 1,000 words is 25×
        ((31.0, 0.0), (1.24, 2.0), "Article A uses 31 hedges per 1,000 words, 25× Article B (1.2)."),
        ((12.0, 0.0), (0.0, 2.0), "Article A uses 12 hedges per 1,000 words; Article B uses none."),
        ((10.0, 0.0), (8.0, 0.0), "The articles use hedges at similar rates: 8 to 10 per 1,000 words."),
    ],
)
def test_hedge_rates(a, b, expected):
    f = frames_of({"hedging": hedging(*a)}, {"hedging": hedging(*b)})
    assert hedging_findings(f)[0] == expected


def test_quoted_hedges_need_the_split():
    # 8 of 10 hedges inside quotations → said; without the split nothing is claimed about voices.
    with_split = frames_of({"hedging": hedging(10, 0, count=10, quoted=8)})
    assert hedging_findings(with_split)[-1] == (
        "80% of Article A's hedges are inside quotations: in the author's own words it hedges 2 times "
        "per 1,000 words."
    )
    without = frames_of({"hedging": hedging(10, 0, count=10)})
    assert not any("quotations" in s for s in hedging_findings(without))


def test_quotes_findings():
    f = frames_of(
        {"quotes": quotes({})},
        # 6 of 10 words are Kiyul Chung's: one voice dominates
        {"quotes": quotes({"Kiyul Chung": 6, "Vladimir Putin": 1, "Kim Jong Un": 1})},
        # 2 of 10 words quoted, spread out
        {"quotes": quotes({"Ann Lee": 1, "Bo Chan": 1}, anonymous=2)},
        {"quotes": quotes({}, reported=3)},
    )
    assert quotes_findings(f) == [
        "Article A quotes nobody.",
        "Article B quotes 3 people; 60% of its words are Kiyul Chung's.",
        "Article C quotes 2 people; 20% of its words are quotations, 50% of them Ann Lee's.",
        "Article C cites unnamed sources 2 times.",
        "Article D has no direct quotations; it reports 3 claims in indirect speech.",
    ]


def test_themes_findings():
    f = frames_of(
        {"themes": themes(nuclear=0.4, space=0.1, climate=0.0)},
        {"themes": themes(nuclear=0.0, space=0.3, climate=0.0)},
    )
    assert themes_findings(f) == [
        "Only Article A covers Nuclear.",
        "No selected article covers Climate.",
        "Article A's main theme is Nuclear (40% of its sentences).",
        "Article B's main theme is Space (30% of its sentences).",
    ]
    lone = frames_of({"themes": themes(nuclear=0.0)})
    assert themes_findings(lone) == ["Article A touches none of the themes."]


def test_readability_findings_on_real_scores():
    f = frames_of({"readability": {"text_standard": 16.0, "flesch_reading_ease": 20.0}},
                  {"readability": {"text_standard": 13.0, "flesch_reading_ease": 23.0}})
    assert readability_findings(f)[0] == (
        "Article A is the hardest to read: US grade 16 (college) against 13 for Article B "
        "(Flesch Reading Ease 20 vs 23)."
    )
    one = frames_of({"readability": {"text_standard": 10.0}})
    assert readability_findings(one) == ["Article A reads at US grade 10 (high school level)."]


def test_missing_families_give_no_findings():
    f = frames_of({}, {})
    assert key_findings(f) == []
    assert compare(f, "id0", "id1") == []


def test_compare_two_articles():
    f = frames_of(
        {"hedging": hedging(31.0, 0.0), "quotes": quotes({}), "themes": themes(nuclear=0.4, space=0.1)},
        {"hedging": hedging(1.24, 2.0), "quotes": quotes({"Kiyul Chung": 6, "Kim Jong Un": 1}),
         "themes": themes(nuclear=0.0, space=0.3)},
    )
    texts = [x.text for x in compare(f, "id0", "id1")]
    assert texts == [
        "Article A hedges more: 31 per 1,000 words vs 1.2 for Article B (25×).",
        "Article B uses more boosters: 2 per 1,000 words vs 0 for Article A.",
        "Article A quotes nobody, Article B 2 people.",
        "Article B quotes more of its text: 70% of its words vs 0% for Article A.",
        "Only Article A covers Nuclear.",
        "Both cover Space.",
    ]


def test_lead_prefers_a_ratio():
    from analysis.findings import Finding, lead

    found = [Finding("quotes", "Article A quotes nobody."), Finding("hedging", "Article A uses 31 hedges, 25× B.")]
    assert lead(found) == "Article A uses 31 hedges, 25× B"
    assert lead(found, family="quotes") == "Article A quotes nobody"
    assert lead([]) is None


def test_main_theme_named_by_meaning_says_so():
    record = themes(nuclear=0.1, space=0.3)
    f = frames_of({"themes": record})
    f.themes.loc[f.themes["theme"] == "nuclear", ["top", "top_source"]] = [True, "semantic"]
    assert themes_findings(f) == [
        "Article A's main theme is Nuclear (10% of its sentences; named by meaning, as no theme's keywords "
        "dominate)."
    ]


def test_many_articles_are_grouped():
    f = frames_of(
        {"quotes": quotes({}), "themes": themes(nuclear=0.4, space=0.1)},
        {"quotes": quotes({}), "themes": themes(nuclear=0.1, space=0.3)},
        {"quotes": quotes({}), "themes": themes(nuclear=0.5, space=0.2)},
    )
    assert quotes_findings(f) == ["Articles A, B and C quote nobody."]
    assert themes_findings(f)[-1] == "Main themes: Nuclear (Articles A and C); Space (Article B)."


def test_themes_only_one_article_covers_are_grouped_by_article():
    f = frames_of(
        {"themes": themes(nuclear=0.4, space=0.1, sanctions=0.2, ukraine=0.0)},
        {"themes": themes(nuclear=0.0, space=0.0, sanctions=0.0, ukraine=0.3)},
    )
    # hits: nuclear 8, sanctions 4, space 2 (20 × share) → listed most-covered first
    assert themes_findings(f)[:2] == ["Only Article A covers Nuclear, Sanctions and Space.",
                                      "Only Article B covers Ukraine."]
