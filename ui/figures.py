"""Figure functions: tidy DataFrame in, ``plotly.graph_objects.Figure`` out. No Streamlit.

Every figure shares one style (:data:`ui.style.TEMPLATE`): the article's colour from
``colours`` (article id → hex, see :func:`ui.style.article_colours`), a title that
states the finding, a subtitle saying what is measured, axes with units, and
``layout.meta["name"]``, the chart's file name for PNG export.

Inputs are the tables of :class:`analysis.frames.CorpusFrames`. Given no data, a
function returns :func:`empty_figure` (a message, no axes) instead of an empty axis.
User text (titles, speakers, theme labels) is HTML-escaped before Plotly sees it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analysis.findings import fmt_number, fmt_share, fmt_times, grade_band

from .style import PALETTE, TEMPLATE, esc, tint

__all__ = [
    "authorial_vs_quoted",
    "empty_figure",
    "hedge_categories",
    "hedges_vs_boosters",
    "paragraph_difficulty",
    "profile",
    "quoted_share",
    "readability_grades",
    "reading_ease",
    "sentence_lengths",
    "sourcing_mix",
    "speaker_words",
    "theme_heatmap",
    "theme_positions",
    "theme_radar",
]

HEIGHT = 460
#: Display names of the hedging lexicon's categories (README, "Hedging"); others shown as written.
CATEGORY_LABELS = {
    "modal": "modal verbs",
    "epistemic_verb": "epistemic verbs",
    "adverb": "adverbs",
    "adjective_noun": "adjectives & nouns",
    "phrase": "phrases",
}


def _category(name: object) -> str:
    return esc(CATEGORY_LABELS.get(str(name), str(name).replace("_", " ")))


_GRADE_BANDS = ((9, 13, "high school"), (13, 17, "college"), (17, 30, "graduate"))
_EASE_BANDS = (
    (0, 30, "very difficult"),
    (30, 50, "difficult"),
    (50, 60, "fairly difficult"),
    (60, 70, "plain English"),
    (70, 80, "fairly easy"),
    (80, 90, "easy"),
    (90, 121, "very easy"),
)


def _colour(colours: Mapping[str, str], article_id: str, i: int = 0) -> str:
    return colours.get(article_id, PALETTE[i % len(PALETTE)])


def _letter(label: str) -> str:
    return str(label).split(" · ", 1)[0]


#: Plot width assumed when estimating how many lines a horizontal legend needs (px).
LEGEND_WIDTH = 780


def _legend_lines(fig: go.Figure) -> int:
    """Lines the top legend will take (0 when no trace shows in it), packing items greedily."""
    names = [str(t.name) for t in fig.data if t.name and t.showlegend is not False]
    if not names or fig.layout.showlegend is False:
        return 0
    lines, used = 1, 0.0
    for name in dict.fromkeys(names):
        width = 7.6 * len(name) + 46
        if used and used + width > LEGEND_WIDTH:
            lines, used = lines + 1, 0.0
        used += width
    return lines


def _finish(
    fig: go.Figure,
    name: str,
    title: str,
    subtitle: str,
    height: int = HEIGHT,
    right: int = 24,
    above_plot: int = 0,
) -> go.Figure:
    """Apply the shared style: title, subtitle, then the legend, then the plot; name the chart.

    The legend sits at a fixed distance below the title (container coordinates), so it
    never overlaps the subtitle; ``above_plot`` adds room for labels drawn just above
    the plot area (subplot titles, band names).
    """
    lines = _legend_lines(fig)
    if lines and fig.layout.showlegend is None:
        fig.update_layout(showlegend=True)  # Plotly hides a one-trace legend; say whose bars they are
    total = height + 24 * max(0, lines - 1)
    fig.update_layout(
        template=TEMPLATE,
        title={
            "text": title,
            "subtitle": {"text": subtitle, "font": {"size": 14, "color": "#4B5563"}},
            "y": 1.0,
            "yref": "container",
            "yanchor": "top",
            "pad": {"t": 12},
        },
        height=total + above_plot,
        margin={"t": 82 + 26 * lines + above_plot, "l": 16, "r": right, "b": 16},
        meta={"name": name},
        legend={
            "orientation": "h",
            "yref": "container",
            "yanchor": "top",
            "y": 1 - 76 / (total + above_plot),
            "xref": "container",
            "xanchor": "left",
            "x": 0,
        },
    )
    return fig


def _legend_key(fig: go.Figure, pairs: Sequence[tuple[str, str]], colours: Mapping[str, str]) -> None:
    """Legend entries (no data) naming each article letter, for charts whose axis shows letters only."""
    for i, (aid, label) in enumerate(pairs):
        fig.add_scatter(
            x=[None],
            y=[None],
            mode="markers",
            name=esc(label),
            showlegend=True,
            hoverinfo="skip",
            marker={"color": _colour(colours, aid, i), "size": 12, "symbol": "square"},
        )


def empty_figure(message: str, name: str = "empty", title: str = "") -> go.Figure:
    """A figure with only a centred message (no axes): what to show when there is no data."""
    fig = go.Figure()
    fig.add_annotation(
        text=esc(message),
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        showarrow=False,
        font={"size": 18, "color": "#4B5563"},
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _finish(fig, name, esc(title), "", height=240)


def _ordered(df: pd.DataFrame) -> list[tuple[str, str]]:
    """(id, label) pairs in the frame's order (corpus order)."""
    pairs = df[["id", "article"]].drop_duplicates()
    return list(zip(pairs["id"], pairs["article"], strict=True))


