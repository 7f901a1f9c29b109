"""Small stand-in families that emit the issue contracts' dicts (tests only).

They let the dashboard's tests control exactly what each family reports, whatever
the real families (issues 3–5) detect: tiny word lists, straight-quote spans, a
five-theme set with one theme ("climate") no seed article covers. Their output
has the contract's shape:

* ``quotes``: direct[{speaker, text, start, end, words, cue}], reported[{speaker,
  cue, start, end, anonymous}], quote_count, quoted_words, quoted_share, speakers.
* ``hedging`` (README "Hedging"): hedges_per_1k, boosters_per_1k, hedging_index,
  hedge_count, booster_count, by_category {kind: {category: n}}, quote_split and the
  authorial/quoted split, hits[{term, kind, category, start, end, sentence, negated,
  flag, counted, in_quote, speaker}].
* ``themes`` (README "Themes"): theme id → {label, sentence_share, hits_per_1k,
  hit_count, terms, first_position, segments, hits[{term, start, end}]}.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from analysis import readability
from analysis.pipeline import Context
from analysis.text import Doc

HEDGES = {"could": "modal", "may": "modal", "might": "modal", "potential": "adjective", "possibly": "adverb"}
BOOSTERS = {"clearly": "adverb", "immense": "adjective", "must": "modal", "powerfully": "adverb"}
THEMES = {
    "diplomacy": ("Diplomacy", ("summit", "talks", "diplomacy")),
    "nuclear": ("Nuclear & denuclearisation", ("nuclear", "denuclearization")),
    "space": ("Space", ("space", "cosmodrome")),
    "sanctions": ("Sanctions", ("sanctions",)),
    "climate": ("Climate", ("climate", "glacier")),
}
SPEAKERS = re.compile(r"\b(Chung|Putin|Kim Jong Un)\b")
QUOTE = re.compile(r'"([^"]{20,}?)"')
REPORTED = re.compile(r"\b(officials|experts|sources) (said|say|believe)\b")
SEGMENTS = 10


@dataclass(frozen=True)
class Result:
    family: str
    data: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return self.data

    def flat(self) -> dict[str, Any]:
        return {f"{self.family}_{k}": v for k, v in self.data.items() if isinstance(v, int | float)}


def quotes(doc: Doc, ctx: Context) -> Result:
    direct, speakers = [], {}
    for m in QUOTE.finditer(doc.text):
        before = list(SPEAKERS.finditer(doc.text, max(0, m.start() - 400), m.start()))
        speaker = before[-1].group(1) if before else "UNKNOWN"
        words = sum(1 for t in doc.tokens if m.start(1) <= t.start < m.end(1))
        direct.append(
            {
                "speaker": speaker,
                "text": m.group(1),
                "start": m.start(),
                "end": m.end(),
                "words": words,
                "cue": "said",
            }
        )
        info = speakers.setdefault(speaker, {"quotes": 0, "words": 0, "role": ""})
        info["quotes"] += 1
        info["words"] += words
    reported = [
        {"speaker": m.group(1), "cue": m.group(2), "start": m.start(), "end": m.end(), "anonymous": True}
        for m in REPORTED.finditer(doc.text)
    ]
    quoted = sum(q["words"] for q in direct)
    return Result(
        "quotes",
        {
            "direct": direct,
            "reported": reported,
            "quote_count": len(direct),
            "quoted_words": quoted,
            "quoted_share": quoted / doc.n_words if doc.n_words else 0.0,
            "speakers": speakers,
        },
    )


def hedging(doc: Doc, ctx: Context) -> Result:
    quotes = ctx.results["quotes"].to_dict()["direct"] if "quotes" in ctx.results else None
    spans = [(q["start"], q["end"], q["speaker"]) for q in quotes or []]
    hits, by_category = [], {"hedge": {}, "booster": {}}
    for t in doc.tokens:
        for kind, lexicon in (("hedge", HEDGES), ("booster", BOOSTERS)):
            if t.lower in lexicon:
                inside = next((s for s in spans if s[0] <= t.start < s[1]), None)
                hits.append(
                    {"term": t.lower, "kind": kind, "category": lexicon[t.lower], "start": t.start, "end": t.end,
                     "sentence": doc.sentence_text(t.sentence), "negated": False, "flag": None, "counted": True,
                     "in_quote": bool(inside), "speaker": inside[2] if inside else None}
                )
                cats = by_category[kind]
                cats[lexicon[t.lower]] = cats.get(lexicon[t.lower], 0) + 1
    n = doc.n_words
    hedges = [h for h in hits if h["kind"] == "hedge"]
    boosters = len(hits) - len(hedges)
    quoted_words = sum(q["words"] for q in quotes or [])
    own_words = n - quoted_words
    own = sum(1 for h in hedges if not h["in_quote"])
    split = quotes is not None

    def per(count: int, words: int) -> float:
        return 1000 * count / words if words else 0.0

    return Result("hedging", {
        "hedges_per_1k": per(len(hedges), n), "boosters_per_1k": per(boosters, n),
        "hedging_index": per(len(hedges), n) - per(boosters, n), "hedge_count": len(hedges),
        "booster_count": boosters, "negated_count": 0, "set_aside_count": 0, "by_category": by_category,
        "quote_split": split,
        "authorial_words": own_words if split else None, "quoted_words": quoted_words if split else None,
        "authorial_hedge_count": own if split else None,
        "quoted_hedge_count": len(hedges) - own if split else None,
        "authorial_hedges_per_1k": per(own, own_words) if split else None,
        "quoted_hedges_per_1k": per(len(hedges) - own, quoted_words) if split else None,
        "hits": hits,
    })


def themes(doc: Doc, ctx: Context) -> Result:
    out: dict[str, Any] = {}
    n_sent = sum(1 for s in doc.sentences if s.n_words) or 1
    length = len(doc.text) or 1
    for tid, (label, terms) in THEMES.items():
        hits = [t for t in doc.tokens if any(t.lower.startswith(term) for term in terms)]
        counts: dict[str, int] = {}
        segments = [0] * SEGMENTS
        for t in hits:
            term = next(term for term in terms if t.lower.startswith(term))
            counts[term] = counts.get(term, 0) + 1
            segments[min(SEGMENTS - 1, SEGMENTS * t.start // length)] += 1
        out[tid] = {
            "label": label,
            "sentence_share": len({t.sentence for t in hits}) / n_sent,
            "hits_per_1k": 1000 * len(hits) / doc.n_words if doc.n_words else 0.0,
            "hit_count": len(hits),
            "terms": counts,
            "first_position": hits[0].start / length if hits else None,
            "segments": segments,
            "hits": [{"term": t.lower, "start": t.start, "end": t.end} for t in hits],
        }
    return Result("themes", out)


def _readability(doc: Doc, ctx: Context) -> readability.ReadabilityResult:
    return readability.analyse(doc)


#: The pipeline's family list with the stand-ins (quotes before hedging, which reads its spans).
FAKE_FAMILIES = [("readability", _readability), ("quotes", quotes), ("hedging", hedging), ("themes", themes)]
