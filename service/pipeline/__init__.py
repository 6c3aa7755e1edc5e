"""Text in, timeline out: the extraction pipeline, usable without Flask.

>>> from service.pipeline import TimelinePipeline
>>> pipeline = TimelinePipeline()                      # loads the spaCy model once
>>> result = pipeline.process(text, document_date=date(2017, 5, 9))
>>> dates = pipeline.process(text, annotations=TIME_ONLY)   # the fast path: time expressions
"""

from service.pipeline.errors import (
    DocumentFailedError,
    ModelNotFoundError,
    PipelineError,
    TextTooLongError,
    UnsupportedLanguageError,
)
from service.pipeline.facade import (
    DEFAULT_MODEL,
    SUPPORTED_LANGUAGES,
    TIME_ONLY,
    DocumentRequest,
    TimelinePipeline,
)
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
    TimelineEntry,
    TimelineResult,
)
from service.pipeline.vocabulary import ANNOTATIONS, Annotation

__all__ = [
    "ANNOTATIONS",
    "DEFAULT_MODEL",
    "SUPPORTED_LANGUAGES",
    "TIME_ONLY",
    "Actor",
    "Annotation",
    "DocumentDate",
    "DocumentFailedError",
    "DocumentInfo",
    "DocumentRequest",
    "Entity",
    "Event",
    "EventTime",
    "Interval",
    "ModelNotFoundError",
    "PipelineError",
    "TextSpan",
    "TextTooLongError",
    "TimeExpression",
    "TimelineEntry",
    "TimelinePipeline",
    "TimelineResult",
    "UnsupportedLanguageError",
]
