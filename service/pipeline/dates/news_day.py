"""The news day: what a news document reports is at most a week old, told in its lead.

Anchoring (a report of a later sentence takes the lead's news day) and the story's mention
times (a document's lead date) both read the lead with these bounds. They read it from
different material (anchoring from every time expression of the first sentences, the story
from the events already anchored, after the stage), so each keeps its own choice of day.
"""

from __future__ import annotations

# A day is news when it is at most this many days before the document date.
LEAD_DAYS = 7
# The lead: the document's first sentences (the story counts sentences holding events).
LEAD_SENTENCES = 3


def is_news_day(days_back: int) -> bool:
    """Whether a day ``days_back`` days before the document date (negative: after) is news."""
    return 0 <= days_back <= LEAD_DAYS
