#!/usr/bin/env bash
# The benchmark still works end to end: `npm run bench` on a tiny data set (200 clients), every
# suite once and short, against the PostgreSQL and Kafka that CI started (DATABASE_URL and
# KAFKA_BROKERS must be set). `--complete` fails the run unless every row of issue 11's table
# was measured and has its ratio, no Kafka message was dead-lettered and the API refused no
# request. The numbers of so small a run say nothing about speed and are not judged; the
# results go to .tmp, never over bench/results/latest.json (the published table).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
: "${DATABASE_URL:?bench-smoke.sh needs DATABASE_URL (scripts/ci/postgres.sh)}"
: "${KAFKA_BROKERS:?bench-smoke.sh needs KAFKA_BROKERS (scripts/ci/kafka.sh)}"

echo "bench-smoke.sh: npm run bench on 200 clients (every suite, short)" >&2
npm run -s bench -- --clients 200 --years 1 --rounds 1 --seconds 1 --http-seconds 2 \
  --kafka-messages 2000 --out .tmp/bench-smoke.json --complete
