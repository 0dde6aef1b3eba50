#!/usr/bin/env bash
# Drives Tenet's MCP server with clients nobody here wrote: the MCP Inspector CLI against `tenet mcp`
# (stdio) and against `tenet serve` (Streamable HTTP at /mcp), and the MCP conformance suite against
# `tenet serve`. Installs what it needs from npm into mcp-server/target/node. Exits non-zero on the
# first failure. Called by .ci/run; runnable on its own: mcp-server/ci/external-clients.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
node_dir="$root/mcp-server/target/node"
work="$root/mcp-server/target/external-clients"
inspector_version="2.12.0"
conformance_version="0.1.16"

log() { printf '\n== %s\n' "$*" >&2; }
fail() { printf 'external-clients: FAILED: %s\n' "$*" >&2; exit 1; }

# --- tools from npm, pinned, in a folder of our own ---------------------------------------------
mkdir -p "$node_dir"
if [ ! -x "$node_dir/node_modules/.bin/inspector" ] || [ ! -x "$node_dir/node_modules/.bin/conformance" ] \
    || [ ! -x "$node_dir/node_modules/node/bin/node" ] \
    || ! grep -q "\"version\": \"$inspector_version\"" "$node_dir/node_modules/@modelcontextprotocol/inspector/package.json" 2>/dev/null; then
  log "installing @modelcontextprotocol/inspector@$inspector_version, @modelcontextprotocol/conformance@$conformance_version, node@22"
  (cd "$node_dir" && npm install --no-audit --no-fund --no-save --prefix . \
      "@modelcontextprotocol/inspector@$inspector_version" "@modelcontextprotocol/conformance@$conformance_version" node@22 >&2)
fi
inspector="$node_dir/node_modules/.bin/inspector"
conformance="$node_dir/node_modules/.bin/conformance"
node22_bin="$node_dir/node_modules/node/bin"
export MCP_CATALOG_PATH="$node_dir/inspector-catalog.json"   # the Inspector's catalog stays in our folder

# --- the tenet jar and a workspace with one known finding ----------------------------------------
"$root/tenet" --version >/dev/null || fail "cannot build the tenet jar"
jar="$root/cli/target/tenet.jar"
rm -rf "$work" && mkdir -p "$work/ws/src/main/java/com/acme/domain" "$work/cache"
cat > "$work/ws/src/main/java/com/acme/domain/Ledger.java" <<'JAVA'
package com.acme.domain;

import org.springframework.stereotype.Component;

@Component
public class Ledger {
}
JAVA
export TENET_CACHE_DIR="$work/cache"
# The launcher an assistant is told to register; its class-data archive is made now, not inside the first client call.
"$root/tenet-mcp" < /dev/null > /dev/null || fail "tenet-mcp could not start"
tenet_mcp=("$root/tenet" mcp --workspace "$work/ws")

# expect NAME OUTPUT-FILE TEXT...: every TEXT must appear in the output
expect() {
  local name="$1" file="$2"; shift 2
  for text in "$@"; do
    grep -qF -- "$text" "$file" || { cat "$file" >&2; fail "$name: output lacks '$text'"; }
  done
  printf 'ok   %s\n' "$name"
}

# inspect NAME TARGET... -- INSPECTOR-ARGS... ; output in $work/NAME.json
inspect() {
  local name="$1"; shift
  local target=()
  while [ "$1" != "--" ]; do target+=("$1"); shift; done; shift
  timeout 120 "$inspector" --cli "${target[@]}" "$@" > "$work/$name.json" 2> "$work/$name.err" \
    || { cat "$work/$name.err" >&2; fail "$name: the Inspector exited non-zero"; }
}

# inspect_tool_error NAME TARGET... -- INSPECTOR-ARGS...: the call must end as a tool error (isError), which the
# Inspector reports with its own non-zero exit and code tool_is_error
inspect_tool_error() {
  local name="$1"; shift
  local target=()
  while [ "$1" != "--" ]; do target+=("$1"); shift; done; shift
  if timeout 120 "$inspector" --cli "${target[@]}" "$@" > "$work/$name.json" 2> "$work/$name.err"; then
    fail "$name: expected a tool error, the call succeeded"
  fi
  grep -qF '"tool_is_error"' "$work/$name.err" || { cat "$work/$name.err" >&2; fail "$name: the Inspector failed for another reason"; }
}

