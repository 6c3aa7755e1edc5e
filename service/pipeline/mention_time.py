"""When an event mention happened, as the story needs it: a date, or a window around one.

The event stage anchors each event to a time expression or to the document date. Here that
becomes a calendar date (value and interval) where the event sits on one, and a window (earliest
start, latest end) wherever something is known: "before May 9" leaves a window open at the start.
"Now" is the document date. An event only the document dates is placed on the document date
when reported or past (news reports what just happened; a past event's window stays open
before it), and after it when future. So is an event whose date its tense contradicts (a past
event dated after the document was written: "said ... next year").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from service.pipeline.records import Event, Interval
from service.pipeline.timeline import PLACING_RELATIONS

Window = tuple[str, str]
OPEN_START, OPEN_END = "", "\uffff"
"""Window bounds for an open start or end; they sort before and after every ISO date."""

_PRESENT = "PRESENT_REF"
_OPEN_WINDOWS = {"PAST_REF": "BEFORE", "FUTURE_REF": "AFTER"}


@dataclass(frozen=True)
class MentionTime:
    """A mention's date (when placed on one) and the window it can have happened in.

    value (str | None): TIMEX3 value of its date.
    interval (Interval | None): the calendar interval of ``value``.
    window (Window | None): earliest start and latest end (ISO dates), open on one side for
        "before X"; None when nothing is known.
    explicit (bool): whether a time expression of the text gives the date (not the document
        date standing in for it).
    """

    value: str | None
    interval: Interval | None
    window: Window | None
    explicit: bool = False


UNKNOWN = MentionTime(None, None, None)


def day_of(value: str) -> str:
    """The ``YYYY-MM-DD`` part of an ISO date or date-time."""
    return value[:10]


def calendar_day(value: str | None) -> date | None:
    """An ISO date (or the day of a date-time) as a date; None when absent or not a day."""
    try:
        return date.fromisoformat(day_of(value)) if value else None
    except ValueError:
        return None


def mention_time(event: Event, document_date: str | None) -> MentionTime:
    """Where a mention sits in time (see the module docstring).

    event (Event): the mention.
    document_date (str | None): the document's date (ISO), if known.
    RETURNS (MentionTime): value and interval when placed on a date; the window when known.
    """
    time = event.time
    day = day_of(document_date) if document_date else None
    if time is None:
        return UNKNOWN
    if time.interval is not None and time.relation in PLACING_RELATIONS:
        if day is not None and _contradicts_tense(event, time.interval, day):
            return _by_document_date(event, day)
        window = (day_of(time.interval.start), day_of(time.interval.end))
        return MentionTime(time.value, time.interval, window, time.expression is not None)
    if day is None:
        return UNKNOWN
    if time.value == _PRESENT:
        return MentionTime(day, Interval(day, day), (day, day))
    if time.expression is None and time.relation == "BEFORE" and event.tense == "PAST":
        return _by_document_date(event, day)
    start, end = (time.interval.start, time.interval.end) if time.interval else (day, day)
    return _open(_OPEN_WINDOWS.get(time.value or "", time.relation), start, end)


def _open(relation: str, start: str, end: str) -> MentionTime:
    """The window before ``start`` or after ``end``; unknown for other relations."""
    if relation == "BEFORE":
        return MentionTime(None, None, (OPEN_START, day_of(start)))
    if relation == "AFTER":
        return MentionTime(None, None, (day_of(end), OPEN_END))
    return UNKNOWN


def _contradicts_tense(event: Event, interval: Interval, day: str) -> bool:
    """A past event dated after the document date, or a future one dated before it."""
    if event.tense == "PAST":
        return day_of(interval.start) > day
    return event.tense == "FUTURE" and day_of(interval.end) < day


def _by_document_date(event: Event, day: str) -> MentionTime:
    """A reported or past event on the document date, a future one after it."""
    if event.event_class == "REPORTING":
        return MentionTime(day, Interval(day, day), (day, day))
    if event.tense == "PAST":
        return MentionTime(day, Interval(day, day), (OPEN_START, day))
    return _open("AFTER", day, day) if event.tense == "FUTURE" else UNKNOWN
