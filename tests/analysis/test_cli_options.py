"""CLI family options: ``--lexicon DIR`` and the ``hedging`` object in the record."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from analysis.__main__ import main
from analysis.hedging_lexicon import DEFAULT_DIR

ROOT = Path(__file__).resolve().parents[2]
SEEDS = str(ROOT / "data" / "articles")


def run(tmp_path: Path, *args: str) -> tuple[int, list[dict]]:
    out = tmp_path / "out.json"
    code = main([SEEDS, "--out", str(out), *args])
    return code, json.loads(out.read_text(encoding="utf-8")) if out.exists() else []


def test_record_has_hedging(tmp_path: Path) -> None:
    code, records = run(tmp_path)
    assert code == 0
    h = {r["id"]: r["hedging"] for r in records}
    # Counts read in tests/analysis/test_hedging.py (seed tests).
    assert (h["000_599179000b3c905d"]["hedge_count"], h["004_76dfa7cb8ca091fe"]["booster_count"]) == (25, 7)
    assert h["000_599179000b3c905d"]["lexicon"] == "default"


def test_lexicon_option_uses_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "lex"
    shutil.copytree(DEFAULT_DIR, folder)
    hedges = folder / "hedges.tsv"
    # Drop "could" from the custom lexicon: seed 000 loses its 14 "could"s.
    lines = [ln for ln in hedges.read_text(encoding="utf-8").splitlines() if not ln.startswith("could\t")]
    hedges.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, records = run(tmp_path, "--lexicon", str(folder))
    assert code == 0
    rec = records[0]["hedging"]
    assert rec["hedge_count"] == 25 - 14 and rec["lexicon"] == str(folder.resolve())


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: p / "missing", "no such lexicon folder"),
        (
            lambda p: (p / "hedges.tsv").write_text("term\tcategory\nmaybe\tadverbial\n") and p,
            "line 2: unknown category 'adverbial'",
        ),
    ],
)
def test_bad_lexicon_exits_2_with_a_message(tmp_path: Path, capsys, setup, message: str) -> None:
    shutil.copy(DEFAULT_DIR / "boosters.tsv", tmp_path / "boosters.tsv")
    folder = setup(tmp_path)
    code, records = run(tmp_path, "--lexicon", str(folder))
    assert code == 2 and records == []
    assert message in capsys.readouterr().err
