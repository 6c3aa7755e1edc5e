"""Inclusive calendar intervals of resolved values (conventions in timex/intervals.py)."""

from __future__ import annotations

import pytest

from service.pipeline.records import Interval
from service.pipeline.timex.intervals import interval_of


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("2014", "2014-01-01", "2014-12-31"),
        ("2014-02", "2014-02-01", "2014-02-28"),
        ("2012-02", "2012-02-01", "2012-02-29"),
        ("2014-05-09", "2014-05-09", "2014-05-09"),
        ("198", "1980-01-01", "1989-12-31"),
        ("19", "1900-01-01", "1999-12-31"),
        ("2014-SP", "2014-03-01", "2014-05-31"),
        ("2014-SU", "2014-06-01", "2014-08-31"),
        ("2014-FA", "2014-09-01", "2014-11-30"),
        ("2013-WI", "2013-12-01", "2014-02-28"),
        ("2013-Q1", "2013-01-01", "2013-03-31"),
        ("2013-Q4", "2013-10-01", "2013-12-31"),
        ("2013-H2", "2013-07-01", "2013-12-31"),
        ("2013-W11", "2013-03-11", "2013-03-17"),
        ("2013-W11-WE", "2013-03-16", "2013-03-17"),
        ("2013-W11-5", "2013-03-15", "2013-03-15"),
        ("2015-W53", "2015-12-28", "2016-01-03"),
        ("2013-03-22TMO", "2013-03-22T05:00", "2013-03-22T11:59"),
        ("2013-03-22TEV", "2013-03-22T18:00", "2013-03-22T21:59"),
        ("2013-03-22TNI", "2013-03-22T21:00", "2013-03-23T05:59"),
        ("2013-03-22T17:00", "2013-03-22T17:00", "2013-03-22T17:00"),
        ("2013-03-22T17", "2013-03-22T17:00", "2013-03-22T17:59"),
        ("2013-03-22T24:00", "2013-03-23T00:00", "2013-03-23T00:00"),
    ],
)
def test_interval_of_resolved_value(value, start, end):
    assert interval_of(value) == Interval(start, end)


@pytest.mark.parametrize(
    "value",
    ["PRESENT_REF", "PAST_REF", "P3D", "PXW", "XXXX-XX-XX", "XXXX-WXX-2", "2013-02-30", "2013-W60"],
)
def test_unresolvable_value_has_no_interval(value):
    assert interval_of(value) is None
