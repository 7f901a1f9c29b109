"""The Library inside the dashboard: add, edit and delete an article, and every chart follows.

Runs the real entry script (navigation, shared sidebar, corpus loader) with a store of
its own (``COVERAGE_LENS_STORE``), switching between the Library and an analysis page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

# The dashboard (entry script with st.navigation, shared sidebar, corpus loader) arrives from the
# dashboard branch; until it is on main there is nothing to wire the Library into.
pytest.importorskip("ui.nav", reason="needs the dashboard's ui/nav.py (dashboard branch)")

from app_helpers import charts, run_page
from streamlit.testing.v1 import AppTest

from analysis.store.config import ENV_VAR
from analysis.store.sql import SqlStore

LIBRARY = "pages/library.py"
READABILITY = "pages/readability.py"
BODY = (
    "The two leaders met on Monday at the border crossing, officials said in a statement. "
    "They talked for several hours about trade and security.\n\n"
    '"We have agreed to meet again before the end of the year," the foreign minister told reporters. '
    "Analysts said the talks could reopen the northern rail link."
)


@pytest.fixture
def store_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    monkeypatch.setenv(ENV_VAR, url)
    return url


def go(at: AppTest, path: str) -> AppTest:
    at.switch_page(path).run()
    assert not at.exception, at.exception
    return at


def traces(at: AppTest, chart: str) -> list[str]:
    """The article names in one chart (one trace per article)."""
    return [t["name"] for t in charts(at)[chart]["data"] if t.get("name")]


def test_add_edit_delete_and_the_charts_follow(store_url: str) -> None:
    at = run_page(READABILITY)
    before = traces(at, "readability_grades")
    assert len(before) == 2  # the two starter articles

    # Add: paste an article; it joins the selection and every chart.
    go(at, LIBRARY)
    at.text_input(key="library_paste_title").input("Leaders meet at the border")
    at.text_area(key="library_paste_text").input(BODY)
    at.button(key="library_paste_add").click().run()
    assert not at.error, [e.value for e in at.error]
    from ui.selection import SELECTED_KEY  # the dashboard's sidebar selection

    (stored,) = SqlStore(store_url).list()
    assert stored.id in at.session_state[SELECTED_KEY]
    go(at, READABILITY)
    after_add = traces(at, "readability_grades")
    assert len(after_add) == 3 and after_add[:2] == before
    assert after_add[2].endswith("Leaders meet at the border")

    # Edit: the new title replaces the old one in the chart.
    go(at, LIBRARY)
    at.text_input(key=f"library_edit_{stored.id}_title").input("Border summit: talks to resume")
    next(b for b in at.button if b.proto.is_form_submitter).click().run()
    go(at, READABILITY)
    after_edit = traces(at, "readability_grades")
    assert after_edit[2].endswith("Border summit: talks to resume")
    assert not any("Leaders meet at the border" in t for t in after_edit)

    # Delete: the article leaves the charts (and the selection); restoring brings it back.
    go(at, LIBRARY)
    at.button(key="library_delete").click().run()
    go(at, READABILITY)
    assert traces(at, "readability_grades") == before
    go(at, LIBRARY)
    at.button(key="library_restore").click().run()
    go(at, READABILITY)
    assert traces(at, "readability_grades") == after_edit  # restored, and selected again


def test_library_page_in_the_navigation(store_url: str) -> None:
    at = go(run_page(), LIBRARY)
    assert at.title[0].value == "Library"
    assert "2 starter articles" in at.caption[0].value
