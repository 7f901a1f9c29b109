"""Theme coverage: matching, measures, theme files, seeds, CLI."""

from __future__ import annotations

import dataclasses
import json
import math
import pickle
from pathlib import Path

import pytest

from analysis import themes
from analysis.__main__ import main
from analysis.corpus import load_paths
from analysis.pipeline import Settings, analyse_article, corpus_frame
from analysis.text import tokenise

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
MIXED = DATA / "mixed_news_themes.toml"


def theme_set(*themes_terms: tuple[str, list[str]]) -> themes.ThemeSet:
    """A theme set from (id, terms) pairs, through the real parser."""
    body = "\n".join(
        f'[themes.{tid}]\nlabel = "{tid.title()}"\nterms = {json.dumps(terms)}\n'
        for tid, terms in themes_terms
    )
    return themes.parse_themes(body)


def hits(text: str, terms: list[str]) -> list[tuple[str, str]]:
    """(matched text, term) for one theme's terms in ``text``."""
    doc = tokenise(text)
    res = themes.analyse(doc, theme_set(("t", terms)))
    return [(doc.text[h.start:h.end], h.term) for h in res["t"].hits]


# --------------------------------------------------------------------------- matching

MATCHING = [
    # (name, text, terms, expected matches) -- reasoning in the name and comments.
    ("phrase in order", "Its nuclear weapons programme grew.", ["nuclear weapon"],
     [("nuclear weapons", "nuclear weapon")]),
    ("phrase words out of order do not match", "Weapons, nuclear or not.", ["nuclear weapon"], []),
    ("phrase does not cross a sentence end", "They held talks on peace. Security was tight.",
     ["peace security"], []),
    ("plural", "New sanctions were announced.", ["sanction"], [("sanctions", "sanction")]),
    ("-ed and -ing", "They sanctioned banks and are sanctioning more.", ["sanction"],
     [("sanctioned", "sanction"), ("sanctioning", "sanction")]),
    ("consonant doubling", "The party banned rallies; banning them failed.", ["ban"],
     [("banned", "ban"), ("banning", "ban")]),
    ("-y to -ies", "Both economies slowed.", ["economy"], [("economies", "economy")]),
    ("a plural term finds its singular", "The talk went well.", ["talks"], [("talk", "talks")]),
    ("possessive", "Russia's role grew.", ["Russia"], [("Russia's", "Russia")]),
    ("British term finds American spelling", "Denuclearization talks resumed.", ["denuclearisation"],
     [("Denuclearization", "denuclearisation")]),
    ("American term finds British spelling", "The defence budget rose.", ["defense"],
     [("defence", "defense")]),
    # "news" is never singularised: its singular "new" is another, very common word.
    ("no false singular", "A new plan and the news.", ["news"], [("news", "news")]),
    # car -> carred/carring (doubling), never cared/caring.
    ("no collision with another word", "They cared about caring.", ["car"], []),
    ("whole words only", "The spacecraft docked.", ["space"], []),
    ("lower-case term matches any capitalisation", "Space race. SPACE agency. space dust.", ["space"],
     [("Space", "space"), ("SPACE", "space"), ("space", "space")]),
    ("capitalised term matches only that capitalisation", "Let us talk to the US envoy.", ["US"],
     [("US", "US")]),
    # The cricket Test is not a nuclear test.
    ("Test is not test", "England lost the Test. North Korea held a nuclear test.", ["Test"],
     [("Test", "Test")]),
    ("lower-case test matches the cricket Test too", "England lost the Test.", ["test"], [("Test", "test")]),
    ("one-word term inside a hyphenated word", "The Kim-Putin summit and US-led drills.", ["Putin", "US"],
     [("Putin", "Putin"), ("US", "US")]),
    ("dotted acronym inside a compound", "U.S.-Russia relations are strained.", ["U.S."], [("U.S", "U.S.")]),
    ("hyphenated term matches the whole word", "Anti-imperialist slogans.", ["anti-imperialist"],
     [("Anti-imperialist", "anti-imperialist")]),
    # Both terms match "nuclear weapons"; the longer wins and the words count once.
    ("overlapping terms counted once", "Nuclear weapons again.", ["nuclear", "nuclear weapon"],
     [("Nuclear weapons", "nuclear weapon")]),
    ("overlap: longest wins even when it starts later", "the regional stability pact",
     ["regional", "regional stability", "stability pact deal"],
     [("regional stability", "regional stability")]),
    ("same term listed twice counts once", "Sanctions.", ["sanction", "sanction"],
     [("Sanctions", "sanction")]),
]


