"""The TIMEX3 value grammar (TimeML 1.2.1), as one compiled regular expression, and real days."""

from __future__ import annotations

import calendar
import re
from datetime import date

_D = r"[\dX]"
_DATE = (
    rf"(?:{_D}{{2}}|{_D}{{3}}|{_D}{{4}}"  # century, decade, year
    rf"(?:-(?:{_D}{{2}}(?:-{_D}{{2}})?|W{_D}{{1,2}}(?:-(?:{_D}|WE))?|Q{_D}|H{_D}|SP|SU|FA|WI))?)"
)
_TIME = rf"T(?:{_D}{{2}}(?::{_D}{{2}}(?::{_D}{{2}}(?:\.\d+)?)?)?|MO|AF|EV|NI|DT)"
_ZONE = r"(?:Z|[+-]\d{2}(?::?\d{2})?)?"
_NUMBER = r"(?:\d+(?:\.\d+)?|X)"
_DURATION = (
    rf"P(?:(?:{_NUMBER}(?:Y|M|W|D|Q|DE|CE|ML|WE|SP|SU|FA|WI))+"
    rf"(?:T(?:{_NUMBER}[HMS])+)?|T(?:{_NUMBER}[HMS])+)"
)
VALUE = re.compile(
    rf"(?:PRESENT_REF|PAST_REF|FUTURE_REF|{_DURATION}|{_DATE}(?:{_TIME}{_ZONE})?|{_TIME}{_ZONE})"
)


# The month and day of a calendar value, and its year when written in digits.
_MONTH_DAY = re.compile(r"^(?:(?P<year>\d{4})|[\dX]{4})-(?P<month>\d{2})-(?P<day>\d{2})")
# An ISO week of a year in digits.
_WEEK = re.compile(r"^(?P<year>\d{4})-W(?P<week>\d{1,2})")


def is_valid_value(value: str) -> bool:
    """Return whether ``value`` is a well-formed TIMEX3 value naming days that exist.

    "2017-02-31", "2017-04-31", "XXXX-02-30", "2017-02-29" and "2017-W53" (2017 has 52 ISO
    weeks) are refused; "2016-02-29", "XXXX-02-29" and "2020-W53" are not.
    """
    return VALUE.fullmatch(value) is not None and _days_exist(value)


def _days_exist(value: str) -> bool:
    day = _MONTH_DAY.match(value)
    if day is not None:
        month, number = int(day["month"]), int(day["day"])
        if not 1 <= month <= 12:
            return False
        year = 2000 if day["year"] is None else int(day["year"])  # no year: it may be a leap year
        return 1 <= number <= calendar.monthrange(year or 2000, month)[1]  # year 0 is leap too
    week = _WEEK.match(value)
    if week is not None:
        year, number = int(week["year"]), int(week["week"])
        last_week = date(year, 12, 28).isocalendar().week if 1 <= year <= 9999 else 53
        return 1 <= number <= last_week
    return True
