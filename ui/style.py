"""The dashboard's look: article colours, evidence-layer colours, the Plotly template and toolbar config.

Pure Python (no Streamlit), shared by the figures, the evidence view and exports.

Each article's colour follows its position in the *corpus* (not the selection), so
Article A has the same colour on every page and in every chart, whatever else is
selected. The palette is Okabe & Ito's colour-blind-safe set (without its yellow,
too pale on white), then Tableau's muted tones for corpora beyond eight articles.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

__all__ = [
    "FONT",
    "LAYERS",
    "PALETTE",
    "TEMPLATE",
    "article_colours",
    "esc",
    "md_escape",
    "plot_config",
    "tint",
]

PALETTE: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#000000",  # black
    "#8C6D31",  # olive brown
    "#7F3C8D",
    "#11A579",
    "#3969AC",
    "#F2B701",
    "#E73F74",
    "#80BA5A",
    "#E68310",
    "#008695",
)

#: Evidence layers of the Article page: name → legend label, toggle label, background, border colour.
LAYERS: dict[str, dict[str, str]] = {
    "hedge": {
        "label": "Hedge (speculation)",
        "short": "Hedges",
        "background": "#FFE08A",
        "border": "#C99A00",
    },
    "booster": {
        "label": "Booster (assertion)",
        "short": "Boosters",
        "background": "#F7B7A3",
        "border": "#C4441C",
    },
    "quote": {
        "label": "Direct quotation",
        "short": "Quotations",
        "background": "#DCEBFA",
        "border": "#2F6DB5",
    },
    "reported": {
        "label": "Reported speech",
        "short": "Reported speech",
        "background": "#EEE6F7",
        "border": "#7A55A8",
    },
    "theme": {
        "label": "Theme term",
        "short": "Theme terms",
        "background": "transparent",
        "border": "#1B7F4C",
    },
}

#: Streamlit's own web font first (loaded by the app), then metric-compatible system fonts.
FONT = '"Source Sans", "Source Sans 3", "Liberation Sans", Arial, Helvetica, sans-serif'


def article_colours(ids: Iterable[str]) -> dict[str, str]:
    """Colour of each article, by its position in the corpus order ``ids``."""
    return {aid: PALETTE[i % len(PALETTE)] for i, aid in enumerate(ids)}


def tint(colour: str, amount: float) -> str:
    """``colour`` (``#rrggbb``) mixed with white; ``amount`` 0 is white, 1 the colour itself."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    mix = (round(255 + (c - 255) * amount) for c in (r, g, b))
    return "#{:02X}{:02X}{:02X}".format(*mix)


def esc(text: Any) -> str:
    """User text made safe for Plotly labels and HTML: ``<``, ``>``, ``&`` escaped."""
    return html.escape(str(text), quote=False)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md_escape(text: object) -> str:
    """``text`` with Markdown (and Streamlit's ``$`` math, ``:colour[]`` and emoji codes) made literal."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def plot_config(filename: str) -> dict[str, Any]:
    """Plotly toolbar config: PNG export at 3× scale named after the chart, no Plotly logo."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "scale": 3, "filename": filename},
        "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
    }


def _template() -> go.layout.Template:
    base = pio.templates["plotly_white"]
    t = go.layout.Template(base)
    t.layout.font = {"family": FONT, "size": 15, "color": "#1f2a37"}
    t.layout.title = {"font": {"size": 20, "color": "#111827"}, "x": 0, "xanchor": "left", "y": 0.97}
    t.layout.paper_bgcolor = "#FFFFFF"
    t.layout.plot_bgcolor = "#FFFFFF"
    t.layout.colorway = list(PALETTE)
    t.layout.legend = {"font": {"size": 14}, "title": {"text": ""}}
    t.layout.hoverlabel = {"font": {"size": 14, "family": FONT}}
    axis = {
        "title": {"font": {"size": 15}},
        "tickfont": {"size": 14},
        "gridcolor": "#E5E7EB",
        "zerolinecolor": "#9CA3AF",
        "linecolor": "#9CA3AF",
        "automargin": True,
    }
    t.layout.xaxis = axis
    t.layout.yaxis = axis
    return t


#: Applied per figure (``template=TEMPLATE``); never registered as Plotly's global default.
TEMPLATE = _template()