exercise() {
  local via="$1"; shift
  local target=("$@")
  inspect "$via-tools-list" "${target[@]}" -- --method tools/list --strict
  expect "$via tools/list" "$work/$via-tools-list.json" '"search_rules"' '"check_code"' '"review_changes"' '"scaffold"' '"outputSchema"'
  inspect "$via-search" "${target[@]}" -- --method tools/call --tool-name search_rules --tool-arg 'query=outbox kafka transaction' limit=3
  expect "$via tools/call search_rules" "$work/$via-search.json" '"id": "pipeline.outbox-dual-write"' '"isError": false'
  inspect "$via-check" "${target[@]}" -- --method tools/call --tool-name check_code --tool-arg path=src/main/java/com/acme/domain/Ledger.java
  expect "$via tools/call check_code" "$work/$via-check.json" '"ruleId": "layering.domain-no-framework"' '"startLine": 3'
  inspect_tool_error "$via-check-outside" "${target[@]}" -- --method tools/call --tool-name check_code --tool-arg path=../../etc/passwd
  expect "$via tools/call check_code outside the workspace" "$work/$via-check-outside.json" '"isError": true' 'leaves the workspace'
  inspect "$via-scaffold" "${target[@]}" -- --method tools/call --tool-name scaffold \
    --tool-arg "spec=$(cat "$root/samples/learning-progress.yaml")"
  expect "$via tools/call scaffold (plan)" "$work/$via-scaffold.json" '"service": "learning-progress"' '"written": false' \
    '"path": ".tenet/pipeline.yaml"' '"action": "create"'
  [ ! -e "$work/ws/learning-progress" ] || fail "$via scaffold: plan mode wrote into the workspace"
  inspect "$via-resources" "${target[@]}" -- --method resources/list
  expect "$via resources/list" "$work/$via-resources.json" 'tenet://rules' 'tenet://config' 'tenet://templates'
  inspect "$via-templates" "${target[@]}" -- --method resources/templates/list
  expect "$via resources/templates/list" "$work/$via-templates.json" 'tenet://rules/{id}' 'tenet://templates/{name}'
  inspect "$via-read" "${target[@]}" -- --method resources/read --uri tenet://rules/pipeline.outbox-dual-write
  expect "$via resources/read" "$work/$via-read.json" '## How to fix'
  inspect "$via-config" "${target[@]}" -- --method resources/read --uri tenet://config
  expect "$via resources/read config" "$work/$via-config.json" 'defaults (no .tenet/config.yml)'
  inspect "$via-prompts" "${target[@]}" -- --method prompts/list
  expect "$via prompts/list" "$work/$via-prompts.json" 'tech-spec' 'add-kafka-consumer' 'review-my-change' 'explain-rule'
  inspect "$via-prompt" "${target[@]}" -- --method prompts/get --prompt-name explain-rule --prompt-args id=pipeline.outbox-dual-write
  expect "$via prompts/get" "$work/$via-prompt.json" 'pipeline.outbox-dual-write' '"role": "user"'
}

log "MCP Inspector CLI $inspector_version against 'tenet mcp' (stdio)"
exercise stdio "${tenet_mcp[@]}"

# --- tenet serve --------------------------------------------------------------------------------
log "starting 'tenet serve --port 0'"
java -Xlog:disable -Xlog:all=warning:stderr -cp "$jar:$(dirname "$jar")/tenet-serve.jar" dev.tenet.cli.TenetCommand serve --port 0 --workspace "$work/ws" > "$work/serve.out" 2> "$work/serve.err" &
serve_pid=$!
trap 'kill "$serve_pid" 2>/dev/null || true' EXIT
port=""
for _ in $(seq 1 150); do
  port="$(sed -n 's#.*serving MCP at http://127\.0\.0\.1:\([0-9]*\)/mcp.*#\1#p' "$work/serve.err")"
  [ -n "$port" ] && break
  kill -0 "$serve_pid" 2>/dev/null || { cat "$work/serve.err" >&2; fail "tenet serve exited"; }
  sleep 0.2
done
[ -n "$port" ] || fail "tenet serve did not report its port within 30 s"
url="http://127.0.0.1:$port/mcp"

log "MCP Inspector CLI $inspector_version against 'tenet serve' ($url)"
exercise http "$url" --transport http

log "MCP conformance suite $conformance_version against $url"
(cd "$work" && PATH="$node22_bin:$PATH" timeout 600 "$conformance" server --url "$url" \
    --expected-failures "$here/conformance-expected-failures.yml") > "$work/conformance.txt" 2>&1 \
  || { cat "$work/conformance.txt" >&2; fail "conformance: unexpected failures or stale expected failures"; }
sed -n '/=== SUMMARY ===/,$p' "$work/conformance.txt"
printf 'ok   conformance (only the scenarios needing the suite'"'"'s fixtures fail, as listed)\n'

printf '\nexternal-clients: all passed\n'
