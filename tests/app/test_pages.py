"""Every page under AppTest: no exception, the right charts with the right numbers, sensible empty states.

Most tests run the pipeline with the contract-shaped stand-in families of
``app_fakes.py`` (so the expected numbers are known here); ``test_real_pipeline_*``
run whatever families the pipeline really has. Charts are read from the Plotly
JSON each ``st.plotly_chart`` sends, with typed arrays decoded (``app_helpers.decode``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from app_fakes import FAKE_FAMILIES
from app_helpers import ENTRY, SEED_A, SEED_B, charts, run_page, title
from streamlit.testing.v1 import AppTest

from analysis import analyse_corpus, load_paths
from analysis.frames import build_frames
from ui.nav import PAGES
from ui.selection import OUTLETS_KEY, SELECTED_KEY

ROOT = Path(__file__).resolve().parents[2]
ALL_PATHS = [p.path for p in PAGES]
#: Pages that show the selected articles (the Library manages the corpus instead).
PAGE_PATHS = [p.path for p in PAGES if p.analysis]

#: Charts each page draws for the two seed articles with every family present.
EXPECTED_CHARTS = {
    "pages/overview.py": {"profile"},
    "pages/readability.py": {
        "readability_grades",
        "reading_ease",
        "paragraph_difficulty",
        "sentence_lengths",
    },
    "pages/hedging.py": {"hedges_vs_boosters", "hedge_categories", "authorial_vs_quoted_hedges"},
    "pages/quotes.py": {"speaker_words", "quoted_share", "sourcing_mix"},
    "pages/themes.py": {"theme_coverage", "theme_radar", "theme_positions"},
    "pages/article.py": set(),
    "pages/compare.py": {
        "profile",
        "hedges_vs_boosters",
        "speaker_words",
        "theme_coverage",
        "readability_grades",
    },
    "pages/briefing.py": {"readability_grades", "hedges_vs_boosters", "sourcing_mix", "theme_coverage"},
}


def seed_frames():
    """The seeds analysed with the stand-in families, as the app sees them."""
    import analysis.pipeline as pipeline

    saved = pipeline.FAMILIES
    pipeline.FAMILIES = list(FAKE_FAMILIES)
    try:
        return build_frames(analyse_corpus(load_paths([ROOT / "data" / "articles"]).articles))
    finally:
        pipeline.FAMILIES = saved


def assert_no_exception(at) -> None:
    assert not at.exception, [e.message for e in at.exception]


def infos(at) -> str:
    return " | ".join(i.value for i in at.info)


def test_pages_live_in_pages_folder_and_run_after_the_entry():
    # The design card's layout: every page script is in pages/, registered in ui/nav.py.
    assert all(p.startswith("pages/") and (ROOT / p).is_file() for p in ALL_PATHS)
    assert sorted(p.name for p in (ROOT / "pages").glob("*.py")) == sorted(Path(p).name for p in ALL_PATHS)
    # Switching to a page still runs dashboard.py first: the sidebar's selection is there.
    at = run_page("pages/hedging.py")
    assert_no_exception(at)
    assert at.sidebar.multiselect, "the entry script's sidebar did not run"


@pytest.mark.parametrize("path", ALL_PATHS)
def test_real_pipeline_page_runs(path):
    # Whatever families the pipeline has today: no exception, and readability charts always draw.
    at = run_page(path)
    assert_no_exception(at)
    assert at.title[0].value
    if path == "pages/readability.py":
        assert set(charts(at)) == EXPECTED_CHARTS[path]


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_page_draws_its_charts(fake_families, path):
    at = run_page(path)
    assert_no_exception(at)
    drawn = charts(at)
    assert set(drawn) == EXPECTED_CHARTS[path]
    for name, spec in drawn.items():
        assert title(spec), f"{name} has no title"
        assert spec["data"], f"{name} has no data"
        png = spec["config"]["toImageButtonOptions"]
        assert png == {"format": "png", "scale": 3, "filename": f"coverage-lens_{name}"}


def test_hedging_chart_numbers_match_the_family(fake_families):
    f = seed_frames()
    at = run_page("pages/hedging.py")
    spec = charts(at)["hedges_vs_boosters"]
    by_article = {t["name"]: t["y"] for t in spec["data"]}
    for row in f.hedging.itertuples():
        assert by_article[row.article] == pytest.approx([row.hedges_per_1k, row.boosters_per_1k])
    # Seed A hedges far more than seed B (the stand-in lexicon: could/may/might/potential/possibly).
    a = f.hedging.set_index("id").loc[SEED_A, "hedges_per_1k"]
    b = f.hedging.set_index("id").loc[SEED_B, "hedges_per_1k"]
    assert a > 10 * b
    assert title(spec).startswith("Article A uses ")


def test_colours_are_the_articles_on_every_page(fake_families):
    # Article A is blue and B orange in every chart that has one trace per article.
    at = run_page()
    seen = {}
    for path in PAGE_PATHS:
        at.switch_page(path).run()
        for name, spec in charts(at).items():
            for trace in spec["data"]:
                colour = (trace.get("marker") or {}).get("color") or (trace.get("line") or {}).get("color")
                if isinstance(colour, str) and trace.get("name", "").startswith(("A · ", "B · ")):
                    seen.setdefault(trace["name"][0], set()).add((colour, name))
    assert {c for c, _ in seen["A"]} == {"#0072B2"}
    assert {c for c, _ in seen["B"]} == {"#E69F00"}


def test_overview_shows_findings_kpis_and_table(fake_families):
    at = run_page()
    assert_no_exception(at)
    findings = at.markdown[0].value
    assert "Article A uses 32 hedges per 1,000 words, 27× Article B" in findings.replace("\\", "")
    assert "Article A quotes nobody" in findings.replace("\\", "")
    labels = [m.label for m in at.metric]
    assert labels.count("Hedges /1k words") == 2
    table = at.dataframe[0].value
    assert list(table["letter"]) == ["A", "B"]


def test_none_selected_every_page_says_so(fake_families):
    at = run_page(state={SELECTED_KEY: []})
    for path in PAGE_PATHS:
        at.switch_page(path).run()
        assert_no_exception(at)
        assert "No article selected" in infos(at)
        assert not at.get("plotly_chart")


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_one_selected(fake_families, path):
    at = run_page(path, state={SELECTED_KEY: [SEED_B]})
    assert_no_exception(at)
    drawn = charts(at)
    for spec in drawn.values():
        names = {t.get("name", "") for t in spec["data"]} - {""}
        if path != "pages/compare.py":  # Compare picks a second article from the corpus
            assert all(n.startswith("B · ") for n in names if " · " in n)
    if path == "pages/overview.py":
        assert "profile" not in drawn  # one bar per panel says nothing; the KPI row does


def test_article_without_quotes(fake_families):
    # Seed A quotes nobody: the page says so instead of drawing empty speaker axes.
    at = run_page("pages/quotes.py", state={SELECTED_KEY: [SEED_A]})
    assert_no_exception(at)
    assert "quote nobody" in infos(at)
    assert not charts(at)
    assert "Article A quotes nobody" in at.markdown[0].value.replace("\\", "")


def test_theme_no_article_covers(fake_families):
    # The stand-in theme set has "Climate", which neither seed mentions.
    at = run_page("pages/themes.py")
    heat = charts(at)["theme_coverage"]["data"][0]
    rows = dict(zip(heat["y"], heat["z"], strict=True))
    assert rows["Climate"] == [0, 0]
    assert rows["Sanctions"][0] == 0 and rows["Sanctions"][1] > 0
    assert any("Themes no selected article covers: Climate" in c.value for c in at.caption)
    assert title(charts(at)["theme_coverage"]) == "Only Article B covers Sanctions"


def test_families_missing_show_not_available(readability_only):
    for path, family in (
        ("pages/hedging.py", "Hedging"),
        ("pages/quotes.py", "Quote attribution"),
        ("pages/themes.py", "Theme coverage"),
    ):
        at = run_page(path)
        assert_no_exception(at)
        assert f"{family} analysis not available yet" in infos(at)
        assert not at.get("plotly_chart")
    at = run_page("pages/article.py")
    assert [t.value for t in at.toggle] == [False] * 5
    assert all(t.proto.disabled for t in at.toggle)
    at = run_page("pages/compare.py")
    assert set(charts(at)) == {"profile", "readability_grades"}


def test_hedging_without_quotes_says_the_split_is_not_available(monkeypatch):
    import analysis.pipeline as pipeline

    monkeypatch.setattr(pipeline, "FAMILIES", [f for f in FAKE_FAMILIES if f[0] in ("readability", "hedging")])
    at = run_page("pages/hedging.py")
    assert_no_exception(at)
    assert "Author's own vs quoted hedges: not available yet" in infos(at)
    assert set(charts(at)) == {"hedges_vs_boosters", "hedge_categories"}


def test_very_long_article_is_shown_in_parts(fake_families, corpus):
    body = (ROOT / "data" / "articles" / f"{SEED_A}.md").read_text().split("---", 2)[2]
    corpus({"long.md": "---\ntitle: A very long article\n---\n" + body * 60}, seeds=True)
    at = run_page("pages/article.py", state={"p_article_id": "long"})
    assert_no_exception(at)
    assert "shown in" in infos(at) and "parts" in infos(at)
    part = at.number_input(key="article_part_long")
    assert part.value == 1
    first = at.get("html")[-1].proto.body
    part.set_value(3).run()
    assert_no_exception(at)
    assert at.get("html")[-1].proto.body != first
    for path in PAGE_PATHS:
        at.switch_page(path).run()
        assert_no_exception(at)


def test_empty_corpus(corpus):
    corpus({})
    at = run_page()
    assert_no_exception(at)
    assert "No articles to analyse" in infos(at)


def test_unreadable_file_is_reported_and_the_rest_loads(fake_families, corpus):
    corpus({"broken.txt": b"\x00\x01\x02binary"}, seeds=True)
    at = run_page()
    assert_no_exception(at)
    assert any("broken.txt" in w.value.replace("\\", "") and "binary" in w.value for w in at.warning)
    assert len(at.dataframe[0].value) == 2


def test_article_text_is_escaped(fake_families, corpus):
    corpus(
        {
            "evil.md": '---\ntitle: "<script>alert(1)</script> $x$"\noutlet: "<b>Outlet</b>"\n---\n'
            "The <img src=x onerror=alert(2)> summit could cost $5 and $6.\n\n"
            '"This could be *bold*," Putin said.\n'
        }
    )
    at = run_page("pages/article.py")
    assert_no_exception(at)
    body = " ".join(h.proto.body for h in at.get("html"))
    assert "<script" not in body and "<img" not in body
    assert "&lt;img src=x onerror=alert(2)&gt;" in body
    assert "$5 and $6" in body and "*bold*" in body
    at.switch_page("pages/overview.py").run()
    chips = " ".join(h.proto.body for h in at.get("html"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in chips and "<b>Outlet" not in chips


# --- behaviour: widgets driven by key -----------------------------------------------------------------


def test_selection_drives_charts_and_persists_across_pages(fake_families):
    at = run_page("pages/hedging.py")
    assert len(charts(at)["hedges_vs_boosters"]["data"]) == 2
    at.multiselect(key=SELECTED_KEY).set_value([SEED_B]).run()
    assert [t["name"][0] for t in charts(at)["hedges_vs_boosters"]["data"]] == ["B"]
    at.switch_page("pages/readability.py").run()
    assert at.multiselect(key=SELECTED_KEY).value == [SEED_B]
    assert [t["name"][0] for t in charts(at)["readability_grades"]["data"]] == ["B"]


def test_outlet_filter_appears_for_a_large_corpus(fake_families, corpus):
    text = "The summit could matter. Officials said it may help.\n\nLeaders met in Russia.\n"
    files = {
        f"n{i}.md": f"---\ntitle: Story {i}\noutlet: {'Wire' if i % 2 else 'Daily'}\n---\n{text}"
        for i in range(9)
    }
    corpus(files)
    at = run_page()
    assert_no_exception(at)
    outlets = at.multiselect(key=OUTLETS_KEY)
    assert outlets.options == ["Daily", "Wire"]
    outlets.set_value(["Wire"]).run()
    assert_no_exception(at)
    # Corpus order n0…n8 gives letters A…I; the Wire stories are n1, n3, n5, n7.
    assert at.multiselect(key=SELECTED_KEY).options == [
        "B · Story 1",
        "D · Story 3",
        "F · Story 5",
        "H · Story 7",
    ]
    assert at.multiselect(key=SELECTED_KEY).value == ["n1", "n3", "n5"]


def test_small_corpus_has_no_outlet_filter(fake_families):
    at = run_page()
    with pytest.raises(KeyError):
        at.multiselect(key=OUTLETS_KEY)


def test_article_layers_toggle(fake_families):
    at = run_page("pages/article.py", state={"p_article_id": SEED_A})
    assert_no_exception(at)
    text = at.get("html")[-1].proto.body
    assert "background:#FFE08A" in text  # hedges marked
    at.toggle(key="p_article_layer_hedge").set_value(False).run()
    text = at.get("html")[-1].proto.body
    assert "background:#FFE08A" not in text
    assert "Hedge (speculation)" not in at.get("html")[-2].proto.body  # legend follows the toggles


def test_article_page_marks_quotes_with_speaker(fake_families):
    at = run_page("pages/article.py", state={"p_article_id": SEED_B})
    body = at.get("html")[-1].proto.body
    assert 'title="quotation: Putin"' in body or 'title="quotation: Chung"' in body
    assert ">Chung</span>" in body or ">Putin</span>" in body


def test_hedging_kwic_filters(fake_families):
    at = run_page("pages/hedging.py")
    table = at.dataframe[0].value
    assert set(table["kind"]) == {"hedge", "booster"}
    at.multiselect(key="p_hedging_kinds").set_value(["booster"]).run()
    table = at.dataframe[0].value
    assert set(table["kind"]) == {"booster"}
    at.text_input(key="p_hedging_term").set_value("immense").run()
    table = at.dataframe[0].value
    assert set(table["term"].str.lower()) <= {"immense"}


def test_readability_score_choice(fake_families):
    at = run_page("pages/readability.py")
    at.selectbox(key="p_readability_score").set_value("gunning_fog").run()
    spec = charts(at)["paragraph_difficulty"]
    assert spec["layout"]["yaxis"]["title"]["text"] == "Gunning Fog per paragraph"


def test_compare_pair_and_same_article(fake_families):
    at = run_page("pages/compare.py")
    found = at.markdown[0].value.replace("\\", "")
    assert "Only Article B covers Sanctions" in found
    at.selectbox(key="p_compare_b").set_value(SEED_A).run()
    assert_no_exception(at)
    assert "Choose two different articles" in infos(at)


def test_page_widget_state_survives_a_visit_elsewhere(fake_families):
    at = run_page("pages/themes.py")
    at.selectbox(key="p_themes_article").set_value(SEED_B).run()
    at.switch_page("pages/overview.py").run()
    at.switch_page("pages/themes.py").run()
    assert at.selectbox(key="p_themes_article").value == SEED_B


def test_article_page_opens_the_linked_article(fake_families):
    at = AppTest.from_file(ENTRY, default_timeout=120)
    at.query_params["article"] = SEED_B
    at.run()
    at.switch_page("pages/article.py").run()
    assert_no_exception(at)
    assert at.selectbox(key="p_article_id").value == SEED_B
    at.selectbox(key="p_article_id").set_value(SEED_A).run()
    assert at.query_params["article"] == SEED_A


def test_analysis_runs_once_per_corpus_not_per_rerun(fake_families, corpus, monkeypatch):
    import ui.corpus

    calls = []
    real = ui.corpus.analyse_corpus
    monkeypatch.setattr(ui.corpus, "analyse_corpus", lambda *a, **k: calls.append(1) or real(*a, **k))
    folder = corpus({"one.md": "---\ntitle: Only once\n---\nThe summit could matter. Leaders met.\n"})
    at = run_page()
    for path in PAGE_PATHS:
        at.switch_page(path).run()
    at.run()
    assert len(calls) == 1
    # a changed file is a new corpus: analysed again, once
    (folder / "one.md").write_text("---\ntitle: Only once\n---\nThe summit may matter. Leaders met again.\n")
    at.run()
    at.switch_page("pages/overview.py").run()
    assert len(calls) == 2


def test_real_pipeline_on_the_seeds():
    # The real families on the seeds, as the issues describe them: seed A speculates and quotes
    # nobody; seed B asserts and is mostly Dr. Kiyul Chung's words.
    import analysis.pipeline as pipeline

    names = [name for name, _ in pipeline.FAMILIES]
    at = run_page("pages/quotes.py")
    assert_no_exception(at)
    if "quotes" in names:
        drawn = charts(at)
        assert title(drawn["speaker_words"]).startswith("Kiyul Chung's words fill")
        assert title(drawn["quoted_share"]).endswith("Article A quotes nobody directly")
        table = at.dataframe[-1].value  # the quotations, under the speakers table
        direct = table[table["kind"] == "direct"]
        # how each speaker was found: Kim Jong Un by the line under his block quotation,
        # Dr. Chung by the "Dr. Chung asserts that …" statement before each of his
        assert dict(zip(direct["speaker"], direct["attributed"], strict=False)) == {
            "Kiyul Chung": "nearest statement before",
            "Kim Jong Un": "attribution line",
        }
        assert any("gave 72% of them to the right speaker" in c.value for c in at.caption)
    if "hedging" in names:
        at.switch_page("pages/hedging.py").run()
        spec = charts(at)["hedges_vs_boosters"]
        hedges = {t["name"][0]: t["y"][0] for t in spec["data"]}
        assert hedges["A"] > 4 * hedges["B"]
        if "quotes" in names:  # the author/quoted split exists once quotes run before hedging
            assert "authorial_vs_quoted_hedges" in charts(at)


def test_an_article_added_to_the_corpus_joins_the_selection(fake_families, corpus):
    folder = corpus({"a.md": "---\ntitle: First\n---\nThe summit could matter.\n"})
    at = run_page()
    at.multiselect(key=SELECTED_KEY).set_value([]).run()  # the user cleared the selection
    (folder / "b.md").write_text("---\ntitle: Second\n---\nLeaders clearly agreed.\n")
    at.run()
    assert_no_exception(at)
    assert at.multiselect(key=SELECTED_KEY).value == ["b"]  # only the new one; the choice is kept
    (folder / "b.md").unlink()
    at.run()
    assert at.multiselect(key=SELECTED_KEY).value == []


@pytest.mark.parametrize(
    ("param", "selected", "warned"),
    [
        (SEED_B, [SEED_B], False),
        (f"{SEED_B},{SEED_A}", [SEED_A, SEED_B], False),  # corpus order, not link order
        (f"nope,{SEED_A}", [SEED_A], True),  # the unknown id is named, the known one selected
        ("nope", [SEED_A, SEED_B], True),  # nothing known: the default selection
    ],
)
def test_articles_link_selects(fake_families, param, selected, warned):
    from ui.selection import ARTICLES_PARAM

    at = AppTest.from_file(ENTRY, default_timeout=120)
    at.query_params[ARTICLES_PARAM] = param
    at.run()
    assert_no_exception(at)
    assert at.multiselect(key=SELECTED_KEY).value == selected
    assert any("not in the corpus" in w.value for w in at.warning) is warned
    # the link applies once: the user's own choice afterwards is kept
    at.multiselect(key=SELECTED_KEY).set_value([SEED_A]).run()
    assert at.multiselect(key=SELECTED_KEY).value == [SEED_A]
