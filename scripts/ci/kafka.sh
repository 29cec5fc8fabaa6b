#!/usr/bin/env bash
# A real single-node Apache Kafka (KRaft, no ZooKeeper, no Docker) for tests and CI.
#
#   eval "$(bash scripts/ci/kafka.sh)"     # starts (or reuses) the broker, exports KAFKA_BROKERS
#   bash scripts/ci/kafka.sh stop          # stops the broker this script started
#   bash scripts/ci/kafka.sh lib           # only fetches the jars; prints their directory
#                                          # (tests that restart a broker start their own from it)
#
# Jars come from Maven Central through mvn (cached in ~/.m2), kcat from Debian. Everything
# lives under .tmp/kafka/ and binds to 127.0.0.1 only. Safe to run twice: a running broker
# is reused, a formatted log dir is not formatted again. Progress goes to stderr; stdout
# carries only the `export` line.
set -euo pipefail
cd "$(dirname "$0")/../.."

KAFKA_VERSION="${KAFKA_VERSION:-3.9.1}"
SLF4J_VERSION="1.7.36"
PORT="${KAFKA_PORT:-59092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-59093}"
HOME_DIR="$PWD/.tmp/kafka"
LIB="$HOME_DIR/lib"
DATA="$HOME_DIR/data"
PIDFILE="$HOME_DIR/broker.pid"
LOG="$HOME_DIR/broker.log"
BROKERS="127.0.0.1:$PORT"
say() { echo "kafka.sh: $*" >&2; }

running() { [[ -f "$PIDFILE" ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }
answers() { kcat -b "$BROKERS" -L -m 3 >/dev/null 2>&1; }

if [[ "${1:-start}" == "stop" ]]; then
  if running; then kill "$(cat "$PIDFILE")"; say "stopped broker $(cat "$PIDFILE")"; fi
  rm -f "$PIDFILE"
  exit 0
fi

# --- tools: a JDK, Maven and kcat (Debian names the package kafkacat on older releases) ---
need_apt=()
command -v java >/dev/null || need_apt+=(openjdk-17-jre-headless)
command -v mvn >/dev/null || need_apt+=(maven)
command -v kcat >/dev/null || command -v kafkacat >/dev/null || need_apt+=(kcat)
if ((${#need_apt[@]})); then
  say "installing ${need_apt[*]} from Debian"
  apt-get update -qq >&2
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >&2; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]/kcat/kafkacat}" >&2
  fi
fi
if ! command -v kcat >/dev/null; then
  mkdir -p "$HOME_DIR/bin" && ln -sf "$(command -v kafkacat)" "$HOME_DIR/bin/kcat"
  export PATH="$HOME_DIR/bin:$PATH"
fi

# Any broker already answering on the port is reused (e.g. one a previous run started).
if [[ "${1:-start}" != "lib" ]] && answers; then
  say "reusing the broker on $BROKERS"
  echo "export KAFKA_BROKERS=$BROKERS"
  exit 0
fi

# --- jars: kafka_2.13 and its runtime dependencies, plus an slf4j binding ---
mkdir -p "$HOME_DIR" "$DATA"
if [[ ! -f "$LIB/.complete-$KAFKA_VERSION" ]]; then
  say "fetching Apache Kafka $KAFKA_VERSION jars with Maven"
  cat >"$HOME_DIR/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>polku.ci</groupId><artifactId>kafka-broker</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>$KAFKA_VERSION</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-reload4j</artifactId><version>$SLF4J_VERSION</version></dependency>
  </dependencies>
</project>
EOF
  rm -rf "$LIB"
  mvn -q -B -f "$HOME_DIR/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$LIB" -DincludeScope=runtime >&2
  touch "$LIB/.complete-$KAFKA_VERSION"
fi

if [[ "${1:-start}" == "lib" ]]; then echo "$LIB"; exit 0; fi

# --- configuration: KRaft single node, combined broker + controller ---
cat >"$HOME_DIR/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$DATA
num.partitions=3
default.replication.factor=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
auto.create.topics.enable=true
group.initial.rebalance.delay.ms=0
log.retention.hours=24
EOF
cat >"$HOME_DIR/log4j.properties" <<EOF
log4j.rootLogger=WARN, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.server.KafkaServer=INFO
log4j.logger.kafka.server.KafkaRaftServer=INFO
EOF

JAVA_CP="$LIB/*"
if [[ ! -f "$DATA/meta.properties" ]]; then
  CLUSTER_ID="$(java -cp "$JAVA_CP" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)"
  say "formatting $DATA (cluster $CLUSTER_ID)"
  java -cp "$JAVA_CP" -Dlog4j.configuration="file:$HOME_DIR/log4j.properties" \
    kafka.tools.StorageTool format -t "$CLUSTER_ID" -c "$HOME_DIR/server.properties" >&2
fi

# A stale broker (pid alive but not answering) is stopped before a fresh start.
if running; then kill "$(cat "$PIDFILE")" || true; sleep 2; fi
say "starting broker on $BROKERS (log: $LOG)"
nohup java -Xms256m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true \
  -Dlog4j.configuration="file:$HOME_DIR/log4j.properties" \
  -cp "$JAVA_CP" kafka.Kafka "$HOME_DIR/server.properties" >"$LOG" 2>&1 </dev/null &
echo $! >"$PIDFILE"

# --- bounded wait until the broker answers a metadata request ---
for _ in $(seq 1 90); do
  if answers; then
    say "broker $(cat "$PIDFILE") ready on $BROKERS"
    echo "export KAFKA_BROKERS=$BROKERS"
    exit 0
  fi
  if ! running; then say "broker exited during start; last log lines:"; tail -30 "$LOG" >&2; exit 1; fi
  sleep 1
done
say "broker did not answer on $BROKERS within 90 s; last log lines:"
tail -30 "$LOG" >&2
exit 1
