"""`python -m analysis.store`: add / list / remove / restore / trash / purge, outputs and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.store import config
from analysis.store.__main__ import main
from analysis.store.fetch import FetchSettings

from .store_samples import FLOODS, SUMMIT, NewsServer, make_docx

ROOT = Path(__file__).resolve().parents[3]
LIST_KEYS = ["id", "title", "outlet", "published", "url", "words"]


class Result:
    def __init__(self, returncode: int, stdout: str, stderr: str) -> None:
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Run the CLI in this process (fast); ``test_entry_point`` runs the real ``python -m`` once."""
    monkeypatch.delenv(config.ENV_VAR, raising=False)

    def run(*args: str) -> Result:
        capsys.readouterr()
        code = main(list(args))
        out = capsys.readouterr()
        return Result(code, out.out, out.err)

    return run


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    paths = {
        "summit": folder / "summit.txt",
        "floods": folder / "sub" / "floods.docx",
        "empty": folder / "empty.txt",
        "photo": folder / "photo.txt",
    }
    paths["summit"].write_text(SUMMIT, encoding="utf-8")
    paths["floods"].write_bytes(make_docx("Floods Close Schools", FLOODS.split("\n\n")[1:]))
    paths["empty"].write_bytes(b"")
    paths["photo"].write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    return paths


def test_add_list_remove_restore(sqlite_url: str, files: dict[str, Path], run_cli) -> None:
    proc = run_cli("add", str(files["summit"]), str(files["floods"]), "--store", sqlite_url)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("added ") == 2 and "Leaders Meet At The Border" in proc.stdout

    listed = run_cli(
        "--store", sqlite_url, "list", "--format", "json"
    )  # --store before the command works too
    records = json.loads(listed.stdout)
    assert [list(r) for r in records] == [LIST_KEYS, LIST_KEYS]
    assert [r["title"] for r in records] == ["Leaders Meet At The Border", "Floods Close Schools"]
    assert all(isinstance(r["words"], int) and r["words"] > 40 for r in records)

    summit_id = records[0]["id"]
    removed = run_cli("remove", summit_id, "--store", sqlite_url)
    assert removed.returncode == 0 and f"moved to the trash {summit_id}" in removed.stdout
    assert [
        r["id"] for r in json.loads(run_cli("list", "--format", "json", "--store", sqlite_url).stdout)
    ] == [records[1]["id"]]
    trash = json.loads(run_cli("trash", "--format", "json", "--store", sqlite_url).stdout)
    assert [r["id"] for r in trash] == [summit_id] and trash[0]["deleted"]

    assert run_cli("restore", summit_id, "--store", sqlite_url).returncode == 0
    assert len(json.loads(run_cli("list", "--format", "json", "--store", sqlite_url).stdout)) == 2


def test_add_reports_each_refusal_and_exits_2(
    sqlite_url: str, files: dict[str, Path], tmp_path: Path, run_cli
) -> None:
    proc = run_cli("add", str(files["summit"].parent), str(tmp_path / "missing.md"), "--store", sqlite_url)
    assert proc.returncode == 2
    # The folder is read recursively: two good files added, two bad ones refused with reasons.
    assert proc.stdout.count("added ") == 2
    assert f"refused {files['empty']}: the file is empty" in proc.stderr
    assert f"refused {files['photo']}: the file is binary (a PNG image)" in proc.stderr
    assert f"refused {tmp_path / 'missing.md'}: no such file or folder" in proc.stderr
    assert len(json.loads(run_cli("list", "--format", "json", "--store", sqlite_url).stdout)) == 2


def test_duplicates_refused_unless_allowed(sqlite_url: str, files: dict[str, Path], run_cli) -> None:
    assert run_cli("add", str(files["summit"]), "--store", sqlite_url).returncode == 0
    again = run_cli("add", str(files["summit"]), "--store", sqlite_url)
    assert again.returncode == 2 and "the same text" in again.stderr and "--allow-duplicates" in again.stderr
    # A seed article is a duplicate too, although the seeds are not in the store.
    seed = run_cli("add", "data/articles/004_76dfa7cb8ca091fe.md", "--store", sqlite_url)
    assert seed.returncode == 2 and "(id 004_76dfa7cb8ca091fe)" in seed.stderr
    kept = run_cli("add", str(files["summit"]), "--allow-duplicates", "--store", sqlite_url)
    assert kept.returncode == 0 and "note: kept although it duplicates" in kept.stdout
    assert "[duplicate of" in run_cli("list", "--store", sqlite_url).stdout


