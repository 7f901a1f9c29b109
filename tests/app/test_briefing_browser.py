"""The Briefing page in a real Chromium: downloads open as the right files, and it prints cleanly.

Uses the session's ``streamlit_server`` and ``browser`` (tests/conftest.py); the pipeline is
the real one, so the charts expected are those of the families it has.
"""

from __future__ import annotations

import pytest

pytest.importorskip("ui.nav", reason="needs the dashboard's ui/nav.py (dashboard branch)")

import io
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
from e2e_support import ARTIFACTS, open_page
from PIL import Image

from analysis import pipeline

FAMILY_CHARTS = {
    "readability": "readability_grades",
    "hedging": "hedges_vs_boosters",
    "quotes": "sourcing_mix",
    "themes": "theme_coverage",
}

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def page(streamlit_server, browser):
    context = browser.new_context(viewport={"width": 1600, "height": 900}, accept_downloads=True)
    pg = context.new_page()
    # The root first: a fresh server serves a first deep link in the legacy pages/ mode.
    open_page(pg, streamlit_server, timeout_ms=120_000)
    open_page(pg, f"{streamlit_server}/briefing", timeout_ms=120_000, min_charts=1)
    yield pg
    context.close()


def _download(page, label: str, nth: int = 0) -> tuple[str, bytes]:
    with page.expect_download(timeout=120_000) as info:
        page.get_by_role("button", name=label, exact=True).nth(nth).click()
    download = info.value
    return download.suggested_filename, Path(download.path()).read_bytes()


def _expected_charts() -> list[str]:
    present = [name for name, _ in pipeline.FAMILIES]
    return [chart for family, chart in FAMILY_CHARTS.items() if family in present]


def test_page_draws_one_chart_per_family(page):
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator(".st-key-briefing_charts .stPlotlyChart .main-svg").count() >= len(_expected_charts())


def test_zip_pack_downloads_and_opens(page):
    name, data = _download(page, "Briefing pack (ZIP)")
    assert name.startswith("coverage-lens-briefing-") and name.endswith(".zip")
    pack = zipfile.ZipFile(io.BytesIO(data))
    parts = {n.split("/", 1)[1] for n in pack.namelist()}
    assert {"summary.md", "report.html", "metrics.csv", "metrics.xlsx"} <= parts
    for chart in _expected_charts():
        assert {f"charts/{chart}.png", f"charts/{chart}.svg"} <= parts
    stem = pack.namelist()[0].split("/", 1)[0]
    png = Image.open(io.BytesIO(pack.read(f"{stem}/charts/readability_grades.png")))
    assert png.width == 3 * 1200  # 3× the export width
    assert pack.read(f"{stem}/report.html").count(b"Plotly.newPlot(") == len(_expected_charts())


def test_csv_and_excel_download(page):
    _, csv = _download(page, "Metrics (CSV)")
    table = pd.read_csv(io.BytesIO(csv), encoding="utf-8-sig")
    assert {"id", "letter", "title", "readability_flesch_kincaid_grade"} <= set(table.columns)
    assert len(table) == 2
    _, xlsx = _download(page, "Metrics (Excel)")
    book = openpyxl.load_workbook(io.BytesIO(xlsx))
    assert book.sheetnames[0] == "metrics"
    assert book["metrics"].max_row == 3  # header and two articles


def test_chart_png_download_is_three_times_its_layout(page):
    name, data = _download(page, "PNG", nth=0)
    assert name.endswith("-readability_grades.png")
    image = Image.open(io.BytesIO(data))
    image.load()
    assert image.size == (3 * 1200, 3 * 460)  # export width 1200 × the figure's own height


def test_print_hides_controls_and_keeps_the_chart_grid(page):
    page.emulate_media(media="print")
    try:
        for hidden in ('[data-testid="stSidebar"]', ".st-key-briefing_downloads", '[data-testid="stHeader"]'):
            assert page.locator(hidden).first.is_hidden(), hidden
        charts = page.locator(".st-key-briefing_charts .stPlotlyChart")
        if charts.count() >= 2:
            first, second = charts.nth(0).bounding_box(), charts.nth(1).bounding_box()
            assert first["y"] == pytest.approx(second["y"], abs=2)  # side by side, not stacked
            assert second["x"] > first["x"] + first["width"] - 2
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        pdf = ARTIFACTS / "briefing.pdf"  # look at it: pdftoppm -png briefing.pdf page
        page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
        assert pdf.read_bytes().startswith(b"%PDF")
    finally:
        page.emulate_media(media="screen")
