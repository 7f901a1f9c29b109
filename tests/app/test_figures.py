"""Figure functions without Streamlit: titles state the finding, colours follow the article, empty data
gives a message instead of an empty axis, user text is escaped.

Inputs are small hand-built tables in the shape of :class:`analysis.frames.CorpusFrames`;
the expected titles are worked out from their numbers in the comments.
"""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from ui import figures
from ui.style import PALETTE, article_colours, plot_config, tint

ROOT = Path(__file__).resolve().parents[2]
A, B = "a", "b"
LA, LB = "A · Summit could reshape…", "B · Leaders assert ties"
COLOURS = {A: "#0072B2", B: "#E69F00"}


def hedging(a: tuple[float, float], b: tuple[float, float], split: bool = True) -> pd.DataFrame:
    rows = []
    for aid, label, (hedges, boosters) in ((A, LA, a), (B, LB, b)):
        rows.append({
            "id": aid, "article": label, "words": 1000, "hedges_per_1k": hedges, "boosters_per_1k": boosters,
            "hedge_count": round(hedges), "booster_count": round(boosters), "quote_split": split,
            "authorial_hedges_per_1k": hedges, "quoted_hedges_per_1k": 0.0, "authorial_hedge_count": round(hedges),
            "quoted_hedge_count": 0, "authorial_words": 1000, "quoted_words": 0, "negated_count": 0,
            "set_aside_count": 0, "index": hedges - boosters,
        })
    return pd.DataFrame(rows)


def scores(values: dict[str, dict[str, float]]) -> pd.DataFrame:
    grade = {"flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
             "automated_readability_index", "text_standard"}
    rows = [
        {"id": aid, "article": LA if aid == A else LB, "score": s, "label": s, "value": v, "grade_scale": s in grade}
        for aid, d in values.items() for s, v in d.items()
    ]
    return pd.DataFrame(rows, columns=["id", "article", "score", "label", "value", "grade_scale"])


def themes(shares: dict[str, dict[str, float]]) -> pd.DataFrame:
    rows = [
        {"id": aid, "article": LA if aid == A else LB, "theme": t, "label": t.capitalize(), "sentence_share": v,
         "hits_per_1k": 10 * v, "hits": round(20 * v), "first_position": 0.1 if v else math.nan,
         "covered": v > 0, "top": False}
        for aid, d in shares.items() for t, v in d.items()
    ]
    columns = ["id", "article", "theme", "label", "sentence_share", "hits_per_1k", "hits", "first_position",
               "covered", "top"]
    return pd.DataFrame(rows, columns=columns)


def bar_colours(fig: go.Figure) -> dict[str, str]:
    return {t.name: t.marker.color for t in fig.data}


def assert_is_empty_message(fig: go.Figure, text: str) -> None:
    assert not fig.data
    assert text in fig.layout.annotations[0].text
    assert fig.layout.xaxis.visible is False and fig.layout.yaxis.visible is False


# --- titles state the finding --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # 31 / 1.24 = 25.0 → "25×" (the issue's own example)
        ((31.0, 0.0), (1.24, 2.0), "Article A uses 31 hedges per 1,000 words, 25× Article B"),
        # B has no hedge at all: a ratio would divide by zero, so say "none"
        ((12.5, 0.0), (0.0, 4.0), "Article A uses 12 hedges per 1,000 words; Article B none"),
        # 10 vs 8: within 1.5× → similar rates, lower first
        ((10.0, 0.0), (8.0, 0.0), "Similar hedge rates: 8–10 per 1,000 words"),
        ((0.0, 1.0), (0.0, 3.0), "No article uses hedges"),
    ],
)
def test_hedges_vs_boosters_title(a, b, expected):
    fig = figures.hedges_vs_boosters(hedging(a, b), COLOURS)
    assert fig.layout.title.text == expected
    assert bar_colours(fig) == {LA: COLOURS[A], LB: COLOURS[B]}
    assert fig.layout.yaxis.title.text == "per 1,000 words"
    assert list(fig.data[0].y) == [a[0], a[1]]


def test_readability_grades_title_and_bands():
    # Consensus grade 16 (A) vs 13 (B): A is the harder read.
    df = scores({A: {"flesch_kincaid_grade": 15.2, "text_standard": 16.0, "flesch_reading_ease": 20.0},
                 B: {"flesch_kincaid_grade": 16.1, "text_standard": 13.0, "flesch_reading_ease": 23.0}})
    fig = figures.readability_grades(df, COLOURS)
    assert fig.layout.title.text == "Article A is the harder read: grade 16 vs 13 for Article B"
    assert "US school grade" in fig.layout.yaxis.title.text
    assert [a.text for a in fig.layout.annotations] == ["high school", "college", "graduate"]
    assert fig.data[0].x == ("flesch_kincaid_grade", "text_standard")  # Flesch Reading Ease excluded


def test_reading_ease_names_the_band():
    df = scores({A: {"flesch_reading_ease": 20.0}, B: {"flesch_reading_ease": 64.0}})
    fig = figures.reading_ease(df, COLOURS)
    # 20 is below 30: "very difficult"; the band names are drawn above the plot.
    assert fig.layout.title.text == "Article A is the hardest to read: Reading Ease 20 (very difficult)"
    assert "plain<br>English" in [a.text for a in fig.layout.annotations]


