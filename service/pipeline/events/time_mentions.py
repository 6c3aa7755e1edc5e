"""Time expressions as anchoring sees them: where each sits in the parse and what it names.

A time's root token, sentence and relation to what it attaches to, the comparison it is the
baseline of, and how many days before the document date it starts; and the document's
sentences, found by token index.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from spacy.tokens import Doc, Token

from service.pipeline.dates.iso_days import calendar_day, day_of
from service.pipeline.dates.news_day import is_news_day
from service.pipeline.records import TextSpan, TimeExpression
from service.pipeline.syntax.time_syntax import ADVERBIAL, baseline_of, modifies_noun, relation_to
from service.pipeline.vocabulary import POINT_TYPES, TIMEX_TYPES

ANCHORING_TYPES = frozenset(TIMEX_TYPES)  # every type of time expression can date an event


@dataclass(frozen=True)
class TimeMention:
    """A time expression as anchoring sees it: where it sits in the parse and what it names."""

    root: Token
    timex: TimeExpression
    relation: str
    sentence: int  # index of the sentence holding the root
    baseline: Token | None  # the comparison the time is the baseline of, if any
    days_back: int | None  # how many days before the document date it starts

    def reaches(self, event: Token) -> bool:
        """Whether the time can date the event: not a baseline compared with it."""
        return self.baseline is None or self.baseline.is_ancestor(event)

    @property
    def after_document(self) -> bool:
        """Whether it starts after the document date ("tomorrow", "next month")."""
        return self.days_back is not None and self.days_back < 0

    @property
    def news_day(self) -> bool:
        """Whether it is a single day at most a week before the document date (a news day)."""
        if self.days_back is None or not is_news_day(self.days_back):
            return False
        interval = self.timex.interval
        return interval is not None and day_of(interval.start) == day_of(interval.end)

    @property
    def calendar(self) -> bool:
        """Whether it is a date or time with a calendar interval (not "now", not "the past")."""
        return self.timex.type in POINT_TYPES and self.timex.interval is not None

    @property
    def period(self) -> bool:
        """Whether it is a period a clause happens in ("In the nine months, profit rose")."""
        return (
            self.timex.type == "DURATION"
            and self.root.dep_ in ADVERBIAL
            and not modifies_noun(self.root)
        )


class Sentences:
    """The sentences of a document, found by token index.

    doc (Doc): the parsed document.
    """

    def __init__(self, doc: Doc) -> None:
        self.spans = list(doc.sents)
        self.starts = [sentence.start for sentence in self.spans]
        self._texts: dict[int, TextSpan] = {}

    def index(self, i: int) -> int:
        """The index of the sentence holding token ``i``."""
        return bisect_right(self.starts, i) - 1

    def text_span(self, i: int) -> TextSpan:
        """The text and offsets of the sentence holding token ``i``, built once per sentence."""
        index = self.index(i)
        if index not in self._texts:
            sentence = self.spans[index]
            self._texts[index] = TextSpan(sentence.text, sentence.start_char, sentence.end_char)
        return self._texts[index]


def days_back(timex: TimeExpression, document_date: datetime | None) -> int | None:
    """How many days before the document date a date or time starts (negative: after it)."""
    if document_date is None or timex.interval is None or timex.type not in POINT_TYPES:
        return None
    start = calendar_day(timex.interval.start)
    return None if start is None else (document_date.date() - start).days


def time_mentions(
    doc: Doc,
    time_expressions: Sequence[TimeExpression],
    document_date: datetime | None,
    sentences: Sentences,
) -> list[TimeMention]:
    """The dates, times, durations and sets of ``doc`` as anchoring sees them, in text order."""
    mentions = []
    for timex in time_expressions:
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if timex.type in ANCHORING_TYPES and span is not None and len(span):
            root = span.root
            mentions.append(
                TimeMention(
                    root,
                    timex,
                    relation_to(root, timex),
                    sentences.index(root.i),
                    baseline_of(root),
                    days_back(timex, document_date),
                )
            )
    return sorted(mentions, key=lambda t: t.root.i)


NEAREST = 8
"""The time mentions of a sentence on each side of an event that anchoring weighs: real
sentences hold far fewer, and the bound keeps one event's cost independent of the text."""


class TimeIndex:
    """Time mentions grouped by a key (their sentence by default), each group in text order, found
    by position with a binary search.

    mentions (Iterable[TimeMention]): the mentions, in text order.
    key (Callable[[TimeMention], Hashable]): the group of a mention. Defaults to its sentence.
    """

    def __init__(
        self,
        mentions: Iterable[TimeMention],
        key: Callable[[TimeMention], Hashable] = lambda mention: mention.sentence,
    ) -> None:
        self.groups: dict[Hashable, list[TimeMention]] = {}
        for mention in mentions:
            self.groups.setdefault(key(mention), []).append(mention)
        self.starts = {k: [m.root.i for m in group] for k, group in self.groups.items()}

    def of(self, key: Hashable) -> list[TimeMention]:
        """The mentions of one group, in text order."""
        return self.groups.get(key, [])

    def around(self, key: Hashable, i: int) -> list[TimeMention]:
        """The group's mentions nearest token ``i``: at most ``NEAREST`` on each side."""
        at = bisect_left(self.starts.get(key, []), i)
        return self.of(key)[max(at - NEAREST, 0) : at + NEAREST]

    def before(self, key: Hashable, i: int) -> TimeMention | None:
        """The group's last mention before token ``i``."""
        at = bisect_left(self.starts.get(key, []), i)
        return self.of(key)[at - 1] if at else None

    def after(self, key: Hashable, i: int) -> TimeMention | None:
        """The group's first mention after token ``i``."""
        at = bisect_right(self.starts.get(key, []), i)
        group = self.of(key)
        return group[at] if at < len(group) else None
