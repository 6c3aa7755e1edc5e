"""SemEval-2015 task 4 timelines per half of the documents, and how much of them is noise.

Each half (documents in sorted path order, even and odd positions) is a story of its own: the
actor timelines are built from its documents only and scored against the gold lines restricted
to the mentions in its documents. Noise is measured on the system's lines: the share whose every
event is of class REPORTING, a light verb (:data:`LIGHT_VERBS`), or either, and how many of those
lines are matched to a gold line (what dropping them would cost).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from service.corpora.semeval import GoldTimeline, TimelineDocument
from service.evaluate.halves import per_half
from service.evaluate.timelines import (
    actor_timelines,
    entry_line,
    evaluate_timelines,
    match_lines,
    system_lines,
)
from service.pipeline.records import ActorTimeline, Event, TimelineResult

LIGHT_VERBS = frozenset({"say", "do", "make", "have", "take", "get", "give", "come", "go", "want"})
"""Lemmas counted as light verbs. The measure keeps its own fixed list, since the pipeline has no
light-verb list (``story/generic_triggers.txt`` serves coreference and may change), so that the
figure stays comparable across rule changes."""
NOISE_KINDS = ("reporting", "light", "either")


def restrict(timeline: GoldTimeline, doc_ids: set[str]) -> GoldTimeline:
    """The gold timeline keeping only mentions in the given documents (emptied lines dropped)."""
    lines = []
    for line in timeline.lines:
        mentions = tuple(m for m in line.mentions if m.split("-", 1)[0] in doc_ids)
        if mentions:
            lines.append(replace(line, mentions=mentions))
    return replace(timeline, lines=tuple(lines))


def noise_kind(events: Sequence[Event]) -> set[str]:
    """The noise kinds every one of the events shares ("either": each is one or the other)."""
    kinds = set()
    if all(e.event_class == "REPORTING" for e in events):
        kinds.add("reporting")
    if all(e.lemma.lower() in LIGHT_VERBS for e in events):
        kinds.add("light")
    if all(e.event_class == "REPORTING" or e.lemma.lower() in LIGHT_VERBS for e in events):
        kinds.add("either")
    return kinds


def noise(
    gold: Sequence[GoldTimeline],
    timelines: Sequence[ActorTimeline],
    documents: dict[str, TimelineDocument],
    results: dict[str, TimelineResult],
) -> dict:
    """Count the system lines of each noise kind, and those of them matched to a gold line.

    RETURNS (dict): lines, and for each of :data:`NOISE_KINDS` its lines, share and matched.
    """
    events = {(d, e.id): e for d, r in results.items() for e in r.events}
    counts = {"lines": 0} | {kind: {"lines": 0, "matched": 0} for kind in NOISE_KINDS}
    for timeline, actor in zip(gold, timelines, strict=True):
        entries = [
            (line, entry) for entry in actor.entries if (line := entry_line(entry, documents))
        ]
        matched = {s for _, s in match_lines(timeline.lines, [line for line, _ in entries])}
        counts["lines"] += len(entries)
        for index, (_, entry) in enumerate(entries):
            for kind in noise_kind([events[m.document, m.event] for m in entry.mentions]):
                counts[kind]["lines"] += 1
                counts[kind]["matched"] += index in matched
    for kind in NOISE_KINDS:
        counts[kind]["share"] = counts[kind]["lines"] / counts["lines"] if counts["lines"] else 0.0
    return counts


def score_subset(
    documents: Sequence[TimelineDocument],
    results: Sequence[TimelineResult],
    gold: Sequence[GoldTimeline],
) -> dict:
    """Build and score the timelines of some documents against the gold restricted to them.

    RETURNS (dict): an :func:`evaluate_timelines` report with its ``noise`` counts and the
        ``system_lines`` of each gold timeline.
    """
    ids = {d.doc_id for d in documents}
    restricted = [restrict(t, ids) for t in gold]
    by_id = {d.doc_id: d for d in documents}
    timelines = actor_timelines(documents, results, restricted)
    lines = [system_lines(t, by_id) for t in timelines]
    report = evaluate_timelines(restricted, lines, documents)
    report["documents"] = len(documents)
    by_document = {d.doc_id: r for d, r in zip(documents, results, strict=True)}
    report["noise"] = noise(restricted, timelines, by_id, by_document)
    report["system_lines"] = lines
    return report


def timelines_by_half(
    documents: Sequence[TimelineDocument],
    results: Sequence[TimelineResult],
    gold: Sequence[GoldTimeline],
) -> dict[str, dict]:
    """:func:`score_subset` of all documents, of the even half and of the odd half."""
    return per_half(
        len(documents),
        lambda kept: score_subset([documents[i] for i in kept], [results[i] for i in kept], gold),
    )


def format_halves(reports: dict[str, dict]) -> str:
    """Event P/R/F1, date accuracy, ordering F1 and noise shares of each subset, one a line."""
    lines = [
        "TIMELINES per half (each half a story of its own; noise: system lines whose every event"
        " is REPORTING / a light verb / either, matched = of those, lines matched to gold)",
        f"{'':<6}{'docs':>5}{'event P':>9}{'R':>7}{'F1':>7}{'dates':>7}{'order F1':>9}"
        f"{'lines':>7}{'report.':>9}{'light':>7}{'either':>8}{'matched':>9}",
    ]
    for name, r in reports.items():
        events, n = r["events"], r["noise"]
        lines.append(
            f"{name:<6}{r['documents']:>5}{events['precision']:>9.3f}{events['recall']:>7.3f}"
            f"{events['f1']:>7.3f}{r['dates']['accuracy']:>7.3f}{r['ordering']['f1']:>9.3f}"
            f"{n['lines']:>7}{n['reporting']['share']:>9.3f}{n['light']['share']:>7.3f}"
            f"{n['either']['share']:>8.3f}{n['either']['matched']:>6}/{n['either']['lines']:<3}"
        )
    return "\n".join(lines)
