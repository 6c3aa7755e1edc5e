"""The document date: the one the caller gave, else a dateline at the top of the text, else none.

A missing date is never replaced by today's: relative expressions then stay unresolved.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import dateparser

from service.pipeline.records import DocumentDate

# How far into the text a dateline may stand, and how long its line may be.
DATELINE_WINDOW_LINES = 6
DATELINE_MAX_LINE_CHARS = 120

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?"
_TIME = r"(?:\s*,?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?"
# A full calendar date, alone on its line apart from a weekday, a time and a little punctuation.
_DATELINE = re.compile(
    rf"""^\W{{0,3}}(?:{_WEEKDAY}\s*)?
    (?P<date>
        {_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}          # May 9, 2017
      | \d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}          # 9 May 2017
      | \d{{4}}-\d{{2}}-\d{{2}}                                   # 2017-05-09
    ){_TIME}\W{{0,3}}$""",
    re.IGNORECASE | re.VERBOSE,
)
_PARSER_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DATES_FROM": "past",
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def find_dateline(text: str) -> date | None:
    """Return the date of a dateline among the first lines of ``text``, if there is one.

    text (str): the document text.
    RETURNS (date | None): the dateline's calendar date.
    """
    for line in text.lstrip()[: DATELINE_WINDOW_LINES * DATELINE_MAX_LINE_CHARS].splitlines()[
        :DATELINE_WINDOW_LINES
    ]:
        stripped = line.strip()
        if not stripped or len(stripped) > DATELINE_MAX_LINE_CHARS:
            continue
        match = _DATELINE.match(stripped)
        if match is None:
            continue
        parsed = dateparser.parse(match.group("date"), languages=["en"], settings=_PARSER_SETTINGS)
        if parsed is not None:
            return parsed.date()
    return None


def resolve_document_date(
    text: str, requested: date | datetime | None
) -> tuple[DocumentDate, datetime | None]:
    """Choose the document date and the anchor relative expressions resolve against.

    text (str): the document text, searched for a dateline when ``requested`` is None.
    requested (date | datetime | None): the date the caller gave.
    RETURNS (tuple[DocumentDate, datetime | None]): the record to report and the anchor.
    """
    if requested is not None:
        anchor = _as_datetime(requested)
        return DocumentDate(requested.isoformat(), "request"), anchor
    dateline = find_dateline(text)
    if dateline is not None:
        return DocumentDate(dateline.isoformat(), "dateline"), _as_datetime(dateline)
    return DocumentDate(None, "none"), None


def _as_datetime(value: date | datetime) -> datetime:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    return datetime(value.year, value.month, value.day)
