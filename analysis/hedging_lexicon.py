"""The hedge and booster lexicon: data files in ``data/lexicons/``, loaded once and validated.

A lexicon folder holds ``hedges.tsv`` and ``boosters.tsv`` (required) and ``exclusions.tsv``
(optional); the format is documented in the header of each file and in README ("Hedging").
Loading expands every entry to the word sequences it matches, inflections included
("suggest" → suggests, suggested, suggesting), so matching is a dictionary look-up per token
with no stemming at analysis time.

A :class:`Lexicon` is frozen, hashable and picklable, so it can sit in
:class:`~analysis.pipeline.Settings` as ``("hedging", lexicon)`` and key caches. Session edits
make a new lexicon with :meth:`Lexicon.with_terms`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .text import WORD_RE

__all__ = [
    "CATEGORIES",
    "DEFAULT_DIR",
    "FILES",
    "KINDS",
    "SOURCES",
    "Entry",
    "Lexicon",
    "LexiconError",
    "load_lexicon",
    "parse_tsv",
]

#: Categories of hedges and boosters, in display order.
CATEGORIES: tuple[str, ...] = ("modal", "epistemic_verb", "adverb", "adjective_noun", "phrase")
#: Entry kinds; an exclusion is a fixed expression that is neither (``"as soon as possible"``).
KINDS: tuple[str, ...] = ("hedge", "booster", "exclusion")
#: File of each kind in a lexicon folder.
FILES: dict[str, str] = {"hedge": "hedges.tsv", "booster": "boosters.tsv", "exclusion": "exclusions.tsv"}
#: Source codes: Hyland (2005), CoNLL-2010 cues, news additions, user (session edits).
SOURCES: dict[str, str] = {
    "H": "Hyland (2005), Metadiscourse",
    "C": "CoNLL-2010 shared task speculation cue",
    "N": "added for news copy",
    "U": "added by the user",
}
DEFAULT_DIR = Path(__file__).resolve().parents[1] / "data" / "lexicons"

_COLUMNS = ("term", "category", "source", "forms", "unless_next", "unless_prev")
_ALTERNATION = re.compile(r"\{([^{}]*)\}")
_MARKERS = frozenset({"$", "^", "#"})
_VOWELS = frozenset("aeiou")


class LexiconError(ValueError):
    """A lexicon file or edit is invalid; the message says where and why."""


def _verb_forms(word: str) -> tuple[str, ...]:
    """Regular inflections of a verb: base, 3rd person, past, -ing."""
    if word.endswith("ee"):
        return word, word + "s", word + "d", word + "ing"
    if word.endswith("e"):
        return word, word + "s", word + "d", word[:-1] + "ing"
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return word, word[:-1] + "ies", word[:-1] + "ied", word + "ing"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word, word + "es", word + "ed", word + "ing"
    return word, word + "s", word + "ed", word + "ing"


def _plural(word: str) -> str:
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(m.group() for m in WORD_RE.finditer(phrase))


def _expand(term: str) -> list[str]:
    """``"{has|have} the potential to"`` → the phrases it stands for."""
    parts = _ALTERNATION.split(term)
    choices = [[p] if i % 2 == 0 else p.split("|") for i, p in enumerate(parts)]
    return [" ".join("".join(c).split()) for c in itertools.product(*choices)]


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry.

    Attributes:
        term: the word or phrase as written (lower case; ``{a|b}`` alternatives allowed).
        kind: ``"hedge"``, ``"booster"`` or ``"exclusion"``.
        category: one of :data:`CATEGORIES` (``"-"`` for exclusions).
        source: source codes (:data:`SOURCES`).
        forms: ``"verb"``/``"noun"`` inflection keywords and extra literal forms.
        unless_next: next words that void a match (``"$"`` end of sentence, ``"#"`` a number).
        unless_prev: previous words that void a match (``"^"`` start of sentence).
    """

    term: str
    kind: str
    category: str
    source: tuple[str, ...] = ("U",)
    forms: tuple[str, ...] = ()
    unless_next: frozenset[str] = frozenset()
    unless_prev: frozenset[str] = frozenset()

    def phrases(self) -> tuple[tuple[str, ...], ...]:
        """Every word sequence the entry matches, inflections included, in a stable order."""
        out: dict[tuple[str, ...], None] = {}
        for phrase in _expand(self.term):
            words = _words(phrase)
            out[words] = None
            if "verb" in self.forms:
                for form in _verb_forms(words[0]):
                    out[(form, *words[1:])] = None
            if "noun" in self.forms:
                out[(*words[:-1], _plural(words[-1]))] = None
        for extra in self.forms:
            if extra not in ("verb", "noun"):
                out[_words(extra)] = None
        return tuple(out)


