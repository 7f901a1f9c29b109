"""briefing/ is pure Python: importing every module never imports Streamlit (or a browser driver)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import importlib, pkgutil, sys
import briefing
names = [m.name for m in pkgutil.walk_packages(briefing.__path__, "briefing.")]
for name in names:
    importlib.import_module(name)
leaked = sorted(
    m for m in sys.modules if m.split(".")[0] in {"streamlit", "playwright", "kaleido"}
)
print(len(names), leaked)
"""


def test_briefing_never_imports_streamlit() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    count, leaked = proc.stdout.strip().split(" ", 1)
    # kaleido (and its browser driver) load only when an image is asked for.
    assert leaked == "[]"
    assert int(count) >= 5
