#!/usr/bin/env bash
# Refreshes review-bot/src/test/resources/github-openapi/api.github.com.subset.json from the npm package @octokit/openapi.
set -euo pipefail
version="${1:-23.0.2}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@octokit/openapi@$version" >/dev/null && tar xzf octokit-openapi-*.tgz)
python3 "$here/extract.py" "$work/package/generated/api.github.com.json" \
  "$here/../resources/github-openapi/api.github.com.subset.json" "$version"
