"""TIMEX3 values per category, on sentences written for these tests, with the real model."""

from __future__ import annotations

from datetime import datetime

import pytest

from service.pipeline.records import TimeExpression

FRIDAY = datetime(2013, 3, 22)  # the document date of most cases: a Friday


def only(expressions: list[TimeExpression], text: str) -> TimeExpression:
    """The expression whose span is exactly ``text``."""
    matches = [timex for timex in expressions if timex.text == text]
    assert len(matches) == 1, [timex.text for timex in expressions]
    return matches[0]


CASES = [
    # (category, sentence, span, type, value)
    (
        "full date",
        "The accord was signed on March 5, 2011, in Lima.",
        "March 5, 2011",
        "DATE",
        "2011-03-05",
    ),
    ("full date", "The ruling is dated 2012-11-30.", "2012-11-30", "DATE", "2012-11-30"),
    ("partial date", "Prices peaked in October 1987 and fell.", "October 1987", "DATE", "1987-10"),
    ("partial date", "Exports grew sharply in 2004.", "2004", "DATE", "2004"),
    ("month-day", "The vote is set for April 20.", "April 20", "DATE", "2013-04-20"),
    ("decade", "The band toured widely in the 1980s.", "the 1980s", "DATE", "198"),
    ("decade", "Rents doubled during the '90s.", "the '90s", "DATE", "199"),
    ("century", "The chapel was built in the 12th century.", "the 12th century", "DATE", "11"),
    ("season", "Construction began in autumn 2014.", "autumn 2014", "DATE", "2014-FA"),
    ("season", "The river flooded last summer.", "last summer", "DATE", "2012-SU"),
    (
        "quarter",
        "Profit fell in the second quarter of 2011.",
        "the second quarter of 2011",
        "DATE",
        "2011-Q2",
    ),
    ("quarter", "Orders rose in the first quarter.", "the first quarter", "DATE", "2013-Q1"),
    ("week", "Shares slid this week.", "this week", "DATE", "2013-W12"),
    ("week", "The inquiry opened last week.", "last week", "DATE", "2013-W11"),
    ("weekend", "Two shops were looted last weekend.", "last weekend", "DATE", "2013-W11-WE"),
    ("part of day", "The minister resigned this morning.", "this morning", "TIME", "2013-03-22TMO"),
    (
        "part of day",
        "Fighting resumed on Wednesday evening.",
        "Wednesday evening",
        "DATE",
        "2013-03-20TEV",
    ),
    ("time", "The polls close at 5 p.m. today.", "5 p.m.", "TIME", "2013-03-22T17:00"),
    ("time", "The quake struck at 6:15 a.m. local time.", "6:15 a.m.", "TIME", "2013-03-22T06:15"),
    ("present", "The bridge is now closed to lorries.", "now", "DATE", "PRESENT_REF"),
    ("past", "The mayor recently approved the plan.", "recently", "DATE", "PAST_REF"),
    ("future", "Fares may rise in the future.", "the future", "DATE", "FUTURE_REF"),
    ("duration", "The strike lasted three weeks.", "three weeks", "DURATION", "P3W"),
    (
        "duration",
        "Prices have climbed over the past few weeks.",
        "the past few weeks",
        "DURATION",
        "PXW",
    ),
    ("duration", "Talks could take a few weeks.", "a few weeks", "DURATION", "PXW"),
    ("duration", "The blackout lasted 36 hours.", "36 hours", "DURATION", "PT36H"),
    ("duration", "She signed a two-year contract.", "two-year", "DURATION", "P2Y"),
    ("set", "The market opens every Tuesday.", "every Tuesday", "SET", "XXXX-WXX-2"),
    ("set", "The bulletin is printed daily.", "daily", "SET", "P1D"),
    ("set", "Elections are held every four years.", "every four years", "SET", "P4Y"),
    ("relative", "The mine closed three years ago.", "three years ago", "DATE", "2010"),
    ("relative", "Rents will rise next month.", "next month", "DATE", "2013-04"),
    ("relative", "Unemployment fell last year.", "last year", "DATE", "2012"),
    ("relative", "The results came out yesterday.", "yesterday", "DATE", "2013-03-21"),
    ("relative", "The strike ends tomorrow.", "tomorrow", "DATE", "2013-03-23"),
]


@pytest.mark.parametrize(("category", "sentence", "span", "timex_type", "value"), CASES)
def test_value_per_category(tag, category, sentence, span, timex_type, value):
    timex = only(tag(sentence), span)
    assert (timex.type, timex.value) == (timex_type, value), category


