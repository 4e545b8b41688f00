#!/usr/bin/env bash
# The four checks a cleaner change is measured on before the held-out half is run: each tune
# quarter of trafilatura-eval, and each Fundus half, scored with the default line model (news-lexical
# since session 21) trained without it (docs/decisions.md, sessions 5, 10, 11 and 21).  Prints one F1 per check.
#
#   bash scripts/heldout_checks.sh                      # the working tree as it is
#   bash scripts/heldout_checks.sh --set rescue_max_run=0   # with CleanConfig fields changed
#
#   CHECK_LINE_MODEL=news-encoder bash scripts/heldout_checks.sh   # another packaged model's recipe
#   TRAIN_ARGS="--encoder-c 0.1" bash scripts/heldout_checks.sh  # more trainer options
#
# The models go to $CHECK_MODELS (default: a temporary folder), two trained at a time; with
# CHECK_REUSE=1 the models already there are used (a rule change that leaves the line
# features alone does not need them retrained).  It never touches the packaged models.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export OMP_NUM_THREADS=1
models="${CHECK_MODELS:-$(mktemp -d)}"
name="${CHECK_LINE_MODEL:-$(PYTHONPATH=src "$PY" -c "from newsdesk.clean import CleanConfig; print(CleanConfig().line_model)")}"
file=$(PYTHONPATH=src "$PY" -c "from newsdesk.clean.linemodel import MODEL_FILES; print(MODEL_FILES['$name'])")
read -r -a train_args <<<"${TRAIN_ARGS:-}"
sets=("$@")

train() {  # $1: --hold-val or --hold-fundus, $2: a or b, $3: folder
  "$PY" scripts/train_line_model.py --only "$name" "$1" "$2" --out "$3" "${train_args[@]}" >"$3.log" 2>&1
}

if [ "${CHECK_REUSE:-0}" != 1 ] || [ ! -f "$models/q/b/$file" ]; then
  mkdir -p "$models/q" "$models/f"
  train --hold-val a "$models/q/a" & train --hold-val b "$models/q/b" & wait
  train --hold-fundus a "$models/f/a" & train --hold-fundus b "$models/f/b" & wait
fi

for q in a b; do
  f1=$("$PY" bench/plaintext_eval.py --split "tune-$q" --newsdesk-only --no-trafilatura \
    --line-model-file "$models/q/$q/$file" "${sets[@]}" 2>/dev/null |
    awk '$1 == "newsdesk" && $2 == "tune" {print $5; exit}')
  echo "tune-$q    F1 $f1"
done
for h in a b; do
  f1=$("$PY" bench/fundus_lines.py --newsdesk-only --half "$h" \
    --line-model-file "$models/f/$h/$file" "${sets[@]}" 2>/dev/null |
    awk '$1 == "newsdesk" {print $4; exit}')
  echo "Fundus-$h  F1 $f1"
done
echo "models: $models"
