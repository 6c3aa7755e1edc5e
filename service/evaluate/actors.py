"""Event participants against MEANTIME: (event, role, participant) triples, agent and patient."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from service.corpora.meantime import GoldParticipant, MeantimeDocument
from service.evaluate.calibration import (
    Sample,
    certain,
    cross_half,
    fit_named,
    format_cross_half,
    format_named,
    write_named,
)
from service.evaluate.halves import per_half
from service.evaluate.matching import CorpusMatch, SpanKey, match_corpus, overlap, spans_overlap
from service.evaluate.scoring import error, prf
from service.pipeline.lexicon.confidence import ROLE_CONFIDENCE_PATH
from service.pipeline.records import Actor, Event

PROPBANK_ROLES: dict[str, str] = {"Arg0": "agent", "Arg1": "patient"}
"""PropBank role of the gold -> actor role of the system, for the roles scored."""
ROLE_EVIDENCE: dict[str, frozenset[str] | None] = {
    "agent": frozenset({"Arg0"}),
    "patient": frozenset({"Arg1"}),
    "recipient": frozenset({"Arg2"}),
    "location": frozenset({"Argm-LOC"}),
    "other": None,
}
"""Actor role -> the gold PropBank roles that confirm a link in it (None: any role)."""


@dataclass(frozen=True)
class SystemTriple:
    """A system event and one of its actors."""

    event: Event
    actor: Actor


def system_triples(doc: MeantimeDocument, events: Sequence[Event]) -> list[SystemTriple]:
    """The scored triples of a document: scored roles, events in the annotated sentences, actors
    written as the event's arguments (MEANTIME links an understood subject to the verb it is
    written for, not to the infinitive or participle that shares it)."""
    return [
        SystemTriple(event, actor)
        for event in events
        if event.trigger.start < doc.annotated_end
        for actor in event.actors
        if actor.role in PROPBANK_ROLES.values() and not actor.understood
    ]


def evaluate_actors(
    gold_docs: Sequence[MeantimeDocument], predictions: Sequence[Sequence[Event]]
) -> dict:
    """Score (event, role, participant) triples against MEANTIME HAS_PARTICIPANT relations.

    A system triple is right (one-to-one) when the roles agree (Arg0 = agent, Arg1 = patient),
    its trigger overlaps the gold event mention and its actor overlaps the gold participant.
    System events outside the annotated sentences are left out.

    gold_docs (Sequence[MeantimeDocument]): the gold documents.
    predictions (Sequence[Sequence[Event]]): system events per document.
    RETURNS (dict): documents, all, agent, patient (P/R/F1 dicts), error_kinds and errors.
    """
    gold = [[p for p in doc.participants if p.role in PROPBANK_ROLES] for doc in gold_docs]
    pred = [system_triples(doc, events) for doc, events in zip(gold_docs, predictions, strict=True)]
    match = match_corpus(gold, pred, _gold_key, _pred_key)
    report: dict = {
        "documents": len(gold_docs),
        "all": prf(len(match.pairs), match.predicted, match.gold),
    }
    for role in PROPBANK_ROLES.values():
        report[role] = prf(
            sum(t.actor.role == role for _, _, t in match.pairs),
            sum(t.actor.role == role for triples in pred for t in triples),
            sum(PROPBANK_ROLES[p.role] == role for participants in gold for p in participants),
        )
    errors = actor_errors(gold_docs, predictions, match)
    report["error_kinds"] = Counter(e["kind"] for e in errors).most_common()
    report["errors"] = errors
    return report


def actors_by_half(
    gold_docs: Sequence[MeantimeDocument], predictions: Sequence[Sequence[Event]]
) -> dict[str, dict]:
    """:func:`evaluate_actors` of all documents, of the even half and of the odd half (documents
    in sorted path order, by position: see :mod:`service.evaluate.halves`)."""
    return per_half(
        len(gold_docs),
        lambda kept: evaluate_actors([gold_docs[i] for i in kept], [predictions[i] for i in kept]),
    )


def actor_errors(
    gold_docs: Sequence[MeantimeDocument],
    predictions: Sequence[Sequence[Event]],
    match: CorpusMatch[GoldParticipant, SystemTriple],
) -> list[dict]:
    """Every error: missed triples (was the event found?), wrong role, duplicate, and spurious
    triples, told apart by what the gold has for their event: no event mention ("event not
    annotated"), an event without a participant in that role ("no gold <role>"), or one with
    another participant in it (plain "spurious <role>")."""
    errors = []
    for index, g in match.missed:
        doc = gold_docs[index]
        found = any(
            overlap((g.event_start, g.event_end), (e.trigger.start, e.trigger.end))
            for e in predictions[index]
        )
        kind = f"missed {PROPBANK_ROLES[g.role]} ({'event found' if found else 'event missed'})"
        span = (g.event_start, g.event_end)
        errors.append(error(kind, doc.doc_id, doc.text, span, _gold(doc, g), None))
    for index, t in match.spurious:
        doc = gold_docs[index]
        other = next(
            (g for g in doc.participants if spans_overlap(_gold_key(g), _pred_key(t))), None
        )
        kind = _spurious_kind(other, t.actor.role) if other else _unmatched_kind(doc, t)
        span = (t.event.trigger.start, t.event.trigger.end)
        gold_side = _gold(doc, other) if other else None
        errors.append(error(kind, doc.doc_id, doc.text, span, gold_side, _pred(t)))
    return errors


def _spurious_kind(gold: GoldParticipant, role: str) -> str:
    if PROPBANK_ROLES.get(gold.role) == role:
        return f"duplicate {role}"
    return f"wrong role {gold.role}->{role}"


def _unmatched_kind(doc: MeantimeDocument, triple: SystemTriple) -> str:
    """The kind of a spurious triple whose participant overlaps no gold one of its event."""
    role = triple.actor.role
    trigger = (triple.event.trigger.start, triple.event.trigger.end)
    if not any(overlap(trigger, (e.start, e.end)) for e in doc.events):
        return f"spurious {role} (event not annotated)"
    same_event = (p for p in doc.participants if overlap(trigger, (p.event_start, p.event_end)))
    if not any(PROPBANK_ROLES.get(p.role) == role for p in same_event):
        return f"spurious {role} (no gold {role})"
    return f"spurious {role}"


def _gold_key(participant: GoldParticipant) -> SpanKey:
    spans = ((participant.event_start, participant.event_end), (participant.start, participant.end))
    return SpanKey(spans, PROPBANK_ROLES.get(participant.role, participant.role))


def _pred_key(triple: SystemTriple) -> SpanKey:
    event, actor = triple.event, triple.actor
    return SpanKey(((event.trigger.start, event.trigger.end), (actor.start, actor.end)), actor.role)


def _gold(doc: MeantimeDocument, participant: GoldParticipant) -> dict:
    return {
        "event": doc.text[participant.event_start : participant.event_end],
        "role": participant.role,
        "participant": doc.text[participant.start : participant.end],
    }


def _pred(triple: SystemTriple) -> dict:
    return {
        "event": triple.event.trigger.text,
        "role": triple.actor.role,
        "participant": triple.actor.text,
    }


def link_samples(doc: MeantimeDocument, events: Sequence[Event]) -> list[Sample]:
    """(role rule, right) for each actor link of a system event that is a gold event mention of
    the annotated sentences: right when a gold participant of that mention overlaps the actor in
    a role ``ROLE_EVIDENCE`` accepts. Links of events the gold does not have are left out: an
    actor link's confidence presumes its event is real (the event's own confidence says that).
    Understood subjects are left out too: MEANTIME does not link them, so their rule's confidence
    is the one it earns on written arguments.
    """
    samples: list[Sample] = []
    for event in events:
        trigger = (event.trigger.start, event.trigger.end)
        if event.trigger.start >= doc.annotated_end or not any(
            overlap(trigger, (e.start, e.end)) for e in doc.events
        ):
            continue
        gold = [p for p in doc.participants if overlap(trigger, (p.event_start, p.event_end))]
        for actor in (a for a in event.actors if not a.understood):
            roles = ROLE_EVIDENCE[actor.role]
            right = any(
                overlap((actor.start, actor.end), (p.start, p.end))
                and (roles is None or p.role in roles)
                for p in gold
            )
            samples.append((actor.rule, right))
    return samples


def calibrate_actors(
    gold_docs: Sequence[MeantimeDocument], predictions: Sequence[Sequence[Event]]
) -> dict:
    """Each role rule's precision (``link_samples``), fitted on all documents and held out.

    RETURNS (dict): links (``cross_half`` report), table (rule -> confidence, all documents),
        counts (rule -> links).
    """
    samples = [link_samples(d, events) for d, events in zip(gold_docs, predictions, strict=True)]
    pooled = [s for found in samples for s in found]
    return {
        "links": cross_half(samples, fit_named, raw=certain),
        "table": fit_named(pooled),
        "counts": dict(Counter(str(rule) for rule, _ in pooled).most_common()),
    }


def format_actor_calibration(report: dict) -> str:
    """The held-out calibration error of the actor links and the rule table."""
    lines = ["ACTOR LINK CONFIDENCE (role rule precision), held out", "-" * 72]
    lines += format_cross_half({"links": report["links"]})
    lines.append("Rules (all documents): " + format_named(report["table"]))
    return "\n".join(lines)


def write_actor_confidence(report: dict, documents: int) -> None:
    """Write the rule -> confidence table fitted on all documents."""
    write_named(
        ROLE_CONFIDENCE_PATH,
        report["table"],
        report["counts"],
        [
            "Actor link confidence: role rule (roles.tsv) -> share of its links, of events that",
            "are gold event mentions, whose actor is a gold participant of that mention in a role",
            "that fits (agent Arg0, patient Arg1, recipient Arg2, location Argm-LOC, other any),",
            "shrunk towards the pooled share (`*`, any other rule); MEANTIME Apple, sentences",
            f"0-5, {documents} documents. Written by `python -m service.evaluate actors DIR",
            "--write-confidence`.",
        ],
    )
