"""Held-out event figures: the trigger classifier scores only documents it was not trained on.

``python -m service.evaluate events DIR --cross-corpus`` trains in memory on TimeBank and scores
AQUAINT end to end, then the reverse: the two corpora follow different annotation habits, so this
also measures how far the classifier carries to another convention. ``--folds K`` splits the
documents of both corpora into K folds (document i in fold i mod K) and scores each fold with a
classifier trained on the other K - 1. Either way the held-out halves are also pooled. Every
document is parsed once; training is that of ``make train``
(``service.pipeline.train_events.train``), deterministic.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from time import perf_counter

from spacy.tokens import Doc

from service.corpora.timeml import TimeMLDocument, read_timeml_dir
from service.evaluate.events import evaluate_events
from service.pipeline import DEFAULT_MODEL, DocumentRequest, TimelinePipeline, TimelineResult
from service.pipeline.events.extract import EventExtractor
from service.pipeline.lexicon.events import load_lexicon
from service.pipeline.timeline import DEFAULT_OPTIONS, TimelineOptions
from service.training.events import Examples, document_examples, merge, train

CORPORA = ("TimeBank", "AQUAINT")

# A held-out split: its report name, the documents it trains on and those it scores (indices).
Split = tuple[str, list[int], list[int]]


def corpus_splits(corpus_of: Sequence[str]) -> list[Split]:
    """Train on one corpus, score the other, for each order of ``CORPORA``."""
    indices = {name: [i for i, c in enumerate(corpus_of) if c == name] for name in CORPORA}
    return [
        (f"trained on {source} -> {target}", indices[source], indices[target])
        for source, target in (CORPORA, CORPORA[::-1])
    ]


def fold_splits(documents: int, folds: int) -> list[Split]:
    """K folds over all documents: document i is scored in fold i mod K."""
    if not 2 <= folds <= documents:
        raise ValueError(f"folds must be between 2 and the number of documents ({documents})")
    return [
        (
            f"fold {fold + 1} of {folds}",
            [i for i in range(documents) if i % folds != fold],
            [i for i in range(documents) if i % folds == fold],
        )
        for fold in range(folds)
    ]


@dataclass
class ParsedCorpus:
    """TempEval-3 read and parsed once: the documents, their corpus, Docs and training examples."""

    pipeline: TimelinePipeline
    documents: list[TimeMLDocument]
    corpus_of: list[str]
    parsed: list[Doc]
    examples: list[Examples]


def parse_corpus(
    directory: Path, model: str = DEFAULT_MODEL, limit: int | None = None
) -> ParsedCorpus:
    """Read both corpora of ``directory`` (``limit`` documents each), parse every document once."""
    pipeline = TimelinePipeline(model)
    lexicon = load_lexicon()
    documents: list[TimeMLDocument] = []
    corpus_of: list[str] = []
    for name in CORPORA:
        read = read_timeml_dir(directory / name, limit)
        documents += read
        corpus_of += [name] * len(read)
    parsed = list(pipeline.nlp.pipe((d.text for d in documents), batch_size=16))
    examples = [
        document_examples(d, doc, lexicon) for d, doc in zip(documents, parsed, strict=True)
    ]
    return ParsedCorpus(pipeline, documents, corpus_of, parsed, examples)


def predict_held_out(
    corpus: ParsedCorpus,
    splits: Sequence[Split],
    calibration: Callable[[float], float] | None = None,
    options: TimelineOptions = DEFAULT_OPTIONS,
) -> Iterator[tuple[str, int, TimelineResult]]:
    """Run the pipeline on each split's held-out documents with a classifier trained on the
    split's training documents (trained once per split).

    corpus (ParsedCorpus): the parsed corpus.
    splits (Sequence[Split]): (name, training indices, held-out indices) splits.
    calibration (Callable[[float], float] | None): as ``EventExtractor``'s. Defaults to None.
    options (TimelineOptions): what the timelines keep. Defaults to ``DEFAULT_OPTIONS``.
    RETURNS (Iterator[tuple[str, int, TimelineResult]]): (split name, document index, result)
        for each held-out document, split by split.
    """
    pipeline = corpus.pipeline
    for name, training, held_out in splits:
        classifier = train(merge([corpus.examples[i] for i in training]))
        pipeline.events = EventExtractor(pipeline.nlp, model=classifier, calibration=calibration)
        for i in held_out:
            d = corpus.documents[i]
            request = DocumentRequest(d.text, d.dct, d.doc_id, timeline=options)
            yield name, i, pipeline.extract_parsed(corpus.parsed[i], request)


def held_out_events(
    directory: Path,
    model: str = DEFAULT_MODEL,
    limit: int | None = None,
    folds: int | None = None,
) -> tuple[dict[str, dict], dict]:
    """Score events on documents the classifier was not trained on.

    directory (Path): the TempEval-3 folder holding ``TimeBank/`` and ``AQUAINT/``.
    model (str): spaCy model package. Defaults to ``DEFAULT_MODEL``.
    limit (int | None): documents to read per corpus (None: all). Defaults to None.
    folds (int | None): K for K-fold splits over both corpora; None trains on one corpus and
        scores the other. Defaults to None.
    RETURNS (tuple[dict[str, dict], dict]): the ``evaluate_events`` report of each split
        ("trained on TimeBank -> AQUAINT", ... or "fold 1 of 5", ...) and of all held-out
        documents pooled ("pooled"), and the timing of the run.
    """
    started = perf_counter()
    corpus = parse_corpus(directory, model, limit)
    count = len(corpus.documents)
    splits = fold_splits(count, folds) if folds else corpus_splits(corpus.corpus_of)
    by_split: dict[str, list[tuple[TimeMLDocument, TimelineResult]]] = {}
    for name, i, result in predict_held_out(corpus, splits):
        by_split.setdefault(name, []).append((corpus.documents[i], result))
    reports: dict[str, dict] = {}
    for name, pairs in by_split.items():
        reports[name] = evaluate_events([g for g, _ in pairs], [r for _, r in pairs])
    pooled = [pair for pairs in by_split.values() for pair in pairs]
    reports["pooled"] = evaluate_events([g for g, _ in pooled], [r for _, r in pooled])
    seconds = perf_counter() - started
    timing = {"documents": len(pooled), "seconds": seconds}
    return reports, timing


def format_held_out(reports: dict[str, dict], timing: dict) -> str:
    """One summary line per held-out report (strict/relaxed/class F1, anchoring)."""
    lines = ["EVENTS held out (classifier not trained on the scored documents), end to end"]
    lines.append("-" * 72)
    lines.append(
        f"{'':<34}{'strict F1':>10}{'relaxed F1':>11}{'class F1':>10}{'anchoring':>11}{'docs':>6}"
    )
    for name, report in reports.items():
        lines.append(
            f"{name:<34}{report['strict']['f1']:>10.3f}{report['relaxed']['f1']:>11.3f}"
            f"{report['event_class']['f1']:>10.3f}{report['anchoring']['accuracy']:>11.3f}"
            f"{report['documents']:>6}"
        )
    lines.append(f"Timing: {timing['documents']} docs in {timing['seconds']:.1f} s (with training)")
    return "\n".join(lines)
