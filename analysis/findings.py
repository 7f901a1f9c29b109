"""Plain-language key findings computed from the corpus tables.

Every sentence is built from numbers in :class:`~analysis.frames.CorpusFrames`
("Article A uses 31 hedges per 1,000 words, 25× Article B (1.2)."), so a briefing
reader can check it against the charts. Articles are named by their letter
("Article A"); the dashboard's legend maps letters to titles.

Functions return an empty list when the family is missing or no article is given;
they never raise on empty or zero data.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from .frames import CorpusFrames

__all__ = [
    "Finding",
    "compare",
    "fmt_number",
    "fmt_share",
    "fmt_times",
    "grade_band",
    "hedging_findings",
    "key_findings",
    "lead",
    "quotes_findings",
    "readability_findings",
    "themes_findings",
]

#: Ratios below this are "about the same" rather than "N×".
SIMILAR_RATIO = 1.5


@dataclass(frozen=True, slots=True)
class Finding:
    """One sentence of the key findings and the family it comes from."""

    family: str
    text: str


def fmt_number(value: float) -> str:
    """A rate or score for prose: 31, 9.8, 0.4 (whole numbers from 10 up, thousands separated)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    if abs(value) >= 10:
        return f"{value:,.0f}"
    if value == int(value):
        return f"{value:.0f}"
    return f"{value:.1f}"


def fmt_share(value: float) -> str:
    """A fraction as a percentage for prose: 0.614 → "61%", 0.004 → "0.4%"."""
    pct = 100 * value
    if 0 < pct < 1:
        return f"{pct:.1f}%"
    return f"{pct:.0f}%"


def fmt_times(ratio: float) -> str:
    """A ratio for prose: 25.3 → "25×", 2.46 → "2.5×"."""
    return f"{ratio:.0f}×" if ratio >= 10 else f"{ratio:.1f}×"


def grade_band(grade: float) -> str:
    """The school level of a US grade: "high school", "college", …."""
    if grade < 7:
        return "elementary school"
    if grade < 9:
        return "middle school"
    if grade < 13:
        return "high school"
    if grade < 17:
        return "college"
    return "graduate"


def _name(frames: CorpusFrames, article_id: str) -> str:
    return f"Article {frames.row(article_id)['letter']}"


def _names(frames: CorpusFrames, ids: Sequence[str]) -> str:
    letters = [str(frames.row(i)["letter"]) for i in ids]
    if len(letters) == 1:
        return f"Article {letters[0]}"
    return "Articles " + ", ".join(letters[:-1]) + " and " + letters[-1]


def _extremes(df: pd.DataFrame, column: str) -> tuple[pd.Series, pd.Series]:
    ordered = df.sort_values(column, ascending=False, kind="stable")
    return ordered.iloc[0], ordered.iloc[-1]


def _rate_sentence(frames: CorpusFrames, df: pd.DataFrame, column: str, noun: str) -> str | None:
    """The extremes of a rate: 'Article A uses 31 hedges per 1,000 words, 25× Article B (1.2).'."""
    if df.empty:
        return None
    top, low = _extremes(df, column)
    hi, lo = float(top[column]), float(low[column])
    a, b = _name(frames, top["id"]), _name(frames, low["id"])
    if len(df) == 1:
        return f"{a} uses {fmt_number(hi)} {noun} per 1,000 words."
    if hi == 0:
        return f"No article uses {noun}."
    if lo == 0:
        return f"{a} uses {fmt_number(hi)} {noun} per 1,000 words; {b} uses none."
    ratio = hi / lo
    if ratio < SIMILAR_RATIO:
        return (
            f"The articles use {noun} at similar rates: {fmt_number(lo)} to {fmt_number(hi)} per 1,000 words."
        )
    return f"{a} uses {fmt_number(hi)} {noun} per 1,000 words, {fmt_times(ratio)} {b} ({fmt_number(lo)})."


