"""Duplicate detection: same URL, same text, or near-identical text.

* **Same URL**: URLs are compared by :func:`url_key` (scheme and host lower-cased,
  ``www.`` dropped, fragment, trailing slash and tracking parameters removed).
* **Same text**: SHA-256 of the article's lower-cased word tokens (text layer), so
  spacing, quotes and case do not matter.
* **Near-identical text**: the share of 5-word phrases (shingles) two articles have in
  common (Jaccard similarity), estimated from a bottom-k sketch: the 128 smallest
  64-bit hashes of an article's shingles. One hash per shingle, a fixed-size sketch
  per article, so checking a new article against a store of N is O(N * 128).
"""

from __future__ import annotations

import hashlib
import heapq
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..text import tokenise

__all__ = [
    "NEAR_DUPLICATE",
    "SHINGLE",
    "SKETCH_SIZE",
    "Fingerprint",
    "fingerprint",
    "similarity",
    "url_key",
]

SHINGLE = 5
SKETCH_SIZE = 128
#: Estimated Jaccard similarity from which two texts count as near-identical.
NEAR_DUPLICATE = 0.8

_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid", "smid")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What duplicate checks compare: a text hash and a bottom-k shingle sketch."""

    text_hash: str
    sketch: tuple[int, ...]
    words: int

    def sketch_str(self) -> str:
        """The sketch as stored (hex numbers, comma-separated)."""
        return ",".join(f"{h:x}" for h in self.sketch)

    @staticmethod
    def parse_sketch(value: str) -> tuple[int, ...]:
        """Inverse of :meth:`sketch_str`."""
        return tuple(int(h, 16) for h in value.split(",") if h)


def _hash64(value: str) -> int:
    return int.from_bytes(hashlib.blake2b(value.encode(), digest_size=8).digest(), "big")


def fingerprint(text: str) -> Fingerprint:
    """Fingerprint an article's text (via the text layer's tokens)."""
    words = [t.lower for t in tokenise(text).tokens]
    text_hash = hashlib.sha256(" ".join(words).encode()).hexdigest()
    if len(words) <= SHINGLE:
        shingles = {" ".join(words)} if words else set()
    else:
        shingles = {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    sketch = tuple(sorted(heapq.nsmallest(SKETCH_SIZE, {_hash64(s) for s in shingles})))
    return Fingerprint(text_hash, sketch, len(words))


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of two bottom-k sketches (0.0 when either is empty)."""
    if not a or not b:
        return 0.0
    set_a, set_b = set(a), set(b)
    union = heapq.nsmallest(SKETCH_SIZE, set_a | set_b)
    both = sum(1 for h in union if h in set_a and h in set_b)
    return both / len(union)


def url_key(url: str) -> str:
    """A comparable form of ``url`` ("" for an empty one)."""
    url = url.strip()
    if not url:
        return ""
    parts = urlsplit(url if "//" in url else f"//{url}")
    host = (parts.hostname or "").lower().removeprefix("www.")
    try:
        port = f":{parts.port}" if parts.port and parts.port not in (80, 443) else ""
    except ValueError:  # a malformed port: compare the URL as written
        return url.lower()
    query = urlencode(
        sorted((k, v) for k, v in parse_qsl(parts.query) if not k.lower().startswith(_TRACKING))
    )
    path = parts.path.rstrip("/") or ""
    return urlunsplit(("", host + port, path, query, "")).removeprefix("//")
