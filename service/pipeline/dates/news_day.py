"""The news day: what a news document reports is at most a week old, told in its lead.

One rule for anchoring (a report or a past event of a later sentence takes the lead's news day)
and for the story's mention times (a document's lead date): the lead's news day is the last day
of its first ``LEAD_SENTENCES`` sentences that is at most ``LEAD_DAYS`` before the document date
(the lead's "Friday" after a dateline's "March 12"). Anchoring counts the document's sentences;
the story, which has the records but not the parse, counts the sentences that hold events.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

# A day is news when it is at most this many days before the document date.
LEAD_DAYS = 7
# The lead: the document's first sentences.
LEAD_SENTENCES = 3

Day = TypeVar("Day")


def is_news_day(days_back: int) -> bool:
    """Whether a day ``days_back`` days before the document date (negative: after) is news."""
    return 0 <= days_back <= LEAD_DAYS


def lead_news_day(news_days: Iterable[tuple[int, Day]], before: int = LEAD_SENTENCES) -> Day | None:
    """The lead's news day: the last of ``news_days`` in the lead and before sentence ``before``.

    news_days (Iterable[tuple[int, Day]]): (sentence index, day) in text order, each day a news
        day (see ``is_news_day``) that is a single day.
    before (int): the sentence the day must come before (an event's). Defaults to the lead's end.
    RETURNS (Day | None): the last such day, None when the lead has none.
    """
    found = None
    end = min(before, LEAD_SENTENCES)
    for sentence, day in news_days:
        if sentence < end:
            found = day
    return found
