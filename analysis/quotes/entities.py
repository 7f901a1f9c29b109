"""Who is who in one article: mentions, canonical speakers and pronoun resolution.

* **Mentions**: every speaker-like phrase outside quotation marks, sentence by
  sentence (names with their titles and roles, organisations, role descriptors,
  unnamed sources, subject pronouns). A sentence's *subject* is its first mention
  that is not inside a prepositional phrase ("In an interview with the Financial
  Times, Ahmed Karimi …" has the subject Ahmed Karimi).
* **Canonical names**: a multi-word name is one person per name key ("Kim Jong-un" =
  "Kim Jong Un"); a one-word name ("Kim", "Mr. Kim", "President Putin") is the person
  *introduced first* whose name contains it (news style names a second person with the
  same surname in full), so "Kim Jong Il" stays apart. The display name is the most
  frequent full form; titles and honorifics are never part of it.
* **Pronouns** ("he said"): the subject of the current or a recent sentence whose
  gender does not conflict (gender comes from titles and role nouns such as "Ms." or
  "spokesman", and from pronouns already resolved), then other recent mentions; a
  pronoun with nothing before it takes the first person named after it in the
  paragraph. Definite role descriptors ("the North Korean leader") are linked to the
  named person whose title or role matches.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from itertools import compress
from operator import or_

from .phrases import DETERMINERS, PARTICLES, POSSESSIVE_DETS, PREPOSITIONS, RELATIVES, STOP_WORDS, Ref, View

__all__ = ["Entity", "Mention", "Registry", "scan_mentions"]

_SUBJECT_PRONOUNS = frozenset(
    {"he", "she", "they", "it"}
    # contracted: "that he'd just swatted aside …" makes him the subject
    | {f"{p}'{c}" for p in ("he", "she") for c in ("d", "s", "ll")}
    | {f"they'{c}" for c in ("d", "re", "ll", "ve")}
)
_LEADER_WORDS = frozenset({"leader", "chairman", "president", "premier", "chancellor", "head", "ruler"})
# particles that start a surname ("De Mistura"); not "Ben", "Al", "El": first names too
_SURNAME_PARTICLES = PARTICLES - {"ben", "al", "el", "y", "of"}
_MINISTER_WORDS = frozenset({"minister", "secretary"})
_MEMBER_WORDS = frozenset(
    {"member", "mp", "mla", "mep", "msp", "lawmaker", "legislator", "congressman", "congresswoman"}
)
_COACH_WORDS = frozenset({"coach", "manager", "boss", "gaffer"})
_PLAYER_WORDS = frozenset(
    {"forward", "striker", "attacker", "midfielder", "winger", "defender", "goalkeeper", "keeper", "player"}
)
#: role words that name the same job: a descriptor with one links to a person given another
#: ("the Foreign Secretary" ~ "Cabinet minister James Cleverly", "the forward" ~ "striker X")
_SYNONYM_ROLES = (
    _LEADER_WORDS,
    frozenset({"chief", "chairman", "chairwoman", "chairperson", "head"}),  # "the Isro chief" ~ "chairman"
    _MEMBER_WORDS,
    _MINISTER_WORDS,
    _COACH_WORDS,
    _PLAYER_WORDS,
)
_PERSON_KINDS = frozenset({"person", "bare", "descriptor", "anon", "anaphor"})
_LEGAL_SUFFIXES = frozenset({"ltd", "inc", "corp", "plc", "llc", "gmbh", "co", "ag", "sa", "nv", "bv"})
_SUBJECT_WINDOW = 8  # sentences searched for a pronoun's antecedent among subjects
_OTHER_WINDOW = 3  # sentences searched among other mentions


@dataclass(slots=True)
class Mention:
    """A speaker-like phrase at tokens ``[tok, end)`` of sentence ``sent``."""

    tok: int
    end: int
    sent: int
    par: int
    ref: Ref
    subject_ok: bool
    role: str = ""
    verb_adjacent: bool = False
    speaks: bool = False  # the subject of a speech verb: "X said", "…, said X" (not "told X")
    entity: int = -1


@dataclass
class Entity:
    """A speaker: a person, organisation, role descriptor or unnamed source."""

    id: int
    kind: str
    key: tuple[str, ...]
    first: int
    names: Counter = field(default_factory=Counter)
    gender: str = ""
    plural: bool = False
    roles: list[str] = field(default_factory=list)
    appositive_roles: list[str] = field(default_factory=list)
    parent: int = -1

    @property
    def anonymous(self) -> bool:
        return self.kind == "anon"


def _ref_role(view: View, ref: Ref) -> str:
    return ref.role


def scan_mentions(view: View) -> list[Mention]:
    """Every speaker-like phrase outside quotation marks, in text order."""
    lex = view.lex
    starters = _starters(lex)
    skip = _datelines(view)
    lower, cap, quote_of = view.lower, view.cap, view.quote_of
    n = len(lower)
    candidates = [
        i
        for i in compress(range(n), map(or_, cap, map(starters.__contains__, lower)))
        if quote_of[i] < 0 and i not in skip
    ]
    # Tokens that can make a lower-case word start a mention: a capital or a speaker noun
    # within the next seven tokens (see _mention_at); found once for the whole document.
    heads = view.heads
    flagged = [x for x in compress(range(n), map(or_, cap, map(heads.__contains__, lower)))]
    flagged.append(n + 7)
    fp = 0
    out: list[Mention] = []
    sentences = view.doc.sentences
    nxt = 0
    for i in candidates:
        if i < nxt:
            continue
        if not cap[i] and lower[i] not in _SUBJECT_PRONOUNS:
            while flagged[fp] < i:
                fp += 1
            if flagged[fp] >= i + 7 and not _year_old_next(lower, i, n):
                continue  # "the decision to convene …": no speaker noun or name ahead
        s_idx = view.sent[i]
        m, end = _mention_at(view, i, s_idx, sentences[s_idx])
        if m is not None:
            owner = m.ref.owner
            if owner is not None and owner.kind in ("person", "bare"):  # "Mrs Yates' son David"
                out.append(Mention(owner.start, owner.end, s_idx, m.par, owner, False))
            out.append(m)
        nxt = max(end, i + 1)
    return out


_STARTERS: dict[int, tuple[object, frozenset[str]]] = {}


def _starters(lex) -> frozenset[str]:
    """Lower-case words that can start a mention (pronouns, determiners, sources, roles)."""
    hit = _STARTERS.get(id(lex))
    if hit is None or hit[0] is not lex:
        hit = (lex, _SUBJECT_PRONOUNS | DETERMINERS | lex.anonymous | frozenset(lex.roles))
        _STARTERS[id(lex)] = hit
    return hit[1]


def _year_old_next(lower: tuple[str, ...], i: int, n: int) -> bool:
    """An age noun ("the 58-year-old said") in the two tokens after ``i``."""
    return (i + 1 < n and "year-old" in lower[i + 1]) or (i + 2 < n and "year-old" in lower[i + 2])


_DATELINE = re.compile(r"[A-Z][A-Z .'-]*[A-Z],[^\n\u2014\u2013]{0,30}?\([A-Za-z ]{2,20}\)\s*[\u2014\u2013-]")
_CAPS_COMMA = re.compile(r"[A-Z]{3,}(?: [A-Z]{2,}){0,2},(?= [A-Z])")
_PLACE_REGION = re.compile(r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2} \([A-Z][\w.' -]{1,30}\): (?=[A-Z])")


def _datelines(view: View) -> frozenset[int]:
    """Tokens of datelines: places, not subjects.

    "MINNEAPOLIS --", "KYIV, Ukraine (AP) —" (capitals, then a dash) and "New Delhi: The
    opposition …" or "Bhopal (Madhya Pradesh): Chief Minister …" (a short capitalised run,
    then a colon, at the start of the first body paragraph).
    """
    out: set[int] = set()
    toks, text = view.toks, view.text
    first_body = next((n for n, p in enumerate(view.doc.paragraphs) if p.kind == "body"), -1)
    for n, p in enumerate(view.doc.paragraphs):
        if p.last_sentence <= p.first_sentence:
            continue
        sent = view.doc.sentences[p.first_sentence]
        first = sent.first
        if first >= sent.last or toks[first].text in view.lex.acronyms:
            continue
        all_caps = toks[first].text.isupper() and len(toks[first].text) >= 3
        hit = _PLACE_REGION.match(text, toks[first].start, p.end) if n == first_body else None
        if hit is not None:  # "Bhopal (Madhya Pradesh): …"
            out.update(k for k in range(first, sent.last) if toks[k].end <= hit.end())
            continue
        if all_caps:  # "LOS ANGELES, May 16 (UPI) —": place, date and agency, then a dash
            hit = _DATELINE.match(text, toks[first].start, p.end)
            if hit is None and n == first_body:
                hit = _CAPS_COMMA.match(text, toks[first].start, p.end)  # "KUALA LUMPUR, No police …"
            if hit is not None:
                k = first
                while k < sent.last and toks[k].end <= hit.end():
                    out.add(k)
                    k += 1
                continue
        for k in range(first, min(sent.last, first + 8)):
            if not view.cap[k] or (k > first and not view.joined(k) and not all_caps):
                break
            after = text[toks[k].end : toks[k + 1].start] if k + 1 < len(toks) else ""
            if after == ": " and n == first_body and k - first < 3 and toks[k + 1].text[:1].isupper():
                out.update(range(first, k + 1))
                break
            if all_caps and ("\u2014" in after or "\u2013" in after or " - " in after):
                out.update(range(first, k + 1))
                break
    return frozenset(out)


def _mention_at(view: View, i: int, s_idx: int, sent) -> tuple[Mention | None, int]:
    """The mention starting at token ``i`` (or None) and the token after it."""
    lower, last = view.lower, sent.last
    low = lower[i]
    if low in _SUBJECT_PRONOUNS:
        if low != "it" or _verb_follows(view, i + 1, last):
            low = low.split("'")[0]
            ref = Ref("pronoun", i, i + 1, name=low, plural=low == "they")
            m = Mention(i, i + 1, s_idx, sent.paragraph, ref, _subject_position(view, i, sent.first))
            m.speaks = _verb_follows(view, i + 1, last)
            return m, i + 1
        return None, i + 1
    if (
        not view.cap[i]
        and view.heads.isdisjoint(lower[i : i + 7])
        and not any(view.cap[i + 1 : i + 7])
        and not any("year-old" in w for w in lower[i + 1 : i + 3])
    ):
        return None, i + 1  # "the decision to convene …": no speaker noun or name ahead
    ref = view.np_at(i, last)
    if (ref is None or ref.kind == "place") and view.cap[i]:
        e = view.cap_run(i, last)
        # the possessor inside a run whose head is a thing: "Grant Robertson's Budget featured …"
        e = next((x + 1 for x in range(i, e - 1) if view.texts[x].endswith("'s")), e)
        plural_owner = view.lower[e - 1].endswith("s") and view.gap(e).startswith("' ")
        if view.texts[e - 1].endswith("'s") or plural_owner:
            owner = view.run_ref(i, e)  # "it was Rita Isbell's turn", "Brendan Rodgers' side": introduced
            if owner.kind == "person":
                return Mention(i, e, s_idx, sent.paragraph, owner, False), e
    if ref is None and low in POSSESSIVE_DETS:
        ref = view.np_at(i, last, loose=True)  # "Her colleague, Serhiy, …": kept if a name follows
        if ref is not None and view.appositive_end(ref.end, last)[2] is None:
            ref = None
    if ref is None or ref.kind == "place" or ref.end <= i:
        return None, i + 1
    end = ref.end
    role = ref.role
    titular = ref.kind == "descriptor" or (ref.kind == "anon" and not ref.plural and low not in DETERMINERS)
    if titular and end + 1 < last and lower[end] == "and" and view.joined(end):
        ref, end, role = _coordinated_title(view, ref, i, end, last, role)  # "skipper and opener"
    if ref.kind == "descriptor" and "," not in view.gap(end):
        end = _postmodifier_end(view, end, last)  # "The Minister of State in charge of X, Name,"
    if ref.kind in ("descriptor", "anon"):
        nxt, _, named = view.appositive_end(end, last)
        if named is None and (ref.kind == "descriptor" or titular):
            nxt, named = _name_then_verb(view, end, last)
        if named is not None:
            ref = Ref(
                named.kind if named.kind != "bare" else "person",
                i,
                named.end,
                name=named.name,
                key=named.key,
                role=_clean_role(view.span_text(i, end)),
                gender=named.gender or ref.gender,
            )
            role = ref.role
            end = nxt
    if ref.kind in ("person", "bare", "org"):
        nxt, app_role = _appositives(view, end, last)
        if app_role:
            role = app_role
            end = nxt
    speaks = _verb_follows(view, ref.end, last) or (
        end > ref.end and _verb_follows(view, end, last)  # "X, parish council chairman, said"
    )
    subject = _subject_position(view, i, sent.first, speaks)
    if subject and ref.kind in ("anon", "descriptor") and i > sent.first and view.lower[i - 1] == "as":
        subject = False  # "Now, as volunteer manager, she's in charge …": a capacity, not a subject
    m = Mention(i, ref.end, s_idx, sent.paragraph, ref, subject, role=role)
    m.speaks = speaks
    before = _verb_precedes(view, i, sent.first)
    m.verb_adjacent = m.speaks or before or (ref.kind == "bare" and _aged(view, ref.end, last))
    if before and not m.speaks and (i - 1 == sent.first or not view.joined(i - 1)):
        m.speaks = True  # an inverted clause: "…, said Steven Johnson", not "told Steven Johnson"
    return m, end


def _aged(view: View, j: int, hi: int) -> bool:
    """An age in commas after a one-word name ("Smith, 45, who …"): a person, not a place."""
    return j < hi and view.lower[j].isdigit() and len(view.lower[j]) <= 3 and "," in view.gap(j)


def _name_then_verb(view: View, j: int, last: int) -> tuple[int, Ref | None]:
    """A role's name after a comma with its verb next (", Dr Kgosientsho Ramokgopa apologised")."""
    if j >= last or "," not in view.gap(j) or not view.cap[j] or view.quote_of[j] >= 0:
        return j, None
    e = view.cap_run(j, last)
    ref = view.run_ref(j, e)
    if ref.kind != "person" or e >= last or not view.joined(e) or view.cap[e]:
        return j, None
    w = view.lower[e]
    if not w.isalpha() or w in STOP_WORDS:  # "the minister, John Smith and …" is a list
        return j, None
    return e, ref


