"""Reported speech: claims attributed without quotation marks.

A sentence is reported speech when a reporting verb ("said", "believes", "points out",
"underlined", "expressed" …; ``data/lexicons/speech_verbs.txt``) has a speaker as its
subject — a name, an organisation, a resolved pronoun, a role descriptor or an
unnamed source — or when it says "according to <speaker>". Not reported speech: the
verb of a direct quotation's attribution (that is the quotation's cue), a negated or
passive verb ("did not say", "is believed to"), a verb whose subject is not a speaker
("The meeting underscores …"), first-person subjects, verbs tagged ``quote``
("laughed"), and headings. One entry per sentence and speaker; further verbs of the
same speaker in the sentence are kept in ``cues``.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import compress

from .attribution import Decision, _Attributor, negated_or_passive
from .phrases import Ref

__all__ = ["Statement", "find_reported"]


@dataclass(slots=True)
class Statement:
    """One reported-speech sentence: tokens of its verb, sentence index and speaker."""

    sentence: int
    entity: int
    verb_start: int
    verb_end: int
    cues: list[str]


def find_reported(att: _Attributor, decisions: list[Decision]) -> list[Statement]:
    """Reported-speech statements in text order (see the module docstring)."""
    v = att.view
    used = {
        d.cue.verb_tok for d in decisions if d.kind == "speech" and d.cue is not None and d.cue.verb_tok >= 0
    }
    doc = v.doc
    quote_of = v.quote_of
    starts_statement = _statement_words(v.lex)
    flags = map(starts_statement.__contains__, v.lower)
    candidates = [k for k in compress(range(len(quote_of)), flags) if quote_of[k] < 0]
    out: list[Statement] = []
    by_key: dict[tuple[int, int], Statement] = {}
    nxt = 0
    for k in candidates:
        if k < nxt or k in used:
            continue
        s_idx = v.sent[k]
        sent = doc.sentences[s_idx]
        if doc.paragraphs[sent.paragraph].kind == "heading":
            continue
        found = _statement_at(att, k, sent.first, sent.last)
        if found is None:
            continue
        eid, end, form = found
        key = (s_idx, att.reg.root(eid))
        if key in by_key:
            by_key[key].cues.append(form)
        else:
            st = Statement(s_idx, att.reg.root(eid), k, end, [form])
            by_key[key] = st
            out.append(st)
        nxt = end
    return out


_WORDS: dict[int, tuple[object, frozenset[str]]] = {}


def _statement_words(lex) -> frozenset[str]:
    """First words of reporting verbs, and "according" (cached per lexicon)."""
    hit = _WORDS.get(id(lex))
    if hit is None or hit[0] is not lex:
        hit = (lex, frozenset(lex.verbs) | {"according"})
        _WORDS[id(lex)] = hit
    return hit[1]


def _statement_at(att: _Attributor, k: int, lo: int, hi: int) -> tuple[int, int, str] | None:
    v = att.view
    if v.lower[k] == "according" and k + 1 < hi and v.lower[k + 1] == "to":
        ref = v.np_at(k + 2, hi)
        if ref is None:
            return None
        ref, _, _ = att.named_appositive(ref, hi)
        eid = att.entity_of(ref)
        return (eid, k + 2, "according to") if eid >= 0 else None
    verb = v.verb_at(k, hi)
    if verb is None or "quote" in verb.tags:
        return None
    if "that" in verb.tags and not (
        verb.end < hi and (v.lower[verb.end] == "that" or ":" in v.gap(verb.end))
    ):
        return None
    if negated_or_passive(v, verb.start, lo):
        return None
    ref, _ = att.subject_of(verb.start, lo)
    eid = -1
    if ref is not None:
        if not _speaker_ref(ref):
            return None
        eid = att.entity_of(ref)
    elif "object" not in verb.tags and "," in v.gap(verb.start):
        after = v.np_at(verb.end, hi)  # "…, said the ministry."
        if after is not None and _speaker_ref(after):
            after, _, _ = att.named_appositive(after, hi)
            eid = att.entity_of(after)
    elif verb.start - 1 >= lo and v.lower[verb.start - 1] == "and":
        eid = att.sentence_subject(lo, verb.start)
    if eid < 0:
        return None
    return eid, verb.end, verb.form


def _speaker_ref(ref: Ref) -> bool:
    if ref.kind == "pronoun":
        return ref.name in ("he", "she", "they", "it")
    return ref.kind in ("person", "bare", "org", "descriptor", "anon", "anaphor", "place")
