#!/usr/bin/env python3
"""Scores tenet findings on the real-code corpus against hand-made labels.

    python3 bench/precision/score.py --results bench/work/precision [owner/name ...]

Reads corpus.tsv (repo, commit, subdir, note) and labels.tsv (repo, commit, file, startLine, endLine,
rule, verdict, reason) next to this script, and one `tenet check --format json` report per codebase
(RESULTS/owner+name.json). File paths in labels are relative to the repository root.

A finding matches a label row when repo, file and rule are equal and the finding's start line lies in
the row's line range; when several rows match, the narrowest range wins. A finding matching a
`violation` row is a true positive, one matching a `noise` row a false positive, any other is
unlabelled. Recall is the share of `violation` rows matched by at least one finding.

Prints a Markdown table per rule, totals, the unlabelled findings (to label them) and the violations
no finding matched. Standard library only.
"""
import argparse
import collections
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
VERDICTS = ("violation", "noise")


def read_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            rows.append((number, line.split("\t")))
    return rows


def load_corpus(path):
    corpus = {}
    for number, cols in read_tsv(path):
        if cols[0] == "repo":
            continue
        if len(cols) < 3:
            sys.exit(f"{path}:{number}: expected repo, commit, subdir, note")
        corpus[cols[0]] = {"commit": cols[1], "subdir": cols[2], "order": len(corpus)}
    return corpus


def load_labels(path, corpus):
    labels, problems = [], []
    if not os.path.exists(path):
        return labels, problems
    for number, cols in read_tsv(path):
        if cols[0] == "repo":
            continue
        where = f"{os.path.basename(path)}:{number}"
        if len(cols) != 8:
            problems.append(f"{where}: {len(cols)} columns, expected 8 (tab-separated)")
            continue
        repo, commit, file, start, end, rule, verdict, reason = cols
        if verdict not in VERDICTS:
            problems.append(f"{where}: verdict '{verdict}' is not one of {', '.join(VERDICTS)}")
            continue
        try:
            start, end = int(start), int(end)
        except ValueError:
            problems.append(f"{where}: startLine and endLine must be numbers")
            continue
        if end < start:
            problems.append(f"{where}: endLine {end} is before startLine {start}")
            continue
        if not reason.strip():
            problems.append(f"{where}: no reason given")
        if repo not in corpus:
            problems.append(f"{where}: {repo} is not in corpus.tsv")
            continue
        if commit != corpus[repo]["commit"]:
            problems.append(f"{where}: commit {commit[:12]} is not the pinned {corpus[repo]['commit'][:12]}; row ignored")
            continue
        labels.append({"repo": repo, "file": file, "start": start, "end": end, "rule": rule,
                       "verdict": verdict, "reason": reason, "line": number, "hits": 0})
    return labels, problems


def load_findings(results, repo, subdir):
    path = os.path.join(results, repo.replace("/", "+") + ".json")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    findings = []
    for f in report.get("findings", []):
        file = f["file"] if subdir in (".", "") else os.path.normpath(os.path.join(subdir, f["file"]))
        findings.append({"repo": repo, "file": file, "line": f["startLine"], "rule": f["ruleId"],
                         "severity": f.get("severity", "?"), "message": f.get("message", "")})
    return findings