# --- readability ---------------------------------------------------------------------------------


def readability_grades(scores: pd.DataFrame, colours: Mapping[str, str]) -> go.Figure:
    """Grouped bars of the US-grade scores per article, school levels shaded."""
    df = scores[scores["grade_scale"].astype(bool)]
    if df.empty:
        return empty_figure("No readability scores.", "readability_grades")
    fig = go.Figure()
    for i, (aid, label) in enumerate(_ordered(df)):
        rows = df[df["id"] == aid]
        fig.add_bar(
            x=list(rows["label"]),
            y=list(rows["value"]),
            name=esc(label),
            marker_color=_colour(colours, aid, i),
            text=[fmt_number(v) for v in rows["value"]],
            textposition="outside",
            hovertemplate="%{x}: grade %{y:.1f}<extra>" + esc(label) + "</extra>",
        )
    top = max(float(df["value"].max()), 17.5)
    for n, (lo, hi, band) in enumerate(_GRADE_BANDS):
        upper = min(hi, top * 1.1)
        fig.add_annotation(
            x=1.0,
            xref="paper",
            xanchor="left",
            xshift=6,
            y=(lo + upper) / 2,
            showarrow=False,
            text=band,
            font={"size": 13, "color": "#4B5563"},
            align="left",
        )
        fig.add_hrect(
            y0=lo, y1=upper, fillcolor="#6B7280", opacity=0.10 if n % 2 == 0 else 0.05, line_width=0
        )
    consensus = df[df["score"] == "text_standard"].sort_values("value", ascending=False, kind="stable")
    if len(consensus) > 1 and consensus.iloc[0]["value"] != consensus.iloc[-1]["value"]:
        hi, lo = consensus.iloc[0], consensus.iloc[-1]
        title = (
            f"Article {_letter(hi['article'])} is the harder read: grade {fmt_number(hi['value'])} "
            f"vs {fmt_number(lo['value'])} for Article {_letter(lo['article'])}"
        )
    elif not consensus.empty:
        g = float(consensus.iloc[0]["value"])
        who = (
            "Both articles read"
            if len(consensus) == 2
            else (
                "The articles read"
                if len(consensus) > 1
                else f"Article {_letter(consensus.iloc[0]['article'])} reads"
            )
        )
        title = f"{who} at US grade {fmt_number(g)} ({grade_band(g)} level)"
    else:
        title = "Reading difficulty by formula"
    fig.update_layout(barmode="group", bargap=0.25)
    fig.update_yaxes(title_text="US school grade (years of schooling)", range=[0, top * 1.1])
    fig.update_xaxes(title_text="readability formula")
    return _finish(
        fig,
        "readability_grades",
        title,
        "Grade-scale readability formulas; higher means harder. Shaded: school level.",
        right=110,
    )


