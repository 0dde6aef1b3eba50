#!/usr/bin/env bash
# Benchmarks `tenet review` on a 2,000-file repository: the sources of spring-context, spring-core,
# spring-beans, spring-aop 6.2.12 (Maven Central sources jars: ~2,000 files, ~1,960 of them Java) committed into a fresh git repository, then 20 files edited and
# committed. Every measurement is a whole cold JVM process, run RUNS times (default 3); the median
# wall time and the largest peak RSS are printed, next to `tenet check` of the whole repository.
#
#   review-bot/bench/review.sh
#   RUNS=9 review-bot/bench/review.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
root="$PWD"
work="$root/review-bot/target/bench"   # under target/: ignored by git, removed by mvn clean
repo="$work/repo"
runs="${RUNS:-3}"
mkdir -p "$work"

./tenet --version >/dev/null   # builds the jar when needed
jar="$work/tenet.jar"
cp "$root/cli/target/tenet.jar" "$jar"   # a copy: a rebuild during the run must not swap classes under a running JVM

if [ ! -d "$repo/.git" ]; then
  echo "building the repository (sources jars from Maven Central)..." >&2
  rm -rf "$repo" && mkdir -p "$repo"
  for a in spring-context spring-core spring-beans spring-aop; do
    ./mvnw -B -q org.apache.maven.plugins:maven-dependency-plugin:3.9.0:get \
      -Dartifact="org.springframework:$a:6.2.12:jar:sources" -Dtransitive=false >&2
    mkdir -p "$repo/$a/src/main/java"
    (cd "$repo/$a/src/main/java" && unzip -q -o "$HOME/.m2/repository/org/springframework/$a/6.2.12/$a-6.2.12-sources.jar" -x 'META-INF/*')
  done
  # Keep exactly 2,000 Java files so the figure means the same on every machine.
  find "$repo" -name '*.java' | sort | tail -n +2001 | xargs -r rm -f
  git -C "$repo" init -q -b main
  git -C "$repo" -c user.name=bench -c user.email=bench@example.com add -A
  git -C "$repo" -c user.name=bench -c user.email=bench@example.com commit -qm "spring sources"
  # The change: 20 files get a new field and a new method in the middle of the class.
  for file in $(grep -l '^public \(abstract \)\?\(final \)\?class .*{$' $(find "$repo" -name '*.java' | sort) | awk 'NR % 25 == 0' | head -n 20); do
    line=$(grep -n '^public \(abstract \)\?\(final \)\?class .*{$' "$file" | head -n 1 | cut -d: -f1)
    sed -i "${line}a\\
\\tprivate final java.util.concurrent.atomic.AtomicLong benchCalls = new java.util.concurrent.atomic.AtomicLong();\\
\\
\\tlong benchCalls() {\\
\\t\\treturn benchCalls.incrementAndGet();\\
\\t}" "$file"
  done
  git -C "$repo" -c user.name=bench -c user.email=bench@example.com commit -qam "edit 20 files"
fi
files=$(git -C "$repo" ls-files | wc -l)
java_files=$(git -C "$repo" ls-files '*.java' | wc -l)
changed=$(git -C "$repo" diff --name-only HEAD~1 HEAD | wc -l)

java_opts=(-Xlog:disable -Xlog:all=warning:stderr)

# measure NAME COMMAND... : runs the command $runs times, prints the median wall and CPU (user+sys) seconds and the
# largest peak RSS. CPU time is printed because wall time on a shared 2-core machine depends on its load.
measure() {
  local name="$1"; shift
  local times=() cpus=() rss=0 stats="$work/time.txt"
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$stats" -f "%e %U %S %M" "$@" >/dev/null 2>/dev/null || true
    read -r wall user sys kb < <(tail -n 1 "$stats")
    times+=("$wall")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}')")
    [ "$kb" -gt "$rss" ] && rss="$kb"
  done
  median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
  printf '%-56s %7s s wall %7s s cpu %6d MB   (wall runs: %s)\n' "$name" "$(median "${times[@]}")" "$(median "${cpus[@]}")" \
    "$((rss / 1024))" "${times[*]}"
}

cache="$work/cache"
rm -rf "$cache"
java "${java_opts[@]}" -jar "$jar" check "$repo" --cache-dir "$cache" --format json --fail-on never >/dev/null
echo "repository: $files files ($java_files Java), $changed changed by the last commit; $(nproc) cores; load average $(cut -d" " -f1-3 /proc/loadavg); $(java -version 2>&1 | head -n 1)"
echo
measure "tenet review --base HEAD~1 (20 files), no cache" java "${java_opts[@]}" -jar "$jar" review "$repo" --base HEAD~1 --head HEAD --no-cache --format json --fail-on never
measure "tenet review --base HEAD~1 (20 files), warm scan cache" java "${java_opts[@]}" -jar "$jar" review "$repo" --base HEAD~1 --head HEAD --cache-dir "$cache" --format json --fail-on never
measure "tenet review --base HEAD~1 --format sarif, warm cache" java "${java_opts[@]}" -jar "$jar" review "$repo" --base HEAD~1 --cache-dir "$cache" --format sarif --fail-on never
measure "tenet check (whole repository), no cache" java "${java_opts[@]}" -jar "$jar" check "$repo" --no-cache --format json --fail-on never
measure "tenet check (whole repository), warm scan cache" java "${java_opts[@]}" -jar "$jar" check "$repo" --cache-dir "$cache" --format json --fail-on never
measure "tenet --version (JVM start, for reference)" java "${java_opts[@]}" -jar "$jar" --version
