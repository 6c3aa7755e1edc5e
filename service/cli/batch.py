"""``timeline batch``: an archive in, a folder of part files out, on local processes or Dask.

The client reads and checks the records (bad ones go to ``errors.jsonl`` at once), cuts the good
ones into partitions (one per story with ``--story-key``), and hands them to the engine; the
workers write the part files and send back only counts and bad records. ``--resume`` skips the
ids an earlier run wrote and the records it reported.
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from service.cli.engines import run_engine
from service.cli.inputs import BadRecord, Document, Validator, count_records, read_records
from service.cli.outputs import ERRORS_FILE, ErrorLog, Finished, scan_output, where_key
from service.cli.progress import Progress, progress_for
from service.cli.work import Partition, Settings
from service.config import load_config

# The most documents in one part file; runs of few documents use smaller partitions so that
# every worker gets several.
MAX_PARTITION = 200
PARTITIONS_PER_WORKER = 4


@dataclass(frozen=True)
class BatchOptions:
    """The arguments of ``timeline batch``."""

    input: Path
    output: Path
    engine: str = "local"
    workers: int = 1
    scheduler: str | None = None
    story_key: str | None = None
    resume: bool = False
    quiet: bool = False
    compress: bool = False
    annotations: tuple[str, ...] | None = None
    actors: tuple[str, ...] = ()
    partition_size: int | None = None


@dataclass(frozen=True)
class Summary:
    """What a run did: documents written, bad records, documents skipped as already written."""

    written: int
    errors: int
    skipped: int
    seconds: float

    def line(self, output: Path) -> str:
        """One sentence for the end of the run."""
        rate = self.written / self.seconds if self.seconds else 0.0
        return (
            f"batch: {self.written} documents written to {output} in {self.seconds:.1f} s "
            f"({rate:.1f} documents/s), {self.errors} bad records in {output / ERRORS_FILE}, "
            f"{self.skipped} skipped as already written"
        )


def partition_size(total: int, workers: int) -> int:
    """Documents per partition: at most ``MAX_PARTITION``, and few enough that each worker gets
    about ``PARTITIONS_PER_WORKER``."""
    return max(1, min(MAX_PARTITION, math.ceil(total / (workers * PARTITIONS_PER_WORKER))))


def cut(
    documents: Iterable[Document], size: int, start: int, by_story: bool
) -> Iterator[Partition]:
    """Partitions of ``size`` documents numbered from ``start``; with ``by_story``, one per story
    (read whole first), then the documents without a story."""
    index = itertools.count(start)
    loose: Iterable[Document] = documents
    if by_story:
        stories: dict[str, list[Document]] = {}
        alone: list[Document] = []
        for document in documents:
            if document.story is None:
                alone.append(document)
            else:
                stories.setdefault(document.story, []).append(document)
        for key, members in stories.items():
            yield Partition(next(index), tuple(members), key)
        loose = alone
    iterator = iter(loose)
    while chunk := tuple(itertools.islice(iterator, size)):
        yield Partition(next(index), chunk)


class _Reader:
    """The client side of a run: records checked, bad ones logged, finished ones skipped."""

    def __init__(
        self, options: BatchOptions, finished: Finished, progress: Progress, max_chars: int
    ) -> None:
        self.validator = Validator(max_chars, options.annotations, options.story_key)
        self.finished = finished
        self.progress = progress
        self.errors = ErrorLog(options.output)
        self.bad = self.skipped = 0

    def report(self, bad: Iterable[BadRecord]) -> None:
        """Log bad records to ``errors.jsonl``."""
        for record in bad:
            self.errors.write(record.as_json())
            self.bad += 1

    def documents(self, path: Path) -> Iterator[Document]:
        """The documents still to do, in input order."""
        for raw in read_records(path):
            if where_key(raw.where) in self.finished.reported:
                self.skipped += 1
                self.progress.advance(1, 0)
                continue
            checked = self.validator.check(raw)
            if isinstance(checked, BadRecord):
                self.report([checked])
                self.progress.advance(1, 1)
            elif checked.request.id in self.finished.ids:
                self.skipped += 1
                self.progress.advance(1, 0)
            else:
                yield checked


def run_batch(options: BatchOptions) -> Summary:
    """Run a batch to the end (bad records never stop it) and say what it did.

    options (BatchOptions): the command's arguments.
    RETURNS (Summary): documents written, bad records, skipped documents, seconds.
    """
    started = time.monotonic()
    options.output.mkdir(parents=True, exist_ok=True)
    if options.resume:
        finished = scan_output(options.output)
    elif any(options.output.iterdir()):
        raise FileExistsError(
            f"{options.output} is not empty: pass --resume to continue the run it holds"
        )
    else:
        finished = Finished()
    total = count_records(options.input)
    progress = progress_for(total, options.quiet)
    config = load_config()
    reader = _Reader(options, finished, progress, config["MAX_TEXT_CHARS"])
    settings = Settings(
        str(options.output.resolve()),
        options.compress,
        config["SPACY_MODEL"],
        config["MAX_TEXT_TOKENS"] or None,
        options.actors,
    )
    size = options.partition_size or partition_size(total, options.workers)
    partitions = cut(
        reader.documents(options.input), size, finished.next_index, options.story_key is not None
    )
    written = 0
    try:
        for report in run_engine(
            options.engine, partitions, settings, options.workers, options.scheduler
        ):
            reader.report(report.errors)
            written += report.written
            progress.advance(report.written + len(report.errors), len(report.errors))
    finally:
        progress.close()
        reader.errors.close()
    return Summary(written, reader.bad, reader.skipped, time.monotonic() - started)
