"""Where a time expression lies when its value alone does not say it.

A rule's ``interval`` template (service/resources/en/README.md) overrides the interval of its
value: ``none`` for none ("fiscal 2016" is not the calendar year), ``REL LAST day +3`` for the day
"three days later" reaches from the last date of the discourse (the value stays ``P3D``, as
TimeBank annotates it), ``SPAN DCT week -3`` for the span "the past three weeks" ending at the
document date, ``YEARS 2009-10`` for the years of a range. An amount that is vague ("a few") or a
reference date that is unknown gives no interval: precision is never invented.

:func:`date_ranges` joins two dates written as a range ("from 2009 to 2010"), which TimeBank
annotates as two DATE expressions. :func:`anaphoric_times` finds the phrases that refer back to a
time of the discourse ("at that time", "back then"; words/anaphoric_times.tsv) and the time
expression each refers to.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from itertools import pairwise

from spacy.tokens import Span

from service.pipeline.lexicon.word_lists import RESOURCES, read_pairs
from service.pipeline.records import Interval, TimeExpression
from service.pipeline.timex.functions import UnnormalisableError, year_range
from service.pipeline.timex.intervals import interval_of
from service.pipeline.timex.resolve import ReferenceDates, resolve
from service.pipeline.vocabulary import POINT_TYPES

_MONTHS_PER_UNIT = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120}
_DAYS_PER_UNIT = {"day": 1, "week": 7}


def locate(
    template: str, value: str, timex_type: str, references: ReferenceDates
) -> tuple[Interval | None, str | None]:
    """The interval of a resolved expression, and the calendar value it makes the reference.

    template (str): the rule's filled interval template ("" for the value's own interval).
    value (str): the resolved TIMEX3 value.
    timex_type (str): its TIMEX3 type.
    references (ReferenceDates): the document and discourse dates before the expression.
    RETURNS (tuple[Interval | None, str | None]): the interval, and the calendar value (a
        DATE's own, or the day reached by "three days later") later expressions count from.
    """
    own = value if timex_type == "DATE" else None
    if not template:
        return (interval_of(value) if timex_type in POINT_TYPES else None), own
    kind, *parts = template.split()
    if kind == "none":
        return None, own
    if kind == "REL":
        reached = resolve(template, references, None)
        interval = interval_of(reached)
        return interval, (reached if interval is not None else own)
    if kind == "SPAN" and len(parts) == 3:
        return _span(references.pick(parts[0], parts[1]), parts[1], parts[2]), own
    if kind == "YEARS" and parts:
        try:
            first, last = year_range("".join(parts))
        except UnnormalisableError:
            return None, own
        return Interval(f"{first:04d}-01-01", f"{last:04d}-12-31"), own
    raise ValueError(f"unknown interval template {template!r}")


def _span(reference: date | None, unit: str, offset_text: str) -> Interval | None:
    """The days from ``reference`` to ``offset`` units before (negative) or after it, inclusive."""
    try:
        offset = int(offset_text)
    except ValueError:  # a vague amount ("the past few weeks"): no start is known
        return None
    if reference is None:
        return None
    try:
        other = _shift_day(reference, unit, offset)
    except (KeyError, ValueError, OverflowError):
        return None
    first, last = sorted((reference, other))
    return Interval(first.isoformat(), last.isoformat())


def _shift_day(day: date, unit: str, offset: int) -> date:
    """``day`` moved by ``offset`` units, the day of the month kept where the month has it."""
    if unit in _DAYS_PER_UNIT:
        return day + timedelta(days=offset * _DAYS_PER_UNIT[unit])
    index = day.year * 12 + day.month - 1 + offset * _MONTHS_PER_UNIT[unit]
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


ANAPHORIC_TIMES = RESOURCES / "words" / "anaphoric_times.tsv"


@dataclass(frozen=True)
class AnaphoricTime:
    """A phrase such as "at that time" (its character offsets), the time it refers to, and the
    TimeML relation of what happens "by then" (BEFORE), "since then" (AFTER) or "at that time"
    (IS_INCLUDED) to that time."""

    start: int
    end: int
    refers_to: TimeExpression
    relation: str = "IS_INCLUDED"


# The relation to the time it refers back to of a phrase opening with one of these words.
_RELATIONS = {"by": "BEFORE", "until": "BEFORE", "since": "AFTER"}


@lru_cache(maxsize=1)
def anaphoric_phrases() -> tuple[tuple[str, ...], ...]:
    """The phrases of words/anaphoric_times.tsv, as lower-case word sequences, longest first."""
    phrases = {tuple(phrase.lower().split()) for phrase in read_pairs(ANAPHORIC_TIMES)}
    return tuple(sorted(phrases, key=len, reverse=True))


def anaphoric_times(
    sentence: Span, expressions: Sequence[TimeExpression], dct: date | None
) -> list[AnaphoricTime]:
    """The anaphoric time phrases of ``sentence`` and the discourse time each refers to.

    The time referred to is the last time expression before the phrase that has a calendar
    interval and is not the document's present day ("today", the dateline's date); a phrase with
    no such time before it is left out.

    sentence (Span): a sentence of the document the expressions were found in.
    expressions (Sequence[TimeExpression]): the document's time expressions, in text order.
    dct (date | None): the document date.
    RETURNS (list[AnaphoricTime]): the phrases in text order.
    """
    words = [token.lower_ for token in sentence]
    found: list[AnaphoricTime] = []
    i = 0
    while i < len(words):
        phrase = next((p for p in anaphoric_phrases() if tuple(words[i : i + len(p)]) == p), None)
        if phrase is None:
            i += 1
            continue
        first, last = sentence[i], sentence[i + len(phrase) - 1]
        referent = _last_time_before(expressions, first.idx, dct)
        if referent is not None:
            relation = _RELATIONS.get(first.lower_, "IS_INCLUDED")
            found.append(AnaphoricTime(first.idx, last.idx + len(last), referent, relation))
        i += len(phrase)
    return found


def _last_time_before(
    expressions: Sequence[TimeExpression], offset: int, dct: date | None
) -> TimeExpression | None:
    present = dct.isoformat() if dct is not None else None
    for timex in reversed(expressions):
        interval = timex.interval
        if timex.end > offset or interval is None:
            continue
        if interval.start[:10] == interval.end[:10] == present:
            continue
        return timex
    return None


RANGE_WORDS = RESOURCES / "words" / "range_words.tsv"


@dataclass(frozen=True)
class DateRange:
    """Two dates written as a range, and the interval from the first's start to the last's end."""

    first: TimeExpression
    last: TimeExpression
    interval: Interval


@lru_cache(maxsize=1)
def _range_words() -> dict[str, frozenset[str]]:
    return {
        opener: frozenset(between.split()) for opener, between in read_pairs(RANGE_WORDS).items()
    }


def date_ranges(text: str, expressions: Sequence[TimeExpression]) -> list[DateRange]:
    """The ranges "from 2009 to 2010", "between May and June" among the document's dates.

    text (str): the document text.
    expressions (Sequence[TimeExpression]): its time expressions, in text order.
    RETURNS (list[DateRange]): each pair of dates with an interval, the first not after the last.
    """
    found = []
    for first, last in pairwise(expressions):
        if first.interval is None or last.interval is None or "DURATION" in (first.type, last.type):
            continue
        before = text[max(0, first.start - 12) : first.start].split()
        between = text[first.end : last.start].split()
        if not before or len(between) != 1:
            continue
        closers = _range_words().get(before[-1].lower(), frozenset())
        start, end = first.interval.start, last.interval.end
        if between[0].lower() in closers and start[:10] <= end[:10]:
            found.append(DateRange(first, last, Interval(start, end)))
    return found
