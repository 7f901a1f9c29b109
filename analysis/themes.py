"""Theme coverage: which themes an article covers, how much, and where.

Themes are data (``data/themes.toml``, format in README, "Theme file format"): each has
an id, a label, a description and a list of terms. :func:`load_themes` reads a file and
:func:`parse_themes` a string (an uploaded or edited file) into a :class:`ThemeSet`:
frozen, hashable and picklable, so it can be a :class:`~analysis.pipeline.Settings`
option (``("themes", theme_set)``).

Matching runs on the text layer's tokens (``doc.tokens``); nothing is re-tokenised.
Every form a term can match (inflections, British/American spellings) is generated
once when a theme set is first used, so matching an article is two dictionary look-ups
per word plus a check of the few terms that start there.

* A lower-case term word matches any capitalisation; a word with a capital matches
  only that capitalisation (``US`` is not ``us``).
* A phrase matches its words in order; a one-word term also matches a part of a
  hyphenated word (``Putin`` in "Kim-Putin").
* Overlapping matches of one theme's terms count once, for the longest (then the
  leftmost) match. Different themes count independently.

Undefined values: an article with no words has ``0.0`` shares and rates (nothing is
covered). ``first_position`` is NaN when the theme does not occur (there is no
position; 0.0 would claim "at the very start"); the CLI's JSON writes it as ``null``.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from .text import WORD_RE, Doc

__all__ = [
    "DEFAULT_SEGMENTS",
    "DEFAULT_THEMES_PATH",
    "Theme",
    "ThemeFileError",
    "ThemeHit",
    "ThemeScore",
    "ThemeSet",
    "ThemesResult",
    "analyse",
    "load_themes",
    "not_covered",
    "parse_themes",
    "segment_frame",
    "term_forms",
    "theme_frame",
    "word_forms",
]

DEFAULT_THEMES_PATH = Path(__file__).resolve().parent.parent / "data" / "themes.toml"
DEFAULT_SEGMENTS = 10
#: Hits the keyword top theme needs, and twice the runner-up's, to name the article's top theme
#: without the semantic layer (measured on tests/data/mixed_news_stories.toml: bench/themes_accuracy.py).
DECISIVE_HITS = 3
MAX_THEME_FILE_BYTES = 1_000_000
_TOO_LARGE = f"too large for a theme file (over {MAX_THEME_FILE_BYTES:,} bytes)"

_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_THEME_KEYS = ("label", "description", "terms")
_TOP_KEYS = ("name", "description", "themes")


# --------------------------------------------------------------------------- theme sets


@dataclass(frozen=True, slots=True)
class Theme:
    """One theme: ``terms`` as written in the file (their forms are generated at match time)."""

    id: str
    label: str
    description: str
    terms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ThemeSet:
    """The themes an analysis looks for, in file order. Immutable, hashable, picklable."""

    themes: tuple[Theme, ...]
    name: str = ""
    description: str = ""
    source: str = ""

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.themes)

    def labels(self) -> dict[str, str]:
        """Theme id → label, in file order."""
        return {t.id: t.label for t in self.themes}

    def __getitem__(self, theme_id: str) -> Theme:
        for t in self.themes:
            if t.id == theme_id:
                return t
        raise KeyError(f"no theme {theme_id!r}; the themes are: {', '.join(self.ids)}")

    def __len__(self) -> int:
        return len(self.themes)


class ThemeFileError(ValueError):
    """A theme file that cannot be used; the message names the file and line."""

    def __init__(self, source: str, line: int | None, message: str) -> None:
        self.source = source
        self.line = line
        where = f"{source}, line {line}" if line else source
        super().__init__(f"{where}: {message}")


_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]*?)\s*\]")


def _header_parts(line: str) -> list[str] | None:
    m = _HEADER.match(line)
    return [p.strip().strip("\"'") for p in m.group(1).split(".")] if m else None


def _key_re(key: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*[=.]")


def _top_line(lines: Sequence[str], key: str) -> int | None:
    """1-based line where top-level ``key`` is set: ``key = …`` or a ``[key…]`` header."""
    key_re, in_table = _key_re(key), False
    for i, line in enumerate(lines, 1):
        parts = _header_parts(line)
        if parts is not None:
            in_table = True
            if parts[0] == key:
                return i
        elif not in_table and key_re.match(line):
            return i
    return None


def _theme_line(lines: Sequence[str], theme_id: str) -> int | None:
    """1-based line of ``[themes.<id>]`` (or of ``<id> = {…}`` under ``[themes]``)."""
    for i, line in enumerate(lines, 1):
        if _header_parts(line) == ["themes", theme_id]:
            return i
    id_re = _key_re(theme_id)
    for i, line in enumerate(lines, 1):
        if id_re.match(line) or _key_re(f"themes.{theme_id}").match(line):
            return i
    return _top_line(lines, "themes")


def _key_line(lines: Sequence[str], theme_id: str, key: str) -> int | None:
    """1-based line of ``key = …`` in a theme's table; the theme's line when not found."""
    start = _theme_line(lines, theme_id)
    if start is None:
        return None
    key_re = _key_re(key)
    if _header_parts(lines[start - 1]) is None:
        return start  # an inline table: everything is on its line
    for i in range(start, len(lines)):
        if _header_parts(lines[i]) is not None:
            break
        if key_re.match(lines[i]):
            return i + 1
    return start


def _value_line(lines: Sequence[str], from_line: int | None, literal: str) -> int | None:
    """The first line at or after ``from_line`` that contains ``literal`` (for a bad list item)."""
    if from_line is None:
        return None
    for i in range(from_line - 1, len(lines)):
        if i >= from_line and _header_parts(lines[i]) is not None:
            break
        if literal in lines[i]:
            return i + 1
    return from_line


def _literal(value: Any) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def _type_name(value: Any) -> str:
    return {str: "a string", int: "a number", float: "a number", bool: "true/false", list: "a list",
            dict: "a table"}.get(type(value), type(value).__name__)


def _check_theme(theme_id: str, table: Any, lines: Sequence[str], source: str) -> Theme:
    def fail(message: str, key: str | None = None, line: int | None = None) -> ThemeFileError:
        if line is None:
            line = _key_line(lines, theme_id, key) if key else _theme_line(lines, theme_id)
        return ThemeFileError(source, line, f"theme {theme_id!r}: {message}")

    if not _ID_RE.match(theme_id):
        raise fail(
            "a theme id must start with a lower-case letter and use only lower-case letters, "
            "digits and _ (it becomes a column name such as themes_<id>_share)"
        )
    if not isinstance(table, dict):
        raise fail(f"must be a table ([themes.{theme_id}]), not {_type_name(table)}")
    unknown = sorted(set(table) - set(_THEME_KEYS))
    if unknown:
        raise fail(f"unknown key {unknown[0]!r}; a theme has: {', '.join(_THEME_KEYS)}", key=unknown[0])
    for key in ("label", "terms"):
        if key not in table:
            raise fail(f"missing required key {key!r}")
    label, description, terms = table["label"], table.get("description", ""), table["terms"]
    for key, value in (("label", label), ("description", description)):
        if not isinstance(value, str):
            raise fail(f"{key!r} must be a string, not {_type_name(value)}", key=key)
    if not label.strip():
        raise fail("'label' is empty", key="label")
    if not isinstance(terms, list):
        raise fail(f"'terms' must be a list of strings, not {_type_name(terms)}", key="terms")
    if not terms:
        raise fail("'terms' is empty: list at least one word or phrase", key="terms")
    terms_line = _key_line(lines, theme_id, "terms")
    clean: list[str] = []
    for n, term in enumerate(terms, 1):
        if not isinstance(term, str):
            line = _value_line(lines, terms_line, _literal(term))
            raise fail(f"term {n} must be a string in quotes, not {_type_name(term)}", line=line)
        if not WORD_RE.search(term):
            line = _value_line(lines, terms_line, _literal(term))
            raise fail(f"term {n} ({term!r}) has no word in it", line=line)
        term = " ".join(term.split())
        if term not in clean:
            clean.append(term)
    return Theme(theme_id, label.strip(), description.strip(), tuple(clean))


def _parse(text: str, source: str) -> ThemeSet:
    if len(text.encode("utf-8", "replace")) > MAX_THEME_FILE_BYTES:
        raise ThemeFileError(source, None, _TOO_LARGE)
    if "\x00" in text:
        raise ThemeFileError(source, None, "not a text file (it contains binary data)")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = _TOML_POSITION.search(msg)
        line = int(m.group(1)) if m else None
        detail = _TOML_POSITION.sub("", msg).strip()
        if "end of document" in msg and line is None:
            line = text.count("\n") + 1
            detail = re.sub(r"\s*\(at end of document\)", "", detail)
        raise ThemeFileError(source, line, f"not valid TOML: {detail}") from None
    lines = text.splitlines()
    unknown = sorted(set(data) - set(_TOP_KEYS))
    if unknown:
        key = unknown[0]
        line = _top_line(lines, key)
        hint = " (themes are tables named [themes.<id>])" if key.startswith("theme") else ""
        raise ThemeFileError(
            source, line, f"unknown top-level key {key!r}{hint}; the file may have: {', '.join(_TOP_KEYS)}"
        )
    for key in ("name", "description"):
        if not isinstance(data.get(key, ""), str):
            raise ThemeFileError(source, _top_line(lines, key), f"{key!r} must be a string")
    table = data.get("themes")
    if not isinstance(table, dict) or not table:
        line = _top_line(lines, "themes")
        raise ThemeFileError(
            source, line, "no themes: add at least one table [themes.<id>] with a label and terms"
        )
    themes = tuple(_check_theme(tid, t, lines, source) for tid, t in table.items())
    return ThemeSet(themes, data.get("name", "").strip(), data.get("description", "").strip(), source)


@lru_cache(maxsize=64)
def parse_themes(text: str, source: str = "theme file") -> ThemeSet:
    """Parse and validate a theme file's text (e.g. an uploaded file).

    Args:
        text: the TOML text.
        source: how error messages name the file.

    Returns:
        The theme set.

    Raises:
        ThemeFileError: the text is not valid TOML or not a valid theme file; the
            message names the line.
    """
    return _parse(text, source)


@lru_cache(maxsize=16)
def _load_cached(path: str, _mtime_ns: int, _size: int) -> ThemeSet:
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ThemeFileError(path, None, f"not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    return parse_themes(text, path)


def load_themes(path: str | Path | None = None) -> ThemeSet:
    """Load and validate a theme file (default ``data/themes.toml``); cached until the file changes.

    Raises:
        ThemeFileError: the file is missing, unreadable or invalid; the message names the line.
    """
    p = Path(path) if path is not None else DEFAULT_THEMES_PATH
    try:
        st = p.stat()
    except OSError:
        raise ThemeFileError(str(p), None, "no such theme file") from None
    if p.is_dir():
        raise ThemeFileError(str(p), None, "is a folder, not a theme file")
    if st.st_size > MAX_THEME_FILE_BYTES:
        raise ThemeFileError(str(p), None, _TOO_LARGE)
    return _load_cached(str(p), st.st_mtime_ns, st.st_size)


# --------------------------------------------------------------------------- term forms

_VOWELS = frozenset("aeiou")
# Plurals whose singular is a different, common word: never singularised.
_NO_SINGULAR = frozenset(
    "news goods means arms remains thanks odds customs us its this his has was is as yes less plus "
    "thus series species".split()
)


def _is_cvc_monosyllable(w: str) -> bool:
    if len(w) < 3 or w[-1] in "wxy" or w[-1] in _VOWELS or w[-2] not in _VOWELS or w[-3] in _VOWELS:
        return False
    return len(re.findall(r"[aeiouy]+", w)) == 1


def _inflect(stem: str) -> set[str]:
    """The stem with plural/-s, -ed, -ing and possessive endings (junk forms are harmless)."""
    w = stem.lower()
    out = {stem, stem + "'s"}
    if w.endswith(("s", "x", "z", "ch", "sh")):
        out.add(stem + "es")
    elif len(w) > 2 and w.endswith("y") and w[-2] not in _VOWELS:
        out.add(stem[:-1] + "ies")
    else:
        out.add(stem + "s")
        if w.endswith("o"):
            out.add(stem + "es")
    if w.endswith("e"):
        out.update((stem + "d", stem[:-1] + "ing"))
        if w.endswith(("ee", "ye", "oe")):
            out.add(stem + "ing")
    elif len(w) > 2 and w.endswith("y") and w[-2] not in _VOWELS:
        out.update((stem[:-1] + "ied", stem + "ing"))
    elif _is_cvc_monosyllable(w):
        out.update((stem + stem[-1] + "ed", stem + stem[-1] + "ing"))
    else:
        out.update((stem + "ed", stem + "ing"))
        if len(w) > 4 and w[-1] not in "wxy" and w[-1] not in _VOWELS and w[-2] in _VOWELS \
                and w[-3] not in _VOWELS:
            out.update((stem + stem[-1] + "ed", stem + stem[-1] + "ing"))  # travelled, targetted
    return out


def _singulars(word: str) -> set[str]:
    w = word.lower()
    if len(w) < 4 or w in _NO_SINGULAR or not w.endswith("s") or w.endswith(("ss", "us", "is")):
        return set()
    out = {word[:-1]}
    if w.endswith("ies") and len(w) > 4:
        out.add(word[:-3] + "y")
    if w.endswith(("ches", "shes", "xes", "zes", "sses", "oes")):
        out.add(word[:-2])
    return out


_SPELLING = (
    ("isation", "ization"), ("ization", "isation"), ("ise", "ize"), ("ize", "ise"),
    ("yse", "yze"), ("yze", "yse"), ("programme", "program"), ("program", "programme"),
)


def _spellings(word: str) -> set[str]:
    """British/American spelling variants of a base word."""
    w = word.lower()
    out = {word}
    for a, b in _SPELLING:
        i = w.rfind(a)
        if i >= 0 and (a in ("isation", "ization") or i + len(a) == len(w)):
            out.add(word[:i] + b + word[i + len(a):])
    if len(w) > 4:
        if w.endswith("our"):
            out.add(word[:-2] + "r")
        elif w.endswith("or"):
            out.add(word[:-1] + "ur")
        if w.endswith("re") and w[-3] not in _VOWELS:
            out.add(word[:-2] + "er")
        elif w.endswith("er") and w[-3] not in _VOWELS:
            out.add(word[:-2] + "re")
        if w.endswith("ence"):
            out.add(word[:-3] + "nse")
        elif w.endswith("ense"):
            out.add(word[:-3] + "nce")
    return out


@lru_cache(maxsize=8192)
def word_forms(word: str) -> frozenset[str]:
    """Every form one term word matches: itself, spellings, singular and inflections.

    An all-capitals word (an acronym) only gains ``s`` and ``'s`` (ICBMs, NATO's);
    a word with a period or a digit, or that does not end in a letter (``U.S``,
    ``COVID-19``, ``G7``), matches only itself.
    """
    if not word[-1:].isalpha() or "." in word or any(c.isdigit() for c in word):
        return frozenset({word})
    if len(word) > 1 and word.isupper():
        return frozenset({word, word + "s", word + "'s"})
    bases: set[str] = set()
    for spelt in _spellings(word):
        bases.add(spelt)
        bases.update(_singulars(spelt))
    forms: set[str] = set()
    for base in bases:
        forms.update(_inflect(base))
    return frozenset(forms)


def _term_words(term: str) -> tuple[str, ...]:
    return tuple(m.group() for m in WORD_RE.finditer(term))


def term_forms(term: str) -> tuple[frozenset[str], ...]:
    """For each word of ``term``, the set of token forms it matches (lower-case words lower-cased)."""
    out = []
    for w in _term_words(term):
        cased = any(c.isupper() for c in w)
        out.append(word_forms(w if cased else w.lower()))
    return tuple(out)


# --------------------------------------------------------------------------- matching

# A compiled pattern: (theme index, term, forms of the words after the first).
_Pattern = tuple[int, str, tuple[frozenset[str], ...]]


@dataclass(frozen=True, slots=True)
class _Index:
    first: dict[str, tuple[_Pattern, ...]]  # form of a term's first word → patterns


@lru_cache(maxsize=32)
def _index(theme_set: ThemeSet) -> _Index:
    first: dict[str, list[_Pattern]] = {}
    for ti, theme in enumerate(theme_set.themes):
        for term in theme.terms:
            forms = term_forms(term)
            if not forms:
                continue
            pattern = (ti, term, forms[1:])
            for f in forms[0]:
                first.setdefault(f, []).append(pattern)
    return _Index({k: tuple(v) for k, v in first.items()})


@dataclass(frozen=True, slots=True)
class ThemeHit:
    """One matched term: ``doc.text[start:end]`` is the matched text; ``token`` its first token."""

    start: int
    end: int
    term: str
    token: int
    sentence: int
    paragraph: int


# Sub-words of a hyphenated or slashed token ("U.S.-Russia" → "U.S", "Russia").
_PARTS = re.compile(r"\w+(?:['.,&]\w+)*")


def _phrase_end(tokens: Sequence[Any], i: int, rest: tuple[frozenset[str], ...]) -> int:
    """Token index after a phrase whose first word matched tokens[i]; -1 if the rest does not match."""
    j = i + len(rest)
    if j >= len(tokens) or tokens[j].sentence != tokens[i].sentence:
        return -1
    for k, forms in enumerate(rest, i + 1):
        t = tokens[k]
        if t.lower not in forms and t.text not in forms:
            return -1
    return j + 1


def _candidates(doc: Doc, index: _Index) -> list[tuple[int, ThemeHit]]:
    """Every (theme index, hit) before overlaps are resolved."""
    tokens = doc.tokens
    first = index.first
    out: list[tuple[int, ThemeHit]] = []
    # only tokens that start a term (as written or lower-cased) or hold a compound's parts
    starts = [
        i
        for i, t in enumerate(tokens)
        if t.lower in first or t.text in first or "-" in t.text or "/" in t.text
    ]
    for i in starts:
        tok = tokens[i]
        pats = first.get(tok.lower, ())
        if tok.text != tok.lower:
            pats += first.get(tok.text, ())
        for ti, term, rest in pats:
            end = _phrase_end(tokens, i, rest) if rest else i + 1
            if end > 0:
                hit = ThemeHit(tok.start, tokens[end - 1].end, term, i, tok.sentence, tok.paragraph)
                out.append((ti, hit))
        if "-" in tok.text or "/" in tok.text:
            for m in _PARTS.finditer(tok.text):
                part = m.group()
                keys = (part,) if part.islower() else (part.lower(), part)
                for key in keys:
                    for ti, term, rest in first.get(key, ()):
                        if not rest:
                            s = tok.start + m.start()
                            out.append((ti, ThemeHit(s, s + len(part), term, i, tok.sentence, tok.paragraph)))
    return out


def _resolve(hits: list[ThemeHit]) -> list[ThemeHit]:
    """Keep non-overlapping hits, longest first (then leftmost); return them in text order."""
    kept: list[ThemeHit] = []
    for h in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        if all(h.end <= k.start or h.start >= k.end for k in kept):
            kept.append(h)
    kept.sort(key=lambda h: h.start)
    return kept


def match(doc: Doc, theme_set: ThemeSet) -> dict[str, tuple[ThemeHit, ...]]:
    """Theme id → its hits in text order, overlaps within a theme resolved."""
    per_theme: list[list[ThemeHit]] = [[] for _ in theme_set.themes]
    for ti, hit in _candidates(doc, _index(theme_set)):
        per_theme[ti].append(hit)
    return {t.id: tuple(_resolve(h)) for t, h in zip(theme_set.themes, per_theme, strict=True)}


# --------------------------------------------------------------------------- semantic layer

WORD_VECTORS_PATH = Path(__file__).resolve().parent.parent / "data" / "word_vectors.npz"
_SEM_STOP = frozenset(
    """the of and to a in is that for it as was with be by on not he this are or his from at which
    but have an they you were their has its one had we been will would there more said says also
    could may might can into about after over most other such some any being is do does did no
    yes two three year years mr ms mrs than then who what when where while her she him them our
    us i me my so if up out new just very""".split()
)
_SUFFIXES = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
             ("'s", ""), ("d", ""))


@dataclass(frozen=True, slots=True)
class SemanticEvidence:
    """A sentence that the semantic layer assigns to a theme, with its cosine similarity."""

    sentence: int
    start: int
    end: int
    similarity: float


@dataclass(frozen=True, slots=True)
class SemanticScore:
    """The semantic layer's view of one theme in one article.

    Attributes:
        similarity: cosine of the article's mean word vector with the theme's vector.
        sentence_share: share of sentences (with known words) whose nearest theme this is.
        evidence: up to three of those sentences, most similar first.
    """

    similarity: float
    sentence_share: float
    evidence: tuple[SemanticEvidence, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "similarity": self.similarity,
            "sentence_share": self.sentence_share,
            "evidence": [
                {"sentence": e.sentence, "start": e.start, "end": e.end, "similarity": e.similarity}
                for e in self.evidence
            ],
        }


@dataclass(frozen=True, slots=True)
class _Semantic:
    scores: dict[str, SemanticScore]
    top: str | None


class WordVectors:
    """Static word vectors (``data/word_vectors.npz``, built by scripts/build_word_vectors.py)."""

    def __init__(self, words: Sequence[str], matrix: Any) -> None:
        self.index = {w: i for i, w in enumerate(words)}
        self.matrix = matrix
        self._memo: dict[str, int] = {}

    def lookup(self, lower: str) -> int:
        """Row of a lower-case word (trying its regular stems); -1 if unknown or a stop word."""
        i = self._memo.get(lower)
        if i is not None:
            return i
        i = -1
        if lower not in _SEM_STOP:
            i = self.index.get(lower, -1)
            for suffix, repl in _SUFFIXES if i < 0 else ():
                if lower.endswith(suffix) and len(lower) - len(suffix) >= 3:
                    i = self.index.get(lower[: -len(suffix)] + repl, -1)
                    if i >= 0:
                        break
        if len(self._memo) < 500_000:
            self._memo[lower] = i
        return i

    def mean(self, words: Iterable[str]) -> Any:
        """Normalised mean vector of the known words (None if none is known)."""
        import numpy as np

        rows = [i for i in (self.lookup(w.lower()) for w in words) if i >= 0]
        if not rows:
            return None
        v = self.matrix[rows].mean(0)
        return v / np.linalg.norm(v)


@lru_cache(maxsize=1)
def load_word_vectors(path: str | None = None) -> WordVectors:
    """The word vectors, loaded once (numpy only; about 22 MB in memory)."""
    import numpy as np

    with np.load(path or WORD_VECTORS_PATH) as z:
        words = str(z["words"]).split("\n")
        matrix = z["vectors"].astype(np.float32) * z["scale"][:, None]
    return WordVectors(words, matrix)


@lru_cache(maxsize=32)
def _theme_matrix(theme_set: ThemeSet) -> Any:
    """One unit vector per theme: the mean of its terms' and its label/description's vectors."""
    import numpy as np

    wv = load_word_vectors()
    rows = []
    for t in theme_set.themes:
        parts = [wv.mean(_term_words(x)) for x in (*t.terms, f"{t.label} {t.description}")]
        parts = [p for p in parts if p is not None]
        v = np.mean(parts, 0) if parts else np.zeros(wv.matrix.shape[1], dtype=np.float32)
        n = np.linalg.norm(v)
        rows.append(v / n if n else v)
    return np.vstack(rows)


def semantic_scores(doc: Doc, theme_set: ThemeSet) -> _Semantic:
    """The semantic layer: each sentence's nearest theme by word-vector similarity.

    Each sentence's vector is the mean of its known content words' vectors; its nearest
    theme (highest cosine) gets its vote. ``top`` is the theme with most votes (ties:
    higher mean similarity).
    """
    import numpy as np

    wv = load_word_vectors()
    tm = _theme_matrix(theme_set)
    rows: list[int] = []
    starts: list[int] = []
    sent_ids: list[int] = []
    memo, lookup = wv._memo, wv.lookup
    # each token's row (-1: unknown); the memo answers most words without a call
    row_of = [r if (r := memo.get(t.lower)) is not None else lookup(t.lower) for t in doc.tokens]
    for si, s in enumerate(doc.sentences):
        found = [i for i in row_of[s.first : s.last] if i >= 0]
        if found:
            starts.append(len(rows))
            sent_ids.append(si)
            rows.extend(found)
    ids = theme_set.ids
    if not rows:
        empty = SemanticScore(0.0, 0.0, ())
        return _Semantic(dict.fromkeys(ids, empty), None)
    vecs = wv.matrix[rows]
    article = vecs.mean(0)
    article /= np.linalg.norm(article) or 1.0
    sent = np.add.reduceat(vecs, starts, axis=0)
    sent /= np.linalg.norm(sent, axis=1, keepdims=True)
    sims = sent @ tm.T
    nearest = sims.argmax(1)
    votes = np.bincount(nearest, minlength=len(ids))
    n = len(sent_ids)
    scores: dict[str, SemanticScore] = {}
    for ti, tid in enumerate(ids):
        mine = np.flatnonzero(nearest == ti)
        best = mine[np.argsort(-sims[mine, ti])][:3]
        evidence = tuple(
            SemanticEvidence(sent_ids[k], doc.sentences[sent_ids[k]].start, doc.sentences[sent_ids[k]].end,
                             round(float(sims[k, ti]), 4))
            for k in best
        )
        scores[tid] = SemanticScore(round(float(article @ tm[ti]), 4), float(votes[ti] / n), evidence)
    top = ids[int(np.argmax(votes + 0.01 * sims.mean(0)))]
    return _Semantic(scores, top)


# --------------------------------------------------------------------------- measures


@dataclass(frozen=True, slots=True)
class ThemeScore:
    """One theme in one article.

    Attributes:
        id: theme id.
        label: theme label.
        hit_count: matched terms (overlaps within the theme counted once).
        sentences: sentences with at least one hit.
        sentence_share: ``sentences`` / sentences with words (0.0 for no words).
        hits_per_1k: hits per 1,000 words (0.0 for no words).
        terms: term as written in the theme file → hits, most frequent first.
        first_position: word index of the first hit / words, in [0, 1); NaN if absent.
        segments: hits in each of N equal word segments of the article.
        dominant_paragraphs: paragraphs where this theme has the most hits.
        hits: the hits, in text order (the evidence).
        semantic: the semantic layer's scores (None unless it was asked for).
    """

    id: str
    label: str
    hit_count: int
    sentences: int
    sentence_share: float
    hits_per_1k: float
    terms: dict[str, int]
    first_position: float
    segments: tuple[int, ...]
    dominant_paragraphs: tuple[int, ...]
    hits: tuple[ThemeHit, ...]
    semantic: SemanticScore | None = None

    @property
    def covered(self) -> bool:
        return self.hit_count > 0

    def to_dict(self) -> dict[str, Any]:
        """The theme's object in the CLI record (NaN written as ``None``)."""
        d: dict[str, Any] = {
            "label": self.label,
            "sentence_share": self.sentence_share,
            "hits_per_1k": self.hits_per_1k,
            "hit_count": self.hit_count,
            "sentences": self.sentences,
            "terms": dict(self.terms),
            "first_position": None if math.isnan(self.first_position) else self.first_position,
            "segments": list(self.segments),
            "dominant_paragraphs": list(self.dominant_paragraphs),
            "hits": [{"start": h.start, "end": h.end, "term": h.term, "sentence": h.sentence}
                     for h in self.hits],
        }
        if self.semantic is not None:
            d["semantic"] = self.semantic.to_dict()
        return d


