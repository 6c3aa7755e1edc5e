"""Held-out event figures: train the trigger classifier on one corpus, score the other.

``python -m service.evaluate events DIR --cross-corpus`` trains in memory on TimeBank and scores
AQUAINT end to end, then the reverse, then pools both held-out halves. Every document is parsed
once; training is that of ``make train`` (``service.pipeline.train_events.train``), deterministic.
"""

from __future__ import annotations

from pathlib import Path
from time import perf_counter

from service.evaluate.events import evaluate_events
from service.evaluate.timeml import TimeMLDocument, read_timeml_dir
from service.pipeline import DEFAULT_MODEL, TimelinePipeline, TimelineResult
from service.pipeline.event_lexicon import load_lexicon
from service.pipeline.events import EventExtractor
from service.pipeline.pipeline import DocumentRequest
from service.pipeline.train_events import document_examples, merge, train

CORPORA = ("TimeBank", "AQUAINT")


def cross_corpus_events(
    directory: Path, model: str = DEFAULT_MODEL, limit: int | None = None
) -> tuple[dict[str, dict], dict]:
    """Score events on each corpus with a classifier trained on the other one only.

    directory (Path): the TempEval-3 folder holding ``TimeBank/`` and ``AQUAINT/``.
    model (str): spaCy model package. Defaults to ``DEFAULT_MODEL``.
    limit (int | None): documents to read per corpus (None: all). Defaults to None.
    RETURNS (tuple[dict[str, dict], dict]): the ``evaluate_events`` report of each held-out
        corpus ("trained on TimeBank -> AQUAINT", ...) and of both pooled ("pooled"), and the
        timing of the run.
    """
    started = perf_counter()
    pipeline = TimelinePipeline(model)
    lexicon = load_lexicon()
    gold = {name: read_timeml_dir(directory / name, limit) for name in CORPORA}
    parsed = {
        name: list(pipeline.nlp.pipe((d.text for d in documents), batch_size=16))
        for name, documents in gold.items()
    }
    examples = {
        name: [document_examples(d, doc, lexicon) for d, doc in zip(gold[name], docs, strict=True)]
        for name, docs in parsed.items()
    }
    reports: dict[str, dict] = {}
    pooled_gold: list[TimeMLDocument] = []
    pooled_results: list[TimelineResult] = []
    for source, target in (CORPORA, CORPORA[::-1]):
        classifier = train(merge(examples[source]))
        pipeline.events = EventExtractor(pipeline.nlp, model=classifier)
        results = [
            pipeline.extract_parsed(doc, DocumentRequest(d.text, d.dct, d.doc_id))
            for d, doc in zip(gold[target], parsed[target], strict=True)
        ]
        reports[f"trained on {source} -> {target}"] = evaluate_events(gold[target], results)
        pooled_gold += gold[target]
        pooled_results += results
    reports["pooled"] = evaluate_events(pooled_gold, pooled_results)
    seconds = perf_counter() - started
    timing = {"documents": len(pooled_gold), "seconds": seconds}
    return reports, timing


def format_cross_corpus(reports: dict[str, dict], timing: dict) -> str:
    """One summary line per held-out report (strict/relaxed/class F1, anchoring)."""
    lines = ["EVENTS held out (classifier trained on the other corpus), end to end", "-" * 72]
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
