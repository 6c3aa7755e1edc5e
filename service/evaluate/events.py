"""TempEval-3 task B: event spans and classes, TimeML attributes, and anchoring to times."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from service.corpora.timeml import GoldEvent, TimeMLDocument
from service.evaluate.matching import CorpusMatch, SpanKey, match_corpus
from service.evaluate.scoring import accuracy, error, per_label, prf, top_counts
from service.evaluate.timex import match_timexes
from service.pipeline.records import Event, TimelineResult

ATTRIBUTES: tuple[tuple[str, str], ...] = (
    ("tense", "tense"),
    ("aspect", "aspect"),
    ("polarity", "polarity"),
)
"""(gold attribute, system attribute) pairs scored as accuracy on matched events."""


def evaluate_events(
    gold_docs: Sequence[TimeMLDocument], predictions: Sequence[TimelineResult]
) -> dict:
    """Score system events against TimeML gold, as TempEval-3 task B does, plus anchoring.

    Strict: exact trigger offsets. Relaxed: overlap, one-to-one. Class: right class on a relaxed
    match. Tense/aspect/polarity: accuracy on matches whose gold event has a MAKEINSTANCE.
    Anchoring: share of gold event-inside-time TLINKs (times of the text only) whose matched
    system event points (``time.expression``) at the system expression matched to the time.

    gold_docs (Sequence[TimeMLDocument]): the gold documents.
    predictions (Sequence[TimelineResult]): the pipeline result of each document.
    RETURNS (dict): documents, strict, relaxed, event_class (P/R/F1 dicts), class_accuracy,
        tense/aspect/polarity accuracies, anchoring, per_class, missed_lemmas,
        spurious_lemmas, class_confusions, error_kinds and errors.
    """
    match = match_corpus(
        [doc.events for doc in gold_docs],
        [result.events for result in predictions],
        _gold_key,
        _pred_key,
    )
    n_pred, n_gold = match.predicted, match.gold
    class_right = sum(g.event_class == p.event_class for _, g, p in match.pairs)
    anchoring, event_time_errors = score_anchoring(gold_docs, predictions, match)
    errors = event_errors(gold_docs, match) + event_time_errors
    report = {
        "documents": len(gold_docs),
        "strict": prf(match.exact, n_pred, n_gold),
        "relaxed": prf(len(match.pairs), n_pred, n_gold),
        "event_class": prf(class_right, n_pred, n_gold),
        "class_accuracy": accuracy(class_right, len(match.pairs)),
    }
    for gold_name, pred_name in ATTRIBUTES:
        scored = [
            (getattr(g, gold_name), getattr(p, pred_name))
            for _, g, p in match.pairs
            if getattr(g, gold_name) is not None
        ]
        report[gold_name] = accuracy(sum(g == p for g, p in scored), len(scored))
    report |= {
        "anchoring": anchoring,
        "per_class": per_label(
            match, lambda g: g.event_class, lambda g, p: g.event_class == p.event_class
        ),
        "missed_lemmas": top_counts(g.text.lower() for _, g in match.missed),
        "spurious_lemmas": top_counts(p.lemma for _, p in match.spurious),
        "class_confusions": top_counts(
            f"{g.event_class}->{p.event_class}"
            for _, g, p in match.pairs
            if g.event_class != p.event_class
        ),
        "error_kinds": Counter(e["kind"] for e in errors).most_common(),
        "errors": errors,
    }
    return report


def score_anchoring(
    gold_docs: Sequence[TimeMLDocument],
    predictions: Sequence[TimelineResult],
    event_match: CorpusMatch[GoldEvent, Event],
) -> tuple[dict, list[dict]]:
    """Anchoring accuracy over the gold event-in-time links of the texts, and its errors.

    An event can point at one expression only, so links of events linked to several times cap
    the score: ``ceiling`` is the best reachable accuracy (linked events / links).
    ``same_value`` is the lenient share of links whose system event has the gold time's value,
    whatever expression (or the document date) it came from.
    RETURNS (tuple[dict, list[dict]]): the accuracy dict (with ceiling, same_value), one error
        per wrong link.
    """
    timex_match = match_timexes(gold_docs, [r.time_expressions for r in predictions])
    system_event = {(i, g.eid): p for i, g, p in event_match.pairs}
    system_time = {(i, g.tid): p.id for i, g, p in timex_match.pairs}
    correct, same_value, errors = 0, 0, []
    links = [(i, link) for i, doc in enumerate(gold_docs) for link in doc.event_time_links()]
    for index, (eid, tid) in links:
        doc = gold_docs[index]
        gold_event = next(e for e in doc.events if e.eid == eid)
        gold_time = next(t for t in doc.timexes if t.tid == tid)
        event = system_event.get((index, eid))
        time = event.time if event else None
        same_value += bool(time and time.value == gold_time.value)
        kind = _event_time_error(event, system_time.get((index, tid)), gold_time.value)
        if kind is None:
            correct += 1
            continue
        texts = {t.id: t.text for t in predictions[index].time_expressions}
        gold = {"event": gold_event.text, "time": gold_time.text, "value": gold_time.value}
        pred = None
        if event:
            pointed = time.expression if time else None
            pred = {
                "event": event.trigger.text,
                "time": texts.get(pointed),
                "value": time.value if time else None,
            }
        span = (gold_event.start, gold_event.end)
        errors.append(error(kind, doc.doc_id, doc.text, span, gold, pred))
    scores = accuracy(correct, len(links))
    scores["ceiling"] = len({(i, eid) for i, (eid, _) in links}) / len(links) if links else 0.0
    scores["same_value"] = same_value / len(links) if links else 0.0
    return scores, errors


def _event_time_error(event: Event | None, time_id: str | None, gold_value: str) -> str | None:
    """The kind of anchoring error of one gold link, or None when the link is right."""
    pointed = event.time.expression if event and event.time else None
    if event is None:
        return "anchoring: gold event not found"
    if time_id is None:
        return "anchoring: gold time not found"
    if pointed is None:
        return "anchoring: event not anchored to a time expression"
    if pointed == time_id:
        return None
    if event.time.value == gold_value:
        return "anchoring: anchored to another expression with the same value"
    return "anchoring: anchored to another time expression"


def event_errors(
    gold_docs: Sequence[TimeMLDocument], match: CorpusMatch[GoldEvent, Event]
) -> list[dict]:
    """Every error of a matching: missed, spurious, wrong extent, wrong class."""
    errors = []
    for index, g in match.missed:
        doc = gold_docs[index]
        errors.append(error("missed event", doc.doc_id, doc.text, (g.start, g.end), _gold(g), None))
    for index, g, p in match.pairs:
        doc = gold_docs[index]
        kinds = []
        if (g.start, g.end) != (p.trigger.start, p.trigger.end):
            kinds.append("wrong extent")
        if g.event_class != p.event_class:
            kinds.append(f"wrong class {g.event_class}->{p.event_class}")
        errors.extend(
            error(k, doc.doc_id, doc.text, (g.start, g.end), _gold(g), _pred(p)) for k in kinds
        )
    for index, p in match.spurious:
        doc = gold_docs[index]
        span = (p.trigger.start, p.trigger.end)
        errors.append(error("spurious event", doc.doc_id, doc.text, span, None, _pred(p)))
    return errors


def _gold_key(event: GoldEvent) -> SpanKey:
    return SpanKey(((event.start, event.end),))


def _pred_key(event: Event) -> SpanKey:
    return SpanKey(((event.trigger.start, event.trigger.end),))


def _gold(event: GoldEvent) -> dict:
    return {
        "text": event.text,
        "start": event.start,
        "end": event.end,
        "class": event.event_class,
        "tense": event.tense,
        "aspect": event.aspect,
        "polarity": event.polarity,
    }


def _pred(event: Event) -> dict:
    return {
        "text": event.trigger.text,
        "start": event.trigger.start,
        "end": event.trigger.end,
        "lemma": event.lemma,
        "class": event.event_class,
        "tense": event.tense,
        "aspect": event.aspect,
        "polarity": event.polarity,
    }
