"""Where an event sits on the timeline: a date and its relation to it, or a window around one.

The event stage anchors each event to a time expression or to the document date. Here that
becomes a calendar date (value and interval) where the event sits on one, and a window (earliest
start, latest end) wherever something is known: "before May 9" leaves a window open at the start.
The per-document timeline and the story both place events with :func:`place`, so the two
endpoints put an event on the same date with the same relation (``Placement.relation``): "on" a
date its own sentence gives, "on or about" a date inferred from elsewhere (the lead, the document
date), "on or before" the lead for a done event nothing else dates, "before" or "after" a date.

News reports what just happened. A document's lead date is the lead's news day, the rule
anchoring follows too (``dates.news_day``: the last single day of the opening sentences in the
week before the document date, "Yesterday, Jobs unveiled ..."); without one it is the document
date. "Now" and a present-tense event nothing else dates ("It has a new screen") are
on the document date. A reported, past or present-perfect event that nothing dates but the
document date, "before now" (or before a later date) or a duration ("a two-hour speech") is on
the lead date (a past event's window stays open before it), and a future one after the
document date. So is an event whose date its tense contradicts (a past event dated after the
document was written: "said ... next year", or "now"), and a done event only the document
date mentioned in another sentence (a dateline) dates.

A month or a year named in another sentence ("In April, a blog obtained a prototype.") dates
background; an event (not in the future tense) it reaches only by carrying over ("The phone
was praised by Jobs") is back in the story the article reports, and is on the lead date.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from service.pipeline.dates.iso_days import calendar_day, day_of
from service.pipeline.dates.news_day import is_news_day, lead_news_day
from service.pipeline.records import Event, EventTime, Interval, TimeExpression
from service.pipeline.vocabulary import POINT_TYPES, PlacementRelation

# Relations that put an event inside its time; an event only BEFORE or AFTER a date is placed
# before or after it.
PLACING_RELATIONS = frozenset(
    {"IS_INCLUDED", "DURING", "SIMULTANEOUS", "IDENTITY", "BEGINS", "ENDS"}
)
# Anchoring steps whose date the text states for the event (in its own sentence, or by a phrase
# of it that refers back: "At that time"); the others infer its date.
STATED_STEPS = frozenset(
    {"own_time", "sentence_time", "clause_period", "anaphoric_time", "earlier_mention"}
)

Window = tuple[str, str]
OPEN_START, OPEN_END = "", "\uffff"
"""Window bounds for an open start or end; they sort before and after every ISO date."""

_PRESENT = "PRESENT_REF"
_OPEN_WINDOWS = {"PAST_REF": "BEFORE", "FUTURE_REF": "AFTER"}
_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_CALENDAR = re.compile(r"\d{4}")


@dataclass(frozen=True)
class Placement:
    """An event's date (when placed on one) and the window it can have happened in.

    value (str | None): TIMEX3 value of its date.
    interval (Interval | None): the calendar interval of ``value``.
    window (Window | None): earliest start and latest end (ISO dates), open on one side for
        "before X"; None when nothing is known.
    explicit (bool): whether a time expression of the text gives the date (not the document
        date standing in for it).
    stated (bool): whether the event's own sentence gives it (not carried from elsewhere).
    """

    value: str | None
    interval: Interval | None
    window: Window | None
    explicit: bool = False
    stated: bool = False

    @property
    def relation(self) -> PlacementRelation | None:
        """How the event relates to :attr:`day`, or None when it has no place on a timeline."""
        window = self.window
        if self.interval is not None:
            if self.explicit and self.stated:
                return "on"
            return (
                "on or before" if window is not None and window[0] == OPEN_START else "on or about"
            )
        if window is None or (window[0] == OPEN_START) == (window[1] == OPEN_END):
            return None
        return "before" if window[0] == OPEN_START else "after"

    @property
    def day(self) -> tuple[str, Interval] | None:
        """The value and interval the relation refers to: the date, or the window's bound."""
        if self.value is not None and self.interval is not None:
            return self.value, self.interval
        if self.relation is None or self.window is None:
            return None
        bound = self.window[1] if self.relation == "before" else self.window[0]
        return bound, Interval(bound, bound)


UNKNOWN = Placement(None, None, None)


@dataclass(frozen=True)
class DocumentTimes:
    """What dating a document's mentions needs besides each event.

    date (str | None): the document date (ISO), if known.
    lead (str | None): the day the opening sentences report (see the module docstring).
    expression_starts (Mapping[str, int]): where each time expression starts, by id.
    """

    date: str | None
    lead: str | None = None
    expression_starts: Mapping[str, int] = field(default_factory=dict)


def document_times(
    document_date: str | None,
    events: Sequence[Event],
    time_expressions: Sequence[TimeExpression],
) -> DocumentTimes:
    """The document date, lead date and time expression offsets of one document.

    document_date (str | None): the document date (ISO), if known.
    events (Sequence[Event]): the document's events.
    time_expressions (Sequence[TimeExpression]): its time expressions.
    RETURNS (DocumentTimes): what :func:`place` needs besides each event.
    """
    starts = {expression.id: expression.start for expression in time_expressions}
    return DocumentTimes(document_date, _lead(document_date, events, time_expressions), starts)


