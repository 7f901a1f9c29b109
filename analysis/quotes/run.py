"""``analyse(doc)``: the quote analysis of one article, from spans to the typed result."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict

from ..text import Doc
from .attribution import Decision, _Attributor, attribute
from .entities import Registry, scan_mentions
from .lexicons import load_lexicons
from .marks import Span, find_spans
from .phrases import View
from .reported import Statement, find_reported
from .result import UNKNOWN, DirectQuote, Excluded, QuotesResult, ReportedSpeech, SpeakerStats

__all__ = ["analyse"]

_KIND_NAMES = {"person": "person", "org": "organisation", "descriptor": "role", "anon": "anonymous"}


def analyse(doc: Doc, lexicon_dir: str | None = None) -> QuotesResult:
    """Direct quotations, reported speech and speakers of one article.

    Args:
        doc: the tokenised article (:func:`analysis.text.tokenise`).
        lexicon_dir: folder of the word lists (default ``data/lexicons``).

    Returns:
        The typed result; an article with no words or no quotations gives empty lists
        and zero counts, with ``note`` saying so.
    """
    lex = load_lexicons(lexicon_dir)
    if not doc.tokens:
        return QuotesResult((), (), (), (), 0)
    spans = find_spans(doc)
    # start, end, text, lower, sentence, paragraph: the token columns, once per article
    columns = tuple(zip(*doc.tokens, strict=True))
    view = View(doc, lex, _quote_mask(columns[0], spans), columns)
    reg = Registry(view, scan_mentions(view))
    statements: list[Statement] = []

    def reported_events(att: _Attributor, decisions: list[Decision]) -> list[tuple[int, int, str]]:
        statements.extend(find_reported(att, decisions))
        return [(s.verb_start, s.entity, s.cues[0]) for s in statements]

    decisions, att = attribute(view, reg, spans, reported_events)
    reg.link_descriptors()
    reg.link_generic_orgs()
    return _result(doc, reg, att, decisions, statements)


def _quote_mask(starts: tuple[int, ...], spans: list[Span]) -> list[int]:
    """For each token (by its start offset), the index of the span it lies in (marks included), else -1."""
    mask = [-1] * len(starts)
    for idx, s in sorted(enumerate(spans), key=lambda p: p[1].open):
        end = s.close + 1 if s.close >= 0 else s.end
        a, b = bisect_left(starts, s.open), bisect_left(starts, end)
        if a < b and mask[a] < 0:  # nested spans lie inside their outer span
            mask[a:b] = [idx] * (b - a)
    return mask


def _speaker(reg: Registry, eid: int) -> tuple[str, str, bool, str]:
    """(name, kind, anonymous, role) of an entity, or UNKNOWN."""
    if eid < 0:
        return UNKNOWN, "unknown", False, ""
    root = reg.root(eid)
    e = reg.entities[root]
    return reg.display(root), _KIND_NAMES.get(e.kind, "person"), e.kind == "anon", reg.role(root)


def _result(
    doc: Doc, reg: Registry, att: _Attributor, decisions: list[Decision], statements: list[Statement]
) -> QuotesResult:
    text = doc.text
    direct: list[DirectQuote] = []
    excluded: list[Excluded] = []
    stats: dict[str, dict] = defaultdict(lambda: {"quotes": 0, "words": 0, "reported": 0, "role": ""})
    for d in decisions:
        s = d.span
        if d.kind != "speech":
            excluded.append(Excluded(text[s.start : s.end], s.start, s.end, d.kind))
            continue
        cue = d.cue
        name, kind, anon, role = _speaker(reg, cue.entity if cue is not None else -1)
        words = att.words_in(s)
        direct.append(
            DirectQuote(
                speaker=name,
                text=text[s.start : s.end],
                start=s.start,
                end=s.end,
                words=words,
                cue=cue.verb if cue is not None else "",
                cue_type=cue.kind if cue is not None else "none",
                role=(cue.role if cue is not None and cue.role else role),
                anonymous=anon,
                speaker_kind=kind,
                paragraphs=s.last_par - s.first_par + 1,
                repaired=s.repaired,
            )
        )
        st = stats[name]
        st["quotes"] += 1
        st["words"] += words
        st.update(kind=kind, anonymous=anon)
        st["role"] = st["role"] or role
    reported: list[ReportedSpeech] = []
    toks = doc.tokens
    for r in statements:
        name, kind, anon, role = _speaker(reg, r.entity)
        sent = doc.sentences[r.sentence]
        reported.append(
            ReportedSpeech(
                speaker=name,
                cue=r.cues[0],
                start=sent.start,
                end=sent.end,
                anonymous=anon,
                role=role,
                speaker_kind=kind,
                cue_start=toks[r.verb_start].start,
                cue_end=toks[r.verb_end - 1].end,
                cues=tuple(r.cues),
            )
        )
        st = stats[name]
        st["reported"] += 1
        st.update(kind=kind, anonymous=anon)
        st["role"] = st["role"] or role
    speakers = tuple(
        sorted(
            (
                SpeakerStats(n, v["quotes"], v["words"], v["reported"], v["role"], v["anonymous"], v["kind"])
                for n, v in stats.items()
            ),
            key=lambda s: (-s.words, -s.quotes, -s.reported, s.name),
        )
    )
    return QuotesResult(tuple(direct), tuple(reported), tuple(excluded), speakers, doc.n_words)
