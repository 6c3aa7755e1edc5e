"""Phase two of normalisation: resolve underspecified values against a reference date (the
document or discourse date).

``REL`` and ``SEEK`` expressions (see normalise.py) become calendar values. Without a reference date
they become TIMEX3 placeholders ("XXXX-XX-XX", "XXXX-WXX-5"), never today's date.
A bare weekday or month goes back or forward by the tense of its clause; without tense
information news leans to the past, and a weekday equal to the reference date's is that day.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from service.pipeline.syntax.tense import FUTURE, PAST, PROSPECTIVE

# Without tense, a month or month-day this many days ahead is still read as upcoming.
FUTURE_REACH_DAYS = 120
_SEASONS = ("SP", "SU", "FA", "WI")  # meteorological, by (month - 3) % 12 // 3
# "some years ago" and the like: an unknown number of units back or ahead.
_VAGUE_OFFSETS = {"-X": "PAST_REF", "+X": "FUTURE_REF"}
_YEARS_PER_UNIT = {"century": 100, "decade": 10, "year": 1}


@dataclass(frozen=True)
class Unit:
    """A calendar unit of the value templates: how fine it is, and its value when unknown."""

    name: str
    rank: int  # 0 (century) to 8 (minute): a larger rank is a finer unit
    unknown: str


UNITS = {
    unit.name: unit
    for unit in (
        Unit("century", 0, "XX"),
        Unit("decade", 1, "XXX"),
        Unit("year", 2, "XXXX"),
        Unit("half", 3, "XXXX-HX"),
        Unit("quarter", 3, "XXXX-QX"),
        Unit("month", 4, "XXXX-XX"),
        Unit("week", 5, "XXXX-WXX"),
        Unit("day", 6, "XXXX-XX-XX"),
        Unit("hour", 7, "XXXX-XX-XXTXX"),
        Unit("minute", 8, "XXXX-XX-XXTXX:XX"),
    )
}


@dataclass(frozen=True)
class ReferenceDates:
    """The dates a relative expression may be resolved against.

    dct (date | None): the document date (reference ``DCT``).
    ref (date | None): the last date mentioned in the discourse (reference ``REF``).
    ref_rank (int): the finest unit rank (see ``UNITS``) the reference date is known to.
    then (date | None), then_rank (int): the same for the last date mentioned that is not the
        document date itself (reference ``THEN``, for "that year", "that day").
    moved (bool): a length of time with no known end ("eight trading days after Oct. 12",
        "within 14 days") came after the reference: "three days later" no longer counts from it.
    period (date | None): the start of the last quarter mentioned (reference ``PERIOD``, for
        "the quarter" or "a year earlier" in earnings reports; years then count in quarters).
    period_unit (str): what "a year earlier" compares: "quarter" (the last quarter mentioned),
        "half", or "year" once a longer reporting span is mentioned ("the nine months").
    """

    dct: date | None
    ref: date | None = None
    ref_rank: int = -1
    period: date | None = None
    period_unit: str = "quarter"
    then: date | None = None
    then_rank: int = -1
    moved: bool = False

    def pick(self, name: str, unit: str) -> date | None:
        """The named reference date when it is known finely enough for ``unit``, else the DCT.

        ``LAST`` (the reference) and ``THEN`` (the last date that is not the document's present
        day, for "that year") never fall back to the DCT: None when unknown or too coarse.
        """
        rank = UNITS[unit].rank if unit in UNITS else 9
        if name in ("LAST", "THEN"):
            last = name == "LAST"
            day, known = (self.ref, self.ref_rank) if last else (self.then, self.then_rank)
            return day if rank <= known and not (last and self.moved) else None
        if name == "REF" and self.ref is not None and rank <= self.ref_rank:
            return self.ref
        if name in ("PERIOD", "LATEST") and self.period is not None:
            return self.period
        if name == "LATEST" and self.dct is not None:  # the last full quarter
            index = self.dct.year * 12 + (self.dct.month - 1) // 3 * 3 - 3
            return date(index // 12, index % 12 + 1, 1)
        return self.dct


_HOLIDAY = re.compile(r"M(0[1-9]|1[0-2])-D([1-7])@([1-9]|[12]\d)")

# How a bare weekday, month-day, month, season, quarter or weekend is resolved for each tense
# ("" = the nearest one); news leans to the past, and quarters are those reported on.
_TENSE_POLICY = {
    "weekday": {FUTURE: ">=", PROSPECTIVE: ""},
    "weekend": {FUTURE: ">=", PAST: "<="},
    "monthday": {},
    "month": {PAST: "<=", FUTURE: ">=", PROSPECTIVE: ""},
    "season": {PAST: "<=", FUTURE: ">="},
    "quarter": {},
    "holiday": {PAST: "<=", FUTURE: ">="},
}
_DEFAULT_DIRECTION = {"weekday": "<=", "weekend": "", "monthday": "", "month": "",
                      "season": "", "quarter": "<=", "holiday": ""}  # fmt: skip


def resolve(value: str, references: ReferenceDates, tense: str | None) -> str:
    """Turn a phase-one value into a TIMEX3 value.

    value (str): a TIMEX3 value, or a REL/SEEK expression.
    references (ReferenceDates): document and discourse dates.
    tense (str | None): "past", "present" or "future" for the governing verb, if known.
    RETURNS (str): the TIMEX3 value; a malformed expression is returned unchanged.
    """
    try:
        return _resolve(value, references, tense)
    except (ValueError, OverflowError):
        return value


def _resolve(value: str, references: ReferenceDates, tense: str | None) -> str:
    parts = value.split()
    if len(parts) == 3 and parts[:2] == ["IN", "PERIOD"]:
        return _in_period(references, parts[2])
    if len(parts) == 3 and parts[0] == "SEEK":
        parts.append("~")  # no explicit direction: by tense
    if len(parts) < 4 or parts[0] not in ("REL", "SEEK"):
        return value
    kind, reference_name, target, direction = parts[:4]
    suffix = "".join(parts[4:])
    if kind == "REL":
        if reference_name == "PERIOD" and references.period is not None and target == "year":
            target, direction = _period_offset(references.period_unit, direction)
        return _relative(references.pick(reference_name, target), target, direction, suffix)
    category = target_category(target)
    if direction == "~":
        direction = _TENSE_POLICY[category].get(tense or "", _DEFAULT_DIRECTION[category])
    unit = "day" if category in ("weekday", "weekend", "monthday", "holiday") else "month"
    reference = references.pick(reference_name, unit)
    found = _seek(reference, target, category, direction)
    if suffix.startswith("@"):
        return _day_operation(found, suffix[1:])
    return found + suffix


_DAY_SHIFT = re.compile(r"([+-]\d{1,2})D")


def _day_operation(day: str, operation: str) -> str:
    """Apply "W" (the ISO week of the day) or "+1D" / "-1D" (a day after / before) to a day."""
    shift = _DAY_SHIFT.fullmatch(operation)
    if operation != "W" and shift is None:
        raise ValueError(f"unknown day operation {operation!r}")
    try:
        found = date.fromisoformat(day)
    except ValueError:  # no reference date: the day itself is unknown
        return "XXXX-WXX" if operation == "W" else "XXXX-XX-XX"
    if shift is not None:
        return (found + timedelta(days=int(shift.group(1)))).isoformat()
    iso = found.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


_PER_YEAR = {"quarter": 4, "half": 2, "year": 1}


def _in_period(references: ReferenceDates, year: str) -> str:
    """The reporting period's quarter or half in ``year`` ("the 1988 quarter"), else the year."""
    if not (len(year) == 4 and year.isdigit()):
        raise ValueError(f"bad year {year!r}")
    period = references.period
    if period is None or references.period_unit == "year":
        return year
    if references.period_unit == "half":
        return f"{year}-H{(period.month - 1) // 6 + 1}"
    return f"{year}-Q{(period.month - 1) // 3 + 1}"