@dataclass(frozen=True, slots=True)
class ThemesResult:
    """Theme coverage of one article: ``themes`` maps theme id → :class:`ThemeScore`, in file order.

    ``semantic`` says whether the semantic layer ran; ``semantic_top`` is its top theme.
    """

    themes: dict[str, ThemeScore]
    words: int
    sentences: int
    n_segments: int
    paragraph_themes: tuple[str | None, ...]
    theme_set: str = ""
    semantic: bool = False
    semantic_top: str | None = None

    def __getitem__(self, theme_id: str) -> ThemeScore:
        return self.themes[theme_id]

    @property
    def keyword_top(self) -> str | None:
        """The theme with the most hits (ties: more sentences, earlier, file order); None if none."""
        ranked = self.ranking()
        return ranked[0] if ranked else None

    @property
    def top(self) -> str | None:
        """The article's main theme, as the UI names it (README, "Top theme").

        The keyword top theme when the keywords are decisive (at least
        :data:`DECISIVE_HITS` hits and at least twice the runner-up's), otherwise the
        semantic layer's top theme when it ran, otherwise the keyword top theme.
        """
        return self._top()[0]

    @property
    def top_source(self) -> str:
        """Where :attr:`top` came from: ``"keyword"``, ``"semantic"`` or ``""`` (no theme)."""
        return self._top()[1]

    def _top(self) -> tuple[str | None, str]:
        ranked = self.ranking()
        if ranked:
            first = self.themes[ranked[0]].hit_count
            second = self.themes[ranked[1]].hit_count if len(ranked) > 1 else 0
            if first >= DECISIVE_HITS and first >= 2 * second:
                return ranked[0], "keyword"
        if self.semantic and self.semantic_top:
            return self.semantic_top, "semantic"
        return (ranked[0], "keyword") if ranked else (None, "")

    def ranking(self) -> tuple[str, ...]:
        """Covered themes, most hits first (ties: more sentences, then earlier first position)."""
        covered = [s for s in self.themes.values() if s.hit_count]
        covered.sort(key=lambda s: (-s.hit_count, -s.sentences, s.first_position))
        return tuple(s.id for s in covered)

    def to_dict(self) -> dict[str, Any]:
        """The CLI record's ``themes`` object: theme id → measures (README, "Themes")."""
        return {tid: s.to_dict() for tid, s in self.themes.items()}

    def flat(self) -> dict[str, Any]:
        """Flat ``themes_*`` columns (README glossary: ``themes_<id>_share`` and friends)."""
        row: dict[str, Any] = {}
        for tid, s in self.themes.items():
            row[f"themes_{tid}_share"] = s.sentence_share
            row[f"themes_{tid}_per_1k"] = s.hits_per_1k
            row[f"themes_{tid}_hits"] = s.hit_count
            row[f"themes_{tid}_first_position"] = s.first_position
            if s.semantic is not None:
                row[f"themes_{tid}_semantic_share"] = s.semantic.sentence_share
                row[f"themes_{tid}_semantic_similarity"] = s.semantic.similarity
        row["themes_top"] = self.top or ""
        row["themes_top_source"] = self.top_source
        row["themes_keyword_top"] = self.keyword_top or ""
        row["themes_covered"] = sum(1 for s in self.themes.values() if s.hit_count)
        if self.semantic:
            row["themes_semantic_top"] = self.semantic_top or ""
        return row


