"""Which quoted spans are quotations, and who said them.

For each span (see :mod:`.marks`) the attribution cues news writing uses are tried,
nearest first:

1. after the closing mark: ``"…," X said`` / ``said X`` / ``X, the <role>, said`` /
   ``X told Reuters`` / ``he said`` / ``according to X`` / ``"…" — X``;
2. before the opening mark, in the same sentence: ``X said: "…"``, ``X said that "…"``,
   ``X called the plan "…"``, ``…, adding: "…"`` (the sentence's subject),
   ``According to X, … "…"``, a colon after the speaker with no verb
   (``X was blunt: "…"``, ``X: "…"``);
3. a one-clause sentence right after a quotation that ends its sentence
   (``"Why?" Tanaka asked.``);
4. a block quotation (its own paragraph): the attribution line after it
   ("Kim Jong Un, State Dinner with Russian officials", "— Former envoy X, speaking at …"),
   the previous paragraph ending in a colon, or the voice of the nearest statement in
   the two paragraphs before (a paragraph of "Dr. Chung asserts that …" followed by a
   quoted paragraph is Dr. Chung speaking);
5. a quotation with no cue continues the previous quotation of its paragraph when no
   other subject came between (``"A," X said. "B."``), else it is spoken by the subject
   of the sentence right before it (an action beat: ``He frowned. "Will it never end?"``)
   or by the person acting right after it (``"…?" a woman stood at the lectern``).

Otherwise the speaker is ``UNKNOWN``. Quoted spans that are not quotations: a title
or name (after "known as", "dubbed", "headline", "memoir" …, or Title Case with no
speech verb next to it), a quoted headline (a heading paragraph), a scare quote (one
word, or under five words with no attribution cue), a nested quote (inside another).
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass

from .entities import Registry, _appositives
from .marks import Span
from .phrases import (
    ADVERBS,
    DAY_WORDS,
    DETERMINERS,
    NEGATIONS,
    PREPOSITIONS,
    RELATIVES,
    TIME_NOUNS,
    Ref,
    Verb,
    View,
    name_key,
)

__all__ = ["Cue", "Decision", "attribute"]

SCARE_MAX_WORDS = 4  # a quoted phrase this short needs an attribution cue to count
_SHORT_QUOTE_REACH = 6  # words between a verb and a short phrase it can introduce as a label
_SMALL = frozenset("a an the of and or in on at to for by as with from but nor vs".split())
_PASSIVE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
_NICKNAME = re.compile(r"""^['"][^'"]{1,25}['"]\s+([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)""")
_NOT_NOUNS = frozenset(
    """and or but he she they it we i you that which who is was are were be been has have had
    do does did will would can could may might should must""".split()
)
_ANSWER_NOUNS = frozenset("answer reply response verdict message explanation reaction retort".split())
_MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
_SPEAKER_KINDS = frozenset({"person", "bare", "org", "descriptor", "anon", "anaphor", "pronoun"})
_BEAT_KINDS = frozenset({"person", "bare", "pronoun", "anon", "descriptor", "anaphor"})


@dataclass(slots=True)
class Cue:
    """How a quotation's speaker was found."""

    kind: str  # post | pre | according | dash | colon | next | line | colon-before | context | continuation
    verb: str
    entity: int = -1
    ref: Ref | None = None
    verb_tok: int = -1
    role: str = ""


@dataclass(slots=True)
class Decision:
    """One span's verdict: ``kind`` is "speech" or an exclusion (scare, title, headline, nested)."""

    span: Span
    kind: str
    cue: Cue | None = None


class _Attributor:
    def __init__(self, view: View, reg: Registry, spans: list[Span]):
        self.view = view
        self.reg = reg
        self.spans = spans
        self.starts = view.starts
        self.opens = [s.open for s in spans]
        #: paragraph -> offset of its last closing double quote
        self.last_close: dict[int, int] = {}
        for s in spans:
            if s.mark == '"' and s.close >= 0:
                self.last_close[s.last_par] = max(self.last_close.get(s.last_par, -1), s.close)
        self.closed_pars = frozenset(self.last_close)
        self.events: list[tuple[int, int, str]] = []  # (token, entity, verb) of attributed statements
        self._blocks: set[int] | None = None  # paragraphs of block quotations, built on first use

    # ------------------------------------------------------------------ helpers
    def tok_at_or_after(self, offset: int) -> int:
        return bisect_left(self.starts, offset)

    def next_open_tok(self, span: Span) -> int:
        """Token index of the next quotation opening after ``span`` closes (nested ones skipped)."""
        after = span.close if span.close >= 0 else span.end
        k = bisect_left(self.opens, after + 1)
        return self.tok_at_or_after(self.opens[k]) if k < len(self.opens) else len(self.starts)

    def words_in(self, span: Span) -> int:
        return self.tok_at_or_after(span.end) - self.tok_at_or_after(span.start)

    def entity_of(self, ref: Ref | None) -> int:
        if ref is None:
            return -1
        if ref.kind in ("pronoun", "anaphor"):
            if ref.name in ("i", "we", "you"):
                return -1
            return self.reg.pronoun_of.get(ref.start, -1)
        if ref.kind == "document":
            if ref.owner is not None:
                return self.reg.entity_for(ref.owner, ref.owner.start)
            v = self.view
            j = ref.end
            if j < len(v.toks) and v.lower[j] in ("from", "by", "of") and v.joined(j):
                inner = v.np_at(j + 1, v.sentence_range(j)[1])
                if inner is not None and inner.kind != "document":
                    return self.entity_of(inner)
            if v.lower[ref.start] == "the":  # "the letter reads": the author just written about
                return self.salient_subject(ref.start)
            return -1
        if ref.kind == "place":
            if not ref.name:
                return -1
            person = self.reg.surname_of(ref)  # "Sunday said" after "Attorney General Dave Sunday"
            if person >= 0:
                return person
            return self.reg.entity_for(Ref("org", ref.start, ref.end, name=ref.name, key=ref.key), ref.start)
        return self.reg.entity_for(ref, ref.start)

    def named_appositive(self, ref: Ref, hi: int) -> tuple[Ref, int, str]:
        """Resolve "his spokesman, Ivan Petrov," to the name; else skip appositives for the role."""
        v = self.view
        if ref.kind in ("descriptor", "anon"):
            nxt, _, named = v.appositive_end(ref.end, hi)
            if named is not None:
                role = ref.name
                return named, nxt, role
            if nxt > ref.end and v.lower[ref.end] in RELATIVES:
                return ref, nxt, ""  # "one resident, who asked not to be named, told …"
            return ref, ref.end, ""
        j, role = _appositives(v, ref.end, hi)
        return ref, j, role

    def subject_of(self, k_verb: int, lo: int) -> tuple[Ref | None, str]:
        """The speaker phrase before the verb at ``k_verb`` and the role given on the way.

        Handles "X has also said", "X, the <role>, said", "X (party) said", "X, who told …"
        and unnamed people ("her landlord said", "a commuter said").
        """
        v = self.view
        k = k_verb - 1
        gerund = k >= lo and v.lower[k] == "having"  # "… to Elisabeth Borne having said …"
        while k >= lo and v.lower[k] in ADVERBS and v.quote_of[k] < 0:
            k -= 1
        k = self.skip_time(k, lo)  # "CM Baghel on Friday said", "Fukuda last week told"
        if k < lo or v.quote_of[k] >= 0:
            return None, ""
        role = ""
        comma_after = "," in v.gap(k + 1)
        if ")" in v.gap(k + 1):  # "Ama Serwaa (New Patriotic Alliance) called"
            a = k
            while a > lo and "(" not in v.gap(a) and k - a < 12:
                a -= 1
            if "(" not in v.gap(a):
                return None, ""
            if comma_after:  # "X, deputy secretary of the Nurses' Organisation (INO), said"
                k = a - 1
            else:
                role, k = v.span_text(a, k + 1), a - 1
        elif v.lower[k] in ("who", "which") and "," in v.gap(k):  # "Senator X, who told …"
            k -= 1
        if comma_after and k >= lo:
            a = k
            while a > lo and "," not in v.gap(a) and k - a < 25 and v.quote_of[a - 1] < 0:
                a -= 1
            if a <= lo or "," not in v.gap(a):
                return None, ""
            ref = v.np_ending_at(a - 1, lo, loose=True)
            if ref is None:
                return None, ""
            nxt, app_role, named = v.appositive_end(a, k + 1)
            if named is not None and ref.kind in ("descriptor", "anon"):
                return named, ref.name
            if nxt != k + 1:
                return None, ""
            return ref, app_role
        if k < lo:
            return None, ""
        ref = v.np_ending_at(k, lo, loose=True, after_prep=gerund)
        if ref is None or ref.kind not in _SPEAKER_KINDS:
            # the subject before a clause with no commas: "one journalist covering the research
            # put it", "one of the students who spoke on condition of anonymity said"
            for t in range(k, max(lo, k - 10), -1):
                w = v.lower[t]
                if v.quote_of[t] >= 0 or v.verb_at(t, k + 1) is not None:
                    break
                if t > lo and (w == "who" or (w.endswith("ing") and len(w) > 5 and not v.cap[t])):
                    head = v.np_ending_at(t - 1, lo, loose=True)
                    if head is not None and head.kind in _SPEAKER_KINDS:
                        return head, role
        return ref, role

    def skip_time(self, k: int, lo: int) -> int:
        """Skip a time phrase ending at token ``k`` ("on Friday", "on Tuesday night", "last week")."""
        v = self.view
        t = k
        while t >= lo and k - t < 4 and v.quote_of[t] < 0 and (t == k or v.joined(t + 1)):
            w = v.lower[t]
            if w not in _TIME_WORDS and w not in ("on", "last", "this", "earlier", "late", "early"):
                break
            t -= 1
        if t == k or not any(v.lower[x] in _TIME_WORDS for x in range(t + 1, k + 1)):
            return k
        if v.lower[t + 1] in _TIME_WORDS and v.lower[t + 1] not in DAY_WORDS:
            return k  # "the report this week": a bare "week" needs "last"/"this"/"on" before it
        return t

    def salient_subject(self, tok: int, window: int = 2, person: bool = False) -> int:
        """Entity of the nearest sentence subject before token ``tok`` (within ``window`` sentences).

        With ``person``, the nearest one that is a person (sentences whose subject is not are passed).
        """
        s_now = self.view.sent[tok]
        for s in range(s_now, max(s_now - window, 0) - 1, -1):
            hit = self.reg.subject_of_sentence.get(s)
            if hit is None or hit[0] >= tok:
                continue
            eid = self.reg.root(hit[1])
            if not person:
                return eid
            if self.reg.entities[eid].kind == "person":
                return eid
        return -1

    def skip_aux(self, k: int, hi: int) -> int:
        """Skip auxiliaries and adverbs before a speech verb ("has also", "was quoted by IRNA as")."""
        v = self.view
        while k < hi:
            w = v.lower[k]
            if w in ADVERBS or w == "heard":
                k += 1
                continue
            if w == "by" and v.lower[k - 1] == "quoted":
                j = k + 1
                while j < hi and j - k < 10 and v.lower[j] != "as":
                    j += 1
                if j < hi:
                    k = j + 1
                    continue
            break
        return k

    def sentence_subject(self, lo: int, hi: int) -> int:
        """Entity of the first subject-position mention in tokens ``[lo, hi)``."""
        for m in self.reg.mentions_in(lo, hi):
            if m.subject_ok and m.entity >= 0:
                return self.reg.root(m.entity)
        return -1

    def clause_subject(self, k: int, lo: int) -> int:
        """Entity of the subject of the clause holding token ``k``.

        The clause starts after the last comma before ``k`` in the sentence starting at ``lo``.
        """
        v = self.view
        start = k
        while start > lo and "," not in v.gap(start) and v.quote_of[start - 1] < 0:
            start -= 1
        return self.sentence_subject(start, k)

    def first_person(self, lo: int, hi: int) -> int:
        """Entity of the first person (else any speaker) mentioned in ``[lo, hi)``."""
        fallback = -1
        for m in self.reg.mentions_in(lo, hi):
            if m.entity < 0:
                continue
            e = self.reg.entities[self.reg.root(m.entity)]
            if e.kind == "person" and m.subject_ok:
                return e.id
            if fallback < 0 and m.subject_ok:
                fallback = e.id
        return fallback

    def clause_cue(self, j: int, hi: int, dash: bool, beat: bool = False) -> Cue | None:
        """``said X`` / ``X said`` / ``according to X`` / ``— X`` starting at token ``j``."""
        v = self.view
        if j >= hi:
            return None
        verb = v.verb_at(j, hi)
        # "said X" inverts; a participle does not ('"…," adding they "…"': "they" is not the speaker)
        if verb is not None and "object" not in verb.tags and not verb.form.lower().endswith("ing"):
            ref = v.np_at(verb.end, hi, loose=True)
            if ref is not None and ref.kind != "document":
                ref, _, role = self.named_appositive(ref, hi)
                return Cue("post", verb.form, self.entity_of(ref), ref, verb.start, role)
        if v.lower[j] == "according" and j + 1 < hi and v.lower[j + 1] == "to":
            ref = v.np_at(j + 2, hi)
            if ref is not None:
                ref, _, role = self.named_appositive(ref, hi)
                return Cue("according", "according to", self.entity_of(ref), ref, j, role)
            return None
        ref = v.np_at(j, hi, loose=True)
        if ref is None:
            return None
        ref, k0, role = self.named_appositive(ref, hi)
        k = self.skip_aux(k0, hi)
        if k + 2 < hi and v.lower[k].endswith("ed") and v.lower[k + 1] == "by":
            agent = v.np_at(k + 2, hi)  # "a bench headed by Chief Justice X told …"
            if agent is not None and agent.kind in ("person", "bare", "descriptor", "org"):
                k = self.skip_aux(agent.end, hi)
        if k + 1 < hi and v.lower[k] == "and" and ref.kind in ("person", "bare"):
            other = v.np_at(k + 1, hi)  # "Munday and Dixson warned": the first named speaks
            if other is not None and other.kind in ("person", "bare"):
                k = self.skip_aux(other.end, hi)
        q = next((t for t in range(k0, min(k + 1, hi)) if v.lower[t] in _QUOTING), -1)
        if 0 <= q < hi - 3:  # '"…," Yonhap quoted Yoon as saying' (skip_aux passes "quoted")
            for k2 in range(q + 2, min(hi, q + 10)):
                if v.lower[k2] == "as" and k2 + 1 < hi:
                    said = v.verb_at(k2 + 1, hi)
                    cue = self.quoted_as(said, q) if said is not None else None
                    if cue is not None:
                        cue.kind = "post"
                        return cue
                    break
        verb = v.verb_at(k, hi) if k < hi else None
        if verb is None and ref.kind in ("descriptor", "anon") and k < hi and v.lower[k] in PREPOSITIONS:
            # "the Lok Sabha member from Gorakhpur said": a short prepositional phrase, then the verb
            for k2 in range(k + 1, min(hi, k + 6)):
                if not v.joined(k2) or v.quote_of[k2] >= 0:
                    break
                verb = v.verb_at(k2, hi)
                if verb is not None:
                    break
        if verb is not None and not (verb.end < hi and v.lower[verb.end] == "that" and v.joined(verb.end)):
            # ('…released "Battlefield V," CEO X acknowledged that …' is not an attribution)
            return Cue("post", verb.form, self.entity_of(ref), ref, verb.start, role)
        if dash and ref.kind in ("person", "bare", "org"):
            return Cue("dash", "\u2014", self.entity_of(ref), ref, -1, role)
        if beat and k0 == ref.end and k0 < hi and not v.cap[k0] and ref.kind in _BEAT_KINDS:
            # '"…?" a woman stood at the lectern': the person acting right after the quotation
            return Cue("beat", "", self.entity_of(ref), ref, -1, role)
        return None

    def post_cue(self, span: Span, idx: int) -> Cue | None:
        v = self.view
        if span.close >= 0:
            after = span.close + 1
        elif span.repaired:
            after = span.end
        else:
            return None
        i = self.tok_at_or_after(after)
        if i >= len(v.toks):
            return None
        last_in = self.tok_at_or_after(span.end) - 1
        if last_in < 0 or v.sent[i] != v.sent[last_in] or v.toks[i].paragraph != span.last_par:
            return None
        hi = min(v.sentence_range(i)[1], self.next_open_tok(span))
        gap = v.text[after : v.toks[i].start]
        if any(c in gap for c in "(;:"):
            return None
        if v.lower[i] == "by" and gap == " " and self.passive_before(span):
            # 'had been accused of "shirking the issue" by shadow secretary Andy McDonald'
            ref = v.np_at(i + 1, hi, loose=True)
            if ref is not None and ref.kind in ("person", "bare", "org", "descriptor", "anon"):
                ref, _, role = self.named_appositive(ref, hi)
                return Cue("post", "by", self.entity_of(ref), ref, i, role)
            return None
        return self.clause_cue(i, hi, "\u2014" in gap or " - " in gap, beat=True)

    def passive_before(self, span: Span) -> bool:
        """A passive speech verb in the quotation's sentence before it ("was described as")."""
        v = self.view
        qa = self.tok_at_or_after(span.open)
        if qa == 0:
            return False
        first, _ = v.sentence_range(qa - 1)
        for k in range(max(first + 1, qa - 8), qa):
            if v.lower[k - 1] in _PASSIVE and v.verb_at(k, qa) is not None:
                return True
        return False

    def next_sentence_cue(self, span: Span, idx: int) -> Cue | None:
        """``"Why?" Tanaka asked.``: a short attribution sentence right after the quotation."""
        v = self.view
        if span.close < 0:
            return None
        i = self.tok_at_or_after(span.close + 1)
        if i >= len(v.toks) or v.toks[i].paragraph != span.last_par:
            return None
        last_in = self.tok_at_or_after(span.end) - 1
        if last_in >= 0 and v.sent[i] == v.sent[last_in]:
            return None
        first, last = v.sentence_range(i)
        if first != i or last - first > 12:
            return None
        if self.next_open_tok(span) < last:
            return None
        cue = self.clause_cue(i, last, False)
        if cue is None or cue.kind not in ("post",):
            return None
        cue.kind = "next"
        return cue

    def end_cue(self, span: Span) -> Cue | None:
        """The attribution that ends the quotation's sentence after other words.

        '"People are going to have to suffer" from the cuts, the council's leader has
        admitted.'; '… could have "profound consequences" and fisheries, Munday warned.'
        """
        v = self.view
        if span.close < 0:
            return None
        i = self.tok_at_or_after(span.close + 1)
        last_in = self.tok_at_or_after(span.end) - 1
        if i >= len(v.toks) or last_in < 0 or v.sent[i] != v.sent[last_in]:
            return None
        _, last = v.sentence_range(i)
        if self.next_open_tok(span) < last:
            return None  # another quotation follows in the sentence: its own cues decide
        k = last - 1
        while k > i and "," not in v.gap(k):
            k -= 1
        if k <= i or last - k > 12 or any(v.quote_of[x] >= 0 for x in range(k, last)):
            return None
        cue = self.clause_cue(k, last, False)
        if cue is None or cue.kind != "post" or cue.entity < 0 or cue.verb_tok < 0:
            return None
        verb = v.verb_at(cue.verb_tok, last)
        if verb is None or last - verb.end > 4 or "that" in v.lower[verb.end : last]:
            return None  # the clause goes on: not an attribution ('…, he said that …')
        cue.kind = "end"
        return cue

    def pre_cue(self, span: Span, prev_end_tok: int) -> Cue | None:
        v = self.view
        qa = self.tok_at_or_after(span.open)
        if qa >= len(v.toks) or qa == 0:
            return None
        s_first, _ = v.sentence_range(qa)
        if v.toks[qa].start > span.end:  # empty quotation
            return None
        lo = max(s_first, prev_end_tok, qa - 40)
        if lo >= qa or v.toks[qa - 1].paragraph != span.first_par:
            return None
        gap = v.text[v.toks[qa - 1].end : span.open]
        colon = ":" in gap
        tried = 0
        for k in range(qa - 1, lo - 1, -1):
            if v.quote_of[k] >= 0:
                continue
            if v.lower[k] == "according" and k + 1 < qa and v.lower[k + 1] == "to":
                cue = self.clause_cue(k, qa, False)
                if cue is not None and cue.entity >= 0:
                    return cue
                continue
            verb = v.verb_at(k, qa)
            if verb is None:
                continue
            if colon and verb.end < qa - 1 and "," in v.gap(verb.end) and "," in v.gap(k - 1) + v.gap(k):
                continue  # a comment clause before a colon: "… and, critics say, the truth — X is precise: …"
            tried += 1
            cue = self.verb_cue(verb, s_first, qa)
            if cue is not None:
                cue.kind = "pre"
                return cue
            if tried >= 2:
                break
        if colon:
            eid = self.first_person(lo, qa)
            if eid >= 0:
                return Cue("colon", ":", eid)
        return None

    def verb_cue(self, verb: Verb, s_first: int, hi: int) -> Cue | None:
        """The speaker of a verb before a quotation: its subject, or the sentence's subject."""
        v = self.view
        quoted = self.quoted_as(verb, s_first)
        if quoted is not None:
            return quoted
        if verb.start - 1 > s_first and v.lower[verb.start - 1] == "to" and v.joined(verb.start):
            eid = self.clause_subject(verb.start - 1, s_first)
            if eid >= 0:  # "neighbors came to her door to say: …"
                return Cue("pre", verb.form, eid, None, verb.start)
        ref, role = self.subject_of(verb.start, s_first)
        if ref is not None:
            return Cue("pre", verb.form, self.entity_of(ref), ref, verb.start, role)
        prev = verb.start - 1
        while prev > s_first and v.lower[prev].endswith("ly") and v.lower[prev - 1] == "and":
            prev -= 1  # "… and defiantly stated"
        coordinated = prev >= s_first and (v.lower[prev] == "and" or "," in v.gap(verb.start))
        if verb.form.lower().endswith("ing") or coordinated:
            # "X denied the report and described it as …": the subject of the verb before
            for k in range(prev - 1, s_first - 1, -1):
                if v.quote_of[k] >= 0 or (k > s_first and v.lower[k - 1] in DETERMINERS):
                    continue  # "the report" is a noun
                earlier = v.verb_at(k, verb.start)
                if earlier is not None:
                    ref = self.reported_subject(earlier.end, prev)
                    if ref is not None:  # "Arabian Business reports that Ziani tagged …, saying"
                        return Cue("pre", verb.form, self.entity_of(ref), ref, verb.start, "")
                    ref, role = self.subject_of(earlier.start, s_first)
                    eid = self.entity_of(ref)
                    if eid >= 0:
                        return Cue("pre", verb.form, eid, ref, verb.start, role)
            eid = self.sentence_subject(s_first, verb.start)
            if eid >= 0:
                return Cue("pre", verb.form, eid, None, verb.start)
        if "object" not in verb.tags:  # "said Kim: "…""
            ref = v.np_at(verb.end, hi)
            if ref is not None and ref.kind in ("person", "bare", "org", "descriptor", "anon"):
                ref, end, role = self.named_appositive(ref, hi)
                if end >= hi:
                    return Cue("pre", verb.form, self.entity_of(ref), ref, verb.start, role)
        return None

    def reported_subject(self, lo: int, hi: int) -> Ref | None:
        """A person named right after "that" in ``lo:hi``: the subject of a reported clause."""
        v = self.view
        for k in range(lo, min(hi, lo + 3)):
            if v.lower[k] == "that" and v.quote_of[k] < 0:
                ref = v.np_at(k + 1, hi)
                if ref is not None and ref.kind in ("person", "bare"):
                    return ref
        return None

    def quoted_as(self, verb: Verb, lo: int) -> Cue | None:
        """The person quoted, not the outlet quoting: "Yonhap quoted Yoon as saying"."""
        v = self.view
        a = verb.start - 1
        if a - 1 <= lo or v.lower[a] != "as" or not v.joined(verb.start):
            return None
        for k in range(a - 1, max(lo, a - 10) - 1, -1):
            if v.quote_of[k] >= 0 or not v.joined(k + 1):
                return None
            if v.lower[k] in _QUOTING:
                if k + 2 == a and v.lower[k + 1] in ("him", "her"):  # "… quotes him as saying"
                    eid = self.salient_subject(k, 3, person=True)
                    return Cue("pre", f"{v.texts[k]} … as {verb.form}", eid, None, k) if eid >= 0 else None
                ref = v.np_at(k + 1, a)
                if ref is None or ref.kind not in _SPEAKER_KINDS:
                    return None
                ref, end, role = self.named_appositive(ref, a)
                if end != a:
                    return None
                return Cue("pre", f"{v.texts[k]} … as {verb.form}", self.entity_of(ref), ref, k, role)
        return None

    # ------------------------------------------------------------------ classification
    def title_context(self, span: Span) -> bool:
        """A title cue ("known as", "memoir", "headline") within three words before the span."""
        v = self.view
        qa = self.tok_at_or_after(span.open)
        k, seen = qa - 1, 0
        s_open = v.doc.sentence_at(span.open)
        while k >= 0 and seen < 3 and v.sent[k] == s_open:
            if v.quote_of[k] >= 0:
                break
            w = v.lower[k]
            if v.verb_at(k, qa) is not None and w not in v.lex.title_cues:
                return False
            for phrase in v.lex.title_cues.get(w, ()):
                n = len(phrase)
                if k - n + 1 >= 0 and tuple(v.lower[k - n + 1 : k + 1]) == phrase:
                    lower_start = v.text[span.start : span.start + 1].islower()
                    if phrase in v.lex.capitalised_title_cues and lower_start:
                        return False  # 'the report "provides a stark insight"': words quoted from it
                    return True
            if w not in DETERMINERS:
                seen += 1
            k -= 1
        return False

    def title_case(self, span: Span) -> bool:
        v = self.view
        a, b = self.tok_at_or_after(span.start), self.tok_at_or_after(span.end)
        words = [v.toks[x].text for x in range(a, b)]
        if not 2 <= len(words) <= 12 or not words[0][:1].isupper():
            return False
        content = [w for w in words if w.lower() not in _SMALL and w[:1].isalpha()]
        if len(content) < 2:
            return False
        caps = sum(1 for w in content if w[:1].isupper())
        inner = v.text[span.start : span.end].rstrip(",.")
        return caps >= 0.75 * len(content) and not any(c in inner for c in ".!?")

    def subheading(self, span: Span, words: int) -> bool:
        """A short quoted paragraph with no sentence punctuation and no attribution line.

        A sub-heading quoting the story ("'City Power must clarify load shedding schedules'").
        """
        if span.first_par != span.last_par or words > 12 or not self.is_block(span):
            return False
        par = self.view.doc.paragraphs[span.first_par]
        tail = self.view.text[span.start : par.end].rstrip(" \"'\u201d")[-1:]
        if tail in (".", "!", "?", "\u2026", ",", ":"):
            return False
        return self.attribution_line(span) is None and self.colon_before(span) is None

    def same_sentence(self, a: Span, b: Span) -> bool:
        """Span ``b`` starts in the sentence where span ``a`` ends."""
        return self.view.doc.sentence_at(a.end) == self.view.doc.sentence_at(b.open)

    def label(self, span: Span) -> bool:
        """'the "I hate this bill and I sign it" letter': a quoted phrase used as a modifier."""
        v = self.view
        if not self.after_determiner(span) or span.close < 0:
            return False
        k = self.tok_at_or_after(span.close + 1)
        if k >= len(v.toks) or v.text[span.close + 1 : v.toks[k].start] != " ":
            return False
        w = v.lower[k]
        return w.isalpha() and not v.cap[k] and w not in v.lex.verbs and w not in _NOT_NOUNS

    def after_determiner(self, span: Span) -> bool:
        """The span follows "the", "a", "its" … directly: a quoted noun phrase."""
        v = self.view
        qa = self.tok_at_or_after(span.open)
        return qa > 0 and v.lower[qa - 1] in DETERMINERS and v.text[v.toks[qa - 1].end : span.open] == " "

    def sentence_like(self, span: Span) -> bool:
        """A complete short sentence ("This is our home."), not a phrase."""
        inner = self.view.text[span.start : span.end].rstrip()
        return inner[:1].isupper() and inner[-1:] in (".", "!", "?")

    def opens_paragraph(self, span: Span) -> bool:
        """Nothing but the quotation mark comes before the quotation in its paragraph."""
        par = self.view.doc.paragraphs[span.first_par]
        return not self.view.text[par.start : span.open].strip()

    def is_block(self, span: Span) -> bool:
        pars = self.view.doc.paragraphs
        first, last = pars[span.first_par], pars[span.last_par]
        before = self.view.text[first.start : span.open].strip()
        after_pos = (span.close + 1) if span.close >= 0 else span.end
        after = self.view.text[after_pos : last.end].strip(' .,\u201d"')
        return not before and not after

    def decide(self) -> list[Decision]:
        v = self.view
        spans = self.spans
        doubles = [s for s in spans if s.mark == '"']
        decisions: list[Decision] = []
        prev_end_tok = 0
        last_speech: Span | None = None
        for idx, span in enumerate(spans):
            if span.mark == "'" and any(d.open < span.open and span.end <= d.end for d in doubles):
                decisions.append(Decision(span, "nested"))
                continue
            par = v.doc.paragraphs[span.first_par]
            words = self.words_in(span)
            if par.kind == "heading" and span.first_par == span.last_par and not self.is_block(span):
                decisions.append(Decision(span, "headline"))
                continue
            same_sentence_start = prev_end_tok
            cue = (
                self.post_cue(span, idx)
                or self.pre_cue(span, same_sentence_start)
                or self.next_sentence_cue(span, idx)
                or self.end_cue(span)
            )
            if self.title_context(span):
                decisions.append(Decision(span, "title"))
                continue
            if cue is None and self.subheading(span, words):
                decisions.append(Decision(span, "headline"))
                continue
            # three or more words in a sentence whose speech verb has a speaker: a partial
            # quotation ('… told AP the talks would focus on a "stable and reliable" ceasefire')
            partial = words >= 3 and cue is not None and cue.kind == "pre" and cue.entity >= 0
            if not partial and self.label(span):
                decisions.append(Decision(span, "scare"))
                continue
            if self.title_case(span) and not (cue is not None and cue.kind in ("post", "next", "dash")):
                decisions.append(Decision(span, "title" if par.kind != "heading" else "headline"))
                continue
            cued = cue is not None and (cue.entity >= 0 or cue.kind in ("post", "next"))
            if cued and cue is not None and cue.kind == "beat" and words <= SCARE_MAX_WORDS:
                cued = False  # "Amid a row over 'poll guarantees', Minister X launched …": a label
            if (
                cued
                and not partial
                and cue is not None
                and cue.kind == "pre"
                and cue.verb_tok >= 0
                and words <= SCARE_MAX_WORDS
            ):
                # far from its verb, a short phrase after a preposition or determiner is a label
                # ("… the leaders for the 'abusive language' they used for 'personal attacks'"),
                # not a partial quotation ("this process is \"a fussy arithmetic\"")
                qa = self.tok_at_or_after(span.open)
                far = qa - cue.verb_tok > _SHORT_QUOTE_REACH
                cued = not (
                    far and qa > 0 and (v.lower[qa - 1] in PREPOSITIONS or v.lower[qa - 1] in DETERMINERS)
                )
            if not cued and last_speech is not None and self.same_sentence(last_speech, span):
                cued = True  # '… "even more difficult to bear" … where she had been "so happy"': one speaker
            if (
                cued
                and not partial
                and cue is not None
                and cue.kind not in ("post", "next", "dash")
                and self.after_determiner(span)
            ):
                cued = False  # 'declares that the "special relationship" is over': a label
            if words <= 1 or (
                words <= SCARE_MAX_WORDS
                and not cued
                and not self.is_block(span)
                and not self.sentence_like(span)
            ):
                decisions.append(Decision(span, "scare"))
                continue
            decisions.append(Decision(span, "speech", cue))
            last_speech = span
            prev_end_tok = self.tok_at_or_after(span.close + 1 if span.close >= 0 else span.end)
        return decisions

    # ------------------------------------------------------------------ uncued quotations
    def attribution_line(self, span: Span) -> Cue | None:
        """A line after a block quotation naming its speaker.

        "Kim Jong Un, State Dinner with Russian officials", "— Former envoy X, speaking at
        …", or a caption "France coach Didier Deschamps paid tribute to …": no sentence
        punctuation at the end, a name within the first words.
        """
        return self._name_line(span.last_par + 1)

    def line_before(self, span: Span) -> Cue | None:
        """A name line above a block quotation ("Max Verstappen, 1st, 1:23.778").

        Topic lead-ins ("On the race:") and the same speaker's earlier block quotations may
        stand between. Taken when the line does not follow a block quotation, or follows one
        that is credited from above too (a round-up where each speaker is named above).
        """
        p = self._name_line_above(span.first_par - 1)
        if p < 0:
            return None
        if self._block_par(p - 1) and self._name_line_above(p - 1) < 0:
            return None  # the line may credit the quotation above it: the attribution line
        cue = self._name_line(p)
        if cue is None:
            return None
        cue.kind = "line-before"
        return cue

    def _name_line_above(self, p: int) -> int:
        """The short name line at or above paragraph ``p``, over lead-ins and block quotations."""
        v = self.view
        for _ in range(8):
            if p < 0:
                return -1
            par = v.doc.paragraphs[p]
            text = v.text[par.start : par.end].rstrip()
            n_words = self.tok_at_or_after(par.end) - self.tok_at_or_after(par.start)
            lead_in = text.endswith(":") and n_words <= 12
            if lead_in or self._block_par(p):
                p -= 1
                continue
            return p if self._short_line(p) and self._name_line(p) is not None else -1
        return -1

    def _block_par(self, p: int) -> bool:
        """Paragraph ``p`` is (part of) a block quotation."""
        if self._blocks is None:
            self._blocks = set()
            for s in self.spans:
                if s.mark == '"' and self.is_block(s):
                    self._blocks.update(range(s.first_par, s.last_par + 1))
        return p in self._blocks

    def _short_line(self, p: int) -> bool:
        v = self.view
        par = v.doc.paragraphs[p]
        line = v.text[par.start : par.end].rstrip()
        n = self.tok_at_or_after(par.end) - self.tok_at_or_after(par.start)
        return 0 < n <= 12 and line[-1:] not in (".", "?", "!", ":", '"', "'")

    def _name_line(self, p: int) -> Cue | None:
        v = self.view
        pars = v.doc.paragraphs
        if p >= len(pars):
            return None
        par = pars[p]
        line = v.text[par.start : par.end]
        # "—Matt Stoller, New America": a credit line under a pull quote, however it goes on
        dash = line[:1] in ("\u2014", "\u2013")
        if not dash and (line[:1] in ('"', "'") or line.rstrip()[-1:] in (".", "?", "!", ":") or '"' in line):
            return None
        first_tok = self.tok_at_or_after(par.start)
        last_tok = self.tok_at_or_after(par.end)
        if (last_tok - first_tok > 40 and not dash) or last_tok <= first_tok:
            return None
        if all(
            v.lower[x].isdigit() or v.lower[x] in v.lex.places or v.lower[x] in _MONTHS
            for x in range(first_tok, last_tok)
        ):
            return None  # a date line ("19 May 2023") or a place, not a speaker
        k, bare = first_tok, None
        while k < min(last_tok, first_tok + 6):
            if v.cap[k]:
                e = v.cap_run(k, last_tok)
                ref = v.np_ending_at(e - 1, first_tok)
                if ref is not None and ref.kind == "person":
                    return Cue("line", "attribution line", self.entity_of(ref), ref)
                if ref is not None and ref.kind == "bare" and bare is None:
                    bare = ref  # "Bury manager David Flitcroft": keep looking for the person
                k = e
            else:
                k += 1
        if bare is not None:
            return Cue("line", "attribution line", self.entity_of(bare), bare)
        return None

    def trailing_name(self, p: int) -> Cue | None:
        """A paragraph ending '…" Emma Hayes (BT Sport)': the name speaks its quotations."""
        v = self.view
        par = v.doc.paragraphs[p]
        last_close = self.last_close.get(p, -1)
        if last_close < 0:
            return None
        i = self.tok_at_or_after(last_close + 1)
        end = self.tok_at_or_after(par.end)
        if i >= end or not v.cap[i] or end - i > 12:
            return None
        e = v.cap_run(i, end)
        ref = v.run_ref(i, e)
        tail = v.text[v.toks[e - 1].end : par.end].strip()
        nick = _NICKNAME.match(tail)
        if nick and ref.kind in ("person", "bare"):  # Javier 'Chicharito' Hernandez
            name = f"{ref.name} {nick.group(1)}"
            ref = Ref("person", i, e, name=name, key=name_key(name.split()))
            tail = tail[nick.end() :].strip()
        if ref.kind not in ("person", "bare") or (tail and not (tail.startswith("(") and tail.endswith(")"))):
            return None
        return Cue("line", "attribution line", self.entity_of(ref), ref)

    def colon_before(self, span: Span) -> Cue | None:
        """The previous paragraph ends with a colon: its last sentence introduces the quotation."""
        v = self.view
        p = span.first_par - 1
        if p < 0:
            return None
        par = v.doc.paragraphs[p]
        if not v.text[par.start : par.end].rstrip().endswith(":"):
            return None
        last_sent = v.doc.sentences[par.last_sentence - 1]
        lo, hi = last_sent.first, last_sent.last
        for k in range(hi - 1, lo - 1, -1):
            verb = v.verb_at(k, hi)
            if verb is not None and v.quote_of[k] < 0:
                cue = self.verb_cue(verb, lo, hi)
                if cue is not None and cue.entity >= 0:
                    cue.kind = "colon-before"
                    return cue
        eid = self.first_person(lo, hi)
        return Cue("colon-before", ":", eid) if eid >= 0 else None

    def context(self, span: Span, paragraphs_back: int) -> Cue | None:
        """The speaker of the nearest attributed statement in this or the previous paragraphs."""
        v = self.view
        qa = self.tok_at_or_after(span.open)
        first_par = span.first_par
        while first_par > 0 and self._topic_line(first_par - 1):
            first_par -= 1  # Q&A copy: "On penalties:" above each answer
        lo_par = first_par - paragraphs_back
        for p in range(first_par - 1, max(lo_par, 0) - 1, -1):
            if v.doc.paragraphs[p].kind == "heading" and not self._attribution_line_at(p):
                lo_par = p + 1
                break
        k = bisect_left(self.events, (qa, -1, "")) - 1
        while k > 0 and v.sent[self.events[k - 1][0]] == v.sent[self.events[k][0]]:
            k -= 1  # "He added that IMF MD had also confirmed …": the sentence's first voice
        p = first_par - 1
        if p >= max(lo_par, 0) and (k < 0 or v.toks[self.events[k][0]].paragraph < p):
            # 'Paul Collingwood, the England captain, termed … "unbelievable" …' then a quoted
            # paragraph: the person the paragraph before introduces, when it holds no statement
            par = v.doc.paragraphs[p]
            if par.last_sentence > par.first_sentence:
                last = v.doc.sentences[par.last_sentence - 1]
                # the sentence's first subject that is a person ("Speaking at a meeting of the
                # Health Board (HDUHB), chairman Maria Battle issued an apology")
                for m in self.reg.mentions_in(last.first, last.last):
                    if m.subject_ok and m.entity >= 0:
                        eid = self.reg.root(m.entity)
                        if self.reg.entities[eid].kind == "person":
                            return Cue("context", "", eid)
        if k < 0 or v.toks[self.events[k][0]].paragraph < lo_par:
            return None
        _, eid, verb = self.events[k]
        return Cue("context", verb, eid)

    def _topic_line(self, p: int) -> bool:
        """A short lead-in line ending in a colon that names nobody: "On the fourth down play:"."""
        v = self.view
        par = v.doc.paragraphs[p]
        text = v.text[par.start : par.end].strip()
        if not text.endswith(":") or len(text.split()) > 14 or p in self.closed_pars:
            return False
        lo, hi = self.tok_at_or_after(par.start), self.tok_at_or_after(par.end)
        return v.quote_of[lo] < 0 and not any(v.cap[t] for t in range(lo + 1, hi))

    def _attribution_line_at(self, p: int) -> bool:
        """Paragraph ``p`` is an attribution line under a block quotation (not a section heading)."""
        return p - 1 in self.closed_pars

    def beat_before(self, span: Span) -> Cue | None:
        """'He frowned deeply. "Will this never end?"': the subject of the sentence before."""
        v = self.view
        qa = self.tok_at_or_after(span.open)
        if qa >= len(v.toks) or qa == 0:
            return None
        first, _ = v.sentence_range(qa)
        if first != qa or v.sent[qa - 1] != v.sent[qa] - 1 or v.toks[qa - 1].paragraph != span.first_par:
            return None
        lo, _ = v.sentence_range(qa - 1)
        for m in self.reg.mentions_in(lo, qa):
            if m.subject_ok and m.entity >= 0:
                e = self.reg.entities[self.reg.root(m.entity)]
                if e.kind in ("person", "anon", "descriptor"):
                    return Cue("beat", "", e.id)
                return None
        if lo + 1 < qa and v.lower[lo] in ("his", "her") and v.lower[lo + 1] in _ANSWER_NOUNS:
            eid = self.salient_subject(lo, 3)  # 'His answer was frank. "No. …"'
            if eid >= 0 and self.reg.entities[eid].kind == "person":
                return Cue("beat", "", eid)
        return None

    def continuation(self, span: Span, decisions: list[Decision], idx: int) -> Cue | None:
        """The previous quotation of the paragraph, if no other subject intervened."""
        for j in range(idx - 1, max(idx - 8, 0) - 1, -1):
            d = decisions[j]
            if d.kind != "speech":
                continue
            if d.span.last_par != span.first_par and d.span.last_par != span.first_par - 1:
                return None
            if d.cue is None or d.cue.entity < 0:
                return None
            if self.same_sentence(d.span, span):  # partial quotations of one sentence: one speaker
                return Cue("continuation", d.cue.verb, self.reg.root(d.cue.entity))
            if d.span.last_par != span.first_par and not self.opens_paragraph(span):
                return None  # a quotation opening the next paragraph goes on: '"…" The big-hitting X …'
            lo = self.tok_at_or_after(d.span.close + 1 if d.span.close >= 0 else d.span.end)
            hi = self.tok_at_or_after(span.open)
            target = self.reg.root(d.cue.entity)
            for m in self.reg.mentions_in(lo, hi):
                if m.subject_ok and m.entity >= 0 and self.reg.root(m.entity) != target:
                    e = self.reg.entities[self.reg.root(m.entity)]
                    if e.kind in ("person", "anon", "descriptor", "org") and not self.addressee(m.tok):
                        return None
            return Cue("continuation", d.cue.verb, target)
        return None

    def addressee(self, tok: int) -> bool:
        """The phrase at ``tok`` is who was spoken to: "told National Geographic", "said to CNN"."""
        v = self.view
        k = tok - 1
        if k > 0 and v.lower[k] in DETERMINERS:
            k -= 1
        if k < 1 or not v.joined(k + 1):
            return False
        w = v.lower[k]
        return w in _TELL or (w == "to" and v.lower[k - 1] in _SPOKE_TO and v.joined(k))

    def topic_lead(self, span: Span, decisions: list[Decision], idx: int) -> Cue | None:
        """A topic lead-in with a colon continues the last attributed speaker.

        'On the Knicks' success: "They did a good job …"': no speaker in the lead-in; the last
        attributed quotation is up to four paragraphs back, and no other speaker is the
        subject of a sentence in between.
        """
        v = self.view
        qa = self.tok_at_or_after(span.open)
        if qa == 0 or ":" not in v.text[v.toks[qa - 1].end : span.open]:
            return None
        par = v.doc.paragraphs[span.first_par]
        lead = self.tok_at_or_after(par.start)
        if any(m.entity >= 0 for m in self.reg.mentions_in(lead, qa)):
            return None
        for j in range(idx - 1, max(idx - 8, 0) - 1, -1):
            d = decisions[j]
            if d.kind != "speech":
                continue
            if span.first_par - d.span.last_par > 4 or d.cue is None or d.cue.entity < 0:
                return None
            target = self.reg.root(d.cue.entity)
            lo = self.tok_at_or_after(d.span.close + 1 if d.span.close >= 0 else d.span.end)
            for m in self.reg.mentions_in(lo, lead):
                if m.subject_ok and m.entity >= 0 and self.reg.root(m.entity) != target:
                    if self.reg.entities[self.reg.root(m.entity)].kind in ("person", "anon", "descriptor"):
                        return None
            return Cue("continuation", d.cue.verb, target)
        return None

    def forward(self, span: Span, decisions: list[Decision], idx: int) -> Cue | None:
        """A later quotation's attribution in the same sentence covers the quotation before it.

        'has "no idea, no plan" and … "raw power," Merz criticized'.
        """
        for j in range(idx + 1, min(idx + 5, len(decisions))):
            d = decisions[j]
            if d.kind != "speech":
                continue
            if not self.same_sentence(span, d.span) or d.cue is None or d.cue.entity < 0:
                return None
            if d.cue.kind not in ("post", "next"):
                return None
            return Cue("continuation", d.cue.verb, self.reg.root(d.cue.entity))
        return None


_TELL = frozenset("told tells tell telling".split())
_TIME_WORDS = DAY_WORDS | TIME_NOUNS
_QUOTING = frozenset("quoted quotes quoting cited cites citing".split())
_SPOKE_TO = frozenset("said says spoke speaking talking told wrote writing".split())


def attribute(
    view: View, reg: Registry, spans: list[Span], reported_events
) -> tuple[list[Decision], _Attributor]:
    """Classify every span and attribute every quotation; ``reported_events`` adds statements.

    ``reported_events(attributor, decisions)`` returns (token, entity, verb) of reported
    speech, found once the direct cues are known (their verbs are not reported speech).
    """
    att = _Attributor(view, reg, spans)
    decisions = att.decide()
    for d in decisions:
        if d.kind == "speech" and d.cue is not None and d.cue.entity >= 0:
            tok = d.cue.verb_tok if d.cue.verb_tok >= 0 else att.tok_at_or_after(d.span.open)
            att.events.append((tok, reg.root(d.cue.entity), d.cue.verb))
    att.events.extend(reported_events(att, decisions))
    att.events.sort()
    for d in decisions:  # quotation round-ups: '"…," he said. "…" Javier Hernandez (ABC)'
        if d.kind == "speech" and (d.cue is None or d.cue.entity < 0 or _pronoun_cue(d.cue)):
            line = att.trailing_name(d.span.last_par)
            if line is not None and line.entity >= 0:
                d.cue = line
    for idx, d in enumerate(decisions):
        if d.kind != "speech" or (d.cue is not None and d.cue.entity >= 0):
            continue
        if d.cue is not None:
            continue  # a cue was found but names nobody we can identify: UNKNOWN, never a guess
        block = att.is_block(d.span)
        cue = None
        if block:
            cue = att.line_before(d.span) or att.attribution_line(d.span) or att.colon_before(d.span)
        cue = (
            cue
            or att.continuation(d.span, decisions, idx)
            or att.forward(d.span, decisions, idx)
            or att.topic_lead(d.span, decisions, idx)
        )
        if cue is None and not block:
            cue = att.beat_before(d.span)
        if cue is None:
            cue = att.context(d.span, 2) if block else None
        if cue is not None and cue.entity >= 0:
            d.cue = cue
            tok = att.tok_at_or_after(d.span.open)
            insort(att.events, (tok, reg.root(cue.entity), cue.verb))
    return decisions, att


def _pronoun_cue(cue: Cue) -> bool:
    return cue.ref is not None and cue.ref.kind == "pronoun"


def negated_or_passive(view: View, verb_start: int, lo: int) -> bool:
    """True for "did not say", "declined to comment", "is believed to": no statement by the subject."""
    k = verb_start - 1
    while k >= lo and view.lower[k] in ADVERBS and view.lower[k] not in _PASSIVE:
        k -= 1
    if k < lo:
        return False
    w = view.lower[k]
    if w in NEGATIONS or w in _PASSIVE:
        return True
    return w == "to" and k - 1 >= lo and view.lower[k - 1] in NEGATIONS
