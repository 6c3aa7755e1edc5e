"""Response schemas of API v1: what the service answers, dumped from the pipeline's records."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from service.pipeline.vocabulary import (
    ANNOTATIONS,
    DATE_SOURCES,
    ENTITY_TYPES,
    EVENT_CLASSES,
    FACTUALITIES,
    PLACEMENT_RELATIONS,
    POLARITIES,
    ROLES,
    TIME_SOURCES,
    TIMEX_TYPES,
)


def _required(field: fields.Field) -> fields.Field:
    field.required = True
    return field


class IntervalSchema(ma.Schema):
    """A closed interval: both ends ISO 8601 and inclusive."""

    start = _required(fields.String(metadata={"example": "2014-09-01"}))
    end = _required(fields.String(metadata={"example": "2014-11-30"}))


class TextSpanSchema(ma.Schema):
    """A stretch of the input text: ``text[start:end]``."""

    text = _required(fields.String())
    start = _required(fields.Integer())
    end = _required(fields.Integer())


class DocumentDateSchema(ma.Schema):
    """The date relative expressions were resolved against, and where it came from."""

    value = _required(fields.String(allow_none=True, metadata={"example": "2017-05-09"}))
    source = _required(fields.String(validate=validate.OneOf(DATE_SOURCES)))


class DocumentSchema(ma.Schema):
    """The document as the service saw it."""

    id = _required(fields.String(allow_none=True))
    language = _required(fields.String())
    document_date = _required(fields.Nested(DocumentDateSchema))
    characters = _required(fields.Integer())


class TimeExpressionSchema(ma.Schema):
    """A TIMEX3 time expression."""

    id = _required(fields.String(metadata={"example": "t1"}))
    text = _required(fields.String(metadata={"example": "Tuesday"}))
    start = _required(fields.Integer())
    end = _required(fields.Integer())
    type = _required(fields.String(validate=validate.OneOf(TIMEX_TYPES)))
    value = _required(fields.String(metadata={"example": "2017-05-09"}))
    mod = _required(fields.String(allow_none=True, metadata={"description": "TIMEX3 mod"}))
    interval = _required(fields.Nested(IntervalSchema, allow_none=True))


class EntitySchema(ma.Schema):
    """An actor with every mention of it merged."""

    id = _required(fields.String(metadata={"example": "ent1"}))
    name = _required(fields.String(metadata={"example": "Jim Mattis"}))
    type = _required(fields.String(validate=validate.OneOf(ENTITY_TYPES)))
    mentions = _required(fields.List(fields.Nested(TextSpanSchema)))


def _confidence_field(description: str, example: float) -> fields.Float:
    """A required ``confidence`` in [0, 1]."""
    return _required(
        fields.Float(
            validate=validate.Range(0, 1),
            metadata={"description": description, "example": example},
        )
    )


class ActorSchema(ma.Schema):
    """A participant of an event and its role."""

    entity = _required(fields.String(allow_none=True, metadata={"description": "entity id"}))
    text = _required(fields.String())
    start = _required(fields.Integer())
    end = _required(fields.Integer())
    role = _required(fields.String(validate=validate.OneOf(ROLES)))
    confidence = _confidence_field(
        "How likely the actor takes part in the event in this role, the "
        "event being real: the held-out precision of the role rule that linked it.",
        0.75,
    )
    understood = _required(
        fields.Boolean(
            metadata={
                "description": "The actor is the event's understood subject, shared with the "
                "verb the event complements (Jobs in 'Jobs chose to step down', for 'step'), "
                "not an argument written for the event itself."
            }
        )
    )


class EventTimeSchema(ma.Schema):
    """When an event happened."""

    expression = _required(
        fields.String(allow_none=True, metadata={"description": "time expression id, or null"})
    )
    value = _required(fields.String(allow_none=True))
    interval = _required(fields.Nested(IntervalSchema, allow_none=True))
    relation = _required(
        fields.String(metadata={"description": "TimeML relation of the event to that time"})
    )
    source = _required(
        fields.String(
            validate=validate.OneOf(TIME_SOURCES),
            metadata={
                "description": "Where the date came from: a time expression of the event's own "
                "sentence, one of another sentence (`expression` names it), the document "
                "date, or the dateline."
            },
        )
    )
    step = _required(
        fields.String(
            allow_none=True,
            metadata={
                "description": "The anchoring step that chose the time",
                "example": "own_time",
            },
        )
    )
    confidence = _confidence_field(
        "How likely the date is right: the held-out share of gold events "
        "that the anchoring step dated right. The timeline keeps an event when its "
        "`confidence` times this reaches the request's `min_confidence`.",
        0.9,
    )


class EventSchema(ma.Schema):
    """An event mention with its class, actors and time."""

    id = _required(
        fields.String(
            metadata={
                "description": "Derived from the event's sentence and trigger: text added before "
                "the event keeps it.",
                "example": "e4c2a9f1b07",
            }
        )
    )
    trigger = _required(fields.Nested(TextSpanSchema))
    lemma = _required(fields.String())
    event_class = _required(fields.String(data_key="class", validate=validate.OneOf(EVENT_CLASSES)))
    tense = _required(fields.String())
    aspect = _required(fields.String())
    polarity = _required(fields.String(validate=validate.OneOf(POLARITIES)))
    modality = _required(fields.String(allow_none=True))
    factuality = _required(fields.String(validate=validate.OneOf(FACTUALITIES)))
    sentence = _required(fields.Nested(TextSpanSchema))
    actors = _required(fields.List(fields.Nested(ActorSchema)))
    time = _required(fields.Nested(EventTimeSchema, allow_none=True))
    description = _required(
        fields.String(
            metadata={
                "description": "Who did what to whom, and where, read off the parse.",
                "example": "The FAA closes 149 control towers in Texas",
            }
        )
    )
    confidence = _confidence_field(
        "How likely the mention is an event: the classifier's "
        "probability, calibrated on held-out documents.",
        0.82,
    )
    admission = _required(
        fields.String(
            metadata={
                "description": "`admitted` when the event is a timeline entry, else the step "
                "that left it out (`report`, `ongoing`, `not_asserted`, ...).",
                "example": "admitted",
            }
        )
    )


def _relation_field() -> fields.String:
    return _required(
        fields.String(
            validate=validate.OneOf(PLACEMENT_RELATIONS),
            metadata={
                "description": "How the events relate to the date: `on` it (their own sentence "
                "gives it), `on or about` it (inferred), `on or before`, `before` or `after` it."
            },
        )
    )


class TimelineEntrySchema(ma.Schema):
    """A date of the timeline, how its events relate to it, and the events, in text order."""

    value = _required(fields.String())
    interval = _required(fields.Nested(IntervalSchema, allow_none=True))
    relation = _relation_field()
    events = _required(fields.List(fields.String()))


class TimelineResponseSchema(ma.Schema):
    """The timeline of one document."""

    document = _required(fields.Nested(DocumentSchema))
    time_expressions = _required(fields.List(fields.Nested(TimeExpressionSchema)))
    entities = _required(fields.List(fields.Nested(EntitySchema)))
    events = _required(fields.List(fields.Nested(EventSchema)))
    timeline = _required(fields.List(fields.Nested(TimelineEntrySchema)))
    annotations = _required(
        fields.List(
            fields.String(validate=validate.OneOf(ANNOTATIONS)),
            metadata={
                "description": "The annotations computed (those asked for and what they need); "
                "the lists of the others are empty.",
                "example": list(ANNOTATIONS),
            },
        )
    )


class EventMentionSchema(ma.Schema):
    """One document's mention of a story event."""

    document = _required(fields.String())
    event = _required(fields.String(metadata={"description": "event id in that document"}))
    start = _required(fields.Integer())
    end = _required(fields.Integer())
    text = _required(fields.String())


