#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what it needs (Chromium, PostgreSQL), lints, runs pytest.
# Used by README's test command and by .ci/run. Needs root (or sudo) for apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_packages=()
command -v chromium >/dev/null 2>&1 || apt_packages+=(chromium)
# PostgreSQL server binaries for the store tests (they start their own cluster on loopback).
compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null || apt_packages+=(postgresql)
if [ ${#apt_packages[@]} -gt 0 ]; then
  echo "== installing Debian packages: ${apt_packages[*]}"
  as_root apt-get update -q
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q --no-install-recommends "${apt_packages[@]}"
fi

echo "== installing Python packages"
"$PY" -m pip install -q --disable-pip-version-check -r requirements-dev.txt

echo "== ruff"
"$PY" -m ruff check .

echo "== pytest"
exec "$PY" -m pytest "$@"