def reading_ease(scores: pd.DataFrame, colours: Mapping[str, str]) -> go.Figure:
    """Horizontal bars of Flesch Reading Ease per article over its verbal bands."""
    df = scores[scores["score"] == "flesch_reading_ease"]
    if df.empty:
        return empty_figure("No Flesch Reading Ease scores.", "reading_ease")
    pairs = _ordered(df)
    fig = go.Figure()
    values = dict(zip(df["id"], df["value"], strict=True))
    for i, (aid, label) in enumerate(pairs):
        fig.add_bar(
            y=[esc(label)],
            x=[values[aid]],
            orientation="h",
            name=esc(label),
            showlegend=False,
            marker_color=_colour(colours, aid, i),
            text=[fmt_number(values[aid])],
            textposition="outside",
            hovertemplate="Flesch Reading Ease %{x:.1f}<extra>" + esc(label) + "</extra>",
        )
    low = min(0.0, float(df["value"].min()))
    for n, (lo, hi, band) in enumerate(_EASE_BANDS):
        x0, x1 = (low - 5 if lo == 0 else lo), min(hi, 105)
        fig.add_vrect(
            x0=x0,
            x1=x1,
            fillcolor="#6B7280",
            opacity=0.10 if n % 2 == 0 else 0.04,
            line_width=0,
            layer="below",
        )
        fig.add_annotation(
            x=(x0 + x1) / 2,
            y=1.0,
            yref="paper",
            yanchor="bottom",
            showarrow=False,
            text=band.replace(" ", "<br>", 1) if " " in band else band,
            font={"size": 12, "color": "#4B5563"},
        )
    ordered = df.sort_values("value", kind="stable")
    hardest = ordered.iloc[0]
    band = next(b for lo, hi, b in _EASE_BANDS if float(hardest["value"]) < hi)
    if len(ordered) > 1:
        title = (
            f"Article {_letter(hardest['article'])} is the hardest to read: Reading Ease "
            f"{fmt_number(float(hardest['value']))} ({band})"
        )
    else:
        title = f"Reading Ease {fmt_number(float(hardest['value']))}: {band}"
    fig.update_xaxes(title_text="Flesch Reading Ease (0–100, higher is easier)", range=[low - 5, 105])
    fig.update_yaxes(autorange="reversed")
    return _finish(
        fig,
        "reading_ease",
        title,
        "Flesch Reading Ease; 60–70 is plain English, below 30 very difficult.",
        height=max(300, 180 + 60 * len(pairs)),
        above_plot=36,
    )


def paragraph_difficulty(
    paragraphs: pd.DataFrame,
    colours: Mapping[str, str],
    score: str = "flesch_kincaid_grade",
    score_label: str = "Flesch–Kincaid grade",
) -> go.Figure:
    """Difficulty of each body paragraph along the article (x: position in % of words)."""
    df = paragraphs[(paragraphs["kind"] != "heading") & (paragraphs["words"] > 0)]
    if df.empty or score not in df:
        return empty_figure("No body paragraphs to score.", "paragraph_difficulty")
    fig = go.Figure()
    for i, (aid, label) in enumerate(_ordered(df)):
        rows = df[df["id"] == aid]
        fig.add_scatter(
            x=list(100 * rows["position"]),
            y=list(rows[score]),
            mode="lines+markers",
            name=esc(label),
            line={"color": _colour(colours, aid, i), "width": 2.5, "shape": "linear"},
            marker={"size": [6 + min(14, w / 12) for w in rows["words"]], "color": _colour(colours, aid, i)},
            customdata=list(zip(rows["index"] + 1, rows["words"], strict=True)),
            hovertemplate=(
                "paragraph %{customdata[0]} (%{customdata[1]} words)<br>"
                + esc(score_label)
                + " %{y:.1f}<extra>"
                + esc(label)
                + "</extra>"
            ),
        )
    peak = df.loc[df[score].idxmax()]
    title = (
        f"Hardest passage: paragraph {int(peak['index']) + 1} of Article {_letter(peak['article'])}, "
        f"{esc(score_label)} {fmt_number(float(peak[score]))}"
    )
    fig.update_xaxes(title_text="position in the article (% of words)", range=[0, 100], ticksuffix="%")
    fig.update_yaxes(title_text=f"{esc(score_label)} per paragraph")
    return _finish(
        fig,
        "paragraph_difficulty",
        title,
        "One point per body paragraph (bigger = longer); short paragraphs swing widely.",
    )


def sentence_lengths(lengths: pd.DataFrame, colours: Mapping[str, str]) -> go.Figure:
    """Distribution of sentence lengths per article (box with every sentence as a point)."""
    df = lengths[lengths["words"] > 0]
    if df.empty:
        return empty_figure("No sentences.", "sentence_lengths")
    pairs = _ordered(df)
    fig = go.Figure()
    medians: dict[str, float] = {}
    for i, (aid, label) in enumerate(pairs):
        words = df.loc[df["id"] == aid, "words"].astype(float)
        medians[aid] = float(words.median())
        c = _colour(colours, aid, i)
        fig.add_box(
            x=list(words),
            name=esc(label),
            orientation="h",
            marker={"color": c, "size": 6},
            line={"color": c},
            fillcolor=tint(c, 0.25),
            boxpoints="all",
            jitter=0.4,
            pointpos=0,
            hovertemplate="%{x} words<extra>" + esc(label) + "</extra>",
            showlegend=False,
        )
    labels = dict(pairs)
    hi = max(medians, key=medians.__getitem__)
    lo = min(medians, key=medians.__getitem__)
    if len(pairs) > 1 and medians[hi] != medians[lo]:
        title = (
            f"Article {_letter(labels[hi])}'s sentences run longer: median {fmt_number(medians[hi])} words "
            f"vs {fmt_number(medians[lo])} in Article {_letter(labels[lo])}"
        )
    else:
        title = f"Median sentence: {fmt_number(medians[hi])} words"
    fig.update_xaxes(title_text="sentence length (words)", rangemode="tozero")
    fig.update_yaxes(autorange="reversed")
    return _finish(
        fig,
        "sentence_lengths",
        title,
        "Every sentence is a dot; the box spans the middle half.",
        height=max(300, 160 + 90 * len(pairs)),
    )