class StoryEventSchema(ma.Schema):
    """One real-world event and every document's mention of it."""

    id = _required(fields.String(metadata={"example": "s1"}))
    mentions = _required(fields.List(fields.Nested(EventMentionSchema)))
    description = _required(
        fields.String(metadata={"description": "The description of its first mention."})
    )
    confidence = _confidence_field(
        "How likely the mentions are one event: 1.0 for a single "
        "mention, else that of the weakest merge that joined them.",
        1.0,
    )


class StoryEntrySchema(ma.Schema):
    """A date of the merged story timeline, as a document's timeline groups its own."""

    value = _required(fields.String())
    interval = _required(fields.Nested(IntervalSchema, allow_none=True))
    relation = _relation_field()
    events = _required(fields.List(fields.Nested(StoryEventSchema)))


class EntityRefSchema(ma.Schema):
    """An entity of one document."""

    document = _required(fields.String())
    entity = _required(fields.String())


class ActorTimelineEntrySchema(ma.Schema):
    """An event the actor takes part in."""

    position = _required(
        fields.Integer(
            metadata={"description": "rank in time; equal for events on the same day; 0: undated"}
        )
    )
    date = _required(fields.String(allow_none=True, metadata={"description": "TIMEX3 value"}))
    mentions = _required(fields.List(fields.Nested(EventMentionSchema)))
    roles = _required(
        fields.List(
            fields.String(validate=validate.OneOf(ROLES)),
            metadata={"description": "The actor's roles in the event.", "example": ["agent"]},
        )
    )
    description = _required(fields.String(metadata={"description": "The event's description."}))


class ActorTimelineSchema(ma.Schema):
    """The timeline of one requested actor across the documents."""

    actor = _required(fields.String())
    entities = _required(fields.List(fields.Nested(EntityRefSchema)))
    matched = _required(
        fields.List(
            fields.String(),
            metadata={
                "description": "The phrases through which the actor takes part in its events, "
                "as written, each once.",
                "example": ["The FTSE 100", "the index"],
            },
        )
    )
    entries = _required(fields.List(fields.Nested(ActorTimelineEntrySchema)))


class TimelinesResponseSchema(ma.Schema):
    """Per-document results, the merged story timeline, and the actors' timelines."""

    documents = _required(fields.List(fields.Nested(TimelineResponseSchema)))
    timeline = _required(fields.List(fields.Nested(StoryEntrySchema)))
    actor_timelines = _required(fields.List(fields.Nested(ActorTimelineSchema)))
