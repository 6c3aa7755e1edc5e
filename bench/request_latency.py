"""Latency of POST /v1/timeline on a warm server, one request at a time (one worker).

Usage: .venv/bin/python bench/request_latency.py [--requests N] [--file ARTICLE]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from _common import (
    CHECKOUT,
    JSON_HEADERS,
    Server,
    machine_note,
    median,
    percentile,
    request,
    table,
    timeline_body,
)

DEFAULT_ARTICLE = CHECKOUT / "tests" / "fixtures" / "mattis_copenhagen.txt"


def main() -> None:
    """Start one worker, warm it, time the same request repeatedly, print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--file", type=Path, default=DEFAULT_ARTICLE)
    args = parser.parse_args()

    body = timeline_body(args.file.read_text(encoding="utf-8"))
    latencies = []
    with Server(workers=1) as server:
        for i in range(args.warmup + args.requests):
            started = time.perf_counter()
            status, _ = request(
                "127.0.0.1", server.port, "POST", "/v1/timeline", body, JSON_HEADERS
            )
            assert status == 200, status
            if i >= args.warmup:
                latencies.append((time.perf_counter() - started) * 1000)
    print(f"POST /v1/timeline with {args.file.name} ({len(body)} bytes), {args.requests} requests")
    print(
        table(
            ["median ms", "p95 ms", "min ms", "max ms"],
            [[median(latencies), percentile(latencies, 95), min(latencies), max(latencies)]],
        )
    )
    print(machine_note())


if __name__ == "__main__":
    main()
