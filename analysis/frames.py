"""Tidy DataFrames of a corpus's analyses: the one adapter between results and the UI.

:func:`build_frames` reads every family's ``to_dict()`` (the CLI record's objects)
into long, tidy tables keyed by article ``id`` and its display ``article`` label, so
pages, figures and exports never reach into result objects. A family that is not in
the pipeline (or returned nothing) leaves its tables empty with their columns
present, and :meth:`CorpusFrames.has` says so; the UI then shows a message instead of
a chart.

Articles get a letter in corpus order (A, B, …, Z, AA, …) and a short label
``"A · How a Kim-Putin Summit…"`` used in every table, legend and sentence.

Undefined values: rates of an article with no words are 0.0 (as the families
report them); a theme's ``first_position`` is NaN when the theme does not occur.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Any

import pandas as pd

from .pipeline import ArticleAnalysis
from .readability import SCORE_NAMES

__all__ = [
    "ARTICLE_COLUMNS",
    "FAMILY_NAMES",
    "GRADE_SCORES",
    "SCORE_LABELS",
    "CorpusFrames",
    "article_letter",
    "build_frames",
    "headline",
    "hits_in_context",
    "kwic",
    "quotations",
    "short_title",
]

#: Families the dashboard knows how to show, in page order.
FAMILY_NAMES: tuple[str, ...] = ("readability", "hedging", "quotes", "themes")

#: Display names of the readability scores.
SCORE_LABELS: dict[str, str] = {
    "flesch_reading_ease": "Flesch Reading Ease",
    "flesch_kincaid_grade": "Flesch–Kincaid grade",
    "gunning_fog": "Gunning Fog",
    "smog_index": "SMOG",
    "coleman_liau_index": "Coleman–Liau",
    "automated_readability_index": "ARI",
    "dale_chall": "Dale–Chall",
    "text_standard": "Consensus grade",
}
#: Scores on the US school-grade scale (the others have their own scales).
GRADE_SCORES: tuple[str, ...] = (
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "text_standard",
)

ARTICLE_COLUMNS: tuple[str, ...] = (
    "id",
    "letter",
    "article",
    "title",
    "outlet",
    "published",
    "url",
    "author",
    "section",
    "source",
    "words",
    "sentences",
    "paragraphs",
    "warnings",
)

_COLUMNS: dict[str, tuple[str, ...]] = {
    "paragraphs": ("id", "article", "index", "start", "end", "kind", "words", "position"),
    "readability": ("id", "article", "score", "label", "value", "grade_scale"),
    "readability_paragraphs": (
        "id",
        "article",
        "index",
        "start",
        "end",
        "kind",
        "words",
        "sentences",
        "position",
        *(f"{name}" for name in SCORE_NAMES if name not in ("smog_index", "text_standard")),
    ),
    "sentence_lengths": ("id", "article", "index", "start", "end", "words"),
    "hedging": (
        "id",
        "article",
        "words",
        "hedges_per_1k",
        "boosters_per_1k",
        "hedge_count",
        "booster_count",
        "quote_split",
        "authorial_hedges_per_1k",
        "quoted_hedges_per_1k",
        "authorial_hedge_count",
        "quoted_hedge_count",
        "authorial_words",
        "quoted_words",
        "negated_count",
        "set_aside_count",
        "index",
    ),
    "hedge_hits": (
        "id",
        "article",
        "term",
        "kind",
        "category",
        "start",
        "end",
        "sentence",
        "in_quote",
        "speaker",
        "counted",
        "negated",
        "flag",
    ),
    "hedge_categories": ("id", "article", "kind", "category", "count", "per_1k"),
    "quotes": (
        "id",
        "article",
        "words",
        "quote_count",
        "quoted_words",
        "quoted_share",
        "speaker_count",
        "direct_named_count",
        "reported_count",
        "anonymous_count",
        "unattributed_count",
        "top_speaker",
        "top_speaker_words",
        "top_speaker_share",
        "note",
    ),
    "quotes_direct": (
        "id",
        "article",
        "speaker",
        "text",
        "start",
        "end",
        "words",
        "cue",
        "anonymous",
    ),
    "quotes_reported": ("id", "article", "speaker", "cue", "start", "end", "anonymous", "text"),
    "speakers": (
        "id",
        "article",
        "speaker",
        "quotes",
        "words",
        "role",
        "share_of_article",
        "reported",
        "anonymous",
    ),
    "themes": (
        "id",
        "article",
        "theme",
        "label",
        "sentence_share",
        "hits_per_1k",
        "hits",
        "first_position",
        "covered",
        "top",
        "top_source",
    ),
    "theme_terms": ("id", "article", "theme", "label", "term", "count"),
    "theme_segments": ("id", "article", "theme", "label", "segment", "value"),
    "theme_hits": ("id", "article", "theme", "label", "term", "start", "end"),
    "theme_evidence": (
        "id",
        "article",
        "theme",
        "label",
        "similarity",
        "semantic_share",
        "sentence",
        "text",
        "start",
        "end",
        "sentence_similarity",
    ),
}


def _empty(name: str) -> pd.DataFrame:
    return pd.DataFrame(columns=list(_COLUMNS[name]))


def _frame(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    if not rows:
        return _empty(name)
    df = pd.DataFrame(rows)
    for col in _COLUMNS[name]:
        if col not in df.columns:
            df[col] = None
    extra = [c for c in df.columns if c not in _COLUMNS[name]]
    return df[[*_COLUMNS[name], *extra]]


def article_letter(index: int) -> str:
    """Spreadsheet-style letter of the ``index``-th article: 0 → A, 25 → Z, 26 → AA."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def short_title(title: str, limit: int = 36) -> str:
    """``title`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,:;-–—")
    return (cut or title[: limit - 1]) + "…"


def _num(value: Any, default: float = 0.0) -> float:
    try:
        out = float(value)
    except (TypeError, ValueError):
        return default
    return out


def _per_1k(count: float, words: int) -> float:
    return 1000.0 * count / words if words else 0.0


@dataclass(frozen=True)
class CorpusFrames:
    """Every table the UI draws from. Build with :func:`build_frames`.

    ``families`` lists the analysis families present in the results; a table of a
    missing family is empty (with its columns). ``texts`` maps article id to the
    cleaned text every ``start``/``end`` offset indexes into.
    """

    families: tuple[str, ...]
    articles: pd.DataFrame
    texts: dict[str, str] = field(default_factory=dict)
    paragraphs: pd.DataFrame = field(default_factory=lambda: _empty("paragraphs"))
    readability: pd.DataFrame = field(default_factory=lambda: _empty("readability"))
    readability_paragraphs: pd.DataFrame = field(default_factory=lambda: _empty("readability_paragraphs"))
    sentence_lengths: pd.DataFrame = field(default_factory=lambda: _empty("sentence_lengths"))
    hedging: pd.DataFrame = field(default_factory=lambda: _empty("hedging"))
    hedge_hits: pd.DataFrame = field(default_factory=lambda: _empty("hedge_hits"))
    hedge_categories: pd.DataFrame = field(default_factory=lambda: _empty("hedge_categories"))
    quotes: pd.DataFrame = field(default_factory=lambda: _empty("quotes"))
    quotes_direct: pd.DataFrame = field(default_factory=lambda: _empty("quotes_direct"))
    quotes_reported: pd.DataFrame = field(default_factory=lambda: _empty("quotes_reported"))
    speakers: pd.DataFrame = field(default_factory=lambda: _empty("speakers"))
    themes: pd.DataFrame = field(default_factory=lambda: _empty("themes"))
    theme_terms: pd.DataFrame = field(default_factory=lambda: _empty("theme_terms"))
    theme_segments: pd.DataFrame = field(default_factory=lambda: _empty("theme_segments"))
    theme_hits: pd.DataFrame = field(default_factory=lambda: _empty("theme_hits"))
    theme_evidence: pd.DataFrame = field(default_factory=lambda: _empty("theme_evidence"))

    def has(self, family: str) -> bool:
        """Whether ``family``'s results are present."""
        return family in self.families

    @property
    def ids(self) -> list[str]:
        return list(self.articles["id"])

    def labels(self) -> dict[str, str]:
        """Article id → display label, in corpus order."""
        return dict(zip(self.articles["id"], self.articles["article"], strict=True))

    def titles(self) -> dict[str, str]:
        """Article id → "A · full title", for pickers that have room for the whole title."""
        arts = self.articles
        return {
            i: f"{letter} · {title or i}"
            for i, letter, title in zip(arts["id"], arts["letter"], arts["title"], strict=True)
        }

    def row(self, article_id: str) -> pd.Series:
        """The corpus-table row of one article (KeyError if unknown)."""
        rows = self.articles[self.articles["id"] == article_id]
        if rows.empty:
            raise KeyError(article_id)
        return rows.iloc[0]

    def select(self, ids: Iterable[str]) -> CorpusFrames:
        """The same tables restricted to ``ids`` (corpus order kept)."""
        keep = set(ids)
        changes: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, pd.DataFrame):
                changes[f.name] = value[value["id"].isin(keep)].reset_index(drop=True)
        changes["texts"] = {k: v for k, v in self.texts.items() if k in keep}
        return replace(self, **changes)


