"""Closed-class words that several stages read, loaded once from ``service/resources/en/words/``.

Each concept has one list: relative pronouns, pronouns by what they stand for, locative
prepositions, the words an acronym skips, the noun suffixes that mark event nouns and undo
nominalisations, and the auxiliaries of the future.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from service.pipeline.lexicon.word_lists import RESOURCES, read_table, read_words

RESOURCE_DIR = RESOURCES / "words"
PRONOUN_KINDS = ("person", "neuter", "demonstrative", "other")
_BARE_STEM, _NOT_UNDONE, _EVENT = "0", "-", "event"


@dataclass(frozen=True)
class ClosedClass:
    """The shared closed-class lists."""

    relative_pronouns: frozenset[str]
    pronouns: dict[str, str]
    locative_prepositions: frozenset[str]
    acronym_skip_words: frozenset[str]
    event_suffixes: tuple[str, ...]
    nominalisation_suffixes: tuple[tuple[str, tuple[str, ...]], ...]
    future_auxiliaries: frozenset[str]

    def pronouns_of(self, kind: str) -> frozenset[str]:
        """The pronouns that stand for ``kind`` (one of ``PRONOUN_KINDS``)."""
        return frozenset(word for word, of in self.pronouns.items() if of == kind)


@cache
def load_closed_class() -> ClosedClass:
    """Load and validate the closed-class lists once.

    RETURNS (ClosedClass): the shared, read-only lists.
    """
    pronouns = read_table(RESOURCE_DIR / "pronouns.tsv", fields=2, last_field_in=PRONOUN_KINDS)
    suffixes = read_table(
        RESOURCE_DIR / "noun_suffixes.tsv", fields=3, last_field_in=(_EVENT, _NOT_UNDONE)
    )
    return ClosedClass(
        relative_pronouns=read_words(RESOURCE_DIR / "relative_pronouns.txt"),
        pronouns=dict(pronouns),  # type: ignore[arg-type]
        locative_prepositions=read_words(RESOURCE_DIR / "locative_prepositions.txt"),
        acronym_skip_words=read_words(RESOURCE_DIR / "acronym_skip_words.txt"),
        event_suffixes=tuple(suffix for suffix, _, kind in suffixes if kind == _EVENT),
        nominalisation_suffixes=tuple(
            (suffix, tuple("" if ending == _BARE_STEM else ending for ending in endings.split()))
            for suffix, endings, _ in suffixes
            if endings != _NOT_UNDONE
        ),
        future_auxiliaries=read_words(RESOURCE_DIR / "future_auxiliaries.txt"),
    )
