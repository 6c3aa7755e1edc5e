"""Phase one of normalisation: fill a rule's value template from its match.

The result is either a TIMEX3 value or an underspecified expression for resolve.py:
``REL <anchor> <unit> <offset> [suffix]`` (a calendar offset from an anchor) or
``SEEK <anchor> <target> [direction] [suffix]`` (the nearest named day, month, season, quarter
or holiday: ``<`` before, ``>`` after, ``=`` the current one, ``~`` or none by tense; an ``@``
suffix is an operation on the day found) or ``IN PERIOD <year>`` (the reporting period in that
year). The format is described in service/resources/en/README.md.
"""

from __future__ import annotations

import re

import dateparser

from service.pipeline.timex.rules import TEMPLATE_REF, Rule, table_key

_DIGITS = re.compile(r"\d+")
_DURATION_TIME = re.compile(r"^P([\dX.]+)T([HMS])$")
_DECADES_TENS = re.compile(r"^P([\d.]+)DE$")
# A half of the largest unit, written in the next smaller one ("2 1/2 years" is P2Y6M).
_HALF_UNIT = re.compile(r"^P(T?)([1-9]\d*)\.5([YDHM])$")
_HALF_OF = {("", "Y"): "6M", ("", "D"): "T12H", ("T", "H"): "30M", ("T", "M"): "30S"}
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
_AS_WRITTEN = frozenset({"calendar_day", "calendar_month"})
_CLOCK = re.compile(r"(1[0-2]|0?[1-9])(?::([0-5]\d))? ?([ap])m")


class UnnormalisableError(ValueError):
    """A match whose value template cannot be filled (an unknown surface form)."""


def fill(rule: Rule, match: re.Match[str], tables: dict[str, dict[str, str]]) -> tuple[str, str]:
    """Fill the value and mod templates of ``rule`` from ``match``.

    rule (Rule): the rule that matched.
    match (re.Match[str]): the rule's match.
    tables (dict[str, dict[str, str]]): the normalisation tables.
    RETURNS (tuple[str, str]): the phase-one value and the mod ("" for none).
    """

    def substitute(ref: re.Match[str]) -> str:
        text = match.group(ref.group(1))
        if text is None:
            return ""
        return apply(ref.group(2), text, tables)

    value = _canonical(TEMPLATE_REF.sub(substitute, rule.value))
    mod = TEMPLATE_REF.sub(substitute, rule.mod or "")
    return value, mod


def apply(function: str | None, text: str, tables: dict[str, dict[str, str]]) -> str:
    """Apply a table look-up or built-in function to the matched ``text``."""
    if function is None:
        return text
    key = table_key(text)
    if function in tables:
        if key not in tables[function]:
            raise UnnormalisableError(f"{text!r} not in table {function}")
        return tables[function][key]
    return _BUILTINS[function](text if function in _AS_WRITTEN else key, tables)


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


def warm_up() -> None:
    """Load dateparser's English data now rather than on the first request."""
    _calendar_day("January 1, 2000", {})


_BUILTINS = {
    "num": _num,
    "neg": _neg,
    "pad2": _pad2,
    "decade": _decade,
    "century": _century,
    "clock": _clock,
    "calendar_day": _calendar_day,
    "calendar_month": _calendar_month,
    "year": _year,
}


def _canonical(value: str) -> str:
    """Rewrite durations written with time units or decades into TIMEX3 form."""
    time_unit = _DURATION_TIME.match(value)
    if time_unit:
        value = f"PT{time_unit.group(1)}{time_unit.group(2)}"
    half = _HALF_UNIT.match(value)
    if half and (half.group(1), half.group(3)) in _HALF_OF:
        time, whole, unit = half.groups()
        return f"P{time}{whole}{unit}{_HALF_OF[time, unit]}"
    decades = _DECADES_TENS.match(value)
    if decades:
        years = float(decades.group(1)) * 10
        return f"P{int(years) if years.is_integer() else years}Y"
    return value
