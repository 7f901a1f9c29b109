"""The Briefing page's helpers: build the briefing from the selection, print CSS, downloads.

:func:`build_briefing` is pure (tables in, :class:`briefing.Briefing` out); the
exports themselves live in ``briefing/``. :func:`download_buttons` draws one button per
file; every file is made only when its button is clicked (deferred downloads), so the
page stays fast and a 4 MB report is not rebuilt on every rerun.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st
from pandas.io.formats.style import Styler

from analysis.findings import key_findings
from analysis.frames import CorpusFrames
from briefing import (
    Briefing,
    Chart,
    articles_from_frame,
    briefing_pack,
    csv_bytes,
    excel_bytes,
    find_chromium,
    html_report,
    markdown_summary,
    render_images,
)
from briefing.images import ImageFormat, unavailable_message

from . import figures
from .style import md_escape

__all__ = [
    "PRINT_CSS",
    "SOURCING_COLUMNS",
    "build_briefing",
    "compact_figure",
    "download_buttons",
    "headline_charts",
    "sourcing_style",
    "sourcing_table",
    "wrap_title",
]

#: The sourcing table's columns: quotes-family column → heading.
SOURCING_COLUMNS: dict[str, str] = {
    "letter": "Article",
    "outlet": "Outlet",
    "quote_count": "Direct quotes",
    "reported_count": "Reported speech",
    "anonymous_count": "Unnamed sources",
    "speaker_count": "Speakers",
    "quoted_pct": "Quoted (% of words)",
    "top_speaker": "Most-quoted speaker",
    "top_speaker_pct": "Their words (% of the article)",
}

# Static CSS only (never user text): print the page as a clean A4/Letter landscape sheet.
# Streamlit scrolls inside its main area; for print it must grow to its full height.
PRINT_CSS = """
<style>
@page { size: A4 landscape; margin: 10mm; }
@media print {
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
  [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
  [data-testid="stBottom"], .st-key-briefing_downloads, .st-key-briefing_controls,
  .modebar-container { display: none !important; }
  html, body, [data-testid="stApp"], [data-testid="stAppViewContainer"], [data-testid="stMain"] {
    height: auto !important; overflow: visible !important; position: static !important;
  }
  [data-testid="stMainBlockContainer"] { padding: 0 !important; max-width: none !important; }
  .st-key-briefing_charts { break-before: page; }
  /* Streamlit prints flex rows as blocks (stacked); the chart grid stays two across. */
  .st-key-briefing_charts [data-testid="stHorizontalBlock"] {
    display: flex !important; flex-direction: row !important; flex-wrap: nowrap !important; gap: 16px;
  }
  .st-key-briefing_charts [data-testid="stColumn"] { flex: 1 1 0 !important; min-width: 0 !important; }
  .st-key-briefing_charts [data-testid="stHorizontalBlock"],
  .stPlotlyChart, [data-testid="stTable"] { break-inside: avoid; page-break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
}
/* 960 px: the printable width of A4 and Letter landscape, so the charts print at the
   size they were drawn (Plotly does not re-lay out for print). */
.st-key-briefing_sheet { max-width: 960px; margin: 0 auto; }
</style>
"""

#: Height of each chart on the page: the 2×2 grid fills one landscape page (exports keep their own).
PAGE_CHART_HEIGHT = 290
#: Longest title line of a chart on the page (half of 960 px at 16 px type).
TITLE_LINE = 52


def wrap_title(title: str, width: int = TITLE_LINE) -> str:
    """A Plotly title broken into lines (``<br>``) of at most ``width`` characters, at spaces."""
    lines: list[str] = []
    for word in title.split():
        # Count what is shown: "&amp;" (the figures escape user text) is one character.
        if lines and len(html.unescape(lines[-1])) + 1 + len(html.unescape(word)) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def compact_figure(fig: go.Figure, height: int = PAGE_CHART_HEIGHT) -> go.Figure:
    """The chart for the half-width grid: shorter, title wrapped, no subtitle or legend.

    The page's article key and the caption under each chart say what the legend and
    subtitle said; the exported images keep both.
    """
    out = go.Figure(fig)
    out.update_layout(
        height=height,
        showlegend=False,
        title={
            "text": wrap_title(str(fig.layout.title.text or "")),
            "font": {"size": 16},
            "subtitle": {"text": ""},
            # Plotly grows a multi-line title upwards from its anchor: anchor the last line.
            "yref": "container",
            "y": 1,
            "yanchor": "top",
            "pad": {"t": 28},
        },
        margin={"t": 80},
    )
    small = {"title_font_size": 12, "tickfont_size": 12}
    out.update_xaxes(**small)
    out.update_yaxes(**small)
    if out.layout.xaxis.side == "top":  # the heatmap's article axis would sit under the title
        out.update_xaxes(title_text="")
    return out


def headline_charts(frames: CorpusFrames, colours: dict[str, str]) -> list[Chart]:
    """The four headline charts, one per family present, in family order."""
    makers: list[tuple[str, Callable[[], go.Figure], str]] = [
        (
            "readability",
            lambda: figures.readability_grades(frames.readability, colours),
            "US school grade per formula; shaded bands are school levels.",
        ),
        (
            "hedging",
            lambda: figures.hedges_vs_boosters(frames.hedging, colours),
            "Hedges signal speculation, boosters assertion; both per 1,000 words.",
        ),
        (
            "quotes",
            lambda: figures.sourcing_mix(frames.quotes, colours),
            "How each article attributes what it reports.",
        ),
        (
            "themes",
            lambda: figures.theme_heatmap(frames.themes, colours),
            "Share of each article's sentences that touch a theme.",
        ),
    ]
    charts = []
    for family, make, caption in makers:
        if frames.has(family):
            fig = make()
            meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
            charts.append(Chart(str(meta.get("name", family)), fig, caption))
    return charts


def sourcing_table(frames: CorpusFrames) -> pd.DataFrame:
    """Who each article quotes and how: one row per article (empty without the quotes family)."""
    if not frames.has("quotes") or frames.quotes.empty:
        return pd.DataFrame(columns=list(SOURCING_COLUMNS.values()))
    arts = frames.articles[["id", "letter", "outlet"]]
    q = frames.quotes.merge(arts, on="id", how="left")
    q["quoted_pct"] = (100 * q["quoted_share"].astype(float)).round(1)
    q["top_speaker_pct"] = (100 * q["top_speaker_share"].astype(float)).round(1)
    q["top_speaker"] = q["top_speaker"].fillna("").astype(str)
    q["outlet"] = q["outlet"].fillna("").astype(str)
    columns = [c for c in SOURCING_COLUMNS if c != "outlet" or q["outlet"].str.strip().any()]
    return q[columns].rename(columns=SOURCING_COLUMNS).reset_index(drop=True)


def sourcing_style(table: pd.DataFrame) -> Styler:
    """The sourcing table for display: no index, one decimal for percentages, blanks for empty text."""
    pct = [c for c in table.columns if "%" in c]
    return table.style.hide(axis="index").format("{:.1f}", subset=pct)


def build_briefing(frames: CorpusFrames, colours: dict[str, str], title: str, date: dt.date) -> Briefing:
    """The briefing of the selected articles (``frames`` already restricted to them)."""
    tables: list[tuple[str, pd.DataFrame]] = []
    sourcing = sourcing_table(frames)
    if not sourcing.empty:
        tables.append(("Sourcing", sourcing))
    notes = tuple(
        f"Article {row['letter']}: {w}"
        for _, row in frames.articles.iterrows()
        for w in str(row.get("warnings") or "").split(" | ")
        if w
    )
    return Briefing(
        title=title.strip() or "Coverage briefing",
        date=date,
        findings=tuple(f.text for f in key_findings(frames)),
        charts=tuple(headline_charts(frames, colours)),
        metrics=frames.articles.drop(columns=["source"], errors="ignore"),
        tables=tuple(tables),
        articles=articles_from_frame(frames.articles),
        notes=notes,
    )


@st.cache_data(show_spinner=False, max_entries=64)
def _chart_image(fig_json: str, fmt: ImageFormat) -> bytes:
    """One chart's image, cached by its figure JSON (each render starts a Chromium)."""
    return render_images({"chart": pio.from_json(fig_json)}, (fmt,))[("chart", fmt)]


def download_buttons(brief: Briefing) -> None:
    """Every export as a download button; images only where Chromium is available."""
    stem = brief.stem
    cols = st.columns(4)
    cols[0].download_button(
        "Briefing pack (ZIP)",
        data=lambda: briefing_pack(brief),
        file_name=f"{stem}.zip",
        mime="application/zip",
        icon=":material/folder_zip:",
        type="primary",
        on_click="ignore",
        key="dl_pack",
        help="Report, summary, tables and every chart as PNG and SVG, in one file.",
    )
    cols[1].download_button(
        "HTML report",
        data=lambda: html_report(brief).encode("utf-8"),
        file_name=f"{stem}.html",
        mime="text/html",
        icon=":material/description:",
        on_click="ignore",
        key="dl_html",
        help="One self-contained page with the interactive charts; opens offline.",
    )
    cols[2].download_button(
        "Metrics (CSV)",
        data=lambda: csv_bytes(brief.metrics),
        file_name=f"{stem}-metrics.csv",
        mime="text/csv",
        icon=":material/table:",
        on_click="ignore",
        key="dl_csv",
    )
    cols[3].download_button(
        "Metrics (Excel)",
        data=lambda: excel_bytes({"metrics": brief.metrics, **dict(brief.tables)}),
        file_name=f"{stem}-metrics.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/grid_on:",
        on_click="ignore",
        key="dl_xlsx",
    )
    st.download_button(
        "Summary (Markdown)",
        data=lambda: markdown_summary(brief).encode("utf-8"),
        file_name=f"{stem}.md",
        mime="text/markdown",
        icon=":material/notes:",
        on_click="ignore",
        key="dl_md",
    )
    if not brief.charts:
        return
    if find_chromium() is None:
        st.info(unavailable_message(None), icon=":material/image_not_supported:")
        return
    st.caption("Each chart as an image: PNG at 3× size for slides, SVG for print and editing.")
    for chart in brief.charts:
        fig_json = chart.figure.to_json()
        left, png, svg = st.columns([6, 1, 1], vertical_alignment="center")
        left.markdown(f"**{md_escape(chart.title)}**")
        png.download_button(
            "PNG",
            data=_deferred(fig_json, "png"),
            file_name=f"{stem}-{chart.name}.png",
            mime="image/png",
            on_click="ignore",
            key=f"dl_png_{chart.name}",
        )
        svg.download_button(
            "SVG",
            data=_deferred(fig_json, "svg"),
            file_name=f"{stem}-{chart.name}.svg",
            mime="image/svg+xml",
            on_click="ignore",
            key=f"dl_svg_{chart.name}",
        )


def _deferred(fig_json: str, fmt: ImageFormat) -> Callable[[], bytes]:
    """The image, made when its button is clicked (a loop variable bound now, not later)."""
    return lambda: _chart_image(fig_json, fmt)
