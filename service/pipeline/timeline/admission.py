"""Which events are timeline entries: a table of named steps, the first that leaves one out wins.

An event stays in ``events`` whatever happens here; the timeline shows only the dated happenings
a reader would put on one. Each event records the step that decided (``Event.admission``):
``admitted``, or the name of the step that left it out:

- ``not_asserted``: its factuality is not one the request keeps (by default, what happened or
  is reported as having happened: "no one was injured", "may resign", "will strike" stay off);
- ``not_yet``: its date is after the document date, so it had not happened when the text was
  written ("will join NATO on March 12 in a ceremony": the ceremony), unless ``future`` is kept;
- ``undated``: it has no place in time;
- ``report``: a report ("said", "told") is not news unless it is the news ("announced");
- ``light_verb``: a verb too light to say what happened ("had", "came", "made");
- ``state``: a state or a state of mind ("remain", "want"), not a happening;
- ``purpose``: an infinitive names an aim, not what was done ("met to assess");
- ``ongoing``: a present event its own sentence does not date is ongoing or generic ("roughly
  100 children die in an average flu season", "officials warn");
- ``modifier``: a participle its own sentence does not date describes ("fighters returning");
- ``inferred_noun``: a noun event no time expression of its own dates ("the fight", "talks
  about the bombing" in a sentence dated "last week");
- ``mentioned_before``: a noun event dated by an earlier mention of it ("the Aug. 7 bombings
  ... the bombings") repeats that happening;
- ``low_confidence``: its entry confidence (:func:`entry_confidence`: that it is an event
  times that its date is right) is below the request's threshold;
- ``same_happening``: a noun event that is an argument of an entry on the same date names the
  same happening ("the campaign ... began", "attending Tuesday's summit");
- ``repeated``: the same description on the same date as an earlier entry (a headline repeated).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from service.pipeline.lexicon.confidence import load_confidence_tables
from service.pipeline.lexicon.timeline import load_timeline_lexicon
from service.pipeline.records import Event
from service.pipeline.timeline.placement import Placement

ADMITTED = "admitted"
DEFAULT_FACTUALITIES: tuple[str, ...] = ("asserted", "reported")
DEFAULT_MIN_CONFIDENCE = 0.65
_STATES = frozenset({"STATE", "I_STATE"})
_ONGOING_ASPECTS = frozenset({"NONE", "PROGRESSIVE"})
_PARTICIPLES = frozenset({"PRESPART", "PASTPART"})
# Anchoring steps that date a noun event by a time expression of its own ("Tuesday's summit", "the
# Aug. 7 bombings ... the bombings"), not by its sentence's or another sentence's.
_NOUN_DATING_STEPS = frozenset({"own_time", "earlier_mention"})


@dataclass(frozen=True)
class TimelineOptions:
    """What a request keeps on its timeline.

    min_confidence (float): the lowest entry confidence kept (:func:`entry_confidence`).
        Defaults to ``DEFAULT_MIN_CONFIDENCE``.
    factualities (tuple[str, ...]): the factualities kept. Defaults to asserted and reported.
    """

    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    factualities: tuple[str, ...] = DEFAULT_FACTUALITIES


DEFAULT_OPTIONS = TimelineOptions()


@dataclass(frozen=True)
class _Context:
    """What the steps read besides the event."""

    options: TimelineOptions
    placements: Mapping[str, Placement]
    document_date: str | None


def _not_asserted(event: Event, context: _Context) -> bool:
    return event.factuality not in context.options.factualities


def _not_yet(event: Event, context: _Context) -> bool:
    """Dated after the document date, so it had not happened when the text was written
    ("will join NATO on March 12 in a ceremony": the ceremony), unless future events are
    asked for."""
    placement, written = context.placements[event.id], context.document_date
    if "future" in context.options.factualities or written is None or placement.day is None:
        return False
    ahead = placement.relation in ("on", "on or about", "after")
    return ahead and placement.day[1].start[:10] > written[:10]


def _undated(event: Event, context: _Context) -> bool:
    return context.placements[event.id].relation is None


def _report(event: Event, context: _Context) -> bool:
    return (
        event.event_class == "REPORTING" and event.lemma not in load_timeline_lexicon().news_reports
    )


def _light_verb(event: Event, context: _Context) -> bool:
    return event.lemma in load_timeline_lexicon().light_verbs


def _state(event: Event, context: _Context) -> bool:
    return event.event_class in _STATES


def _purpose(event: Event, context: _Context) -> bool:
    return event.tense == "INFINITIVE"


def _ongoing(event: Event, context: _Context) -> bool:
    unstated = not context.placements[event.id].stated
    return event.tense == "PRESENT" and event.aspect in _ONGOING_ASPECTS and unstated


def _modifier(event: Event, context: _Context) -> bool:
    return event.tense in _PARTICIPLES and not context.placements[event.id].stated


def _inferred_noun(event: Event, context: _Context) -> bool:
    own = event.time is not None and event.time.step in _NOUN_DATING_STEPS
    return event.tense == "NONE" and not own


def _mentioned_before(event: Event, context: _Context) -> bool:
    return event.tense == "NONE" and event.time is not None and event.time.step == "earlier_mention"


def entry_confidence(event: Event) -> float:
    """How likely an event is a timeline entry with the right date: the event's confidence times
    its time's (each measured apart, on held-out documents; taken as independent). An event
    placed without an anchored time takes the pooled confidence of all anchoring steps."""
    time = event.time.confidence if event.time else load_confidence_tables().anchoring(None)
    return event.confidence * time


def _low_confidence(event: Event, context: _Context) -> bool:
    return entry_confidence(event) < context.options.min_confidence


Step = Callable[[Event, _Context], bool]
STEPS: tuple[tuple[str, Step], ...] = (
    ("not_asserted", _not_asserted),
    ("not_yet", _not_yet),
    ("undated", _undated),
    ("report", _report),
    ("light_verb", _light_verb),
    ("state", _state),
    ("purpose", _purpose),
    ("ongoing", _ongoing),
    ("modifier", _modifier),
    ("inferred_noun", _inferred_noun),
    ("mentioned_before", _mentioned_before),
    ("low_confidence", _low_confidence),
)
"""The steps that look at one event alone, in order: (name, leaves it out)."""


def admit(
    events: Sequence[Event],
    placements: Mapping[str, Placement],
    options: TimelineOptions,
    document_date: str | None = None,
) -> dict[str, str]:
    """Decide which events are timeline entries.

    events (Sequence[Event]): the document's events, in text order.
    placements (Mapping[str, Placement]): each event's placement, by event id.
    options (TimelineOptions): what the request keeps.
    document_date (str | None): the document date (ISO), if known. Defaults to None.
    RETURNS (dict[str, str]): event id -> ``ADMITTED`` or the step that left the event out.
    """
    context = _Context(options, placements, document_date)
    decisions = {
        event.id: next((name for name, step in STEPS if step(event, context)), ADMITTED)
        for event in events
    }
    on_day = {e.id: placements[e.id].day for e in events if decisions[e.id] == ADMITTED}
    seen: set[tuple[str, object]] = set()
    for event in events:
        if decisions[event.id] != ADMITTED:
            continue
        head = event.head_event
        if event.tense == "NONE" and head in on_day and on_day[head] == on_day[event.id]:
            decisions[event.id] = "same_happening"
            continue
        key = (event.description.lower(), on_day[event.id])
        if key in seen:
            decisions[event.id] = "repeated"
        seen.add(key)
    return decisions
