#!/usr/bin/env bash
# Start the dashboard on the default corpus (installs the runtime requirements first).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
"$PY" -m pip install -q --disable-pip-version-check -r requirements.txt
exec "$PY" -m streamlit run dashboard.py "$@"
