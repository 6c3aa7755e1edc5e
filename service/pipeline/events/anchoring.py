"""Anchoring: the time each event happened, from the time expression that governs it.

Order of preference:

1. a time expression attached to the trigger ("met on Tuesday", "Tuesday's summit", "the Aug. 7
   bombings"), or to the event it shares its time with through an infinitive, a coordination
   or a nominal argument ("the campaign began in autumn 2014": the campaign and its beginning);
   a period or frequency modifying a noun ("a two-day visit", "a daily rally") times that noun
   only, and the baseline of a comparison ("rose to $5 million from $4 million a year ago")
   dates nothing outside it;
2. the nearest date or time of its sentence, unless that one sits in a clause the event is not
   part of (a relative clause, a reported clause, or for a trailing speech verb the clause it
   reports): "the man who arrived on Monday said" leaves "said" alone, and so does "Prices will
   rise next year, he said"; a clause that modifies a noun event is part of it ("shootings that
   wounded two doctors in November"). A participle or infinitive modifying a noun dates the
   event only when nothing else in the sentence does ("The warrant issued Monday charged him",
   "expected to dominate a summit set for April"). A date of an adverbial clause marked
   "after"/"before" puts the event AFTER/BEFORE it;
3. failing a date, a period or frequency of the event's own clause ("in the last five years",
   DURING);
4. a noun event takes the time attached to an earlier mention of the same noun ("the Aug. 7
   bombings ... the bombings"); a report of a later sentence takes the lead's news day
   ("officials said Friday": a day at most ``LEAD_DAYS`` before the document date in the
   first ``LEAD_SENTENCES`` sentences), else the time of the last report that had one
   ("officials said Saturday ... they said");
5. a present event (not a perfect) takes the last mention of the document's own day ("today",
   or "Tuesday" in an article of that Tuesday): the present is the day the article is written;
6. any other event takes the last calendar date (not "now") of the ``NARRATION`` previous
   sentences (news narrates forward from the date it just gave; a future event only a date
   after the document date, a past one only a date up to it), or for an event other than a
   report the period that sentence happened in ("In the nine months, profit rose 5%. Sales
   rose 3%"); of that sentence, a time of a clause goes before a time of a noun ("on Sunday
   issued a warning after the Aug. 7 bombings");
7. a simple past or untensed (noun) event of a later sentence takes the lead's news day
   ("Rescuers reached the village on Friday. (...) Volunteers cleared the beach", "the
   ceremony"), and a present or past event of an undated lead the news day the lead gives
   after it;
8. reporting, past and future events take the document date with the relation IS_INCLUDED,
   BEFORE or AFTER.

A time carried from another sentence points at its latest mention before the event ("Adams
said Sunday ... He said"): the value is the same, the expression the nearest.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from spacy.tokens import Doc, Token

from service.pipeline.dates.iso_days import calendar_day, day_of
from service.pipeline.records import EventTime, Interval, TextSpan, TimeExpression
from service.pipeline.syntax.time_syntax import (
    ADVERBIAL,
    ANY_CLOSED,
    CLOSED_CLAUSES,
    MAX_CLIMB,
    SOFT_CLOSED,
    attached_event,
    baseline_of,
    clause_head,
    closed_off,
    inside_clause,
    modifies_noun,
    relation_to,
    reported_clause,
    subordinate_relation,
)

ANCHOR_TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})
POINT_TYPES = frozenset({"DATE", "TIME"})
# Dependencies through which an event shares the time of its head.
SHARED_TIME = frozenset({"xcomp", "conj", "dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr"})
# A dated lead ("officials said Friday") dates later reports when it is this close to the
# document date, in days.
LEAD_DAYS = 7
LEAD_SENTENCES = 3
# A narrated event continues a date at most this many sentences back (two sentences between).
NARRATION = 3
# Events of later sentences the lead's news day dates when nothing else does: the simple past
# ("Volunteers cleared the beach") and untensed events, mostly nouns ("the ceremony").
_LEAD_TENSES = frozenset({"PAST", "NONE"})
# Events the lead's news day can date at all: those and a report in the present.
_NEWS_DAY_TENSES = _LEAD_TENSES | {"PRESENT"}


@dataclass(frozen=True)
class EventToAnchor:
    """What anchoring needs of an event: its trigger token, class, tense and aspect."""

    token: Token
    event_class: str
    tense: str
    aspect: str


@dataclass(frozen=True)
class _Time:
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
        """Whether it is a single day at most ``LEAD_DAYS`` before the document date."""
        if self.days_back is None or not 0 <= self.days_back <= LEAD_DAYS:
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


class Anchorer:
    """Anchors the events of one document to its time expressions or its date.

    doc (Doc): the parsed document.
    time_expressions (Sequence[TimeExpression]): the document's time expressions.
    anchor (datetime | None): the document date, if known.
    sentences (Sentences | None): the document's sentences, when the caller has them.
        Defaults to None (found here).
    """

    def __init__(
        self,
        doc: Doc,
        time_expressions: Sequence[TimeExpression],
        anchor: datetime | None,
        sentences: Sentences | None = None,
    ) -> None:
        self.anchor = anchor
        self.sentences = sentences or Sentences(doc)
        self.times: list[_Time] = []
        for timex in time_expressions:
            span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
            if timex.type in ANCHOR_TYPES and span is not None and len(span):
                root = span.root
                sentence = self.sentences.index(root.i)
                days_back = _days_back(timex, anchor)
                relation = relation_to(root, timex)
                time = _Time(root, timex, relation, sentence, baseline_of(root), days_back)
                self.times.append(time)
        self.times.sort(key=lambda t: t.root.i)
        # what later sentences can continue: calendar dates and clauses' periods, no baselines
        self.carried = [t for t in self.times if t.baseline is None and (t.calendar or t.period)]
        # days at most LEAD_DAYS before the document date ("officials said Friday")
        self.news_days = [t for t in self.times if t.news_day]

    def __call__(self, events: Sequence[EventToAnchor]) -> list[EventTime | None]:
        """Return the time of each event, in the order given (text order).

        events (Sequence[EventToAnchor]): the document's events, in text order.
        RETURNS (list[EventTime | None]): one time (or None) per event.
        """
        triggers = {e.token.i for e in events}
        governed: dict[int, _Time] = {}
        for time in self.times:
            if time.timex.type not in POINT_TYPES and time.root.dep_ not in ADVERBIAL:
                # "a two-day visit" times the visit only, not the verb the visit hangs from
                head = time.root.head
                target = head if head.i in triggers and head != time.root else None
            else:
                target = attached_event(time.root, triggers)
            if target is not None and time.reaches(target):
                governed.setdefault(target.i, time)
        own = [self._governing(event, governed) for event in events]
        report_time: EventTime | None = None
        named: dict[str, EventTime] = {}  # noun event lemma -> time attached to a mention of it
        result = []
        for event, time in zip(events, own, strict=True):
            token = event.token
            if token.pos_ == "NOUN" and time is not None and token.i in governed:
                named.setdefault(token.lemma_.lower(), time)
            elif token.pos_ == "NOUN" and time is None:
                time = named.get(token.lemma_.lower())
            if time is None:
                time = self._carried(event, report_time)
            time = time or self._document_date(event)
            if event.event_class == "REPORTING" and time is not None and time.expression:
                report_time = time
            result.append(time)
        return result

    def _carried(self, event: EventToAnchor, report_time: EventTime | None) -> EventTime | None:
        """A time of an earlier sentence, named by its latest mention before the event."""
        time = None
        if event.event_class == "REPORTING":
            time = self._lead(event) or report_time
        if event.tense == "PRESENT" and event.aspect != "PERFECTIVE":
            time = time or self._today(event)
        time = time or self._narrated(event)
        if time is None and event.tense in _LEAD_TENSES and event.aspect == "NONE":
            time = self._lead(event)
        time = time or self._ahead_of_lead(event)
        if time is None or time.expression is None:
            return time
        same = [t for t in self.times if t.root.i < event.token.i and t.timex.value == time.value]
        return _from(same[-1], time.relation) if same else time

    def _governing(self, event: EventToAnchor, governed: dict[int, _Time]) -> EventTime | None:
        """The time expression of the event, of the event it depends on, or of its sentence."""
        token = event.token
        for _ in range(MAX_CLIMB):
            if token.i in governed:
                return _from(governed[token.i])
            if token.dep_ not in SHARED_TIME or token.head == token:
                break
            token = token.head
        sentence = self.sentences.index(event.token.i)
        scope = {event.token.i} | {t.i for t in event.token.ancestors}
        reported = reported_clause(event.token, event.event_class)
        near = [
            t
            for t in self.times
            if t.sentence == sentence
            and t.timex.type in POINT_TYPES
            and t.reaches(event.token)
            and not closed_off(t.root, scope, event.token, CLOSED_CLAUSES)
            and not (reported is not None and inside_clause(t.root, reported, event.token))
        ]
        clause = clause_head(event.token)
        if not near:
            return self._spanning(event, clause, scope)
        best = min(
            near,
            key=lambda t: (
                closed_off(t.root, scope, event.token, SOFT_CLOSED),
                clause_head(t.root) != clause,
                abs(t.root.i - event.token.i),
            ),
        )
        return _from(best, subordinate_relation(best.root, event.token))

    def _spanning(self, event: EventToAnchor, clause: Token, scope: set[int]) -> EventTime | None:
        """A period or frequency of the event's own clause, when its sentence has no date.

        "There were a dozen attacks in the last five years", "leads we check on a daily basis":
        the event happened during it (DURING), not on a date carried from elsewhere.
        """
        sentence = self.sentences.index(event.token.i)
        spans = [
            t
            for t in self.times
            if t.sentence == sentence
            and t.timex.type not in POINT_TYPES
            and t.root.dep_ in ADVERBIAL
            and clause_head(t.root) == clause
            and not closed_off(t.root, scope, event.token, ANY_CLOSED)
        ]
        if not spans:
            return None
        best = min(spans, key=lambda t: abs(t.root.i - event.token.i))
        return _from(best)

    def _narrated(self, event: EventToAnchor) -> EventTime | None:
        """The last date of the ``NARRATION`` previous sentences.

        Only a date with a calendar interval carries over ("now" and "the past" do not), or for
        an event other than a report or a future one, a period the previous clause happened in
        ("In the nine months, profit rose 5%. Sales rose 3%"). Of the sentence that gave it, a
        time of a clause goes before one that modifies a noun ("on Sunday issued a warning after
        the Aug. 7 bombings"). A baseline of a comparison ("from $4 a year ago") does not carry;
        a date after the document date ("tomorrow") carries to a future event only, and to no
        past or perfect one.
        """
        future = event.tense == "FUTURE"
        done = event.tense == "PAST" or event.aspect == "PERFECTIVE"
        sentence = self.sentences.index(event.token.i)
        periods = event.event_class != "REPORTING" and not future
        before = [
            t
            for t in self.carried
            if t.sentence < sentence
            and (t.calendar or periods)
            and (t.after_document or not future)
            and not (done and t.after_document)
        ]
        if not before or sentence - before[-1].sentence > NARRATION:
            return None
        last = before[-1]
        clausal = [t for t in before if t.sentence == last.sentence and not modifies_noun(t.root)]
        last = (clausal or before)[-1]
        return _from(last, "IS_INCLUDED" if last.calendar else "DURING")

    def _lead(self, event: EventToAnchor) -> EventTime | None:
        """The news day of the lead ("officials said Friday"), for a past, present or noun event.

        The last date or time of the first ``LEAD_SENTENCES`` sentences before the event's that
        is a day (or part of one) at most ``LEAD_DAYS`` before the document date; the last one:
        the lead's "Friday" after a dateline's "March 12".
        """
        if event.tense not in _NEWS_DAY_TENSES:
            return None
        sentence = min(self.sentences.index(event.token.i), LEAD_SENTENCES)
        found = [t for t in self.news_days if t.sentence < sentence]
        return _from(found[-1], "IS_INCLUDED") if found else None

    def _today(self, event: EventToAnchor) -> EventTime | None:
        """The last mention before the event of the document's own day ("today", "Tuesday")."""
        found = [t for t in self.news_days if t.root.i < event.token.i and t.days_back == 0]
        return _from(found[-1], "IS_INCLUDED") if found else None

    def _ahead_of_lead(self, event: EventToAnchor) -> EventTime | None:
        """The first news day of the lead after a present or past event of the lead.

        "The grandmother of Elian said she is willing to go. (...) Women marched on Friday".
        """
        if event.tense not in ("PAST", "PRESENT"):
            return None
        if self.sentences.index(event.token.i) >= LEAD_SENTENCES:
            return None
        found = [
            t for t in self.news_days if t.root.i > event.token.i and t.sentence < LEAD_SENTENCES
        ]
        return _from(found[0], "IS_INCLUDED") if found else None

    def _document_date(self, event: EventToAnchor) -> EventTime | None:
        if self.anchor is None:
            return None
        if event.event_class == "REPORTING" and event.tense in ("PAST", "PRESENT"):
            relation = "IS_INCLUDED"
        elif event.tense == "PAST" or event.aspect == "PERFECTIVE":
            relation = "BEFORE"
        elif event.tense == "FUTURE":
            relation = "AFTER"
        else:
            return None
        day = self.anchor.date().isoformat()
        return EventTime(None, day, Interval(day, day), relation)


def _days_back(timex: TimeExpression, anchor: datetime | None) -> int | None:
    """How many days before the document date a date or time starts (negative: after it)."""
    if anchor is None or timex.interval is None or timex.type not in POINT_TYPES:
        return None
    start = calendar_day(timex.interval.start)
    return None if start is None else (anchor.date() - start).days


def _from(time: _Time, relation: str | None = None) -> EventTime:
    relation = relation or time.relation
    return EventTime(time.timex.id, time.timex.value, time.timex.interval, relation)
