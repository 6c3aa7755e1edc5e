"""TIMEX3 values and intervals as the parts and labels that exports show.

A value gives only the fields it knows ("2017-05" is a year and a month, never a day); a value
that names a span with no calendar field of its own (a season, quarter, half, week, decade,
century, a part of a day) is shown by its interval and a label ("autumn 2014").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_CALENDAR = re.compile(
    r"^(?P<year>\d{4})(?:-(?P<month>\d\d)(?:-(?P<day>\d\d)"
    r"(?:T(?P<hour>\d\d)(?::(?P<minute>\d\d)(?::(?P<second>\d\d))?)?)?)?)?$"
)
_FIELDS = ("year", "month", "day", "hour", "minute", "second")
_ISO_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")

SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
DAY_PARTS = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night"}
_LABELS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?P<year>\d{4})-(?P<season>SP|SU|FA|WI)$"), "{season} {year}"),
    (re.compile(r"^(?P<year>\d{4})-Q(?P<n>[1-4])$"), "Q{n} {year}"),
    (re.compile(r"^(?P<year>\d{4})-H(?P<n>[12])$"), "H{n} {year}"),
    (re.compile(r"^(?P<year>\d{4})-W(?P<n>\d\d)$"), "week {n} of {year}"),
    (re.compile(r"^(?P<year>\d{3})$"), "{year}0s"),
    (re.compile(r"^(?P<year>\d{2})$"), "{year}00s"),
    (re.compile(r"^(?P<day>\d{4}-\d\d-\d\d)T(?P<part>MO|MI|AF|EV|NI)$"), "{part} of {day}"),
)


def calendar_parts(value: str | None) -> dict[str, int] | None:
    """The calendar fields a TIMEX3 value states, as numbers; None when it states none.

    value (str | None): e.g. ``2017-05-09``, ``2017-05``, ``2017``, ``2017-05-09T14:30``.
    RETURNS (dict[str, int] | None): e.g. ``{"year": 2017, "month": 5}``; only known fields.
    """
    match = _CALENDAR.match(value or "")
    if match is None:
        return None
    return {name: int(match[name]) for name in _FIELDS if match[name] is not None}


def day_parts(iso_day: str) -> dict[str, int]:
    """``{"year", "month", "day"}`` of an ISO date such as an interval end (``2014-11-30``)."""
    match = _ISO_DAY.match(iso_day)
    if match is None:
        raise ValueError(f"not an ISO date: {iso_day!r}")
    return dict(zip(_FIELDS, map(int, match.groups()), strict=False))


def label(value: str) -> str:
    """A reader's label for a value without calendar fields of its own ("autumn 2014", "1980s");
    the value itself when no label applies."""
    for pattern, template in _LABELS:
        match = pattern.match(value)
        if match is not None:
            fields = match.groupdict()
            if "season" in fields:
                fields["season"] = SEASONS[fields["season"]]
            if "part" in fields:
                fields["part"] = DAY_PARTS[fields["part"]]
            if "n" in fields:
                fields["n"] = str(int(fields["n"]))
            return template.format(**fields)
    return value


def when(value: str | None, interval: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """Where an entry goes on a timeline: its known calendar fields, else its interval and label.

    value (str | None): the TIMEX3 value.
    interval (Mapping | None): its ``{"start", "end"}`` inclusive ISO dates, if it has one.
    RETURNS (dict | None): ``{"start": parts}``, or ``{"start", "end", "display"}``; None when
        the value is not on the calendar (``PRESENT_REF``, ``XXXX-XX-XX``).
    """
    parts = calendar_parts(value)
    if parts is not None:
        return {"start": parts}
    if not interval or value is None:
        return None
    return {
        "start": day_parts(interval["start"]),
        "end": day_parts(interval["end"]),
        "display": label(value),
    }
