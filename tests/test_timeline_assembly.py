"""Timeline assembly: admitted events by date and relation, chronological, text order within."""

from __future__ import annotations

from service.pipeline.records import Event, EventTime, Interval, TextSpan
from service.pipeline.timeline.assembly import build_timeline
from service.pipeline.timeline.placement import DocumentTimes, place


def event(event_id, start, value=None, interval=None, relation="IS_INCLUDED", admitted=True):
    time = None if value is None else EventTime("t1", value, interval, relation, "own_time")
    sentence = TextSpan("s", 0, 100)
    return Event(
        event_id,
        TextSpan("x", start, start + 1),
        "x",
        "OCCURRENCE",
        sentence,
        tense="PAST",
        time=time,
        admission="admitted" if admitted else "report",
    )


def timeline(*events):
    times = DocumentTimes("2017-05-09", None, {"t1": 1})  # t1 in each event's sentence
    return build_timeline(events, {e.id: place(e, times) for e in events})


DAY = Interval("2017-05-09", "2017-05-09")


def test_entries_are_chronological_and_undated_events_left_out():
    entries = timeline(
        event("e1", 0, "2017-05-09", DAY),
        event("e2", 10, "2014-FA", Interval("2014-09-01", "2014-11-30")),
        event("e3", 20),
        event("e5", 40, "2017-05-09", DAY),
    )
    assert [(entry.value, entry.relation, entry.events) for entry in entries] == [
        ("2014-FA", "on", ("e2",)),
        ("2017-05-09", "on", ("e1", "e5")),
    ]


def test_a_day_comes_before_the_month_that_starts_with_it():
    entries = timeline(
        event("e1", 0, "2017-05", Interval("2017-05-01", "2017-05-31")),
        event("e2", 10, "2017-05-01", Interval("2017-05-01", "2017-05-01")),
    )
    assert [entry.value for entry in entries] == ["2017-05-01", "2017-05"]


def test_events_before_or_after_a_date_are_entries_of_their_own_with_that_relation():
    earlier = Interval("2017-05-01", "2017-05-01")
    entries = timeline(
        event("e1", 0, "2017-05-01", earlier, relation="AFTER"),
        event("e2", 10, "2017-05-01", earlier, relation="BEFORE"),
        event("e3", 20, "2017-05-01", earlier),
        event("e4", 30, "2017-05-09", DAY, relation="BEFORE"),
    )
    assert [(entry.value, entry.relation, entry.events) for entry in entries] == [
        ("2017-05-01", "before", ("e2",)),
        ("2017-05-01", "on", ("e3",)),
        ("2017-05-01", "after", ("e1",)),
        ("2017-05-09", "on or before", ("e4",)),  # a done event before now: the lead date
    ]


def test_events_left_out_by_admission_are_no_entries():
    entries = timeline(
        event("e1", 0, "2017-05-09", DAY, admitted=False), event("e2", 5, "2017-05-09", DAY)
    )
    assert [entry.events for entry in entries] == [("e2",)]
