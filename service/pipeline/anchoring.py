"""Anchoring: the time each event happened, from the time expression that governs it.

Order of preference:

1. a time expression attached to the trigger ("met on Tuesday", "Tuesday's summit"), or to the
   event it shares its time with through an infinitive, a coordination or a nominal argument
   ("the campaign began in autumn 2014": the campaign and its beginning); a period or frequency
   modifying a noun ("a two-day visit", "a daily rally") times that noun only;
2. the nearest date or time of its sentence, unless that one sits in a clause the event is not
   part of (a relative clause, a reported clause, or for a trailing speech verb the clause it
   reports): "the man who arrived on Monday said" leaves "said" alone, and so does "Prices will
   rise next year, he said". A date of an adverbial clause marked "after"/"before" puts the
   event AFTER/BEFORE it;
3. failing a date, a period or frequency of the event's own clause ("in the last five years",
   DURING);
4. a report of a later sentence takes the lead's news day ("officials said Friday": a day at
   most ``LEAD_DAYS`` before the document date in the first ``LEAD_SENTENCES`` sentences),
   else the time of the last report that had one ("officials said Saturday ... they said");
5. any other event but a future one takes the last calendar date (not "now") of the
   ``NARRATION`` previous sentences (news narrates forward from the date it just gave);
6. a simple past event of a later sentence takes the lead's news day;
7. reporting, past and future events take the document date with the relation IS_INCLUDED,
   BEFORE or AFTER.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property

from spacy.tokens import Doc, Token

from service.pipeline.records import EventTime, Interval, TimeExpression

ANCHOR_TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})
POINT_TYPES = frozenset({"DATE", "TIME"})
# Dependencies through which an event shares the time of its head.
SHARED_TIME = frozenset({"xcomp", "conj", "dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr"})
# Clauses whose dates do not reach the rest of the sentence.
CLOSED_CLAUSES = frozenset({"relcl", "ccomp", "csubj", "acl"})
# Dependencies a time expression climbs through to reach what it modifies.
_TIMEX_ATTACH = frozenset(
    {"pobj", "prep", "npadvmod", "compound", "poss", "nummod", "amod", "det", "advmod", "appos"}
)
_BEFORE = frozenset({"before", "until", "till", "by", "prior"})
_AFTER = frozenset({"after", "since", "following"})
_CLAUSE_HEADS = CLOSED_CLAUSES | {"advcl", "parataxis", "conj"}
_MAX_CLIMB = 6
# How a duration attaches when it is the event's time ("for three months", "rose 4% last week").
_ADVERBIAL = frozenset({"pobj", "npadvmod", "advmod", "obl"})
# Clause relations through which a trailing speech verb hangs off the clause it reports.
_REPORTED = frozenset({"ccomp", "parataxis"})
# A dated lead ("officials said Friday") dates later reports when it is this close to the
# document date, in days.
LEAD_DAYS = 7
LEAD_SENTENCES = 3
# A narrated event continues a date at most this many sentences back (two sentences between).
NARRATION = 3


@dataclass(frozen=True)
class EventToAnchor:
    """What anchoring needs of an event: its trigger token, class, tense and aspect."""

    token: Token
    event_class: str
    tense: str
    aspect: str


@dataclass(frozen=True)
class _Time:
    root: Token
    timex: TimeExpression
    relation: str


class Anchorer:
    """Anchors the events of one document to its time expressions or its date.

    doc (Doc): the parsed document.
    time_expressions (Sequence[TimeExpression]): the document's time expressions.
    anchor (datetime | None): the document date, if known.
    """

    def __init__(
        self, doc: Doc, time_expressions: Sequence[TimeExpression], anchor: datetime | None
    ) -> None:
        self.doc = doc
        self.anchor = anchor
        self.times: list[_Time] = []
        for timex in time_expressions:
            span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
            if timex.type in ANCHOR_TYPES and span is not None and len(span):
                self.times.append(_Time(span.root, timex, _relation(span.root, timex)))
        self.times.sort(key=lambda t: t.root.i)

    def __call__(self, events: Sequence[EventToAnchor]) -> list[EventTime | None]:
        """Return the time of each event, in the order given (text order).

        events (Sequence[EventToAnchor]): the document's events, in text order.
        RETURNS (list[EventTime | None]): one time (or None) per event.
        """
        triggers = {e.token.i for e in events}
        governed: dict[int, _Time] = {}
        for time in self.times:
            if time.timex.type not in POINT_TYPES and time.root.dep_ not in _ADVERBIAL:
                # "a two-day visit" times the visit only, not the verb the visit hangs from
                head = time.root.head
                target = head if head.i in triggers and head != time.root else None
            else:
                target = _attachment(time.root, triggers)
            if target is not None:
                governed.setdefault(target.i, time)
        own = [self._governing(event, governed) for event in events]
        report_day = self._report_day(events, own)
        report_time: EventTime | None = None
        result = []
        for event, time in zip(events, own, strict=True):
            if time is None and event.event_class == "REPORTING":
                time = self._lead(event) or report_day or report_time or self._narrated(event)
            time = time or self._narrated(event)
            if time is None and event.tense == "PAST" and event.aspect == "NONE":
                time = self._lead(event)
            time = time or self._document_date(event)
            if event.event_class == "REPORTING" and time is not None and time.expression:
                report_time = time
            result.append(time)
        return result

    def _report_day(
        self, events: Sequence[EventToAnchor], times: Sequence[EventTime | None]
    ) -> EventTime | None:
        """The day the article reports from: the first recent day a report is dated by.

        "Police said Friday ..." dates the undated "said" of the whole article, before it too
        (a headline's "Police say").
        """
        if self.anchor is None:
            return None
        for event, time in zip(events, times, strict=True):
            if event.event_class != "REPORTING" or time is None or time.expression is None:
                continue
            timex = next(t.timex for t in self.times if t.timex.id == time.expression)
            if _news_day(timex, self.anchor) and event.tense in ("PAST", "PRESENT"):
                return EventTime(timex.id, timex.value, timex.interval, "IS_INCLUDED")
        return None

    def _governing(self, event: EventToAnchor, governed: dict[int, _Time]) -> EventTime | None:
        """The time expression of the event, of the event it depends on, or of its sentence."""
        token = event.token
        for _ in range(_MAX_CLIMB):
            if token.i in governed:
                return _from(governed[token.i])
            if token.dep_ not in SHARED_TIME or token.head == token:
                break
            token = token.head
        sentence = event.token.sent
        scope = {event.token.i} | {t.i for t in event.token.ancestors}
        reported = _reported_clause(event)
        near = [
            t
            for t in self.times
            if sentence.start <= t.root.i < sentence.end
            and t.timex.type in POINT_TYPES
            and not _closed_off(t.root, scope)
            and not (reported is not None and _inside(t.root, reported, event.token))
        ]
        clause = _clause(event.token)
        if not near:
            return self._spanning(event, clause, scope)
        best = min(near, key=lambda t: (_clause(t.root) != clause, abs(t.root.i - event.token.i)))
        return _from(best, _subordinate_relation(best.root, event.token))

    def _spanning(self, event: EventToAnchor, clause: Token, scope: set[int]) -> EventTime | None:
        """A period or frequency of the event's own clause, when its sentence has no date.

        "There were a dozen attacks in the last five years", "leads we check on a daily basis":
        the event happened during it (DURING), not on a date carried from elsewhere.
        """
        sentence = event.token.sent
        spans = [
            t
            for t in self.times
            if sentence.start <= t.root.i < sentence.end
            and t.timex.type not in POINT_TYPES
            and t.root.dep_ in _ADVERBIAL
            and _clause(t.root) == clause
            and not _closed_off(t.root, scope)
        ]
        if not spans:
            return None
        best = min(spans, key=lambda t: abs(t.root.i - event.token.i))
        return _from(best)

    def _narrated(self, event: EventToAnchor) -> EventTime | None:
        """The last date of the ``NARRATION`` previous sentences, for non-future events.

        Only a date with a calendar interval carries over ("now" and "the past" do not).
        """
        if event.tense == "FUTURE":
            return None
        start = event.token.sent.start
        before = [t for t in self.times if t.root.i < start and _calendar(t)]
        if not before:
            return None
        last = before[-1]
        if sum(token.is_sent_start for token in self.doc[last.root.i + 1 : start]) >= NARRATION:
            return None
        return EventTime(last.timex.id, last.timex.value, last.timex.interval, "IS_INCLUDED")

    def _lead(self, event: EventToAnchor) -> EventTime | None:
        """The news day of the lead ("officials said Friday"), for a report in the present or past.

        The last date or time of the first ``LEAD_SENTENCES`` sentences that is a day (or part
        of one) at most ``LEAD_DAYS`` before the document date.
        """
        if self.anchor is None or event.tense not in ("PAST", "PRESENT"):
            return None
        found = None
        for time in self.times:
            if time.root.i >= event.token.sent.start or time.root.sent.start > self._lead_end:
                break
            if _news_day(time.timex, self.anchor):
                found = time  # the last one: the lead's "Friday" after a dateline's "March 12"
        if found is None:
            return None
        return EventTime(found.timex.id, found.timex.value, found.timex.interval, "IS_INCLUDED")

    @cached_property
    def _lead_end(self) -> int:
        """The first token of the last lead sentence."""
        starts = [0]
        for sentence in self.doc.sents:
            starts.append(sentence.start)
            if len(starts) > LEAD_SENTENCES:
                break
        return starts[-1]

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


def _calendar(time: _Time) -> bool:
    """Whether a time is a date or time with a calendar interval (not "now", not "the past")."""
    return time.timex.type in POINT_TYPES and time.timex.interval is not None


def _news_day(timex: TimeExpression, anchor: datetime) -> bool:
    """Whether a time expression names a day at most ``LEAD_DAYS`` before the document date."""
    if timex.interval is None or timex.type not in POINT_TYPES:
        return False
    try:
        start = date.fromisoformat(timex.interval.start[:10])
        end = date.fromisoformat(timex.interval.end[:10])
    except ValueError:
        return False
    return start == end and 0 <= (anchor.date() - start).days <= LEAD_DAYS


def _reported_clause(event: EventToAnchor) -> Token | None:
    """The clause a trailing speech verb reports ('Prices will rise next year, he said').

    The parser hangs such a verb off the reported clause; that clause's dates are not the
    report's.
    """
    token = event.token
    if event.event_class != "REPORTING" or token.dep_ not in _REPORTED or token.i < token.head.i:
        return None
    return token.head


def _inside(root: Token, clause: Token, event: Token) -> bool:
    """Whether a time sits in ``clause`` outside the event's own subtree."""
    token = root
    for _ in range(64):
        if token == event:
            return False
        if token == clause:
            return True
        if token.head == token:
            return False
        token = token.head
    return False


def _from(time: _Time, relation: str | None = None) -> EventTime:
    relation = relation or time.relation
    return EventTime(time.timex.id, time.timex.value, time.timex.interval, relation)


def _subordinate_relation(root: Token, event: Token) -> str | None:
    """How an event stands to a time of the adverbial clause that times it, if it does.

    "They left after the talks ended on Friday": the leaving is AFTER Friday; "before" makes it
    BEFORE; "when", "as", "while" keep it inside (None: the time's own relation).
    """
    token = root
    for _ in range(_MAX_CLIMB * 2):
        if token == event or token.head == token:
            return None
        if token.dep_ == "advcl" and token.head == event:
            marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
            if marks & _BEFORE:
                return "BEFORE"
            if marks & _AFTER:
                return "AFTER"
            return None
        token = token.head
    return None


def _relation(root: Token, timex: TimeExpression) -> str:
    """How an event stands to the time: before it, after it, during it, or inside it."""
    word = root.head.lower_ if root.dep_ == "pobj" else ""
    if word in _BEFORE:
        return "BEFORE"
    if word in _AFTER:
        return "AFTER"
    return "DURING" if timex.type in ("DURATION", "SET") else "IS_INCLUDED"


def _attachment(root: Token, triggers: set[int]) -> Token | None:
    """The event a time expression modifies, if it attaches to one."""
    token = root
    for _ in range(_MAX_CLIMB):
        if token.dep_ not in _TIMEX_ATTACH or token.head == token:
            break
        token = token.head
        if token.i in triggers:
            return token
        if token.pos_ in ("VERB", "AUX"):
            return None
    return None


def _clause(token: Token) -> Token:
    """The head of the clause a token belongs to."""
    while token.dep_ not in _CLAUSE_HEADS and token.head != token:
        token = token.head
    return token


def _closed_off(root: Token, scope: set[int]) -> bool:
    """Whether a time expression sits in a closed clause that does not contain the event."""
    token = root
    while token.i not in scope:
        if token.dep_ in CLOSED_CLAUSES:
            return True
        if token.head == token:
            return False
        token = token.head
    return False
