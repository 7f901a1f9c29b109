"""ui/corpus.py: the cache key covers everything the analysis depends on."""

from __future__ import annotations

from analysis.corpus import Article
from analysis.pipeline import Settings
from ui.corpus import fingerprint

ART = Article(id="a", title="T", text="The summit could matter.")


def test_fingerprint_is_stable_and_sensitive():
    base = fingerprint((ART,), Settings(), ("readability", "hedging"))
    assert base == fingerprint((ART,), Settings(), ("readability", "hedging"))
    changed = [
        fingerprint((Article(id="a", title="T", text="The summit may matter."),), Settings(), ("readability", "hedging")),
        fingerprint((Article(id="a", title="T2", text=ART.text),), Settings(), ("readability", "hedging")),
        fingerprint((ART,), Settings().with_option("themes_semantic", False), ("readability", "hedging")),
        fingerprint((ART,), Settings(), ("readability", "hedging", "quotes")),
        fingerprint((ART, ART), Settings(), ("readability", "hedging")),
    ]
    assert base not in changed and len(set(changed)) == len(changed)
