"""Hostile load: valid articles mixed with every hostile case against a real gunicorn server.

Usage: .venv/bin/python bench/hostile_load.py [--requests 600] [--concurrency 4] [--workers 2]
       [--time-budget SECONDS] [--max-seconds 600]

Sends a bounded number of requests on 127.0.0.1 (half valid corpus articles, half the cases of
``bench/_hostile.py``, the slow ones included), then counts statuses, 5xx, answers that are not
the right problem+json, and worker restarts ("Booting worker" lines beyond the first boot).
Bars: zero 5xx, zero worker restarts, every error a problem+json with the right status.
"""

from __future__ import annotations

import argparse
import http.client
import random
import threading
import time
from collections import Counter
from pathlib import Path

from _common import (
    Server,
    build_articles,
    load_average,
    machine_note,
    percentile,
    read_corpus,
    table,
    timeline_body,
)
from _hostile import Case, all_cases, check_answer, slow_cases


def send(port: int, case: Case) -> tuple[int, str, bytes, float]:
    """Send one case; return (status, content type, body, seconds); status 0 when it failed."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=180)
    started = time.perf_counter()
    try:
        connection.request(case.method, case.path, body=case.body, headers=case.headers)
        response = connection.getresponse()
        body = response.read()
        return (
            response.status,
            response.getheader("Content-Type", ""),
            body,
            (time.perf_counter() - started),
        )
    except (OSError, http.client.HTTPException) as error:
        return 0, type(error).__name__, b"", time.perf_counter() - started
    finally:
        connection.close()


def main() -> None:
    """Run the mix and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--time-budget", type=float, default=None, help="REQUEST_TIME_BUDGET")
    parser.add_argument("--max-seconds", type=float, default=600.0, help="stop sending after")
    parser.add_argument("--log", type=Path, default=Path("/tmp/timeline-hostile-server.log"))
    args = parser.parse_args()

    corpus = read_corpus()
    articles = build_articles(corpus, 40, 600)
    valid = [
        Case(f"corpus article {i}", timeline_body(a, "2017-05-09"), frozenset({200}))
        for i, a in enumerate(articles)
    ]
    hostile = all_cases()
    rng = random.Random(11)
    plan: list[tuple[str, Case]] = [("slow", c) for c in slow_cases()]
    while len(plan) < args.requests:
        plan.append(("valid", rng.choice(valid)))
        plan.append(("hostile", hostile[len(plan) // 2 % len(hostile)]))
    plan = plan[: args.requests]
    rng.shuffle(plan)

    env = {} if args.time_budget is None else {"REQUEST_TIME_BUDGET": str(args.time_budget)}
    lock = threading.Lock()
    statuses: Counter = Counter()
    by_kind: dict[str, Counter] = {"valid": Counter(), "hostile": Counter(), "slow": Counter()}
    wrong: list[str] = []
    seconds: list[float] = []
    slow_seconds: dict[str, str] = {}
    queue = iter(plan)
    deadline = time.monotonic() + args.max_seconds

    with Server(workers=args.workers, env=env, log_path=args.log) as server:
        load_before = load_average()

        def worker() -> None:
            while time.monotonic() < deadline:
                with lock:
                    item = next(queue, None)
                if item is None:
                    return
                kind, case = item
                status, content_type, body, spent = send(server.port, case)
                problems = (
                    check_answer(case, status, content_type, body)
                    if status
                    else [f"no answer: {content_type}"]
                )
                with lock:
                    statuses[status] += 1
                    by_kind[kind][status] += 1
                    seconds.append(spent)
                    if kind == "slow":
                        slow_seconds[case.name] = f"{status} in {spent:.1f} s"
                    if problems:
                        wrong.append(f"{case.name}: {'; '.join(problems)}")

        started = time.monotonic()
        threads = [threading.Thread(target=worker, daemon=True) for _ in range(args.concurrency)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        restarts = server.boots() - args.workers
        log_text = args.log.read_text(errors="replace")

    sent = sum(statuses.values())
    budget = by_kind["slow"].get(503, 0)  # the time budget answering, as it should
    five_xx = sum(n for s, n in statuses.items() if s >= 500) - budget
    print(
        f"## Hostile load: {sent} of {args.requests} requests in {elapsed:.0f} s, "
        f"{args.workers} workers, concurrency {args.concurrency}, load average {load_before}"
    )
    print(
        table(
            ["kind", "requests", "statuses"],
            [
                (kind, sum(c.values()), ", ".join(f"{s}: {n}" for s, n in sorted(c.items())))
                for kind, c in by_kind.items()
            ],
        )
    )
    print()
    print(
        table(
            [
                "5xx",
                "503 time budget",
                "wrong answers",
                "worker restarts",
                "p50 s",
                "p99 s",
                "max s",
            ],
            [
                (
                    five_xx,
                    budget,
                    len(wrong),
                    restarts,
                    percentile(seconds, 50),
                    percentile(seconds, 99),
                    max(seconds, default=float("nan")),
                )
            ],
        )
    )
    for name, outcome in slow_seconds.items():
        print(f"slow case {name}: {outcome}")
    for line in sorted(Counter(wrong).items(), key=lambda kv: -kv[1])[:30]:
        print(f"WRONG x{line[1]}: {line[0]}")
    verdict = five_xx == 0 and restarts == 0 and not wrong
    print(
        f"\nbars (zero 5xx, zero restarts, every error a right problem+json): "
        f"{'met' if verdict else 'NOT met'}"
    )
    print(
        f"server log {args.log}: {log_text.count('WORKER TIMEOUT')} worker timeouts, "
        f"{log_text.count('unhandled error')} unhandled errors logged"
    )
    print(machine_note())


if __name__ == "__main__":
    main()
