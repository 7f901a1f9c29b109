"""The briefing pack: the ZIP lists every part, and each part opens with the right content."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from PIL import Image

from briefing import Briefing, briefing_pack
from briefing.pack import IMAGES_MISSING_NOTE

CHARTS = ("grade", "fog", "sentences", "words")
TEXT_PARTS = [
    "summary.md",
    "report.html",
    "metrics.csv",
    "metrics.xlsx",
    "tables/01-key-metrics.csv",
]


@pytest.fixture(scope="module")
def pack(briefing: Briefing) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(briefing_pack(briefing)))


def _read(pack: zipfile.ZipFile, briefing: Briefing, part: str) -> bytes:
    return pack.read(f"{briefing.stem}/{part}")


def test_pack_lists_every_part(pack: zipfile.ZipFile, briefing: Briefing) -> None:
    images = [f"charts/{n}.{ext}" for n in CHARTS for ext in ("png", "svg")]
    assert pack.namelist() == [f"coverage-lens-briefing-2024-05-01/{p}" for p in TEXT_PARTS + images]
    assert pack.testzip() is None  # every member's CRC checks out


def test_pack_png_is_three_times_layout(pack: zipfile.ZipFile, briefing: Briefing) -> None:
    # "grade" is 800×450 in layout pixels; the default-sized "words" is 1200×675.
    grade = Image.open(io.BytesIO(_read(pack, briefing, "charts/grade.png")))
    words = Image.open(io.BytesIO(_read(pack, briefing, "charts/words.png")))
    assert grade.size == (2400, 1350)
    assert words.size == (3600, 2025)


def test_pack_summary_embeds_the_images(pack: zipfile.ZipFile, briefing: Briefing) -> None:
    md = _read(pack, briefing, "summary.md").decode("utf-8")
    for name in CHARTS:
        assert f"](charts/{name}.png)" in md


def test_pack_tables_open(pack: zipfile.ZipFile, briefing: Briefing) -> None:
    metrics = pd.read_csv(io.BytesIO(_read(pack, briefing, "metrics.csv")), encoding="utf-8-sig")
    assert list(metrics.columns) == list(briefing.metrics.columns)
    assert len(metrics) == 2
    book = openpyxl.load_workbook(io.BytesIO(_read(pack, briefing, "metrics.xlsx")))
    assert book.sheetnames == ["metrics", "Key metrics"]
    assert [c.value for c in book["Key metrics"][1]] == ["title", "words", "readability_flesch_kincaid_grade"]
    key = pd.read_csv(io.BytesIO(_read(pack, briefing, "tables/01-key-metrics.csv")), encoding="utf-8-sig")
    assert key["words"].tolist() == briefing.metrics["words"].tolist()


def test_pack_report_has_the_charts(pack: zipfile.ZipFile, briefing: Briefing) -> None:
    report = _read(pack, briefing, "report.html").decode("utf-8")
    assert report.count("Plotly.newPlot(") == 4


def test_pack_without_chromium_keeps_report_and_says_why(
    briefing: Briefing, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-chromium-here"))
    pack = zipfile.ZipFile(io.BytesIO(briefing_pack(briefing)))
    names = [n.split("/", 1)[1] for n in pack.namelist()]
    assert names == [*TEXT_PARTS, IMAGES_MISSING_NOTE]
    note = pack.read(f"{briefing.stem}/{IMAGES_MISSING_NOTE}").decode()
    assert "BROWSER_PATH" in note and "HTML report" in note
    md = pack.read(f"{briefing.stem}/summary.md").decode()
    assert "](charts/" not in md  # no links to images that are not there
    assert pack.read(f"{briefing.stem}/report.html").decode().count("Plotly.newPlot(") == 4


def test_pack_without_images_starts_no_browser(briefing: Briefing, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args, **kwargs):
        raise AssertionError("render_images called")

    monkeypatch.setattr("briefing.pack.render_images", boom)
    names = zipfile.ZipFile(io.BytesIO(briefing_pack(briefing, images=False))).namelist()
    assert [n.split("/", 1)[1] for n in names] == TEXT_PARTS
