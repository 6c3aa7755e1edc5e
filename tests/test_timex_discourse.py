"""Issue 14 kinds 2, 5 and 6 for time expressions: datelines, times relative to the discourse,
spans, ranges, fiscal years and anaphoric times, on texts written for these tests."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from service.pipeline.dates.document_date import resolve_document_date
from service.pipeline.lexicon.word_lists import read_pairs
from service.pipeline.records import Interval, TimeExpression
from service.pipeline.timex.discourse import ANAPHORIC_TIMES, anaphoric_times, date_ranges

WEDNESDAY = datetime(2023, 6, 7)


def only(expressions: list[TimeExpression], text: str) -> TimeExpression:
    """The expression whose span is exactly ``text``."""
    matches = [timex for timex in expressions if timex.text == text]
    assert len(matches) == 1, [(timex.text, timex.value) for timex in expressions]
    return matches[0]


# --- kind 6: datelines -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "timex_type", "value", "day"),
    [
        (
            "LONDON, Wed Jun 7, 2023 (Reuters) - The company said on Tuesday it would cut jobs.",
            "Wed Jun 7, 2023",
            "DATE",
            "2023-06-07",
            "2023-06-07",
        ),
        (
            "Updated 12:02 GMT, 9 May 2017\nThe company said on Tuesday it would cut jobs.",
            "12:02 GMT, 9 May 2017",
            "TIME",
            "2017-05-09T12:02",
            "2017-05-09",
        ),
        (
            "Tue May 9, 2017 12:02:17\nThe company said on Tuesday it would cut jobs.",
            "Tue May 9, 2017 12:02:17",
            "TIME",
            "2017-05-09T12:02",
            "2017-05-09",
        ),
    ],
)
def test_dateline_is_one_time_expression_and_the_document_date(
    tag, text, span, timex_type, value, day
):
    date_record, document_date = resolve_document_date(text, None)
    assert date_record.value == day
    assert date_record.source == "dateline"
    found = tag(text, document_date)
    dateline = only(found, span)
    assert (dateline.type, dateline.value) == (timex_type, value)
    assert dateline.start == text.index(span)
    assert dateline.end <= date_record.dateline_end
    # Not a year alone, nor the clock apart from its date.
    assert not [t for t in found if t.text in ("2023", "2017", "12:02 GMT", "12:02:17")]


def test_dateline_without_year_gives_no_document_date_and_a_day_in_the_request_year(tag):
    text = "May 9 (Reuters) - The company said on Tuesday it would cut jobs."
    date_record, document_date = resolve_document_date(text, None)
    assert (date_record.value, date_record.dateline_end) == (None, 18)
    assert only(tag(text, document_date), "May 9").value == "XXXX-05-09"
    assert only(tag(text, datetime(2017, 5, 9)), "May 9").value == "2017-05-09"


def test_undotted_month_abbreviation_needs_a_capital_and_a_day(tag):
    assert only(tag("Talks resumed on Jun 12 in Geneva."), "Jun 12").value == "2013-06-12"
    assert not tag("Do not mar 5 good pages.")


# --- kind 5: times relative to the discourse -------------------------------------------------


def test_units_later_keep_the_duration_and_point_at_the_day_reached(tag):
    found = tag(
        "He was arrested on Monday. Three days later, he announced his resignation. "
        "A year later he left the country."
    )
    later = only(found, "Three days")
    assert (later.type, later.value) == ("DURATION", "P3D")
    assert later.interval == Interval("2013-03-21", "2013-03-21")
    # Counted from the day reached, not from Monday nor from the document date.
    assert only(found, "A year").interval == Interval("2014-01-01", "2014-12-31")


def test_units_earlier_and_after_at_a_clause_end(tag):
    found = tag("The vote was held on May 2, 2011. Two weeks earlier, the polls had closed.")
    assert only(found, "Two weeks").interval == Interval("2011-04-18", "2011-04-24")
    found = tag("The firm was founded in 1985. Two years after, it failed.")
    assert only(found, "Two years").interval == Interval("1987-01-01", "1987-12-31")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # No date before: never counted from the document date.
        ("Three days later, he announced his resignation.", "Three days"),
        # A date coarser than the unit: the day is unknown.
        ("He arrived in 1985. Three days later, he left.", "Three days"),
        # A comparison, not a date.
        ("He was arrested on Monday. It took three days longer than planned.", "three days"),
        ("He was arrested on Monday. He left two days later than planned.", "two days"),
        # Relative to an event, not to the discourse.
        ("He was arrested on Monday. Two weeks before the vote, he was absent.", "Two weeks"),
        # A length of time with no known end came between: the date reached is unknown.
        (
            "Eight trading days after Oct. 12, the index had fallen. Three days later, it rose.",
            "Three days",
        ),
        ("If he fails to appeal within 14 days, he may leave seven days later.", "seven days"),
        # A vague or approximate amount.
        ("He was arrested on Monday. About three weeks later, he left.", "About three weeks"),
    ],
)
def test_units_later_without_a_day_reached(tag, text, span):
    assert only(tag(text), span).interval is None


def test_the_past_n_units_is_a_span_ending_at_the_document_date(tag):
    text = "Over the past three weeks prices rose. In the last two years sales fell."
    found = tag(text, WEDNESDAY)
    assert only(found, "the past three weeks").interval == Interval("2023-05-17", "2023-06-07")
    assert only(found, "the last two years").interval == Interval("2021-06-07", "2023-06-07")
    assert only(found, "the past three weeks").value == "P3W"


def test_the_past_few_weeks_and_next_weeks_have_no_span(tag):
    found = tag("The past few weeks saw unrest. The next three weeks will be hard.", WEDNESDAY)
    assert only(found, "The past few weeks").interval is None
    assert only(found, "The next three weeks").interval is None
    undated = tag("Over the past three weeks prices rose.", None)
    assert only(undated, "the past three weeks").interval is None


@pytest.mark.parametrize(
    ("text", "span", "years"),
    [
        ("Sales in 2009-2010 rose.", "2009-2010", ("2009", "2010")),
        ("In 2009\u201310 exports fell.", "2009\u201310", ("2009", "2010")),
        ("The 1999-00 season was poor.", "1999-00", ("1999", "2000")),
        ('The page reads "Steve Jobs 1955-2011".', "1955-2011", ("1955", "2011")),
    ],
)
def test_a_range_of_years_covers_both(tag, text, span, years):
    timex = only(tag(text), span)
    assert timex.interval == Interval(f"{years[0]}-01-01", f"{years[1]}-12-31")
    assert not [t for t in tag(text) if t.text == years[1]]


@pytest.mark.parametrize(
    ("text", "interval"),
    [
        ("From 2009 to 2010 it grew.", Interval("2009-01-01", "2010-12-31")),
        ("Between May 2, 2011 and June 3, 2011 it grew.", Interval("2011-05-02", "2011-06-03")),
        (
            "The talks ran from March 3, 2009 through April 2009.",
            Interval("2009-03-03", "2009-04-30"),
        ),
    ],
)
def test_dates_written_as_a_range(tag, text, interval):
    found = tag(text)
    assert [r.interval for r in date_ranges(text, found)] == [interval]
    assert len([t for t in found if t.type == "DATE"]) == 2  # TimeBank's two DATE expressions


@pytest.mark.parametrize(
    "text",
    [
        "In 2009 sales rose, and in 2010 they fell.",
        "From 2010 to 2009 is not a range.",  # backwards
        "Sales grew from 2009, and in 2010 they fell.",  # more than one word between
    ],
)
def test_dates_not_a_range(tag, text):
    assert date_ranges(text, tag(text)) == []


def test_a_year_month_is_not_a_range(tag):
    assert not [t for t in tag("The log of 2010-09 was lost.") if t.interval is not None]


def test_fiscal_years_keep_the_value_without_a_calendar_interval(tag):
    found = tag("This fiscal year profits rose. In fiscal 2016 sales fell. The year was good.")
    fiscal = only(found, "This fiscal year")
    assert (fiscal.value, fiscal.interval) == ("2013", None)
    assert (only(found, "fiscal 2016").value, only(found, "fiscal 2016").interval) == ("2016", None)
    # The calendar year keeps its interval.
    assert only(tag("Profits rose this year."), "this year").interval == Interval(
        "2013-01-01", "2013-12-31"
    )


# --- kind 2: anaphoric times -----------------------------------------------------------------


def test_that_year_skips_the_present(tag):
    found = tag("The plant opened in 1985. Today it is closed, but that year it made a profit.")
    assert only(found, "that year").value == "1985"
    found = tag("He left on May 2, 2011. Today he is back; that day he had no plan.")
    assert only(found, "that day").value == "2011-05-02"


def test_that_year_without_an_earlier_year_is_not_the_present(tag):
    text = "The war in the 1980s is the closest example of today's situation. That year ended."
    found = tag(text)
    assert only(found, "That year").value == "XXXX"
    assert only(found, "That year").interval is None


def refers(
    pipeline, text: str, document_date: datetime | None = WEDNESDAY
) -> list[tuple[str, str]]:
    doc = pipeline.nlp(text)
    found = pipeline.timex(doc, document_date)
    dct = document_date.date() if document_date is not None else None
    return [
        (text[a.start : a.end], a.refers_to.text)
        for sentence in doc.sents
        for a in anaphoric_times(sentence, found, dct)
    ]


def test_at_that_time_refers_to_the_1980s_not_today(pipeline):
    text = (
        "The war in the 1980s is the closest example of today's situation. "
        "At that time, militants joined forces to fight."
    )
    assert refers(pipeline, text) == [("At that time", "the 1980s")]


@pytest.mark.parametrize(
    "text",
    [
        "If it rains, then we stay home.",  # bare "then" is not in the list
        "Today the market is calm. At that time, nobody knew.",  # only the present before
        "At the time, nobody knew.",  # no time before
        "He was arrested on Monday. We then left.",
    ],
)
def test_no_anaphoric_time(pipeline, text):
    assert refers(pipeline, text) == []


@pytest.mark.parametrize(("phrase", "example"), sorted(read_pairs(ANAPHORIC_TIMES).items()))
def test_anaphoric_time_examples(pipeline, phrase, example):
    expected = re.search(r"\[([^\]]+)\]", example).group(1)  # type: ignore[union-attr]
    text = example.replace("[", "").replace("]", "")
    found = refers(pipeline, text, datetime(2020, 1, 1))
    assert found and found[-1][0].lower() == phrase
    assert found[-1][1].endswith(expected)


def test_the_dateline_is_the_present_not_a_referent(pipeline):
    text = "LONDON, Wed Jun 7, 2023 (Reuters) - At the time, rates were low."
    assert refers(pipeline, text) == []
    assert refers(pipeline, "Rates fell in 2019. " + text) == [("At the time", "2019")]