def readability_findings(frames: CorpusFrames) -> list[str]:
    """Who is hardest and easiest to read (consensus grade), and sentence length."""
    if not frames.has("readability") or frames.articles.empty:
        return []
    scores = frames.readability.pivot_table(index="id", columns="score", values="value", sort=False)
    if "text_standard" not in scores:
        return []
    df = scores.reset_index()
    out: list[str] = []
    top, low = _extremes(df, "text_standard")
    g_hi, g_lo = float(top["text_standard"]), float(low["text_standard"])
    a = _name(frames, top["id"])
    if len(df) == 1:
        out.append(f"{a} reads at US grade {fmt_number(g_hi)} ({grade_band(g_hi)} level).")
    elif g_hi == g_lo:
        out.append(f"All selected articles read at US grade {fmt_number(g_hi)} ({grade_band(g_hi)} level).")
    else:
        b = _name(frames, low["id"])
        fre = (
            f" (Flesch Reading Ease {fmt_number(float(top['flesch_reading_ease']))} "
            f"vs {fmt_number(float(low['flesch_reading_ease']))})"
            if "flesch_reading_ease" in df
            else ""
        )
        out.append(
            f"{a} is the hardest to read: US grade {fmt_number(g_hi)} ({grade_band(g_hi)}) "
            f"against {fmt_number(g_lo)} for {b}{fre}."
        )
    arts = frames.articles
    if len(arts) > 1 and "readability_sentence_length_mean" in arts:
        top, low = _extremes(arts, "readability_sentence_length_mean")
        col = "readability_sentence_length_mean"
        hi, lo = float(top[col]), float(low[col])
        if lo > 0 and hi / lo >= 1.15:
            out.append(
                f"{_name(frames, top['id'])}'s sentences are the longest: {fmt_number(hi)} words on average, "
                f"against {fmt_number(lo)} in {_name(frames, low['id'])}."
            )
    return out


def hedging_findings(frames: CorpusFrames) -> list[str]:
    """Hedge and booster rates across articles, and hedges that belong to quoted speakers."""
    df = frames.hedging
    if not frames.has("hedging") or df.empty:
        return []
    out = [
        s
        for s in (
            _rate_sentence(frames, df, "hedges_per_1k", "hedges"),
            _rate_sentence(frames, df, "boosters_per_1k", "boosters"),
        )
        if s
    ]
    for _, row in df[df["quote_split"].astype(bool)].iterrows():
        total = int(row["hedge_count"])
        quoted = int(row["quoted_hedge_count"])
        if total >= 3 and quoted / total >= 0.5:
            own = fmt_number(float(row["authorial_hedges_per_1k"]))
            out.append(
                f"{fmt_share(quoted / total)} of {_name(frames, row['id'])}'s hedges are inside quotations: "
                f"in the author's own words it hedges {own} times per 1,000 words."
            )
    return out


def _people(n: int) -> str:
    return "1 person" if n == 1 else f"{n} people"


def quotes_findings(frames: CorpusFrames) -> list[str]:
    """Who each article quotes and how much of its text is one voice."""
    df = frames.quotes
    if not frames.has("quotes") or df.empty:
        return []
    out: list[str] = []
    silent = [
        r["id"]
        for _, r in df.iterrows()
        if int(r["quote_count"]) == 0 and int(r["reported_count"]) == 0 and int(r["anonymous_count"]) == 0
    ]
    if silent:
        out.append(f"{_names(frames, silent)} {'quotes' if len(silent) == 1 else 'quote'} nobody.")
    for _, row in df.iterrows():
        if row["id"] in silent:
            continue
        a = _name(frames, row["id"])
        n_quotes, n_people = int(row["quote_count"]), int(row["speaker_count"])
        reported, anonymous = int(row["reported_count"]), int(row["anonymous_count"])
        if n_quotes == 0:
            claims = reported + anonymous
            out.append(f"{a} has no direct quotations; it reports {claims} claims in indirect speech.")
        elif n_people == 0:
            out.append(f"{a} has {n_quotes} direct quotations, none with a named speaker.")
        elif float(row["top_speaker_share"]) >= 0.25:
            out.append(
                f"{a} quotes {_people(n_people)}; {fmt_share(float(row['top_speaker_share']))} of its words "
                f"are {row['top_speaker']}'s."
            )
        else:
            quoted = int(row["quoted_words"])
            of_quotes = fmt_share(int(row["top_speaker_words"]) / quoted) if quoted else "none"
            out.append(
                f"{a} quotes {_people(n_people)}; {fmt_share(float(row['quoted_share']))} of its words are "
                f"quotations, {of_quotes} of them {row['top_speaker']}'s."
            )
        if anonymous:
            out.append(f"{a} cites unnamed sources {anonymous} time{'s' if anonymous > 1 else ''}.")
    return out