def _paragraph_rows(a: ArticleAnalysis, label: str) -> list[dict[str, Any]]:
    doc = a.doc
    total = doc.n_words or 1
    rows: list[dict[str, Any]] = []
    seen = 0
    for i, p in enumerate(doc.paragraphs):
        words = sum(doc.sentences[j].n_words for j in range(p.first_sentence, p.last_sentence))
        rows.append(
            {
                "id": a.article.id,
                "article": label,
                "index": i,
                "start": p.start,
                "end": p.end,
                "kind": p.kind,
                "words": words,
                "position": (seen + words / 2) / total,
            }
        )
        seen += words
    return rows


def _readability_rows(aid: str, label: str, d: Mapping[str, Any], out: dict[str, list]) -> None:
    for name in SCORE_NAMES:
        if name in d:
            out["readability"].append(
                {
                    "id": aid,
                    "article": label,
                    "score": name,
                    "label": SCORE_LABELS[name],
                    "value": _num(d[name]),
                    "grade_scale": name in GRADE_SCORES,
                }
            )
    paragraphs = list(d.get("paragraphs") or [])
    total = sum(int(p.get("words", 0)) for p in paragraphs) or 1
    seen = 0
    for p in paragraphs:
        words = int(p.get("words", 0))
        row = {
            "id": aid,
            "article": label,
            "index": p.get("index"),
            "start": p.get("start"),
            "end": p.get("end"),
            "kind": p.get("kind"),
            "words": words,
            "sentences": p.get("sentences"),
            "position": (seen + words / 2) / total,
        }
        row.update({k: _num(v) for k, v in (p.get("scores") or {}).items()})
        out["readability_paragraphs"].append(row)
        seen += words
    for i, s in enumerate(d.get("sentence_lengths") or []):
        out["sentence_lengths"].append(
            {
                "id": aid,
                "article": label,
                "index": i,
                "start": s.get("start"),
                "end": s.get("end"),
                "words": s.get("words"),
            }
        )


