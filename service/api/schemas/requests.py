"""Request schemas of API v1: what a client sends, validated before the pipeline runs."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

import marshmallow as ma
from marshmallow import fields, validate

from service.pipeline import SUPPORTED_LANGUAGES
from service.pipeline.timeline import DEFAULT_FACTUALITIES, DEFAULT_MIN_CONFIDENCE, TimelineOptions
from service.pipeline.vocabulary import ANNOTATIONS, FACTUALITIES

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


class TimelineOptionsSchema(ma.Schema):
    """What the timeline keeps: the events above a confidence, of the factualities asked for."""

    min_confidence = fields.Float(
        load_default=DEFAULT_MIN_CONFIDENCE,
        validate=validate.Range(0, 1),
        metadata={
            "description": "Timeline entries are the events whose confidence times their "
            "time's confidence (how likely it is an event with the right date) is at least "
            f"this (default {DEFAULT_MIN_CONFIDENCE}); 0 keeps every dated event that the "
            "other steps admit. Every event stays in `events`."
        },
    )
    factualities = fields.List(
        fields.String(validate=validate.OneOf(FACTUALITIES)),
        load_default=lambda: list(DEFAULT_FACTUALITIES),
        validate=validate.Length(min=1, max=len(FACTUALITIES)),
        metadata={
            "description": "The factualities the timeline keeps (default: what happened or is "
            "reported as having happened); add `negated`, `possible`, `future` to see the rest.",
            "example": ["asserted", "reported", "future"],
        },
    )


def timeline_options(body: dict[str, Any]) -> TimelineOptions:
    """The timeline options of a loaded request body."""
    return TimelineOptions(body["min_confidence"], tuple(dict.fromkeys(body["factualities"])))


class TimelineRequestSchema(DocumentTextSchema, TimelineOptionsSchema):
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


class TimelinesRequestSchema(TimelineOptionsSchema):
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
