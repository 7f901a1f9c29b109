"""The quote analysis's word lists: data files in ``data/lexicons/``, loaded once and validated.

Each file holds one entry a line (``#`` starts a comment) with optional tags after
``|``, e.g. ``spokesman | male``. Entries are matched case-insensitively against the
text layer's tokens, with a trailing dot ignored ("Dr." is the token "Dr").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["LEXICON_DIR", "LexiconError", "Lexicons", "load_lexicons"]

LEXICON_DIR = Path(__file__).resolve().parents[2] / "data" / "lexicons"

#: file name -> the tags its entries may carry.
_FILES: dict[str, frozenset[str]] = {
    "speech_verbs.txt": frozenset({"quote", "that", "object", "noun"}),
    "person_titles.txt": frozenset({"honorific", "male", "female"}),
    "role_nouns.txt": frozenset({"male", "female", "office"}),
    "anonymous_sources.txt": frozenset({"qualifier"}),
    "organisation_words.txt": frozenset(),
    "non_person_words.txt": frozenset({"event"}),
    "title_cues.txt": frozenset({"capitalised"}),
    "epithets.txt": frozenset(),
}


class LexiconError(ValueError):
    """A lexicon file is missing or malformed; the message names the file and line."""


Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Lexicons:
    """The parsed word lists (all lower case, dots stripped)."""

    #: first word -> ((remaining words, tags), ...), longest first.
    verbs: dict[str, tuple[tuple[Phrase, frozenset[str]], ...]]
    #: title phrase -> tags; ``title_first`` holds every title's first word.
    titles: dict[Phrase, frozenset[str]]
    title_first: frozenset[str]
    max_title_words: int
    #: role noun -> gender ("male", "female" or "").
    roles: dict[str, str]
    #: role nouns that are job titles ("Press Secretary" is a title, not a name).
    offices: frozenset[str]
    anonymous: frozenset[str]
    qualifiers: tuple[Phrase, ...]
    organisations: frozenset[str]
    organisation_phrases: frozenset[Phrase]
    #: acronyms written in capitals in the file: match capitalised tokens only ("UN").
    acronyms: frozenset[str]
    places: frozenset[str]
    #: words that can head a speaker phrase: roles (and their plurals), sources, organisations.
    heads: frozenset[str]
    #: phrases whose last word precedes a quoted title: last word -> phrases.
    title_cues: dict[str, tuple[Phrase, ...]]
    #: title cues whose titles start with a capital letter ("report", "film").
    capitalised_title_cues: frozenset[Phrase] = frozenset()
    #: event words among ``places`` ("bill", "summit"): a run's last word, never a leading modifier.
    events: frozenset[str] = frozenset()
    #: one-word epithets for a person just named ("the Spaniard"): refer back like "he".
    epithets: frozenset[str] = frozenset()


def _key(word: str) -> str:
    return word.strip().lower().rstrip(".")


def _read_raw(directory: Path, name: str) -> list[str]:
    """Entries of a plain list file as written (case kept)."""
    lines = (directory / name).read_text(encoding="utf-8").splitlines()
    return [line.split("#", 1)[0].split("|", 1)[0].strip() for line in lines if line.split("#", 1)[0].strip()]


def _read(directory: Path, name: str) -> list[tuple[Phrase, frozenset[str]]]:
    path = directory / name
    if not path.is_file():
        raise LexiconError(f"lexicon file missing: {path}")
    allowed = _FILES[name]
    out: list[tuple[Phrase, frozenset[str]]] = []
    seen: set[Phrase] = set()
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        entry, _, tag_text = line.partition("|")
        words = tuple(_key(w) for w in entry.split())
        if not words or not all(words):
            raise LexiconError(f"{path}:{lineno}: empty entry in {raw!r}")
        tags = frozenset(t.strip() for t in tag_text.split(",") if t.strip())
        unknown = tags - allowed
        if unknown:
            raise LexiconError(
                f"{path}:{lineno}: unknown tag(s) {sorted(unknown)} (allowed: {sorted(allowed) or 'none'})"
            )
        if words in seen:
            raise LexiconError(f"{path}:{lineno}: duplicate entry {' '.join(words)!r}")
        seen.add(words)
        out.append((words, tags))
    if not out:
        raise LexiconError(f"{path}: no entries")
    return out


@lru_cache(maxsize=4)
def load_lexicons(directory: str | None = None) -> Lexicons:
    """Read and validate the word lists (cached per directory).

    Raises:
        LexiconError: a file is missing, empty, or has a bad tag or duplicate entry.
    """
    base = Path(directory) if directory else LEXICON_DIR
    verbs: dict[str, list[tuple[Phrase, frozenset[str]]]] = {}
    for words, tags in _read(base, "speech_verbs.txt"):
        verbs.setdefault(words[0], []).append((words[1:], tags))
    titles = dict(_read(base, "person_titles.txt"))
    roles = {}
    offices: set[str] = set()
    for words, tags in _read(base, "role_nouns.txt"):
        if "office" in tags:
            offices.update(words)
        if len(words) != 1:
            raise LexiconError(f"{base / 'role_nouns.txt'}: {' '.join(words)!r} must be one word")
        roles[words[0]] = "male" if "male" in tags else "female" if "female" in tags else ""
    anonymous: set[str] = set()
    qualifiers: list[Phrase] = []
    for words, tags in _read(base, "anonymous_sources.txt"):
        if "qualifier" in tags:
            qualifiers.append(words)
        else:
            anonymous.update(words)
    orgs = _read(base, "organisation_words.txt")
    non_person = _read(base, "non_person_words.txt")
    cues = _read(base, "title_cues.txt")
    acronyms = frozenset(e for e in _read_raw(base, "organisation_words.txt") if e.isupper())
    return Lexicons(
        verbs={k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in verbs.items()},
        titles=titles,
        title_first=frozenset(t[0] for t in titles),
        max_title_words=max(len(t) for t in titles),
        roles=roles,
        offices=frozenset(offices),
        anonymous=frozenset(anonymous),
        qualifiers=tuple(sorted(qualifiers, key=len, reverse=True)),
        organisations=frozenset(w[0] for w, _ in orgs if len(w) == 1 and w[0].upper() not in acronyms),
        organisation_phrases=frozenset(w for w, _ in orgs if len(w) > 1),
        acronyms=acronyms,
        places=frozenset(w for words, _ in non_person for w in words),
        events=frozenset(w for words, tags in non_person if "event" in tags for w in words),
        title_cues=_by_last_word(w for w, _ in cues),
        capitalised_title_cues=frozenset(w for w, tags in cues if "capitalised" in tags),
        epithets=frozenset(w for words, _ in _read(base, "epithets.txt") for w in words),
        heads=frozenset(roles)
        | frozenset(r + "s" for r in roles)
        | frozenset(anonymous)
        | frozenset(w[0] for w, _ in orgs if len(w) == 1),
    )


def _by_last_word(phrases: Iterable[Phrase]) -> dict[str, tuple[Phrase, ...]]:
    out: dict[str, list[Phrase]] = {}
    for p in phrases:
        out.setdefault(p[-1], []).append(p)
    return {k: tuple(v) for k, v in out.items()}
