"""Calendar intervals of resolved DATE/TIME values, both ends inclusive.

Conventions: seasons are northern-hemisphere meteorological seasons (spring March-May,
summer June-August, autumn September-November, winter December to February of the next
year); ISO weeks run Monday to Sunday and a weekend is their Saturday and Sunday; decades
and centuries follow TIMEX3 (``198`` is 1980-1989, ``19`` is 1900-1999). Parts of day:
morning 05:00-11:59, afternoon 12:00-17:59, evening 18:00-21:59, night 21:00-05:59 of the
next day, daytime 08:00-17:59. Days are written as dates, times to the minute.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

from service.pipeline.records import Interval

_CALENDAR = re.compile(
    r"^(?P<year>\d{2,4})(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?|W(?P<week>\d{1,2})"
    r"(?:-(?P<weekday>\d|WE))?|Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<season>SP|SU|FA|WI)))?"
    r"(?:T(?:(?P<hour>\d{2})(?::(?P<minute>\d{2}))?(?::\d{2}(?:\.\d+)?)?|(?P<part>MO|AF|EV|NI|DT))"
    r"(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$"
)
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_PARTS = {"MO": ("05:00", 0, "11:59"), "AF": ("12:00", 0, "17:59"), "EV": ("18:00", 0, "21:59"),
          "NI": ("21:00", 1, "05:59"), "DT": ("08:00", 0, "17:59")}  # fmt: skip


def interval_of(value: str) -> Interval | None:
    """Return the inclusive calendar interval of a resolved TIMEX3 value, or None.

    value (str): a TIMEX3 value such as ``2014-FA``, ``2013-W11`` or ``2013-03-22TEV``.
    RETURNS (Interval | None): None for placeholders, references, durations and bad dates.
    """
    match = _CALENDAR.match(value)
    if match is None:
        return None
    try:
        return _interval(match)
    except (ValueError, OverflowError):  # no such day, or past the ends of the calendar
        return None


def _interval(match: re.Match[str]) -> Interval | None:
    fields = match.groupdict()
    digits = fields["year"]
    if len(digits) < 4:
        if fields["month"] or fields["week"] or fields["quarter"] or fields["half"]:
            return None
        if fields["season"] or fields["hour"] or fields["part"]:
            return None
        span = 10 ** (4 - len(digits))
        first = int(digits) * span
        return _days(date(max(first, 1), 1, 1), date(first + span - 1, 12, 31))
    year = int(digits)
    if fields["day"]:
        day = date(year, int(fields["month"]), int(fields["day"]))
        return _times(day, fields) or _days(day, day)
    if fields["hour"] or fields["part"]:
        return None
    if fields["month"]:
        month = int(fields["month"])
        return _days(date(year, month, 1), date(year, month, _month_days(year, month)))
    if fields["week"]:
        return _week(year, int(fields["week"]), fields["weekday"])
    if fields["quarter"] or fields["half"]:
        size = 3 if fields["quarter"] else 6
        first = (int(fields["quarter"] or fields["half"]) - 1) * size + 1
        last = first + size - 1
        return _days(date(year, first, 1), date(year, last, _month_days(year, last)))
    if fields["season"]:
        first = _SEASON_START[fields["season"]]
        start = date(year, first, 1)
        end_month = (first + 1) % 12 + 1
        end_year = year + (1 if end_month < first else 0)
        return _days(start, date(end_year, end_month, _month_days(end_year, end_month)))
    return _days(date(year, 1, 1), date(year, 12, 31))


def _week(year: int, week: int, weekday: str | None) -> Interval:
    monday = date.fromisocalendar(year, week, 1)
    if weekday == "WE":
        return _days(monday + timedelta(days=5), monday + timedelta(days=6))
    if weekday:
        day = date.fromisocalendar(year, week, int(weekday))
        return _days(day, day)
    return _days(monday, monday + timedelta(days=6))


def _times(day: date, fields: dict[str, str | None]) -> Interval | None:
    if fields["part"]:
        start, days_later, end = _PARTS[fields["part"]]
        last = day + timedelta(days=days_later)
        return Interval(f"{day.isoformat()}T{start}", f"{last.isoformat()}T{end}")
    if fields["hour"] is None:
        return None
    hour = int(fields["hour"])  # 24:00 is the midnight that ends the day
    if hour > 24 or (hour == 24 and int(fields["minute"] or 0)):
        return None
    moment = datetime(day.year, day.month, day.day, hour % 24, int(fields["minute"] or 0))
    moment += timedelta(days=hour // 24)
    if fields["minute"] is None:
        later = moment + timedelta(minutes=59)
        return Interval(moment.isoformat(timespec="minutes"), later.isoformat(timespec="minutes"))
    stamp = moment.isoformat(timespec="minutes")
    return Interval(stamp, stamp)


def _days(start: date, end: date) -> Interval:
    return Interval(start.isoformat(), end.isoformat())


def _month_days(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]