def test_sentence_lengths_medians():
    lengths = pd.DataFrame(
        [{"id": A, "article": LA, "index": i, "start": 0, "end": 1, "words": w} for i, w in enumerate([10, 12, 30])]
        + [{"id": B, "article": LB, "index": i, "start": 0, "end": 1, "words": w} for i, w in enumerate([20, 25, 26])]
    )
    fig = figures.sentence_lengths(lengths, COLOURS)
    # medians: A 12, B 25
    assert fig.layout.title.text == "Article B's sentences run longer: median 25 words vs 12 in Article A"
    assert fig.layout.xaxis.title.text == "sentence length (words)"


def test_theme_heatmap_values_and_uncovered():
    df = themes({A: {"nuclear": 0.4, "space": 0.1, "climate": 0.0}, B: {"nuclear": 0.0, "space": 0.3, "climate": 0.0}})
    fig = figures.theme_heatmap(df, COLOURS)
    heat = fig.data[0]
    rows = dict(zip(heat.y, [list(r) for r in heat.z], strict=True))
    assert rows == {"Nuclear": [40.0, 0.0], "Space": [10.0, 30.0], "Climate": [0.0, 0.0]}
    assert list(heat.y) == ["Nuclear", "Space", "Climate"]  # most coverage first
    assert fig.layout.title.text == "Nuclear gets the most coverage; 1 theme goes uncovered"
    assert [r for r in heat.text][2] == ["–", "–"]  # uncovered cells say so
    assert f"color:{COLOURS[A]}" in heat.x[0]  # article letters in their colours
    assert [t.name for t in fig.data[1:]] == [LA, LB]  # and a legend naming them


def test_theme_positions_in_the_article_colour():
    seg = pd.DataFrame([
        {"id": A, "article": LA, "theme": t, "label": t, "segment": i, "value": v}
        for t, vals in (("Diplomacy", [0, 0, 2, 1]), ("Space", [3, 0, 0, 0]), ("Climate", [0, 0, 0, 0]))
        for i, v in enumerate(vals)
    ])
    fig = figures.theme_positions(seg, COLOURS[A], LA)
    heat = fig.data[0]
    assert list(heat.y) == ["Space", "Diplomacy"]  # by first appearance; Climate (no hits) left out
    assert list(heat.x) == ["0–25%", "25–50%", "50–75%", "75–100%"]
    assert heat.colorscale[-1][1] == COLOURS[A]
    assert fig.layout.title.text == "Article A opens on Space and ends on Diplomacy"


def test_speaker_words_names_the_dominant_voice():
    speakers = pd.DataFrame([
        {"id": B, "article": LB, "speaker": "Kiyul Chung", "quotes": 3, "words": 520, "role": "editor",
         "share_of_article": 0.61},
        {"id": B, "article": LB, "speaker": "UNKNOWN", "quotes": 1, "words": 600, "role": "",
         "share_of_article": 0.70},
        {"id": B, "article": LB, "speaker": "<b>Putin</b>", "quotes": 1, "words": 40, "role": "",
         "share_of_article": 0.05},
    ])
    fig = figures.speaker_words(speakers, COLOURS)
    # The unattributed block is bigger, but the title names the person.
    assert fig.layout.title.text == "Kiyul Chung's words fill 61% of Article B"
    assert list(fig.data[0].y) == ["(unattributed)", "Kiyul Chung", "&lt;b&gt;Putin&lt;/b&gt;"]
    assert fig.layout.showlegend is True  # one article still says whose bars these are


def test_quoted_share_and_sourcing_mix():
    quotes = pd.DataFrame([
        {"id": A, "article": LA, "words": 700, "quote_count": 0, "quoted_words": 0, "quoted_share": 0.0,
         "speaker_count": 0, "direct_named_count": 0, "reported_count": 0, "anonymous_count": 0, "top_speaker": "", "top_speaker_words": 0,
         "top_speaker_share": 0.0},
        {"id": B, "article": LB, "words": 850, "quote_count": 4, "quoted_words": 600, "quoted_share": 0.706,
         "speaker_count": 3, "direct_named_count": 4, "reported_count": 2, "anonymous_count": 0,
         "top_speaker": "Kiyul Chung",
         "top_speaker_words": 520, "top_speaker_share": 0.61},
    ])
    share = figures.quoted_share(quotes, COLOURS)
    assert share.layout.title.text == "Article B is 71% quotation; Article A quotes nobody directly"
    assert [list(t.x) for t in share.data] == [[0.0], [pytest.approx(70.6)]]
    mix = figures.sourcing_mix(quotes, COLOURS)
    assert mix.layout.title.text == "Direct quotes dominate the sourcing: 4 of 6 attributions; no unnamed sources"


