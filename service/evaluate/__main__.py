"""Command line: ``python -m service.evaluate COMMAND DIR`` (timex, events, anchoring, actors,
factuality, timelines, timeline-precision, calibration)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from service.corpora.meantime import read_meantime_dir
from service.corpora.semeval import read_timeline_corpus
from service.corpora.timeml import read_timeml_dir
from service.evaluate.actors import (
    actors_by_half,
    calibrate_actors,
    format_actor_calibration,
    write_actor_confidence,
)
from service.evaluate.anchoring import gold_anchoring, read_anchoring_corpus
from service.evaluate.confidence import calibrate, format_calibration, write_tables
from service.evaluate.coreference import evaluate_resolution, format_resolution
from service.evaluate.events import evaluate_events
from service.evaluate.factuality import evaluate_factuality, format_factuality
from service.evaluate.held_out import format_held_out, held_out_events
from service.evaluate.merges import (
    calibrate_merges,
    format_merge_calibration,
    write_merge_confidence,
)
from service.evaluate.report import (
    format_actor_halves,
    format_actors,
    format_events,
    format_gold_anchoring,
    format_timex,
)
from service.evaluate.run import run_pipeline
from service.evaluate.timeline_halves import format_halves, timelines_by_half
from service.evaluate.timeline_precision import (
    evaluate_timeline_precision,
    format_timeline_precision,
)
from service.evaluate.timelines import format_timelines, write_timelines
from service.evaluate.timex import evaluate_timex
from service.pipeline import DEFAULT_MODEL
from service.pipeline.facade import TIME_ONLY
from service.pipeline.vocabulary import ANNOTATIONS


def build_parser() -> argparse.ArgumentParser:
    """The argument parser: one subcommand per evaluation."""
    parser = argparse.ArgumentParser(prog="python -m service.evaluate", description=__doc__)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("directory", type=Path, help="corpus directory (searched recursively)")
    common.add_argument("--errors", type=Path, help="write every error as a JSON line here")
    common.add_argument("--limit", type=int, help="evaluate only the first N documents")
    common.add_argument("--model", default=DEFAULT_MODEL, help="spaCy model package")
    common.add_argument("--kinds", type=int, default=10, help="error kinds to print")
    commands = parser.add_subparsers(dest="command", required=True)
    timex = commands.add_parser("timex", parents=[common], help="TempEval-3 task A on TimeML")
    timex.add_argument(
        "--time-only",
        action="store_true",
        help="extract time expressions alone (the fast path: no parse, no named entities)",
    )
    events = commands.add_parser("events", parents=[common], help="TempEval-3 task B on TimeML")
    held_out = events.add_mutually_exclusive_group()
    held_out.add_argument(
        "--cross-corpus",
        action="store_true",
        help="train the event classifier on TimeBank, score AQUAINT, and the reverse (held out)",
    )
    held_out.add_argument(
        "--folds",
        type=int,
        metavar="K",
        help="train on K - 1 folds of both corpora, score the fold left out, K times (held out)",
    )
    commands.add_parser(
        "anchoring", parents=[common], help="anchoring on gold events and times (TimeML, MEANTIME)"
    )
    actors = commands.add_parser(
        "actors", parents=[common], help="event participants on MEANTIME CAT XML"
    )
    actors.add_argument(
        "--write-confidence",
        action="store_true",
        help="write the role rules' precision to service/resources/en/events/",
    )
    commands.add_parser(
        "factuality", parents=[common], help="negated/possible/future events on MEANTIME CAT XML"
    )
    timelines = commands.add_parser(
        "timelines", parents=[common], help="SemEval-2015 task 4 actor timelines on TimeML"
    )
    timelines.add_argument("--out", type=Path, help="write the system timelines (*.txt) here")
    timelines.add_argument(
        "--write-confidence",
        action="store_true",
        help="write the story merge confidence to service/resources/en/story/",
    )
    commands.add_parser(
        "timeline-precision",
        parents=[common],
        help="events on the timeline judged by the gold TLINKs of TimeML",
    )
    calibration = commands.add_parser(
        "calibration",
        parents=[common],
        help="event and time-anchor confidence on TempEval-3, calibrated held out",
    )
    calibration.add_argument("--folds", type=int, default=5, metavar="K", help="classifier folds")
    calibration.add_argument(
        "--write", action="store_true", help="write the tables to service/resources/en/events/"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Read the gold corpus, run the pipeline, score, print; RETURNS the exit status."""
    args = build_parser().parse_args(argv)
    if args.command == "timelines":
        return timelines_main(args)
    if args.command == "calibration":
        return calibration_main(args)
    if args.command == "events" and (args.cross_corpus or args.folds):
        return held_out_main(args)
    if args.command in ("actors", "factuality"):
        docs = read_meantime_dir(args.directory, args.limit)
    elif args.command == "anchoring":
        docs = read_anchoring_corpus(args.directory, args.limit)
    else:
        docs = read_timeml_dir(args.directory, args.limit)
    if not docs:
        print(f"no documents under {args.directory}", file=sys.stderr)
        return 2
    report, text = score(args, docs)
    print(text)
    if args.errors:
        write_errors(report, args.errors)
    return 0


