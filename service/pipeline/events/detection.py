"""Event detection: which tokens are TimeML EVENT triggers, and their class.

Candidates are content words outside time expressions; the trained linear classifier
(:mod:`service.pipeline.events.model`) labels each NONE or with its event class. A copula or a
future "going to" is never a trigger: TimeML tags the predicate ("late" in "was late", "close" in
"is going to close"), and TimeBank does so, while AQUAINT often tags the copula itself. They stay
training candidates all the same: leaving copulas out of training cost 0.5 point of held-out F1.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from spacy.tokens import Doc, Token

from service.pipeline.events.features import eventive, is_candidate, time_governors, token_features
from service.pipeline.events.model import MODEL_PATH, NONE_LABEL, EventModel
from service.pipeline.lexicon.events import load_lexicon

_PREDICATES = frozenset({"acomp", "attr"})
_FRAMED = frozenset({"I_ACTION", "I_STATE", "ASPECTUAL"})
_OBJECT_FRAMED = frozenset({"I_ACTION", "ASPECTUAL"})  # also framed by an event object
# Classes a listed verb keeps whatever its frame: "saw the blast" and "saw it fall" alike.
_FIXED = frozenset({"PERCEPTION"})


def _function_verb(token: Token) -> bool:
    """Whether a verb only links a predicate or marks tense; TimeML tags the predicate instead.

    A copula ("was" in "was late", "is a risk") or the "going" of the future "is going to close".
    """
    if token.lemma_ == "be":
        return any(c.dep_ in _PREDICATES for c in token.children)
    return (
        token.lemma_ == "go"
        and token.tag_ == "VBG"
        and any(
            c.dep_ == "xcomp" and any(g.tag_ == "TO" for g in c.children) for c in token.children
        )
    )


class EventDetector:
    """Finds event triggers and classes them.

    model_path (Path): the classifier's parameters. Defaults to ``MODEL_PATH``.
    model (EventModel | None): an in-memory classifier, used instead of ``model_path``.
        Defaults to None.
    """

    def __init__(self, model_path: Path = MODEL_PATH, model: EventModel | None = None) -> None:
        self.lexicon = load_lexicon()
        self.model = model if model is not None else EventModel.load(model_path)

    def __call__(self, doc: Doc, blocked: Sequence[bool]) -> list[tuple[Token, str, float]]:
        """Return the event triggers of ``doc`` with their TimeML class, in text order.

        doc (Doc): the parsed document.
        blocked (Sequence[bool]): per token, whether it is inside a time expression.
        RETURNS (list[tuple[Token, str, float]]): (trigger, class, probability that it is an
            event) triples.
        """
        candidates = [t for t in doc if is_candidate(t, blocked[t.i]) and not _function_verb(t)]
        governed = time_governors(doc, blocked)
        features = [token_features(t, self.lexicon, governed) for t in candidates]
        scored = self.model.predict_scored(features)
        return [
            (token, self._framed(token, label), probability)
            for token, (label, probability) in zip(candidates, scored, strict=True)
            if label != NONE_LABEL
        ]

    def _framed(self, token: Token, label: str) -> str:
        """The listed class of a verb used in its embedding frame, over a plain OCCURRENCE.

        "offered to pay", "decided that ...", "kept rising": a listed intensional or aspectual
        verb with a clausal complement (an I_ACTION or aspectual one also with an event object)
        has its listed class whatever the classifier says; a listed perception verb always has it.
        """
        if token.pos_ != "VERB":
            return label
        listed = self.lexicon.verb_classes.get(token.lemma_.lower())
        if listed in _FIXED:
            return listed
        if label != "OCCURRENCE":
            return label
        if listed in _FRAMED and any(c.dep_ in ("xcomp", "ccomp") for c in token.children):
            return listed
        if listed in _OBJECT_FRAMED and any(
            c.dep_ == "dobj" and eventive(c, self.lexicon) for c in token.children
        ):
            return listed  # "completed the takeover", "postponed the vote"
        return label
