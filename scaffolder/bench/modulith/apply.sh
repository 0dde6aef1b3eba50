#!/usr/bin/env bash
# Turns a freshly generated service (tenet new) into its Spring Modulith variant: the outbox port's adapter publishes
# application events in the caller's transaction, Modulith's JDBC event publication registry (BOM 2.0.3) records them
# and externalizes them to Kafka after the commit. The listener, the use cases, the transaction and every setting of
# the broker and the database stay as generated. Only the port interface, the published event and the service's
# configuration are read: which beans the variant replaces is worked out from the sources (the classes of the port
# adapter's package that no code outside it uses), not named here.
# Usage: scaffolder/bench/modulith/apply.sh SERVICE_DIR [--tests]
#   --tests  also lets the generated tests run against the variant (see patch-tests.sh)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
svc="$(cd "${1:?usage: apply.sh SERVICE_DIR [--tests]}" && pwd)"
main="$svc/src/main/java"

port_file="$(grep -rl --include='*.java' -E '^public interface [A-Za-z]+Outbox' "$main" | grep '/domain/port/' | head -1)"
[ -n "$port_file" ] || { echo "apply.sh: no outbox port (domain/port/*Outbox.java) in $svc" >&2; exit 2; }
port="$(basename "$port_file" .java)"
base="$(sed -n 's/^package \(.*\)\.domain\.port;/\1/p' "$port_file")"
event="$(sed -n "s/^import $base\.domain\.\([A-Za-z]*\);/\1/p" "$port_file" | head -1)"
key="$(awk '/^aggregate:/{a=1;next} a&&/^[^ ]/{a=0} a&&/^  key:/{print $2}' "$svc/.tenet/pipeline.yaml")"
adapter_file="$(grep -rl --include='*.java' "implements $port" "$main" | head -1)"
# the property (with its default) naming the topic the generated adapter writes for
topic_property="$(grep -oE '\$\{pipeline\.topics\.[^}]+' "$adapter_file" | head -1 | cut -c3-)"
adapter_dir="$(dirname "$adapter_file")"
adapter_package="$(sed -n 's/^package \(.*\);/\1/p' "$adapter_file")"

replaced=()
for f in "$adapter_dir"/*.java; do
  grep -qE '^@(Component|Repository|Service)' "$f" || continue
  cls="$(basename "$f" .java)"
  # kept when code outside the adapter's package uses it (the listeners bind traces through one of them)
  if grep -rlw --include='*.java' "$cls" "$main" | grep -qv "^$adapter_dir/"; then
    continue
  fi
  replaced+=("$adapter_package.$cls")
done

target="$main/${base//.//}/adapter/out/modulith"
mkdir -p "$target"
for f in ModulithExternalization GeneratedRelayOff; do
  sed -e "s/@BASE@/$base/g" -e "s/@EVENT@/$event/g" -e "s/@PORT@/$port/g" -e "s/@KEY@/$key/g" \
      -e "s/@TOPIC_PROPERTY@/$topic_property/g" "$here/src/$f.java" > "$target/$f.java"
done
sed -e "s/@BASE@/$base/g" -e "s/@EVENT@/$event/g" -e "s/@PORT@/$port/g" "$here/src/ModulithOutbox.java" > "$target/Modulith$port.java"
cp "$here/src/V100__event_publication.sql" "$svc/src/main/resources/db/migration/"
{
  cat "$here/src/application-modulith.yml"
  echo "modulith:"
  echo "  replaced-beans: $(IFS=,; echo "${replaced[*]}")"
} >> "$svc/src/main/resources/application.yml"

# The BOM and the two modules: the JDBC registry and the Kafka externalization.
python3 - "$svc/pom.xml" <<'PY'
import sys
path = sys.argv[1]
pom = open(path).read()
bom = """  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>org.springframework.modulith</groupId>
        <artifactId>spring-modulith-bom</artifactId>
        <version>2.0.3</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>

  <dependencies>
    <dependency>
      <groupId>org.springframework.modulith</groupId>
      <artifactId>spring-modulith-starter-jdbc</artifactId>
    </dependency>
    <dependency>
      <groupId>org.springframework.modulith</groupId>
      <artifactId>spring-modulith-events-kafka</artifactId>
    </dependency>
"""
if "spring-modulith-bom" not in pom:
    pom = pom.replace("  <dependencies>\n", bom, 1)
open(path, "w").write(pom)
PY

if [ "${2:-}" = "--tests" ]; then
  "$here/patch-tests.sh" "$svc" "${replaced[@]}"
fi
echo "modulith variant applied to $svc: $port -> Modulith$port; replaced beans: ${replaced[*]}"