@pytest.mark.parametrize(("name", "text", "terms", "expected"), MATCHING, ids=[m[0] for m in MATCHING])
def test_matching(name: str, text: str, terms: list[str], expected: list[tuple[str, str]]) -> None:
    assert hits(text, terms) == expected


def test_two_themes_both_count_shared_words() -> None:
    # "nuclear weapons" is nuclear (longest term there) and military ("weapon"): themes are independent.
    ts = theme_set(("nuclear", ["nuclear", "nuclear weapon"]), ("military", ["weapon"]))
    res = themes.analyse(tokenise("Nuclear weapons again."), ts)
    assert res["nuclear"].hit_count == 1
    assert res["military"].hit_count == 1


FORMS = [
    ("sanction", {"sanction", "sanctions", "sanctioned", "sanctioning", "sanction's"}, set()),
    ("economy", {"economies", "economy's"}, set()),
    ("ban", {"bans", "banned", "banning"}, {"baned"}),
    ("vote", {"votes", "voted", "voting"}, {"voteing"}),
    ("talks", {"talk", "talked", "talking"}, set()),
    ("news", {"news"}, {"new"}),
    ("arms", {"arms"}, {"arm", "armed"}),
    ("NATO", {"NATO", "NATO's", "NATOs"}, {"nato"}),
    ("centre", {"center", "centres", "centers"}, set()),
    ("programme", {"program", "programs", "programmes"}, set()),
    ("U.S", {"U.S"}, {"U.Ss"}),
]


@pytest.mark.parametrize(("word", "includes", "excludes"), FORMS, ids=[f[0] for f in FORMS])
def test_word_forms(word: str, includes: set[str], excludes: set[str]) -> None:
    forms = themes.word_forms(word)
    assert includes <= forms
    assert not (excludes & forms)


# --------------------------------------------------------------------------- measures

# 16 words in 4 sentences and 2 paragraphs:
#   S0 "Sanctions(0) were(1) tightened(2)."  S1 "Talks(3) resumed(4) on(5) Monday(6)."
#   S2 "The(7) sanctions(8) hurt(9) trade(10)."  S3 "Nothing(11) else(12) happened(13) here(14) today(15)."
HAND = (
    "Sanctions were tightened. Talks resumed on Monday.\n\n"
    "The sanctions hurt trade. Nothing else happened here today."
)
HAND_THEMES = (("sanctions", ["sanction"]), ("diplomacy", ["talks"]), ("weather", ["rain"]))

MEASURES = [
    # theme, hit_count, sentence_share, hits_per_1k, first_position, segments (N=4: 4 words each), terms
    # sanctions: tokens 0 and 8, in S0 and S2 -> 2/4 sentences, 2/16 words, first at 0/16, segments 0 and 2.
    ("sanctions", 2, 0.5, 125.0, 0.0, (1, 0, 1, 0), {"sanction": 2}),
    # diplomacy: token 3 in S1 -> 1/4 sentences, 1/16 words, first at 3/16, segment 0.
    ("diplomacy", 1, 0.25, 62.5, 3 / 16, (1, 0, 0, 0), {"talks": 1}),
    # weather never occurs: zero measures and no position (NaN).
    ("weather", 0, 0.0, 0.0, math.nan, (0, 0, 0, 0), {}),
]


@pytest.mark.parametrize(
    ("tid", "count", "share", "per_1k", "first", "segments", "terms"), MEASURES, ids=[m[0] for m in MEASURES]
)
def test_measures_on_hand_built_text(tid, count, share, per_1k, first, segments, terms) -> None:
    res = themes.analyse(tokenise(HAND), theme_set(*HAND_THEMES), segments=4)
    s = res[tid]
    assert s.hit_count == count
    assert s.sentence_share == pytest.approx(share)
    assert s.hits_per_1k == pytest.approx(per_1k)
    assert s.first_position == pytest.approx(first, nan_ok=True)
    assert s.segments == segments
    assert s.terms == terms


