"""Run the pipeline over gold documents and time it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from time import perf_counter
from typing import Protocol

from service.pipeline import DEFAULT_MODEL, DocumentRequest, TimelinePipeline, TimelineResult
from service.pipeline.vocabulary import ANNOTATIONS, Annotation


class GoldDocument(Protocol):
    """What running needs of a gold document: its id, text and creation time."""

    doc_id: str
    text: str
    dct: date | datetime | None


def run_pipeline(
    documents: Sequence[GoldDocument],
    model: str = DEFAULT_MODEL,
    annotations: tuple[Annotation, ...] = ANNOTATIONS,
) -> tuple[list[TimelineResult], dict]:
    """Process every document's text with its creation time as the document date.

    documents (Sequence[GoldDocument]): the gold documents.
    model (str): spaCy model package. Defaults to ``DEFAULT_MODEL``.
    annotations (tuple[Annotation, ...]): what to extract. Defaults to everything.
    RETURNS (tuple[list[TimelineResult], dict]): one result per document, in order, and the
        timing (documents, characters, load_seconds, seconds, docs_per_second, chars_per_second).
    """
    started = perf_counter()
    pipeline = TimelinePipeline(model)
    loaded = perf_counter()
    requests = [DocumentRequest(d.text, d.dct, d.doc_id, "en", annotations) for d in documents]
    results = list(pipeline.process_many(requests))
    seconds = perf_counter() - loaded
    characters = sum(len(d.text) for d in documents)
    timing = {
        "documents": len(documents),
        "characters": characters,
        "load_seconds": loaded - started,
        "seconds": seconds,
        "docs_per_second": len(documents) / seconds if seconds else 0.0,
        "chars_per_second": characters / seconds if seconds else 0.0,
    }
    return results, timing