def test_unknown_ids_exit_2(sqlite_url: str, run_cli) -> None:
    for command in ("remove", "restore", "purge"):
        proc = run_cli(command, "nope", "--store", sqlite_url)
        assert proc.returncode == 2 and "no article with id 'nope'" in proc.stderr


def test_purge(sqlite_url: str, files: dict[str, Path], run_cli) -> None:
    run_cli("add", str(files["summit"]), "--store", sqlite_url)
    article_id = json.loads(run_cli("list", "--format", "json", "--store", sqlite_url).stdout)[0]["id"]
    assert "delete it first" in run_cli("purge", article_id, "--store", sqlite_url).stderr
    run_cli("remove", article_id, "--store", sqlite_url)
    assert run_cli("purge", "--store", sqlite_url).returncode == 2  # neither ids nor --all
    assert "purged 1 article" in run_cli("purge", "--all", "--store", sqlite_url).stdout
    assert json.loads(run_cli("trash", "--format", "json", "--store", sqlite_url).stdout) == []


def test_entry_point_and_store_from_environment(sqlite_url: str, files: dict[str, Path]) -> None:
    # The real `python -m analysis.store`, with the store chosen by COVERAGE_LENS_STORE.
    env = {**{k: v for k, v in os.environ.items() if k != config.ENV_VAR}, config.ENV_VAR: sqlite_url}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "analysis.store", *args],
            cwd=ROOT, capture_output=True, text=True, timeout=300, env=env,
        )  # fmt: skip

    added = run("add", str(files["summit"]), str(files["empty"]))
    assert added.returncode == 2 and "added " in added.stdout and "the file is empty" in added.stderr
    assert "(from COVERAGE_LENS_STORE)" in run("where").stdout
    assert [r["title"] for r in json.loads(run("list", "--format", "json").stdout)] == [
        "Leaders Meet At The Border"
    ]


def test_sqlite_default(
    tmp_path: Path, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    # No --store, no environment variable, no secrets: the SQLite file under data/store/.
    default = tmp_path / "data" / "store" / "corpus.sqlite3"
    monkeypatch.delenv(config.ENV_VAR, raising=False)
    monkeypatch.setattr(config, "DEFAULT_PATH", default)
    monkeypatch.setattr(config, "secrets_paths", lambda: [])
    assert main(["add", str(files["summit"])]) == 0
    assert default.is_file()
    assert main(["where"]) == 0
    assert capsys.readouterr().out.strip().endswith(f"{default}  (from default)")


def test_bad_store_url(tmp_path: Path, run_cli) -> None:
    proc = run_cli("list", "--store", "mysql-ish:/nonsense")
    assert proc.returncode == 2 and proc.stderr.startswith("error: ")


def test_add_url(sqlite_url: str, news: NewsServer, capsys) -> None:
    loopback = FetchSettings(allow_loopback=True, timeout=1.0)
    assert (
        main(
            ["add", f"{news.base}/world/leaders-meet-at-the-border", "--store", sqlite_url],
            fetch_settings=loopback,
        )
        == 0
    )
    assert "added" in capsys.readouterr().out
    code = main(
        ["add", f"{news.base}/gone", f"{news.base}/loop-a", "--store", sqlite_url], fetch_settings=loopback
    )
    err = capsys.readouterr().err
    assert code == 2 and "HTTP 404" in err and "redirects in a loop" in err
    # Without the test-only setting, loopback is refused like any local address.
    assert main(["add", f"{news.base}/regional/floods-close-schools", "--store", sqlite_url]) == 2
    assert "loopback" in capsys.readouterr().err


def test_postgres_store(pg_url: str, files: dict[str, Path], run_cli) -> None:
    assert run_cli("add", str(files["summit"]), str(files["floods"]), "--store", pg_url).returncode == 0
    records = json.loads(run_cli("list", "--format", "json", "--store", pg_url).stdout)
    assert [r["title"] for r in records] == ["Leaders Meet At The Border", "Floods Close Schools"]
    where = run_cli("where", "--store", pg_url).stdout
    assert where.startswith("postgresql+psycopg://postgres@127.0.0.1:") and "(from --store)" in where
