"""Key findings: one plain sentence per comparison, numbers taken from the corpus table.

Each rule reads documented columns of :func:`analysis.corpus_frame` and returns a
sentence, or None when its columns are missing (a family not installed) or when there
is nothing to say. Rules are listed in :data:`RULES`; a family adds one function there.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pandas as pd

__all__ = ["RULES", "article_label", "key_findings"]

_LABEL_MAX = 50


def article_label(row: pd.Series) -> str:
    """How a finding names an article: its title (shortened), else its id."""
    title = str(row.get("title") or row.get("id") or "untitled")
    title = " ".join(title.split())
    if len(title) <= _LABEL_MAX:
        return title
    cut = title[: _LABEL_MAX - 1]
    cut = cut[: cut.rfind(" ")] if " " in cut else cut  # end on a whole word
    return cut.rstrip(" ,;:–—-") + "…"


def _usable(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """Rows with a real number in ``column`` and at least one word."""
    if column not in frame.columns:
        return frame.iloc[0:0]
    values = pd.to_numeric(frame[column], errors="coerce")
    keep = values.notna() & values.map(lambda v: math.isfinite(v) if pd.notna(v) else False)
    if "words" in frame.columns:
        keep &= pd.to_numeric(frame["words"], errors="coerce").fillna(0) > 0
    return frame.loc[keep].assign(**{column: values[keep]})


def _extremes(frame: pd.DataFrame, column: str) -> tuple[pd.Series, pd.Series] | None:
    rows = _usable(frame, column)
    if rows.empty:
        return None
    ordered = rows.sort_values(column, kind="stable")
    return ordered.iloc[-1], ordered.iloc[0]


def readability_grade(frame: pd.DataFrame) -> str | None:
    """Which article is hardest to read (Flesch–Kincaid grade), and by how much."""
    col = "readability_flesch_kincaid_grade"
    ends = _extremes(frame, col)
    if ends is None:
        return None
    hard, easy = ends
    if hard.name == easy.name:
        return f"“{article_label(hard)}” reads at US school grade {hard[col]:.1f} (Flesch–Kincaid)."
    return (
        f"“{article_label(hard)}” is the hardest read at grade {hard[col]:.1f} (Flesch–Kincaid); "
        f"“{article_label(easy)}” the easiest at {easy[col]:.1f}, {hard[col] - easy[col]:.1f} grades lower."
    )


def sentence_length(frame: pd.DataFrame) -> str | None:
    """Which article writes the longest sentences on average."""
    col = "readability_sentence_length_mean"
    ends = _extremes(frame, col)
    if ends is None:
        return None
    long, short = ends
    if long.name == short.name:
        return f"Sentences average {long[col]:.1f} words."
    return (
        f"“{article_label(long)}” writes the longest sentences ({long[col]:.1f} words on average) "
        f"against {short[col]:.1f} in “{article_label(short)}”."
    )


#: Finding rules in the order the briefing lists them.
RULES: list[Callable[[pd.DataFrame], str | None]] = [
    readability_grade,
    sentence_length,
]


def key_findings(frame: pd.DataFrame) -> tuple[str, ...]:
    """Every rule's sentence for the corpus table, in :data:`RULES` order.

    Args:
        frame: The corpus table (one row per article).

    Returns:
        The findings; empty for an empty table.
    """
    if frame.empty:
        return ()
    return tuple(s for rule in RULES if (s := rule(frame)))
