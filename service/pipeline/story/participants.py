"""Who takes part in each event of a document: its actors, with the entities they refer to.

Four kinds of actor the entity stage leaves unresolved are linked here: a phrase that names an
entity of the document as what it is about ("Jobs" for Steve Jobs, "the iTunes Music Store");
a personal pronoun ("he", "his", and "I" or "my" of a quotation), taken to refer to the person
named last before it within ``PRONOUN_REACH`` characters (news names a person, then goes on with
"he", or quotes them); "it", taken to refer to the named thing (an entity not a person, or a
phrase with a capital inside: "iPhone 4") last an agent or patient before it within that reach
("iPhone 4 has a new frame. It also has a new screen."); and a relative pronoun, which stands
for the phrase just before it ("an iPod player, which is made by ...").
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace

from service.pipeline.lexicon.closed_class import load_closed_class
from service.pipeline.lexicon.story import load_story_lexicon
from service.pipeline.records import Actor, Entity, TimelineResult
from service.pipeline.story.names import mentions_name

PRONOUN_REACH = 600
PERSONAL_PRONOUNS = load_closed_class().pronouns_of("person")
NEUTER_PRONOUNS = load_closed_class().pronouns_of("neuter")
PERSON_TYPES = frozenset({"PERSON"})
ORGANISATION_TYPES = frozenset({"ORG"})
_DESCRIPTIONS = load_story_lexicon().organisation_descriptions
TOPIC_ROLES = frozenset({"agent", "patient"})
RELATIVE = load_closed_class().relative_pronouns
RELATIVE_GAP = 3
"""Most characters between a relative pronoun and the phrase it refers to: "the store, which"."""


@dataclass(frozen=True)
class Participant:
    """An actor of an event: its role, the entity it refers to (if known) and its text."""

    role: str
    entity: str | None
    text: str


def event_participants(result: TimelineResult) -> dict[str, tuple[Participant, ...]]:
    """The participants of every event of one document.

    result (TimelineResult): the document's result.
    RETURNS (dict[str, tuple[Participant, ...]]): event id -> its actors in order.
    """
    referents = _Referents(result)
    return {event.id: tuple(map(referents.resolve, event.actors)) for event in result.events}


class _Referents:
    """What the actors of one document may refer to: its persons, entity mentions and phrases."""

    def __init__(self, result: TimelineResult) -> None:
        self.entities = result.entities
        self.people = _mentions_of(result.entities, PERSON_TYPES)
        self.organisations = _mentions_of(result.entities, ORGANISATION_TYPES)
        self.named_by_head: dict[str, list[tuple[int, str]]] = {}
        for entity in result.entities:
            last = entity.name.split()[-1].lower()
            self.named_by_head.setdefault(last, []).extend(
                (m.start, entity.id) for m in entity.mentions
            )
        for mentions in self.named_by_head.values():
            mentions.sort()
        self.phrases = {
            actor.end: actor
            for event in result.events
            for actor in event.actors
            if actor.text.lower() not in RELATIVE
        }
        types = {entity.id: entity.type for entity in result.entities}
        self.topics = sorted(
            (
                (actor.start, actor)
                for event in result.events
                for actor in event.actors
                if actor.role in TOPIC_ROLES
                and types.get(actor.entity or "") not in PERSON_TYPES
                and (actor.entity is not None or _names_something(actor.text))
            ),
            key=lambda topic: topic[0],
        )
        self.topic_starts = [start for start, _ in self.topics]
        self.phrases.update(
            (mention.end, Actor(entity.id, mention.text, mention.start, mention.end, ""))
            for entity in result.entities
            for mention in entity.mentions
        )

    def resolve(self, actor: Actor) -> Participant:
        """The participant an actor is, with the entity it refers to if one is found."""
        if actor.text.lower() in RELATIVE:
            actor = replace(self._antecedent(actor), role=actor.role)
        elif actor.text.lower() in NEUTER_PRONOUNS:
            actor = replace(self._topic_before(actor), role=actor.role)
        if actor.entity:
            entity: str | None = actor.entity
        elif actor.text.lower() in PERSONAL_PRONOUNS:
            entity = _last_before(self.people, actor.start)
        elif _describes_organisation(actor.text):
            entity = _last_before(self.organisations, actor.start)
        elif head := _description_head(actor.text):
            entity = _last_before(self.named_by_head.get(head, []), actor.start)
        else:
            entity = _named_entity(actor.text, self.entities)
        return Participant(actor.role, entity, actor.text)

    def _topic_before(self, actor: Actor) -> Actor:
        """The thing "it" refers to: the named non-person agent or patient last before it."""
        before = bisect_left(self.topic_starts, actor.start) - 1
        if before >= 0 and actor.start - self.topic_starts[before] <= PRONOUN_REACH:
            return self.topics[before][1]
        return actor

    def _antecedent(self, actor: Actor) -> Actor:
        """The phrase a relative pronoun follows ("the store, which"), else the pronoun."""
        ends = range(actor.start, actor.start - RELATIVE_GAP - 1, -1)
        return next((self.phrases[end] for end in ends if end in self.phrases), actor)


def _mentions_of(entities: Sequence[Entity], types: frozenset[str]) -> list[tuple[int, str]]:
    """(start, entity id) of every mention of the entities of some types, in text order."""
    return sorted((m.start, e.id) for e in entities if e.type in types for m in e.mentions)


def _last_before(mentions: list[tuple[int, str]], start: int) -> str | None:
    """The entity of the mention last before ``start`` within ``PRONOUN_REACH``, if any."""
    before = bisect_left(mentions, (start, "")) - 1
    if before >= 0 and start - mentions[before][0] <= PRONOUN_REACH:
        return mentions[before][1]
    return None


def _describes_organisation(text: str) -> bool:
    """Whether an actor is a definite description of an organisation: "the company", "The
    airline" (a word of :data:`_DESCRIPTIONS` after "the", and nothing else)."""
    words = text.lower().split()
    return len(words) == 2 and words[0] == "the" and words[1] in _DESCRIPTIONS


def _description_head(text: str) -> str | None:
    """The head noun of a definite description of common words ("the store", "the new
    store"), which refers to the entity last named with that final word ("the iTunes Music
    Store"); None for any other phrase."""
    words = text.split()
    if len(words) < 2 or words[0].lower() != "the" or "of" in words:
        return None
    if any(c.isupper() for word in words[1:] for c in word) or not words[-1].isalpha():
        return None
    return words[-1]


def _names_something(text: str) -> bool:
    """Whether a phrase has a capital letter not merely opening it ("iPhone 4", "The App Store"
    but not "The phone")."""
    return any(character.isupper() for character in text[1:])


def _named_entity(text: str, entities: Sequence[Entity]) -> str | None:
    """The entity an actor phrase with a capitalised word names (the longest name wins)."""
    if not any(word[:1].isupper() for word in text.split()):
        return None
    named = [entity for entity in entities if mentions_name(text, entity.name)]
    return max(named, key=lambda e: len(e.name)).id if named else None