def _postmodifier_end(view: View, j: int, last: int) -> int:
    """Skip "in charge of Government Communications" / "(MP)" up to a comma; else stay at ``j``."""
    k = j
    while k < last and k - j < 8 and view.quote_of[k] < 0:
        if view.verb_at(k, last) is not None or view.lower[k] in RELATIVES:
            return j
        if k + 1 < last and "," in view.gap(k + 1):
            return k + 1
        k += 1
    return j


def _coordinated_title(view: View, ref: Ref, i: int, end: int, last: int, role: str) -> tuple[Ref, int, str]:
    """A title, "and", then a person or a titled appositive name: one person.

    "COO and CFO Blake Jorgensen"; "Communications Director and Press Secretary, Jay Carney,".
    """
    other = view.np_at(end + 1, last)
    if other is not None and other.kind == "person":
        title = view.span_text(i, end)
        role = f"{title} and {other.role}" if other.role else title
        return (
            Ref("person", i, other.end, name=other.name, key=other.key, role=role, gender=other.gender),
            other.end,
            role,
        )
    if other is not None and other.kind in ("descriptor", "anon") and view.appositive_end(other.end, last)[2]:
        text = view.span_text(i, other.end)
        return Ref("descriptor", i, other.end, name=text, key=other.key, role=text), other.end, role
    return ref, end, role


