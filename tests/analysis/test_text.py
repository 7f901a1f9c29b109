"""The text layer: normalisation, offsets, sentence boundaries, paragraphs."""

from __future__ import annotations

import pytest

from analysis.text import normalise, tokenise, word_count

EMPTY_STR = ""
CURLY = "\u201cIt is over,\u201d she said. \u2018Fine\u2019 isn\u2019t the word."
DASHES = "Talks \u2013 long ones \u2015 ended -- finally \u2212 today."
BULLETS = "Intro line here.\n\n  \u2022 First point: yes.\n  \u2022 Second point: no.\n  1. Numbered item.\n"
WEB_LINES = "Heading Of Article\nFirst paragraph here.\nSecond paragraph here."
WRAPPED = "This line is\nhard wrapped by an editor.\n\nNew paragraph."


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (EMPTY_STR, ""),
        ("  spaced\u00a0\u00a0 out\t text  ", "spaced out text"),
        # Curly double quotes become ", curly single quotes and apostrophes become '.
        (CURLY, "\"It is over,\" she said. 'Fine' isn't the word."),
        # En dash kept, horizontal bar and -- become an em dash, minus sign a hyphen.
        (DASHES, "Talks \u2013 long ones \u2014 ended\u2014finally - today."),
        # List markers removed; each list item its own paragraph.
        (BULLETS, "Intro line here.\n\nFirst point: yes.\n\nSecond point: no.\n\nNumbered item."),
        # No blank line anywhere: one paragraph per line (copied web text).
        (WEB_LINES, "Heading Of Article\n\nFirst paragraph here.\n\nSecond paragraph here."),
        # Blank lines present: single line breaks inside a block are joined.
        (WRAPPED, "This line is hard wrapped by an editor.\n\nNew paragraph."),
        ("zero\u200bwidth soft\u00adhyphen", "zerowidth softhyphen"),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


@pytest.mark.parametrize("raw", [CURLY, DASHES, BULLETS, WEB_LINES, WRAPPED])
def test_normalise_is_idempotent(raw: str) -> None:
    once = normalise(raw)
    assert normalise(once) == once


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # Titles and abbreviations do not end sentences.
        ("Dr. Chung met Mr. Smith and Mrs. Lee. They talked.", ["Dr. Chung met Mr. Smith and Mrs. Lee.", "They talked."]),
        # A dotted acronym mid-sentence does not end it; before a sentence opener it does.
        (
            "The U.S. Navy sailed. It left the U.S. The crew rested.",
            ["The U.S. Navy sailed.", "It left the U.S.", "The crew rested."],
        ),
        # Initials.
        ("John F. Kennedy spoke. He left.", ["John F. Kennedy spoke.", "He left."]),
        ("Captain M.S. Dhoni praised V.V.S. Laxman. He left.", ["Captain M.S. Dhoni praised V.V.S. Laxman.", "He left."]),
        ("She lives in the U.S. The end.", ["She lives in the U.S.", "The end."]),
        # Lower-case continuation after e.g.
        ("Some states, e.g. France, agreed. Others did not.", ["Some states, e.g. France, agreed.", "Others did not."]),
        # Closing quote after the full stop stays with the sentence.
        ('He said, "We will win." Then he left!', ['He said, "We will win."', "Then he left!"]),
        # Question and exclamation marks; digits after a full stop.
        ("Is it over? Yes! 2023 was a year.", ["Is it over?", "Yes!", "2023 was a year."]),
        # A decimal number is not a boundary.
        ("Growth was 3.5 percent. Prices rose.", ["Growth was 3.5 percent.", "Prices rose."]),
        # No terminal punctuation: the paragraph is one sentence.
        ("A headline without a stop", ["A headline without a stop"]),
    ],
)
def test_sentences(text: str, sentences: list[str]) -> None:
    doc = tokenise(text)
    assert [doc.sentence_text(i) for i in range(len(doc.sentences))] == sentences


@pytest.mark.parametrize("raw", [CURLY, DASHES, BULLETS, WEB_LINES, WRAPPED, "U.S.-Russia talks on 1,000 km."])
def test_offsets_round_trip(raw: str) -> None:
    doc = tokenise(raw)
    for tok in doc.tokens:
        assert doc.text[tok.start:tok.end] == tok.text
        assert tok.lower == tok.text.lower()
        s = doc.sentences[tok.sentence]
        assert s.start <= tok.start and tok.end <= s.end
    for i, s in enumerate(doc.sentences):
        assert all(t.sentence == i for t in doc.tokens[s.first:s.last])
        p = doc.paragraphs[s.paragraph]
        assert p.start <= s.start and s.end <= p.end
    for p in doc.paragraphs:
        assert "\n" not in doc.text[p.start:p.end]


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        # Hyphenated compounds, contractions, acronyms and numbers are single tokens.
        ("Kim-Putin summit isn't U.S. policy: 1,000 km, 3.5%.", ["Kim-Putin", "summit", "isn't", "U.S", "policy", "1,000", "km", "3.5"]),
        # Straight and curly quotes give the same tokens.
        ("\u201cNow today\u2019s summit\u201d", ["Now", "today's", "summit"]),
        ('"Now today\'s summit"', ["Now", "today's", "summit"]),
        (EMPTY_STR, []),
    ],
)
def test_tokens(text: str, tokens: list[str]) -> None:
    assert [t.text for t in tokenise(text).tokens] == tokens
    assert word_count(normalise(text)) == len(tokens)


def test_empty_doc() -> None:
    doc = tokenise(EMPTY_STR)
    assert (doc.text, doc.paragraphs, doc.sentences, doc.tokens) == ("", (), (), ())
    assert doc.sentence_at(0) == -1


def test_headings_are_marked() -> None:
    doc = tokenise("North Korean Nuclear Issue\n\nAt the heart of this summit lies the issue.")
    assert [p.kind for p in doc.paragraphs] == ["heading", "body"]


def test_sentence_at() -> None:
    doc = tokenise("One two three. Four five six.")
    second = doc.sentences[1]
    assert doc.sentence_at(second.start) == 1
    assert doc.sentence_at(second.start - 1) == 0


def test_seed_sentence_counts(seed_articles) -> None:
    # Read by hand: seed 004 has 20 paragraphs (its title is front matter, the comment
    # section is cut); "Dr. Kiyul Chung" and "Dr. Chung" never end a sentence.
    doc = tokenise(seed_articles["004_76dfa7cb8ca091fe"].text)
    assert len(doc.paragraphs) == 20
    assert not any(doc.sentence_text(i).endswith("Dr.") for i in range(len(doc.sentences)))
    assert doc.sentence_text(1).startswith("According to Dr. Kiyul Chung, the editor-in-chief")
