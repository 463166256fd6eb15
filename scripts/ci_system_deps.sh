#!/usr/bin/env bash
# System packages the PostgreSQL and browser tests need (Debian): postgresql, chromium.
# Idempotent and quiet: installs only what is missing; runs `apt-get update` only then.
set -euo pipefail
missing=()
command -v pg_lsclusters >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != "0" ]; then
    echo "ci_system_deps: missing ${missing[*]} and not root: PostgreSQL/browser tests will skip" >&2
    exit 0
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq "${missing[@]}" >/dev/null
  echo "ci_system_deps: installed ${missing[*]}"
fi
