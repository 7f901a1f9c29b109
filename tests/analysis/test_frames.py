"""analysis/frames.py: the one adapter from family records to the dashboard's tidy tables."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pandas as pd
import pytest

from analysis import analyse_corpus, load_paths, pipeline
from analysis.corpus import Article
from analysis.frames import (
    ARTICLE_COLUMNS,
    article_letter,
    build_frames,
    headline,
    hits_in_context,
    kwic,
    quotations,
    short_title,
)
from analysis.pipeline import ArticleAnalysis
from analysis.text import tokenise

SEED_A = "000_599179000b3c905d"
SEED_B = "004_76dfa7cb8ca091fe"

# Named sample texts
EMPTY_STR = ""
QUOTED = 'The summit could matter. "We may never agree," Putin said. Officials said it clearly helps.'


@dataclass(frozen=True)
class Record:
    """A stand-in family result: a fixed ``to_dict()``."""

    data: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return self.data

    def flat(self) -> dict[str, Any]:
        return {}


def analysis_of(aid: str, text: str, title: str = "", **results: dict) -> ArticleAnalysis:
    art = Article(id=aid, title=title or aid, text=text)
    return ArticleAnalysis(art, tokenise(text), {k: Record(v) for k, v in results.items()})


@pytest.fixture(scope="module")
def seeds():
    return build_frames(analyse_corpus(load_paths(["data/articles"]).articles))


@pytest.mark.parametrize(
    ("index", "letter"),
    [(0, "A"), (1, "B"), (25, "Z"), (26, "AA"), (27, "AB"), (701, "ZZ"), (702, "AAA")],
)
def test_article_letter(index, letter):
    assert article_letter(index) == letter


@pytest.mark.parametrize(
    ("title", "limit", "expected"),
    [
        ("Short title", 36, "Short title"),
        # cut at the last space before 35 characters, trailing punctuation dropped
        ("Putin + Kim Summit: Military Cooperation, Space Exploration", 36, "Putin + Kim Summit: Military…"),
        ("Supercalifragilisticexpialidocious", 10, "Supercali…"),
        ("  spaced\n  out  ", 36, "spaced out"),
    ],
)
def test_short_title(title, limit, expected):
    assert short_title(title, limit) == expected


def test_kwic_cuts_at_word_boundaries():
    text = "one two three four five six seven eight nine ten"
    start = text.index("five")
    left, match, right = kwic(text, start, start + 4, width=10)
    # the 10 characters before "five" are "hree four ": the half word "hree" goes → "…four ";
    # the 10 after are " six seven", whole words (a space follows), and the text goes on → " six seven…"
    assert (left, match, right) == ("…four ", "five", " six seven…")
    # a half word at the right end is dropped too: " six seve" → " six…"
    assert kwic(text, start, start + 4, width=9)[2] == " six…"
    assert kwic("could", 0, 5) == ("", "could", "")


def test_seed_tables(seeds):
    f = seeds
    assert f.ids == [SEED_A, SEED_B]
    assert list(f.articles["letter"]) == ["A", "B"]
    assert list(f.articles.columns[: len(ARTICLE_COLUMNS)]) == list(ARTICLE_COLUMNS)
    assert f.has("readability")
    # eight readability scores per article, grade-scale flags on six of them
    assert f.readability.groupby("id").size().tolist() == [8, 8]
    assert int(f.readability["grade_scale"].sum()) == 12
    # paragraph positions run from the start to the end of each article
    pos = f.paragraphs.groupby("id")["position"]
    assert (pos.min() > 0).all() and (pos.max() < 1).all()
    for aid in f.ids:
        text = f.texts[aid]
        for p in f.paragraphs[f.paragraphs["id"] == aid].itertuples():
            assert text[p.start:p.end].strip() == text[p.start:p.end]


def test_seed_hedging_matches_the_family(seeds):
    if not seeds.has("hedging"):
        pytest.skip("hedging family not in the pipeline")
    h = seeds.hedging.set_index("id")
    # README (Hedging): seed A has 25 hedges and no booster in 721 words → 34.7 per 1,000 words.
    assert h.at[SEED_A, "hedge_count"] == 25
    assert h.at[SEED_A, "hedges_per_1k"] == pytest.approx(34.67, abs=0.01)
    assert h.at[SEED_A, "booster_count"] == 0
    # every hit's offsets give back the words it matched
    for hit in seeds.hedge_hits.itertuples():
        assert seeds.texts[hit.id][hit.start:hit.end] == hit.match
    cats = seeds.hedge_categories
    assert cats[(cats["id"] == SEED_A) & (cats["kind"] == "hedge")]["count"].sum() == 25


def test_missing_family_leaves_empty_tables_with_columns(monkeypatch):
    monkeypatch.setattr(pipeline, "FAMILIES", [f for f in pipeline.FAMILIES if f[0] == "readability"])
    f = build_frames(analyse_corpus(load_paths(["data/articles"]).articles))
    assert f.families == ("readability",)
    for name in ("hedging", "quotes", "themes"):
        assert not f.has(name)
    assert f.hedge_hits.empty and "term" in f.hedge_hits.columns
    assert f.themes.empty and "sentence_share" in f.themes.columns
    assert list(headline(f).columns) == ["id", "article", "letter", "title", "outlet", "words", "grade",
                                         "sentence_length"]


def test_no_articles():
    f = build_frames([])
    assert f.articles.empty and list(f.articles.columns) == list(ARTICLE_COLUMNS)
    assert f.families == () and f.ids == []


def test_empty_text_article():
    # An article with no words: rates are 0.0 (the families' convention), not NaN.
    f = build_frames([analysis_of("e", EMPTY_STR, hedging={"hedges_per_1k": 0.0, "boosters_per_1k": 0.0,
                                                           "hedge_count": 0, "booster_count": 0, "hits": []})])
    assert f.hedging.loc[0, "hedges_per_1k"] == 0.0
    assert f.paragraphs.empty


def quotes_record() -> dict:
    start = QUOTED.index('"We')
    end = QUOTED.index('Putin') - 1
    officials = QUOTED.index("Officials")
    return {
        "direct": [{"speaker": "Vladimir Putin", "text": "We may never agree,", "start": start, "end": end,
                    "words": 4, "cue": "said", "cue_type": "post"}],
        "reported": [{"speaker": "officials", "cue": "said", "start": officials, "end": len(QUOTED),
                      "anonymous": True}],
        "quote_count": 1, "quoted_words": 4, "quoted_share": 4 / 15,
        "speakers": {"Vladimir Putin": {"quotes": 1, "words": 4, "role": "President"}},
    }


def hedging_record() -> dict:
    hits = []
    for term, kind, cat, counted, in_quote in (("could", "hedge", "modal", True, False),
                                               ("may", "hedge", "modal", False, True),
                                               ("clearly", "booster", "adverb", True, False)):
        start = QUOTED.index(term)
        hits.append({"term": term, "match": term, "kind": kind, "category": cat, "start": start,
                     "end": start + len(term), "sentence": "", "negated": not counted, "flag": None,
                     "counted": counted, "in_quote": in_quote, "speaker": "Vladimir Putin" if in_quote else None})
    return {"hedges_per_1k": 62.5, "boosters_per_1k": 62.5, "hedging_index": 0.0, "hedge_count": 1,
            "booster_count": 1, "negated_count": 1, "by_category": {"hedge": {"modal": 1}, "booster": {"adverb": 1}},
            "quote_split": True, "authorial_words": 12, "quoted_words": 4, "authorial_hedge_count": 1,
            "quoted_hedge_count": 0, "authorial_hedges_per_1k": 83.3, "quoted_hedges_per_1k": 0.0, "hits": hits}


def test_quotes_and_hedging_records():
    f = build_frames([analysis_of("q", QUOTED, "Quoted", quotes=quotes_record(), hedging=hedging_record())])
    q = f.quotes.iloc[0]
    assert (q.quote_count, q.speaker_count, q.reported_count, q.anonymous_count) == (1, 1, 0, 1)
    assert q.top_speaker == "Vladimir Putin"
    # QUOTED has 15 words: 4 + 4 ("We may never agree") + 2 + 5
    assert q.top_speaker_share == pytest.approx(4 / 15)
    assert f.speakers.iloc[0].role == "President"
    # reported speech without a text field gets its span's text
    assert f.quotes_reported.iloc[0].text.startswith("Officials said")
    h = f.hedging.iloc[0]
    assert bool(h.quote_split) and h.authorial_hedges_per_1k == 83.3
    assert list(f.hedge_categories[["kind", "category", "count"]].itertuples(index=False, name=None)) == [
        ("hedge", "modal", 1), ("booster", "adverb", 1)]


def test_hits_in_context_filters_and_status():
    f = build_frames([analysis_of("q", QUOTED, "Quoted", hedging=hedging_record())])
    table = hits_in_context(f)
    assert list(table["match"]) == ["could", "may", "clearly"]
    assert list(table["status"]) == ["counted", "negated (counted apart)", "counted"]
    assert list(table["voice"]) == ["author", "Vladimir Putin", "author"]
    assert list(hits_in_context(f, kinds=["booster"])["term"]) == ["clearly"]
    assert list(hits_in_context(f, voice="quoted")["term"]) == ["may"]
    assert list(hits_in_context(f, term="CLEAR")["term"]) == ["clearly"]
    assert hits_in_context(f, categories=["phrase"]).empty


def test_quotations_table():
    f = build_frames([analysis_of("q", QUOTED, "Quoted", quotes=quotes_record())])
    table = quotations(f)
    assert list(table["kind"]) == ["direct", "unnamed source"]
    assert list(table["speaker"]) == ["Vladimir Putin", "(unnamed)"]
    assert list(table["attributed"]) == ["named with the quotation", "reporting verb"]
    assert "The summit could matter." in table.loc[0, "context"]


def test_themes_record_and_top():
    themes = {
        "nuclear": {"label": "Nuclear", "sentence_share": 0.5, "hits_per_1k": 60.0, "hit_count": 1,
                    "terms": {"nuclear": 1}, "first_position": 0.0, "segments": [1, 0],
                    "hits": [{"term": "nuclear", "start": 4, "end": 11}]},
        "climate": {"label": "Climate", "sentence_share": 0.0, "hits_per_1k": 0.0, "hit_count": 0, "terms": {},
                    "first_position": None, "segments": [0, 0], "hits": []},
    }
    f = build_frames([analysis_of("t", "The nuclear talks. Nothing else.", themes=themes)])
    t = f.themes.set_index("theme")
    assert bool(t.at["nuclear", "covered"]) and not bool(t.at["climate", "covered"])
    assert math.isnan(t.at["climate", "first_position"])
    assert f.theme_segments.groupby("theme")["value"].sum().to_dict() == {"climate": 0.0, "nuclear": 1.0}
    hit = f.theme_hits.iloc[0]
    assert f.texts["t"][hit.start:hit.end] == "nuclear"
    assert headline(f).loc[0, "top_theme"] == "Nuclear"  # no family top: the widest share


def test_select_keeps_corpus_order(seeds):
    f = seeds.select([SEED_B, SEED_A])
    assert f.ids == [SEED_A, SEED_B]
    one = seeds.select([SEED_B])
    assert one.ids == [SEED_B] and set(one.texts) == {SEED_B}
    assert set(one.paragraphs["id"]) == {SEED_B}
    assert isinstance(one.readability, pd.DataFrame) and set(one.readability["id"]) == {SEED_B}


def test_semantic_evidence_sentences():
    text = "Leaders met. The summit ended."
    themes = {
        "diplomacy": {"label": "Diplomacy", "sentence_share": 0.5, "hits_per_1k": 0.0, "hit_count": 0, "terms": {},
                      "first_position": None, "segments": [], "hits": [],
                      "semantic": {"similarity": 0.4, "sentence_share": 0.5,
                                   "evidence": [{"sentence": 1, "start": 13, "end": 30, "similarity": 0.6}]}},
    }
    f = build_frames([analysis_of("s", text, themes=themes)])
    ev = f.theme_evidence.iloc[0]
    assert (ev.text, ev.sentence, ev.sentence_similarity) == ("The summit ended.", 1, 0.6)


def test_headline_when_no_article_touches_a_theme():
    themes = {"climate": {"label": "Climate", "sentence_share": 0.0, "hits_per_1k": 0.0, "hit_count": 0,
                          "terms": {}, "first_position": None, "segments": [0], "hits": []}}
    f = build_frames([analysis_of("n", "Leaders clearly agreed.", themes=themes)])
    row = headline(f).iloc[0]
    assert (row.top_theme, row.themes_covered) == ("", 0)
