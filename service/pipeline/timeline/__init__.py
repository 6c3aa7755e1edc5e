"""Per-document timeline: where each event sits in time, which events are entries, the entries.

``placement`` dates every event (the story uses the same placements), ``admission`` decides which
are entries, ``assembly`` groups them by date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from service.pipeline.records import DocumentDate, Event, EventTime, TimeExpression, TimelineEntry
from service.pipeline.timeline.admission import (
    ADMITTED,
    DEFAULT_FACTUALITIES,
    DEFAULT_MIN_CONFIDENCE,
    DEFAULT_OPTIONS,
    TimelineOptions,
    admit,
)
from service.pipeline.timeline.assembly import build_timeline
from service.pipeline.timeline.placement import (
    Placement,
    anchored_in_sentence,
    document_times,
    place,
)

__all__ = [
    "ADMITTED",
    "DEFAULT_FACTUALITIES",
    "DEFAULT_MIN_CONFIDENCE",
    "DEFAULT_OPTIONS",
    "Placement",
    "TimelineOptions",
    "assemble",
    "placements",
]


def placements(
    events: Sequence[Event], time_expressions: Sequence[TimeExpression], document_date: str | None
) -> dict[str, Placement]:
    """Place every event of one document.

    events (Sequence[Event]): the document's events.
    time_expressions (Sequence[TimeExpression]): its time expressions.
    document_date (str | None): its document date (ISO), if known.
    RETURNS (dict[str, Placement]): event id -> placement.
    """
    times = document_times(document_date, events, time_expressions)
    return {event.id: place(event, times) for event in events}


def assemble(
    events: Sequence[Event],
    time_expressions: Sequence[TimeExpression],
    document_date: DocumentDate,
    options: TimelineOptions,
) -> tuple[list[Event], list[TimelineEntry]]:
    """The events with their time's source and admission, and the timeline entries.

    events (Sequence[Event]): the document's events, in text order.
    time_expressions (Sequence[TimeExpression]): its time expressions.
    document_date (DocumentDate): its document date and where it came from.
    options (TimelineOptions): what the request keeps on the timeline.
    RETURNS (tuple[list[Event], list[TimelineEntry]]): events and timeline entries.
    """
    starts = {expression.id: expression.start for expression in time_expressions}
    dated = [
        replace(event, time=_with_source(event, event.time, starts, document_date))
        if event.time
        else event
        for event in events
    ]
    placed = placements(dated, time_expressions, document_date.value)
    decisions = admit(dated, placed, options, document_date.value)
    decided = [replace(event, admission=decisions[event.id]) for event in dated]
    return decided, build_timeline(decided, placed)


def _with_source(
    event: Event, time: EventTime, starts: dict[str, int], document_date: DocumentDate
) -> EventTime:
    """The event's time with where its date came from (see ``EventTime.source``)."""
    if time.expression in starts:
        inside = anchored_in_sentence(event, starts)
        return replace(time, source="sentence" if inside else "other_sentence")
    source = "dateline" if document_date.source == "dateline" else "document_date"
    return replace(time, source=source)
