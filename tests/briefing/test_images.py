"""Chart images: PNG at 3× the layout size, SVG that parses, and a clear error without Chromium."""

from __future__ import annotations

import io
import os
import stat
import xml.etree.ElementTree as ET
from pathlib import Path

import plotly.graph_objects as go
import pytest
from PIL import Image

from briefing.browser import find_chromium
from briefing.images import (
    DEFAULT_HEIGHT,
    DEFAULT_WIDTH,
    PNG_SCALE,
    ExportUnavailable,
    figure_png,
    figure_size,
    render_images,
)

SVG_NS = "{http://www.w3.org/2000/svg}"


def _executable(path: Path, mode: int = 0o755) -> Path:
    path.write_text("#!/bin/sh\nexit 1\n")
    path.chmod(mode)
    return path


@pytest.fixture(scope="module")
def rendered(briefing):
    """All four charts in both formats, rendered once (one Chromium start)."""
    return render_images({c.name: c.figure for c in briefing.charts})


def test_png_is_three_times_the_layout_size(rendered, chart_sizes) -> None:
    assert PNG_SCALE == 3
    for name, (w, h) in chart_sizes.items():
        w, h = w or DEFAULT_WIDTH, h or DEFAULT_HEIGHT
        image = Image.open(io.BytesIO(rendered[(name, "png")]))
        image.load()  # decodes the whole file, not just the header
        assert image.format == "PNG"
        assert image.size == (3 * w, 3 * h), name


def test_png_is_not_blank(rendered) -> None:
    # A chart has bars in two colours on white: far more than one colour in the image.
    image = Image.open(io.BytesIO(rendered[("grade", "png")])).convert("RGB")
    assert len(image.getcolors(maxcolors=1_000_000)) > 10


def test_svg_parses_with_layout_size_and_title(rendered, briefing) -> None:
    for chart in briefing.charts:
        root = ET.fromstring(rendered[(chart.name, "svg")])
        assert root.tag == f"{SVG_NS}svg"
        size = figure_size(chart.figure)
        assert (float(root.get("width")), float(root.get("height"))) == (size.width, size.height)
        texts = {"".join(t.itertext()) for t in root.iter(f"{SVG_NS}text")}
        assert chart.figure.layout.title.text in texts


def test_figure_png_single(briefing) -> None:
    fig = go.Figure(go.Scatter(y=[1, 3, 2]), layout={"width": 300, "height": 200})
    assert Image.open(io.BytesIO(figure_png(fig, scale=2))).size == (600, 400)


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="jpg"):
        render_images({"a": go.Figure()}, ("png", "jpg"))  # type: ignore[arg-type]


# ---------------------------------------------------------------- finding the browser


@pytest.mark.parametrize(
    ("case", "expect_found"),
    [
        # BROWSER_PATH names a file that does not exist: no browser, no silent fallback to PATH.
        ("browser_path_missing", False),
        # BROWSER_PATH names an executable: that is the browser.
        ("browser_path_executable", True),
        # BROWSER_PATH names a file that cannot be executed: no browser.
        ("browser_path_not_executable", False),
        # No BROWSER_PATH, PATH holds only a folder without any Chromium.
        ("path_without_chromium", False),
        # No BROWSER_PATH, PATH holds a folder with an executable named `chromium`.
        ("path_with_chromium", True),
    ],
)
def test_find_chromium(tmp_path: Path, case: str, expect_found: bool) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    expected = None
    if case == "browser_path_missing":
        env = {"BROWSER_PATH": str(tmp_path / "nowhere"), "PATH": os.environ["PATH"]}
    elif case == "browser_path_executable":
        expected = str(_executable(tmp_path / "my-chrome"))
        env = {"BROWSER_PATH": expected, "PATH": str(bin_dir)}
    elif case == "browser_path_not_executable":
        env = {"BROWSER_PATH": str(_executable(tmp_path / "my-chrome", 0o644)), "PATH": str(bin_dir)}
    elif case == "path_without_chromium":
        env = {"PATH": str(bin_dir)}
    else:
        expected = str(_executable(bin_dir / "chromium"))
        env = {"PATH": str(bin_dir)}
    found = find_chromium(env)
    assert (found is not None) is expect_found
    if expected:
        assert found == expected
        assert os.stat(found).st_mode & stat.S_IXUSR


def test_system_chromium_is_found() -> None:
    # scripts/test.sh installs Debian's chromium; the exports depend on it being found on PATH.
    assert find_chromium({"PATH": "/usr/bin:/bin"}) == "/usr/bin/chromium"


# ---------------------------------------------------------------- no Chromium: clear error


def test_browser_path_nowhere_is_unavailable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "nowhere"))
    with pytest.raises(ExportUnavailable, match="BROWSER_PATH") as info:
        render_images({"a": go.Figure()})
    assert "HTML report" in str(info.value)


def test_path_without_chromium_is_unavailable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ExportUnavailable, match=r"packages\.txt") as info:
        render_images({"a": go.Figure()})
    assert "HTML report" in str(info.value)


def test_browser_that_fails_to_start_is_unavailable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # An executable that exits at once stands for a broken or incompatible Chromium.
    monkeypatch.setenv("BROWSER_PATH", str(_executable(tmp_path / "broken-chrome")))
    with pytest.raises(ExportUnavailable, match="could not make the chart images"):
        render_images({"a": go.Figure()}, ("svg",))
