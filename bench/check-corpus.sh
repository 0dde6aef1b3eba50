#!/usr/bin/env bash
# Benchmarks `tenet check` against its floor (javaparser parse-only, bench/ParseOnly.java) and PMD 7 on a large real corpus:
# the sources jars of spring-core, spring-context (6.2.12) and kafka-clients (3.9.1) from Maven Central
# (~2,970 files, ~558k lines). Every measurement is a whole cold JVM process; each is run RUNS times
# (default 3) and the median wall time and the largest peak RSS are printed.
#
#   bench/check-corpus.sh            # all measurements
#   RUNS=5 bench/check-corpus.sh
#   RUNS=7 INTERLEAVED_ONLY=1 bench/check-corpus.sh   # only the interleaved comparison with the floor
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"
work="$root/bench/work"
corpus="$work/corpus"
runs="${RUNS:-3}"
mkdir -p "$work"

./tenet --version >/dev/null   # builds the jar when needed
jar="$root/cli/target/tenet.jar"
# The floor, compiled against the jar (it lives outside the library, in bench/)
rm -rf "$work/classes"
javac -d "$work/classes" -cp "$jar" bench/ParseOnly.java

if [ ! -d "$corpus" ]; then
  echo "fetching the corpus (sources jars from Maven Central)..." >&2
  mkdir -p "$corpus.tmp"
  for gav in org.springframework:spring-core:6.2.12 org.springframework:spring-context:6.2.12 org.apache.kafka:kafka-clients:3.9.1; do
    IFS=: read -r g a v <<<"$gav"
    ./mvnw -B -q org.apache.maven.plugins:maven-dependency-plugin:3.9.0:get -Dartifact="$gav:jar:sources" -Dtransitive=false >&2
    mkdir -p "$corpus.tmp/$a"
    (cd "$corpus.tmp/$a" && unzip -q -o "$HOME/.m2/repository/${g//.//}/$a/$v/$a-$v-sources.jar")
  done
  mv "$corpus.tmp" "$corpus"
fi
files=$(find "$corpus" -name '*.java' | wc -l)
lines=$(find "$corpus" -name '*.java' -exec cat {} + | wc -l)
uptime_load() { cut -d' ' -f1-3 /proc/loadavg; }

if [ ! -f "$work/pmd.classpath" ]; then
  echo "resolving PMD 7.27.0..." >&2
  ./mvnw -B -q -f bench/pmd/pom.xml org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
    -Dmdep.outputFile="$work/pmd.classpath" >&2
fi

java_opts=(-Xlog:disable -Xlog:all=warning:stderr)

# measure NAME COMMAND... : runs the command $runs times, prints "NAME  median-seconds  max-RSS-MB"
measure() {
  local name="$1"; shift
  local times=() rss=0
  for _ in $(seq "$runs"); do
    local out
    /usr/bin/time -o "$work/time.txt" -f "%e %M" "$@" >/dev/null 2>"$work/stderr.txt" || true
    out=$(tail -n 1 "$work/time.txt")
    times+=("${out% *}")
    local kb="${out#* }"
    [ "$kb" -gt "$rss" ] && rss="$kb"
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-44s %8s s %8d MB   (runs: %s)\n' "$name" "$median" "$((rss / 1024))" "${times[*]}"
}

cache="$work/cache"
echo "corpus: $files files, $lines lines; $(nproc) cores; $(java -version 2>&1 | sed -n 1p); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
# The floor and tenet check side by side, interleaved run by run: under the JVM's default flags, and under the flags
# the launcher (bin/tenet) gives a check -- C1 only and a class-data archive trained on a small input -- so the ratio is
# read under equal flags either way. The floor's archive is trained the way the launcher trains tenet's: one short
# run on a one-file folder.
launcher_flags=(-XX:TieredStopAtLevel=1)
jar cf "$work/parse-only.jar" -C "$work/classes" .
rm -rf "$work/train" && mkdir -p "$work/train"
cp "$(find "$corpus" -name '*.java' | sort | sed -n 1p)" "$work/train/"
rm -f "$work/parse-only.jsa"
java "${java_opts[@]}" "${launcher_flags[@]}" -XX:ArchiveClassesAtExit="$work/parse-only.jsa" -cp "$jar:$work/parse-only.jar" ParseOnly \
  "$work/train" >/dev/null 2>&1
