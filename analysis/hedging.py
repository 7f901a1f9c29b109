"""Hedging and boosters: which article speculates and which asserts, every hit with its words.

Matching runs over the text layer's tokens (``doc.tokens``; no re-tokenising): at each token
the longest lexicon phrase starting there wins (leftmost-longest, never across sentences), so
"almost certainly" is one hedge, not a booster, and an exclusion ("as quickly as possible")
consumes its words. Inflections were expanded when the lexicon loaded; the work per token is
one dictionary look-up. Context rules (README, "Hedging"):

* "May" the month or a name is not a hedge: capitalised "May" in body text, "may" before a
  number ("May 5", "May 2023") or after a month preposition ("in May", "since May").
* A negated modal ("could not", "cannot", "couldn't", "may not", "would never") is kept as a
  hit with ``negated=True`` and counted apart (``negated_count``), not as a hedge.
* "would" is flagged: ``reported_speech`` after a reporting verb ("said it would cut jobs", the
  reported form of "will") and ``narrative`` before later/often/usually ("would later prove")
  are kept as hits but not counted; ``conditional`` (an if/unless clause) is counted.
* With the quote spans of the quotes analysis, a hit inside a direct quotation has
  ``in_quote=True`` and the quoted ``speaker``; authorial figures exclude quoted words. Without
  them the split is reported as unavailable (``quote_split=False``, figures None/NaN).

Undefined values: densities of a text with no words are 0.0; quote-split figures are None in
the record (NaN in the flat table) when no quote spans were given.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .hedging_lexicon import CATEGORIES, END, Entry, Lexicon, Trie, load_lexicon
from .text import Doc, Token

__all__ = [
    "FLAGS",
    "INDEX_EXPLANATION",
    "UNCOUNTED_FLAGS",
    "HedgingResult",
    "Hit",
    "analyse",
]

#: Flags a hit can carry (``None`` for most).
FLAGS: tuple[str, ...] = ("conditional", "reported_speech", "narrative")
#: Flagged hits that stay visible but are not counted as hedges.
UNCOUNTED_FLAGS = frozenset({"reported_speech", "narrative"})
#: The hedging index in one line, for a briefing reader.
INDEX_EXPLANATION = (
    "Hedging index = hedges minus boosters per 1,000 words: above 0 the article qualifies its "
    "claims more than it asserts them, below 0 it asserts more than it qualifies."
)

_NEGATORS = frozenset({"not", "never"})
_MONTH_PREVIOUS = frozenset(
    "in since until till during early late mid last next from through before after between".split()
)
_REPORTING_VERBS = frozenset(
    """said says say told tells announced added stated declared promised pledged vowed insisted
    stressed emphasized emphasised confirmed noted warned predicted signalled signaled agreed
    decided assured reiterated explained argued claimed maintained revealed conceded
    acknowledged admitted affirmed asserted underlined replied wrote tweeted estimated
    forecast projected announced threatened hoped expected knew thought believed reported
    indicated suggested""".split()
)
_CONDITIONAL_WORDS = frozenset({"if", "unless", "otherwise"})
_INVERTED_CONDITIONAL = frozenset({"had", "were", "should"})
_NARRATIVE_NEXT = frozenset({"later", "often", "usually", "always", "sometimes", "frequently", "regularly"})


class Hit(NamedTuple):
    """One hedge or booster in the text (``doc.text[start:end]``).

    ``counted`` is False for negated modals and for "would" flagged ``reported_speech`` or
    ``narrative``; ``in_quote``/``speaker`` are None when no quote spans were available.
    """

    term: str
    kind: str
    category: str
    start: int
    end: int
    sentence: int
    sentence_text: str
    negated: bool = False
    flag: str | None = None
    counted: bool = True
    in_quote: bool | None = None
    speaker: str | None = None

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        d: dict[str, Any] = {
            "term": self.term,
            "kind": self.kind,
            "category": self.category,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence_text,
            "sentence_index": self.sentence,
            "negated": self.negated,
            "flag": self.flag,
            "counted": self.counted,
            "in_quote": self.in_quote,
            "speaker": self.speaker,
        }
        if text is not None:
            d["match"] = text[self.start:self.end]
        return d


def _per_1k(count: int, words: int) -> float:
    return count * 1000.0 / words if words else 0.0


def _nan(value: float | int | None) -> float | int:
    return math.nan if value is None else value


@dataclass(frozen=True, slots=True)
class HedgingResult:
    """Hedging of one article. Counts include only ``counted`` hits (see :class:`Hit`)."""

    words: int
    sentences: int
    hedge_count: int
    booster_count: int
    negated_count: int
    set_aside_count: int
    hedges_per_1k: float
    boosters_per_1k: float
    hedging_index: float
    hedged_sentences: int
    by_category: dict[str, dict[str, int]]
    flags: dict[str, int]
    quote_split: bool
    authorial_words: int | None
    quoted_words: int | None
    authorial_hedge_count: int | None
    quoted_hedge_count: int | None
    authorial_hedges_per_1k: float | None
    authorial_boosters_per_1k: float | None
    authorial_hedging_index: float | None
    quoted_hedges_per_1k: float | None
    quoted_hedges: dict[str, int] | None
    hits: tuple[Hit, ...]
    lexicon: str = "default"
    text: str = field(default="", repr=False)

    @property
    def hedged_sentence_share(self) -> float:
        """Share of sentences with at least one counted hedge (0.0 without sentences)."""
        return self.hedged_sentences / self.sentences if self.sentences else 0.0

    def to_dict(self) -> dict[str, Any]:
        """The CLI record's ``hedging`` object (README, "Hedging")."""
        return {
            "hedges_per_1k": self.hedges_per_1k,
            "boosters_per_1k": self.boosters_per_1k,
            "hedging_index": self.hedging_index,
            "hedging_index_explained": INDEX_EXPLANATION,
            "hedge_count": self.hedge_count,
            "booster_count": self.booster_count,
            "negated_count": self.negated_count,
            "set_aside_count": self.set_aside_count,
            "hedged_sentences": self.hedged_sentences,
            "hedged_sentence_share": self.hedged_sentence_share,
            "by_category": {k: dict(v) for k, v in self.by_category.items()},
            "flags": dict(self.flags),
            "quote_split": self.quote_split,
            "authorial_words": self.authorial_words,
            "quoted_words": self.quoted_words,
            "authorial_hedge_count": self.authorial_hedge_count,
            "quoted_hedge_count": self.quoted_hedge_count,
            "authorial_hedges_per_1k": self.authorial_hedges_per_1k,
            "authorial_boosters_per_1k": self.authorial_boosters_per_1k,
            "authorial_hedging_index": self.authorial_hedging_index,
            "quoted_hedges_per_1k": self.quoted_hedges_per_1k,
            "quoted_hedges": None if self.quoted_hedges is None else dict(self.quoted_hedges),
            "lexicon": self.lexicon,
            "hits": [h.to_dict(self.text or None) for h in self.hits],
        }

    def flat(self) -> dict[str, float | int]:
        """Flat ``hedging_*`` columns for the corpus table (README glossary)."""
        d: dict[str, float | int] = {
            "hedging_hedges_per_1k": self.hedges_per_1k,
            "hedging_boosters_per_1k": self.boosters_per_1k,
            "hedging_index": self.hedging_index,
            "hedging_hedge_count": self.hedge_count,
            "hedging_booster_count": self.booster_count,
            "hedging_negated_count": self.negated_count,
            "hedging_set_aside_count": self.set_aside_count,
            "hedging_hedged_sentence_share": self.hedged_sentence_share,
            "hedging_authorial_hedges_per_1k": _nan(self.authorial_hedges_per_1k),
            "hedging_authorial_index": _nan(self.authorial_hedging_index),
            "hedging_quoted_hedges_per_1k": _nan(self.quoted_hedges_per_1k),
            "hedging_quoted_hedge_count": _nan(self.quoted_hedge_count),
        }
        for kind, plural in (("hedge", "hedges"), ("booster", "boosters")):
            for cat in CATEGORIES:
                d[f"hedging_{plural}_{cat}"] = self.by_category[kind].get(cat, 0)
        return d


