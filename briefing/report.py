"""The briefing's content, and its two text forms: a self-contained HTML report and Markdown.

A :class:`Briefing` is what every export is made from: title, date, key findings,
charts, tables and the articles it covers. The HTML report inlines plotly.js (no CDN,
no network: it opens offline, e.g. from an e-mail attachment) and keeps the charts
interactive. All text that came from articles or users is escaped.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

__all__ = [
    "ArticleNote",
    "Briefing",
    "Chart",
    "articles_from_frame",
    "html_report",
    "markdown_summary",
    "md_escape",
]


@dataclass(frozen=True)
class Chart:
    """One chart of the briefing.

    Attributes:
        name: File-name stem in the pack (``readability`` → ``charts/readability.png``).
        figure: The Plotly figure; its title states the finding.
        caption: Optional sentence under the chart (how to read it, caveats).
    """

    name: str
    figure: go.Figure
    caption: str = ""

    @property
    def title(self) -> str:
        """The figure's title as plain text (Plotly's ``<br>``/``<b>`` tags removed)."""
        text = self.figure.layout.title.text or self.name
        return _plain(text)


@dataclass(frozen=True)
class ArticleNote:
    """An article as the footnote lists it (``letter`` is the dashboard's "Article A")."""

    id: str
    title: str
    outlet: str = ""
    published: str = ""
    url: str = ""
    letter: str = ""

    def line(self) -> str:
        """``A · Title — Outlet, date`` (parts that are unknown are left out)."""
        head = f"{self.letter} · {self.title}" if self.letter else self.title
        tail = ", ".join(p for p in (self.outlet, self.published) if p)
        return f"{head} — {tail}" if tail else head


@dataclass(frozen=True)
class Briefing:
    """Everything a briefing export shows.

    Attributes:
        title: Heading of the report and of the printed page.
        date: The day the briefing was made.
        findings: Key findings, one sentence each, numbers included.
        charts: The headline charts, in order.
        metrics: The corpus table (one row per article); CSV and Excel export it whole.
        tables: Further tables shown in the report, as ``(heading, table)`` (e.g. sourcing).
        articles: The articles covered, for the footnote.
        notes: Caveats a reader must see (e.g. "SMOG is unreliable below 30 sentences").
    """

    title: str
    date: dt.date
    findings: tuple[str, ...]
    charts: tuple[Chart, ...]
    metrics: pd.DataFrame = field(default_factory=pd.DataFrame)
    tables: tuple[tuple[str, pd.DataFrame], ...] = ()
    articles: tuple[ArticleNote, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def stem(self) -> str:
        """File-name stem for downloads: ``coverage-lens-briefing-2024-05-01``."""
        return f"coverage-lens-briefing-{self.date.isoformat()}"


def articles_from_frame(frame: pd.DataFrame) -> tuple[ArticleNote, ...]:
    """The footnote's article list from the corpus table (``id``, ``title``, ``outlet``, ``letter``…)."""
    if frame.empty or "id" not in frame.columns:
        return ()

    def cell(row: pd.Series, col: str) -> str:
        value = row.get(col, "")
        return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)

    return tuple(
        ArticleNote(
            id=cell(row, "id"),
            title=cell(row, "title") or cell(row, "id"),
            outlet=cell(row, "outlet"),
            published=cell(row, "published"),
            url=cell(row, "url"),
            letter=cell(row, "letter"),
        )
        for _, row in frame.iterrows()
    )


_TAG = re.compile(r"<[^>]*>")


def _plain(text: str) -> str:
    """Plotly's rich text (``<br>``, ``<b>``, ``<sup>``) as plain text."""
    return html.unescape(_TAG.sub(" ", text.replace("<br>", " — "))).strip()


# ---------------------------------------------------------------------------- HTML

#: Static CSS shared by the HTML report (and the Briefing page's print rules). No user text.
REPORT_CSS = """
:root { --ink: #1b1f24; --muted: #5b6570; --rule: #d5dbe1; --accent: #1f4e79; }
* { box-sizing: border-box; }
/* 960 px fits the printable width of A4 and Letter landscape, so charts keep their
   on-screen size when printed (Plotly does not re-lay out for print). */
body { font-family: "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 0 auto;
       max-width: 960px; padding: 24px 0; line-height: 1.45; }
header h1 { font-size: 1.8rem; margin: 0 0 4px; color: var(--accent); }
header .date { color: var(--muted); margin: 0 0 16px; }
h2 { font-size: 1.2rem; border-bottom: 1px solid var(--rule); padding-bottom: 4px; margin-top: 28px; }
ul.findings li { margin: 4px 0; }
/* One chart per row: the dashboard's figures are laid out for full width (titles state the finding). */
.charts { display: grid; grid-template-columns: minmax(0, 1fr); gap: 16px; }
figure.chart { margin: 0; border: 1px solid var(--rule); border-radius: 6px; padding: 8px;
               break-inside: avoid; page-break-inside: avoid; }
figure.chart figcaption { color: var(--muted); font-size: 0.85rem; margin-top: 4px; }
table.data { border-collapse: collapse; font-size: 0.85rem; width: 100%; }
table.data th, table.data td { border-bottom: 1px solid var(--rule); padding: 4px 8px; text-align: left; }
table.data .num { text-align: right; font-variant-numeric: tabular-nums; }
.notes { color: var(--muted); font-size: 0.85rem; }
footer { margin-top: 28px; border-top: 1px solid var(--rule); padding-top: 8px; font-size: 0.8rem;
         color: var(--muted); break-inside: avoid; }
footer ul.articles { list-style: none; padding-left: 0; margin: 4px 0; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { padding: 0; }
  details { display: none; }
  h2 { break-after: avoid; }
}
"""


#: Height of a chart in the report when its figure sets none.
REPORT_CHART_HEIGHT = 420


@cache
def _plotly_js() -> str:
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


def _chart_html(chart: Chart) -> str:
    height = chart.figure.layout.height or REPORT_CHART_HEIGHT
    div = pio.to_html(
        chart.figure,
        full_html=False,
        include_plotlyjs=False,
        include_mathjax=False,
        default_width="100%",
        default_height=f"{height}px",
        config={"displaylogo": False, "responsive": True},
    )
    caption = f"<figcaption>{html.escape(chart.caption)}</figcaption>" if chart.caption else ""
    return f'<figure class="chart" id="chart-{html.escape(chart.name)}">{div}{caption}</figure>'


def _py(value: object) -> object:
    """numpy/pandas scalars as Python values; missing values as None."""
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _format_cell(value: object) -> str:
    value = _py(value)
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.2f}"
    return str(value)


