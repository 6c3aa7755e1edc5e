"""Anchoring apart from detection: the anchoring stage given the gold events and times.

``python -m service.evaluate anchoring DIR`` reads TimeML (``*.tml``) or MEANTIME CAT XML and
hands the anchoring stage every gold trigger (with its gold class; tense and aspect as the
pipeline reads them from the parse) and every gold time expression (with its gold type and
value), then scores the gold event-in-time links that ``events`` scores. What event or time
detection misses is left out, as TempEval-3's relation-only task did. The issue's first-version
baseline, the time of the event's sentence nearest to the trigger, is scored on the same links,
and so is the whole pipeline (end to end, with the shipped event model: on TempEval-3 that is
its training data, whose held-out figure ``events --folds`` gives).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from time import perf_counter

from spacy.tokens import Doc, Token

from service.corpora.meantime import read_meantime_dir
from service.corpora.timeml import TimeMLDocument, read_timeml_dir
from service.evaluate.events import evaluate_events
from service.evaluate.scoring import accuracy, error
from service.pipeline import DEFAULT_MODEL, DocumentRequest, TimelinePipeline
from service.pipeline.dates.document_date import resolve_document_date
from service.pipeline.events.anchor_walk import EventToAnchor
from service.pipeline.events.anchoring import Anchorer, anchored_by
from service.pipeline.events.attributes import read_attributes
from service.pipeline.events.time_mentions import Sentences
from service.pipeline.records import EventTime, TimeExpression
from service.pipeline.timex.intervals import interval_of
from service.pipeline.vocabulary import POINT_TYPES


def read_anchoring_corpus(directory: Path, limit: int | None = None) -> list[TimeMLDocument]:
    """The TimeML documents under ``directory``, or its MEANTIME documents read as TimeML."""
    if next(directory.rglob("*.tml"), None) is not None:
        return read_timeml_dir(directory, limit)
    return [document.as_timeml() for document in read_meantime_dir(directory, limit)]


def gold_anchoring(documents: Sequence[TimeMLDocument], model: str = DEFAULT_MODEL) -> dict:
    """Anchor the gold events of each document to its gold times and score the gold links.

    documents (Sequence[TimeMLDocument]): the gold documents.
    model (str): spaCy model package. Defaults to ``DEFAULT_MODEL``.
    RETURNS (dict): documents; accuracy dicts ``anchoring`` (the stage), ``nearest`` (the
        baseline), ``same_sentence`` and ``other_sentence`` (the stage on links whose gold time
        is, or is not, in the event's sentence), ``end_to_end`` (the pipeline's own events and
        times); errors (one per link the stage gets wrong) and error_kinds; seconds.
    """
    started = perf_counter()
    pipeline = TimelinePipeline(model)
    results = []
    right = {"anchoring": 0, "nearest": 0, "same_sentence": 0, "other_sentence": 0}
    totals = dict.fromkeys(right, 0)
    errors = []
    parsed = pipeline.nlp.pipe((d.text for d in documents), batch_size=16)
    for document, doc in zip(documents, parsed, strict=True):
        request = DocumentRequest(document.text, document.dct, document.doc_id)
        results.append(pipeline.extract_parsed(doc, request))
        events = gold_triggers(document, doc)
        times = {t.tid: _root(doc, t.start, t.end) for t in document.timexes}
        anchored = gold_event_times(document, doc, events)
        for eid, tid in document.event_time_links():
            trigger, found = events.get(eid), anchored.get(eid)
            pointed = found.expression if found is not None else None
            time = times.get(tid)
            same = time is not None and trigger is not None and time.sent == trigger.sent
            scope = "same_sentence" if same else "other_sentence"
            nearest = _nearest_in_sentence(trigger, times) if trigger is not None else None
            scored = (("anchoring", pointed), (scope, pointed), ("nearest", nearest))
            for key, chosen in scored:
                totals[key] += 1
                right[key] += chosen == tid
            if pointed != tid:
                errors.append(_link_error(document, eid, tid, found, scope))
    report: dict = {"documents": len(documents)}
    report |= {key: accuracy(right[key], totals[key]) for key in right}
    report["end_to_end"] = evaluate_events(documents, results)["anchoring"]
    report["error_kinds"] = Counter(record["kind"] for record in errors).most_common()
    report["errors"] = errors
    report["seconds"] = perf_counter() - started
    return report


def gold_triggers(document: TimeMLDocument, doc: Doc) -> dict[str, Token]:
    """Each gold event's trigger token (the root of its span), by event id."""
    triggers = {}
    for event in document.events:
        token = _root(doc, event.start, event.end)
        if token is not None:
            triggers[event.eid] = token
    return triggers


def gold_event_times(
    document: TimeMLDocument, doc: Doc, triggers: dict[str, Token]
) -> dict[str, EventTime | None]:
    """Run the anchoring stage on the gold events and times: event id -> time id it points at."""
    times = [
        TimeExpression(
            t.tid,
            t.text,
            t.start,
            t.end,
            t.type,
            t.value,
            interval_of(t.value) if t.type in POINT_TYPES else None,
            t.mod,
        )
        for t in document.timexes
    ]
    _, document_date = resolve_document_date(document.text, document.dct)
    classes = {event.eid: event.event_class for event in document.events}
    ordered = sorted(triggers.items(), key=lambda item: item[1].i)
    events = []
    for eid, token in ordered:
        attributes = read_attributes(token, None)
        events.append(EventToAnchor(token, classes[eid], attributes.tense, attributes.aspect))
    found = Anchorer(doc, times, document_date, Sentences(doc))(events)
    return {eid: time for (eid, _), time in zip(ordered, found, strict=True)}


def _nearest_in_sentence(trigger: Token, times: dict[str, Token | None]) -> str | None:
    """The time of the trigger's sentence whose root is nearest to it (the earlier on a tie)."""
    candidates = [
        (abs(root.i - trigger.i), root.i, tid)
        for tid, root in times.items()
        if root is not None and root.sent == trigger.sent
    ]
    return min(candidates)[2] if candidates else None


def _root(doc: Doc, start: int, end: int) -> Token | None:
    """The syntactic root of a character span, None when it covers no token."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _link_error(
    document: TimeMLDocument, eid: str, tid: str, found: EventTime | None, scope: str
) -> dict:
    """The error record of a gold link the stage gets wrong, naming the step that anchored it."""
    pointed = found.expression if found is not None else None
    event = next(e for e in document.events if e.eid == eid)
    times = {t.tid: t for t in document.timexes}
    where = "its sentence" if scope == "same_sentence" else "another sentence"
    if pointed is None:
        what = "not anchored"
    elif times[pointed].value == times[tid].value:
        what = "another mention of the same value"
    else:
        what = "another time"
    kind = f"time in {where}: {what}"
    gold = {"event": event.text, "time": times[tid].text, "value": times[tid].value}
    pred = {"time": times[pointed].text, "value": times[pointed].value} if pointed else {}
    pred["step"] = anchored_by(found)
    return error(kind, document.doc_id, document.text, (event.start, event.end), gold, pred)