def _is_month_or_name(tokens: Sequence[Token], i: int, heading: bool) -> bool:
    """Whether "may" at ``tokens[i]`` is the month or a surname, not the modal."""
    tok = tokens[i]
    if tok.text[0] == "M" and not heading and tok.text != "MAY":
        return True  # body text capitalises the modal only at a sentence start, never mid-clause
    nxt = tokens[i + 1] if i + 1 < len(tokens) and tokens[i + 1].sentence == tok.sentence else None
    if nxt is not None and nxt.text[0].isdigit():
        return True
    prev = tokens[i - 1] if i > 0 and tokens[i - 1].sentence == tok.sentence else None
    return prev is not None and prev.lower in _MONTH_PREVIOUS


def _context_ok(entry: Entry, tokens: Sequence[Token], i: int, j: int) -> bool:
    """Check an entry's ``unless_next``/``unless_prev`` words around ``tokens[i:j]``."""
    sent = tokens[i].sentence
    if entry.unless_next:
        nxt = tokens[j] if j < len(tokens) and tokens[j].sentence == sent else None
        if nxt is None:
            if "$" in entry.unless_next:
                return False
        elif nxt.lower in entry.unless_next or ("#" in entry.unless_next and nxt.text[0].isdigit()):
            return False
    if entry.unless_prev:
        prev = tokens[i - 1] if i > 0 and tokens[i - 1].sentence == sent else None
        if prev is None:
            if "^" in entry.unless_prev:
                return False
        elif prev.lower in entry.unless_prev:
            return False
    return True


