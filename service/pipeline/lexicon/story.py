"""Word lists of the story stage, loaded once from ``service/resources/en/story/``.

Each list is a data file in the one format that ``word_lists`` reads; a word listed twice in one
file is an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from service.pipeline.lexicon.closed_class import load_closed_class
from service.pipeline.lexicon.word_lists import RESOURCES, read_pairs, read_sets, read_words

RESOURCE_DIR = RESOURCES / "story"


@dataclass(frozen=True)
class StoryLexicon:
    """The story stage's word lists."""

    nominalisations: dict[str, str]
    """nominalisations.tsv: irregular event nouns and their verbs ("death" -> "die")."""
    synonyms: tuple[frozenset[str], ...]
    """synonyms.txt: triggers that may name the same happening ("buy", "purchase")."""
    actor_nouns: tuple[frozenset[str], ...]
    """actor_nouns.txt: head nouns of the same kind of participant ("army", "troop")."""
    pronouns: frozenset[str]
    """Every pronoun (words/pronouns.tsv): never the head noun of an actor phrase."""
    generic_triggers: frozenset[str]
    """generic_triggers.txt: triggers that merge only with a shared actor ("add", "be")."""
    name_titles: frozenset[str]
    """name_titles.txt: titles that open a person's name ("President")."""
    name_designators: frozenset[str]
    """name_designators.txt: legal-form words after a name ("Apple Inc." is "Apple")."""
    particles: frozenset[str]
    """particles.txt: phrasal-verb particles kept with the trigger ("step down")."""


@cache
def load_story_lexicon() -> StoryLexicon:
    """Load and validate every story word list once.

    RETURNS (StoryLexicon): the shared, read-only lists.
    """
    return StoryLexicon(
        nominalisations=read_pairs(RESOURCE_DIR / "nominalisations.tsv"),
        synonyms=read_sets(RESOURCE_DIR / "synonyms.txt"),
        actor_nouns=read_sets(RESOURCE_DIR / "actor_nouns.txt"),
        pronouns=frozenset(load_closed_class().pronouns),
        generic_triggers=read_words(RESOURCE_DIR / "generic_triggers.txt"),
        name_titles=read_words(RESOURCE_DIR / "name_titles.txt"),
        name_designators=read_words(RESOURCE_DIR / "name_designators.txt"),
        particles=read_words(RESOURCE_DIR / "particles.txt"),
    )
