"""The quote analysis's typed result: quotations, reported speech, exclusions, speakers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = [
    "UNKNOWN",
    "DirectQuote",
    "Excluded",
    "QuotesResult",
    "ReportedSpeech",
    "SpeakerStats",
]

#: Speaker of a quotation whose speaker the text does not give (never a guess).
UNKNOWN = "UNKNOWN"


def _shallow(obj: Any) -> dict[str, Any]:
    """Fields of a flat slotted dataclass as a dict (``asdict`` deep-copies: 10x slower)."""
    return {name: getattr(obj, name) for name in obj.__slots__}


@dataclass(frozen=True, slots=True)
class DirectQuote:
    """A direct quotation; ``text == doc.text[start:end]`` (the words between the marks).

    ``cue`` is the attribution word ("said", "according to", "attribution line" …) and
    ``cue_type`` where it was found: ``post`` (after the quotation), ``pre`` (before it),
    ``end`` (the clause that ends the quotation's sentence: '"…" from the cuts, the leader
    has admitted'), ``according``, ``dash``, ``colon`` (speaker before a colon, no verb),
    ``next`` (a short sentence after it), ``line`` (attribution line under a block
    quotation), ``line-before`` (a name line right above it), ``colon-before`` (previous
    paragraph ends with a colon), ``context`` (voice of the nearest statement before a
    block quotation), ``continuation`` (previous quotation of the paragraph, or of an
    earlier one when a topic lead-in such as "On the defence:" introduces this one), or
    ``none``. ``speaker_kind``: person, organisation, role (an
    unnamed role such as "the president"), anonymous, or unknown.
    """

    speaker: str
    text: str
    start: int
    end: int
    words: int
    cue: str
    cue_type: str
    role: str
    anonymous: bool
    speaker_kind: str
    paragraphs: int
    repaired: bool

    def to_dict(self) -> dict[str, Any]:
        return _shallow(self)


@dataclass(frozen=True, slots=True)
class ReportedSpeech:
    """A sentence that attributes a claim without quotation marks; ``start:end`` is the sentence."""

    speaker: str
    cue: str
    start: int
    end: int
    anonymous: bool
    role: str
    speaker_kind: str
    cue_start: int
    cue_end: int
    cues: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        d = _shallow(self)
        d["cues"] = list(self.cues)
        return d


@dataclass(frozen=True, slots=True)
class Excluded:
    """Quoted words that are not a quotation: ``scare``, ``title``, ``headline`` or ``nested``."""

    text: str
    start: int
    end: int
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return _shallow(self)


@dataclass(frozen=True, slots=True)
class SpeakerStats:
    """One voice of the article: its direct quotations, quoted words and reported statements."""

    name: str
    quotes: int
    words: int
    reported: int
    role: str
    anonymous: bool
    kind: str


@dataclass(frozen=True)
class QuotesResult:
    """Quotations and reported speech of one article (README, "Quotes").

    Undefined values: ``quoted_share`` and ``top_speaker_share`` are 0.0 when the
    article has no words or no quotations (the readability family's convention).
    """

    direct: tuple[DirectQuote, ...]
    reported: tuple[ReportedSpeech, ...]
    excluded: tuple[Excluded, ...]
    speakers: tuple[SpeakerStats, ...]
    article_words: int

    @property
    def direct_spans(self) -> tuple[tuple[int, int, str], ...]:
        """(start, end, canonical speaker) of every direct quotation's text in ``doc.text``."""
        return tuple((q.start, q.end, q.speaker) for q in self.direct)

    @property
    def quote_count(self) -> int:
        return len(self.direct)

    @property
    def quoted_words(self) -> int:
        return sum(q.words for q in self.direct)

    @property
    def quoted_share(self) -> float:
        return self.quoted_words / self.article_words if self.article_words else 0.0

    @property
    def unattributed_count(self) -> int:
        return sum(1 for q in self.direct if q.speaker == UNKNOWN)

    @property
    def reported_count(self) -> int:
        return len(self.reported)

    @property
    def anonymous_count(self) -> int:
        return sum(1 for q in self.direct if q.anonymous) + sum(1 for r in self.reported if r.anonymous)

    @property
    def named_speakers(self) -> tuple[SpeakerStats, ...]:
        """Speakers of direct quotations other than UNKNOWN and unnamed sources."""
        return tuple(s for s in self.speakers if s.quotes and s.name != UNKNOWN and not s.anonymous)

    @property
    def top_speaker(self) -> SpeakerStats | None:
        quoted = [s for s in self.speakers if s.quotes and s.name != UNKNOWN]
        return max(quoted, key=lambda s: (s.words, s.quotes)) if quoted else None

    @property
    def note(self) -> str:
        """A plain-language summary, e.g. why the counts are zero."""
        if not self.direct and not self.reported:
            return "No quotations and no attributed statements: the article quotes nobody."
        if not self.direct:
            return f"No direct quotations; {self.reported_count} reported statement(s)."
        n = len(self.named_speakers)
        return (
            f"{self.quote_count} direct quotation(s) from {n} named speaker(s); "
            f"{self.quoted_share:.0%} of the article's words are quoted."
        )

    def to_dict(self) -> dict[str, Any]:
        """The ``quotes`` object of the CLI record (README, "Quotes")."""
        return {
            "direct": [q.to_dict() for q in self.direct],
            "reported": [r.to_dict() for r in self.reported],
            "quote_count": self.quote_count,
            "quoted_words": self.quoted_words,
            "quoted_share": self.quoted_share,
            "speakers": {
                s.name: {
                    "quotes": s.quotes,
                    "words": s.words,
                    "reported": s.reported,
                    "role": s.role,
                    "anonymous": s.anonymous,
                    "kind": s.kind,
                }
                for s in self.speakers
            },
            "unattributed_count": self.unattributed_count,
            "reported_count": self.reported_count,
            "anonymous_count": self.anonymous_count,
            "excluded": [e.to_dict() for e in self.excluded],
            "note": self.note,
        }

    def flat(self) -> dict[str, Any]:
        """``quotes_*`` columns of the corpus table (README glossary)."""
        top = self.top_speaker
        return {
            "quotes_quote_count": self.quote_count,
            "quotes_quoted_words": self.quoted_words,
            "quotes_quoted_share": self.quoted_share,
            "quotes_unattributed_count": self.unattributed_count,
            "quotes_reported_count": self.reported_count,
            "quotes_anonymous_count": self.anonymous_count,
            "quotes_speaker_count": len(self.named_speakers),
            "quotes_voice_count": sum(1 for s in self.speakers if s.name != UNKNOWN and not s.anonymous),
            "quotes_top_speaker": top.name if top else "",
            "quotes_top_speaker_share": (top.words / self.quoted_words) if top and self.quoted_words else 0.0,
            "quotes_speakers": "; ".join(f"{s.name} ({s.quotes})" for s in self.speakers if s.quotes),
        }
