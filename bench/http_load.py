"""HTTP load: gunicorn with 1 and 2 workers, closed-loop clients at concurrency 1, 4 and 16.

Usage: .venv/bin/python bench/http_load.py [--duration 20] [--workers 1 2] [--concurrency 1 4 16]

Starts ``python -m service`` (preloaded, sync workers) on a free port for each worker count and
POSTs ~1 000-word articles (paragraphs of the TimeML texts in new orders) from Python threads on
127.0.0.1 for --duration seconds per cell. Prints requests/s, p50/p95/p99 latency, RSS and PSS
per worker and in total, and the 2-worker / 1-worker throughput ratio (bar: >= 1.7).
"""

from __future__ import annotations

import argparse
import random
import resource
from pathlib import Path

from _common import (
    Server,
    build_articles,
    load_average,
    machine_note,
    percentile,
    read_corpus,
    run_load,
    table,
    timeline_body,
)


def client_cpu_seconds() -> float:
    """CPU seconds this process (the load generator) has used so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    """Run every cell and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per cell")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--articles", type=int, default=64, help="distinct articles to cycle")
    args = parser.parse_args()

    corpus = read_corpus()
    rng = random.Random(3)
    dates = [d.dct.isoformat()[:10] for d in corpus if d.dct]
    articles = build_articles(corpus, args.articles, args.words)
    bodies = [timeline_body(a, rng.choice(dates)) for a in articles]
    mean_words = sum(len(a.split()) for a in articles) / len(articles)

    rows, memory_rows, rates = [], [], {}
    for workers in args.workers:
        log_path = Path(f"/tmp/timeline-http-load-{workers}w.log")
        with Server(workers=workers, log_path=log_path) as server:
            run_load(server.port, lambda i: bodies[i % len(bodies)], workers * 2, 60, 4 * workers)
            for concurrency in args.concurrency:
                load_before = load_average()
                cpu_before = client_cpu_seconds()
                worker_cpu_before = server.worker_cpu_seconds()
                result = run_load(
                    server.port, lambda i: bodies[(i * 7) % len(bodies)], concurrency, args.duration
                )
                cpu = client_cpu_seconds() - cpu_before
                worker_cpu = server.worker_cpu_seconds() - worker_cpu_before
                bad = sum(n for s, n in result.statuses.items() if s != 200)
                bad += sum(result.errors.values())
                rates[(workers, concurrency)] = result.rate
                rows.append(
                    (
                        workers,
                        concurrency,
                        len(result.latencies_ms),
                        result.rate,
                        f"{percentile(result.latencies_ms, 50):.0f}",
                        f"{percentile(result.latencies_ms, 95):.0f}",
                        f"{percentile(result.latencies_ms, 99):.0f}",
                        bad,
                        f"{worker_cpu / result.elapsed_s:.0%}",
                        f"{worker_cpu / max(len(result.latencies_ms), 1) * 1000:.0f}",
                        f"{cpu / result.elapsed_s:.0%}",
                        load_before,
                    )
                )
                print(" ".join(str(v) for v in rows[-1]), flush=True)
            memory = server.memory()
            restarts = server.boots() - workers
        memory_rows.append(
            (
                workers,
                memory["master_rss"],
                " / ".join(f"{v:.0f}" for v in memory["worker_rss"]),
                " / ".join(f"{v:.0f}" for v in memory["worker_pss"]),
                " / ".join(f"{v:.0f}" for v in memory["worker_private"]),
                memory["total_rss"],
                memory["total_pss"],
                restarts,
            )
        )

    print(
        f"\n## HTTP load: articles of ~{mean_words:.0f} words, {args.duration:.0f} s per cell, "
        "gunicorn sync workers, preloaded"
    )
    print(
        table(
            [
                "workers",
                "concurrency",
                "requests",
                "req/s",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "non-200",
                "workers' CPU",
                "CPU ms/request",
                "client CPU",
                "load avg before",
            ],
            rows,
        )
    )
    print("\n## Memory after the load (MiB; PSS splits shared pages among the processes)")
    print(
        table(
            [
                "workers",
                "master RSS",
                "worker RSS",
                "worker PSS",
                "worker private",
                "total RSS",
                "total PSS",
                "worker restarts",
            ],
            memory_rows,
        )
    )
    if 1 in args.workers and 2 in args.workers:
        print("\n## 2 workers / 1 worker, requests/s (bar >= 1.7)")
        ratio_rows = []
        for concurrency in args.concurrency:
            ratio = rates[(2, concurrency)] / rates[(1, concurrency)]
            verdict = "meets" if ratio >= 1.7 else "misses"
            ratio_rows.append((concurrency, f"{ratio:.2f}", verdict if concurrency > 1 else "n/a"))
        print(table(["concurrency", "ratio", "bar"], ratio_rows))
    print(machine_note())


if __name__ == "__main__":
    main()
