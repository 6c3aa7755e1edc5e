"""Progress of a batch run on stderr: a rich progress bar on a terminal (documents, documents/s,
ETA, errors so far), a plain log line every few seconds otherwise, nothing with ``--quiet``."""

from __future__ import annotations

import sys
import time
from typing import IO, Protocol

LOG_EVERY_SECONDS = 10.0


class Progress(Protocol):
    """Told how many documents are done (written, failed or skipped) as partitions finish."""

    def advance(self, documents: int, errors: int) -> None:
        """Count ``documents`` more done, ``errors`` of them bad."""

    def close(self) -> None:
        """The run is over."""


class Counts:
    """Documents done and bad so far, and the rate since the start."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.errors = 0
        self.started = time.monotonic()

    def add(self, documents: int, errors: int) -> None:
        """Count more documents done."""
        self.done += documents
        self.errors += errors

    def line(self) -> str:
        """``120/256 documents, 14.2 documents/s, ETA 10 s, 2 errors``."""
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate else float("inf")
        eta = f"{left:.0f} s" if left != float("inf") else "unknown"
        return (
            f"{self.done}/{self.total} documents, {rate:.1f} documents/s, ETA {eta}, "
            f"{self.errors} errors"
        )


class Silent:
    """``--quiet``: nothing."""

    def advance(self, documents: int, errors: int) -> None:
        """Ignore progress."""

    def close(self) -> None:
        """Nothing to close."""


class LogLines:
    """Not a terminal: a line at most every ``LOG_EVERY_SECONDS``, and one at the end."""

    def __init__(self, total: int, stream: IO[str]) -> None:
        self.counts = Counts(total)
        self.stream = stream
        self.last = time.monotonic()
        self.logged = -1

    def advance(self, documents: int, errors: int) -> None:
        """Count, and log when the last line is old enough."""
        self.counts.add(documents, errors)
        if time.monotonic() - self.last >= LOG_EVERY_SECONDS:
            self.log()

    def log(self) -> None:
        """Print the counts."""
        self.last = time.monotonic()
        self.logged = self.counts.done
        print(f"batch: {self.counts.line()}", file=self.stream, flush=True)

    def close(self) -> None:
        """Log the final counts, unless the last line has them."""
        if self.logged != self.counts.done:
            self.log()


class Bar:
    """A terminal: rich's progress bar with documents, documents/s, ETA and errors."""

    def __init__(self, total: int, stream: IO[str]) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as RichProgress

        self.progress = RichProgress(
            TextColumn("documents"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} documents/s"),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[errors]} errors"),
            TimeElapsedColumn(),
            console=Console(file=stream),
        )
        self.counts = Counts(total)
        self.task = self.progress.add_task("batch", total=total, rate="0.0", errors=0)
        self.progress.start()

    def advance(self, documents: int, errors: int) -> None:
        """Move the bar."""
        self.counts.add(documents, errors)
        elapsed = max(time.monotonic() - self.counts.started, 1e-9)
        self.progress.update(
            self.task,
            completed=self.counts.done,
            rate=f"{self.counts.done / elapsed:.1f}",
            errors=self.counts.errors,
        )

    def close(self) -> None:
        """Stop the bar, leaving its last state on screen."""
        self.progress.stop()


def progress_for(total: int, quiet: bool, stream: IO[str] | None = None) -> Progress:
    """The progress display for this run: silent, a bar on a terminal, else log lines."""
    stream = stream or sys.stderr
    if quiet:
        return Silent()
    return Bar(total, stream) if stream.isatty() else LogLines(total, stream)
