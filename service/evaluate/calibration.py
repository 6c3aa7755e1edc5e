"""Calibration: fit confidence tables on held-out samples and measure how well they are calibrated.

A sample is (what a confidence is read from, whether the output was right): the classifier's
raw probability of an event, or the name of the anchoring step or role rule that produced an
output. :func:`fit_calibration_map` fits a monotone map over probability bins (pool-adjacent
violators, weighted by each bin's samples); :func:`fit_named` takes each name's share of right
outputs, shrunk towards the pooled share when a name has few samples. :func:`cross_half` fits on
the even documents and measures the expected calibration error (:func:`expected_calibration_error`,
10 equal bins) on the odd ones, and the reverse.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from pathlib import Path

import numpy as np

from service.evaluate.halves import even_odd
from service.pipeline.lexicon.confidence import POOLED, CalibrationMap, NamedConfidence

Sample = tuple[Hashable, bool]
"""(a raw probability or a name, whether the output was right)."""
MAP_BINS = 20
"""Equal-width probability bins of a calibration map."""
ECE_BINS = 10
SHRINK = 5.0
"""Pseudo-samples at the pooled share added to each name's: a name seen 5 times is half pooled."""


def certain(key: Hashable) -> float:
    """The confidence before calibration of an output that had none: 1.0."""
    return 1.0


