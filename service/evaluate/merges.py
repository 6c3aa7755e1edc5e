"""Story merge confidence on the SemEval-2015 task 4 trial data: are merged mentions one event?

``python -m service.evaluate timelines DIR`` also builds the story of all documents and takes
each story event of several mentions, at least two of them (distinct task ids) gold timeline
mentions: it is right when one gold line holds them all (a gold line's mentions are one event).
Its score is that of the weakest merge that joined it (``story.coreference``). Each band of
``BANDS`` gets the share of its story events that are right, shrunk towards the pooled share
and made non-decreasing (pool-adjacent violators); ``--write-confidence`` writes the bands to
``service/resources/en/story/merge_confidence.tsv``. The calibration error is measured on every
other story event, the bands fitted on the rest, both ways. The coreference rules were tuned on
this same trial data: the figures are not held out from the rules, only from the fit.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from service.corpora.semeval import GoldTimeline, TimelineDocument
from service.evaluate.calibration import (
    SHRINK,
    Sample,
    cross_half,
    format_cross_half,
    pool_adjacent_violators,
    write_rows,
)
from service.pipeline.lexicon.confidence import MERGE_CONFIDENCE_PATH, ScoreBands
from service.pipeline.records import TimelineResult
from service.pipeline.story.build import story_clusters
from service.pipeline.story.coreference import MERGE_THRESHOLD

BANDS = (MERGE_THRESHOLD, 1.5, 2.0, 2.5)
"""Lower bounds of the merge score bands."""


def merge_samples(
    documents: Sequence[TimelineDocument],
    results: Sequence[TimelineResult],
    gold: Sequence[GoldTimeline],
) -> list[Sample]:
    """(weakest merge score, one gold line holds its gold mentions) per judged story event."""
    lines: dict[str, set[tuple[int, int]]] = {}
    for t, timeline in enumerate(gold):
        for n, line in enumerate(timeline.lines):
            for mention in line.mentions:
                lines.setdefault(mention, set()).add((t, n))
    by_id = {d.doc_id: d for d in documents}
    pairs = [(d.doc_id, r) for d, r in zip(documents, results, strict=True)]
    samples: list[Sample] = []
    for mentions, weakest in story_clusters(pairs):
        ids = {by_id[m.document].mention_id(m.start, m.end) for m in mentions}
        found = [lines[i] for i in ids if i in lines]
        if len(mentions) > 1 and len(found) > 1:
            samples.append((weakest, bool(set.intersection(*found))))
    return samples


def fit_bands(samples: Sequence[Sample], shrink: float = SHRINK) -> ScoreBands:
    """Each band's share of right story events, shrunk towards the pooled share, non-decreasing.

    samples (Sequence[Sample]): (weakest merge score, right) pairs.
    shrink (float): pseudo-samples at the pooled share per band. Defaults to ``SHRINK``.
    RETURNS (ScoreBands): ``BANDS`` -> confidence.
    """
    if not samples:
        raise ValueError("no samples to fit merge bands on")
    pooled = sum(h for _, h in samples) / len(samples)
    counts, rights = [0] * len(BANDS), [0] * len(BANDS)
    for score, right in samples:
        band = max(bisect_right(BANDS, float(score)) - 1, 0)  # type: ignore[arg-type]
        counts[band] += 1
        rights[band] += right
    shares = [(r + shrink * pooled) / (n + shrink) for r, n in zip(rights, counts, strict=True)]
    fitted = pool_adjacent_violators(shares, [n + shrink for n in counts])
    return ScoreBands(BANDS, tuple(round(v, 3) for v in fitted))


def calibrate_merges(
    documents: Sequence[TimelineDocument],
    results: Sequence[TimelineResult],
    gold: Sequence[GoldTimeline],
) -> dict:
    """The merge bands fitted on all judged story events, and the calibration error held out.

    RETURNS (dict): samples, merges (``cross_half`` report over story events), table (None
        when no story event could be judged).
    """
    samples = merge_samples(documents, results, gold)
    if not samples:
        return {"samples": 0, "merges": {}, "table": None}
    return {
        "samples": len(samples),
        "merges": cross_half([[s] for s in samples], fit_bands),
        "table": fit_bands(samples),
    }


def format_merge_calibration(report: dict) -> str:
    """The held-out calibration error of the merges and the band table."""
    table = report["table"]
    if table is None:
        return "STORY MERGE CONFIDENCE: no story event of several gold mentions to judge"
    bands = ", ".join(
        f">={lower:g}: {value:.2f}" for lower, value in zip(table.lower, table.values, strict=True)
    )
    lines = ["STORY MERGE CONFIDENCE (weakest merge score bands)", "-" * 72]
    lines += format_cross_half({"merges": report["merges"]})
    lines.append(f"Bands ({report['samples']} story events): {bands}")
    return "\n".join(lines)


def write_merge_confidence(report: dict, documents: int) -> None:
    """Write the merge bands fitted on all judged story events (none: nothing to write)."""
    table = report["table"]
    if table is None:
        raise ValueError("no story event could be judged: the merge bands stay as they are")
    header = [
        "Story merge confidence: the score of a story event's weakest merge (lower bound of",
        "its band) -> share of such story events whose gold mentions one gold timeline line",
        "holds, shrunk towards the pooled share, non-decreasing; a single mention is 1.0.",
        f"SemEval-2015 task 4 trial data, {documents} documents, {report['samples']} story",
        "events (the data the coreference rules were tuned on). Written by",
        "`python -m service.evaluate timelines DIR --write-confidence`.",
    ]
    rows = [
        f"{lower:g}\t{value:.3f}" for lower, value in zip(table.lower, table.values, strict=True)
    ]
    write_rows(MERGE_CONFIDENCE_PATH, header, rows)
