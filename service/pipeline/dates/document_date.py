"""The document date: the one the caller gave, else a dateline at the top of the text, else none.

A missing date is never replaced by today's: relative expressions then stay unresolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

import dateparser
import yaml

from service.pipeline.lexicon.word_lists import RESOURCES
from service.pipeline.records import DocumentDate

# How far into the text a dateline may stand, and how long a line holding only a dateline may be.
DATELINE_WINDOW_LINES = 6
DATELINE_MAX_LINE_CHARS = 120


def _names(*lists: tuple[str, slice]) -> str:
    """Lines of named lists of the time rules' patterns.yaml, as one group of alternatives."""
    patterns = yaml.safe_load((RESOURCES / "patterns.yaml").read_text(encoding="utf-8"))
    return "(?:" + "|".join(line for name, lines in lists for line in patterns[name][lines]) + ")"


_ALL = slice(None)
_MONTH = _names(("month_word", _ALL)) + r"\.?"
# Weekday names in full and their abbreviations (the list's second line is a lookahead rule).
_WEEKDAY = _names(("weekday", slice(1)), ("weekday_abbreviation", _ALL)) + r"\.?,?"
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?"
# A wire dateline: an optional place in capitals ("LONDON,"), an optional label ("Updated"), an
# optional time before the date ("12:02 GMT,"), the date with an optional weekday and time, an
# optional agency ("(Reuters)"); then the end of the line, or a dash and the story.
_DATELINE = re.compile(
    rf"""^\W{{0,3}}
    (?-i:[A-Z][A-Z.'\-]+(?:\s[A-Z][A-Z.'\-]+){{0,3}},\s+)?
    (?:(?:last\s+)?(?:updated|published|posted)(?:\s+on)?:?\s+)?
    (?:{_CLOCK},?\s+)?
    (?:{_WEEKDAY}\s*)?
    (?P<date>
        {_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?   # May 9, 2017
      | \d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+(?P<day_year>\d{{4}}))?  # 9 May 2017
      | (?P<iso>\d{{4}}-\d{{2}}-\d{{2}})                              # 2017-05-09
    )
    (?:\s*,?\s*{_CLOCK})?
    (?P<agency>\s*\((?-i:[A-Z][\w&.\- ]{{1,30}})\))?
    (?P<end>\s*[-\u2013\u2014]+\s+|\W{{0,3}}$)""",
    re.IGNORECASE | re.VERBOSE,
)
# A credit line without a date: a place or source in capitalised words ("WASHINGTON", "NAIROBI,
# Kenya", "Alwaght"), an optional agency ("(AP)"), a dash (wire copy also writes "_"); then the
# story, starting with a capital, or the end of the line.
_CREDIT = re.compile(
    r"""^\W{0,3}
    (?P<source>[A-Z][\w.'&]*(?:\s[A-Z][\w.'&]*){0,3}(?:,\s[A-Z][\w.']*(?:\s[A-Z][\w.']*){0,2})?)
    (?P<agency>\s*\([A-Z][\w&.\- ]{1,30}\))?
    \s*(?:[-\u2013\u2014]+|_)
    (?P<end>\s+(?=[\"\u201c']?[A-Z])|\s*$)""",
    re.VERBOSE,
)
_PARSER_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DATES_FROM": "past",
    "RETURN_AS_TIMEZONE_AWARE": False,
}


@dataclass(frozen=True)
class Dateline:
    """A dateline at the top of a text: its calendar date (None without a year) and the front
    matter it closes, ``start`` to ``end``: everything above a dated dateline (a headline, the
    date), or just a credit line's credit (the headline above it is the article's)."""

    day: date | None
    end: int
    start: int = 0


def find_dateline(text: str) -> Dateline | None:
    """Return the dateline among the first lines of ``text``, if there is one.

    A line holding only a date ("Tue May 9, 2017 12:02:17") is a dateline, and so is the opening
    of a wire story ("LONDON, Wed Jun 7, 2023 (Reuters) - ...", "May 9 (Reuters) - ...",
    "Updated 12:02 GMT, 9 May 2017"). A date without a year gives no calendar date.

    Without a dated one, a credit line that opens the story is a dateline without a date: a
    place or source and a dash before the story ("WASHINGTON (AP) - Officials ...", "Alwaght-
    The past weeks ...", or "NAIROBI, Kenya (AP) _" on a line of its own).

    text (str): the document text.
    RETURNS (Dateline | None): the dateline's date and the offset where it ends.
    """
    offset = len(text) - len(text.lstrip())
    credit = None
    for line in text[offset:].splitlines(keepends=True)[:DATELINE_WINDOW_LINES]:
        stripped = line.strip()
        start = offset + line.index(stripped) if stripped else offset
        match = _DATELINE.match(stripped[:200]) if stripped else None
        if match is not None and _is_dateline(match, stripped):
            return Dateline(_calendar_day(match), start + match.end())
        found = _CREDIT.match(stripped[:200]) if stripped else None
        if credit is None and found is not None and _is_credit(found, stripped):
            credit = Dateline(None, start + found.end(), start)
        offset += len(line)
    return credit


def _is_dateline(match: re.Match[str], line: str) -> bool:
    """A date alone on a short line, or followed by a dash and the story (with an agency when
    the date has no year: "May 9 (Reuters) -")."""
    has_year = match.group("year") or match.group("day_year") or match.group("iso")
    if not match.group("end").strip():
        return len(line) <= DATELINE_MAX_LINE_CHARS and bool(has_year or match.group("agency"))
    return bool(has_year or match.group("agency"))


def _is_credit(match: re.Match[str], line: str) -> bool:
    """A credit before the story on a paragraph's first line (not a title), or a line holding
    only a credit in wire style: with an agency, or a place in capitals."""
    if match.group("end").strip() or match.end() < len(line):
        return len(line) > DATELINE_MAX_LINE_CHARS
    source = match.group("source").split(",")[0]
    return bool(match.group("agency")) or (source.isupper() and len(source) > 2)


def _calendar_day(match: re.Match[str]) -> date | None:
    if not (match.group("year") or match.group("day_year") or match.group("iso")):
        return None
    parsed = dateparser.parse(match.group("date"), languages=["en"], settings=_PARSER_SETTINGS)
    return parsed.date() if parsed is not None else None


def resolve_document_date(
    text: str, requested: date | datetime | None
) -> tuple[DocumentDate, datetime | None]:
    """Choose the document date and the date relative expressions resolve against.

    text (str): the document text, searched for a dateline when ``requested`` is None.
    requested (date | datetime | None): the date the caller gave.
    RETURNS (tuple[DocumentDate, datetime | None]): the record to report and the date
        to resolve against.
    """
    dateline = find_dateline(text) or Dateline(None, 0)
    front = {"dateline_start": dateline.start, "dateline_end": dateline.end}
    if requested is not None:
        document_date = _as_datetime(requested)
        return DocumentDate(requested.isoformat(), "request", **front), document_date
    if dateline.day is not None:
        day = dateline.day
        return DocumentDate(day.isoformat(), "dateline", **front), _as_datetime(day)
    return DocumentDate(None, "none", **front), None


def _as_datetime(value: date | datetime) -> datetime:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    return datetime(value.year, value.month, value.day)
