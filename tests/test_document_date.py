"""The document date: request first, then a dateline, never today."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from service.pipeline.dates.document_date import find_dateline, resolve_document_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Headline\n\nTue May 9, 2017 12:02:17\n\nBody.", date(2017, 5, 9)),
        ("March 3, 2009\nThe board met.", date(2009, 3, 3)),
        ("Friday, 1 January 2021, 09:30 GMT\n\nText.", date(2021, 1, 1)),
        ("2016-02-29\nLeap day report.", date(2016, 2, 29)),
        ("Sept. 14, 2001\nText.", date(2001, 9, 14)),
    ],
)
def test_dateline_found(text, expected):
    assert find_dateline(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The summit opened on May 9, 2017 in Copenhagen.",  # a date inside a sentence
        "May 2017\nMonth only.",  # no day
        "Headline\n\n2017-02-30\nNo such day.",
        "Officials met on Tuesday.",
        "",
    ],
)
def test_no_dateline(text):
    assert find_dateline(text) is None


def test_request_date_wins_over_dateline():
    record, anchor = resolve_document_date("May 9, 2017\nText.", date(2020, 1, 2))
    assert (record.value, record.source) == ("2020-01-02", "request")
    assert anchor == datetime(2020, 1, 2)


def test_request_datetime_keeps_its_wall_clock_time():
    requested = datetime.fromisoformat("2017-05-09T23:30:00-05:00")
    record, anchor = resolve_document_date("Text.", requested)
    assert record.value == "2017-05-09T23:30:00-05:00"
    assert anchor == datetime(2017, 5, 9, 23, 30)


def test_no_date_is_none_not_today():
    record, anchor = resolve_document_date("Officials met on Tuesday.", None)
    assert (record.value, record.source, anchor) == (None, "none", None)
