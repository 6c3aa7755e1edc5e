"""Actor timelines: the story events one requested actor takes part in, ranked in time.

An actor timeline lists what happened or is expected to: events every mention of which is
negated or merely possible ("Apple did not deliver", "GM could cut jobs"), and states of mind
("Jobs believes"), are left out. So are events the actor is only named around (a place, or
"other", prepositional role: "an iPod marketed alongside the iTunes store"): it takes part as
agent, patient or recipient.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from service.pipeline.dates.iso_days import day_of
from service.pipeline.entities.names import mentions_name, name_core, names_match
from service.pipeline.events.referents import PERSON_TYPES
from service.pipeline.records import (
    ActorTimeline,
    ActorTimelineEntry,
    EntityRef,
    Event,
    Interval,
    StoryEvent,
    TimelineResult,
)
from service.pipeline.timeline.placement import UNKNOWN, Placement


@dataclass(frozen=True)
class DatedStoryEvent:
    """A story event with its date and the entities taking part in it.

    event (StoryEvent): the event and its mentions.
    value (str | None): its TIMEX3 date, None when no mention has a usable one.
    interval (Interval | None): the calendar interval of ``value``.
    roles (tuple[tuple[EntityRef | None, str, str], ...]): every actor any mention has in one of
        ``TAKING_PART``, as (its entity if found, its text, its role).
    factual (bool): whether a mention reports it as happening (see the module docstring).
    on_timeline (bool): whether a mention is a timeline entry of its document.
    placement (Placement): the placement its date comes from.
    """

    event: StoryEvent
    value: str | None
    interval: Interval | None
    roles: tuple[tuple[EntityRef | None, str, str], ...] = ()
    factual: bool = True
    on_timeline: bool = False
    placement: Placement = UNKNOWN


TAKING_PART = frozenset({"agent", "patient", "recipient"})
"""The roles in which an actor takes part in an event (a location does not)."""
NOT_HAPPENING = frozenset({"negated", "possible"})
STATES_OF_MIND = frozenset({"I_STATE"})


def is_factual(event: Event) -> bool:
    """Whether a mention reports its event as happening (see the module docstring)."""
    return event.factuality not in NOT_HAPPENING and event.event_class not in STATES_OF_MIND


def matching_entities(
    actor: str, documents: Sequence[tuple[str, TimelineResult]]
) -> tuple[EntityRef, ...]:
    """The document entities whose name or one of whose mentions names ``actor``, and in each
    document the persons called by the first name of one matched ("Steve" for "Steve Jobs").

    actor (str): the requested name ("Barack Obama", "General Motors").
    documents (Sequence[tuple[str, TimelineResult]]): (document id, result) pairs.
    RETURNS (tuple[EntityRef, ...]): in document then entity order.
    """
    refs = []
    for document, result in documents:
        named = [
            entity
            for entity in result.entities
            if names_match(actor, entity.name)
            or any(names_match(actor, mention.text) for mention in entity.mentions)
        ]
        first_names = {core[:1] for e in named if len(core := name_core(e.name)) > 1}
        refs += [
            EntityRef(document, entity.id)
            for entity in result.entities
            if entity in named
            or (entity.type in PERSON_TYPES and name_core(entity.name) in first_names)
        ]
    return tuple(refs)


def rank_in_time(events: Sequence[DatedStoryEvent]) -> list[tuple[int, DatedStoryEvent]]:
    """Positions 1, 2, ... by the days an interval spans (events on one day share a position,
    whatever the time of day); undated events last, at 0.

    events (Sequence[DatedStoryEvent]): the events, in story order.
    RETURNS (list[tuple[int, DatedStoryEvent]]): (position, event) pairs in time order.
    """
    dated = sorted((e for e in events if e.interval is not None), key=_days)
    ranked: list[tuple[int, DatedStoryEvent]] = []
    position, previous = 0, None
    for event in dated:
        days = _days(event)
        position += days != previous
        previous = days
        ranked.append((position, event))
    return ranked + [(0, e) for e in events if e.interval is None]


def _days(event: DatedStoryEvent) -> tuple[str, str]:
    """The first and last day of an event's interval."""
    interval = event.interval
    return (day_of(interval.start), day_of(interval.end)) if interval else ("", "")


def build_actor_timeline(
    actor: str,
    documents: Sequence[tuple[str, TimelineResult]],
    events: Sequence[DatedStoryEvent],
) -> ActorTimeline:
    """The timeline of one requested actor.

    actor (str): the name as requested.
    documents (Sequence[tuple[str, TimelineResult]]): (document id, result) pairs.
    events (Sequence[DatedStoryEvent]): the story's events.
    RETURNS (ActorTimeline): the matched entities and the events any of them takes part in.
    """
    entities = matching_entities(actor, documents)
    wanted = set(entities)
    names = {
        EntityRef(document, entity.id): entity.name
        for document, result in documents
        for entity in result.entities
    }
    matched: dict[str, None] = {}
    own = []
    for event in events:
        roles = _roles_of(actor, wanted, names, event)
        if event.factual and roles:
            own.append((event, tuple(sorted({role for _, _, role in roles}))))
            matched.update(dict.fromkeys(text for _, text, _ in roles))
    by_event = {id(event): event_roles for event, event_roles in own}
    entries = tuple(
        ActorTimelineEntry(
            position,
            event.value,
            event.event.mentions,
            by_event[id(event)],
            event.event.description,
        )
        for position, event in rank_in_time([event for event, _ in own])
    )
    return ActorTimeline(actor, entities, entries, tuple(matched))


def _roles_of(
    actor: str, wanted: set[EntityRef], names: dict[EntityRef, str], event: DatedStoryEvent
) -> list[tuple[EntityRef | None, str, str]]:
    """The participants of an event that are the requested actor: one of its entities, a phrase
    without an entity that names it, or a phrase that names it and is linked to an entity
    named by part of the request ("The FTSE 100" linked to "FTSE"; not "Apple's iPod", linked
    to Apple, for "iPod")."""
    core = set(name_core(actor))
    return [
        (ref, text, role)
        for ref, text, role in event.roles
        if (ref is not None and ref in wanted)
        or (
            mentions_name(text, actor)
            and (ref is None or set(name_core(names.get(ref, ""))) <= core)
        )
    ]