def _appositives(view: View, j: int, hi: int) -> tuple[int, str]:
    """Skip appositives after a name ("…, 54, who …"); return the next token and the role."""
    for _ in range(3):
        nxt, role, named = view.appositive_end(j, hi)
        if nxt == j or named is not None:
            break
        if role:
            return nxt, role
        age = view.lower[j].isdigit()
        j = nxt
        if not age:
            break  # a relative clause ends the phrase
    return j, ""


def _verb_follows(view: View, j: int, hi: int) -> bool:
    k = j
    while k < hi and view.lower[k] in _ADVERBS_LOCAL:
        k += 1
    return k < hi and view.verb_at(k, hi) is not None


def _verb_precedes(view: View, i: int, lo: int) -> bool:
    k = i - 1
    return k >= lo and view.verb_at(k, i) is not None and view.joined(i)


_ADVERBS_LOCAL = frozenset("also later then again once has have had was is would will to".split())


def _subject_position(view: View, i: int, first: int, speaks: bool = False) -> bool:
    """False when the phrase at ``i`` follows a preposition ("with the Financial Times").

    Up to three lower-case modifiers may stand between ("At wine shop C3 Vino, owner …"),
    unless one is a speaker noun ("After the match coach Ange Postecoglou said") or the
    phrase is followed by its speech verb ("Earlier in the day Hots said …").
    """
    k = i - 1
    lower, heads = view.lower, view.heads
    while not speaks and k >= first and i - k <= 3 and not view.cap[k] and view.joined(k + 1):
        w = lower[k]
        if w in PREPOSITIONS or w in heads or w in STOP_WORDS or not w.isalpha() or view.verb_at(k, i):
            break
        k -= 1
    if k >= first and lower[k] in DETERMINERS:
        k -= 1
    if k - 2 >= first and lower[k] == "by" and _participle(lower[k - 1]) and lower[k - 2] in _BE:
        return True  # a passive's agent: "The comments were made by Ms Harney"
    if k - 1 >= first and lower[k] == "to" and lower[k - 1] == "according":
        return True  # the source: '"…," according to Restaurant Dive. It adds …'
    return not (k >= first and lower[k] in PREPOSITIONS and view.joined(k + 1))


