"""Many documents, one story: coreferent events merged, the story timeline, actor timelines.

Pure Python over :class:`TimelineResult` records: no parsing happens here. A mention is its
trigger, with the particle of a phrasal verb that follows it ("showed off", "step down").

>>> story = build_story([("a", result_a), ("b", result_b)], actors=["ISIS"])
>>> story.timeline[0].events[0].mentions     # one mention per document that reports it
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import NamedTuple

from service.pipeline.dates.iso_days import calendar_day
from service.pipeline.lexicon.confidence import load_confidence_tables
from service.pipeline.lexicon.story import load_story_lexicon
from service.pipeline.records import (
    EntityRef,
    Event,
    EventMention,
    Story,
    StoryEntry,
    StoryEvent,
    TimelineResult,
)
from service.pipeline.story.actor_timelines import (
    TAKING_PART,
    DatedStoryEvent,
    build_actor_timeline,
    is_factual,
)
from service.pipeline.story.coreference import MentionFeatures, cluster_mentions, mention_features
from service.pipeline.story.participants import Participant, event_participants
from service.pipeline.timeline import ADMITTED, Placement, placements
from service.pipeline.timeline.assembly import by_date
from service.pipeline.timeline.placement import UNKNOWN

UNKNOWN_DATE = "XXXX-XX-XX"
"""TIMEX3 value of the story entry holding the events no document dates."""
VERB_TENSES = frozenset({"PAST", "PRESENT", "FUTURE", "INFINITIVE", "PRESPART", "PASTPART"})
_NEXT_WORD = re.compile(r"\s+(\w+)\b")


class _Member(NamedTuple):
    """One event mention of the story, with what dating and actor timelines need of it."""

    document: str
    event: Event
    time: Placement
    participants: tuple[Participant, ...]


def _story_event(members: list[_Member], weakest: float) -> DatedStoryEvent:
    """One cluster as a story event (id still empty), dated by its most specific mention date,
    and on the story timeline when one of its mentions is a timeline entry; ``weakest`` is the
    score of the weakest merge that joined it (``math.inf`` for a single mention, whose
    confidence is 1.0)."""
    mentions = tuple(_mention(m.document, m.event) for m in members)
    confidence = 1.0 if len(members) == 1 else load_confidence_tables().merges(weakest)
    entries = [m for m in members if m.event.admission == ADMITTED]
    pool = [m.time for m in members]
    dated = [t for t in pool if t.interval is not None] or [t for t in pool if t.day is not None]
    best = min(dated, key=_specificity) if dated else UNKNOWN
    taking_part = [
        (m.document, p) for m in members for p in m.participants if p.role in TAKING_PART
    ]
    roles = tuple(
        (EntityRef(d, p.entity) if p.entity else None, p.text, p.role) for d, p in taking_part
    )
    factual = any(is_factual(m.event) for m in members)
    return DatedStoryEvent(
        StoryEvent("", mentions, members[0].event.description, confidence),
        best.value,
        best.interval,
        roles,
        factual,
        on_timeline=bool(entries) and best.day is not None,
        placement=best,
    )


def _mention(document: str, event: Event) -> EventMention:
    """A mention of ``event``: its trigger, with the particle of a phrasal verb ("showed off")."""
    trigger, sentence = event.trigger, event.sentence
    end = trigger.end
    if event.tense in VERB_TENSES:
        following = _NEXT_WORD.match(sentence.text, trigger.end - sentence.start)
        if following and following.group(1).lower() in load_story_lexicon().particles:
            end = sentence.start + following.end()
    text = trigger.text + sentence.text[trigger.end - sentence.start : end - sentence.start]
    return EventMention(document, event.id, trigger.start, end, text)


def _specificity(time: Placement) -> tuple[bool, int]:
    """Sort key of a cluster's dates: from a time expression first, then the shortest."""
    interval = time.interval or (time.day[1] if time.day else None)
    start = calendar_day(interval.start) if interval else None
    end = calendar_day(interval.end) if interval else None
    return (not time.explicit, (end - start).days if start and end else 1 << 20)


def _in_time(event: DatedStoryEvent, number: int) -> tuple[bool, str, str, int]:
    """Sort key of story events: dated ones by interval, undated last, then in cluster order."""
    interval = event.interval
    return (interval is None, *((interval.start, interval.end) if interval else ("", "")), number)


def _timeline(events: Sequence[DatedStoryEvent]) -> tuple[StoryEntry, ...]:
    """The story events that are timeline entries in some document, grouped by date and relation
    in date order, as a document's timeline groups its own."""
    entries = ((e.placement, e) for e in events if e.on_timeline)
    return tuple(
        StoryEntry(value, interval, tuple(e.event for e in members), relation)
        for value, interval, relation, members in by_date(entries)
    )


def story_clusters(
    documents: Sequence[tuple[str, TimelineResult]],
) -> list[tuple[tuple[EventMention, ...], float]]:
    """The mentions of each story event and the score of the weakest merge that joined them
    (``math.inf`` for a single mention), for calibrating the merge confidence.

    documents (Sequence[tuple[str, TimelineResult]]): (document id, that document's result).
    RETURNS (list[tuple[tuple[EventMention, ...], float]]): one pair per story event.
    """
    return [
        (tuple(_mention(members[i].document, members[i].event) for i in group), weakest)
        for members, group, weakest in _clusters(documents)
    ]


def _clusters(
    documents: Sequence[tuple[str, TimelineResult]],
) -> Iterator[tuple[list[_Member], list[int], float]]:
    """Every mention of the documents, clustered: (all members, one cluster, its weakest merge)."""
    members: list[_Member] = []
    features: list[MentionFeatures] = []
    for document, result in documents:
        names = {entity.id: entity.name for entity in result.entities}
        written = result.document.document_date.value
        placed = placements(result.events, result.time_expressions, written)
        published = calendar_day(written)
        participants = event_participants(result)
        for event in result.events:
            time = placed[event.id]
            taking_part = participants[event.id]
            members.append(_Member(document, event, time, taking_part))
            explicit = time.value if time.explicit else None
            features.append(
                mention_features(
                    document, event, taking_part, names, time.window, explicit, published
                )
            )
    for group, weakest in cluster_mentions(features):
        yield members, group, weakest


def build_story(
    documents: Sequence[tuple[str, TimelineResult]], actors: Sequence[str] = ()
) -> Story:
    """Merge the documents' events into one story and build the requested actors' timelines.

    documents (Sequence[tuple[str, TimelineResult]]): (document id, that document's result).
    actors (Sequence[str]): names of the actors whose timelines are wanted. Defaults to none.
    RETURNS (Story): the story timeline (one event per occurrence, ids ``s1``, ``s2``, ... in
        time order, undated events last) and one actor timeline per requested name, in order.
    """
    unordered = [
        _story_event([members[i] for i in group], weakest)
        for members, group, weakest in _clusters(documents)
    ]
    in_time = sorted(range(len(unordered)), key=lambda n: _in_time(unordered[n], n))
    events = [
        replace(unordered[n], event=replace(unordered[n].event, id=f"s{number}"))
        for number, n in enumerate(in_time, start=1)
    ]
    return Story(
        timeline=_timeline(events),
        actor_timelines=tuple(build_actor_timeline(a, documents, events) for a in actors),
    )
