"""Which entity each actor of a document refers to, where the entity stage left it unlinked.

Five kinds of actor are linked here: a phrase that names an entity of the document as what it is
about ("Jobs" for Steve Jobs, "the iTunes Music Store"); a personal pronoun ("he", "his", and
"I" or "my" of a quotation), taken to refer to the person named last before it within
``PRONOUN_REACH`` characters (news names a person, then goes on with "he", or quotes them); "it",
taken to refer to the named thing (an entity not a person, or a phrase with a capital inside:
"iPhone 4") last an agent or patient before it within that reach ("iPhone 4 has a new frame. It
also has a new screen."); a definite description of an organisation ("the company", "the German
carmaker") or of something named with its head word ("the store" after "the iTunes Music
Store"); and a relative pronoun, which stands for the phrase just before it ("an iPod player,
which is made by ..."). The actor keeps its text: the pronoun is the entity's mention.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from service.pipeline.entities.names import NameIndex
from service.pipeline.lexicon.closed_class import load_closed_class
from service.pipeline.lexicon.events import load_lexicon
from service.pipeline.records import Actor, Entity, Event

PRONOUN_REACH = 600
PERSONAL_PRONOUNS = load_closed_class().pronouns_of("person")
NEUTER_PRONOUNS = load_closed_class().pronouns_of("neuter")
PERSON_TYPES = frozenset({"PERSON"})
ORGANISATION_TYPES = frozenset({"ORG"})
_DESCRIPTIONS = load_lexicon().organisation_descriptions
TOPIC_ROLES = frozenset({"agent", "patient"})
RELATIVE = load_closed_class().relative_pronouns
RELATIVE_GAP = 3
"""Most characters between a relative pronoun and the phrase it refers to: "the store, which"."""
DESCRIPTION_WORDS = 4
"""Most words of a description of an organisation: "the German carmaker", "the Swiss bank"."""


def resolve_actors(events: Sequence[Event], entities: Sequence[Entity]) -> list[Event]:
    """The events with each unlinked actor linked to the entity it refers to, where one is found.

    events (Sequence[Event]): a document's events, in text order.
    entities (Sequence[Entity]): its entities.
    RETURNS (list[Event]): the same events, their actors' ``entity`` filled in where resolved.
    """
    referents = Referents(entities, events)
    resolved = []
    for event in events:
        actors = tuple(
            actor if actor.entity else replace(actor, entity=referents.entity_of(actor))
            for actor in event.actors
        )
        resolved.append(event if actors == event.actors else replace(event, actors=actors))
    return resolved


class Referents:
    """What the actors of one document may refer to: its persons, entity mentions and phrases.

    entities (Sequence[Entity]): the document's entities.
    events (Sequence[Event]): its events, whose actors are the phrases and topics.
    """

    def __init__(self, entities: Sequence[Entity], events: Sequence[Event]) -> None:
        self.names = NameIndex((e.id, e.name, _has_surname(e.name)) for e in entities)
        self.order = {entity.id: i for i, entity in enumerate(entities)}
        self.people = _mentions_of(entities, PERSON_TYPES)
        self.organisations = _mentions_of(entities, ORGANISATION_TYPES)
        names = {entity.id: entity.name for entity in entities}
        self.organisations_by_word: dict[str, list[tuple[int, str]]] = {}
        for start, entity_id in self.organisations:
            for word in {w.lower() for w in names[entity_id].split()}:
                self.organisations_by_word.setdefault(word, []).append((start, entity_id))
        self.named_by_head: dict[str, list[tuple[int, str]]] = {}
        for entity in entities:
            last = entity.name.split()[-1].lower()
            self.named_by_head.setdefault(last, []).extend(
                (m.start, entity.id) for m in entity.mentions
            )
        for mentions in self.named_by_head.values():
            mentions.sort()
        self.phrases = {
            actor.end: actor
            for event in events
            for actor in event.actors
            if actor.text.lower() not in RELATIVE
        }
        types = {entity.id: entity.type for entity in entities}
        self.topics = sorted(
            (
                (actor.start, actor)
                for event in events
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
            for entity in entities
            for mention in entity.mentions
        )

    def entity_of(self, actor: Actor) -> str | None:
        """The id of the entity an actor refers to, if one is found."""
        return self._resolved(self.antecedent(actor))

    def antecedent(self, actor: Actor) -> Actor:
        """The phrase a relative pronoun or "it" stands for (see the module docstring), else the
        actor itself."""
        if actor.text.lower() in RELATIVE:
            return self._antecedent(actor)
        if actor.text.lower() in NEUTER_PRONOUNS:
            return self._topic_before(actor)
        return actor

    def _resolved(self, actor: Actor) -> str | None:
        """The entity a phrase refers to: its own, else as the module docstring says."""
        if actor.entity:
            entity: str | None = actor.entity
        elif actor.text.lower() in PERSONAL_PRONOUNS:
            entity = _last_before(self.people, actor.start)
        elif _describes_organisation(actor.text):
            entity = self._organisation_before(actor)
        elif head := _description_head(actor.text):
            entity = _last_before(self.named_by_head.get(head, []), actor.start)
        else:
            entity = _named_entity(actor.text, self.names, self.order)
        return entity

    def _organisation_before(self, actor: Actor) -> str | None:
        """The organisation a description refers to: the one named last before it, or, when a
        modifier of the description is a word of a name, the one so named last ("the computer
        company" after "Apple Computer ... Apple Corps")."""
        found = (
            _last_mention_before(self.organisations_by_word.get(word.lower(), []), actor.start)
            for word in actor.text.split()[1:-1]
        )
        named = max((m for m in found if m is not None), default=None)
        return named[1] if named else _last_before(self.organisations, actor.start)

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
    mention = _last_mention_before(mentions, start)
    return mention[1] if mention else None


def _last_mention_before(mentions: list[tuple[int, str]], start: int) -> tuple[int, str] | None:
    """The (start, entity id) mention last before ``start`` within ``PRONOUN_REACH``, if any."""
    before = bisect_left(mentions, (start, "")) - 1
    if before >= 0 and start - mentions[before][0] <= PRONOUN_REACH:
        return mentions[before]
    return None


def _has_surname(name: str) -> bool:
    """Whether a name's last word alone names it ("Jobs", "Macintosh" of "Apple Macintosh"), not
    a word for what it is ("Bank" of "Deutsche Bank", "Group": :data:`_DESCRIPTIONS`)."""
    return name.split()[-1].lower() not in _DESCRIPTIONS


def _describes_organisation(text: str) -> bool:
    """Whether an actor is a definite description of an organisation: "the company", "The
    airline", "the German carmaker" (a word of :data:`_DESCRIPTIONS` after "the" and at most
    two modifiers, none a possessive or a preposition's)."""
    words = text.lower().split()
    return (
        2 <= len(words) <= DESCRIPTION_WORDS
        and words[0] == "the"
        and words[-1] in _DESCRIPTIONS
        and not any(w in ("of", "'s", "’s") or w.endswith(("'s", "’s")) for w in words)
    )


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


def _named_entity(text: str, names: NameIndex, order: dict[str, int]) -> str | None:
    """The entity an actor phrase with a capitalised word names (the longest name wins, then
    the first entity)."""
    if not any(word[:1].isupper() for word in text.split()):
        return None
    named = names.mentioned(text)
    if not named:
        return None
    return max(named, key=lambda pair: (len(pair[1]), -order[pair[0]]))[0]
