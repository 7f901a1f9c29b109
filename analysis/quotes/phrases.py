"""Token-level phrase parsing for attribution: names, titles, descriptors, speech verbs.

Works on the text layer's tokens (never re-tokenises). A :class:`View` wraps one
document with the quotation mask, and parses the noun phrases news copy uses for
speakers: a name with titles and roles ("North Korea Chairman Kim Jong Un",
"union leader Sofia Lindqvist"), an organisation ("the Foreign Ministry"), a pronoun,
a role descriptor ("the president", "his spokesman"), an unnamed source ("a senior
administration official", "people familiar with the matter").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from ..text import TITLE_ABBREVIATIONS, Doc
from .lexicons import Lexicons

__all__ = ["STOP_WORDS", "Ref", "Verb", "View", "name_key"]

PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you"})
DETERMINERS = frozenset(
    "the a an his her their its our my your two three four five several some many most other "
    "another both one".split()
)
DEFINITE = frozenset("the his her their its our my your".split())
POSSESSIVE_DETS = frozenset("his her their its our my your".split())
PREPOSITIONS = frozenset(
    """in on at with to from by for of about after before during against between among toward
    towards into like than via under over through across behind beside near""".split()
)
PLURAL_DETS = frozenset("two three four five several some many most both".split())
# Lower-case words that end a descriptor ("a spokesman for …", "officials in Seoul").
_STOP = frozenset(
    """for of in on at to from by with without about after before during since until as than
    between among against into through across under over via per amid despite toward towards
    near within including like
    and or but nor so yet if when while where who whom whose which that this these those what
    is are was were be been being has have had do does did will would shall should can could
    may might must not n't never no also later then again once further however""".split()
)
STOP_WORDS = _STOP
# Words skipped between a speaker and the speech verb ("has also said", "was quoted as saying").
ADVERBS = frozenset(
    """also later then again once further previously recently repeatedly reportedly publicly
    privately quickly simply angrily bluntly flatly firmly separately earlier subsequently just
    even still already often frequently has have had would will was is were are did does do
    could can may might should must quoted as himself herself themselves itself having""".split()
)
NEGATIONS = frozenset({"not", "n't", "never", "declined", "refused", "no"})
RELATIVES = frozenset({"who", "whom", "whose", "which", "where", "when", "that"})
PARTICLES = frozenset(
    "bin bint ibn ben al el de da di du van von der den la le del della dos das y of".split()
)
LEADING_STOP = frozenset(
    """the a an but and or so yet as in on at when while if after before since although though
    because however meanwhile still also then now later asked speaking according for from with
    by to of this that these those there here it its his her their our my we they he she i
    currently additionally moreover furthermore instead indeed yes no during despite amid
    following under over through without within against among between perhaps maybe finally
    eventually ultimately afterwards earlier today yesterday tonight sadly fortunately
    unfortunately clearly obviously naturally
    quoting adds adding says saying notes noting""".split()
)
_DOC_NOUNS = frozenset(
    "statement report ruling letter filing communique release memo document transcript post "
    "interview speech remarks message briefing decision order".split()
)
_AUXILIARIES = frozenset("is are was were has have had will would can could did does do".split())
_POSTNOMINALS = frozenset("QC KC SC MP MSP MEP MLA OBE MBE CBE KBE DBE FRS PhD".split())
_PART_OF = frozenset({"one", "some", "many", "several", "two", "three", "most", "none"})
_INITIALS_END = re.compile(r"(?:^|\s)(?:[A-Z]\.)+[A-Z]$")
_NUMBERED_UNITS = frozenset(
    "district local ward precinct station unit battalion engine ladder company".split()
)
# Times: "Earlier in the day Hots said" (a time, then the subject), "Fukuda on Monday said"
TIME_NOUNS = frozenset("day week month year morning afternoon evening night weekend time season".split())
DAY_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight".split()
)
_COLLECTIVE = frozenset("family team staff crew band couple parents relatives colleagues friends".split())
# a hyphenated modifier before a name: "Moscow-born", "Under-stated", "Two-time", "Well-known"
_HYPHEN_MODIFIER_ENDS = ("-born", "-based", "-raised", "-bred", "ed", "-time", "-known", "-famous")
_GROUP_OF = frozenset("team group panel delegation number handful couple coalition body".split())
_FIRST_PERSON = frozenset({"I", "I'"})
_KIN = frozenset("son daughter brother sister grandson granddaughter".split())
_AGE_RE = re.compile(r"^\d+-year-old$")


@dataclass(frozen=True, slots=True)
class Ref:
    """A parsed speaker phrase, tokens ``[start, end)``.

    ``kind``: ``person`` (a name with at least two words, or one word with a title),
    ``bare`` (one capitalised word, no title), ``org``, ``place``, ``title`` (a job title
    with no name: "Press Secretary"), ``pronoun``,
    ``descriptor`` (definite role: "the president"), ``anon`` (unnamed source),
    ``anaphor`` ("the 58-year-old"), ``document`` ("a statement", with ``owner``).
    """

    kind: str
    start: int
    end: int
    name: str = ""
    key: tuple[str, ...] = ()
    role: str = ""
    gender: str = ""
    plural: bool = False
    owner: Ref | None = None


