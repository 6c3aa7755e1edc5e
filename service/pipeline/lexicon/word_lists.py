"""Reading the stages' word lists: one entry a line, ``#`` opens a comment line.

A malformed list (a duplicate entry, a line without its fields) stops the stage from starting
rather than silently keeping one of two meanings.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "en"
"""The English data files: word lists (``events/``, ``story/``) and time-expression rules."""


class WordListError(ValueError):
    """A word list is malformed: a duplicate entry or a line without its fields."""

    def __init__(self, path: Path, number: int, problem: str) -> None:
        super().__init__(f"{path}:{number}: {problem}")


def data_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Yield (line number, line) for the lines of ``path`` that are neither blank nor comments."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            yield number, line
