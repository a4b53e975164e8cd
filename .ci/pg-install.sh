#!/usr/bin/env bash
# Installs Debian's PostgreSQL server binaries for the storage tests. Nothing is started here:
# tests/store start their own throw-away server (initdb + pg_ctl from /usr/lib/postgresql/*/bin)
# on 127.0.0.1 on a free port, and under CI=true a missing server fails the suite.
set -euo pipefail
if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq postgresql >/dev/null
if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  echo "pg-install: postgresql was installed but no initdb was found" >&2
  exit 1
fi