# --- hedging -------------------------------------------------------------------------------------


def _rate_title(df: pd.DataFrame, column: str, noun: str) -> str:
    ordered = df.sort_values(column, ascending=False, kind="stable")
    top, low = ordered.iloc[0], ordered.iloc[-1]
    hi, lo = float(top[column]), float(low[column])
    a, b = f"Article {_letter(top['article'])}", f"Article {_letter(low['article'])}"
    if len(df) == 1:
        return f"{a} uses {fmt_number(hi)} {noun} per 1,000 words"
    if hi == 0:
        return f"No article uses {noun}"
    if lo == 0:
        return f"{a} uses {fmt_number(hi)} {noun} per 1,000 words; {b} none"
    if hi / lo < 1.5:
        return f"Similar {noun.rstrip('s')} rates: {fmt_number(lo)}–{fmt_number(hi)} per 1,000 words"
    return f"{a} uses {fmt_number(hi)} {noun} per 1,000 words, {fmt_times(hi / lo)} {b}"


def hedges_vs_boosters(hedging: pd.DataFrame, colours: Mapping[str, str]) -> go.Figure:
    """Hedges and boosters per 1,000 words, one bar per article in its colour."""
    if hedging.empty:
        return empty_figure("No hedging results.", "hedges_vs_boosters")
    fig = go.Figure()
    for i, (aid, label) in enumerate(_ordered(hedging)):
        row = hedging[hedging["id"] == aid].iloc[0]
        values = [float(row["hedges_per_1k"]), float(row["boosters_per_1k"])]
        counts = [int(row["hedge_count"]), int(row["booster_count"])]
        fig.add_bar(
            x=["Hedges (speculation)", "Boosters (assertion)"],
            y=values,
            name=esc(label),
            marker_color=_colour(colours, aid, i),
            text=[fmt_number(v) for v in values],
            textposition="outside",
            customdata=counts,
            hovertemplate="%{y:.1f} per 1,000 words (%{customdata} in all)<extra>" + esc(label) + "</extra>",
        )
    fig.update_layout(barmode="group", bargap=0.3)
    ymax = float(hedging[["hedges_per_1k", "boosters_per_1k"]].to_numpy().max())
    fig.update_yaxes(title_text="per 1,000 words", range=[0, max(1.0, ymax) * 1.18])
    return _finish(
        fig,
        "hedges_vs_boosters",
        _rate_title(hedging, "hedges_per_1k", "hedges"),
        "Hedges (could, may, potential…) and boosters (clearly, immense…) per 1,000 words.",
    )


def hedge_categories(categories: pd.DataFrame, colours: Mapping[str, str]) -> go.Figure:
    """Hedges and boosters per 1,000 words by lexicon category (two panels), one bar per article."""
    df = categories[categories["count"] > 0]
    if df.empty:
        return empty_figure("No hedges or boosters found.", "hedge_categories")
    kinds = [k for k in ("hedge", "booster") if (df["kind"] == k).any()]
    fig = make_subplots(
        rows=1,
        cols=len(kinds),
        horizontal_spacing=0.08,
        subplot_titles=[f"{'Hedges' if k == 'hedge' else 'Boosters'} by category" for k in kinds],
    )
    for col, kind in enumerate(kinds, start=1):
        part = df[df["kind"] == kind]
        order = part.groupby("category")["per_1k"].sum().sort_values(ascending=False).index.tolist()
        for i, (aid, label) in enumerate(_ordered(df)):
            rows = part[part["id"] == aid].set_index("category").reindex(order)
            fig.add_bar(
                x=[_category(c) for c in order],
                y=list(rows["per_1k"].fillna(0.0)),
                name=esc(label),
                legendgroup=aid,
                showlegend=col == 1,
                marker_color=_colour(colours, aid, i),
                customdata=list(rows["count"].fillna(0).astype(int)),
                hovertemplate="%{x}: %{y:.1f} per 1,000 words (%{customdata})<extra>"
                + esc(label)
                + "</extra>",
                row=1,
                col=col,
            )
        fig.update_yaxes(title_text="per 1,000 words" if col == 1 else "", row=1, col=col)
    hedges = df[df["kind"] == "hedge"]
    if hedges.empty:
        title = "No hedges; boosters only"
    else:
        totals = hedges.groupby("id")["count"].sum()
        top_id = totals.idxmax()
        top = hedges[hedges["id"] == top_id].sort_values("count", ascending=False, kind="stable").iloc[0]
        share = float(top["count"]) / float(totals[top_id])
        who = f"Article {_letter(top['article'])}"
        title = f"{fmt_share(share)} of {who}'s hedges are {_category(top['category'])}"
    fig.update_layout(barmode="group", bargap=0.25)
    fig.update_annotations(font={"size": 15})
    return _finish(fig, "hedge_categories", title, "Lexicon categories, per 1,000 words.", above_plot=28)


