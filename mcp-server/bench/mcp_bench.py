#!/usr/bin/env python3
"""Benchmarks `tenet mcp` over stdio: time from process start to the initialize response (median of
cold runs), and p50/p99 round-trip latency of search_rules and of check_code on a 1,000-line file.

usage: mcp_bench.py [--runs N] [--calls N] -- COMMAND...   (COMMAND starts `tenet mcp`)
"""
import argparse, json, os, shutil, statistics, subprocess, sys, tempfile, time

INIT = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}}}

def start(command, workspace, env):
    return subprocess.Popen(command + ["--workspace", workspace], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, env=env, bufsize=0)

def send(proc, message):
    proc.stdin.write((json.dumps(message) + "\n").encode()); proc.stdin.flush()

def receive(proc, wanted_id):
    while True:
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError("the server closed stdout")
        message = json.loads(line)
        if message.get("id") == wanted_id:
            return message

def cold_start(command, workspace, env):
    began = time.perf_counter()
    proc = start(command, workspace, env)
    send(proc, INIT)
    receive(proc, 1)
    elapsed = time.perf_counter() - began
    proc.stdin.close(); proc.wait(timeout=30)
    return elapsed * 1000

def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]

def latencies(command, workspace, env, tool, arguments, calls):
    """Round trips of `calls` tools/call requests on one session; `arguments` is a dict or a function of the call index."""
    proc = start(command, workspace, env)
    send(proc, INIT); receive(proc, 1)
    send(proc, {"jsonrpc": "2.0", "method": "notifications/initialized"})
    times = []
    for i in range(calls):
        began = time.perf_counter()
        send(proc, {"jsonrpc": "2.0", "id": 100 + i, "method": "tools/call", "params": {"name": tool, "arguments": arguments(i) if callable(arguments) else arguments}})
        result = receive(proc, 100 + i)
        times.append((time.perf_counter() - began) * 1000)
        if "error" in result or result["result"].get("isError"):
            raise RuntimeError(f"{tool} failed: {result}")
    proc.stdin.close(); proc.wait(timeout=30)
    return times

def thousand_line_file():
    lines = ["package com.acme.learning.application;", "",
             "import org.springframework.stereotype.Service;", "import org.springframework.transaction.annotation.Transactional;", "",
             "@Service", "public class LargeService {"]
    i = 0
    while len(lines) < 995:
        lines += [f"    @Transactional", f"    public long step{i}(String userId, long minutes) {{",
                  f"        long total = minutes * {i} + userId.length();", f"        if (total > {i * 7}) {{",
                  f"            return total - {i};", "        }", "        return total;", "    }", ""]
        i += 1
    lines.append("}")
    return "\n".join(lines) + "\n"

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = [c for c in args.command if c != "--"]
    workspace = tempfile.mkdtemp(prefix="tenet-bench-")
    cache = tempfile.mkdtemp(prefix="tenet-bench-cache-")
    env = dict(os.environ, TENET_CACHE_DIR=cache)
    try:
        source = thousand_line_file()
        path = os.path.join(workspace, "src/main/java/com/acme/learning/application/LargeService.java")
        os.makedirs(os.path.dirname(path))
        with open(path, "w") as f:
            f.write(source)
        cold_start(command, workspace, env)  # warm the OS file cache once; not counted
        starts = [cold_start(command, workspace, env) for _ in range(args.runs)]
        print(f"start-up to initialize response: median {statistics.median(starts):.0f} ms, "
              f"min {min(starts):.0f} ms, max {max(starts):.0f} ms ({args.runs} cold runs)")
        search = latencies(command, workspace, env, "search_rules", {"query": "kafka consumer idempotent retries dead letter"}, args.calls)
        print(f"search_rules: p50 {percentile(search, 50):.1f} ms, p99 {percentile(search, 99):.1f} ms ({args.calls} calls, one session)")
        relative = "src/main/java/com/acme/learning/application/LargeService.java"
        by_path = latencies(command, workspace, env, "check_code", {"path": relative}, args.calls)
        print(f"check_code path, 1,000-line file ({source.count(chr(10))} lines): p50 {percentile(by_path, 50):.1f} ms, "
              f"p99 {percentile(by_path, 99):.1f} ms ({args.calls} calls, scan cache on)")
        code_calls = min(args.calls, 100)
        # Every call sends a different text (as an assistant's edits do), so the file is parsed anew each time.
        code_times = latencies(command, workspace, env, "check_code",
                               lambda i: {"code": source.replace("step0(", f"step0v{i}("), "filename": relative}, code_calls)
        print(f"check_code code+filename, same file edited: p50 {percentile(code_times, 50):.1f} ms, "
              f"p99 {percentile(code_times, 99):.1f} ms ({code_calls} calls, each a new text)")
    finally:
        shutil.rmtree(workspace, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)

if __name__ == "__main__":
    main()
