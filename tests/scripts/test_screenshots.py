"""scripts/screenshots.py: argument parsing, page list, and a real run (e2e)."""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "screenshots.py"


def _load():
    spec = importlib.util.spec_from_file_location("screenshots_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


shots = _load()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1600x900", (1600, 900)),
        ("1280X720", (1280, 720)),  # case of the x does not matter
        (" 800x600 ", (800, 600)),
    ],
)
def test_parse_size(text: str, expected: tuple[int, int]) -> None:
    assert shots.parse_size(text) == expected


@pytest.mark.parametrize("text", ["1600", "1600x", "axb", "100x100", "9000x900", "1600*900"])
def test_parse_size_refuses(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        shots.parse_size(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a,b", ["a", "b"]),
        (" a , ,b,a ", ["a", "b"]),  # blanks dropped, each id once, order kept
    ],
)
def test_parse_articles(text: str, expected: list[str]) -> None:
    assert shots.parse_articles(text) == expected


def test_parse_articles_refuses_empty() -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        shots.parse_articles(" , ")


def test_page_url_carries_the_articles() -> None:
    shot = shots.Shot("quotes", "04-quotes", "Quotes")
    assert shots.page_url(8501, shot, None) == "http://127.0.0.1:8501/quotes"
    assert shots.page_url(8501, shot, ["a b", "c"]) == "http://127.0.0.1:8501/quotes?articles=a%20b,c"


def test_app_pages_are_unique_and_start_at_the_default_page() -> None:
    pages = shots.app_pages()
    assert pages[0].url_path == ""  # the default page is served at the root
    assert len({p.file_stem for p in pages}) == len(pages)
    assert len({p.url_path for p in pages}) == len(pages)
    assert all(p.file_stem[:2].isdigit() for p in pages)


def test_missing_out_is_a_usage_error() -> None:
    proc = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "--out" in proc.stderr


@pytest.mark.e2e
def test_one_png_per_page_at_the_requested_size(tmp_path: Path, seed_articles) -> None:
    first = sorted(seed_articles)[0]
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(tmp_path), "--size", "1280x720", "--articles", first],
        cwd=tmp_path,  # works from any folder
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    expected = [f"{p.file_stem}.png" for p in shots.app_pages()]
    assert sorted(p.name for p in tmp_path.glob("*.png")) == sorted(expected)
    for name in expected:
        with Image.open(tmp_path / name) as image:
            image.load()
            assert image.size == (1280, 720), name
            # A rendered page, not a blank or error screen: many distinct colours.
            assert len(image.convert("RGB").getcolors(maxcolors=1 << 20)) > 50, name
    assert proc.stdout.count("wrote ") == len(expected)