env TENET_JAR="$jar" "$root/cli/src/main/dist/bin/tenet" check "$work/train" --no-cache --fail-on never >/dev/null   # trains tenet's archive
interleaved() {
  local names=("parse-only (javaparser floor)" "tenet check as installed (bin/tenet)"
               "parse-only, tenet's flags (C1, archive)" "tenet check, JVM defaults (java -jar)")
  local commands=(
    "java ${java_opts[*]} -cp $jar:$work/parse-only.jar ParseOnly $corpus"
    "env TENET_JAR=$jar $root/cli/src/main/dist/bin/tenet check $corpus --no-cache --format json --fail-on never"
    "java ${java_opts[*]} ${launcher_flags[*]} -XX:SharedArchiveFile=$work/parse-only.jsa -cp $jar:$work/parse-only.jar ParseOnly $corpus"
    "java ${java_opts[*]} -jar $jar check $corpus --no-cache --format json --fail-on never")
  local -A times=()
  for _ in $(seq "$runs"); do
    for i in "${!commands[@]}"; do
      /usr/bin/time -o "$work/time.txt" -f "%e" ${commands[$i]} >/dev/null 2>"$work/stderr.txt" || true
      times[$i]="${times[$i]:-} $(tail -n 1 "$work/time.txt")"
    done
  done
  local medians=()
  for i in "${!commands[@]}"; do
    medians[$i]=$(printf '%s\n' ${times[$i]} | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    printf '%-48s %8s s   (runs:%s)\n' "${names[$i]}" "${medians[$i]}" "${times[$i]}"
  done
  awk -v a="${medians[1]}" -v b="${medians[0]}" -v c="${medians[3]}" -v d="${medians[2]}" 'BEGIN {
    printf "tenet check / floor: %.2fx as installed vs the default-flag floor; %.2fx under default flags; %.2fx under the launcher flags for both\n", a / b, c / b, a / d }'
  echo
}
interleaved
[ -n "${INTERLEAVED_ONLY:-}" ] && { echo "load at the end: $(uptime_load)"; exit 0; }
measure "parse-only (javaparser floor)" java "${java_opts[@]}" -cp "$jar:$work/classes" ParseOnly "$corpus"
measure "parse-only, javaparser validators on (ref.)" java "${java_opts[@]}" -cp "$jar:$work/classes" ParseOnly "$corpus" --validating
measure "tenet check, all checks, no cache" java "${java_opts[@]}" -jar "$jar" check "$corpus" --no-cache --format json --fail-on never
measure "tenet check, all checks, no cache, -Xmx1g" java "${java_opts[@]}" -Xmx1g -jar "$jar" check "$corpus" --no-cache --format json --fail-on never
rm -rf "$cache"
java "${java_opts[@]}" -jar "$jar" check "$corpus" --cache-dir "$cache" --format json --fail-on never >/dev/null
victim=$(find "$corpus" -name "*.java" | sort | sed -n 1p)
cp "$victim" "$work/victim.bak"
measure "tenet check, warm cache, one file changed" bash -c \
  'echo "// edited $RANDOM$RANDOM" >> "$0"; exec java -Xlog:disable -jar "$1" check "$2" --cache-dir "$3" --format json --fail-on never' \
  "$victim" "$jar" "$corpus" "$cache"
cp "$work/victim.bak" "$victim"
measure "tenet --version (JVM start, for reference)" java "${java_opts[@]}" -jar "$jar" --version
measure "pmd 7.27.0, 15 rules" java "${java_opts[@]}" -cp "$(cat "$work/pmd.classpath")" net.sourceforge.pmd.cli.PmdCli check \
  --no-cache --no-progress -R bench/pmd/ruleset-15.xml -d "$corpus" -f text --no-fail-on-violation --no-fail-on-error
echo
echo "load at the end: $(uptime_load)"
