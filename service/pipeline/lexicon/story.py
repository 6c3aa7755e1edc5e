"""Word lists of the story stage, loaded once from ``service/resources/en/story/``.

Each list is a data file read by ``word_lists``, its words separated by white space and
lower-cased; a word listed twice in one file is an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from service.pipeline.lexicon.word_lists import RESOURCES, WordListError, data_lines

RESOURCE_DIR = RESOURCES / "story"


def _lines(name: str) -> list[tuple[int, list[str]]]:
    """(line number, words) of the data lines of one file, lower-cased, split on white space."""
    return [(number, line.lower().split()) for number, line in data_lines(RESOURCE_DIR / name)]


def _unique(name: str, words: list[str], seen: set[str], number: int) -> None:
    for word in words:
        if word in seen:
            raise WordListError(RESOURCE_DIR / name, number, f"duplicate word {word!r}")
        seen.add(word)


def read_words(name: str) -> frozenset[str]:
    """The words of a one-word-a-line list."""
    seen: set[str] = set()
    for number, words in _lines(name):
        if len(words) != 1:
            raise WordListError(RESOURCE_DIR / name, number, "expected one word")
        _unique(name, words, seen, number)
    return frozenset(seen)


def read_pairs(name: str) -> dict[str, str]:
    """A two-column table: first word -> second word."""
    pairs: dict[str, str] = {}
    for number, words in _lines(name):
        if len(words) != 2:
            raise WordListError(RESOURCE_DIR / name, number, "expected two words")
        _unique(name, words[:1], set(pairs), number)
        pairs[words[0]] = words[1]
    return pairs


def read_sets(name: str) -> tuple[frozenset[str], ...]:
    """Word sets, one a line; a word belongs to at most one set."""
    seen: set[str] = set()
    sets = []
    for number, words in _lines(name):
        _unique(name, words, seen, number)
        sets.append(frozenset(words))
    return tuple(sets)


@dataclass(frozen=True)
class StoryLexicon:
    """The story stage's word lists."""

    nominalisations: dict[str, str]
    synonyms: tuple[frozenset[str], ...]
    actor_nouns: tuple[frozenset[str], ...]
    pronouns: frozenset[str]
    generic_triggers: frozenset[str]
    name_titles: frozenset[str]
    name_designators: frozenset[str]
    particles: frozenset[str]


@cache
def load_story_lexicon() -> StoryLexicon:
    """Load and validate every story word list once.

    RETURNS (StoryLexicon): the shared, read-only lists.
    """
    return StoryLexicon(
        nominalisations=read_pairs("nominalisations.tsv"),
        synonyms=read_sets("synonyms.txt"),
        actor_nouns=read_sets("actor_nouns.txt"),
        pronouns=read_words("pronouns.txt"),
        generic_triggers=read_words("generic_triggers.txt"),
        name_titles=read_words("name_titles.txt"),
        name_designators=read_words("name_designators.txt"),
        particles=read_words("particles.txt"),
    )