@pytest.mark.parametrize(
    ("anchor", "sentence", "value"),
    [
        (datetime(2013, 3, 1), "The council said Wednesday that it would appeal.", "2013-02-27"),
        (datetime(2013, 1, 2), "Officials confirmed Monday that the road was open.", "2012-12-31"),
        (datetime(2012, 12, 28), "The committee will meet Tuesday to vote.", "2013-01-01"),
        (datetime(2013, 3, 29), "The union will strike Monday.", "2013-04-01"),
    ],
    ids=["back-over-month", "back-over-year", "forward-over-year", "forward-over-month"],
)
def test_weekday_follows_tense_across_boundaries(tag, anchor, sentence, value):
    weekday = next(timex for timex in tag(sentence, anchor) if timex.type == "DATE")
    assert weekday.value == value


def test_weekday_of_the_document_date_is_that_day(tag):
    timex = only(tag("Police arrested two men on Friday."), "Friday")
    assert timex.value == "2013-03-22"


def test_extent_leaves_out_the_preposition(tag):
    (timex,) = tag("Ministers meet in Oslo on Tuesday.")
    assert (timex.text, timex.start, timex.end) == ("Tuesday", 26, 33)


def test_previous_day_is_anchored_on_the_last_date_in_the_discourse(tag):
    expressions = tag("The storm hit on June 3, 2010, and the city flooded the following day.")
    assert only(expressions, "the following day").value == "2010-06-04"


def test_same_month_is_anchored_on_the_last_date_in_the_discourse(tag):
    expressions = tag("Talks began in May 2009 and collapsed the same month.")
    assert only(expressions, "the same month").value == "2009-05"


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("The results came out yesterday.", "yesterday", "XXXX-XX-XX"),
        ("The minister said Friday that talks had failed.", "Friday", "XXXX-WXX-5"),
        ("Unemployment fell last year.", "last year", "XXXX"),
        ("Shares slid this week.", "this week", "XXXX-WXX"),
        ("Prices fell in January.", "January", "XXXX-01"),
    ],
)
def test_without_anchor_relative_values_are_placeholders(tag, sentence, span, value):
    timex = only(tag(sentence, None), span)
    assert (timex.value, timex.interval) == (value, None)


def test_ids_follow_text_order(tag):
    expressions = tag("On Monday the firm said sales in 2012 rose, and next week it will report.")
    assert [timex.id for timex in expressions] == ["t1", "t2", "t3"]
    assert [timex.start for timex in expressions] == sorted(timex.start for timex in expressions)


def test_modifier_is_reported(tag):
    timex = only(tag("The recession began in early 1990."), "early 1990")
    assert (timex.value, timex.mod) == ("1990", "START")


@pytest.mark.parametrize(
    ("anchor", "sentence", "span", "value"),
    [
        (
            datetime(2013, 3, 22),
            "The boy was found on Thanksgiving Day.",
            "Thanksgiving Day",
            "2012-11-22",
        ),
        (
            datetime(2014, 11, 1),
            "Voters go to the polls on Election Day.",
            "Election Day",
            "2014-11-04",
        ),
        (
            datetime(2013, 12, 20),
            "The shops close on Christmas Day.",
            "Christmas Day",
            "2013-12-25",
        ),
    ],
)
def test_holidays_resolve_to_their_day(tag, anchor, sentence, span, value):
    assert only(tag(sentence, anchor), span).value == value


def test_impossible_calendar_date_is_dropped(tag):
    assert tag("The ruling is dated Feb. 30, 2013.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The Apollo 1969 Foundation funds schools.",
        "She starred in the film Friday Night Lights in Texas.",
    ],
)
def test_time_expression_inside_a_name_is_not_tagged(tag, sentence):
    assert tag(sentence) == []


def test_age_is_not_a_duration(tag):
    assert tag("A 6-year-old boy was found.") == []


def test_example_article_dateline_tuesday_and_autumn(tag, mattis_article):
    expressions = tag(mattis_article, datetime(2017, 5, 9))
    tuesday = next(
        timex
        for timex in expressions
        if "on Tuesday" in mattis_article[timex.start - 3 : timex.end]
    )
    assert (tuesday.text, tuesday.value) == ("Tuesday", "2017-05-09")
    autumn = only(expressions, "autumn 2014")
    assert (autumn.type, autumn.value) == ("DATE", "2014-FA")
