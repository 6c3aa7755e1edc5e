"""Pronoun and nominal resolution against MEANTIME's entity coreference (REFERS_TO).

An item is a system actor in the annotated sentences that overlaps a gold pronoun or nominal
mention (syntactic type ``RESOLVED_TYPES``: "he", "its", "the company") whose instance has
another mention. The events stage resolves it (:mod:`service.pipeline.events.referents`); it is
right when one mention of the entity it chose overlaps another gold mention of that instance.
Precision is right / resolved, recall right / items.
"""

from __future__ import annotations

from collections.abc import Sequence

from service.corpora.meantime import GoldEntityMention, MeantimeDocument
from service.evaluate.halves import per_half
from service.evaluate.matching import overlap
from service.evaluate.scoring import prf
from service.pipeline.records import TimelineResult
from service.pipeline.story.participants import event_participants

RESOLVED_TYPES = frozenset({"PRO", "NOM"})
"""MEANTIME syntactic types of the mentions scored: pronouns and common-noun phrases."""


def resolution_counts(doc: MeantimeDocument, result: TimelineResult) -> tuple[int, int, int]:
    """(right, resolved, items) of one document (see the module docstring)."""
    by_instance: dict[str, list[GoldEntityMention]] = {}
    for mention in doc.entity_mentions:
        if mention.instance:
            by_instance.setdefault(mention.instance, []).append(mention)
    spans = {e.id: [(m.start, m.end) for m in e.mentions] for e in result.entities}
    participants = event_participants(result)
    right = resolved = items = 0
    seen: set[tuple[int, int]] = set()
    for event in result.events:
        if event.trigger.start >= doc.annotated_end:
            continue
        for actor, participant in zip(event.actors, participants[event.id], strict=True):
            span = (actor.start, actor.end)
            gold = _gold_mention(doc, span, by_instance)
            if gold is None or span in seen:
                continue
            seen.add(span)
            items += 1
            if participant.entity is None:
                continue
            resolved += 1
            others = [m for m in by_instance[gold.instance] if m is not gold]
            right += any(
                overlap(system, (m.start, m.end))
                for system in spans.get(participant.entity, [])
                for m in others
            )
    return right, resolved, items


def _gold_mention(
    doc: MeantimeDocument, span: tuple[int, int], by_instance: dict[str, list[GoldEntityMention]]
) -> GoldEntityMention | None:
    """The gold pronoun or nominal an actor overlaps whose instance has another mention."""
    return next(
        (
            m
            for m in doc.entity_mentions
            if m.syntactic_type in RESOLVED_TYPES
            and len(by_instance.get(m.instance, ())) > 1
            and overlap(span, (m.start, m.end))
        ),
        None,
    )


def evaluate_resolution(
    docs: Sequence[MeantimeDocument], results: Sequence[TimelineResult]
) -> dict[str, dict]:
    """Resolution P/R/F1 of all documents and of each half (see the module docstring).

    RETURNS (dict[str, dict]): "all", "even", "odd", each a ``prf`` dict with ``documents``.
    """
    counts = [resolution_counts(d, r) for d, r in zip(docs, results, strict=True)]

    def score(kept: list[int]) -> dict:
        right, resolved, items = (sum(counts[i][k] for i in kept) for k in range(3))
        return prf(right, resolved, items) | {"documents": len(kept)}

    return per_half(len(docs), score)


def format_resolution(reports: dict[str, dict]) -> str:
    """One line per subset: P, R, F1 and right / resolved / items."""
    lines = [
        "PRONOUN AND NOMINAL RESOLUTION (MEANTIME REFERS_TO; P = right / resolved, R = right / "
        "items)",
        f"{'':<6}{'docs':>5}{'P':>8}{'R':>8}{'F1':>8}   right / resolved / items",
    ]
    for name, r in reports.items():
        lines.append(
            f"{name:<6}{r['documents']:>5}{r['precision']:>8.3f}{r['recall']:>8.3f}"
            f"{r['f1']:>8.3f}   {r['correct']} / {r['predicted']} / {r['gold']}"
        )
    return "\n".join(lines)
