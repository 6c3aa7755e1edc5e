"""The built-in functions of the time rules' value templates: ``{group:function}``.

Each takes the matched text (lower-cased and stripped by ``rules.table_key``, or as written for
the functions in ``AS_WRITTEN``) and the normalisation tables, and returns a part of a TIMEX3
value; a form it cannot read raises :class:`UnnormalisableError`. The rule loader refuses a
template naming a function that is neither here nor a table.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import dateparser

_DIGITS = re.compile(r"\d+")
# Tables the built-in functions read: tables.yaml must hold them.
CODE_TABLES = frozenset({"numbers", "ordinals", "decades", "clock_words"})
# dateparser only ever sees spans a rule matched, in English, and must not fill missing parts
# from today: full dates need day, month and year, and months keep the month granularity.
_DAY_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "DATE_ORDER": "MDY",
    "STRICT_PARSING": True,
    "PARSERS": ["absolute-time"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}
_MONTH_SETTINGS = {
    "REQUIRE_PARTS": ["month", "year"],
    "PREFER_DAY_OF_MONTH": "first",
    "PARSERS": ["absolute-time"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}
# Built-ins that read the span as written (dateparser wants its dots and hyphens).
AS_WRITTEN = frozenset({"calendar_day", "calendar_month", "year_count"})
_CLOCK = re.compile(r"(1[0-2]|0?[1-9])(?::([0-5]\d))? ?([ap])m")


class UnnormalisableError(ValueError):
    """A match whose value template cannot be filled (an unknown surface form)."""


def _num(key: str, tables: dict[str, dict[str, str]]) -> str:
    half = key.endswith(("1/2", "½"))
    if half:
        key = key.removesuffix("1/2").removesuffix("½").strip()
    digits = key.replace(",", "").replace(" ", "")
    if digits.isascii() and digits.replace(".", "", 1).isdigit():
        number = float(digits) + (0.5 if half else 0)
        return str(int(number)) if number.is_integer() else str(number)
    if key in tables["numbers"]:
        return tables["numbers"][key]
    words = key.replace(" and ", " ").split()
    if len(words) == 2 and all(word in tables["numbers"] for word in words):
        tens, units = (tables["numbers"][word] for word in words)
        if tens.isdigit() and units.isdigit() and int(tens) % 10 == 0 and int(units) < 10:
            return str(int(tens) + int(units))
    raise UnnormalisableError(key)


def _neg(key: str, tables: dict[str, dict[str, str]]) -> str:
    return "-" + _num(key, tables)


def _pad2(key: str, tables: dict[str, dict[str, str]]) -> str:
    number = _num(key, tables)
    if not number.isdigit():
        raise UnnormalisableError(key)
    return number.zfill(2)


def _decade(key: str, tables: dict[str, dict[str, str]]) -> str:
    if key in tables["decades"]:
        return tables["decades"][key]
    digits = key.lstrip("'’").rstrip("s").rstrip("'’")
    if len(digits) == 4 and digits.isascii() and digits.isdigit():
        return digits[:3]
    if len(digits) == 2 and digits.isascii() and digits.isdigit():
        return ("19" if int(digits) > 20 else "20") + digits[0]
    raise UnnormalisableError(key)


def _century(key: str, tables: dict[str, dict[str, str]]) -> str:
    ordinal = tables["ordinals"].get(key) or "".join(_DIGITS.findall(key))
    if not (ordinal.isascii() and ordinal.isdigit()) or not 1 <= int(ordinal) <= 99:
        raise UnnormalisableError(key)
    return str(int(ordinal) - 1).zfill(2)


def _clock(key: str, tables: dict[str, dict[str, str]]) -> str:
    """Turn "4:30 pm" (dots already dropped) or a word such as "noon" into "16:30" form."""
    if key in tables["clock_words"]:
        return tables["clock_words"][key]
    match = _CLOCK.fullmatch(key)
    if match is None:
        raise UnnormalisableError(key)
    hour = int(match.group(1)) % 12 + (12 if match.group(3) == "p" else 0)
    return f"{hour:02d}:{match.group(2) or '00'}"


def _year(key: str, tables: dict[str, dict[str, str]]) -> str:
    """A year in digits or words: "1994", "nineteen ninety four", "two thousand and five"."""
    if len(key) == 4 and key.isascii() and key.isdigit():
        return key
    words = [word for word in key.split() if word != "and"]
    numbers = tables["numbers"]
    if words[:2] == ["two", "thousand"]:
        rest = words[2:]
        if not rest:
            return "2000"
        if len(rest) == 1 and rest[0] in numbers and numbers[rest[0]].isdigit():
            return str(2000 + int(numbers[rest[0]]))
        raise UnnormalisableError(key)
    if len(words) < 2 or words[0] not in ("nineteen", "twenty"):
        raise UnnormalisableError(key)
    century = numbers[words[0]]
    return century + _pad2(" ".join(words[1:]), tables)


def _calendar_day(text: str, tables: dict[str, dict[str, str]]) -> str:
    """Parse an explicit calendar date ("March 5, 2011", "11/30/98") with dateparser."""
    parsed = dateparser.parse(text, languages=["en"], settings=_DAY_SETTINGS)
    if parsed is None:
        raise UnnormalisableError(text)
    return parsed.date().isoformat()


def _calendar_month(text: str, tables: dict[str, dict[str, str]]) -> str:
    """Parse an explicit month of a year ("October 1987") and keep the month granularity."""
    parsed = dateparser.parse(text, languages=["en"], settings=_MONTH_SETTINGS)
    if parsed is None:
        raise UnnormalisableError(text)
    return f"{parsed.year:04d}-{parsed.month:02d}"


_YEAR_RANGE = re.compile(r"(\d{4})\s*[-\u2013\u2014/]\s*(\d{4}|\d{2})")
# The longest range of years read as one: a lifetime ("1955-2011"); with the second year in two
# digits, a season or a fiscal year ("2009-10", "1999-00"), so "2010-09" is no range.
MAX_RANGE_YEARS = 150
MAX_SHORT_RANGE_YEARS = 10


def year_range(text: str) -> tuple[int, int]:
    """The first and last year of a range written "2009-2010", "2009\u201310" or "1988-89"."""
    match = _YEAR_RANGE.fullmatch(text.strip())
    if match is None:
        raise UnnormalisableError(text)
    first, last_text = int(match.group(1)), match.group(2)
    longest = MAX_RANGE_YEARS
    last = int(last_text)
    if len(last_text) == 2:
        longest = MAX_SHORT_RANGE_YEARS
        last += first // 100 * 100 + (100 if last < first % 100 else 0)
    if not first < last <= first + longest:
        raise UnnormalisableError(text)
    return first, last


def _year_count(text: str, tables: dict[str, dict[str, str]]) -> str:
    first, last = year_range(text)
    return str(last - first + 1)


def warm_up() -> None:
    """Load dateparser's English data now rather than on the first request."""
    _calendar_day("January 1, 2000", {})


BUILTINS: dict[str, Callable[[str, dict[str, dict[str, str]]], str]] = {
    "num": _num,
    "neg": _neg,
    "pad2": _pad2,
    "decade": _decade,
    "century": _century,
    "clock": _clock,
    "calendar_day": _calendar_day,
    "calendar_month": _calendar_month,
    "year": _year,
    "year_count": _year_count,
}