def _dominant(doc: Doc, matched: Mapping[str, Sequence[ThemeHit]]) -> tuple[str | None, ...]:
    """Per paragraph, the theme with the most hits (ties: file order); None if no hits."""
    counts: list[dict[str, int]] = [{} for _ in doc.paragraphs]
    for tid, hits in matched.items():
        for h in hits:
            c = counts[h.paragraph]
            c[tid] = c.get(tid, 0) + 1
    order = {tid: i for i, tid in enumerate(matched)}
    return tuple(
        min(c, key=lambda t: (-c[t], order[t])) if c else None for c in counts
    )


def analyse(
    doc: Doc,
    theme_set: ThemeSet | None = None,
    segments: int = DEFAULT_SEGMENTS,
    semantic: bool = True,
) -> ThemesResult:
    """Theme coverage of a tokenised article.

    Args:
        doc: the article (:func:`analysis.text.tokenise`).
        theme_set: the themes; default :func:`load_themes` (``data/themes.toml``).
        segments: N, the number of equal word segments for ``segments``.
        semantic: also run the semantic layer (word vectors; README, "Themes"); it only
            names the top theme when the keywords are not decisive.

    Returns:
        The per-theme measures and the dominant theme of each paragraph.
    """
    if segments < 1:
        raise ValueError(f"segments must be at least 1, not {segments}")
    ts = theme_set if theme_set is not None else load_themes()
    matched = match(doc, ts)
    n_words = doc.n_words
    n_sent = sum(1 for s in doc.sentences if s.n_words)
    dominant = _dominant(doc, matched)
    sem = semantic_scores(doc, ts) if semantic else None
    scores: dict[str, ThemeScore] = {}
    for theme in ts.themes:
        hits = matched[theme.id]
        sentences = len({h.sentence for h in hits})
        terms: dict[str, int] = {}
        seg = [0] * segments
        for h in hits:
            terms[h.term] = terms.get(h.term, 0) + 1
            seg[min(segments - 1, h.token * segments // n_words)] += 1
        scores[theme.id] = ThemeScore(
            id=theme.id,
            label=theme.label,
            hit_count=len(hits),
            sentences=sentences,
            sentence_share=sentences / n_sent if n_sent else 0.0,
            hits_per_1k=1000 * len(hits) / n_words if n_words else 0.0,
            terms=dict(sorted(terms.items(), key=lambda kv: -kv[1])),
            first_position=hits[0].token / n_words if hits else math.nan,
            segments=tuple(seg),
            dominant_paragraphs=tuple(i for i, t in enumerate(dominant) if t == theme.id),
            hits=hits,
            semantic=sem.scores[theme.id] if sem else None,
        )
    return ThemesResult(
        scores, n_words, n_sent, segments, dominant, ts.name or ts.source, semantic, sem.top if sem else None
    )


# --------------------------------------------------------------------------- corpus level


def not_covered(results: Mapping[str, ThemesResult], min_hits: int = 1) -> dict[str, tuple[str, ...]]:
    """Per article, the themes other articles cover (``min_hits`` or more hits) and it never mentions.

    Args:
        results: article id → its themes result (all from the same theme set).
        min_hits: hits an other article needs for the theme to count as covered there.

    Returns:
        Article id → theme ids in theme-file order (empty when nothing is missing).
    """
    out: dict[str, tuple[str, ...]] = {}
    for aid, res in results.items():
        others = [r for a, r in results.items() if a != aid]
        out[aid] = tuple(
            tid for tid, s in res.themes.items()
            if s.hit_count == 0
            and any(o.themes[tid].hit_count >= min_hits for o in others if tid in o.themes)
        )
    return out


def theme_frame(results: Mapping[str, ThemesResult], value: str = "sentence_share") -> pd.DataFrame:
    """Theme × article table of one measure, for heatmaps.

    Args:
        results: article id → its themes result.
        value: ``sentence_share``, ``hits_per_1k``, ``hit_count``, ``sentences`` or
            ``first_position``.

    Returns:
        Rows are theme ids in file order, columns article ids; ``frame.attrs["labels"]``
        maps theme id → label.
    """
    allowed = ("sentence_share", "hits_per_1k", "hit_count", "sentences", "first_position")
    if value not in allowed:
        raise ValueError(f"unknown theme measure {value!r}; choose one of: {', '.join(allowed)}")
    ids: list[str] = []
    labels: dict[str, str] = {}
    for res in results.values():
        for tid, s in res.themes.items():
            if tid not in labels:
                ids.append(tid)
                labels[tid] = s.label
    data = {
        aid: [getattr(res.themes[t], value) if t in res.themes else math.nan for t in ids]
        for aid, res in results.items()
    }
    frame = pd.DataFrame(data, index=pd.Index(ids, name="theme"), dtype=float)
    frame.attrs["labels"] = labels
    return frame


def segment_frame(result: ThemesResult) -> pd.DataFrame:
    """Theme × segment hit counts of one article (a theme-by-position heatmap)."""
    n = result.n_segments
    cols = [f"{100 * i // n}–{100 * (i + 1) // n}%" for i in range(n)]
    return pd.DataFrame(
        [list(s.segments) for s in result.themes.values()],
        index=pd.Index(list(result.themes), name="theme"),
        columns=cols,
    )