def test_authorial_vs_quoted_compares_voices():
    df = hedging((10.0, 0.0), (6.0, 0.0))
    df.loc[1, ["authorial_hedges_per_1k", "quoted_hedges_per_1k", "quoted_words"]] = [2.0, 12.0, 500]
    fig = figures.authorial_vs_quoted(df, COLOURS)
    # B: quoted words hedge 12 per 1,000, the author 2 → the biggest gap.
    assert fig.layout.title.text == ("In Article B, quoted speakers hedge more than the author: "
                                     "12 vs 2 per 1,000 words")
    assert list(fig.data[0].y) == [10.0, None]  # A quotes nobody: no "inside quotations" bar
    no_split = figures.authorial_vs_quoted(hedging((1, 0), (2, 0), split=False), COLOURS)
    assert_is_empty_message(no_split, "needs the quotes analysis")


def test_profile_small_multiples_skip_missing_families():
    table = pd.DataFrame([
        {"id": A, "article": LA, "grade": 16.0, "hedges_per_1k": 35.0},
        {"id": B, "article": LB, "grade": 13.0, "hedges_per_1k": 8.2},
    ])
    fig = figures.profile(table, COLOURS)
    assert [a.text for a in fig.layout.annotations] == ["Reading grade (US)", "Hedges /1,000 words"]
    # the legend names each letter's article once (not once per panel)
    assert [t.name for t in fig.data if t.showlegend] == [LA, LB]


# --- empty and odd inputs -------------------------------------------------------------------------


EMPTY_CASES = [
    (figures.readability_grades, scores({}), "No readability scores"),
    (figures.reading_ease, scores({}), "No Flesch Reading Ease"),
    (figures.hedges_vs_boosters, hedging((0, 0), (0, 0)).iloc[0:0], "No hedging results"),
    (figures.hedge_categories, pd.DataFrame(columns=["id", "article", "kind", "category", "count", "per_1k"]),
     "No hedges or boosters"),
    (figures.speaker_words, pd.DataFrame(columns=["id", "article", "speaker", "quotes", "words", "role",
                                                  "share_of_article"]), "No quoted speakers"),
    (figures.theme_heatmap, themes({}), "No theme results"),
    (figures.theme_radar, themes({}), "No theme results"),
    (figures.profile, pd.DataFrame(columns=["id", "article"]), "No metrics"),
]


@pytest.mark.parametrize(("fn", "df", "message"), EMPTY_CASES, ids=[c[0].__name__ for c in EMPTY_CASES])
def test_no_data_gives_a_message_not_an_empty_axis(fn, df, message):
    assert_is_empty_message(fn(df, COLOURS), message)


def test_one_article_titles_do_not_compare():
    df = hedging((31.0, 0.0), (0, 0)).iloc[:1]
    assert figures.hedges_vs_boosters(df, COLOURS).layout.title.text == "Article A uses 31 hedges per 1,000 words"
    one = scores({A: {"text_standard": 14.0, "flesch_kincaid_grade": 13.0}})
    assert figures.readability_grades(one, COLOURS).layout.title.text == (
        "Article A reads at US grade 14 (college level)"
    )


# --- shared style ---------------------------------------------------------------------------------


def test_every_figure_has_a_name_title_and_template():
    fig = figures.hedges_vs_boosters(hedging((3, 1), (1, 3)), COLOURS)
    assert fig.layout.meta["name"] == "hedges_vs_boosters"
    assert fig.layout.template.layout.font.size == 15
    assert fig.layout.template.layout.paper_bgcolor == "#FFFFFF"
    assert fig.layout.title.subtitle.text


def test_plot_config_exports_png_at_3x_named():
    assert plot_config("coverage-lens_hedges_vs_boosters")["toImageButtonOptions"] == {
        "format": "png", "scale": 3, "filename": "coverage-lens_hedges_vs_boosters"
    }


def test_colours_follow_corpus_order_and_cycle():
    ids = [f"id{i}" for i in range(len(PALETTE) + 1)]
    colours = article_colours(ids)
    assert colours["id0"] == "#0072B2" and colours["id1"] == "#E69F00"
    assert colours[ids[-1]] == colours["id0"]  # beyond the palette, colours repeat in order
    assert tint("#0072B2", 0) == "#FFFFFF" and tint("#0072B2", 1) == "#0072B2"


def test_figures_module_does_not_import_streamlit():
    code = "import sys, ui.figures, ui.style, ui.evidence; print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_hedge_categories_panels_and_title():
    rows = [(A, LA, "hedge", "modal", 19), (A, LA, "hedge", "phrase", 6), (B, LB, "hedge", "modal", 2),
            (B, LB, "booster", "adjective_noun", 4), (A, LA, "booster", "adjective_noun", 0)]
    df = pd.DataFrame([{"id": i, "article": lab, "kind": k, "category": c, "count": n, "per_1k": n / 0.721}
                       for i, lab, k, c, n in rows])
    fig = figures.hedge_categories(df, COLOURS)
    # A has 25 hedges, 19 of them modal verbs: 76%
    assert fig.layout.title.text == "76% of Article A's hedges are modal verbs"
    assert [a.text for a in fig.layout.annotations] == ["Hedges by category", "Boosters by category"]
    assert list(fig.data[0].x) == ["modal verbs", "phrases"]
    assert sum(t.showlegend is not False for t in fig.data) == 2  # one legend entry per article
