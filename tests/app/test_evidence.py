"""ui/evidence.py: the Article page's marked-up text (escaping, overlaps, parts)."""

from __future__ import annotations

import pandas as pd
import pytest

from ui.evidence import Span, legend_html, parts, render, spans_for

TEXT = 'The <b>summit</b> could matter.\n\n"It may clearly help," Putin said of $5 deals.'
PARAS = [(0, 30, "body"), (32, len(TEXT), "body")]


def test_everything_user_written_is_escaped():
    html = render(TEXT, PARAS, [])
    assert "<b>" not in html and "&lt;b&gt;summit&lt;/b&gt;" in html
    assert "$5" in html  # st.html does not read Markdown or LaTeX
    evil = [Span(0, 3, "quote", 'x" onmouseover="alert(1)', badge="<img src=x>")]
    html = render(TEXT, PARAS, evil)
    assert "<img" not in html and "&lt;img src=x&gt;" in html
    assert 'title="quotation' not in html and 'onmouseover="' not in html
    assert "x&quot; onmouseover=&quot;alert(1)" in html


def test_overlapping_spans_are_cut_at_every_boundary():
    may = TEXT.index("may")
    quote = (TEXT.index('"It'), TEXT.index("Putin") - 1)
    spans = [Span(*quote, "quote", "quotation: Putin", badge="Putin"), Span(may, may + 3, "hedge", "hedge: may")]
    html = render(TEXT, PARAS, spans)
    # "may" sits inside the quote: its piece carries both tooltips and the hedge's background.
    assert 'title="quotation: Putin | hedge: may">may</span>' in html
    assert "background:#FFE08A" in html
    # the speaker badge opens the quotation
    assert html.index(">Putin</span>") < html.index("&quot;It")


def test_multi_paragraph_spans_mark_each_paragraph():
    text = '"First part\n\nsecond part," she said.'
    paras = [(0, 11, "body"), (13, len(text), "body")]
    html = render(text, paras, [Span(0, text.index(",") + 2, "quote", "quotation: she")])
    assert html.count('title="quotation: she"') == 2


def test_render_a_part_only():
    html = render(TEXT, PARAS, [], first=1, last=2)
    assert "summit" not in html and "Putin" in html


@pytest.mark.parametrize(
    ("sizes", "limit", "expected"),
    [
        ([10, 10, 10], 25, [(0, 2), (2, 3)]),  # 10+10 fits, a third would pass 25
        ([30, 5], 25, [(0, 1), (1, 2)]),  # an oversized paragraph is a part of its own
        ([5, 5], 100, [(0, 2)]),
        ([], 100, []),
    ],
)
def test_parts(sizes, limit, expected):
    spans, pos = [], 0
    for n in sizes:
        spans.append((pos, pos + n))
        pos += n + 2
    assert parts(spans, limit) == expected


def test_spans_for_chooses_layers_and_counted_hits():
    hits = pd.DataFrame([
        {"id": "a", "term": "could", "kind": "hedge", "category": "modal", "start": 18, "end": 23,
         "in_quote": False, "speaker": None, "counted": True},
        {"id": "a", "term": "may", "kind": "hedge", "category": "modal", "start": 37, "end": 40,
         "in_quote": True, "speaker": "Putin", "counted": False},
        {"id": "b", "term": "could", "kind": "hedge", "category": "modal", "start": 0, "end": 5,
         "in_quote": False, "speaker": None, "counted": True},
    ])
    direct = pd.DataFrame([{"id": "a", "speaker": "Putin", "start": 32, "end": 53}])
    reported = pd.DataFrame(columns=["id", "speaker", "cue", "start", "end", "anonymous"])
    theme_hits = pd.DataFrame([{"id": "a", "theme": "diplomacy", "label": "Diplomacy", "term": "summit",
                                "start": 7, "end": 13}])
    spans = spans_for("a", ["hedge", "quote", "theme"], hits, direct, reported, theme_hits)
    assert [(s.layer, s.start) for s in spans] == [("theme", 7), ("hedge", 18), ("quote", 32)]
    assert spans[1].tip == "hedge: could · modal"  # the uncounted (negated) "may" is not marked
    assert spans_for("a", ["booster"], hits, direct, reported, theme_hits) == []
    assert spans_for("a", ["theme"], hits, direct, reported, theme_hits, themes=["space"]) == []


def test_legend_lists_the_chosen_layers_with_counts():
    html = legend_html(["hedge", "theme"], {"hedge": 25, "theme": 3})
    assert "Hedge (speculation) (25)" in html and "Theme term (3)" in html
    assert "Booster" not in html
