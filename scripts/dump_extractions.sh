#!/usr/bin/env bash
# Extraction output of the current code on the seed and the shared dev corpora, one file
# each, for byte-for-byte comparison before and after a refactor:
#   bash scripts/dump_extractions.sh /tmp/before   (on the old commit)
#   bash scripts/dump_extractions.sh /tmp/after    (on the new one)
#   diff -r /tmp/before /tmp/after
# Set PYTHON to run another checkout's code (PYTHONPATH=<checkout> with this venv's python).
set -euo pipefail
out=${1:?usage: dump_extractions.sh OUT_DIR}
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${SITREP_SHARED:-$here/../shared}
py=${PYTHON:-$here/.venv/bin/python}
mkdir -p "$out"
cd /  # never import sitrep from the current directory by accident
"$py" -m sitrep extract "$shared/seed/000_27822b3222cb0826.txt" --published 2016-12-07 --json > "$out/seed.json"
for f in geo/trnews.dev.jsonl figures/idmc_labelled.dev.jsonl quotes/polnear.dev.jsonl events/case2021.dev.jsonl; do
  "$py" -m sitrep extract --jsonl "$shared/data/$f" > "$out/$(basename "$f" .jsonl).jsonl"
done
ls -l "$out"
