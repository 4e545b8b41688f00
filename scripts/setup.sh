#!/usr/bin/env bash
# Create .venv (Python 3.11) and install newsdesk with its pinned dependencies.
# Used by both README commands and by .ci/run, so a fresh machine needs nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3.11}"
command -v "$PY" >/dev/null 2>&1 || PY=python3
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=23" >/dev/null
# constraints.txt pins the whole environment, transitive dependencies included
.venv/bin/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[dev]" 2>&1 | grep -v -E "^WARNING: Location|^$" || true
.venv/bin/python -c "import newsdesk" >/dev/null