def pool_adjacent_violators(values: Sequence[float], weights: Sequence[float]) -> list[float]:
    """The non-decreasing sequence nearest to ``values`` in weighted least squares.

    values (Sequence[float]): the values, in order.
    weights (Sequence[float]): their positive weights.
    RETURNS (list[float]): one fitted value per input value.
    """
    blocks: list[list[float]] = []  # [mean, weight, count]
    for value, weight in zip(values, weights, strict=True):
        blocks.append([value, weight, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            mean, weight_, count = blocks.pop()
            last = blocks[-1]
            total = last[1] + weight_
            last[0] = (last[0] * last[1] + mean * weight_) / total
            last[1], last[2] = total, last[2] + count
    return [mean for mean, _, count in blocks for _ in range(int(count))]


def fit_calibration_map(samples: Sequence[Sample], bins: int = MAP_BINS) -> CalibrationMap:
    """A monotone map from raw probability to the share of right outputs, per equal bin.

    samples (Sequence[Sample]): (raw probability, right) pairs.
    bins (int): number of equal-width bins over [0, 1]. Defaults to ``MAP_BINS``.
    RETURNS (CalibrationMap): bin upper bounds -> calibrated probability; an empty bin takes the
        value of the bin before it (the first non-empty one's when it leads).
    """
    if not samples:
        raise ValueError("no samples to fit a calibration map on")
    scores = np.array([float(s) for s, _ in samples])  # type: ignore[arg-type]
    hits = np.array([h for _, h in samples], dtype=float)
    index = np.minimum((scores * bins).astype(int), bins - 1)
    counts = np.bincount(index, minlength=bins)
    rights = np.bincount(index, weights=hits, minlength=bins)
    filled = np.flatnonzero(counts)
    fitted = pool_adjacent_violators(list(rights[filled] / counts[filled]), list(counts[filled]))
    values, current = [], fitted[0]
    for b in range(bins):
        if counts[b]:
            current = fitted[int(np.searchsorted(filled, b))]
        values.append(round(float(current), 3))
    bounds = tuple(round((b + 1) / bins, 6) for b in range(bins))
    return CalibrationMap(bounds, tuple(values))


def fit_named(samples: Sequence[Sample], shrink: float = SHRINK) -> NamedConfidence:
    """Each name's share of right outputs, shrunk towards the pooled share, and the pooled row.

    samples (Sequence[Sample]): (name, right) pairs.
    shrink (float): pseudo-samples at the pooled share added to each name. Defaults to ``SHRINK``.
    RETURNS (NamedConfidence): name -> confidence, with the pooled ``*`` row.
    """
    if not samples:
        raise ValueError("no samples to fit a confidence table on")
    pooled = sum(h for _, h in samples) / len(samples)
    table = {POOLED: round(pooled, 3)}
    for name in dict.fromkeys(str(n) for n, _ in samples):
        hits = [h for n, h in samples if str(n) == name]
        table[name] = round((sum(hits) + shrink * pooled) / (len(hits) + shrink), 3)
    return NamedConfidence(table)


def expected_calibration_error(
    confidences: Sequence[float], rights: Sequence[bool], bins: int = ECE_BINS
) -> float:
    """The expected calibration error: over equal confidence bins, the samples' share times the
    gap between their mean confidence and their share of right outputs. 0.0 with no samples."""
    if not confidences:
        return 0.0
    conf = np.asarray(confidences, dtype=float)
    right = np.asarray(rights, dtype=float)
    index = np.minimum((conf * bins).astype(int), bins - 1)
    counts = np.bincount(index, minlength=bins)
    gaps = np.abs(
        np.bincount(index, weights=conf, minlength=bins)
        - np.bincount(index, weights=right, minlength=bins)
    )
    return float(gaps.sum() / counts.sum())


def cross_half(
    samples_of: Sequence[Sequence[Sample]],
    fit: Callable[[Sequence[Sample]], Callable],
    raw: Callable[[Hashable], float] | None = None,
) -> dict[str, dict]:
    """Fit on one half of the documents, measure calibration on the other, both ways.

    samples_of (Sequence[Sequence[Sample]]): each document's samples, in corpus order.
    fit (Callable): samples -> the table (a callable from what a sample is read from to a
        confidence).
    raw (Callable | None): the confidence before calibration (``certain`` for an output that
        had none, i.e. 1.0). Defaults to None (no "before" figure).
    RETURNS (dict[str, dict]): "fitted on even -> odd" and the reverse, each with samples,
        right (their share of right outputs), ece (after) and, with ``raw``, ece_raw (before);
        and "pooled" (both halves' held-out confidences together); a direction without samples
        to fit or to judge is left out.
    """
    halves = even_odd(len(samples_of))
    report: dict[str, dict] = {}
    pooled: list[tuple[float, bool, float | None]] = []
    for (fitted_on, train), (judged_on, judged) in zip(halves, halves[::-1], strict=True):
        fitted_samples = [s for i in train for s in samples_of[i]]
        scored = [s for i in judged for s in samples_of[i]]
        if not fitted_samples or not scored:
            continue
        table = fit(fitted_samples)
        found = [(table(k), h, raw(k) if raw else None) for k, h in scored]
        report[f"fitted on {fitted_on} -> {judged_on}"] = _calibration(found)
        pooled += found
    report["pooled"] = _calibration(pooled)
    return report


def _calibration(found: Sequence[tuple[float, bool, float | None]]) -> dict:
    rights = [h for _, h, _ in found]
    report = {
        "samples": len(found),
        "right": sum(rights) / len(found) if found else 0.0,
        "ece": expected_calibration_error([c for c, _, _ in found], rights),
    }
    if found and found[0][2] is not None:
        report["ece_raw"] = expected_calibration_error([r for _, _, r in found], rights)  # type: ignore[misc]
    return report


def write_calibration_map(path: Path, table: CalibrationMap, header: Sequence[str]) -> None:
    """Write a calibration map as rows of (bin upper bound, calibrated probability)."""
    rows = [
        f"{bound:g}\t{value:.3f}" for bound, value in zip(table.bounds, table.values, strict=True)
    ]
    write_rows(path, header, rows)


def write_named(
    path: Path, table: NamedConfidence, counts: dict[str, int], header: Sequence[str]
) -> None:
    """Write a name -> confidence table, the pooled row first, each row's samples in the header."""
    seen = ", ".join(f"{name} {count}" for name, count in counts.items())
    rows = [f"{name}\t{value:.3f}" for name, value in table.by_name.items()]
    write_rows(path, [*header, f"Samples: {seen}."], rows)


def write_rows(path: Path, header: Sequence[str], rows: Sequence[str]) -> None:
    """Write a data file: the header as comment lines, then the rows."""
    lines = [f"# {line}" if line else "#" for line in header]
    path.write_text("\n".join([*lines, *rows]) + "\n", encoding="utf-8")


def format_cross_half(reports: dict[str, dict[str, dict]]) -> list[str]:
    """Lines of ``cross_half`` reports, by what was calibrated: samples, share right, ECE."""
    lines = [f"{'':<38}{'samples':>8}{'right':>7}{'ECE raw':>9}{'ECE':>7}"]
    for what, report in reports.items():
        for name, part in report.items():
            raw = f"{part['ece_raw']:>9.3f}" if "ece_raw" in part else f"{'':>9}"
            lines.append(
                f"{what + ': ' + name:<38}{part['samples']:>8}{part['right']:>7.3f}{raw}"
                f"{part['ece']:>7.3f}"
            )
    return lines


def format_named(table: NamedConfidence) -> str:
    """A name table on one line: "* 0.76, own_time 0.90, ..."."""
    return ", ".join(f"{name} {value:.2f}" for name, value in table.by_name.items())