def _check_entry(entry: Entry) -> None:
    """Raise :class:`LexiconError` (without location) if ``entry`` is malformed."""
    if entry.kind not in KINDS:
        raise LexiconError(f"unknown kind {entry.kind!r} (use {', '.join(KINDS)})")
    term = entry.term
    if not term.strip():
        raise LexiconError("empty term")
    if term != term.lower():
        raise LexiconError(f"term {term!r} must be lower case (matching ignores case)")
    if term.count("{") != term.count("}") or any(
        not alt.strip() for group in _ALTERNATION.findall(term) for alt in group.split("|")
    ):
        raise LexiconError(f"term {term!r} has an unbalanced or empty {{a|b}} alternative")
    for phrase in [*_expand(term), *(f for f in entry.forms if f not in ("verb", "noun"))]:
        words = _words(phrase)
        if not words or " ".join(words) != phrase:
            raise LexiconError(
                f"term {phrase!r} does not match the text layer's words; write words separated "
                "by single spaces (apostrophes and hyphens inside a word are fine)"
            )
    if entry.kind == "exclusion":
        if entry.category != "-":
            raise LexiconError(f"an exclusion has no category (write '-'), not {entry.category!r}")
    elif entry.category not in CATEGORIES:
        raise LexiconError(f"unknown category {entry.category!r} (use {', '.join(CATEGORIES)})")
    bad = [s for s in entry.source if s not in SOURCES]
    if bad:
        raise LexiconError(f"unknown source {bad[0]!r} (use {', '.join(SOURCES)})")
    for ctx in (entry.unless_next, entry.unless_prev):
        for w in ctx:
            if w not in _MARKERS and (not w or _words(w) != (w,) or w != w.lower()):
                raise LexiconError(f"context word {w!r} must be one lower-case word, '$', '^' or '#'")


def _split_list(value: str) -> tuple[str, ...]:
    value = value.strip()
    if value in ("", "-"):
        return ()
    return tuple(v.strip() for v in value.split(",") if v.strip())


def parse_tsv(text: str, kind: str, name: str = "<text>") -> tuple[Entry, ...]:
    """Parse one lexicon file's text into entries; :class:`LexiconError` names file and line."""
    entries: list[Entry] = []
    header: tuple[str, ...] | None = None
    seen: dict[str, int] = {}
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = tuple(c.lower() for c in cells)
            unknown = [c for c in header if c not in _COLUMNS]
            if header[:2] != ("term", "category") or unknown:
                raise LexiconError(
                    f"{name}: line {lineno}: the header must be tab-separated column names starting "
                    f"with 'term' and 'category' (known columns: {', '.join(_COLUMNS)}); got {line!r}"
                )
            continue
        if len(cells) > len(header):
            raise LexiconError(
                f"{name}: line {lineno}: {len(cells)} tab-separated fields, the header has {len(header)}"
            )
        row = dict(zip(header, cells + ["-"] * (len(header) - len(cells)), strict=True))
        term = " ".join(row["term"].split())
        try:
            entry = Entry(
                term=term,
                kind=kind,
                category=row["category"],
                source=_split_list(row.get("source", "-")) or ("U",),
                forms=_split_list(row.get("forms", "-")),
                unless_next=frozenset(_split_list(row.get("unless_next", "-"))),
                unless_prev=frozenset(_split_list(row.get("unless_prev", "-"))),
            )
            _check_entry(entry)
        except LexiconError as exc:
            raise LexiconError(f"{name}: line {lineno}: {exc}") from None
        if term in seen:
            raise LexiconError(f"{name}: line {lineno}: {term!r} is already listed on line {seen[term]}")
        seen[term] = lineno
        entries.append(entry)
    if header is None:
        raise LexiconError(f"{name}: no header line and no entries")
    return tuple(entries)


#: A word trie: each node maps the next word to its child; key ``""`` holds the entry ending there.
Trie = dict[str, "Trie | Entry"]
END = ""


def _build_index(entries: tuple[Entry, ...]) -> Trie:
    """The match trie over every entry's word sequences; raises on a phrase listed twice."""
    owner: dict[tuple[str, ...], Entry] = {}
    for entry in entries:
        for words in entry.phrases():
            other = owner.get(words)
            if other is not None and other is not entry:
                raise LexiconError(
                    f"{' '.join(words)!r} is matched by two entries: {other.term!r} ({other.kind}) "
                    f"and {entry.term!r} ({entry.kind}); keep one"
                )
            owner[words] = entry
    trie: Trie = {}
    for words, entry in owner.items():
        node = trie
        for w in words:
            node = node.setdefault(w, {})  # type: ignore[assignment]
        node[END] = entry
    return trie


