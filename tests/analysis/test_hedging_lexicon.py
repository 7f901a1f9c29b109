"""The hedge/booster lexicon: data files, validation with clear errors, caching, session edits."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from analysis.hedging import analyse
from analysis.hedging_lexicon import (
    CATEGORIES,
    DEFAULT_DIR,
    Entry,
    Lexicon,
    LexiconError,
    load_lexicon,
    parse_tsv,
)
from analysis.pipeline import Settings
from analysis.text import tokenise

HEADER = "term\tcategory\tsource\tforms\tunless_next\tunless_prev\n"


def terms_found(text: str, lexicon: Lexicon | None = None) -> list[str]:
    return [h.term for h in analyse(tokenise(text), lexicon).hits]


def test_default_lexicon_loads_with_documented_sources() -> None:
    lex = load_lexicon()
    assert lex.name == "default"
    hedges, boosters = lex.terms("hedge"), lex.terms("booster")
    # The examples of each category are all present.
    for term in (
        "could",
        "may",
        "might",
        "would",
        "suggest",
        "appear",
        "seem",
        "indicate",
        "believe",
        "possibly",
        "perhaps",
        "likely",
        "probably",
        "potentially",
        "reportedly",
        "potential",
        "possible",
        "possibility",
        "prospect",
        "it is possible that",
        "in some ways",
    ):
        assert lex.get(term) is not None and lex.get(term).kind == "hedge", term
    for term in (
        "clearly",
        "certainly",
        "undoubtedly",
        "definitely",
        "most significant",
        "the fact that",
        "immense",
        "must",
    ):
        assert lex.get(term) is not None and lex.get(term).kind == "booster", term
    assert {e.category for e in hedges + boosters} <= set(CATEGORIES)
    assert len(hedges) > 80 and len(boosters) > 40
    for name in ("hedges.tsv", "boosters.tsv"):
        head = (DEFAULT_DIR / name).read_text(encoding="utf-8")[:3000]
        assert "Hyland" in head
    assert "CoNLL-2010" in (DEFAULT_DIR / "hedges.tsv").read_text(encoding="utf-8")[:3000]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Inflections are generated at load time from "verb"/"noun" forms.
        ("The data suggests a fall.", ["suggest"]),
        ("The data suggested a fall.", ["suggest"]),
        ("The trend is suggesting a fall.", ["suggest"]),
        ("It appears so. It appeared so.", ["appear", "appear"]),
        ("The signs are indicating a fall.", ["indicate"]),  # e dropped before -ing
        ("Police believed him.", ["believe"]),
        ("There are two possibilities.", ["possibility"]),  # y → ies
        ("Prospects are dim.", ["prospect"]),
        ("The theory was proven wrong.", ["prove"]),  # extra literal form "proven"
        # "{a|b}" alternatives expand to phrases.
        ("They had the potential to win.", ["{has|have|had|having} the potential to"]),
        # Case does not matter.
        ("IT SEEMS LIKELY.", ["seem", "likely"]),
    ],
)
def test_inflections_and_case(text: str, expected: list[str]) -> None:
    assert terms_found(text) == expected


def test_entry_phrases_expand_alternatives_and_forms() -> None:
    e = Entry("{tend|tends} to", "hedge", "epistemic_verb")
    assert e.phrases() == (("tend", "to"), ("tends", "to"))
    v = Entry("doubt", "hedge", "epistemic_verb", forms=("verb",))
    assert set(v.phrases()) == {("doubt",), ("doubts",), ("doubted",), ("doubting",)}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "no header line"),
        ("word\tkind\ncould\tmodal\n", "the header must be"),
        (HEADER + "could\tmodal\tH\t-\t-\t-\textra\n", "line 2: 7 tab-separated fields"),
        (HEADER + "could\tmodals\n", "line 2: unknown category 'modals'"),
        (HEADER + "Could\tmodal\n", "must be lower case"),
        (HEADER + "could\tmodal\n# comment\ncould\tmodal\n", "line 4: 'could' is already listed on line 2"),
        (HEADER + "{has|have the potential\tphrase\n", "unbalanced or empty"),
        (HEADER + "{has||have} it\tphrase\n", "unbalanced or empty"),
        (HEADER + "may.\tmodal\n", "does not match the text layer's words"),
        (HEADER + "could\tmodal\tX\n", "unknown source 'X'"),
        (HEADER + "could\tmodal\tH\t-\tNot\n", "context word 'Not'"),
        (HEADER + "could\tmodal\tH\t-\ttwo words\n", "context word 'two words'"),
    ],
)
def test_invalid_files_give_clear_errors(text: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message) as info:
        parse_tsv(text, "hedge", "hedges.tsv")
    assert str(info.value).startswith("hedges.tsv")


def test_exclusion_must_not_have_a_category() -> None:
    with pytest.raises(LexiconError, match="an exclusion has no category"):
        parse_tsv(HEADER + "think tank\tmodal\n", "exclusion", "exclusions.tsv")


def make_folder(tmp_path: Path, hedges: str, boosters: str | None = HEADER + "clearly\tadverb\n") -> Path:
    (tmp_path / "hedges.tsv").write_text(hedges, encoding="utf-8")
    if boosters is not None:
        (tmp_path / "boosters.tsv").write_text(boosters, encoding="utf-8")
    return tmp_path


def test_folder_errors(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="no such lexicon folder"):
        load_lexicon(tmp_path / "missing")
    with pytest.raises(LexiconError, match="expected a folder"):
        load_lexicon(make_folder(tmp_path, HEADER) / "hedges.tsv")
    (tmp_path / "boosters.tsv").unlink()
    with pytest.raises(LexiconError, match=r"boosters\.tsv is missing"):
        load_lexicon(tmp_path)


def test_term_listed_as_hedge_and_booster(tmp_path: Path) -> None:
    folder = make_folder(tmp_path, HEADER + "clearly\tadverb\n")
    with pytest.raises(LexiconError, match="'clearly' is listed both as a hedge and as a booster"):
        load_lexicon(folder)


def test_phrase_matched_by_two_entries(tmp_path: Path) -> None:
    # "suggest" with verb forms already matches "suggests".
    folder = make_folder(tmp_path, HEADER + "suggest\tepistemic_verb\t-\tverb\nsuggests\tepistemic_verb\n")
    with pytest.raises(LexiconError, match="'suggests' is matched by two entries"):
        load_lexicon(folder)


def test_not_utf8(tmp_path: Path) -> None:
    folder = make_folder(tmp_path, HEADER)
    (folder / "hedges.tsv").write_bytes(HEADER.encode() + b"caf\xe9\tadverb\n")
    with pytest.raises(LexiconError, match="not UTF-8"):
        load_lexicon(folder)


def test_custom_folder_without_exclusions(tmp_path: Path) -> None:
    lex = load_lexicon(make_folder(tmp_path, HEADER + "possible\tadjective_noun\n"))
    assert lex.name == str(tmp_path.resolve())
    # No exclusions file: "as soon as possible" is now a hedge.
    assert terms_found("Call as soon as possible, clearly.", lex) == ["possible", "clearly"]


def test_cached_and_reloaded_when_edited(tmp_path: Path) -> None:
    assert load_lexicon() is load_lexicon()
    folder = tmp_path / "lex"
    shutil.copytree(DEFAULT_DIR, folder)
    first = load_lexicon(folder)
    assert load_lexicon(folder) is first
    path = folder / "hedges.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "conceivable\tadjective_noun\tN\n", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    second = load_lexicon(folder)
    assert second is not first and second.get("conceivable") is not None


def test_frozen_hashable_picklable_and_fits_in_settings() -> None:
    lex = load_lexicon()
    clone = pickle.loads(pickle.dumps(lex))
    assert clone == lex and hash(clone) == hash(lex)
    assert terms_found("It may rain.", clone) == ["may"]
    settings = Settings().with_option("hedging", lex)
    assert hash(settings) == hash(Settings().with_option("hedging", clone))
    assert settings.get("hedging") is lex
    with pytest.raises(AttributeError):
        lex.name = "other"  # type: ignore[misc]


def test_with_terms_adds_removes_and_leaves_the_original() -> None:
    lex = load_lexicon()
    text = "Officials fear the bridge could collapse, sources hinted."
    assert terms_found(text) == ["could"]
    edited = lex.with_terms(add=[("hint", "hedge", "epistemic_verb")], remove=["could"])
    # An epistemic verb added as a tuple also matches its inflections ("hinted").
    assert terms_found(text, edited) == ["hint"]
    assert edited.name == "default + session edits"
    assert edited != lex and lex.get("could") is not None and edited.get("could") is None
    assert edited.with_terms(remove=["hint"]).name == "default + session edits"
    # Re-adding an existing term changes its category (replace, not duplicate).
    moved = lex.with_terms(add=[("clearly", "booster", "phrase")])
    assert moved.get("clearly").category == "phrase"
    assert sum(1 for e in moved.entries if e.term == "clearly") == 1


@pytest.mark.parametrize(
    ("add", "remove", "message"),
    [
        ((), ["nonexistent"], "cannot remove 'nonexistent'"),
        ([("perhaps", "hedge", "adverbs")], (), "unknown category 'adverbs'"),
        ([("perhaps", "hedges", "adverb")], (), "unknown kind 'hedges'"),
        ([("", "hedge", "adverb")], (), "empty term"),
        # "clearly" is a booster: adding it as a hedge under another spelling would match it twice.
        ([Entry("{clearly|obviously}", "hedge", "adverb")], (), "matched by two entries"),
    ],
)
def test_with_terms_errors(add, remove, message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        load_lexicon().with_terms(add=add, remove=remove)
