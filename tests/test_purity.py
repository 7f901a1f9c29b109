"""analysis/ is pure Python: importing every module never imports Streamlit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = r"""
import importlib, pkgutil, sys
import analysis
names = [m.name for m in pkgutil.walk_packages(analysis.__path__, "analysis.")]
for name in names:
    importlib.import_module(name)
assert len(names) >= 5, names
leaked = sorted(m for m in sys.modules if m == "streamlit" or m.startswith("streamlit."))
print(len(names), leaked)
"""


def test_analysis_never_imports_streamlit() -> None:
    proc = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    count, leaked = proc.stdout.strip().split(" ", 1)
    assert leaked == "[]"
    assert int(count) >= 5