def _period_offset(unit: str, years: str) -> tuple[str, str]:
    """A year offset from the reporting period, counted in that period's unit."""
    try:
        return unit, str(int(years) * _PER_YEAR[unit])
    except (ValueError, KeyError):
        return "year", years


def target_category(target: str) -> str:
    """Classify a SEEK target: D1-D7, WE, M01-M12, M01-31 style month-days, seasons, Q1-Q4."""
    if target == "WE":
        return "weekend"
    if target in _SEASONS:
        return "season"
    if target[:1] == "D" and target[1:].isdigit() and 1 <= int(target[1:]) <= 7:
        return "weekday"
    if target[:1] == "Q" and target[1:] in ("1", "2", "3", "4"):
        return "quarter"
    if _HOLIDAY.fullmatch(target):
        return "holiday"
    if target[:1] == "M":
        month, _, day = target[1:].partition("-")
        if month.isdigit() and 1 <= int(month) <= 12 and (not day or day.isdigit()):
            return "monthday" if day else "month"
    raise ValueError(f"unknown SEEK target {target!r}")


def _relative(reference: date | None, unit: str, offset_text: str, suffix: str) -> str:
    if offset_text in _VAGUE_OFFSETS:
        return _VAGUE_OFFSETS[offset_text]
    offset = int(offset_text)
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}")
    if reference is None:
        return UNITS[unit].unknown + suffix
    try:
        value = _shift(reference, unit, offset)
    except OverflowError:
        return UNITS[unit].unknown + suffix
    return (UNITS[unit].unknown if value.startswith("-") else value) + suffix


