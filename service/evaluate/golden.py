"""The pipeline's full output on every development document, for byte-for-byte regression checks.

``python -m service.evaluate.golden OUT [--data DIR] [--examples DIR]`` writes one JSON line per
document (corpus, id, and the response ``/v1/timeline`` would give) for TempEval-3, MEANTIME and
the SemEval-2015 trial documents and the example articles, then the ``/v1/timelines`` story of the
SemEval trial documents for its gold actors, and prints the file's SHA-256. A change that must not
alter extraction results leaves the digest as it was (``make golden``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Iterator, Sequence
from pathlib import Path

from service.api.schemas import TimelineResponseSchema, TimelinesResponseSchema
from service.corpora.meantime import read_meantime_dir
from service.corpora.semeval import read_timeline_corpus
from service.corpora.timeml import read_timeml_dir
from service.pipeline import DEFAULT_MODEL, DocumentRequest, TimelinePipeline
from service.pipeline.story.build import build_story


def _corpora(data: Path, examples: Path) -> Iterator[tuple[str, list[DocumentRequest]]]:
    """Each development corpus as (name, requests), in a fixed order."""
    for name in ("TimeBank", "AQUAINT"):
        documents = read_timeml_dir(data / "tempeval3" / name)
        yield name, [DocumentRequest(d.text, d.dct, d.doc_id) for d in documents]
    meantime = read_meantime_dir(data / "meantime" / "corpus_apple")
    yield "meantime_apple", [DocumentRequest(d.text, d.dct, d.doc_id) for d in meantime]
    trial, _ = read_timeline_corpus(data / "semeval2015-timeline-trial")
    yield "semeval_trial", [DocumentRequest(d.text, d.dct, d.doc_id) for d in trial]
    articles = sorted(examples.glob("*.txt"))
    yield (
        "examples",
        [DocumentRequest(p.read_text(encoding="utf-8"), None, p.stem) for p in articles],
    )


def golden_lines(data: Path, examples: Path, model: str = DEFAULT_MODEL) -> Iterator[str]:
    """The golden file's lines: one per document, then one per story.

    data (Path): the folder holding ``tempeval3``, ``meantime`` and ``semeval2015-timeline-trial``.
    examples (Path): a folder of plain-text articles (their dates come from their datelines).
    model (str): spaCy model package. Defaults to ``DEFAULT_MODEL``.
    RETURNS (Iterator[str]): JSON lines, keys sorted.
    """
    pipeline = TimelinePipeline(model)
    document_schema = TimelineResponseSchema()
    for corpus, requests in _corpora(data, examples):
        results = list(pipeline.process_many(requests))
        for request, result in zip(requests, results, strict=True):
            yield _line(
                {"corpus": corpus, "id": request.id, "result": document_schema.dump(result)}
            )
        if corpus == "semeval_trial":
            yield _line({"corpus": corpus, "story": _story(data, requests, results)})


def _story(data: Path, requests: Sequence[DocumentRequest], results: Sequence) -> dict:
    _, gold = read_timeline_corpus(data / "semeval2015-timeline-trial")
    story = build_story(
        [(r.id, result) for r, result in zip(requests, results, strict=True)],
        [t.actor for t in gold],
    )
    payload = {
        "documents": [],
        "timeline": story.timeline,
        "actor_timelines": story.actor_timelines,
    }
    return TimelinesResponseSchema().dump(payload)


def _line(record: dict) -> str:
    return json.dumps(record, sort_keys=True, ensure_ascii=False)


def main(argv: Sequence[str] | None = None) -> int:
    """Write the golden file and print its digest."""
    parser = argparse.ArgumentParser(prog="python -m service.evaluate.golden", description=__doc__)
    parser.add_argument("output", type=Path, help="the JSON Lines file to write")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--examples", type=Path, default=Path("../shared/examples"))
    parser.add_argument("--model", default=DEFAULT_MODEL)
    args = parser.parse_args(argv)
    digest = hashlib.sha256()
    lines = 0
    with args.output.open("w", encoding="utf-8") as out:
        for line in golden_lines(args.data, args.examples, args.model):
            out.write(line + "\n")
            digest.update((line + "\n").encode("utf-8"))
            lines += 1
    print(f"{digest.hexdigest()}  {args.output} ({lines} lines)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
