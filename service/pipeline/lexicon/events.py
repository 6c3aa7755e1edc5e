"""Word lists of the entity and event stages, loaded once from ``service/resources/en/events/``.

Each list is a data file read by ``word_lists``; a line's fields are separated by tabs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from service.pipeline.lexicon.word_lists import RESOURCES, WordListError, data_lines

RESOURCE_DIR = RESOURCES / "events"


def read_entries(name: str, fields: int = 1) -> list[tuple[str, ...]]:
    """Read the non-comment lines of one word list, split on tabs.

    name (str): the file name inside ``RESOURCE_DIR``.
    fields (int): the number of tab-separated fields every line must have. Defaults to 1.
    RETURNS (list[tuple[str, ...]]): the entries, in file order.
    """
    path = RESOURCE_DIR / name
    entries: list[tuple[str, ...]] = []
    seen: set[str] = set()
    for number, line in data_lines(path):
        parts = tuple(part.strip() for part in line.split("\t"))
        if len(parts) != fields:
            raise WordListError(path, number, f"expected {fields} field(s), got {len(parts)}")
        if parts[0] in seen:
            raise WordListError(path, number, f"duplicate entry {parts[0]!r}")
        seen.add(parts[0])
        entries.append(parts)
    return entries


@dataclass(frozen=True)
class Lexicon:
    """The word lists, keyed as the stages look them up."""

    verb_classes: dict[str, str]
    nominal_events: frozenset[str]
    places: frozenset[str]
    group_nouns: frozenset[str]
    member_nouns: frozenset[str]
    unaccusative_verbs: frozenset[str]
    theme_subject_verbs: frozenset[str]
    undergoer_nouns: frozenset[str]


@cache
def load_lexicon() -> Lexicon:
    """Load and validate every word list once.

    RETURNS (Lexicon): the shared, read-only lexicon.
    """

    def words(name: str) -> frozenset[str]:
        return frozenset(entry[0] for entry in read_entries(name))

    return Lexicon(
        verb_classes=dict(read_entries("verb_classes.tsv", fields=2)),
        nominal_events=words("nominal_events.txt"),
        places=words("places.txt"),
        group_nouns=words("group_nouns.txt"),
        member_nouns=words("member_nouns.txt"),
        unaccusative_verbs=words("unaccusative_verbs.txt"),
        theme_subject_verbs=words("theme_subject_verbs.txt"),
        undergoer_nouns=words("undergoer_nouns.txt"),
    )
