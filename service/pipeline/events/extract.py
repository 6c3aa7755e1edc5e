"""Event stage: triggers and classes, TimeML attributes, actors and times, as ``Event`` records."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from service.pipeline.events.actors import ActorFinder
from service.pipeline.events.anchoring import Anchorer, EventToAnchor
from service.pipeline.events.attributes import read_attributes
from service.pipeline.events.detection import EventDetector
from service.pipeline.events.model import MODEL_PATH, EventModel
from service.pipeline.events.time_mentions import Sentences
from service.pipeline.records import Entity, Event, TextSpan, TimeExpression
from service.pipeline.syntax.spans import token_mask

# Dependencies through which an event embeds another ("said it would close": said -> close).
EMBEDDING = frozenset({"ccomp", "xcomp", "advcl"})


class EventExtractor:
    """Finds events, their actors and their times.

    nlp (Language): the loaded pipeline (kept for symmetry with the other stages).
    model_path (Path): the trigger classifier's parameters. Defaults to ``MODEL_PATH``.
    model (EventModel | None): an in-memory trigger classifier (held-out evaluation), used
        instead of ``model_path``. Defaults to None.
    """

    def __init__(
        self, nlp: Language, model_path: Path = MODEL_PATH, model: EventModel | None = None
    ) -> None:
        self.nlp = nlp
        self.detector = EventDetector(model_path, model)

    def __call__(
        self,
        doc: Doc,
        entities: Sequence[Entity],
        time_expressions: Sequence[TimeExpression],
        document_date: datetime | None,
        text: str | None = None,
    ) -> list[Event]:
        """Return the events of ``doc``, ids ``e1``... in text order.

        doc (Doc): the parsed document.
        entities (Sequence[Entity]): the document's entities (from the entity stage).
        time_expressions (Sequence[TimeExpression]): the document's time expressions.
        document_date (datetime | None): the document date, if known.
        text (str | None): ``doc.text`` if the caller has it (spaCy rebuilds it token by token).
        RETURNS (list[Event]): the events with attributes, actors and times.
        """
        entity_of = token_entities(doc, entities)
        in_timex = token_mask(doc, ((t.start, t.end) for t in time_expressions))
        triggers = self.detector(doc, in_timex)
        classes = {token.i: event_class for token, event_class in triggers}
        types = {e.id: e.type for e in entities}
        text = doc.text if text is None else text
        finder = ActorFinder(doc, entity_of, types, in_timex, set(classes), text)
        attributes = [read_attributes(t, _governor_class(t, classes)) for t, _ in triggers]
        sentences = Sentences(doc)
        times = Anchorer(doc, time_expressions, document_date, sentences)(
            [
                EventToAnchor(token, event_class, attrs.tense, attrs.aspect)
                for (token, event_class), attrs in zip(triggers, attributes, strict=True)
            ]
        )
        events = []
        for number, ((token, event_class), attrs, time) in enumerate(
            zip(triggers, attributes, times, strict=True), start=1
        ):
            events.append(
                Event(
                    id=f"e{number}",
                    trigger=TextSpan(token.text, token.idx, token.idx + len(token)),
                    lemma=token.lemma_.lower(),
                    event_class=event_class,
                    sentence=sentences.text_span(token.i),
                    tense=attrs.tense,
                    aspect=attrs.aspect,
                    polarity=attrs.polarity,
                    modality=attrs.modality,
                    factuality=attrs.factuality,
                    actors=finder(token),
                    time=time,
                )
            )
        return events


def token_entities(doc: Doc, entities: Sequence[Entity]) -> list[str | None]:
    """For each token, the id of the outermost entity mention containing it.

    "US" in "the US-led coalition" belongs to the coalition, the phrase it helps to name.
    """
    owner: list[str | None] = [None] * len(doc)
    mentions = [(m, e.id) for e in entities for m in e.mentions]
    for mention, entity_id in sorted(mentions, key=lambda p: p[0].end - p[0].start):
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            owner[span.start : span.end] = [entity_id] * len(span)
    return owner


def _governor_class(token: Token, classes: dict[int, str]) -> str | None:
    """The class of the event that embeds this one through a complement or adverbial clause.

    A reporting verb after its quote ('"We will go," she said') is often parsed as the quote's
    complement: it then reports its head rather than being embedded in it.
    """
    if any(classes.get(c.i) == "REPORTING" and _trailing(c) for c in token.children):
        return "REPORTING"
    if token.dep_ not in EMBEDDING or _trailing(token):
        return None
    return classes.get(token.head.i)


def _trailing(token: Token) -> bool:
    """Whether a clause follows its head after a comma or quote (a trailing speech verb)."""
    if token.dep_ not in ("ccomp", "parataxis") or token.i < token.head.i:
        return False
    between = token.doc[token.head.i + 1 : token.i]
    return any(t.is_punct and t.text in {",", '"', "”", "''"} for t in between)
