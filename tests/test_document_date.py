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
        ("LONDON, Wed Jun 7, 2023 (Reuters) - Shares fell.", date(2023, 6, 7)),
        ("NEW YORK, March 3, 2009 - The board met.", date(2009, 3, 3)),
        ("Updated 12:02 GMT, 9 May 2017\n\nOfficials met.", date(2017, 5, 9)),
        ("Published: 9 May 2017\nOfficials met.", date(2017, 5, 9)),
        ("Tue May 9, 2017\nCoalition meets in Copenhagen\nText.", date(2017, 5, 9)),
    ],
)
def test_dateline_found(text, expected):
    assert find_dateline(text).day == expected


@pytest.mark.parametrize(
    "text",
    [
        "The summit opened on May 9, 2017 in Copenhagen.",  # a date inside a sentence
        "May 2017\nMonth only.",  # no day
        "Headline\n\n2017-02-30\nNo such day.",
        "Officials met on Tuesday.",
        "March 3 - the board met and agreed.",  # no year and no agency: not a dateline
        "LONDON, the capital, voted on May 9, 2017 to act.",
        "",
    ],
)
def test_no_dateline(text):
    found = find_dateline(text)
    assert found is None or found.day is None


def test_a_dateline_without_a_year_gives_its_end_but_no_date():
    text = "May 9 (Reuters) - Shares fell."
    found = find_dateline(text)
    assert found.day is None
    assert text[found.end :] == "Shares fell."


def test_a_wire_dateline_ends_where_the_story_starts():
    text = "LONDON, Wed Jun 7, 2023 (Reuters) - Shares fell."
    assert text[find_dateline(text).end :] == "Shares fell."


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


LONG_STORY = (
    "officials said on Wednesday, the third increase this year, as inflation stays high and the "
    "labour market tight."
)


@pytest.mark.parametrize(
    ("text", "story"),
    [
        (f"WASHINGTON (Reuters) - The Fed raised rates, {LONG_STORY}", "The Fed raised"),
        (f"Headline\n\nAlwaght– The past weeks saw fighting, {LONG_STORY}", "The past weeks"),
        (f"BEIRUT — Syrian forces advanced toward the city, {LONG_STORY}", "Syrian forces"),
        ("NAIROBI, Kenya (AP) _\n\nBombs exploded.", "\n\nBombs exploded"),
    ],
)
def test_a_credit_line_is_a_dateline_without_a_date(text, story):
    found = find_dateline(text)
    assert found.day is None
    assert text[found.end :].startswith(story)


def test_front_matter_is_all_above_a_dated_dateline_but_only_a_credit_itself():
    dated = resolve_document_date("Banks rally\n\nMay 9, 2017\n\nShares rose.", None)[0]
    assert dated.front_matter == (0, len("Banks rally\n\nMay 9, 2017"))
    text = f"Banks rally\n\nWASHINGTON (Reuters) - Shares rose, {LONG_STORY}"
    credit = resolve_document_date(text, None)[0]
    start, end = credit.front_matter
    assert text[start:end] == "WASHINGTON (Reuters) - "


@pytest.mark.parametrize(
    "text",
    [
        f"The Fed – the central bank – raised rates, {LONG_STORY}",  # an aside, not a credit
        "Iran - A view from Tehran\n\nOfficials met.",  # a title
        "Mr. Smith - Chairman\nOfficials met.",
        f"Coca-Cola Co. raised prices, {LONG_STORY}",
    ],
)
def test_a_dash_after_a_name_is_not_always_a_credit(text):
    assert find_dateline(text) is None
