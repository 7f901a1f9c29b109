"""The corpus-level speaker table: speaker × article, variants merged across articles."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping

import pandas as pd

from .phrases import name_key
from .result import UNKNOWN, QuotesResult

__all__ = ["SPEAKER_TABLE_COLUMNS", "canonical_names", "speaker_table"]

SPEAKER_TABLE_COLUMNS = (
    "speaker",
    "article",
    "quotes",
    "words",
    "share_of_article",
    "share_of_quoted",
    "reported",
    "role",
    "kind",
    "anonymous",
    "variants",
)


def canonical_names(names: Mapping[str, str]) -> dict[str, str]:
    """Map each speaker name to its corpus-wide canonical form.

    ``names`` maps name -> kind ("person", "organisation" …). Persons with the same
    name key merge ("Kim Jong-un" and "Kim Jong Un"; the form used most wins). A
    one-word person name ("Putin") joins the one multi-word name that contains it
    ("Vladimir Putin"); when several do ("Kim": Kim Jong Un and Kim Jong Il) it is left
    apart rather than guessed. Other kinds merge case-insensitively.
    """
    out: dict[str, str] = {}
    groups: dict[tuple, list[str]] = defaultdict(list)
    for name, kind in names.items():
        if name == UNKNOWN:
            out[name] = name
            continue
        key = ("person", name_key(name.split())) if kind == "person" else (kind, (name.lower(),))
        groups[key].append(name)
    multi = [k for k in groups if k[0] == "person" and len(k[1]) >= 2]
    target: dict[tuple, tuple] = {}
    for key in groups:
        if key[0] == "person" and len(key[1]) == 1:
            hits = [m for m in multi if key[1][0] in m[1]]
            if len(hits) == 1:
                target[key] = hits[0]
    for key, members in groups.items():
        final = target.get(key, key)
        rep = sorted(groups[final])[0]
        for n in members:
            out[n] = rep
    return out


def speaker_table(results: Mapping[str, QuotesResult]) -> pd.DataFrame:
    """Speaker × article table over a corpus (columns: :data:`SPEAKER_TABLE_COLUMNS`).

    Args:
        results: article id -> its quote result.

    Returns:
        One row per (canonical speaker, article) with direct quotations, quoted words,
        their share of the article's words and of its quoted words, reported statements,
        role, kind, anonymous flag and the name variants merged into the row. Sorted by
        article, then quoted words (descending). Empty (with the columns) for no speakers.
    """
    kinds: dict[str, str] = {}
    surface: Counter = Counter()
    for res in results.values():
        for s in res.speakers:
            kinds.setdefault(s.name, s.kind)
            surface[s.name] += s.quotes + s.reported
    canon = canonical_names(kinds)
    # The representative of a merged group is its most used surface form.
    best: dict[str, str] = {}
    for name, rep in canon.items():
        cur = best.get(rep)
        if cur is None or (surface[name], name) > (surface[cur], cur):
            best[rep] = name
    rows: dict[tuple[str, str], dict] = {}
    for article, res in results.items():
        for s in res.speakers:
            speaker = best[canon[s.name]]
            row = rows.setdefault(
                (speaker, article),
                {
                    "speaker": speaker,
                    "article": article,
                    "quotes": 0,
                    "words": 0,
                    "reported": 0,
                    "role": "",
                    "kind": s.kind,
                    "anonymous": s.anonymous,
                    "variants": set(),
                    "_article_words": res.article_words,
                    "_quoted_words": res.quoted_words,
                },
            )
            row["quotes"] += s.quotes
            row["words"] += s.words
            row["reported"] += s.reported
            row["role"] = row["role"] or s.role
            row["variants"].add(s.name)
    records = []
    for row in rows.values():
        aw, qw = row.pop("_article_words"), row.pop("_quoted_words")
        row["share_of_article"] = row["words"] / aw if aw else 0.0
        row["share_of_quoted"] = row["words"] / qw if qw else 0.0
        row["variants"] = "; ".join(sorted(row["variants"]))
        records.append(row)
    frame = pd.DataFrame(records, columns=list(SPEAKER_TABLE_COLUMNS))
    if frame.empty:
        return frame
    return frame.sort_values(
        ["article", "words", "quotes", "speaker"], ascending=[True, False, False, True]
    ).reset_index(drop=True)