def _opt(value: Any) -> float:
    """A number that may be ``None`` (undefined) as float, NaN for ``None``."""
    return _num(value, math.nan) if value is not None else math.nan


def _hedging_rows(aid: str, label: str, words: int, d: Mapping[str, Any], out: dict[str, list]) -> None:
    """Hedging summary, hits and categories (README, "Hedging": record and units).

    Only ``counted`` hits enter counts; negated and set-aside hits stay in ``hedge_hits``
    with ``counted`` false. The author/quoted split is NaN when ``quote_split`` is false.
    """
    hits = list(d.get("hits") or [])
    counted = [h for h in hits if h.get("counted", True)]
    split = bool(d.get("quote_split", False))
    hedge_count = int(d.get("hedge_count", sum(1 for h in counted if h.get("kind") == "hedge")))
    booster_count = int(d.get("booster_count", sum(1 for h in counted if h.get("kind") == "booster")))
    quoted = d.get("quoted_hedge_count")
    out["hedging"].append(
        {
            "id": aid,
            "article": label,
            "words": words,
            "hedges_per_1k": _num(d.get("hedges_per_1k")),
            "boosters_per_1k": _num(d.get("boosters_per_1k")),
            "hedge_count": hedge_count,
            "booster_count": booster_count,
            "quote_split": split,
            "authorial_hedges_per_1k": _opt(d.get("authorial_hedges_per_1k")) if split else math.nan,
            "quoted_hedges_per_1k": _opt(d.get("quoted_hedges_per_1k")) if split else math.nan,
            "authorial_hedge_count": _opt(d.get("authorial_hedge_count")) if split else math.nan,
            "quoted_hedge_count": _opt(quoted) if split else math.nan,
            "authorial_words": _opt(d.get("authorial_words")) if split else math.nan,
            "quoted_words": _opt(d.get("quoted_words")) if split else math.nan,
            "negated_count": int(d.get("negated_count", 0)),
            "set_aside_count": int(d.get("set_aside_count", 0)),
            "index": _num(d.get("hedging_index", d.get("index")), math.nan),
        }
    )
    for h in hits:
        row = dict(h)
        row.update(
            id=aid, article=label, in_quote=bool(h.get("in_quote")), counted=bool(h.get("counted", True))
        )
        out["hedge_hits"].append(row)
    for kind, cats in (d.get("by_category") or {}).items():
        if not isinstance(cats, Mapping):  # a flat {category: count}: hedges only
            cats, kind = {kind: cats}, "hedge"
        for category, n in cats.items():
            out["hedge_categories"].append(
                {
                    "id": aid,
                    "article": label,
                    "kind": kind,
                    "category": category,
                    "count": int(n),
                    "per_1k": _per_1k(int(n), words),
                }
            )