def test_hand_built_spans_and_paragraphs() -> None:
    doc = tokenise(HAND)
    res = themes.analyse(doc, theme_set(*HAND_THEMES), segments=4)
    assert [doc.text[h.start:h.end] for h in res["sanctions"].hits] == ["Sanctions", "sanctions"]
    assert [h.sentence for h in res["sanctions"].hits] == [0, 2]
    # Paragraph 0 has one sanctions and one diplomacy hit: a tie goes to the file's first theme.
    assert res.paragraph_themes == ("sanctions", "sanctions")
    assert res["sanctions"].dominant_paragraphs == (0, 1)
    assert res.keyword_top == "sanctions"
    assert res.ranking() == ("sanctions", "diplomacy")


def test_record_and_flat_columns() -> None:
    res = themes.analyse(tokenise(HAND), theme_set(*HAND_THEMES), segments=4, semantic=False)
    d = res.to_dict()
    assert list(d) == ["sanctions", "diplomacy", "weather"]
    assert d["weather"]["first_position"] is None  # NaN is written as null in JSON
    assert d["sanctions"]["hits"][0] == {"start": 0, "end": 9, "term": "sanction", "sentence": 0}
    assert {"sentence_share", "hits_per_1k", "terms", "first_position", "segments"} <= set(d["diplomacy"])
    json.dumps(d, allow_nan=False)
    flat = res.flat()
    assert flat["themes_sanctions_share"] == 0.5
    assert flat["themes_diplomacy_per_1k"] == 62.5
    assert flat["themes_sanctions_hits"] == 2
    assert math.isnan(flat["themes_weather_first_position"])
    assert flat["themes_top"] == "sanctions"
    assert (flat["themes_top_source"], flat["themes_keyword_top"]) == ("keyword", "sanctions")
    assert flat["themes_covered"] == 2
    assert not any("semantic" in k for k in flat)  # semantic=False: no semantic columns


@pytest.mark.parametrize("text", ["", "   \n\n  ", "!!! ??? ..."], ids=["empty", "blank", "no words"])
def test_no_words(text: str) -> None:
    res = themes.analyse(tokenise(text), theme_set(*HAND_THEMES))
    for s in res.themes.values():
        assert (s.hit_count, s.sentence_share, s.hits_per_1k) == (0, 0.0, 0.0)
        assert math.isnan(s.first_position)
        assert s.segments == (0,) * 10
    assert res.top is None and res.top_source == ""
    assert res.flat()["themes_top"] == ""
    json.dumps(res.to_dict(), allow_nan=False)


def test_segments_must_be_positive() -> None:
    with pytest.raises(ValueError, match="segments"):
        themes.analyse(tokenise(HAND), theme_set(*HAND_THEMES), segments=0)


# --------------------------------------------------------------------------- seeds

@pytest.fixture(scope="module")
def seeds() -> dict[str, themes.ThemesResult]:
    arts = load_paths([ROOT / "data" / "articles"]).articles
    return {a.id[:3]: themes.analyse(tokenise(a.text)) for a in arts}


SEED_TOP5 = [
    # 000 is organised in sections on exactly these: the nuclear issue, regional stability, space,
    # diplomacy ("watershed moment in international diplomacy") and economic opportunities.
    ("000", {"diplomacy", "nuclear", "regional_security", "space", "economy"}),
]


@pytest.mark.parametrize(("seed", "expected"), SEED_TOP5)
def test_seed_000_top_themes(seeds, seed: str, expected: set[str]) -> None:
    assert set(seeds[seed].ranking()[:5]) == expected


