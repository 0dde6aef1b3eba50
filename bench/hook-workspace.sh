#!/usr/bin/env bash
# Builds a synthetic ~2,000-file Spring workspace (27 copies: 2,025 files) for the hook benchmark: one Maven module holding 25 copies of the
# two sample services (samples/legacy-learning-service and samples/learning-progress), each copy in packages of its
# own (com.acme.s7.learning..., com.example.s7.learning...), with the legacy sample's .tenet/config.yml and its layers.
#   bench/hook-workspace.sh DIR [COPIES]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
target="$1"
copies="${2:-27}"
rm -rf "$target"
mkdir -p "$target/src/main/java" "$target/.tenet"
cp samples/learning-progress/pom.xml "$target/pom.xml"
cp samples/legacy-learning-service/.tenet/config.yml "$target/.tenet/config.yml"
cat >> "$target/.tenet/config.yml" <<'YAML'
layers:
  domain: com.*.*.learning.domain..
  application: com.*.*.learning.application..
  adapter: com.*.*.learning.adapter..
YAML
for i in $(seq 1 "$copies"); do
  for pair in "samples/legacy-learning-service/src/main/java/com/acme/learning:com/acme/s$i/learning" \
              "samples/learning-progress/src/main/java/com/example/learning:com/example/s$i/learning"; do
    from="${pair%%:*}"
    to="$target/src/main/java/${pair#*:}"
    mkdir -p "$to"
    cp -r "$from/." "$to/"
  done
  find "$target/src/main/java/com/acme/s$i" "$target/src/main/java/com/example/s$i" -name '*.java' -exec sed -i \
    -e "s/com\.acme\.learning/com.acme.s$i.learning/g" -e "s/com\.example\.learning/com.example.s$i.learning/g" {} +
done
echo "$(find "$target" -name '*.java' | wc -l) Java files in $target"
