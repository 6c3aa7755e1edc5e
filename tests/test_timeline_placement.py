"""Mention times: the date and window of each event mention in its document."""

from __future__ import annotations

from dataclasses import replace

import pytest
from story_records import APRIL, event, news, on, past

from service.pipeline.records import (
    EventTime,
    Interval,
    TimeExpression,
)
from service.pipeline.timeline.placement import DocumentTimes, document_times, place


def times_of(result):
    written = result.document.document_date.value
    return document_times(written, result.events, result.time_expressions)


def test_a_past_event_dated_after_its_document_keeps_only_the_document_date():
    said = replace(
        event("e1", "said", "say", time=on("2018"), event_class="REPORTING"), tense="PAST"
    )
    time = place(said, DocumentTimes("2017-05-09"))
    assert (time.value, time.explicit) == ("2017-05-09", False)


def test_an_undated_past_event_is_placed_on_its_document_date_with_an_open_window():
    before = EventTime(None, "2017-05-09", Interval("2017-05-09", "2017-05-09"), "BEFORE")
    returned = replace(event("e1", "returned", "return", time=before), tense="PAST")
    time = place(returned, DocumentTimes("2017-05-09"))
    assert time.value == "2017-05-09"
    assert time.window == ("", "2017-05-09")


def test_a_future_event_is_only_after_its_document_date():
    after = EventTime(None, "2017-05-09", Interval("2017-05-09", "2017-05-09"), "AFTER")
    vote = replace(event("e1", "vote", "vote", time=after), tense="FUTURE")
    time = place(vote, DocumentTimes(None))
    assert time.value is None
    time = place(vote, DocumentTimes("2017-05-09"))
    assert (time.value, time.window) == (None, ("2017-05-09", "\uffff"))


def test_a_present_perfect_event_only_the_document_date_bounds_is_on_it():
    before = EventTime(None, "2017-05-09", Interval("2017-05-09", "2017-05-09"), "BEFORE")
    asked = replace(event("e1", "asked", "ask", time=before), tense="PRESENT", aspect="PERFECTIVE")
    assert place(asked, DocumentTimes("2017-05-09")).value == "2017-05-09"


def test_a_present_tense_event_nothing_dates_is_on_the_document_date():
    has = replace(event("e1", "has", "have"), tense="PRESENT")
    assert place(has, DocumentTimes("2017-05-09")).value == "2017-05-09"
    assert place(replace(has, tense="INFINITIVE"), DocumentTimes("2017-05-09")).value is None


def test_a_month_carried_over_from_an_other_sentence_gives_way_to_the_lead_date():
    unveiled = past("e1", "unveiled", on("2010-06-07", expression="t1"), 0)
    obtained = past("e2", "obtained", EventTime("t2", "2010-04", APRIL), 1)
    praised = past("e3", "praised", EventTime("t2", "2010-04", APRIL), 2)
    times = times_of(news(unveiled, obtained, praised))
    assert times.lead == "2010-06-07"
    assert place(obtained, times).value == "2010-04"
    assert place(praised, times).value == "2010-06-07"
    will_praise = place(replace(praised, tense="FUTURE"), times)
    assert (will_praise.value, will_praise.window) == (None, ("2010-06-08", "\uffff"))


def test_a_lead_date_after_the_document_date_is_no_lead():
    unveiled = past("e1", "unveiled", on("2010-06-07", expression="t1"), 0)
    assert times_of(news(unveiled, date="2010-06-01")).lead is None


def test_a_past_event_before_now_is_on_the_lead_date():
    recently = EventTime("t3", "PAST_REF", None, "IS_INCLUDED")
    unveiled = past("e1", "unveiled", on("2010-06-07", expression="t1"), 0)
    announced = past("e2", "announced", recently, 2)
    times = times_of(news(unveiled, announced))
    assert place(announced, times).value == "2010-06-07"
    assert place(announced, times).window == ("", "2010-06-07")


@pytest.mark.parametrize(
    "time",
    [
        EventTime("t3", "PT2H", None, "DURING"),
        EventTime("t3", "2010-09-30", Interval("2010-09-30", "2010-09-30"), "BEFORE"),
    ],
)
def test_a_past_event_a_duration_or_a_later_date_bounds_is_on_the_lead_date(time):
    unveiled = past("e1", "unveiled", on("2010-06-07", expression="t1"), 0)
    speech = past("e2", "spoke", time, 2)
    assert place(speech, times_of(news(unveiled, speech))).value == "2010-06-07"


def test_the_lead_date_is_the_last_news_day_of_the_lead_not_an_old_date():
    dated = past("e1", "unveiled", on("2010-06-07", expression="t1"), 0)
    result = news(dated)
    old = TimeExpression("t0", "2009", 1, 5, "DATE", "2009-06-01")
    assert times_of(replace(result, time_expressions=(old, *result.time_expressions))).lead == (
        "2010-06-07"
    )
    assert times_of(replace(result, time_expressions=(old,))).lead is None
