"""Event and time-anchor confidence on TempEval-3, calibrated on held-out documents.

``python -m service.evaluate calibration DIR`` parses TimeBank and AQUAINT once and runs the
pipeline on each of K folds with a trigger classifier trained on the other K - 1
(``held_out.fold_splits``), keeping every event whatever its confidence. From these held-out
results it collects, per document:

- events: (the classifier's raw probability, whether the event matches a gold event);
- anchors: (anchoring step, whether the date is right) for the gold events anchored to the gold
  times (``anchoring.gold_event_times``), right when a gold TLINK agrees with the date and none
  contradicts it (``timeline_precision.event_verdict``; undecided links are left out);
- entries: the same for the held-out timeline's own events and dates (end to end).

It fits the event calibration map and the step table on all documents (written to
``service/resources/en/events/`` with ``--write``), reports the expected calibration error
fitted on the even documents and measured on the odd ones and the reverse, and the timeline's
precision at a few thresholds, each half's confidences from the tables fitted on the other.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from time import perf_counter

from service.corpora.timeml import TimeMLDocument
from service.evaluate.anchoring import gold_event_times, gold_triggers
from service.evaluate.calibration import (
    Sample,
    certain,
    cross_half,
    fit_calibration_map,
    fit_named,
    format_cross_half,
    format_named,
    write_calibration_map,
    write_named,
)
from service.evaluate.halves import even_odd
from service.evaluate.held_out import fold_splits, parse_corpus, predict_held_out
from service.evaluate.matching import SpanKey, match_corpus
from service.evaluate.timeline_precision import (
    claimed,
    evaluate_timeline_precision,
    event_time_links,
    event_verdict,
    time_intervals,
    timeline_verdicts,
)
from service.pipeline import DEFAULT_MODEL, TimelineResult
from service.pipeline.lexicon.confidence import (
    ANCHORING_CONFIDENCE_PATH,
    EVENT_CALIBRATION_PATH,
    CalibrationMap,
    NamedConfidence,
)
from service.pipeline.records import Event, EventTime, TimelineEntry
from service.pipeline.timeline import TimelineOptions, assemble

THRESHOLDS = (0.0, 0.4, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85)
"""The timeline thresholds the run measures precision at."""
EVERYTHING = TimelineOptions(min_confidence=0.0)
_PLACED = {"BEFORE": "before", "AFTER": "after"}


def raw_probability(probability: float) -> float:
    """The identity: events keep the classifier's raw probability as their confidence."""
    return probability


def calibrate(
    directory: Path, model: str = DEFAULT_MODEL, limit: int | None = None, folds: int = 5
) -> dict:
    """Collect held-out samples on TempEval-3, fit the tables, measure calibration and precision.

    directory (Path): the TempEval-3 folder holding ``TimeBank/`` and ``AQUAINT/``.
    model (str): spaCy model package. Defaults to ``DEFAULT_MODEL``.
    limit (int | None): documents to read per corpus (None: all). Defaults to None.
    folds (int): K of the K-fold classifier training. Defaults to 5.
    RETURNS (dict): events, anchors, entries (``cross_half`` reports); tables (the event map,
        the step tables fitted on gold anchors and on entries, all on all documents);
        step_counts (gold anchors per step); thresholds
        (threshold -> ``evaluate_timeline_precision`` subsets); documents; seconds.
    """
    started = perf_counter()
    corpus = parse_corpus(directory, model, limit)
    documents = corpus.documents
    splits = fold_splits(len(documents), folds)
    results: dict[int, TimelineResult] = {}
    for _, i, result in predict_held_out(corpus, splits, raw_probability, EVERYTHING):
        results[i] = result
    ordered = [results[i] for i in range(len(documents))]
    events = [event_samples(d, r) for d, r in zip(documents, ordered, strict=True)]
    anchors = [
        anchor_samples(d, gold_event_times(d, doc, gold_triggers(d, doc)))
        for d, doc in zip(documents, corpus.parsed, strict=True)
    ]
    entries = [
        [(e.time.step if e.time else None, v.startswith("agrees")) for e, v in judged(d, r)]
        for d, r in zip(documents, ordered, strict=True)
    ]
    report: dict = {
        "documents": len(documents),
        "events": cross_half(events, fit_calibration_map, raw=float),  # type: ignore[arg-type]
        "anchors": cross_half(anchors, fit_named, raw=certain),
        "entries": cross_half(entries, fit_named, raw=certain),
    }
    report["tables"] = {
        "events": fit_calibration_map([s for doc in events for s in doc]),
        "anchors": fit_named([s for doc in anchors for s in doc]),
        "entries": fit_named([s for doc in entries for s in doc]),
    }
    report["step_counts"] = dict(Counter(str(s) for doc in anchors for s, _ in doc).most_common())
    report["thresholds"] = threshold_precision(documents, ordered, events, anchors)
    report["seconds"] = perf_counter() - started
    return report


def event_samples(gold: TimeMLDocument, result: TimelineResult) -> list[Sample]:
    """(raw probability, matches a gold event) for each event of a held-out result."""
    match = match_corpus([gold.events], [list(result.events)], _gold_key, _event_key)
    matched = {id(p) for _, _, p in match.pairs}
    return [(event.confidence, id(event) in matched) for event in result.events]


