"""Timeline assembly: chronological entries, text order within a date, undated events left out."""

from __future__ import annotations

from service.pipeline.records import Event, EventTime, Interval, TextSpan
from service.pipeline.timeline import build_timeline


def event(event_id, start, value=None, interval=None, relation="IS_INCLUDED"):
    time = None if value is None else EventTime(None, value, interval, relation)
    sentence = TextSpan("s", 0, 1)
    return Event(event_id, TextSpan("x", start, start + 1), "x", "OCCURRENCE", sentence, time=time)


def test_entries_are_chronological_and_undated_events_left_out():
    events = [
        event("e1", 0, "2017-05-09", Interval("2017-05-09", "2017-05-09")),
        event("e2", 10, "2014-FA", Interval("2014-09-01", "2014-11-30")),
        event("e3", 20),
        event("e4", 30, "PAST_REF"),
        event("e5", 40, "2017-05-09", Interval("2017-05-09", "2017-05-09")),
    ]
    timeline = build_timeline(events)
    assert [(entry.value, entry.events) for entry in timeline] == [
        ("2014-FA", ("e2",)),
        ("2017-05-09", ("e1", "e5")),
    ]


def test_a_day_comes_before_the_month_that_starts_with_it():
    events = [
        event("e1", 0, "2017-05", Interval("2017-05-01", "2017-05-31")),
        event("e2", 10, "2017-05-01", Interval("2017-05-01", "2017-05-01")),
    ]
    assert [entry.value for entry in build_timeline(events)] == ["2017-05-01", "2017-05"]


def test_events_only_before_or_after_a_date_are_left_out():
    day = Interval("2017-05-09", "2017-05-09")
    events = [
        event("e1", 0, "2017-05-09", day, relation="AFTER"),
        event("e2", 10, "2017-05-09", day, relation="BEFORE"),
        event("e3", 20, "2017-05-09", day),
    ]
    assert [entry.events for entry in build_timeline(events)] == [("e3",)]