UNKNOWN_SPEAKER = "UNKNOWN"


def _quotes_rows(
    aid: str, label: str, words: int, text: str, d: Mapping[str, Any], out: dict[str, list]
) -> None:
    """Quotations, reported speech and speakers (README, "Quotes").

    ``speaker_count`` counts named voices of direct quotations (not UNKNOWN, not unnamed
    sources); the sourcing counts are disjoint: ``direct_named_count`` (direct quotations
    not from an unnamed source), ``reported_count`` (reported statements of a named or
    role speaker) and ``anonymous_count`` (unnamed sources, quoted or reported).
    """
    direct = list(d.get("direct") or [])
    reported = list(d.get("reported") or [])
    speaker_rows = []
    for name, info in (d.get("speakers") or {}).items():
        info = info or {}
        w = int(info.get("words", 0))
        speaker_rows.append(
            {
                "id": aid,
                "article": label,
                "speaker": name,
                "quotes": int(info.get("quotes", 0)),
                "words": w,
                "role": info.get("role") or "",
                "share_of_article": w / words if words else 0.0,
                "reported": int(info.get("reported", 0)),
                "anonymous": bool(info.get("anonymous", False)),
            }
        )
    speaker_rows.sort(key=lambda r: (-r["words"], -r["quotes"], r["speaker"]))
    out["speakers"].extend(speaker_rows)
    named = [
        r for r in speaker_rows if r["quotes"] and r["speaker"] != UNKNOWN_SPEAKER and not r["anonymous"]
    ]
    top = named[0] if named else None
    anonymous_direct = sum(1 for q in direct if q.get("anonymous"))
    out["quotes"].append(
        {
            "id": aid,
            "article": label,
            "words": words,
            "quote_count": int(d.get("quote_count", len(direct))),
            "quoted_words": int(d.get("quoted_words", sum(int(q.get("words", 0)) for q in direct))),
            "quoted_share": _num(d.get("quoted_share")),
            "speaker_count": len(named),
            "direct_named_count": len(direct) - anonymous_direct,
            "reported_count": sum(1 for r in reported if not r.get("anonymous")),
            "anonymous_count": anonymous_direct + sum(1 for r in reported if r.get("anonymous")),
            "unattributed_count": sum(1 for q in direct if q.get("speaker") == UNKNOWN_SPEAKER),
            "top_speaker": top["speaker"] if top else "",
            "top_speaker_words": top["words"] if top else 0,
            "top_speaker_share": top["share_of_article"] if top else 0.0,
            "note": str(d.get("note") or ""),
        }
    )
    for q in direct:
        row = dict(q)
        row.update(id=aid, article=label, anonymous=bool(q.get("anonymous")))
        out["quotes_direct"].append(row)
    for r in reported:
        row = dict(r)
        start, end = r.get("start"), r.get("end")
        spanned = text[start:end] if isinstance(start, int) and isinstance(end, int) else ""
        row.update(id=aid, article=label, anonymous=bool(r.get("anonymous")), text=r.get("text") or spanned)
        out["quotes_reported"].append(row)


def _span(text: str, start: Any, end: Any) -> str:
    return text[start:end] if isinstance(start, int) and isinstance(end, int) else ""


def _theme_label(theme_id: str, info: Mapping[str, Any], labels: Mapping[str, str]) -> str:
    return str(info.get("label") or labels.get(theme_id) or theme_id.replace("_", " ").capitalize())


