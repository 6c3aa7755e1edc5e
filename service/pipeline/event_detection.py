"""Event detection: which tokens are TimeML EVENT triggers, and their class.

Candidates are content words outside time expressions; the trained linear classifier
(:mod:`service.pipeline.event_model`) labels each NONE or with its event class.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from spacy.tokens import Doc, Token

from service.pipeline.event_features import is_candidate, token_features
from service.pipeline.event_lexicon import load_lexicon
from service.pipeline.event_model import MODEL_PATH, NONE_LABEL, EventModel


class EventDetector:
    """Finds event triggers and classes them.

    model_path (Path): the classifier's parameters. Defaults to ``MODEL_PATH``.
    """

    def __init__(self, model_path: Path = MODEL_PATH) -> None:
        self.lexicon = load_lexicon()
        self.model = EventModel.load(model_path)

    def __call__(self, doc: Doc, blocked: Sequence[bool]) -> list[tuple[Token, str]]:
        """Return the event triggers of ``doc`` with their TimeML class, in text order.

        doc (Doc): the parsed document.
        blocked (Sequence[bool]): per token, whether it is inside a time expression.
        RETURNS (list[tuple[Token, str]]): (trigger, class) pairs.
        """
        candidates = [t for t in doc if is_candidate(t, blocked[t.i])]
        features = [token_features(t, self.lexicon) for t in candidates]
        labels = self.model.predict(features)
        return [
            (token, label)
            for token, label in zip(candidates, labels, strict=True)
            if label != NONE_LABEL
        ]
