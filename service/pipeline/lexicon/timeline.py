"""Word lists of timeline assembly, loaded once from ``service/resources/en/timeline/``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from service.pipeline.lexicon.word_lists import RESOURCES, read_words

RESOURCE_DIR = RESOURCES / "timeline"


@dataclass(frozen=True)
class TimelineLexicon:
    """The word lists that decide what is a timeline entry."""

    light_verbs: frozenset[str]
    """light_verbs.txt: verbs that say too little to be an entry of their own ("have", "come")."""
    news_reports: frozenset[str]
    """news_reports.txt: reporting verbs whose report is the news ("announce", "confirm")."""


@cache
def load_timeline_lexicon() -> TimelineLexicon:
    """Load and validate the timeline word lists once.

    RETURNS (TimelineLexicon): the shared, read-only lists.
    """
    return TimelineLexicon(
        light_verbs=read_words(RESOURCE_DIR / "light_verbs.txt"),
        news_reports=read_words(RESOURCE_DIR / "news_reports.txt"),
    )
