#!/usr/bin/env bash
# Start a local PostgreSQL for sitrep's PostgreSQL tests and benches (idempotent).
# Installs Debian's `postgresql` when missing (needs root), starts the first cluster,
# creates the role `sitrep` (password `sitrep`, CREATEDB: tests make throwaway databases)
# and the database `sitrep_test`, then prints the URL the tests read from
# SITREP_TEST_PG_URL:  postgresql://sitrep:sitrep@127.0.0.1:5432/sitrep_test
set -euo pipefail

PG_ROLE=${SITREP_PG_ROLE:-sitrep}
PG_PASSWORD=${SITREP_PG_PASSWORD:-sitrep}
PG_DB=${SITREP_PG_DB:-sitrep_test}

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq postgresql >/dev/null
fi

# The first cluster Debian created (e.g. "15 main"); create one if there is none.
read -r PG_VERSION PG_CLUSTER PG_PORT PG_STATUS _ < <(pg_lsclusters -h | head -n1) || true
if [ -z "${PG_VERSION:-}" ]; then
  PG_VERSION=$(ls /usr/lib/postgresql | sort -V | tail -n1)
  pg_createcluster "$PG_VERSION" main >/dev/null
  read -r PG_VERSION PG_CLUSTER PG_PORT PG_STATUS _ < <(pg_lsclusters -h | head -n1)
fi
if [ "$PG_STATUS" != "online" ]; then
  pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start
fi

# Wait until it accepts connections (a fresh start can take a moment).
for _ in $(seq 1 30); do
  if su postgres -c "pg_isready -q -p $PG_PORT"; then break; fi
  sleep 1
done

psql_admin() { su postgres -c "psql -X -q -v ON_ERROR_STOP=1 -p $PG_PORT -tA $*"; }
if [ "$(psql_admin "-c \"SELECT 1 FROM pg_roles WHERE rolname='$PG_ROLE'\"")" != "1" ]; then
  psql_admin "-c \"CREATE ROLE $PG_ROLE LOGIN CREATEDB PASSWORD '$PG_PASSWORD'\""
fi
if [ "$(psql_admin "-c \"SELECT 1 FROM pg_database WHERE datname='$PG_DB'\"")" != "1" ]; then
  psql_admin "-c \"CREATE DATABASE $PG_DB OWNER $PG_ROLE\""
fi

echo "postgresql://$PG_ROLE:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"
