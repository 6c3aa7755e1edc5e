"""The TIMEX3 value grammar (TimeML 1.2.1), as one compiled regular expression."""

from __future__ import annotations

import re

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


def is_valid_value(value: str) -> bool:
    """Return whether ``value`` is a well-formed TIMEX3 value."""
    return VALUE.fullmatch(value) is not None
