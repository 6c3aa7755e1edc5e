"""HTTP load: gunicorn with 1 and 2 workers, closed-loop clients at concurrency 1, 4 and 16.

Usage: .venv/bin/python bench/http_load.py [--duration 20] [--runs 3] [--workers 1 2]
    [--concurrency 1 4 16]

Starts ``python -m service`` (preloaded, sync workers) on a free port for each worker count and
POSTs ~1 000-word articles (paragraphs of the TimeML texts in new orders) from Python threads on
127.0.0.1 for --duration seconds per run. Each (workers, concurrency) cell is run --runs times,
the cells taking turns (worker counts too, so a slow spell of a shared machine does not fall on
one worker count only; an idle server costs nothing), and the table gives the medians over the
runs of requests/s, p50/p95/p99 latency and CPU, with each run's requests/s. Then RSS and PSS
per worker and in total, and the 2-worker / 1-worker ratio of the median requests/s (bar: >= 1.7).
"""

from __future__ import annotations

import argparse
import random
import resource
from collections import defaultdict
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

from _common import (
    Server,
    build_articles,
    load_average,
    machine_note,
    median,
    percentile,
    read_corpus,
    run_load,
    table,
    timeline_body,
)

HEADERS = [
    "workers",
    "concurrency",
    "requests",
    "req/s (median)",
    "req/s per run",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "non-200",
    "workers' CPU",
    "CPU ms/request",
    "client CPU",
    "load avg before",
]


def client_cpu_seconds() -> float:
    """CPU seconds this process (the load generator) has used so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(
    server: Server, next_body: Callable[[int], bytes], concurrency: int, duration: float
) -> dict[str, float]:
    """One run of one cell: requests/s, latency percentiles, failures and CPU shares."""
    load_before = float(load_average())
    cpu_before = client_cpu_seconds()
    worker_cpu_before = server.worker_cpu_seconds()
    result = run_load(server.port, next_body, concurrency, duration)
    cpu = client_cpu_seconds() - cpu_before
    worker_cpu = server.worker_cpu_seconds() - worker_cpu_before
    done = len(result.latencies_ms)
    bad = sum(n for s, n in result.statuses.items() if s != 200) + sum(result.errors.values())
    return {
        "requests": done,
        "rate": result.rate,
        **{f"p{q}": percentile(result.latencies_ms, q) for q in (50, 95, 99)},
        "bad": bad,
        "worker_cpu": worker_cpu / result.elapsed_s,
        "cpu_per_request": worker_cpu / max(done, 1) * 1000,
        "client_cpu": cpu / result.elapsed_s,
        "load": load_before,
    }


def summary_row(workers: int, concurrency: int, runs: list[dict[str, float]]) -> tuple:
    """The table row of one cell: medians over its runs, totals of requests and failures."""

    def mid(key: str) -> float:
        return median([run[key] for run in runs])

    return (
        workers,
        concurrency,
        sum(int(run["requests"]) for run in runs),
        mid("rate"),
        " ".join(f"{run['rate']:.2f}" for run in runs),
        f"{mid('p50'):.0f}",
        f"{mid('p95'):.0f}",
        f"{mid('p99'):.0f}",
        sum(int(run["bad"]) for run in runs),
        f"{mid('worker_cpu'):.0%}",
        f"{mid('cpu_per_request'):.0f}",
        f"{mid('client_cpu'):.0%}",
        " ".join(f"{run['load']:.2f}" for run in runs),
    )


def memory_row(workers: int, server: Server) -> tuple:
    """RSS and PSS of the server's processes (MiB) and its worker restarts."""
    memory = server.memory()
    return (
        workers,
        memory["master_rss"],
        " / ".join(f"{v:.0f}" for v in memory["worker_rss"]),
        " / ".join(f"{v:.0f}" for v in memory["worker_pss"]),
        " / ".join(f"{v:.0f}" for v in memory["worker_private"]),
        memory["total_rss"],
        memory["total_pss"],
        server.boots() - workers,
    )


def main() -> None:
    """Run every cell and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per run")
    parser.add_argument("--runs", type=int, default=3, help="runs per cell; medians reported")
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

    runs: dict[tuple[int, int], list[dict[str, float]]] = defaultdict(list)
    with ExitStack() as stack:
        servers = {
            workers: stack.enter_context(
                Server(workers=workers, log_path=Path(f"/tmp/timeline-http-load-{workers}w.log"))
            )
            for workers in args.workers
        }
        for workers, server in servers.items():
            run_load(server.port, lambda i: bodies[i % len(bodies)], workers * 2, 60, 4 * workers)
        for run in range(args.runs):
            for workers, server in servers.items():
                for concurrency in args.concurrency:
                    measured = measure(
                        server, lambda i: bodies[(i * 7) % len(bodies)], concurrency, args.duration
                    )
                    runs[(workers, concurrency)].append(measured)
                    print(
                        f"run {run + 1}/{args.runs}, workers {workers}, concurrency {concurrency}: "
                        f"{measured['rate']:.2f} req/s, p50 {measured['p50']:.0f} ms",
                        flush=True,
                    )
        memory_rows = [memory_row(workers, server) for workers, server in servers.items()]
    rows = [summary_row(w, c, runs[(w, c)]) for w in args.workers for c in args.concurrency]
    rates = {cell: median([r["rate"] for r in cell_runs]) for cell, cell_runs in runs.items()}

    print(
        f"\n## HTTP load: articles of ~{mean_words:.0f} words, {args.runs} runs of "
        f"{args.duration:.0f} s per cell (medians), gunicorn sync workers, preloaded"
    )
    print(table(HEADERS, rows))
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
        print("\n## 2 workers / 1 worker, median requests/s (bar >= 1.7)")
        ratio_rows = []
        for concurrency in args.concurrency:
            ratio = rates[(2, concurrency)] / rates[(1, concurrency)]
            verdict = "meets" if ratio >= 1.7 else "misses"
            ratio_rows.append((concurrency, f"{ratio:.2f}", verdict if concurrency > 1 else "n/a"))
        print(table(["concurrency", "ratio", "bar"], ratio_rows))
    print(machine_note())


if __name__ == "__main__":
    main()
