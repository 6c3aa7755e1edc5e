"""The closed vocabularies of the pipeline's records, defined once: TimeML's and the service's own.

Each is a ``Literal`` type for annotations and a tuple of its values (``get_args``) for checks and
for the API schemas, which import them from here.
"""

from __future__ import annotations

from typing import Literal, get_args

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
EntityType = Literal["PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT"]
EventClass = Literal[
    "OCCURRENCE", "REPORTING", "STATE", "I_ACTION", "I_STATE", "ASPECTUAL", "PERCEPTION"
]
Role = Literal["agent", "patient", "recipient", "location", "other"]
Factuality = Literal["asserted", "negated", "possible", "future", "reported"]
Polarity = Literal["POS", "NEG"]
DateSource = Literal["request", "dateline", "none"]
PlacementRelation = Literal["before", "on or before", "on or about", "on", "after"]
TimeSource = Literal["sentence", "other_sentence", "document_date", "dateline"]

TIMEX_TYPES: tuple[str, ...] = get_args(TimexType)
POINT_TYPES = frozenset({"DATE", "TIME"})
"""Time expression types that name points of the calendar (with an interval), not spans or sets."""
ENTITY_TYPES: tuple[str, ...] = get_args(EntityType)
EVENT_CLASSES: tuple[str, ...] = get_args(EventClass)
ROLES: tuple[str, ...] = get_args(Role)
FACTUALITIES: tuple[str, ...] = get_args(Factuality)
POLARITIES: tuple[str, ...] = get_args(Polarity)
DATE_SOURCES: tuple[str, ...] = get_args(DateSource)
PLACEMENT_RELATIONS: tuple[str, ...] = get_args(PlacementRelation)
"""In timeline order for entries of one date: before it, on it, after it."""
TIME_SOURCES: tuple[str, ...] = get_args(TimeSource)

Annotation = Literal["time_expressions", "entities", "events"]
ANNOTATIONS: tuple[str, ...] = get_args(Annotation)
