"""One entry point: an article in, every analysis family's typed result out.

Each family is a module with ``analyse(doc, ctx) -> Result`` where ``Result`` has
``to_dict()`` (its object in the CLI record) and ``flat()`` (its family-prefixed
columns in the corpus table). Families run in :data:`FAMILIES` order and see earlier
results in ``ctx.results`` (hedging reads the quote spans, for instance).

Analysis of one article is a pure function of its text and :class:`Settings`, so a
corpus is analysed in parallel (``jobs``) and cached by callers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Protocol

import pandas as pd

from . import hedging, quotes, readability, themes
from .corpus import Article
from .text import Doc, tokenise

__all__ = [
    "FAMILIES",
    "ArticleAnalysis",
    "Context",
    "Settings",
    "analyse_article",
    "analyse_corpus",
    "corpus_frame",
    "text_warnings",
]


class Result(Protocol):
    def to_dict(self) -> dict[str, Any]: ...

    def flat(self) -> dict[str, Any]: ...


@dataclass(frozen=True)
class Settings:
    """What an analysis depends on besides the text. Hashable, so it can key caches.

    ``options`` holds family settings as ``(family, value)`` pairs, e.g. the lexicon or
    theme set a user chose; each family reads its own with :meth:`get`.
    """

    options: tuple[tuple[str, Any], ...] = ()

    def get(self, family: str, default: Any = None) -> Any:
        for name, value in self.options:
            if name == family:
                return value
        return default

    def with_option(self, family: str, value: Any) -> Settings:
        rest = tuple(o for o in self.options if o[0] != family)
        return Settings((*rest, (family, value)))


@dataclass
class Context:
    """What a family sees: the settings and the results of the families before it."""

    settings: Settings
    results: dict[str, Any] = field(default_factory=dict)


def _readability(doc: Doc, ctx: Context) -> readability.ReadabilityResult:
    return readability.analyse(doc)


def _quotes(doc: Doc, ctx: Context) -> quotes.QuotesResult:
    return quotes.analyse(doc)


def _hedging(doc: Doc, ctx: Context) -> hedging.HedgingResult:
    # The quotes family runs first and exposes direct_spans: (start, end, speaker).
    quotes_result = ctx.results.get("quotes")
    spans = getattr(quotes_result, "direct_spans", None) if quotes_result is not None else None
    return hedging.analyse(doc, ctx.settings.get("hedging"), quote_spans=spans)


def _themes(doc: Doc, ctx: Context) -> themes.ThemesResult:
    semantic = bool(ctx.settings.get("themes_semantic", True))
    return themes.analyse(doc, ctx.settings.get("themes"), semantic=semantic)


#: (name, function) in run order. A family is added here with one line.
FAMILIES: list[tuple[str, Callable[[Doc, Context], Result]]] = [
    ("readability", _readability),
    ("quotes", _quotes),
    ("hedging", _hedging),
    ("themes", _themes),
]


@dataclass(frozen=True)
class ArticleAnalysis:
    """Every family's result for one article."""

    article: Article
    doc: Doc
    results: dict[str, Any]
    warnings: tuple[str, ...] = ()

    def __getitem__(self, family: str) -> Any:
        return self.results[family]

    def to_record(self) -> dict[str, Any]:
        """The CLI's JSON record (documented in README, "CLI record")."""
        rec: dict[str, Any] = self.article.meta()
        rec["words"] = self.doc.n_words
        rec["sentences"] = sum(1 for s in self.doc.sentences if s.n_words)
        rec["paragraphs"] = len(self.doc.paragraphs)
        rec["warnings"] = list(self.warnings)
        for name, result in self.results.items():
            rec[name] = result.to_dict()
        return rec

    def flat(self) -> dict[str, Any]:
        """One row of the corpus table (CSV form of the record)."""
        row: dict[str, Any] = {k: v for k, v in self.article.meta().items() if k != "tags"}
        row["tags"] = ", ".join(self.article.tags)
        row["words"] = self.doc.n_words
        row["sentences"] = sum(1 for s in self.doc.sentences if s.n_words)
        row["paragraphs"] = len(self.doc.paragraphs)
        row["warnings"] = " | ".join(self.warnings)
        for result in self.results.values():
            row.update(result.flat())
        return row


_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a in is that for it as was with be by on not he this are or his from at "
    "which but have an they you were their has its one had we been will would there more".split()
)


def _warnings(doc: Doc, results: dict[str, Any]) -> tuple[str, ...]:
    out = list(text_warnings(doc))
    rd = results.get("readability")
    if rd is not None:
        out.extend(rd.caveats)
    return tuple(out)


def text_warnings(doc: Doc) -> tuple[str, ...]:
    """Caveats about the text itself (not English, no full sentences), before any family runs."""
    out: list[str] = []
    n = doc.n_words
    if n and n >= 20:
        share = sum(1 for t in doc.tokens if t.lower in _ENGLISH_FUNCTION_WORDS) / n
        if share < 0.08:
            out.append(
                f"The text does not look like English ({share:.0%} common English words): "
                "readability formulas and the English lexicons may not apply."
            )
    if n and not any(s.n_words >= 3 for s in doc.sentences):
        out.append("The text has no full sentences; scores are not meaningful.")
    return tuple(out)


def analyse_article(article: Article, settings: Settings | None = None) -> ArticleAnalysis:
    """Run every family on one article."""
    doc = tokenise(article.text)
    ctx = Context(settings or Settings())
    for name, fn in FAMILIES:
        ctx.results[name] = fn(doc, ctx)
    return ArticleAnalysis(article, doc, dict(ctx.results), _warnings(doc, ctx.results))


def _analyse_one(args: tuple[Article, Settings | None]) -> ArticleAnalysis:
    return analyse_article(*args)


def analyse_corpus(
    articles: Sequence[Article], settings: Settings | None = None, jobs: int = 1
) -> list[ArticleAnalysis]:
    """Analyse articles in order; ``jobs > 1`` uses that many processes."""
    if jobs <= 1 or len(articles) < 2 * jobs:
        return [analyse_article(a, settings) for a in articles]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(_analyse_one, [(a, settings) for a in articles], chunksize=16))


def corpus_frame(analyses: Sequence[ArticleAnalysis]) -> pd.DataFrame:
    """The corpus table: one row per article, columns documented in README's glossary."""
    return pd.DataFrame([a.flat() for a in analyses])
