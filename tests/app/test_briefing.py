"""The Briefing page and its helpers: content, print CSS, downloads, and the files they give.

AppTest runs without Streamlit's media server, so deferred download buttons carry no
file there; the e2e test clicks them in Chromium and opens what it downloads.
"""

from __future__ import annotations

import pytest

pytest.importorskip("ui.nav", reason="needs the dashboard's ui/nav.py (dashboard branch)")

import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
from app_helpers import SEED_A, SEED_B, charts, run_page, title
from PIL import Image

from analysis import analyse_corpus, load_paths
from analysis.frames import build_frames
from briefing import briefing_pack, html_report
from ui.briefing import (
    PAGE_CHART_HEIGHT,
    PRINT_CSS,
    SOURCING_COLUMNS,
    build_briefing,
    compact_figure,
    sourcing_table,
    wrap_title,
)
from ui.selection import SELECTED_KEY
from ui.style import article_colours

ROOT = Path(__file__).resolve().parents[2]
PAGE = "pages/briefing.py"
HEADLINE = ["readability_grades", "hedges_vs_boosters", "sourcing_mix", "theme_coverage"]


@pytest.fixture
def frames(fake_families):
    return build_frames(analyse_corpus(load_paths(["data/articles"]).articles))


def test_page_shows_title_findings_four_charts_table_and_footnote(fake_families):
    at = run_page(
        PAGE, state={"p_briefing_title": "Summit <b>coverage</b>", "p_briefing_date": dt.date(2024, 5, 1)}
    )
    assert not at.exception
    assert at.title[0].value == "Summit \\<b\\>coverage\\</b\\>"  # user text escaped, shown literally
    assert "1 May 2024 · 2 articles compared" in at.caption[0].value
    assert [s.value for s in at.subheader][:2] == ["Key findings", "Sourcing"]
    drawn = charts(at)
    assert list(drawn) == HEADLINE  # the four headline charts, one per family, in family order
    for spec in drawn.values():
        assert spec["layout"]["height"] == PAGE_CHART_HEIGHT
        assert spec["layout"]["showlegend"] is False  # the article key above the charts replaces it
    table = at.table[0].value
    assert list(table["Article"]) == ["A", "B"]
    assert list(table["Direct quotes"]) == [0, 4]
    footnote = " ".join(c.value for c in at.caption).replace("\\", "")  # Markdown escapes removed
    assert "A · How a Kim-Putin Summit at the Russian Space Center Could Impact the Future" in footnote


def test_page_download_buttons(fake_families):
    at = run_page(PAGE)
    labels = [b.label for b in at.get("download_button")]
    assert labels[:5] == [
        "Briefing pack (ZIP)",
        "HTML report",
        "Metrics (CSV)",
        "Metrics (Excel)",
        "Summary (Markdown)",
    ]
    assert labels[5:] == ["PNG", "SVG"] * 4  # one pair per headline chart


def test_page_without_chromium_offers_the_html_report(fake_families, monkeypatch, tmp_path):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-chromium"))
    at = run_page(PAGE)
    assert not at.exception
    labels = [b.label for b in at.get("download_button")]
    assert "HTML report" in labels and "PNG" not in labels and "SVG" not in labels
    assert any("Download the HTML report instead" in i.value for i in at.info)


def test_page_with_nothing_selected(fake_families):
    at = run_page(PAGE, state={SELECTED_KEY: []})
    assert not at.exception
    assert "No article selected" in at.info[0].value
    assert not at.get("download_button")


def test_page_with_readability_only(readability_only):
    at = run_page(PAGE)
    assert not at.exception
    assert list(charts(at)) == ["readability_grades"]
    assert not at.table  # no quotes family, no sourcing table


