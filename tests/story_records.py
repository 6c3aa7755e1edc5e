"""Hand-written pipeline records for the story tests: events, documents, times."""

from __future__ import annotations

from dataclasses import replace

from service.pipeline.records import (
    Actor,
    DocumentDate,
    DocumentInfo,
    Entity,
    Event,
    EventTime,
    Interval,
    TextSpan,
    TimeExpression,
    TimelineResult,
)
from service.pipeline.story.coreference import (
    coreference_score,
    mention_features,
)
from service.pipeline.story.participants import Participant
from service.pipeline.timeline.placement import DocumentTimes, place

ISIS = {"x1": "ISIS"}


def on(value: str, relation: str = "IS_INCLUDED", expression: str | None = "t1") -> EventTime:
    """A time on the day ``value`` (or the whole year, for a four-digit value)."""
    start, end = (value + "-01-01", value + "-12-31") if len(value) == 4 else (value, value)
    return EventTime(expression, value, Interval(start, end), relation)


def event(
    id: str,
    word: str,
    lemma: str,
    actors: tuple[tuple[str | None, str, str], ...] = (),
    time: EventTime | None = None,
    sentence: int = 0,
    event_class: str = "OCCURRENCE",
) -> Event:
    """An event in sentence ``sentence``, a timeline entry of its document; actors are (entity
    id or None, text, role)."""
    start = sentence * 100 + 10
    return Event(
        id=id,
        trigger=TextSpan(word, start, start + len(word)),
        lemma=lemma,
        event_class=event_class,
        sentence=TextSpan("", sentence * 100, sentence * 100 + 99),
        actors=tuple(
            Actor(entity, text, start + 20, start + 20 + len(text), role)
            for entity, text, role in actors
        ),
        time=time,
        admission="admitted",
    )


def document(
    *events: Event, entities: dict[str, str] | None = None, date: str | None = "2017-05-09"
) -> TimelineResult:
    """A result with these events and entities (id -> name)."""
    return TimelineResult(
        document=DocumentInfo(None, "en", DocumentDate(date, "request"), 1000),
        entities=tuple(
            Entity(id, name, "ORG", (TextSpan(name, 0, len(name)),))
            for id, name in (entities or {}).items()
        ),
        events=events,
    )


def score(first: Event, second: Event, names: dict[str, str] | None = None) -> float:
    """The coreference score of two mentions from documents "a" and "b" of 2017-05-09."""

    def features(document_id: str, mention: Event):
        time = place(mention, DocumentTimes("2017-05-09"))
        date = time.value if time.explicit else None
        actors = [Participant(a.role, a.entity, a.text) for a in mention.actors]
        return mention_features(document_id, mention, actors, names or {}, time.window, date)

    return coreference_score(features("a", first), features("b", second))


def merged(story) -> list[list[tuple[str, str]]]:
    """(document, event id) of every story event with more than one mention."""
    return [
        [(m.document, m.event) for m in story_event.mentions]
        for entry in story.timeline
        for story_event in entry.events
        if len(story_event.mentions) > 1
    ]


APRIL = Interval("2010-04-01", "2010-04-30")


def news(*events: Event, date: str = "2010-06-08") -> TimelineResult:
    """A document with a lead "Yesterday" (t1, sentence 0) and "In April" (t2, sentence 1)."""
    expressions = (
        TimeExpression("t1", "Yesterday", 5, 14, "DATE", "2010-06-07"),
        TimeExpression("t2", "April", 103, 108, "DATE", "2010-04"),
    )
    result = document(*events, date=date)
    return replace(result, time_expressions=expressions)


def past(id: str, word: str, time: EventTime | None, sentence: int) -> Event:
    """A past-tense event."""
    return replace(event(id, word, word, time=time, sentence=sentence), tense="PAST")
