"""Quotation spans: pairing straight quote marks whose direction normalisation removed.

The text layer turns every curly quote into ``"`` or ``'``, so whether a mark opens
or closes is read from its neighbours: a mark after a space and before a letter
opens, one after a letter or punctuation and before a space or punctuation closes;
an ambiguous mark takes the role the pairing state expects. News conventions handled:

* a quotation running over several paragraphs has an opening mark at the start of
  each new paragraph and a closing mark only at its end: one span;
* a double quote opened inside an open quotation is a nested quote (part of it);
* a quotation left open at a paragraph's end, with no continuation mark on the next
  paragraph, is closed at the paragraph's end; if it contains an attribution such as
  ", said Governor X" (a lost closing mark) it is cut there (``repaired``);
* single quotes outside double quotes are quotations in British style
  (``'It was chaos,' she said``), told apart from apostrophes (``don't``,
  ``farmers'``, ``'90s``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import Doc

__all__ = ["Span", "find_spans"]


@dataclass(frozen=True, slots=True)
class Span:
    """One quoted stretch: ``text[start:end]`` is its content without the marks."""

    open: int
    start: int
    end: int
    close: int  # offset of the closing mark, -1 when the quotation was left open
    mark: str
    first_par: int
    last_par: int
    repaired: bool = False


_OPEN_BEFORE = frozenset("([{\u2014\u2013-/")
_CLOSE_AFTER = frozenset(".,;:!?)]}\u2014\u2013-\u2026")
_CLOSE_BEFORE = frozenset(".,!?;:\u2026)]'%*")
_OPEN_AFTER = frozenset("'([$\u00a3\u20ac#")
_STRONG_BEFORE = frozenset(".,!?")
_STRONG_AFTER = frozenset(')]\u2014;:"')
_PUNCT_AFTER = frozenset(",.;:!?)")
_ELISIONS = ("em ", "til ", "cause ", "n ", "n'", "tis ", "twas ", "bout ")

# An attribution inside a quotation left open: its closing mark was lost before it.
_LOST_CLOSE = re.compile(
    r"[,?!]\s+(?:(?:said|says|added|asked|told|wrote|insisted|explained|warned)\s+"
    r"(?:[A-Z]|the\s|a\s|an\s)|(?:he|she|they)\s+(?:said|says|added|told)\b"
    r"|(?:[A-Z][\w.'-]*\s+){1,4}(?:said|says|added|told)\b)"
)


def _double_direction(text: str, i: int, lo: int, hi: int) -> str:
    """'O' (opens), 'C' (closes) or '?' for the ``"`` at ``i`` in the paragraph ``lo:hi``."""
    prev = text[i - 1] if i > lo else ""
    nxt = text[i + 1] if i + 1 < hi else ""
    opens = (not prev or prev.isspace() or prev in _OPEN_BEFORE) + (nxt.isalnum() or nxt in _OPEN_AFTER)
    closes = (prev.isalnum() or prev in _CLOSE_BEFORE) + (not nxt or nxt.isspace() or nxt in _CLOSE_AFTER)
    if opens > closes:
        return "O"
    if closes > opens:
        return "C"
    return "?"


def _double_spans(doc: Doc) -> list[Span]:
    text = doc.text
    spans: list[Span] = []
    pending: tuple[int, int] | None = None  # (open offset, first paragraph) continuing
    for p_idx, par in enumerate(doc.paragraphs):
        lo, hi = par.start, par.end
        marks = [m.start() for m in _DQ.finditer(text, lo, hi)]
        depth, outer, inner, first_par = 0, -1, -1, p_idx
        if pending is not None:
            if marks and marks[0] == lo and _double_direction(text, lo, lo, hi) != "C":
                marks = marks[1:]
                depth, (outer, first_par) = 1, pending
            elif _broken_sentence(text, doc.paragraphs[p_idx - 1].end, lo):
                depth, (outer, first_par) = 1, pending  # "… ever seen in" / "my life," said …
            else:
                prev = doc.paragraphs[p_idx - 1]
                spans.extend(_close_unclosed(doc, pending[0], prev.end, pending[1], p_idx - 1))
            pending = None
        for m in marks:
            d = _double_direction(text, m, lo, hi)
            if depth == 0:
                if d != "C":
                    depth, outer, first_par = 1, m, p_idx
            elif depth == 1:
                if d == "O":
                    depth, inner = 2, m
                else:
                    spans.append(Span(outer, outer + 1, m, m, '"', first_par, p_idx))
                    depth = 0
            elif d != "O":
                depth = 1  # the nested quotation closed; it is part of the outer one
        if depth == 2:
            # The "nested" mark opened a new quotation: the outer one lost its closing mark.
            spans.extend(_close_unclosed(doc, outer, inner, first_par, p_idx))
            outer, first_par = inner, p_idx
        if depth >= 1:
            pending = (outer, first_par)
    if pending is not None:
        last = len(doc.paragraphs) - 1
        spans.extend(_close_unclosed(doc, pending[0], doc.paragraphs[last].end, pending[1], last))
    return spans


_DQ = re.compile('"')
_SQ = re.compile("'")


def _broken_sentence(text: str, prev_end: int, lo: int) -> bool:
    """A paragraph break inside a sentence (print layout): no end punctuation, lower case next."""
    return text[prev_end - 1 : prev_end].isalpha() and text[lo : lo + 1].islower()


