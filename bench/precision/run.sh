#!/usr/bin/env bash
# Real-code precision benchmark: checks every codebase of corpus.tsv with the tenet jar of this
# checkout and scores the findings against labels.tsv (per rule: precision and recall).
#
#   bench/precision/run.sh                      # whole corpus
#   bench/precision/run.sh --half first         # only the rows whose note starts with "first half"
#   bench/precision/run.sh owner/name ...       # only these codebases
#   bench/precision/run.sh --with-init          # each codebase with the .tenet/config.yml 'tenet init' proposes
#   SCORE_ARGS="--no-unlabelled" bench/precision/run.sh
#
# Work trees come from bench/precision/checkout.sh (${CORPUS_DIR:-/work/corpus}); the JSON reports
# go to ${RESULTS_DIR:-bench/work/precision}/owner+name.json and are kept for score.py.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
corpus_dir="${CORPUS_DIR:-/work/corpus}"
results="${RESULTS_DIR:-$root/bench/work/precision}"
jar="$root/cli/target/tenet.jar"

half=""
with_init=""
repos=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --half) half="$2"; shift 2 ;;
    --with-init) with_init=1; shift ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) repos+=("$1"); shift ;;
  esac
done

# pick the corpus rows
selected=()
while IFS=$'\t' read -r repo commit subdir note; do
  [[ -z "$repo" || "$repo" == \#* || "$repo" == repo ]] && continue
  if [[ ${#repos[@]} -gt 0 ]]; then
    keep=0; for r in "${repos[@]}"; do [[ "$r" == "$repo" ]] && keep=1; done
    [[ $keep == 1 ]] || continue
  elif [[ -n "$half" && "$note" != "$half half"* ]]; then
    continue
  fi
  selected+=("$repo"$'\t'"$commit"$'\t'"$subdir")
done < "$here/corpus.tsv"
[[ ${#selected[@]} -gt 0 ]] || { echo "no corpus row selected" >&2; exit 2; }

names=()
for row in "${selected[@]}"; do names+=("${row%%$'\t'*}"); done
"$here/checkout.sh" "${names[@]}" >&2

# build the jar once when it is missing or older than a source or pom (never mvn install)
if [[ ! -f "$jar" || -n "$(find "$root/pom.xml" "$root"/*/pom.xml "$root"/*/src/main -newer "$jar" -print -quit 2>/dev/null)" ]]; then
  echo "building cli/target/tenet.jar..." >&2
  (cd "$root" && ./mvnw -B -o -q -pl cli -am package -DskipTests) >&2 || {
    echo "the offline build failed; if dependencies are missing from ~/.m2, run once without -o:" >&2
    echo "  (cd $root && ./mvnw -B -q -pl cli -am package -DskipTests)" >&2
    exit 3
  }
fi

mkdir -p "$results"
for row in "${selected[@]}"; do
  IFS=$'\t' read -r repo commit subdir <<<"$row"
  name="${repo/\//+}"
  tree="$corpus_dir/$name"
  [[ "$subdir" != "." ]] && tree="$tree/$subdir"
  echo "checking $repo ($subdir)..." >&2
  if [[ -n "$with_init" ]]; then
    # What a new user gets after 'tenet init': the proposed .tenet/config.yml, accepted as it is, in a copy of the tree.
    copy="$(mktemp -d)"
    cp -r "$tree/." "$copy/"
    java -Xlog:disable -jar "$jar" init "$copy" >&2 || true
    tree="$copy"
  fi
  java -Xlog:disable -jar "$jar" check "$tree" --format json --no-baseline --no-cache --fail-on never \
    > "$results/$name.json.tmp"
  mv "$results/$name.json.tmp" "$results/$name.json"
  [[ -n "$with_init" ]] && rm -rf "$copy"
done

python3 "$here/score.py" --results "$results" ${SCORE_ARGS:-} "${names[@]}"
