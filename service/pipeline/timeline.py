"""Timeline assembly: anchored events grouped by date, in chronological then text order."""

from __future__ import annotations

from collections.abc import Iterable

from service.pipeline.records import Event, TimelineEntry

# Relations that put an event inside its time; an event only BEFORE or AFTER a date has no place
# on that date's entry.
PLACING_RELATIONS = frozenset(
    {"IS_INCLUDED", "DURING", "SIMULTANEOUS", "IDENTITY", "BEGINS", "ENDS"}
)


def build_timeline(events: Iterable[Event]) -> list[TimelineEntry]:
    """Group the events that have a calendar interval into chronological entries.

    Entries are ordered by interval start, then by interval end (a day before the month that
    contains it), then by the position of their first event; events with no resolvable date
    are left out, and so are those only known to be before or after a date.

    events (Iterable[Event]): the document's events, in text order.
    RETURNS (list[TimelineEntry]): one entry per distinct time value.
    """
    groups: dict[str, list[Event]] = {}
    for event in events:
        time = event.time
        if time is None or time.interval is None or time.relation not in PLACING_RELATIONS:
            continue
        groups.setdefault(event.time.value, []).append(event)

    def order(members: list[Event]) -> tuple[str, str, int]:
        interval = members[0].time.interval  # type: ignore[union-attr]
        return (interval.start, interval.end, members[0].trigger.start)

    return [
        TimelineEntry(
            value=members[0].time.value,  # type: ignore[union-attr,arg-type]
            interval=members[0].time.interval,  # type: ignore[union-attr]
            events=tuple(event.id for event in members),
        )
        for members in sorted(groups.values(), key=order)
    ]
