#!/usr/bin/env python3
"""Extracts the GitHub REST operations Tenet calls from @octokit/openapi into a small committed subset.

Usage (from the repository root):
    review-bot/src/test/openapi/update.sh [VERSION]

Keeps, per operation, the JSON request body schema and the 2xx JSON response schemas, plus every
component schema they reference (transitively); drops what validation does not need (examples,
parameters, error responses).
"""
import json
import sys

# Every operation FakeGitHub serves or Tenet requests: (method, path template).
OPERATIONS = [
    ("get", "/user"),
    ("get", "/app"),
    ("get", "/repos/{owner}/{repo}/installation"),
    ("post", "/app/installations/{installation_id}/access_tokens"),
    ("get", "/repos/{owner}/{repo}"),
    ("get", "/repos/{owner}/{repo}/contents/{path}"),
    ("get", "/repos/{owner}/{repo}/pulls/{pull_number}"),
    ("get", "/repos/{owner}/{repo}/pulls/{pull_number}/files"),
    ("get", "/repos/{owner}/{repo}/pulls/{pull_number}/comments"),
    ("get", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews"),
    ("post", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews"),
    ("delete", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"),
    ("put", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/dismissals"),
    ("get", "/repos/{owner}/{repo}/pulls/comments/{comment_id}"),
    ("patch", "/repos/{owner}/{repo}/pulls/comments/{comment_id}"),
    ("delete", "/repos/{owner}/{repo}/pulls/comments/{comment_id}"),
    ("get", "/repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions"),
    ("get", "/repos/{owner}/{repo}/issues/{issue_number}/comments"),
    ("post", "/repos/{owner}/{repo}/issues/{issue_number}/comments"),
    ("patch", "/repos/{owner}/{repo}/issues/comments/{comment_id}"),
    ("post", "/repos/{owner}/{repo}/check-runs"),
    ("get", "/repos/{owner}/{repo}/check-runs/{check_run_id}"),
    ("patch", "/repos/{owner}/{repo}/check-runs/{check_run_id}"),
    ("get", "/repos/{owner}/{repo}/commits/{ref}/check-runs"),
    ("post", "/repos/{owner}/{repo}/statuses/{sha}"),
]

DROPPED_KEYS = {"examples", "example"}


def strip(node):
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k not in DROPPED_KEYS}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def refs(node, found):
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            found.add(ref)
        for value in node.values():
            refs(value, found)
    elif isinstance(node, list):
        for value in node:
            refs(value, found)


def main(source, target, package_version):
    with open(source, encoding="utf-8") as f:
        spec = json.load(f)
    paths = {}
    for method, path in OPERATIONS:
        operation = spec["paths"][path][method]
        kept = {"operationId": operation["operationId"], "responses": {}}
        body = operation.get("requestBody", {}).get("content", {}).get("application/json")
        if body:
            kept["requestBody"] = {"content": {"application/json": {"schema": strip(body["schema"])}}}
        for status, response in operation["responses"].items():
            if status.startswith("2"):
                if "$ref" in response:
                    response = spec["components"]["responses"][response["$ref"].split("/")[-1]]
                content = response.get("content", {}).get("application/json")
                kept["responses"][status] = {"description": "Response"} if not content else {
                    "description": "Response", "content": {"application/json": {"schema": strip(content["schema"])}}}
        paths.setdefault(path, {})[method] = kept
    schemas = {}
    pending = set()
    refs(paths, pending)
    while pending:
        ref = pending.pop()
        prefix = "#/components/schemas/"
        if not ref.startswith(prefix):
            sys.exit("unexpected $ref outside components/schemas: " + ref)
        name = ref[len(prefix):]
        if name in schemas:
            continue
        schemas[name] = strip(spec["components"]["schemas"][name])
        refs(schemas[name], pending)
    subset = {
        "openapi": spec["openapi"],
        "info": {"title": "GitHub REST API (subset Tenet calls)", "version": spec["info"]["version"],
                 "x-source": "npm @octokit/openapi@" + package_version + " generated/api.github.com.json"},
        "paths": paths,
        "components": {"schemas": dict(sorted(schemas.items()))},
    }
    with open(target, "w", encoding="utf-8") as f:
        json.dump(subset, f, indent=1, sort_keys=False)
        f.write("\n")
    print(f"{len(OPERATIONS)} operations, {len(schemas)} schemas -> {target}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
