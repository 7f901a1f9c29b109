r"""The one text layer: normalisation, paragraphs, sentences and word tokens with offsets.

Every analysis reads a :class:`Doc` built here and none splits text on its own. All
offsets are character offsets into ``Doc.text``, the *cleaned* text: the output of
:func:`normalise`. ``doc.text[span.start:span.end]`` is always the span's text.

Normalisation (see README, "Text layer"):

* Unicode NFKC; zero-width characters and soft hyphens removed.
* Double quotes (curly, low-9, guillemets, primes) become ``"``; single quotes and
  apostrophes become ``'``. Quote *direction* is recovered from context by the
  quotes analysis, so nothing is lost that the analyses use. Two single marks written
  for a double one (``''so''`` in agency copy, TeX's ````so''``) become ``"``.
* Hyphen variants become ``-``; figure dash, horizontal bar and ``--`` become an em dash.
* Whitespace: tabs and no-break spaces become spaces, runs are collapsed, lines trimmed.
* Paragraphs: blocks separated by blank lines; inside a block, a line that starts a
  list item (``•``, ``-``, ``*``, ``1.``, ``2)``) starts a new paragraph and loses its
  marker; other line breaks are joined with a space (hard-wrapped text). Text with no
  blank line at all is split one paragraph per line (copied web text).
* The cleaned text is the paragraphs joined by ``"\\n\\n"``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

__all__ = [
    "TITLE_ABBREVIATIONS",
    "Doc",
    "Paragraph",
    "Sentence",
    "Token",
    "normalise",
    "tokenise",
    "word_count",
]

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_CHAR_MAP = str.maketrans(
    {
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e\uff02", '"'),
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u2039\u203a\u02bc", "'"),
        **dict.fromkeys("\u2010\u2011\u2212\ufe63\uff0d", "-"),
        **dict.fromkeys("\u2012\u2015\u2e3a\u2e3b", "\u2014"),
        **dict.fromkeys("\t\u00a0\u2007\u202f\u2009\u200a\u3000", " "),
    }
)
_LIST_MARKER = re.compile(r"^(?:[\u2022\u00b7\u25aa\u25cf\u2023\u2043*\-\u2013]\s+|\(?\d{1,2}[.)]\s+)")
_MULTI_SPACE = re.compile(r" {2,}")
_DOUBLE_HYPHEN = re.compile(r"(?<=\S) ?-- ?(?=\S)")
# Two single marks written for a double one (''like this'' in agency copy, ``like this'' in TeX)
_DOUBLED_SINGLE = re.compile(r"(?<!')''(?!')|``")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")


def normalise(text: str) -> str:
    """Return the cleaned text every offset refers to (see module docstring)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFKC", text.translate(_ZERO_WIDTH))
    text = text.translate(_CHAR_MAP)
    text = _DOUBLE_HYPHEN.sub("\u2014", text)
    text = _DOUBLED_SINGLE.sub('"', text)
    if _BLANK_LINE.search(text):
        blocks = _BLANK_LINE.split(text)
    else:
        blocks = text.split("\n")
    paragraphs: list[str] = []
    for block in blocks:
        current: list[str] = []
        for raw_line in block.split("\n"):
            line = _MULTI_SPACE.sub(" ", raw_line.strip())
            if not line:
                continue
            marker = _LIST_MARKER.match(line)
            if marker and len(line) > marker.end():
                if current:
                    paragraphs.append(" ".join(current))
                current = [line[marker.end():]]
            else:
                current.append(line)
        if current:
            paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


class Token(NamedTuple):
    """A word token: ``text == doc.text[start:end]``; ``lower`` is its lower-case form."""

    start: int
    end: int
    text: str
    lower: str
    sentence: int
    paragraph: int


class Sentence(NamedTuple):
    """A sentence span with the index range of its tokens (``tokens[first:last]``)."""

    start: int
    end: int
    paragraph: int
    first: int
    last: int

    @property
    def n_words(self) -> int:
        return self.last - self.first


class Paragraph(NamedTuple):
    """A paragraph span; ``kind`` is ``"heading"`` (short, title-like, unpunctuated) or ``"body"``."""

    start: int
    end: int
    kind: str
    first_sentence: int
    last_sentence: int


# Words: letters/digits joined by internal apostrophes, hyphens, periods (U.S.) or
# commas/periods inside numbers (1,000 and 3.5).
WORD_RE = re.compile(r"\w+(?:['\-.,/&]\w+)*", re.UNICODE)

# Sentence boundary candidates: terminal punctuation, optional closing quote/bracket,
# then whitespace. Whether it really ends a sentence is decided in _is_boundary.
_BOUNDARY = re.compile(r"[.!?]+[\"')\]]*(?=\s)")
_NEXT_START = re.compile(r"\s+[\"'(\[]*(?P<next>\S)")

