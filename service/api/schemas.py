"""Request and response schemas of API v1: the contract, and the source of openapi.yaml."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

import marshmallow as ma
from marshmallow import fields, validate

from service.pipeline import SUPPORTED_LANGUAGES
from service.pipeline.vocabulary import (
    ANNOTATIONS,
    DATE_SOURCES,
    ENTITY_TYPES,
    EVENT_CLASSES,
    FACTUALITIES,
    POLARITIES,
    ROLES,
    TIMEX_TYPES,
)

# A character that is not white space as OpenAPI patterns (ECMA-262 regular expressions) define
# it; the validator and the documented pattern use this one class, so they agree on every string.
NOT_WHITE_SPACE = (
    "[^\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]"
)


class DateOrDateTime(fields.Field):
    """An ISO 8601 calendar date (``2017-05-09``) or date-time (``2017-05-09T12:02:17+02:00``)."""

    default_error_messages = {  # noqa: RUF012 - marshmallow's own convention
        "invalid": "Not a valid ISO 8601 date or date-time (e.g. 2017-05-09 or 2017-05-09T12:00).",
    }

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> date:
        if not isinstance(value, str) or not 10 <= len(value) <= 40:
            raise self.make_error("invalid")
        try:
            if len(value) == 10:
                return date.fromisoformat(value)
            return datetime.fromisoformat(value)
        except ValueError as error:
            raise self.make_error("invalid") from error


class DocumentTextSchema(ma.Schema):
    """What every submitted document has: its text and, optionally, its date."""

    class Meta:
        unknown = ma.RAISE

    text = fields.String(
        required=True,
        validate=validate.Length(min=1),
        metadata={
            "description": "The document text, 1 to MAX_TEXT_CHARS (default 100 000) characters, "
            "not all white space.",
            "maxLength": 100_000,
            "pattern": NOT_WHITE_SPACE,
            "example": "Tue May 9, 2017\n\nCoalition members meet in Copenhagen on Tuesday.",
        },
    )
    document_date = DateOrDateTime(
        load_default=None,
        allow_none=True,
        metadata={
            "anyOf": [
                {"type": "string", "format": "date"},
                {"type": "string", "format": "date-time"},
            ],
            "description": "When the text was written (ISO 8601 date or date-time). Relative "
            "expressions resolve against it; when absent, a dateline at the top of the text is "
            "used, and when there is none they stay unresolved (TIMEX3 X placeholders).",
            "example": "2017-05-09",
        },
    )

    @ma.validates("text")
    def _text_is_readable(self, value: str, **_: Any) -> None:
        if re.search(NOT_WHITE_SPACE, value) is None:
            raise ma.ValidationError("Text must contain something other than white space.")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            raise ma.ValidationError(
                "Text contains an unpaired UTF-16 surrogate escape (\\ud800-\\udfff), "
                "which is not a character."
            ) from error


def _language_field() -> fields.String:
    return fields.String(
        load_default="en",
        validate=validate.OneOf(
            SUPPORTED_LANGUAGES, error="Unsupported language {input!r}; supported: {choices}."
        ),
        metadata={"description": "ISO 639-1 language code of the text."},
    )


class TimelineRequestSchema(DocumentTextSchema):
    """One document to turn into a timeline."""

    language = _language_field()
    id = fields.String(
        load_default=None,
        allow_none=True,
        validate=validate.Length(max=256),
        metadata={"description": "Caller's identifier for the document, echoed back."},
    )
    annotations = fields.List(
        fields.String(validate=validate.OneOf(ANNOTATIONS)),
        load_default=lambda: list(ANNOTATIONS),
        validate=validate.Length(min=1, max=len(ANNOTATIONS)),
        metadata={
            "description": "What to extract (default: all). Events need entities and time "
            "expressions, which are then computed too; time expressions alone take a fast path "
            "(no dependency parse of the whole text, no named entities).",
            "example": ["time_expressions"],
        },
    )


class BatchDocumentSchema(DocumentTextSchema):
    """One document of a batch; its id names it in the results and in any error."""

    id = fields.String(
        required=True,
        validate=validate.Length(min=1, max=256),
        metadata={"description": "Unique within the request (else 422).", "example": "article-1"},
    )

    def handle_error(
        self, error: ma.ValidationError, data: Any, *, many: bool, **kwargs: Any
    ) -> None:
        """Name the document by its id beside the index marshmallow reports it under."""
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            error.messages.setdefault("_document", [f"Document id {data['id']!r}."])


class TimelinesRequestSchema(ma.Schema):
    """Several documents on one story, and the actors whose timelines are wanted."""

    class Meta:
        unknown = ma.RAISE

    documents = fields.List(
        fields.Nested(BatchDocumentSchema),
        required=True,
        validate=validate.Length(min=1),
        metadata={
            "description": "1 to MAX_DOCUMENTS (default 200) documents, at most MAX_BATCH_CHARS "
            "characters of text in all.",
            "maxItems": 200,
        },
    )
    actors = fields.List(
        fields.String(validate=validate.Length(min=1, max=200)),
        load_default=list,
        validate=validate.Length(max=50),
        metadata={
            "description": "Names of the actors whose timelines are wanted (at most 50).",
            "example": ["ISIS", "Jim Mattis"],
        },
    )
    language = _language_field()

    @ma.validates("documents")
    def _ids_are_unique(self, documents: list[dict[str, Any]], **_: Any) -> None:
        seen: set[str] = set()
        errors: dict[int, dict[str, list[str]]] = {}
        for index, document in enumerate(documents):
            identifier = document.get("id") if isinstance(document, dict) else None
            if identifier in seen:
                errors[index] = {"id": [f"Duplicate document id {identifier!r}."]}
            if identifier is not None:
                seen.add(identifier)
        if errors:
            raise ma.ValidationError(errors)


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


class ActorSchema(ma.Schema):
    """A participant of an event and its role."""

    entity = _required(fields.String(allow_none=True, metadata={"description": "entity id"}))
    text = _required(fields.String())
    start = _required(fields.Integer())
    end = _required(fields.Integer())
    role = _required(fields.String(validate=validate.OneOf(ROLES)))


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


class EventSchema(ma.Schema):
    """An event mention with its class, actors and time."""

    id = _required(fields.String(metadata={"example": "e1"}))
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


class TimelineEntrySchema(ma.Schema):
    """A point or span of the timeline and its events, in text order."""

    value = _required(fields.String())
    interval = _required(fields.Nested(IntervalSchema, allow_none=True))
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


class StoryEntrySchema(ma.Schema):
    """A date of the merged story timeline."""

    value = _required(fields.String())
    interval = _required(fields.Nested(IntervalSchema, allow_none=True))
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


class ActorTimelineSchema(ma.Schema):
    """The timeline of one requested actor across the documents."""

    actor = _required(fields.String())
    entities = _required(fields.List(fields.Nested(EntityRefSchema)))
    entries = _required(fields.List(fields.Nested(ActorTimelineEntrySchema)))


class TimelinesResponseSchema(ma.Schema):
    """Per-document results, the merged story timeline, and the actors' timelines."""

    documents = _required(fields.List(fields.Nested(TimelineResponseSchema)))
    timeline = _required(fields.List(fields.Nested(StoryEntrySchema)))
    actor_timelines = _required(fields.List(fields.Nested(ActorTimelineSchema)))