def authorial_vs_quoted(hedging: pd.DataFrame, colours: Mapping[str, str]) -> go.Figure:
    """Hedges per 1,000 words of each voice: the author's own words vs the words inside quotations.

    Rows whose ``quote_split`` is false (no quote spans) are left out; an article that
    quotes nobody has no "inside quotations" bar.
    """
    df = hedging[hedging["quote_split"].astype(bool)]
    if df.empty:
        return empty_figure(
            "The author/quoted split needs the quotes analysis.", "authorial_vs_quoted_hedges"
        )
    fig = go.Figure()
    voices = ("Author's own words", "Inside quotations")
    for i, (aid, label) in enumerate(_ordered(df)):
        row = df[df["id"] == aid].iloc[0]
        quoted_words = float(row["quoted_words"]) if pd.notna(row["quoted_words"]) else 0.0
        values = [
            float(row["authorial_hedges_per_1k"]),
            float(row["quoted_hedges_per_1k"]) if quoted_words else None,
        ]
        counts = [row["authorial_hedge_count"], row["quoted_hedge_count"]]
        fig.add_bar(
            x=list(voices),
            y=values,
            name=esc(label),
            marker_color=_colour(colours, aid, i),
            text=[fmt_number(v) if v is not None else "no quotes" for v in values],
            textposition="outside",
            customdata=[0 if pd.isna(c) else int(c) for c in counts],
            hovertemplate="%{x}: %{y:.1f} hedges per 1,000 words (%{customdata})<extra>"
            + esc(label)
            + "</extra>",
        )
    gaps = df.assign(
        gap=df["quoted_hedges_per_1k"].where(df["quoted_words"] > 0) - df["authorial_hedges_per_1k"]
    )
    gaps = gaps.dropna(subset=["gap"]).sort_values("gap", key=abs, ascending=False, kind="stable")
    if gaps.empty:
        title = "The selected articles quote nobody: every hedge is the author's"
    else:
        g = gaps.iloc[0]
        a = f"Article {_letter(g['article'])}"
        own, quoted = (
            fmt_number(float(g["authorial_hedges_per_1k"])),
            fmt_number(float(g["quoted_hedges_per_1k"])),
        )
        if g["gap"] > 0:
            title = f"In {a}, quoted speakers hedge more than the author: {quoted} vs {own} per 1,000 words"
        else:
            title = f"In {a}, the author hedges more than quoted speakers: {own} vs {quoted} per 1,000 words"
    top = max(
        1.0, float(pd.concat([df["authorial_hedges_per_1k"], df["quoted_hedges_per_1k"]]).max(skipna=True))
    )
    fig.update_layout(barmode="group", bargap=0.3)
    fig.update_yaxes(title_text="hedges per 1,000 words of that voice", range=[0, top * 1.2])
    return _finish(
        fig,
        "authorial_vs_quoted_hedges",
        title,
        "Hedging rate in the author's words and in the quoted words, so each voice compares fairly.",
        height=420,
    )


UNKNOWN_SPEAKER = "UNKNOWN"


def _speaker(name: str) -> str:
    return "(unattributed)" if name == UNKNOWN_SPEAKER else esc(name)


