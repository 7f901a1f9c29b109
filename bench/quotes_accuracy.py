"""Quote detection recall and attribution accuracy on the gold sets (tests/data/quotes_*.yaml).

    python bench/quotes_accuracy.py            # figures per split, then every miss
    python bench/quotes_accuracy.py --quiet    # figures only
    python bench/quotes_accuracy.py --gold FILE   # another annotated file (same format)
    python bench/quotes_accuracy.py --timing   # also ms per article on the seed corpus

Without ``--gold`` the written gold set is scored (splits dev, holdout, blind). Real-copy
sets (third-party news excerpts annotated in the same format, README "Quotes") are not kept in
the repository; score one with ``--gold FILE`` (a path anywhere).

Definitions (README, "Quotes"):

* recall = gold quotations found / gold quotations (a found quotation matches a gold
  one when its text starts with the gold ``q`` prefix, whitespace-normalised);
* attribution accuracy = gold quotations found AND attributed to the gold speaker /
  gold quotations (a missed quotation counts as wrongly attributed);
* precision = found quotations that match a gold one / found quotations (scare quotes,
  titles and headlines found as quotations are the false positives); a found quotation
  that matches an item's ``ambiguous`` fragment counts neither way;
* reported speech recall / precision on the items that list their reported speech.

Speaker match: same name key (case, hyphens and spaces ignored: "Kim Jong-un" =
"Kim Jong Un"); for ``anonymous: true`` the found quotation must be anonymous and
its speaker must contain the gold head noun; a descriptor ("the president") matches
ignoring a leading article; ``aliases`` lists other names the text gives the same speaker.
"""

from __future__ import annotations

import argparse
import re
import sys
import timeit
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from analysis.quotes import QuotesResult, analyse  # noqa: E402
from analysis.text import normalise, tokenise  # noqa: E402

GOLD = ROOT / "tests" / "data" / "quotes_gold.yaml"
GOLD_FILES = (GOLD,)
_SPACE = re.compile(r"\s+")


@dataclass
class Scores:
    """Counts for one split of the gold set."""

    gold: int = 0
    found: int = 0
    matched: int = 0
    attributed: int = 0
    reported_gold: int = 0
    reported_found: int = 0
    reported_matched: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def attribution(self) -> float:
        return self.attributed / self.gold if self.gold else 1.0

    @property
    def attribution_of_found(self) -> float:
        return self.attributed / self.matched if self.matched else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def reported_recall(self) -> float:
        return self.reported_matched / self.reported_gold if self.reported_gold else 1.0

    @property
    def reported_precision(self) -> float:
        return self.reported_matched / self.reported_found if self.reported_found else 1.0


