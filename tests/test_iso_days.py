"""Calendar days of ISO values: what anchoring and the timelines compare."""

from datetime import date

import pytest

from service.pipeline.dates.iso_days import calendar_day, day_of


def test_day_of_a_date_time_is_its_date():
    assert day_of("2017-05-09T14:30") == "2017-05-09"


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2017-05-09", date(2017, 5, 9)),
        ("2017-05-09T14:30", date(2017, 5, 9)),
        ("2014-SP", None),  # a season is not a day
        ("2017-05", None),
        ("XXXX-XX-XX", None),
        ("", None),
        (None, None),
    ],
)
def test_calendar_day_is_a_date_only_for_a_day(value, day):
    assert calendar_day(value) == day
