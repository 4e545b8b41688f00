#!/usr/bin/env bash
# Install, then run the main job on the bundled sample corpus and show what it found.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NEWSDESK_DB="${NEWSDESK_DB:-out/demo.db}"
mkdir -p "$(dirname "$NEWSDESK_DB")"
nd=.venv/bin/newsdesk
echo "== ingest examples/corpus into $NEWSDESK_DB"
$nd ingest examples/corpus
echo "== again: the same input stores nothing new"
$nd ingest examples/corpus
echo "== reclean: every stored article cleaned again from what the store kept; nothing changed"
$nd reclean
echo "== stats"
$nd stats
echo "== search: strike"
$nd search strike --limit 5
first=$($nd search strike --limit 1 --format jsonl | .venv/bin/python -c 'import json,sys; l=sys.stdin.readline(); print(json.loads(l)["id"] if l else "")')
if [ -n "$first" ]; then
  echo "== show $first --removed"
  $nd show "$first" --removed
  if $nd --help | grep -q " claims "; then
    echo "== claims $first"
    $nd claims "$first" || true
  fi
fi
if $nd --help | grep -q " dups "; then
  echo "== duplicate groups"
  $nd dups
fi
echo "== errors"
$nd errors
