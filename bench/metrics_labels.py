"""Requests with made-up methods and paths against the shipped server: does the scrape grow?

Usage: .venv/bin/python bench/metrics_labels.py [--requests 3000] [--workers 2]

Starts ``python -m service`` (the code under TIMELINE_ROOT, so an older checkout can be measured
the same way) with API_KEYS set, scrapes /metrics with the key, sends --requests requests each
with a random method and path, and scrapes again: the series and bytes of the scrape, the seconds
it takes, the size of the metrics folder and the workers' RSS, before and after; and whether
/metrics answers without the key.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import string
import tempfile
import time
from pathlib import Path

from _common import Server, machine_note, request, table

KEY = "bench-key"


def scrape(port: int) -> tuple[int, int, float]:
    """(series, bytes, seconds) of one authorised /metrics scrape."""
    started = time.perf_counter()
    _, body = request(
        "127.0.0.1", port, "GET", "/metrics", headers={"Authorization": f"Bearer {KEY}"}
    )
    seconds = time.perf_counter() - started
    series = sum(1 for line in body.splitlines() if line and not line.startswith(b"#"))
    return series, len(body), seconds


def folder_bytes(folder: Path) -> int:
    """Bytes of the files under ``folder``."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory(prefix="bench-metrics-") as folder:
        env = {"API_KEYS": KEY, "PROMETHEUS_MULTIPROC_DIR": folder}
        with Server(workers=args.workers, env=env) as server:
            rows = [
                (
                    "before",
                    *scrape(server.port),
                    folder_bytes(Path(folder)),
                    sum(server.memory()["worker_rss"]),
                )
            ]
            for _ in range(args.requests):
                method = "".join(rng.choices(string.ascii_uppercase, k=8))
                path = "/" + "".join(rng.choices(string.ascii_lowercase, k=12))
                with contextlib.suppress(OSError):
                    request("127.0.0.1", server.port, method, path, timeout=10)
            rows.append(
                (
                    "after",
                    *scrape(server.port),
                    folder_bytes(Path(folder)),
                    sum(server.memory()["worker_rss"]),
                )
            )
            unauthorised, _ = request("127.0.0.1", server.port, "GET", "/metrics")
    headers = ("scrape", "series", "bytes", "seconds", "folder bytes", "worker RSS MiB")
    print(table(headers, rows))
    print(
        f"{args.requests} requests with random methods and paths; "
        f"/metrics without the key: HTTP {unauthorised}"
    )
    print(machine_note())


if __name__ == "__main__":
    main()
