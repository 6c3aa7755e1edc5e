"""Timeline assembly: admitted events grouped by date and relation, in chronological order."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TypeVar

from service.pipeline.records import Event, Interval, TimelineEntry
from service.pipeline.timeline.admission import ADMITTED
from service.pipeline.timeline.placement import Placement
from service.pipeline.vocabulary import PLACEMENT_RELATIONS, PlacementRelation

Item = TypeVar("Item")


def by_date(
    placed: Iterable[tuple[Placement, Item]],
) -> list[tuple[str, Interval, PlacementRelation, list[Item]]]:
    """Group placed items by the day of their placement and their relation to it.

    Groups are ordered by interval start, then by interval end (a day before the month that
    contains it), then by relation ("before" a day, then on it, then "after"), then by the order
    their first items came in; items without a place are left out.

    placed (Iterable[tuple[Placement, Item]]): each item with its placement, in text order.
    RETURNS (list[tuple[str, Interval, PlacementRelation, list[Item]]]): (value, interval,
        relation, items) per group.
    """
    groups: dict[tuple[str, PlacementRelation], tuple[Interval, list[Item]]] = {}
    for placement, item in placed:
        day, relation = placement.day, placement.relation
        if day is not None and relation is not None:
            groups.setdefault((day[0], relation), (day[1], []))[1].append(item)

    def order(group: tuple[tuple[str, PlacementRelation], tuple[Interval, list]]) -> tuple:
        (_, relation), (interval, _) = group
        return (interval.start, interval.end, PLACEMENT_RELATIONS.index(relation))

    return [
        (value, interval, relation, items)
        for (value, relation), (interval, items) in sorted(groups.items(), key=order)
    ]


def build_timeline(
    events: Sequence[Event], placements: Mapping[str, Placement]
) -> list[TimelineEntry]:
    """Group the admitted events into chronological entries, one per date and relation
    (:func:`by_date`).

    events (Sequence[Event]): the document's events in text order, with their admission.
    placements (Mapping[str, Placement]): each event's placement, by event id.
    RETURNS (list[TimelineEntry]): one entry per distinct date and relation.
    """
    admitted = ((placements[e.id], e) for e in events if e.admission == ADMITTED)
    return [
        TimelineEntry(value, interval, tuple(event.id for event in members), relation)
        for value, interval, relation, members in by_date(admitted)
    ]