_BE = frozenset("was were is are been being be".split())
_IRREGULAR_PARTICIPLES = frozenset("made written given taken said told done shown seen put set".split())


def _participle(w: str) -> bool:
    return w in _IRREGULAR_PARTICIPLES or (w.endswith("ed") and len(w) > 4)


def _clean_role(text: str) -> str:
    for art in ("the ", "a ", "an ", "The ", "A ", "An "):
        if text.startswith(art):
            return text[len(art) :]
    return text


def _qualified_head(roles: list[str], head: str) -> bool:
    """Some role has a lower-case word right before ``head`` ("general secretary")."""
    for r in roles:
        words = r.replace(",", " ").split()
        for x in range(1, len(words)):
            if _words_match(head, words[x].lower().rstrip(".")) and words[x - 1].islower():
                return True
    return False


def _words_match(a: str, b: str) -> bool:
    if len(a) < 3 or len(b) < 3:
        return a == b
    if a.startswith(b) or b.startswith(a):
        # "minister" ~ "ministers", but "president" is not "presidential"
        return (a[len(b) :] or b[len(a) :]) not in _ADJECTIVE_ENDINGS
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= max(4, min(len(a), len(b)) - 2)


_ABBREVIATED_ROLES = {
    "cm": "chief minister",
    "pm": "prime minister",
    "ceo": "chief executive",
    "cfo": "chief financial officer",
    "coo": "chief operating officer",
    "cji": "chief justice",
}
_ADJECTIVE_ENDINGS = frozenset("ial al ic ical ian ary ive".split())


