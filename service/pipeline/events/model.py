"""A linear (softmax) classifier over trigger features: NONE or one of the TimeML event classes.

Parameters live in ``service/resources/en/events/event_model.npz`` (written by
``python -m service.training.events``): the feature names, the labels, one weight row per
feature and the probability a candidate needs to be an event.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from itertools import chain, repeat
from pathlib import Path

import numpy as np

from service.pipeline.lexicon.events import RESOURCE_DIR

MODEL_PATH = RESOURCE_DIR / "event_model.npz"
NONE_LABEL = "NONE"


@dataclass(frozen=True)
class EventModel:
    """Weights of the trigger classifier.

    features (dict[str, int]): feature name -> weight row.
    labels (tuple[str, ...]): output labels, ``NONE_LABEL`` first.
    weights (np.ndarray): (features, labels) weight matrix.
    threshold (float): the least event probability (1 - P(NONE)) of a trigger.
    """

    features: dict[str, int]
    labels: tuple[str, ...]
    weights: np.ndarray
    threshold: float

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> EventModel:
        """Read the parameters written by :meth:`save`."""
        with np.load(path, allow_pickle=False) as data:
            names = [str(name) for name in data["features"]]
            return cls(
                features={name: row for row, name in enumerate(names)},
                labels=tuple(str(label) for label in data["labels"]),
                weights=data["weights"].astype(np.float32),
                threshold=float(data["threshold"]),
            )

    def save(self, path: Path = MODEL_PATH) -> None:
        """Write the parameters as a compressed ``.npz`` file."""
        names = sorted(self.features, key=self.features.__getitem__)
        np.savez_compressed(
            path,
            features=np.array(names),
            labels=np.array(self.labels),
            weights=self.weights.astype(np.float16),
            threshold=np.array(self.threshold),
        )

    @cached_property
    def _rows(self) -> np.ndarray:
        """The weights in float64 with a zero row appended, the row of unknown features."""
        zero = np.zeros((1, self.weights.shape[1]))
        return np.vstack([self.weights, zero]).astype(np.float64)

    def probabilities(self, feature_lists: list[list[str]]) -> np.ndarray:
        """Return the (candidates, labels) label probabilities of each candidate's features."""
        lengths = np.fromiter(map(len, feature_lists), np.intp, len(feature_lists))
        unknown = repeat(len(self.weights))
        names = chain.from_iterable(feature_lists)
        rows = np.fromiter(map(self.features.get, names, unknown), np.intp, int(lengths.sum()))
        scores = np.zeros((len(feature_lists), len(self.labels)))
        filled = lengths > 0
        if filled.any():
            # Each candidate's weight rows summed in order, as one segmented sum over all of them.
            starts = (np.cumsum(lengths) - lengths)[filled]
            scores[filled] = np.add.reduceat(self._rows[rows], starts, axis=0)
        return softmax(scores)

    def predict(self, feature_lists: list[list[str]]) -> list[str]:
        """Return each candidate's label: ``NONE_LABEL`` or its most likely event class.

        feature_lists (list[list[str]]): each candidate's feature names.
        RETURNS (list[str]): one label per candidate.
        """
        return [label for label, _ in self.predict_scored(feature_lists)]

    def predict_scored(self, feature_lists: list[list[str]]) -> list[tuple[str, float]]:
        """Return each candidate's label and the probability that it is an event at all.

        feature_lists (list[list[str]]): each candidate's feature names.
        RETURNS (list[tuple[str, float]]): (label, probability of any event class) pairs.
        """
        if not feature_lists:
            return []
        probs = self.probabilities(feature_lists)
        best_class = probs[:, 1:].argmax(axis=1) + 1
        event = 1.0 - probs[:, 0]
        return [
            (self.labels[c] if p >= self.threshold else NONE_LABEL, float(p))
            for c, p in zip(best_class, event, strict=True)
        ]


def softmax(scores: np.ndarray) -> np.ndarray:
    """Row-wise softmax."""
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)
