"""Word lists of the entity and event stages, loaded once from ``service/resources/en/events/``.

Each list is a data file in the one format that ``word_lists`` reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from service.pipeline.lexicon.word_lists import RESOURCES, read_pairs, read_table, read_words

RESOURCE_DIR = RESOURCES / "events"
CUE_KINDS = (
    "negative",
    "contrast",
    "condition",
    "allegation",
    "implication",
    "hedge",
    "plan",
    "happening",
)
"""The kinds of factuality cue (``factuality_cues.tsv``)."""


@dataclass(frozen=True)
class Lexicon:
    """The word lists, keyed as the stages look them up."""

    verb_classes: dict[str, str]
    """verb_classes.tsv: predicates whose TimeML class is not OCCURRENCE ("say" -> REPORTING)."""
    nominal_events: frozenset[str]
    """nominal_events.txt: nouns that name events ("summit")."""
    places: frozenset[str]
    """places.txt: places small NER models mislabel; a GPE after a locative preposition."""
    group_nouns: frozenset[str]
    """group_nouns.txt: collective nouns that name an organisation ("the Syrian army")."""
    member_nouns: frozenset[str]
    """member_nouns.txt: part-of-a-group nouns ("members of the coalition" is the coalition)."""
    unaccusative_verbs: frozenset[str]
    """unaccusative_verbs.txt: verbs whose lone subject undergoes the event ("the price rose")."""
    theme_subject_verbs: frozenset[str]
    """theme_subject_verbs.txt: verbs whose subject is their theme ("the program costs $99")."""
    undergoer_nouns: frozenset[str]
    """undergoer_nouns.txt: event nouns whose possessor undergoes them ("its launch")."""
    abstract_nouns: frozenset[str]
    """abstract_nouns.txt: nouns that name no entity ("attention", "time"): never an actor."""
    organisation_nouns: frozenset[str]
    """organisation_nouns.txt: what only an organisation has ("the offices of X"), as written."""
    entity_nouns: frozenset[str]
    """entity_nouns.txt: event nouns that also name an entity ("profit"): still an actor."""
    message_nouns: frozenset[str]
    """message_nouns.txt: messages and recordings ("a letter stating"): not who states."""
    organisation_descriptions: frozenset[str]
    """organisation_descriptions.txt: nouns of "the company", "the airline" (actors' referents)."""
    factuality_cues: dict[str, str]
    """factuality_cues.tsv: word -> kind of cue (``CUE_KINDS``): "alleged" -> allegation."""


@cache
def load_lexicon() -> Lexicon:
    """Load and validate every word list once.

    RETURNS (Lexicon): the shared, read-only lexicon.
    """

    def words(name: str) -> frozenset[str]:
        return read_words(RESOURCE_DIR / name)

    return Lexicon(
        verb_classes=read_pairs(RESOURCE_DIR / "verb_classes.tsv"),
        nominal_events=words("nominal_events.txt"),
        places=words("places.txt"),
        group_nouns=words("group_nouns.txt"),
        member_nouns=words("member_nouns.txt"),
        unaccusative_verbs=words("unaccusative_verbs.txt"),
        theme_subject_verbs=words("theme_subject_verbs.txt"),
        undergoer_nouns=words("undergoer_nouns.txt"),
        abstract_nouns=words("abstract_nouns.txt"),
        entity_nouns=words("entity_nouns.txt"),
        organisation_nouns=words("organisation_nouns.txt"),
        message_nouns=words("message_nouns.txt"),
        organisation_descriptions=words("organisation_descriptions.txt"),
        factuality_cues=dict(
            read_table(RESOURCE_DIR / "factuality_cues.tsv", fields=2, last_field_in=CUE_KINDS)  # type: ignore[arg-type]
        ),
    )