def ratio(num, den):
    return f"{num / den:.2f}" if den else "–"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--results", default=os.path.join(HERE, "..", "work", "precision"),
                        help="folder of owner+name.json reports")
    parser.add_argument("--corpus", default=os.path.join(HERE, "corpus.tsv"))
    parser.add_argument("--labels", default=os.path.join(HERE, "labels.tsv"))
    parser.add_argument("--no-unlabelled", action="store_true", help="do not list unlabelled findings")
    parser.add_argument("--no-missed", action="store_true", help="do not list violations no finding matched")
    parser.add_argument("--false-positives", metavar="RULE", nargs="?", const="", default=None,
                        help="list the findings labelled noise (of one rule, or of all), with the label's reason")
    parser.add_argument("repos", nargs="*", help="codebases to score (default: every one with a report)")
    args = parser.parse_args()

    corpus = load_corpus(args.corpus)
    labels, problems = load_labels(args.labels, corpus)
    repos = args.repos or [r for r in corpus
                           if os.path.exists(os.path.join(args.results, r.replace("/", "+") + ".json"))]
    for repo in repos:
        if repo not in corpus:
            sys.exit(f"{repo} is not in {args.corpus}")
    repos.sort(key=lambda r: corpus[r]["order"])

    findings = []
    for repo in repos:
        got = load_findings(args.results, repo, corpus[repo]["subdir"])
        if got is None:
            problems.append(f"no report for {repo} in {args.results} (run bench/precision/run.sh)")
            continue
        findings.extend(got)
    labels = [l for l in labels if l["repo"] in repos]

    by_key = collections.defaultdict(list)
    for l in labels:
        by_key[(l["repo"], l["file"], l["rule"])].append(l)

    stats = collections.defaultdict(lambda: collections.Counter())
    severities = collections.defaultdict(set)
    unlabelled = []
    false_positives = []
    for f in findings:
        rule = f["rule"]
        severities[rule].add(f["severity"])
        stats[rule]["findings"] += 1
        matches = [l for l in by_key.get((f["repo"], f["file"], rule), []) if l["start"] <= f["line"] <= l["end"]]
        if not matches:
            stats[rule]["unlabelled"] += 1
            unlabelled.append(f)
            continue
        best = min(matches, key=lambda l: (l["end"] - l["start"], l["line"]))
        best["hits"] += 1
        if best["verdict"] != "violation":
            false_positives.append((f, best))
        stats[rule]["tp" if best["verdict"] == "violation" else "fp"] += 1
    for l in labels:
        if l["verdict"] == "violation":
            stats[l["rule"]]["violations"] += 1
            if l["hits"]:
                stats[l["rule"]]["found"] += 1

    print(f"Codebases: {len(repos)} ({', '.join(repos)})")
    print(f"Findings: {len(findings)}; label rows in scope: {len(labels)}")
    print()
    print("| rule | severity | findings | TP | FP | unlabelled | precision | real violations | found | recall |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    total = collections.Counter()
    for rule in sorted(stats):
        s = stats[rule]
        total.update(s)
        sev = "/".join(sorted(severities[rule])) or "–"
        print(f"| {rule} | {sev} | {s['findings']} | {s['tp']} | {s['fp']} | {s['unlabelled']} | "
              f"{ratio(s['tp'], s['tp'] + s['fp'])} | {s['violations']} | {s['found']} | "
              f"{ratio(s['found'], s['violations'])} |")
    print(f"| **total** | | {total['findings']} | {total['tp']} | {total['fp']} | {total['unlabelled']} | "
          f"{ratio(total['tp'], total['tp'] + total['fp'])} | {total['violations']} | {total['found']} | "
          f"{ratio(total['found'], total['violations'])} |")
    print()
    print("precision = TP / (TP + FP) over labelled findings; recall = violation rows matched by a finding / all violation rows")

    if problems:
        print()
        print("Label problems:")
        for p in problems:
            print(f"  {p}")
    if unlabelled and not args.no_unlabelled:
        print()
        print(f"Unlabelled findings ({len(unlabelled)}):")
        for f in sorted(unlabelled, key=lambda f: (corpus[f["repo"]]["order"], f["file"], f["line"], f["rule"])):
            message = f["message"] if len(f["message"]) <= 200 else f["message"][:197] + "..."
            print(f"  {f['repo']}\t{f['file']}\t{f['line']}\t{f['rule']}\t{message}")
    if args.false_positives is not None:
        chosen = [(f, l) for f, l in false_positives if args.false_positives in ("", f["rule"])]
        print()
        print(f"Findings labelled noise ({len(chosen)}):")
        for f, l in sorted(chosen, key=lambda p: (p[0]["rule"], corpus[p[0]["repo"]]["order"], p[0]["file"], p[0]["line"])):
            print(f"  {f['rule']}\t{f['repo']}\t{f['file']}:{f['line']}\t{l['reason']}")
    missed = [l for l in labels if l["verdict"] == "violation" and not l["hits"]]
    if missed and not args.no_missed:
        print()
        print(f"Violations no finding matched ({len(missed)}):")
        for l in sorted(missed, key=lambda l: (l["rule"], corpus[l["repo"]]["order"], l["file"], l["start"])):
            print(f"  {l['rule']}\t{l['repo']}\t{l['file']}:{l['start']}-{l['end']}\t{l['reason']}")


if __name__ == "__main__":
    main()