def speaker_words(speakers: pd.DataFrame, colours: Mapping[str, str], top: int = 12) -> go.Figure:
    """Quoted words per speaker (stacked by article), the ``top`` most quoted speakers."""
    df = speakers[speakers["words"] > 0]
    if df.empty:
        return empty_figure("No quoted speakers.", "speaker_words")
    order = df.groupby("speaker")["words"].sum().sort_values(ascending=False).index[:top].tolist()
    fig = go.Figure()
    for i, (aid, label) in enumerate(_ordered(df)):
        rows = df[df["id"] == aid].set_index("speaker").reindex(order)
        fig.add_bar(
            y=[_speaker(s) for s in order],
            x=list(rows["words"].fillna(0)),
            orientation="h",
            name=esc(label),
            marker_color=_colour(colours, aid, i),
            customdata=list(
                zip(
                    rows["quotes"].fillna(0).astype(int),
                    100 * rows["share_of_article"].fillna(0),
                    strict=True,
                )
            ),
            hovertemplate=(
                "%{y}: %{x} words in %{customdata[0]} quotes (%{customdata[1]:.0f}% of the article)"
                "<extra>" + esc(label) + "</extra>"
            ),
        )
    named = df[df["speaker"] != UNKNOWN_SPEAKER]
    best = (named if not named.empty else df).sort_values("share_of_article", ascending=False, kind="stable")
    best = best.iloc[0]
    who = f"{esc(best['speaker'])}'s words" if not named.empty else "Unattributed quotations"
    title = f"{who} fill {fmt_share(float(best['share_of_article']))} of Article {_letter(best['article'])}"
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title_text="quoted words")
    fig.update_yaxes(autorange="reversed")
    more = f" (top {top})" if df["speaker"].nunique() > top else ""
    return _finish(
        fig,
        "speaker_words",
        title,
        f"Words in direct quotations per speaker{more}.",
        height=max(300, 170 + 36 * len(order)),
    )


def quoted_share(quotes: pd.DataFrame, colours: Mapping[str, str]) -> go.Figure:
    """Share of each article's words inside direct quotations."""
    if quotes.empty:
        return empty_figure("No quotation results.", "quoted_share")
    pairs = _ordered(quotes)
    fig = go.Figure()
    for i, (aid, label) in enumerate(pairs):
        row = quotes[quotes["id"] == aid].iloc[0]
        share = 100 * float(row["quoted_share"])
        fig.add_bar(
            y=[esc(label)],
            x=[share],
            orientation="h",
            name=esc(label),
            showlegend=False,
            marker_color=_colour(colours, aid, i),
            text=[fmt_share(share / 100)],
            textposition="outside",
            hovertemplate="%{x:.1f}% of words quoted<extra>" + esc(label) + "</extra>",
        )
    ordered = quotes.sort_values("quoted_share", ascending=False, kind="stable")
    hi, lo = ordered.iloc[0], ordered.iloc[-1]
    if float(hi["quoted_share"]) == 0:
        title = "No selected article quotes anyone directly"
    elif len(ordered) > 1 and float(lo["quoted_share"]) == 0:
        title = (
            f"Article {_letter(hi['article'])} is {fmt_share(float(hi['quoted_share']))} quotation; "
            f"Article {_letter(lo['article'])} quotes nobody directly"
        )
    else:
        title = f"Article {_letter(hi['article'])} is {fmt_share(float(hi['quoted_share']))} quotation"
    fig.update_xaxes(
        title_text="words inside direct quotations (% of the article)",
        ticksuffix="%",
        range=[0, max(10.0, 100 * float(hi["quoted_share"]) * 1.2)],
    )
    fig.update_yaxes(autorange="reversed")
    return _finish(
        fig,
        "quoted_share",
        title,
        "Share of each article's words that are direct quotation.",
        height=max(260, 150 + 60 * len(pairs)),
    )


def sourcing_mix(quotes: pd.DataFrame, colours: Mapping[str, str]) -> go.Figure:
    """Direct quotes, reported speech and unnamed sources per article (counts)."""
    if quotes.empty:
        return empty_figure("No quotation results.", "sourcing_mix")
    kinds = (
        ("direct_named_count", "Direct quotes"),
        ("reported_count", "Reported speech"),
        ("anonymous_count", "Unnamed sources"),
    )
    fig = go.Figure()
    for i, (aid, label) in enumerate(_ordered(quotes)):
        row = quotes[quotes["id"] == aid].iloc[0]
        values = [int(row[c]) for c, _ in kinds]
        fig.add_bar(
            x=[k for _, k in kinds],
            y=values,
            name=esc(label),
            marker_color=_colour(colours, aid, i),
            text=values,
            textposition="outside",
            hovertemplate="%{x}: %{y}<extra>" + esc(label) + "</extra>",
        )
    totals = {k: int(quotes[c].sum()) for c, k in kinds}
    if not any(totals.values()):
        title = "No selected article quotes or cites anyone"
    else:
        main = max(totals, key=totals.__getitem__)
        verb = "dominates" if main == "Reported speech" else "dominate"
        title = f"{main} {verb} the sourcing: {totals[main]} of {sum(totals.values())} attributions"
        if totals["Unnamed sources"] == 0:
            title += "; no unnamed sources"
    ymax = max(1, max(int(quotes[c].max()) for c, _ in kinds))
    fig.update_layout(barmode="group", bargap=0.3)
    fig.update_yaxes(
        title_text="attributions (count)", range=[0, ymax * 1.2], dtick=max(1, math.ceil(ymax / 6))
    )
    return _finish(fig, "sourcing_mix", title, "How each article attributes what it reports.")


