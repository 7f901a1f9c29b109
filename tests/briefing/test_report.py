"""The HTML report and the Markdown summary: content, escaping, and opening offline."""

from __future__ import annotations

import dataclasses
import html
import html.parser
from pathlib import Path

import pandas as pd
import pytest

from briefing.report import (
    ArticleNote,
    Briefing,
    articles_from_frame,
    html_report,
    markdown_summary,
    md_escape,
)

HOSTILE = '<img src=x onerror="alert(1)">'


class _Resources(html.parser.HTMLParser):
    """Collects every attribute that would make a browser fetch something."""

    FETCHING = frozenset(
        {("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src")}
    )

    def __init__(self) -> None:
        super().__init__()
        self.fetched: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.scripts += tag == "script"
        self.fetched += [v or "" for k, v in attrs if (tag, k) in self.FETCHING]


@pytest.fixture(scope="module")
def report(briefing: Briefing) -> str:
    return html_report(briefing)


def test_report_has_every_chart_inline(report: str, briefing: Briefing) -> None:
    assert report.count("Plotly.newPlot(") == len(briefing.charts) == 4
    for chart in briefing.charts:
        assert f'id="chart-{chart.name}"' in report
        assert chart.figure.layout.title.text in report  # the figure JSON carries its title


def test_report_fetches_nothing(report: str) -> None:
    parser = _Resources()
    parser.feed(report)
    assert parser.fetched == []  # no <script src>, <link href>, <img src>: plotly.js is inline
    assert parser.scripts == 1 + 4  # plotly.js once, then one script per chart
    assert "@import" not in report
    assert "cdn.plot.ly/plotly" not in report.split("</head>", 1)[1]  # no CDN loader in the body


def test_report_shows_findings_tables_and_footnote(report: str, briefing: Briefing) -> None:
    for finding in briefing.findings:
        assert html.escape(finding) in report  # "B's" → "B&#x27;s"
    assert "<h2>Key metrics</h2>" in report
    assert "How a Kim-Putin Summit at the Russian Space Center Could Impact the Future" in report
    assert "1 May 2024 · 2 articles" in report
    footer = report.split("<footer>", 1)[1]
    assert footer.count("<li>") == 2
    assert "<li>B · Putin + Kim Summit: Military Cooperation" in footer  # letter as in the findings


def test_report_escapes_all_text(briefing: Briefing) -> None:
    hostile = dataclasses.replace(
        briefing,
        title=HOSTILE,
        findings=(HOSTILE,),
        tables=(("T" + HOSTILE, pd.DataFrame({"title": [HOSTILE]})),),
        articles=(ArticleNote(id="x", title=HOSTILE, outlet=HOSTILE, url="javascript:alert(1)"),),
        notes=(HOSTILE,),
        charts=(),
    )
    out = html_report(hostile)
    body = out.split("</head>", 1)[1]
    assert HOSTILE not in out
    assert body.count("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;") >= 5
    assert "javascript:" not in body  # a non-http URL is not shown as a link target


@pytest.mark.e2e
def test_report_opens_offline_in_chromium(report: str, tmp_path: Path, browser) -> None:
    # `browser`: the session's Debian Chromium (tests/conftest.py); one Playwright per session.
    path = tmp_path / "report.html"
    path.write_text(report, encoding="utf-8")
    external: list[str] = []
    errors: list[str] = []
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))

        def guard(route) -> None:
            url = route.request.url
            if url.startswith(("file:", "data:", "blob:")):
                route.continue_()
            else:
                external.append(url)
                route.abort()

        page.route("**/*", guard)
        page.goto(path.as_uri())
        page.wait_for_function("document.querySelectorAll('.js-plotly-plot .main-svg').length >= 4")
        drawn = page.locator(".js-plotly-plot").count()
        bars = page.locator(".js-plotly-plot .bars path").count()
    finally:
        context.close()
    assert external == []
    assert errors == []
    assert drawn == 4
    assert bars == 4 * 2  # two articles, one bar each, in every chart


def test_markdown_summary(briefing: Briefing) -> None:
    md = markdown_summary(briefing, ["charts/grade.png"])
    assert md.startswith("# Kim–Putin summit: how two outlets covered it\n")
    assert "![Grade by article](charts/grade.png)" in md
    assert "- Fog by article" in md  # no image given: listed by title
    assert "## Key metrics" in md and "| title | words | readability\\_flesch\\_kincaid\\_grade |" in md
    assert "- A · How a Kim-Putin Summit at the Russian Space Center Could Impact the Future\n" in md
    for finding in briefing.findings:
        assert md_escape(finding) in md


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a | b", "a \\| b"),  # would split a table cell
        ("*bold* _it_", "\\*bold\\* \\_it\\_"),
        ("<script>", "\\<script\\>"),  # raw HTML in Markdown renderers
        ("[link](x)", "\\[link\\](x)"),
        ("two\nlines", "two lines"),  # a newline would end a list item or table row
        ("Grade 16.2 (Flesch–Kincaid)", "Grade 16.2 (Flesch–Kincaid)"),
    ],
)
def test_md_escape(text: str, expected: str) -> None:
    assert md_escape(text) == expected


def test_articles_from_frame_handles_missing_values() -> None:
    frame = pd.DataFrame({"id": ["a", "b"], "title": ["T", float("nan")], "outlet": ["O", None]})
    notes = articles_from_frame(frame)
    assert [n.line() for n in notes] == ["T — O", "b"]  # no title: the id stands in
    lettered = articles_from_frame(frame.assign(letter=["A", "B"], published=["2024-05-01", ""]))
    assert [n.line() for n in lettered] == ["A · T — O, 2024-05-01", "B · b"]
    assert articles_from_frame(pd.DataFrame()) == ()
