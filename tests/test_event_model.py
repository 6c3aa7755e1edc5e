"""The trigger classifier's inference: one segmented sum equals the per-candidate sums."""

from __future__ import annotations

import numpy as np
import pytest

from service.pipeline.events.model import NONE_LABEL, EventModel, softmax

LABELS = (NONE_LABEL, "OCCURRENCE", "STATE")
NAMES = ("bias", "l=attack", "p=VERB", "p=NOUN", "w=said")


@pytest.fixture
def model() -> EventModel:
    weights = np.random.default_rng(7).normal(size=(len(NAMES), len(LABELS))).astype(np.float32)
    return EventModel({name: row for row, name in enumerate(NAMES)}, LABELS, weights, 0.5)


def one_by_one(model: EventModel, feature_lists: list[list[str]]) -> np.ndarray:
    """Each candidate's known feature rows summed in a plain loop, then the softmax."""
    scores = np.zeros((len(feature_lists), len(LABELS)))
    for row, names in enumerate(feature_lists):
        for name in names:
            if name in model.features:
                scores[row] += model.weights[model.features[name]]
    return softmax(scores)


@pytest.mark.parametrize(
    "feature_lists",
    [
        [["bias", "l=attack", "p=VERB"], ["bias", "p=NOUN"]],
        [["bias", "unknown", "p=VERB", "p=VERB"], ["unknown"], [], ["bias", "w=said"], []],
        [[], []],
        [["never", "seen"]],
    ],
    ids=["plain", "unknown-duplicate-empty", "all-empty", "all-unknown"],
)
def test_probabilities_equal_per_candidate_sums(model, feature_lists):
    expected = one_by_one(model, feature_lists)
    np.testing.assert_allclose(model.probabilities(feature_lists), expected, rtol=1e-12)


def test_predict_labels_by_threshold(model):
    lists = [["bias", "l=attack", "p=VERB"], ["p=NOUN"], []]
    probs = one_by_one(model, lists)
    expected = [
        LABELS[int(np.argmax(p[1:])) + 1] if 1 - p[0] >= model.threshold else NONE_LABEL
        for p in probs
    ]
    assert model.predict(lists) == expected
    assert model.predict([]) == []
