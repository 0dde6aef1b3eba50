#!/usr/bin/env bash
# Lets the generated tests run against the Modulith variant (called by apply.sh --tests): a test field of a bean the
# variant removed becomes optional (null there), and a call that drives such a bean (the tests drain the relay
# themselves) is skipped when it is null: the registry publishes after every commit on its own. Tests that read the
# outbox table or build a relay of their own still fail on the variant: they test the generated outbox's internals.
# Usage: patch-tests.sh SERVICE_DIR FULLY.QUALIFIED.ReplacedClass...
set -euo pipefail
tests="$1/src/test/java"
shift
fields=()
for fqcn in "$@"; do
  cls="${fqcn##*.}"
  for f in $(grep -rl --include='*.java' -E "^\s+(protected |private )?$cls \w+;" "$tests" || true); do
    fields+=($(perl -0ne 'while (/\@Autowired\s*\n\s+(?:protected |private )?'"$cls"' (\w+);/g) { print "$1\n"; }' "$f"))
    perl -0pi -e 's/\@Autowired(\s*\n\s+(?:protected |private )?'"$cls"' \w+;)/\@Autowired(required = false)$1/g' "$f"
  done
done
for name in "${fields[@]}"; do
  for f in $(grep -rlE --include='*.java' "^\s+$name\.\w+\(\);$" "$tests" || true); do
    perl -pi -e 's/^(\s+)'"$name"'\.(\w+)\(\);$/$1if ('"$name"' != null) {\n$1    '"$name"'.$2();\n$1}/' "$f"
  done
done
