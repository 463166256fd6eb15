#!/usr/bin/env bash
# Regenerate the pinned dependency files from pyproject.toml in a scratch venv:
#   requirements.lock       what `make demo` installs (runtime)
#   requirements-test.lock  what `make test` adds (pytest, httpx, playwright, ray[default], psutil, scikit-learn ...)
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install -q --upgrade pip
"$tmp/venv/bin/pip" install -q .
"$tmp/venv/bin/pip" freeze --exclude-editable | grep -v -i '^sitrep[ =@]' | sort > requirements.lock
"$tmp/venv/bin/pip" install -q '.[test,ray]'
"$tmp/venv/bin/pip" freeze --exclude-editable | grep -v -i '^sitrep[ =@]' | sort > "$tmp/all.txt"
comm -13 <(sort requirements.lock) "$tmp/all.txt" > requirements-test.lock
rm -rf "$tmp"
wc -l requirements.lock requirements-test.lock
