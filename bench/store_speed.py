"""Corpus store speed: adding, duplicate checks, listing and the revision query, on SQLite.

Usage: ``python bench/store_speed.py [N] [--store URL]`` (default N=1000, a temporary SQLite file).
Prints milliseconds per operation. Articles are the two seed articles' paragraphs
reshuffled, so each is distinct (no duplicate refusals) but realistic in length.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.corpus import Article, load_paths  # noqa: E402
from analysis.store.dedupe import fingerprint  # noqa: E402
from analysis.store.sql import SqlStore  # noqa: E402


def articles(n: int) -> list[Article]:
    seeds = load_paths([ROOT / "data" / "articles"]).articles
    paragraphs = [p for a in seeds for p in a.text.split("\n\n") if len(p.split()) > 8]
    rng = random.Random(7)
    out = []
    for i in range(n):
        body = "\n\n".join(rng.sample(paragraphs, k=min(12, len(paragraphs))))
        out.append(Article(id=str(i), title=f"Article {i}", text=f"Report number {i} begins here.\n\n{body}"))
    return out


def ms(samples: list[float]) -> str:
    return f"median {statistics.median(samples) * 1000:.2f} ms, max {max(samples) * 1000:.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", nargs="?", type=int, default=1000)
    parser.add_argument("--store")
    args = parser.parse_args()
    url = args.store or f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    store = SqlStore(url)
    batch = articles(args.n + 50)
    fresh, batch = batch[args.n :], batch[: args.n]
    words = statistics.mean(a.words for a in batch)
    print(f"store: {store.describe()}; {args.n} articles of {words:.0f} words on average")

    t = time.perf_counter()
    for a in batch[:200]:
        fingerprint(a.text)
    per = (time.perf_counter() - t) / 200 * 1000
    print(f"fingerprint (hash + 128-phrase sketch): {per:.2f} ms per article")

    adds: list[float] = []
    for a in batch:
        t = time.perf_counter()
        store.add(a, allow_duplicate=True)
        adds.append(time.perf_counter() - t)
    first, last = adds[:100], adds[-100:]
    print(f"add (duplicate check + insert, one transaction): first 100 {ms(first)}; last 100 {ms(last)}")

    checks = []
    for a in fresh:  # not stored: the full check, near-identical comparison included
        t = time.perf_counter()
        store.find_duplicate(a)
        checks.append(time.perf_counter() - t)
    print(f"find_duplicate against {args.n} stored: {ms(checks)}")

    t = time.perf_counter()
    listed = store.list()
    print(f"list all {len(listed)} with text: {(time.perf_counter() - t) * 1000:.0f} ms")
    revs = []
    for _ in range(100):
        t = time.perf_counter()
        store.revision()
        revs.append(time.perf_counter() - t)
    print(f"revision (the app's per-rerun check): {ms(revs)}")


if __name__ == "__main__":
    main()
