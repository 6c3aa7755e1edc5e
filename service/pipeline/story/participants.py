"""Who takes part in each event of a document: its actors, with the entities they refer to.

The events stage links an actor to its entity (``events.referents``); results built otherwise
(read back, or written by hand) are linked here the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from service.pipeline.events.referents import Referents
from service.pipeline.records import Actor, TimelineResult


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
    referents = Referents(result.entities, result.events)
    return {
        event.id: tuple(_participant(actor, referents) for actor in event.actors)
        for event in result.events
    }


def _participant(actor: Actor, referents: Referents) -> Participant:
    """An actor as a participant: a relative pronoun or "it" by the phrase it stands for, so
    that names match ("which" of "the iTunes Music Store, which")."""
    phrase = referents.antecedent(actor)
    return Participant(actor.role, actor.entity or referents.entity_of(actor), phrase.text)