@dataclass(frozen=True, slots=True)
class Verb:
    """A speech-verb occurrence: tokens ``[start, end)``, its form and lexicon tags."""

    start: int
    end: int
    form: str
    tags: frozenset[str]


def name_key(words: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Comparable form of a name: lower case, hyphen-split, possessive dropped.

    "Kim Jong-un", "Kim Jong Un" and "KIM JONG UN's" share the key ``("kim", "jong", "un")``.
    """
    parts: list[str] = []
    for w in words:
        w = w.lower()
        if w.endswith("'s"):
            w = w[:-2]
        parts.extend(p for p in w.replace(".", "").split("-") if p)
    return tuple(parts)


class View:
    """One document's tokens with the quotation mask and the phrase parsers."""

    def __init__(self, doc: Doc, lex: Lexicons, quote_of: list[int], columns: tuple | None = None):
        self.doc = doc
        self.text = doc.text
        self.toks = doc.tokens
        self.lex = lex
        self.quote_of = quote_of
        # per-document columns, built once (the token tuples transposed in one C-level pass)
        if columns is None:
            columns = tuple(zip(*doc.tokens, strict=True)) if doc.tokens else ((),) * 6
        starts, ends, texts, lower, sent, _ = columns
        self.starts: tuple[int, ...] = starts
        self.ends: tuple[int, ...] = ends
        self.lower: tuple[str, ...] = lower
        self.texts: tuple[str, ...] = texts
        # "I", "I'll": capitalised, never a name (a quotation's lost continuation mark leaves them outside)
        self.cap: list[bool] = [w[0].isupper() and w[:2] not in _FIRST_PERSON for w in texts]
        self.sent: tuple[int, ...] = sent
        self._joined = self._join_flags()
        shared = _shared(lex)
        #: words that can head a speaker phrase (checked before classifying a phrase)
        self.heads: frozenset[str] = shared.heads
        self._role_like = shared.role_like
        self._portfolio = shared.portfolio
        self._run_cache = shared.runs
        self._runs: dict[tuple[int, int], Ref] = {}

    def _join_flags(self) -> list[bool]:
        """``flags[i]``: token ``i`` continues a phrase with token ``i - 1`` (one pass).

        A plain-space gap never spans a sentence or a quotation boundary (those gaps hold
        punctuation or a quote mark); ". " joins only after an abbreviation or initial.
        """
        text, starts, ends = self.text, self.starts, self.ends
        flags = [False]
        flags += [s - e == 1 and text[e] == " " for e, s in zip(ends, starts[1:], strict=False)]
        lower, cap, sent, quote_of = self.lower, self.cap, self.sent, self.quote_of
        a = text.find(". ")
        while a >= 0:  # ". " joins after an abbreviation or an initial (same sentence and quotation)
            i = bisect_left(starts, a + 2)
            if 0 < i < len(starts) and starts[i] == a + 2 and ends[i - 1] == a:
                if sent[i] == sent[i - 1] and quote_of[i] == quote_of[i - 1]:
                    prev = lower[i - 1]
                    flags[i] = prev in TITLE_ABBREVIATIONS or (len(prev) == 1 and cap[i - 1]) or "." in prev
            a = text.find(". ", a + 1)
        return flags

    def gap(self, i: int) -> str:
        """The text between token ``i - 1`` and token ``i``."""
        starts = self.starts
        if 0 < i < len(starts):
            return self.text[self.ends[i - 1] : starts[i]]
        if i <= 0:
            return self.text[: starts[0]] if starts else ""
        return self.text[self.ends[-1] :]

    def joined(self, i: int) -> bool:
        """Token ``i`` continues a phrase with token ``i - 1`` (same sentence, plain space)."""
        return 0 < i < len(self._joined) and self._joined[i]

    def sentence_range(self, i: int) -> tuple[int, int]:
        """Token range ``[first, last)`` of the sentence holding token ``i``."""
        s = self.doc.sentences[self.sent[i]]
        return s.first, s.last

    def verb_at(self, i: int, hi: int) -> Verb | None:
        """The speech verb starting at token ``i`` (longest lexicon form), if any."""
        entries = self.lex.verbs.get(self.lower[i])
        if not entries:
            return None
        if i > 0 and self._joined[i]:
            prev = self.lower[i - 1]
            if prev in DETERMINERS or (prev in PREPOSITIONS and prev != "to"):
                return None  # a noun: "During question time", "the report", "a call"
        for rest, tags in entries:
            if "noun" in tags and self._noun_position(i):
                continue
            n = len(rest)
            if i + n < hi and all(
                self.lower[i + 1 + k] == rest[k] and self.joined(i + 1 + k) for k in range(n)
            ):
                form = " ".join(self.toks[k].text for k in range(i, i + 1 + n))
                return Verb(i, i + 1 + n, form, tags)
        return None

    def _noun_position(self, i: int) -> bool:
        """Token ``i`` ends a noun phrase: "the ABARES report", "his recent remarks", "Mueller's report"."""
        if i >= 1 and self.gap(i) == "' " and self.lower[i - 1].endswith("s"):
            return True  # a plural possessive: "the board members' remarks"
        if i < 1 or not self._joined[i]:
            return False
        if self.toks[i - 1].text.endswith("'s"):
            return True
        return i >= 2 and self._joined[i - 1] and self.lower[i - 2] in DETERMINERS

    def match_title(self, i: int, hi: int) -> int:
        """Number of tokens of the title phrase starting at ``i`` (0 if none)."""
        lex = self.lex
        if self.lower[i] not in lex.title_first:
            return 0
        for n in range(min(lex.max_title_words, hi - i), 0, -1):
            if tuple(self.lower[i : i + n]) in lex.titles and all(self.joined(i + k) for k in range(1, n)):
                return n
        return 0

    def title_tags(self, i: int, n: int) -> frozenset[str]:
        return self.lex.titles.get(tuple(self.lower[i : i + n]), frozenset())

    def span_text(self, i: int, j: int) -> str:
        """Text of tokens ``[i, j)``."""
        if j <= i:
            return ""
        return self.text[self.toks[i].start : self.toks[j - 1].end]

    # ------------------------------------------------------------------ names
    def cap_run(self, i: int, hi: int) -> int:
        """End (exclusive) of the capitalised run starting at ``i`` (particles allowed inside)."""
        j = i + 1
        joined, cap, lower = self._joined, self.cap, self.lower
        while j < hi and joined[j]:
            if cap[j]:
                j += 1
            elif lower[j] in PARTICLES and j + 1 < hi and joined[j + 1] and cap[j + 1]:
                j += 2
            elif (  # "Secretary of the Interior Ken Salazar", "Ambassador to the United States Cui Tiankai"
                (lower[j] == "of" or (lower[j] == "to" and lower[j - 1] in self._role_like))
                and j + 2 < hi
                and lower[j + 1] == "the"
                and joined[j + 1]
                and joined[j + 2]
                and cap[j + 2]
            ):
                j += 3
            elif (  # "Fire District 21 Chief Travis Hots": a unit's number inside the run
                lower[j].isdigit()
                and lower[j - 1] in _NUMBERED_UNITS
                and j + 1 < hi
                and joined[j + 1]
                and cap[j + 1]
            ):
                j += 2
            elif (  # "Joint Chiefs of Staff", "Bank of England", "Department for Education"
                lower[j] in ("of", "for")
                and j + 1 < hi
                and joined[j + 1]
                and cap[j + 1]
                and lower[j - 1] in self.lex.organisations
            ):
                j += 2
            elif (  # "Ministry of Oceans and Fisheries": "and" inside an organisation's complement
                lower[j] == "and"
                and j + 1 < hi
                and joined[j + 1]
                and cap[j + 1]
                and j - 3 >= i
                and lower[j - 2] in ("of", "for")
                and lower[j - 3] in self.lex.organisations
            ):
                j += 2
            elif (  # "Minister for Defence Khawaja Asif", "Special Envoy for Syria Staffan de Mistura"
                lower[j] in ("of", "for")
                and j + 1 < hi
                and joined[j + 1]
                and cap[j + 1]
                and lower[j - 1] in self._role_like
                and lower[j + 1] in self.lex.places
            ):
                j += 2
            else:
                break
        return j

    def run_ref(self, i: int, j: int, start: int | None = None, role_words: tuple[str, ...] = ()) -> Ref:
        """Classify the capitalised run ``[i, j)``: person, bare name, organisation or place."""
        base = self._runs.get((i, j))
        if base is None:
            base = self._runs[(i, j)] = self._classify_run(i, j)
        if (start is None or start == i) and not role_words:
            return base
        if base.kind not in ("person", "bare"):
            return Ref(
                base.kind,
                start if start is not None else i,
                base.end,
                base.name,
                base.key,
                base.role,
                base.gender,
                base.plural,
                base.owner,
            )
        lex = self.lex
        role_noun = bool(role_words) and role_words[-1].split()[-1].lower() in lex.roles
        gender = base.gender
        if not gender:
            for w in role_words:
                gender = lex.roles.get(w.split()[-1].lower(), "") or gender
        role = " ".join(p for p in (*role_words, base.role) if p)
        kind = "person" if base.kind == "person" or role_noun else "bare"
        return Ref(
            kind,
            start if start is not None else i,
            base.end,
            base.name,
            base.key,
            role,
            gender,
            base.plural,
            base.owner,
        )

    def _run(self, i: int, j: int) -> Ref:
        """``run_ref(i, j)``: the run's classification, cached for the document."""
        base = self._runs.get((i, j))
        if base is None:
            base = self._runs[(i, j)] = self._classify_run(i, j)
        return base

    def _classify_run(self, i: int, j: int) -> Ref:
        """``run_ref`` without a role or start: cached across documents by the run's words.

        The classification reads only the run's own tokens and the text between them, so
        the same words ("Vladimir Putin", "North Korea") are classified once per process.
        """
        # (the character after the run is in the key: "Louis C.K." keeps the final dot of initials)
        key = (self.texts[i:j], self.text[self.starts[i] : self.ends[j - 1] + 1])
        hit = self._run_cache.get(key)
        if hit is not None:
            return Ref(hit[0], i, j, hit[1], hit[2], hit[3], hit[4])
        ref = self._plain_word(i) if j == i + 1 else None
        if ref is None:
            ref = self._run_ref(i, j, i, ())
        if len(self._run_cache) >= _RUN_CACHE_MAX:
            self._run_cache.clear()
        self._run_cache[key] = (ref.kind, ref.name, ref.key, ref.role, ref.gender)
        return ref

    def _plain_word(self, i: int) -> Ref | None:
        """Fast path: one capitalised word that is no title, role, place, organisation or stop word."""
        w = self.lower[i]
        if w.endswith("'s"):
            w = w[:-2]
        lex = self.lex
        if (
            "-" in w
            or "'" in w
            or "." in w
            or w in lex.title_first
            or w in lex.roles
            or w in lex.places
            or w in lex.organisations
            or w in LEADING_STOP
            or self.toks[i].text in lex.acronyms
            or self.toks[i].text.isupper()
        ):
            return None
        name = _strip_possessive(self.toks[i].text)
        return Ref("bare", i, i + 1, name=name, key=name_key((name,)))

    def _run_ref(self, i: int, j: int, start: int | None, role_words: tuple[str, ...]) -> Ref:
        lex, lower = self.lex, self.lower
        k = i
        while k < j - 1 and lower[k] in LEADING_STOP:
            k += 1
        jr = j  # the run's end; ``j`` below ends the name
        while j - 2 > k and self.texts[j - 1].rstrip(".") in _POSTNOMINALS:
            j -= 1  # "Desmond Browne QC", "Jane Smith MP": letters after a name are not the name
        for x in range(j - 2, k - 1, -1):
            if self.texts[x].endswith("'s") and self.cap[x + 1]:
                if all(w in lex.organisations for w in lower[x + 1 : j]):
                    break  # "Jasper County Sheriff's Office", "Children's Hospital": one name
                # "Bloomberg's Tim Culpan": the possessor is an affiliation, the name follows
                role_words = (*role_words, self.span_text(k, x + 1))
                k = x + 1
                break
        if k == j - 1 and lower[k] in LEADING_STOP:
            return Ref("place", start if start is not None else i, jr)
        # Titles and roles: strip through the last one that leaves a name behind.
        pos, name_start, gender, titled, honorific_only = k, k, "", False, True
        while pos < j:
            if lower[pos] == "of" and name_start < pos:
                break  # a name, then "of": "Joan Burrill of Queen Village" (no title after it)
            n = self.match_title(pos, j)
            if not n and lower[pos] in lex.roles:
                n = 1
            if not n and "-" in lower[pos] and any(w in lex.roles for w in lower[pos].split("-")):
                n = 1  # "Director-General", "Vice-Chancellor", "Editor-in-Chief"
            if n and pos + n < j:
                tags = self.title_tags(pos, n)
                g = (
                    "male"
                    if "male" in tags
                    else "female"
                    if "female" in tags
                    else lex.roles.get(lower[pos], "")
                )
                gender = g or gender
                titled = True
                # "Chief X" is an honorific; "Fire Chief X" a job
                honorific_only = honorific_only and "honorific" in tags and pos == name_start
                pos += n
                name_start = pos
                continue
            pos += 1
        base = [w[:-2] if w.endswith("'s") else w for w in lower[i:j]]  # possessive dropped
        words = base[name_start - i :]
        if name_start == k and self.match_title(k, j) == j - k:
            # The whole run is a title ("COO", "Prime Minister"): a role without a name.
            return Ref(
                "title",
                start if start is not None else i,
                jr,
                name=self.span_text(k, j),
                role=self.span_text(k, j),
            )
        words_k = base[k - i :]
        of = words_k.index("of") if "of" in words_k[1:] else len(words_k)
        head = words_k[of - 1]  # "Member" in "Ablekuma West Member of Parliament"
        if not titled and j - k >= 2 and head in lex.offices:
            # "Communications Director", "Press Secretary", "X Member of Parliament": a job
            # title without a name.
            return Ref(
                "title",
                start if start is not None else i,
                jr,
                name=self.span_text(k, j),
                role=self.span_text(k, j),
            )
        s = start if start is not None else i
        if titled and name_start < j and lower[name_start] in ("of", "for", "to"):
            # A title's complement ("Secretary of the Interior Ken Salazar", "Minister of
            # Foreign Affairs Wang Yi", "Minister for Defence Khawaja Muhammad Asif"): the
            # portfolio and place words, then the name; else the name is the last two words.
            x = name_start + 1 + (name_start + 1 < j and lower[name_start + 1] == "the")
            y = x
            portfolio = self._portfolio
            while y < j and base[y - i] in portfolio:
                y += 1  # portfolio words: "Foreign Affairs", "Police", "Basic and Secondary Education"
            rest = j - x
            if rest < 2:
                return Ref("title", s, jr, name=self.span_text(k, j), role=self.span_text(k, j))
            if x < y < j:
                name_start = y
            else:
                name_start = j - 2 if rest >= 3 else j - 1
            words = base[name_start - i :]
        # A title before a name makes it a person ("Senate Majority Leader Chuck Morales").
        o = name_start if titled else k
        oe = j
        if "of" in lower[name_start + 1 : j]:
            oe = lower.index("of", name_start + 1, j)  # "… Martin Evans of West Mercia Police": the name ends
        org = any(
            base[x - i] in lex.organisations or self.toks[x].text in lex.acronyms for x in range(o, oe)
        ) or any(tuple(base[x - i : x - i + 2]) in lex.organisation_phrases for x in range(o, oe - 1))
        if org:
            name = self.span_text(k, j)
            if lower[k] == "the":
                name = self.span_text(k + 1, j)
            return Ref("org", s, jr, name=_strip_possessive(name), key=name_key(name.split()))
        # Leading place words ("Russian", "Seoul") are modifiers, not part of the name.
        while name_start < j - 1 and words[0] in lex.places and words[0] not in lex.events:
            name_start += 1
            words = words[1:]
        # place words only, unless a title makes them a name ("Finance Minister Bill English")
        placelike = all(w in lex.places for w in words) and not (titled and len(words) >= 2)
        if placelike or (len(words) == 1 and _is_acronym(self.toks[name_start].text)):
            kind = "place" if words[0] in lex.places else "org"
            return Ref(kind, s, jr, name=self.span_text(name_start, j))
        # Names stop at "of" ("Putin of Russia").
        end = j
        for x in range(name_start, j):
            if lower[x] == "of":
                end = x
                break
        name_toks = [self.toks[x].text for x in range(name_start, end)]
        if not name_toks:
            return Ref("place", s, jr)
        last = name_toks[-1]
        if (
            "-" in last
            and len(name_toks) == 1
            and all(p[:1].isupper() for p in last.split("-"))
            and not titled
        ):
            return Ref("place", s, jr)  # "Kim-Putin summit", "DPRK-Russia": a compound, not a name
        if _strip_possessive(last).lower() in lex.places and not (titled and len(name_toks) >= 2):
            # "State Dinner", "Kim-Putin Summit": an event; not "Attorney General Dave Sunday"
            return Ref("place", s, jr)
        role_parts = [*role_words]
        if name_start > k:
            title_text = self.span_text(k, name_start)
            if not honorific_only:
                role_parts.append(title_text)
        role = " ".join(role_parts)
        if end + 1 < j:  # the affiliation after the name: "… of West Mercia Police"
            role = ", ".join(filter(None, (role, self.span_text(end + 1, j))))
        name = _strip_possessive(self.span_text(name_start, end))
        if _INITIALS_END.search(name) and self.text[self.ends[end - 1] : self.ends[end - 1] + 1] == ".":
            name += "."  # "Louis C.K." (the text layer leaves the final dot to the sentence)
        role_noun = bool(role_words) and role_words[-1].split()[-1].lower() in lex.roles
        kind = "person" if (len(name_toks) >= 2 or titled or role_noun) else "bare"
        if not gender:
            for w in role_words:
                gender = lex.roles.get(w.split()[-1].lower(), "") or gender
        return Ref(
            kind, s, jr, name=name, key=name_key(name.split()), role=role, gender=gender
        )

    # ------------------------------------------------------------------ noun phrases
    def np_at(self, i: int, hi: int, loose: bool = False) -> Ref | None:
        """The speaker-like noun phrase starting at token ``i`` (not crossing ``hi``).

        ``loose`` (for the subject of a speech verb) also accepts an unnamed person or
        body with any head noun: "her landlord", "a commuter", "Ukraine's air force".
        """
        if i >= hi or self.quote_of[i] >= 0:
            return None
        lower, lex, cap, joined, role_like = self.lower, self.lex, self.cap, self._joined, self._role_like
        low = lower[i]
        if low in PRONOUNS:
            return Ref("pronoun", i, i + 1, name=low, plural=low in ("they", "we"))
        j, det = i, ""
        if low in DETERMINERS:
            det, j = low, i + 1
        if det == "the":
            # "the Spaniard said", "the Northern Irishman": an epithet for the person just
            # named, resolved like "he"
            k = j
            while k + 1 < hi and k - j < 2 and cap[k] and lower[k] in lex.places and joined[k + 1]:
                k += 1
            if k < hi and lower[k] in lex.epithets and cap[k] and self._alone(k + 1, hi):
                return Ref("anaphor", i, k + 1, name=self.span_text(i, k + 1))
        g = j if det and j < hi and lower[j] in _GROUP_OF else i  # "a team of prosecutors"
        part_of = lower[g] in _PART_OF or g > i
        if part_of and g + 2 < hi and lower[g + 1] == "of" and joined[g + 1] and joined[g + 2]:
            inner = self.np_at(g + 2, hi, loose)  # "one of the protesting students": unnamed
            if inner is not None and inner.kind in ("anon", "descriptor"):
                name = self.span_text(i, inner.end)
                plural = low != "one"
                return Ref("anon", i, inner.end, name=name, key=inner.key, role=inner.role, plural=plural)
            return None
        mods: list[str] = []
        owner: Ref | None = None
        best: Ref | None = None  # the longest prefix that is a speaker phrase
        after_owner = False
        while j < hi and (j == i or after_owner or joined[j]) and len(mods) < 8:
            after_owner = False
            if cap[j] and "-" in lower[j] and self._hyphen_modifier(j, hi):
                mods.append(self.texts[j])  # "Moscow-born Rybakina": a modifier, not the name
                j += 1
                continue
            if (
                cap[j]
                and lower[j] not in DETERMINERS
                and not (lower[j] in role_like and self._common_noun(j, hi))
            ):
                if mods and (mods[-1] in TIME_NOUNS or mods[-1] in _DOC_NOUNS):
                    # "Earlier in the day Hots said", "In a statement Chief Nurse Vicky Morris said":
                    # a time or a document, then the subject
                    return best
                e = self.cap_run(j, hi)
                ref = self.run_ref(j, e, i, tuple(mods)) if mods or j != i else self._run(j, e)
                plural_owner = e < hi and self.gap(e) == "' " and lower[e - 1].endswith("s")
                if self.texts[e - 1].endswith("'s") or plural_owner:
                    owner = ref  # "South Korea's military", "Mrs Yates' son David"
                    mods.append(self.span_text(j, e) + ("'" if plural_owner else ""))
                    j = e
                    after_owner = plural_owner
                    continue
                # (a run followed by punctuation can modify nothing: the two checks below fail)
                more = e < hi and joined[e]
                if more and ref.kind in ("person", "bare") and self._role_then_name(e, hi):
                    # "Glenwood dairy farmer Suzanne Vold", "Google spokesman Al Verney": the run
                    # modifies the role of the person named after it
                    mods.append(self.span_text(j, e))
                    j = e
                    continue
                if ref.kind in ("person", "bare"):
                    if det and not mods and more and self._modifies_noun(e, hi):
                        # "a Tesco spokesperson", "the Fed chairman", "the Lok Sabha member"
                        mods.append(self.span_text(j, e))
                        j = e
                        continue
                    if det and not mods and ref.kind == "bare" and det not in DEFINITE:
                        return best
                    if owner is not None and len(ref.name.split()) == 1 and mods[-1].lower() in _KIN:
                        # "Mrs Yates' son David": a family member named by first name takes the
                        # family name ("David Yates").
                        family = owner.name.split()[-1] if owner.kind in ("person", "bare") else ""
                        if family and family != ref.name:
                            name = f"{ref.name} {family}"
                            return replace(
                                ref, kind="person", name=name, key=name_key(name.split()), owner=owner
                            )
                    return ref
                if ref.kind == "title":
                    return Ref(
                        "descriptor",
                        i,
                        e,
                        name=self.span_text(i, e),
                        key=name_key(ref.name.split()),
                        role=ref.role,
                    )
                if more and self._modifies_noun(e, hi):  # "Kremlin spokesman", "European diplomat"
                    mods.append(self.span_text(j, e))
                    j = e
                    continue
                if ref.kind in ("org", "place") and det in ("the", "") and not mods:
                    return Ref(ref.kind, i, e, name=ref.name, key=ref.key)
                if ref.kind == "org" and owner is not None and len(mods) == 1 and not best:
                    # "the Jasper County Sheriff's Office": one name with a possessive inside
                    name = self.span_text(owner.start, e)
                    return Ref("org", i, e, name=name, key=tuple(name.lower().split()))
                return best
            w = lower[j]
            if (cap[j] and not (w in role_like and self._common_noun(j, hi))) or not w[:1].isalnum():
                break
            if mods and mods[-1] in lex.anonymous:
                q = self._qualifier(j, hi)
                if q > j:  # "people familiar with the matter", "sources close to the talks"
                    return Ref("anon", i, q, name=self.span_text(i, q), key=name_key(mods), plural=True)
            if w in _STOP or w in lex.verbs or w in PRONOUNS or (w in DETERMINERS and (mods or det)):
                break
            if mods and w.endswith("ed") and j + 1 < hi and lower[j + 1] == "by":
                break  # "a bench headed by Chief Justice X": a participle, not a modifier
            if w.endswith("'s") and (w[:-2] in lex.roles or w[:-2] in lex.anonymous):
                if j + 1 < hi and joined[j + 1] and lower[j + 1] in lex.organisations:
                    name = self.span_text(i, j + 2)  # "the sheriff's office": an institution
                    return Ref("org", i, j + 2, name=name, key=tuple(name.lower().split()))
                # "the minister's new plan": the possessor is the phrase
                mods.append(w[:-2])
                return self._descriptor(i, j + 1, det, mods, owner, strip=2, loose=loose)
            mods.append(w)
            j += 1
            if loose or w in self.heads or "year-old" in w:
                ref = self._descriptor(i, j, det, mods, owner, loose=loose)
                if ref is not None:
                    best = ref
        if best is not None and mods and mods[-1] in lex.anonymous:
            q = self._qualifier(best.end, hi)
            if q > best.end:
                return Ref("anon", i, q, name=self.span_text(i, q), key=best.key, plural=True)
        return best

    def _hyphen_modifier(self, j: int, hi: int) -> bool:
        """A hyphenated modifier before a name ("Moscow-born Rybakina", "Two-time champion X")."""
        joined, cap = self._joined, self.cap
        parts = self.texts[j].split("-")
        return (
            len(parts) > 1
            and parts[-1][:1].islower()
            and self.lower[j].endswith(_HYPHEN_MODIFIER_ENDS)
            and j + 1 < hi
            and joined[j + 1]
            and cap[j + 1]
        )

    def _alone(self, j: int, hi: int) -> bool:
        """Nothing continues the noun phrase at ``j``: an end, punctuation, a verb, "who"."""
        if j >= hi or not self._joined[j]:
            return True
        w = self.lower[j]
        return w in self.lex.verbs or w in RELATIVES or w in ADVERBS

    def _modifies_noun(self, e: int, hi: int) -> bool:
        """Lower-case words after a capitalised run end in a speaker noun within three words."""
        lex = self.lex
        joined, cap, lower, role_like = self._joined, self.cap, self.lower, self._role_like
        k = e
        while k < hi and k - e < 3 and joined[k] and not cap[k]:
            w = lower[k]
            if w in _STOP or w in lex.verbs:
                return False
            if w in role_like or w in lex.organisations:
                return True
            k += 1
        # "LNP stalwart Bob Harper": lower-case words, then a name
        return e < k < hi and joined[k] and cap[k] and self.cap_run(k, hi) - k >= 2

    def _role_then_name(self, e: int, hi: int) -> bool:
        """Up to three lower-case words ending in a role noun, then a name of two or more words."""
        lex = self.lex
        joined, cap, lower = self._joined, self.cap, self.lower
        k = e
        while k < hi and k - e < 3 and joined[k] and not cap[k]:
            w = lower[k]
            if w in _STOP or w in lex.verbs or not w.isalpha():
                return False
            k += 1
        if k == e or k >= hi or not joined[k] or not cap[k]:
            return False
        last = self.lower[k - 1]
        if not (last in lex.roles or last in lex.anonymous):
            return False
        run = self.cap_run(k, hi)
        return run - k >= 2 and self.run_ref(k, run).kind == "person"

    def _descriptor(
        self,
        i: int,
        j: int,
        det: str,
        mods: list[str],
        owner: Ref | None,
        strip: int = 0,
        loose: bool = False,
    ) -> Ref | None:
        """Classify ``det + mods`` (tokens ``[i, j)``) by its head noun, or None."""
        lex = self.lex
        head = mods[-1].lower()
        name = self.span_text(i, j)
        if strip:
            name = name[:-strip]
        if head in _DOC_NOUNS:
            return Ref("document", i, j, name=name, owner=owner)
        if _AGE_RE.match(head):
            return Ref("anaphor", i, j, name=name) if det == "the" else None
        if det == "the" and head in lex.roles and any(_AGE_RE.match(m.lower()) for m in mods[:-1]):
            return Ref("anaphor", i, j, name=name)  # "the 42-year-old musician": the person just named
        plural = (
            det in PLURAL_DETS
            or (head.endswith("s") and head[:-1] in lex.roles)
            or (head in lex.anonymous and head.endswith("s") and head != "witness")
            or head in _COLLECTIVE  # "her family said": they
        )
        singular = head[:-1] if plural and head.endswith("s") else head
        key = name_key(mods)
        role = " ".join(mods)
        if head in ("people", "person", "persons") and det not in PLURAL_DETS and det not in ("a", "an"):
            return None  # "the people of both countries" is not a source
        if head in lex.roles or head in lex.anonymous or singular in lex.roles:
            gender = lex.roles.get(singular, "")
            definite = det in DEFINITE or owner is not None
            # "the spokesperson": one known person, not anonymous sourcing ("a spokesperson")
            named_role = definite and not plural and head in lex.roles and det not in POSSESSIVE_DETS
            if (head in lex.anonymous and not named_role) or plural or not definite or det in POSSESSIVE_DETS:
                return Ref(
                    "anon", i, j, name=name, key=key, role=role, gender=gender, plural=plural, owner=owner
                )
            # the possessor is kept: "Venus Williams' mother" also introduces Venus Williams
            return Ref("descriptor", i, j, name=name, key=key, role=role, gender=gender, owner=owner)
        if head in lex.organisations:
            return Ref("org", i, j, name=name, key=key, owner=owner)  # "Helen Dixon's office"
        if loose and head.isalpha():
            if owner is not None and owner.kind in ("org", "place"):
                return Ref("org", i, j, name=name, key=key)  # "Ukraine's air force"
            if det in POSSESSIVE_DETS or det in ("a", "an", "one"):
                # "her landlord", "a commuter"; "her family" is a group ("they", never "she")
                return Ref("anon", i, j, name=name, key=key, role=role, plural=plural)
        return None

    def _common_noun(self, j: int, hi: int) -> bool:
        """A lone capitalised role/source/institution noun ("Officials said", "Kremlin").

        Not a role noun in mid-sentence with no determiner: a surname ('…," Friend said').
        """
        if self.lower[j] not in self._role_like:
            return False
        if (
            self.lower[j] in self.lex.roles
            and j > 0
            and self.sent[j - 1] == self.sent[j]
            and self.lower[j - 1] not in DETERMINERS
            and (self.quote_of[j - 1] >= 0 or self.texts[j - 1][:1].islower())
        ):
            return False
        return not (j + 1 < hi and self.joined(j + 1) and (self.cap[j + 1] or self.cap_run(j, hi) > j + 1))

    def _qualifier(self, j: int, hi: int) -> int:
        """End of "familiar with the matter"-style qualifier at ``j`` (``j`` if none)."""
        for q in self.lex.qualifiers:
            n = len(q)
            if (
                j + n <= hi
                and tuple(self.lower[j : j + n]) == q
                and all(self.joined(j + k) for k in range(n))
            ):
                e = j + n
                while e < hi and self.joined(e) and self.verb_at(e, hi) is None and e - j < 12:
                    e += 1
                return e
        return j

    def np_ending_at(self, k: int, lo: int, loose: bool = False, after_prep: bool = False) -> Ref | None:
        """The longest speaker phrase that ends exactly at token ``k`` (inclusive).

        A phrase right after a preposition is an object ("someone in Washington"), not
        a subject: None, unless ``after_prep`` (the subject of a gerund: "object to X
        having said").
        """
        if k < lo or self.quote_of[k] >= 0:
            return None
        s = k
        while s > lo and k - s < 10 and self.joined(s):
            s -= 1
        for start in range(s, k + 1):
            ref = self.np_at(start, k + 1, loose=loose)
            if ref is not None and ref.end == k + 1:
                object_ = start > lo and self.joined(start) and self.lower[start - 1] in PREPOSITIONS
                if object_ and not after_prep:
                    return None
                return ref
        return None

    def _possessive_run(self, j: int, end: int) -> bool:
        """A capitalised run of up to four words ending in a possessive, then a role noun."""
        run_end = self.cap_run(j, end)
        return (
            1 < run_end - j <= 4
            and run_end < end
            and _possessive_start(self.toks[run_end - 1].text, self.gap(run_end))
            and self.lower[run_end] in self._role_like
        )

    def appositive_end(self, j: int, hi: int) -> tuple[int, str, Ref | None]:
        """Skip ``, <appositive>,`` after a phrase ending before ``j``.

        Returns (next token, role text, a name found in the appositive). The role is
        empty for ages and relative clauses ("54", "who has run …").
        """
        if j >= hi or "," not in self.gap(j) or self.quote_of[j] >= 0:
            return j, "", None
        if self.verb_at(j, hi) is not None or (self.lower[j] in _STOP and self.lower[j] not in RELATIVES):
            return j, "", None
        e = j
        while True:
            nxt = e + 1
            if nxt >= hi or self.sent[nxt] != self.sent[j] or nxt - j > 25:
                break
            g = self.gap(nxt)
            if any(c in g for c in ',;:"\u2014(') or ("." in g and not self.joined(nxt)):
                break
            e = nxt
        if e - j >= 25:
            return j, "", None
        end = e + 1
        first = self.lower[j]
        seg = self.span_text(j, end)
        if first in RELATIVES or seg.replace(" ", "").isdigit():
            return end, "", None
        if self.cap[j] and first not in DETERMINERS:
            run_end = self.cap_run(j, end)
            if run_end == end:
                ref = self.run_ref(j, end)
                if ref.kind in ("person", "bare"):
                    return end, "", ref
                if ref.kind == "title":  # "R. Ashok, Revenue Minister, visited …": a job title
                    return end, seg, None
            elif run_end - j >= 2 and self.lower[run_end] in ("who", "whose"):
                ref = self.run_ref(j, run_end)  # ", Alastair Cook who earlier scored 176,"
                if ref.kind == "person":
                    return end, "", ref
                if re.match(r"^[DRI]-[A-Z]", self.toks[j].text):
                    return end, seg, None
        if any(self.lower[x] in self.lex.verbs or self.lower[x] in _AUXILIARIES for x in range(j, end)):
            return j, "", None  # a clause ("the minister also debunked …"), not an appositive
        if (
            first in DETERMINERS
            or not self.cap[j]
            or _possessive_start(self.toks[j].text, self.gap(j + 1))
            or self._possessive_run(j, end)  # "Snohomish County's director of emergency management"
        ):
            # "the EU's envoy", "chief economist at X", "Apple's chief financial officer"
            role = seg
            for art in ("the ", "a ", "an "):
                if role.lower().startswith(art):
                    role = role[len(art) :]
                    break
            return end, role, None
        return j, "", None


_RUN_CACHE_MAX = 50_000


@dataclass(frozen=True, slots=True)
class _Shared:
    """Per-lexicon data shared by every document: derived word sets and the run cache."""

    heads: frozenset[str]
    role_like: frozenset[str]
    runs: dict
    #: words of a title's complement ("Minister for Foreign Affairs"): places, institutions, "and"
    portfolio: frozenset[str] = frozenset()


_SHARED: dict[int, tuple[Lexicons, _Shared]] = {}


def _shared(lex: Lexicons) -> _Shared:
    hit = _SHARED.get(id(lex))
    if hit is None or hit[0] is not lex:
        roles = frozenset(lex.roles)
        role_like = lex.anonymous | roles | frozenset(r + "s" for r in roles)
        portfolio = lex.places | lex.organisations | {"and"}
        hit = (lex, _Shared(lex.heads | _DOC_NOUNS, role_like, {}, portfolio))
        _SHARED[id(lex)] = hit
    return hit[1]


def _possessive_start(word: str, gap_after: str) -> bool:
    """A capitalised possessor opening an appositive role ("Apple's", "Britain's", "Reuters' ")."""
    return word.endswith("'s") or gap_after.startswith("' ")


def _strip_possessive(name: str) -> str:
    return name[:-2] if name.endswith("'s") else name


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return len(letters) >= 2 and letters.isupper()