def test_seed_004_themes(seeds) -> None:
    r = seeds["004"]
    # Dr. Chung's "anti-imperialist and self-determined multipolar world" runs through the piece.
    assert r.keyword_top == "multipolarity"
    # Sanctions ("Western-imposed sanctions", "illegal economic sanctions regimes", "UN sanctions",
    # "[sanctions] regime"), military ("military-technical cooperation", "arms deals", "war games"),
    # space (Vostochny Cosmodrome, spaceport), history (Cold War, Korean War, 75th anniversary).
    for tid, at_least in (("sanctions", 4), ("military", 5), ("space", 8), ("history", 6)):
        assert r[tid].hit_count >= at_least, tid
    assert r["sanctions"].terms == {"sanction": 4}


def test_seeds_contrast_and_not_covered(seeds) -> None:
    a, b = seeds["000"], seeds["004"]
    # 000 dwells on denuclearisation and regional stability; 004 on anti-imperialism and sanctions.
    assert a["nuclear"].hits_per_1k > 5 * b["nuclear"].hits_per_1k
    assert a["regional_security"].sentence_share > b["regional_security"].sentence_share
    assert b["multipolarity"].sentence_share > 0.2 > a["multipolarity"].sentence_share
    missing = themes.not_covered({"000": a, "004": b})
    # 000 never mentions sanctions, the military, Ukraine or multipolarity; 004 covers them all.
    assert missing["000"] == ("military", "sanctions", "ukraine", "multipolarity")
    # 004 touches every theme 000 does (even nuclear: "US-led nuclear war games").
    assert missing["004"] == ()
    # 004 mentions nuclear matters once ("nuclear war games"): an empty article lacks nuclear
    # when one hit elsewhere counts as covered, not when two are needed.
    empty = themes.analyse(tokenise(""))
    assert "nuclear" in themes.not_covered({"004": b, "empty": empty})["empty"]
    assert "nuclear" not in themes.not_covered({"004": b, "empty": empty}, min_hits=2)["empty"]


def test_not_covered_with_min_hits() -> None:
    ts = theme_set(*HAND_THEMES)
    one = themes.analyse(tokenise("Talks went on."), ts)
    many = themes.analyse(tokenise("Sanctions. More sanctions. Talks."), ts)
    none = themes.analyse(tokenise("Nothing at all."), ts)
    res = {"one": one, "many": many, "none": none}
    assert themes.not_covered(res) == {"one": ("sanctions",), "many": (), "none": ("sanctions", "diplomacy")}
    # With min_hits=2 only "many"'s two sanctions hits make sanctions count as covered elsewhere.
    assert themes.not_covered(res, min_hits=2)["none"] == ("sanctions",)


def test_theme_frame_and_segment_frame(seeds) -> None:
    frame = themes.theme_frame(seeds, "hits_per_1k")
    assert list(frame.columns) == ["000", "004"]
    assert list(frame.index) == list(themes.load_themes().ids)
    assert frame.loc["sanctions", "000"] == 0.0
    assert frame.attrs["labels"]["us_west"] == "US & the West"
    assert math.isnan(themes.theme_frame(seeds, "first_position").loc["sanctions", "000"])
    with pytest.raises(ValueError, match="choose one of"):
        themes.theme_frame(seeds, "loudness")
    seg = themes.segment_frame(seeds["000"])
    assert seg.shape == (11, 10)
    assert seg.loc["economy"].sum() == seeds["000"]["economy"].hit_count


# --------------------------------------------------------------------------- theme files

def test_default_theme_file() -> None:
    ts = themes.load_themes()
    assert {"diplomacy", "nuclear", "military", "space", "economy", "sanctions", "regional_security",
            "history", "us_west", "ukraine", "multipolarity"} <= set(ts.ids)
    assert all(t.label and t.description and t.terms for t in ts.themes)
    assert themes.load_themes() is ts  # cached


def test_theme_set_is_hashable_and_picklable() -> None:
    ts = themes.load_themes(MIXED)
    assert pickle.loads(pickle.dumps(ts)) == ts
    assert hash(pickle.loads(pickle.dumps(ts))) == hash(ts)
    settings = Settings().with_option("themes", ts)
    assert settings.get("themes") is ts
    assert {settings: 1}[Settings().with_option("themes", ts)] == 1