def table_html(frame: pd.DataFrame) -> str:
    """A table as escaped HTML (numbers right-aligned, two decimals)."""
    head = "".join(
        f'<th class="num">{html.escape(str(c))}</th>'
        if _numeric_col(frame[c])
        else f"<th>{html.escape(str(c))}</th>"
        for c in frame.columns
    )
    rows = []
    for row in frame.itertuples(index=False):
        cells = "".join(
            f'<td class="num">{html.escape(_format_cell(v))}</td>'
            if _is_number(_py(v))
            else f"<td>{html.escape(_format_cell(v))}</td>"
            for v in row
        )
        rows.append(f"<tr>{cells}</tr>")
    return f'<table class="data"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _metrics_by_article(metrics: pd.DataFrame) -> pd.DataFrame:
    """The corpus table turned: one row per metric, one column per article."""
    label = next((c for c in ("article", "title", "id") if c in metrics.columns), metrics.columns[0])
    drop = {"source", "tags", "warnings", "letter", "article", "title"} - {label}
    body = metrics.drop(columns=[c for c in metrics.columns if c in drop])
    turned = body.set_index(label).T.reset_index(names="metric")
    turned.columns = [str(c) for c in turned.columns]
    return turned


def _article_html(note: ArticleNote) -> str:
    text = html.escape(note.line())
    if note.url.startswith(("https://", "http://")):
        return f'<li>{text} <span class="url">({html.escape(note.url)})</span></li>'
    return f"<li>{text}</li>"


