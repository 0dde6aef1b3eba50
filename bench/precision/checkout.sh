#!/usr/bin/env bash
# Makes a work tree of every codebase in corpus.tsv at its pinned commit, under
# ${CORPUS_DIR:-/work/corpus}/owner+name, from the bare mirror ${MIRROR_DIR:-/work/.mirror}/owner+name/repo.
# A tree already at the pinned commit is left alone.
#
#   bench/precision/checkout.sh              # every codebase
#   bench/precision/checkout.sh owner/name   # only the ones named
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
corpus_dir="${CORPUS_DIR:-/work/corpus}"
mirror_dir="${MIRROR_DIR:-/work/.mirror}"
mkdir -p "$corpus_dir"
missing=0
while IFS=$'\t' read -r repo commit subdir note; do
  [[ -z "$repo" || "$repo" == \#* || "$repo" == repo ]] && continue
  if [[ $# -gt 0 ]]; then
    wanted=0
    for a in "$@"; do [[ "$a" == "$repo" ]] && wanted=1; done
    [[ $wanted == 1 ]] || continue
  fi
  name="${repo/\//+}"
  git_dir="$mirror_dir/$name/repo"
  [[ -d "$git_dir" ]] || git_dir="$mirror_dir/$name"
  tree="$corpus_dir/$name"
  if [[ -f "$tree/.bench-commit" && "$(cat "$tree/.bench-commit")" == "$commit" ]]; then
    echo "ok       $repo @ ${commit:0:12} (already checked out)"
    continue
  fi
  if ! git --git-dir="$git_dir" cat-file -e "$commit^{commit}" 2>/dev/null; then
    echo "MISSING  $repo @ ${commit:0:12}: no mirror with that commit at $mirror_dir/$name" >&2
    echo "         bring a bare clone there first (git clone --bare <URL of $repo> $mirror_dir/$name/repo)," >&2
    echo "         or point MIRROR_DIR at a folder of such clones; then run this script again." >&2
    missing=$((missing + 1))
    continue
  fi
  rm -rf "$tree.tmp"
  mkdir -p "$tree.tmp"
  # Mirrors may lack large blobs (models, archives); check out every file whose content is present.
  # A private index file keeps the mirror itself untouched.
  tmp="$(mktemp -d)"; index="$tmp/index"
  git --git-dir="$git_dir" ls-tree -r -z "$commit" |
    python3 -c '
import subprocess, sys
git_dir = sys.argv[1]
entries = [r.split("\t", 1) for r in sys.stdin.buffer.read().decode("utf-8", "surrogateescape").split("\0") if r]
rows = [(meta.split()[2], path) for meta, path in entries if meta.split()[1] == "blob"]
check = subprocess.run(["git", "--git-dir=" + git_dir, "cat-file", "--batch-check"],
                       input="".join(o + "\n" for o, _ in rows).encode(), capture_output=True, check=True)
present = [p for (o, p), line in zip(rows, check.stdout.decode().splitlines()) if not line.endswith("missing")]
sys.stdout.buffer.write("".join(p + "\0" for p in present).encode("utf-8", "surrogateescape"))
skipped = len(rows) - len(present)
if skipped:
    print(f"         ({skipped} file(s) absent from the mirror, skipped)", file=sys.stderr)
' "$git_dir" > "$index.paths"
  GIT_INDEX_FILE="$index" git --git-dir="$git_dir" --work-tree="$tree.tmp" \
    checkout -q -f "$commit" --pathspec-from-file="$index.paths" --pathspec-file-nul
  rm -rf "$tmp"
  echo "$commit" > "$tree.tmp/.bench-commit"
  rm -rf "$tree"
  mv "$tree.tmp" "$tree"
  echo "checked  $repo @ ${commit:0:12} -> $tree"
done < "$here/corpus.tsv"
if [[ $missing -gt 0 ]]; then
  echo "$missing codebase(s) missing; see above" >&2
  exit 1
fi