def test_print_css_hides_controls_and_is_static():
    assert "@media print" in PRINT_CSS
    for hidden in ('[data-testid="stSidebar"]', '[data-testid="stHeader"]', ".st-key-briefing_downloads"):
        assert hidden in PRINT_CSS
    assert "{" not in PRINT_CSS.split("<style>")[0]  # nothing before the style block


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("short title", 52, "short title"),
        (
            "Article A uses 32 hedges per 1,000 words, 27× Article B",
            40,
            "Article A uses 32 hedges per 1,000<br>words, 27× Article B",
        ),
        ("one two three", 3, "one<br>two<br>three"),  # a word longer than the line stays whole
        # An entity counts as the one character it shows, and is never split.
        ("Diplomacy &amp; trade gets most", 17, "Diplomacy &amp; trade<br>gets most"),
    ],
)
def test_wrap_title(text, width, expected):
    assert wrap_title(text, width) == expected


def test_compact_figure_leaves_the_original_alone(frames):
    charts_ = build_briefing(frames, article_colours(frames.ids), "t", dt.date(2024, 5, 1)).charts
    original = charts_[0].figure
    small = compact_figure(original)
    assert small.layout.height == PAGE_CHART_HEIGHT and original.layout.height != PAGE_CHART_HEIGHT
    assert original.layout.showlegend is not False
    assert "<br>" in small.layout.title.text and "<br>" not in original.layout.title.text


def test_sourcing_table_numbers(frames):
    table = sourcing_table(frames)
    # The stand-in quotes family: seed A quotes nobody; seed B has 4 direct quotes by 2 speakers,
    # 28.9% of its words quoted. The outlet column is dropped: no seed names its outlet.
    assert "Outlet" not in table.columns
    assert list(table.columns) == [v for k, v in SOURCING_COLUMNS.items() if k != "outlet"]
    a, b = table.iloc[0], table.iloc[1]
    assert (a["Article"], a["Direct quotes"], a["Speakers"], a["Quoted (% of words)"]) == ("A", 0, 0, 0.0)
    assert (b["Article"], b["Direct quotes"], b["Speakers"]) == ("B", 4, 2)
    assert b["Quoted (% of words)"] == pytest.approx(28.9, abs=0.05)
    assert b["Most-quoted speaker"] == "Putin"


def test_build_briefing(frames):
    brief = build_briefing(
        frames.select([SEED_B, SEED_A]), article_colours(frames.ids), "  ", dt.date(2024, 5, 1)
    )
    assert brief.title == "Coverage briefing"  # a blank title falls back
    assert [c.name for c in brief.charts] == HEADLINE
    assert brief.findings[0].startswith("Article A uses 32 hedges per 1,000 words")
    assert [a.letter for a in brief.articles] == ["A", "B"]
    assert [h for h, _ in brief.tables] == ["Sourcing"]
    assert "source" not in brief.metrics.columns  # local file paths stay out of the exports
    assert {"hedging_hedges_per_1k", "readability_flesch_kincaid_grade"} <= set(brief.metrics.columns)
    assert title(brief.charts[0].figure.to_plotly_json())  # figures keep their finding titles


def test_exports_of_the_real_briefing(frames):
    brief = build_briefing(frames, article_colours(frames.ids), "Summit", dt.date(2024, 5, 1))
    report = html_report(brief)
    assert report.count("Plotly.newPlot(") == 4
    pack = zipfile.ZipFile(io.BytesIO(briefing_pack(brief)))
    names = [n.split("/", 1)[1] for n in pack.namelist()]
    assert [n for n in names if n.startswith("charts/")] == [
        f"charts/{c}.{e}" for c in HEADLINE for e in ("png", "svg")
    ]
    png = Image.open(io.BytesIO(pack.read(f"{brief.stem}/charts/readability_grades.png")))
    assert png.size == (3 * 1200, 3 * 460)  # layout 1200 (export default) × 460 (the figure's own)
    book = openpyxl.load_workbook(io.BytesIO(pack.read(f"{brief.stem}/metrics.xlsx")))
    assert book.sheetnames == ["metrics", "Sourcing"]
    metrics = pd.read_csv(io.BytesIO(pack.read(f"{brief.stem}/metrics.csv")), encoding="utf-8-sig")
    assert list(metrics["letter"]) == ["A", "B"]