def _shift(reference: date, unit: str, offset: int) -> str:
    """Move ``reference`` by ``offset`` units; raises OverflowError past the year 9999."""
    year = reference.year
    if abs(offset) > 10_000 or not 0 <= year + offset * _YEARS_PER_UNIT.get(unit, 0) <= 9999:
        raise OverflowError(offset)
    if unit == "century":
        return f"{year // 100 + offset:02d}"
    if unit == "decade":
        return f"{year // 10 + offset:03d}"
    if unit == "year":
        return f"{year + offset:04d}"
    if unit in ("half", "quarter"):
        size = 6 if unit == "half" else 3
        index = year * (12 // size) + (reference.month - 1) // size + offset
        letter = "H" if unit == "half" else "Q"
        return f"{index // (12 // size):04d}-{letter}{index % (12 // size) + 1}"
    if unit == "month":
        index = year * 12 + reference.month - 1 + offset
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if unit == "week":
        iso = (reference + timedelta(weeks=offset)).isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    if unit in ("day", "hour", "minute"):
        return (reference + timedelta(days=offset)).isoformat()
    raise ValueError(f"unknown unit {unit!r}")


def _seek(reference: date | None, target: str, category: str, direction: str) -> str:
    """Find the named day, month-day, month, season, quarter or weekend nearest ``reference``."""
    if category == "weekday":
        return _weekday(reference, int(target[1:]), direction)
    if category == "weekend":
        return _weekend(reference, direction)
    if category == "season":
        return _season(reference, target, direction)
    if category == "quarter":
        return _quarter(reference, int(target[1:]), direction)
    if category == "holiday":
        return _holiday(reference, target, direction)
    month, _, day = target[1:].partition("-")
    if reference is None:
        return f"XXXX-{month}" + (f"-{day}" if day else "")
    here = (reference.month, reference.day if day else 0)
    there = (int(month), int(day) if day else 0)
    year = reference.year
    if not direction:  # the nearest, looking further back than ahead
        distance = (there[0] - here[0]) * 31 + there[1] - here[1]
        year += (
            1 if distance < -365 + FUTURE_REACH_DAYS else -1 if distance > FUTURE_REACH_DAYS else 0
        )
    elif direction in ("<", "<=") and (there > here or (direction == "<" and there == here)):
        year -= 1
    elif direction in (">", ">=") and (there < here or (direction == ">" and there == here)):
        year += 1
    if there == (2, 29) and not calendar.isleap(year):
        year = _leap_year(year, direction)
        if year is None:
            return "XXXX-02-29"
    return f"{year:04d}-{month}" + (f"-{day}" if day else "")


def _leap_year(year: int, direction: str) -> int | None:
    """The leap year a 29 February seen from ``year`` falls in: later only when sought ahead."""
    if direction == "=":
        return None
    step = 1 if direction in (">", ">=") else -1
    while not calendar.isleap(year):
        year += step
    return year if 1 <= year <= 9999 else None


def _holiday(reference: date | None, target: str, direction: str) -> str:
    """A floating holiday ("M11-D4@22": first Thursday on or after 22 November) near the
    reference date."""
    month, weekday, day = (int(part) for part in _HOLIDAY.fullmatch(target).groups())  # type: ignore[union-attr]
    if reference is None:
        return f"XXXX-{month:02d}"

    def in_year(year: int) -> date:
        first = date(year, month, day)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7)

    here = in_year(reference.year)
    if not direction:
        reach = (here - reference).days
        year = reference.year + (
            1 if reach < -365 + FUTURE_REACH_DAYS else -1 if reach > FUTURE_REACH_DAYS else 0
        )
    elif direction in ("<", "<=") and (
        here > reference or (direction == "<" and here == reference)
    ):
        year = reference.year - 1
    elif direction in (">", ">=") and (
        here < reference or (direction == ">" and here == reference)
    ):
        year = reference.year + 1
    else:
        year = reference.year
    return in_year(year).isoformat()