def _themes_rows(
    aid: str,
    label: str,
    d: Mapping[str, Any],
    labels: Mapping[str, str],
    out: dict[str, list],
    top: str | None = None,
    top_source: str = "",
    text: str = "",
) -> None:
    themes = d.get("themes") if isinstance(d.get("themes"), Mapping) else d
    for theme_id, info in themes.items():
        if not isinstance(info, Mapping):
            continue
        tlabel = _theme_label(theme_id, info, labels)
        terms = info.get("terms") or {}
        hits = list(info.get("hits") or [])
        n_hits = int(info.get("hit_count", sum(terms.values()) if terms else len(hits)))
        share = _num(info.get("sentence_share"))
        first = info.get("first_position")
        out["themes"].append(
            {
                "id": aid,
                "article": label,
                "theme": theme_id,
                "label": tlabel,
                "sentence_share": share,
                "hits_per_1k": _num(info.get("hits_per_1k")),
                "hits": n_hits,
                "first_position": _num(first, math.nan) if first is not None else math.nan,
                "covered": n_hits > 0 or share > 0,
                "top": theme_id == top,
                "top_source": top_source if theme_id == top else "",
            }
        )
        for term, count in terms.items():
            out["theme_terms"].append(
                {
                    "id": aid,
                    "article": label,
                    "theme": theme_id,
                    "label": tlabel,
                    "term": term,
                    "count": int(count),
                }
            )
        for i, value in enumerate(info.get("segments") or []):
            out["theme_segments"].append(
                {
                    "id": aid,
                    "article": label,
                    "theme": theme_id,
                    "label": tlabel,
                    "segment": i,
                    "value": _num(value),
                }
            )
        for h in hits:
            if isinstance(h, Mapping):
                start, end, term = h.get("start"), h.get("end"), h.get("term", "")
            else:  # (start, end) or (start, end, term)
                start, end, term = h[0], h[1], (h[2] if len(h) > 2 else "")
            out["theme_hits"].append(
                {
                    "id": aid,
                    "article": label,
                    "theme": theme_id,
                    "label": tlabel,
                    "term": term,
                    "start": start,
                    "end": end,
                }
            )
        semantic = info.get("semantic")
        if isinstance(semantic, Mapping):
            for e in semantic.get("evidence") or []:
                out["theme_evidence"].append(
                    {
                        "id": aid,
                        "article": label,
                        "theme": theme_id,
                        "label": tlabel,
                        "similarity": _num(semantic.get("similarity"), math.nan),
                        "semantic_share": _num(semantic.get("sentence_share"), math.nan),
                        "sentence": e.get("sentence"),
                        "text": _span(text, e.get("start"), e.get("end")),
                        "start": e.get("start"),
                        "end": e.get("end"),
                        "sentence_similarity": _num(e.get("similarity"), math.nan),
                    }
                )


def build_frames(
    analyses: Sequence[ArticleAnalysis], theme_labels: Mapping[str, str] | None = None
) -> CorpusFrames:
    """All tables for ``analyses`` (one entry point; see the module docstring)."""
    theme_labels = theme_labels or {}
    out: dict[str, list] = {name: [] for name in _COLUMNS}
    article_rows: list[dict[str, Any]] = []
    texts: dict[str, str] = {}
    present: set[str] = set()
    for i, a in enumerate(analyses):
        aid = a.article.id
        letter = article_letter(i)
        label = f"{letter} · {short_title(a.article.title or aid)}"
        row = a.flat()
        row.update(letter=letter, article=label)
        article_rows.append(row)
        texts[aid] = a.doc.text
        out["paragraphs"].extend(_paragraph_rows(a, label))
        words = a.doc.n_words
        for family, result in a.results.items():
            present.add(family)
            d = result.to_dict()
            if family == "readability":
                _readability_rows(aid, label, d, out)
            elif family == "hedging":
                _hedging_rows(aid, label, words, d, out)
            elif family == "quotes":
                _quotes_rows(aid, label, words, a.doc.text, d, out)
            elif family == "themes":
                _themes_rows(
                    aid,
                    label,
                    d,
                    theme_labels,
                    out,
                    top=row.get("themes_top") or None,
                    top_source=str(row.get("themes_top_source") or ""),
                    text=a.doc.text,
                )
    if article_rows:
        articles = pd.DataFrame(article_rows)
        ordered = [c for c in ARTICLE_COLUMNS if c in articles.columns]
        articles = articles[ordered + [c for c in articles.columns if c not in ordered]]
    else:
        articles = pd.DataFrame(columns=list(ARTICLE_COLUMNS))
    families = tuple(f for f in FAMILY_NAMES if f in present) + tuple(sorted(present - set(FAMILY_NAMES)))
    return CorpusFrames(
        families=families,
        articles=articles,
        texts=texts,
        **{name: _frame(name, rows) for name, rows in out.items()},
    )