#: Abbreviated titles written before a name ("Dr. Chung", "City Coun. Amarajeet Sohi").
TITLE_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt gen col lt capt sgt maj adm cmdr gov sen rep
    supt insp det cpl coun cllr rev fr hon""".split()
)
ABBREVIATIONS = TITLE_ABBREVIATIONS | frozenset(
    """pres messrs mme mlle vs etc e.g i.e cf al approx dept est
    inc corp ltd co bros no nos vol fig ft jan feb mar apr jun jul aug sep sept oct
    nov dec mon tue tues wed thu thur thurs fri sat sun ave blvd rd u.s u.k u.n u.s.a
    e.u d.c a.m p.m""".split()
)
# After these a capitalised word still starts a new sentence ("... in the U.S. The talks").
_SENTENCE_STARTERS = frozenset(
    """the a an he she it they we i this that these those but and in on at as
    however meanwhile later on after before when while if his her their its our""".split()
)
_LOWER_ABBREVIATIONS = frozenset({"e.g", "i.e", "etc", "cf", "vs", "al", "approx"})
# Always followed by more of the same sentence.
_NEVER_FINAL = frozenset({"e.g", "i.e", "cf", "vs", "approx"})


def _is_boundary(text: str, dot_pos: int, end: int) -> bool:
    """Decide whether the punctuation run ``text[dot_pos:end]`` ends a sentence."""
    nxt = _NEXT_START.match(text, end)
    if nxt is None:
        return True
    first = nxt.group("next")
    if text[dot_pos] != ".":
        return first.isupper() or first.isdigit() or not first.isalpha()
    # The word before the period.
    i = dot_pos
    while i > 0 and not text[i - 1].isspace() and text[i - 1] not in "\"'([":
        i -= 1
    word = text[i:dot_pos].lower()
    next_word_end = nxt.end("next")
    while next_word_end < len(text) and text[next_word_end].isalpha():
        next_word_end += 1
    next_word = text[nxt.start("next"):next_word_end].lower()
    if word in _NEVER_FINAL or (first.islower() and word in ABBREVIATIONS):
        return False
    if word in ABBREVIATIONS and word not in _LOWER_ABBREVIATIONS:
        # Titles before names never end a sentence; dotted acronyms do only before
        # a typical sentence opener.
        if "." in word or word in {"inc", "corp", "ltd", "co", "etc"}:
            return next_word in _SENTENCE_STARTERS
        return False
    if len(word) == 1 and word.isalpha() and text[i].isupper():
        return False  # an initial: "John F. Kennedy"
    if _INITIALS.fullmatch(text, i, dot_pos):
        return next_word in _SENTENCE_STARTERS  # initials: "M.S. Dhoni", "V.V.S. Laxman"
    if first.islower():
        return False
    return True


@dataclass(frozen=True, slots=True)
class Doc:
    """A tokenised article. Build it with :func:`tokenise`; it is immutable and shared."""

    text: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]

    @property
    def n_words(self) -> int:
        return len(self.tokens)

    def sentence_text(self, index: int) -> str:
        s = self.sentences[index]
        return self.text[s.start:s.end]

    def paragraph_text(self, index: int) -> str:
        p = self.paragraphs[index]
        return self.text[p.start:p.end]

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (the nearest one before it otherwise)."""
        lo, hi = 0, len(self.sentences) - 1
        if hi < 0:
            return -1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentences[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo


def _looks_like_heading(par: str) -> bool:
    words = par.split()
    if not words or len(words) > 12 or par[-1] in ".!?:;,\"'":
        return False
    caps = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return caps >= max(1, int(len(words) * 0.6))


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    s = start
    for m in _BOUNDARY.finditer(text, start, end):
        if _is_boundary(text, m.start(), m.end()):
            spans.append((s, m.end()))
            nxt = m.end()
            while nxt < end and text[nxt].isspace():
                nxt += 1
            s = nxt
    if s < end:
        spans.append((s, end))
    return spans


@lru_cache(maxsize=4096)
def tokenise(text: str) -> Doc:
    """Normalise ``text`` and split it into paragraphs, sentences and tokens.

    The result is cached by text, so every analysis of the same article shares one
    tokenisation.
    """
    clean = normalise(text)
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    new_token = tuple.__new__  # skips NamedTuple's Python-level __new__: ~2x faster
    pos = 0
    for p_index, par in enumerate(clean.split("\n\n")) if clean else ():
        p_start, p_end = pos, pos + len(par)
        pos = p_end + 2
        first_sentence = len(sentences)
        for s_start, s_end in _split_paragraph(clean, p_start, p_end):
            first = len(tokens)
            s_index = len(sentences)
            for m in WORD_RE.finditer(clean, s_start, s_end):
                w = m.group()
                tokens.append(new_token(Token, (m.start(), m.end(), w, w.lower(), s_index, p_index)))
            sentences.append(Sentence(s_start, s_end, p_index, first, len(tokens)))
        kind = "heading" if _looks_like_heading(par) else "body"
        paragraphs.append(Paragraph(p_start, p_end, kind, first_sentence, len(sentences)))
    return Doc(clean, tuple(paragraphs), tuple(sentences), tuple(tokens))


def word_count(text: str) -> int:
    """Number of word tokens in ``text`` as the text layer counts them."""
    return sum(1 for _ in WORD_RE.finditer(text))
