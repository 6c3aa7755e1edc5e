"""Anchoring: the time each event happened, from the time expression that governs it.

An event takes the time of the first step of ``STEPS`` that finds one; the steps are tried in
that order, each documented by its method below, and the time records the step's name
(``EventTime.step``) so that an error report can say "anchored by: sentence time":

- ``own_time``: a time attached to the trigger or to the event it shares its time with;
- ``sentence_time``: the nearest date or time of its sentence that sits in a clause the event
  is part of (an adverbial clause "after"/"before" a date puts the event AFTER/BEFORE it);
- ``clause_period``: failing a date, a period or frequency of its own clause (DURING);
- ``anaphoric_time``: a phrase of its clause that refers back ("At that time, militants joined
  forces") gives the last time of the discourse before it that is not the document's present;
- ``earlier_mention``: a noun event takes the time attached to an earlier mention of it;
- ``report_lead_day``, ``earlier_report``: a report takes the lead's news day, else the time
  of the last report that had one;
- ``document_today``: a present event takes the last mention of the document's own day;
- ``narrated``: the last calendar date (or a clause's period) of the previous sentences;
- ``lead_news_day``: a simple past or untensed event takes the lead's news day;
- ``lead_ahead``: an event of an undated lead takes the news day the lead gives after it;
- ``document_date``: reports, past and future events take the document date.

A time carried from another sentence (the steps in ``CARRIED``) points at its latest mention
before the event ("Adams said Sunday ... He said"): the value is the same, the expression the
nearest. The news day is ``dates.news_day``'s: a day at most a week before the document date.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from itertools import islice

from spacy.tokens import Doc, Token

from service.pipeline.dates.news_day import LEAD_SENTENCES, lead_news_day
from service.pipeline.events.anchor_walk import EventToAnchor, Walk
from service.pipeline.events.time_mentions import (
    Sentences,
    TimeIndex,
    TimeMention,
    time_mentions,
)
from service.pipeline.lexicon.confidence import load_confidence_tables
from service.pipeline.records import EventTime, Interval, TimeExpression
from service.pipeline.syntax.time_syntax import (
    ADVERBIAL,
    ANY_CLOSED,
    CLOSED_CLAUSES,
    MAX_CLIMB,
    MAX_DEPTH,
    SOFT_CLOSED,
    attached_event,
    clause_head,
    closed_off,
    inside_clause,
    modifies_noun,
    reported_clause,
    subordinate_relation,
)
from service.pipeline.timex.discourse import anaphoric_times
from service.pipeline.vocabulary import POINT_TYPES

# Dependencies through which an event shares the time of its head.
SHARED_TIME = frozenset({"xcomp", "conj", "dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr"})
# A narrated event continues a date at most this many sentences back (two sentences between).
NARRATION = 3
# Events of later sentences the lead's news day dates when nothing else does: the simple past
# ("Volunteers cleared the beach") and untensed events, mostly nouns ("the ceremony").
_LEAD_TENSES = frozenset({"PAST", "NONE"})
# Events the lead's news day can date at all: those and a report in the present.
_NEWS_DAY_TENSES = _LEAD_TENSES | {"PRESENT"}


class Anchorer:
    """Anchors the events of one document to its time expressions or its date.

    doc (Doc): the parsed document.
    time_expressions (Sequence[TimeExpression]): the document's time expressions.
    document_date (datetime | None): the document date, if known.
    sentences (Sentences | None): the document's sentences, when the caller has them.
        Defaults to None (found here).
    """

    def __init__(
        self,
        doc: Doc,
        time_expressions: Sequence[TimeExpression],
        document_date: datetime | None,
        sentences: Sentences | None = None,
    ) -> None:
        self.document_date = document_date
        self.sentences = sentences or Sentences(doc)
        self.times = time_mentions(doc, time_expressions, document_date, self.sentences)
        # Indexes, so that what one event costs does not grow with the document: the times of
        # each sentence by kind, the mentions of each value, what later sentences can continue
        # (calendar dates and clauses' periods, no baselines), the document's own day, and the
        # news days of the lead (days at most a week old: "officials said Friday").
        self.points = TimeIndex(t for t in self.times if t.timex.type in POINT_TYPES)
        self.periods = TimeIndex(t for t in self.times if t.timex.type not in POINT_TYPES)
        self.carried = TimeIndex(
            t for t in self.times if t.baseline is None and (t.calendar or t.period)
        )
        self.by_value = TimeIndex(self.times, key=lambda t: t.timex.value)
        news_days = [t for t in self.times if t.news_day]
        self.today = TimeIndex((t for t in news_days if t.days_back == 0), key=lambda t: 0)
        self.lead_days = TimeIndex(t for t in news_days if t.sentence < LEAD_SENTENCES)

    def __call__(self, events: Sequence[EventToAnchor]) -> list[EventTime | None]:
        """Return the time of each event, in the order given (text order): that of the first
        step of ``STEPS`` that finds one, with the step's name.

        events (Sequence[EventToAnchor]): the document's events, in text order.
        RETURNS (list[EventTime | None]): one time (or None) per event.
        """
        walk = Walk({e.token.i for e in events}, {})
        for time in self.times:
            if time.timex.type not in POINT_TYPES and time.root.dep_ not in ADVERBIAL:
                # "a two-day visit" times the visit only, not the verb the visit hangs from
                head = time.root.head
                target = head if head.i in walk.triggers and head != time.root else None
            else:
                target = attached_event(time.root, walk.triggers)
            if target is not None and time.reaches(target):
                walk.governed.setdefault(target.i, time)
        result = []
        for event in events:
            time = self.time_of(event, walk)
            walk.record(event, time)
            result.append(time)
        return result

    def time_of(self, event: EventToAnchor, walk: Walk) -> EventTime | None:
        """The time of one event: the first step of ``STEPS`` that finds one, with that step's
        confidence (``anchoring_confidence.tsv``)."""
        for name, step in STEPS:
            time = step(self, event, walk)
            if time is not None:
                if name in CARRIED and time.expression is not None:
                    time = self._latest_mention(event, time)
                confidence = load_confidence_tables().anchoring(name)
                return replace(time, step=name, confidence=confidence)
        return None

    def _latest_mention(self, event: EventToAnchor, time: EventTime) -> EventTime:
        """A time carried from another sentence, named by its latest mention before the event."""
        latest = self.by_value.before(time.value, event.token.i)
        return _from(latest, time.relation) if latest is not None else time

    def _own_time(self, event: EventToAnchor, walk: Walk) -> EventTime | None:
        """A time attached to the trigger ("met on Tuesday", "Tuesday's summit", "the Aug. 7
        bombings"), or to the event it shares its time with through an infinitive, a
        coordination or a nominal argument ("the campaign began in autumn 2014").

        A period or frequency modifying a noun ("a two-day visit") times that noun only, and the
        baseline of a comparison ("rose to $5 million from $4 million a year ago") dates nothing
        outside it.
        """
        token = event.token
        for _ in range(MAX_CLIMB):
            if token.i in walk.governed:
                return _from(walk.governed[token.i])
            if token.dep_ not in SHARED_TIME or token.head == token:
                break
            token = token.head
        return None

    def _sentence_time(self, event: EventToAnchor, walk: Walk) -> EventTime | None:
        """The nearest date or time of the event's sentence, unless it sits in a clause the
        event is not part of.

        "the man who arrived on Monday said" leaves "said" alone (a relative clause), and so does
        "Prices will rise next year, he said" (what a trailing speech verb reports); a clause
        modifying a noun event is part of it ("shootings that wounded two doctors in November").
        A participle or infinitive modifying a noun dates the event only when nothing else in
        the sentence does ("The warrant issued Monday charged him"). A date of an adverbial
        clause marked "after"/"before" puts the event AFTER/BEFORE it.
        """
        best = self._nearest(event)
        return _from(best, subordinate_relation(best.root, event.token)) if best else None

    def _nearest(self, event: EventToAnchor) -> TimeMention | None:
        token = event.token
        candidates = self.points.around(self.sentences.index(token.i), token.i)
        if not candidates:
            return None
        scope = _scope(token)
        reported = reported_clause(token, event.event_class)
        near = [
            t
            for t in candidates
            if t.reaches(token)
            and not closed_off(t.root, scope, token, CLOSED_CLAUSES)
            and not (reported is not None and inside_clause(t.root, reported, token))
        ]
        if not near:
            return None
        clause = clause_head(token)
        return min(
            near,
            key=lambda t: (
                closed_off(t.root, scope, token, SOFT_CLOSED),
                clause_head(t.root) != clause,
                abs(t.root.i - token.i),
            ),
        )

    def _clause_period(self, event: EventToAnchor, walk: Walk) -> EventTime | None:
        """A period or frequency of the event's own clause, when its sentence has no date.

        "There were a dozen attacks in the last five years", "leads we check on a daily basis":
        the event happened during it (DURING), not on a date carried from elsewhere.
        """
        token = event.token
        candidates = self.periods.around(self.sentences.index(token.i), token.i)
        if not candidates:
            return None
        scope = _scope(token)
        clause = clause_head(token)
        spans = [
            t
            for t in candidates
            if t.root.dep_ in ADVERBIAL
            and clause_head(t.root) == clause
            and not closed_off(t.root, scope, token, ANY_CLOSED)
        ]
        if not spans:
            return None
        return _from(min(spans, key=lambda t: abs(t.root.i - token.i)))

    def _anaphoric_time(self, event: EventToAnchor, walk: Walk) -> EventTime | None:
        """The time a phrase of the event's clause refers back to ("The war in the 1980s is the
        closest example of today's situation. At that time, militants joined forces": the 1980s,
        not today). "By then", "until then" put the event BEFORE it, "since then" AFTER it."""
        token = event.token
        sentence = self.sentences.index(token.i)
        if sentence not in walk.anaphoric:
            today = self.document_date.date() if self.document_date else None
            expressions = [t.timex for t in self.times]
            span = self.sentences.spans[sentence]
            walk.anaphoric[sentence] = anaphoric_times(span, expressions, today)
        clause = clause_head(token)
        for phrase in walk.anaphoric[sentence]:
            words = token.doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
            if words is not None and clause_head(words.root) == clause:
                found = phrase.refers_to
                return EventTime(found.id, found.value, found.interval, phrase.relation)
        return None

    def _earlier_mention(self, event: EventToAnchor, walk: Walk) -> EventTime | None:
        """The time attached to an earlier mention of the same noun event ("the Aug. 7
        bombings ... the bombings")."""
        token = event.token
        return walk.named.get(token.lemma_.lower()) if token.pos_ == "NOUN" else None

    def _report_lead_day(self, event: EventToAnchor, walk: Walk) -> EventTime | None:
        """For a report, the lead's news day ("officials said Friday ... they said")."""
        return self._lead(event) if event.event_class == "REPORTING" else None

    def _earlier_report(self, event: EventToAnchor, walk: Walk) -> EventTime | None:
        """For a report, the time of the last report that had one ("officials said Saturday
        ... they said")."""
        return walk.report_time if event.event_class == "REPORTING" else None

    def _document_today(self, event: EventToAnchor, walk: Walk) -> EventTime | None:
        """For a present event (not a perfect), the last mention before it of the document's own
        day ("today", or "Tuesday" in an article of that Tuesday): the present is the day the
        article is written."""
        if event.tense != "PRESENT" or event.aspect == "PERFECTIVE":
            return None
        found = self.today.before(0, event.token.i)
        return _from(found, "IS_INCLUDED") if found is not None else None

    def _narrated(self, event: EventToAnchor, walk: Walk) -> EventTime | None:
        """The last date of the ``NARRATION`` previous sentences.

        News narrates forward from the date it just gave. Only a date with a calendar interval
        carries over ("now" and "the past" do not), or for an event other than a report or a
        future one, a period the previous clause happened in ("In the nine months, profit rose
        5%. Sales rose 3%"). Of the sentence that gave it, a time of a clause goes before one
        that modifies a noun ("on Sunday issued a warning after the Aug. 7 bombings"). A
        baseline of a comparison ("from $4 a year ago") does not carry; a date after the
        document date ("tomorrow") carries to a future event only, and to no past or perfect one.
        """
        future = event.tense == "FUTURE"
        done = event.tense == "PAST" or event.aspect == "PERFECTIVE"
        sentence = self.sentences.index(event.token.i)
        periods = event.event_class != "REPORTING" and not future
        for earlier in range(sentence - 1, max(sentence - NARRATION, 0) - 1, -1):
            before = [
                t
                for t in self.carried.of(earlier)
                if (t.calendar or periods)
                and (t.after_document or not future)
                and not (done and t.after_document)
            ]
            if before:
                clausal = [t for t in before if not modifies_noun(t.root)]
                last = (clausal or before)[-1]
                return _from(last, "IS_INCLUDED" if last.calendar else "DURING")
        return None

    def _lead_news_day(self, event: EventToAnchor, walk: Walk) -> EventTime | None:
        """For a simple past or untensed (noun) event of a later sentence, the lead's news day
        ("Rescuers reached the village on Friday. (...) Volunteers cleared the beach")."""
        if event.tense not in _LEAD_TENSES or event.aspect != "NONE":
            return None
        return self._lead(event)

    def _lead(self, event: EventToAnchor) -> EventTime | None:
        """The lead's news day (``dates.news_day``: "officials said Friday") before the event's
        sentence, for a past, present or noun event."""
        if event.tense not in _NEWS_DAY_TENSES:
            return None
        before = self.sentences.index(event.token.i)
        lasts = ((s, days[-1]) for s in range(LEAD_SENTENCES) if (days := self.lead_days.of(s)))
        found = lead_news_day(lasts, before)
        return _from(found, "IS_INCLUDED") if found is not None else None

    def _lead_ahead(self, event: EventToAnchor, walk: Walk) -> EventTime | None:
        """For a present or past event of the lead, the first news day the lead gives after it.

        "The grandmother of Elian said she is willing to go. (...) Women marched on Friday".
        """
        if event.tense not in ("PAST", "PRESENT"):
            return None
        if self.sentences.index(event.token.i) >= LEAD_SENTENCES:
            return None
        sentence = self.sentences.index(event.token.i)
        after = (self.lead_days.after(s, event.token.i) for s in range(sentence, LEAD_SENTENCES))
        found = next((t for t in after if t is not None), None)
        return _from(found, "IS_INCLUDED") if found is not None else None

    def _document_date(self, event: EventToAnchor, walk: Walk) -> EventTime | None:
        """Reporting, past and future events on the document date: IS_INCLUDED (a report in the
        past or present), BEFORE (past or perfect) or AFTER (future)."""
        if self.document_date is None:
            return None
        if event.event_class == "REPORTING" and event.tense in ("PAST", "PRESENT"):
            relation = "IS_INCLUDED"
        elif event.tense == "PAST" or event.aspect == "PERFECTIVE":
            relation = "BEFORE"
        elif event.tense == "FUTURE":
            relation = "AFTER"
        else:
            return None
        day = self.document_date.date().isoformat()
        return EventTime(None, day, Interval(day, day), relation)


Step = Callable[[Anchorer, EventToAnchor, Walk], EventTime | None]
STEPS: tuple[tuple[str, Step], ...] = (
    ("own_time", Anchorer._own_time),
    ("sentence_time", Anchorer._sentence_time),
    ("clause_period", Anchorer._clause_period),
    ("anaphoric_time", Anchorer._anaphoric_time),
    ("earlier_mention", Anchorer._earlier_mention),
    ("report_lead_day", Anchorer._report_lead_day),
    ("earlier_report", Anchorer._earlier_report),
    ("document_today", Anchorer._document_today),
    ("narrated", Anchorer._narrated),
    ("lead_news_day", Anchorer._lead_news_day),
    ("lead_ahead", Anchorer._lead_ahead),
    ("document_date", Anchorer._document_date),
)
"""The anchoring steps in the order they are tried: (name, step)."""
CARRIED = frozenset(
    {"report_lead_day", "earlier_report", "document_today", "narrated"}
    | {"lead_news_day", "lead_ahead"}
)
"""Steps that carry a time from elsewhere in the text: named by its latest mention."""


def _scope(token: Token) -> set[int]:
    """The event and the words above it (at most ``MAX_DEPTH``): what a time may not be
    closed off from."""
    return {token.i} | {t.i for t in islice(token.ancestors, MAX_DEPTH)}


def anchored_by(time: EventTime | None) -> str:
    """What an error report prints: "anchored by: sentence time", or "not anchored"."""
    if time is None or time.step is None:
        return "not anchored"
    return "anchored by: " + time.step.replace("_", " ")


def _from(time: TimeMention, relation: str | None = None) -> EventTime:
    """The event time a time mention gives, with its own relation unless another is given."""
    relation = relation or time.relation
    return EventTime(time.timex.id, time.timex.value, time.timex.interval, relation)
