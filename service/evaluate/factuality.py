"""Event factuality against MEANTIME (CAT XML): is a negated, possible or future event flagged?

MEANTIME annotates events only in the title and sentences 0 to 5; system events outside them are
left out. The gold class of an event mention is, in this order: ``negated`` (polarity NEG),
``possible`` (certainty POSSIBLE or PROBABLE), ``future`` (time FUTURE), else ``asserted``.
Mentions the annotators left without any of the three attributes (composite mentions such as
"releases ... announces" in a title) are not scored.

A system event matches a gold mention one-to-one when its trigger overlaps the mention's span
(first to last anchor token) and one of the mention's anchor tokens.

The service's ``reported`` (an event inside what a reporting verb reports) counts as
``asserted``: the timeline shows what happened or is reported as having happened, and the gold
has no such class. The "not asserted" flag is a system factuality of negated, possible or future;
it is scored against the gold's not-asserted classes on matched events.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from service.corpora.meantime import GoldFactuality, MeantimeDocument
from service.evaluate.halves import per_half
from service.evaluate.matching import SpanKey, match_corpus, overlap
from service.evaluate.report import format_errors, format_timing
from service.evaluate.scoring import accuracy, error, prf
from service.pipeline.records import Event
from service.pipeline.vocabulary import FACTUALITIES

GOLD_CLASSES = ("asserted", "negated", "possible", "future")
"""The gold classes, asserted first."""
FLAGGED = frozenset({"negated", "possible", "future"})
"""The classes that raise the "not asserted" flag, on either side."""
AS_GOLD = {"reported": "asserted"}
"""A system factuality the gold lacks -> the gold class it counts as."""


def gold_class(mention: GoldFactuality) -> str | None:
    """The gold class of a mention, or None when it has no factuality attribute at all."""
    if not (mention.polarity or mention.certainty or mention.time):
        return None
    if mention.polarity == "NEG":
        return "negated"
    if mention.certainty in ("POSSIBLE", "PROBABLE"):
        return "possible"
    if mention.time == "FUTURE":
        return "future"
    return "asserted"


def evaluate_factuality(
    gold_docs: Sequence[MeantimeDocument], predictions: Sequence[Sequence[Event]]
) -> dict:
    """Score system factuality on every document, and on the even and odd halves.

    gold_docs (Sequence[MeantimeDocument]): the gold documents, in reading order.
    predictions (Sequence[Sequence[Event]]): the system events of each document.
    RETURNS (dict): "all", "even" and "odd" (:func:`score_factuality` reports), and the errors
        and error_kinds of all documents.
    """
    reports = per_half(
        len(gold_docs),
        lambda kept: score_factuality([gold_docs[i] for i in kept], [predictions[i] for i in kept]),
    )
    everything = reports["all"]
    return {
        **reports,
        "errors": everything.pop("errors"),
        "error_kinds": everything.pop("error_kinds"),
    }


def score_factuality(
    gold_docs: Sequence[MeantimeDocument], predictions: Sequence[Sequence[Event]]
) -> dict:
    """Factuality figures of some documents.

    RETURNS (dict): documents, events (matching P/R/F1), accuracy (on matched events, reported as
        asserted), flag (P/R/F1 of "not asserted" on matched events), confusion (gold class ->
        system factuality -> count), error_kinds and errors.
    """
    gold = [[m for m in doc.factuality if gold_class(m)] for doc in gold_docs]
    pred = [
        [e for e in events if e.trigger.start < doc.annotated_end]
        for doc, events in zip(gold_docs, predictions, strict=True)
    ]
    match = match_corpus(gold, pred, _gold_key, _pred_key)
    pairs = [(i, g, p) for i, g, p in match.pairs if _on_a_token(g, p)]
    confusion = {name: dict.fromkeys(FACTUALITIES, 0) for name in GOLD_CLASSES}
    errors = []
    for index, mention, event in pairs:
        expected, found = gold_class(mention), event.factuality
        confusion[expected][found] += 1  # type: ignore[index]
        if expected != AS_GOLD.get(found, found):
            doc = gold_docs[index]
            span = (event.trigger.start, event.trigger.end)
            pred = {"event": event.trigger.text, "factuality": found}
            gold_side = {
                "class": expected,
                "polarity": mention.polarity,
                "certainty": mention.certainty,
                "time": mention.time,
            }
            kind = f"{expected}->{found}"
            errors.append(error(kind, doc.doc_id, doc.text, span, gold_side, pred))
    right = sum(gold_class(g) == AS_GOLD.get(p.factuality, p.factuality) for _, g, p in pairs)
    flagged_right = sum(gold_class(g) in FLAGGED and p.factuality in FLAGGED for _, g, p in pairs)
    return {
        "documents": len(gold_docs),
        "events": prf(len(pairs), match.predicted, match.gold),
        "accuracy": accuracy(right, len(pairs)),
        "flag": prf(
            flagged_right,
            sum(p.factuality in FLAGGED for _, _, p in pairs),
            sum(gold_class(g) in FLAGGED for _, g, _ in pairs),
        ),
        "confusion": confusion,
        "error_kinds": Counter(e["kind"] for e in errors).most_common(),
        "errors": errors,
    }


def _on_a_token(mention: GoldFactuality, event: Event) -> bool:
    trigger = (event.trigger.start, event.trigger.end)
    return any(overlap(trigger, span) for span in mention.spans)


def _gold_key(mention: GoldFactuality) -> SpanKey:
    return SpanKey(((mention.spans[0][0], max(end for _, end in mention.spans)),))


def _pred_key(event: Event) -> SpanKey:
    return SpanKey(((event.trigger.start, event.trigger.end),))


def format_factuality(report: dict, timing: dict | None = None, kinds: int = 10) -> str:
    """The figures of all documents and of each half, the confusion table of all, the errors."""
    rule = "-" * 72
    lines = [
        "FACTUALITY (MEANTIME, title and sentences 0-5; reported counts as asserted)",
        rule,
        f"{'documents':<10}{'docs':>5}{'matched':>9}{'accuracy':>10}"
        f"{'flag P':>8}{'flag R':>8}{'flag F1':>8}   flagged right / system / gold",
    ]
    for name in ("all", "even", "odd"):
        part = report[name]
        flag = part["flag"]
        lines.append(
            f"{name:<10}{part['documents']:>5}{part['accuracy']['total']:>9}"
            f"{part['accuracy']['accuracy']:>10.3f}{flag['precision']:>8.3f}{flag['recall']:>8.3f}"
            f"{flag['f1']:>8.3f}   {flag['correct']} / {flag['predicted']} / {flag['gold']}"
        )
    events = report["all"]["events"]
    lines.append(
        f"gold mentions matched: {events['correct']} of {events['gold']} "
        f"({events['recall']:.3f}); system events in the annotated sentences: {events['predicted']}"
    )
    lines.append("confusion (all): gold class \\ system factuality")
    lines.append(f"{'':<10}" + "".join(f"{name:>10}" for name in FACTUALITIES))
    for name, row in report["all"]["confusion"].items():
        lines.append(f"{name:<10}" + "".join(f"{row[f]:>10}" for f in FACTUALITIES))
    lines += [rule, *format_errors(report, kinds)]
    if timing:
        lines += [rule, *format_timing(timing)]
    return "\n".join(lines)
