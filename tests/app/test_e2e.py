"""End to end: the real ``streamlit run dashboard.py`` in Debian's headless Chromium.

Every page is opened by URL, its Plotly charts must draw (an SVG inside every
``stPlotlyChart``), no Streamlit exception box may appear, and a full-page screenshot
is saved to tests/artifacts/ (1440 wide, plus the Overview at 1280×720).
"""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from e2e_support import ARTIFACTS, open_page, wait_for_rerun

from ui.nav import PAGES

pytestmark = pytest.mark.e2e


def url_path(path: str) -> str:
    """st.Page's default URL: the file name without .py; the default page is the root."""
    spec = next(p for p in PAGES if p.path == path)
    return "" if spec.default else path.rsplit("/", 1)[-1].removesuffix(".py")


#: Charts each page must draw on the default corpus with today's families (at least).
MIN_CHARTS = {"overview": 1, "readability": 4, "hedging": 3, "quotes": 3, "themes": 3, "compare": 5}


@pytest.fixture(scope="module")
def page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, device_scale_factor=1)
    pg = context.new_page()
    yield pg
    context.close()


def full_page_screenshot(page, path) -> None:
    """Streamlit scrolls inside its main block, so grow the viewport to the content, then shoot."""
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], height)})
    page.wait_for_timeout(800)
    page.screenshot(path=str(path))
    page.set_viewport_size(size)


@pytest.mark.parametrize("path", [p.path for p in PAGES])
def test_page_renders_without_errors(streamlit_server, page, path):
    name = url_path(path) or "overview"
    open_page(page, f"{streamlit_server}/{url_path(path)}", min_charts=MIN_CHARTS.get(name, 0))
    assert page.locator('[data-testid="stException"]').count() == 0
    charts = page.locator('[data-testid="stPlotlyChart"]')
    assert charts.count() >= MIN_CHARTS.get(name, 0)
    assert page.locator('[data-testid="stPlotlyChart"] .main-svg').count() >= charts.count()
    # every chart has a title that the figure function wrote
    for i in range(charts.count()):
        assert charts.nth(i).locator(".gtitle").first.text_content().strip()
    full_page_screenshot(page, ARTIFACTS / f"{name}.png")


def test_overview_at_1280x720(streamlit_server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    pg = context.new_page()
    try:
        open_page(pg, streamlit_server, min_charts=1)
        assert pg.locator('[data-testid="stException"]').count() == 0
        pg.screenshot(path=str(ARTIFACTS / "overview_1280x720.png"))
        open_page(pg, f"{streamlit_server}/hedging", min_charts=2)
        pg.locator('[data-testid="stPlotlyChart"]').first.scroll_into_view_if_needed()
        pg.screenshot(path=str(ARTIFACTS / "hedging_1280x720.png"))
    finally:
        context.close()


def test_selection_in_the_sidebar_changes_the_charts(streamlit_server, page):
    open_page(page, f"{streamlit_server}/readability", min_charts=4)
    legend = page.locator('[data-testid="stPlotlyChart"]').first.locator(".legendtext")
    assert legend.count() == 2
    # remove article B from the selection: its chip's delete button in the sidebar multiselect
    tags = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelectTagsContainer"]').last
    tags.locator('button[aria-label^="Remove B "]').click()
    wait_for_rerun(page)
    assert page.locator('[data-testid="stPlotlyChart"]').first.locator(".legendtext").count() == 1
    # the selection persists on another page
    page.locator('[data-testid="stSidebarNav"] a', has_text="Hedging").click()
    wait_for_rerun(page)
    assert "/hedging" in page.url
    tags = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelectTagsContainer"]').last
    assert tags.locator("[data-tag]").count() == 1


def test_png_export_button_names_the_file(streamlit_server, page):
    open_page(page, f"{streamlit_server}/hedging", min_charts=2)
    chart = page.locator('[data-testid="stPlotlyChart"]').first
    chart.hover()
    with page.expect_download(timeout=60_000) as info:
        chart.locator('[data-title^="Download plot"]').first.click()
    assert info.value.suggested_filename == "coverage-lens_hedges_vs_boosters.png"
    png = Path(info.value.path()).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])  # IHDR
    box = chart.locator(".main-svg").first.bounding_box()
    assert (width, height) == (round(3 * box["width"]), round(3 * box["height"]))  # scale 3


def test_first_request_to_a_fresh_server_can_be_a_deep_link(browser):
    # A shared link opened right after a restart: with a pages/ folder, Streamlit answers
    # the first request in its legacy folder mode (page alone, no dashboard.py). The pages'
    # ensure_entry() reruns once, so the sidebar, navigation and ?articles= selection are there.
    from e2e_support import start_streamlit, stop_streamlit

    proc, url = start_streamlit(log=ARTIFACTS / "streamlit-deeplink.log")
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    try:
        page = context.new_page()
        open_page(page, f"{url}/quotes?articles=004_76dfa7cb8ca091fe", min_charts=3)
        sidebar = page.inner_text('[data-testid="stSidebar"]')
        assert "Articles to compare" in sidebar and "1 of 2 articles selected" in sidebar
        # The navigation is dashboard.py's (titles), not the folder mode's list of file names.
        links = page.locator('[data-testid="stSidebarNav"] a').all_inner_texts()
        assert [text.split("\n")[-1] for text in links] == [p.title for p in PAGES]
        assert page.locator('[data-testid="stException"]').count() == 0
    finally:
        context.close()
        stop_streamlit(proc)
