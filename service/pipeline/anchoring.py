"""Anchoring: the time each event happened, from the time expression that governs it.

Order of preference:

1. a time expression attached to the trigger ("met on Tuesday", "Tuesday's summit"), or to the
   event it shares its time with through an infinitive, a coordination or a nominal argument
   ("the campaign began in autumn 2014": the campaign and its beginning);
2. the nearest date or time of its sentence, unless that one sits in a clause the event is not
   part of (a relative clause, a reported clause): "the man who arrived on Monday said" leaves
   "said" alone;
3. a reporting event takes the time of the last report that had one ("officials said Saturday
   ... they said");
4. any other event but a future one takes the last date of the ``NARRATION`` previous
   sentences (news narrates forward from the date it just gave);
5. reporting, past and future events take the document date with the relation IS_INCLUDED,
   BEFORE or AFTER.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from spacy.tokens import Doc, Token

from service.pipeline.records import EventTime, Interval, TimeExpression

ANCHOR_TYPES = frozenset({"DATE", "TIME", "DURATION"})
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
            target = _attachment(time.root, triggers)
            if target is not None:
                governed.setdefault(target.i, time)
        report_time: EventTime | None = None
        result = []
        for event in events:
            time = self._governing(event, governed)
            if time is None and event.event_class == "REPORTING":
                time = report_time
            time = time or self._narrated(event) or self._document_date(event)
            if event.event_class == "REPORTING" and time is not None and time.expression:
                report_time = time
            result.append(time)
        return result

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
        near = [
            t
            for t in self.times
            if sentence.start <= t.root.i < sentence.end
            and t.timex.type in POINT_TYPES
            and not _closed_off(t.root, scope)
        ]
        if not near:
            return None
        clause = _clause(event.token)
        return _from(
            min(near, key=lambda t: (_clause(t.root) != clause, abs(t.root.i - event.token.i)))
        )

    def _narrated(self, event: EventToAnchor) -> EventTime | None:
        """The last date of the ``NARRATION`` previous sentences, for non-future events."""
        if event.tense == "FUTURE":
            return None
        start = event.token.sent.start
        before = [t for t in self.times if t.root.i < start and t.timex.type in POINT_TYPES]
        if not before:
            return None
        last = before[-1]
        if sum(token.is_sent_start for token in self.doc[last.root.i + 1 : start]) >= NARRATION:
            return None
        return EventTime(last.timex.id, last.timex.value, last.timex.interval, "IS_INCLUDED")

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


def _from(time: _Time) -> EventTime:
    return EventTime(time.timex.id, time.timex.value, time.timex.interval, time.relation)


def _relation(root: Token, timex: TimeExpression) -> str:
    """How an event stands to the time: before it, after it, during it, or inside it."""
    word = root.head.lower_ if root.dep_ == "pobj" else ""
    if word in _BEFORE:
        return "BEFORE"
    if word in _AFTER:
        return "AFTER"
    return "DURING" if timex.type == "DURATION" else "IS_INCLUDED"


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