def _top_themes(themes: pd.DataFrame) -> pd.Series:
    """Article id → label of its main theme: the family's ``top`` when given, else the widest share."""
    flagged = themes[themes["top"].fillna(False).astype(bool)]
    widest = themes[themes["sentence_share"] > 0].sort_values(
        "sentence_share", ascending=False, kind="stable"
    )
    best = pd.concat([x for x in (flagged, widest) if not x.empty] or [themes.iloc[0:0]]).drop_duplicates(
        "id"
    )
    return best.set_index("id")["label"]


def headline(frames: CorpusFrames) -> pd.DataFrame:
    """One row per article with the headline numbers of every family present.

    Columns: ``id``, ``article``, ``letter``, ``title``, ``outlet``, ``words``, then
    ``grade`` (consensus US grade) and ``sentence_length`` (readability),
    ``hedges_per_1k`` and ``boosters_per_1k`` (hedging), ``quoted_pct`` (% of words
    in direct quotations) and ``speakers`` (quotes), ``themes_covered`` and
    ``top_theme`` (themes: the family's main theme, README "Top theme"). A missing
    family's columns are absent.
    """
    arts = frames.articles
    out = arts[[c for c in ("id", "article", "letter", "title", "outlet", "words") if c in arts]].copy()
    if frames.has("readability"):
        grade = frames.readability[frames.readability["score"] == "text_standard"].set_index("id")["value"]
        out["grade"] = out["id"].map(grade).astype(float)
        if "readability_sentence_length_mean" in arts:
            out["sentence_length"] = arts["readability_sentence_length_mean"].astype(float).to_numpy()
    if frames.has("hedging"):
        h = frames.hedging.set_index("id")
        out["hedges_per_1k"] = out["id"].map(h["hedges_per_1k"]).astype(float)
        out["boosters_per_1k"] = out["id"].map(h["boosters_per_1k"]).astype(float)
    if frames.has("quotes"):
        q = frames.quotes.set_index("id")
        out["quoted_pct"] = 100 * out["id"].map(q["quoted_share"]).astype(float)
        out["speakers"] = out["id"].map(q["speaker_count"]).fillna(0).astype(int)
    if frames.has("themes"):
        t = frames.themes
        covered = t[t["covered"].astype(bool)].groupby("id").size()
        out["themes_covered"] = out["id"].map(covered).fillna(0).astype(int)
        tops = _top_themes(t).to_dict()
        out["top_theme"] = [tops.get(i, "") for i in out["id"]]
    return out.reset_index(drop=True)


_BREAKS = re.compile(r"\s*\n+\s*")


def kwic(text: str, start: int, end: int, width: int = 60) -> tuple[str, str, str]:
    """Keyword in context: (left, match, right), each side at most ``width`` characters.

    Sides are cut at a word boundary and marked with ``…`` where text continues;
    a paragraph break shows as ``¶``.
    """
    lo, hi = max(0, start - width), min(len(text), end + width)
    left, right = text[lo:start], text[end:hi]
    if lo > 0 and not text[lo - 1].isspace() and " " in left:  # drop the word cut in half
        left = left.split(" ", 1)[1]
    if lo > 0:
        left = "…" + left
    if hi < len(text) and not text[hi].isspace() and " " in right:
        right = right.rsplit(" ", 1)[0]
    if hi < len(text):
        right = right.rstrip() + "…"
    return (_BREAKS.sub(" ¶ ", left), text[start:end], _BREAKS.sub(" ¶ ", right))


def _status(hit: Any) -> str:
    if hit.counted:
        return "counted"
    if isinstance(hit.negated, bool) and hit.negated:
        return "negated (counted apart)"
    return f"set aside ({str(hit.flag).replace('_', ' ')})" if isinstance(hit.flag, str) else "not counted"


