"""Documents/s of one POST /v1/timelines batch against the same documents sent one by one to
POST /v1/timeline, on one warm worker (the issue's bar: batch >= one by one).

Usage: .venv/bin/python bench/batch_throughput.py [--documents N] [--repeats R]
"""

from __future__ import annotations

import argparse
import json
import time

from _common import JSON_HEADERS, Server, machine_note, median, read_corpus, request, table


def one_by_one(port: int, documents: list[dict[str, str]]) -> float:
    """Seconds to send every document to /v1/timeline in turn."""
    started = time.perf_counter()
    for document in documents:
        status, _ = request(
            "127.0.0.1", port, "POST", "/v1/timeline", json.dumps(document).encode(), JSON_HEADERS
        )
        assert status == 200, status
    return time.perf_counter() - started


def batched(port: int, documents: list[dict[str, str]]) -> float:
    """Seconds to send every document in one /v1/timelines request."""
    body = json.dumps({"documents": documents}).encode()
    started = time.perf_counter()
    status, _ = request("127.0.0.1", port, "POST", "/v1/timelines", body, JSON_HEADERS)
    assert status == 200, status
    return time.perf_counter() - started


def main() -> None:
    """Measure both ways, alternating, and print the medians."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=60)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    corpus = read_corpus(limit=args.documents)
    documents = [
        {"id": doc.doc_id, "text": doc.text, "document_date": doc.dct.isoformat()} for doc in corpus
    ]
    singles, batches = [], []
    with Server(workers=1, env={"REQUEST_TIME_BUDGET": "0"}) as server:
        batched(server.port, documents[:5])  # warm-up
        for _ in range(args.repeats):
            singles.append(one_by_one(server.port, documents))
            batches.append(batched(server.port, documents))
    count = len(documents)
    single_rate, batch_rate = count / median(singles), count / median(batches)
    print(f"{count} TimeML documents, {args.repeats} runs each, medians, one worker")
    print(
        table(
            ["mode", "docs/s", "ratio to one by one"],
            [
                ["POST /v1/timeline, one by one", single_rate, 1.0],
                ["POST /v1/timelines, one batch", batch_rate, batch_rate / single_rate],
            ],
        )
    )
    print(machine_note())


if __name__ == "__main__":
    main()