# --- themes --------------------------------------------------------------------------------------


def _letter_ticks(pairs: Sequence[tuple[str, str]], colours: Mapping[str, str]) -> list[str]:
    return [
        f"<b><span style='color:{_colour(colours, aid, i)}'>{esc(_letter(label))}</span></b>"
        for i, (aid, label) in enumerate(pairs)
    ]


def theme_heatmap(themes: pd.DataFrame, colours: Mapping[str, str], title: str | None = None) -> go.Figure:
    """Theme × article heatmap of the share of sentences touching each theme."""
    if themes.empty:
        return empty_figure("No theme results.", "theme_coverage")
    pairs = _ordered(themes)
    labels = themes.drop_duplicates("theme").set_index("theme")["label"]
    table = themes.pivot_table(index="theme", columns="id", values="sentence_share", sort=False).fillna(0.0)
    table = table.loc[table.max(axis=1).sort_values(ascending=False, kind="stable").index]
    table = table[[aid for aid, _ in pairs]]
    z = (100 * table).round(1).to_numpy()
    text = [["–" if v == 0 else f"{v:.0f}%" for v in row] for row in z]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=_letter_ticks(pairs, colours),
            y=[esc(labels[t]) for t in table.index],
            text=text,
            texttemplate="%{text}",
            textfont={"size": 14},
            colorscale=[[0, "#F8FAFC"], [0.001, "#E0ECF7"], [1, "#1F4E79"]],
            zmin=0,
            zmax=max(10.0, float(z.max()) if z.size else 10.0),
            xgap=3,
            ygap=3,
            colorbar={"title": {"text": "% of sentences"}, "ticksuffix": "%"},
            hovertemplate="%{y}<br>Article %{x}: %{z:.1f}% of sentences<extra></extra>",
        )
    )
    fig.update_xaxes(side="top", tickfont={"size": 16})
    fig.update_yaxes(autorange="reversed", title_text="")
    if title is None:
        uncovered = [labels[t] for t in table.index if table.loc[t].max() == 0]
        top_theme = table.index[0]
        title = f"{esc(labels[top_theme])} gets the most coverage"
        if uncovered:
            n = len(uncovered)
            title += f"; {n} theme{'s go' if n > 1 else ' goes'} uncovered"
    _legend_key(fig, pairs, colours)
    fig.update_xaxes(showgrid=False, zeroline=False)
    fig.update_yaxes(showgrid=False, zeroline=False)
    return _finish(
        fig,
        "theme_coverage",
        title,
        "Share of sentences that touch each theme.",
        height=max(360, 150 + 34 * len(table)),
        above_plot=28,
    )


def theme_radar(themes: pd.DataFrame, colours: Mapping[str, str]) -> go.Figure:
    """Coverage radar: one outline per article over the themes (share of sentences)."""
    if themes.empty:
        return empty_figure("No theme results.", "theme_radar")
    labels = themes.drop_duplicates("theme").set_index("theme")["label"]
    order = list(labels.index)
    fig = go.Figure()
    for i, (aid, label) in enumerate(_ordered(themes)):
        rows = themes[themes["id"] == aid].set_index("theme").reindex(order)
        r = list(100 * rows["sentence_share"].fillna(0.0))
        c = _colour(colours, aid, i)
        fig.add_scatterpolar(
            r=[*r, r[0]],
            theta=[esc(labels[t]) for t in [*order, order[0]]],
            name=esc(label),
            line={"color": c, "width": 2.5},
            fill="toself",
            fillcolor=tint(c, 0.18),
            opacity=0.9,
            hovertemplate="%{theta}: %{r:.0f}% of sentences<extra>" + esc(label) + "</extra>",
        )
    between = 180 / max(1, len(order))  # radial ticks between two theme labels, not on one
    fig.update_layout(
        polar={
            "radialaxis": {
                "ticksuffix": "%",
                "angle": between,
                "tickangle": between,
                "tickfont": {"size": 11},
            },
            "angularaxis": {"tickfont": {"size": 14}},
        }
    )
    flagged = themes[themes["top"].fillna(False).astype(bool)] if "top" in themes else themes.iloc[0:0]
    widest = themes[themes["sentence_share"] > 0].sort_values(
        "sentence_share", ascending=False, kind="stable"
    )
    tops = pd.concat([x for x in (flagged, widest) if not x.empty] or [themes.iloc[0:0]]).drop_duplicates(
        "id"
    )
    groups: dict[str, list[str]] = {}
    for r in tops.itertuples():
        groups.setdefault(esc(r.label), []).append(_letter(r.article))
    if not groups:
        title = "No article touches the themes"
    elif len(groups) == 1:
        title = f"Same main theme: {next(iter(groups))}"
    else:
        parts = [f"{label} ({', '.join(letters)})" for label, letters in groups.items()]
        title = "Main themes: " + "; ".join(parts)
    return _finish(
        fig, "theme_radar", title, "Share of sentences touching each theme (%).", height=540, above_plot=24
    )


