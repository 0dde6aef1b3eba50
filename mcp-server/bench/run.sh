#!/usr/bin/env bash
# Prints the MCP server's figures: start-up to the initialize response (median of cold runs) and p50/p99
# latency of search_rules and check_code on a 1,000-line file, for the plain `java -jar tenet.jar mcp`
# and for ./tenet-mcp's configuration (class-data-sharing archive + C1 only). Needs python3.
# Usage: mcp-server/bench/run.sh [RUNS] [CALLS]   (defaults 21 and 200)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-21}"
calls="${2:-200}"
jar="$root/cli/target/tenet.jar"
archive="$root/cli/target/tenet-mcp.jsa"

"$root/tenet-mcp" < /dev/null   # builds the jar and the archive when missing or stale, then exits at once
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo
echo "## java -jar tenet.jar mcp (no archive, default JIT)"
python3 "$here/mcp_bench.py" --runs "$runs" --calls "$calls" -- java -Xlog:disable -Xlog:all=warning:stderr -jar "$jar" mcp
echo
echo "## ./tenet-mcp (AppCDS archive, -XX:TieredStopAtLevel=1, SerialGC)"
python3 "$here/mcp_bench.py" --runs "$runs" --calls "$calls" -- java -Xlog:disable -Xlog:all=warning:stderr \
  -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:SharedArchiveFile="$archive" -jar "$jar" mcp
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
