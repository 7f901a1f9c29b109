"""Theme family speed: ms per article on the seeds, and a 1,000-article projection.

    python bench/themes_speed.py

Times (best of 5 rounds of 200 runs each, on the already tokenised seeds, as in the
pipeline where the text layer is shared): the keyword layer, the keyword + semantic
layer, and textstat 0.7.8's seven scores on the same cleaned text (the brief's yardstick:
the whole analysis over 1,000 articles within 2x textstat alone). textstat caches its
results by text, so it is timed on distinct copies of each text.
"""

from __future__ import annotations

import sys
import timeit
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import textstat  # noqa: E402

from analysis import themes  # noqa: E402
from analysis.corpus import load_paths  # noqa: E402
from analysis.text import tokenise  # noqa: E402

RUNS = 200


def textstat_seven(text: str) -> None:
    textstat.flesch_reading_ease(text)
    textstat.flesch_kincaid_grade(text)
    textstat.gunning_fog(text)
    textstat.smog_index(text)
    textstat.coleman_liau_index(text)
    textstat.automated_readability_index(text)
    textstat.dale_chall_readability_score(text)


def per_article_ms(fn, runs: int = RUNS) -> float:
    return min(timeit.repeat(fn, number=runs, repeat=5)) / runs * 1000


def main() -> None:
    articles = load_paths([ROOT / "data" / "articles"]).articles
    ts = themes.load_themes()
    themes.analyse(tokenise(articles[0].text), ts, semantic=True)  # load vectors, build indexes
    total = {"keyword": 0.0, "semantic": 0.0, "textstat": 0.0}
    for a in articles:
        doc = tokenise(a.text)
        kw = per_article_ms(lambda doc=doc: themes.analyse(doc, ts))
        sem = per_article_ms(lambda doc=doc: themes.analyse(doc, ts, semantic=True))
        # textstat caches by text, so each run gets a distinct copy (one extra word).
        variants = iter([f"{doc.text} w{i}." for i in range(1000)])
        txt = per_article_ms(lambda variants=variants: textstat_seven(next(variants)), runs=20)
        total["keyword"] += kw
        total["semantic"] += sem
        total["textstat"] += txt
        print(f"{a.id} ({doc.n_words} words): themes keyword {kw:.2f} ms, keyword + semantic {sem:.2f} ms, "
              f"textstat 7 scores {txt:.1f} ms")
    n = len(articles)
    print(f"\nMean per article: keyword {total['keyword'] / n:.2f} ms, keyword + semantic "
          f"{total['semantic'] / n:.2f} ms, textstat {total['textstat'] / n:.1f} ms")
    for name in ("keyword", "semantic"):
        print(f"1,000 such articles: themes ({name}) {total[name] / n:.2f} s = "
              f"{total[name] / total['textstat']:.1%} of textstat's {total['textstat'] / n:.1f} s")


if __name__ == "__main__":
    main()
