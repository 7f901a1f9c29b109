"""AppTest helpers: run a page of the dashboard, read its Plotly charts (typed arrays decoded)."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import numpy as np
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
ENTRY = str(ROOT / "dashboard.py")
SEEDS = ROOT / "data" / "articles"
SEED_A = "000_599179000b3c905d"  # Kim-Putin summit explainer: hedges a lot, quotes nobody
SEED_B = "004_76dfa7cb8ca091fe"  # Putin + Kim summit: mostly Dr. Kiyul Chung's words


def run_page(path: str | None = None, state: dict[str, Any] | None = None) -> AppTest:
    """Run the entry script (and then ``path``, e.g. ``pages/hedging.py``) with session ``state``."""
    at = AppTest.from_file(ENTRY, default_timeout=120)
    for key, value in (state or {}).items():
        at.session_state[key] = value
    at.run()
    if path and path != "pages/overview.py":
        at.switch_page(path).run()
    return at


def decode(value: Any) -> Any:
    """A Plotly JSON value with typed arrays (``{"dtype", "bdata"[, "shape"]}``) decoded to lists."""
    if isinstance(value, dict) and "bdata" in value:
        arr = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
        if "shape" in value:
            arr = arr.reshape([int(n) for n in str(value["shape"]).split(",")])
        return arr.tolist()
    if isinstance(value, dict):
        return {k: decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decode(v) for v in value]
    return value


def charts(at: AppTest) -> dict[str, dict]:
    """The page's Plotly figures by chart name (``layout.meta.name``), decoded."""
    out = {}
    for el in at.get("plotly_chart"):
        spec = decode(json.loads(el.proto.spec))
        out[spec["layout"].get("meta", {}).get("name", f"chart{len(out)}")] = spec | {
            "config": json.loads(el.proto.config)
        }
    return out


def title(spec: dict) -> str:
    return spec["layout"]["title"]["text"]