def load_gold(path: Path = GOLD) -> list[dict]:
    """The gold items (see the file's header for the format)."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _norm(text: str) -> str:
    return _SPACE.sub(" ", normalise(text).replace('"', "")).strip().lower()


def _key(name: str) -> str:
    name = name.lower().replace("-", " ")
    for art in ("the ", "a ", "an "):
        if name.startswith(art):
            name = name[len(art) :]
    return " ".join(name.split())


def speaker_ok(found_speaker: str, found_anonymous: bool, gold: dict) -> bool:
    """Whether a found speaker matches the gold speaker (see module docstring)."""
    if gold.get("anonymous"):
        return found_anonymous and _key(gold["speaker"]) in _key(found_speaker)
    names = [gold["speaker"], *(gold.get("aliases") or ())]
    return any(_key(found_speaker) == _key(name) for name in names)


def score_item(item: dict, result: QuotesResult, scores: Scores) -> None:
    """Add one gold item's counts to ``scores``."""
    found = list(result.direct)
    used: set[int] = set()
    for g in item.get("quotes") or []:
        scores.gold += 1
        prefix = _norm(g["q"])
        hit = next(
            (i for i, q in enumerate(found) if i not in used and _norm(q.text).startswith(prefix)), None
        )
        if hit is None:
            scores.misses.append(f"{item['id']}: MISSED {g['q']!r}")
            continue
        used.add(hit)
        scores.matched += 1
        q = found[hit]
        if speaker_ok(q.speaker, q.anonymous, g):
            scores.attributed += 1
        else:
            got = f"{q.speaker!r} ({q.cue_type}: {q.cue})"
            scores.misses.append(f"{item['id']}: {g['q']!r} attributed to {got}, gold {g['speaker']!r}")
    for a in item.get("ambiguous") or []:
        prefix = _norm(a)
        hit = next(
            (i for i, q in enumerate(found) if i not in used and _norm(q.text).startswith(prefix)), None
        )
        if hit is not None:
            used.add(hit)
            scores.found -= 1
    scores.found += len(found)
    for i, q in enumerate(found):
        if i not in used:
            scores.misses.append(f"{item['id']}: EXTRA quotation {q.text!r} ({q.speaker})")
    if "reported" in item:
        gold_rep = item["reported"] or []
        scores.reported_gold += len(gold_rep)
        scores.reported_found += len(result.reported)
        taken: set[int] = set()
        for g in gold_rep:
            hit = next(
                (
                    i
                    for i, r in enumerate(result.reported)
                    if i not in taken and speaker_ok(r.speaker, r.anonymous, g) and g["cue"] in r.cues
                ),
                None,
            )
            if hit is None:
                scores.misses.append(f"{item['id']}: reported MISSED {g['speaker']} {g['cue']}")
            else:
                taken.add(hit)
                scores.reported_matched += 1
        for i, r in enumerate(result.reported):
            if i not in taken:
                scores.misses.append(f"{item['id']}: reported EXTRA {r.speaker!r} {r.cue!r}")


def load_all() -> list[dict]:
    """The items of every gold file (``GOLD_FILES``)."""
    return [item for path in GOLD_FILES for item in load_gold(path)]


def evaluate(items: list[dict], analyser=analyse) -> dict[str, Scores]:
    """Scores per split (in the items' order: "dev", "holdout", "blind", "realcopy5") and "all"."""
    out: dict[str, Scores] = {}
    for item in items:
        out.setdefault(item["split"], Scores())
    out["all"] = Scores()
    for item in items:
        result = analyser(tokenise(item["text"]))
        score_item(item, result, out[item["split"]])
        score_item(item, result, out["all"])
    return out


def _line(name: str, s: Scores) -> str:
    return (
        f"{name:9} quotations {s.gold:3}  recall {s.recall:6.1%}  attribution {s.attribution:6.1%} "
        f"(of found {s.attribution_of_found:6.1%})  precision {s.precision:6.1%}  |  reported speech "
        f"recall {s.reported_recall:6.1%} precision {s.reported_precision:6.1%} ({s.reported_gold} gold)"
    )


def _timing() -> None:
    from analysis.corpus import load_paths

    for art in load_paths([ROOT / "data" / "articles"]).articles:
        doc = tokenise(art.text)
        n = 200
        t = timeit.timeit(lambda d=doc: analyse(d), number=n) / n
        print(f"timing  {art.id}: {t * 1000:.2f} ms per article ({doc.n_words} words, {n} runs)")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quiet", action="store_true", help="figures only, no list of misses")
    p.add_argument("--timing", action="store_true", help="also time the analysis on the seed articles")
    p.add_argument("--gold", type=Path, action="append", help="a gold file (repeatable; default: all)")
    args = p.parse_args(argv)
    paths = [path.resolve() for path in args.gold] if args.gold else list(GOLD_FILES)
    items = [item for path in paths for item in load_gold(path)]
    scores = evaluate(items)
    names = ", ".join(str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else str(p) for p in paths)
    print(f"gold: {names} ({len(items)} items)")
    for name, split in scores.items():
        print(_line(name, split))
    if not args.quiet:
        for miss in scores["all"].misses:
            print("  ", miss)
    if args.timing:
        _timing()
    return 0


if __name__ == "__main__":
    sys.exit(main())
