"""Sentence-level hedge (and booster) detection against the labelled gold sentences.

    python bench/hedging_accuracy.py [--errors] [--lexicon DIR]

Reads tests/data/hedging_gold.tsv (labelling guideline in its header), analyses each sentence
on its own with the default lexicon, and prints precision, recall and F1 per split (dev,
heldout) and overall. A sentence is predicted hedged when it has at least one *counted* hedge
(negated modals and "would" set aside as reported speech do not count).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.hedging import analyse  # noqa: E402
from analysis.hedging_lexicon import load_lexicon  # noqa: E402
from analysis.text import tokenise  # noqa: E402

GOLD = ROOT / "tests" / "data" / "hedging_gold.tsv"


def load_gold(path: Path = GOLD) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        rows.append(dict(zip(header, cells, strict=True)))
    return rows


def prf(pairs: list[tuple[bool, bool]]) -> tuple[float, float, float, int, int, int]:
    """(precision, recall, F1, tp, fp, fn) of (predicted, gold) pairs."""
    tp = sum(1 for p, g in pairs if p and g)
    fp = sum(1 for p, g in pairs if p and not g)
    fn = sum(1 for p, g in pairs if g and not p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, tp, fp, fn


def predictions(rows: list[dict[str, str]], lexicon=None) -> list[tuple[bool, bool]]:
    """(hedged, boosted) predicted for each gold row."""
    out = []
    for row in rows:
        r = analyse(tokenise(row["sentence"]), lexicon)
        out.append((r.hedge_count > 0, r.booster_count > 0))
    return out


# A naive reading for comparison: every single-word form in the lexicon's hedges plus the
# Hyland hedges this lexicon leaves out for news (approximators, can, should, expect), counted
# wherever they occur with no context rules, phrases or exclusions.
NAIVE_EXTRA = frozenset(
    "can should about around approximately roughly estimated estimate expected expect".split()
)


def naive_predictions(rows: list[dict[str, str]], lexicon) -> list[bool]:
    words = {w[0] for e in lexicon.terms("hedge") for w in e.phrases() if len(w) == 1} | NAIVE_EXTRA
    return [any(t.lower in words for t in tokenise(r["sentence"]).tokens) for r in rows]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--errors", action="store_true", help="list the sentences the analysis gets wrong")
    ap.add_argument("--lexicon", metavar="DIR", help="lexicon folder (default data/lexicons)")
    args = ap.parse_args(argv)
    rows = load_gold()
    lexicon = load_lexicon(args.lexicon)
    preds = predictions(rows, lexicon)
    print(f"gold: {len(rows)} sentences ({GOLD.relative_to(ROOT)}), lexicon: {lexicon.name}")
    print(f"{'':8} {'split':8} {'n':>4} {'pos':>4} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for label, col, k in (("hedged", "hedged", 0), ("boosted", "boosted", 1)):
        for split in ("dev", "heldout", "all"):
            idx = [i for i, r in enumerate(rows) if split == "all" or r["split"] == split]
            pairs = [(preds[i][k], rows[i][col] == "1") for i in idx]
            p, r, f, tp, fp, fn = prf(pairs)
            pos = sum(1 for _, g in pairs if g)
            row = f"{label:8} {split:8} {len(idx):4d} {pos:4d} {p:6.3f} {r:6.3f} {f:6.3f}"
            print(f"{row} {tp:4d} {fp:4d} {fn:4d}")
    naive = naive_predictions(rows, lexicon)
    p, r, f, tp, fp, fn = prf([(naive[i], row["hedged"] == "1") for i, row in enumerate(rows)])
    print(
        f"{'naive':8} {'all':8} {len(rows):4d} {'':4} {p:6.3f} {r:6.3f} {f:6.3f} {tp:4d} {fp:4d} {fn:4d}"
        "   (bare words, no context rules; for comparison)"
    )
    if args.errors:
        print("\nerrors (H = hedge label wrong, B = booster label wrong):")
        for row, (ph, pb) in zip(rows, preds, strict=True):
            wrong = ("H" if ph != (row["hedged"] == "1") else " ") + (
                "B" if pb != (row["boosted"] == "1") else " "
            )
            if wrong.strip():
                print(f"  {row['id']} {wrong} [{row['tag']}] {row['sentence']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