def _lead(
    document_date: str | None,
    events: Sequence[Event],
    time_expressions: Sequence[TimeExpression],
) -> str | None:
    """The lead date of a document: the lead's news day (``dates.news_day``), counting the
    sentences that hold events; None when it has none."""
    written = calendar_day(document_date)
    if written is None:
        return None
    ends = sorted({(event.sentence.start, event.sentence.end) for event in events})
    news_days = []
    for expression in sorted(time_expressions, key=lambda t: t.start):
        day = calendar_day(expression.value) if _DAY.match(expression.value) else None
        if expression.type not in POINT_TYPES or day is None:
            continue  # a single day (or a time of one) only
        sentence = next((i for i, (s, e) in enumerate(ends) if s <= expression.start < e), None)
        if sentence is not None and is_news_day((written - day).days):
            news_days.append((sentence, day.isoformat()))
    return lead_news_day(news_days)


def anchored_in_sentence(event: Event, starts: Mapping[str, int]) -> bool:
    """Whether the time expression anchoring ``event`` is in its sentence."""
    start = starts.get(event.time.expression or "") if event.time else None
    return start is not None and event.sentence.start <= start < event.sentence.end


def _carried_over(event: Event, starts: Mapping[str, int]) -> bool:
    """Whether a month or year named in another sentence is all that dates an event not in
    the future tense."""
    time = event.time
    if time is None or event.tense == "FUTURE" or time.expression not in starts:
        return False
    value = time.value or ""
    coarse = _CALENDAR.match(value) is not None and _DAY.match(value) is None
    return coarse and not anchored_in_sentence(event, starts)


def place(event: Event, times: DocumentTimes) -> Placement:
    """Where an event sits in time (see the module docstring).

    event (Event): the event.
    times (DocumentTimes): the document's date, lead date and time expressions.
    RETURNS (Placement): value and interval when placed on a date; the window when known.
    """
    time = event.time
    day = day_of(times.date) if times.date else None
    if time is None:
        return _on(day) if day and event.tense == "PRESENT" else UNKNOWN
    placing = time.interval if time.relation in PLACING_RELATIONS else None
    if day is None:
        return _by_expression(time, placing) if placing else UNKNOWN
    lead = times.lead or day
    if _carried_over(event, times.expression_starts):
        return _on(lead)
    if placing:
        if _contradicts_tense(event, placing, day) or _dateline_only(event, times, day):
            return _by_document_date(event, day, lead)
        return _by_expression(time, placing)
    if time.value == _PRESENT:
        return _by_document_date(event, day, lead) if event.tense == "PAST" else _on(day)
    if _done(event) and (time.interval is None or _before_now(time, day)):
        return _by_document_date(event, day, lead)
    start, end = (time.interval.start, time.interval.end) if time.interval else (day, day)
    return _open(_OPEN_WINDOWS.get(time.value or "", time.relation), start, end)


def _by_expression(time: EventTime, interval: Interval) -> Placement:
    """An event on the date (``interval``) its event time gives: a time expression or the
    document date."""
    window = (day_of(interval.start), day_of(interval.end))
    explicit = time.expression is not None
    value = calendar_value(time.value, interval)
    return Placement(value, interval, window, explicit, time.step in STATED_STEPS)


def calendar_value(value: str | None, interval: Interval) -> str | None:
    """The value a timeline shows for a time: a duration that lies on the calendar ("three days
    later" is ``P3D`` with the day it reaches, "2009-2010" ``P2Y`` with both years) shows that
    day, or its span as an ISO 8601 interval (``2009-01-01/2010-12-31``); other values as they
    are."""
    if value is None or not value.startswith("P"):
        return value
    start, end = day_of(interval.start), day_of(interval.end)
    return start if start == end else f"{start}/{end}"


def _before_now(time: EventTime, day: str) -> bool:
    """Whether an event time says no more than "before the document date": the document date
    itself, or a time after it."""
    if time.relation != "BEFORE" or time.interval is None:
        return False
    return time.expression is None or day_of(time.interval.start) >= day


def _on(day: str) -> Placement:
    """An event placed on ``day`` by inference, not by a time expression of its own."""
    return Placement(day, Interval(day, day), (day, day))


def _open(relation: str, start: str, end: str) -> Placement:
    """The window before ``start`` or after ``end``; unknown for other relations."""
    if relation == "BEFORE":
        return Placement(None, None, (OPEN_START, day_of(start)))
    if relation == "AFTER":
        return Placement(None, None, (day_of(end), OPEN_END))
    return UNKNOWN


def _dateline_only(event: Event, times: DocumentTimes, day: str) -> bool:
    """A done event only a mention of the document date in another sentence dates."""
    other_sentence = not anchored_in_sentence(event, times.expression_starts)
    value = event.time.value if event.time else None
    return _done(event) and other_sentence and day_of(value or "") == day


def _contradicts_tense(event: Event, interval: Interval, day: str) -> bool:
    """A past event dated after the document date, or a future one dated before it."""
    if event.tense == "PAST":
        return day_of(interval.start) > day
    return event.tense == "FUTURE" and day_of(interval.end) < day


def _done(event: Event) -> bool:
    """A past event, or one in the present perfect."""
    return event.tense == "PAST" or (event.tense == "PRESENT" and event.aspect == "PERFECTIVE")


def _by_document_date(event: Event, day: str, lead: str) -> Placement:
    """A reported, past or just done event on the lead date, a future one after the document
    date ``day``."""
    if event.event_class == "REPORTING":
        return _on(lead)
    if _done(event):
        return Placement(lead, Interval(lead, lead), (OPEN_START, lead))
    return _open("AFTER", day, day) if event.tense == "FUTURE" else UNKNOWN
