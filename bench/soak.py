"""Soak: many requests of distinct texts against one gunicorn worker; the worker's RSS curve.

Usage: .venv/bin/python bench/soak.py [--requests 20000] [--concurrency 2] [--max-minutes 90]

Every text is new (shuffled corpus sentences, made-up names, random numbers), so spaCy's string
store sees new strings on every request. Worker recycling is off (MAX_REQUESTS=0) so growth
cannot hide behind a restart. Prints RSS every --sample-every requests and the change between
the sample after 2 000 requests and the last one (bar: < 10%). Loopback only; stops by itself.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from _common import (
    Server,
    distinct_text,
    machine_note,
    median,
    read_corpus,
    run_load,
    sentences,
    table,
    timeline_body,
)

BASELINE_AT = 2000


def main() -> None:
    """Run the soak and print the curve."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=20000)
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--sample-every", type=int, default=500)
    parser.add_argument("--sentences", type=int, default=12, help="corpus sentences per text")
    parser.add_argument("--max-minutes", type=float, default=90.0, help="stop early after this")
    parser.add_argument("--log", type=Path, default=Path("/tmp/timeline-soak-server.log"))
    args = parser.parse_args()

    pool = sentences(read_corpus())

    def body(i: int) -> bytes:
        rng = random.Random(1_000_003 * 17 + i)
        dct = f"20{rng.randint(0, 25):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        return timeline_body(distinct_text(pool, rng, args.sentences), dct if i % 2 else None)

    env = {"MAX_REQUESTS": "0", "MAX_REQUESTS_JITTER": "0"}
    rows = []
    deadline = time.monotonic() + args.max_minutes * 60
    with Server(workers=1, env=env, log_path=args.log) as server:
        start_memory = server.memory()
        rows.append((0, start_memory["worker_rss"][0], start_memory["worker_pss"][0], "-", "-", 0))
        print(f"worker after start: {start_memory}", flush=True)
        done = 0
        while done < args.requests and time.monotonic() < deadline:
            chunk = min(args.sample_every, args.requests - done)
            offset = done
            result = run_load(
                server.port,
                lambda i, offset=offset: body(offset + i),
                args.concurrency,
                duration_s=3600,
                max_requests=chunk,
            )
            done += chunk
            memory = server.memory()
            bad = sum(n for s, n in result.statuses.items() if s != 200) + sum(
                result.errors.values()
            )
            row = (
                done,
                memory["worker_rss"][0] if memory["worker_rss"] else float("nan"),
                memory["worker_pss"][0] if memory["worker_pss"] else float("nan"),
                f"{result.rate:.1f}",
                f"{median(result.latencies_ms):.0f}",
                bad,
            )
            rows.append(row)
            print(" ".join(str(v) for v in row), flush=True)
        pids = server.worker_pids()
        boots = server.boots()

    headers = ["requests", "worker RSS MiB", "worker PSS MiB", "req/s", "p50 ms", "non-200"]
    print()
    print(f"soak: {done} distinct texts, 1 worker, concurrency {args.concurrency}")
    print(table(headers, rows))
    by_count = {r[0]: r[1] for r in rows}
    if BASELINE_AT in by_count and done > BASELINE_AT:
        base, end = by_count[BASELINE_AT], rows[-1][1]
        change = (end - base) / base * 100
        verdict = "meets" if abs(change) < 10 else "MISSES"
        print(
            f"\nRSS after {BASELINE_AT}: {base:.1f} MiB; at {done}: {end:.1f} MiB; "
            f"change {change:+.1f}% ({verdict} the < 10% bar)"
        )
    print(f"worker pids at end: {pids}; 'Booting worker' lines: {boots} (1 = no restart)")
    print(machine_note())
    sys.stdout.flush()


if __name__ == "__main__":
    main()