@dataclass(frozen=True)
class Lexicon:
    """Hedges, boosters and exclusions, with the match index built once at construction.

    Attributes:
        entries: every entry, in file order (hedges, boosters, exclusions).
        name: where it came from (``"default"``, a folder, ``"… + session edits"``).
        index: the word trie matching uses (built from ``entries``; not part of equality).
    """

    entries: tuple[Entry, ...]
    name: str = "default"
    index: Trie = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", _build_index(self.entries))

    def __len__(self) -> int:
        return len(self.entries)

    def terms(self, kind: str | None = None) -> tuple[Entry, ...]:
        """Entries of one kind (all when ``kind`` is None)."""
        return tuple(e for e in self.entries if kind is None or e.kind == kind)

    def get(self, term: str) -> Entry | None:
        """The entry written as ``term`` (case and spacing ignored), or None."""
        key = " ".join(term.lower().split())
        return next((e for e in self.entries if e.term == key), None)

    def with_terms(
        self,
        add: Iterable[Entry | tuple[str, str, str]] = (),
        remove: Iterable[str] = (),
    ) -> Lexicon:
        """A new lexicon with terms added (or re-categorised) and removed, e.g. for a UI session.

        Args:
            add: entries, or ``(term, kind, category)`` tuples; a tuple whose category is
                ``epistemic_verb`` also matches the verb's regular inflections. Adding a term
                that exists replaces it.
            remove: terms as written in the lexicon (case and spacing ignored).

        Raises:
            LexiconError: a malformed entry, a term to remove that is not there, or a phrase
                that two entries would match.
        """
        removed = {" ".join(t.lower().split()) for t in remove}
        missing = sorted(removed - {e.term for e in self.entries})
        if missing:
            raise LexiconError(f"cannot remove {missing[0]!r}: it is not in the lexicon")
        new: list[Entry] = []
        for item in add:
            if isinstance(item, tuple):
                term, kind, category = item
                term = " ".join(term.lower().split())
                forms = ("verb",) if category == "epistemic_verb" and " " not in term else ()
                item = Entry(term, kind, category if kind != "exclusion" else "-", ("U",), forms)
            _check_entry(item)
            new.append(item)
        replaced = removed | {e.term for e in new}
        kept = [e for e in self.entries if e.term not in replaced]
        edited = self.name if self.name.endswith(" + session edits") else f"{self.name} + session edits"
        return Lexicon(tuple(kept + new), edited)


def _resolve(path: Path | str | None) -> Path:
    folder = DEFAULT_DIR if path is None else Path(path)
    if not folder.exists():
        raise LexiconError(f"{folder}: no such lexicon folder")
    if not folder.is_dir():
        raise LexiconError(f"{folder}: expected a folder holding {FILES['hedge']} and {FILES['booster']}")
    for kind in ("hedge", "booster"):
        if not (folder / FILES[kind]).is_file():
            raise LexiconError(f"{folder}: {FILES[kind]} is missing")
    return folder.resolve()


def _stamp(folder: Path) -> tuple[int, ...]:
    return tuple((folder / f).stat().st_mtime_ns if (folder / f).exists() else 0 for f in FILES.values())


@lru_cache(maxsize=8)
def _load(folder: Path, stamp: tuple[int, ...], name: str) -> Lexicon:
    entries: list[Entry] = []
    for kind, filename in FILES.items():
        path = folder / filename
        if not path.exists():
            continue
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise LexiconError(f"{path}: not UTF-8 text") from None
        except OSError as exc:
            raise LexiconError(f"{path}: cannot read: {exc.strerror or exc}") from None
        entries.extend(parse_tsv(text, kind, str(path)))
    by_term: dict[str, Entry] = {}
    for e in entries:
        if e.kind != "exclusion" and e.term in by_term:
            raise LexiconError(f"{folder}: {e.term!r} is listed both as a hedge and as a booster")
        by_term.setdefault(e.term, e)
    try:
        return Lexicon(tuple(entries), name)
    except LexiconError as exc:
        raise LexiconError(f"{folder}: {exc}") from None


def load_lexicon(path: Path | str | None = None) -> Lexicon:
    """Load and validate a lexicon folder (the default one in ``data/lexicons/`` when None).

    Cached per folder and file modification time, so repeated calls are free and an edited
    file is re-read.

    Raises:
        LexiconError: a missing folder or file, or an invalid line (the message names it).
    """
    folder = _resolve(path)
    name = "default" if folder == DEFAULT_DIR.resolve() else str(folder)
    return _load(folder, _stamp(folder), name)