def _match(
    trie: Trie, tokens: Sequence[Token], lowers: Sequence[str], i: int
) -> tuple[Entry, int] | None:
    """The longest entry matching at ``tokens[i]`` whose context rules pass, and its end."""
    node = trie.get(lowers[i])
    if node is None:
        return None
    n = len(tokens)
    sent = tokens[i].sentence
    found: list[tuple[Entry, int]] = []
    k = i + 1
    while True:
        entry = node.get(END)
        if entry is not None:
            found.append((entry, k))
        if k >= n or tokens[k].sentence != sent:
            break
        node = node.get(lowers[k])
        if node is None:
            break
        k += 1
    for entry, j in reversed(found):
        if _context_ok(entry, tokens, i, j):
            return entry, j
    return None


def _would_flag(doc: Doc, i: int, in_quote: bool) -> str | None:
    """Flag of a "would" at ``doc.tokens[i]``: narrative, reported_speech, conditional or None."""
    tokens = doc.tokens
    tok = tokens[i]
    s = doc.sentences[tok.sentence]
    nxt = tokens[i + 1].lower if i + 1 < s.last else ""
    if nxt in _NARRATIVE_NEXT or (nxt == "go" and i + 2 < s.last and tokens[i + 2].lower == "on"):
        return "narrative"
    before = tokens[s.first:i]
    if not in_quote and any(t.lower in _REPORTING_VERBS for t in before):
        return "reported_speech"
    if any(t.lower in _CONDITIONAL_WORDS for t in tokens[s.first:s.last]) or (
        s.first < i and tokens[s.first].lower in _INVERTED_CONDITIONAL
    ):
        return "conditional"
    return None


class _Quotes:
    """Direct-quote spans sorted by start, for offset → (in_quote, speaker) look-ups."""

    def __init__(self, spans: Sequence[tuple[int, int, str]]) -> None:
        self.spans = sorted((int(s), int(e), str(sp)) for s, e, sp in spans)
        self.starts = [s for s, _, _ in self.spans]

    def speaker_at(self, offset: int) -> str | None:
        k = bisect_right(self.starts, offset) - 1
        if k >= 0 and offset < self.spans[k][1]:
            return self.spans[k][2]
        return None

    def quoted_words(self, tokens: Sequence[Token]) -> int:
        n = k = 0
        spans = self.spans
        for t in tokens:
            while k < len(spans) and spans[k][1] <= t.start:
                k += 1
            if k < len(spans) and spans[k][0] <= t.start < spans[k][1]:
                n += 1
        return n


def _find_hits(doc: Doc, lexicon: Lexicon, quotes: _Quotes | None) -> list[Hit]:
    tokens = doc.tokens
    trie = lexicon.index
    lowers = [t.lower for t in tokens]
    headings = {i for i, p in enumerate(doc.paragraphs) if p.kind == "heading"}
    sentence_texts: dict[int, str] = {}
    hits: list[Hit] = []
    n = len(tokens)
    skip_to = 0
    for i in [i for i, w in enumerate(lowers) if w in trie]:
        if i < skip_to:
            continue
        found = _match(trie, tokens, lowers, i)
        if found is None:
            continue
        entry, j = found
        tok = tokens[i]
        if entry.kind == "exclusion" or (
            entry.term == "may" and _is_month_or_name(tokens, i, tok.paragraph in headings)
        ):
            skip_to = j
            continue
        speaker = quotes.speaker_at(tok.start) if quotes is not None else None
        in_quote = None if quotes is None else speaker is not None
        negated = False
        end = tokens[j - 1].end
        if entry.category == "modal" and entry.kind == "hedge" and j == i + 1:
            if tok.lower.endswith("n't") or tok.lower == "cannot":
                negated = True
            elif j < n and tokens[j].lower in _NEGATORS and tokens[j].sentence == tok.sentence:
                negated = True
                end = tokens[j].end
                j += 1
        elif entry.term == "can not":
            negated = True
        flag = _would_flag(doc, i, bool(in_quote)) if entry.term == "would" else None
        counted = not negated and flag not in UNCOUNTED_FLAGS
        if tok.sentence not in sentence_texts:
            sentence_texts[tok.sentence] = doc.sentence_text(tok.sentence)
        hits.append(
            Hit(
                entry.term,
                entry.kind,
                entry.category,
                tok.start,
                end,
                tok.sentence,
                sentence_texts[tok.sentence],
                negated,
                flag,
                counted,
                in_quote,
                speaker,
            )
        )
        skip_to = j
    return hits


