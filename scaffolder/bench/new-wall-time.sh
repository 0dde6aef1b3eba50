#!/usr/bin/env bash
# Wall time of `tenet new` for the sample spec: the whole command (JVM start included) and the
# generation itself as the command reports it. Usage: scaffolder/bench/new-wall-time.sh [RUNS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
runs="${1:-10}"
"$repo/tenet" --version >/dev/null   # builds the jar if needed
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  line=$("$repo/tenet" new --spec "$repo/samples/learning-progress.yaml" --out "$work/svc-$i" | head -1)
  end=$(date +%s%N)
  echo "run $i: whole command $(( (end - start) / 1000000 )) ms; ${line##* in }"
done
