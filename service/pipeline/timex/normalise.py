"""Phase one of normalisation: fill a rule's value template from its match.

The result is either a TIMEX3 value or an underspecified expression for resolve.py:
``REL <reference> <unit> <offset> [suffix]`` (a calendar offset from a reference date) or
``SEEK <reference> <target> [direction] [suffix]`` (the nearest named day, month, season, quarter
or holiday: ``<`` before, ``>`` after, ``=`` the current one, ``~`` or none by tense; an ``@``
suffix is an operation on the day found) or ``IN PERIOD <year>`` (the reporting period in that
year). The format is described in service/resources/en/README.md.
"""

from __future__ import annotations

import re

from service.pipeline.timex.functions import AS_WRITTEN, BUILTINS, UnnormalisableError
from service.pipeline.timex.rules import TEMPLATE_REF, Rule, table_key

_DURATION_TIME = re.compile(r"^P([\dX.]+)T([HMS])$")
_DECADES_TENS = re.compile(r"^P([\d.]+)DE$")
# A half of the largest unit, written in the next smaller one ("2 1/2 years" is P2Y6M).
_HALF_UNIT = re.compile(r"^P(T?)([1-9]\d*)\.5([YDHM])$")
_HALF_OF = {("", "Y"): "6M", ("", "D"): "T12H", ("T", "H"): "30M", ("T", "M"): "30S"}


def fill(
    rule: Rule, match: re.Match[str], tables: dict[str, dict[str, str]]
) -> tuple[str, str, str]:
    """Fill the value, mod and interval templates of ``rule`` from ``match``.

    rule (Rule): the rule that matched.
    match (re.Match[str]): the rule's match.
    tables (dict[str, dict[str, str]]): the normalisation tables.
    RETURNS (tuple[str, str, str]): the phase-one value, the mod and the interval template
        ("" for none: the value's own interval).
    """

    def substitute(ref: re.Match[str]) -> str:
        text = match.group(ref.group(1))
        if text is None:
            return ""
        return apply(ref.group(2), text, tables)

    value = _canonical(TEMPLATE_REF.sub(substitute, rule.value))
    mod = TEMPLATE_REF.sub(substitute, rule.mod or "")
    return value, mod, TEMPLATE_REF.sub(substitute, rule.interval or "")


def apply(function: str | None, text: str, tables: dict[str, dict[str, str]]) -> str:
    """Apply a table look-up or built-in function to the matched ``text``."""
    if function is None:
        return text
    key = table_key(text)
    if function in tables:
        if key not in tables[function]:
            raise UnnormalisableError(f"{text!r} not in table {function}")
        return tables[function][key]
    return BUILTINS[function](text if function in AS_WRITTEN else key, tables)


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
