"""The `python -m analysis` contract: records, formats, exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.__main__ import main

ROOT = Path(__file__).resolve().parents[2]
REQUIRED_KEYS = {"id", "source", "title", "outlet", "words", "sentences", "readability"}
SCORES = {
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall",
    "text_standard",
}


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def test_json_seed_corpus() -> None:
    proc = run_cli("data/articles", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    records = json.loads(proc.stdout)
    assert [r["id"] for r in records] == ["000_599179000b3c905d", "004_76dfa7cb8ca091fe"]
    for r in records:
        assert REQUIRED_KEYS <= set(r)
        assert SCORES <= set(r["readability"])
        assert r["source"].endswith(r["id"] + ".md")
        assert 600 < r["words"] < 1000 and 25 < r["sentences"] < 60


def test_csv_is_flat(tmp_path: Path) -> None:
    out = tmp_path / "corpus.csv"
    assert main(["data/articles" if Path("data/articles").exists() else str(ROOT / "data/articles"),
                 "--format", "csv", "--out", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 2
    assert {"id", "title", "words", "readability_flesch_kincaid_grade"} <= set(rows[0])
    assert float(rows[0]["readability_flesch_kincaid_grade"]) > 0


@pytest.mark.parametrize(
    ("paths", "message"),
    [
        (["does/not/exist.txt"], "does/not/exist.txt: no such file or folder"),
        (["tests/conftest.py"], "no readable article found"),
    ],
)
def test_bad_paths_exit_2(paths: list[str], message: str) -> None:
    proc = run_cli(*paths)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert proc.stdout == ""


def test_missing_path_beside_good_one_still_analyses() -> None:
    proc = run_cli("data/articles/004_76dfa7cb8ca091fe.md", "missing.md")
    assert proc.returncode == 2
    assert [r["id"] for r in json.loads(proc.stdout)] == ["004_76dfa7cb8ca091fe"]
    assert "missing.md: no such file or folder" in proc.stderr


def test_unreadable_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Title\n\nThe leaders met today. They spoke.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = run_cli(str(tmp_path))
    assert proc.returncode == 0
    assert "empty.txt: the file is empty" in proc.stderr
    assert [r["id"] for r in json.loads(proc.stdout)] == ["good"]


def test_jobs_give_same_records(tmp_path: Path) -> None:
    for i in range(8):
        (tmp_path / f"a{i}.txt").write_text(f"Title {i}\n\nThe leaders met {i} times. They spoke.", "utf-8")
    one = json.loads(run_cli(str(tmp_path)).stdout)
    two = json.loads(run_cli(str(tmp_path), "--jobs", "2").stdout)
    assert one == two