def anchor_samples(gold: TimeMLDocument, times: dict[str, EventTime | None]) -> list[Sample]:
    """(anchoring step, date right) for each gold event whose date its gold TLINKs decide."""
    intervals = time_intervals(gold)
    samples: list[Sample] = []
    for event in gold.events:
        time = times.get(event.eid)
        if time is None or time.interval is None:
            continue
        entry = TimelineEntry(time.value or "", time.interval, (), _PLACED.get(time.relation, "on"))  # type: ignore[arg-type]
        days = claimed(entry)
        verdict = event_verdict(event_time_links(gold, event, intervals), days)  # type: ignore[arg-type]
        if verdict.startswith("agrees") or verdict == "contradicted":
            samples.append((time.step, verdict != "contradicted"))
    return samples


def judged(gold: TimeMLDocument, result: TimelineResult) -> list[tuple[Event, str]]:
    """The timeline's events whose date the gold decides (agrees or contradicted)."""
    return [
        (event, verdict)
        for event, verdict in timeline_verdicts(gold, result)
        if verdict.startswith("agrees") or verdict == "contradicted"
    ]


def threshold_precision(
    documents: Sequence[TimeMLDocument],
    results: Sequence[TimelineResult],
    events: Sequence[Sequence[Sample]],
    anchors: Sequence[Sequence[Sample]],
) -> dict[float, dict]:
    """Timeline precision at each of ``THRESHOLDS``, held out: each half's events and times take
    the confidences of the tables fitted on the other half.

    RETURNS (dict[float, dict]): threshold -> ``evaluate_timeline_precision`` subsets.
    """
    tables: dict[int, tuple[CalibrationMap, NamedConfidence]] = {}
    halves = even_odd(len(documents))
    for (_, train), (_, judged_on) in zip(halves, halves[::-1], strict=True):
        fitted = (
            fit_calibration_map([s for i in train for s in events[i]]),
            fit_named([s for i in train for s in anchors[i]]),
        )
        tables |= dict.fromkeys(judged_on, fitted)
    confident = [
        [_with_confidence(e, *tables[i]) for e in result.events] for i, result in enumerate(results)
    ]
    report = {}
    for threshold in THRESHOLDS:
        options = TimelineOptions(min_confidence=threshold)
        rebuilt = [
            _reassembled(result, found, options)
            for result, found in zip(results, confident, strict=True)
        ]
        report[threshold] = evaluate_timeline_precision(documents, rebuilt)["subsets"]
    return report


def _with_confidence(event: Event, events: CalibrationMap, steps: NamedConfidence) -> Event:
    time = replace(event.time, confidence=steps(event.time.step)) if event.time else None
    return replace(event, confidence=events(event.confidence), time=time)


def _reassembled(
    result: TimelineResult, events: list[Event], options: TimelineOptions
) -> TimelineResult:
    decided, timeline = assemble(
        events, result.time_expressions, result.document.document_date, options
    )
    return replace(result, events=tuple(decided), timeline=tuple(timeline))


def _gold_key(event) -> SpanKey:  # noqa: ANN001 (a gold event)
    return SpanKey(((event.start, event.end),))


def _event_key(event: Event) -> SpanKey:
    return SpanKey(((event.trigger.start, event.trigger.end),))


def write_tables(report: dict, folds: int) -> list[Path]:
    """Write the event calibration map and the step table fitted on all documents."""
    events, anchors = report["tables"]["events"], report["tables"]["anchors"]
    source = f"TempEval-3 TimeBank + AQUAINT, {report['documents']} documents"
    write_calibration_map(
        EVENT_CALIBRATION_PATH,
        events,
        [
            "Event confidence: the trigger classifier's event probability (bin upper bound) ->",
            "the share of candidates in that bin that are gold events (pool-adjacent violators",
            f"over {len(events.bounds)} bins), on held-out predictions ({folds}-fold classifiers,",
            f"{source}). Written by `python -m service.evaluate calibration DIR --write`.",
        ],
    )
    write_named(
        ANCHORING_CONFIDENCE_PATH,
        anchors,
        report["step_counts"],
        [
            "Time anchor confidence: anchoring step -> share of the gold events it dated right",
            "(gold events and times; right when a gold TLINK agrees with the date and none",
            f"contradicts it), shrunk towards the pooled share (`*`, any other step); {source}.",
            "Written by `python -m service.evaluate calibration DIR --write`.",
        ],
    )
    return [EVENT_CALIBRATION_PATH, ANCHORING_CONFIDENCE_PATH]


def format_calibration(report: dict) -> str:
    """The calibration errors and the timeline precision at each threshold."""
    rule = "-" * 72
    lines = [f"CONFIDENCE on TempEval-3 ({report['documents']} documents), held out", rule]
    lines += format_cross_half({what: report[what] for what in ("events", "anchors", "entries")})
    tables = report["tables"]
    lines += [rule, "Anchoring steps, gold events and times: " + format_named(tables["anchors"])]
    lines.append(
        "Anchoring steps, timeline entries (end to end): " + format_named(tables["entries"])
    )
    events = report["tables"]["events"]
    pairs = zip(events.bounds, events.values, strict=True)
    lines.append("Event map: " + ", ".join(f"<={b:g}: {v:.2f}" for b, v in pairs))
    lines += [rule, f"{'threshold':<10}" + "".join(f"{h:>22}" for h in ("all", "even", "odd"))]
    lines.append(f"{'':<10}" + f"{'events decided agree':>22}" * 3)
    for threshold, subsets in report["thresholds"].items():
        cells = []
        for half in ("all", "even", "odd"):
            part = subsets[half]
            shares = part["shares"]
            agree = shares["agrees (value)"] + shares["agrees (relation)"]
            cells.append(f"{part['events']:>8}{part['decided']:>8.3f}{agree:>6.3f}")
        lines.append(f"{threshold:<10}" + "".join(cells))
    lines.append(f"{rule}\nTiming: {report['seconds']:.0f} s")
    return "\n".join(lines)
