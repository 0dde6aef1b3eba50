#!/usr/bin/env bash
# Per-edit latency of `tenet hook` as Claude Code runs it: a PostToolUse event on stdin of `./tenet hook --client claude`
# after each edit, on a ~2,000-file Spring workspace (bench/hook-workspace.sh, regenerated every run) with a fresh
# cache folder. The first event starts the background hook server (and is answered in process); WARMUP more events
# warm it; then EVENTS edits, each appending a line to one of the workspace's files (cycling through 50 different files),
# are timed as whole `./tenet hook` processes, and p50 / p95 / max are printed.
#
#   bench/hook-latency.sh              # 50 events after 20 warm-up events
#   EVENTS=100 WARMUP=30 bench/hook-latency.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"
work="$root/bench/work"
workspace="$work/hook-workspace"
cache="$work/hook-cache"
events="${EVENTS:-50}"
warmup="${WARMUP:-20}"
mkdir -p "$work"

./tenet --version >/dev/null   # builds the jar when needed
./tenet hook --stop --cache-dir "$cache" >/dev/null 2>&1 || true
rm -rf "$cache"
bench/hook-workspace.sh "$workspace" >/dev/null
mapfile -t files < <(find "$workspace/src/main/java" -name '*.java' | sort | awk 'NR % 40 == 1' | head -50)

event() {
  printf '{"session_id":"bench","transcript_path":"/tmp/bench.jsonl","cwd":"%s","permission_mode":"default","hook_event_name":"PostToolUse","tool_name":"Edit","tool_input":{"file_path":"%s","old_string":"a","new_string":"b"},"tool_response":{"filePath":"%s","success":true}}' \
    "$workspace" "$1" "$1"
}

# fire N: edits file N (cycling) and runs the hook; prints "<milliseconds> <exit code>"
fire() {
  local file="${files[$(($1 % ${#files[@]}))]}" payload start end code
  echo "// edit $1" >> "$file"
  payload="$(event "$file")"
  start=$(date +%s%N)
  code=0
  ./tenet hook --client claude --cache-dir "$cache" <<<"$payload" >/dev/null 2>&1 || code=$?
  end=$(date +%s%N)
  echo "$(((end - start) / 1000000)) $code"
}

echo "workspace: $(find "$workspace" -name '*.java' | wc -l) Java files; $(nproc) cores; $(java -version 2>&1 | sed -n 1p); load: $(cut -d' ' -f1-3 /proc/loadavg)"
first=$(fire 0)
echo "first event (no server yet: answered in process, starts the server): ${first% *} ms"
for _ in $(seq 1 100); do
  ./tenet hook --status --cache-dir "$cache" 2>/dev/null | grep -q '^hook server running' && break
  sleep 0.2
done
for i in $(seq 1 "$warmup"); do fire "$i" >/dev/null; done

results="$work/hook-latency.txt"
: > "$results"
for i in $(seq 1 "$events"); do fire "$((warmup + i))" >> "$results"; done
sort -n "$results" | awk -v n="$events" '
  { t[NR] = $1; if ($2 == 2) findings++ }
  END {
    p50 = t[int((n + 1) / 2)]; p95 = t[int(n * 0.95 + 0.999)]
    printf "%d events (%d with findings, exit 2): p50 %d ms, p95 %d ms, max %d ms, min %d ms\n", n, findings, p50, p95, t[n], t[1]
  }'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); $(./tenet hook --status --cache-dir "$cache")"
./tenet hook --stop --cache-dir "$cache" >/dev/null
