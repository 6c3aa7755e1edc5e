"""Values that depend on context: tense seen from the past, reporting periods, composed days.

Sentences written for these tests; the document date is a Friday unless a case says otherwise.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from service.pipeline.records import TimeExpression

FRIDAY = datetime(2013, 3, 22)
MONDAY = datetime(2013, 3, 25)
LATE_OCTOBER = datetime(2013, 10, 28)  # a Monday, in the fourth quarter


def value_of(expressions: list[TimeExpression], text: str) -> str:
    """The value of the expression whose span is exactly ``text``."""
    matches = [timex for timex in expressions if timex.text == text]
    assert len(matches) == 1, [(timex.text, timex.value) for timex in expressions]
    return matches[0].value


# --- a weekday seen from the past: plans, past modals, end points --------------------------
@pytest.mark.parametrize(
    ("anchor", "sentence", "span", "value"),
    [
        # a plan stated in the past: the nearest such day, ahead or back
        (FRIDAY, "The union planned a march on Saturday.", "Saturday", "2013-03-23"),
        (FRIDAY, "The crew planned to sail for Lisbon on Sunday.", "Sunday", "2013-03-24"),
        (MONDAY, "A vigil planned for Saturday was called off.", "Saturday", "2013-03-23"),
        # past modals: "could not be reached Thursday" is yesterday, not next week
        (FRIDAY, "The mayor could not be reached Thursday for comment.", "Thursday", "2013-03-21"),
        (FRIDAY, "Aides said the envoy would arrive Monday.", "Monday", "2013-03-25"),
        # an end point set in the past
        (MONDAY, "The board postponed the vote until Wednesday.", "Wednesday", "2013-03-27"),
        (
            MONDAY,
            "The offer had been due to expire Friday evening.",
            "Friday evening",
            "2013-03-22TEV",
        ),
        # a time fronted before the plan dates the planning itself
        (FRIDAY, "On Tuesday, the council planned to cut the budget.", "Tuesday", "2013-03-19"),
        # the ordinary cases are unchanged
        (FRIDAY, "The minister said Wednesday that talks had failed.", "Wednesday", "2013-03-20"),
        (FRIDAY, "The board will meet Tuesday.", "Tuesday", "2013-03-26"),
    ],
)
def test_weekday_seen_from_the_past(tag, anchor, sentence, span, value):
    assert value_of(tag(sentence, anchor), span) == value


def test_month_of_an_infinitive_under_a_past_verb_is_the_nearest(tag):
    # DCT 10 February: "decided to admit ... in early March" is next month, not last March
    found = tag(
        "The alliance decided to admit three members in early March.", datetime(2013, 2, 10)
    )
    assert value_of(found, "early March") == "2013-03"


def test_weekday_followed_by_a_number_is_still_a_date(tag):
    found = tag("In a poll completed on Saturday, 69 percent said no.", MONDAY)
    assert value_of(found, "Saturday") == "2013-03-23"


def test_a_name_that_only_adds_a_determiner_hides_nothing(tag):
    found = tag("Few tourists cancelled after the Aug. 7 embassy bombings.", datetime(2013, 9, 7))
    assert value_of(found, "Aug. 7") == "2013-08-07"


# --- earnings reports: the reporting period --------------------------------------------------
def test_a_year_earlier_after_a_quarter_is_that_quarter_a_year_before(tag):
    found = tag(
        "Net income rose in the third quarter to $5 million from $4 million a year earlier.",
        LATE_OCTOBER,
    )
    assert value_of(found, "a year earlier") == "2012-Q3"


def test_a_year_earlier_after_the_nine_months_is_the_year_before(tag):
    found = tag(
        "Net income rose in the third quarter. For the nine months, net was $9 million, "
        "up from $7 million a year earlier.",
        LATE_OCTOBER,
    )
    assert value_of(found, "a year earlier") == "2012"


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        (
            "Sales rose in the third quarter, against a loss in the 2012 quarter.",
            "the 2012 quarter",
            "2012-Q3",
        ),
        (
            "Sales rose in the third quarter; sales for last year's quarter were lower.",
            "last year's quarter",
            "2012-Q3",
        ),
        (
            "Net rose in the third quarter from the corresponding period last year.",
            "the corresponding period last year",
            "2012-Q3",
        ),
        (
            "Net rose in the third quarter, up from the quarter a year ago.",
            "the quarter a year ago",
            "2012-Q3",
        ),
    ],
)
def test_comparisons_with_the_reporting_period(tag, sentence, span, value):
    assert value_of(tag(sentence, LATE_OCTOBER), span) == value


def test_a_forecast_quarter_is_not_the_reporting_period(tag):
    found = tag(
        "Profit fell in the third quarter. Analysts expect losses through the third quarter "
        "of 2014. In the year-ago period, the firm earned $2 million.",
        LATE_OCTOBER,
    )
    assert value_of(found, "the year-ago period") == "2012-Q3"


def test_latest_period_without_a_quarter_named_is_the_last_full_quarter(tag):
    found = tag("Costs fell in the latest period, the company said.", LATE_OCTOBER)
    assert value_of(found, "the latest period") == "2013-Q3"


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("Earnings will suffer in the last half of 2014.", "the last half of 2014", "2014-H2"),
        (
            "Losses should last through the first two quarters of 2014.",
            "the first two quarters of 2014",
            "2014-H1",
        ),
        ("Sales rose 4% in the latest fiscal year.", "the latest fiscal year", "2012"),
    ],
)
def test_halves_and_latest_years(tag, sentence, span, value):
    assert value_of(tag(sentence, LATE_OCTOBER), span) == value


# --- durations with halves, compounds and vague spans --------------------------------------
@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("The refugees stayed in the camps for 2 1/2 years.", "2 1/2 years", "P2Y6M"),
        ("The envoy spent 5 1/2 hours in the capital.", "5 1/2 hours", "PT5H30M"),
        ("The pilot answered a minute and a half later.", "a minute and a half", "PT1M30S"),
        ("The day-long meeting ended without a deal.", "day-long", "P1D"),
        ("She returned after a several-year posting abroad.", "several-year", "PXY"),
        ("Over the years the town has grown.", "the years", "PXY"),
        ("Sales may double over the next couple of years.", "the next couple of years", "P2Y"),
    ],
)
def test_duration_values(tag, sentence, span, value):
    assert value_of(tag(sentence), span) == value


# --- composed days, spoken years, hours of the day, vague references ------------------------
@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("A hearing is set for the week of April 8.", "the week of April 8", "2013-W15"),
        (
            "The day before last Tuesday's hearing, he called.",
            "The day before last Tuesday",
            "2013-03-18",
        ),
        (
            "Oil fell in the winter of nineteen ninety-four.",
            "the winter of nineteen ninety-four",
            "1994-WI",
        ),
        (
            "Prices peaked in January nineteen ninety-seven.",
            "January nineteen ninety-seven",
            "1997-01",
        ),
        ("The father will leave at 4 in the morning.", "4 in the morning", "2013-03-22T04:00"),
        ("The call came at nine o'clock at night.", "nine o'clock at night", "2013-03-22T21:00"),
        (
            "In London at mid-afternoon yesterday, shares rose.",
            "mid-afternoon yesterday",
            "2013-03-21TAF",
        ),
        ("By mid afternoon the operation was over.", "mid afternoon", "2013-03-22TAF"),
        ("She hopes the town will one day be rebuilt.", "one day", "FUTURE_REF"),
        ("Holders may buy shares at half the then current price.", "then current", "PAST_REF"),
    ],
)
def test_composed_and_spoken_values(tag, sentence, span, value):
    assert value_of(tag(sentence), span) == value


@pytest.mark.parametrize(
    "sentence",
    ["The showdown felt like high noon for the party.", "Crowds joined the March for Life."],
)
def test_idioms_and_names_are_not_times(tag, sentence):
    assert tag(sentence) == []


def test_without_anchor_composed_days_stay_placeholders(tag):
    found = tag("A hearing is set for the week of April 8.", None)
    assert value_of(found, "the week of April 8") == "XXXX-WXX"
