"""The ``timeline`` command's arguments (``timeline extract``, ``timeline batch``)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from service.cli.engines import ENGINES, single_thread_env
from service.cli.formats import FORMATS
from service.pipeline import ANNOTATIONS


def annotation_list(value: str) -> tuple[str, ...]:
    """``time_expressions,entities`` -> a tuple of known annotations (argparse type)."""
    names = tuple(name.strip() for name in value.split(",") if name.strip())
    unknown = [name for name in names if name not in ANNOTATIONS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"choose among {', '.join(ANNOTATIONS)} (comma-separated), not {value!r}"
        )
    return names


def positive(value: str) -> int:
    """An integer of at least 1 (argparse type)."""
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``timeline``: the ``extract`` and ``batch`` commands."""
    parser = argparse.ArgumentParser(
        prog="timeline", description="Timelines of news text: one document, or an archive."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser(
        "extract", help="one document from a file or stdin to stdout, as POST /v1/timeline answers"
    )
    extract.add_argument("file", nargs="?", default="-", help="a UTF-8 text file; - for stdin")
    extract.add_argument("--date", help="the document's date (ISO 8601 date or date-time)")
    extract.add_argument("--id", help="echoed in document.id")
    extract.add_argument("--format", choices=sorted(FORMATS), default="json")
    batch = commands.add_parser(
        "batch", help="an archive to a folder of JSON Lines part files and errors.jsonl"
    )
    batch.add_argument(
        "input",
        type=Path,
        help="JSON Lines of {id, text, document_date?} (gzip read transparently), a folder of "
        ".txt files, or a TimeML file or folder of .tml files",
    )
    batch.add_argument("output", type=Path, help="folder of part files (created)")
    batch.add_argument("--engine", choices=ENGINES, default="local")
    batch.add_argument(
        "--workers",
        type=positive,
        default=1,
        help="worker processes (local), LocalCluster workers (dask), or with --scheduler the "
        "cluster's workers (partitions are sized for them)",
    )
    batch.add_argument("--scheduler", help="a Dask scheduler's address (default: a LocalCluster)")
    batch.add_argument("--story-key", help="group records by this field; one story per group")
    batch.add_argument("--actor", action="append", default=[], help="an actor of the stories")
    batch.add_argument("--resume", action="store_true", help="skip the ids already written")
    batch.add_argument("--quiet", action="store_true", help="no progress")
    batch.add_argument("--gzip", action="store_true", help="gzip the part files")
    batch.add_argument("--partition-size", type=positive, help="documents per part file")
    for command in (extract, batch):
        command.add_argument(
            "--annotations",
            type=annotation_list,
            help=f"what to extract, comma-separated among {', '.join(ANNOTATIONS)} (default: all)",
        )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``timeline`` with ``argv`` (default: the process's arguments); the exit status."""
    for name, value in single_thread_env().items():
        os.environ.setdefault(name, value)
    args = build_parser().parse_args(argv)
    if args.command == "extract":
        from service.cli.extract import run_extract

        return run_extract(args.file, args.date, args.id, args.annotations, args.format)
    from service.cli.batch import BatchOptions, run_batch

    if args.story_key and args.annotations and "events" not in args.annotations:
        print("timeline batch: --story-key needs the events annotation", file=sys.stderr)
        return 2
    options = BatchOptions(
        input=args.input,
        output=args.output,
        engine=args.engine,
        workers=args.workers,
        scheduler=args.scheduler,
        story_key=args.story_key,
        resume=args.resume,
        quiet=args.quiet,
        compress=args.gzip,
        annotations=args.annotations,
        actors=tuple(args.actor),
        partition_size=args.partition_size,
    )
    try:
        summary = run_batch(options)
    except (FileNotFoundError, FileExistsError) as error:
        print(f"timeline batch: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("timeline batch: interrupted; run it again with --resume", file=sys.stderr)
        return 130
    if not args.quiet:
        print(summary.line(args.output), file=sys.stderr)
    return 0