def score(args: argparse.Namespace, docs: Sequence) -> tuple[dict, str]:
    """Run the command's evaluation on the documents: its report and the text to print."""
    if args.command == "anchoring":  # runs the pipeline itself, beside the gold-span stage
        report = gold_anchoring(docs, args.model)
        return report, format_gold_anchoring(report, args.kinds)
    time_only = args.command == "timex" and args.time_only
    results, timing = run_pipeline(docs, args.model, TIME_ONLY if time_only else ANNOTATIONS)
    if args.command == "timex":
        report = evaluate_timex(docs, [r.time_expressions for r in results])
        return report, format_timex(report, timing, args.kinds)
    if args.command == "events":
        report = evaluate_events(docs, results)
        return report, format_events(report, timing, args.kinds)
    if args.command == "timeline-precision":
        report = evaluate_timeline_precision(docs, results)
        return report, format_timeline_precision(report, timing, args.kinds)
    if args.command == "factuality":
        report = evaluate_factuality(docs, [r.events for r in results])
        return report, format_factuality(report, timing, args.kinds)
    events = [r.events for r in results]
    reports = actors_by_half(docs, events)
    report = reports["all"]
    halves = format_actor_halves(reports)
    resolution = format_resolution(evaluate_resolution(docs, results))
    calibration = calibrate_actors(docs, events)
    if args.write_confidence:
        write_actor_confidence(calibration, len(docs))
    parts = (format_actors(report, timing, args.kinds), halves, resolution)
    return report, "\n".join((*parts, format_actor_calibration(calibration)))


def write_errors(report: dict, path: Path) -> None:
    """Write every error of a report as a JSON line to ``path``."""
    with path.open("w", encoding="utf-8") as out:
        for record in report["errors"]:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(report['errors'])} errors written to {path}")


def held_out_main(args: argparse.Namespace) -> int:
    """Held-out event figures: documents scored by a classifier not trained on them."""
    folds = None if args.cross_corpus else args.folds
    reports, timing = held_out_events(args.directory, args.model, args.limit, folds)
    pooled = reports["pooled"]
    print(format_events(pooled, None, args.kinds).replace("EVENTS", "EVENTS held out, pooled", 1))
    print(format_held_out(reports, timing))
    if args.errors:
        write_errors(pooled, args.errors)
    return 0


def calibration_main(args: argparse.Namespace) -> int:
    """Fit and measure the event and time-anchor confidences; write them with ``--write``."""
    report = calibrate(args.directory, args.model, args.limit, args.folds)
    print(format_calibration(report))
    if args.write:
        for path in write_tables(report, args.folds):
            print(f"written {path}")
    return 0


def timelines_main(args: argparse.Namespace) -> int:
    """Read the task's folder, build the gold actors' timelines, write them, score, print; the
    same per half of the documents (each half a story of its own)."""
    docs, gold = read_timeline_corpus(args.directory, args.limit)
    if not docs or not gold:
        print(f"no documents or no timelines under {args.directory}", file=sys.stderr)
        return 2
    results, timing = run_pipeline(docs, args.model)
    reports = timelines_by_half(docs, results, gold)
    report = reports["all"]
    if args.out:
        write_timelines(args.out, gold, report["system_lines"])
        print(f"{len(gold)} timelines written to {args.out}")
    print(format_timelines(report, timing, args.kinds))
    merges = calibrate_merges(docs, results, gold)
    print(format_merge_calibration(merges))
    if args.write_confidence:
        write_merge_confidence(merges, len(docs))
    print(format_halves(reports))
    if args.errors:
        write_errors(report, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
