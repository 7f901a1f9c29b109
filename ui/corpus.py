"""The one corpus loader every page uses: :func:`load_corpus`.

Articles come from *sources*: the seed folder (``data/articles/`` or the folder named by
``COVERAGE_LENS_CORPUS``) and the corpus store users fill from the Library page; add a
source by appending its articles in :func:`corpus_articles`.

The analysis runs once per corpus content, settings and family list (``st.cache_data``
keyed on a fingerprint of all three), never per rerun; each caller gets its own copy of
the tables.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from dataclasses import dataclass, field, replace
from pathlib import Path

import streamlit as st

from analysis import pipeline
from analysis.corpus import SUPPORTED_SUFFIXES, Article, load_paths
from analysis.frames import CorpusFrames, build_frames
from analysis.pipeline import Settings, analyse_corpus

from .style import article_colours

__all__ = [
    "CORPUS_ENV",
    "DEFAULT_CORPUS",
    "Corpus",
    "corpus_articles",
    "current_settings",
    "fingerprint",
    "load_corpus",
]

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "data" / "articles"
#: Environment variable naming a folder of articles to use instead of ``data/articles``.
CORPUS_ENV = "COVERAGE_LENS_CORPUS"
#: Session-state key of the analysis :class:`~analysis.pipeline.Settings` (lexicon, theme set…).
SETTINGS_KEY = "analysis_settings"
#: Above this many articles the analysis runs in worker processes.
PARALLEL_FROM = 60


@dataclass(frozen=True)
class Corpus:
    """The analysed corpus: every table, load errors, and each article's colour (by id)."""

    frames: CorpusFrames
    errors: tuple[str, ...] = ()
    colours: dict[str, str] = field(default_factory=dict)
    sources: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return self.frames.articles.empty


def seed_folder() -> Path:
    """The folder of starter articles: ``$COVERAGE_LENS_CORPUS`` or ``data/articles``."""
    return Path(os.environ.get(CORPUS_ENV) or DEFAULT_CORPUS)


def _folder_stamp(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """(name, size, mtime) of every article file: changes when a file is added, edited or removed."""
    if not folder.is_dir():
        return ()
    return tuple(
        (str(p.relative_to(folder)), st_.st_size, st_.st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and (st_ := p.stat())
    )


@st.cache_data(show_spinner=False, max_entries=8)
def _read_folder(folder: str, stamp: tuple) -> tuple[tuple[Article, ...], tuple[str, ...]]:
    """Articles and load errors of a folder; ``stamp`` keys the cache on its files."""
    path = Path(folder)
    if not path.exists():
        return (), (f"{folder}: no such folder",)
    loaded = load_paths([path])
    return loaded.articles, tuple(str(e) for e in loaded.errors)


def _unique_ids(articles: tuple[Article, ...]) -> tuple[Article, ...]:
    """Articles with ids made unique across sources (``-2``, ``-3`` …), as the loader does in one folder."""
    seen: dict[str, int] = {}
    out = []
    for a in articles:
        n = seen.get(a.id, 0) + 1
        seen[a.id] = n
        out.append(a if n == 1 else replace(a, id=f"{a.id}-{n}"))
    return tuple(out)


def corpus_articles() -> tuple[tuple[Article, ...], tuple[str, ...], tuple[str, ...]]:
    """Every source's articles, their load errors, and the sources' names, in corpus order.

    Sources: the starter folder (:func:`seed_folder`), then the corpus store's articles
    (the Library page; README, "The corpus store"). A new source appends its articles here.
    """
    from .store import store_articles  # the store opens lazily: a broken store still leaves the seeds

    folder = seed_folder()
    seeds, seed_errors = _read_folder(str(folder), _folder_stamp(folder))
    stored, store_errors = store_articles()
    return _unique_ids(seeds + stored), seed_errors + store_errors, (str(folder), "corpus store")


def current_settings() -> Settings:
    """The analysis settings of this session (defaults until a page sets them)."""
    value = st.session_state.get(SETTINGS_KEY)
    return value if isinstance(value, Settings) else Settings()


def fingerprint(articles: tuple[Article, ...], settings: Settings, families: tuple[str, ...]) -> str:
    """A digest of everything the analysis depends on: article content, settings, families."""
    h = hashlib.sha256()
    h.update(json.dumps(families).encode())
    try:  # settings hold lexicons and theme sets: picklable, and pickling never shows an address
        h.update(pickle.dumps(settings))
    except (pickle.PicklingError, TypeError, AttributeError):
        h.update(repr(settings).encode())
    for a in articles:
        h.update(json.dumps(a.meta(), sort_keys=True, default=str).encode())
        h.update(a.text.encode())
        h.update(b"\x00")
    return h.hexdigest()


@st.cache_data(show_spinner="Analysing the corpus…", max_entries=8)
def _analyse(key: str, _articles: tuple[Article, ...], _settings: Settings) -> CorpusFrames:
    """The corpus tables; ``key`` (:func:`fingerprint`) is the cache key, the rest is not hashed."""
    jobs = min(4, os.cpu_count() or 1) if len(_articles) >= PARALLEL_FROM else 1
    return build_frames(analyse_corpus(_articles, _settings, jobs=jobs))


def load_corpus() -> Corpus:
    """Load and analyse the corpus (cached); the one loader every page calls."""
    articles, errors, sources = corpus_articles()
    settings = current_settings()
    # Name and implementation: the same family name from another function is another analysis.
    families = tuple(f"{name}={fn.__module__}.{fn.__qualname__}" for name, fn in pipeline.FAMILIES)
    frames = _analyse(fingerprint(articles, settings, families), articles, settings)
    return Corpus(frames, errors, article_colours(frames.ids), sources)
