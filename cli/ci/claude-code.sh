#!/usr/bin/env bash
# Checks the Claude Code plugin and `tenet init --claude` with the real Claude Code CLI (from npm, pinned, in
# cli/target/claude-code): `claude plugin validate --strict` on the marketplace and the plugin, then, with the
# distribution archive unpacked and bin/tenet linked on the PATH, `claude plugin marketplace add` + `plugin
# install` from this repository, `claude mcp list` (the plugin's MCP server must connect), and `claude mcp get`
# on a repository set up by `tenet init --claude`. Needs the archive: run after `./mvnw -B verify` (.ci/run does).
# No login needed. Usage: cli/ci/claude-code.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
claude_version="2.1.328"
node_dir="$root/cli/target/claude-code"
work="$root/cli/target/claude-code-check"

log() { printf '\n== %s\n' "$*" >&2; }
fail() { printf 'claude-code: FAILED: %s\n' "$*" >&2; exit 1; }
expect() { # NAME TEXT OUTPUT
  case "$3" in
    *"$2"*) ;;
    *) printf '%s\n' "$3" >&2; fail "$1: expected '$2'" ;;
  esac
}

mkdir -p "$node_dir"
if ! grep -q "\"version\": \"$claude_version\"" "$node_dir/node_modules/@anthropic-ai/claude-code/package.json" 2>/dev/null; then
  log "installing @anthropic-ai/claude-code@$claude_version"
  # npm 11 may exit non-zero only because the package's postinstall is not in its allowScripts; the CLI runs
  # without it, so the installed package.json decides.
  (cd "$node_dir" && npm install --no-audit --no-fund --no-save --prefix . "@anthropic-ai/claude-code@$claude_version" >&2) || true
  grep -q "\"version\": \"$claude_version\"" "$node_dir/node_modules/@anthropic-ai/claude-code/package.json" 2>/dev/null \
    || fail "npm could not install @anthropic-ai/claude-code@$claude_version"
fi
claude="$node_dir/node_modules/.bin/claude"

archive="$(ls "$root"/cli/target/tenet-*.tar.gz 2>/dev/null | head -1)"
[ -n "$archive" ] || fail "no cli/target/tenet-<version>.tar.gz: run ./mvnw -B verify first"
rm -rf "$work" && mkdir -p "$work/home" "$work/path" "$work/repo/src/main/java/com/acme/domain"
tar xzf "$archive" -C "$work"
ln -s "$(ls -d "$work"/tenet-*/)bin/tenet" "$work/path/tenet"
export HOME="$work/home" PATH="$work/path:$PATH" TENET_CACHE_DIR="$work/cache"

log "claude plugin validate --strict (marketplace, plugin)"
"$claude" plugin validate --strict "$root" >&2 || fail "the marketplace does not validate"
"$claude" plugin validate --strict "$root/plugins/tenet" >&2 || fail "the plugin does not validate"

log "claude plugin marketplace add + install, from this repository"
"$claude" plugin marketplace add "$root" >&2 || fail "marketplace add"
"$claude" plugin install tenet@tenet >&2 || fail "plugin install"
listed="$("$claude" plugin list 2>&1)"
expect "plugin list" "tenet@tenet" "$listed"
expect "plugin list" "enabled" "$listed"

log "tenet init --claude, then claude mcp list / get in that repository"
printf 'package com.acme.domain;\n\npublic record Ledger(String id) {\n}\n' > "$work/repo/src/main/java/com/acme/domain/Ledger.java"
(cd "$work/repo" && tenet init --claude >&2) || fail "tenet init --claude"
servers="$(cd "$work/repo" && "$claude" mcp list 2>&1)"
expect "mcp list (the plugin's server, started through bin/tenet on the PATH)" "plugin:tenet:tenet: " "$servers"
expect "mcp list" "Connected" "$servers"
project="$(cd "$work/repo" && "$claude" mcp get tenet 2>&1)"
expect "mcp get tenet (the project's .mcp.json)" "Scope: Project config" "$project"
expect "mcp get tenet" "Command: tenet" "$project"
expect "mcp get tenet" "Args: mcp" "$project"
printf '%s\n%s\n' "$servers" "$project" >&2
log "claude-code: OK"