def _covered(frames: CorpusFrames) -> pd.DataFrame:
    """Theme × article table of whether each article covers each theme."""
    return (
        frames.themes.pivot_table(
            index=["theme", "label"], columns="id", values="covered", aggfunc="any", sort=False
        )
        .fillna(False)
        .astype(bool)
    )


def themes_findings(frames: CorpusFrames, limit: int = 4) -> list[str]:
    """Themes only one article covers, themes nobody covers, and each article's main theme."""
    df = frames.themes
    if not frames.has("themes") or df.empty:
        return []
    out: list[str] = []
    ids = [i for i in frames.ids if i in set(df["id"])]
    if len(ids) > 1:
        covered = _covered(frames)
        hits = df.groupby("theme")["hits"].sum()
        solo = [(theme, label) for (theme, label), row in covered.iterrows() if row.sum() == 1]
        solo.sort(key=lambda t: -hits.get(t[0], 0))
        by_owner: dict[str, list[str]] = {}
        for theme, label in solo:
            owner = covered.loc[(theme, label)]
            by_owner.setdefault(owner[owner].index[0], []).append(label)
        for owner, labels in by_owner.items():
            more = len(labels) - limit
            names = labels[:limit] + ([f"{more} more"] if more > 0 else [])
            out.append(f"Only {_name(frames, owner)} covers {_and(names)}.")
        nobody = [label for (_, label), row in covered.iterrows() if not row.any()]
        if nobody:
            out.append(f"No selected article covers {_join(nobody)}.")
    tops: dict[str, list[str]] = {}
    for aid in ids:
        rows = df[df["id"] == aid]
        if not rows["covered"].astype(bool).any():
            out.append(f"{_name(frames, aid)} touches none of the themes.")
            continue
        flagged = rows[rows["top"].fillna(False).astype(bool)]
        top = (flagged if not flagged.empty else rows.sort_values("sentence_share", ascending=False)).iloc[0]
        tops.setdefault(str(top["label"]), []).append(aid)
        if len(ids) > 2:
            continue  # grouped below
        how = (
            "; named by meaning, as no theme's keywords dominate"
            if top.get("top_source") == "semantic"
            else ""
        )
        out.append(
            f"{_name(frames, aid)}'s main theme is {top['label']} "
            f"({fmt_share(float(top['sentence_share']))} of its sentences{how})."
        )
    if len(ids) > 2 and tops:
        groups = sorted(tops.items(), key=lambda kv: -len(kv[1]))
        out.append("Main themes: " + "; ".join(f"{label} ({_names(frames, g)})" for label, g in groups) + ".")
    return out


def _join(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]


def key_findings(frames: CorpusFrames) -> list[Finding]:
    """All findings for the selected articles, family by family."""
    out: list[Finding] = []
    for family, fn in (
        ("hedging", hedging_findings),
        ("quotes", quotes_findings),
        ("themes", themes_findings),
        ("readability", readability_findings),
    ):
        out.extend(Finding(family, text) for text in fn(frames))
    return out


def _diff(
    a: str,
    b: str,
    va: float,
    vb: float,
    more: str,
    topic: str,
    unit: str = "",
    pct: bool = False,
    prefix: str = "",
) -> str:
    """One metric of two articles: 'Article A hedges more: 31 per 1,000 words vs 1.2 for Article B (25×).'."""
    num = fmt_share if pct else fmt_number
    if va == vb or (max(va, vb) > 0 and min(va, vb) / max(va, vb) > 1 / 1.15):
        return f"{a} and {b} are close on {topic}: {prefix}{num(va)} and {num(vb)}{unit}."
    hi, lo, vh, vl = (a, b, va, vb) if va > vb else (b, a, vb, va)
    times = f" ({fmt_times(vh / vl)})" if vl > 0 and vh / vl >= SIMILAR_RATIO else ""
    return f"{hi} {more}: {prefix}{num(vh)}{unit} vs {num(vl)} for {lo}{times}."