def _close_unclosed(doc: Doc, open_: int, end: int, first_par: int, last_par: int) -> list[Span]:
    """A quotation left open: end it at ``end`` or at an embedded attribution.

    A free-standing mark (spaces on both sides) that never closes is no quotation: a
    separator such as the "»" of "PARADISE » Tens of thousands …".
    """
    text = doc.text
    if (open_ == 0 or text[open_ - 1].isspace()) and text[open_ + 1 : open_ + 2].isspace():
        return []
    while end > open_ + 1 and text[end - 1].isspace():
        end -= 1
    lost = _LOST_CLOSE.search(text, open_ + 1, end)
    if lost is not None and first_par == last_par:
        cut = lost.start() + 1  # keep the comma inside, as a closed quotation would
        return [Span(open_, open_ + 1, cut, -1, '"', first_par, last_par, repaired=True)]
    if end <= open_ + 1:
        return []
    return [Span(open_, open_ + 1, end, -1, '"', first_par, last_par)]


def _single_kind(text: str, i: int, lo: int, hi: int) -> str:
    """Role of a ``'``: 'open', 'strong'/'weak' close, 'plural' (maybe a possessive), or ''."""
    prev = text[i - 1] if i > lo else ""
    nxt = text[i + 1] if i + 1 < hi else ""
    if prev.isalnum() and nxt.isalnum():
        return ""  # don't, Kim's, Jong-un's
    if (not prev or prev.isspace() or prev in _OPEN_BEFORE or prev == '"') and nxt.isalpha():
        if text[i + 1 : i + 7].lower().startswith(_ELISIONS):
            return ""
        return "open"
    if prev in _STRONG_BEFORE and (not nxt or nxt.isspace() or nxt in _STRONG_AFTER):
        return "strong"
    if prev.isalnum() and nxt in _PUNCT_AFTER:
        return "strong"
    if prev.isalnum() and (not nxt or nxt.isspace() or nxt == '"'):
        return "plural" if prev in ("s", "S") else "weak"
    return ""


def _segments(lo: int, hi: int, doubles: list[Span]) -> list[tuple[int, int]]:
    """Split a paragraph at the double-quote marks so single quotes pair inside one region."""
    cuts = []
    for d in doubles:
        for pos in (d.open, d.close if d.close >= 0 else d.end):
            if lo <= pos < hi:
                cuts.append(pos)
    out, start = [], lo
    for c in sorted(cuts):
        if c > start:
            out.append((start, c))
        start = c + 1
    if start < hi:
        out.append((start, hi))
    return out


def _single_spans(doc: Doc, doubles: list[Span]) -> list[Span]:
    """Single-quoted spans, paired within each region between double-quote marks.

    British multi-paragraph quotations chain like double ones: a quotation still open at
    a paragraph's end continues when the next paragraph opens with a single quote.
    """
    text = doc.text
    spans: list[Span] = []
    pending: tuple[int, int] | None = None  # (open offset, first paragraph)
    for p_idx, par in enumerate(doc.paragraphs):
        if "'" not in text[par.start : par.end]:
            pending = None
            continue
        near = [d for d in doubles if d.first_par <= p_idx <= d.last_par]
        segments = _segments(par.start, par.end, near)
        for n, (lo, hi) in enumerate(segments):
            marks = [
                (m.start(), kind, p_idx)
                for m in _SQ.finditer(text, lo, hi)
                if (kind := _single_kind(text, m.start(), lo, hi))
            ]
            if n == 0 and pending is not None:
                if marks and marks[0][0] == par.start and marks[0][1] == "open":
                    marks[0] = (pending[0], "open", pending[1])  # continuation mark
                pending = None
            found, dangling = _pair_singles(marks, p_idx)
            spans.extend(found)
            if n == len(segments) - 1 and hi == par.end:
                pending = dangling
    return spans


def _pair_singles(marks: list[tuple[int, str, int]], p_idx: int) -> tuple[list[Span], tuple[int, int] | None]:
    """Pair each opening mark with the first closing one (a possible plural possessive last).

    Returns the spans and the last opening mark left unclosed (offset, paragraph), if any.
    """
    spans: list[Span] = []
    dangling: tuple[int, int] | None = None
    k = 0
    while k < len(marks):
        pos, kind, first_par = marks[k]
        if kind != "open":
            k += 1
            continue
        chosen, plural = -1, -1
        for j in range(k + 1, len(marks)):
            jkind = marks[j][1]
            if jkind in ("strong", "weak"):
                chosen = j
                break
            if jkind == "plural" and plural < 0:
                plural = j
            if jkind == "open" and plural >= 0:
                break
        if chosen < 0:
            chosen = plural
        if chosen < 0:
            dangling = (pos, first_par)
            k += 1
            continue
        end = marks[chosen][0]
        if end > pos + 1:
            spans.append(Span(pos, pos + 1, end, end, "'", first_par, p_idx))
        dangling = None
        k = chosen + 1
    return spans, dangling


def find_spans(doc: Doc) -> list[Span]:
    """Every quoted span in ``doc``, in text order (nested quotations are inside their outer span)."""
    doubles = _double_spans(doc)
    singles = _single_spans(doc, doubles)
    return sorted(doubles + singles, key=lambda s: s.open)
