"""Benchmark: what a dashboard page costs, first visit (analysis) and every rerun after it (cached).

Run: ``python bench/dashboard.py [--articles 2 50 200] [--page pages/overview.py]``.
Builds a corpus of N articles (copies of the seeds with distinct ids) in a temporary
folder, runs the entry script and a page under Streamlit's AppTest, and prints the
first run (loading and analysing the corpus), a rerun and a switch to every other page.
Figures only, never asserted in tests (machines differ).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from ui.corpus import CORPUS_ENV  # noqa: E402
from ui.nav import PAGES  # noqa: E402


def make_corpus(folder: Path, n: int) -> None:
    seeds = sorted((ROOT / "data" / "articles").glob("*.md"))
    for i in range(n):
        src = seeds[i % len(seeds)].read_text(encoding="utf-8")
        # A distinct last line makes every copy a distinct article (and cache key).
        (folder / f"a{i:04d}.md").write_text(src + f"\n\nCopy number {i}.\n", encoding="utf-8")


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[2, 50, 200])
    parser.add_argument("--page", default="pages/overview.py")
    args = parser.parse_args()
    print(f"{'articles':>8} {'first run':>10} {'rerun':>8} {'all pages':>10}  (seconds)")
    for n in args.articles:
        with tempfile.TemporaryDirectory() as tmp:
            make_corpus(Path(tmp), n)
            os.environ[CORPUS_ENV] = tmp
            at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=900)
            first = timed(at.run)
            if args.page != "pages/overview.py":
                at.switch_page(args.page)
                first += timed(at.run)
            assert not at.exception, [e.message for e in at.exception]
            rerun = timed(at.run)
            pages = 0.0
            for p in PAGES:
                at.switch_page(p.path)
                pages += timed(at.run)
                assert not at.exception, (p.path, [e.message for e in at.exception])
            print(f"{n:>8} {first:>10.2f} {rerun:>8.2f} {pages:>10.2f}")


if __name__ == "__main__":
    main()