def compare(frames: CorpusFrames, a_id: str, b_id: str) -> list[Finding]:
    """The differences between two articles across every family present."""
    pair = frames.select([a_id, b_id])
    a, b = _name(frames, a_id), _name(frames, b_id)
    out: list[Finding] = []
    if pair.has("readability") and not pair.readability.empty:
        s = pair.readability.set_index(["id", "score"])["value"]
        if (a_id, "text_standard") in s and (b_id, "text_standard") in s:
            out.append(
                Finding(
                    "readability",
                    _diff(
                        a,
                        b,
                        float(s[(a_id, "text_standard")]),
                        float(s[(b_id, "text_standard")]),
                        "is harder to read",
                        "reading difficulty",
                        prefix="US grade ",
                    ),
                )
            )
        arts = pair.articles.set_index("id")
        if "readability_sentence_length_mean" in arts:
            out.append(
                Finding(
                    "readability",
                    _diff(
                        a,
                        b,
                        float(arts.at[a_id, "readability_sentence_length_mean"]),
                        float(arts.at[b_id, "readability_sentence_length_mean"]),
                        "writes longer sentences",
                        "sentence length",
                        " words per sentence",
                    ),
                )
            )
    if pair.has("hedging") and len(pair.hedging) == 2:
        h = pair.hedging.set_index("id")
        for col, more, topic in (
            ("hedges_per_1k", "hedges more", "hedging"),
            ("boosters_per_1k", "uses more boosters", "boosters"),
        ):
            out.append(
                Finding(
                    "hedging",
                    _diff(
                        a,
                        b,
                        float(h.at[a_id, col]),
                        float(h.at[b_id, col]),
                        more,
                        topic,
                        " per 1,000 words",
                    ),
                )
            )
    if pair.has("quotes") and len(pair.quotes) == 2:
        q = pair.quotes.set_index("id")
        na, nb = int(q.at[a_id, "speaker_count"]), int(q.at[b_id, "speaker_count"])
        if na != nb:
            out.append(
                Finding(
                    "quotes",
                    (f"{a} quotes {_people(na) if na else 'nobody'}, {b} {_people(nb) if nb else 'nobody'}."),
                )
            )
        out.append(
            Finding(
                "quotes",
                _diff(
                    a,
                    b,
                    float(q.at[a_id, "quoted_share"]),
                    float(q.at[b_id, "quoted_share"]),
                    "quotes more of its text",
                    "quoted text",
                    " of its words",
                    pct=True,
                ),
            )
        )
    if pair.has("themes") and not pair.themes.empty:
        cov = _covered(pair)
        if a_id in cov and b_id in cov:
            only_a = [label for (_, label), r in cov.iterrows() if r[a_id] and not r[b_id]]
            only_b = [label for (_, label), r in cov.iterrows() if r[b_id] and not r[a_id]]
            both = [label for (_, label), r in cov.iterrows() if r[a_id] and r[b_id]]
            if only_a:
                out.append(Finding("themes", f"Only {a} covers {_and(only_a)}."))
            if only_b:
                out.append(Finding("themes", f"Only {b} covers {_and(only_b)}."))
            if both:
                out.append(Finding("themes", f"Both cover {_and(both)}."))
    return out


def _and(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def lead(findings: Sequence[Finding], family: str | None = None) -> str | None:
    """The finding to headline a chart with: the first that states a ratio ("25×"), else the first.

    ``family`` limits the choice to that family's findings. The trailing period is dropped.
    """
    pool = [f for f in findings if family is None or f.family == family]
    if not pool:
        return None
    chosen = next((f for f in pool if "×" in f.text), pool[0])
    return chosen.text.rstrip(".")
