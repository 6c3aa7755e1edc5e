"""Event stage: triggers and classes, TimeML attributes, actors and times, as ``Event`` records."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from service.pipeline.events.actors import ActorFinder
from service.pipeline.events.anchor_walk import EventToAnchor
from service.pipeline.events.anchoring import Anchorer
from service.pipeline.events.attributes import read_attributes
from service.pipeline.events.description import describe
from service.pipeline.events.detection import EventDetector
from service.pipeline.events.model import MODEL_PATH, EventModel
from service.pipeline.events.referents import resolve_actors
from service.pipeline.events.time_mentions import Sentences
from service.pipeline.lexicon.confidence import load_confidence_tables
from service.pipeline.records import Entity, Event, TextSpan, TimeExpression
from service.pipeline.syntax.spans import token_mask

# Dependencies of an argument on the word it belongs to.
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})
# Dependencies through which an event embeds another ("said it would close": said -> close).
EMBEDDING = frozenset({"ccomp", "xcomp", "advcl"})


class EventExtractor:
    """Finds events, their actors and their times.

    nlp (Language): the loaded pipeline (kept for symmetry with the other stages).
    model_path (Path): the trigger classifier's parameters. Defaults to ``MODEL_PATH``.
    model (EventModel | None): an in-memory trigger classifier (held-out evaluation), used
        instead of ``model_path``. Defaults to None.
    calibration (Callable[[float], float] | None): maps the classifier's event probability to
        ``Event.confidence``. Defaults to None (the shipped ``event_calibration.tsv``).
    """

    def __init__(
        self,
        nlp: Language,
        model_path: Path = MODEL_PATH,
        model: EventModel | None = None,
        calibration: Callable[[float], float] | None = None,
    ) -> None:
        self.nlp = nlp
        self.detector = EventDetector(model_path, model)
        self.calibration = calibration or load_confidence_tables().events

    def __call__(
        self,
        doc: Doc,
        entities: Sequence[Entity],
        time_expressions: Sequence[TimeExpression],
        document_date: datetime | None,
        text: str | None = None,
        front_matter: tuple[int, int] = (0, 0),
    ) -> list[Event]:
        """Return the events of ``doc`` in text order, each id derived from its sentence and
        trigger (see :func:`event_ids`).

        doc (Doc): the parsed document.
        entities (Sequence[Entity]): the document's entities (from the entity stage).
        time_expressions (Sequence[TimeExpression]): the document's time expressions.
        document_date (datetime | None): the document date, if known.
        text (str | None): ``doc.text`` if the caller has it (spaCy rebuilds it token by token).
        front_matter (tuple[int, int]): the (start, end) offsets of the front matter a dateline
            closes (``DocumentDate.front_matter``); nothing in it is an event, an actor or a time
            that dates an event. Defaults to none.
        RETURNS (list[Event]): the events with attributes, actors (linked to the entities they
            refer to: ``events.referents``) and times.
        """
        entity_of = token_entities(doc, entities)
        spans = [(t.start, t.end) for t in time_expressions]
        start, end = front_matter
        in_timex = token_mask(doc, [front_matter, *spans] if end else spans)
        triggers = self.detector(doc, in_timex)
        classes = {token.i: event_class for token, event_class, _ in triggers}
        types = {e.id: e.type for e in entities}
        text = doc.text if text is None else text
        finder = ActorFinder(doc, entity_of, types, in_timex, set(classes), text)
        attributes = [read_attributes(t, _governor_class(t, classes)) for t, _, _ in triggers]
        sentences = Sentences(doc)
        in_text = [t for t in time_expressions if not start <= t.start < end]
        times = Anchorer(doc, in_text, document_date, sentences)(
            [
                EventToAnchor(token, event_class, attrs.tense, attrs.aspect)
                for (token, event_class, _), attrs in zip(triggers, attributes, strict=True)
            ]
        )
        tokens = [token for token, _, _ in triggers]
        ids = event_ids(tokens, sentences)
        id_of = dict(zip((t.i for t in tokens), ids, strict=True))
        events = []
        for event_id, (token, event_class, probability), attrs, time in zip(
            ids, triggers, attributes, times, strict=True
        ):
            actors = finder(token)
            head = _head_event(token)
            events.append(
                Event(
                    id=event_id,
                    trigger=TextSpan(token.text, token.idx, token.idx + len(token)),
                    lemma=token.lemma_.lower(),
                    event_class=event_class,
                    sentence=sentences.text_span(token.i),
                    tense=attrs.tense,
                    aspect=attrs.aspect,
                    polarity=attrs.polarity,
                    modality=attrs.modality,
                    factuality=attrs.factuality,
                    actors=actors,
                    time=time,
                    description=describe(token, actors, front_matter),
                    confidence=round(self.calibration(probability), 3),
                    head_event=id_of.get(head.i) if head is not None else None,
                )
            )
        return resolve_actors(events, entities)


def event_ids(tokens: Sequence[Token], sentences: Sentences) -> list[str]:
    """Ids of the events whose triggers are ``tokens``, derived from content, not position.

    An id hashes the trigger's sentence, its offset in it and its text, so text added before an
    event keeps its id; a second identical sentence gets ``-2``, ``-3``, ... after it. Each
    sentence is hashed once, and each of its events continues that hash.
    """
    ids, seen = [], Counter()
    hashed: dict[int, hashlib.blake2b] = {}
    for token in tokens:
        sentence = sentences.text_span(token.i)
        if sentence.start not in hashed:
            hashed[sentence.start] = hashlib.blake2b(sentence.text.strip().encode(), digest_size=5)
        key = hashed[sentence.start].copy()
        key.update(f"\x1f{token.idx - sentence.start}\x1f{token.text}".encode())
        digest = "e" + key.hexdigest()
        seen[digest] += 1
        ids.append(digest if seen[digest] == 1 else f"{digest}-{seen[digest]}")
    return ids


def _head_event(token: Token) -> Token | None:
    """The word whose argument the trigger is: the verb of its subject or object, or the word a
    preposition heading it hangs from ("the campaign began", "attending the summit")."""
    if token.dep_ in _ARGUMENTS:
        return token.head
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        return token.head.head
    return None


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