def _weekend(reference: date | None, direction: str) -> str:
    """The weekend before or after the reference; without direction, the nearer one."""
    if reference is None:
        return "XXXX-WXX-WE"
    weekday = reference.isoweekday()
    saturday = reference + timedelta(days=6 - weekday)
    earlier = {"<": weekday < 6, "<=": weekday < 6, "": weekday <= 3}.get(direction, False)
    if earlier:
        saturday -= timedelta(weeks=1)
    iso = saturday.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}-WE"


def _weekday(reference: date | None, weekday: int, direction: str) -> str:
    if reference is None:
        return f"XXXX-WXX-{weekday}"
    delta = weekday - reference.isoweekday()
    if direction == "=":
        return (reference + timedelta(days=delta)).isoformat()
    if not direction:  # the nearest: at most three days back or ahead
        return (reference + timedelta(days=(delta + 3) % 7 - 3)).isoformat()
    if direction in ("<", "<="):
        back = (-delta) % 7 or (0 if direction == "<=" else 7)
        return (reference - timedelta(days=back)).isoformat()
    ahead = delta % 7 or (0 if direction == ">=" else 7)
    return (reference + timedelta(days=ahead)).isoformat()


def _season(reference: date | None, season: str, direction: str) -> str:
    if reference is None:
        return f"XXXX-{season}"
    # Winter belongs to the year in which it starts (December).
    current_year = reference.year - (1 if reference.month < 3 else 0)
    index = current_year * 4 + (reference.month - 3) % 12 // 3
    target = current_year * 4 + _SEASONS.index(season)
    if not direction:
        target += 4 if target - index < -2 else -4 if target - index > 2 else 0
    elif direction in ("<", "<=") and (target > index or (direction == "<" and target == index)):
        target -= 4
    elif direction in (">", ">=") and (target < index or (direction == ">" and target == index)):
        target += 4
    return f"{target // 4:04d}-{season}"


def _quarter(reference: date | None, quarter: int, direction: str) -> str:
    if reference is None:
        return f"XXXX-Q{quarter}"
    current = (reference.month - 1) // 3 + 1
    year = reference.year
    if direction in ("<", "<=") and (
        quarter > current or (direction == "<" and quarter == current)
    ):
        year -= 1
    elif direction in (">", ">=") and (
        quarter < current or (direction == ">" and quarter == current)
    ):
        year += 1
    return f"{year:04d}-Q{quarter}"
