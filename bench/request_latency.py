"""Latency of POST /v1/timeline on a warm server: starts `python -m service`, prints a table.

Usage: .venv/bin/python bench/request_latency.py [--requests N] [--file ARTICLE]
Talks only to 127.0.0.1; stops the server when done.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ARTICLE = ROOT / "tests" / "fixtures" / "mattis_copenhagen.txt"


def wait_ready(base: str, deadline_s: float = 120.0) -> None:
    """Poll /readyz until the server answers or the deadline passes."""
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        try:
            with urllib.request.urlopen(f"{base}/readyz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError("server did not become ready")


def post(base: str, body: bytes) -> float:
    """Send one request; return its latency in milliseconds."""
    request = urllib.request.Request(
        f"{base}/v1/timeline", data=body, headers={"Content-Type": "application/json"}
    )
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as response:
        response.read()
        assert response.status == 200
    return (time.perf_counter() - started) * 1000


def main() -> None:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--port", type=int, default=8791)
    parser.add_argument("--file", type=Path, default=DEFAULT_ARTICLE)
    args = parser.parse_args()

    body = json.dumps({"text": args.file.read_text(encoding="utf-8")}).encode()
    env = {**os.environ, "PORT": str(args.port), "WEB_CONCURRENCY": "1", "LOG_LEVEL": "WARNING"}
    server = subprocess.Popen([sys.executable, "-m", "service"], cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{args.port}"
    try:
        wait_ready(base)
        for _ in range(args.warmup):
            post(base, body)
        latencies = sorted(post(base, body) for _ in range(args.requests))
    finally:
        server.terminate()
        server.wait(timeout=30)
    quantile = statistics.quantiles(latencies, n=100)
    print(f"article: {args.file.name} ({len(body)} bytes), {args.requests} requests, 1 worker")
    print("| median ms | p95 ms | min ms | max ms |")
    print("| --- | --- | --- | --- |")
    print(
        f"| {statistics.median(latencies):.1f} | {quantile[94]:.1f} "
        f"| {latencies[0]:.1f} | {latencies[-1]:.1f} |"
    )


if __name__ == "__main__":
    main()
