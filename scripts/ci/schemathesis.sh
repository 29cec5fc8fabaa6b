#!/usr/bin/env bash
# Schemathesis against the running API: the published OpenAPI document must be true.
#
#   bash scripts/ci/schemathesis.sh            # SCHEMATHESIS_MAX_TIME (default 240 s)
#
# Builds the project, starts the API and the projector (npm start's launcher: demo clients
# seeded) on SQLite files in a temp directory, mints a token, and runs every schemathesis
# check (no server error, no undocumented status, content types, headers and bodies as
# documented, negative data refused, valid data accepted, ...) with a fixed seed and a
# time budget, once per calling role. Stops what it started and removes the directory.
# Schemathesis lives in a venv under the git-ignored .tmp (from PyPI, pinned).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
SCHEMATHESIS_VERSION=4.32.5
SEED="${SCHEMATHESIS_SEED:-20261203}"
MAX_TIME="${SCHEMATHESIS_MAX_TIME:-240}"
VENV="$REPO/.tmp/schemathesis-venv"
NODE="$REPO/node_modules/.bin/node"

log() { echo "schemathesis.sh: $*" >&2; }

if [ ! -x "$VENV/bin/schemathesis" ] || ! "$VENV/bin/schemathesis" --version | grep -q "$SCHEMATHESIS_VERSION"; then
  log "installing schemathesis $SCHEMATHESIS_VERSION into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

npm run -s build

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
WORK="$(mktemp -d -t polku-schemathesis-XXXXXX)"
PORT="$(free_port)"
export NODE_ENV=test HOST=127.0.0.1 PORT PROJECTOR_PORT="$(free_port)" DATA_DIR="$WORK/data" LOG_LEVEL=warn
export JWT_SECRET="schemathesis-$(python3 -c 'import secrets; print(secrets.token_hex(24))')"
unset EVENT_STORE READ_STORE DATABASE_URL BUS KAFKA_BROKERS

"$NODE" dist/scripts/start.js >"$WORK/server.log" 2>&1 &
SERVER=$!
stop() {
  kill "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
  rm -rf "$WORK"
}
trap stop EXIT

BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 120); do
  curl -fsS "$BASE/health" >/dev/null 2>&1 && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/server.log" >&2; log "the API did not start"; exit 1; }
  sleep 0.5
done
curl -fsS "$BASE/health" >/dev/null || { cat "$WORK/server.log" >&2; log "the API did not answer"; exit 1; }

token() { "$NODE" dist/apps/api/cli/mint-token.js --person "$1" --name "$2" --org "$3" --org-type "$4" --role "$5" --ttl 2h; }

status=0
# An officer (commands and client reads), then an auditor (logs, replays) and an admin:
# each role reaches answers the others are refused.
run() {
  local name="$1" auth="$2" budget="$3"
  log "run as $name (${budget}s, seed $SEED)"
  mkdir -p "$REPO/.tmp/schemathesis-report"
  "$VENV/bin/schemathesis" --no-color --config-file "$REPO/scripts/ci/schemathesis.toml" run "$BASE/openapi.json" \
    --checks all --seed "$SEED" --max-time "$budget" --workers 1 \
    --header "Authorization: Bearer $auth" \
    --request-timeout 15 \
    --report junit --report-dir "$REPO/.tmp/schemathesis-report/$name" \
    >"$REPO/.tmp/schemathesis-report/$name.log" 2>&1 || { status=1; cat "$REPO/.tmp/schemathesis-report/$name.log"; return; }
  # A passing run prints its summary only: CI's log ends with the test runner's own summary.
  # The summary without schemathesis's pytest-style rulers ("=== 4 warnings in 60s ==="): CI reads
  # such a line as a test runner's closing line, and this one counts no test.
  sed -n '/= SUMMARY =/,$p' "$REPO/.tmp/schemathesis-report/$name.log" | grep -v '^ *$' | grep -v 'Dropped\|^  - ' |
    grep -vE '^=+ .* =+$' || true
}
run officer "$(token te-liisa-korhonen 'Liisa Korhonen' te-keski-suomi employment_authority officer)" $((MAX_TIME / 2))
run auditor "$(token auditor-aino 'Aino Auditor' hyvaks-sote wellbeing_county auditor)" $((MAX_TIME / 4))
run admin "$(token admin-olli 'Olli Admin' te-keski-suomi employment_authority admin)" $((MAX_TIME / 4))
# pino level 50+ (error, fatal), or anything a crashing process prints.
ERRORS='"level":[56]0\|Unhandled\|exited ('
if grep -q "$ERRORS" "$WORK/server.log"; then
  log "the server logged errors:"; grep -n "$ERRORS" "$WORK/server.log" | head -20 >&2; status=1
fi
exit "$status"
