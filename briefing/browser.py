"""Which Chromium the exports and the screenshot command drive, and how it is started.

One lookup for both kaleido (chart images) and Playwright (screenshots, print checks):
``BROWSER_PATH`` if set, else the first Chromium or Chrome on ``PATH`` — on Debian and
Streamlit Community Cloud (``packages.txt``: ``chromium``) that is ``/usr/bin/chromium``.
No browser is ever downloaded.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from pathlib import Path

__all__ = ["CHROMIUM_ARGS", "find_chromium"]

_BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")

#: Launch flags for a headless Chromium in a container: no sandbox (root, no user
#: namespaces), no GPU, and none of the background traffic (updates, sync, first-run).
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def find_chromium(env: Mapping[str, str] | None = None) -> str | None:
    """Return the Chromium kaleido will drive, or None when there is none.

    ``BROWSER_PATH`` wins when set (kaleido's own convention): if it does not name an
    executable file, there is no browser, rather than a silent fallback to another one.
    Otherwise the first Chromium/Chrome found on ``PATH``.

    Args:
        env: Environment to read (defaults to ``os.environ``); tests pass their own.

    Returns:
        The executable's path, or None.
    """
    env = os.environ if env is None else env
    explicit = env.get("BROWSER_PATH")
    if explicit:
        path = Path(explicit)
        return str(path) if path.is_file() and os.access(path, os.X_OK) else None
    search = env.get("PATH", os.defpath)
    for name in _BROWSER_NAMES:
        found = shutil.which(name, path=search)
        if found:
            return found
    return None
