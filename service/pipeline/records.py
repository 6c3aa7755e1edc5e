"""Plain records the pipeline produces: no spaCy objects, no Flask.

Every offset is a character offset into the text the pipeline was given (``start`` inclusive,
``end`` exclusive). Interval ends are inclusive ISO 8601 values at the granularity of the
expression (``2014-09-01`` to ``2014-11-30`` for autumn 2014, days included).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from service.pipeline.vocabulary import (
    ANNOTATIONS,
    Annotation,
    DateSource,
    EntityType,
    EventClass,
    Factuality,
    PlacementRelation,
    Polarity,
    Role,
    TimeSource,
    TimexType,
)


@dataclass(frozen=True)
class Interval:
    """A closed calendar interval, both ends ISO 8601 dates or date-times."""

    start: str
    end: str


@dataclass(frozen=True)
class TextSpan:
    """A stretch of the input text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class DocumentDate:
    """The date the text was written and where it came from: request, dateline or none.

    dateline_start, dateline_end: the front matter a dateline at the top of the text closes,
    whatever the source (0, 0: none): everything above a dated dateline, or a credit line's
    credit ("WASHINGTON (Reuters) - "); nothing in it is an actor or an event.
    """

    value: str | None
    source: DateSource
    dateline_end: int = 0
    dateline_start: int = 0

    @property
    def front_matter(self) -> tuple[int, int]:
        """(start, end) of the front matter, as character offsets."""
        return (self.dateline_start, self.dateline_end)


@dataclass(frozen=True)
class DocumentInfo:
    """What the pipeline knows of the document as a whole."""

    id: str | None
    language: str
    document_date: DocumentDate
    characters: int


@dataclass(frozen=True)
class TimeExpression:
    """A TIMEX3 time expression: its span, type and normalised value, and the rule that found it."""

    id: str
    text: str
    start: int
    end: int
    type: TimexType
    value: str
    interval: Interval | None = None
    mod: str | None = None
    rule: str | None = None


@dataclass(frozen=True)
class Entity:
    """One real-world actor and every mention of it in the text."""

    id: str
    name: str
    type: EntityType
    mentions: tuple[TextSpan, ...]


@dataclass(frozen=True)
class Actor:
    """A participant of an event: the entity it refers to (if any), its span and its role.

    rule (str | None): the rule of the role table that gave the role (``roles.tsv``), for error
        reports; not compared, not in the API response.
    confidence (float): the held-out precision of that rule (``role_confidence.tsv``): how
        likely the actor takes part in the event in that role, the event being real; not compared.
    understood (bool): the actor is the event's understood subject, shared with the verb it
        complements ("Jobs" of "step down" in "Jobs chose to step down"), not an argument
        written for the event itself.
    """

    entity: str | None
    text: str
    start: int
    end: int
    role: Role
    rule: str | None = field(default=None, compare=False)
    confidence: float = field(default=1.0, compare=False)
    understood: bool = False


@dataclass(frozen=True)
class EventTime:
    """When an event happened: the time expression it is anchored to, or the document date.

    step (str | None): the anchoring step that found it (``anchoring.STEPS``: "own_time",
        "document_date", ...); not compared.
    source (TimeSource): where the date came from: a time expression of the event's sentence,
        one of another sentence (``expression`` names it), the document date, the dateline.
    confidence (float): the held-out share of gold events whose date that step got right
        (``anchoring_confidence.tsv``); not compared.
    """

    expression: str | None
    value: str | None
    interval: Interval | None
    relation: str = "IS_INCLUDED"
    step: str | None = field(default=None, compare=False)
    source: TimeSource = "sentence"
    confidence: float = field(default=1.0, compare=False)


@dataclass(frozen=True)
class Event:
    """An event mention with its TimeML attributes, participants and time.

    id: derived from the event's sentence and trigger, so text added before it keeps it.
    description: who did what to whom, and where, read off the parse.
    confidence: how likely the mention is an event: the classifier's probability mapped through
        ``event_calibration.tsv``, fitted on held-out documents.
    admission: ``admitted`` when it is a timeline entry, else the step that left it out
        (``timeline.admission``).
    head_event: the id of the event whose argument this one is in its sentence ("the campaign"
        of "began"), if any; not compared.
    """

    id: str
    trigger: TextSpan
    lemma: str
    event_class: EventClass
    sentence: TextSpan
    tense: str = "NONE"
    aspect: str = "NONE"
    polarity: Polarity = "POS"
    modality: str | None = None
    factuality: Factuality = "asserted"
    actors: tuple[Actor, ...] = ()
    time: EventTime | None = None
    description: str = ""
    confidence: float = 1.0
    admission: str = ""
    head_event: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class TimelineEntry:
    """One point or span of the timeline and the events that fall on it, in text order.

    relation: how the events relate to the date: "on" it (their own sentence gives it), "on or
    about" it (inferred), "on or before", "before" or "after" it.
    """

    value: str
    interval: Interval | None
    events: tuple[str, ...]
    relation: PlacementRelation = "on"


@dataclass(frozen=True)
class TimelineResult:
    """Everything extracted from one document; ``annotations`` says which kinds were computed
    (the others are empty)."""

    document: DocumentInfo
    time_expressions: tuple[TimeExpression, ...] = ()
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    timeline: tuple[TimelineEntry, ...] = field(default=())
    annotations: tuple[Annotation, ...] = ANNOTATIONS


@dataclass(frozen=True)
class EventMention:
    """One document's mention of a story event."""

    document: str
    event: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class StoryEvent:
    """One real-world event, its mentions across the documents that report it, and the
    description of its first mention.

    confidence (float): how likely the mentions are one event: 1.0 for a single mention, else
        that of the weakest merge that joined them (``story.coreference.merge_confidence``).
    """

    id: str
    mentions: tuple[EventMention, ...]
    description: str = ""
    confidence: float = 1.0


@dataclass(frozen=True)
class StoryEntry:
    """A date of the merged story timeline, the events on it and how they relate to it (as
    ``TimelineEntry.relation``)."""

    value: str
    interval: Interval | None
    events: tuple[StoryEvent, ...]
    relation: PlacementRelation = "on"


@dataclass(frozen=True)
class EntityRef:
    """An entity of one document."""

    document: str
    entity: str


@dataclass(frozen=True)
class ActorTimelineEntry:
    """One event in an actor's timeline: its rank in time (0: no usable date), date, mentions,
    the roles the actor has in it ("agent", "patient", "recipient") and its description."""

    position: int
    date: str | None
    mentions: tuple[EventMention, ...]
    roles: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class ActorTimeline:
    """The events one requested actor takes part in, across documents, in time order."""

    actor: str
    entities: tuple[EntityRef, ...]
    entries: tuple[ActorTimelineEntry, ...]
    matched: tuple[str, ...] = ()
    """The actor phrases through which the requested actor takes part in its events, as written
    ("The FTSE 100", "the 777 jets", "he"), each once, in order of first match."""


@dataclass(frozen=True)
class Story:
    """Many documents merged: the story timeline and the requested actors' timelines."""

    timeline: tuple[StoryEntry, ...]
    actor_timelines: tuple[ActorTimeline, ...]
