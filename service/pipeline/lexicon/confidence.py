"""Confidence tables, loaded once from ``service/resources/en/events/``.

Each table is data written by the evaluation commands (``calibration --write`` for events and
time anchors, ``actors --write-confidence``, ``timelines --write-confidence``), fitted on
development documents held out from those it is judged on (README, "Confidence"):

- ``event_calibration.tsv``: a monotone map from the event classifier's probability to the share
  of held-out candidates at that probability that are gold events, one row per bin (the bin's
  upper bound -> calibrated probability);
- ``anchoring_confidence.tsv``: anchoring step -> share of gold events it dated right;
- ``role_confidence.tsv``: role rule -> share of its actor links that are right;
- ``../story/merge_confidence.tsv``: the score of the weakest merge of a story event (its lower
  bound, ``story.coreference``) -> share of such story events whose mentions are one gold event.

A name a table does not list (a step or rule added since it was measured) takes its ``*`` row,
the figure of all steps or rules pooled.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from service.pipeline.lexicon.events import RESOURCE_DIR
from service.pipeline.lexicon.word_lists import WordListError, read_pairs

EVENT_CALIBRATION_PATH = RESOURCE_DIR / "event_calibration.tsv"
ANCHORING_CONFIDENCE_PATH = RESOURCE_DIR / "anchoring_confidence.tsv"
ROLE_CONFIDENCE_PATH = RESOURCE_DIR / "role_confidence.tsv"
MERGE_CONFIDENCE_PATH = RESOURCE_DIR.parent / "story" / "merge_confidence.tsv"
POOLED = "*"
"""The row of a name table that stands for every name it does not list."""


@dataclass(frozen=True)
class CalibrationMap:
    """A monotone step function on [0, 1]: a probability up to ``bounds[i]`` maps to ``values[i]``.

    bounds (tuple[float, ...]): the bins' upper bounds, increasing, the last 1.0.
    values (tuple[float, ...]): the calibrated probability of each bin, non-decreasing, in [0, 1].
    """

    bounds: tuple[float, ...]
    values: tuple[float, ...]

    def __post_init__(self) -> None:
        problem = _map_problem(self.bounds, self.values)
        if problem:
            raise ValueError(problem)

    def __call__(self, probability: float) -> float:
        """The calibrated probability of a raw one (clipped to [0, 1])."""
        index = bisect_left(self.bounds, min(max(probability, 0.0), 1.0))
        return self.values[min(index, len(self.values) - 1)]


def _map_problem(bounds: tuple[float, ...], values: tuple[float, ...]) -> str | None:
    if not bounds or len(bounds) != len(values):
        return "a calibration map needs one value per bound"
    if bounds[-1] != 1.0 or any(a >= b for a, b in itertools.pairwise(bounds)):
        return "bounds must increase up to 1.0"
    if any(not 0.0 <= v <= 1.0 for v in values) or any(
        a > b for a, b in itertools.pairwise(values)
    ):
        return "values must be non-decreasing in [0, 1]"
    return None


@dataclass(frozen=True)
class NamedConfidence:
    """Confidence by name (an anchoring step, a role rule), the pooled figure for the rest."""

    by_name: dict[str, float]

    def __call__(self, name: str | None) -> float:
        """The confidence of ``name``; the pooled one when the table does not list it."""
        found = self.by_name.get(name or POOLED)
        return self.by_name[POOLED] if found is None else found


@dataclass(frozen=True)
class ScoreBands:
    """Confidence by score band: a score from ``lower[i]`` up to the next bound maps to
    ``values[i]``; a score below the first bound to the first value.

    lower (tuple[float, ...]): the bands' lower bounds, increasing.
    values (tuple[float, ...]): each band's confidence, in [0, 1].
    """

    lower: tuple[float, ...]
    values: tuple[float, ...]

    def __call__(self, score: float) -> float:
        """The confidence of a score."""
        return self.values[max(bisect_right(self.lower, score) - 1, 0)]


@dataclass(frozen=True)
class ConfidenceTables:
    """The confidence tables the pipeline reads."""

    events: CalibrationMap
    anchoring: NamedConfidence
    roles: NamedConfidence
    merges: ScoreBands


def read_calibration_map(path: Path) -> CalibrationMap:
    """A calibration map: rows of (bin upper bound, calibrated probability)."""
    try:
        rows = sorted((float(b), float(v)) for b, v in read_pairs(path).items())
        return CalibrationMap(tuple(b for b, _ in rows), tuple(v for _, v in rows))
    except ValueError as problem:
        raise WordListError(path, 0, str(problem)) from problem


def read_score_bands(path: Path) -> ScoreBands:
    """Score bands: rows of (lower bound, confidence), bounds distinct, values in [0, 1]."""
    try:
        rows = sorted((float(b), float(v)) for b, v in read_pairs(path).items())
    except ValueError as problem:
        raise WordListError(path, 0, str(problem)) from problem
    if not rows or any(not 0.0 <= v <= 1.0 for _, v in rows):
        raise WordListError(path, 0, "needs at least one band and values in [0, 1]")
    return ScoreBands(tuple(b for b, _ in rows), tuple(v for _, v in rows))


def read_named_confidence(path: Path) -> NamedConfidence:
    """A name -> confidence table with a pooled ``*`` row; every value in [0, 1]."""
    try:
        table = {name: float(value) for name, value in read_pairs(path).items()}
    except ValueError as problem:
        raise WordListError(path, 0, str(problem)) from problem
    if POOLED not in table or any(not 0.0 <= v <= 1.0 for v in table.values()):
        raise WordListError(path, 0, f"needs a {POOLED!r} row and values in [0, 1]")
    return NamedConfidence(table)


@cache
def load_confidence_tables() -> ConfidenceTables:
    """Load and validate the confidence tables once.

    RETURNS (ConfidenceTables): the shared, read-only tables.
    """
    return ConfidenceTables(
        events=read_calibration_map(EVENT_CALIBRATION_PATH),
        anchoring=read_named_confidence(ANCHORING_CONFIDENCE_PATH),
        roles=read_named_confidence(ROLE_CONFIDENCE_PATH),
        merges=read_score_bands(MERGE_CONFIDENCE_PATH),
    )
