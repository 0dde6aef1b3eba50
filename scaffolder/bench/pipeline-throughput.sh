#!/usr/bin/env bash
# Throughput of a generated service (samples/learning-progress.yaml, MariaDB, or the spec in SPEC) against a bare
# KafkaConsumer -> JDBC batch insert loop on the same embedded KRaft broker and database.
# Usage: [WARMUP=N] [ROUNDS=N] [SPEC=FILE] scaffolder/bench/pipeline-throughput.sh [EVENTS]
#   EVENTS per timed round (default 300000); WARMUP events first through both sides (default 1000000); ROUNDS timed
#   rounds in the same JVM, each the bare loop then the pipeline on EVENTS new events (default 3; the median ratio is
#   printed last). Long rounds keep the JIT work each resume of the listeners still causes a small part of a window.
# SPEC=scaffolder/bench/learning-progress-pg.yaml and SPEC=scaffolder/bench/learning-progress-cdc.yaml compare the
# polling and the CDC relay on PostgreSQL (the CDC one needs wal_level=logical).
# Prints both rates, the ratio, and where each timed window's CPU went (MariaDB, broker, listeners, relay, JIT).
# JFR=FILE records the whole run with Java Flight Recorder's profile settings into FILE (an absolute path).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
events="${1:-300000}"
warmup="${WARMUP:-1000000}"   # run through both sides first, so the JIT compiler's work is not measured

if ! command -v kcat >/dev/null 2>&1; then
  echo "installing kcat (the load generator)..." >&2
  apt-get install -y kcat >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y kcat >/dev/null) \
    || echo "warning: kcat not installed; the bench falls back to the Java producer" >&2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$repo/tenet" new --spec "${SPEC:-$repo/samples/learning-progress.yaml}" --out "$work/svc" >/dev/null
cp "$here/ThroughputBench.java" "$here/CpuUsage.java" "$here/PipelineProgress.java" "$here/DatabaseQuiet.java" "$work/svc/src/test/java/com/example/learning/"
cd "$work/svc"
./mvnw -B -q test -Dtest=ThroughputBench -Dbench.events="$events" -Dbench.warmup="$warmup" -Dbench.rounds="${ROUNDS:-3}" \
  -Dsurefire.failIfNoSpecifiedTests=false \
  -Dlogging.level.root=WARN ${JFR:+"-DargLine=-XX:StartFlightRecording=filename=$JFR,settings=profile,dumponexit=true"} 2>&1 | grep '^BENCH' || { echo "bench failed; rerun in $work/svc" >&2; exit 1; }