def html_report(briefing: Briefing) -> str:
    """The briefing as one self-contained HTML page.

    plotly.js is inlined once; each chart stays interactive. Nothing is fetched from the
    network when the page opens. Article URLs are shown as text, not loaded.

    Args:
        briefing: What to show.

    Returns:
        The HTML document.
    """
    esc = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(briefing.title)}</title>",
        f"<style>{REPORT_CSS}</style>",
        f'<script type="text/javascript">{_plotly_js()}</script>',
        "</head><body>",
        f'<header><h1>{esc(briefing.title)}</h1><p class="date">{esc(_long_date(briefing.date))}'
        f" · {len(briefing.articles)} article{'s' if len(briefing.articles) != 1 else ''}</p></header>",
    ]
    if briefing.findings:
        items = "".join(f"<li>{esc(f)}</li>" for f in briefing.findings)
        parts.append(f'<section><h2>Key findings</h2><ul class="findings">{items}</ul></section>')
    if briefing.charts:
        charts = "".join(_chart_html(c) for c in briefing.charts)
        parts.append(f'<section><h2>Charts</h2><div class="charts">{charts}</div></section>')
    for heading, frame in briefing.tables:
        parts.append(f"<section><h2>{esc(heading)}</h2>{table_html(frame)}</section>")
    if not briefing.metrics.empty:
        parts.append(
            "<section><details><summary>All metrics (one column per article)</summary>"
            f"{table_html(_metrics_by_article(briefing.metrics))}</details></section>"
        )
    if briefing.notes:
        notes = "".join(f"<li>{esc(n)}</li>" for n in briefing.notes)
        parts.append(f'<section class="notes"><h2>Caveats</h2><ul>{notes}</ul></section>')
    articles = "".join(_article_html(a) for a in briefing.articles)
    parts.append(
        f'<footer><strong>Articles</strong><ul class="articles">{articles}</ul>'
        f"<p>Made with Coverage Lens on {esc(briefing.date.isoformat())}.</p></footer>"
    )
    parts.append("</body></html>")
    return "\n".join(parts)


def _long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


# ------------------------------------------------------------------------ Markdown

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md_escape(text: str) -> str:
    r"""Text for Markdown: specials backslash-escaped, newlines folded (``a|b`` → ``a\|b``)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _md_table(frame: pd.DataFrame) -> list[str]:
    head = "| " + " | ".join(md_escape(str(c)) for c in frame.columns) + " |"
    rule = "| " + " | ".join("---:" if _numeric_col(frame[c]) else "---" for c in frame.columns) + " |"
    rows = [
        "| " + " | ".join(md_escape(_format_cell(v)) for v in row) + " |"
        for row in frame.itertuples(index=False)
    ]
    return [head, rule, *rows]


def _numeric_col(col: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_bool_dtype(col)


def markdown_summary(briefing: Briefing, images: Iterable[str] = ()) -> str:
    """The briefing as Markdown: findings, chart list, tables, caveats and articles.

    Args:
        briefing: What to summarise.
        images: Paths of chart images to embed (``charts/<name>.png``), when the pack has them.

    Returns:
        The Markdown text.
    """
    embedded = {p.rsplit("/", 1)[-1].rsplit(".", 1)[0]: p for p in images}
    lines = [f"# {md_escape(briefing.title)}", "", f"{_long_date(briefing.date)}", ""]
    if briefing.findings:
        lines += ["## Key findings", "", *(f"- {md_escape(f)}" for f in briefing.findings), ""]
    if briefing.charts:
        lines += ["## Charts", ""]
        for chart in briefing.charts:
            if chart.name in embedded:
                lines += [f"![{md_escape(chart.title)}]({embedded[chart.name]})", ""]
            else:
                lines += [f"- {md_escape(chart.title)}"]
            if chart.caption:
                lines += [f"*{md_escape(chart.caption)}*", ""]
        lines.append("")
    for heading, frame in briefing.tables:
        lines += [f"## {md_escape(heading)}", "", *_md_table(frame), ""]
    if briefing.notes:
        lines += ["## Caveats", "", *(f"- {md_escape(n)}" for n in briefing.notes), ""]
    if briefing.articles:
        lines += ["## Articles", ""]
        lines += [
            f"- {md_escape(a.line())}" + (f" <{a.url}>" if _safe_url(a.url) else "")
            for a in briefing.articles
        ]
        lines.append("")
    return "\n".join(lines)


_URL = re.compile(r"^https?://[^\s<>]+$")


def _safe_url(url: str) -> bool:
    return bool(_URL.match(url))


def chart_names(charts: Sequence[Chart]) -> list[str]:
    """Chart names made unique and file-safe, in order (``a``, ``a-2``)."""
    out: list[str] = []
    for chart in charts:
        base = re.sub(r"[^a-z0-9_-]+", "-", chart.name.lower()).strip("-") or "chart"
        name, n = base, 2
        while name in out:
            name, n = f"{base}-{n}", n + 1
        out.append(name)
    return out
