"""Duplicate detection: URL keys, text hashes and the shingle-sketch similarity."""

from __future__ import annotations

import pytest

from analysis.store.dedupe import SHINGLE, Fingerprint, fingerprint, similarities, similarity, url_key
from analysis.text import word_count

from .store_samples import FLOODS, SUMMIT


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://www.Ledger.example/world/summit/", "http://ledger.example/world/summit"),
        ("https://ledger.example/a?utm_source=x&id=3&fbclid=y", "https://ledger.example/a?id=3"),
        ("https://ledger.example/a?b=2&a=1", "https://ledger.example/a?a=1&b=2"),  # parameter order
        ("https://ledger.example/a#comments", "https://ledger.example/a"),
        ("https://ledger.example:443/a", "https://ledger.example/a"),
    ],
)
def test_same_url_key(a: str, b: str) -> None:
    assert url_key(a) == url_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://ledger.example/a", "https://ledger.example/b"),
        ("https://ledger.example/a?id=3", "https://ledger.example/a?id=4"),
        ("https://ledger.example:8080/a", "https://ledger.example/a"),
    ],
)
def test_different_url_key(a: str, b: str) -> None:
    assert url_key(a) != url_key(b)


def test_empty_url_has_empty_key() -> None:
    assert url_key("  ") == ""


def test_text_hash_ignores_case_spacing_and_quotes() -> None:
    variant = SUMMIT.upper().replace('"', "\u201c").replace(" ", "  ")
    assert fingerprint(variant).text_hash == fingerprint(SUMMIT).text_hash
    assert fingerprint(SUMMIT + " Extra.").text_hash != fingerprint(SUMMIT).text_hash


def test_similarity_of_a_one_word_edit() -> None:
    # SUMMIT has n = words - 4 five-word phrases, all different. Changing one word in the
    # middle replaces the 5 phrases that contain it: 5 lost, 5 new. Jaccard = (n-5)/(n+5);
    # with fewer than 128 phrases the bottom-128 sketch holds them all, so the estimate is exact.
    n = word_count(SUMMIT) - SHINGLE + 1
    edited = SUMMIT.replace("several hours", "many hours")  # mid-text: in 5 phrases
    assert n < 128
    assert similarity(fingerprint(SUMMIT).sketch, fingerprint(edited).sketch) == pytest.approx(
        (n - 5) / (n + 5)
    )


def test_similarity_bounds() -> None:
    s, f = fingerprint(SUMMIT).sketch, fingerprint(FLOODS).sketch
    assert similarity(s, s) == 1.0
    assert similarity(s, f) == 0.0  # two different reports share no 5-word phrase
    assert similarity(s, ()) == 0.0


def test_long_text_sketch_is_bounded() -> None:
    long_text = " ".join(f"word{i}" for i in range(5000))
    fp = fingerprint(long_text)
    assert len(fp.sketch) == 128 and fp.words == 5000
    assert fp.sketch == tuple(sorted(fp.sketch))


def test_vectorised_similarities_equal_the_definition() -> None:
    # Texts sharing more or fewer phrases with SUMMIT (prefixes, a suffix, an unrelated one, an empty
    # one, a long one): the vectorised scores must equal similarity() on each pair, to the last bit.
    long_text = " ".join(f"word{i}" for i in range(3000))
    words = SUMMIT.split()
    texts = [
        SUMMIT,
        FLOODS,
        " ".join(words[:40]),
        " ".join(words[20:]),
        "",
        long_text,
        long_text + " extra words",
    ]
    base = fingerprint(SUMMIT + " " + long_text[:2000]).sketch
    sketches = [fingerprint(t).sketch for t in texts]
    expected = [similarity(base, s) for s in sketches]
    assert list(similarities(base, sketches)) == expected
    # Stored form (bytes) gives the same numbers.
    stored = [fingerprint(t).sketch_bytes() for t in texts]
    assert list(similarities(base, stored)) == expected
    assert Fingerprint.parse_sketch(stored[0]) == sketches[0]
    assert 0 < expected[0] < 1 and expected[1] == 0.0 and expected[4] == 0.0