def hits_in_context(
    frames: CorpusFrames,
    kinds: Sequence[str] = (),
    categories: Sequence[str] = (),
    term: str = "",
    voice: str = "all",
    width: int = 60,
) -> pd.DataFrame:
    """Every hedging hit as a keyword-in-context row, filtered.

    Args:
        frames: the corpus tables.
        kinds: keep these kinds (hedge, booster); all when empty.
        categories: keep these lexicon categories; all when empty.
        term: keep lexicon terms containing this text (case ignored).
        voice: ``all``, ``author`` (outside quotations) or ``quoted``.
        width: characters of context on each side.

    Returns:
        Columns ``article`` (letter), ``left``, ``match``, ``right``, ``term``, ``kind``,
        ``category``, ``voice`` (author or the quoted speaker), ``status`` (counted, negated,
        set aside) and ``offset``, in text order per article.
    """
    hits = frames.hedge_hits
    if kinds:
        hits = hits[hits["kind"].isin(kinds)]
    if categories:
        hits = hits[hits["category"].isin(categories)]
    if term.strip():
        hits = hits[hits["term"].astype(str).str.contains(term.strip(), case=False, regex=False)]
    if voice != "all":
        hits = hits[hits["in_quote"].astype(bool) == (voice == "quoted")]
    letters = dict(zip(frames.articles["id"], frames.articles["letter"], strict=True))
    rows = []
    for h in hits.itertuples(index=False):
        left, match, right = kwic(frames.texts[h.id], int(h.start), int(h.end), width)
        speaker = h.speaker if isinstance(h.speaker, str) and h.speaker else "quoted"
        rows.append(
            {
                "article": letters[h.id],
                "left": left,
                "match": match,
                "right": right,
                "term": h.term,
                "kind": h.kind,
                "category": str(h.category).replace("_", " "),
                "voice": speaker if h.in_quote else "author",
                "status": _status(h),
                "offset": int(h.start),
            }
        )
    columns = ["article", "left", "match", "right", "term", "kind", "category", "voice", "status", "offset"]
    return pd.DataFrame(rows, columns=columns)


#: How a direct quotation's speaker was found (its ``cue_type``), in the reader's words.
ATTRIBUTION_ROUTES = {
    "post": "named with the quotation",
    "pre": "named with the quotation",
    "end": "named with the quotation",
    "according": "named with the quotation",
    "dash": "named with the quotation",
    "colon": "named with the quotation",
    "next": "named in the next sentence",
    "line": "attribution line",
    "line-before": "attribution line",
    "colon-before": "lead-in paragraph",
    "context": "nearest statement before",
    "continuation": "speaker of the quotation before",
    "beat": "subject of the sentence before",
    "none": "not found",
}


def quotations(frames: CorpusFrames, width: int = 80) -> pd.DataFrame:
    """Direct quotations and reported speech with speaker, cue and the words around them.

    Columns ``article`` (letter), ``kind`` (direct, reported, unnamed source), ``speaker``,
    ``attributed`` (how the speaker was found: :data:`ATTRIBUTION_ROUTES`, "reporting verb"
    for reported speech), ``text``, ``words``, ``cue``, ``context`` (text before and after)
    and ``offset``.
    """
    letters = dict(zip(frames.articles["id"], frames.articles["letter"], strict=True))
    rows = []
    for q in frames.quotes_direct.itertuples(index=False):
        before, _, after = kwic(frames.texts[q.id], int(q.start), int(q.end), width)
        rows.append(
            {
                "article": letters[q.id],
                "kind": "direct",
                "speaker": q.speaker,
                "attributed": ATTRIBUTION_ROUTES.get(getattr(q, "cue_type", ""), ""),
                "text": q.text,
                "words": q.words,
                "cue": q.cue,
                "context": f"{before} […] {after}",
                "offset": int(q.start),
            }
        )
    for r in frames.quotes_reported.itertuples(index=False):
        before, _, after = kwic(frames.texts[r.id], int(r.start), int(r.end), width)
        rows.append(
            {
                "article": letters[r.id],
                "kind": "unnamed source" if r.anonymous else "reported",
                "speaker": "(unnamed)" if r.anonymous else r.speaker,
                "attributed": "reporting verb",
                "text": r.text,
                "words": None,
                "cue": r.cue,
                "context": f"{before} […] {after}",
                "offset": int(r.start),
            }
        )
    columns = ["article", "kind", "speaker", "attributed", "text", "words", "cue", "context", "offset"]
    out = pd.DataFrame(rows, columns=columns).astype({"words": "Int64"})
    return out.sort_values(["article", "offset"], kind="stable").reset_index(drop=True)