def analyse(
    doc: Doc,
    lexicon: Lexicon | None = None,
    quote_spans: Sequence[tuple[int, int, str]] | None = None,
) -> HedgingResult:
    """Hedges and boosters of a tokenised article.

    Args:
        doc: the article from :func:`analysis.text.tokenise`.
        lexicon: the lexicon to use; the default files in ``data/lexicons/`` when None.
        quote_spans: ``(start, end, speaker)`` of each direct quotation (offsets into
            ``doc.text``), from the quotes analysis; None when unavailable (the authorial /
            quoted split is then reported as unavailable, not guessed).
    """
    lexicon = lexicon if lexicon is not None else load_lexicon()
    quotes = _Quotes(quote_spans) if quote_spans is not None else None
    hits = _find_hits(doc, lexicon, quotes)

    words = doc.n_words
    counted = [h for h in hits if h.counted]
    # Every category, in display order, zeros included: charts and tables stay aligned.
    by_category = {"hedge": dict.fromkeys(CATEGORIES, 0), "booster": dict.fromkeys(CATEGORIES, 0)}
    for h in counted:
        by_category[h.kind][h.category] += 1
    hedges = [h for h in counted if h.kind == "hedge"]
    n_hedges = len(hedges)
    n_boosters = len(counted) - n_hedges
    flags = Counter(h.flag for h in hits if h.flag)

    authorial = {k: None for k in ("words", "hedges", "boosters", "hpk", "bpk", "index")}
    quoted_words = quoted_count = quoted_pk = quoted_by_speaker = None
    if quotes is not None:
        quoted_words = quotes.quoted_words(doc.tokens)
        a_words = words - quoted_words
        a_hedges = sum(1 for h in hedges if not h.in_quote)
        a_boosters = sum(1 for h in counted if h.kind == "booster" and not h.in_quote)
        quoted_count = n_hedges - a_hedges
        quoted_pk = _per_1k(quoted_count, quoted_words)
        quoted_by_speaker = dict(Counter(h.speaker for h in hedges if h.in_quote))
        hpk, bpk = _per_1k(a_hedges, a_words), _per_1k(a_boosters, a_words)
        authorial = {
            "words": a_words, "hedges": a_hedges, "boosters": a_boosters,
            "hpk": hpk, "bpk": bpk, "index": hpk - bpk,
        }  # fmt: skip

    hpk, bpk = _per_1k(n_hedges, words), _per_1k(n_boosters, words)
    return HedgingResult(
        words=words,
        sentences=sum(1 for s in doc.sentences if s.n_words),
        hedge_count=n_hedges,
        booster_count=n_boosters,
        negated_count=sum(1 for h in hits if h.negated),
        set_aside_count=sum(1 for h in hits if h.flag in UNCOUNTED_FLAGS and not h.negated),
        hedges_per_1k=hpk,
        boosters_per_1k=bpk,
        hedging_index=hpk - bpk,
        hedged_sentences=len({h.sentence for h in hedges}),
        by_category=by_category,
        flags=dict(flags),
        quote_split=quotes is not None,
        authorial_words=authorial["words"],
        quoted_words=quoted_words,
        authorial_hedge_count=authorial["hedges"],
        quoted_hedge_count=quoted_count,
        authorial_hedges_per_1k=authorial["hpk"],
        authorial_boosters_per_1k=authorial["bpk"],
        authorial_hedging_index=authorial["index"],
        quoted_hedges_per_1k=quoted_pk,
        quoted_hedges=quoted_by_speaker,
        hits=tuple(hits),
        lexicon=lexicon.name,
        text=doc.text,
    )
