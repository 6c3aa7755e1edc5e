"""Slow clients against the shipped server: latency of normal requests with slow ones open.

Usage: .venv/bin/python bench/slow_clients.py [--workers 2] [--slow-headers 64] [--slow-bodies 16]
    [--seconds 20]

Starts ``python -m service`` (the code under TIMELINE_ROOT, so an older checkout can be measured
the same way) and measures, on an idle server and then with --slow-headers connections sending
their headers one byte a second and --slow-bodies connections sending a 500 000-byte body at
1 KB/s: the latency of ``GET /healthz`` and of a ``POST /v1/timeline`` of one short article
(median and worst over the run; a request that gets no answer in 30 s counts as 30 s). A slow
connection the server drops is reopened at once.
Targets: a normal request under 1 s more than idle, /healthz under 100 ms.
"""

from __future__ import annotations

import argparse
import socket
import threading
import time

from _common import JSON_HEADERS, Server, machine_note, median, request, table, timeline_body

ARTICLE = "Tue May 9, 2017\n\nKey members of the coalition meet in Copenhagen on Tuesday."
NO_ANSWER = 30.0


DROPPED: list[int] = []


def slow_sender(port: int, head: bytes, drip: bytes, every: float, stop: threading.Event) -> None:
    """Send ``head``, then ``drip`` every ``every`` seconds, until ``stop``; when the server
    drops the connection (its read timeout), open another, as an attacker would."""
    while not stop.is_set():
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
                connection.sendall(head)
                while not stop.wait(every):
                    connection.sendall(drip)
        except OSError:
            DROPPED.append(1)


def timed(port: int, method: str, path: str, body: bytes | None = None) -> float:
    started = time.perf_counter()
    try:
        request("127.0.0.1", port, method, path, body, JSON_HEADERS, timeout=NO_ANSWER)
    except OSError:
        return NO_ANSWER
    return time.perf_counter() - started


def sample(port: int, seconds: float) -> dict[str, list[float]]:
    """Alternate /healthz and a timeline request for ``seconds``."""
    results: dict[str, list[float]] = {"healthz": [], "timeline": []}
    body = timeline_body(ARTICLE)
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        results["healthz"].append(timed(port, "GET", "/healthz"))
        results["timeline"].append(timed(port, "POST", "/v1/timeline", body))
        time.sleep(0.2)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--slow-headers", type=int, default=64)
    parser.add_argument("--slow-bodies", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    with Server(workers=args.workers, env={"WARMUP": "true"}) as server:
        idle = sample(server.port, args.seconds / 2)
        stop = threading.Event()
        header = b"GET /healthz HTTP/1.1\r\nHost: bench\r\nX-Slow: "
        body = (
            b"POST /v1/timeline HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n"
            b"Content-Length: 500000\r\n\r\n"
        )
        senders = [
            threading.Thread(target=slow_sender, args=(server.port, header, b"a", 1.0, stop))
            for _ in range(args.slow_headers)
        ] + [
            threading.Thread(target=slow_sender, args=(server.port, body, b"a" * 1024, 1.0, stop))
            for _ in range(args.slow_bodies)
        ]
        for sender in senders:
            sender.start()
        time.sleep(2)
        loaded = sample(server.port, args.seconds)
        stop.set()
        for sender in senders:
            sender.join(timeout=10)
    rows = []
    for name in ("healthz", "timeline"):
        rows.append((name, "idle", median(idle[name]), max(idle[name]), len(idle[name])))
        rows.append(
            (name, "slow clients", median(loaded[name]), max(loaded[name]), len(loaded[name]))
        )
    print(table(("request", "server", "median s", "worst s", "requests"), rows))
    extra = median(loaded["timeline"]) - median(idle["timeline"])
    print(
        f"timeline: +{extra:.3f} s with {args.slow_headers} slow-header and {args.slow_bodies} "
        f"slow-body connections (target < 1 s); /healthz median {median(loaded['healthz']):.3f} s "
        "(target < 0.1 s)"
    )
    print(f"slow connections the server dropped (and the bench reopened): {len(DROPPED)}")
    print(machine_note())


if __name__ == "__main__":
    main()
