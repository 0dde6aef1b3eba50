#!/usr/bin/env bash
# The pipeline bench (ThroughputBench, as pipeline-throughput.sh) on the sample with the refined-event table as the
# dedup record for LectureWatched (event-table-dedup/apply.py), an experiment for the next step of the outbox work:
# one insert per event where the generated service does a processed_event claim and an insert.
# Usage: scaffolder/bench/event-table-dedup.sh [EVENTS]   (default 100000; WARMUP defaults to 10 x EVENTS)
# TESTS=1 runs the service's pipeline drills on the patched service instead (duplicates, restarts).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
events="${1:-100000}"
warmup="${WARMUP:-$((events * 10))}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$repo/tenet" new --spec "$repo/samples/learning-progress.yaml" --out "$work/svc" >/dev/null
python3 "$here/event-table-dedup/apply.py" "$work/svc" >&2
cd "$work/svc"
if [ -n "${TESTS:-}" ]; then
  ./mvnw -B -q test -Dtest='PipelineDrillsTests,LectureWatchedPipelineTests' -Dsurefire.failIfNoSpecifiedTests=false
  exit
fi
cp "$here/ThroughputBench.java" "$here/CpuUsage.java" "$here/PipelineProgress.java" src/test/java/com/example/learning/
./mvnw -B -q test -Dtest=ThroughputBench -Dbench.events="$events" -Dbench.warmup="$warmup" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dlogging.level.root=WARN 2>&1 | grep '^BENCH' || { echo "bench failed; rerun in $work/svc" >&2; exit 1; }
