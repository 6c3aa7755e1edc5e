"""Timeline assembly: admitted events grouped by date and relation, in chronological order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from service.pipeline.records import Event, TimelineEntry
from service.pipeline.timeline.admission import ADMITTED
from service.pipeline.timeline.placement import Placement
from service.pipeline.vocabulary import PLACEMENT_RELATIONS


def build_timeline(
    events: Sequence[Event], placements: Mapping[str, Placement]
) -> list[TimelineEntry]:
    """Group the admitted events into chronological entries, one per date and relation.

    Entries are ordered by interval start, then by interval end (a day before the month that
    contains it), then by relation ("before" a day, then on it, then "after"), then by the
    position of their first event.

    events (Sequence[Event]): the document's events in text order, with their admission.
    placements (Mapping[str, Placement]): each event's placement, by event id.
    RETURNS (list[TimelineEntry]): one entry per distinct date and relation.
    """
    groups: dict[tuple[str, str], list[Event]] = {}
    for event in events:
        placement = placements[event.id]
        day, relation = placement.day, placement.relation
        if event.admission == ADMITTED and day is not None and relation is not None:
            groups.setdefault((day[0], relation), []).append(event)

    def order(key: tuple[str, str]) -> tuple[str, str, int, int]:
        members = groups[key]
        _, interval = placements[members[0].id].day  # type: ignore[misc]
        rank = PLACEMENT_RELATIONS.index(key[1])
        return (interval.start, interval.end, rank, members[0].trigger.start)

    entries = []
    for key in sorted(groups, key=order):
        value, relation = key
        _, interval = placements[groups[key][0].id].day  # type: ignore[misc]
        ids = tuple(event.id for event in groups[key])
        entries.append(TimelineEntry(value, interval, ids, relation))  # type: ignore[arg-type]
    return entries
