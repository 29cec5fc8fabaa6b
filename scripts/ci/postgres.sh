#!/usr/bin/env bash
# A throwaway PostgreSQL for the integration tests and CI, on 127.0.0.1:55432 only.
#
#   eval "$(bash scripts/ci/postgres.sh)"   # prints: export DATABASE_URL=postgres://...
#   bash scripts/ci/postgres.sh stop        # stops the server this script started
#
# Idempotent: installs PostgreSQL from Debian when missing (as root), initialises a cluster
# under the git-ignored .tmp/pg (trust auth, TCP on 127.0.0.1 only, no Unix socket), starts
# it with pg_ctl and creates the database. A server already answering on the port is reused.
# Everything but the export line goes to stderr, so the output can be eval'd.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PORT="${POLKU_PG_PORT:-55432}"
DB="${POLKU_PG_DATABASE:-polku_test}"
SUPERUSER=postgres
URL="postgres://${SUPERUSER}@127.0.0.1:${PORT}/${DB}"

log() { echo "postgres.sh: $*" >&2; }

bindir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; fi
}

install_postgres() {
  if [ "$(id -u)" -ne 0 ]; then
    log "PostgreSQL is not installed and this is not root: install the Debian package 'postgresql'"
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  # An empty or stale package list has no candidate: update once, then install.
  if ! apt-cache policy postgresql 2>/dev/null | grep -q 'Candidate: [0-9]'; then apt-get update -qq >&2; fi
  log "installing PostgreSQL from Debian"
  apt-get install -y -qq --no-install-recommends postgresql >&2
}

BIN="$(bindir)"
if [ -z "$BIN" ]; then install_postgres; BIN="$(bindir)"; fi
[ -n "$BIN" ] || { log "initdb not found after installing PostgreSQL"; exit 1; }

# The server refuses to run as root: as root, run it as the 'postgres' OS user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u "$SUPERUSER" -- "$@"); else "$@"; fi
}

ROOT="$REPO/.tmp/pg"
mkdir -p "$ROOT"
if [ "$(id -u)" -eq 0 ]; then
  chown "$SUPERUSER:" "$ROOT"
  # The postgres user must reach the directory; a clone under an unreachable home falls back to /tmp.
  if ! (cd / && runuser -u "$SUPERUSER" -- test -w "$ROOT"); then
    ROOT="/tmp/polku-pg-$(printf '%s' "$REPO" | sha1sum | cut -c1-12)"
    mkdir -p "$ROOT" && chown "$SUPERUSER:" "$ROOT" && chmod 700 "$ROOT"
    log "$REPO/.tmp/pg is not reachable by the postgres user; using $ROOT"
  fi
fi
DATA="$ROOT/data"

ready() { "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" >/dev/null 2>&1; }

if [ "${1:-}" = "stop" ]; then
  if [ -f "$DATA/postmaster.pid" ]; then as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2; else log "not running from $DATA"; fi
  exit 0
fi

if ready; then
  log "reusing the server already answering on 127.0.0.1:$PORT"
else
  if [ ! -f "$DATA/PG_VERSION" ]; then
    log "initialising a cluster in $DATA"
    rm -rf "$DATA"
    as_owner "$BIN/initdb" -D "$DATA" --username="$SUPERUSER" --auth=trust --encoding=UTF8 --no-locale >/dev/null
    # Only TCP from 127.0.0.1 (no Unix socket, so no path or permission issues).
    printf 'host all all 127.0.0.1/32 trust\n' | as_owner tee "$DATA/pg_hba.conf" >/dev/null
    printf "listen_addresses = '127.0.0.1'\nport = %s\nunix_socket_directories = ''\nmax_connections = 200\n" "$PORT" \
      | as_owner tee -a "$DATA/postgresql.conf" >/dev/null
  fi
  log "starting PostgreSQL on 127.0.0.1:$PORT"
  as_owner "$BIN/pg_ctl" -D "$DATA" -l "$ROOT/server.log" -o "-p $PORT" -w -t 60 start >&2 \
    || { tail -n 20 "$ROOT/server.log" >&2 || true; exit 1; }
fi

PSQL=("$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U "$SUPERUSER" -d postgres)
if [ "$("${PSQL[@]}" -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != "1" ]; then
  log "creating database $DB"
  "${PSQL[@]}" -c "CREATE DATABASE \"$DB\"" >&2
fi

echo "export DATABASE_URL=$URL"