class Registry:
    """The article's entities and the pronoun resolutions."""

    def __init__(self, view: View, mentions: list[Mention]):
        self.view = view
        self.entities: list[Entity] = []
        self._by_key: dict[tuple[str, tuple[str, ...]], int] = {}
        self._multi: list[int] = []  # person entities with multi-word keys, by first mention
        self._multi_by_word: dict[str, list[int]] = {}  # word of the key -> those entities, in order
        self.mentions = mentions
        self.pronoun_of: dict[int, int] = {}  # token index of a pronoun/anaphor -> entity id
        self._build()
        self.mention_toks = [m.tok for m in self.mentions]
        self._narrative = self._narrative_sentences()
        self._resolve_pronouns()
        #: sentence -> entity of its subject (first subject-position mention with an entity)
        self.subject_of_sentence: dict[int, tuple[int, int]] = {}
        for m in self.mentions:
            if m.subject_ok and m.entity >= 0 and m.sent not in self.subject_of_sentence:
                self.subject_of_sentence[m.sent] = (m.tok, m.entity)

    def _narrative_sentences(self) -> list[int]:
        """For each sentence, how many sentences up to it have words outside quotation marks.

        Distances for pronouns count these only: a quoted speech of many sentences does not push
        its speaker out of reach of the "he added" after it.
        """
        view, out, n = self.view, [], 0
        quote_of = view.quote_of
        for sent in view.doc.sentences:
            if any(quote_of[t] < 0 for t in range(sent.first, sent.last)):
                n += 1
            out.append(n)
        return out

    def mentions_in(self, lo: int, hi: int) -> list[Mention]:
        """Mentions starting in tokens ``[lo, hi)`` (binary search; text order)."""
        return self.mentions[bisect_left(self.mention_toks, lo) : bisect_left(self.mention_toks, hi)]

    # ------------------------------------------------------------------ building
    def _new(self, kind: str, key: tuple[str, ...], first: int) -> int:
        eid = len(self.entities)
        self.entities.append(Entity(eid, kind, key, first))
        self._by_key[(kind, key)] = eid
        return eid

    def root(self, eid: int) -> int:
        while eid >= 0 and self.entities[eid].parent >= 0:
            eid = self.entities[eid].parent
        return eid

    def _build(self) -> None:
        ms = self.mentions
        for m in ms:
            if m.ref.kind == "person" and _full(m.ref) and ("person", m.ref.key) not in self._by_key:
                longer = self._longer_name(m.ref.key)  # "Hajj Hassan" after "Abbas Hajj Hassan"
                if longer is not None:
                    self._by_key[("person", m.ref.key)] = longer
                else:
                    self._add_multi(self._new("person", m.ref.key, m.tok))
        for m in ms:
            if m.ref.kind == "org" and len(m.ref.key) >= 2:
                self.entity_for(m.ref, m.tok)
        kept: list[Mention] = []
        # a one-word name that speaks somewhere is a person everywhere ("Cabello wanted more.
        # She hated …" before "…," Cabello recalls)
        speaking = {m.ref.key for m in ms if m.ref.kind == "bare" and m.verb_adjacent}
        for m in ms:
            ref = m.ref
            if ref.kind == "bare" and self._multi_for(ref) < 0:
                org = self._org_for(ref.key)  # "BlackBerry" after "BlackBerry Ltd."
                if org >= 0:
                    m.entity = org
                    kept.append(m)
                    continue
                if not m.verb_adjacent and ref.key not in speaking:
                    continue
            if ref.kind == "pronoun" or ref.kind == "anaphor":
                kept.append(m)
                continue
            m.entity = self.entity_for(ref, m.tok)
            if m.entity < 0:
                continue
            self._note(m.entity, ref, m.role)
            kept.append(m)
        self.mentions = kept

    def _multi_for(self, ref: Ref) -> int:
        """The person a one-word name refers to: the first introduced whose name contains it.

        "Kim" -> "Kim Jong Un" (introduced before "Kim Jong Il"); "Mrs Traycheva-Hilditch"
        -> "Ani Traycheva-Hilditch". A title's gender must not conflict: "Mr Hilditch" skips
        a woman already known as "Mrs Traycheva-Hilditch" and finds "Alun Hilditch".
        """
        if _full(ref) or not ref.key:
            return -1
        parts, n = ref.key, len(ref.key)
        for eid in self._multi_by_word.get(parts[0], ()):  # only names holding the first word
            e = self.entities[eid]
            if e.parent >= 0 and self.root(eid) != eid:
                continue
            key = e.key
            if not any(key[k : k + n] == parts for k in range(len(key) - n + 1)):
                continue
            if ref.gender and e.gender and ref.gender != e.gender:
                continue
            return eid
        return -1

    def surname_of(self, ref: Ref) -> int:
        """The person whose full name holds this one-word place-like name ("Sunday"), else -1."""
        words = ref.name.split()
        if len(words) != 1:
            return -1
        eid = self._multi_for(Ref("bare", ref.start, ref.end, name=words[0], key=(words[0].lower(),)))
        return self.root(eid) if eid >= 0 else -1

    def _longer_name(self, key: tuple[str, ...]) -> int | None:
        """The one person already named with more words that begin or end with ``key``.

        "Hajj Hassan" after "Abbas Hajj Hassan", "Noor Hisham" after "Noor Hisham Abdullah".
        """
        n, found = len(key), set()
        for eid in self._multi_by_word.get(key[0], ()):
            e = self.entities[eid]
            if e.kind == "person" and len(e.key) > n and key in (e.key[:n], e.key[-n:]):
                found.add(self.root(eid))
        return found.pop() if len(found) == 1 else None

    def _add_multi(self, eid: int) -> None:
        self._multi.append(eid)
        for w in dict.fromkeys(self.entities[eid].key):
            self._multi_by_word.setdefault(w, []).append(eid)

    def _org_for(self, key: tuple[str, ...]) -> int:
        """A named organisation whose name starts with a one-word name ("BlackBerry" -> "BlackBerry Ltd")."""
        if len(key) != 1:
            return -1
        for e in self.entities:
            if e.kind == "org" and len(e.key) >= 2 and e.key[0] == key[0] and e.parent < 0:
                return e.id
        return -1

    def entity_for(self, ref: Ref, tok: int) -> int:
        """The entity a name/organisation/descriptor phrase refers to (created if new)."""
        kind = ref.kind
        if kind in ("person", "bare"):
            if not ref.key:
                return -1
            if _full(ref):
                eid = self._by_key.get(("person", ref.key))
                if eid is None:
                    eid = self._new("person", ref.key, tok)
                    self._add_multi(eid)
                return self.root(eid)
            multi = self._multi_for(ref)
            if multi >= 0:
                return self.root(multi)
            org = self._org_for(ref.key)
            if org >= 0:
                return self.root(org)
            eid = self._by_key.get(("person", ref.key))
            return self.root(eid) if eid is not None else self._new("person", ref.key, tok)
        if kind in ("anon", "descriptor") and ref.end - ref.start == 1 and self.view.cap[ref.start]:
            # "Friend said" after "chief financial officer Matthew Friend": his surname
            person = self._multi_for(Ref("bare", ref.start, ref.end, name=ref.name, key=(ref.name.lower(),)))
            if person >= 0:
                return self.root(person)
        if kind in ("org", "descriptor", "anon"):
            key = ref.key or tuple(ref.name.lower().split())
            if kind == "org" and key[:1] == ("the",):
                key = key[1:]
            eid = self._by_key.get((kind, key))
            if eid is None:
                eid = self._new(kind, key, tok)
                self.entities[eid].plural = ref.plural
                self._note(eid, ref, "")
            return self.root(eid)
        return -1

    def _note(self, eid: int, ref: Ref, role: str) -> None:
        e = self.entities[eid]
        if ref.kind in ("person", "bare"):
            if _full(ref) or not any(len(n.split()) >= 2 for n in e.names):
                e.names[ref.name] += 1
        elif ref.kind == "org":
            e.names[ref.name[4:] if ref.name.lower().startswith("the ") else ref.name] += 1
        else:
            e.names[_descriptor_name(ref.name)] += 1
        if ref.gender and not e.gender:
            e.gender = ref.gender
        if role and role != ref.role and role not in e.appositive_roles:
            e.appositive_roles.append(role)
        if ref.role and ref.kind in ("person", "bare") and ref.role not in e.roles:
            e.roles.append(ref.role)

    # ------------------------------------------------------------------ pronouns
    def _compatible(self, eid: int, pronoun: str) -> bool:
        e = self.entities[self.root(eid)]
        if pronoun == "it":  # an organisation, or a name given an organisation's role
            orgs = self.view.lex.organisations
            roles = [r for r in e.appositive_roles + e.roles if r]
            return e.kind == "org" or any(r.split()[-1].lower() in orgs for r in roles)
        if pronoun == "they":
            return e.plural or e.kind == "org"
        if e.kind not in ("person", "descriptor", "anon") or e.plural:
            return False
        want = "male" if pronoun == "he" else "female"
        return e.gender in ("", want)

    def _resolve_pronouns(self) -> None:
        ms = self.mentions
        subjects: list[tuple[int, int, bool]] = []  # (sentence, entity, speech verb next to it)
        sent_subject: dict[int, int] = {}
        pending: list[Mention] = []
        for idx, m in enumerate(ms):
            if m.ref.kind in ("pronoun", "anaphor"):
                eid = self._antecedent(m, idx, subjects, sent_subject)
                if eid < 0:
                    pending.append(m)
                    continue
                m.entity = eid
                self.pronoun_of[m.tok] = eid
                self._learn(eid, m.ref.name)
            if m.entity >= 0 and m.subject_ok:
                person = self.entities[self.root(m.entity)].kind == "person"
                if m.sent not in sent_subject:
                    sent_subject[m.sent] = m.entity
                    subjects.append((m.sent, m.entity, m.speaks and person))
                elif person and (m.verb_adjacent or self._after_that(m.tok)):
                    # "… but Finch said", "Arabian Business reports that Ziani tagged …": a later
                    # clause's subject
                    subjects.append((m.sent, m.entity, m.speaks))
        for m in pending:  # cataphora: "If the rains fail," she said. … Amina Yusuf farms …
            if m.ref.name == "it":
                continue
            for later in ms[bisect_left(self.mention_toks, m.tok + 1) :]:
                if later.par != m.par:
                    break
                if later.entity >= 0 and self._compatible(
                    later.entity, m.ref.name if m.ref.kind == "pronoun" else "he"
                ):
                    m.entity = later.entity
                    self.pronoun_of[m.tok] = later.entity
                    break

    def _after_that(self, tok: int) -> bool:
        """The mention at ``tok`` opens a "that" clause (it is that clause's subject)."""
        return tok > 0 and self.view.lower[tok - 1] == "that" and self.view.joined(tok)

    def _learn(self, eid: int, pronoun: str) -> None:
        e = self.entities[self.root(eid)]
        if pronoun in ("he", "she") and not e.gender and e.kind == "person":
            e.gender = "male" if pronoun == "he" else "female"

    def _antecedent(
        self, m: Mention, idx: int, subjects: list[tuple[int, int, bool]], sent_subject: dict[int, int]
    ) -> int:
        pronoun = m.ref.name if m.ref.kind == "pronoun" else "he"
        if m.ref.kind == "anaphor":
            ok = lambda e: self.entities[self.root(e)].kind == "person"  # noqa: E731
        else:
            ok = lambda e: self._compatible(e, pronoun)  # noqa: E731
        cur = sent_subject.get(m.sent)
        if cur is not None and ok(cur):
            return self.root(cur)
        # sentences nearest first; within a sentence the subject of a speech verb first
        # ("X Co. has been fortunate, said Steven Johnson": Johnson), then its first subject
        # ("two of their players were ruled out but Finch said …": Finch, when "he" cannot be
        # the players)
        k = len(subjects)
        while k > 0:
            s = subjects[k - 1][0]
            if self._narrative[m.sent] - self._narrative[s] > _SUBJECT_WINDOW:
                break
            a = k
            while a > 0 and subjects[a - 1][0] == s:
                a -= 1
            if s != m.sent:
                for _, eid, _ in sorted(subjects[a:k], key=lambda se: not se[2]):
                    if ok(eid):
                        return self.root(eid)
            k = a
        for k in range(idx - 1, -1, -1):
            prev = self.mentions[k]
            if m.sent - prev.sent > _OTHER_WINDOW:
                break
            if prev.entity >= 0 and ok(prev.entity):
                return self.root(prev.entity)
        return -1

    # ------------------------------------------------------------------ finishing
    def link_descriptors(self) -> None:
        """Merge definite role descriptors into the named person whose role matches."""
        persons = [e for e in self.entities if e.kind == "person" and e.parent < 0 and len(e.key) >= 1]
        seen: dict[int, list[int]] = {}  # person -> tokens where it is mentioned, in order
        for m in self.mentions:
            if m.entity >= 0:
                seen.setdefault(self.root(m.entity), []).append(m.tok)
        for e in self.entities:
            if e.kind != "descriptor" or e.parent >= 0:
                continue
            words = [w for w in e.key if w not in DETERMINERS]
            if not words:
                continue
            head, mods, spelled = words[-1], words[:-1], []
            if head in _ABBREVIATED_ROLES:  # "the CM" ~ "Chief Minister Siddaramaiah"
                *spelled, head = _ABBREVIATED_ROLES[head].split()
            best, best_score, best_recent = -1, 0, -1
            for p in persons:
                role_words = [
                    w.lower().rstrip(".")
                    for r in p.roles + p.appositive_roles
                    for w in r.replace(",", " ").split()
                ]
                if not role_words:
                    continue
                # "Apple CEO Tim Cook" is a chief executive: abbreviations count spelled out too
                role_words += [x for w in role_words for x in _ABBREVIATED_ROLES.get(w, "").split()]
                head_ok = any(_words_match(head, w) for w in role_words) or any(
                    # "the Lok Sabha member" ~ "BJP MP Ravi Kishan", "the coach" ~ "Ulster boss X"
                    head in group and any(w in group for w in role_words)
                    for group in _SYNONYM_ROLES
                )
                if not head_ok or not all(any(_words_match(w, r) for r in role_words) for w in spelled):
                    continue  # "the PM" is a prime minister, not any minister
                score = 1 + sum(1 for w in mods if any(_words_match(w, r) for r in role_words))
                if mods and score == 1 and _qualified_head(p.roles + p.appositive_roles, head):
                    continue  # "the education secretary" is not a "general secretary"
                # equal roles ("NSW Premier X", "Queensland Premier Y"): the one named last before
                toks = seen.get(p.id, ())
                recent = toks[bisect_left(toks, e.first) - 1] if toks and toks[0] < e.first else -1
                if (score, recent) > (best_score, best_recent):
                    best, best_score, best_recent = p.id, score, recent
            if best >= 0:
                e.parent = best
        self._link_role_after_name()

    def _link_role_after_name(self) -> None:
        """Link a role that follows a person named without one.

        "Wes Streeting has said … The health secretary vowed …": a definite role that is the
        subject right after a sentence whose subject is a person the text gave no role is that
        person (news style names someone, then refers to them by their job).
        """
        tried: set[int] = set()  # descriptors tried as a sentence subject (the first such use decides)
        for m in self.mentions:
            if m.ref.kind != "descriptor" or m.entity < 0 or m.entity in tried:
                continue
            d = self.entities[m.entity]
            if d.parent >= 0 or d.plural or not m.subject_ok:
                continue
            if self.subject_of_sentence.get(m.sent, (-1, -1))[0] != m.tok:
                continue  # "prompting the Chancellor to indicate …": a later "The Chancellor told …" may link
            tried.add(m.entity)
            if self._introduced(m):
                continue  # "… began with a chief describing a call. The chief said …": that chief
            # the nearest earlier sentence subject that is a person, up to three sentences back
            # ("Serena Williams won … It is Williams' third title … the tennis player thanked …")
            prev = None
            for back in range(m.sent - 1, max(m.sent - 4, -1), -1):
                hit = self.subject_of_sentence.get(back)
                if hit is not None and self.entities[self.root(hit[1])].kind == "person":
                    prev = hit
                    break
                # "It prompted Rishi Sunak to assure Mr Bailey …": a person who speaks in it
                sp = next((x for x in self._in_sentence(back) if x.speaks and x.entity >= 0), None)
                if sp is not None and self.entities[self.root(sp.entity)].kind == "person":
                    prev = (sp.tok, sp.entity)
                    break
            if prev is None and m.par == self._first_par:
                # a lede names the role and the next sentence the person ("…, the council's
                # new leader has admitted. Cathy Scott warned …")
                prev = self.subject_of_sentence.get(m.sent + 1)
            if prev is None or abs(self.view.toks[prev[0]].paragraph - m.par) > 2:
                continue
            p = self.entities[self.root(prev[1])]
            if p.kind != "person" or self._has_job(p) or p.id == d.id:
                continue
            if d.gender and p.gender and d.gender != p.gender:
                continue
            if self._together(d.id, p.id, m.tok):
                continue  # "Justice Kohli asked the counsel …": two people, not one
            d.parent = p.id
            p.appositive_roles.append(_clean_role(m.ref.name))

    def _together(self, a: int, b: int, before: int) -> bool:
        """Entities ``a`` and ``b`` are both mentioned in one sentence before token ``before``."""
        sents: dict[int, set[int]] = {}
        for m in self.mentions[: bisect_left(self.mention_toks, before)]:
            if m.entity >= 0:
                sents.setdefault(m.sent, set()).add(self.root(m.entity))
        return any(a in ids and b in ids for ids in sents.values())

    def _in_sentence(self, s: int) -> list[Mention]:
        sent = self.view.doc.sentences[s]
        return self.mentions_in(sent.first, sent.last)

    def _introduced(self, m: Mention) -> bool:
        """An unnamed "a <head>" up to three sentences before the definite role at ``m``."""
        head = m.ref.key[-1:] if m.ref.key else ()
        for k in range(bisect_left(self.mention_toks, m.tok) - 1, -1, -1):
            prev = self.mentions[k]
            if m.sent - prev.sent > 3:
                break
            if prev.ref.kind == "anon" and not prev.ref.plural and prev.ref.key[-1:] == head:
                return True
        return False

    @property
    def _first_par(self) -> int:
        """The first paragraph with a mention (the lede)."""
        return self.mentions[0].par if self.mentions else -1

    def _has_job(self, e: Entity) -> bool:
        """The text gave the person a role noun ("the coach"), not only a rank ("ranked No.1")."""
        roles = self.view.lex.roles
        return any(
            w.lower().strip(".,") in roles for r in e.roles + e.appositive_roles for w in r.split()
        )

    def link_generic_orgs(self) -> None:
        """Merge "the company"/"the ministry" into the article's named organisation.

        A named organisation whose name holds the head noun ("the ministry" -> "Foreign
        Ministry") wins; otherwise the most mentioned named organisation, when there is
        one clear leader.
        """
        named = [e for e in self.entities if e.kind == "org" and e.parent < 0 and _is_named(e)]
        if not named:
            return
        counts = Counter(self.root(m.entity) for m in self.mentions if m.entity >= 0)
        for e in self.entities:
            if e.kind != "org" or e.parent >= 0 or _is_named(e) or not e.key:
                continue
            head = e.key[-1]
            hits = [n for n in named if head in n.key]
            if hits:
                e.parent = hits[0].id
                continue
            near = self._nearest_named_subject(e, named)  # "the sheriff's office said … the agency said"
            if near >= 0:
                e.parent = near
                continue
            ranked = sorted(named, key=lambda n: -counts.get(n.id, 0))
            if len(ranked) == 1 or counts.get(ranked[0].id, 0) > counts.get(ranked[1].id, 0):
                e.parent = ranked[0].id

    def _nearest_named_subject(self, e: Entity, named: list[Entity]) -> int:
        """The named organisation that is the subject of a sentence just before ``e`` first appears."""
        ids = {n.id for n in named}
        first = next((m for m in self.mentions if m.entity >= 0 and self.root(m.entity) == e.id), None)
        if first is None:
            return -1
        near: list[Mention] = []
        for k in range(bisect_left(self.mention_toks, first.tok) - 1, -1, -1):
            if first.sent - self.mentions[k].sent > 2:
                break
            near.append(self.mentions[k])
        for m in sorted(near, key=lambda m: not m.speaks):  # a speaker first: "…, the X Office said,"
            if m.entity >= 0 and m.subject_ok and self.root(m.entity) in ids:
                return self.root(m.entity)
        return -1

    def display(self, eid: int) -> str:
        """The canonical name of an entity."""
        e = self.entities[self.root(eid)]
        if e.kind == "person":
            full = Counter({n: c for n, c in e.names.items() if len(n.split()) >= 2})
            full = full or e.names
            if full:
                best = max(full.values())
                top = next(n for n in e.names if full.get(n) == best)  # first seen among the most frequent
                # the fullest form that holds it: "Abbas Hajj Hassan" over a more frequent "Hajj Hassan"
                words = top.split()
                longer = [n for n in full if len(n.split()) > len(words) and _holds(n.split(), words)]
                return max(longer, key=lambda n: len(n.split())) if longer else top
            return " ".join(w.capitalize() for w in e.key)
        if e.names:
            name = e.names.most_common(1)[0][0]
            if e.kind == "org":  # legal suffixes are not part of the name: "BlackBerry Ltd." -> "BlackBerry"
                words = name.split()
                while len(words) > 1 and words[-1].lower().rstrip(".,") in _LEGAL_SUFFIXES:
                    words.pop()
                name = " ".join(words).rstrip(",")
            return name
        return " ".join(e.key)

    def role(self, eid: int) -> str:
        e = self.entities[self.root(eid)]
        for r in e.appositive_roles + e.roles:
            if r:
                return r
        return ""


def _holds(longer: list[str], words: list[str]) -> bool:
    """``words`` begin or end ``longer`` (case-insensitive)."""
    a, b = [w.lower() for w in longer], [w.lower() for w in words]
    return a[: len(b)] == b or a[-len(b) :] == b


def _full(ref: Ref) -> bool:
    """A name of two or more words ("Kim Jong-un"), not one ("Kim", "Traycheva-Hilditch").

    A surname with its particle ("De Mistura" for "Staffan de Mistura") is not a full name.
    """
    words = ref.name.split()
    return len(words) >= 2 and not (len(words) == 2 and words[0].lower() in _SURNAME_PARTICLES)


def _is_named(e: Entity) -> bool:
    """An organisation written with a capitalised name ("Foreign Ministry", "BlackBerry Ltd")."""
    return any(n[:1].isupper() and not n.lower().startswith("the ") for n in e.names)


def _descriptor_name(text: str) -> str:
    name = text[:-2] if text.endswith("'s") else text
    return (
        name[:1].lower() + name[1:] if name[:1].isupper() and name.split()[0].lower() in DETERMINERS else name
    )
