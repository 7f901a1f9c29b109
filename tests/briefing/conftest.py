"""Fixtures for the export tests: a briefing over the seed corpus with four small charts."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
import pytest

from briefing import Briefing, Chart, articles_from_frame

#: Layout sizes of the four test charts: one without a size (export default 1200×675).
CHART_SIZES = {"grade": (800, 450), "fog": (640, 360), "sentences": (500, 500), "words": (None, None)}


def _chart(name: str, frame: pd.DataFrame, column: str, size: tuple[int | None, int | None]) -> Chart:
    fig = go.Figure(
        go.Bar(x=frame["id"], y=frame[column], marker_color=["#1f77b4", "#ff7f0e"][: len(frame)]),
        layout={"title": {"text": f"{name.title()} by article"}, "width": size[0], "height": size[1]},
    )
    fig.update_yaxes(title_text=column)
    return Chart(name, fig, caption=f"{column} per article.")


@pytest.fixture(scope="session")
def chart_sizes() -> dict[str, tuple[int | None, int | None]]:
    return CHART_SIZES


@pytest.fixture(scope="session")
def seed_frame(seed_articles) -> pd.DataFrame:
    from analysis import analyse_corpus, corpus_frame

    frame = corpus_frame(analyse_corpus(list(seed_articles.values())))
    frame.insert(1, "letter", ["A", "B"])
    return frame


@pytest.fixture(scope="session")
def briefing(seed_frame: pd.DataFrame) -> Briefing:
    columns = {
        "grade": "readability_flesch_kincaid_grade",
        "fog": "readability_gunning_fog",
        "sentences": "readability_sentence_length_mean",
        "words": "words",
    }
    charts = tuple(_chart(n, seed_frame, c, CHART_SIZES[n]) for n, c in columns.items())
    return Briefing(
        title="Kim–Putin summit: how two outlets covered it",
        date=dt.date(2024, 5, 1),
        # Written as the dashboard's analysis.findings words them (articles named by letter).
        findings=(
            "Article B is the hardest to read: US grade 16 against 15 for Article A.",
            "Article B's sentences are the longest: 25 words on average, against 16 in Article A.",
        ),
        charts=charts,
        metrics=seed_frame,
        tables=(("Key metrics", seed_frame[["title", "words", "readability_flesch_kincaid_grade"]]),),
        articles=articles_from_frame(seed_frame),
        notes=("SMOG is extrapolated below 30 sentences.",),
    )
