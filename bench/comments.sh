#!/usr/bin/env bash
# Times `tenet check` on one generated Java file full of comments: COMMENTS comments (default 20,000),
# half of them Javadoc on fields, half line comments in one long method, about 1.4 MB. javaparser's
# comment attribution grows faster than the file (it re-filters the remaining comments for every child
# of every node); Tenet does not attribute comments, and its parsing must stay linear.
# Every measurement is a whole cold JVM process, run RUNS times (default 3); the median wall time and
# the largest peak RSS are printed, with the CPU time (user + system) of the median run, which a busy
# machine disturbs less than the wall time, the size of the file and what the check reported.
#
#   bench/comments.sh
#   COMMENTS=40000 RUNS=1 bench/comments.sh
#   JAR=/tmp/tenet-old.jar bench/comments.sh      # time another build of the CLI jar
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
comments="${COMMENTS:-20000}"
runs="${RUNS:-3}"
work="$PWD/bench/work/comments"

if [ -z "${JAR:-}" ]; then
  ./tenet --version >/dev/null   # builds the jar when needed
fi
jar="${JAR:-$PWD/cli/target/tenet.jar}"

rm -rf "$work"
mkdir -p "$work/src/main/java/com/acme/notes"
file="$work/src/main/java/com/acme/notes/Commented.java"
awk -v n="$comments" 'BEGIN {
  half = int(n / 2)
  print "package com.acme.notes;"
  print ""
  print "/** A generated class with " n " comments. */"
  print "public class Commented {"
  for (i = 0; i < half; i++) {
    printf "    /** Field number %d, documented. */\n    int field%d = %d;\n\n", i, i, i
  }
  print "    int sum() {"
  print "        int total = 0;"
  for (i = 0; i < n - half; i++) {
    printf "        // add field number %d to the total\n        total += field%d;\n", i, i % half
  }
  print "        return total;"
  print "    }"
  print "}"
}' > "$file"

java_opts=(-Xlog:disable -Xlog:all=warning:stderr)
printf 'file: %s comments, %s lines, %s KB; %s cores; %s; load: %s\n\n' "$comments" "$(wc -l <"$file")" \
  "$(( $(wc -c <"$file") / 1024 ))" "$(nproc)" "$(java -version 2>&1 | sed -n 1p)" "$(cut -d' ' -f1-3 /proc/loadavg)"

times=() cpus=() rss=0
for _ in $(seq "$runs"); do
  /usr/bin/time -o "$work/time.txt" -f "%e %M %U %S" java "${java_opts[@]}" -jar "$jar" check "$work" --no-cache --format json \
    --fail-on never >"$work/report.json" 2>"$work/stderr.txt" || true
  read -r wall kb user sys < <(tail -n 1 "$work/time.txt")
  times+=("$wall")
  cpus+=("$wall $(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}')")
  [ "$kb" -gt "$rss" ] && rss="$kb"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
cpu=$(printf '%s\n' "${cpus[@]}" | awk -v m="$median" '$1 == m {print $2; exit}')
printf '%-36s %8s s wall %8s s CPU %6d MB   (wall of the runs: %s)\n' "tenet check, one file, no cache" "$median" "$cpu" \
  "$((rss / 1024))" "${times[*]}"
echo "findings reported: $(grep -o '"ruleId" *: *"[^"]*"' "$work/report.json" | sort | uniq -c | tr -s ' ' | paste -sd ';' - | grep . || echo none)"
