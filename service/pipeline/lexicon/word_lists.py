"""The one reader of the English word lists in ``service/resources/en/``: one format for all.

A list is a UTF-8 text file with one entry a line; blank lines and lines opening with ``#`` are
skipped. An entry's fields are separated by tabs; a field that holds a set of words separates them
by spaces. Entries are kept as written (case included). A malformed list (a duplicate entry, a
line without its fields, a word in two sets) raises :class:`WordListError`, so the stage that needs
it refuses to start rather than silently keeping one of two meanings.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "en"
"""The English data files: word lists and time-expression rules."""


class WordListError(ValueError):
    """A word list is malformed: a duplicate entry or a line without its fields."""

    def __init__(self, path: Path, number: int, problem: str) -> None:
        super().__init__(f"{path}:{number}: {problem}")


def data_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Yield (line number, line) for the lines of ``path`` that are neither blank nor comments."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            yield number, line


def read_table(
    path: Path, fields: int = 1, last_field_in: Collection[str] | None = None
) -> list[tuple[str, ...]]:
    """The entries of a list, each split into its tab-separated fields.

    path (Path): the list's file.
    fields (int): how many fields every entry has. Defaults to 1.
    last_field_in (Collection[str] | None): the values the last field may take. Defaults to any.
    RETURNS (list[tuple[str, ...]]): the entries in file order; their first fields are unique.
    """
    entries: list[tuple[str, ...]] = []
    seen: set[str] = set()
    for number, line in data_lines(path):
        parts = tuple(part.strip() for part in line.split("\t"))
        if len(parts) != fields:
            raise WordListError(path, number, f"expected {fields} field(s), got {len(parts)}")
        if last_field_in is not None and parts[-1] not in last_field_in:
            raise WordListError(
                path, number, f"{parts[-1]!r} is not one of {sorted(last_field_in)}"
            )
        if parts[0] in seen:
            raise WordListError(path, number, f"duplicate entry {parts[0]!r}")
        seen.add(parts[0])
        entries.append(parts)
    return entries


def read_words(path: Path) -> frozenset[str]:
    """A list of one entry a line (an entry may hold spaces: "New York")."""
    return frozenset(entry for (entry,) in read_table(path))


def read_pairs(path: Path) -> dict[str, str]:
    """A two-field table: first field -> second field."""
    return dict(read_table(path, fields=2))  # type: ignore[arg-type]


def read_sets(path: Path) -> tuple[frozenset[str], ...]:
    """Word sets, one a line, words separated by spaces; a word belongs to at most one set."""
    seen: set[str] = set()
    sets = []
    for number, line in data_lines(path):
        words = line.split()
        for word in words:
            if word in seen:
                raise WordListError(path, number, f"duplicate word {word!r}")
            seen.add(word)
        sets.append(frozenset(words))
    return tuple(sets)