def theme_positions(segments: pd.DataFrame, colour: str, label: str) -> go.Figure:
    """Theme × position heatmap of one article: where in the text each theme appears."""
    df = segments[segments["value"] > 0]
    if df.empty:
        return empty_figure(f"{label} touches none of the themes.", "theme_positions")
    n = int(segments["segment"].max()) + 1
    table = segments.pivot_table(index="label", columns="segment", values="value", sort=False).fillna(0.0)
    table = table[table.max(axis=1) > 0]
    first = table.apply(lambda r: int(next(i for i, v in enumerate(r) if v > 0)), axis=1)
    table = table.loc[first.sort_values(kind="stable").index]
    edges = [f"{round(100 * i / n)}–{round(100 * (i + 1) / n)}%" for i in range(n)]
    fig = go.Figure(
        go.Heatmap(
            z=table.to_numpy(),
            x=edges,
            y=[esc(t) for t in table.index],
            xgap=2,
            ygap=2,
            colorscale=[[0, "#FFFFFF"], [0.0001, tint(colour, 0.15)], [1, colour]],
            colorbar={"title": {"text": "theme hits"}},
            hovertemplate="%{y}<br>%{x} of the article: %{z}<extra></extra>",
        )
    )
    opener, closer = table.index[0], table.loc[:, table.columns[-1]].idxmax()
    title = f"Article {esc(_letter(label))} opens on {esc(opener)}"
    if table.loc[closer, table.columns[-1]] > 0 and closer != opener:
        title += f" and ends on {esc(closer)}"
    fig.update_xaxes(title_text="position in the article (% of its length)", tickangle=0)
    fig.update_yaxes(autorange="reversed")
    return _finish(
        fig,
        "theme_positions",
        title,
        f"Where {esc(label)} touches each theme, in {n} equal segments.",
        height=max(320, 160 + 34 * len(table)),
    )


# --- overview / compare --------------------------------------------------------------------------

#: (column of the profile table, panel title with unit).
PROFILE_METRICS: tuple[tuple[str, str], ...] = (
    ("grade", "Reading grade (US)"),
    ("sentence_length", "Words per sentence"),
    ("hedges_per_1k", "Hedges /1,000 words"),
    ("boosters_per_1k", "Boosters /1,000 words"),
    ("quoted_pct", "Quoted (% of words)"),
    ("themes_covered", "Themes covered"),
)


def profile(table: pd.DataFrame, colours: Mapping[str, str], title: str | None = None) -> go.Figure:
    """Small multiples: one panel per headline metric, one bar per article.

    ``table`` has ``id``, ``article`` and any of the columns of :data:`PROFILE_METRICS`
    (missing families leave their columns out).
    """
    metrics = [(c, t) for c, t in PROFILE_METRICS if c in table and table[c].notna().any()]
    if table.empty or not metrics:
        return empty_figure("No metrics to compare.", "profile")
    pairs = _ordered(table)
    fig = make_subplots(
        rows=1, cols=len(metrics), subplot_titles=[t for _, t in metrics], horizontal_spacing=0.035
    )
    for col_i, (col, _) in enumerate(metrics, start=1):
        for i, (aid, label) in enumerate(pairs):
            v = table.loc[table["id"] == aid, col].iloc[0]
            v = 0.0 if pd.isna(v) else float(v)
            fig.add_bar(
                x=[esc(_letter(label))],
                y=[v],
                name=esc(label),
                legendgroup=aid,
                showlegend=col_i == 1,
                marker_color=_colour(colours, aid, i),
                text=[fmt_number(v)],
                textposition="outside",
                cliponaxis=False,
                hovertemplate="%{y:.1f}<extra>" + esc(label) + "</extra>",
                row=1,
                col=col_i,
            )
        top = float(table[col].max(skipna=True) or 0.0)
        fig.update_yaxes(range=[0, max(1.0, top) * 1.25], showticklabels=False, row=1, col=col_i)
    fig.update_layout(bargap=0.15)
    fig.update_annotations(font={"size": 14})
    return _finish(
        fig,
        "profile",
        title or "Headline metrics side by side",
        "One panel per measure; each bar is an article in its colour.",
        height=400,
        above_plot=24,
    )
