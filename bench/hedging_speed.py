"""Time of the hedging analysis per article on the seed corpus (run once; prints figures).

    python bench/hedging_speed.py [--runs 200]

Times :func:`analysis.hedging.analyse` on each seed article's tokenised Doc (tokenising is
shared by all families and cached, so it is timed separately), the lexicon's first load, and
textstat's seven scores on the same text for scale.
"""

from __future__ import annotations

import argparse
import sys
import time
import timeit
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import textstat  # noqa: E402

from analysis import hedging  # noqa: E402
from analysis.corpus import load_paths  # noqa: E402
from analysis.hedging_lexicon import _load, load_lexicon  # noqa: E402
from analysis.text import tokenise  # noqa: E402

TEXTSTAT_7 = (
    textstat.flesch_reading_ease,
    textstat.flesch_kincaid_grade,
    textstat.gunning_fog,
    textstat.smog_index,
    textstat.coleman_liau_index,
    textstat.automated_readability_index,
    textstat.dale_chall_readability_score,
)


_calls = [0]


def _textstat(text: str) -> None:
    # textstat caches results per text; a different trailing space defeats the cache
    # without changing any count.
    _calls[0] += 1
    text += " " * _calls[0]
    for f in TEXTSTAT_7:
        f(text)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=200)
    args = ap.parse_args(argv)
    _load.cache_clear()
    t0 = time.perf_counter()
    lexicon = load_lexicon()
    print(
        f"lexicon first load (parse, validate, expand, index): {(time.perf_counter() - t0) * 1e3:.1f} ms; "
        f"{len(lexicon)} entries, {sum(len(e.phrases()) for e in lexicon.entries)} word sequences"
    )
    articles = load_paths([ROOT / "data" / "articles"]).articles
    print(f"{'article':24} {'words':>6} {'hedging ms':>11} {'tokenise ms':>12} {'textstat-7 ms':>14}")
    for a in articles:
        doc = tokenise(a.text)
        best = min(timeit.repeat(lambda d=doc: hedging.analyse(d, lexicon), number=args.runs, repeat=3))
        tok = min(timeit.repeat(lambda t=a.text: tokenise.__wrapped__(t), number=20, repeat=3)) / 20
        ts = min(timeit.repeat(lambda t=doc.text: _textstat(t), number=5, repeat=3)) / 5
        print(f"{a.id:24} {doc.n_words:6d} {best / args.runs * 1e3:11.3f} {tok * 1e3:12.3f} {ts * 1e3:14.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