def test_custom_theme_file_through_pipeline() -> None:
    ts = themes.load_themes(MIXED)
    assert ts.name == "Mixed news feed"
    assert len(ts) == 8 and all(len(t.terms) == 10 for t in ts.themes)
    art = load_paths([ROOT / "data" / "articles"]).articles[0]
    analysis = analyse_article(art, Settings().with_option("themes", ts))
    assert list(analysis["themes"].themes) == list(ts.ids)
    frame = corpus_frame([analysis])
    assert "themes_politics_share" in frame.columns and "themes_nuclear_share" not in frame.columns
    json.dumps(analysis.to_record(), allow_nan=False)


def test_cli_themes_option(tmp_path, capsys) -> None:
    assert main([str(ROOT / "data" / "articles"), "--themes", str(MIXED)]) == 0
    records = json.loads(capsys.readouterr().out)
    assert set(records[0]["themes"]) == set(themes.load_themes(MIXED).ids)
    bad = tmp_path / "bad.toml"
    bad.write_text('[themes.sport]\nlabel = "Sport"\nterms = ["goal", 7]\n', encoding="utf-8")
    assert main([str(ROOT / "data" / "articles"), "--themes", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}, line 3: theme 'sport': term 2 must be a string" in err
    assert main([str(ROOT / "data" / "articles"), "--themes", str(tmp_path / "nope.toml")]) == 2
    assert "no such theme file" in capsys.readouterr().err


BAD_FILES = [
    # (name, text, line, message fragment)
    ("TOML syntax", '[themes.a]\nlabel = "A\nterms = ["x"]\n', 2, "not valid TOML"),
    ("duplicate theme", '[themes.a]\nlabel = "A"\nterms = ["x"]\n[themes.a]\nlabel = "B"\n', 4,
     "not valid TOML"),
    ("no themes", 'name = "Empty"\n', None, "no themes"),
    ("typo in table name", '[theme.sport]\nlabel = "Sport"\nterms = ["goal"]\n', 1,
     "unknown top-level key 'theme' (themes are tables named [themes.<id>])"),
    ("missing terms", 'name = "x"\n\n[themes.sport]\nlabel = "Sport"\n', 3,
     "theme 'sport': missing required key 'terms'"),
    ("missing label", '[themes.sport]\nterms = ["goal"]\n', 1, "missing required key 'label'"),
    ("unknown key", '[themes.sport]\nlabel = "Sport"\nterm = ["goal"]\nterms = ["goal"]\n', 3,
     "unknown key 'term'; a theme has: label, description, terms"),
    ("terms not a list", '[themes.sport]\nlabel = "Sport"\n\nterms = "goal"\n', 4,
     "'terms' must be a list of strings"),
    ("empty terms", '[themes.sport]\nlabel = "Sport"\nterms = []\n', 3, "'terms' is empty"),
    ("number among terms", '[themes.sport]\nlabel = "Sport"\nterms = [\n  "goal",\n  42,\n]\n', 5,
     "term 2 must be a string in quotes, not a number"),
    ("term without a word", '[themes.sport]\nlabel = "Sport"\nterms = ["goal",\n "--"]\n', 4,
     "term 2 ('--') has no word in it"),
    ("label not a string", '[themes.sport]\nlabel = 3\nterms = ["goal"]\n', 2, "'label' must be a string"),
    ("bad theme id", '[themes.a]\nlabel = "A"\nterms = ["x"]\n'
     '[themes.Sport-News]\nlabel = "S"\nterms = ["x"]\n', 4,
     "a theme id must start with a lower-case letter"),
    ("theme not a table", '[themes]\nsport = "goal"\n', 2, "must be a table"),
    ("inline table", '[themes]\nsport = { label = "Sport" }\n', 2, "missing required key 'terms'"),
    ("binary", "[themes.a]\x00", None, "not a text file"),
]


@pytest.mark.parametrize(("name", "text", "line", "fragment"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_theme_files(name: str, text: str, line: int | None, fragment: str) -> None:
    with pytest.raises(themes.ThemeFileError) as err:
        themes.parse_themes(text, "my.toml")
    assert err.value.line == line
    assert fragment in str(err.value)
    assert str(err.value).startswith(f"my.toml, line {line}: " if line else "my.toml: ")


def test_bad_theme_file_on_disk(tmp_path) -> None:
    latin = tmp_path / "latin.toml"
    latin.write_bytes('[themes.a]\nlabel = "Caf\xe9"\nterms = ["x"]\n'.encode("latin-1"))
    with pytest.raises(themes.ThemeFileError, match="not UTF-8 text"):
        themes.load_themes(latin)
    with pytest.raises(themes.ThemeFileError, match="is a folder"):
        themes.load_themes(tmp_path)
    with pytest.raises(themes.ThemeFileError, match="no such theme file"):
        themes.load_themes(tmp_path / "missing.toml")


def test_edited_file_is_reloaded(tmp_path) -> None:
    path = tmp_path / "t.toml"
    path.write_text('[themes.a]\nlabel = "A"\nterms = ["x"]\n', encoding="utf-8")
    assert themes.load_themes(path).ids == ("a",)
    path.write_text('[themes.b]\nlabel = "B"\nterms = ["yy"]\n', encoding="utf-8")
    assert themes.load_themes(path).ids == ("b",)


# --------------------------------------------------------------------------- semantic layer

def test_semantic_layer_on_by_default_and_off_on_request() -> None:
    doc = tokenise(HAND)
    assert themes.analyse(doc, semantic=False).semantic is False
    res = themes.analyse(doc, themes.load_themes())
    assert res.semantic is True
    # Every sentence votes for one theme: the shares add up to 1.
    assert sum(s.semantic.sentence_share for s in res.themes.values()) == pytest.approx(1.0)
    flat = res.flat()
    assert "themes_semantic_top" in flat and "themes_sanctions_semantic_share" in flat
    json.dumps(res.to_dict(), allow_nan=False)


def test_semantic_layer_finds_paraphrase_with_evidence() -> None:
    # No listed term occurs, but the words are about a stadium, a league and a striker.
    text = ("The striker scored twice as the visitors won the derby. "
            "Fans sang in the stadium long after the final whistle.")
    doc = tokenise(text)
    res = themes.analyse(doc, themes.load_themes(MIXED), semantic=True)
    assert res.keyword_top is None  # "scored", "won", "striker" are not in the ten sport terms
    assert res.semantic_top == "sport"
    # No keyword hit at all: the article's top theme comes from the semantic layer, and says so.
    assert (res.top, res.top_source) == ("sport", "semantic")
    ev = res["sport"].semantic.evidence
    assert ev and doc.text[ev[0].start:ev[0].end] in {doc.sentence_text(0), doc.sentence_text(1)}


def test_semantic_layer_on_empty_text() -> None:
    res = themes.analyse(tokenise(""), themes.load_themes(), semantic=True)
    assert res.semantic_top is None
    assert all(s.semantic.sentence_share == 0.0 for s in res.themes.values())


@pytest.mark.parametrize(
    ("hits", "semantic_top", "top", "source"),
    [
        # Decisive keywords: 3+ hits and at least twice the runner-up's.
        ({"a": 3, "b": 1}, "b", "a", "keyword"),
        ({"a": 6, "b": 3}, "b", "a", "keyword"),
        # Not decisive: too few hits, or a close runner-up -> the semantic layer names it.
        ({"a": 2, "b": 0}, "b", "b", "semantic"),
        ({"a": 5, "b": 3}, "b", "b", "semantic"),
        # Semantic layer off (or no vote): the keyword top theme, whatever its margin.
        ({"a": 2, "b": 1}, None, "a", "keyword"),
        ({"a": 0, "b": 0}, None, None, ""),
    ],
)
def test_top_theme_rule(hits: dict[str, int], semantic_top: str | None, top: str | None, source: str) -> None:
    text = " ".join(["alpha."] * hits["a"] + ["beta."] * hits["b"]) or "nothing here."
    ts = themes.parse_themes(
        '[themes.a]\nlabel = "A"\nterms = ["alpha"]\n[themes.b]\nlabel = "B"\nterms = ["beta"]\n'
    )
    res = themes.analyse(tokenise(text), ts, semantic=False)
    res = dataclasses.replace(res, semantic=semantic_top is not None, semantic_top=semantic_top)
    assert (res.top, res.top_source) == (top, source)
