#!/usr/bin/env bash
# The generated service against the same service on Spring Modulith's JDBC event publication registry with Kafka
# externalization (BOM 2.0.3): same listener, transaction, embedded KRaft broker, MariaDB and event count. Generates
# samples/learning-progress.yaml, makes the Modulith copy with modulith/apply.sh, then runs OutboxComparisonBench on
# each in turn, ROUNDS times (the side that goes first alternates), and prints one line per run and the medians.
# Usage: [ROUNDS=3] [WARMUP=N] [USERS=1000] [MODULITH_OPTS='-Dspring.task.execution.pool.core-size=1 ...'] \
#        [DRILL=1] scaffolder/bench/modulith-comparison.sh [EVENTS]     (EVENTS default 8000, WARMUP default EVENTS / 2)
# ROUNDS=0 only generates, applies and compiles both. SIDES=modulith runs one side only (for trying Modulith's knobs); WORK=DIR KEEP=1 keeps and reuses the two services.
# MODULITH_OPTS go to the Modulith side only: its knobs (executor threads, completion mode, republishing,
# -Dmodulith.serialize-externalization=true). DRILL=1 runs the read-only failover drill on both instead.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
events="${1:-8000}"
warmup="${WARMUP:-$((events / 2))}"
rounds="${ROUNDS:-3}"
users="${USERS:-1000}"

work="${WORK:-$(mktemp -d)}"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
if [ ! -d "$work/generated" ]; then
  "$repo/tenet" new --spec "$repo/samples/learning-progress.yaml" --out "$work/generated" >/dev/null
  cp -r "$work/generated" "$work/modulith"
  "$here/modulith/apply.sh" "$work/modulith" --tests >&2
  for side in generated modulith; do
    cp "$here/modulith/OutboxComparisonBench.java" "$here/modulith/DatabaseStatements.java" "$here/modulith/ThreadSampler.java" \
      "$here/CpuUsage.java" "$here/PipelineProgress.java" \
      "$work/$side/src/test/java/com/example/learning/"
    # Online: the first build on a machine fetches Spring Modulith's artifacts; the timed runs below are offline.
    (cd "$work/$side" && ./mvnw -B -q test-compile >/dev/null) || { echo "$side does not compile; see $work/$side" >&2; exit 1; }
  done
fi

if [ "$rounds" -eq 0 ]; then
  echo "both services generated and compiled in $work (ROUNDS=0: nothing measured)"
  exit 0
fi

run() { # side, extra options...
  local side="$1"
  shift
  local log="$work/$side-$(date +%s).log"
  local test=OutboxComparisonBench#measure
  [ -n "${DRILL:-}" ] && test=OutboxComparisonBench#readOnlyFailoverWhileEventsFlow
  (cd "$work/$side" && ./mvnw -B -o test -Dtest="$test" -Dbench.events="$events" -Dbench.warmup="$warmup" -Dbench.users="$users" \
    -Dbench.drill="${DRILL:+true}" -Dbench.variant="$side" -Dsurefire.failIfNoSpecifiedTests=false -Dlogging.level.root=WARN "$@" >"$log" 2>&1) \
    || { echo "the $side run failed; see $log" >&2; grep -E 'BENCH|ERROR\]' "$log" | head -20 >&2; return 1; }
  grep '^BENCH' "$log"
}

echo "BENCH $(date -u +%FT%TZ) events=$events warmup=$warmup users=$users rounds=$rounds modulith-opts='${MODULITH_OPTS:-}' load: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) -eq 1 ]; then order="generated modulith"; else order="modulith generated"; fi
  [ -z "${SIDES:-}" ] || order="$SIDES"
  for side in $order; do
    if [ "$side" = modulith ]; then
      # shellcheck disable=SC2086
      run modulith ${MODULITH_OPTS:-} | sed "s/^BENCH /BENCH round=$r /"
    else
      run generated | sed "s/^BENCH /BENCH round=$r /"
    fi
  done
done | tee "$work/rounds.txt"
[ -n "${DRILL:-}" ] && exit 0

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
rate() { grep "end-to-end variant=$1:" "$work/rounds.txt" | sed 's/.*s, \([0-9]*\) events\/s.*/\1/'; }
[ -z "${SIDES:-}" ] || exit 0
gen="$(rate generated | median)"
mod="$(rate modulith | median)"
echo "BENCH median end-to-end: generated $gen events/s, modulith $mod events/s, ratio $(awk -v g="$gen" -v m="$mod" 'BEGIN {printf "%.1f", g / m}')x"
