"""The evidence view's markup: an article's text with its hedges, boosters, quotes and theme terms marked.

Pure Python (no Streamlit). Every piece of article text, speaker name, term and label
goes through :func:`html.escape` before it is put into markup; only the tags and
inline styles built here are unescaped. The result is for ``st.html`` (which does not
read Markdown, so ``*``, ``#`` and ``$`` in the text stay literal).

Spans may overlap (a hedge inside a quotation, a theme term inside a hedge): the text
is cut at every span boundary and each piece carries the styles of all spans covering
it, with a tooltip listing them. A quotation starts with a small badge naming its speaker.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from .style import LAYERS

__all__ = ["Span", "legend_html", "parts", "render", "spans_for"]

#: Characters of text per part when a long article is shown in parts.
PART_CHARS = 24_000


@dataclass(frozen=True, slots=True)
class Span:
    """A highlighted range of the cleaned text: ``layer`` is a key of :data:`ui.style.LAYERS`."""

    start: int
    end: int
    layer: str
    tip: str
    badge: str = ""


def _int(v: object) -> int | None:
    try:
        return int(v)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def spans_for(
    article_id: str,
    layers: Iterable[str],
    hedge_hits: pd.DataFrame,
    quotes_direct: pd.DataFrame,
    quotes_reported: pd.DataFrame,
    theme_hits: pd.DataFrame,
    themes: Iterable[str] | None = None,
) -> list[Span]:
    """Spans of one article for the chosen ``layers`` (hedge, booster, quote, reported, theme).

    Only counted hedging hits are marked (negated and set-aside ones are not counted).
    ``themes`` limits the theme layer to those theme ids (all when None).
    """
    layers = set(layers)
    out: list[Span] = []
    hits = hedge_hits[(hedge_hits["id"] == article_id) & hedge_hits["counted"].fillna(True).astype(bool)]
    for h in hits.itertuples(index=False):
        if h.kind in layers and (s := _int(h.start)) is not None and (e := _int(h.end)) is not None:
            speaker = f", {h.speaker}" if isinstance(h.speaker, str) and h.speaker else ""
            where = f" (in a quotation{speaker})" if h.in_quote else ""
            out.append(Span(s, e, h.kind, f"{h.kind}: {h.term} · {h.category}{where}"))
    if "quote" in layers:
        for q in quotes_direct[quotes_direct["id"] == article_id].itertuples(index=False):
            if (s := _int(q.start)) is not None and (e := _int(q.end)) is not None:
                out.append(Span(s, e, "quote", f"quotation: {q.speaker}", badge=str(q.speaker)))
    if "reported" in layers:
        for r in quotes_reported[quotes_reported["id"] == article_id].itertuples(index=False):
            if (s := _int(r.start)) is not None and (e := _int(r.end)) is not None:
                who = "unnamed source" if r.anonymous else str(r.speaker)
                out.append(Span(s, e, "reported", f"reported speech: {who} ({r.cue})"))
    if "theme" in layers:
        keep = None if themes is None else set(themes)
        rows = theme_hits[theme_hits["id"] == article_id]
        for t in rows.itertuples(index=False):
            if (keep is None or t.theme in keep) and (s := _int(t.start)) is not None and (e := _int(t.end)):
                out.append(Span(s, e, "theme", f"theme: {t.label} ({t.term})"))
    out.sort(key=lambda sp: (sp.start, -sp.end))
    return out


def parts(paragraphs: Sequence[tuple[int, int]], limit: int = PART_CHARS) -> list[tuple[int, int]]:
    """Group paragraph spans into parts of about ``limit`` characters: (first, last+1) indexes."""
    out: list[tuple[int, int]] = []
    first, size = 0, 0
    for i, (start, end) in enumerate(paragraphs):
        if size and size + (end - start) > limit:
            out.append((first, i))
            first, size = i, 0
        size += end - start
    if paragraphs:
        out.append((first, len(paragraphs)))
    return out


def _style(active: Sequence[Span]) -> str:
    names = {sp.layer for sp in active}
    css: list[str] = []
    for layer in ("hedge", "booster", "quote", "reported"):
        if layer in names:
            spec = LAYERS[layer]
            css.append(f"background:{spec['background']}")
            if layer in ("hedge", "booster"):
                css.append(f"border-bottom:2px solid {spec['border']}")
            elif layer == "quote":
                css.append("font-style:italic")
            break
    if "theme" in names:
        css.append(f"text-decoration:underline 2px {LAYERS['theme']['border']};text-underline-offset:4px")
    if any(sp.layer in ("hedge", "booster") for sp in active):
        css.append("border-radius:3px;padding:0 1px")
    return ";".join(css)


def _badge(name: str) -> str:
    spec = LAYERS["quote"]
    return (
        f'<span style="font-size:0.72em;font-weight:600;font-style:normal;color:#fff;'
        f"background:{spec['border']};border-radius:8px;padding:1px 6px;margin-right:3px;"
        f'vertical-align:1px">{html.escape(name)}</span>'
    )


def _paragraph(text: str, start: int, end: int, spans: Sequence[Span]) -> str:
    cuts = {start, end}
    for sp in spans:
        cuts.add(min(max(sp.start, start), end))
        cuts.add(min(max(sp.end, start), end))
    points = sorted(cuts)
    pieces: list[str] = []
    for a, b in itertools.pairwise(points):
        if a == b:
            continue
        for sp in spans:
            if sp.badge and sp.start == a:
                pieces.append(_badge(sp.badge))
        active = [sp for sp in spans if sp.start <= a and sp.end >= b]
        chunk = html.escape(text[a:b])
        if active:
            tip = html.escape(" | ".join(dict.fromkeys(sp.tip for sp in active)), quote=True)
            pieces.append(f'<span style="{_style(active)}" title="{tip}">{chunk}</span>')
        else:
            pieces.append(chunk)
    return "".join(pieces)


def render(
    text: str,
    paragraphs: Sequence[tuple[int, int, str]],
    spans: Sequence[Span],
    first: int = 0,
    last: int | None = None,
) -> str:
    """HTML of paragraphs ``first:last`` of ``text`` with ``spans`` marked (everything escaped)."""
    out: list[str] = ['<div style="font-size:1.06rem;line-height:1.75;max-width:52rem">']
    ordered = sorted(spans, key=lambda sp: sp.start)
    j = 0
    active: list[Span] = []
    for start, end, kind in paragraphs[first:last]:
        # Sweep: spans that started before this paragraph ends and have not ended before it starts.
        while j < len(ordered) and ordered[j].start < end:
            active.append(ordered[j])
            j += 1
        active = [sp for sp in active if sp.end > start]
        body = _paragraph(text, start, end, [sp for sp in active if sp.start < end])
        if kind == "heading":
            out.append(f'<p style="font-weight:700;font-size:1.15em;margin:1.1em 0 0.4em">{body}</p>')
        else:
            out.append(f'<p style="margin:0 0 0.9em">{body}</p>')
    out.append("</div>")
    return "".join(out)


def legend_html(layers: Iterable[str], counts: dict[str, int] | None = None) -> str:
    """A legend of the evidence layers, with how many marks each has when ``counts`` is given."""
    counts = counts or {}
    items: list[str] = []
    for layer in layers:
        spec = LAYERS[layer]
        if layer == "theme":
            sample = (
                f'<span style="text-decoration:underline 2px {spec["border"]};'
                'text-underline-offset:4px">term</span>'
            )
        else:
            border = f"border-bottom:2px solid {spec['border']};" if layer in ("hedge", "booster") else ""
            sample = f'<span style="background:{spec["background"]};{border}padding:0 4px">text</span>'
        n = f" ({counts[layer]})" if layer in counts else ""
        items.append(
            f'<span style="margin-right:1.4em;white-space:nowrap">{sample} '
            f"{html.escape(spec['label'])}{n}</span>"
        )
    return '<div style="font-size:0.95rem;margin:0.2em 0 0.8em">' + "".join(items) + "</div>"
